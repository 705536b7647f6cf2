"""Reading ECB+ (Cybulska & Vossen 2014, CC BY 3.0) in place, shared by the bench scripts.

``../shared/data/ecbplus/ECBplus_xml.tar.gz`` (relative to the repository root) holds one
tokenised CROMER XML file per document, ``ECB+/<topic>/<topic>_<n><ecb|ecbplus>.xml``; every
token carries its sentence number. Nothing is copied into the repository.
"""

from __future__ import annotations

import re
import tarfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus"
TARBALL = ECB / "ECBplus_xml.tar.gz"
_MEMBER = re.compile(r"ECB\+/(\d+)/(\d+)_(\d+)(ecb|ecbplus)\.xml$")


def xml_docs(topics: list[int] | set[int]) -> Iterator[tuple[str, int, ET.Element]]:
    """(document name without .xml, topic, XML root) of every document of the topics, in
    (topic, subtopic, document number) order."""
    wanted = set(topics)
    with tarfile.open(TARBALL) as tar:
        members = []
        for member in tar.getmembers():
            m = _MEMBER.search(member.name)
            if m is None or int(m.group(1)) not in wanted:
                continue
            members.append(((int(m.group(1)), m.group(4), int(m.group(3))), member))
        for (topic, _sub, _n), member in sorted(members, key=lambda x: x[0]):
            fh = tar.extractfile(member)
            if fh is None:
                continue
            yield Path(member.name).stem, topic, ET.parse(fh).getroot()


def sentence_tokens(root: ET.Element) -> list[list[str]]:
    """The document's tokens, one list per ECB+ sentence, in order."""
    by_sentence: dict[int, list[str]] = defaultdict(list)
    for tok in root.iter("token"):
        by_sentence[int(tok.get("sentence", "0"))].append(tok.text or "")
    return [by_sentence[k] for k in sorted(by_sentence)]


def detok(tokens: list[str]) -> str:
    """ECB+ tokens back to running text (best effort, the same text for every system)."""
    s = " ".join(tokens)
    s = s.replace("``", '"').replace("''", '"')
    s = re.sub(r"\s+([.,;:!?%)\]])", r"\1", s)
    s = re.sub(r"([(\[$])\s+", r"\1", s)
    s = re.sub(r"\s*(['’])\s*(s|t|re|ve|ll|d|m)\b", r"\1\2", s)
    s = re.sub(r"\s+(n't)\b", r"\1", s)
    s = re.sub(r"(\d)\.\s(\d)", r"\1.\2", s)  # 4. 6 -> 4.6
    s = re.sub(r"(\d):\s(\d)", r"\1:\2", s)  # 2: 09 -> 2:09
    s = re.sub(r"(\d),\s(\d{3})\b", r"\1,\2", s)  # 22, 000 -> 22,000
    s = re.sub(r"\b([A-Za-z])\.\s([A-Za-z])\.", r"\1.\2.", s)  # a. m. -> a.m.
    s = re.sub(r"(\w) - (\w)", r"\1-\2", s)  # T - Mobile -> T-Mobile
    s = re.sub(r'"\s+([^"]*?)\s+"', r'"\1"', s)
    return s.strip()


def subtopic_sentences(topic: int, subtopic: str) -> list[tuple[str, list[str]]]:
    """[(file name such as ``3_1ecbplus.xml``, its sentences re-joined by ``detok``)] of one
    subtopic (``ecb`` or ``ecbplus``), in document-number order."""
    out = []
    for name, _topic, root in xml_docs([topic]):
        if re.fullmatch(rf"{topic}_\d+{subtopic}", name):
            out.append((f"{name}.xml", [detok(t) for t in sentence_tokens(root)]))
    return out
