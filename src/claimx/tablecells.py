"""Claims read from a table: its headers, caption and source line say what a cell's figure is.

A Markdown table with column headers (`segment.is_data_row`) is read row by row. Every figure in a data cell
is a claim marked with its row and column (`Claim.table`); a figure in the row's first cell is a label
("FY2020-2023 Total", "Title 42"), never a claim. The table's context fills what a cell does not say:

- **measured** (`measured-table-header`): the column header, for the row's subject when the first cell names
  one ("FY2026 Enacted of Resource Management"); the header alone when the first cell is a period ("FY2020").
- **time** (`time-table-header`): the period the cell names ("758,000 (FY2022)"), else its row's
  ("FY2020", "FY2020-2023 Total" -> FY2020/FY2023; a bare year under a "Fiscal Year" column is that fiscal
  year: "2005" -> FY2005), else its column's ("FY2026 Enacted"), else the one period its title names ("2024
  Group Market Share ..."); else (`time-table-date-column`) the row's cell
  under a column headed "Date": "| Proposal (12/25) |" -> 2025-12. A figure in a sentence cell without a time
  of its own takes that date too.
- **scale and currency** (`unit-table-caption`): a caption or header "($ in millions)", "(in millions of
  dollars)", "(thousands)", or a caption line "In Millions of Dollars", scales the bare figures of the table
  ("1,451.5" -> 1.4515e9 USD); a figure that writes its own scale ("$4.6 billion") or unit ("93.9%", "338
  days") keeps it.
- **counted noun** (`unit-table-header`): a bare count under "Number of Applications ..." counts applications;
  a bare figure under a header marked "(percentage)", "(percent)" or "(%)" is a percentage.
- **source** (`source-table-note`): the "Source:" line under the table, for the figures the row does not
  attribute ("Source: DOI, Fiscal Year 2027: The Interior Budget in Brief").

A row that holds a sentence is read as prose (`segment.has_prose_cell`): "| Supplemental Nutrition Assistance
Program (SNAP) | Provides ... benefits. | $103.955 billion | ... |". Its data cells are read as above; a
figure inside the sentence cell keeps what its clause says.
"""

from __future__ import annotations

import re
from collections import Counter

from claimx.claims import make_claim_id, revised
from claimx.periods import MONTHS, parse_period
from claimx.schema import Claim, Quantity, Segment, Source, TableCell, TimeRef
from claimx.segment import has_prose_cell, is_data_row
from claimx.units import singular

CELL_SEP = " | "
FULL_YEAR_SPAN = re.compile(r"((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)")  # "2021-2024": two fiscal years
# "FY2026", "FY2020-2023", "FY2026-FY2035", "2024", "2025/26"; "FY03-05", "FY18", glued ("millionFY10")
HEADER_PERIOD = re.compile(
    r"(?:(?<![\w$€£.,])|(?<=[a-z0-9])(?=FY))"
    r"(?:FY\s?(?:19|20)\d\d(?:\s*[-–]\s*(?:FY\s?)?(?:19|20)?\d\d)?|FY\d\d(?:[-–]\d\d)?"
    r"|(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?)"
    r"(?=[ep]?(?:[^\w%]|$))(?![.,]\d)"  # '2024e', '2024p': an estimated or preliminary year
)
FISCAL_COLUMN = re.compile(r"\bfiscal\s+years?\b|^\s*FYs?\b", re.IGNORECASE)  # the row headers' column label
LABEL_WORDS = {
    "total",
    "totals",
    "all",
    "average",
    "cumulative",
    "subtotal",
    "e",
    "p",
}  # "FY2020-2023 Total" is a period
NOTE_MARK = re.compile(r"(?<=[a-z])\d{1,2}$")  # a footnote number a converter glued on: 'Reserves11'
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_NOTE = re.compile(r"\(([^()]*\b(?:thousand|million|billion|trillion)s?\b[^()]*)\)", re.IGNORECASE)
# an unbracketed scale line between a table's title and its header: "In Millions of Dollars", "Dollars in billions"
SCALE_LINE = re.compile(
    r"\b((?:(?:dollars|\$)\s+)?in\s+(?:thousands|millions|billions|trillions)\b(?:\s+of\s+[a-z]+)?)", re.IGNORECASE
)
CURRENCY_NOTE = {"$": "USD", "dollar": "USD", "€": "EUR", "euro": "EUR", "£": "GBP", "pound": "GBP"}
WRITTEN_SCALE = re.compile(r"(?i:thousand|million|billion|trillion)|\d\s*(?:bn|m|k|b)\b|[%‰]")
PERCENT_NOTE = re.compile(r"\((?:in\s+)?(?:percentage|percent|per\s+cent|%)\)", re.IGNORECASE)
COUNT_HEADER = re.compile(r"\bnumber\s+(?:and\s+\w+\s+)?of\s+(?P<noun>[a-z]+)", re.IGNORECASE)
SOURCE_NOTE = re.compile(r"^\s*sources?\s*:\s*", re.IGNORECASE)
NOTE_END = re.compile(r";|\.(?=\s+[A-Z(]|\s*$)")
ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Za-z]{1,2}\.)*[A-Za-z]{1,2}$")  # 'p', 'U.S', 'H.R', 'No' before a '.'
PAGE_REF = re.compile(r",?\s*pp?\.\s*\S+\s*$")
ACCESS_NOTE = re.compile(r",?\s+(?:accessed|retrieved|downloaded|as presented by|as of)\b.*$", re.IGNORECASE)
CAPTION_MAX = 200
DATE_COLUMN = re.compile(r"\bdates?\b", re.IGNORECASE)  # 'Date', 'Status/Date', 'Date enacted'
MONTH_DATE = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(r"(?<![\d/.,])(?P<a>\d{1,2})/(?P<b>\d{1,2}|\d{4})(?:/(?P<y>\d{4}|\d{2}))?(?![\d/.,%])")
# a numeral grouped '1216,000' is a footnote number a PDF converter glued to '16,000': the figures of its column
# ('12300' for '300') cannot be read apart from their markers, so the column gives no claims
GLUED_NOTE = re.compile(r"(?<![\d.,])\d{4,},\d{3}(?!\d)")


