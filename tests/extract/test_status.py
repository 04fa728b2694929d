"""Event status: every sentence here is invented for the test.

Each case names the sentence, the trigger word (the act the event names; ``word#n``
picks its n-th occurrence) and the status the gold conventions give it.
"""
from __future__ import annotations

import pytest

from tieline.extract.nlp import Sentence, load_nlp
from tieline.extract.status import load_cues, resolve_status
from tieline.model import STATUSES


@pytest.fixture(scope="module")
def nlp():
    try:
        return load_nlp()
    except Exception as exc:  # pragma: no cover - model missing in this environment
        pytest.skip(f"spaCy model unavailable: {exc}")


def status_of(nlp, text: str, word: str, event_type: str | None = None) -> str:
    word, _, nth = word.partition("#")
    doc = nlp(text)
    hits = [t for t in doc if t.text == word]
    assert hits, f"{word!r} not in {text!r}"
    trig = hits[int(nth) - 1 if nth else 0]
    span = trig.sent
    sent = Sentence(span.start_char, span.end_char, span.text, 0, span)
    return resolve_status(sent, trig, event_type=event_type)


OCCURRED = [
    ("Chile signed a fisheries agreement with Norway on Monday.", "signed"),
    ("The ministers held talks in Lima last week.", "talks"),
    ("Norway offered Chile a fisheries deal.", "offered"),
    ("Oslo proposed a new trade deal to Lima in March.", "proposed"),
    ("The two navies have completed a joint patrol in the strait.", "completed"),
    ("Kenya cancelled the order for Brazilian trucks.", "cancelled"),
    ("Quito denied that it had received any weapons from Minsk.", "denied"),
    ("Both sides agreed to build a rail link between the capitals.", "agreed"),
    ("The contract, signed in Accra in 2019, covers four patrol boats.", "signed"),
    ("Portugal and Angola reached an agreement on debt relief.", "agreement"),
    ("The foreign minister said Peru had bought two cargo planes from Spain.", "bought"),
    ("Soviet engineers built the dam in the 1960s.", "built"),
    ("The visit took place despite the storm.", "visit"),
    ("After the talks in Rabat, the delegation flew home.", "talks"),
    ("The talks stalled over the price of gas.", "talks"),
    ("Ties improved after last year's joint drills near the border.", "drills"),
    ("Since the invasion of the island, trade has collapsed.", "invasion"),
    ("The prime minister meets the Irish president in Dublin.", "meets"),
    ("We thank the government of Ghana for its support.", "thank"),
    ("Officials said the shipment had arrived in Mombasa.", "arrived"),
    ("The deal was signed and ratified within a month.", "ratified"),
    ("Berlin does not accept the annexation of the region.", "accept", "REJECT"),
    ("The loan that Kuwait has offered carries a low rate.", "loan"),
    ("Dakar will host talks under an accord signed in Rome last month.", "accord"),
    ("Trade fell sharply because of the sanctions on Iran.", "sanctions"),
    ("Work on the dam began in 1998 and ended in 2004.", "Work"),
    ("The minister greeted his visiting Omani counterpart at the airport.", "visiting"),
]

ONGOING = [
    ("Ecuador and Peru are negotiating a new border treaty.", "negotiating"),
    ("Turkey has been supplying drones to Azerbaijan.", "supplying"),
    ("The two armies have been holding drills every year since 2016.", "holding"),
    ("The navies have held joint drills since 2016.", "held"),
    ("A Korean firm is building the port at Lamu.", "building"),
    ("Brazil sells aircraft to several African air forces.", "sells"),
    ("Officials said Ghana is importing more wheat from Ukraine.", "importing"),
    ("Talks on the pipeline are underway in Baku.", "are"),
    ("The refinery is under construction near the coast.", "is"),
    ("The ongoing talks between Cairo and Khartoum focus on water.", "talks"),
    ("Vietnam started buying rice from Thailand in May.", "buying"),
    ("Moscow continues to supply fuel to the enclave.", "supply"),
    ("Norway, its largest fish supplier, raised prices.", "supplier"),
    ("The second round of talks began in Doha on Monday.", "talks"),
    ("India tried to stop Russia from supplying engines to the plant.", "supplying"),
]

