"""Readers: paths, directories, JSONL files and URL lists in; Documents or Problems out.

Every input ends as exactly one of: a Document, a Problem, or (decided by the
store) a declared duplicate. Nothing here raises for bad input: it becomes a
Problem with a code from ``errors.PROBLEM_CODES`` and a one-line reason.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlparse

from .. import config
from ..errors import TielineError
from ..model import Document, Paragraph, Problem
from .clean import CleanResult, clean_text
from .html import html_to_text
from .language import detect_language
from .meta import extract_meta

#: Magic numbers of common binary formats (checked before any decoding).
BINARY_MAGIC = (
    b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"GIF8", b"\xff\xd8\xff",
    b"BZh", b"\x7fELF", b"MZ", b"SQLite format 3", b"OggS", b"RIFF", b"ID3",
)


@dataclass(frozen=True, slots=True)
class Item:
    """One input as the walker found it."""

    source: str
    path: Path | None = None
    data: dict | None = None       # a JSONL record
    problem: Problem | None = None


# ----------------------------------------------------------------- walking

def _kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in config.TEXT_SUFFIXES:
        return "txt"
    if suffix in config.HTML_SUFFIXES:
        return "html"
    if suffix in config.MARKDOWN_SUFFIXES:
        return "md"
    if suffix in config.JSONL_SUFFIXES:
        return "jsonl"
    return None


def walk(paths: Iterable[str | os.PathLike]) -> Iterator[Item]:
    """Files under ``paths`` (recursively, sorted, each directory once).

    Iterative (an explicit stack), so a tree nested thousands of levels deep is walked
    without recursion. A file reached again under another name (a symlink) is still
    yielded: the build then declares it a duplicate instead of silently dropping it.
    Only the very same path given twice is skipped.
    """
    dirs: set[tuple[int, int]] = set()
    sources: set[str] = set()
    for p in paths:
        stack: list[Iterator[tuple[Path, bool]]] = [iter([(Path(p), True)])]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                continue
            path, explicit = nxt
            children = yield from _visit(path, explicit, dirs, sources)
            if children:
                stack.append(iter([(c, False) for c in children]))


def _visit(path: Path, explicit: bool, dirs: set, sources: set[str]):
    """Yield the items of one path; return a directory's children to walk next."""
    src = display(path)
    if src in sources:
        return None
    sources.add(src)
    try:
        try:
            st = os.stat(path)        # follows symlinks; one call, whatever the depth
        except FileNotFoundError:
            st = None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                st = None
            else:
                raise
        if st is None:
            if os.path.islink(path):
                yield Item(src, problem=Problem(src, "T111", "broken symlink or symlink loop"))
            else:
                yield Item(src, problem=Problem(src, "T101", "no such file or directory"))
            return None
        if stat.S_ISDIR(st.st_mode):
            # (device, inode), not realpath(): realpath costs one lstat per path component,
            # which on a tree thousands of levels deep is cubic.
            key = (st.st_dev, st.st_ino)
            if key in dirs:
                yield Item(src, problem=Problem(src, "T111", "directory already visited (symlink loop)"))
                return None
            dirs.add(key)
            try:
                children = sorted(path.iterdir(), key=lambda c: c.name)
            except OSError as exc:
                yield Item(src, problem=Problem(src, "T101", f"cannot list directory: {exc.strerror or exc}"))
                return None
            return [c for c in children
                    if not c.name.startswith(".") and (c.is_dir() or _kind(c) or c.is_symlink())]
        if not stat.S_ISREG(st.st_mode):
            yield Item(src, problem=Problem(src, "T101", "not a regular file"))
            return None
        kind = _kind(path)
        if kind is None:
            if explicit:
                yield Item(src, problem=Problem(src, "T110", f"unsupported file type {path.suffix or '(none)'}"))
            return None
        if kind == "jsonl":
            yield from _jsonl_items(path, src)
        else:
            yield Item(src, path=path)
    except OSError as exc:
        yield Item(src, problem=Problem(src, "T101", f"unreadable: {exc.strerror or type(exc).__name__}"))
    return None


