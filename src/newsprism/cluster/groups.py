"""Story groups: the second level of the clustering (stories -> groups of related stories).

A story is one event; a group gathers related events of one kind, place or set of actors (two
floods in two countries in the same week, a team's two matches). Groups are kept up to date
incrementally, by average linkage of the stories' articles:

- after each batch, the stories the batch touched, the stories nearest to them and every other
  active story already grouped with any of those form a **neighbourhood** (at most
  ``MAX_NEIGHBOURHOOD`` stories, nearest first);
- the neighbourhood is clustered again by agglomerative clustering with average linkage over
  articles: two parts are as similar as the mean similarity of an article of one with an article
  of the other (a story of 20 articles weighs 20 times a story of one), and parts merge while
  that mean reaches ``Options.cluster_group``. Two articles are as similar as the larger of two
  cosines: of their whole vectors (words and names: the same kind of event, the same actors or
  place) and of their leads (titles and opening words, where an article says what happened
  before the background: two obituaries share "died", "aged", "star" there however different
  the two lives told below). Both means come from the stories' sums of article rows, so no
  article is read again;
- each part keeps the group id most of its stories had (an id goes to one part only, the
  largest); a part with no earlier group gets a new id.

Average linkage (not single linkage) keeps one story that resembles two groups from chaining
them together. Stories outside the neighbourhood, and stories that left the clustering window,
keep their group.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np
from scipy import sparse

from .features import dots

MAX_NEIGHBOURHOOD = 400  # most stories re-grouped after one batch


def group_similarities(totals: sparse.csr_matrix, leads: sparse.csr_matrix, sizes: np.ndarray) -> np.ndarray:
    """Pairwise similarity of stories: the mean cosine of an article of one with an article of
    the other, on their whole vectors (words and names) or on their leads (titles and first
    words, where each article states its event; see ``features.lead_text``), whichever is larger.

    ``totals`` and ``leads`` are the sums of the stories' unit article rows and ``sizes`` their
    article counts, so the mean over all article pairs is one product divided by the sizes. A
    mean over articles (not the cosine of two normalised centroids) does not reward a loose
    story: a centroid of articles on many subjects is short, and dividing by its length made
    such a story look close to everything."""
    sizes = np.maximum(np.asarray(sizes, dtype=np.float64), 1.0)
    pairs = np.outer(sizes, sizes)
    return np.maximum(dots(totals, totals), dots(leads, leads)) / pairs


def average_linkage(sims: np.ndarray, threshold: float, sizes: np.ndarray | None = None) -> np.ndarray:
    """Cluster labels (0..k-1, in order of first appearance) of the rows of a square similarity
    matrix: average linkage, merging the two most similar parts while their similarity is at
    least ``threshold``. With ``sizes`` (articles per row) a part's similarity to another is the
    mean over their articles, each row weighing its size (the rows are stories, and this is the
    average linkage of their articles); without, each row weighs one."""
    n = sims.shape[0]
    if n <= 1:
        return np.zeros(n, dtype=np.int64)
    s = (np.asarray(sims, dtype=np.float64) + np.asarray(sims, dtype=np.float64).T) / 2.0
    np.fill_diagonal(s, -np.inf)
    weight = np.ones(n) if sizes is None else np.maximum(np.asarray(sizes, dtype=np.float64), 1.0)
    raw = np.arange(n)
    while True:
        i, j = divmod(int(np.argmax(s)), n)
        if not s[i, j] >= threshold:
            break
        merged = (weight[i] * s[i] + weight[j] * s[j]) / (weight[i] + weight[j])
        s[i, :] = merged
        s[:, i] = merged
        s[i, i] = -np.inf
        s[j, :] = -np.inf
        s[:, j] = -np.inf
        weight[i] += weight[j]
        raw[raw == j] = i
    order: dict[int, int] = {}
    return np.array([order.setdefault(int(x), len(order)) for x in raw], dtype=np.int64)


def name_parts(
    story_ids: list[str], labels: np.ndarray, previous: dict[str, str], fresh: Callable[[], str]
) -> dict[str, str]:
    """Group id of each story: a part keeps the earlier group id most of its stories had (the
    largest part claims an id first; ties go to the smaller id), otherwise ``fresh()`` names it."""
    parts: dict[int, list[str]] = {}
    for sid, lab in zip(story_ids, labels, strict=True):
        parts.setdefault(int(lab), []).append(sid)
    taken: set[str] = set()
    out: dict[str, str] = {}
    for members in sorted(parts.values(), key=lambda m: (-len(m), min(m))):
        votes = Counter(previous[s] for s in members if s in previous)
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        name = next((gid for gid, _ in ranked if gid not in taken), None) or fresh()
        taken.add(name)
        for s in members:
            out[s] = name
    return out
