"""Markdown read as Markdown (issue 14): clean text, links, blocks, tables, and what is boilerplate."""

from __future__ import annotations

import pytest

from claimx.ingest import read_file, read_markdown
from claimx.markdown import looks_like_markdown, parse_markdown
from claimx.schema import Article
from claimx.segment import segment_article


def md_article(source: str) -> Article:
    return read_markdown(source, article_id="a.md")


def test_markdown_link_text_stays_in_the_text_and_its_url_is_kept():
    doc = parse_markdown("Canada pledged [C$12 billion](https://example.org/budget) to the fund.")
    assert doc.text == "Canada pledged C$12 billion to the fund."
    (link,) = doc.links
    assert link.url == "https://example.org/budget"
    assert doc.text[link.start : link.end] == link.text == "C$12 billion"


def test_markdown_emphasis_heading_markers_bullets_and_numbers_are_dropped():
    doc = parse_markdown("## The *official* **unemployment rate**\n\n- first _item_\n- second\n\n1. one\n2. two\n")
    assert doc.text == "The official unemployment rate\n\nfirst item\n\nsecond\n\none\n\ntwo"
    assert [b.kind for b in doc.blocks] == ["heading", "list_item", "list_item", "list_item", "list_item"]
    for b in doc.blocks:
        assert doc.text[b.char_start : b.char_end] == doc.text[b.char_start : b.char_end].strip()


@pytest.mark.parametrize(
    "source,text",
    [
        # empty emphasis a converter left ('****'), glued between two words: a space, not stars
        (
            "[Market Access Program](https://example.org)****provides cost-sharing.",
            "Market Access Program provides cost-sharing.",
        ),
        (
            "For the 18 nominees listed in****************Figure 2, the average",
            "For the 18 nominees listed in Figure 2, the average",
        ),
        (
            "Sources:****H.R. 7148, Consolidated Appropriations Act",
            "Sources: H.R. 7148, Consolidated Appropriations Act",
        ),
        ("Sales were **$5 billion** last year.", "Sales were $5 billion last year."),
        ("3 * 4 = 12 and snake__case stay.", "3 * 4 = 12 and snake__case stay."),
    ],
)
def test_markdown_stray_emphasis_markers_are_dropped(source, text):
    assert parse_markdown(source).text == text


def test_markdown_images_and_html_are_not_text():
    doc = parse_markdown("Output rose ![chart](c.png) 4% in <b>2024</b>.")
    assert "chart" not in doc.text and "c.png" not in doc.text


def test_markdown_table_rows_know_their_column_and_row_headers():
    doc = parse_markdown("| Country | 2023 | 2024 |\n|---|---|---|\n| Chile | 5,000 | 5,300 |\n")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [doc.text[b.char_start : b.char_end] for b in rows] == ["Country | 2023 | 2024", "Chile | 5,000 | 5,300"]
    assert rows[1].table_header == ["Country", "2023", "2024"]
    assert rows[1].row_header == "Chile"


def test_markdown_pipe_lines_without_a_delimiter_row_are_table_rows():
    doc = parse_markdown("| **Report Number:** | IN12614\n| **Topics:** | Trade\n")
    assert [b.kind for b in doc.blocks] == ["table_row", "table_row"]
    assert doc.blocks[0].row_header == "Report Number:"


BROKEN_TABLE = (
    "| Rule | Status/Date | Description\n"
    "| Leverage | Proposal (12/25) | The ratio would fall from 9% to 8%.\n\n"
    "Applies to *small* banks with less than $10 billion in assets.\n"
    "| Surcharge | Final (3/26) | The surcharge would fall from 2.7% to 2.3%.\n\n"
    "Applies to the largest banks.\n\n"
    "Loans rose 4%.\n| not | a row\n"
)


def test_markdown_a_table_a_converter_broke_goes_on_after_the_rest_of_a_cell():
    """A converter that writes a cell's second paragraph below its row ('Applies to ...') ends the paragraph
    with the table's next row: that line is a row of the table, with its column headers; the text before it
    stays a paragraph, and a pipe line that does not fit the header stays text."""
    doc = parse_markdown(BROKEN_TABLE)
    got = [(b.kind, doc.text[b.char_start : b.char_end][:22], b.table_header is not None) for b in doc.blocks]
    assert got == [
        ("table_row", "Rule | Status/Date | D", False),
        ("table_row", "Leverage | Proposal (1", True),
        ("paragraph", "Applies to small banks", False),
        ("table_row", "Surcharge | Final (3/2", True),
        ("paragraph", "Applies to the largest", False),
        ("paragraph", "Loans rose 4%.\n| not |", False),
    ]
    assert doc.blocks[3].table_header == ["Rule", "Status/Date", "Description"]


