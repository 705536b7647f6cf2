"""A learned scorer for attribution cues: how likely a word is to introduce what someone said,
thought or stands for.

The rules in :mod:`newsprism.extract.quotes` know a fixed lexicon of cues; news uses many
more ("lambasted", "was accused of", "is bullish on"). This module scores any verb, noun or
adjective outside a quotation with a logistic regression over its syntax (dependency label,
children, subject type, passive voice, prepositions), its lemma, the lexicons it belongs to,
its place among the rules' attributions (inside another one's content, governing a cue) and
its word vector (so that unseen verbs close to "criticize" score like it).

The weights ship as ``newsprism/data/cue_model.json`` (feature weights only, no text) and are
learned by ``bench/train_cue_model.py`` from the PolNeAR train split (Newell, Margolin & Ruths,
LREC 2018); the dev split stays for measurement. Scoring is a dot product: no scikit-learn at
run time.

Public API: :func:`candidates`, :func:`features`, :class:`CueModel` (``load``, ``score``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from .lexicon import ATTITUDE_VERBS, BELIEF_VERBS, INTENTION_VERBS, SPEECH_NOUNS, SPEECH_VERBS

CANDIDATE_POS: frozenset[str] = frozenset({"VERB", "NOUN", "ADJ"})
_PRONOUN_KIND = {"he": "person", "she": "person", "i": "first", "we": "first", "you": "second",
                 "they": "group", "it": "it", "who": "rel", "which": "rel", "that": "rel"}
_QUOTES = set("\"'“”‘’«»")


def candidates(doc: Doc, in_quote: Sequence[int]) -> list[Token]:
    """Words that could be a cue: verbs, nouns and adjectives outside quotations."""
    return [t for t in doc if t.pos_ in CANDIDATE_POS and in_quote[t.i] < 0 and t.is_alpha]


def _subject_kind(tok: Token) -> str:
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
            return "inherited"
        return "none"
    if subj.pos_ == "PRON":
        return "pron_" + _PRONOUN_KIND.get(subj.lower_, "other")
    if subj.ent_type_:
        return "ent_" + subj.ent_type_
    if any(c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for c in subj.children):
        return "owned_named"
    return "noun"


def context_features(tok: Token, contents: Sequence[tuple[int, int, int]], rule: bool = False) -> list[str]:
    """Where a word stands among the rules' attributions: ``contents`` holds (cue token, first,
    end) token ranges of the contents the rules found. A word inside another attribution's
    content is rarely annotated on its own (PolNeAR's univocal attributions); a word that governs
    a rule's cue may be the outer attribution."""
    f: list[str] = []
    inside = [(c, a, b) for c, a, b in contents if a <= tok.i < b and c != tok.i]
    if inside:
        f.append("in_content")
        f.append(f"in_content|pos={tok.pos_}")
        f.append(f"in_content|dep={tok.dep_}")
        f.append(f"in_content|rule={int(rule)}")
        for c, _, _ in inside:
            host = tok.doc[c]
            kind = _lexicon_kind(host.lemma_.lower()) if host.pos_ == "VERB" else host.pos_.lower()
            f.append(f"in_content_of={kind}")
            f.append(f"in_content_{'after' if c < tok.i else 'before'}_cue")
    own = [(a, b) for c, a, b in contents if c == tok.i]
    if own:
        f.append(f"own_content_len={min(3, (own[0][1] - own[0][0]) // 5)}")
    sub_start, sub_end = tok.left_edge.i, tok.right_edge.i
    if any(c != tok.i and sub_start <= c <= sub_end and tok.doc[c].head.i != c for c, _, _ in contents):
        f.append("governs_cue")
        f.append(f"governs_cue|dep={tok.dep_}")
    sent = tok.sent
    n_sent = sum(1 for c, _, _ in contents if c != tok.i and sent.start <= c < sent.end)
    if n_sent:
        f.append("sent_has_cue")
        f.append(f"sent_cues={min(n_sent, 3)}|rule={int(rule)}")
    return f


def _lexicon_kind(lemma: str) -> str:
    for name, lex in (("speech", SPEECH_VERBS), ("belief", BELIEF_VERBS), ("attitude", ATTITUDE_VERBS),
                      ("intention", INTENTION_VERBS)):
        if lemma in lex:
            return name
    return "verb"


def features(tok: Token, rule: bool = False, contents: Sequence[tuple[int, int, int]] = ()) -> list[str]:
    """Sparse (binary) features of one candidate word; ``rule``: the rules took it as a cue;
    ``contents``: the rules' attributions in the document (see :func:`context_features`)."""
    lemma = tok.lemma_.lower()
    f = ["rule" if rule else "norule", f"rule|lemma={int(rule)}|{lemma}", f"rule|dep={int(rule)}|{tok.dep_}",
         f"lemma={lemma}", f"pos={tok.pos_}", f"tag={tok.tag_}", f"dep={tok.dep_}",
         f"lemma|dep={lemma}|{tok.dep_}", f"pos|dep={tok.pos_}|{tok.dep_}"]
    subj = _subject_kind(tok)
    f.append(f"subj={subj}")
    f.append(f"lemma|subj={lemma}|{subj.split('_')[0]}")
    for c in tok.children:
        side = "R" if c.i > tok.i else "L"
        f.append(f"child={c.dep_}{side}")
        f.append(f"lemma|child={lemma}|{c.dep_}")
        if c.dep_ in ("prep", "agent", "prt", "mark", "aux", "neg", "auxpass"):
            f.append(f"{c.dep_}={c.lower_}")
            if c.dep_ in ("prep", "prt"):
                f.append(f"lemma|{c.dep_}={lemma}|{c.lower_}")
        if c.dep_ in ("ccomp", "xcomp", "acl", "relcl"):
            for g in c.children:
                if g.dep_ in ("mark", "nsubj", "aux") and g.i < c.i:
                    f.append(f"{c.dep_}>{g.dep_}={g.lower_ if g.dep_ != 'nsubj' else 'x'}")
        if c.dep_ == "poss":
            f.append("poss_named" if c.ent_type_ else f"poss={c.lower_}")
    doc = tok.doc
    f.append(f"tag|lemma={tok.tag_}|{lemma}")
    f.append(f"prev={doc[tok.i - 1].lower_ if tok.i > 0 else '<s>'}")
    f.append(f"next={doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else '</s>'}")
    f.append(f"lemma|next={lemma}|{doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else '</s>'}")
    subj_tok = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj_tok is not None and subj_tok.pos_ in ("NOUN", "PROPN"):
        f.append(f"subj_lemma={subj_tok.lemma_.lower()}")
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "attr")), None)
    if obj is not None:
        f.append(f"obj_lemma={obj.lemma_.lower()}")
        f.append(f"lemma|obj={lemma}|{obj.lemma_.lower()}")
    # an attribution inside another one's content is not annotated on its own (univocal):
    # say whether a reporting word governs this one
    anc = tok.head
    for depth in range(6):
        if anc.i == anc.head.i and depth > 0:
            break
        al = anc.lemma_.lower()
        if anc.i != tok.i and (al in SPEECH_VERBS or al in BELIEF_VERBS):
            f.append(f"under_cue_{min(depth, 2)}")
            break
        if anc.i == anc.head.i:
            break
        anc = anc.head
    if any(t.text in _QUOTES for t in tok.subtree):
        f.append("subtree_quote")
    if any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in tok.children):
        f.append("ccomp_clause")
        f.append(f"lemma|ccomp_clause={lemma}")
    head = tok.head
    if head.i != tok.i:
        f.append(f"head_dep={head.dep_}")
        f.append(f"head_pos={head.pos_}")
        f.append(f"head_lemma={head.lemma_.lower()}")
        f.append(f"dep|head_pos={tok.dep_}|{head.pos_}")
    for name, lex in (("speech", SPEECH_VERBS), ("belief", BELIEF_VERBS), ("attitude", ATTITUDE_VERBS),
                      ("intention", INTENTION_VERBS), ("speech_noun", SPEECH_NOUNS)):
        if lemma in lex:
            f.append(f"lex={name}")
    sent = tok.sent
    if any(t.text in _QUOTES for t in sent):
        f.append("sent_quote")
    near = tok.doc[max(sent.start, tok.i - 3): min(sent.end, tok.i + 4)]
    if any(t.text in _QUOTES for t in near):
        f.append("near_quote")
    if tok.i == sent.start or (tok.i > sent.start and tok.doc[tok.i - 1].is_punct):
        f.append("after_punct")
    if tok.i + 1 < sent.end and tok.doc[tok.i + 1].is_punct:
        f.append(f"before_punct={tok.doc[tok.i + 1].text}")
    if contents:
        f.extend(context_features(tok, contents, rule))
    # once each: the model is fitted on binary features (a word with two punctuation children
    # has "child=punctR" once), so a repeated name must not count twice when scoring
    return list(dict.fromkeys(f))


