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
    """Runs ``extract_batch`` over batches, in input order.

    With several jobs the pool starts only when a second batch arrives: a build of a
    handful of documents is not worth loading the model in every worker.
    """

    name = "local"

    def __init__(self, jobs: int = 1):
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def map(self, batches: Iterable[list]) -> Iterator[tuple[list, list]]:
        it = iter(batches)
        first = next(it, None)
        if first is None:
            return
        second = next(it, None)
        if second is None or self.jobs == 1:
            yield first, extract_batch(first)
            if second is not None:
                yield second, extract_batch(second)
            for batch in it:
                yield batch, extract_batch(batch)
            return
        self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_warm)
        pending: deque = deque()
        for batch in (first, second):
            pending.append((batch, self._pool.submit(extract_batch, batch)))
        for batch in it:
            pending.append((batch, self._pool.submit(extract_batch, batch)))
            if len(pending) >= 2 * self.jobs:
                b, fut = pending.popleft()
                yield b, fut.result()
        while pending:
            b, fut = pending.popleft()
            yield b, fut.result()
