"""Language detection: ISO 639-1, deterministic, None when unsure."""
from __future__ import annotations

from tieline.ingest.language import detect_language


def test_english_and_french_and_german():
    en = ("The two governments signed an agreement on Monday to build a new bridge across the river, "
          "officials said after the talks in the capital.")
    fr = ("Les deux gouvernements ont signé lundi un accord pour construire un nouveau pont sur le fleuve, "
          "ont indiqué les responsables après les discussions dans la capitale.")
    de = ("Die beiden Regierungen haben am Montag ein Abkommen über den Bau einer neuen Brücke über den "
          "Fluss unterzeichnet, teilten Beamte nach den Gesprächen in der Hauptstadt mit.")
    assert detect_language(en) == "en"
    assert detect_language(fr) == "fr"
    assert detect_language(de) == "de"


def test_short_or_empty_text_gives_none():
    assert detect_language("") is None
    assert detect_language(None) is None
    assert detect_language("Hello world") is None
    assert detect_language("12 345 678 — 2021-07-15") is None
    assert detect_language("https://example.org/a/b/c @someone #tag") is None


def test_deterministic():
    text = "Officials from both countries met in the capital on Tuesday to discuss trade and energy."
    assert len({detect_language(text) for _ in range(5)}) == 1
