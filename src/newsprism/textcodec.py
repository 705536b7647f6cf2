"""Bytes -> text without silent mojibake.

Order: a byte-order mark (UTF-8/16/32); UTF-16/32 without one (recognised by where the zero
bytes fall); UTF-8; UTF-8 with stray single bytes (a mixed file) read as cp1252; text that
reads as Western European in cp1252/Latin-1; anything else through charset-normalizer, with a
warning when its guess is unsure. ``decode`` returns the text and a note (None when the
encoding is certain) that ends up in the briefing's warnings.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from .bounded import BadInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Non-ASCII characters of Western European text in cp1252: Latin-1 letters and the usual
# typographic signs. Superscripts, fractions and box signs are what other code pages'
# letters turn into, so they do not count.
_WESTERN = re.compile(
    r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    r"\u00a0\u00a3\u00a7\u00a9\u00ab\u00ae\u00b0\u00b4\u00b7\u00bb\u00bf\u00a1\u00ba\u00aa"
    r"\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u20ac\u2122]"
)
_LETTER_NON_ASCII = re.compile(r"[\u00c0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e]")
# UTF-8 read as cp1252: "Ã©", "â€™". Seeing these means the bytes were UTF-8 after all.
_MOJIBAKE = re.compile(r"[\u00c2\u00c3][\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u02c6\u02dc]|\u00e2\u20ac")
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xef][\x80-\xbf]{2}"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_SURE_COHERENCE = 0.3  # charset-normalizer coherence under this: warn that the guess is unsure
_SURE_CHAOS = 0.1


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # why the user may want to check this text


def _cp1252(raw: bytes) -> str:
    """cp1252, with its five undefined bytes read as Latin-1 (C1 controls)."""
    return raw.decode("cp1252", errors="newsprism-latin1")


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """In a UTF-8 file, a byte that is not UTF-8 is read as cp1252 (one byte at a time)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return _cp1252(exc.object[exc.start : exc.start + 1]), exc.start + 1


codecs.register_error("newsprism-latin1", _latin1_fallback)
codecs.register_error("newsprism-cp1252", _cp1252_fallback)


def _wide_unicode(sample: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark: mostly-ASCII text in them has a zero byte
    in a fixed position of every 2 or 4 bytes."""
    n = len(sample) - len(sample) % 4
    if n < 8:
        return None
    s = sample[:n]
    cols4 = [s[k::4].count(0) / (n // 4) for k in range(4)]
    if cols4[1] > 0.9 and cols4[2] > 0.9 and cols4[3] > 0.9 and cols4[0] < 0.5:
        return "utf-32-le"
    if cols4[0] > 0.9 and cols4[1] > 0.9 and cols4[2] > 0.9 and cols4[3] < 0.5:
        return "utf-32-be"
    even, odd = s[0::2].count(0) / (n // 2), s[1::2].count(0) / (n // 2)
    if odd > 0.6 and even < 0.2:
        return "utf-16-le"
    if even > 0.6 and odd < 0.2:
        return "utf-16-be"
    return None


def _printable_share(text: str) -> float:
    head = text[:4000]
    if not head:
        return 1.0
    return sum(ch.isprintable() or ch in "\n\r\t" for ch in head) / len(head)


def _western(text: str) -> bool:
    """Text that reads as Western European: every non-ASCII character a Latin-1 letter or a
    typographic sign, and non-ASCII letters a minority of the letters (in French, German or
    Spanish they are a few in a hundred; Cyrillic or Greek read as cp1252 is all of them)."""
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return True
    if any(not _WESTERN.match(ch) for ch in non_ascii):
        return False
    letters = sum(ch.isalpha() for ch in text)
    accented = len(_LETTER_NON_ASCII.findall(text))
    return accented <= 0.3 * letters + 1


def decode(data: bytes) -> Decoded:
    """Bytes -> text; BadInput for binary data or bytes no encoding fits."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(enc), enc)
            except UnicodeDecodeError as exc:
                raise BadInput(f"broken {enc.upper()} text: {exc.reason} at byte {exc.start}") from exc
    sample = data[:8192]
    wide = _wide_unicode(sample)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            text = None
        if text is not None and _printable_share(text) >= 0.95:
            return Decoded(text, wide, f"read as {wide.upper()} (no byte-order mark)")
    if b"\x00" in sample:
        raise BadInput("binary file (contains NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    multibyte = _UTF8_MULTIBYTE.findall(data)
    if multibyte:  # valid UTF-8 characters beside bytes that are not UTF-8: a mixed file
        mixed = data.decode("utf-8", errors="newsprism-cp1252")
        if _printable_share(mixed) >= 0.95:
            n_bad = sum(b >= 0x80 for b in data) - sum(len(m) for m in multibyte)
            return Decoded(mixed, "utf-8+cp1252", "mixed encodings: the bytes that are not "
                           f"UTF-8 ({n_bad}) were read as cp1252")
    western = _cp1252(data)
    if _western(western) and not _MOJIBAKE.search(western) and _printable_share(western) >= 0.95:
        return Decoded(western, "cp1252")
    return _detect(data)


def _detect(data: bytes) -> Decoded:
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise BadInput("not text: no character encoding fits these bytes")
    text = str(best)
    if _printable_share(text) < 0.95:
        raise BadInput(f"binary file (decodes as {best.encoding} to mostly unprintable characters)")
    note = None
    if best.coherence < _SURE_COHERENCE or best.chaos > _SURE_CHAOS:
        others = [m.encoding for m in matches if m.encoding != best.encoding][:2]
        note = (f"encoding unsure: read as {best.encoding} (coherence {best.coherence:.0%}, "
                f"noise {best.chaos:.0%}"
                + (f"; also possible: {', '.join(others)}" if others else "") + "); check the text")
    return Decoded(text, best.encoding, note)