PLANNED = [
    ("The president will visit Nairobi in June.", "visit"),
    ("Kenya is set to receive the first batch of jets next month.", "receive"),
    ("The minister is expected to sign the accord during the summit.", "sign"),
    ("Ghana plans to buy four patrol boats from Spain.", "buy"),
    ("The meeting is scheduled for Thursday in Lisbon.", "meeting"),
    ("The upcoming visit of the Chilean president will focus on trade.", "visit"),
    ("Officials discussed the planned pipeline across the desert.", "pipeline"),
    ("Both sides agreed to build a rail link between the capitals.", "build"),
    ("The foreign minister said Peru plans to sign the treaty next year.", "sign"),
    ("The minister said Peru will sign the treaty.", "sign"),
    ("The president leaves for Tokyo tomorrow for talks on trade.", "leaves"),
    ("Egypt is going to buy wheat from Kazakhstan.", "buy"),
    ("Four frigates were to be built in Turkish yards under the contract.", "built"),
    ("Rome and Tunis signed a deal to build a power cable.", "build"),
    ("Talks with Hanoi will be held next week.", "Talks"),
    ("Seoul will help Jakarta build a new submarine base.", "build"),
    ("The minister said the two countries would sign the deal soon.", "sign"),
    ("The accord paves the way for Italian firms to invest in the port.", "invest"),
    ("A rail corridor linking the two ports is on the cards.", "corridor"),
    ("The new plant is expected to be operational by 2030.", "plant"),
    ("The project aims to revive cotton exports to China.", "revive"),
    ("Leaders will meet in Baku on Monday. They would also sign a transit accord.", "sign"),
]

PROPOSED = [
    ("Ankara could supply drones to Baku.", "supply"),
    ("Lima might buy wheat from Kyiv next year.", "buy"),
    ("Analysts say Chile should buy jets from Sweden.", "buy"),
    ("Lima said it is open to buying wheat from Kyiv.", "buying"),
    ("Quito is interested in buying Indian patrol boats.", "buying"),
    ("Kenya is exploring buying trains from China.", "buying"),
    ("The president is likely to visit Hanoi next year.", "visit"),
    ("Pipeline gas supplies to Chile are possible, the minister said.", "supplies"),
    ("A possible visit by the king to Rabat was discussed.", "visit"),
    ("If the talks succeed, Chile will buy Swedish jets.", "buy"),
    ("Peru would buy the jets if the price fell.", "buy"),
    ("Such a pipeline would be beneficial to both countries.", "pipeline"),
    ("Could Ankara supply drones to Baku?", "supply"),
    ("Experts say Russia could help Egypt build a reactor.", "build"),
    ("Ghana has to expand its trade with Brazil.", "expand"),
    ("The proposed pipeline would carry gas to Europe.", "pipeline"),
    ("Oslo wants to sell more salmon to Beijing.", "sell"),
    ("Hungary urged Serbia to join the project.", "join"),
    ("The two states may hold joint drills, an official said.", "hold"),
    ("Cairo is considering buying Russian fighter jets.", "buying"),
    ("Leaders will meet in Baku on Monday. A transit deal would help both sides.", "help"),
    ("The two leaders discussed building a bridge across the river.", "building"),
    ("Mali is likely to sign the accord.", "likely"),   # a light trigger hands over
]

NEGATED = [
    ("Chile has not received the jets.", "received"),
    ("Peru did not sign the agreement.", "sign"),
    ("No agreement was reached at the talks.", "agreement"),
    ("Kenya has never bought weapons from Belarus.", "bought"),
    ("Ghana has not yet signed the loan deal.", "signed"),
    ("Mali refused to sign the accord.", "sign"),
    ("None of the partners has received any shells.", "received"),
    ("Spain is reluctant to join the project.", "join"),
    ("The minister is not expected to attend the summit.", "attend"),
    ("There is no real investment between the two countries.", "investment"),
    ("Quito is yet to sign the accord.", "sign"),
    ("Lisbon does not plan to buy the frigates.", "buy"),
    ("The treaty, which was scheduled to be signed last year, is still on hold.", "signed"),
    ("The visit was cancelled at the last minute.", "visit"),
]


@pytest.mark.parametrize("case", OCCURRED, ids=lambda c: c[0][:40])
def test_occurred(nlp, case):
    assert status_of(nlp, *case[:2], *case[2:]) == "occurred"


@pytest.mark.parametrize("case", ONGOING, ids=lambda c: c[0][:40])
def test_ongoing(nlp, case):
    assert status_of(nlp, *case) == "ongoing"


