"""Reading inputs into Articles: files, folders, JSONL and standard input. Never spaCy.

`iter_inputs(paths)` yields an `Article` per readable article and an `IngestFailure` per input that
cannot be read, so that one bad file costs one line, not the batch.

- `.txt`: the text as decoded (UTF-8, else the encoding charset-normalizer detects); line 1 is the
  title when a blank line follows it. A `.txt` file that shows Markdown's own signs (a link to a URL,
  a table delimiter row, two `#` headings; see `claimx.markdown.looks_like_markdown`) is read as Markdown.
- `.md` / `.markdown`: Markdown read by a CommonMark parser (`claimx.markdown`): link text kept in the
  text, URLs kept as `Article.links`, markup dropped, blocks (with table rows) kept as `Article.blocks`;
  a YAML front matter block gives the title and date.
- `.html` / `.htm`: main text, title, date and author by trafilatura.
- `.jsonl`: one article per line: `id`, `text`, optional `title`, `url`, `published`.
- `-`: standard input (JSONL when every line is a JSON object, else one text article).
Walking a folder skips hidden files and README/SOURCES/LICENSE files.

A file whose text, front matter or page gives no date takes a single YYYY-MM-DD date in its name as its
publication date (`date_in_file_name`).

`article_id` is the JSONL `id` as given, otherwise the path relative to the input root (the folder
given, or the file's own folder), so an edited article keeps its id.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO

from claimx.errors import IngestError
from claimx.markdown import looks_like_markdown
from claimx.schema import Article, IngestFailure
from claimx.texttables import has_pipe_table, paragraphs_and_tables

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | PARQUET_SUFFIXES
BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a ZIP archive",
    b"%PDF": "a PDF document",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}
MAX_BYTES = 10_000_000  # a news article is well under 1 MB; larger files are archives to split
# files a folder of articles often carries that are not articles
NOT_ARTICLES = {"readme", "sources", "license", "licence", "changelog", "copying", "notice"}


def content_hash(text: str) -> str:
    """SHA-256 of the clean text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clean_text(text: str) -> str:
    """The one clean text every offset refers to: BOM dropped, newlines normalized, NULs removed."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text.strip("\n")


MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
DATELINE = re.compile(
    r"^(?:updated|released|release date|published|posted|date)\b:?\s*(?P<month>[A-Za-z]+)\.?\s+"
    r"(?P<day>\d{1,2}),\s+(?P<year>\d{4})",
    re.IGNORECASE | re.MULTILINE,
)


NUMERIC_DATELINE = re.compile(
    r"^(?:updated|released|release date|published|publication date|posted|date)\b:?\s*"
    r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b",
    re.IGNORECASE | re.MULTILINE,
)


def _month_number(name: str) -> int | None:
    """A month's number from its name or a news-style abbreviation ('Nov', 'Sept'); None for other words."""
    name = name.lower()
    if name in MONTHS:
        return MONTHS[name]
    if name == "sept":
        return 9
    return next((n for m, n in MONTHS.items() if len(name) == 3 and m.startswith(name)), None)


def find_dateline(text: str) -> str | None:
    """'Updated September 22, 2026', 'Released Nov. 20, 2014' or 'Publication Date: 04/23/2026' (US order)
    at the start of a line in the first 1,500 characters -> ISO date."""
    head = text[:1500]
    m = DATELINE.search(head)
    month = _month_number(m.group("month")) if m else None
    if m and month:
        return f"{int(m.group('year')):04d}-{month:02d}-{int(m.group('day')):02d}"
    m = NUMERIC_DATELINE.search(head)
    if m and 1 <= int(m.group("month")) <= 12 and 1 <= int(m.group("day")) <= 31:
        return f"{int(m.group('year')):04d}-{int(m.group('month')):02d}-{int(m.group('day')):02d}"
    return None


FILE_NAME_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-_]([01][0-9])[-_]([0-3][0-9])(?![0-9])")


