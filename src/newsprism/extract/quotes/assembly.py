"""extract_quotes: cues, speakers and quotations assembled into Quote records."""

from __future__ import annotations

import bisect
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...model import Quote, Removed
from ...options import load_options
from ...pipeline import load_pipeline
from .. import doc_text
from ..cue_model import CueModel
from ..sentences import token_sentences
from .clauses import Cue, cut_trailing_comment, cut_trailing_participle, separate_inner_cues
from .cues import find_cues, rescore_cues
from .formats import (
    body_pull_quotes,
    headline_attributions,
    link_pull_quotes,
    quote_only,
    signature_speaker,
    transcript_attributions,
)
from .marks import (
    QUOTE_CHARS,
    QuotedSpan,
    quote_key,
    quote_paragraphs,
    quote_token_map,
    quoted_spans,
)
from .placement import according_content, after_quote_cue, colon_cue, split_around_cue
from .registry import Registry, build_registry
from .speakers import Speaker, resolve_source

# a short sentence after a quotation may be its split-off tail ('"...," said X.')
TAIL_SENTENCE_TOKENS = 12
# a short quotation ('"Quiet," he demanded') takes only a cue within this many tokens after it
SHORT_QUOTE_CUE_WINDOW = 7
# a cue whose own unquoted clause is longer than this is not the quotation's cue
OWN_CLAUSE_MIN_TOKENS = 2
# a quotation of someone's words has this many words, or a verb and this many (or a full stop)
SUBSTANTIAL_WORDS = 6
SUBSTANTIAL_WITH_VERB = 3
# a quotation of at most this many title-case words is a title ("Meet the Press")
TITLE_MAX_WORDS = 8
# content shorter than this (in words) is not an attribution (unless split around the cue)
MIN_CONTENT_WORDS = 2
_TITLE_SMALL = frozenset("the of with a an and in on to for at by or".split())


def _substantial(doc: Doc, q: QuotedSpan, toks: list[Token]) -> bool:
    """A quotation of someone's words, not a scare-quoted term or a title."""
    words = [t for t in toks if not t.is_punct and not t.is_space]
    if not words:
        return False
    title_like = sum(1 for t in words if t.is_title or not t.is_alpha or t.lower_ in _TITLE_SMALL)
    if 2 <= len(words) <= TITLE_MAX_WORDS and title_like == len(words) and sum(1 for t in words if t.is_title) >= 2 \
            and words[0].lower_ not in ("i", "we", "you"):
        return False  # a title in quotation marks ("Meet the Press", “Flip the Script”)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    ends_sentence = doc_text(doc)[q.end - 1] in ".?!…" if q.end > q.start else False
    return len(words) >= SUBSTANTIAL_WORDS or (has_verb and (len(words) >= SUBSTANTIAL_WITH_VERB or ends_sentence))


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
        if tok.is_space or (tok.is_punct and tok.text not in QUOTE_CHARS) or (
            tok.ent_type_ in ("DATE", "TIME") and a + 1 < b
        ):
            a += 1
        elif in_quote[a] < 0 and (tok.dep_ == "cc" or (
            tok.dep_ in ("advmod", "intj") and a + 1 < b and doc[a + 1].text == ","
        )):
            a += 1  # a leading "But", "Indeed," belongs to the narration, not the content
        else:
            break
    while b > a and (doc[b - 1].is_space or (doc[b - 1].is_punct and doc[b - 1].text not in QUOTE_CHARS)):
        b -= 1
    return a, b


def _char_range(doc: Doc, a: int, b: int) -> tuple[int, int]:
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


@dataclass(slots=True)
class _Article:
    """One parsed article as the assembly steps share it: its quotations, paragraphs,
    sentences, cues and the speakers found so far."""

    doc: Doc
    source_id: str
    broad: bool
    text: str
    qspans: list[QuotedSpan]
    paras: list[tuple[int, int]]
    para_starts: list[int]
    in_quote: list[int]  # token -> index of the quotation it lies in (-1 outside)
    q_tokens: list[tuple[int, int] | None]  # quotation -> token range
    sent_of: list[int]  # token -> sentence index
    sents: list[Span]
    reg: Registry
    cues: list[Cue]
    cue_toks: set[int] = field(default_factory=set)
    speaker_of: dict[int, Speaker] = field(default_factory=dict)  # cue token -> its source
    out: list[Quote] = field(default_factory=list)
    used_q: dict[int, Speaker] = field(default_factory=dict)  # quotation index -> its speaker
    cue_direct: set[int] = field(default_factory=set)  # cues already carrying a direct quotation
    last_in_para: dict[int, Speaker] = field(default_factory=dict)  # paragraph -> last speaker

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def make(self, start: int, end: int, kind: str, cue: Cue | None, sp: Speaker) -> Quote:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return Quote(
            source_id=self.source_id, start=start, end=end, text=self.text[start:end], kind=kind,
            speaker=sp.name, speaker_role=sp.role,
            cue=self.text[cue.start:cue.end] if cue else None,
            speaker_start=sp.start, speaker_end=sp.end,
            cue_start=cue.start if cue else None, cue_end=cue.end if cue else None,
            negated=cue.negated if cue else False,
            sentence=self.sent_of[span.start] if span is not None and len(span) else None,
            source_start=sp.src_start if cue else None, source_end=sp.src_end if cue else None,
        )


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
    art = _read_article(doc, source_id, beliefs, broad, cue_model)
    _resolve_speakers(art)
    _attribute_cue_contents(art)
    _attach_quotations(art)
    return _finish(art, removed)


