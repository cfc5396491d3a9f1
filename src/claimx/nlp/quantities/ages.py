"""Ages written before the number: 'aged 18 to 24', 'age 18 and over', 'between the ages of 25 and 54'.

A bare number after "aged", "age" or "ages" (past "the ... of" and "between") is an age in years: its unit is
the news file's year of age (`unit-age-before`). "between the ages of 25 and 54" is one range of ages, as
"between 25 and 54" is (`between_opener`). A decade of life after a possessive is a range of ages: "in his
20s" is 20 to 29 years of age, "in her early 30s" about 30 to 33, "mid-40s" about 43 to 46, "late 50s" about 56
to 59 (`unit-age-decade`); without the possessive a decade is as often a period or a temperature ("the 90s").
"""

from __future__ import annotations

import re

from claimx import units as unit_registry
from claimx.nlp.quantities.state import Found, View
from claimx.nlp.quantities.unitlookup import from_entry

AGE_WORDS = frozenset({"aged", "age", "ages"})
AGE_FILLERS = frozenset({"the", "of", "between"})
DECADE = re.compile(r"^([1-9]0)s$")
POSSESSIVES = frozenset({"his", "her", "their", "my", "your", "our"})
DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}


def _age_word_before(v: View, start: int) -> int | None:
    """The index of 'aged', 'age' or 'ages' just before `start`, past 'between', 'the' and 'of'."""
    k = start - 1
    while k >= 0 and start - k <= 4 and v.lower(k) in AGE_FILLERS:
        k -= 1
    return k if k >= 0 and start - k <= 4 and v.lower(k) in AGE_WORDS else None


def between_opener(v: View, start: int) -> bool:
    """'between the ages of 25 and 54': 'between' opens the range across 'the ages of'."""
    k = _age_word_before(v, start)
    return k is not None and any(v.lower(j) == "between" for j in range(max(0, k - 2), k))


def age_before(v: View, q: Found) -> str | None:
    """'aged 18 to 24', 'age 18 and over', 'under the age of 18': a bare number after an age word is years
    of age."""
    if q.unit is not None or q.kind not in ("other", "count") or _age_word_before(v, q.core[0]) is None:
        return None
    ref = from_entry(unit_registry.news_entry("years of age"))
    q.unit, q.kind, q.unit_expr = ref.unit, ref.kind, ref.expr
    return "unit-age-before"


def age_decade(v: View, i: int) -> Found | None:
    """'in his 20s', 'in their early 30s', 'in her mid-40s': the range of ages a decade of life spans."""
    m = DECADE.match(v.doc[i].text)
    if m is None:
        return None
    k = i - 1
    if v.lower(k) == "-":
        k -= 1  # "mid-40s"
    part = DECADE_PARTS.get(v.lower(k))
    start = k if part is not None else i
    owner = start - 1
    if owner < v.sent_starts[i] or v.lower(owner) not in POSSESSIVES:
        return None
    low = int(m.group(1))
    lo, hi = part if part is not None else (0, 9)
    ref = from_entry(unit_registry.news_entry("years of age"))
    q = Found(start=start, end=i + 1, value=None, low=low + lo, high=low + hi, core=(i, i + 1))
    q.unit, q.kind, q.unit_expr = ref.unit, ref.kind, ref.expr
    q.bound = "~" if part is not None else "="
    q.head = i
    q.rule_ids = ["unit-age-decade"]
    return q
