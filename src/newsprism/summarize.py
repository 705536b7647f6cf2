"""Extractive multi-document summary: central, multi-source facts, no repeats, cited.

1. Candidates: every body sentence (the cleaned text has no captions, pull-quotes, headings or
   boilerplate); sentences that are questions, fragments, mostly quotation, too short or too
   long are left out. A leading connective ("But", "However,") is trimmed when what follows
   starts a sentence; nothing is rewritten.
2. Score: LexRank-style centrality on a TF-IDF cosine graph, times a support factor (how
   many *other* sources carry a similar sentence), times a lead prior (news puts the key
   facts first).
3. Select by MMR (``Options.summary_redundancy`` = weight of the score against redundancy)
   until ``Options.summary_words`` would be exceeded; when contradictions are given, each side
   left uncovered gets its best sentence if it fits.
4. Order by time (the date the sentence speaks of, else its publication date), then by
   source order and position. Each sentence cites itself first, then every other source's
   most similar sentence above ``CITE_SIMILARITY``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from .embed import Embedder, cosine_matrix
from .extract.sentences import strip_span
from .language import REPORTED_FORMS, SPEAKING_FORMS
from .model import AnnotatedArticle, Contradiction, Span, Story, SummarySentence
from .options import Options
from .perspectives import cues
from .summary_sides import by_source_of, cover_sides, strong_dispute

MIN_WORDS = 8
MAX_WORDS = 55
CITE_SIMILARITY = 0.4  # cosine above which another source "carries" the sentence
SUPPORT_SIMILARITY = 0.3  # cosine above which another source corroborates it
LEAD_SENTENCES = 5  # sentences per article that get the lead prior
MAX_UNITS = 2500  # candidate sentences at most (earliest of each article first)
# what happened comes from reporting first, from commentary second (CleanArticle.genre)
GENRE_WEIGHT = {"news": 1.0, "analysis": 0.9, "opinion": 0.6}
BACKGROUND_WEIGHT = 0.6  # a sentence dated only to other events is context, not this event
# mostly a direct quotation (words in quotation marks): a talking point; an indirect report ("Acme
# will cut 900 jobs, its chief said") is the reporter's sourced account of the decision: no weight
QUOTED_WEIGHT = 0.6
OPENING_SENTENCES = 2  # the opening sentence is chosen among each article's first sentences
LATER_OPENING_WEIGHT = 0.6  # an opening candidate about a later day than the earliest one
DISPUTING_OPENING_WEIGHT = 0.5  # an opening candidate that denies or blames (a side, not the event)
REPORTED_OPENING_WEIGHT = 0.8  # an opening candidate that reports what someone said
TRAILING_ATTRIBUTION = 0.75  # a reporting verb past this share of the sentence only sources it
FRAME_LEAD_WEIGHT = 1.5  # the lead the event frame found most shared among the sources' leads
AFTERMATH_OPENING_WEIGHT = 0.6  # the event word only in an "after the shooting" phrase: the news is later
OPEN_QUESTION_WEIGHT = 0.5  # "the question is whether ...": what may happen, not what happened
UNKNOWN_WEIGHT = 0.5  # "Police could not say how many ...": a sentence about what is not known
_CONNECTIVE = re.compile(
    r"^(?:But|And|So|Yet|However|Meanwhile|Indeed|Still|Also|Moreover|Furthermore|Besides|"
    r"In addition|In fact|Instead|Nevertheless|Nonetheless|Then|Now|Thus|Therefore)\b,?\s+(?=[A-Z0-9\"“‘'])"
)
_QUOTE_CHARS = '"“”'
_BOILERPLATE = re.compile(
    r"(?i)\b(?:first appeared|originally published|all rights reserved|copyright|subscribe|sign up|"
    r"newsletter|click here|follow us|contributed to this report|reporting by|editing by|"
    r"with files from|disclaimer|opinions expressed|read more|related:|photo:|image:|https?:|www\.)"
)
# a sentence opening with one of these leans on the sentence before it ("It will be her second")
_DANGLING = re.compile(
    r"^(?:It|He|She|They|We|This|That|These|Those|His|Her|Its|Their|Such|Both|The two|Two things"
    r"|At (?:that|the) time|At that point|That day|The next day|Later|Then|Afterwards|Earlier"
    # a connective still in place could not be trimmed (a lower-case word follows it)
    r"|But|And|So|Yet|However|Meanwhile|Indeed|Still|Also|Moreover|Furthermore|Besides"
    r"|In addition|In fact|Instead|Nevertheless|Nonetheless|Thus|Therefore)\b"
)
# a sentence that only points back at what the sentence before told: a "shell" noun with nothing
# of its own ("The move comes after ...", "This decision was welcomed"; "The decision to close the
# plant ..." tells its content) or a verb phrase that repeats another's ("did so", "followed suit")
_ANAPHORIC = re.compile(
    r"^(?:The|This|That|Such a|Their|His|Her|Its)\s+(?:move|decision|step|announcement|remarks|comments|"
    r"development|measure|incident|news)\b(?!\s+(?:to|of|that|by|on|in|for|from|about)\b)"
    r"|\b(?:did|does|do|doing|done)\s+(?:the\s+same|so)\b|\bfollow(?:ed|s|ing)?\s+suit\b",
    re.I,
)
# a sentence whose speaker is only a pronoun ("She said the third victim died", "They also
# denied ..."): who "she" is was in a sentence the summary may not carry
_SPEAKER_VERBS = "|".join(sorted(SPEAKING_FORMS))
_PRONOUN_SPEAKER = re.compile(rf"^(?:He|She|They|We|I)\s+(?:\w+\s+){{0,2}}?(?:{_SPEAKER_VERBS})\b")
# the opening states what happened, not someone's denial or accusation of it
_DISPUTING = re.compile(rf"\b(?:{cues.DENY_VERBS}|{cues.BLAME_VERBS})\b")
# an open question is not an event: "the question is whether X will return", "it is unclear if"
_OPEN_QUESTION = re.compile(
    r"(?i)\b(?:whether|the question is|remains? (?:unclear|uncertain|to be seen)|"
    r"(?:is|are|was|were) (?:still )?(?:unclear|uncertain|unknown) (?:if|how|why|when|who|what))\b"
)
# a sentence whose news is that something is not known or not said
_UNKNOWN = re.compile(
    r"(?i)\b(?:not|n't|never)\s+(?:(?:be|been|yet|immediately|publicly)\s+){0,2}(?:known|clear|"
    r"available|say|said|confirm|confirmed|provide|provided|disclose|disclosed|identified|released|"
    r"respond|responded|comment|commented)\b"
)
# a sentence cut after a title ("..., said Troy police Sgt."): the name is on the next line
_CUT_AFTER_TITLE = re.compile(
    r"\b(?:Lt|Sgt|Capt|Col|Gen|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Prof|Det|Insp|Supt|Cpl|Pvt|Adm|Maj|Cmdr|"
    r"Rev|Lieut|Atty|Hon|Pres|Sec|Supt)\.$"
)
# the event word after one of these is the background of a later development ("arrested hours
# after the shootings"); AFTERMATH_WINDOW words at most between them
_AFTER = frozenset({"after", "following", "since", "wake"})
AFTERMATH_WINDOW = 5
_SPECIFIC = re.compile(r"(?<!^)(?<![.!?]\s)\b(?:[A-Z][\w'’-]+|\d[\d,.:]*)")
_TOKEN = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_WORD = re.compile(r"\S*\w\S*")  # a word: a whitespace-separated token with a letter or digit


@dataclass(slots=True)
class _Unit:
    source_id: str
    art: int  # index into story.articles
    pos: int  # sentence index within its article
    start: int
    end: int
    text: str
    words: int
    when: str  # sort key: date it speaks of, else publication date
    background: bool = False  # dated, but only to other events ("In 1994 ...")
    event: float = 0.0  # how much of the event it states: when, where, toll, what, who (0..5)
    in_marks: bool = False  # mostly a direct quotation's words (in quotation marks)
    aftermath: bool = False  # names the event word only as the background of something later
    published: str = ""  # its article's publication date (given or inferred), "" when unknown
    outcome: int = 0  # counts of the event it states (toll, result, score, seats, sum): how many
    reaction: bool = False  # someone's statement: a reporting verb opens it ("Kan said that ...")


def _without_connective(text: str, start: int, end: int) -> tuple[int, int]:
    """A sentence's span without edge white space and without a leading connective."""
    start, end = strip_span(text, start, end)
    m = _CONNECTIVE.match(text[start:end])
    if m:
        start += m.end()
    return start, end


