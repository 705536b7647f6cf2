"""Normalise who holds a claim through the resolved entities (aliases, ``acts_for``).

A holder is shown by its canonical name: a person keeps their own name, a place or office that
stands for a state (Moscow, the Kremlin) is shown as that state (``acts_for``). The *camp* of a
holder is the root of its ``acts_for`` chain, extended by two general text rules when entity
resolution left no link: a demonym names its country ("Syrian" -> Syria when a GPE "Syria"
exists) and a nationality adjective in a title names the person's country ("Deputy Russian UN
Ambassador Vladimir Safronkov" -> Russia)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import AnnotatedArticle, Entity, Mention
from ..resolve.entities.salience import news_sources

HOLDER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
_TITLE_GAP = re.compile(
    r"^(?:(?:[A-Z][\w.\-]*|of|the|to|for|and|deputy|acting|former|foreign|prime|vice|chief|"
    r"president|minister|ambassador|envoy|spokes(?:man|woman|person)|official|secretary|general|"
    r"commander|leader|representative|senator|governor|mayor|director|head)\s+){0,5}$"
)
_WORD = re.compile(r"[A-Za-z][\w'\-]*")
# a news organisation by the shape of its name: a masthead or broadcaster word, capitalised
# ("The Evening Chronicle", "10News", "Channel 4 News", "Kyodo News Agency") or a wire service
_MEDIA_NAME = re.compile(
    r"(?:News|Times|Post(?!\s+Office)|Journal|Tribune|Herald|Reporter|Gazette|Telegraph|Chronicle|"
    r"Courier|Daily|Press(?!\s+(?:Office|Secretary))|Magazine|Radio|TV|Television|Broadcasting|"
    r"Newspaper|Inquirer|Dispatch|Examiner|Newswire)\b|\b(?:Reuters|AFP|BBC|CNN|Bloomberg|Xinhua|"
    r"Interfax|Kyodo|Yonhap|TASS|NPR|NBC|CBS|ABC|MSNBC|Al\s+Jazeera)\b")
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Messrs|Sir|Dame|Madam|Mme|Mlle|Herr|Frau|Señor|Senor)\.?", re.I)


@dataclass(slots=True)
class Actor:
    """A holder or answer phrase resolved as far as the entities allow."""

    name: str  # display name
    key: str  # entity id (or "text:<normalised head>") of the holder itself
    camp: str  # entity id of the root it acts for (or key when none)
    entity: Entity | None = None


@dataclass
class HolderIndex:
    entities: list[Entity]
    articles: list[AnnotatedArticle]
    by_id: dict[str, Entity] = field(default_factory=dict)
    by_alias: dict[str, Entity] = field(default_factory=dict)
    by_span: dict[tuple[str, int, int], Entity] = field(default_factory=dict)
    affiliation: dict[str, str] = field(default_factory=dict)  # entity id -> entity id (text rules)
    news: set[str] = field(default_factory=set)  # entity ids cited as the source of a report
    outlets: set[str] = field(default_factory=set)  # the story's outlets, normalised

    def __post_init__(self) -> None:
        for e in self.entities:
            self.by_id[e.id] = e
            for alias in (e.name, *e.aliases):
                self.by_alias.setdefault(_norm(alias), e)
            for sp in e.mentions:
                self.by_span[(sp.source_id, sp.start, sp.end)] = e
        for art in self.articles:
            for m in art.mentions:
                if m.entity_id and m.entity_id in self.by_id:
                    self.by_span.setdefault((m.source_id, m.start, m.end), self.by_id[m.entity_id])
        self._link_demonyms()
        self._link_titles()
        self.news = news_sources(self.entities, self.articles)
        self.outlets = {_norm(a.article.outlet) for a in self.articles if a.article.outlet}

    def is_outlet(self, actor: Actor) -> bool:
        """The holder is the press reporting the story, not a party to it: an entity the
        sources cite as the source of a report ("IRNA reported", "told Reuters"), one of the
        story's outlets or a name shaped like a masthead or broadcaster ("the Evening
        Chronicle", "10News in San Diego"). A person is never one: a reporter who is a party
        (a journalist disputing a charge) holds their side."""
        if actor.entity is not None and actor.entity.type == "PERSON":
            return False
        if actor.entity is not None and actor.entity.id in self.news:
            return True
        base = re.sub(r"\s*\([^)]*\)\s*$", "", actor.name).strip()
        return _norm(base) in self.outlets or bool(_MEDIA_NAME.search(base))

    # ------------------------------------------------------------------ linking rules

    def _link_demonyms(self) -> None:
        """"Syrian"/"Syrians" (NORP) -> "Syria" (GPE) when the GPE name starts the demonym."""
        # each GPE name normalised once (not once per NORP entity)
        gpes = [(g, _norm(g.name)) for g in self.entities if g.type == "GPE"]
        for e in self.entities:
            if e.type != "NORP" or e.acts_for:
                continue
            forms = {_norm(a) for a in (e.name, *e.aliases)}
            for g, gname in gpes:
                if len(gname) >= 4 and any(
                    f != gname and f.startswith(gname) and len(f) - len(gname) <= 3 for f in forms
                ):
                    self.affiliation[e.id] = g.id
                    break

    def _link_titles(self) -> None:
        """A NORP/GPE mention inside the title right before a PERSON mention names the person's
        country: "Syrian President Bashar al-Assad", "Deputy Russian UN Ambassador X". Failing
        a country, an organisation the title names is the person's: "California Highway Patrol
        Officer X", "Acme Corporation spokeswoman Y" (in the text before the name, or in the
        role entity resolution kept)."""
        self._link_title_mentions({"NORP", "GPE"})
        self._link_roles()
        self._link_title_mentions({"ORG"})

    def _link_title_mentions(self, labels: set[str]) -> None:
        for art in self.articles:
            text = art.article.text
            ms = sorted(art.mentions, key=lambda m: m.start)
            for i, m in enumerate(ms):
                if m.label != "PERSON":
                    continue
                person = self.entity_at(m)
                if person is None or person.acts_for or person.id in self.affiliation:
                    continue
                for prev in reversed(ms[max(0, i - 3) : i]):
                    if prev.label not in labels:
                        continue
                    gap = " ".join(text[prev.end : m.start].split())
                    if len(gap) > 60 or not _TITLE_GAP.match(gap + " " if gap else ""):
                        continue
                    country = self.entity_at(prev)
                    if country is not None and country.id != person.id:
                        self.affiliation[person.id] = self.root(country).id
                        break

    def _link_roles(self) -> None:
        """A person whose role names an organisation of the story (its name or an alias, as
        whole words, the longest) acts for it."""
        orgs = sorted(((_norm(a), e) for e in self.entities if e.type == "ORG" for a in (e.name, *e.aliases)
                       if len(_norm(a)) >= 2), key=lambda x: -len(x[0]))
        for e in self.entities:
            if e.type != "PERSON" or not e.role or e.acts_for or e.id in self.affiliation:
                continue
            role = " " + " ".join(_WORD.findall(e.role)).lower() + " "
            for name, org in orgs:
                if f" {name} " in role:
                    self.affiliation[e.id] = self.root(org).id
                    break

    # ------------------------------------------------------------------ lookups

    def entity_at(self, m: Mention) -> Entity | None:
        e = self.by_span.get((m.source_id, m.start, m.end))
        if e is None and m.entity_id:
            e = self.by_id.get(m.entity_id)
        if e is None:
            e = self.by_alias.get(_norm(m.text))
        return e

    def root(self, e: Entity) -> Entity:
        seen = {e.id}
        cur = e
        while True:
            nxt_id = cur.acts_for or self.affiliation.get(cur.id)
            if not nxt_id or nxt_id in seen or nxt_id not in self.by_id:
                return cur
            seen.add(nxt_id)
            cur = self.by_id[nxt_id]

    def actor_for_entity(self, e: Entity, role: str | None = None) -> Actor:
        """A person keeps their name, with the role the sources give ("X (deputy ambassador)");
        a place or office acting for a state is shown as that state."""
        root = self.root(e)
        if e.type == "PERSON":
            role = role or e.role
            if role and _HONORIFIC.fullmatch(role.strip()):
                role = None  # "Mr", "Mrs": a form of address, not a role
            if role and re.search(r"[’']s?$", role.strip()):
                role = None  # "New Democracy's": a possessor cut from its noun, not a role
            name = f"{e.name} ({role})" if role and role.lower() not in e.name.lower() else e.name
            return Actor(name=name, key=e.id, camp=root.id, entity=e)
        target = e
        if e.acts_for and e.acts_for in self.by_id:
            target = self.root(e)  # Moscow / the Kremlin speak as Russia
        return Actor(name=target.name, key=target.id, camp=root.id, entity=target)

    def actors_in(self, art: AnnotatedArticle, start: int, end: int) -> list[Actor]:
        """Every holder-like entity mentioned inside [start, end), in text order."""
        out: list[Actor] = []
        seen: set[str] = set()
        for m in sorted(art.mentions, key=lambda m: m.start):
            if m.start < start or m.end > end or m.label not in HOLDER_LABELS:
                continue
            e = self.entity_at(m)
            actor = (
                self.actor_for_entity(e)
                if e is not None
                else Actor(name=m.text, key="text:" + _norm(m.text), camp="text:" + _norm(m.text))
            )
            if actor.key not in seen:
                seen.add(actor.key)
                out.append(actor)
        return out

    def actor_by_name(self, name: str) -> Actor:
        e = self.by_alias.get(_norm(name))
        if e is not None:
            return self.actor_for_entity(e)
        key = "text:" + head_key(name)
        return Actor(name=name.strip(), key=key, camp=key)


def _norm(s: str) -> str:
    s = re.sub(r"[’']s$", "", s.strip())
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    return re.sub(r"\s+", " ", s).lower()


def head_key(phrase: str) -> str:
    """A crude head noun for a phrase with no entity: last word, lower-cased, singular."""
    phrase = re.sub(r"\s+(?:in\s+question|concerned|involved)\s*$", "", phrase, flags=re.I)  # "the firm in question"
    words = _WORD.findall(phrase)
    if not words:
        return _norm(phrase)
    w = words[-1].lower()
    w = re.sub(r"'s$", "", w)
    if len(w) > 3 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w
