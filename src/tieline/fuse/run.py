"""The corpus-level reduce: reads the per-document tables, writes fusion results."""
from __future__ import annotations

import sqlite3

from ..store import db
from .neardup import near_duplicates


def fuse_corpus(conn: sqlite3.Connection) -> dict:
    """Recompute near-duplicates, entities, clusters, conflicts and projects."""
    near = near_duplicates(db.simhashes(conn))
    db.replace_fusion(conn, near_dups=near)
    return {"near_duplicates": len(near)}
