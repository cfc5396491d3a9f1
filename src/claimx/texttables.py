"""Tables in the text trafilatura extracts from HTML, read as the Markdown reader reads a table. Never spaCy.

trafilatura writes an HTML table as pipe rows, one per line ("| Account | FY2025 | FY2026 |"), with a
delimiter row ("|---|---|---|") after its first row, and a `<caption>` as a first row of one cell. Without
this module those rows would be paragraphs: the delimiter rows headings, the cells claims without headers.
`paragraphs_and_tables` turns the lines into the clean text and its blocks: a paragraph per line, a
caption paragraph, a header row, and data rows that know their column headers and row header, so a table
of an HTML page is read like a Markdown table (`claimx.segment`, `claimx.tablecells`).
"""

from __future__ import annotations

import re

from claimx.schema import Block

PIPE_ROW = re.compile(r"^\|.*\|$")
DELIMITER_ROW = re.compile(r"^\|[\s:|-]+\|$")
CELL_SEP = " | "


def has_pipe_table(lines: list[str]) -> bool:
    return any(PIPE_ROW.match(ln) for ln in lines)


def paragraphs_and_tables(lines: list[str]) -> tuple[str, list[Block]]:
    """The text (blocks separated by a blank line) and its blocks, from non-empty extracted lines."""
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0

    def add(text: str, kind: str, **headers) -> None:
        nonlocal pos
        if parts:
            pos += 2  # the blank line between blocks
        parts.append(text)
        blocks.append(Block(kind=kind, char_start=pos, char_end=pos + len(text), **headers))
        pos += len(text)

    i = 0
    while i < len(lines):
        if not PIPE_ROW.match(lines[i]):
            add(lines[i], "paragraph")
            i += 1
            continue
        rows: list[list[str]] = []
        while i < len(lines) and PIPE_ROW.match(lines[i]):
            if not DELIMITER_ROW.match(lines[i]):
                rows.append([cell.strip() for cell in lines[i][1:-1].split("|")])
            i += 1
        _add_table(rows, add)
    return "\n\n".join(parts), blocks


def _add_table(rows: list[list[str]], add) -> None:
    """A caption row (one non-empty cell) becomes a paragraph; the first other row heads the rest. A table of
    one column is a box of paragraphs ("| Figure 1. U.S. Total Trade with South Korea |")."""
    rows = [r for r in rows if any(r)]
    if all(sum(1 for cell in r if cell) <= 1 for r in rows):  # a one-column box (a figure's caption and source)
        for r in rows:
            add(next(cell for cell in r if cell), "paragraph")
        return
    while len(rows) > 1 and sum(1 for cell in rows[0] if cell) == 1:
        add(next(cell for cell in rows[0] if cell), "paragraph")  # "Funding ($ in millions)"
        rows = rows[1:]
    if not rows:
        return
    header = rows[0]
    add(CELL_SEP.join(header), "table_row", row_header=header[0] or None)
    for row in rows[1:]:
        add(CELL_SEP.join(row), "table_row", table_header=header, row_header=row[0] or None)
