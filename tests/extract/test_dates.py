"""Date finding, resolution and attachment, on sentences written for these tests."""
from __future__ import annotations

import re

import pytest

from tieline.extract.dates import (
    DateMention, attach_date, find_dates, fiscal_label, fiscal_year_of, resolve_date, to_iso,
)

PUB = "2022-02-24"          # a Thursday


def values(text: str, published: str | None = PUB) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


def one(text: str, published: str | None = PUB) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- absolute

@pytest.mark.parametrize("text, value", [
    ("The accord was signed on 3 June 2019 in Lima.", "2019-06-03"),
    ("The accord was signed on June 3, 2019 in Lima.", "2019-06-03"),
    ("The accord was signed on June 3rd 2019.", "2019-06-03"),
    ("The accord was signed on the 3rd of June, 2019.", "2019-06-03"),
    ("It was signed on Monday, June 3, 2019.", "2019-06-03"),
    ("Talks began in October, 2013 in Oslo.", "2013-10"),
    ("Talks began in mid-October 2013.", "2013-10"),
    ("Talks began in late October 2013.", "2013-10"),
    ("Talks began at the end of October 2013.", "2013-10"),
    ("Talks began in Oct. 2013.", "2013-10"),
    ("Talks began in Sept. 2013.", "2013-10".replace("10", "09")),
    ("Talks began in 2013.", "2013"),
    ("The filing is dated 2013-10-05.", "2013-10-05"),
    ("The filing is dated 05/10/2013.", "2013-10-05"),
    ("The filing is dated 10/25/2013.", "2013-10-25"),
    ("The summit ran on 15-16 June 2017.", "2017-06-15"),
])
def test_absolute_forms(text, value):
    m = one(text)
    assert m.kind == "absolute"
    assert m.value == value
    assert text[m.start:m.end] == m.text


def test_absolute_needs_no_publication_date():
    assert values("They met on 3 June 2019.", None) == [("3 June 2019", "2019-06-03")]


def test_offsets_are_local_and_exact():
    text = "Abc. Since 2011 the two navies have drilled together."
    m = one(text)
    assert (m.start, m.end) == (5, 15)
    assert m.text == "Since 2011"


# --------------------------------------------------------------------------- traps

@pytest.mark.parametrize("text", [
    "Exports rose by a 45% margin.",
    "The line is 1,100 km long and cost 2.5 billion dollars.",
    "The deal covers 1999 troops and 2040 tonnes of grain.",
    "The air force flies the JF-17, the Su-35 and the F-16.",
    "Resolution 1988 was cited; the price was $2017 a unit.",
    "Growth was 2019% in the model, or 2021.5 units.",
    "We may ask whether they will march on.",
    "May I add that it may rain?",
    "prices fall every spring",
])
def test_numbers_and_words_that_are_not_dates(text):
    assert [m for m in find_dates(text, PUB) if m.value is not None] == []


def test_modal_may_is_not_a_month_but_the_month_is():
    found = values("Ministers may meet in May.", "2022-02-24")
    assert found == [("May", "2022-05")]


def test_year_bounds():
    assert values("The map shows 1850 and 2150 borders.") == []
    assert values("Borders drawn in 1901 and 2099.") == [("1901", "1901"), ("2099", "2099")]


def test_forty_digit_number_is_not_a_date():
    assert find_dates("ID " + "9" * 40 + " filed", PUB) == []


# --------------------------------------------------------------------------- relative

@pytest.mark.parametrize("expr, published, value", [
    ("today", "2022-02-24", "2022-02-24"),
    ("yesterday", "2022-03-01", "2022-02-28"),
    ("tomorrow", "2021-12-31", "2022-01-01"),
    ("a day earlier", "2022-02-24", "2022-02-23"),
    ("two days ago", "2022-02-24", "2022-02-22"),
    ("three years ago", "2022-02-24", "2019"),
    ("last year", "2022-02-24", "2021"),
    ("this year", "2022-02-24", "2022"),
    ("next year", "2022", "2023"),
    ("earlier this year", "2022-02-24", "2022"),
    ("later this year", "2022-06", "2022"),
    ("this month", "2022-02-24", "2022-02"),
    ("last month", "2022-01-10", "2021-12"),
    ("next month", "2022-12-05", "2023-01"),
    ("last week", "2022-02-24", "2022-02"),
    ("last week", "2022-03-03", "2022-02"),
    ("May this year", "2025-07-11", "2025-05"),
    ("March last year", "2025-07-11", "2024-03"),
    ("last fall", "2017-03-10", "2016"),
    ("last summer", "2017-10-10", "2017"),
    ("next spring", "2017-01-10", "2017"),
    ("the end of the year", "2019-05-02", "2019"),
])
def test_relative_expressions(expr, published, value):
    assert resolve_date(expr, published) == value


