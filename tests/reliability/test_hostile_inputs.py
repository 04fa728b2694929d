"""Hostile inputs: every bad file becomes a coded problem or a correct document.

All inputs are generated under ``tmp_path`` at test time (seeded, no network). One
build runs over the whole hostile tree so spaCy loads once; the reader is wrapped to
time each input, and a faulthandler watchdog turns a real hang into a loud failure
instead of a stuck run (the stacks go to $TMPDIR/tieline-reliability-watchdog.log,
since pytest captures stderr). After the build we check, per input, that it has a
``sources`` row and the outcome it should have, and per build that
inputs = documents + problems + declared duplicates.
"""
from __future__ import annotations

import bz2
import faulthandler
import gzip
import io
import json
import os
import random
import sqlite3
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import tieline.engine.build as build_mod
from tieline import config
from tieline.engine.build import build
from tieline.errors import PROBLEM_CODES
from tieline.ingest import readers
from tieline.model import Document, Problem
from tieline.store import db

#: Seconds one input may take to read (decode, render, clean, metadata). Generous:
#: the machine is shared; a quadratic blow-up or a hang is orders of magnitude more.
READ_LIMIT_S = 10.0
#: The multi-megabyte inputs (10 MB single line, 5 MB JSONL record).
BIG_READ_LIMIT_S = 40.0
#: Seconds one document may take to read and extract (spaCy parse + extractors), batch
#: size 1; the multi-megabyte ones get more (a 10 MB line: ~15 s to clean, ~20 s to parse
#: its first 100k characters as one sentence and run the extractors).
EXTRACT_LIMIT_S = 30.0
BIG_EXTRACT_LIMIT_S = 90.0
#: A whole build past this is treated as hung: faulthandler dumps stacks and exits.
WATCHDOG_S = 600

# ------------------------------------------------------------------ invented text

_SUBJECTS = ["Norway", "Chile", "Kenya", "Vietnam", "Poland", "Peru", "Ghana", "Malaysia", "Portugal", "Jordan"]
_SENTENCES = [
    "The foreign ministers of {a} and {b} met in the capital on Tuesday and agreed to widen cooperation on ports.",
    "Officials from {a} said the talks with {b} would continue next month, after a pause of nearly two years.",
    "Trade between {a} and {b} rose by 12 percent last year to about $3.4 billion, according to customs data.",
    "A delegation from {b} signed a memorandum on fisheries and research vessels during the three-day visit.",
    "Analysts in {a} cautioned that the pipeline project could still be delayed by financing disputes.",
    "\u201cWe are ready to work with our partners,\u201d the minister told reporters at a joint news conference.",
    "The two governments also discussed visas for students, a new air route and the training of customs staff.",
    "Critics argued that the agreement offered few details and no timetable for the promised investments.",
]


def article(i: int, paragraphs: int = 4, extra: str = "") -> str:
    """A small invented news article; ``i`` makes its content (and doc id) unique."""
    rng = random.Random(i)
    a, b = rng.sample(_SUBJECTS, 2)
    lines = [f"Talks between {a} and {b} resume, report {i}", "", "By Jane Example", "March 3, 2021", ""]
    for k in range(paragraphs):
        sents = rng.sample(_SENTENCES, 3)
        lines.append(" ".join(s.format(a=a, b=b) for s in sents) + f" (Item {i}.{k}.)")
        lines.append("")
    if extra:
        lines.append(extra)
        lines.append("")
    return "\n".join(lines)


def html_page(i: int, body: str | None = None, head: str = "") -> str:
    body = body if body is not None else "".join(f"<p>{p}</p>" for p in article(i).split("\n\n") if p.strip())
    return f"<!DOCTYPE html><html lang='en'><head><title>Report {i}</title>{head}</head><body><article>{body}</article></body></html>"


# ------------------------------------------------------------------ the cases

@dataclass
class Case:
    rel: str                                # path under the hostile root
    data: bytes | None = None               # file content (None: made by ``make``)
    expect: str = "problem"                 # problem | doc | any
    codes: tuple[str, ...] = ()             # allowed problem codes (empty: any known code)
    make: object = None                     # callable(path) for special files
    big: bool = False
    jsonl_lines: int = 0                    # for .jsonl: the number of non-blank lines
    note: str = ""
    contains: str = ""                      # for documents: text the decoded raw_text must hold
    sources: list[str] = field(default_factory=list)


_BIN_HEADERS = {
    "png": b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)),
    "gif": b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(range(256)),
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)),
    "elf": b"\x7fELF\x02\x01\x01" + bytes(512),
    "sqlite": b"SQLite format 3\x00" + bytes(1024),
    "ogg": b"OggS\x00\x02" + bytes(range(256)),
    "wav": b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(256)),
    "mp3": b"ID3\x03\x00\x00" + bytes(range(256)),
    "exe": b"MZ\x90\x00\x03" + bytes(range(256)),
}


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("inner.txt", article(9000))
    return buf.getvalue()


def _binary_cases() -> list[Case]:
    blobs = dict(_BIN_HEADERS)
    blobs["zip"] = _zip_bytes()
    blobs["gzip"] = gzip.compress(article(9001).encode(), mtime=0)
    blobs["bzip2"] = bz2.compress(article(9002).encode())
    blobs["zlib"] = zlib.compress(article(9003).encode())      # no magic number, high-entropy bytes
    out = []
    for name, blob in blobs.items():
        for suffix in (".txt", ".html", ".md", ".jsonl"):
            out.append(Case(f"binary/{name}{suffix}", blob, codes=("T103", "T105", "T108", "T106", "T107", "T102")))
    return out


