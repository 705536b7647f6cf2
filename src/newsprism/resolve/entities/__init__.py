"""Cross-document entity resolution: one entity per real-world thing (issue 6).

``resolve_entities(articles)`` clusters the mentions of every article of a story:

1. Each name mention is parsed (``names.name_core``): descriptors, appositions and asides go
   ("vendor SeaMicro", "Matt Smith, the Doctor"), a title becomes the role ("U.S. President"
   Donald Trump), the name is folded to a key (unidecode, casefold, "al-" and "Inc." dropped)
   and the gazetteer maps country aliases ("U.S.", "America") and demonyms ("Russians") to
   one key. Mentions with one key form a *node*; NER labels, plus cues such as "the town of"
   or a title before the name, are its type votes (type repair).
2. Nodes merge through hashed blocking keys only (near-linear in the number of mentions):
   - transliteration: same phonetic skeleton (``names.skeleton``) and rapidfuzz ratio >= 80;
     below 90, or across NER types, the names' sentences must also share context;
   - people: full names with one surname and the same first name, or one inside the other
     ("Charger Jamal Williams"); a short form ("Trump") joins the only full name with that
     surname; one shared by several ("Johnson") goes, per mention, to the nearest full name
     in its article, else to the one whose context the article shares clearly, else nowhere;
     different surnames never merge (Vladimir Putin / Vladimir Safronkov);
   - acronyms: defined in brackets ("(SOHR)"), or the only name whose initials they are
     (an initialism inside the name spelled out: "U.S. Geological Survey" -> USGS; tried
     again once the qualified-name rule has joined two spellings of the expansion);
   - qualified names: "UN Security Council", "U.S. Surgeon General", "... of the United
     States" meet the bare name when it has no other qualifier (two ministries stay two);
   - short names: "Chargers" joins the only longer name ending in it ("San Diego Chargers");
     "Free Idlib Army" never meets "Idlib" (no rule maps a name to a word inside another);
   - variants (``variants``): a feature word ("Mediterranean Sea" / "Mediterranean"), an
     organisation's first word ("Reliance" / "Reliance Globalcom"), inner words ("Marfin
     Bank" / "Marfin Egnatia Bank"), codes ("I-75" / "Interstate 75"), "Southern"/"South",
     glued particles ("LaCalamita" / "Calamita"), short given names ("Wlad"), a proper first
     word named once ("California Highway Patrol" / "Highway Patrol"); a part of a place
     ("North Sumatra") never joins the whole; a one-word "person" heading a place name of the
     story and cued as a place ("Qeshm" / "Qeshm Island") is that place (type repair);
   - repairs with story-wide evidence (``repair``): a body of two places the story always
     writes "X and Y ..." is one name ("Devon and Somerset Fire and Rescue"; "the EU and IMF"
     stay two); a capitalised person noun opening the name of a person the story names is a
     role ("Receptionist Jane Doe" is Jane Doe, whatever the tagger's type); a bare surname in
     an article naming two namesakes in full ("Charlene Kafoury", "Charlie Kafoury") is the
     one most sources name in full; a name the tagger called a person just before a title and
     another name is the place or body of the title ("Troy police Lt. X": Troy is a place,
     "Troy Police Chief Y": Troy Police a body); a bare surname tagged as an organisation
     ("Pickell said") votes as the full person name it joined.
3. Mentions from other annotators (``adapter.annotate_spans``): common nouns cluster by head
   lemma (with a number before the head: "50 people" is not "40 people") within an event
   group (``groups``: a story of two events of one kind keeps "the gunman" of each apart),
   join a name they spell ("the surgeon general") or the person written with that role ("the
   coach"; any lower-case noun right before the name or ending its apposition is a role:
   "defensive tackle Jamal Williams"), else the one person the articles that use them name
   ("the host"; not a relational noun, "the lawyer" of an article about an actress is
   hers; not a gendered noun for a person of the other gender, "the woman" for "him"); a plural, or a phrase opening with a preposition of place or time ("in the
   head"), is no one person; "the team" (an organisation noun with no name or possessor of
   its own: not "the Obama team") is the organisation its article, or the articles using it,
   name; a plural is not its singular ("the climbers" / "the climber"); "where" is the place
   before it in its sentence, "there" in it or the one before (no person, time or number:
   "the farm where"); a time naming a weekday or a date is that day of its event group (``times``:
   "Friday", "early Friday morning"); a pronoun joins the nearest compatible mention within a
   few sentences ("who", "which", "that": past a mention the one before hangs on by a
   preposition, "the flaw in Ledgerly that") (he/she: of the fitting people there, the one its article has named most).
4. Entities get a canonical name (longest full form, most frequent spelling), aliases, a type
   by vote, a role, per-source mention counts, and ``acts_for`` for capitals, seats and
   demonyms (Moscow, the Kremlin, "Russian" -> Russia; the country is added if never named),
   ``part_of`` for a part of a named place ("North Sumatra" -> Sumatra), ``type_uncertain``
   when under 2/3 of the type votes agree, and fuller written forms among the aliases ("The
   Washington Post", "Idlib province", the description an article gives an acronym: "the UN
   refugee agency (UNHCR)"). An acronym the story also writes as a plural ("KO" beside "KOs"),
   and a capitalised common word that only opens sentences or lines and is written in lower
   case elsewhere ("Videos", "Region"), or a wire named only in a dateline credit ("(Reuters)
   -"), is no entity. A person noun ("the woman") in an
   article about one person is that person.
Before it, ``recover_names`` (``recover``, called by the briefing on NER mentions) adds the
names the tagger missed: a capitalised phrase written in running text three times in two
articles or more and never tagged ("The Hunger Games", "Catching Fire"). Its type is unknown:
only the words around it vote (``mentions.name_cue``: "the charity X" ORG, "the village of X"
GPE, "the film X" OTHER; not "in X"), when two or more mentions agree on 2/3 of the cues.

5. The entities come in salience order (``salience``: outlets naming them in the lede and
   lead, headlines, quoted speakers, outlets, damped mention count; groups, places and
   spokespeople damped),
   numbered e1, e2, ... in that order.

Side effects: ``Mention.entity_id`` is set on every entity mention (numeric and temporal
labels are not entities and stay None); each ``Quote`` whose speaker span or string names
an entity gets ``speaker_entity`` and the canonical ``speaker``.
"""

from __future__ import annotations

from .assembly import resolve_entities
from .mentions import ENTITY_LABELS, NAME_LABEL, NOMINAL_LABEL, PRONOUN_LABEL, RESOLVED_LABELS
from .recover import recover_names

__all__ = [
    "ENTITY_LABELS",
    "NAME_LABEL",
    "NOMINAL_LABEL",
    "PRONOUN_LABEL",
    "RESOLVED_LABELS",
    "recover_names",
    "resolve_entities",
]