@dataclass(slots=True)
class CueModel:
    """Logistic regression weights: sparse features by name, a dense block for the word vector."""

    weights: dict[str, float]
    vector_weights: np.ndarray  # shape (vector width,); empty when trained without vectors
    bias: float
    threshold: float  # the probability above which a word is taken as a cue
    meta: dict[str, object]
    veto: float = 0.0  # below this probability a rule's cue is dropped

    @classmethod
    def load(cls, path: str | Path | None = None) -> CueModel:
        """The packaged model, or one written by ``tools/train_cue_model.py`` at ``path``."""
        if path is None:
            raw = resources.files("newsprism").joinpath("data/cue_model.json").read_text(encoding="utf-8")
        else:
            raw = Path(path).read_text(encoding="utf-8")
        data = json.loads(raw)
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            vector_weights=np.asarray(data.get("vector_weights", []), dtype=np.float32),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            veto=float(data.get("veto", 0.0)),
            meta=dict(data.get("meta", {})),
        )

    def to_json(self) -> str:
        return json.dumps({
            "meta": self.meta, "bias": self.bias, "threshold": self.threshold, "veto": self.veto,
            "weights": {k: round(v, 5) for k, v in sorted(self.weights.items())},
            "vector_weights": [round(float(v), 5) for v in self.vector_weights],
        }, indent=0, ensure_ascii=False)

    def score(self, toks: Sequence[Token], rule_cues: Collection[int] = (),
              contents: Sequence[tuple[int, int, int]] = ()) -> list[float]:
        """Probability that each word is (part of) an attribution cue; ``rule_cues`` holds
        the indices of the words the rules took as cues, ``contents`` the (cue token, first,
        end) token ranges of their contents."""
        if not toks:
            return []
        z = np.full(len(toks), self.bias, dtype=np.float64)
        w = self.weights
        for i, tok in enumerate(toks):
            z[i] += sum(w.get(name, 0.0) for name in features(tok, tok.i in rule_cues, contents))
        if self.vector_weights.size:
            z += vector_matrix(toks, self.vector_weights.size) @ self.vector_weights
        return [1.0 / (1.0 + math.exp(-v)) for v in z]


