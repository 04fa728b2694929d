"""Property tests: the resolvers never raise, spans point into the text, values are
finite and units come from the allowed set, on any string."""
import math
import re

from hypothesis import given, settings, strategies as st

from tieline.extract.amounts import UNITS, find_amounts
from tieline.extract.countries import KINDS, country_name, find_countries, iso3

# Text that looks like news numbers and names, mixed with arbitrary unicode.
_PIECES = st.sampled_from([
    "$", "US$", "Rs", "€", "£", " ", "-", "–", ",", ".", "%", "bn", " billion", " million",
    " crore", " km", "-km-long", " bcm per year", " per cent", "fold", " times ", " troops",
    " JF-17", "S-400", " about ", " over ", " up to ", " between ", " and ", " to ",
    "Russia", "Pakistani", "the US", "U.S.", "Indian Ocean", "Sino-", "Kremlin", "turkey",
    "PAKISTAN", "Côte d’Ivoire", "Guinea", "New", "Papua", "two", "eight", "a dozen",
    "1,100", "2.5", "0", "00", "1990s", "2019-20", "July", "15", "'s", "\n", "\u00a0",
])
news_like = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=300), news_like)


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_find_amounts_total(text):
    found = find_amounts(text)
    for a in found:
        assert 0 <= a.start < a.end <= len(text)
        assert math.isfinite(a.value)
        assert a.unit in UNITS or re.fullmatch(r"[A-Z]{3}", a.unit)
        assert a.qualifier in (None, "more_than", "about", "up_to")


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_find_countries_total(text):
    for found in (find_countries(text), find_countries(text, places=True)):
        _check_mentions(text, found)


def _check_mentions(text, found):
    last_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.kind in KINDS
        assert re.fullmatch(r"[A-Z]{3}", m.iso3)
        assert m.start >= last_end          # left to right, no overlaps
        last_end = m.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_iso3_and_country_name_total(s):
    code = iso3(s)
    assert code is None or re.fullmatch(r"[A-Z]{3}", code)
    assert isinstance(country_name(s), str)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["Russia", "Pakistan", "Kremlin", "Indian", "Moscow", "U.S."]),
       st.text(alphabet=" ,;:()\n", min_size=1, max_size=5),
       st.text(alphabet="0123456789 ,.;:()!?\n", max_size=30))
def test_country_found_whatever_surrounds_it(name, sep, tail):
    text = "Yes" + sep + name + sep + tail
    assert any(m.start == 3 + len(sep) for m in find_countries(text))


def test_long_inputs_are_fast():
    import time

    texts = ["South " * 2000, "U.S." * 2500, "Papua" + " " * 10000 + "x",
             "twenty " * 1500, "about $1-2 billion over 3 times the 4 JF-17s, " * 250,
             "9" * 10_000, "1," * 5000]
    t = time.perf_counter()
    for text in texts:
        find_countries(text)
        find_amounts(text)
    assert time.perf_counter() - t < 5.0
