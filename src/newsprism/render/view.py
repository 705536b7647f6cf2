"""What the Markdown and HTML templates share: the briefing as plain data (the JSON dict) plus
small helpers to number sources, name outlets, format dates and cite spans.

Templates receive ``b`` (the briefing.json dict) and these helpers as globals:
``src_num(source_id) -> int`` (1-based, order of ``b.sources``), ``outlet(source_id) -> str``,
``cite(spans) -> str`` ("[1][3]", Markdown) or Markup links (HTML), ``fmt_date(iso) -> str``,
``span_text(span) -> str`` (the evidence text), ``anchor(span) -> str`` (HTML id of a span).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ..safety import md_safe
from ..sections import REGISTRY

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def fmt_date(iso: str | None) -> str:
    """'2017-04-04' -> '4 April 2017'; '2017-04' -> 'April 2017'; None -> 'date unknown'."""
    if not iso:
        return "date unknown"
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            d = dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
            return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return iso
    return iso


def md_cell(text: Any) -> str:
    """Text safe inside a Markdown table cell or list item: one line, pipes escaped, no raw
    HTML or link (``safety.md_safe``)."""
    s = " ".join(str(text if text is not None else "").split())
    return md_safe(s).replace("|", "\\|")


def origin_name(origin: str | None) -> str:
    """A short label for where a text came from: a file's base name (with its :line, [item] or
    #record and URL), not the folders of the machine it was read on; a URL as it is."""
    if not origin:
        return ""
    head, sep, tail = origin.partition(" ")
    if "://" not in head:
        head = re.split(r"[\\/]", head)[-1] or head
    return head + sep + tail


_ORDINALS = ["first", "second", "third", "fourth", "fifth"]


def anchor_id(span: dict[str, Any]) -> str:
    return f"a-{span['source_id']}-{span['start']}-{span['end']}".replace(" ", "_")


class View:
    """Source numbering and citation helpers for one briefing dict."""

    def __init__(self, data: dict[str, Any], html: bool) -> None:
        self.data = data
        self.html = html
        self.sources = {s["id"]: s for s in data["sources"]}
        self.numbers = {s["id"]: i for i, s in enumerate(data["sources"], start=1)}

    def src_num(self, source_id: str) -> int:
        return self.numbers.get(source_id, 0)

    def outlet(self, source_id: str) -> str:
        src = self.sources.get(source_id)
        if src is None:
            return source_id
        return src.get("outlet") or src.get("title") or source_id

    def span_text(self, span: dict[str, Any]) -> str:
        src = self.sources.get(span["source_id"])
        return src["text"][span["start"] : span["end"]] if src else ""

    def cite(self, spans: Iterable[dict[str, Any]], quoted_first: bool = False) -> str | Markup:
        """One [n] per source, first span of each source is the link target. ``quoted_first``:
        the first span is the source the text is quoted from; it stays first, the others
        follow in source order."""
        seen: dict[str, dict[str, Any]] = {}
        for sp in spans:
            seen.setdefault(sp["source_id"], sp)
        ordered = sorted(seen.values(), key=lambda sp: self.src_num(sp["source_id"]))
        if quoted_first and seen:
            first = next(iter(seen.values()))
            ordered = [first, *(sp for sp in ordered if sp is not first)]
        if not self.html:
            return "".join(f"[{self.src_num(sp['source_id'])}]" for sp in ordered)
        links = [
            f'<a class="cite" href="#{escape(anchor_id(sp))}" title="{escape(self.outlet(sp["source_id"]))}">'
            f'[{escape(self.src_num(sp["source_id"]))}]</a>'
            for sp in ordered
        ]
        return Markup("".join(links))

    def cite_one(self, source_id: str, start: int, end: int) -> str | Markup:
        return self.cite([{"source_id": source_id, "start": start, "end": end}])

    def coverage_line(self, con: dict[str, Any]) -> str | Markup:
        """Which side(s) of a dispute each source reports, every source in order: "*Outlet*
        reports both sides; *Other* reports only the first side." (HTML: outlets in <em>). One
        pass over the sources: the line is as long as the source list, for every dispute."""
        sides = [set(side.get("sources", [])) for side in con["sides"]]
        n = len(sides)
        parts: list[str] = []
        for src in self.data["sources"]:
            sid = src["id"]
            idx = [k for k, carried in enumerate(sides) if sid in carried]
            if len(idx) == n:
                phrase = "reports both sides" if n == 2 else "reports all sides"
            elif not idx:
                phrase = "reports neither side" if n == 2 else "reports none of the sides"
            else:
                which = " and ".join(_ORDINALS[k] if k < 5 else f"{k + 1}th" for k in idx)
                phrase = f"reports only the {which} side"
            if self.html:
                parts.append(f"<em>{escape(self.outlet(sid))}</em> {phrase}")
            else:
                parts.append(f"*{md_cell(self.outlet(sid))}* {phrase}")
        line = "; ".join(parts) + ("." if parts else "")
        return Markup(line) if self.html else line


