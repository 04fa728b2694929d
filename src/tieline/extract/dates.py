"""Date finding and resolution: event time, not publication time.

``find_dates`` scans text with our own regular expressions (fast, predictable, and
guarded against the usual traps: "a 45% share", "1,100 km", "JF-17", the modal "May"),
and resolves each expression against the document's publication date at the precision
the text gives. ``to_iso`` normalises a standalone metadata date, falling back on
dateparser (absolute parsers only, so that nothing depends on the clock) for the rare
shapes our rules do not cover. ``attach_date`` picks, for an event trigger in a parsed
sentence, the date that belongs to the trigger's clause.

Other languages: absolute dates ("Publié le 29 mai 2021", "29 мая 2021 г.", "2021年5月29日",
"٥ يونيو ٢٠٢٢", "۸ خرداد ۱۴۰۰") are read by a second set of rules over a folded copy of
the text, their month words being data (``lexicon/dates_intl.json``); ``to_iso`` takes
them when they say more than the English reading, ``find_dates`` when the text is not
English. Relative phrases are read in English only.

Values are ISO 8601 strings ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or None when the
text names no resolvable date ("recently", "the 1990s", "last year" with no
publication date).
"""
from __future__ import annotations

import calendar
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Callable

_LEXICON = Path(__file__).parent / "lexicon"

#: Years outside this window are never dates (they are amounts, codes, model numbers).
MIN_YEAR, MAX_YEAR = 1900, 2100

#: Longest string ``to_iso`` reads as a date: metadata dates are short.
_MAX_ISO_INPUT = 200


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int            # offsets local to the text given to find_dates
    end: int
    text: str
    value: str | None     # ISO 8601 at the text's precision, None when vague
    kind: str             # absolute | relative | since | vague | decade | range | fiscal
    #                       | reference ("the first visit since 2008": no date of its own)


# --------------------------------------------------------------------------- lexicon

@lru_cache(maxsize=1)
def _lex() -> dict:
    out: dict = {}
    for path in sorted(_LEXICON.glob("dates_*.json")):
        with path.open(encoding="utf-8") as fh:
            out.update({k: v for k, v in json.load(fh).items() if not k.startswith("_")})
    return out


