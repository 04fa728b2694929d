"""One error type for every user-facing failure: a code, a message, a hint."""
from __future__ import annotations


class TielineError(Exception):
    """A failure the user can act on.

    ``code`` is stable (``T101``); ``message`` says what went wrong in one line;
    ``hint`` says what to do about it.
    """

    def __init__(self, code: str, message: str, hint: str = "") -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


# Problem codes recorded for inputs that cannot become documents.
# Kept here so CLI, store and docs agree on one list.
PROBLEM_CODES = {
    "T101": "unreadable path (permission, vanished, not a regular file)",
    "T102": "empty or whitespace-only file",
    "T103": "binary file (not text)",
    "T104": "file too large",
    "T105": "cannot decode text (unknown or broken encoding)",
    "T106": "malformed HTML (no text could be extracted)",
    "T107": "malformed JSONL line or record",
    "T108": "no article body left after cleaning",
    "T109": "URL could not be fetched",
    "T110": "unsupported file type",
    "T111": "symlink loop or path outside the tree",
    "T120": "extraction failed for this document",
}
