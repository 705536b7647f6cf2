"""Figure revisions reported inside one article set (issue 16).

An article that says the toll "had risen to 86", "rose from 58 to 86" or "86, up from 58"
reports a revision even when no earlier version of the briefing exists. ``revisions(data)``
reads a briefing.json dict (its sources' texts and figures) and returns one item per revised
figure, in the shape of ``what_changed``'s ``figures_revised``: the category and what is
counted, the old value and the new one, each with who reported it, when, and its span.

The old value is the one the sentence names ("up from 58", "from 58 to", "an earlier toll of
58"); when the sentence names none ("had risen to 86"), it is what the set's other sources
published no later gave for the same count (the figure history across outlets); when there is
none either, the old value is unknown (``display`` "?", no reports).
"""

from __future__ import annotations

import re
from typing import Any

from .language import NUMBER_WORDS, SCALE_WORDS

# a verb of revision right before the figure: "had risen to", "was revised down to", "cut to"
_CUE = re.compile(
    r"\b((?:(?:had|has|have|was|were|is|are|been|now|since|later|further|sharply|again)\s+)*"
    r"(?:risen|rose|rises|rise|climbed|climbs|jumped|jumps|increased|increases|grown|grew|"
    r"soared|swelled|mounted|fallen|fell|falls|dropped|drops|declined|declines|decreased|"
    r"decreases|revised|raised|raises|lowered|lowers|cut|cuts|updated|upgraded|downgraded|"
    r"corrected|lifted|trimmed|slashed|reduced|doubled)"
    r"(?:\s+(?:its|their|his|her|the|a|an)(?:\s+(?!to\b|from\b)[a-z'’-]+){1,2})?"  # its sales forecast
    r"(?:\s+(?:up|down|upward|downward|upwards|downwards))?"
    r"(?:\s+from\s+(?P<old>[\w.,-]+(?:\s+(?:hundred|thousand|million|billion))?))?"
    r"\s+to(?:\s+(?:at\s+least|about|around|some|nearly|almost|more\s+than|over))?)\s*$",
    re.I,
)
# an old value named after the figure: "86, up from 58", "(down from 1.2 million)",
# "from an earlier toll of 58", "compared with 58 earlier", "previously 58"
_OLD_AFTER = re.compile(
    r"^[^.;:!?]{0,50}?\b(?:(?:up|down|higher|lower|more|less|increased|decreased)\s+from"
    r"(?:\s+(?:an?|the)\s+(?:earlier|previous|prior|initial|first|original)(?:\s+[a-z]+){0,2}\s+of)?"
    r"|from\s+(?:an?|the)\s+(?:earlier|previous|prior|initial|first|original)(?:\s+[a-z]+){0,2}\s+of"
    r"|compared\s+(?:with|to)|previously|earlier)\s+"
    r"(?P<old>[\w.,-]+(?:\s+(?:hundred|thousand|million|billion))?)",
    re.I,
)
# "compared with 58 earlier", "compared to 40 initially reported": the same count, told before
_EARLIER_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?(?:earlier|previously|initially|before|at first|first reported)\b", re.I)
_NUM = re.compile(r"^(?P<n>\d[\d,]*(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)(?:\s+(?P<scale>[a-z]+))?$", re.I)
_OF = re.compile(r"\s+of\s+")
LOOK = 80  # characters searched either side of a figure, within its sentence


def parse_value(text: str) -> float | None:
    """'58', '1,400', '2.5 million', 'twenty-one' -> the number; None for anything else."""
    m = _NUM.match(text.strip().rstrip(".,"))
    if m is None:
        return None
    raw = m.group("n").lower()
    if raw[0].isdigit():
        value = float(raw.replace(",", ""))
    else:
        parts = raw.split("-")
        if not all(p in NUMBER_WORDS for p in parts):
            return None
        value = float(sum(NUMBER_WORDS[p] for p in parts))
    scale = (m.group("scale") or "").lower()
    if scale:
        if scale not in SCALE_WORDS:
            return None
        value *= SCALE_WORDS[scale]
    return value


def _fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:g}"


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    hi = min(stops) if stops else len(text)
    return max(lo, start - LOOK), min(hi, end + LOOK)


def display(fig: dict[str, Any]) -> str:
    """A figure's value in words: '86', 'at least 70', '58–60', the words of a vague one."""
    low, high, qual = fig.get("low"), fig.get("high"), fig.get("qualifier")
    if qual == "vague" or low is None:
        words = _OF.split(" ".join(fig["text"].split()).lower())[0]
        return f"'{words}'"
    if high is not None and high != low:
        return f"{_fmt(low)}–{_fmt(high)}"
    prefix = {"at_least": "at least ", "at_most": "up to ", "approx": "about "}.get(qual or "", "")
    return prefix + _fmt(low)


