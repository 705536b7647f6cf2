"""Quotation marks: paired per paragraph by a character scanner and mapped to tokens; pull-quote
text parsed and matched."""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..sentences import paragraph_ranges, strip_span

# --------------------------------------------------------------------------- quote marks

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
# punctuation a quotation's edges lose (the marks' own commas and colons)
QUOTE_TRAILING = ",;:"
_SENTENCE_GAP = re.compile(r"[.!?]\s+[A-Z“\"]")
_CLOSE_PUNCT = set(".,;:!?)]}—–-…\"”’'»")


@dataclass(slots=True)
class QuotedSpan:
    """A run of text between paired quotation marks (offsets exclude the marks)."""

    start: int
    end: int
    open_pos: int  # offset of the opening mark
    close_end: int  # offset just past the closing mark (== end at a paragraph break)
    paragraph: int
    continued: bool = False  # runs on into the next paragraph
    continuation: bool = False  # continues a quotation from the previous paragraph


MAX_JOINED_LINES = 6  # a quotation may run over at most this many single line breaks


def quote_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs: runs of text between line breaks. Text exported one sentence per line
    breaks quotations too: a line that leaves a double quotation open is joined with the
    following lines (single line breaks only, none opening a quotation of its own, at most
    ``MAX_JOINED_LINES``) when the quotation closes there."""
    lines = paragraph_ranges(text)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        a, b = lines[i]
        _, left_open, _ = _scan_paragraph(text, a, b)
        j = i
        joined = i
        while left_open is not None and j + 1 < len(lines) and j - i < MAX_JOINED_LINES:
            na, nb = lines[j + 1]
            if text[lines[j][1] : na].count("\n") != 1:
                break  # a blank line ends the paragraph
            if text[na] in _DOUBLE_OPEN + '"' or text[na : na + 2] in ("‘'", "``"):
                break  # the next paragraph opens its own quotation: a continued quotation
            j += 1
            _, still_open, _ = _scan_paragraph(text, a, nb)
            if still_open != left_open:
                joined = j  # the quotation closes on line j
                break
        out.append((a, lines[joined][1]))
        i = joined + 1
    return out


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _reopens(text: str, a: int, i: int, b: int) -> bool:
    """The straight mark at ``i`` opens a quotation and cannot close one: a word follows it
    directly and a finished sentence (. ! ? then a space) precedes it."""
    nxt = text[i + 1] if i + 1 < b else " "
    if not _is_word_char(nxt):
        return False
    before = text[a:i]
    stripped = before.rstrip()
    return len(stripped) < len(before) and stripped.endswith((".", "!", "?"))


def _scan_paragraph(text: str, a: int, b: int) -> tuple[list[tuple[int, int, int, int]], int | None, list[int]]:
    """Pair marks inside text[a:b].

    Returns (pairs as (open_pos, content_start, content_end, close_end), the position of a
    double-quote opening left open at the paragraph end or None, positions of stray
    closing marks)."""
    pairs: list[tuple[int, int, int, int]] = []
    stray: list[int] = []
    outer: str | None = None  # "d" or "s"
    open_pos = -1
    open_len = 0
    nested_curly = 0
    i = a
    while i < b:
        ch = text[i]
        two = text[i : i + 2]
        prev = text[i - 1] if i > a else " "
        # ---- doubled singles from pasted text: ‘'…'' and ``…''
        nxt2 = text[i + 2] if i + 2 < b else " "
        if outer is None and (two in ("‘'", "``", "’'") or (two == "''" and not nxt2.isspace())) and (
            prev.isspace() or i == a or prev in "([—–-"
        ):
            outer, open_pos, open_len = "d", i, 2
            i += 2
            continue
        if two in ("''", "'’", "’’") and outer == "d" and text[open_pos : open_pos + open_len] in ("‘'", "``", "’'", "''"):
            pairs.append((open_pos, open_pos + open_len, i, i + 2))
            outer = None
            i += 2
            continue
        if ch in _DOUBLE_OPEN:
            if outer is None:
                outer, open_pos, open_len = "d", i, 1
                nested_curly = 0
            elif outer == "d" and text[open_pos] == '"':
                nested_curly += 1  # '"Stray. He called it “theatre”': a curly pair inside
            i += 1
            continue
        if ch in _DOUBLE_CLOSE:
            later = text.find('"', i + 1, b)
            if outer == "d" and text[open_pos] == '"' and open_len == 1 and (
                nested_curly > 0 or (later >= 0 and not _SENTENCE_GAP.search(text, i + 1, later))
            ):  # a straight mark closed by a curly one ('he "adjusted his waistband ” officials say') when
                # the next straight mark is sentences away
                nested_curly = max(0, nested_curly - 1)  # closes a curly pair inside the run
            elif outer == "d":
                pairs.append((open_pos, open_pos + open_len, i, i + 1))
                outer = None
            elif outer is None and ch == "”" and (i == a or prev.isspace()) and i + 1 < b \
                    and _is_word_char(text[i + 1]) and text.find("”", i + 1, b) >= 0:
                # ' ”Mr. Trump embodies ... shame.” ': a closing mark typed where only an
                # opening one fits (nothing before it, a word right after) and closed later
                outer, open_pos, open_len = "d", i, 1
                nested_curly = 0
            elif outer is None:
                stray.append(i)
            i += 1
            continue
        if ch == '"':
            if outer == "d" and text[open_pos] == '"' and _reopens(text, a, i, b):
                # '... the building. "It then spread ...': a mark that can only open, after a
                # finished sentence, while a quotation is open: that quotation ran on without
                # its closing mark (a paragraph break lost when lines were joined); it ends
                # here and a new one opens
                pairs.append((open_pos, open_pos + open_len, i, i))
                open_pos = i
            elif outer == "d":
                pairs.append((open_pos, open_pos + open_len, i, i + 1))
                outer = None
            elif outer is None:
                outer, open_pos, open_len = "d", i, 1
            i += 1
            continue
        if ch in "‘'’":
            nxt = text[i + 1] if i + 1 < b else " "
            if outer is None and ch in "‘'" and (i == a or prev.isspace() or prev in "([—–-/") and _is_word_char(nxt):
                outer, open_pos, open_len = "s", i, 1
            elif outer == "s" and ch in "’'" and not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_PUNCT or i + 1 >= b):
                # a possessive plural ("the players' union") also looks like this; accept
                # only when the quoted run is short enough to be a quotation of words
                pairs.append((open_pos, open_pos + open_len, i, i + 1))
                outer = None
            elif outer == "s" and ch in "’'" and prev.isspace() and i - 2 >= a and text[i - 2] in ",.?!" \
                    and (nxt.isspace() or i + 1 >= b):
                # "'We are looking for him, ' he said": text with a space before each closing mark
                pairs.append((open_pos, open_pos + open_len, i - 1, i + 1))
                outer = None
            i += 1
            continue
        i += 1
    left_open = open_pos if outer == "d" else None
    return pairs, left_open, stray


def quoted_spans(text: str, source_id: str = "") -> list[QuotedSpan]:
    """Every quotation in ``text``, paired per paragraph.

    Handles straight, curly, single-inside-double, doubled-single (‘'…'') and « » marks. A
    paragraph that opens a double quotation without closing it continues in the next
    paragraph when that one opens with a mark; any other unbalanced mark is skipped with a
    warning."""
    paras = quote_paragraphs(text)
    out: list[QuotedSpan] = []
    for pi, (a, b) in enumerate(paras):
        pairs, left_open, stray = _scan_paragraph(text, a, b)
        for op, cs, ce, cend in pairs:
            s, e = strip_span(text, cs, ce, QUOTE_TRAILING)
            if e > s:
                out.append(QuotedSpan(s, e, op, cend, pi))
        for pos in stray:
            warnings.warn(
                f"{source_id or 'text'}: closing quotation mark at offset {pos} has no opening mark; ignored",
                stacklevel=2,
            )
        if left_open is not None:
            nxt_start = paras[pi + 1][0] if pi + 1 < len(paras) else None
            opens_next = nxt_start is not None and (
                text[nxt_start] in _DOUBLE_OPEN + '"' or text[nxt_start : nxt_start + 2] in ("‘'", "``")
            )
            if opens_next:
                s, e = strip_span(text, left_open + 1, b, QUOTE_TRAILING)
                if e > s:
                    out.append(QuotedSpan(s, e, left_open, b, pi, continued=True))
            else:
                # skip the unmatched mark and pair what follows it on its own
                while left_open is not None:
                    warnings.warn(
                        f"{source_id or 'text'}: quotation opened at offset {left_open} is never closed; "
                        "quote skipped",
                        stacklevel=2,
                    )
                    pairs, left_open, _ = _scan_paragraph(text, left_open + 1, b)
                    for op, cs, ce, cend in pairs:
                        s, e = strip_span(text, cs, ce, QUOTE_TRAILING)
                        if e > s:
                            out.append(QuotedSpan(s, e, op, cend, pi))
    # mark continuations: a span opening a paragraph right after a 'continued' span
    by_para: dict[int, list[QuotedSpan]] = {}
    for q in out:
        by_para.setdefault(q.paragraph, []).append(q)
    for q in out:
        if q.continued:
            for nq in by_para.get(q.paragraph + 1, []):
                if nq.open_pos == paras[q.paragraph + 1][0]:
                    nq.continuation = True
    out.sort(key=lambda q: q.start)
    return out


# --------------------------------------------------------------------------- pull-quotes

_PULL_RE = re.compile(r"^(?P<content>.+?)\s*[—–]\s*(?P<attr>[^—–]+?)\s*$", re.S)


def parse_pull_quote(text: str) -> tuple[str, str, str | None] | None:
    """Split a pull-quote ``content — Name, Role`` into (content, name, role)."""
    m = _PULL_RE.match(text.strip())
    if not m:
        return None
    content = m.group("content").strip().strip("\"“”‘’'«» ")
    attr = m.group("attr").strip()
    if not content or not attr or len(attr.split()) > 12:
        return None
    name, _, role = attr.partition(",")
    return content, name.strip(), (role.strip() or None)


def _norm_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def pull_matches(pull_content: str, body_text: str) -> bool:
    """True when every ellipsis-separated piece of the pull-quote occurs, in order, in body."""
    body = " " + " ".join(_norm_words(body_text)) + " "
    pos = 0
    pieces = [p for p in re.split(r"…|\.\.\.|\[\.\.\.\]", pull_content) if _norm_words(p)]
    if not pieces:
        return False
    for piece in pieces:
        needle = " " + " ".join(_norm_words(piece)) + " "
        found = body.find(needle, pos)
        if found < 0:
            return False
        pos = found + len(needle) - 1
    return True


QUOTE_CHARS = set("\"'“”‘’«»")


def _char_to_token(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end


def quote_token_map(doc: Doc, qspans: Sequence[QuotedSpan]) -> tuple[list[int], list[tuple[int, int] | None]]:
    """For each token, the index of the quotation it lies in (-1 outside), and each
    quotation's token range (None when it does not align with tokens)."""
    in_quote = [-1] * len(doc)
    q_tokens: list[tuple[int, int] | None] = []
    for qi, q in enumerate(qspans):
        r = _char_to_token(doc, q.start, q.end)
        q_tokens.append(r)
        if r is not None:
            for t in range(r[0], r[1]):
                in_quote[t] = qi
    return in_quote, q_tokens


def quote_key(text: str) -> str:
    """Normalised words of a quotation: case, punctuation and quotation marks ignored, so
    the same words carried by two outlets get the same key."""
    return " ".join(_norm_words(text.replace("’", "'")))
