"""What changed in a story's briefing since an earlier version (issue 16).

``what_changed(old, new)`` compares two briefing.json dicts of the same story and lists, each
item with its spans (``source_id``, ``start``, ``end``) into the new briefing's sources:
figures revised (old and new value, who reported each and when), new figures, new quotes and
speakers, new claims, claims now denied, new sides of a dispute and sides that gained or lost
holders, new outlets with the sides they report, and new timeline entries. Items are matched on
their normalised words, so a change of wording alone is not a change."""

from __future__ import annotations

import re
from typing import Any

from .revisions import display, report, revisions

SAME_TEXT = 0.6  # word overlap (Jaccard) from which two statements are the same one (a copy editor's rewording stays above it)
SAME_SIDE = 0.5
SAID_BEFORE = 0.75  # share of an item's words one sentence of the old sources must hold


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", (text or "").casefold()) if len(w) > 2)


def _alike(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _sentences(b: dict[str, Any]) -> list[frozenset[str]]:
    """The word sets of every sentence of a briefing's sources."""
    return [w for src in b.get("sources", []) for sent in re.split(r"(?<=[.!?])\s+|\n+", src.get("text", ""))
            if (w := _words(sent))]


def _said_before(text: str, sentences: list[frozenset[str]]) -> bool:
    """The old article set already said it: a sentence of its sources holds ``SAID_BEFORE`` of
    the item's words (a claim or a timeline entry the old briefing did not pick is not news)."""
    w = _words(text)
    return bool(w) and any(len(w & s) >= SAID_BEFORE * len(w) for s in sentences)


def _seen(text: str, old: list[frozenset[str]], threshold: float = SAME_TEXT) -> bool:
    w = _words(text)
    return any(_alike(w, o) >= threshold for o in old)


def _span(item: dict[str, Any]) -> dict[str, Any]:
    return {"source_id": item["source_id"], "start": item["start"], "end": item["end"]}


def _reports(row: dict[str, Any], figures: dict[str, dict], sources: dict[str, dict]) -> list[dict[str, Any]]:
    """Who reported a reconciled count and when: one entry per figure, with its span."""
    out = []
    for fid in row.get("figure_ids", []):
        f = figures.get(fid)
        if f is None:
            continue
        src = sources.get(f["source_id"], {})
        out.append({**_span(f), "text": f["text"], "low": f["low"], "high": f["high"],
                    "attributed_to": f.get("attributed_to"), "outlet": src.get("outlet"),
                    "published": src.get("published")})
    return out


_NAME = re.compile(r"^(?!(?:A|An|The|This|That|Its|His|Her|Their)\b)(?:[A-Z][\w.'’-]*\s+)+[A-Z][\w'’-]*")


def _speaker_names(b: dict[str, Any]) -> list[str]:
    """The names of a briefing's quoted speakers: the entity a speaker is linked to, else the
    speaker's words when they are a name ("Ben Cole"); descriptions ("police", "a source close
    to the talks") are voices, not names, and are left out."""
    ents = {e["id"]: e["name"] for e in b.get("entities", [])}
    out = []
    for q in b.get("quotes", []):
        name = ents.get(q.get("speaker_entity") or "")
        if name is None and q.get("speaker") and _NAME.match(q["speaker"]):
            name = q["speaker"]
        if name:
            out.append(name)
    return out


def _giving(row: dict[str, Any], reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The reports that give a reconciled count's value (the others are only consistent with
    it); all of them when none gives it exactly."""
    exact = [r for r in reports if (r["low"], r["high"]) == (row["low"], row["high"])]
    return exact or reports


def _figure_changes(old: dict, new: dict) -> tuple[list[dict], list[dict]]:
    old_rows = {(r["category"], r["counts"]): r for r in old.get("reconciled_figures", [])}
    figs_old = {f["id"]: f for f in old.get("figures", [])}
    figs_new = {f["id"]: f for f in new.get("figures", [])}
    src_old = {s["id"]: s for s in old.get("sources", [])}
    src_new = {s["id"]: s for s in new.get("sources", [])}
    known = _known(old)
    revised, added = [], []
    for row in new.get("reconciled_figures", []):
        key = (row["category"], row["counts"])
        before = old_rows.get(key)
        if before is None:
            fresh = [r for r in _reports(row, figs_new, src_new) if _pair(row["category"], r) not in known]
            if fresh:  # a row only regrouping numbers the old briefing gave is not news
                added.append({"category": row["category"], "counts": row["counts"],
                              "display": row.get("display", ""), "reported_by": fresh})
            continue
        shown: set[tuple[str, float | None]] = set()
        if (before["low"], before["high"]) != (row["low"], row["high"]) and \
                (row["category"], row["low"]) not in known:
            revised.append({
                "category": row["category"], "counts": row["counts"], "cue": None,
                "old": {"display": before.get("display", ""), "low": before["low"], "high": before["high"],
                        "reported_by": _giving(before, _reports(before, figs_old, {**src_old, **src_new}))},
                "new": {"display": row.get("display", ""), "low": row["low"], "high": row["high"],
                        "reported_by": _giving(row, _reports(row, figs_new, src_new))},
            })
            shown = {_pair(row["category"], r) for r in revised[-1]["new"]["reported_by"]}
        # other numbers for the same count that no earlier source gave ("80 injured" beside "70")
        fresh = [r for r in _reports(row, figs_new, src_new)
                 if r["low"] is not None and _pair(row["category"], r) not in known | shown]
        for value in dict.fromkeys(r["low"] for r in fresh):
            same = [r for r in fresh if r["low"] == value]
            added.append({"category": row["category"], "counts": row["counts"],
                          "display": _describe(same[0]), "reported_by": same})
    return revised, added + _other_counts(old, new, src_new)


def _describe(report: dict[str, Any]) -> str:
    low, high = report["low"], report.get("high")
    if high is not None and high != low:
        return f"{low:g}–{high:g}"
    return f"{low:g}" if high is not None else f"at least {low:g}"


def _pair(category: str, fig: dict) -> tuple[str, float | None]:
    return category, (float(fig["low"]) if fig.get("low") is not None else None)


def _known(b: dict) -> set[tuple[str, float | None]]:
    """(category, value) of every figure a briefing gave (its own category, and its
    reconciled row's)."""
    figs = {f["id"]: f for f in b.get("figures", [])}
    out = {_pair(f.get("category") or "", f) for f in figs.values()}
    for row in b.get("reconciled_figures", []):
        out |= {_pair(row["category"], figs[fid]) for fid in row.get("figure_ids", []) if fid in figs}
    return out


def _other_counts(old: dict, new: dict, sources: dict[str, dict]) -> list[dict]:
    """New numbers for counts about the event that no reconciled row holds (crews sent,
    villages destroyed, charges filed): one item per (category, value) the old briefing did
    not give."""
    held = {fid for row in new.get("reconciled_figures", []) for fid in row.get("figure_ids", [])}
    known = _known(old)  # "three climbers" after "three men": not new
    groups: dict[tuple[str, float | None], list[dict]] = {}
    for f in new.get("figures", []):
        key = _pair(f.get("category") or "", f)
        if f["id"] in held or not f.get("about_event") or f.get("low") is None or key in known:
            continue
        groups.setdefault(key, []).append(f)
    return [{"category": figs[0]["category"], "counts": figs[0].get("counts") or figs[0]["category"],
             "display": display(figs[0]),
             "reported_by": [report(f, sources.get(f["source_id"], {})) for f in figs]}
            for figs in groups.values()]


def _side_key(c: dict[str, Any]) -> frozenset[str]:
    return _words(c.get("topic", ""))


def _dispute_changes(old: dict, new: dict) -> tuple[list[dict], list[dict]]:
    new_sides, changed = [], []
    old_disputes = old.get("contradictions", [])
    for dispute in new.get("contradictions", []):
        match = max(old_disputes, key=lambda o: _alike(_side_key(o), _side_key(dispute)), default=None)
        if match is not None and _alike(_side_key(match), _side_key(dispute)) < SAME_SIDE:
            match = None
        old_sides = match["sides"] if match else []
        for side in dispute.get("sides", []):
            w = _words(side["position"])
            twin = max(old_sides, key=lambda s: _alike(_words(s["position"]), w), default=None)
            if twin is None or _alike(_words(twin["position"]), w) < SAME_SIDE:
                new_sides.append({"topic": dispute["topic"], "position": side["position"],
                                  "holders": side.get("holders", []), "evidence": side.get("evidence", [])})
                continue
            gained = [h for h in side.get("holders", []) if h not in twin.get("holders", [])]
            lost = [h for h in twin.get("holders", []) if h not in side.get("holders", [])]
            if gained or lost:
                changed.append({"topic": dispute["topic"], "position": side["position"], "gained": gained,
                                "lost": lost, "evidence": side.get("evidence", [])})
    return new_sides, changed


def _claim_changes(old: dict, new: dict, said: list[frozenset[str]]) -> tuple[list[dict], list[dict]]:
    old_claims = old.get("claims", [])
    asserted = [_words(c["text"]) for c in old_claims if c.get("polarity") != "deny"]
    denied = [_words(c["text"]) for c in old_claims if c.get("polarity") == "deny"]
    every = [_words(c["text"]) for c in old_claims]
    added, now_denied = [], []
    for c in new.get("claims", []):
        item = {"id": c["id"], "text": c["text"], "holders": c.get("holders", []), "polarity": c.get("polarity"),
                "evidence": c.get("evidence", [])}
        if c.get("polarity") == "deny" and _seen(c["text"], asserted) and not _seen(c["text"], denied):
            now_denied.append(item)
        elif not _seen(c["text"], every) and not _said_before(c["text"], said):
            added.append(item)
    return added, now_denied


def _within(old: dict, new: dict, revised: list[dict]) -> list[dict]:
    """Revisions the new briefing's articles report themselves ("had risen to 86", "up from
    58") that the comparison of the two versions did not already show: those reported by a
    source the old version did not have."""
    old_ids = {s["id"] for s in old.get("sources", [])}
    shown = {(r["category"], r["counts"]) for r in revised}
    out = []
    for r in revisions(new):
        if (r["category"], r["counts"]) in shown:
            continue
        if all(x["source_id"] in old_ids for x in r["new"]["reported_by"]):
            continue
        out.append(r)
    return out


def what_changed(old: dict[str, Any], new: dict[str, Any], since: dict[str, Any] | None = None) -> dict[str, Any]:
    """The changes from briefing ``old`` to briefing ``new`` (both briefing.json dicts).
    Revised figures include the revisions the new sources report themselves
    (:func:`newsprism.revisions.revisions`); a revision found both ways is listed once, with
    the wording that marked it (``cue``) when there is one."""
    revised, figures_new = _figure_changes(old, new)
    cues = {(r["category"], r["counts"]): r["cue"] for r in revisions(new)}
    for r in revised:
        if (r["category"], r["counts"]) in cues:
            r["cue"] = cues[(r["category"], r["counts"])]
    revised += _within(old, new, revised)
    said = _sentences(old)
    old_quotes = [_words(q.get("key") or q["text"]) for q in old.get("quotes", [])]
    old_speakers = {n.casefold() for n in _speaker_names(old)}
    quotes_new = [{**_span(q), "id": q["id"], "speaker": q.get("speaker"), "text": q["text"]}
                  for q in new.get("quotes", []) if not _seen(q.get("key") or q["text"], old_quotes)
                  and not _said_before(q["text"], said)]
    speakers_new = sorted({n for n in _speaker_names(new) if n.casefold() not in old_speakers})
    claims_new, claims_denied = _claim_changes(old, new, said)
    sides_new, sides_changed = _dispute_changes(old, new)
    old_ids = {s["id"] for s in old.get("sources", [])}
    old_outlets = {s.get("outlet") for s in old.get("sources", [])}
    sources_new = []
    for s in new.get("sources", []):
        if s["id"] in old_ids:
            continue
        sides = [{"topic": d["topic"], "position": side["position"]}
                 for d in new.get("contradictions", []) for side in d.get("sides", [])
                 if s["id"] in side.get("sources", [])]
        sources_new.append({"source_id": s["id"], "outlet": s.get("outlet"), "published": s.get("published"),
                            "title": s.get("title"), "new_outlet": s.get("outlet") not in old_outlets,
                            "sides": sides})
    old_timeline = [_words(f"{t['date']} {t['text']}") for t in old.get("timeline", [])]
    timeline_new = [{**_span(t), "date": t["date"], "text": t["text"]} for t in new.get("timeline", [])
                    if not _seen(f"{t['date']} {t['text']}", old_timeline) and not _said_before(t["text"], said)]
    return {
        "since": since or {},
        "figures_revised": revised,
        "figures_new": figures_new,
        "quotes_new": quotes_new,
        "speakers_new": speakers_new,
        "claims_new": claims_new,
        "claims_now_denied": claims_denied,
        "sides_new": sides_new,
        "sides_changed": sides_changed,
        "sources_new": sources_new,
        "timeline_new": timeline_new,
    }


def reported_revisions(data: dict[str, Any]) -> dict[str, Any] | None:
    """For a briefing with no earlier version to compare with: a ``what_changed`` dict holding
    only the revisions its articles report themselves (``since`` empty), or None when there
    are none."""
    found = revisions(data)
    if not found:
        return None
    empty = what_changed(data, data)
    return {**empty, "since": {}, "figures_revised": found}


def _who(reports: list[dict[str, Any]]) -> str:
    out = []
    for r in reports:
        parts = [r.get("outlet") or r["source_id"]]
        if r.get("attributed_to"):
            parts.append(f"citing {r['attributed_to']}")
        if r.get("published"):
            parts.append(str(r["published"]))
        out.append(", ".join(parts))
    return "; ".join(out) or "no earlier report"


def lines(changes: dict[str, Any]) -> list[str]:
    """The changes as plain lines for a terminal: revised and new figures with who reported
    each and when, new sources and the sides they report, new sides with their holders,
    claims now denied."""
    out = []
    for f in changes["figures_revised"]:
        cue = f' ("{f["cue"]}")' if f.get("cue") else ""
        out.append(f"revised  {f['counts']}: {f['old']['display']} ({_who(f['old']['reported_by'])}) → "
                   f"{f['new']['display']} ({_who(f['new']['reported_by'])}){cue}")
    for f in changes["figures_new"]:
        out.append(f"new figure  {f['counts']}: {f['display']} ({_who(f['reported_by'])})")
    for s in changes["sources_new"]:
        sides = "; reports: " + " | ".join(x["position"] for x in s["sides"]) if s["sides"] else ""
        out.append(f"new source  {s['outlet'] or s['source_id']}"
                   f"{' (' + str(s['published']) + ')' if s.get('published') else ''}{sides}")
    for s in changes["sides_new"]:
        out.append(f"new side  {s['topic']}: {s['position']} — held by {', '.join(s['holders']) or '?'}")
    for s in changes["sides_changed"]:
        moved = ([f"gained {', '.join(s['gained'])}"] if s["gained"] else []) + \
            ([f"lost {', '.join(s['lost'])}"] if s["lost"] else [])
        out.append(f"side  {s['position']}: {' and '.join(moved)}")
    for c in changes["claims_now_denied"]:
        out.append(f"now denied  {c['text']} — by {', '.join(c['holders']) or '?'}")
    return out


def headline(changes: dict[str, Any]) -> str:
    """The changes in one line, most telling first: revised figures, denials, new sides, new
    sources; 'nothing new' when there is nothing."""
    parts = [f"{f['counts']}: {f['old']['display']} → {f['new']['display']}" for f in changes["figures_revised"]]
    if changes["claims_now_denied"]:
        parts.append(f"{len(changes['claims_now_denied'])} claim(s) now denied")
    if changes["sides_new"]:
        parts.append(f"{len(changes['sides_new'])} new side(s)")
    if changes["sides_changed"]:
        parts.append(f"{len(changes['sides_changed'])} side(s) gained or lost holders")
    if changes["sources_new"]:
        outlets = sorted({s["outlet"] or s["source_id"] for s in changes["sources_new"]})
        parts.append(f"+{len(changes['sources_new'])} source(s) ({', '.join(outlets)})")
    if changes["figures_new"]:
        parts.append(f"{len(changes['figures_new'])} new figure(s)")
    if changes["speakers_new"]:
        parts.append(f"new speakers: {', '.join(changes['speakers_new'][:3])}")
    return "; ".join(parts) or "nothing new"
