"""A healthy HTTP/1.1 keep-alive server answering every request at once with one body; run as its own process
(`python tests/keepalive_server.py BODYFILE`, prints its port) so it never competes with the client for the GIL.
On stdin EOF it prints how many requests it served and exits."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path


async def main(body: bytes) -> None:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    served = 0

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal served
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")
                served += 1
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
    asyncio.run(main(Path(sys.argv[1]).read_bytes()))
