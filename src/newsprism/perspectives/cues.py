"""Cue lexicons for stance: reporting, denial, blame, evidence, counter-explanations, hedges.

Every pattern is a general English construction (no event-specific words); the tests exercise
each family on sentences from sport, business, courts, science and disasters."""

from __future__ import annotations

import re

from ..language import DENIAL_VERBS, REPORTING_VERBS

# families of cue
REPORT = "report"  # neutral reporting: said, told, believes, according to
DENY = "deny"  # the holder rejects the proposition that follows
BLAME = "blame"  # the holder assigns responsibility (blamed X for Y, accused X of Y)
EVIDENCE = "evidence"  # the holder has evidence / findings that P
PROVEN = "proven"  # passive: P has been proven / confirmed by X (holder after "by")
COUNTER = "counter"  # an alternative explanation / calls another claim a lie
ACCORDING = "according"  # P, according to X (holder after the cue)
NOUN_REPORT = "noun_report"  # concerns expressed by X that P (holder after "by", P after "that")

_REPORT_VERBS = "|".join(form for forms in REPORTING_VERBS.values() for form in forms)
# denial verbs, and doubting ones ("questioned whether X", "doubted that X")
DENY_VERBS = "|".join(form for lemma, forms in DENIAL_VERBS.items() for form in (lemma, *forms)) + "|questioned|doubted"
BLAME_VERBS = r"blamed|blames|blame|blaming|accused|accuses|accuse|accusing|faulted|faults"
_EVIDENCE_VERBS = r"gathered|collected|found|obtained|documented|compiled|uncovered|presented"
_PROVEN_VERBS = r"proven|proved|confirmed|established|documented|verified|demonstrated|shown"

# a holder rejects an accusation against themselves: "pleaded not guilty", "maintains his
# innocence", "entered a not guilty plea", "looks forward to clearing my name"
INNOCENCE = re.compile(
    r"\b(?:(?:maintain|protest|proclaim|proffer|assert|declare|profess|insist\w*\s+on|prov)(?:s|ed|ing|e)?\s+"
    r"(?:his|her|their|its|my|our)\s+innocence|(?:plead|pleads|pleaded|pleading|pled)\s+not\s+guilty|"
    r"(?:entered|enters|entering|lodged|lodges)\s+(?:a\s+|pleas?\s+of\s+)?not[\s\-]guilty(?:\s+pleas?)?|"
    r"(?:clear|clears|cleared|clearing)\s+(?:my|his|her|their|its|our)\s+names?)\b",
    re.I,
)
# a holder doubting or refusing to accept what another announced: "refused to believe it",
# "expressed scepticism about their conclusion", "cast doubt on the findings"
DOUBT = re.compile(
    r"\b(?:refus(?:ed|es|e|ing)\s+to\s+(?:believe|accept\s+that)|(?:expressed|expresses|expressing|voiced|"
    r"voices|voicing|raised|raises|raising|cast|casts|casting|gave\s+voice\s+to|gives\s+voice\s+to)\s+(?:\w+\s+){0,3}?"
    r"(?:doubts?|scepticism|skepticism|disbelief))\b",
    re.I,
)

