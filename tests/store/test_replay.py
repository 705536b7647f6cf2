"""End to end: the bundled example's three articles replayed in publication order through a
store (ingest one, brief, ingest the next, brief --since last, ...) stay one story, and the last
step prints the toll revision and the new sides with their sources."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.store import Store

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "khan-shaykhun"
# publication order: The Conversation and TRT World on 4 April 2017, CBC News on 5 April
ORDER = ["000_the-conversation.txt", "003_trt-world.txt", "001_cbc-news.txt"]


def test_replaying_the_example_prints_the_toll_revision_and_new_sides(tmp_path: Path, nlp, options,
                                                                       monkeypatch) -> None:
    import newsprism.pipeline

    monkeypatch.setattr(newsprism.pipeline, "load_pipeline", lambda opts: nlp)  # the session's
    db = tmp_path / "news.db"
    story = None
    outputs = []
    for step, name in enumerate(ORDER):
        with Store(db, options, create=True) as st:
            st.ingest([str(EXAMPLE / name)], nlp=nlp)
            stories = st.stories()
        assert len(stories) == 1, [(s.id, s.article_ids) for s in stories]  # one event, one story
        story = story or stories[0].id
        assert stories[0].id == story and len(stories[0].article_ids) == step + 1
        out = tmp_path / f"v{step + 1}"
        args = ["brief", "--db", str(db), "--story", story, "-o", str(out), "-q"]
        res = CliRunner().invoke(app, args + (["--since", "last"] if step else []))
        assert res.exit_code == 0, res.output
        outputs.append((res.stdout, json.loads((out / "briefing.json").read_text())))
    printed, data = outputs[-1]
    ch = data["what_changed"]
    assert ch["since"]["version"] == 2
    killed = [f for f in ch["figures_revised"] if f["counts"] == "people killed"]
    assert len(killed) == 1
    rev = killed[0]
    assert rev["new"]["low"] == 86 and rev["cue"] == "had risen to"
    assert [r["outlet"] for r in rev["new"]["reported_by"]] == ["CBC News"]
    assert rev["new"]["reported_by"][0]["published"] == "2017-04-05"
    assert rev["old"]["low"] == 70 and rev["old"]["reported_by"][0]["outlet"] == "TRT World"
    texts = {s["id"]: s["text"] for s in data["sources"]}
    for r in rev["old"]["reported_by"] + rev["new"]["reported_by"]:
        assert texts[r["source_id"]][r["start"]:r["end"]] == r["text"]
    assert ch["sources_new"][0]["outlet"] == "CBC News"
    assert ch["sides_new"] and all(s["holders"] and s["evidence"] for s in ch["sides_new"])
    for s in ch["sides_new"]:
        for e in s["evidence"]:
            assert texts[e["source_id"]][e["start"]:e["end"]]
    # what the user sees on the terminal
    assert "what changed since version 2" in printed
    assert "people killed: at least 70 (TRT World" in printed and "→ 86 (CBC News" in printed
    assert "new side" in printed and "held by" in printed
    md = (tmp_path / "v3" / "briefing.md").read_text()
    assert "**people killed: at least 70" in md and '("had risen to")' in md
