"""Quality table: builds each ../shared corpus, scores it with the shared scorer and
prints the headline metrics as a Markdown table (the one in docs/quality.md).

    python bench/quality.py [--corpora seeds dev plover]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tieline.engine.build import build
from tieline.export.evalfmt import export_eval
from tieline.store import db

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
METRICS = [
    "events.identified.f1", "events.classified.f1", "events.attributes.mode", "events.attributes.status",
    "events.attributes.date", "events.attributes.countries", "events.attributes.direction",
    "events.attributes.amounts", "timeline.date.f1", "quotes.identified.f1", "quotes.speaker_acc",
    "figures.correct.f1", "body.keep", "body.drop", "meta.acc", "entities.found.f1", "entities.alias_merge.f1",
    "clusters.f1", "conflicts.f1",
]


def score(corpus: str, tmp: Path) -> dict:
    raw, gold = SHARED / "corpus" / corpus, SHARED / "gold" / corpus
    kb = tmp / f"{corpus}.sqlite"
    build([str(raw)], kb)
    pred, report = tmp / f"{corpus}.json", tmp / f"{corpus}-report.json"
    pred.write_text(json.dumps(export_eval(db.connect(kb, readonly=True))))
    subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold), "--raw", str(raw),
                    "--pred", str(pred), "--json", str(report)], check=True, capture_output=True)
    return json.loads(report.read_text())


def get(report: dict, dotted: str) -> float:
    for part in dotted.split("."):
        report = report[part]
    return float(report)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", nargs="+", default=["seeds", "dev", "plover"])
    args = ap.parse_args(argv)
    if not (SHARED / "eval" / "score.py").exists():
        raise SystemExit(f"quality.py: {SHARED} not found (the gold corpora live beside the clone)")
    with tempfile.TemporaryDirectory() as tmp:
        reports = {c: score(c, Path(tmp)) for c in args.corpora}
    print("| metric | " + " | ".join(args.corpora) + " |")
    print("|---|" + "---|" * len(args.corpora))
    for m in METRICS:
        print(f"| {m} | " + " | ".join(f"{get(reports[c], m):.3f}" for c in args.corpora) + " |")


if __name__ == "__main__":
    main()
