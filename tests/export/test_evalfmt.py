import json

from tieline.export.evalfmt import export_eval
from tieline.store import db


def test_eval_export_has_the_gold_shape(sample_kb):
    data = export_eval(db.connect(sample_kb, readonly=True))
    assert set(data) == {"documents", "corpus"}
    assert set(data["corpus"]) >= {"entities", "clusters", "conflicts"}
    names = [d["doc"] for d in data["documents"]]
    assert names == sorted(names) and len(names) >= 6
    for d in data["documents"]:
        assert set(d) >= {"doc", "meta", "body_text", "events", "quotes", "figures"}
        assert set(d["meta"]) >= {"title", "author", "published"}
        for e in d["events"]:
            assert e["evidence"]
            if "span" in e:  # only where the raw text is the file's own text
                s, t = e["span"]
                assert 0 <= s < t
    json.dumps(data)  # serialisable


def test_eval_export_is_deterministic(sample_kb, samples_dir, tmp_path):
    from tieline.engine.build import build

    other = tmp_path / "again.sqlite"
    build([str(samples_dir)], other)
    a = export_eval(db.connect(sample_kb, readonly=True))
    b = export_eval(db.connect(other, readonly=True))
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
