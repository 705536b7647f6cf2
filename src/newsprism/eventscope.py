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

from spacy.language import Language
from spacy.tokens import Doc, Token

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
    CURRENT_MARKERS,
    EVENT_NOUNS,
    OTHER_MARKERS,
    PERSON_NOUNS,
    REPORT_VERBS,
    VERB_CATEGORY,
)
from .extract.figures.scope import (
    _clause_tokens,
    pronoun_subject,
    scope_of,
    sentence_frame,
    years_in,
)
from .model import AnnotatedArticle, Figure, Story
from .owners import (
    PARTICIPANT_SHARE,
    article_voices,
    owner_scope,
    pronoun_owner_scope,
    widely_named,
)

PLACE_NOUNS = frozenset({"city", "town", "village", "island", "country", "province", "region",
                         "state", "community", "district", "county", "nation", "capital",
                         "suburb", "area", "neighbourhood", "neighborhood", "municipality"})
LEAD_SENTENCES = 2
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
    widely = widely_named(story)
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
        voices = None  # the article's statement sources and pronouns, when first needed
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
                if not why and (pronoun_subject(tok) or _told_from_previous(doc)):
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
                    why = owner_scope(doc, tok, participants | places, widely=widely)
                    if not why and f.kind in ("money", "length"):
                        why = owner_scope(doc, tok, lead_names | places, rival=True)
                    if not why and si > 0 and participants:
                        voices = voices or article_voices(a, story)
                        why = pronoun_owner_scope(doc, tok, parsed[si - 1],
                                                  participants | places,
                                                  f.kind in ("money", "length", "percent"),
                                                  voices, base, a.sentences[si - 1].start)
                if not why and si > 1:
                    why = _dated_narrative(a, si, doc, parsed, nlp, ref_year, ref_month, triggers)
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


NARRATIVE_LOOK_BACK = 3  # sentences a past narrative keeps its date over


def _plain_past(doc: Doc, triggers: set[str]) -> bool:
    """A sentence that tells on in the past without placing itself: a past main verb, no date
    or time, no quotation, no word of the story's own event and no marker of the present."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and root.lemma_.lower() in REPORT_VERBS:
        # "Norvik will cut 600 jobs, it said": the reported clause's tense tells
        root = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), root)
    if not _simple_past(root):
        return False
    if any(e.label_ in ("DATE", "TIME") for e in doc.ents) or any(
            t.text in ('"', "“", "”") for t in doc):
        return False
    return not any(t.lemma_.lower() in triggers or t.lower_ in CURRENT_MARKERS for t in doc)


def _simple_past(verb: Token | None) -> bool:
    """A verb in the simple past: not a perfect ("has sold ... since 2010", a running total),
    not a modal or a future."""
    return verb is not None and verb.tag_ == "VBD" and not any(
        c.dep_ in ("aux", "auxpass") and (c.lower_ in ("has", "have") or c.tag_ == "MD")
        for c in verb.children)


def _main_clause_dated(doc: Doc) -> bool:
    """A date of the sentence's own clause, not of a side clause ("Moyo, who joined the Hawks in
    March, made a big difference" is not told in March)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not (_simple_past(root) or (root.lemma_.lower() == "be" and root.tag_ == "VBD")):
        return False  # a narrative told in the past, not a running total or a standing fact
    for e in doc.ents:
        if e.label_ != "DATE":
            continue
        if not any(t.dep_ in ("relcl", "acl", "appos", "advcl", "ccomp") for t in e.root.ancestors):
            return True
    return False


