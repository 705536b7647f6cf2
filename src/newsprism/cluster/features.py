"""Article vectors for story clustering: hashed TF-IDF of words plus hashed capitalised names.

Nothing is fitted: words and names are hashed into fixed columns (``WORD_FEATURES`` and
``NAME_FEATURES``), and the IDF weights come from document frequencies counted as the stream
arrives (:class:`DocFrequencies`), so a vector never has to be recomputed when the vocabulary
grows. A document's vector is frozen with the IDF known when it was added.

The two parts are normalised separately and joined with weights ``sqrt(1 - w)`` and ``sqrt(w)``
(``w`` = ``Options.cluster_name_weight``), so the cosine of two joined rows is
``(1 - w) * cos(words) + w * cos(names)`` when both have names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer

from ..model import ClusterDoc

WORD_FEATURES = 2**18
NAME_FEATURES = 2**16
FEATURES = WORD_FEATURES + NAME_FEATURES
TITLE_REPEAT = 2  # a given title counts as this many copies of itself
LEAD_WORDS = 80  # words of the text that make an article's lead (with its title), see lead_text

# a run of capitalised words, allowing short lower-case joiners inside ("Bank of England")
_NAME = re.compile(
    r"\b[A-Z][\w'’.-]*[A-Za-z](?:\s+(?:of|de|del|da|al|bin|van|von|der|la|le)?\s*[A-Z][\w'’.-]*[A-Za-z])*"
)
_STOP = frozenset(w.capitalize() for w in ENGLISH_STOP_WORDS) | {
    "Mr", "Mrs", "Ms", "Dr", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Said", "Says", "According",
}  # fmt: skip


_VOWELS = re.compile(r"(?<=\w)[aeiouy]+")
_REPEAT = re.compile(r"(\w)\1+")


def spelling_key(name: str) -> str:
    """A name's key across transliterations and spelling variants: accents removed, vowels
    after a word's first letter dropped, doubled letters single ("Khan Sheikhoun", "Khan
    Shaykhun" -> "khn shkhn"; "Muhammad", "Mohammed" -> "mhmd")."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return " ".join(_REPEAT.sub(r"\1", _VOWELS.sub("", w)) for w in plain.split())


def name_keys(text: str) -> list[str]:
    """The spelling keys of the names in ``text`` (see :func:`names`)."""
    return [spelling_key(n) for n in names(text)]


def names(text: str) -> list[str]:
    """Capitalised names in ``text``, lower-cased, without a leading function word
    ("The Red Cross" -> "red cross"); single words that only open a sentence are kept too
    (their IDF weight keeps common ones cheap)."""
    out: list[str] = []
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        while words and words[0].rstrip(".") in _STOP:
            words = words[1:]
        if words:
            out.append(" ".join(words).lower().rstrip("."))
    return out


def _word_hasher() -> HashingVectorizer:
    return HashingVectorizer(
        n_features=WORD_FEATURES,
        alternate_sign=False,
        norm=None,
        stop_words="english",
        lowercase=True,
        token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b",
    )


def _name_hasher() -> HashingVectorizer:
    return HashingVectorizer(
        n_features=NAME_FEATURES, alternate_sign=False, norm=None, analyzer=name_keys, lowercase=False
    )


class DocFrequencies:
    """Document frequencies of every hashed column, counted over the whole stream.

    ``prior`` pseudo-documents that contain no term are counted in the IDF: while the stream
    is short, a term all its documents share would otherwise weigh least of all (a store
    holding one story's three articles would rate that story's own names below the words only
    one article uses); once the stream holds many more documents than the prior, it fades."""

    def __init__(self, df: np.ndarray | None = None, n_docs: int = 0, prior: int = 0) -> None:
        self.df = df if df is not None else np.zeros(FEATURES, dtype=np.int64)
        self.n_docs = n_docs
        self.prior = prior

    def update(self, counts: sparse.csr_matrix) -> None:
        cols = counts.indices  # each row's columns are distinct, so a bincount is the df
        self.df += np.bincount(cols, minlength=FEATURES)
        self.n_docs += counts.shape[0]

    def idf(self, cols: np.ndarray) -> np.ndarray:
        n = 1.0 + self.n_docs + self.prior
        return (np.log(n / (1.0 + self.df[cols])) + 1.0).astype(np.float32)


class Vectoriser:
    """Counts and weighs documents; keeps the stream's document frequencies."""

    def __init__(self, name_weight: float, frequencies: DocFrequencies | None = None, prior: int = 0) -> None:
        self.name_weight = name_weight
        self.frequencies = frequencies or DocFrequencies(prior=prior)
        self._words = _word_hasher()
        self._names = _name_hasher()

    def counts(self, docs: Sequence[ClusterDoc]) -> sparse.csr_matrix:
        texts = [_full_text(d) for d in docs]
        words = self._words.transform(texts)
        found = self._names.transform(texts)
        out = sparse.hstack([words, found], format="csr", dtype=np.float32)
        out.sum_duplicates()
        return out

    def vectors(self, docs: Sequence[ClusterDoc]) -> sparse.csr_matrix:
        """Counts the batch into the document frequencies, then weighs it: one L2-normalised
        row per document (a document with no words at all gives a zero row)."""
        counts = self.counts(docs)
        self.frequencies.update(counts)
        counts.data = (1.0 + np.log(counts.data)) * self.frequencies.idf(counts.indices)
        words_part = counts.indices < WORD_FEATURES
        w_norm = _row_norms(counts, words_part)
        n_norm = _row_norms(counts, ~words_part)
        per_row = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
        scale_w = np.sqrt(1.0 - self.name_weight) / w_norm[per_row]
        scale_n = np.sqrt(self.name_weight) / n_norm[per_row]
        counts.data *= np.where(words_part, scale_w, scale_n).astype(np.float32)
        return normalise(counts)

    def leads(self, docs: Sequence[ClusterDoc]) -> sparse.csr_matrix:
        """One L2-normalised row of word TF-IDF per document, from its lead only
        (:func:`lead_text`; ``WORD_FEATURES`` columns, the same as the word part of
        :meth:`vectors`), weighed with the document frequencies as they stand (call after
        :meth:`vectors` for the same batch; the leads are not counted again)."""
        counts = self._words.transform([lead_text(d) for d in docs]).astype(np.float32).tocsr()
        counts.sum_duplicates()
        counts.data = (1.0 + np.log(counts.data)) * self.frequencies.idf(counts.indices)
        return normalise(counts)


