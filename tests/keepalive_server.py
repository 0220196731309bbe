"""A healthy HTTP/1.1 keep-alive server answering every request at once with one body; run as its own process
(`python tests/keepalive_server.py BODYFILE [DELAY]`, prints its port) so it never competes with the client for the GIL.
On stdin EOF it prints how many requests it served and exits."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path


class KeepAliveServer:
    """This script in its own process, for a test: `port`, and `stop()` returns how many requests it served."""

    def __init__(self, body_file: Path, delay: float = 0.0) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, str(body_file), str(delay)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.port = int(self.proc.stdout.readline())

    def stop(self) -> int:
        out, _ = self.proc.communicate(input="", timeout=10)
        return int(out.strip() or -1)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


async def main(body: bytes, delay: float) -> None:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    served = 0

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal served
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")
                served += 1
                if delay:
                    await asyncio.sleep(delay)
                writer.write(head + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    print(served, flush=True)
    server.close()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]).read_bytes(), float(sys.argv[2]) if len(sys.argv) > 2 else 0.0))
