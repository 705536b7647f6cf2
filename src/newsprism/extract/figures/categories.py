"""The category of a count (killed, injured, displaced, missing, arrested, other) from its noun,
participle, verb or toll frame."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..numbers import Number, words_before, words_from
from .lexicon import (
    ADJ_CATEGORY,
    INCLUDE_VERBS,
    LIFE_VERBS,
    NOUN_CATEGORY,
    SEVERE_ADVERBS,
    SEVERITY,
    TOLL_NOUNS,
    TRANSPARENT,
    VERB_CATEGORY,
)

# --------------------------------------------------------------------------- category


def lemma(t: Token) -> str:
    return t.lemma_.lower()


def adj_category(t: Token) -> str | None:
    return ADJ_CATEGORY.get(t.lower_) or (ADJ_CATEGORY.get(lemma(t))
                                          if t.pos_ in ("ADJ", "VERB") else None)


def noun_category(t: Token) -> str | None:
    cat = NOUN_CATEGORY.get(lemma(t)) or NOUN_CATEGORY.get(t.lower_)
    if cat is None:
        return None
    if lemma(t) == "life":
        # "claimed 300 lives", "lost their lives"
        v = t.head
        return cat if v.pos_ in ("VERB", "AUX") and lemma(v) in LIFE_VERBS else None
    if lemma(t) == "body":
        # "12 bodies were recovered", "found 12 bodies"
        return cat if lemma(t.head) in ("recover", "find", "pull", "retrieve", "identify",
                                        "wash", "discover", "exhume") else None
    return cat


def _toll_category(subj: Token) -> str | None:
    """'the death toll', 'the number of dead', 'the injury tally', 'the number of people
    killed'."""
    if lemma(subj) not in TOLL_NOUNS:
        return None
    cat = np_category_local(subj)
    if cat:
        return cat  # "the number (of people) killed"
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for p in prep.children:
                if p.dep_ == "pobj":
                    cat = np_category_local(p)
                    if cat:
                        return cat
    mods = [c for c in subj.children if c.dep_ in ("compound", "amod", "nmod", "prep")]
    for m in mods:
        words = [m] + ([c for c in m.children if c.dep_ == "pobj"] if m.dep_ == "prep" else [])
        for w in words:
            cat = NOUN_CATEGORY.get(lemma(w)) or ADJ_CATEGORY.get(w.lower_)
            if cat:
                return cat
    return "killed" if lemma(subj) == "toll" else None


# harm verbs whose active subject does the harm ("Two gunmen shot five people"), unlike "die",
# "drown" or "suffer", whose subject is the harmed
_DOER_VERBS = frozenset({"kill", "shoot", "wound", "injure", "stab", "murder", "attack", "beat",
                         "slay", "execute", "hurt", "gun", "massacre", "behead", "assassinate",
                         "abduct", "kidnap", "arrest", "detain"})


def _active(v: Token) -> bool:
    """A verb in the active voice: finite or a gerund, or a participle after "have" ("had shot");
    not "were shot", nor a bare participle ("four people injured in a crash")."""
    if any(c.dep_ == "auxpass" for c in v.children):
        return False
    if any(c.dep_ == "agent" for w in (v, *v.conjuncts) for c in w.children):
        return False  # "707 people shot and killed by police": a passive, whatever the tag
    if v.tag_ == "VBN":
        return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in v.children)
    return v.tag_ in ("VBD", "VBZ", "VBP", "VBG", "VB")


