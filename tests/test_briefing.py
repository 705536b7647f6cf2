"""End to end on the bundled example: schema validity and span round-trips for every span type."""

from __future__ import annotations

import copy
from pathlib import Path

import jsonschema
import pytest

from newsprism.briefing import build_briefing
from newsprism.ingest import read_inputs
from newsprism.model import Article
from newsprism.render.html import render_html
from newsprism.render.json_out import compile_schema, load_schema, to_dict, validate
from newsprism.render.markdown import render_markdown

ROOT = Path(__file__).resolve().parents[1]


def _validate_both(data: dict) -> None:
    """The reference validator (jsonschema) and the compiled one that ``brief`` runs."""
    validate(data, reference=True)
    validate(data)


@pytest.fixture(scope="module")
def jsonl_data(nlp, options) -> dict:
    arts = read_inputs([str(ROOT / "examples" / "khan-shaykhun-jsonl")], options).articles
    return to_dict(build_briefing(arts, options, nlp=nlp), options.model)


@pytest.fixture(scope="module")
def txt_data(nlp, options) -> dict:
    arts = read_inputs([str(ROOT / "examples" / "khan-shaykhun")], options).articles
    return to_dict(build_briefing(arts, options, nlp=nlp), options.model)


def _check_spans(data: dict) -> int:
    texts = {s["id"]: s["text"] for s in data["sources"]}
    checked = 0

    def ok(span: dict) -> str:
        nonlocal checked
        text = texts[span["source_id"]]
        assert 0 <= span["start"] < span["end"] <= len(text), span
        checked += 1
        return text[span["start"] : span["end"]]

    for q in data["quotes"]:
        assert ok(q) == q["text"]
        if q.get("speaker_start") is not None:
            assert ok({"source_id": q["source_id"], "start": q["speaker_start"], "end": q["speaker_end"]}).strip()
        if q.get("cue_start") is not None:
            assert ok({"source_id": q["source_id"], "start": q["cue_start"], "end": q["cue_end"]}).strip()
    for f in data["figures"]:
        assert ok(f) == f["text"]
    for t in data["timeline"]:
        assert ok(t) == t["text"]
        for c in t.get("citations", []):
            ok(c)
    for s in data["summary"]:
        first = ok(s["citations"][0])
        assert first == s["text"]
        for c in s["citations"][1:]:
            ok(c)
    for c in data["claims"]:
        for ev in c["evidence"]:
            ok(ev)
    for con in data["contradictions"]:
        for side in con["sides"]:
            for ev in side["evidence"]:
                ok(ev)
    for e in data["entities"]:
        for m in e["mentions"]:
            assert ok(m).strip()
    return checked


def _undocumented(schema: dict, value: object, path: str, defs: dict) -> list[str]:
    """Paths of keys in ``value`` that ``schema`` does not describe (an object schema with
    neither ``properties`` nor ``additionalProperties`` is opaque and describes its keys)."""
    while "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    missing: list[str] = []
    if isinstance(value, dict):
        props = schema.get("properties")
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if props is not None and key in props:
                missing += _undocumented(props[key], item, f"{path}.{key}", defs)
            elif isinstance(extra, dict):
                missing += _undocumented(extra, item, f"{path}.{key}", defs)
            elif props is not None:
                missing.append(f"{path}.{key}")
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for item in value:
            missing += _undocumented(schema["items"], item, f"{path}[]", defs)
    return missing


@pytest.mark.parametrize("which", ["jsonl_data", "txt_data"])
def test_every_field_is_documented_in_the_schema(which: str, request) -> None:
    """A field the briefing writes must be described in the package's schema (name, type and
    meaning), not only allowed by it: a reader of briefing.json learns every field there."""
    schema = load_schema()
    missing = _undocumented(schema, request.getfixturevalue(which), "", schema.get("$defs", {}))
    assert not sorted(set(missing)), sorted(set(missing))


def test_undocumented_fields_are_found() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "array", "items": {"$ref": "#/$defs/x"}}},
              "$defs": {"x": {"type": "object", "properties": {"b": {"type": "integer"}}}}}
    data = {"a": [{"b": 1, "c": 2}], "d": 3}
    assert _undocumented(schema, data, "", schema["$defs"]) == [".a[].c", ".d"]


@pytest.mark.parametrize("which", ["jsonl_data", "txt_data"])
def test_briefing_validates_and_spans_round_trip(which: str, request) -> None:
    data = request.getfixturevalue(which)
    _validate_both(data)
    assert len(data["sources"]) == 3
    assert _check_spans(data) > 50
    for key in ("entities", "quotes", "figures", "timeline", "summary"):
        assert data[key], f"{key} is empty on the bundled example"


