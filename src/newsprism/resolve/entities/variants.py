"""Name variants that the exact-key and phonetic rules miss, each with evidence from the story:

- a name and the same name with a geographic feature word ("Mediterranean Sea" / "the
  Mediterranean", "Qeshm Island" / "Qeshm"); a word of another kind after it ("Qeshm City")
  names another place;
- an organisation's first word alone when it starts exactly one organisation's name
  ("Reliance" / "Reliance Globalcom"), and its name with a site word ("Kraft Plant" / "Kraft");
- a shorter name inside a longer one with the same first and last word ("Marfin Bank" /
  "Marfin Egnatia Bank", "Jacksonville Stadium" / "Jacksonville Municipal Stadium"), a building whatever place or body type it was given;
- a code written with initials ("I-75" / "Interstate 75", "SR 52" / "State Route 52");
- compass adjectives ("Southern Kordofan" / "South Kordofan");
- a short given name that starts exactly one person's given name ("Wlad" / "Wladimir
  Klitschko"), and a surname written with or without a particle ("LaCalamita" / "Calamita");
- type repair: a one-word name the tagger called a person that no person's full name contains
  but that heads a place name in the story ("Qeshm" beside "Qeshm Island") is that place.

A part of a place ("North Sumatra", "Central Aceh district") is never merged with the whole by
any of these rules (``is_part_name``); ``assembly`` links it with ``part_of``.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..gazetteer import Gazetteer
from ..names import GENERIC_PLACE
from .mentions import CONNECTORS, STRONG_PLACE_CUE, Item, Node, UnionFind

# words after a name that make it a geographic feature of that name ("Qeshm Island")
FEATURE_WORDS = frozenset(
    """
    sea ocean river lake island islands isle peninsula gulf bay strait straits desert valley
    glacier mountains mountain range canal coast delta basin plateau
    """.split()
)
# administrative units named after their region: "Idlib Province" is Idlib ("Mexico City" is not
# Mexico, "Orange County" not Orange: city, town, village, county and state stay in the name)
ADMIN_WORDS = frozenset("province governorate region".split())
COMPASS_ADJECTIVES = {
    "northern": "north", "southern": "south", "eastern": "east", "western": "west",
    "northeastern": "northeast", "northwestern": "northwest", "southeastern": "southeast",
    "southwestern": "southwest",
}
PART_WORDS = frozenset(COMPASS_ADJECTIVES) | frozenset(COMPASS_ADJECTIVES.values()) | frozenset(
    "central upper lower inner outer greater".split()
)
# particles written glued to a surname ("LaCalamita", "DeLuca", "VanDyke")
GLUED_PARTICLES = ("la", "le", "de", "di", "da", "del", "della", "van", "von", "du")
PLACE_TYPES = frozenset({"GPE", "LOC"})
# a building or site an organisation runs: the tagger calls it a body, a place or a facility
# ("the Carlton Hotel" LOC, "the Carlton Intercontinental Hotel" ORG)
FACILITY_WORDS = frozenset(
    """
    hotel hospital stadium arena center centre airport school college church museum library
    mall prison jail station theater theatre park
    """.split()
)
# an organisation's site: "the Kraft plant" is Kraft's ("Kraft Plant" / "Kraft")
SITE_WORDS = frozenset("plant factory mill warehouse store shop headquarters offices".split())


def is_part_name(tokens: list[str]) -> bool:
    """A folded name that names a part of a place: a compass or position word first
    ("north sumatra", "central aceh") or a generic place word last ("aceh district")."""
    return len(tokens) >= 2 and (tokens[0] in PART_WORDS or tokens[-1] in GENERIC_PLACE)


def _plain(node: Node) -> bool:
    return ":" not in node.key and node.country is None and not node.acronym


def repair_place_types(items: list[Item], nodes: dict[str, Node]) -> None:
    """A one-word 'person' that heads a place name of the story ("Qeshm Island", "Qeshm City"),
    is in no person's full name and is tagged or cued as a place at least once ("the island
    of Qeshm") is that place."""
    in_people: set[str] = set()
    heads: set[str] = set()
    for node in nodes.values():
        toks = node.key.split()
        if len(toks) < 2 or not _plain(node):
            continue
        if node.votes.get("PERSON"):
            in_people.update(toks)
        elif node.type in PLACE_TYPES and (toks[-1] in FEATURE_WORDS or toks[-1] in GENERIC_PLACE):
            heads.add(" ".join(toks[:-1]))
    for node in nodes.values():
        if node.ntokens != 1 or not _plain(node) or node.type != "PERSON":
            continue
        if node.key not in heads or node.key in in_people:
            continue
        if not (node.votes.get("GPE") or node.votes.get("LOC")):
            continue  # not once tagged or cued as a place
        moved = node.votes.pop("PERSON", 0)
        node.votes["GPE"] += moved
        for i in node.items:
            if items[i].label == "PERSON":
                items[i].label = "GPE"


