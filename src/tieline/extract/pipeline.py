"""The per-document map: a parsed document in, its records out (pure)."""
from __future__ import annotations

from ..model import Records
from .events import extract_events
from .figures import extract_figures
from .mentions import extract_mentions
from .nlp import ParsedDoc
from .quotes import extract_quotes


def extract_records(parsed: ParsedDoc) -> Records:
    """Run every extractor over one parsed document.

    Non-English documents yield no records: the English rules would only produce
    noise there (the language is recorded on the document).
    """
    lang = parsed.doc.language
    if lang and lang != "en":
        return Records(notes=(f"language {lang}: extraction skipped",))
    return Records(
        events=tuple(extract_events(parsed)),
        quotes=tuple(extract_quotes(parsed)),
        figures=tuple(extract_figures(parsed)),
        mentions=tuple(extract_mentions(parsed)),
    )
