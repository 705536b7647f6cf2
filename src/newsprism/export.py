"""Tables for analysts: a briefing (``briefing.json``) as one CSV or Parquet table per kind of
record, every row with its source id and span, the columns stable and documented
(``docs/export.md``).

``tables(data)`` returns the rows; ``write_tables(data, out_dir, fmt)`` writes them. Rows are
plain dicts whose keys are exactly the table's columns (``COLUMNS``), in that order, so the CSV
header and the Parquet schema never depend on what a briefing happens to hold.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FORMATS = ("csv", "parquet")

SPAN = ["source_id", "start", "end"]
COLUMNS: dict[str, list[str]] = {
    "sources": ["source_id", "outlet", "title", "url", "published", "genre", "origin", "words", "chars"],
    "quotes": ["quote_id", *SPAN, "text", "kind", "speaker", "speaker_role", "speaker_entity", "cue",
               "negated", "sentence"],
    "figures": ["figure_id", *SPAN, "text", "low", "high", "qualifier", "counts", "category",
                "about_event", "attributed_to", "subset_of", "scope"],
    "reconciled_figures": ["row", "category", "counts", "display", "low", "high", "conflict",
                           "figure_id", *SPAN],
    "claims": ["claim_id", "text", "holders", "polarity", "kind", "support", *SPAN],
    "contradictions": ["contradiction", "topic", "kind", "side", "position", "holder", *SPAN],
    "entities": ["entity_id", "name", "type", "aliases", "role", "acts_for", "mentions"],
    "mentions": ["entity_id", "name", *SPAN, "text"],
    "timeline": ["entry", "date", "text", "about_event", "inferred", *SPAN],
    "summary": ["sentence", "text", *SPAN],
    "coverage": ["item", "kind", "ref", "label", "outlet", "status", "groups", *SPAN],
}
_INT = {"start", "end", "words", "chars", "sentence", "support", "side", "row", "entry", "item",
        "mentions", "contradiction"}
_FLOAT = {"low", "high"}
_BOOL = {"negated", "about_event", "conflict", "inferred"}


def _span(sp: dict[str, Any] | None) -> dict[str, Any]:
    if not sp:
        return {"source_id": None, "start": None, "end": None}
    return {"source_id": sp["source_id"], "start": sp["start"], "end": sp["end"]}


def _join(values: Any) -> str:
    return "; ".join(str(v) for v in values or [])


def _sources(b: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for s in b["sources"]:
        yield {"source_id": s["id"], **{k: s.get(k) for k in COLUMNS["sources"][1:]}}


def _quotes(b: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for q in b["quotes"]:
        yield {"quote_id": q["id"], **_span(q), **{k: q.get(k) for k in COLUMNS["quotes"][4:]}}


def _figures(b: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for f in b["figures"]:
        yield {"figure_id": f["id"], **_span(f), **{k: f.get(k) for k in COLUMNS["figures"][4:]}}


def _reconciled(b: dict[str, Any]) -> Iterator[dict[str, Any]]:
    figures = {f["id"]: f for f in b["figures"]}
    for n, r in enumerate(b["reconciled_figures"], start=1):
        head = {"row": n, **{k: r.get(k) for k in ("category", "counts", "display", "low", "high", "conflict")}}
        for fid in r.get("figure_ids") or [None]:
            yield {**head, "figure_id": fid, **_span(figures.get(fid))}


def _claims(b: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for c in b["claims"]:
        head = {"claim_id": c["id"], "text": c["text"], "holders": _join(c.get("holders")),
                "polarity": c.get("polarity"), "kind": c.get("kind"), "support": c.get("support")}
        for sp in c.get("evidence") or [None]:
            yield {**head, **_span(sp)}


def _contradictions(b: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per side and holder, cited by the evidence of a claim that holder holds on that
    side (the side's first evidence when no claim names the holder)."""
    claims = {c["id"]: c for c in b["claims"]}
    for n, con in enumerate(b["contradictions"], start=1):
        for k, side in enumerate(con["sides"], start=1):
            for holder in side.get("holders") or [None]:
                held = [claims[cid] for cid in side.get("claim_ids", []) if cid in claims
                        and holder in (claims[cid].get("holders") or [])]
                spans = [sp for c in held for sp in c.get("evidence", [])] or side.get("evidence") or [None]
                yield {"contradiction": n, "topic": con["topic"], "kind": con.get("kind"), "side": k,
                       "position": side["position"], "holder": holder, **_span(spans[0])}


