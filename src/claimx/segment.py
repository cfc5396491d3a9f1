"""Splitting an Article into blocks and marking what is not the article body. Never spaCy.

Blocks are the parser's blocks of a structured source (Markdown: `Article.blocks`), else the runs of
text between blank lines. Each gets a kind: `title`, `heading`, `paragraph`, `table` (a table row, with
its column and row headers; the figures of a data row's cells are claims read with the table's headers,
caption and source line, `claimx.tablecells`; a figure in its first cell is a label: "Title 42"), or
`boilerplate` (no claims are extracted from it). Boilerplate is found with the line lexicon in
`claimx/rules/boilerplate.jsonl` and two rules on the shape of a block:
- a *metadata* block: two or more lines that are all short `Key: value` pairs ("Report No.: IN12614");
- a *link list*: a block whose letters and digits are three-quarters link text (navigation, breadcrumbs,
  "Share", version lists), unless it is one linked sentence;
- a code block of a Markdown source;
- a *tail marker* line ("Recent", "Related articles", "More from") ends the body: it and everything
  after it are boilerplate, and so are the author box just before it (a short name line, a bio);
- navigation, share and subscribe lines ("Read More »", "Share this article") are boilerplate
  wherever they stand.
Sentence splitting happens later, in the spaCy pipeline; here paragraphs longer than
`max_chars` are cut into pieces at sentence ends so no Doc gets too large.
"""

from __future__ import annotations

import re
from functools import cache

from claimx.rulefiles import load_rules
from claimx.schema import Article, Block, Segment
from claimx.texttables import plain_table_blocks

BLOCK_SEP = re.compile(r"\n[ \t]*\n+")
MAX_CHARS = 20_000
META_LINE = re.compile(r"^[A-Z][^:\n!?]{0,40}:\s+\S.{0,150}$")
LINK_SHARE = 0.75


@cache
def _lexicon() -> tuple[frozenset[str], list[re.Pattern], list[re.Pattern]]:
    markers: set[str] = set()
    lines: list[re.Pattern] = []
    bios: list[re.Pattern] = []
    for e in load_rules("boilerplate"):
        if e.role == "tail_marker":
            markers.update(x.lower() for x in e.lines or [])
        elif e.role == "line" and e.regex:
            lines.append(re.compile(e.regex))
        elif e.role == "author_bio" and e.regex:
            bios.append(re.compile(e.regex))
    return frozenset(markers), lines, bios


def _norm(line: str) -> str:
    return re.sub(r"\s+", " ", line.strip().strip("#*_>|-–—»«:").strip()).lower()


def is_tail_marker(block: str) -> bool:
    """A block that is a 'Recent' / 'Related' heading: the body ends before it."""
    markers, _, _ = _lexicon()
    return "\n" not in block.strip() and _norm(block) in markers


def is_nav_line(line: str) -> bool:
    """A navigation, share or subscribe line."""
    _, lines, _ = _lexicon()
    norm = _norm(line)
    return bool(norm) and any(rx.search(norm) for rx in lines)


def is_author_bio(block: str) -> bool:
    """An author box line: 'Your go-to ...', 'X is a journalist ...'."""
    _, _, bios = _lexicon()
    return any(rx.search(_norm(block)) for rx in bios)


def _is_heading(block: str) -> bool:
    s = block.strip()
    if s.startswith("#"):
        return True
    return "\n" not in s and len(s.split()) <= 14 and not s.endswith((".", "?", "!", ";", ",", ":", '"', "”"))


def is_metadata(block: str) -> bool:
    """Two or more lines, each a short 'Key: value' pair: a page's metadata box, not prose."""
    lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
    return len(lines) >= 2 and all(META_LINE.match(ln) for ln in lines)


def link_share(article: Article, start: int, end: int) -> float:
    """The share of the letters and digits of text[start:end] that are link text."""
    if not article.links or end <= start:
        return 0.0
    links = [lk for lk in article.links if lk.start < end and lk.end > start]
    covered = sum(_alnum(article.text[max(start, lk.start) : min(end, lk.end)]) for lk in links)
    total = _alnum(article.text[start:end])
    return covered / total if total else 0.0


def is_link_list(article: Article, start: int, end: int) -> bool:
    """Navigation: a block that is mostly link text (breadcrumbs, 'Share', version lists), unless it is
    one linked sentence."""
    if link_share(article, start, end) < LINK_SHARE:
        return False
    n_links = sum(1 for lk in article.links if lk.start < end and lk.end > start)
    return n_links >= 2 or not article.text[start:end].rstrip().endswith((".", "!", "?"))


def _alnum(s: str) -> int:
    return sum(1 for ch in s if ch.isalnum())


