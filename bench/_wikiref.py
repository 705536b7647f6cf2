"""Reading WikiRef (Gialampoukidis et al., MLDM 2016; research use) in place, for the bench scripts.

``../shared/data/wikiref/wikiref.tar.gz`` (relative to the repository root; see its SOURCE.txt and
readme.txt) holds real 2014-2015 news articles as plain text files, one article per file: the
headline on the first line, then the body. The files are cp1252 with CRLF line ends and carry no
date, outlet or URL. The WikiRef220 folder holds every file of the smaller WikiRef186/150 sets.
Nothing is copied into the repository: the WikiRef event gold (``bench/data/events/wikiref_dev``;
the held-out pair is kept outside the repository, ``bench/events.py --wikiref-gold DIR``) names article text by character offsets into each body (``text_at``, ``context_at``) and headlines
by ``title_from_archive``; :func:`read_gold` puts the words back from the archive.
"""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "data" / "wikiref" / "wikiref.tar.gz"
FOLDER = "app/data_processing/test_data/wikiref/WikiRef220/"


def split_article(raw: bytes) -> tuple[str, str]:
    """(headline, body) of one WikiRef file: cp1252 decoded, line ends made ``\\n``, the headline
    is the first line (stripped), the body the rest without leading and trailing blank lines."""
    text = raw.decode("cp1252").replace("\r\n", "\n").replace("\r", "\n")
    headline, _, body = text.partition("\n")
    return headline.strip(), body.strip("\n")


def read_articles(names: list[str]) -> dict[str, tuple[str, str]]:
    """{file name: (headline, body)} for the named files of WikiRef220 (names as in the archive,
    e.g. ``ParisAttacks2015 (1).txt``); a name not in the archive is left out."""
    wanted = set(names)
    out: dict[str, tuple[str, str]] = {}
    with tarfile.open(ARCHIVE) as tar:
        for member in tar.getmembers():
            if not member.name.startswith(FOLDER):
                continue
            name = member.name[len(FOLDER):]
            if name not in wanted:
                continue
            fh = tar.extractfile(member)
            if fh is not None:
                out[name] = split_article(fh.read())
    return out


def read_gold(path: Path) -> tuple[dict, dict[str, tuple[str, str]]]:
    """(gold, {doc: (headline, body)}) of one WikiRef event gold file, with the article words its
    offsets point to filled in from the archive: each figure's ``text`` and ``context``, each
    quote's ``text`` and each document's ``title`` (the format of the ECB+ gold files)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    articles = read_articles(gold["docs"])
    for doc, meta in gold["doc_meta"].items():
        if meta.pop("title_from_archive", False) and doc in articles:
            meta["title"] = articles[doc][0]
    for item in [*gold["figures"], *gold["quotes"]]:
        body = articles.get(item["doc"], ("", ""))[1]
        for key in ("text", "context"):
            if f"{key}_at" in item:
                start, end = item.pop(f"{key}_at")
                item[key] = body[start:end]
    return gold, articles
