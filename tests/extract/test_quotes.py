"""Quote extraction on sentences written for these tests (invented, not from any corpus)."""
from __future__ import annotations

import pytest

from tieline.extract.nlp import parse_document
from tieline.extract.quotes import extract_quotes, find_marked
from tieline.model import Document

pytest.importorskip("spacy")


def _doc(*paras: str, published: str | None = "2023-05-10") -> Document:
    return Document.from_paragraphs(paras, "t", published=published)


def _quotes(*paras: str):
    doc = _doc(*paras)
    return doc, extract_quotes(parse_document(doc))


def test_span_is_the_words_inside_the_marks():
    doc, qs = _quotes("“Our two navies will sail together next spring,” Admiral Lena Varga said on Monday.")
    assert len(qs) == 1
    q = qs[0]
    assert doc.raw_text[q.start:q.end] == q.text
    assert q.text.startswith("Our two navies") and "”" not in q.text
    assert q.speaker == "Lena Varga"


def test_attribution_before_the_quote_and_according_to():
    _, qs = _quotes(
        "Foreign Minister Tomas Orlov said, “We are ready to sign the grain accord this week.”",
        "According to Mira Castell, a trade analyst at the Baltic Institute, “the accord is long overdue for both sides.”",
    )
    assert [q.speaker for q in qs] == ["Tomas Orlov", "Mira Castell"]


def test_surname_and_pronoun_resolve_to_the_full_name():
    _, qs = _quotes(
        "Defence Minister Karel Novak arrived in Lima on Sunday for three days of talks.",
        "“We have waited too long for this partnership to mature,” Novak told reporters.",
        "“Nothing will be decided before the summer,” he said.",
    )
    assert [q.speaker for q in qs] == ["Karel Novak", "Karel Novak"]


def test_title_attribution_names_the_minister_named_earlier():
    _, qs = _quotes(
        "Energy Minister Ilse Brandt met her Peruvian counterpart in Berlin.",
        "“The pipeline will carry gas to both coasts by the end of the decade,” the minister said.",
    )
    assert qs and qs[0].speaker == "Ilse Brandt"


def test_split_quote_is_two_quotes_of_one_speaker():
    _, qs = _quotes("“We welcome the offer from Oslo,” said Rosa Ibarra, the spokeswoman. "
                    "“But the terms still need careful study by our lawyers.”")
    assert len(qs) == 2
    assert {q.speaker for q in qs} == {"Rosa Ibarra"}


def test_nested_quote_stays_inside_its_parent():
    _, qs = _quotes("“They call it the ‘bridge of friendship’ but nothing has been built yet,” "
                    "said Omar Haddad, a senior engineer.")
    assert len(qs) == 1
    assert "‘bridge of friendship’" in qs[0].text
    assert qs[0].speaker == "Omar Haddad"


def test_two_people_with_one_surname_keep_their_own_quotes():
    _, qs = _quotes(
        "President Jonas Berg and his brother, Senator Anders Berg, spoke at the forum.",
        "“The treaty protects our fishermen and our farmers alike,” Jonas Berg said.",
        "“I will vote against it in the chamber next month,” Anders Berg said.",
    )
    assert [q.speaker for q in qs] == ["Jonas Berg", "Anders Berg"]


def test_unnamed_source_and_document_speakers():
    _, qs = _quotes(
        "“The delivery of the first two frigates has slipped to next year,” a senior official said.",
        "“Both sides agreed to meet again in the autumn in Quito,” said a joint statement.",
    )
    assert len(qs) == 2
    assert qs[0].speaker.endswith("official")
    assert qs[1].speaker.endswith("statement")


def test_scare_quotes_titles_and_short_quotes_are_not_quotes():
    _, qs = _quotes(
        "Critics called the scheme a “debt trap” and the press dubbed it “Project Blue Horizon Initiative Plan”.",
        "The ministry published a report titled “A New Era Of Northern Partnership” last week.",
    )
    assert qs == []


def test_continuation_paragraph_after_a_colon_intro():
    _, qs = _quotes(
        "Asked about the sanctions, Elena Sorokina, an economist in Riga, had this to say:",
        "“Every embargo leaks, and this one leaks faster than most.”",
    )
    assert len(qs) == 1 and qs[0].speaker == "Elena Sorokina"


def test_quote_left_open_at_paragraph_end_runs_to_the_end():
    marks = find_marked("He said: “We will continue the talks in March")
    assert len(marks) == 1
    assert marks[0].end == len("He said: “We will continue the talks in March")


def test_straight_quotes_and_apostrophes():
    marks = find_marked('The envoy said "the country\'s ports are open to all traders" on Friday.')
    assert len(marks) == 1
    assert "country's ports" in 'The envoy said "the country\'s ports are open to all traders"'[marks[0].start:marks[0].end]


def test_single_marks_with_a_plural_possessive_inside():
    _, qs = _quotes("Foreign Secretary Helen Marsh met the press.",
                    "‘Nobody will lecture us about the two countries’ duties at sea,’ she said.")
    assert len(qs) == 1
    assert qs[0].text.endswith("duties at sea")
    assert qs[0].speaker == "Helen Marsh"


def test_unnamed_spokesman_of_an_institution_is_kept_as_written():
    _, qs = _quotes("A Defence Ministry spokesman said: ‘The exercise will go ahead as planned next week.’")
    assert qs and qs[0].speaker.endswith("spokesman")


def test_quoted_as_saying_names_the_one_quoted():
    _, qs = _quotes("Foreign Minister Pavel Orlov spoke after the talks.",
                    "A news agency quoted Orlov as saying: “We will answer any provocation with all means.”")
    assert qs and qs[0].speaker == "Pavel Orlov"


def test_title_attribution_picks_the_latest_minister_not_the_first():
    _, qs = _quotes(
        "Chile's fisheries minister, Tomas Rojas, and Norway's trade minister, Ingrid Lund, signed the text.",
        "“The quotas are fair to both fleets and to the fish,” Rojas said.",
        "Lund called the deal a model for the region. “We will build on it in the coming years,” the Norwegian minister said.",
    )
    assert [q.speaker for q in qs] == ["Tomas Rojas", "Ingrid Lund"]


def test_the_ministry_is_the_ministry_named_before():
    _, qs = _quotes("The Ministry of Fisheries published the new quotas on Monday.",
                    "“The quotas protect the stocks for the next decade,” the ministry said.")
    assert qs and qs[0].speaker == "Ministry of Fisheries"
