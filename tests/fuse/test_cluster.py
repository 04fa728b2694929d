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


# ------------------------------------------------------------------ coreference in one article

from tieline.fuse.cluster import (  # noqa: E402
    _features, anaphoric, pair_score, parties_agree, same_people, score_parts, veto_reason,
)


def test_anaphora_needs_a_fitting_type_and_no_setting_or_instance_word():
    # attending a meeting is a visit to it, not the meeting
    assert not anaphoric("A large delegation is attending the meeting", "CONSULT")
    assert anaphoric("Officials later signed the landmark MoU in Lima", "AGREE")
    assert anaphoric('the "historic" bilateral fisheries deal', "AGREE")
    assert anaphoric("This upcoming visit will focus on fisheries", "CONSULT")
    # the deal is the setting of a trade, not the trade itself
    assert not anaphoric("Lima would buy only Korean steel under the deal", "COOPERATE")
    assert not anaphoric("The agreement was signed", "CONSULT")
    # a preposition makes the meeting the setting of another act
    assert not anaphoric("Expert sessions were held on the first day of the meeting", "CONSULT")
    # ordinals and 'last such' pick one act out of a series: they introduce, not refer
    assert not anaphoric("They held the first meeting of the working group", "CONSULT")
    assert not anaphoric("The last such meeting was held in Seoul", "CONSULT")


T6 = ("Last year Peru signed a defence deal with Korea for six patrol boats. "
      "Recently the two governments reached an intergovernmental agreement on a gas pipeline study. "
      "A memorandum of understanding was already inked in Seoul. "
      "The Peruvian energy secretary and the Korean deputy minister signed the landmark MoU.")


def _agree(doc, text, ev, sector, **kw):
    kw.setdefault("countries", ("PER", "KOR"))
    kw.setdefault("source", ("PER", "KOR"))
    return make_event(doc, text, ev, "AGREE", mode="sign_agreement", sector=sector, **kw)


def test_one_signing_told_three_times_in_one_article_is_one_cluster():
    a = _agree("d1", T6, "Peru signed a defence deal with Korea for six patrol boats", "defense")
    b = _agree("d1", T6, "the two governments reached an intergovernmental agreement on a gas pipeline study",
               "energy")
    c = _agree("d1", T6, "A memorandum of understanding was already inked in Seoul", "diplomacy",
               location="Seoul")
    d = _agree("d1", T6, "The Peruvian energy secretary and the Korean deputy minister signed the landmark MoU",
               "energy")
    clusters = cluster_events([a, b, c, d])
    assert [cl.members for cl in clusters] == [(1, 2, 3)]     # the defence deal stays apart


def test_a_similar_dated_report_does_not_join_an_articles_chain():
    # another outlet: a company MoU signed in Seoul in July 2019, worded like the middle mention
    t = "In July 2019 a Peruvian firm and a Korean firm signed a memorandum of understanding in Seoul."
    a = _agree("d1", T6, "the two governments reached an intergovernmental agreement on a gas pipeline study",
               "energy")
    b = _agree("d1", T6, "A memorandum of understanding was already inked in Seoul", "diplomacy",
               location="Seoul")
    c = _agree("d1", T6, "The Peruvian energy secretary and the Korean deputy minister signed the landmark MoU",
               "energy")
    x = _agree("d2", t, t, "energy", date="2019-07", location="Seoul")
    clusters = cluster_events([a, b, c, x])
    assert [cl.members for cl in clusters] == [(0, 1, 2)]


def test_score_parts_explain_pair_score():
    a = _sign("d1", T1, T1, "2019-05-04")
    b = _sign("d2", T2, T2, "2019")
    parts = score_parts(a, b)
    assert abs(sum(v for _, v in parts) - pair_score(a, b)) < 1e-9
    assert ("same place", 1.0) in parts


def test_a_report_naming_fewer_parties_is_not_vetoed():
    t = ("Peru, Korea, Chile and Norway will meet in Lima. Korea and Chile said they are willing to attend "
         "the talks in Lima.")
    a = make_event("d1", t, "Peru, Korea, Chile and Norway will meet in Lima", "CONSULT", mode="meet",
                   status="planned", countries=("PER", "KOR", "CHL", "NOR"), source=("PER", "KOR", "CHL", "NOR"))
    b = make_event("d1", t, "Korea and Chile said they are willing to attend the talks in Lima", "CONSULT",
                   mode="meet", status="proposed", countries=("KOR", "CHL"), source=("KOR", "CHL"))
    assert parties_agree(a, b, _features(a), _features(b))
    # one state alone inside a larger list proves nothing
    c = make_event("d2", t, "Korea and Chile said", "CONSULT", mode="meet", countries=("KOR",))
    assert not parties_agree(a, c, _features(a), _features(c))


