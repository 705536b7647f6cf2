"""Cleaning stage: Article -> CleanArticle.

Pasted articles carry photo captions, pull-quotes, a duplicated lede, section headings, author
lines and trailing boilerplate. Each is recognised by its form and position (never by phrases of
one particular article), taken out of the analysed body and kept in ``removed`` (headings in
``headings``), so nothing is lost. The body keeps the raw characters verbatim except that runs
of white space are folded to one space and paragraphs are joined by a blank line; an OffsetMap
maps every cleaned offset back to the raw input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from . import metadata
from .model import Article, CleanArticle, Heading, OffsetMap, Removed, Skipped

# --------------------------------------------------------------------------- blocks


@dataclass(slots=True)
class Block:
    """One paragraph (or one line of a paragraph whose lines are separate units)."""

    text: str  # white space folded
    raw_start: int
    raw_end: int
    pieces: list[tuple[int, int]] = field(default_factory=list)  # (raw_start, length) per word run
    kind: str = "body"

    @property
    def words(self) -> int:
        return len(self.text.split())


_WS = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_WORD = re.compile(r"[^\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


def _make_block(raw: str, start: int, end: int) -> Block | None:
    pieces = [(m.start(), m.end() - m.start()) for m in _WORD.finditer(raw, start, end)]
    if not pieces:
        return None
    text = " ".join(raw[s : s + n] for s, n in pieces)
    return Block(text=text, raw_start=pieces[0][0], raw_end=pieces[-1][0] + pieces[-1][1], pieces=pieces)


def split_blocks(raw: str) -> list[Block]:
    """Paragraphs are separated by blank lines. Inside a paragraph, lines are joined when they
    look hard-wrapped (long lines not ending a sentence), otherwise each line is its own block."""
    blocks: list[Block] = []
    for para in re.finditer(r"(?:[^\n]|\n(?![ \t\u00a0]*\n))+", raw):
        lines = [m for m in re.finditer(r"[^\n]+", para.group())]
        lines = [m for m in lines if m.group().strip()]
        if not lines:
            continue
        base = para.start()
        if len(lines) > 1 and _hard_wrapped([m.group() for m in lines]):
            block = _make_block(raw, base + lines[0].start(), base + lines[-1].end())
            if block:
                blocks.append(block)
            continue
        # one sentence per line: a line that continues the one before (an open quotation, a
        # lower-case or number start, a line ending mid-sentence on a comma) joins it
        runs: list[list[re.Match[str]]] = []
        for m in lines:
            if runs and _continues(" ".join(x.group() for x in runs[-1]), m.group()):
                runs[-1].append(m)
            else:
                runs.append([m])
        for run in runs:
            block = _make_block(raw, base + run[0].start(), base + run[-1].end())
            if block:
                blocks.append(block)
    return blocks


def _continues(before: str, line: str) -> bool:
    """Whether ``line`` continues the text ``before`` it (not a new sentence or heading)."""
    b, ln = before.rstrip(), line.strip()
    if not b or not ln:
        return False
    if b.count('"') % 2 == 1 or b.count("“") > b.count("”"):
        # a quotation still open; a line that opens with a quotation mark before a capital
        # starts the next paragraph of that quotation (a quotation running over several
        # paragraphs reopens each one and closes only the last)
        return not _REOPENS.match(ln)
    if _TITLE_END.search(b) and ln[0].isupper():
        return True  # "... the Rev." / "Larry Kroon said": a title cut from its name
    if ln[0].islower() or (ln[0].isdigit() and b[-1:].isalpha()):
        return True  # "... on March" / "14, the court ..."
    return b.endswith((",", ";", "(", "-", "–", "—")) and len(b) >= 40


# a line opening a quotation: the mark (with the stray space some corpora put after it) and
# a capital letter
_REOPENS = re.compile(r"[\"“]\s?[A-Z]")
# a line ending in a title written before a name ("the Rev.", "said Gov.")
_TITLE_END = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Rev|Gov|Sen|Rep|Lt|Sgt|Capt|Col|Gen|Prof|Supt|Insp|Det|Cpl|Adm|Maj)\.$")


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines of a hard-wrapped paragraph: all but the last are long and most do not end a
    sentence (a line per paragraph ends with punctuation)."""
    body = [ln.rstrip() for ln in lines[:-1]]
    if not body or min(len(ln) for ln in body) < 40:
        return False
    open_ends = sum(not _ENDS_SENTENCE.search(ln) for ln in body)
    return open_ends >= max(1, len(body) // 2)


# --------------------------------------------------------------------------- classification

_QUOTES = "\"'“”‘’«»„‚‹›`"
_ENDS_SENTENCE = re.compile(r"[.!?…:;][" + re.escape(_QUOTES) + r")\]]*\s*$")
_CLOSERS = re.compile(r"[" + re.escape(_QUOTES) + r")\]\s]+$")

# A credit at the very end of a caption: "(EPA)", "(Ammar Abdullah/Reuters)", "(AP Photo)",
# "(TRT World and Agencies)", "(Photo: Jane Doe)", "(File photo)".
_CREDIT_WORDS = (
    r"reuters|ap|afp|epa|getty|images?|photos?|photograph|pictures?|agenc(?:y|ies)|file|handout|"
    r"pool|courtesy|xinhua|anadolu|shutterstock|alamy|press|wire|credit|video|screenshot|"
    r"supplied|still"
)
_CREDIT = re.compile(r"\(([^()]{2,80})\)$")
_CREDIT_INNER = re.compile(r"/|\b(?:" + _CREDIT_WORDS + r")\b", re.I)
_ACRONYM = re.compile(r"^[A-Z][A-Z&.\-]{1,7}$")
_CAPTION_LEAD = re.compile(
    r"^(?:photo|image|picture|pictured|photograph|file photo|caption|credit|above|top|left|right|"
    r"video)\s*[:|]", re.I
)
_CAPTION_TAIL = re.compile(r"\b(?:photograph|photo|image|picture)\s*:\s*[^.]{2,60}$", re.I)

# Pull-quote: "<quotation> — Name, Role" (the attribution has no sentence punctuation).
_DASH = "—–―"
_PULL = re.compile(r"^(?P<quote>.{8,500}?[.?!…,;" + re.escape(_QUOTES) + r"])\s*[" + _DASH + r"]\s*(?P<who>[^" + _DASH + r"]{3,120})$")
_NAME_DASH_LINE = re.compile(r"^[" + _DASH + r"]\s*(?P<who>[A-Z][^.!?]{2,120})$")

_FUNCTION_WORDS = {
    "of", "in", "and", "for", "at", "on", "the", "de", "del", "la", "le", "van", "von", "al",
    "bin", "du", "da", "di", "to", "&",
}
_ROLE_WORDS = re.compile(
    r"\b(?:lecturer|professor|fellow|researcher|research|editor|correspondent|reporter|"
    r"director|analyst|student|candidate|scientist|author|writer|columnist|chair|dean|"
    r"associate|assistant|senior|head|officer|journalist|contributor|academic|university|"
    r"institute|college|school|centre|center|department|faculty|laboratory|council|foundation|"
    r"ph\.?d|commentator|economist|historian|lawyer|consultant|founder|ceo|president|manager)\b",
    re.I,
)
_BY_LINE = re.compile(r"^(?:by|written by|words by|reporting by|story by)\s+[A-Z]", re.I)
_IS_A_ROLE = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} (?:is|was|are) (?:an?|the) [^.]{3,160}"
    r"\b(?:at|of|for|with) (?:the )?[A-Z][^.]{2,120}\.?$"
)

