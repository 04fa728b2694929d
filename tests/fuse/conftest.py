"""Helpers for fusion tests: events built from sentences we wrote ourselves."""
from __future__ import annotations

import pytest

from tieline.model import Amount, Event


def make_event(doc: str, text: str, evidence: str, type_: str, **kw) -> Event:
    start = text.index(evidence)
    amounts = tuple(Amount(v, u) for v, u in kw.pop("amounts", ()))
    return Event(doc_id=doc, start=start, end=start + len(evidence), evidence=evidence,
                 type=type_, amounts=amounts, **kw)


@pytest.fixture
def ev():
    return make_event