def _entities(b: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for e in b["entities"]:
        yield {"entity_id": e["id"], "name": e["name"], "type": e["type"], "aliases": _join(e.get("aliases")),
               "role": e.get("role"), "acts_for": e.get("acts_for"), "mentions": len(e.get("mentions", []))}


def _mentions(b: dict[str, Any]) -> Iterator[dict[str, Any]]:
    texts = {s["id"]: s["text"] for s in b["sources"]}
    for e in b["entities"]:
        for m in e.get("mentions", []):
            text = texts.get(m["source_id"], "")[m["start"] : m["end"]]
            yield {"entity_id": e["id"], "name": e["name"], **_span(m), "text": text}


def _timeline(b: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for n, t in enumerate(b["timeline"], start=1):
        yield {"entry": n, "date": t["date"], "text": t["text"], "about_event": t.get("about_event"),
               "inferred": t.get("inferred"), **_span(t)}


def _summary(b: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for n, s in enumerate(b["summary"], start=1):
        for sp in s.get("citations") or [None]:
            yield {"sentence": n, "text": s["text"], **_span(sp)}


def _coverage(b: dict[str, Any]) -> Iterator[dict[str, Any]]:
    cov = b.get("coverage") or {}
    sources_of = {o["name"]: o.get("source_ids", []) for o in cov.get("outlets", [])}
    for n, item in enumerate(cov.get("items", []), start=1):
        groups = _join(f"{g}={','.join(v)}" for g, v in sorted(item.get("groups", {}).items()))
        head = {"item": n, "kind": item["kind"], "ref": item["ref"], "label": item["label"]}
        for cell in item["cells"]:
            spans = cell.get("spans") or [None]
            for sp in spans:
                row = {**head, "outlet": cell["outlet"], "status": cell["status"], "groups": groups, **_span(sp)}
                if sp is None and sources_of.get(cell["outlet"]):
                    row["source_id"] = sources_of[cell["outlet"]][0]
                yield row


_BUILDERS = {
    "sources": _sources, "quotes": _quotes, "figures": _figures, "reconciled_figures": _reconciled,
    "claims": _claims, "contradictions": _contradictions, "entities": _entities, "mentions": _mentions,
    "timeline": _timeline, "summary": _summary, "coverage": _coverage,
}


def tables(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every table of one briefing dict, rows keyed by exactly ``COLUMNS[name]``."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, build in _BUILDERS.items():
        cols = COLUMNS[name]
        out[name] = [{c: row.get(c) for c in cols} for row in build(data)]
    return out


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """A CSV cell. Text that a spreadsheet would run as a formula (=, +, -, @, tab or CR first:
    CSV injection) gets a leading apostrophe, as OWASP advises; Parquet keeps text as it is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _write_csv(path: Path, cols: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for r in rows:
            w.writerow([_cell(r[c]) for c in cols])


def _arrow_type(col: str) -> Any:
    import pyarrow as pa

    if col in _INT:
        return pa.int64()
    if col in _FLOAT:
        return pa.float64()
    if col in _BOOL:
        return pa.bool_()
    return pa.string()


def _write_parquet(path: Path, cols: list[str], rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, _arrow_type(c)) for c in cols])
    arrays = []
    for c in cols:
        values = [r[c] for r in rows]
        if c not in _INT | _FLOAT | _BOOL:
            values = [None if v is None else str(v) for v in values]
        arrays.append(pa.array(values, type=schema.field(c).type))
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), path)


def write_tables(data: dict[str, Any], out_dir: str | Path, fmt: str = "csv",
                 prefix: str = "") -> list[Path]:
    """Write every table as ``<prefix><name>.<fmt>`` in ``out_dir`` (created if needed). Each file
    is written to a temporary name and renamed, so a reader never sees half a table."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, rows in tables(data).items():
        final = out / f"{prefix}{name}.{fmt}"
        fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{final.name}.", suffix=".tmp")
        os.close(fd)
        try:
            (_write_csv if fmt == "csv" else _write_parquet)(Path(tmp), COLUMNS[name], rows)
            os.replace(tmp, final)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        written.append(final)
    return written


def read_briefing(path: str | Path) -> dict[str, Any]:
    """A briefing.json (or a folder holding one), checked against the schema; ``ValueError``
    naming the file when it is not one."""
    import json

    import jsonschema

    from .render.json_out import validate

    p = Path(path)
    if p.is_dir():
        p = p / "briefing.json"
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{p}: not a briefing.json ({type(exc).__name__}: {str(exc)[:200]})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{p}: not a briefing.json (top level is not an object)")
    try:
        validate(data)
    except jsonschema.ValidationError as exc:
        raise ValueError(f"{p}: not a valid briefing ({str(exc)[:200]})") from exc
    return data