def test_relative_expressions_need_a_publication_date():
    for expr in ("today", "last year", "on Tuesday", "this month", "a day earlier", "in May"):
        assert resolve_date(expr, None) is None, expr


def test_coarse_publication_date_gives_what_is_certain():
    # in a text dated only 2018, "this month" is surely in 2018, "last month" is not
    assert resolve_date("this month", "2018") == "2018"
    assert resolve_date("last month", "2018") is None
    assert resolve_date("yesterday", "2018-03") == "2018"
    assert resolve_date("today", "2018-03") == "2018-03"


def test_weekday_resolves_by_tense():
    # 2023-01-19 is a Thursday
    assert resolve_date("on Tuesday", "2023-01-19") == "2023-01-17"
    assert resolve_date("on Thursday", "2023-01-19") == "2023-01-19"
    assert find_dates("Talks will resume on Friday.", "2023-01-19")[0].value == "2023-01-20"
    assert find_dates("Talks resumed on Friday.", "2023-01-19")[0].value == "2023-01-13"
    assert resolve_date("last Thursday", "2023-01-19") == "2023-01-12"
    assert resolve_date("next Monday", "2023-01-19") == "2023-01-23"
    assert resolve_date("on Tuesday", "2023-01") is None


def test_lowercase_weekday_word_is_not_a_date():
    assert find_dates("the sunday roast", "2023-01-19") == []


def test_day_and_month_without_year():
    assert resolve_date("on 19 October", "2021-11-10") == "2021-10-19"
    assert find_dates("It will open on 15 October.", "2016-10-14")[0].value == "2016-10-15"
    assert resolve_date("October 19", "2021-11") == "2021-10-19"
    # a year-only publication date does not fix which October
    assert resolve_date("October 19", "2021") is None
    assert resolve_date("October 19", None) is None


def test_month_without_year():
    assert resolve_date("in February", "2022-10-21") == "2022-02"
    assert find_dates("The first cargo is expected in June.", "2023-03-01")[0].value == "2023-06"
    assert find_dates("They met in December.", "2023-03-01")[0].value == "2022-12"
    assert resolve_date("in December", "2018") is None


# --------------------------------------------------------------------------- spans, vague

def test_since_and_ranges_take_their_start():
    m = one("They have held drills since 2016.")
    assert (m.kind, m.value, m.text) == ("since", "2016", "since 2016")
    m = one("Prices fell from 2014 to 2016.")
    assert (m.kind, m.value) == ("range", "2014")
    m = one("Prices fell between 2014 and 2016.")
    assert (m.kind, m.value) == ("range", "2014")
    m = one("Prices fell in 2014-16.")
    assert (m.kind, m.value) == ("range", "2014")
    m = one("Drills have run since March 2019.")
    assert (m.kind, m.value) == ("since", "2019-03")


def test_fiscal_years_keep_their_label():
    m = one("Trade reached $1 billion in 2019-20.")
    assert m.kind == "fiscal" and m.value == "2019"
    assert fiscal_label("in 2019-20") == "2019-20"
    assert fiscal_label("fiscal year 1999-2000") == "1999-00"
    assert fiscal_label("in FY22") == "FY2022"
    assert fiscal_label("in 2014-16") is None
    assert fiscal_label("no year here") is None
    assert fiscal_year_of("2024-10-03", start_month=4, offset=-1) == "2023-24"
    assert fiscal_year_of("2024-02-03", start_month=4) == "2023-24"
    assert fiscal_year_of("2024-02-03", start_month=1) == "2024"
    assert fiscal_year_of("2024", start_month=4) is None


@pytest.mark.parametrize("text", [
    "They met recently.", "A deal is expected soon.", "The upcoming visit matters.",
    "Trade grew in recent years.", "Trade grew over the past three years.",
    "It was signed the same month.",
])
def test_vague_expressions_have_no_value(text):
    found = find_dates(text, PUB)
    assert found and all(m.value is None for m in found)
    assert all(m.kind == "vague" for m in found)


def test_decades_and_centuries_have_no_value():
    assert [(m.kind, m.value) for m in find_dates("Built in the 1970s.", PUB)] == [("decade", None)]
    assert [(m.kind, m.value) for m in find_dates("In the early 20th century.", PUB)] == [
        ("decade", None)]


