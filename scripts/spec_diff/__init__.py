from __future__ import annotations

from typing import Any

from scripts.spec_diff.compare import Change, compare
from scripts.spec_diff.rules import RULES, Kind, Severity, rules_table_markdown
from scripts.spec_diff.shapes import SpecShapeError, shape_of

__all__ = ["RULES", "Change", "Kind", "Severity", "SpecShapeError", "diff_specs"]

__doc__ = f"""What changed between two OpenAPI specs, classified from the caller's side of this client.

`python -m scripts.spec_diff [--old OLD] [--new NEW] [--json] [--overlay] [--wire-only]` (defaults: the canonical
spec committed at HEAD versus the working copy). Two comparisons, one verdict (the worse of the two):
- the wire: each operation's parameters and response bodies, flattened (shapes.py, compare.py);
- the Python API: both specs are generated into temporary packages and their public names, classes, enum members,
  attribute annotations and function signatures are compared with griffe (python_api.py).
Sources are read by scripts.spec_import (any dialect, docs markdown included); `--overlay` applies our
openapi/overlay.yaml to both sides, so comparing a raw upstream source with the canonical spec shows only the API's
own changes. Exit status: 0 no changes or none breaking, 3 breaking changes, 2 error.

The client is forward-compatible: unknown response fields and unknown enum values are tolerated at runtime.
From that, each kind of change is classified by one table, `rules.RULES` (this table is generated from it):

{rules_table_markdown()}

Wire paths follow $refs, allOf/anyOf/oneOf (branches merged) and array items (`open_invoices[].tax_cents`); a removed
or added object is reported once, at its outermost path. Each wire change also names the schema property it belongs
to (`SubscriptionResponseModel.currency`), so a schema shared by two operations is one change in the CHANGELOG.
"""


def diff_specs(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every client-visible wire change from `old` to `new`, worst first."""
    return compare(shape_of(old), shape_of(new))
