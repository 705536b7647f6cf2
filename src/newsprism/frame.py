"""The event frame: what a story's main event is, decided from what its sources share.

The frame is read from the sources' headlines and leads (the first sentences of every article):
- ``trigger``: the event word (verb or event noun, lemma) most sources use in them;
- ``places`` / ``participants``: the places and the people or bodies most sources name there;
- ``lead``: the lead sentence that shares most with the other sources' leads;
- ``headline``: the most representative headline, cleaned of kickers and outlet names, when
  enough articles carry one.

A title is the headline when there is one, else built from the lead: its main clause (who did
what), its object and the place, without attributions, appositions, relative clauses or dates.
Nothing is generated: every word of a title comes from a source.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.language import Language
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .extract.figures.lexicon import EVENT_NOUNS
from .model import AnnotatedArticle, EventFrame, Story

MAX_ARTICLES = 40  # leads read for the frame (the first articles of a very large story)
LEAD_SENTENCES = 2
TITLE_MAX_WORDS = 14
CANDIDATE_LEADS = 6
FULL_COVER = 4  # title_cover of a title with the event word, a frame name and four words
OUTCOMES = frozenset({"death", "victory", "defeat", "safety"})  # "fell to his death"
NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT"})  # central leads whose compressed clauses compete for the title
STOP = frozenset(
    "a an the of in on at to for from by with and or but is are was were be been being has have "
    "had it its his her their this that these those as after before into over about than who "
    "which what when where said says say will would could can may might not no he she they we i "
    "you our us him them there here also just more most some any all one new".split()
)
REPORTING = frozenset({"say", "tell", "report", "add", "state", "claim", "announce", "confirm",
                       "accord", "quote", "explain", "note", "write", "believe", "think"})
_KICKER = re.compile(
    r"^(?:breaking(?:\s+news)?|update[sd]?(?:\s*\d+)?|exclusive|watch|video|photos?|gallery|live|"
    r"live\s+updates|opinion|analysis|editorial|comment|just\s+in|developing|follow[- ]up|news|"
    r"latest|report|world|sport|sports|business|politics|local)$", re.I)
_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
_BRACKETED = re.compile(r"\s*[\[(](?:video|photos?|pictures|watch|updated?|live|graphic)[\])]\s*",
                        re.I)


def content_words(text: str) -> set[str]:
    """Lower-cased content words of a text, compared on their first five letters."""
    return {w[:5] for w in re.findall(r"[a-z][a-z'-]*|\d+", text.lower()) if w not in STOP}


# --------------------------------------------------------------------------- headlines


def clean_headline(title: str, outlet: str | None = None) -> str:
    """A headline without kickers ("Breaking News - ", "UPDATE 2:"), bracketed media tags and
    outlet names ("... | Reuters"), nor a question tacked on after a colon."""
    t = _BRACKETED.sub(" ", title).strip()
    parts = [p.strip() for p in _SEPARATORS.split(t) if p.strip()]
    out_words = content_words(outlet) if outlet else set()

    def dropped(p: str) -> bool:
        w = content_words(p)
        return bool(_KICKER.match(p.strip(" :"))) or (bool(w) and bool(out_words) and w <= out_words)

    kept = [p for p in parts if not dropped(p)] or parts
    # a short trailing part of capitalised words is a site name: "... - The Daily Star"
    if len(kept) > 1 and len(kept[-1].split()) <= 4 and all(
            w[:1].isupper() or w.lower() in ("the", "of", "and", "&") for w in kept[-1].split()) \
            and len(kept[0].split()) > len(kept[-1].split()):
        kept = kept[:-1]
    t = " - ".join(kept)
    head, sep, tail = t.partition(": ")
    if sep:
        if _KICKER.match(head.strip()) or (len(head.split()) <= 2 and head.isupper()):
            t = tail
        elif tail.rstrip().endswith("?") and not head.rstrip().endswith("?"):
            t = head
    return t.strip(" -:|")


def choose_headline(story: Story) -> str | None:
    """The most representative cleaned headline: the one whose words most other sources use
    (in their headlines and leads). None when fewer than half of the articles (or fewer than two,
    in a story of several) carry a headline: one outlet's angle is not the story's title."""
    arts = story.articles[:MAX_ARTICLES]
    heads = [(a, clean_headline(a.article.title, a.article.outlet))
             for a in arts if a.article.title and a.article.title.strip()]
    heads = [(a, h) for a, h in heads if len(h.split()) >= 3]
    if not heads or (len(arts) > 1 and (len(heads) < 2 or 2 * len(heads) < len(arts))):
        return None
    words_of = {a.source_id: content_words(" ".join(
        [a.article.title or ""] + [s.text for s in a.sentences[:LEAD_SENTENCES + 1]])) for a in arts}

    def score(item: tuple[AnnotatedArticle, str]) -> float:
        art, h = item
        others = [w for sid, w in words_of.items() if sid != art.source_id]
        if not others:
            return 0.0
        return sum(sum(w in o for o in others) / len(others) - 0.25 for w in content_words(h))

    return max(heads, key=score)[1]


# --------------------------------------------------------------------------- the frame


def build_frame(story: Story, nlp: Language) -> EventFrame:
    """The story's main event from its sources' headlines and leads."""
    arts = story.articles[:MAX_ARTICLES]
    leads: list[tuple[str, str]] = []  # (source id, sentence text)
    for a in arts:
        for s in a.sentences[:LEAD_SENTENCES]:
            if len(s.text.split()) >= 5:
                leads.append((a.source_id, s.text))
    docs = list(nlp.pipe([t for _, t in leads])) if leads else []
    heads = [(a.source_id, a.article.title) for a in arts if a.article.title]
    head_docs = list(nlp.pipe([t for _, t in heads])) if heads else []
    triggers: dict[str, set[str]] = defaultdict(set)
    places: dict[str, set[str]] = defaultdict(set)
    people: dict[str, set[str]] = defaultdict(set)
    surface: dict[str, Counter[str]] = defaultdict(Counter)
    for (sid, _), doc in zip([*leads, *heads], [*docs, *head_docs], strict=True):
        for t in doc:
            if _is_trigger(t):
                triggers[_trigger_key(t)].add(sid)
        for e in doc.ents:
            key = e.text.strip().lower().removeprefix("the ")
            surface[key][e.text.strip()] += 1
            if e.label_ in ("GPE", "LOC", "FAC"):
                places[key].add(sid)
            elif e.label_ in ("PERSON", "ORG", "NORP"):
                people[key].add(sid)
    frame = EventFrame()
    if triggers:
        ranked = sorted(triggers, key=lambda k: (-len(triggers[k]), k))
        frame.trigger = ranked[0]
        frame.triggers = [k for k in ranked if len(triggers[k]) >= max(2, len(triggers[ranked[0]]) // 2)][:6]
    frame.places = [surface[k].most_common(1)[0][0] for k in sorted(
        places, key=lambda k: (-len(places[k]), k)) if len(places[k]) >= min(2, len(arts))][:4]
    frame.participants = [surface[k].most_common(1)[0][0] for k in sorted(
        people, key=lambda k: (-len(people[k]), k)) if len(people[k]) >= min(2, len(arts))][:4]
    frame.headline = choose_headline(story)
    # of the most central leads, the one whose compressed clause keeps the event word and a
    # place or participant of the frame (who did what, where)
    best: tuple[int, int] | None = None
    for rank, lead in enumerate(_central_leads(leads, docs, frame)[:CANDIDATE_LEADS]):
        title = compress(lead, frame)
        cover = title_cover(title, lead, frame)
        if any(t.dep_ == "neg" and t.head == lead.root for t in lead) or _NEGATED.search(title):
            cover -= 2  # what did not happen is no event's title ("X did not play in ...")
        if best is None or cover > best[0]:
            best = (cover, rank)
            frame.lead, frame.lead_title = lead.text, title
    return frame


def title_cover(title: str, lead: SpacySpan | None, frame: EventFrame) -> int:
    """How much of the frame a title says: the event word (2), a place or participant of the
    frame (1), at least four words (1)."""
    low = title.lower()
    words = set(re.findall(r"[\w'-]+", low))
    said = any(t.lemma_.lower() in frame.triggers[:3] for t in lead
               if t.text.lower() in words) if lead is not None else \
        any(w.startswith(t[:4]) for t in frame.triggers[:3] for w in words)
    names = frame.places[:3] + frame.participants[:3]
    if lead is not None:  # a place the lead names and the title keeps says where, too
        names = names + [e.text for e in lead.ents if e.label_ in PLACE_LABELS]
    named = any(n.lower().removeprefix("the ") in low or any(
        w in words for w in re.findall(r"[\w'-]+", n.lower()) if w[:1].isalpha() and len(w) > 3
        and w not in STOP) for n in names)
    return 2 * said + named + (len(title.split()) >= 4)


def _is_trigger(t: Token) -> bool:
    if t.is_stop or not t.is_alpha or len(t.text) < 3 or t.ent_type_ in NAMED:
        return False  # a name is no event word ("Manning")
    if t.pos_ == "VERB":
        return t.lemma_.lower() not in REPORTING and t.dep_ not in ("aux", "auxpass", "amod")
    return t.pos_ == "NOUN" and _eventive(t)


def _eventive(t: Token) -> bool:
    """A noun that names a happening: it has a verb behind it ("shooting", "arrest",
    "election") by its suffix, or it heads an event noun chunk in the lexicon."""
    low = t.lemma_.lower()
    return low in EVENT_NOUNS or (bool(re.search(r"(?:ing|tion|sion|ment|ure|al)$", low))
                                  and low not in _NOT_EVENTS)


_NEGATED = re.compile(r"\b(?:not|never)\b|n't\b", re.I)
_NOT_EVENTS = frozenset({"morning", "evening", "building", "official", "national", "capital",
                         "government", "department", "nation", "station", "population"})


def _trigger_key(t: Token) -> str:
    return t.lemma_.lower()


def _central_leads(leads: list[tuple[str, str]], docs: list, frame: EventFrame) -> list[SpacySpan]:
    """The lead sentences (first sentence of each article), those sharing most words with the
    other sources' leads first, preferring ones that name the trigger and a frame place."""
    if not docs:
        return []
    words = [content_words(t) for _, t in leads]
    by_source: dict[str, set[str]] = defaultdict(set)
    for (sid, _), w in zip(leads, words, strict=True):
        by_source[sid] |= w
    ranked: list[tuple[float, int]] = []
    seen: set[str] = set()
    for k, ((sid, text), doc) in enumerate(zip(leads, docs, strict=True)):
        if sid in seen:
            continue  # an article's first sentence only
        seen.add(sid)
        if text.count('"') + text.count("“") >= 2 and text.lstrip()[:1] in "\"“'":
            continue  # a quotation is no lead
        others = [w for s, w in by_source.items() if s != sid]
        score = sum(sum(w in o for o in others) / max(1, len(others)) for w in words[k])
        score /= max(1.0, len(words[k]) ** 0.5)
        lemmas = {t.lemma_.lower() for t in doc}
        score += 0.5 * bool(frame.trigger and frame.trigger in lemmas)
        score += 0.3 * any(p.lower() in text.lower() for p in frame.places[:2])
        ranked.append((score, k))
    ranked.sort(key=lambda x: -x[0])
    return [next(iter(docs[k].sents), docs[k][:]) for _, k in ranked]