def _read_article(doc: Doc, source_id: str, beliefs: bool, broad: bool,
                  cue_model: CueModel | None) -> _Article:
    """Step 1: quotations, paragraphs, sentences, the name registry and the cues, in text order."""
    text = doc_text(doc)
    qspans = quoted_spans(text, source_id)
    in_quote, q_tokens = quote_token_map(doc, qspans)
    cues = find_cues(doc, in_quote, beliefs, broad)
    if broad and cue_model is not None:
        cues = rescore_cues(doc, cues, in_quote, cue_model)
    cues.sort(key=lambda c: c.tok.i)
    # "Kelly said there was “nothing ...” while Cerar said “...”": a cue with its own subject
    # in a relative or adverbial clause of another cue's content is an attribution of its own
    separate_inner_cues(doc, cues)
    paras = quote_paragraphs(text)
    reg = build_registry(doc)
    for m in reg.mentions:
        m.quoted = in_quote[m.tok_start] >= 0
    return _Article(doc=doc, source_id=source_id, broad=broad, text=text, qspans=qspans,
                    paras=paras, para_starts=[a for a, _ in paras], in_quote=in_quote, q_tokens=q_tokens,
                    sent_of=token_sentences(doc), sents=list(doc.sents), reg=reg,
                    cues=cues, cue_toks={c.tok.i for c in cues})


def _resolve_speakers(art: _Article) -> None:
    """Step 2: every cue's source, resolved in text order (salience favours the last speaker)."""
    last: Speaker | None = None
    for cue in art.cues:
        if cue.sourceless:  # "is expected to", "reportedly": attributed, but to nobody named
            art.speaker_of[cue.tok.i] = Speaker(None, None, None, None, None, None)
            continue
        if cue.subject is None:
            continue
        try:
            sp = resolve_source(art.doc, cue.subject, art.reg, art.sent_of, last, author=art.broad,
                                cue=cue.tok)
        except (IndexError, ValueError) as exc:  # an odd parse: skip this cue only
            warnings.warn(f"{art.source_id}: cue {cue.tok.text!r} at {cue.start} skipped ({exc})", stacklevel=2)
            continue
        if sp is None:
            continue
        art.speaker_of[cue.tok.i] = sp
        if sp.name:
            last = sp


def _attribute_cue_contents(art: _Article) -> None:
    """Step 3: cues with clause content (indirect, mixed, or direct inside marks); verbs
    first, then nouns."""
    doc, in_quote = art.doc, art.in_quote
    ranges = [(_content_tokens(doc, c.content[0], c.content[1], in_quote, art.cue_toks), c.tok.i)
              for c in art.cues if c.content is not None]
    for cue in sorted(art.cues, key=lambda c: (c.noun, c.tok.i)):
        try:
            _attribute_cue_content(art, cue, ranges)
        except (IndexError, ValueError, KeyError) as exc:  # one odd parse: skip this item
            warnings.warn(f"{art.source_id}: attribution at a cue skipped ({exc!r})", stacklevel=2)


