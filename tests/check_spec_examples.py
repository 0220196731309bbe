"""`python tests/check_spec_examples.py` (from a repository root): the generated package against the spec's own
examples. Every schema example either parses strictly and round-trips, or (upstream's examples are sometimes older
than its schemas) is refused with the package's own error naming what is wrong; anything else fails. Used as the
release test command of the history chain test; exit status 0 when all is well."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml


def main() -> int:
    from elevenlabs_user_client import errors, models

    spec = yaml.safe_load(Path("openapi/elevenlabs-user.yaml").read_text(encoding="utf-8"))
    schemas = spec.get("components", {}).get("schemas", {})
    checked = refused = 0
    for name, schema in schemas.items():
        if not isinstance(schema, dict) or "example" not in schema:
            continue
        model = getattr(models, name)
        try:
            parsed = model.from_dict(schema["example"], strict=True)
        except errors.ResponseValidationError as exc:
            assert exc.violations, f"{name}: refused without saying why"
            refused += 1
            continue
        round_trip = json.dumps(parsed.to_dict(), sort_keys=True)
        assert round_trip == json.dumps(schema["example"], sort_keys=True), f"{name}: example does not round-trip"
        checked += 1
    print(f"spec examples: {checked} round-trip, {refused} refused with the package's error")
    return 0


if __name__ == "__main__":
    sys.exit(main())
