"""What happened when: a dated, sourced timeline of a story, and the date of its main event.

Every resolved date mention becomes a candidate entry whose text is the clause it dates
(``DateMention.event_start/event_end``, the sentence when no clause is known). Entries on the
same date that say the same thing (character n-gram TF-IDF cosine of their texts at least
``MERGE_SIMILARITY``) merge into one entry citing every source. Entries about this event come
first in date order, background (other events: ``about_event`` False) after them.

Articles without a publication date get one inferred (:func:`infer_story_dates`): from their
own text, else from the other articles of the story; their relative dates are re-resolved and
the evidence is written into ``CleanArticle.inferred["published"]``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from .embed import Embedder, cosine_matrix
from .extract.dates import (
    EVENT_WINDOW_DAYS,
    dateline_date,
    infer_published,
    parse_expression,
    parse_iso,
    precision_of,
    reanchor_dates,
    solve_calendar,
    stamp_date,
    telling_sources,
)
from .language import MONTH_NAMES, STOP_WORDS, WEEKDAY_NAMES, WEEKDAYS
from .model import AnnotatedArticle, DateMention, PartialDate, Span, Story, TimelineEntry

if TYPE_CHECKING:
    from spacy.language import Language

_NOT_DATELINES = {"caption", "pull_quote", "duplicate"}
STATED_LEAD_SENTENCES = 3  # a month-day without a year states the event's day in these only
MERGE_SIMILARITY = 0.3
MERGE_EMBEDDING = 0.5  # sentence-embedding cosine for the same happening in other words
MERGE_CONTAINMENT = 0.6  # share of the shorter text's content words found in the longer one
# content words of an entry: stop words and the words that date it are left out
_STOP = STOP_WORDS | {m.lower() for m in MONTH_NAMES} | set(WEEKDAYS) | frozenset(
    "today yesterday tomorrow year years month months week weeks ago last next morning afternoon "
    "evening night midnight noon hour hours weekend time local early late".split()
)


@dataclass(slots=True)
class _Item:
    date: str
    source_id: str
    start: int
    end: int
    text: str
    about_event: bool
    inferred: bool
    order: tuple[int, int]  # article index, position


EVENT_WORD_SIMILARITY = 0.6  # word-vector cosine of a sentence word and the story's event word
EVENT_WORDS = 2  # the frame's leading event words a date's sentence is compared with


def event_date_mentions(story: Story, nlp: Language | None) -> set[tuple[str, int]] | None:
    """(source id, start) of the dates whose sentence tells of the story's main event: one of
    its verbs or nouns is the frame's event word or near it in the pipeline's word vectors
    ("assaults", "bombings" for "attack"; "blaze" for "fire"), people's nouns left out ("the
    attackers registered ..."). None when it cannot be told (no frame, event word or word
    vectors); empty when no date's sentence tells of the event."""
    frame = story.frame
    if nlp is None or frame is None or not frame.triggers or not nlp.vocab.vectors.shape[0]:
        return None
    keys = [nlp.vocab[w].vector for w in frame.triggers[:EVENT_WORDS] if nlp.vocab[w].has_vector]
    if not keys:
        return None
    unit = np.array([k / np.linalg.norm(k) for k in keys])
    wanted: dict[tuple[str, int], str] = {}  # (source, sentence start) -> sentence text
    dated: list[tuple[str, int, int]] = []  # (source, mention start, sentence start)
    for a in story.articles:
        for dm in a.dates:
            spec = parse_expression(dm.text)
            if spec is None or spec.kind not in ("full", "monthday"):
                continue
            sent = next((x for x in a.sentences if x.start <= dm.start < x.end), None)
            if sent is not None:
                wanted[(a.source_id, sent.start)] = sent.text
                dated.append((a.source_id, dm.start, sent.start))
    if not dated:
        return set()
    told: set[tuple[str, int]] = set()
    for key, doc in zip(wanted, nlp.pipe(wanted.values()), strict=True):
        words = [t for t in doc if t.pos_ in ("VERB", "NOUN") and t.has_vector and t.ent_type_ != "PERSON"
                 and not t.lemma_.lower().endswith(_AGENT_SUFFIXES)]
        if words:
            vecs = np.array([t.vector / (np.linalg.norm(t.vector) or 1.0) for t in words])
            if float((vecs @ unit.T).max()) >= EVENT_WORD_SIMILARITY:
                told.add(key)
    return {(sid, start) for sid, start, sent in dated if (sid, sent) in told}


