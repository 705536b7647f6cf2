"""Entity mentions prepared for clustering: labels and thresholds, parsed names, roles from
context, and the item/node records."""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ...language import STOP_WORDS
from ...model import AnnotatedArticle, Mention
from ..gazetteer import Gazetteer
from ..names import (
    GENERIC_PLACE,
    MODIFIER_WORDS,
    NUMBER_WORDS,
    TITLE_WORDS,
    NameCore,
    clean_surface,
    fold,
    fold_tokens,
    is_acronym,
    is_role_only,
    name_core,
)

# characters before a name searched for its title, or for a place cue and role nouns
TITLE_WINDOW_CHARS = 120
CUE_WINDOW_CHARS = 40

ENTITY_LABELS = frozenset(
    "PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split()
)
# Labels for mentions that do not come from the NER (see adapter.annotate_spans):
NAME_LABEL = "NAME"  # a proper name of unknown type
NOMINAL_LABEL = "NOMINAL"  # a common-noun phrase; clustered by its head lemma (Mention.head)
PRONOUN_LABEL = "PRONOUN"  # linked to an antecedent in the same article
RESOLVED_LABELS = ENTITY_LABELS | {NAME_LABEL, NOMINAL_LABEL, PRONOUN_LABEL}
PRONOUN_CLASSES = {
    "m": frozenset("he him his himself".split()),
    "f": frozenset("she her hers herself".split()),
    "n": frozenset("it its itself".split()),
    "p": frozenset("they them their theirs themselves".split()),
    "who": frozenset("who whom whose".split()),
    "which": frozenset("which that".split()),
}
# common nouns for people, so that "she" can stand for "the woman" and "it" cannot
PERSON_NOUNS = frozenset(
    """
    man woman boy girl child kid baby son daughter mother father husband wife brother sister
    parent grandmother grandfather uncle aunt nephew niece cousin friend boyfriend girlfriend
    fiance fiancee widow widower teenager teen person individual resident citizen victim
    survivor suspect defendant witness driver pilot passenger actor actress singer star
    player coach manager captain striker goalkeeper athlete champion officer policeman
    soldier commander general leader president minister official spokesman spokeswoman
    spokesperson governor mayor senator judge lawyer attorney prosecutor doctor nurse
    surgeon patient teacher student professor scientist researcher author writer journalist
    reporter editor executive chairman founder owner employee worker engineer farmer
    climber hiker host director producer prophet priest bishop pope king queen prince
    princess ambassador envoy diplomat analyst expert candidate chief head
    inmate prisoner convict escapee fugitive detainee hostage captive gunman shooter robber
    thief burglar attacker assailant killer murderer bomber hijacker kidnapper abductor
    gangster mobster smuggler trafficker offender accused culprit perpetrator intruder
    pedestrian motorist cyclist biker rider swimmer runner skier boxer fighter wrestler
    golfer batter pitcher quarterback receiver linebacker tackle guard midfielder
    defender rookie veteran comedian emcee presenter correspondent columnist
    photographer publicist rapper musician dancer celebrity filmmaker novelist
    poet artist painter designer chef physician neurosurgeon dentist pharmacist therapist
    paramedic firefighter sheriff deputy detective trooper ranger marine sailor
    mountaineer explorer tourist visitor traveller traveler migrant refugee immigrant
    protester demonstrator activist volunteer rescuer casualty accountant
    receptionist clerk cashier secretary assistant banker broker investor entrepreneur
    businessman businesswoman boss supervisor colleague neighbour neighbor landlord tenant
    homeowner shopkeeper youngster toddler infant newborn pensioner retiree
    grandson granddaughter stepson stepdaughter mom dad mum granny spouse groom bride
    """.split()
)
CONNECTORS = frozenset("of for the and in on at to".split())
_TYPE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
         "NORP": "NORP", "EVENT": "EVENT"}
COARSE = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "NORP": "norp",
          "EVENT": "event", "OTHER": "other"}
