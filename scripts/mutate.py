"""`make mutate`: mutation testing of scripts/spec_diff with mutmut (configured in pyproject's [tool.mutmut]).

mutmut changes the differ one small edit at a time (a flipped comparison, a changed constant, a dropped call...) and
runs the differ's own fast tests against each mutant; a mutant the tests do not notice ("survived") is a wrong
verdict nobody would catch. This prints the killed share and the survivors. Slow (minutes); not part of CI.
Exit status: 0 when the killed share reaches --target (default 90%), 1 below it, 2 when mutmut fails.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections import Counter

from scripts.paths import ROOT

# mutmut's result words: killed (a test failed), survived, timeout, suspicious, no tests, skipped, ...
_LINE = re.compile(r"^\s*(?P<name>\S+): (?P<status>[a-z ]+?)\s*$")


def run_mutmut(children: int) -> int:
    proc = subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children", str(children)], cwd=ROOT)
    return proc.returncode


def results() -> Counter[str]:
    proc = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"], cwd=ROOT,
                          capture_output=True, text=True)  # fmt: skip
    found: Counter[str] = Counter()
    survivors = []
    for line in proc.stdout.splitlines():
        match = _LINE.match(line)
        if match:
            found[match["status"]] += 1
            if match["status"] == "survived":
                survivors.append(match["name"])
    if survivors:
        print("survived (see `python -m mutmut show <name>`):")
        print("\n".join(f"  {name}" for name in survivors))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.mutate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", type=float, default=90.0, help="killed share to reach, in percent")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args(argv)
    if run_mutmut(args.max_children) not in (0, 1):
        print("mutate: mutmut failed", file=sys.stderr)
        return 2
    found = results()
    total = sum(found.values())
    if not total:
        print("mutate: no mutants were run", file=sys.stderr)
        return 2
    killed = found["killed"] + found["timeout"]  # a mutant that hangs the tests is caught too
    share = 100.0 * killed / total
    print(", ".join(f"{n} {status}" for status, n in sorted(found.items())))
    print(f"killed share: {killed}/{total} = {share:.1f}% (target {args.target:.0f}%)")
    return 0 if share >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