# --------------------------------------------------------------------------- titles

_DROP_DEPS = frozenset({"relcl", "appos", "acl", "advcl", "punct", "parataxis", "cc", "conj",
                        "npadvmod", "dep", "meta", "mark", "intj", "ccomp", "csubj"})


def compress(sent: SpacySpan, frame: EventFrame) -> str:
    """Who did what (where) from a lead sentence: the main clause's subject, verb, object and
    the place (and a second verb of the same subject, "shot one man and wounded two"), without
    attribution, appositions, relative clauses, dates or side clauses. A clause too long for a
    title sheds whole parts (the second verb, then phrases that name nothing of the frame,
    then every phrase) before it is cut."""
    root = sent.root
    if root.lemma_.lower() in REPORTING:
        root = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), root)
    # first with what places the event or says what caused it, when that still fits a title:
    # the subject's place ("elections in Turkmenistan"), a clause of the event word after
    # "after" / "as" / "when" ("... disrupted after three undersea cables were damaged")
    plain = {level: {t.i for t in _clause_tokens(sent, root, frame, level)} for level in (0, 1)}
    for extras in ((True, True), (False, True), (True, False)):
        for level in (0, 1):
            toks = _clause_tokens(sent, root, frame, level, *extras)
            if {t.i for t in toks} == plain[level]:
                continue  # nothing to add: the plain clause below
            text = _join(toks, sent.doc).strip(" ,;:-")
            if len(text.split()) <= TITLE_MAX_WORDS:
                return text[:1].upper() + text[1:] if text else ""
    text = ""
    for level in range(4):
        toks = _clause_tokens(sent, root, frame, level)
        text = _join(toks, sent.doc).strip(" ,;:-")
        if len(text.split()) <= TITLE_MAX_WORDS:
            break
        # else end before a phrase or a conjunction, where the words before it still read
        # as a title ("... stole the jewellery on display at Harry Winston | on the Avenue")
        cuts = [k for k in range(3, len(toks)) if toks[k].dep_ in ("prep", "cc", "punct")
                and len(_join(toks[:k], sent.doc).split()) <= TITLE_MAX_WORDS]
        if cuts and level == 0:
            text = _join(_trim(toks[: cuts[-1]]), sent.doc).strip(" ,;:-")
            break
    words = text.split()
    if len(words) > TITLE_MAX_WORDS:  # cut, then end on a content word
        words = words[:TITLE_MAX_WORDS]
        while words and (words[-1].lower() in STOP or not words[-1][-1:].isalnum()):
            words.pop()
        text = " ".join(words)
    return text[:1].upper() + text[1:] if text else ""