def _related(tok: Token, slot: str) -> Token | None:
    if slot == "self":
        return tok
    deps = ("nsubj", "nsubjpass") if slot == "subj" else ("dobj", "attr", "pobj")
    if slot == "subj" and tok.pos_ == "NOUN":
        return next((c for c in tok.children if c.dep_ == "poss"), None)
    return next((c for c in tok.children if c.dep_ in deps), None)


def vector_matrix(toks: Iterable[Token], width: int) -> np.ndarray:
    """Unit-normalised word vectors of each word, then (when ``width`` allows) of its subject
    (a noun's owner) and of its object: whether a subject can speak and what a stance is
    about are in the vectors too. Zeros where there is no such word or no vector."""
    toks = list(toks)
    if not toks:
        return np.zeros((0, width))
    dim = toks[0].vocab.vectors.shape[1] if toks[0].vocab.vectors.shape[0] else 0
    if dim == 0 or width % dim:
        return np.zeros((len(toks), width))
    slots = ("self", "subj", "obj")[: width // dim]
    out = np.zeros((len(toks), width))
    for i, tok in enumerate(toks):
        for k, slot in enumerate(slots):
            other = _related(tok, slot)
            if other is None or not other.has_vector:
                continue
            v = other.vector
            n = float(np.linalg.norm(v))
            if n:
                out[i, k * dim : (k + 1) * dim] = v / n
    return out
