"""Web fixtures: the app on the sample KB, in-process (TestClient) and served by uvicorn."""
from __future__ import annotations

import os
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def web_kb(request) -> Path:
    """The sample KB (built by the shared fixture); TIELINE_TEST_KB=path reuses one
    already built, which keeps these tests runnable while extractors are mid-change."""
    prebuilt = os.environ.get("TIELINE_TEST_KB")
    if prebuilt:
        return Path(prebuilt)
    return request.getfixturevalue("sample_kb")


@pytest.fixture(scope="session")
def app(web_kb):
    from tieline.web.app import create_app
    return create_app(web_kb)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(app):
    """Serve ``app`` with uvicorn on a free local port in a background thread."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_url(app):
    with served(app) as url:
        yield url


@pytest.fixture(scope="session")
def hostile_kb(tmp_path_factory) -> Path:
    """A KB built from invented articles whose text, title, author and URL carry
    script tags, event handlers, iframes and javascript: links."""
    from tieline.engine.build import build

    path = tmp_path_factory.mktemp("hostile") / "kb.sqlite"
    build([str(HERE / "fixtures" / "hostile")], path)
    return path


@pytest.fixture(scope="session")
def hostile_app(hostile_kb):
    from tieline.web.app import create_app
    return create_app(hostile_kb)


@pytest.fixture(scope="session")
def hostile_client(hostile_app):
    from fastapi.testclient import TestClient
    with TestClient(hostile_app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def hostile_url(hostile_app):
    with served(hostile_app) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (apt install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _open_page(browser, base: str):
    """A fresh page that records console errors, page errors, failed requests, HTTP
    errors, dialogs and any request that leaves the app's own origin."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
          if m.type in ("error", "warning") else None)
    pg.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    pg.on("requestfailed", lambda r: problems.append(f"requestfailed: {r.url} {r.failure}"))
    pg.on("response", lambda r: problems.append(f"http {r.status}: {r.url}") if r.status >= 400 else None)
    pg.on("request", lambda r: problems.append(f"external request: {r.url}")
          if not r.url.startswith(base) and not r.url.startswith("data:") else None)
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.add_init_script("window.__pwned = 0;")
    pg.problems = problems
    pg.base = base
    return ctx, pg


@pytest.fixture()
def page(browser, live_url):
    ctx, pg = _open_page(browser, live_url)
    yield pg
    ctx.close()


@pytest.fixture()
def hostile_page(browser, hostile_url):
    ctx, pg = _open_page(browser, hostile_url)
    yield pg
    ctx.close()


def shot(pg, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path
