"""Local engine: the map inline (1 job) or over a process pool (N jobs)."""
from __future__ import annotations

from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

from ..extract.nlp import load_nlp
from .work import extract_batch


def _warm() -> None:
    load_nlp()


class LocalRunner:
    name = "local"

    def __init__(self, jobs: int = 1):
        self.jobs = max(1, jobs)
        self._pool = None

    def __enter__(self):
        if self.jobs > 1:
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_warm)
        return self

    def __exit__(self, *exc):
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def map(self, batches: Iterable[list]) -> Iterator[tuple[list, list]]:
        """(batch, results) pairs in input order, with a bounded number in flight."""
        if self._pool is None:
            for batch in batches:
                yield batch, extract_batch(batch)
            return
        pending: deque = deque()
        for batch in batches:
            pending.append((batch, self._pool.submit(extract_batch, batch)))
            if len(pending) >= 2 * self.jobs:
                b, fut = pending.popleft()
                yield b, fut.result()
        while pending:
            b, fut = pending.popleft()
            yield b, fut.result()