def _random_cases(n: int = 40) -> list[Case]:
    rng = random.Random(20261123)
    out = []
    for i in range(n):
        size = rng.choice([1, 2, 7, 64, 511, 4096, 20000])
        mode = i % 4
        if mode == 0:
            data = bytes(rng.getrandbits(8) for _ in range(size))
        elif mode == 1:     # no NUL: gets past the NUL test, must fail later
            data = bytes(rng.randint(1, 255) for _ in range(size))
        elif mode == 2:     # high bytes only: decodes as *some* legacy 8-bit text
            data = bytes(rng.randint(0x80, 0xFF) for _ in range(size))
        else:               # printable ASCII noise with control characters
            data = bytes(rng.choice(b"abc xyz\x01\x02\x1b\x7f.\n") for _ in range(size))
        out.append(Case(f"random/r{i:02d}{rng.choice(['.txt', '.html', '.md'])}", data, expect="any"))
    return out


def _blank_cases() -> list[Case]:
    blanks = {
        "empty": b"", "space": b" ", "newlines": b"\n\n\n", "crlf": b"\r\n\r\n", "tabs": b"\t\t \t",
        "mixed": b" \t\r\n\x0b\x0c ", "nbsp": "\u00a0\u00a0\n".encode(), "ideographic": "\u3000\u3000".encode(),
        "bom8": b"\xef\xbb\xbf", "bom8-space": b"\xef\xbb\xbf  \n", "bom16le": b"\xff\xfe", "bom16be": b"\xfe\xff",
        "bom16-spaces": b"\xff\xfe \x00\n\x00", "bom32": b"\xff\xfe\x00\x00",
        "zero-width": ("\u200b\u200c\u200d\u2060\ufeff" * 50).encode(),
        "only-punct": b"... --- *** ||| ###\n", "one-word": b"hello\n", "nul-only": b"\x00" * 100,
    }
    out = []
    for name, data in blanks.items():
        for suffix in (".txt", ".html"):
            out.append(Case(f"blank/{name}{suffix}", data, codes=("T102", "T103", "T105", "T106", "T108")))
    out.append(Case("blank/empty.jsonl", b"", codes=("T102",)))
    out.append(Case("blank/blank-lines.jsonl", b"\n \n\t\n", codes=("T102",)))
    return out


def _encoding_cases() -> list[Case]:
    en = article(100)
    fr = ("Les ministres des deux pays se sont r\u00e9unis \u00e0 Paris mardi et ont sign\u00e9 un accord "
          "\u00e9conomique tr\u00e8s attendu sur l'\u00e9nergie et les \u00e9changes. ") * 4
    ru = ("\u041c\u0438\u043d\u0438\u0441\u0442\u0440\u044b \u0434\u0432\u0443\u0445 \u0441\u0442\u0440\u0430\u043d "
          "\u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0438\u0441\u044c \u0432 \u0441\u0442\u043e\u043b\u0438\u0446\u0435 "
          "\u0438 \u0434\u043e\u0433\u043e\u0432\u043e\u0440\u0438\u043b\u0438\u0441\u044c \u043e "
          "\u0441\u043e\u0442\u0440\u0443\u0434\u043d\u0438\u0447\u0435\u0441\u0442\u0432\u0435 "
          "\u0432 \u043e\u0431\u043b\u0430\u0441\u0442\u0438 \u0442\u043e\u0440\u0433\u043e\u0432\u043b\u0438. ") * 5
    cases = [
        Case("enc/utf16le-bom.txt", b"\xff\xfe" + article(101).encode("utf-16-le"), expect="doc"),
        Case("enc/utf16be-bom.txt", b"\xfe\xff" + article(102).encode("utf-16-be"), expect="doc"),
        Case("enc/utf16le-nobom.txt", article(103).encode("utf-16-le"), expect="doc"),
        Case("enc/utf16be-nobom.txt", article(104).encode("utf-16-be"), expect="doc"),
        Case("enc/utf16le-nobom-ru.txt", (ru + "\n").encode("utf-16-le"), expect="doc", contains=ru[:30]),
        Case("enc/utf16-bom-odd.txt", b"\xff\xfe" + article(105).encode("utf-16-le") + b"A", codes=("T105",)),
        Case("enc/utf16-bom-html.html", b"\xff\xfe" + html_page(106).encode("utf-16-le"), expect="doc"),
        Case("enc/utf32-bom.txt", "\ufeff".encode("utf-32-le") + article(107).encode("utf-32-le"), expect="doc"),
        Case("enc/utf8-bom.txt", b"\xef\xbb\xbf" + article(108).encode(), expect="doc"),
        Case("enc/latin1-fr.txt", (fr + "\n\n" + en).encode("latin-1", "replace"), expect="doc", contains=fr[:40]),
        Case("enc/cp1251-ru.txt", ("\u0421\u0442\u0430\u0442\u044c\u044f\n\n" + ru + "\n").encode("cp1251"), expect="doc",
             contains=ru[:30]),
        Case("enc/cp1252-quotes.txt", article(109).replace("\u201c", '"').replace("\u201d", '"').encode("ascii")
             .replace(b"minister", b"minist\x93er\x94"), expect="doc"),
        Case("enc/koi8r-ru.txt", (ru + "\n").encode("koi8-r"), expect="any"),
        Case("enc/mixed-latin1-utf8.txt", fr.encode("utf-8") + b"\n\n" + fr.encode("latin-1"), expect="any"),
        Case("enc/invalid-utf8-scattered.txt", article(110).encode().replace(b" the ", b" th\xff\xfe "), expect="any"),
        Case("enc/truncated-multibyte.txt", article(111).encode() + "\u20ac".encode()[:2], expect="any"),
        Case("enc/overlong.txt", article(112).encode().replace(b"/", b"\xc0\xaf"), expect="any"),
        Case("enc/utf8-surrogates.txt", article(113).encode() + b"\xed\xa0\x80\xed\xbf\xbf", expect="any"),
        # one broken sequence at the end must not turn the correct UTF-8 quotes into mojibake
        Case("enc/cesu-emoji.txt", article(114).encode() + "\U0001F600".encode("utf-16-le", "surrogatepass"), expect="doc",
             contains="\u201cWe are ready"),
        Case("enc/one-bad-byte.txt", article(124, extra="\u201cQuoted words,\u201d she said in S\u00e3o Paulo.").encode()
             .replace(b"Talks", b"Tal\xffks", 1), expect="doc", contains="\u201cQuoted words,\u201d she said in S\u00e3o"),
        Case("enc/cr-only.txt", article(115).replace("\n", "\r").encode(), expect="doc"),
        Case("enc/crlf.txt", article(116).replace("\n", "\r\n").encode(), expect="doc"),
        Case("enc/mixed-eol.txt", article(117).replace("\n\n", "\r\n\n\r").encode(), expect="doc"),
        Case("enc/stray-nul.txt", article(118).encode().replace(b"Item", b"It\x00em", 1), expect="doc"),
        Case("enc/nul-every-line.txt", article(119).encode().replace(b"\n", b"\n\x00"), expect="any"),
        Case("enc/nul-heavy.txt", article(120).encode().replace(b" ", b"\x00\x00"), codes=("T103",)),
        Case("enc/controls.txt", article(121).encode().replace(b" ", b"\x01"), codes=("T103", "T108")),
        Case("enc/escape-seqs.txt", article(122).encode().replace(b"\n\n", b"\n\x1b[31m\x1b[0m\n"), expect="any"),
        Case("enc/utf7.txt", article(123).encode("utf-7"), expect="any"),
        Case("enc/shift-jis.txt", ("\u65e5\u672c\u3068\u97d3\u56fd\u306e\u5916\u76f8\u304c\u4f1a\u8ac7\u3057\u305f\u3002" * 30
                                   + "\n").encode("shift_jis"), expect="any"),
        Case("enc/gb18030.txt", ("\u4e2d\u56fd\u548c\u5df4\u897f\u7684\u5916\u957f\u4eca\u5929\u4f1a\u6668\u3002" * 30
                                 + "\n").encode("gb18030"), expect="any"),
    ]
    return cases


