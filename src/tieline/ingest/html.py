"""Render an HTML page to plain text, one block element a line, plus metadata hints.

The text this returns becomes the document's ``raw_text``: every span points into it,
so it must be stable (same HTML, same text) and readable as the page's words in
reading order. Markup that is never article text (scripts, styles, navigation,
footers, asides, forms) and blocks whose class or id names page furniture
(comments, share bars, related links, cookie banners) are left out here; the line
cleaner (``clean.clean_text``) handles what remains.

Hints come from what the page declares about itself: ``<title>``, Open Graph and
``article:`` meta tags, JSON-LD, ``<time datetime>`` inside the article, and
``<html lang>``. ``hints["main"]`` holds the (start, end) spans of the returned text
that trafilatura's main-content extraction kept, for ``clean_text(main=...)``.
"""
from __future__ import annotations

import json
import re

from ..errors import TielineError

# Elements that never hold article text.
_SKIP_TAGS = frozenset(
    "script style noscript template svg math iframe object embed canvas nav footer aside form "
    "button select option textarea input label dialog menu head link meta".split())
# Elements that end a line.
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article header main blockquote pre "
    "table thead tbody tfoot tr td th caption figure figcaption hr address details summary "
    "center fieldset legend body html".split())
# class/id words that name page furniture, matched as whole tokens of the attribute.
_FURNITURE = frozenset(
    "comment comments commentlist respond reply replies disqus share sharing social sharebar "
    "related recommended recirculation newsletter subscribe subscription cookie cookies consent "
    "gdpr advert advertisement ads ad promo sponsored sidebar breadcrumb breadcrumbs widget "
    "popup modal paywall tags tag-list taglist author-bio authorbox bio byline-share "
    "footer nav navbar menu masthead skip".split())
_KEEP_ALWAYS = frozenset(("html", "body", "main", "article"))
_TOKEN = re.compile(r"[a-z0-9]+", re.I)
_WS = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


_HIDDEN_CLASS = re.compile(r"\b(?:sr-only|visually-hidden|screen-reader-text|hidden|d-none)\b", re.I)


def _is_furniture(el, total: int) -> bool:
    if el.tag in _KEEP_ALWAYS:
        return False
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true" \
            or re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", el.get("style") or "", re.I) \
            or _HIDDEN_CLASS.search(el.get("class") or ""):
        return True
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role"))))
    if not attrs:
        return False
    role = (el.get("role") or "").lower() in ("navigation", "banner", "contentinfo", "complementary", "search")
    toks = {t.lower() for t in _TOKEN.findall(attrs)}
    if not (role or toks & _FURNITURE):
        return False
    # a wrapper named "has-comments" or "share-enabled" may hold the article itself:
    # an element carrying most of the page's text is never furniture
    return len(el.text_content()) <= 0.5 * total


