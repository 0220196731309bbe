"""Generation speed: the generator on the canonical spec (what `make generate` runs), and importer + generator on
ElevenLabs' whole published document. Everything is written into temporary folders; client/ is never touched."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.generate import GenerationError, generate_into
from scripts.paths import CANONICAL_SPEC, ROOT

# A fixed full document (openapi/upstream/ holds whatever the last import used, possibly a single docs page).
FULL_DOCUMENT = ROOT / "tests" / "spec_inputs" / "elevenlabs-openapi-2026-08-22.json.gz"


@dataclass
class GenerationRun:
    seconds: float
    files: int
    import_seconds: float = 0.0
    operations: int = 0


def _first_error(failed: GenerationError) -> str:
    """The generator prints a long listing (every warning, or a traceback); the row shows its first warning or the
    traceback's last line."""
    lines = [line.strip() for line in str(failed).splitlines() if line.strip()][1:]
    warned = [line for line in lines if line.startswith(("WARNING", "Unable"))]
    return (warned or lines[-1:] or ["no output"])[0][:200]


def _count_files(package: Path) -> int:
    return sum(1 for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def canonical(rounds: int) -> list[GenerationRun]:
    runs = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory(prefix="bench-generate-") as tmp:
            start = time.perf_counter()
            try:
                package = generate_into(Path(tmp), CANONICAL_SPEC)
            except GenerationError as failed:
                raise RuntimeError(f"generator failed: {_first_error(failed)}") from None
            runs.append(GenerationRun(time.perf_counter() - start, _count_files(package)))
    return runs


def full_document_unavailable() -> str | None:
    """Why the full-document row cannot run yet, or None."""
    if not FULL_DOCUMENT.exists():
        shown = FULL_DOCUMENT.relative_to(ROOT) if FULL_DOCUMENT.is_relative_to(ROOT) else FULL_DOCUMENT
        return f"{shown} is not in the repository yet"
    proc = subprocess.run(
        [sys.executable, "-m", "scripts.spec_import", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    if proc.returncode != 0:
        return "scripts.spec_import is not available"
    if "--all-operations" not in proc.stdout:
        return "scripts.spec_import has no --all-operations option yet"
    return None


def _count_operations(spec: Path) -> int:
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    doc = json.loads(spec.read_text())
    return sum(1 for item in (doc.get("paths") or {}).values() for m in item if m in methods)


def full_document() -> GenerationRun:
    """Import all operations of the stored upstream document, then generate; raises RuntimeError on failure."""
    with tempfile.TemporaryDirectory(prefix="bench-full-") as tmp:
        spec = Path(tmp) / "full.json"  # JSON out and in: the whole API in YAML costs seconds each way
        cmd = [sys.executable, "-m", "scripts.spec_import", "--all-operations", "--output", str(spec)]
        cmd.append(str(FULL_DOCUMENT))
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        imported = time.perf_counter()
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
            raise RuntimeError(f"importer failed: {last[:200]}")
        try:  # exactly as `python -m scripts.generate --spec` runs it: any generator warning fails the row
            out = generate_into(Path(tmp) / "out", spec)
        except GenerationError as failed:
            raise RuntimeError(f"generator warned or failed: {_first_error(failed)}") from None
        done = time.perf_counter()
        return GenerationRun(done - start, _count_files(out), imported - start, _count_operations(spec))
