"""Amounts: invented sentences for every unit, hedge, range and trap."""
import pytest

from tieline.extract.amounts import UNITS, find_amounts


def vals(text):
    return [(a.value, a.unit, a.qualifier) for a in find_amounts(text)]


@pytest.mark.parametrize("text,value,unit", [
    ("The loan is worth 2.5 billion dollars.", 2.5e9, "USD"),
    ("They agreed a $2bn package.", 2e9, "USD"),
    ("Trade stood at US$ 0.79bn last year.", 7.9e8, "USD"),
    ("Exports were USD 790 million.", 7.9e8, "USD"),
    ("The utility owes Rs 10bn to Pakistani lenders.", 1e10, "PKR"),
    ("A €3m grant was approved.", 3e6, "EUR"),
    ("The fund holds 1.5 trillion rubles.", 1.5e12, "RUB"),
    ("The Indian ministry set aside Rs 500 crore.", 5e9, "INR"),
    ("India will spend ₹2 lakh crore on roads.", 2e12, "INR"),
    ("They paid £5m for the site.", 5e6, "GBP"),
    ("The bank lent 300 billion yen.", 3e11, "JPY"),
    ("A credit line of 10 billion yuan opened.", 1e10, "CNY"),
])
def test_money(text, value, unit):
    assert (value, unit, None) in vals(text)


@pytest.mark.parametrize("text,value,unit", [
    ("a 1,100 km pipeline", 1100, "km"),
    ("the 1,100-km-long line", 1100, "km"),
    ("capacity of 15 bcm per year", 15, "bcm_per_year"),
    ("capacity of 15 bcm/year", 15, "bcm_per_year"),
    ("15 billion cubic metres annually", 15, "bcm_per_year"),
    ("grew 33%", 33, "percent"),
    ("grew 33 per cent", 33, "percent"),
    ("grew 33 percent", 33, "percent"),
    ("a 1,200MW plant", 1200, "MW"),
    ("a 2 GW solar park", 2000, "MW"),
    ("shipped 5 million tonnes", 5e6, "tonnes"),
    ("3 MT of wheat", 3, "tonnes"),
    ("40,000 metric tons of rice", 4e4, "tonnes"),
    ("a cargo of 700,000 barrels", 7e5, "barrels"),
    ("pumping 90,000 barrels per day", 9e4, "barrels_per_day"),
    ("pumping 90,000 bpd", 9e4, "barrels_per_day"),
])
def test_units(text, value, unit):
    assert (value, unit, None) in vals(text)


@pytest.mark.parametrize("text,value", [
    ("exports rose sixfold", 6), ("a six-fold increase", 6), ("a 3-fold jump", 3),
    ("imports are two times larger", 2), ("trade doubled in a year", 2),
    ("the line will double the flow", 2), ("sales have tripled", 3),
])
def test_times(text, value):
    assert (value, "times", None) in vals(text)


@pytest.mark.parametrize("text", [
    "they met two times last year", "a double taxation treaty", "the double standards",
])
def test_not_times(text):
    assert all(a.unit != "times" for a in find_amounts(text))


@pytest.mark.parametrize("text,value", [
    ("Lima bought 8 JF-17 jets.", 8), ("Oslo ordered two submarines.", 2),
    ("Some 50,000 troops massed.", 50000), ("The first eight JF-17s arrived.", 8),
    ("a 12-member delegation", 12), ("Two rounds of talks were held.", 2),
    ("four Ada class corvettes", 4), ("three Riga peace conferences", 3),
    ("two out of five contracts", 2), ("Sixty personnel took part.", 60),
    ("a dozen drones", 12),
])
def test_counts(text, value):
    assert value in [a.value for a in find_amounts(text) if a.unit == "count"]


