"""Who said what: direct, indirect and mixed attributions from a parsed article.

Rules only (no coreference model installs offline):

1. quotation marks are paired per paragraph by a character scanner (straight, curly,
   single-in-double, pasted ‘'…'' and ''…'', « »; a paragraph left open continues in the
   next one when that opens with a mark; other unbalanced marks are skipped with a warning);
2. cues come from lexicons (reporting verbs, beliefs, "according to", light verb + speech
   noun, noun cues with an owner, headline "Name: claim") and from the syntax (parenthetical
   ", she said,", "as X reported", a verb before a colon that opens a quotation);
3. content is the cue's complement clause (indirect), the quotation (direct) or a clause
   embedding a short quotation (mixed); quotations without a cue inherit the speaker of the
   previous quotation in the paragraph, or of the previous paragraph when they stand alone;
4. sources are resolved within the article: surnames to full names, he/she by salience and
   gender evidence, "the minister" by role, "Moscow's representative" through the owner's
   country, "the company" to the organisation in focus; roles come from titles/appositions;
5. pull-quotes removed by cleaning are linked to the body quotation they repeat.

``broad=True`` widens cues to PolNeAR's notion of attribution (stances, intentions), for
evaluation; the briefing uses the default (statements and stated beliefs).

Public API: :func:`extract_quotes` (used by annotate.py), :func:`attributions` (text or
Doc in, typed records out), :func:`quoted_spans`, :func:`parse_pull_quote`, :func:`quote_key`.
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..model import Quote, Removed
from . import doc_text
from .cue_model import CueModel, candidates
from .lexicon import (
    ATTITUDE_VERBS,
    AUDIENCE_NOUNS,
    BELIEF_VERBS,
    DOCUMENT_NOUNS,
    EVIDENCE_VERBS,
    FINDING_NOUNS,
    FIRST_SECOND,
    GENERIC_ORG_NOUNS,
    GROUP_LABELS,
    GROUP_PRONOUNS,
    HYPOTHETICAL_AUX,
    INTENTION_VERBS,
    LIGHT_VERBS,
    LISTENER_VERBS,
    MEDIUM_NOUNS,
    METONYMS,
    NAMED_LABELS,
    NEGATING_CUES,
    NEGATIVE_LABELS,
    OBJECT_CUES,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_SYNONYMS,
    SAY_OBJECT,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    TOLD_THINGS,
    TOPIC_PREPS,
    XCOMP_CUES,
)

# --------------------------------------------------------------------------- quote marks

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_CLOSE_PUNCT = set(".,;:!?)]}—–-…\"”’'»")
_PARA_RE = re.compile(r"\n\s*\n|\n")


@dataclass(slots=True)
class QuotedSpan:
    """A run of text between paired quotation marks (offsets exclude the marks)."""

    start: int
    end: int
    open_pos: int  # offset of the opening mark
    close_end: int  # offset just past the closing mark (== end at a paragraph break)
    paragraph: int
    continued: bool = False  # runs on into the next paragraph
    continuation: bool = False  # continues a quotation from the previous paragraph


def _paragraph_ranges(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA_RE.finditer(text):
        if m.start() > pos:
            ranges.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        ranges.append((pos, len(text)))
    return ranges


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _scan_paragraph(text: str, a: int, b: int) -> tuple[list[tuple[int, int, int, int]], int | None, list[int]]:
    """Pair marks inside text[a:b].

    Returns (pairs as (open_pos, content_start, content_end, close_end), the position of a
    double-quote opening left open at the paragraph end or None, positions of stray
    closing marks)."""
    pairs: list[tuple[int, int, int, int]] = []
    stray: list[int] = []
    outer: str | None = None  # "d" or "s"
    open_pos = -1
    open_len = 0
    nested_curly = 0
    i = a
    while i < b:
        ch = text[i]
        two = text[i : i + 2]
        prev = text[i - 1] if i > a else " "
        # ---- doubled singles from pasted text: ‘'…'' and ``…''
        nxt2 = text[i + 2] if i + 2 < b else " "
        if outer is None and (two in ("‘'", "``", "’'") or (two == "''" and not nxt2.isspace())) and (
            prev.isspace() or i == a or prev in "([—–-"
        ):
            outer, open_pos, open_len = "d", i, 2
            i += 2
            continue
        if two in ("''", "'’", "’’") and outer == "d" and text[open_pos : open_pos + open_len] in ("‘'", "``", "’'", "''"):
            pairs.append((open_pos, open_pos + open_len, i, i + 2))
            outer = None
            i += 2
            continue
        if ch in _DOUBLE_OPEN:
            if outer is None:
                outer, open_pos, open_len = "d", i, 1
                nested_curly = 0
            elif outer == "d" and text[open_pos] == '"':
                nested_curly += 1  # '"Stray. He called it “theatre”': a curly pair inside
            i += 1
            continue
        if ch in _DOUBLE_CLOSE:
            if outer == "d" and text[open_pos] == '"' and open_len == 1 and (
                nested_curly > 0 or text.find('"', i + 1, b) >= 0
            ):
                nested_curly = max(0, nested_curly - 1)  # closes a curly pair inside the run
            elif outer == "d":
                pairs.append((open_pos, open_pos + open_len, i, i + 1))
                outer = None
            elif outer is None:
                stray.append(i)
            i += 1
            continue
        if ch == '"':
            if outer == "d":
                pairs.append((open_pos, open_pos + open_len, i, i + 1))
                outer = None
            elif outer is None:
                outer, open_pos, open_len = "d", i, 1
            i += 1
            continue
        if ch in "‘'’":
            nxt = text[i + 1] if i + 1 < b else " "
            if outer is None and ch in "‘'" and (i == a or prev.isspace() or prev in "([—–-/") and _is_word_char(nxt):
                outer, open_pos, open_len = "s", i, 1
            elif outer == "s" and ch in "’'" and not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_PUNCT or i + 1 >= b):
                # a possessive plural ("the players' union") also looks like this; accept
                # only when the quoted run is short enough to be a quotation of words
                pairs.append((open_pos, open_pos + open_len, i, i + 1))
                outer = None
            i += 1
            continue
        i += 1
    left_open = open_pos if outer == "d" else None
    return pairs, left_open, stray


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def quoted_spans(text: str, source_id: str = "") -> list[QuotedSpan]:
    """Every quotation in ``text``, paired per paragraph.

    Handles straight, curly, single-inside-double, doubled-single (‘'…'') and « » marks. A
    paragraph that opens a double quotation without closing it continues in the next
    paragraph when that one opens with a mark; any other unbalanced mark is skipped with a
    warning."""
    paras = _paragraph_ranges(text)
    out: list[QuotedSpan] = []
    for pi, (a, b) in enumerate(paras):
        pairs, left_open, stray = _scan_paragraph(text, a, b)
        for op, cs, ce, cend in pairs:
            s, e = _trim(text, cs, ce)
            if e > s:
                out.append(QuotedSpan(s, e, op, cend, pi))
        for pos in stray:
            warnings.warn(
                f"{source_id or 'text'}: closing quotation mark at offset {pos} has no opening mark; ignored",
                stacklevel=2,
            )
        if left_open is not None:
            nxt_start = paras[pi + 1][0] if pi + 1 < len(paras) else None
            opens_next = nxt_start is not None and (
                text[nxt_start] in _DOUBLE_OPEN + '"' or text[nxt_start : nxt_start + 2] in ("‘'", "``")
            )
            if opens_next:
                s, e = _trim(text, left_open + 1, b)
                if e > s:
                    out.append(QuotedSpan(s, e, left_open, b, pi, continued=True))
            else:
                # skip the unmatched mark and pair what follows it on its own
                while left_open is not None:
                    warnings.warn(
                        f"{source_id or 'text'}: quotation opened at offset {left_open} is never closed; "
                        "quote skipped",
                        stacklevel=2,
                    )
                    pairs, left_open, _ = _scan_paragraph(text, left_open + 1, b)
                    for op, cs, ce, cend in pairs:
                        s, e = _trim(text, cs, ce)
                        if e > s:
                            out.append(QuotedSpan(s, e, op, cend, pi))
    # mark continuations: a span opening a paragraph right after a 'continued' span
    by_para: dict[int, list[QuotedSpan]] = {}
    for q in out:
        by_para.setdefault(q.paragraph, []).append(q)
    for q in out:
        if q.continued:
            for nq in by_para.get(q.paragraph + 1, []):
                if nq.open_pos == paras[q.paragraph + 1][0]:
                    nq.continuation = True
    out.sort(key=lambda q: q.start)
    return out


# --------------------------------------------------------------------------- pull-quotes

_PULL_RE = re.compile(r"^(?P<content>.+?)\s*[—–]\s*(?P<attr>[^—–]+?)\s*$", re.S)


def parse_pull_quote(text: str) -> tuple[str, str, str | None] | None:
    """Split a pull-quote ``content — Name, Role`` into (content, name, role)."""
    m = _PULL_RE.match(text.strip())
    if not m:
        return None
    content = m.group("content").strip().strip("\"“”‘’'«» ")
    attr = m.group("attr").strip()
    if not content or not attr or len(attr.split()) > 12:
        return None
    name, _, role = attr.partition(",")
    return content, name.strip(), (role.strip() or None)


def _norm_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _pull_matches(pull_content: str, body_text: str) -> bool:
    """True when every ellipsis-separated piece of the pull-quote occurs, in order, in body."""
    body = " " + " ".join(_norm_words(body_text)) + " "
    pos = 0
    pieces = [p for p in re.split(r"…|\.\.\.|\[\.\.\.\]", pull_content) if _norm_words(p)]
    if not pieces:
        return False
    for piece in pieces:
        needle = " " + " ".join(_norm_words(piece)) + " "
        found = body.find(needle, pos)
        if found < 0:
            return False
        pos = found + len(needle) - 1
    return True


# --------------------------------------------------------------------------- registry


@dataclass(slots=True)
class _Mention:
    start: int  # char offsets
    end: int
    tok_start: int
    tok_end: int
    name: str  # canonical
    label: str
    sent: int
    subject: bool
    role: str | None = None


@dataclass(slots=True)
class _Registry:
    mentions: list[_Mention] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # canonical name -> role
    by_token: dict[int, _Mention] = field(default_factory=dict)  # token index -> mention
    gender: dict[str, str] = field(default_factory=dict)  # canonical name -> "m" | "f"


def _strip_title(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in TITLE_WORDS:
        words = words[1:]
    name = " ".join(words)
    if name.endswith("'s") or name.endswith("’s"):
        name = name[:-2]
    return name.strip()


def _clean_group_name(text: str) -> str:
    name = re.sub(r"^(the|The)\s+", "", text.strip())
    if name.endswith("'s") or name.endswith("’s"):
        name = name[:-2]
    return name


def _span_text(doc: Doc, a: int, b: int) -> str:
    if b <= a:
        return ""
    return doc_text(doc)[doc[a].idx : doc[b - 1].idx + len(doc[b - 1].text)]


def _role_of(ent: Span) -> str | None:
    """A title or role written next to a name: pre-modifiers or an apposition."""
    doc = ent.doc
    root = ent.root
    # pre-modifiers of the name inside its noun phrase ("deputy Russian UN ambassador")
    left = [t for t in root.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "poss", "nmod", "nn")]
    if left:
        a = min(min(t.left_edge.i for t in left), ent.start)
        while a < ent.start and (doc[a].dep_ == "det" or doc[a].is_punct):
            a += 1
        # skip determiners and possessive-free fragments that are just more name
        if a < ent.start:
            role = _span_text(doc, a, ent.start).strip(" ,")
            if role and any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "PERSON" for t in doc[a : ent.start]):
                return role
    # apposition: "Ana Ruiz, chair of the union," / "the union's chair, Ana Ruiz,"
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i and child.pos_ == "NOUN":
            a, b = child.left_edge.i, child.right_edge.i + 1
            return _span_text(doc, a, b).strip(" ,")
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start:
        head = root.head
        a = head.left_edge.i
        while a < head.i and doc[a].dep_ == "det":
            a += 1
        return _span_text(doc, a, head.i + 1).strip(" ,")
    return None


def _build_registry(doc: Doc) -> _Registry:
    reg = _Registry()
    sent_of = _sentence_index(doc)
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    full_names: dict[str, set[str]] = {}
    first_names: dict[str, set[str]] = {}
    for e in persons:
        name = _strip_title(e.text)
        words = name.split()
        if len(words) >= 2:
            full_names.setdefault(words[-1].lower(), set()).add(name)
            first_names.setdefault(words[0].lower(), set()).add(name)

    def canonical_person(text: str) -> str:
        name = _strip_title(text)
        words = name.split()
        if len(words) == 1:
            cands = full_names.get(words[0].lower(), set())
            if not cands:  # family name first ("Li" for "Li Wen")
                cands = first_names.get(words[0].lower(), set())
            if len(cands) == 1:
                return next(iter(cands))
        elif words:
            # a longer full name sharing first and last word ("Donald J. Trump")
            return name
        return name

    for e in doc.ents:
        if e.label_ not in NAMED_LABELS:
            continue
        label = e.label_
        if label != "PERSON" and len(e) == 1 and (
            e.text.lower() in full_names or e.text.lower() in first_names
        ):
            label = "PERSON"  # a known person's surname mis-tagged as ORG/GPE ("Brandt rejected")
        if label == "PERSON":
            name = canonical_person(e.text)
        else:
            name = _clean_group_name(e.text)
        if not name:
            continue
        root = e.root
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass")
        )
        role = _role_of(e) if label == "PERSON" else None
        m = _Mention(e.start_char, e.end_char, e.start, e.end, name, label, sent_of[e.start], subject, role)
        reg.mentions.append(m)
        for t in range(e.start, e.end):
            reg.by_token[t] = m
        if role and name not in reg.roles:
            reg.roles[name] = role
    _infer_gender(doc, reg, sent_of)
    return reg


_MALE_WORDS = frozenset("mr mr. he him his himself spokesman chairman king father husband son brother "
                        "uncle sir lord businessman congressman actor prince boy man".split())
_FEMALE_WORDS = frozenset("mrs mrs. ms ms. miss she her hers herself spokeswoman chairwoman queen mother "
                          "wife daughter sister aunt dame lady businesswoman congresswoman actress "
                          "princess girl woman".split())


_PRONOUN_WORDS = frozenset("he him his himself she her hers herself".split())


def _infer_gender(doc: Doc, reg: _Registry, sent_of: list[int]) -> None:
    """Gender of each named person from the article itself: an honorific or gendered role
    next to the name, or the pronouns of sentences where that person is the only one named."""
    votes: dict[str, list[int]] = {}
    persons_in_sent: dict[int, set[str]] = {}
    for m in reg.mentions:
        if m.label == "PERSON":
            persons_in_sent.setdefault(m.sent, set()).add(m.name)
    for m in reg.mentions:
        if m.label != "PERSON":
            continue
        v = votes.setdefault(m.name, [0, 0])
        words = [doc[m.tok_start - 1].lower_] if m.tok_start > 0 else []
        words += (m.role or "").lower().split()
        words = [w for w in words if w not in _PRONOUN_WORDS]  # "her opponent X": not X's
        v[0] += 2 * sum(w in _MALE_WORDS for w in words)
        v[1] += 2 * sum(w in _FEMALE_WORDS for w in words)
    sents = list(doc.sents)
    for si, sent in enumerate(sents):
        names = persons_in_sent.get(si, set())
        if len(names) == 1:
            name = next(iter(names))
            first = min(m.tok_end for m in reg.mentions if m.sent == si and m.name == name)
            toks = [t for t in sent if t.i >= first and t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "pobj")]
        elif not names and si > 0 and len(persons_in_sent.get(si - 1, set())) == 1:
            # "Maria Lopez won. She thanked her coach.": the subject pronoun of the next sentence
            name = next(iter(persons_in_sent[si - 1]))
            toks = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass")][:1]
        else:
            continue
        for t in toks:
            if t.lower_ in ("he", "him", "his", "himself"):
                votes[name][0] += 1
            elif t.lower_ in ("she", "her", "hers", "herself"):
                votes[name][1] += 1
    for name, (male, female) in votes.items():
        if male > female:
            reg.gender[name] = "m"
        elif female > male:
            reg.gender[name] = "f"


def _sentence_index(doc: Doc) -> list[int]:
    out = [0] * len(doc)
    for si, s in enumerate(doc.sents):
        for t in range(s.start, s.end):
            out[t] = si
    return out


# --------------------------------------------------------------------------- speakers


@dataclass(slots=True)
class _Speaker:
    name: str | None
    role: str | None
    start: int | None  # named mention
    end: int | None
    src_start: int | None  # source phrase as written (None: the text names no source)
    src_end: int | None
    label: str | None = None


def _synonyms(noun: str) -> frozenset[str]:
    for group in ROLE_SYNONYMS:
        if noun in group:
            return group
    return frozenset({noun})


def _salient(reg: _Registry, pos_tok: int, sent: int, labels: frozenset[str] | set[str],
             last_speaker: _Speaker | None, contains: str | None = None,
             gender: str | None = None) -> _Mention | None:
    scores: dict[str, float] = {}
    latest: dict[str, _Mention] = {}
    for m in reg.mentions:
        if m.tok_start >= pos_tok or m.label not in labels:
            continue
        if contains is not None and contains not in m.name.lower():
            continue
        if gender is not None and reg.gender.get(m.name, gender) != gender:
            continue  # "she" does not refer back to a man
        dist = max(0, sent - m.sent)
        if dist > 8:
            continue
        w = (2.0 if m.subject else 1.0) * (0.5 ** dist)
        scores[m.name] = scores.get(m.name, 0.0) + w
        latest[m.name] = m
    if last_speaker is not None and last_speaker.name in scores:
        scores[last_speaker.name] += 1.5
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], latest[k].tok_start))
    return latest[best]


def _role_match(reg: _Registry, nouns: frozenset[str], pos_tok: int,
                country_words: tuple[str, ...] = ()) -> _Mention | None:
    """The person whose role contains one of ``nouns`` nearest to ``pos_tok`` (before first)."""
    best: _Mention | None = None
    best_key: tuple[int, int] | None = None
    for m in reg.mentions:
        if m.label != "PERSON":
            continue
        role = (m.role or reg.roles.get(m.name) or "").lower()
        if not role:
            continue
        role_words = set(re.findall(r"[a-z.]+", role))
        if not (role_words & nouns):
            continue
        if country_words and not any(w in role for w in country_words):
            continue
        key = (0 if m.tok_start < pos_tok else 1, abs(pos_tok - m.tok_start))
        if best_key is None or key < best_key:
            best, best_key = m, key
    return best


def _resolve_source(doc: Doc, head: Token, reg: _Registry, sent_of: list[int],
                    last_speaker: _Speaker | None, author: bool = False) -> _Speaker | None:
    """Resolve the subject ``head`` of a cue to a named speaker."""
    # relative pronoun: the noun the clause hangs on ("Trump, who faulted Obama"); the
    # source as written stays "who"
    local: tuple[int, int] | None = None
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        local = (head.idx, head.idx + len(head.text))
        head = head.head.head
    a, b = _source_extent(head)
    src_start, src_end = local or (doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
    low = head.lower_
    if low in FIRST_SECOND:
        if author and low in ("i", "we"):  # first person outside quotation marks: the writer
            return _Speaker("the author", "author", None, None, src_start, src_end)
        if author:  # broad scope: "you" (the reader, or an interviewee) is a source, unnamed
            return _Speaker(None, None, None, None, src_start, src_end)
        return None
    # a named mention inside the source phrase (the head, or its conjuncts)
    primary = reg.by_token.get(head.i)
    if primary is None:
        # "the union's chair, Ana Ruiz": the apposition names the speaker
        for c in head.children:
            if c.dep_ == "appos" and c.i in reg.by_token and reg.by_token[c.i].label == "PERSON":
                primary = reg.by_token[c.i]
                break
    if primary is not None:
        if True:
            names = [primary.name]
            for c in head.conjuncts:
                cm = reg.by_token.get(c.i)
                if cm is not None and cm.name not in names:
                    names.append(cm.name)
            role = None
            if primary.label == "PERSON":
                role = _explicit_role(doc, head, primary) or reg.roles.get(primary.name)
            return _Speaker(" and ".join(names), role, primary.start, primary.end,
                            src_start, src_end, primary.label)
    sent = sent_of[head.i]
    if low in PERSON_PRONOUNS:
        gender = "f" if low in ("she", "her") else "m"  # "his" counts as male
        m = _salient(reg, head.i, sent, {"PERSON"}, last_speaker, gender=gender)
        if m is None:
            return _Speaker(None, None, None, None, src_start, src_end)
        return _Speaker(m.name, reg.roles.get(m.name), m.start, m.end, src_start, src_end, m.label)
    if low in GROUP_PRONOUNS:
        if last_speaker is not None and last_speaker.label in GROUP_LABELS and last_speaker.name:
            return _Speaker(last_speaker.name, last_speaker.role, last_speaker.start,
                            last_speaker.end, src_start, src_end, last_speaker.label)
        m = _salient(reg, head.i, sent, GROUP_LABELS, None)
        if m is not None and sent - m.sent <= 2:
            return _Speaker(m.name, None, m.start, m.end, src_start, src_end, m.label)
        return _Speaker(None, None, None, None, src_start, src_end)  # an unresolved "they"
    noun = head.lemma_.lower()
    # "Moscow's representative": a role noun owned by a named group
    poss = [c for c in head.children if c.dep_ == "poss"]
    owner = reg.by_token.get(poss[0].i) if poss else None
    if owner is not None and owner.label in GROUP_LABELS and head.pos_ == "NOUN" and noun not in ORG_NOUNS:
        country = METONYMS.get(owner.name.lower(), ()) + (owner.name.lower(),)
        person = _role_match(reg, _synonyms(noun), head.i, country)
        if person is not None:
            return _Speaker(person.name, reg.roles.get(person.name) or person.role, person.start,
                            person.end, src_start, src_end, "PERSON")
        return _Speaker(owner.name, noun, owner.start, owner.end, src_start, src_end, owner.label)
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
    if head.pos_ == "NOUN" and definite:
        if noun in ORG_NOUNS:
            # "the company": the organisation in focus; "the league": only an organisation
            # whose name says so (the Premier League), else the description stays as written
            generic = noun in GENERIC_ORG_NOUNS
            m = _salient(reg, head.i, sent, {"ORG"}, None, None if generic else noun)
            if m is not None:
                return _Speaker(m.name, noun, m.start, m.end, src_start, src_end, m.label)
        else:
            person = _role_match(reg, _synonyms(noun), head.i)
            if person is not None:
                return _Speaker(person.name, reg.roles.get(person.name) or person.role,
                                person.start, person.end, src_start, src_end, "PERSON")
    # an unnamed source: the phrase itself (for "who"/"which", the phrase it refers to)
    name = doc_text(doc)[doc[a].idx : doc[b - 1].idx + len(doc[b - 1].text)]
    if name.lower() in RELATIVE_PRONOUNS:
        return None
    return _Speaker(name, None, None, None, src_start, src_end)


def _explicit_role(doc: Doc, head: Token, m: _Mention) -> str | None:
    for e in doc.ents:
        if e.start == m.tok_start and e.end == m.tok_end:
            return _role_of(e)
    return None


def _source_extent(head: Token) -> tuple[int, int]:
    """Token range of the source phrase as written: the subject with its appositions, without
    relative clauses, a participle gloss (", referring to ..."), a leading conjunction or a
    trailing date."""
    doc = head.doc
    skip: set[int] = set()
    for c in head.children:
        gloss = c.dep_ in ("acl", "advcl") and c.tag_ == "VBG" and c.i > 0 and doc[c.left_edge.i - 1].text == ","
        dated = c.dep_ == "prep" and c.i > head.i and any(
            g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children
        )
        comma = c.dep_ == "punct" and c.i > head.i and c.lower_ == ","
        if gloss or dated or comma or c.dep_ in ("relcl", "acl") or (c.dep_ == "cc" and c.i < head.i):
            skip.update(range(c.left_edge.i, c.right_edge.i + 1))
    idx = [t.i for t in head.subtree if t.i not in skip]
    a, b = min(idx), max(idx) + 1
    while a < b - 1 and (doc[a].is_punct or doc[a].is_space or doc[a].dep_ == "cc"):
        a += 1
    while b - 1 > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        if doc[b - 1].text == ")" and any(t.text == "(" for t in doc[a : b - 1]):
            break  # "Rep. Zoe Lofgren (D-Calif.)"
        b -= 1
    return a, b


# --------------------------------------------------------------------------- cues


@dataclass(slots=True)
class _Cue:
    tok: Token
    start: int  # char span of the cue
    end: int
    subject: Token | None
    content: tuple[int, int] | None  # token range of indirect content
    negated: bool = False
    noun: bool = False  # a noun cue ("Moscow's claim that ...")
    sourceless: bool = False  # passive or adverbial cue with no source ("is expected to")


def _subject_of(verb: Token, broad: bool = False) -> Token | None:
    v = verb
    doc = verb.doc
    for _ in range(4):
        subjects = [c for c in v.children
                    if c.dep_ in ("nsubj", "nsubjpass") and not (c.dep_ == "nsubjpass" and v.i == verb.i)]
        if subjects:
            # the subject nearest the verb: a dateline ("RENO, Nev. (AP) —") is also
            # sometimes parsed as a subject, further left
            left = [c for c in subjects if c.i < v.i]
            return max(left, key=lambda c: c.i) if left else subjects[0]
        # "a statement saying that ...": the participle's noun is the source
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = v.head
            if v.i > 0 and doc[v.i - 1].text == "," and noun.head.pos_ == "VERB":
                v = noun.head  # "grabbed a microphone, telling the crowd": the grabber speaks
                continue
            if noun.lemma_.lower() in DOCUMENT_NOUNS or noun.ent_type_ in NAMED_LABELS or (
                broad and noun.lower_ not in ("it", "this", "that")
            ):  # broad: "those not directly blaming the migrants"
                return noun
            return None
        # "landed in trouble by saying that ...": the subject of the verb the phrase modifies
        if v.dep_ == "pcomp" and v.head.head.i != v.head.i and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head
            continue
        # "announced that X would be sold and vowed to ...": a cue coordinated with the
        # reported clause by the parser belongs to the reporting verb
        if v.dep_ == "conj" and v.head.dep_ == "ccomp" and _lemma(v) in SPEECH_VERBS \
                and _lemma(v.head.head) in SPEECH_VERBS:
            v = v.head.head
            continue
        # coordinated or participial cue inherits its head's subject
        if v.dep_ in ("conj", "advcl", "xcomp") and v.head.i != v.i:
            perfect = any(c.lower_ == "having" for c in v.children if c.dep_ == "aux")
            infinitive = v.tag_ == "VB" and any(c.lower_ == "to" for c in v.children if c.dep_ == "aux")
            if v.dep_ == "advcl" and v.tag_ not in ("VBG",) and not perfect and not infinitive:
                return None
            v = v.head
            continue
        break
    # the parser sometimes swallows the subject into a preceding phrase ("in Cedar Rapids,
    # Iowa, Rubio told ..."): take a named person or organisation right before the verb
    j = verb.i - 1
    while j >= 0 and doc[j].dep_ in ("advmod", "aux", "neg") and doc[j].pos_ in ("ADV", "AUX", "PART"):
        j -= 1
    if j >= 0 and doc[j].ent_type_ in ("PERSON", "ORG") and doc[j].dep_ not in ("dobj", "poss"):
        return doc[j]
    # '"...," Texas delegate Bill Eastland, wearing a hat, said': the name before an
    # interrupting phrase, after the quotation
    if verb.dep_ in ("ROOT", "parataxis", "ccomp") and j >= 0 and doc[j].text == ",":
        sent_start = verb.sent.start
        k = j - 1
        while k >= max(sent_start, verb.i - 20):
            t = doc[k]
            if t.text in _QUOTE_CHARS:
                break
            if t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and t.dep_ not in ("dobj", "pobj", "poss"):
                e = k + 1
                while e < len(doc) and doc[e].ent_iob_ == "I":
                    e += 1
                return doc[k:e].root
            k -= 1
    return None


def _is_listener(tok: Token) -> bool:
    """An addressee: a person or organisation, an object pronoun, an audience noun, or
    anything told that is not a tale ("told Face the Nation", but "told the truth")."""
    if tok.head.lemma_.lower() == "tell" and tok.pos_ in ("PROPN", "NOUN"):
        return tok.pos_ == "PROPN" or tok.lemma_.lower() not in TOLD_THINGS
    return bool(tok.lower_ in OBJECT_PRONOUNS or tok.ent_type_ in NAMED_LABELS
                or tok.lemma_.lower() in AUDIENCE_NOUNS | ORG_NOUNS)


def _content_range(verb: Token, lemma: str, broad: bool = False) -> tuple[tuple[int, int] | None, bool]:
    """Token range of what ``verb`` attributes, and whether a label negates it."""
    doc = verb.doc
    children = list(verb.children)
    ccomps = [c for c in children if c.dep_ in ("ccomp",)]
    if lemma in EVIDENCE_VERBS and not broad and not ccomps:
        host = _host_clause(verb)  # "..., the panel concluded, ..."
        if host is not None:
            return host, False
    subj = next((c for c in children if c.dep_ == "nsubj"), None)
    if lemma in EVIDENCE_VERBS and subj is not None and subj.lemma_.lower() in FINDING_NOUNS:
        if any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in children):
            # "a new poll shows Sanders leading Clinton": what the document shows
            end = verb.right_edge.i + 1
            while end > verb.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            if end - verb.i > 2:
                return (verb.i + 1, end), False
    if lemma in EVIDENCE_VERBS and not broad:
        # "the study shows that ...": a finding, only with an explicit complementiser, or
        # the inverted "..., the poll found."
        ccomps = [c for c in ccomps if c.i < verb.i or any(
            g.dep_ == "mark" and g.lower_ in ("that", "whether") for g in c.children)]
        if not ccomps:
            return None, False
    oprds = [c for c in children if c.dep_ == "oprd" and c.i > verb.i]
    if lemma == "call" and not ccomps and oprds and not any(c.dep_ == "dobj" and c.i > verb.i for c in children):
        # "called the claim a 'lie'" parsed as two predicates
        start = min(c.left_edge.i for c in oprds)
        end = max(c.right_edge.i for c in oprds) + 1
        return (start, end), any(c.lemma_.lower() in NEGATIVE_LABELS for c in oprds)
    if ccomps:
        # the complement next to the cue, not a later clause the parser also hung on it
        right = [c for c in ccomps if c.left_edge.i > verb.i]
        c = min(right, key=lambda t: t.left_edge.i) if right else max(ccomps, key=lambda t: t.right_edge.i - t.left_edge.i)
        finite = c.tag_ in ("VBD", "VBZ", "VBP") or (
            c.tag_ == "VBN" and not any(g.dep_ in ("aux", "auxpass") for g in c.children)
        )
        if finite and not any(
            g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for g in c.children
        ):
            return None, False  # "a decision which X said proved ...": the subject is elsewhere
        a, b = c.left_edge.i, c.right_edge.i + 1
        return (a, b), False
    # "said in a statement that ...": the clause hangs on the medium noun
    for c in children:
        if c.dep_ == "prep" and c.i > verb.i:
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    for g in pobj.children:
                        if g.dep_ in ("acl", "ccomp", "relcl") and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in g.children
                        ):
                            return (g.left_edge.i, g.right_edge.i + 1), False
    if verb.dep_ == "relcl" and not any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in children) and any(
        c.dep_ == "dobj" and c.i < verb.i and c.tag_ in ("WDT", "WP") for c in children
    ):  # "a tax cut that Republicans demanded", "the wall, which he promised": the noun described
        return _antecedent(verb), False
    dobjs = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
    xcomps = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i]
    if lemma in ("say", "add", "claim", "insist", "argue") and xcomps and not dobjs and xcomps[0].tag_ == "VBG" \
            and xcomps[0].i == verb.i + 1:
        # "said seeing so many officers was a relief": a gerund subject the parser left dangling
        head = xcomps[0]
        return (head.left_edge.i, verb.sent.end), False
    if lemma in XCOMP_CUES and xcomps:
        start = dobjs[0].left_edge.i if dobjs else xcomps[0].left_edge.i
        return (start, xcomps[-1].right_edge.i + 1), False
    if dobjs and lemma in ("tell", "inform", "assure", "remind", "warn", "notify", "advise", "convince"):
        # "told a TV interviewer that he is feeling ...": the clause may hang on the listener
        for g in dobjs[0].children:
            if g.dep_ in ("acl", "relcl", "ccomp") and g.i > dobjs[0].i and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in g.children
            ):
                return (g.left_edge.i, g.right_edge.i + 1), False
    if dobjs and lemma in LISTENER_VERBS and _is_listener(dobjs[0]):
        dobjs = []  # "told reporters", "assured him": the listener, not what was said
    if dobjs:
        obj = dobjs[0]
        labelled = (lemma == "call" and any(c.dep_ == "oprd" for c in children)) or (
            lemma == "describe" and any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
        )  # "called it a lie", "described it as news to me"
        stance = broad  # broad: any cue's object is what it is about
        if obj.pos_ == "PRON" and not labelled and not (stance and obj.lower_ in OBJECT_PRONOUNS):
            return None, False  # broad: "endorsed him" is a stance on a person
        # "repeated the claim that ..." / "offered an explanation: that ..."
        if obj.lemma_.lower() in SPEECH_NOUNS and (lemma in LIGHT_VERBS or lemma in SPEECH_VERBS):
            for c in obj.children:
                if c.dep_ in ("acl", "ccomp", "relcl", "appos") and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in c.children
                ):
                    return (c.left_edge.i, c.right_edge.i + 1), False
            colon = [t for t in doc[obj.i : obj.sent.end] if t.text == ":"]
            if colon and colon[0].i + 1 < obj.sent.end:
                end = obj.sent.end
                while end > colon[0].i + 1 and doc[end - 1].is_punct:
                    end -= 1
                return (colon[0].i + 1, end), False
        if lemma in SAY_OBJECT and obj.pos_ != "PRON":  # "said the same thing"
            return (obj.left_edge.i, obj.right_edge.i + 1), False
        if broad and (lemma in WITH_AS_ONLY or obj.lower_ in REFLEXIVES) and not any(
            c.dep_ == "prep" and c.lower_ == "as" for c in children
        ):
            return None, False  # broad: "cast ballots", "found himself" are not stances; "cast him as" is
        if lemma in OBJECT_CUES or broad:
            end = obj.right_edge.i + 1
            neg = False
            for c in children:
                if c.i > obj.i and c.dep_ in ("oprd", "prep", "xcomp") and (
                    c.dep_ != "prep" or c.lower_ in ("of", "for", "as", "over")
                ):
                    end = max(end, c.right_edge.i + 1)
                    if c.dep_ == "oprd" and c.lemma_.lower() in NEGATIVE_LABELS:
                        neg = True
            if lemma == "call" and end == obj.right_edge.i + 1:
                # 'called the agreement "an historic step"': the label is the quotation after it
                if end < len(doc) and doc[end].text in _QUOTE_CHARS:
                    close = next((t.i for t in doc[end + 1 : min(len(doc), end + 20)]
                                  if t.text in _QUOTE_CHARS), None)
                    if close is not None:
                        label = doc[end + 1 : close]
                        neg = any(t.lemma_.lower() in NEGATIVE_LABELS for t in label)
                        return (obj.left_edge.i, close + 1), neg
                return None, False  # "called the meeting": no label given
            return (obj.left_edge.i, end), neg
    host = _host_clause(verb)
    if host is not None:
        return host, False
    if lemma == "call":  # "called for a recount", "called on the board to resign"
        for c in children:
            if c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > verb.i and any(
                m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1 for m in c.children
            ):  # "calling for the council to act"
                return (verb.i + 2, c.right_edge.i + 1), False
            if c.dep_ == "prep" and c.lower_ in ("for", "on") and c.i == verb.i + 1:
                last_i = max([c.right_edge.i] + [x.right_edge.i for x in children if x.i > c.i])
                return (c.i + 1, last_i + 1), False
    if lemma in SPEECH_VERBS and lemma not in ("say", "tell", "ask", "write", "report", "show", "find"):
        # "complained bitterly about the ruling", "warned against a rush"
        for c in children:
            if c.dep_ == "prep" and c.lower_ in ("about", "against", "on", "of", "for") and 0 < c.i - verb.i <= 3 \
                    and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                return (c.i + 1, c.right_edge.i + 1), False
    if broad:
        if lemma in WITH_AS_ONLY:
            return None, False
        # broad scope: what the stance is about ("talked about X", "voted for Y")
        for c in children:
            if c.dep_ in ("xcomp", "prep") and c.i > verb.i and (
                c.dep_ != "prep" or c.lower_ in ("about", "to", "for", "on", "of", "against", "with")
            ) and not (lemma in ("speak", "talk") and c.lower_ in ("to", "with")) and lemma not in ("say", "tell", "add", "write", "ask"):  # the audience
                return (c.left_edge.i if c.dep_ != "prep" else c.i + 1, c.right_edge.i + 1), False
    return None, False


def _quoted_words(doc: Doc, mark: int, step: int) -> int:
    """Words between the quotation mark at ``mark`` and the next mark in direction ``step``
    (within the sentence): a real quotation, or a scare-quoted “maybe”."""
    sent = doc[mark].sent
    i, n = mark + step, 0
    while sent.start <= i < sent.end and doc[i].text not in _QUOTE_CHARS:
        n += not (doc[i].is_punct or doc[i].is_space)
        i += step
    return n


def _host_clause(verb: Token) -> tuple[int, int] | None:
    """Content of a parenthetical cue: "X, he says, is different", "as the paper reported, X".

    The clause the cue interrupts or comments on, minus the cue's own phrase when that
    phrase sits at one end of it."""
    doc = verb.doc
    own_a = verb.left_edge.i
    while own_a < verb.i and doc[own_a].is_punct:
        own_a += 1
    # "..., she said." parsed as a complement or conjunct of the clause it reports: the
    # subject follows a comma and the cue ends the sentence
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    last_word = max((t.i for t in verb.sent if not t.is_punct and not t.is_space), default=-1)
    listener_ok = ("prep", "npadvmod", "advmod", "punct") + (
        ("dobj", "dative") if _lemma(verb) in ("tell", "inform", "assure", "remind") else ()
    )  # "..., officials told POLITICO."
    tail_ok = last_word == verb.i or (
        verb.right_edge.i >= last_word
        and all(c.dep_ in listener_ok for c in verb.children if c.i > verb.i)
    )  # "..., the office reported on Tuesday."
    trailing = (
        verb.dep_ in ("ccomp", "conj", "advcl") and verb.head.i < verb.i and subj is not None
        and subj.left_edge.i > verb.sent.start and doc[subj.left_edge.i - 1].text == ","
        and tail_ok
    )
    if trailing and subj is not None:
        own_a = subj.left_edge.i
    parenthetical = trailing or verb.dep_ == "parataxis" or (
        verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )
    if not parenthetical or verb.head.i == verb.i:
        return None
    head = verb.head
    a, b = head.left_edge.i, head.right_edge.i + 1
    own_b = verb.right_edge.i + 1
    if trailing:
        a, b = verb.sent.start, own_a

    def words_between(x: int, y: int) -> bool:
        return any(not t.is_punct and not t.is_space for t in doc[x:y])

    if not words_between(a, own_a):  # "As the paper reported, X ..."
        a = own_b
    elif not words_between(own_b, b):  # "X ..., the paper said."
        b = own_a
    before = own_a - 1
    while before >= 0 and doc[before].is_punct and doc[before].text not in _QUOTE_CHARS:
        before -= 1
    after = own_b
    while after < len(doc) and doc[after].is_punct and doc[after].text not in _QUOTE_CHARS:
        after += 1
    if (before >= 0 and doc[before].text in _QUOTE_CHARS and _quoted_words(doc, before, -1) >= 4) or (
        after < len(doc) and doc[after].text in _QUOTE_CHARS and _quoted_words(doc, after, 1) >= 4
    ):
        return None  # a cue between quotations: the quotations are the content (pass 3)
    words = [t for t in doc[a:b] if not t.is_punct and not t.is_space]
    if len(words) < 3:
        return None
    return a, b


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


def _sourceless_cue(tok: Token) -> _Cue | None:
    """Broad scope: "X is expected to win", "it was reported that ...", "X reportedly left":
    an attribution whose source the text does not name."""
    if tok.lower_ in SOURCELESS_ADVERBS and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX"):
        head = tok.head
        a, b = head.left_edge.i, head.right_edge.i + 1
        return _Cue(tok, tok.idx, tok.idx + len(tok.text), None, (a, b), sourceless=True)
    if tok.pos_ != "VERB" or _lemma(tok) not in (SPEECH_VERBS | BELIEF_VERBS | {"know", "consider", "rumor", "rumour"}):
        return None
    if not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    comp = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.i > tok.i), None)
    if comp is None:
        return None
    a = subj.left_edge.i if subj is not None and subj.lower_ not in ("it",) else comp.left_edge.i
    return _Cue(tok, tok.idx, tok.idx + len(tok.text), None, (a, comp.right_edge.i + 1), sourceless=True)


def _broad_cue(tok: Token, in_quote: list[int]) -> _Cue | None:
    """Broad scope, constructions without a subject cue: "X seemed rattled" (no source),
    "Asked whether he would run, ..." (no source), "as reported by the Post" / "X is backed by
    the union" (the agent is the source), "in the latest polls, X leads" (the poll)."""
    span = (tok.idx, tok.idx + len(tok.text))
    children = list(tok.children)
    if tok.pos_ == "ADP" and tok.lower_ == "in" and tok.head.pos_ in ("VERB", "AUX"):
        pobj = next((c for c in children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in POLL_NOUNS:
            return None
        head = tok.head
        left = (head.left_edge.i, tok.left_edge.i)
        right = (tok.right_edge.i + 1, head.right_edge.i + 1)
        best = max((left, right), key=lambda r: r[1] - r[0])
        return _Cue(tok, *span, pobj, best) if best[1] - best[0] >= 2 else None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = _lemma(tok)
    subj = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if lemma in SEEM_VERBS:
        comp = next((c for c in children if c.dep_ in ("xcomp", "acomp", "oprd") and c.i > tok.i), None)
        if subj is None or comp is None or subj.lower_ in ("it", "there") or in_quote[comp.i] >= 0:
            return None
        if _lemma(comp) in SPEECH_VERBS | BELIEF_VERBS | ATTITUDE_VERBS:
            return None  # "seemed to recognize": the inner verb is the cue
        return _Cue(tok, *span, None, (subj.left_edge.i, comp.right_edge.i + 1), sourceless=True)
    if lemma == "ask" and tok.tag_ == "VBN" and subj is None and tok.dep_ in ("advcl", "ROOT"):
        # "Asked whether he would run, she said ...": the question put to the speaker
        for c in children:
            if c.i > tok.i and (c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ == "about")):
                a = c.i + 1 if c.dep_ == "prep" else c.left_edge.i
                if c.right_edge.i + 1 - a >= 2:
                    return _Cue(tok, *span, None, (a, c.right_edge.i + 1), sourceless=True)
        return None
    if lemma not in SPEECH_VERBS | BELIEF_VERBS | ATTITUDE_VERBS:
        return None
    agent = next((c for c in children if c.dep_ == "agent"), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if pobj is None or not any(c.dep_ == "auxpass" for c in children) and tok.dep_ != "advcl":
        return None
    if subj is not None and subj.dep_ == "nsubjpass" and subj.lower_ not in ("it",):
        # "the plan was backed by the union": the passive subject is what is attributed
        end = max([subj.right_edge.i + 1] + [c.right_edge.i + 1 for c in children
                                              if c.dep_ in ("xcomp", "ccomp") and c.i > tok.i])
        a = subj.left_edge.i
        if end - a >= 1:
            return _Cue(tok, tok.idx, agent.idx + len(agent.text), pobj, (a, end))
        return None
    host = _host_clause(tok)  # "As reported by Western Journalism, ..."
    if host is None:
        return None
    return _Cue(tok, tok.idx, agent.idx + len(agent.text), pobj, host)


def _noun_cue(tok: Token) -> _Cue | None:
    """'Moscow's claim that ...', 'his promise to build a wall': the owner is the source."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    for c in tok.children:
        if c.i <= tok.i or c.dep_ not in ("acl", "ccomp", "appos", "relcl"):
            continue
        that = any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        to = c.tag_ == "VB" and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
        if that or to:
            return _Cue(tok, tok.idx, tok.idx + len(tok.text), poss, (c.left_edge.i, c.right_edge.i + 1),
                        negated=tok.lemma_.lower() == "denial", noun=True)
    return None


STANCE_NOUNS: frozenset[str] = frozenset(
    """support opposition criticism attack praise refusal endorsement commitment concern
    fear hope view warning demand call push objection skepticism scepticism enthusiasm
    admiration contempt disdain distrust trust praise complaint pledge promise doubt position
    stance interest confidence faith reservation qualm misgiving opinion line""".split()
)
STANCE_PREPS: frozenset[str] = frozenset("for to of against on about over with toward towards".split())


def _stance_noun_cue(tok: Token) -> _Cue | None:
    """Broad scope: "the union's opposition to the merger", "Labour support for the bill": a
    stance noun with a named or possessive owner; the prepositional object is the content."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((c for c in tok.children if c.dep_ == "compound" and c.i < tok.i
                      and c.ent_type_ in NAMED_LABELS), None)
    if owner is None or owner.lower_ in ("its", "it"):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.i > tok.i and c.lower_ in STANCE_PREPS:
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return _Cue(tok, tok.idx, c.idx + len(c.text), owner,
                            (c.i + 1, c.right_edge.i + 1), noun=True)
    return None


def _animate(tok: Token) -> bool:
    """A source that can speak: a named person/organisation, a personal pronoun, or an
    institution noun."""
    return bool(
        tok.ent_type_ in NAMED_LABELS
        or tok.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_SECOND | RELATIVE_PRONOUNS
        or tok.lemma_.lower() in ORG_NOUNS
        or any(c.ent_type_ in NAMED_LABELS for c in tok.children if c.dep_ in ("compound", "poss"))
    )


def _lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    if lemma == "hop" and tok.lower_.startswith(("hope", "hoping")):  # lemmatiser slip: "hopes" -> "hop"
        return "hope"
    return lemma


NON_ATTRIBUTING: frozenset[str] = frozenset(
    "be have do get make let ensure help mean become seem appear go come take give put keep".split()
)


def _takes_clause(tok: Token, lemma: str, in_quote: list[int]) -> bool:
    """Broad scope: a verb with a clausal complement (communication and cognition verbs take
    "that"-clauses) or an intention verb with an infinitive, and a nominal subject."""
    if lemma in NON_ATTRIBUTING:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in ("it", "this", "that", "which", "there"):
        return False
    for c in tok.children:
        if c.i <= tok.i or in_quote[c.i] >= 0:
            continue
        if c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children):
            return True
        if c.dep_ == "xcomp" and lemma in INTENTION_VERBS and any(g.lower_ == "to" for g in c.children):
            return True
    return False


