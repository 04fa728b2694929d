"""Country mentions: names, demonyms, capitals, seats of government and state
bodies/companies -> ISO 3166-1 alpha-3 codes.

The lexicon is pycountry's names plus the TSV files in ``lexicon/`` (ours win on a
clash). All forms are compiled once into a single character-trie regex, so a scan is
one pass over the text whatever the lexicon size. Matching is longest-first at the
leftmost position; exclusion phrases ("Indian Ocean") take part in the same scan and
consume the words they cover.

Case is part of the rule: a form matches its exact spelling, an ALL-CAPS rendering
(headlines) or, for forms that start lowercase ("the Netherlands"), a capitalised
first letter. So "turkey" and "china" (the bird, the plates) are not countries.

Personal names: a country word that is also a first or last name ("Jordan", "Chad",
"Israel", "Washington", listed in countries_config.json) is dropped when it is glued
to another capitalised name ("Michael Jordan", "Jordan Peterson"), unless a title
follows ("Chad President") or the neighbour is a country or a sentence opener.

Known limits (a lexicon cannot see far context): "Georgia" is the country unless an
exclusion phrase covers it ("Atlanta, Georgia"), so "Georgia's governor" is a miss;
a lone "Jordan" or "Chad" used as a name with no capitalised neighbour is read as the
state; "Kingston" or "Santiago" as other cities, Brussels (left out: mostly the EU)
and shared demonyms (Congolese -> COD, Korean -> KOR) are one reading only. A
capital is reported with kind "capital" so callers can tell "Moscow said" (an actor)
from "talks in Moscow" (a venue); cities and provinces are kind "place" and only
reported on request.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_LEXICON = Path(__file__).parent / "lexicon"

#: lexicon files read in priority order: the first spelling of a form wins.
_FILES = (
    ("countries_exclusions.tsv", "exclude"),
    ("countries_names.tsv", "name"),
    ("countries_capitals.tsv", "capital"),
    ("orgs_countries.tsv", "org"),
    ("countries_demonyms.tsv", "demonym"),
    ("countries_places.tsv", "place"),
)
KINDS = ("name", "demonym", "capital", "body", "org", "place")

# Characters a lexicon form may spell in several ways in running text.
_APOS = "'\u2019\u02bc"
_HYPH = "-\u2010\u2011"


@dataclass(frozen=True, slots=True)
class CountryMention:
    start: int            # offsets local to the text given
    end: int
    text: str
    iso3: str
    kind: str             # name | demonym | capital | body | org | place


@dataclass(frozen=True, slots=True)
class _Form:
    form: str             # the spelling as written in the lexicon (normalized)
    iso3: str             # "" for an exclusion phrase
    kind: str


def _norm(s: str) -> str:
    """Spelling key: unify apostrophes/hyphens, collapse whitespace (case kept)."""
    for a in _APOS[1:]:
        s = s.replace(a, "'")
    for h in _HYPH[1:]:
        s = s.replace(h, "-")
    return " ".join(s.split())


def _read_tsv(name: str):
    path = _LEXICON / name
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or not row[0].strip() or row[0].startswith("#"):
                continue
            yield [c.strip() for c in row]


@lru_cache(maxsize=1)
def _config() -> dict:
    return json.loads((_LEXICON / "countries_config.json").read_text(encoding="utf-8"))


def _pycountry_forms(remap: dict, skip: set):
    """(form, iso3) for pycountry's usable names (no inverted "Korea, Republic of")."""
    import pycountry

    for c in pycountry.countries:
        code = remap.get(c.alpha_3, c.alpha_3)
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if not name or "," in name or "(" in name or name in skip:
                continue
            if name.startswith("the "):
                name = name[4:]
            yield name, code


def _plural(form: str) -> str | None:
    if form.endswith(("s", "-", ".")) or " " in form and form.split()[-1][0].islower():
        return None
    return form + "s"


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, tuple[_Form, ...]], re.Pattern]:
    """Build once: lowercase key -> spellings, and the trie regex over all keys."""
    cfg = _config()
    remap = cfg.get("remap", {})
    forms: dict[str, _Form] = {}

    def add(form: str, iso: str, kind: str) -> None:
        form = _norm(form)
        if form and form not in forms:
            forms[form] = _Form(form, remap.get(iso, iso), kind)

    for fname, default_kind in _FILES:
        for row in _read_tsv(fname):
            if default_kind == "exclude":
                add(row[0], "", "exclude")
                continue
            if len(row) < 2 or not row[1]:
                continue
            kind = row[2] if len(row) > 2 and row[2] in KINDS else default_kind
            add(row[0], row[1], kind)
            if kind == "demonym" and (pl := _plural(_norm(row[0]))):
                add(pl, row[1], kind)
    for name, code in _pycountry_forms(remap, set(cfg.get("skip_pycountry", ()))):
        add(name, code, "name")

    by_key: dict[str, list[_Form]] = {}
    for f in forms.values():
        by_key.setdefault(f.form.lower(), []).append(f)
    index = {k: tuple(v) for k, v in by_key.items()}
    return index, re.compile(_trie_regex(index), re.IGNORECASE)