def _quoted_share(s: str) -> float:
    if not any(q in s for q in _QUOTE_CHARS):
        return 0.0
    inside = 0
    depth = False
    for ch in s:
        if ch in _QUOTE_CHARS:
            depth = not depth if ch == '"' else ch == "“"
            continue
        if depth:
            inside += 1
    return inside / max(len(s), 1)


def _acceptable(s: str) -> bool:
    n = len(_WORD.findall(s))
    if n < MIN_WORDS or n > MAX_WORDS:
        return False
    if s.rstrip(_QUOTE_CHARS + "'’)").endswith(("?", ":")) or not re.search(r"[.!]['\"’”)]*$", s):
        return False
    if _BOILERPLATE.search(s) or "\n" in s or _CUT_AFTER_TITLE.search(s):
        return False
    if s[0].islower() or s[0] in "—–-•*" or _PRONOUN_SPEAKER.match(s) or _ANAPHORIC.search(s):
        return False
    if s.lstrip(_QUOTE_CHARS + "'‘ ")[:1].islower():
        return False  # '"whuuh??" double-take when ...': a fragment that opens with a quotation
    return _quoted_share(s) <= 0.6


def _units(story: Story) -> list[_Unit]:
    units: list[_Unit] = []
    what, who = _frame_words(story)
    for ai, a in enumerate(story.articles):
        text = a.article.text
        pub = a.article.published or ""
        for pos, sent in enumerate(a.sentences):
            start, end = _without_connective(text, sent.start, sent.end)
            s = text[start:end]
            if not s or not _acceptable(s) or _pronoun_sourced(a, start, end, s):
                continue
            when = pub
            inside = [dm for dm in a.dates if start <= dm.start < end and dm.value]
            for dm in inside:
                if dm.about_event and len(dm.value or "") == 10:
                    when = min(when, dm.value or when) if when else dm.value or ""
            background = bool(inside) and not any(dm.about_event for dm in inside)
            units.append(
                _Unit(a.source_id, ai, pos, start, end, s, len(_WORD.findall(s)), when, background,
                      _event_facts(a, start, end, s) + _frame_facts(s, what, who),
                      _in_marks(a, start, end),
                      _aftermath(s, what) or bool(_LATER_DAY.search(s)), pub[:10],
                      _outcome(a, start, end), _reaction(s))
            )
    return units