# Boilerplate that trails (or precedes) the story: notes about the publication, not the event.
_BOILER = re.compile(
    r"(?:first|originally) (?:appeared|published)|republished|reproduced with permission|"
    r"with files from|contributed (?:to )?(?:this )?report|additional reporting|reporting by|"
    r"editing by|writing by|views expressed|viewpoints expressed|opinions expressed|"
    r"do not necessarily reflect|editorial polic|we welcome|pitches|submissions|"
    r"send (?:them|us|it)\b|newsletter|subscribe|sign up|follow us|follow (?:him|her|them) on|"
    r"copyright|©|all rights reserved|terms of use|privacy policy|read the original|"
    r"read more|click here|share this|related coverage|this story has been|"
    r"corrections? (?:and clarifications|policy)|this article (?:was|has been|is)",
    re.I,
)
_BOILER_LABEL = re.compile(
    r"^(?:disclaimer|editor'?s note|note to readers|correction|clarification|advertisement|"
    r"related|read more|read also|see also|also read|watch|listen|sponsored)\b\s*[:|—–-]?",
    re.I,
)
# Media-player and page furniture left by copy-paste: a line that is one control word.
_UI_LINE = re.compile(
    r"^(?:play|pause|replay|share|advertisement|loading|close|expand|video|audio|gallery|"
    r"image|photo|listen|watch|next|previous|more|menu|comments?)(?: video)?[.:]?$",
    re.I,
)
# a date line: a stamp's time may come before the date ("8:44AM BST 16 Sep 2013", "0930 GMT,
# 12 March 2011"), and a numeric date may have spaces around its separators ("04 / 04 / 2012",
# scraped exports)
_CLOCK = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?|[012]\d[0-5]\d\s*(?-i:GMT|UTC|[A-Z]{2,4}T))"
_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|last updated)\s*:?\s*(?:at\s+)?)?"
    r"(?:" + _CLOCK + r"\s*,?\s+)?"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{4}|\d{4}\s*/\s*\d{1,2}\s*/\s*\d{1,2})"
    r"(?:[\sT,]+" + _CLOCK + r")?$",
    re.I,
)