def _jsonl_items(path: Path, src: str) -> Iterator[Item]:
    try:
        raw = _read_bytes(path)
        text = decode(raw)
    except TielineError as exc:
        yield Item(src, problem=Problem(src, exc.code, exc.message))
        return
    n = 0
    # "\n" only: str.splitlines() also breaks at U+2028, U+0085, \x1c.., which JSON
    # allows raw inside a string, and would cut a valid record in two.
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        n += 1
        where = f"{src}:{lineno}"
        if len(line) > config.MAX_FILE_BYTES:
            yield Item(where, problem=Problem(where, "T104", "record exceeds the size limit"))
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(where, problem=Problem(where, "T107", f"not valid JSON ({exc.msg})"))
            continue
        except RecursionError:
            yield Item(where, problem=Problem(where, "T107", "JSON nested too deeply"))
            continue
        except ValueError as exc:   # e.g. an integer past Python's digit limit
            yield Item(where, problem=Problem(where, "T107", f"unreadable JSON value ({str(exc)[:80]})"))
            continue
        if not isinstance(rec, dict):
            yield Item(where, problem=Problem(where, "T107", "a JSONL line must be an object"))
            continue
        body = rec.get("text") if rec.get("text") is not None else rec.get("html")
        if not isinstance(body, str):
            yield Item(where, problem=Problem(where, "T107", "record needs a string 'text' or 'html' field"))
            continue
        if len(body.encode("utf-8", "surrogatepass")) > config.MAX_FILE_BYTES:
            yield Item(where, problem=Problem(where, "T104", "record text exceeds the size limit"))
            continue
        yield Item(where, path=path, data=rec)
    if n == 0:
        yield Item(src, problem=Problem(src, "T102", "JSONL file has no records"))


# ----------------------------------------------------------------- decoding

