"""serve() as the CLI will call it, and the app on an empty knowledge base."""
from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest

from tieline.errors import TielineError


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_runs_and_answers(web_kb):
    port = _free_port()
    code = f"from tieline.web.app import serve; serve({str(web_kb)!r}, host='127.0.0.1', port={port})"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/summary", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError(proc.stderr.read().decode() if proc.poll() is not None else "no answer")
                time.sleep(0.2)
        assert r.status_code == 200, r.text
        assert r.json()["documents"] >= 1
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert page.status_code == 200 and "content-security-policy" in page.headers
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_refuses_a_missing_kb(tmp_path):
    from tieline.web.app import create_app, serve
    with pytest.raises(TielineError) as e:
        serve(tmp_path / "none.sqlite", port=_free_port())
    assert e.value.code == "T201" and e.value.hint
    not_kb = tmp_path / "text.sqlite"
    not_kb.write_text("not a database, just text " * 100)
    with pytest.raises(TielineError):
        create_app(not_kb)


@pytest.fixture(scope="module")
def empty_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from tieline.engine.build import build
    from tieline.web.app import create_app
    path = tmp_path_factory.mktemp("empty") / "kb.sqlite"
    build([], path)
    with TestClient(create_app(path), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("path", ["/", "/timeline", "/timeline?pair=ALL", "/entities", "/projects", "/quotes",
                                  "/conflicts", "/search?q=anything", "/docs", "/api/summary", "/api/pairs",
                                  "/api/events", "/api/timeline", "/api/trend", "/api/trade", "/api/quotes",
                                  "/api/entities", "/api/projects", "/api/conflicts", "/api/search?q=anything"])
def test_empty_kb_pages_and_api(empty_client, path):
    r = empty_client.get(path)
    assert r.status_code == 200, r.text[:300]


def test_empty_kb_overview_says_so(empty_client):
    text = empty_client.get("/").text
    assert "No dated events to chart yet." in text and "No bilateral trade figures reported." in text


def test_internal_errors_are_clean(web_kb, monkeypatch):
    """Should the read API itself fail, the answer is a plain 500 with the same headers
    and no traceback, as JSON under /api/ and as a small page elsewhere."""
    from fastapi.testclient import TestClient

    from tieline.query import KB
    from tieline.web.app import create_app
    app = create_app(web_kb)

    def broken(self, *a, **k):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(KB, "conflicts", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        api = c.get("/api/conflicts")
        assert api.status_code == 500 and api.json()["error"]["code"] == "T699"
        assert "disk on fire" not in api.text and "Traceback" not in api.text
        assert "default-src 'none'" in api.headers["content-security-policy"]
        page = c.get("/conflicts")
        assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
        assert "disk on fire" not in page.text
        assert "default-src 'none'" in page.headers["content-security-policy"]
