"""Labelled article streams for the clustering benches (ECB+ and WikiRef220, read in place).

ECB+ (``../shared/data/ecbplus/ECBplus_xml.tar.gz``) is read with ``bench/coref.py``'s reader.
Each document is labelled with its topic (1-45) and its subtopic: the ECB half (``N_Kecb``) and
the ECB+ half (``N_Kecbplus``) of a topic are two similar but different events. ECB+ has no
dates, so the stream order is: document number order within each subtopic, and the subtopics of
all topics interleaved round-robin (first document of every subtopic, then every second one, ...),
all undated, so the time window plays no part.

WikiRef220 (``../shared/data/wikiref/wikiref.tar.gz``, folder ``WikiRef220``): 220 web news
articles; the label is the file's topic prefix (5 large topics plus 11 small "noise" topics);
the first line of a file is its title. Order: file number order per topic, interleaved.
"""

from __future__ import annotations

import re
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from coref import load_ecbplus  # noqa: E402  (bench/coref.py: the one ECB+ reader)

ROOT = Path(__file__).resolve().parents[1]
WIKIREF = ROOT.parent / "shared" / "data" / "wikiref" / "wikiref.tar.gz"
TUNE_TOPICS = list(range(1, 36))  # thresholds are chosen on these
BLIND_TOPICS = list(range(36, 46))  # only ever scored


@dataclass(slots=True)
class LabelledDoc:
    id: str
    text: str
    title: str | None
    topic: str
    subtopic: str


def _doc_number(name: str) -> int:
    m = re.match(r"\d+_(\d+)", name)
    return int(m.group(1)) if m else 0


def interleave(groups: list[list[LabelledDoc]]) -> list[LabelledDoc]:
    out: list[LabelledDoc] = []
    for k in range(max((len(g) for g in groups), default=0)):
        out.extend(g[k] for g in groups if k < len(g))
    return out


def ecb_stream(topics: list[int]) -> list[LabelledDoc]:
    groups: dict[str, list[LabelledDoc]] = {}
    for d in load_ecbplus(topics):
        half = "ecbplus" if d.name.endswith("ecbplus") else "ecb"
        sub = f"{d.topic}{half}"
        groups.setdefault(sub, []).append(LabelledDoc(d.name, d.text, None, str(d.topic), sub))
    ordered = [sorted(g, key=lambda x: _doc_number(x.id)) for _, g in sorted(groups.items())]
    return interleave(ordered)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def wikiref_stream() -> list[LabelledDoc]:
    groups: dict[str, list[tuple[int, LabelledDoc]]] = {}
    with tarfile.open(WIKIREF) as tar:
        for member in tar.getmembers():
            parts = Path(member.name).parts
            if len(parts) < 2 or parts[-2] != "WikiRef220" or not member.name.endswith(".txt"):
                continue
            fh = tar.extractfile(member)
            if fh is None:
                continue
            text = _decode(fh.read()).replace("\r\n", "\n").strip()
            stem = parts[-1][: -len(".txt")]
            m = re.match(r"(.*?)[. ]\(?(\d+)\)?$", stem)
            topic, num = (m.group(1), int(m.group(2))) if m else (stem, 0)
            title, _, body = text.partition("\n")
            doc = LabelledDoc(stem, body.strip() or title, title.strip() or None, topic, topic)
            groups.setdefault(topic, []).append((num, doc))
    return interleave([[d for _, d in sorted(g, key=lambda x: x[0])]
                       for _, g in sorted(groups.items())])  # fmt: skip
