"""Dask engine: the same per-document map on a Dask cluster.

With no scheduler address a LocalCluster of ``jobs`` single-threaded worker
processes is started (and stopped) for the build. Extraction runs on the workers;
the SQLite writer and fusion stay in this process (one writer per knowledge base).
"""
from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

from ..errors import TielineError
from .work import extract_batch


class DaskRunner:
    name = "dask"

    def __init__(self, jobs: int = 1, scheduler: str | None = None):
        self.jobs = max(1, jobs)
        self.scheduler = scheduler
        self._client = None
        self._cluster = None

    def __enter__(self):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - dask is a dependency
            raise TielineError("T302", "dask.distributed is not installed", "pip install 'dask[distributed]'") from exc
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout="20s")
            else:
                self._cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=40)
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise TielineError("T303", f"cannot reach the Dask scheduler {self.scheduler}: {exc}",
                               "check the address (tcp://HOST:8786) or drop --scheduler for a local cluster") from exc
        return self

    def __exit__(self, *exc):
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def map(self, batches: Iterable[list]) -> Iterator[tuple[list, list]]:
        """(batch, results) in input order; a bounded number of batches in flight."""
        window = 2 * max(self.jobs, len(self._client.scheduler_info().get("workers", {})) or 1)
        pending: deque = deque()
        for batch in batches:
            pending.append((batch, self._client.submit(extract_batch, batch, pure=False)))
            if len(pending) >= window:
                b, fut = pending.popleft()
                yield b, fut.result()
        while pending:
            b, fut = pending.popleft()
            yield b, fut.result()