def _alt(words) -> str:
    """A regex alternation, longest first so that 'sept' beats 'sep'."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(set(words), key=lambda w: (-len(w), w)))


# --------------------------------------------------------------------------- values

@dataclass(frozen=True, slots=True)
class _Pub:
    """The publication date as an interval of days, with its precision (1..3)."""

    lo: date
    hi: date
    prec: int


def _iso(y: int, m: int | None = None, d: int | None = None, prec: int = 3) -> str | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    if prec <= 1 or m is None:
        return f"{y:04d}"
    if prec == 2 or d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _valid(y: int, m: int, d: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


_ISO_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parse_published(published: str | None) -> _Pub | None:
    if isinstance(published, date):
        published = published.isoformat()
    if not published or not isinstance(published, str):
        return None
    m = _ISO_VALUE.match(published.strip()[:10])
    if not m:
        iso = to_iso(published)
        m = _ISO_VALUE.match(iso) if iso else None
        if not m:
            return None
    y = int(m.group(1))
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    if m.group(2) is None:
        return _Pub(date(y, 1, 1), date(y, 12, 31), 1)
    mo = int(m.group(2))
    if not 1 <= mo <= 12:
        return None
    if m.group(3) is None:
        return _Pub(date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), 2)
    d = int(m.group(3))
    if not _valid(y, mo, d):
        return None
    day = date(y, mo, d)
    return _Pub(day, day, 3)


def _agree(fn: Callable[[date], date | None], pub: _Pub | None, prec: int) -> str | None:
    """Resolve a relative expression at both ends of the publication interval.

    Every relative rule here is monotonic in the publication day, so when both ends give
    the same year (month, day) every day between does too: the result is the finest
    precision that is certain, never a guess.
    """
    if pub is None:
        return None
    a, b = fn(pub.lo), fn(pub.hi)
    if a is None or b is None:
        return None
    if a.year != b.year:
        return None
    if prec == 1 or a.month != b.month:
        return _iso(a.year, prec=1)
    if prec == 2 or a.day != b.day:
        return _iso(a.year, a.month, prec=2)
    return _iso(a.year, a.month, a.day)


def _add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    y, m = divmod(k, 12)
    y = min(max(y, 1), 9998)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _shift(d: date, unit: str, n: int) -> date | None:
    try:
        if unit == "day":
            return d + timedelta(days=n)
        if unit == "week":
            return d + timedelta(days=7 * n)
        if unit == "fortnight":
            return d + timedelta(days=14 * n)
        if unit == "month":
            return _add_months(d, n)
        if unit == "year":
            return _add_months(d, 12 * n)
    except (OverflowError, ValueError):
        return None
    return None


_UNIT_PREC = {"day": 3, "week": 2, "fortnight": 2, "month": 2, "year": 1}


def _pick_year(mon: int, day: int | None, pub: _Pub | None, future: bool | None,
               rel: str | None = None, weekday: int | None = None) -> str | None:
    """A month (and day) without a year, placed in the year the publication date fixes.

    Needs a publication date of at least month precision ("in December" in a text dated
    only 2018 could be December 2017). Past tense takes the latest occurrence not after
    the publication, future tense the earliest not before it, and unknown tense the one
    closest to it.
    """
    if pub is None or pub.prec < 2:
        return None
    prec = 3 if day is not None else 2

    def key(y: int, m: int, d: int | None) -> tuple:
        return (y, m, d) if prec == 3 else (y, m)

    lo = key(pub.lo.year, pub.lo.month, pub.lo.day)
    hi = key(pub.hi.year, pub.hi.month, pub.hi.day)
    cands = []
    for y in range(pub.lo.year - 1, pub.hi.year + 2):
        if day is not None and not _valid(y, mon, day):
            continue
        cands.append(key(y, mon, day))
    if weekday is not None and day is not None:
        # "Tuesday, February 22" names its own year: the one where that day is a Tuesday
        fits = [c for c in cands if date(*c).weekday() == weekday]
        cands = fits or cands
    if not cands:
        return None
    if rel == "last":
        pick = [c for c in cands if c[:2] < (pub.lo.year, pub.lo.month)]
        choice = pick[-1] if pick else None
    elif rel == "next":
        pick = [c for c in cands if c[:2] > (pub.hi.year, pub.hi.month)]
        choice = pick[0] if pick else None
    elif future:
        # a few days' slack: the future cue may belong to a neighbouring clause
        slack = pub.lo - timedelta(days=3)
        floor = key(slack.year, slack.month, slack.day) if prec == 3 else lo
        pick = [c for c in cands if c >= floor]
        choice = pick[0] if pick else None
    elif future is False:
        pick = [c for c in cands if c <= hi]
        choice = pick[-1] if pick else None
    else:
        inside = [c for c in cands if lo <= c <= hi]
        if inside:
            choice = inside[0]
        else:
            def dist(c):
                def ordinal(k):
                    return date(k[0], k[1], k[2] if prec == 3 else 1).toordinal()
                return min(abs(ordinal(c) - ordinal(lo)), abs(ordinal(c) - ordinal(hi)))
            # news mostly reports what happened: a later date must be much closer to win
            choice = min(cands, key=lambda c: (dist(c) * (3 if c > hi else 1), c > hi))
    if choice is None:
        return None
    return _iso(*choice, prec=prec) if prec == 3 else _iso(choice[0], choice[1], prec=2)


def _weekday(wd: int, pub: _Pub | None, future: bool | None, rel: str | None) -> str | None:
    if pub is None or pub.prec < 3:
        return None
    p = pub.lo
    back = (p.weekday() - wd) % 7
    ahead = (wd - p.weekday()) % 7
    if rel == "last":
        d = p - timedelta(days=back or 7)
    elif rel == "next":
        d = p + timedelta(days=ahead or 7)
    elif rel in ("this", "coming") or future:
        d = p + timedelta(days=ahead)
    else:
        d = p - timedelta(days=back)
    return _iso(d.year, d.month, d.day)


def _season(season: str, year: int | None, rel: str | None, pub: _Pub | None) -> str | None:
    first, last = _lex()["seasons"][season]
    if year is not None:
        return _iso(year, prec=1)
    if rel is None or pub is None:
        return None

    def end_of(y: int) -> tuple[int, int]:
        # an instance is named by the year of its first month (winter 2016 = Dec 2016-Feb 2017)
        return (y, last) if last >= first else (y + 1, last)

    def fn(p: date) -> date | None:
        now = (p.year, p.month)
        years = range(p.year - 2, p.year + 2)
        if rel == "this":
            return date(p.year, 1, 1)
        if rel in ("last", "past"):
            done = [y for y in years if end_of(y) < now]
            return date(done[-1], 1, 1) if done else None
        ahead = [y for y in years if (y, first) > now]
        return date(ahead[0], 1, 1) if ahead else None
    return _agree(fn, pub, 1)


# --------------------------------------------------------------------------- patterns

@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    kind: str
    rank: int                                  # lower wins among equal-length overlaps
    res: Callable[[_Pub | None, bool | None], str | None]
    needs_tense: bool = False
    name: str = ""                             # the pattern that found it


def _const(value: str | None):
    return lambda pub, future: value


@lru_cache(maxsize=1)
def _rx() -> dict:
    lex = _lex()
    names = {n.lower() for n in calendar.month_name if n}
    full = [k for k in lex["months"] if k in names]
    abbr = [k for k in lex["months"] if k not in full]
    # an abbreviated month may carry a dot ("Sept."), a full one never does ("in May.")
    mon_re = rf"(?P<mon>(?:{_alt(full)})|(?:{_alt(abbr)})\.?)(?![\w]|-[^\W\d])"
    wd = _alt(lex["weekdays"])
    mods = _alt(lex["month_modifiers"])
    y4 = r"(?:19\d\d|20\d\d|2100)"
    numguard_l = r"(?<![\w$€£¥₹#.,/-])"
    numguard_r = r"(?![\w%]|[.,]\d|-\d)"
    day = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    # a multi-day span ("15-16 September") is dated by its first day
    day_span = (rf"{day}(?:(?:\s*[-–]\s*|\s+(?:to|and|until|through)\s+)"
                r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)?")
    year = rf"(?P<year>{y4})"
    wdp = rf"(?:(?P<wd>{wd})\s*,?\s+)?"
    num_words = _alt(k for k in lex["number_words"])
    units = r"day|week|fortnight|month|year|decade"
    flags = re.IGNORECASE
    pats = {
        "iso": rf"(?<![\w.])(?P<year>{y4})(?P<sep>[-/.])(?P<mon>0?[1-9]|1[0-2])(?P=sep)"
               rf"(?P<day>3[01]|[12]\d|0?[1-9])"
               r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w]|[.,]\d)",
        "numeric": rf"{numguard_l}(?P<a>\d{{1,2}})(?P<sep>[-/.])(?P<b>\d{{1,2}})(?P=sep)"
                   rf"(?P<year>{y4}){numguard_r}",
        "dmy": rf"(?<![\w.,/$-]){wdp}(?:the\s+)?{day_span}(?:\s+of)?\s+{mon_re}\s*,?\s*{year}"
               rf"{numguard_r}",
        "mdy": rf"(?<![\w-]){wdp}{mon_re}\s+{day_span}(?:\s*,\s*|\s+){year}{numguard_r}",
        "my": rf"(?<![\w-])(?:(?P<mod>{mods})\s*)?{mon_re}(?:\s*,?\s*(?:of\s+)?|-){year}{numguard_r}",
        "mon_range": rf"(?<![\w-])(?:(?:from|between)\s+)?{mon_re.replace('P<mon>', 'P<mon1>')}"
                     r"(?:\s*[-–]\s*|\s+(?:to|and|through|until|till)\s+)"
                     rf"{mon_re}\s*,?\s*{year}{numguard_r}",
        "mon_year_rel": rf"(?<![\w-])(?:(?P<mod>{mods})\s*)?{mon_re}\s+(?:of\s+)?"
                        r"(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+same|that)"
                        r"\s+year\b",
        "dm": rf"(?<![\w.,/$-]){wdp}(?:the\s+)?{day_span}(?:\s+of)?\s+{mon_re}(?!\s*,?\s*\d)",
        "md": rf"(?<![\w-]){wdp}{mon_re}\s+{day_span}(?![\w%]|[.,]\d|\s*[-–]\s*\d|\s*,?\s*\d)",
        "mon_rel": rf"\b(?P<rel>last|next|this|coming|past)\s+{mon_re}",
        "mon_ctx": r"\b(?:in|since|by|until|till|from|of|during|before|after|through|between"
                   r"|and|to|on|early|late|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of)"
                   rf"[\s-]+(?:the\s+)?(?:month\s+of\s+)?(?P<core>(?:(?P<mod>{mods})\s*)?{mon_re})",
        "season": r"(?:(?P<pre>\b(?:in|during|by|since|until|over|through|of)\s+(?:the\s+)?)"
                  r"|\b(?P<rel>last|this|next|past|coming)\s+)?"
                  r"(?:(?P<mod>early|late|mid)[\s-]*)?"
                  r"(?P<season>spring|summer|fall|autumn|winter)"
                  rf"(?:\s+(?:of\s+)?(?P<year>{y4}))?\b(?!-)",
        "fiscal": r"\b(?:FY|fiscal\s+year|financial\s+year|fiscal|budget\s+year)\s*'?"
                  r"(?P<y1>(?:19|20)\d\d|\d\d)(?:\s*[-–/]\s*(?P<y2>(?:19|20)\d\d|\d\d))?(?![\w%]|[.,]\d)",
        "range": rf"{numguard_l}(?:(?P<pre>from|between)\s+)?(?P<y1>{y4})\s*"
                 rf"(?:(?P<sep>[-–—/])\s*(?P<y2s>{y4}|\d\d)|\s+(?:to|through|until|till|and)\s+"
                 rf"(?P<y2l>{y4})){numguard_r}",
        "decade": r"(?:\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?)?"
                  r"(?:(?<![\w$€£¥₹#.,])(?:19|20)\d0|['’]\d0)['’]?s\b",
        "century": r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:\d{2}(?:st|nd|rd|th)|nineteenth"
                   r"|twentieth|twenty[\s-]first)[\s-]+century\b",
        "year": rf"(?<![\w$€£¥₹#.,/])(?<!\d-)(?:the\s+year\s+)?(?P<year>{y4})(?![\w%]|[.,]\d|-\d)",
        "day_word": r"\b(?P<w>today|tonight|yesterday|tomorrow|this\s+morning|this\s+afternoon"
                    r"|(?:earlier|later)\s+(?:in\s+the\s+day|today)"
                    r"|this\s+evening|last\s+night|the\s+day\s+before\s+yesterday"
                    r"|the\s+day\s+after\s+tomorrow)\b",
        "weekday": rf"\b(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<wd>{wd})"
                   r"(?:\s+(?:morning|afternoon|evening|night))?\b",
        "period": r"\b(?:(?P<when>earlier|later|early|late|end\s+of|by\s+the\s+end\s+of)\s+)?"
                  r"(?P<rel>last|this|next|past|coming|current|the\s+current|the\s+past|the\s+last"
                  r"|the\s+coming|the\s+next)\s+(?P<unit>week|month|year|fortnight)\b",
        "year_end": r"\b(?:(?:by|at|until|before)\s+)?(?:the\s+)?(?:year[\s-]end|end\s+of\s+the\s+year)\b",
        "ago": rf"\b(?P<n>\d{{1,3}}|{num_words})\s+(?P<unit>{units})s?\s+"
               r"(?P<dir>ago|earlier|before|back|later|after|hence|from\s+now)\b",
        "vague": rf"\b(?:{_alt(lex['vague'])})\b",
        "duration": rf"\b(?:{_alt(lex['span_openers'])})\s+(?:the\s+)?"
                    rf"(?:(?:past|last|next|coming)\s+)?(?:(?:\d{{1,3}}|{num_words})\s+)?"
                    r"(?:days|weeks|months|years|decades)\b",
    }
    return {name: re.compile(p, flags) for name, p in pats.items()}


# The order is the tie-break among candidates of equal length (lower wins).
_RANK = {n: i for i, n in enumerate((
    "iso", "numeric", "dmy", "mdy", "fiscal", "range", "mon_range", "my", "mon_year_rel", "dm", "md",
    "mon_rel", "mon_ctx", "season", "decade", "century", "day_word", "weekday", "period",
    "year_end", "ago", "vague", "duration", "year"))}


def _month_num(word: str) -> int | None:
    return _lex()["months"].get(word.lower().rstrip("."))


def _capitalised(word: str) -> bool:
    # "May" the month, never "may" the verb; "MAY 2021" in an all-caps dateline is fine
    return bool(word) and word[0].isupper()


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([^\s]+)\s*$", text[max(0, pos - 40):pos])
    return m.group(1).lower() if m else ""


def _word_after(text: str, pos: int) -> str:
    m = re.match(r"\s*([^\s]+)", text[pos:pos + 40])
    if not m:
        return ""
    w = m.group(1).lower()
    # keep '%' and '$'-like symbols, drop trailing punctuation of words
    return w if not w[0].isalnum() else re.sub(r"[^\w%]+$", "", w)


@dataclass(frozen=True, slots=True)
class _Found:
    """What a pattern handler makes of one match."""

    kind: str
    res: Callable[[_Pub | None, bool | None], str | None]
    needs_tense: bool = False
    span: tuple[int, int] | None = None       # when the date is only part of the match


_Handler = Callable[[re.Match, str], "_Found | None"]
_HANDLERS: dict[str, _Handler] = {}


def _handles(*names: str):
    def register(fn: _Handler) -> _Handler:
        for n in names:
            _HANDLERS[n] = fn
        return fn
    return register


def _candidate(name: str, m: re.Match, text: str) -> _Cand | None:
    """Turn one regex match into a candidate with a resolver, or reject it."""
    mon = m.groupdict().get("mon")
    if mon and name != "iso" and not _capitalised(mon):
        return None
    found = _HANDLERS[name](m, text)
    if found is None:
        return None
    start, end = found.span or (m.start(), m.end())
    return _Cand(start, end, found.kind, _RANK[name], found.res, found.needs_tense, name)


def _absolute(y: int, mo: int | None = None, d: int | None = None) -> _Found | None:
    prec = 1 if mo is None else (2 if d is None else 3)
    if mo is not None and not _valid(y, mo, d or 1):
        return None
    value = _iso(y, mo, d, prec=prec)
    return _Found("absolute", _const(value)) if value else None


def _this_year_month(mo: int, off: int):
    """'May this year', 'this May': the month in the publication year (+ off)."""
    return lambda pub, fut: (_iso(pub.lo.year + off, mo, prec=2)
                             if pub and pub.lo.year == pub.hi.year else None)


@_handles("iso")
def _h_iso(m, text):
    return _absolute(int(m["year"]), int(m["mon"]), int(m["day"]))


@_handles("numeric")
def _h_numeric(m, text):
    a, b = int(m["a"]), int(m["b"])
    # day first unless that is impossible: the international order is the default
    d, mo = (a, b) if b <= 12 else (b, a)
    return _absolute(int(m["year"]), mo, d)


@_handles("dmy", "mdy")
def _h_full(m, text):
    mo = _month_num(m["mon"])
    return _absolute(int(m["year"]), mo, int(m["day"])) if mo else None


@_handles("my")
def _h_month_year(m, text):
    mo = _month_num(m["mon"])
    return _absolute(int(m["year"]), mo) if mo else None


@_handles("mon_range")
def _h_month_range(m, text):
    mo1, mo2, y = _month_num(m["mon1"]), _month_num(m["mon"]), int(m["year"])
    if mo1 is None or mo2 is None or not _capitalised(m["mon1"]):
        return None
    # "December to February 2021" starts in the year before
    value = _iso(y if mo1 <= mo2 else y - 1, mo1, prec=2)
    return _Found("range", _const(value)) if value else None


@_handles("mon_year_rel")
def _h_month_of_rel_year(m, text):
    mo = _month_num(m["mon"])
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    off = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "next": 1}.get(rel)
    if mo is None or off is None:
        return _Found("vague", _const(None))      # "May that year": anaphoric
    return _Found("relative", _this_year_month(mo, off))


@_handles("dm", "md")
def _h_day_month(m, text):
    mo, d = _month_num(m["mon"]), int(m["day"])
    if mo is None:
        return None
    if m.re is _rx()["md"] and _word_after(text, m.end()) in _lex()["amount_units_after"]:
        return None                               # "May 5 tonnes"
    wd = _lex()["weekdays"].get((m["wd"] or "").lower())
    return _Found("relative", lambda pub, fut: _pick_year(mo, d, pub, fut, weekday=wd), True)


@_handles("mon_rel")
def _h_rel_month(m, text):
    mo = _month_num(m["mon"])
    if mo is None:
        return None
    rel = m["rel"].lower()
    if rel == "this":
        return _Found("relative", _this_year_month(mo, 0))
    r = "last" if rel in ("last", "past") else "next"
    return _Found("relative", lambda pub, fut: _pick_year(mo, None, pub, fut, r))


@_handles("mon_ctx")
def _h_bare_month(m, text):
    lex = _lex()
    mo = _month_num(m["mon"])
    if mo is None:
        return None
    if m["mon"].lower().rstrip(".") in lex["ambiguous_months"] and not m["mod"]:
        # "spoke to May", "and Jan Smith", "by May's government": a name, not a month
        lead = re.sub(r"(?i)(?:\bthe\s+)?(?:\bmonth\s+of\s+)?$", "", text[:m.start("core")])
        prep = _word_before(lead, len(lead))
        nxt = text[m.end():m.end() + 3]
        in_month_of = re.search(r"(?i)month\s+of\s+$", text[:m.start("core")])
        if ((prep not in lex["strong_month_preps"] and not in_month_of)
                or re.match(r"\s+[A-Z]", nxt) or nxt[:2] in ("'s", "’s")):
            return None
    return _Found("relative", lambda pub, fut: _pick_year(mo, None, pub, fut), True,
                  (m.start("core"), m.end("core")))


@_handles("season")
def _h_season(m, text):
    year = int(m["year"]) if m["year"] else None
    rel = (m["rel"] or "").lower() or None
    if year is None and rel is None and not m["pre"]:
        return None                               # "prices fall", "a cold winter"
    start = m.start("rel") if rel else (m.start("mod") if m["mod"] else m.start("season"))
    season = m["season"].lower()
    kind = "absolute" if year else ("relative" if rel else "vague")
    return _Found(kind, lambda pub, fut: _season(season, year, rel, pub), False,
                  (start, m.end()))


@_handles("fiscal")
def _h_fiscal(m, text):
    y1 = int(m["y1"])
    if y1 < 100:
        y1 += 2000 if y1 < 70 else 1900
    if not MIN_YEAR <= y1 <= MAX_YEAR:
        return None
    if m["y2"]:
        if _full_second_year(y1, m["y2"]) is None:
            return None
        return _Found("fiscal", _const(_iso(y1, prec=1)))
    # "FY2022" alone names the year the fiscal year ends in: its start is unknown
    return _Found("fiscal", _const(None))


@_handles("range")
def _h_year_range(m, text):
    y1 = int(m["y1"])
    y2raw = m["y2s"] or m["y2l"]
    y2 = _full_second_year(y1, y2raw)
    if y2 is None:
        return None
    if m["sep"] and _word_after(text, m.end()) in _lex()["amount_units_after"]:
        return None                               # "1990-2010 tonnes"
    kind = "fiscal" if (m["sep"] and len(y2raw) == 2 and y2 == y1 + 1) else "range"
    return _Found(kind, _const(_iso(y1, prec=1)))


@_handles("decade", "century")
def _h_decade(m, text):
    return _Found("decade", _const(None))


@_handles("year")
def _h_year(m, text):
    lex = _lex()
    end = m.end()
    before = _word_before(text, m.start("year"))
    after = _word_after(text, end)
    if before in lex["year_blockers_before"] or after in lex["amount_units_after"]:
        return None                               # "Resolution 1988", "2000 troops"
    if after.startswith("%") or text[end:end + 1] in ("%", "$"):
        return None
    joined = re.match(r"-([A-Za-z]+)", text[end:end + 20])
    if joined and joined.group(1).lower() in lex["hyphen_compounds"]:
        return None                               # "a 2000-strong force"
    return _absolute(int(m["year"]))


_DAY_OFFSETS = {"yesterday": -1, "tomorrow": 1, "last night": -1,
                "the day before yesterday": -2, "the day after tomorrow": 2}


@_handles("day_word")
def _h_day_word(m, text):
    w = re.sub(r"\s+", " ", m["w"].lower())
    off = 0 if w.endswith(("the day", "today")) else _DAY_OFFSETS.get(w, 0)
    return _Found("relative", lambda pub, fut: _agree(
        lambda p: p + timedelta(days=off), pub, 3))


@_handles("weekday")
def _h_weekday(m, text):
    if not _capitalised(m["wd"]):
        return None                               # "the sunday roast"
    wd = _lex()["weekdays"][m["wd"].lower()]
    rel = (m["rel"] or "").lower() or None
    rel = "last" if rel == "past" else rel
    return _Found("relative", lambda pub, fut: _weekday(wd, pub, fut, rel), True)


_PERIOD_OFFSETS = {"last": -1, "this": 0, "current": 0, "next": 1, "coming": 1}


@_handles("period")
def _h_period(m, text):
    raw = re.sub(r"\s+", " ", m["rel"].lower())
    rel = raw.replace("the ", "")
    if rel == "past" or (raw.startswith("the ") and rel in ("last", "next", "coming")):
        return _Found("vague", _const(None))      # "the past year": a duration, no date
    unit, n = m["unit"].lower(), _PERIOD_OFFSETS[rel]
    return _Found("relative", lambda pub, fut: _agree(
        lambda p: _shift(p, unit, n), pub, _UNIT_PREC[unit]))


@_handles("year_end")
def _h_year_end(m, text):
    return _Found("relative", lambda pub, fut: _agree(lambda p: p, pub, 1))


@_handles("ago")
def _h_ago(m, text):
    raw = re.sub(r"\s+", " ", m["n"].lower())
    n = int(raw) if raw.isdigit() else _lex()["number_words"].get(raw)
    unit = m["unit"].lower()
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    if n is None or unit == "decade" or direction in ("before", "later", "after"):
        return _Found("vague", _const(None))      # relative to another event, or a decade
    sign = 1 if direction in ("hence", "from now") else -1
    return _Found("relative", lambda pub, fut: _agree(
        lambda p: _shift(p, unit, sign * n), pub, _UNIT_PREC[unit]))


@_handles("vague", "duration")
def _h_vague(m, text):
    return _Found("vague", _const(None))


def _full_second_year(y1: int, raw: str | None) -> int | None:
    if not raw:
        return None
    y2 = int(raw)
    if len(raw) == 2:
        y2 = (y1 // 100) * 100 + y2
        if y2 <= y1:
            y2 += 100
    return y2 if y1 < y2 <= MAX_YEAR and y2 - y1 < 100 else None


_SINCE = re.compile(r"\b(since|starting(?:\s+from|\s+in)?|beginning\s+in|ever\s+since)\s+(?:the\s+)?$",
                    re.IGNORECASE)
_ONWARDS = re.compile(r"^\s*(?:onwards?|and\s+(?:onwards?|since|after))\b", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(from|between)\s+(?:the\s+)?$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:to|until|till|through|and|-|–|—)\s*(?:the\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _scan(text: str) -> tuple[_Cand, ...]:
    """All date expressions of ``text``, non-overlapping, longest first."""
    if not text:
        return ()
    cands: list[_Cand] = []
    for name, rx in _rx().items():
        for m in rx.finditer(text):
            if m.end() <= m.start():
                continue
            c = _candidate(name, m, text)
            if c is not None:
                cands.append(c)
    cands.sort(key=lambda c: (-(c.end - c.start), c.rank, c.start))
    taken: list[_Cand] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return tuple(_spans(text, taken))


def _spans(text: str, cands: list[_Cand]) -> list[_Cand]:
    """'since 2016' is dated by its start; 'from 2014 to 2016' by its first year."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        head = text[max(0, c.start - 30):c.start]
        opener = _RANGE_OPEN.search(head)
        if (opener and nxt is not None and c.kind in ("absolute", "relative")
                and _RANGE_JOIN.match(text[c.end:nxt.start])):
            out.append(_Cand(c.start - (len(head) - opener.start()), nxt.end, "range", c.rank,
                             c.res, c.needs_tense, c.name))
            i += 2
            continue
        since = _SINCE.search(head)
        onwards = _ONWARDS.match(text[c.end:c.end + 20])
        if since and c.kind in ("absolute", "relative", "range") and _since_reference(
                text, c.start - (len(head) - since.start())):
            # "the first such visit since 2008" dates an earlier visit, not this one
            c = _Cand(c.start - (len(head) - since.start()), c.end, "reference", c.rank,
                      _const(None), False, c.name)
        elif since and c.kind in ("absolute", "relative", "range"):
            c = _Cand(c.start - (len(head) - since.start()), c.end, "since", c.rank, c.res,
                      c.needs_tense, c.name)
        elif onwards and c.kind in ("absolute", "relative") and c.name != "weekday":
            # "from 2010 onwards", "2016 and since": a span dated by its start
            c = _Cand(c.start, c.end + onwards.end(), "since", c.rank, c.res, c.needs_tense,
                      c.name)
        out.append(c)
        i += 1
    return out


