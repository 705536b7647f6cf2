"""Cleaning: general rules tested on text written for the purpose, then on the bundled seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.clean import clean_article, split_blocks
from newsprism.model import Article

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "khan-shaykhun"

# An invented sports report carrying every kind of paste debris.
SPORT = """Rovers stun league leaders in late comeback

Rovers came from two goals down to beat the league leaders 3-2 at Millbrook Park on Saturday.

Rovers came from two goals down to beat the league leaders 3-2 at Millbrook Park on Saturday, the club said.

Fans celebrate on the pitch after the final whistle at Millbrook Park. (Jane Smith/Getty Images)

Captain Ola Berg scored twice in the last ten minutes, and the home crowd stayed long after the final whistle to cheer the team off the pitch.

"We never stopped believing in each other." — Ola Berg, Rovers captain

"We never stopped believing in each other," Berg told reporters after the match.

Second half

Manager Tom Reyes said the team had trained for exactly this kind of pressure all season long.

Play

With files from The Northern Ledger and Reuters

Sign up for our weekly sport newsletter here."""

OPINION = """Why the council must fund the night buses

I have ridden the number 9 home after a late shift for eleven years, and I have never seen it this empty.

The council's decision to cut the service will leave thousands of shift workers stranded in the small hours.

Maria Lopez, Senior Lecturer in Urban Planning, Riverside University

The views expressed in this article are the author's own and do not necessarily reflect the editorial policy of City Voice."""


def test_blocks_keep_raw_offsets() -> None:
    raw = "First  paragraph\u00a0here.\n\nSecond one."
    blocks = split_blocks(raw)
    assert [b.text for b in blocks] == ["First paragraph here.", "Second one."]
    for b in blocks:
        for start, n in b.pieces:
            assert raw[start : start + n] in b.text


def test_hard_wrapped_lines_are_joined() -> None:
    raw = (
        "The storm brought down power lines across the county overnight and\n"
        "left some forty thousand homes without electricity, officials said on\n"
        "Monday morning.\n\nRepairs will take days."
    )
    c = clean_article(Article(id="w", text=raw))
    assert c.text.startswith("The storm brought down power lines across the county overnight and left")
    assert len(c.paragraphs) == 2


def test_invented_sport_article() -> None:
    c = clean_article(Article(id="sport", text=SPORT))
    kinds = [(r.kind, r.text[:30]) for r in c.removed]
    by_kind = {k for k, _ in kinds}
    assert c.title == "Rovers stun league leaders in late comeback"
    assert "caption" in by_kind and "(Jane Smith/Getty Images)" not in c.text
    assert "pull_quote" in by_kind
    assert "duplicate" in by_kind
    # the fuller copy of the lede stays, the shorter is removed
    assert "the club said" in c.text
    assert c.text.count("came from two goals down") == 1
    assert [h.text for h in c.headings] == ["Second half"]
    assert "Second half" not in c.text
    assert "Play" not in c.text.split()
    assert "With files from" not in c.text and "newsletter" not in c.text
    assert c.outlet == "The Northern Ledger"  # never the agency that is merely credited second
    assert c.inferred["outlet"]
    # the body quote is kept, only the pull-quote is removed
    assert '"We never stopped believing in each other," Berg told reporters' in c.text
    assert c.genre == "news"


def test_invented_opinion_article() -> None:
    c = clean_article(Article(id="op", text=OPINION))
    assert c.genre == "opinion"
    assert c.outlet == "City Voice"
    kinds = {r.kind for r in c.removed}
    assert {"byline", "boilerplate", "title"} <= kinds
    assert "Riverside University" not in c.text


def test_given_metadata_wins() -> None:
    c = clean_article(Article(id="op", text=OPINION, outlet="Given Outlet", title="Given title"))
    assert c.outlet == "Given Outlet" and c.title == "Given title"
    assert "outlet" not in c.inferred and "title" not in c.inferred


def test_quoted_agency_is_not_the_outlet() -> None:
    text = (
        "The minister resigned on Friday after weeks of pressure.\n\n"
        '"I have done nothing wrong," she told Reuters in an interview.\n\n'
        "Her deputy will take over until an election is held."
    )
    c = clean_article(Article(id="n", text=text))
    assert c.outlet is None


