"""Render helpers: quote grouping, dates, Markdown cells."""

from __future__ import annotations

from newsprism.render.view import (
    View,
    bind,
    environment,
    fmt_date,
    md_cell,
    origin_name,
    quote_groups,
    same_values,
)


def _q(i: int, sid: str, speaker: str | None, text: str, **kw) -> dict:
    return {"id": f"q{i}", "source_id": sid, "start": i * 10, "end": i * 10 + 5, "text": text,
            "speaker": speaker, "kind": "direct", "cue": "said", "negated": False, **kw}


def test_quote_groups_merge_copies_and_order_by_statements() -> None:
    quotes = [
        _q(1, "a", "Ana Ruiz", "We flagged the cracks."),
        _q(2, "b", "Ana Ruiz", "we flagged the cracks. "),  # same wording, another outlet
        _q(3, "a", "Mira Osei", "Every family will be housed.", same_as=["q5"]),
        _q(4, "c", "Ana Ruiz", "Nobody answered.", speaker_role="union chair"),
        _q(5, "d", "Mira Osei", "All families will have homes by Friday."),  # linked by same_as
        _q(6, "a", None, "It was chaos."),
        _q(7, "a", "Ana Ruiz", "We flagged the cracks.", repeats="q1"),  # a pull-quote copy
    ]
    groups = quote_groups(quotes)
    assert [g["speaker"] for g in groups] == ["Ana Ruiz", "Mira Osei", "Unattributed"]
    ana, mira, _ = groups
    assert ana["n"] == 3 and ana["outlets"] == 3 and ana["roles"] == ["union chair"]
    assert [e["carried"] for e in ana["entries"]] == [["a", "b"], ["c"]]
    assert len(mira["entries"]) == 1 and mira["entries"][0]["carried"] == ["a", "d"]


def test_formatting_helpers() -> None:
    assert fmt_date("2017-04-04") == "4 April 2017"
    assert fmt_date("2017-04") == "April 2017"
    assert fmt_date(None) == "date unknown"
    assert md_cell("a | b\nc") == "a \\| b c"


def test_origin_name_keeps_the_file_not_the_folders() -> None:
    assert origin_name("/tmp/newsprism-upload-x1/pasted-1.txt") == "pasted-1.txt"
    assert origin_name("C:\\data\\wires.jsonl:12") == "wires.jsonl:12"
    assert origin_name("/crawl/day.warc.gz#3 https://news.example/a/b") == "day.warc.gz#3 https://news.example/a/b"
    assert origin_name("https://feed.example/rss#2") == "https://feed.example/rss#2"
    assert origin_name(None) == ""


def test_same_values_say_a_repeated_count_once() -> None:
    def f(start: int, low: int, by: str | None = None) -> dict:
        return {"source_id": "a", "start": start, "end": start + 2, "low": low, "high": low,
                "qualifier": "exact", "counts": "people injured", "attributed_to": by, "text": str(low)}

    values = same_values([f(0, 12), f(40, 12, "the league"), f(80, 30), f(120, 12)])
    assert [(v["figure"]["start"], len(v["spans"]), v["by"]) for v in values] == [(0, 3, ["the league"]), (80, 1, [])]


def _quotes_html(speakers: int, statements: int, outlet: str | None = "Harbour Times",
                 html: bool = True) -> str:
    sources = [{"id": "a", "outlet": outlet, "title": None, "text": "x" * 5000}]
    quotes = [_q(i * 20 + k, "a", f"Speaker {i}", f"Statement {k} of speaker {i}.")
              for i in range(speakers) for k in range(statements - i)]
    data = {"sources": sources, "quotes": quotes, "story": {"outlets": [outlet] if outlet else []}}
    env = environment(html=html)
    bind(env, View(data, html=html))
    return env.get_template("html/quotes.j2" if html else "md/quotes.j2").render(b=data)


def test_long_quote_lists_are_folded() -> None:
    html = _quotes_html(speakers=10, statements=12)
    shown, _, folded = html.partition('<details class="more"><summary>2 more speakers')
    assert folded and "Speaker 8" in folded and "Speaker 8" not in shown.split("</details>")[-1]
    assert shown.count("<h3>") == 8
    assert "9 more from Speaker 0" in html  # 12 statements: 3 shown
    short = _quotes_html(speakers=2, statements=3)
    assert "<details" not in short and short.count("<li") == 5


def test_speakers_count_articles_when_no_outlet_is_known() -> None:
    # bare texts (no outlet in the metadata): "in 1 outlet" would claim what is not known
    for html in (True, False):
        named = _quotes_html(speakers=1, statements=2, html=html)
        bare = _quotes_html(speakers=1, statements=2, outlet=None, html=html)
        assert "1 outlet" in named and "article" not in named
        assert "1 article" in bare and "outlet" not in bare.replace("outlets", "")


def test_an_according_to_cue_reads_as_one_whatever_its_case() -> None:
    # "According to Ethnos newspaper, the loans were written off": the cue opens the sentence
    for html in (True, False):
        data = {"sources": [{"id": "a", "outlet": None, "title": None, "text": "x" * 500}],
                "quotes": [_q(1, "a", "Ethnos newspaper", "the loans were written off",
                              kind="indirect", cue="According to")],
                "story": {"outlets": []}}
        env = environment(html=html)
        bind(env, View(data, html=html))
        out = env.get_template("html/quotes.j2" if html else "md/quotes.j2").render(b=data)
        assert "(according to Ethnos newspaper)" in out
        assert "According to" not in out


def test_a_summary_sentence_cites_the_source_it_is_quoted_from_first() -> None:
    # the note under the summary says each sentence is quoted from its first cited source
    sources = [{"id": s, "outlet": None, "title": None, "text": "x" * 200} for s in "abc"]
    data = {"sources": sources, "summary": [{"text": "Votes were counted.", "citations": [
        {"source_id": "c", "start": 0, "end": 19}, {"source_id": "a", "start": 5, "end": 24},
        {"source_id": "b", "start": 9, "end": 28}]}]}
    for html in (False, True):
        env = environment(html=html)
        bind(env, View(data, html=html))
        out = env.get_template("html/summary.j2" if html else "md/summary.j2").render(b=data)
        assert out.index("[3]") < out.index("[1]") < out.index("[2]"), out