_TYPE_PRIORITY = ["PERSON", "GPE", "ORG", "LOC", "NORP", "EVENT", "OTHER"]
_DEFINED_ACRONYM = re.compile(r"\s?\(\s?((?=(?:[^A-Z)]*[A-Z]){2})[A-Z][A-Za-z0-9&.]{1,9})\s?\)")
_LEADING_FUNCTION = re.compile(
    r"^(?:(?:the|a|an|in|on|at|of|from|to|for|near|off|by|with|this|that|these|those)\s+)+",
    re.IGNORECASE,
)
# a description an article gives an acronym: "the UN refugee agency (UNHCR)" (before it) or
# "UNHCR, the UN refugee agency," (after it); lower-case words with at most a leading name word
_DESCRIBED_BEFORE = re.compile(
    r"\bthe\s+((?:[A-Z][\w.]*\s+)?(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*)\s*\(\s*$")
_DESCRIBED_AFTER = re.compile(
    r"\s*\)?\s*,\s+the\s+((?:[A-Z][\w.]*\s+)?(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*)\s*[,.;]")
_ROLE_BEFORE = re.compile(r"\b([a-z][a-z-]{2,})[ \t]+$")  # "... tackle " before a name
_ROLE_INSIDE = re.compile(r"\b([a-z][a-z-]{2,})\s+(?=[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*\s*$)")
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+((?:[\w-]+\s+){0,3}[\w-]+)\s*[,.;]")
_PLACE_OF = (r"\b(?:town|city|village|province|region|district|governorate|suburb|county|"
             r"capital|country|state|port|island|area|"
             r"(?:north|south|east|west)(?:[\s-]?(?:east|west))?(?:ern)?)\s+of")
_PLACE_CUE = re.compile(
    rf"(?:{_PLACE_OF}|\b(?:in|near|outside|across|around)(?:\s+the)?)\s+$", re.IGNORECASE)
STRONG_PLACE_CUE = re.compile(rf"{_PLACE_OF}\s+$", re.IGNORECASE)  # not "in X": "in Congress"
_CUT_PARTICLE = re.compile(r"\s(?:von|van|der|den|de|del|della|da|di|du|la|le|ten|ter|bin|ibn|al|el)$")
_NEXT_NAME_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]+)")
_DEFINITE_BEFORE = re.compile(r"(?i)\b(?:the|this|that)\s+$")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
# nouns naming the kind of thing a name is, written just before it ("the band X", "the film X")
BODY_NOUNS = frozenset(
    """company firm group charity band club team party union association federation agency
    bureau authority ministry council commission committee board court bank university college
    school hospital studio network channel broadcaster newspaper magazine publisher startup
    retailer airline carmaker label service department""".split()
)
WORK_NOUNS = frozenset(
    """film movie book novel series show sitcom drama album song single play musical opera
    documentary game franchise trilogy sequel episode painting poem programme program
    podcast exhibition""".split()
)
_KIND_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|new|latest)\s+(?:[a-z-]+\s+)?("
    + "|".join(sorted(BODY_NOUNS | WORK_NOUNS)) + r")\s+$", re.IGNORECASE)
_IRREGULAR_PLURALS = {"men": "man", "women": "woman", "children": "child", "people": "person"}



@dataclass(slots=True)
class Item:
    mention: Mention
    order: int  # global position (article order, then offset)
    name: str
    key: str
    role: str | None
    label: str  # mapped type: PERSON | ORG | GPE | LOC | NORP | EVENT | OTHER
    kind: str = "name"  # name | nominal | pronoun
    acronym: str | None = None  # defined with the name: "Advanced Micro Devices (AMD)"
    descriptors: frozenset[str] = frozenset()  # role nouns written with a name: coach, host
    cue: str | None = None  # a type the words before the name point to ("the town of" -> GPE)
    written: str | None = None  # fuller written form: "The Washington Post", "Idlib province",
    # or the description an article gives an acronym ("the UN refugee agency (UNHCR)")


@dataclass(slots=True)
class Node:
    key: str
    items: list[int] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    written: set[str] = field(default_factory=set)  # fuller written forms (Item.written)
    context: Counter[str] = field(default_factory=Counter)
    country: tuple[str, str] | None = None  # (relation, country) from the gazetteer
    acronym: bool = False
    cued: bool = False  # some mention had a place cue before it

    @property
    def type(self) -> str:
        return type_vote(self.votes)

    @property
    def ntokens(self) -> int:
        return len(self.key.split())


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def type_vote(votes: Counter[str]) -> str:
    if not votes:
        return "OTHER"
    best = max(votes.values())
    return next(t for t in _TYPE_PRIORITY if votes.get(t, 0) == best)


