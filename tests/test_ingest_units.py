"""Ingest, function by function and without the model: what each reader keeps, and what each failure says.

Every user-facing reason is asserted word for word where the README promises a hint ("what to try next"),
and every piece of metadata a reader is documented to keep is checked on an input that has it."""

from __future__ import annotations

import io
import os

import pytest

from claimx import ingest
from claimx.errors import IngestError
from claimx.ingest import (
    clean_text,
    content_hash,
    decode_bytes,
    find_dateline,
    iter_files,
    iter_inputs,
    make_article,
    published_year,
    read_file,
    read_html,
    read_jsonl_lines,
    read_markdown,
    read_stdin,
)
from claimx.schema import Article, IngestFailure


def one(items):
    (item,) = list(items)
    return item


def metadata(a: Article) -> tuple:
    return (a.title, a.author, a.published, a.url, a.path, a.format)


# -- the clean text --------------------------------------------------------------------------------
def test_ingest_units_clean_text_normalises_newlines_bom_and_nuls():
    assert clean_text("\ufeff\n\nA\r\nB\rC\x00D\n\n") == "A\nB\nC" + "D"
    assert clean_text("  indented\n") == "  indented"  # spaces are text: only blank lines are trimmed
    assert clean_text("x\ufeff") == "x\ufeff"  # a BOM is dropped where a BOM belongs, at the start
    assert clean_text("XXL shirts cost $20, X said\nX") == "XXL shirts cost $20, X said\nX"  # only BOMs and breaks go


def test_ingest_units_content_hash_is_sha256_of_utf8():
    import hashlib

    assert content_hash("é") == hashlib.sha256("é".encode()).hexdigest()


# -- datelines and years ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, iso",
    [
        ("Updated September 22, 2026\n\nBody.", "2026-09-22"),
        ("Title\nrelease date: nov. 20, 2014\n", "2014-11-20"),
        ("Publication Date: 01/01/2026\n", "2026-01-01"),
        ("Posted 12/31/2025\n", "2025-12-31"),
        ("Posted Sept. 3, 2026\n", "2026-09-03"),
        ("Posted Jun 3, 2026\n", "2026-06-03"),
        ("Updated Smarch 3, 2026\n", None),  # not a month
        ("Updated Ma 3, 2026\n", None),
        ("Updated Augu 3, 2026\n", None),
        ("Date: 13/01/2026\n", None),  # no 13th month (not US order)
        ("Date: 00/10/2026\n", None),
        ("Date: 10/32/2026\n", None),
        ("Date: 10/00/2026\n", None),
        ("Body text. Updated May 5, 2024", None),  # only at the start of a line
    ],
)
def test_ingest_units_datelines(text, iso):
    assert find_dateline(text) == iso


def test_ingest_units_a_dateline_counts_only_near_the_top():
    line = "Updated May 5, 2024"
    assert find_dateline("x" * 1479 + "\n" + line) == "2024-05-05"  # ends at character 1499
    assert find_dateline("x" * 1481 + "\n" + line) is None  # ends past the first 1,500 characters


@pytest.mark.parametrize("published, year", [("2024-05-05", 2024), ("May 1999", 1999), ("n.d.", None), (None, None)])
def test_ingest_units_published_year(published, year):
    assert published_year(published) == year


# -- plain-text articles ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, title",
    [
        ("# A headline\n\nBody.", "A headline"),
        ("A headline #1\n\nBody.", "A headline #1"),
        ("A headline\nBody on the next line.", None),  # no blank line after it
        ("A sentence, not a headline.\n\nBody.", None),
        ("Is this a question?\n\nBody.", None),
        ("Shout!\n\nBody.", None),
        ("Note:\n\nBody.", None),
        ("X-rays cost $50\n\nBody.", "X-rays cost $50"),
        ("Q\n\nBody.", "Q"),
        ("T" * 200 + "\n\nBody.", "T" * 200),
        ("T" * 201 + "\n\nBody.", None),
        ("#\n\nBody.", None),  # a bare heading marker is no title
        ("Only one line", None),
    ],
)
def test_ingest_units_title_from_the_first_line(text, title):
    assert make_article(text, article_id="a", title_from_first_line=True).title == title


def test_ingest_units_make_article_keeps_what_it_is_given():
    a = make_article("Sales rose 5%.\n", article_id="a", path="p/a.txt", url="https://x", published="2020-01-02")
    assert (a.text, a.path, a.url, a.published, a.format, a.title) == (
        "Sales rose 5%.",
        "p/a.txt",
        "https://x",
        "2020-01-02",
        "text",
        None,
    )
    assert make_article("Headline\n\nBody.", article_id="a").title is None  # titles only when asked
    b = make_article("Updated May 5, 2024\n\nBody.", article_id="b", author="Ana", format="html")
    assert (b.published, b.author, b.format) == ("2024-05-05", "Ana", "html")
    assert make_article("Updated May 5, 2024", article_id="c", published="2023").published == "2023"


