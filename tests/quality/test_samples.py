"""Quality on the project's own bundled samples (no ../shared needed).

`tests/fixtures/samples_expected.json` is a hand annotation of `samples/` in the gold
format. These tests pin floors on it, so a clone without ../shared still guards
extraction quality; raise the floors as the extractor improves.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tieline.query import KB

EXPECTED = Path(__file__).resolve().parents[1] / "fixtures" / "samples_expected.json"
WS = re.compile(r"\s+")

FLOORS = {"meta": 0.85, "events_recall": 0.55, "events_precision": 0.4, "status": 0.75, "quotes_recall": 0.6,
          "speaker": 0.8}


def _norm(s: str) -> str:
    return WS.sub(" ", s.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')).strip()


@pytest.fixture(scope="module")
def expected():
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def kb(sample_kb):
    k = KB(sample_kb)
    yield k
    k.close()


def _english(expected):
    return [d for d in expected["documents"] if d.get("extract_required", True)]


def test_expected_snippets_exist_in_the_samples(expected, samples_dir):
    """The annotation and the sample files must not drift apart."""
    raw = {p.name: _norm(p.read_text(encoding="utf-8")) for p in samples_dir.iterdir() if p.is_file()}
    for d in expected["documents"]:
        text = raw[d["file"]]
        snippets = d["body"]["keep"] + d["body"]["drop"] + [e["evidence"] for e in d.get("events", [])]
        for s in snippets:
            s = _norm(s)
            assert s in text or s.replace("'", "&#39;") in text or s.replace("&", "&amp;") in text, (d["doc"], s)


def test_body_keeps_article_and_drops_furniture(expected, kb):
    for d in expected["documents"]:
        body = _norm(" ".join(r["text"] for p in kb.document(d["doc"])["paragraphs"] for r in p["runs"]))
        for s in d["body"]["keep"]:
            assert _norm(s) in body, (d["doc"], "lost", s)
        for s in d["body"]["drop"]:
            assert _norm(s) not in body, (d["doc"], "kept", s)
        for s in d["body"].get("once", []):
            assert body.count(_norm(s)) == 1, (d["doc"], "not once", s)


def test_metadata(expected, kb):
    ok = n = 0
    for d in expected["documents"]:
        got = kb.document(d["doc"])
        for k in ("title", "author", "published"):
            n += 1
            ok += _norm(str(got[k] or "")).lower() == _norm(str(d["meta"][k] or "")).lower()
    assert ok / n >= FLOORS["meta"], f"metadata accuracy {ok}/{n}"


def _overlap(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return a in b or b in a or len(set(a.split()) & set(b.split())) >= 0.6 * min(len(a.split()), len(b.split()))


def test_events_found_with_their_status(expected, kb):
    found = total = status_ok = n_pred = matched_pred = 0
    for d in _english(expected):
        preds = kb.events(doc=d["doc"], limit=10**6)["items"]
        n_pred += len(preds)
        used = set()
        for g in d.get("events", []):
            total += 1
            hit = next((p for p in preds if p["id"] not in used and _overlap(g["evidence"], p["evidence"])), None)
            if hit is None:
                continue
            used.add(hit["id"])
            found += 1
            accept = g.get("accept", {}).get("status", [])
            status_ok += hit["status"] == g["status"] or hit["status"] in accept
        matched_pred += len(used)
    recall, precision = found / total, matched_pred / max(n_pred, 1)
    assert recall >= FLOORS["events_recall"], f"event recall {found}/{total}"
    assert precision >= FLOORS["events_precision"], f"event precision {matched_pred}/{n_pred}"
    assert status_ok / max(found, 1) >= FLOORS["status"], f"status {status_ok}/{found}"


def test_quotes_and_speakers(expected, kb):
    found = total = speaker_ok = 0
    for d in _english(expected):
        preds = [q for q in kb.quotes(limit=10**6)["items"] if q["doc"] == d["doc"]]
        for g in d.get("quotes", []):
            total += 1
            hit = next((p for p in preds if _overlap(g["evidence"], p["text"])), None)
            if hit is None:
                continue
            found += 1
            a, b = _norm(g["speaker"] or "").lower(), _norm(hit["speaker"] or "").lower()
            speaker_ok += bool(a and b) and (a == b or a.split()[-1] == b.split()[-1])
    assert found / total >= FLOORS["quotes_recall"], f"quotes {found}/{total}"
    assert speaker_ok / max(found, 1) >= FLOORS["speaker"], f"speakers {speaker_ok}/{found}"


def test_people_sharing_a_surname_stay_apart(expected, kb):
    entities = kb.entities()
    for pair in expected["corpus"].get("distinct", []):
        names = [x.lower() for x in pair]
        for e in entities:
            forms = {e["name"].lower(), *(a.lower() for a in e["aliases"])}
            assert len(forms & set(names)) <= 1, f"{pair} merged into {e['name']}"