_WHEN = re.compile(
    r"\b(?:(?:on|late|early|last)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"yesterday|today|tonight|overnight)\b|\b(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d"
)
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _event_facts(a: AnnotatedArticle, start: int, end: int, s: str) -> float:
    """When, where and how much: a date about the event (or a weekday), a place, a count of the
    event (its dead, injured, arrested, ...): one point each."""
    when = any(start <= dm.start < end and dm.about_event for dm in a.dates) or bool(_WHEN.search(s))
    where = any(start <= m.start < end and m.label in _PLACE_LABELS for m in a.mentions)
    if a.figures:
        toll = any(start <= f.start < end and f.about_event for f in a.figures)
    else:  # no figures extracted (a bare story): any count
        toll = bool(_COUNT.search(s))
    return float(when) + float(where) + float(toll)


def _outcome(a: AnnotatedArticle, start: int, end: int) -> int:
    """How many counts of the event the sentence states (figures judged about the event:
    the dead, the seats won, the score, the sum paid)."""
    return sum(1 for f in a.figures if start <= f.start < end and f.about_event)


def _reaction(s: str) -> bool:
    """The sentence is someone's statement: a verb of saying, denying or blaming before its last
    quarter ("Kan said Friday that ...", "The lawyer denied ..."); "X happened, police said" is
    the event, sourced."""
    return any(m.start() < TRAILING_ATTRIBUTION * len(s) for m in _STATEMENT.finditer(s))