def _clause_range(tok: Token) -> tuple[int, int] | None:
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i:
            return c.left_edge.i, c.right_edge.i + 1
    return None


def _topic_prep(prep: Token) -> bool:
    """A prepositional phrase that says what a stance is about ("criticised for X", "talked
    about Y"), not when, where, to whom or through which medium it was said."""
    pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
    if pobj is None or prep.lower_ not in TOPIC_PREPS:
        return False
    return not (pobj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC")
                or pobj.lemma_.lower() in MEDIUM_NOUNS or pobj.lower_ in OBJECT_PRONOUNS)


def _learned_content(tok: Token) -> tuple[int, int] | None:
    """Content of a cue the learned scorer found: its clause, else its object with what
    completes it, else the prepositional phrase it governs, else (passive, no agent) the
    passive subject with the verb's complements ("X has been criticized for Y")."""
    rng = _clause_range(tok)
    if rng is not None:
        return rng
    children = [c for c in tok.children if c.i > tok.i]
    listener = _lemma(tok) in LISTENER_VERBS
    comps = [c for c in children if (c.dep_ in ("oprd", "xcomp", "acomp")
             or (c.dep_ in ("dobj", "attr") and not listener))
             or (c.dep_ == "prep" and _topic_prep(c))]
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
    if passive and subj is not None and subj.lower_ not in ("it", "there"):
        end = max([subj.right_edge.i + 1] + [c.right_edge.i + 1 for c in comps if c.dep_ != "agent"])
        return subj.left_edge.i, end
    if comps:
        first = comps[0]
        a = first.i + 1 if first.dep_ == "prep" else first.left_edge.i
        return a, max(c.right_edge.i for c in comps) + 1
    return None


