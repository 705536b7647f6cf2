"""Organisation names the tagger split or called a person, joined with evidence from the story:

- a name some mention writes with a company designator ("Crowley Maritime Corp.") is an
  organisation, whatever the tagger called its other mentions;
- a name that organisation words extend into the story's organisation names ("Betty Ford" /
  "Betty Ford Center", "Palmer Fire" / "Palmer Fire Department" / "Palmer Fire & Rescue") is
  that organisation, whatever type the tagger gave it, unless the story treats it as a person
  (a title or role with it, or its last word used as a person's surname);
- a name with one word clipped ("Mat Maid" / "Matanuska Maid") is the one name of the story
  that the clipped word starts, all other words equal, when one of the two is no person;
- a body named by organisation words only ("Police Department") is the one body whose
  acronym ends with its initials ("NYPD") or whose name ends with it;
- an organisation's name is the one longer name that adds the noun for its kind, when the
  story calls it by that noun ("Matanuska Maid Dairy" beside "the dairy").

The first three repair the type: the joined mentions of the person-tagged form vote as the
organisation."""

from __future__ import annotations

import re
from collections import defaultdict

from ..names import HONORIFICS, TITLE_WORDS, acronym_key
from .gender import human_noun
from .mentions import CONNECTORS, Item, Node, UnionFind
from .variants import FACILITY_WORDS, SITE_WORDS, is_part_name

# nouns that make a name an organisation's (or one of its units') when written after it
ORG_TAIL_WORDS = FACILITY_WORDS | SITE_WORDS | frozenset(
    """
    department dept rescue fire police sheriff clinic rehab treatment institute foundation
    association agency authority service services bureau office board council commission
    committee union club society group
    """.split()
)
ORG_TYPES = frozenset({"ORG", "LOC"})  # LOC: a facility ("FAC" maps to it)
# company designators that no person's name ends with ("Crowley Maritime Corp.")
DESIGNATORS = frozenset("corp corporation inc incorporated llc ltd plc gmbh".split())
CLIPPED_MIN = 3  # letters a clipped word keeps ("Mat" of "Matanuska")


def _plain(node: Node) -> bool:
    return ":" not in node.key and node.country is None and not node.acronym


def _person_cued(node: Node, items: list[Item]) -> bool:
    """A title or a person noun written with some mention ("Dr.", "coach"; not "struggling")."""
    return any(items[i].role or any(human_noun(w) or w in HONORIFICS or w in TITLE_WORDS
                                    for w in items[i].descriptors) for i in node.items)


def _retype(node: Node, items: list[Item], etype: str) -> None:
    moved = node.votes.pop("PERSON", 0) + node.votes.pop("OTHER", 0)
    node.votes[etype] += moved
    for i in node.items:
        if items[i].label in {"PERSON", "OTHER"}:
            items[i].label = etype


def _alone(node: Node, nodes: dict[str, Node], uf: UnionFind, members: dict[str, list[str]]) -> bool:
    """No person's name was joined to this one by the person rules."""
    return all(nodes[k].type != "PERSON" for k in members[uf.find(node.key)] if k != node.key)


def merge_org_prefixes(items: list[Item], nodes: dict[str, Node], uf: UnionFind,
                       texts: dict[str, str] | None = None) -> None:
    """See the module docstring: company designators, organisation words after a name, and
    clipped words."""
    plain = [n for n in nodes.values() if _plain(n)]
    members: dict[str, list[str]] = defaultdict(list)
    for n in nodes.values():
        members[uf.find(n.key)].append(n.key)
    for n in plain:
        if n.type in {"PERSON", "OTHER"} and any(
                surface.split()[-1].strip(".,").lower() in DESIGNATORS
                for surface in n.surfaces if len(surface.split()) >= 2):
            _retype(n, items, "ORG")
            for k in members[uf.find(n.key)]:  # "Crowley", joined to it as a surname
                if nodes[k].ntokens == 1 and nodes[k].type == "PERSON" and n.key.startswith(k + " "):
                    _retype(nodes[k], items, "ORG")
    surnames: dict[str, set[str]] = defaultdict(set)  # last word -> people's names ending so
    for n in plain:
        if n.type == "PERSON" and n.ntokens >= 2:
            surnames[n.key.split()[-1]].add(n.key)
    single_people = {n.key for n in plain if n.type == "PERSON" and n.ntokens == 1}
    extended: dict[str, list[Node]] = defaultdict(list)  # prefix key -> organisation names
    for n in plain:
        toks = n.key.split()
        if n.type not in ORG_TYPES or len(toks) < 2 or is_part_name(toks):
            continue
        for cut in range(1, len(toks)):
            if all(t in ORG_TAIL_WORDS for t in toks[cut:]) and toks[cut - 1] not in CONNECTORS:
                extended[" ".join(toks[:cut])].append(n)
    for key, longer in extended.items():
        hub = nodes.get(key)
        if hub is None or not _plain(hub) or _person_cued(hub, items):
            continue
        last = key.split()[-1]
        roots = {uf.find(n.key) for n in longer} - {uf.find(key)}
        if not roots:
            continue
        if hub.type in {"PERSON", "OTHER"}:
            # the tagger's person (of two words or more) or untyped name (one word: when it
            # extends into one name only), alone, whose last word is no other person's surname
            if ((hub.ntokens < 2 and (hub.type == "PERSON" or len(roots) != 1))
                    or last in single_people or surnames.get(last, set()) - {key}
                    or not _alone(hub, nodes, uf, members)):
                continue
            _retype(hub, items, "ORG")
        elif hub.type not in ORG_TYPES or len(roots) != 1:
            continue  # an organisation's name extends into one other name only
        for root in roots:
            uf.union(root, key)
    _merge_clipped(items, plain, uf, nodes, members)
    _merge_generic_bodies(nodes, uf)
    _merge_kind_words(nodes, uf, texts or {})


