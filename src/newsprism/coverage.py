"""Who covers what: outlets x {each side of each dispute, each reconciled figure, each main
speaker, each key claim}, every cell *attributed* (the outlet reports it and says who holds or
gives it), *reported* (the outlet carries it in its own voice, or names a speaker it does not
quote), or *absent*, with the spans that support it.

With outlet groups (``outlet_groups.py``) each item also says which groups report it, and a
*blindspot* is an item that one group reports and every other group present leaves out.

``build_coverage(briefing, groups)`` reads only the briefing's records; it invents nothing: every
non-absent cell cites spans of that outlet's sources.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable

from .model import (
    AnnotatedArticle,
    Blindspot,
    Briefing,
    CoverageCell,
    CoverageItem,
    CoverageMatrix,
    CoverageOutlet,
    Span,
)
from .outlet_groups import UNGROUPED, OutletGroups

MAIN_SPEAKERS = 8  # speakers shown: most outlets quoting them first, then most quotes
KEY_CLAIMS = 8  # claims shown besides dispute sides: carried by the most outlets
MIN_CLAIM_OUTLETS = 2  # a key claim is carried by at least this many outlets (when >= 2 exist)

ABSENT, REPORTED, ATTRIBUTED = "absent", "reported", "attributed"
_RANK = {ABSENT: 0, REPORTED: 1, ATTRIBUTED: 2}


def _outlet_key(art: AnnotatedArticle) -> str:
    return art.article.outlet or art.article.id


class _Index:
    """Per source: outlet, attributed quote spans (sorted), entity mentions."""

    def __init__(self, briefing: Briefing) -> None:
        arts = briefing.story.articles
        self.outlet_of = {a.article.id: _outlet_key(a) for a in arts}
        self.outlets: list[str] = []
        for a in arts:
            if self.outlet_of[a.article.id] not in self.outlets:
                self.outlets.append(self.outlet_of[a.article.id])
        quoted: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for q in briefing.quotes:
            if q.speaker:
                quoted[q.source_id].append((q.start, q.end))
                if q.cue_start is not None and q.cue_end is not None:
                    quoted[q.source_id].append((q.cue_start, q.cue_end))
        self.quoted = {k: sorted(v) for k, v in quoted.items()}
        self.quoted_starts = {k: [s for s, _ in v] for k, v in self.quoted.items()}

    def attributed(self, span: Span) -> bool:
        """Does an attributed quotation (content or cue) overlap this span?"""
        spans = self.quoted.get(span.source_id)
        if not spans:
            return False
        i = bisect.bisect_left(self.quoted_starts[span.source_id], span.end)
        return any(e > span.start for _, e in spans[max(0, i - 64) : i])


def _cells(index: _Index, marks: Iterable[tuple[Span, str]]) -> list[CoverageCell]:
    """One cell per outlet from (span, status) marks: the strongest status wins, spans kept."""
    by_outlet: dict[str, CoverageCell] = {o: CoverageCell(outlet=o, status=ABSENT) for o in index.outlets}
    for span, status in marks:
        cell = by_outlet.get(index.outlet_of.get(span.source_id, ""))
        if cell is None:
            continue
        if _RANK[status] > _RANK[cell.status]:
            cell.status = status
        if span not in cell.spans:
            cell.spans.append(span)
    return [by_outlet[o] for o in index.outlets]


def _side_items(briefing: Briefing, index: _Index) -> list[CoverageItem]:
    items = []
    for d, con in enumerate(briefing.contradictions, start=1):
        for k, side in enumerate(con.sides, start=1):
            marks = [(sp, ATTRIBUTED if index.attributed(sp) else REPORTED) for sp in side.evidence]
            items.append(CoverageItem(kind="side", ref=f"{con.id or f'd{d}'}.s{k}",
                                      label=f"{con.topic} — side {k}: {side.position}",
                                      cells=_cells(index, marks)))
    return items


def _figure_items(briefing: Briefing, index: _Index) -> list[CoverageItem]:
    figures = {f.id: f for f in briefing.figures}
    items = []
    for n, rf in enumerate(briefing.reconciled_figures, start=1):
        marks = []
        for fid in rf.figure_ids:
            f = figures.get(fid)
            if f is not None:
                marks.append((Span(f.source_id, f.start, f.end), ATTRIBUTED if f.attributed_to else REPORTED))
        label = f"{rf.counts}: {rf.display}" if rf.display else rf.counts
        items.append(CoverageItem(kind="figure", ref=f"r{n}", label=label, cells=_cells(index, marks)))
    return items


def _speaker_items(briefing: Briefing, index: _Index) -> list[CoverageItem]:
    entities = {e.id: e for e in briefing.story.entities}
    quotes_by: dict[str, list] = defaultdict(list)
    names: dict[str, str] = {}
    for q in briefing.quotes:
        if not q.speaker or q.repeats:
            continue
        key = q.speaker_entity or q.speaker
        quotes_by[key].append(q)
        names.setdefault(key, entities[key].name if key in entities else q.speaker)

    def rank(key: str) -> tuple[int, int]:
        return (-len({index.outlet_of.get(q.source_id) for q in quotes_by[key]}), -len(quotes_by[key]))

    items = []
    for key in sorted(quotes_by, key=rank)[:MAIN_SPEAKERS]:
        marks = [(Span(q.source_id, q.start, q.end), ATTRIBUTED) for q in quotes_by[key]]
        ent = entities.get(key)
        if ent is not None:  # named without being quoted: the outlet reports the voice, not its words
            marks += [(m, REPORTED) for m in ent.mentions]
        items.append(CoverageItem(kind="speaker", ref=key, label=names[key], cells=_cells(index, marks)))
    return items


def _claim_items(briefing: Briefing, index: _Index) -> list[CoverageItem]:
    on_sides = {cid for con in briefing.contradictions for side in con.sides for cid in side.claim_ids}
    need = MIN_CLAIM_OUTLETS if len(index.outlets) >= MIN_CLAIM_OUTLETS else 1
    scored = []
    for c in briefing.claims:
        if c.id in on_sides:
            continue
        outlets = {index.outlet_of.get(sp.source_id) for sp in c.evidence} - {None}
        if len(outlets) >= need:
            scored.append((-len(outlets), -c.support, c))
    scored.sort(key=lambda t: (t[0], t[1]))
    items = []
    for _, _, c in scored[:KEY_CLAIMS]:
        marks = [(sp, ATTRIBUTED if (c.kind != "own" and c.holders) or index.attributed(sp) else REPORTED)
                 for sp in c.evidence]
        items.append(CoverageItem(kind="claim", ref=c.id, label=c.text, cells=_cells(index, marks)))
    return items


def _spread(item: CoverageItem) -> tuple[int, int]:
    """Sort key: items some outlets carry and others do not come first, the most uneven first."""
    present = sum(1 for c in item.cells if c.status != ABSENT)
    n = len(item.cells)
    differs = 0 < present < n
    return (0 if differs else 1, present if differs else -present)


def _names(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _blindspots(matrix: CoverageMatrix) -> list[Blindspot]:
    """Per grouping with at least two groups present: an item only one group reports ("only"),
    and an item every other group reports but one group leaves out ("missed"). With two groups
    the two coincide and are said once, as "only"."""
    out: list[Blindspot] = []
    for gname in matrix.groupings:
        group_of = {o.name: o.groups.get(gname, UNGROUPED) for o in matrix.outlets}
        real = set(group_of.values()) - {UNGROUPED}
        if len(real) < 2:
            continue
        members = {g: [o for o, og in group_of.items() if og == g] for g in real}
        for item in matrix.items:
            reporting = {group_of[c.outlet] for c in item.cells if c.status != ABSENT} - {UNGROUPED}
            item.groups[gname] = sorted(reporting)
            missing = sorted(real - reporting)
            if not reporting or not missing:
                continue
            cells = [c for c in item.cells if c.status != ABSENT and group_of[c.outlet] in reporting]
            spans = [sp for c in cells for sp in c.spans]
            what = f"{item.kind} “{item.label}”"
            if len(reporting) == 1:
                (only,) = reporting
                outlets = ", ".join(c.outlet for c in cells)
                text = (f"Only {only} ({outlets}) reports {what}; "
                        f"{_names(missing)} {'does' if len(missing) == 1 else 'do'} not.")
                out.append(Blindspot(grouping=gname, group=only, kind="only", item=item.kind,
                                     ref=item.ref, text=text, missing=missing, spans=spans))
            elif len(missing) == 1:
                (gap,) = missing
                text = (f"{gap} ({', '.join(members[gap])}) does not report {what}, which "
                        f"{_names(sorted(reporting))} report.")
                out.append(Blindspot(grouping=gname, group=gap, kind="missed", item=item.kind,
                                     ref=item.ref, text=text, missing=missing, spans=spans))
    return out


def build_coverage(briefing: Briefing, groups: OutletGroups | None = None) -> CoverageMatrix:
    """The coverage matrix of a briefing (with groups: per-group coverage and blindspots)."""
    index = _Index(briefing)
    urls: dict[str, str | None] = {}
    for a in briefing.story.articles:
        urls.setdefault(_outlet_key(a), a.article.url)
    matrix = CoverageMatrix(groupings=[g.name for g in groups.groupings] if groups else [])
    for o in index.outlets:
        sources = [a.article.id for a in briefing.story.articles if _outlet_key(a) == o]
        membership = {g.name: g.group_of(o, urls.get(o)) for g in groups.groupings} if groups else {}
        matrix.outlets.append(CoverageOutlet(name=o, source_ids=sources, groups=membership))
    items = (_side_items(briefing, index) + _figure_items(briefing, index)
             + _speaker_items(briefing, index) + _claim_items(briefing, index))
    order = {"side": 0, "figure": 1, "speaker": 2, "claim": 3}
    # sides stay in dispute order (the first side first); other rows put differences first
    items.sort(key=lambda it: (order[it.kind], *((0, 0) if it.kind == "side" else _spread(it))))
    matrix.items = items
    if groups:
        matrix.blindspots = _blindspots(matrix)
        for gname in matrix.groupings:
            empty = sorted(set(next(g for g in groups.groupings if g.name == gname).groups)
                           - {o.groups.get(gname) for o in matrix.outlets})
            if empty:
                matrix.notes.append(f"{gname}: no outlet of {', '.join(empty)} in this story")
            unknown = [o.name for o in matrix.outlets if o.groups.get(gname) == UNGROUPED]
            if unknown:
                matrix.notes.append(f"{gname}: {', '.join(unknown)} in no group")
    return matrix
