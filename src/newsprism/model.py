"""The typed records that flow through newsprism, stage by stage.

Article (raw input) -> CleanArticle (body text + what was removed) -> AnnotatedArticle
(sentences, mentions, quotes, figures, dates) -> Story (articles on one event, resolved
entities, claims) -> Briefing (what the renderers print).

Every extracted record carries ``source_id`` and ``start``/``end``: a character span
[start, end) into that source's cleaned ``text`` (``CleanArticle.text``), which is also
the exact text of the spaCy Doc the extractors see, so ``token.idx`` offsets are valid.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

SCHEMA_VERSION = "1.0"


# --------------------------------------------------------------------------- input


@dataclass(slots=True)
class Article:
    """One article as read from disk or stdin. Metadata fields are None unless given."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date as given
    language: str | None = None
    origin: str | None = None  # path (plus record/line number) or URL it came from


@dataclass(slots=True)
class IngestResult:
    """What the ingest stage read: articles, skipped items, and non-fatal warnings."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Skipped:
    """An input item that could not be read, with a one-line reason."""

    item: str
    reason: str


# --------------------------------------------------------------------------- cleaning


@dataclass(slots=True)
class Removed:
    """A piece of the raw text taken out of the analysed body (nothing is lost)."""

    kind: str  # caption | pull_quote | duplicate | boilerplate | byline | heading | title | other
    text: str
    raw_start: int
    raw_end: int


@dataclass(slots=True)
class Heading:
    """A section heading: kept as a heading, not as a sentence of the body.

    ``offset`` is the position in the cleaned text where the section it heads begins."""

    text: str
    offset: int
    raw_start: int
    raw_end: int


@dataclass(slots=True)
class OffsetMap:
    """Maps cleaned-text offsets back to raw-input offsets.

    ``segments`` holds (clean_start, raw_start, length) for every run of characters that
    was copied verbatim from the raw text, sorted by clean_start."""

    segments: list[tuple[int, int, int]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list, repr=False, compare=False)  # derived

    def __post_init__(self) -> None:
        self.starts = [s[0] for s in self.segments]

    def to_raw(self, pos: int) -> int:
        """Raw offset of cleaned offset ``pos`` (an end offset maps to just past its char)."""
        if not self.segments:
            return pos
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0:
            return self.segments[0][1]
        c, r, n = self.segments[i]
        if pos <= c + n:
            return r + (pos - c)
        # pos falls in inserted text (a collapsed space or paragraph break): map to next run
        if i + 1 < len(self.segments):
            return self.segments[i + 1][1]
        return r + n

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) of a cleaned [start, end)."""
        if end <= start:
            s = self.to_raw(start)
            return s, s
        return self.to_raw(start), self.to_raw(end - 1) + 1


@dataclass(slots=True)
class CleanArticle:
    """An article after cleaning and metadata inference.

    ``text`` is the analysed body: paragraphs joined by a blank line. ``inferred`` names
    each metadata field that was inferred (not given) with the evidence for it."""

    id: str
    raw: str
    text: str
    removed: list[Removed] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    offsets: OffsetMap = field(default_factory=OffsetMap)
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    genre: str | None = None
    origin: str | None = None
    url: str | None = None
    language: str | None = None
    inferred: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, str] = field(default_factory=dict)  # inferred field -> high | medium | low
    # store (issue 15): a briefing counts a syndicated or duplicated text once: the original
    # lists its stored copies (another outlet republishing a wire story, the same file twice)
    republished_by: list[Republication] = field(default_factory=list)


# --------------------------------------------------------------------------- store (issue 15)


@dataclass(slots=True)
class Republication:
    """A stored copy of an article: the same text (kind ``exact``) or the same wire story lightly
    edited (``near``), from another file, outlet or URL. Linked to its original, never dropped."""

    id: str
    kind: str  # exact | near
    similarity: float  # estimated Jaccard similarity of word shingles (1.0 for exact)
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    origin: str | None = None


@dataclass(slots=True)
class StorySummary:
    """One story of the store as ``newsprism stories`` lists it."""

    id: str
    title: str
    articles: int  # distinct articles: copies counted once
    copies: int  # exact and near duplicates of those articles
    outlets: list[str] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    article_ids: list[str] = field(default_factory=list)
    title_from: str = ""  # headlines | engine | text
    group: str | None = None  # its group of related stories (same kind, place or actors); None before grouping