@pytest.mark.parametrize("case", PLANNED, ids=lambda c: c[0][:40])
def test_planned(nlp, case):
    assert status_of(nlp, *case) == "planned"


@pytest.mark.parametrize("case", PROPOSED, ids=lambda c: c[0][:40])
def test_proposed(nlp, case):
    assert status_of(nlp, *case) == "proposed"


@pytest.mark.parametrize("case", NEGATED, ids=lambda c: c[0][:40])
def test_negated(nlp, case):
    assert status_of(nlp, *case) == "negated"


# ------------------------------------------------------------------ hard cases

def test_modal_in_another_clause_does_not_leak(nlp):
    text = "Chile signed the deal on Monday, although critics say it could hurt farmers."
    assert status_of(nlp, text, "signed") == "occurred"
    assert status_of(nlp, text, "hurt") == "proposed"


def test_negated_reporting_verb_does_not_negate_the_act(nlp):
    text = "The ministry did not say when Peru bought the radars."
    assert status_of(nlp, text, "bought") == "occurred"


def test_negation_of_the_act_under_a_reporting_verb(nlp):
    text = "The ministry said Peru did not buy the radars."
    assert status_of(nlp, text, "buy") == "negated"


def test_agreeing_occurred_building_planned(nlp):
    text = "Ghana and Turkey agreed to build a shipyard in Tema."
    assert status_of(nlp, text, "agreed") == "occurred"
    assert status_of(nlp, text, "build") == "planned"


def test_nested_said_it_plans_to(nlp):
    text = "The ministry said it plans to open an embassy in Dakar."
    assert status_of(nlp, text, "open") == "planned"
    # "plans" is never the act itself: a trigger on it hands over to "open"
    assert status_of(nlp, text, "plans") == "planned"


def test_expected_to_and_would_differ(nlp):
    assert status_of(nlp, "The king is expected to visit Oman.", "visit") == "planned"
    assert status_of(nlp, "A royal visit would boost trade with Oman.", "boost") == "proposed"


def test_question_about_an_act_is_speculation(nlp):
    assert status_of(nlp, "Will Peru buy the Korean tanks?", "buy") == "proposed"
    # a question elsewhere does not touch a statement of fact in its own sentence
    assert status_of(nlp, "Peru bought the tanks.", "bought") == "occurred"


def test_wh_question_presupposes_the_act(nlp):
    assert status_of(nlp, "Why did Peru buy the Korean tanks?", "buy") == "occurred"


def test_denied_act_is_negated_but_the_denial_occurred(nlp):
    text = "Minsk denied that it had sold rifles to the rebels."
    assert status_of(nlp, text, "sold") == "negated"
    assert status_of(nlp, text, "denied") == "occurred"
    assert status_of(nlp, "Minsk denied selling rifles to the rebels.", "selling") == "negated"


def test_backshifted_progressive_in_reported_speech(nlp):
    text = "Officials said the two sides were negotiating a gas deal."
    assert status_of(nlp, text, "negotiating") == "ongoing"
    assert status_of(nlp, "The two sides were negotiating a gas deal in 2019.",
                     "negotiating") == "occurred"


def test_is_to_and_unclear_whether(nlp):
    assert status_of(nlp, "The president is to visit Japan next month.", "visit") == "planned"
    assert status_of(nlp, "It is unclear whether Rome will buy the jets.", "buy") == "proposed"


def test_cue_found_when_the_lemmatizer_slips(nlp):
    # the small model lemmatizes "hopes" as "hop"; the surface form still cues
    assert status_of(nlp, "Georgia hopes to sign a trade pact with Japan.", "sign") == "proposed"


def test_has_yet_to_and_without(nlp):
    assert status_of(nlp, "Argentina has yet to pay for the vessels.", "pay") == "negated"
    text = "The talks collapsed in June without an agreement."
    assert status_of(nlp, text, "agreement") == "negated"
    assert status_of(nlp, text, "talks") == "occurred"
    assert status_of(nlp, "A deal on the dam remains elusive.", "deal") == "negated"


def test_announced_visit_is_planned_announced_donation_occurred(nlp):
    assert status_of(nlp, "Oslo announced a visit by the king to Kyiv.", "visit") == "planned"
    assert status_of(nlp, "Oslo announced a large donation to Kyiv on Monday.",
                     "donation") == "occurred"