def _size_cases() -> list[Case]:
    def sparse(n: int):
        def make(path: Path) -> None:
            with open(path, "wb") as fh:
                fh.write(b"Start of a very large file.\n")
                fh.truncate(n)
        return make

    blob_line = (b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo" * (10_000_000 // 35 + 1))[:10_000_000] + b"\n"
    words = " ".join(f"w{i % 997}" for i in range(2_000_000)).encode()[:10_000_000] + b"\n"
    return [
        Case("size/100mb.txt", make=sparse(100 * 1024 * 1024), codes=("T104",)),
        Case("size/100mb.jsonl", make=sparse(100 * 1024 * 1024), codes=("T104",)),
        Case("size/limit-plus-one.html", make=sparse(config.MAX_FILE_BYTES + 1), codes=("T104",)),
        Case("size/single-line-10mb-blob.txt", blob_line, codes=("T108",), big=True),
        Case("size/single-line-10mb-words.txt", words, expect="any", big=True),
    ]


def _html_cases() -> list[Case]:
    text = "The delegates agreed to reopen the border crossing for trucks carrying grain and medicine. " * 3

    def deep(tag: str, n: int) -> str:
        return "<html><body>" + f"<{tag}>" * n + text + f"</{tag}>" * n + "</body></html>"

    cases = [
        Case("html/deep-div-10k.html", deep("div", 10_000).encode(), expect="any"),
        Case("html/deep-span-10k.html", deep("span", 10_000).encode(), expect="any"),
        Case("html/deep-li-10k.html", ("<html><body>" + "<ul><li>" * 10_000 + text + "</body></html>").encode(), expect="any"),
        Case("html/deep-table-10k.html", ("<html><body>" + "<table><tr><td>" * 10_000 + text + "</body></html>").encode(),
             expect="any"),
        Case("html/unclosed-b-100k.html", ("<html><body><p>" + "<b>" * 100_000 + text).encode(), expect="any"),
        Case("html/deep-after-text.html", ("<html><body><p>" + text + "</p>" + "<div>" * 10_000 + "</body></html>").encode(),
             expect="doc"),
        Case("html/scripts-only.html", b"<html><head><script>var a = 1;</script></head><body><script>document.write('x')"
             b"</script><style>p{}</style></body></html>", codes=("T106", "T108")),
        Case("html/styles-only.html", b"<html><style>body { color: red }</style></html>", codes=("T106", "T108")),
        Case("html/head-only.html", b"<html><head><title>A title only</title><meta name='author' content='X'></head></html>",
             codes=("T106", "T108")),
        Case("html/empty-body.html", b"<!doctype html><html><body></body></html>", codes=("T106", "T108")),
        Case("html/comments-only.html", b"<html><body><!-- " + text.encode() + b" --></body></html>", codes=("T106", "T108")),
        Case("html/unclosed-comment.html", ("<html><body><p>" + text + "</p><!-- never closed " + text).encode(), expect="any"),
        Case("html/unclosed-script.html", ("<html><body><p>" + text + "</p><script>var x = '" + text).encode(), expect="any"),
        Case("html/unclosed-tags.html", ("<html><body><p>" + text + "<div><p><span><b>" + text + "<a href='x").encode(),
             expect="any"),
        Case("html/unterminated-attr.html", ("<html><body><p class=\"oops>" + text + "</p></body></html>").encode(),
             expect="any"),
        Case("html/huge-attribute.html", ("<html><body><p data-x='" + "A" * 1_000_000 + "'>" + text + "</p></body></html>")
             .encode(), expect="any"),
        Case("html/many-empty-p.html", ("<html><body>" + "<p></p>" * 50_000 + "<p>" + text + "</p></body></html>").encode(),
             expect="any"),
        Case("html/many-tiny-p.html", ("<html><body>" + "".join(f"<p>w{i}</p>" for i in range(20_000)) + "</body></html>")
             .encode(), expect="any"),
        Case("html/entity-flood.html", ("<html><body><p>" + "&amp;&lt;&gt;&nbsp;" * 50_000 + "</p><p>" + text + "</p></body></html>")
             .encode(), expect="any"),
        Case("html/bad-entities.html", ("<html><body><p>" + text + " &#0; &#xD800; &#99999999999; &bogus; &#x110000; &"
                                        "</p></body></html>").encode(), expect="any"),
        Case("html/xml-decl.html", ("<?xml version='1.0' encoding='ISO-8859-1'?>" + html_page(200)).encode(), expect="doc"),
        Case("html/xhtml-ns.html", ("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body><p>" + text
                                    + "</p></body></html>").encode(), expect="any"),
        Case("html/frameset.html", b"<html><frameset><frame src='a.html'></frameset></html>", codes=("T106", "T108")),
        Case("html/cdata.html", ("<html><body><![CDATA[" + text + "]]><p>" + text + "</p></body></html>").encode(), expect="any"),
        Case("html/plaintext.html", ("<html><body><plaintext><p>" + text + "</p>").encode(), expect="any"),
        Case("html/svg-only.html", b"<html><body><svg><text>Chart label</text></svg></body></html>", codes=("T106", "T108")),
        Case("html/bad-jsonld.html", html_page(201, head="<script type='application/ld+json'>{not json</script>").encode(),
             expect="doc"),
        Case("html/deep-jsonld.html", html_page(202, head="<script type='application/ld+json'>" + "[" * 100_000 + "]" * 100_000
                                                + "</script>").encode(), expect="doc"),
        Case("html/jsonld-wrong-types.html", html_page(203, head="<script type='application/ld+json'>{\"@type\": 5, "
                                                       "\"headline\": [1], \"author\": {\"name\": 7}, \"datePublished\": {}}"
                                                       "</script>").encode(), expect="doc"),
        Case("html/meta-odd-values.html", html_page(204, head="<meta property='article:published_time' content='45%'>"
                                                    "<meta name='author' content='" + "x" * 100_000 + "'>"
                                                    "<meta property='og:url' content='http://[::1'>").encode(), expect="doc"),
        Case("html/huge-title.html", html_page(205).replace("<title>Report 205</title>", "<title>" + "T " * 100_000 + "</title>")
             .encode(), expect="doc"),
        Case("html/lang-garbage.html", html_page(206).replace("lang='en'", "lang='-\u202e--'").encode(), expect="doc"),
        Case("html/in-markdown.md", html_page(207).encode(), expect="doc"),
        Case("html/html-in-txt.txt", html_page(208).encode(), expect="any"),
        Case("html/null-bytes-html.html", html_page(209).encode().replace(b"<p>", b"<p>\x00", 1), expect="doc"),
        Case("html/mismatched-nesting.html", ("<html><body><p><b><i>" + text + "</b></i></p></div></span></body></html>")
             .encode(), expect="doc"),
        Case("html/iframe-srcdoc.html", ("<html><body><iframe srcdoc='<p>x</p>'></iframe><p>" + text + "</p></body></html>")
             .encode(), expect="doc"),
    ]
    return cases


def _jsonl_case() -> list[Case]:
    good = lambda i: article(300 + i)  # noqa: E731
    lines = [
        json.dumps({"id": "ok-1", "text": good(1)}),
        '{"id": "trunc", "text": "The talks',                                  # truncated
        "not json at all",
        "[1, 2, 3]", "42", "null", '"a string"', "true",
        json.dumps({"id": "t-int", "text": 42}),
        json.dumps({"id": "t-list", "text": ["a", "b"]}),
        json.dumps({"id": "t-dict", "text": {"a": 1}}),
        json.dumps({"id": "t-bool", "text": True}),
        json.dumps({"id": "t-null-html-list", "text": None, "html": ["<p>x</p>"]}),
        json.dumps({"id": "no-body", "title": "Only a title"}),
        json.dumps({"id": "t-empty", "text": ""}),
        json.dumps({"id": "t-blank", "text": " \n\t "}),
        json.dumps({"id": ["list", "id"], "text": good(2)}),
        json.dumps({"id": {"a": 1}, "title": 5, "author": ["x"], "published": [2021], "url": 42, "site": {}, "text": good(3)}),
        json.dumps({"id": 3.5, "published": "45%", "text": good(4)}),
        json.dumps({"id": "big-title", "title": "T" * 1_000_000, "text": good(5)}),
        json.dumps({"id": "i" * 100_000, "text": good(6)}),
        json.dumps({"id": "nul-in-text", "text": good(7).replace("Item", "It\u0000em")}),
        '{"id": "lone-surrogate", "title": "A \\udc80 title", "text": ' + json.dumps(good(8))[:-1] + ' \\ud800"}',
        '{"id": "nan", "score": NaN, "other": Infinity, "text": ' + json.dumps(good(9)) + "}",
        '{"id": "dup-key", "text": "short", "text": ' + json.dumps(good(10)) + "}",
        '{"id": "trailing-comma", "text": "x",}',
        "[" * 50_000 + "]" * 50_000,
        '{"id": 1' + "0" * 5000 + ', "text": "x"}',
        json.dumps({"id": "html-rec", "html": html_page(311)}),
        json.dumps({"id": "html-scripts", "html": "<html><script>1</script></html>"}),
        json.dumps({"id": "html-deep", "html": "<div>" * 10_000 + "Text." + "</div>" * 10_000}),
        json.dumps({"id": "controls", "text": "\u0001\u0002\u0003" * 1000}),
        json.dumps({"id": "huge-text", "text": (good(12) + "\n\n") * 800}),
        json.dumps({"id": "ok-1", "text": good(1)}),                             # a repeat: a declared duplicate
        json.dumps({"id": "ok-1", "text": good(13)}),                            # same id, other text
        "\u00a0",                                                                # nbsp-only line: not blank to JSON
        "{}",
        json.dumps({"text": good(14), "html": "<p>both</p>"}),
        json.dumps({"id": "", "text": good(15)}),
        json.dumps({"id": "raw-separators", "text": good(16) + "\u2028 \u2029 \u0085 \x1c\x1d\x1e end."},
                   ensure_ascii=False),
    ]
    data = "\n".join(lines).encode("utf-8") + b"\n\n"
    n = sum(1 for ln in lines if ln.strip())
    cases = [Case("jsonl/mixed.jsonl", data, expect="jsonl", jsonl_lines=n)]
    bom = b"\xef\xbb\xbf" + (json.dumps({"id": "bom", "text": article(320)}) + "\r\n").encode()
    cases.append(Case("jsonl/bom-crlf.jsonl", bom, expect="jsonl", jsonl_lines=1))
    u16 = (json.dumps({"id": "u16", "text": article(321)}) + "\n").encode("utf-16")
    cases.append(Case("jsonl/utf16.jsonl", u16, expect="jsonl", jsonl_lines=1))
    l1 = (json.dumps({"id": "latin", "text": "Caf\u00e9 " + article(322)}, ensure_ascii=False) + "\n").encode("latin-1", "replace")
    cases.append(Case("jsonl/latin1.jsonl", l1, expect="jsonl", jsonl_lines=1))
    cases.append(Case("jsonl/no-newline-at-end.jsonl", json.dumps({"id": "last", "text": article(323)}).encode(),
                      expect="jsonl", jsonl_lines=1))
    return cases


def _name_cases() -> list[Case]:
    names = ["with spaces in name.txt", "\u0441\u0442\u0430\u0442\u044c\u044f.txt", "\u8a18\u4e8b.txt",
             "emoji \U0001F30D\U0001F91D.txt", "\u0645\u0642\u0627\u0644\u0629 rtl.txt", "\u05db\u05ea\u05d1\u05d4.txt",
             "new\nline.txt", "tab\there.txt", "-leading-dash.txt", "back\\slash.txt", "quote'\"s.txt",
             "percent %s {x} $HOME.txt", "n" * 240 + ".txt", "UPPER.TXT", "dots...in...name.txt",
             "combining e\u0301\u0301.txt", "zero\u200bwidth.txt", "trailing space .txt"]
    out = [Case(f"names/{n}", article(400 + i).encode(), expect="doc") for i, n in enumerate(names)]
    out.append(Case("names/same.txt", article(430).encode(), expect="doc"))
    out.append(Case("names/sub/same.txt", article(431).encode(), expect="doc"))

    def bad_bytes(path: Path) -> None:
        raw = os.fsencode(path.parent) + b"/bad\xff\xfename.txt"
        with open(raw, "wb") as fh:
            fh.write(article(432).encode())
    out.append(Case("names/bad\udcff\udcfename.txt", make=bad_bytes, expect="doc", note="undecodable file name"))
    return out


def _fs_cases(root: Path) -> list[Case]:
    def link(target):
        return lambda p: p.symlink_to(target(p) if callable(target) else target)

    def fifo(p: Path) -> None:
        os.mkfifo(p)

    def deep_tree(p: Path) -> None:
        d = p
        p.mkdir()
        for _ in range(1200):       # os.makedirs recurses per level: too deep for it
            d = d / "d"
            d.mkdir()
        (d / "bottom.txt").write_text(article(500))

    def unreadable(p: Path) -> None:
        p.write_text(article(501))
        p.chmod(0)

    cases = [
        Case("fs/loop", make=link(lambda p: p.parent), codes=("T111",)),
        Case("fs/self.txt", make=link(lambda p: p), codes=("T111",)),
        Case("fs/cycle-a.txt", make=link(lambda p: p.parent / "cycle-b.txt"), codes=("T111",)),
        Case("fs/cycle-b.txt", make=link(lambda p: p.parent / "cycle-a.txt"), codes=("T111",)),
        Case("fs/dangling.txt", make=link(lambda p: p.parent / "nowhere.txt"), codes=("T111",)),
        Case("fs/original.txt", article(502).encode(), expect="doc"),
        Case("fs/zz-alias-of-original.txt", make=link(lambda p: p.parent / "original.txt"), expect="duplicate"),
        Case("fs/zz-alias-dir", make=link(lambda p: p.parent.parent / "blank"), codes=("T111",)),
        Case("fs/fifo.txt", make=fifo, codes=("T101",)),
        Case("fs/devnull.txt", make=link("/dev/null"), codes=("T101",)),
        Case("fs/devzero.txt", make=link("/dev/zero"), codes=("T101",)),
        Case("fs/dir.txt/inner.txt", article(503).encode(), expect="doc"),
        Case("fs/copy-a.txt", article(504).encode(), expect="doc"),
        Case("fs/copy-b.txt", article(504).encode(), expect="duplicate"),
        Case("fs/deep", make=deep_tree, expect="tree", note="1,200 nested folders, one article at the bottom"),
    ]
    if Path("/proc/self/mem").exists():
        # Unreadable as root too: reading /proc/self/mem at offset 0 fails with EIO.
        cases.append(Case("fs/proc-mem.txt", make=link("/proc/self/mem"), codes=("T101", "T102")))
    if os.geteuid() != 0:
        cases.append(Case("fs/chmod-000.txt", make=unreadable, codes=("T101",)))
    return cases


_ADVERSARIAL = {
    "percent-dates": "Officials said on 45% of May that the 45% deal, dated 45%/13/2021, starts on the 45th of 45%.",
    "impossible-dates": "The accord signed on February 30, 2021 replaced one from 31/31/31 and another from 2021-13-45.",
    "far-years": "The treaty of the year 99999 follows the pact of 0000 and the 10000 BC summit, officials recalled.",
    "forty-digits": "Trade reached $1234567890123456789012345678901234567890 billion, or 9999999999999999999999999999999999999999 percent.",
    "exponent-numbers": "The loan of 1e308 dollars, -0 tonnes and 1,2,3,4,5,6,7,8,9,10,11,12 units was approved.",
    "huge-percent": "Exports rose 1000000000% while imports fell 250% and tariffs were cut by -45% overnight.",
    "fullwidth-digits": "\uff12\uff10\uff12\uff11\u5e74, the two sides agreed on \uff15\uff10\uff10 million in credit.",
    "emoji": "The ministers \U0001F91D agreed \U0001F389 to expand \U0001F6A2 trade \U0001F4C8 with \U0001F1F3\U0001F1F4 and \U0001F1E8\U0001F1F1 partners today.",
    "rtl": "The envoy said \u0627\u0644\u0627\u062a\u0641\u0627\u0642 \u0645\u0647\u0645 and \u05d4\u05e1\u05db\u05dd \u05d7\u05e9\u05d5\u05d1 before signing the deal with Jordan.",
    "bidi-controls": "The \u202eminister\u202c agreed\u2066 to visit \u2067Chile\u2069 and \u200fKenya\u200e next year.",
    "combining": "The m" + "\u0301" * 500 + "inisters met in Lima and a" + "\u0308\u0323" * 300 + "greed to talk again.",
    "zero-width": "The\u200b minis\u200dters\u2060 of Peru\ufeff and Ghana\u200c agreed to sign a trade deal.",
    "nbsp": "The\u00a0ministers\u00a0of\u00a0Peru\u00a0and\u00a0Ghana\u00a0agreed\u00a0to\u00a0sign\u00a0a\u00a0trade\u00a0deal\u00a0on\u00a0Monday.",
    "quote-storm": "\u201c" * 2000 + "The minister said nothing" + "\u201d" * 1000 + " and \"left\" \"\"\"\" quickly.",
    "unbalanced-quotes": "\u201cWe will sign, the minister said. \u201cThe deal is close,\u201d \u201d he added, \u201c\u201c and left.",
    "punct-storm": "They agreed" + "!" * 5000 + " The end" + "." * 5000 + " Then?" + "?" * 3000,
    "long-sentence": "The ministers agreed " + " and then ".join(f"to discuss item {i} with Peru" for i in range(500)) + ".",
    "long-word": "The code " + "x" * 20_000 + " was signed by Peru and Chile in Lima on Monday.",
    "many-countries": "Officials from " + ", ".join(_SUBJECTS * 50) + " met in Geneva and signed a joint statement.",
    "many-amounts": "The budget lines were " + ", ".join(f"${i}.5 billion" for i in range(800)) + " in total.",
    "many-dates": "Meetings were held on " + ", ".join(f"March {1 + i % 28}, {1990 + i % 40}" for i in range(800)) + ".",
    "html-in-text": "The minister <b>agreed</b> to <script>alert(1)</script> sign the deal &amp; visit Peru on Monday.",
    "math-letters": "The \U0001D5E0\U0001D5F6\U0001D5FB\U0001D5F6\U0001D600\U0001D601\U0001D5F2\U0001D5FF agreed with Chile on a new \U0001D5F1\U0001D5F2\U0001D5EE\U0001D5F9 today.",
    "homoglyphs": "The mіnіster of Рeru (Cyrillic letters) agreed with Сhile on trade in Lima on Monday.",
    "private-use": "The \ue000\ue001 ministers \U000F0000 of Peru agreed \U0010FFFD with Chile on trade.",
}


def _adversarial_cases() -> list[Case]:
    out = []
    for i, (name, sent) in enumerate(_ADVERSARIAL.items()):
        out.append(Case(f"parser/{name}.txt", article(600 + i, extra=sent).encode(), expect="doc"))
    # one 10,000-character sentence and one 100,000-character paragraph
    long_sentence = "The delegations agreed " + " ".join(f"on point {i} of the plan for Peru and Chile" for i in range(250))
    out.append(Case("parser/sentence-10k.txt", article(650, extra=long_sentence[:10_000] + ".").encode(), expect="doc"))
    para = " ".join(s.format(a="Peru", b="Chile") for s in _SENTENCES) + " "
    out.append(Case("parser/paragraph-100k.txt", article(651, extra=(para * (100_000 // len(para) + 1))[:100_000]).encode(),
                    expect="doc"))
    return out


def all_cases(root: Path) -> list[Case]:
    return (_blank_cases() + _binary_cases() + _random_cases() + _encoding_cases() + _size_cases() + _html_cases()
            + _jsonl_case() + _name_cases() + _fs_cases(root) + _adversarial_cases())


def materialise(root: Path, cases: list[Case]) -> None:
    for c in cases:
        path = root / c.rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if c.make is not None:
            c.make(path)
        else:
            path.write_bytes(c.data)


# ------------------------------------------------------------------ checks

def check_offsets(doc: Document) -> list[str]:
    bad = []
    for p in (*doc.paragraphs, *doc.dropped):
        if not (0 <= p.start <= p.end <= len(doc.raw_text)) or doc.raw_text[p.start:p.end] != p.text:
            bad.append(f"{doc.source}: paragraph [{p.start}:{p.end}] does not index raw_text")
    return bad


def check_record_spans(conn: sqlite3.Connection) -> list[str]:
    """Every stored fact's span lies in its document's raw text (evidence is that slice)."""
    bad = []
    raw = {r[0]: r[1] for r in conn.execute("SELECT doc_id, raw_text FROM documents")}
    for table, text_col in (("events", "evidence"), ("quotes", "text"), ("figures", "evidence"), ("mentions", "text")):
        for doc_id, start, end, text in conn.execute(f'SELECT doc_id, start, "end", {text_col} FROM {table}'):
            t = raw.get(doc_id)
            if t is None or not (0 <= start < end <= len(t)):
                bad.append(f"{table}: span [{start}:{end}] outside document {doc_id}")
            elif table in ("quotes", "mentions") and t[start:end] != text:
                bad.append(f"{table}: text {text[:40]!r} is not raw_text[{start}:{end}] of {doc_id}")
    return bad


@dataclass
class Timing:
    reads: list = field(default_factory=list)        # (seconds, source, outcome)
    docs: list = field(default_factory=list)         # Documents in the order the build saw them
    ticks: list = field(default_factory=list)        # (monotonic, phase)


def timed_read_items(timing: Timing):
    real = readers.read_items

    def wrapped(items):
        seen: set[str] = set()
        it = iter(items)
        while True:
            t0 = time.monotonic()
            try:
                item = next(it)
            except StopIteration:
                return
            (got,) = list(real([item]))
            dt = time.monotonic() - t0
            timing.reads.append((dt, item.source, got.code if isinstance(got, Problem) else "doc"))
            if isinstance(got, Document) and got.doc_id not in seen:
                seen.add(got.doc_id)      # a repeat is a declared duplicate: no extraction tick
                timing.docs.append(got)
            yield got
    return wrapped


def run_build(paths: list[Path], kb: Path, monkeypatch, tally: dict, **kw) -> tuple[object, Timing]:
    timing = Timing()
    monkeypatch.setattr(build_mod, "read_items", timed_read_items(timing))
    # pytest captures fd 2, so a hang's stack dump goes to a file that outlives the process
    dump = open(Path(tempfile.gettempdir()) / "tieline-reliability-watchdog.log", "w")
    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True, file=dump)
    try:
        report = build([str(p) for p in paths], kb, progress=lambda phase, n, s: timing.ticks.append((time.monotonic(), phase)),
                       **kw)
    except BaseException:
        tally["crashes"] += 1
        raise
    finally:
        faulthandler.cancel_dump_traceback_later()
        dump.close()
    tally["builds"] += 1
    tally["inputs"] += report.inputs
    tally["extract_failures"] += report.extract_failures
    return report, timing


def invariant_gaps(report, conn: sqlite3.Connection) -> list[str]:
    gaps = []
    accounted = report.new + report.known + report.duplicate + len(report.problems)
    if report.inputs != accounted:
        gaps.append(f"inputs {report.inputs} != new {report.new} + known {report.known} + duplicate "
                    f"{report.duplicate} + problems {len(report.problems)}")
    # extraction failures add a '<source>#extract' problem row that is not an input
    rows = conn.execute("SELECT COUNT(*) FROM sources WHERE run_id=? AND source NOT IN "
                        "(SELECT source FROM problems WHERE stage='extract')", (report.run_id,)).fetchone()[0]
    if rows != report.inputs:
        gaps.append(f"sources has {rows} rows for this run, {report.inputs} inputs")
    n_docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    if n_docs != report.new:
        gaps.append(f"{n_docs} documents stored, {report.new} reported new")
    return gaps


# ------------------------------------------------------------------ the tests

def _remove_deep(top: Path) -> None:
    """Delete the deep tree bottom-up: shutil.rmtree (pytest's tmp cleanup included)
    recurses once per level and would die on it in a later run."""
    chain = []
    d = top
    while d.is_dir() and not d.is_symlink():
        chain.append(d)
        d = d / "d"
    for d in reversed(chain):
        for f in d.iterdir():
            if not f.is_dir() or f.is_symlink():
                f.unlink()
        d.rmdir()


def test_hostile_tree(tmp_path, monkeypatch, reliability_tally, request):
    root = tmp_path / "hostile"
    root.mkdir()
    cases = all_cases(root)
    request.addfinalizer(lambda: _remove_deep(root / "fs" / "deep"))
    materialise(root, cases)
    explicit = tmp_path / "explicit"
    explicit.mkdir()
    (explicit / "picture.png").write_bytes(_BIN_HEADERS["png"])
    (explicit / "no-suffix").write_bytes(article(700).encode())
    extra_inputs = [explicit / "picture.png", explicit / "no-suffix", tmp_path / "missing.txt"]
    kb = tmp_path / "kb.sqlite"

    report, timing = run_build([root, *extra_inputs], kb, monkeypatch, reliability_tally, batch_size=1)

    conn = db.connect(kb, readonly=True)
    try:
        failures = invariant_gaps(report, conn)
        sources = {r["source"]: r for r in conn.execute(
            "SELECT s.source, s.status, s.doc_id, p.code FROM sources s LEFT JOIN problems p USING (source)")}
        by_doc = {d: db.load_document(conn, d) for d in db.known_doc_ids(conn)}
        losses = 0
        for c in cases:
            src = str(root / c.rel) if "\udcff" not in c.rel else readers.display(os.fsencode(root / "names") + b"/bad\xff\xfename.txt")
            if c.expect == "jsonl":
                rows = [r for s, r in sources.items() if s.startswith(src + ":")]
                if len(rows) != c.jsonl_lines:
                    losses += 1
                    failures.append(f"{c.rel}: {len(rows)} of {c.jsonl_lines} JSONL lines accounted for")
                continue
            if c.expect == "tree":
                rows = [r for s, r in sources.items() if s.startswith(src + "/")]
                if not rows or rows[0]["status"] != "new":
                    losses += 1
                    failures.append(f"{c.rel}: the file at the bottom of the deep tree was not read ({rows[:1]})")
                continue
            row = sources.get(src)
            if row is None:
                losses += 1
                failures.append(f"{c.rel}: no sources row (lost)")
                continue
            status, code = row["status"], row["code"]
            if status == "problem":
                if code not in PROBLEM_CODES:
                    failures.append(f"{c.rel}: unknown problem code {code}")
                if c.expect in ("doc", "duplicate"):
                    failures.append(f"{c.rel}: expected a document, got problem {code}")
                elif c.codes and code not in c.codes:
                    failures.append(f"{c.rel}: problem {code}, expected one of {c.codes}")
            else:
                if c.expect == "problem":
                    failures.append(f"{c.rel}: expected a problem {c.codes}, got {status}")
                if c.expect == "duplicate" and status != "duplicate":
                    failures.append(f"{c.rel}: expected a declared duplicate, got {status}")
                if row["doc_id"] not in by_doc:
                    failures.append(f"{c.rel}: status {status} but document {row['doc_id']} not stored")
                elif c.contains and c.contains not in by_doc[row["doc_id"]].raw_text:
                    failures.append(f"{c.rel}: decoded text lacks {c.contains[:30]!r}")
                elif len(by_doc[row["doc_id"]].title or "") > readers.MAX_META_CHARS:
                    failures.append(f"{c.rel}: title of {len(by_doc[row['doc_id']].title)} characters")
        for x in extra_inputs:
            if str(x) not in sources or sources[str(x)]["status"] != "problem":
                losses += 1
                failures.append(f"{x.name}: an explicit bad path must be a problem row")
        for doc in by_doc.values():
            failures.extend(check_offsets(doc))
        for doc in timing.docs:          # the in-memory Documents too (what extraction saw)
            failures.extend(check_offsets(doc))
        failures.extend(check_record_spans(conn))
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            failures.append(f"integrity_check: {ok}")
    finally:
        conn.close()

    big = {str(root / c.rel) for c in cases if c.big}
    for dt, src, outcome in timing.reads:
        limit = BIG_READ_LIMIT_S if src in big or src.startswith(str(root / "jsonl")) else READ_LIMIT_S
        if dt > reliability_tally["slowest"][0]:
            reliability_tally["slowest"] = (dt, Path(src.split(":")[0]).name)
        if dt > limit:
            failures.append(f"{src}: read took {dt:.1f}s (limit {limit}s) -> {outcome}")
    # batch_size=1: each new document is one 'extract' tick; the gap before it is its time
    gaps = [(b[0] - a[0]) for a, b in zip(timing.ticks, timing.ticks[1:]) if b[1] == "extract"]
    slow = [(g, d.source) for g, d in zip(gaps, timing.docs)
            if g > (BIG_EXTRACT_LIMIT_S if d.source in big else EXTRACT_LIMIT_S)]
    failures.extend(f"{s}: read + extraction took {g:.1f}s" for g, s in slow)

    reliability_tally["losses"] += losses
    assert report.inputs >= 200
    assert not failures, "\n".join(failures[:60])


def test_ten_thousand_tiny_files(tmp_path, monkeypatch, reliability_tally):
    root = tmp_path / "tiny"
    root.mkdir()
    for i in range(10_000):
        sub = root / f"b{i // 1000}"
        if i % 1000 == 0:
            sub.mkdir()
        (sub / f"t{i:05d}.txt").write_text("" if i % 10 == 0 else f"tiny note {i}\n")
    kb = tmp_path / "kb.sqlite"
    t0 = time.monotonic()
    report, _timing = run_build([root], kb, monkeypatch, reliability_tally)
    elapsed = time.monotonic() - t0
    conn = db.connect(kb, readonly=True)
    try:
        gaps = invariant_gaps(report, conn)
        codes = dict(conn.execute("SELECT code, COUNT(*) FROM problems GROUP BY code").fetchall())
    finally:
        conn.close()
    reliability_tally["losses"] += abs(report.inputs - 10_000)
    assert report.inputs == 10_000
    assert not gaps, gaps
    assert codes == {"T102": 1000, "T108": 9000}
    assert elapsed < 120, f"10k tiny files took {elapsed:.0f}s"
