"""Readers while a build writes; two builds at once; old schema versions.

A build runs in a subprocess (the CLI, as a user would run it) on a generated corpus
while this process reads the same knowledge base through the read API (``KB``), the
eval export and the CLI ``export``. Every read must succeed (a knowledge base that does
not exist yet is the one allowed error, T201) and must not be torn: each document a
read shows carries all its records, compared per document with the finished build.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tieline.engine.build import build
from tieline.errors import TielineError
from tieline.export.evalfmt import export_eval
from tieline.query import KB
from tieline.store import db

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 300


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "corpus"
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus_gen.py"), "--n", "40", "--out", str(out), "--seed", "11"],
                   check=True, capture_output=True, timeout=120)
    return out


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "tieline.cli", *args]


def _start_build(corpus: Path, kb: Path) -> subprocess.Popen:
    return subprocess.Popen(_cli("build", str(corpus), "--db", str(kb), "-q"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _per_doc(conn: sqlite3.Connection) -> dict[str, tuple[int, int, int, int, int]]:
    """(paragraphs, events, quotes, figures, mentions) per document, in one statement."""
    rows = conn.execute(
        "SELECT d.doc_id,"
        " (SELECT COUNT(*) FROM paragraphs p WHERE p.doc_id=d.doc_id),"
        " (SELECT COUNT(*) FROM events e WHERE e.doc_id=d.doc_id),"
        " (SELECT COUNT(*) FROM quotes q WHERE q.doc_id=d.doc_id),"
        " (SELECT COUNT(*) FROM figures f WHERE f.doc_id=d.doc_id),"
        " (SELECT COUNT(*) FROM mentions m WHERE m.doc_id=d.doc_id) FROM documents d")
    return {r[0]: tuple(r[1:]) for r in rows}


def _read_kb(kb: Path) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """One read through the public read API (``KB``): per document (events, quotes), and
    the events or quotes that cite a document this same KB object does not list."""
    k = KB(kb)
    try:
        docs = dict(k.docs)
        events = k.events(limit=1_000_000)["items"]
        quotes = k.quotes(limit=1_000_000)["items"]
        ev, qu = Counter(e["doc_id"] for e in events), Counter(q["doc_id"] for q in quotes)
        per = {d: (ev[d], qu[d]) for d in docs}
        strays = [f"{x['id']} cites {x['doc_id']}" for x in (*events, *quotes) if x["doc_id"] not in docs]
        return per, strays
    finally:
        k.close()


def _export_counts(conn: sqlite3.Connection) -> tuple[dict[str, tuple[int, int, int]], list[str]]:
    """Per-document (events, quotes, figures) from the eval export, plus cluster members
    that name an event the same export does not contain (a torn export)."""
    data = export_eval(conn)
    per = {d["doc"]: (len(d["events"]), len(d["quotes"]), len(d["figures"])) for d in data["documents"]}
    ids = {e["id"] for d in data["documents"] for e in d["events"]}
    dangling = [m for c in data["corpus"]["clusters"] for m in c if m not in ids]
    return per, dangling


@pytest.fixture(scope="module")
def concurrent_run(corpus, tmp_path_factory, reliability_tally) -> dict:
    """A CLI build in a subprocess, read over and over from here until it ends."""
    kb = tmp_path_factory.mktemp("concurrent") / "kb.sqlite"
    proc = _start_build(corpus, kb)
    reads, errors, snapshots, exports, cli_exports, kb_reads = 0, [], [], [], [], []
    deadline = time.monotonic() + BUILD_TIMEOUT_S
    last_cli = 0.0
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                conn = db.connect(kb, readonly=True)
            except TielineError as exc:
                if exc.code != "T201":                       # not there yet: fine; anything else is not
                    errors.append(f"open: {exc}")
                time.sleep(0.05)
                continue
            try:
                snapshots.append(_per_doc(conn))
                exports.append(_export_counts(conn))
                reads += 1
            except (sqlite3.Error, TielineError) as exc:
                errors.append(f"read: {type(exc).__name__}: {exc}")
            finally:
                conn.close()
            try:
                kb_reads.append(_read_kb(kb))
            except (sqlite3.Error, TielineError) as exc:
                errors.append(f"KB: {type(exc).__name__}: {exc}")
            if time.monotonic() - last_cli > 3:              # the CLI too, as a user would run it
                last_cli = time.monotonic()
                r = subprocess.run(_cli("export", "--db", str(kb), "-f", "jsonl"), capture_output=True, text=True,
                                   timeout=120)
                if r.returncode != 0:
                    errors.append(f"cli export exit {r.returncode}: {r.stderr.strip()[-300:]}")
                else:
                    cli_exports.append([json.loads(line) for line in r.stdout.splitlines() if line.strip()])
            time.sleep(0.02)
        out, err = proc.communicate(timeout=max(1, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode in (0, 1), f"build failed ({proc.returncode}): {err[-500:]}"
    final_conn = db.connect(kb, readonly=True)
    try:
        final = _per_doc(final_conn)
        final_export, dangling = _export_counts(final_conn)
        assert final_conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        final_conn.close()
    assert len(final) == 40 and not dangling
    reliability_tally["builds"] += 1
    reliability_tally["inputs"] += 40
    return {"final": final, "final_export": final_export, "snapshots": snapshots, "exports": exports,
            "cli_exports": cli_exports, "kb_reads": kb_reads, "kb": kb, "reads": reads, "errors": errors}


def test_reads_and_exports_during_a_build_are_never_torn(concurrent_run):
    r = concurrent_run
    final, final_export, snapshots, exports = r["final"], r["final_export"], r["snapshots"], r["exports"]
    cli_exports, reads, errors = r["cli_exports"], r["reads"], r["errors"]
    torn = []
    for i, snap in enumerate(snapshots):
        for doc_id, counts in snap.items():
            if counts != final.get(doc_id):
                torn.append(f"read {i}: {doc_id} has {counts}, final {final.get(doc_id)}")
    for i, (per, dang) in enumerate(exports):
        for name, counts in per.items():
            if counts != final_export.get(name):
                torn.append(f"export {i}: {name} has {counts}, final {final_export.get(name)}")
        if dang:
            torn.append(f"export {i}: clusters name {len(dang)} events the export does not contain, e.g. {dang[0]}")
    for i, rows in enumerate(cli_exports):
        per = Counter(r["doc"] for r in rows if r["kind"] == "event")
        for r in rows:
            if r["kind"] == "document" and per[r["doc"]] != final_export[r["doc"]][0]:
                torn.append(f"cli export {i}: {r['doc']} has {per[r['doc']]} events, final {final_export[r['doc']][0]}")
    assert reads >= 3, f"only {reads} reads overlapped the build"
    assert len({len(s) for s in snapshots}) >= 2, "no read saw the build half-way (too fast to test?)"
    assert not errors, "\n".join(errors[:20])
    assert not torn, "\n".join(torn[:20])




@pytest.mark.xfail(strict=False, reason="query.KB loads its document list and its events/quotes in separate "
                   "statements, each its own WAL snapshot: mid-build, records can cite documents the KB does not list")
def test_kb_reads_during_a_build_are_never_torn(concurrent_run):
    kb, kb_reads = concurrent_run["kb"], concurrent_run["kb_reads"]
    assert len(kb_reads) >= 3
    torn = []
    final_kb, _ = _read_kb(kb)
    for i, (per, strays) in enumerate(kb_reads):
        for doc_id, counts in per.items():
            if counts != final_kb.get(doc_id):
                torn.append(f"KB read {i}: {doc_id} has {counts} (events, quotes), final {final_kb.get(doc_id)}")
        if strays:
            torn.append(f"KB read {i}: {len(strays)} records cite documents its doc list lacks, e.g. {strays[0]}")
    assert not torn, "\n".join(torn[:20])


def _wait_until_running(kb: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    """Until the build holds its lock and has started its run (so a second build collides)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(f"file:{kb}?mode=ro", uri=True, timeout=1) as c:
                if c.execute("SELECT COUNT(*) FROM runs WHERE status='running'").fetchone()[0]:
                    return
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    raise AssertionError("the first build never started running")