# -- decoding --------------------------------------------------------------------------------------
def test_ingest_units_decode_boms_utf8_and_reasons():
    assert decode_bytes("Zürich €5".encode("utf-16"), "f") == "Zürich €5"
    assert decode_bytes(b"\xfe\xff" + "Zürich".encode("utf-16-be"), "f") == "Zürich"
    assert decode_bytes(b"\xef\xbb\xbfZ\xc3\xbcrich \xff", "f") == "Zürich \ufffd"  # BOM: UTF-8, bad bytes replaced
    assert decode_bytes("Zürich".encode(), "f") == "Zürich"
    with pytest.raises(IngestError) as err:
        decode_bytes(b"\x89PNG\r\n\x1a\n....", "f.txt")
    assert (err.value.code, err.value.reason) == (
        "binary",
        "is a PNG image, not text (give claimx .txt, .md, .html or .jsonl files)",
    )


def test_ingest_units_byte_order_marks_decide_without_guessing(monkeypatch):
    monkeypatch.setattr(ingest, "_guess_decode", lambda data: None)
    assert decode_bytes("Zürich €5".encode("utf-16-le").join([b"\xff\xfe", b""]), "f") == "Zürich €5"
    assert decode_bytes(b"\xfe\xff" + "Zürich €5".encode("utf-16-be"), "f") == "Zürich €5"


def test_ingest_units_control_characters_make_binary_above_five_percent():
    text = "a" * 95 + "\x01" * 5  # exactly 5%: text
    assert decode_bytes(text.encode(), "f") == text
    assert decode_bytes(("a" * 94 + "\x01" * 6).encode() + b"\n\t\r\f" * 10, "f")  # tabs and breaks do not count
    with pytest.raises(IngestError) as err:
        decode_bytes(("a" * 94 + "\x01" * 6).encode(), "f")
    assert (err.value.code, err.value.reason) == (
        "binary",
        "looks like binary data, not text (give claimx text, HTML or JSONL)",
    )
    edge = "a" * 3892 + "\x01" * 204 + "\x01" * 100  # 204 of the first 4,096 (4.98%): text
    assert decode_bytes(edge.encode(), "f") == edge
    late = "a" * 4096 + "\x01" * 1000  # only the first 4,096 characters are sampled
    assert decode_bytes(late.encode(), "f") == late
    with pytest.raises(IngestError):
        decode_bytes(("\x01" * 300 + "a" * 4000).encode(), "f")


def test_ingest_units_undecodable_bytes_say_to_convert(monkeypatch):
    monkeypatch.setattr(ingest, "_guess_decode", lambda data: None)
    with pytest.raises(IngestError) as err:
        decode_bytes(b"caf\xe9", "f.txt")
    assert (err.value.path, err.value.code, err.value.reason) == (
        "f.txt",
        "decode",
        "cannot detect the text encoding (convert it to UTF-8)",
    )


# -- HTML --------------------------------------------------------------------------------------------
PAGE = """<!doctype html><html><head><title>Copper tariffs rise</title>
<meta name="author" content="Ana Ruiz"><meta property="article:published_time" content="2025-07-30">
<link rel="canonical" href="https://example.org/copper"></head><body><article>
<h1>Copper tariffs rise</h1>
<p>The United States imported 810,000 tonnes of refined copper in 2024, according to the survey, and
imports from Chile made up 65% of that total, officials said on Tuesday in Washington.</p>
<p>Prices   rose 12% in a week,
as buyers rushed to import metal before the tariff took effect on August 1, traders said.</p>
<table><tr><th>Year</th><th>Imports</th></tr><tr><td>2023</td><td>790,000 tonnes</td></tr></table>
</article><div class="comments"><p>Comment: this is 100% wrong and I will never buy copper again.</p></div>
</body></html>"""


def test_ingest_units_html_keeps_text_tables_and_metadata():
    a = read_html(PAGE, article_id="copper.html", path="in/copper.html")
    url = "https://example.org/copper"
    assert metadata(a) == ("Copper tariffs rise", "Ana Ruiz", "2025-07-30", url, "in/copper.html", "html")
    assert "Prices rose 12% in a week, as buyers" in a.text  # whitespace collapsed inside a block
    assert "\n\n" in a.text and "\n\n\n" not in a.text  # one block per paragraph
    assert "790,000 tonnes" in a.text  # tables are kept
    assert "never buy copper" not in a.text  # comments are not


BODY = (
    "<p>Trade reached $170 billion in 2024, up 5% from 2023, the agency said on Monday in Seoul.</p>"
    "<h3>Trade in goods</h3><p>Goods trade rose 4% to $130 billion in 2024, the agency said on Monday.</p>"
)


