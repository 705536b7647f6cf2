"""Text from input made safe for where it is shown: short one-line reasons, the terminal,
Markdown and JSON lines.

Everything an input can carry (file names, outlet fields, titles, article text, a library's
error message) may hold control characters, raw HTML or kilobytes without a line break. These
helpers are the one place that decides how such text is cut and neutralised."""

from __future__ import annotations

import json
import re
from typing import Any

REASON_CHARS = 300  # longest reason or warning kept (the rest is cut, with the length said)

# C0 and C1 control characters, DEL, the Unicode line/paragraph separators and bidi
# overrides that can reorder or hide what a terminal shows, and lone surrogates (a file name
# that is not UTF-8) that no output can encode.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029]+")


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """Line breaks and tabs folded to one space, other control characters shown as ``\\xNN``."""
    return _CONTROL.sub(_visible, _LINE_BREAKS.sub(" ", text))


def short(text: object, limit: int = REASON_CHARS) -> str:
    """One line of at most about ``limit`` characters: ``"first part… (N characters)"`` when
    cut. For reasons and warnings that may embed input (an error message quoting a whole
    newline-free "first line", a 10 MB field...)."""
    s = str(text)
    if len(s) > 4 * limit:  # never scan megabytes for a one-line reason
        total = len(s)
        s = s[: 4 * limit]
    else:
        total = len(s)
    s = one_line(s)
    if total <= limit and len(s) <= limit:
        return s
    return f"{s[:limit].rstrip()}… ({total:,} characters)"


def terminal(text: object) -> str:
    """Text from input, safe to print with rich: no control characters (shown as ``\\xNN``),
    no line breaks, and no rich markup (``[red]`` is printed as written)."""
    from rich.markup import escape

    return escape(one_line(str(text)))


_MD_HTML = str.maketrans({"<": "&lt;", ">": "&gt;"})
# A Markdown link or reference definition needs "](" or "]:"; a backslash before the second
# character leaves the brackets as text. "<" is escaped, so no autolink <javascript:...> either.
_MD_LINK = re.compile(r"\](\s*)([(:])")
_MD_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_JS_SCHEME = re.compile(r"(?i)\b(javascript|vbscript)(\s*):")


def md_safe(value: Any) -> str:
    """Text from input made inert in Markdown: no raw HTML (``<`` and ``>`` become entities), no
    link or link definition (``](`` and ``]:`` are broken with a backslash), and a
    ``javascript:`` or ``vbscript:`` scheme is broken too; control characters (but tab and
    line break) and lone surrogates become U+FFFD. Idempotent, so it can run on
    every value a template prints, on text that already passed through it."""
    s = "" if value is None else str(value)
    if not s:
        return s
    s = _MD_CONTROL.sub("\ufffd", s.translate(_MD_HTML))
    s = _MD_LINK.sub(lambda m: f"]{m.group(1)}\\{m.group(2)}", s)
    return _JS_SCHEME.sub(lambda m: f"{m.group(1)}{m.group(2)}\\:", s)


_C1 = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_line(obj: Any) -> str:
    """One JSON line with non-ASCII text kept readable but every control character escaped
    (``json.dumps`` escapes C0 controls; DEL, C1 controls and bidi overrides too here)."""
    line = json.dumps(obj, ensure_ascii=False)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", line)
