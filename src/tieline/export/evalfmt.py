"""The evaluation format of ../shared/gold/README.md (one JSON file per corpus)."""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from ..store import db


def _json_list(text: str | None) -> list:
    return json.loads(text) if text else []


#: Formats whose stored raw_text is the input file's own text, so spans index the file.
#: For HTML the raw_text is the rendered page text: spans index that, not the markup,
#: so the export gives evidence strings only.
SPAN_FORMATS = ("txt", "md")


def eval_document(conn: sqlite3.Connection, info: db.DocInfo) -> dict:
    body, fmt = conn.execute("SELECT body_text, fmt FROM documents WHERE doc_id=?", (info.doc_id,)).fetchone()
    with_spans = fmt in SPAN_FORMATS
    events = []
    for r in conn.execute("SELECT * FROM events WHERE doc_id=? ORDER BY idx", (info.doc_id,)):
        events.append({
            "id": r["event_id"], "type": r["type"], "mode": r["mode"], "sector": r["sector"],
            "status": r["status"], "date": r["date"], "countries": _json_list(r["countries"]),
            "source": _json_list(r["source"]), "target": _json_list(r["target"]),
            "amounts": _json_list(r["amounts"]), "location": r["location"], "project": r["project"],
            "evidence": r["evidence"], "extractor": r["extractor"],
        })
        if with_spans:
            events[-1]["span"] = [r["start"], r["end"]]
    quotes = [{"id": r["quote_id"], "speaker": r["speaker"], "affiliation": r["affiliation"], "evidence": r["text"],
               **({"span": [r["start"], r["end"]]} if with_spans else {})}
              for r in conn.execute("SELECT * FROM quotes WHERE doc_id=? ORDER BY idx", (info.doc_id,))]
    figures = []
    for r in conn.execute("SELECT * FROM figures WHERE doc_id=? ORDER BY idx", (info.doc_id,)):
        f = {"id": r["figure_id"], "indicator": r["indicator"], "countries": _json_list(r["countries"]),
             "period": r["period"], "value": r["value"], "unit": r["unit"], "evidence": r["evidence"]}
        if with_spans:
            f["span"] = [r["start"], r["end"]]
        if r["base_period"]:
            f["base_period"] = r["base_period"]
        if r["qualifier"]:
            f["qualifier"] = r["qualifier"]
        figures.append(f)
    return {
        "doc": info.name,
        "meta": {"title": info.title, "author": info.author, "published": info.published,
                 "language": info.language, "url": info.url, "site": info.site},
        "body_text": body,
        "events": events,
        "quotes": quotes,
        "figures": figures,
    }


def eval_corpus(conn: sqlite3.Connection) -> dict:
    entities = [{"id": e.entity_id, "name": e.name, "type": e.type, "country": e.country,
                 "aliases": list(e.aliases), "roles": [{"title": r.title, "doc": r.doc} for r in e.roles]}
                for e in db.load_entities(conn)]
    clusters: dict[str, list[str]] = defaultdict(list)
    for cid, eid in conn.execute("SELECT cluster_id, event_id FROM clusters ORDER BY cluster_id, event_id"):
        clusters[cid].append(eid)
    docs = {r[0]: (r[1], r[2] in SPAN_FORMATS) for r in conn.execute("SELECT doc_id, name, fmt FROM documents")}

    def side(r, x: str) -> dict:
        name, with_span = docs.get(r[f"{x}_doc"], (r[f"{x}_doc"], False))
        out = {"doc": name, "evidence": r[f"{x}_evidence"]}
        if with_span:
            out["span"] = [r[f"{x}_start"], r[f"{x}_end"]]
        return out

    conflicts = [{"kind": r["kind"], "about": r["about"], "a": side(r, "a"), "b": side(r, "b")}
                 for r in conn.execute("SELECT * FROM conflicts ORDER BY conflict_id")]
    return {"entities": entities, "clusters": list(clusters.values()), "conflicts": conflicts}


def export_eval(conn: sqlite3.Connection) -> dict:
    docs = [eval_document(conn, info) for info in db.doc_infos(conn).values()]
    return {"documents": docs, "corpus": eval_corpus(conn)}
