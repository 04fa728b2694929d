"""Quality gates: score the ../shared corpora against their gold with the shared scorer.

They skip (with the reason) on a clone without ../shared; CI always has it. The
floors are what the project has reached: raise them as it improves, never lower
them silently.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tieline.engine.build import build
from tieline.export.evalfmt import export_eval
from tieline.store import db

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

pytestmark = pytest.mark.quality

# Issue floors where reached, else the level reached (rounded down), so quality never
# silently drops. Raise them as the extractor improves; never lower them silently.
FLOORS = {
    "seeds": {
        "body.keep": 0.95, "body.drop": 0.95, "meta.acc": 0.8,
        "events.identified.f1": 0.7, "events.classified.f1": 0.6,
        "events.attributes.status": 0.9, "events.attributes.date": 0.9,
        "events.attributes.countries": 0.8, "events.attributes.direction": 0.68,
        "events.attributes.amounts": 0.95, "timeline.date.f1": 0.8,
        "quotes.identified.f1": 0.95, "quotes.speaker_acc": 0.95, "figures.correct.f1": 0.9,
        "entities.found.f1": 0.78, "entities.alias_merge.f1": 0.65,
        "clusters.f1": 0.15, "conflicts.f1": 0.6,
    },
    "dev": {
        "body.keep": 0.95, "body.drop": 0.9, "meta.acc": 0.9,
        "events.identified.f1": 0.66, "events.classified.f1": 0.6,
        "events.attributes.status": 0.88, "events.attributes.date": 0.68,
        "events.attributes.countries": 0.72, "events.attributes.direction": 0.6,
        "timeline.date.f1": 0.6,
        "quotes.identified.f1": 0.95, "quotes.speaker_acc": 0.95,
        "entities.found.f1": 0.85, "clusters.f1": 0.33, "conflicts.f1": 0.45,
    },
    "plover": {
        "events.identified.f1": 0.78, "events.classified.f1": 0.53,
    },
}


def _score(corpus: str, tmp_path) -> dict:
    raw = SHARED / "corpus" / corpus
    gold = SHARED / "gold" / corpus
    if not raw.is_dir() or not gold.is_dir():
        pytest.skip(f"../shared/corpus/{corpus} not present (only in CI and developer checkouts)")
    kb = tmp_path / f"{corpus}.sqlite"
    build([str(raw)], kb)
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(export_eval(db.connect(kb, readonly=True))))
    report = tmp_path / "report.json"
    subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold), "--raw", str(raw),
                    "--pred", str(pred), "--json", str(report)], check=True, capture_output=True)
    return json.loads(report.read_text())


def _get(report: dict, dotted: str) -> float:
    node = report
    for part in dotted.split("."):
        node = node[part]
    return float(node)


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_floors(corpus, tmp_path):
    report = _score(corpus, tmp_path)
    below = {k: _get(report, k) for k, floor in FLOORS[corpus].items() if _get(report, k) < floor}
    assert not below, f"{corpus}: below the floor: {below}"
