"""Plain-text tables for the bench scripts (shared by them; run from the bench folder's parent)."""

from __future__ import annotations

from collections.abc import Sequence


def print_table(head: Sequence[object], rows: Sequence[Sequence[object]]) -> None:
    """Columns padded to their widest cell, a rule under the header."""
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    line = " | ".join(str(h).ljust(w) for h, w in zip(head, widths, strict=True))
    print(line)
    print("-" * len(line))
    for r in rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)))
