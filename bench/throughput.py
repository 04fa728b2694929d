"""Throughput: tieline's full build vs a bare spaCy pass over the same texts.

Both run in this process, on the same generated corpus, with the same number of
processes. Reports documents/s, words/s and tieline's ratio to the bare pass
(target >= 0.8 on 2 cores).

    python bench/throughput.py --n 300 --jobs 2
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import generate, save, timer

from tieline.engine.build import build
from tieline.extract.nlp import load_nlp
from tieline.ingest.readers import read_items, walk


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    corpus = generate(args.n)
    docs = [d for d in read_items(walk([corpus])) if hasattr(d, "raw_text")]
    texts = [d.raw_text for d in docs]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    nlp("warm up")
    with timer() as bare:
        for _ in nlp.pipe(texts, batch_size=64, n_process=args.jobs):
            pass
    with tempfile.TemporaryDirectory() as tmp, timer() as full:
        report = build([str(corpus)], Path(tmp) / "kb.sqlite", jobs=args.jobs)
    result = {
        "documents": len(texts), "words": words, "jobs": args.jobs,
        "bare_spacy": {"seconds": round(bare["seconds"], 2), "docs_per_s": round(len(texts) / bare["seconds"], 1),
                       "words_per_s": round(words / bare["seconds"])},
        "tieline_build": {"seconds": round(full["seconds"], 2), "docs_per_s": round(len(texts) / full["seconds"], 1),
                          "words_per_s": round(words / full["seconds"]), "events": report.events},
        "ratio_to_bare": round(bare["seconds"] / full["seconds"], 3),
    }
    save(f"throughput-{args.n}", result)
    return result


if __name__ == "__main__":
    main()
