"""extract_figures: numbers parsed, counted, categorised, scoped and linked into Figure records."""

from __future__ import annotations

import re
import warnings

from spacy.tokens import Doc, Span, Token

from ...language import SCALE_WORDS
from ...model import Figure
from .. import doc_text
from ..numbers import (
    VAGUE,
    Number,
    apply_qualifier,
    between_range,
    parse_number,
    qualifier_before,
    words_from,
)
from ..sentences import sentence_paragraphs
from .amounts import Amount, amount_of, deal_length, money_or_percent, thing_counted
from .categories import adj_category, category_of, lemma, noun_category, np_category_local
from .counted import (
    GROWTH_VERBS,
    PEOPLE_WORDS,
    attribution_of,
    counted_head,
    excluded,
    group_of,
    group_word,
    is_person_noun,
    people_verb,
    with_compounds,
)
from .lexicon import NOUN_CATEGORY, SEVERE_ADVERBS
from .scope import (
    clause_frame,
    doc_reference_year,
    event_places_of,
    first_token,
    past_simple,
    pronoun_subject,
    scope_of,
    sentence_frame,
)
from .standing import aggregate_scope

# partitive pronouns that stand for a group of people: "two of them", "two of whom"
_GROUP_PRONOUNS = {"them", "whom", "those", "these", "us"}
# a figure's text runs on to its counted head (or part) when that is this close after the number
HEAD_REACH_TOKENS = 4
# a sub-group count is linked to a total at most this many sentences before it
SUBSET_MAX_SENTENCES = 4


def extract_figures(doc: Doc, source_id: str = "", published: str | None = None
                    ) -> list[Figure]:
    """Every count reported in ``doc``, with category, scope and attribution.

    ``published`` (ISO date) dates the article: years before it mark background figures.
    Items that cannot be analysed are skipped with a warning; the rest are returned."""
    sents = list(doc.sents)
    if not sents:
        return []
    paragraphs = sentence_paragraphs(doc)
    ref_year = doc_reference_year(doc, published)
    raw: list[tuple[Figure, Token, bool, int, int]] = []
    consumed: set[int] = set()
    for si, sent in enumerate(sents):
        i = sent.start
        while i < sent.end:
            if i in consumed:
                i += 1
                continue
            try:
                item = _figure_at(doc, i, sent, si, source_id)
            except (IndexError, ValueError, KeyError, AttributeError, TypeError) as exc:
                # one odd construction must not cost the document its other figures
                warnings.warn(f"figures: skipped token {doc[i].text!r} at {doc[i].idx} in "
                              f"{source_id or 'document'}: {exc}", stacklevel=2)
                i += 1
                continue
            if item is None:
                i += 1
                continue
            fig, anchor, subset, end_tok = item
            first = next(t.i for t in doc[i:end_tok] if t.idx >= fig.start) if \
                doc[i].idx < fig.start else first_token(doc, fig.start, i)
            raw.append((fig, anchor, subset, si, first))
            consumed.update(range(i, end_tok))
            i = end_tok
    # places named around this event's own tolls (the first casualty figures not dated away)
    event_places = event_places_of(doc, sents, raw, ref_year)
    out: list[Figure] = []
    background_sents: set[int] = set()
    ref_month = int(published[5:7]) if published and re.match(r"\d{4}-\d{2}", published) \
        else None
    for fig, anchor, _subset, si, first in raw:
        sc = scope_of(doc, anchor, ref_year, event_places, first, ref_month)
        background = sc.background
        reason = ""
        if not background and not sc.current and si > 0 and (si - 1) in background_sents \
                and paragraphs[si - 1] == paragraphs[si] and past_simple(anchor):
            background, reason = True, "continues a background passage"
        if not background and not sc.current and si > 0 \
                and (paragraphs[si - 1] == paragraphs[si] or pronoun_subject(anchor)) \
                and sentence_frame(doc, sents[si - 1], ref_year, ref_month) \
                and past_simple(anchor):
            background, reason = True, "follows a sentence about another time or event"
        if not background and not sc.current and past_simple(anchor) \
                and clause_frame(doc, sents[si], anchor, ref_year):
            background, reason = True, "the sentence is set in the past"
        if not background and fig.category == "other":
            reason = aggregate_scope(doc, anchor, fig.kind)
            background = bool(reason)
        fig.about_event = not background
        if background:
            fig.scope = sc.reason or reason
        if background:
            background_sents.add(si)
        out.append(fig)
    _link_subsets(out, [r[2] for r in raw])
    return out


