"""Corpus-level entity resolution on hand-made mentions (invented names)."""
from __future__ import annotations

from tieline.fuse.resolve import resolve_entities, slug
from tieline.model import Mention

META = {"d1": ("doc-1", "2021-03-01"), "d2": ("doc-2", "2022-07-15"), "d3": ("doc-3", None)}


def M(doc, text, name, label="PERSON", role=None, country=None, start=0):
    return Mention(doc, start, start + len(text), text, label, name, country, role)


def _find(ents, form):
    return [e for e in ents if e.name == form or form in e.aliases]


def test_one_person_across_documents_with_aliases_and_roles():
    ents = resolve_entities([
        M("d1", "Prime Minister Karel Novak", "Karel Novak", role="Prime Minister", country="CZE"),
        M("d1", "Novak", "Karel Novak", start=50),
        M("d2", "Karel Novak", "Karel Novak", role="former Prime Minister"),
    ], META)
    assert len(ents) == 1
    e = ents[0]
    assert e.entity_id == "karel-novak" and e.type == "PERSON" and e.country == "CZE"
    assert {"Novak", "Prime Minister Karel Novak"} <= set(e.aliases)
    assert [(r.title, r.doc) for r in e.roles] == [("Prime Minister", "doc-1"), ("former Prime Minister", "doc-2")]
    assert e.roles[0].date == "2021-03-01"


def test_two_people_sharing_a_surname_are_never_merged():
    ents = resolve_entities([
        M("d1", "Jonas Berg", "Jonas Berg"),
        M("d1", "Anders Berg", "Anders Berg", start=30),
        M("d1", "Berg", "Berg", start=60),
        M("d2", "President Berg", "Berg", role="President"),
    ], META)
    jonas, anders = _find(ents, "Jonas Berg"), _find(ents, "Anders Berg")
    assert len(jonas) == 1 and len(anders) == 1 and jonas[0] is not anders[0]
    assert "Berg" not in jonas[0].aliases and "Berg" not in anders[0].aliases


def test_bare_surname_joins_the_only_person_with_it():
    ents = resolve_entities([
        M("d1", "Ilse Brandt", "Ilse Brandt"),
        M("d2", "Minister Brandt", "Brandt", role="Minister"),
    ], META)
    assert len(ents) == 1 and "Minister Brandt" in ents[0].aliases


def test_transliterations_and_initials_merge_but_different_first_names_do_not():
    ents = resolve_entities([
        M("d1", "Sergei Ivanko", "Sergei Ivanko"),
        M("d2", "Sergey Ivanko", "Sergey Ivanko"),
        M("d3", "Kh Ivanko", "Kh Ivanko"),
        M("d3", "Pavel Ivanko", "Pavel Ivanko", start=40),
    ], META)
    sergei = _find(ents, "Sergei Ivanko")[0]
    assert "Sergey Ivanko" in sergei.aliases or sergei.name == "Sergey Ivanko"
    assert "Pavel Ivanko" not in sergei.aliases


def test_acronym_and_expansion_are_one_org():
    ents = resolve_entities([
        M("d1", "Northern Fisheries Council", "Northern Fisheries Council", label="ORG"),
        M("d1", "NFC", "Northern Fisheries Council", label="ORG", start=40),
        M("d2", "NFC", "NFC", label="ORG"),
        M("d3", "Northern Fisheries Council", "Northern Fisheries Council", label="ORG"),
    ], META)
    assert len(ents) == 1
    assert ents[0].name == "Northern Fisheries Council" and "NFC" in ents[0].aliases


def test_spelling_variants_of_an_org_are_kept_as_aliases():
    ents = resolve_entities([
        M("d1", "Arctic Cooperation Organization", "Arctic Cooperation Organization", label="ORG"),
        M("d2", "Arctic Cooperation Organisation", "Arctic Cooperation Organisation", label="ORG"),
    ], META)
    assert len(ents) == 1
    forms = {ents[0].name, *ents[0].aliases}
    assert forms == {"Arctic Cooperation Organization", "Arctic Cooperation Organisation"}


def test_ids_are_unique_slugs():
    ents = resolve_entities([
        M("d1", "Ana Ruiz", "Ana Ruiz"),
        M("d2", "Ana Ruíz", "Ana Ruíz", label="ORG"),
    ], META)
    ids = [e.entity_id for e in ents]
    assert len(set(ids)) == len(ids)
    assert all(i == slug(i) for i in ids)


def test_lone_word_without_title_is_not_a_person_entity():
    ents = resolve_entities([M("d1", "Heathrow", "Heathrow")], META)
    assert ents == []


def test_armed_group_is_not_merged_into_its_regional_branch():
    ents = resolve_entities([
        M("d1", "Islamic State", "Islamic State", label="GROUP"),
        M("d1", "Islamic State-Khorasan", "Islamic State-Khorasan", label="GROUP", start=30),
    ], META)
    assert len(ents) == 2


def test_unique_container_absorbs_a_shorter_org_name():
    ents = resolve_entities([
        M("d1", "Chilean Fisheries Agency", "Chilean Fisheries Agency", label="ORG"),
        M("d2", "Fisheries Agency", "Fisheries Agency", label="ORG"),
    ], META)
    assert len(ents) == 1 and "Fisheries Agency" in ents[0].aliases


def test_roles_are_spelled_out_and_not_repeated_within_a_document():
    ents = resolve_entities([
        M("d1", "PM Karel Novak", "Karel Novak", role="PM"),
        M("d1", "Prime Minister Karel Novak", "Karel Novak", role="Prime Minister", start=40),
        M("d2", "former Prime Minister Karel Novak", "Karel Novak", role="former Prime Minister"),
    ], META)
    assert [(r.title, r.doc) for r in ents[0].roles] == [("Prime Minister", "doc-1"), ("former Prime Minister", "doc-2")]


def test_short_first_names_that_differ_are_two_people():
    ents = resolve_entities([
        M("d1", "Ali Demir", "Ali Demir"),
        M("d2", "Alia Demir", "Alia Demir"),
    ], META)
    assert len(ents) == 2
