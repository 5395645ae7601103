"""Ray actors, on a local Ray or a cluster joined by address; results in input order.

One actor per CPU loads the model once and analyzes the batches sent to it; the driver keeps
a bounded number of batches in flight, so the store is written exactly as the local executor
writes it. Ray is an optional extra, imported only here.
"""
from __future__ import annotations

import os
from collections import deque
from typing import Iterator, Optional

from ..errors import BilateralError
from ..options import DEFAULT, Options

# Batches queued per actor: one parsing, one waiting, so no actor idles while the driver stores.
IN_FLIGHT_PER_ACTOR = 2


def _ray():
    try:
        import ray
    except ImportError as exc:  # the extra is optional
        raise BilateralError("the Ray engine needs Ray: pip install -e '.[ray]'") from exc
    return ray


def start(address: Optional[str] = None, num_cpus: Optional[int] = None) -> bool:
    """Join the cluster at address, or start a local Ray on this machine; True when this call started it.

    A local Ray listens on localhost only and starts no dashboard."""
    ray = _ray()
    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if address:
        ray.init(address=address, include_dashboard=False, log_to_driver=True)
    else:
        ray.init(num_cpus=num_cpus or os.cpu_count() or 1, include_dashboard=False,
                 _node_ip_address="127.0.0.1")
    return True


class _Analyzer:
    """A Ray actor body: the model and gazetteer loaded once, then batch after batch."""

    def __init__(self, options: Options):
        from ..work import warm
        self.options = options
        warm(options)

    def analyze(self, documents: list) -> list:
        from ..work import analyze_batch
        return analyze_batch(documents, self.options)


class Ray:
    def __init__(self, options: Options = DEFAULT, address: Optional[str] = None, actors: Optional[int] = None):
        self.options = options
        self.address = address
        self.actors = actors

    def map_batches(self, batches: Iterator[list]) -> Iterator[list]:
        ray = _ray()
        started = start(self.address)
        try:
            n = self.actors or max(1, int(ray.available_resources().get("CPU", ray.cluster_resources().get("CPU", 1))))
            remote = ray.remote(num_cpus=1)(_Analyzer)
            pool = [remote.remote(self.options) for _ in range(n)]
            pending: deque = deque()
            for i, batch in enumerate(batches):
                pending.append(pool[i % n].analyze.remote(batch))
                if len(pending) >= n * IN_FLIGHT_PER_ACTOR:
                    yield ray.get(pending.popleft())
            while pending:
                yield ray.get(pending.popleft())
            for a in pool:
                ray.kill(a)
        finally:
            if started:
                ray.shutdown()