@dataclass(slots=True)
class IngestReport:
    """What one ``newsprism ingest`` run did."""

    read: int = 0  # articles the readers returned
    added: int = 0  # new articles stored (copies included)
    already: int = 0  # already in the store from an earlier run
    exact_duplicates: int = 0
    near_duplicates: int = 0
    annotated: int = 0
    files_unchanged: int = 0  # files skipped because an earlier run read them whole
    stories: int = 0  # stories in the store after the run
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


# --------------------------------------------------------------------------- annotation


@dataclass(slots=True)
class Span:
    source_id: str
    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    source_id: str
    start: int
    end: int
    text: str
    paragraph: int  # index into CleanArticle.paragraphs


@dataclass(slots=True)
class Mention:
    """A named-entity mention as tagged by the NER (label: spaCy's, e.g. PERSON, GPE)."""

    source_id: str
    start: int
    end: int
    text: str
    label: str
    sentence: int  # index into AnnotatedArticle.sentences
    entity_id: str | None = None  # set by entity resolution
    head: str | None = None  # lemma of the syntactic head, when the annotator gives it


@dataclass(slots=True)
class Quote:
    """An attribution: what was said (content span), by whom (speaker span), with which cue."""

    source_id: str
    start: int  # content span, without the quotation marks
    end: int
    text: str
    kind: str  # direct | indirect | mixed
    speaker: str | None = None  # resolved name (through pronouns, titles)
    speaker_role: str | None = None
    cue: str | None = None
    speaker_start: int | None = None  # span of the speaker's mention in the text, if any
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    negated: bool = False  # the cue rejects the content (denied, rejected, ...)
    sentence: int | None = None
    speaker_entity: str | None = None  # set by entity resolution
    id: str = ""  # assigned when the briefing is built
    origin: str = "body"  # body | pull_quote | ...
    same_as: list[str] = field(default_factory=list)  # ids of the same quotation elsewhere
    # issue 4: the source phrase as written next to the cue ("he", "the minister"), while
    # speaker_start/speaker_end point at the named mention it resolves to
    source_start: int | None = None
    source_end: int | None = None
    # indices into CleanArticle.removed of pull-quotes that repeat this quotation
    pull_quotes: list[int] = field(default_factory=list)
    # for a pull-quote left in the body (origin "pull_quote"): content span of the body
    # quotation it repeats; such a record is not a new statement
    repeats: tuple[int, int] | None = None
    continued: bool = False  # the quotation runs on into the next paragraph's quote
    key: str = ""  # normalised words of the content: equal keys = the same quotation (across outlets)
    # other pieces of a discontinuous content, as [start, end) spans: the relative pronoun
    # of "which she said represented ...", the clause before "X, he said, that Y"
    parts: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Figure:
    """A reported count (casualties and other quantities)."""

    source_id: str
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    qualifier: str  # exact | at_least | at_most | approx | vague
    counts: str  # what is counted, e.g. "children killed"
    category: str  # killed | injured | displaced | missing | arrested | other
    about_event: bool = True
    attributed_to: str | None = None
    subset_of: str | None = None  # id of the total this figure is part of
    sentence: int | None = None
    id: str = ""
    scope: str = ""  # why a figure is not about the event, e.g. "dated '1994'" (issue 5)
    partial: bool = False  # a part of a group counted elsewhere: "three of the injured died"
    kind: str = "people"  # people | thing | money | percent | length (issue 13)
    unit: str | None = None  # money: its currency ("$", "US$", "€", "£"); percent: "%";
    # thing: the counted noun's lemma ("cable", "count of murder"); length: "year" (of a deal)


@dataclass(slots=True)
class DateMention:
    """A temporal expression resolved to a calendar date (ISO at the known precision)."""

    source_id: str
    start: int
    end: int
    text: str
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; None when it cannot be resolved
    relative: bool = False  # resolved against the publication date
    about_event: bool = True
    sentence: int | None = None
    direction: str = "past"  # past | future | either: the tense that decides a relative date
    event_start: int | None = None  # span of the clause saying what happened on that date
    event_end: int | None = None
    # a bound of a period or another occasion's day ("held deposits prior to March 15", "which
    # followed an inconclusive ballot on May 6"): never the day of the story itself
    reference: bool = False


