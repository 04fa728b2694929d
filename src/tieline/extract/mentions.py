"""Placeholder until the mentions extractor lands (owned by its issue)."""
from __future__ import annotations

from ..model import Mention
from .nlp import ParsedDoc


def extract_mentions(parsed: ParsedDoc) -> list[Mention]:
    return []
