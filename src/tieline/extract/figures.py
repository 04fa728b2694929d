"""Placeholder until the figures extractor lands (owned by its issue)."""
from __future__ import annotations

from ..model import Figure
from .nlp import ParsedDoc


def extract_figures(parsed: ParsedDoc) -> list[Figure]:
    return []