def report(fig: dict[str, Any], src: dict[str, Any]) -> dict[str, Any]:
    return {"source_id": fig["source_id"], "start": fig["start"], "end": fig["end"], "text": fig["text"],
            "low": fig.get("low"), "high": fig.get("high"), "attributed_to": fig.get("attributed_to"),
            "outlet": src.get("outlet"), "published": src.get("published")}


def _named_old(text: str, fig: dict[str, Any]) -> tuple[str, int, int] | None:
    """(cue words, old value's start, end) when the sentence marks the figure as a revision;
    the span is (-1, -1) when it names no old value."""
    lo, hi = _sentence_bounds(text, fig["start"], fig["end"])
    before = text[lo : fig["start"]]
    cue = _CUE.search(before)
    after = _OLD_AFTER.search(text[fig["end"] : hi])
    if after is not None and re.search(r"\bcompared\s+(?:with|to)\s*$", after.group(0)[: after.start("old")], re.I) \
            and not _EARLIER_AFTER.match(text[fig["end"] + after.end("old") : hi]):
        # "12 million S5 units, compared to 16 million S4 units": another thing or period, no revision
        after = None
    if after is not None and parse_value(after.group("old")) is not None:
        s = fig["end"] + after.start("old")
        words = cue.group(1) if cue else after.group(0).split(after.group("old"))[0].strip()
        return " ".join(words.split()), s, s + len(after.group("old"))
    if cue is None:
        return None
    if cue.group("old") and parse_value(cue.group("old")) is not None:
        s = lo + cue.start("old")
        return " ".join(cue.group(1).split()), s, s + len(cue.group("old"))
    return " ".join(cue.group(1).split()), -1, -1


def revisions(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Revised figures reported inside the article set of briefing ``data`` (see the module
    docstring); each cites the new figure's span and the old value's span(s)."""
    sources = {s["id"]: s for s in data.get("sources", [])}
    figures = {f["id"]: f for f in data.get("figures", [])}
    row_of = {fid: row for row in data.get("reconciled_figures", []) for fid in row.get("figure_ids", [])}
    out: list[dict[str, Any]] = []
    for fig in data.get("figures", []):
        src = sources.get(fig["source_id"])
        if src is None or not fig.get("category") or fig.get("low") is None or fig.get("about_event") is False:
            continue  # a background figure is no revision of the event's ("its rival jumped to 5.4%")
        found = _named_old(src.get("text", ""), fig)
        if found is None:
            continue
        cue, s, e = found
        new = {"display": display(fig), "low": fig.get("low"), "high": fig.get("high"),
               "reported_by": [report(fig, src)]}
        if s >= 0:
            text = src["text"][s:e]
            value = parse_value(text)
            old = {"display": _fmt(value) if value is not None else text, "low": value, "high": value,
                   "reported_by": [{"source_id": src["id"], "start": s, "end": e, "text": text, "low": value,
                                    "high": value, "attributed_to": fig.get("attributed_to"),
                                    "outlet": src.get("outlet"), "published": src.get("published")}]}
        else:
            old = _earlier(fig, src, row_of.get(fig["id"]), figures, sources)
        out.append({"category": fig["category"], "counts": fig.get("counts") or fig["category"],
                    "cue": cue, "old": old, "new": new})
    return out


def _earlier(fig: dict[str, Any], src: dict[str, Any], row: dict[str, Any] | None,
             figures: dict[str, dict], sources: dict[str, dict]) -> dict[str, Any]:
    """The same count as the other sources published no later than ``src`` gave it: the
    latest such date's reports."""
    when = src.get("published") or ""
    cands = []
    for fid in (row or {}).get("figure_ids", []):
        other = figures.get(fid)
        if other is None or other["source_id"] == fig["source_id"]:
            continue
        o_src = sources.get(other["source_id"], {})
        o_when = o_src.get("published") or ""
        if when and o_when and o_when[:10] > when[:10]:
            continue
        if (other.get("low"), other.get("high")) == (fig.get("low"), fig.get("high")):
            continue
        cands.append((o_when[:10], other, o_src))
    if not cands:
        return {"display": "?", "low": None, "high": None, "reported_by": []}
    latest = max(c[0] for c in cands)
    chosen = [(o, s) for w, o, s in cands if w == latest]
    return {"display": " / ".join(dict.fromkeys(display(o) for o, _ in chosen)),
            "low": min((o["low"] for o, _ in chosen if o.get("low") is not None), default=None),
            "high": max((o["high"] for o, _ in chosen if o.get("high") is not None), default=None),
            "reported_by": [report(o, s) for o, s in chosen]}
