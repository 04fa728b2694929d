"""The HTML brief opened from disk in headless chromium: it renders its charts and asks
the network for nothing. (Here, not in tests/export, to share the session's browser.)"""
from __future__ import annotations

import pytest

from tieline.export.brief import brief
from tieline.query import KB

from .conftest import shot

pytestmark = pytest.mark.browser


def test_html_brief_in_browser(browser, web_kb, tmp_path):
    kb = KB(web_kb)
    pair = kb.pairs()[0]["pair"]
    kb.close()
    path = tmp_path / "brief.html"
    brief(web_kb, pair, "html", path)
    ctx = browser.new_context(viewport={"width": 1000, "height": 900})
    pg = ctx.new_page()
    requests: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(path.as_uri(), wait_until="load")
    svgs = pg.locator("svg.chart")
    assert svgs.count() == 3
    for i in range(3):
        box = svgs.nth(i).bounding_box()
        assert box and box["width"] > 300 and box["height"] > 60
    assert pg.locator("ol.sources li").count() >= 1
    # citation links jump within the file
    ref = pg.locator("a.ref").first
    target = ref.get_attribute("href")
    assert target.startswith("#src-") and pg.locator(target).count() == 1
    shot(pg, "brief")
    ctx.close()
    assert requests == [path.as_uri()] and errors == []