def _attribute_cue_content(art: _Article, cue: Cue, ranges: list[tuple[tuple[int, int], int]]) -> None:
    doc, in_quote = art.doc, art.in_quote
    sp = art.speaker_of.get(cue.tok.i)
    if sp is None:
        return
    rng = according_content(cue) if cue.tok.lower_ == "according" else cue.content
    if rng is None:
        return
    if cue.noun:
        cs, ce = _char_range(doc, rng[0], rng[1])
        if any(o.start < ce and cs < o.end for o in art.out):
            return  # "repeated the Kremlin's claim that ...": already the verb's content
    # a cue inside another cue's content is part of that attribution (univocal)
    if any(o != cue.tok.i and r[0] <= cue.tok.i < r[1] for r, o in ranges):
        return
    a, b = rng
    subj = cue.subject
    if subj is not None and a <= subj.i < b and cue.tok.lower_ != "according" and subj.head.i != cue.tok.i:
        # the parser hung the source on the content ('"...," Texas delegate X, ... said')
        if subj.left_edge.i > a:
            b = subj.left_edge.i
        else:
            a = subj.right_edge.i + 1
    a, b, parts = split_around_cue(doc, cue, a, b)
    a, b = _content_tokens(doc, a, b, in_quote, art.cue_toks)
    words = [t for t in doc[a:b] if not t.is_punct and not t.is_space]
    if len(words) < MIN_CONTENT_WORDS and not (parts and words) and not (
        art.broad and len(words) == 1 and words[0].dep_ == "dobj" and words[0].head.i == cue.tok.i
    ):
        return  # broad: a one-word object is a stance on it ("endorsed Cruz")
    inside = {in_quote[t] for t in range(a, b) if in_quote[t] >= 0}
    outside = [t for t in words if in_quote[t.i] < 0]
    if len(inside) == 1 and len(outside) <= 1:
        qi = next(iter(inside))
        q = art.qspans[qi]
        art.used_q[qi] = sp
        art.cue_direct.add(cue.tok.i)
        qr = art.make(q.start, q.end, "direct", cue, sp)
        qr.continued = q.continued
        art.out.append(qr)
        return
    b = cut_trailing_comment(doc, a, b, art.qspans, inside)
    b = cut_trailing_participle(doc, a, b)
    start, end = _char_range(doc, a, b)
    for qi in inside:  # an embedded quotation is kept whole, marks included
        q = art.qspans[qi]
        if q.start <= start < q.end:
            start = q.open_pos
        if q.start < end <= q.end or (q.start <= end < q.close_end):
            end = max(end, q.close_end)
    kind = "mixed" if inside else "indirect"
    for qi in inside:
        art.used_q[qi] = sp
    rec = art.make(start, end, kind, cue, sp)
    rec.parts = [_char_range(doc, pa, pb) for pa, pb in parts]
    art.out.append(rec)


def _attach_quotations(art: _Article) -> None:
    """Step 4: quotations not yet attributed, attached to a signature, to a cue in (or next
    to) their sentence, or to the speaker of the quotation before them."""
    # the speaker a paragraph hands on: its last speaker of words in quotation marks, else
    # its last source ('"...," she said, according to the transcript.': she, not the transcript)
    for qr in sorted(art.out, key=lambda r: (r.kind == "direct", r.start)):
        if qr.speaker:
            art.last_in_para[art.para_of(qr.start)] = Speaker(
                qr.speaker, qr.speaker_role, qr.speaker_start, qr.speaker_end, 0, 0)
    for qi, q in enumerate(art.qspans):
        try:
            r = art.q_tokens[qi]
            if qi not in art.used_q and r is not None:
                _attach_quotation(art, qi, q, r)
        except (IndexError, ValueError, KeyError) as exc:  # one odd parse: skip this item
            warnings.warn(f"{art.source_id}: quotation at {q.start} skipped ({exc!r})", stacklevel=2)


def _attach_quotation(art: _Article, qi: int, q: QuotedSpan, r: tuple[int, int]) -> None:
    doc, text = art.doc, art.text
    signed = signature_speaker(doc, q, art.paras[q.paragraph][1], art.reg)
    if signed is not None:
        sp, ds, de = signed
        dash_tok = doc.char_span(ds, de, alignment_mode="expand")
        if dash_tok is not None and len(dash_tok):
            sign = Cue(dash_tok[0], ds, de, None, None)
            art.out.append(art.make(q.start, q.end, "direct", sign, sp))
            art.used_q[qi] = sp
            art.last_in_para[q.paragraph] = sp
            return
    short = not _substantial(doc, q, list(doc[r[0] : r[1]]))
    if short and not ("," in text[q.end : q.close_end] or text[q.end - 1] in "?!"):
        return  # a scare-quoted term or a title, not words someone said
    best = _nearest_cue(art, q, r, short)
    if best is None and short:
        return
    named = _name_colon(art, q, r) if best is None else None
    if named is not None:
        colon, sp = named
        art.out.append(art.make(q.start, q.end, "direct", colon, sp))
        art.used_q[qi] = sp
        art.last_in_para[q.paragraph] = sp
        return
    if best is None:
        best = _unlisted_cue(art, q, r)
    if best is not None:
        sp = art.speaker_of[best.tok.i]
        art.cue_direct.add(best.tok.i)
        qr = art.make(q.start, q.end, "direct", best, sp)
        qr.continued = q.continued
        art.out.append(qr)
        art.used_q[qi] = sp
        art.last_in_para[q.paragraph] = sp
        return
    inherited = _inherited_speaker(art, qi, q)
    if inherited is not None and inherited.name:
        qr = art.make(q.start, q.end, "direct", None, inherited)
        qr.continued = q.continued
        art.out.append(qr)
        art.used_q[qi] = inherited
        art.last_in_para[q.paragraph] = inherited


