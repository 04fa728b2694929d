"""Reliability suite plumbing: a session tally the tests add to, printed at the end.

The summary goes through pytest's terminal reporter (``pytest_terminal_summary``), so
it shows with or without ``-s``.
"""
from __future__ import annotations

import pytest

_TALLY = pytest.StashKey[dict]()


def _tally(config) -> dict:
    if _TALLY not in config.stash:
        config.stash[_TALLY] = {"inputs": 0, "crashes": 0, "losses": 0, "extract_failures": 0, "builds": 0,
                                "slowest": (0.0, "")}
    return config.stash[_TALLY]


@pytest.fixture(scope="session")
def reliability_tally(request) -> dict:
    """Counts every test adds to: inputs tried, crashes, losses, extraction failures."""
    return _tally(request.config)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    t = config.stash.get(_TALLY, None)
    if not t or not t["builds"]:
        return
    secs, what = t["slowest"]
    terminalreporter.write_sep("-", "tieline reliability")
    slowest = f"; slowest input read: {secs:.1f}s ({what})" if what else ""
    terminalreporter.write_line(
        f"inputs tried: {t['inputs']} in {t['builds']} builds; crashes: {t['crashes']}; "
        f"losses: {t['losses']}; extraction failures (T120): {t['extract_failures']}{slowest}")
