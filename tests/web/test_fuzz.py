"""Any text in any parameter or path segment gets an answer, never a 500."""
from __future__ import annotations

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ENDPOINTS = [("/api/events", ("pair", "type", "status", "sector", "country", "date_from", "date_to", "project", "doc",
                              "limit", "offset")),
             ("/api/timeline", ("pair",)), ("/api/trend", ("pair", "period")), ("/api/trade", ("pair",)),
             ("/api/quotes", ("speaker", "limit", "offset")), ("/api/entities", ("type",)),
             ("/api/search", ("q", "limit")), ("/api/documents/x", ("start", "end")),
             ("/", ("pair", "period")), ("/timeline", ("pair", "type", "status", "sector", "country", "date_from",
                                                        "date_to", "page")),
             ("/quotes", ("speaker", "page")), ("/entities", ("type", "page")), ("/search", ("q",)),
             ("/conflicts", ("page",))]
PATHS = ["/api/events/{}", "/api/entities/{}", "/api/projects/{}", "/api/documents/{}", "/events/{}", "/entities/{}",
         "/projects/{}", "/documents/{}", "/static/{}"]

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(endpoint=st.sampled_from(ENDPOINTS), data=st.data())
def test_any_query_parameter(client, endpoint, data):
    path, names = endpoint
    params = {name: data.draw(text) for name in data.draw(st.sets(st.sampled_from(names), min_size=1))}
    r = client.get(path, params=params)
    assert r.status_code in (200, 400, 404, 422), (path, params, r.status_code)
    assert "Traceback" not in r.text


@FUZZ
@given(template=st.sampled_from(PATHS), segment=text)
def test_any_path_segment(client, template, segment):
    r = client.get(template.format(quote(segment, safe="")))
    assert r.status_code in (200, 400, 404, 422), (template, segment, r.status_code)
    assert "Traceback" not in r.text
