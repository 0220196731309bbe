from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ResponseValidationError
from ..types import UNSET, Unset, lenient_parse_error, mask_secret_keys, validate_response

if TYPE_CHECKING:
    from ..models.validation_error import ValidationError


T = TypeVar("T", bound="HTTPValidationError")


@_attrs_define
class HTTPValidationError:
    """The `HTTPValidationError` object of the API."""

    detail: list[ValidationError] | Unset = UNSET
    """ May be missing (`UNSET`); never null. """
    # Unknown fields named like a secret anywhere in the spec (types.SECRET_FIELD_NAMES) are masked in repr too.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)

    def to_dict(self) -> dict[str, Any]:
        """This model as the JSON object it came from: missing fields stay out, unknown fields are kept."""
        detail: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.detail, Unset):
            detail = []
            for detail_item_data in self.detail:
                detail_item = detail_item_data.to_dict()
                detail.append(detail_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def json_shape(cls) -> dict[str, Any]:
        """This model's schema as data: {"name": ..., "properties": {json name: (shape, required)}}."""
        from ..models.validation_error import ValidationError  # noqa: PLC0415

        return {
            "name": "HTTPValidationError",
            "properties": {
                "detail": ({"list": {"model": ValidationError}}, False),
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
        from ..models.validation_error import ValidationError  # noqa: PLC0415

        d = dict(src_dict)
        _detail = d.pop("detail", UNSET)
        detail: list[ValidationError] | Unset = UNSET
        if _detail is not UNSET:
            detail = []
            for detail_item_data in _detail:
                detail_item = ValidationError.from_dict(detail_item_data)

                detail.append(detail_item)

        http_validation_error = cls(
            detail=detail,
        )

        http_validation_error.additional_properties = d
        return http_validation_error

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
