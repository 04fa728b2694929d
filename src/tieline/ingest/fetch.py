"""URL lists: fetch pages over HTTP(S) at build time (the only network use)."""
from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

from .. import __version__, config
from ..errors import TielineError
from ..model import Document, Problem
from .readers import _checked, _looks_like_html, decode, make_document
from .html import html_to_text

TIMEOUT_S = 20


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
    req = urllib.request.Request(url, headers={"User-Agent": f"tieline/{__version__}"})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:
            raw = resp.read(config.MAX_FILE_BYTES + 1)
            charset = resp.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise TielineError("T109", f"HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise TielineError("T109", f"cannot fetch: {getattr(exc, 'reason', exc)}") from exc
    if len(raw) > config.MAX_FILE_BYTES:
        raise TielineError("T104", "page exceeds the size limit")
    text = None
    if charset:
        try:
            text = _checked(raw.decode(charset))
        except (UnicodeDecodeError, LookupError):
            text = None
    text = text or decode(raw)
    name = url.rstrip("/").rsplit("/", 1)[-1].split("?")[0] or "index"
    name = Path(name).stem or name
    if _looks_like_html(text) or "<" in text[:200]:
        rendered, hints = html_to_text(text)
        hints["url"] = hints.get("url") or url
        return make_document(rendered, name=name, source=url, fmt="url", hints=hints)
    return make_document(text, name=name, source=url, fmt="url", hints={"url": url})


def fetch_all(urls: list[str]) -> Iterator[Document | Problem]:
    for url in urls:
        try:
            yield fetch(url)
        except TielineError as exc:
            yield Problem(url, exc.code, exc.message)