def _stance_light_cue(tok: Token) -> _Cue | None:
    """Broad scope: a light verb whose object is a stance noun ("had doubts about the plan",
    "voiced concern that ..."): the verb and noun are the cue, what the noun is about the
    content, the verb's subject the source."""
    if tok.pos_ != "VERB" or _lemma(tok) not in STANCE_LIGHT_VERBS:
        return None
    noun = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i
                 and c.lemma_.lower() in STANCE_NOUNS | BROAD_NOUN_CUES | SPEECH_NOUNS), None)
    if noun is None:
        return None
    rng = _noun_content(noun)
    subj = _subject_of(tok, True)
    if rng is None or subj is None or subj.lower_ in ("it", "there", "this"):
        return None
    return _Cue(tok, tok.idx, noun.idx + len(noun.text), subj, rng)


def _noun_content(tok: Token) -> tuple[int, int] | None:
    """What a cue noun is about: its "that"/infinitive clause, else its prepositional object
    ("concern about X", "her message of Y")."""
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("acl", "ccomp", "relcl", "appos") and any(
            m.dep_ in ("mark", "aux") and m.lower_ in ("that", "to") for m in c.children
        ):
            return c.left_edge.i, c.right_edge.i + 1
    for c in tok.children:
        if c.i > tok.i and c.dep_ == "prep" and c.lower_ in STANCE_PREPS and c.right_edge.i > c.i:
            return c.i + 1, c.right_edge.i + 1
    return None


