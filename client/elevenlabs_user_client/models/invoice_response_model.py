from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._parse import MISSING, Drift, Parse, broken_entry, broken_field, model_eq, model_repr, parse_root, received
from ..models.invoice_response_model_payment_intent_status import (
    _BY_VALUE as _INVOICE_RESPONSE_MODEL_PAYMENT_INTENT_STATUS,
)
from ..models.invoice_response_model_payment_intent_status import InvoiceResponseModelPaymentIntentStatus
from ..models.invoice_response_model_payment_intent_statusses_item import (
    _BY_VALUE as _INVOICE_RESPONSE_MODEL_PAYMENT_INTENT_STATUSSES_ITEM,
)
from ..models.invoice_response_model_payment_intent_statusses_item import InvoiceResponseModelPaymentIntentStatussesItem
from ..types import UNSET, Unset, mask_secret_keys


@_attrs_define(repr=False, eq=False, slots=False)  # repr and == are model_repr and model_eq (runtime/_parse.py)
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
    # The JSON names of the declared fields (unknown fields are the others).
    _json_names: ClassVar[frozenset[str]] = frozenset({"amount_due_cents", "discounts", "next_payment_attempt_unix", "payment_intent_status", "payment_intent_statusses", "subtotal_cents", "tax_cents", "discount_percent_off", "discount_amount_off"})  # fmt: skip
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
        v = data.get("amount_due_cents", MISSING)
        self.amount_due_cents = v if type(v) is int else p.bad(v, f"{at}amount_due_cents", "integer", integer=True)
        v = data.get("discounts", MISSING)
        self.discounts = (
            p.items(
                p.bads,
                [
                    (
                        DiscountResponseModel._parse(x0, p, f"{at}discounts[{i0}].")
                        if type(x0) is dict
                        else p.bad(x0, f"{at}discounts[{i0}]", "object DiscountResponseModel")
                    )
                    for i0, x0 in enumerate(v)
                ],
            )
            if type(v) is list
            else p.bad(v, f"{at}discounts", "array of object DiscountResponseModel")
        )
        v = data.get("next_payment_attempt_unix", MISSING)
        self.next_payment_attempt_unix = (
            v if type(v) is int else p.bad(v, f"{at}next_payment_attempt_unix", "integer", integer=True)
        )
        v = data.get("payment_intent_status", MISSING)
        self.payment_intent_status = (
            _INVOICE_RESPONSE_MODEL_PAYMENT_INTENT_STATUS[v]
            if type(v) is str and v in _INVOICE_RESPONSE_MODEL_PAYMENT_INTENT_STATUS
            else None
            if v is None
            else p.bad(
                v,
                f"{at}payment_intent_status",
                "one of 'canceled', 'processing', 'requires_action', 'requires_capture', 'requires_confirmation', 'requires_payment_method', 'succeeded'",
                InvoiceResponseModelPaymentIntentStatus,
            )
        )
        v = data.get("payment_intent_statusses", MISSING)
        self.payment_intent_statusses = (
            p.items(
                p.bads,
                [
                    (
                        _INVOICE_RESPONSE_MODEL_PAYMENT_INTENT_STATUSSES_ITEM[x0]
                        if type(x0) is str and x0 in _INVOICE_RESPONSE_MODEL_PAYMENT_INTENT_STATUSSES_ITEM
                        else p.bad(
                            x0,
                            f"{at}payment_intent_statusses[{i0}]",
                            "one of 'canceled', 'processing', 'requires_action', 'requires_capture', 'requires_confirmation', 'requires_payment_method', 'succeeded'",
                            InvoiceResponseModelPaymentIntentStatussesItem,
                        )
                    )
                    for i0, x0 in enumerate(v)
                ],
            )
            if type(v) is list
            else p.bad(
                v,
                f"{at}payment_intent_statusses",
                "array of one of 'canceled', 'processing', 'requires_action', 'requires_capture', 'requires_confirmation', 'requires_payment_method', 'succeeded'",
            )
        )
        v = data.get("subtotal_cents", UNSET)
        self.subtotal_cents = (
            UNSET
            if v is UNSET
            else (
                v if type(v) is int else None if v is None else p.bad(v, f"{at}subtotal_cents", "integer", integer=True)
            )
        )
        v = data.get("tax_cents", UNSET)
        self.tax_cents = (
            UNSET
            if v is UNSET
            else (v if type(v) is int else None if v is None else p.bad(v, f"{at}tax_cents", "integer", integer=True))
        )
        v = data.get("discount_percent_off", UNSET)
        self.discount_percent_off = (
            UNSET
            if v is UNSET
            else (
                v
                if type(v) is float or type(v) is int
                else None
                if v is None
                else p.bad(v, f"{at}discount_percent_off", "number")
            )
        )
        v = data.get("discount_amount_off", UNSET)
        self.discount_amount_off = (
            UNSET
            if v is UNSET
            else (
                v
                if type(v) is float or type(v) is int
                else None
                if v is None
                else p.bad(v, f"{at}discount_amount_off", "number")
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


from ..models.discount_response_model import DiscountResponseModel  # noqa: E402