def quote_groups(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """"Who said what", computed once: speakers with most statements first; within a speaker,
    one entry per distinct quotation (same normalised wording, or linked by ``same_as``) with
    the spans of every copy, so a quotation several outlets carry is shown once."""
    groups: dict[str, dict[str, Any]] = {}
    for q in quotes:
        if q.get("repeats"):
            continue  # a pull-quote left in the body: not a new statement
        name = q.get("speaker") or "Unattributed"
        g = groups.setdefault(name, {"speaker": name, "items": [], "entries": {}, "roles": []})
        g["items"].append(q)
        role = q.get("speaker_role")
        if role and role not in g["roles"]:
            g["roles"].append(role)
    out = []
    for g in groups.values():
        entries: dict[str, dict[str, Any]] = {}
        by_id: dict[str, str] = {}
        claimed: dict[str, str] = {}
        for q in g["items"]:
            key = q.get("key") or q["text"].lower().strip()
            linked = next((by_id[x] for x in q.get("same_as") or [] if x in by_id), None)
            key = claimed.get(q["id"]) or linked or key
            entry = entries.setdefault(key, {"quote": q, "spans": [], "carried": []})
            entry["spans"].append({"source_id": q["source_id"], "start": q["start"], "end": q["end"]})
            if q["source_id"] not in entry["carried"]:
                entry["carried"].append(q["source_id"])
            by_id[q["id"]] = key
            for x in q.get("same_as") or []:
                claimed.setdefault(x, key)  # a later copy this quote names joins its entry
        outlets = {q["source_id"] for q in g["items"]}
        out.append({"speaker": g["speaker"], "roles": g["roles"], "n": len(g["items"]),
                    "outlets": len(outlets), "entries": list(entries.values())})
    out.sort(key=lambda g: -g["n"])  # stable: ties keep first appearance
    return out


def same_values(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One source's figures in a table cell, a value said several times once: [{"figure": the
    first, "spans": every mention's span, "by": the attributions}] in order of first mention."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for f in figures:
        key = (f.get("low"), f.get("high"), f.get("qualifier"), f.get("counts"))
        entry = out.setdefault(key, {"figure": f, "spans": [], "by": []})
        entry["spans"].append({"source_id": f["source_id"], "start": f["start"], "end": f["end"]})
        if f.get("attributed_to") and f["attributed_to"] not in entry["by"]:
            entry["by"].append(f["attributed_to"])
    return list(out.values())


_DICT_ATTRIBUTES = frozenset(dir(dict))


class DataEnvironment(Environment):
    """Jinja's environment with a quicker ``x.name`` on the plain dicts templates receive.

    Jinja tries ``getattr(x, "name")`` first and ``x["name"]`` only after an AttributeError;
    for a dict every field access pays for that exception. A dict attribute is a name of
    ``dir(dict)`` (items, get, ...), so for any other name the key is looked up directly:
    the same value, or the same undefined, as before."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def environment(html: bool) -> Environment:
    """The Jinja environment of the reports: the package's templates and each registered
    section's own template folder; ``sections`` (global) lists the sections in report order."""
    loaders = [PackageLoader("newsprism", "templates"), *(FileSystemLoader(d) for d in REGISTRY.template_dirs())]
    env = DataEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown: every printed value, filtered or not, is made inert (no raw HTML, no link)
        finalize=None if html else md_safe,
    )
    env.filters["md"] = md_cell
    env.filters["fmt_date"] = fmt_date
    env.filters["origin_name"] = origin_name
    env.globals["escape"] = escape
    env.globals["quote_groups"] = quote_groups
    env.globals["same_values"] = same_values
    env.globals["sections"] = REGISTRY.report()
    return env


def bind(env: Environment, view: View) -> None:
    env.globals.update(
        src_num=view.src_num,
        outlet=view.outlet,
        cite=view.cite,
        cite_one=view.cite_one,
        coverage_line=view.coverage_line,
        span_text=view.span_text,
        anchor=anchor_id,
        fmt_date=fmt_date,
    )
