"""Placeholder: date finding and resolution (being written; keep these signatures)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int            # offsets local to the text given to find_dates
    end: int
    text: str
    value: str | None     # ISO 8601 at the text's precision, None when vague
    kind: str             # absolute | relative | since | vague | decade | range


def find_dates(text: str, published: str | None) -> list[DateMention]:
    return []


def resolve_date(expr: str, published: str | None) -> str | None:
    return None


def to_iso(text: str) -> str | None:
    return None


def attach_date(sent, trigger, published: str | None) -> str | None:
    """The date of the event whose trigger token is ``trigger`` in sentence ``sent``."""
    return None