CUE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # a report as a noun, its holder after "by": "concerns expressed by euro zone states that P",
    # "allegations made by the club's former physio that P"
    (
        NOUN_REPORT,
        re.compile(
            r"\b(?:concerns?|fears?|worries|warnings?|claims?|allegations?|accusations?|suggestions?|"
            r"assertions?|complaints?|charges?)\s+(?:\w+\s+)?(?:expressed|raised|voiced|made|aired|levell?ed|"
            r"put\s+forward|lodged)\s+by\s+(?P<h>[^;:.\"“”]{2,80}?)\s*,?\s+that\s+",
            re.I,
        ),
    ),
    (
        COUNTER,
        re.compile(
            r"\b(?:offered|offers|gave|gives|put forward|puts forward|proposed|proposes|advanced|"
            r"advances|presented|presents)\s+(?:an?\s+|its\s+|their\s+|his\s+|her\s+)?"
            r"(?:alternative|different|competing|rival|own)\s+(?:explanation|account|version|"
            r"theory|narrative)\b",
            re.I,
        ),
    ),
    (
        COUNTER,
        re.compile(
            r"\bcall(?:ed|s|ing)?\s+(?P<obj>[^.;:]{1,90}?)\s+an?\s+[\"“'‘]?(?:lie|lies|fabrication|"
            r"hoax|fake|fiction|falsehood|fantasy|smear|provocation)\b",
            re.I,
        ),
    ),
    (EVIDENCE, re.compile(rf"\b(?:has|have|had)\s+(?:{_EVIDENCE_VERBS})\s+(?:\w+\s+){{0,2}}evidence\s+that\b", re.I)),
    (EVIDENCE, re.compile(r"\bevidence\s+(?:shows|showed|suggests|suggested|indicates|indicated|proves|proved)\s+that\b", re.I)),
    (
        PROVEN,
        re.compile(
            rf"\b(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:\w+ly\s+)?(?:{_PROVEN_VERBS})\b"
            r"(?P<mid>(?:(?!\bthat\b)[^.;]){0,60}?)\bby\s+",
            re.I,
        ),
    ),
    # verbs are matched in lower case only: "The United States" is not a cue
    (DENY, re.compile(rf"\b(?:{DENY_VERBS})\b")),
    # a holder rejecting what is said of them or doubting what others announced; what they
    # reject is named by the cue's object ("his innocence", "their conclusion", "it")
    (DENY, INNOCENCE),
    (DENY, DOUBT),
    (BLAME, re.compile(rf"\b(?:{BLAME_VERBS})\b")),
    (ACCORDING, re.compile(r"\b[Aa]ccording\s+to\s+")),
    (REPORT, re.compile(rf"\b(?:{_REPORT_VERBS})\b")),
]

# words that make a claim's own content negative
# ("No. 5 seed" is a number, not a negation)
NEGATION = re.compile(r"\b(?:not|never|no(?!\.\s*\d)|neither|nor|nobody|nothing|none|without)\b|n't\b", re.I)

# an own-voice sentence with one of these is speculation, a question or a condition, not a claim
HEDGE = re.compile(
    r"^\s*(?:if|whether|perhaps|maybe|as)\b|\b(?:may|might|could|would|should|must)\b|"
    r"\b(?:not|un)\s*clear\b|\bunclear\b|\bremains to be seen\b|\?\s*[\"”’']?\s*$|"
    r"\b(?:suspected|alleged|allegedly|possibly|reportedly|apparently|supposedly)\b",
    re.I,
)

# a content that is only an anaphoric object: "rejected the allegations", "denied it"
BARE_OBJECT = re.compile(
    r"^\s*(?:the|these|those|this|that|such|all|any|its|their|his|her|our)?\s*"
    r"(?:\w+\s+)?(?:allegations?|claims?|accusations?|charges?|reports?|suggestions?|"
    r"assertions?|accounts?|findings?|it|this|that|them)\s*[.,;:]?\s*$",
    re.I,
)

# an elliptical own-voice contradiction of the previous sentence: "But the air force is."
ELLIPTIC_REBUTTAL = re.compile(
    r"^\s*(?:but|yet|however,?|in fact,?|actually,?)\s+(?P<subj>[^,.;]{1,60}?)\s+"
    r"(?:is|are|was|were|does|do|did|has|have|had|can|will)\s*(?:so|too|indeed)?\s*[.!]\s*$",
    re.I,
)

# phrases that end a claim's clause (what follows is the reporter's framing)
CLAUSE_END = re.compile(
    r"\s+[—–]\s+|;\s|,\s+(?:setting|prompting|raising|adding|saying|which|while|who|despite|"
    r"putting|leaving|making|marking|according)\b|\s\((?!\w+\))",
)

PRONOUN_HOLDER = re.compile(r"^(?:he|she|they|it|we|i)$", re.I)
LEADING_NOISE = re.compile(
    r"^(?:(?:but|and|yet|so|however|meanwhile|also|then|earlier|later|again|now|still|"
    r"indeed|moreover|further|instead|previously|separately)\b[\s,]*)+",
    re.I,
)
TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:strongly|firmly|flatly|categorically|repeatedly|again|also|earlier|later|"
    r"quickly|publicly|previously|swiftly|vehemently|angrily|has|have|had|had\s+long|has\s+long|"
    r"long|always|never|already|then|now|once|still|on\s+\w+day|\w+ly))+\s*$",
    re.I,
)

