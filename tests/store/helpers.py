"""Articles written for the store tests (several domains), as JSONL lines or text files."""

from __future__ import annotations

import json
import random
from pathlib import Path

WIRE = (
    "The city council of Lakeport voted 7-2 on Tuesday to close the old harbour bridge after "
    "engineers found cracks in two of its steel supports. Mayor Dana Ruiz said the closure would "
    "last at least six months while the supports are replaced. Ferry operators said they would add "
    "twelve crossings a day to carry commuters across the bay. The bridge, opened in 1961, carries "
    "about 40,000 vehicles a day. Engineers from the state transport department inspected it last "
    "week after a resident reported rust falling onto the footpath below. Businesses near the "
    "northern ramp said they feared losing customers during the repairs, and the council promised "
    "a support fund of two million dollars for shops that lose trade."
)
# the same wire story republished by another outlet: a new first line, one sentence trimmed
COPY = (
    "Lakeport shuts harbour bridge for repairs. " + WIRE.replace(
        " Ferry operators said they would add twelve crossings a day to carry commuters across the bay.", "")
)
OTHER = (
    "Striker Amara Osei scored twice as Northfield Rovers beat Eastbay United 3-1 on Saturday to "
    "reach the cup final for the first time since 1994. Osei opened the scoring after eleven minutes "
    "with a header from a corner and added a second from the penalty spot before half-time. Eastbay "
    "pulled one back through a deflected shot, but substitute Leo Brandt sealed the win in stoppage "
    "time. Rovers manager Ines Holm said her players had earned the chance to play at the national "
    "stadium next month, where they will face the holders."
)

_WORDS = (
    "river council budget court trial verdict storm harbour vaccine trial school election market "
    "bank strike union factory airport rail grid drought fire rescue hospital museum orchestra "
    "league coach referee senate minister tariff export port shipping satellite launch telescope"
).split()


def jsonl_line(i: int, text: str, **meta: str) -> str:
    return json.dumps({"id": f"a{i}", "text": text, **meta})


def write_corpus(folder: Path, n: int, seed: int = 7, per_file: int = 25) -> list[Path]:
    """``n`` distinct made-up articles in JSONL files of ``per_file`` lines each."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for f in range(0, n, per_file):
        lines = []
        for i in range(f, min(n, f + per_file)):
            words = [rng.choice(_WORDS) for _ in range(90)]
            sents = [" ".join(words[k : k + 15]).capitalize() + "." for k in range(0, 90, 15)]
            lines.append(jsonl_line(i, f"Report {i}. " + " ".join(sents), title=f"Report number {i}",
                                    published=f"2024-03-{1 + i % 28:02d}"))
        path = folder / f"part{f // per_file:03d}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
