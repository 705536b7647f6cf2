"""Figures judged against the story's event frame (issue 13).

Each article's extractor judged its figures alone, with the article's own year and places.
Once the story's frame (frame.py) and calendar (extract/dates/calendar.py) are known, every
figure still counted for the event is judged again against them: its clause must be about this
event. A figure is background, with its reason kept in ``Figure.scope``, when
- its clause is dated or placed elsewhere: a year before the story's, months before it, another
  event of the same kind in a place the story's sources do not report the event in
  ("another quake, in Bam") (the extractor's scope rules, now with the story's calendar and the
  places its sources share);
- it is told in a relative clause on another event of the same kind, introduced as a new one:
  "a quake that killed 26,000", "destroyed in an attack that left 40 dead" (an indefinite
  event noun: the story's own event is "the quake", "Sunday's attack");
- it is a standing fact: the population of a place ("a city of 500,000 people"), the size of a
  body ("the 1,000-member church").
Only figures of the event enter the reconciliation, so none of these can make a false conflict.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

from .extract import ent_at
from .extract.dates import parse_iso
from .extract.figures.clauses import (
    HARM_CATEGORIES,
    MARKET_NOUNS,
    court_record,
    dated_before,
    dated_on,
    finance_amount,
    hypothetical,
    membership,
    old_or_needed,
    other_occurrence,
    prior_clause,
    ranking,
    standing_amount,
    told_before,
    told_to_come,
)
from .extract.figures.habits import forecast, habitual, span_record
from .extract.figures.lexicon import (
    EVENT_NOUNS,
    OTHER_MARKERS,
    PERSON_NOUNS,
    REPORT_VERBS,
    VERB_CATEGORY,
)
from .extract.figures.scope import _clause_tokens, pronoun_subject, scope_of, sentence_frame
from .model import AnnotatedArticle, Figure, Story

PLACE_NOUNS = frozenset({"city", "town", "village", "island", "country", "province", "region",
                         "state", "community", "district", "county", "nation", "capital",
                         "suburb", "area", "neighbourhood", "neighborhood", "municipality"})
LEAD_SENTENCES = 2
# an entity named by at least this share of the sources is one of the story's participants
PARTICIPANT_SHARE = 1 / 3
_OWNER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_MAX_LEADS = 40
ONGOING_SHARE = 0.6


def story_places(story: Story) -> set[str]:
    """Places the story's event happens in: the frame's, the story's main places, and every
    place its articles name in their leads."""
    places = {p.lower() for p in (story.frame.places if story.frame else [])}
    places |= {p.lower() for p in story.locations}
    for a in story.articles:
        lead_end = _lead_end(a)
        for m in a.mentions:
            if m.label in ("GPE", "LOC", "FAC") and m.start < lead_end:
                places.add(m.text.lower())
    return places


def story_participants(story: Story) -> set[str]:
    """Names (lower-cased, with aliases) of the story's participants: the frame's, and every
    entity a good part of the sources name (at least two and a third of them)."""
    names = {p.lower() for p in (story.frame.participants if story.frame else [])}
    need = max(2, math.ceil(len(story.articles) * PARTICIPANT_SHARE))
    for e in story.entities:
        if len(e.mention_counts) >= need:
            names |= {e.name.lower(), *(x.lower() for x in e.aliases)}
    return {n.removeprefix("the ").strip() for n in names if n.strip()}


def lead_participants(story: Story) -> set[str]:
    """Names (lower-cased) that the leads (first two sentences) of at least two articles share,
    and the frame's participants: the parties of the event itself, not everyone the story
    mentions (a rival bidder, a former coach)."""
    names = {p.lower() for p in (story.frame.participants if story.frame else [])}
    seen: dict[str, set[str]] = defaultdict(set)
    for a in story.articles:
        lead_end = _lead_end(a)
        for m in a.mentions:
            if m.label in _OWNER_LABELS and m.start < lead_end:
                seen[m.text.lower().removeprefix("the ").strip()].add(a.source_id)
    need = 2 if len(story.articles) > 1 else 1
    names |= {n for n, srcs in seen.items() if len(srcs) >= need}
    return {n.removeprefix("the ").strip() for n in names if n.strip()}


def _lead_end(a: AnnotatedArticle) -> int:
    if len(a.sentences) >= LEAD_SENTENCES:
        return a.sentences[LEAD_SENTENCES - 1].end
    return a.sentences[-1].end if a.sentences else 0


def event_is_ongoing(story: Story, nlp: Language) -> bool:
    """Do the sources' leads tell the event as going on or to come ("X is in talks to ...",
    "the vote will be held ...") rather than as done? Decided on the first sentence of each
    article: its main verb (the verb a reporting verb introduces, if any) in the present
    simple or progressive, or with "will", against the past (simple, perfect or passive). A
    present lead that also tells the event as over ("two days after the quake struck, rescuers
    are still searching") follows up a done event: it counts as past. Ongoing when at least three in five of the leads that say either are present or future."""
    firsts = [a.sentences[0].text for a in story.articles[:_MAX_LEADS] if a.sentences]
    present = past = 0
    for doc in nlp.pipe(firsts):
        tense = _lead_tense(doc)
        present += tense == "present"
        past += tense == "past"
    return present >= 2 and present >= ONGOING_SHARE * (present + past)


def market_story(story: Story, nlp: Language) -> bool:
    """Is the story about a market move: does the first sentence of at least a third of its
    articles (and two) have a market word as the subject of its main verb ("Stocks plunged
    on Monday", "the euro fell to a 12-year low")?"""
    firsts = [a.sentences[0].text for a in story.articles[:_MAX_LEADS] if a.sentences]
    hits = 0
    for doc in nlp.pipe(firsts):
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None:
            continue
        if root.lemma_.lower() in REPORT_VERBS:
            root = next((c for c in root.children if c.dep_ == "ccomp"), root)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        hits += subj is not None and subj.lemma_.lower() in MARKET_NOUNS
    return hits >= min(2, len(firsts)) and hits >= len(firsts) / 3


# what introduces a clause or phrase that places the event behind the lead's time: "three days
# after the plane disappeared", "two days after the quake", "since Friday's attacks"
_BEHIND = frozenset({"after", "since", "following"})


def _lead_tense(doc: Doc) -> str:
    tense = _main_tense(doc)
    if tense == "present" and _tells_done_event(doc):
        return "past"  # "rescuers are searching two days after the quake struck": a follow-up
    return tense


def _past(v: Token) -> bool:
    return v.tag_ == "VBD" or (v.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lower_ in ("has", "have", "'ve"))
        for c in v.children))