def test_markdown_a_broken_tables_rows_keep_their_date_column(nlp):
    from claimx.extract import process_articles

    (result,) = process_articles([md_article(BROKEN_TABLE)], nlp=nlp)
    times = {c.quantity.text: (c.time.period if c.time else None) for c in result.claims}
    assert times["2.7%"] == "2026-03" and times["2.3%"] == "2026-03" and times["9%"] == "2025-12"


def test_markdown_front_matter_gives_title_and_date():
    a = md_article('---\ntitle: "Jobs report"\ndate: 2025-02-07\n---\n\nPayrolls rose by 143,000.\n')
    assert a.title == "Jobs report"
    assert a.published == "2025-02-07"
    assert a.text == "Payrolls rose by 143,000."
    assert a.format == "markdown"


def test_markdown_title_is_the_first_heading_and_datelines_are_read():
    a = md_article("# Copper tariffs\n\n**Publication Date:** 04/23/2026\n\nImports fell 5%.")
    assert a.title == "Copper tariffs"
    assert a.published == "2026-04-23"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("See [the report](https://www.cbo.gov/x) for details.", True),
        ("| a | b |\n|---|---|\n| 1 | 2 |", True),
        ("# One\n\ntext\n\n# Two\n\ntext", True),
        ("# Not a heading twice\n\nPlain text with a # sign and [brackets] (and parentheses).", False),
        ("Prices rose 5% - and fell 3% - in a *single* week.", False),
        ("Email me at a@b.org or see https://example.org.", False),
    ],
)
def test_markdown_sniffing_of_txt_files_needs_markdowns_own_signs(text, expected):
    assert looks_like_markdown(text) is expected


def test_markdown_md_files_are_parsed_and_txt_files_stay_plain_unless_sniffed(tmp_path):
    (tmp_path / "a.md").write_text("Exports rose *5%* in 2024.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Exports rose *5%* in 2024.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Exports rose [5%](https://x.org/t) in 2024.\n", encoding="utf-8")
    read = {p.name: next(read_file(p, tmp_path)) for p in sorted(tmp_path.iterdir())}
    assert read["a.md"].text == "Exports rose 5% in 2024." and read["a.md"].format == "markdown"
    assert read["b.txt"].text == "Exports rose *5%* in 2024." and read["b.txt"].format == "text"
    assert read["c.txt"].text == "Exports rose 5% in 2024." and read["c.txt"].links[0].url == "https://x.org/t"


def test_markdown_with_only_markup_is_a_clear_failure(tmp_path):
    (tmp_path / "empty.md").write_text("![](a.png)\n\n---\n", encoding="utf-8")
    (failure,) = read_file(tmp_path / "empty.md", tmp_path)
    assert failure.code == "no_text"


def test_markdown_segments_tables_code_metadata_and_link_lists():
    a = md_article(
        "# Title\n\n"
        "**Report No.:** IN1\n**Version:** 3\n\n"
        "[Home](https://x.org) > [Reports](https://x.org/r) > IN1\n\n"
        "Imports rose 5% in 2024.\n\n"
        "| Item | Value |\n|---|---|\n| Title 42 | 42 |\n\n"
        "```\nx = 3\n```\n"
    )
    got = [(s.kind, a.text[s.char_start : s.char_end]) for s in segment_article(a)]
    assert got == [
        ("title", "Title"),
        ("boilerplate", "Report No.: IN1\nVersion: 3"),
        ("boilerplate", "Home > Reports > IN1"),
        ("paragraph", "Imports rose 5% in 2024."),
        ("table", "Item | Value"),
        ("table", "Title 42 | 42"),
        ("boilerplate", "x = 3"),
    ]
    table = [s for s in segment_article(a) if s.kind == "table"][1]
    assert table.table_header == ["Item", "Value"] and table.row_header == "Title 42"


