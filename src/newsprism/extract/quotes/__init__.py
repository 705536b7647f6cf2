"""Who said what: direct, indirect and mixed attributions from a parsed article.

Rules only (no coreference model installs offline):

1. quotation marks are paired per paragraph by a character scanner (straight, curly,
   single-in-double, pasted ‘'…'' and ''…'', « »; a paragraph left open continues in the
   next one when that opens with a mark; other unbalanced marks are skipped with a warning);
2. cues come from lexicons (reporting verbs, beliefs, "according to", light verb + speech
   noun, noun cues with an owner, headline "Name: claim") and from the syntax (parenthetical
   ", she said,", "as X reported", a verb before a colon that opens a quotation);
3. content is the cue's complement clause (indirect), the quotation (direct) or a clause
   embedding a short quotation (mixed); quotations without a cue inherit the speaker of the
   previous quotation in the paragraph, or of the previous paragraph when they stand alone;
4. sources are resolved within the article: surnames to full names, he/she by salience and
   gender evidence, "the minister" by role, "Moscow's representative" through the owner's
   country, "the company" to the organisation in focus; roles come from titles/appositions;
5. pull-quotes removed by cleaning are linked to the body quotation they repeat.

``broad=True`` widens cues to PolNeAR's notion of attribution (stances, intentions), for
evaluation; the briefing uses the default (statements and stated beliefs).

Public API: :func:`extract_quotes` (used by annotate.py), :func:`attributions` (text or
Doc in, typed records out), :func:`quoted_spans`, :func:`parse_pull_quote`, :func:`quote_key`.
"""

from __future__ import annotations

from .assembly import attributions, extract_quotes
from .cues import rule_cue_tokens
from .formats import HEADLINE_SOURCES
from .marks import QuotedSpan, parse_pull_quote, quote_key, quote_token_map, quoted_spans

__all__ = [
    "HEADLINE_SOURCES",
    "QuotedSpan",
    "attributions",
    "extract_quotes",
    "parse_pull_quote",
    "quote_key",
    "quote_token_map",
    "quoted_spans",
    "rule_cue_tokens",
]
