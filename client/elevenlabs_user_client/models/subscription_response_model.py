from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._drift import Drift, broken_entry, broken_field, lenient_parse, model_repr, received
from ..models.billing_period import BillingPeriod
from ..models.character_refresh_period import CharacterRefreshPeriod
from ..models.currency import Currency
from ..models.subscription_status_type import SubscriptionStatusType
from ..types import UNSET, Unset, mask_secret_keys, validate_response

if TYPE_CHECKING:
    from ..models.price import Price


T = TypeVar("T", bound="SubscriptionResponseModel")


@_attrs_define(repr=False)  # the repr is model_repr (runtime/_drift.py)
class SubscriptionResponseModel:
    """The `SubscriptionResponseModel` object of the API.

    Example:
        {'allowed_to_extend_character_limit': False, 'billing_period': 'monthly_period', 'can_extend_character_limit':
            False, 'can_extend_voice_limit': False, 'can_use_instant_voice_cloning': True,
            'can_use_professional_voice_cloning': True, 'character_count': 17231, 'character_limit': 100000,
            'character_refresh_period': 'monthly_period', 'currency': 'usd', 'current_overage': {'amount': '0', 'currency':
            'usd'}, 'max_character_limit_extension': 10000, 'max_credit_limit_extension': 10000, 'max_voice_add_edits': 230,
            'next_character_count_reset_unix': 1738356858, 'professional_voice_limit': 1, 'professional_voice_slots_used':
            0, 'professional_voice_slots_used_in_workspace': 0, 'status': 'free', 'tier': 'trial', 'voice_add_edit_counter':
            212, 'voice_limit': 120, 'voice_slots_used': 1}

    """

    tier: str
    """ The tier of the user's subscription. Always present, never null. """
    character_count: int
    """ The number of characters used by the user. Always present, never null. """
    character_limit: int
    """ The maximum number of characters allowed in the current billing period. Always present, never null. """
    max_character_limit_extension: int | None
    """ Deprecated: use `max_credit_limit_extension`. Maximum number of characters that the character limit can be
    exceeded by. Managed by the workspace admin. Always present; may be null (`None`). """
    max_credit_limit_extension: int | Literal["unlimited"]
    """ Maximum number of credits that the credit limit can be exceeded by. Managed by the workspace admin.
    `"unlimited"` means no cap, `0` means usage-based billing is disabled. Always present, never null. """
    can_extend_character_limit: bool
    """ Whether the workspace is entitled to enter overages (usage-based billing). Always present, never null. """
    allowed_to_extend_character_limit: bool
    """ Deprecated: use `max_credit_limit_extension != 0`. Whether the user is allowed to extend their character
    limit. Always present, never null. """
    voice_slots_used: int
    """ The number of voice slots used by the user. Always present, never null. """
    professional_voice_slots_used: int
    """ The number of professional voice slots used. For consolidated billing this is the group-wide count across
    all workspaces in the group; see professional_voice_slots_used_in_workspace for the current workspace only.
    Always present, never null. """
    professional_voice_slots_used_in_workspace: int
    """ The number of professional voice slots used in the current workspace. For consolidated billing,
    professional_voice_slots_used counts across all workspaces in the group, while this counts only the current
    workspace. Always present, never null. """
    voice_limit: int
    """ The maximum number of voice slots allowed for the user. Always present, never null. """
    voice_add_edit_counter: int
    """ The number of voice add/edits used by the user. Always present, never null. """
    professional_voice_limit: int
    """ The maximum number of professional voices allowed for the user. Always present, never null. """
    can_extend_voice_limit: bool
    """ Whether the user can extend their voice limit. Always present, never null. """
    can_use_instant_voice_cloning: bool
    """ Whether the user can use instant voice cloning. Always present, never null. """
    can_use_professional_voice_cloning: bool
    """ Whether the user can use professional voice cloning. Always present, never null. """
    current_overage: Price
    """ The current usage-based overage cost. Always present, never null. """
    status: SubscriptionStatusType
    """ The status of the user's subscription. Always present, never null. """
    next_character_count_reset_unix: int | None | Unset = UNSET
    """ The Unix timestamp of the next character count reset. May be missing (`UNSET`) or null (`None`). """
    max_voice_add_edits: int | None | Unset = UNSET
    """ The maximum number of voice add/edits allowed for the user. May be missing (`UNSET`) or null (`None`). """
    currency: Currency | None | Unset = UNSET
    """ The currency of the user's subscription. May be missing (`UNSET`) or null (`None`). """
    billing_period: BillingPeriod | None | Unset = UNSET
    """ The billing period of the user's subscription. May be missing (`UNSET`) or null (`None`). """
    character_refresh_period: CharacterRefreshPeriod | None | Unset = UNSET
    """ The character refresh period of the user's subscription. May be missing (`UNSET`) or null (`None`). """
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
        tier = self.tier

        character_count = self.character_count

        character_limit = self.character_limit

        max_character_limit_extension: int | None
        max_character_limit_extension = self.max_character_limit_extension

        max_credit_limit_extension: int | Literal["unlimited"]
        max_credit_limit_extension = self.max_credit_limit_extension

        can_extend_character_limit = self.can_extend_character_limit

        allowed_to_extend_character_limit = self.allowed_to_extend_character_limit

        voice_slots_used = self.voice_slots_used

        professional_voice_slots_used = self.professional_voice_slots_used

        professional_voice_slots_used_in_workspace = self.professional_voice_slots_used_in_workspace

        voice_limit = self.voice_limit

        voice_add_edit_counter = self.voice_add_edit_counter

        professional_voice_limit = self.professional_voice_limit

        can_extend_voice_limit = self.can_extend_voice_limit

        can_use_instant_voice_cloning = self.can_use_instant_voice_cloning

        can_use_professional_voice_cloning = self.can_use_professional_voice_cloning

        current_overage = self.current_overage.to_dict()

        status = self.status.value

        next_character_count_reset_unix: int | None | Unset
        if isinstance(self.next_character_count_reset_unix, Unset):
            next_character_count_reset_unix = UNSET
        else:
            next_character_count_reset_unix = self.next_character_count_reset_unix

        max_voice_add_edits: int | None | Unset
        if isinstance(self.max_voice_add_edits, Unset):
            max_voice_add_edits = UNSET
        else:
            max_voice_add_edits = self.max_voice_add_edits

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        elif isinstance(self.currency, Currency):
            currency = self.currency.value
        else:
            currency = self.currency

        billing_period: None | str | Unset
        if isinstance(self.billing_period, Unset):
            billing_period = UNSET
        elif isinstance(self.billing_period, BillingPeriod):
            billing_period = self.billing_period.value
        else:
            billing_period = self.billing_period

        character_refresh_period: None | str | Unset
        if isinstance(self.character_refresh_period, Unset):
            character_refresh_period = UNSET
        elif isinstance(self.character_refresh_period, CharacterRefreshPeriod):
            character_refresh_period = self.character_refresh_period.value
        else:
            character_refresh_period = self.character_refresh_period

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tier": tier,
                "character_count": character_count,
                "character_limit": character_limit,
                "max_character_limit_extension": max_character_limit_extension,
                "max_credit_limit_extension": max_credit_limit_extension,
                "can_extend_character_limit": can_extend_character_limit,
                "allowed_to_extend_character_limit": allowed_to_extend_character_limit,
                "voice_slots_used": voice_slots_used,
                "professional_voice_slots_used": professional_voice_slots_used,
                "professional_voice_slots_used_in_workspace": professional_voice_slots_used_in_workspace,
                "voice_limit": voice_limit,
                "voice_add_edit_counter": voice_add_edit_counter,
                "professional_voice_limit": professional_voice_limit,
                "can_extend_voice_limit": can_extend_voice_limit,
                "can_use_instant_voice_cloning": can_use_instant_voice_cloning,
                "can_use_professional_voice_cloning": can_use_professional_voice_cloning,
                "current_overage": current_overage,
                "status": status,
            }
        )
        if next_character_count_reset_unix is not UNSET:
            field_dict["next_character_count_reset_unix"] = next_character_count_reset_unix
        if max_voice_add_edits is not UNSET:
            field_dict["max_voice_add_edits"] = max_voice_add_edits
        if currency is not UNSET:
            field_dict["currency"] = currency
        if billing_period is not UNSET:
            field_dict["billing_period"] = billing_period
        if character_refresh_period is not UNSET:
            field_dict["character_refresh_period"] = character_refresh_period

        return field_dict

    @classmethod
    def json_shape(cls) -> dict[str, Any]:
        """This model's schema as data: {"name": ..., "properties": {json name: (shape, required, python name)},
        "extra": what the parser does with fields the schema does not name ("keep", "convert" or "drop"), and
        "extra_shape": the shape of their values when the schema gives one (a map of typed values)}."""
        from ..models.price import Price  # noqa: PLC0415

        return {
            "name": "SubscriptionResponseModel",
            "extra": "keep",
            "properties": {
                "tier": ({"type": "string"}, True, "tier"),
                "character_count": ({"type": "integer"}, True, "character_count"),
                "character_limit": ({"type": "integer"}, True, "character_limit"),
                "max_character_limit_extension": (
                    {
                        "any_of": [
                            {"type": "integer"},
                            {"type": "null"},
                        ]
                    },
                    True,
                    "max_character_limit_extension",
                ),
                "max_credit_limit_extension": (
                    {
                        "any_of": [
                            {"type": "integer"},
                            {"const": "unlimited"},
                        ]
                    },
                    True,
                    "max_credit_limit_extension",
                ),
                "can_extend_character_limit": ({"type": "boolean"}, True, "can_extend_character_limit"),
                "allowed_to_extend_character_limit": ({"type": "boolean"}, True, "allowed_to_extend_character_limit"),
                "voice_slots_used": ({"type": "integer"}, True, "voice_slots_used"),
                "professional_voice_slots_used": ({"type": "integer"}, True, "professional_voice_slots_used"),
                "professional_voice_slots_used_in_workspace": (
                    {"type": "integer"},
                    True,
                    "professional_voice_slots_used_in_workspace",
                ),
                "voice_limit": ({"type": "integer"}, True, "voice_limit"),
                "voice_add_edit_counter": ({"type": "integer"}, True, "voice_add_edit_counter"),
                "professional_voice_limit": ({"type": "integer"}, True, "professional_voice_limit"),
                "can_extend_voice_limit": ({"type": "boolean"}, True, "can_extend_voice_limit"),
                "can_use_instant_voice_cloning": ({"type": "boolean"}, True, "can_use_instant_voice_cloning"),
                "can_use_professional_voice_cloning": ({"type": "boolean"}, True, "can_use_professional_voice_cloning"),
                "current_overage": ({"model": Price}, True, "current_overage"),
                "status": (
                    {
                        "enum": [
                            "trialing",
                            "active",
                            "incomplete",
                            "past_due",
                            "free",
                            "free_disabled",
                        ],
                        "name": "SubscriptionStatusType",
                        "class": SubscriptionStatusType,
                    },
                    True,
                    "status",
                ),
                "next_character_count_reset_unix": (
                    {
                        "any_of": [
                            {"type": "integer"},
                            {"type": "null"},
                        ]
                    },
                    False,
                    "next_character_count_reset_unix",
                ),
                "max_voice_add_edits": (
                    {
                        "any_of": [
                            {"type": "integer"},
                            {"type": "null"},
                        ]
                    },
                    False,
                    "max_voice_add_edits",
                ),
                "currency": (
                    {
                        "any_of": [
                            {
                                "enum": [
                                    "usd",
                                    "eur",
                                    "inr",
                                    "pln",
                                ],
                                "name": "Currency",
                                "class": Currency,
                            },
                            {"type": "null"},
                        ]
                    },
                    False,
                    "currency",
                ),
                "billing_period": (
                    {
                        "any_of": [
                            {
                                "enum": [
                                    "monthly_period",
                                    "3_month_period",
                                    "6_month_period",
                                    "annual_period",
                                ],
                                "name": "BillingPeriod",
                                "class": BillingPeriod,
                            },
                            {"type": "null"},
                        ]
                    },
                    False,
                    "billing_period",
                ),
                "character_refresh_period": (
                    {
                        "any_of": [
                            {
                                "enum": [
                                    "monthly_period",
                                    "3_month_period",
                                    "6_month_period",
                                    "annual_period",
                                ],
                                "name": "CharacterRefreshPeriod",
                                "class": CharacterRefreshPeriod,
                            },
                            {"type": "null"},
                        ]
                    },
                    False,
                    "character_refresh_period",
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
        from ..models.price import Price  # noqa: PLC0415

        d = dict(src_dict)
        tier = d.pop("tier")

        character_count = d.pop("character_count")

        character_limit = d.pop("character_limit")

        max_character_limit_extension = d.pop("max_character_limit_extension")

        def _parse_max_credit_limit_extension(data: object) -> int | Literal["unlimited"]:
            if isinstance(data, str) and data == "unlimited":
                try:
                    max_credit_limit_extension_type_1 = cast("Literal['unlimited']", data)
                    if max_credit_limit_extension_type_1 != "unlimited":
                        raise ValueError(
                            f"max_credit_limit_extension_type_1 must match const 'unlimited', got '{max_credit_limit_extension_type_1}'"
                        )
                    return max_credit_limit_extension_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            return cast("int | Literal['unlimited']", data)

        max_credit_limit_extension = _parse_max_credit_limit_extension(d.pop("max_credit_limit_extension"))

        can_extend_character_limit = d.pop("can_extend_character_limit")

        allowed_to_extend_character_limit = d.pop("allowed_to_extend_character_limit")

        voice_slots_used = d.pop("voice_slots_used")

        professional_voice_slots_used = d.pop("professional_voice_slots_used")

        professional_voice_slots_used_in_workspace = d.pop("professional_voice_slots_used_in_workspace")

        voice_limit = d.pop("voice_limit")

        voice_add_edit_counter = d.pop("voice_add_edit_counter")

        professional_voice_limit = d.pop("professional_voice_limit")

        can_extend_voice_limit = d.pop("can_extend_voice_limit")

        can_use_instant_voice_cloning = d.pop("can_use_instant_voice_cloning")

        can_use_professional_voice_cloning = d.pop("can_use_professional_voice_cloning")

        current_overage = Price.from_dict(d.pop("current_overage"))

        status = SubscriptionStatusType(d.pop("status"))

        next_character_count_reset_unix = d.pop("next_character_count_reset_unix", UNSET)

        max_voice_add_edits = d.pop("max_voice_add_edits", UNSET)

        def _parse_currency(data: object) -> Currency | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if isinstance(data, str):
                try:
                    currency_type_0 = Currency(data)

                    return currency_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            return cast("Currency | None | Unset", data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_billing_period(data: object) -> BillingPeriod | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if isinstance(data, str):
                try:
                    billing_period_type_0 = BillingPeriod(data)

                    return billing_period_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            return cast("BillingPeriod | None | Unset", data)

        billing_period = _parse_billing_period(d.pop("billing_period", UNSET))

        def _parse_character_refresh_period(data: object) -> CharacterRefreshPeriod | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if isinstance(data, str):
                try:
                    character_refresh_period_type_0 = CharacterRefreshPeriod(data)

                    return character_refresh_period_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            return cast("CharacterRefreshPeriod | None | Unset", data)

        character_refresh_period = _parse_character_refresh_period(d.pop("character_refresh_period", UNSET))

        subscription_response_model = cls(
            tier=tier,
            character_count=character_count,
            character_limit=character_limit,
            max_character_limit_extension=max_character_limit_extension,
            max_credit_limit_extension=max_credit_limit_extension,
            can_extend_character_limit=can_extend_character_limit,
            allowed_to_extend_character_limit=allowed_to_extend_character_limit,
            voice_slots_used=voice_slots_used,
            professional_voice_slots_used=professional_voice_slots_used,
            professional_voice_slots_used_in_workspace=professional_voice_slots_used_in_workspace,
            voice_limit=voice_limit,
            voice_add_edit_counter=voice_add_edit_counter,
            professional_voice_limit=professional_voice_limit,
            can_extend_voice_limit=can_extend_voice_limit,
            can_use_instant_voice_cloning=can_use_instant_voice_cloning,
            can_use_professional_voice_cloning=can_use_professional_voice_cloning,
            current_overage=current_overage,
            status=status,
            next_character_count_reset_unix=next_character_count_reset_unix,
            max_voice_add_edits=max_voice_add_edits,
            currency=currency,
            billing_period=billing_period,
            character_refresh_period=character_refresh_period,
        )

        subscription_response_model.additional_properties = d
        return subscription_response_model

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
