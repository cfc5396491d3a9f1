"""A narrative does not run backwards: a date without a year that the article's date resolved to a year before
the last year its paragraph names before it takes that year. Never spaCy.

In a page dated May 2003, "rose 37 cents between December 9, 2002, and March 17, 2003 ... After peaking on
March 17, prices fell sharply, with the U.S. average dropping to $1.47 by June 2" is June 2, 2003, not the
June before the page's date (rule `time-narrative-year`). A sentence that names a year itself, and a
period that names its year, are left as the linker read them.
"""

from __future__ import annotations

import re
from datetime import date

from claimx.claims import revised
from claimx.periods import MONTHS, YEAR_MENTION, parse_period
from claimx.schema import Claim, Segment, TimeRef

MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def narrative_years(claims: list[Claim], text: str, segments: list[Segment]) -> list[Claim]:
    """Each claim whose month or day without a year resolved before the paragraph's last named year, moved to
    that year (see the module)."""
    bounds = sorted((s.char_start, s.char_end) for s in segments)
    out = []
    for c in claims:
        t = c.time
        if (
            t is None
            or t.period is None
            or t.year is None
            or YEAR_MENTION.search(t.text)
            or not MONTH_WORD.search(t.text)
        ):
            out.append(c)
            continue
        start = next((s for s, e in bounds if s <= c.sentence_start < e), c.sentence_start)
        years = [int(y) for y in YEAR_MENTION.findall(text[start : c.sentence_start])]
        if not years or years[-1] <= t.year or YEAR_MENTION.search(c.sentence):
            out.append(c)
            continue
        period = parse_period(t.text, reference=date(years[-1], 12, 31))
        if period is None or period.year != years[-1]:
            out.append(c)
            continue
        out.append(
            revised(c, ["time-narrative-year"], time=TimeRef(text=t.text, year=period.year, period=period.label))
        )
    return out
