"""Async fan-out: 1,000 concurrent get_user_subscription calls through ONE async client with a bounded pool.

Each sample runs in a fresh interpreter (`python -m scripts.bench.fanout CONTENDER BASE_URL CALLS MAX_CONNECTIONS`)
so the memory figure belongs to that contender alone: the growth of peak RSS from "client built and warmed up" to
"all calls done". The child prints one JSON line.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from scripts.bench.bodies import BENCH_KEY
from scripts.bench.contenders import DEFAULT, FLOOR, SDK, STRICT, build_this_client, client_kwargs
from scripts.bench.stats import rotate
from scripts.paths import ROOT

_EXPECTED = {FLOOR: "dict", DEFAULT: "ExtendedSubscriptionResponseModel", STRICT: "ExtendedSubscriptionResponseModel"}


@dataclass
class FanoutRun:
    calls_per_second: float
    rss_growth_mib: float
    note: str = ""


def _peak_rss_mib() -> float:
    """This process image's RSS high-water mark. getrusage's ru_maxrss would also count the RSS inherited from the
    forking parent (the benchmark, ~100 MiB), which hides the growth entirely; VmHWM is reset by exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pool_limit(client: httpx.AsyncClient) -> int | None:
    """max_connections of the connection pool at the bottom of the client's transport stack, if it can be found."""
    seen: set[int] = set()
    stack: list[object] = [client._transport]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        pool = getattr(node, "_pool", None)
        if pool is not None and hasattr(pool, "_max_connections"):
            return int(pool._max_connections)
        stack.extend(v for v in vars(node).values() if isinstance(v, httpx.AsyncBaseTransport))
    return None


def _build(name: str, base_url: str, limits: httpx.Limits) -> tuple[Callable[[], Awaitable[Any]], str]:
    """The call to fan out, and a note when the pool bound had to be set another way than asked."""
    if name == FLOOR:
        raw = httpx.AsyncClient(base_url=base_url, headers={"xi-api-key": BENCH_KEY}, limits=limits)

        async def raw_call() -> Any:
            return (await raw.get("/v1/user/subscription")).json()

        return raw_call, ""
    if name in (DEFAULT, STRICT):
        from elevenlabs_user_client.api.user import get_user_subscription

        client = build_this_client(base_url, strict=name == STRICT, httpx_args={"limits": limits})
        got = _pool_limit(client.get_async_httpx_client())
        if got != limits.max_connections:
            # Every contender must run with the same pool, or the row compares different things.
            raise RuntimeError(f"httpx_args limits not honoured: pool is {got}, asked {limits.max_connections}")
        return (lambda: get_user_subscription.asyncio(client=client)), ""
    from elevenlabs import AsyncElevenLabs

    sdk = AsyncElevenLabs(
        api_key=BENCH_KEY, base_url=base_url, httpx_client=httpx.AsyncClient(limits=limits, timeout=240)
    )
    return (lambda: sdk.user.subscription.get()), ""


async def _run(name: str, base_url: str, calls: int, max_connections: int) -> FanoutRun:
    call, note = _build(name, base_url, httpx.Limits(max_connections=max_connections))
    warm = await asyncio.gather(*(call() for _ in range(max_connections)))
    got = type(warm[0]).__name__
    if got != _EXPECTED.get(name, "Subscription"):
        raise RuntimeError(f"{name} returned {got}: {warm[0]!r:.200}")
    del warm
    before = _peak_rss_mib()
    start = time.perf_counter()
    results = await asyncio.gather(*(call() for _ in range(calls)))
    elapsed = time.perf_counter() - start
    if len(results) != calls:
        raise RuntimeError(f"{name} finished {len(results)} of {calls} calls")
    return FanoutRun(calls / elapsed, _peak_rss_mib() - before, note)


def run_once(name: str, base_url: str, calls: int, max_connections: int) -> FanoutRun:
    proc = subprocess.run(
        [sys.executable, "-m", "scripts.bench.fanout", name, base_url, str(calls), str(max_connections)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "ELEVENLABS_API_KEY": BENCH_KEY},
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"exit {proc.returncode}: {last[:160]}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    return FanoutRun(data["calls_per_second"], data["rss_growth_mib"], data.get("note", ""))


def measure(
    base_url: str, rounds: int, calls: int, max_connections: int
) -> tuple[dict[str, list[FanoutRun]], dict[str, str]]:
    skipped: dict[str, str] = {}
    _, missing = client_kwargs(strict=True)
    if missing:
        skipped[STRICT] = f"n/a: {missing}"
    names = [n for n in (FLOOR, DEFAULT, STRICT, SDK) if n not in skipped]
    samples: dict[str, list[FanoutRun]] = {n: [] for n in names}
    for r in range(rounds):
        for name in rotate(names, r):
            if name in skipped:
                continue
            try:
                samples[name].append(run_once(name, base_url, calls, max_connections))
            except RuntimeError as failed:
                skipped[name] = f"error: {failed}"
    return {n: s for n, s in samples.items() if n not in skipped}, skipped


def main(argv: list[str]) -> int:
    name, base_url, calls, max_connections = argv[0], argv[1], int(argv[2]), int(argv[3])
    run = asyncio.run(_run(name, base_url, calls, max_connections))
    print(
        json.dumps({"calls_per_second": run.calls_per_second, "rss_growth_mib": run.rss_growth_mib, "note": run.note})
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
