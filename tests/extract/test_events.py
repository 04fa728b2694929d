"""Event extraction on sentences written for these tests (invented, not from any corpus)."""
from __future__ import annotations

import pytest

from tieline.extract.event_project import find_project, slug
from tieline.extract.events import extract_events
from tieline.extract.nlp import parse_document
from tieline.model import Document, Paragraph

spacy = pytest.importorskip("spacy")


def _events(*paras: str, published: str | None = "2023-05-10"):
    raw = "\n\n".join(paras)
    out, pos = [], 0
    for p in paras:
        start = raw.index(p, pos)
        out.append(Paragraph(start, start + len(p), p))
        pos = start + len(p)
    doc = Document(doc_id="t", name="t", source="t", fmt="txt", raw_text=raw,
                   paragraphs=tuple(out), published=published)
    return doc, extract_events(parse_document(doc))


def _one(events, type_):
    hits = [e for e in events if e.type == type_]
    assert hits, f"no {type_} among {[(e.type, e.evidence) for e in events]}"
    return hits[0]


def test_signing_is_symmetric_agree():
    _, evs = _events("Norway and Chile signed a fisheries agreement in Oslo on Monday.")
    e = _one(evs, "AGREE")
    assert e.mode == "sign_agreement"
    assert set(e.source) == {"NOR", "CHL"} and e.target == ()
    assert set(e.countries) == {"NOR", "CHL"}


def test_buyer_is_target_of_arms_transfer():
    _, evs = _events("Peru bought six fighter jets from Sweden last year.")
    e = _one(evs, "COOPERATE")
    assert e.mode == "arms_transfer"
    assert e.sector == "defense"
    assert e.source == ("SWE",) and e.target == ("PER",)


def test_supplier_is_source_of_trade():
    _, evs = _events("Kazakhstan supplies wheat to Mongolia.")
    e = _one(evs, "COOPERATE")
    assert e.mode == "trade"
    assert e.source == ("KAZ",) and e.target == ("MNG",)


def test_visit_visitor_is_source():
    _, evs = _events("The Kenyan foreign minister visited Ghana to discuss a cocoa deal.")
    e = _one(evs, "CONSULT")
    assert e.mode == "visit"
    assert e.source == ("KEN",) and e.target == ("GHA",)


def test_sanction_and_lifting():
    _, evs = _events("Canada imposed sanctions on Belarus.",
                     "Months later, Canada lifted the sanctions on Belarus.")
    s = _one(evs, "SANCTION")
    assert s.source == ("CAN",) and s.target == ("BLR",)
    r = _one(evs, "RETREAT")
    assert r.mode == "sanction"


def test_accuse_and_threaten_types():
    _, evs = _events("Bolivia accused Paraguay of smuggling cattle across the border.",
                     "Uruguay threatened to cut electricity exports to Argentina.")
    a = _one(evs, "ACCUSE")
    assert a.source == ("BOL",) and "PRY" in a.target
    t = _one(evs, "THREATEN")
    assert t.source == ("URY",)


def test_two_acts_in_one_sentence_give_two_events():
    _, evs = _events("Portugal signed a defence pact with Morocco, and Spain delivered "
                     "patrol boats to Senegal.")
    types = sorted(e.type for e in evs)
    assert types.count("AGREE") == 1 and types.count("COOPERATE") == 1


def test_light_verb_takes_noun_type():
    _, evs = _events("Vietnam and Laos held talks on river management.")
    e = _one(evs, "CONSULT")
    assert e.mode in ("negotiate", "meet")
    assert set(e.source) == {"VNM", "LAO"}


def test_joint_exercise():
    _, evs = _events("Egypt and Greece conducted joint naval drills in the Mediterranean.")
    e = _one(evs, "COOPERATE")
    assert e.mode == "military_exercise"


def test_domestic_act_and_drift_are_not_events():
    _, evs = _events("The cabinet approved the new budget on Tuesday.",
                     "Ties between Ecuador and Colombia are warming.")
    assert evs == []


def test_evidence_is_verbatim_clause():
    doc, evs = _events("In a brief statement, Finland said it had agreed to supply "
                       "electricity to Estonia.")
    assert evs
    for e in evs:
        assert doc.raw_text[e.start:e.end] == e.evidence
        assert len(e.evidence) < len(doc.raw_text)


def test_request_type():
    _, evs = _events("Japan urged China to release the detained fishermen.")
    e = _one(evs, "REQUEST")
    assert e.source == ("JPN",) and e.target == ("CHN",)


def test_project_slug():
    assert find_project("work on the Northern Lights Gas Pipeline began") == \
        "northern-lights-gas-pipeline"
    assert find_project("nothing named here") is None
    assert slug("Trans-Sahara Corridor") == "trans-sahara-corridor"


def test_group_reference_takes_the_states_acting_together():
    _, evs = _events("Chile, Peru and Bolivia agreed on Monday to share river data.",
                     "The three countries also vowed to hold joint flood drills.")
    vow = [e for e in evs if "vowed" in e.evidence]
    assert vow and set(vow[0].source) == {"CHL", "PER", "BOL"}


def test_unnamed_partner_is_the_other_main_state():
    _, evs = _events("Norway and Iceland are neighbours in the North Atlantic.",
                     "Norway and Iceland signed a fisheries pact in May.",
                     "Norway will export more salmon feed under the pact.")
    e = [x for x in evs if x.trigger == "export"]
    assert e and e[0].source == ("NOR",) and e[0].target == ("ISL",)


def test_meeting_venue_host_is_not_a_party():
    _, evs = _events("Ghana and Togo held talks in Nigeria on border trade.")
    e = _one(evs, "CONSULT")
    assert set(e.countries) == {"GHA", "TGO"}


def test_heading_and_bare_reference_give_nothing():
    _, evs = _events("Talks with Portugal", "The meeting was long.")
    assert evs == []


def test_exercise_names_and_acronyms():
    from tieline.extract.event_project import project_acronyms
    assert find_project("Chile and Peru held the Condor-2019 joint drills") == "condor"
    assert find_project("a joint Chilean-Peruvian military exercise") is None
    acr = project_acronyms("work on the Andes Gas Pipeline (AGP) began in May")
    assert acr == {"AGP": "andes-gas-pipeline"}
    assert find_project("the AGP will be finished soon", acr) == "andes-gas-pipeline"


def test_abstract_subject_is_not_an_actor():
    _, evs = _events("The rise of piracy near Somalia is threatening Kenya and Tanzania.")
    assert not [e for e in evs if e.type == "THREATEN"]
    _, evs = _events("Kenya threatened to close its border with Somalia.")
    assert [e for e in evs if e.type == "THREATEN"]


def test_long_runs_of_names_stay_fast():
    import time
    text = "Chile and Peru " * 300 + "signed a deal."
    t = time.perf_counter()
    _, evs = _events(text)
    assert time.perf_counter() - t < 10
    assert find_project("The " + "Great " * 3000 + "plan") is None
