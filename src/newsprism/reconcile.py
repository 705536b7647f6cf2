"""Reconcile the counts that several sources give for the same event.

``reconcile_figures(figures, sources)`` groups the figures about the event (``about_event``)
by category and counted group ("people killed", "children killed", "people injured"; counts
of other people are not reconciled) and, per group, gives:

* ``low``/``high``: the best-supported range. When sources give bounded counts (exact,
  approximate, "up to"), the range spans them; an open lower bound ("at least 70", "dozens")
  raises ``low`` when it is higher than the smallest bounded count. With only open bounds,
  ``low`` is the strongest of them and ``high`` is None.
* ``conflict``: two sources give ranges that cannot both be true at the same time (disjoint
  intervals) and the difference is not explained as an update (a later publication date or
  "had risen to" wording on the higher count).
* ``note``: plain words naming outlets (``CleanArticle.outlet``, else the source id),
  attributions and qualifiers, e.g. "86 (CBC News, citing the Syrian Observatory for Human
  Rights; an update: 'had risen to') vs at least 70 (TRT World); 'dozens' (The
  Conversation) is consistent with these."
* amounts (issue 13) that two or more sources give for the same thing are rows too, category
  ``other``: counts of things by their noun ("cable"), money by what it measures and its
  currency ("damage ($)"), percentages by what they are of, deal lengths by their deal; bare
  'money' or 'percent' is never grouped. The same noun may count different things in
  different clauses ("34 passes" of one player, "28 passes" of another), so an amount row is
  never a ``conflict``: its note says the sources' values differ. When one source gives two
  different values for the noun ("128 seats" for one party, "72 seats" for another), the noun
  counts several things and there is no row: a range over them would mix them (the amounts
  stay listed one by one). A count and a percentage are never one row ("two parties" and
  "12% for the party").
* ``cells``: what each source says (``FigureCell``), for the sources x figures table the
  report draws (one column per source; background figures are those with ``about_event`` false).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from .extract.figures import group_of
from .model import CleanArticle, Figure, FigureCell, ReconciledFigure

CASUALTY_CATEGORIES = ("killed", "injured", "missing", "displaced", "arrested")
_APPROX_SLACK = 0.1  # "about 1,400" is read as 1,260-1,540 when checking for conflicts
_UPDATE_RE = re.compile(
    r"\b((?:had |has |have |was |were )?(?:now )?(?:risen|rose|climbed|jumped|increased|"
    r"reached|grown|grew|soared|swelled|mounted|hit)(?: to)?(?: at least)?)\s*$",
    re.I,
)
_QUAL_WORDS = {"at_least": "at least", "at_most": "up to", "approx": "about"}


def _fmt(v: float | None) -> str:
    if v is None:
        return "?"
    if v >= 1_000_000 and v % 100_000 == 0:
        m = v / 1_000_000
        return f"{m:g} million"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:g}"


def _with_unit(value: str, kind: str, unit: str | None) -> str:
    """'$1 million', '70%', '12 cables' stay '12' (the row names the thing)."""
    if kind == "money" and unit and value != "?":
        return f"{unit}{value}" if not unit[-1].isalpha() else f"{value} {unit}"
    if kind == "percent" and value != "?":
        return f"{value}%"
    return value


def describe(fig: Figure) -> str:
    """The value of a figure in words: '86', 'at least 70', 'about 1,400', "'dozens'",
    'at least $160 million', '52%'."""
    if fig.qualifier == "vague":
        words = re.split(r"\s+of\s+(?!thousands|millions|hundreds)", fig.text.strip(), maxsplit=1)
        return f"'{' '.join(words[0].split()).lower()}'"

    def u(v: float | None) -> str:
        return _with_unit(_fmt(v), fig.kind, fig.unit)

    if fig.low is not None and fig.high is not None and fig.low != fig.high:
        return f"{u(fig.low)}–{u(fig.high)}"
    if fig.qualifier == "at_least":
        return f"at least {u(fig.low)}"
    if fig.qualifier == "at_most":
        return f"up to {u(fig.high)}"
    if fig.qualifier == "approx":
        return f"about {u(fig.low)}"
    return u(fig.low)


def _round(v: float) -> bool:
    """A round count ("3,000 residents", "200 people") is itself an approximation."""
    return v >= 100 and v % 100 == 0


def _interval(fig: Figure) -> tuple[float, float]:
    """The values a figure allows, for consistency checks: "about N" and round counts are
    read as N +/- 10%."""
    lo = fig.low if fig.low is not None else 0.0
    hi = fig.high if fig.high is not None else math.inf
    if fig.low is not None and fig.low == fig.high and (
            fig.qualifier == "approx" or _round(fig.low)):
        lo, hi = lo * (1 - _APPROX_SLACK), hi * (1 + _APPROX_SLACK)
    return lo, hi


def _bounded(fig: Figure) -> bool:
    return fig.high is not None


def _update_words(fig: Figure, text: str) -> str | None:
    """'had risen to' when the figure is introduced as an update of an earlier count."""
    if not text:
        return None
    m = _UPDATE_RE.search(text[max(0, fig.start - 40):fig.start])
    return m.group(1).strip() if m else None


def _label(sid: str, by_id: dict[str, CleanArticle]) -> str:
    art = by_id.get(sid)
    return (art.outlet if art is not None and art.outlet else None) or sid


def _fig_id(fig: Figure) -> str:
    return fig.id or f"{fig.source_id}:{fig.start}"


def _published(sid: str, by_id: dict[str, CleanArticle]) -> str | None:
    art = by_id.get(sid)
    return art.published if art is not None else None


def _explained_by_update(lo_fig: Figure, hi_fig: Figure, by_id: dict[str, CleanArticle],
                         figures: list[Figure] | None = None) -> bool:
    """The higher count comes later (publication date) or is worded as an update; for the
    missing, whose count falls as they are found, the lower count comes later: published
    later, or its source reports a risen toll the other source does not ("the death toll rose
    to 17 ... Four people remain missing" against an earlier "9 people were still missing")."""
    if lo_fig.category == "missing":
        return _later_report(lo_fig.source_id, hi_fig.source_id, by_id, figures or [])
    p_lo, p_hi = _published(lo_fig.source_id, by_id), _published(hi_fig.source_id, by_id)
    if p_lo and p_hi and p_hi[:10] > p_lo[:10]:
        return True
    art = by_id.get(hi_fig.source_id)
    return _update_words(hi_fig, art.text if art is not None else "") is not None


def _later_report(sid: str, other: str, by_id: dict[str, CleanArticle],
                  figures: list[Figure]) -> bool:
    """Source ``sid`` reports later than ``other``: published on a later day, or (undated) it
    words one of its own event counts as an update and ``other`` words none."""
    p, q = _published(sid, by_id), _published(other, by_id)
    if p and q:
        return p[:10] > q[:10]

    def updates(source: str) -> bool:
        art = by_id.get(source)
        text = art.text if art is not None else ""
        return any(f.source_id == source and f.about_event and _update_words(f, text) is not None
                   for f in figures)

    return updates(sid) and not updates(other)


def _mention(fig: Figure, by_id: dict[str, CleanArticle], with_outlet: bool = True) -> str:
    parts = []
    if with_outlet:
        parts.append(_label(fig.source_id, by_id))
    if fig.attributed_to:
        parts.append(f"citing {fig.attributed_to}" if with_outlet else fig.attributed_to)
    art = by_id.get(fig.source_id)
    upd = _update_words(fig, art.text if art is not None else "")
    inner = ", ".join(parts)
    if upd:
        inner = f"{inner}; an update: '{upd}'" if inner else f"an update: '{upd}'"
    return f"{describe(fig)} ({inner})" if inner else describe(fig)


def _best_per_source(figs: list[Figure]) -> dict[str, Figure]:
    """Each source's most informative count for the group: its highest lower bound,
    preferring bounded (exact) counts at the same level."""
    best: dict[str, Figure] = {}
    for f in figs:
        cur = best.get(f.source_id)
        key = ((f.low or 0.0), _bounded(f), f.qualifier != "vague")
        if cur is None or key > ((cur.low or 0.0), _bounded(cur), cur.qualifier != "vague"):
            best[f.source_id] = f
    return best


def _range(figs: list[Figure]) -> tuple[float | None, float | None]:
    bounded = [f for f in figs if _bounded(f)]
    open_lows = [f.low for f in figs if not _bounded(f) and f.low is not None]
    strongest = max(open_lows) if open_lows else None
    if bounded:
        lows = [f.low if f.low is not None else 0.0 for f in bounded]
        highs = [f.high for f in bounded if f.high is not None]
        lo: float | None = min(lows)
        hi: float | None = max(highs) if highs else None
        exacts = [f.low for f in bounded if f.low is not None]
        if exacts:
            lo = min(exacts)
        if strongest is not None and lo is not None and hi is not None and lo < strongest <= hi:
            lo = strongest
        if lo == 0.0 and not exacts:
            lo = strongest
        return lo, hi
    return strongest, None


def _display(lo: float | None, hi: float | None, kind: str = "people", unit: str | None = None
             ) -> str:
    def u(v: float | None) -> str:
        return _with_unit(_fmt(v), kind, unit)

    if lo is None and hi is None:
        return "?"
    if hi is None:
        return f"at least {u(lo)}"
    if lo is None:
        return f"up to {u(hi)}"
    if lo == hi:
        return u(lo)
    return f"{u(lo)}–{u(hi)}"


# "one of the party", "two of them": a part of a group, never a source's total
_PARTITIVE = re.compile(r"^\s*(?:\S+\s+){1,2}of\s+(?:the|those|them|these|his|her|their|its|our)\b",
                        re.I)


def _claim(f: Figure, figs: list[Figure]) -> tuple[float, float]:
    """What a source claims for the group: its count, opened upwards when the same source also
    calls that count a floor ("at least three" and "three people": it does not say the count
    stopped there)."""
    lo, hi = _interval(f)
    if math.isfinite(hi) and any(g.source_id == f.source_id and g.qualifier == "at_least"
                                 and g.low is not None and g.low >= f.low - 1e-9
                                 and g.low <= hi for g in figs if f.low is not None):
        return lo, math.inf
    return lo, hi


def _part_of_total(lo_f: Figure, hi_f: Figure, others: list[Figure]) -> bool:
    """The higher count is a total of victims and the lower one a part of it: "shot three
    people" (injured) vs "two wounded men" when the story counts one killed: the difference
    is the other category's count."""
    if lo_f.low is None or hi_f.low is None or lo_f.category not in ("injured", "killed"):
        return False
    other = "killed" if lo_f.category == "injured" else "injured"
    diff = hi_f.low - lo_f.low
    return diff > 0 and any(o.category == other and o.about_event and o.low == diff
                            and o.high == diff for o in others)


def _conflicts(best: dict[str, Figure], by_id: dict[str, CleanArticle],
               figs: list[Figure] | None = None, others: list[Figure] | None = None
               ) -> list[tuple[Figure, Figure]]:
    """Pairs of sources whose counts cannot both be true. Not a conflict: a part of a group
    ("one of the party"), a count its own source calls a floor, a later or "risen to" update,
    a total of victims against one category of them (``others``: the story's other counts)."""
    out = []
    figs = figs or list(best.values())
    items = [f for f in best.values() if not _PARTITIVE.match(f.text) and not f.partial]
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            (alo, ahi), (blo, bhi) = _claim(a, figs), _claim(b, figs)
            if ahi < blo:
                lo_f, hi_f = a, b
            elif bhi < alo:
                lo_f, hi_f = b, a
            else:
                continue
            if _explained_by_update(lo_f, hi_f, by_id, others) or _part_of_total(
                    lo_f, hi_f, others or []):
                continue
            out.append((lo_f, hi_f))
    return out


def _note(figs: list[Figure], best: dict[str, Figure], lo: float | None, hi: float | None,
          conflicts: list[tuple[Figure, Figure]], by_id: dict[str, CleanArticle],
          figures: list[Figure] | None = None) -> str:
    srcs = list(best)
    if len(srcs) == 1:
        f = best[srcs[0]]
        others = [g for g in figs if g is not f]
        note = f"Only {_label(f.source_id, by_id)} gives this count: {_mention(f, by_id, False)}"
        if others:
            note += "; its other mentions: " + ", ".join(describe(g) for g in others)
        return note + "."
    # the counts that set the range, and those merely consistent with it
    setting = [f for f in best.values() if (_bounded(f) or f.low == lo)]
    if not setting:
        setting = [max(best.values(), key=lambda f: f.low or 0.0)]
    rest = [f for f in best.values() if f not in setting]
    # other counts within one source (earlier or vaguer mentions) are consistent too
    extra = [f for f in figs if f not in best.values()]
    note = _setting_text(setting, by_id)
    if conflicts:
        note += f". {_conflict_text(conflicts, by_id, {describe(f) for f in setting})}"
    elif len(setting) > 1 and hi is not None and lo is not None and lo != hi and \
            setting[0].category == "missing":
        top = max(setting, key=lambda g: g.low or 0.0)
        later = [f for f in setting if f.low == lo and _explained_by_update(f, top, by_id, figures)]
        if later:
            note += f". The lower count, {describe(later[0])} ({_label(later[0].source_id, by_id)})," \
                    " is the later report: the missing fall as they are found"
        else:
            note += ". The sources' counts differ and none is marked as a later update"
    elif len(setting) > 1 and hi is not None and lo is not None and lo != hi:
        later = [f for f in setting if _explained_by_update(
            min(setting, key=lambda g: g.low or 0.0), f, by_id) and f.low == hi]
        if later:
            note += f". The higher count, {describe(later[0])} ({_label(later[0].source_id, by_id)})," \
                    " is the later update"
        else:
            note += ". The sources' counts differ and none is marked as a later update"
    if rest or extra:
        # each count said once (a source repeating a count is one mention)
        cons = list(dict.fromkeys(f"{describe(f)} ({_label(f.source_id, by_id)})" for f in rest + extra
                                  if _consistent(f, lo, hi)))
        incons = list(dict.fromkeys(f"{describe(f)} ({_label(f.source_id, by_id)})" for f in rest + extra
                                    if not _consistent(f, lo, hi)))
        if cons:
            verb = "is" if len(cons) == 1 else "are"
            target = "it" if len(setting) == 1 else "these"
            note += f"; {', '.join(cons)} {verb} consistent with {target}"
        if incons:
            verb = "is an earlier or lower count" if len(incons) == 1 else \
                "are earlier or lower counts"
            note += f"; {', '.join(incons)} {verb}"
    return note + "."


def _conflict_text(conflicts: list[tuple[Figure, Figure]], by_id: dict[str, CleanArticle],
                   named: set[str]) -> str:
    """The conflicts said once per pair of counts, grouped by the lower count: "9 and 17 cannot
    both be true"; with more pairs "Counts that cannot both be true: 3 vs at least 10 or 612;
    10 vs 612". A count not ``named`` earlier in the note gets its outlets the first time."""
    pairs: dict[str, list[str]] = {}
    outlets: dict[str, list[str]] = {}
    order: dict[str, tuple[float, float]] = {}
    for pair in conflicts:
        for f in pair:
            value = describe(f)
            names = outlets.setdefault(value, [])
            if _label(f.source_id, by_id) not in names:
                names.append(_label(f.source_id, by_id))
            order[value] = min(order.get(value, _interval(f)), _interval(f))
        highs = pairs.setdefault(describe(pair[0]), [])
        if describe(pair[1]) not in highs:
            highs.append(describe(pair[1]))
    named = set(named)

    def said(value: str) -> str:
        if value in named:
            return value
        named.add(value)
        return f"{value} ({'; '.join(outlets[value])})"

    if sum(len(h) for h in pairs.values()) == 1:
        ((low, (high,)),) = pairs.items()
        text = f"{said(low)} and {said(high)} cannot both be true"
        return text[0].upper() + text[1:]
    parts = [f"{said(low)} vs {' or '.join(said(h) for h in sorted(pairs[low], key=order.__getitem__))}"
             for low in sorted(pairs, key=order.__getitem__)]
    return "Counts that cannot both be true: " + "; ".join(parts)


def _setting_text(setting: list[Figure], by_id: dict[str, CleanArticle]) -> str:
    """'86 (CBC News, citing ...) vs at least 70 (TRT World)'; sources giving the same value
    are named together: 'The sources agree: 14 (Mine Post; Radio Coal)'."""
    by_value: dict[str, list[Figure]] = {}
    for f in setting:
        by_value.setdefault(describe(f), []).append(f)
    parts = []
    for value, figs in by_value.items():
        if len(figs) == 1:
            parts.append(_mention(figs[0], by_id))
        else:
            who = "; ".join(_mention(f, by_id)[len(value) + 2:-1] for f in figs)
            parts.append(f"{value} ({who})")
    if len(by_value) == 1 and len(setting) > 1:
        return f"The sources agree: {parts[0]}"
    return " vs ".join(parts)


def _consistent(f: Figure, lo: float | None, hi: float | None) -> bool:
    flo, fhi = _interval(f)
    rlo = lo if lo is not None else 0.0
    rhi = hi if hi is not None else math.inf
    return not (fhi < rlo or rhi < flo)


def _cell(figs: list[Figure], by_id: dict[str, CleanArticle], lo: float | None,
          hi: float | None) -> FigureCell:
    figs = sorted(figs, key=lambda f: f.start)
    parts = []
    for f in figs:
        t = describe(f)
        group = group_of(f.counts)
        if f.kind == "people" and group != "people" and f.subset_of is None:
            t += f" {group}"  # a specific group shown in the people row
        if f.attributed_to:
            t += f" ({f.attributed_to})"
        parts.append(t)
    return FigureCell(
        source_id=figs[0].source_id, figure_ids=[_fig_id(f) for f in figs],
        text="; ".join(parts), disagrees=not any(_consistent(f, lo, hi) for f in figs),
    )


# "One Australian and one English climber", "two soldiers, and three civilians": a count
# coordinated with another count is one group of several, not the source's total
_COORDINATED = re.compile(r"^\s*,?\s*and\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|"
                          r"nine|ten|eleven|twelve|a|an|another|dozens|hundreds)\b)", re.I)


def _row_group(fig: Figure, figures: list[Figure], text: str = "") -> str:
    """The row a figure belongs to. Sub-groups linked to a total ("30 children" of 86 killed)
    get their own row; a specific group that is the source's top-level count ("at least 9
    workers" killed in a mine) joins the general "people" row, unless the same sentence
    counts another group of the same category apart ("12 soldiers and 40 civilians")."""
    group = group_of(fig.counts)
    if group == "people" or fig.subset_of is not None:
        return group
    if text and _COORDINATED.match(text[fig.end:fig.end + 40]):
        return group
    for other in figures:
        if other is fig or other.source_id != fig.source_id or other.category != fig.category:
            continue
        if other.sentence == fig.sentence and group_of(other.counts) != group:
            return group
    return "people"


def reconcile_figures(figures: list[Figure], sources: list[CleanArticle]
                      ) -> list[ReconciledFigure]:
    """Per category and counted group, the range the sources support and why they differ."""
    by_id = {a.id: a for a in sources}
    order = {a.id: i for i, a in enumerate(sources)}
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in figures:
        if not f.about_event or f.category not in CASUALTY_CATEGORIES:
            continue
        if f.low is None and f.high is None:
            continue
        art = by_id.get(f.source_id)
        row = _row_group(f, figures, art.text if art is not None else "")
        if f.partial and row == "people":
            continue  # "three of the injured died": a part of another count, not a total
        groups[(f.category, row)].append(f)
    amounts = _amount_groups(figures)
    out: list[ReconciledFigure] = []
    for (category, group), figs in [*groups.items(), *amounts.items()]:
        figs.sort(key=lambda f: (order.get(f.source_id, len(order)), f.start))
        best = _best_per_source(figs)
        lo, hi = _range(list(best.values()))
        conflicts = _conflicts(best, by_id, figs, figures)
        if (category, group) in amounts:
            # the same noun may count different things ("29 of 34 passes" of one player, "28
            # passes" of another): amounts are set side by side, never called a conflict
            conflicts = []
        by_src: dict[str, list[Figure]] = defaultdict(list)
        for f in figs:
            by_src[f.source_id].append(f)
        cells = [_cell(v, by_id, lo, hi) for v in by_src.values()]
        if conflicts and not any(c.disagrees for c in cells):
            # no source stands out against the range: both sides of each conflict do
            involved = {f.source_id for pair in conflicts for f in pair}
            for c in cells:
                c.disagrees = c.source_id in involved
        amount = (category, group) in amounts
        note = _note(figs, best, lo, hi, conflicts, by_id, figures)
        out.append(ReconciledFigure(
            category=category, counts=group if amount else f"{group} {category}", low=lo,
            high=hi, figure_ids=[_fig_id(f) for f in figs], note=note,
            conflict=bool(conflicts),
            display=_display(lo, hi, figs[0].kind, figs[0].unit), cells=cells,
        ))
    out.sort(key=lambda r: (r.category not in CASUALTY_CATEGORIES,
                            CASUALTY_CATEGORIES.index(r.category)
                            if r.category in CASUALTY_CATEGORIES else 0,
                            r.counts.split()[0] != "people", -len(r.figure_ids), -(r.low or 0.0)))
    return out


# amounts reconciled across sources: counts of things by their noun, money and percentages
# by what they measure (never the bare 'money' or 'percent'), deal lengths by their deal
AMOUNT_KINDS = ("thing", "money", "percent", "length")
_GENERIC_MEASURES = {"money", "percent"}


def _amount_key(f: Figure) -> str | None:
    if f.kind not in AMOUNT_KINDS or f.category != "other" or f.qualifier == "vague":
        return None
    if f.kind == "thing":
        return f.unit or None
    if f.counts in _GENERIC_MEASURES:
        return None
    if f.kind == "money":
        return f"{f.counts} ({f.unit})" if f.unit else None
    return f.counts


def _amount_groups(figures: list[Figure]) -> dict[tuple[str, str], list[Figure]]:
    """Amounts of the event that at least two sources give for the same thing, each source
    one value (a source giving two values for the noun counts different things with it)."""
    by_kind: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    groups: dict[tuple[str, str], list[Figure]] = {}
    for f in figures:
        if not f.about_event or (f.low is None and f.high is None):
            continue
        key = _amount_key(f)
        if key is not None:
            by_kind[(f.kind, key)].append(f)
    keys = Counter(key for _, key in by_kind)
    for (kind, key), figs in by_kind.items():
        if len({f.source_id for f in figs}) < 2 or _mixed(figs):
            continue
        # the row is named by what it counts; a percentage sharing a count's noun says so
        label = key if keys[key] == 1 or kind == "thing" else f"{key} ({kind})"
        groups[("other", label)] = figs
    return groups


def _mixed(figs: list[Figure]) -> bool:
    """Does one source give two different values for the group? Then the noun counts
    different things there ("29 of 34 passes" and "28 passes" of two players). A floor and
    the same count ("at least three cables", "three cables") are one value."""
    values: dict[str, set[float | None]] = defaultdict(set)
    for f in figs:
        values[f.source_id].add(f.low if f.low is not None else f.high)
    return any(len(v) > 1 for v in values.values())
