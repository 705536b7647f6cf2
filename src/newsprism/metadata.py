"""Metadata inference for articles that come without it (part of the cleaning stage).

Outlet, title, genre and publication date are inferred from patterns of form, each recorded
with its evidence in ``CleanArticle.inferred``. Given metadata always wins. An agency that is
merely quoted ("told Reuters") is never taken for the outlet: only publication notes count.
"""

from __future__ import annotations

import datetime as dt
import re

from .language import MONTHS
from .model import CleanArticle

# a first line longer than this is a deck (a standfirst summing up the article: "U.S. Geological
# Survey upgrades deadly Japan earthquake to 9.0 after Japan's Meteorological Agency did same"),
# left when the headline above it was not copied: not the article's headline
HEADLINE_MAX_WORDS = 14
# a line ending with a web address after a comma signs the page ("Jane Doe, editor,
# example.com"): no headline
_SIGNATURE = re.compile(r",\s*(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\s*$")

# A publication name: capitalised words, optionally led by "The", no "and" inside.
_NAME = r"((?:[Tt]he\s+)?[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|for|on|de|du|la))*)"

# (pattern, evidence label), strongest first.
_OUTLET_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?:first|originally)\s+(?:appeared|published|ran)\s+(?:on|in|at|by)\s+(?:the\s+website\s+of\s+)?" + _NAME), "publication note"),
    (re.compile(r"(?:republished|reproduced)\s+(?:with permission\s+)?(?:from|courtesy of)\s+" + _NAME), "publication note"),
    (re.compile(r"editorial\s+polic(?:y|ies)\s+of\s+" + _NAME), "disclaimer"),
    (re.compile(r"\(" + _NAME + r"\s+(?:and|&)\s+[Aa]gencies\)"), "credit line"),
    (re.compile(r"\b[Ww]ith\s+files\s+from\s+" + _NAME), "'with files from' note"),
    (re.compile(r"(?:©|\([Cc]\)|[Cc]opyright)\s*(?:\d{4}\s+)?" + _NAME), "copyright notice"),
    # a wire dateline opening the story: "LONDON (Reuters) - ..." names the agency that filed it
    (re.compile(r"^[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][\w .]{2,30})?\s*\(" + _NAME + r"\)\s*[—–-]\s"), "dateline"),
]
_TRAILING_WORDS = re.compile(r"(?:\s+(?:of|for|on|de|du|la|the|The))+$")


def infer_outlet(notes: list[str]) -> tuple[str, str] | None:
    """(outlet, evidence) from publication notes (boilerplate, captions, bylines)."""
    for pattern, label in _OUTLET_PATTERNS:
        for note in notes:
            m = pattern.search(note)
            if m:
                name = _TRAILING_WORDS.sub("", m.group(1)).rstrip(".,;:’'")
                if len(name) >= 2:
                    quoted = note if len(note) <= 160 else note[max(0, m.start() - 40) : m.end() + 20]
                    return name, f"{label}: “{quoted.strip()}”"
    return None


# --------------------------------------------------------------------------- genre

_FIRST_SINGULAR = re.compile(r"\b(?:I|me|my|mine|myself)\b")
_FIRST_PLURAL = re.compile(r"\b(?:we|us|our|ourselves)\b", re.I)
_QUOTED = re.compile(r"[\"“][^\"”]{0,600}[\"”]|(?<!\w)['‘][^'’]{0,400}['’](?!\w)")
_OPINION_NOTE = re.compile(r"views expressed|viewpoints expressed|opinions expressed|opinion|commentary|op-ed", re.I)
_ACADEMIC = re.compile(r"\b(?:university|institute|college|school|lecturer|professor|fellow|researcher)\b", re.I)
_NEWS_NOTE = re.compile(r"with files from|contributed (?:to )?(?:this )?report|reporting by|editing by|additional reporting", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][\w .]{2,30})?\s*(?:\([A-Za-z .]+\))?\s*[—–-]\s")
_SAID = re.compile(r"\b(?:said|says|told|according to)\b")