def test_object_of_negotiation_is_not_decided(nlp):
    text = "Brazil is negotiating the purchase of Indian missiles."
    assert status_of(nlp, text, "negotiating") == "ongoing"
    assert status_of(nlp, text, "purchase") == "proposed"


def test_negative_subject(nlp):
    assert status_of(nlp, "Neither country has ratified the treaty.", "ratified") == "negated"
    # a negated timing leaves the act planned
    assert status_of(nlp, "No date has been set for the visit.", "visit") == "planned"


def test_present_with_a_day_is_a_timetable(nlp):
    assert status_of(nlp, "The president flies to Beijing on Tuesday.", "flies") == "planned"
    assert status_of(nlp, "The president flew to Beijing on Tuesday.", "flew") == "occurred"


def test_reported_statement_of_support_happens_when_said(nlp):
    text = "\"Chile is a trusted partner,\" the Norwegian minister said."
    assert status_of(nlp, text, "partner") == "ongoing"           # as a relation
    assert status_of(nlp, text, "partner", "SUPPORT") == "occurred"  # as a statement


def test_lapsed_plan_looks_at_its_own_words_only(nlp):
    text = ("The accord, which was due to be signed last year, is expected to be "
            "signed during the king's tour to Lima.")
    assert status_of(nlp, text, "signed#2") == "planned"


def test_trailing_condition_belongs_to_the_threatened_act(nlp):
    text = "The council threatened on Monday to leave the union unless the tariffs fell."
    assert status_of(nlp, text, "threatened") == "occurred"
    assert status_of(nlp, text, "leave") == "proposed"
    text = "The minister said Oslo will supply gas if Lima pays in advance."
    assert status_of(nlp, text, "supply") == "proposed"
    assert status_of(nlp, text, "said") == "occurred"


def test_demanded_act_is_proposed(nlp):
    text = "Athens demanded that its partners refuse the request."
    assert status_of(nlp, text, "refuse") == "proposed"
    assert status_of(nlp, "Athens said that its partners refused the request.",
                     "refused") == "occurred"


def test_continuing_in_the_past(nlp):
    assert status_of(nlp, "Washington continued to send arms to Manila last year.",
                     "send") == "occurred"
    assert status_of(nlp, "Washington continues to send arms to Manila.", "send") == "ongoing"


def test_continuing_act_is_under_way_whatever_comes_next(nlp):
    assert status_of(nlp, "Tokyo will continue to fund the port.", "fund") == "ongoing"
    assert status_of(nlp, "Tokyo wants to continue to fund the port.", "fund") == "ongoing"
    assert status_of(nlp, "Tokyo will not continue to fund the port.", "fund") == "negated"


def test_participle_adjunct_is_done(nlp):
    text = "Built with Soviet help in the 1970s, the mill has been idle since 2015."
    assert status_of(nlp, text, "Built") == "occurred"


def test_terms_of_a_deal_with_would_are_planned(nlp):
    assert status_of(nlp, "Under the deal, Oman would supply gas to Kenya.", "supply") == "planned"
    text = "Iraq signed a pact under which Jordan would supply power for ten years."
    assert status_of(nlp, text, "supply") == "planned"
    assert status_of(nlp, "Oman would supply gas to Kenya.", "supply") == "proposed"


def test_phrasal_fates_and_hopes(nlp):
    assert status_of(nlp, "The summit was called off after the coup.", "summit") == "negated"
    assert status_of(nlp, "Plans are afoot to expand the naval base.", "expand") == "planned"
    assert status_of(nlp, "The port is slated for completion in 2026.", "completion") == "planned"
    assert status_of(nlp, "It is hoped that the talks will lead to a deal.", "lead") == "proposed"
    assert status_of(nlp, "Brazil decided against joining the alliance.", "joining") == "negated"
    assert status_of(nlp, "The sale, if approved, would be the largest yet.", "sale") == "proposed"


def test_noun_under_a_compound_preposition(nlp):
    text = "The plan would involve a new port along with roads linking Chad to Cameroon."
    assert status_of(nlp, text, "roads") == "proposed"


def test_stated_intent_to_cooperate_is_an_agree_that_occurred(nlp):
    text = "Oslo is keen to expand ties with Lima."
    assert status_of(nlp, text, "expand") == "proposed"            # as the expanding
    assert status_of(nlp, text, "expand", "AGREE") == "occurred"   # as the stated intent
    assert status_of(nlp, "Oslo might be keen to expand ties with Lima.", "expand",
                     "AGREE") == "proposed"