def test_metadata_given_and_inferred(jsonl_data: dict, txt_data: dict) -> None:
    given = {s["outlet"] for s in jsonl_data["sources"]}
    inferred = {s["outlet"] for s in txt_data["sources"]}
    assert given == inferred == {"The Conversation", "CBC News", "TRT World"}
    assert [s["published"] for s in jsonl_data["sources"]] == ["2017-04-04", "2017-04-05", "2017-04-06"]
    assert jsonl_data["story"]["event_date"] == "2017-04-04"
    for s in txt_data["sources"]:
        assert "outlet" in s["inferred"]
        assert not any(r["text"] in s["text"] for r in s["removed"] if r["kind"] in ("caption", "pull_quote", "boilerplate", "byline"))


def test_story_title_built_from_sources(jsonl_data: dict) -> None:
    title = jsonl_data["story"]["title"]
    assert "attack" in title.lower()
    texts = " ".join(s["text"] for s in jsonl_data["sources"]).lower()
    # every word of the label comes from the sources
    assert all(w.lower().strip(",") in texts for w in title.split() if w != "in")


def test_example_title_is_placed_at_the_town_not_the_country(txt_data: dict) -> None:
    # the leads name the town in three spellings; the label keeps the most specific place
    title = txt_data["story"]["title"].lower()
    assert "attack" in title and "khan" in title, title


def test_summary_is_bounded_and_cited(jsonl_data: dict) -> None:
    words = sum(len(s["text"].split()) for s in jsonl_data["summary"])
    assert 40 <= words <= 140
    assert all(s["citations"] for s in jsonl_data["summary"])


def test_renderers_escape_article_text(nlp, options) -> None:
    evil = Article(
        id="evil",
        text=(
            "Protesters gathered at the <script>alert('x')</script> plaza on Monday & stayed late.\n\n"
            '"We will not leave until the <b>council</b> listens," organiser Dana Reyes told reporters.\n\n'
            "Police said 12 people were arrested during the protest."
        ),
    )
    data = to_dict(build_briefing([evil], options, nlp=nlp), options.model)
    _validate_both(data)
    html = render_html(data)
    assert "<script>alert(" not in html and "&lt;script&gt;alert(" in html
    assert "<b>council</b>" not in html
    md = render_markdown(data)
    assert md.startswith("# ")


def test_markdown_reading_order(jsonl_data: dict) -> None:
    md = render_markdown(jsonl_data)
    order = ["## Summary", "## What is disputed", "## Figures", "## Who said what", "## Timeline", "## Sources"]
    positions = [md.index(h) for h in order]
    assert positions == sorted(positions)
    html = render_html(jsonl_data)
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


def _paths(node: object, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            out.extend(_paths(v, (*path, k)))
    elif isinstance(node, list):
        for i, v in enumerate(node[:3]):
            out.extend(_paths(v, (*path, i)))
    return out


def _verdict(check, data: dict) -> bool:
    try:
        check(data)
    except jsonschema.ValidationError:
        return False
    return True


def test_compiled_schema_agrees_with_jsonschema(jsonl_data: dict) -> None:
    """Every kind of breakage at many places of a real briefing: the compiled validator that
    ``brief`` runs gives the verdict of the reference implementation."""
    schema = load_schema()
    reference = jsonschema.Draft202012Validator(schema).validate
    compiled = compile_schema(schema)
    paths = [p for p in _paths(jsonl_data) if p][::3]
    replacements = [None, "x", True, 1.5, 3.0, -1, [], {}, [{}]]
    checked = rejected = 0
    for path in paths:
        for new in [*replacements, "delete"]:
            data = copy.deepcopy(jsonl_data)
            parent = data
            for key in path[:-1]:
                parent = parent[key]
            if new == "delete":
                if not isinstance(parent, dict):
                    continue
                del parent[path[-1]]
            else:
                parent[path[-1]] = new
            ok = _verdict(reference, data)
            assert _verdict(compiled, data) == ok, (path, new)
            checked += 1
            rejected += not ok
    assert checked > 1000 and 0.2 < rejected / checked < 0.9


def test_compile_schema_refuses_remote_refs() -> None:
    """No network at run time: a schema pointing outside itself is refused at compile time."""
    with pytest.raises(ValueError, match="local"):
        compile_schema({"$ref": "https://example.org/schema.json"})
