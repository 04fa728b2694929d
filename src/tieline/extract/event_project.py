"""Named projects (a slug) and the stated venue of an event."""
from __future__ import annotations

import re
from functools import lru_cache

from .event_lexicon import lexicon

_Q = "\"'\u2018\u2019\u201c\u201d"
# One unambiguous alternative: overlapping ones make the repeated group below backtrack
# exponentially on long runs of capitalised words.
_WORD = r"[A-Z0-9][\w\-\u2019']*"
_JOIN = r"(?:of|and|&|for)"
_STOP = frozenset({"The", "A", "An", "This", "That", "These", "Both", "Its", "Their", "In",
                   "On", "At", "Under", "With", "For", "By", "From", "Of", "And", "Also"})
_EX_MODS = r"(?:(?:joint|military|naval|air|army|counter-terrorism|counterterrorism|" \
           r"anti-terror|anti-terrorism|special|bilateral|trilateral|annual|" \
           r"tactical|mountain|maritime)\s+)*"


@lru_cache(maxsize=1)
def _project_rx() -> re.Pattern:
    heads = sorted(lexicon().project_heads, key=len, reverse=True)
    head = "|".join(re.escape(h.title()) for h in heads)
    # Capitalised words (joined by of/and) ending in a head noun: "the Northern Gas
    # Pipeline", "Eastern Rail Corridor", "Belt and Road Initiative".
    return re.compile(rf"\b({_WORD}(?:\s+(?:{_WORD}|{_JOIN}))*\s+(?:{head}))\b")


_EXERCISE_BEFORE = re.compile(
    rf"[{_Q}]?\b([A-Z][a-z]+(?:[- ](?:\d{{1,4}}|[IVX]+|[A-Z][a-z]+))?)[{_Q}]?\s+{_EX_MODS}"
    r"(?:exercises?|drills?|war ?games|manoeuvres|maneuvers)\b")
_EXERCISE_AFTER = re.compile(
    rf"\b(?:exercises?|drills?|war ?games)\s+(?:called|named|dubbed|code-named|codenamed)\s+"
    rf"[{_Q}]?([A-Z][\w]*(?:-\w+)?)")


def _names_state(name: str) -> bool:
    from .countries import find_countries
    return bool(find_countries(name)) or any(
        w.lower() in ("pak", "sino", "indo", "russo", "anglo", "franco", "us") for w in re.split(r"[- ]", name))


def slug(name: str) -> str:
    s = name.lower().replace("+", " plus ").replace("&", " and ")
    s = re.sub(r"[\u2019']s\b", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def _base_name(name: str) -> str:
    """"Druzhba-2016" and "Druzhba 111" name one exercise series: drop the edition."""
    return re.sub(r"[- ](?:\d{1,4}|[IVX]+)$", "", name)


def find_project(text: str, acronyms: dict | None = None) -> str | None:
    """Slug of the first named project, initiative or exercise in ``text``.

    ``acronyms`` maps an acronym the document defined ("CPEC") to the slug of the
    full name, so a later bare acronym gets the same slug.
    """
    m = _project_rx().search(text)
    if m:
        words = m.group(1).split()
        while words and words[0] in _STOP:
            words = words[1:]
        if len(words) >= 2:
            return slug(" ".join(words))
    for rx in (_EXERCISE_AFTER, _EXERCISE_BEFORE):
        for m in rx.finditer(text):
            name = m.group(1)
            if name.split()[0] in _STOP or _names_state(name):
                continue          # "joint Pak-Russian drills" describe, they do not name
            return slug(_base_name(name))
    for acro, s in (acronyms or {}).items():
        if re.search(rf"\b{re.escape(acro)}\b", text):
            return s
    return None


_DEFINED = re.compile(r"\b((?:[A-Z][\w\-]*\s+(?:(?:and|of|for|&)\s+)?){1,7}?[A-Z][\w\-]*)"
                      r"\s+\(([A-Z][A-Za-z0-9\-+]{1,10})\)")


def project_acronyms(text: str) -> dict:
    """Acronyms the text defines for projects: "China Pakistan Economic Corridor (CPEC)"."""
    out = {}
    for m in _DEFINED.finditer(text):
        full, acro = m.group(1), m.group(2)
        proj = find_project(full)
        if proj:
            out.setdefault(acro, proj)
    return out


def find_location(heads, region: set) -> str | None:
    """A place named by "in"/"at" on the trigger or the triggers it absorbed."""
    for head in heads:
        for ch in head.children:
            if ch.dep_ == "prep" and ch.lower_ in ("in", "at"):
                for w in ch.children:
                    if w.dep_ == "pobj" and w.ent_type_ in ("GPE", "LOC", "FAC"):
                        ent = next((e for e in head.doc.ents if e.start <= w.i < e.end), None)
                        text = ent.text if ent is not None else w.text
                        return re.sub(r"^[Tt]he\s+", "", text)
    return None