def _merge_kind_words(nodes: dict[str, Node], uf: UnionFind, texts: dict[str, str]) -> None:
    """An organisation's name of two words or more is its name with the noun for its kind
    after it when the story calls it by that noun ("Halden Ales" / "Halden Ales Brewery" in
    a story that writes "the brewery"), and that is the one such longer name."""
    longer: dict[str, set[str]] = defaultdict(set)
    kind_of: dict[str, str] = {}
    for n in nodes.values():
        toks = n.key.split()
        if len(toks) >= 3 and _plain(n) and n.type == "ORG":
            longer[" ".join(toks[:-1])].add(uf.find(n.key))
            kind_of[" ".join(toks[:-1])] = toks[-1]
    stories = list(texts.values())
    for key, roots in longer.items():
        base = nodes.get(key)
        if base is None or not _plain(base) or base.type != "ORG" or len(roots) != 1:
            continue
        if uf.find(key) in roots or key.split()[-1] in ORG_TAIL_WORDS:
            continue
        noun = re.compile(rf"\bthe\s+{re.escape(kind_of[key])}\b")
        if any(noun.search(t) for t in stories):
            uf.union(next(iter(roots)), key)


def generic_body(key: str) -> bool:
    """A name of organisation words only: "police department", "fire rescue"."""
    toks = key.split()
    return len(toks) >= 2 and all(t in ORG_TAIL_WORDS for t in toks)


def _merge_generic_bodies(nodes: dict[str, Node], uf: UnionFind) -> None:
    """A body named by organisation words only ("Police Department", "Fire & Rescue") is the
    one body of the story whose acronym ends with its initials ("NYPD", "LAFD") or whose name
    ends with it ("Tulsa Police Department")."""
    acronyms = [n for n in nodes.values() if n.acronym and n.country is None]
    named = [n for n in nodes.values() if _plain(n) and n.type != "PERSON"]
    for node in named:
        toks = node.key.split()
        if not generic_body(node.key):
            continue
        ini = "".join(t[0] for t in toks)
        roots = {uf.find(n.key) for n in acronyms
                 if any(len(letters := acronym_key(sf)) > len(ini) and letters.endswith(ini)
                        for sf in n.surfaces)}
        roots |= {uf.find(n.key) for n in named
                  if n.ntokens > len(toks) and n.key.split()[-len(toks):] == toks}
        roots.discard(uf.find(node.key))
        if len(roots) == 1:
            uf.union(next(iter(roots)), node.key)


def _merge_clipped(items: list[Item], plain: list[Node], uf: UnionFind, nodes: dict[str, Node],
                   members: dict[str, list[str]]) -> None:
    by_shape: dict[tuple[int, int, str], list[Node]] = defaultdict(list)
    for n in plain:
        toks = n.key.split()
        if len(toks) < 2:
            continue
        for i in range(len(toks) - 1):  # the last word is never clipped
            rest = " ".join(toks[:i] + ["*"] + toks[i + 1 :])
            by_shape[(len(toks), i, rest)].append(n)
    for (_n, i, _rest), group in by_shape.items():
        for short in group:
            word = short.key.split()[i]
            if len(word) < CLIPPED_MIN:
                continue
            full = [n for n in group if n is not short and len(n.key.split()[i]) > len(word)
                    and n.key.split()[i].startswith(word)]
            roots = {uf.find(n.key) for n in full}
            if len(roots) != 1 or uf.find(short.key) in roots:
                continue
            target = full[0]
            if "PERSON" in (short.type, target.type) and (
                    short.type == target.type or not _alone(short, nodes, uf, members)
                    or _person_cued(short, items) or _person_cued(target, items)):
                continue  # "Dan Brown" / "Danielle Brown" are two people
            if short.type in {"PERSON", "OTHER"} and target.type in ORG_TYPES | {"GPE"}:
                _retype(short, items, target.type)
            uf.union(next(iter(roots)), short.key)
