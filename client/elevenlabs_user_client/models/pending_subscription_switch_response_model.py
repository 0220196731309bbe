from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_period import BillingPeriod
from ..models.pending_subscription_switch_response_model_next_tier import PendingSubscriptionSwitchResponseModelNextTier
from ..types import UNSET, Unset

T = TypeVar("T", bound="PendingSubscriptionSwitchResponseModel")


@_attrs_define
class PendingSubscriptionSwitchResponseModel:
    next_tier: PendingSubscriptionSwitchResponseModelNextTier
    """ The tier to change to. """
    next_billing_period: BillingPeriod
    timestamp_seconds: int
    """ The timestamp of the change. """
    kind: Literal["change"] | Unset = "change"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        next_tier = PendingSubscriptionSwitchResponseModelNextTier(d.pop("next_tier"))

        next_billing_period = BillingPeriod(d.pop("next_billing_period"))

        timestamp_seconds = d.pop("timestamp_seconds")

        kind = cast(Literal["change"] | Unset, d.pop("kind", UNSET))
        if kind != "change" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'change', got '{kind}'")

        pending_subscription_switch_response_model = cls(
            next_tier=next_tier,
            next_billing_period=next_billing_period,
            timestamp_seconds=timestamp_seconds,
            kind=kind,
        )

        pending_subscription_switch_response_model.additional_properties = d
        return pending_subscription_switch_response_model

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