def date_in_file_name(name: str) -> str | None:
    """The date an archive wrote into a file's name ('voa_2025-03-13_tariffs.txt' -> '2025-03-13'), the
    fallback when the text has no dateline and the page no date. Only a name with exactly one valid
    YYYY-MM-DD (or YYYY_MM_DD) date counts: 'report_2024-01-01_2024-12-31.txt' names a span, not a day."""
    found = FILE_NAME_DATE.findall(name)
    if len(found) != 1:
        return None
    year, month, day = (int(x) for x in found[0])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def make_article(
    text: str,
    *,
    article_id: str,
    title: str | None = None,
    path: str | None = None,
    url: str | None = None,
    published: str | None = None,
    author: str | None = None,
    title_from_first_line: bool = False,
    format: str = "text",
) -> Article:
    """An Article from raw text; `title_from_first_line` reads line 1 as the title when a blank line follows."""
    text = clean_text(text)
    if title is None and title_from_first_line:
        first, sep, rest = text.partition("\n")
        first = first.strip().lstrip("#").strip()
        if sep and rest.startswith("\n") and 0 < len(first) <= 200 and not first.endswith((".", "?", "!", ":")):
            title = first
    if published is None:
        published = find_dateline(text)
    return Article(
        article_id=article_id,
        text=text,
        title=title,
        path=path,
        url=url,
        published=published,
        author=author,
        content_hash=content_hash(text),
        format=format,
    )


def read_markdown(text: str, *, article_id: str, path: str | None = None) -> Article:
    """An Article from a Markdown source: the clean text, links and blocks of `claimx.markdown`.

    The title is the front matter's `title`, else the first block when it is a heading or a title-like
    line; the date is the front matter's `date`, else a dateline of the text."""
    from claimx.markdown import parse_markdown

    md = parse_markdown(clean_text(text))
    if not md.text.strip():
        raise IngestError(path or article_id, "no_text", "has no text once its Markdown markup is removed")
    return Article(
        article_id=article_id,
        text=md.text,
        title=md.meta.get("title") or md.title,
        path=path,
        url=md.meta.get("url"),
        published=md.meta.get("date") or find_dateline(md.text),
        author=md.meta.get("author"),
        content_hash=content_hash(md.text),
        format="markdown",
        links=md.links,
        blocks=md.blocks,
    )


