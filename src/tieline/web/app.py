"""The web UI and JSON API over a knowledge base (read-only).

``create_app(db_path)`` returns a FastAPI app: server-rendered pages (jinja2, autoescape
on, charts as inline SVG drawn in ``charts``) and a JSON API under ``/api/``. Every view
goes through the read API ``tieline.query.KB``; nothing here writes or speaks SQL.

Article text is untrusted input. It is only ever rendered as escaped text, document URLs
are linked only when they are http(s), and every response carries a strict
Content-Security-Policy: no inline script, no inline style, no external origin.

FastAPI's own /docs page loads Swagger UI from a CDN, which this app will not do; /docs is
a small server-rendered page built from the same OpenAPI schema served at /openapi.json.
"""
from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import TielineError
from ..query import KB, parse_pair
from . import charts, views
from .render import FILTERS, safe_url, urlq

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

# Parameter shapes. Filters take a closed alphabet, so a stray quote, semicolon or
# operator is a 422 with a hint, not a silent empty result.
P_PAIR = r"^[A-Za-z]{3}([-,][A-Za-z]{3}){0,3}$"
P_TYPE = r"^[A-Za-z_]{1,32}$"
P_STATUS = r"^(occurred|ongoing|planned|proposed|negated)$"
P_SECTOR = r"^[a-z_]{1,32}$"
P_COUNTRY = r"^[A-Za-z]{3}$"
P_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
P_SLUG = r"^[\w-]{1,120}$"
P_DOC = r"^[\w.-]{1,200}$"
P_NAME = r"^[\w .'’-]{1,100}$"
P_PERIOD = r"^(year|quarter|month)$"

HINTS = {
    "pair": "ISO 3166 alpha-3 codes joined by '-', e.g. PAK-RUS",
    "type": "letters and underscores: an event type (AGREE, CONSULT) or an entity type (PERSON, ORG)",
    "status": "one of occurred, ongoing, planned, proposed, negated",
    "sector": "a sector name, e.g. energy or defense",
    "country": "an ISO 3166 alpha-3 code, e.g. RUS",
    "date_from": "a date as YYYY, YYYY-MM or YYYY-MM-DD",
    "date_to": "a date as YYYY, YYYY-MM or YYYY-MM-DD",
    "project": "a project slug as listed by /api/projects",
    "doc": "a document name as shown in citations",
    "speaker": "letters, spaces, dots, apostrophes and hyphens only",
    "period": "one of year, quarter, month",
    "limit": "a whole number from 0 to 1000",
    "offset": "a whole number, 0 or more",
    "page": "a whole number, 1 or more",
    "q": "one or more words",
    "start": "a character offset, 0 or more",
    "end": "a character offset, 0 or more",
}
MAX_LIMIT = 1000
PAGE_SIZE = 50
LIST_SIZE = 200  # rows a page on the entity list
MAX_PAIRS = 300  # pairs offered in the pair pickers (by number of events)
CHART_W = 1080  # viewBox width on pages; the SVG scales down with the window


class _Locked:
    """The KB behind a lock: one SQLite connection and lazily cached corpus views,
    shared by the server's worker threads. The KB is read-only for the app's lifetime,
    so list-style answers are memoised (a small LRU): a page asks for the same pair's
    events several times (numbers, chart, table, facets)."""

    MEMO = frozenset({"events", "timeline", "trend", "trade", "pairs", "summary", "entities", "projects",
                      "conflicts", "quotes"})
    MEMO_SIZE = 48

    def __init__(self, kb: KB):
        self._kb = kb
        self._lock = threading.RLock()
        self._memo: OrderedDict = OrderedDict()

    def __getattr__(self, name: str):
        with self._lock:
            attr = getattr(self._kb, name)
        if not callable(attr):
            return attr

        def call(*a, **k):
            # None-valued keywords are the defaults: events(pair=None) == events()
            given = tuple(sorted((x, v) for x, v in k.items() if v is not None))
            key = (name, a, given) if name in self.MEMO else None
            with self._lock:
                if key is not None and key in self._memo:
                    self._memo.move_to_end(key)
                    return self._memo[key]
                value = attr(*a, **k)
                if key is not None:
                    self._memo[key] = value
                    while len(self._memo) > self.MEMO_SIZE:
                        self._memo.popitem(last=False)
                return value
        return call


def make_env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters.update(FILTERS)
    env.globals.update(version=__version__, intended=views.INTENDED)
    return env


