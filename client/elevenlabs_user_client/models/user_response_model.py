from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._drift import Drift, broken_entry, broken_field, lenient_parse, model_repr, received
from ..models.seat_type import SeatType
from ..types import UNSET, Unset, mask_secret, mask_secret_keys, validate_response

if TYPE_CHECKING:
    from ..models.subscription_response_model import SubscriptionResponseModel


T = TypeVar("T", bound="UserResponseModel")


@_attrs_define(repr=False)  # the repr is model_repr (runtime/_drift.py)
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
    def json_shape(cls) -> dict[str, Any]:
        """This model's schema as data: {"name": ..., "properties": {json name: (shape, required, python name)},
        "extra": what the parser does with fields the schema does not name ("keep", "convert" or "drop"), and
        "extra_shape": the shape of their values when the schema gives one (a map of typed values)}."""
        from ..models.subscription_response_model import SubscriptionResponseModel  # noqa: PLC0415

        return {
            "name": "UserResponseModel",
            "extra": "keep",
            "properties": {
                "user_id": ({"type": "string"}, True, "user_id"),
                "subscription": ({"model": SubscriptionResponseModel}, True, "subscription"),
                "is_new_user": ({"type": "boolean"}, True, "is_new_user"),
                "can_use_delayed_payment_methods": ({"type": "boolean"}, True, "can_use_delayed_payment_methods"),
                "is_onboarding_completed": ({"type": "boolean"}, True, "is_onboarding_completed"),
                "is_onboarding_checklist_completed": ({"type": "boolean"}, True, "is_onboarding_checklist_completed"),
                "created_at": ({"type": "integer"}, True, "created_at"),
                "seat_type": (
                    {
                        "enum": [
                            "workspace_admin",
                            "workspace_member",
                            "workspace_lite_member",
                        ],
                        "name": "SeatType",
                        "class": SeatType,
                    },
                    True,
                    "seat_type",
                ),
                "show_compliance_terms": ({"type": "boolean"}, False, "show_compliance_terms"),
                "first_name": (
                    {
                        "any_of": [
                            {"type": "string"},
                            {"type": "null"},
                        ]
                    },
                    False,
                    "first_name",
                ),
                "is_api_key_hashed": ({"type": "boolean"}, False, "is_api_key_hashed"),
                "xi_api_key_preview": (
                    {
                        "any_of": [
                            {"type": "string"},
                            {"type": "null"},
                        ]
                    },
                    False,
                    "xi_api_key_preview",
                ),
                "referral_link_code": (
                    {
                        "any_of": [
                            {"type": "string"},
                            {"type": "null"},
                        ]
                    },
                    False,
                    "referral_link_code",
                ),
                "partnerstack_partner_default_link": (
                    {
                        "any_of": [
                            {"type": "string"},
                            {"type": "null"},
                        ]
                    },
                    False,
                    "partnerstack_partner_default_link",
                ),
                "xi_api_key": (
                    {
                        "any_of": [
                            {"type": "string"},
                            {"type": "null"},
                        ]
                    },
                    False,
                    "xi_api_key",
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
        from ..models.subscription_response_model import SubscriptionResponseModel  # noqa: PLC0415

        d = dict(src_dict)
        user_id = d.pop("user_id")

        subscription = SubscriptionResponseModel.from_dict(d.pop("subscription"))

        is_new_user = d.pop("is_new_user")

        can_use_delayed_payment_methods = d.pop("can_use_delayed_payment_methods")

        is_onboarding_completed = d.pop("is_onboarding_completed")

        is_onboarding_checklist_completed = d.pop("is_onboarding_checklist_completed")

        created_at = d.pop("created_at")

        seat_type = SeatType(d.pop("seat_type"))

        show_compliance_terms = d.pop("show_compliance_terms", UNSET)

        first_name = d.pop("first_name", UNSET)

        is_api_key_hashed = d.pop("is_api_key_hashed", UNSET)

        xi_api_key_preview = d.pop("xi_api_key_preview", UNSET)

        referral_link_code = d.pop("referral_link_code", UNSET)

        partnerstack_partner_default_link = d.pop("partnerstack_partner_default_link", UNSET)

        xi_api_key = d.pop("xi_api_key", UNSET)

        user_response_model = cls(
            user_id=user_id,
            subscription=subscription,
            is_new_user=is_new_user,
            can_use_delayed_payment_methods=can_use_delayed_payment_methods,
            is_onboarding_completed=is_onboarding_completed,
            is_onboarding_checklist_completed=is_onboarding_checklist_completed,
            created_at=created_at,
            seat_type=seat_type,
            show_compliance_terms=show_compliance_terms,
            first_name=first_name,
            is_api_key_hashed=is_api_key_hashed,
            xi_api_key_preview=xi_api_key_preview,
            referral_link_code=referral_link_code,
            partnerstack_partner_default_link=partnerstack_partner_default_link,
            xi_api_key=xi_api_key,
        )

        user_response_model.additional_properties = d
        return user_response_model

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