@lru_cache(maxsize=1)
def _since_ref_rx() -> re.Pattern:
    words = _alt(_lex()["since_references"])
    return re.compile(rf"\b(?:{words})\b[^.;:!?()]{{0,60}}$", re.IGNORECASE)


def _since_reference(text: str, since_at: int) -> bool:
    """Is the 'since' at ``since_at`` the 'first ... since X' of a reference point?"""
    return bool(_since_ref_rx().search(text[max(0, since_at - 70):since_at]))


@lru_cache(maxsize=1)
def _future_rx() -> re.Pattern:
    return re.compile(rf"(?<![\w']){_alt(_lex()['future_cues'])}(?!\w)", re.IGNORECASE)


def _guess_future(text: str, start: int) -> bool | None:
    """Tense of the clause a date sits in, from cue words before it in its sentence."""
    head = text[max(0, start - 120):start]
    cut = max(head.rfind(". "), head.rfind("; "), head.rfind("\n"))
    head = head[cut + 1:] if cut >= 0 else head
    if _future_rx().search(head):
        return True
    return False if _past_rx().search(head) else None


@lru_cache(maxsize=1)
def _past_rx() -> re.Pattern:
    # "-ed" verbs, but not the "-ed" adjectives of plans ("scheduled", "expected"),
    # which the future cues catch first
    return re.compile(rf"(?<![\w'])(?:{_alt(_lex()['past_cues'])}|[a-z]{{3,}}ed)(?!\w)")


