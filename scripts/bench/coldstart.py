"""Cold start: a fresh interpreter that imports a contender, builds a client and makes one call.

Wall time is taken around the whole child; peak memory is the child's own max RSS, measured by GNU time when
present (else wait4's figure for that one child, not the maximum over all children that RUSAGE_CHILDREN gives).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.bench import cleanenv
from scripts.bench.bodies import BENCH_KEY
from scripts.bench.contenders import DEFAULT, FLOOR, SDK, STRICT, client_kwargs
from scripts.bench.stats import rotate
from scripts.paths import CLIENT_DIR, ROOT

_RAW = """
import os, httpx
c = httpx.Client(base_url=os.environ["BENCH_BASE_URL"], headers={"xi-api-key": os.environ["BENCH_KEY"]})
assert c.get("/v1/user").json()["user_id"]
"""

# from_env is used when the runtime has it (that is how users build the client); it must point at the loopback
# server before anything is sent.
_THIS = """
import os
from elevenlabs_user_client import AuthenticatedClient
from elevenlabs_user_client.api.user import get_user
kwargs = {KWARGS}
if hasattr(AuthenticatedClient, "from_env") and not kwargs.get("strict"):
    c = AuthenticatedClient.from_env()
else:
    c = AuthenticatedClient(base_url=os.environ["BENCH_BASE_URL"], token=os.environ["BENCH_KEY"], **kwargs)
if not str(c.get_httpx_client().base_url).startswith(os.environ["BENCH_BASE_URL"]):
    raise SystemExit("client is not pointed at the loopback server")
result = get_user.sync(client=c)
assert type(result).__name__ == "UserResponseModel", repr(result)
"""

_SDK = """
import os
from elevenlabs import ElevenLabs
c = ElevenLabs(api_key=os.environ["BENCH_KEY"], base_url=os.environ["BENCH_BASE_URL"])
assert c.user.get().user_id
"""


@dataclass
class ColdRun:
    seconds: float
    peak_mib: float


def snippets() -> dict[str, str]:
    """Program text per contender, or "n/a: <reason>" for one the installed runtime cannot build."""
    out = {FLOOR: _RAW, SDK: _SDK}
    for name, wanted in ((DEFAULT, {}), (STRICT, {"strict": True})):
        kwargs, missing = client_kwargs(**wanted)
        out[name] = f"n/a: {missing}" if missing else _THIS.replace("{KWARGS}", repr(kwargs))
    return out


_GNU_TIME = Path("/usr/bin/time")


def run_once(code: str, base_url: str, python: str = sys.executable) -> ColdRun:
    env = {
        **os.environ,
        "BENCH_BASE_URL": base_url,
        "BENCH_KEY": BENCH_KEY,
        "ELEVENLABS_BASE_URL": base_url,
        "ELEVENLABS_API_KEY": BENCH_KEY,
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if python not in (sys.executable, str(cleanenv.python_path())):
        # Another environment without this package (the clean venv has it installed, as users do).
        env["PYTHONPATH"] = str(CLIENT_DIR)
    cmd = [python, "-c", textwrap.dedent(code)]
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
        report = Path(tmp) / "maxrss"
        # A forked child inherits the parent's RSS high-water mark (this process holds the SDK: ~60 MiB), so the
        # child is started by GNU time, a small process, and its figure is used when available.
        if _GNU_TIME.exists():
            cmd = [str(_GNU_TIME), "-f", "%M", "-o", str(report), *cmd]
        with open(Path(tmp) / "stderr", "w+b") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0:
                err.seek(0)
                lines = err.read().decode(errors="replace").strip().splitlines() or ["(no output)"]
                raise RuntimeError(f"exit {proc.returncode}: {lines[-1][:160]}")
        kib = int(report.read_text().split()[-1]) if report.exists() else usage.ru_maxrss  # both in KiB
    return ColdRun(elapsed, kib / 1024)


def measure(
    base_url: str, rounds: int, python: str = sys.executable
) -> tuple[dict[str, list[ColdRun]], dict[str, str]]:
    """Samples per contender, and the reason for each contender that could not run."""
    programs = snippets()
    skipped = {name: code for name, code in programs.items() if code.startswith("n/a")}
    runnable = [name for name in programs if name not in skipped]
    for name in runnable:  # one untimed run each: compiles .pyc files so no contender pays for it in a sample
        try:
            run_once(programs[name], base_url, python)
        except RuntimeError as failed:
            skipped[name] = f"error: {failed}"
    runnable = [name for name in runnable if name not in skipped]
    samples: dict[str, list[ColdRun]] = {name: [] for name in runnable}
    for r in range(rounds):
        for name in rotate(runnable, r):
            samples[name].append(run_once(programs[name], base_url, python))
    return samples, skipped
