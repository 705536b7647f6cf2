"""Incremental story clustering: a stream of articles -> stories, with stable story ids.

``StoryClusterer.add(docs)`` places each new article in the story whose centroid it is most
similar to (cosine of hashed TF-IDF words + capitalised names, see :mod:`.features`), if that
similarity reaches ``Options.cluster_join`` and the story is active within
``Options.cluster_window_days`` of the article's date; otherwise it starts a story. Candidate
stories come from the nearest documents in a vector index (:mod:`.index`) plus the earlier
articles of the same batch, so the cost of an article does not grow with the stream.

After each batch the stories it touched are checked:

- **merge**: two stories whose centroids reach ``cluster_merge`` become one; the older id stays;
- **split**: a story that has doubled in size since its last check is bisected (spherical
  2-means on its members in the window); if the two halves' centroids are below
  ``cluster_split``, the half holding the story's oldest article keeps the id and the other half
  becomes a new story.

Stories are then grouped (:mod:`.groups`): related stories, e.g. two earthquakes in one region,
share a group id (:meth:`StoryClusterer.groups`), re-grouped by average linkage of their articles
over the touched stories' neighbourhood after each batch.

Memory is bounded by the window: documents older than the window (or beyond
``cluster_max_docs``) leave the index, and stories with no article in the window stop taking
new ones (their members keep their story id in :meth:`StoryClusterer.assignments`). A caller
that keeps the assignments itself (the store) makes the clusterer with ``remember=False`` and
reads what each batch changed with :meth:`StoryClusterer.take_changes`: then the clusterer
forgets the articles and stories that left the window, and neither its memory nor its state
grows with the stream.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
from scipy import sparse

from ..model import ClusterChanges, ClusterDoc
from ..options import Options, load_options
from .features import (
    FEATURES,
    WORD_FEATURES,
    DocFrequencies,
    Vectoriser,
    dot,
    dots,
    normalise,
    prune,
    row_sum,
)
from .groups import MAX_NEIGHBOURHOOD, average_linkage, group_similarities, name_parts
from .index import VectorIndex, make_index

__all__ = ["ClusterDoc", "StoryClusterer"]

STATE_VERSION = 3  # 3: story and article leads (for the groups)
SUB_BATCH = 512  # articles placed against one index search
SPLIT_MIN = 6  # a story is only bisected from this size on, each half at least a third of it
DAY = 86_400.0
GROUP_SEARCH = 4  # re-grouping looks this many times further than placing (cluster_neighbours)


@dataclass(slots=True)
class _Story:
    id: str
    created: int  # creation order of the story id (older = smaller)
    first: float  # earliest and latest article time (epoch seconds)
    last: float
    size: int
    total: sparse.csr_matrix  # sum of its members' vectors (pruned), a 1 x FEATURES row
    norm: float
    members: list[int] = field(default_factory=list)  # keys of its articles still in the window
    checked: int = 0  # size at the last split check
    # sum of its members' lead rows (pruned), a 1 x WORD_FEATURES row: what the story is about
    lead: sparse.csr_matrix = field(default_factory=lambda: _empty(1, WORD_FEATURES))

    def add(self, row: sparse.csr_matrix, keep: int, lead: sparse.csr_matrix | None = None) -> None:
        self.total = prune((self.total + row).tocsr(), keep)
        self.norm = float(np.sqrt(self.total.multiply(self.total).sum()))
        if lead is not None:
            self.lead = prune((self.lead + lead).tocsr(), keep)

    def centroid(self) -> sparse.csr_matrix:
        return self.total / (self.norm or 1.0)


@dataclass(slots=True)
class _Doc:
    id: str
    story: str
    time: float
    row: sparse.csr_matrix
    lead: sparse.csr_matrix  # its lead's word row (Vectoriser.leads)


def _empty(rows: int, cols: int = FEATURES) -> sparse.csr_matrix:
    return sparse.csr_matrix((rows, cols), dtype=np.float32)


def _epoch(published: datetime | None) -> float | None:
    if published is None:
        return None
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return published.timestamp()


class StoryClusterer:
    """Online story clustering; see the module docstring."""

    def __init__(self, options: Options | None = None, *, remember: bool = True) -> None:
        self.options = options or load_options()
        self.remember = remember  # keep every article's story (False: only the window's)
        self._vec = Vectoriser(self.options.cluster_name_weight, prior=self.options.cluster_prior_docs)
        self._index: VectorIndex = make_index(self.options.cluster_index)
        self._docs: dict[int, _Doc] = {}  # key -> document in the window
        self._stories: dict[str, _Story] = {}  # active stories
        self._story_of: dict[str, str] = {}  # every document id -> story id when last placed
        self._alias: dict[str, str] = {}  # merged story id -> the story it went into
        self._seq = 0  # document keys
        self._story_seq = 0
        self._now = 0.0  # latest article time seen
        self._group_of: dict[str, str] = {}  # story id -> its group id
        self._group_seq = 0
        self._fresh: set[str] = set()  # stories made by splits during this batch
        # what changed since the last take_changes()
        self._log_docs: dict[str, str] = {}
        self._log_merged: list[tuple[str, str]] = []
        self._log_groups: set[str] = set()

    # ------------------------------------------------------------------ public

    def add(self, docs: Sequence[ClusterDoc]) -> dict[str, str]:
        """Place new articles; returns each new article's story id (already seen ids are
        skipped). Stories touched by the batch may then merge or split."""
        seen: set[str] = set()
        fresh = []
        for d in docs:
            if d.id not in self._story_of and d.id not in seen:
                seen.add(d.id)
                fresh.append(d)
        touched: set[str] = set()
        for start in range(0, len(fresh), SUB_BATCH):
            touched |= self._place(fresh[start : start + SUB_BATCH])
        self._merge(touched)
        self._split(touched)
        self._regroup({self._resolve(sid) for sid in touched} | self._fresh)
        self._fresh = set()
        placed = {d.id: self._resolve(self._story_of[d.id]) for d in fresh}
        self._expire()
        return placed

    def take_changes(self) -> ClusterChanges:
        """What changed since the last call: the story of every article placed or moved, the
        stories merged into another (in order: apply them before the placements) and the new
        group of every story whose group changed."""
        out = ClusterChanges(
            assigned={doc: self._resolve(sid) for doc, sid in self._log_docs.items()},
            merged=[(gone, self._resolve(keep)) for gone, keep in self._log_merged],
            groups={sid: self._group_of[sid] for sid in sorted(self._log_groups) if sid in self._group_of},
        )
        self._log_docs, self._log_merged, self._log_groups = {}, [], set()
        return out

    def assignments(self) -> dict[str, str]:
        """Every article seen -> its current story id (after merges and splits)."""
        return {doc: self._resolve(story) for doc, story in self._story_of.items()}

    def groups(self) -> dict[str, str]:
        """Every story id (merged ones included) -> its group: related stories (one kind of
        event, place or actors; e.g. two earthquakes in one region) whose centroids' mean cosine
        reaches ``Options.cluster_group`` (average linkage, see :mod:`.groups`)."""
        ids = set(self._story_of.values()) | set(self._alias) | set(self._stories)
        out = {}
        for sid in ids:
            live = self._resolve(sid)
            # a story not grouped yet (none after a batch) is a group of its own
            out[sid] = self._group_of.get(live) or self._group_of.get(sid) or f"group-{live}"
        return out

    def _new_group_id(self) -> str:
        gid = f"group-{self._group_seq:06d}"
        self._group_seq += 1
        return gid

    def _regroup(self, touched: set[str]) -> None:
        """Re-groups the touched stories' neighbourhood (see :mod:`.groups`)."""
        ids, near = self._near_stories(touched, GROUP_SEARCH * self.options.cluster_neighbours)
        if not ids:
            return
        hood = list(ids)
        for sid in sorted(set().union(*near) - set(ids)):
            hood.append(sid)
        grouped = {self._group_of[s] for s in hood if s in self._group_of}
        hood += sorted(s for s in self._stories if s not in set(hood) and self._stories[s].members
                       and self._group_of.get(s) in grouped)  # fmt: skip
        hood = hood[:MAX_NEIGHBOURHOOD]
        sizes = np.array([self._stories[s].size for s in hood], dtype=np.float64)
        sims = group_similarities(sparse.vstack([self._stories[s].total for s in hood], format="csr"),
                                  sparse.vstack([self._stories[s].lead for s in hood], format="csr"), sizes)
        labels = average_linkage(sims, self.options.cluster_group, sizes)
        named = name_parts(hood, labels, self._group_of, self._new_group_id)
        self._log_groups.update(sid for sid, gid in named.items() if self._group_of.get(sid) != gid)
        self._group_of.update(named)

    def _near_stories(self, touched: set[str], k: int) -> tuple[list[str], list[set[str]]]:
        """Touched active stories and, for each, the other active stories of the documents
        nearest to its centroid."""
        ids = sorted(sid for sid in touched if sid in self._stories and self._stories[sid].members)
        if not ids:
            return [], []
        cents = sparse.vstack([self._stories[sid].centroid() for sid in ids], format="csr")
        found, _ = self._index.search(cents, k)
        near = []
        for sid, keys in zip(ids, found, strict=True):
            cands = {self._resolve(self._docs[int(k)].story) for k in keys if int(k) in self._docs}
            near.append({c for c in cands if c != sid and c in self._stories})
        return ids, near

    def stories(self) -> dict[str, list[str]]:
        """Current story id -> its article ids, in the order they were added."""
        out: dict[str, list[str]] = {}
        for doc, story in self.assignments().items():
            out.setdefault(story, []).append(doc)
        return out

    # ------------------------------------------------------------------ placing

    def _place(self, docs: list[ClusterDoc]) -> set[str]:
        """Places one sub-batch. Similarities to the stories as they were before the batch come
        from one product; the batch's own earlier articles are added on top, so each article
        sees the stories exactly as the articles before it left them."""
        opts = self.options
        rows = self._vec.vectors(docs)
        leads = self._vec.leads(docs)
        keys = np.arange(self._seq, self._seq + len(docs), dtype=np.int64)
        self._seq += len(docs)
        found, _ = self._index.search(rows, opts.cluster_neighbours)
        near = [{self._resolve(self._docs[int(k)].story) for k in found[i] if int(k) in self._docs}
                for i in range(len(docs))]  # fmt: skip
        known = sorted(set().union(*near) & set(self._stories)) if near else []
        col = {sid: j for j, sid in enumerate(known)}
        base = (dots(rows, sparse.vstack([self._stories[s].total for s in known], format="csr"))
                if known else np.zeros((len(docs), 0), dtype=np.float32))  # fmt: skip
        inside = dots(rows, rows)
        norm2 = {sid: self._stories[sid].norm ** 2 for sid in known}
        added: dict[str, list[int]] = {}  # story -> batch positions placed in it
        window = opts.cluster_window_days * DAY
        touched: set[str] = set()
        for i, doc in enumerate(docs):
            t = _epoch(doc.published)
            t = self._now if t is None else t
            self._now = max(self._now, t)
            earlier = np.argsort(-inside[i, :i])[: opts.cluster_neighbours]
            candidates = near[i] | {self._docs[int(keys[j])].story for j in earlier}
            best, best_sim, best_num = None, opts.cluster_join, 0.0
            for sid in sorted(candidates):
                story = self._stories.get(sid)
                if story is None or t > story.last + window or t < story.first - window:
                    continue
                num = float(base[i, col[sid]]) if sid in col else 0.0
                num += float(sum(inside[i, j] for j in added.get(sid, ())))
                n2 = norm2.get(sid, 0.0)
                sim = num / np.sqrt(n2) if n2 > 0 else 0.0
                if sim >= best_sim:
                    best, best_sim, best_num = story, sim, num
            if best is None:
                best = self._new_story(t)
                best_num = 0.0
            norm2[best.id] = norm2.get(best.id, 0.0) + 2 * best_num + float(inside[i, i])
            added.setdefault(best.id, []).append(i)
            best.size += 1
            best.first, best.last = min(best.first, t), max(best.last, t)
            best.members.append(int(keys[i]))
            self._docs[int(keys[i])] = _Doc(doc.id, best.id, t, rows[i], leads[i])
            self._story_of[doc.id] = best.id
            self._log_docs[doc.id] = best.id
            touched.add(best.id)
        for sid, positions in added.items():
            self._stories[sid].add(row_sum(rows[positions]), opts.cluster_centroid_terms,
                                   row_sum(leads[positions]))  # fmt: skip
        self._index.add(keys, rows)
        return touched

    def _new_story(self, t: float) -> _Story:
        sid = f"story-{self._story_seq:06d}"
        story = _Story(sid, self._story_seq, t, t, 0, _empty(1), 0.0)
        self._story_seq += 1
        self._stories[sid] = story
        return story

    def _resolve(self, sid: str) -> str:
        while sid in self._alias:
            sid = self._alias[sid]
        return sid

    # ------------------------------------------------------------------ merge and split

    def _merge(self, touched: set[str]) -> None:
        window = self.options.cluster_window_days * DAY
        ids, near = self._near_stories(touched, self.options.cluster_neighbours)
        if not ids:
            return
        others = sorted(set().union(*near))
        sims = _cosines([self._stories[sid].total for sid in ids],
                        [self._stories[oid].total for oid in others])  # fmt: skip
        col = {oid: j for j, oid in enumerate(others)}
        for i, (sid, cands) in enumerate(zip(ids, near, strict=True)):
            story = self._stories.get(sid)
            if story is None:  # merged into another story earlier in this pass
                continue
            best, best_sim = None, self.options.cluster_merge
            for oid in sorted(cands):
                other = self._stories.get(oid)
                if other is None or other.first > story.last + window:
                    continue
                if story.first > other.last + window:
                    continue
                if sims[i, col[oid]] >= best_sim:
                    best, best_sim = other, sims[i, col[oid]]
            if best is not None:
                self._join(story, best)

    def _join(self, a: _Story, b: _Story) -> None:
        keep, gone = (a, b) if a.created <= b.created else (b, a)
        keep.add(gone.total, self.options.cluster_centroid_terms, gone.lead)
        keep.size += gone.size
        keep.first, keep.last = min(keep.first, gone.first), max(keep.last, gone.last)
        keep.members.extend(gone.members)
        for k in gone.members:
            self._docs[k].story = keep.id
        self._alias[gone.id] = keep.id
        self._log_merged.append((gone.id, keep.id))
        self._group_of.pop(gone.id, None)  # it is in its keeper's group now
        del self._stories[gone.id]

    def _split(self, touched: set[str]) -> None:
        for sid in sorted({self._resolve(s) for s in touched}):
            story = self._stories.get(sid)
            if story is None or len(story.members) < SPLIT_MIN:
                continue
            if story.size < 2 * max(story.checked, SPLIT_MIN // 2):
                continue
            story.checked = story.size
            members = sorted(story.members)
            mat = sparse.vstack([self._docs[k].row for k in members], format="csr")
            part = _bisect(mat)
            if part is None:
                continue
            c0 = normalise(row_sum(mat[part == 0]))
            c1 = normalise(row_sum(mat[part == 1]))
            if dot(c0, c1) >= self.options.cluster_split:
                continue
            small = min(int(part.sum()), int((part == 0).sum()))
            if small * 3 < len(members):
                continue
            moved = [k for k, p in zip(members, part, strict=True) if p != part[0]]
            self._detach(story, moved, mat[part != part[0]])

    def _detach(self, story: _Story, moved: list[int], rows: sparse.csr_matrix) -> None:
        keep = self.options.cluster_centroid_terms
        times = [self._docs[k].time for k in moved]
        new = self._new_story(min(times))
        new.last = max(times)
        new.add(row_sum(rows), keep, row_sum(sparse.vstack([self._docs[k].lead for k in moved], format="csr")))
        new.size = len(moved)
        new.members = moved
        new.checked = new.size
        if story.id in self._group_of:
            self._group_of[new.id] = self._group_of[story.id]
            self._log_groups.add(new.id)
        self._fresh.add(new.id)
        gone = set(moved)
        story.members = [k for k in story.members if k not in gone]
        story.size -= len(moved)
        story.total, story.lead = _empty(1), _empty(1, WORD_FEATURES)
        story.add(row_sum(sparse.vstack([self._docs[k].row for k in story.members], format="csr")), keep,
                  row_sum(sparse.vstack([self._docs[k].lead for k in story.members], format="csr")))  # fmt: skip
        for k in moved:
            self._docs[k].story = new.id
            self._story_of[self._docs[k].id] = new.id
            self._log_docs[self._docs[k].id] = new.id

    # ------------------------------------------------------------------ window

    def _expire(self) -> None:
        opts = self.options
        horizon = self._now - opts.cluster_window_days * DAY
        old = [k for k, d in self._docs.items() if d.time < horizon]
        excess = len(self._docs) - len(old) - opts.cluster_max_docs
        if excess > 0:  # oldest first (keys grow with arrival)
            young = sorted(k for k, d in self._docs.items() if d.time >= horizon)
            old.extend(young[:excess])
        if not old:
            return
        self._index.remove(np.asarray(old, dtype=np.int64))
        gone = set(old)
        for k in old:
            doc = self._docs.pop(k)
            if not self.remember:
                self._story_of.pop(doc.id, None)
        for sid in list(self._stories):
            story = self._stories[sid]
            story.members = [k for k in story.members if k not in gone]
            if not story.members and story.last < horizon:
                del self._stories[sid]
                if not self.remember:
                    self._group_of.pop(sid, None)
                    self._log_groups.discard(sid)

    # ------------------------------------------------------------------ state

    def to_state(self) -> bytes:
        """Everything needed to continue the stream, as bytes (numpy ``.npz``; no pickle)."""
        doc_keys = sorted(self._docs)
        story_ids = sorted(self._stories)
        doc_rows = _stack([self._docs[k].row for k in doc_keys], FEATURES)
        doc_leads = _stack([self._docs[k].lead for k in doc_keys], WORD_FEATURES)
        totals = _stack([self._stories[s].total for s in story_ids], FEATURES)
        leads = _stack([self._stories[s].lead for s in story_ids], WORD_FEATURES)
        meta = {
            "version": STATE_VERSION,
            "seq": self._seq,
            "story_seq": self._story_seq,
            "now": self._now,
            "n_docs": self._vec.frequencies.n_docs,
            "story_of": self._story_of,
            "alias": self._alias,
            "groups": self._group_of,
            "group_seq": self._group_seq,
            "docs": [[k, self._docs[k].id, self._docs[k].story, self._docs[k].time]
                     for k in doc_keys],
            "stories": [[s.id, s.created, s.first, s.last, s.size, s.members, s.checked]
                        for s in (self._stories[sid] for sid in story_ids)],
        }  # fmt: skip
        buf = io.BytesIO()
        np.savez_compressed(
            buf,
            meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
            df=self._vec.frequencies.df,
            **_csr_arrays("doc", doc_rows),
            **_csr_arrays("story", totals),
            **_csr_arrays("doclead", doc_leads),
            **_csr_arrays("storylead", leads),
        )
        return buf.getvalue()

    @classmethod
    def from_state(cls, data: bytes, options: Options | None = None, *, remember: bool = True) -> StoryClusterer:
        """A clusterer that continues where the one that wrote ``data`` stopped."""
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            meta = json.loads(npz["meta"].tobytes().decode("utf-8"))
            if meta.get("version") not in (1, 2, STATE_VERSION):
                raise ValueError(f"clusterer state version {meta.get('version')!r} is not "
                                 f"{STATE_VERSION}; re-cluster from the articles")
            df = npz["df"].astype(np.int64)
            doc_rows = _csr_from(npz, "doc")
            totals = _csr_from(npz, "story")
            # before version 3 there were no leads: a story's and an article's whole vector stands in
            doc_leads = _csr_from(npz, "doclead", WORD_FEATURES) if "doclead_rows" in npz \
                else _words_only(doc_rows)  # fmt: skip
            old_leads = "storylead_rows" not in npz
            leads = _words_only(totals) if old_leads else _csr_from(npz, "storylead", WORD_FEATURES)
        self = cls(options, remember=remember)
        self._vec.frequencies = DocFrequencies(df, int(meta["n_docs"]), self.options.cluster_prior_docs)
        self._seq, self._story_seq, self._now = meta["seq"], meta["story_seq"], meta["now"]
        self._story_of = dict(meta["story_of"])
        self._alias = dict(meta["alias"])
        if "groups" in meta:
            self._group_of = dict(meta["groups"])
            self._group_seq = int(meta["group_seq"])
        else:  # version 1: threads by union-find; each thread becomes the group of its root story
            parent = dict(meta["parent"])
            for sid in set(meta["story_of"].values()) | set(parent):
                root = sid
                while root in parent:
                    root = parent[root]
                self._group_of[sid] = f"group-{root}"
        keys = []
        for i, (k, did, sid, t) in enumerate(meta["docs"]):
            self._docs[int(k)] = _Doc(did, sid, float(t), doc_rows[i], doc_leads[i])
            keys.append(int(k))
        for i, (sid, created, first, last, size, members, checked) in enumerate(meta["stories"]):
            total = totals[i]
            norm = float(np.sqrt(total.multiply(total).sum()))
            lead = leads[i] * float(size) if old_leads else leads[i]  # a sum of unit rows, like its total
            self._stories[sid] = _Story(sid, created, first, last, size, total, norm,
                                        list(members), checked, lead)  # fmt: skip
        if keys:
            self._index.add(np.asarray(keys, dtype=np.int64), doc_rows)
        return self


def _cosines(a: list[sparse.csr_matrix], b: list[sparse.csr_matrix]) -> np.ndarray:
    """Cosines of every row of ``a`` with every row of ``b``, from one product."""
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    return dots(normalise(sparse.vstack(a, format="csr")), normalise(sparse.vstack(b, format="csr")))


def _bisect(mat: sparse.csr_matrix, rounds: int = 8) -> np.ndarray | None:
    """Spherical 2-means of the rows, seeded with the row least like the centroid and the row
    least like that one; ``None`` when the rows do not fall into two groups."""
    centre = normalise(row_sum(mat))
    a = int(np.argmin(dots(mat, centre).ravel()))
    b = int(np.argmin(dots(mat, mat[a]).ravel()))
    if a == b:
        return None
    seeds = sparse.vstack([mat[a], mat[b]], format="csr")
    part = np.zeros(mat.shape[0], dtype=np.int64)
    for _ in range(rounds):
        sims = dots(mat, seeds)
        new = np.argmax(sims, axis=1)
        if new.min() == new.max():
            return None
        if np.array_equal(new, part):
            break
        part = new
        seeds = normalise(sparse.vstack([row_sum(mat[part == g]) for g in (0, 1)], format="csr"))
    return part


def _csr_arrays(prefix: str, mat: sparse.csr_matrix) -> dict[str, np.ndarray]:
    return {
        f"{prefix}_data": mat.data.astype(np.float32),
        f"{prefix}_indices": mat.indices.astype(np.int64),
        f"{prefix}_indptr": mat.indptr.astype(np.int64),
        f"{prefix}_rows": np.array([mat.shape[0]], dtype=np.int64),
    }


def _csr_from(npz: np.lib.npyio.NpzFile, prefix: str, cols: int = FEATURES) -> sparse.csr_matrix:
    n = int(npz[f"{prefix}_rows"][0])
    return sparse.csr_matrix(
        (npz[f"{prefix}_data"], npz[f"{prefix}_indices"], npz[f"{prefix}_indptr"]),
        shape=(n, cols),
    )


def _stack(rows: list[sparse.csr_matrix], cols: int) -> sparse.csr_matrix:
    return sparse.vstack(rows, format="csr") if rows else _empty(0, cols)


def _words_only(mat: sparse.csr_matrix) -> sparse.csr_matrix:
    """The word columns of full rows, normalised: the stand-in for leads a version 2 state lacks."""
    return normalise(mat[:, :WORD_FEATURES])