# --------------------------------------------------------------------------- to_iso

@pytest.mark.parametrize("text, value", [
    ("March 15, 2018", "2018-03-15"),
    ("15/03/2018", "2018-03-15"),
    ("2018-03-15T10:00:00Z", "2018-03-15"),
    ("2018-03-15 10:00:00+05:00", "2018-03-15"),
    ("Mar 2018", "2018-03"),
    ("Published: Thursday 24 Feb 2022", "2022-02-24"),
    ("Updated on: 24 February 2022 | 10:15 PST", "2022-02-24"),
    ("2018", "2018"),
    ("2018-03", "2018-03"),
    ("20180315", "2018-03-15"),
    ("15.03.18", "2018-03-15"),
])
def test_to_iso(text, value):
    assert to_iso(text) == value


@pytest.mark.parametrize("text", ["", "hello", "3 hours ago", "yesterday", "March 15",
                                  "31/02/2018", "2018-13-01", "page 45% of 1,100"])
def test_to_iso_rejects(text):
    assert to_iso(text) is None


# --------------------------------------------------------------------------- attach_date

@pytest.fixture(scope="module")
def nlp():
    from tieline.extract.nlp import load_nlp
    return load_nlp()


def attach(nlp, text, word, published=PUB, nth=0):
    """attach_date for the nth token ``word`` of ``text``, in the sentence spaCy puts it in."""
    from tieline.extract.nlp import Sentence
    doc = nlp(text)
    tok = [t for t in doc if t.text == word][nth]
    span = tok.sent
    sent = Sentence(span.start_char, span.end_char, span.text, 0, span)
    return attach_date(sent, tok, published)


def test_attach_prepositional_date(nlp):
    assert attach(nlp, "Chile and Peru signed a fisheries pact in 2017.", "signed") == "2017"
    assert attach(nlp, "Chile and Peru on Tuesday signed a fisheries pact.", "signed") \
        == "2022-02-22"


def test_attach_picks_the_date_of_the_trigger_clause(nlp):
    text = ("Norway, which joined the forum in 2009, signed a supply deal with Chile "
            "in March 2021.")
    assert attach(nlp, text, "signed") == "2021-03"
    assert attach(nlp, text, "joined") == "2009"


def test_attach_ignores_dates_of_other_clauses(nlp):
    text = "After the talks collapsed in 2015, Chile bought Swedish jets."
    assert attach(nlp, text, "bought") is None
    assert attach(nlp, text, "collapsed") == "2015"


def test_attach_does_not_take_a_conjoined_clause_date(nlp):
    text = "The plant was built by a Korean firm and it started producing power in 2013."
    assert attach(nlp, text, "built") is None


def test_attach_shares_a_fronted_date_with_conjoined_verbs(nlp):
    text = "On Friday, Oslo signed the accord and Lima ratified the protocol."
    assert attach(nlp, text, "ratified") == "2022-02-18"


def test_attach_future_weekday(nlp):
    text = "The two ministers will sign the protocol on Friday."
    assert attach(nlp, text, "sign", published="2023-01-19") == "2023-01-20"


def test_attach_returns_none_without_a_date(nlp):
    assert attach(nlp, "Chile and Peru signed a fisheries pact.", "signed") is None


def test_attach_never_defaults_to_publication_date(nlp):
    assert attach(nlp, "Chile recently bought Swedish jets.", "bought") is None
    assert attach(nlp, "Chile bought Swedish jets last year.", "bought", published=None) is None


def test_attach_since_span(nlp):
    assert attach(nlp, "The navies have held joint drills since 2016.", "held") == "2016"


def test_attach_noun_trigger(nlp):
    text = "The visit of the Chilean minister in April 2021 opened new areas of cooperation."
    assert attach(nlp, text, "visit") == "2021-04"


def test_attach_skips_a_dateline(nlp):
    text = "WASHINGTON, Feb 24 (Wire) - Peru signed a gas deal with Chile."
    assert attach(nlp, text, "signed", published="2022-02-24") is None
    text = "WASHINGTON, Feb 24 (Wire) - Peru signed a gas deal with Chile on Monday."
    assert attach(nlp, text, "signed", published="2022-02-24") == "2022-02-21"


def test_attach_decade_is_no_date(nlp):
    assert attach(nlp, "Soviet engineers built the dam in the 1960s.", "built") is None