_AGENT_SUFFIXES = ("er", "or", "ist", "ant", "ent")  # people's nouns: "attacker", "investigator"


def infer_story_dates(story: Story, nlp: Language | None = None) -> dict[str, str]:
    """Fill in missing publication dates of the story's articles; returns {source_id: evidence}.

    Order of evidence: the article's own dateline (a short line the cleaner removed); then one
    calendar for the whole story (:func:`solve_calendar`: the day the articles' dates and the
    known publication dates agree on, background and future dates left out), against which
    each article's own stamp, full dates, weekdays and month-days place it. When neither a
    known publication date nor the calendar can place the story, nothing is guessed: a wrong
    date costs more than a missing one. Articles whose date is inferred get their relative
    dates re-resolved against it, and say how sure it is in
    ``CleanArticle.confidence["published"]`` (high | medium | low)."""
    missing = [a for a in story.articles if not a.article.published]
    if not missing:
        return {}
    done: dict[str, str] = {}
    for a in missing:
        value, why = dateline_date(_removed_lines(a))
        if value is not None:
            _set_published(a, value, why, "high")
            done[a.source_id] = why
    comments = late_comments(story)
    known = {a.source_id: a.article.published for a in story.articles
             if a.article.published and a.source_id not in comments}
    printed = {a.source_id: stamp for a in story.articles if a.source_id not in comments
               and (stamp := stamp_date(h.text for h in a.article.headings)) is not None}
    cal = solve_calendar((d for a in story.articles for d in a.dates), known,
                         event_mentions=event_date_mentions(story, nlp), printed=printed)
    anchors = sorted(v for v in known.values() if v)
    anchor_why, anchor_conf = "other articles' publication dates", "medium"
    if not anchors:
        if cal is None:
            return done
        anchors, anchor_why, anchor_conf = [cal.day.isoformat()], cal.evidence, cal.confidence
    for a in story.articles:
        if a.article.published:
            continue
        value, why = dateline_date(_removed_lines(a), anchors)
        if value is None:
            value, why = infer_published(a.article.text, a.dates, story_dates=anchors)
        if value is None and cal is not None:
            value, why = cal.day.isoformat(), "no date of its own"
        if value is not None:
            why = f"{why}; story dated by {anchor_why}"
            _set_published(a, value, why, "low" if why.startswith("no date") else anchor_conf)
            done[a.source_id] = why
    return done


def late_comments(story: Story) -> set[str]:
    """Comment pages (opinion or analysis) that tell of no day relative to when they were
    written, in a story whose other pages do ("on Tuesday", "this morning"): "Arson in Alaska: a
    pattern? November 20, 2012" over a piece that never says when the fire was may be written
    weeks later. Its date says when it was written, not which Tuesday the reports mean."""
    telling = telling_sources(d for a in story.articles for d in a.dates)
    if not telling:
        return set()
    return {a.source_id for a in story.articles
            if a.article.genre in ("opinion", "analysis") and a.source_id not in telling}


def _removed_lines(a: AnnotatedArticle) -> list[str]:
    return [r.text for r in a.article.removed if r.kind not in _NOT_DATELINES]


def _set_published(a: AnnotatedArticle, value: str, why: str, confidence: str) -> None:
    a.article.published = value
    a.article.inferred["published"] = why
    a.article.confidence["published"] = confidence
    a.dates = reanchor_dates(a.dates, value)