class Table:
    """One table's context: its caption, the rows with their headers, its source line, and the columns whose
    figures cannot be trusted."""

    def __init__(self, rows: list[Segment], caption: str, source: str | None, text: str):
        self.rows, self.caption, self.source = rows, caption, source
        self.glued = {
            k
            for r in rows
            for k, cell in enumerate(text[r.char_start : r.char_end].split(CELL_SEP))
            if GLUED_NOTE.search(cell)
        }


def table_cell_context(claims: list[Claim], text: str, segments: list[Segment]) -> list[Claim]:
    """Each claim in a table row given its cell's context; claims in a data row's first cell dropped."""
    tables = _tables(text, segments)
    if not tables:
        return claims
    out = []
    occurrences: Counter = Counter()
    for c in claims:
        hit = next(((t, r) for t in tables for r in t.rows if r.char_start <= c.quantity.start < r.char_end), None)
        if hit is None:
            out.append(c)
            continue
        table, row = hit
        cell = _cell(c, text, row)
        if cell is not None and text[row.char_start : c.quantity.start].count(CELL_SEP) in table.glued:
            continue
        if cell is None:
            if not is_data_row(row):
                out.append(_row_dated(c, text, row))
            continue
        key = (row.char_start, c.quantity.text)  # a data cell's sentence is its row, in a prose row too
        c = _as_row_sentence(c, text, row, occurrences[key])
        occurrences[key] += 1
        out.append(_from_table(c, text, row, cell, table))
    return out


def _tables(text: str, segments: list[Segment]) -> list[Table]:
    """The tables of an article: runs of rows with column headers, each with the caption above its header row
    and the source line below its last row."""
    tables: list[Table] = []
    n = 0
    while n < len(segments):
        if not segments[n].table_header:
            n += 1
            continue
        first = n
        while n < len(segments) and segments[n].table_header == segments[first].table_header:
            n += 1
        rows = segments[first:n]
        if any(is_data_row(r) or r.kind != "table" for r in rows):
            above = [s for s in segments[max(0, first - 3) : max(0, first - 1)] if s.kind in ("heading", "paragraph")]
            short = [text[s.char_start : s.char_end] for s in above if s.char_end - s.char_start <= CAPTION_MAX]
            caption = " ".join(short)
            below = segments[n] if n < len(segments) else None
            source = source_note(text[below.char_start : below.char_end]) if below is not None else None
            tables.append(Table(rows, caption, source, text))
    return tables


def source_note(block: str) -> str | None:
    """'Source: DOI, Fiscal Year 2027: The Interior Budget in Brief, p. FWS-3.' -> the first source named, without
    its page, nor when or through what it was read ('U.S. Census Bureau, accessed on Trade Data Monitor')."""
    m = SOURCE_NOTE.match(block)
    if not m:
        return None
    rest = block[m.end() :].replace("_", "").split(CELL_SEP)[0]  # "... Reports, 2021 – 2024. | GAO-26-107650"
    end = next((e.start() for e in NOTE_END.finditer(rest) if not ABBREVIATION.search(rest[: e.start()])), len(rest))
    note = ACCESS_NOTE.sub("", PAGE_REF.sub("", rest[:end])).strip(" ,.")  # not when or how it was read
    return note or None


