"""Named projects (a slug) and the stated venue of an event."""
from __future__ import annotations

import re
from functools import lru_cache

from .event_lexicon import lexicon


@lru_cache(maxsize=1)
def _project_rx() -> re.Pattern:
    heads = sorted(lexicon().project_heads, key=len, reverse=True)
    head = "|".join(re.escape(h.title()) for h in heads)
    # Two or more capitalised words (hyphens and digits allowed) ending in a head noun,
    # e.g. "the Northern Gas Pipeline", "Eastern Rail Corridor".
    return re.compile(
        r"\b((?:[A-Z][\w\-’']*|[A-Z0-9][\w\-]*)(?:\s+(?:[A-Z][\w\-’']*|of|and|the))*\s+(?:"
        + head + r"))\b")


_EXERCISE = re.compile(r"\b([A-Z][a-z]+(?:[- ][A-Z0-9][\w]*)*(?:-\d{2,4})?)\s+(?:exercises?|drills?|war ?games)\b")
_STOP = frozenset({"The", "A", "An", "This", "That", "These", "Both", "Joint", "Its", "Their",
                   "In", "On", "At", "Under", "With", "For"})


def slug(name: str) -> str:
    s = name.lower().replace("+", " plus ")
    s = re.sub(r"[’']s\b", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def find_project(text: str) -> str | None:
    """Slug of the first named project, initiative or exercise in ``text``."""
    m = _project_rx().search(text)
    if m:
        words = m.group(1).split()
        while words and words[0] in _STOP:
            words = words[1:]
        if len(words) >= 2:
            return slug(" ".join(words))
    m = _EXERCISE.search(text)
    if m and m.group(1).split()[0] not in _STOP:
        return slug(m.group(1))
    return None


def find_location(head, region: set) -> str | None:
    """A place named by "in"/"at" on the trigger (or its own noun phrase)."""
    for ch in head.children:
        if ch.dep_ == "prep" and ch.lower_ in ("in", "at"):
            for w in ch.children:
                if w.dep_ == "pobj" and w.ent_type_ in ("GPE", "LOC", "FAC"):
                    ent = next((e for e in head.doc.ents if e.start <= w.i < e.end), None)
                    return ent.text if ent is not None else w.text
    return None
