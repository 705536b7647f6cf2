"""English language data shared by every stage: months, weekdays, number words, stop words,
reporting and denial verbs. One table each; a stage that needs a variant derives it here or
next to its rule from these tables instead of writing the words again."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP_WORDS

MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
# abbreviations, in the order a regular expression tries them ("Sept" before "Sep")
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# every lower-case month word -> month number
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)},
    **MONTH_ABBREVIATIONS,
}
WEEKDAY_NAMES: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip
# lower-case weekday -> datetime.weekday() number
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}

# cardinal number words -> value; compounds ("twenty-one") are built from these
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# multipliers written as words or abbreviations ("1.4m", "3bn", "20k")
SCALE_WORDS: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000,
}  # fmt: skip

# the forms a news writer reports with that spaCy's stop list leaves out
REPORTED_SPEECH_FORMS: frozenset[str] = frozenset("said says told".split())
# spaCy's English stop words plus the reporting forms: words that say nothing about content
STOP_WORDS: frozenset[str] = frozenset(SPACY_STOP_WORDS) | REPORTED_SPEECH_FORMS

# verbs by which a holder rejects what follows: lemma -> its other forms
DENIAL_VERBS: dict[str, tuple[str, ...]] = {
    "deny": ("denies", "denied", "denying"),
    "reject": ("rejects", "rejected", "rejecting"),
    "dismiss": ("dismisses", "dismissed", "dismissing"),
    "dispute": ("disputes", "disputed", "disputing"),
    "refute": ("refutes", "refuted", "refuting"),
    "rebut": ("rebuts", "rebutted", "rebutting"),
    "contest": ("contests", "contested", "contesting"),
    "contradict": ("contradicts", "contradicted", "contradicting"),
    "disavow": ("disavows", "disavowed", "disavowing"),
    "repudiate": ("repudiates", "repudiated", "repudiating"),
}

# verbs that report what a holder says or believes: lemma -> the forms a stance cue matches
# (a base form only where it is not also a common noun: "say", "believe")
REPORTING_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("said", "says", "say"),
    "tell": ("told", "tells"),
    "state": ("stated", "states"),
    "add": ("added", "adds"),
    "claim": ("claimed", "claims"),
    "insist": ("insisted", "insists"),
    "maintain": ("maintained", "maintains"),
    "argue": ("argued", "argues"),
    "believe": ("believes", "believed", "believe"),
    "allege": ("alleged", "alleges"),
    "conclude": ("concluded", "concludes"),
    "report": ("reported", "reports"),
    "announce": ("announced", "announces"),
    "confirm": ("confirmed", "confirms"),
    "suggest": ("suggested", "suggests"),
    "warn": ("warned", "warns"),
    "write": ("wrote", "writes"),
    "repeat": ("repeated", "repeats"),
    "reiterate": ("reiterated", "reiterates"),
    "assert": ("asserted", "asserts"),
    "contend": ("contended", "contends"),
    "acknowledge": ("acknowledged", "acknowledges"),
    "admit": ("admitted", "admits"),
    "testify": ("testified", "testifies"),
    "explain": ("explained", "explains"),
    "estimate": ("estimated", "estimates"),
    "note": ("noted", "notes"),
}

# every form of the reporting and denial verbs, and of "think": the verbs a speaker is the
# subject of ("He denied ...", "They thought ...")
SPEAKING_FORMS: frozenset[str] = frozenset(
    {form for forms in (*REPORTING_VERBS.values(), *DENIAL_VERBS.values()) for form in forms}
    | {"thinks", "thought"}
)
# the inflected forms of the reporting verbs (past tense, third person: "said", "announces"),
# which, unlike "say" or "believe", mark reported speech wherever they stand
REPORTED_FORMS: frozenset[str] = frozenset(
    form for lemma, forms in REPORTING_VERBS.items() for form in forms if form != lemma
)