def bag_cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def _context_role(text: str, start: int, floor: int) -> str | None:
    """A title written just before a name ("deputy Russian UN ambassador [Vladimir ...]")."""
    before = text[max(floor, start - TITLE_WINDOW_CHARS) : start]
    words = before.split()
    run: list[str] = []
    for w in reversed(words):
        bare = w.strip(",.;:").lower()
        bare_nopos = re.sub(r"(?:'s|’s)$", "", bare)
        if w != w.rstrip(",.;:!?\"”)") or not (
            bare_nopos in TITLE_WORDS
            or bare_nopos in MODIFIER_WORDS
            or bare in {"of", "the", "deputy", "vice"}
            or w[:1].isupper()
        ):
            break
        run.append(w)
    run.reverse()
    while run and run[0].lower() in {"of", "the", "and", "for"}:
        run.pop(0)
    if run and run[-1].lower() in {"of", "the", "for"}:
        return None  # "head of [GSEE]": the body the title belongs to, not its holder
    if not any(re.sub(r"(?:'s|’s)$", "", w.lower()) in TITLE_WORDS for w in run):
        return None
    return " ".join(run) or None


def _norm_role(text: str) -> str:
    return clean_surface(text).split()[-1].lower()


def parse_name(text: str, label: str, gaz: Gazetteer) -> tuple[NameCore, str, str]:
    """(parsed core, display name, key) of a name mention; keys of countries and demonyms
    are the country's ("U.S." and "America" -> country:united states)."""
    parsed = name_core(text, person=label == "PERSON")
    name = parsed.name
    if label == "PERSON" and "/" in name:
        name = name.split("/", 1)[0]  # a credit "Name/Agency" names the person first
    words = name.split()
    if len(words) > 1 and words[-1] in GENERIC_PLACE and label != "PERSON":
        name = " ".join(words[:-1])  # "Idlib province" is Idlib
    key = fold(name)
    found = gaz.country_of(key) if key else None
    if found is not None and found[0] == "name" and label == "PERSON":
        pass  # "Jordan" tagged as a person may be Michael Jordan: decided in merge_people
    elif found is not None and found[0] == "name":
        key = "country:" + fold(found[1])
    elif found is not None and found[0] == "demonym":
        key = "demonym:" + fold(found[1])
    return parsed, name, key


