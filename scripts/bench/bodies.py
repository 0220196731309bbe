"""The fixed response bodies the loopback server returns to every contender.

Built from the upstream examples of UserResponseModel and ExtendedSubscriptionResponseModel, with the optional
fields a real account returns filled in, so every contender parses a body of realistic size and shape.
"""

from __future__ import annotations

import json
from typing import Any

_SUBSCRIPTION: dict[str, Any] = {
    "tier": "creator",
    "character_count": 17231,
    "character_limit": 100000,
    "max_character_limit_extension": 10000,
    "max_credit_limit_extension": 10000,
    "can_extend_character_limit": True,
    "allowed_to_extend_character_limit": True,
    "next_character_count_reset_unix": 1738356858,
    "voice_slots_used": 1,
    "professional_voice_slots_used": 0,
    "professional_voice_slots_used_in_workspace": 0,
    "voice_limit": 120,
    "max_voice_add_edits": 230,
    "voice_add_edit_counter": 212,
    "professional_voice_limit": 1,
    "can_extend_voice_limit": False,
    "can_use_instant_voice_cloning": True,
    "can_use_professional_voice_cloning": True,
    "currency": "usd",
    "current_overage": {"amount": "0", "currency": "usd"},
    "status": "active",
    "billing_period": "monthly_period",
    "character_refresh_period": "monthly_period",
}

_INVOICE: dict[str, Any] = {
    "amount_due_cents": 2200,
    "subtotal_cents": 2000,
    "tax_cents": 200,
    "discount_percent_off": None,
    "discount_amount_off": None,
    "discounts": [{"discount_percent_off": 20.0, "discount_amount_off": None}],
    "next_payment_attempt_unix": 1738356858,
    "payment_intent_status": "processing",
    "payment_intent_statusses": ["processing", "succeeded"],
}

USER: dict[str, Any] = {
    "user_id": "1234567890",
    "subscription": _SUBSCRIPTION,
    "is_new_user": False,
    "can_use_delayed_payment_methods": False,
    "is_onboarding_completed": True,
    "is_onboarding_checklist_completed": True,
    "show_compliance_terms": False,
    "first_name": "John",
    "is_api_key_hashed": True,
    "xi_api_key_preview": "sk_4f2...9c1e",
    "referral_link_code": "john4821",
    "partnerstack_partner_default_link": None,
    "created_at": 1753999199,
    "seat_type": "workspace_member",
}

SUBSCRIPTION: dict[str, Any] = {
    **_SUBSCRIPTION,
    "next_invoice": _INVOICE,
    "open_invoices": [_INVOICE],
    "has_open_invoices": True,
    "pending_change": None,
    "has_used_starter_coupon_on_account": False,
    "has_used_creator_coupon_on_account": True,
}

USER_BYTES = json.dumps(USER).encode()
SUBSCRIPTION_BYTES = json.dumps(SUBSCRIPTION).encode()

# The key the benchmark's clients send; the loopback server checks it, so a contender that sends no key fails loudly.
BENCH_KEY = "bench-key-not-a-secret"