PLACE_CUE_SHARE = 1 / 3  # of a name's mentions cued as a place ("the city of X") ...
CUE_WINDOW = 40  # characters before a mention searched for a place cue


def repair_cued_places(
    items: list[Item], nodes: dict[str, Node], texts: dict[str, str]
) -> None:
    """A "person" that the text puts in place cues ("the port city of Bandar Abbas", "35 miles
    southwest of Bandar Abbas", "in Bandar Abbas") for at least ``PLACE_CUE_SHARE`` of its
    mentions and never writes with a title or role is a place: the tagger repeats one guess for
    one string, the cues are the text's own evidence. An "organisation" needs the strong cues
    ("the village of Gavarzin"; "in Congress" is no evidence)."""
    for node in nodes.values():
        if node.type not in {"PERSON", "ORG"} or not _plain(node):
            continue
        names = [items[i] for i in node.items if items[i].kind == "name"]
        if not names or any(it.cue == "PERSON" for it in names):
            continue
        if node.type == "PERSON":
            cued = sum(1 for it in names if it.cue is not None)
        else:
            cued = sum(1 for it in names if STRONG_PLACE_CUE.search(
                texts.get(it.mention.source_id, ""), max(0, it.mention.start - CUE_WINDOW),
                it.mention.start))
        if cued < PLACE_CUE_SHARE * len(names):
            continue
        moved = node.votes.pop(node.type, 0)
        node.votes["GPE"] += moved
        for it in names:
            if it.label in {"PERSON", "ORG"}:
                it.label = "GPE"


def merge_features(nodes: dict[str, Node], uf: UnionFind) -> None:
    """"Mediterranean" is "Mediterranean Sea" when that is the one feature so named, and
    "Hormozgan" is "Hormozgan Province" (an administrative unit named after its region)."""
    by_base: dict[str, set[str]] = defaultdict(set)
    for node in nodes.values():
        toks = node.key.split()
        if len(toks) < 2 or not _plain(node) or node.type == "PERSON":
            continue
        if toks[-1] in FEATURE_WORDS or toks[-1] in ADMIN_WORDS:
            by_base[" ".join(toks[:-1])].add(uf.find(node.key))
    for base, roots in by_base.items():
        node = nodes.get(base)
        if node is None or not _plain(node) or node.type == "PERSON" or len(roots) != 1:
            continue
        uf.union(next(iter(roots)), base)