_COUNT = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"scores|hundreds|thousands|millions?|billions?)\b",
    re.I,
)
# a reporting verb of the project's lexicon in an inflected form (said, warned, ...), "according to"
_REPORTED = re.compile(r"\b(?:according to|" + "|".join(sorted(REPORTED_FORMS)) + r")\b")
# a statement: a verb of saying, denying or blaming in any form, "according to"
_STATEMENT = re.compile(rf"\b(?:according to|{_SPEAKER_VERBS}|{cues.BLAME_VERBS})\b")
# a later day of the story told as such: "struggled for a third day", "two days after"
_LATER_DAY = re.compile(
    r"(?i)\bfor (?:a|the) (?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)) (?:straight |consecutive )?day\b"
    r"|\b(?:two|three|four|five|six|seven|several|\d+) days (?:after|since|on from)\b"
)


def _frame_words(story: Story) -> tuple[set[str], set[str]]:
    """The event frame's words (frame.py, from the sources' headlines and leads): the stems of
    its event words (what happened) and the last word of each participant (who)."""
    frame = story.frame
    if frame is None:
        return set(), set()
    what = {_stem(t.lower()) for t in frame.triggers or ([frame.trigger] if frame.trigger else [])}
    who = {p.split()[-1].lower() for p in frame.participants if p.split()}
    return what, who


def _frame_facts(s: str, what: set[str], who: set[str]) -> float:
    """What and who: the sentence names the frame's event word (any form) and a participant,
    one point each (a deal, a verdict or a resignation has no toll or place to state)."""
    words = _TOKEN.findall(s.lower())
    stems = {_stem(w) for w in words}
    said_what = any(st in stems or any(x.startswith(st) for x in stems if len(st) >= 5) for st in what)
    return float(said_what) + float(bool(who & set(words)))


_PRONOUNS = frozenset("he she they we i it him her them us".split())


def _pronoun_sourced(a: AnnotatedArticle, start: int, end: int, s: str) -> bool:
    """The sentence attributes something to a pronoun ('"...," she said') and does not name
    who that is: a summary sentence stands alone, so whoever "she" is must be in it."""
    text = a.article.text
    for q in a.quotes:
        if q.source_start is None or q.source_end is None or not start <= q.source_start < end:
            continue
        if text[q.source_start:q.source_end].lower() not in _PRONOUNS:
            continue
        last = q.speaker.split()[-1] if q.speaker and q.speaker.split() else ""
        if not last or last not in s:
            return True
    return False


def _is_event_word(word: str, what: set[str]) -> bool:
    st = _stem(word)
    return st in what or any(st.startswith(w) for w in what if len(w) >= 5)


def _aftermath(s: str, what: set[str]) -> bool:
    """The sentence names the event word only after "after", "following", "since" or "in the
    wake of" in the same clause ("was arrested hours after the shootings", "Rescuers searched
    the rubble following the earthquake"): its news is what came later."""
    if not what:
        return False
    toks = list(_TOKEN.finditer(s.lower()))
    hits = [k for k, m in enumerate(toks) if _is_event_word(m.group(), what)]
    if not hits:
        return False
    for k in hits:
        back = range(max(0, k - AFTERMATH_WINDOW), k)
        after = [j for j in back if toks[j].group() in _AFTER]
        if not after or any(ch in s[toks[after[-1]].end():toks[k].start()] for ch in ",;:"):
            return False
    return True