def infer_genre(text: str, removed: dict[str, list[str]]) -> tuple[str, str] | None:
    """news | analysis | opinion, with the evidence that decided it; None without evidence."""
    unquoted = _QUOTED.sub(" ", text)
    scores = {"opinion": 0.0, "analysis": 0.0, "news": 0.0}
    why: dict[str, list[str]] = {k: [] for k in scores}
    notes = removed.get("boilerplate", []) + removed.get("other", [])
    bylines = removed.get("byline", [])
    if any(_OPINION_NOTE.search(n) for n in notes):
        scores["opinion"] += 3
        why["opinion"].append("opinion disclaimer")
    singular = len(_FIRST_SINGULAR.findall(unquoted))
    if singular:
        scores["opinion"] += min(2.0, singular)
        why["opinion"].append(f"first person singular ×{singular}")
    if any(_ACADEMIC.search(b) for b in bylines):
        scores["analysis"] += 2.5
        why["analysis"].append("author line with an academic affiliation")
    plural = len(_FIRST_PLURAL.findall(unquoted))
    if plural >= 2:
        scores["analysis"] += 1
        why["analysis"].append(f"first person plural ×{plural}")
    if any(_NEWS_NOTE.search(n) for n in notes):
        scores["news"] += 3
        why["news"].append("agency/files credit")
    if _DATELINE.match(text):
        scores["news"] += 2
        why["news"].append("dateline")
    words = max(1, len(text.split()))
    said = len(_SAID.findall(text))
    if said / words * 100 >= 0.5:
        scores["news"] += 1
        why["news"].append(f"reporting verbs ×{said}")
    best = max(scores, key=lambda k: scores[k])
    if scores[best] == 0:
        return None
    return best, "; ".join(why[best])


# --------------------------------------------------------------------------- dates

_MONTH_RE = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_FULL_DATES = [
    (re.compile(r"\b(\d{1,2})\s+" + _MONTH_RE + r",?\s+(\d{4})\b", re.I), ("d", "m", "y")),
    (re.compile(r"\b" + _MONTH_RE + r"\s+(\d{1,2}),?\s+(\d{4})\b", re.I), ("m", "d", "y")),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("y", "m", "d")),
]


def parse_full_date(text: str) -> str | None:
    """The first complete calendar date (day, month, year) written in ``text``, as ISO."""
    for pattern, order in _FULL_DATES:
        m = pattern.search(text)
        if not m:
            continue
        parts = dict(zip(order, m.groups(), strict=True))
        month = parts["m"]
        month_n = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
        try:
            return dt.date(int(parts["y"]), month_n, int(parts["d"])).isoformat()
        except ValueError:
            continue
    return None


def infer(clean: CleanArticle, title_lines: list[str]) -> None:
    """Fill the metadata fields that were not given, recording evidence in ``inferred``."""
    by_kind: dict[str, list[str]] = {}
    for r in clean.removed:
        by_kind.setdefault(r.kind, []).append(r.text)

    if clean.outlet is None:
        notes = by_kind.get("boilerplate", []) + by_kind.get("caption", []) + by_kind.get("byline", []) + by_kind.get("other", [])
        notes.append(clean.text[:200])  # the lede, for a wire dateline
        found = infer_outlet(notes)
        if found:
            clean.outlet, clean.inferred["outlet"] = found

    if (clean.title is None and title_lines and len(title_lines[0].split()) <= HEADLINE_MAX_WORDS
            and not _SIGNATURE.search(title_lines[0])):
        clean.title = title_lines[0]
        clean.inferred["title"] = "headline-like first line"

    found_genre = infer_genre(clean.text, by_kind)
    if found_genre:
        clean.genre, clean.inferred["genre"] = found_genre

    if clean.published is None:
        for line in by_kind.get("other", []) + by_kind.get("byline", []):
            iso = parse_full_date(line)
            if iso:
                clean.published = iso
                clean.inferred["published"] = f"date line “{line}”"
                clean.confidence["published"] = "high"  # the article's own date line
                break
