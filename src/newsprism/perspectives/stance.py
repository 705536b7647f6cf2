"""Stance of one claim sentence towards another: agree | contradict | unrelated.

The same signals find_contradictions uses, on two bare sentences: embedding cosine for
"same topic", denial cues and negation for polarity, and the responsible-party answers
("blamed X for", "caused by X") for incompatible answers. Used by the claim-pair fixture test
and by bench/stance.py (FNC-1)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..embed import Embedder
from . import cues
from .claims import calibrated
from .holders import head_key

AGREE = "agree"
CONTRADICT = "contradict"
UNRELATED = "unrelated"


@dataclass(frozen=True, slots=True)
class PairThresholds:
    related: float = 0.45  # below this cosine the two sentences are about different things
    contradict: float = 0.50  # opposite polarity at or above this cosine is a contradiction
    agree: float = 0.55  # same polarity at or above this cosine is agreement


def polarity(text: str) -> str:
    """'deny' when the sentence rejects what it reports (a denial cue, or calls it false, a hoax,
    fabricated ...) or negates it, else 'assert'."""
    deny = any(fam in (cues.DENY, cues.COUNTER) and pat.search(text) for fam, pat in cues.CUE_PATTERNS)
    deny = deny or bool(cues.REJECTION.search(text))  # "the report is false", "a hoax"
    negated = bool(cues.NEGATION.search(text))
    return "deny" if deny != negated else "assert"


def answers(text: str) -> set[str]:
    """Head nouns of who/what the sentence says is responsible."""
    out: set[str] = set()
    for pat in cues.RESPONSIBLE_PATTERNS:
        for m in pat.finditer(text):
            phrase = m.group("r").strip()
            if phrase and not cues.PRONOUN_HOLDER.match(phrase):
                out.add(head_key(phrase))
    return out


def pair_stance(a: str, b: str, embedder: Embedder, th: PairThresholds | None = None) -> str:
    """agree | contradict | unrelated for two claim sentences."""
    th = th or PairThresholds()
    v = embedder.embed([a, b])
    cos = float(calibrated(np.array([[float(np.dot(v[0], v[1]))]]), embedder.kind)[0, 0])
    return stance_from(cos, a, b, th)


def stance_from(cos: float, a: str, b: str, th: PairThresholds) -> str:
    """The rule on a cosine already on MiniLM's scale (see claims.calibrated)."""
    if cos < th.related:
        return UNRELATED
    ans_a, ans_b = answers(a), answers(b)
    if ans_a and ans_b and not ans_a & ans_b and polarity(a) == polarity(b) == "assert":
        return CONTRADICT
    if polarity(a) != polarity(b) and cos >= th.contradict:
        return CONTRADICT
    if cos >= th.agree:
        return AGREE
    return UNRELATED