def _char_re(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "'":
        return "[" + _APOS + "]"
    if ch == "-":
        return "[" + _HYPH + "]"
    return re.escape(ch)


def _trie_regex(keys) -> str:
    """A regex equivalent to the alternation of ``keys`` but branching per character
    (fast), greedy so the longest key wins, then a word boundary. Keys ending in "-"
    (combining forms: "Sino-") or any other non-word character need no boundary
    after them."""
    trie: dict = {}
    for k in keys:
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        branches = [_char_re(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return r"(?<![\w])(?:" + emit(trie) + r")(?:(?<=[^\w])|(?![\w]))"


def _case_ok(surface: str, form: str) -> bool:
    if surface == form:
        return True
    if surface.isupper() and surface == form.upper() and len(surface) > 3:
        return True        # headline capitals: "PAKISTAN AND RUSSIA"
    if form[:1].islower() and surface == form[:1].upper() + form[1:]:
        return True        # sentence-initial "The Netherlands"
    return False


def _accept(text: str, start: int, end: int, index) -> _Form | None:
    surface = _norm(text[start:end])
    for f in index.get(surface.lower(), ()):
        if _case_ok(surface, f.form):
            return f
    return None


def _boundary_after(text: str, end: int) -> bool:
    """A form must end at a word boundary unless it ends in punctuation itself
    ("Sino-", "US$", "U.S.")."""
    return end >= len(text) or not (text[end].isalnum() or text[end] == "_") \
        or not (text[end - 1].isalnum() or text[end - 1] == "_")


@lru_cache(maxsize=1)
def _person_rule() -> tuple[frozenset, frozenset, frozenset]:
    cfg = _config()
    return (frozenset(cfg.get("person_like", ())), frozenset(cfg.get("title_words", ())),
            frozenset(cfg.get("openers", ())))


_PREV_WORD = re.compile(r"([A-Z][\w'’.-]*)[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*)")


def _looks_like_person(text: str, start: int, end: int, form: str) -> bool:
    """"Michael Jordan", "Jordan Peterson": a country word glued to another
    capitalised name is a personal name, unless a title follows ("Chad President"),
    the neighbour is itself a country ("Turkey Syria talks") or a calendar word, or
    the word before is a sentence opener ("Visiting Jordan", "In Chad")."""
    person_like, titles, openers = _person_rule()
    if form not in person_like:
        return False
    nxt = _NEXT_WORD.match(text, end)
    if nxt:
        w = nxt.group(1)
        if w in titles:
            return False
        if w not in openers and w not in _CALENDAR and iso3(w) is None:
            return True
    prev = _PREV_WORD.search(text, max(0, start - 30), start)
    if prev:
        w = prev.group(1)
        return not (w in openers or w.endswith((".", "ing", "ed", "s")) or w in _CALENDAR
                    or iso3(w) is not None)
    return False


_CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December".split())


def find_countries(text: str, *, places: bool = False) -> list[CountryMention]:
    """Every country mention in ``text``, left to right, non-overlapping.

    ``places=True`` also reports major cities and provinces (kind "place"); without
    it they only consume their words ("Port Sudan" is not a mention of Sudan)."""
    if not isinstance(text, str) or not text:
        return []
    try:
        index, pattern = _lexicon()
    except Exception:  # a broken lexicon file must not break extraction
        return []
    out: list[CountryMention] = []
    pos, n = 0, len(text)
    while pos < n:
        m = pattern.search(text, pos)
        if not m:
            break
        start, end = m.start(), m.end()
        hit = None
        # The longest candidate may fail the case rule ("Chinese new year"): try the
        # shorter ones that start at the same place.
        while end > start:
            if _boundary_after(text, end):
                hit = _accept(text, start, end, index)
                if hit:
                    break
            m2 = pattern.match(text, start, end - 1)
            if not m2:
                break
            end = m2.end()
        if hit is None:
            pos = start + 1
            continue
        pos = end
        if not hit.iso3 or (hit.kind == "place" and not places):
            continue        # exclusion phrase (or unwanted place): consumed, reports nothing
        if _looks_like_person(text, start, end, hit.form):
            continue
        s_end = end - 1 if text[end - 1] in _HYPH else end
        out.append(CountryMention(start, s_end, text[start:s_end], hit.iso3, hit.kind))
    return out


def iso3(name: str, *, places: bool = False) -> str | None:
    """ISO3 code of a country name, short form, demonym, capital or state body (and
    of a major city or province with ``places=True``); also accepts alpha-2/alpha-3
    codes. None when unknown or an exclusion phrase."""
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        index, _ = _lexicon()
    except Exception:
        return None
    key = _norm(name.strip())
    for cand in (key, key[4:] if key.lower().startswith("the ") else None):
        if not cand:
            continue
        forms = [f for f in index.get(cand.lower(), ()) if places or f.kind != "place"]
        exact = [f for f in forms if _case_ok(cand, f.form)] or list(forms)
        if exact:
            return exact[0].iso3 or None
    if len(key) in (2, 3) and key.isalpha() and key.isupper():
        try:
            import pycountry

            c = pycountry.countries.get(**{"alpha_%d" % len(key): key})
            if c is None and len(key) == 3:
                c = pycountry.historic_countries.get(alpha_3=key)
            if c is not None:
                return _config().get("remap", {}).get(c.alpha_3, c.alpha_3)
        except Exception:
            return None
    return None


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """English short name of an ISO3 code ("RUS" -> "Russia"); the code if unknown."""
    if not isinstance(code, str):
        return str(code)
    code = code.strip().upper()
    try:
        shown = _config().get("display", {})
        if code in shown:
            return shown[code]
        import pycountry

        c = pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(
            alpha_3=code)
    except Exception:
        return code
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name.split(",")[0]
