from __future__ import annotations

from typing import Any

from ... import errors
from ..._parse import parse_model
from ..._retry import Answer
from ..._types import http_status
from ...client import AuthenticatedClient, Client
from ...models.extended_subscription_response_model import ExtendedSubscriptionResponseModel
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/user/subscription",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: Answer) -> ExtendedSubscriptionResponseModel:
    """The documented success body, or the package's error for this answer."""
    if response.status_code == 200:
        return parse_model(
            ExtendedSubscriptionResponseModel, response.status_code, response.content, strict=client.strict
        )
    raise errors.error_for_status(response.status_code, response.headers, response.content, retries=response.retries)


def _build_response(
    *, client: AuthenticatedClient | Client, response: Answer
) -> Response[ExtendedSubscriptionResponseModel]:
    try:
        parsed, error = _parse_response(client=client, response=response), None
    except errors.ElevenLabsError as err:
        parsed, error = None, err  # an error status or an off-spec body: the raw answer, and why it did not parse
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
        error=error,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ExtendedSubscriptionResponseModel]:
    """Get User Subscription Info

     Gets extended information about the users subscription

    Raises:
        errors.APIConnectionError: No HTTP answer (errors.APITimeoutError: a timeout or the client's deadline ran out).

    Returns:
        Response[ExtendedSubscriptionResponseModel]
    """

    kwargs = _get_kwargs()
    return _build_response(client=client, response=client.send(kwargs))


def sync(
    *,
    client: AuthenticatedClient,
) -> ExtendedSubscriptionResponseModel:
    """Get User Subscription Info

     Gets extended information about the users subscription

    Raises:
        errors.APIStatusError: The server answered with an error status (a subclass per status, e.g. errors.RateLimitError).
        errors.APIConnectionError: No HTTP answer (errors.APITimeoutError: a timeout or the client's deadline ran out).
        errors.ResponseError: The body is not the documented JSON (errors.ResponseDecodeError, errors.ResponseValidationError).

    Returns:
        ExtendedSubscriptionResponseModel
    """

    kwargs = _get_kwargs()
    return _parse_response(client=client, response=client.send(kwargs))


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ExtendedSubscriptionResponseModel]:
    """Get User Subscription Info

     Gets extended information about the users subscription

    Raises:
        errors.APIConnectionError: No HTTP answer (errors.APITimeoutError: a timeout or the client's deadline ran out).

    Returns:
        Response[ExtendedSubscriptionResponseModel]
    """

    kwargs = _get_kwargs()
    return _build_response(client=client, response=await client.send_async(kwargs))


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ExtendedSubscriptionResponseModel:
    """Get User Subscription Info

     Gets extended information about the users subscription

    Raises:
        errors.APIStatusError: The server answered with an error status (a subclass per status, e.g. errors.RateLimitError).
        errors.APIConnectionError: No HTTP answer (errors.APITimeoutError: a timeout or the client's deadline ran out).
        errors.ResponseError: The body is not the documented JSON (errors.ResponseDecodeError, errors.ResponseValidationError).

    Returns:
        ExtendedSubscriptionResponseModel
    """

    kwargs = _get_kwargs()
    return _parse_response(client=client, response=await client.send_async(kwargs))
