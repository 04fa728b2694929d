"""Template filters shared by the pages and the briefs: links only to safe places,
numbers people can read, text escaped for the target format."""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

from . import charts


def safe_url(url: str | None) -> str | None:
    """An article's URL, only if it is plain http(s) with a host: never javascript:,
    data:, protocol-relative or relative."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if any(c.isspace() or ord(c) < 32 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def urlq(value: Any) -> str:
    return quote(str(value), safe="")


def signed(v) -> str:
    if not isinstance(v, (int, float)):
        return "–"
    return "0" if v == 0 else f"{v:+g}"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def md(text: Any) -> str:
    """Untrusted text for Markdown: no raw HTML (entities for < > &), no markup, one line."""
    s = "" if text is None else str(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return re.sub(r"\s+", " ", s).strip()


def md_url(url: str | None) -> str | None:
    """A safe URL for a Markdown link target: parentheses and spaces percent-encoded."""
    u = safe_url(url)
    return quote(u, safe=":/?#@!$&'*+,;=%~-._") if u else None


FILTERS = {"urlq": urlq, "safe_url": safe_url, "money": charts.fmt_money, "amount": charts.fmt_amount,
           "num": charts.fmt_num, "signed": signed, "md": md, "md_url": md_url}
