from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._parse import MISSING, Drift, Parse, broken_entry, broken_field, model_eq, model_repr, parse_root, received
from ..models.billing_period import _BY_VALUE as _BILLING_PERIOD
from ..models.billing_period import BillingPeriod
from ..models.character_refresh_period import _BY_VALUE as _CHARACTER_REFRESH_PERIOD
from ..models.character_refresh_period import CharacterRefreshPeriod
from ..models.currency import _BY_VALUE as _CURRENCY
from ..models.currency import Currency
from ..models.subscription_status_type import _BY_VALUE as _SUBSCRIPTION_STATUS_TYPE
from ..models.subscription_status_type import SubscriptionStatusType
from ..types import UNSET, Unset, mask_secret_keys


@_attrs_define(repr=False, eq=False, slots=False)  # repr and == are model_repr and model_eq (runtime/_parse.py)
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
    # The JSON names of the declared fields (unknown fields are the others).
    _json_names: ClassVar[frozenset[str]] = frozenset({"tier", "character_count", "character_limit", "max_character_limit_extension", "max_credit_limit_extension", "can_extend_character_limit", "allowed_to_extend_character_limit", "voice_slots_used", "professional_voice_slots_used", "professional_voice_slots_used_in_workspace", "voice_limit", "voice_add_edit_counter", "professional_voice_limit", "can_extend_voice_limit", "can_use_instant_voice_cloning", "can_use_professional_voice_cloning", "current_overage", "status", "next_character_count_reset_unix", "max_voice_add_edits", "currency", "billing_period", "character_refresh_period"})  # fmt: skip
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
        v = data.get("tier", MISSING)
        self.tier = v if type(v) is str else p.bad(v, f"{at}tier", "string")
        v = data.get("character_count", MISSING)
        self.character_count = v if type(v) is int else p.bad(v, f"{at}character_count", "integer", integer=True)
        v = data.get("character_limit", MISSING)
        self.character_limit = v if type(v) is int else p.bad(v, f"{at}character_limit", "integer", integer=True)
        v = data.get("max_character_limit_extension", MISSING)
        self.max_character_limit_extension = (
            v
            if type(v) is int
            else None
            if v is None
            else p.bad(v, f"{at}max_character_limit_extension", "integer", integer=True)
        )
        v = data.get("max_credit_limit_extension", MISSING)
        self.max_credit_limit_extension = (
            v
            if type(v) is int
            else "unlimited"
            if v == "unlimited" and type(v) is str
            else p.bad(v, f"{at}max_credit_limit_extension", "integer | 'unlimited'", integer=True)
        )
        v = data.get("can_extend_character_limit", MISSING)
        self.can_extend_character_limit = (
            v if type(v) is bool else p.bad(v, f"{at}can_extend_character_limit", "boolean")
        )
        v = data.get("allowed_to_extend_character_limit", MISSING)
        self.allowed_to_extend_character_limit = (
            v if type(v) is bool else p.bad(v, f"{at}allowed_to_extend_character_limit", "boolean")
        )
        v = data.get("voice_slots_used", MISSING)
        self.voice_slots_used = v if type(v) is int else p.bad(v, f"{at}voice_slots_used", "integer", integer=True)
        v = data.get("professional_voice_slots_used", MISSING)
        self.professional_voice_slots_used = (
            v if type(v) is int else p.bad(v, f"{at}professional_voice_slots_used", "integer", integer=True)
        )
        v = data.get("professional_voice_slots_used_in_workspace", MISSING)
        self.professional_voice_slots_used_in_workspace = (
            v
            if type(v) is int
            else p.bad(v, f"{at}professional_voice_slots_used_in_workspace", "integer", integer=True)
        )
        v = data.get("voice_limit", MISSING)
        self.voice_limit = v if type(v) is int else p.bad(v, f"{at}voice_limit", "integer", integer=True)
        v = data.get("voice_add_edit_counter", MISSING)
        self.voice_add_edit_counter = (
            v if type(v) is int else p.bad(v, f"{at}voice_add_edit_counter", "integer", integer=True)
        )
        v = data.get("professional_voice_limit", MISSING)
        self.professional_voice_limit = (
            v if type(v) is int else p.bad(v, f"{at}professional_voice_limit", "integer", integer=True)
        )
        v = data.get("can_extend_voice_limit", MISSING)
        self.can_extend_voice_limit = v if type(v) is bool else p.bad(v, f"{at}can_extend_voice_limit", "boolean")
        v = data.get("can_use_instant_voice_cloning", MISSING)
        self.can_use_instant_voice_cloning = (
            v if type(v) is bool else p.bad(v, f"{at}can_use_instant_voice_cloning", "boolean")
        )
        v = data.get("can_use_professional_voice_cloning", MISSING)
        self.can_use_professional_voice_cloning = (
            v if type(v) is bool else p.bad(v, f"{at}can_use_professional_voice_cloning", "boolean")
        )
        v = data.get("current_overage", MISSING)
        self.current_overage = (
            Price._parse(v, p, f"{at}current_overage.")
            if type(v) is dict
            else p.bad(v, f"{at}current_overage", "object Price")
        )
        v = data.get("status", MISSING)
        self.status = (
            _SUBSCRIPTION_STATUS_TYPE[v]
            if type(v) is str and v in _SUBSCRIPTION_STATUS_TYPE
            else p.bad(
                v,
                f"{at}status",
                "one of 'trialing', 'active', 'incomplete', 'past_due', 'free', 'free_disabled'",
                SubscriptionStatusType,
            )
        )
        v = data.get("next_character_count_reset_unix", UNSET)
        self.next_character_count_reset_unix = (
            UNSET
            if v is UNSET
            else (
                v
                if type(v) is int
                else None
                if v is None
                else p.bad(v, f"{at}next_character_count_reset_unix", "integer", integer=True)
            )
        )
        v = data.get("max_voice_add_edits", UNSET)
        self.max_voice_add_edits = (
            UNSET
            if v is UNSET
            else (
                v
                if type(v) is int
                else None
                if v is None
                else p.bad(v, f"{at}max_voice_add_edits", "integer", integer=True)
            )
        )
        v = data.get("currency", UNSET)
        self.currency = (
            UNSET
            if v is UNSET
            else (
                _CURRENCY[v]
                if type(v) is str and v in _CURRENCY
                else None
                if v is None
                else p.bad(v, f"{at}currency", "one of 'usd', 'eur', 'inr', 'pln'", Currency)
            )
        )
        v = data.get("billing_period", UNSET)
        self.billing_period = (
            UNSET
            if v is UNSET
            else (
                _BILLING_PERIOD[v]
                if type(v) is str and v in _BILLING_PERIOD
                else None
                if v is None
                else p.bad(
                    v,
                    f"{at}billing_period",
                    "one of 'monthly_period', '3_month_period', '6_month_period', 'annual_period'",
                    BillingPeriod,
                )
            )
        )
        v = data.get("character_refresh_period", UNSET)
        self.character_refresh_period = (
            UNSET
            if v is UNSET
            else (
                _CHARACTER_REFRESH_PERIOD[v]
                if type(v) is str and v in _CHARACTER_REFRESH_PERIOD
                else None
                if v is None
                else p.bad(
                    v,
                    f"{at}character_refresh_period",
                    "one of 'monthly_period', '3_month_period', '6_month_period', 'annual_period'",
                    CharacterRefreshPeriod,
                )
            )
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


from ..models.price import Price  # noqa: E402
