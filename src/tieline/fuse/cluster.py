"""Cross-document event clusters: which reports tell of the same real act.

``cluster_events(events, docs)`` groups events (of one document or several) that are
the same act by the same parties at the same time, the way the gold's ``clusters`` do.

How it decides, in three steps:

1. **Blocking** keeps it sub-quadratic: an event goes into one block per pair of its
   countries (plus its type), one for its article, one per project and one per person
   it names. Inside a block, events are sorted by date and each is compared only with
   the next ``WINDOW`` events (a second pass sorts large blocks by wording, so undated
   reports of one act still meet): O(n * WINDOW).
2. **Pair decision**: hard vetoes first (``veto_reason``: different type, incompatible
   dates such as 2016 vs 2017 (or two days in one article), two projects in one
   article, party lists that exclude each other (a list naming only some of the other's
   states, or the same person on the same day, is no proof), opposite directions, two
   known places, different editions of a series, Soviet vs Russian era, a summary of a
   series vs one of its acts, "was held" vs "will be held" in one article, "also" right
   after an act, two events of one clause), then a score from agreeing evidence
   (``score_parts`` lists it): same date at a fine precision, same project (a
   different one counts against), place or amount, same mode, similar wording, the same
   people, and inside one article a nearby or referring mention: a definite noun of the
   event's own kind ("The agreement was signed by ...", "the landmark MoU", "This
   upcoming visit"; not "under the deal", "on the first day of the meeting", "the last
   such meeting") or its parties named by reference ("both sides", "both will").
   "Also", a clashing sector (defence vs energy deal), clashing small numbers count
   against.
3. **Agglomeration**, in two rounds: first each article's own mentions (its
   coreference chains), then across articles, where a report must agree with another's
   whole chain (a higher mean). Candidate pairs merge best first; two groups merge only
   when no pair across them is vetoed and their mean pair score is high enough (average
   link), so a vaguely dated mention cannot chain a 2016 drill to a 2017 one. A chain's
   mentions share the people any of them names.

Each cluster gets a canonical event (the best-supported date at the finest compatible
precision, the majority status, the union of amounts) and corroboration counts
(distinct documents, distinct outlets).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain, combinations
from typing import Any, Mapping, Sequence

from rapidfuzz import fuzz

from ..model import Amount, Event, Mention
from .common import (
    SAME_COUNTRY, STATUS_FUTURE, STATUS_PAST, amounts_close, content_words, countries_of, cues,
    date_relation, doc_field, doc_site, norm_text, parse_date, precision,
)

#: Each event is compared with this many following events of its block.
WINDOW = 40
#: A pair needs at least this score to be a merge candidate.
THRESHOLD = 3.0
#: Penalty when each party list names a state the other does not.
PARTIES_CROSS = 1.0
#: Bonus for a referring mention and its antecedent.
ANTECEDENT = 1.5
#: Penalty when a later mention of one article marks an act in addition ("also").
ADDITIVE = 2.5
#: Two groups merge only when their mean pair score reaches this.
MEAN_LINK = 1.5
#: ... and this when the link that proposes the merge joins two documents: a report
#: must agree with another's whole chain of mentions, not with its one closest line.
MEAN_LINK_XDOC = 2.5
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
    anaphoric: bool                   # names the act by a definite noun: "the agreement"
    refers: bool                      # anaphoric, or refers to its parties: "both sides"
    location: str | None
    location_iso3: str | None
    location_known: bool              # a country, capital or city the lexicon knows
    persons: frozenset[str]
    additive: bool
    numbers: frozenset[str]
    series: bool                      # sums up several acts: "three rounds of talks"


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


_NUM = re.compile(r"(?<![\d$.,])(\d{1,3})(?![\d,.%])(?!\s*(?:per|percent|billion|million|bn|mn|km|mw))",
                  re.IGNORECASE)


def small_numbers(text: str) -> frozenset[str]:
    """Small bare numbers (unit numbers, member counts) that tell acts apart; days of
    the month are left out (dates are compared as dates)."""
    months = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    t = re.sub(r"\b\d{1,2}(?:st|nd|rd|th)?\s+" + months + r"|" + months + r"\s+\d{1,2}\b", " ",
               text, flags=re.IGNORECASE)
    return frozenset(_NUM.findall(t))


@lru_cache(maxsize=1)
def _series_re() -> re.Pattern:
    c = cues()
    count = "|".join(re.escape(w) for w in c["count_words"])
    nouns = "|".join(re.escape(w) for w in c["series_nouns"])
    # "three rounds", "two earlier meetings"; not "two days of meetings"
    skip = r"(?!(?:days?|weeks?|months?|years?|hours?|sides|countries|parties)\b)"
    return re.compile(r"\b(?:" + count + r"|\d{1,2})\s+(?:" + skip + r"[\w'-]+\s+){0,3}?(?:" + nouns + r")\b")


@lru_cache(maxsize=1)
def _party_anaphora_re() -> re.Pattern:
    c = cues()
    phrases = sorted(c["party_anaphora"], key=len, reverse=True)
    verbs = "|".join(re.escape(v) for v in c["party_pronoun_verbs"])
    # "the two sides", and a bare "both" as a subject: "both will be discussing"
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r"|both\s+(?:" + verbs + r"))\b")


@lru_cache(maxsize=1)
def _anaphora_re() -> tuple[re.Pattern, dict[str, str]]:
    """A definite noun phrase naming an act ("the agreement", "the landmark MoU",
    "this upcoming visit") and the event type each head noun names."""
    c = cues()
    noun_type = {n: t for t, ns in c["anaphora_nouns"].items() for n in ns}
    dets = "|".join(re.escape(d) for d in c["anaphora_determiners"])
    nouns = "|".join(re.escape(n) for n in sorted(noun_type, key=len, reverse=True))
    # up to three modifiers ("the path-breaking bilateral nuclear deal"), none of them
    # a word that starts a new phrase
    mod = r"(?:(?!(?:and|or|was|were|is|are|of|to|with|on|in|for|by)\b)[\w'-]+\s+){0,3}?"
    return re.compile(r"\b(?:" + dets + r")\s+" + mod + r"(" + nouns + r")\b"), noun_type


def anaphoric(text: str, type_: str) -> bool:
    """Does ``text`` name an act of ``type_`` by a definite noun phrase ("The agreement
    was signed by ...")? The noun must fit the event's own type (in a trade event "the
    deal" names the deal, not the trade) and not follow a preposition ("talks held on
    the first day of the meeting" are a part of the meeting, not the meeting)."""
    rx, noun_type = _anaphora_re()
    text = re.sub(r"[\"“”‘’]", "", norm_text(text))      # scare quotes around a modifier
    return any(noun_type.get(m.group(1)) == type_ and not _setting_re().search(text[:m.start()])
               and not _instance_re().search(m.group(0)) for m in rx.finditer(text))


@lru_cache(maxsize=1)
def _instance_re() -> re.Pattern:
    """A modifier picking one act of a series: "the first meeting", "the last such
    meeting", "the 8th session" introduce an act; they do not refer back."""
    c = cues()
    words = sorted(set(c["instance_modifiers"]) | set(c["ordinals"]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r"|\d+(?:st|nd|rd|th))\b")


@lru_cache(maxsize=1)
def _setting_re() -> re.Pattern:
    """A preposition just before a definite act noun: "on the first day of the
    meeting", "under the deal" name another act's setting, not the act."""
    preps = sorted(cues()["setting_prepositions"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in preps) + r")\s*$")


@lru_cache(maxsize=4096)
def _country_code(place: str) -> str | None:
    """ISO3 code when a place name is a country's name, else None."""
    from ..extract.countries import find_countries
    # a capital stands for its state in extraction ("Moscow said"), not here: only a
    # country's own name contains its cities
    code = next((m.iso3 for m in find_countries(place)
                 if m.kind == "name" and m.end - m.start >= len(place.strip()) - 1), None)
    if not code:
        import pycountry
        try:
            code = pycountry.countries.lookup(place).alpha_3
        except LookupError:
            # common short names ("Russia", "Iran") are not pycountry's official ones
            try:
                hits = pycountry.countries.search_fuzzy(place)
            except LookupError:
                hits = []
            # search_fuzzy also matches provinces and cities ("Moscow"): keep a hit only
            # when the place is part of the country's own names
            code = None
            for h in hits[:3]:
                names = " | ".join(norm_text(getattr(h, k, "") or "") for k in ("name", "common_name", "official_name"))
                if re.search(r"\b" + re.escape(norm_text(place)) + r"\b", names):
                    code = h.alpha_3
                    break
    return SAME_COUNTRY.get(code, code) if code else None


@lru_cache(maxsize=4096)
def _known_place(place: str) -> bool:
    from ..extract.countries import iso3
    return bool(iso3(place, places=True) or _country_code(place))


#: "also met", "another embargo": the text marks an act in addition to one told before
_ADDITIVE = re.compile(r"\b(?:also|another|separately|in addition|additionally|a separate|a second)\b")


def _features(e: Event, persons: frozenset[str] = frozenset()) -> _Feat:
    text = norm_text(e.evidence or "")
    loc = (e.location or "").strip().lower() or None
    return _Feat(
        countries=countries_of(e.countries),
        source=countries_of(e.source),
        target=countries_of(e.target),
        words=content_words(e.evidence or ""),
        text=text,
        editions=editions(e.evidence or ""),
        anaphoric=anaphoric(text, e.type),
        refers=anaphoric(text, e.type) or bool(_party_anaphora_re().search(text)),
        location=loc,
        location_iso3=_country_code(e.location) if loc else None,
        location_known=bool(loc) and _known_place(e.location),
        persons=persons,
        additive=bool(_ADDITIVE.search(text)),
        numbers=small_numbers(e.evidence or ""),
        series=bool(_series_re().search(text)),
    )


# ------------------------------------------------------------------ pair decision

def _status_group(s: str) -> str:
    if s in STATUS_PAST:
        return "past"
    if s in STATUS_FUTURE:
        return "future"
    return s


def _era(e: Event) -> str | None:
    """'soviet' when the event names the Soviet Union, 'post' when it names Russia,
    else None (the scorer treats both as one state; their eras still differ)."""
    cs = set(e.countries)
    if "SUN" in cs and "RUS" not in cs:
        return "soviet"
    if "RUS" in cs and "SUN" not in cs:
        return "post"
    return None


def _sector_clash(a: Event, b: Event) -> bool:
    """Two substantive acts in two specific fields (defence vs energy). One meeting
    covers many fields, so meetings never clash."""
    neutral = cues()["neutral_sectors"]
    return a.type != "CONSULT" and bool(a.sector and b.sector) and a.sector != b.sector \
        and a.sector not in neutral and b.sector not in neutral


def _spans_overlap(a: Event, b: Event) -> bool:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter > 0 and inter >= 0.5 * min(a.end - a.start, b.end - b.start)


def vetoed(a: Event, b: Event, fa: _Feat, fb: _Feat, check_date: bool = True) -> bool:
    """True when two events cannot be one act, whatever else agrees.

    ``check_date=False`` asks whether they would be one act but for their dates (the
    conflict finder's question)."""
    return veto_reason(a, b, fa, fb, check_date) is not None


def parties_agree(a: Event, b: Event, fa: _Feat, fb: _Feat) -> bool:
    """Can the two party lists be one act's? Most parties shared; or one list is the
    other's with states left out (a report names two of the four delegations); or
    both name the same person on the same day (the host of a summit coded as a party
    in one report). Each list may also name one state the other does not (scored
    down, not vetoed)."""
    ca, cb = fa.countries, fb.countries
    if not ca or not cb:
        return True
    if len(ca & cb) / len(ca | cb) >= 0.6:
        return True
    if (ca < cb or cb < ca) and min(len(ca), len(cb)) >= 2:
        return True
    return bool(ca & cb) and same_people(fa.persons, fb.persons) and precision(a.date) == 3 \
        and date_relation(a.date, b.date) == "equal"


def same_people(pa: frozenset[str], pb: frozenset[str]) -> bool:
    """Do two sets of names share a person? "Shehbaz Sharif" is "Muhammad Shehbaz
    Sharif" (one name's words inside the other's); a shared surname alone is not
    ("Nawaz Sharif" and "Shehbaz Sharif" are brothers, not one man)."""
    if pa & pb:
        return True
    for x in pa:
        wx = set(x.split())
        for y in pb:
            wy = set(y.split())
            if len(wx) >= 2 and len(wy) >= 2 and (wx <= wy or wy <= wx):
                return True
    return False


def veto_reason(a: Event, b: Event, fa: _Feat, fb: _Feat, check_date: bool = True) -> str | None:
    """Why two events cannot be one act (a short code), or None when they can."""
    if a.type != b.type:
        return "type"
    if a.doc_id == b.doc_id and _spans_overlap(a, b):
        # one clause, two events: the extractor saw two acts in it (a signing and a
        # delivery; "talks on March 18 and April 30")
        return "same clause"
    if (a.status == "negated") != (b.status == "negated"):
        return "negated"
    if a.doc_id == b.doc_id and {a.status, b.status} & {"occurred"} and \
            {_status_group(a.status), _status_group(b.status)} == {"past", "future"}:
        # one article tells an act's status once: "the 5th session was held" and "the
        # next session will be held" are two acts (across reports, a planned meeting
        # and the meeting held may well be one). "Under way" may be either.
        return "past vs future in one article"
    if fa.series != fb.series:
        # "two earlier meetings were held" sums up a series: not one of its meetings
        return "series"
    if check_date:
        rel = date_relation(a.date, b.date)
        if rel == "incompatible":
            return "date"
        if rel == "near" and a.doc_id == b.doc_id:
            # one article naming two days ("talks on Thursday", "the signing on
            # Friday") tells two acts; only other reports date one act by another day
            return "date"
    if a.project and b.project and a.project != b.project and a.doc_id == b.doc_id:
        # one article keeps its projects apart; across reports one project may go by
        # two names (a rename), which the score weighs instead
        return "project"
    if fa.editions and fb.editions and not (fa.editions & fb.editions):
        return "edition"
    if a.doc_id == b.doc_id:
        first, later = (a, fb) if b.start > a.start else (b, fa)
        if later.additive and max(a.start, b.start) - min(a.end, b.end) <= ADJACENT:
            # "The talks were held in Lima. The delegates also met the minister.": the
            # article itself says the second act is another one
            return "additive"
    if _era(a) and _era(b) and _era(a) != _era(b):
        # the Soviet Union acts only in Soviet-era acts: "inked by the then Soviet
        # leader" and "Russia finalised" are two acts (the scorer merges the codes)
        return "era"
    # parties: one set must contain the other and they must share most members
    if not parties_agree(a, b, fa, fb):
        return "parties"
    # direction: two directed acts with disjoint actors (a visit to vs a visit from)
    if fa.target and fb.target and fa.source and fb.source and not (fa.source & fb.source):
        return "direction"
    if fa.location and fb.location and fa.location != fb.location:
        if fa.location not in fb.location and fb.location not in fa.location:
            # a country contains a city of it: "Uzbekistan" and "Samarkand" agree when
            # the country takes part; otherwise two different places
            ok = (fa.location_iso3 and fa.location_iso3 in fb.countries) or \
                (fb.location_iso3 and fb.location_iso3 in fa.countries)
            # a known city and a name the lexicon does not know may be a venue inside
            # it ("Washington" and "the Benjamin Franklin Room"): no proof of two places
            if not ok and fa.location_known == fb.location_known:
                return "place"
    return None


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
    inter = len(fa.words & fb.words)
    jac = inter / len(fa.words | fb.words)
    ratio = fuzz.token_set_ratio(" ".join(sorted(fa.words)), " ".join(sorted(fb.words))) / 100
    small = min(len(fa.words), len(fb.words))
    sim = 0.6 * jac + 0.4 * ratio * min(1.0, small / 6)
    if small >= 4:
        # one report quoting the other's clause inside a longer sentence
        sim = max(sim, 0.8 * inter / small)
    return sim


def pair_score(a: Event, b: Event, fa: _Feat | None = None, fb: _Feat | None = None,
               use_date: bool = True) -> float:
    """How strongly two (not vetoed) events look like one act. ~3 and up: same act."""
    return sum(v for _, v in score_parts(a, b, fa, fb, use_date))


def score_parts(a: Event, b: Event, fa: _Feat | None = None, fb: _Feat | None = None,
                use_date: bool = True) -> list[tuple[str, float]]:
    """The evidence behind ``pair_score``, one (reason, points) item each: what a
    reader (or a test) needs to see why two mentions were or were not merged."""
    fa = fa or _features(a)
    fb = fb or _features(b)
    parts: list[tuple[str, float]] = []

    def add(reason: str, points: float) -> None:
        if points:
            parts.append((reason, points))
    rel = date_relation(a.date, b.date) if use_date else "unknown"
    if rel == "equal":
        points = {3: 2.5, 2: 1.5, 1: 0.75}.get(precision(a.date), 0)
        # one article dates many of its acts by its one news day: weaker evidence there
        add("same date", points if a.doc_id != b.doc_id else points / 2)
    elif rel == "compatible":
        add("compatible date", 0.75 if min(precision(a.date), precision(b.date)) >= 2 else 0.25)
    elif rel == "near" and a.doc_id != b.doc_id:
        # reports may date a multi-day event by different days; one article that
        # names two days ("talks on Thursday", "signing on Friday") means two acts
        add("near date", 0.5)
    if a.project and b.project and a.project != b.project:
        # two names for one project happen (renames, acronyms): a strong doubt, not a veto
        add("other project", -2.5)
    if a.project and a.project == b.project:
        # inside one article every event may belong to its one project: weak there
        add("same project", 1.5 if a.doc_id != b.doc_id else 0.5)
    if fa.location and fa.location == fb.location:
        add("same place", 1.0)
    shared, clash = _shared_amounts(a, b)
    add("shared amounts", min(shared, 2) * 1.0)
    add("clashing amounts", -clash * 1.5)
    if a.mode and b.mode and a.mode != "other" and b.mode != "other":
        if a.mode == b.mode:
            add("same mode", 0.75)
        elif a.type != "CONSULT":
            # a visit, its meeting and its talks are facets of one encounter; an arms
            # delivery and a joint venture are two acts
            add("other mode", -2.0)
    if a.type == "CONSULT" and a.mode == b.mode and fa.countries == fb.countries \
            and bool(fa.target) != bool(fb.target):
        # "the three sides met" vs "they also met the host's minister": two meetings
        # (not for trade: one report often leaves a trade's direction out)
        add("directed vs symmetric", -1.0)
    if _status_group(a.status) != _status_group(b.status):
        add("past vs future", -1.5)
    elif a.status == b.status:
        add("same status", 0.25)
    elif _status_group(a.status) == "future":
        # "will meet soon" and "the meeting could be held on Oct 20": one article may
        # be surer of an act than of its details; other reports are weighed down
        add("planned vs proposed", -0.75 if a.doc_id != b.doc_id else 0.0)
    else:
        # a running series ("have been holding drills since 2016") vs one dated act;
        # a one-off act (a signing) is either done or not: "signed an MoU" and "to
        # finalize the deal" are two acts
        one_off = a.mode in cues()["one_off_modes"] and a.mode == b.mode
        add("ongoing vs occurred", -2.0 if (a.date and b.date) or one_off else -0.75)
    if a.status == b.status == "proposed" and a.doc_id != b.doc_id:
        # speculation names no act of its own: only near-identical wording is one
        # (inside one article, a proposal re-mentioned is that proposal)
        add("both proposed", -1.0)
    if fa.numbers and fb.numbers and not (fa.numbers & fb.numbers):
        # "Unit 2" vs "Units 3 and 4", "22-member" vs "50-member"
        add("other numbers", -1.0)
    if fa.countries and fa.countries == fb.countries:
        add("same parties", 0.5)
    elif fa.countries and fb.countries and not (fa.countries <= fb.countries or fb.countries <= fa.countries):
        add("crossed parties", -PARTIES_CROSS)
    if fa.editions and fa.editions == fb.editions:
        add("same edition", 1.0)
    if _sector_clash(a, b):
        # a defence deal and a gas deal of the same two states are two deals
        add("other sector", -1.5)
    add("wording", 4.0 * (text_similarity(fa, fb) - 0.2))
    if fa.persons and fb.persons and not same_people(fa.persons, fb.persons):
        # "the minister visited Moscow" and "the general visited Moscow": two visits
        add("other people", -1.5)
    if a.doc_id == b.doc_id:
        later = fb if b.start > a.start else fa
        if later.additive:
            # "the participants also met ...": the article itself says another act
            add("additive", -ADDITIVE)
        gap = max(a.start, b.start) - min(a.end, b.end)
        if gap <= ADJACENT:
            add("adjacent", 1.0)
        if later.refers and gap <= 3 * ADJACENT:
            add("refers back", 1.0)
    return parts


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
    if cs:
        # an article's mentions of one act may name different parties (or none)
        keys.append(("doc", e.type, e.doc_id))
    if e.project:
        keys.append(("project", e.type, e.project))
    for p in sorted(f.persons)[:4]:
        # reports that name one person may code the parties differently
        keys.append(("person", e.type, " ".join(p.split()[-2:])))
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
        # sorted neighbourhood, two passes. By date: undated events sort by document,
        # so same-document mentions stay in reach. By wording (a large block only): two
        # undated reports of one act in different documents land side by side.
        orders = [(sorted(members, key=lambda i: (events[i].date or "~", events[i].doc_id, events[i].start)),
                   WINDOW)]
        if len(members) > WINDOW:
            # near-identical wording sorts close: a narrower window does
            orders.append((sorted(members, key=lambda i: (_signature(feats[i]), i)), WINDOW // 4))
        for order, width in orders:
            for n, i in enumerate(order):
                for j in order[n + 1:n + 1 + width]:
                    p = (i, j) if i < j else (j, i)
                    if p not in seen:
                        seen.add(p)
                        yield p


def _signature(f: _Feat) -> tuple[str, ...]:
    """The evidence's three longest content words, sorted: a cheap wording key."""
    return tuple(sorted(sorted(f.words, key=lambda w: (-len(w), w))[:3]))


# ------------------------------------------------------------------ clustering

def persons_in_events(events: Sequence[Event], mentions: Sequence[Mention]) -> list[frozenset[str]]:
    """The people (PERSON mentions, by their fullest name) inside each event's span."""
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.label == "PERSON":
            by_doc[m.doc_id].append(m)
    starts = {}
    for d, ms in by_doc.items():
        ms.sort(key=lambda m: m.start)
        starts[d] = [m.start for m in ms]
    out = []
    for e in events:
        ms = by_doc.get(e.doc_id, [])
        lo = bisect_left(starts.get(e.doc_id, []), e.start)
        names = set()
        for m in ms[lo:]:
            if m.start >= e.end:
                break
            names.add(norm_text(m.name or m.text))
        out.append(frozenset(names))
    return out


def antecedents(events: Sequence[Event], feats: Sequence[_Feat]) -> dict[int, int]:
    """For each mention that refers back ("This upcoming visit ...", "The agreement was
    signed by ...", "Both sides agreed ..."), unless it marks another act ("also"), the nearest earlier event of its document it can be: same type,
    same status group, not vetoed. However far back: the article names it once."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        by_doc[e.doc_id].append(i)
    out = {}
    for idx in by_doc.values():
        idx.sort(key=lambda i: events[i].start)
        for n, j in enumerate(idx):
            # "both sides ...", "the agreement ..." refer back; "they also met ..." does not
            if not feats[j].refers or feats[j].additive:
                continue
            b = events[j]
            for i in reversed(idx[max(0, n - WINDOW):n]):
                a = events[i]
                # a visit, its meeting and its talks are facets of one encounter
                same_mode = a.mode == b.mode or a.mode in (None, "other") or b.mode in (None, "other") \
                    or a.type == "CONSULT"
                if a.type == b.type and same_mode and _status_group(a.status) == _status_group(b.status) \
                        and not _sector_clash(a, b) and not vetoed(a, b, feats[i], feats[j]):
                    out[j] = i
                    break
    return out


def cluster_events(events: Sequence[Event], docs: Mapping[str, Any] | None = None,
                   mentions: Sequence[Mention] = (), threshold: float = THRESHOLD) -> list[EventCluster]:
    """Group events that are the same real act; singletons are left out.

    ``mentions`` (optional) lets people named in the evidence tell two acts apart
    (two visits to one capital by two ministers). Clusters are ordered by their first
    member index; members ascend."""
    events = list(events)
    people = persons_in_events(events, mentions) if mentions else [frozenset()] * len(events)
    feats = [_features(e, p) for e, p in zip(events, people)]
    back = antecedents(events, feats)
    pair_scores: dict[tuple[int, int], float | None] = {}

    def link(x: int, y: int) -> float | None:
        """Score of a pair (None when vetoed), computed once."""
        k = (x, y) if x < y else (y, x)
        if k not in pair_scores:
            a, b = events[k[0]], events[k[1]]
            fa, fb = feats[k[0]], feats[k[1]]
            if vetoed(a, b, fa, fb):
                pair_scores[k] = None
            else:
                s = pair_score(a, b, fa, fb)
                if back.get(k[1]) == k[0]:
                    s += ANTECEDENT
                pair_scores[k] = s
        return pair_scores[k]

    pairs = list(dict.fromkeys(chain(candidate_pairs(events, feats), ((a, b) for b, a in back.items()))))
    group = list(range(len(events)))           # union-find parent
    members: dict[int, list[int]] = {}

    def find(x: int) -> int:
        while group[x] != x:
            group[x] = group[group[x]]
            x = group[x]
        return x

    def merge(candidates, mean_link: float) -> None:
        scored = []
        for i, j in candidates:
            s = link(i, j)
            if s is not None and s >= threshold:
                scored.append((-s, i, j))
        for _, i, j in sorted(scored):
            ri, rj = find(i), find(j)
            if ri == rj:
                continue
            mi, mj = members.get(ri, [ri]), members.get(rj, [rj])
            if len(mi) + len(mj) > MAX_CLUSTER:
                continue
            # average link: the groups must agree as wholes, so one strong pair cannot
            # chain two different acts through a shared neighbour
            cross = [link(x, y) for x in mi for y in mj]
            if any(c is None for c in cross) or sum(cross) / len(cross) < mean_link:
                continue
            group[rj] = ri
            members[ri] = mi + mj
            members.pop(rj, None)

    # an article's own mentions first: its coreference chains form before other
    # reports are weighed against them as wholes
    merge([(i, j) for i, j in pairs if events[i].doc_id == events[j].doc_id], MEAN_LINK)
    # a chain is one act: the people any of its mentions names take part in all of
    # them ("Sharif met Putin ... their meeting in Samarkand")
    changed = set()
    for ms in members.values():
        if len(ms) > 1:
            people_of_chain = frozenset().union(*(feats[x].persons for x in ms))
            for x in ms:
                if feats[x].persons != people_of_chain:
                    feats[x] = replace(feats[x], persons=people_of_chain)
                    changed.add(x)
    for k in [k for k in pair_scores if k[0] in changed or k[1] in changed]:
        del pair_scores[k]
    merge([(i, j) for i, j in pairs if events[i].doc_id != events[j].doc_id], MEAN_LINK_XDOC)
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
