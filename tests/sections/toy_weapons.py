"""A toy section for the yardstick test of the section registry: weapons named in the text.

Everything the section needs is in this module plus its two partials (templates/md/weapons.j2,
templates/html/weapons.j2 next to it); registering ``WEAPONS`` puts it into briefing.json (with its
schema), the Markdown and HTML reports, the highlighted source text and the CLI digest."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsprism.sections import ArticleContext, Report, Section, item_spans
from newsprism.sections.schema import SPAN_FIELDS, STR, items

# nouns that name a weapon (general vocabulary, not one article's)
WEAPON_NOUNS = frozenset(
    """gun rifle pistol shotgun revolver missile rocket bomb grenade mine mortar artillery drone
    tank warhead sarin chlorine munition shell torpedo knife machete""".split()
)


@dataclass(slots=True)
class Weapon:
    source_id: str
    start: int
    end: int
    text: str
    sentence: int | None = None
    id: str = ""


def extract_weapons(doc: Doc, ctx: ArticleContext) -> list[Weapon]:
    """Each noun whose lemma names a weapon, with the compounds before it ("mortar shell",
    "sarin gas" is "sarin"); a compound inside another weapon's name is not counted twice."""
    out: list[Weapon] = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in WEAPON_NOUNS:
            continue
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in WEAPON_NOUNS:
            continue
        first = min([c for c in tok.lefts if c.dep_ == "compound"] + [tok], key=lambda t: t.i)
        start, end = first.idx, tok.idx + len(tok.text)
        out.append(Weapon(ctx.source_id, start, end, doc.text[start:end]))
    return out


def _digest(data: dict[str, Any]) -> tuple[str, str]:
    kinds = {w["text"].lower() for w in data["weapons"]}
    return "weapons", f"{len(data['weapons'])} mentions of {len(kinds)} weapons"


WEAPONS = Section(
    "weapons", Weapon,
    extract=extract_weapons,
    prefix="w",
    schema=items(["id", "source_id", "start", "end", "text"],
                 {"id": STR, **SPAN_FIELDS, "text": STR},
                 "weapons named in the sources"),
    report=Report("Weapons", 60, templates=Path(__file__).parent / "templates"),
    highlight=item_spans,
    digest=_digest,
)
