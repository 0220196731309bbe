"""Per-call time of GET /v1/user, sync and async, contenders interleaved round by round."""

from __future__ import annotations

import asyncio
import gc
import time

from scripts.bench.contenders import Contender, check_result
from scripts.bench.stats import rotate


def _warm_up(contenders: list[Contender], loop: asyncio.AbstractEventLoop) -> None:
    for c in contenders:
        assert c.call is not None and c.acall is not None
        for _ in range(5):
            check_result(c.name, c.call())
            check_result(c.name, loop.run_until_complete(c.acall()))


def measure(contenders: list[Contender], rounds: int, calls: int) -> dict[str, dict[str, list[float]]]:
    """{"sync"|"async": {contender: [seconds per call, one per round]}} for every available contender."""
    ready = [c for c in contenders if c.unavailable is None]
    by_name = {c.name: c for c in ready}
    out: dict[str, dict[str, list[float]]] = {"sync": {c.name: [] for c in ready}, "async": {c.name: [] for c in ready}}
    loop = asyncio.new_event_loop()
    try:
        _warm_up(ready, loop)
        for r in range(rounds):
            for name in rotate(list(by_name), r):
                c = by_name[name]
                assert c.call is not None and c.acall is not None
                gc.collect()
                call = c.call
                start = time.perf_counter()
                for _ in range(calls):
                    call()
                out["sync"][name].append((time.perf_counter() - start) / calls)
                gc.collect()
                out["async"][name].append(loop.run_until_complete(_time_async(c, calls)))
    finally:
        for c in ready:
            for close in c.closers:
                result = close()
                if asyncio.iscoroutine(result):
                    loop.run_until_complete(result)
        loop.close()
    return out


async def _time_async(c: Contender, calls: int) -> float:
    acall = c.acall
    assert acall is not None
    start = time.perf_counter()
    for _ in range(calls):
        await acall()
    return (time.perf_counter() - start) / calls
