"""A real package index on 127.0.0.1: pypiserver in its own process, with credentials, stopped whatever happens."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from passlib.apache import HtpasswdFile

USER, PASSWORD = "uploader", "e2e-Secret-pw-7431"


@dataclass(frozen=True)
class LocalIndex:
    url: str  # the upload URL (the index root)
    port: int
    packages: Path

    def simple_url(self, with_credentials: bool = True) -> str:
        auth = f"{USER}:{PASSWORD}@" if with_credentials else ""
        return f"http://{auth}127.0.0.1:{self.port}/simple/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def local_index(root: Path, authenticate: str = "update,list,download") -> Iterator[LocalIndex]:
    packages = root / "packages"
    packages.mkdir(parents=True)
    htpasswd = HtpasswdFile(str(root / "htpasswd"), new=True)
    htpasswd.set_password(USER, PASSWORD)
    htpasswd.save()
    port = _free_port()
    cmd = [
        sys.executable, "-m", "pypiserver", "run", "--host", "127.0.0.1", "--port", str(port),
        "--authenticate", authenticate, "--passwords", str(root / "htpasswd"),
        "--disable-fallback", "--log-file", str(root / "server.log"), str(packages),
    ]  # fmt: skip
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(f"{url}health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"pypiserver did not start: {(root / 'server.log').read_text(errors='replace')}")
            time.sleep(0.2)
        yield LocalIndex(url, port, packages)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