def _phrasal_not_cue(tok: Token) -> bool:
    """Phrasal verbs that mean something else: "called it off", "called up reserves"."""
    return tok.lemma_.lower() == "call" and any(
        c.dep_ == "prt" and c.lower_ in ("off", "up", "in", "back") for c in tok.children)


def _learned_cue(tok: Token, in_quote: list[int]) -> _Cue | None:
    """A cue the lexicons do not know but the learned scorer accepted: a verb with a subject
    (or an agent, or none in the passive), an adjective predicate ("is optimistic about"), a
    noun ("the union's scepticism about", "made comments about", "an assertion that")."""
    span = (tok.idx, tok.idx + len(tok.text))
    if tok.pos_ == "NOUN":
        owned = _noun_cue(tok) or _stance_noun_cue(tok)
        if owned is not None:
            return owned
        rng = _noun_content(tok)
        if rng is None:
            return None
        # the noun's owner is whoever does the verb it is the object of ("made comments
        # about X", "stirred controversy with an assertion that X")
        verb = tok.head if tok.dep_ == "dobj" else (
            tok.head.head if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" else None)
        subj = _subject_of(verb, True) if verb is not None and verb.pos_ == "VERB" else None
        if subj is not None and rng[0] <= subj.i < rng[1]:
            subj = None
        return _Cue(tok, *span, subj, rng, noun=True, sourceless=subj is None)
    if tok.pos_ == "ADJ":
        if tok.dep_ not in ("acomp", "amod", "ROOT"):
            return None
        host = tok.head if tok.dep_ == "acomp" else tok
        subj = None if tok.dep_ == "amod" else (  # "a fierce supporter of": no subject carries it
            next((c for c in host.children if c.dep_ == "nsubj"), None)
            or (_subject_of(host, True) if host.pos_ in ("VERB", "AUX") else None))
        rng = _clause_range(tok)
        if rng is None:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.i > tok.i), None)
            rng = (prep.i + 1, prep.right_edge.i + 1) if prep is not None and prep.right_edge.i > prep.i else None
        if rng is None or (subj is not None and subj.lower_ in ("it", "this", "that", "there")):
            return None
        return _Cue(tok, *span, subj, rng, sourceless=subj is None)
    if tok.pos_ != "VERB" or _phrasal_not_cue(tok):
        return None
    content = _learned_content(tok)
    if content is None:
        return None
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    if agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return _Cue(tok, tok.idx, agent.idx + len(agent.text), pobj, content)
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    subj = None if passive else _subject_of(tok, True)
    if subj is None:
        return _Cue(tok, *span, None, content, sourceless=True)
    if subj.i >= content[0] and subj.i < content[1]:
        return None
    return _Cue(tok, *span, subj, content)


