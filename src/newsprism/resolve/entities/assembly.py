"""resolve_entities: nodes merged into Entity records with a canonical name, and quotation speakers
linked to them."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from ...model import AnnotatedArticle, Entity, Span
from ..gazetteer import Gazetteer, load_gazetteer
from ..names import GENERIC_PLACE, HONORIFICS, fold, fold_tokens, split_title
from .bodies import link_bodies
from .groups import event_groups
from .mentions import COARSE, ENTITY_LABELS, Item, Node, UnionFind, parse_name, prepare, type_vote
from .merging import (
    build_nodes,
    merge_acronyms,
    merge_defined_acronyms,
    merge_leftover_countries,
    merge_parent_prefix,
    merge_people,
    merge_short_names,
    merge_transliterations,
)
from .orgnames import generic_body, merge_org_prefixes
from .repair import (
    join_coordinated_names,
    retype_party_names,
    retype_title_owners,
    short_form_votes,
    strip_person_nouns,
)
from .routing import link_place_adverbs, link_role_nouns, resolve_pronouns, route_ambiguous
from .salience import is_common_word, is_credit, lower_words, plural_acronyms, rank
from .times import time_keys
from .variants import (
    PART_WORDS,
    is_part_name,
    merge_codes,
    merge_direction_variants,
    merge_domains,
    merge_features,
    merge_inner_words,
    merge_org_first_words,
    merge_people_variants,
    repair_cued_places,
    repair_place_types,
)


def _canonical(node_list: list[Node], gaz: Gazetteer) -> str:
    for n in node_list:
        if n.key.startswith("country:"):
            return gaz.country_name(n.key.split(":", 1)[1])
    for n in node_list:
        if n.key.startswith("demonym:") and n.country is not None:
            return gaz.countries[n.country[1]].demonym or n.surfaces.most_common(1)[0][0]
    full = [n for n in node_list if not n.acronym] or node_list
    # "Police Department" beside "NYPD": a name of organisation words only names no one body
    full = ([n for n in full if not generic_body(n.key)]
            or [n for n in node_list if not generic_body(n.key)] or node_list)
    if len(full) > 1:
        # a longer form of a thing written once beside a name written many times is more likely
        # a tagging slip ("In terms of AF Samsung uses ...") than its full name; a person's full
        # name is often written once per article and keeps its place
        most = max(sum(n.surfaces.values()) for n in full)
        kept = [n for n in full if n.type == "PERSON" or sum(n.surfaces.values()) > 1 or most < ONCE_AGAINST]
        full = kept or full
    best = max(full, key=lambda n: (n.ntokens, sum(n.surfaces.values())))
    # the most frequent spelling of that name, ties to the first written
    return best.surfaces.most_common(1)[0][0]


ONCE_AGAINST = 10  # mentions of a name that outweigh a longer form of it written once
TYPE_AGREEMENT = 2 / 3  # below this share of agreeing type votes an entity's type is uncertain


def resolve_entities(articles: list[AnnotatedArticle]) -> list[Entity]:
    """Cluster every entity mention of every article into cross-document entities."""
    gaz = load_gazetteer(fold)
    parts = join_coordinated_names(articles)  # "Devon and Somerset Fire and Rescue": one name
    items = prepare(articles, gaz, parts)
    strip_person_nouns(items)  # "Receptionist Jane Doe" is the person Jane Doe
    texts = {a.source_id: a.article.text for a in articles}
    retype_title_owners(items, texts)  # "Troy police Lt. X": Troy is a place there
    groups = event_groups(articles)
    if len(set(groups.values())) > 1:  # "the gunman" of one event is not the other's
        for it in items:
            if it.kind == "nominal":
                it.key = f"{it.key}:g{groups.get(it.mention.source_id, 0)}"
    same_days = time_keys(items, groups)
    nodes = build_nodes(items, articles, gaz)
    repair_place_types(items, nodes)
    repair_cued_places(items, nodes, texts)
    retype_party_names(items, nodes, texts)  # "the Syriza party": a body, not a place
    uf = UnionFind()
    for key in nodes:
        uf.find(key)
    for a, b in same_days:
        uf.union(a, b)
    merge_defined_acronyms(items, nodes, uf)
    merge_transliterations(nodes, uf)
    merge_direction_variants(nodes, uf)
    merge_acronyms(nodes, uf)
    merge_people_variants(nodes, uf)
    ambiguous = merge_people(nodes, uf)
    merge_leftover_countries(nodes, uf, gaz, ambiguous)
    lowered = lower_words(articles)  # words the story writes in lower case somewhere
    merge_parent_prefix(nodes, uf, gaz, lowered)
    merge_acronyms(nodes, uf)  # expansions the qualified-name rule joined are one candidate
    merge_short_names(nodes, uf)
    merge_org_prefixes(items, nodes, uf, texts)  # "Betty Ford" / "Betty Ford Center"
    merge_features(nodes, uf)
    merge_org_first_words(nodes, uf)
    merge_inner_words(nodes, uf, gaz)
    merge_codes(nodes, uf)
    merge_domains(nodes, uf)
    routed = route_ambiguous(items, nodes, uf, ambiguous, articles)

    root_of = {
        i: routed.get(i, uf.find(it.key)) for i, it in enumerate(items) if it.kind != "pronoun"
    }
    link_role_nouns(items, nodes, root_of, groups, texts)
    link_place_adverbs(items, nodes, root_of)  # "the farm where ...": that farm
    resolve_pronouns(items, nodes, root_of, texts)
    link_bodies(items, nodes, root_of)  # "his body": that man
    clusters: dict[str, list[int]] = defaultdict(list)
    for i in range(len(items)):
        clusters[root_of[i]].append(i)
    plural = plural_acronyms(articles)
    by_source = {a.source_id: a for a in articles}
    for root in list(clusters):
        names = [items[i] for i in clusters[root] if items[i].kind == "name"]
        if not names or len(names) < len(clusters[root]) or any(
            it.mention.label not in ENTITY_LABELS for it in names
        ):
            continue  # a cluster with common nouns, pronouns or untyped names is not judged here
        spots = [(by_source[it.mention.source_id], it.mention.start, it.mention.end,
                  it.mention.sentence) for it in names if it.mention.source_id in by_source]
        # "KO" beside "KOs"; "Videos" opening a sentence beside "videos": common words;
        # "(Reuters) -" and nothing else: a dateline credit
        if (plural and all(it.name in plural for it in names)) or (
            len(spots) == len(names)
            and (is_common_word(spots, lowered) or is_credit(spots))
        ):
            for i in clusters.pop(root):
                items[i].mention.entity_id = None

    ordered = sorted(clusters.items(), key=lambda kv: (-len(kv[1]), items[kv[1][0]].order))
    entities: list[Entity] = []
    by_country: dict[str, Entity] = {}
    pending_acts: list[tuple[Entity, str]] = []
    members: dict[str, set[str]] = defaultdict(set)  # root -> node keys (items' and added)
    for key in nodes:
        members[uf.find(key)].add(key)
    for n, (root, idxs) in enumerate(ordered, start=1):
        node_keys = {items[i].key for i in idxs} | members.get(root, set())
        node_list = [nodes[k] for k in sorted(node_keys) if k in nodes]
        votes = short_form_votes(idxs, items)  # "Pickell" votes as "Robert Pickell"
        etype = type_vote(votes)
        total = sum(votes.values())
        agree = sum(v for t, v in votes.items() if COARSE.get(t) == COARSE.get(etype))
        uncertain = total >= 2 and agree < TYPE_AGREEMENT * total
        country = next((nd.country for nd in node_list if nd.country is not None), None)
        if country is not None and country[0] in {"name", "capital"}:
            etype, uncertain = "GPE", False
        elif country is not None and country[0] == "demonym":
            etype, uncertain = "NORP", False
        name = _canonical(node_list, gaz) if node_list else items[idxs[0]].name
        surfaces: Counter[str] = Counter(items[i].name for i in idxs if items[i].kind != "pronoun")
        surfaces.update(w for i in idxs if (w := items[i].written) is not None)
        aliases = [s for s, _ in surfaces.most_common() if s != name]
        # an honorific is not a role ("Mrs Obama": no role 'Mrs')
        roles = Counter(r for i in idxs if (r := items[i].role) and fold(r).strip(".") not in HONORIFICS)
        counts: Counter[str] = Counter(items[i].mention.source_id for i in idxs)
        ent = Entity(
            id=f"e{n}",
            name=name,
            type=etype,
            aliases=aliases,
            mentions=[
                Span(items[i].mention.source_id, items[i].mention.start, items[i].mention.end)
                for i in idxs
            ],
            role=roles.most_common(1)[0][0] if roles else None,
            mention_counts=dict(counts),
            type_uncertain=uncertain,
        )
        for i in idxs:
            items[i].mention.entity_id = ent.id
        entities.append(ent)
        if country is not None and country[0] == "name":
            by_country.setdefault(country[1], ent)
        elif country is not None:
            pending_acts.append((ent, country[1]))
    for ent, country_name in pending_acts:
        target = by_country.get(country_name)
        if target is None:  # the country itself is never named: add it, without mentions
            target = Entity(id=f"e{len(entities) + 1}", name=country_name, type="GPE")
            entities.append(target)
            by_country[country_name] = target
        ent.acts_for = target.id
    _link_speakers(articles, entities, nodes, uf, gaz, items, clusters)
    _link_parts(entities)
    return rank(entities, articles)


def _link_parts(entities: list[Entity]) -> None:
    """``part_of``: "North Sumatra", "Central Aceh district" are parts of the story's "Sumatra",
    "Aceh" (a compass or position word before, a generic place word after the whole's name)."""
    places = {"GPE", "LOC", "OTHER"}
    whole: dict[str, str] = {}
    for e in entities:
        if e.type in places:
            for form in (e.name, *e.aliases):
                whole.setdefault(fold(form), e.id)
    for e in entities:
        if e.type not in places:
            continue
        for form in (e.name, *e.aliases):
            toks = fold_tokens(form)
            if not is_part_name(toks):
                continue
            rest = toks[1:] if toks[0] in PART_WORDS else toks
            if rest and rest[-1] in GENERIC_PLACE:
                rest = rest[:-1]
            target = whole.get(" ".join(rest))
            if target is not None and target != e.id:
                e.part_of = target
                break


def _link_speakers(
    articles: list[AnnotatedArticle],
    entities: list[Entity],
    nodes: dict[str, Node],
    uf: UnionFind,
    gaz: Gazetteer,
    items: list[Item],
    clusters: dict[str, list[int]],
) -> None:
    """Point each quote at its speaker's entity, by span first, then by name.

    Of the mentions inside a speaker span ("deputy Russian UN ambassador Vladimir Safronkov")
    a person wins over an organisation over a place or group, and the later one on ties."""
    by_id = {e.id: e for e in entities}
    rank = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 3, "NORP": 4}
    root_entity: dict[str, str] = {}
    for root, idxs in clusters.items():
        eid = items[idxs[0]].mention.entity_id
        if eid is not None:
            root_entity[root] = eid
    last_name: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        if e.type == "PERSON":
            toks = fold_tokens(e.name)
            if toks:
                last_name[toks[-1]].add(e.id)
    for art in articles:
        spans = sorted(
            (m.start, m.end, m.entity_id) for m in art.mentions if m.entity_id is not None
        )
        starts = [sp[0] for sp in spans]
        for q in art.quotes:
            eid: str | None = None
            if q.speaker_start is not None and q.speaker_end is not None:
                hi = bisect.bisect_left(starts, q.speaker_end)
                inside = [(s, e, mid) for s, e, mid in spans[:hi] if q.speaker_start < e]
                if inside:
                    best = min(inside, key=lambda x: (rank.get(by_id[x[2]].type, 5), -x[1]))
                    eid = best[2]
            if eid is None and q.speaker:
                for label in ("PERSON", "ORG"):
                    key = parse_name(q.speaker, label, gaz)[2]
                    if key in nodes:
                        eid = root_entity.get(uf.find(key))
                        break
                if eid is None:
                    key = fold(split_title(q.speaker, person=True).name)
                    if key and len(last_name.get(key.split()[-1], ())) == 1:
                        eid = next(iter(last_name[key.split()[-1]]))
            if eid is None and q.speaker:
                eid = _described_body(art, q.speaker, q.start, entities)
            if eid is not None and eid in by_id:
                q.speaker_entity = eid
                q.speaker = by_id[eid].name


