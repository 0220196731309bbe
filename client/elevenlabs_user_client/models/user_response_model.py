from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._parse import MISSING, Drift, Parse, broken_entry, broken_field, model_eq, model_repr, parse_root, received
from ..models.seat_type import _BY_VALUE as _SEAT_TYPE
from ..models.seat_type import SeatType
from ..types import UNSET, Unset, mask_secret, mask_secret_keys


@_attrs_define(repr=False, eq=False, slots=False)  # repr and == are model_repr and model_eq (runtime/_parse.py)
class UserResponseModel:
    """The `UserResponseModel` object of the API.

    Example:
        {'can_use_delayed_payment_methods': False, 'created_at': 1753999199, 'first_name': 'John', 'is_api_key_hashed':
            False, 'is_new_user': False, 'is_onboarding_checklist_completed': True, 'is_onboarding_completed': True,
            'seat_type': 'workspace_member', 'show_compliance_terms': False, 'subscription':
            {'allowed_to_extend_character_limit': False, 'billing_period': 'monthly_period', 'can_extend_character_limit':
            False, 'can_extend_voice_limit': False, 'can_use_instant_voice_cloning': True,
            'can_use_professional_voice_cloning': True, 'character_count': 17231, 'character_limit': 100000,
            'character_refresh_period': 'monthly_period', 'currency': 'usd', 'current_overage': {'amount': '0', 'currency':
            'usd'}, 'max_character_limit_extension': 10000, 'max_credit_limit_extension': 10000, 'max_voice_add_edits': 230,
            'next_character_count_reset_unix': 1738356858, 'professional_voice_limit': 1, 'professional_voice_slots_used':
            0, 'professional_voice_slots_used_in_workspace': 0, 'status': 'free', 'tier': 'trial', 'voice_add_edit_counter':
            212, 'voice_limit': 120, 'voice_slots_used': 1}, 'user_id': '1234567890'}

    """

    user_id: str
    """ The unique identifier of the user. Always present, never null. """
    subscription: SubscriptionResponseModel
    """ Details of the user's subscription. Always present, never null. """
    is_new_user: bool
    """ Whether the user is new. This field is deprecated and will be removed in the future. Use 'created_at'
    instead. Always present, never null. """
    can_use_delayed_payment_methods: bool
    """ This field is deprecated and will be removed in a future major version. Instead use
    subscription.trust_on_invoice_creation. Always present, never null. """
    is_onboarding_completed: bool
    """ Whether the user's onboarding is completed. Always present, never null. """
    is_onboarding_checklist_completed: bool
    """ Whether the user's onboarding checklist is completed. Always present, never null. """
    created_at: int
    """ The unix timestamp of the user's creation. 0 if the user was created before the unix timestamp was added.
    Always present, never null. """
    seat_type: SeatType
    """ The seat type of the user. Always present, never null. """
    show_compliance_terms: bool | Unset = False
    """ Whether to show compliance terms (ToS, Privacy Policy, biometric consent) during onboarding. Set for users
    signing up from the marketing site. May be missing (`UNSET`); never null. """
    first_name: None | str | Unset = UNSET
    """ First name of the user. May be missing (`UNSET`) or null (`None`). """
    is_api_key_hashed: bool | Unset = False
    """ Whether the user's API key is hashed. May be missing (`UNSET`); never null. """
    xi_api_key_preview: None | str | Unset = UNSET
    """ The preview of the user's API key. May be missing (`UNSET`) or null (`None`). """
    referral_link_code: None | str | Unset = UNSET
    """ The referral link code of the user. May be missing (`UNSET`) or null (`None`). """
    partnerstack_partner_default_link: None | str | Unset = UNSET
    """ The Partnerstack partner default link of the user. May be missing (`UNSET`) or null (`None`). """
    xi_api_key: None | str | Unset = _attrs_field(default=UNSET, repr=mask_secret)
    """ The API key of the user. May be missing (`UNSET`) or null (`None`). """
    # Unknown fields named like a secret anywhere in the spec (types.SECRET_FIELD_NAMES) are masked in repr too.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    # The JSON names of the declared fields (unknown fields are the others).
    _json_names: ClassVar[frozenset[str]] = frozenset({"user_id", "subscription", "is_new_user", "can_use_delayed_payment_methods", "is_onboarding_completed", "is_onboarding_checklist_completed", "created_at", "seat_type", "show_compliance_terms", "first_name", "is_api_key_hashed", "xi_api_key_preview", "referral_link_code", "partnerstack_partner_default_link", "xi_api_key"})  # fmt: skip
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
        user_id = self.user_id

        subscription = self.subscription.to_dict()

        is_new_user = self.is_new_user

        can_use_delayed_payment_methods = self.can_use_delayed_payment_methods

        is_onboarding_completed = self.is_onboarding_completed

        is_onboarding_checklist_completed = self.is_onboarding_checklist_completed

        created_at = self.created_at

        seat_type = self.seat_type.value

        show_compliance_terms = self.show_compliance_terms

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        is_api_key_hashed = self.is_api_key_hashed

        xi_api_key_preview: None | str | Unset
        if isinstance(self.xi_api_key_preview, Unset):
            xi_api_key_preview = UNSET
        else:
            xi_api_key_preview = self.xi_api_key_preview

        referral_link_code: None | str | Unset
        if isinstance(self.referral_link_code, Unset):
            referral_link_code = UNSET
        else:
            referral_link_code = self.referral_link_code

        partnerstack_partner_default_link: None | str | Unset
        if isinstance(self.partnerstack_partner_default_link, Unset):
            partnerstack_partner_default_link = UNSET
        else:
            partnerstack_partner_default_link = self.partnerstack_partner_default_link

        xi_api_key: None | str | Unset
        if isinstance(self.xi_api_key, Unset):
            xi_api_key = UNSET
        else:
            xi_api_key = self.xi_api_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "subscription": subscription,
                "is_new_user": is_new_user,
                "can_use_delayed_payment_methods": can_use_delayed_payment_methods,
                "is_onboarding_completed": is_onboarding_completed,
                "is_onboarding_checklist_completed": is_onboarding_checklist_completed,
                "created_at": created_at,
                "seat_type": seat_type,
            }
        )
        if show_compliance_terms is not UNSET:
            field_dict["show_compliance_terms"] = show_compliance_terms
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if is_api_key_hashed is not UNSET:
            field_dict["is_api_key_hashed"] = is_api_key_hashed
        if xi_api_key_preview is not UNSET:
            field_dict["xi_api_key_preview"] = xi_api_key_preview
        if referral_link_code is not UNSET:
            field_dict["referral_link_code"] = referral_link_code
        if partnerstack_partner_default_link is not UNSET:
            field_dict["partnerstack_partner_default_link"] = partnerstack_partner_default_link
        if xi_api_key is not UNSET:
            field_dict["xi_api_key"] = xi_api_key

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
        v = data.get("user_id", MISSING)
        self.user_id = v if type(v) is str else p.bad(v, f"{at}user_id", "string")
        v = data.get("subscription", MISSING)
        self.subscription = (
            SubscriptionResponseModel._parse(v, p, f"{at}subscription.")
            if type(v) is dict
            else p.bad(v, f"{at}subscription", "object SubscriptionResponseModel")
        )
        v = data.get("is_new_user", MISSING)
        self.is_new_user = v if type(v) is bool else p.bad(v, f"{at}is_new_user", "boolean")
        v = data.get("can_use_delayed_payment_methods", MISSING)
        self.can_use_delayed_payment_methods = (
            v if type(v) is bool else p.bad(v, f"{at}can_use_delayed_payment_methods", "boolean")
        )
        v = data.get("is_onboarding_completed", MISSING)
        self.is_onboarding_completed = v if type(v) is bool else p.bad(v, f"{at}is_onboarding_completed", "boolean")
        v = data.get("is_onboarding_checklist_completed", MISSING)
        self.is_onboarding_checklist_completed = (
            v if type(v) is bool else p.bad(v, f"{at}is_onboarding_checklist_completed", "boolean")
        )
        v = data.get("created_at", MISSING)
        self.created_at = v if type(v) is int else p.bad(v, f"{at}created_at", "integer", integer=True)
        v = data.get("seat_type", MISSING)
        self.seat_type = (
            _SEAT_TYPE[v]
            if type(v) is str and v in _SEAT_TYPE
            else p.bad(
                v, f"{at}seat_type", "one of 'workspace_admin', 'workspace_member', 'workspace_lite_member'", SeatType
            )
        )
        v = data.get("show_compliance_terms", UNSET)
        self.show_compliance_terms = (
            UNSET if v is UNSET else (v if type(v) is bool else p.bad(v, f"{at}show_compliance_terms", "boolean"))
        )
        v = data.get("first_name", UNSET)
        self.first_name = (
            UNSET
            if v is UNSET
            else (v if type(v) is str else None if v is None else p.bad(v, f"{at}first_name", "string"))
        )
        v = data.get("is_api_key_hashed", UNSET)
        self.is_api_key_hashed = (
            UNSET if v is UNSET else (v if type(v) is bool else p.bad(v, f"{at}is_api_key_hashed", "boolean"))
        )
        v = data.get("xi_api_key_preview", UNSET)
        self.xi_api_key_preview = (
            UNSET
            if v is UNSET
            else (v if type(v) is str else None if v is None else p.bad(v, f"{at}xi_api_key_preview", "string"))
        )
        v = data.get("referral_link_code", UNSET)
        self.referral_link_code = (
            UNSET
            if v is UNSET
            else (v if type(v) is str else None if v is None else p.bad(v, f"{at}referral_link_code", "string"))
        )
        v = data.get("partnerstack_partner_default_link", UNSET)
        self.partnerstack_partner_default_link = (
            UNSET
            if v is UNSET
            else (
                v
                if type(v) is str
                else None
                if v is None
                else p.bad(v, f"{at}partnerstack_partner_default_link", "string")
            )
        )
        v = data.get("xi_api_key", UNSET)
        self.xi_api_key = (
            UNSET
            if v is UNSET
            else (v if type(v) is str else None if v is None else p.bad(v, f"{at}xi_api_key", "string"))
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


from ..models.subscription_response_model import SubscriptionResponseModel  # noqa: E402
