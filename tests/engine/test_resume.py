"""A killed build resumes: the final knowledge base equals an uninterrupted build's."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tieline.engine.build import build
from tieline.export.evalfmt import export_eval
from tieline.store import db

ROOT = Path(__file__).resolve().parents[2]


def _corpus(tmp_path: Path, n: int) -> Path:
    out = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus_gen.py"), "--n", str(n), "--out", str(out),
                    "--seed", "7"], check=True, capture_output=True)
    (out / "manifest.json").unlink(missing_ok=True)
    return out


def _export(path: Path) -> str:
    conn = db.connect(path, readonly=True)
    try:
        return json.dumps(export_eval(conn), sort_keys=True)
    finally:
        conn.close()


def _start(corpus: Path, kb: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tieline.cli", "build", str(corpus), "--db", str(kb), "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _wait_for_documents(kb: Path, at_least: int, timeout: float) -> None:
    """Wait until the build has committed some documents (so a kill lands mid-build)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with sqlite3.connect(f"file:{kb}?mode=ro", uri=True, timeout=1) as c:
                if c.execute("SELECT COUNT(*) FROM documents").fetchone()[0] >= at_least:
                    return
        except sqlite3.Error:
            pass
        time.sleep(0.05)


@pytest.mark.slow
def test_sigkill_at_random_points_then_resume(tmp_path):
    corpus = _corpus(tmp_path, 48)
    reference = tmp_path / "ref.sqlite"
    build([str(corpus)], reference, batch_size=4)
    kb = tmp_path / "kb.sqlite"
    rng = random.Random(11)
    kills = 0
    for target in sorted(rng.sample(range(1, 44), 3)):
        proc = _start(corpus, kb)
        _wait_for_documents(kb, target, timeout=120)
        time.sleep(rng.random() * 0.3)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(timeout=30)
    assert kills >= 1, "the build finished before any kill: the corpus is too small to test resume"
    proc = _start(corpus, kb)
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr.decode()[-2000:]
    assert _export(kb) == _export(reference)
    with sqlite3.connect(kb) as c:
        assert c.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 48
        statuses = [r[0] for r in c.execute("SELECT status FROM runs ORDER BY run_id")]
    assert statuses[-1] == "done" and "interrupted" in statuses[:-1]


@pytest.mark.slow
def test_ctrl_c_exits_cleanly_and_keeps_what_was_committed(tmp_path):
    corpus = _corpus(tmp_path, 24)
    kb = tmp_path / "kb.sqlite"
    proc = _start(corpus, kb)
    _wait_for_documents(kb, 2, timeout=120)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.fail("the build finished before Ctrl-C arrived")
    assert proc.returncode == 130
    assert b"Traceback" not in stderr and b"resume" in stderr
    with sqlite3.connect(kb) as c:
        kept = c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        assert kept >= 2
        assert c.execute("SELECT status FROM runs ORDER BY run_id DESC").fetchone()[0] == "interrupted"
