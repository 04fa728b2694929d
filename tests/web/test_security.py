"""Article text is untrusted: it is shown, never run.

Two knowledge bases: the bundled sample (02-gas-pipeline-deal-2015.html carries a
<script> and a javascript: link in its HTML) and invented articles whose *text*, title,
author and URL hold script tags, event handlers, an iframe and javascript: links.
"""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from tieline.web.app import safe_url

from .conftest import shot

ACTIVE = re.compile(r"<\s*(script|iframe|img|object|embed)\b|\bon\w+\s*=\s*\"?window|href\s*=\s*\"\s*javascript:",
                    re.I)


def our_markup_only(html: str) -> list[str]:
    """Active markup in a page that is not the app's own one script tag."""
    found = [m.group(0) for m in ACTIVE.finditer(html)]
    return [f for f in found if f.lower().replace(" ", "") != "<script"] + \
        [s for s in re.findall(r"<script[^>]*>", html, re.I) if s != '<script src="/static/app.js" defer>']


@pytest.mark.parametrize("url,ok", [
    ("https://example.org/a?b=1", True), ("http://example.org", True), ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False), ("data:text/html,<script>", False), ("/relative/path", False),
    ("//evil.example/x", False), ("vbscript:x", False), ("https:///nohost", False), (None, False), ("", False)])
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok


def hostile_paths(client) -> list[str]:
    paths = ["/", "/timeline?pair=ALL", "/quotes", "/entities", "/conflicts", "/search?q=script", "/search?q=window",
             "/search?q=" + quote("<script>alert(1)</script>")]
    for d in client.get("/api/search", params={"q": "Chile"}).json()["documents"]:
        paths.append("/documents/" + quote(d["doc_id"], safe=""))
    for e in client.get("/api/events", params={"limit": 100}).json()["items"]:
        paths.append("/events/" + quote(e["id"], safe=""))
    return paths


def test_hostile_text_is_escaped_in_every_page(hostile_client):
    paths = hostile_paths(hostile_client)
    assert any(p.startswith("/events/") for p in paths) and any(p.startswith("/documents/") for p in paths)
    seen_escaped = 0
    for path in paths:
        r = hostile_client.get(path)
        assert r.status_code == 200, path
        assert our_markup_only(r.text) == [], path
        hrefs = re.findall(r"""href\s*=\s*["']([^"']*)""", r.text, re.I)
        assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:", "vbscript:"))], path
        seen_escaped += r.text.count("&lt;script&gt;")
    assert seen_escaped >= 3  # the text is shown (escaped), not dropped


def test_hostile_api_returns_text_as_data(hostile_client):
    d = hostile_client.get("/api/documents/hostile-note").json()
    text = " ".join(r["text"] for p in d["paragraphs"] for r in p["runs"])
    assert "<script>" in text  # JSON carries the raw text; the page escapes it
    assert hostile_client.get("/api/documents/x").headers["content-type"].startswith("application/json")


@pytest.mark.browser
def test_sample_article_with_script_and_javascript_link(page, client):
    """The bundled 02 page: its <script> and javascript: link cannot run in our page."""
    doc = next(d for d in client.get("/api/search", params={"q": "pipeline"}).json()["documents"]
               if d["doc"].startswith("02-"))
    resp = page.goto(page.base + "/documents/" + quote(doc["doc_id"], safe=""), wait_until="networkidle")
    assert resp.status == 200
    csp = resp.headers.get("content-security-policy", "")
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    srcs = page.locator("script").evaluate_all("els => els.map(e => e.getAttribute('src'))")
    assert srcs == ["/static/app.js"]
    hrefs = page.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href') || '')")
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")]
    assert page.evaluate("window.__articleStats") is None  # the article's own script never ran
    # the worst we can do from outside: an inline script injected into the DOM is refused by the CSP
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__pwned = 1';
                     document.body.appendChild(s); }""")
    page.wait_for_timeout(150)
    assert page.evaluate("window.__pwned") == 0
    shot(page, "document-02-sample")
    assert [p for p in page.problems if "Content Security Policy" not in p] == []


@pytest.mark.browser
def test_hostile_pages_run_nothing(hostile_page, hostile_client):
    pg = hostile_page
    for i, path in enumerate(hostile_paths(hostile_client)):
        resp = pg.goto(pg.base + path, wait_until="networkidle")
        assert resp.status == 200, path
        assert pg.evaluate("window.__pwned") == 0, path
        assert pg.locator("iframe, img, object, embed").count() == 0, path
        assert pg.locator("script").count() == 1, path
        if path.startswith("/events/") and "script" in (pg.locator("article.doc").text_content() or ""):
            shot(pg, "hostile-event")
        if path == "/conflicts":
            shot(pg, "hostile-conflicts")
        if path.startswith("/events/") and pg.locator("#h-corr + .table-wrap").count():
            shot(pg, "hostile-event-corroborated")
    # the hostile text is visible as text
    pg.goto(pg.base + "/documents/hostile-note", wait_until="networkidle")
    assert "<script>" in pg.locator("article.doc").inner_text()
    shot(pg, "hostile-document")
    assert pg.problems == []


def test_conflicts_and_corroboration_render_both_sides(hostile_client):
    conflicts = hostile_client.get("/api/conflicts").json()
    assert conflicts, "the fixture reports one signing with two different dates"
    text = hostile_client.get("/conflicts").text
    from markupsafe import escape
    for c in conflicts:
        assert str(escape(c["about"])) in text
        for side in (c["a"], c["b"]):
            assert str(escape(side["evidence"])) in text
            assert f'/documents/{side["doc_id"]}?start={side["span"][0]}&amp;end={side["span"][1]}#evidence' in text
    clustered = [e for e in hostile_client.get("/api/events").json()["items"] if e["cluster"]]
    assert clustered
    ev = hostile_client.get("/api/events/" + quote(clustered[0]["id"], safe="")).json()
    page = hostile_client.get("/events/" + quote(ev["id"], safe="")).text
    assert ev["corroboration"]
    for other in ev["corroboration"]:
        assert "/events/" + quote(other["id"], safe="") in page
    for c in ev["conflicts"]:
        assert str(escape(c["about"])) in page
    assert our_markup_only(page) == []


def test_hostile_brief_is_inert(hostile_kb, tmp_path):
    from tieline.export.brief import brief
    html = brief(hostile_kb, "CHL-NOR", "html", tmp_path / "b.html")
    assert our_markup_only(html.replace('<script src="/static/app.js" defer>', "")) == []
    assert "<script" not in html.lower() and "javascript:" not in " ".join(re.findall(r'href="([^"]*)"', html))
    assert "&lt;img src=x" in html  # the hostile title is shown as text
    assert "event date" in html  # open conflicts are in the brief
    md_text = brief(hostile_kb, "CHL-NOR", "md", tmp_path / "b.md")
    assert "<img" not in md_text and "<iframe" not in md_text and "javascript:" not in md_text.replace(
        "javascript:window", "")