def _in_marks(a: AnnotatedArticle, start: int, end: int) -> bool:
    """Half or more of the sentence is the content of one direct quotation: someone's talking
    point ("X happened, police said" is the reporter's statement of the event, sourced; a mixed
    one paraphrases around a quoted phrase)."""
    for q in a.quotes:
        if q.kind != "direct":
            continue
        inside = min(end, q.end) - max(start, q.start)
        if inside > 0 and inside >= 0.5 * (end - start):
            return True
    return False


def _hedged(s: str) -> float:
    """Down-weights what is not news: an open question ("whether he will return") or a
    statement that something is not known or not said."""
    weight = OPEN_QUESTION_WEIGHT if _OPEN_QUESTION.search(s) else 1.0
    return weight * (UNKNOWN_WEIGHT if _UNKNOWN.search(s) else 1.0)


def _specificity(s: str) -> float:
    """Down-weights vague sentences: few names or numbers, or an opening that needs context."""
    specific = len(_SPECIFIC.findall(s))
    weight = 0.6 + 0.4 * min(1.0, specific / 4)
    if _DANGLING.match(s):
        weight *= 0.6
    return weight


def _lexrank(sim: np.ndarray, threshold: float = 0.1, damping: float = 0.85) -> np.ndarray:
    """Stationary distribution of a random walk on the graph of sentence pairs with similarity
    at least ``threshold`` (scaled so the top sentence has 1). The graph is kept sparse: most
    pairs of a large story are not linked, and each step is one sparse product."""
    n = sim.shape[0]
    linked = sim >= threshold
    np.fill_diagonal(linked, False)
    rows, cols = np.nonzero(linked)
    deg = np.bincount(rows, minlength=n).astype(float)
    deg[deg == 0] = 1.0
    # walk[j, i] = damping * P(i -> j): a step is then walk @ r
    walk = sparse.csr_matrix((damping * (1.0 / deg[rows]), (cols, rows)), shape=(n, n))
    r = np.full(n, 1.0 / n)
    for _ in range(100):
        nr = (1 - damping) / n + walk @ r
        if np.abs(nr - r).sum() < 1e-8:
            r = nr
            break
        r = nr
    return r / r.max() if r.max() > 0 else r


def _stem(word: str) -> str:
    """A light suffix stripper: "killing", "killed", "kills" -> "kill"."""
    for suffix in ("ings", "ing", "edly", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _analyzer(text: str) -> list[str]:
    return [_stem(w) for w in _TOKEN.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]


def _vectors(texts: list[str]) -> np.ndarray:
    """Pairwise cosine of stemmed TF-IDF vectors."""
    vec = TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True)
    mat = vec.fit_transform(texts)
    return (mat @ mat.T).toarray()


