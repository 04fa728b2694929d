"""`tieline build`: ingest -> extract (map) -> store -> fuse (reduce).

Streaming: documents flow through in batches; memory holds one batch per worker,
never the corpus. Each batch is committed in one transaction, so a killed build
resumes where it stopped (committed documents are skipped by content hash).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import TielineError
from ..fuse.neardup import simhash
from ..ingest.readers import read_items, walk
from ..model import Document, Problem, Records
from ..store import db


@dataclass
class BuildReport:
    run_id: int = 0
    inputs: int = 0
    new: int = 0
    known: int = 0
    duplicate: int = 0
    problems: list[Problem] = field(default_factory=list)
    extract_failures: int = 0
    events: int = 0
    quotes: int = 0
    figures: int = 0
    interrupted: bool = False

    def counts(self) -> dict:
        return {"inputs": self.inputs, "new": self.new, "known": self.known,
                "duplicate": self.duplicate, "problems": len(self.problems)}


Progress = Callable[[str, int, dict], None]   # (phase, advance, stats)


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def build(paths: list[str], db_path: str | Path, *, urls: list[str] | None = None, jobs: int = 1,
          engine: str = "local", scheduler: str | None = None, batch_size: int = 16,
          progress: Progress | None = None, fuse: bool = True) -> BuildReport:
    report = BuildReport()
    tick = progress or (lambda *a: None)
    with db.build_lock(db_path):
        conn = db.connect(db_path)
        try:
            report.run_id = db.start_run(conn, engine)
            try:
                _ingest_and_extract(conn, paths, urls or [], report, jobs, engine, scheduler, batch_size, tick)
                if fuse:
                    tick("fuse", 0, {})
                    from ..fuse.run import fuse_corpus
                    fuse_corpus(conn)
                db.finish_run(conn, report.run_id, "done", report.counts())
            except KeyboardInterrupt:
                report.interrupted = True
                conn.rollback()
                db.finish_run(conn, report.run_id, "interrupted", report.counts())
                raise
        finally:
            conn.close()
    return report


def _runner(engine: str, jobs: int, scheduler: str | None):
    if engine == "local":
        from .local import LocalRunner
        return LocalRunner(jobs)
    if engine == "dask":
        from .dask import DaskRunner
        return DaskRunner(jobs, scheduler)
    raise TielineError("T301", f"unknown engine {engine!r}", "use --engine local or --engine dask")


def _ingest_and_extract(conn, paths, urls, report: BuildReport, jobs, engine, scheduler, batch_size, tick) -> None:
    known = db.known_doc_ids(conn)
    seen_now: set[str] = set()

    def items():
        yield from read_items(walk(paths))
        if urls:
            from ..ingest.fetch import fetch_all
            yield from fetch_all(urls)

    def new_documents() -> Iterator[Document]:
        for got in items():
            report.inputs += 1
            if isinstance(got, Problem):
                report.problems.append(got)
                with conn:
                    db.record_problem(conn, got, report.run_id)
                tick("ingest", 1, {"problems": len(report.problems)})
                continue
            if got.doc_id in known or got.doc_id in seen_now:
                # the same input seen again is known; the same content under another
                # name is a declared duplicate
                prior = db.source_status(conn, got.source)
                status = "known" if prior in ("new", "known") else "duplicate"
                setattr(report, status, getattr(report, status) + 1)
                with conn:
                    db.record_source(conn, got.source, got.doc_id, status, report.run_id)
                tick("ingest", 1, {})
                continue
            seen_now.add(got.doc_id)
            yield got

    with _runner(engine, jobs, scheduler) as runner:
        for batch, results in runner.map(_batches(new_documents(), batch_size)):
            with conn:   # one transaction per batch: all of it lands, or none
                for doc, rec in zip(batch, results):
                    if isinstance(rec, str):
                        # The document is kept (body, metadata, search); its failure is a problem row.
                        report.extract_failures += 1
                        db.record_problem(conn, Problem(f"{doc.source}#extract", "T120",
                                                        f"extraction failed: {rec}", "extract"), report.run_id)
                        rec = Records(notes=(f"extraction failed: {rec}",))
                    db.write_document(conn, doc, rec, report.run_id, simhash(doc.body_text))
                    db.record_source(conn, doc.source, doc.doc_id, "new", report.run_id)
                    report.new += 1
                    report.events += len(rec.events)
                    report.quotes += len(rec.quotes)
                    report.figures += len(rec.figures)
                    known.add(doc.doc_id)
            tick("extract", len(batch), {"events": report.events})
