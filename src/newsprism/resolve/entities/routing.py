"""Mentions that need context: ambiguous short names routed by idf-weighted context, role nouns and
pronouns linked to an antecedent."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict

from ...language import STOP_WORDS
from ...model import AnnotatedArticle
from .gender import human_noun, root_genders, word_gender
from .mentions import PERSON_NOUNS, PRONOUN_CLASSES, WORD, Item, Node, UnionFind

ROUTE_CONTEXT = 0.05  # idf-weighted cosine an article needs with a full name's sentences ...
ROUTE_MARGIN = 1.5  # ... and how clearly it must beat the next full name, to route "Johnson"
PRONOUN_WINDOW = 3  # sentences back to look for a pronoun's antecedent
DOMINANT = 2.0  # an article is about one person named this many times as often as the next
COOCCUR_MIN = 2  # articles a person noun must share with the person it is linked to
# person nouns that name someone by a tie to another (kin, counsel, spokespeople, officials):
# "the lawyer" in an article about one actress is her lawyer, not her
RELATIONAL_NOUNS = frozenset(
    """son daughter mother father husband wife brother sister parent grandmother grandfather
    uncle aunt nephew niece cousin friend boyfriend girlfriend fiance fiancee widow widower
    lawyer attorney prosecutor judge spokesman spokeswoman spokesperson publicist agent
    official doctor nurse surgeon physician therapist manager coach teacher owner""".split()
)
# a mention opening with a preposition of place or time is no person ("in the fourth quarter")
_PLACE_OR_TIME = re.compile(r"(?:in|at|on|into|inside|near|during|after|before|since)\s", re.I)
# common nouns for an organisation: "the company" in an article about one company is it
ORG_NOUNS = frozenset(
    """company firm corporation agency organization organisation group club bank airline carrier
    retailer maker manufacturer startup charity network broadcaster studio team squad
    franchise""".split()
)


def route_ambiguous(
    items: list[Item],
    nodes: dict[str, Node],
    uf: UnionFind,
    ambiguous: dict[str, list[str]],
    articles: list[AnnotatedArticle],
) -> dict[int, str]:
    """Item index -> root for short names shared by several full names ("Johnson").

    In an article naming several of them in full ("Charlene Kafoury", "Charlie Kafoury"), the
    one most sources name in full wins (the person the story is about; relatives and namesakes
    are written in full); else the nearest full name in the same article wins; in an article with none of them, the
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
    spread: Counter[str] = Counter(root for _, root in positions)  # sources naming it in full
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
            here = [r for r in roots if positions.get((m.source_id, r))]
            if len(here) > 1:  # two Kafourys in one article: the bare name is the story's one
                reach = sorted(((spread[r], r) for r in roots), reverse=True)
                if reach[0][0] > reach[1][0]:
                    routed[i] = reach[0][1]
                    continue
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
    return Counter(w.lower() for w in WORD.findall(text) if w.lower() not in STOP_WORDS)