@dataclass(slots=True)
class AnnotatedArticle:
    article: CleanArticle
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    words: int = 0
    warnings: list[str] = field(default_factory=list)  # extractor problems, one line each
    event_chunks: list[tuple[str, int]] = field(default_factory=list)  # (noun chunk, start) headed by an event noun
    sections: dict[str, list[Any]] = field(default_factory=dict)  # items of registered sections without a field here

    @property
    def source_id(self) -> str:
        return self.article.id


# --------------------------------------------------------------------------- story


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str  # PERSON | ORG | GPE | LOC | NORP | EVENT | OTHER
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    acts_for: str | None = None  # entity id this one acts for (Moscow -> Russia)
    role: str | None = None  # a title or role seen with the name
    mention_counts: dict[str, int] = field(default_factory=dict)  # source id -> mentions
    part_of: str | None = None  # entity id of the place this one is a part of (North Sumatra)
    type_uncertain: bool = False  # its mentions disagree on the type (under 2/3 agree)


@dataclass(slots=True)
class Claim:
    id: str
    text: str
    holders: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    polarity: str = "assert"  # assert | deny
    quote_ids: list[str] = field(default_factory=list)
    # issue 7: where the claim comes from and how much support it has
    kind: str = "reported"  # reported | own | evidence | mixed (statements of several kinds)
    content: list[Span] = field(default_factory=list)  # the proposition clause in each source
    sources: list[str] = field(default_factory=list)  # source ids carrying it
    support: int = 0  # number of statements grouped into this claim
    support_by_source: dict[str, int] = field(default_factory=dict)
    support_by_holder: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Side:
    position: str
    holders: list[str] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # issue 7: source ids with evidence for it


@dataclass(slots=True)
class Contradiction:
    topic: str
    sides: list[Side] = field(default_factory=list)
    # issue 7: why the sides conflict: denial | negation | counter | incompatible (answers)
    kind: str = ""
    id: str = ""
    # issue 14: "high", or "low" for an unsure dispute (shown apart, after the others); the
    # reason it is unsure ("a side nobody names holds", "a holder only described") when low
    confidence: str = "high"
    confidence_reason: str | None = None


@dataclass(slots=True)
class ReconciledFigure:
    category: str
    counts: str
    low: float | None
    high: float | None
    figure_ids: list[str] = field(default_factory=list)
    note: str = ""
    conflict: bool = False
    display: str = ""  # the reconciled range in words, e.g. "86", "at least 70", "15–17"
    cells: list[FigureCell] = field(default_factory=list)  # one per source giving this count


@dataclass(slots=True)
class TimelineEntry:
    date: str
    text: str
    source_id: str
    start: int
    end: int
    about_event: bool = True
    citations: list[Span] = field(default_factory=list)  # every source carrying it
    inferred: bool = False  # the date rests on an inferred publication date


