"""Project lifecycles: how a named project moved from idea to deal to (maybe) stall.

``project_lifecycles(events, mentions=())`` returns one record per project::

    {"project": slug, "aliases": [names], "renames": [{"old", "new", "doc_id", ...}],
     "stages": [{"stage", "date", "status", "doc_id", "start", "end", "evidence"}],
     "values": [{"date", "value", "unit", "doc_id", ...}],      # money, in time order
     "lengths": [...],                                          # km, in time order
     "value_changed": bool, "length_changed": bool}

Stages, in their natural order: proposed -> negotiating -> agreed -> re-signed ->
planned -> under_way -> completed, with stalled / cancelled possible at any point. A
second signing of a project at a later date, or a signing the text calls an extension,
revision or renewal, is ``re-signed``. A rename is read from the evidence ("X, renamed
Y", "Y (formerly X)", "X, now known as Y") or from project mentions linked to two names.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import combinations
from typing import Sequence

from ..model import Event, Mention
from .common import cues, date_relation, date_sort_key, norm_text, project_of, project_slug
from .conflicts import has_cue

STAGE_ORDER = ("proposed", "negotiating", "agreed", "re-signed", "renamed", "planned",
               "under_way", "completed", "stalled", "cancelled")

_RESIGN = re.compile(r"\b(?:extension|extended|extend|revised|revise|amended|amend|renewed|renew|re-signed|resigned|re-sign|fresh agreement|new agreement)\b")
_DONE = re.compile(r"\b(?:completed|inaugurated|commissioned|became operational|is operational|was dedicated)\b")
_CANCEL = re.compile(r"\b(?:cancelled|canceled|scrapped|abandoned|terminated|withdrew from|pulled out)\b")


slug = project_slug


@lru_cache(maxsize=1)
def _rename_res() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in cues()["rename_patterns"])


def find_renames(text: str) -> list[tuple[str, str]]:
    """(old, new) names a sentence states: "the X, renamed the Y", "Y (formerly X)"."""
    out = []
    for rx in _rename_res():
        for m in rx.finditer(text):
            old, new = _bare(m.group("old")), _bare(m.group("new"))
            if old and new and slug(old) != slug(new):
                out.append((old, new))
    return out


def _bare(name: str) -> str:
    """A name without surrounding punctuation or a leading article."""
    name = name.strip(" ,.;:")
    return re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)


def _stage(e: Event, earlier_signings: list[Event]) -> str:
    t = norm_text(e.evidence)
    cue = lambda k: has_cue(e.evidence, k)  # noqa: E731
    if e.type == "RETREAT" or _CANCEL.search(t):
        return "cancelled"
    if cue("stall_cues"):
        return "stalled"
    if e.status == "proposed":
        return "proposed"
    if e.mode == "negotiate" and e.type == "CONSULT":
        return "negotiating"
    if e.type == "AGREE":
        if e.status in ("planned",):
            return "planned"
        if e.mode == "sign_agreement" and (_RESIGN.search(t) or any(
                date_relation(s.date, e.date) == "incompatible"
                and date_sort_key(s.date) < date_sort_key(e.date) for s in earlier_signings)):
            return "re-signed"
        return "agreed"
    if _DONE.search(t) and e.status == "occurred":
        return "completed"
    if e.status == "planned":
        return "planned"
    if e.status in ("ongoing", "occurred") and (cue("progress_cues") or e.mode in ("investment",)):
        return "under_way"
    return "under_way"


def project_lifecycles(events: Sequence[Event], mentions: Sequence[Mention] = (),
                       clusters: Sequence = ()) -> list[dict]:
    """One lifecycle per project. ``clusters`` (from ``cluster_events``), when given,
    link two project names that reports use for one act: the name first used earlier
    is taken as the old one."""
    by_project: dict[str, list[Event]] = defaultdict(list)
    # "this project was not progressing" belongs to the project named just before
    for e, p in zip(events, project_of(events, mentions)):
        if p and e.status != "negated":
            by_project[p].append(e)
    # aliases: every PROJECT mention whose name slugs to the project, or that the
    # text renames to / from one of its names
    names: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label == "PROJECT":
            names[slug(m.name)].update({m.name, m.text})
    renames: dict[str, list[dict]] = defaultdict(list)
    texts = [(e.doc_id, e.start, e.end, e.evidence, e.project, e.date) for e in events]
    texts += [(m.doc_id, m.start, m.end, m.text, None, None) for m in mentions if m.label == "PROJECT"]
    for doc_id, start, end, text, project, date in texts:
        for old, new in find_renames(text):
            for key in {project, slug(old), slug(new)} - {None}:
                renames[key].append({"old": old, "new": new, "doc_id": doc_id, "start": start,
                                     "end": end, "evidence": text, "date": date, "how": "text"})
    for cl in clusters:
        named = sorted({events[i].project for i in cl.members if events[i].project})
        for old_p, new_p in combinations(named, 2):
            first = {p: min(date_sort_key(e.date) for e in by_project.get(p, []) or
                            [events[i] for i in cl.members if events[i].project == p]) for p in (old_p, new_p)}
            if first[new_p] < first[old_p]:
                old_p, new_p = new_p, old_p
            e = next(events[i] for i in cl.members if events[i].project == new_p)
            rec = {"old": old_p, "new": new_p, "doc_id": e.doc_id, "start": e.start, "end": e.end,
                   "evidence": e.evidence, "date": e.date, "how": "same event"}
            renames[old_p].append(rec)
            renames[new_p].append(rec)
    out = []
    projects = sorted(set(by_project) | {k for k in renames if k in by_project or k in names})
    for p in projects:
        es = sorted(by_project.get(p, []), key=lambda e: (date_sort_key(e.date), e.doc_id, e.start))
        aliases = set(names.get(p, set()))
        rn = renames.get(p, [])
        for r in rn:
            for name in (r["old"], r["new"]):
                # a slug (from linked events) shows as the names its mentions give
                aliases.update(names.get(slug(name)) or {name})
            # the other name's project (if events were filed under it) is this one too
            for other in (slug(r["old"]), slug(r["new"])):
                if other != p and other in by_project:
                    es.extend(x for x in by_project[other] if x not in es)
        es.sort(key=lambda e: (date_sort_key(e.date), e.doc_id, e.start))
        stages, signings = [], []
        for e in es:
            st = _stage(e, signings)
            if e.type == "AGREE" and e.mode == "sign_agreement" and e.status == "occurred":
                signings.append(e)
            stages.append({"stage": st, "date": e.date, "status": e.status, "doc_id": e.doc_id,
                           "start": e.start, "end": e.end, "evidence": e.evidence})
        for r in rn:
            stages.append({"stage": "renamed", "date": r["date"], "status": "occurred",
                           "doc_id": r["doc_id"], "start": r["start"], "end": r["end"],
                           "evidence": r["evidence"], "old": r["old"], "new": r["new"]})
        stages.sort(key=lambda s: (date_sort_key(s["date"]), STAGE_ORDER.index(s["stage"])))
        values = _series(es, ("USD", "EUR", "RUB", "PKR", "INR", "CNY"))
        lengths = _series(es, ("km",))
        out.append({
            "project": p,
            "aliases": sorted(a for a in aliases if a),
            "renames": [{k: r[k] for k in ("old", "new", "how", "doc_id", "start", "end", "evidence")} for r in rn],
            "stages": stages,
            "values": values,
            "lengths": lengths,
            "value_changed": len({(v["unit"], round(v["value"], -3)) for v in values}) > 1,
            "length_changed": len({round(v["value"]) for v in lengths}) > 1,
        })
    return out


def _series(es: Sequence[Event], units) -> list[dict]:
    out = []
    for e in es:
        for a in e.amounts:
            if a.unit in units and not (len([b for b in e.amounts if b.unit == a.unit]) > 1):
                out.append({"date": e.date, "value": a.value, "unit": a.unit, "doc_id": e.doc_id,
                            "start": e.start, "end": e.end, "evidence": e.evidence})
    return out
