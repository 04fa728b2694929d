"""Placeholder until the quotes extractor lands (owned by its issue)."""
from __future__ import annotations

from ..model import Quote
from .nlp import ParsedDoc


def extract_quotes(parsed: ParsedDoc) -> list[Quote]:
    return []
