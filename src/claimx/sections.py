"""Context a section's heading gives its claims. Never spaCy.

Headings that name only a period ("2010", "2000", "FY2024", "2023 census", "Third quarter 2024") date the
figures of their sections, up to the next heading, that no rule dated (rule `time-heading`): Wikipedia's
"Demographics" section writes its census figures under "2010" and "2000" subheadings, reports their results
under "Fiscal Year 2024". It takes two such headings: a lone date line ("2026", "March 5, 2026" under a
report's title) is a dateline, not a section, and a heading naming a month or a day is one too. A heading
with other words ("Wages in 2023", "Outlook for 2025") is a topic, as a title's single year is, and dates
nothing.
"""

from __future__ import annotations

import re

from claimx.claims import revised
from claimx.periods import parse_period
from claimx.schema import Claim, Segment, TimeRef

CENSUS = re.compile(r"^(?:(?:the\s+)?((?:19|20)\d\d)\s+census|census\s+(?:of\s+)?((?:19|20)\d\d))$", re.IGNORECASE)
HAS_YEAR = re.compile(r"(?:19|20)\d\d")
DAY_OR_MONTH = re.compile(r"^\d{4}-\d\d")  # "2024-06", "2024-06-05"; a quarter "2024-Q3" or half "2024-H1" is a section


def heading_time(claims: list[Claim], text: str, segments: list[Segment]) -> list[Claim]:
    """Each undated claim in a section whose heading names only a period, given that period."""
    sections: list[tuple[int, int, TimeRef]] = []
    headings = [s for s in segments if s.kind == "heading"]
    for k, h in enumerate(headings):
        time = _heading_period(text[h.char_start : h.char_end])
        if time is not None:
            end = headings[k + 1].char_start if k + 1 < len(headings) else len(text)
            sections.append((h.char_end, end, time))
    if len(sections) < 2:
        return claims  # one date line alone ("March 2026" under a report's title) is a dateline, not a section
    out = []
    for c in claims:
        hit = next((t for start, end, t in sections if start <= c.quantity.start < end), None)
        out.append(revised(c, ["time-heading"], time=hit) if hit is not None and c.time is None else c)
    return out


def _heading_period(heading: str) -> TimeRef | None:
    words = heading.strip().rstrip(".:")
    census = CENSUS.match(words)
    when = (census.group(1) or census.group(2)) if census else words
    if len(words) > 40 or not HAS_YEAR.search(when):
        return None
    period = parse_period(when)
    if period is None or DAY_OR_MONTH.search(period.label):
        return None  # "March 5, 2026", "June 2024": a dateline names a day or month
    return TimeRef(text=words, year=period.year, period=period.label)
