"""URL lists: fetch pages over HTTP(S) at build time (the only network use)."""
from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

from .. import __version__, config
from ..errors import TielineError
from ..model import Document, Problem
from .readers import _checked, _looks_like_html, _render_html, decode, make_document

TIMEOUT_S = 20
#: A whole page, however slowly the server drips it, gets this long.
TOTAL_TIMEOUT_S = 60
_CHUNK = 1 << 16


def _read_capped(resp, deadline: float) -> bytes:
    """The body, up to MAX_FILE_BYTES + 1 bytes, within the deadline (T109 past it).

    ``timeout`` on urlopen bounds each socket read, not the page: a server sending a
    byte every few seconds would otherwise hold the build forever.
    """
    parts, size = [], 0
    while size <= config.MAX_FILE_BYTES:
        if time.monotonic() > deadline:
            raise TielineError("T109", f"page not received within {TOTAL_TIMEOUT_S} s")
        chunk = resp.read1(_CHUNK) if hasattr(resp, "read1") else resp.read(_CHUNK)
        if not chunk:
            # read1 does not raise IncompleteRead: a body shorter than its declared
            # Content-Length shows as bytes still owed when the stream ends.
            owed = getattr(resp, "length", None)
            if owed:
                raise TielineError("T109", f"connection closed with {owed} bytes of the page missing")
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def read_url_list(path: str | Path) -> list[str]:
    """URLs from a file, one a line; blank lines and # comments skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TielineError("T101", f"cannot read URL list {path}: {exc}", "pass a UTF-8 text file, one URL a line")
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def fetch(url: str) -> Document:
    if not url.lower().startswith(("http://", "https://")):
        raise TielineError("T109", "not an http(s) URL")
    try:
        req = urllib.request.Request(url, headers={"User-Agent": f"tieline/{__version__}"})
        deadline = time.monotonic() + TOTAL_TIMEOUT_S
        with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:
            raw = _read_capped(resp, deadline)
            charset = resp.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise TielineError("T109", f"HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise TielineError("T109", f"cannot fetch: {getattr(exc, 'reason', exc)}") from exc
    except http.client.HTTPException as exc:    # truncated body, garbage status line, too many headers
        raise TielineError("T109", f"broken HTTP response ({type(exc).__name__})") from exc
    if len(raw) > config.MAX_FILE_BYTES:
        raise TielineError("T104", "page exceeds the size limit")
    text = None
    if charset:
        try:
            text = _checked(raw.decode(charset))
        except (UnicodeError, LookupError, TielineError):
            text = None     # a wrong or exotic declared charset: sniff the bytes instead
    text = text or decode(raw)
    name = url.rstrip("/").rsplit("/", 1)[-1].split("?")[0] or "index"
    name = Path(name).stem or name
    if _looks_like_html(text) or "<" in text[:200]:
        rendered, hints = _render_html(text)
        hints["url"] = hints.get("url") or url
        return make_document(rendered, name=name, source=url, fmt="url", hints=hints)
    return make_document(text, name=name, source=url, fmt="url", hints={"url": url})


def fetch_all(urls: list[str]) -> Iterator[Document | Problem]:
    for url in urls:
        try:
            yield fetch(url)
        except TielineError as exc:
            yield Problem(url, exc.code, exc.message)
        except RecursionError:
            yield Problem(url, "T106", "page nested too deeply to read")
        except (ValueError, UnicodeError) as exc:
            yield Problem(url, "T105", f"cannot read page text: {str(exc)[:200]}")
