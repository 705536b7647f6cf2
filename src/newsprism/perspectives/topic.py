"""What a dispute is about, in words: the question its sides answer ("Who is responsible for
the fire?", "Is it true that ...?"), built from its sides' own clauses."""

from __future__ import annotations

from collections import defaultdict

from . import cues
from .statements import Statement


def dispute_topic(sides_sts: list[list[Statement]], texts: dict[str, str], kinds: set[str]) -> str:
    """A question when the sides answer who is responsible; else the contested proposition."""
    events: dict[str, int] = defaultdict(int)
    for sts in sides_sts:
        for st in sts:
            for m in _EVENT.finditer(texts[st.source_id][st.display_start : st.end]):
                events[m.group("e").strip()] += 1
    if "incompatible" in kinds:  # the sides name different culprits
        if events:
            event = max(events.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
            return f"Who is responsible for {event}?"
        return "Who is responsible?"
    if "rival" in kinds and not kinds & {"denial", "counter"}:
        return "Which explanation is right?"  # the sides give different causes of the event
    for sts in sides_sts:
        for st in sts:
            if st.polarity == "deny" and not st.anaphoric and _FINITE.search(st.text):
                return f"Is it true that {_clause(st.text)}?"
    for sts in sides_sts:
        for st in sts:
            if st.family != cues.BLAME and not st.anaphoric and _FINITE.search(st.text):
                return f"Is it true that {_clause(st.text)}?"
    return "Which account is right?"


# a clause with a finite verb can follow "Is it true that"; a bare noun phrase cannot
_FINITE = cues.re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|\w{3,}ed|\w{3,}s)\s+\w", cues.re.I
)


def _clause(text: str) -> str:
    """A source clause fit to follow "that": trailing punctuation off, a capitalised article or
    pronoun opening the sentence lower-cased (names keep their capitals)."""
    text = text.strip().rstrip(" .;:,!")
    first, _, rest = text.partition(" ")
    if first in {"The", "A", "An", "This", "That", "These", "Those", "It", "They", "He", "She", "We", "There"}:
        text = first.lower() + (" " + rest if rest else "")
    return text


_EVENT = cues.re.compile(
    r"\b(?:blam\w*|fault\w*|to\s+blame|responsib\w+)\s+(?:[^,.;:]{0,60}?\s+)?for\s+"
    r"(?P<e>(?:the|a|an|this|that|its|their)\s+(?:[\w\-]+\s+){0,3}?(?:attack|deaths?|killings?|"
    r"bombing|explosion|blast|crash|fire|collapse|failure|shooting|leak|outbreak|massacre|strike|"
    r"incident|disaster|loss|defeat|fraud|spill|flood(?:ing)?))\b",
    cues.re.I,
)
