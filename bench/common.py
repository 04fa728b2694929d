"""Shared helpers for the benchmarks: corpus generation, timing, peak memory, reports."""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


def generate(n: int, fmt: str = "txt", seed: int = 0, start: int = 0, out: Path | None = None) -> Path:
    out = out or Path(tempfile.mkdtemp(prefix=f"tieline-bench-{n}-"))
    subprocess.run([sys.executable, str(HERE / "corpus_gen.py"), "--n", str(n), "--out", str(out), "--seed",
                    str(seed), "--format", fmt, "--start", str(start)], check=True, capture_output=True)
    (out / "manifest.json").unlink(missing_ok=True)
    return out


@contextmanager
def timer():
    box = {}
    t0 = time.perf_counter()
    yield box
    box["seconds"] = time.perf_counter() - t0


def peak_rss_mb(children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024.0


def machine() -> str:
    return f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"


def save(name: str, result: dict) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    result = {"benchmark": name, "machine": machine(), **result}
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return path