def merge_org_first_words(nodes: dict[str, Node], uf: UnionFind) -> None:
    """A one-word organisation that starts exactly one longer organisation's name, and ends
    none, is that organisation ("Reliance" / "Reliance Globalcom"); an organisation's name
    with a site word after it is its site ("Kraft Plant" / "Kraft"), and is no other
    organisation starting with that word."""
    for node in nodes.values():
        toks = node.key.split()
        base = nodes.get(" ".join(toks[:-1]))
        if (len(toks) >= 2 and toks[-1] in SITE_WORDS and _plain(node) and base is not None
                and _plain(base) and base.type == "ORG" and node.type != "PERSON"):
            uf.union(base.key, node.key)
    first: dict[str, set[str]] = defaultdict(set)
    last: set[str] = set()
    for node in nodes.values():
        toks = node.key.split()
        if len(toks) < 2 or not _plain(node) or node.type == "PERSON":
            continue
        last.add(toks[-1])
        if node.type == "ORG" and toks[1] not in CONNECTORS:
            first[toks[0]].add(uf.find(node.key))
    for node in nodes.values():
        if node.ntokens != 1 or not _plain(node) or node.type != "ORG" or node.key in last:
            continue
        roots = first.get(node.key, set()) - {uf.find(node.key)}
        if len(roots) == 1:
            uf.union(next(iter(roots)), node.key)


