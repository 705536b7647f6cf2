"""The yardstick of the section registry: a section defined in one module (toy_weapons.py) plus
its two partials shows up in briefing.json (valid against the assembled schema), the Markdown
and HTML reports (with its spans highlighted in the source text) and the CLI digest, with no
other file changed; the same section also loads as a plug-in from an entry point."""

from __future__ import annotations

import importlib
from importlib.metadata import EntryPoint
from pathlib import Path

import jsonschema
import pytest
from rich.console import Console

from newsprism import cli
from newsprism.briefing import build_briefing
from newsprism.ingest import read_inputs
from newsprism.render.html import render_html
from newsprism.render.json_out import load_schema, to_dict, validate
from newsprism.render.markdown import render_markdown
from newsprism.sections import register, unregister
from newsprism.sections.registry import Registry

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parents[1] / "examples" / "khan-shaykhun"


@pytest.fixture(scope="module")
def toy():
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(HERE))
        module = importlib.import_module("toy_weapons")
        register(module.WEAPONS)
        try:
            yield module
        finally:
            unregister("weapons")


@pytest.fixture(scope="module")
def data(toy, nlp, options) -> dict:
    arts = read_inputs([str(EXAMPLE)], options).articles
    return to_dict(build_briefing(arts, options, nlp=nlp), options.model)


def test_toy_extractor_on_other_domains(toy, nlp) -> None:
    from newsprism.model import CleanArticle
    from newsprism.options import Options
    from newsprism.sections import ArticleContext

    text = "Police found a pistol and two knives in the car. The mortar shells hit the stadium."
    ctx = ArticleContext(article=CleanArticle(id="x", raw=text, text=text), sentences=[], options=Options())
    assert [w.text for w in toy.extract_weapons(nlp(text), ctx)] == ["pistol", "knives", "mortar shells"]


def test_in_briefing_json_and_its_schema(data) -> None:
    assert list(data)[-4:] == ["weapons", "skipped", "warnings", "stats"]
    weapons = data["weapons"]
    texts = {s["id"]: s["text"] for s in data["sources"]}
    assert weapons and [w["id"] for w in weapons] == [f"w{i}" for i in range(1, len(weapons) + 1)]
    for w in weapons:
        assert texts[w["source_id"]][w["start"] : w["end"]] == w["text"]
    assert any(w["text"].lower() == "sarin" for w in weapons)
    schema = load_schema()
    assert "weapons" in schema["required"] and "weapons" in schema["properties"]
    validate(data)
    validate(data, reference=True)
    broken = {**data, "weapons": [{k: v for k, v in weapons[0].items() if k != "text"}]}
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_in_the_reports_with_highlighted_spans(data) -> None:
    md = render_markdown(data)
    assert "## Weapons named" in md
    assert md.index("## Summary") < md.index("## Weapons named") < md.index("## People, organisations")
    html = render_html(data)
    assert '<a href="#weapons">Weapons</a>' in html and '<section id="weapons">' in html
    w = next(x for x in data["weapons"] if x["text"].lower() == "sarin")
    anchor = f'a-{w["source_id"]}-{w["start"]}-{w["end"]}'
    assert f'<a class="anchor" id="{anchor}"></a>' in html
    marked = [part for part in html.split('<span class="hl ')[1:] if anchor in part.split(">")[0]]
    assert marked and all("weapons" in part.split('"')[0].split() for part in marked)


def test_in_the_cli_digest(data) -> None:
    console = Console(record=True, width=120)
    console.print(cli.digest_table(data, 1.0, 0.5, []))
    out = console.export_text()
    assert "weapons" in out and "mentions of" in out
    assert out.index("timeline") < out.index("weapons") < out.index("skipped")


def test_a_plug_in_from_an_entry_point(monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(HERE))
    ep = EntryPoint(name="weapons", value="toy_weapons:WEAPONS", group="newsprism.sections")
    monkeypatch.setattr("newsprism.sections.registry.entry_points", lambda group: [ep] if group == ep.group else [])
    reg = Registry()
    assert "weapons" in reg and reg.get("weapons").prefix == "w"
    bad = EntryPoint(name="bad", value="toy_weapons:WEAPON_NOUNS", group="newsprism.sections")
    monkeypatch.setattr("newsprism.sections.registry.entry_points", lambda group: [bad])
    with pytest.warns(UserWarning, match="'bad' not loaded .*a Section"):
        assert list(Registry()) == []
    clash = EntryPoint(name="clash", value="toy_weapons:WEAPONS", group="newsprism.sections")
    monkeypatch.setattr("newsprism.sections.registry.entry_points", lambda group: [ep, clash])
    with pytest.warns(UserWarning, match="'clash' not loaded: section 'weapons' is already registered"):
        assert [s.name for s in Registry()] == ["weapons"]