def _figure_at(doc: Doc, i: int, sent: Span, si: int, source_id: str
               ) -> tuple[Figure, Token, bool, int] | None:
    num = parse_number(doc, i)
    if num is None:
        return None
    num = between_range(doc, num, sent.start)
    amount = money_or_percent(doc, num, sent.start)
    if amount is not None:
        return _amount_figure(doc, num, amount, sent, si, source_id)
    q = qualifier_before(doc, num.start, sent.start)
    if q is not None:
        num = apply_qualifier(num, q[1], q[0])
    # the syntactic head of the number words ("two hundred and fifty" -> hundred)
    num.root = doc[num.num_start:num.end].root.i
    ratio = _ratio_figure(doc, num, sent, si, source_id)
    if ratio is not None:
        return ratio
    aw = words_from(doc, num.end, 3)
    if len(aw) >= 2 and doc[aw[0]].lower_ == "of" and (
            parse_number(doc, aw[1]) is not None
            or (len(aw) == 3 and doc[aw[1]].lower_ == "the" and parse_number(doc, aw[2]))):
        return None  # "one of 14 people killed": the count is the second number
    head, part = counted_head(doc, num)
    head = _through_hyphens(doc, head)
    length = deal_length(doc, num)
    if length is not None and num.qualifier != "vague":
        # "an eight-year contract": the deal's length is one of its terms
        end, deal = length
        return _amount_figure(doc, num, Amount("length", "year", num.start, end, num.low,
                                               num.high), sent, si, source_id, deal)
    if excluded(doc, num, head) is not None:
        return None
    # verbs that bound the count: "the toll exceeded 1,000" (at least); a projection such as
    # "the toll could exceed 1,000" or "is expected to rise to 100" reports no count
    gov = (head or doc[num.root])
    while gov.dep_ in ("nummod", "quantmod", "compound", "pobj", "prep") and gov.head.i != gov.i \
            and gov.head.pos_ in ("ADP", "NOUN", "NUM"):
        gov = gov.head
    verb = gov.head if gov.dep_ in ("dobj", "pobj", "attr") else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    if verb is not None and verb.pos_ == "VERB":
        modal = any(c.dep_ == "aux" and c.lower_ in ("could", "may", "might", "would", "will")
                    for c in verb.children) or lemma(verb.head) in ("expect", "fear", "predict")
        if modal and lemma(verb) in GROWTH_VERBS:
            return None
        if lemma(verb) in ("exceed", "surpass", "top", "pass") and num.qualifier == "exact":
            num = Number(num.start, num.num_start, num.end, num.low, None, "at_least",
                         num.value, num.root)
    # a capacity is not a count: "the boat, built to carry 30 people"
    if verb is not None and verb.dep_ in ("xcomp", "advcl") and lemma(verb.head) in (
            "build", "design", "mean", "intend", "certify", "license", "able", "capable",
            "equip", "plan"):
        return None
    # a count inside a condition is hypothetical: "if even a portion of those billion people
    # were displaced"
    if any(a.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in a.children
                                     if m.dep_ == "mark") for a in doc[num.root].ancestors):
        return None
    category, subset = category_of(doc, num, head, part)
    if category == "other":
        # counts that are not casualties are kept only when they count people: a person noun,
        # or a bare number whose verb takes people ("120 have been rescued")
        if num.value < 2 and not (head is not None and lemma(head) == "count"):
            return None  # but "one count of fleeing police" is a charge
        nxt = [doc[j].lower_ for j in words_from(doc, num.end, 2)]
        aboard = nxt[:1] == ["aboard"] or nxt == ["on", "board"]
        if head is None and part is not None and not (
                is_person_noun(part) or part.lower_ in _GROUP_PRONOUNS):
            return _thing_figure(doc, num, part, sent, si, source_id)  # "three of the cables"
        if head is None and not (part is not None or people_verb(doc[num.root]) or aboard):
            return None  # a bare number counts people only by its verb or "on board"
        if head is not None and (head.lower_ in VAGUE or head.lower_ in SCALE_WORDS):
            return None
        if head is not None and not is_person_noun(head):
            return _thing_figure(doc, num, head, sent, si, source_id)
    if category != "other" and num.value < 1:
        return None
    if num.value == 1 and head is None and part is None and category in ("other", "arrested",
                                                                        "displaced"):
        return None  # "one captured by a dashboard camera": a pronoun, not a count
    if category != "other" and head is not None and not (
            is_person_noun(head) or lemma(head) in NOUN_CATEGORY
            or head.lower_ in NOUN_CATEGORY or head.lower_ in PEOPLE_WORDS):
        # "shot down two planes", "six divisions fled": not people, things counted
        if num.value < 2 or head.lower_ in VAGUE or head.lower_ in SCALE_WORDS:
            return None
        return _thing_figure(doc, num, head, sent, si, source_id)
    group = group_word(doc, head, part, num, category)
    counts = f"{group} {category}" if category != "other" else group
    start_tok = num.start
    end_tok = num.end
    if head is not None and head.i >= end_tok and head.i - end_tok <= HEAD_REACH_TOKENS:
        end_tok = head.i + 1
    elif part is not None and part.i >= end_tok and part.i - end_tok <= HEAD_REACH_TOKENS:
        end_tok = part.i + 1
    start = doc[start_tok].idx
    last = doc[end_tok - 1]
    end = last.idx + len(last.text)
    anchor = head if head is not None and head.i < num.end + 1 else doc[num.root]
    fig = Figure(
        source_id=source_id, start=start, end=end, text=doc_text(doc)[start:end], low=num.low,
        high=num.high, qualifier=num.qualifier, counts=counts, category=category,
        attributed_to=attribution_of(doc, doc[num.root], sent), sentence=si,
        id=f"{source_id}:{start}",
    )
    # a part of another casualty count ("three of the injured died", "two of the dead were
    # paramedics", "including 30 children"); "four of them" (of the protesters) is not
    root = doc[num.root]
    graded = root.head.lower_ in SEVERE_ADVERBS | {"fatally", "mortally"} or any(
        c.lower_ in SEVERE_ADVERBS | {"fatally", "mortally"} for c in root.children)
    fig.partial = (part is not None and (graded or bool(
        noun_category(part) or adj_category(part) or np_category_local(part)))) or (
        part is None and subset)
    sub_group = group_of(counts) != "people"
    return fig, anchor, subset or sub_group, max(end_tok, num.end)


