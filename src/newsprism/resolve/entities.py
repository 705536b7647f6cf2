"""Cross-document entity resolution: one entity per real-world thing (issue 6).

``resolve_entities(articles)`` clusters the mentions of every article of a story:

1. Each name mention is parsed (``names.name_core``): descriptors, appositions and asides go
   ("vendor SeaMicro", "Matt Smith, the Doctor"), a title becomes the role ("U.S. President"
   Donald Trump), the name is folded to a key (unidecode, casefold, "al-" and "Inc." dropped)
   and the gazetteer maps country aliases ("U.S.", "America") and demonyms ("Russians") to
   one key. Mentions with one key form a *node*; NER labels, plus cues such as "the town of"
   or a title before the name, are its type votes (type repair).
2. Nodes merge through hashed blocking keys only (near-linear in the number of mentions):
   - transliteration: same phonetic skeleton (``names.skeleton``) and rapidfuzz ratio >= 80;
     below 90, or across NER types, the names' sentences must also share context;
   - people: full names with one surname and the same first name, or one inside the other
     ("Charger Jamal Williams"); a short form ("Trump") joins the only full name with that
     surname; one shared by several ("Johnson") goes, per mention, to the nearest full name
     in its article, else to the one whose context the article shares clearly, else nowhere;
     different surnames never merge (Vladimir Putin / Vladimir Safronkov);
   - acronyms: defined in brackets ("(SOHR)"), or the only name whose initials they are;
   - qualified names: "UN Security Council", "U.S. Surgeon General", "... of the United
     States" meet the bare name when it has no other qualifier (two ministries stay two);
   - short names: "Chargers" joins the only longer name ending in it ("San Diego Chargers");
     "Free Idlib Army" never meets "Idlib" (no rule maps a name to a word inside another).
3. Mentions from other annotators (``adapter.annotate_spans``): common nouns cluster by head
   lemma (with a number before the head: "50 people" is not "40 people"), join a name they
   spell ("the surgeon general") or the person written with that role ("the coach"); a
   pronoun joins the nearest compatible mention within a few sentences.
4. Entities get a canonical name (longest full form, most frequent spelling), aliases, a type
   by vote, a role, per-source mention counts, and ``acts_for`` for capitals, seats and
   demonyms (Moscow, the Kremlin, "Russian" -> Russia; the country is added if never named).

Side effects: ``Mention.entity_id`` is set on every entity mention (numeric and temporal
labels are not entities and stay None); each ``Quote`` whose speaker span or string names
an entity gets ``speaker_entity`` and the canonical ``speaker``.
"""

from __future__ import annotations

import bisect
import math
import re
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..model import AnnotatedArticle, Entity, Mention, Span
from .gazetteer import Gazetteer, load_gazetteer
from .names import (
    GENERIC_PLACE,
    MODIFIER_WORDS,
    NUMBER_WORDS,
    TITLE_WORDS,
    NameCore,
    acronym_key,
    clean_surface,
    fold,
    fold_tokens,
    initials,
    is_acronym,
    is_role_only,
    name_core,
    skeleton,
    skeleton_token,
    split_title,
)

