from tieline.fuse.cluster import cluster_events
from tieline.fuse.conflicts import find_conflicts, roles_clash
from tieline.model import Figure, Mention

from .conftest import make_event


def kinds(conflicts):
    return sorted(c["kind"] for c in conflicts)


def _sign(doc, text, evidence, date, value=None, location="Lima"):
    return make_event(doc, text, evidence, "AGREE", mode="sign_agreement", date=date,
                      countries=("PER", "KOR"), source=("PER", "KOR"), location=location,
                      amounts=[(value, "USD")] if value else [], project="lima-metro-line")


def test_one_event_two_values_beyond_rounding():
    t1 = "Peru and Korea signed the Lima metro deal worth $1.2 billion in Lima on 3 June 2021."
    t2 = "Peru and Korea signed the Lima metro deal worth $2 billion in Lima on 3 June 2021."
    out = find_conflicts([_sign("d1", t1, t1, "2021-06-03", 1.2e9), _sign("d2", t2, t2, "2021-06-03", 2e9)])
    assert "event_amount" in kinds(out)
    c = next(c for c in out if c["kind"] == "event_amount")
    assert {c["a"]["doc_id"], c["b"]["doc_id"]} == {"d1", "d2"}


def test_rounding_is_not_a_conflict():
    t1 = "Peru and Korea signed the Lima metro deal worth $1.2 billion in Lima on 3 June 2021."
    t2 = "Peru and Korea signed the Lima metro deal worth $1.21 billion in Lima on 3 June 2021."
    out = find_conflicts([_sign("d1", t1, t1, "2021-06-03", 1.2e9), _sign("d2", t2, t2, "2021-06-03", 1.21e9)])
    assert out == []


def test_one_event_two_dates():
    t1 = "Peru and Korea signed the Lima metro deal worth $1.2 billion in Lima in 2019."
    t2 = "Peru and Korea signed the Lima metro deal worth $1.2 billion in Lima in 2020."
    out = find_conflicts([_sign("d1", t1, t1, "2019", 1.2e9), _sign("d2", t2, t2, "2020", 1.2e9)])
    assert kinds(out) == ["event_date"]


def test_different_instruments_for_one_signing():
    t1 = "Peru and Korea signed a memorandum of understanding on the metro in Lima on 3 June 2021."
    t2 = "Peru and Korea signed an intergovernmental agreement on the metro in Lima on 3 June 2021."
    out = find_conflicts([_sign("d1", t1, t1, "2021-06-03"), _sign("d2", t2, t2, "2021-06-03")])
    assert kinds(out) == ["instrument"]


def test_person_with_two_offices_in_one_document():
    text = "Trade Minister Ana Ruiz spoke first. Later, Foreign Minister Ana Ruiz left."
    m1 = Mention("d1", text.index("Ana"), text.index("Ana") + 8, "Ana Ruiz", "PERSON", "Ana Ruiz",
                 role="Trade Minister")
    i2 = text.rindex("Ana")
    m2 = Mention("d1", i2, i2 + 8, "Ana Ruiz", "PERSON", "Ana Ruiz", role="Foreign Minister")
    out = find_conflicts([], [], [m1, m2], {"d1": {"published": "2020-01-01"}})
    assert kinds(out) == ["role"]
    # a past office is not a clash
    m3 = Mention("d1", i2, i2 + 8, "Ana Ruiz", "PERSON", "Ana Ruiz", role="former Foreign Minister")
    assert find_conflicts([], [], [m1, m3], {}) == []


def test_role_titles():
    assert roles_clash("Defence Minister", "Foreign Minister")
    assert not roles_clash("Minister", "Trade Minister")
    assert not roles_clash("Minister for Trade and Industry", "Trade Minister")
    assert not roles_clash("Army Chief", "General")
    assert not roles_clash("Norwegian Foreign Minister", "Norway's Foreign Minister")
    assert roles_clash("Norway's Defence Minister", "Norway's Foreign Minister")


def _fig(text, ev, indicator, value, unit, period, base=None):
    s = text.index(ev)
    return Figure("d1", s, s + len(ev), ev, indicator, value, unit, period=period,
                  base_period=base, countries=("PER", "KOR"))