def test_all_values_well_formed():
    text = ("Since 2016, and on 3 June 2019, last year, next month, on Tuesday, in May, "
            "from 2014 to 2016, 2019-20, recently, the 1990s, yesterday.")
    for m in find_dates(text, PUB):
        assert m.value is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", m.value)
        assert text[m.start:m.end] == m.text


def test_weekday_with_day_and_month_fixes_the_year():
    # 22 February was a Tuesday in 2022, a Wednesday in 2023
    assert find_dates("They will meet on Tuesday, February 22.", "2022-02-24")[0].value \
        == "2022-02-22"
    assert find_dates("They will meet on Wednesday, February 22.", "2022-02-24")[0].value \
        == "2023-02-22"


def test_hyphenated_quantities_and_names_are_not_dates():
    assert values("A 2000-strong force guarded the 1200-km line.") == []
    assert values("He spoke to May and to Jan Smith.") == []
    assert values("The plan was drafted by May's team.") == []
    assert values("Talks resume in May.", "2022-02-24") == [("May", "2022-05")]


def test_month_ranges_take_their_start():
    assert values("Drills ran from January to March 2021.") == [
        ("from January to March 2021", "2021-01")]
    assert values("Drills ran December to February 2021.") == [
        ("December to February 2021", "2020-12")]
    assert find_dates("Talks ran 15 to 17 March 2021.", PUB)[0].value == "2021-03-15"


def test_possessive_years_and_decades():
    assert values("The 2019's vote was close.") == [("2019", "2019")]
    assert [m.kind for m in find_dates("Built in the ’90s.", PUB)] == ["decade"]
    assert values("Work began in mid-2019.") == [("2019", "2019")]


def test_attach_shares_date_with_subjectless_conjoined_verb(nlp):
    text = "The foreign ministers met in Oslo on Tuesday and agreed to resume talks."
    assert attach(nlp, text, "agreed") == "2022-02-22"
    # a change of tense breaks the sharing
    text = "Norway and Chile signed the accord in 2019 and will begin deliveries."
    assert attach(nlp, text, "begin") is None


def test_attach_reference_event_date_is_not_the_trigger_date(nlp):
    assert attach(nlp, "Chile suspended aid to Peru after the coup in 2014.", "suspended") is None
    text = "The minister visited Lima two years after the treaty was signed in 2017."
    assert attach(nlp, text, "visited") is None


def test_attach_reported_present_clause_takes_report_date(nlp):
    text = "Officials said on Monday that the two navies are holding drills."
    assert attach(nlp, text, "holding") == "2022-02-21"
    text = "Officials said on Monday that the two navies will hold drills."
    assert attach(nlp, text, "hold") is None


def test_onwards_is_a_span_from_its_start():
    m = one("Trade grew from 2010 onwards.")
    assert (m.kind, m.value) == ("since", "2010")
    m = one("They met in 2016 on a visit.")
    assert (m.kind, m.value) == ("absolute", "2016")


def test_to_iso_ignores_copyright_years():
    assert to_iso("© 2019 Example News") is None
    assert to_iso("Copyright 2021") is None


def test_first_since_is_a_reference_point():
    m = one("It was the first visit by a Chilean leader since 2008.")
    assert (m.kind, m.value) == ("reference", None)
    assert one("Chile has bought Peruvian gas since 2016.").kind == "since"


def test_attach_first_since_yields_to_the_clause_date(nlp):
    text = "The visit, the first since 2008, will take place next week."
    assert attach(nlp, text, "visit", published="2023-01-19") == "2023-01"
    assert attach(nlp, "It was the first visit by a Chilean leader since 2008.", "visit") is None


def test_published_may_be_a_date_object():
    from datetime import date
    assert resolve_date("last year", date(2020, 5, 1)) == "2019"


def test_month_abbreviation_inside_a_name_is_not_a_month():
    assert values("They met at Mar-a-Lago in Mar. 2019.") == [("Mar. 2019", "2019-03")]
    assert values("Exports in Jan-2020 rose.") == [("Jan-2020", "2020-01")]


def test_find_dates_reads_tense_cues_for_a_bare_month():
    assert find_dates("The accord was signed in March.", PUB)[0].value == "2021-03"
    assert find_dates("The accord will be signed in March.", PUB)[0].value == "2022-03"
    assert find_dates("The planned talks in March.", PUB)[0].value == "2022-03"


def test_to_iso_reads_only_short_strings():
    assert to_iso("Published 24 Feb 2022 " + "x" * 300) is None
