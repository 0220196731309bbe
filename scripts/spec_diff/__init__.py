"""What changed between two OpenAPI specs, classified from the caller's side of this client.

`python -m scripts.spec_diff [--old OLD] [--new NEW] [--json] [--overlay]` (defaults: the canonical spec committed
at HEAD versus the working copy). Sources are read by scripts.spec_import (any dialect, docs markdown included);
`--overlay` applies our openapi/overlay.yaml to both sides, so comparing a raw upstream source with the canonical
spec shows only the API's own changes. Exit status: 0 no changes or none breaking, 3 breaking changes, 2 error.

The client is forward-compatible: unknown response fields and unknown enum values are tolerated at runtime.
From that, each kind of change is classified by one table, `rules.RULES`:

| change                                     | severity | why                                                  |
| ------------------------------------------ | -------- | ---------------------------------------------------- |
| operation added                            | additive | a new function in the client                         |
| operation removed                          | breaking | callers of the function lose it                      |
| operationId changed                        | breaking | the generated function's module is renamed           |
| response status added                      | additive | a status the client now parses                       |
| response status removed                    | breaking | code handling that parsed status breaks              |
| response body schema added                 | additive | the client now parses that body                      |
| response body schema removed               | breaking | code reading the parsed body breaks                  |
| response property added (required/optional)| additive | new data; old code ignores it                        |
| response property removed (any depth)      | breaking | code reading it breaks                               |
| response property became optional          | breaking | code reading it may get UNSET                        |
| response property became required          | additive | a stronger guarantee                                 |
| response property became nullable          | breaking | code reading it may get None                         |
| response property no longer nullable       | additive | a stronger guarantee                                 |
| type changed (incl. enum ↔ free value)     | breaking | code using the old type breaks                       |
| format changed to/from date, date-time,    | breaking | the parsed Python type changes                       |
|   uuid or binary                           |          |                                                      |
| other format annotation changed (double…)  | docs     | no effect on the parsed Python type                  |
| enum value added                           | additive | unknown values are tolerated at runtime              |
| enum value removed                         | breaking | code comparing to that member breaks                 |
| default added, removed or changed          | additive | the server's value wins when parsing                 |
| deprecated / no longer deprecated          | additive | still works; callers should move away                |
| description or summary changed             | docs     | docstrings only                                      |
| required parameter added                   | breaking | existing calls lack the argument                     |
| optional parameter added                   | additive | existing calls still work                            |
| parameter removed                          | breaking | calls passing it break                               |
| parameter became required / type narrowed  | breaking | calls omitting it or passing the old type break      |
| parameter became optional / type widened   | additive | existing calls still work                            |
| security requirements changed              | breaking | callers may need other credentials                   |
| servers changed                            | docs     | the client's base_url is chosen by the caller        |

Paths follow $refs, allOf/anyOf/oneOf (branches merged) and array items (`open_invoices[].tax_cents`); a removed
or added object is reported once, at its outermost path.
"""

from __future__ import annotations

from typing import Any

from scripts.spec_diff.compare import Change, compare
from scripts.spec_diff.rules import RULES, Kind, Severity
from scripts.spec_diff.shapes import SpecShapeError, shape_of

__all__ = ["RULES", "Change", "Kind", "Severity", "SpecShapeError", "diff_specs"]


def diff_specs(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every client-visible change from `old` to `new`, worst first."""
    return compare(shape_of(old), shape_of(new))