def _clause_tokens(sent: SpacySpan, root: Token, frame: EventFrame, level: int,
                   subject_place: bool = False, cause: bool = False) -> list[Token]:
    """The compressed clause; ``level`` 1 drops a second verb, 2 also the phrases that name
    nothing of the frame, 3 every phrase on the verb. ``subject_place`` keeps the subject's
    place phrase, ``cause`` a side clause of the event word (:func:`_cause_clause`)."""
    keep: set[int] = {root.i}
    subject = conj = False
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if not subject:  # one subject (a parser may give two)
                keep |= _core(c, subject=True)
                if subject_place:
                    for p in c.children:
                        if _is_place_phrase(p, frame):
                            keep |= _place_phrase(p)
            subject = True
        elif cause and c.dep_ == "advcl" and _cause_clause(c, frame):
            keep |= _cause_tokens(c, frame)
        elif c.dep_ in ("dobj", "attr", "oprd", "acomp", "dative", "agent"):
            keep |= _core(c)
        elif c.dep_ == "ccomp" and c.pos_ in ("ADJ", "NOUN") and any(
                g.dep_ == "nsubj" for g in c.children):
            keep |= _core(c)  # a verbless object clause: "found Okoro guilty of fraud"
        elif c.dep_ in ("aux", "auxpass", "neg", "prt"):
            keep.add(c.i)
        elif c.dep_ == "xcomp":
            keep |= _verb_phrase(c, frame, level)
        elif c.dep_ == "prep" and _prep_keeps(c, frame) and level < 3 \
                and not (subj is not None and c.i < subj.i) \
                and (level < 2 or _names_frame(c, frame)):
            keep |= _core(c)  # not a phrase fronted before the subject ("For the first time")
        elif (c.dep_ == "conj" and c.pos_ == "VERB" and not conj and level < 1
              and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)):
            conj = True  # "shot one person and injured two others": same subject
            keep |= _verb_phrase(c, frame, level)
            cc = [g.i for g in root.children if g.dep_ == "cc" and root.i < g.i < c.i] or [
                t.i for t in sent if t.dep_ == "cc" and root.i < t.i < c.i][-1:]
            keep |= set(cc)  # the "and" the parser hung elsewhere: never two verbs side by side
    for c in root.children if cause else ():
        if c.dep_ in ("dobj", "conj") and c.pos_ in ("NOUN", "PROPN"):
            # an infinitive of result the parser hung on the object ("completed 29 passes
            # and three touchdowns | to lead the Colts over the Jaguars")
            for g in c.children:
                if g.dep_ in ("relcl", "acl") and g.i > c.i and _cause_clause(g, frame) \
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in g.children):
                    keep |= _cause_tokens(g, frame)
    keep |= {t.i for t in sent if t.tag_ == "HYPH" and t.i - 1 in keep and t.i + 1 in keep}
    toks = [t for t in sent if t.i in keep and not t.is_space]
    while toks and (toks[0].dep_ == "det" or toks[0].is_punct):
        toks = toks[1:]
    return _trim(toks)