def infer_event_date(story: Story) -> str | None:
    """The day most sources date the story's own events to (about-event mentions only); sets
    ``story.event_date_confidence`` and ``story.event_date_evidence``.

    Only days from shortly before the earliest publication date to the latest one (to the day
    after the earliest given one: the event precedes its first report) count: a date outside
    them is background and never dates the event. Ties go to more mentions, then
    to the earlier date (the event precedes its aftermath). With no day-precise date, the
    best-supported month is returned."""
    pubs = [d for d in (parse_iso(a.article.published) for a in story.articles) if d is not None]
    lo = min(pubs) - dt.timedelta(days=EVENT_WINDOW_DAYS) if pubs else None
    hi = max(pubs) + dt.timedelta(days=1) if pubs else None
    # given dates, and the article's own date line (as good as given)
    given_by = {a.source_id: d for a in story.articles
                if ("published" not in a.article.inferred
                    or a.article.confidence.get("published") == "high")
                and (d := parse_iso(a.article.published)) is not None}
    # a late comment's date says when it was written, not when the event was
    comments = late_comments(story)
    given_pubs = [d for sid, d in given_by.items() if sid not in comments]
    if given_pubs:  # the event precedes its first report; later ones tell what followed
        hi = min(given_pubs) + dt.timedelta(days=1)
        # and the first report is not much later than the event (an inferred publication date
        # earlier than every given one rests on weaker evidence than they do)
        lo = min(given_pubs) - dt.timedelta(days=EVENT_WINDOW_DAYS)
    by_day: dict[str, set[str]] = defaultdict(set)
    count: dict[str, int] = defaultdict(int)
    by_month: dict[str, set[str]] = defaultdict(set)
    for a in story.articles:
        for dm in a.dates:
            if not dm.value or not dm.about_event or dm.direction == "future" or dm.reference:
                continue  # a date ahead (a vote to come, a hearing) or a bound is not the event's
            if precision_of(dm.value) == "day":
                if not pubs:
                    continue  # no calendar placed the story: a lone full date is no anchor
                d = parse_iso(dm.value)
                if d is None or (lo is not None and hi is not None and not lo <= d <= hi):
                    continue
                by_day[dm.value].add(a.source_id)
                count[dm.value] += 1
            elif precision_of(dm.value) == "month":
                by_month[dm.value].add(a.source_id)
    inferred = [a.article.confidence.get("published", "low") for a in story.articles
                if "published" in a.article.inferred]
    given = len(story.articles) - len(inferred)
    if by_day:
        ranked = sorted(by_day, key=lambda d: (-len(by_day[d]), -count[d], d))
        best = ranked[0]
        n = len(by_day[best])
        runner = len(by_day[ranked[1]]) if len(ranked) > 1 else 0
        conf = "high" if n >= 2 and n >= 2 * runner else "medium" if n >= 2 or n > runner else "low"
        if not given and inferred:  # every publication date inferred: no surer than they are
            conf = min(conf, _weakest(inferred), key=_CONFIDENCE.index)
        story.event_date_confidence = conf
        story.event_date_evidence = (
            f"{n} of {len(story.articles)} sources date the event to {best}"
            + (f" ({runner} to the next day named)" if runner else "")
            + ("" if given else "; publication dates inferred from the texts"))
        return best
    if given_pubs:
        first = min(given_pubs).isoformat()
        story.event_date_confidence = "low"
        story.event_date_evidence = f"no day named before the first report: its date, {first}"
        return first
    if by_month:
        best = min(by_month, key=lambda d: (-len(by_month[d]), d))
        story.event_date_confidence = "low"
        story.event_date_evidence = f"{len(by_month[best])} sources name the month {best}, no day"
        story.event_date_stated = stated_date(story, best)
        return best
    story.event_date_confidence = ""
    story.event_date_evidence = _undated_evidence(story)
    story.event_date_stated = stated_date(story)
    return None


