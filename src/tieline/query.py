"""The read API over a knowledge base: what the CLI, the web UI and briefs show.

``KB(path)`` opens a knowledge base read-only; every method returns plain,
JSON-ready values (dicts and lists), each fact with its document and span.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from functools import cached_property
from pathlib import Path

from .errors import TielineError
from .fuse.cluster import EventCluster, canonical_event, event_key
from .fuse.common import countries_of
from .fuse.index import trade_series, trend, weight
from .fuse.timeline import build_timeline
from .model import Event
from .store import db
from .store import queries as q

PERIODS = ("year", "quarter", "month")


def parse_pair(pair: str | None) -> tuple[str, ...] | None:
    """'PAK-RUS' -> ('PAK', 'RUS'); None/'' -> None. Raises T501 for anything else."""
    if not pair:
        return None
    parts = tuple(p.strip().upper() for p in pair.replace(",", "-").split("-") if p.strip())
    if not parts or len(parts) > 4 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise TielineError("T501", f"bad country pair {pair!r}", "use ISO 3166 alpha-3 codes, e.g. PAK-RUS")
    return parts


class KB:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.conn: sqlite3.Connection = db.connect(self.path, readonly=True)

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------ cached corpus views

    @cached_property
    def docs(self) -> dict[str, db.DocInfo]:
        return db.doc_infos(self.conn)

    @cached_property
    def _events(self) -> list[tuple[str, Event]]:
        return db.load_events(self.conn)

    @cached_property
    def _clusters(self) -> list[EventCluster]:
        index = {eid: i for i, (eid, _) in enumerate(self._events)}
        events = [e for _, e in self._events]
        out = []
        for _cid, members in q.cluster_members(self.conn):
            ms = sorted(index[m] for m in members if m in index)
            if len(ms) < 2:
                continue
            es = [events[i] for i in ms]
            doc_ids = sorted({e.doc_id for e in es})
            sites = {(self.docs[d].site or self.docs[d].url or d) if d in self.docs else d for d in doc_ids}
            out.append(EventCluster(tuple(ms), tuple(event_key(e) for e in es), canonical_event(es, self.docs),
                                    len(doc_ids), len(sites), tuple(doc_ids)))
        return out

    @cached_property
    def _cluster_of(self) -> dict[str, str]:
        return {eid: cid for cid, members in q.cluster_members(self.conn) for eid in members}

    def doc_name(self, doc_id: str) -> str:
        info = self.docs.get(doc_id)
        return info.name if info else doc_id

    def _cite(self, doc_id: str, start: int, end: int) -> dict:
        info = self.docs.get(doc_id)
        return {"doc": info.name if info else doc_id, "doc_id": doc_id, "span": [start, end],
                "title": info.title if info else None, "published": info.published if info else None,
                "url": info.url if info else None}

    # ------------------------------------------------------------ overview

    def summary(self) -> dict:
        c = db.counts(self.conn)
        c["pairs"] = self.pairs()[:10]
        return c

    def pairs(self) -> list[dict]:
        """Country pairs by number of events (the relationships this KB covers)."""
        n = Counter()
        for _, e in self._events:
            cs = sorted(countries_of(e.countries))
            for i in range(len(cs)):
                for j in range(i + 1, len(cs)):
                    n[(cs[i], cs[j])] += 1
        return [{"pair": f"{a}-{b}", "events": k} for (a, b), k in n.most_common()]

    # ------------------------------------------------------------ events

    def event_dict(self, eid: str, e: Event) -> dict:
        return {"id": eid, "type": e.type, "mode": e.mode, "sector": e.sector, "status": e.status, "date": e.date,
                "countries": list(e.countries), "source": list(e.source), "target": list(e.target),
                "amounts": [a.as_json() for a in e.amounts], "location": e.location, "project": e.project,
                "evidence": e.evidence, "weight": weight(e), "cluster": self._cluster_of.get(eid),
                **self._cite(e.doc_id, e.start, e.end)}

    def events(self, *, pair=None, type=None, status=None, sector=None, country=None, date_from=None,
               date_to=None, project=None, doc=None, limit: int = 100, offset: int = 0) -> dict:
        pair = parse_pair(pair) if isinstance(pair, str) else pair
        rows = []
        for eid, e in self._events:
            cs = countries_of(e.countries)
            if pair and not set(countries_of(pair)) <= set(cs):
                continue
            if type and e.type != type.upper():
                continue
            if status and e.status != status:
                continue
            if sector and e.sector != sector:
                continue
            if country and countries_of([country]).isdisjoint(cs):
                continue
            if project and e.project != project:
                continue
            if doc and self.doc_name(e.doc_id) != doc:
                continue
            if date_from and (not e.date or e.date < date_from):
                continue
            if date_to and (not e.date or e.date[:len(date_to)] > date_to):
                continue
            rows.append((eid, e))
        rows.sort(key=lambda r: (r[1].date or "9999", self.doc_name(r[1].doc_id), r[1].start))
        return {"total": len(rows), "offset": offset, "limit": limit,
                "items": [self.event_dict(eid, e) for eid, e in rows[offset:offset + limit]]}

    def event(self, eid: str) -> dict | None:
        for i, (xid, e) in enumerate(self._events):
            if xid == eid:
                out = self.event_dict(eid, e)
                cid = self._cluster_of.get(eid)
                members = [m for c, ms in q.cluster_members(self.conn) if c == cid for m in ms] if cid else []
                by_id = dict(self._events)
                out["corroboration"] = [self.event_dict(m, by_id[m]) for m in members if m != eid and m in by_id]
                out["n_documents"] = len({by_id[m].doc_id for m in members if m in by_id}) or 1
                out["conflicts"] = [c for c in self.conflicts() if _touches(c, e)]
                out["document"] = self.document(e.doc_id, highlight=(e.start, e.end))
                return out
        return None

    def timeline(self, pair=None) -> list[dict]:
        pair = parse_pair(pair) if isinstance(pair, str) else pair
        ids = [eid for eid, _ in self._events]
        rows = build_timeline([e for _, e in self._events], self._clusters, pair, self.docs)
        for r in rows:
            r["event_ids"] = [ids[i] for i in r.pop("members")]
            r.update({k: v for k, v in self._cite(r["doc_id"], r["start"], r["end"]).items() if k != "span"})
        return rows

    def trend(self, pair=None, period: str = "year") -> list[dict]:
        if period not in PERIODS:
            raise TielineError("T502", f"bad period {period!r}", "use year, quarter or month")
        pair = parse_pair(pair) if isinstance(pair, str) else pair
        return trend([e for _, e in self._events], self._clusters, period, pair)

    def trade(self, pair=None) -> list[dict]:
        pair = parse_pair(pair) if isinstance(pair, str) else pair
        rows = trade_series([f for _, f in db.load_figures(self.conn)], pair)
        for r in rows:
            for rep in r["reports"]:
                rep.update(self._cite(rep["doc_id"], rep["start"], rep["end"]))
        return rows

    # ------------------------------------------------------------ quotes, entities, projects, conflicts

    def quotes(self, speaker: str | None = None, limit: int = 100, offset: int = 0, doc: str | None = None) -> dict:
        items = []
        needle = (speaker or "").casefold()
        for qid, qt in db.load_quotes(self.conn):
            if doc and self.doc_name(qt.doc_id) != doc:
                continue
            if needle and needle not in (qt.speaker or "").casefold() and needle not in (qt.affiliation or "").casefold():
                continue
            items.append({"id": qid, "speaker": qt.speaker, "affiliation": qt.affiliation, "text": qt.text,
                          **self._cite(qt.doc_id, qt.start, qt.end)})
        return {"total": len(items), "offset": offset, "limit": limit, "items": items[offset:offset + limit]}

    def entities(self, type: str | None = None) -> list[dict]:
        out = []
        for e in db.load_entities(self.conn):
            if type and e.type != type.upper():
                continue
            out.append({"id": e.entity_id, "name": e.name, "type": e.type, "country": e.country,
                        "aliases": list(e.aliases),
                        "roles": [{"title": r.title, "doc": r.doc, "date": r.date} for r in e.roles]})
        return out

    def entity(self, name: str) -> dict | None:
        """An entity by id, name or alias (case-insensitive), with its quotes and events."""
        needle = name.casefold().strip()
        ents = self.entities()
        hit = next((e for e in ents if e["id"] == needle), None) or next(
            (e for e in ents if needle in {e["name"].casefold(), *(a.casefold() for a in e["aliases"])}), None)
        if hit is None:
            return None
        forms = {hit["name"].casefold(), *(a.casefold() for a in hit["aliases"])}
        hit["quotes"] = [x for x in self.quotes(limit=10**9)["items"] if (x["speaker"] or "").casefold() in forms]
        spans = q.mention_spans(self.conn, [hit["name"], *hit["aliases"]])
        hit["events"] = [self.event_dict(eid, e) for eid, e in self._events
                         if any(d == e.doc_id and s < e.end and t > e.start for d, s, t in spans)]
        return hit

    def projects(self) -> list[dict]:
        return [{"project": p, "name": n, "aliases": a, **lc} for p, n, a, lc in q.projects(self.conn)]

    def project(self, slug: str) -> dict | None:
        return next((p for p in self.projects() if p["project"] == slug), None)

    def conflicts(self) -> list[dict]:
        out = []
        for r in q.conflicts(self.conn):
            out.append({"id": r["conflict_id"], "kind": r["kind"], "about": r["about"],
                        "a": {"evidence": r["a_evidence"], **self._cite(r["a_doc"], r["a_start"], r["a_end"])},
                        "b": {"evidence": r["b_evidence"], **self._cite(r["b_doc"], r["b_start"], r["b_end"])}})
        return out

    # ------------------------------------------------------------ documents and search

    def document(self, ref: str, highlight: tuple[int, int] | None = None) -> dict | None:
        """A document by id or name: metadata and its body as paragraphs, each a list of
        (text, highlighted) runs so the page can mark evidence without trusting markup."""
        doc_id = ref if ref in self.docs else next((d for d, i in self.docs.items() if i.name == ref), None)
        if doc_id is None:
            return None
        d = db.load_document(self.conn, doc_id)
        paras = []
        for p in d.paragraphs:
            runs = [(p.text, False)]
            if highlight and highlight[0] < p.end and highlight[1] > p.start:
                a, b = max(highlight[0], p.start) - p.start, min(highlight[1], p.end) - p.start
                runs = [(p.text[:a], False), (p.text[a:b], True), (p.text[b:], False)]
            paras.append({"start": p.start, "end": p.end, "runs": [{"text": t, "mark": m} for t, m in runs if t]})
        return {"doc_id": d.doc_id, "doc": d.name, "title": d.title, "author": d.author, "published": d.published,
                "language": d.language, "url": d.url, "site": d.site, "source": d.source, "paragraphs": paras}

    def search(self, text: str, limit: int = 20) -> dict:
        if not text or not text.strip():
            raise TielineError("T503", "empty search", "type one or more words")
        return {k: v[:limit] for k, v in q.search(self.conn, text).items()} | {"query": text}


def _touches(conflict: dict, e: Event) -> bool:
    return any(side["doc_id"] == e.doc_id and side["span"][0] < e.end and side["span"][1] > e.start
               for side in (conflict["a"], conflict["b"]))


def as_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


__all__ = ["KB", "parse_pair", "PERIODS", "as_json"]
