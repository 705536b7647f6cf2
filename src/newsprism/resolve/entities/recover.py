"""Names the tagger missed, recovered with evidence from the whole story.

The statistical tagger misses names made of common words, titles of works above all ("The
Hunger Games", "Catching Fire", "Breaking Bad"), and then the story's subject is no entity at
all. ``recover_names`` adds a mention (label ``NAME``: a proper name of unknown type) for every
capitalised phrase of two or more words that

- is written inside running text: not where capitals say nothing (the start of a sentence or
  line, a headline line in title case), and not over a mention the tagger made;
- recurs: ``MIN_OCCURRENCES`` such places in ``MIN_ARTICLES`` articles or more (a phrase one
  writer capitalises once is no name), and the tagger never tagged it (a name it knows keeps
  the mentions it gave it).

"The Hunger Games" and "Hunger Games" count as one phrase. It runs on NER mentions before
``resolve_entities`` (``briefing``); gold-mention tools (``adapter``) do not call it.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from ...model import AnnotatedArticle, Mention
from .mentions import NAME_LABEL

MIN_OCCURRENCES = 3
MIN_ARTICLES = 2
GLUE = 2  # characters between a phrase and a tagged name that make them one name
HEADLINE_CAPS = 0.7  # a line with this share of capitalised words is a headline in title case

_SMALL = r"(?:of|of[ \t]+the)"  # "Lord of the Rings"; not "Harbor on Friday"
_PHRASE = re.compile(
    rf"(?<![\w'’-])(?:The[ \t]+)?[A-Z][a-z]+(?:[ \t]+(?:{_SMALL}[ \t]+)?[A-Z][a-z]+)+(?![\w-])"
)
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w.'’/-]*[ \t]*$")
_WORDS = re.compile(r"[A-Za-z]+")
_OPENERS = " \t\"'“‘(—–-*•"


def _key(phrase: str) -> str:
    words = phrase.split()
    if words[0] == "The":
        words = words[1:]
    return " ".join(words).casefold()


def _headline_line(text: str, start: int) -> bool:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    words = _WORDS.findall(text[lo : hi if hi >= 0 else len(text)])
    if len(words) < 3:
        return True  # a short line: a heading, a caption, a credit
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= HEADLINE_CAPS * len(words)


def _opens(text: str, start: int, sentence_starts: list[int]) -> bool:
    """True when only punctuation or quotes stand between the sentence's (or line's) start and
    ``start``."""
    j = bisect.bisect_right(sentence_starts, start) - 1
    lo = max(sentence_starts[j] if j >= 0 else 0, text.rfind("\n", 0, start) + 1)
    return not text[lo:start].strip(_OPENERS)


def recover_names(articles: list[AnnotatedArticle]) -> list[Mention]:
    """Add the missed names (see the module doc) to the articles' mentions, in offset order;
    returns the mentions added."""
    spots: dict[str, list[tuple[AnnotatedArticle, int, int]]] = defaultdict(list)
    tagged: dict[str, int] = defaultdict(int)
    for art in articles:
        text = art.article.text
        spans = sorted((m.start, m.end) for m in art.mentions)
        starts = [s for s, _ in spans]
        sentence_starts = [s.start for s in art.sentences]
        for found in _PHRASE.finditer(text):
            start, end = found.span()
            key = _key(found.group())
            if " " not in key:
                continue
            # over a tagged name, or glued to one ("Mount Cook" + "National Park"): the
            # tagger's name, cut differently
            k = bisect.bisect_right(starts, end + GLUE)
            if any(s < end + GLUE and start - GLUE < e for s, e in spans[max(0, k - 8) : k]):
                tagged[key] += 1
                continue
            if _opens(text, start, sentence_starts) or _headline_line(text, start):
                continue
            if _CAPITAL_BEFORE.search(text, max(0, start - 20), start):
                continue  # "Aoraki-Mt. Cook National Park": the end of a longer name
            spots[key].append((art, start, end))
    added: list[Mention] = []
    for key, places in spots.items():
        if len(places) < MIN_OCCURRENCES or len({id(a) for a, _, _ in places}) < MIN_ARTICLES:
            continue
        if tagged.get(key):
            continue  # the tagger knows the name: its untagged uses are left to it
        for art, start, end in places:
            j = bisect.bisect_right([s.start for s in art.sentences], start) - 1
            m = Mention(art.source_id, start, end, art.article.text[start:end], NAME_LABEL,
                        max(j, 0))
            art.mentions.append(m)
            added.append(m)
    touched = {m.source_id for m in added}
    for art in articles:
        if art.source_id in touched:
            art.mentions.sort(key=lambda m: (m.start, m.end))
    return added
