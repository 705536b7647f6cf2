"""A story's title from its members' headlines: the most representative one, without the
kicker in front ("LIVE:", "UPDATE 2-", "Opinion |") or the outlet's name behind ("... - BBC News").

Representative = the headline sharing the most content words with the others (the medoid), so
one outlet's odd angle does not name a story that ten others headline alike."""

from __future__ import annotations

import re
from collections.abc import Sequence

_SEPARATORS = re.compile(r"\s+(?:[|\-–—•·:]|::)\s+")
_KICKER_WORDS = frozenset({
    "live", "breaking", "update", "updated", "exclusive", "watch", "video", "photos", "analysis",
    "opinion", "comment", "editorial", "explainer", "factbox", "fact check", "interview", "review",
    "breaking news", "just in", "developing", "live updates", "in pictures", "podcast", "news",
})
_KICKER = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,20}?)(?:\s+\d{1,2})?\s*[:|\-–—]\s*(?=\S)")
_STOP = frozenset(
    "a an the of in on at to for by with from and or but as is are was were be been has have had "
    "it its this that after over into says said say new".split()
)


def clean_headline(title: str, outlets: Sequence[str] = ()) -> str:
    """The headline without a leading kicker or a trailing outlet/site name."""
    text = " ".join(title.split())
    for _ in range(2):  # "LIVE: UPDATE 2-" carries two kickers
        m = _KICKER.match(text)
        if not m:
            break
        kicker = m.group(1).strip()
        rest = text[m.end():]
        if kicker.casefold() in _KICKER_WORDS and len(rest.split()) >= 3:
            text = rest
        else:
            break
    names = {o.casefold() for o in outlets if o}
    parts = _SEPARATORS.split(text)
    while len(parts) > 1:
        tail = parts[-1].strip()
        head_words = len(" ".join(parts[:-1]).split())
        if head_words < 3:
            break
        if tail.casefold() in names or _site_like(tail):
            text = text[: text.rfind(tail)].rstrip(" |-–—•·:")
            parts = parts[:-1]
        else:
            break
    return text.strip()


def _site_like(segment: str) -> bool:
    """A short trailing segment that names a site: 'BBC News', 'nytimes.com', 'The Guardian'."""
    words = segment.split()
    if not words or len(words) > 4:
        return False
    if re.search(r"\.(?:com|org|net|co\.uk|co|io|news|info)\b", segment, re.I):
        return True
    if any(w.casefold() in ("news", "times", "post", "herald", "tribune", "daily", "online") for w in words):
        return all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return False


def _content(title: str) -> set[str]:
    return {w for w in re.findall(r"\w+", title.casefold()) if w not in _STOP and len(w) > 1}


def representative(titles: Sequence[str], outlets: Sequence[str] = ()) -> str | None:
    """The cleaned headline that shares the most content words with the others (ties: the
    earlier one in ``titles``); None when there is no usable headline."""
    cleaned = [clean_headline(t, outlets) for t in titles if t and t.strip()]
    cleaned = [c for c in cleaned if len(c.split()) >= 2]
    if not cleaned:
        return None
    if len(cleaned) <= 2:
        return max(cleaned, key=lambda c: (len(_content(c)) >= 3, -cleaned.index(c)))
    sets = [_content(c) for c in cleaned]

    def score(i: int) -> float:
        total = 0.0
        for j, other in enumerate(sets):
            if j != i and sets[i] and other:
                total += len(sets[i] & other) / len(sets[i] | other)
        return total

    best = max(range(len(cleaned)), key=lambda i: (score(i), -i))
    return cleaned[best]