def test_ruling_out_and_not_ruling_out(nlp):
    assert status_of(nlp, "Seoul has ruled out supplying arms to Kyiv.", "supplying") == "negated"
    assert status_of(nlp, "Seoul has not ruled out supplying arms to Kyiv.",
                     "supplying") == "proposed"
    assert status_of(nlp, "Officials did not rule out a visit by the king.", "visit") == "proposed"


def test_advocacy_frames(nlp):
    assert status_of(nlp, "The time is ripe for Ankara to invest in Africa.", "invest") == "proposed"
    assert status_of(nlp, "It is in Kenya's interest to buy wheat from Ukraine.", "buy") == "proposed"
    assert status_of(nlp, "A joint venture between the firms is under consideration.",
                     "venture") == "proposed"
    assert status_of(nlp, "Under the contract, two ships were to be built in Izmir.",
                     "built") == "planned"


def test_existential_discussion_is_an_act(nlp):
    text = "There was discussion on trade between the two delegations."
    assert status_of(nlp, text, "discussion") == "occurred"


def test_habitual_present_and_sequence_with_future(nlp):
    assert status_of(nlp, "The joint commission meets annually in Tashkent.", "meets") == "ongoing"
    text = "The ministers will sign the accord after the talks in Rabat."
    assert status_of(nlp, text, "talks") == "planned"
    text = "The ministers signed the accord after the talks in Rabat."
    assert status_of(nlp, text, "talks") == "occurred"


def test_modifier_does_not_leak_through_unrelated_nouns(nlp):
    text = "She was charged over her possible role in riots during the summit last month."
    assert status_of(nlp, text, "summit") == "occurred"
    assert status_of(nlp, "They discussed the possible signing of a pact.", "pact") == "proposed"


def test_conditional_clause_marks_the_act(nlp):
    text = "If Lima pays on time, Seoul will deliver the tanks in May."
    assert status_of(nlp, text, "deliver") == "proposed"
    assert status_of(nlp, "Seoul will deliver the tanks in May.", "deliver") == "planned"


def test_has_not_yet_and_talks_stalled(nlp):
    assert status_of(nlp, "The pipeline has not yet been completed.", "completed") == "negated"
    assert status_of(nlp, "Talks on the dam stalled in 2019.", "Talks") == "occurred"
    assert status_of(nlp, "Work on the stalled pipeline resumed.", "pipeline") == "ongoing"


def test_conjunct_shares_the_verb_group(nlp):
    text = "Both sides will discuss, approve and sign the protocols."
    assert status_of(nlp, text, "approve") == "planned"
    assert status_of(nlp, text, "sign") == "planned"
    text = "The accord was drafted in May and ratified in June."
    assert status_of(nlp, text, "ratified") == "occurred"


def test_agreement_on_a_topic_does_not_plan_the_topic(nlp):
    text = "Ties grew after an agreement on naval cooperation was signed in 2014."
    assert status_of(nlp, text, "cooperation") == "occurred"
    assert status_of(nlp, "They signed a deal to build a naval base.", "build") == "planned"


def test_noun_modifiers(nlp):
    text = "The ministers discussed a potential deal and the upcoming summit."
    assert status_of(nlp, text, "deal") == "proposed"
    assert status_of(nlp, text, "summit") == "planned"


def test_reject_negation_is_the_rejection(nlp):
    text = "Cairo did not accept the proposal."
    assert status_of(nlp, text, "accept") == "negated"
    assert status_of(nlp, text, "accept", "REJECT") == "occurred"


def test_lexicon_is_data_and_statuses_are_known(nlp):
    cues = load_cues()
    assert cues["modal_aux"]["could"] == "proposed"
    values = set()
    for key in ("modal_aux", "governing_verbs", "governing_adjectives", "noun_modifiers",
                "noun_object_verbs", "governing_nouns", "adverbs", "modal_governors"):
        values |= {v for v in cues[key].values() if v is not None}
    assert values <= set(STATUSES)


def test_always_returns_a_status(nlp):
    doc = nlp("Yes.")
    span = doc[:]
    sent = Sentence(0, len(doc.text), doc.text, 0, span)
    assert resolve_status(sent, doc[0]) in STATUSES
    assert resolve_status(sent, None) == "occurred"