def test_sentences_with_dashes_are_not_pull_quotes() -> None:
    text = (
        "The board rejected the offer — a decision that surprised investors and analysts alike.\n\n"
        "Shares fell 4% on the news, the steepest drop since March."
    )
    c = clean_article(Article(id="b", text=text))
    assert not c.removed
    assert len(c.paragraphs) == 2


def test_offset_map_round_trips() -> None:
    c = clean_article(Article(id="sport", text=SPORT))
    for cs, rs, n in c.offsets.segments:
        assert c.text[cs : cs + n] == c.raw[rs : rs + n]
    i = c.text.index("Captain Ola Berg")
    rs, re_ = c.offsets.span_to_raw(i, i + len("Captain Ola Berg"))
    assert c.raw[rs:re_] == "Captain Ola Berg"
    for r in c.removed:
        assert " ".join(c.raw[r.raw_start : r.raw_end].split()) == r.text


@pytest.fixture(scope="module")
def seeds() -> dict[str, object]:
    out = {}
    for p in sorted(EXAMPLE.glob("*.txt")):
        out[p.stem] = clean_article(Article(id=p.stem, text=p.read_text(encoding="utf-8")))
    return out


def test_seed_outlets_inferred(seeds) -> None:
    outlets = {k: v.outlet for k, v in seeds.items()}
    assert outlets == {
        "000_the-conversation": "The Conversation",
        "001_cbc-news": "CBC News",
        "003_trt-world": "TRT World",
    }
    genres = {k: v.genre for k, v in seeds.items()}
    assert genres == {"000_the-conversation": "analysis", "001_cbc-news": "news", "003_trt-world": "opinion"}


def test_seed_debris_removed(seeds) -> None:
    cbc = seeds["001_cbc-news"]
    kinds = [r.kind for r in cbc.removed]
    assert kinds.count("caption") == 3
    assert kinds.count("pull_quote") == 2
    assert "duplicate" in kinds and "boilerplate" in kinds
    assert "(EPA)" not in cbc.text and "(Ammar Abdullah/Reuters)" not in cbc.text
    assert cbc.text.count("Russia denied on Wednesday that Syrian President") == 1
    assert cbc.text.count("Russia denies that") == 0
    assert "Lines crossed" in [h.text for h in cbc.headings]
    assert cbc.title == "Russia stands by Syria at UN over chemical weapons attack"

    trt = seeds["003_trt-world"]
    assert "(TRT World and Agencies)" not in trt.text
    assert "Nikki Haley holds photographs" not in trt.text
    assert "Disclaimer" not in trt.text and "pitches" not in trt.text

    conv = seeds["000_the-conversation"]
    assert "University of Bath" not in conv.text
    assert "first appeared" not in conv.text
    assert any(r.kind == "byline" for r in conv.removed)


WIRE = """Updated: 14 March 2023, 09:12 GMT

By Priya Natarajan

MUMBAI (Reuters) - India's central bank held its key interest rate steady on Tuesday, saying inflation was easing faster than it had expected.

Advertisement

"We remain watchful," governor Arun Mehta told a news conference in the city.

Read more: How the central bank sets rates

Economists polled before the meeting had expected no change."""


def test_wire_story_furniture() -> None:
    c = clean_article(Article(id="wire", text=WIRE))
    kinds = {r.kind for r in c.removed}
    assert "byline" in kinds and "other" in kinds and "boilerplate" in kinds
    assert c.text.startswith("MUMBAI (Reuters) - India's central bank")
    assert "Advertisement" not in c.text and "Read more" not in c.text and "Priya" not in c.text
    assert c.published == "2023-03-14" and "published" in c.inferred
    assert c.outlet == "Reuters" and c.inferred["outlet"].startswith("dateline")
    assert len(c.paragraphs) == 3