def prepare(
    articles: list[AnnotatedArticle], gaz: Gazetteer, skip: set[tuple[str, int, int]] | None = None
) -> list[Item]:
    """Items of every resolvable mention; ``skip``: (source id, start, end) of mentions that
    are part of a longer name (``repair.join_coordinated_names``)."""
    items: list[Item] = []
    order = 0
    parsed_names: dict[tuple[str, bool], tuple[NameCore, str, str]] = {}  # for this call only
    role_only: dict[str, bool] = {}  # is_role_only per surface, for this call only
    # "King said" beside "Tishana King": a surname the story gives a person, not a title
    surnames = {toks[-1] for art in articles for m in art.mentions
                if m.label == "PERSON" and len(toks := fold_tokens(m.text)) >= 2}
    for art in articles:
        text = art.article.text
        for m in sorted(art.mentions, key=lambda x: (x.start, x.end)):
            if m.label not in RESOLVED_LABELS or (skip and (m.source_id, m.start, m.end) in skip):
                continue
            label = _TYPE.get(m.label, "OTHER")
            if m.label in {NOMINAL_LABEL, PRONOUN_LABEL}:
                words = fold_tokens(m.text)
                head = m.head or (words[-1] if words else "")
                if not head:
                    continue
                kind = "nominal" if m.label == NOMINAL_LABEL else "pronoun"
                if kind == "nominal":
                    key = _nominal_key(words, head)  # one head, one entity in a story
                else:
                    key = f"pron:{m.source_id}:{m.start}"
                items.append(Item(m, order, " ".join(m.text.split()), key, None, label, kind))
                order += 1
                continue
            if m.text not in role_only:
                role_only[m.text] = is_role_only(m.text)
            if role_only[m.text] and fold(m.text) not in surnames:
                # "President", "the Coach": a role noun, not a name
                word = _norm_role(m.text)
                items.append(Item(m, order, " ".join(m.text.split()), f"nom:{word}", None,
                                  "OTHER", "nominal"))
                order += 1
                continue
            surface = m.text
            if label == "PERSON":
                cut = _CUT_PARTICLE.search(surface)
                more = _NEXT_NAME_WORD.match(text, m.end) if cut is not None else None
                if more is not None:  # the tagger stopped at "von der" / "ten": finish the name
                    surface = f"{surface} {more.group(1)}"
            cache_key = (surface, label == "PERSON")
            cached = parsed_names.get(cache_key)
            if cached is None:
                cached = parsed_names[cache_key] = parse_name(surface, label, gaz)
            parsed, name, key = cached
            if not key:
                warnings.warn(f"{m.source_id}:{m.start}-{m.end}: no name in mention {m.text!r}; "
                              "left without an entity", stacklevel=2)
                continue
            role = parsed.role
            if role is None and label == "PERSON":
                floor = 0
                if 0 <= m.sentence < len(art.sentences):
                    floor = art.sentences[m.sentence].start
                role = _context_role(text, m.start, floor)
            acronym = parsed.acronym
            defined = _DEFINED_ACRONYM.match(text, m.end)
            if acronym is None and defined is not None:
                acronym = defined.group(1)  # "Responsibility to Protect (R2P)"
            descriptors = frozenset()
            if label in {"PERSON", "OTHER"}:
                floor = art.sentences[m.sentence].start if 0 <= m.sentence < len(art.sentences) else 0
                descriptors = _descriptors(text, m, role, floor)
            floor = art.sentences[m.sentence].start if 0 <= m.sentence < len(art.sentences) else 0
            if m.label == NAME_LABEL:  # a recovered name: only the words around it type it
                cue = name_cue(text, m.start, m.end, floor)
            else:
                cue = "PERSON" if role else _place_cue(text, m.start, floor)
            written = _written(m, name, parsed.name, floor)
            if written is None and is_acronym(name):
                written = _described(text, m, floor)
            items.append(Item(m, order, clean_surface(name), key, role, label, acronym=acronym,
                              descriptors=descriptors, cue=cue, written=written))
            order += 1
    # A capitalised common noun ("Woman" in a headline) that the story also writes in lower
    # case as the head of a nominal mention is that common noun, not a name.
    heads = {
        it.key.split(":")[1] for it in items
        if it.kind == "nominal" and it.key.split(":")[1] in it.mention.text
    }  # written in lower case somewhere ("WILLIAMS" in a headline is no evidence)
    ends: set[str] = set()  # words that end a longer name, or start an "X of ..." name
    for it in items:
        toks = it.key.split()
        if it.kind == "name" and len(toks) > 1:
            ends.add(toks[-1])
            if toks[1] in {"of", "for"}:
                ends.add(toks[0])
    for it in items:
        if it.kind == "name" and it.key in heads and it.key not in ends and not is_acronym(it.name):
            it.kind = "nominal"
            it.key = f"nom:{it.key}"
    # ... and a nominal mention whose words are a name the story uses ("Maurice Cheeks" tagged
    # as a common noun once, "the surgeon general" beside "Surgeon General") is that name.
    name_keys = {it.key for it in items if it.kind == "name"}
    texts = {a.source_id: a.article.text for a in articles}
    by_suffix: dict[str, set[str]] = defaultdict(set)  # "police" -> {"new york police"}
    for it in items:
        toks = it.key.split()
        if it.kind == "name" and len(toks) > 1 and it.label != "PERSON":
            for k in range(1, len(toks)):
                by_suffix[" ".join(toks[k:])].add(it.key)
    for it in items:
        if it.kind != "nominal":
            continue
        bare = _LEADING_FUNCTION.sub("", clean_surface(it.mention.text))
        for core in (bare, name_core(it.mention.text, person=False).name):
            key = fold(core)
            if key in name_keys:
                it.kind, it.key, it.name = "name", key, clean_surface(core)
                break
        else:  # "the police" after "New York Police": the one name it ends
            longer = by_suffix.get(fold(bare), set())
            m = it.mention
            before = texts[m.source_id][max(0, m.start - 5) : m.start] + m.text[: -len(bare) or None]
            if len(longer) == 1 and _DEFINITE_BEFORE.search(before):
                it.kind, it.key = "name", next(iter(longer))
    return items