def _nearest_cue(art: _Article, q: QuotedSpan, r: tuple[int, int], short: bool) -> Cue | None:
    """The resolved cue nearest the quotation in its sentences (or a short tail sentence,
    or an "X said:" sentence before it), in the same paragraph."""
    sent_of, sents, text = art.sent_of, art.sents, art.text
    s_first, s_last = sent_of[r[0]], sent_of[r[1] - 1]
    cand = set(range(s_first, s_last + 1))
    if s_last + 1 < len(sents) and art.para_of(sents[s_last + 1].start_char) == q.paragraph \
            and len(sents[s_last + 1]) <= TAIL_SENTENCE_TOKENS:
        cand.add(s_last + 1)  # a short "... , said X." tail split off by the parser
    if s_first > 0 and text[: q.open_pos].rstrip().endswith(":"):
        cand.add(s_first - 1)  # "X said:" ending the previous sentence
    best: Cue | None = None
    best_d = 10**9
    for cue in art.cues:
        if sent_of[cue.tok.i] not in cand or cue.tok.i not in art.speaker_of or cue.tok.lower_ == "according":
            continue
        if art.para_of(cue.start) != q.paragraph:
            continue
        if short and not (r[1] <= cue.tok.i <= r[1] + SHORT_QUOTE_CUE_WINDOW):
            continue  # '"Quiet," he demanded': a short quotation needs its cue right after
        if cue.content is not None and cue.tok.i not in art.cue_direct:
            ca, cb = cue.content
            own_clause = not any(art.in_quote[t] >= 0 for t in range(ca, cb))
            overlaps = ca <= r[0] < cb or r[0] <= ca < r[1]
            if own_clause and not overlaps and cb - ca > OWN_CLAUSE_MIN_TOKENS:
                continue  # the cue already reports its own unquoted clause
        d = min(abs(cue.start - q.close_end), abs(q.open_pos - cue.end))
        if d < best_d:
            best, best_d = cue, d
    return best


def _unlisted_cue(art: _Article, q: QuotedSpan, r: tuple[int, int]) -> Cue | None:
    """"Cruz continued: “...”": any verb whose clause hands over to the quotation with a
    colon introduces it, whether or not it is in the cue lexicon (the cue and its speaker
    are kept for later quotations)."""
    extra = colon_cue(art.doc, r[0], art.in_quote) or after_quote_cue(art.doc, r[1], art.in_quote)
    if extra is None or extra.subject is None or art.para_of(extra.start) not in (
        q.paragraph, q.paragraph - 1
    ):  # "X said:" may end the paragraph before the quotation
        return None
    try:
        sp_extra = resolve_source(art.doc, extra.subject, art.reg, art.sent_of, None)
    except (IndexError, ValueError) as exc:
        warnings.warn(f"{art.source_id}: cue {extra.tok.text!r} skipped ({exc})", stacklevel=2)
        sp_extra = None
    if sp_extra is None or not sp_extra.name:
        return None
    art.cues.append(extra)
    art.speaker_of[extra.tok.i] = sp_extra
    return extra


def _name_colon(art: _Article, q: QuotedSpan, r: tuple[int, int]) -> tuple[Cue, Speaker] | None:
    """'... such as the economist Ana Ruiz:' and then the quotation (in the same paragraph
    or the next): a person's name ending right at the colon that opens the quotation, with no
    verb, is its speaker; the colon is the cue."""
    doc = art.doc
    i = r[0] - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in QUOTE_CHARS):
        i -= 1
    if i < 1 or doc[i].text != ":" or art.para_of(doc[i].idx) not in (q.paragraph, q.paragraph - 1):
        return None
    m = art.reg.by_token.get(i - 1)
    if m is None or m.label != "PERSON" or m.tok_end != i:
        return None
    colon = Cue(doc[i], doc[i].idx, doc[i].idx + 1, doc[i - 1], None)
    return colon, Speaker(m.name, art.reg.roles.get(m.name), m.start, m.end, m.start, m.end, m.label)


