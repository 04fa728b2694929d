"""Placeholder: quantities with units and hedges (keep this signature)."""
from __future__ import annotations

from ..model import Amount


def find_amounts(text: str) -> list[Amount]:
    """Every quantity in ``text``; Amount.start/end are offsets local to ``text``."""
    return []