# --------------------------------------------------------------------------- other languages
#
# Dates written in other languages ("Publié le 29 mai 2021", "29 мая 2021 г.",
# "2021年5月29日", "۸ خرداد ۱۴۰۰") are read by rules over a folded copy of the text: lower
# case, accents and other combining marks dropped, every script's digits made ASCII,
# Arabic letter variants merged. Folding maps each folded character back to its source,
# so spans stay offsets into the original text. The month words are data
# (lexicon/dates_intl.json); only absolute dates are read: a relative phrase in a
# language we have no rules for is left alone rather than guessed.

#: Letters that NFD does not decompose but that writers swap for one another.
_FOLD_SPECIAL = {
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ς": "σ", "ـ": "",
    "ى": "ي", "ی": "ي", "ک": "ك", "ة": "ه", "ە": "ه", "ۀ": "ه", "ھ": "ه",
}


@lru_cache(maxsize=8192)
def _fold_char(c: str) -> str:
    special = _FOLD_SPECIAL.get(c)
    if special is not None:
        return special
    cat = unicodedata.category(c)
    if cat in ("Mn", "Me", "Cf") and not "\u0e00" <= c <= "\u109f":
        return ""           # accents, Arabic vowel marks, zero-width joiners (Thai,
        #                     Lao, Tibetan and Burmese vowels are letters: they stay)
    if cat == "Nd":
        return str(unicodedata.decimal(c, 0))     # ٢٠٢١, ۱۴۰۰, २०२१, ２０２１ -> 2021
    d = unicodedata.normalize("NFD", c)
    if len(d) > 1 and all(unicodedata.combining(x) for x in d[1:]):
        c = d[0]            # é -> e, й -> и, أ -> ا; Hangul syllables are kept whole
        special = _FOLD_SPECIAL.get(c)
        if special is not None:
            return special
    low = c.lower()
    return low if len(low) == 1 else c