def _inherited_speaker(art: _Article, qi: int, q: QuotedSpan) -> Speaker | None:
    """No cue: a follow-on quotation in the same paragraph, or a paragraph that is only a
    quotation after a paragraph that introduced the speaker."""
    prev_q = [art.used_q[j] for j in range(qi) if j in art.used_q and art.qspans[j].paragraph == q.paragraph]
    if prev_q:
        return prev_q[-1]
    # a paragraph that is only a quotation, or opens with one (lines joined into one
    # paragraph), carries on the previous paragraph's speaker
    opens = art.text[art.paras[q.paragraph][0] : q.open_pos].strip() == ""
    if q.continuation or opens or quote_only(art.text, art.paras[q.paragraph], art.qspans, q.paragraph):
        if art.text[q.end - 1] in ".?!…" or q.continued or q.continuation or (opens and _tail_without_clause(art, q)):
            return art.last_in_para.get(q.paragraph - 1) or _statement_issuer(art, q.paragraph - 1)
    return None


def _tail_without_clause(art: _Article, q: QuotedSpan) -> bool:
    """'"... devote all of our energy" to rebuilding it.': what follows the quotation in its
    paragraph has no finite verb (no clause of its own that could say who spoke or make the
    quotation a name: '"Yes We Can" was the slogan')."""
    span = art.doc.char_span(q.close_end, art.paras[q.paragraph][1], alignment_mode="expand")
    return span is not None and len(span) > 0 and not any(
        t.tag_ in FINITE_TAGS or t.ent_type_ in ("PERSON", "ORG") for t in span)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


_STATEMENT_NOUNS = frozenset({"statement", "message", "note", "letter", "post", "tweet", "comment", "comments"})
_ISSUE_VERBS = frozenset({"release", "issue", "put", "post", "send", "give", "publish", "make", "tweet", "write"})


def _statement_issuer(art: _Article, pi: int) -> Speaker | None:
    """'Jackson released a statement through the team.' then a paragraph of quotation: the
    issuer of the statement the paragraph before announces speaks it."""
    if pi < 0:
        return None
    a, b = art.paras[pi]
    span = art.doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        verb = tok.head
        if tok.lemma_.lower() not in _STATEMENT_NOUNS or tok.dep_ != "dobj" or verb.lemma_.lower() not in _ISSUE_VERBS:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        try:
            sp = resolve_source(art.doc, subj, art.reg, art.sent_of, None)
        except (IndexError, ValueError) as exc:
            warnings.warn(f"{art.source_id}: statement issuer at {tok.idx} skipped ({exc})", stacklevel=2)
            continue
        if sp is not None and sp.name:
            return sp
    return None


def _finish(art: _Article, removed: Sequence[Removed]) -> list[Quote]:
    """Step 5: attributions without a reporting verb (transcripts, headlines, pull-quotes in
    the body), in text order, linked to the pull-quotes cleaning removed, with their keys."""
    out = art.out
    out.extend(list(transcript_attributions(art.doc, art.source_id, art.paras, out, art.reg, art.broad)))
    out.extend(list(headline_attributions(art.doc, art.source_id, art.paras, out, art.reg)))
    if art.broad:
        out = art.out = _outermost(out)
    out.sort(key=lambda x: x.start)
    out.extend(body_pull_quotes(art.doc, art.source_id, art.paras, out, art.reg))
    out.sort(key=lambda x: x.start)
    link_pull_quotes(out, removed)
    for q in out:
        q.key = quote_key(q.text)
    return out


def _outermost(quotes: list[Quote]) -> list[Quote]:
    """Broad scope (PolNeAR's univocal attributions): an attribution whose cue and source lie
    inside another one's content ('X said Y had denied it', '"..., and they refused," she
    said') is part of what the outer source reports, not an attribution of its own."""
    def within(q: Quote, o: Quote) -> bool:
        if o is q or q.cue_start is None or q.cue_end is None:
            return False
        spans = [(o.start, o.end), *o.parts]
        inside = any(a <= q.cue_start and q.cue_end <= b for a, b in spans)
        if not inside or o.cue_start is None or (q.start <= o.cue_start < q.end):
            return False
        return q.source_start is None or any(a <= q.source_start and q.source_end <= b for a, b in spans
                                             if q.source_end is not None)
    return [q for q in quotes if not any(within(q, o) for o in quotes)]


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
            nlp = load_pipeline(load_options())
        doc = nlp(text_or_doc)
    return extract_quotes(doc, source_id, broad=cue_model is not None, cue_model=cue_model)
