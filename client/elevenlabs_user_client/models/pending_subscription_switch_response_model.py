from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._parse import MISSING, Drift, Parse, broken_entry, broken_field, model_eq, model_repr, parse_root, received
from ..models.billing_period import _BY_VALUE as _BILLING_PERIOD
from ..models.billing_period import BillingPeriod
from ..models.pending_subscription_switch_response_model_next_tier import (
    _BY_VALUE as _PENDING_SUBSCRIPTION_SWITCH_RESPONSE_MODEL_NEXT_TIER,
)
from ..models.pending_subscription_switch_response_model_next_tier import PendingSubscriptionSwitchResponseModelNextTier
from ..types import UNSET, Unset, mask_secret_keys


@_attrs_define(repr=False, eq=False, slots=False)  # repr and == are model_repr and model_eq (runtime/_parse.py)
class PendingSubscriptionSwitchResponseModel:
    """The `PendingSubscriptionSwitchResponseModel` object of the API."""

    next_tier: PendingSubscriptionSwitchResponseModelNextTier
    """ The tier to change to. Always present, never null. """
    next_billing_period: BillingPeriod
    """ The billing period to change to. Always present, never null. """
    timestamp_seconds: int
    """ The timestamp of the change. Always present, never null. """
    kind: Literal["change"] | Unset = "change"
    """ May be missing (`UNSET`); never null. """
    # Unknown fields named like a secret anywhere in the spec (types.SECRET_FIELD_NAMES) are masked in repr too.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    # The JSON names of the declared fields (unknown fields are the others).
    _json_names: ClassVar[frozenset[str]] = frozenset({"next_tier", "next_billing_period", "timestamp_seconds", "kind"})  # fmt: skip
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
        next_tier = self.next_tier.value

        next_billing_period = self.next_billing_period.value

        timestamp_seconds = self.timestamp_seconds

        kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "next_tier": next_tier,
                "next_billing_period": next_billing_period,
                "timestamp_seconds": timestamp_seconds,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

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
        v = data.get("next_tier", MISSING)
        self.next_tier = (
            _PENDING_SUBSCRIPTION_SWITCH_RESPONSE_MODEL_NEXT_TIER[v]
            if type(v) is str and v in _PENDING_SUBSCRIPTION_SWITCH_RESPONSE_MODEL_NEXT_TIER
            else p.bad(
                v,
                f"{at}next_tier",
                "one of 'free', 'starter', 'go', 'creator', 'pro', 'growing_business', 'scale_2024_08_10', 'grant_tier_1_2025_07_23', 'grant_tier_2_2025_07_23', 'trial', 'enterprise'",
                PendingSubscriptionSwitchResponseModelNextTier,
            )
        )
        v = data.get("next_billing_period", MISSING)
        self.next_billing_period = (
            _BILLING_PERIOD[v]
            if type(v) is str and v in _BILLING_PERIOD
            else p.bad(
                v,
                f"{at}next_billing_period",
                "one of 'monthly_period', '3_month_period', '6_month_period', 'annual_period'",
                BillingPeriod,
            )
        )
        v = data.get("timestamp_seconds", MISSING)
        self.timestamp_seconds = v if type(v) is int else p.bad(v, f"{at}timestamp_seconds", "integer", integer=True)
        v = data.get("kind", UNSET)
        self.kind = (
            UNSET
            if v is UNSET
            else ("change" if v == "change" and type(v) is str else p.bad(v, f"{at}kind", "'change'"))
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
