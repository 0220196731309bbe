"""Shared types of the generated code, and the spec's secret field names."""

from collections.abc import Mapping
from typing import Any

from ._parse import schema_violations, validate_response
from ._secrets import mask_keys, mask_secret
from ._types import UNSET, File, FileContent, FileTypes, RequestFiles, Response, Unset, or_default

# Every property name the spec marks `x-secret` in any model. Computed once for the whole package (here, not per
# model: that walk made generating a large spec quadratic); an unknown field of such a name is masked in repr too.
SECRET_FIELD_NAMES: frozenset[str] = frozenset({"xi_api_key"})


def mask_secret_keys(fields: Mapping[str, Any]) -> str:
    """repr of a model's unknown fields with the values of secret-named keys (SECRET_FIELD_NAMES) masked."""
    return mask_keys(fields, SECRET_FIELD_NAMES)


__all__ = [
    "SECRET_FIELD_NAMES",
    "UNSET",
    "File",
    "FileContent",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "mask_secret",
    "mask_secret_keys",
    "or_default",
    "schema_violations",
    "validate_response",
]
