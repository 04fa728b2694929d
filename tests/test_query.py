"""The read API over the bundled sample knowledge base."""
import pytest

from tieline.errors import TielineError
from tieline.query import KB, parse_pair


@pytest.fixture(scope="module")
def kb(sample_kb):
    k = KB(sample_kb)
    yield k
    k.close()


def test_parse_pair():
    assert parse_pair("pak-rus") == ("PAK", "RUS")
    assert parse_pair(None) is None
    for bad in ("PA-RU", "PAK-1US", "PAK;DROP TABLE"):
        with pytest.raises(TielineError):
            parse_pair(bad)


def test_timeline_is_ordered_dated_and_cited(kb):
    rows = kb.timeline("PAK-RUS")
    assert rows, "the samples describe dated Pakistan-Russia events"
    dates = [r["date"] for r in rows]
    assert all(dates) and dates == sorted(dates, key=lambda d: (d[:4], d))
    for r in rows:
        assert {"PAK", "RUS"} <= {"RUS" if c == "SUN" else c for c in r["countries"]}
        assert r["status"] != "negated"
        assert r["intended"] == (r["status"] in ("planned", "proposed"))
        doc = kb.document(r["doc_id"])
        assert doc is not None and r["evidence"]


def test_events_filters(kb):
    every = kb.events(limit=10**6)
    assert every["total"] > 0
    occurred = kb.events(status="occurred", limit=10**6)
    assert 0 < occurred["total"] <= every["total"]
    assert all(e["status"] == "occurred" for e in occurred["items"])
    page = kb.events(limit=2, offset=1)
    assert len(page["items"]) <= 2 and page["items"][0]["id"] == every["items"][1]["id"]


def test_event_page_highlights_its_evidence(kb):
    e = kb.events(limit=1)["items"][0]
    detail = kb.event(e["id"])
    marked = [run["text"] for p in detail["document"]["paragraphs"] for run in p["runs"] if run["mark"]]
    assert "".join(marked).strip() == e["evidence"].strip()


def test_trend_counts_only_what_happened(kb):
    rows = kb.trend("PAK-RUS", "year")
    assert sum(r["n"] for r in rows) > 0
    with pytest.raises(TielineError):
        kb.trend(period="fortnight")


def test_search_is_safe_with_fts_syntax(kb):
    assert kb.search("pipeline")["documents"]
    for nasty in ('"', "NEAR(", "a OR", "*", "') DROP TABLE events; --"):
        kb.search(nasty)  # quoted words: never an FTS syntax error
    with pytest.raises(TielineError):
        kb.search("   ")
