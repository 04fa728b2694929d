"""Briefs: self-contained HTML (inline SVG + CSS, no external asset) and Markdown with
SVG charts beside it; both carry the charts and the citations."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tieline.errors import TielineError
from tieline.export.brief import brief, brief_data
from tieline.query import KB

@pytest.fixture(scope="module")
def kb_path(request) -> Path:
    prebuilt = os.environ.get("TIELINE_TEST_KB")
    return Path(prebuilt) if prebuilt else request.getfixturevalue("sample_kb")


@pytest.fixture(scope="module")
def pair(kb_path) -> str:
    kb = KB(kb_path)
    try:
        return kb.pairs()[0]["pair"]
    finally:
        kb.close()


@pytest.fixture(scope="module")
def data(kb_path, pair) -> dict:
    kb = KB(kb_path)
    try:
        return brief_data(kb, pair)
    finally:
        kb.close()


@pytest.fixture(scope="module")
def html(kb_path, pair, tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("brief") / "brief.html"
    text = brief(kb_path, pair, "html", out)
    assert out.read_text(encoding="utf-8") == text
    return text


def document_urls(kb_path) -> set[str]:
    kb = KB(kb_path)
    try:
        return {d.url for d in kb.docs.values() if d.url}
    finally:
        kb.close()


def test_html_brief_is_self_contained(html, kb_path):
    assert not re.search(r"\bsrc\s*=", html, re.I)                 # no images, scripts, frames
    assert "<script" not in html.lower() and "<link" not in html.lower() and "@import" not in html
    assert not re.search(r"url\(", html)                            # no CSS fetches
    allowed = document_urls(kb_path)
    for href in re.findall(r"""href\s*=\s*["']([^"']*)""", html):
        assert href.startswith("#src-") or href in allowed, href     # only citations' article URLs


def test_html_brief_has_charts_and_citations(html, data):
    assert html.count("<svg") == 3
    for cls in ("trend", "trade", "strip"):
        assert f'class="chart {cls}' in html
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    # every listed event is quoted with its source's title and date, numbered into the source list
    assert data["timeline"]
    from markupsafe import escape
    for r in data["timeline"]:
        assert str(escape(r["evidence"])) in html
        assert f'href="#src-{r["src"]}"' in html
    for s in data["sources"]:
        assert f'id="src-{s["n"]}"' in html
        assert str(escape(s["title"] or s["doc"])) in html
    assert len({s["doc_id"] for s in data["sources"]}) == len(data["sources"])


def test_brief_sections_follow_the_data(data, html):
    from markupsafe import escape
    for x in data["quotes"]:
        assert str(escape(x["text"])) in html
    for p in data["projects"]:
        assert str(escape(p["name"] or p["project"])) in html
    if not data["conflicts"]:
        assert "No contradictions found" in html
    # planned/proposed rows are marked apart from what happened
    intended = [r for r in data["timeline"] if r["status"] in ("planned", "proposed")]
    assert html.count('<tr class="intended">') >= len(intended)


def test_markdown_brief_writes_charts_beside(kb_path, pair, tmp_path):
    out = tmp_path / "pak.md"
    text = brief(kb_path, pair, "md", out)
    assert out.read_text(encoding="utf-8") == text
    svgs = sorted(p.name for p in tmp_path.glob("*.svg"))
    assert svgs == ["pak-timeline.svg", "pak-trade.svg", "pak-trend.svg"]
    for name in svgs:
        assert f"]({name})" in text
        body = (tmp_path / name).read_text(encoding="utf-8")
        assert body.startswith("<?xml") and "<svg" in body and "href=" not in body.replace("xmlns=", "")
    assert "## Key events" in text and "## Sources" in text and "[\\[1\\]](#src-1)" in text
    assert "<script" not in text.lower()


def test_markdown_to_stdout_has_no_images(kb_path, pair):
    text = brief(kb_path, pair, "md", None)
    assert "![" not in text and "## Trend" in text


def test_brief_is_deterministic(kb_path, pair):
    assert brief(kb_path, pair, "html") == brief(kb_path, pair, "html")


@pytest.mark.parametrize("args,code", [
    (("PAK-XX1", "html"), "T501"), (("ABC-XYZ", "html"), "T703"), (("PAK-RUS", "pdf"), "T701")])
def test_bad_brief_arguments(kb_path, args, code):
    with pytest.raises(TielineError) as e:
        brief(kb_path, *args)
    assert e.value.code == code and e.value.hint


def test_bad_output_folder(kb_path, pair, tmp_path):
    with pytest.raises(TielineError) as e:
        brief(kb_path, pair, "html", tmp_path / "missing" / "b.html")
    assert e.value.code == "T704"


def test_hostile_text_in_markdown_is_inert():
    from tieline.web.render import md, md_url
    assert md("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"
    assert md("[click](javascript:alert(1))") == "\\[click\\]\\(javascript:alert\\(1\\)\\)"
    assert md("a | b\nc") == "a \\| b c"
    assert md_url("javascript:alert(1)") is None and md_url("https://x.org/a (b)") is None
    assert md_url("https://x.org/a(b)") == "https://x.org/a%28b%29"
