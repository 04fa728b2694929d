"""Trade figures on sentences written for these tests (invented, not from any corpus)."""
from __future__ import annotations

import pytest

from tieline.extract.figures import GROWTH, TRADE, extract_figures
from tieline.extract.nlp import parse_document
from tieline.model import Document

pytest.importorskip("spacy")


def _figures(*paras: str, published: str | None = "2023-05-10"):
    doc = Document.from_paragraphs(paras, "t", published=published)
    return doc, extract_figures(parse_document(doc))


def test_bilateral_trade_value_with_year():
    doc, fs = _figures("Trade between Chile and Norway stood at $640 million in 2021.")
    assert len(fs) == 1
    f = fs[0]
    assert (f.indicator, f.value, f.unit, f.period) == (TRADE, 640_000_000, "USD", "2021")
    assert set(f.countries) == {"CHL", "NOR"}
    assert doc.raw_text[f.start:f.end] == f.evidence and "$640 million" in f.evidence


def test_last_year_resolves_against_publication_date():
    _, fs = _figures("Bilateral trade between Peru and Poland reached $1.2 billion last year.",
                     published="2019-06-01")
    assert [(f.value, f.period) for f in fs] == [(1_200_000_000, "2018")]


def test_growth_percent_with_base_period():
    _, fs = _figures("Two-way trade between Kenya and Turkey rose to $900 million in 2020, a 30% increase from 2019.")
    growth = [f for f in fs if f.indicator == GROWTH]
    assert len(growth) == 1
    assert (growth[0].value, growth[0].unit, growth[0].period, growth[0].base_period) == (30, "percent", "2020", "2019")
    assert any(f.indicator == TRADE and f.value == 900_000_000 for f in fs)


def test_multiple_written_as_a_word():
    _, fs = _figures("Bilateral trade between Ghana and Brazil has grown threefold since 2015.")
    assert [(f.indicator, f.value, f.unit) for f in fs] == [(GROWTH, 3, "times")]


def test_fiscal_year_label_and_last_financial_year():
    _, fs = _figures("Trade between India and Peru was $2.5 billion in 2019-20 and $3.1 billion "
                     "in the last financial year.", published="2022-10-21")
    assert [(f.value, f.period) for f in fs] == [(2_500_000_000, "2019-20"), (3_100_000_000, "2021-22")]


def test_one_way_exports_deals_and_targets_are_not_figures():
    _, fs = _figures(
        "Chile's exports to Norway were worth $300 million in 2021.",
        "Chile and Norway signed a trade deal worth $2 billion in 2022.",
        "The two countries aim to raise bilateral trade to $5 billion by 2025.",
    )
    assert fs == []


def test_trade_without_a_bilateral_sign_is_not_a_figure():
    _, fs = _figures("Norway's total trade reached $300 billion in 2021.")
    assert fs == []


def test_year_on_year_growth_takes_the_sentence_year_and_its_base():
    _, fs = _figures("Bilateral trade between Chile and Norway hit $4.5 billion in 2023, up 12% year-on-year.")
    growth = [f for f in fs if f.indicator == GROWTH]
    assert [(f.value, f.period, f.base_period) for f in growth] == [(12, "2023", "2022")]


def test_value_after_a_growth_rate_keeps_the_fronted_year():
    _, fs = _figures("In the first half of 2023, trade between Kenya and India grew by 8 percent to $1.9 billion.")
    assert [(f.indicator, f.value, f.period) for f in fs] == [(GROWTH, 8, "2023"), (TRADE, 1_900_000_000, "2023")]


def test_decline_is_negative_growth():
    _, fs = _figures("Bilateral trade between Chile and Norway fell 15% to $2.1 billion last year.", published="2024-03-01")
    assert [(f.indicator, f.value, f.period) for f in fs] == [(GROWTH, -15, "2023"), (TRADE, 2_100_000_000, "2023")]


def test_pronoun_sentence_continues_the_trade_just_named():
    _, fs = _figures("Bilateral trade between Chile and Norway was worth $500 million in 2019. "
                     "It reached $800 million in 2022 and $1.2 billion in 2023, a rise of 50 per cent in a year.")
    got = [(f.indicator, f.value, f.period, f.base_period) for f in fs]
    assert (TRADE, 800_000_000, "2022", None) in got
    assert (TRADE, 1_200_000_000, "2023", None) in got
    assert (GROWTH, 50, "2023", "2022") in got


def test_pronoun_sentence_without_a_trade_sentence_before_is_not_a_figure():
    _, fs = _figures("Chile and Norway signed a fisheries accord in 2019. It cost $800 million in 2022.")
    assert fs == []
