"""Who said what: attributions per article (direct, indirect and mixed quotations, with the
speaker resolved), numbered q1, q2... and grouped by speaker in the report."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc

from ..extract.cue_model import CueModel
from ..extract.quotes import extract_quotes
from ..model import Quote
from ..options import Options
from .registry import ArticleContext, Report, Section, item_spans
from .schema import BOOL, INT, PAIRS, SPAN_FIELDS, STR, array, items, nullable, text


def _load(options: Options) -> CueModel | None:
    """The learned cue scorer, for the broad attribution scope only."""
    return CueModel.load() if options.attribution_scope == "broad" else None


def _extract(doc: Doc, ctx: ArticleContext) -> list[Quote]:
    cue_model = ctx.models.get("quotes")
    return extract_quotes(doc, ctx.source_id, ctx.removed, broad=cue_model is not None, cue_model=cue_model)


def _relink(quotes: list[Quote], ids: Mapping[str, str]) -> None:
    for q in quotes:
        q.same_as = [ids.get(x, x) for x in q.same_as]


def _digest(data: dict[str, Any]) -> tuple[str, str]:
    speakers = {q["speaker"] for q in data["quotes"] if q["speaker"]}
    return "quotes", f"{len(data['quotes'])} from {len(speakers)} speakers"


QUOTES = Section(
    "quotes", Quote,
    extract=_extract,
    load=_load,
    prefix="q",
    relink=_relink,
    schema=items(["id", "source_id", "start", "end", "text", "kind", "speaker", "speaker_entity", "cue"], {
        "id": STR,
        **SPAN_FIELDS,
        "text": text("what was said, without the quotation marks"),
        "kind": {"enum": ["direct", "indirect", "mixed"]},
        "speaker": nullable("string", "canonical name of who said it (resolved through pronouns and titles)"),
        "speaker_entity": nullable("string", "id in entities"),
        "speaker_role": nullable("string", "e.g. 'deputy Russian UN ambassador'"),
        "cue": nullable("string", "the reporting verb or phrase: said, told, denied, according to, ..."),
        "speaker_start": nullable("integer", "span of the named mention the speaker resolves to, if any"),
        "speaker_end": nullable("integer"),
        "source_start": nullable("integer", "span of the source phrase as written by the cue ('he', 'the minister')"),
        "source_end": nullable("integer"),
        "cue_start": nullable("integer", "span of the cue"),
        "cue_end": nullable("integer"),
        "negated": {**BOOL, "description": "the cue rejects the content (denied, rejected, ...)"},
        "sentence": nullable("integer", "index of the sentence in its source"),
        "origin": text("body | pull_quote"),
        "same_as": array(STR, "ids of the same quotation elsewhere"),
        "pull_quotes": array(INT, "indices into the source's removed items of pull-quotes repeating it"),
        "repeats": {"type": ["array", "null"], "items": INT,
                    "description": "for a pull-quote left in the body: [start, end) of the quotation it repeats"},
        "continued": {**BOOL, "description": "the quotation runs on into the next paragraph's quote"},
        "key": text("normalised words of the content: equal keys are the same quotation across outlets"),
        "parts": {**PAIRS, "description": "other pieces of a discontinuous content, as [start, end) spans"},
    }, "direct and reported speech, one item per utterance"),
    report=Report("Who said what", 30),
    highlight=item_spans,
    digest=_digest,
)