def test_growth_rate_that_does_not_add_up():
    text = "Trade rose 20 per cent in a year. It was $100 million in 2018 and $150 million in 2019."
    figs = [_fig(text, "Trade rose 20 per cent", "bilateral_trade_growth", 20, "percent", "2019", "2018"),
            _fig(text, "$100 million in 2018", "bilateral_trade", 100e6, "USD", "2018"),
            _fig(text, "$150 million in 2019", "bilateral_trade", 150e6, "USD", "2019")]
    out = find_conflicts([], figs, [], {})
    assert kinds(out) == ["figure_growth"]
    ok = [_fig(text, "Trade rose 20 per cent", "bilateral_trade_growth", 50, "percent", "2019", "2018")] + figs[1:]
    assert find_conflicts([], ok, [], {}) == []


def test_two_values_for_one_period():
    text = "Trade reached $100 million in 2018. Another report put 2018 trade at $140 million."
    figs = [_fig(text, "$100 million in 2018", "bilateral_trade", 100e6, "USD", "2018"),
            _fig(text, "2018 trade at $140 million", "bilateral_trade", 140e6, "USD", "2018")]
    assert kinds(find_conflicts([], figs, [], {})) == ["figure_value"]


def test_status_contradiction_under_construction_vs_not_started():
    t1 = "Korean firms say the Lima metro line is under construction."
    t2 = "The Lima metro deal was signed in 2019. This project has not yet started, an official said."
    a = make_event("d1", t1, t1, "COOPERATE", mode="investment", status="ongoing",
                   countries=("PER", "KOR"), project="lima-metro-line")
    b0 = make_event("d2", t2, "The Lima metro deal was signed in 2019", "AGREE", mode="sign_agreement",
                    date="2019", countries=("PER", "KOR"), project="lima-metro-line")
    b = make_event("d2", t2, "This project has not yet started", "COOPERATE", mode="investment",
                   status="negated", countries=("PER", "KOR"))
    out = find_conflicts([a, b0, b], [], [], {"d1": {"published": "2020"}, "d2": {"published": "2020-05"}})
    assert kinds(out) == ["status"]


def test_supply_prohibited_vs_supply_expected():
    text = ("Sweden agreed to disallow the re-export of its engines to Chile. "
            "Chile expects to receive the first jets with the engines next year.")
    a = make_event("d1", text, "Sweden agreed to disallow the re-export of its engines to Chile", "AGREE",
                   countries=("SWE", "BRA"), source=("SWE",), target=("BRA",), project="jet-programme")
    b = make_event("d1", text, "Chile expects to receive the first jets with the engines", "COOPERATE",
                   mode="arms_transfer", status="planned", countries=("BRA", "CHL"), source=("BRA",),
                   target=("CHL",), project="jet-programme")
    assert kinds(find_conflicts([a, b])) == ["prohibition"]


def test_series_order_against_dates():
    text = ("The first ship was launched in March 2020 and the next ship was launched in June 2022. "
            "The third ship was launched in January 2021.")
    kw = dict(mode="military_cooperation", countries=("PER", "KOR"), source=("PER", "KOR"), project="frigates")
    es = [make_event("d1", text, "The first ship was launched in March 2020", "COOPERATE", date="2020-03", **kw),
          make_event("d1", text, "the next ship was launched in June 2022", "COOPERATE", date="2022-06", **kw),
          make_event("d1", text, "The third ship was launched in January 2021", "COOPERATE", date="2021-01", **kw)]
    out = [c for c in find_conflicts(es) if c["kind"] == "sequence"]
    assert len(out) == 1
    assert {out[0]["a"]["evidence"], out[0]["b"]["evidence"]} == {es[1].evidence, es[2].evidence}


def _contract(doc, partner, value):
    t = f"Peru and {partner} signed the Lima metro contract in March 2021."
    code = {"Korea": "KOR", "Japan": "JPN"}[partner]
    return make_event(doc, t, t, "AGREE", mode="sign_agreement", date="2021-03", countries=("PER", code),
                      amounts=[(value, "USD")], project="lima-metro-line")


def test_one_project_two_values():
    t = "Korean firms are investing $3 billion in the Lima metro line, begun in March 2021."
    b = make_event("d2", t, t, "COOPERATE", mode="investment", status="ongoing", date="2021-03",
                   countries=("PER", "KOR"), amounts=[(3e9, "USD")], project="lima-metro-line")
    assert kinds(find_conflicts([_contract("d1", "Korea", 1e9), b])) == ["project_value"]


