"""Flat exports: JSONL (one record a line, tagged by kind) and CSV (one file per table)."""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Iterator

from .evalfmt import eval_corpus, eval_document
from ..store import db

CSV_TABLES = {
    "documents": "SELECT doc_id, name, source, fmt, title, author, published, language, url, site, n_words,"
                 " near_dup_of FROM documents ORDER BY name",
    "events": "SELECT e.event_id, d.name AS doc, e.type, e.mode, e.sector, e.status, e.date, e.countries, e.source,"
              " e.target, e.amounts, e.location, e.project, e.start, e.\"end\", e.evidence FROM events e"
              " JOIN documents d USING (doc_id) ORDER BY d.name, e.idx",
    "quotes": "SELECT q.quote_id, d.name AS doc, q.speaker, q.affiliation, q.start, q.\"end\", q.text FROM quotes q"
              " JOIN documents d USING (doc_id) ORDER BY d.name, q.idx",
    "figures": "SELECT f.figure_id, d.name AS doc, f.indicator, f.countries, f.period, f.base_period, f.value, f.unit,"
               " f.evidence FROM figures f JOIN documents d USING (doc_id) ORDER BY d.name, f.idx",
    "entities": "SELECT * FROM entities ORDER BY entity_id",
    "clusters": "SELECT * FROM clusters ORDER BY cluster_id, event_id",
    "conflicts": "SELECT * FROM conflicts ORDER BY conflict_id",
    "problems": "SELECT source, code, message, stage FROM problems ORDER BY source",
}


def iter_jsonl(conn: sqlite3.Connection) -> Iterator[dict]:
    for info in db.doc_infos(conn).values():
        doc = eval_document(conn, info)
        for kind in ("events", "quotes", "figures"):
            for item in doc.pop(kind):
                yield {"kind": kind[:-1], "doc": doc["doc"], **item}
        yield {"kind": "document", **doc}
    corpus = eval_corpus(conn)
    for kind in ("entities", "conflicts"):
        for item in corpus[kind]:
            yield {"kind": kind[:-1] if kind != "entities" else "entity", **item}
    for members in corpus["clusters"]:
        yield {"kind": "cluster", "events": members}


def write_csv(conn: sqlite3.Connection, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table, sql in CSV_TABLES.items():
        cur = conn.execute(sql)
        path = out_dir / f"{table}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([c[0] for c in cur.description])
            w.writerows(cur)
        written.append(path)
    return written
