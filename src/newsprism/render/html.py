"""briefing.html: one self-contained page (inline CSS and a few lines of inline script, no
network), readable on a phone. All article text is escaped by Jinja's autoescape; the source
texts are shown with every cited span marked, so each citation jumps to its evidence."""

from __future__ import annotations

import bisect
from collections import defaultdict
from typing import Any

from markupsafe import Markup, escape

from .view import View, anchor_id, bind, environment


def _spans(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span the report links to."""
    out: list[dict[str, Any]] = []
    for key in ("quotes", "figures", "timeline"):
        for item in data.get(key, []):
            out.append({"source_id": item["source_id"], "start": item["start"], "end": item["end"], "kind": key})
    for item in data.get("summary", []):
        out.extend({**c, "kind": "summary"} for c in item["citations"])
    for item in data.get("timeline", []):
        out.extend({**c, "kind": "timeline"} for c in item.get("citations", []))
    for item in data.get("claims", []):
        out.extend({**c, "kind": "claims"} for c in item["evidence"])
    for con in data.get("contradictions", []):
        for side in con["sides"]:
            out.extend({**c, "kind": "claims"} for c in side["evidence"])
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
    starts: dict[int, list[str]] = defaultdict(list)
    for sp in spans:
        aid = anchor_id(sp)
        if aid not in starts[sp["start"]]:
            starts[sp["start"]].append(aid)
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