# who is answered to be responsible for an event: "blamed R for", "caused by R", "R was to blame"
_R = r"(?P<r>(?:(?!\bby\b)[^,.;:—–()]){1,60}?)"
RESPONSIBLE_PATTERNS: list[re.Pattern[str]] = [
    re.compile(rf"\bblam\w*\s+(?P<e>[^,.;:—–]{{1,80}}?)\s+on\s+{_R}(?=$|[,.;:—–)]|\s+(?:while|and|as|because|for|in|at|when|after)\b)", re.I),
    re.compile(rf"\b(?:blam|fault)\w*\s+{_R}\s+for\b", re.I),
    re.compile(rf"\baccus\w*\s+{_R}\s+(?:of|for|as\s+being\s+behind)\b", re.I),
    re.compile(rf"(?:^|[,;:—–]\s*|\bthat\s+){_R}\s+(?:was|were|is|are|had\s+been|has\s+been)\s+(?:to\s+blame|responsible|behind|the\s+culprits?|at\s+fault)\b", re.I),
    re.compile(
        rf"\b(?:caused|dropped|carried\s+out|deployed|launched|fired|committed|perpetrated|released|"
        rf"set\s+off|started|triggered|ordered|orchestrated|planted|staged)\s+by\s+{_R}(?=$|[,.;:—–)]|\s+(?:and|that|which|who|while|in|at|on|with|when|after|during)\b)",
        re.I,
    ),
    # an agent doing a harmful act (active voice only): "the air force is using chlorine",
    # "the militia shelled the town", "the army has fired rockets"
    re.compile(
        # the agent: a name or a noun phrase, not an article alone ("A fired accountant") nor a
        # phrase running into an auxiliary or a relative clause ("X was fired", "A man who was")
        r"(?:^|[,;:—–]\s*|\b(?:that|but|and|yet)\s+)(?P<r>(?:(?:the|The|A|An)\s+[\w\-]+|(?!(?:A|An|The)\b)[A-Z][\w\-]*)"
        r"(?:\s+(?!(?:was|were|is|are|be|been|being|has|have|had|who|which|that|then|also)\b)[\w\-]+){0,3}?)\s+"
        r"(?:(?:is|are|was|were)\s+(?:using|dropping|deploying|launching|firing|bombing|shelling|"
        r"attacking|killing|poisoning|gassing)|(?:(?:has|have|had)\s+)?(?:used|dropped|deployed|launched|"
        r"fired|bombed|shelled|attacked|killed|poisoned|gassed))\b(?!\s+(?:by|from|as)\b)",
    ),
    re.compile(rf"\bbelong(?:ed|s|ing)?\s+to\s+{_R}(?=$|[,.;:—–)]|\s+(?:and|that|which|who|while|in|at|on|with|when)\b)", re.I),
]

# a natural or accidental event is no party that did it: "Flooding in Riverton killed four
# people", "the storm destroyed 300 homes" answer nothing about who is responsible
EVENT_AGENT = re.compile(
    r"(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}?(?:flood(?:ing|s|waters)?|storms?|fires?|blaze|wildfires?|earthquakes?|quakes?|"
    r"tsunamis?|explosions?|blasts?|crash(?:es)?|hurricanes?|typhoons?|cyclones?|tornado(?:e?s)?|landslides?|"
    r"mudslides?|avalanches?|outbreaks?|epidemics?|diseases?|virus(?:es)?|heatwaves?|droughts?|collapse|accident|"
    r"rains?|rainfall|winds?|snow(?:storm)?s?)\b",
    re.I,
)
# a place named in a locative phrase inside an answer is not the answer: "Flooding in Riverton"
LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|across|outside|inside|around|on|off)\s+(?:the\s+)?$", re.I)

