"""`python -m scripts.bench.profile [--strict] [--calls N]`: where this client's per-call time goes.

Runs GET /v1/user N times through this client against the loopback server under pyinstrument and writes the
call tree to build/bench-profile[-strict].txt (and prints it). Used to explain rows of `make bench` that miss target.
"""

from __future__ import annotations

import argparse
import sys

from pyinstrument import Profiler

from scripts.bench.contenders import build_this_client
from scripts.bench.server import LoopbackServer
from scripts.paths import ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench.profile", description=__doc__.split("\n\n")[0])
    parser.add_argument("--strict", action="store_true", help="profile strict mode")
    parser.add_argument("--calls", type=int, default=3000)
    args = parser.parse_args(argv)
    from elevenlabs_user_client.api.user import get_user

    with LoopbackServer() as server:
        try:
            client = build_this_client(server.base_url, strict=args.strict)
        except LookupError as missing:
            print(f"cannot profile: {missing}", file=sys.stderr)
            return 2
        for _ in range(50):  # connection and imports out of the picture
            get_user.sync(client=client)
        profiler = Profiler(interval=0.0002)
        profiler.start()
        for _ in range(args.calls):
            get_user.sync(client=client)
        profiler.stop()
    text = profiler.output_text(color=False)
    out = ROOT / "build" / f"bench-profile{'-strict' if args.strict else ''}.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(text)
    print(f"written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
