"""Story groups: the second level of the clustering (stories -> groups of related stories).

A story is one event; a group gathers related events of one kind, place or set of actors (two
floods in two countries in the same week, a team's two matches). Groups are kept up to date
incrementally, by average linkage over story centroids:

- after each batch, the stories the batch touched, the stories nearest to them and every other
  active story already grouped with any of those form a **neighbourhood** (at most
  ``MAX_NEIGHBOURHOOD`` stories, nearest first);
- the neighbourhood is clustered again by average-linkage agglomerative clustering on the
  stories' similarity (each story counts once, whatever its size), cut where the mean
  similarity between two parts falls below ``Options.cluster_group``. Two stories are as similar
  as the closest of three views of their centroids: the words (the same kind of event: two
  floods in two countries share "river", "burst", "homes", not a name), the names (the same
  actors or place: two court rulings on one company), or the words of their leads (titles and
  opening words, where an article says what happened before the background: two obituaries
  share "died", "aged", "star" there however different the two lives told below);
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
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from .features import WORD_FEATURES, dots, normalise

MAX_NEIGHBOURHOOD = 400  # most stories re-grouped after one batch


def group_similarities(totals: sparse.csr_matrix, leads: sparse.csr_matrix) -> np.ndarray:
    """Pairwise similarity of stories: the largest of three cosines of their centroids, on the
    words of the whole articles, on their names, and on the words of their leads (titles and
    first words, where each article states its event; see ``features.lead_text``)."""
    out = dots(normalise(leads), normalise(leads))
    for words in (True, False):
        part = totals.tocsr(copy=True)
        keep = (part.indices < WORD_FEATURES) if words else (part.indices >= WORD_FEATURES)
        part.data[~keep] = 0.0
        part.eliminate_zeros()
        part = normalise(part)
        out = np.maximum(out, dots(part, part))
    return out


def average_linkage(sims: np.ndarray, threshold: float) -> np.ndarray:
    """Cluster labels (0..k-1, in order of first appearance) of the rows of a square cosine
    matrix: average linkage, merging while the mean cosine between two parts is at least
    ``threshold``."""
    n = sims.shape[0]
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if n == 1:
        return np.zeros(1, dtype=np.int64)
    dist = 1.0 - np.clip((sims + sims.T) / 2.0, -1.0, 1.0)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    raw = fcluster(tree, t=1.0 - threshold, criterion="distance")
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