def lead_text(doc: ClusterDoc) -> str:
    """The title and the first ``LEAD_WORDS`` words of the text: where a news article states its
    event (what happened, to whom, where), before the background the body goes on to."""
    words = doc.text.split(maxsplit=LEAD_WORDS)[:LEAD_WORDS]
    return "\n".join([doc.title or "", " ".join(words)])


def _full_text(doc: ClusterDoc) -> str:
    if doc.title:
        return "\n".join([doc.title] * TITLE_REPEAT + [doc.text])
    return doc.text


def _row_norms(mat: sparse.csr_matrix, mask: np.ndarray) -> np.ndarray:
    per_row = np.repeat(np.arange(mat.shape[0]), np.diff(mat.indptr))
    sq = np.bincount(per_row[mask], weights=mat.data[mask] ** 2, minlength=mat.shape[0])
    norms = np.sqrt(sq)
    norms[norms == 0.0] = 1.0
    return norms


def normalise(mat: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows scaled to unit length (zero rows stay zero)."""
    mat = mat.tocsr().astype(np.float32)
    sq = np.asarray(mat.multiply(mat).sum(axis=1)).ravel()
    norms = np.sqrt(sq).astype(np.float32)
    norms[norms == 0.0] = 1.0
    mat.data /= np.repeat(norms, np.diff(mat.indptr))
    return mat


def prune(row: sparse.csr_matrix, keep: int) -> sparse.csr_matrix:
    """A one-row matrix cut to its ``keep`` largest entries (bounds a story centroid's size)."""
    if row.nnz <= keep:
        return row
    top = np.argpartition(-np.abs(row.data), keep)[:keep]
    top.sort()
    return sparse.csr_matrix(
        (row.data[top], row.indices[top], np.array([0, keep])), shape=row.shape
    )


def dots(a: sparse.csr_matrix, b: sparse.csr_matrix | Prepared) -> np.ndarray:
    """All dot products of the rows of ``a`` with the rows of ``b``, as a dense array.

    Both are mapped onto the columns ``b`` uses before multiplying: a product of matrices with
    2**18 hashed columns otherwise spends most of its time building a transpose's index. A
    ``b`` searched often is mapped once with :func:`prepare`."""
    prep = b if isinstance(b, Prepared) else prepare(b)
    out_shape = (a.shape[0], prep.rows)
    cols = prep.cols
    if not len(cols) or not a.nnz:
        return np.zeros(out_shape, dtype=np.float32)
    pos = np.minimum(np.searchsorted(cols, a.indices), len(cols) - 1)
    hit = cols[pos] == a.indices
    a_c = sparse.csr_matrix(
        (np.where(hit, a.data, 0.0), np.where(hit, pos, 0), a.indptr.copy()),
        shape=(a.shape[0], len(cols)),
    )
    a_c.eliminate_zeros()  # in place: hence the copy of the index pointer above
    return np.asarray((a_c @ prep.mapped_t).toarray(), dtype=np.float32)


class Prepared:
    """A matrix mapped onto the columns it uses, transposed, ready for :func:`dots`."""

    __slots__ = ("cols", "mapped_t", "rows")

    def __init__(self, cols: np.ndarray, mapped_t: sparse.csr_matrix, rows: int) -> None:
        self.cols = cols
        self.mapped_t = mapped_t
        self.rows = rows


def prepare(b: sparse.csr_matrix) -> Prepared:
    cols = np.unique(b.indices)
    mapped = sparse.csr_matrix(
        (b.data, np.searchsorted(cols, b.indices), b.indptr), shape=(b.shape[0], len(cols))
    )
    return Prepared(cols, mapped.T.tocsr(), b.shape[0])


def dot(a: sparse.csr_matrix, b: sparse.csr_matrix) -> float:
    """Dot product of two one-row matrices with sorted column indices."""
    _, ia, ib = np.intersect1d(a.indices, b.indices, assume_unique=True, return_indices=True)
    return float(np.dot(a.data[ia], b.data[ib]))


def row_sum(mat: sparse.csr_matrix) -> sparse.csr_matrix:
    """The sum of the rows, as a one-row sparse matrix (no dense 2**18-wide intermediate)."""
    ones = sparse.csr_matrix(np.ones((1, mat.shape[0]), dtype=np.float32))
    out = (ones @ mat).tocsr()
    out.sum_duplicates()
    return out
