"""Instruction counts under `valgrind --tool=callgrind`: exact where wall times on a shared VM are not.

Per call: three children per contender make, after a warm-up, no calls, N sync calls, then N sync and N async
calls; differences over N are one call's instructions (the server runs in its own process and is not counted).
Cold start: the whole cold-start program (coldstart.py). Raw httpx and this client only: each run takes about
15 s under valgrind. String hashing is fixed (PYTHONHASHSEED=0) so that two runs of one program count the same.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import textwrap

from scripts.bench import coldstart
from scripts.bench.bodies import BENCH_KEY
from scripts.bench.contenders import DEFAULT, FLOOR
from scripts.paths import ROOT

CONTENDERS = (FLOOR, DEFAULT)
# Cold start's floor: attrs is on the design card (every model is an attrs class), so raw httpx preceded by
# `import attrs` is the least any client of this design can do.
ATTRS_FLOOR = "raw httpx + import attrs"
_COLLECTED = re.compile(r"Collected : (\d+)")

_PER_CALL = """
import asyncio, os, sys
base_url, key, who = os.environ["BENCH_BASE_URL"], os.environ["BENCH_KEY"], sys.argv[1]
sync_calls, async_calls = int(sys.argv[2]), int(sys.argv[3])
if who == "raw":
    import httpx
    sync_client = httpx.Client(base_url=base_url, headers={"xi-api-key": key})
    async_client = httpx.AsyncClient(base_url=base_url, headers={"xi-api-key": key})
    def call():
        return sync_client.get("/v1/user").json()
    async def acall():
        return (await async_client.get("/v1/user")).json()
else:
    from elevenlabs_user_client import AuthenticatedClient
    from elevenlabs_user_client.api.user import get_user
    client = AuthenticatedClient(base_url=base_url, token=key)
    def call():
        return get_user.sync(client=client)
    async def acall():
        return await get_user.asyncio(client=client)
async def run_async():
    for _ in range(30 + async_calls):
        await acall()
for _ in range(30 + sync_calls):
    call()
asyncio.run(run_async())
"""


def unavailable() -> str | None:
    return None if shutil.which("valgrind") else "valgrind is not installed"


def count(python: str, code: str, args: list[str], base_url: str) -> int:
    """Instructions one run of `code` executes (user space, the child only); RuntimeError if it fails."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "BENCH_BASE_URL": base_url, "BENCH_KEY": BENCH_KEY}
    env.update(ELEVENLABS_BASE_URL=base_url, ELEVENLABS_API_KEY=BENCH_KEY)
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", python, "-c", textwrap.dedent(code)]
    done = subprocess.run([*cmd, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        lines = done.stderr.strip().splitlines() or ["(no output)"]
        raise RuntimeError(f"exit {done.returncode}: {lines[-1][:160]}")
    return int(found.group(1))


# One model parsed `sys.argv[1]` times in a fresh process (after importing it): the first parse against later ones.
_PARSES = """
import json, sys
from elevenlabs_user_client.models import UserResponseModel
from scripts.bench.bodies import USER_BYTES
body = json.loads(USER_BYTES)
for _ in range(int(sys.argv[1])):
    UserResponseModel.from_dict(body)
"""


def parse_costs(python: str, base_url: str, later: int = 1000) -> tuple[float, float, float]:
    """Instructions of a model's first parse in a process, of its second, and of each of the `later` parses after
    the tenth on average. CPython 3.11 runs a function unspecialised for its first 8 calls (its own warm-up), so the
    first parses cost more than later ones whatever the client does; the first against the second shows any warm-up
    of the client's own."""
    none, first, second, tenth, more = (count(python, _PARSES, [str(n)], base_url) for n in (0, 1, 2, 10, 10 + later))
    return first - none, second - first, (more - tenth) / later


def measure(python: str, base_url: str, calls: int) -> dict[str, dict[str, float]]:
    """{"sync"|"async": {contender: instructions per call}, "cold": {contender: instructions}}."""
    out: dict[str, dict[str, float]] = {"sync": {}, "async": {}, "cold": {}}
    out["cold"][ATTRS_FLOOR] = count(python, "import attrs\n" + coldstart.snippets()[FLOOR], [], base_url)
    for name, who in zip(CONTENDERS, ("raw", "this"), strict=True):
        none, synced, both = (
            count(python, _PER_CALL, [who, *made], base_url)
            for made in (("0", "0"), (f"{calls}", "0"), (f"{calls}",) * 2)
        )
        out["sync"][name] = (synced - none) / calls
        out["async"][name] = (both - synced) / calls
        out["cold"][name] = count(python, coldstart.snippets()[name], [], base_url)
    return out
