"""Markdown read as Markdown: one clean text, its blocks and its links. Never spaCy.

A CommonMark parser (markdown-it-py, with GFM tables) reads the source; the clean text keeps what a reader
sees: link text stays in the sentence and its URL goes to the article's `links` with the offsets of the
link text; emphasis, heading markers, list bullets and ordered-list numbers are dropped; images are
dropped. Each block (heading, paragraph, list item, quotation, code, table row) becomes one `Block` with
its offsets into the clean text, separated by a blank line. A table row's text is its cells joined by
" | ", and the row knows its column headers and its row header (the first cell). Lines that all start
with "|" are table rows even without a delimiter row (CMS exports write key-value tables that way); a table
a converter broke with a cell's second paragraph goes on at the next pipe line that fits its header.

    >>> doc = parse_markdown("# Title\\n\\nSales rose [5%](https://x.org) in *2024*.")
    >>> doc.text
    'Title\\n\\nSales rose 5% in 2024.'
    >>> doc.links[0].url
    'https://x.org'
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import cache

from claimx.schema import Block, Link
from claimx.texttables import group_header

ATX_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)
DELIMITER_ROW = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$", re.MULTILINE)
MARKDOWN_LINK = re.compile(r"\[[^\]\n]+\]\((?:https?://|/|#)[^)\s]*\)")
BLOCK_KINDS = {"heading_open": "heading", "blockquote_open": "quote"}


def looks_like_markdown(text: str) -> bool:
    """Is a plain-text file Markdown? Yes when it has a Markdown link to a URL, a table delimiter row, or
    two ATX headings ('# Title'): signs a plain text does not show by accident."""
    return bool(MARKDOWN_LINK.search(text) or DELIMITER_ROW.search(text) or len(ATX_HEADING.findall(text)) >= 2)


@dataclass
class MarkdownDoc:
    """The clean text of a Markdown source, its blocks, its links and its title (the first heading)."""

    text: str = ""
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


@cache
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


STRAY_MARKERS = re.compile(r"\*{2,}|(?<![\w_])_{2,}(?![\w_])")


class _Builder:
    """Appends blocks to the clean text, keeping offsets."""

    def __init__(self) -> None:
        self.doc = MarkdownDoc()
        self.parts: list[str] = []
        self.pos = 0
        self.open_header: list[str] | None = None  # the column headers of the table the last block ended

    def _append(self, s: str) -> int:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start

    def block(self, kind: str, inline, *, table_header=None, row_header=None) -> None:
        """One block from an inline token (or a plain string)."""
        self.open_header = None
        if self.pos:
            self._append("\n\n")
        start = self.pos
        if isinstance(inline, str):
            self._append(inline)
        else:
            self._inline(inline)
        if self.pos == start:
            if self.parts and self.parts[-1] == "\n\n":
                self.parts.pop()
                self.pos -= 2
            return
        self.doc.blocks.append(
            Block(kind=kind, char_start=start, char_end=self.pos, table_header=table_header, row_header=row_header)
        )

    def _inline(self, inline) -> None:
        link: tuple[int, str, int] | None = None  # (start offset, url, index in parts)
        children = inline.children or []
        for k, child in enumerate(children):
            if child.type == "text":
                nxt = children[k + 1] if k + 1 < len(children) else None
                follows = (nxt.content[:1] or "x") if nxt is not None and nxt.type != "softbreak" else ""
                self._append(self._without_stray_markers(child.content, follows))
            elif child.type == "code_inline":
                self._append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                self._append("\n")
            elif child.type == "link_open":
                if _glued(self.parts[-1][-1:] if self.parts else "", _first_text(children, k + 1)):
                    self._append(" ")  # "The IAEA[estimates](url)": a converter dropped the space before the link
                link = (self.pos, str(child.attrs.get("href", "")), len(self.parts))
            elif child.type == "link_close" and link is not None:
                if self.pos > link[0]:
                    text = "".join(self.parts[link[2] :])
                    self.doc.links.append(Link(text=text, url=link[1], start=link[0], end=self.pos))
                    if _glued(text[-1:], _first_text(children, k + 1)):
                        self._append(" ")  # "[report](url)explained": and the one after it
                link = None

    def _without_stray_markers(self, s: str, follows: str) -> str:
        """Emphasis markers the parser left as text because they enclose nothing ('Program](url)****funds',
        a converter's empty bold) are page syntax, not words: dropped, a space kept between two words
        (`follows` is the first character of what comes after this text token)."""

        def repl(m: re.Match) -> str:
            before = s[m.start() - 1] if m.start() else (self.parts[-1][-1:] if self.parts else "")
            after = s[m.end() : m.end() + 1] or follows
            return " " if before and after and not before.isspace() and not after.isspace() else ""

        return STRAY_MARKERS.sub(repl, s)

    def text(self) -> str:
        self.doc.text = "".join(self.parts)
        return self.doc.text


def _glued(before: str, after: str) -> bool:
    """Do a word and a link's text touch with no space between them ('IAEA[estimates](url)')?"""
    return before.isalnum() and after[:1].isalpha()


def _first_text(children, k: int) -> str:
    """The first characters of the text from inline token `k` on."""
    return next((c.content for c in children[k:] if c.type in ("text", "code_inline") and c.content), "")


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
META_LINE = re.compile(r"^(?P<key>[A-Za-z][\w-]*):[ \t]*(?P<value>.*?)[ \t]*$", re.MULTILINE)
META_KEYS = {"title": "title", "date": "date", "published": "date", "author": "author", "url": "url"}


def front_matter(source: str) -> tuple[dict[str, str], str]:
    """The title, date, author and url of a YAML front matter block ('---' lines), and the source after it.

    Only flat `key: value` lines are read (quotes dropped); a source without front matter is returned whole.
    """
    m = FRONT_MATTER.match(source)
    if not m or not META_LINE.search(m.group("body")):
        return {}, source
    meta: dict[str, str] = {}
    for line in META_LINE.finditer(m.group("body")):
        key = META_KEYS.get(line.group("key").lower())
        value = line.group("value").strip().strip("'\"")
        if key and value and key not in meta:
            meta[key] = value
    return meta, source[m.end() :]


def parse_markdown(source: str) -> MarkdownDoc:
    """The clean text, blocks, links and title of a Markdown source (see the module docstring)."""
    meta, source = front_matter(source)
    tokens = _parser().parse(source)
    b = _Builder()
    b.doc.meta = meta
    stack: list[str] = []
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if t.type in ("bullet_list_open", "ordered_list_open", "list_item_open", "blockquote_open"):
            stack.append(t.type)
        elif t.type in ("bullet_list_close", "ordered_list_close", "list_item_close", "blockquote_close"):
            stack.pop()
        elif t.type == "heading_open":
            b.block("heading", tokens[k + 1])
            k += 2
        elif t.type == "paragraph_open":
            _paragraph(b, tokens[k + 1], stack)
            k += 2
        elif t.type in ("fence", "code_block"):
            b.block("code", t.content.strip("\n"))
        elif t.type == "table_open":
            k = _table(b, tokens, k)
        k += 1
    b.text()
    b.doc.title = _title(b.doc)
    return b.doc


def _title(doc: MarkdownDoc) -> str | None:
    """The first block, when it is a heading or a short line that does not end a sentence."""
    if not doc.blocks:
        return None
    first = doc.blocks[0]
    text = doc.text[first.char_start : first.char_end].strip()
    if first.kind == "heading" or (
        first.kind == "paragraph" and "\n" not in text and len(text) <= 200 and not text.endswith((".", "?", "!", ":"))
    ):
        return text or None
    return None


def _paragraph(b: _Builder, inline, stack: list[str]) -> None:
    """A paragraph, a list item or a quotation; lines that all start with '|' are table rows. A table the
    converter broke goes on: after a table's rows, a paragraph whose last lines are rows with as many cells as
    its header is the rest of a cell ('Applies to banks ...') and then the table's next rows."""
    lines = inline.content.split("\n")
    kind = "quote" if "blockquote_open" in stack else "list_item" if "list_item_open" in stack else "paragraph"
    if len(lines) >= 1 and all(ln.lstrip().startswith("|") for ln in lines):
        _pipe_rows(b, lines, None)
        return
    open_header, b.open_header = b.open_header, None
    rows = _continued_rows(lines, open_header)
    if not rows:
        b.block(kind, inline)
        return
    children = inline.children or []
    breaks = [k for k, child in enumerate(children) if child.type in ("softbreak", "hardbreak")]
    cut = copy.copy(inline)
    cut.children = children[: breaks[len(lines) - len(rows) - 1]]
    b.block(kind, cut)
    _pipe_rows(b, rows, open_header)


def _continued_rows(lines: list[str], header: list[str] | None) -> list[str]:
    """The last lines of a paragraph that continue the table of `header`; none when the paragraph is not
    text then rows of that many cells."""
    if not header or len(header) < 2:
        return []
    first = next((k for k, ln in enumerate(lines) if ln.lstrip().startswith("|")), len(lines))
    rows = lines[first:]
    if first == 0 or not rows or not all(ln.lstrip().startswith("|") for ln in rows):
        return []
    return rows if all(len(_cells(ln)) == len(header) for ln in rows) else []


def _cells(line: str) -> list[str]:
    cells = [c.strip().strip("*_") for c in line.strip().strip("|").split("|")]
    return [c for c in cells if c]


def _pipe_rows(b: _Builder, lines: list[str], header: list[str] | None) -> None:
    """Pipe lines as table rows; without a delimiter row, the first line of several heads the rest, or the
    second when the first heads groups of columns ('| House Directives | Senate Directives |')."""
    if header is None and len(lines) > 2 and group_header(_cells(lines[0]), _cells(lines[1])):
        b.block("table_row", " | ".join(_cells(lines[0])), row_header=None)
        lines = lines[1:]
    for ln in lines:
        cells = _cells(ln)
        if cells:
            b.block("table_row", " | ".join(cells), table_header=header, row_header=cells[0])
            header = header or (cells if len(lines) > 1 else None)
    b.open_header = header


LINE_BREAK_TAG = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


def _table(b: _Builder, tokens, k: int) -> int:
    """The rows of a GFM table, each a block with the column headers; returns the index of table_close."""
    header: list[str] = []
    row: list[str] = []
    in_head = False
    while tokens[k].type != "table_close":
        t = tokens[k]
        if t.type == "thead_open":
            in_head = True
        elif t.type == "thead_close":
            in_head = False
        elif t.type == "inline":
            row.append(_plain(t))
        elif t.type == "tr_close":
            if in_head:
                header = row  # the header row heads the others; it has no column headers of its own
                b.block("table_row", " | ".join(row), row_header=row[0] or None)
            elif any(row):
                b.block("table_row", " | ".join(row), table_header=header or None, row_header=row[0] or None)
            row = []
        k += 1
    b.open_header = header or None
    return k


def _plain(inline) -> str:
    """The text of an inline token without markup (for table cells)."""
    text = "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline"))
    return LINE_BREAK_TAG.sub(" ", text).strip()  # 'Potential<br>acquisitions': a cell's line break is a space