def _inside(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(tok in it for tok in short)


def merge_inner_words(nodes: dict[str, Node], uf: UnionFind, gaz: Gazetteer) -> None:
    """A name of two or more words inside a longer one with the same first and last word is
    that name ("Marfin Bank" / "Marfin Egnatia Bank"), unless its first word is a country or
    people ("Sudan Army" / "Sudan People's Liberation Army"), it has a connector ("University
    of California"), or it is a part of a place."""
    ends: dict[tuple[str, str], list[Node]] = defaultdict(list)
    for node in nodes.values():
        toks = node.key.split()
        if len(toks) >= 2 and _plain(node) and node.type != "PERSON":
            ends[(toks[0], toks[-1])].append(node)
    for (head, _tail), group in ends.items():
        if len(group) < 2 or gaz.country_of(head) is not None or head in PART_WORDS:
            continue
        group.sort(key=lambda n: n.ntokens)
        for i, short in enumerate(group):
            st = short.key.split()
            if any(t in CONNECTORS for t in st) or is_part_name(st):
                continue
            longer = [g for g in group[i + 1 :] if g.ntokens > short.ntokens
                      and _inside(st, g.key.split())
                      and (_compatible(short, g) or _facility(short, g))]
            for g in longer:
                uf.union(short.key, g.key)


def _compatible(a: Node, b: Node) -> bool:
    ta, tb = a.type, b.type
    places = PLACE_TYPES | {"OTHER"}
    return ta == tb or "OTHER" in (ta, tb) or (ta in places and tb in places)


def _facility(a: Node, b: Node) -> bool:
    """Two names of one building ("Carlton Hotel" / "Carlton Intercontinental Hotel"), whatever
    body or place types the tagger gave them (never a person)."""
    return a.key.split()[-1] in FACILITY_WORDS and "PERSON" not in (a.type, b.type)


def _code(tokens: list[str]) -> bool:
    return any(t.isdigit() for t in tokens) and any(len(t) == 1 and t.isalpha() for t in tokens)


def merge_codes(nodes: dict[str, Node], uf: UnionFind) -> None:
    """A code of initials and a number is the name it abbreviates: "I-75" / "Interstate 75"
    (same number of words, each equal or the other's initial, the number equal)."""
    by_shape: dict[tuple[int, str], list[Node]] = defaultdict(list)
    for node in nodes.values():
        toks = node.key.split()
        if len(toks) < 2 or not _plain(node) or node.type == "PERSON":
            continue
        digits = " ".join(t for t in toks if t.isdigit())
        if digits:
            by_shape[(len(toks), digits)].append(node)
    for group in by_shape.values():
        codes = [n for n in group if _code(n.key.split())]
        for code in codes:
            ct = code.key.split()
            full = [
                n for n in group if n is not code and not _code(n.key.split())
                and all(a == b or (len(a) == 1 and b.startswith(a)) for a, b in
                        zip(ct, n.key.split(), strict=True))
            ]
            roots = {uf.find(n.key) for n in full}
            if len(roots) == 1:
                uf.union(next(iter(roots)), code.key)


def merge_direction_variants(nodes: dict[str, Node], uf: UnionFind) -> None:
    """"Southern Kordofan" is "South Kordofan": names equal once an adjectival compass word is
    written as its noun ("southern" -> "south") are one thing."""
    groups: dict[str, list[str]] = defaultdict(list)
    for node in nodes.values():
        if node.ntokens < 2 or not _plain(node) or node.type == "PERSON":
            continue
        toks = node.key.split()
        norm = [COMPASS_ADJECTIVES.get(t, t) for t in toks]
        if norm != toks or any(t in COMPASS_ADJECTIVES.values() for t in toks):
            groups[" ".join(norm)].append(node.key)
    for keys in groups.values():
        for k in keys[1:]:
            uf.union(keys[0], k)


def unglued(token: str) -> str:
    """A surname without a particle written glued to it: "lacalamita" -> "calamita"."""
    for p in GLUED_PARTICLES:
        if token.startswith(p) and len(token) - len(p) >= 4:
            return token[len(p) :]
    return token


def merge_people_variants(nodes: dict[str, Node], uf: UnionFind) -> None:
    """People the surname and first-name rules miss: a surname with and without a glued
    particle ("Anthony LaCalamita" / "Anthony Calamita", same first name), and a short given
    name or pet form that starts one person's given name only ("Wlad" / "Wladimir Klitschko",
    "Maddie" / "Madeline Kafoury")."""
    people = [n for n in nodes.values() if _plain(n) and n.type == "PERSON"]
    full = [n for n in people if n.ntokens >= 2]
    by_unglued: dict[tuple[str, str], list[Node]] = defaultdict(list)
    for n in full:
        toks = n.key.split()
        by_unglued[(toks[0], unglued(toks[-1]))].append(n)
    for group in by_unglued.values():
        if len({n.key.split()[-1] for n in group}) > 1:
            for n in group[1:]:
                uf.union(group[0].key, n.key)
    given: dict[str, set[str]] = defaultdict(set)
    surnames = {n.key.split()[-1] for n in full}
    for n in full:
        given[n.key.split()[0]].add(uf.find(n.key))
    for n in people:
        if n.ntokens != 1 or len(n.key) < 3 or n.key in surnames or n.key in given:
            continue
        stem = _diminutive_stem(n.key)
        roots = {r for g, rs in given.items()
                 if len(g) > len(stem) and g.startswith(stem) and g != n.key for r in rs}
        if len(roots) == 1:
            uf.union(next(iter(roots)), n.key)


def _diminutive_stem(word: str) -> str:
    """A pet form's stem: "Maddie" -> "mad", "Tommy" -> "tom"; other words unchanged."""
    for end in ("ie", "y"):
        stem = word[: -len(end)]
        if word.endswith(end) and len(stem) >= 3:
            if stem[-1] == stem[-2]:
                stem = stem[:-1]  # "madd" -> "mad"
            return stem if len(stem) >= 3 else word
    return word


_DOMAIN = re.compile(r"^(?:www\.)?([a-z0-9-]+)\.(?:com|org|net|co\.uk|com\.au|co|info|news)$")


def merge_domains(nodes: dict[str, Node], uf: UnionFind) -> None:
    """An outlet's web address is the outlet: "washingtonpost.com" / "Washington Post"
    (the address's name equals the name's words written together)."""
    joined: dict[str, set[str]] = defaultdict(set)
    for node in nodes.values():
        if node.ntokens >= 2 and _plain(node) and node.type != "PERSON":
            joined["".join(node.key.split())].add(uf.find(node.key))
    for node in nodes.values():
        if ":" in node.key:
            continue
        for surface in node.surfaces:
            found = _DOMAIN.match(surface.lower())
            roots = joined.get(found.group(1).replace("-", ""), set()) if found else set()
            if len(roots) == 1:
                uf.union(next(iter(roots)), node.key)
                break