def _blocks(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in BLOCK_SEP.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    # trim surrounding whitespace so offsets point at text
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _split_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > max_chars:
        window = text[start : start + max_chars]
        cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("? "), window.rfind("! "))
        if cut < max_chars // 4:
            cut = window.rfind(" ")
        if cut < max_chars // 4:
            cut = max_chars - 1
        pieces.append((start, start + cut + 1))
        start += cut + 1
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def _structured_blocks(article: Article) -> list[tuple[int, int, Block | None]]:
    if article.blocks is None:  # plain text: its blocks, and the rows of a table written with " | " cells
        return plain_table_blocks(article.text, _blocks(article.text))
    return [(b.char_start, b.char_end, b) for b in article.blocks if b.char_end > b.char_start]


PROSE_CELL_WORDS = 8


def has_prose_cell(row: str) -> bool:
    """Does a table row hold a sentence ('| CBLR | Proposal (12/25) | Tier 1 capital/assets would be reduced
    from 9% to 8%, and ... |')? Such a row is read as prose, its figures claims like any paragraph's; a row of
    data cells ('| FY2025 | $1.2 billion | 12% |') stays a table segment without claims."""
    return any(
        len(cell.split()) >= PROSE_CELL_WORDS and cell.rstrip().endswith((".", "!", "?")) for cell in row.split(" | ")
    )


def is_data_row(seg: Segment) -> bool:
    """Is a segment a data row of a table with column headers, whose cells' figures are claims
    (`claimx.tablecells`)? Not the header row, and not a two-column 'Key: | value' table of page metadata
    ("CRS Product Number: | IN12609")."""
    header = seg.table_header
    return seg.kind == "table" and bool(header) and not (len(header) == 2 and header[0].rstrip().endswith(":"))


def _kind(article: Article, n: int, start: int, end: int, block: Block | None) -> tuple[str, str | None]:
    """The kind of one block, and why it is boilerplate when it is."""
    text = article.text[start:end]
    source_kind = block.kind if block is not None else None
    if source_kind == "table_row":
        return ("paragraph" if has_prose_cell(text) else "table"), None
    if source_kind == "code":
        return "boilerplate", "code block"
    if n == 0 and article.title and _norm(text) == _norm(article.title):
        return "title", None
    if all(is_nav_line(ln) for ln in text.splitlines() if ln.strip()):
        return "boilerplate", "navigation or share line"
    if is_metadata(text):
        return "boilerplate", "metadata lines ('Key: value')"
    if is_link_list(article, start, end):
        return "boilerplate", "a list of links"
    if source_kind == "heading" or (source_kind in (None, "paragraph") and _is_heading(text)):
        return "heading", None
    return "paragraph", None


def segment_article(article: Article, *, max_chars: int = MAX_CHARS) -> list[Segment]:
    """The blocks of `article` with their kinds; offsets index `article.text`.

    Example:
        >>> kinds = [s.kind for s in segment_article(article)]
    """
    text = article.text
    units = _structured_blocks(article)
    blocks = [(s, e) for s, e, _ in units]
    kinds: list[str] = []
    reasons: list[str | None] = []
    for n, (s, e, block) in enumerate(units):
        kind, reason = _kind(article, n, s, e, block)
        kinds.append(kind)
        reasons.append(reason)
    # the body ends at the first tail marker; the author box before it goes with it
    tail = next((n for n, (s, e) in enumerate(blocks) if n > 0 and is_tail_marker(text[s:e])), None)
    if tail is not None:
        start = tail
        while start - 1 > 0:
            s, e = blocks[start - 1]
            block = text[s:e]
            if (
                is_author_bio(block)
                or (kinds[start - 1] == "heading" and len(block.split()) <= 6)
                or kinds[start - 1] == "boilerplate"
                or (article.author and _norm(block) == _norm(article.author))
            ):
                start -= 1
            else:
                break
        for n in range(start, len(blocks)):
            kinds[n] = "boilerplate"
            reasons[n] = "after the article body (author box, 'Recent' or related list)"
    segments: list[Segment] = []
    for (s, e, block), kind, reason in zip(units, kinds, reasons, strict=True):
        if block is not None and block.kind == "table_row" and kind in ("table", "paragraph"):
            segments.append(
                Segment(
                    kind=kind,
                    char_start=s,
                    char_end=e,
                    table_header=block.table_header,
                    row_header=block.row_header,
                )
            )
            continue
        for ps, pe in _split_long(text, s, e, max_chars) if kind != "boilerplate" else [(s, e)]:
            segments.append(Segment(kind=kind, char_start=ps, char_end=pe, reason=reason))
    return segments
