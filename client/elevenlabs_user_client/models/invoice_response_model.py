from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._drift import Drift, broken_entry, broken_field, lenient_parse, model_repr, received
from ..models.invoice_response_model_payment_intent_status import InvoiceResponseModelPaymentIntentStatus
from ..models.invoice_response_model_payment_intent_statusses_item import InvoiceResponseModelPaymentIntentStatussesItem
from ..types import UNSET, Unset, mask_secret_keys, validate_response

if TYPE_CHECKING:
    from ..models.discount_response_model import DiscountResponseModel


T = TypeVar("T", bound="InvoiceResponseModel")


@_attrs_define(repr=False)  # the repr is model_repr (runtime/_drift.py)
class InvoiceResponseModel:
    """The `InvoiceResponseModel` object of the API.

    Example:
        {'amount_due_cents': 1000, 'discounts': [{'discount_percent_off': 20.0}], 'next_payment_attempt_unix':
            1738356858, 'payment_intent_status': 'processing', 'payment_intent_statusses': ['processing', 'succeeded'],
            'subtotal_cents': 900, 'tax_cents': 100}

    """

    amount_due_cents: int
    """ The amount due in cents. Always present, never null. """
    discounts: list[DiscountResponseModel]
    """ The discounts applied to the invoice. Always present, never null. """
    next_payment_attempt_unix: int
    """ The Unix timestamp of the next payment attempt. -1 when there is no next payment attempt. Always present,
    never null. """
    payment_intent_status: InvoiceResponseModelPaymentIntentStatus | None
    """ Deprecated. Use [payment_intent_statusses] instead. The status of this invoice's first payment intent. None
    when there is no payment intent. Always present; may be null (`None`). """
    payment_intent_statusses: list[InvoiceResponseModelPaymentIntentStatussesItem]
    """ The statuses of this invoice's payment intents. Empty list when there are no payment intents. Always
    present, never null. """
    subtotal_cents: int | None | Unset = UNSET
    """ The subtotal amount in cents before tax (exclusive of tax and discounts). May be missing (`UNSET`) or null
    (`None`). """
    tax_cents: int | None | Unset = UNSET
    """ The tax amount in cents. May be missing (`UNSET`) or null (`None`). """
    discount_percent_off: float | None | Unset = UNSET
    """ Deprecated. Use [discounts] instead. The discount applied to the invoice. E.g. [20.0f] for 20% off. May be
    missing (`UNSET`) or null (`None`). """
    discount_amount_off: float | None | Unset = UNSET
    """ Deprecated. Use [discounts] instead. The discount applied to the invoice. E.g. [20.0f] for 20 cents off. May
    be missing (`UNSET`) or null (`None`). """
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
        amount_due_cents = self.amount_due_cents

        discounts = []
        for discounts_item_data in self.discounts:
            discounts_item = discounts_item_data.to_dict()
            discounts.append(discounts_item)

        next_payment_attempt_unix = self.next_payment_attempt_unix

        payment_intent_status: None | str
        if isinstance(self.payment_intent_status, InvoiceResponseModelPaymentIntentStatus):
            payment_intent_status = self.payment_intent_status.value
        else:
            payment_intent_status = self.payment_intent_status

        payment_intent_statusses = []
        for payment_intent_statusses_item_data in self.payment_intent_statusses:
            payment_intent_statusses_item = payment_intent_statusses_item_data.value
            payment_intent_statusses.append(payment_intent_statusses_item)

        subtotal_cents: int | None | Unset
        if isinstance(self.subtotal_cents, Unset):
            subtotal_cents = UNSET
        else:
            subtotal_cents = self.subtotal_cents

        tax_cents: int | None | Unset
        if isinstance(self.tax_cents, Unset):
            tax_cents = UNSET
        else:
            tax_cents = self.tax_cents

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
        field_dict.update(
            {
                "amount_due_cents": amount_due_cents,
                "discounts": discounts,
                "next_payment_attempt_unix": next_payment_attempt_unix,
                "payment_intent_status": payment_intent_status,
                "payment_intent_statusses": payment_intent_statusses,
            }
        )
        if subtotal_cents is not UNSET:
            field_dict["subtotal_cents"] = subtotal_cents
        if tax_cents is not UNSET:
            field_dict["tax_cents"] = tax_cents
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
        from ..models.discount_response_model import DiscountResponseModel  # noqa: PLC0415

        return {
            "name": "InvoiceResponseModel",
            "extra": "keep",
            "properties": {
                "amount_due_cents": ({"type": "integer"}, True, "amount_due_cents"),
                "discounts": ({"list": {"model": DiscountResponseModel}}, True, "discounts"),
                "next_payment_attempt_unix": ({"type": "integer"}, True, "next_payment_attempt_unix"),
                "payment_intent_status": (
                    {
                        "any_of": [
                            {
                                "enum": [
                                    "canceled",
                                    "processing",
                                    "requires_action",
                                    "requires_capture",
                                    "requires_confirmation",
                                    "requires_payment_method",
                                    "succeeded",
                                ],
                                "name": "InvoiceResponseModelPaymentIntentStatus",
                                "class": InvoiceResponseModelPaymentIntentStatus,
                            },
                            {"type": "null"},
                        ]
                    },
                    True,
                    "payment_intent_status",
                ),
                "payment_intent_statusses": (
                    {
                        "list": {
                            "enum": [
                                "canceled",
                                "processing",
                                "requires_action",
                                "requires_capture",
                                "requires_confirmation",
                                "requires_payment_method",
                                "succeeded",
                            ],
                            "name": "InvoiceResponseModelPaymentIntentStatussesItem",
                            "class": InvoiceResponseModelPaymentIntentStatussesItem,
                        }
                    },
                    True,
                    "payment_intent_statusses",
                ),
                "subtotal_cents": (
                    {
                        "any_of": [
                            {"type": "integer"},
                            {"type": "null"},
                        ]
                    },
                    False,
                    "subtotal_cents",
                ),
                "tax_cents": (
                    {
                        "any_of": [
                            {"type": "integer"},
                            {"type": "null"},
                        ]
                    },
                    False,
                    "tax_cents",
                ),
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
        from ..models.discount_response_model import DiscountResponseModel  # noqa: PLC0415

        d = dict(src_dict)
        amount_due_cents = d.pop("amount_due_cents")

        discounts = []
        _discounts = d.pop("discounts")
        for discounts_item_data in _discounts:
            discounts_item = DiscountResponseModel.from_dict(discounts_item_data)

            discounts.append(discounts_item)

        next_payment_attempt_unix = d.pop("next_payment_attempt_unix")

        def _parse_payment_intent_status(data: object) -> InvoiceResponseModelPaymentIntentStatus | None:
            if data is None:
                return data
            if isinstance(data, str):
                try:
                    payment_intent_status_payment_intent_status = InvoiceResponseModelPaymentIntentStatus(data)

                    return payment_intent_status_payment_intent_status
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            return cast("InvoiceResponseModelPaymentIntentStatus | None", data)

        payment_intent_status = _parse_payment_intent_status(d.pop("payment_intent_status"))

        payment_intent_statusses = []
        _payment_intent_statusses = d.pop("payment_intent_statusses")
        for payment_intent_statusses_item_data in _payment_intent_statusses:
            payment_intent_statusses_item = InvoiceResponseModelPaymentIntentStatussesItem(
                payment_intent_statusses_item_data
            )

            payment_intent_statusses.append(payment_intent_statusses_item)

        subtotal_cents = d.pop("subtotal_cents", UNSET)

        tax_cents = d.pop("tax_cents", UNSET)

        discount_percent_off = d.pop("discount_percent_off", UNSET)

        discount_amount_off = d.pop("discount_amount_off", UNSET)

        invoice_response_model = cls(
            amount_due_cents=amount_due_cents,
            discounts=discounts,
            next_payment_attempt_unix=next_payment_attempt_unix,
            payment_intent_status=payment_intent_status,
            payment_intent_statusses=payment_intent_statusses,
            subtotal_cents=subtotal_cents,
            tax_cents=tax_cents,
            discount_percent_off=discount_percent_off,
            discount_amount_off=discount_amount_off,
        )

        invoice_response_model.additional_properties = d
        return invoice_response_model

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