def _render(root) -> str:
    """Text of ``root`` with block elements on their own lines."""
    parts: list[str] = []
    total = max(1, len(root.text_content()))

    def brk(n: str = "\n\n") -> None:
        parts.append(n)

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower().split("}")[-1]
        if not tag or tag in _SKIP_TAGS or _is_furniture(el, total):   # comments, PIs, furniture
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            brk()
        if tag == "br":
            brk("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            brk()
        elif tag in ("td", "th"):
            parts.append(" ")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines, blank = [], 0
    for line in "".join(parts).split("\n"):
        line = _WS.sub(" ", line).strip()
        if line:
            if lines and blank:
                lines.append("")
            lines.append(line)
            blank = 0
        else:
            blank += 1
    return "\n".join(lines) + ("\n" if lines else "")


# ---------------------------------------------------------------- hints

def _meta(doc, *names: str) -> str | None:
    for name in names:
        for el in doc.iter("meta"):
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
            if key == name and (el.get("content") or "").strip():
                return el.get("content").strip()
    return None


def _jsonld(doc) -> list[dict]:
    out: list[dict] = []
    for el in doc.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except (ValueError, TypeError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                if "@graph" in item and isinstance(item["@graph"], list):
                    stack.extend(item["@graph"])
                out.append(item)
    return out


def _article_ld(items: list[dict]) -> dict:
    for item in items:
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and (t.endswith("Article") or t in ("BlogPosting", "Report", "ReportageNews"))
               for t in types):
            return item
    return {}


def _names(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _strip_site(title: str, site: str | None) -> str:
    """'Headline | Site Name' -> 'Headline'."""
    parts = re.split(r"\s+(?:\||::|—|–|-|»)\s+", title)
    if len(parts) > 1:
        if site and parts[-1].strip().lower() == site.strip().lower():
            return " - ".join(parts[:-1]).strip()
        if len(parts[-1].split()) <= 4 and len(parts[0].split()) > len(parts[-1].split()):
            return parts[0].strip()
    return title.strip()


def _hints(doc) -> dict:
    ld = _article_ld(_jsonld(doc))
    site = _meta(doc, "og:site_name", "application-name") or next(iter(_names(ld.get("publisher"))), None)
    title = _meta(doc, "og:title", "twitter:title", "headline") or (ld.get("headline") if isinstance(ld.get("headline"), str) else None)
    if not title:
        scope = next(iter(doc.iter("article")), doc)
        h1 = next(iter(scope.iter("h1")), None)
        if h1 is not None and h1.text_content().strip():
            title = _WS.sub(" ", h1.text_content()).strip()
    if not title:
        t = next(iter(doc.iter("title")), None)
        if t is not None and t.text_content().strip():
            title = _strip_site(_WS.sub(" ", t.text_content()).strip(), site)
    elif site:
        title = _strip_site(title, site)

    author = [a for a in _names(ld.get("author")) if a and not a.startswith("http")]
    if not author:
        for name in ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author"):
            a = _meta(doc, name)
            if a and not a.startswith("http"):
                author = [a]
                break

    published = (_meta(doc, "article:published_time", "datepublished", "og:published_time", "pubdate",
                       "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created",
                       "parsely-pub-date", "sailthru.date")
                 or (ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None))
    if not published:
        scope = next(iter(doc.iter("article")), None)
        if scope is None:
            scope = next(iter(doc.iter("main")), None)
        if scope is not None:
            for el in scope.iter("time"):
                if el.get("datetime"):
                    published = el.get("datetime").strip()
                    break

    url = _meta(doc, "og:url") or next((l.get("href") for l in doc.iter("link")
                                         if (l.get("rel") or "").lower() == "canonical" and l.get("href")), None)
    lang = None
    html_el = doc if doc.tag == "html" else next(iter(doc.iter("html")), None)
    if html_el is not None and html_el.get("lang"):
        lang = html_el.get("lang").split("-")[0].strip().lower() or None
    return {"title": title or None, "author": ", ".join(author) if author else None,
            "published": published or None, "url": url or None, "site": site or None, "lang": lang}


def _main_spans(html: str, text: str) -> tuple[tuple[int, int], ...] | None:
    """Spans of ``text`` that trafilatura's main-content extraction also kept."""
    try:
        import trafilatura
        main = trafilatura.extract(html, include_comments=False, include_tables=False,
                                   deduplicate=False, favor_recall=True)
    except Exception:   # trafilatura is a helper here; a failure just means no hint
        return None
    if not main:
        return None
    spans, pos = [], 0
    for line in main.splitlines():
        line = _WS.sub(" ", line).strip().lstrip("-•* ").strip()
        if len(line.split()) < 4:
            continue
        probe = line[:80]
        i = text.find(probe, pos)
        if i < 0:
            i = text.find(probe)
        if i < 0:
            continue
        end = text.find("\n", i)
        spans.append((i, end if end >= 0 else len(text)))
        pos = i + len(probe)
    return tuple(sorted(set(spans))) or None


def _crude_text(html: str) -> str:
    """Tags stripped by pattern: the fallback when lxml builds no usable tree
    (broken markup, or nesting deeper than libxml2 accepts)."""
    import html as _html
    stripped = re.sub(r"(?is)<!--.*?-->", " ", html)
    stripped = re.sub(r"(?is)<(script|style|noscript|template|svg)\b.*?</\1\s*>", " ", stripped)
    stripped = re.sub(r"(?i)<\s*(?:br|/p|/div|/h\d|/li|/tr|/section|/article|/blockquote)\b[^>]*>", "\n\n", stripped)
    stripped = re.sub(r"<[^>]*>", " ", stripped)
    lines = [_WS.sub(" ", line).strip() for line in _html.unescape(stripped).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text + "\n" if text else ""


def html_to_text(html: str) -> tuple[str, dict]:
    """(text, hints) for one HTML page. Raises TielineError T106 when no text is found."""
    text, hints = "", {"title": None, "author": None, "published": None, "url": None,
                       "site": None, "lang": None}
    try:
        import lxml.html
        # lxml refuses str input that still carries an XML encoding declaration
        doc = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html))
        try:
            hints = _hints(doc)
        except Exception:   # odd markup in the head must not cost us the body
            pass
        body = next(iter(doc.iter("body")), doc)
        text = _render(body)
    except Exception:       # no tree at all (or one too deep to walk): strip tags instead
        text = ""
    if not text.strip():
        text = _crude_text(html)
    if not text.strip():
        raise TielineError("T106", "no text could be extracted from the HTML page",
                           "check that the file is an HTML article and not an empty shell or a script-only page")
    hints["main"] = _main_spans(html, text)
    return text, hints
