from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._parse import MISSING, Drift, Parse, broken_entry, broken_field, model_eq, model_repr, parse_root, received
from ..models.currency import _BY_VALUE as _CURRENCY
from ..models.currency import Currency
from ..types import mask_secret_keys


@_attrs_define(repr=False, eq=False, slots=False)  # repr and == are model_repr and model_eq (runtime/_parse.py)
class Price:
    """Currency/amount pair."""

    amount: str
    """ Always present, never null. """
    currency: Currency
    """ Always present, never null. """
    # Unknown fields named like a secret anywhere in the spec (types.SECRET_FIELD_NAMES) are masked in repr too.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    # The JSON names of the declared fields (unknown fields are the others).
    _json_names: ClassVar[frozenset[str]] = frozenset({"amount", "currency"})  # fmt: skip
    # --- drift (runtime/_parse.py): a model lenient parsing left with broken fields gets its own
    _drift: ClassVar[Drift | None] = None
    __repr__ = model_repr  # drift: broken fields show as <broken>

    if not TYPE_CHECKING:  # hidden from type checkers: every declared attribute keeps its declared type

        def __getattr__(self, name: str) -> Any:
            broken_field(self, name)  # only reached for an unset attribute: a broken field raises its problem
    # --- end drift

    def __eq__(self, other: object) -> bool:
        return model_eq(self, other)  # attrs' comparison, written once in the runtime (runtime/_parse.py)

    def to_dict(self) -> dict[str, Any]:
        """This model as the JSON object it came from: missing fields stay out, unknown fields are kept."""
        as_received = received(self)  # drift: a model with broken fields gives back what it received
        if as_received is not None:
            return as_received
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
    def from_dict(cls, src_dict: Mapping[str, Any], *, strict: bool = False) -> Self:
        """Parse a JSON object. Lenient by default: unknown fields and enum values are kept; a missing required field
        or a wrongly typed value leaves that field unset, and reading it raises errors.BrokenFieldError with its JSON
        path (the rest of the model reads normally). `strict=True` raises errors.ResponseValidationError listing
        every schema violation with its JSON path."""
        return parse_root(cls, src_dict, strict)

    @classmethod
    def _parse(cls, data: dict[str, Any], p: Parse, at: str) -> Self:
        """One pass over `data`: each value checked by its exact type and converted (runtime/_parse.py)."""
        bads = p.bads
        self = cls.__new__(cls)
        v = data.get("amount", MISSING)
        self.amount = v if type(v) is str else p.bad(v, f"{at}amount", "string")
        v = data.get("currency", MISSING)
        self.currency = (
            _CURRENCY[v]
            if type(v) is str and v in _CURRENCY
            else p.bad(v, f"{at}currency", "one of 'usd', 'eur', 'inr', 'pln'", Currency)
        )
        names = cls._json_names
        self.additional_properties = {} if data.keys() <= names else {k: x for k, x in data.items() if k not in names}
        if p.bads != bads:
            p.settle(self, data)
        return self

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
