"""Country mentions: invented sentences covering names, short forms, demonyms,
capitals, seats of government, historical states, state bodies and the traps."""
import pytest

from tieline.extract.countries import country_name, find_countries, iso3


def codes(text):
    return [m.iso3 for m in find_countries(text)]


def kinds(text):
    return {(m.text, m.iso3, m.kind) for m in find_countries(text)}


@pytest.mark.parametrize("text,code", [
    ("the US said", "USA"), ("U.S. officials", "USA"), ("the USA and", "USA"),
    ("America will", "USA"), ("the UK", "GBR"), ("Britain", "GBR"),
    ("Russia", "RUS"), ("South Korea", "KOR"), ("North Korea", "PRK"), ("Iran", "IRN"),
    ("Syria", "SYR"), ("Turkey", "TUR"), ("Türkiye", "TUR"), ("Czechia", "CZE"),
    ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"), ("Vietnam", "VNM"),
    ("the UAE", "ARE"), ("Kyrgyzstan", "KGZ"), ("Eswatini", "SWZ"), ("Laos", "LAO"),
])
def test_names_and_short_forms(text, code):
    assert codes(text) == [code]


@pytest.mark.parametrize("text,code", [
    ("Pakistani", "PAK"), ("Russian", "RUS"), ("Chinese", "CHN"), ("Indian", "IND"),
    ("Saudi", "SAU"), ("Emirati", "ARE"), ("Turkish", "TUR"), ("Afghan", "AFG"),
    ("Israeli", "ISR"), ("Nigerien", "NER"), ("Nigerian", "NGA"), ("Filipino", "PHL"),
    ("Pakistanis", "PAK"), ("Americans", "USA"), ("Kazakh", "KAZ"),
])
def test_demonyms(text, code):
    found = find_countries(f"{text} officials met.")
    assert [(m.iso3, m.kind) for m in found] == [(code, "demonym")]


@pytest.mark.parametrize("text,code,kind", [
    ("Islamabad", "PAK", "capital"), ("Moscow", "RUS", "capital"),
    ("New Delhi", "IND", "capital"), ("Beijing", "CHN", "capital"),
    ("Washington", "USA", "capital"), ("Riyadh", "SAU", "capital"),
    ("Ankara", "TUR", "capital"), ("Tokyo", "JPN", "capital"),
    ("Rawalpindi", "PAK", "capital"), ("Kremlin", "RUS", "body"),
    ("White House", "USA", "body"), ("Pentagon", "USA", "body"),
    ("Downing Street", "GBR", "body"), ("Foggy Bottom", "USA", "body"),
    ("Zhongnanhai", "CHN", "body"),
])
def test_capitals_and_seats(text, code, kind):
    assert kinds(f"Officials in {text} said no.") == {(text, code, kind)}


@pytest.mark.parametrize("text,code", [
    ("the Soviet Union", "SUN"), ("the USSR", "SUN"), ("Soviet engineers", "SUN"),
    ("Yugoslavia", "YUG"), ("Czechoslovakia", "CSK"), ("East Germany", "DDR"),
    ("West Germany", "DEU"), ("Burma", "MMR"), ("Zaire", "COD"),
])
def test_historical_states(text, code):
    assert codes(f"In those years {text} signed it.") == [code]


@pytest.mark.parametrize("text,code", [
    ("Gazprom", "RUS"), ("Rosneft", "RUS"), ("Rosatom", "RUS"), ("Rosoboronexport", "RUS"),
    ("Sinopec", "CHN"), ("Huawei", "CHN"), ("Aramco", "SAU"), ("ADNOC", "ARE"),
    ("ONGC", "IND"), ("HAL", "IND"), ("DRDO", "IND"), ("OGDCL", "PAK"), ("ISI", "PAK"),
    ("CIA", "USA"), ("FSB", "RUS"), ("Mossad", "ISR"), ("Pemex", "MEX"),
    ("Petrobras", "BRA"), ("Lockheed Martin", "USA"), ("KEPCO", "KOR"), ("Samsung", "KOR"),
])
def test_orgs(text, code):
    assert kinds(f"A deal with {text} was signed.") == {(text, code, "org")}


