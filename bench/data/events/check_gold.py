"""Check the event gold files against the ECB+ texts they were labelled from.

Usage: ``python bench/data/events/check_gold.py [FILE.json ...]`` (default: every
``bench/data/events/*/*.json``). For each file: the JSON loads, it has the required keys and
shapes, its ``docs`` are exactly the subtopic's documents, and every figure's ``text`` and
``context`` and every quote's ``text`` occur in that document's token text. Matching ignores
whitespace (ECB+ splits "100,000" into "100 , 000") and treats ``` `` ''``, curly and straight
quotes alike. The texts are read in place from ``../shared/data/ecbplus/ECBplus_xml.tar.gz``;
only the topics of the files given are read (never the blind test topics unless a gold file
names one). Exit status 1 when anything fails.

Files under ``wikiref/`` and ``wikiref_dev/`` name WikiRef articles instead (``event`` = the file's stem, ``subtopic``
``wikiref``): their ``docs`` must be files of ``../shared/data/wikiref/wikiref.tar.gz`` (read in
place by ``_wikiref.py``, kept outside the repository with that gold; a chosen subset of the topic's files, not all of them), and the
spans are checked against each article's body (the text after the headline line).
"""

from __future__ import annotations

import json
import re
import sys
import tarfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
TARBALL = ROOT.parent / "shared" / "data" / "ecbplus" / "ECBplus_xml.tar.gz"
MEMBER = re.compile(r"ECB\+/(\d+)/((\d+)_\d+(ecb|ecbplus)\.xml)$")
KEYS = {
    "event": str,
    "topic": int,
    "subtopic": str,
    "kind": str,
    "docs": list,
    "doc_meta": dict,
    "event_date": str,
    "title": str,
    "title_concepts": list,
    "figures": list,
    "key_facts": list,
    "quotes": list,
    "entities": dict,
    "summary": str,
}
CATEGORIES = {"killed", "injured", "displaced", "missing", "arrested", "other"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
WIKIREF = "wikiref"
WIKIREF_SETS = {"wikiref", "wikiref_dev"}  # folders of WikiRef gold (held-out check, tuning set)


def squash(text: str) -> str:
    """Text without whitespace, with quote marks unified."""
    text = text.replace("``", '"').replace("''", '"')
    text = (
        text.replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2018", "'")
        .replace("\u2019", "'")
    )
    return re.sub(r"\s+", "", text)


def load_texts(topics: set[int]) -> dict[str, dict[str, str]]:
    """{"<topic>_<subtopic>": {file name: squashed token text}} for the given topics only."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    with tarfile.open(TARBALL) as tar:
        for member in tar.getmembers():
            m = MEMBER.search(member.name)
            if m is None or int(m.group(1)) not in topics:
                continue
            fh = tar.extractfile(member)
            if fh is None:
                continue
            root = ET.parse(fh).getroot()
            words = [tok.text or "" for tok in root.iter("token")]
            out[f"{m.group(1)}_{m.group(4)}"][m.group(2)] = squash(" ".join(words))
    return out


def check(path: Path, texts: dict[str, dict[str, str]]) -> list[str]:
    errors: list[str] = []
    try:
        if path.parent.name in WIKIREF_SETS:  # article words by offsets, put back from the archive
            _reader_path(path)
            from _wikiref import read_gold

            gold, _articles = read_gold(path)
        else:
            gold = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as exc:
        return [f"cannot load: {exc}"]
    for key, kind in KEYS.items():
        if not isinstance(gold.get(key), kind):
            errors.append(f"key {key!r} missing or not {kind.__name__}")
    if "dispute" not in gold:
        errors.append("key 'dispute' missing")
    if errors:
        return errors
    if gold["subtopic"] == WIKIREF:
        docs = {d: texts[WIKIREF][d] for d in gold["docs"] if d in texts.get(WIKIREF, {})}
        if gold["event"] != path.stem:
            errors.append(f"event name {gold['event']!r} / file {path.name}")
        if len(docs) != len(gold["docs"]):
            errors.append(f"docs not in the WikiRef archive: {sorted(set(gold['docs']) - set(docs))}")
    else:
        event = f"{gold['topic']}_{gold['subtopic']}"
        if gold["event"] != event or path.stem != event:
            errors.append(f"event name {gold['event']!r} / file {path.name} / topic+subtopic {event}")
        docs = texts.get(event, {})
        if sorted(gold["docs"]) != sorted(docs):
            errors.append(f"docs differ from the subtopic's: {sorted(set(docs) ^ set(gold['docs']))}")
    if set(gold["doc_meta"]) != set(gold["docs"]):
        errors.append("doc_meta keys differ from docs")
    for name, meta in gold["doc_meta"].items():
        if set(meta) != {"title", "published", "outlet"}:
            errors.append(f"doc_meta[{name}] keys {sorted(meta)}")
        elif meta["published"] is not None and not DATE.match(meta["published"]):
            errors.append(f"doc_meta[{name}] published {meta['published']!r}")
    if not DATE.match(gold["event_date"]):
        errors.append(f"event_date {gold['event_date']!r}")
    if not gold["title_concepts"] or not all(
        isinstance(g, list) and g for g in gold["title_concepts"]
    ):
        errors.append("title_concepts must be non-empty lists of words")
    for i, fig in enumerate(gold["figures"]):
        where = f"figure {i} ({fig.get('doc')}, {fig.get('text')!r})"
        text = docs.get(fig.get("doc", ""))
        if text is None:
            errors.append(f"{where}: unknown doc")
            continue
        for key in ("text", "context"):
            if squash(fig.get(key, "")) not in text:
                errors.append(f"{where}: {key} not in the document")
        if squash(fig.get("text", "")) not in squash(fig.get("context", "")):
            errors.append(f"{where}: text not inside its context")
        if fig.get("category") not in CATEGORIES:
            errors.append(f"{where}: category {fig.get('category')!r}")
        if not isinstance(fig.get("event_toll"), bool) or not fig.get("reason"):
            errors.append(f"{where}: event_toll must be true/false and reason given")
        value = fig.get("value")
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            errors.append(f"{where}: value {value!r}")
    for i, quote in enumerate(gold["quotes"]):
        text = docs.get(quote.get("doc", ""))
        if text is None or squash(quote.get("text", "")) not in text:
            errors.append(
                f"quote {i} ({quote.get('doc')}, {quote.get('text')!r}) not in the document"
            )
        if not quote.get("speaker") or not isinstance(quote.get("named"), bool):
            errors.append(f"quote {i}: speaker and named (true/false) required")
    dispute = gold["dispute"]
    if dispute is not None and not (
        isinstance(dispute, dict)
        and dispute.get("claim")
        and all(side.get("position") and side.get("holders") for side in dispute.get("sides", []))
        and len(dispute.get("sides", [])) >= 2
    ):
        errors.append("dispute must be null or a claim with at least two sides, each with holders")
    return errors


def _reader_path(gold: Path) -> None:
    """WikiRef gold and its reader ``_wikiref.py`` live outside the repository (WikiRef states no
    licence): the reader sits in the gold's folder or the one above it."""
    for d in (gold.parent, gold.parent.parent):
        if (d / "_wikiref.py").is_file() and str(d) not in sys.path:
            sys.path.insert(0, str(d))


def load_wikiref(paths: list[Path]) -> dict[str, str]:
    """{WikiRef file name: squashed body} for the documents the wikiref gold files name."""
    for path in paths:
        _reader_path(path)
    from _wikiref import read_articles

    names: list[str] = []
    for path in paths:
        try:
            names += json.loads(path.read_text(encoding="utf-8")).get("docs", [])
        except (OSError, json.JSONDecodeError):
            continue  # reported by check()
    return {name: squash(body) for name, (_head, body) in read_articles(names).items()}


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(HERE.glob("*/*.json"))
    wikiref = [p for p in paths if p.parent.name in WIKIREF_SETS]
    topics = set()
    for path in paths:
        m = re.match(r"(\d+)_", path.name)
        if m and path not in wikiref:
            topics.add(int(m.group(1)))
    texts = load_texts(topics) if topics else {}
    if wikiref:
        texts[WIKIREF] = load_wikiref(wikiref)
    failed = 0
    for path in paths:
        errors = check(path, texts)
        status = "ok" if not errors else f"{len(errors)} problem(s)"
        print(f"{path.name}: {status}")
        for err in errors:
            print(f"  {err}")
        failed += bool(errors)
    print(f"{len(paths) - failed}/{len(paths)} files ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
