from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.options import Options
from newsprism.store import Store
from newsprism.web.service import Library

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "khan-shaykhun"


@pytest.fixture(scope="session")
def web_library(tmp_path_factory: pytest.TempPathFactory, options: Options, nlp) -> Library:
    """The bundled example in a store, served by one Library for every web test."""
    db = tmp_path_factory.mktemp("web") / "news.db"
    with Store(db, options, create=True) as st:
        st.ingest([str(EXAMPLE)], nlp=nlp)
    return Library(db, options, nlp=nlp)
