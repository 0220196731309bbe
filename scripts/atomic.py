"""Replace files atomically: the ONE helper for the importer, the release and the recorder.

Each file is written to a temporary sibling (same folder, so the rename is atomic), flushed to disk and renamed over
the target; a reader sees the old file or the new one, never half of one. `write_all` does the same for several files
and puts the old ones back if any step fails.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _stage(path: Path, text: str | bytes) -> Path:
    """A temporary sibling of `path` holding `text` (str as UTF-8), with the mode the target has (or a plain open()
    would give)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); keep the old file's mode, or the umask's default.
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return Path(temp)


def write_atomically(path: Path, text: str | bytes) -> None:
    """Replace `path` with `text` (a str is written as UTF-8, newlines as given) or bytes; raises OSError and
    leaves the old file whole on failure."""
    path = Path(path)
    temp = _stage(path, text)
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_all(contents: dict[Path, str]) -> None:
    """Replace several files; if any step fails, every one of them is as it was before."""
    before = {path: path.read_bytes() if path.exists() else None for path in contents}
    staged: dict[Path, Path] = {}
    try:
        for path, text in contents.items():
            staged[path] = _stage(path, text)
        for path, temp in staged.items():
            os.replace(temp, path)
    except BaseException:
        for path, temp in staged.items():
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
            old = before[path]
            if old is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(old)
        raise