def stated_date(story: Story, month: str | None = None) -> PartialDate | None:
    """What the sources do state of the event's day when none gives (or lets the calendar
    find) its year: the month-day most sources name in their ledes and the weekday most
    sources name for what happened (past or undecided clauses about the event; ties: more
    mentions, then the weekday the other tied ones follow within three days, as an aftermath
    follows the event), and ``month`` ("2007-04") when one is known. None when they name
    neither."""
    md_sources: dict[tuple[int, int], set[str]] = defaultdict(set)
    wd_sources: dict[int, set[str]] = defaultdict(set)
    wd_mentions: dict[int, int] = defaultdict(int)
    together: set[tuple[int, int, int]] = set()  # (month, day, weekday) written as one date
    for a in story.articles:
        for dm in a.dates:
            if not dm.about_event or dm.direction == "future" or dm.reference:
                continue
            spec = parse_expression(dm.text)
            if spec is None:
                continue
            if spec.kind == "monthday" and spec.month and spec.day and (
                    dm.sentence is not None and dm.sentence < STATED_LEAD_SENTENCES):
                # a lede dates its event ("this morning (July 21)"); a month-day further down
                # is as often another time's ("since she was picked on Aug. 29")
                md_sources[(spec.month, spec.day)].add(a.source_id)
            if spec.kind == "monthday" and spec.month and spec.day and spec.weekday is not None:
                together.add((spec.month, spec.day, spec.weekday))
            if spec.weekday is not None and (spec.kind == "monthday" or (
                    spec.kind == "weekday" and spec.modifier in ("", "on", "last"))):
                wd_sources[spec.weekday].add(a.source_id)
                wd_mentions[spec.weekday] += 1
    year = int(month[:4]) if month else None
    month_n = int(month[5:7]) if month else None
    day: int | None = None
    n = 0
    if md_sources:
        fits = [md for md in md_sources if month_n is None or md[0] == month_n]
        if fits:
            (month_n, day) = min(fits, key=lambda md: (-len(md_sources[md]), md))
            n = len(md_sources[(month_n, day)])
    weekday: int | None = None
    if wd_sources:
        top = max(len(v) for v in wd_sources.values())
        tied = [wd for wd, v in wd_sources.items() if len(v) == top]
        weekday = max(tied, key=lambda wd: (wd_mentions[wd], sum(
            1 <= (o - wd) % 7 <= 3 for o in tied), -wd))
        n = max(n, top)
    if month_n is None and weekday is None:
        return None
    iso = (f"{year:04d}-{month_n:02d}" if year is not None and day is None else
           f"{year:04d}-{month_n:02d}-{day:02d}" if year is not None else
           f"--{month_n:02d}-{day:02d}" if month_n is not None and day is not None else "")
    wd_name = WEEKDAY_NAMES[weekday] if weekday is not None else None
    month_name = MONTH_NAMES[month_n - 1] if month_n is not None else ""
    if day is not None and wd_name and (month_n, day, weekday) not in together:
        # the weekday and the month-day come from different sentences: both are said, but
        # never as one date ("last Friday" a list was published; a withdrawal "on March 12")
        label = f"{month_name} {day}" + (f", {year}" if year is not None else "") + (
            f" ({'' if year is not None else 'no year stated; '}a {wd_name} is also named)")
    elif day is not None:
        label = f"{wd_name + ', ' if wd_name else ''}{month_name} {day}" + (
            f", {year}" if year is not None else " (no year stated)")
    elif month_n is not None:
        label = (f"a {wd_name} in " if wd_name else "") + f"{month_name} {year}" + (
            "" if wd_name else " (no day stated)")
    else:
        label = f"a {wd_name} (no date stated)"
    return PartialDate(year, month_n, day, wd_name, iso, label, n)


