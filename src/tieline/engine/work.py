"""The per-document map, as one function every engine calls."""
from __future__ import annotations

import traceback

from ..extract.nlp import load_nlp, parse_documents
from ..extract.pipeline import extract_records
from ..model import Document, Records


def extract_batch(docs: list[Document]) -> list[Records | str]:
    """Records for each document, or a one-line error string where extraction failed.

    A failure in one document never loses the others: the batch is retried one
    document at a time to find the culprit.
    """
    nlp = load_nlp()
    try:
        return [extract_records(p) for p in parse_documents(docs, nlp)]
    except Exception:  # noqa: BLE001 - isolate the failing document below
        if len(docs) == 1:
            return [_one_line_error()]
    out: list[Records | str] = []
    for d in docs:
        try:
            out.extend(extract_records(p) for p in parse_documents([d], nlp))
        except Exception:  # noqa: BLE001
            out.append(_one_line_error())
    return out


def _one_line_error() -> str:
    lines = traceback.format_exc().strip().splitlines()
    return lines[-1][:300] if lines else "unknown error"