def test_longest_match_wins():
    assert codes("South Africa and Papua New Guinea") == ["ZAF", "PNG"]
    assert codes("the Democratic Republic of the Congo") == ["COD"]
    assert codes("Guinea-Bissau and Equatorial Guinea") == ["GNB", "GNQ"]
    assert codes("North Korean troops") == ["PRK"]


@pytest.mark.parametrize("text", [
    "ships in the Indian Ocean", "patrols in the South China Sea", "the Arabian Sea",
    "tankers in the Persian Gulf", "a cup of Turkish coffee", "he lives in New Mexico",
    "roast turkey on china plates", "a Latin American diplomat", "the Indo-Pacific strategy",
    "The Washington Post reported",
])
def test_exclusions_and_case(text):
    assert codes(text) == []


def test_exclusion_does_not_hide_neighbours():
    assert codes("Indian ships entered the Indian Ocean near Sri Lanka") == ["IND", "LKA"]


def test_headline_capitals_and_combining_forms():
    assert codes("PAKISTAN AND RUSSIA SIGN PACT") == ["PAK", "RUS"]
    assert codes("Sino-Indian talks and Pak-Afghan trade") == ["CHN", "IND", "PAK", "AFG"]


def test_spans_are_local_and_exact():
    text = "Yesterday, Moscow and Islamabad's envoys met."
    for m in find_countries(text):
        assert text[m.start:m.end] == m.text
    assert [m.text for m in find_countries(text)] == ["Moscow", "Islamabad"]


def test_possessive_and_hyphenated_neighbours():
    assert codes("Russia's gas and a US-led force") == ["RUS", "USA"]


def test_iso3_and_country_name():
    assert iso3("Russia") == "RUS"
    assert iso3("the United States") == "USA"
    assert iso3("Pakistani") == "PAK"
    assert iso3("DE") == "DEU"
    assert iso3("SUN") == "SUN"
    assert iso3("Indian Ocean") is None
    assert iso3("Atlantis") is None
    assert country_name("RUS") == "Russia"
    assert country_name("DEU") == "Germany"
    assert country_name("SUN") == "Soviet Union"
    assert country_name("ZZZ") == "ZZZ"
    assert iso3(country_name("KOR")) == "KOR"


def test_every_current_country_has_a_name_and_demonym_or_name_found():
    import pycountry

    missing = [c.alpha_3 for c in pycountry.countries
               if len(c.alpha_3) == 3 and iso3(country_name(c.alpha_3)) is None]
    assert set(missing) <= {"ATA"}


def test_bad_input_never_raises():
    assert find_countries("") == []
    assert find_countries(None) == []  # type: ignore[arg-type]
    assert iso3("") is None


@pytest.mark.parametrize("text,expected", [
    ("Michael Jordan scored again.", []),
    ("Jordan Peterson spoke.", []),
    ("Vernon Jordan and Denzel Washington", []),
    ("Chad President Idriss Deby met Jordan King Abdullah.", ["TCD", "JOR"]),
    ("Visiting Jordan, Iraq and Syria", ["JOR", "IRQ", "SYR"]),
    ("Talks with Israel Monday", ["ISR"]),
    ("Washington Moscow talks", ["USA", "RUS"]),
    ("Pakistan, India Sign Pact", ["PAK", "IND"]),
])
def test_personal_names_that_are_country_words(text, expected):
    assert codes(text) == expected


def test_currency_code_is_not_the_country():
    assert codes("a loan of US$ 3bn and US $5m") == []


def test_places_are_opt_in():
    text = "Talks in Karachi ended; ships left Port Sudan for Sudan's south."
    assert [(m.text, m.iso3) for m in find_countries(text)] == [("Sudan", "SDN")]
    found = find_countries(text, places=True)
    assert [(m.text, m.iso3, m.kind) for m in found] == [
        ("Karachi", "PAK", "place"), ("Port Sudan", "SDN", "place"), ("Sudan", "SDN", "name")]
    assert iso3("Karachi") is None and iso3("Karachi", places=True) == "PAK"