def _dated_narrative(a: AnnotatedArticle, si: int, doc: Doc, parsed: dict[int, Doc],
                     nlp: Language, ref_year: int | None, ref_month: int | None,
                     triggers: set[str]) -> str:
    """"Palin was anything but in 2007 when ... Palin responded by firing the board. She then
    replaced board members with her cronies. They pumped another $600,000 ...": a sentence that
    tells on in the past without placing itself keeps the date of the narrative it continues,
    up to NARRATIVE_LOOK_BACK sentences back in the same paragraph (the same run of lines when
    the text has one sentence per line), when every sentence between tells on as plainly.
    ``parsed``: the article's sentences parsed so far, by index; the ones looked at join it, so
    the figures of one sentence parse the sentences before it once."""
    if not _plain_past(doc, triggers):
        return ""
    one_per_line = all(s.paragraph != t.paragraph
                       for s, t in zip(a.sentences, a.sentences[1:], strict=False))
    for k in range(1, NARRATIVE_LOOK_BACK + 1):
        j = si - k
        if j < 1 or (not one_per_line and a.sentences[j].paragraph != a.sentences[si].paragraph):
            return ""
        if j not in parsed:
            parsed[j] = nlp(a.sentences[j].text)
        prev = parsed[j]
        if _main_clause_dated(prev) and sentence_frame(prev, prev[:], ref_year, ref_month):
            return f"goes on about an earlier time told {k} sentence{'s' if k > 1 else ''} before"
        if not _plain_past(prev, triggers):
            return ""
    return ""


_FROM_PREVIOUS = frozenset({"later", "earlier", "afterwards", "afterward", "previously", "before"})


def _told_from_previous(doc: Doc) -> bool:
    """The sentence opens by placing itself from the one before: "Days later, a $2.5 million
    necklace was stolen", "A week earlier, ..." (it goes on about what that sentence told)."""
    for t in doc[:3]:
        if t.lower_ in _FROM_PREVIOUS and t.dep_ == "advmod" and any(
                c.dep_ == "npadvmod" and c.i < t.i for c in t.children):
            return True
    return False


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
    why = _reported_before(v, ref_year) or _at_a_distance(v, triggers)
    if why:
        return why
    if v.dep_ == "conj" and v.head.dep_ in ("relcl", "acl"):
        v = v.head  # "a spree that left three dead and three others wounded"
    ev = v.head if v.dep_ in ("relcl", "acl") and (_eventive(v.head, triggers) or _harmful(
        v, triggers)) else None
    if ev is not None and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in ev.children):
        return f"another {ev.text}, not this story's"
    return ""


def _reported_before(v: Token, ref_year: int | None) -> str:
    """The report that tells the figure is dated before the story's year: "In 2009, police
    said they had recovered 80 percent of the haul" (what was said then was so by then)."""
    if ref_year is None or v.dep_ != "ccomp" or v.head.lemma_.lower() not in REPORT_VERBS:
        return ""
    for c in v.head.children:
        if c.dep_ not in ("prep", "npadvmod") or c.i > v.i:
            continue
        for t in c.subtree:
            if t.ent_type_ != "DATE":
                continue
            years = years_in(t.text)
            if years and max(years) < ref_year:
                return f"reported in {t.text}, before this event"
    return ""


def _at_a_distance(v: Token, triggers: set[str]) -> str:
    """A clause set a span of time apart from the story's event: "The raid comes a month after
    a masked man made off with $136 million of jewels", "The crash came two weeks before a bus
    overturned there, killing 12": the main clause's subject is the story's own event (its
    event word, definite), the figure's clause another occasion that far from it (a participle
    after that clause goes with it: ", killing 12", however the parse attached it)."""
    if v.dep_ != "advcl":
        return ""
    if v.tag_ == "VBG":  # the clause it follows: its head ("hit a bus, killing six") or a sibling
        for w in (v.head, *v.head.children):
            if w.dep_ == "advcl" and w.i < v.i and w is not v:
                why = _at_a_distance(w, triggers)
                if why:
                    return why
    mark = next((c for c in v.children if c.dep_ in ("mark", "advmod")
                 and c.lower_ in ("after", "before")), None)
    if mark is None:
        return ""
    # "a month after ...": the span on the verb, or on "after" ("just weeks after ...")
    span = next((c for c in (*v.children, *mark.children) if c.dep_ in ("npadvmod", "advmod")
                 and c.ent_type_ == "DATE" and c.i < mark.i), None)
    if span is None:
        return ""
    subj = next((c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not _eventive(subj, triggers) or not any(
            d.dep_ in ("det", "poss") and d.lower_ not in ("a", "an", "another")
            for d in subj.children):
        return ""
    gap = " ".join(t.text for t in span.subtree)
    return f"another occasion, {gap} {mark.text} this {subj.text}"


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
