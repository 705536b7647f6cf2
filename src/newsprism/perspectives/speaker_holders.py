"""Who holds a quotation or a cue's clause: the speaker the attribution engine found, unless
the phrase next to the cue is inside what another said ("She added that her brother ..., and
doubted ...") or the cue continues a reported clause ("Witnesses say X had complained ...,
claimed ..."); a described or introduced person ("A man ... Robert Pitman, 24, ..."); the
named subject before a cue."""

from __future__ import annotations

import re

from ..extract.sentences import sentence_at
from ..model import AnnotatedArticle, Quote
from . import cues
from .described import described_actor
from .holders import Actor, HolderIndex, head_key

_PAREN_APPOSITIVE = re.compile(r",\s*(?:including|such as|like|along with|together with|as well as)\b[^,]*,?")
_RELATIVE_TAIL = re.compile(r",\s*(?:who|whom|whose|which)\b.*$", re.S | re.I)
_BOUNDARY = re.compile(r";\s|\s[—–]\s|:\s|\b(?:which|who|whom|while|whereas|during which|after which|but)\s", re.I)
_SUBORDINATE = re.compile(r"^\s*(?:whilst|while|although|though|as|when|after|before|because|since|once|if|even\s+if|despite)\b[^,]*,\s*", re.I)
_WORDS = re.compile(r"\w+")
# a person introduced without a name ("A man", "a 24-year-old woman"), named in a later sentence
_INDEFINITE_PERSON = re.compile(
    r"^(?:a|an)\s+(?:[\w\-]+\s+){0,3}?(?:man|woman|boy|girl|teenager|teen|youth|person|driver|motorist|"
    r"pilot|passenger|suspect|worker|employee|student|pupil|player|doctor|nurse|officer|resident|\d+-year-old)$",
    re.I,
)
# "Robert Pitman, 24, ...", "Jane Doe, of Leeds, ...", "John Smith, aged 30, ...": the news
# convention naming the person the lead introduced
_NAMED_INTRO = re.compile(r"^\s*(?:,\s*(?:aged\s+)?\d{1,3}\s*,|,?\s+of\s+[A-Z])")


