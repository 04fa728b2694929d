"""Language of a document's text, as an ISO 639-1 code.

py3langid (a deterministic, offline re-implementation of langid.py) does the work.
Short or ambiguous texts give ``None`` rather than a confident wrong guess: a handful
of words, mostly names and numbers, is not enough evidence.
"""
from __future__ import annotations

import re
from functools import lru_cache

#: Fewer letters than this and we do not guess.
MIN_LETTERS = 40
#: Minimum normalised probability for the winning language.
MIN_CONFIDENCE = 0.80
#: Text beyond this many characters adds cost, not accuracy.
MAX_CHARS = 20_000

_LETTER = re.compile(r"[^\W\d_]", re.U)
_URLS = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[@#]\w+")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str | None) -> str | None:
    """'en', 'fr', ... or None when the text is too short or the guess is unsure."""
    if not text:
        return None
    sample = _URLS.sub(" ", text[:MAX_CHARS])
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(sample)
    if prob < MIN_CONFIDENCE:
        return None
    return lang
