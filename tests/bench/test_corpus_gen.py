"""bench/corpus_gen.py: deterministic, right counts, well-formed formats, realistic variety."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load():
    spec = importlib.util.spec_from_file_location("corpus_gen", ROOT / "bench" / "corpus_gen.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod        # dataclasses look their module up while building
    spec.loader.exec_module(mod)
    return mod


cg = _load()


def _digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _txt_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.txt"))


@pytest.mark.parametrize("fmt", ["txt", "html", "jsonl"])
def test_same_seed_same_bytes(tmp_path, fmt):
    cg.generate(tmp_path / "a", 40, seed=3, fmt=fmt, per_file=16)
    cg.generate(tmp_path / "b", 40, seed=3, fmt=fmt, per_file=16)
    a, b = _digest(tmp_path / "a"), _digest(tmp_path / "b")
    assert a and a == b


def test_other_seed_other_text(tmp_path):
    cg.generate(tmp_path / "a", 10, seed=0)
    cg.generate(tmp_path / "b", 10, seed=1)
    a, b = _txt_files(tmp_path / "a"), _txt_files(tmp_path / "b")
    assert [p.name for p in a] == [p.name for p in b]
    assert all(x.read_text() != y.read_text() for x, y in zip(a, b))


def test_small_corpus_is_prefix_of_larger_and_slices_regenerate(tmp_path):
    cg.generate(tmp_path / "small", 12, seed=5)
    cg.generate(tmp_path / "big", 30, seed=5)
    cg.generate(tmp_path / "slice", 6, seed=5, start=20)
    small, big, piece = (_digest(tmp_path / d) for d in ("small", "big", "slice"))
    for name, h in small.items():
        if name.endswith(".txt"):
            assert big[name] == h
    for name, h in piece.items():
        if name.endswith(".txt"):
            assert big[name] == h
    assert len([n for n in piece if n.endswith(".txt")]) == 6


def test_txt_counts_and_manifest(tmp_path):
    m = cg.generate(tmp_path, 25, seed=0, fmt="txt")
    files = _txt_files(tmp_path)
    assert len(files) == 25 == m["documents"] == m["files"]
    assert len({p.name for p in files}) == 25
    assert sum(p.stat().st_size for p in files) == m["bytes"]
    on_disk = json.loads((tmp_path / "manifest.json").read_text())
    assert on_disk == m and on_disk["seed"] == 0 and on_disk["format"] == "txt"
    assert sum(m["languages"].values()) == 25


def test_txt_buckets_of_a_thousand(tmp_path):
    cg.generate(tmp_path, 3, seed=0, start=cg.BUCKET - 1)
    dirs = sorted(p.parent.name for p in _txt_files(tmp_path))
    assert dirs == ["0000", "0001", "0001"]


def test_jsonl_packs_records_per_file(tmp_path):
    m = cg.generate(tmp_path, 25, seed=0, fmt="jsonl", per_file=10)
    parts = sorted(tmp_path.glob("*.jsonl"))
    assert [p.name for p in parts] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert m["files"] == 3
    recs = [json.loads(line) for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 25
    assert len({r["id"] for r in recs}) == 25
    for r in recs:
        assert {"id", "url", "title", "author", "published"} <= r.keys()
        assert ("text" in r) != ("html" in r)           # exactly one body field
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published"])
        assert r["url"].startswith("https://")
    html = [r for r in recs if "html" in r]
    assert 1 <= len(html) < len(recs)
    assert all("<article>" in r["html"] for r in html)


def test_html_pages_carry_meta(tmp_path):
    cg.generate(tmp_path, 5, seed=0, fmt="html")
    pages = sorted(tmp_path.rglob("*.html"))
    assert len(pages) == 5
    for p in pages:
        t = p.read_text(encoding="utf-8")
        assert t.startswith("<!DOCTYPE html>")
        for needle in ('property="og:title"', 'property="article:published_time"', 'name="author"',
                       "<nav>", "<article>", "<aside>", "<footer>"):
            assert needle in t, (p.name, needle)


def test_variety_over_a_few_hundred_articles():
    arts = [cg.make_article(0, i) for i in range(400)]
    pages = [cg.render_txt(a) for a in arts]
    with_comments = [p for p in pages if re.search(r"^\d+ Comments?$", p, re.M) and " says:" in p]
    assert 0.2 < len(with_comments) / len(pages) < 0.6
    dup = [a for a in arts if len(set(a.paragraphs)) < len(a.paragraphs)]
    assert dup, "some pages repeat a paragraph"
    body = "\n".join("\n".join(a.paragraphs) for a in arts if a.language == "en")
    for cue in ("signed", "will ", "could ", "has not yet", "denied", "protest", "since ", "per cent",
                "billion", "\u201c", "last year", " km", "tonnes", "Bilateral trade"):
        assert cue in body, cue
    assert {a.language for a in arts} > {"en"}
    words = sorted(len(" ".join(a.paragraphs).split()) for a in arts if a.language == "en")
    assert words[0] < 250 and words[-1] > 500          # varying length
    assert len({(a.site) for a in arts}) > 20
    assert len({frozenset((a.title.split()[0],)) for a in arts}) > 5


def test_every_page_has_furniture():
    for i in range(50):
        a = cg.make_article(7, i)
        t = cg.render_txt(a)
        assert a.title in t and a.author in t
        assert "Related articles" in t and "All rights reserved" in t and "Share " in t
        assert a.published.year >= 2005


def test_bad_arguments(tmp_path):
    with pytest.raises(ValueError):
        cg.generate(tmp_path, 3, fmt="pdf")
    with pytest.raises(ValueError):
        cg.generate(tmp_path, 3, fmt="jsonl", per_file=0)
    with pytest.raises(SystemExit):
        cg.main(["--n", "3", "--out", str(tmp_path), "--format", "pdf"])


def test_cli(tmp_path):
    assert cg.main(["--n", "4", "--out", str(tmp_path), "--format", "jsonl", "--seed", "2"]) == 0
    m = json.loads((tmp_path / "manifest.json").read_text())
    assert m["documents"] == 4 and m["seed"] == 2 and m["format"] == "jsonl"