def _tells_done_event(doc: Doc) -> bool:
    """Does a lead told in the present or future also tell an event that is over: a clause in
    the past after "after"/"since"/"when" ("three days after the plane disappeared, ... remain
    a mystery"), a phrase "after"/"since" an event noun ("two days after the quake"), or a
    harm verb in the past ("police are hunting a gunman who killed five people")? Then the
    story follows up an event that happened, it is not one going on or to come."""
    for t in doc:
        if t.pos_ in ("VERB", "AUX") and _past(t):
            if t.lemma_.lower() in VERB_CATEGORY:
                return True
            if t.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in (
                    *_BEHIND, "when") for c in t.children):
                return True
            if t.dep_ == "pcomp" and t.head.lower_ in _BEHIND:
                return True
        if t.dep_ == "pobj" and t.head.lower_ in _BEHIND and (
                t.lemma_.lower() in EVENT_NOUNS or t.lower_ in EVENT_NOUNS):
            return True
    return False


def _main_tense(doc: Doc) -> str:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return ""
    if root.lemma_.lower() in REPORT_VERBS:
        inner = next((c for c in root.children if c.dep_ == "ccomp"), None)
        root = inner if inner is not None else root
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in ("will", "shall", "'ll") for c in auxes):
        return "present"
    if any(c.tag_ == "VBD" or c.lower_ in ("has", "have", "'ve") for c in auxes) or root.tag_ == "VBD":
        return "past"  # "was killed", "had", "has killed" (a done event, just reported)
    if root.tag_ in ("VBZ", "VBP") or (root.tag_ == "VBG" and any(
            c.lower_ in ("is", "are", "'s", "'re") for c in auxes)):
        return "present"
    return ""


