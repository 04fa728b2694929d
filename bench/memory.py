"""Peak memory of a build as the corpus grows (streaming: it should stay flat).

Each size is built in a fresh subprocess so peak RSS is that build's alone
(the worker processes' peak is reported beside it).

    python bench/memory.py --sizes 100 1000 --jobs 2
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from common import HERE, generate, save

CHILD = """
import json, resource, sys, time
sys.path.insert(0, {here!r})
from tieline.engine.build import build
t0 = time.perf_counter()
r = build([{corpus!r}], {kb!r}, jobs={jobs})
print(json.dumps({{"seconds": time.perf_counter() - t0, "docs": r.new,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "workers_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}}))
"""


def measure(n: int, jobs: int, fmt: str) -> dict:
    corpus = generate(n, fmt=fmt)
    with tempfile.TemporaryDirectory() as tmp:
        code = CHILD.format(here=str(HERE), corpus=str(corpus), kb=str(Path(tmp) / "kb.sqlite"), jobs=jobs)
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--format", default="jsonl", choices=["txt", "jsonl"])
    args = ap.parse_args(argv)
    rows = [{"n": n, **measure(n, args.jobs, args.format)} for n in args.sizes]
    for r in rows:
        r["seconds"] = round(r["seconds"], 2)
        r["peak_rss_mb"] = round(r["peak_rss_mb"], 1)
        r["workers_peak_rss_mb"] = round(r["workers_peak_rss_mb"], 1)
    growth = rows[-1]["peak_rss_mb"] / rows[0]["peak_rss_mb"] if rows[0]["peak_rss_mb"] else None
    result = {"jobs": args.jobs, "format": args.format, "sizes": rows,
              "peak_rss_growth_first_to_last": round(growth, 3) if growth else None}
    save("memory", result)
    return result


if __name__ == "__main__":
    main()