@pytest.mark.parametrize("text", [
    "In 2016 the talks began.", "It was signed on July 15, 2021.", "on 15 March the envoy left",
    "the JF-17 and the Su-35", "an S-400 battery", "RD-93 engines", "for the first time",
    "within 12 years", "a 15-year loan", "the 2019-20 budget", "Article 370 was revoked",
    "one of the parties", "hundreds of troops", "in the 1990s", "the 2nd round",
    "the G20 summit", "at 10:30 local time",
])
def test_not_counts(text):
    assert [a for a in find_amounts(text) if a.unit == "count"] == []


@pytest.mark.parametrize("text,qual", [
    ("over $10 billion", "more_than"), ("more than 5,000 troops", "more_than"),
    ("in excess of $10 billion", "more_than"), ("above 40%", "more_than"),
    ("about $3bn", "about"), ("around 50 tanks", "about"), ("nearly 10,000 troops", "about"),
    ("approximately $12 billion", "about"), ("some 300 soldiers", "about"),
    ("roughly 20%", "about"), ("almost 90 jets", "about"), ("close to $1bn", "about"),
    ("up to 100,000 barrels per day", "up_to"),
])
def test_qualifiers(text, qual):
    found = find_amounts(text)
    assert len(found) == 1 and found[0].qualifier == qual


def test_particle_over_is_not_a_hedge():
    found = find_amounts("Seoul handed over two frigates.")
    assert [(a.value, a.qualifier) for a in found] == [(2, None)]


@pytest.mark.parametrize("text,expected", [
    ("4-5 power plants", [(4, "count", None), (5, "count", None)]),
    ("$50-52 million", [(5e7, "USD", None), (5.2e7, "USD", None)]),
    ("around $50-52", [(50, "USD", "about"), (52, "USD", "about")]),
    ("between 2 and 3 billion rubles", [(2e9, "RUB", None), (3e9, "RUB", None)]),
    ("four to five projects", [(4, "count", None), (5, "count", None)]),
])
def test_ranges(text, expected):
    assert vals(text) == expected


def test_other_systems_left_out():
    assert vals("10,000 acres and 500 million cubic feet and 30 miles") == []


def test_metres_are_not_millions():
    assert vals("a wall 3m high") == []


def test_spans_cover_the_amount():
    text = "Russia will lend about $2.5bn for the 1,100 km pipeline."
    found = find_amounts(text)
    assert [text[a.start:a.end] for a in found] == ["$2.5bn", "1,100 km"]
    assert all(a.unit in UNITS or a.unit.isupper() for a in found)


def test_huge_inputs_are_bounded():
    import time

    t = time.perf_counter()
    find_amounts("1" * 40 + " troops and " + "about $3 billion, " * 600)
    find_amounts("x" * 10_000)
    assert time.perf_counter() - t < 2.0
    assert vals("1" * 40 + " troops") == []


def test_parties_referred_back_are_not_counts():
    assert vals("The two countries agreed and both sides signed.") == []
    assert vals("Two countries abstained.") == [(2, "count", None)]


def test_a_word_after_to_is_not_a_currency():
    assert vals("The envoy came in 1999 to Riga.") == []
    assert vals("from $2 to $3 billion") == [(2e9, "USD", None), (3e9, "USD", None)]


def test_unknown_currencies_and_lookalike_scales():
    assert vals("a grant of 580 million shillings") == []
    assert vals("around 100 Arab envoys") == [(100, "count", "about")]
    assert vals("The UN complained on Tuesday over two raids.") == [(2, "count", None)]


@pytest.mark.parametrize("text,expected", [
    ("a pipeline capacity of 33 bcm", [(33, "bcm_per_year", None)]),
    ("it exported 150 bcm in 2019", [(150, "bcm_per_year", None)]),
    ("proven reserves of 1,000 bcm", []),
    ("5m tonnes of wheat", [(5e6, "tonnes", None)]),
    ("a 2.5 billion-dollar deal", [(2.5e9, "USD", None)]),
])
def test_bare_bcm_glued_scales_and_dollar_adjectives(text, expected):
    assert vals(text) == expected


def test_prefix_split_by_a_line_break():
    assert vals("paid US\n$5 million") == [(5e6, "USD", None)]
