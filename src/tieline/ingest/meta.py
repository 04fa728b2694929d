"""Document metadata: title, author, published date, site.

Sources, in order of trust: ``hints`` (HTML meta tags, JSON-LD, JSONL fields), then
the header lines the cleaner set aside (headline, byline, a date line), then a
dateline opening the first body paragraph ("ISLAMABAD, 19 January 2023 (APP): ...").
Pages in other languages go the same way: the cleaner's lexicon knows their byline words
("Par", "Von", "بقلم", "记者"), their date labels ("Publié le", "Aktualisiert am"; an update
label never gives the publication date) and their "and" between authors.
A date is never taken from a URL, guessed from the content, read from a forum
member's join date or from a teaser list; a page that states no date gets ``None``.
"""
from __future__ import annotations

import re

from ..extract import dates as _dates
from .clean import (BIO, BYLINE, DATE, DATE_RE, FORUM, TITLE, CleanResult, byline_name, date_only,
                    header_name, lexicon, line_date, looks_like_name, uncased_name)
from .language import detect_language


def to_iso(text: str | None) -> str | None:
    """ISO 8601 at the precision the text gives (the shared date reader does the work)."""
    if not text:
        return None
    # "19-Jan-2023": spaced so the shared reader sees day, month and year
    text = re.sub(r"\b(\d{1,2})-([A-Za-z]{3,9})\.?-(\d{4})\b", r"\1 \2 \3", text)
    return _dates.to_iso(text)


# ---------------------------------------------------------------- author

_SITE_LIKE = re.compile(r"\w\.(?:com|net|org|pk|in|co|tv|news|info|uk|de|ru)\b|https?:|www\.", re.I)


def clean_author(raw: str | None) -> str | None:
    """'By Dr Jane Doe, Reuters' -> 'Jane Doe'; agencies and desks -> None."""
    if not raw:
        return None
    lex = lexicon()
    if _SITE_LIKE.search(raw):
        return None     # a site, not a person: "Dawn.com", "Example News (www.example.com)"
    text = raw.strip().replace("*", "").replace("_", " ").strip()
    m = lex.byline.match(text)
    if m:
        text = m.group("rest")
    # cut at a date or a count ("Jane Doe March 8, 2020 0 Comments"), then at separators
    # that start another field (agency, role, place)
    d = DATE_RE.search(text)
    if d:
        text = text[:d.start()]
    text = re.split(r"\s\d", text, maxsplit=1)[0]
    text = lex.byline_cut.split(text, maxsplit=1)[0]
    text = DATE_RE.sub("", text).strip(" .:-–—")
    toks = text.split()
    hon = {h.rstrip(".") for h in lex.honorifics}
    while toks and toks[0].lower().rstrip(".") in hon:
        toks = toks[1:]
    name = " ".join(toks).strip()
    low = name.lower()
    if not name or low in lex.generic_authors or low in lex.agencies:
        return None
    if any(t.lower().strip(".") in lex.generic_name_tokens for t in toks):
        return None     # "Islamabad Bureau", "News Desk", "Staff Report"
    if not any(ch.isalpha() for ch in name) or len(toks) > 6:
        return None
    return name


def _author_names(raw: str | None) -> list[str]:
    """Several authors: 'Jane Doe and John Roe' -> both (agency suffixes dropped)."""
    names: list[str] = []
    # "and" in the page's language: "Por A y B", "von A und B", "A и B"
    for part in lexicon().name_split.split(raw or ""):
        a = clean_author(part)
        if a and a not in names:
            names.append(a)
    return names