def summarize(
    story: Story,
    options: Options,
    contradictions: list[Contradiction] | None = None,
    embedder: Embedder | None = None,
) -> list[SummarySentence]:
    """An extractive summary of the story within ``options.summary_words`` words.

    ``contradictions``: each side left uncovered gets its best sentence when it fits.
    ``embedder`` (from :func:`newsprism.embed.load_embedder`): when given, centrality and
    redundancy use the mean of the lexical and the embedding cosine; citations and support
    stay lexical (a source "carries" a sentence when it says it in similar words)."""
    ranked = _rank(story, embedder)
    if ranked is None:
        return []
    units, lexical, sim, score = ranked
    n = len(units)
    lam = min(max(options.summary_redundancy, 0.0), 1.0)
    budget = options.summary_words
    chosen: list[int] = []
    used = 0
    remaining = set(range(n))
    opening = _opening(units, sim, score, budget, story.frame.lead if story.frame else None)
    if opening is not None:
        chosen.append(opening)
        used += units[opening].words
        remaining.discard(opening)
        remaining -= {j for j in remaining if lexical[opening, j] >= CITE_SIMILARITY}
    while remaining:
        best, best_val = -1, -np.inf
        for i in remaining:
            if used + units[i].words > budget:
                continue
            red = max((sim[i, j] for j in chosen), default=0.0)
            val = lam * score[i] - (1 - lam) * red
            if val > best_val:
                best, best_val = i, val
        if best < 0:
            break
        chosen.append(best)
        used += units[best].words
        remaining.discard(best)
        # never the same fact twice: what would be cited as carrying it is dropped
        remaining -= {j for j in remaining if lexical[best, j] >= CITE_SIMILARITY}

    strong = [c for c in contradictions or [] if strong_dispute(c)]
    if strong:
        # the opening and what the event came to (its counts) are never dropped for a side
        keep = {i for i in chosen if units[i].outcome} | ({opening} if opening is not None else set())
        chosen = cover_sides(units, score, chosen, strong, budget, keep=keep)

    # the opening sentence states the event; then what happened and what it came to, in time
    # order; then what people said of it (statements, sides of a dispute), in time order
    chosen.sort(key=lambda i: (i != opening, units[i].reaction and not units[i].outcome,
                               units[i].when or "9999", units[i].art, units[i].pos))
    by_source = by_source_of(units)
    out: list[SummarySentence] = []
    for i in chosen:
        u = units[i]
        cites = [Span(u.source_id, u.start, u.end)]
        for sid, cand in by_source.items():
            if sid == u.source_id:
                continue
            j = cand[int(np.argmax(lexical[i, cand]))]  # the first of the most similar
            if lexical[i, j] >= CITE_SIMILARITY:
                cites.append(Span(sid, units[j].start, units[j].end))
        out.append(SummarySentence(text=u.text, citations=cites))
    return out


def _rank(
    story: Story, embedder: Embedder | None
) -> tuple[list[_Unit], np.ndarray, np.ndarray, np.ndarray] | None:
    """The candidate sentences, their lexical and combined similarity and their score (0..1)."""
    units = _units(story)
    if not units:
        return None
    if len(units) > MAX_UNITS:
        # large stories: the earliest sentences of every article (the pairwise matrices grow
        # with the square of the number of sentences)
        keep = sorted(range(len(units)), key=lambda i: (units[i].pos, units[i].art))[:MAX_UNITS]
        units = [units[i] for i in sorted(keep)]
    lexical = _vectors([u.text for u in units])
    sim = lexical
    if embedder is not None:
        vecs = embedder.vectors([u.text for u in units])
        sim = (lexical + np.clip(cosine_matrix(vecs, embedder.kind), 0.0, 1.0)) / 2.0
    n = len(units)
    centrality = _lexrank(sim)
    # support: how many other sources have a sentence similar to this one
    sources = sorted({u.source_id for u in units})
    member = np.zeros((n, len(sources)), dtype=bool)
    index = {sid: k for k, sid in enumerate(sources)}
    source_of = np.array([index[u.source_id] for u in units], dtype=np.intp)
    member[np.arange(n), source_of] = True
    # carried[i, s]: some sentence of source s is similar to sentence i (from the similar pairs)
    carried = np.zeros_like(member)
    ii, jj = np.nonzero(lexical >= SUPPORT_SIMILARITY)
    carried[ii, source_of[jj]] = True
    carried &= ~member
    support = carried.sum(axis=1) / max(len(sources) - 1, 1)
    lead = np.array([1.0 + 0.5 * max(0.0, 1.0 - u.pos / LEAD_SENTENCES) for u in units])
    genre = np.array(
        [GENRE_WEIGHT.get(story.articles[u.art].article.genre or "", 1.0) for u in units]
    )
    specific = np.array([_specificity(u.text) for u in units])
    background = np.array([BACKGROUND_WEIGHT if u.background else 1.0 for u in units])
    score = centrality * (1.0 + support) * lead * specific * genre * background
    score = score / score.max() if score.max() > 0 else score

    quoted = np.array([(QUOTED_WEIGHT if u.in_marks else 1.0) * _hedged(u.text) for u in units])
    score = score * quoted
    score = score / score.max() if score.max() > 0 else score
    return units, lexical, sim, score


