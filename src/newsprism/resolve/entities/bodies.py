"""A person's body is that person: "his body", "Okafor's body", "the body of Mr Okafor" name the
dead person the story is about, not a thing of its own (the convention of news coreference
corpora such as ECB+, and what a reader of the briefing wants)."""

from __future__ import annotations

import re
from collections import defaultdict

from ..names import fold
from .gender import root_genders
from .mentions import PRONOUN_CLASSES, Item, Node

BODY_HEADS = frozenset("body corpse remains".split())
WINDOW = 3  # sentences back to look for the person "his" or "her" stands for
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)\s*(?:'s|\u2019s|')\s+(?:\w+\s+)?(?:body|corpse|remains)$")
_OF = re.compile(r"^(?:the\s+)?(?:body|corpse|remains)\s+of\s+(?P<owner>.+)$", re.IGNORECASE)


def _person(it: Item, nodes: dict[str, Node]) -> bool:
    node = nodes.get(it.key)
    return it.kind == "name" and node is not None and node.type == "PERSON"


def link_bodies(items: list[Item], nodes: dict[str, Node], root_of: dict[int, str]) -> None:
    """Run after the pronouns are linked: "his body" joins the person its "his" stands for (the
    nearest "he" before it, or the nearest person named before it whom the story
    does not show is a woman, within WINDOW sentences), "Okafor's body" and "the
    body of Okafor" join the one person of the article, else of the story, so named. A plural
    ("their bodies") is left alone."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_source[it.mention.source_id].append(i)
    genders = root_genders(items, nodes, root_of)
    for idxs in by_source.values():
        for pos, i in enumerate(idxs):
            it = items[i]
            words = it.mention.text.split()
            if it.kind != "nominal" or not words or words[-1].lower() not in BODY_HEADS \
                    and not _OF.match(it.mention.text):
                continue
            target = _owner(it, items, idxs, pos, nodes, root_of, genders)
            if target is not None:
                root_of[i] = target


def _owner(it: Item, items: list[Item], idxs: list[int], pos: int, nodes: dict[str, Node],
           root_of: dict[int, str], genders: dict[str, str]) -> str | None:
    text = it.mention.text.strip()
    first = text.split()[0].lower()
    cls = next((c for c in ("m", "f") if first in PRONOUN_CLASSES[c]), None)
    if cls is not None:
        for j in reversed(idxs[:pos]):
            cand = items[j]
            if it.mention.sentence - cand.mention.sentence > WINDOW:
                break
            if cand.kind == "pronoun" and cand.mention.text.strip().lower() in PRONOUN_CLASSES[cls]:
                return root_of[j] if root_of[j] != cand.key else None
            if _person(cand, nodes) and genders.get(root_of[j], cls) == cls:
                return root_of[j]
        return None
    found = _POSSESSIVE.match(text) or _OF.match(text)
    if found is None:
        return None
    key = fold(found.group("owner"))
    for scope in (idxs, range(len(items))):  # the article first, then the story
        roots = {root_of[j] for j in scope if items[j].key == key and _person(items[j], nodes)}
        if not roots:  # a surname: the one person whose name ends with it
            roots = {root_of[j] for j in scope if _person(items[j], nodes)
                     and items[j].key.split()[-1:] == key.split()[-1:]}
        if roots:
            return next(iter(roots)) if len(roots) == 1 else None
    return None
