"""A client library for accessing ElevenLabs User API"""

from typing import TYPE_CHECKING, Any

from . import client as _client
from ._version import __version__
from .client import AuthenticatedClient, Client
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ElevenLabsError,
    ResponseDecodeError,
    ResponseValidationError,
)
from .types import UNSET, Unset, or_default, validate_response

if TYPE_CHECKING:
    from .models.region import Region

__all__ = (
    "UNSET",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticatedClient",
    "Client",
    "ElevenLabsError",
    "Region",
    "ResponseDecodeError",
    "ResponseValidationError",
    "Unset",
    "__version__",
    "or_default",
    "validate_response",
)

# from_env's default base URL: the spec's first server (the runtime itself imports nothing generated).
_client.DEFAULT_BASE_URL = "https://api.elevenlabs.io"


def __getattr__(name: str) -> Any:
    if name == "Region":  # loaded on first use, as every model is (models/__init__.py): from_env needs only the URL
        from .models.region import Region

        return Region
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
