"""The HTML pages over HTTP (no browser): they render from the KB, show what it holds,
and answer bad input with a readable 4xx page, never a 500."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest


def html_of(r, status: int = 200) -> str:
    assert r.status_code == status, (r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    assert "Traceback" not in r.text
    return r.text


def test_overview_shows_pair_numbers_and_charts(client):
    pairs = client.get("/api/pairs").json()
    top = pairs[0]["pair"]
    text = html_of(client.get("/"))
    assert f"<h1>{top.replace('-', ' – ')}</h1>" in text
    n_events = client.get("/api/events", params={"pair": top, "limit": 0}).json()["total"]
    assert f'<div class="big">{n_events}</div>' in text
    assert text.count("<svg") == 3
    other = pairs[-1]["pair"]
    assert other.replace("-", " – ") in html_of(client.get("/", params={"pair": other, "period": "quarter"}))


def test_timeline_filters_match_the_api(client):
    for params in ({"pair": "ALL"}, {"pair": "ALL", "status": "planned"}, {"pair": "ALL", "type": "AGREE"},
                   {"pair": "ALL", "date_from": "2015", "date_to": "2016"}):
        text = html_of(client.get("/timeline", params=params))
        api = {k: v for k, v in params.items() if k != "pair"}
        total = client.get("/api/events", params={**api, "limit": 0}).json()["total"]
        assert f"<strong>{total}</strong> event" in text
        shown = len(re.findall(r'<tr class="ev ', text))
        assert shown == min(total, 50)


def test_timeline_empty_form_fields_mean_any(client):
    full = html_of(client.get("/timeline", params={"pair": "ALL"}))
    blank = html_of(client.get("/timeline", params={"pair": "ALL", "type": "", "status": "", "sector": "",
                                                     "country": "", "date_from": "", "date_to": ""}))
    count = re.compile(r"<strong>(\d+)</strong> event")
    assert count.search(full).group(1) == count.search(blank).group(1)


def test_timeline_pages(client):
    total = client.get("/api/events", params={"limit": 0}).json()["total"]
    if total <= 50:
        pytest.skip("sample has one page of events")
    p2 = html_of(client.get("/timeline", params={"pair": "ALL", "page": 2}))
    assert "page 2 of" in p2 and 'rel="prev"' in p2


def test_event_page_marks_evidence_once(client):
    ev = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    text = html_of(client.get("/events/" + quote(ev["id"], safe="")))
    assert text.count('id="evidence"') == 1
    from markupsafe import escape
    assert f'<mark id="evidence">{escape(ev["evidence"])}</mark>' in text


@pytest.mark.parametrize("path", ["/entities", "/entities?type=person", "/projects", "/quotes", "/quotes?speaker=a",
                                  "/conflicts", "/search", "/search?q=pipeline", "/docs"])
def test_listing_pages_render(client, path):
    html_of(client.get(path))


def test_entity_and_project_pages(client):
    for e in client.get("/api/entities").json()[:10]:
        text = html_of(client.get("/entities/" + quote(e["id"], safe="")))
        assert "Roles over time" in text
    for p in client.get("/api/projects").json():
        text = html_of(client.get("/projects/" + quote(p["project"], safe="")))
        assert text.count('<li class="st-') == len(p["stages"])


def test_quote_citations_link_to_highlighted_span(client):
    x = client.get("/api/quotes", params={"limit": 1}).json()["items"][0]
    text = html_of(client.get("/quotes"))
    link = f'/documents/{x["doc_id"]}?start={x["span"][0]}&amp;end={x["span"][1]}#evidence'
    assert link in text
    doc = html_of(client.get(f'/documents/{x["doc_id"]}', params={"start": x["span"][0], "end": x["span"][1]}))
    assert '<mark id="evidence">' in doc


@pytest.mark.parametrize("path,status", [
    ("/?pair=XX", 422), ("/?period=decade", 422), ("/?pair=ABC-DEF", 200),
    ("/timeline?status=happened", 422), ("/timeline?date_from=yesterday", 422),
    ("/timeline?type=" + quote("' OR 1=1 --"), 422), ("/timeline?country=" + quote("x'; DROP TABLE events"), 422),
    ("/timeline?page=0", 422), ("/timeline?page=-1", 422), ("/quotes?speaker=" + quote("a'; --"), 422),
    ("/events/" + quote("no#such", safe=""), 404), ("/entities/nobody-at-all", 404),
    ("/projects/none-such", 404), ("/documents/none-such", 404), ("/no/such/page", 404),
    ("/documents/..%2F..%2Fetc%2Fpasswd", 404)])
def test_bad_page_requests(client, path, status):
    text = html_of(client.get(path), status)
    if status >= 400:
        assert 'role="alert"' in text and "Hint:" in text


def test_search_query_is_escaped_not_run(client):
    text = html_of(client.get("/search", params={"q": '"><script>alert(1)</script>'}))
    assert "<script>alert(1)" not in text and "&lt;script&gt;" in text


def test_every_internal_link_on_listing_pages_resolves(client):
    """No dead links: every same-site href on the main pages answers 200."""
    seen: set[str] = set()
    for path in ("/", "/timeline?pair=ALL", "/quotes", "/entities", "/projects", "/conflicts", "/search?q=pipeline"):
        for href in re.findall(r'href="(/[^"#]*)', html_of(client.get(path))):
            href = href.replace("&amp;", "&")
            if href in seen or href.startswith("/static/"):
                continue
            seen.add(href)
            r = client.get(href)
            assert r.status_code == 200, (path, href, r.status_code)
    assert len(seen) > 20