# a clause that says no cause is known yet: "it was too early to link the fire to ...", "it is
# unclear whether ...": whatever cause follows is not asserted
NOT_ASSERTED = re.compile(
    r"\b(?:too\s+early|too\s+soon|premature|unclear|not\s+(?:yet\s+)?clear|not\s+(?:yet\s+)?known|unknown|"
    r"impossible\s+to\s+(?:say|tell|know)|no\s+evidence|whether)\b",
    re.I,
)

# an explanation given in a clause: "shot them because he was furious", "closed due to a
# fault", "as a result of the cuts" (the cause runs to the end of the clause)
CAUSE_CLAUSE = re.compile(
    r"\b(?:because(?:\s+of)?|due\s+to|owing\s+to|as\s+a\s+result\s+of)\s+(?P<c>[^,.;:—–()]{3,120})",
    re.I,
)
# what is left of a clause once its answer is taken out, when it states no event of its own:
# "was to blame", "were responsible", "is at fault"
ANSWER_WORDS = re.compile(
    r"(?:(?:that|it|this|which)\s+)?(?:was|were|is|are|had\s+been|has\s+been|be)?\s*(?:not\s+|also\s+|partly\s+|"
    r"largely\s+|solely\s+|mainly\s+)?(?:to\s+blame|responsible|behind\s+it|behind|the\s+culprits?|at\s+fault|"
    r"the\s+cause|the\s+reason)?",
    re.I,
)
_THING_AFTER_POSSESSOR = re.compile(r"[’']s?\s+(?:[\w\-]+\s+){0,4}[\w\-]+\s*$")


def cause_phrase(phrase: str, names: list[tuple[int, int]]) -> bool:
    """An answer to "who is responsible" that gives a cause, not a party: no name in it ("an
    electrical fault was to blame"), or names (their offsets in ``phrase``) only as the possessor
    of what is blamed ("the pilot's fatigue", "Smith's history of mental illness"): the thing,
    not its owner."""
    if not re.search(r"[A-Za-z]{3,}", phrase):
        return False
    if not names:
        return not generic_answer(phrase)
    return all(_THING_AFTER_POSSESSOR.match(phrase[e:]) for _, e in names)


# an answer that only describes whoever did it names no one responsible: "a person", "the
# attackers", "eight gunmen and suicide bombers", "those responsible" (an answer with a name or a
# demonym in it, "Syrian gunmen", is kept by its entity)
GENERIC_PERPETRATOR = re.compile(
    r"(?:person|persons|people|man|men|woman|women|someone|somebody|anyone|anybody|individual|"
    r"attacker|assailant|gunman|gunmen|shooter|perpetrator|culprit|suspect|bomber|killer|intruder|"
    r"those|whoever|unknown)",
    re.I,
)
_CONJUNCT = re.compile(r"\s*(?:,|\band\b|\bor\b|&)\s*", re.I)


def generic_answer(phrase: str) -> bool:
    """The answer's head noun (the last word of its first conjunct) only describes a perpetrator."""
    first = _CONJUNCT.split(phrase.strip(), maxsplit=1)[0]
    words = re.findall(r"[A-Za-z][\w'\-]*", first)
    if not words:
        return False
    head = re.sub(r"'s$", "", words[-1].lower())
    if head.endswith("s") and not head.endswith("ss") and GENERIC_PERPETRATOR.fullmatch(head[:-1]):
        return True
    return bool(GENERIC_PERPETRATOR.fullmatch(head)) or (words[0].lower() == "those" and head == "responsible")


# the cue sits in a hypothetical: "If Washington says ...", "it may state that ..."
HYPOTHETICAL = re.compile(r"\b(?:if|unless|whether|may|might|could|would|should)\b", re.I)
# a subject that names nobody: "There have been reports", "It is said"
EXPLETIVE = re.compile(r"^\s*(?:there|it|this|that|if|when|whether|as|although|though|whilst|while)\b", re.I)

# words that reject what another holder reports: "based on falsified reports", "a hoax"
REJECTION = re.compile(
    r"\b(?:falsified|fabricated|fabrications?|false|fake|hoax(?:es)?|baseless|unfounded|groundless|"
    r"misinformation|disinformation|untrue|debunked|bogus)\b|"
    # "lies" the noun ("a pack of lies"), not the verb ("the future lies in this merger")
    r"\blies\b(?!\s+(?:in|on|at|with|within|ahead|behind|between|beyond|across|under|near|outside|inside|"
    r"to|along|around|over|before|just|only|not|deep|dormant|idle|low|still|there|here|elsewhere))|"
    r"\b(?:not|n't|never)\s+(?:\w+\s+)?(?:telling|told)\s+the\s+truth\b|\bis\s+hiding\s+(?:something|the\s+truth)\b",
    re.I,
)

