"""URL lists: real HTTP against a server on 127.0.0.1 (no other network)."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tieline.engine.build import build
from tieline.errors import TielineError
from tieline.ingest.fetch import fetch, read_url_list

PAGE = """<!doctype html><html lang="en"><head><title>Oslo and Santiago sign fisheries pact</title>
<meta property="article:published_time" content="2021-03-05T09:00:00Z">
<meta name="author" content="Ana Ruiz"></head><body><nav>Home | World | Business</nav>
<article><h1>Oslo and Santiago sign fisheries pact</h1>
<p>Norway and Chile signed a fisheries agreement in Oslo on Thursday, officials said.</p>
<p>The accord covers joint research vessels and catch quotas for the next five years.</p>
</article><footer>Copyright 2021 Example News</footer></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server API
        if self.path == "/article.html":
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404, "Not Found")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetch_reads_page_and_metadata(server):
    doc = fetch(f"{server}/article.html")
    assert doc.title == "Oslo and Santiago sign fisheries pact"
    assert doc.published == "2021-03-05"
    assert "signed a fisheries agreement" in doc.body_text
    assert "Copyright" not in doc.body_text
    assert doc.url == f"{server}/article.html"


def test_fetch_errors_are_coded(server):
    with pytest.raises(TielineError) as exc:
        fetch(f"{server}/missing.html")
    assert exc.value.code == "T109" and "404" in exc.value.message
    with pytest.raises(TielineError):
        fetch("ftp://example.invalid/file")


def test_build_from_url_list_records_problems_and_goes_on(server, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# a comment\n{server}/article.html\n\n{server}/missing.html\n")
    assert read_url_list(urls) == [f"{server}/article.html", f"{server}/missing.html"]
    report = build([], tmp_path / "kb.sqlite", urls=read_url_list(urls))
    assert report.new == 1
    assert [p.code for p in report.problems] == ["T109"]