def _join(names: list[str]) -> str:
    """Names as a byline writes them: 'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_BIO_NAME = re.compile(r"^([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),?\s+(?:is|was|has been)\b")


# ---------------------------------------------------------------- published

_DATELINE = re.compile(
    r"^\s*(?:\(?(?P<paren>" + DATE_RE.pattern + r")\)?\s*[:\-–—]?\s*"
    r"|[A-Z][A-Za-z .'-]{1,40},\s*(?P<place>" + DATE_RE.pattern + r")\s*"
    r"(?:\([A-Za-z .]{1,20}\)|/\s*[A-Za-z .-]{1,20}\s*/)?\s*[:\-–—./])",
    re.I)


#: "KARACHI, (Agency / Site - 29th Nov, 2023) ...": the date inside the agency credit.
_AGENCY_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},?\s*\([^()]{0,80}?(?P<date>" + DATE_RE.pattern + r")\s*\)", re.I)

#: "PARIS, 3 mars 2021 (AFP) -", "МОСКВА, 12 марта 2021. /ТАСС/.", "القاهرة، ٥ يونيو ٢٠٢٢ -":
#: a place, a comma, a date in any language line_date reads, then the agency or a dash.
_FOREIGN_DATELINE = re.compile(r"^\s*[^\W\d_][^,،.:;()\n]{1,40}?\s*[,،]\s*(?P<date>[^()\n]{4,40}?)\s*"
                               r"(?=[(/\-–—:]|\.\s|$)")

#: The text naming its own time: "during the current month in 2018", "this year, 2019".
_NOW_YEAR = re.compile(r"\b(?:current|this|present)\s+(?:month|year)\s*,?\s*(?:in|of)?\s*((?:19|20)\d{2})\b", re.I)


def _near_forum(clean: CleanResult, para_start: int) -> bool:
    """A date beside a forum member cue is a join date, not the post's date."""
    idx = [k for k, p in enumerate(clean.dropped) if p.start == para_start]
    if not idx:
        return False
    k = idx[0]
    window = clean.reasons[max(0, k - 2):k + 3]
    return FORUM in window


_LABELLED = re.compile(r"\b(?P<label>(?:first\s+)?published|posted|updated|last\s+updated|date[ds]?)\b\s*(?:on|at)?\s*:?\s*"
                       r"(?P<date>" + DATE_RE.pattern + r")", re.I)


_LABEL_START = re.compile(r"\s*(?:date[ds]?|published|posted|first published)\b", re.I)


def _first_date(text: str) -> str | None:
    m = DATE_RE.search(text)
    if m:
        return to_iso(m.group(0))
    bare = date_only(text)      # "date 2021", "Published: 2019-05"
    if bare:
        return to_iso(bare)
    # another language or shape: "Publié le 29 mai 2021 à 10h05", "2022年6月3日 15時30分"
    return line_date(text)


def _byline_date(text: str) -> str | None:
    """The date in a byline line: 'By Jane Doe | March 3, 2018',
    'Publié le 2 février 2024 par Jeanne Martin' (a month or a day, not a bare year)."""
    iso = _first_date(text)
    if iso is None and len(text) <= 120:
        iso = to_iso(text)
        if iso and len(iso) < 7:
            iso = None
    return iso


def _is_updated(text: str) -> bool:
    """'Updated ...', 'Mis à jour le ...', 'Aktualisiert am ...': not the publication date."""
    return bool(re.match(r"\s*(?:last\s+)?updated\b", text, re.I) or lexicon().updated.match(text.strip(" |•·*-–—")))


def _foreign_date(text: str, lang: str) -> str | None:
    """A date in another language ('Publié le 29 mai 2021 à 10h05'), at its precision.

    dateparser knows the month names of many languages; it is slow to warm up, so it is
    only asked about short header lines of pages whose body is not English.
    """
    try:
        from dateparser.search import search_dates
        found = search_dates(text, languages=[lang], settings={"REQUIRE_PARTS": ["year"]})
    except Exception:   # unknown language code or a parser hiccup: no date rather than a crash
        return None
    if not found:
        return None
    phrase, when = found[0]
    # a day is a one- or two-digit number that is not part of a time ("10h05", "10:05")
    has_day = any(1 <= int(x) <= 31 for x in re.findall(r"(?<![\d:h.])\b(\d{1,2})\b(?![:h]\d)", phrase))
    if has_day:
        return f"{when.year:04d}-{when.month:02d}-{when.day:02d}"
    return f"{when.year:04d}-{when.month:02d}"


