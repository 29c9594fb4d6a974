"""Many files on all processor cores: forked copies of the warm process (rules loaded,
caches filled) each take files in turn; results come back in the order given.

Where fork is not available, on one core, or for a few files, the files are done here
one by one; the results are the same.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

MIN_FILES = 4  # fewer files are done here: starting the copies costs more than it saves

_job: Callable[[object], object] | None = None  # the work, inherited by the forked copies


def _run(item):
    return _job(item)


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worth_forking(items: list) -> bool:
    return len(items) >= MIN_FILES and _cores() >= 2


def in_order(job: Callable[[object], object], items: list,
             processes: int | None = None) -> Iterator:
    """job(item) for each item, in the items' order; `job` must return picklable values."""
    import multiprocessing as mp

    cores = processes or _cores()
    if len(items) < MIN_FILES or cores < 2 or "fork" not in mp.get_all_start_methods():
        yield from map(job, items)
        return
    # The first item is done here before forking: whatever the checks load on first use
    # (word tables, lemma data) is then loaded once and shared, not once in every copy.
    yield job(items[0])
    global _job
    _job = job
    try:
        with mp.get_context("fork").Pool(min(cores, len(items) - 1)) as pool:
            yield from pool.imap(_run, items[1:], chunksize=1)
    finally:
        _job = None
