"""Properties: the date functions never raise, stay fast, and return ISO or None."""
from __future__ import annotations

import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tieline.extract.dates import find_dates, fiscal_label, resolve_date, to_iso

ISO = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")

# words that steer the generator into the date rules' territory
WORDS = st.sampled_from([
    "in", "since", "from", "to", "between", "and", "on", "last", "next", "this", "the",
    "year", "month", "week", "ago", "earlier", "later", "May", "March", "Sept.", "Tuesday",
    "fall", "spring", "1990s", "FY", "fiscal", "2016", "2019-20", "2014-16", "15", "31",
    "45%", "1,100", "2.5", "JF-17", "F-16", "$2017", "-", "/", ".", ",", ":", "'", "today",
    "yesterday", "recently", "mid-", "late", "early", "of", "9" * 40, "2100", "1899",
])
MIXED = st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=30).map(" ".join)
TEXT = st.one_of(st.text(max_size=300), MIXED)
PUBLISHED = st.one_of(
    st.none(), st.text(max_size=12),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.dates().map(lambda d: d.isoformat()[:4]),
)

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def well_formed(value):
    return value is None or (isinstance(value, str) and ISO.fullmatch(value) is not None)


@SETTINGS
@given(TEXT, PUBLISHED)
def test_find_dates_total_and_well_formed(text, published):
    found = find_dates(text, published)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert well_formed(m.value)
    spans = sorted((m.start, m.end) for m in found)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))   # no overlaps


@SETTINGS
@given(TEXT, PUBLISHED)
def test_resolve_date_total(text, published):
    assert well_formed(resolve_date(text, published))


@SETTINGS
@given(TEXT)
def test_to_iso_total(text):
    assert well_formed(to_iso(text))
    label = fiscal_label(text)
    assert label is None or re.fullmatch(r"\d{4}(-\d{2})?|FY\d{4}", label)


@SETTINGS
@given(st.integers(min_value=0, max_value=10 ** 40))
def test_numbers_as_text(n):
    for text in (str(n), f"in {n}", f"{n:,}", f"{n}%", f"since {n}"):
        for m in find_dates(text, "2020-05-05"):
            assert well_formed(m.value)
            if m.value:
                assert 1900 <= int(m.value[:4]) <= 2100
        assert well_formed(to_iso(text))


def test_long_inputs_are_bounded_in_time():
    chunk = ("In May 2019, 45% of 1,100 units since 2016 last year on Tuesday the 1990s "
             + "9" * 40 + " 2019-20 recently. ")
    text = chunk * (10_000 // len(chunk) + 1)
    t0 = time.perf_counter()
    found = find_dates(text, "2022-02-24")
    assert well_formed(to_iso(text))
    resolve_date(text, "2022")
    elapsed = time.perf_counter() - t0
    assert found and all(well_formed(m.value) for m in found)
    assert elapsed < 5.0, elapsed


def test_pathological_strings_are_fast():
    for text in ("1" * 10_000, "-" * 10_000, "May " * 2_500, " " * 10_000, "1/" * 5_000,
                 "the " * 2_500, "in the past " * 1_000):
        t0 = time.perf_counter()
        find_dates(text, "2020")
        to_iso(text)
        resolve_date(text, None)
        assert time.perf_counter() - t0 < 3.0, text[:20]