def test_same_person_on_the_same_day_overrides_a_host_coded_as_party():
    t1 = "President Ana Ruiz of Peru met Korea's President Min-jun Park in Busan on 3 May 2021."
    t2 = "President Park and Ana Ruiz met today in Busan."
    a = make_event("d1", t1, t1, "CONSULT", mode="meet", date="2021-05-03", countries=("PER", "KOR"),
                   source=("PER", "KOR"))
    b = make_event("d2", t2, t2, "CONSULT", mode="meet", date="2021-05-03", countries=("KOR", "CHL"),
                   source=("KOR", "CHL"))
    fa, fb = _features(a, frozenset({"ana ruiz", "min-jun park"})), _features(b, frozenset({"maria ana ruiz"}))
    assert veto_reason(a, b, fa, fb) is None
    # without a shared person it stays two meetings (a summit has many that day)
    assert veto_reason(a, b, _features(a, frozenset({"ana ruiz"})), _features(b, frozenset({"juan soto"}))) == "parties"
    assert same_people(frozenset({"ana ruiz"}), frozenset({"maria ana ruiz"}))
    assert not same_people(frozenset({"ana ruiz"}), frozenset({"pedro ruiz"}))


def test_two_days_in_one_article_are_two_acts():
    t = "The sides will hold technical talks on Thursday. The pipeline talks will take place on Friday."
    a = make_event("d1", t, "The sides will hold technical talks on Thursday", "CONSULT", mode="negotiate",
                   status="planned", date="2021-05-06", countries=("PER", "KOR"), source=("PER", "KOR"))
    b = make_event("d1", t, "The pipeline talks will take place on Friday", "CONSULT", mode="negotiate",
                   status="planned", date="2021-05-07", countries=("PER", "KOR"), source=("PER", "KOR"))
    assert veto_reason(a, b, _features(a), _features(b)) == "date"
    c = replace_doc(b, "d2")
    assert veto_reason(a, c, _features(a), _features(c)) is None       # other reports may differ by a day


def replace_doc(e, doc):
    from dataclasses import replace
    return replace(e, doc_id=doc)


def test_soviet_era_signing_does_not_join_a_recent_one():
    t = ("Russia and Chile finalised a framework agreement for the dam. The agreement for the dam was inked "
         "by the then Soviet leader and the Chilean president in 1972.")
    a = _agree("d1", t, "Russia and Chile finalised a framework agreement for the dam", "energy",
               countries=("RUS", "CHL"), source=("RUS", "CHL"))
    b = _agree("d1", t, "The agreement for the dam was inked by the then Soviet leader and the Chilean president "
               "in 1972", "energy", date="1972", countries=("SUN", "CHL"), source=("SUN", "CHL"))
    assert veto_reason(a, b, _features(a), _features(b)) == "era"
    assert cluster_events([a, b]) == []


def test_also_marks_another_act_not_a_reference():
    t = ("Peru and Korea held trilateral talks with Chile in Lima. "
         "The participants also met Norway's deputy foreign minister.")
    a = make_event("d1", t, "Peru and Korea held trilateral talks with Chile in Lima", "CONSULT", mode="meet",
                   countries=("PER", "KOR", "CHL"), source=("PER", "KOR", "CHL"))
    b = make_event("d1", t, "The participants also met Norway's deputy foreign minister", "CONSULT", mode="meet",
                   countries=("PER", "KOR", "CHL"), source=("PER", "KOR", "CHL"))
    assert cluster_events([a, b]) == []
    assert veto_reason(a, b, _features(a), _features(b)) == "additive"


def test_a_venue_inside_a_known_city_is_no_other_place():
    t = "They signed the treaty in Oslo. The treaty was signed in the Nansen Hall."
    a = _agree("d1", t, "They signed the treaty in Oslo", "energy", location="Oslo")
    b = _agree("d1", t, "The treaty was signed in the Nansen Hall", "energy", location="Nansen Hall")
    assert veto_reason(a, b, _features(a), _features(b)) is None
    c = _agree("d1", t, "The treaty was signed in the Nansen Hall", "energy", location="Stockholm")
    assert veto_reason(a, c, _features(a), _features(c)) == "place"


def test_a_trade_told_with_and_without_its_direction_is_one_trade():
    t1 = "Peru bought its first cargo of discounted Korean diesel in 2023."
    t2 = "The first cargo of discounted Korean diesel bought by Peru docked in Callao on 11 June 2023."
    a = make_event("d1", t1, t1, "COOPERATE", mode="trade", sector="economy", date="2023",
                   countries=("PER", "KOR"), source=("KOR",), target=("PER",))
    b = make_event("d2", t2, t2, "COOPERATE", mode="trade", sector="energy", date="2023-06-11",
                   countries=("PER", "KOR"), source=("PER", "KOR"))
    assert [c.members for c in cluster_events([a, b])] == [(0, 1)]