@pytest.mark.parametrize(
    "first, title",
    [
        ("U.S.-Korea trade", "U.S.-Korea trade"),  # a fragment without <title>: its first line is the headline
        ("H" * 200, "H" * 200),
        ("H" * 201, None),
        ("Key figures:", None),
        ("Who pays?", None),
        ("Trade up!", None),
        ("Trade is up.", None),
    ],
)
def test_ingest_units_html_fragment_takes_a_headline_like_first_line_as_title(first, title):
    a = read_html(f"<p><b>{first}</b></p>{BODY}", article_id="f", path="f.html")
    assert a.title == title
    assert a.text.split("\n\n")[:2] == [first, BODY[3:91]]  # one paragraph per block


def test_ingest_units_a_page_with_a_title_element_keeps_it():
    page = f"<html><head><title>Metals desk</title></head><body><p><b>U.S.-Korea trade</b></p>{BODY}</body></html>"
    assert read_html(page, article_id="p", path="p.html").title == "Metals desk"
    late = f"<html><head><!-- {' ' * 19973} --><title>Metals desk</title></head><body><p><b>Korea</b></p>{BODY}"
    assert late.index("<title>") + len("<title>") == 20_001  # it ends past the 20,000 characters looked at
    assert read_html(late, article_id="p", path="p.html").title == "Korea"


def test_ingest_units_html_without_text_says_so():
    with pytest.raises(IngestError) as err:
        read_html("<html><body><script>x=1</script></body></html>", article_id="e", path="e.html")
    assert (err.value.code, err.value.reason) == (
        "no_text",
        "has no article text that could be extracted (is it a full page?)",
    )


# -- Markdown -----------------------------------------------------------------------------------------
def test_ingest_units_markdown_front_matter_metadata():
    front = "---\ntitle: Debt limit\nurl: https://x.gov/d\nauthor: CRS\ndate: 2025-01-02\n---\n"
    md = front + "\nThe limit is $36.1 trillion.\n"
    a = read_markdown(md, article_id="d.md", path="in/d.md")
    assert metadata(a) == ("Debt limit", "CRS", "2025-01-02", "https://x.gov/d", "in/d.md", "markdown")


def test_ingest_units_markdown_without_text_names_the_file():
    with pytest.raises(IngestError) as err:
        read_markdown("---\ntitle: x\n---\n\n![](chart.png)\n", article_id="e.md", path="in/e.md")
    assert (err.value.path, err.value.code, err.value.reason) == (
        "in/e.md",
        "no_text",
        "has no text once its Markdown markup is removed",
    )
    with pytest.raises(IngestError) as err:
        read_markdown("***\n", article_id="e.md")
    assert err.value.path == "e.md"


# -- JSONL ------------------------------------------------------------------------------------------------
def test_ingest_units_jsonl_reasons_ids_and_metadata():
    lines = [
        '{"id": "a", "text": "Sales rose 5%.", "title": "T", "url": "https://x", "published": 2024}',
        '{"id": "b"}',
        '{"id": "c", "text": 5}',
        '{"id": "", "text": "No id here."}',
        '{"text": "No id either.", "title": null}',
    ]
    a, b, c, d, e = read_jsonl_lines(lines, "in/batch.jsonl")
    assert (a.article_id, a.title, a.url, a.published, a.path) == ("a", "T", "https://x", "2024", "in/batch.jsonl")
    assert (b.path, b.code) == ("in/batch.jsonl:2", "malformed")
    assert b.reason == "has no 'text' field; each line needs 'id' and 'text'"
    assert c.reason == "'text' is int, not a string; each line needs 'id' and 'text'"
    assert (d.article_id, e.article_id, e.title) == ("batch.jsonl:4", "batch.jsonl:5", None)


def test_ingest_units_jsonl_file_with_a_bom_and_a_bad_line(tmp_path):
    f = tmp_path / "b.jsonl"
    f.write_bytes(
        b'\xef\xbb\xbf{"id": "a", "text": "Sales rose 5%."}\n{"id": "b", "text": "caf\xe9"}\n{broken\n'
        b'{"id": "d", "text": "Costs rose 2%."}\n'
    )
    a, bad, broken, d = read_file(f, tmp_path)
    assert a.article_id == "a" and a.text == "Sales rose 5%."
    assert bad == IngestFailure(path=f"{f}:2", code="decode", reason="is not UTF-8 (save the file as UTF-8)")
    assert (broken.path, broken.code, d.article_id) == (f"{f}:3", "malformed", "d")


def test_ingest_units_an_empty_jsonl_file_is_a_failure(tmp_path):
    (tmp_path / "e.jsonl").write_bytes(b"")
    assert one(read_file(tmp_path / "e.jsonl", tmp_path)) == IngestFailure(
        path=str(tmp_path / "e.jsonl"), code="empty", reason="is empty"
    )


