"""Prices quoted without their unit: a fuel or crude oil price in bare dollars is per the commodity's customary unit.

News and energy reports give the unit once, or not at all: "the average weekly retail gasoline price increased to
$3.07", "Diesel fuel prices increased 30.8 cents to $2.90", "The WTI crude oil futures price ... settling at
$64.49". A reader knows these are per gallon and per barrel. A money figure in whole currency units (not
cents, whose golds disagree), with no rate of its own, whose measured concept is the price of a commodity in
words.jsonl roles `gallon_priced` ("gasoline", "diesel", "heating oil", "propane") or `barrel_priced` ("crude",
"WTI", "Brent"), and whose value is a plausible unit price (under 20 per gallon, under 500 per barrel), takes
"per gallon" or "per barrel" (rule `unit-price-implied`). A measured concept naming another oil ("palm oil",
"heating oil" for barrels) or natural gas does not.
"""

from __future__ import annotations

import re

from claimx.rulefiles import word_list
from claimx.schema import Claim

PRICE_WORDS = re.compile(r"\b(?:price|prices|cost|costs|futures|settle|settled|settling)\b", re.IGNORECASE)
LIMITS = {"gallon": 20.0, "barrel": 500.0}
NOT_FOR = {"gallon": ("natural gas", "per barrel"), "barrel": ("heating oil", "palm oil", "olive oil", "natural gas")}


def implied_price_unit(claims: list[Claim]) -> list[Claim]:
    """Each claim, with 'per gallon' or 'per barrel' added to a bare fuel or crude price."""
    from claimx.claims import revised

    out = []
    for c in claims:
        per = _customary_unit(c)
        if per is None:
            out.append(c)
            continue
        q = c.quantity
        unit = f"{q.unit} per {per}"
        q2 = q.model_copy(update={"unit": unit, "unit_base": f"{q.unit_base or q.unit} per {per}"})
        out.append(revised(c, ["unit-price-implied"], quantity=q2))
    return out


def _customary_unit(c: Claim) -> str | None:
    q = c.quantity
    if q.dimension != "currency" or q.unit is None or " per " in q.unit or not re.fullmatch(r"[A-Z]{3}", q.unit):
        return None
    if "cent" in q.text.lower() or "¢" in q.text:
        return None
    measured = (c.measured or "").lower()
    if not PRICE_WORDS.search(measured):
        return None
    size = max(abs(x) for x in (q.value, q.low, q.high) if x is not None) if q.value or q.low else 0.0
    for per, role in (("gallon", "gallon_priced"), ("barrel", "barrel_priced")):
        named = any(re.search(rf"\b{re.escape(w)}\b", measured) for w in word_list(role))
        if named and 0 < size < LIMITS[per] and not any(n in measured for n in NOT_FOR[per]):
            return per
    return None
