"""Running a rule entry's own example: what `claimx rules check` and the rule tests do.

An entry's `expect` names fields that at least one extracted claim of its example must have
(quantity fields, or `source`/`cue`/`kind`/`modality` for source and hedge rules); `expect_absent`
names text that must not be extracted as a quantity. Boilerplate examples must be recognized as such.
"""

from __future__ import annotations

import math
from typing import Any

from claimx.schema import Claim

QUANTITY_FIELDS = {"value", "low", "high", "unit", "kind", "change", "bound"}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-6)
    return a == b


def _claim_has(claim: Claim, key: str, want: Any, rule_file: str) -> bool:
    q = claim.quantity
    if rule_file == "sources" and key == "kind":
        return claim.source is not None and claim.source.kind == want
    if key in QUANTITY_FIELDS:
        return _same(getattr(q, key), want)
    if key == "source":
        return (claim.source.text if claim.source else None) == want
    if key == "cue":
        return claim.source is not None and claim.source.cue == want
    if key == "modality":
        return claim.modality == want
    if key == "measured":
        return claim.measured == want
    if key == "time":
        return (claim.time.text if claim.time else None) == want
    if key == "year":
        return (claim.time.year if claim.time else None) == want
    raise KeyError(f"unknown expect key {key!r}")


def check_entry(rule_file: str, entry: Any, nlp=None) -> str | None:
    """None when the entry's example behaves as its `expect`/`expect_absent` say; else what went wrong."""
    if rule_file == "boilerplate":
        from claimx.segment import is_author_bio, is_nav_line, is_tail_marker

        test = {"tail_marker": is_tail_marker, "line": is_nav_line, "author_bio": is_author_bio}[entry.role]
        return None if test(entry.example) else f"example {entry.example!r} is not recognized"
    from claimx.extract import extract_claims

    claims = extract_claims(entry.example, article_id=entry.id, nlp=nlp)
    if entry.expect_absent is not None:
        bad = [c.quantity.text for c in claims if entry.expect_absent in c.quantity.text]
        if bad:
            return f"{entry.expect_absent!r} was extracted as a quantity: {bad}"
    if entry.expect:
        if entry.expect.get("source", "") is None:
            bad = [c.source.text for c in claims if c.source is not None]
            return f"expected no source, got {bad}" if bad else None
        for c in claims:
            if all(_claim_has(c, k, v, rule_file) for k, v in entry.expect.items()):
                return None
        got = [
            {
                "text": c.quantity.text,
                "value": c.quantity.value,
                "unit": c.quantity.unit,
                "bound": c.quantity.bound,
                "change": c.quantity.change,
                "kind": c.quantity.kind,
                "source": c.source.model_dump() if c.source else None,
                "modality": c.modality,
            }
            for c in claims
        ]
        return f"no claim of {entry.example!r} has {entry.expect}; got {got}"
    return None
