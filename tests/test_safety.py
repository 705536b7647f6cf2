"""Text from input made safe: short reasons, the terminal, Markdown, JSON lines."""

from __future__ import annotations

import json

from newsprism.safety import json_line, md_safe, one_line, short, terminal


def test_short_cuts_and_says_the_length() -> None:
    assert short("fine reason") == "fine reason"
    long = "x" * 5_000_000
    s = short(f"bad first line: {long}", 100)
    assert len(s) < 140 and s.endswith("(5,000,016 characters)")
    assert short("two\nlines\r\nhere\x1b[31m") == "two lines here\\x1b[31m"


def test_terminal_shows_controls_and_markup_as_text() -> None:
    out = terminal("name\x1b]0;pwned\x07[red]x[/]\u202egnp.exe\x9b2J")
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in out)
    assert "\\x1b" in out and "\\[red]" in out and "\\u202e" in out
    assert one_line("a\n\tb") == "a b"


def test_md_safe_breaks_html_and_links_and_is_idempotent() -> None:
    payloads = [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[here](javascript:alert(1))",
        "[here] (JavaScript :alert(1))",
        "<javascript:alert(1)>",
        "[1]: javascript:alert(1)",
        "<!-- hidden --> <a href='x'>",
    ]
    for p in payloads:
        once = md_safe(p)
        assert "<" not in once and ">" not in once
        assert "](" not in once.replace(" ", "") and "]:" not in once
        assert "javascript:" not in once.lower().replace(" ", "")
        assert md_safe(once) == once
    plain = "Rates rose [slightly], 0.25 points (data: the bank's) & more."
    assert md_safe(plain) == plain
    assert md_safe("tab\tline\nbell\x07esc\x1b[0m") == "tab\tline\nbell\ufffdesc\ufffd[0m"


def test_json_line_escapes_every_control_character() -> None:
    line = json_line({"t": "a\x1bb\x9bc\u202ed é"})
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in line)
    assert json.loads(line) == {"t": "a\x1bb\x9bc\u202ed é"}
