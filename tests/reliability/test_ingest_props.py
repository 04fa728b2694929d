"""Properties of the ingest layer on arbitrary input (hypothesis).

Dates, amounts and countries already have property tests (tests/extract/*_props.py).
What was missing: the byte decoder, the cleaner, document assembly, the HTML renderer
and the JSONL reader must never raise anything but a coded ``TielineError``, and every
paragraph they return must be an exact slice of the text it claims to index.
"""
from __future__ import annotations

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tieline.errors import PROBLEM_CODES, TielineError
from tieline.ingest import readers
from tieline.ingest.clean import clean_text
from tieline.ingest.html import html_to_text
from tieline.ingest.readers import decode, make_document

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that exercises the cleaner's line rules, mixed with any unicode (lone surrogates too).
_LINES = st.sampled_from([
    "By Jane Example", "March 3, 2021", "Updated 27 Jul, 2024", "Home | World | Business", "Share Tweet Email",
    "Read more", "Comments", "Posted by someone on May 1, 2020", "Photograph: A. Person/Agency",
    "The ministers of Chile and Kenya met in Nairobi on Tuesday and agreed to widen cooperation on ports.",
    "\u201cWe are ready,\u201d the minister said.", "- a bullet item", "1.", "45%", "9" * 40, "x" * 1200,
    " " * 1200, "\u200b\u200d", "\u202e", "e\u0301\u0301", "\U0001F91D", "\ud800", "<p>tag</p>", "",
])
ANY_CHAR = st.characters(blacklist_categories=())          # includes surrogates and controls
TEXTISH = st.lists(st.one_of(_LINES, st.text(ANY_CHAR, max_size=40)), max_size=25).map(
    lambda parts: "\n".join(parts))
TEXT = st.one_of(st.text(ANY_CHAR, max_size=400), TEXTISH)

_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1251", "cp1252",
              "koi8-r", "shift_jis", "gb18030", "utf-7"]
ENCODED = st.tuples(st.text(max_size=300), st.sampled_from(_ENCODINGS)).map(
    lambda t: t[0].encode(t[1], "replace"))
BYTES = st.one_of(
    st.binary(max_size=3000),
    ENCODED,
    st.tuples(st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
                               b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b""]), st.binary(max_size=500))
    .map(lambda t: t[0] + t[1]),
    st.tuples(ENCODED, st.binary(max_size=8)).map(lambda t: t[0] + t[1]),      # text with a corrupt tail
)


def _indexes(paras, text: str) -> bool:
    return all(0 <= p.start <= p.end <= len(text) and text[p.start:p.end] == p.text for p in paras)


@SETTINGS
@given(BYTES)
def test_decode_returns_clean_text_or_a_coded_error(raw):
    try:
        text = decode(raw)
    except TielineError as exc:
        assert exc.code in ("T102", "T103", "T105"), exc
        return
    assert isinstance(text, str) and text.strip()
    assert "\r" not in text and "\x00" not in text


@SETTINGS
@given(TEXT)
def test_clean_text_never_raises_and_its_paragraphs_index_the_input(text):
    text = readers.scrub(text)      # what make_document hands it (no lone surrogates)
    result = clean_text(text)
    assert _indexes(result.paragraphs, text)
    assert _indexes(result.dropped, text)
    assert len(result.reasons) == len(result.dropped)
    starts = [p.start for p in result.paragraphs]
    assert starts == sorted(starts)


@SETTINGS
@given(TEXT)
def test_make_document_gives_a_coded_problem_or_a_consistent_document(text):
    try:
        doc = make_document(text, name="n\udcff", source="s", fmt="txt", hints={"title": "t\ud800", "url": "http://[::1"})
    except TielineError as exc:
        assert exc.code in PROBLEM_CODES
        return
    assert doc.paragraphs and _indexes(doc.paragraphs, doc.raw_text) and _indexes(doc.dropped, doc.raw_text)
    doc.raw_text.encode("utf-8")                             # storable: no lone surrogates anywhere
    doc.name.encode("utf-8")
    (doc.title or "").encode("utf-8")
    assert len(doc.raw_text) == len(text)                    # scrubbing keeps every offset
    assert doc.doc_id == make_document(text, name="n", source="s", fmt="txt").doc_id


@SETTINGS
@given(TEXT)
def test_mask_long_runs_keeps_length_and_lines(text):
    masked = readers._mask_long_runs(text)
    assert len(masked) == len(text)
    assert [i for i, ch in enumerate(masked) if ch == "\n"] == [i for i, ch in enumerate(text) if ch == "\n"]
    if not readers._LONG_RUN.search(text):
        assert masked == text


_TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<!--", "-->", "<b>", "<html>",
                         "<body>", "<![CDATA[", "]]>", "<?xml version='1.0'?>", "&amp;", "&#0;", "&#xD800;", "<",
                         ">", "'", '"', "<meta property='og:title' content='", "<title>", "<article>", "<br>"])
HTML = st.lists(st.one_of(_TAGS, st.text(ANY_CHAR, max_size=30)), max_size=40).map("".join)


@SETTINGS
@given(HTML)
def test_html_to_text_renders_or_says_t106(html):
    html = readers.scrub(html)
    try:
        text, hints = html_to_text(html)
    except TielineError as exc:
        assert exc.code == "T106"
        return
    assert isinstance(text, str) and text.strip() and isinstance(hints, dict)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.text(ANY_CHAR, max_size=60), st.sampled_from(
    ['{"text": "x"}', '{"id": 1, "text": 5}', "[", "[]", "{}", "null", '{"html": "<p>a</p>"}', '{"text": "\\ud800"}',
     "[" * 3000, '{"id": 1' + "0" * 4400 + "}"])), max_size=12))
def test_jsonl_reader_accounts_for_every_line(tmp_path, lines):
    path = tmp_path / "x.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    items = list(readers.walk([path]))
    got = list(readers.read_items(items))                    # never raises
    assert len(got) == len(items) >= 1
    for g in got:
        g.source.encode("utf-8")
        if hasattr(g, "code"):
            assert g.code in PROBLEM_CODES
