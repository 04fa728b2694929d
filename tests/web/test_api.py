"""The JSON API on the sample KB: every endpoint, and bad input -> clean 4xx JSON."""
from __future__ import annotations

from urllib.parse import quote

import pytest

INJECTIONS = ["' OR 1=1 --", "x'; DROP TABLE events; --", '" OR ""="', "1) UNION SELECT * FROM documents --",
              "%27%20OR%20%271%27%3D%271", "<script>alert(1)</script>", "../../etc/passwd", "\x00"]


def error_of(r, status: int) -> dict:
    assert r.status_code == status, (r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"code", "message", "hint"}
    assert err["code"].startswith("T") and err["message"]
    assert "Traceback" not in r.text
    return err


def test_summary_and_pairs(client):
    s = client.get("/api/summary").json()
    assert s["documents"] >= 1 and s["events"] >= 1
    pairs = client.get("/api/pairs").json()
    assert pairs and all({"pair", "events"} <= set(p) for p in pairs)
    assert pairs == sorted(pairs, key=lambda p: -p["events"])


def test_events_filters_and_pagination(client):
    all_ = client.get("/api/events", params={"limit": 1000}).json()
    assert all_["total"] == len(all_["items"]) >= 3
    page1 = client.get("/api/events", params={"limit": 2, "offset": 0}).json()
    page2 = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert page1["total"] == all_["total"] and len(page1["items"]) == 2
    assert [e["id"] for e in page1["items"] + page2["items"]] == [e["id"] for e in all_["items"][:4]]
    assert client.get("/api/events", params={"limit": 0}).json()["items"] == []
    beyond = client.get("/api/events", params={"offset": 10**6}).json()
    assert beyond["items"] == [] and beyond["total"] == all_["total"]
    # each filter narrows to exactly the events that match it
    some = all_["items"][0]
    for key, value, field in (("type", some["type"], "type"), ("status", "occurred", "status"),
                              ("sector", some["sector"], "sector")):
        if value is None:
            continue
        got = client.get("/api/events", params={key: value, "limit": 1000}).json()
        assert got["total"] == sum(1 for e in all_["items"] if e[field] == value) >= 1
        assert all(e[field] == value for e in got["items"])
    pair = client.get("/api/pairs").json()[0]["pair"]
    by_pair = client.get("/api/events", params={"pair": pair.lower(), "limit": 1000}).json()
    a, b = pair.split("-")
    assert by_pair["total"] >= 1 and all({a, b} <= set(e["countries"]) for e in by_pair["items"])
    by_country = client.get("/api/events", params={"country": a.lower(), "limit": 1000}).json()
    assert by_country["total"] >= by_pair["total"]
    dated = client.get("/api/events", params={"date_from": "2016", "date_to": "2020", "limit": 1000}).json()
    assert all(e["date"] and "2016" <= e["date"][:4] <= "2020" for e in dated["items"])
    doc = some["doc"]
    by_doc = client.get("/api/events", params={"doc": doc, "limit": 1000}).json()
    assert by_doc["total"] >= 1 and all(e["doc"] == doc for e in by_doc["items"])


def test_event_detail_has_highlighted_evidence(client):
    ev = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    r = client.get("/api/events/" + quote(ev["id"], safe=""))
    assert r.status_code == 200
    d = r.json()
    assert d["id"] == ev["id"]
    marked = [run["text"] for p in d["document"]["paragraphs"] for run in p["runs"] if run["mark"]]
    assert "".join(marked) == ev["evidence"]
    assert {"corroboration", "conflicts", "n_documents"} <= set(d)


def test_timeline_trend_trade(client):
    pair = client.get("/api/pairs").json()[0]["pair"]
    tl = client.get("/api/timeline", params={"pair": pair}).json()
    assert tl and all("event_ids" in r and "evidence" in r for r in tl)
    for period in ("year", "quarter", "month"):
        rows = client.get("/api/trend", params={"pair": pair, "period": period}).json()
        assert rows and all("score" in r for r in rows)
    trade = client.get("/api/trade", params={"pair": pair}).json()
    assert isinstance(trade, list)
    for r in trade:
        assert r["reports"] and all("doc" in rep for rep in r["reports"])


def test_quotes_entities_projects_conflicts(client):
    qs = client.get("/api/quotes", params={"limit": 5}).json()
    assert qs["total"] >= len(qs["items"]) and len(qs["items"]) <= 5
    if qs["items"] and qs["items"][0]["speaker"]:
        sp = qs["items"][0]["speaker"]
        by = client.get("/api/quotes", params={"speaker": sp}).json()
        assert by["total"] >= 1 and all(sp.casefold() in (x["speaker"] or "").casefold()
                                        or sp.casefold() in (x["affiliation"] or "").casefold() for x in by["items"])
    ents = client.get("/api/entities").json()
    assert ents
    e = client.get("/api/entities/" + quote(ents[0]["id"], safe="")).json()
    assert e["id"] == ents[0]["id"] and "quotes" in e and "events" in e
    people = client.get("/api/entities", params={"type": "person"}).json()
    assert all(x["type"] == "PERSON" for x in people)
    projects = client.get("/api/projects").json()
    for p in projects:
        got = client.get("/api/projects/" + quote(p["project"], safe=""))
        assert got.status_code == 200 and got.json()["project"] == p["project"]
    assert isinstance(client.get("/api/conflicts").json(), list)