def _guess_decode(data: bytes) -> str | None:
    """charset-normalizer's reading of bytes that are not UTF-8. When several encodings read them equally
    well (short Western text often fits cp1250, cp1252 and more without a flaw), cp1252, the legacy
    encoding of English and Western European news, wins the tie: 'coûte' stays 'coûte', not 'coűte'."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if (m.chaos, -m.coherence) == (best.chaos, -best.coherence)]
    western = next((m for m in tied if m.encoding in ("cp1252", "latin_1", "iso8859_15")), None)
    return str(western or best)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode `data`: BOMs, UTF-8, then charset-normalizer's guess; IngestError for binary input."""
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise IngestError(path, "binary", f"is {what}, not text (give claimx .txt, .md, .html or .jsonl files)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _guess_decode(data)
        if text is None:
            raise IngestError(path, "decode", "cannot detect the text encoding (convert it to UTF-8)") from None
    sample = text[:4096]
    if sample and sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f") / len(sample) > 0.05:
        raise IngestError(path, "binary", "looks like binary data, not text (give claimx text, HTML or JSONL)")
    return text


def read_html(html: str, *, article_id: str, path: str) -> Article:
    """Main text and metadata of an HTML page, by trafilatura; IngestError when it has no text."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise IngestError(path, "no_text", "has no article text that could be extracted (is it a full page?)")
    # one block element per line in trafilatura's text: make each a paragraph, whitespace collapsed; its
    # pipe rows are a table's rows, read as blocks that know their headers (claimx.texttables)
    lines = [re.sub(r"\s+", " ", ln).strip() for ln in text.splitlines()]
    blocks = None
    if has_pipe_table(lines):
        text, blocks = paragraphs_and_tables([ln for ln in lines if ln])
    else:
        text = "\n\n".join(ln for ln in lines if ln)
    title = getattr(doc, "title", None) or None
    first = lines[0] if lines else ""
    if (
        first
        and title != first
        and len(first) <= 200
        and not first.endswith((".", "?", "!", ":"))
        and (title is None or not re.search(r"<title[\s>]", html[:20000], re.IGNORECASE))
    ):
        title = first  # a fragment without <title>: its first line is the headline, not a later heading
    article = make_article(
        text,
        article_id=article_id,
        title=title,
        path=path,
        url=getattr(doc, "url", None) or None,
        published=getattr(doc, "date", None) or None,
        author=getattr(doc, "author", None) or None,
        format="html",
    )
    return article if blocks is None else article.model_copy(update={"blocks": blocks})


def read_jsonl_lines(lines: Iterable[str | None], path: str) -> Iterator[Article | IngestFailure]:
    """One Article per valid JSONL line; an IngestFailure naming the line for each bad one (None: not UTF-8)."""
    seen: set[str] = set()
    for lineno, line in enumerate(lines, start=1):
        where = f"{path}:{lineno}"
        if line is None:
            yield IngestFailure(path=where, code="decode", reason="is not UTF-8 (save the file as UTF-8)")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestFailure(
                path=where, code="malformed", reason=f"not valid JSON ({exc.msg}); fix or remove the line"
            )
            continue
        if not isinstance(obj, dict):
            yield IngestFailure(path=where, code="malformed", reason="is not a JSON object with 'id' and 'text'")
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            reason = "has no 'text' field" if text is None else f"'text' is {type(text).__name__}, not a string"
            yield IngestFailure(path=where, code="malformed", reason=f"{reason}; each line needs 'id' and 'text'")
            continue
        raw_id = obj.get("id")
        article_id = str(raw_id) if raw_id not in (None, "") else f"{Path(path).name}:{lineno}"
        if article_id in seen:
            yield IngestFailure(
                path=where,
                code="duplicate_id",
                reason=f"repeats id {article_id!r}; ids must be unique in a file (line skipped)",
            )
            continue
        seen.add(article_id)
        if not text.strip():
            yield IngestFailure(path=where, code="empty", reason="has an empty 'text'")
            continue
        opt = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in ("title", "url", "published")}
        yield make_article(text, article_id=article_id, path=path, **opt)


def read_parquet(path: Path, shown: str) -> Iterator[Article | IngestFailure]:
    """Articles from a Parquet file with `id` and `text` columns (and optional title, url, published)."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        yield IngestFailure(path=shown, code="malformed", reason=f"is not a readable Parquet file ({exc})")
        return
    names = set(pf.schema_arrow.names)
    if not {"id", "text"} <= names:
        yield IngestFailure(path=shown, code="malformed", reason="needs 'id' and 'text' columns")
        return
    columns = [c for c in ("id", "text", "title", "url", "published") if c in names]
    row = 0
    for batch in pf.iter_batches(columns=columns, batch_size=512):
        for rec in batch.to_pylist():
            row += 1
            line = json.dumps(
                {k: (str(v) if k != "text" and v is not None else v) for k, v in rec.items()},
                ensure_ascii=False,
                default=str,
            )
            for item in read_jsonl_lines([line], f"{shown}#row{row}"):
                if isinstance(item, Article) and item.article_id == f"{Path(shown).name}#row{row}:1":
                    item = item.model_copy(update={"article_id": f"{Path(shown).name}#row{row}"})
                yield item


def _jsonl_lines(path: Path) -> Iterator[str | None]:
    """Lines of a JSONL file as text (a leading BOM dropped); None for a line that is not UTF-8."""
    with path.open("rb") as fh:
        for raw in fh:
            try:
                yield raw.decode("utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8")
            except UnicodeDecodeError:
                yield None


def read_file(path: Path, root: Path) -> Iterator[Article | IngestFailure]:
    """The articles of one file (several for JSONL), or failures."""
    shown = str(path)
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.name
    try:
        size = path.stat().st_size
        suffix = path.suffix.lower()
        if suffix in PARQUET_SUFFIXES:  # a data team's archive: rows with id and text
            yield from read_parquet(path, shown)
            return
        if suffix in JSONL_SUFFIXES:  # an archive: read line by line, never whole
            if size == 0:
                raise IngestError(shown, "empty", "is empty")
            yield from read_jsonl_lines(_jsonl_lines(path), shown)
            return
        if size > MAX_BYTES:
            raise IngestError(
                shown,
                "too_large",
                f"is {size / 1_000_000:.0f} MB, over the {MAX_BYTES // 1_000_000} MB "
                "limit for one article (split it, or give a JSONL file of articles)",
            )
        data = path.read_bytes()
        if not data.strip():
            raise IngestError(shown, "empty", "is empty")
        text = decode_bytes(data, shown)
        if not text.strip():
            raise IngestError(shown, "empty", "holds only whitespace")
        if suffix in HTML_SUFFIXES:
            article = read_html(text, article_id=rel, path=shown)
        elif suffix in MARKDOWN_SUFFIXES or looks_like_markdown(text):
            article = read_markdown(text, article_id=rel, path=shown)
        else:
            article = make_article(text, article_id=rel, path=shown, title_from_first_line=True)
        if article.published is None:
            article = article.model_copy(update={"published": date_in_file_name(path.name)})
        yield article
    except IngestError as exc:
        yield IngestFailure(path=exc.path, code=exc.code, reason=exc.reason)
    except PermissionError:
        yield IngestFailure(path=shown, code="permission", reason="cannot be read: permission denied (check its mode)")
    except FileNotFoundError:
        yield IngestFailure(path=shown, code="not_found", reason="does not exist (a broken symlink?)")
    except IsADirectoryError:
        yield IngestFailure(path=shown, code="not_a_file", reason="is a directory")
    except OSError as exc:
        code = "symlink_loop" if exc.errno == 40 else "os_error"
        yield IngestFailure(path=shown, code=code, reason=f"cannot be read: {exc.strerror or exc}")


def iter_files(root: Path) -> Iterator[Path]:
    """Supported files under a folder, recursively, in sorted order; hidden files skipped."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if (
                not name.startswith(".")
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and p.stem.lower() not in NOT_ARTICLES
            ):
                yield p


def read_stdin(stream: IO[bytes] | None = None) -> Iterator[Article | IngestFailure]:
    """Standard input: JSONL when every line is a JSON object, else one text article with id 'stdin'."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read()
    try:
        text = decode_bytes(data, "-")
    except IngestError as exc:
        yield IngestFailure(path="-", code=exc.code, reason=exc.reason)
        return
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        yield IngestFailure(path="-", code="empty", reason="standard input is empty")
    elif all(ln.lstrip().startswith("{") for ln in lines):
        yield from read_jsonl_lines(text.splitlines(), "-")
    else:
        yield make_article(text, article_id="stdin", path="-", title_from_first_line=True)


def iter_inputs(inputs: Iterable[str | Path]) -> Iterator[Article | IngestFailure]:
    """Every article of every input, in order; failures are yielded, never raised."""
    for raw in inputs:
        if str(raw) == "-":
            yield from read_stdin()
            continue
        p = Path(raw)
        if p.is_symlink() and not p.exists():
            yield IngestFailure(path=str(p), code="not_found", reason="is a broken symlink (fix or remove it)")
        elif not p.exists():
            yield IngestFailure(path=str(p), code="not_found", reason="does not exist (check the path)")
        elif p.is_dir():
            any_file = False
            for f in iter_files(p):
                any_file = True
                yield from read_file(f, p)
            if not any_file:
                yield IngestFailure(
                    path=str(p), code="no_inputs", reason=f"holds no {', '.join(sorted(SUPPORTED_SUFFIXES))} files"
                )
        else:
            yield from read_file(p, p.parent)


def published_year(published: str | None) -> int | None:
    """The year of a publication date string, when it has one."""
    if not published:
        return None
    m = re.search(r"(19|20)\d\d", published)
    return int(m.group(0)) if m else None


def iter_articles(
    inputs: Iterable[str | Path], failures: list[IngestFailure] | None = None, on_failure=None
) -> Iterator[Article]:
    """The readable articles of `inputs`; each failure is appended to `failures` and passed to `on_failure`."""
    for item in iter_inputs(inputs):
        if isinstance(item, IngestFailure):
            if failures is not None:
                failures.append(item)
            if on_failure is not None:
                on_failure(item)
        else:
            yield item
