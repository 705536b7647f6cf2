"""Name strings: folding, phonetic skeletons, titles and acronyms.

Everything here is a pure function of a string, so each rule can be tested on its own:

- ``fold``: unidecode, casefold, punctuation and particles ("al-", "el-") removed, so
  "Bashar al-Assad" and "Bashar Assad" share one key and "U.S." becomes "us".
- ``skeleton``: a transliteration-tolerant key per token (kh->k, sh/ch->s, q->k, ph->f,
  medial h dropped, every vowel run (ei/ay/ey/ou/u ...) folded to one vowel, doubled
  letters single), so "Sheikhun", "Sheikhoun" and "Shaykhun" meet.
- ``split_title``: "U.S. President Donald Trump" -> role "U.S. President", name
  "Donald Trump"; a title is an attribute, never part of the name.
- ``initials`` / ``acronym_key``: "Organisation for the Prohibition of Chemical Weapons"
  has initials "opcw", which is the acronym key of "OPCW" and "O.P.C.W.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unidecode import unidecode

from .. import language

# Titles, ranks and offices that precede a person's name.
TITLE_WORDS = frozenset(
    """
    president vice-president vice president-elect prime premier minister secretary deputy
    ambassador envoy representative delegate spokesman spokeswoman spokesperson
    king queen prince princess emir sultan sheikh shaikh crown ayatollah imam pope cardinal
    archbishop bishop reverend rev pastor rabbi chancellor senator sen rep congressman
    congresswoman governor gov mayor councillor councilman councilwoman lawmaker general gen
    lieutenant lt colonel col major maj captain capt commander cmdr admiral adm sergeant sgt
    corporal cpl private pvt marshal brigadier commissioner superintendent inspector
    detective officer constable chief ceo cfo coo chairman chairwoman chairperson chair
    director head leader judge justice magistrate prosecutor attorney counsel coach
    manager striker goalkeeper midfielder defender captain-elect professor prof dr doctor
    mr mrs ms miss mx sir dame lord lady baron baroness founder co-founder executive
    analyst researcher economist correspondent reporter editor anchor actor actress singer
    rapper
    """.split()
)  # not given names that double as titles (Dean, Star, Chase): "Dean Smith" is a name
# Words that make a title only in a compound ("Foreign Minister", "Secretary of State").
DEPARTMENT_WORDS = frozenset(
    """
    foreign defense defence interior home justice health finance state affairs homeland
    security treasury commerce trade energy education labor labour transport war
    environment agriculture economy culture information communications intelligence
    """.split()
)
MODIFIER_WORDS = frozenset("former acting then interim outgoing incoming late ex senior top".split())
HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame".split())
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
PARTICLES = frozenset("al el".split())
CORPORATE_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company ltd limited llc plc ag sa gmbh nv".split()
)
ABBREVIATIONS = {"mt": "mount", "ft": "fort", "pres": "president", "mideast": "middle east"}
# words that count a common noun ("fifty people" is not "forty people")
NUMBER_WORDS = frozenset(language.NUMBER_WORDS) | frozenset(
    "hundred hundreds thousand thousands million millions billion billions dozen dozens".split()
)
ACRONYM_STOP = frozenset("of for the and on in at to de du des la le fur a an".split())
GENERIC_PLACE = frozenset(
    "province city town village region district governorate county area state capital".split()
)

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_PUNCT = re.compile(r"[^\w\s]")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,8}$|^[A-Z][A-Z&]{1,7}$")


def clean_surface(text: str) -> str:
    """Collapse whitespace, drop a leading article, a trailing possessive and outer punctuation."""
    s = " ".join(text.split())
    s = s.strip(" \"'“”‘’«»()[]{},;:!?")
    s = re.sub(r"^(?:the|The|THE)\s+", "", s)
    s = _POSSESSIVE.sub("", s)
    return s.strip(" \"'“”‘’«»()[]{},;:!?-–—")


def _fold_token(token: str) -> str:
    t = unidecode(token).lower().replace(".", "")
    return _PUNCT.sub("", t)


def fold_tokens(text: str) -> list[str]:
    """Folded tokens of a name, particles and name suffixes dropped (unless nothing is left)."""
    raw = re.split(r"[\s\-–—/]+", unidecode(clean_surface(text)))
    toks = [t for t in (_fold_token(x) for x in raw) if t]
    toks = [ABBREVIATIONS.get(t, t) for t in toks]
    kept = [t for t in toks if t not in PARTICLES and t not in NAME_SUFFIXES]
    while len(kept) > 1 and kept[-1] in CORPORATE_SUFFIXES:
        kept.pop()  # "Intel Corp." is Intel
    return kept or toks


def fold(text: str) -> str:
    """The exact-match key of a name: "Bashar al-Assad" -> "bashar assad"."""
    return " ".join(fold_tokens(text))


def skeleton_token(token: str) -> str:
    """A transliteration-tolerant key of one folded token."""
    s = re.sub(r"(.)\1+", r"\1", token)
    if len(s) > 3 and s.endswith("s") and not s.endswith("ss"):
        s = s[:-1]  # a plural s: "Pictures" / "Picture"
    if len(s) > 4 and s.endswith("re") and s[-3] not in "aeiouy":
        s = s[:-2] + "er"  # British and American spelling: "Centre" / "Center", "Theatre"
    if len(s) > 3 and s.endswith("e"):
        s = s[:-1]  # a silent final e: "Raite" / "Rait"
    for a, b in (("kh", "k"), ("gh", "g"), ("ph", "f"), ("ck", "k"), ("sh", "s"), ("ch", "s"),
                 ("th", "t"), ("dh", "d"), ("q", "k"), ("z", "s"), ("w", "v"), ("b", "v")):
        s = s.replace(a, b)
    s = s[:1] + s[1:].replace("h", "")
    s = re.sub(r"[aeiouy]+", "a", s)
    return re.sub(r"(.)\1+", r"\1", s)


def skeleton(text: str) -> str:
    return " ".join(skeleton_token(t) for t in fold_tokens(text))


def is_acronym(text: str) -> bool:
    """One token of 2-8 capitals ("OPCW", "U.N.", "AT&T")."""
    return bool(_ACRONYM.match(clean_surface(text)))


def acronym_key(text: str) -> str:
    return re.sub(r"[^a-z]", "", unidecode(clean_surface(text)).lower())


def initials(text: str) -> set[str]:
    """Possible acronyms of a multi-word name: content words only, every word but 'the', and
    content words with an initialism in the name spelled out ("U.S. Geological Survey": usgs)."""
    words = [w for w in re.split(r"[\s\-–—/]+", unidecode(clean_surface(text))) if w]
    words = [re.sub(r"[^A-Za-z&]", "", w) for w in words]
    words = [w for w in words if w]
    if len(words) < 2:
        return set()
    content = "".join(w[0] for w in words if w.lower() not in ACRONYM_STOP).lower()
    most = "".join(w[0] for w in words if w.lower() != "the").lower()
    # an initialism inside the name keeps all its letters: "U.S. Geological Survey" -> usgs
    spelled = "".join(
        w if len(w) >= 2 and w.isupper() else w[0]
        for w in words if w.lower() not in ACRONYM_STOP
    ).lower()
    return {k for k in (content, most, spelled) if len(k) >= 2}


def _norm_word(word: str) -> str:
    return _POSSESSIVE.sub("", word).strip(".,").lower()


def _is_roleish(words: list[str], i: int) -> bool:
    w = _norm_word(words[i])
    if w in TITLE_WORDS:
        return True
    if w in DEPARTMENT_WORDS:
        prev = _norm_word(words[i - 1]) if i > 0 else ""
        nxt = _norm_word(words[i + 1]) if i + 1 < len(words) else ""
        return prev == "of" or nxt in TITLE_WORDS
    return False


def _prefix_ok(word: str) -> bool:
    w = _norm_word(word)
    return (
        w in TITLE_WORDS
        or w in DEPARTMENT_WORDS
        or w in MODIFIER_WORDS
        or w in {"of", "the", "for", "and"}
        or word[:1].isupper()
        or word.endswith(("-", "'s", "’s"))
    )


@dataclass(slots=True)
class ParsedName:
    name: str  # the name without titles, as written
    role: str | None  # the title part, as written ("U.S. President")


def split_title(text: str, person: bool) -> ParsedName:
    """Separate a leading title or honorific from a name.

    For a person (``person=True``) every leading run of title words, modifiers and capitalised
    qualifiers ending in a title word is the role; otherwise only honorifics (Mr, Dr) go.
    A title with no capitalised name after it ("Martin Luther King") stays in the name."""
    s = clean_surface(text)
    words = s.split()
    cut = -1
    limit = len(words) - 1
    for i in range(limit):
        if not _prefix_ok(words[i]):
            break
        nxt = words[i + 1]
        name_follows = nxt[:1].isupper() and _norm_word(nxt) not in NAME_SUFFIXES
        if person and _is_roleish(words, i) and name_follows:
            cut = i
        elif _norm_word(words[i]) in HONORIFICS and name_follows and cut == i - 1:
            cut = i
    if cut < 0:
        return ParsedName(s, None)
    # a cut before a further title word keeps going ("Foreign Minister" after "Canada's")
    name = " ".join(words[cut + 1 :])
    role = " ".join(words[: cut + 1])
    if _norm_word(words[cut]) in HONORIFICS and cut == 0:
        return ParsedName(name, None)
    return ParsedName(name, role)


_PAREN = re.compile(r"\s*\(\s*([^()]*?)\s*(?:\)|$)")


@dataclass(slots=True)
class NameCore:
    name: str  # the name itself
    role: str | None  # a title written with it (people only)
    acronym: str | None  # an acronym given in parentheses: "Advanced Micro Devices (AMD)"


# an institution or site named with the place it is in: "the Betty Ford Center in Rancho Mirage"
_INSTITUTION_WORDS = (
    "center|centre|clinic|hospital|hotel|prison|jail|store|shop|bank|club|university|college|"
    "school|academy|airport|station|stadium|arena|church|mosque|temple|museum|theatre|theater|"
    "court|courthouse|plant|factory|mall|market|supermarket|restaurant|cafe|bar|park|zoo|"
    "library|institute|laboratory|headquarters|office|base|camp|port|harbour|harbor|bridge"
)
_LOCATED = re.compile(
    rf"^(.*?\b(?:{_INSTITUTION_WORDS}))\s+(?:in|near|at|outside|on)\s+(?:the\s+)?[A-Z].*$",
    re.IGNORECASE)


def name_core(text: str, person: bool) -> NameCore:
    """The name inside a longer mention: descriptors, appositions and asides removed.

    "vendor SeaMicro" -> SeaMicro; "Matt Smith, the Doctor" -> Matt Smith; "in Gaza" -> Gaza;
    "Advanced Micro Devices (AMD)" -> Advanced Micro Devices with acronym AMD;
    "Indonesia's Aceh" -> Aceh (not for people); for people the
    leading title becomes the role ("U.S. President Donald Trump")."""
    s = " ".join(text.split())
    # tokenised input: "Dr . Regina Benjamin , MD", "U . S . Surgeon General"
    s = re.sub(r"\s+([.,;:!?)])", r"\1", s).replace("( ", "(")
    s = re.sub(r"\b([A-Z])\.\s(?=[A-Z]\.)", r"\1.", s)
    acronym = None
    paren = _PAREN.search(s)
    if paren is not None and paren.start() > 0:
        inner = paren.group(1).strip()
        if is_acronym(inner):
            acronym = clean_surface(inner)
        s = s[: paren.start()].strip()
    if "," in s:
        first = s.split(",", 1)[0].strip()
        if any(w[:1].isupper() for w in first.split()):
            s = first  # "Matt Smith, the Doctor"; "Fort Smith, Ark."
    if not person:
        located = _LOCATED.match(s)
        if located is not None:
            s = located.group(1)  # "Betty Ford Center in Rancho Mirage": the place is another
    words = s.split()
    i = 0
    while i < len(words) - 1 and not words[i][:1].isupper() and not words[i][:1].isdigit():
        if person and _is_roleish(words, i):
            break
        i += 1  # leading lowercase words: prepositions and descriptors ("vendor SeaMicro")
    words = words[i:]
    if not person and len(words) > 1 and _POSSESSIVE.search(words[0]) and words[1][:1].isupper():
        words = words[1:]  # "Indonesia's Aceh": the qualifier is another entity
    parsed = split_title(" ".join(words), person=person)
    return NameCore(parsed.name, parsed.role, acronym)


def is_role_only(text: str) -> bool:
    """A title with no name: "President", "US President-elect", "the Coach"."""
    words = [w for w in re.split(r"[\s]+", clean_surface(text)) if w]
    if not words:
        return False
    while len(words) > 1 and (is_acronym(words[0]) or _POSSESSIVE.search(words[0])):
        words = words[1:]
    return all(_norm_word(w) in TITLE_WORDS or _norm_word(w) in MODIFIER_WORDS for w in words) and (
        _norm_word(words[-1]) in TITLE_WORDS
    )
