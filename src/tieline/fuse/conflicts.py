"""Statements that cannot both be true.

``find_conflicts(events, figures, mentions, docs)`` returns a list of conflicts, each::

    {"about": "one line", "kind": "...",
     "a": {"doc_id", "start", "end", "evidence"}, "b": {...}}

Kinds (each a general rule, documented where it is implemented):

- ``event_date``: one act (same parties, project, place or amount, near-identical
  wording) reported with dates that exclude each other (2016 vs 2017).
- ``event_amount``: one act (same cluster) with values that differ beyond rounding.
- ``instrument``: one signing that two sources call different instruments (a
  memorandum of understanding vs an intergovernmental agreement).
- ``project_value`` / ``project_partners``: one project at one time with different
  values or different partner states.
- ``role``: one person with different offices at one time (same document, or documents
  published in the same month). Past roles ("former", "then") are not compared.
- ``figure_value``: one indicator for one period with different values.
- ``figure_growth``: a stated growth rate that the two stated values do not give.
- ``status``: a project said to be under way and said to be stalled or not started.
- ``prohibition``: a supply a party agreed to prohibit, still expected to happen.
- ``sequence``: an ordinal series ("the third ...") whose dates run in another order.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import combinations
from typing import Any, Mapping, Sequence

from ..model import Entity, Event, Figure, Mention
from .cluster import (
    EventCluster, _features, candidate_pairs, cluster_events, pair_score,
    text_similarity, vetoed,
)
from .common import project_of, project_slug  # noqa: F401  (re-exported)
from .common import (
    STATUS_PAST, countries_of, cues, date_relation, doc_field, norm_text, parse_date,
    precision, rounding_close,
)


def _side(x, evidence: str | None = None) -> dict:
    return {"doc_id": x.doc_id, "start": x.start, "end": x.end,
            "evidence": evidence if evidence is not None else getattr(x, "evidence", None) or getattr(x, "text", "")}


def _conflict(about: str, kind: str, a, b, ev_a=None, ev_b=None) -> dict:
    return {"about": about, "kind": kind, "a": _side(a, ev_a), "b": _side(b, ev_b)}


def _short(s: str, n: int = 60) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def _published(docs, doc_id):
    return doc_field(docs, doc_id, "published")


# ------------------------------------------------------------------ entry point

def find_conflicts(events: Sequence[Event], figures: Sequence[Figure] = (),
                   mentions: Sequence[Mention | Entity] = (), docs: Mapping[str, Any] | None = None,
                   clusters: Sequence[EventCluster] | None = None) -> list[dict]:
    """All conflicts found among the records of a corpus, deterministic order."""
    events = list(events)
    ments = [m for m in mentions if isinstance(m, Mention)]
    if clusters is None:
        clusters = cluster_events(events, docs, ments)
    out: list[dict] = []
    out += cluster_conflicts(events, clusters, docs)
    out += date_conflicts(events, clusters, docs)
    out += project_conflicts(events, docs)
    out += status_conflicts(events, docs, ments)
    out += prohibition_conflicts(events)
    out += sequence_conflicts(events)
    ents = [m for m in mentions if isinstance(m, Entity)]
    out += role_conflicts(ments, docs, ents)
    out += figure_conflicts(list(figures), docs)
    # one pair of statements is reported once, by the first rule that found it
    seen, unique = set(), []
    for c in out:
        k = tuple(sorted([(c["a"]["doc_id"], c["a"]["start"]), (c["b"]["doc_id"], c["b"]["start"])]))
        if k not in seen:
            seen.add(k)
            unique.append(c)
    return unique


# ------------------------------------------------------------------ events in a cluster

@lru_cache(maxsize=1)
def _instrument_re():
    inst = cues()["instruments"]
    return re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(inst, key=len, reverse=True)) + r")\b"), inst


def instruments(text: str) -> frozenset[str]:
    """Kinds of signed instrument a text names: {'mou'}, {'iga'}, {'contract'} ..."""
    rx, inst = _instrument_re()
    return frozenset(inst[m.group(1)] for m in rx.finditer(norm_text(text)))


def cluster_conflicts(events, clusters, docs) -> list[dict]:
    """Different values, or different instruments, for one act across documents.

    Only across documents: one article naming an MoU and an agreement for one signing is
    usually describing a package, two sources naming different ones disagree."""
    out = []
    for cl in clusters:
        es = [events[i] for i in cl.members]
        for a, b in combinations(es, 2):
            if a.doc_id == b.doc_id:
                continue
            for x in a.amounts:
                for y in b.amounts:
                    if x.unit != y.unit or rounding_close(x.value, y.value):
                        continue
                    if x.qualifier or y.qualifier:
                        continue  # "more than $1bn" and "$1.2bn" can both be true
                    # a range (two amounts of one unit) is not a disagreement with its ends
                    if len([z for z in a.amounts if z.unit == x.unit]) > 1:
                        continue
                    if len([z for z in b.amounts if z.unit == y.unit]) > 1:
                        continue
                    out.append(_conflict(
                        f"{a.type.lower()} {_short(a.evidence, 40)!r}: {x.value:g} vs {y.value:g} {x.unit}",
                        "event_amount", a, b))
            if a.mode == b.mode == "sign_agreement":
                ia, ib = instruments(a.evidence), instruments(b.evidence)
                if ia and ib and not (ia & ib):
                    out.append(_conflict(
                        f"instrument signed: {'/'.join(sorted(ia))} vs {'/'.join(sorted(ib))}",
                        "instrument", a, b))
    return out


def date_conflicts(events, clusters, docs) -> list[dict]:
    """One act, dates that exclude each other.

    A pair qualifies when every other veto passes, it scores as the same act without any
    date evidence, both are completed one-off acts (a signing, not a yearly drill), they
    share a specific anchor (an amount, an edition number, or a place) and come from
    different documents."""
    out = []
    feats = [_features(e) for e in events]
    for i, j in candidate_pairs(events, feats):
        a, b = events[i], events[j]
        if a.doc_id == b.doc_id or date_relation(a.date, b.date) != "incompatible":
            continue
        if a.status not in STATUS_PAST or b.status not in STATUS_PAST:
            continue
        if a.mode not in cues()["one_off_modes"]:
            continue  # recurring acts (drills, meetings) in two years are a series
        if vetoed(a, b, feats[i], feats[j], check_date=False):
            continue
        anchors = bool(feats[i].editions & feats[j].editions)
        anchors |= any(x.unit == y.unit and rounding_close(x.value, y.value)
                       for x in a.amounts for y in b.amounts)
        anchors |= bool(feats[i].location and feats[i].location == feats[j].location)
        if not anchors or text_similarity(feats[i], feats[j]) < 0.35:
            continue
        if pair_score(a, b, feats[i], feats[j], use_date=False) < 4.0:
            continue
        out.append(_conflict(f"date of {_short(a.evidence, 40)!r}: {a.date} vs {b.date}",
                             "event_date", a, b))
    return out


# ------------------------------------------------------------------ projects

def project_conflicts(events, docs) -> list[dict]:
    """One project at one time: different values (money), or partners that exclude
    each other, in signing/investment events across documents."""
    out = []
    by_project = defaultdict(list)
    for e in events:
        if e.project and e.mode in ("sign_agreement", "investment") and e.status in STATUS_PAST:
            by_project[e.project].append(e)
    for project, es in sorted(by_project.items()):
        for a, b in combinations(es, 2):
            if a.doc_id == b.doc_id or date_relation(a.date, b.date) not in ("equal", "compatible", "near"):
                continue
            if precision(a.date) < 2 or precision(b.date) < 2:
                continue  # "in 2015" and "in 2015" may still be two deals of one project
            ma = [x for x in a.amounts if x.unit == "USD" and not x.qualifier]
            mb = [x for x in b.amounts if x.unit == "USD" and not x.qualifier]
            if len(ma) == 1 and len(mb) == 1 and not rounding_close(ma[0].value, mb[0].value):
                out.append(_conflict(f"value of {project}: {ma[0].value:g} vs {mb[0].value:g} USD",
                                     "project_value", a, b))
            ca, cb = countries_of(a.countries), countries_of(b.countries)
            if ca and cb and not (ca <= cb or cb <= ca) and len(ca & cb) < min(len(ca), len(cb)):
                out.append(_conflict(f"partners in {project}: {'/'.join(sorted(ca))} vs {'/'.join(sorted(cb))}",
                                     "project_partners", a, b))
    return out


@lru_cache(maxsize=None)
def _cue_re(key: str) -> re.Pattern:
    words = sorted((c.strip() for c in cues()[key]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def has_cue(text: str, key: str) -> bool:
    return bool(_cue_re(key).search(norm_text(text)))


def status_conflicts(events, docs, mentions: Sequence[Mention] = ()) -> list[dict]:
    """A project said to be under way and, at about the same time, stalled or not
    started. "Same time": documents published within a year of each other (or
    undated)."""
    projects = project_of(events, mentions)
    progress, stalled = defaultdict(list), defaultdict(list)
    for e, p in zip(events, projects):
        if not p or e.status == "proposed":
            continue
        if has_cue(e.evidence, "stall_cues"):
            stalled[p].append(e)
        elif has_cue(e.evidence, "progress_cues") and e.status in STATUS_PAST:
            progress[p].append(e)
    out = []
    for p in sorted(progress):
        for a in progress[p]:
            for b in stalled.get(p, []):
                ya, yb = parse_date(_published(docs, a.doc_id)), parse_date(_published(docs, b.doc_id))
                if ya and yb and abs(ya[0] - yb[0]) > 1:
                    continue
                out.append(_conflict(f"status of {p}: under way vs stalled / not started",
                                     "status", a, b))
    return out


_DISTINCT = re.compile(r"\b(?=[\w-]*\d)[\w-]{2,}\b|\b[A-Z]{2,}[\w-]*\b")


def distinctive_terms(text: str) -> frozenset[str]:
    """Names of things that identify a topic: tokens with digits or capitals ("RD-93",
    "JF-17s", "LNG"), lower-cased and without a plural s."""
    return frozenset(re.sub(r"(?<=\d)s$", "", t).lower() for t in _DISTINCT.findall(text or "")
                     if not re.fullmatch(r"\d{1,4}", t))


def same_topic(a: Event, b: Event, pa: str | None = None, pb: str | None = None) -> str | None:
    """What ties two events to one thing: their project, or (in one document, when
    no project was found) a distinctive name both evidences use. None when nothing."""
    pa, pb = pa or a.project, pb or b.project
    if pa and pb:
        return pa if pa == pb else None
    if a.doc_id == b.doc_id:
        shared = distinctive_terms(a.evidence) & distinctive_terms(b.evidence)
        if shared:
            return sorted(shared)[0]
    return None


def prohibition_conflicts(events) -> list[dict]:
    """A party agreed (or decided) to prohibit a supply, and the supply of the same
    thing (same project, or the same named item in one article) is still expected:
    both cannot hold."""
    out = []
    bans = [e for e in events if e.status == "occurred"
            and e.type in ("AGREE", "REJECT", "SANCTION", "RETREAT")
            and has_cue(e.evidence, "prohibit_cues")]
    supplies = [e for e in events if e.status == "planned" and e.mode in cues()["supply_modes"]]
    for a in bans:
        for b in supplies:
            topic = same_topic(a, b)
            if not topic:
                continue
            if date_relation(a.date, b.date) == "incompatible" and (b.date or "") < (a.date or ""):
                continue
            out.append(_conflict(f"{topic}: supply prohibited vs supply expected",
                                 "prohibition", a, b))
    return out


def _ordinal(text: str) -> int | None:
    ords = cues()["ordinals"]
    m = re.search(r"\b(" + "|".join(ords) + r"|\d{1,2}(?:st|nd|rd|th))\b", norm_text(text))
    if not m:
        return None
    tok = m.group(1)
    return ords[tok] if tok in ords else int(re.match(r"\d+", tok).group())


def sequence_conflicts(events) -> list[dict]:
    """In one document, items of one project's series numbered "first", "third" ...
    whose dates run in another order. An unnumbered item listed between number k-1
    and k+1 is taken as number k."""
    out = []
    groups = defaultdict(list)
    for e in events:
        if e.status in STATUS_PAST and precision(e.date) >= 2:
            groups[(e.doc_id, e.project or "", e.type, e.mode or "")].append(e)
    for key, es in sorted(groups.items()):
        if not key[1]:
            # no project: the series is the items that share a name with a numbered
            # one ("the third PNS ...", "PNS ... was launched")
            named = [e for e in es if _ordinal(e.evidence) is not None]
            es = [e for e in es if any(same_topic(e, n) for n in named if n is not e) or e in named]
        if len(es) < 2:
            continue
        es.sort(key=lambda e: e.start)
        nums = [_ordinal(e.evidence) for e in es]
        if all(n is None for n in nums):
            continue
        for n in range(len(es)):
            if nums[n] is None and 0 < n < len(es) - 1:
                lo, hi = nums[n - 1], nums[n + 1]
                if lo is not None and hi is not None and hi - lo == 2:
                    nums[n] = lo + 1
        # "The first X (unnumbered in its clause) ... and Y. The third Z": a run of k-1
        # unnumbered items opening the list before item k are items 1 .. k-1
        k = next((i for i, x in enumerate(nums) if x is not None), None)
        if k is not None and k > 0 and nums[k] == k + 1:
            nums[:k] = list(range(1, k + 1))
        numbered = [(k, e) for k, e in zip(nums, es) if k is not None]
        for (ka, a), (kb, b) in combinations(numbered, 2):
            if ka == kb:
                continue
            first, second = (a, b) if ka < kb else (b, a)
            # numbered items of two different series ("first round on trade", "fifth
            # round on defence") are not one sequence
            topic = key[1] or same_topic(first, second)
            if not topic:
                continue
            if date_relation(first.date, second.date) == "incompatible" and \
                    parse_date(first.date) > parse_date(second.date):
                out.append(_conflict(f"order of {topic}: item {min(ka, kb)} dated {first.date} "
                                     f"after item {max(ka, kb)} dated {second.date}",
                                     "sequence", first, second))
    return out


# ------------------------------------------------------------------ people

_ROLE_SYNONYMS = {"defense": "defence", "defence": "defence", "secy": "secretary",
                  "pm": "prime", "fm": "foreign", "external": "foreign"}


@lru_cache(maxsize=4096)
def _without_countries(title: str) -> str:
    """The title without the state it belongs to: "Pakistan's Foreign Minister" and
    "Pakistani Foreign Minister" are one office."""
    from ..extract.countries import find_countries
    t = title
    for m in sorted(find_countries(title), key=lambda m: m.start, reverse=True):
        t = t[:m.start] + " " + t[m.end:]
    t = re.sub(r"\s*['\u2019]s\b", " ", t)
    return norm_text(t)


def _role_parts(title: str) -> tuple[str, frozenset[str]] | None:
    """(head office word, modifiers) of a title; None for past or empty roles.

    "Minister for Trade and Industry" -> ("minister", {"trade", "industry"})."""
    t = _without_countries(title)
    c = cues()
    words = re.findall(r"[a-z]+", t)
    if not words or any(w in ("former", "ex", "then", "late", "erstwhile", "previous", "retired") for w in words):
        return None
    words = [_ROLE_SYNONYMS.get(w, w) for w in words if w not in c["role_qualifiers"]]
    words = [w for w in words if w not in ("of", "for", "and", "the", "affairs", "s")]
    if not words:
        return None
    m = re.search(r"\b(minister|secretary|ambassador|president|chief|governor|director|adviser|advisor|commander|spokesperson|spokesman|chairman)\b", " ".join(words))
    head = m.group(1) if m else words[-1]
    mods = frozenset(w for w in words if w != head and w not in c["role_generic"])
    return head, mods


def roles_clash(r1: str, r2: str) -> bool:
    """Two offices one person cannot hold at once ("Defence Minister" vs "Foreign
    Minister"); a title and a fuller form of it ("Minister" / "Trade Minister") agree."""
    p1, p2 = _role_parts(r1), _role_parts(r2)
    if not p1 or not p2 or p1[0] != p2[0]:
        return False
    m1, m2 = p1[1], p2[1]
    if not m1 or not m2 or m1 <= m2 or m2 <= m1:
        return False
    # "deputy foreign minister" vs "foreign minister": different offices too
    return True


def role_conflicts(mentions: Sequence[Mention], docs, entities: Sequence[Entity] = ()) -> list[dict]:
    """One person, two offices at one time."""
    alias = {}
    for ent in entities:
        for s in (ent.name, *ent.aliases):
            alias[norm_text(s)] = ent.entity_id
    groups = defaultdict(list)
    for m in mentions:
        if m.label != "PERSON" or not m.role:
            continue
        key = alias.get(norm_text(m.name)) or alias.get(norm_text(m.text)) or norm_text(m.name)
        groups[key].append(m)
    out = []
    for key, ms in sorted(groups.items()):
        ms.sort(key=lambda m: (m.doc_id, m.start))
        for a, b in combinations(ms, 2):
            if a.doc_id != b.doc_id:
                pa, pb = _published(docs, a.doc_id), _published(docs, b.doc_id)
                if not pa or not pb or precision(pa) < 2 or precision(pb) < 2 or pa[:7] != pb[:7]:
                    continue
            if roles_clash(a.role, b.role):
                out.append(_conflict(f"{a.name}: {a.role} vs {b.role}", "role", a, b,
                                     ev_a=a.text, ev_b=b.text))
    # one conflict per person and role pair is enough
    seen, uniq = set(), []
    for c in out:
        k = (c["about"].lower(), c["a"]["doc_id"], c["b"]["doc_id"])
        if k not in seen:
            seen.add(k)
            uniq.append(c)
    return uniq


# ------------------------------------------------------------------ figures

def _year(period: str | None) -> int | None:
    p = parse_date(period)
    return p[0] if p and len(p) == 1 and len(period) == 4 else None


def figure_conflicts(figures: Sequence[Figure], docs=None) -> list[dict]:
    out = []
    trade = [f for f in figures if f.indicator == "bilateral_trade" and f.period]
    growth = [f for f in figures if f.indicator == "bilateral_trade_growth" and f.period]

    def same_pair(f, g):
        a, b = countries_of(f.countries), countries_of(g.countries)
        return not a or not b or a == b

    # one indicator, one period, values beyond rounding
    for a, b in combinations(trade, 2):
        if a.period == b.period and a.unit == b.unit and same_pair(a, b) and not rounding_close(a.value, b.value):
            out.append(_conflict(f"bilateral trade in {a.period}: {a.value:g} vs {b.value:g} {a.unit}",
                                 "figure_value", a, b))
    # a growth rate the stated values do not give
    for g in growth:
        base = g.base_period
        if not base and _year(g.period):
            base = str(_year(g.period) - 1)
        if not base:
            continue
        # prefer values stated in the same document
        cands = sorted(trade, key=lambda f: (f.doc_id != g.doc_id, abs(f.start - g.start)))
        now = next((f for f in cands if f.period == g.period and same_pair(f, g)), None)
        then = next((f for f in cands if f.period == base and same_pair(f, g)
                     and now is not None and f.unit == now.unit), None)
        if not now or not then or then.value <= 0:
            continue
        if g.unit == "percent":
            actual = (now.value / then.value - 1) * 100
            tol = max(1.0, 0.05 * abs(g.value))
        elif g.unit == "times":
            actual = now.value / then.value
            tol = max(0.1, 0.1 * abs(g.value))
        else:
            continue
        if abs(actual - g.value) <= tol:
            continue
        first, last = sorted([now, then], key=lambda f: f.start)
        if first.doc_id == last.doc_id and last.start - first.end < 200:
            ev_b, b = f"{first.evidence} \u2026 {last.evidence}", _Span(first.doc_id, first.start, last.end)
        else:
            ev_b, b = now.evidence, now
        out.append(_conflict(
            f"trade growth {g.period} vs {base}: stated {g.value:g} {g.unit}, values give {actual:.2f}",
            "figure_growth", g, b, ev_b=ev_b))
    return out


class _Span:
    __slots__ = ("doc_id", "start", "end")

    def __init__(self, doc_id, start, end):
        self.doc_id, self.start, self.end = doc_id, start, end
