"""Hostile web servers: every URL becomes a document or a coded problem, in bounded time.

A local HTTP server on 127.0.0.1 (no outside network) answers with the failures real
sites produce: errors, redirect loops, bodies cut short, a garbage status line, a
byte-at-a-time drip, wrong or exotic charsets, binary and oversized bodies.
"""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tieline import config
from tieline.engine.build import build
from tieline.errors import PROBLEM_CODES
from tieline.ingest import fetch as fetch_mod
from tieline.model import Document, Problem
from tieline.store import db

ARTICLE = ("<html><head><title>Port talks</title></head><body><article><h1>Port talks resume</h1>"
           "<p>The foreign ministers of Chile and Kenya met in Nairobi on Tuesday and agreed to widen "
           "cooperation on ports, fisheries and the training of customs staff over the next two years.</p>"
           "<p>Officials said the talks would continue next month in Santiago, after a pause of nearly two years.</p>"
           "</article></body></html>")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):      # keep test output quiet
        pass

    def _send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8", length: int | None = None,
              extra: dict | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):  # noqa: C901 - one branch a hostile behaviour
        p = self.path.split("?")[0]
        if p == "/ok":
            self._send(200, ARTICLE.encode())
        elif p == "/404":
            self._send(404, b"not here")
        elif p == "/500":
            self._send(500, b"boom")
        elif p == "/loop":
            self._send(302, b"", extra={"Location": "/loop"})
        elif p == "/truncated":
            self._send(200, ARTICLE.encode()[:100], length=100_000)
            self.close_connection = True
        elif p == "/garbage":
            self.wfile.write(b"HELLO THERE\r\n\r\n")
            self.close_connection = True
        elif p == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif p == "/utf7":
            self._send(200, ARTICLE.replace("Tuesday", "Tuesday +2AA-").encode("ascii"), "text/html; charset=utf-7")
        elif p == "/bogus-charset":
            self._send(200, ARTICLE.encode(), "text/html; charset=no-such-codec")
        elif p == "/wrong-charset":
            self._send(200, ARTICLE.replace("Chile", "Ch\u00efle").encode("latin-1"), "text/html; charset=utf-8")
        elif p == "/utf16-declared-utf8":
            self._send(200, ARTICLE.encode("utf-16"), "text/html; charset=utf-8")
        elif p == "/binary":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "image/png")
        elif p == "/empty":
            self._send(200, b"")
        elif p == "/scripts":
            self._send(200, b"<html><script>var a = 1;</script></html>")
        elif p == "/deep":
            self._send(200, ("<html><body>" + "<div>" * 10_000 + "Deep text." + "</div>" * 10_000 + "</body></html>").encode())
        elif p == "/huge":
            n = config.MAX_FILE_BYTES + 10 * 1024 * 1024
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(n))
            self.end_headers()
            chunk = b"a " * (1 << 19)
            try:
                for _ in range(n // len(chunk) + 1):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        else:
            self._send(404, b"")


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


EXPECT = {
    "/ok": "doc", "/404": ("T109",), "/500": ("T109",), "/loop": ("T109",), "/truncated": ("T109",),
    "/garbage": ("T109",), "/drip": ("T109",), "/utf7": "doc", "/bogus-charset": "doc", "/wrong-charset": "doc",
    "/utf16-declared-utf8": "doc", "/binary": ("T103",), "/empty": ("T102",), "/scripts": ("T106", "T108"),
    "/deep": "any", "/huge": ("T104",),
}
NOT_HTTP = ["ftp://example.invalid/a", "file:///etc/passwd", "javascript:alert(1)", "", "http://[::1",
            "http://127.0.0.1:1/closed-port"]


def test_each_hostile_url_is_a_document_or_a_coded_problem(server, monkeypatch):
    monkeypatch.setattr(fetch_mod, "TOTAL_TIMEOUT_S", 3)
    monkeypatch.setattr(fetch_mod, "TIMEOUT_S", 3)
    failures = []
    for path, want in EXPECT.items():
        t0 = time.monotonic()
        (got,) = list(fetch_mod.fetch_all([server + path]))
        dt = time.monotonic() - t0
        if dt > 20:
            failures.append(f"{path}: took {dt:.1f}s")
        if isinstance(got, Problem):
            if want == "doc" or (want != "any" and got.code not in want) or got.code not in PROBLEM_CODES:
                failures.append(f"{path}: problem {got.code} {got.message}, wanted {want}")
        else:
            assert isinstance(got, Document)
            if want not in ("doc", "any"):
                failures.append(f"{path}: a document, wanted {want}")
            got.raw_text.encode("utf-8")           # storable
            for p in got.paragraphs:
                if got.raw_text[p.start:p.end] != p.text:
                    failures.append(f"{path}: paragraph does not index raw_text")
    for url in NOT_HTTP:
        (got,) = list(fetch_mod.fetch_all([url]))
        if not isinstance(got, Problem) or got.code != "T109":
            failures.append(f"{url!r}: {got}")
    assert not failures, "\n".join(failures)


def test_build_over_hostile_urls_accounts_for_every_url(server, monkeypatch, tmp_path, reliability_tally):
    monkeypatch.setattr(fetch_mod, "TOTAL_TIMEOUT_S", 3)
    monkeypatch.setattr(fetch_mod, "TIMEOUT_S", 3)
    urls = [server + p for p in EXPECT] + NOT_HTTP
    kb = tmp_path / "kb.sqlite"
    try:
        report = build([], kb, urls=urls)
    except BaseException:
        reliability_tally["crashes"] += 1
        raise
    reliability_tally["builds"] += 1
    reliability_tally["inputs"] += report.inputs
    assert report.inputs == len(urls)
    assert report.inputs == report.new + report.known + report.duplicate + len(report.problems)
    conn = db.connect(kb, readonly=True)
    try:
        n_sources = conn.execute("SELECT COUNT(*) FROM sources").fetchone()[0]
    finally:
        conn.close()
    # "" appears once as a source; every other URL is its own row
    lost = len(set(urls)) - n_sources
    reliability_tally["losses"] += max(0, lost)
    assert lost == 0
