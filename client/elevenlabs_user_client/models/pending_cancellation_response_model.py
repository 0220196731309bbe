from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ResponseValidationError
from ..types import UNSET, Unset, lenient_parse_error, mask_secret_keys, validate_response

T = TypeVar("T", bound="PendingCancellationResponseModel")


@_attrs_define
class PendingCancellationResponseModel:
    """The `PendingCancellationResponseModel` object of the API."""

    timestamp_seconds: int
    """ The timestamp of the cancellation. Always present, never null. """
    kind: Literal["cancellation"] | Unset = "cancellation"
    """ May be missing (`UNSET`); never null. """
    # Unknown fields named like a secret anywhere in the spec (types.SECRET_FIELD_NAMES) are masked in repr too.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)

    def to_dict(self) -> dict[str, Any]:
        """This model as the JSON object it came from: missing fields stay out, unknown fields are kept."""
        timestamp_seconds = self.timestamp_seconds

        kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "timestamp_seconds": timestamp_seconds,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def json_shape(cls) -> dict[str, Any]:
        """This model's schema as data: {"name": ..., "properties": {json name: (shape, required)}}."""
        return {
            "name": "PendingCancellationResponseModel",
            "properties": {
                "timestamp_seconds": ({"type": "integer"}, True),
                "kind": ({"const": "cancellation"}, False),
            },
        }

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any], *, strict: bool = False) -> T:
        """Parse a JSON object. Lenient by default: off-spec values are kept as they came, and what cannot be parsed
        raises errors.ResponseValidationError (never a bare KeyError/TypeError/ValueError). `strict=True` rejects any
        schema violation. Either way the error lists every violation with its JSON path."""
        if strict:
            return validate_response(cls, src_dict)
        try:
            return cls._from_dict_lenient(src_dict)
        except (KeyError, TypeError, ValueError, AttributeError, ResponseValidationError) as err:
            error = lenient_parse_error(cls, src_dict, err)
            raise error from error.__cause__  # the original KeyError/TypeError/ValueError

    @classmethod
    def _from_dict_lenient(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The generator's parser: trusts the body's shape."""
        d = dict(src_dict)
        timestamp_seconds = d.pop("timestamp_seconds")

        kind = cast("Literal['cancellation'] | Unset", d.pop("kind", UNSET))
        if kind != "cancellation" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'cancellation', got '{kind}'")

        pending_cancellation_response_model = cls(
            timestamp_seconds=timestamp_seconds,
            kind=kind,
        )

        pending_cancellation_response_model.additional_properties = d
        return pending_cancellation_response_model

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