def test_markdown_claims_read_link_text_and_emphasis_and_slice_the_clean_text(nlp):
    from claimx.extract import process_articles

    a = md_article(
        "# Budget\n\n"
        "Canada pledged [C$12 billion](https://example.org/b) to the fund, the *finance ministry* said.\n\n"
        "The official **unemployment rate** rose to *4.2%* in 2024.\n\n"
        "| Section | Cases |\n|---|---|\n| Title 42 | 1,200 |\n"
    )
    (result,) = process_articles([a], nlp=nlp)
    got = {c.quantity.text: c for c in result.claims}
    assert set(got) == {"C$12 billion", "4.2%", "1,200"}, "a data cell is a claim; never '42' from 'Title 42'"
    assert got["1,200"].table.row_header == "Title 42" and got["1,200"].measured == "Cases of Title 42"
    assert got["C$12 billion"].quantity.value == 12e9 and got["C$12 billion"].quantity.unit == "CAD"
    assert "unemployment rate" in (got["4.2%"].measured or "")
    for c in result.claims:
        assert a.text[c.quantity.start : c.quantity.end] == c.quantity.text


def test_markdown_one_linked_sentence_is_not_a_link_list():
    a = md_article("[Unemployment fell to 4.1% in June](https://www.bls.gov/x).\n\n[Share](https://x.org/s)")
    assert [s.kind for s in segment_article(a)] == ["paragraph", "boilerplate"]


def test_markdown_a_table_row_that_holds_a_sentence_is_read_as_prose(nlp):
    """A cell that is a sentence makes its row prose (its clauses are read); a row of data cells stays a table,
    whose data cells are claims with their headers (`claimx.tablecells`)."""
    from claimx.extract import process_articles

    a = md_article(
        "# Rules\n\n"
        "| Rule | Status | Description |\n|---|---|---|\n"
        "| Leverage ratio | Proposal | The ratio would be reduced from 9% to 8% for small banks. |\n"
        "| Surcharge | Final | 2.3% |\n"
    )
    kinds = [(s.kind, a.text[s.char_start : s.char_end][:14]) for s in segment_article(a)]
    assert kinds[-2:] == [("paragraph", "Leverage ratio"), ("table", "Surcharge | Fi")]
    (result,) = process_articles([a], nlp=nlp)
    assert [c.quantity.text for c in result.claims] == ["9%", "8%", "2.3%"]
    assert result.claims[-1].measured == "Description of Surcharge" and result.claims[0].table is None


@pytest.mark.parametrize("delimiter", ["|---|---|---|---|\n", ""])
def test_markdown_a_data_cell_of_a_prose_row_measures_its_column_header(nlp, delimiter):
    """In a row read as prose, a figure in a data cell measures its column header for the row's subject and
    refers to the period the cell names, else the header's; a figure in the sentence cell keeps its clause."""
    from claimx.extract import process_articles

    a = md_article(
        "# Programs\n\n"
        "| Program | Summary | FY2026 Funding | FY2025 Participation |\n" + delimiter + "| School Meals | Serves "
        "lunches to pupils in 95% of public schools. | $30.1 billion | 29.6 million (FY2024) |\n"
    )
    (result,) = process_articles([a], nlp=nlp)
    got = {c.quantity.text: c for c in result.claims}
    assert got["$30.1 billion"].measured == "FY2026 Funding of School Meals"
    assert got["$30.1 billion"].time.period == "FY2026"
    assert got["29.6 million"].time.period == "FY2024"
    assert "measured-table-header" not in got["95%"].rule_ids


def test_markdown_a_line_break_tag_in_a_table_cell_is_a_space():
    doc = parse_markdown("| Material | Potential<br>acquisitions |\n|---|---|\n| Cerium | 550 |\n")
    assert doc.text == "Material | Potential acquisitions\n\nCerium | 550"
    assert doc.blocks[-1].table_header == ["Material", "Potential acquisitions"]


def test_markdown_link_text_glued_to_a_word_is_its_own_word():
    """Phenomenon: 'The IAEA[estimates](url) that', '[report](url)explained': converters drop the space around
    a link; the clean text puts it back, so 'IAEA' and 'estimates' stay two words (the link keeps its text)."""
    from claimx.markdown import parse_markdown

    doc = parse_markdown("The IAEA[estimates](http://x) that 184 kg remain. A [report](http://y)explained it.")
    assert doc.text == "The IAEA estimates that 184 kg remain. A report explained it."
    assert [(link.text, doc.text[link.start : link.end]) for link in doc.links] == [
        ("estimates", "estimates"),
        ("report", "report"),
    ]
    assert parse_markdown("See [Figure 1](z), and [the data](q).").text == "See Figure 1, and the data."
