from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ResponseValidationError
from ..models.billing_period import BillingPeriod
from ..models.pending_subscription_switch_response_model_next_tier import PendingSubscriptionSwitchResponseModelNextTier
from ..types import UNSET, Unset, lenient_parse_error, mask_secret_keys, validate_response

T = TypeVar("T", bound="PendingSubscriptionSwitchResponseModel")


@_attrs_define
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

    def to_dict(self) -> dict[str, Any]:
        """This model as the JSON object it came from: missing fields stay out, unknown fields are kept."""
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
    def json_shape(cls) -> dict[str, Any]:
        """This model's schema as data: {"name": ..., "properties": {json name: (shape, required)}}."""
        return {
            "name": "PendingSubscriptionSwitchResponseModel",
            "properties": {
                "next_tier": (
                    {
                        "enum": [
                            "free",
                            "starter",
                            "go",
                            "creator",
                            "pro",
                            "growing_business",
                            "scale_2024_08_10",
                            "grant_tier_1_2025_07_23",
                            "grant_tier_2_2025_07_23",
                            "trial",
                            "enterprise",
                        ],
                        "name": "PendingSubscriptionSwitchResponseModelNextTier",
                    },
                    True,
                ),
                "next_billing_period": (
                    {
                        "enum": [
                            "monthly_period",
                            "3_month_period",
                            "6_month_period",
                            "annual_period",
                        ],
                        "name": "BillingPeriod",
                    },
                    True,
                ),
                "timestamp_seconds": ({"type": "integer"}, True),
                "kind": ({"const": "change"}, False),
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
        next_tier = PendingSubscriptionSwitchResponseModelNextTier(d.pop("next_tier"))

        next_billing_period = BillingPeriod(d.pop("next_billing_period"))

        timestamp_seconds = d.pop("timestamp_seconds")

        kind = cast("Literal['change'] | Unset", d.pop("kind", UNSET))
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
