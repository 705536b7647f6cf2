"""Date normalisation accuracy on hand-labelled temporal expressions, with dateparser baselines.

Run from the repository root:  python bench/dates.py [--fixture FILE ...] [--errors]

Default fixtures: every ``tests/fixtures/dates_*.jsonl``. ``dates_labeled.jsonl`` was used to
develop the rules; ``dates_heldout.jsonl`` was written afterwards and first scored before any
rule was changed for it (0.963, 52/54; its two misses were then fixed as general rules).

Each fixture line is one sentence with its publication date, one temporal expression in it and
the calendar value a reader gives it (ISO at the precision the text supports). A system is
right when it gives exactly that value.

Columns, all on the same items in the same run:
- newsprism: ``extract_dates`` on the parsed sentence; the mention overlapping the labelled
  expression must carry the value (finding the expression is part of the task);
- dateparser.parse: the labelled expression alone (gold span given) parsed with
  ``RELATIVE_BASE`` = publication date; its datetime is cut to the label's precision;
- dateparser.parse (past): the same with ``PREFER_DATES_FROM='past'``;
- dateparser.search_dates: finds and parses dates in the whole sentence with the same base
  (the closest baseline to what newsprism does); the hit overlapping the expression counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import warnings
from collections import defaultdict
from pathlib import Path

import dateparser
from dateparser.search import search_dates
from rich.console import Console
from rich.table import Table

from newsprism.annotate import load_pipeline
from newsprism.extract.dates import extract_dates
from newsprism.options import load_options

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("dates_*.jsonl"))
SYSTEMS = ["newsprism", "dateparser.parse", "dateparser.parse (past)", "dateparser.search_dates"]


def _cut(value: dt.datetime | None, gold: str) -> str | None:
    if value is None:
        return None
    iso = value.date().isoformat()
    return iso[: len(gold)]


def _base(pub: str) -> dt.datetime:
    return dt.datetime.fromisoformat(pub)


def _dateparser(expr: str, pub: str, prefer_past: bool) -> str | None:
    settings: dict[str, object] = {"RELATIVE_BASE": _base(pub)}
    if prefer_past:
        settings["PREFER_DATES_FROM"] = "past"
    return dateparser.parse(expr, languages=["en"], settings=settings)  # type: ignore[return-value]


def _search(text: str, start: int, end: int, pub: str) -> dt.datetime | None:
    hits = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": _base(pub)}) or []
    pos = 0
    for frag, value in hits:
        i = text.find(frag, pos)
        if i < 0:
            continue
        pos = i + len(frag)
        if i < end and start < i + len(frag):
            return value
    return None


def score(path: Path, nlp, console: Console, show_errors: bool) -> tuple[int, dict[str, int]]:
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    right: dict[str, int] = defaultdict(int)
    by_domain: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    errors: list[tuple[str, str, str, str | None]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser's own deprecation noise
        for row in rows:
            text, pub, expr, gold = row["text"], row["published"], row["expression"], row["value"]
            start = text.index(expr)
            end = start + len(expr)
            doc = nlp(text)
            mine = next(
                (d.value for d in extract_dates(doc, "x", pub) if d.start < end and start < d.end),
                None,
            )
            got = {
                "newsprism": mine,
                "dateparser.parse": _cut(_dateparser(expr, pub, False), gold),
                "dateparser.parse (past)": _cut(_dateparser(expr, pub, True), gold),
                "dateparser.search_dates": _cut(_search(text, start, end, pub), gold),
            }
            for name in SYSTEMS:
                ok = int(got[name] == gold)
                right[name] += ok
                by_domain[row.get("domain", "?")][name][0] += ok
                by_domain[row.get("domain", "?")][name][1] += 1
            if got["newsprism"] != gold:
                errors.append((text, expr, gold, got["newsprism"]))
    n = len(rows)
    table = Table(title=f"Date normalisation accuracy: {path.name} ({n} expressions)")
    table.add_column("system")
    table.add_column("correct", justify="right")
    table.add_column("accuracy", justify="right")
    for name in SYSTEMS:
        table.add_row(name, str(right[name]), f"{right[name] / n:.3f}")
    console.print(table)
    if show_errors:
        dom = Table(title=f"accuracy by domain: {path.name}")
        dom.add_column("domain")
        dom.add_column("n", justify="right")
        for name in SYSTEMS:
            dom.add_column(name, justify="right")
        for domain in sorted(by_domain):
            cells = by_domain[domain]
            total = cells[SYSTEMS[0]][1]
            dom.add_row(domain, str(total), *(f"{cells[s][0] / total:.2f}" for s in SYSTEMS))
        console.print(dom)
        for text, expr, gold, got in errors:
            console.print(f"[red]{expr!r}[/red] gold={gold} got={got}  | {text}")
    return n, right


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--fixture", type=Path, nargs="*", default=FIXTURES)
    ap.add_argument("--errors", action="store_true", help="per-domain table and newsprism's errors")
    args = ap.parse_args()
    nlp = load_pipeline(load_options(progress=False))
    console = Console()
    total = 0
    right: dict[str, int] = defaultdict(int)
    for path in args.fixture:
        n, r = score(path, nlp, console, args.errors)
        total += n
        for k, v in r.items():
            right[k] += v
    if len(args.fixture) > 1:
        table = Table(title=f"Date normalisation accuracy: all fixtures ({total} expressions)")
        table.add_column("system")
        table.add_column("correct", justify="right")
        table.add_column("accuracy", justify="right")
        for name in SYSTEMS:
            table.add_row(name, str(right[name]), f"{right[name] / total:.3f}")
        console.print(table)


if __name__ == "__main__":
    main()
