"""Incremental cost: adding 1% new documents to a built knowledge base, vs a full build.

    python bench/incremental.py --n 500 --jobs 2
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from common import generate, save, timer

from tieline.engine.build import build


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    extra = max(1, args.n // 100)
    base = generate(args.n)
    more = generate(extra, start=args.n, seed=0)
    with tempfile.TemporaryDirectory() as tmp:
        kb = Path(tmp) / "kb.sqlite"
        with timer() as full:
            build([str(base)], kb, jobs=args.jobs)
        inbox = Path(tmp) / "inbox"
        shutil.copytree(base, inbox / "base")
        shutil.copytree(more, inbox / "more")
        with timer() as inc:
            r = build([str(inbox)], kb, jobs=args.jobs)
    result = {"documents": args.n, "added": r.new, "known_skipped": r.known,
              "full_build_s": round(full["seconds"], 2), "incremental_s": round(inc["seconds"], 2),
              "incremental_share_of_full": round(inc["seconds"] / full["seconds"], 4),
              "added_share": round(extra / args.n, 4)}
    save(f"incremental-{args.n}", result)
    return result


if __name__ == "__main__":
    main()
