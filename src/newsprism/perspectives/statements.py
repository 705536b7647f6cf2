"""Statements: one holder asserting or denying one proposition in one sentence of one source.

Three kinds, each with its evidence span (the sentence) and its content span (the
proposition clause) in the source's cleaned text:

- ``reported``: the attribution engine's quotes, plus cue statements it did not cover
  ("Moscow offered an alternative explanation ...: that ...");
- ``evidence``: "X has gathered evidence that P", "P has been proven ... by X";
- ``own``: the outlet's own declarative sentences (not hedged, not a question), and the
  elliptical rebuttal of a denial ("X denies that P. But Y is." -> the outlet asserts P).

Statements are grouped into claims (claims.py) and contrasted (contradictions.py)."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

from ..extract.sentences import sentence_at
from ..model import AnnotatedArticle, Quote, Sentence
from . import cues
from .answers import fill_responsible
from .holders import Actor, HolderIndex, head_key
from .speaker_holders import _PAREN_APPOSITIVE, _WORDS, HolderFinder

# the clause a cue introduces starts after "that" or a colon; a denied or confirmed report
# names its proposition after "that" ("denied reports that X", "disputed claims that X")
_THAT = re.compile(
    r"^\s*(?:on\s+\w+\s+|in\s+\w+\s+|to\s+\w+\s+|again\s+|earlier\s+|also\s+|repeatedly\s+|publicly\s+|\w+ly\s+)*"
    r"(?:(?:the\s+|these\s+|those\s+|such\s+)?(?:[\w\-]+\s+)?(?:reports?|claims?|allegations?|accusations?|suggestions?|"
    r"assertions?|speculation|rumou?rs?|charges?)\s+)?(?:that\s+|:\s*(?:that\s+)?)",
    re.I,
)
_REPORT_NOUN = re.compile(
    r"\b(?:reports?|claims?|allegations?|accusations?|suggestions?|assertions?|speculation|rumou?rs?|charges?)\b", re.I
)
_LEAD_PUNCT = re.compile(r"^[\s,:;\"“”'‘’—–\-]+")
_TRAIL_PUNCT = re.compile(r"[\s,;:\"“”'‘’—–\-]+$")
_TRAIL_CONJ = re.compile(
    r"\s+(?:and|but|or|while|as|so|by|of|to|for|in|on|at|with|from|the|a|an|its|their|his|her)\s*$", re.I
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|of|these|those|his|her|their|its|such|earlier|any|no)\s*$", re.I)
# a reporting word right after a denial verb or a preposition is a noun, the denied object:
# "disputed claims that ...", "rejected reports of ...", "amid claims that ..."
_NOUN_AFTER = re.compile(
    rf"\b(?:{cues.DENY_VERBS}|{cues.BLAME_VERBS}|about|over|on|to|by|with|against|amid|despite|"
    r"following|after|before|dismissing|denying|rejecting|disputing)\s*$",
    re.I,
)
_NESTED_REPORT = re.compile(
    r"^(?:that\s+)?(?:(?:it|he|she|they|we|i)\s+(?:believed|believes|believe|thinks|think|thought|"
    r"said|says|felt|feels|claimed|claims|knew|knows)\s+)?that\s+|^(?:it|he|she|they|we|i)\s+"
    r"(?:believed|believes|believe|thinks|think|thought|felt|feels|knew|knows)\s+",
    re.I,
)
_CALLED_LIE_TAIL = re.compile(
    r"\s+an?\s+[\"“'‘]?(?:lie|lies|fabrication|hoax|fake|fiction|falsehood|fantasy|smear)[\"”'’]?\s*$", re.I
)
# a content that names a report and its proposition: "reports that X", "the claims that X"
_REPORTED_THAT = re.compile(
    r"^(?:the\s+|these\s+|those\s+|such\s+)?(?:[\w\-]+\s+)?(?:reports?|claims?|allegations?|accusations?|"
    r"suggestions?|assertions?|speculation|rumou?rs?|charges?)\s+that\s+",
    re.I,
)
# where the words a negation governs end: punctuation, a sentence end, a subordinate clause
_SCOPE_END = re.compile(
    r"[,;:—–(.!?]|\b(?:although|though|because|when|while|whereas|after|before|since|but|if|unless)\b", re.I
)
_OPEN_QUESTION = re.compile(r"^\s*(?:whether|if|why|how|what|who|whom|when|where|which)\b", re.I)
# "X was to blame", "X is not to blame", "the possibility that X was to blame"
# ("X is likely to blame Y" keeps X as the one who blames)
_TO_BLAME = re.compile(
    r"\b(?:is|are|was|were|be|been|being|'s|'re|am)\s+(?:(?:not|never|also|partly|partially|largely|"
    r"entirely|solely|wholly|mainly|ultimately|really|clearly|equally|in\s+part|at\s+least\s+partly)\s+)?to\s+$",
    re.I,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?$", re.I)
MIN_OWN_WORDS = 6
# a negation of telling or knowing says nothing is known yet, it denies no fact: "police did
# not identify the victim", "his office had not been told", "could not confirm"
_NO_INFORMATION = re.compile(
    r"\b(?:not|never|n't)\s+(?:\w+\s+){0,2}?(?:told|tell|know|known|knew|say|said|confirm|confirmed|"
    r"comment|commented|disclose|disclosed|identify|identified|provide|provided|release|released|"
    r"elaborate|respond|responded|return|returned|give|given|gave|name|named|reveal|revealed)\b",
    re.I,
)
# where a proposition's main clause ends: a coordinated or contrasting clause follows
_MAIN_CLAUSE_END = re.compile(
    r",?\s+(?:but|while|whereas|although|though|yet)\s+|;\s+|,\s+and\s+|,\s+which\s+|\s+(?:--|[—–])\s+", re.I
)


# a stance the holder has given up since ("initially denied", "at first said", "originally
# claimed"): news marks a reversed account so, and the holder's current position is elsewhere
_GIVEN_UP = re.compile(r"\b(?:initially|originally|at\s+first)\s+(?:\w+ly\s+)?$", re.I)
# a reporting verb under a negation ("don't believe", "did not say", "never claimed")
_NEGATED_CUE = re.compile(
    r"(?:\b(?:do|does|did|have|has|had|will|would|could|can|ca|wo|is|are|was|were)(?:\s+not\b|n['’]t)|"
    r"\bnot\b|\bnever\b|\bno\s+longer\b)\s+(?:\w+ly\s+)?$",
    re.I,
)
# belief verbs: to not believe X is to reject X ("some don't believe he had a gun")
_BELIEF_CUE = re.compile(r"(?:believe[sd]?|accept(?:s|ed)?|buy|bought|think|thinks|thought)\b", re.I)


def cue_stance(before: str, cue: str) -> str | None:
    """What the words right before a cue's verb (``before``: the sentence up to the cue; the
    cue may carry its adverbs, "initially dismissed") do to it: "given up" (an earlier stance,
    "initially denied"), "unsaid" (a negated saying, "did not say": nothing asserted),
    "rejects" (a negated belief, "don't believe X": the holder rejects X), or None."""
    words = cue.split()
    if not words:
        return None
    # the cue's own adverbs ("initially dismissed", "vehemently deny") stand before its verb; a
    # cue whose words are its own ("pleaded not guilty") is read from its first word
    adverbs = len(words) > 1 and all(re.fullmatch(r"\w+ly|at|first", w, re.I) for w in words[:-1])
    verb = words[-1] if adverbs else words[0]
    lead = (before.rstrip() + " " + (" ".join(words[:-1]) if adverbs else "")).rstrip() + " "
    if _GIVEN_UP.search(lead):
        return "given up"
    if _NEGATED_CUE.search(lead):
        return "rejects" if _BELIEF_CUE.fullmatch(verb) else "unsaid"
    return None


@dataclass
class Statement:
    source_id: str
    sent_index: int
    sent_start: int  # evidence: the whole sentence
    sent_end: int
    start: int  # content: the proposition clause
    end: int
    text: str
    holders: list[Actor]
    kind: str  # reported | evidence | own
    family: str  # cues.REPORT | DENY | BLAME | EVIDENCE | PROVEN | COUNTER | "own"
    polarity: str  # assert | deny (the holder's stance towards ``text``)
    cue: str | None = None
    display_start: int = 0  # the shortest source span that reads as a position
    display_end: int = 0
    quote_id: str | None = None
    anaphoric: bool = False  # the content is only "the allegations", "it", ...
    explicit_target: bool = False  # "called X a lie": X names what is rejected
    rebuts: Statement | None = None  # a statement of the same source it contradicts
    responsible: list[Actor] = field(default_factory=list)  # answers to "who is responsible"
    pleads: bool = False  # the holder rejects what is said of them ("pleaded not guilty", "his innocence")
    # answers to "why": a cause, not a party ("his history of illness was to blame", "because he
    # was furious over his firing", "due to an electrical fault")
    # (the cause, what it explains: the rest of its clause, "" when only "was to blame")
    causes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def negated(self) -> bool:
        """The proposition itself is negative ("rebels did not have the capability"): a
        negation in its main clause, not in a clause coordinated after it ("the victims were
        taken to hospital but could not be named")."""
        return self.negation_scope is not None

    @property
    def negation_scope(self) -> str | None:
        """The words a negation of the main clause governs ("were not <so hot>", "No
        <militants were inside the school>"), or None when the main clause is not negated."""
        parts = self.negation_parts
        return None if parts is None else parts[1]

    @property
    def negation_parts(self) -> tuple[str, str] | None:
        """(what the main clause says before its negation, what the negation governs):
        "rebels did not have the capability" -> ("rebels did", "have the capability")."""
        main = _NO_INFORMATION.sub(" ", self.main_clause)
        m = cues.NEGATION.search(main)
        if m is None:
            return None
        return main[: m.start()], _SCOPE_END.split(main[m.end():], maxsplit=1)[0]

    @property
    def main_clause(self) -> str:
        """The proposition up to a coordinated or contrasting clause."""
        return _MAIN_CLAUSE_END.split(self.text, maxsplit=1)[0]

    @property
    def question(self) -> bool:
        """The content is an open question ("declined to say whether X", "questioned why X"),
        not a proposition anyone asserts or denies."""
        return bool(_OPEN_QUESTION.match(self.text))

    @property
    def holder_names(self) -> list[str]:
        return [h.name for h in self.holders]


def _clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to a clause: cut framing after a dash, semicolon or participle."""
    seg = text[start:end]
    m = cues.CLAUSE_END.search(seg)
    if m and m.start() > 15:
        end = start + m.start()
    seg = text[start:end]
    lead = _LEAD_PUNCT.match(seg)
    if lead:
        start += lead.end()
    nested = _NESTED_REPORT.match(text[start:end])
    if nested and end - (start + nested.end()) > 10:
        start += nested.end()  # "it believed the deaths were ..." -> "the deaths were ..."
    seg = text[start:end]
    while True:
        new = _TRAIL_CONJ.sub("", _TRAIL_PUNCT.sub("", seg))
        if new == seg:
            break
        seg = new
    end = start + len(seg)
    # keep a closing quotation mark or bracket that balances an opening one
    if end < len(text) and text[end : end + 1] in "\"”’'" and seg.count(text[end]) % 2 == 1:
        end += 1
    return start, max(start, end)


def _negated(text: str) -> bool:
    return bool(cues.NEGATION.search(text))


def _embedded_stance(text: str, start: int, end: int) -> tuple[int, str | None]:
    """A content that embeds its proposition under a denial or sets it against reports:
    "there is no evidence that X", "it is not true that X" -> (start of X, "deny");
    "Contrary to what has been reported, X" -> (start of X, "counter"); else (start, None)."""
    seg = text[start:end]
    for pat, how in ((cues.EMBEDDED_DENIAL, "deny"), (cues.CONTRARY, "counter")):
        m = pat.match(seg)
        if m and len(_WORDS.findall(seg[m.end():])) >= 3:
            return start + m.end(), how
    return start, None


# the object of a doubting cue names what is doubted: "scepticism about their conclusion"
_DOUBT_OBJECT = re.compile(r"^\s*(?:about|over|of|on|regarding|towards?|held\s+by\b[^,.;]*?\bof)\b", re.I)


class _ArticleScanner(HolderFinder):
    def __init__(self, art: AnnotatedArticle, index: HolderIndex) -> None:
        self.art = art
        self.text = art.article.text
        self.index = index
        self.sid = art.source_id
        outlet = art.article.outlet or art.article.title or art.source_id
        self.outlet_actor = Actor(name=f"{outlet} (own reporting)", key=f"outlet:{self.sid}", camp=f"outlet:{self.sid}")
        self.out: list[Statement] = []

    # ------------------------------------------------------------------ passes

    def from_quotes(self) -> None:
        for q in self.art.quotes:
            if q.origin != "body" or q.repeats is not None:
                continue
            if not (0 <= q.start < q.end <= len(self.text)):
                warnings.warn(f"{self.sid}: quote {q.id or q.start} has an invalid span; skipped", stacklevel=2)
                continue
            try:
                self._quote_statement(q)
            except (IndexError, ValueError, KeyError) as exc:
                warnings.warn(f"{self.sid}: quote at {q.start} skipped ({type(exc).__name__}: {exc})", stacklevel=2)

    def _quote_statement(self, q: Quote) -> None:
        cue = (q.cue or "").lower()
        family = cues.REPORT
        for fam, pat in cues.CUE_PATTERNS:
            if pat.search(cue):
                family = fam
                break
        called_lie = bool(re.search(r"\b(?:lie|lies|fabrication|hoax|fake|fiction|falsehood|smear)\b", q.text, re.I)) and cue.startswith("call")
        if called_lie:
            family = cues.COUNTER
        polarity = "deny" if (q.negated or family in (cues.DENY,) or called_lie) else "assert"
        holders = self._holders_from_quote(q)
        si = q.sentence if q.sentence is not None else sentence_at(self.art.sentences, q.start)
        sent = self.art.sentences[si]
        if q.cue_start is not None:
            lead_from = q.end if q.end <= q.cue_start else sent.start
            if cues.HYPOTHETICAL.search(self.text[max(sent.start, lead_from) : q.cue_start]):
                return  # "If Washington says ...", "it may state that ...": not a claim
            stance = cue_stance(self.text[max(sent.start, lead_from) : q.cue_start], q.cue or "")
            if stance in ("given up", "unsaid"):
                return  # "initially denied X", "did not say X": not the holder's position on X
            if stance == "rejects":
                family, polarity = cues.DENY, "deny"  # "some don't believe X": they reject X
        start, end = _clause_span(self.text, q.start, q.end) if q.kind != "direct" else (q.start, q.end)
        reported = _REPORTED_THAT.match(self.text[start:end])
        if reported and q.kind != "direct" and end - (start + reported.end()) > 10:
            start += reported.end()  # "denied reports that X": the proposition is X
        if family == cues.BLAME and q.cue_start is not None and q.cue_start < start:
            start = q.cue_start  # "blamed X for Y" reads as a position only with its verb
        if called_lie:
            lie = _CALLED_LIE_TAIL.search(self.text[start:end])
            if lie and lie.start() > 0:
                end = start + lie.start()  # what was called a lie, without 'a "lie"'
        # "denied reports that X": aimed at what others reported
        between = self.text[q.cue_end : start] if q.cue_end is not None and q.cue_end <= start else ""
        aimed = family == cues.DENY and bool(reported or _REPORT_NOUN.search(between))
        start, embedded = _embedded_stance(self.text, start, end)
        if embedded == "deny":  # "there is no evidence that X": the holder denies X
            family, polarity = cues.DENY, "deny" if polarity == "assert" else "assert"
        elif embedded == "counter":  # "Contrary to what has been reported, X": X answers reports
            family, aimed = cues.COUNTER, True
        ctext = self.text[start:end]
        d_start = q.cue_start if (family == cues.BLAME or polarity == "deny") and q.cue_start is not None and q.cue_start < start else start
        anaphoric = bool(cues.BARE_OBJECT.match(ctext))
        pleads = embedded is None and bool(cues.INNOCENCE.search(ctext))
        if pleads:
            # "I look forward to clearing my name": the speaker rejects what is said of them
            family, polarity, anaphoric = cues.DENY, "deny", True
        if anaphoric and d_start < start:
            start, ctext = d_start, self.text[d_start:end]  # "rejected the allegations", not "the allegations"
        rejects = family == cues.REPORT and cues.rejection(ctext)
        if rejects:
            family = cues.COUNTER  # "said the draft was based on falsified reports": rejects others' reports
        self.out.append(
            Statement(
                source_id=self.sid, sent_index=si, sent_start=sent.start, sent_end=sent.end,
                start=start, end=end, text=ctext, holders=holders, kind="reported", family=family,
                polarity=polarity, cue=q.cue, display_start=d_start, display_end=end, quote_id=q.id or None,
                anaphoric=anaphoric, explicit_target=called_lie or rejects or aimed, pleads=pleads,
            )
        )

    def _covered(self, pos: int, end: int) -> bool:
        for q in self.art.quotes:
            if q.cue_start is not None and q.cue_end is not None and q.cue_start < end and pos < q.cue_end:
                return True
            if q.start <= pos and end <= q.end:
                return True  # a cue inside quoted speech
        return False

    def from_cues(self) -> None:
        for si, sent in enumerate(self.art.sentences):
            s_text = self.text[sent.start : sent.end]
            found: list[tuple[int, int, str, re.Match[str]]] = []
            for fam, pat in cues.CUE_PATTERNS:
                for m in pat.finditer(s_text):
                    a, b = sent.start + m.start(), sent.start + m.end()
                    if any(a < fb and fa < b for fa, fb, _, _ in found):
                        continue  # a longer, earlier-listed cue already covers it
                    if fam == cues.REPORT and (
                        _DETERMINER_BEFORE.search(s_text[: m.start()]) or _NOUN_AFTER.search(s_text[: m.start()])
                    ):
                        continue  # "a series of reports", "the claims", "disputed claims": nouns, not cues
                    if fam == cues.DENY and _DETERMINER_BEFORE.search(s_text[: m.start()]):
                        continue  # "the contest was over", "a dispute over pay": nouns, not cues
                    found.append((a, b, fam, m))
            found.sort(key=lambda t: t[0])
            prev_holders: list[Actor] = []
            for k, (a, b, fam, m) in enumerate(found):
                if self._covered(a, b):
                    prev_holders = []
                    continue
                nxt = found[k + 1][0] if k + 1 < len(found) else sent.end
                try:
                    self._cue_statement(si, sent, a, b, fam, m, nxt, prev_holders)
                except (IndexError, ValueError, KeyError) as exc:
                    warnings.warn(f"{self.sid}: cue {m.group(0)!r} at {a} skipped ({type(exc).__name__}: {exc})", stacklevel=2)
                if self.out and self.out[-1].sent_index == si and self.out[-1].kind != "own":
                    prev_holders = self.out[-1].holders

    def _cue_statement(
        self, si: int, sent: Sentence, a: int, b: int, fam: str, m: re.Match[str], nxt: int, prev_holders: list[Actor]
    ) -> None:
        text = self.text
        if cues.HYPOTHETICAL.search(text[sent.start : a]):
            return
        if fam == cues.ACCORDING:
            # "P, according to X": the holder follows the cue, the claim precedes it
            h_s, h_e = _clause_span(text, b, sent.end)
            holders = self.index.actors_in(self.art, h_s, h_e)[:1]
            if not holders:
                words = _WORDS.findall(text[h_s:h_e])
                if not 0 < len(words) <= 6:
                    return
                name = text[h_s:h_e].strip()
                holders = [Actor(name=name, key="text:" + head_key(name), camp="text:" + head_key(name))]
            c_s, c_e = _clause_span(text, sent.start, a)
            if len(_WORDS.findall(text[c_s:c_e])) < 4:
                return
            self.out.append(Statement(
                source_id=self.sid, sent_index=si, sent_start=sent.start, sent_end=sent.end,
                start=c_s, end=c_e, text=text[c_s:c_e], holders=holders, kind="reported", family=cues.REPORT,
                polarity="assert", cue=text[a:b].strip(), display_start=c_s, display_end=c_e,
            ))
            return
        if fam == cues.NOUN_REPORT:
            # "concerns expressed by X, notably Y, that P": X (and Y) hold P
            h_s, h_e = a + m.start("h") - m.start(), a + m.end("h") - m.start()
            holders = self.index.actors_in(self.art, h_s, h_e)[:3]
            if not holders:
                name = _PAREN_APPOSITIVE.sub("", text[h_s:h_e]).strip(" ,")
                if not 0 < len(_WORDS.findall(name)) <= 6:
                    return
                holders = [Actor(name=name, key="text:" + head_key(name), camp="text:" + head_key(name))]
            c_s, c_e = _clause_span(text, b, nxt if nxt > b else sent.end)
            if len(_WORDS.findall(text[c_s:c_e])) < 4:
                return
            self.out.append(Statement(
                source_id=self.sid, sent_index=si, sent_start=sent.start, sent_end=sent.end,
                start=c_s, end=c_e, text=text[c_s:c_e], holders=holders, kind="reported", family=cues.REPORT,
                polarity="assert", cue=m.group(0).strip(), display_start=a, display_end=c_e,
            ))
            return
        if fam == cues.PROVEN:
            # "P has been proven ... by X": X holds P; "This" points at the previous statement
            agent_s, agent_e = _clause_span(text, b, sent.end)
            holders = self.index.actors_in(self.art, agent_s, agent_e)[:1]
            if not holders:
                return
            subj_s, subj_e = _clause_span(text, sent.start, a)
            subj = text[subj_s:subj_e]
            if re.fullmatch(r"(?:this|that|it|these|those|this\s+\w+)", subj.strip(), re.I):
                prior = [st for st in self.out if st.sent_index < si and st.kind != "own"]
                if not prior:
                    return
                p = max(prior, key=lambda st: (st.sent_index, st.start))
                # the evidence is this sentence only: the one "This" points at may be another
                # holder's (a denial), evidence for the other side
                self.out.append(Statement(
                    source_id=self.sid, sent_index=si, sent_start=sent.start, sent_end=sent.end,
                    start=p.start, end=p.end, text=p.text, holders=holders, kind="evidence", family=fam,
                    polarity="assert", cue=m.group(0).strip(), display_start=sent.start, display_end=agent_e,
                ))
                return
            if len(_WORDS.findall(subj)) < 2:
                return
            self.out.append(Statement(
                source_id=self.sid, sent_index=si, sent_start=sent.start, sent_end=sent.end,
                start=subj_s, end=subj_e, text=subj, holders=holders, kind="evidence", family=fam,
                polarity="assert", cue=m.group(0).strip(), display_start=sent.start, display_end=agent_e,
            ))
            return
        if fam == cues.COUNTER and m.groupdict().get("obj"):
            # "X called Y's claim a lie": X denies the claim Y made
            holders = self._holders_from_segment(sent.start, a) or prev_holders
            o_s, o_e = sent.start + m.start("obj"), sent.start + m.end("obj")
            self.out.append(Statement(
                source_id=self.sid, sent_index=si, sent_start=sent.start, sent_end=sent.end,
                start=o_s, end=o_e, text=text[o_s:o_e], holders=holders, kind="reported", family=fam,
                polarity="deny", cue=m.group(0).split()[0], display_start=a, display_end=b, explicit_target=True,
            ))
            return
        if fam in (cues.BLAME, cues.DENY) and _PASSIVE_BEFORE.search(text[sent.start : a]):
            return  # "X is accused of Y", "X was blamed": X is the accused, not the accuser
        if fam == cues.BLAME and _TO_BLAME.search(text[sent.start : a]):
            return  # "X was to blame", "who is not to blame": X is the culprit, no one blames
        stance = cue_stance(text[sent.start : a], text[a:b])
        if stance in ("given up", "unsaid"):
            return  # "initially denied X", "did not say X": not the holder's position on X
        hold_end = a
        if stance == "rejects":  # "some don't believe X": they reject X
            neg = _NEGATED_CUE.search(text[sent.start : a])
            hold_end, fam = sent.start + (neg.start() if neg else a - sent.start), cues.DENY
        holders = self._holders_from_segment(sent.start, hold_end) or prev_holders
        if not holders:
            return
        c_start = b
        that = _THAT.match(text[b : min(nxt, sent.end)])
        cue_text = m.group(0)
        if fam == cues.DENY and (cues.INNOCENCE.fullmatch(cue_text) or (
            cues.DOUBT.fullmatch(cue_text) and (_DOUBT_OBJECT.match(text[b:sent.end]) or not text[b:sent.end].strip(" .")))):
            # "pleaded not guilty", "expressed scepticism about their conclusion": what is
            # rejected is named by the cue and its object, an earlier claim of another holder
            s_, e_ = _clause_span(text, a, nxt if nxt > b else sent.end)
            self.out.append(Statement(
                source_id=self.sid, sent_index=si, sent_start=sent.start, sent_end=sent.end,
                start=s_, end=e_, text=text[s_:e_], holders=holders, kind="reported", family=fam,
                polarity="deny", cue=cue_text, display_start=s_, display_end=e_, anaphoric=True,
                pleads=bool(cues.INNOCENCE.fullmatch(cue_text)),
            ))
            return
        if fam == cues.COUNTER:
            colon = text.find(":", b, sent.end)
            if colon < 0:
                return
            c_start = colon + 1
            that2 = re.match(r"\s*that\s+", text[c_start:sent.end])
            if that2:
                c_start += that2.end()
        elif that:
            c_start = b + that.end()
        end_limit = nxt if nxt > c_start else sent.end
        start, end = _clause_span(text, c_start, end_limit)
        if end - start < 3:
            return
        aimed = fam == cues.DENY and bool(that and _REPORT_NOUN.search(that.group(0)))  # "denied reports that X"
        polarity = "deny" if fam == cues.DENY else "assert"
        start, embedded = _embedded_stance(text, start, end)
        if embedded == "deny":  # "said there was no evidence that X": the holder denies X
            fam, polarity = cues.DENY, "deny" if polarity == "assert" else "assert"
        elif embedded == "counter":
            fam, aimed = cues.COUNTER, True
        ctext = text[start:end]
        if fam == cues.REPORT and not that and len(_WORDS.findall(ctext)) < 4:
            return
        d_start = a if fam in (cues.BLAME, cues.DENY) else start
        kind = "evidence" if fam == cues.EVIDENCE else "reported"
        anaphoric = bool(cues.BARE_OBJECT.match(ctext))
        rejects = fam == cues.REPORT and cues.rejection(ctext)
        if rejects:
            fam = cues.COUNTER  # "said the reports were fabricated": rejects others' reports
        if fam == cues.BLAME or (anaphoric and d_start < start):
            start = a  # "blamed X for Y", "rejected the allegations" read as positions only with the verb
            ctext = text[start:end]
        self.out.append(Statement(
            source_id=self.sid, sent_index=si, sent_start=sent.start, sent_end=sent.end,
            start=start, end=end, text=ctext, holders=holders, kind=kind, family=fam,
            polarity=polarity, cue=text[a:b], display_start=d_start, display_end=end,
            anaphoric=anaphoric, explicit_target=rejects or aimed,
        ))

    def own_voice(self) -> None:
        by_sentence = {st.sent_index for st in self.out}
        for si, sent in enumerate(self.art.sentences):
            s_text = self.text[sent.start : sent.end]
            rebut = cues.ELLIPTIC_REBUTTAL.match(s_text)
            if rebut:
                prior = [j for j, st in enumerate(self.out) if st.sent_index == si - 1 and st.polarity == "deny"]
                if prior:
                    p = self.out[prior[-1]]
                    # evidence: the rebuttal only ("But Y is."); the denial it answers is the
                    # other side's evidence, and a sentence stands on one side at most
                    self.out.append(Statement(
                        source_id=self.sid, sent_index=si, sent_start=sent.start, sent_end=sent.end,
                        start=p.start, end=p.end, text=p.text, holders=[self.outlet_actor], kind="own",
                        family="own", polarity="assert", display_start=p.start, display_end=p.end,
                        rebuts=p,
                    ))
                    continue
            if si in by_sentence or cues.HEDGE.search(s_text):
                continue
            if len(_WORDS.findall(s_text)) < MIN_OWN_WORDS or not s_text.rstrip().endswith((".", "!", '."', ".”")):
                continue
            start, end = _clause_span(self.text, sent.start, sent.end)
            self.out.append(Statement(
                source_id=self.sid, sent_index=si, sent_start=sent.start, sent_end=sent.end,
                start=start, end=end, text=self.text[start:end], holders=[self.outlet_actor], kind="own",
                family="own", polarity="assert", display_start=start, display_end=end,
            ))

    def answers(self) -> None:
        """Who each statement says is responsible (for incompatible-answer detection)."""
        for st in self.out:
            fill_responsible(st, self.art, self.index)


def extract_statements(art: AnnotatedArticle, index: HolderIndex, responsible: bool = True) -> list[Statement]:
    """Every statement of one article, in text order. ``responsible=False`` leaves
    ``Statement.responsible`` empty, for a caller that fills it (:func:`fill_responsible`) only
    on the statements it keeps."""
    if not art.sentences:
        warnings.warn(f"{art.source_id}: no sentences; no claims taken from it", stacklevel=2)
        return []
    sc = _ArticleScanner(art, index)
    sc.from_quotes()
    sc.from_cues()
    sc.out.sort(key=lambda s: (s.sent_index, s.start))
    sc.own_voice()
    sc.out = [st for st in sc.out if not st.question]  # "declined to say whether X" holds no X
    sc.out.sort(key=lambda s: (s.sent_index, s.start))
    if responsible:
        sc.answers()
    return sc.out
