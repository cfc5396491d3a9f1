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
    if len(rows) > 2 and group_header(rows[0], rows[1]):
        add(CELL_SEP.join(cell for cell in rows[0] if cell), "paragraph")  # "| House Directives | Senate Directives |"
        rows = rows[1:]
    if not rows:
        return
    header = rows[0]
    add(CELL_SEP.join(header), "table_row", row_header=header[0] or None)
    for row in rows[1:]:
        add(CELL_SEP.join(row), "table_row", table_header=header, row_header=row[0] or None)


FIGURE_CELL = re.compile(r"^[\s$€£+\-−(]*\d[\d.,]*\s*(?:%|[a-z]{0,8})?\)?$", re.IGNORECASE)


def group_header(first: list[str], second: list[str]) -> bool:
    """Is the first row a header over groups of columns, the second the columns' own header? Fewer cells than
    the second, which holds no figure ('| House Committee Directives | Senate Committee Directives |' over
    '| Committee | Type of Instruction | Amount ... |')."""
    full = [c for c in second if c]
    return 1 < sum(1 for c in first if c) < len(full) and not any(FIGURE_CELL.match(c) for c in full)


PLAIN_ROW = re.compile(r"^[^|\n]*\S(?: \| [^|\n]*){2,}$")


def plain_table_blocks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, Block | None]]:
    """The blocks of a plain-text article with its tables' rows made table rows. A table in plain text is a
    run of lines of three or more cells between " | " (a PDF or converter's rendering, one row per line,
    rows alone or between blank lines) with the same number of cells as its first line, the header (or one
    more, when the header leaves the first column unlabeled: `_stubless_header`); at least one data row holds
    a figure. Other blocks stay as they are (None: no structure known)."""
    lines: list[tuple[int, int]] = []  # (start, end) of every non-empty line, block by block
    owner: list[int] = []  # the block each line belongs to
    for n, (s, e) in enumerate(spans):
        pos = s
        for ln in text[s:e].split("\n"):
            if ln.strip():
                start = pos + len(ln) - len(ln.lstrip())
                lines.append((start, start + len(ln.strip())))
                owner.append(n)
            pos += len(ln) + 1
    rows: dict[int, tuple[list[str], list[str]]] = {}  # line -> (its cells, its table's header)
    i = 0
    while i < len(lines):
        cells = _plain_cells(text, lines[i])
        header = _stubless_header(cells, _plain_cells(text, lines[i + 1]) if i + 1 < len(lines) else None)
        j = i + 1
        while cells and j < len(lines) and len(_plain_cells(text, lines[j]) or []) == len(header):
            j += 1
        data = [_plain_cells(text, lines[k]) for k in range(i + 1, j)]
        if cells and data and any(any(ch.isdigit() for c in d[1:] for ch in c) for d in data):
            rows[i] = (cells, [])
            for k, d in zip(range(i + 1, j), data, strict=True):
                rows[k] = (d, header)
            i = j
        else:
            i += 1
    if not rows:
        return [(s, e, None) for s, e in spans]
    out: list[tuple[int, int, Block | None]] = []
    for n, (s, e) in enumerate(spans):
        mine = [k for k in range(len(lines)) if owner[k] == n]
        if not any(k in rows for k in mine):
            out.append((s, e, None))
            continue
        for k in mine:  # a block holding table rows: one block per line
            ls, le = lines[k]
            if k not in rows:
                out.append((ls, le, None))
                continue
            cells, header = rows[k]
            block = Block(
                kind="table_row", char_start=ls, char_end=le, table_header=header or None, row_header=cells[0] or None
            )
            out.append((ls, le, block))
    return out


def _stubless_header(cells: list[str] | None, following: list[str] | None) -> list[str]:
    """The header of the columns: the line itself, or, when it has one cell fewer than the row after it and
    holds no figure, the header of the value columns over an unlabeled first column ('Range of market share
    (percentage) | Median ...' over 'Dental group market | 37.9 – 97.5 | 66.8 ...')."""
    if not cells:
        return cells or []
    if following and len(following) == len(cells) + 1 and not any(FIGURE_CELL.match(c) for c in cells):
        return ["", *cells]
    return cells


def _plain_cells(text: str, line: tuple[int, int]) -> list[str] | None:
    """The cells of a plain-text table line ('Total | $245.3 | $172.7'), None when it is no such line."""
    s = text[line[0] : line[1]]
    return [c.strip() for c in s.split(CELL_SEP)] if PLAIN_ROW.match(s) else None