def opt(name: str, value: str | None, pattern: str) -> str | None:
    """An optional page parameter: '' is unset; anything else must match ``pattern``."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if len(value) > 200 or not re.search(pattern, value):
        raise TielineError("T600", f"bad parameter {name}: {value[:60]!r}", f"{name} is {HINTS.get(name, 'malformed')}")
    return value


def timeline_link(pair: str | None, filters: dict | None = None):
    """For a strip in counts mode: each period's marker opens the timeline for that period."""
    def link(date_from: str, date_to: str) -> str:
        qs = {"pair": pair or "ALL", **{k: v for k, v in (filters or {}).items() if k not in ("date_from", "date_to")},
              "date_from": date_from, "date_to": date_to}
        return "/timeline?" + urlencode(qs)
    return link


def ok(value) -> JSONResponse:
    """The read API's values are plain JSON already: skip FastAPI's re-encoding pass,
    which costs seconds on a large timeline."""
    return JSONResponse(value)


def _error(code: str, message: str, hint: str = "") -> dict:
    return {"error": {"code": code, "message": message, "hint": hint}}


def _wants_json(request: Request) -> bool:
    p = request.url.path
    return p.startswith("/api/") or p == "/api" or p == "/openapi.json" or p.startswith("/static/")


def create_app(db_path: str | Path) -> FastAPI:
    """The web UI and JSON API over the knowledge base at ``db_path`` (opened read-only)."""
    kb = _Locked(KB(db_path))
    env = make_env()
    app = FastAPI(title="tieline", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Read-only JSON API over a tieline knowledge base: events with their "
                              "evidence, timeline, trend, trade, quotes, entities, projects, conflicts, "
                              "documents and full-text search. Every fact cites its document and span.")
    app.state.kb = kb
    top_pair = views.default_pair(kb)
    kb.timeline(None)  # warm the cached corpus views before the first request

    def page(request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
        ctx.setdefault("pair", top_pair)
        ctx.setdefault("title", "tieline")
        html = env.get_template(name).render(request_path=request.url.path, top_pair=top_pair,
                                             pairs=kb.pairs()[:MAX_PAIRS], **ctx)
        return HTMLResponse(html, status_code=status)

    def fail(request: Request, status: int, code: str, message: str, hint: str = ""):
        if _wants_json(request):
            return JSONResponse(_error(code, message, hint), status_code=status)
        return page(request, "error.html", status=status, title=f"{status} · tieline",
                    error={"status": status, "code": code, "message": message, "hint": hint})

    # ------------------------------------------------------------ middleware and errors

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.exception_handler(TielineError)
    async def tieline_error(request: Request, exc: TielineError):
        status = {"T604": 404, "T600": 422}.get(exc.code, 400)
        return fail(request, status, exc.code, exc.message, exc.hint)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        parts, hints = [], []
        for e in exc.errors():
            loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body")]
            name = ".".join(loc) or "request"
            parts.append(f"{name}: {e.get('msg', 'invalid')}")
            if name in HINTS and HINTS[name] not in hints:
                hints.append(f"{name} is {HINTS[name]}")
        return fail(request, 422, "T600", "bad parameter " + "; ".join(parts), "; ".join(hints))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return fail(request, 404, "T604", f"nothing at {request.url.path}",
                        "see /docs for the API and the navigation bar for pages")
        if exc.status_code == 405:
            return fail(request, 405, "T605", f"{request.method} is not allowed here",
                        "this knowledge base is read-only: use GET")
        return fail(request, exc.status_code, f"T6{exc.status_code % 100:02d}", str(exc.detail))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        # The last resort answers without touching the KB or the templates (either may be
        # what failed), and carries the security headers itself: this response is built
        # outside the middleware.
        err = _error("T699", "internal error", "please report it with the URL you opened; "
                     "if the knowledge base was built by an older tieline, build it again")
        if _wants_json(request):
            return JSONResponse(err, status_code=500, headers=SECURITY_HEADERS)
        body = ("<!doctype html><html lang=en><meta charset=utf-8><title>500 · tieline</title>"
                f"<h1>500 internal error</h1><p>{err['error']['hint']}</p><p><a href=\"/\">overview</a></p>")
        return HTMLResponse(body, status_code=500, headers=SECURITY_HEADERS)

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    def not_found(what: str, ref: str, hint: str) -> TielineError:
        return TielineError("T604", f"no {what} {ref!r}", hint)

    def check_pair(pair: str | None) -> str | None:
        if pair:
            return "-".join(parse_pair(pair))
        return None

    # ------------------------------------------------------------ JSON API

    @app.get("/api/summary", tags=["api"], summary="Counts of documents, events, quotes, ... and the top pairs")
    def api_summary():
        return ok(kb.summary())

    @app.get("/api/pairs", tags=["api"], summary="Country pairs by number of events")
    def api_pairs():
        return ok(kb.pairs())

    @app.get("/api/events", tags=["api"], summary="Events, filtered and paginated (date order)")
    def api_events(pair: str | None = Query(None, description=HINTS["pair"], pattern=P_PAIR, max_length=20),
                   type: str | None = Query(None, description=HINTS["type"], pattern=P_TYPE),
                   status: str | None = Query(None, description=HINTS["status"], pattern=P_STATUS),
                   sector: str | None = Query(None, description=HINTS["sector"], pattern=P_SECTOR),
                   country: str | None = Query(None, description=HINTS["country"], pattern=P_COUNTRY),
                   date_from: str | None = Query(None, description=HINTS["date_from"], pattern=P_DATE),
                   date_to: str | None = Query(None, description=HINTS["date_to"], pattern=P_DATE),
                   project: str | None = Query(None, description=HINTS["project"], pattern=P_SLUG),
                   doc: str | None = Query(None, description=HINTS["doc"], pattern=P_DOC),
                   limit: int = Query(100, description=HINTS["limit"], ge=0, le=MAX_LIMIT),
                   offset: int = Query(0, description=HINTS["offset"], ge=0)):
        return ok(kb.events(pair=check_pair(pair), type=type, status=status, sector=sector,
                         country=country.upper() if country else None, date_from=date_from, date_to=date_to,
                         project=project, doc=doc, limit=limit, offset=offset))

    @app.get("/api/events/{eid}", tags=["api"], summary="One event: evidence in its article, cluster, conflicts")
    def api_event(eid: str):
        """Event ids look like `<document>#e03`: encode the `#` as `%23` in a URL."""
        ev = kb.event(eid)
        if ev is None:
            raise not_found("event", eid, "event ids are listed by /api/events")
        return ok(ev)

    @app.get("/api/timeline", tags=["api"], summary="The fused timeline (clusters merged, intended flagged)")
    def api_timeline(pair: str | None = Query(None, description=HINTS["pair"], pattern=P_PAIR, max_length=20)):
        return ok(kb.timeline(check_pair(pair)))

    @app.get("/api/trend", tags=["api"], summary="Weighted cooperation/conflict per period")
    def api_trend(pair: str | None = Query(None, description=HINTS["pair"], pattern=P_PAIR, max_length=20),
                  period: str = Query("year", description=HINTS["period"], pattern=P_PERIOD)):
        return ok(kb.trend(check_pair(pair), period))

    @app.get("/api/trade", tags=["api"], summary="Bilateral trade value per period, every report cited")
    def api_trade(pair: str | None = Query(None, description=HINTS["pair"], pattern=P_PAIR, max_length=20)):
        return ok(kb.trade(check_pair(pair)))

    @app.get("/api/quotes", tags=["api"], summary="Quotes, optionally by speaker, paginated")
    def api_quotes(speaker: str | None = Query(None, description=HINTS["speaker"], pattern=P_NAME),
                   limit: int = Query(100, description=HINTS["limit"], ge=0, le=MAX_LIMIT),
                   offset: int = Query(0, description=HINTS["offset"], ge=0)):
        return ok(kb.quotes(speaker=speaker, limit=limit, offset=offset))

    @app.get("/api/entities", tags=["api"], summary="Resolved people, organisations and places")
    def api_entities(type: str | None = Query(None, description=HINTS["type"], pattern=r"^[A-Za-z_]{1,16}$")):
        return ok(kb.entities(type=type))

    @app.get("/api/entities/{name}", tags=["api"], summary="One entity by id, name or alias, with quotes and events")
    def api_entity(name: str):
        """`name` is an entity id (`vladimir-putin`), its name or any alias, case-insensitive."""
        ent = kb.entity(name)
        if ent is None:
            raise not_found("entity", name, "entity ids and names are listed by /api/entities")
        return ok(ent)

    @app.get("/api/projects", tags=["api"], summary="Projects and their lifecycles")
    def api_projects():
        return ok(kb.projects())

    @app.get("/api/projects/{slug}", tags=["api"], summary="One project's lifecycle")
    def api_project(slug: str):
        p = kb.project(slug)
        if p is None:
            raise not_found("project", slug, "project slugs are listed by /api/projects")
        return ok(p)

    @app.get("/api/conflicts", tags=["api"], summary="Reports that contradict each other, both sides cited")
    def api_conflicts():
        return ok(kb.conflicts())

    @app.get("/api/documents/{ref:path}", tags=["api"], summary="A document (by id or name) as paragraphs of runs")
    def api_document(ref: str, start: int | None = Query(None, description=HINTS["start"], ge=0),
                     end: int | None = Query(None, description=HINTS["end"], ge=0)):
        """`ref` is a document id or name; `start` and `end` (character offsets in the raw
        text) mark a span, returned as runs with `mark: true`."""
        d = kb.document(ref, highlight=(start, end) if start is not None and end is not None else None)
        if d is None:
            raise not_found("document", ref, "document names appear in every citation")
        return ok(d)

    @app.get("/api/search", tags=["api"], summary="Full-text search over articles, events and quotes")
    def api_search(q: str = Query(..., description=HINTS["q"], min_length=1, max_length=200),
                   limit: int = Query(20, description="a whole number from 1 to 200", ge=1, le=200)):
        return ok(kb.search(q, limit=limit))

    # ------------------------------------------------------------ pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request,
                 pair: str | None = Query(None, description=HINTS["pair"], pattern=P_PAIR, max_length=20),
                 period: str = Query("year", description=HINTS["period"], pattern=P_PERIOD)):
        pair = check_pair(pair) or top_pair
        trend = kb.trend(pair, period)
        trade = kb.trade(pair)
        latest = views.latest_events(kb, pair)
        strip_events = kb.events(pair=pair, limit=views.ALL)["items"]
        return page(request, "overview.html", title=f"{pair or 'All events'} · tieline", pair=pair, period=period,
                    summary=kb.summary(), numbers=views.key_numbers(kb, pair), trend=trend, trade=trade,
                    latest=latest, projects=views.pair_projects(kb, pair),
                    conflicts=views.pair_conflicts(kb, pair),
                    trend_svg=charts.trend_chart(trend, period, label=pair or "", width=CHART_W),
                    trade_svg=charts.trade_chart(trade, label=pair or "", width=CHART_W),
                    strip_svg=charts.timeline_strip(strip_events, label=pair or "", width=CHART_W,
                                                    link=lambda e: f"/events/{urlq(e['id'])}",
                                                    bin_link=timeline_link(pair)))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline(request: Request, pair: str | None = None, type: str | None = None, status: str | None = None,
                 sector: str | None = None, country: str | None = None, date_from: str | None = None,
                 date_to: str | None = None,
                 page_no: int = Query(1, description=HINTS["page"], ge=1, le=10**6, alias="page")):
        # A filter form sends unset fields as '': here that means "any", checked by hand
        # (the API's Query patterns would reject it). pair=ALL means every pair.
        pair = opt("pair", pair, P_PAIR + "|^ALL$")
        pair = None if pair and pair.upper() == "ALL" else (check_pair(pair) if pair else top_pair)
        type, status = opt("type", type, P_TYPE), opt("status", status, P_STATUS)
        sector = opt("sector", sector, P_SECTOR)
        country = opt("country", country, P_COUNTRY)
        date_from, date_to = opt("date_from", date_from, P_DATE), opt("date_to", date_to, P_DATE)
        filters = dict(type=type, status=status, sector=sector, country=country.upper() if country else None,
                       date_from=date_from, date_to=date_to)
        active = {k: v for k, v in filters.items() if v}
        everything = kb.events(pair=pair, **filters, limit=views.ALL)
        res = kb.events(pair=pair, **filters, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
        pages = max(1, math.ceil(res["total"] / PAGE_SIZE))
        qs = {k: v for k, v in {"pair": pair or "ALL", **active}.items() if v}
        return page(request, "timeline.html", title=f"Timeline {pair or ''} · tieline", pair=pair,
                    filters=filters, active=active, facets=views.facets(kb, pair), result=res,
                    page_no=page_no, pages=pages, qs=qs, urlencode=urlencode,
                    strip_svg=charts.timeline_strip(everything["items"], label=pair or "all pairs", width=CHART_W,
                                                    link=lambda e: f"/events/{urlq(e['id'])}",
                                                    bin_link=timeline_link(pair, active)))

    @app.get("/events/{eid}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, eid: str):
        ev = kb.event(eid)
        if ev is None:
            raise not_found("event", eid, "browse the timeline for event links")
        return page(request, "event.html", title=f"{ev['type']} {ev['date'] or ''} · tieline", ev=ev)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request,
                      type: str | None = Query(None, description=HINTS["type"], pattern=r"^[A-Za-z_]{1,16}$"),
                      page_no: int = Query(1, description=HINTS["page"], ge=1, le=10**6, alias="page")):
        ents = kb.entities(type=type)
        types = sorted({e["type"] for e in kb.entities()})
        start = (page_no - 1) * LIST_SIZE
        return page(request, "entities.html", title="Entities · tieline", entities=ents[start:start + LIST_SIZE],
                    total=len(ents), types=types, etype=type, page_no=page_no,
                    pages=max(1, math.ceil(len(ents) / LIST_SIZE)), pager_base="/entities?" + urlencode(
                        {"type": type} if type else {}))

    @app.get("/entities/{name}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, name: str):
        ent = kb.entity(name)
        if ent is None:
            raise not_found("entity", name, "see the list of entities")
        return page(request, "entity.html", title=f"{ent['name']} · tieline", ent=ent)

    @app.get("/projects", response_class=HTMLResponse, include_in_schema=False)
    def projects_page(request: Request):
        return page(request, "projects.html", title="Projects · tieline", projects=kb.projects(),
                    doc_name=kb.doc_name)

    @app.get("/projects/{slug}", response_class=HTMLResponse, include_in_schema=False)
    def project_page(request: Request, slug: str):
        p = kb.project(slug)
        if p is None:
            raise not_found("project", slug, "see the list of projects")
        events = kb.events(project=slug, limit=views.ALL)["items"]
        return page(request, "project.html", title=f"{p['name'] or p['project']} · tieline", p=p,
                    events=events, doc_name=kb.doc_name)

    @app.get("/conflicts", response_class=HTMLResponse, include_in_schema=False)
    def conflicts_page(request: Request,
                       page_no: int = Query(1, description=HINTS["page"], ge=1, le=10**6, alias="page")):
        conflicts = kb.conflicts()
        start = (page_no - 1) * PAGE_SIZE
        return page(request, "conflicts.html", title="Conflicts · tieline",
                    conflicts=conflicts[start:start + PAGE_SIZE],
                    total=len(conflicts), page_no=page_no, pages=max(1, math.ceil(len(conflicts) / PAGE_SIZE)),
                    pager_base="/conflicts?")

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, speaker: str | None = Query(None, description=HINTS["speaker"], pattern=P_NAME),
                    page_no: int = Query(1, description=HINTS["page"], ge=1, le=10**6, alias="page")):
        res = kb.quotes(speaker=speaker, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
        pages = max(1, math.ceil(res["total"] / PAGE_SIZE))
        known = views.entity_forms(kb)
        return page(request, "quotes.html", title="Quotes · tieline", result=res, speaker=speaker,
                    page_no=page_no, pages=pages, known=known)

    @app.get("/documents/{ref:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, ref: str, start: int | None = Query(None, description=HINTS["start"], ge=0),
                      end: int | None = Query(None, description=HINTS["end"], ge=0)):
        hl = (start, end) if start is not None and end is not None and end > start else None
        d = kb.document(ref, highlight=hl)
        if d is None:
            raise not_found("document", ref, "document names appear in every citation")
        events = kb.events(doc=d["doc"], limit=views.ALL)["items"]
        quotes = [x for x in kb.quotes(limit=views.ALL)["items"] if x["doc_id"] == d["doc_id"]]
        return page(request, "document.html", title=f"{d['title'] or d['doc']} · tieline", d=d, events=events,
                    quotes=quotes)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str | None = Query(None, description=HINTS["q"], max_length=200)):
        res = views.search(kb, q) if q and q.strip() else None
        return page(request, "search.html", title=f"Search {q or ''} · tieline", q=q or "", res=res)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        return page(request, "docs.html", title="API · tieline", spec=app.openapi())

    return app


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the web UI and JSON API until interrupted (blocking). Raises TielineError
    (T201/T203) when ``db`` is not a knowledge base, before binding the port."""
    import uvicorn

    app = create_app(db)
    uvicorn.run(app, host=host, port=port, log_level="warning")


__all__ = ["create_app", "serve", "safe_url", "CSP"]