def _trim(toks: list[Token]) -> list[Token]:
    """Without a dangling conjunction, punctuation or preposition at the end."""
    while toks and (toks[-1].dep_ in ("cc", "prep") or toks[-1].is_punct):
        toks = toks[:-1]
    return toks


def _names_frame(prep: Token, frame: EventFrame) -> bool:
    """A phrase that names a place or participant of the frame."""
    names = {w for n in frame.places + frame.participants for w in n.lower().split()
             if w not in STOP}
    return any(t.lower_ in names for t in prep.subtree)


def _join(toks: list[Token], doc) -> str:
    """Kept tokens as text: their own spacing where they were adjacent, one space where words
    were left out between them ("Gupta, a neurosurgeon, has" -> "Gupta has")."""
    out: list[str] = []
    for k, t in enumerate(toks):
        if k:
            prev = toks[k - 1]
            if t.i == prev.i + 1:
                out.append(prev.whitespace_)
            elif not (t.is_punct or t.text.lower() in ("'s", "’s")):
                out.append(" ")
        out.append(t.text)
    return "".join(out)


def _verb_phrase(verb: Token, frame: EventFrame, level: int = 0) -> set[int]:
    """A verb with its objects, particles, auxiliaries and place phrases (fewer phrases at a
    higher ``level``, as in :func:`_clause_text`)."""
    keep = {verb.i}
    for g in verb.children:
        if g.dep_ in ("aux", "auxpass", "neg", "dobj", "attr", "prt", "acomp", "dative"):
            keep |= _core(g)  # never without its negation: "decided not to return"
        elif g.dep_ == "prep" and _prep_keeps(g, frame) and level < 3 and (
                level < 2 or _names_frame(g, frame)):
            keep |= _core(g)
    return keep