def _fold(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the index of its source."""
    out: list[str] = []
    src: list[int] = []
    for i, c in enumerate(text):
        f = _fold_char(c) if not c.isascii() else c.lower()
        for ch in f:
            out.append(ch)
            src.append(i)
    src.append(len(text))
    return "".join(out), src


def _fold_word(word: str) -> str:
    return _fold(word)[0]


#: A month word ends where the word ends: no letter (nor Indic vowel sign) follows.
_WORD_END = r"(?![^\W\d_]|[\u0900-\u0dff])"
_WORD_START = r"(?<![^\W\d_])(?<![\u0900-\u0dff])"


@dataclass(frozen=True, slots=True)
class _Intl:
    months: dict            # folded word -> month
    langs: dict             # folded word -> set of language codes
    need_day: frozenset     # folded words read as months only beside a day
    jalali: dict            # folded Solar Hijri month word -> month
    rx: dict                # name -> compiled pattern over folded text


@lru_cache(maxsize=1)
def _intl() -> _Intl:
    lex = _lex()
    months: dict = {}
    langs: dict = {}
    for lang, words in lex.get("intl_months", {}).items():
        for w, n in words.items():
            f = _fold_word(w)
            if months.setdefault(f, n) != n:
                # the same word naming two months in two languages is no evidence: drop it
                months[f] = None
            langs.setdefault(f, set()).add(lang)
    months = {k: v for k, v in months.items() if v}
    need_day = frozenset(_fold_word(w) for w in lex.get("intl_need_day", []))
    jalali = {_fold_word(w): n for w, n in lex.get("jalali_months", {}).items()}

    def word_alt(words) -> str:
        return _alt(words).replace(r"\s+", r"\s*")   # 'تشرين الأول' may lose its space

    mon_all = word_alt(months)
    mon_free = word_alt(k for k in months if k not in need_day)
    suffix = _alt(_fold_word(s) for s in lex.get("intl_day_suffixes", []))
    links = lex.get("intl_links", [])
    link_alt = "|".join(
        re.escape(_fold_word(w)).replace(r"\ ", r"\s+") + (r"\s*+" if w[-1] in "'’" else r"\s++")
        for w in sorted(links, key=lambda w: -len(w)))
    # possessive: a run of spaces is read one way only (no backtracking on long blanks)
    sep = rf"[\s,،]*+(?:(?:{link_alt}))?" if link_alt else r"[\s,،]*+"
    day = rf"(?<![\d.,:/])(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)(?:{suffix})?" if suffix else \
        r"(?<![\d.,:/])(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)"
    year = r"(?P<year>\d{4})(?![\d:])"
    joiners = _alt(_fold_word(w) for w in lex.get("intl_span_joiners", []))
    # '3-5 mai', 'du 3 au 5 mai', '3. bis 5. März': a span is dated by its first day
    span = (rf"(?:\s*+[-–]\s*+|\s++(?:{joiners})\s++)(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:{suffix})?"
            if joiners else r"\s*+[-–]\s*+(?:3[01]|[12]\d|0?[1-9])(?!\d)")

    def mon(alt: str, name: str = "mon") -> str:
        # Arabic pages often give both names: 'أيار/مايو', 'مايو (أيار)'
        return (rf"{_WORD_START}(?P<{name}>{alt}){_WORD_END}\.?"
                rf"(?:\s*+[/(]\s*+(?:{mon_all}){_WORD_END}\s*+\)?)?")

    pats = {
        "dmy": rf"{day}(?:{span})?{sep}{mon(mon_all)}{sep}{year}",
        # year first only where the year carries its mark: Hungarian '2021. május 29.',
        # Lithuanian '2021 m. gegužės 29 d.'
        "ymd": rf"(?<!\d){year}(?:\.|\s*m\.)\s*{mon(mon_all)}\s*(?P<day>3[01]|[12]\d|0?[1-9])\.?(?![\d:])",
        "mdy": rf"{mon(mon_all)}\s*(?P<day>3[01]|[12]\d|0?[1-9])(?:\.|,)?\s+{year}",
        "my": rf"{mon(mon_free)}{sep}{year}",
        "jdmy": rf"{day}{sep}{_WORD_START}(?P<mon>{word_alt(jalali)}){_WORD_END}\s*"
                r"(?P<year>1[34]\d\d)(?!\d)" if jalali else None,
        "jmy": rf"{_WORD_START}(?P<mon>{word_alt(jalali)}){_WORD_END}\s*(?:ماه\s*)?"
               r"(?P<year>1[34]\d\d)(?!\d)" if jalali else None,
        # Korean '2022. 3. 9.' (year first) and Central European '9. 3. 2022' (day first):
        # spaced dotted numbers, which the compact numeric rules leave alone
        "dotted": r"(?<![\d.])(?P<year>(?:19|20)\d\d)\.\s+(?P<mon>1[0-2]|0?[1-9])\.\s*"
                  r"(?P<day>3[01]|[12]\d|0?[1-9])(?![\d:])",
        "dotted_dmy": r"(?<![\w.,])(?P<day>3[01]|[12]\d|0?[1-9])\.\s*(?P<mon>1[0-2]|0?[1-9])\.\s+"
                      r"(?P<year>(?:19|20)\d\d)(?![\d:]|[.,]\d)",
    }
    # CJK writes no space between a label and its date: '发布时间2021-05-29', '송고시간2021-05-29'
    pats["cjk_iso"] = (r"(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])(?P<year>(?:19|20)\d\d)"
                       r"(?P<sep>[-/.])(?P<mon>1[0-2]|0?[1-9])(?P=sep)(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)")
    for n, (y_m, m_m, d_m) in enumerate(lex.get("intl_cjk", [])):
        pats[f"cjk{n}"] = (rf"(?<!\d)(?P<year>\d{{4}})\s*{re.escape(y_m)}\s*(?P<mon>1[0-2]|0?[1-9])\s*"
                           rf"{re.escape(m_m)}(?:\s*(?P<day>3[01]|[12]\d|0?[1-9])\s*[{re.escape(d_m)}])?")
    eras = lex.get("intl_eras", {})
    if eras:
        pats["era"] = (rf"(?P<era>{_alt(eras)})\s*(?P<eyear>\d{{1,2}}|元)\s*年\s*"
                       r"(?P<mon>1[0-2]|0?[1-9])\s*月(?:\s*(?P<day>3[01]|[12]\d|0?[1-9])\s*日)?")
    nums = "".join(re.escape(c) for c in lex.get("intl_cjk_numerals", {}))
    if nums:
        y_m, m_m, d_m = (lex.get("intl_cjk") or [["年", "月", "日号號"]])[0]
        pats["cjk_words"] = (rf"(?P<year>[{nums}]{{4}})\s*{re.escape(y_m)}\s*(?P<mon>[{nums}]{{1,2}})\s*"
                             rf"{re.escape(m_m)}(?:\s*(?P<day>[{nums}]{{1,3}})\s*[{re.escape(d_m)}])?")
    mw = _alt(_fold_word(w) for w in lex.get("intl_numeric_month_words", []))
    yw = _alt(_fold_word(w) for w in lex.get("intl_numeric_year_words", []))
    if mw:
        pats["numword"] = (rf"(?:(?<!\d)(?P<day>3[01]|[12]\d|0?[1-9])\s+)?(?<!\w)(?:{mw})\s+"
                           rf"(?P<mon>1[0-2]|0?[1-9])\s*(?:,|/|(?:{yw or ','}))\s*{year}")
    rx = {k: re.compile(p) for k, p in pats.items() if p}
    return _Intl(months, langs, need_day, jalali, rx)


#: Order among equally precise candidates at one place: the fuller shape first.
_INTL_RANK = ("cjk0", "cjk1", "cjk_words", "cjk_iso", "era", "dmy", "ymd", "mdy", "jdmy", "numword",
              "dotted", "dotted_dmy", "my", "jmy")


def _jalali_to_gregorian(jy: int, jm: int, jd: int) -> date | None:
    """A Solar Hijri (Iranian calendar) day as a Gregorian date (arithmetic 33-year rule)."""
    if not (1 <= jm <= 12 and 1 <= jd <= (31 if jm <= 6 else 30)):
        return None
    # days from the Gregorian epoch used by _jdays_to_date (the jdf arithmetic rule)
    jy2 = jy + 1595
    days = -355668 + 365 * jy2 + (jy2 // 33) * 8 + ((jy2 % 33) + 3) // 4 + jd
    days += (jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186
    try:
        return _jdays_to_date(days)
    except (OverflowError, ValueError):
        return None


def _jdays_to_date(days: int) -> date:
    """Day count -> Gregorian date (year from 400/100/4-year cycles, then day of year)."""
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    return date(gy, 1, 1) + timedelta(days=days)


def _intl_found(text: str) -> list[tuple[int, int, str, str]]:
    """Absolute dates in other languages: (start, end, ISO value, pattern), original offsets."""
    if not isinstance(text, str) or not text or not re.search(r"\d|年", text):
        return []       # every date here has a number, in digits or in Chinese numerals
    f, src = _fold(text)
    lex = _intl()
    out = []
    bad: list[tuple[int, int]] = []     # full dates with an impossible day ("31 février")
    for name in _INTL_RANK:
        rx = lex.rx.get(name)
        if rx is None:
            continue
        for m in rx.finditer(f):
            if name in ("my", "jmy") and any(a <= m.start() and m.end() <= b for a, b in bad):
                continue    # the month of a malformed date is no more trustworthy than its day
            value = _intl_value(name, m, lex)
            if value:
                out.append((src[m.start()], src[m.end() - 1] + 1, value, name))
            elif m.groupdict().get("day"):
                bad.append(m.span())
    return out


def _intl_value(name: str, m: re.Match, lex: _Intl) -> str | None:
    g = m.groupdict()
    if name == "cjk_words":
        g = {k: _cjk_number(v, k == "year") for k, v in g.items()}
    try:
        if name == "era":
            e = g["eyear"]
            year = _lex()["intl_eras"][g["era"]] + (1 if e == "元" else int(e))
        else:
            year = int(g["year"])
        day = int(g["day"]) if g.get("day") else None
        if name in ("jdmy", "jmy"):
            return _jalali_iso(year, lex.jalali.get(re.sub(r"\s+", "", g["mon"])), day)
        word = g["mon"]
        mon = int(word) if word.isdigit() else lex.months.get(re.sub(r"\s+", " ", word))
        if mon is None:
            mon = lex.months.get(re.sub(r"\s+", "", word))
        if year > MAX_YEAR and not word.isdigit():
            # a year of another era beside that era's month word (Thai 2564 = 2021)
            offsets = _lex().get("intl_year_offsets", {})
            shift = {offsets[x] for x in lex.langs.get(re.sub(r"\s+", " ", word), ()) if x in offsets}
            if len(shift) == 1:
                year -= shift.pop()
    except (TypeError, ValueError):
        return None
    if not mon or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if day is None:
        return _iso(year, mon, prec=2)
    return _iso(year, mon, day) if _valid(year, mon, day) else None


def _cjk_number(word: str | None, digits: bool) -> str | None:
    """'二〇二一' -> '2021' (a year is read digit by digit), '二十九' -> '29', '十二' -> '12'."""
    if not word:
        return None
    vals = [_lex()["intl_cjk_numerals"].get(c) for c in word]
    if digits:
        return "".join(str(v) for v in vals) if all(v is not None and v < 10 for v in vals) else None
    if vals.count(10) > 1:
        return None
    if 10 in vals:
        k = vals.index(10)
        tens = vals[k - 1] if k == 1 else (1 if k == 0 else None)
        ones = vals[k + 1] if k + 1 < len(vals) else 0
        if tens is None or len(vals) > k + 2:
            return None
        return str(tens * 10 + ones)
    return str(vals[0]) if len(vals) == 1 else None


def _jalali_iso(jy: int, jm: int | None, jd: int | None) -> str | None:
    if not jm or not 1300 <= jy <= 1479:
        return None
    if jd is not None:
        d = _jalali_to_gregorian(jy, jm, jd)
        return _iso(d.year, d.month, d.day) if d else None
    # a Solar Hijri month straddles two Gregorian months: keep only what both ends share
    a = _jalali_to_gregorian(jy, jm, 1)
    b = _jalali_to_gregorian(jy, jm, 29)
    if a is None or b is None or a.year != b.year:
        return None
    return _iso(a.year, a.month, prec=2) if a.month == b.month else _iso(a.year, prec=1)


def _intl_iso(s: str) -> str | None:
    """The most precise absolute date of a short string in another language, else None.

    Among equally precise ones, a date under an update label ("mis à jour le") yields.
    """
    found = _intl_found(s)
    if not found:
        return None
    rank = {n: i for i, n in enumerate(_INTL_RANK)}
    best = max(found, key=lambda t: (len(t[2]), not _under_update_label(s, t[0]), -t[0],
                                     -rank[t[3]]))
    return best[2]


@lru_cache(maxsize=1)
def _label_rx() -> re.Pattern | None:
    lex = _lex()
    pub = [_fold_word(w) for w in lex.get("intl_publish_labels", [])]
    upd = [_fold_word(w) for w in lex.get("intl_update_labels", [])]
    if not pub and not upd:
        return None
    alts = [f"(?P<upd>{_alt(upd)})" if upd else "", f"(?P<pub>{_alt(pub)})" if pub else ""]
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(a for a in alts if a) + ")")


def _has_intl_label(s: str) -> bool:
    rx = _label_rx()
    return bool(rx and rx.search(_fold(s)[0]))


def _under_update_label(s: str, start: int) -> bool:
    """Is the last label before ``start`` an update label ('Updated', 'mis à jour', '更新')?"""
    rx = _label_rx()
    if rx is None or start <= 0:
        return False
    head = _fold(s[:start])[0]
    last = None
    for m in rx.finditer(head):
        last = m
    return bool(last and last.group("upd"))


# --------------------------------------------------------------------------- public API

def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``published``."""
    if not isinstance(text, str) or not text:
        return []
    pub = _parse_published(published)
    out = []
    for c in _scan(text):
        future = _guess_future(text, c.start) if c.needs_tense else None
        out.append(DateMention(c.start, c.end, text[c.start:c.end], c.res(pub, future), c.kind))
    lang = _text_language(text)
    if lang != "en":
        out = _with_intl(text, out, strict=lang is None)
    return out


def _text_language(text: str) -> str | None:
    """'en' for English body text, 'other' for another language, None when unsure.

    Foreign month words count only outside English: English prose has 'the Mars 2020
    rover' and 'Mayo, 2021'.
    """
    lex = _lex()
    words = re.findall(r"[^\W\d_]+", text[:5000].lower())
    english = frozenset(lex.get("intl_english_words", ()))
    hits = sum(1 for w in words if w in english)
    if hits >= 2 and hits >= 0.04 * len(words):
        return "en"
    if any(not w.isascii() for w in words):
        return "other"
    foreign = frozenset(lex.get("intl_foreign_words", ()))
    others = sum(1 for w in words if w in foreign)
    if others > hits:
        return "other"
    return "en" if hits else None


def _with_intl(text: str, mentions: list[DateMention], strict: bool = False) -> list[DateMention]:
    """Add absolute dates in another language; an English reading of the same words
    (the bare year of '29 mai 2021') gives way to a more precise foreign one.

    ``strict`` (a text too short to tell its language): only a full date ('29 mai 2021')
    or one in a non-Latin script counts, not an ASCII 'month year' ('Mars 2020').
    """
    found = _intl_found(text)
    if strict:
        found = [t for t in found if len(t[2]) == 10 or not text[t[0]:t[1]].isascii()]
    found.sort(key=lambda t: (-(len(t[2])), -(t[1] - t[0]), t[0]))
    taken: list[tuple[int, int, str]] = []
    for a, b, value, _name in found:
        if all(b <= x or a >= y for x, y, _ in taken):
            taken.append((a, b, value))
    if not taken:
        return mentions
    kept = []
    for m in mentions:
        over = [v for a, b, v in taken if m.start < b and a < m.end]
        if not over:
            kept.append(m)
        elif m.kind == "absolute" and m.value and len(m.value) >= max(len(v) for v in over):
            # the English reading is as precise: it stands, the foreign one yields
            taken = [t for t in taken if not (m.start < t[1] and t[0] < m.end)]
            kept.append(m)
    kept += [DateMention(a, b, text[a:b], v, "absolute") for a, b, v in taken]
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


def resolve_date(expr: str, published: str | None) -> str | None:
    """The value of one date expression ("last year", "15 July 2021"), or None."""
    mentions = [m for m in find_dates(expr, published) if m.kind != "vague"]
    if not mentions:
        return None
    # the expression's own date is its widest match ("since 2016" rather than a piece)
    best = max(mentions, key=lambda m: (m.end - m.start, -m.start))
    return best.value


_META_NOISE = re.compile(r"^\s*(?:published|updated|posted|last\s+updated|last\s+modified|date|"
                         r"first\s+published|on)\s*(?:on|at)?\s*[:\-–|]?\s*", re.IGNORECASE)
_COPYRIGHT = re.compile(r"copyright|©|\(c\)\s*\d", re.IGNORECASE)
_COMPACT = re.compile(r"^\s*((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*$")
_ISO_MONTH = re.compile(r"^\s*((?:19|20)\d\d)-(0[1-9]|1[0-2])\s*$")
_SHORT_NUMERIC = re.compile(r"^\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{2})\s*$")


def to_iso(text: str) -> str | None:
    """Normalise a standalone date string (page metadata, a byline) to ISO, else None."""
    if not isinstance(text, str):
        return None
    s = text.strip()
    if not s or len(s) > _MAX_ISO_INPUT:
        return None        # a metadata date is short; a long string is a page, not a date
    if _COPYRIGHT.search(s):
        return None        # a copyright year dates the site, not the page
    s = _META_NOISE.sub("", s, count=1)
    m = _COMPACT.match(s)
    if m:
        y, mo, d = map(int, m.groups())
        return _iso(y, mo, d) if _valid(y, mo, d) else None
    m = _ISO_MONTH.match(s)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), prec=2)
    m = _SHORT_NUMERIC.match(s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(3)), 2000 + int(m.group(4))
        d, mo = (a, b) if b <= 12 else (b, a)
        return _iso(y, mo, d) if _valid(y, mo, d) else None
    found = [c for c in _scan(s) if c.kind == "absolute"]
    value = None
    if found:
        # the most precise absolute date of the string ("Mar 2018" over a stray year);
        # one under an update label of another language ("Aktualisiert am") yields
        labelled = _has_intl_label(s)
        best = max(found, key=lambda c: (len(c.res(None, None) or ""),
                                         not (labelled and _under_update_label(s, c.start)),
                                         -c.start))
        value = best.res(None, None)
        if value and len(value) > 4:
            return value
    # another language ("Publié le 29 mai 2021", "2021年5月29日") says more than a bare year
    foreign = _intl_iso(s)
    if foreign and len(foreign) > len(value or ""):
        return foreign
    if value and (re.fullmatch(r"\W*\d{4}\W*", s) or len(found) == 1 and len(s) <= 40):
        # a year with words of another script around it: dateparser may read a month too
        other = _dateparser_intl(s) if not s.isascii() else None
        return other if other and len(other) > len(value) else value
    return _dateparser_iso(s) or _dateparser_intl(s)