def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise TielineError("T101", f"unreadable: {exc.strerror or type(exc).__name__}") from exc
    if size > config.MAX_FILE_BYTES:
        raise TielineError("T104", f"file is {size / 1e6:.0f} MB, over the {config.MAX_FILE_BYTES / 1e6:.0f} MB limit",
                           "split it or raise TIELINE_MAX_FILE_BYTES")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(config.MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise TielineError("T101", f"unreadable: {exc.strerror or type(exc).__name__}") from exc
    if len(raw) > config.MAX_FILE_BYTES:   # grew after stat, or a special file that lies about its size
        raise TielineError("T104", f"file is over the {config.MAX_FILE_BYTES / 1e6:.0f} MB limit",
                           "split it or raise TIELINE_MAX_FILE_BYTES")
    return raw


def decode(raw: bytes) -> str:
    """Bytes to text: BOMs, UTF-8, UTF-16 without BOM, then legacy 8-bit encodings.

    Raises TielineError T102 (empty), T103 (binary) or T105 (undecodable).
    """
    if not raw.strip():
        raise TielineError("T102", "empty or whitespace-only file")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                     (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return _checked(raw.decode(enc))
            except UnicodeDecodeError as exc:
                raise TielineError("T105", f"{enc} byte-order mark but invalid {enc} ({exc.reason})") from exc
    if raw.startswith(BINARY_MAGIC):
        raise TielineError("T103", "binary file (recognised format signature)")
    head = raw[:4096]
    if 0 < head.count(b"\x00") <= max(1, len(head) // 200) and raw.count(b"\x00") <= len(raw) // 200:
        # A few stray NULs in text (a corrupted scrape) are dropped, not fatal. Binary
        # files without a known signature still fail the control-character check.
        raw = raw.replace(b"\x00", b"")
        head = raw[:4096]
        if not raw.strip():
            raise TielineError("T102", "empty or whitespace-only file")
    if head.count(b"\x00"):
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        # Non-Latin UTF-16 (Cyrillic, Greek...) has NULs only where ASCII spaces and
        # digits stand: fewer, but all on one side.
        even, odd = head[0::2].count(0), head[1::2].count(0)
        one_sided = min(even, odd) == 0 and max(even, odd) >= 0.05 * (len(head) / 2)
        if one_sided or (max(even, odd) > 0.3 * (len(head) / 2) and min(even, odd) < 0.05 * (len(head) / 2)):
            enc = "utf-16-be" if even > odd else "utf-16-le"
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                text = None
            if text is not None and _one_script(text):
                return _checked(text)
        raise TielineError("T103", "binary file (contains NUL bytes)")
    try:
        return _checked(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(raw)
    if mostly is not None:
        return _checked(mostly)
    return _checked(_legacy_decode(raw))


def _one_script(text: str) -> bool:
    """Text, not binary read as UTF-16: ASCII plus one 128-code-point block carry most
    of the letters (random bytes decoded as UTF-16 scatter over hundreds of blocks)."""
    sample = [ord(c) >> 7 for c in text[:4096] if not c.isspace()]
    if not sample:
        return False
    blocks: dict[int, int] = {}
    for b in sample:
        blocks[b] = blocks.get(b, 0) + 1
    top = sorted(blocks.values(), reverse=True)[:2]
    return sum(top) >= 0.9 * len(sample)


def _mostly_utf8(raw: bytes) -> str | None:
    """UTF-8 with a few broken sequences (a corrupt byte, a cut-off tail): decode it as
    UTF-8 with U+FFFD for the breakage, instead of guessing a legacy code page for the
    whole file (which turns every correct accent and quote into mojibake). Needs proof
    the file is UTF-8: more valid multi-byte characters than broken sequences."""
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if 0 < bad < good and bad <= max(2, len(text) // 1000):
        return text
    return None


def _legacy_decode(raw: bytes) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it ships with trafilatura's deps
        from_bytes = None
    if from_bytes is not None:
        best = from_bytes(raw[:200_000]).best()
        if best is not None and best.encoding:
            try:
                return raw.decode(best.encoding)
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise TielineError("T105", "not valid UTF-8 and no legacy encoding fits") from exc


def _checked(text: str) -> str:
    """Reject decoded text that is mostly control characters (binary in disguise)."""
    sample = text[:8192]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if sample and bad > 0.05 * len(sample):
        raise TielineError("T103", "binary file (mostly control characters)")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise TielineError("T102", "empty or whitespace-only file")
    return text


# ----------------------------------------------------------------- documents

_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> str:
    """Lone surrogates (from JSON escapes such as "\\ud800" or exotic codecs) cannot be
    stored as UTF-8; each becomes U+FFFD, one character for one, so offsets hold."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def display(path: str | os.PathLike) -> str:
    """A path as storable text: undecodable bytes in file names become \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


#: A run longer than this without a space (base64, minified code) is data, not words;
#: a run of blanks this long inside a line is layout, not text.
MAX_RUN_CHARS = 1000
#: Of an overlong token, the cleaner sees only this many characters.
_TOKEN_KEEP = 100
_HSPACE = r"[^\S\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"     # whitespace that does not break a line
# The lookbehinds anchor each match at the start of a run, so the search stays linear.
_LONG_RUN = re.compile(r"(?<!\S)(?P<tok>\S{%d,})|(?<!%s)(?P<gap>%s{%d,})" % (MAX_RUN_CHARS, _HSPACE, _HSPACE, MAX_RUN_CHARS))


def _filler(n: int) -> str:
    """n characters of ' - - -': no words, no runs, nothing a line regex can chew on."""
    return (" -" * (n // 2 + 1))[:n]


def _mask_long_runs(text: str) -> str:
    """The cleaner's view of ``text``: overlong tokens and blank runs replaced, same length.

    The cleaner's line regexes are quadratic in the length of one token or one run of
    blanks (a 40k-character run takes seconds, a 10 MB one never ends). The view keeps
    every offset, so the paragraphs it yields are re-sliced from the real text.
    """
    if not _LONG_RUN.search(text):
        return text

    def repl(m: re.Match) -> str:
        run = m.group()
        return run[:_TOKEN_KEEP] + _filler(len(run) - _TOKEN_KEEP) if m.group("tok") else _filler(len(run))
    return _LONG_RUN.sub(repl, text)


#: Metadata fields (title, author, site, url) longer than this are cut: a 200 KB
#: <title> is page garbage, and every export and listing would carry it.
MAX_META_CHARS = 1000


def _capped(value: str) -> str:
    return value if len(value) <= MAX_META_CHARS else value[:MAX_META_CHARS - 1].rstrip() + "\u2026"


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def make_document(raw_text: str, *, name: str, source: str, fmt: str, hints: dict | None = None) -> Document:
    """Clean a decoded text and gather its metadata into a Document (pure).

    The cleaner, the metadata reader and the language guesser belong to other modules;
    a failure in one of them must not abort the build. A cleaner failure is a T108
    problem; metadata or language failures leave those fields empty (the body is kept).
    """
    raw_text, name, source = scrub(raw_text), scrub(name), scrub(source)
    hints = {k: scrub(v) if isinstance(v, str) else v for k, v in (hints or {}).items()}
    try:
        view = _mask_long_runs(raw_text)
        cleaned = clean_text(view)
        if view is not raw_text:
            cleaned = CleanResult(
                tuple(Paragraph(p.start, p.end, raw_text[p.start:p.end]) for p in cleaned.paragraphs),
                tuple(Paragraph(p.start, p.end, raw_text[p.start:p.end]) for p in cleaned.dropped),
                cleaned.reasons, cleaned.title_para)
    except RecursionError:
        raise TielineError("T108", "text nested too deeply to clean") from None
    except Exception as exc:   # noqa: BLE001 - a cleaner bug becomes this input's problem
        raise TielineError("T108", f"cleaning failed ({type(exc).__name__}: {str(exc)[:120]})") from exc
    if not cleaned.paragraphs:
        raise TielineError("T108", "no article body left after cleaning")
    try:
        meta = extract_meta(raw_text, cleaned, hints)
    except Exception:   # noqa: BLE001 - metadata is optional; the article is not
        meta = {k: hints.get(k) for k in ("title", "author", "published", "url", "site")}
    meta = {k: (_capped(scrub(v)) if isinstance(v, str) else None) for k, v in meta.items()}
    body = "\n".join(p.text for p in cleaned.paragraphs)
    try:
        language = hints.get("lang_detected") or detect_language(body)
    except Exception:   # noqa: BLE001 - an unknown language is better than a lost article
        language = None
    url = hints.get("url") if isinstance(hints.get("url"), str) else None
    url = url or meta.get("url")
    site = meta.get("site") or (hints.get("site") if isinstance(hints.get("site"), str) else None)
    if not site and url:
        try:
            site = urlparse(url).netloc
        except ValueError:   # "http://[::1" and friends
            site = None
    url, site = (_capped(url) if url else None), (_capped(site) if site else None)
    return Document(
        doc_id=content_id(raw_text),
        name=name,
        source=source,
        fmt=fmt,
        raw_text=raw_text,
        paragraphs=tuple(cleaned.paragraphs),
        title=meta.get("title"),
        author=meta.get("author"),
        published=meta.get("published"),
        language=language if isinstance(language, str) else None,
        url=url,
        site=site or None,
        dropped=tuple(cleaned.dropped),
    )


def read_item(item: Item) -> Document:
    """Turn one walker item into a Document; raises TielineError for bad input."""
    if item.problem is not None:
        raise TielineError(item.problem.code, item.problem.message)
    if item.data is not None:
        return _record_document(item)
    path = item.path
    assert path is not None
    kind = _kind(path)
    text = decode(_read_bytes(path))
    if kind == "html" or (kind != "txt" and _looks_like_html(text)):
        rendered, hints = _render_html(text)
        return make_document(rendered, name=path.stem, source=item.source, fmt="html", hints=hints)
    return make_document(text, name=path.stem, source=item.source, fmt=kind or "txt")


def _record_document(item: Item) -> Document:
    rec = item.data or {}
    hints = {k: rec.get(k) for k in ("title", "author", "published", "url", "site")
             if isinstance(rec.get(k), str) and rec.get(k).strip()}
    stem = item.path.stem if item.path else "record"
    rid = rec.get("id")
    name = str(rid) if isinstance(rid, (str, int)) and str(rid).strip() else f"{stem}-{item.source.rsplit(':', 1)[-1]}"
    if isinstance(rec.get("text"), str):
        if not rec["text"].strip():
            raise TielineError("T102", "record text is empty")
        text = scrub(_checked(rec["text"]))
        return make_document(text, name=name, source=item.source, fmt="jsonl", hints=hints)
    rendered, html_hints = _render_html(scrub(_checked(rec["html"])))
    html_hints.update(hints)
    return make_document(rendered, name=name, source=item.source, fmt="jsonl", hints=html_hints)


def _render_html(text: str) -> tuple[str, dict]:
    """html_to_text, with its crashes turned into a T106 problem for this input."""
    try:
        return html_to_text(text)
    except TielineError:
        raise
    except RecursionError:
        raise TielineError("T106", "markup nested too deeply to read") from None
    except Exception as exc:   # noqa: BLE001 - a renderer bug becomes this input's problem
        raise TielineError("T106", f"HTML could not be rendered ({type(exc).__name__}: {str(exc)[:120]})") from exc


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head


def read_items(items: Iterable[Item]) -> Iterator[Document | Problem]:
    """Documents for the good items, Problems for the rest (never raises for input)."""
    for item in items:
        src = scrub(item.source)
        try:
            yield read_item(item)
        except TielineError as exc:
            yield Problem(src, exc.code, scrub(exc.message))
        except RecursionError:
            yield Problem(src, "T106", "markup nested too deeply to read")
        except (ValueError, UnicodeError) as exc:
            yield Problem(src, "T105", scrub(f"cannot read text: {exc}"[:200]))
