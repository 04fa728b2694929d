"""Small helpers shared by the fusion modules: dates at mixed precision, document info,
cue data, text normalisation. Pure functions only."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date as _date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

if TYPE_CHECKING:
    from ..model import Event, Mention

LEXICON = Path(__file__).with_name("lexicon")

#: The scorer and the gold treat the Soviet Union as Russia for matching acts.
SAME_COUNTRY = {"SUN": "RUS"}

STATUS_PAST = frozenset({"occurred", "ongoing"})
STATUS_FUTURE = frozenset({"planned", "proposed"})


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Read a JSON data file from fuse/lexicon once."""
    return json.loads((LEXICON / name).read_text(encoding="utf-8"))


def cues() -> dict:
    return load("cues.json")


# ------------------------------------------------------------------ documents

def doc_field(docs: Mapping[str, Any] | None, doc_id: str, name: str, default=None):
    """A field of the document info for ``doc_id``: works for dicts and Document values."""
    if not docs:
        return default
    info = docs.get(doc_id)
    if info is None:
        return default
    if isinstance(info, Mapping):
        return info.get(name, default)
    return getattr(info, name, default)


def doc_name(docs, doc_id: str) -> str:
    return doc_field(docs, doc_id, "name") or doc_id


def doc_site(docs, doc_id: str) -> str:
    """The outlet a document came from: its site, else the URL's host, else its id.

    Two documents of one site are one source for corroboration."""
    site = doc_field(docs, doc_id, "site")
    if site:
        return str(site).lower().removeprefix("www.")
    url = doc_field(docs, doc_id, "url")
    if url:
        m = re.match(r"^[a-z]+://([^/]+)", str(url).lower())
        if m:
            return m.group(1).removeprefix("www.")
    return doc_id


# ------------------------------------------------------------------ dates

_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@lru_cache(maxsize=65536)
def parse_date(s: str | None) -> tuple[int, ...] | None:
    """'2021' -> (2021,), '2021-07' -> (2021, 7), '2021-07-15' -> (2021, 7, 15)."""
    if not s:
        return None
    m = _ISO.match(str(s))
    if not m:
        return None
    return tuple(int(g) for g in m.groups() if g is not None)


@lru_cache(maxsize=262144)
def date_relation(a: str | None, b: str | None, near_days: int = 3) -> str:
    """How two dates at possibly different precisions relate.

    'unknown' (either missing), 'equal' (same value, same precision), 'compatible'
    (one refines the other: 2021 vs 2021-07-15), 'near' (days within ``near_days``:
    multi-day events are dated by their start, reports by any day of them) or
    'incompatible'."""
    pa, pb = parse_date(a), parse_date(b)
    if pa is None or pb is None:
        return "unknown"
    if pa == pb:
        return "equal"
    n = min(len(pa), len(pb))
    if pa[:n] == pb[:n]:
        return "compatible"
    if len(pa) == 3 and len(pb) == 3:
        try:
            gap = abs((_date(*pa) - _date(*pb)).days)
        except ValueError:
            return "incompatible"
        if gap <= near_days:
            return "near"
    return "incompatible"


def precision(s: str | None) -> int:
    p = parse_date(s)
    return len(p) if p else 0


def date_sort_key(s: str | None) -> tuple:
    """Sort key placing coarse dates at the start of their period, undated last."""
    p = parse_date(s)
    if p is None:
        return (1, 9999, 99, 99)
    return (0, p[0], p[1] if len(p) > 1 else 0, p[2] if len(p) > 2 else 0)


def period_of(s: str | None, period: str = "year") -> str | None:
    """The period bucket of an ISO date, or None when the date is too coarse."""
    p = parse_date(s)
    if p is None:
        return None
    if period == "year":
        return f"{p[0]:04d}"
    if len(p) < 2:
        return None
    if period == "quarter":
        return f"{p[0]:04d}-Q{(p[1] - 1) // 3 + 1}"
    if period == "month":
        return f"{p[0]:04d}-{p[1]:02d}"
    raise ValueError(f"unknown period {period!r}: use year, quarter or month")


# ------------------------------------------------------------------ text

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def norm_text(s: str) -> str:
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'")
    return s.replace("\u201c", '"').replace("\u201d", '"')


def content_words(s: str) -> frozenset[str]:
    stop = _stopwords()
    return frozenset(w for w in _WORD.findall(norm_text(s)) if w not in stop and len(w) > 1)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(cues()["stopwords"])


def countries_of(codes) -> frozenset[str]:
    return frozenset(SAME_COUNTRY.get(c, c) for c in codes or ())


def amounts_close(a: float, b: float, tol: float = 0.01) -> bool:
    """Equal within ``tol`` relative: '2.5 billion' and '2,500 million' are one value."""
    if a == b:
        return True
    hi = max(abs(a), abs(b))
    return hi > 0 and abs(a - b) / hi <= tol


def rounding_close(a: float, b: float) -> bool:
    """Equal up to how a writer rounds: $541m vs 'over $500m' is not a disagreement
    we can prove, but $2bn vs $2.5bn is. Accept 5 % relative difference."""
    return amounts_close(a, b, 0.05)


# ------------------------------------------------------------------ projects

def project_slug(name: str) -> str:
    """The slug a project name files under ("North-South Gas Pipeline" ->
    "north-south-gas-pipeline")."""
    return re.sub(r"[^a-z0-9]+", "-", norm_text(name)).strip("-")


def project_of(events: Sequence[Event], mentions: Sequence[Mention] = ()) -> list[str | None]:
    """Each event's project: its own; else the project a PROJECT mention inside its
    evidence names; else, for "this project" / "the pipeline", the project of the
    nearest earlier event (or project mention) of the same document, a few sentences
    back at most."""
    out = [e.project for e in events]
    projects_in = defaultdict(list)          # doc -> [(start, end, slug)]
    for m in mentions:
        if m.label == "PROJECT":
            projects_in[m.doc_id].append((m.start, m.end, project_slug(m.name or m.text)))
    for spans in projects_in.values():
        spans.sort()
    for i, e in enumerate(events):
        if out[i]:
            continue
        inside = [p for s, t, p in projects_in.get(e.doc_id, ()) if e.start <= s and t <= e.end]
        if len(set(inside)) == 1:
            out[i] = inside[0]
    by_doc = defaultdict(list)
    for i, e in enumerate(events):
        by_doc[e.doc_id].append(i)
    anaphor = re.compile(r"\b(?:this|the|that|said) (?:project|pipeline|plant|corridor|deal|scheme|initiative|line|facility|programme|program)\b")
    for doc, idx in by_doc.items():
        idx.sort(key=lambda i: events[i].start)
        for n, i in enumerate(idx):
            if out[i] or not anaphor.search(norm_text(events[i].evidence)):
                continue
            start = events[i].start
            # candidates: earlier events with a project, and earlier project mentions
            cands = [(events[k].end, out[k]) for k in idx[:n] if out[k]]
            cands += [(t, p) for s, t, p in projects_in.get(doc, ()) if t <= start]
            cands = [(end, p) for end, p in cands if start - end < 800]
            if cands:
                out[i] = max(cands)[1]
    return out
