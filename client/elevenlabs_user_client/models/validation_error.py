from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ResponseValidationError
from ..types import lenient_parse_error, mask_secret_keys, validate_response

T = TypeVar("T", bound="ValidationError")


@_attrs_define
class ValidationError:
    """The `ValidationError` object of the API."""

    loc: list[int | str]
    """ Always present, never null. """
    msg: str
    """ Always present, never null. """
    type_: str
    """ Always present, never null. """
    # Unknown fields named like a secret anywhere in the spec (types.SECRET_FIELD_NAMES) are masked in repr too.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)

    def to_dict(self) -> dict[str, Any]:
        """This model as the JSON object it came from: missing fields stay out, unknown fields are kept."""
        loc = []
        for loc_item_data in self.loc:
            loc_item: int | str
            loc_item = loc_item_data
            loc.append(loc_item)

        msg = self.msg

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "loc": loc,
                "msg": msg,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def json_shape(cls) -> dict[str, Any]:
        """This model's schema as data: {"name": ..., "properties": {json name: (shape, required)}}."""
        return {
            "name": "ValidationError",
            "properties": {
                "loc": (
                    {
                        "list": {
                            "any_of": [
                                {"type": "string"},
                                {"type": "integer"},
                            ]
                        }
                    },
                    True,
                ),
                "msg": ({"type": "string"}, True),
                "type": ({"type": "string"}, True),
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
        loc = []
        _loc = d.pop("loc")
        for loc_item_data in _loc:
            loc_item = loc_item_data

            loc.append(loc_item)

        msg = d.pop("msg")

        type_ = d.pop("type")

        validation_error = cls(
            loc=loc,
            msg=msg,
            type_=type_,
        )

        validation_error.additional_properties = d
        return validation_error

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