@lru_cache(maxsize=2048)
def _dateparser_iso(s: str) -> str | None:
    """Leftover shapes, through dateparser's absolute parsers only (never the clock)."""
    if len(s) > 80 or not re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", s):
        return None
    if not re.search(r"[A-Za-z]{3}", s):
        return None        # all-numeric shapes are ours; dateparser would swap day and month
    try:
        data = _date_data_parser().get_date_data(s)
    except Exception:  # noqa: BLE001 - a third-party parser must never break a build
        return None
    d, period = data.date_obj, data.period
    if d is None or str(d.year) not in s:
        return None        # dateparser read some other number ("15" in "March 15") as the year
    prec = {"day": 3, "month": 2, "year": 1}.get(period or "day", 3)
    return _iso(d.year, d.month, d.day, prec=prec)


@lru_cache(maxsize=1)
def _date_data_parser():
    from dateparser.date import DateDataParser
    return DateDataParser(languages=["en"], settings={
        "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["year"],
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
    })


def _intl_languages(s: str) -> tuple[str, ...]:
    """The languages a string may be in: those of its month words, and of its scripts."""
    lex = _lex()
    langs: set[str] = set()
    words = _intl().langs
    folded = _fold(s)[0]
    for w in re.findall(r"[^\W\d_]+", folded):
        langs.update(words.get(w, ()))
    scripts = lex.get("intl_scripts", {})
    for c in set(s):
        if c.isalpha() and not c.isascii():
            try:
                name = unicodedata.name(c).split()[0]
            except ValueError:
                continue
            langs.update(scripts.get(name, ()))
    codes = lex.get("intl_dateparser_codes", {})
    return tuple(sorted({codes.get(x, x) for x in langs}))