# -- files and folders ------------------------------------------------------------------------------
def test_ingest_units_read_file_markdown_gets_its_path(tmp_path):
    (tmp_path / "n.md").write_text("# Note\n\nSales rose *5%*.\n", encoding="utf-8")
    a = one(read_file(tmp_path / "n.md", tmp_path))
    assert (a.path, a.article_id, a.text.endswith("Sales rose 5%.")) == (str(tmp_path / "n.md"), "n.md", True)


def test_ingest_units_size_limit_and_its_message(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 2_000_000)
    (tmp_path / "at.txt").write_bytes(b"a" * 2_000_000)
    assert isinstance(one(read_file(tmp_path / "at.txt", tmp_path)), Article)  # at the limit: read
    (tmp_path / "big.txt").write_bytes(b"a" * 2_500_002)  # 2.5 MB rounds to 3
    failure = one(read_file(tmp_path / "big.txt", tmp_path))
    assert (failure.code, failure.reason) == (
        "too_large",
        "is 3 MB, over the 2 MB limit for one article (split it, or give a JSONL file of articles)",
    )


def test_ingest_units_empty_files_and_os_errors(tmp_path, monkeypatch):
    (tmp_path / "e.txt").write_bytes(b" \n")
    assert one(read_file(tmp_path / "e.txt", tmp_path)).reason == "is empty"
    (tmp_path / "x.txt").write_text("x")

    def fail(self, *a, **k):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(type(tmp_path), "stat", fail)
    assert one(read_file(tmp_path / "x.txt", tmp_path)) == IngestFailure(
        path=str(tmp_path / "x.txt"), code="os_error", reason="cannot be read: Input/output error"
    )


def test_ingest_units_missing_paths_say_what_to_check(tmp_path, monkeypatch):
    missing = tmp_path / "nope.txt"
    assert one(iter_inputs([missing])) == IngestFailure(
        path=str(missing), code="not_found", reason="does not exist (check the path)"
    )
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    assert one(iter_inputs([tmp_path / "link.txt"])) == IngestFailure(
        path=str(tmp_path / "link.txt"), code="not_found", reason="is a broken symlink (fix or remove it)"
    )
    (tmp_path / "x.txt").write_text("x")

    def vanished(self, *a, **k):  # removed between the folder walk and the read
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(type(tmp_path), "stat", vanished)
    assert one(read_file(tmp_path / "x.txt", tmp_path)) == IngestFailure(
        path=str(tmp_path / "x.txt"), code="not_found", reason="does not exist (a broken symlink?)"
    )


def test_ingest_units_a_folder_with_nothing_to_read_is_one_failure(tmp_path):
    (tmp_path / "notes.pdfx").write_text("x")
    failure = one(iter_inputs([tmp_path]))
    assert failure.code == "no_inputs" and failure.path == str(tmp_path)
    assert failure.reason.startswith("holds no .htm, .html, .jsonl, .markdown, .md, ")
    (tmp_path / "a.txt").write_text("Sales rose 5%.")
    assert [type(x) for x in iter_inputs([tmp_path])] == [Article]


def test_ingest_units_walking_skips_hidden_files_and_folders_and_symlinked_folders(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("a")
    (root / ".b.txt").write_text("b")
    (root / "sub" / "c.md").write_text("c")
    (root / ".hidden" / "d.txt").write_text("d")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "e.txt").write_text("e")
    os.symlink(elsewhere, root / "linked")
    assert [p.relative_to(root).as_posix() for p in iter_files(root)] == ["a.txt", "sub/c.md"]


# -- standard input -----------------------------------------------------------------------------------
def test_ingest_units_stdin_text_jsonl_and_failures(tmp_path, monkeypatch):
    a = one(read_stdin(io.BytesIO(b"Headline\n\nSales rose 5%.\n")))
    assert (a.article_id, a.path, a.title) == ("stdin", "-", "Headline")
    b = one(read_stdin(io.BytesIO(b'  {"id": "x", "text": "Sales rose 5%."}\n\n')))
    assert (b.article_id, b.path) == ("x", "-")
    bad = one(read_stdin(io.BytesIO(b'{"id": "x"}\n')))
    assert bad.path == "-:1"
    png = one(read_stdin(io.BytesIO(b"\x89PNG\r\n\x1a\n")))
    assert (png.path, png.code) == ("-", "binary")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Sales rose 5%.")))
    (tmp_path / "a.txt").write_text("Costs rose 2%.")
    c, a = iter_inputs(["-", tmp_path / "a.txt"])  # standard input, then the rest of the inputs
    assert (c.article_id, c.text, a.article_id) == ("stdin", "Sales rose 5%.", "a.txt")
