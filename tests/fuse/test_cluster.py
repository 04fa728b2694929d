from tieline.fuse.cluster import best_date, cluster_events, editions
from tieline.fuse.common import date_relation

from .conftest import make_event

T1 = "Norway and Chile signed a fisheries agreement worth $300 million in Oslo on 4 May 2019."
T2 = "In 2019 Chile and Norway signed a $300 million fisheries agreement in Oslo, officials said."
T3 = "Norway and Chile held their annual naval drills off Valparaiso in 2016."
T4 = "Norway and Chile held their annual naval drills off Valparaiso in 2017."
T5 = "The two navies have held joint drills. The drills were held off Valparaiso again."


def _sign(doc, text, ev, date):
    return make_event(doc, text, ev, "AGREE", mode="sign_agreement", date=date,
                      countries=("NOR", "CHL"), source=("NOR", "CHL"),
                      amounts=[(300e6, "USD")], location="Oslo")


def test_same_event_at_two_date_precisions_clusters():
    a = _sign("d1", T1, T1, "2019-05-04")
    b = _sign("d2", T2, T2, "2019")
    cl = cluster_events([a, b], {"d1": {"site": "a.example"}, "d2": {"site": "b.example"}})
    assert len(cl) == 1
    c = cl[0]
    assert c.members == (0, 1)
    assert c.canonical.date == "2019-05-04"          # finest compatible precision
    assert c.n_docs == 2 and c.n_sources == 2


def test_same_type_and_actors_but_different_years_stay_apart():
    a = make_event("d1", T3, T3, "COOPERATE", mode="military_exercise", date="2016",
                   countries=("NOR", "CHL"), source=("NOR", "CHL"), location="Valparaiso")
    b = make_event("d2", T4, T4, "COOPERATE", mode="military_exercise", date="2017",
                   countries=("NOR", "CHL"), source=("NOR", "CHL"), location="Valparaiso")
    assert cluster_events([a, b]) == []


def test_undated_mention_does_not_chain_two_editions():
    a = make_event("d1", T3, T3, "COOPERATE", mode="military_exercise", date="2016",
                   countries=("NOR", "CHL"), source=("NOR", "CHL"), location="Valparaiso")
    b = make_event("d2", T4, T4, "COOPERATE", mode="military_exercise", date="2017",
                   countries=("NOR", "CHL"), source=("NOR", "CHL"), location="Valparaiso")
    c = make_event("d3", T3, "Norway and Chile held their annual naval drills off Valparaiso",
                   "COOPERATE", mode="military_exercise", countries=("NOR", "CHL"),
                   source=("NOR", "CHL"), location="Valparaiso")
    for cl in cluster_events([a, b, c]):
        assert not {0, 1} <= set(cl.members)


def test_opposite_visits_stay_apart():
    t = "The Chilean minister visited Oslo in March 2020. The Norwegian minister visited Santiago in March 2020."
    a = make_event("d1", t, "The Chilean minister visited Oslo in March 2020", "CONSULT", mode="visit",
                   date="2020-03", countries=("CHL", "NOR"), source=("CHL",), target=("NOR",))
    b = make_event("d1", t, "The Norwegian minister visited Santiago in March 2020", "CONSULT", mode="visit",
                   date="2020-03", countries=("CHL", "NOR"), source=("NOR",), target=("CHL",))
    assert cluster_events([a, b]) == []


def test_same_act_twice_in_one_document_clusters():
    t = ("Norway and Chile signed a fisheries agreement in Oslo on 4 May 2019. "
         "The agreement was signed by the two fisheries ministers in Oslo on 4 May 2019.")
    a = make_event("d1", t, "Norway and Chile signed a fisheries agreement in Oslo on 4 May 2019", "AGREE",
                   mode="sign_agreement", date="2019-05-04", countries=("NOR", "CHL"), source=("NOR", "CHL"),
                   location="Oslo")
    b = make_event("d1", t, "The agreement was signed by the two fisheries ministers in Oslo on 4 May 2019",
                   "AGREE", mode="sign_agreement", date="2019-05-04", countries=("NOR", "CHL"),
                   source=("NOR", "CHL"), location="Oslo")
    assert [c.members for c in cluster_events([a, b])] == [(0, 1)]