# a closed quotation, then its speaker and a past-tense "said" at the end: headlines report
# speech in the present ("says"), so this is a body sentence, not a heading
_SAID_TAIL = re.compile(r"[,?!][\"”’']\s+[^\"“”]{1,60}\b(?:said|added|told \w+)$")


def _strip_closers(text: str) -> str:
    return _CLOSERS.sub("", text)


def _is_heading_like(block: Block, max_words: int = 14) -> bool:
    text = block.text
    if block.words > max_words or len(text) > 110:
        return False
    core = _strip_closers(text)
    if not core or core[-1] in ".!?…:;,":
        return False
    if re.search(r"\w[.!?…]\s+[A-Z]", core) and not re.search(r"\b[A-Z]\.\s", core):
        return False  # two sentences (a lede cut short), not a heading
    if _SAID_TAIL.search(core):
        return False  # '"It was lost," he said': a quoted sentence that lost its full stop
    first = text.lstrip(_QUOTES)[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def _is_caption(block: Block) -> bool:
    text = block.text
    if block.words > 90:
        return False
    if _CAPTION_LEAD.match(text) or _CAPTION_TAIL.search(text):
        return True
    m = _CREDIT.search(text)
    if not m or m.start() == 0:
        return False
    inner = m.group(1).strip()
    if _CREDIT_INNER.search(inner):
        return True
    # "(EPA)" style: one acronym or a short capitalised name credit after a full stop.
    before = text[: m.start()].rstrip()
    return bool(_ACRONYM.match(inner)) and bool(before) and before[-1] in ".!?" + _QUOTES


def _name_like(who: str) -> bool:
    """An attribution line: capitalised names and roles, no sentence (few lower-case words)."""
    who = who.strip().rstrip(",")
    if not who or not who[0].isupper() or _ENDS_SENTENCE.search(who):
        return False
    words = re.findall(r"[\w.'’&-]+", who)
    if not 1 <= len(words) <= 16:
        return False
    lower = [w for w in words if w[0].islower() and w.lower() not in _FUNCTION_WORDS]
    return len(lower) <= max(1, len(words) // 4)


def _is_pull_quote(block: Block) -> bool:
    if block.words > 80:
        return False
    m = _PULL.match(block.text)
    return bool(m) and _name_like(m.group("who"))


def _is_byline(block: Block) -> bool:
    text = block.text
    if block.words > 70:
        return False
    if _BY_LINE.match(text) and block.words <= 16 and not _ENDS_SENTENCE.search(text.rstrip(".")):
        return True
    if _IS_A_ROLE.match(text) and _ROLE_WORDS.search(text):
        return True
    # "Name, Role, Institution[ and Name, Role, Institution]." : only names and titled roles.
    if "," not in text or not _ROLE_WORDS.search(text):
        return False
    if not re.match(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3},", text):
        return False
    words = re.findall(r"[\w'’&-]+", text.rstrip("."))
    lower = [w for w in words if w[0].islower() and w.lower() not in _FUNCTION_WORDS]
    return not lower


def _is_boilerplate(block: Block, trailing: bool) -> bool:
    text = block.text
    if _BOILER_LABEL.match(text) and (trailing or block.words <= 60):
        return True
    return trailing and block.words <= 80 and bool(_BOILER.search(text))


def classify(blocks: list[Block]) -> None:
    """Set ``kind`` on every block: body, title, heading, caption, pull_quote, duplicate,
    boilerplate, byline, dateline or other."""
    n = len(blocks)
    for i, b in enumerate(blocks):
        if _UI_LINE.match(b.text):
            b.kind = "other"
        elif _DATE_LINE.match(b.text):
            b.kind = "dateline"
        elif _is_caption(b):
            b.kind = "caption"
        elif _is_pull_quote(b):
            b.kind = "pull_quote"
        elif _NAME_DASH_LINE.match(b.text) and _name_like(_NAME_DASH_LINE.match(b.text).group("who")):
            b.kind = "pull_quote"
            if i > 0 and blocks[i - 1].kind == "body" and blocks[i - 1].words <= 60:
                blocks[i - 1].kind = "pull_quote"
        elif (i < 3 or i >= n - 4) and _is_byline(b):
            b.kind = "byline"
    # Trailing region: from the end, boilerplate/bylines/UI lines until the first story paragraph.
    for b in reversed(blocks):
        if b.kind in ("byline", "other", "dateline", "caption"):
            continue
        if _is_boilerplate(b, trailing=True):
            b.kind = "boilerplate"
            continue
        if b.kind == "body" and _is_byline(b):
            b.kind = "byline"
            continue
        break
    for b in blocks:
        if b.kind == "body" and _is_boilerplate(b, trailing=False):
            b.kind = "boilerplate"
    _mark_duplicates(blocks)
    # Headings: short lines that do not end a sentence. The first such line, before any story
    # paragraph, is the title.
    seen_body = False
    for i, b in enumerate(blocks):
        if b.kind != "body":
            continue
        if _is_heading_like(b, max_words=20 if not seen_body else 14):
            if not seen_body and not any(x.kind == "title" for x in blocks[:i]):
                b.kind = "title"
            else:
                b.kind = "heading"
        else:
            seen_body = True
    if not seen_body:
        # no story paragraph: what looked like a title or headings is the text itself (a
        # one-line item, a list of short lines); cleaning never removes a whole article
        for b in blocks:
            if b.kind in ("title", "heading"):
                b.kind = "body"


def _norm(text: str) -> str:
    return re.sub(r"[^\w ]+", "", text.casefold())


_MIN_DUP = 40  # shortest normalised paragraph compared for duplication
_COMMON_WORD = 50  # a word in more paragraphs than this does not make two of them candidates


def _candidate_pairs(norms: list[str]) -> list[list[int]]:
    """For each paragraph, the later ones that may repeat it: at least 40 characters and a
    word of 4+ letters in common that is not in more than 50 paragraphs. Two copies of one
    paragraph (contained, or 88% alike) share most of their words, so none is missed, and a
    long article is not compared pair by pair (that grew with the square of its length)."""
    n = len(norms)
    postings: dict[str, list[int]] = {}
    for i, norm in enumerate(norms):
        if len(norm) < _MIN_DUP:
            continue
        for w in set(norm.split()):
            if len(w) >= 4:
                postings.setdefault(w, []).append(i)
    later: list[set[int]] = [set() for _ in range(n)]
    for ids in postings.values():
        if len(ids) > _COMMON_WORD:
            continue
        for k, i in enumerate(ids):
            later[i].update(ids[k + 1 :])
    return [sorted(js) for js in later]


def _mark_duplicates(blocks: list[Block]) -> None:
    """A paragraph repeated (exactly or nearly: a pasted lede and its standfirst, a caption and
    its credited copy) is kept once: the fuller copy stays, the other becomes ``duplicate``.
    A body paragraph is only dropped in favour of a caption or pull-quote when it is no longer
    than it (the bare copy of a caption), never the other way round."""
    norms = [_norm(b.text) for b in blocks]
    later = _candidate_pairs(norms)
    for i, a in enumerate(blocks):
        for j in later[i]:
            b = blocks[j]
            if a.kind == "duplicate":
                break
            if b.kind == "duplicate" or "body" not in (a.kind, b.kind):
                continue
            if min(len(norms[i]), len(norms[j])) < _MIN_DUP:
                continue
            short, long_ = sorted((norms[i], norms[j]), key=len)
            contained = len(short) >= 0.6 * len(long_) and short in long_
            if not contained and fuzz.ratio(norms[i], norms[j]) < 88:
                continue
            if a.kind == b.kind == "body":
                # keep the fuller copy; on a tie keep the first
                (a if len(norms[i]) < len(norms[j]) else b).kind = "duplicate"
            else:
                body, other = (a, b) if a.kind == "body" else (b, a)
                if len(_norm(body.text)) <= len(_norm(other.text)):
                    body.kind = "duplicate"


# --------------------------------------------------------------------------- assembly


_REMOVED_KIND = {
    "caption": "caption",
    "pull_quote": "pull_quote",
    "duplicate": "duplicate",
    "boilerplate": "boilerplate",
    "byline": "byline",
    "dateline": "other",
    "other": "other",
    "title": "title",
}


def clean_articles(articles: Sequence[Article]) -> tuple[list[CleanArticle], list[Skipped]]:
    """Clean every article; one whose text cleaning removed entirely (it was all captions,
    boilerplate, bylines...) is not analysed and comes back as Skipped with that reason."""
    kept: list[CleanArticle] = []
    skipped: list[Skipped] = []
    for art in articles:
        c = clean_article(art)
        if c.text.strip():
            kept.append(c)
        else:
            kinds = sorted({r.kind.replace("_", "-") for r in c.removed}) or ["white space"]
            skipped.append(Skipped(art.origin or art.id, "no text left after cleaning (all of it read as "
                                   f"{', '.join(kinds)}); see `newsprism clean`"))
    return kept, skipped


def clean_article(article: Article) -> CleanArticle:
    """Clean one article and infer the metadata it lacks (given metadata always wins)."""
    raw = article.text
    blocks = split_blocks(raw)
    classify(blocks)

    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    paragraphs: list[tuple[int, int]] = []
    removed: list[Removed] = []
    headings: list[Heading] = []
    pos = 0
    for b in blocks:
        if b.kind == "body":
            if parts:
                parts.append("\n\n")
                pos += 2
            start = pos
            for k, (rs, n) in enumerate(b.pieces):
                if k:
                    parts.append(" ")
                    pos += 1
                parts.append(raw[rs : rs + n])
                segments.append((pos, rs, n))
                pos += n
            paragraphs.append((start, pos))
        elif b.kind == "heading":
            headings.append(Heading(text=b.text, offset=pos + (2 if parts else 0), raw_start=b.raw_start, raw_end=b.raw_end))
        else:
            removed.append(Removed(kind=_REMOVED_KIND[b.kind], text=b.text, raw_start=b.raw_start, raw_end=b.raw_end))
    text = "".join(parts)
    # a heading after the last paragraph points at the end of the text
    for h in headings:
        h.offset = min(h.offset, len(text))

    clean = CleanArticle(
        id=article.id,
        raw=raw,
        text=text,
        removed=removed,
        headings=headings,
        paragraphs=paragraphs,
        offsets=OffsetMap(segments),
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        origin=article.origin,
        url=article.url,
        language=article.language,
    )
    metadata.infer(clean, [b.text for b in blocks if b.kind == "title"])
    return clean