def _published_from_text(raw: str, clean: CleanResult) -> str | None:
    body_start = clean.paragraphs[0].start if clean.paragraphs else len(raw)
    header = [(p, r) for p, r in zip(clean.dropped, clean.reasons) if p.start < body_start]
    # a date line in the header (before the body), not a join date; when there are several
    # (a site's "today" bar, a teaser list), the one next to the headline or byline wins
    anchors = [k for k, (p, r) in enumerate(header) if r in (TITLE, BYLINE)]
    found: list[tuple[int, int, str]] = []
    updated = None
    for k, (p, r) in enumerate(header):
        if r == DATE and not _near_forum(clean, p.start):
            if _is_updated(p.text):
                updated = updated or _first_date(p.text)
                continue
            iso = _first_date(p.text)
        elif r == BYLINE:   # "By Jane Doe | March 3, 2018"
            iso = _byline_date(p.text)
        else:
            continue
        if iso:
            # a date the page labels as such ("date 2021-07-15", "Published: ...") first,
            # then the one nearest the headline or byline
            labelled = 0 if _LABEL_START.match(p.text) or lexicon().published.match(p.text) else 1
            distance = min((abs(k - a) for a in anchors), default=0)
            found.append((labelled, distance, -k, iso))
    if found:
        return min(found)[3]
    # a labelled date inside another header line: "TNN | Published: Mar 3, 2019, 10:15 IST"
    for p, r in header:
        if r in (FORUM,):
            continue
        for m in _LABELLED.finditer(p.text):
            iso = to_iso(m.group("date"))
            if iso and not m.group("label").lower().endswith("updated"):
                return iso
            updated = updated or iso
    if updated:
        return updated
    # pages in other languages: their header date lines, read by dateparser
    # (short pages in CJK scripts often detect as None: treat None like non-English)
    lang = detect_language(" ".join(p.text for p in clean.paragraphs[:5]))
    if lang != "en":
        for p, r in header:
            if r in (FORUM,) or len(p.text.split()) > 12:
                continue
            iso = to_iso(p.text)
            if iso and len(iso) > 4:      # a month or a day, not a stray year
                return iso
        if lang:
            for p, r in header:
                if r not in (FORUM,) and len(p.text.split()) <= 12 and re.search(r"\b(?:1[89]|20)\d{2}\b", p.text):
                    iso = _foreign_date(p.text, lang)
                    if iso:
                        return iso
    # a dateline opening the first body paragraph (or the second, after a deck)
    for p in clean.paragraphs[:2]:
        m = _DATELINE.match(p.text[:160])
        if m:
            return to_iso(m.group("paren") or m.group("place"))
        m = _AGENCY_DATELINE.match(p.text[:160])
        if m:
            return to_iso(m.group("date"))
        m = _FOREIGN_DATELINE.match(p.text[:160])
        if m:
            iso = line_date(m.group("date"))
            if iso:
                return iso
    # a lone date line right under the article (press releases sign off with their date)
    if clean.paragraphs:
        body_end = clean.paragraphs[-1].end
        after = [(p, r) for p, r in zip(clean.dropped, clean.reasons) if p.start >= body_end]
        dates = [k for k, (p, r) in enumerate(after) if r == DATE]
        if len(dates) == 1 and dates[0] <= 2:
            iso = _first_date(after[dates[0]][0].text)
            if iso:
                return iso
    # the opening paragraphs saying which year "now" is
    for p in clean.paragraphs[:5]:
        m = _NOW_YEAR.search(p.text)
        if m:
            return m.group(1)
    return None


# ---------------------------------------------------------------- entry

def extract_meta(raw: str, clean: CleanResult, hints: dict | None = None) -> dict:
    """Title, author, published (ISO at the page's precision) and site of one page."""
    hints = hints or {}
    title = (hints.get("title") or "").strip() or None
    if title is None and clean.title_para is not None:
        title = _plain(clean.dropped[clean.title_para].text) or None

    author = None
    site = (hints.get("site") or "").strip().lower()
    for cand in _as_list(hints.get("author")):
        names = [n for n in _author_names(cand) if n.lower() != site]
        if names:
            author = _join(names)
            break
    if author is None:
        # bylines stand above the article or just under its first lines, not further down
        first = clean.paragraphs[min(2, len(clean.paragraphs) - 1)].end if clean.paragraphs else len(raw)
        for p, r in zip(clean.dropped, clean.reasons):
            if r != BYLINE or p.start > first:
                continue
            names = _author_names(byline_name(p.text) or header_name(p.text)
                                  or (p.text if looks_like_name(p.text) or uncased_name(p.text) else None))
            if names:
                author = _join(names)
                break
            if byline_name(p.text):   # a byline naming no person (agency, desk): no author
                break
    if author is None and not any(r == BYLINE for r in clean.reasons):
        # no byline, but a closing bio names the writer: "Jane Doe is a journalist in Lima."
        for p in clean.dropped_with(BIO):
            m = _BIO_NAME.match(p.text.strip())
            if m:
                author = clean_author(m.group(1))
                break

    published = to_iso(hints.get("published")) if hints.get("published") else None
    if published is None:
        published = _published_from_text(raw, clean)

    return {"title": title, "author": author, "published": published,
            "site": hints.get("site") or None}


def _plain(text: str) -> str:
    """A header line without markup and bullets: '# **Title**' -> 'Title'."""
    return re.sub(r"\s+", " ", text.strip(" \t#*_`>|•·-–—=~")).strip()


def _as_list(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v]
    return [str(value)]
