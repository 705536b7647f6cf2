"""Word lists shared by the attribution rules and the learned cue scorer."""

from __future__ import annotations

from ..language import DENIAL_VERBS

SPEECH_VERBS: frozenset[str] = frozenset(
    """say tell add state note explain claim insist deny reject accuse urge warn repeat
    suggest blame argue announce acknowledge admit allege assert concede confirm declare
    report reveal write tweet ask answer reply respond recall contend complain boast vow
    pledge promise threaten demand caution charge conclude observe stress emphasize
    emphasise mention propose recommend predict forecast estimate speculate hint imply
    question dispute counter joke quip comment remark agree testify plead rule find show
    indicate maintain reiterate affirm retort shout exclaim advise inform notify assure disclose
    criticize criticise condemn praise fault dismiss refute rebut contest lament signal
    tout posit theorize theorise allege acknowledge concur predict announce brag scoff
    describe call counsel confess coin muse wonder recount berate castigate censure rebuke
    deride disparage belittle assail reprimand extol lambaste lambast excoriate chastise
    scold admonish upbraid pillory decry denounce"""
    .split()
)
BELIEF_VERBS: frozenset[str] = frozenset(
    "believe think expect fear hope doubt suspect worry reckon assume".split()
)
# verbs whose direct object can itself be what is attributed ("denied the report")
OBJECT_CUES: frozenset[str] = frozenset(
    """deny reject accuse blame criticize criticise condemn praise fault dismiss dispute
    question refute rebut contest confirm announce acknowledge admit predict promise pledge
    vow demand propose recommend urge warn repeat reiterate reveal disclose estimate
    threaten call describe note emphasize emphasise stress mention cite tout recall berate
    castigate censure rebuke deride disparage belittle assail reprimand extol lambaste
    lambast excoriate chastise scold admonish upbraid pillory decry denounce""".split()
)
# verbs whose object + infinitive is the content ("urged the council to act")
XCOMP_CUES: frozenset[str] = frozenset(
    "urge ask tell warn advise call promise vow pledge threaten demand order encourage agree".split()
)
EVIDENCE_VERBS: frozenset[str] = frozenset("show indicate find reveal conclude".split())
# broad scope only (PolNeAR's notion of attribution): stances, intentions and evaluations
# that are not statements ("supports the bill", "wants a recount", "thanked the voters")
ATTITUDE_VERBS: frozenset[str] = frozenset(
    """support back endorse want mention thank discuss talk offer vote see know refuse seek
    intend plan prefer like oppose denounce congratulate mock defend attack challenge blast
    slam decry lambast ridicule bemoan cite echo consider view feel remind highlight refer
    chant yell recite list express hail welcome applaud tout push champion favor favour
    decline agree aim try wish love hate regret appreciate recognize recognise chide commend
    apologize apologise portray cast brand label characterize characterise dub nickname
    reference invoke proclaim project anticipate realize realise understand regard deem judge
    disagree approve disapprove request appeal petition invite implore beg swear
    alert speak debate address demonstrate accept embrace rail hammer rip knock laud
    salute pan tease taunt vow float pitch tout unveil outline lay point focus respond
    advocate convince decide share distance identify name sign release issue read dismiss""".split()
)
NEGATING_CUES: frozenset[str] = frozenset(DENIAL_VERBS)
NEGATIVE_LABELS: frozenset[str] = frozenset(
    """lie lies falsehood fabrication hoax nonsense fake false untrue baseless absurd
    propaganda smear myth slander libel rubbish ridiculous fiction fantasy""".split()
)
SPEECH_NOUNS: frozenset[str] = frozenset(
    """claim explanation statement allegation assertion argument accusation assurance
    warning promise denial suggestion insistence charge view position belief theory message
    remark account version contention question""".split()
)
LIGHT_VERBS: frozenset[str] = frozenset(
    "offer give make provide issue present put repeat reiterate advance float".split()
)
# verbs whose direct object is what was said ("said the same thing", "repeated the line")
SAY_OBJECT: frozenset[str] = frozenset("say repeat answer reply recite".split())
# things that can "say" something when a participle hangs on them ("a statement saying")
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """statement report letter email e-mail post tweet message note release document memo
    video ad advertisement sign banner poster call poll survey study lawsuit complaint filing
    ruling order notice petition motion resolution headline article editorial""".split()
)
# sources of findings ("a new poll shows ...", "the audit found ...")
FINDING_NOUNS: frozenset[str] = frozenset(
    """poll survey study report filing record document data figure result research analysis
    evidence census count tally model audit review investigation inquiry test email""".split()
)
HYPOTHETICAL_AUX: frozenset[str] = frozenset("may might could would should".split())
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "it", "them", "their", "its"})
FIRST_SECOND: frozenset[str] = frozenset({"i", "we", "you", "me", "us"})
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that", "whom"})
# descriptions that name an organisation rather than a person ("the company said")
ORG_NOUNS: frozenset[str] = frozenset(
    """company firm group club team agency ministry department court council organisation
    organization union bank party government administration board committee commission
    campaign network institute university hospital federation league association
    authority regulator watchdog observatory monitor army military police
    prosecution""".split()
)
GENERIC_ORG_NOUNS: frozenset[str] = frozenset(
    "company firm group organisation organization business carrier airline retailer".split()
)
ROLE_SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset("representative envoy ambassador delegate emissary diplomat".split()),
    frozenset("spokesman spokeswoman spokesperson".split()),
    frozenset("minister secretary".split()),
    frozenset("coach manager".split()),
    frozenset("judge justice".split()),
    frozenset("chief ceo executive boss chairman chairwoman chair president".split()),
    frozenset("prosecutor attorney".split()),
    frozenset("researcher scientist author".split()),
)
# metonyms: a capital or seat of power names its country (used only to check that a
# described representative belongs to the right side, e.g. "Moscow's representative")
METONYMS: dict[str, tuple[str, ...]] = {
    "moscow": ("russia", "russian"), "kremlin": ("russia", "russian"),
    "washington": ("united states", "u.s.", "us", "american"),
    "white house": ("united states", "u.s.", "us", "american"),
    "beijing": ("china", "chinese"), "london": ("britain", "british", "uk", "u.k."),
    "downing street": ("britain", "british", "uk"), "paris": ("france", "french"),
    "berlin": ("germany", "german"), "damascus": ("syria", "syrian"),
    "tehran": ("iran", "iranian"), "ankara": ("turkey", "turkish"),
    "kyiv": ("ukraine", "ukrainian"), "kiev": ("ukraine", "ukrainian"),
    "tokyo": ("japan", "japanese"), "brussels": ("eu", "european", "belgium", "belgian"),
    "jerusalem": ("israel", "israeli"), "riyadh": ("saudi", "saudi arabia"),
    "ottawa": ("canada", "canadian"), "new delhi": ("india", "indian"),
    "pyongyang": ("north korea", "north korean"), "seoul": ("south korea", "south korean"),
    "rome": ("italy", "italian"), "madrid": ("spain", "spanish"),
    "canberra": ("australia", "australian"), "cairo": ("egypt", "egyptian"),
}
TITLE_WORDS: frozenset[str] = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. sir dame prof prof. lord lady".split()
)
NAMED_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP"})
GROUP_LABELS: frozenset[str] = frozenset({"ORG", "GPE", "NORP"})
INTENTION_VERBS: frozenset[str] = frozenset(
    """plan want hope refuse decide try promise vow pledge threaten seek aim intend agree
    offer expect wish prefer need vote choose resolve prepare attempt struggle""".split()
)
# verbs whose direct object is the addressee ("told reporters", "assured voters")
LISTENER_VERBS: frozenset[str] = frozenset(
    "tell inform assure remind notify brief advise convince warn thank ask reassure".split()
)
AUDIENCE_NOUNS: frozenset[str] = frozenset(
    """reporter journalist audience crowd supporter voter listener viewer reader press media
    interviewer host student member delegate colleague staff friend follower fan official
    lawmaker legislator donor worker employee investor analyst people""".split()
)
# verbs whose object feels what the subject causes ("the report cheered investors", "the raids
# angered advocates"): the object holds the stance, the subject is what it is about
EXPERIENCER_OBJECT_VERBS: frozenset[str] = frozenset(
    """cheer rattle worry alarm frustrate please delight upset outrage anger trouble surprise shock
    disappoint impress dismay irritate annoy infuriate scare frighten unsettle unnerve bother baffle
    puzzle enrage hearten gladden sadden disturb spook embarrass""".split()
)
# what can be told, as opposed to whom ("told the truth", "told a story")
TOLD_THINGS: frozenset[str] = frozenset(
    "truth story lie joke tale fib anecdote secret news".split()
)
# prepositions that introduce what a stance is about ("criticised for", "warned against")
TOPIC_PREPS: frozenset[str] = frozenset(
    "about against for of on over as toward towards regarding concerning at".split()
)
# channels something is said through ("said on a conference call", "told in an interview")
MEDIUM_NOUNS: frozenset[str] = frozenset(
    """call interview statement show program programme radio television tv broadcast podcast
    conference briefing twitter facebook website blog letter email e-mail video speech rally
    event appearance meeting hearing debate panel forum stage camera phone telephone
    network channel station""".split()
)