def _through_hyphens(doc: Doc, head: Token | None) -> Token | None:
    """A counted noun written with a hyphen is one word whose last part is its head: "two
    co-workers" (the tokenizer splits it into "co", "-", "workers"), "three ex-players"."""
    while head is not None and head.i + 2 < len(doc) and not head.whitespace_ \
            and doc[head.i + 1].text == "-" and not doc[head.i + 1].whitespace_ \
            and doc[head.i + 2].is_alpha:
        head = doc[head.i + 2]
    return head


def _span(doc: Doc, start_tok: int, end_tok: int) -> tuple[int, int, str]:
    start = doc[start_tok].idx
    last = doc[end_tok - 1]
    end = last.idx + len(last.text)
    return start, end, doc_text(doc)[start:end]


def _amount_figure(doc: Doc, num: Number, amount: Amount, sent: Span, si: int, source_id: str,
                   deal: Token | None = None) -> tuple[Figure, Token, bool, int] | None:
    """Money, a percentage or a deal's length as a figure of category ``other``."""
    low, high = amount.low, amount.high
    if low is None or low <= 0:
        return None
    n = Number(amount.start, num.num_start, amount.end, low, high,
               "exact" if high == low else ("approx" if high is not None else num.qualifier),
               low, num.root)
    q = qualifier_before(doc, n.start, sent.start)
    if q is not None:
        n = apply_qualifier(n, q[1], q[0])
    start, end, text = _span(doc, n.start, n.end)
    root = doc[num.root]
    if amount.kind == "length" and deal is not None:
        counts = f"{amount.unit}s of the {lemma(deal)}"
    else:
        counts = amount_of(doc, root, amount.kind)
    fig = Figure(
        source_id=source_id, start=start, end=end, text=text, low=n.low, high=n.high,
        qualifier=n.qualifier, counts=counts, category="other",
        attributed_to=attribution_of(doc, root, sent), sentence=si, id=f"{source_id}:{start}",
        kind=amount.kind, unit=amount.unit,
    )
    anchor = deal if deal is not None else root
    return fig, anchor, False, max(n.end, num.end)


