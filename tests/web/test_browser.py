"""The pages in a real browser (headless chromium): they load, filter, search, link,
highlight evidence, and nothing fails or runs that should not."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from .conftest import shot

pytestmark = pytest.mark.browser


def visit(pg, path: str):
    resp = pg.goto(pg.base + path, wait_until="networkidle")
    assert resp is not None and resp.status == 200, f"{path}: {resp and resp.status}"
    return resp


PAGES = [("overview", "/"), ("timeline", "/timeline"), ("entities", "/entities"), ("projects", "/projects"),
         ("quotes", "/quotes"), ("conflicts", "/conflicts"), ("api-docs", "/docs"),
         ("search-empty", "/search")]


@pytest.mark.parametrize("name,path", PAGES)
def test_page_loads_clean(page, name, path):
    visit(page, path)
    assert page.locator("h1").count() == 1
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), "duplicate element ids"
    # every form control has a label a screen reader can announce
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select')]
        .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
        .map(e => e.name)""")
    assert unlabelled == []
    shot(page, name)
    assert page.problems == []


def test_overview_has_accessible_charts(page):
    visit(page, "/")
    svgs = page.locator("svg.chart")
    assert svgs.count() >= 3
    for i in range(svgs.count()):
        svg = svgs.nth(i)
        assert svg.get_attribute("role") == "img"
        assert (svg.locator("title").first.text_content() or "").strip()
    assert page.locator("svg.trend g.bar").count() >= 1
    assert page.locator("svg.trade g.point").count() >= 1
    # the strip separates what happened from what was only planned or proposed
    strip = page.locator("svg.strip")
    assert "planned / proposed" in (strip.text_content() or "")
    assert page.problems == []


def test_timeline_filter(page):
    visit(page, "/timeline?pair=ALL")
    total_before = int(page.locator(".result-count strong").inner_text())
    page.select_option("#f-status", "occurred")
    with page.expect_navigation(wait_until="networkidle"):
        page.click(".filters button[type=submit]")
    assert "status=occurred" in page.url
    total_after = int(page.locator(".result-count strong").inner_text())
    assert 0 < total_after < total_before
    badges = page.locator("table.events tbody .badge").all_inner_texts()
    assert badges and set(badges) == {"occurred"}
    shot(page, "timeline-filtered")
    assert page.problems == []


def test_timeline_intended_visibly_apart(page):
    visit(page, "/timeline?pair=ALL&status=proposed")
    rows = page.locator("tr.ev.intended")
    assert rows.count() >= 1
    badge = rows.first.locator(".badge")
    assert badge.evaluate("el => getComputedStyle(el).borderTopStyle") == "dashed"
    occurred = page.goto(page.base + "/timeline?pair=ALL&status=occurred", wait_until="networkidle")
    assert occurred.status == 200
    assert page.locator(".badge.st-occurred").first.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"
    assert page.problems == []


def test_search_and_follow_event_to_evidence(page):
    visit(page, "/")
    page.fill("#nav-q", "pipeline")
    with page.expect_navigation(wait_until="networkidle"):
        page.press("#nav-q", "Enter")
    assert "/search?q=pipeline" in page.url
    assert page.locator("#h-sd + ol.hits li a").count() >= 1
    assert page.locator(".snippet mark").count() >= 1
    shot(page, "search")
    link = page.locator("#h-se + ol.hits li a").first
    evidence = link.inner_text().strip()
    with page.expect_navigation(wait_until="networkidle"):
        link.click()
    assert "/events/" in page.url
    mark = page.locator("article.doc mark#evidence")
    assert mark.count() == 1
    # the highlight is the event's evidence, inside the cleaned article
    assert mark.inner_text().strip() == evidence
    assert mark.is_visible()
    shot(page, "event")
    page.click("a[href='#evidence']")
    page.wait_for_timeout(200)
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    assert page.problems == []


def test_follow_timeline_marker_to_event(page):
    visit(page, "/timeline?pair=ALL")
    marker = page.locator("svg.strip a.mark").first
    href = marker.get_attribute("href")
    assert href and href.startswith("/events/")
    with page.expect_navigation(wait_until="networkidle"):
        marker.click()
    assert page.locator("article.doc mark").count() >= 1
    assert page.problems == []


def test_entity_project_document_pages(page, client):
    ents = client.get("/api/entities").json()
    person = next(e for e in ents if e["type"] == "PERSON" and e["roles"]) if any(
        e["type"] == "PERSON" and e["roles"] for e in ents) else ents[0]
    visit(page, "/entities/" + quote(person["id"], safe=""))
    assert person["name"] in page.locator("h1").inner_text()
    shot(page, "entity")
    projects = client.get("/api/projects").json()
    if projects:
        visit(page, "/projects/" + quote(projects[0]["project"], safe=""))
        assert page.locator("ol.lifecycle li").count() == len(projects[0]["stages"]) or not projects[0]["stages"]
        shot(page, "project")
    doc = client.get("/api/events?limit=1").json()["items"][0]
    visit(page, f"/documents/{quote(doc['doc_id'], safe='')}?start={doc['span'][0]}&end={doc['span'][1]}")
    assert page.locator("article.doc mark").count() >= 1
    shot(page, "document")
    assert page.problems == []