def judge_figures(story: Story, nlp: Language) -> int:
    """Mark the story's figures that are not about its event (see the module docstring);
    returns how many were moved to background."""
    places = story_places(story)
    participants = story_participants(story)
    widely = _widely_named(story)
    lead_names = lead_participants(story)
    triggers = set(story.frame.triggers if story.frame else [])
    event_day = parse_iso(story.event_date) if story.event_date and len(story.event_date) >= 10 \
        else None
    ongoing = event_is_ongoing(story, nlp)
    # a market move is the event's only in a story about one ("stocks plunged 5 percent"):
    # elsewhere the triggers ("profit rose") do not make a share move the event's
    market_triggers = triggers if market_story(story, nlp) else set()
    moved = 0
    for a in story.articles:
        pub = parse_iso(a.article.published)
        ref = event_day or parse_iso(story.event_date) or pub
        ref_year = ref.year if ref else None
        ref_month = ref.month if ref else None
        todo: dict[int, list[Figure]] = defaultdict(list)
        for f in a.figures:
            if f.about_event and f.sentence is not None and 0 <= f.sentence < len(a.sentences):
                todo[f.sentence].append(f)
        if not todo:
            continue
        order = sorted(todo)
        # a sentence whose subject is a pronoun goes on about the sentence before it
        wanted = sorted({*order, *(i - 1 for i in order if i > 0)})
        parsed = dict(zip(wanted, nlp.pipe([a.sentences[i].text for i in wanted]), strict=True))
        for si in order:
            doc = parsed[si]
            base = a.sentences[si].start
            for f in todo[si]:
                tok = _anchor(doc, f.start - base, f.end - base)
                if tok is None:
                    continue
                if si == 0:
                    # the lead tells the story's event (the frame is read from it): only a
                    # figure its own words mark as another value is background ("a profit of
                    # $410 million, up from $350 million", "beating analysts' forecasts")
                    why = forecast(tok) or (old_or_needed(tok) if f.category == "other" else "")
                    if why:
                        f.about_event = False
                        f.scope = why
                        moved += 1
                    continue
                why = _judge(doc, tok, ref_year, ref_month, places, triggers) or forecast(tok)
                if not why:
                    why = prior_clause(tok, f.category)
                if not why and event_day is not None:
                    why = dated_before(a.dates, si, tok, base, event_day)
                if not why:
                    why = other_occurrence(tok, places, triggers)
                if not why and pronoun_subject(tok):
                    why = _continues_background(a, si, parsed[si - 1], ref_year, ref_month,
                                                places, triggers)
                if not why and ongoing and f.category == "other":
                    why = told_before(tok, triggers)
                    if why and event_day is not None and dated_on(a.dates, si, tok, base,
                                                                  event_day):
                        why = ""  # "shares jumped 22 percent on Monday": the event's day
                if not why and f.kind in ("money", "percent"):
                    why = standing_amount(tok, market_triggers, f.kind == "percent")
                if not why and f.category == "other":
                    why = hypothetical(tok) or ranking(tok) or membership(tok, triggers, f.kind == "people") \
                        or court_record(tok, triggers) or finance_amount(tok, triggers) \
                        or old_or_needed(tok) or span_record(tok)
                    if not why and f.kind not in ("money", "percent", "length"):
                        why = habitual(tok)
                    if not why and not ongoing:
                        why = told_to_come(tok)
                if not why and f.category == "other":
                    why = _owner_scope(doc, tok, participants | places, widely=widely)
                    if not why and f.kind in ("money", "length"):
                        why = _owner_scope(doc, tok, lead_names | places, rival=True)
                    if not why and si > 0 and participants:
                        why = _pronoun_owner_scope(doc, tok, parsed[si - 1],
                                                   participants | places,
                                                   f.kind in ("money", "length", "percent"))
                if why:
                    f.about_event = False
                    f.scope = why
                    moved += 1
        moved += _conversions(a)
    return moved


def _conversions(a: AnnotatedArticle) -> int:
    """An amount converted in parentheses ("110 billion euros ($143 billion)") is the amount
    it converts: it takes that amount's judgment."""
    text = a.article.text
    money = sorted((f for f in a.figures if f.kind == "money"), key=lambda f: f.start)
    moved = 0
    for prev, f in zip(money, money[1:], strict=False):
        gap = text[prev.end:f.start]
        if f.about_event and not prev.about_event and re.fullmatch(r"\s*[(\[]\s*", gap):
            f.about_event = False
            f.scope = f"a conversion of {prev.text!r}: {prev.scope}"
            moved += 1
    return moved


