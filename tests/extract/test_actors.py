"""The actor dictionary: officials -> the state they act for, at a date.

Sentences are invented for these tests (not from any corpus)."""
from __future__ import annotations

import pytest

from tieline.extract import actors
from tieline.extract.actors import is_known, lookup, person_country


@pytest.mark.parametrize("name,when,iso", [
    ("Vladimir Putin", "2021-03-04", "RUS"),
    ("Putin", "2015", "RUS"),
    ("President Putin", "2015", "RUS"),
    ("Erdoğan", "2019-07-01", "TUR"),
    ("Erdogan", "2019", "TUR"),        # accents folded
    ("Recep Tayyip Erdogan", None, "TUR"),
    ("Kim Jong Un", "2019", "PRK"),     # hyphenation folded ("Kim Jong-un")
    ("Shehbaz Sharif", "2024-02-01", "PAK"),
    ("PM Shehbaz", "2024", "PAK"),      # a listed given-name alias behind a title
    ("Xi", "2020", "CHN"),              # a family name written first
    ("Narendra Modi's", "2018", "IND"),  # possessive
    ("Zelenskyy", "2023", "UKR"),
])
def test_known_people(name, when, iso):
    assert person_country(name, when) == iso


def test_date_picks_the_office_held():
    # one person, two states in turn: the row whose years hold the date decides
    assert person_country("Mark Carney", "2010") == "CAN"
    assert person_country("Mark Carney", "2016") == "GBR"
    assert person_country("Mark Carney", "2025-06-01") == "CAN"


def test_organisation_officials_have_no_state():
    assert person_country("Antonio Guterres", "2020") is None
    assert is_known("Antonio Guterres", "2020")          # known: blocks a guess
    assert person_country("Antonio Guterres", "1998") == "PRT"
    assert person_country("Jens Stoltenberg", "2018") is None
    assert person_country("Jens Stoltenberg", "2010") == "NOR"


def test_common_surnames_need_the_full_name():
    for bare in ("Khan", "Kim", "Lee", "Singh", "May"):
        assert person_country(bare, "2019") is None, bare
    assert person_country("Imran Khan", "2019") == "PAK"
    assert person_country("Theresa May", "2017") == "GBR"


def test_surname_shared_within_one_state_still_counts():
    # three Sharifs in the data, all Pakistani
    assert person_country("Sharif", "2015") == "PAK"


def test_surname_alone_only_near_the_years_in_office():
    assert person_country("Sharif", "1975") is None
    assert person_country("Putin", None) == "RUS"      # no date: all rows agree


def test_another_person_with_a_listed_surname_is_not_matched():
    assert person_country("Omar Sharif", "2015") is None
    assert person_country("Jane Putin", "2015") is None


def test_unknown_and_bad_input_never_raise():
    assert person_country("Nobody Inparticular", "2020") is None
    assert person_country("", "2020") is None
    assert person_country(None, None) is None            # type: ignore[arg-type]
    assert person_country("Putin", "not a date") == "RUS"
    assert lookup("   ", "2020") is None


def test_surname_collision_across_states_is_ambiguous(monkeypatch, tmp_path):
    (tmp_path / "actors_people.tsv").write_text(
        "name\taliases\tiso3\trole\tfrom\tto\tsurname\n"
        "Ann Dupont\t\tFRA\tforeign minister\t2010\t2015\tDupont\n"
        "Bob Dupont\t\tBEL\tprime minister\t2012\t2016\tDupont\n"
        "Cy Dupont\t\tFRA\tdefence minister\t1990\t1992\tDupont\n", encoding="utf-8")
    monkeypatch.setattr(actors, "LEXICON", tmp_path)
    actors._index.cache_clear()
    try:
        assert person_country("Dupont", "2013") is None        # FRA and BEL at once
        assert person_country("Dupont", "1991") == "FRA"       # only Cy then
        assert person_country("Bob Dupont", "2013") == "BEL"
    finally:
        actors._index.cache_clear()