@dataclass(slots=True)
class SummarySentence:
    text: str
    citations: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class PartialDate:
    """What the sources state of a day when they give no full date: the parts they name, the
    others None ("Sunday (July 21)" with no year anywhere: month 7, day 21, weekday Sunday).
    ``iso`` writes it in ISO 8601 style with the unknown year left out: "--07-21" (a month-day,
    as XML Schema's gMonthDay), "2007-04" (a month), "" (a weekday alone)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: str | None = None  # "Sunday"
    iso: str = ""
    label: str = ""  # for readers: "Sunday, July 21 (no year stated)", "a Saturday (no date stated)"
    sources: int = 0  # sources that name the stated parts


@dataclass(slots=True)
class EventFrame:
    """A story's main event as its sources share it (frame.py): the event word, places and
    participants most headlines and leads name, the most representative lead and headline."""

    trigger: str | None = None  # lemma of the event word most sources use ("shoot", "fire")
    triggers: list[str] = field(default_factory=list)  # every widely shared event word
    places: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    lead: str | None = None  # the lead sentence sharing most with the other sources
    lead_title: str | None = None  # who did what (where), compressed from the lead
    headline: str | None = None  # the most representative cleaned headline, if any


@dataclass(slots=True)
class Story:
    id: str
    articles: list[AnnotatedArticle]
    title: str = ""
    event_date: str | None = None
    locations: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    frame: EventFrame | None = None
    title_source: str = ""  # headline | event phrase | lead | first title | count
    event_date_confidence: str = ""  # high | medium | low: how sure the event date is
    event_date_evidence: str = ""  # what the event date rests on
    # with no day-precise event date: the parts of its day the sources do state (a month-day
    # and a weekday without a year); None when the event date is a full day or nothing is named
    event_date_stated: PartialDate | None = None


@dataclass(slots=True)
class Briefing:
    story: Story
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    reconciled_figures: list[ReconciledFigure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    stats: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    sections: dict[str, list[Any]] = field(default_factory=dict)  # items of registered sections without a field here
    coverage: CoverageMatrix | None = None  # issue 19: outlets x sides, figures, speakers, claims


# --------------------------------------------------------------------------- figures (issue 5)


@dataclass(slots=True)
class FigureCell:
    """What one source says about one counted group: its figures, as the reader sees them."""

    source_id: str
    figure_ids: list[str] = field(default_factory=list)
    text: str = ""  # e.g. "at least 70", "86 (Syrian Observatory for Human Rights)"
    disagrees: bool = False  # cannot be true together with the reconciled range


# --------------------------------------------------------------------------- story clustering


@dataclass(slots=True)
class ClusterChanges:
    """What one or more ``StoryClusterer.add`` calls changed (``take_changes``)."""

    assigned: dict[str, str] = field(default_factory=dict)  # article id -> its story now
    merged: list[tuple[str, str]] = field(default_factory=list)  # (story merged away, story it went into)
    groups: dict[str, str] = field(default_factory=dict)  # story id -> its group now


@dataclass(slots=True)
class ClusterDoc:
    """One article as the story clusterer sees it (``newsprism.cluster.StoryClusterer``).

    ``published`` places it in time: stories only gather articles within
    ``Options.cluster_window_days`` of each other; an undated article counts as published at the
    latest date seen so far."""

    id: str
    text: str
    title: str | None = None
    published: datetime | None = None


# --------------------------------------------------------------------------- coverage (issue 19)


@dataclass(slots=True)
class CoverageCell:
    """What one outlet does with one item: attributed | reported | absent, with its spans."""

    outlet: str
    status: str
    spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class CoverageItem:
    """A row of the coverage matrix: a side of a dispute, a reconciled figure, a main speaker
    or a key claim (``kind``), what it refers to (``ref``: side, figure row, entity or claim id)."""

    kind: str  # side | figure | speaker | claim
    ref: str
    label: str
    cells: list[CoverageCell] = field(default_factory=list)  # one per outlet, in outlet order
    groups: dict[str, list[str]] = field(default_factory=dict)  # grouping -> groups reporting it


@dataclass(slots=True)
class CoverageOutlet:
    name: str
    source_ids: list[str] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)  # grouping -> the outlet's group


@dataclass(slots=True)
class Blindspot:
    """A gap in a grouping's coverage: ``kind`` "only" (``group`` alone reports the item) or
    "missed" (every other group present reports it, ``group`` does not)."""

    grouping: str
    group: str
    kind: str  # only | missed
    item: str  # the item's kind: side | figure | speaker | claim
    ref: str
    text: str
    missing: list[str] = field(default_factory=list)  # the groups present that leave it out
    spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class CoverageMatrix:
    outlets: list[CoverageOutlet] = field(default_factory=list)
    items: list[CoverageItem] = field(default_factory=list)
    groupings: list[str] = field(default_factory=list)
    blindspots: list[Blindspot] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # groups with no outlet here, outlets in no group


@dataclass(slots=True)
class BatchStory:
    """One row of the stories table a batch run writes (``newsprism batch``)."""

    id: str
    title: str
    size: int
    outlets: list[str] = field(default_factory=list)
    first: str | None = None  # earliest and latest publication date of its articles
    last: str | None = None
    articles: list[str] = field(default_factory=list)
    group: str | None = None  # its group of related stories (same kind, place or actors)
