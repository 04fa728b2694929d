"""The corpus-level reduce: reads the per-document tables, writes fusion results."""
from __future__ import annotations

import sqlite3

from ..store import db
from .cluster import cluster_events
from .conflicts import find_conflicts
from .lifecycle import project_lifecycles
from .neardup import near_duplicates
from .resolve import resolve_entities


def fuse_corpus(conn: sqlite3.Connection) -> dict:
    """Recompute near-duplicates, entities, clusters, conflicts and project lifecycles.

    Deterministic: inputs are read in document-name order and every step is pure.
    """
    docs = db.doc_infos(conn)
    near = near_duplicates(db.simhashes(conn))
    mentions = db.load_mentions(conn)
    entities = resolve_entities(mentions, {d: (i.name, i.published) for d, i in docs.items()})
    pairs = db.load_events(conn)
    ids = [eid for eid, _ in pairs]
    events = [e for _, e in pairs]
    clusters = cluster_events(events, docs, mentions)
    cluster_rows = []
    for n, c in enumerate(clusters, 1):
        canon = c.canonical
        members = [ids[i] for i in c.members]
        cluster_rows.append({
            "cluster_id": f"c{n:05d}", "events": members, "canonical": members[0],
            "type": canon.type, "status": canon.status, "date": canon.date,
            "countries": list(canon.countries), "amounts": [a.as_json() for a in canon.amounts],
            "n_documents": c.n_docs, "n_sources": c.n_sources,
        })
    figures = [f for _, f in db.load_figures(conn)]
    conflicts = find_conflicts(events, figures, [*mentions, *entities], docs, clusters)
    projects = project_lifecycles(events, mentions, clusters)
    db.replace_fusion(conn, entities=entities, clusters=cluster_rows, conflicts=conflicts,
                      projects=projects, near_dups=near)
    return {"near_duplicates": len(near), "entities": len(entities), "clusters": len(clusters),
            "conflicts": len(conflicts), "projects": len(projects)}