def _verb_category(v: Token, np: Token) -> tuple[str | None, bool]:
    """Category a verb gives to its argument np, and whether np is a subset (include)."""
    lem = lemma(v)
    if np.dep_ == "nsubj" and lem in _DOER_VERBS and _active(v):
        return None, False  # "two officers fatally shot the teenager": the doers, not the harmed
    # "choked 40 people to death", "burned to death" (but "sentenced 11 men to death")
    for c in v.children if lem not in ("sentence", "condemn", "doom") else ():
        if c.dep_ == "prep" and c.lower_ == "to" and any(
            lemma(p) == "death" for p in c.children if p.dep_ == "pobj"
        ):
            return "killed", False
    if lem in ("shoot", "stab", "wound", "injure", "beat", "attack") and any(
            c.dep_ in ("conj", "advcl") and VERB_CATEGORY.get(lemma(c)) == "killed"
            and not any(o.dep_ in ("dobj", "nsubjpass") for o in c.children)
            for c in v.children):
        # "shot and killed" (one object), not "shooting three people, killing one"
        return "killed", False
    if lem in ("shoot", "stab", "attack") and any(
            c.dep_ in ("conj", "advcl") and VERB_CATEGORY.get(lemma(c)) == "killed"
            for c in v.children):
        return "other", False  # "shooting three people, killing one": the shot include the dead
    if lem in VERB_CATEGORY and lem not in ("claim", "burn"):
        return VERB_CATEGORY[lem], False
    # complements: "left 1400 dead", "were missing", "left 3,000 homeless"
    for c in v.children:
        if c.i == np.i:
            continue
        if c.dep_ in ("oprd", "acomp", "xcomp", "attr") and c.i > np.i - 1:
            cat = adj_category(c)
            if cat:
                return cat, False
    if v.lower_ in ADJ_CATEGORY:  # "are missing" parsed as a verb
        return ADJ_CATEGORY[v.lower_], False
    # "forced 30,000 people to flee", "ordered 8,000 residents to evacuate"
    for c in v.children:
        if c.dep_ == "xcomp" and lemma(c) in VERB_CATEGORY and lemma(c) != "claim":
            return VERB_CATEGORY[lemma(c)], False
        if c.dep_ == "xcomp" and lemma(c) in ("leave", "abandon", "quit") and any(
            lemma(o) in ("home", "house", "village", "town", "city", "area")
            for o in c.children if o.dep_ == "dobj"
        ):
            return "displaced", False  # "forced 100,000 people to leave their homes"
    # "treated for burns", "in critical condition", "taken to hospital with injuries"
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "for" and lem in ("treat", "hospitalize",
                                                             "hospitalise", "admit"):
            return "injured", False
        if c.dep_ == "prep" and (c.lower_ == "in" or (c.lower_ == "with" and lem in (
                "admit", "take", "rush", "airlift", "hospitalize", "hospitalise", "treat",
                "leave", "suffer", "evacuate"))) and any(
            lemma(p) in ("condition", "injury", "wound", "burn") and (
                lemma(p) != "condition" or any(a.lower_ in SEVERITY for a in p.children))
            for p in c.children if p.dep_ == "pobj"
        ):
            return "injured", False
    if lem == "burn":
        return "injured", False
    if lem in ("hold", "keep", "remain", "be", "lock") and any(
            c.dep_ == "prep" and c.lower_ in ("in", "behind") and any(
                lemma(p) in ("custody", "detention", "jail", "prison", "cell", "bar", "station")
                for p in c.children if p.dep_ == "pobj") for c in v.children):
        return "arrested", False  # "500 people were still being held in police stations"
    if lem in ("take", "seize", "grab", "hold") and lemma(np) in ("hostage", "captive"):
        return "missing", False  # "took 251 hostages": abducted
    if lem in ("take", "hold") and any(lemma(c) in ("prisoner", "captive") and c.dep_ in (
            "oprd", "attr", "dobj", "xcomp", "advcl", "npadvmod") for c in v.children):
        return "arrested", False  # "were taken prisoner"
    if lem in ("be", "remain", "lie", "stay") and any(c.dep_ == "prep" and c.lower_ == "in" and any(
            lemma(p) == "care" and any(a.lower_ == "intensive" for a in p.children)
            for p in c.children if p.dep_ == "pobj") for c in v.children):
        return "injured", False  # "35 patients are in intensive care"
    if lem in ("lose", "sacrifice", "give") and any(
            c.dep_ == "dobj" and lemma(c) == "life" for c in v.children):
        return "killed", False  # "five people lost their lives"
    if any(c.dep_ == "prep" and c.lower_ == "without" and any(
            lemma(p) in ("shelter", "home", "house", "roof") for p in c.children
            if p.dep_ == "pobj") for c in v.children):
        return "displaced", False  # "70,000 people remain without shelter"
    if lem in ("shoot", "gun", "stab") and any(c.lower_ == "dead" for c in v.children):
        return "killed", False
    if lem in ("shoot", "stab"):
        return "injured", False
    # "35 were admitted to hospital", "taken to hospital", "puts thousands in hospital"
    if lem in ("admit", "take", "rush", "airlift", "fly", "transport", "carry", "send", "put",
               "land", "treat", "hospitalize", "hospitalise", "keep") and any(
        c.dep_ == "prep" and c.lower_ in ("to", "in", "into") and any(
            lemma(p) in ("hospital", "clinic") for p in c.children if p.dep_ == "pobj")
        for c in v.children
    ):
        return "injured", False
    # "1,900 residents have been moved to emergency shelters", "housed in camps"
    if lem in ("move", "take", "house", "relocate", "transfer", "bus", "put", "place", "spend",
               "stay", "sleep", "live", "remain", "shelter", "seek", "find") and any(
        c.dep_ == "prep" and c.lower_ in ("to", "in", "into") and any(
            lemma(p) in ("shelter", "camp", "centre", "center", "tent")
            for p in c.children if p.dep_ == "pobj")
        for c in v.children
    ):
        return "displaced", False
    if lem in INCLUDE_VERBS or (lem == "be" and np.dep_ == "attr"):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i != np.i:
            cat = _np_category(subj, depth=1)
            if cat:
                return cat, lem in INCLUDE_VERBS
    # the toll frame: "the death toll rose to 86", "the toll stands at 86", "the toll is 86",
    # "bringing the toll to 230"
    for subj in v.children:
        if subj.dep_ in ("nsubj", "nsubjpass", "dobj") and subj.i != np.i:
            cat = _toll_category(subj)
            if cat:
                return cat, False
            if lemma(subj) in TOLL_NOUNS and v.dep_ in ("advcl", "xcomp", "conj") and \
                    v.head.i != v.i:
                # "recorded 9 new deaths, bringing the total to 204": the total of those
                for t in v.head.subtree:
                    if t.i not in {x.i for x in v.subtree}:
                        cat = noun_category(t)
                        if cat:
                            return cat, False
    # "200 soldiers surrendered and were taken prisoner": a coordinated verb, same subject
    if np.dep_ in ("nsubj", "nsubjpass"):
        for c in v.children:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(
                    m.dep_ in ("nsubj", "nsubjpass") for m in c.children):
                cat, _ = _verb_category(c, np)
                if cat:
                    return cat, False
    # "forced 3,000 people from their homes", "driven from their homes"
    if lem in ("force", "drive", "chase", "push", "flee") and any(
        c.dep_ == "prep" and c.lower_ in ("from", "out") and any(
            lemma(p) in ("home", "house", "village", "town", "city") for p in c.subtree
        ) for c in v.children
    ):
        return "displaced", False
    return None, False