# cue words of the attribution rules (extract/quotes)
NOUN_CUES: frozenset[str] = frozenset(
    """claim promise warning denial accusation allegation assertion insistence statement
    suggestion pledge vow threat demand call argument explanation contention""".split()
)
BROAD_NOUN_CUES: frozenset[str] = frozenset(
    "fear hope belief view concern expectation plan desire wish intention decision".split()
)


SOURCELESS_ADVERBS: frozenset[str] = frozenset("reportedly allegedly purportedly supposedly".split())
OBJECT_PRONOUNS: frozenset[str] = frozenset("him her them me us you".split())
REFLEXIVES: frozenset[str] = frozenset("himself herself themselves itself myself ourselves".split())
# broad scope: verbs that attribute only with an "as" label ("cast him as a traitor")
WITH_AS_ONLY: frozenset[str] = frozenset("cast".split())
# "X seems to ...", "X appeared paralysed": the writer's evaluation, attributed to nobody named
SEEM_VERBS: frozenset[str] = frozenset("seem appear look sound".split())
# broad scope: verbs that, with a stance noun as object, state a stance ("has doubts about",
# "expressed concern that", "took a hard line on")
STANCE_LIGHT_VERBS: frozenset[str] = frozenset("have express voice hold share harbor harbour raise take".split())
# sources that are polls ("in the latest polls, he trails")
POLL_NOUNS: frozenset[str] = frozenset("poll survey".split())
# verbs of receiving a stance or a statement from someone ("won the endorsement of the union",
# "drew criticism from rivals"): the noun's "of"/"from" phrase names who gives it
RECEIVING_VERBS: frozenset[str] = frozenset(
    "win receive get have earn secure gain land garner attract draw seek lose collect court".split()
)


STANCE_NOUNS: frozenset[str] = frozenset(
    """support opposition criticism attack praise refusal endorsement commitment concern
    fear hope view warning demand call push objection skepticism scepticism enthusiasm
    admiration contempt disdain distrust trust praise complaint pledge promise doubt position
    stance interest confidence faith reservation qualm misgiving opinion line""".split()
)
STANCE_PREPS: frozenset[str] = frozenset("for to of against on about over with toward towards".split())


NON_ATTRIBUTING: frozenset[str] = frozenset(
    "be have do get make let ensure help mean become seem appear go come take give put keep".split()
)