def test_one_project_two_partners():
    assert kinds(find_conflicts([_contract("d1", "Korea", 1e9), _contract("d2", "Japan", 1e9)])) == ["project_partners"]


def test_prohibition_without_project_links_by_the_named_item():
    text = ("Sweden agreed to disallow the re-export of its RM-12 engines to Chile. "
            "Chile expects to receive the first jets with RM-12 engines next year. "
            "Chile also expects to receive wheat from Peru.")
    a = make_event("d1", text, "Sweden agreed to disallow the re-export of its RM-12 engines to Chile", "AGREE",
                   countries=("SWE", "BRA"), source=("SWE",), target=("BRA",))
    b = make_event("d1", text, "Chile expects to receive the first jets with RM-12 engines", "COOPERATE",
                   mode="arms_transfer", status="planned", countries=("BRA", "CHL"), source=("BRA",), target=("CHL",))
    c = make_event("d1", text, "Chile also expects to receive wheat from Peru", "COOPERATE",
                   mode="trade", status="planned", countries=("PER", "CHL"), source=("PER",), target=("CHL",))
    out = find_conflicts([a, b, c])
    assert kinds(out) == ["prohibition"]
    assert out[0]["b"]["evidence"] == b.evidence


def test_series_order_without_project():
    text = ("The first ship, BAP Alfa, was launched in March 2020 and BAP Beta was launched in June 2022. "
            "The third ship, BAP Gamma, was launched in January 2021.")
    kw = dict(mode="military_cooperation", countries=("PER", "KOR"), source=("PER", "KOR"))
    es = [make_event("d1", text, "BAP Alfa, was launched in March 2020", "COOPERATE", date="2020-03", **kw),
          make_event("d1", text, "BAP Beta was launched in June 2022", "COOPERATE", date="2022-06", **kw),
          make_event("d1", text, "The third ship, BAP Gamma, was launched in January 2021", "COOPERATE",
                     date="2021-01", **kw)]
    out = [c for c in find_conflicts(es) if c["kind"] == "sequence"]
    assert len(out) == 1 and {out[0]["a"]["evidence"], out[0]["b"]["evidence"]} == {es[1].evidence, es[2].evidence}


def test_numbered_items_of_different_series_are_not_a_sequence():
    text = ("Peruvian and Korean officials held a first round of talks on fisheries in Lima in May 2021. "
            "Peruvian and Korean officials held a fifth round of talks on mining in Seoul in March 2019.")
    kw = dict(mode="negotiate", countries=("PER", "KOR"), source=("PER", "KOR"), status="occurred")
    es = [make_event("d1", text, "held a first round of talks on fisheries in Lima in May 2021", "CONSULT",
                     date="2021-05", **kw),
          make_event("d1", text, "held a fifth round of talks on mining in Seoul in March 2019", "CONSULT",
                     date="2019-03", **kw)]
    assert not [c for c in find_conflicts(es) if c["kind"] == "sequence"]


def test_annual_drills_in_two_years_are_not_a_date_conflict():
    t1 = "Peru and Korea held their joint naval drills off Callao in 2019."
    t2 = "Peru and Korea held their joint naval drills off Callao in 2020."
    kw = dict(mode="military_exercise", countries=("PER", "KOR"), source=("PER", "KOR"), location="Callao")
    a = make_event("d1", t1, t1, "COOPERATE", date="2019", **kw)
    b = make_event("d2", t2, t2, "COOPERATE", date="2020", **kw)
    assert find_conflicts([a, b]) == []


def test_project_from_mentions_and_anaphora():
    from tieline.fuse.conflicts import project_of
    text = ("Korea is building the Andes Gas Line for Peru. Officials said this project "
            "has not yet started because of a lawsuit.")
    a = make_event("d1", text, "Korea is building the Andes Gas Line for Peru", "COOPERATE",
                   mode="investment", status="ongoing", countries=("PER", "KOR"))
    b = make_event("d1", text, "this project has not yet started", "COOPERATE", mode="investment",
                   status="negated", countries=("PER", "KOR"))
    i = text.index("Andes")
    m = Mention("d1", i, i + len("Andes Gas Line"), "Andes Gas Line", "PROJECT", "Andes Gas Line")
    assert project_of([a, b]) == [None, None]
    assert project_of([a, b], [m]) == ["andes-gas-line", "andes-gas-line"]