def _cell(c: Claim, text: str, row: Segment) -> tuple[str, str] | None:
    """(column header, cell text) of a claim in a data cell; None in the first cell, a sentence cell, a cell
    without a header, or a figure that runs across cells."""
    before = text[row.char_start : c.quantity.start]
    k = before.count(CELL_SEP)
    cells = text[row.char_start : row.char_end].split(CELL_SEP)
    header = row.table_header or []
    if CELL_SEP in c.quantity.text or k == 0 or k >= len(header) or k >= len(cells) or not header[k].strip():
        return None
    if has_prose_cell(cells[k]):
        return None
    return header[k].strip(), cells[k]


def _cell_period(c: Claim, text: str, row: Segment, cell_text: str) -> re.Match | None:
    """The period a cell names for a figure: the last one written before it in the cell, as a label of its
    entry ('FY03-05: Total of $3 billion FY08-10: Total of $285 million' -> FY08-10 for $285 million), else
    the first after it ('758,000 (FY2022)')."""
    k = text[row.char_start : c.quantity.start].count(CELL_SEP)
    cells = text[row.char_start : row.char_end].split(CELL_SEP)
    offset = c.quantity.start - (row.char_start + sum(len(x) + len(CELL_SEP) for x in cells[:k]))
    found = list(HEADER_PERIOD.finditer(cell_text))
    before = [m for m in found if m.end() <= offset]
    return before[-1] if before else next((m for m in found if m.start() >= offset), None)


def _as_row_sentence(c: Claim, text: str, row: Segment, occurrence: int) -> Claim:
    """A data cell's sentence is its row: the fact-checker sees the whole row."""
    sentence = text[row.char_start : row.char_end]
    return c.model_copy(
        update={
            "sentence": sentence,
            "sentence_start": row.char_start,
            "sentence_end": row.char_end,
            "claim_id": make_claim_id(c.article_id, sentence, c.quantity.text, occurrence),
        }
    )


def _caption_period(caption: str) -> re.Match | None:
    """The one period a table's title names ('2024 Group Market Share for the Three Largest ...'), which
    dates the cells no row or column dates; none when it names several, and not the date the table was
    compiled ('Authorizations and Appropriations ..., as of April 17, 2026')."""
    title = re.split(r"\bas of\b", caption, flags=re.IGNORECASE)[0]  # "..., as of April 17, 2026": compiled then
    found = list(HEADER_PERIOD.finditer(title))
    return found[0] if len({m.group(0) for m in found}) == 1 else None


def _row_period(row_header: str | None) -> re.Match | None:
    return HEADER_PERIOD.search(row_header) if row_header else None


def _row_dated(c: Claim, text: str, row: Segment) -> Claim:
    """A figure in a row's sentence cell without a time of its own takes the row's date column."""
    if c.time is not None or (dated := _row_date(text, row)) is None:
        return c
    return revised(c, ["time-table-date-column"], time=dated)


def _row_date(text: str, row: Segment) -> TimeRef | None:
    """The date of a row, from its cell under a column headed 'Date' ('Status/Date', 'Date enacted'):
    '| Proposal (12/25) |' -> 2025-12."""
    cells = text[row.char_start : row.char_end].split(CELL_SEP)
    for k, label in enumerate(row.table_header or []):
        if k < len(cells) and DATE_COLUMN.search(label):
            return _cell_date(cells[k].strip(" |"))
    return None


def _cell_date(cell: str) -> TimeRef | None:
    """A date cell read as a date: numbers month first ('12/25', '3/2026'; '12/15/2025'; a day-first date only
    when its first number cannot be a month), else a written date ('December 2025') or a year."""
    if m := NUMERIC_DATE.search(cell):
        a, b, y = int(m["a"]), int(m["b"]), m["y"]
        if y is None:  # month/year: '12/25', '3/2026'
            month, day, y = a, None, m["b"]
        elif a > 12 >= b:  # day first: '25/12/2025'
            month, day = b, a
        else:
            month, day = a, (b if b > 12 else None)  # '12/5/2025' may be 5 December or 12 May: the month's year only
        year = int(y) + (2000 if len(y) == 2 else 0)
        if not 1 <= month <= 12 or not 1900 <= year <= 2100:
            return None
        if day is None and m["y"] is not None and a <= 12 and b <= 12:
            return TimeRef(text=m.group(0), year=year, period=str(year))
        label = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
        return TimeRef(text=m.group(0), year=year, period=label)
    written = [m.group(0) for m in MONTH_DATE.finditer(cell)]
    for part in (*written, *re.findall(r"\(([^()]+)\)", cell), re.sub(r"\s*\([^()]*\)", "", cell), cell):
        period = parse_period(part.strip())
        if period is not None:
            return TimeRef(text=part.strip(), year=period.year, period=period.label)
    if m := HEADER_PERIOD.search(cell):
        period = parse_period(m.group(0))
        return TimeRef(text=m.group(0), year=period.year, period=period.label) if period else None
    return None