# a rejection word used as an adjective on a noun names a false thing, not a rejected report,
# unless the noun is a report or a piece of evidence: "fake identity papers", "a false alarm",
# "a false start" reject nothing; "fake news", "false claims", "fabricated logs" do
_ATTRIBUTIVE = re.compile(
    r"\b(?:falsified|fabricated|false|fake|baseless|unfounded|groundless|untrue|debunked|bogus)\s+"
    r"(?P<noun>[A-Za-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})",
    re.I,
)
_REPORT_LIKE = re.compile(
    r"(?:reports?|claims?|allegations?|accusations?|charges?|news|information|stories|story|accounts?|"
    r"rumou?rs?|statements?|testimony|testimonies|evidence|data|figures?|narratives?|propaganda|"
    r"assertions?|suggestions?|intelligence|confessions?|pretext|premises?|logs?|records?|documents?|"
    r"dossiers?|videos?|footage|images?|photos?|photographs?|pictures?|results?|findings?|"
    r"numbers?|statistics|tallies|tally|versions?|reporting|reason|reasons|rumor|rumors|picture)",
    re.I,
)
_NOT_A_NOUN = re.compile(
    r"(?:and|or|but|nor|to|of|in|on|at|by|for|as|that|than|because|since|so|too|very|and/or)", re.I
)


def rejection(text: str) -> bool:
    """The text rejects what others report (:data:`REJECTION`), not counting a rejection word
    that only describes a false thing ("carrying fake identity papers", "a false alarm"): used
    as an adjective, it rejects when the noun phrase it opens (three words at most, up to a
    function word) names a report or evidence ("fabricated maintenance logs")."""
    for m in REJECTION.finditer(text):
        a = _ATTRIBUTIVE.match(text, m.start())
        if a is None:
            return True
        for k, word in enumerate(a.group("noun").split()):  # the noun phrase up to a function word
            if _NOT_A_NOUN.fullmatch(word):
                if k == 0:
                    return True  # "false and misleading", "fake to the core": not before a noun
                break
            if _REPORT_LIKE.fullmatch(word):
                return True
    return False


# a clause embedded under a denial inside what a holder says: "there is no evidence that X",
# "it is not true that X", "there is no truth to reports that X": the holder denies X
EMBEDDED_DENIAL = re.compile(
    r"^\s*(?:there\s+(?:is|was|has\s+been|had\s+been|are|were)\s+(?:no|not\s+any|not\s+a\s+shred\s+of)\s+"
    r"(?:(?:\w+\s+)?(?:evidence|proof|indication|sign|suggestion)s?|truth\s+(?:to|in)\s+(?:the\s+|any\s+)?"
    r"(?:\w+\s+)?(?:reports?|claims?|allegations?|suggestions?|rumou?rs?|speculation))\s+(?:that|of)\s+|"
    r"it\s+(?:is|was|'s)\s+(?:simply\s+)?(?:not\s+true|untrue|false|wrong|incorrect)\s+(?:to\s+(?:say|suggest|claim)\s+)?that\s+)",
    re.I,
)
# what a holder says set against what was reported: "Contrary to what has been reported, X",
# "Contrary to media reports, X": X answers the reports
CONTRARY = re.compile(
    r"^\s*contrary\s+to\s+(?:what\s+(?:has|had|was|were|have|is|are)\s+(?:been\s+)?(?:reported|said|claimed|"
    r"suggested|written|stated)|(?:the\s+|some\s+|recent\s+|media\s+|press\s+|\w+\s+){0,2}(?:reports?|claims?|"
    r"speculation|rumou?rs?|suggestions?|allegations?|accounts?)(?:\s+(?:that|of|in)\s+[^,]{0,80})?)\s*,\s*",
    re.I,
)
