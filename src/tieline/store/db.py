"""The SQLite knowledge base: the only module that writes SQL.

Writes happen per batch of documents in one transaction (a document and all its
records land together or not at all), so a killed build resumes by skipping the
documents already committed: no duplicates, nothing lost.
"""
from __future__ import annotations

import fcntl
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from .. import __version__
from ..errors import TielineError
from ..model import Amount, Document, Entity, Event, Figure, Mention, Paragraph, Problem, Quote, Records, Role

SCHEMA_VERSION = 2


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _schema_sql() -> str:
    return resources.files("tieline.store").joinpath("schema.sql").read_text(encoding="utf-8")


def connect(path: str | os.PathLike, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (and for writers, create or migrate) a knowledge base."""
    path = Path(path)
    if readonly:
        if not path.exists():
            raise TielineError("T201", f"no knowledge base at {path}", "build one first: tieline build PATH --db " + str(path))
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30, check_same_thread=False)
    else:
        if path.parent and not path.parent.exists():
            raise TielineError("T202", f"folder {path.parent} does not exist", "create it or pick another --db path")
        conn = sqlite3.connect(path, timeout=30, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        if not readonly:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        _check_schema(conn, readonly)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise TielineError("T203", f"{path} is not a tieline knowledge base ({exc})",
                           "point --db at a file made by `tieline build`, or a new path") from exc
    return conn


def _check_schema(conn: sqlite3.Connection, readonly: bool) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "kb_meta" not in tables:
        if tables - {"sqlite_sequence"}:
            raise sqlite3.DatabaseError("it has tables but no tieline metadata")
        if readonly:
            raise sqlite3.DatabaseError("empty database")
        conn.executescript(_schema_sql())
        conn.execute("INSERT OR REPLACE INTO kb_meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        conn.execute("INSERT OR REPLACE INTO kb_meta VALUES ('created_by', ?)", (f"tieline {__version__}",))
        conn.commit()
        return
    row = conn.execute("SELECT value FROM kb_meta WHERE key='schema_version'").fetchone()
    version = int(row[0]) if row else 0
    if version > SCHEMA_VERSION:
        raise TielineError("T204", f"knowledge base schema {version} is newer than this tieline ({SCHEMA_VERSION})",
                           "upgrade tieline: pip install -U tieline")
    if version < SCHEMA_VERSION:
        if readonly:
            raise TielineError("T205", f"knowledge base schema {version} is older than {SCHEMA_VERSION}",
                               "run `tieline build --db FILE` once (no paths needed) to migrate it")
        migrate(conn, version)


#: Forward migrations: version N -> N+1 as SQL scripts.
MIGRATIONS: dict[int, str] = {
    1: "ALTER TABLE figures ADD COLUMN qualifier TEXT;",   # hedges on trade figures
}


def migrate(conn: sqlite3.Connection, version: int) -> None:
    while version < SCHEMA_VERSION:
        script = MIGRATIONS.get(version)
        if script is None:
            raise TielineError("T205", f"no migration from schema {version}",
                               "rebuild the knowledge base from your articles into a new --db file")
        conn.executescript(script)
        version += 1
        conn.execute("INSERT OR REPLACE INTO kb_meta VALUES ('schema_version', ?)", (str(version),))
    conn.commit()


# ----------------------------------------------------------------- locking

@contextmanager
def build_lock(db_path: str | os.PathLike) -> Iterator[None]:
    """One builder per knowledge base; the OS drops the lock if the process dies."""
    lock_path = f"{db_path}.lock"
    fh = open(lock_path, "w")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise TielineError("T206", f"another build is writing to {db_path}",
                               "wait for it to finish (readers such as serve/export are fine)") from exc
        fh.write(str(os.getpid()))
        fh.flush()
        yield
    finally:
        fh.close()


# ----------------------------------------------------------------- runs

def start_run(conn: sqlite3.Connection, engine: str) -> int:
    # A run left 'running' by a killed build is marked as such, not silently reused.
    conn.execute("UPDATE runs SET status='interrupted' WHERE status='running'")
    cur = conn.execute("INSERT INTO runs (started, status, engine, version) VALUES (?, 'running', ?, ?)",
                       (_now(), engine, __version__))
    conn.commit()
    return int(cur.lastrowid)


def finish_run(conn: sqlite3.Connection, run_id: int, status: str, counts: dict) -> None:
    conn.execute(
        "UPDATE runs SET finished=?, status=?, n_inputs=?, n_new=?, n_known=?, n_duplicate=?, n_problems=? WHERE run_id=?",
        (_now(), status, counts.get("inputs", 0), counts.get("new", 0), counts.get("known", 0),
         counts.get("duplicate", 0), counts.get("problems", 0), run_id))
    conn.commit()


# ----------------------------------------------------------------- writing

def known_doc_ids(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT doc_id FROM documents")}


def source_status(conn: sqlite3.Connection, source: str) -> str | None:
    row = conn.execute("SELECT status FROM sources WHERE source=?", (source,)).fetchone()
    return row[0] if row else None


def _unique_name(conn: sqlite3.Connection, doc: Document) -> str:
    row = conn.execute("SELECT doc_id FROM documents WHERE name=?", (doc.name,)).fetchone()
    if row is None or row[0] == doc.doc_id:
        return doc.name
    return f"{doc.name}~{doc.doc_id[:6]}"


def record_source(conn: sqlite3.Connection, source: str, doc_id: str | None, status: str, run_id: int) -> None:
    conn.execute("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?)", (source, doc_id, status, run_id))
    if status != "problem":
        conn.execute("DELETE FROM problems WHERE source=?", (source,))


def record_problem(conn: sqlite3.Connection, problem: Problem, run_id: int) -> None:
    conn.execute("INSERT OR REPLACE INTO problems VALUES (?, ?, ?, ?, ?)",
                 (problem.source, problem.code, problem.message, problem.stage, run_id))
    if problem.stage == "ingest":   # an input that became no document (later stages keep theirs)
        record_source(conn, problem.source, None, "problem", run_id)


def write_document(conn: sqlite3.Connection, doc: Document, records: Records, run_id: int,
                   simhash: str | None = None) -> str:
    """Insert a document with all its records; returns the name it is stored under."""
    name = _unique_name(conn, doc)
    body = doc.body_text
    conn.execute(
        "INSERT INTO documents (doc_id, name, source, fmt, title, author, published, language, url, site,"
        " raw_text, body_text, n_words, simhash, run_id, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (doc.doc_id, name, doc.source, doc.fmt, doc.title, doc.author, doc.published, doc.language, doc.url,
         doc.site, doc.raw_text, body, len(body.split()), simhash, run_id, json.dumps(list(records.notes))))
    conn.executemany('INSERT INTO paragraphs (doc_id, idx, start, "end", kept, text) VALUES (?,?,?,?,?,?)',
                     [(doc.doc_id, i, p.start, p.end, 1, p.text) for i, p in enumerate(doc.paragraphs)]
                     + [(doc.doc_id, i, p.start, p.end, 0, p.text) for i, p in enumerate(doc.dropped)])
    conn.execute("INSERT INTO documents_fts (doc_id, title, body_text) VALUES (?,?,?)", (doc.doc_id, doc.title or "", body))
    ev_rows = []
    for i, e in enumerate(records.events, 1):
        eid = f"{name}#e{i:02d}"
        ev_rows.append((eid, doc.doc_id, i, e.start, e.end, e.evidence, e.type, e.mode, e.sector, e.status, e.date,
                        json.dumps(list(e.countries)), json.dumps(list(e.source)), json.dumps(list(e.target)),
                        json.dumps([a.as_json() for a in e.amounts]), e.location, e.project, e.trigger, e.extractor))
    conn.executemany('INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', ev_rows)
    conn.executemany("INSERT INTO events_fts (event_id, evidence) VALUES (?,?)", [(r[0], r[5]) for r in ev_rows])
    q_rows = [(f"{name}#q{i}", doc.doc_id, i, q.start, q.end, q.text, q.speaker, q.affiliation, q.extractor)
              for i, q in enumerate(records.quotes, 1)]
    conn.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?)", q_rows)
    conn.executemany("INSERT INTO quotes_fts (quote_id, text, speaker) VALUES (?,?,?)",
                     [(r[0], r[5], r[6] or "") for r in q_rows])
    conn.executemany("INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     [(f"{name}#f{i}", doc.doc_id, i, f.start, f.end, f.evidence, f.indicator, f.value, f.unit,
                       f.period, f.base_period, json.dumps(list(f.countries)), f.extractor, f.qualifier)
                      for i, f in enumerate(records.figures, 1)])
    conn.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?)",
                     [(doc.doc_id, i, m.start, m.end, m.text, m.label, m.name, m.country, m.role, m.extractor)
                      for i, m in enumerate(records.mentions)])
    return name


# ----------------------------------------------------------------- reading

@dataclass(frozen=True, slots=True)
class DocInfo:
    doc_id: str
    name: str
    title: str | None
    author: str | None
    published: str | None
    language: str | None
    url: str | None
    site: str | None
    source: str


def doc_infos(conn: sqlite3.Connection) -> dict[str, DocInfo]:
    rows = conn.execute("SELECT doc_id, name, title, author, published, language, url, site, source FROM documents ORDER BY name")
    return {r["doc_id"]: DocInfo(*r) for r in rows}


def load_document(conn: sqlite3.Connection, doc_id: str) -> Document:
    r = conn.execute("SELECT * FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
    paras = conn.execute('SELECT start, "end", text, kept FROM paragraphs WHERE doc_id=? ORDER BY kept DESC, idx', (doc_id,)).fetchall()
    return Document(doc_id=r["doc_id"], name=r["name"], source=r["source"], fmt=r["fmt"], raw_text=r["raw_text"],
                    paragraphs=tuple(Paragraph(p[0], p[1], p[2]) for p in paras if p[3]),
                    title=r["title"], author=r["author"], published=r["published"], language=r["language"],
                    url=r["url"], site=r["site"], dropped=tuple(Paragraph(p[0], p[1], p[2]) for p in paras if not p[3]))


def _event(r: sqlite3.Row) -> Event:
    return Event(doc_id=r["doc_id"], start=r["start"], end=r["end"], evidence=r["evidence"], type=r["type"],
                 mode=r["mode"], sector=r["sector"], status=r["status"], date=r["date"],
                 countries=tuple(json.loads(r["countries"])), source=tuple(json.loads(r["source"])),
                 target=tuple(json.loads(r["target"])),
                 amounts=tuple(Amount(a["value"], a["unit"], a.get("qualifier")) for a in json.loads(r["amounts"])),
                 location=r["location"], project=r["project"], trigger=r["trigger"], extractor=r["extractor"])


def load_events(conn: sqlite3.Connection) -> list[tuple[str, Event]]:
    """All events as (event_id, Event), in document-name then position order."""
    rows = conn.execute("SELECT e.* FROM events e JOIN documents d USING (doc_id) ORDER BY d.name, e.idx")
    return [(r["event_id"], _event(r)) for r in rows]


def load_quotes(conn: sqlite3.Connection) -> list[tuple[str, Quote]]:
    rows = conn.execute("SELECT q.* FROM quotes q JOIN documents d USING (doc_id) ORDER BY d.name, q.idx")
    return [(r["quote_id"], Quote(r["doc_id"], r["start"], r["end"], r["text"], r["speaker"], r["affiliation"],
                                  r["extractor"])) for r in rows]


def load_figures(conn: sqlite3.Connection) -> list[tuple[str, Figure]]:
    rows = conn.execute("SELECT f.* FROM figures f JOIN documents d USING (doc_id) ORDER BY d.name, f.idx")
    return [(r["figure_id"], Figure(r["doc_id"], r["start"], r["end"], r["evidence"], r["indicator"], r["value"],
                                    r["unit"], r["period"], r["base_period"], tuple(json.loads(r["countries"])),
                                    r["extractor"], r["qualifier"])) for r in rows]


def load_mentions(conn: sqlite3.Connection) -> list[Mention]:
    rows = conn.execute("SELECT m.* FROM mentions m JOIN documents d USING (doc_id) ORDER BY d.name, m.idx")
    return [Mention(r["doc_id"], r["start"], r["end"], r["text"], r["label"], r["name"], r["country"], r["role"],
                    r["extractor"]) for r in rows]


def load_entities(conn: sqlite3.Connection) -> list[Entity]:
    rows = conn.execute("SELECT * FROM entities ORDER BY entity_id")
    return [Entity(r["entity_id"], r["name"], r["type"], r["country"], tuple(json.loads(r["aliases"])),
                   tuple(Role(x["title"], x["doc"], x.get("date")) for x in json.loads(r["roles"]))) for r in rows]


def simhashes(conn: sqlite3.Connection) -> list[tuple[str, str, str | None]]:
    return [tuple(r) for r in conn.execute("SELECT doc_id, simhash, published FROM documents ORDER BY name")]


# ----------------------------------------------------------------- fusion results

def replace_fusion(conn: sqlite3.Connection, *, entities: Iterable[Entity] = (), clusters: Iterable[dict] = (),
                   conflicts: Iterable[dict] = (), projects: Iterable[dict] = (),
                   near_dups: dict[str, str] | None = None) -> None:
    """Swap in the corpus-level results of one fusion pass, atomically."""
    with conn:
        for table in ("entities", "clusters", "cluster_info", "conflicts", "projects"):
            conn.execute(f"DELETE FROM {table}")
        conn.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?)",
                         [(e.entity_id, e.name, e.type, e.country, json.dumps(list(e.aliases)),
                           json.dumps([{"title": r.title, "doc": r.doc, "date": r.date} for r in e.roles]))
                          for e in entities])
        for c in clusters:
            cid = c["cluster_id"]
            conn.executemany("INSERT INTO clusters VALUES (?,?,?)",
                             [(cid, eid, int(eid == c.get("canonical"))) for eid in c["events"]])
            conn.execute("INSERT INTO cluster_info VALUES (?,?,?,?,?,?,?,?)",
                         (cid, c.get("type"), c.get("status"), c.get("date"), json.dumps(c.get("countries", [])),
                          json.dumps(c.get("amounts", [])), c.get("n_documents", 0), c.get("n_sources", 0)))
        conn.executemany(
            'INSERT INTO conflicts (kind, about, a_doc, a_start, a_end, a_evidence, b_doc, b_start, b_end, b_evidence)'
            ' VALUES (?,?,?,?,?,?,?,?,?,?)',
            [(c["kind"], c["about"], c["a"]["doc_id"], c["a"]["start"], c["a"]["end"], c["a"]["evidence"],
              c["b"]["doc_id"], c["b"]["start"], c["b"]["end"], c["b"]["evidence"]) for c in conflicts])
        conn.executemany("INSERT INTO projects VALUES (?,?,?,?)",
                         [(p["project"], p.get("name"), json.dumps(p.get("aliases", [])),
                           json.dumps({k: v for k, v in p.items() if k not in ("project", "name", "aliases")}))
                          for p in projects])
        conn.execute("UPDATE documents SET near_dup_of=NULL")
        conn.executemany("UPDATE documents SET near_dup_of=? WHERE doc_id=?",
                         [(orig, dup) for dup, orig in (near_dups or {}).items()])


# ----------------------------------------------------------------- summaries

def counts(conn: sqlite3.Connection) -> dict:
    out = {}
    for table in ("documents", "events", "quotes", "figures", "mentions", "entities", "conflicts", "problems"):
        out[table] = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    out["clusters"] = conn.execute("SELECT COUNT(DISTINCT cluster_id) FROM clusters").fetchone()[0]
    out["near_duplicates"] = conn.execute("SELECT COUNT(*) FROM documents WHERE near_dup_of IS NOT NULL").fetchone()[0]
    out["languages"] = {r[0] or "unknown": r[1] for r in
                        conn.execute("SELECT language, COUNT(*) FROM documents GROUP BY language ORDER BY 2 DESC")}
    lo, hi = conn.execute("SELECT MIN(published), MAX(published) FROM documents").fetchone()
    out["published_range"] = [lo, hi]
    out["problem_codes"] = {r[0]: r[1] for r in conn.execute("SELECT code, COUNT(*) FROM problems GROUP BY code")}
    out["runs"] = conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0]
    return out


def problems(conn: sqlite3.Connection) -> list[dict]:
    return [dict(r) for r in conn.execute("SELECT source, code, message, stage FROM problems ORDER BY source")]
