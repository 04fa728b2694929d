"""The SVG charts as pure functions of the read API's values (invented numbers)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tieline.web import charts

NS = "{http://www.w3.org/2000/svg}"


def parse(svg) -> ET.Element:
    root = ET.fromstring(str(svg))
    assert root.tag == NS + "svg" and root.get("role") == "img"
    labelled = root.get("aria-labelledby").split()
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    assert set(labelled) <= ids
    assert "style" not in str(svg)  # presentation attributes only: CSP style-src 'self'
    return root


def trend_row(period, coop=0.0, conflict=0.0, n=1, n_int=0, int_score=0.0):
    return {"period": period, "n": n, "score": coop + conflict, "cooperation": coop, "conflict": conflict,
            "n_intended": n_int, "intended_score": int_score, "mean": None}


@pytest.mark.parametrize("period,pos", [("2015", 2015.5), ("2015-Q1", 2015.125), ("2015-07", 2015 + 6.5 / 12),
                                        ("FY2019", 2019.5), ("2022-23", 2023.0), ("around 1999", 1999.5),
                                        (None, None), ("", None), ("soon", None)])
def test_period_pos(period, pos):
    got = charts.period_pos(period)
    assert got == pytest.approx(pos) if pos is not None else got is None


def test_fill_periods_keeps_gaps():
    assert charts.fill_periods(["2014", "2017"], "year") == ["2014", "2015", "2016", "2017"]
    assert charts.fill_periods(["2014-Q4", "2015-Q2"], "quarter") == ["2014-Q4", "2015-Q1", "2015-Q2"]
    assert charts.fill_periods(["2014-11", "2015-01"], "month") == ["2014-11", "2014-12", "2015-01"]
    assert charts.fill_periods(["1000", "2000"], "year", cap=50) == ["1000", "2000"]


def test_nice_ticks_cover_range():
    for lo, hi in ((0, 37), (-7, 18), (0, 9.2e8), (-3, 0)):
        t = charts.nice_ticks(lo, hi)
        assert t[0] <= lo and t[-1] >= hi and t == sorted(t)
        steps = {round(b - a, 6) for a, b in zip(t, t[1:])}
        assert len(steps) == 1


@pytest.mark.parametrize("v,unit,text", [(5.4e8, "USD", "$540m"), (2.15e9, "USD", "$2.15bn"),
                                         (1.2e12, "EUR", "€1.2tn"), (900, "USD", "$900"), (3e6, "XYZ", "3m XYZ"),
                                         (None, "USD", "–")])
def test_fmt_money(v, unit, text):
    assert charts.fmt_money(v, unit) == text


def test_fmt_amount_units():
    assert charts.fmt_amount({"value": 1100, "unit": "km"}) == "1,100 km"
    assert charts.fmt_amount({"value": 12.4, "unit": "bcm_per_year"}) == "12.4 bcm/year"
    assert charts.fmt_amount({"value": 33, "unit": "percent", "qualifier": "about"}) == "about 33%"
    assert charts.fmt_amount({"value": 2.5e9, "unit": "USD", "qualifier": "up_to"}) == "up to $2.5bn"


def test_trend_chart_bars_up_down_and_intended():
    rows = [trend_row("2014", coop=10), trend_row("2016", coop=4, conflict=-6, n=3, n_int=1, int_score=5),
            trend_row(None, coop=3, n=2)]
    root = parse(charts.trend_chart(rows, "year", label="AAA-BBB"))
    bars = root.findall(f".//{NS}g[@class='bar']")
    assert len(bars) == 2  # 2015 is an empty slot, the undated row is not drawn
    labels = [t.text for t in root.iter(NS + "text")]
    assert {"2014", "2015", "2016"} <= set(labels)
    tip_2016 = bars[1].find(NS + "title").text
    assert "2016" in tip_2016 and "-6" in tip_2016 and "1 planned or proposed" in tip_2016
    dashed = [r for r in bars[1].iter(NS + "rect") if r.get("stroke-dasharray")]
    assert len(dashed) == 1 and dashed[0].get("fill") == "none"
    reds = [r for r in bars[1].iter(NS + "rect") if r.get("fill") == charts.CONFLICT]
    greens = [r for r in bars[1].iter(NS + "rect") if r.get("fill") == charts.COOP]
    assert len(reds) == 1 and len(greens) == 1
    # the conflict bar hangs below the cooperation bar's base
    assert float(reds[0].get("y")) >= float(greens[0].get("y")) + float(greens[0].get("height")) - 0.2
    assert "2 events without a precise enough date" in root.find(NS + "desc").text


def test_trend_chart_empty():
    root = parse(charts.trend_chart([trend_row(None)], "year"))
    assert "No dated events" in "".join(root.itertext())


def test_trade_chart_points_and_disagreement():
    rows = [{"period": "2013", "unit": "USD", "value": 5.4e8, "agree": True, "reports": [{}]},
            {"period": "2020", "unit": "USD", "value": 7.9e8, "agree": False, "reports": [{}, {}]},
            {"period": "2021", "unit": "EUR", "value": 1e9, "agree": True, "reports": [{}]}]
    root = parse(charts.trade_chart(rows))
    points = root.findall(f".//{NS}g[@class='point']")
    assert len(points) == 2  # EUR is not mixed into the USD line
    assert points[1].find(NS + "circle").get("fill") == "#fff"  # hollow: reports disagree
    assert "reports disagree" in points[1].find(NS + "title").text
    assert "EUR" in root.find(NS + "desc").text
    xs = [float(p.find(NS + "circle").get("cx")) for p in points]
    assert xs[0] < xs[1]


def _ev(i, date, status, weight=1.0):
    return {"id": f"d#e{i}", "date": date, "status": status, "weight": weight, "type": "AGREE", "evidence": f"ev {i}",
            "doc": "d"}


def test_timeline_strip_markers_and_links():
    events = [_ev(1, "2015-03-02", "occurred"), _ev(2, "2016", "planned"), _ev(3, "2017-05", "negated", -2),
              _ev(4, None, "occurred")]
    svg = charts.timeline_strip(events, link=lambda e: "/events/" + e["id"].replace("#", "%23"))
    root = parse(svg)
    marks = root.findall(f".//{NS}a[@class='mark']")
    assert len(marks) == 3
    assert marks[0].get("href") == "/events/d%23e1"
    text = "".join(root.itertext())
    assert "happened" in text and "planned / proposed" in text and "negated" in text
    assert "1 undated event not placed" in text
    hollow = [c for c in root.iter(NS + "circle") if c.get("fill") == "#fff"]
    assert len(hollow) == 1


def test_timeline_strip_aggregates_many_events():
    events = [_ev(i, f"{2000 + i % 10}-0{1 + i % 9}", "occurred" if i % 3 else "proposed") for i in range(1000)]
    svg = charts.timeline_strip(events, bin_link=lambda a, b: f"/timeline?date_from={a}&date_to={b}")
    root = parse(svg)
    marks = root.findall(f".//{NS}a[@class='mark']")
    assert len(marks) == 20  # 10 years x 2 lanes
    assert all(re.search(r"date_from=\d{4}&date_to=\d{4}", m.get("href")) for m in marks)
    assert len(str(svg)) < 20000
    radii = sorted(float(c.get("r")) for c in root.iter(NS + "circle"))
    assert radii[0] < radii[-1]


def test_chart_text_is_escaped():
    events = [_ev(1, "2015", "occurred") | {"evidence": "<script>alert(1)</script> & co", "doc": '"><b>'}]
    svg = str(charts.timeline_strip(events, label="<i>x</i>"))
    assert "<script>" not in svg and "<b>" not in svg and "<i>" not in svg
    parse(svg)  # still well-formed XML
