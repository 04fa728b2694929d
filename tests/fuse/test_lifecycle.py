from tieline.fuse.lifecycle import find_renames, project_lifecycles

from .conftest import make_event


def test_rename_from_text_becomes_alias_and_stage():
    t1 = "In 2015 Peru and Korea signed a $2 billion deal for the Andes Gas Line."
    t2 = "The Andes Gas Line, renamed Pacific Stream, was re-signed in 2021 for $2.5 billion."
    a = make_event("d1", t1, t1, "AGREE", mode="sign_agreement", date="2015", countries=("PER", "KOR"),
                   amounts=[(2e9, "USD")], project="andes-gas-line")
    b = make_event("d2", t2, t2, "AGREE", mode="sign_agreement", date="2021", countries=("PER", "KOR"),
                   amounts=[(2.5e9, "USD")], project="andes-gas-line")
    (lc,) = project_lifecycles([a, b])
    assert lc["project"] == "andes-gas-line"
    assert {"Andes Gas Line", "Pacific Stream"} <= set(lc["aliases"])
    stages = [s["stage"] for s in lc["stages"]]
    assert stages[0] == "agreed" and "re-signed" in stages and "renamed" in stages
    assert [v["value"] for v in lc["values"]] == [2e9, 2.5e9]
    assert lc["value_changed"]


def test_formerly_pattern():
    assert find_renames("the Pacific Stream (formerly the Andes Gas Line) will run 900 km") == [
        ("Andes Gas Line", "Pacific Stream")]


def test_events_filed_under_the_old_name_join_the_new_one():
    t1 = "Peru proposed the Andes Gas Line in 2012."
    t2 = "The Andes Gas Line, renamed Pacific Stream, stalled in 2019."
    a = make_event("d1", t1, t1, "AGREE", status="proposed", date="2012", countries=("PER", "KOR"),
                   project="andes-gas-line")
    b = make_event("d2", t2, t2, "COOPERATE", mode="investment", date="2019", countries=("PER", "KOR"),
                   project="pacific-stream")
    out = {lc["project"]: lc for lc in project_lifecycles([a, b])}
    stages = [s["stage"] for s in out["pacific-stream"]["stages"]]
    assert stages[0] == "proposed" and "stalled" in stages


def test_stage_cues_are_whole_words():
    t = "Korean engineers installed the first turbines of the Andes Gas Line."
    e = make_event("d1", t, t, "COOPERATE", mode="investment", date="2020", countries=("PER", "KOR"),
                   project="andes-gas-line")
    (lc,) = project_lifecycles([e])
    assert [s["stage"] for s in lc["stages"]] == ["under_way"]


def test_two_names_for_one_signing_become_aliases():
    from tieline.fuse.cluster import cluster_events
    t0 = "Peru and Korea agreed in 2015 to build the Andes Gas Line."
    t1 = "Peru and Korea signed the $2.5 billion Andes Gas Line pact in Lima on 15 July 2021."
    t2 = "Peru and Korea signed the $2.5 billion Pacific Stream pact in Lima on 15 July 2021."
    kw = dict(mode="sign_agreement", countries=("PER", "KOR"), source=("PER", "KOR"))
    early = make_event("d0", t0, t0, "AGREE", date="2015", project="andes-gas-line", countries=("PER", "KOR"))
    a = make_event("d1", t1, t1, "AGREE", date="2021-07-15", location="Lima", amounts=[(2.5e9, "USD")],
                   project="andes-gas-line", **kw)
    b = make_event("d2", t2, t2, "AGREE", date="2021-07-15", location="Lima", amounts=[(2.5e9, "USD")],
                   project="pacific-stream", **kw)
    events = [early, a, b]
    clusters = cluster_events(events)
    assert [c.members for c in clusters] == [(1, 2)]
    out = {lc["project"]: lc for lc in project_lifecycles(events, (), clusters)}
    (r,) = out["andes-gas-line"]["renames"]
    assert (r["old"], r["new"], r["how"]) == ("andes-gas-line", "pacific-stream", "same event")
    # without the clusters nothing links the two names
    assert all(not lc["renames"] for lc in project_lifecycles(events))
