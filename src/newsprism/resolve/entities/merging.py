"""Nodes (one per name key) and the merge rules between them: acronyms, transliterations, people,
countries, short names, qualified names."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from ...language import STOP_WORDS
from ...model import AnnotatedArticle, Mention
from ..gazetteer import Gazetteer
from ..names import (
    CORPORATE_SUFFIXES,
    acronym_key,
    fold,
    initials,
    is_acronym,
    skeleton,
    skeleton_token,
)
from .mentions import COARSE, CONNECTORS, WORD, Item, Node, UnionFind, bag_cosine
from .variants import PART_WORDS, is_part_name

FUZZY_SAME_TYPE = 80.0  # rapidfuzz ratio for any transliteration merge (same skeleton too)
FUZZY_SURE = 90.0  # ... above which one type is enough; below it, or across types ...
FUZZY_PLACE = 85.0  # ... or this for two names both typed as places
FUZZY_GIVEN = 85.0  # ... and for the given names of two spellings of one person's name
LONG_NAME = 3  # ... or both names have this many words (and one word count)
# common English short forms of given names, both ways ("Bill Ingaldson" / "William Ingaldson");
# a pair here is one person only with the same surname
HYPOCORISMS = {
    frozenset(p.split("/")) for p in """
    william/bill william/will william/billy robert/bob robert/rob robert/bobby richard/dick
    richard/rick richard/rich james/jim james/jimmy john/jack joseph/joe thomas/tom
    thomas/tommy michael/mike christopher/chris daniel/dan daniel/danny matthew/matt
    anthony/tony edward/ed edward/ted edward/eddie charles/charlie charles/chuck
    elizabeth/liz elizabeth/beth elizabeth/betty margaret/maggie margaret/peggy
    katherine/kate catherine/kate katherine/kathy catherine/cathy patricia/pat
    patricia/patty jennifer/jen jennifer/jenny susan/sue deborah/debbie rebecca/becky
    samuel/sam benjamin/ben nicholas/nick steven/steve stephen/steve gregory/greg
    timothy/tim kenneth/ken ronald/ron donald/don andrew/andy alexander/alex jonathan/jon
    douglas/doug gerald/jerry lawrence/larry raymond/ray frederick/fred david/dave
    """.split()
}
CONTEXT_SHARED = 0.15  # ... the two names' sentences must share this much (cosine of bags)

# first words that make another place or thing of a name ("New South Wales", "Free ... Army")
QUALIFIER_STOP = frozenset("new old free royal united national the saint st san santa".split())

# a mention without a sentence takes this many characters either side as its context
CONTEXT_WINDOW_CHARS = 150


def _sentence_bag(art: AnnotatedArticle, m: Mention) -> Counter[str]:
    if 0 <= m.sentence < len(art.sentences):
        s = art.sentences[m.sentence]
        text = art.article.text[s.start : s.end]
    else:
        text = art.article.text[max(0, m.start - CONTEXT_WINDOW_CHARS) : m.end + CONTEXT_WINDOW_CHARS]
    return Counter(
        w.lower() for w in WORD.findall(text) if w.lower() not in STOP_WORDS
    )


def build_nodes(
    items: list[Item], articles: list[AnnotatedArticle], gaz: Gazetteer
) -> dict[str, Node]:
    by_source = {a.source_id: a for a in articles}
    nodes: dict[str, Node] = {}
    bags: dict[tuple[str, int], Counter[str]] = {}  # sentence bags, computed once per sentence
    for i, it in enumerate(items):
        if it.kind == "pronoun":
            continue
        node = nodes.get(it.key)
        if node is None:
            node = nodes[it.key] = Node(it.key)
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
        if it.written is not None:
            node.written.add(it.written)
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


def merge_defined_acronyms(items: list[Item], nodes: dict[str, Node], uf: UnionFind) -> None:
    """An acronym written in brackets after a name is that name wherever it is used."""
    for it in items:
        if it.acronym is None:
            continue
        key = fold(it.acronym)
        if key in nodes and key != it.key and nodes[key].country is None:
            uf.union(it.key, key)


def _type_compatible(a: Node, b: Node) -> bool:
    ca, cb = COARSE[a.type], COARSE[b.type]
    if ca == cb or "other" in (ca, cb):  # OTHER: a name the tagger could not type
        return True
    return bool(set(a.votes) & set(b.votes))


def _places(node: Node) -> bool:
    return node.type in {"GPE", "LOC"} and not node.votes.get("PERSON")


def merge_transliterations(nodes: dict[str, Node], uf: UnionFind) -> None:
    blocks: dict[str, list[Node]] = defaultdict(list)
    for node in nodes.values():
        # a capital or seat may be spelled two ways ("Bern" / "Berne"); a country never is
        if (node.country is not None and node.country[0] not in {"capital", "seat"}) or (
            node.acronym or ":" in node.key
        ):
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
                # a place spelled two ways ("Bern" / "Berne"): short names score low ratios
                sure = sure or (ratio >= FUZZY_PLACE and _places(a) and _places(b))
                # a long name spelled two ways ("Pacific Tsunami Warning Centre" / "... Center")
                # is one thing whatever types the tagger gave its mentions
                sure = sure or (ratio >= FUZZY_SURE and a.ntokens == b.ntokens >= LONG_NAME)
                if sure or bag_cosine(a.context, b.context) >= CONTEXT_SHARED:
                    uf.union(a.key, b.key)


def _personish(node: Node) -> bool:
    return node.country is None and not node.acronym and node.votes.get("PERSON", 0) > 0


def merge_people(
    nodes: dict[str, Node], uf: UnionFind
) -> dict[str, list[str]]:
    """Full names meet their variants; returns ambiguous short keys -> candidate full keys.

    Two full names with one surname are one person when their first names match
    ("Donald J. Trump", "Donald Trump"), one is the other's short form ("Bill" / "William"
    Ingaldson, ``HYPOCORISMS``), or one name's words all occur, in order, in the other
    ("Charger Jamal Williams", "Jamal Williams"); "Boris Johnson" and "Dustin Johnson" stay
    two people, and a bare "Johnson" is routed per mention (``route_ambiguous``). A single
    word no full name ends with may be a family name written first ("Wang" of Wang Yi) or a
    given name used alone: it joins the full names that start with it, on the same terms."""
    full_by_last: dict[str, list[Node]] = defaultdict(list)
    full_by_first: dict[str, list[Node]] = defaultdict(list)
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
                elif ta[-1] == tb[-1] and frozenset((ta[0], tb[0])) in HYPOCORISMS:
                    uf.union(a.key, b.key)  # "Bill Ingaldson" / "William Ingaldson"
                elif (fuzz.ratio(ta[-1], tb[-1]) >= FUZZY_SAME_TYPE
                      and fuzz.ratio(ta[0], tb[0]) >= FUZZY_GIVEN):
                    # spelled differently ("Juergen" / "Jurgen Klopp"): as for transliterations;
                    # two given names ("Charlie" / "Charlene Kafoury") are two people
                    if fuzz.ratio(a.key, b.key) >= FUZZY_SURE or (
                        bag_cosine(a.context, b.context) >= CONTEXT_SHARED
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
        if not cands and node.votes.get("PERSON"):
            # family name first ("Wang" of Wang Yi) or a given name used alone; never a name
            # the tagger only called an organisation ("Chargers" / "Charger Jamal Williams")
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


def merge_leftover_countries(
    nodes: dict[str, Node], uf: UnionFind, gaz: Gazetteer, ambiguous: dict[str, list[str]]
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
            nodes[country_key] = Node(country_key, country=("name", found[1]))
        uf.union(country_key, key)


def _subsequence(a: list[str], b: list[str]) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    it = iter(long)
    return len(short) >= 2 and all(tok in it for tok in short)


def merge_short_names(nodes: dict[str, Node], uf: UnionFind) -> None:
    """A one-word name that ends exactly one longer name of a compatible type is that name
    ("Chargers" / "San Diego Chargers", "Camry" / "Toyota Camry"), as is the first word of an
    "X of Y" name ("Academy" / "Academy of Motion Picture Arts and Sciences"); never a name only
    written with a company designator ("The Creamery Corporation", ``_registered``)."""
    by_word: dict[str, list[Node]] = defaultdict(list)
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
        if node.type == "PERSON" or _registered(node):
            continue
        # a part of a place is not the whole: "North Sumatra", "Aceh district" / "Sumatra"
        cands = [
            c for c in by_word.get(node.key, [])
            if _type_compatible(node, c) and not is_part_name(c.key.split())
        ]
        roots = {uf.find(c.key) for c in cands}
        if len(roots) == 1:
            uf.union(next(iter(roots)), node.key)


def merge_acronyms(nodes: dict[str, Node], uf: UnionFind) -> None:
    expansions: dict[str, set[str]] = defaultdict(set)
    for node in nodes.values():
        if node.acronym or node.type == "PERSON" or node.ntokens < 2:
            continue
        for surface in node.surfaces:
            for ini in initials(surface):
                expansions[ini].add(node.key)
        for form in node.written:  # "The Hollywood Reporter" (THR): "The" is in the name
            if form.startswith("The "):
                for ini in initials(form[4:]):
                    expansions["t" + ini].add(node.key)
    for node in nodes.values():
        if not node.acronym:
            continue
        letters = {acronym_key(s) for s in node.surfaces}
        roots = {uf.find(k) for letter in letters for k in expansions.get(letter, ())}
        if node.country is not None:
            continue
        if len(roots) == 1:
            uf.union(next(iter(roots)), node.key)


def merge_parent_prefix(
    nodes: dict[str, Node], uf: UnionFind, gaz: Gazetteer, lowered: frozenset[str] = frozenset()
) -> None:
    """A name qualified by another entity is the bare name when that is the only qualifier seen:
    "UN Security Council" / "United Nations Security Council" / "Security Council";
    "U.S. Surgeon General" / "Surgeon General of the United States" / "Surgeon General".
    "Russian Foreign Ministry" and "Syrian Foreign Ministry" leave "Foreign Ministry" alone.
    A first word the story names nothing else with counts as a qualifier too when it is a proper
    word (never written in lower case: ``lowered``) before a name of two or more words without
    a qualifier of its own: "California Highway Patrol" / "Highway Patrol"; "Free Syrian Army"
    keeps apart from "Syrian Army", "New South Wales" from "South Wales". A bare name only ever
    written with a company designator is a company of its own (``_registered``)."""
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
            if parent is None or rest[0] in CONNECTORS or gaz.country_of(rest_key) is not None:
                continue
            if len(rest) == 1 and rest_key not in nodes:
                continue
            parents[rest_key].add(parent)
            children[(rest_key, parent)].append(node.key)
            break
        qual, rest = toks[:1], toks[1:]
        rest_key = " ".join(rest)
        target = nodes.get(rest_key)
        if (
            target is None or len(rest) < 2 or qual[0] in lowered or qual[0] in PART_WORDS
            or qual[0] in QUALIFIER_STOP or any(t in CONNECTORS for t in rest)
            or parent_of(qual) is not None or parent_of(rest[:1]) is not None
            or gaz.country_of(rest_key) is not None or not _type_compatible(node, target)
        ):
            continue
        parents[rest_key].add("word:" + qual[0])
        children[(rest_key, "word:" + qual[0])].append(node.key)
    for (rest_key, _parent), keys in children.items():
        for k in keys[1:]:
            uf.union(keys[0], k)  # same qualifier, same name
        target = nodes.get(rest_key)
        if (target is not None and len(parents[rest_key]) == 1 and target.type != "PERSON"
                and not _registered(target)):
            uf.union(rest_key, keys[0])


def _registered(node: Node) -> bool:
    """A name only ever written with a company designator ("The Creamery Corporation") is a
    company's own name, not a short form of a qualified one ("Matanuska Creamery")."""
    return bool(node.surfaces) and all(
        (toks := re.findall(r"[a-z]+", s.lower())) and toks[-1] in CORPORATE_SUFFIXES
        for s in node.surfaces)
