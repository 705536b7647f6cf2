"""Who holds a statement and what they assert (issue 14): a name inside what another said is not
a speaker, a negated saying asserts nothing, a negated belief rejects, a stance given up is not a
position, a coordinated cue continues the clause it follows. Texts written for the tests, from
business, sport, courts, disasters and science."""

from __future__ import annotations

from newsprism.embed import Embedder
from newsprism.perspectives import cues
from newsprism.perspectives.claims import StatementTable
from newsprism.perspectives.sides import is_holder_name

from .conftest import annotate_texts


def _statements(nlp, embedder, text: str):
    arts, ents = annotate_texts(nlp, {"a1": ("Test Wire", text)})
    return [s for s in StatementTable.build(arts, ents, embedder).statements if s.kind != "own"]


def _holding(sts, words: str):
    return [s for s in sts if words in s.text]


def test_a_name_inside_what_she_said_is_not_the_speaker_business(nlp, embedder: Embedder) -> None:
    """"She added that her brother had too much sense to hide losses, and doubted that he was
    even reading the accounts": the doubt is hers, her brother is only mentioned in what she
    added."""
    sts = _statements(nlp, embedder,
                      "Maria Lopez is the older sister of the chief executive. She added that her brother had too "
                      "much common sense to hide losses from the auditors, and doubted that he was even reading "
                      "the accounts at all.")
    doubt = _holding(sts, "reading the accounts")
    assert doubt, [(s.text, s.holder_names) for s in sts]
    for s in doubt:
        assert not any("brother" in h for h in s.holder_names), s.holder_names
        assert any("Lopez" in h for h in s.holder_names), s.holder_names


def test_a_negated_belief_rejects_and_a_negated_saying_asserts_nothing_sport(nlp, embedder: Embedder) -> None:
    """"many supporters don't believe the coach resigned" rejects the resignation; "the club did
    not say that the coach had resigned" asserts nothing about it."""
    sts = _statements(nlp, embedder,
                      "The club announced the departure on Friday. Many supporters don't believe "
                      "the coach resigned over the budget cuts.")
    resigned = _holding(sts, "the coach resigned")
    assert resigned, [(s.text, s.polarity) for s in sts]
    assert all(s.polarity == "deny" and s.family == cues.DENY for s in resigned), [(s.text, s.polarity) for s in resigned]
    assert all(not any("don" in h or h.endswith(" do") for h in s.holder_names) for s in resigned)
    sts = _statements(nlp, embedder,
                      "At the press conference the club did not say that the coach had resigned over the budget cuts.")
    assert not _holding(sts, "the coach had resigned"), [(s.text, s.holder_names, s.polarity) for s in sts]


def test_a_denial_given_up_is_not_a_position_disasters(nlp, embedder: Embedder) -> None:
    """"The operator initially denied that the dam had leaked, but later admitted ...": the
    denial is an earlier stance, not the operator's position on the leak."""
    sts = _statements(nlp, embedder,
                      "The operator initially denied that the dam had leaked before the flood, "
                      "but engineers later found cracks in the wall.")
    assert not [s for s in _holding(sts, "the dam had leaked") if s.polarity == "deny"], \
        [(s.text, s.polarity, s.cue) for s in sts]


def test_a_cue_continuing_a_reported_clause_is_its_subjects_courts(nlp, embedder: Embedder) -> None:
    """"Witnesses say defendant Paul Rees had long complained about his landlord, claimed the
    landlord was stealing his mail": the claim is Rees's, the witnesses only report it."""
    sts = _statements(nlp, embedder,
                      "Witnesses say defendant Paul Rees had long complained about his landlord, claimed the "
                      "landlord was stealing his mail and reading his letters.")
    claim = _holding(sts, "stealing his mail")
    assert claim, [(s.text, s.holder_names) for s in sts]
    assert all(any("Rees" in h for h in s.holder_names) for s in claim), [s.holder_names for s in claim]


def test_a_relative_clause_is_not_part_of_the_holder_science(nlp, embedder: Embedder) -> None:
    """"Colleagues of the researcher, who was dismissed in March, strongly deny that ...": the
    holder is the colleagues, without the clause describing them."""
    sts = _statements(nlp, embedder,
                      "Colleagues of the researcher, who was dismissed in March, strongly deny that she "
                      "falsified the trial data.")
    deny = _holding(sts, "falsified the trial data")
    assert deny, [(s.text, s.holder_names) for s in sts]
    names = [h for s in deny for h in s.holder_names]
    assert names and all("dismissed" not in h for h in names), names
    assert any(is_holder_name(h) for h in names), names


def test_a_quantifier_or_a_bare_person_is_no_holder() -> None:
    """"Many in the town", "A woman" name nobody a reader could place; a role labels them."""
    for vague in ("Many in the community", "some of those present", "A woman", "one man", "Others"):
        assert not is_holder_name(vague), vague
    for named in ("A woman (witness)", "Some residents", "A Kraft representative", "Witnesses", "Many Workers Union"):
        assert is_holder_name(named), named


def test_the_possessor_is_not_the_one_speaking_sport(nlp, embedder: Embedder) -> None:
    """"Marsh's agent denied that Marsh punched a steward": the agent denies it, in Marsh's
    camp; Marsh himself said nothing."""
    sts = _statements(nlp, embedder, "Marsh's agent denied that Marsh punched a steward after the match.")
    deny = _holding(sts, "punched a steward")
    assert deny, [(s.text, s.holder_names) for s in sts]
    for s in deny:
        assert s.holder_names == ["Marsh's agent"], s.holder_names


def test_a_report_that_only_reads_like_a_side_holds_it_not_courts() -> None:
    """A report joined to a side by likeness alone ("the autopsy showed seven bullets hit him"
    beside "police said his gun was loaded"): its source is evidence, not a holder; a claim in
    dispute, a stance of its own, or a camp already holding the dispute makes a holder."""
    from types import SimpleNamespace

    from newsprism.perspectives.holders import Actor
    from newsprism.perspectives.sides import asserts_side
    from newsprism.perspectives.statements import Statement

    def st(holder: str, camp: str, family: str = cues.REPORT) -> Statement:
        return Statement(source_id="s", sent_index=0, sent_start=0, sent_end=1, start=0, end=1, text="x",
                         holders=[Actor(name=holder, key=holder, camp=camp)], kind="reported",
                         family=family, polarity="assert")

    table = SimpleNamespace(statements=[
        st("Police", "police"),  # 0: the claim in dispute
        st("Medical Examiner", "examiner"),  # 1: a report joined by likeness
        st("Officer Reyes", "police"),  # 2: same camp as the disputing police
        st("The mayor", "city", cues.BLAME),  # 3: a stance of its own
    ])
    core = {0}
    assert asserts_side(0, core, table)
    assert not asserts_side(1, core, table)
    assert asserts_side(2, core, table)
    assert asserts_side(3, core, table)