ENTITY_LABELS = frozenset(
    "PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split()
)
# Labels for mentions that do not come from the NER (see adapter.annotate_spans):
NAME_LABEL = "NAME"  # a proper name of unknown type
NOMINAL_LABEL = "NOMINAL"  # a common-noun phrase; clustered by its head lemma (Mention.head)
PRONOUN_LABEL = "PRONOUN"  # linked to an antecedent in the same article
RESOLVED_LABELS = ENTITY_LABELS | {NAME_LABEL, NOMINAL_LABEL, PRONOUN_LABEL}
_PRONOUN_CLASSES = {
    "m": frozenset("he him his himself".split()),
    "f": frozenset("she her hers herself".split()),
    "n": frozenset("it its itself".split()),
    "p": frozenset("they them their theirs themselves".split()),
    "who": frozenset("who whom whose".split()),
    "which": frozenset("which that".split()),
}
# common nouns for people, so that "she" can stand for "the woman" and "it" cannot
_PERSON_NOUNS = frozenset(
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
    """.split()
)
_CONNECTORS = frozenset("of for the and in on at to".split())
ROUTE_CONTEXT = 0.05  # idf-weighted cosine an article needs with a full name's sentences ...
ROUTE_MARGIN = 1.5  # ... and how clearly it must beat the next full name, to route "Johnson"
PRONOUN_WINDOW = 3  # sentences back to look for a pronoun's antecedent
_TYPE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
         "NORP": "NORP", "EVENT": "EVENT"}
_COARSE = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "NORP": "norp",
           "EVENT": "event", "OTHER": "other"}
_TYPE_PRIORITY = ["PERSON", "GPE", "ORG", "LOC", "NORP", "EVENT", "OTHER"]
_CONTEXT_STOP = frozenset(
    """
    that this with from have were been will would said says about their there they them
    which when what after before also into than then more most other some such only over
    """.split()
)
_DEFINED_ACRONYM = re.compile(r"\s?\(\s?((?=(?:[^A-Z)]*[A-Z]){2})[A-Z][A-Za-z0-9&.]{1,9})\s?\)")
_LEADING_FUNCTION = re.compile(
    r"^(?:(?:the|a|an|in|on|at|of|from|to|for|near|off|by|with|this|that|these|those)\s+)+",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+((?:[\w-]+\s+){0,3}[\w-]+)\s*[,.;]")
_PLACE_CUE = re.compile(
    r"(?:\b(?:town|city|village|province|region|district|governorate|suburb|county|capital|"
    r"country|state|port|island|area)\s+of|\b(?:in|near|outside|across|around)(?:\s+the)?)\s+$",
    re.IGNORECASE,
)
_CUT_PARTICLE = re.compile(r"\s(?:von|van|der|den|de|del|della|da|di|du|la|le|ten|ter|bin|ibn|al|el)$")
_NEXT_NAME_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]+)")
_DEFINITE_BEFORE = re.compile(r"(?i)\b(?:the|this|that)\s+$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")

FUZZY_SAME_TYPE = 80.0  # rapidfuzz ratio for any transliteration merge (same skeleton too)
FUZZY_SURE = 90.0  # ... above which one type is enough; below it, or across types ...
CONTEXT_SHARED = 0.15  # ... the two names' sentences must share this much (cosine of bags)


@dataclass(slots=True)
class _Item:
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


@dataclass(slots=True)
class _Node:
    key: str
    items: list[int] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    context: Counter[str] = field(default_factory=Counter)
    country: tuple[str, str] | None = None  # (relation, country) from the gazetteer
    acronym: bool = False
    cued: bool = False  # some mention had a place cue before it

    @property
    def type(self) -> str:
        return _vote(self.votes)

    @property
    def ntokens(self) -> int:
        return len(self.key.split())


class _UnionFind:
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


def _vote(votes: Counter[str]) -> str:
    if not votes:
        return "OTHER"
    best = max(votes.values())
    return next(t for t in _TYPE_PRIORITY if votes.get(t, 0) == best)


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def _context_role(text: str, start: int, floor: int) -> str | None:
    """A title written just before a name ("deputy Russian UN ambassador [Vladimir ...]")."""
    before = text[max(floor, start - 120) : start]
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
    if not any(re.sub(r"(?:'s|’s)$", "", w.lower()) in TITLE_WORDS for w in run):
        return None
    return " ".join(run) or None


def _norm_role(text: str) -> str:
    return clean_surface(text).split()[-1].lower()


def _parse_name(text: str, label: str, gaz: Gazetteer) -> tuple[NameCore, str, str]:
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
        pass  # "Jordan" tagged as a person may be Michael Jordan: decided in _merge_people
    elif found is not None and found[0] == "name":
        key = "country:" + fold(found[1])
    elif found is not None and found[0] == "demonym":
        key = "demonym:" + fold(found[1])
    return parsed, name, key


def _prepare(articles: list[AnnotatedArticle], gaz: Gazetteer) -> list[_Item]:
    items: list[_Item] = []
    order = 0
    parsed_names: dict[tuple[str, bool], tuple[NameCore, str, str]] = {}  # for this call only
    role_only: dict[str, bool] = {}  # is_role_only per surface, for this call only
    for art in articles:
        text = art.article.text
        for m in sorted(art.mentions, key=lambda x: (x.start, x.end)):
            if m.label not in RESOLVED_LABELS:
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
                items.append(_Item(m, order, " ".join(m.text.split()), key, None, label, kind))
                order += 1
                continue
            if m.text not in role_only:
                role_only[m.text] = is_role_only(m.text)
            if role_only[m.text]:  # "President", "the Coach": a role noun, not a name
                word = _norm_role(m.text)
                items.append(_Item(m, order, " ".join(m.text.split()), f"nom:{word}", None,
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
                cached = parsed_names[cache_key] = _parse_name(surface, label, gaz)
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
            cue = "PERSON" if role else _place_cue(text, m.start, floor)
            items.append(_Item(m, order, clean_surface(name), key, role, label, acronym=acronym,
                               descriptors=descriptors, cue=cue))
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


def _nominal_key(words: list[str], head: str) -> str:
    """Head lemma plus a number written just before the head: "50 people" is not "40 people"."""
    idx = next((i for i in range(len(words) - 1, -1, -1) if words[i].startswith(head[:4])), -1)
    parts = ["nom", head]
    if idx > 0:
        before = words[idx - 1]
        if before in NUMBER_WORDS or any(c.isdigit() for c in before):
            parts.append(before)
    return ":".join(parts)


def _sentence_bag(art: AnnotatedArticle, m: Mention) -> Counter[str]:
    if 0 <= m.sentence < len(art.sentences):
        s = art.sentences[m.sentence]
        text = art.article.text[s.start : s.end]
    else:
        text = art.article.text[max(0, m.start - 150) : m.end + 150]
    return Counter(
        w.lower() for w in _WORD.findall(text) if w.lower() not in _CONTEXT_STOP
    )


def _build_nodes(
    items: list[_Item], articles: list[AnnotatedArticle], gaz: Gazetteer
) -> dict[str, _Node]:
    by_source = {a.source_id: a for a in articles}
    nodes: dict[str, _Node] = {}
    bags: dict[tuple[str, int], Counter[str]] = {}  # sentence bags, computed once per sentence
    for i, it in enumerate(items):
        if it.kind == "pronoun":
            continue
        node = nodes.get(it.key)
        if node is None:
            node = nodes[it.key] = _Node(it.key)
            base = it.key.split(":", 1)[1] if ":" in it.key else it.key
            if it.key.startswith("country:"):
                node.country = ("name", gaz.country_name(base))
            elif it.key.startswith("demonym:"):
                node.country = ("demonym", next(c for c in gaz.countries if fold(c) == base))
            else:
                found = gaz.country_of(it.key)
                node.country = found if found is not None and found[0] != "name" else None
        node.items.append(i)
        if it.kind == "name":
            node.votes[it.label] += 1
            if it.cue is not None:
                node.votes[it.cue] += 1
                node.cued = node.cued or it.cue != "PERSON"
        node.surfaces[it.name] += 1
        art = by_source.get(it.mention.source_id)
        if art is not None:
            m = it.mention
            in_range = 0 <= m.sentence < len(art.sentences)
            # a mention without a sentence gets a window of its own, not a neighbour's
            bag_key = (m.source_id, m.sentence) if in_range else (m.source_id, -1 - m.start)
            bag = bags.get(bag_key)
            if bag is None:
                bag = bags[bag_key] = _sentence_bag(art, it.mention)
            node.context.update(bag)
    for node in nodes.values():
        node.acronym = all(is_acronym(s) for s in node.surfaces)
    return nodes


def _merge_defined_acronyms(items: list[_Item], nodes: dict[str, _Node], uf: _UnionFind) -> None:
    """An acronym written in brackets after a name is that name wherever it is used."""
    for it in items:
        if it.acronym is None:
            continue
        key = fold(it.acronym)
        if key in nodes and key != it.key and nodes[key].country is None:
            uf.union(it.key, key)


def _type_compatible(a: _Node, b: _Node) -> bool:
    ca, cb = _COARSE[a.type], _COARSE[b.type]
    if ca == cb or "other" in (ca, cb):  # OTHER: a name the tagger could not type
        return True
    return bool(set(a.votes) & set(b.votes))


def _merge_transliterations(nodes: dict[str, _Node], uf: _UnionFind) -> None:
    blocks: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes.values():
        if node.country is not None or node.acronym or ":" in node.key:
            continue
        sk = skeleton(node.key)
        if len(sk.replace(" ", "")) >= 3:
            blocks[sk].append(node)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                ratio = fuzz.ratio(a.key, b.key)
                if ratio < FUZZY_SAME_TYPE:
                    continue
                # a near-identical spelling of one type needs nothing more; a looser one, or
                # one the tagger typed differently, must also share sentence context
                sure = ratio >= FUZZY_SURE and _type_compatible(a, b)
                if sure or _cosine(a.context, b.context) >= CONTEXT_SHARED:
                    uf.union(a.key, b.key)


def _personish(node: _Node) -> bool:
    return node.country is None and not node.acronym and node.votes.get("PERSON", 0) > 0


def _merge_people(
    nodes: dict[str, _Node], uf: _UnionFind
) -> dict[str, list[str]]:
    """Full names meet their variants; returns ambiguous short keys -> candidate full keys.

    Two full names with one surname are one person when their first names match
    ("Donald J. Trump", "Donald Trump") or one name's words all occur, in order, in the other
    ("Charger Jamal Williams", "Jamal Williams"); "Boris Johnson" and "Dustin Johnson" stay
    two people, and a bare "Johnson" is routed per mention (``_route_ambiguous``). A single
    word no full name ends with may be a family name written first ("Wang" of Wang Yi) or a
    given name used alone: it joins the full names that start with it, on the same terms."""
    full_by_last: dict[str, list[_Node]] = defaultdict(list)
    full_by_first: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes.values():
        if _personish(node) and node.ntokens >= 2 and node.type == "PERSON":
            full_by_last[skeleton_token(node.key.split()[-1])].append(node)
            full_by_first[skeleton_token(node.key.split()[0])].append(node)
    for group in full_by_last.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                ta, tb = a.key.split(), b.key.split()
                if (ta[0], ta[-1]) == (tb[0], tb[-1]) or _subsequence(ta, tb):
                    uf.union(a.key, b.key)  # "Donald J. Trump", "Charger Jamal Williams"
                elif min(fuzz.ratio(ta[-1], tb[-1]), fuzz.ratio(ta[0], tb[0])) >= FUZZY_SAME_TYPE:
                    # spelled differently ("Juergen" / "Jurgen Klopp"): as for transliterations
                    if fuzz.ratio(a.key, b.key) >= FUZZY_SURE or (
                        _cosine(a.context, b.context) >= CONTEXT_SHARED
                    ):
                        uf.union(a.key, b.key)
    ambiguous: dict[str, list[str]] = {}
    for node in nodes.values():
        if node.ntokens != 1 or node.country is not None or node.acronym or ":" in node.key:
            continue
        if node.type in {"GPE", "LOC", "NORP"} and not node.votes.get("PERSON"):
            # a surname the tagger took for a place ("praised Rashford") still joins the one
            # full name with that surname, unless a cue ("in", "the town of") made it a place
            if node.cued or node.type == "NORP":
                continue
        cands = [
            c for c in full_by_last.get(skeleton_token(node.key), [])
            if fuzz.ratio(c.key.split()[-1], node.key) >= FUZZY_SAME_TYPE
        ]
        if not cands:  # family name first ("Wang" of Wang Yi) or a given name used alone
            cands = [
                c for c in full_by_first.get(skeleton_token(node.key), [])
                if fuzz.ratio(c.key.split()[0], node.key) >= FUZZY_SAME_TYPE
            ]
        roots = sorted({uf.find(c.key) for c in cands})
        if len(roots) == 1:
            uf.union(roots[0], node.key)
        elif len(roots) > 1:
            ambiguous[node.key] = roots
    return ambiguous


def _merge_leftover_countries(
    nodes: dict[str, _Node], uf: _UnionFind, gaz: Gazetteer, ambiguous: dict[str, list[str]]
) -> None:
    """A country name the tagger called a person ("Jordan") that no full name claimed
    ("Michael Jordan") is the country after all."""
    with_person = {
        uf.find(k) for k, n in nodes.items() if n.ntokens >= 2 and n.type == "PERSON"
    }
    for key in list(nodes):
        if ":" in key or key in ambiguous or uf.find(key) in with_person:
            continue
        found = gaz.country_of(key)
        if found is None or found[0] != "name":
            continue
        country_key = "country:" + fold(found[1])
        if country_key not in nodes:
            nodes[country_key] = _Node(country_key, country=("name", found[1]))
        uf.union(country_key, key)


def _subsequence(a: list[str], b: list[str]) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    it = iter(long)
    return len(short) >= 2 and all(tok in it for tok in short)


def _merge_short_names(nodes: dict[str, _Node], uf: _UnionFind) -> None:
    """A one-word name that ends exactly one longer name of a compatible type is that name
    ("Chargers" / "San Diego Chargers", "Camry" / "Toyota Camry"), as is the first word of an
    "X of Y" name ("Academy" / "Academy of Motion Picture Arts and Sciences")."""
    by_word: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes.values():
        if node.ntokens < 2 or ":" in node.key or node.country is not None or node.acronym:
            continue
        if node.type == "PERSON":
            continue
        toks = node.key.split()
        by_word[toks[-1]].append(node)
        if toks[1] in {"of", "for"}:
            by_word[toks[0]].append(node)
    for node in nodes.values():
        if node.ntokens != 1 or ":" in node.key or node.country is not None or node.acronym:
            continue
        if node.type == "PERSON":
            continue
        cands = [c for c in by_word.get(node.key, []) if _type_compatible(node, c)]
        roots = {uf.find(c.key) for c in cands}
        if len(roots) == 1:
            uf.union(next(iter(roots)), node.key)


def _merge_acronyms(nodes: dict[str, _Node], uf: _UnionFind) -> None:
    expansions: dict[str, set[str]] = defaultdict(set)
    for node in nodes.values():
        if node.acronym or node.type == "PERSON" or node.ntokens < 2:
            continue
        for surface in node.surfaces:
            for ini in initials(surface):
                expansions[ini].add(node.key)
    for node in nodes.values():
        if not node.acronym:
            continue
        letters = {acronym_key(s) for s in node.surfaces}
        roots = {uf.find(k) for letter in letters for k in expansions.get(letter, ())}
        if node.country is not None:
            continue
        if len(roots) == 1:
            uf.union(next(iter(roots)), node.key)


def _merge_parent_prefix(nodes: dict[str, _Node], uf: _UnionFind, gaz: Gazetteer) -> None:
    """A name qualified by another entity is the bare name when that is the only qualifier seen:
    "UN Security Council" / "United Nations Security Council" / "Security Council";
    "U.S. Surgeon General" / "Surgeon General of the United States" / "Surgeon General".
    "Russian Foreign Ministry" and "Syrian Foreign Ministry" leave "Foreign Ministry" alone."""
    acr_root: dict[str, str] = {}
    for node in nodes.values():
        if node.acronym:
            for s in node.surfaces:
                acr_root[acronym_key(s)] = uf.find(node.key)

    def parent_of(tokens: list[str]) -> str | None:
        if tokens and tokens[0] == "the":
            tokens = tokens[1:]
        key = " ".join(tokens)
        if not key:
            return None
        found = gaz.country_of(key)
        if found is None and key.replace(" ", "") != key:
            found = gaz.country_of(key.replace(" ", ""))  # "u s" -> "us"
        if found is not None:
            return "country:" + found[1]
        if key in nodes:
            return uf.find(key)
        if key.replace(" ", "") in acr_root:
            return acr_root[key.replace(" ", "")]
        return None

    parents: dict[str, set[str]] = defaultdict(set)
    children: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node in nodes.values():
        if node.ntokens < 2 or ":" in node.key or node.type == "PERSON" or node.acronym:
            continue
        if node.country is not None:
            continue
        toks = node.key.split()
        splits: list[tuple[list[str], list[str]]] = []
        if "of" in toks[1:-1]:
            j = toks.index("of", 1)
            splits.append((toks[j + 1 :], toks[:j]))  # "... of the United States"
        for k in range(1, len(toks)):
            splits.append((toks[:k], toks[k:]))  # qualifier first
        for qual, rest in splits:
            parent = parent_of(qual)
            rest_key = " ".join(rest)
            if parent is None or rest[0] in _CONNECTORS or gaz.country_of(rest_key) is not None:
                continue
            if len(rest) == 1 and rest_key not in nodes:
                continue
            parents[rest_key].add(parent)
            children[(rest_key, parent)].append(node.key)
            break
    for (rest_key, _parent), keys in children.items():
        for k in keys[1:]:
            uf.union(keys[0], k)  # same qualifier, same name
        target = nodes.get(rest_key)
        if target is not None and len(parents[rest_key]) == 1 and target.type != "PERSON":
            uf.union(rest_key, keys[0])


def _route_ambiguous(
    items: list[_Item],
    nodes: dict[str, _Node],
    uf: _UnionFind,
    ambiguous: dict[str, list[str]],
    articles: list[AnnotatedArticle],
) -> dict[int, str]:
    """Item index -> root for short names shared by several full names ("Johnson").

    The nearest full name in the same article wins; in an article with none of them, the
    full name whose sentences share the most (idf-weighted) vocabulary with the article wins
    when it clearly beats the others; otherwise the mention keeps its own entity."""
    routed: dict[int, str] = {}
    if not ambiguous:
        return routed
    positions: dict[tuple[str, str], list[int]] = defaultdict(list)  # (source, root) -> starts
    wanted = {r for roots in ambiguous.values() for r in roots}
    for it in items:
        root = uf.find(it.key)
        if root in wanted and it.key not in ambiguous:
            positions[(it.mention.source_id, root)].append(it.mention.start)
    root_ctx: dict[str, Counter[str]] = defaultdict(Counter)
    for key, node in nodes.items():
        root = uf.find(key)
        if root in wanted and key not in ambiguous:
            root_ctx[root].update(node.context)
    by_source = {a.source_id: a for a in articles}
    idf: dict[str, float] | None = None
    doc_vecs: dict[str, dict[str, float]] = {}
    root_vecs: dict[str, dict[str, float]] = {}
    for key, roots in ambiguous.items():
        ranked: dict[str, list[tuple[float, str]]] = {}  # source -> roots by context similarity
        for i in nodes[key].items:
            m = items[i].mention
            best: tuple[int, int, str] | None = None  # (after?, distance, root)
            for root in roots:
                starts = positions.get((m.source_id, root))
                if not starts:
                    continue
                j = bisect.bisect_right(starts, m.start) - 1
                if j >= 0:
                    cand = (0, m.start - starts[j], root)
                else:
                    cand = (1, starts[0] - m.start, root)
                if best is None or cand < best:
                    best = cand
            if best is not None:
                routed[i] = best[2]
                continue
            art = by_source.get(m.source_id)
            if art is None:
                continue
            if m.source_id not in ranked:  # the same for every mention of the key in a source
                if idf is None:
                    idf = _idf(articles)
                if m.source_id not in doc_vecs:
                    doc_vecs[m.source_id] = _weighted(_bag(art.article.text), idf)
                for r in roots:
                    if r not in root_vecs:
                        root_vecs[r] = _weighted(root_ctx[r], idf)
                ranked[m.source_id] = sorted(
                    ((_wcosine(doc_vecs[m.source_id], root_vecs[r]), r) for r in roots), reverse=True
                )
            sims = ranked[m.source_id]
            top, second = sims[0][0], sims[1][0] if len(sims) > 1 else 0.0
            if top >= ROUTE_CONTEXT and top >= ROUTE_MARGIN * second:
                routed[i] = sims[0][1]
    return routed


def _bag(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text) if w.lower() not in _CONTEXT_STOP)


def _idf(articles: list[AnnotatedArticle]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for art in articles:
        df.update({w.lower() for w in _WORD.findall(art.article.text)})
    n = len(articles)
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}


def _weighted(bag: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    return {w: c * idf.get(w, 1.0) for w, c in bag.items()}


def _wcosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _place_cue(text: str, start: int, floor: int) -> str | None:
    """GPE when the words before a name make it a place: "the town of X", "in X", "near X"."""
    before = text[max(floor, start - 40) : start]
    return "GPE" if _PLACE_CUE.search(before) else None


def _descriptors(text: str, m: Mention, role: str | None, floor: int) -> frozenset[str]:
    """Role nouns written with a name: in its title, in the mention before the name ("polygamist
    leader Warren Jeffs"), just before it ("host Ellen DeGeneres") or in an apposition after it
    ("Maurice Cheeks, the coach,")."""
    words = (role or "").lower().split()
    words += m.text.lower().split()
    words += text[max(floor, m.start - 40) : m.start].lower().split()[-3:]
    after = _APPOSITION.match(text, m.end)
    if after is not None:
        words += after.group(1).lower().split()
    bare = {w.strip(",.;:'\"") for w in words}
    return frozenset(w for w in bare if w in _PERSON_NOUNS or w in TITLE_WORDS)


def _link_role_nouns(items: list[_Item], nodes: dict[str, _Node], root_of: dict[int, str]) -> None:
    """A common noun that names a person's role ("the coach") is that person: the one in the
    same article written with that role, or else the only one in the story."""
    in_doc: dict[tuple[str, str], set[str]] = defaultdict(set)
    in_story: dict[str, set[str]] = defaultdict(set)
    for i, it in enumerate(items):
        if it.kind != "name" or not it.descriptors:
            continue
        node = nodes.get(it.key)
        if node is None or node.type != "PERSON":
            continue
        for word in it.descriptors:
            in_doc[(it.mention.source_id, word)].add(root_of[i])
            in_story[word].add(root_of[i])
    if not in_story:
        return
    for i, it in enumerate(items):
        if it.kind != "nominal":
            continue
        head = it.key.split(":")[1]
        local = in_doc.get((it.mention.source_id, head), set())
        if len(local) == 1:
            root_of[i] = next(iter(local))
        elif not local and len(in_story.get(head, ())) == 1:
            root_of[i] = next(iter(in_story[head]))


def _pronoun_class(text: str) -> str:
    word = text.strip(" \"'“”‘’").lower()
    for cls, words in _PRONOUN_CLASSES.items():
        if word in words:
            return cls
    return ""  # I, we, you ...: the speaker or reader, not resolved here


def _human_nominal(cand: _Item) -> bool:
    head = cand.key.split(":")[1] if cand.kind == "nominal" else ""
    return head in _PERSON_NOUNS or head.endswith(("man", "woman", "person", "ist"))


def _pronoun_fits(cls: str, pron: _Item, cand: _Item, nodes: dict[str, _Node]) -> bool:
    node = nodes.get(cand.key)
    ctype = node.type if node is not None and cand.kind == "name" else "OTHER"
    same_sentence = cand.mention.sentence == pron.mention.sentence
    if cls in {"m", "f"}:
        return ctype == "PERSON" or _human_nominal(cand)
    if cls == "n":
        return ctype not in {"PERSON", "NORP"} and not _human_nominal(cand)
    if cls == "p":
        last = cand.mention.text.split()[-1].lower() if cand.mention.text.split() else ""
        plural = last.endswith("s") and not last.endswith("ss")
        return ctype in {"ORG", "NORP"} or (cand.kind == "nominal" and plural)
    if cls == "who":
        return same_sentence and (ctype == "PERSON" or _human_nominal(cand))
    if cls == "which":
        return same_sentence and ctype != "PERSON" and not _human_nominal(cand)
    return False


def _resolve_pronouns(items: list[_Item], nodes: dict[str, _Node], root_of: dict[int, str]) -> None:
    """Link each pronoun to the nearest compatible mention before it in the same article.

    he/she want a person (a PERSON name or a noun such as "woman", "actor"), it/which a
    non-person, they an organisation, a group or a plural noun; a pronoun of the same class
    just before (he ... him) carries its antecedent on, or starts a chain with it."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_source[it.mention.source_id].append(i)
    for idxs in by_source.values():
        for pos, i in enumerate(idxs):
            pron = items[i]
            if pron.kind != "pronoun":
                continue
            cls = _pronoun_class(pron.mention.text)
            root = pron.key
            for j in reversed(idxs[:pos] if cls else []):
                cand = items[j]
                if pron.mention.sentence - cand.mention.sentence > PRONOUN_WINDOW:
                    break
                if cand.kind == "pronoun":
                    if cls in {"m", "f", "n", "p"} and _pronoun_class(cand.mention.text) == cls:
                        root = root_of[j]
                        break
                    continue
                if _pronoun_fits(cls, pron, cand, nodes):
                    root = root_of[j]
                    break
            root_of[i] = root


def _canonical(node_list: list[_Node], gaz: Gazetteer) -> str:
    for n in node_list:
        if n.key.startswith("country:"):
            return gaz.country_name(n.key.split(":", 1)[1])
    for n in node_list:
        if n.key.startswith("demonym:") and n.country is not None:
            return gaz.countries[n.country[1]].demonym or n.surfaces.most_common(1)[0][0]
    full = [n for n in node_list if not n.acronym] or node_list
    best = max(full, key=lambda n: (n.ntokens, sum(n.surfaces.values())))
    # the most frequent spelling of that name, ties to the first written
    return best.surfaces.most_common(1)[0][0]


def resolve_entities(articles: list[AnnotatedArticle]) -> list[Entity]:
    """Cluster every entity mention of every article into cross-document entities."""
    gaz = load_gazetteer(fold)
    items = _prepare(articles, gaz)
    nodes = _build_nodes(items, articles, gaz)
    uf = _UnionFind()
    for key in nodes:
        uf.find(key)
    _merge_defined_acronyms(items, nodes, uf)
    _merge_transliterations(nodes, uf)
    _merge_acronyms(nodes, uf)
    ambiguous = _merge_people(nodes, uf)
    _merge_leftover_countries(nodes, uf, gaz, ambiguous)
    _merge_parent_prefix(nodes, uf, gaz)
    _merge_short_names(nodes, uf)
    routed = _route_ambiguous(items, nodes, uf, ambiguous, articles)

    root_of = {
        i: routed.get(i, uf.find(it.key)) for i, it in enumerate(items) if it.kind != "pronoun"
    }
    _link_role_nouns(items, nodes, root_of)
    _resolve_pronouns(items, nodes, root_of)
    clusters: dict[str, list[int]] = defaultdict(list)
    for i in range(len(items)):
        clusters[root_of[i]].append(i)

    ordered = sorted(clusters.items(), key=lambda kv: (-len(kv[1]), items[kv[1][0]].order))
    entities: list[Entity] = []
    by_country: dict[str, Entity] = {}
    pending_acts: list[tuple[Entity, str]] = []
    members: dict[str, set[str]] = defaultdict(set)  # root -> node keys (items' and added)
    for key in nodes:
        members[uf.find(key)].add(key)
    for n, (root, idxs) in enumerate(ordered, start=1):
        node_keys = {items[i].key for i in idxs} | members.get(root, set())
        node_list = [nodes[k] for k in sorted(node_keys) if k in nodes]
        votes: Counter[str] = Counter(items[i].label for i in idxs if items[i].kind == "name")
        votes.update(items[i].cue for i in idxs if items[i].cue is not None)
        etype = _vote(votes)
        country = next((nd.country for nd in node_list if nd.country is not None), None)
        if country is not None and country[0] in {"name", "capital"}:
            etype = "GPE"
        elif country is not None and country[0] == "demonym":
            etype = "NORP"
        name = _canonical(node_list, gaz) if node_list else items[idxs[0]].name
        surfaces: Counter[str] = Counter(items[i].name for i in idxs if items[i].kind != "pronoun")
        aliases = [s for s, _ in surfaces.most_common() if s != name]
        roles = Counter(items[i].role for i in idxs if items[i].role)
        counts: Counter[str] = Counter(items[i].mention.source_id for i in idxs)
        ent = Entity(
            id=f"e{n}",
            name=name,
            type=etype,
            aliases=aliases,
            mentions=[
                Span(items[i].mention.source_id, items[i].mention.start, items[i].mention.end)
                for i in idxs
            ],
            role=roles.most_common(1)[0][0] if roles else None,
            mention_counts=dict(counts),
        )
        for i in idxs:
            items[i].mention.entity_id = ent.id
        entities.append(ent)
        if country is not None and country[0] == "name":
            by_country.setdefault(country[1], ent)
        elif country is not None:
            pending_acts.append((ent, country[1]))
    for ent, country_name in pending_acts:
        target = by_country.get(country_name)
        if target is None:  # the country itself is never named: add it, without mentions
            target = Entity(id=f"e{len(entities) + 1}", name=country_name, type="GPE")
            entities.append(target)
            by_country[country_name] = target
        ent.acts_for = target.id
    _link_speakers(articles, entities, nodes, uf, gaz, items, clusters)
    return entities


def _link_speakers(
    articles: list[AnnotatedArticle],
    entities: list[Entity],
    nodes: dict[str, _Node],
    uf: _UnionFind,
    gaz: Gazetteer,
    items: list[_Item],
    clusters: dict[str, list[int]],
) -> None:
    """Point each quote at its speaker's entity, by span first, then by name.

    Of the mentions inside a speaker span ("deputy Russian UN ambassador Vladimir Safronkov")
    a person wins over an organisation over a place or group, and the later one on ties."""
    by_id = {e.id: e for e in entities}
    rank = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 3, "NORP": 4}
    root_entity: dict[str, str] = {}
    for root, idxs in clusters.items():
        eid = items[idxs[0]].mention.entity_id
        if eid is not None:
            root_entity[root] = eid
    last_name: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        if e.type == "PERSON":
            toks = fold_tokens(e.name)
            if toks:
                last_name[toks[-1]].add(e.id)
    for art in articles:
        spans = sorted(
            (m.start, m.end, m.entity_id) for m in art.mentions if m.entity_id is not None
        )
        starts = [sp[0] for sp in spans]
        for q in art.quotes:
            eid: str | None = None
            if q.speaker_start is not None and q.speaker_end is not None:
                hi = bisect.bisect_left(starts, q.speaker_end)
                inside = [(s, e, mid) for s, e, mid in spans[:hi] if q.speaker_start < e]
                if inside:
                    best = min(inside, key=lambda x: (rank.get(by_id[x[2]].type, 5), -x[1]))
                    eid = best[2]
            if eid is None and q.speaker:
                for label in ("PERSON", "ORG"):
                    key = _parse_name(q.speaker, label, gaz)[2]
                    if key in nodes:
                        eid = root_entity.get(uf.find(key))
                        break
                if eid is None:
                    key = fold(split_title(q.speaker, person=True).name)
                    if key and len(last_name.get(key.split()[-1], ())) == 1:
                        eid = next(iter(last_name[key.split()[-1]]))
            if eid is not None and eid in by_id:
                q.speaker_entity = eid
                q.speaker = by_id[eid].name