def _continues_background(a: AnnotatedArticle, si: int, prev: Doc, ref_year: int | None,
                          ref_month: int | None, places: set[str], triggers: set[str]) -> str:
    """"It killed 612 people": the previous sentence says what "it" is. Background when that
    sentence's own counts are all background, or it tells another occurrence or a dated
    earlier one."""
    prev_figs = [f for f in a.figures if f.sentence == si - 1]
    if prev_figs and not any(f.about_event for f in prev_figs):
        return f"goes on about the previous sentence's {prev_figs[0].scope or 'background'}"
    sent = prev[:]
    if sentence_frame(prev, sent, ref_year, ref_month):
        return "goes on about the previous sentence, dated before this event"
    for t in prev:
        if t.pos_ in ("VERB", "NOUN") and (t.lemma_.lower() in triggers or _eventive(t, triggers)):
            why = other_occurrence(t, places, triggers)
            if why:
                return f"goes on about the previous sentence: {why}"
    return ""


def _anchor(doc: Doc, start: int, end: int) -> Token | None:
    """The counted noun of a figure span (else its number) in a re-parsed sentence."""
    toks = [t for t in doc if start <= t.idx < end]
    if not toks:
        return None
    nouns = [t for t in toks if t.pos_ in ("NOUN", "PROPN")]
    if nouns:
        return nouns[-1]
    num = toks[0]
    return num.head if num.dep_ == "nummod" else num


def _judge(doc: Doc, tok: Token, ref_year: int | None, ref_month: int | None,
           places: set[str], triggers: set[str]) -> str:
    sc = scope_of(doc, tok, ref_year, places, None, ref_month)
    if sc.background:
        return sc.reason
    # a standing fact: "a city of 500,000 people", "the 1,000-member church"
    t = tok
    while t.dep_ in ("nummod", "quantmod", "compound", "amod") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in PLACE_NOUNS:
        return f"a population ('{t.head.head.text} of ...'), not an occurrence"
    around = doc[max(0, tok.i - 3): tok.i + 3].text.lower()
    if re.search(r"(?:\d|million|thousand|hundred)[- ]member\b", around) and tok.dep_ != "pobj":
        return "the size of a body ('...-member'), not an occurrence"
    # the story's own kind of event, marked as another one: "in the last election, turnout was
    # 61 percent" (the event words of the frame, beyond the fixed list of event nouns)
    for t in _clause_tokens(tok):
        if t.pos_ == "NOUN" and t.lemma_.lower() in triggers and t.lemma_.lower() not in EVENT_NOUNS:
            mark = next((c for c in t.children if c.lower_ in OTHER_MARKERS
                         and c.dep_ in ("amod", "det", "compound", "nmod")), None)
            if mark is not None:
                return f"another {t.text} ('{mark.text} {t.text}')"
    # another event of the same kind, introduced as a new one: "a quake that killed 26,000"
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    ev = v.head if v.dep_ in ("relcl", "acl") and (_eventive(v.head, triggers) or _harmful(
        v, triggers)) else None
    if ev is not None and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in ev.children):
        return f"another {ev.text}, not this story's"
    return ""


