"""End-to-end builds on small fixtures: incremental, duplicates, bad input, resume."""
import sqlite3

import pytest

from tieline.engine.build import build
from tieline.errors import TielineError
from tieline.store import db

ARTICLE = (
    "Norway and Chile signed a fisheries agreement in Oslo on 4 March 2021, officials said.\n\n"
    "The accord covers joint research vessels and catch quotas for five years, the ministry said.\n\n"
    "Chile's trade minister said talks on a second accord would start in the spring of 2022.\n"
)


def _write(folder, name, text):
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def _count(path, table):
    with sqlite3.connect(path) as c:
        return c.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_incremental_build_adds_only_new(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    _write(src, "a.txt", ARTICLE)
    kb = tmp_path / "kb.sqlite"
    r1 = build([str(src)], kb)
    assert (r1.new, r1.known) == (1, 0)
    _write(src, "b.txt", ARTICLE.replace("Chile", "Peru"))
    r2 = build([str(src)], kb)
    assert (r2.new, r2.known) == (1, 1)
    assert _count(kb, "documents") == 2
    r3 = build([str(src)], kb)
    assert (r3.new, r3.known) == (0, 2)
    assert _count(kb, "documents") == 2


def test_exact_duplicate_is_declared_not_stored_twice(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    _write(src, "a.txt", ARTICLE)
    _write(src, "copy.txt", ARTICLE)
    kb = tmp_path / "kb.sqlite"
    r = build([str(src)], kb)
    assert (r.new, r.duplicate) == (1, 1)
    with sqlite3.connect(kb) as c:
        statuses = dict(c.execute("SELECT source, status FROM sources"))
    assert sorted(statuses.values()) == ["duplicate", "new"]


def test_bad_inputs_become_problems_and_the_build_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    _write(src, "good.txt", ARTICLE)
    (src / "empty.txt").write_bytes(b"")
    (src / "blank.txt").write_bytes(b"  \n \n")
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (src / "nul.txt").write_bytes(b"abc\x00\x01\x02\x00" * 100)
    (src / "page.html").write_text("<html><body><script>x()</script></body></html>")
    (src / "broken.jsonl").write_text('{"id": "x", "text": \n{"id": 5}\n')
    kb = tmp_path / "kb.sqlite"
    r = build([str(src)], kb)
    assert r.new == 1
    codes = sorted(p.code for p in r.problems)
    assert codes.count("T102") == 2 and codes.count("T103") == 2 and "T107" in codes
    # invariant: every input is a document, a duplicate or a problem
    assert r.inputs == r.new + r.known + r.duplicate + len(r.problems)
    assert _count(kb, "problems") == len(r.problems)


def test_problem_cleared_when_the_file_is_fixed(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    p = _write(src, "a.txt", "")
    kb = tmp_path / "kb.sqlite"
    assert len(build([str(src)], kb).problems) == 1
    p.write_text(ARTICLE)
    r = build([str(src)], kb)
    assert r.new == 1 and not r.problems
    assert _count(kb, "problems") == 0


def test_second_concurrent_build_is_refused(tmp_path):
    kb = tmp_path / "kb.sqlite"
    with db.build_lock(kb):
        with pytest.raises(TielineError) as exc:
            build([], kb)
    assert exc.value.code == "T206"


def test_not_a_knowledge_base_is_a_clear_error(tmp_path):
    kb = tmp_path / "other.sqlite"
    with sqlite3.connect(kb) as c:
        c.execute("CREATE TABLE foo (x)")
    with pytest.raises(TielineError) as exc:
        db.connect(kb)
    assert exc.value.code == "T203"


def test_schema_version_is_recorded_and_newer_refused(tmp_path):
    kb = tmp_path / "kb.sqlite"
    db.connect(kb).close()
    with sqlite3.connect(kb) as c:
        assert c.execute("SELECT value FROM kb_meta WHERE key='schema_version'").fetchone()[0] == str(db.SCHEMA_VERSION)
        c.execute("UPDATE kb_meta SET value='999' WHERE key='schema_version'")
    with pytest.raises(TielineError) as exc:
        db.connect(kb)
    assert exc.value.code == "T204"


def test_older_schema_is_migrated_by_a_writer_and_refused_by_readers(tmp_path):
    kb = tmp_path / "old.sqlite"
    db.connect(kb).close()
    with sqlite3.connect(kb) as c:   # make it look like a version-1 file
        c.execute("CREATE TABLE figures_v1 AS SELECT * FROM figures")
        c.execute("DROP TABLE figures")
        c.execute("ALTER TABLE figures_v1 DROP COLUMN qualifier")
        c.execute("ALTER TABLE figures_v1 RENAME TO figures")
        c.execute("UPDATE kb_meta SET value='1' WHERE key='schema_version'")
    with pytest.raises(TielineError) as exc:
        db.connect(kb, readonly=True)
    assert exc.value.code == "T205" and "tieline build" in exc.value.hint
    db.connect(kb).close()            # a writer migrates
    with sqlite3.connect(kb) as c:
        cols = [r[1] for r in c.execute("PRAGMA table_info(figures)")]
        version = c.execute("SELECT value FROM kb_meta WHERE key='schema_version'").fetchone()[0]
    assert "qualifier" in cols and version == str(db.SCHEMA_VERSION)
    db.connect(kb, readonly=True).close()
