"""Exports of a knowledge base: eval JSON, JSONL, CSV, briefs."""