def test_second_build_is_refused_and_the_database_survives(corpus, tmp_path):
    kb = tmp_path / "kb.sqlite"
    first = _start_build(corpus, kb)
    try:
        _wait_until_running(kb, first)
        second = subprocess.run(_cli("build", str(corpus), "--db", str(kb), "-q"), capture_output=True, text=True,
                                timeout=120)
        with pytest.raises(TielineError) as exc_info:      # the library refuses the same way
            build([str(corpus)], kb)
        still_running = first.poll() is None
        _, err = first.communicate(timeout=BUILD_TIMEOUT_S)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert still_running, "the first build ended before the second tried: the collision was not tested"
    assert second.returncode == 2, second.stderr
    assert "T206" in second.stderr and f"another build is writing to {kb}" in " ".join(second.stderr.split())
    assert "Traceback" not in second.stderr
    assert exc_info.value.code == "T206"
    assert first.returncode in (0, 1), err[-500:]
    conn = db.connect(kb, readonly=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 40
        assert [r[0] for r in conn.execute("SELECT status FROM runs")] == ["done"]
    finally:
        conn.close()


# ------------------------------------------------------------------ schema versions

@pytest.fixture()
def small_kb(tmp_path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Talks resume\n\nThe foreign ministers of Chile and Kenya met in Nairobi on Tuesday "
                               "and agreed to widen cooperation on ports and fisheries.\n")
    kb = tmp_path / "kb.sqlite"
    build([str(src)], kb)
    return kb


def _set_version(kb: Path, version: int) -> None:
    with sqlite3.connect(kb) as c:
        c.execute("UPDATE kb_meta SET value=? WHERE key='schema_version'", (str(version),))


def _version(kb: Path) -> int:
    with sqlite3.connect(kb) as c:
        return int(c.execute("SELECT value FROM kb_meta WHERE key='schema_version'").fetchone()[0])


def test_older_schema_is_refused_by_readers_with_the_exact_instruction(small_kb):
    _set_version(small_kb, db.SCHEMA_VERSION - 1)
    with pytest.raises(TielineError) as exc_info:
        KB(small_kb)
    assert exc_info.value.code == "T205"
    assert exc_info.value.hint == "run `tieline build --db FILE` once (no paths needed) to migrate it"
    r = subprocess.run(_cli("info", "--db", str(small_kb)), capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "T205" in r.stderr and "tieline build --db" in r.stderr
    assert "Traceback" not in r.stderr
    assert _version(small_kb) == db.SCHEMA_VERSION - 1        # a reader never writes


def test_older_schema_without_a_migration_is_refused_by_the_writer(small_kb, monkeypatch):
    monkeypatch.setattr(db, "MIGRATIONS", {})
    _set_version(small_kb, db.SCHEMA_VERSION - 1)
    with pytest.raises(TielineError) as exc_info:
        build([], small_kb)
    assert exc_info.value.code == "T205"
    assert "rebuild the knowledge base" in exc_info.value.hint
    assert _version(small_kb) == db.SCHEMA_VERSION - 1        # nothing half-migrated
    with sqlite3.connect(small_kb) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert c.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1


def test_older_schema_with_a_migration_is_migrated_in_place(small_kb, monkeypatch):
    old = db.SCHEMA_VERSION - 1
    monkeypatch.setattr(db, "MIGRATIONS", {old: "CREATE TABLE IF NOT EXISTS migration_probe (x INTEGER);"})
    _set_version(small_kb, old)
    build([], small_kb)                                       # the instruction T205 gives: build with no paths
    assert _version(small_kb) == db.SCHEMA_VERSION
    k = KB(small_kb)                                          # readers accept it again, data intact
    try:
        assert len(k.docs) == 1
    finally:
        k.close()
    with sqlite3.connect(small_kb) as c:
        assert c.execute("SELECT name FROM sqlite_master WHERE name='migration_probe'").fetchone()


def test_newer_schema_is_refused(small_kb):
    _set_version(small_kb, db.SCHEMA_VERSION + 1)
    for opener in (lambda: KB(small_kb), lambda: build([], small_kb)):
        with pytest.raises(TielineError) as exc_info:
            opener()
        assert exc_info.value.code == "T204" and "upgrade tieline" in exc_info.value.hint
    assert _version(small_kb) == db.SCHEMA_VERSION + 1


# ------------------------------------------------------------------ first creation

@pytest.mark.xfail(strict=False, reason="db._check_schema creates the schema with executescript (one autocommit per "
                   "statement) and writes schema_version last: a reader opening the file meanwhile gets T203 'not a "
                   "tieline knowledge base' or T205 'schema 0', not T201 'no knowledge base (yet)'")
def test_readers_racing_the_first_build_see_no_kb_or_a_whole_one(tmp_path):
    import threading

    wrong = Counter()
    for i in range(15):
        kb = tmp_path / f"kb{i}.sqlite"
        t = threading.Thread(target=lambda: db.connect(kb).close())
        t.start()
        while t.is_alive():
            try:
                db.connect(kb, readonly=True).close()
            except TielineError as exc:
                if exc.code != "T201":
                    wrong[f"{exc.code}: {exc.message[:50]}"] += 1
        t.join()
    assert not wrong, dict(wrong)


def _as_v1(kb: Path, drop_column: bool) -> None:
    """Turn a fresh knowledge base back into schema 1 (before figures.qualifier)."""
    with sqlite3.connect(kb) as c:
        if drop_column:
            c.execute("ALTER TABLE figures DROP COLUMN qualifier")
        c.execute("UPDATE kb_meta SET value='1' WHERE key='schema_version'")


@pytest.mark.skipif(1 not in db.MIGRATIONS, reason="no real 1 -> 2 migration in this version")
def test_a_real_schema_1_knowledge_base_is_migrated(small_kb):
    _as_v1(small_kb, drop_column=True)
    with pytest.raises(TielineError) as exc_info:
        KB(small_kb)
    assert exc_info.value.code == "T205"
    build([], small_kb)
    assert _version(small_kb) == db.SCHEMA_VERSION
    with sqlite3.connect(small_kb) as c:
        cols = {r[1] for r in c.execute("PRAGMA table_info(figures)")}
        assert "qualifier" in cols
        assert c.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.skipif(1 not in db.MIGRATIONS, reason="no real 1 -> 2 migration in this version")
@pytest.mark.xfail(strict=False, reason="db.migrate commits a migration script (executescript) before the version "
                   "bump: a build killed between the two leaves the change applied at the old version, and the "
                   "next run fails re-applying it, reported as T203 'not a tieline knowledge base'")
def test_a_migration_interrupted_before_its_version_bump_recovers(small_kb):
    _as_v1(small_kb, drop_column=False)        # the column is there, the version still says 1
    build([], small_kb)
    assert _version(small_kb) == db.SCHEMA_VERSION
