"""Placeholder: country names, demonyms, capitals -> ISO3 (keep these signatures)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CountryMention:
    start: int            # offsets local to the text given
    end: int
    text: str
    iso3: str
    kind: str             # name | demonym | capital | body | org


def find_countries(text: str) -> list[CountryMention]:
    return []


def iso3(name: str) -> str | None:
    return None


def country_name(code: str) -> str:
    return code
