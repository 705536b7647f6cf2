"""extract_quotes: cues, speakers and quotations assembled into Quote records."""

from __future__ import annotations

import bisect
import warnings
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...model import Quote, Removed
from ...options import load_options
from ...pipeline import load_pipeline
from .. import doc_text
from ..cue_model import CueModel
from .clauses import Cue, cut_trailing_comment, cut_trailing_participle
from .cues import (
    according_content,
    after_quote_cue,
    colon_cue,
    find_cues,
    rescore_cues,
    split_around_cue,
)
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
    paragraph_ranges,
    quote_key,
    quote_token_map,
    quoted_spans,
)
from .speakers import Speaker, build_registry, resolve_source, sentence_index

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
    paras = paragraph_ranges(text)
    para_starts = [a for a, _ in paras]
    in_quote, q_tokens = quote_token_map(doc, qspans)
    sent_of = sentence_index(doc)
    sents = list(doc.sents)
    reg = build_registry(doc)
    cues = find_cues(doc, in_quote, beliefs, broad)
    if broad and cue_model is not None:
        cues = rescore_cues(doc, cues, in_quote, cue_model)
    cues.sort(key=lambda c: c.tok.i)
    cue_toks = {c.tok.i for c in cues}

    def para_of(pos: int) -> int:
        return max(0, bisect.bisect_right(para_starts, pos) - 1)

    # ---- pass 1: resolve every cue's source in text order (salience favours the last speaker)
    speaker_of: dict[int, Speaker] = {}
    last: Speaker | None = None
    for cue in cues:
        if cue.sourceless:  # "is expected to", "reportedly": attributed, but to nobody named
            speaker_of[cue.tok.i] = Speaker(None, None, None, None, None, None)
            continue
        if cue.subject is None:
            continue
        try:
            sp = resolve_source(doc, cue.subject, reg, sent_of, last, author=broad)
        except (IndexError, ValueError) as exc:  # an odd parse: skip this cue only
            warnings.warn(f"{source_id}: cue {cue.tok.text!r} at {cue.start} skipped ({exc})", stacklevel=2)
            continue
        if sp is None:
            continue
        speaker_of[cue.tok.i] = sp
        if sp.name:
            last = sp

    def make(start: int, end: int, kind: str, cue: Cue | None, sp: Speaker) -> Quote:
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
    used_q: dict[int, Speaker] = {}  # quotation index -> its speaker
    cue_direct: set[int] = set()  # cues already carrying a direct quotation
    # ---- pass 2: cues with clause content (indirect, mixed, or direct inside marks)
    ranges = [(_content_tokens(doc, c.content[0], c.content[1], in_quote, cue_toks), c.tok.i)
              for c in cues if c.content is not None]
    for cue in sorted(cues, key=lambda c: (c.noun, c.tok.i)):  # verbs first, then nouns
        try:
            sp = speaker_of.get(cue.tok.i)
            if sp is None:
                continue
            rng = according_content(cue) if cue.tok.lower_ == "according" else cue.content
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
            a, b, parts = split_around_cue(doc, cue, a, b)
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
            b = cut_trailing_comment(doc, a, b, qspans, inside)
            b = cut_trailing_participle(doc, a, b)
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
    last_in_para: dict[int, Speaker] = {}
    for qr in out:
        if qr.speaker:
            p = para_of(qr.start)
            last_in_para[p] = Speaker(qr.speaker, qr.speaker_role, qr.speaker_start,
                                      qr.speaker_end, 0, 0)
    for qi, q in enumerate(qspans):
        try:
            if qi in used_q:
                continue
            r = q_tokens[qi]
            if r is None:
                continue
            signed = signature_speaker(doc, q, paras[q.paragraph][1], reg)
            if signed is not None:
                sp, ds, de = signed
                dash_tok = doc.char_span(ds, de, alignment_mode="expand")
                if dash_tok is not None and len(dash_tok):
                    sign = Cue(dash_tok[0], ds, de, None, None)
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
            best: Cue | None = None
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
                extra = colon_cue(doc, r[0], in_quote) or after_quote_cue(doc, r[1], in_quote)
                if extra is not None and extra.subject is not None and para_of(extra.start) in (
                    q.paragraph, q.paragraph - 1
                ):  # "X said:" may end the paragraph before the quotation
                    try:
                        sp_extra = resolve_source(doc, extra.subject, reg, sent_of, None)
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
            inherited: Speaker | None = None
            prev_q = [used_q[j] for j in range(qi) if j in used_q and qspans[j].paragraph == q.paragraph]
            if prev_q:
                inherited = prev_q[-1]
            elif q.continuation or quote_only(text, paras[q.paragraph], qspans, q.paragraph):
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

    out.extend(transcript_attributions(doc, source_id, paras, out, reg))
    out.extend(headline_attributions(doc, source_id, paras, out, reg))
    out.sort(key=lambda x: x.start)
    out.extend(body_pull_quotes(doc, source_id, paras, out, reg))
    out.sort(key=lambda x: x.start)
    link_pull_quotes(out, removed)
    for q in out:
        q.key = quote_key(q.text)
    return out


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
