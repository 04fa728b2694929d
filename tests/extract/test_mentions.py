"""Mentions on sentences written for these tests (invented, not from any corpus)."""
from __future__ import annotations

import pytest

from tieline.extract.mentions import extract_mentions, strip_title
from tieline.extract.nlp import parse_document
from tieline.model import Document

pytest.importorskip("spacy")


def _mentions(*paras: str):
    doc = Document.from_paragraphs(paras, "t", published="2023-01-01")
    return doc, extract_mentions(parse_document(doc))


def _by_name(ms, name):
    return [m for m in ms if m.name == name]


def test_spans_point_into_raw_text():
    doc, ms = _mentions("Prime Minister Karel Novak met Foreign Minister Ilse Brandt in Vienna.")
    assert ms
    for m in ms:
        assert doc.raw_text[m.start:m.end] == m.text


def test_title_gives_role_and_surface_keeps_short_title():
    _, ms = _mentions("Prime Minister Karel Novak visited Lima.", "Novak later flew home.")
    people = _by_name(ms, "Karel Novak")
    assert len(people) == 2
    assert people[0].role == "Prime Minister"
    assert people[1].text == "Novak"


def test_apposition_gives_role():
    _, ms = _mentions("Mira Castell, a senior analyst at the Baltic Institute, disagreed.")
    m = _by_name(ms, "Mira Castell")
    assert m and m[0].role and "analyst" in m[0].role


def test_acronym_with_expansion_names_later_uses():
    _, ms = _mentions("The Northern Fisheries Council (NFC) met in Oslo.", "The NFC will meet again in May.")
    nfc = [m for m in ms if m.text == "NFC"]
    assert len(nfc) == 2
    assert all(m.name == "Northern Fisheries Council" and m.label == "ORG" for m in nfc)


def test_two_people_with_one_surname_leave_the_bare_surname_ambiguous():
    _, ms = _mentions("President Jonas Berg met Senator Anders Berg on Monday.",
                      "Berg said the treaty was a mistake.")
    bare = [m for m in ms if m.text == "Berg"]
    assert bare and all(m.name == "Berg" for m in bare)


def test_armed_group_from_lexicon():
    _, ms = _mentions("Officials blamed al-Qaeda for the attack on the convoy.")
    g = [m for m in ms if m.label == "GROUP"]
    assert g and g[0].name == "Al Qaeda"


def test_named_project():
    _, ms = _mentions("Work on the Andes Gas Pipeline resumed in March.")
    assert any(m.label == "PROJECT" and m.name == "Andes Gas Pipeline" for m in ms)


def test_strip_title():
    assert strip_title("President Putin") == "Putin"
    assert strip_title("Dr Lena Varga") == "Lena Varga"
    assert strip_title("Lena Varga") == "Lena Varga"


def test_acronym_with_inner_letters():
    _, ms = _mentions("Members of the Andean Economic Union (ANEU) met in Quito.", "The ANEU budget grew.")
    assert {m.name for m in ms if m.text == "ANEU"} == {"Andean Economic Union"}


def test_stated_alias_names_one_thing():
    _, ms = _mentions("Work on the Andes Line, formerly the Pacific Gas Pipeline, resumed in March.")
    names = {m.text: m.name for m in ms}
    assert names.get("Pacific Gas Pipeline") == "Andes Line"
    assert names.get("Andes Line") == "Andes Line"


def test_short_form_of_a_name_with_a_middle_name_takes_the_full_name():
    _, ms = _mentions("Defence Minister Karel Jan Novak signed for Prague.",
                      "Critics of Karel Novak said the deal was rushed.", "Novak did not reply.")
    assert {m.name for m in ms if m.label == "PERSON"} == {"Karel Jan Novak"}