def _np_category(t: Token, depth: int = 0) -> str | None:
    """Category of a noun phrase (its own word, its participle modifiers, its governor)."""
    cat = noun_category(t)
    if cat:
        return cat
    for c in t.children:
        if c.dep_ == "relcl" and not relative_subject(c):
            continue
        if c.dep_ in ("amod", "acl", "oprd", "relcl") and c.i > t.i or c.dep_ == "amod":
            cat = adj_category(c) or (
                VERB_CATEGORY.get(lemma(c)) if c.pos_ == "VERB" and lemma(c) not in (
                    "claim",) else None
            )
            if cat:
                return cat
    if depth >= 2:
        return None
    return _governor_category(t, depth + 1)[0]


def _governor_category(t: Token, depth: int = 0) -> tuple[str | None, bool]:
    """Category given by the verb (or preposition) governing token t."""
    node = t
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        if node.dep_ == "conj" and node.head.pos_ in ("VERB",) and node.pos_ in (
            "NOUN", "NUM", "PRON"
        ):
            # "70 were killed and hundreds injured": the conj hangs on the first verb
            cat = np_category_local(node)
            if cat:
                return cat, False
        node = node.head
    if node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "npadvmod",
                     "nmod", "ccomp", "xcomp"):
        v = node.head
        if v.dep_ in ("aux", "auxpass") and v.head.i != v.i:
            v = v.head  # "18 villagers are missing" with the subject hung on the auxiliary
        if v.pos_ in ("VERB", "AUX", "ADJ") or v.dep_ == "ROOT":
            cat, sub = _verb_category(v, node)
            if cat:
                return cat, sub
    if node.dep_ == "pobj":
        p = node.head
        if p.lower_ in ("to", "at") and p.head.pos_ in ("VERB", "AUX"):
            v = p.head
            cat, sub = _verb_category(v, node)
            if cat:
                return cat, sub
        if p.lower_ == "of" and p.head.pos_ in ("NOUN",):
            cat = noun_category(p.head) or _toll_category(p.head)
            if cat:
                return cat, False
            if lemma(p.head) in TRANSPARENT and depth < 3:
                # "a total of 1,100 people had been arrested", "a group of 16 skiers"
                return _governor_category(p.head, depth + 1)
        if p.lower_ in ("including", "among") and depth < 3:
            return _np_category(p.head, depth + 1), True
        if p.lower_ == "by" and p.head.pos_ == "VERB":  # agent
            return None, False
        if p.lower_ == "for" and lemma(p.head) in ("search", "look", "hunt", "comb"):
            return "missing", False  # "still searching for 27 people"
    if node.dep_ == "nsubj" and node.head.lemma_ == "be":
        for c in node.head.children:
            cat = adj_category(c) if c.dep_ in ("acomp", "attr") else None
            if cat:
                return cat, False
            # "fifteen children were among the dead"
            if c.dep_ == "prep" and c.lower_ == "among":
                for p in c.children:
                    if p.dep_ == "pobj":
                        cat = noun_category(p) or adj_category(p) or np_category_local(p)
                        if cat:
                            return cat, True  # "... among the dead", "among those killed"
    return None, False


