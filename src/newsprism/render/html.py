"""briefing.html: one self-contained page (inline CSS and a few lines of inline script, no
network), readable on a phone. All article text is escaped by Jinja's autoescape; the source
texts are shown with every cited span marked, so each citation jumps to its evidence."""

from __future__ import annotations

import bisect
from collections import defaultdict
from typing import Any

from markupsafe import Markup, escape

from ..sections import sections
from .view import View, anchor_id, bind, environment


def _spans(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span the report links to: each registered section's ``highlight`` spans of its
    items, marked with the section's kind."""
    out: list[dict[str, Any]] = []
    for section in sections():
        if section.highlight is None or section.name not in data:
            continue
        kind = section.css_kind
        out.extend({"source_id": sp["source_id"], "start": sp["start"], "end": sp["end"], "kind": kind}
                   for sp in section.highlight(data[section.name]))
    return out


def text_pieces(
    source: dict[str, Any], spans: list[dict[str, Any]]
) -> tuple[str, list[int], dict[int, list[str]], dict[int, list[str]]]:
    """The source text, the offsets where it is cut (span ends, headings), the headings at each
    cut and the anchor ids starting at each offset."""
    text: str = source["text"]
    bounds = {0, len(text)}
    for sp in spans:
        bounds.update((max(0, min(sp["start"], len(text))), max(0, min(sp["end"], len(text)))))
    headings: dict[int, list[str]] = defaultdict(list)
    for h in source.get("headings", []):
        off = max(0, min(int(h["offset"]), len(text)))
        headings[off].append(h["text"])
        bounds.add(off)
    ends: dict[int, dict[str, int]] = defaultdict(dict)
    for sp in spans:
        ends[sp["start"]].setdefault(anchor_id(sp), sp["end"])
    # anchors starting at one offset: shortest span first (an order that does not depend on
    # which section listed its spans first)
    starts = {pos: sorted(ids, key=lambda aid: (ids[aid], aid)) for pos, ids in ends.items()}
    return text, sorted(bounds), headings, starts


def marked_text(source: dict[str, Any], spans: list[dict[str, Any]]) -> Markup:
    """The source text, escaped, with each span wrapped so that it can be highlighted."""
    text, cuts, headings, starts = text_pieces(source, spans)
    # the spans covering each piece [cuts[i], cuts[i + 1]): those with start <= cuts[i] and
    # cuts[i + 1] <= end, found from each span's own range of pieces (not every span per piece)
    covering: list[set[tuple[str, str]]] = [set() for _ in cuts]
    for sp in spans:
        first = bisect.bisect_left(cuts, sp["start"])
        last = bisect.bisect_right(cuts, sp["end"]) - 1  # pieces end at or before sp["end"]
        mark = (anchor_id(sp), sp["kind"])
        for i in range(first, last):
            covering[i].add(mark)
    # markup is assembled from escaped pieces (Markup.format, which does the same escaping
    # through string.Formatter, costs several times more per call on a long source)
    parts: list[str] = []
    for i, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False)):
        for h in headings.get(a, []):
            parts.append(f'<span class="h">{escape(h)}</span>')
        for aid in starts.get(a, []):
            parts.append(f'<a class="anchor" id="{escape(aid)}"></a>')
        chunk = escape(text[a:b])
        if covering[i]:
            marks = sorted(covering[i])
            ids = " ".join(aid for aid, _ in marks)
            kinds = " ".join(sorted({k for _, k in marks}))
            parts.append(f'<span class="hl {escape(kinds)}" data-a="{escape(ids)}">{chunk}</span>')
        else:
            parts.append(chunk)
    for h in headings.get(len(text), []):
        parts.append(f'<span class="h">{escape(h)}</span>')
    return Markup("".join(parts))


def render_html(data: dict[str, Any]) -> str:
    env = environment(html=True)
    bind(env, View(data, html=True))
    spans = _spans(data)
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for sp in spans:
        by_source[sp["source_id"]].append(sp)
    marked = {s["id"]: marked_text(s, by_source.get(s["id"], [])) for s in data["sources"]}
    return env.get_template("html/briefing.html.j2").render(b=data, marked=marked)
