"""Scale: build time at growing corpus sizes, and how it grows (close to linear?).

    python bench/scale.py --sizes 1000 10000 --jobs 2
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import generate, save, timer

from tieline.engine.build import build


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 300])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--format", default="jsonl", choices=["txt", "jsonl"])
    args = ap.parse_args(argv)
    rows = []
    for n in args.sizes:
        corpus = generate(n, fmt=args.format)
        with tempfile.TemporaryDirectory() as tmp, timer() as t:
            r = build([str(corpus)], Path(tmp) / "kb.sqlite", jobs=args.jobs)
        rows.append({"n": n, "seconds": round(t["seconds"], 2), "docs_per_s": round(n / t["seconds"], 1),
                     "events": r.events})
    for prev, cur in zip(rows, rows[1:]):
        cur["time_ratio"] = round(cur["seconds"] / prev["seconds"], 2)
        cur["size_ratio"] = round(cur["n"] / prev["n"], 2)
    result = {"jobs": args.jobs, "format": args.format, "sizes": rows}
    save("scale", result)
    return result


if __name__ == "__main__":
    main()
