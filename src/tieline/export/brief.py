"""A brief on one country pair: one self-contained file a reader can open anywhere.

HTML: one file, inline CSS, the charts as inline SVG, no script and no external asset
(the only outbound links are the cited articles' own URLs, as plain links).
Markdown: the same content as text and tables, with the charts written as SVG files
beside it (``<name>-trend.svg``, ``<name>-trade.svg``, ``<name>-timeline.svg``).

Everything comes from the read API (``tieline.query.KB``) through ``tieline.web.views``;
every event, figure, quote and conflict carries its citation, numbered into a source list.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from .. import __version__
from ..errors import TielineError
from ..query import KB, parse_pair
from ..web import charts, views
from ..web.render import FILTERS

FORMATS = ("html", "md")
TEMPLATES = Path(__file__).resolve().parents[1] / "web" / "templates"
CHART_W = 760


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), trim_blocks=True, lstrip_blocks=True,
                             autoescape=jinja2.select_autoescape(enabled_extensions=("html",),
                                                                 default_for_string=True, default=False),
                             keep_trailing_newline=True)
    env.filters.update(FILTERS)
    env.globals.update(version=__version__, intended=views.INTENDED)
    return env


class Sources:
    """Documents numbered in the order the brief first cites them."""

    def __init__(self, kb: KB):
        self.kb = kb
        self.order: list[str] = []

    def __call__(self, doc_id: str) -> int:
        if doc_id not in self.order:
            self.order.append(doc_id)
        return self.order.index(doc_id) + 1

    def listing(self) -> list[dict]:
        out = []
        for i, doc_id in enumerate(self.order, 1):
            info = self.kb.docs.get(doc_id)
            out.append({"n": i, "doc_id": doc_id, "doc": info.name if info else doc_id,
                        "title": info.title if info else None, "site": info.site if info else None,
                        "author": info.author if info else None, "published": info.published if info else None,
                        "url": info.url if info else None})
        return out


def brief_data(kb: KB, pair: str | None) -> dict:
    """Everything a brief shows, as plain values (also what tests check)."""
    pair = "-".join(parse_pair(pair)) if pair else views.default_pair(kb)
    if pair is None:
        raise TielineError("T702", "this knowledge base has no events between two countries",
                           "build it from articles about a country pair first")
    trend = kb.trend(pair, "year")
    trade = kb.trade(pair)
    events = kb.events(pair=pair, limit=views.ALL)["items"]
    if not events:
        raise TielineError("T703", f"no events for {pair}",
                           "pick a pair listed by `tieline pairs` (or /api/pairs)")
    timeline = views.key_timeline(kb, pair)
    projects = views.pair_projects(kb, pair)
    cite = Sources(kb)
    # sources are numbered in reading order: trade, timeline, projects, quotes, conflicts
    for r in trade:
        for rep in r["reports"]:
            rep["src"] = cite(rep["doc_id"])
    for r in timeline:
        r["src"] = cite(r["doc_id"])
    for p in projects:
        for s in p.get("stages", []):
            info = kb.docs.get(s["doc_id"])
            s.update(src=cite(s["doc_id"]), doc=kb.doc_name(s["doc_id"]), title=info.title if info else None,
                     published=info.published if info else None)
    quotes = views.top_quotes(kb, pair)
    for x in quotes:
        x["src"] = cite(x["doc_id"])
    conflicts = views.pair_conflicts(kb, pair)
    for c in conflicts:
        for side in (c["a"], c["b"]):
            side["src"] = cite(side["doc_id"])
    undated = sum(1 for r in kb.timeline(pair) if not r.get("date"))
    return {"pair": pair, "numbers": views.key_numbers(kb, pair), "summary": kb.summary(), "trend": trend,
            "trade": trade, "timeline": timeline, "undated": undated, "projects": projects, "quotes": quotes,
            "conflicts": conflicts, "sources": cite.listing(), "events": events}


def charts_for(data: dict, prefix: str = "brief") -> dict[str, str]:
    pair = data["pair"]
    return {
        "trend": str(charts.trend_chart(data["trend"], "year", uid=f"{prefix}-trend", label=pair, width=CHART_W)),
        "trade": str(charts.trade_chart(data["trade"], uid=f"{prefix}-trade", label=pair, width=CHART_W)),
        "timeline": str(charts.timeline_strip(data["events"], uid=f"{prefix}-timeline", label=pair,
                                              width=CHART_W)),
    }


def render_brief(kb: KB, pair: str | None, fmt: str = "html", chart_files: dict[str, str] | None = None) -> str:
    """The brief as text. For Markdown, ``chart_files`` maps chart name -> relative
    file name to reference (None: charts are described in text only)."""
    if fmt not in FORMATS:
        raise TielineError("T701", f"unknown brief format {fmt!r}", "use html or md")
    data = brief_data(kb, pair)
    svgs = charts_for(data)
    if fmt == "html":
        return _env().get_template("brief.html").render(**data, charts=svgs)
    return _env().get_template("brief.md.j2").render(**data, chart_files=chart_files or {})


def brief(db: str | Path, pair: str | None = None, fmt: str = "html", output: str | Path | None = None) -> str:
    """Write a brief on ``pair`` (e.g. 'PAK-RUS'; default: the pair with most events).

    ``fmt`` is 'html' (one self-contained file) or 'md' (Markdown; the SVG charts are
    written beside ``output`` as ``<stem>-trend.svg`` etc.). With ``output`` None the
    text is returned and nothing is written (Markdown then has no chart images).
    Returns the text. Raises TielineError for a bad pair, format or output folder."""
    if fmt not in FORMATS:
        raise TielineError("T701", f"unknown brief format {fmt!r}", "use html or md")
    out = Path(output) if output is not None else None
    if out is not None and not out.parent.exists():
        raise TielineError("T704", f"folder {out.parent} does not exist", "create it or pick another --output path")
    if out is not None and out.is_dir():
        raise TielineError("T704", f"{out} is a folder", "give a file name, e.g. brief." + fmt)
    kb = KB(db)
    try:
        if fmt == "md" and out is not None:
            data = brief_data(kb, pair)
            svgs = charts_for(data)
            files = {}
            for name, svg in svgs.items():
                path = out.with_name(f"{out.stem}-{name}.svg")
                path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n", encoding="utf-8")
                files[name] = path.name
            text = _env().get_template("brief.md.j2").render(**data, chart_files=files)
        else:
            text = render_brief(kb, pair, fmt)
    finally:
        kb.close()
    if out is not None:
        out.write_text(text, encoding="utf-8")
    return text


__all__ = ["brief", "render_brief", "brief_data", "FORMATS"]
