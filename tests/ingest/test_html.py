"""HTML rendering: block elements as lines, furniture out, hints from meta tags."""
from __future__ import annotations

from pathlib import Path

import pytest

from tieline.errors import TielineError
from tieline.ingest.clean import clean_text
from tieline.ingest.html import html_to_text
from tieline.ingest.meta import extract_meta

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def load(name: str) -> str:
    return (PAGES / name).read_text("utf-8")


def test_article_page_text_and_hints():
    text, hints = html_to_text(load("article_jsonld.html"))
    assert "Kenya and India signed an agreement in Nairobi" in text
    # block elements and <br> end lines; inline markup does not
    assert "the Indian high commissioner said at the signing.\nKenyan officials" in text
    assert "By Wanjiru Kamau · 3 August 2017" in text
    # never article text
    for gone in ("should never appear", "color:red", "We use cookies", "Farming", "Coffee prices",
                 "farmer_joe", "All rights reserved", "an HTML comment"):
        assert gone not in text, gone
    assert hints["title"] == "Kenya and India sign tea research pact"
    assert hints["author"] == "Wanjiru Kamau"
    assert hints["published"].startswith("2017-08-03")
    assert hints["site"] == "Rift Valley Courier"
    assert hints["url"] == "https://courier.example/news/kenya-india-tea-pact"
    assert hints["lang"] == "en"


def test_main_spans_point_into_text():
    text, hints = html_to_text(load("article_jsonld.html"))
    assert hints["main"]
    for start, end in hints["main"]:
        assert 0 <= start < end <= len(text)
    assert any("Kenya is one of the largest exporters" in text[s:e] for s, e in hints["main"])


def test_html_through_cleaner_and_meta():
    text, hints = html_to_text(load("article_jsonld.html"))
    r = clean_text(text, main=hints["main"])
    body = "\n\n".join(p.text for p in r.paragraphs)
    assert body.startswith("Kenya and India signed an agreement")
    assert "Photo: Courier staff" not in body
    m = extract_meta(text, r, hints)
    assert (m["title"], m["author"], m["published"]) == (
        "Kenya and India sign tea research pact", "Wanjiru Kamau", "2017-08-03")


def test_title_falls_back_to_title_tag_without_site_suffix():
    html = ("<html><head><title>Malta and Tunisia agree ferry route | Harbour Daily</title></head>"
            "<body><p>Malta and Tunisia agreed on a new ferry route between Valletta and Tunis, "
            "the transport ministers said.</p></body></html>")
    text, hints = html_to_text(html)
    assert hints["title"] == "Malta and Tunisia agree ferry route"
    assert hints["published"] is None and hints["author"] is None
    assert text.strip().startswith("Malta and Tunisia agreed")


def test_time_in_an_aside_is_not_the_published_date():
    html = ("<html><body><article><h1>Headline</h1><p>Two states signed a trade accord on Monday, "
            "officials said in a statement.</p></article>"
            "<aside><time datetime='2001-01-01'>1 Jan 2001</time> Older story</aside></body></html>")
    text, hints = html_to_text(html)
    assert hints["published"] is None
    assert "Older story" not in text


def test_malformed_html_does_not_raise():
    text, hints = html_to_text(load("malformed.html"))
    assert "extend a policing partnership" in text
    assert "new patrol boats on the outer islands." in text
    assert hints["title"] == "Broken page about Fiji and Australia"


@pytest.mark.parametrize("html", [
    load("empty_shell.html"),
    "",
    "<html><body>   </body></html>",
])
def test_no_text_raises_t106(html):
    with pytest.raises(TielineError) as err:
        html_to_text(html)
    assert err.value.code == "T106"


def test_garbage_and_xml_declaration():
    text, _ = html_to_text('<?xml version="1.0" encoding="utf-8"?><html><body><p>Plain words here.</p></body></html>')
    assert text.strip() == "Plain words here."
    text, _ = html_to_text("<<<>>> <p>Stray <b>bold</p> text & more </div>")
    assert "Stray bold" in text


def test_rendering_is_deterministic():
    html = load("article_jsonld.html")
    assert html_to_text(html) == html_to_text(html)


def test_wrapper_with_a_furniture_class_keeps_the_article():
    paras = "".join(f"<p>Paragraph {i} says the two ministers met again to discuss the canal project.</p>"
                    for i in range(5))
    html = (f"<html><body><div class='post has-comments share-enabled'>{paras}"
            "<div class='comments'><p>reader_one says: nice</p></div></div>"
            "<span class='sr-only'>Share on Facebook</span><div hidden>secret menu</div></body></html>")
    text, _ = html_to_text(html)
    assert "Paragraph 4 says" in text
    assert "reader_one" not in text
    assert "Share on Facebook" not in text and "secret menu" not in text


def test_nesting_deeper_than_the_parser_allows_still_gives_text():
    html = "<html><body>" + "<div>" * 3000 + "<p>Words buried deep in the page.</p>" + "</div>" * 3000 + "</body></html>"
    text, _ = html_to_text(html)
    assert "Words buried deep in the page." in text
