"""Ingest: read inputs, decode, clean pages, gather metadata."""