def test_data_rows_are_well_formed():
    path = actors.LEXICON / "actors_people.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        cols = line.split("\t")
        assert len(cols) == 7, line
        name, aliases, iso3, role, start, end, surname = cols
        assert name and role, line
        assert iso3 == "" or (len(iso3) == 3 and iso3.isupper()), line
        assert start.isdigit() and (end == "" or (end.isdigit() and int(end) >= int(start))), line
        assert surname, line


# ---------------------------------------------------------------- in events

spacy = pytest.importorskip("spacy")


def _events(*paras: str, published: str | None = "2023-05-10"):
    from tieline.extract.events import extract_events
    from tieline.extract.nlp import parse_document
    from tieline.model import Document, Paragraph
    raw = "\n\n".join(paras)
    out, pos = [], 0
    for p in paras:
        start = raw.index(p, pos)
        out.append(Paragraph(start, start + len(p), p))
        pos = start + len(p)
    doc = Document(doc_id="t", name="t", source="t", fmt="txt", raw_text=raw,
                   paragraphs=tuple(out), published=published)
    return extract_events(parse_document(doc))


def test_event_party_named_only_by_a_person():
    evs = _events("Vladimir Putin visited Kazakhstan on Tuesday to discuss grain exports.")
    hits = [e for e in evs if e.type == "CONSULT"]
    assert hits, [(e.type, e.evidence) for e in evs]
    assert hits[0].source == ("RUS",) and "KAZ" in hits[0].target


def test_text_beats_the_dictionary():
    # the text places this (invented) namesake: its word wins over world knowledge
    evs = _events("Chilean Foreign Minister Pedro Putin arrived in Lima on Monday.",
                  "Putin visited Peru to discuss a copper deal.")
    hits = [e for e in evs if e.type == "CONSULT" and "Peru" in e.evidence]
    assert hits, [(e.type, e.evidence) for e in evs]
    assert "RUS" not in hits[0].countries


# ---------------------------------------------------------------- in mentions

def _people(*paras: str, published: str | None = "2023-05-10") -> dict:
    from tieline.extract.mentions import extract_mentions
    from tieline.extract.nlp import parse_document
    from tieline.model import Document, Paragraph
    raw = "\n\n".join(paras)
    out, pos = [], 0
    for p in paras:
        start = raw.index(p, pos)
        out.append(Paragraph(start, start + len(p), p))
        pos = start + len(p)
    doc = Document(doc_id="m", name="m", source="m", fmt="txt", raw_text=raw,
                   paragraphs=tuple(out), published=published)
    return {m.name: m.country for m in extract_mentions(parse_document(doc)) if m.label == "PERSON"}


def test_mention_nearby_state_does_not_beat_the_dictionary():
    got = _people("After the talks in Moscow on Monday, Prime Minister Narendra Modi said "
                  "the visit had gone well.")
    assert got.get("Narendra Modi") == "IND", got


def test_mention_stated_state_beats_the_dictionary():
    got = _people("Chilean Foreign Minister Pedro Putin said the deal would be signed soon.")
    assert got.get("Pedro Putin") == "CHL", got


def test_mention_of_an_organisation_official_gets_no_state():
    # the nearby "Moscow" would otherwise be taken for his state
    got = _people("After the talks in Moscow, Secretary General Antonio Guterres said the truce "
                  "must hold.", published="2022-03-01")
    assert "Antonio Guterres" in got, got
    assert got["Antonio Guterres"] is None, got


def test_multiword_surnames_and_patronymics():
    assert person_country("Le Drian", "2015") == "FRA"
    assert person_country("von der Leyen", "2016") == "DEU"
    assert person_country("von der Leyen", "2021") is None     # then at the Commission
    assert person_country("Mohammed bin Salman", "2020") == "SAU"
    assert person_country("Mohammed Salman", "2020") is None   # not the same name
