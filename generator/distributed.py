"""Analysis on an existing Dask cluster (the optional ``[dask]`` extra).

``map_rows`` has the contract of ``generator.parallel.map_rows``: ``fn(payload, rows)``
over consecutive row ranges, results in row order, so a distributed build gives the same
output, byte for byte, as a local one. The payload is sent to every worker once
(``Client.scatter(..., broadcast=True)``); only the row ranges and the results travel
afterwards. ``map_items`` does the same for a function of one item (quote extraction).

The workers need wiretrace installed at the same version as the client (the functions are
pickled by reference). They never read the site folder nor write its cache: the local
process reads, collects and renders.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .errors import BuildError, Problem
from .parallel import ranges

T = TypeVar("T")

CONNECT_TIMEOUT = "10s"
ROWS_PER_TASK = 25
"""Rows per task: small enough to balance uneven rows, large enough to keep overhead low."""

_CLIENTS: dict[str, Any] = {}


def _problem(message: str) -> BuildError:
    return BuildError([Problem("--scheduler (or scheduler: in site.yml)", message)])


def client(address: str):
    """A ``dask.distributed.Client`` connected to ``address`` (one per address and process);
    a BuildError naming the option if dask is missing or the scheduler cannot be reached."""
    if address in _CLIENTS:
        return _CLIENTS[address]
    try:
        from dask.distributed import Client
    except ImportError:
        raise _problem("dask is not installed: pip install 'wiretrace[dask]' "
                       "(or drop the option to analyse on this machine)") from None
    try:
        _CLIENTS[address] = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise _problem(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    return _CLIENTS[address]


def close_all() -> None:
    """Close every client this process opened (tests, long-running serve)."""
    while _CLIENTS:
        _CLIENTS.popitem()[1].close()


def map_rows(fn: Callable[[Any, range], T], payload: Any, n: int, address: str) -> list[T]:
    """``fn(payload, rows)`` over consecutive ranges covering ``range(n)`` on the cluster at
    ``address``, in row order."""
    if n == 0:
        return []
    c = client(address)
    shared = c.scatter(payload, broadcast=True, hash=False)
    parts = ranges(n, max(1, -(-n // ROWS_PER_TASK)))
    futures = [c.submit(fn, shared, rows, pure=False) for rows in parts]
    return c.gather(futures)


def map_items(fn: Callable[[Any], T], items: list[Any], address: str) -> list[T]:
    """``[fn(item) for item in items]`` on the cluster at ``address``, in order."""
    if not items:
        return []
    c = client(address)
    return c.gather(c.map(fn, items, pure=False))
