"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.annotate import load_pipeline
from newsprism.options import Options, load_options

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "khan-shaykhun"
EXAMPLE_JSONL = ROOT / "examples" / "khan-shaykhun-jsonl" / "articles.jsonl"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def options() -> Options:
    return load_options(progress=False)


@pytest.fixture(scope="session")
def nlp(options: Options):
    return load_pipeline(options)
