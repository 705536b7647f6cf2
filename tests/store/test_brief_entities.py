"""A story briefed from the store and the same articles briefed from a folder run one entity
pipeline: the same entities, names the tagger missed ("recover_names") included."""

from __future__ import annotations

from pathlib import Path

from newsprism.briefing import brief
from newsprism.resolve import NAME_LABEL
from newsprism.store import Store

# culture: an exhibition title made of common words that the tagger does not tag
MUSEUM = (
    "Museum opens new wing after long delay\n\n"
    "The city museum opened its new wing on Saturday after three years of building work. "
    "Curator Maria Olsen said the show Quiet Waters Rising had drawn more visitors than any "
    "exhibition before it. Visitors queued for hours to see Quiet Waters Rising, a set of forty "
    "paintings of the flooded coast.\n\n"
    "Olsen said the museum would keep Quiet Waters Rising open until March.\n"
)
CROWDS = (
    "Flood paintings draw crowds to reopened museum\n\n"
    "Crowds filled the reopened museum on Saturday. The paintings of the exhibition Quiet "
    "Waters Rising show towns along the coast under water, curator Maria Olsen told reporters. "
    "Tickets for Quiet Waters Rising sold out by noon.\n"
)


def _entities(data) -> list[tuple]:
    return [(e.name, e.type, e.type_uncertain, tuple(e.aliases), e.role,
             tuple(sorted((s.source_id, s.start, s.end) for s in e.mentions)))
            for e in data.story.entities]


def test_store_and_folder_briefs_give_the_same_entities(tmp_path: Path, nlp, options) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "museum.txt").write_text(MUSEUM, encoding="utf-8")
    (folder / "crowds.txt").write_text(CROWDS, encoding="utf-8")
    from_folder = brief([str(folder)], options, nlp=nlp)
    with Store(tmp_path / "news.db", options, create=True) as st:
        st.ingest([str(folder)], nlp=nlp)
        (story,) = st.stories()
        from_store = st.brief(story.id, nlp, keep=False)
    assert {a.source_id for a in from_store.story.articles} == {
        a.source_id for a in from_folder.story.articles}
    assert _entities(from_store) == _entities(from_folder)
    # the exhibition is an entity in both: recovered, since the tagger never tags it
    names = [e.name for e in from_store.story.entities]
    assert "Quiet Waters Rising" in names
    assert any(m.label == NAME_LABEL for a in from_store.story.articles for m in a.mentions)