def _opening(units: list[_Unit], sim: np.ndarray, score: np.ndarray, budget: int,
             frame_lead: str | None = None) -> int | None:
    """The sentence that states the event: one of the articles' first sentences (news opens
    with what happened, where, when and the toll), the one the other articles' openings agree
    with most, weighed by how many of when / where / toll / what / who it states, by its own
    score and by being the event frame's lead (``frame_lead``: the lead most shared among the
    sources, frame.py);
    never someone's words in quotation marks, a dangling opening or a sentence about other
    events ("X happened, police said" is an opening: the reporter's account, sourced)."""
    # each article's first acceptable sentences (a quoted talking point or a caption-like
    # line at the top does not push the lead out)
    seen: dict[int, int] = {}
    leads: list[int] = []
    for i, u in enumerate(units):
        if seen.get(u.art, 0) < OPENING_SENTENCES:
            seen[u.art] = seen.get(u.art, 0) + 1
            leads.append(i)
    cands = [
        i for i in leads
        if not units[i].in_marks and not units[i].background and not _DANGLING.match(units[i].text)
        and units[i].words <= budget and units[i].event > 0
    ]
    if not cands:
        return None
    lead_set = np.array(leads)

    def agreement(i: int) -> float:
        others = [j for j in lead_set if units[j].source_id != units[i].source_id]
        return float(np.mean(sim[i, others])) if others else 0.0

    # the event comes before its aftermath: a sentence about a later day weighs less
    first_day = min((units[i].when for i in cands if units[i].when), default="")

    # ... and an article published days after the first report tells the aftermath, whatever
    # date its lead names ("The prime minister said Friday that the rebuilding after the March 11
    # earthquake has begun"); the next day's paper still reports the event itself
    late_paper = _next_day(min((units[i].published for i in cands if units[i].published), default=""))

    def early(i: int) -> float:
        u = units[i]
        later = bool(u.when and u.when > first_day) or bool(late_paper and u.published and u.published > late_paper)
        return LATER_OPENING_WEIGHT if later else 1.0

    def plain(i: int) -> float:
        """What happened, as the reporter states it: not a denial or an accusation, and
        better without a reporting verb (an announcement is often the aftermath)."""
        text = units[i].text
        if _DISPUTING.search(text):
            return DISPUTING_OPENING_WEIGHT
        # a trailing attribution (", police said.") sources the statement, it is not the news
        weight = OPEN_QUESTION_WEIGHT if _OPEN_QUESTION.search(text) else 1.0
        if units[i].aftermath:
            weight *= AFTERMATH_OPENING_WEIGHT
        reported = [m for m in _REPORTED.finditer(text) if m.start() < TRAILING_ATTRIBUTION * len(text)]
        return weight * (REPORTED_OPENING_WEIGHT if reported else 1.0)

    shared_lead = " ".join(frame_lead.split()) if frame_lead else ""

    def framed(i: int) -> float:
        text = " ".join(units[i].text.split())
        return FRAME_LEAD_WEIGHT if shared_lead and (text in shared_lead or shared_lead in text) else 1.0

    return max(
        cands,
        key=lambda i: (1.0 + units[i].event) * (0.5 + agreement(i)) * (0.5 + score[i]) * early(i) * plain(i)
        * framed(i),
    )


def _next_day(day: str) -> str:
    """The ISO day after ``day`` ("" when ``day`` is not an ISO date)."""
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=1)).isoformat()
    except ValueError:
        return ""