_RATIO_TAIL = re.compile(r"^(?:of|for)-(\d[\d,]*)$", re.I)


def _ratio_figure(doc: Doc, num: Number, sent: Span, si: int, source_id: str
                  ) -> tuple[Figure, Token, bool, int] | None:
    """A statistic "N of M" / "N-of-M" / "N-for-M" ("completed 29-of-34 passes", "finished
    with 28-of-41", "started 17-for-17"): N counted out of M, with the noun that follows if
    any. "29 of 34 passes" keeps its counted noun (the existing count of 34 passes); "one of
    14 people killed" counts the people (the second number)."""
    if num.qualifier == "vague" or num.low is None or num.low != num.high:
        return None
    aw = words_from(doc, num.end, 3)
    if len(aw) >= 2 and doc[aw[0]].text in ("-", "–") and _RATIO_TAIL.match(doc[aw[1]].text):
        total = float(_RATIO_TAIL.match(doc[aw[1]].text).group(1).replace(",", ""))
        end_tok = aw[1] + 1
    elif len(aw) >= 3 and doc[aw[0]].lower_ == "of" and doc[aw[1]].like_num \
            and doc[aw[1]].text.replace(",", "").isdigit() and doc[aw[2]].pos_ not in (
                "NOUN", "PROPN", "ADJ", "NUM"):
        total = float(doc[aw[1]].text.replace(",", ""))
        end_tok = aw[1] + 1
    else:
        return None
    if total < num.low:
        return None
    nxt = words_from(doc, end_tok, 1)
    # the counted noun, even when tagged as a verb ("29-of-34 passes" read as "passes" a verb)
    head = doc[nxt[0]] if nxt and (doc[nxt[0]].pos_ == "NOUN" or doc[nxt[0]].tag_ == "VBZ") \
        else None
    if head is not None:
        end_tok = head.i + 1
    start, end, text = _span(doc, num.start, end_tok)
    fig = Figure(
        source_id=source_id, start=start, end=end, text=text, low=num.low, high=num.high,
        qualifier=num.qualifier, counts=with_compounds(head) if head is not None else
        f"of {total:g}", category="other", attributed_to=attribution_of(doc, doc[num.root], sent),
        sentence=si, id=f"{source_id}:{start}", kind="thing",
        unit=thing_counted(head) if head is not None else None,
    )
    return fig, head if head is not None else doc[num.root], False, end_tok


def _thing_figure(doc: Doc, num: Number, head: Token, sent: Span, si: int, source_id: str
                  ) -> tuple[Figure, Token, bool, int] | None:
    """A count of things: 'three undersea cables', '52 seats', 'three counts of murder'."""
    if head.pos_ not in ("NOUN", "PROPN") or head.i < num.start \
            or head.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"):
        return None
    end_tok = max(num.end, head.i + 1) if head.i - num.end <= HEAD_REACH_TOKENS else num.end
    start, end, text = _span(doc, num.start, end_tok)
    fig = Figure(
        source_id=source_id, start=start, end=end, text=text, low=num.low, high=num.high,
        qualifier=num.qualifier, counts=with_compounds(head), category="other",
        attributed_to=attribution_of(doc, doc[num.root], sent), sentence=si,
        id=f"{source_id}:{start}", kind="thing", unit=thing_counted(head),
    )
    return fig, head, False, max(end_tok, num.end)


def _link_subsets(figs: list[Figure], subset_flags: list[bool]) -> None:
    """Link each sub-group count to the nearest preceding total of the same category."""
    for k, fig in enumerate(figs):
        if not subset_flags[k] or fig.category == "other" or group_of(fig.counts) == "people":
            continue
        for j in range(k - 1, -1, -1):
            tot = figs[j]
            if tot.category == fig.category and group_of(tot.counts) == "people" \
                    and tot.about_event == fig.about_event \
                    and (fig.sentence is None or tot.sentence is None
                         or fig.sentence - tot.sentence <= SUBSET_MAX_SENTENCES):
                fig.subset_of = tot.id
                break
