"""A de-duplicated timeline: one row per real event (cluster), dated, ordered.

``build_timeline(events, clusters, pair=None, docs=None)``: every cluster gives one row
(its canonical event), every unclustered event its own row; undated events and negated
ones are left out (a timeline states when things happened). Planned and proposed events
stay in but are flagged, so a reader never mistakes an intention for an act.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from ..model import Event
from .cluster import EventCluster
from .common import STATUS_FUTURE, countries_of, date_sort_key, parse_date


def real_events(events: Sequence[Event], clusters: Sequence[EventCluster], docs=None):
    """(canonical event, member indices, n_docs, n_sources) for each real event."""
    clustered = set()
    for c in clusters:
        clustered.update(c.members)
        yield c.canonical, c.members, c.n_docs, c.n_sources
    for i, e in enumerate(events):
        if i not in clustered:
            yield e, (i,), 1, 1


def involves(e: Event, pair: Sequence[str] | None) -> bool:
    """True when every country of ``pair`` takes part (SUN counts as RUS)."""
    if not pair:
        return True
    return set(countries_of(pair)) <= set(countries_of(e.countries))


def build_timeline(events: Sequence[Event], clusters: Sequence[EventCluster] = (),
                   pair: Sequence[str] | None = None,
                   docs: Mapping[str, Any] | None = None) -> list[dict]:
    rows = []
    for e, members, n_docs, n_sources in real_events(list(events), clusters, docs):
        if not parse_date(e.date) or e.status == "negated" or not involves(e, pair):
            continue
        rows.append({
            "date": e.date,
            "type": e.type,
            "mode": e.mode,
            "status": e.status,
            "intended": e.status in STATUS_FUTURE,   # planned / proposed: not a fact yet
            "countries": list(e.countries),
            "source": list(e.source),
            "target": list(e.target),
            "project": e.project,
            "amounts": [a.as_json() for a in e.amounts],
            "evidence": e.evidence,
            "doc_id": e.doc_id,
            "start": e.start,
            "end": e.end,
            "members": list(members),
            "n_docs": n_docs,
            "n_sources": n_sources,
        })
    rows.sort(key=lambda r: (date_sort_key(r["date"]), -r["n_docs"], r["doc_id"], r["start"]))
    return rows
