"""The web app's store access: one read connection per worker thread that never waits for the
writer, kept briefings used as they are, entity pages over every story of the store."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

import pytest

from newsprism.options import Options
from newsprism.store import Store
from newsprism.web.service import Library

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "khan-shaykhun"

# an invented second story, nothing like the example: a cup final
FINAL = [
    ("final-1.txt", "Rovers win the cup\n\nRovers beat United 3-1 in the cup final on Saturday, "
     "coach Elena Marsh said after the match.\n\nMarsh said the team had trained for this all season."),
    ("final-2.txt", "Cup final: Rovers 3 United 1\n\nElena Marsh, the Rovers coach, praised her players after "
     "Saturday's cup final.\n\n\"We earned it,\" Marsh said. United's captain said the better team won."),
]


@pytest.fixture(scope="module")
def two_stories(tmp_path_factory: pytest.TempPathFactory, options: Options, nlp) -> Path:
    folder = tmp_path_factory.mktemp("final")
    for name, text in FINAL:
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "news.db"
    with Store(db, options, create=True) as st:
        st.ingest([str(EXAMPLE)], nlp=nlp)
        st.ingest([str(folder / name) for name, _ in FINAL], nlp=nlp)
        assert len(st.stories()) >= 2
    return db


def test_a_thread_keeps_its_read_connection(two_stories: Path, options: Options) -> None:
    lib = Library(two_stories, options)
    with lib.reader() as a, lib.reader() as b:
        assert a is b
    other: list[Store] = []
    t = threading.Thread(target=lambda: other.append(lib.reader().__enter__()))
    t.start()
    t.join()
    with lib.reader() as mine:
        assert other and other[0] is not mine and other[0].readonly


def test_reads_go_on_while_another_connection_writes(two_stories: Path, options: Options) -> None:
    lib = Library(two_stories, options)
    before = len(lib.stories())
    writer = sqlite3.connect(two_stories, isolation_level=None, timeout=0.1)
    try:
        writer.execute("BEGIN IMMEDIATE")  # the store's write lock, held by another connection
        writer.execute("UPDATE articles SET title = 'Held by the writer' WHERE n = 1")
        assert len(lib.stories()) == before  # answered, from the last committed state
        assert lib.search("Elena Marsh")
        writer.execute("COMMIT")
        with lib.reader() as st:  # the same kept connection sees the commit
            assert st.conn.execute("SELECT title FROM articles WHERE n = 1").fetchone()[0] == "Held by the writer"
    finally:
        writer.close()


def test_undated_stories_list_the_dates_their_briefing_inferred(two_stories: Path, options: Options, nlp) -> None:
    lib = Library(two_stories, options, nlp=nlp)
    example = next(s for s in lib.stories() if any(a.startswith("00") for a in s["article_ids"]))
    assert example["first_published"] is None and not example["dates_inferred"]  # not briefed yet
    assert example["id"] not in {s["id"] for s in lib.stories(since="1900-01-01")}  # no date: not in a range
    lib.briefing(example["id"])
    listed = next(s for s in lib.stories() if s["id"] == example["id"])
    first, last = listed["first_published"], listed["last_published"]
    assert listed["dates_inferred"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", first) and last >= first
    assert example["id"] in {s["id"] for s in lib.stories(since=first, until=last)}
    year_after = f"{int(last[:4]) + 1}-01-01"
    assert example["id"] not in {s["id"] for s in lib.stories(since=year_after)}
    # a new Library (a restarted server) reads them from the briefing the store kept
    again = next(s for s in Library(two_stories, options).stories() if s["id"] == example["id"])
    assert again["dates_inferred"] and again["first_published"] == listed["first_published"]


def test_the_listing_follows_what_another_connection_commits(two_stories: Path, options: Options, nlp,
                                                             tmp_path: Path) -> None:
    lib = Library(two_stories, options)
    before = {s["id"] for s in lib.stories()}
    assert {s["id"] for s in lib.stories()} == before  # the kept listing
    (tmp_path / "quake.txt").write_text("Quake shakes island\n\nA magnitude 6.1 earthquake shook the island of "
                                        "Veldra on Sunday, damaging 40 homes, the civil defence agency said.\n")
    with Store(two_stories, options) as st:  # another connection: an ingest
        st.ingest([str(tmp_path / "quake.txt")], nlp=nlp)
    after = lib.stories()
    assert {s["id"] for s in after} > before
    assert any("quake" in s["article_ids"] for s in after)


def test_a_kept_briefing_is_used_and_entities_cover_every_story(two_stories: Path, options: Options, nlp,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(two_stories, options) as st:
        final = next(s.id for s in st.stories() if any(a.startswith("final-") for a in st.story(s.id).article_ids))
        st.brief(final, nlp)  # kept as version 1
    lib = Library(two_stories, options)

    def no_parsing() -> None:
        raise AssertionError("the kept briefing should have been used")

    monkeypatch.setattr(lib, "nlp", no_parsing)
    data = lib.briefing(final)
    assert {s["id"] for s in data["sources"]} == {"final-1", "final-2"}
    # a story no page has opened in this server is searched too
    monkeypatch.undo()
    lib = Library(two_stories, options, nlp=nlp)
    found = lib.entities("Elena Marsh")
    assert found and {f["story"] for f in found} == {final}
    assert any(m["text"] == "Elena Marsh" for f in found for m in f["mentions"])
    texts = dict(FINAL)
    for m in (m for f in found for m in f["mentions"]):  # each mention in its line's words
        line = m["before"].lstrip("…") + m["text"] + m["after"].rstrip("…")
        assert line in texts[m["source_id"] + ".txt"] and "\n" not in line
    assert lib.entities("Khan Shaykhun")  # and the example's story



def test_an_entity_lookup_builds_only_the_stories_whose_texts_name_it(two_stories: Path, options: Options,
                                                                      nlp) -> None:
    lib = Library(two_stories, options, nlp=nlp)
    built: list[str] = []
    brief = lib.briefing

    def counted(story_id: str) -> dict:
        built.append(story_id)
        return brief(story_id)

    lib.briefing = counted  # type: ignore[method-assign]
    found = lib.entities("Elena  Marsh")  # the words are looked for, not the spacing
    assert found and set(built) == {f["story"] for f in found} and len(set(built)) == 1
    built.clear()
    assert lib.entities("Nobody Anywhere") == [] and built == []
    assert lib.entities("Khan Shaykhun") and len(set(built)) == 1