def _undated_evidence(story: Story) -> str:
    """Why the story has no event date: what the sources do name (weekdays, month-days
    without a year), so a reader can place it."""
    named: dict[str, set[str]] = defaultdict(set)
    for a in story.articles:
        for dm in a.dates:
            spec = parse_expression(dm.text)
            if spec is None or dm.direction == "future" or dm.reference:
                continue
            if spec.kind == "monthday" or (spec.kind == "weekday" and spec.modifier in ("", "on")):
                named[dm.text.strip().removesuffix("'s").removesuffix("’s")].add(a.source_id)
    if not named:
        return "no date of the event in any source"
    top = sorted(named, key=lambda k: (-len(named[k]), k))[:3]
    return ("no year can be inferred from the texts: they name "
            + ", ".join(f"{k!r} ({len(named[k])} sources)" for k in top))


_CONFIDENCE = ["low", "medium", "high"]


def _weakest(values: list[str]) -> str:
    return min(values, key=lambda v: _CONFIDENCE.index(v) if v in _CONFIDENCE else 0)


def _story_window(story: Story) -> tuple[dt.date, dt.date] | None:
    """Days that belong to this event: from shortly before the event date to shortly after the
    last publication date (None when no day-precise event date is known)."""
    value = story.event_date
    if value is None and not story.event_date_evidence:  # not inferred yet (it was: keep its say)
        value = infer_event_date(story)
    event = parse_iso(value) if value and precision_of(value) == "day" else None
    if event is None:
        return None
    pubs = [d for d in (parse_iso(a.article.published) for a in story.articles) if d is not None]
    margin = dt.timedelta(days=EVENT_WINDOW_DAYS)
    return event - margin, max([event, *pubs]) + margin


def _in_window(value: str, window: tuple[dt.date, dt.date] | None) -> bool:
    """A day inside the window, or the month the event itself falls in."""
    first = parse_iso(value)
    if window is None or first is None:
        return False
    if precision_of(value) == "day":
        return window[0] <= first <= window[1]
    event = window[0] + dt.timedelta(days=EVENT_WINDOW_DAYS)
    return precision_of(value) == "month" and (first.year, first.month) == (event.year, event.month)


def _items(story: Story) -> list[_Item]:
    window = _story_window(story)
    items: list[_Item] = []
    seen: set[tuple[str, int, int, str]] = set()
    for ai, a in enumerate(story.articles):
        text = a.article.text
        inferred_pub = "published" in a.article.inferred
        for dm in a.dates:
            if not dm.value or parse_iso(dm.value) is None:
                continue
            clause = _clause(a, dm)
            if clause is None:
                continue
            start, end = clause
            if not _content_words(text[start:end]):
                continue  # "9.25 a.m. on Thursday": a date or time, not what happened
            if _inside_quotation(a, dm.start):
                continue  # "what happened yesterday", in a speaker's words, dates no clause of ours
            key = (a.source_id, start, end, dm.value)
            if key in seen:
                continue
            seen.add(key)
            items.append(
                _Item(
                    date=dm.value,
                    source_id=a.source_id,
                    start=start,
                    end=end,
                    text=text[start:end],
                    about_event=(dm.about_event or _in_window(dm.value, window)) and not dm.reference,
                    inferred=inferred_pub and dm.relative,
                    order=(ai, start),
                )
            )
    return items


_OPEN = "“"
_CLOSE = "”"


def _inside_quotation(a: AnnotatedArticle, pos: int) -> bool:
    """Whether ``pos`` lies inside a direct quotation of its paragraph (straight or curly)."""
    text = a.article.text
    para_start = text.rfind("\n\n", 0, pos)
    para_start = 0 if para_start < 0 else para_start + 2
    for s, e in a.article.paragraphs:
        if s <= pos < e:
            para_start = s
            break
    before = text[para_start:pos]
    if before.count('"') % 2 == 1:
        return True
    return before.rfind(_OPEN) > before.rfind(_CLOSE)


def _clause(a: AnnotatedArticle, dm: DateMention) -> tuple[int, int] | None:
    """The clause the mention dates (None when extraction found none: datelines, headings)."""
    text = a.article.text
    if dm.event_start is None or dm.event_end is None or dm.event_end <= dm.event_start:
        return None
    start, end = dm.event_start, dm.event_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _content_words(text: str) -> set[str]:
    words = {w.strip(".,;:'\"()’‘“”").lower() for w in text.split()}
    return {
        w.removesuffix("'s").removesuffix("’s")
        for w in words
        if len(w) >= 4 and w.isalpha() and w not in _STOP
    }