@lru_cache(maxsize=2048)
def _dateparser_intl(s: str) -> str | None:
    """Leftover shapes in other languages, through dateparser restricted to the string's
    languages (never the clock, never a language the string shows no sign of)."""
    if len(s) > 80:
        return None
    langs = _intl_languages(s)
    if not langs:
        return None
    folded = _fold(s)[0]
    if not re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", folded):
        return None
    if re.search(r"\d\s*[年년月월]", folded):
        return None         # unit-marked dates are ours: what our rules reject is malformed
    try:
        data = _intl_date_parser(langs).get_date_data(s)
    except Exception:  # noqa: BLE001 - a third-party parser must never break a build
        return None
    d, period = data.date_obj, data.period
    if d is None or str(d.year) not in folded:
        return None
    prec = {"day": 3, "month": 2, "year": 1}.get(period or "day", 3)
    return _iso(d.year, d.month, d.day, prec=prec)


@lru_cache(maxsize=32)
def _intl_date_parser(langs: tuple[str, ...]):
    from dateparser.date import DateDataParser
    return DateDataParser(languages=list(langs), settings={
        "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["year"],
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
    })


def fiscal_label(text: str) -> str | None:
    """The fiscal-year label of an expression, as figures keep it: '2019-20', 'FY2022'.

    Event dates take the start year of "2019-20"; a figure's period keeps the label.
    """
    if not isinstance(text, str):
        return None
    m = re.search(r"(?<![\w.,])((?:19|20)\d\d)\s*[-–/]\s*(\d\d|(?:19|20)\d\d)(?![\w%]|[.,]\d)", text)
    if m:
        y1 = int(m.group(1))
        y2 = _full_second_year(y1, m.group(2))
        if y2 == y1 + 1:
            return f"{y1}-{y2 % 100:02d}"
    m = re.search(r"\bFY\s*'?((?:19|20)?\d\d)\b", text, re.IGNORECASE)
    if m:
        y = int(m.group(1))
        y = y + 2000 if y < 100 else y
        return f"FY{y}" if MIN_YEAR <= y <= MAX_YEAR else None
    return None


