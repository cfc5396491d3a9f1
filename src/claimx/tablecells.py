"""Claims read from a table row: the column header says what a data cell's figure measures and when.

A table row that holds a sentence is read as prose (`segment.has_prose_cell`); the figures of its data cells
then have no clause of their own: "| Supplemental Nutrition Assistance Program (SNAP) | Provides ... benefits.
| $103.955 billion | 42.38 million in an average month |" under the headers "Program | Program Summary |
FY2026 Funding | FY2025 Participation". A figure in such a data cell measures its column header for the
row's subject ("FY2026 Funding of Supplemental Nutrition Assistance Program (SNAP)", rule
`measured-table-header`) and refers to the period the cell names ("758,000 (FY2022)"), else the period its
header names ("FY2026", `time-table-header`).
A figure inside the sentence cell keeps what its clause says.
"""

from __future__ import annotations

import re

from claimx.claims import revised
from claimx.periods import parse_period
from claimx.schema import Claim, Segment, TimeRef
from claimx.segment import has_prose_cell

CELL_SEP = " | "
HEADER_PERIOD = re.compile(r"\b(?:FY\s?(?:19|20)\d\d|(?:19|20)\d\d(?:/\d\d)?)\b")


def table_cell_context(claims: list[Claim], text: str, segments: list[Segment]) -> list[Claim]:
    """Each claim in a data cell of a row with column headers, given its header as measured and time."""
    rows = [s for s in segments if s.table_header and s.kind != "table"]
    if not rows:
        return claims
    out = []
    for c in claims:
        row = next((s for s in rows if s.char_start <= c.quantity.start < s.char_end), None)
        out.append(_from_header(c, text, row) if row is not None else c)
    return out


def _from_header(c: Claim, text: str, row: Segment) -> Claim:
    before = text[row.char_start : c.quantity.start]
    k = before.count(CELL_SEP)
    cells = text[row.char_start : row.char_end].split(CELL_SEP)
    header = row.table_header or []
    if k == 0 or k >= len(header) or k >= len(cells) or has_prose_cell(cells[k]) or not header[k].strip():
        return c
    label = header[k].strip()
    measured = f"{label} of {row.row_header}" if row.row_header else label
    time, rules = c.time, ["measured-table-header"]
    m = HEADER_PERIOD.search(cells[k]) or HEADER_PERIOD.search(label)  # the cell's own date first: "758,000 (FY2022)"
    period = parse_period(m.group(0)) if m else None
    if period is not None:
        time = TimeRef(text=m.group(0), year=period.year, period=period.label)
        rules.append("time-table-header")
    return revised(c, rules, measured=measured, time=time)