# "the bank", "the company", "the ministry": a definite description of a body
_DESCRIBED = re.compile(r"^[Tt]he\s+(?P<noun>[a-z][a-z-]+)$")


def _described_body(art: AnnotatedArticle, speaker: str, pos: int,
                    entities: list[Entity]) -> str | None:
    """The one organisation of the story whose name ends in a description speaker's noun
    ("The bank" said ...: "Harrowgate Bank"), unless the article introduced an unnamed one
    with that noun before ("a bank in Leeds ... the bank said") or the story names two."""
    m = _DESCRIBED.match(speaker.strip())
    if m is None:
        return None
    noun = m.group("noun")
    fits = [e.id for e in entities if e.type == "ORG" and fold_tokens(e.name)
            and fold_tokens(e.name)[-1] in (noun, noun + "s")]
    if len(fits) != 1:
        return None
    # "a bank in Leeds", "a bank, ...", "a bank that ...": the noun heads the phrase (not "a
    # former bank manager")
    intro = rf"\b[Aa]n?\s+(?:[\w-]+\s+){{0,2}}?{re.escape(noun)}(?=\s*[,.;:]|\s+(?:in|of|on|at|" \
            rf"near|that|which|who|owned|based|run|has|had|was|is|said)\b)"
    if re.search(intro, art.article.text[:pos]):
        return None
    return fits[0]