def _idf(articles: list[AnnotatedArticle]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for art in articles:
        df.update({w.lower() for w in WORD.findall(art.article.text)})
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


def link_role_nouns(
    items: list[Item], nodes: dict[str, Node], root_of: dict[int, str],
    groups: dict[str, int] | None = None, texts: dict[str, str] | None = None,
) -> None:
    """A common noun that names a person's role ("the coach") is that person: the one in the
    same article written with that role, or else the only one in the story's articles on the
    same event (``groups``: source id -> event group). "The company" (``texts``: source id ->
    text, for a "the" left out of the mention) in an article about one organisation is it."""
    texts = texts or {}
    groups = groups or {}
    in_doc: dict[tuple[str, str], set[str]] = defaultdict(set)
    in_story: dict[tuple[int, str], set[str]] = defaultdict(set)
    for i, it in enumerate(items):
        if it.kind != "name" or not it.descriptors:
            continue
        node = nodes.get(it.key)
        if node is None or node.type != "PERSON":
            continue
        for word in it.descriptors:
            in_doc[(it.mention.source_id, word)].add(root_of[i])
            in_story[(groups.get(it.mention.source_id, 0), word)].add(root_of[i])
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_source[it.mention.source_id].append(i)
    main: dict[str, str | None] = {}  # source -> the person it is about
    main_org: dict[str, str | None] = {}  # source -> the organisation it is about
    for i, it in enumerate(items):
        if it.kind != "nominal":
            continue
        head = it.key.split(":")[1]
        local = in_doc.get((it.mention.source_id, head), set())
        story = in_story.get((groups.get(it.mention.source_id, 0), head), set())
        one = _one_person(it)
        if len(local) == 1 and one:  # "the tackle", not "the tackles" nor "in the quarter"
            root_of[i] = next(iter(local))
        elif not local and len(story) == 1 and one:
            root_of[i] = next(iter(story))
        elif not local and head in PERSON_NOUNS and head not in RELATIONAL_NOUNS and one:
            # "the woman" in an article about one person is that person
            src = it.mention.source_id
            if src not in main:
                main[src] = _dominant_person(items, nodes, root_of, by_source[src])
            if main[src] is not None:
                root_of[i] = main[src]
        elif not local and head in ORG_NOUNS and _bare_org_noun(it, texts):
            # "the company" in an article about one company is that company
            src = it.mention.source_id
            if src not in main_org:
                main_org[src] = _dominant_person(items, nodes, root_of, by_source[src], "ORG")
            if main_org[src] is not None:
                root_of[i] = main_org[src]
    # "the woman" of one event is one entity: when its linked mentions point to one person,
    # the rest of them are that person too
    linked: dict[str, Counter[str]] = defaultdict(Counter)
    for i, it in enumerate(items):
        if it.kind == "nominal" and root_of[i] != it.key:
            linked[it.key][root_of[i]] += 1
    for i, it in enumerate(items):
        if it.kind == "nominal" and root_of[i] == it.key and it.key in linked and _one_person(it):
            ranked = linked[it.key].most_common(2)
            if len(ranked) == 1 or ranked[0][1] >= DOMINANT * ranked[1][1]:
                root_of[i] = ranked[0][0]
    _link_by_cooccurrence(items, nodes, root_of, texts)
    # "the daughter" is no man the story calls "him": a gendered noun leaves a person of the
    # other gender
    genders = root_genders(items, nodes, {  # from the names (and own nouns), not the links
        i: items[i].key if items[i].kind == "nominal" else r for i, r in root_of.items()})
    for i, it in enumerate(items):
        if it.kind == "nominal" and root_of[i] != it.key:
            own = word_gender({it.key.split(":")[1]})
            if own is not None and genders.get(root_of[i], own) != own:
                root_of[i] = it.key


def _bare_org_noun(it: Item, texts: dict[str, str]) -> bool:
    """"the company", "the team": definite, singular, with no name or possessor of its own
    ("the Obama team", "the president-elect's transition team" are someone else's)."""
    words = it.mention.text.split()
    if not _definite(it, texts) or _plural(it.mention.text):
        return False
    while words and words[-1] in {"'s", "\u2019s", "'"}:
        words = words[:-1]  # "the team's": the team itself
    if any(w.endswith(("'s", "\u2019s", "'")) or w in {"'s", "\u2019s"} for w in words[:-1]):
        return False
    return not any(w[:1].isupper() for w in words if w.lower() not in {"the", "this", "that"})


def _link_by_cooccurrence(
    items: list[Item], nodes: dict[str, Node], root_of: dict[int, str], texts: dict[str, str]
) -> None:
    """A person noun of an event group still unlinked ("the host") is the person named in the
    articles it appears in: in COOCCUR_MIN of them or more, and DOMINANT times as many as the
    next person. "The team" (an organisation noun, ``_bare_org_noun``) likewise is the
    organisation named in the articles it appears in."""
    named: dict[tuple[str, str], set[str]] = defaultdict(set)  # (source, type) -> roots
    for i, it in enumerate(items):
        node = nodes.get(it.key)
        if it.kind == "name" and node is not None and node.type in {"PERSON", "ORG"}:
            named[(it.mention.source_id, node.type)].add(root_of[i])
    sources: dict[str, set[str]] = defaultdict(set)  # unlinked noun key -> sources
    kind_of: dict[str, str] = {}
    for i, it in enumerate(items):
        if it.kind != "nominal" or root_of[i] != it.key or not it.key.startswith("nom:"):
            continue
        head = it.key.split(":")[1]
        if head in PERSON_NOUNS and _one_person(it):
            sources[it.key].add(it.mention.source_id)
            kind_of[it.key] = "PERSON"
        elif head in ORG_NOUNS and _bare_org_noun(it, texts):
            sources[it.key].add(it.mention.source_id)
            kind_of[it.key] = "ORG"
    target: dict[str, str] = {}
    for key, srcs in sources.items():
        together: Counter[str] = Counter(
            p for s in srcs for p in named.get((s, kind_of[key]), ()))
        ranked = together.most_common(2)
        if ranked and ranked[0][1] >= COOCCUR_MIN and (
                len(ranked) == 1 or ranked[0][1] >= DOMINANT * ranked[1][1]):
            target[key] = ranked[0][0]
    for i, it in enumerate(items):
        if it.kind == "nominal" and root_of[i] == it.key and it.key in target and (
                _one_person(it) if kind_of[it.key] == "PERSON" else _bare_org_noun(it, texts)):
            root_of[i] = target[it.key]


def _one_person(it: Item) -> bool:
    """A nominal that may stand for one person: singular, not opening with a preposition of
    place or time ("in the head", "in the fourth quarter")."""
    return not _plural(it.mention.text) and not _PLACE_OR_TIME.match(it.mention.text)


def _plural(text: str) -> bool:
    last = text.split()[-1].lower() if text.split() else ""
    last = last.removesuffix("'s").removesuffix("\u2019s")  # "the team's" is one team
    return last.endswith("s") and not last.endswith("ss")


def _pronoun_class(text: str) -> str:
    word = text.strip(" \"'“”‘’").lower()
    for cls, words in PRONOUN_CLASSES.items():
        if word in words:
            return cls
    return ""  # I, we, you ...: the speaker or reader, not resolved here


def _human_nominal(cand: Item) -> bool:
    return cand.kind == "nominal" and human_noun(cand.key.split(":")[1])


def _pronoun_fits(
    cls: str, pron: Item, cand: Item, nodes: dict[str, Node], gender: str | None = None
) -> bool:
    """``gender``: the candidate's entity's gender, when the story shows it."""
    node = nodes.get(cand.key)
    ctype = node.type if node is not None and cand.kind == "name" else "OTHER"
    same_sentence = cand.mention.sentence == pron.mention.sentence
    if cls in {"m", "f"}:
        if gender is not None and gender != cls:
            return False  # "she" is not the man the story calls "he" elsewhere
        if cand.kind == "nominal" and _plural(cand.mention.text):
            return False  # "he" is not "the officers"
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


_ATTACHED = re.compile(r"^[\s,]*(?:in|of|at|on|from|for|with|near|inside|to)\s+(?:the\s+|a\s+|an\s+)?$",
                       re.IGNORECASE)


def _past_attachment(
    items: list[Item], idxs: list[int], k: int, texts: dict[str, str], pron: Item, cls: str,
    nodes: dict[str, Node],
) -> int:
    """The relative pronoun's noun: past a mention hung on the one before it by a preposition
    ("the flaw in Internet Explorer that ...", "the bank of a town which ..." -> the flaw, the
    bank), when that one fits the pronoun too."""
    j = idxs[k]
    while k > 0:
        cand, prev = items[idxs[k]], items[idxs[k - 1]]
        text = texts.get(cand.mention.source_id, "")
        gap = text[prev.mention.end : cand.mention.start]
        lead = cand.mention.text.split()[0].lower() if cand.mention.text.split() else ""
        if not (_ATTACHED.match(gap) or (gap.strip() == "" and lead in {"in", "of", "at", "on", "near"})):
            break
        if prev.kind == "pronoun" or not _pronoun_fits(cls, pron, prev, nodes):
            break
        k -= 1
        j = idxs[k]
    return j


def resolve_pronouns(
    items: list[Item], nodes: dict[str, Node], root_of: dict[int, str],
    texts: dict[str, str] | None = None,
) -> None:
    """Link each pronoun to the nearest compatible mention before it in the same article (he
    or she: among the people that fit within ``PRONOUN_WINDOW`` sentences, the one the article
    has named most so far, then the nearest).

    he/she want a person (a PERSON name or a noun such as "woman", "actor"), it/which a
    non-person, they an organisation, a group or a plural noun; a pronoun of the same class
    just before (he ... him) carries its antecedent on, or starts a chain with it."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_source[it.mention.source_id].append(i)
    genders = root_genders(items, nodes, root_of)
    main: dict[str, str | None] = {}  # source -> the person it is about
    for idxs in by_source.values():
        for pos, i in enumerate(idxs):
            pron = items[i]
            if pron.kind != "pronoun":
                continue
            cls = _pronoun_class(pron.mention.text)
            root = pron.key
            people: list[tuple[int, str, bool]] = []  # fitting (index, root, gender sure)
            for j in reversed(idxs[:pos] if cls else []):
                cand = items[j]
                if pron.mention.sentence - cand.mention.sentence > PRONOUN_WINDOW:
                    break
                if cand.kind == "pronoun":
                    if cls in {"m", "f", "n", "p"} and _pronoun_class(cand.mention.text) == cls:
                        root = root_of[j]
                        break
                    continue
                gender = genders.get(root_of[j])
                if _pronoun_fits(cls, pron, cand, nodes, gender):
                    if cls in {"m", "f"}:
                        people.append((j, root_of[j], gender is not None or cand.kind != "name"))
                        continue
                    if cls in {"who", "which"} and texts:
                        j = _past_attachment(items, idxs, idxs.index(j), texts, pron, cls, nodes)
                    root = root_of[j]
                    break
            if root == pron.key and people:
                # "she" after "Ann Lee ... Sam Cho": one the story shows is a woman wins over
                # a name of unknown gender; among those, the one the article has named most
                # so far ("Lee's lawyer Kim Park said she ..."), then the nearest
                sure = [p for p in people if p[2]] or people
                named = Counter(root_of[k] for k in idxs[:pos] if k in root_of)
                root = max(sure, key=lambda p: (named[p[1]], p[0]))[1]
            if root == pron.key and cls in {"m", "f"}:
                # no antecedent near it: "she" in an article about one woman is that woman
                src = pron.mention.source_id
                if src not in main:
                    main[src] = _dominant_person(items, nodes, root_of, idxs)
                if main[src] is not None and genders.get(main[src], cls) == cls:
                    root = main[src]
            root_of[i] = root


# place adverbs a corpus marks as mentions, and how many sentences back their place may be:
# "the bar where he worked" (its own sentence), "... a farm. There police found" (the one before)
PLACE_ADVERBS = {"where": 0, "there": 1}
# heads of time phrases, which are no place ("a couple of minutes there")
TIME_HEADS = frozenset(
    """minute hour day night morning evening afternoon week month year time noon midnight today
    yesterday tonight ago later decade century season weekend""".split()
)


def link_place_adverbs(items: list[Item], nodes: dict[str, Node], root_of: dict[int, str]) -> None:
    """"where" and "there" are the nearest place before them: a mention that is no person (name,
    pronoun or person noun), group, time or number, in the same sentence ("where") or one
    back ("there"). "here" stays apart: in a quotation it is where the speaker stands."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_source[it.mention.source_id].append(i)
    for idxs in by_source.values():
        for pos, i in enumerate(idxs):
            it = items[i]
            reach = PLACE_ADVERBS.get(it.mention.text.strip(" \"'\u2018\u2019\u201c\u201d").lower())
            if it.kind != "nominal" or reach is None:
                continue
            for j in reversed(idxs[:pos]):
                cand = items[j]
                if it.mention.sentence - cand.mention.sentence > reach:
                    break
                if _place_like(cand, nodes):
                    root_of[i] = root_of[j]
                    break


def _place_like(cand: Item, nodes: dict[str, Node]) -> bool:
    if cand.kind == "pronoun" or cand.key.startswith("time:"):
        return False
    words = cand.mention.text.lower().split()
    if not words or words[-1] in PLACE_ADVERBS or any(c.isdigit() for c in cand.mention.text):
        return False
    if cand.kind == "name":
        node = nodes.get(cand.key)
        return node is None or node.type not in {"PERSON", "NORP"}
    head = cand.key.split(":")[1]
    return not human_noun(head) and head not in TIME_HEADS and not set(words) & TIME_HEADS


def _definite(it: Item, texts: dict[str, str]) -> bool:
    """The mention opens with "the", "this" or "that", or follows one."""
    m = it.mention
    before = texts.get(m.source_id, "")[max(0, m.start - 6) : m.start]
    words = (before.split()[-1:] if before.endswith((" ", "\t", "\n")) else []) + m.text.split()
    return bool(words) and words[0].lower() in {"the", "this", "that"}


def _dominant_person(
    items: list[Item], nodes: dict[str, Node], root_of: dict[int, str], idxs: list[int],
    etype: str = "PERSON",
) -> str | None:
    """The person (or with ``etype`` the organisation...) an article is about: named at least
    twice and DOMINANT times as often as the next of its type, or None."""
    count: Counter[str] = Counter()
    for i in idxs:
        it = items[i]
        node = nodes.get(it.key)
        if it.kind == "name" and node is not None and node.type == etype:
            count[root_of[i]] += 1
    ranked = count.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= DOMINANT * ranked[1][1]):
        return ranked[0][0]
    return None
