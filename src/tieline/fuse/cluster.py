"""Cross-document event clusters: which reports tell of the same real act.

``cluster_events(events, docs)`` groups events (of one document or several) that are
the same act by the same parties at the same time, the way the gold's ``clusters`` do.

How it decides, in three steps:

1. **Blocking** keeps it sub-quadratic: an event goes into one block per pair of its
   countries (plus its type), and one per project. Inside a block, events are sorted by
   date and each is compared only with the next ``WINDOW`` events, so a block of any
   size costs O(n * WINDOW).
2. **Pair decision**: hard vetoes first (different type, incompatible dates such as
   2016 vs 2017, different projects, opposite directions, different editions of a
   series, places that exclude each other, overlapping evidence in one document), then
   a score from agreeing evidence: same date at a fine precision, same project, same
   place, a shared amount, same mode, similar wording, and, inside one document, a
   nearby or anaphoric mention ("The agreement was signed by ...").
3. **Agglomeration**: candidate pairs are merged best first, and two groups only merge
   when no pair across them is vetoed, so a vaguely dated mention cannot chain a 2016
   drill to a 2017 one.

Each cluster gets a canonical event (the best-supported date at the finest compatible
precision, the majority status, the union of amounts) and corroboration counts
(distinct documents, distinct outlets).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations
from typing import Any, Mapping, Sequence

from rapidfuzz import fuzz

from ..model import Amount, Event
from .common import (
    STATUS_FUTURE, STATUS_PAST, amounts_close, content_words, countries_of, cues,
    date_relation, doc_field, doc_site, norm_text, parse_date, precision,
)

#: Each event is compared with this many following events of its block.
WINDOW = 40
#: A pair needs at least this score to be a merge candidate.
THRESHOLD = 3.0
#: No cluster grows beyond this many mentions (a guard against runaway merges).
MAX_CLUSTER = 60
#: Events of one document this close (chars) are "adjacent" mentions.
ADJACENT = 400

EventKey = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class EventCluster:
    """A group of events that are one real act."""

    members: tuple[int, ...]          # indices into the events given
    keys: tuple[EventKey, ...]        # (doc_id, start, end) of each member
    canonical: Event                  # merged view of the act
    n_docs: int                       # distinct documents telling of it
    n_sources: int                    # distinct outlets (site / URL host)
    docs: tuple[str, ...]             # document ids, sorted


def event_key(e: Event) -> EventKey:
    return (e.doc_id, e.start, e.end)


# ------------------------------------------------------------------ features

@dataclass(frozen=True, slots=True)
class _Feat:
    """What the pair decision needs of one event, computed once."""

    countries: frozenset[str]
    source: frozenset[str]
    target: frozenset[str]
    words: frozenset[str]
    text: str
    editions: frozenset[int]
    anaphoric: bool
    location: str | None
    location_is_country: bool


@lru_cache(maxsize=1)
def _edition_re() -> re.Pattern:
    c = cues()
    ords = sorted(c["ordinals"], key=len, reverse=True)
    nouns = "|".join(re.escape(n) for n in c["edition_nouns"])
    # an ordinal, up to three words, then a noun of a recurring event:
    # "the 8th commission meeting", "third joint exercise", "5th Pak-Russia IGC session"
    return re.compile(
        r"\b(" + "|".join(ords) + r"|\d{1,3}(?:st|nd|rd|th))\b"
        r"(?:[\s-]+(?!day\b|week\b|month\b|year\b|time\b)[\w'-]+){0,3}?[\s-]+(?:" + nouns + r")\b",
        re.IGNORECASE,
    )


def editions(text: str) -> frozenset[int]:
    """Edition numbers of a recurring event named in ``text`` ("the 5th session" -> 5)."""
    out = set()
    ords = cues()["ordinals"]
    for m in _edition_re().finditer(text):
        tok = m.group(1).lower()
        out.add(ords[tok] if tok in ords else int(re.match(r"\d+", tok).group()))
    return frozenset(out)


@lru_cache(maxsize=1)
def _anaphora_re() -> re.Pattern:
    phrases = sorted(cues()["anaphora"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


@lru_cache(maxsize=4096)
def _is_country_name(place: str) -> bool:
    try:
        import pycountry
        pycountry.countries.lookup(place)
        return True
    except (LookupError, ImportError):
        return False


def _features(e: Event) -> _Feat:
    text = norm_text(e.evidence or "")
    loc = (e.location or "").strip().lower() or None
    return _Feat(
        countries=countries_of(e.countries),
        source=countries_of(e.source),
        target=countries_of(e.target),
        words=content_words(e.evidence or ""),
        text=text,
        editions=editions(e.evidence or ""),
        anaphoric=bool(_anaphora_re().search(text)),
        location=loc,
        location_is_country=bool(loc) and _is_country_name(e.location),
    )


# ------------------------------------------------------------------ pair decision

def _status_group(s: str) -> str:
    if s in STATUS_PAST:
        return "past"
    if s in STATUS_FUTURE:
        return "future"
    return s


def _spans_overlap(a: Event, b: Event) -> bool:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter > 0 and inter >= 0.5 * min(a.end - a.start, b.end - b.start)


def vetoed(a: Event, b: Event, fa: _Feat, fb: _Feat) -> bool:
    """True when two events cannot be one act, whatever else agrees."""
    if a.type != b.type:
        return True
    if a.doc_id == b.doc_id and _spans_overlap(a, b):
        # one clause, two events: the extractor saw two acts in it (a signing and a
        # delivery; "talks on March 18 and April 30")
        return True
    if (a.status == "negated") != (b.status == "negated"):
        return True
    if date_relation(a.date, b.date) == "incompatible":
        return True
    if a.project and b.project and a.project != b.project:
        return True
    if fa.editions and fb.editions and not (fa.editions & fb.editions):
        return True
    # parties: one set must contain the other and they must share most members
    ca, cb = fa.countries, fb.countries
    if ca and cb:
        if not (ca <= cb or cb <= ca):
            return True
        if len(ca & cb) / len(ca | cb) < 0.5:
            return True
    # direction: two directed acts with disjoint actors (a visit to vs a visit from)
    if fa.target and fb.target and fa.source and fb.source and not (fa.source & fb.source):
        return True
    if fa.location and fb.location and fa.location != fb.location:
        if not (fa.location_is_country or fb.location_is_country):
            if fa.location not in fb.location and fb.location not in fa.location:
                return True
    return False


def _shared_amounts(a: Event, b: Event) -> tuple[int, int]:
    """(shared, clashing) amounts of one unit between two events."""
    shared = clash = 0
    for x in a.amounts:
        same_unit = [y for y in b.amounts if y.unit == x.unit]
        if not same_unit:
            continue
        if any(amounts_close(x.value, y.value) for y in same_unit):
            shared += 1
        else:
            clash += 1
    return shared, clash


def text_similarity(fa: _Feat, fb: _Feat) -> float:
    """0..1: content-word overlap blended with rapidfuzz's token-sort ratio."""
    if not fa.words or not fb.words:
        return 0.0
    jac = len(fa.words & fb.words) / len(fa.words | fb.words)
    ratio = fuzz.token_set_ratio(" ".join(sorted(fa.words)), " ".join(sorted(fb.words))) / 100
    return 0.6 * jac + 0.4 * ratio * min(1.0, min(len(fa.words), len(fb.words)) / 6)


