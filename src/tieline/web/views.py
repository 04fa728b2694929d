"""What a page shows, composed from the read API (``tieline.query.KB``) only.

No SQL here and no HTML: each function takes a KB and returns plain values the
templates (and the brief) render. Article text stays data: evidence is passed as
(text, marked) runs, never as markup.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..query import KB

INTENDED = ("planned", "proposed")
STATUSES = ("occurred", "ongoing", "planned", "proposed", "negated")
ALL = 10**9


def default_pair(kb: KB) -> str | None:
    pairs = kb.pairs()
    return pairs[0]["pair"] if pairs else None


def facets(kb: KB, pair: str | None = None) -> dict[str, list[str]]:
    """The values the timeline filters can take, read from the data."""
    items = kb.events(pair=pair, limit=ALL)["items"]
    countries = Counter(c for e in items for c in e["countries"])
    return {
        "types": sorted({e["type"] for e in items if e["type"]}),
        "statuses": [s for s in STATUSES if any(e["status"] == s for e in items)] or list(STATUSES),
        "sectors": sorted({e["sector"] for e in items if e["sector"]}),
        "countries": [c for c, _ in countries.most_common()],
    }


def entity_forms(kb: KB) -> set[str]:
    """Every id, name and alias (casefolded) that KB.entity resolves: link a name only
    when its page exists."""
    return {f for e in kb.entities() for f in (e["id"], e["name"].casefold(), *(a.casefold() for a in e["aliases"]))}


def latest_events(kb: KB, pair: str | None, n: int = 8) -> list[dict]:
    items = [e for e in kb.events(pair=pair, limit=ALL)["items"] if e["date"]]
    items.sort(key=lambda e: (e["date"], e["id"]), reverse=True)
    return items[:n]


def key_numbers(kb: KB, pair: str | None) -> dict[str, Any]:
    """The handful of numbers the overview leads with."""
    items = kb.events(pair=pair, limit=ALL)["items"]
    status = Counter(e["status"] for e in items)
    dates = sorted(e["date"] for e in items if e["date"])
    trade = [r for r in kb.trade(pair) if r.get("value") is not None]
    trend = kb.trend(pair, "year")
    net = sum(r["score"] for r in trend)
    docs = {e["doc_id"] for e in items}
    return {
        "events": len(items),
        "happened": status["occurred"] + status["ongoing"],
        "intended": sum(status[s] for s in INTENDED),
        "negated": status["negated"],
        "documents": len(docs),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "net_score": round(net, 1),
        "latest_trade": trade[-1] if trade else None,
        "corroborated": sum(1 for e in items if e["cluster"]),
    }


def pair_projects(kb: KB, pair: str | None) -> list[dict]:
    """Projects some event of the pair names (all projects when no pair)."""
    projects = kb.projects()
    if not pair:
        return projects
    named = {e["project"] for e in kb.events(pair=pair, limit=ALL)["items"] if e["project"]}
    return [p for p in projects if p["project"] in named]


def pair_conflicts(kb: KB, pair: str | None) -> list[dict]:
    """Conflicts whose sides cite a document that tells of the pair."""
    conflicts = kb.conflicts()
    if not pair:
        return conflicts
    docs = {e["doc_id"] for e in kb.events(pair=pair, limit=ALL)["items"]}
    return [c for c in conflicts if c["a"]["doc_id"] in docs or c["b"]["doc_id"] in docs]


def top_quotes(kb: KB, pair: str | None, n: int = 6) -> list[dict]:
    """Quotes from documents about the pair, longest first, at most two per speaker."""
    docs = {e["doc_id"] for e in kb.events(pair=pair, limit=ALL)["items"]} if pair else None
    quotes = [x for x in kb.quotes(limit=ALL)["items"] if docs is None or x["doc_id"] in docs]
    quotes.sort(key=lambda x: (-len(x["text"] or ""), x["id"]))
    per: Counter = Counter()
    out = []
    for x in quotes:
        who = (x["speaker"] or "").casefold()
        if per[who] >= 2:
            continue
        per[who] += 1
        out.append(x)
        if len(out) == n:
            break
    return out


def key_timeline(kb: KB, pair: str | None, n: int = 40) -> list[dict]:
    """The timeline's dated rows (what happened and what was intended), capped for a brief:
    corroborated and heavier events first, then shown in date order."""
    rows = [r for r in kb.timeline(pair) if r.get("date")]
    if len(rows) > n:
        rows = sorted(rows, key=lambda r: (-r.get("n_docs", 1), -len(r.get("evidence") or "")))[:n]
    return sorted(rows, key=lambda r: (r["date"], r.get("doc") or ""))


_SNIP = re.compile("\x02(.*?)\x03", re.S)


def snippet_runs(snippet: str | None) -> list[dict]:
    """FTS5 snippet with \\x02..\\x03 around hits -> (text, marked) runs."""
    if not snippet:
        return []
    out, pos = [], 0
    for m in _SNIP.finditer(snippet):
        if m.start() > pos:
            out.append({"text": snippet[pos:m.start()], "mark": False})
        out.append({"text": m.group(1), "mark": True})
        pos = m.end()
    if pos < len(snippet):
        out.append({"text": snippet[pos:], "mark": False})
    return [{"text": r["text"].replace("\x02", "").replace("\x03", ""), "mark": r["mark"]} for r in out]


def search(kb: KB, text: str, limit: int = 20) -> dict:
    res = kb.search(text, limit=limit)
    for d in res["documents"]:
        d["runs"] = snippet_runs(d.pop("snippet", None))
    return res
