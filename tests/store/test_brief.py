"""Briefing a story of the store: from stored annotations, each syndicated text counted once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsprism.briefing  # noqa: F401  (imported before a test patches annotate: it keeps the real one)
from newsprism.cli import app
from newsprism.render.json_out import to_dict, validate
from newsprism.render.markdown import render_markdown
from newsprism.store import Store, StoreError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "khan-shaykhun"


@pytest.fixture(scope="module")
def store_db(tmp_path_factory, nlp, options) -> Path:
    """The bundled example, plus a near copy of the CBC article under another outlet's name
    (its last two paragraphs trimmed, a new headline) and an exact copy of the TRT one."""
    folder = tmp_path_factory.mktemp("store")
    cbc = next(EXAMPLE.glob("*cbc*")).read_text(encoding="utf-8")
    paras = [p for p in cbc.split("\n\n") if p.strip()]
    trt = next(EXAMPLE.glob("*trt*")).read_text(encoding="utf-8")
    feed = folder / "mirror.jsonl"
    feed.write_text("\n".join([
        json.dumps({"id": "mirror-1", "text": "\n\n".join(paras[1:-2]), "outlet": "Mirror Wire",
                    "title": "Russia backs Syria at UN", "published": "2017-04-05"}),
        json.dumps({"id": "mirror-2", "text": trt, "outlet": "Mirror Wire"}),
    ]) + "\n", encoding="utf-8")
    db = folder / "news.db"
    with Store(db, options, create=True) as st:
        report = st.ingest([str(EXAMPLE), str(feed)], nlp=nlp)
    assert (report.added, report.annotated, report.exact_duplicates, report.near_duplicates) == (5, 3, 1, 1)
    return db


def _story_of(st: Store, article_id: str) -> str:
    return next(s.id for s in st.stories() if article_id in s.article_ids)


def test_brief_from_stored_annotations_counts_copies_once(store_db: Path, options, nlp, monkeypatch) -> None:
    import newsprism.annotate

    def no_parsing(*args, **kw):
        raise AssertionError("the store parsed an article it had annotations for")

    # the pipeline is still handed over (the event frame parses headlines and leads), but no
    # stored article is annotated again
    monkeypatch.setattr(newsprism.annotate, "annotate", no_parsing)
    with Store(store_db, options) as st:
        cbc = next(r[0] for r in st.conn.execute("SELECT id FROM articles WHERE id LIKE '%cbc%'"))
        sid = _story_of(st, cbc)
        summary = st.story(sid)
        assert "mirror-1" in summary.article_ids and summary.copies >= 1
        briefed = st.briefing_articles(sid)
        result = st.brief(sid, nlp)
    ids = [a.source_id for a in briefed]
    assert "mirror-1" not in ids and cbc in ids
    data = to_dict(result)
    validate(data, reference=True)
    assert data["story"]["id"] == sid
    src = next(s for s in data["sources"] if s["id"] == cbc)
    copy = next(c for c in src["republished_by"] if c["id"] == "mirror-1")
    assert copy["kind"] == "near" and copy["outlet"] == "Mirror Wire" and 0.5 < copy["similarity"] < 1.0
    # no quotation or figure comes from the copy: its evidence is the original's
    assert {q["source_id"] for q in data["quotes"]} <= set(ids)
    assert len(data["quotes"]) == sum(len(a.quotes) for a in briefed)
    md = render_markdown(data)
    assert "also published by: *Mirror Wire* (2017-04-05) (near copy" in md


def test_brief_versions_are_kept_once_per_article_set(store_db: Path, options) -> None:
    with Store(store_db, options) as st:
        sid = _story_of(st, "mirror-2")
        st.brief(sid)
        st.brief(sid)
        versions = st.briefing_versions(sid)
    assert len(versions) == 1 and "mirror-2" not in versions[0]["article_ids"]


def test_missing_annotations_are_made_and_kept(tmp_path: Path, nlp, options) -> None:
    db = tmp_path / "news.db"
    with Store(db, options, create=True) as st:
        st.ingest([str(next(EXAMPLE.glob("*trt*")))], annotate=False)
        (story,) = st.stories()
        first = st.annotated(story.article_ids, nlp)
        assert st.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1
        again = st.annotated(story.article_ids)  # stored now: no pipeline needed
    assert first == again and first[0].quotes


def test_brief_command_with_db(store_db: Path, options, tmp_path: Path) -> None:
    with Store(store_db, options) as st:
        sid = _story_of(st, "mirror-2")
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["brief", "--db", str(store_db), "--story", sid, "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    data = json.loads((out / "briefing.json").read_text())
    assert data["story"]["id"] == sid
    assert "Also published by (counted once): Mirror Wire, same text" in (out / "briefing.html").read_text()
    # the CBC article's "the death toll had risen to 86": a revision even in a first briefing
    assert "## Revisions reported in the sources" in (out / "briefing.md").read_text()
    assert data["what_changed"]["figures_revised"][0]["new"]["low"] == 86
    res = CliRunner().invoke(app, ["brief", "--db", str(store_db), "--story", "story-nope", "-o", str(out)])
    assert res.exit_code == 2 and "no story 'story-nope'" in res.output


def test_unknown_story_is_a_clear_error(store_db: Path, options) -> None:
    with Store(store_db, options) as st, pytest.raises(StoreError, match="no story"):
        st.brief("story-nope")


FIRE_1 = (
    "At least 12 workers were killed on Monday when a fire swept through the Redwater textile mill "
    "in Dunmore, fire officials said. Fire chief Maria Lenz said the blaze began in the dyeing hall "
    "shortly after the morning shift started. \"We could not reach the upper floor,\" Lenz said. "
    "The mill's owner, Ben Cole, said the company would cooperate with investigators."
)
FIRE_2 = (
    "The death toll from the Redwater textile mill fire in Dunmore rose to 19 on Tuesday, the county "
    "coroner said. The workers' union said the owners had ignored repeated warnings about faulty wiring "
    "in the dyeing hall. Mill owner Ben Cole denied that the company had received any warning. "
    "Fire chief Maria Lenz said investigators were examining the dyeing hall where the blaze began."
)


def test_brief_since_last_adds_what_changed(tmp_path: Path, nlp, options) -> None:
    first, second = tmp_path / "monday.jsonl", tmp_path / "tuesday.jsonl"
    first.write_text(json.dumps({"id": "fire-1", "text": FIRE_1, "outlet": "Dunmore Herald",
                                 "published": "2024-06-03", "title": "Mill fire kills 12 in Dunmore"}) + "\n")
    second.write_text(json.dumps({"id": "fire-2", "text": FIRE_2, "outlet": "County Radio",
                                  "published": "2024-06-04", "title": "Dunmore mill fire toll rises to 19"}) + "\n")
    db = tmp_path / "news.db"
    with Store(db, options, create=True) as st:
        st.ingest([str(first)], nlp=nlp)
        sid = _story_of(st, "fire-1")
        st.brief(sid, nlp)
        st.ingest([str(second)], nlp=nlp)
        assert _story_of(st, "fire-2") == sid
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["brief", "--db", str(db), "--story", sid, "--since", "last", "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    data = json.loads((out / "briefing.json").read_text())
    ch = data["what_changed"]
    assert ch["since"]["version"] == 1 and ch["since"]["article_ids"] == ["fire-1"]
    assert [s["source_id"] for s in ch["sources_new"]] == ["fire-2"]
    assert ch["quotes_new"] and all(q["source_id"] == "fire-2" for q in ch["quotes_new"])
    for q in ch["quotes_new"]:  # every item cites a span of the new briefing's sources
        src = next(s for s in data["sources"] if s["id"] == q["source_id"])
        assert src["text"][q["start"]:q["end"]]
    assert "## What changed since version 1" in (out / "briefing.md").read_text()
    assert "What changed since version 1" in (out / "briefing.html").read_text()
    with Store(db, options) as st:
        assert [v["version"] for v in st.briefing_versions(sid)] == [1, 2]
    # nothing new since the version just kept
    res = CliRunner().invoke(app, ["brief", "--db", str(db), "--story", sid, "--since", "2", "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    ch = json.loads((out / "briefing.json").read_text())["what_changed"]
    assert all(not v for k, v in ch.items() if k != "since")
    assert "Nothing new." in (out / "briefing.md").read_text()


def test_watch_reports_each_changed_story_once(tmp_path: Path, nlp, options, monkeypatch) -> None:
    import newsprism.pipeline

    monkeypatch.setattr(newsprism.pipeline, "load_pipeline", lambda opts: nlp)  # the session's
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "monday.jsonl").write_text(json.dumps({
        "id": "fire-1", "text": FIRE_1, "outlet": "Dunmore Herald", "published": "2024-06-03",
        "title": "Mill fire kills 12 in Dunmore"}) + "\n")
    db = tmp_path / "news.db"
    args = ["watch", str(feeds), "--db", str(db), "--once"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    (line,) = res.stdout.splitlines()
    assert line.endswith("new story, 1 article(s)")
    res = CliRunner().invoke(app, args)  # nothing new: no line
    assert res.exit_code == 0 and res.stdout == ""
    (feeds / "tuesday.jsonl").write_text(json.dumps({
        "id": "fire-2", "text": FIRE_2, "outlet": "County Radio", "published": "2024-06-04",
        "title": "Dunmore mill fire toll rises to 19"}) + "\n")
    res = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    (line,) = res.stdout.splitlines()
    story, title, changes = line.split("\t")
    assert "+1 source(s) (County Radio)" in changes
    data = json.loads((tmp_path / "out" / story / "briefing.json").read_text())
    assert data["what_changed"]["sources_new"][0]["source_id"] == "fire-2"
