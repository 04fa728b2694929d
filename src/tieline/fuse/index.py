"""Cooperation-conflict trend of a relationship, and trade over time.

``trend(events, clusters, period="year"|"quarter"|"month", pair=None)`` scores each
period by the events that happened in it, each real event (cluster) counted once.

The scale. Every event gets a weight from ``lexicon/weights.json``: one per PLOVER type,
refined by our mode where one is given, on a Goldstein-like scale from -10 (war: ASSAULT)
to +10 (the closest cooperation). The anchors follow the Goldstein (1992) values GDELT
attaches to CAMEO codes: signing a formal agreement +8, providing aid +7.4 to +8.3,
consultations and meetings +1 to +4, praise +3.4, accusing -2 to -3, rejecting -4,
cutting aid -5.6, sanctions and embargoes -8, military posturing -7.2, military force
-10. PLOVER merges some CAMEO codes (it has no separate "host a visit"), so a few
weights are means of their CAMEO members. Details and differences: docs/trend.md.

What counts. Only ``occurred`` and ``ongoing`` events enter the score: an intention is
not an act. ``planned`` and ``proposed`` events are counted separately
(``n_intended``, ``intended_score``) so a reader can see pressure building. Negated
events count nowhere. An event dated more coarsely than the period (a year-only date
in a quarterly trend) cannot be placed and is counted in the ``undated`` row.

Per period: ``score`` (sum of weights), ``mean`` (score / n: the tone, comparable
across periods of different news volume, like GDELT's average Goldstein), ``n``,
``cooperation`` (sum of positive weights), ``conflict`` (sum of negative weights).
"""
from __future__ import annotations

from collections import defaultdict
from statistics import median
from typing import Sequence

from ..model import Event, Figure
from .cluster import EventCluster
from .common import STATUS_FUTURE, STATUS_PAST, countries_of, load, period_of, rounding_close
from .timeline import involves, real_events


def weight(e: Event) -> float:
    """The event's cooperation (+) / conflict (-) weight, -10 .. +10."""
    w = load("weights.json")
    if e.mode and e.mode in w["modes"]:
        # a mode weight only applies where its sign agrees with the type's: a
        # "negotiate" mode under REJECT stays a rejection
        mw, tw = w["modes"][e.mode], w["types"].get(e.type, 0.0)
        if tw == 0 or (mw > 0) == (tw > 0):
            return mw
    return w["types"].get(e.type, 0.0)


def trend(events: Sequence[Event], clusters: Sequence[EventCluster] = (), period: str = "year",
          pair: Sequence[str] | None = None) -> list[dict]:
    """Rows ordered by period; a final row with ``period`` None collects the events
    that could not be placed (undated, or dated more coarsely than ``period``)."""
    rows: dict[str | None, dict] = defaultdict(lambda: {
        "n": 0, "score": 0.0, "cooperation": 0.0, "conflict": 0.0,
        "n_intended": 0, "intended_score": 0.0})
    for e, _members, _nd, _ns in real_events(list(events), clusters):
        if e.status not in STATUS_PAST and e.status not in STATUS_FUTURE:
            continue
        if not involves(e, pair):
            continue
        key = period_of(e.date, period)
        r = rows[key]
        w = weight(e)
        if e.status in STATUS_FUTURE:
            r["n_intended"] += 1
            r["intended_score"] += w
            continue
        r["n"] += 1
        r["score"] += w
        if w > 0:
            r["cooperation"] += w
        else:
            r["conflict"] += w
    out = []
    for key in sorted(rows, key=lambda k: (k is None, k or "")):
        r = rows[key]
        out.append({"period": key, **{k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()},
                    "mean": round(r["score"] / r["n"], 3) if r["n"] else None})
    return out


def trade_series(figures: Sequence[Figure], pair: Sequence[str] | None = None) -> list[dict]:
    """Bilateral trade value per period: the median of the reports for the period
    (reports that agree within rounding are one value), with every report cited."""
    by = defaultdict(list)
    want = set(countries_of(pair)) if pair else None
    for f in figures:
        if f.indicator != "bilateral_trade" or not f.period:
            continue
        if want and countries_of(f.countries) and set(countries_of(f.countries)) != want:
            continue
        by[(f.period, f.unit)].append(f)
    out = []
    for (per, unit), fs in sorted(by.items()):
        values = [f.value for f in fs]
        m = median(values)
        out.append({
            "period": per, "unit": unit, "value": m,
            "agree": all(rounding_close(v, m) for v in values),
            "reports": [{"doc_id": f.doc_id, "start": f.start, "end": f.end, "value": f.value,
                         "evidence": f.evidence} for f in fs],
        })
    return out