def pair_score(a: Event, b: Event, fa: _Feat | None = None, fb: _Feat | None = None) -> float:
    """How strongly two (not vetoed) events look like one act. ~3 and up: same act."""
    fa = fa or _features(a)
    fb = fb or _features(b)
    score = 0.0
    rel = date_relation(a.date, b.date)
    if rel == "equal":
        score += {3: 2.5, 2: 1.5, 1: 0.75}.get(precision(a.date), 0)
    elif rel == "compatible":
        score += 0.75 if min(precision(a.date), precision(b.date)) >= 2 else 0.25
    elif rel == "near":
        score += 0.5
    if a.project and a.project == b.project:
        # inside one article every event may belong to its one project: weak there
        score += 1.5 if a.doc_id != b.doc_id else 0.5
    if fa.location and fa.location == fb.location:
        score += 1.0
    shared, clash = _shared_amounts(a, b)
    score += min(shared, 2) * 1.0 - clash * 1.5
    if a.mode and b.mode and a.mode != "other" and b.mode != "other":
        score += 0.75 if a.mode == b.mode else -0.75
    if _status_group(a.status) != _status_group(b.status):
        score -= 1.5
    elif a.status == b.status:
        score += 0.25
    else:
        # a running series ("have been holding drills since 2016") vs one dated act
        score -= 0.75
    if fa.countries and fa.countries == fb.countries:
        score += 0.5
    if fa.editions and fa.editions == fb.editions:
        score += 1.0
    sim = text_similarity(fa, fb)
    score += 4.0 * (sim - 0.2)
    if a.doc_id == b.doc_id:
        gap = max(a.start, b.start) - min(a.end, b.end)
        if gap <= ADJACENT:
            score += 1.0
        later = fb if b.start > a.start else fa
        if later.anaphoric and gap <= 3 * ADJACENT:
            score += 1.0
    return score


# ------------------------------------------------------------------ blocking

def _block_keys(e: Event, f: _Feat) -> list[tuple]:
    keys = []
    cs = sorted(f.countries)
    if len(cs) >= 2:
        for x, y in list(combinations(cs, 2))[:6]:
            keys.append(("pair", e.type, x, y))
    elif cs:
        keys.append(("one", e.type, cs[0]))
    else:
        keys.append(("doc", e.type, e.doc_id))
    if e.project:
        keys.append(("project", e.type, e.project))
    return keys


