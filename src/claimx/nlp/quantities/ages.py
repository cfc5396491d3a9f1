"""Ages written before the number: 'aged 18 to 24', 'age 18 and over', 'between the ages of 25 and 54'.

A bare number after "aged", "age" or "ages" (past "the ... of" and "between") is an age in years: its unit is
the news file's year of age (`unit-age-before`). "between the ages of 25 and 54" is one range of ages, as
"between 25 and 54" is (`between_opener`).
"""

from __future__ import annotations

from claimx import units as unit_registry
from claimx.nlp.quantities.state import Found, View
from claimx.nlp.quantities.unitlookup import from_entry

AGE_WORDS = frozenset({"aged", "age", "ages"})
AGE_FILLERS = frozenset({"the", "of", "between"})


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