def _find_cues(doc: Doc, in_quote: list[int], beliefs: bool, broad: bool = False) -> list[_Cue]:
    """Cues from the lexicons and the syntax."""
    cues: list[_Cue] = []
    for tok in doc:
        if in_quote[tok.i] >= 0:
            continue
        try:
            _rule_cues(doc, tok, in_quote, beliefs, broad, cues)
        except (IndexError, ValueError, StopIteration) as exc:  # one odd parse: skip this word
            warnings.warn(f"cue {tok.text!r} at offset {tok.idx} skipped ({exc!r})", stacklevel=2)
    return cues


def _rescore_cues(doc: Doc, cues: list[_Cue], in_quote: list[int], model: CueModel) -> list[_Cue]:
    """The learned scorer's pass (broad scope): it sees which words the rules took as cues,
    drops a rule's cue it scores below ``model.veto`` and adds a cue at any other word it
    scores at or above ``model.threshold``."""
    by_tok = {c.tok.i for c in cues}
    cands = candidates(doc, in_quote)
    scores = dict(zip((t.i for t in cands), model.score(cands, by_tok), strict=True))
    kept = []
    for c in cues:
        p = scores.get(c.tok.i, 1.0)
        if p < model.veto:
            continue
        if p >= model.threshold and c.tok.lower_ != "according" and c.tok.pos_ == "VERB":
            # a likely cue the rules could not complete: its object or clause as content
            # ("calls the plan 'stupid'"), no named source when it has no subject ("was
            # criticized for ...", "Asked whether ...")
            if c.content is None:
                c.content = _learned_content(c.tok)
            if c.content is not None and c.subject is None and not c.sourceless:
                c.sourceless = True
        kept.append(c)
    for tok in cands:
        if tok.i in by_tok or scores[tok.i] < model.threshold:
            continue
        try:
            cue = _learned_cue(tok, in_quote)
        except (IndexError, ValueError, StopIteration) as exc:  # one odd parse: skip this word
            warnings.warn(f"cue {tok.text!r} at offset {tok.idx} skipped ({exc!r})", stacklevel=2)
            continue
        if cue is not None:
            kept.append(cue)
    return kept