def candidate_pairs(events: Sequence[Event], feats: Sequence[_Feat]):
    """Index pairs worth scoring: same block, within WINDOW of each other by date."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, (e, f) in enumerate(zip(events, feats)):
        for k in _block_keys(e, f):
            blocks[k].append(i)
    seen = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        # undated events sort by document, so same-document mentions stay in reach
        members = sorted(members, key=lambda i: (events[i].date or "~", events[i].doc_id, events[i].start))
        for n, i in enumerate(members):
            for j in members[n + 1:n + 1 + WINDOW]:
                p = (i, j) if i < j else (j, i)
                if p not in seen:
                    seen.add(p)
                    yield p


# ------------------------------------------------------------------ clustering

def cluster_events(events: Sequence[Event], docs: Mapping[str, Any] | None = None,
                   threshold: float = THRESHOLD) -> list[EventCluster]:
    """Group events that are the same real act; singletons are left out.

    Clusters are ordered by their first member index; members ascend."""
    events = list(events)
    feats = [_features(e) for e in events]
    scored = []
    for i, j in candidate_pairs(events, feats):
        if vetoed(events[i], events[j], feats[i], feats[j]):
            continue
        s = pair_score(events[i], events[j], feats[i], feats[j])
        if s >= threshold:
            scored.append((-s, i, j))
    scored.sort()
    group = list(range(len(events)))           # union-find parent
    members: dict[int, list[int]] = {}

    def find(x: int) -> int:
        while group[x] != x:
            group[x] = group[group[x]]
            x = group[x]
        return x

    for _, i, j in scored:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        mi, mj = members.get(ri, [ri]), members.get(rj, [rj])
        if len(mi) + len(mj) > MAX_CLUSTER:
            continue
        if any(vetoed(events[x], events[y], feats[x], feats[y]) for x in mi for y in mj):
            continue
        group[rj] = ri
        members[ri] = mi + mj
        members.pop(rj, None)
    out = []
    for root, ms in members.items():
        if len(ms) < 2:
            continue
        ms = sorted(ms)
        out.append(_make_cluster(events, ms, docs))
    out.sort(key=lambda c: c.members[0])
    return out


def _make_cluster(events: Sequence[Event], ms: list[int], docs) -> EventCluster:
    es = [events[i] for i in ms]
    doc_ids = sorted({e.doc_id for e in es})
    sites = {doc_site(docs, d) for d in doc_ids}
    return EventCluster(
        members=tuple(ms),
        keys=tuple(event_key(e) for e in es),
        canonical=canonical_event(es, docs),
        n_docs=len(doc_ids),
        n_sources=len(sites),
        docs=tuple(doc_ids),
    )


# ------------------------------------------------------------------ canonical view

def best_date(dates: Sequence[str | None]) -> str | None:
    """The best-supported date at the finest precision its support allows.

    Each candidate counts the mentions that agree with it (equal or compatible); the
    most supported wins, ties going to the finer date. "2021" and "2021-07-15" ->
    "2021-07-15"; "2021-07-15" twice and "2021-07-16" once -> "2021-07-15"."""
    ds = [d for d in dates if parse_date(d)]
    if not ds:
        return None
    best, best_key = None, None
    for d in sorted(set(ds)):
        support = sum(1 for x in ds if date_relation(d, x) in ("equal", "compatible"))
        key = (support, precision(d), ds.count(d))
        if best_key is None or key > best_key:
            best, best_key = d, key
    return best


_STATUS_RANK = {"occurred": 4, "ongoing": 3, "planned": 2, "proposed": 1, "negated": 0}


def canonical_event(es: Sequence[Event], docs=None) -> Event:
    """One merged event for a cluster (evidence and span of its best-dated member)."""
    date = best_date([e.date for e in es])
    # latest report wins on status (a planned visit that a later report says occurred
    # has occurred); among equals the majority, then the more definite status
    def published(e):
        return doc_field(docs, e.doc_id, "published") or ""
    latest = max(published(e) for e in es)
    pool = [e for e in es if published(e) == latest] or list(es)
    counts = Counter(e.status for e in pool)
    status = max(counts, key=lambda s: (counts[s], _STATUS_RANK.get(s, 0)))
    amounts: list[Amount] = []
    for e in es:
        for a in e.amounts:
            if not any(b.unit == a.unit and amounts_close(a.value, b.value) for b in amounts):
                amounts.append(a)
    countries = sorted(set().union(*(e.countries for e in es)))
    source = sorted(set().union(*(e.source for e in es)))
    target = sorted(set().union(*(e.target for e in es)) - set(source))
    modes = Counter(e.mode for e in es if e.mode and e.mode != "other")
    mode = modes.most_common(1)[0][0] if modes else es[0].mode
    project = next((e.project for e in es if e.project), None)
    location = Counter(e.location for e in es if e.location).most_common(1)
    base = max(es, key=lambda e: (precision(e.date), date_relation(e.date, date) == "equal", -e.start))
    return replace(
        base, date=date, status=status, amounts=tuple(amounts), countries=tuple(countries),
        source=tuple(source), target=tuple(target), mode=mode, project=project,
        location=location[0][0] if location else None,
    )