def _written(m: Mention, name: str, core: str, floor: int) -> str | None:
    """The name as written when that is fuller than the name kept: a capitalised "The" inside a
    sentence ("for The Washington Post"), a place word the key drops ("Idlib province")."""
    if m.text.startswith("The ") and m.start > floor and clean_surface(m.text[4:]) == name:
        return f"The {name}"
    if core != name and core.startswith(name):
        return clean_surface(core)
    return None


def _described(text: str, m: Mention, floor: int) -> str | None:
    """The description an article gives an acronym: "the UN refugee agency (UNHCR)",
    "UNHCR, the UN refugee agency,"."""
    before = _DESCRIBED_BEFORE.search(text, max(floor, m.start - TITLE_WINDOW_CHARS), m.start)
    if before is not None and text.startswith(")", m.end):
        return before.group(1)
    after = _DESCRIBED_AFTER.match(text, m.end)
    if after is not None:
        return after.group(1)
    return None


def _nominal_key(words: list[str], head: str) -> str:
    """Head lemma plus a number written just before the head ("50 people" is not "40 people"),
    and the plural marked: "the climbers" are not "the climber"."""
    idx = next((i for i in range(len(words) - 1, -1, -1) if words[i].startswith(head[:4])), -1)
    parts = ["nom", head]
    if idx > 0:
        before = words[idx - 1]
        if before in NUMBER_WORDS or any(c.isdigit() for c in before):
            parts.append(before)
    word = words[idx] if idx >= 0 else next(
        (w for w in reversed(words) if _IRREGULAR_PLURALS.get(w) == head), "")
    if word != head and (word in _IRREGULAR_PLURALS or (
            word.endswith("s") and not head.endswith("s"))):
        parts.append("pl")
    return ":".join(parts)


def _place_cue(text: str, start: int, floor: int) -> str | None:
    """GPE when the words before a name make it a place: "the town of X", "in X", "near X"."""
    before = text[max(floor, start - CUE_WINDOW_CHARS) : start]
    return "GPE" if _PLACE_CUE.search(before) else None


def name_cue(text: str, start: int, end: int, floor: int) -> str | None:
    """The type the words around a name of unknown type (``NAME``: a recovered name) point to:
    GPE after a strong place cue ("the town of X"; not "in X": "starred in X"), ORG after a
    body noun ("the charity X", "the band X") or when the name ends in one ("X Rescue
    Service"), OTHER after a work noun ("the film X", "the novel X"): a work, not a place."""
    before = text[max(floor, start - CUE_WINDOW_CHARS) : start]
    if STRONG_PLACE_CUE.search(before):
        return "GPE"
    found = _KIND_NOUN_BEFORE.search(before)
    if found is not None:
        noun = found.group(1).lower()
        return "ORG" if noun in BODY_NOUNS else "OTHER"
    words = text[start:end].split()
    if len(words) > 1 and words[-1].lower() in BODY_NOUNS:
        return "ORG"
    return None


def _descriptors(text: str, m: Mention, role: str | None, floor: int) -> frozenset[str]:
    """Role nouns written with a name: in its title, in the mention before the name ("polygamist
    leader Warren Jeffs"), just before it ("host Ellen DeGeneres") or in an apposition after it
    ("Maurice Cheeks, the coach,")."""
    words = (role or "").lower().split()
    words += m.text.lower().split()
    words += text[max(floor, m.start - CUE_WINDOW_CHARS) : m.start].lower().split()[-3:]
    after = _APPOSITION.match(text, m.end)
    if after is not None:
        words += after.group(1).lower().split()
    bare = {w.strip(",.;:'\"") for w in words}
    found = {w for w in bare if w in PERSON_NOUNS or w in TITLE_WORDS}
    # the noun written right before the name in lower case ("defensive tackle Jamal Williams",
    # "publicist Ann Lee"), or ending its apposition ("Ann Lee, the team's publicist,"), is her
    # role too, whatever the word
    head = _ROLE_BEFORE.search(text, max(floor, m.start - CUE_WINDOW_CHARS), m.start)
    inner = _ROLE_INSIDE.search(m.text)  # a role inside the mention, before the name
    for hit in (head, inner):
        if hit is not None:
            found.add(hit.group(1))
    if after is not None:
        found.add(after.group(1).split()[-1].lower())
    return frozenset(w for w in found if w not in STOP_WORDS)