def _core(tok: Token, subject: bool = False) -> set[int]:
    """A phrase without its side parts (relative clauses, appositions, parentheses, dates);
    a subject keeps only its "of" phrases ("a man at the firm from which ..." is a man)."""
    out = {tok.i}
    for c in tok.children:
        if tok.ent_type_ in ("PERSON", "ORG") and c.dep_ in ("compound", "nmod", "amod") \
                and c.pos_ != "PROPN" and c.i < tok.i:
            continue  # "neurosurgeon ... Dr. Sanjay Gupta", "Danish dairy company Norvik Foods"
        if c.dep_ == "appos" and c.pos_ == "PROPN" and tok.pos_ != "PROPN":
            out |= _core(c)  # "the battery maker Voltic": the name is the participant
            continue
        if c.dep_ == "npadvmod" and tok.lower_ == "worth" and c.ent_type_ == "MONEY":
            out |= _core(c)  # "a takeover worth $4.2 billion": never a dangling "worth"
            continue
        if c.like_num and tok.like_num and c.i == tok.i + 2 and tok.doc[tok.i + 1].text in "-–":
            out |= {c.i, tok.i + 1}  # a score or a range read as two numbers: "65-53"
            continue
        if c.dep_ in _DROP_DEPS or c.ent_type_ in ("DATE", "TIME"):
            continue
        if c.dep_ == "prep" and _named_party(c) and (
                (subject and c.lower_ in ("in", "at", "of", "for")) or (
                    not subject and tok.pos_ == "NOUN" and c.lower_ == "by")):
            out |= _core(c)  # "investors in Norvik Foods", "a takeover by Baltic Grain"
            continue
        if c.dep_ == "prep" and (c.lower_ not in ("of", "in", "at", "on", "over", "against",
                                                   "to", "for", "from", "with", "near", "off",
                                                   "past")
                                 or (subject and c.lower_ != "of")):
            continue
        out |= _core(c)
    return out


