"""`make demo`: the package's quota command, `elevenlabs-user`, as a new user first meets it.

Without ELEVENLABS_API_KEY the command asks a loopback mock on 127.0.0.1 (scripts/mock_api.py, standard library only)
that serves recorded fixtures, so the demo works offline and without an account; with the key set it asks your
account's server (ELEVENLABS_BASE_URL or the public API). Arguments go to the command
(`make demo DEMO_ARGS="--json --warn-at 80"`). The exit status is the command's.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from scripts import mock_api

API_KEY_VARIABLE = "ELEVENLABS_API_KEY"
# Only the loopback mock accepts this; it is not a credential.
MOCK_API_KEY = "demo-key-for-the-loopback-mock"
COMMAND = "elevenlabs-user"


def command_path() -> str:
    """The console script installed beside this interpreter (the project's .venv)."""
    return str(Path(sys.executable).parent / COMMAND)


def _run(args: list[str], env: dict[str, str]) -> int:
    return subprocess.run([command_path(), *args], env=env, check=False).returncode


def _against_the_mock(args: list[str]) -> int:
    try:
        with mock_api.serve_account(MOCK_API_KEY) as api:
            full = ["--base-url", api.base_url, *args]
            print(
                f"$ {COMMAND} {shlex.join(full)}    # no {API_KEY_VARIABLE}: a loopback mock serves recorded fixtures"
            )
            sys.stdout.flush()
            return _run(full, {**os.environ, API_KEY_VARIABLE: MOCK_API_KEY})
    except mock_api.FixtureError as err:
        print(f"demo failed: {err}", file=sys.stderr)
        return 3


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if os.environ.get(API_KEY_VARIABLE, "").strip():
        print(f"$ {shlex.join([COMMAND, *args])}    # your account: key from {API_KEY_VARIABLE}")
        sys.stdout.flush()
        return _run(args, dict(os.environ))
    return _against_the_mock(args)


if __name__ == "__main__":
    sys.exit(main())