def _harmful(v: Token, triggers: set[str]) -> bool:
    """A relative clause that tells a thing (not a person) doing harm: "a jet that killed 224
    people", "a storm which left 40 dead" (a new one, when the thing is indefinite)."""
    head = v.head
    harm = VERB_CATEGORY.get(v.lemma_.lower()) in HARM_CATEGORIES or any(
        c.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and c.lower_ in ("dead", "injured",
                                                                        "wounded")
        for c in v.subtree)
    agent = any(c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who") for c in v.children)
    # not "a hall where 80 people were killed": the place of the harm, not its doer
    return harm and agent and v.dep_ == "relcl" and head.pos_ == "NOUN" and head.lower_ not in \
        PERSON_NOUNS and head.lemma_.lower() not in PERSON_NOUNS and \
        head.lemma_.lower() not in triggers


def _eventive(t: Token, triggers: set[str]) -> bool:
    low = t.lemma_.lower()
    return low in EVENT_NOUNS or t.lower_ in EVENT_NOUNS or low in triggers


def _owner(doc: Doc, tok: Token, skip_reporters: bool = False) -> str | None:
    """The named person or body an amount belongs to: the possessor of its noun ("the
    Nationals' offer"), the name a parenthesis follows ("the Orioles (seven years, $150
    million)"), the subject or recipient of a clause on its noun ("the deal that Hunter got"),
    else the subject of its clause ("Finnegan was fined $25,000", "the Rams lost two more
    players"), through a relative pronoun ("Garrard, who completed ...")."""
    np = tok
    while np.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and np.head.i != np.i:
        np = np.head
    cands = [c for c in np.children if c.dep_ == "poss"]
    # "the Orioles (seven years, $140-150 million)": a parenthesis belongs to what it follows
    opening = next((doc[j] for j in range(tok.i - 1, max(tok.sent.start, tok.i - 8) - 1, -1)
                    if doc[j].text in "()"), None)
    if opening is not None and opening.text == "(" and opening.i > tok.sent.start:
        cands.append(doc[opening.i - 1])
    # "the $90 million deal that Torii Hunter got", "$90 million guaranteed to Torii Hunter"
    for c in np.children:
        if c.dep_ in ("relcl", "acl"):
            for x in c.children:
                if x.dep_ in ("nsubj", "nsubjpass", "dative"):
                    cands.append(x)
                elif x.dep_ == "prep" and x.lower_ in ("to", "for"):
                    cands.extend(y for y in x.children if y.dep_ == "pobj")
    v = np
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    if v.pos_ in ("VERB", "AUX") and not (skip_reporters and v.lemma_.lower() in REPORT_VERBS):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != np.i:
                cands.append(v.head if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl"
                             else c)
                # "Rival Vantor's pickup sells for $61,000": a thing's owner owns its amount
                # (only where reporters are skipped, for amounts: not "Kelmet's army sent 200
                # soldiers", help for the event)
                if skip_reporters and c.pos_ == "NOUN":
                    cands.extend(x for x in c.children if x.dep_ == "poss")
            elif c.dep_ == "agent":
                cands.extend(x for x in c.children if x.dep_ == "pobj")
    for c in cands:
        ent = ent_at(doc, c.i)
        if ent is not None and ent.label_ in _OWNER_LABELS:
            return ent.text
        if c.pos_ == "PROPN" and (ent is None or ent.label_ not in ("DATE", "TIME", "MONEY")) \
                and (ent is not None or not _first_word(c)):
            # a name the tagger labelled otherwise ("the Wanderers" as a product); not a
            # capitalised first word the tagger took for a name ('"Houses in the village ...')
            first = min([c.i, *(x.i for x in c.children if x.dep_ == "compound")])
            return doc[first:c.i + 1].text
    return None


def _first_word(t: Token) -> bool:
    """Is t the first word of its sentence or of a quotation (only punctuation before it)?"""
    return all(x.is_punct for x in t.doc[t.sent.start:t.i]) or t.nbor(-1).text in ('"', "“", ":")


def _known(name: str, names: set[str]) -> bool:
    n = name.lower().removeprefix("the ").strip()
    n = re.sub(r"'s?$", "", n).strip()
    if any(n in x or x in n for x in names if x):
        return True
    words = {w for w in re.findall(r"[a-z][a-z.'-]+", n) if len(w) > 2}
    return any(words & set(re.findall(r"[a-z][a-z.'-]+", x)) for x in names)


def _widely_named(story: Story) -> Callable[[str], bool]:
    """Is a name written in a good part of the story's articles (as many as make an entity a
    participant)? A name the entity tagger skips ("the Pulse X" as a product) is still one of
    the story's own when most sources name it."""
    texts = [a.article.text for a in story.articles]
    need = max(2, math.ceil(len(texts) * PARTICIPANT_SHARE))
    return lambda name: sum(name in t for t in texts) >= need


def _titled_by(doc: Doc, owner: str, names: set[str]) -> bool:
    """Is the owner a person named with the title of a body among the story's participants
    ("Pellin chief executive Joan Keel", "Brenn's chief executive, Karl Mohr", "Hawks receiver
    Dan Moyo")? A person who acts for a party of the event is one of its own (not a country's
    bank, "Germany's Commerzbank", nor a country's minister)."""
    for ent in doc.ents:
        if ent.text != owner or ent.label_ != "PERSON":
            continue
        head = ent.root
        if head.dep_ == "appos":
            head = head.head  # "Brenn's chief executive, Karl Mohr"
        title = [t for c in head.children if c.dep_ in ("compound", "poss", "nmod", "appos")
                 and c.i not in range(ent.start, ent.end) for t in c.subtree]
        for t in title:
            e = ent_at(doc, t.i)
            if e is not None and e.label_ in ("ORG", "NORP") and _known(e.text, names):
                return True
    return False


def _owner_scope(doc: Doc, tok: Token, names: set[str], rival: bool = False,
                 widely: Callable[[str], bool] | None = None) -> str:
    """An amount that belongs to someone the story's sources do not report on: another team's
    offer, another player's fine (participants: the frame's and the widely named entities).
    ``rival``: names are only those the sources' leads share, so a party many articles
    mention but none leads with ("the Orioles (seven years, $140 million)") is another
    party; whoever estimates or reports an amount is its source, not its owner."""
    owner = _owner(doc, tok, skip_reporters=rival)
    if owner is None or not names or _known(owner, names) or (widely and widely(owner)):
        return ""
    if _titled_by(doc, owner, names):
        return ""
    if rival:
        return f"{owner}'s, another party than the event's ({', '.join(sorted(names)[:3])})"
    return f"about {owner}, not one of this story's participants"


_PERSONAL = frozenset({"he", "she", "his", "her", "him"})


def _reporter(ent) -> bool:
    """Is a named person the source of a statement ("said Brad Baehr", "according to Baehr")?"""
    root = ent.root
    return (root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in REPORT_VERBS) or (
        root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.i > 0
        and root.doc[root.head.i - 1].lower_ == "according")


def _pronoun_owner_scope(doc: Doc, tok: Token, prev: Doc, names: set[str],
                         amount: bool = True) -> str:
    """An amount that belongs to a person told by a pronoun ("the NFL later reduced his
    suspension to two games", "he settled a lawsuit for $5.5 million", "a contract that
    guaranteed him $9 million"): the pronoun stands for the last person named before it (in its
    sentence, else in the one before; not a person only quoted as a source). Background when
    that person is not one of the story's participants. ``amount``: the figure is money, a
    share or a length (a contract's years), which its subject owns ("he settled ... for $5.5
    million", "he will collect 5 percent of the profits")."""
    np = tok
    while np.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and np.head.i != np.i:
        np = np.head
    if any(c.dep_ == "poss" and c.lower_ not in _PERSONAL for c in np.children):
        return ""  # "the Rovers' offer": a named owner, ``_owner_scope`` decides
    prons = [c for c in np.children if c.dep_ == "poss" and c.lower_ in _PERSONAL]
    # in its clause: "reduced his ban to two games" (what the clause does to something of
    # his; not "her company sold 2 million phones", the doer of the clause), "guaranteed him $9
    # million", and the subject only of an amount ("he settled a lawsuit for $5.5 million";
    # not "he caught five passes", what a player did in the event)
    for t in _clause_tokens(tok):
        if t.lower_ not in _PERSONAL or t.i == np.i:
            continue
        if t.dep_ in ("dative", "dobj") or (t.dep_ == "poss" and t.head.dep_ not in (
                "nsubj", "nsubjpass")) or (t.dep_ in ("nsubj", "nsubjpass") and amount):
            prons.append(t)
    if not prons:
        return ""
    pron = prons[0]
    before = [e for e in doc.ents if e.label_ == "PERSON" and e.end <= pron.i and not _reporter(e)]
    if before:
        person = before[-1]
    else:
        # the sentence before: its subject, else the first person it names ("LaCalamita is
        # charged with the death of Kafoury, of Warren. He also is charged ...")
        root = next((t for t in prev if t.dep_ == "ROOT"), prev[0])
        if root.lemma_.lower() in REPORT_VERBS:  # "Baxter was freed, said Officer Dunn"
            root = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), root)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")
                     and c.pos_ == "PROPN"), None)
        named = [e for e in prev.ents if e.label_ == "PERSON" and not _reporter(e)]
        if subj is not None and (ent_at(prev, subj.i) is None
                                 or ent_at(prev, subj.i).label_ == "PERSON"):
            first = min([subj.i, *(c.i for c in subj.children if c.dep_ == "compound")])
            person = prev[first:subj.i + 1]
        elif named:
            person = named[0]
        else:
            return ""
    if _known(person.text, names):
        return ""
    return f"about {person.text} ('{pron.text}'), not one of this story's participants"
