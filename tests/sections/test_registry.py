"""The section registry: the built-in sections, the schema assembled from them (equal to the
packaged schema and to the shared contract), and what registering refuses."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from newsprism.sections import BUILTIN, REGISTRY, Report, Section, register, sections, unregister
from newsprism.sections.registry import Registry
from newsprism.sections.schema import assemble

SHARED_SCHEMA = Path(__file__).resolve().parents[2].parent / "shared" / "briefing.schema.json"


def _packaged() -> dict:
    return json.loads(resources.files("newsprism").joinpath("schema/briefing.schema.json").read_text("utf-8"))


def test_builtin_sections_in_briefing_order() -> None:
    names = [s.name for s in sections()]
    assert names[: len(BUILTIN)] == ["sources", "entities", "quotes", "figures", "reconciled_figures", "dates",
                                     "claims", "contradictions", "timeline", "summary", "coverage"]
    assert [s.html_id for s in REGISTRY.report()][:8] == ["summary", "disputes", "figures", "quotes", "timeline",
                                                          "coverage", "entities", "sources"]


def test_assembled_schema_is_the_packaged_one() -> None:
    assert assemble(BUILTIN) == _packaged()


@pytest.mark.skipif(not SHARED_SCHEMA.exists(), reason="the shared contract copy sits beside the repository")
def test_assembled_schema_is_the_shared_contract() -> None:
    """The contract may gain optional keys (coverage, documented fields), never lose or change one."""
    shared = json.loads(SHARED_SCHEMA.read_text("utf-8"))
    assembled = assemble(BUILTIN)
    assert assembled["required"] == shared["required"]
    assert {k: v for k, v in assembled.items() if k != "properties"} == \
        {k: v for k, v in shared.items() if k != "properties"}
    for key, fragment in shared["properties"].items():
        assert _extends(assembled["properties"][key], fragment, key) == [], key
    added = set(assembled["properties"]) - set(shared["properties"])
    assert {"coverage", "generator", "warnings"} <= added and not added & set(assembled["required"])


def _extends(ours: object, theirs: object, path: str) -> list[str]:
    """Where ``ours`` breaks the contract ``theirs``: every key the contract has is kept with the
    same value, except that ``properties`` may gain optional (documented) fields."""
    if not isinstance(theirs, dict):
        return [] if ours == theirs else [path]
    if not isinstance(ours, dict):
        return [path]
    broken: list[str] = []
    for key, value in theirs.items():
        if key not in ours:
            broken.append(f"{path}.{key} dropped")
        elif key == "properties":
            for name, fragment in value.items():
                broken += _extends(ours[key].get(name), fragment, f"{path}.{name}")
        else:
            broken += _extends(ours[key], value, f"{path}.{key}")
    return broken


def test_extends_refuses_a_dropped_or_changed_field() -> None:
    contract = {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}}
    assert _extends({**contract, "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}},
                    contract, "x") == []
    assert _extends({**contract, "properties": {"a": {"type": "integer"}}}, contract, "x") == ["x.a.type"]
    assert _extends({**contract, "properties": {}}, contract, "x") == ["x.a"]
    assert _extends({**contract, "required": ["a", "b"]}, contract, "x") == ["x.required"]


def test_register_refuses_clashes() -> None:
    reg = Registry(group=None)
    reg.register(Section(name="money"))
    with pytest.raises(ValueError, match="already registered"):
        reg.register(Section(name="money"))
    reg.register(Section(name="money", report=Report("Money")), replace=True)
    assert reg.get("money").title == "Money" and reg.get("money").markdown == "md/money.j2"
    with pytest.raises(ValueError, match="anchor 'money' is taken"):
        reg.register(Section(name="amounts", report=Report("Amounts", anchor="money")))
    with pytest.raises(ValueError, match="reserved"):
        reg.register(Section(name="stats"))
    with pytest.raises(ValueError, match="identifier"):
        reg.register(Section(name="money amounts"))
    with pytest.raises(ValueError, match="not both"):
        reg.register(Section(name="x", extract=lambda doc, ctx: [], build=lambda ctx: []))


def test_a_failing_section_is_reported_and_the_others_run(nlp) -> None:
    from newsprism.annotate import annotate_doc
    from newsprism.model import CleanArticle

    def boom(doc, ctx):
        raise ValueError("no amounts here")

    text = 'The coach said the team "played with heart" in the final.'
    register(Section(name="boom", extract=boom))
    try:
        ann = annotate_doc(nlp(text), CleanArticle(id="s", raw=text, text=text))
    finally:
        unregister("boom")
    assert ann.warnings == ["s: boom extraction failed (ValueError: no amounts here); section left empty"]
    assert any("played with heart" in q.text for q in ann.quotes)
    assert "boom" not in ann.sections