def _is_period_label(row_header: str) -> bool:
    """'FY2020', '2023', 'FY2020-2023 Total': a row header that names only a period."""
    rest = HEADER_PERIOD.sub(" ", row_header)
    return all(w.lower() in LABEL_WORDS for w in re.findall(r"[A-Za-z]+", rest))


def _from_table(c: Claim, text: str, row: Segment, cell: tuple[str, str], table: Table) -> Claim:
    label, cell_text = cell
    row_header = (row.row_header or "").strip() or None
    rules = ["measured-table-header"]
    period_row = row_header is not None and _row_period(row_header) is not None and _is_period_label(row_header)
    if row_header is None or period_row:
        measured = label
    elif HEADER_PERIOD.search(label) and _is_period_label(label):  # '| Mineral concentrates | 39,000 |' under '2020'
        measured = NOTE_MARK.sub("", row_header)
    else:
        measured = f"{label} of {row_header}"
    fields: dict = {"measured": measured, "table": TableCell(row_header=row_header, column_header=label)}
    # the cell's own date first ("758,000 (FY2022)"), then its row's, then its column's
    # '2005' under a 'Fiscal Year' column is FY2005; every bare year of a table whose caption counts fiscal
    # years ("Fiscal Years 2021-2024 (in millions)") is one
    in_fy = FISCAL_COLUMN.search(table.caption) is not None
    fiscal = in_fy or bool(row.table_header) and FISCAL_COLUMN.search(row.table_header[0]) is not None
    for m, as_fy in ((_cell_period(c, text, row, cell_text), in_fy), (_row_period(row_header), fiscal),
                     (HEADER_PERIOD.search(label), in_fy), (_caption_period(table.caption), in_fy)):  # fmt: skip
        when = m.group(0) if m else ""
        if as_fy and when and not when.upper().startswith("FY"):
            when = FULL_YEAR_SPAN.sub(r"FY\1-FY\2", when) if FULL_YEAR_SPAN.fullmatch(when) else f"FY{when}"
        period = parse_period(when) if when else None
        if period is not None:
            fields["time"] = TimeRef(text=when, year=period.year, period=period.label)
            rules.append("time-table-header")
            break
    else:
        if (dated := _row_date(text, row)) is not None:
            fields["time"] = dated
            rules.append("time-table-date-column")
    quantity, unit_rule = _table_unit(c.quantity, label, table.caption)
    if unit_rule:
        fields["quantity"] = quantity
        rules.append(unit_rule)
    if c.source is None and table.source:
        fields["source"] = Source(text=table.source, kind="publication", cue="Source:")
        rules.append("source-table-note")
    return revised(c, rules, **fields)


def _table_unit(q: Quantity, label: str, caption: str) -> tuple[Quantity, str | None]:
    """The quantity scaled and given a currency by its header's or caption's note, or given the noun its
    header counts; unchanged when the figure writes its own scale or unit."""
    if WRITTEN_SCALE.search(q.text) or q.kind not in ("other", "count", "currency"):
        return q, None
    if q.unit is not None and q.kind != "currency":
        return q, None
    if q.unit is None and PERCENT_NOTE.search(label):  # "Median market share (percentage)": 66.8 is 66.8%
        update = {"unit": "percent", "unit_base": "dimensionless", "kind": "percent", "dimension": "dimensionless"}
        bases = {k: round(getattr(q, k) / 100, 12) for k in ("value", "low", "high") if getattr(q, k) is not None}
        update |= {f"{k}_base": v for k, v in bases.items()} | {"unit_text": None}
        return q.model_copy(update=update), "unit-table-header"
    if q.value is None:
        return q, None
    notes = (SCALE_NOTE.search(label), SCALE_NOTE.search(caption), SCALE_LINE.search(caption))
    note = next((m.group(1) for m in notes if m), None)
    if note is not None:
        word = re.search(r"(thousand|million|billion|trillion)", note, re.IGNORECASE)
        factor = SCALE_WORDS[word.group(1).lower()]
        currency = q.unit if q.kind == "currency" else _note_currency(note)
        value = q.value * factor
        update = {"value": value, "unit_text": note.strip()}
        if currency is not None:
            update |= {"unit": currency, "kind": "currency", "dimension": "currency", "unit_base": currency}
            update["value_base"] = value
        elif q.value_base is not None:
            update["value_base"] = value
        return q.model_copy(update=update), "unit-table-caption"
    m = COUNT_HEADER.search(label)
    if m and q.unit is None and float(q.value).is_integer():
        noun = singular(m.group("noun").lower())
        update = {"unit": noun, "unit_base": noun, "kind": "count", "value_base": q.value, "unit_text": None}
        return q.model_copy(update=update), "unit-table-header"
    return q, None


def _note_currency(note: str) -> str | None:
    low = note.lower()
    return next((code for mark, code in CURRENCY_NOTE.items() if mark in low), None)