def relative_subject(rel: Token) -> bool:
    """The relative clause is about its noun as subject ("people who died"), not
    "migrants, of whom 41 drowned"."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that", "which")
               for c in rel.children)


def np_category_local(t: Token) -> str | None:
    cat = noun_category(t)
    if cat:
        return cat
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "to" and any(
            lemma(p) == "death" for p in c.children if p.dep_ == "pobj"
        ):
            return "killed"  # "scores of people to death" under a misparsed verb
    for c in t.children:
        if c.dep_ == "relcl" and not relative_subject(c):
            continue
        if c.dep_ in ("amod", "acl", "oprd", "relcl"):
            cat = adj_category(c) or (VERB_CATEGORY.get(lemma(c)) if c.pos_ == "VERB"
                                      else None)
            # "people shot and killed by police": the graver of two coordinated participles
            for cc in c.children:
                if cc.dep_ == "conj":
                    other = adj_category(cc) or VERB_CATEGORY.get(lemma(cc))
                    if other == "killed":
                        cat = other
            if cat:
                return cat
    return None


_COMPARATORS = frozenset({"under", "over", "above", "below", "more", "less", "fewer", "about",
                          "around", "nearly", "almost", "than", "higher", "lower", "up", "down"})


def _grades_amount(doc: Doc, adverb: Token) -> bool:
    """'slightly' in "slightly under 50 million", "slightly more than 200": the adverb grades
    the comparison of an amount, not an injury."""
    nxt = adverb.i + 1
    return nxt < len(doc) and (doc[nxt].lower_ in _COMPARATORS or doc[nxt].like_num)


def category_of(doc: Doc, num: Number, head: Token | None, part: Token | None
                ) -> tuple[str, bool]:
    """(category, is_subset) of a number phrase."""
    anchor = head if head is not None else doc[num.root]
    subset = False
    # "three of them fatally"; not an adverb of the amount: "slightly under 50 million"
    if doc[num.root].head.lower_ in SEVERE_ADVERBS or any(
            c.lower_ in SEVERE_ADVERBS and not _grades_amount(doc, c) for c in doc[num.root].children):
        return "injured", part is not None  # "two of them critically"
    if doc[num.root].head.lower_ in ("fatally", "mortally") or any(
            c.lower_ in ("fatally", "mortally") for c in doc[num.root].children) or (
            head is not None and any(c.lower_ in ("fatally", "mortally") for c in head.children)):
        return "killed", part is not None
    if part is not None:
        # "two of the wounded died": the verb first; "11 of the dead were children": the part
        cat, _ = _governor_category(doc[num.root])
        if cat:
            return cat, True
        cat = noun_category(part) or adj_category(part) or np_category_local(part)
        if cat:
            return cat, True
    # "rescued 37 people trapped on upper floors": no longer missing
    found = lemma(anchor.head) in ("rescue", "free", "save", "pull", "find", "evacuate",
                                   "release", "reach")
    cat = np_category_local(anchor)
    if cat == "missing" and found:
        cat = None
    if cat:
        return cat, subset
    aw = words_from(doc, num.end, 1)
    via_of = head is not None and head.i >= num.end and bool(aw) and doc[aw[0]].lower_ == "of"
    if via_of:
        # "dozens of people have been killed": the number phrase is the argument
        cat = np_category_local(doc[num.root])
        if cat:
            return cat, subset
        cat, subset = _governor_category(doc[num.root])
        if cat:
            return cat, subset
    cat, subset = _governor_category(anchor)
    if cat:
        return cat, subset
    # the previous word, when the parse lost the link: "... has killed 400,000 people"
    bw = words_before(doc, num.start, anchor.sent.start, 1)
    if bw and doc[bw[0]].pos_ == "VERB" and lemma(doc[bw[0]]) in VERB_CATEGORY \
            and lemma(doc[bw[0]]) != "claim":
        return VERB_CATEGORY[lemma(doc[bw[0]])], False
    # the next word: "hundreds injured", "12 dead, 40 missing"
    aw = words_from(doc, anchor.i + 1, 1)
    nxt = doc[aw[0]] if aw else None
    if nxt is not None and nxt.sent == anchor.sent and not (
            anchor.dep_ == "nsubj" and anchor.head.i == nxt.i and _active(nxt)):
        # not "Four officers arrested the suspect": the verb of its subject, not its state
        cat = adj_category(nxt)
        if cat and not (cat == "missing" and found):
            return cat, False
    return "other", False
