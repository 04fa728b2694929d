"""Per-document extraction: pure functions from a parsed document to records."""
