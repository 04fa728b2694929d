"""Fusion results land in the store and the eval export."""
import sqlite3

from tieline.export.evalfmt import export_eval
from tieline.fuse.neardup import near_duplicates, simhash
from tieline.store import db


def test_fusion_tables_are_filled_on_the_samples(sample_kb):
    with sqlite3.connect(sample_kb) as c:
        n_entities = c.execute("SELECT COUNT(*) FROM entities").fetchone()[0]
        n_clusters = c.execute("SELECT COUNT(DISTINCT cluster_id) FROM clusters").fetchone()[0]
        sizes = [r[0] for r in c.execute("SELECT COUNT(*) FROM clusters GROUP BY cluster_id")]
        info = c.execute("SELECT COUNT(*) FROM cluster_info").fetchone()[0]
    assert n_entities > 5
    assert n_clusters >= 1 and min(sizes) >= 2 and info == n_clusters
    corpus = export_eval(db.connect(sample_kb, readonly=True))["corpus"]
    ids = {e["id"] for d in export_eval(db.connect(sample_kb, readonly=True))["documents"] for e in d["events"]}
    assert all(set(c) <= ids for c in corpus["clusters"])


ARTICLE = " ".join(f"word{i} and the minister of state said that talks on item {i} went well" for i in range(30))


def test_near_duplicates_are_flagged_by_earliest_publication():
    a = simhash(ARTICLE)
    b = simhash(ARTICLE.replace("word3 ", "word3x "))   # syndicated copy with a small edit
    c = simhash(" ".join(f"other{i} text about a different topic entirely number {i}" for i in range(40)))
    assert a and b and c
    dup = near_duplicates([("d1", a, "2021-05-02"), ("d2", b, "2021-05-01"), ("d3", c, None)])
    assert dup == {"d1": "d2"}


def test_short_texts_are_never_called_duplicates():
    assert simhash("too short to fingerprint safely") is None
