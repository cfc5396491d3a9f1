"""Splitting an Article into blocks and marking what is not the article body. Never spaCy.

Blocks are separated by blank lines. Each gets a kind: `title`, `heading`, `paragraph`, or
`boilerplate` (no claims are extracted from it). Boilerplate is found with the line lexicon in
`claimx/rules/boilerplate.jsonl`:
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
from claimx.schema import Article, Segment

BLOCK_SEP = re.compile(r"\n[ \t]*\n+")
MAX_CHARS = 20_000


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


def segment_article(article: Article, *, max_chars: int = MAX_CHARS) -> list[Segment]:
    """The blocks of `article` with their kinds; offsets index `article.text`.

    Example:
        >>> kinds = [s.kind for s in segment_article(article)]
    """
    text = article.text
    blocks = _blocks(text)
    kinds: list[str] = []
    reasons: list[str | None] = []
    for n, (s, e) in enumerate(blocks):
        block = text[s:e]
        if n == 0 and article.title and _norm(block) == _norm(article.title):
            kinds.append("title")
            reasons.append(None)
        elif all(is_nav_line(ln) for ln in block.splitlines() if ln.strip()):
            kinds.append("boilerplate")
            reasons.append("navigation or share line")
        elif _is_heading(block):
            kinds.append("heading")
            reasons.append(None)
        else:
            kinds.append("paragraph")
            reasons.append(None)
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
    for (s, e), kind, reason in zip(blocks, kinds, reasons, strict=True):
        for ps, pe in _split_long(text, s, e, max_chars) if kind != "boilerplate" else [(s, e)]:
            segments.append(Segment(kind=kind, char_start=ps, char_end=pe, reason=reason))
    return segments
