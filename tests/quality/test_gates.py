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

FLOORS = {
    "seeds": {
        "body.keep": 0.95, "body.drop": 0.95, "meta.acc": 0.8,
    },
    "dev": {
        "body.keep": 0.95, "body.drop": 0.9, "meta.acc": 0.75,
    },
    "plover": {},
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