def test_one_sentence_per_line_keeps_quotes_and_dates_whole() -> None:
    raw = (
        "The council voted to close the pool on Tuesday.\n"
        '"We had no choice, the repairs would cost\n'
        'more than the building is worth," the mayor said.\n'
        "The pool opened on March\n"
        "14, 1998, and drew 40,000 swimmers a year.\n"
        "Residents plan a protest."
    )
    clean = clean_article(Article(id="pool", text=raw))
    paras = [clean.text[s:e] for s, e in clean.paragraphs]
    assert paras[0] == "The council voted to close the pool on Tuesday."
    assert any(p.startswith('"We had no choice') and p.endswith("the mayor said.") for p in paras)
    assert any("on March 14, 1998," in p for p in paras)
    assert paras[-1] == "Residents plan a protest."
    assert len(paras) == 4


def test_date_lines_of_exported_news_are_taken_out_and_date_the_article() -> None:
    # one sentence per line, a stamp with its time first, then a numeric date line
    raw = ("Shares in Harlow Motors rose after the takeover.\n"
           "8:44AM BST 16 Sep 2031\n"
           "Harlow Motors agreed to buy Voltic on Monday.\n"
           "The deal values Voltic at $2 billion.")
    c = clean_article(Article(id="biz", text=raw))
    assert "8:44AM" not in c.text and "Harlow Motors agreed" in c.text
    assert c.published == "2031-09-16" and c.confidence["published"] == "high"
    raw = ("The council closed the pool.\n04 / 04 / 2031\nRepairs would cost too much.")
    c = clean_article(Article(id="pool", text=raw))
    assert "04 / 04" not in c.text and any(r.text == "04 / 04 / 2031" for r in c.removed)
    assert not c.headings


def test_a_stamp_line_is_a_date_line_and_a_deck_is_no_headline() -> None:
    stamped = clean_article(Article(id="s", text="0930 GMT, 12 March 2031\n\nThe storm reached "
                                    "the coast this morning, officials said."))
    assert stamped.title is None and stamped.published == "2031-03-12"
    deck = clean_article(Article(id="d", text="National Weather Service upgrades deadly Storm "
                                 "Hanna to Category 4 after new data showed stronger winds than "
                                 "first measured\n\nThe National Weather Service has upgraded "
                                 "Storm Hanna to a Category 4 storm, it said on Monday."))
    assert deck.title is None
    headline = clean_article(Article(id="h", text="Weather service upgrades Storm Hanna\n\nThe "
                                     "National Weather Service has upgraded Storm Hanna to a "
                                     "Category 4 storm, it said on Monday."))
    assert headline.title == "Weather service upgrades Storm Hanna"
    signed = clean_article(Article(id="g", text="Jane Doe, science editor, example.com\n\nThe "
                                   "storm reached the coast this morning, officials said."))
    assert signed.title is None


def test_one_sentence_per_line_keeps_a_quoted_sentence_without_its_full_stop() -> None:
    # courts: '"...," she said' lost its full stop; headlines say "says", not "said"
    raw = (
        "The jury retired on Monday after a two-week trial.\n"
        "The defence called no witnesses.\n"
        "\"The evidence was never tested in this court,\" she said\n"
        "\"We will appeal whatever the verdict.\"\n"
    )
    c = clean_article(Article(id="a", text=raw))
    assert "never tested in this court,\" she said" in c.text
    assert not c.headings


def test_one_sentence_per_line_joins_a_title_cut_from_its_name() -> None:
    # science: the sentence splitter cut "Dr." from the name after it
    raw = (
        "The probe reached orbit on Sunday.\n"
        "\"Every system is working,\" said Dr.\n"
        "Helen Marsh of the mission team, adding that data would follow.\n"
        "The launch had been delayed twice.\n"
    )
    c = clean_article(Article(id="a", text=raw))
    assert "said Dr. Helen Marsh of the mission team" in c.text


def test_one_sentence_per_line_a_quotation_over_paragraphs_reopens_each_one() -> None:
    # sport: each paragraph of a long quotation opens with a mark, only the last closes
    raw = (
        "\"It was a hard game,\" the coach said.\n"
        "\" The players never gave up.\n"
        "\" We were down at half time.\n"
        "Nobody expected us to come back.\n"
        "\" We did, and that is what matters. \"\n"
        "The team plays again on Sunday.\n"
    )
    paras = clean_article(Article(id="a", text=raw)).text.split("\n\n")
    assert paras[1] == "\" The players never gave up."
    assert paras[2] == "\" We were down at half time. Nobody expected us to come back."
    assert paras[3] == "\" We did, and that is what matters. \""
