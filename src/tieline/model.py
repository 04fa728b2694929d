"""The values that flow between stages: frozen, slotted dataclasses.

Every extracted fact carries ``doc_id`` and a ``(start, end)`` character span into
the document's raw text (``Document.raw_text``), plus the extractor version.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .config import EXTRACTOR_VERSION

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = ("occurred", "ongoing", "planned", "proposed", "negated")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A body paragraph: ``raw_text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str                      # content hash (sha256 of the raw text, 16 hex)
    name: str                        # file stem, or jsonl "id", used in exports
    source: str                      # path or URL it came from
    fmt: str                         # txt | html | md | jsonl | url
    raw_text: str                    # decoded text all spans point into
    paragraphs: tuple[Paragraph, ...]  # the cleaned body, in order
    title: str | None = None
    author: str | None = None
    published: str | None = None     # ISO 8601 at the precision the page gives
    language: str | None = None
    url: str | None = None
    site: str | None = None
    dropped: tuple[Paragraph, ...] = ()  # boilerplate/comments removed by the cleaner

    @property
    def body_text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @classmethod
    def from_paragraphs(cls, paragraphs, doc_id: str = "doc", **fields) -> "Document":
        """A document whose body is exactly ``paragraphs`` (texts joined by blank lines),
        with no cleaning: for callers that already have clean text, and for tests."""
        texts = list(paragraphs)
        raw = "\n\n".join(texts)
        paras, pos = [], 0
        for t in texts:
            start = raw.index(t, pos)
            paras.append(Paragraph(start, start + len(t), t))
            pos = start + len(t)
        fields.setdefault("name", doc_id)
        fields.setdefault("source", doc_id)
        fields.setdefault("fmt", "txt")
        return cls(doc_id=doc_id, raw_text=raw, paragraphs=tuple(paras), **fields)


@dataclass(frozen=True, slots=True)
class Amount:
    value: float
    unit: str                        # USD, km, bcm_per_year, percent, times, count, ...
    qualifier: str | None = None     # more_than | about | up_to
    start: int = -1                  # span in the raw text, -1 when unknown
    end: int = -1

    def as_json(self) -> dict:
        out = {"value": self.value, "unit": self.unit}
        if self.qualifier:
            out["qualifier"] = self.qualifier
        return out


@dataclass(frozen=True, slots=True)
class Event:
    doc_id: str
    start: int
    end: int
    evidence: str
    type: str
    mode: str | None = None
    sector: str | None = None
    status: str = "occurred"
    date: str | None = None
    countries: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    amounts: tuple[Amount, ...] = ()
    location: str | None = None
    project: str | None = None
    trigger: str | None = None       # the cue word that typed the event
    extractor: str = EXTRACTOR_VERSION


@dataclass(frozen=True, slots=True)
class Quote:
    doc_id: str
    start: int                       # span of the quoted words, without the marks
    end: int
    text: str
    speaker: str | None = None
    affiliation: str | None = None
    extractor: str = EXTRACTOR_VERSION


@dataclass(frozen=True, slots=True)
class Figure:
    doc_id: str
    start: int
    end: int
    evidence: str
    indicator: str                   # bilateral_trade | bilateral_trade_growth
    value: float
    unit: str
    period: str | None = None
    base_period: str | None = None
    countries: tuple[str, ...] = ()
    extractor: str = EXTRACTOR_VERSION
    qualifier: str | None = None     # more_than | about | up_to, as for amounts


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface form of a person, organization, group, project or country."""

    doc_id: str
    start: int
    end: int
    text: str
    label: str                       # PERSON | ORG | GROUP | PROJECT | COUNTRY
    name: str                        # the fullest form the document gives
    country: str | None = None
    role: str | None = None          # title/affiliation the text attaches here
    extractor: str = EXTRACTOR_VERSION


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    doc: str                         # document name
    date: str | None = None          # the document's published date


@dataclass(frozen=True, slots=True)
class Entity:
    entity_id: str                   # slug
    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    source: str                      # path, URL or "file.jsonl:LINE"
    code: str                        # see errors.PROBLEM_CODES
    message: str                     # one line
    stage: str = "ingest"


@dataclass(frozen=True, slots=True)
class Records:
    """Everything extraction found in one document."""

    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    mentions: tuple[Mention, ...] = ()
    notes: tuple[str, ...] = field(default=())
