import codecs

import pytest

from tieline.errors import TielineError
from tieline.ingest.readers import content_id, decode, read_items, walk
from tieline.model import Document, Problem

ARTICLE = (
    "Ministers of Norway and Chile signed a fisheries agreement in Oslo on Monday, officials said.\n\n"
    "The deal covers joint research vessels and quotas for the next five years, according to the ministry.\n\n"
    "Chile's trade minister said talks on a second accord would start in the spring.\n"
)


def test_decode_utf8_and_boms():
    assert decode("héllo wörld".encode()) == "héllo wörld"
    assert decode(codecs.BOM_UTF8 + "abc".encode()) == "abc"
    assert decode("abc déf".encode("utf-16")) == "abc déf"          # with BOM
    assert decode("abc déf ghi".encode("utf-16-le")) == "abc déf ghi"  # without BOM


def test_decode_legacy_encodings():
    text = "Le ministre a signé un accord à Genève avec l'Égypte et la Tunisie."
    assert decode(text.encode("latin-1")) == text
    ru = "Министр иностранных дел России встретился с коллегой из Пакистана в Москве."
    assert decode(ru.encode("cp1251")) == ru


def test_decode_normalises_newlines():
    assert decode(b"a\r\nb\rc") == "a\nb\nc"


@pytest.mark.parametrize("raw, code", [
    (b"", "T102"),
    (b"   \n\t  ", "T102"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "T103"),
    (b"%PDF-1.4 binary", "T103"),
    (b"PK\x03\x04zipdata", "T103"),
    (bytes([0, 1, 2, 3, 250, 0, 7, 0, 0, 9]) * 50, "T103"),
])
def test_decode_rejects_bad_bytes(raw, code):
    with pytest.raises(TielineError) as exc:
        decode(raw)
    assert exc.value.code == code


def test_content_id_is_stable_and_content_based():
    assert content_id("abc") == content_id("abc")
    assert content_id("abc") != content_id("abd")
    assert len(content_id("abc")) == 16


def test_walk_reads_folders_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(ARTICLE)
    (tmp_path / "one.txt").write_text(ARTICLE.replace("Monday", "Tuesday"))
    (tmp_path / "notes.xyz").write_text("ignored in folders")
    items = list(walk([tmp_path]))
    # sorted by path: the folder "b" comes before "one.txt"
    assert [str(i.path.relative_to(tmp_path)) for i in items] == ["b/two.txt", "one.txt"]


def test_walk_explicit_unsupported_file_is_a_problem(tmp_path):
    p = tmp_path / "data.xyz"
    p.write_text("x")
    (item,) = list(walk([p]))
    assert item.problem.code == "T110"


def test_walk_missing_path_and_symlink_loop(tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path)
    bad = tmp_path / "dangling.txt"
    bad.symlink_to(tmp_path / "nowhere.txt")
    items = list(walk([tmp_path / "missing.txt", tmp_path]))
    codes = sorted(i.problem.code for i in items if i.problem)
    assert "T101" in codes and codes.count("T111") >= 1


def test_jsonl_records_and_bad_lines(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text(
        '{"id": "a1", "title": "Fisheries deal", "published": "2021-03-04", "text": ' + _json(ARTICLE) + "}\n"
        "not json at all\n"
        '["a", "list"]\n'
        '{"id": "a3", "text": 42}\n'
        '{"id": "a4", "html": "<html><body><article><p>' + ARTICLE.split("\n")[0] + '</p></article></body></html>"}\n'
    )
    got = list(read_items(walk([p])))
    docs = [g for g in got if isinstance(g, Document)]
    probs = [g for g in got if isinstance(g, Problem)]
    assert [d.name for d in docs] == ["a1", "a4"]
    assert docs[0].published == "2021-03-04"
    assert docs[0].title == "Fisheries deal"
    assert sorted(p.code for p in probs) == ["T107", "T107", "T107"]
    assert all(":" in p.source for p in probs)  # file:line


def test_offsets_point_into_raw_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Site Nav | Home | World\n\n" + ARTICLE)
    (doc,) = list(read_items(walk([p])))
    assert doc.paragraphs
    for para in doc.paragraphs:
        assert doc.raw_text[para.start:para.end] == para.text


def _json(s):
    import json
    return json.dumps(s)
