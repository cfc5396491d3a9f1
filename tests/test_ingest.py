import io
import json

from claimx.ingest import iter_inputs, read_stdin
from claimx.schema import Article, IngestFailure


def items(*paths):
    return list(iter_inputs([str(p) for p in paths]))


def test_ingest_txt_title_and_relative_id(tmp_path):
    d = tmp_path / "news" / "2024"
    d.mkdir(parents=True)
    (d / "a.txt").write_text("The Title\n\nBody with 5% growth.\n", encoding="utf-8")
    (art,) = items(tmp_path / "news")
    assert isinstance(art, Article)
    assert art.article_id == "2024/a.txt"
    assert art.title == "The Title"
    assert art.text == "The Title\n\nBody with 5% growth."
    assert len(art.content_hash) == 64


def test_ingest_id_survives_edit_hash_changes(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("Body one.", encoding="utf-8")
    (a,) = items(tmp_path)
    p.write_text("Body two.", encoding="utf-8")
    (b,) = items(tmp_path)
    assert a.article_id == b.article_id and a.content_hash != b.content_hash


def test_ingest_jsonl_good_and_bad_lines(tmp_path):
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Sales rose 5%.", "title": "T", "published": "2024-01-02"}),
        "{not json",
        json.dumps({"id": "a2"}),
        json.dumps({"id": "a3", "text": 42}),
        json.dumps({"id": "a1", "text": "duplicate"}),
        json.dumps({"id": "a4", "text": "Fine."}),
    ]
    p.write_text("\n".join(lines), encoding="utf-8")
    got = items(p)
    assert [a.article_id for a in got if isinstance(a, Article)] == ["a1", "a4"]
    fails = [f for f in got if isinstance(f, IngestFailure)]
    assert [f.code for f in fails] == ["malformed", "malformed", "malformed", "duplicate_id"]
    assert fails[0].path.endswith("batch.jsonl:2")


def test_ingest_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Gas prices</title></head><body><nav>Home | About</nav>"
        "<article><h1>Gas prices</h1><p>Prices rose 10 cents to $2.69 per gallon on Monday, "
        "the agency said in its weekly report on fuel markets.</p></article></body></html>",
        encoding="utf-8",
    )
    (art,) = items(p)
    assert "2.69" in art.text and "Home | About" not in art.text
    assert art.title == "Gas prices"


def test_ingest_bad_inputs_are_failures_not_exceptions(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n ", encoding="utf-8")
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes("Le café coûte 5 €, à Paris.".encode("latin-1", errors="replace"))
    (tmp_path / "utf16.txt").write_bytes("Costs were $5 million.".encode("utf-16"))
    got = {getattr(x, "path", None) or x.path: x for x in items(tmp_path, tmp_path / "missing.txt")}
    codes = {p.split("/")[-1]: (x.code if isinstance(x, IngestFailure) else "ok") for p, x in got.items()}
    assert codes == {
        "blank.txt": "empty",
        "empty.txt": "empty",
        "img.txt": "binary",
        "latin1.txt": "ok",
        "utf16.txt": "ok",
        "missing.txt": "not_found",
    }


def test_ingest_stdin_text_and_jsonl():
    (a,) = list(read_stdin(io.BytesIO(b"Sales rose 5%.")))
    assert a.article_id == "stdin"
    got = list(read_stdin(io.BytesIO(b'{"id": "x", "text": "A"}\n{"id": "y", "text": "B"}\n')))
    assert [g.article_id for g in got] == ["x", "y"]


def test_ingest_skips_sources_and_readme(tmp_path):
    (tmp_path / "SOURCES.md").write_text("# provenance", encoding="utf-8")
    (tmp_path / "README.md").write_text("# readme", encoding="utf-8")
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    assert [a.article_id for a in items(tmp_path)] == ["a.txt"]


def test_ingest_a_date_in_the_file_name_is_the_fallback_publication_date(tmp_path):
    from claimx.ingest import date_in_file_name

    (tmp_path / "voa_2025-03-13_tariffs.txt").write_text("Tariffs\n\nPrices rose 5% last month.\n")
    (tmp_path / "dated_2025-03-13.txt").write_text("Dated\n\nReleased March 2, 2025\n\nPrices rose 5%.\n")
    got = {a.article_id: a.published for a in iter_inputs([tmp_path])}
    assert got == {"voa_2025-03-13_tariffs.txt": "2025-03-13", "dated_2025-03-13.txt": "2025-03-02"}, (
        "the text's own dateline wins over the name"
    )
    assert date_in_file_name("report_2024_06_30.md") == "2024-06-30"
    assert date_in_file_name("span_2024-01-01_2024-12-31.txt") is None, "two dates name a span"
    assert date_in_file_name("bad_2024-02-30.txt") is None
    assert date_in_file_name("id_12024-01-019.txt") is None, "digits glued on either side are an id"
    assert date_in_file_name("notes.txt") is None
