"""Read-only queries the read API needs beyond db's loaders (all SQL stays in store/)."""
from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict


def cluster_members(conn: sqlite3.Connection) -> list[tuple[str, list[str]]]:
    out: dict[str, list[str]] = defaultdict(list)
    for cid, eid in conn.execute("SELECT cluster_id, event_id FROM clusters ORDER BY cluster_id, event_id"):
        out[cid].append(eid)
    return list(out.items())


def mention_spans(conn: sqlite3.Connection, names: list[str]) -> list[tuple[str, int, int]]:
    if not names:
        return []
    marks = ",".join("?" * len(names))
    return [tuple(r) for r in conn.execute(
        f'SELECT doc_id, start, "end" FROM mentions WHERE name IN ({marks}) OR text IN ({marks})', names + names)]


def projects(conn: sqlite3.Connection) -> list[tuple[str, str | None, list, dict]]:
    return [(r[0], r[1], json.loads(r[2]), json.loads(r[3]))
            for r in conn.execute("SELECT project, name, aliases, lifecycle FROM projects ORDER BY project")]


def conflicts(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM conflicts ORDER BY conflict_id").fetchall()


_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """User words -> a safe FTS5 query: each word quoted (no operators, no injection)."""
    words = _TOKEN.findall(text)[:16]
    return " ".join(f'"{w}"' for w in words) or None


def search(conn: sqlite3.Connection, text: str, limit: int = 50) -> dict[str, list[dict]]:
    match = fts_query(text)
    if match is None:
        return {"documents": [], "events": [], "quotes": []}
    docs = [dict(r) for r in conn.execute(
        "SELECT d.doc_id, d.name AS doc, d.title, d.published,"
        " snippet(documents_fts, 2, '\x02', '\x03', ' … ', 12) AS snippet"
        " FROM documents_fts JOIN documents d USING (doc_id) WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
        (match, limit))]
    events = [dict(r) for r in conn.execute(
        "SELECT e.event_id AS id, e.type, e.status, e.date, e.evidence, d.name AS doc"
        " FROM events_fts JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id"
        " WHERE events_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))]
    quotes = [dict(r) for r in conn.execute(
        "SELECT q.quote_id AS id, q.speaker, q.text, d.name AS doc"
        " FROM quotes_fts JOIN quotes q USING (quote_id) JOIN documents d ON d.doc_id = q.doc_id"
        " WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))]
    return {"documents": docs, "events": events, "quotes": quotes}
