"""Secrets (the API key): a registry that error texts and log lines are masked against, and masked reprs."""

from collections.abc import Collection, Mapping
from typing import Any

_SECRETS: set[str] = set()
_MASK = "***"


def register_secret(secret: str) -> None:
    """Remember a secret (the API key) so that every error text and log line of this package masks it."""
    if len(secret) >= 4:  # masking a very short string would mangle ordinary text
        _SECRETS.add(secret)


def redact(text: str) -> str:
    """`text` with every registered secret masked: the second layer behind never formatting secrets at all."""
    for secret in _SECRETS:
        if secret in text:
            text = text.replace(secret, _MASK)
    return text


def mask_secret(value: object) -> str:
    """repr of a secret field: shows that a value is there, never the value (to_dict() still returns it)."""
    return "'***'" if isinstance(value, str) and value else repr(value)


def mask_keys(fields: Mapping[str, Any], secret_names: Collection[str]) -> str:
    """repr of a model's unknown fields with the values of secret-named keys masked."""
    return repr({key: ("***" if key in secret_names and value else value) for key, value in fields.items()})
