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
    from ..models.invoice_response_model import InvoiceResponseModel
    from ..models.pending_cancellation_response_model import PendingCancellationResponseModel
    from ..models.pending_subscription_switch_response_model import PendingSubscriptionSwitchResponseModel
    from ..models.price import Price


T = TypeVar("T", bound="ExtendedSubscriptionResponseModel")


@_attrs_define(repr=False)  # the repr is model_repr (runtime/_drift.py)
class ExtendedSubscriptionResponseModel:
    """The `ExtendedSubscriptionResponseModel` object of the API.

    Example:
        {'allowed_to_extend_character_limit': True, 'billing_period': 'monthly_period', 'can_extend_character_limit':
            True, 'can_extend_voice_limit': True, 'can_use_instant_voice_cloning': True,
            'can_use_professional_voice_cloning': True, 'character_count': 1000, 'character_limit': 10000,
            'character_refresh_period': 'monthly_period', 'currency': 'usd', 'current_overage': {'amount': '0', 'currency':
            'usd'}, 'has_open_invoices': True, 'has_used_creator_coupon_on_account': False,
            'has_used_starter_coupon_on_account': False, 'max_character_limit_extension': 10000,
            'max_credit_limit_extension': 10000, 'next_character_count_reset_unix': 1738356858, 'next_invoice':
            {'amount_due_cents': 1000, 'discounts': [{'discount_percent_off': 20.0}], 'next_payment_attempt_unix':
            1738356858, 'payment_intent_status': 'processing', 'payment_intent_statusses': ['processing', 'succeeded'],
            'subtotal_cents': 900, 'tax_cents': 100}, 'open_invoices': [{'amount_due_cents': 1000, 'discounts':
            [{'discount_percent_off': 20.0}], 'next_payment_attempt_unix': 1738356858, 'payment_intent_status':
            'processing', 'payment_intent_statusses': ['processing', 'succeeded'], 'subtotal_cents': 900, 'tax_cents':
            100}], 'professional_voice_limit': 1, 'professional_voice_slots_used': 0,
            'professional_voice_slots_used_in_workspace': 0, 'status': 'active', 'tier': 'starter',
            'voice_add_edit_counter': 0, 'voice_limit': 10, 'voice_slots_used': 1}

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
    open_invoices: list[InvoiceResponseModel]
    """ The open invoices for the user. Always present, never null. """
    has_open_invoices: bool
    """ Whether the user has open invoices. Always present, never null. """
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
    next_invoice: InvoiceResponseModel | None | Unset = UNSET
    """ The next invoice for the user. May be missing (`UNSET`) or null (`None`). """
    pending_change: None | PendingCancellationResponseModel | PendingSubscriptionSwitchResponseModel | Unset = UNSET
    """ The pending change for the user. May be missing (`UNSET`) or null (`None`). """
    has_used_starter_coupon_on_account: bool | Unset = False
    """ True if any workspace owned by this user's auth account has redeemed the starter first-month discount
    coupon. May be missing (`UNSET`); never null. """
    has_used_creator_coupon_on_account: bool | Unset = False
    """ True if any workspace owned by this user's auth account has redeemed the creator first-month discount
    coupon. May be missing (`UNSET`); never null. """
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
        from ..models.invoice_response_model import InvoiceResponseModel  # noqa: PLC0415
        from ..models.pending_cancellation_response_model import PendingCancellationResponseModel  # noqa: PLC0415
        from ..models.pending_subscription_switch_response_model import PendingSubscriptionSwitchResponseModel  # noqa: PLC0415

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

        open_invoices = []
        for open_invoices_item_data in self.open_invoices:
            open_invoices_item = open_invoices_item_data.to_dict()
            open_invoices.append(open_invoices_item)

        has_open_invoices = self.has_open_invoices

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

        next_invoice: dict[str, Any] | None | Unset
        if isinstance(self.next_invoice, Unset):
            next_invoice = UNSET
        elif isinstance(self.next_invoice, InvoiceResponseModel):
            next_invoice = self.next_invoice.to_dict()
        else:
            next_invoice = self.next_invoice

        pending_change: dict[str, Any] | None | Unset
        if isinstance(self.pending_change, Unset):
            pending_change = UNSET
        elif isinstance(self.pending_change, PendingSubscriptionSwitchResponseModel):
            pending_change = self.pending_change.to_dict()
        elif isinstance(self.pending_change, PendingCancellationResponseModel):
            pending_change = self.pending_change.to_dict()
        else:
            pending_change = self.pending_change

        has_used_starter_coupon_on_account = self.has_used_starter_coupon_on_account

        has_used_creator_coupon_on_account = self.has_used_creator_coupon_on_account

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
                "open_invoices": open_invoices,
                "has_open_invoices": has_open_invoices,
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
        if next_invoice is not UNSET:
            field_dict["next_invoice"] = next_invoice
        if pending_change is not UNSET:
            field_dict["pending_change"] = pending_change
        if has_used_starter_coupon_on_account is not UNSET:
            field_dict["has_used_starter_coupon_on_account"] = has_used_starter_coupon_on_account
        if has_used_creator_coupon_on_account is not UNSET:
            field_dict["has_used_creator_coupon_on_account"] = has_used_creator_coupon_on_account

        return field_dict

    @classmethod
    def json_shape(cls) -> dict[str, Any]:
        """This model's schema as data: {"name": ..., "properties": {json name: (shape, required, python name)},
        "extra": what the parser does with fields the schema does not name ("keep", "convert" or "drop"), and
        "extra_shape": the shape of their values when the schema gives one (a map of typed values)}."""
        from ..models.invoice_response_model import InvoiceResponseModel  # noqa: PLC0415
        from ..models.pending_cancellation_response_model import PendingCancellationResponseModel  # noqa: PLC0415
        from ..models.pending_subscription_switch_response_model import PendingSubscriptionSwitchResponseModel  # noqa: PLC0415
        from ..models.price import Price  # noqa: PLC0415

        return {
            "name": "ExtendedSubscriptionResponseModel",
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
                "open_invoices": ({"list": {"model": InvoiceResponseModel}}, True, "open_invoices"),
                "has_open_invoices": ({"type": "boolean"}, True, "has_open_invoices"),
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
                "next_invoice": (
                    {
                        "any_of": [
                            {"model": InvoiceResponseModel},
                            {"type": "null"},
                        ]
                    },
                    False,
                    "next_invoice",
                ),
                "pending_change": (
                    {
                        "any_of": [
                            {"model": PendingSubscriptionSwitchResponseModel},
                            {"model": PendingCancellationResponseModel},
                            {"type": "null"},
                        ]
                    },
                    False,
                    "pending_change",
                ),
                "has_used_starter_coupon_on_account": (
                    {"type": "boolean"},
                    False,
                    "has_used_starter_coupon_on_account",
                ),
                "has_used_creator_coupon_on_account": (
                    {"type": "boolean"},
                    False,
                    "has_used_creator_coupon_on_account",
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
        from ..models.invoice_response_model import InvoiceResponseModel  # noqa: PLC0415
        from ..models.pending_cancellation_response_model import PendingCancellationResponseModel  # noqa: PLC0415
        from ..models.pending_subscription_switch_response_model import PendingSubscriptionSwitchResponseModel  # noqa: PLC0415
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

        open_invoices = []
        _open_invoices = d.pop("open_invoices")
        for open_invoices_item_data in _open_invoices:
            open_invoices_item = InvoiceResponseModel.from_dict(open_invoices_item_data)

            open_invoices.append(open_invoices_item)

        has_open_invoices = d.pop("has_open_invoices")

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

        def _parse_next_invoice(data: object) -> InvoiceResponseModel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if isinstance(data, dict):
                try:
                    next_invoice_type_0 = InvoiceResponseModel.from_dict(data)

                    return next_invoice_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            return cast("InvoiceResponseModel | None | Unset", data)

        next_invoice = _parse_next_invoice(d.pop("next_invoice", UNSET))

        def _parse_pending_change(
            data: object,
        ) -> None | PendingCancellationResponseModel | PendingSubscriptionSwitchResponseModel | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if isinstance(data, dict):
                try:
                    pending_change_type_0 = PendingSubscriptionSwitchResponseModel.from_dict(data)

                    return pending_change_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if isinstance(data, dict):
                try:
                    pending_change_type_1 = PendingCancellationResponseModel.from_dict(data)

                    return pending_change_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            return cast(
                "None | PendingCancellationResponseModel | PendingSubscriptionSwitchResponseModel | Unset", data
            )

        pending_change = _parse_pending_change(d.pop("pending_change", UNSET))

        has_used_starter_coupon_on_account = d.pop("has_used_starter_coupon_on_account", UNSET)

        has_used_creator_coupon_on_account = d.pop("has_used_creator_coupon_on_account", UNSET)

        extended_subscription_response_model = cls(
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
            open_invoices=open_invoices,
            has_open_invoices=has_open_invoices,
            next_character_count_reset_unix=next_character_count_reset_unix,
            max_voice_add_edits=max_voice_add_edits,
            currency=currency,
            billing_period=billing_period,
            character_refresh_period=character_refresh_period,
            next_invoice=next_invoice,
            pending_change=pending_change,
            has_used_starter_coupon_on_account=has_used_starter_coupon_on_account,
            has_used_creator_coupon_on_account=has_used_creator_coupon_on_account,
        )

        extended_subscription_response_model.additional_properties = d
        return extended_subscription_response_model

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