def rule_cue_tokens(doc: Doc, broad: bool = True) -> frozenset[int]:
    """Indices of the words the rules take as cues (what the learned scorer is told)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unbalanced marks are reported by extract_quotes
        in_quote, _ = quote_token_map(doc, quoted_spans(doc_text(doc)))
        return frozenset(c.tok.i for c in _find_cues(doc, in_quote, True, broad))


def _rule_cues(doc: Doc, tok: Token, in_quote: list[int], beliefs: bool, broad: bool, cues: list[_Cue]) -> None:
    """Append the cue ``tok`` makes by the lexicons and the syntax, if any."""
    # "according to X"
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        to = doc[tok.i + 1]
        pobj = [c for c in to.children if c.dep_ == "pobj"]
        if not pobj:
            return
        cues.append(_Cue(tok, tok.idx, to.idx + len(to.text), pobj[0], None))
        return
    if broad and tok.pos_ == "ADJ" and tok.dep_ == "acomp":
        # "supporters are optimistic that ...", "she is confident that ..."
        clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if clause is not None and subj is not None and subj.lower_ not in ("it", "this", "that", "there"):
            cues.append(_Cue(tok, tok.idx, tok.idx + len(tok.text), subj,
                             (clause.left_edge.i, clause.right_edge.i + 1)))
        return
    if tok.pos_ == "NOUN" and (tok.lemma_.lower() in NOUN_CUES or (
        broad and tok.lemma_.lower() in BROAD_NOUN_CUES | STANCE_NOUNS
    )):
        noun_cue = _noun_cue(tok) or (_stance_noun_cue(tok) if broad else None)
        if noun_cue is not None:
            cues.append(noun_cue)
        return
    if broad:
        passive = _sourceless_cue(tok) or _broad_cue(tok, in_quote) or _stance_light_cue(tok)
        if passive is not None:
            cues.append(passive)
            return
    if tok.pos_ not in ("VERB",):
        return
    lemma = _lemma(tok)
    light = lemma in LIGHT_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS for c in tok.children
    )
    generic = broad and _takes_clause(tok, lemma, in_quote)
    if lemma not in SPEECH_VERBS and not light and not (beliefs and lemma in BELIEF_VERBS) and not (
        broad and lemma in ATTITUDE_VERBS
    ) and not generic:
        return
    if tok.dep_ in ("amod", "compound") or (tok.dep_ == "acl" and tok.tag_ != "VBG"):
        return
    if _phrasal_not_cue(tok):
        return
    if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children) and not (
        broad and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
    ):
        return  # broad: "pointed to the poll" cites it
    if not broad and any(c.dep_ == "neg" for c in tok.children) and lemma not in NEGATING_CUES:
        return  # "did not say whether": not a statement
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in tok.children):
        return  # "he may also imply that ...": a hypothetical, not a statement
    try:
        content, label_neg = _content_range(tok, lemma, broad)
        if content is None and generic:
            content, label_neg = _clause_range(tok), False
    except (IndexError, ValueError, StopIteration) as exc:  # one odd parse: skip this cue
        warnings.warn(f"cue {tok.text!r} at offset {tok.idx} skipped ({exc!r})", stacklevel=2)
        return
    if lemma in BELIEF_VERBS and not broad and (
        content is None or not any(c.dep_ == "ccomp" for c in tok.children)
    ):
        return
    subj = _subject_of(tok, broad)
    if lemma in ("promise", "threaten") and subj is not None and not _animate(subj):
        return  # "the costs threaten to swell": a forecast, not a statement
    end = tok.idx + len(tok.text)
    prts = [c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1]
    if prts:
        end = prts[0].idx + len(prts[0].text)
    if light and lemma not in SPEECH_VERBS:  # "offered an alternative explanation"
        noun = next(c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS)
        end = noun.idx + len(noun.text)
    negated = (lemma in NEGATING_CUES and not any(c.dep_ == "neg" for c in tok.children)) or label_neg
    # the cue as written includes its auxiliaries and adverbs ("has also said")
    first = tok.i
    left = {c.i: c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i < tok.i}
    while first - 1 in left and in_quote[first - 1] < 0 and doc[first - 1].lower_ not in HYPOTHETICAL_AUX:
        first -= 1
    cues.append(_Cue(tok, doc[first].idx, end, subj, content, negated))


def _split_around_cue(doc: Doc, cue: _Cue, a: int, b: int) -> tuple[int, int, list[tuple[int, int]]]:
    """Content that runs across its own cue ("which she said represented all her emails",
    "The documents indicate, he said, that ...") is two pieces: the longer stays the content,
    the other becomes a part. A relative pronoun the cue's clause is about ("which Mr. Trump
    called 'a disgrace'") is a part too."""
    parts: list[tuple[int, int]] = []
    t = cue.tok
    if a <= t.i < b and not cue.sourceless:  # "X seems Y", "X is expected to": X is content
        subj = cue.subject
        left_end = subj.left_edge.i if subj is not None and a <= subj.left_edge.i < t.i else t.i
        right_start = t.i + 1
        while right_start < b and doc[right_start].dep_ in ("prt", "punct") and doc[right_start].head.i == t.i:
            right_start += 1
        left = _trim_punct(doc, a, left_end)
        right = _trim_punct(doc, right_start, b)
        pieces = sorted((r for r in (left, right) if r[1] > r[0]), key=lambda r: r[1] - r[0], reverse=True)
        if not pieces:
            return a, b, parts
        (a, b) = pieces[0]
        # the other piece, when it says something ("The documents indicate, he said, that
        # ..."), not a stray "by" or "he was" left around a passive cue
        parts = [r for r in pieces[1:] if any(not (x.is_stop or x.is_punct or x.is_space) or x.tag_ in ("WDT", "WP")
                                              for x in doc[r[0]:r[1]])]
    rel = next((c for c in t.children if c.i < t.i and c.tag_ in ("WDT", "WP") and not a <= c.i < b
                and c.dep_ in ("dobj", "nsubj", "nsubjpass")), None)
    if rel is not None and t.dep_ == "relcl" and (cue.subject is None or rel.i != cue.subject.i):
        ante = _antecedent(t)  # "a bill that critics called anti-gay": the bill, and the label
        if ante is not None and not (ante[0] < b and a < ante[1]):
            parts.append(ante)
        elif ante is None:
            parts.append((rel.i, rel.i + 1))
    return a, b, parts


def _antecedent(verb: Token) -> tuple[int, int] | None:
    """Token range of the noun phrase a relative clause hangs on, without the clause."""
    if verb.dep_ != "relcl" or verb.head.i == verb.i:
        return None
    noun = verb.head
    a, b = noun.left_edge.i, verb.left_edge.i
    a, b = _trim_punct(verb.doc, a, b)
    return (a, b) if b > a else None


def _trim_punct(doc: Doc, a: int, b: int) -> tuple[int, int]:
    while a < b and (doc[a].is_punct or doc[a].is_space) and doc[a].text not in _QUOTE_CHARS:
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space) and doc[b - 1].text not in _QUOTE_CHARS:
        b -= 1
    return a, b


def _according_content(cue: _Cue) -> tuple[int, int] | None:
    doc = cue.tok.doc
    sent = cue.tok.sent
    phrase_a = cue.tok.i
    phrase_b = cue.subject.right_edge.i + 1 if cue.subject is not None else cue.tok.i + 2
    left = (sent.start, phrase_a)
    right = (phrase_b, sent.end)

    def clean(r: tuple[int, int]) -> tuple[int, int]:
        a, b = r
        while a < b and (doc[a].is_punct or doc[a].is_space):
            a += 1
        while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
            b -= 1
        return a, b

    left, right = clean(left), clean(right)
    best = max((left, right), key=lambda r: r[1] - r[0])
    if best[1] - best[0] < 2:
        return None
    return best


_QUOTE_CHARS = set("\"'“”‘’«»")

# --------------------------------------------------------------------------- main


_TITLE_SMALL = frozenset("the of with a an and in on to for at by or".split())


def _substantial(doc: Doc, q: QuotedSpan, toks: list[Token]) -> bool:
    """A quotation of someone's words, not a scare-quoted term or a title."""
    words = [t for t in toks if not t.is_punct and not t.is_space]
    if not words:
        return False
    title_like = sum(1 for t in words if t.is_title or not t.is_alpha or t.lower_ in _TITLE_SMALL)
    if 2 <= len(words) <= 8 and title_like == len(words) and sum(1 for t in words if t.is_title) >= 2 \
            and words[0].lower_ not in ("i", "we", "you"):
        return False  # a title in quotation marks ("Meet the Press", “Flip the Script”)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    ends_sentence = doc_text(doc)[q.end - 1] in ".?!…" if q.end > q.start else False
    return len(words) >= 6 or (has_verb and (len(words) >= 3 or ends_sentence))


