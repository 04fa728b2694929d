"""Placeholder until the events extractor lands (owned by its issue)."""
from __future__ import annotations

from ..model import Event
from .nlp import ParsedDoc


def extract_events(parsed: ParsedDoc) -> list[Event]:
    return []