class HolderFinder:
    """The holder lookups of one article's statement scanner (``art``, ``text``, ``index``)."""

    art: AnnotatedArticle
    text: str
    index: HolderIndex

    def _holders_from_quote(self, q: Quote, depth: int = 0) -> list[Actor]:
        outer = self._speaker_inside_quote(q) if depth < 3 else None
        if outer is not None:
            # "She added that her brother had too much sense to point a gun, and doubted that he
            # was carrying one": the phrase next to "doubted" is inside what she added; the
            # coordinated verb shares her as its subject
            return self._holders_from_quote(outer, depth + 1)
        continued = self._continued_subject(q)
        if continued is not None:
            return [continued]
        if q.source_start is not None and q.source_end is not None:
            # "The company in question has denied it" after "A company owned by X withdrew
            # ... from Y Bank": the unnamed company, not Y Bank
            resolved = self.index.by_id.get(q.speaker_entity or "")
            described = described_actor(self.art, self.text[q.source_start : q.source_end], q.source_start, resolved)
            if described is not None:
                return [described]
        possessed = self._possessed(q)
        if possessed is not None:
            return [possessed]
        if q.speaker_entity and q.speaker_entity in self.index.by_id:
            return [self.index.actor_for_entity(self.index.by_id[q.speaker_entity], q.speaker_role)]
        if q.speaker_start is not None and q.speaker_end is not None:
            found = self.index.actors_in(self.art, q.speaker_start, q.speaker_end)
            if found:
                return found[:1]
        if q.speaker:
            return [self._phrase_actor(q.speaker, q.start)]
        return []

    def _possessed(self, q: Quote) -> Actor | None:
        """"Marsh's agent denied ...": the name the speaker resolved to is the possessor in
        the phrase, so the one speaking is the agent, not Marsh; the phrase is the holder (a
        labelled description) in the possessor's camp."""
        if None in (q.source_start, q.source_end, q.speaker_start, q.speaker_end):
            return None
        if not (q.source_start <= q.speaker_start and q.speaker_end < q.source_end):
            return None
        if not re.match(r"['’]s\s+[a-z]", self.text[q.speaker_end : q.source_end]):
            return None
        phrase = " ".join(self.text[q.source_start : q.source_end].split())
        e = self.index.by_id.get(q.speaker_entity or "")
        camp = self.index.root(e).id if e is not None else "text:" + head_key(phrase)
        return Actor(name=phrase, key="text:" + phrase.lower(), camp=camp)

    def _speaker_inside_quote(self, q: Quote) -> Quote | None:
        """The earlier quotation of the sentence whose content holds this quotation's speaker
        phrase: a name inside what someone else said is not the one speaking."""
        s0 = q.source_start if q.source_start is not None else q.speaker_start
        s1 = q.source_end if q.source_end is not None else q.speaker_end
        if s0 is None or s1 is None:
            return None
        for other in self.art.quotes:
            if other is q or other.origin != "body" or other.start >= q.start or other.sentence != q.sentence:
                continue
            if other.start <= s0 and s1 <= other.end and not (other.start <= q.start < other.end):
                return other
        return None

    def _continued_subject(self, q: Quote) -> Actor | None:
        """"Witnesses say Hiller had long complained of abuse, claimed they were poisoning
        her": a finite cue with no subject of its own right after the content of an earlier
        quotation of the sentence (a comma between) continues that content; its subject is the
        one that content opens with (within its first three words), not the outer speaker.
        A participle ("..., adding that") or "and" keeps the outer speaker."""
        if q.cue_start is None or not q.cue or q.cue.split()[0].lower().endswith("ing") or q.start < q.cue_start:
            return None
        for other in self.art.quotes:
            if other is q or other.origin != "body" or other.sentence != q.sentence or other.end > q.cue_start:
                continue
            if not re.fullmatch(r"\s*,\s*", self.text[other.end : q.cue_start]):
                continue
            first = min((m for m in self.art.mentions if other.start <= m.start < other.end
                         and m.label in ("PERSON", "ORG", "NORP", "GPE")), key=lambda m: m.start, default=None)
            if first is None or len(_WORDS.findall(self.text[other.start : first.start])) > 2:
                return None
            e = self.index.entity_at(first)
            return self.index.actor_for_entity(e) if e is not None else None
        return None

    def _introduced(self, phrase: str, near: int) -> Actor | None:
        """The person an indefinite description ("A man has denied arson") stands for: the name
        that opens one of the next two sentences with an age or a home town ("Robert Pitman,
        24, ..."), as news leads introduce someone and name them after."""
        if not _INDEFINITE_PERSON.match(phrase.strip()) or not self.art.sentences:
            return None
        si = sentence_at(self.art.sentences, near)
        for nxt in self.art.sentences[si + 1 : si + 3]:
            first = min((m for m in self.art.mentions if nxt.start <= m.start < nxt.end), key=lambda m: m.start, default=None)
            if first is None or first.label != "PERSON" or self.text[nxt.start : first.start].strip():
                continue
            if not _NAMED_INTRO.match(self.text[first.end : first.end + 40]):
                continue
            e = self.index.entity_at(first)
            if e is not None:
                return self.index.actor_for_entity(e)
            key = "text:" + first.text.lower()
            return Actor(name=first.text, key=key, camp=key)
        return None

    def _phrase_actor(self, phrase: str, near: int) -> Actor:
        """An actor for a holder phrase with no entity ("Western countries, including X")."""
        phrase = _PAREN_APPOSITIVE.sub("", phrase).strip(" ,")
        # "family of the slain teen, who was hit by police bullets": the clause describes them
        phrase = _RELATIVE_TAIL.sub("", phrase).strip(" ,") or phrase
        actor = self.index.actor_by_name(phrase)
        if actor.entity is not None:
            return actor
        named = self._introduced(phrase, near)
        if named is not None:
            return named
        # a demonym or name inside the phrase gives the camp ("Western countries" -> Western)
        si = sentence_at(self.art.sentences, near)
        lo = self.art.sentences[max(0, si - 1)].start if self.art.sentences else 0
        pos = self.text.find(phrase, lo)
        if pos >= 0:
            inner = self.index.actors_in(self.art, pos, pos + len(phrase))
            if inner:
                return Actor(name=phrase, key=actor.key, camp=inner[0].camp, entity=None)
        return actor

    def _holders_from_segment(self, start: int, end: int) -> list[Actor]:
        """Holders named in the subject segment [start, end) just before a cue."""
        seg = self.text[start:end]
        cut = 0
        for m in _BOUNDARY.finditer(seg):
            if end - (start + m.end()) > 0:
                cut = m.end()
        s0 = start + cut
        seg = self.text[s0:end]
        sub = _SUBORDINATE.match(seg)
        if sub:
            s0 += sub.end()
            seg = self.text[s0:end]
        seg_clean = cues.TRAILING_ADVERBS.sub("", cues.LEADING_NOISE.sub("", seg.strip(" ,")))
        if not seg_clean.strip() or cues.PRONOUN_HOLDER.match(seg_clean.strip()):
            return []
        if cues.EXPLETIVE.match(seg_clean):
            return []
        found = self.index.actors_in(self.art, s0, end)
        # keep coordinated holders ("Russia and Syria"), not names inside a modifier
        if found:
            m_first = min(
                (m for m in self.art.mentions if s0 <= m.start < end and m.label in {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}),
                key=lambda m: m.start,
            )
            if m_first.label == "NORP":
                # a demonym heads a noun phrase: "Western countries", "Syrian officials"
                tail = re.match(r"[A-Za-z][\w\-]*(?:\s+[a-z][\w\-]*){1,2}", self.text[m_first.start : end])
                if tail:
                    name = _PAREN_APPOSITIVE.sub("", tail.group(0))
                    name = cues.TRAILING_ADVERBS.sub("", name).strip()
                    return [Actor(name=name, key="text:" + name.lower(), camp=found[0].camp, entity=None)]
            coord = [found[0]]
            for a in found[1:]:
                between = self.text[s0:end]
                if re.search(rf"\b{re.escape(coord[-1].name.split()[-1])}\b.{{0,4}}\b(?:and|&)\b", between) and len(coord) < 4:
                    coord.append(a)
            return coord
        words = _WORDS.findall(seg_clean)
        if 0 < len(words) <= 6:
            name = _PAREN_APPOSITIVE.sub("", seg_clean).strip(" ,")
            named = self._introduced(name, s0) or described_actor(self.art, name, s0, None)
            if named is not None:
                return [named]
            return [Actor(name=name, key="text:" + head_key(name), camp="text:" + head_key(name))]
        return []
