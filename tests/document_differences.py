"""Where two JSON documents differ, as JSON pointers: the tests that compare our spec with upstream's share it."""

from __future__ import annotations

from typing import Any

from scripts.spec_import import pointer as json_pointer


def differences(old: Any, new: Any, pointer: str = "", *, ignore: frozenset[str] = frozenset()) -> dict[str, str]:
    """JSON pointer -> "added" / "removed" / "changed", descending into objects; keys in `ignore` are skipped."""
    if isinstance(old, dict) and isinstance(new, dict):
        found: dict[str, str] = {}
        for key in sorted(old.keys() | new.keys()):
            if key in ignore:
                continue
            where = json_pointer.join(pointer, key)
            if key not in new:
                found[where] = "removed"
            elif key not in old:
                found[where] = "added"
            else:
                found.update(differences(old[key], new[key], where, ignore=ignore))
        return found
    return {} if old == new else {pointer: "changed"}
