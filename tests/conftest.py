"""Shared fixtures: the project's own sample corpus, tmp knowledge bases."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_kb(tmp_path_factory) -> Path:
    """The bundled samples built once per test session (read-only for tests)."""
    from tieline.engine.build import build

    path = tmp_path_factory.mktemp("kb") / "kb.sqlite"
    build([str(SAMPLES)], path)
    return path
