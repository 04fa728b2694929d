from tieline.fuse.cluster import cluster_events
from tieline.fuse.index import trade_series, trend, weight
from tieline.fuse.timeline import build_timeline
from tieline.model import Figure

from .conftest import make_event

T = "Peru and Korea signed a port agreement in Callao on 2 May 2020."


def _events():
    a = make_event("d1", T, T, "AGREE", mode="sign_agreement", date="2020-05-02", countries=("PER", "KOR"),
                   source=("PER", "KOR"), location="Callao")
    b = make_event("d2", T, T, "AGREE", mode="sign_agreement", date="2020-05", countries=("PER", "KOR"),
                   source=("PER", "KOR"), location="Callao")
    t3 = "Korea accused Peru of dumping steel in 2021."
    c = make_event("d3", t3, t3, "ACCUSE", mode="accusation", date="2021", countries=("PER", "KOR"),
                   source=("KOR",), target=("PER",))
    t4 = "Peru will host Korean naval drills in 2022."
    d = make_event("d3", t4, t4, "COOPERATE", mode="military_exercise", status="planned", date="2022",
                   countries=("PER", "KOR"))
    t5 = "Peru and Chile signed a deal in 2020."
    e = make_event("d4", t5, t5, "AGREE", mode="sign_agreement", date="2020", countries=("PER", "CHL"))
    return [a, b, c, d, e]


def test_timeline_one_row_per_real_event_with_flags():
    es = _events()
    cl = cluster_events(es)
    rows = build_timeline(es, cl, pair=("KOR", "PER"))
    assert [r["date"] for r in rows] == ["2020-05-02", "2021", "2022"]
    assert rows[0]["n_docs"] == 2
    assert [r["intended"] for r in rows] == [False, False, True]


def test_trend_counts_each_event_once_and_excludes_intentions():
    es = _events()
    cl = cluster_events(es)
    rows = {r["period"]: r for r in trend(es, cl, "year", pair=("PER", "KOR"))}
    assert rows["2020"]["n"] == 1 and rows["2020"]["score"] == weight(es[0]) > 0
    assert rows["2021"]["score"] < 0
    assert rows["2022"]["n"] == 0 and rows["2022"]["n_intended"] == 1
    quarters = {r["period"]: r for r in trend(es, cl, "quarter", pair=("PER", "KOR"))}
    assert quarters["2020-Q2"]["n"] == 1
    assert quarters[None]["n"] == 1          # the year-only accusation cannot be placed


def test_trade_series():
    figs = [Figure("d1", 0, 5, "x", "bilateral_trade", 100e6, "USD", period="2019", countries=("PER", "KOR")),
            Figure("d2", 0, 5, "y", "bilateral_trade", 101e6, "USD", period="2019", countries=("KOR", "PER")),
            Figure("d2", 9, 15, "z", "bilateral_trade", 150e6, "USD", period="2020", countries=("KOR", "PER"))]
    s = trade_series(figs, ("PER", "KOR"))
    assert [r["period"] for r in s] == ["2019", "2020"]
    assert s[0]["agree"] and len(s[0]["reports"]) == 2
