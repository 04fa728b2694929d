"""Short runs of every benchmark so none rots (the numbers are reported, not asserted)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"

RUNS = {
    "throughput": ["--n", "12", "--jobs", "1"],
    "memory": ["--sizes", "6", "12", "--jobs", "1"],
    "incremental": ["--n", "20", "--jobs", "1"],
    "scale": ["--sizes", "6", "12", "--jobs", "1"],
    "fusion": ["--sizes", "200", "400"],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(RUNS))
def test_benchmark_short_run(name, tmp_path):
    script = BENCH / f"{name}.py"
    if not script.exists():
        pytest.fail(f"benchmark {script} is missing")
    proc = subprocess.run([sys.executable, str(script), *RUNS[name]], cwd=BENCH, capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip(), "a benchmark prints its results"
