from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._drift import Drift, broken_entry, broken_field, lenient_parse, model_repr, received
from ..types import UNSET, Unset, mask_secret_keys, validate_response

T = TypeVar("T", bound="DiscountResponseModel")


@_attrs_define(repr=False)  # the repr is model_repr (runtime/_drift.py)
class DiscountResponseModel:
    """The `DiscountResponseModel` object of the API."""

    discount_percent_off: float | None | Unset = UNSET
    """ The discount applied to the invoice. E.g. [20.0f] for 20% off. May be missing (`UNSET`) or null (`None`).
    """
    discount_amount_off: float | None | Unset = UNSET
    """ The discount applied to the invoice. E.g. [20.0f] for 20 cents off. May be missing (`UNSET`) or null
    (`None`). """
    # Unknown fields named like a secret anywhere in the spec (types.SECRET_FIELD_NAMES) are masked in repr too.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    # --- drift (runtime/_drift.py): set when lenient parsing left broken fields unset
    _drift: Drift | None = _attrs_field(init=False, default=None, repr=False, eq=False)
    __repr__ = model_repr  # drift: broken fields show as <broken>

    if not TYPE_CHECKING:  # hidden from type checkers: every declared attribute keeps its declared type

        def __getattr__(self, name: str) -> Any:
            broken_field(self, name)  # only reached for an unset attribute: a broken field raises its problem
    # --- end drift

    def to_dict(self) -> dict[str, Any]:
        """This model as the JSON object it came from: missing fields stay out, unknown fields are kept."""
        as_received = received(self)  # drift: a model with broken fields gives back what it received
        if as_received is not None:
            return as_received
        discount_percent_off: float | None | Unset
        if isinstance(self.discount_percent_off, Unset):
            discount_percent_off = UNSET
        else:
            discount_percent_off = self.discount_percent_off

        discount_amount_off: float | None | Unset
        if isinstance(self.discount_amount_off, Unset):
            discount_amount_off = UNSET
        else:
            discount_amount_off = self.discount_amount_off

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if discount_percent_off is not UNSET:
            field_dict["discount_percent_off"] = discount_percent_off
        if discount_amount_off is not UNSET:
            field_dict["discount_amount_off"] = discount_amount_off

        return field_dict

    @classmethod
    def json_shape(cls) -> dict[str, Any]:
        """This model's schema as data: {"name": ..., "properties": {json name: (shape, required, python name)},
        "extra": what the parser does with fields the schema does not name ("keep", "convert" or "drop"), and
        "extra_shape": the shape of their values when the schema gives one (a map of typed values)}."""
        return {
            "name": "DiscountResponseModel",
            "extra": "keep",
            "properties": {
                "discount_percent_off": (
                    {
                        "any_of": [
                            {"type": "number"},
                            {"type": "null"},
                        ]
                    },
                    False,
                    "discount_percent_off",
                ),
                "discount_amount_off": (
                    {
                        "any_of": [
                            {"type": "number"},
                            {"type": "null"},
                        ]
                    },
                    False,
                    "discount_amount_off",
                ),
            },
        }

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any], *, strict: bool = False) -> T:
        """Parse a JSON object. Lenient by default: unknown fields and enum values are kept; a missing required field
        or a wrongly typed value leaves that field unset, and reading it raises errors.ResponseValidationError with
        its JSON path (the rest of the model reads normally). `strict=True` rejects any schema violation, listing
        every one with its JSON path."""
        if strict:
            return validate_response(cls, src_dict)
        return lenient_parse(cls, src_dict)

    @classmethod
    def _from_dict_lenient(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The generator's parser: trusts the body's shape."""
        d = dict(src_dict)
        discount_percent_off = d.pop("discount_percent_off", UNSET)

        discount_amount_off = d.pop("discount_amount_off", UNSET)

        discount_response_model = cls(
            discount_percent_off=discount_percent_off,
            discount_amount_off=discount_amount_off,
        )

        discount_response_model.additional_properties = d
        return discount_response_model

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        try:
            return self.additional_properties[key]
        except KeyError:
            broken_entry(self, key)  # drift: an entry the response broke raises its problem

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