def test_documents_by_id_and_name(client):
    ev = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    by_id = client.get("/api/documents/" + ev["doc_id"]).json()
    by_name = client.get("/api/documents/" + quote(ev["doc"], safe="")).json()
    assert by_id["doc_id"] == by_name["doc_id"] == ev["doc_id"]
    hl = client.get(f"/api/documents/{ev['doc_id']}", params={"start": ev["span"][0], "end": ev["span"][1]}).json()
    assert "".join(r["text"] for p in hl["paragraphs"] for r in p["runs"] if r["mark"]) == ev["evidence"]


def test_search(client):
    r = client.get("/api/search", params={"q": "pipeline"}).json()
    assert r["documents"] and r["query"] == "pipeline"
    assert set(r) == {"documents", "events", "quotes", "query"}
    # search text is words, never SQL or FTS syntax: hostile input is just text
    for bad in INJECTIONS[:5] + ['pipeline" OR "x', "NEAR(a b)", "*", "a AND OR NOT"]:
        got = client.get("/api/search", params={"q": bad})
        assert got.status_code in (200, 400), got.text
        if got.status_code == 400:
            error_of(got, 400)


@pytest.mark.parametrize("path,params,status", [
    ("/api/events", {"pair": "XX"}, 422),
    ("/api/events", {"pair": "PAK-RUS-IND-CHN-USA"}, 422),
    ("/api/trend", {"pair": "PAK-123"}, 422),
    ("/api/trend", {"period": "decade"}, 422),
    ("/api/events", {"limit": -1}, 422),
    ("/api/events", {"limit": 10**9}, 422),
    ("/api/events", {"limit": "ten"}, 422),
    ("/api/events", {"offset": -5}, 422),
    ("/api/events", {"date_from": "last year"}, 422),
    ("/api/events", {"status": "happened"}, 422),
    ("/api/quotes", {"limit": 100000}, 422),
    ("/api/search", {}, 422),
    ("/api/search", {"q": ""}, 422),
    ("/api/search", {"q": "   "}, 400),
    ("/api/search", {"q": "x" * 500}, 422),
    ("/api/documents/some-doc", {"start": -1, "end": 3}, 422),
])
def test_bad_parameters(client, path, params, status):
    err = error_of(client.get(path, params=params), status)
    assert err["hint"]


FILTERS = [("/api/events", k) for k in ("pair", "type", "status", "sector", "country", "date_from", "date_to",
                                          "project", "doc")] + [
    ("/api/timeline", "pair"), ("/api/trend", "pair"), ("/api/trend", "period"), ("/api/trade", "pair"),
    ("/api/quotes", "speaker"), ("/api/entities", "type")]


@pytest.mark.parametrize("path,key", FILTERS)
def test_injection_in_every_filter(client, path, key):
    for bad in INJECTIONS:
        error_of(client.get(path, params={key: bad}), 422)


@pytest.mark.parametrize("path", ["/api/events/nope%23e99", "/api/events/' OR 1=1 --", "/api/entities/nobody-at-all",
                                  "/api/projects/no-such-project", "/api/documents/no-such-doc",
                                  "/api/documents/..%2F..%2Fetc%2Fpasswd", "/api/nothing-here"])
def test_unknown_ids_are_json_404(client, path):
    err = error_of(client.get(path), 404)
    assert err["code"] == "T604"


@pytest.mark.parametrize("raw", ["/static/../../etc/passwd", "/static/..%2f..%2fetc%2fpasswd",
                                 "/static/%2e%2e/%2e%2e/etc/passwd", "/static/../app.py", "/static/..%2fapp.py",
                                 "/static//etc/passwd"])
def test_static_path_traversal(client, raw):
    # send the path as is: httpx would otherwise normalise the dot segments away
    r = client.request("GET", "http://testserver" + raw) if "%" in raw else client.get(raw)
    assert r.status_code == 404
    assert "root:" not in r.text and "create_app" not in r.text


def test_static_traversal_raw_asgi(app):
    """Below the HTTP client: an ASGI request whose path really holds '..' segments."""
    import asyncio

    async def run(path: str) -> tuple[int, bytes]:
        sent = []
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"",
                 "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 1), "server": ("testserver", 80)}

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(msg):
            sent.append(msg)
        await app(scope, receive, send)
        start = next(m for m in sent if m["type"] == "http.response.start")
        body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
        return start["status"], body

    for path in ("/static/../../../../etc/passwd", "/static/../app.py", "/static/../templates/base.html"):
        status, body = asyncio.run(run(path))
        assert status == 404, path
        assert b"root:" not in body and b"def create_app" not in body and b"{% block" not in body


def test_methods_other_than_get(client):
    err = error_of(client.post("/api/events", json={}), 405)
    assert err["code"] == "T605"


def test_security_headers_on_every_response(client):
    for path in ("/", "/api/summary", "/static/style.css", "/api/nothing", "/docs"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp
        assert "unsafe-inline" not in csp and "http" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for p in ("/api/summary", "/api/pairs", "/api/events", "/api/events/{eid}", "/api/timeline", "/api/trend",
              "/api/trade", "/api/quotes", "/api/entities", "/api/entities/{name}", "/api/projects",
              "/api/projects/{slug}", "/api/conflicts", "/api/documents/{ref}", "/api/search"):
        assert p in paths, p
    assert not [p for p in paths if not p.startswith("/api/")]  # pages stay out of the API schema
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert "cdn" not in docs.text.lower() and "swagger" not in docs.text.lower()
    assert client.get("/redoc").status_code == 404