def fiscal_year_of(published: str | None, start_month: int, offset: int = 0) -> str | None:
    """The label of the fiscal year containing ``published`` (``offset`` -1 = the last one).

    "last financial year" in a text of October 2024 for a year starting in April -> '2023-24'.
    A fiscal year starting in January is the calendar year ('2023').
    """
    pub = _parse_published(published)
    if pub is None or not 1 <= start_month <= 12:
        return None

    def first_year(p: date) -> int:
        return p.year if p.month >= start_month else p.year - 1

    a, b = first_year(pub.lo), first_year(pub.hi)
    if a != b:
        return None
    y = a + offset
    if start_month == 1:
        return _iso(y, prec=1)
    return f"{y}-{(y + 1) % 100:02d}" if MIN_YEAR <= y < MAX_YEAR else None


# --------------------------------------------------------------------------- attachment

#: Dependencies that open a clause of their own: a date inside belongs to that clause.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis"})

#: Clauses that share a date fronted before the verb they hang on ("On Friday, A signed X
#: and B launched Y", "A day earlier, A met B, while C said ..."); a reported clause
#: (ccomp) or a relative clause does not: its event may lie at any time.
_SHARING_DEPS = frozenset({"conj", "advcl", "parataxis"})

_NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def _is_clause_head(t) -> bool:
    if t.dep_ in _CLAUSE_DEPS or t.head.i == t.i:
        return True
    return t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.head.pos_ in ("VERB", "AUX")


def _clause_head(tok):
    """The token heading the clause ``tok`` sits in (xcomp stays in its clause)."""
    t = tok
    while not _is_clause_head(t):
        t = t.head
    return t


def _path_len(a, b) -> int:
    up_a = [a] + list(a.ancestors)
    idx = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b] + list(b.ancestors)):
        if t.i in idx:
            return idx[t.i] + n
    return 10_000


def _mention_head(span, start: int, end: int):
    """The syntactic head of the tokens covering sentence-local chars [start, end)."""
    base = span.start_char
    toks = [t for t in span if t.idx - base < end and t.idx + len(t.text) - base > start]
    if not toks:
        return None
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]


_DATELINE_TAIL = re.compile(r"^\s*(?:\([^)]{0,40}\))?\s*(?:[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*)?"
                            r"\s*(?:[:—–|]|-\s|--)")


def _is_dateline(text: str, c: _Cand) -> bool:
    """'ISLAMABAD, 19 January 2023 (Agency): ...' dates the report, not the event."""
    head = text[:c.start]
    if len(head) > 60 or len(head.split()) > 6:
        return False
    return bool(_DATELINE_TAIL.match(text[c.end:c.end + 60]))


def _trigger_future(trigger) -> bool | None:
    """True when the trigger's clause speaks of the future (will sign, is set to meet)."""
    t = trigger
    for _ in range(6):
        for c in t.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "'ll", "wo", "would"):
                return True
        if t.lemma_.lower() in ("set", "schedule", "expect", "plan", "due", "slate", "upcoming"):
            return True
        if _is_clause_head(t):
            break
        t = t.head
    if trigger.tag_ in ("VBD", "VBN"):
        return False
    return None


def _through_reference(head, trigger) -> bool:
    """Does the way up from a date to the trigger pass a reference preposition?

    "the first visit after the takeover of Kabul in August 2021": August dates the
    takeover, not the visit.
    """
    refs = _lex()["reference_preps"]
    t = head.head if head.head.i != head.i else head
    for _ in range(40):
        if t.i == trigger.i or t.head.i == t.i:
            return False
        if t.dep_ in ("prep", "mark") and t.lower_ in refs:
            return True
        t = t.head
    return False


def _present_report(home) -> bool:
    """A present or progressive clause reported by a speech verb ('are negotiating')."""
    if home.dep_ != "ccomp" or home.head.lemma_.lower() not in _lex()["reporting_verbs"]:
        return False
    auxes = {c.lower_ for c in home.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "shall", "'ll", "would", "could", "might", "may", "had", "wo"}:
        return False
    if home.tag_ in ("VBZ", "VBP"):
        return True
    return home.tag_ == "VBG" and bool(auxes & {"is", "are", "am", "'re", "'s"})


def _has_subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def _is_future(verb) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "'ll", "wo")
               for c in verb.children)


def _belongs(head, trigger, home) -> bool:
    """Is a date whose head token is ``head`` stated in the clause of ``trigger``?"""
    if _through_reference(head, trigger):
        return False
    own = _clause_head(head)
    if own.i == home.i:
        return True
    # a clause that modifies the trigger noun itself: "the deal, signed in 2015, ..."
    return own.head.i == trigger.i and trigger.pos_ in _NOUNISH and own.i != trigger.i


def _own_date(mine, trigger):
    """The nearest date of the trigger's clause in the dependency tree.

    One that resolves to nothing ("earlier", "last fall" in a text dated by year only)
    yields to a resolvable one as near; a decade stands ("In the 1990s, visits by ...
    Sharif in 1999" -> None).
    """
    def key(chv):
        c, h, v = chv
        penalty = 1 if v is None and c.kind != "decade" else 0
        return (_path_len(trigger, h) + penalty, c.kind != "absolute", c.start)
    return min(mine, key=key)[2]


def _reported_anchor(home, heads):
    """'X and Y are negotiating, officials said on Monday': true when reported."""
    parent = _clause_head(home.head)
    said = [(c, h) for c, h in heads
            if _clause_head(h).i == parent.i and not _through_reference(h, parent)]
    if not said:
        return None
    return min(said, key=lambda ch: _path_len(parent, ch[1]))[0], parent


def _shared_anchor(home, heads):
    """Climb and/while clauses to a date of the verb they hang on.

    A date fronted before that verb covers the whole coordination ("On Friday, A signed
    X and B launched Y"); a verb sharing its subject with the first ("met in Oslo on
    Tuesday and agreed to ...") shares its time too, unless the tense changes.
    """
    clause = home
    while clause.dep_ in _SHARING_DEPS and clause.head.i != clause.i:
        parent = _clause_head(clause.head)
        shared = (clause.dep_ == "conj" and not _has_subject(clause)
                  and _is_future(clause) == _is_future(parent))
        inherited = [(c, h) for c, h in heads if _clause_head(h).i == parent.i
                     and (h.i < parent.i or shared) and not _through_reference(h, parent)]
        if inherited:
            return min(inherited, key=lambda ch: _path_len(parent, ch[1]))[0], parent
        clause = parent
    return None


def attach_date(sent, trigger, published: str | None) -> str | None:
    """The date of the event whose trigger token is ``trigger`` in sentence ``sent``.

    Only a date stated in the trigger's own clause counts (its verb's dependents, not a
    nested relative, reported or adverbial clause, nor a reference event "after the
    coup in 2014"), the nearest one in the tree first. Failing that, a clause joined by
    "and"/"while" takes the date of the verb it hangs on (see ``_shared_anchor``), and a
    present-tense reported clause the date of its report. None when the clause states
    no date, or only a vague one ("recently", "the 1990s"): never the publication date
    by default.
    """
    span = getattr(sent, "span", sent)
    trigger = getattr(trigger, "root", trigger)     # a Span trigger stands for its head
    if trigger is None or span is None or not hasattr(span, "start_char"):
        return None
    text = span.text
    # durations ("for six months") say how long, not when: they never date an event
    cands = [c for c in _scan(text) if c.name != "duration" and not _is_dateline(text, c)]
    if not cands:
        return None
    heads = [(c, _mention_head(span, c.start, c.end)) for c in cands]
    heads = [(c, h) for c, h in heads if h is not None]
    pub = _parse_published(published)

    def value(c, anchor):
        # the tense of the verb the date belongs to picks among weekdays and months
        fut = _trigger_future(anchor)
        if fut is None and c.needs_tense:
            fut = _guess_future(text, c.start)
        return c.res(pub, fut)

    home = _clause_head(trigger)
    mine = [(c, h, value(c, trigger)) for c, h in heads if _belongs(h, trigger, home)]
    if mine:
        return _own_date(mine, trigger)
    found = _reported_anchor(home, heads) if _present_report(home) else _shared_anchor(
        home, heads)
    return value(*found) if found else None