def _char_to_token(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end


def _content_tokens(doc: Doc, a: int, b: int, in_quote: list[int], cue_toks: set[int]) -> tuple[int, int]:
    """Trim a token range: edge punctuation (not quote marks), leading dates, and a
    coordinated second cue that the parser folded into the content."""
    for t in range(a + 1, b):
        tok = doc[t]
        if t in cue_toks and in_quote[t] < 0 and (
            tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG")
        ) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            b = t
            while b > a and (doc[b - 1].dep_ == "cc" or doc[b - 1].is_punct):
                b -= 1
            break
    while a < b:
        tok = doc[a]
        if tok.is_space or (tok.is_punct and tok.text not in _QUOTE_CHARS) or (
            tok.ent_type_ in ("DATE", "TIME") and a + 1 < b
        ):
            a += 1
        elif in_quote[a] < 0 and (tok.dep_ == "cc" or (
            tok.dep_ in ("advmod", "intj") and a + 1 < b and doc[a + 1].text == ","
        )):
            a += 1  # a leading "But", "Indeed," belongs to the narration, not the content
        else:
            break
    while b > a and (doc[b - 1].is_space or (doc[b - 1].is_punct and doc[b - 1].text not in _QUOTE_CHARS)):
        b -= 1
    return a, b


def _char_range(doc: Doc, a: int, b: int) -> tuple[int, int]:
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def quote_token_map(doc: Doc, qspans: Sequence[QuotedSpan]) -> tuple[list[int], list[tuple[int, int] | None]]:
    """For each token, the index of the quotation it lies in (-1 outside), and each
    quotation's token range (None when it does not align with tokens)."""
    in_quote = [-1] * len(doc)
    q_tokens: list[tuple[int, int] | None] = []
    for qi, q in enumerate(qspans):
        r = _char_to_token(doc, q.start, q.end)
        q_tokens.append(r)
        if r is not None:
            for t in range(r[0], r[1]):
                in_quote[t] = qi
    return in_quote, q_tokens


def extract_quotes(doc: Doc, source_id: str = "", removed: Sequence[Removed] = (),
                   beliefs: bool = True, broad: bool = False, cue_model: CueModel | None = None) -> list[Quote]:
    """Every attribution in ``doc``: direct, indirect and mixed quotations with speakers.

    ``removed`` holds what cleaning took out of the body; its ``pull_quote`` items are linked
    to the body quotation they repeat (``Quote.pull_quotes``) and never counted twice.
    ``beliefs`` also attributes stated beliefs ("officials believe that ..."); ``broad``
    widens the scope to stances and intentions that are not statements ("the union backed
    the strike"), PolNeAR's notion of attribution, for evaluation and research use.
    ``cue_model`` (broad scope) adds the cues a learned scorer accepts where the lexicons
    are silent (see :mod:`newsprism.extract.cue_model`)."""
    text = doc_text(doc)
    qspans = quoted_spans(text, source_id)
    paras = _paragraph_ranges(text)
    para_starts = [a for a, _ in paras]
    in_quote, q_tokens = quote_token_map(doc, qspans)
    sent_of = _sentence_index(doc)
    sents = list(doc.sents)
    reg = _build_registry(doc)
    cues = _find_cues(doc, in_quote, beliefs, broad)
    if broad and cue_model is not None:
        cues = _rescore_cues(doc, cues, in_quote, cue_model)
    cues.sort(key=lambda c: c.tok.i)
    cue_toks = {c.tok.i for c in cues}

    def para_of(pos: int) -> int:
        return max(0, bisect.bisect_right(para_starts, pos) - 1)

    # ---- pass 1: resolve every cue's source in text order (salience favours the last speaker)
    speaker_of: dict[int, _Speaker] = {}
    last: _Speaker | None = None
    for cue in cues:
        if cue.sourceless:  # "is expected to", "reportedly": attributed, but to nobody named
            speaker_of[cue.tok.i] = _Speaker(None, None, None, None, None, None)
            continue
        if cue.subject is None:
            continue
        try:
            sp = _resolve_source(doc, cue.subject, reg, sent_of, last, author=broad)
        except (IndexError, ValueError) as exc:  # an odd parse: skip this cue only
            warnings.warn(f"{source_id}: cue {cue.tok.text!r} at {cue.start} skipped ({exc})", stacklevel=2)
            continue
        if sp is None:
            continue
        speaker_of[cue.tok.i] = sp
        if sp.name:
            last = sp

    def make(start: int, end: int, kind: str, cue: _Cue | None, sp: _Speaker) -> Quote:
        span = doc.char_span(start, end, alignment_mode="expand")
        return Quote(
            source_id=source_id, start=start, end=end, text=text[start:end], kind=kind,
            speaker=sp.name, speaker_role=sp.role,
            cue=text[cue.start:cue.end] if cue else None,
            speaker_start=sp.start, speaker_end=sp.end,
            cue_start=cue.start if cue else None, cue_end=cue.end if cue else None,
            negated=cue.negated if cue else False,
            sentence=sent_of[span.start] if span is not None and len(span) else None,
            source_start=sp.src_start if cue else None, source_end=sp.src_end if cue else None,
        )

    out: list[Quote] = []
    used_q: dict[int, _Speaker] = {}  # quotation index -> its speaker
    cue_direct: set[int] = set()  # cues already carrying a direct quotation
    # ---- pass 2: cues with clause content (indirect, mixed, or direct inside marks)
    ranges = [(_content_tokens(doc, c.content[0], c.content[1], in_quote, cue_toks), c.tok.i)
              for c in cues if c.content is not None]
    for cue in sorted(cues, key=lambda c: (c.noun, c.tok.i)):  # verbs first, then nouns
        try:
            sp = speaker_of.get(cue.tok.i)
            if sp is None:
                continue
            rng = _according_content(cue) if cue.tok.lower_ == "according" else cue.content
            if rng is None:
                continue
            if cue.noun:
                cs, ce = _char_range(doc, rng[0], rng[1])
                if any(o.start < ce and cs < o.end for o in out):
                    continue  # "repeated the Kremlin's claim that ...": already the verb's content
            # a cue inside another cue's content is part of that attribution (univocal)
            if any(o != cue.tok.i and r[0] <= cue.tok.i < r[1] for r, o in ranges):
                continue
            a, b = rng
            subj = cue.subject
            if subj is not None and a <= subj.i < b and cue.tok.lower_ != "according" and subj.head.i != cue.tok.i:
                # the parser hung the source on the content ('"...," Texas delegate X, ... said')
                if subj.left_edge.i > a:
                    b = subj.left_edge.i
                else:
                    a = subj.right_edge.i + 1
            a, b, parts = _split_around_cue(doc, cue, a, b)
            a, b = _content_tokens(doc, a, b, in_quote, cue_toks)
            words = [t for t in doc[a:b] if not t.is_punct and not t.is_space]
            if len(words) < 2 and not (parts and words) and not (broad and len(words) == 1 and words[0].dep_ == "dobj"
                                       and words[0].head.i == cue.tok.i):
                continue  # broad: a one-word object is a stance on it ("endorsed Cruz")
            inside = {in_quote[t] for t in range(a, b) if in_quote[t] >= 0}
            outside = [t for t in words if in_quote[t.i] < 0]
            if len(inside) == 1 and len(outside) <= 1:
                qi = next(iter(inside))
                q = qspans[qi]
                used_q[qi] = sp
                cue_direct.add(cue.tok.i)
                qr = make(q.start, q.end, "direct", cue, sp)
                qr.continued = q.continued
                out.append(qr)
                continue
            b = _cut_trailing_comment(doc, a, b, qspans, inside)
            b = _cut_trailing_participle(doc, a, b)
            start, end = _char_range(doc, a, b)
            for qi in inside:  # an embedded quotation is kept whole, marks included
                q = qspans[qi]
                if q.start <= start < q.end:
                    start = q.open_pos
                if q.start < end <= q.end or (q.start <= end < q.close_end):
                    end = max(end, q.close_end)
            kind = "mixed" if inside else "indirect"
            for qi in inside:
                used_q[qi] = sp
            rec = make(start, end, kind, cue, sp)
            rec.parts = [_char_range(doc, pa, pb) for pa, pb in parts]
            out.append(rec)
        except (IndexError, ValueError, KeyError) as exc:  # one odd parse: skip this item
            warnings.warn(f"{source_id}: attribution at a cue skipped ({exc!r})", stacklevel=2)

    # ---- pass 3: quotations attached to a cue in (or next to) their sentence
    last_in_para: dict[int, _Speaker] = {}
    for qr in out:
        if qr.speaker:
            p = para_of(qr.start)
            last_in_para[p] = _Speaker(qr.speaker, qr.speaker_role, qr.speaker_start,
                                       qr.speaker_end, 0, 0)
    for qi, q in enumerate(qspans):
        try:
            if qi in used_q:
                continue
            r = q_tokens[qi]
            if r is None:
                continue
            signed = _signature(doc, q, paras[q.paragraph][1], reg)
            if signed is not None:
                sp, ds, de = signed
                dash_tok = doc.char_span(ds, de, alignment_mode="expand")
                if dash_tok is not None and len(dash_tok):
                    sign = _Cue(dash_tok[0], ds, de, None, None)
                    out.append(make(q.start, q.end, "direct", sign, sp))
                    used_q[qi] = sp
                    last_in_para[q.paragraph] = sp
                    continue
            short = not _substantial(doc, q, list(doc[r[0] : r[1]]))
            if short and not ("," in text[q.end : q.close_end] or text[q.end - 1] in "?!"):
                continue  # a scare-quoted term or a title, not words someone said
            s_first, s_last = sent_of[r[0]], sent_of[r[1] - 1]
            cand = set(range(s_first, s_last + 1))
            if s_last + 1 < len(sents) and para_of(sents[s_last + 1].start_char) == q.paragraph \
                    and len(sents[s_last + 1]) <= 12:
                cand.add(s_last + 1)  # a short "... , said X." tail split off by the parser
            if s_first > 0 and text[: q.open_pos].rstrip().endswith(":"):
                cand.add(s_first - 1)  # "X said:" ending the previous sentence
            best: _Cue | None = None
            best_d = 10**9
            for cue in cues:
                if sent_of[cue.tok.i] not in cand or cue.tok.i not in speaker_of or cue.tok.lower_ == "according":
                    continue
                if para_of(cue.start) != q.paragraph:
                    continue
                if short and not (r[1] <= cue.tok.i <= r[1] + 7):
                    continue  # '"Quiet," he demanded': a short quotation needs its cue right after
                if cue.content is not None and cue.tok.i not in cue_direct:
                    ca, cb = cue.content
                    own_clause = not any(in_quote[t] >= 0 for t in range(ca, cb))
                    overlaps = ca <= r[0] < cb or r[0] <= ca < r[1]
                    if own_clause and not overlaps and cb - ca > 2:
                        continue  # the cue already reports its own unquoted clause
                d = min(abs(cue.start - q.close_end), abs(q.open_pos - cue.end))
                if d < best_d:
                    best, best_d = cue, d
            if best is None and short:
                continue
            if best is None:
                # "Cruz continued: “...”": any verb whose clause hands over to the quotation with
                # a colon introduces it, whether or not it is in the cue lexicon
                extra = _colon_cue(doc, r[0], in_quote) or _after_quote_cue(doc, r[1], in_quote)
                if extra is not None and extra.subject is not None and para_of(extra.start) in (
                    q.paragraph, q.paragraph - 1
                ):  # "X said:" may end the paragraph before the quotation
                    try:
                        sp_extra = _resolve_source(doc, extra.subject, reg, sent_of, None)
                    except (IndexError, ValueError) as exc:
                        warnings.warn(f"{source_id}: cue {extra.tok.text!r} skipped ({exc})", stacklevel=2)
                        sp_extra = None
                    if sp_extra is not None and sp_extra.name:
                        cues.append(extra)
                        speaker_of[extra.tok.i] = sp_extra
                        best = extra
            if best is not None:
                sp = speaker_of[best.tok.i]
                cue_direct.add(best.tok.i)
                qr = make(q.start, q.end, "direct", best, sp)
                qr.continued = q.continued
                out.append(qr)
                used_q[qi] = sp
                last_in_para[q.paragraph] = sp
                continue
            # no cue: a follow-on quotation in the same paragraph, or a paragraph that is only
            # a quotation after a paragraph that introduced the speaker
            inherited: _Speaker | None = None
            prev_q = [used_q[j] for j in range(qi) if j in used_q and qspans[j].paragraph == q.paragraph]
            if prev_q:
                inherited = prev_q[-1]
            elif q.continuation or _quote_only(text, paras[q.paragraph], qspans, q.paragraph):
                if text[q.end - 1] in ".?!…" or q.continued or q.continuation:
                    inherited = last_in_para.get(q.paragraph - 1)
            if inherited is not None and inherited.name:
                qr = make(q.start, q.end, "direct", None, inherited)
                qr.continued = q.continued
                out.append(qr)
                used_q[qi] = inherited
                last_in_para[q.paragraph] = inherited
        except (IndexError, ValueError, KeyError) as exc:  # one odd parse: skip this item
            warnings.warn(f"{source_id}: quotation at {q.start} skipped ({exc!r})", stacklevel=2)

    out.extend(_transcript_attributions(doc, source_id, paras, out, reg))
    out.extend(_headline_attributions(doc, source_id, paras, out, reg))
    out.sort(key=lambda x: x.start)
    out.extend(_body_pull_quotes(doc, source_id, paras, out, reg))
    out.sort(key=lambda x: x.start)
    _link_pull_quotes(out, removed)
    for q in out:
        q.key = quote_key(q.text)
    return out


def quote_key(text: str) -> str:
    """Normalised words of a quotation: case, punctuation and quotation marks ignored, so
    the same words carried by two outlets get the same key."""
    return " ".join(_norm_words(text.replace("’", "'")))


_SIGNATURE_RE = re.compile(
    r"\s*[—―–]{1,2}\s*(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|bin|al-\w+)){0,3})"
    r"(?:\s*,\s*(?P<role>[^“\"«\n.]{1,60}))?\s*\.?\s*(?=$|[“\"«])"
)
_DASHES = frozenset("—―–")
# one-word headline sources ("Poll: Trump ties Clinton"), unlike kickers ("Analysis:")
HEADLINE_SOURCES: frozenset[str] = frozenset("poll survey study report audit probe investigation census".split())
_LABEL_RE = re.compile(r"[\"“«]?\s*(?P<label>[A-Z][A-Z'’.-]*(?:\s+[A-Z][A-Z'’.-]*){0,3})\s*:\s+(?=\S)")


def _named(text: str, start: int, end: int, reg: _Registry) -> tuple[str, int, int]:
    """The canonical name for a name written at [start, end): a registry mention inside it,
    else a mention whose name ends with it ("PENCE" -> "Mike Pence"), else the text."""
    inside = [m for m in reg.mentions if start <= m.start < end and m.label in NAMED_LABELS]
    if inside:
        m = next((x for x in inside if x.label == "PERSON"), inside[0])
        if not m.name.isupper():
            return m.name, m.start, m.end
    written = text[start:end].strip(" .")
    low = written.lower()
    for m in reg.mentions:
        if m.label == "PERSON" and not m.name.isupper() and (
            m.name.lower() == low or m.name.lower().endswith(" " + low)
        ):
            return m.name, start, end
    return (written.title() if written.isupper() else written), start, end


def _verbless(doc: Doc, start: int, end: int) -> bool:
    """The text at [start, end) is a phrase with no verb (a name's role, not a clause)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)


def _signature(doc: Doc, q: QuotedSpan, para_end: int, reg: _Registry) -> tuple[_Speaker, int, int] | None:
    """A quotation signed after a dash, ``“...” ― Ana Ruiz, nurse`` (reader comments, letters,
    vox pops), the signature ending its paragraph or followed by the next quotation: the
    speaker, and the dash's span (the cue). A nickname in marks followed by a dash and a
    clause ("“the Toaster” — Mayor Kell, however, loves it") is not a signature."""
    text = doc_text(doc)
    m = _SIGNATURE_RE.match(text, q.close_end, para_end)
    if m is None or q.close_end == q.end:
        return None
    if text[q.end - 1] not in ".?!…" and len(text[q.start:q.end].split()) < 4:
        return None  # a term in quotation marks, not a statement
    if m.group("role") and not _verbless(doc, *m.span("role")):
        return None
    ns, ne = m.span("name")
    name, s, e = _named(text, ns, ne, reg)
    dash = q.close_end + len(text[q.close_end:ns]) - len(text[q.close_end:ns].lstrip())
    dash_end = dash + len(text[dash:ns].rstrip())
    role_text = m.group("role").strip() if m.group("role") else None
    return _Speaker(name, role_text or reg.roles.get(name), s, e, ns, ne), dash, dash_end


def _transcript_attributions(doc: Doc, source_id: str, paras: list[tuple[int, int]],
                             found: list[Quote], reg: _Registry) -> Iterable[Quote]:
    """Interview transcripts, ``PENCE: Well, the question ...``: a paragraph opened by a
    speaker label in capitals and a colon; two such paragraphs make the article a transcript
    (one alone is more likely a heading such as "UPDATE:")."""
    text = doc_text(doc)
    labelled = []
    for a, b in paras:
        m = _LABEL_RE.match(text, a, b)
        if m is not None:
            labelled.append((a, b, m))
    if len({m.group("label") for _, _, m in labelled}) < 2 and len(labelled) < 3:
        return
    for _a, b, m in labelled:
        if len(m.group("label").replace(".", "")) < 2:
            continue  # "Q:" / "A:": the interviewer and an unnamed answerer
        cs, ce = _trim(text, m.end(), b)
        if ce - cs < 2 or any(q.start < ce and cs < q.end for q in found):
            continue
        ls, le = m.span("label")
        name, s, e = _named(text, ls, le, reg)
        colon = text.index(":", le)
        yield Quote(source_id=source_id, start=cs, end=ce, text=text[cs:ce], kind="direct",
                    speaker=name, speaker_role=reg.roles.get(name), cue=":", cue_start=colon,
                    cue_end=colon + 1, speaker_start=s, speaker_end=e, source_start=ls, source_end=le)


def _headline_attributions(doc: Doc, source_id: str, paras: list[tuple[int, int]],
                           found: list[Quote], reg: _Registry) -> Iterable[Quote]:
    """Headline-style attribution, a short paragraph ``Name: what they said``
    ("Lynch: No outside influence on FBI probe", "Poll: Trump ties Clinton")."""
    text = doc_text(doc)
    for a, b in paras:
        colon = text.find(":", a, min(b, a + 60))
        if colon < 0 or b - a > 300:
            continue
        head = doc.char_span(a, colon, alignment_mode="expand")
        if len(text[a:colon].strip()) < 2:
            continue  # "Q:" / "A:" of an interview: the interviewer, not a named source
        if head is None or not 1 <= len(head) <= 5 or not head[0].is_title:
            continue
        if any(t.pos_ in ("VERB", "AUX") or t.like_num for t in head):
            continue  # "Wait, it gets better:" / "12:20 p.m."
        named = [m for m in reg.mentions if a <= m.start < colon and m.label in NAMED_LABELS]
        if not named and (len(head) > 2 or head.root.lemma_.lower() not in HEADLINE_SOURCES):
            continue  # "Update:", "Analysis:", "Letters:" are section labels, "Poll:" a source
        cs, ce = _trim(text, colon + 1, b)
        while ce > cs and text[ce - 1] in ".":
            ce -= 1
        content_words = text[cs:ce].split()
        if len(content_words) < 3 or any(q.start < ce and cs < q.end for q in found):
            continue
        m = named[-1] if named else None
        name = m.name if m is not None else text[a:colon].strip()
        yield Quote(source_id=source_id, start=cs, end=ce, text=text[cs:ce], kind="indirect",
                    speaker=name, speaker_role=reg.roles.get(name) if m is not None else None,
                    cue=":", cue_start=colon, cue_end=colon + 1,
                    speaker_start=m.start if m is not None else a,
                    speaker_end=m.end if m is not None else colon,
                    source_start=a, source_end=colon)


def _after_quote_cue(doc: Doc, last_tok: int, in_quote: list[int]) -> _Cue | None:
    """'"...," Trump shot back' / '"...?" asked the moderator': a subject and verb right after
    the closing mark introduce the quotation, whatever the verb."""
    k = last_tok
    while k < len(doc) and (doc[k].is_punct or doc[k].is_space):
        if doc[k].text in ".;" and k > last_tok and doc[k - 1].text not in _QUOTE_CHARS:
            return None
        k += 1
    if k >= len(doc) or k - last_tok > 4 or in_quote[k] >= 0:
        return None
    tok = doc[k]
    if tok.pos_ == "VERB" and tok.lemma_.lower() not in NON_ATTRIBUTING:  # '"...," said X'
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i > tok.i), None)
        if subj is not None:
            return _Cue(tok, tok.idx, tok.idx + len(tok.text), subj, None)
        return None
    # the subject phrase starting here, then its verb within a few words
    node = tok
    while node.dep_ not in ("nsubj",) and node.head.i != node.i and node.head.i - k <= 6 and node.head.i > node.i:
        node = node.head
    if node.dep_ != "nsubj" or node.left_edge.i != k:
        return None
    verb = node.head
    # '"...?" the 43-year-old asked': the parser may hang the verb on its subject
    hung = next((c for c in node.children if c.dep_ == "acl" and c.pos_ == "VERB" and 0 < c.i - node.i <= 2), None)
    if hung is not None and verb.i < node.i:
        verb = hung
    if verb.pos_ != "VERB" or verb.i - k > 8 or in_quote[verb.i] >= 0 or verb.lemma_.lower() in NON_ATTRIBUTING:
        return None
    if any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in verb.children if c.lower_ not in ("me", "us", "him", "her", "them")):
        return None  # '"...," the coach told the players to ...' is left to the lexicon rules
    return _Cue(verb, verb.idx, verb.idx + len(verb.text), node, None)


def _colon_cue(doc: Doc, first_tok: int, in_quote: list[int]) -> _Cue | None:
    """The verb before a colon that opens the quotation starting at token ``first_tok``."""
    i = first_tok - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in _QUOTE_CHARS):
        i -= 1
    if i < 0 or doc[i].text not in (":", ","):
        return None
    verb = doc[i].head
    if doc[i].text == ",":
        # "Issa continued, “...”": only a verb right before the comma, with no object of its own
        verb = doc[i - 1] if i > 0 else doc[i]
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i < i for c in verb.children):
            return None
    if verb.i >= i or verb.pos_ != "VERB" or in_quote[verb.i] >= 0 or verb.lemma_.lower() in ("be", "have"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj",) and c.i < verb.i), None)
    if subj is None:
        return None
    return _Cue(verb, verb.idx, verb.idx + len(verb.text), subj, None)


def _cut_trailing_comment(doc: Doc, a: int, b: int, qspans: list[QuotedSpan], inside: set[int]) -> int:
    """End the content at an embedded quotation followed by the writer's own comment on it
    ('said the attack "crosses many lines," an allusion to ...', '..., which echoed ...')."""
    for qi in sorted(inside, key=lambda i: qspans[i].close_end):
        q = qspans[qi]
        after = next((t.i for t in doc[a:b] if t.idx >= q.close_end), None)
        if after is None:
            continue
        k = after
        while k < b and (doc[k].is_punct or doc[k].is_space) and doc[k].text not in _QUOTE_CHARS:
            k += 1
        if k >= b or "," not in doc_text(doc)[q.end - 1 : doc[k].idx]:
            continue
        t = doc[k]
        node = t
        while node.head.i != node.i and node.head.left_edge.i == t.i:
            node = node.head
        second_object = node.dep_ == "dobj" and any(
            c.dep_ == "dobj" and c.i < after for c in node.head.children
        )  # "crosses many lines," an allusion ...: parsed as a second object
        if node.left_edge.i == t.i and (
            node.dep_ in ("appos", "relcl", "acl", "advcl", "npadvmod") or second_object
        ) and node.right_edge.i + 1 >= b:
            return after
    return b


def _cut_trailing_participle(doc: Doc, a: int, b: int) -> int:
    """'said it would back him, setting the Kremlin on course for ...': a participle clause
    after a comma at the end of the reported clause is the writer's gloss."""
    for t in doc[a:b]:
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.left_edge.i > a + 2 \
                and doc[t.left_edge.i - 1].text == "," and t.right_edge.i + 1 >= b \
                and a <= t.head.i < b and not (a <= t.head.head.i < b and t.head.head.i != t.head.i):
            return t.left_edge.i - 1
    return b


def _quote_only(text: str, para: tuple[int, int], qspans: list[QuotedSpan], pi: int) -> bool:
    a, b = para
    body = sum(1 for ch in text[a:b] if ch.isalnum())
    quoted = sum(1 for o in qspans if o.paragraph == pi for ch in text[o.start : o.end] if ch.isalnum())
    return body > 0 and quoted / body >= 0.8


def _body_pull_quotes(doc: Doc, source_id: str, paras: list[tuple[int, int]], found: list[Quote],
                      reg: _Registry) -> Iterable[Quote]:
    """Pull-quotes left in the body (``content — Name, Role`` as its own paragraph)."""
    text = doc_text(doc)
    for a, b in paras:
        chunk = text[a:b]
        if ("—" not in chunk and "–" not in chunk) or len(chunk) > 400:
            continue
        if any(a <= q.start < b and q.cue in _DASHES for q in found):
            continue  # signed quotations ("“...” ― Name"), already attributed one by one
        parsed = parse_pull_quote(chunk)
        if parsed is None:
            continue
        content, name, role = parsed
        if len(content.split()) < 3:
            continue
        ns = text.find(name, a, b)
        cs = text.find(content, a, b)
        if ns < 0 or cs < 0:
            continue
        span = doc.char_span(ns, ns + len(name), alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
            continue
        if role:  # "“the Toaster” — Mayor Kell, however, loves it": a clause, not a role
            rs = text.find(role, ns, b)
            if rs < 0 or not _verbless(doc, rs, rs + len(role)):
                continue
        if chunk.lstrip()[:1] not in _QUOTE_CHARS and len(content.split()) > 25:
            continue  # narration ending in a dash and a name, not a pull-quote
        ents = [m for m in reg.mentions if ns <= m.start < ns + len(name)]
        if not ents:
            continue
        ent = next((m for m in ents if m.label == "PERSON"), ents[-1])
        ce = cs + len(content)
        if any(q.start <= cs < q.end for q in found):
            continue
        pre = text[ns : ent.start].strip(" ,")
        q = Quote(source_id=source_id, start=cs, end=ce, text=text[cs:ce], kind="direct",
                  speaker=ent.name, speaker_role=role or pre or reg.roles.get(ent.name),
                  speaker_start=ent.start, speaker_end=ent.end,
                  source_start=ns, source_end=ns + len(name), origin="pull_quote",
                  sentence=None)
        for other in found:
            if other.origin == "body" and _pull_matches(content, other.text):
                q.repeats = (other.start, other.end)
                break
        yield q


def _link_pull_quotes(quotes: list[Quote], removed: Sequence[Removed]) -> None:
    for ri, item in enumerate(removed):
        if item.kind != "pull_quote":
            continue
        parsed = parse_pull_quote(item.text)
        content = parsed[0] if parsed else item.text
        for q in quotes:
            if q.origin == "body" and _pull_matches(content, q.text):
                q.pull_quotes.append(ri)
                if parsed and not q.speaker:
                    q.speaker = parsed[1]
                break


def attributions(text_or_doc: str | Doc, nlp: Language | None = None,
                 source_id: str = "", cue_model: CueModel | None = None) -> list[Quote]:
    """Typed attribution records for a text or an already parsed Doc.

    A plain string is parsed with ``nlp``; when ``nlp`` is None the configured default
    pipeline is loaded for this call (pass a loaded one to avoid reloading). With a
    ``cue_model`` (``CueModel.load()``), the scope is broad: stances, intentions and
    evaluations too, PolNeAR's notion of attribution."""
    if isinstance(text_or_doc, Doc):
        doc = text_or_doc
    else:
        if nlp is None:
            from ..annotate import load_pipeline
            from ..options import load_options

            nlp = load_pipeline(load_options())
        doc = nlp(text_or_doc)
    return extract_quotes(doc, source_id, broad=cue_model is not None, cue_model=cue_model)