def test_two_events_in_one_clause_are_not_merged():
    t = "Talks were held on March 18 and April 30."
    a = make_event("d1", t, t, "CONSULT", mode="meet", countries=("NOR", "CHL"))
    b = make_event("d1", t, t, "CONSULT", mode="meet", countries=("NOR", "CHL"))
    assert cluster_events([a, b]) == []


def test_editions_read_from_text():
    assert editions("the 5th session of the joint commission") == {5}
    assert editions("the third round of talks") == {3}
    assert editions("on the third day of the meeting") == frozenset()


def test_date_relation_and_best_date():
    assert date_relation("2021", "2021-07-15") == "compatible"
    assert date_relation("2016", "2017") == "incompatible"
    assert date_relation(None, "2017") == "unknown"
    assert date_relation("2017-11-29", "2017-12-01") == "near"
    assert best_date(["2021", "2021-07-15", None]) == "2021-07-15"
    assert best_date(["2021-07-15", "2021-07-15", "2021-08-01"]) == "2021-07-15"


def test_series_summary_is_not_one_of_its_meetings():
    t = ("The last joint commission meeting was held in Lima on 3 May. "
         "Two earlier commission meetings were held in Seoul and Busan.")
    a = make_event("d1", t, "The last joint commission meeting was held in Lima on 3 May", "CONSULT",
                   mode="meet", countries=("PER", "KOR"), source=("PER", "KOR"))
    b = make_event("d1", t, "Two earlier commission meetings were held in Seoul and Busan", "CONSULT",
                   mode="meet", countries=("PER", "KOR"), source=("PER", "KOR"))
    assert cluster_events([a, b]) == []


def test_held_and_planned_session_in_one_article_stay_apart():
    t = ("The commission met in Lima in May 2021 and the meeting approved a trade protocol. "
         "The commission will meet again in Seoul in May 2021, officials said.")
    a = make_event("d1", t, "The commission met in Lima in May 2021", "CONSULT", mode="meet", date="2021-05",
                   countries=("PER", "KOR"), source=("PER", "KOR"))
    b = make_event("d1", t, "The commission will meet again in Seoul in May 2021", "CONSULT", mode="meet",
                   status="planned", date="2021-05", countries=("PER", "KOR"), source=("PER", "KOR"))
    assert cluster_events([a, b]) == []
    # across reports, a planned meeting and the meeting held can be one act
    c = make_event("d2", t, "The commission will meet again in Seoul in May 2021", "CONSULT", mode="meet",
                   status="planned", date="2021-05", countries=("PER", "KOR"), source=("PER", "KOR"))
    from tieline.fuse.cluster import _features, vetoed
    assert not vetoed(a, c, _features(a), _features(c))


def test_undated_reports_meet_in_a_large_block():
    filler = []
    for n in range(80):
        # undated too, and filed between the two reports in document order
        t = f"Peru and Korea held routine talks on subject{n}."
        filler.append(make_event(f"f{n:03d}", t, t, "CONSULT", mode="meet",
                                 countries=("PER", "KOR"), source=("PER", "KOR")))
    t = "Peru and Korea agreed a desalination venture for the Atacama coast, officials said."
    a = make_event("a000", t, t, "CONSULT", mode="meet", countries=("PER", "KOR"), source=("PER", "KOR"))
    b = make_event("zzz9", t, t, "CONSULT", mode="meet", countries=("PER", "KOR"), source=("PER", "KOR"))
    events = [a] + filler + [b]
    clusters = cluster_events(events)
    assert any({0, len(events) - 1} <= set(c.members) for c in clusters)
