"""Exact and near duplicates: a normalised-text hash, and MinHash LSH over word shingles.

A syndicated copy (the same wire story under another outlet's name, a headline changed, a line
added or trimmed) shares most of its word 5-grams with the original. Each article's MinHash
signature (``datasketch``) is cut into LSH bands; the band keys live in the store's ``lsh``
table with an index, so finding candidates costs a few index look-ups per article and nothing
is held in memory as the stream grows. Candidates are then checked on the signatures: estimated
Jaccard similarity, or containment for a trimmed copy."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5  # words per shingle
LSH_THRESHOLD = 0.5  # banding tuned so pairs from this similarity on are usually candidates
MIN_SHINGLES = 20  # shorter texts are only matched exactly

_WORD = re.compile(r"\w+", re.UNICODE)
_LSH = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
BANDS: list[tuple[int, int]] = list(_LSH.hashranges)


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(text)


def norm_hash(text: str) -> str:
    """Hash of the words only: the same text with other spacing, case or punctuation is equal."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Signature:
    values: np.ndarray  # NUM_PERM uint64 hash values
    shingles: int  # distinct shingles of the text

    def to_bytes(self) -> bytes:
        return self.shingles.to_bytes(4, "little") + self.values.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data[4:], dtype="<u8").copy(), int.from_bytes(data[:4], "little"))

    def band_keys(self) -> list[int]:
        """One 63-bit key per LSH band (the band's hash values hashed together)."""
        keys = []
        for start, end in BANDS:
            digest = hashlib.blake2b(self.values[start:end].astype("<u8").tobytes(), digest_size=8).digest()
            keys.append(int.from_bytes(digest, "little") >> 1)  # fits SQLite's signed INTEGER
        return keys

    def jaccard(self, other: Signature) -> float:
        return float(np.count_nonzero(self.values == other.values)) / len(self.values)

    def containment(self, other: Signature) -> float:
        """Share of the smaller text's shingles found in the other, from the Jaccard estimate
        and the two set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J)."""
        j = self.jaccard(other)
        inter = j * (self.shingles + other.shingles) / (1.0 + j)
        return min(1.0, inter / max(1, min(self.shingles, other.shingles)))


def signature(text: str) -> Signature | None:
    """MinHash signature of the text's word 5-grams, or None for a text too short to compare."""
    toks = words(text)
    grams = {" ".join(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)}
    if len(grams) < MIN_SHINGLES:
        return None
    mh = MinHash(num_perm=NUM_PERM)
    mh.update_batch([g.encode("utf-8") for g in grams])
    return Signature(mh.hashvalues.astype(np.uint64), len(grams))


def is_near_duplicate(a: Signature, b: Signature, threshold: float, containment: float) -> tuple[bool, float]:
    """Whether ``b`` is a near copy of ``a``: estimated Jaccard at least ``threshold``, or the
    smaller text almost wholly inside the larger (a trimmed copy). Returns the similarity too."""
    j = a.jaccard(b)
    if j >= threshold:
        return True, j
    if min(a.shingles, b.shingles) >= 50 and a.containment(b) >= containment:
        return True, j
    return False, j
