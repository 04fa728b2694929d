"""Actor dictionary: well-known officials mapped to the state they act for.

Event coders (CAMEO, PETRARCH) keep such a list because news names a party by a
person alone ("Erdogan said ...", "PM Shehbaz met Putin"). The data is
``lexicon/actors_people.tsv``: one row per person and office, with years, so that a
person who changed state or went to an organisation (Guterres: Portugal's prime
minister, then UN Secretary-General) is read at the document's date. Organisation
rows have no state: the gold does not code blocs, and such a row blocks a guess.

It is a fallback: a state the text itself gives ("Pakistani PM X") always wins.
A surname alone counts only when, at that date, every person in the data using it
alone acts for one state; common or shared surnames ("Khan", "Kim") are marked
never-alone in the data and need the full name.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).parent / "lexicon"

#: Years before taking office a surname alone still points to the person (rising
#: figures are named before they hold the post) and years after leaving it (former
#: leaders keep being quoted); beyond that a bare surname is too likely someone else.
BEFORE, AFTER = 2, 8
#: Open-ended rows ("still in office") count as lasting to this year.
OPEN = 9999

_TITLES = frozenset("""mr mrs ms dr prof sir dame lord sheikh shaikh h.e. president prime
minister pm premier chancellor secretary foreign defence defense general gen gen.
king queen prince crown emir sultan field marshal ayatollah mullah emperor
chairman vice deputy former late then state counsellor supreme leader
the""".split())


_PATRONYMIC = frozenset({"bin", "bint", "ibn", "ben", "al", "el", "abu"})


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    iso3: str | None        # None: an organisation (UN, NATO, EU), no state
    role: str
    start: int
    end: int                # OPEN when still in office


def _fold(s: str) -> str:
    """Lower case, accents and punctuation folded: "Erdoğan" == "erdogan",
    "Kim Jong-un" == "kim jong un", "Sa'ar" == "saar"."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "l")
    s = re.sub(r"['\u2019\u2018`]", "", s.lower())
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


@dataclass(frozen=True, slots=True)
class _Index:
    full: dict              # folded full name or alias -> tuple of Actor
    first_last: dict        # (first, last) folded tokens -> tuple of Actor
    alone: dict             # folded surname -> tuple of Actor


@lru_cache(maxsize=1)
def _index() -> _Index:
    full: dict = {}
    first_last: dict = {}
    alone: dict = {}
    path = LEXICON / "actors_people.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        cols = line.split("\t")
        cols += [""] * (7 - len(cols))
        name, aliases, iso3, role, start, end, surname = cols[:7]
        actor = Actor(name, iso3 or None, role, int(start), int(end) if end else OPEN)
        forms = {_fold(name)} | {_fold(a) for a in aliases.split("|") if a.strip()}
        for f in forms:
            full.setdefault(f, []).append(actor)
            toks = f.split()
            # patronymic names share first and last words across many people
            # ("Mohammed bin Salman" vs a "Mohammed Salman"): full forms only
            if len(toks) >= 2 and not _PATRONYMIC & set(toks):
                first_last.setdefault((toks[0], toks[-1]), []).append(actor)
        if surname and surname != "-":
            alone.setdefault(_fold(surname), []).append(actor)
    freeze = lambda d: {k: tuple(v) for k, v in d.items()}  # noqa: E731
    return _Index(freeze(full), freeze(first_last), freeze(alone))


def _year(when) -> int | None:
    if when is None:
        return None
    m = re.match(r"\s*(\d{4})", str(when))
    return int(m.group(1)) if m else None


def _strip(name: str) -> str:
    """The name without titles, honorifics and a possessive ("President Erdogan's")."""
    toks = _fold(re.sub(r"['\u2019]s?\s*$", "", name.strip())).split()
    while len(toks) > 1 and toks[0] in _TITLES:
        toks = toks[1:]
    return " ".join(toks)


def _pick(actors: tuple, year: int | None) -> Actor | None:
    """The one state these rows (one person's offices, or one full name's) agree on
    at ``year``, an organisation counting as a state of its own; None if they differ."""
    if not actors:
        return None
    if year is not None:
        live = [a for a in actors if a.start <= year <= a.end]
        if not live:
            # between or beyond a person's offices: the nearest office in time
            def gap(a):
                return a.start - year if year < a.start else year - a.end
            best = min(gap(a) for a in actors)
            live = [a for a in actors if gap(a) == best]
        actors = tuple(live)
    states = {a.iso3 for a in actors}
    if len(states) != 1:
        return None
    return actors[0]


def _by_surname(actors: tuple, year: int | None) -> Actor | None:
    """A surname alone: each person it may name (in office near ``year``) at their
    office of that date; one state among them all, or None."""
    people: dict = {}
    for a in actors:
        people.setdefault(a.name, []).append(a)
    picked = []
    for rows in people.values():
        if year is not None and not any(a.start - BEFORE <= year <= a.end + AFTER for a in rows):
            continue
        one = _pick(tuple(rows), year)
        if one is None:
            return None         # this person's own state at the date is unclear
        picked.append(one)
    if len({a.iso3 for a in picked}) != 1:
        return None
    return picked[0]


def lookup(name: str, when: str | int | None = None) -> Actor | None:
    """The dictionary's row for ``name`` at date ``when`` (ISO date or year), or None.

    A full name (or listed alias) decides by itself; a different person with the same
    surname ("Omar Sharif") does not match a surname row. A single word matches a
    listed alias, else a surname when unambiguous at that date.
    """
    try:
        idx = _index()
        year = _year(when)
        raw = _fold(name)
        if raw in idx.full:             # a listed form that keeps its title ("King Fahd")
            return _pick(idx.full[raw], year)
        key = _strip(name)
        if not key:
            return None
        if key in idx.full:
            return _pick(idx.full[key], year)
        toks = key.split()
        if len(toks) >= 2 and key in idx.alone:     # "Le Drian", "von der Leyen"
            return _by_surname(idx.alone[key], year)
        if len(toks) >= 2:
            hit = idx.first_last.get((toks[0], toks[-1]))
            if hit:
                return _pick(hit, year)
            # "Ayatollah Khamenei" kept a title our list lacks; "Mr Tayyip Erdogan"
            if toks[-1] in idx.alone and all(t in _TITLES for t in toks[:-1]):
                return _by_surname(idx.alone[toks[-1]], year)
            return None
        return _by_surname(idx.alone.get(key, ()), year)
    except Exception:       # a fallback must never break the extractor
        return None


def person_country(name: str, when: str | None = None) -> str | None:
    """ISO3 of the state ``name`` acts for at ``when``; None when unknown, ambiguous,
    or an organisation's official (UN, NATO, EU: not a state)."""
    a = lookup(name, when)
    return a.iso3 if a else None


def is_known(name: str, when: str | None = None) -> bool:
    """Whether the dictionary places ``name`` at all (a state or an organisation)."""
    return lookup(name, when) is not None