def _contained(words: list[set[str]]) -> np.ndarray:
    """Pairs of items that tell the same happening: at least ``MERGE_CONTAINMENT`` of the
    smaller one's content words are in the other (shared words counted by one sparse product
    of the item-by-word incidence matrix with itself)."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, ws in enumerate(words):
        for w in ws:
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    incidence = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(len(words), max(1, len(vocab)))
    )
    shared = (incidence @ incidence.T).toarray()
    sizes = np.array([len(ws) for ws in words])
    smaller = np.minimum.outer(sizes, sizes)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (smaller > 0) & (shared / smaller >= MERGE_CONTAINMENT)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _groups(items: list[_Item], embedder: Embedder | None = None) -> list[list[_Item]]:
    """Single-link clusters of same-date items whose texts are similar (character n-grams,
    shared content words, or, with an embedder, sentence-embedding cosine)."""
    if not items:
        return []
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    mat = vec.fit_transform([i.text.lower() for i in items])
    words = [_content_words(i.text) for i in items]
    by_date: dict[str, list[int]] = defaultdict(list)
    for idx, it in enumerate(items):
        by_date[it.date].append(idx)
    groups: list[list[_Item]] = []
    for idxs in by_date.values():
        sub = mat[idxs]
        sim = (sub @ sub.T).toarray()  # only within one date: never all items at once
        linked = sim >= MERGE_SIMILARITY
        if embedder is not None and len(idxs) > 1:
            vecs = embedder.vectors([items[i].text for i in idxs])
            linked |= cosine_matrix(vecs, embedder.kind) >= MERGE_EMBEDDING
        linked |= _contained([words[i] for i in idxs])
        parent = list(range(len(idxs)))
        for x, y in zip(*np.nonzero(np.triu(linked, k=1)), strict=True):
            parent[_find(parent, int(x))] = _find(parent, int(y))
        clusters: dict[int, list[int]] = defaultdict(list)
        for x in range(len(idxs)):
            clusters[_find(parent, x)].append(x)
        for members in clusters.values():
            # representative: the member most similar to the others (first in story order on ties)
            centre = members[int(np.argmax(sim[np.ix_(members, members)].sum(axis=1)))]
            rest = sorted((m for m in members if m != centre), key=lambda m: items[idxs[m]].order)
            groups.append([items[idxs[m]] for m in [centre, *rest]])
    return groups


def build_timeline(story: Story, embedder: Embedder | None = None) -> list[TimelineEntry]:
    """Dated entries for the story: this event's first (by date), then background (by date).

    Fills in missing publication dates first (:func:`infer_story_dates`). With an ``embedder``
    (:func:`newsprism.embed.load_embedder`) same-day clauses that say the same thing in other
    words ("a 4.6 quake rattled Sonoma", "a magnitude 4.6 earthquake struck") merge too."""
    infer_story_dates(story)
    ranked: list[tuple[tuple[bool, str, int, int], TimelineEntry]] = []
    for group in _groups(_items(story), embedder):
        rep = group[0]
        citations: list[Span] = []
        seen: set[tuple[str, int, int]] = set()
        for it in group:
            key = (it.source_id, it.start, it.end)
            if key not in seen:
                seen.add(key)
                citations.append(Span(it.source_id, it.start, it.end))
        entry = TimelineEntry(
            date=rep.date,
            text=rep.text,
            source_id=rep.source_id,
            start=rep.start,
            end=rep.end,
            about_event=any(it.about_event for it in group),
            citations=citations,
            inferred=all(it.inferred for it in group),
        )
        first = min(it.order for it in group)
        ranked.append(((not entry.about_event, entry.date, *first), entry))
    ranked.sort(key=lambda r: r[0])
    return [entry for _key, entry in ranked]
