from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ResponseValidationError
from ..models.currency import Currency
from ..types import lenient_parse_error, mask_secret_keys, validate_response

T = TypeVar("T", bound="Price")


@_attrs_define
class Price:
    """Currency/amount pair."""

    amount: str
    """ Always present, never null. """
    currency: Currency
    """ Always present, never null. """
    # Unknown fields named like a secret anywhere in the spec (types.SECRET_FIELD_NAMES) are masked in repr too.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)

    def to_dict(self) -> dict[str, Any]:
        """This model as the JSON object it came from: missing fields stay out, unknown fields are kept."""
        amount = self.amount

        currency = self.currency.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def json_shape(cls) -> dict[str, Any]:
        """This model's schema as data: {"name": ..., "properties": {json name: (shape, required)}}."""
        return {
            "name": "Price",
            "properties": {
                "amount": ({"type": "string"}, True),
                "currency": (
                    {
                        "enum": [
                            "usd",
                            "eur",
                            "inr",
                            "pln",
                        ],
                        "name": "Currency",
                    },
                    True,
                ),
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
        amount = d.pop("amount")

        currency = Currency(d.pop("currency"))

        price = cls(
            amount=amount,
            currency=currency,
        )

        price.additional_properties = d
        return price

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
