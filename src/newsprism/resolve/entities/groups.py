"""Event groups: the articles of a story that report one event, when a story holds several.

A story built by a clusterer, or handed in by a user, may mix reports of two events of one
kind (two earthquakes, two shootings at two offices). Names keep their identity across them,
but a common noun does not: "the gunman" of one shooting is not "the gunman" of the other.
``event_groups`` splits the articles by their vocabulary: TF-IDF vectors of the words of each
article (log term frequency, idf over the story), grouped by average linkage until the groups
share less than ``GROUP_SIMILARITY``; a group of fewer than ``MIN_GROUP`` articles joins the
group it shares most with. A story of fewer than ``2 * MIN_GROUP`` articles is one group, and
so is one above ``MAX_ARTICLES`` (the linkage is quadratic in the number of articles).
"""

from __future__ import annotations

import re

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import CountVectorizer

from ...language import STOP_WORDS
from ...model import AnnotatedArticle

GROUP_SIMILARITY = 0.05  # average cosine below which two groups of articles are two events
MIN_GROUP = 5  # articles an event group needs; smaller groups join their nearest group
MAX_ARTICLES = 3000  # above this a story is one group

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")


def event_groups(articles: list[AnnotatedArticle]) -> dict[str, int]:
    """source id -> event group (0, 1, ...); every article is in group 0 unless the story
    clearly holds several events."""
    ids = [a.source_id for a in articles]
    n = len(ids)
    if n < 2 * MIN_GROUP or n > MAX_ARTICLES:
        return dict.fromkeys(ids, 0)
    sim = _similarities(articles)
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - GROUP_SIMILARITY, criterion="distance")
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(i)
    members = list(groups.values())
    while len(members) > 1:
        small = [g for g in members if len(g) < MIN_GROUP]
        if not small:
            break
        g = min(small, key=len)
        others = [h for h in members if h is not g]
        nearest = max(others, key=lambda h: float(sim[np.ix_(g, h)].mean()))
        nearest.extend(g)
        members = [h for h in members if h is not g]
    members.sort(key=min)  # group 0 holds the first article
    return {ids[i]: k for k, g in enumerate(members) for i in g}


def _similarities(articles: list[AnnotatedArticle]) -> np.ndarray:
    """Cosine similarities of the articles' word vectors (log tf x idf over the story)."""
    counts = CountVectorizer(token_pattern=_WORD.pattern, lowercase=True, dtype=np.float64)
    mat = counts.fit_transform(a.article.text for a in articles).tocsc()
    keep = [j for j, w in enumerate(counts.get_feature_names_out()) if w not in STOP_WORDS]
    mat = mat[:, keep].tocsr()
    n = mat.shape[0]
    df = np.bincount(mat.indices, minlength=mat.shape[1])
    idf = np.log((n + 1) / (df + 0.5))
    mat.data = 1.0 + np.log(mat.data)
    mat = mat.multiply(idf.reshape(1, -1)).tocsr()
    norms = np.sqrt(np.asarray(mat.multiply(mat).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    mat = sparse.diags(1.0 / norms) @ mat
    return np.asarray((mat @ mat.T).todense())
