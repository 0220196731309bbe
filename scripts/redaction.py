"""The ONE redaction vocabulary: what `make record` writes in place of secrets, and what the contract tests accept
as a redacted value. Both import it, so a recorded fixture always passes the tests' secret checks.

A placeholder keeps the JSON type so the body still validates: strings become "redacted-<field>", numbers 0,
booleans false, null stays null; the API key found inside any other string or key becomes KEY_PLACEHOLDER.
"""

from __future__ import annotations

from typing import Any

# Personal data and secrets upstream does not mark; fields marked `x-secret: true` in the spec are added to these.
NAMED_SECRETS = frozenset(
    {
        "xi_api_key",
        "xi_api_key_preview",
        "first_name",
        "user_id",
        "referral_link_code",
        "partnerstack_partner_default_link",
    }
)
KEY_PLACEHOLDER = "redacted-api-key"
# What hand-made fixtures use for an API key (never a real one).
FAKE_KEY = "fake-key-for-tests-0000"


def scrub_key(text: str, key: str) -> str:
    return text.replace(key, KEY_PLACEHOLDER) if key else text


def placeholder(field: str, value: Any, key: str = "") -> Any:
    """A stand-in of the same JSON type, so the redacted body still validates (object keys are kept, minus the key)."""
    if value is None or isinstance(value, bool):
        return None if value is None else False
    if isinstance(value, int):
        return 0
    if isinstance(value, float):
        return 0.0
    if isinstance(value, str):
        return f"redacted-{field}"
    if isinstance(value, list):
        return [placeholder(field, item, key) for item in value]
    if isinstance(value, dict):
        return {scrub_key(str(k), key): placeholder(scrub_key(str(k), key), v, key) for k, v in value.items()}
    return None


def is_redacted(field: str, value: Any) -> bool:
    """Whether `value` of secret `field` is something this vocabulary writes (or a hand-made fixture's fake key)."""
    return value in (None, FAKE_KEY, KEY_PLACEHOLDER) or value == placeholder(field, value)