def _named_party(prep: Token) -> bool:
    """A phrase whose object is a named body or person ("in Norvik Foods", "by Baltic Grain"):
    the party a subject belongs to, or the doer of an event noun."""
    return any(c.dep_ == "pobj" and c.pos_ == "PROPN" and c.ent_type_ in ("ORG", "PERSON")
               for c in prep.children)


def _prep_keeps(prep: Token, frame: EventFrame) -> bool:
    """A prepositional phrase on the verb that places the event or names a participant."""
    if prep.lower_ in ("according", "per") or any(
            c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children):
        return False  # an attribution or a date (a date deeper in is left out by _core)
    if prep.lower_ == "to" and any(c.dep_ == "pobj" and c.pos_ == "NOUN" and (
            _eventive(c) or c.lemma_.lower() in OUTCOMES) for c in prep.children):
        return True  # the outcome: "fell to his death", "shot to death"
    names = {p.lower() for p in frame.places + frame.participants}
    for t in prep.subtree:
        if t.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"):
            return True
        if names and t.text.lower() in names:
            return True
    return prep.lower_ in ("over", "against", "into", "from")


PLACE_PREPS = frozenset({"in", "at", "between", "near", "across", "off", "outside", "inside"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
CAUSE_MARKS = frozenset({"after", "as", "when", "because"})
_PRONOUNS = frozenset({"PRON"})


def _is_place_phrase(prep: Token, frame: EventFrame) -> bool:
    """A phrase that places something: a place preposition whose object is (or lists) a place
    the tagger or the frame knows ("in Turkmenistan", "between Europe, the Middle East and
    Asia")."""
    if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
        return False
    places = {p.lower().removeprefix("the ") for p in frame.places}
    return any(t.ent_type_ in PLACE_LABELS or t.lower_ in places for t in prep.subtree)


def _place_phrase(prep: Token) -> set[int]:
    """A place phrase with every place it lists ("between Europe, the Middle East and Asia"),
    without side clauses or dates."""
    out = {prep.i}
    stack = list(prep.children)
    while stack:
        t = stack.pop()
        if t.dep_ in ("relcl", "acl", "advcl", "appos", "parataxis") or t.ent_type_ in ("DATE", "TIME"):
            continue
        if t.is_punct and t.text != ",":
            continue
        out.add(t.i)
        stack.extend(t.children)
    # a comma is kept only between two kept words (a list), never at an edge
    return {i for i in out if not (prep.doc[i].text == "," and not (i - 1 in out and i + 1 in out))}


def _cause_clause(verb: Token, frame: EventFrame) -> bool:
    """A side clause that says what happened: "after"/"as"/"when"/"because" + a clause whose
    verb is one of the frame's event words, with a subject of its own that is not a pronoun
    ("after three undersea cables were damaged"), or the event word's infinitive of result
    ("scored twice to win the cup")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in frame.triggers:
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # the outcome: "... passes to lead the Colts over the Jaguars"
    if not any(c.dep_ == "mark" and c.lower_ in CAUSE_MARKS for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ not in _PRONOUNS


def _cause_tokens(verb: Token, frame: EventFrame) -> set[int]:
    """The side clause: its mark, subject, verb, objects and place phrases."""
    keep = {c.i for c in verb.children if c.dep_ in ("mark", "aux")} | _verb_phrase(verb, frame, 1)
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            keep |= _core(c, subject=True)
    return keep
