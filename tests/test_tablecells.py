"""Claims from Markdown table cells (issue 14): a data cell's figure is a claim marked with its row and column,
measured, dated, scaled and attributed by the table's headers, caption and source line."""

from __future__ import annotations

import pytest

from claimx.export import claims_frame
from claimx.ingest import read_markdown
from claimx.periods import parse_period

BUDGET = (
    "# Agency budget\n\n"
    "Table 1. Funding by account\n\n"
    "($ in millions)\n\n"
    "| Account | FY2026 Enacted | FY2027 Request |\n|---|---|---|\n"
    "| Operations | 1,451.5 | 1,303.6 |\n"
    "| Grants | $22.2 | $22.2 |\n"
    "| Title 42 | 0.0 | 3.5 |\n\n"
    "Source: DOI, Fiscal Year 2027: The Interior Budget in Brief, p. 3. Notes follow.\n"
)
ROUNDS = (
    "# Grant rounds\n\n"
    "| Fiscal Year | Number of Applications Selected | Amount Obligated and Share |\n|---|---|---|\n"
    "| FY2020 | 380 | $250.6 million (51.4%) |\n"
    "| FY2020-2023 Total | 1,940 | $1 billion (21.6%) |\n\n"
    "Source: Calculated by the agency from its dashboard. Percentages were computed separately.\n"
)


@pytest.fixture
def cells(nlp):
    from claimx.extract import process_articles

    def run(source: str):
        (result,) = process_articles([read_markdown(source, article_id="t.md")], nlp=nlp)
        return result

    return run


def test_table_cells_take_the_captions_scale_and_currency_and_the_headers_as_context(cells):
    result = cells(BUDGET)
    got = {(c.table.row_header, c.table.column_header): c for c in result.claims if c.table}
    ops = got[("Operations", "FY2026 Enacted")]
    assert ops.quantity.value == pytest.approx(1.4515e9) and ops.quantity.unit == "USD"
    assert ops.quantity.kind == "currency" and ops.quantity.value_base == pytest.approx(1.4515e9)
    assert ops.measured == "FY2026 Enacted of Operations" and ops.time.period == "FY2026"
    assert got[("Operations", "FY2027 Request")].time.period == "FY2027"
    assert ops.source.text == "DOI, Fiscal Year 2027: The Interior Budget in Brief" and ops.source.cue == "Source:"
    assert {"unit-table-caption", "source-table-note", "time-table-header"} <= set(ops.rule_ids)
    assert got[("Grants", "FY2026 Enacted")].quantity.value == pytest.approx(22.2e6), "'$22.2' is in millions too"
    assert ops.sentence == "Operations | 1,451.5 | 1,303.6"
    assert result.article.text[ops.sentence_start : ops.sentence_end] == ops.sentence


def test_a_figure_in_a_rows_first_cell_is_a_label_not_a_claim(cells):
    result = cells(BUDGET)
    assert not [c for c in result.claims if c.quantity.text == "42"], "never '42' from 'Title 42'"
    assert {c.quantity.text for c in result.claims if c.table and c.table.row_header == "Title 42"} == {"0.0", "3.5"}


def test_equal_cells_of_one_row_are_two_claims_with_two_ids(cells):
    grants = [c for c in cells(BUDGET).claims if c.table and c.table.row_header == "Grants"]
    assert len(grants) == 2 and grants[0].claim_id != grants[1].claim_id


def test_a_period_row_header_dates_the_row_and_a_count_header_names_the_counted_noun(cells):
    got = {(c.table.row_header, c.quantity.text): c for c in cells(ROUNDS).claims if c.table}
    first = got[("FY2020", "380")]
    assert first.quantity.unit == "application" and first.measured == "Number of Applications Selected"
    assert first.time.period == "FY2020"
    total = got[("FY2020-2023 Total", "1,940")]
    assert total.time.period == "FY2020/FY2023" and total.measured == "Number of Applications Selected"
    share = got[("FY2020", "51.4%")]
    assert share.quantity.unit == "percent" and share.quantity.value == 51.4, "a figure's own unit is kept"
    assert got[("FY2020", "$250.6 million")].quantity.value == pytest.approx(250.6e6), "its own scale too"
    assert first.source.text == "Calculated by the agency from its dashboard"


def test_a_key_value_metadata_table_holds_no_claims(cells):
    result = cells("# Report\n\n| **Product Number:** | IN12609 |\n|---|---|\n| **Pages:** | 12 |\n\nText.\n")
    assert result.claims == []


def test_table_context_is_exported_as_flat_columns(cells):
    frame = claims_frame(cells(BUDGET).claims)
    row = frame[frame["quantity_text"] == "1,451.5"].iloc[0]
    assert (row["table_row_header"], row["table_column_header"]) == ("Operations", "FY2026 Enacted")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("FY2020-2023", "FY2020/FY2023"),
        ("FY2020-23", "FY2020/FY2023"),
        ("2020-2023", "2020/2023"),
        ("FY2025-26", "2025/26"),
    ],
)
def test_a_span_of_fiscal_years_is_fiscal_at_both_ends(text, label):
    assert parse_period(text).label == label


def test_under_a_year_column_a_cell_measures_its_rows_subject(cells):
    """A statistical table with years as columns ('2024e': estimated) dates each cell by its column and
    measures its row's subject, without the footnote number a converter glued to it."""
    result = cells(
        "# Rare earths\n\n| Salient statistics: | 2023 | 2024e |\n|---|---|---|\n"
        "| Mineral concentrates2 | 41,600 | 45,000 |\n"
    )
    got = {c.quantity.text: c for c in result.claims}
    assert set(got) == {"41,600", "45,000"}, "a header ending in ':' over several columns is not page metadata"
    assert got["45,000"].measured == "Mineral concentrates" and got["45,000"].time.period == "2024"
    assert got["41,600"].time.period == "2023"


def test_a_column_with_footnote_numbers_glued_to_its_figures_gives_no_claims(cells):
    """'1216,000' is footnote 12 glued to 16,000 by a PDF converter: the figures of that column ('12300') cannot
    be told from their markers, so the column yields none; the other columns still do."""
    result = cells(
        "# World\n\n| Country | Production | Reserves |\n|---|---|---|\n"
        "| Australia | 1216,000 | 5,700,000 |\n| Vietnam | 12300 | 3,500,000 |\n"
    )
    assert {c.quantity.text for c in result.claims} == {"5,700,000", "3,500,000"}


def test_a_table_rows_cells_are_parsed_as_sentences_of_their_own(cells):
    """No clause crosses a cell: the sentence cell's figures measure a noun of that cell, never '| Proposal'."""
    result = cells(
        "# Rules\n\n| Rule | Status | Description |\n|---|---|---|\n"
        "| Leverage ratio | Proposal (12/25) | Tier 1 capital would be reduced from 9% to 8% for small banks. |\n"
    )
    got = {c.quantity.text: c for c in result.claims}
    assert "|" not in (got["9%"].measured or "") and "capital" in (got["9%"].measured or "")


def test_a_bare_year_under_a_fiscal_year_column_is_that_fiscal_year(cells):
    result = cells(
        "# Grants\n\n| Fiscal Year | Appropriation |\n|---|---|\n| 2005 | $25 million |\n| 2020-2023 | $90 million |\n"
        "\n| Year | Exports |\n|---|---|\n| 2005 | $30 million |\n"
    )
    got = {c.quantity.text: c.time.period for c in result.claims}
    assert got == {"$25 million": "FY2005", "$90 million": "FY2020/FY2023", "$30 million": "2005"}


HTML_TABLE = """<html><head><title>Agency budget rises</title></head><body><article><h1>Agency budget rises</h1>
<p>The agency's budget rose 5% in 2025, officials said on Monday, the largest rise in a decade.</p>
<table><caption>Funding ($ in millions)</caption><tr><th>Account</th><th>FY2025</th><th>FY2026</th></tr>
<tr><td>Operations</td><td>1,451.5</td><td>1,303.6</td></tr><tr><td>Grants</td><td>22.2</td><td>0.0</td></tr></table>
<p>Source: Agency budget justification.</p>
<p>Officials expect spending to fall by 3% next year as programs wind down across the country.</p>
</article></body></html>"""


def test_an_html_table_is_read_as_a_table(nlp, tmp_path):
    """trafilatura writes an HTML table as pipe rows with a delimiter row and its caption as a row of one cell;
    they become a caption paragraph and table rows that know their headers (claimx.texttables)."""
    from claimx.extract import process_articles
    from claimx.ingest import read_file

    (tmp_path / "page.html").write_text(HTML_TABLE, encoding="utf-8")
    (article,) = read_file(tmp_path / "page.html", tmp_path)
    assert "|---" not in article.text and "Funding ($ in millions)\n\nAccount | FY2025 | FY2026" in article.text
    (result,) = process_articles([article], nlp=nlp)
    got = {c.quantity.text: c for c in result.claims}
    ops = got["1,451.5"]
    assert (ops.table.row_header, ops.table.column_header) == ("Operations", "FY2025")
    assert ops.quantity.value == pytest.approx(1.4515e9) and ops.quantity.unit == "USD"
    assert ops.time.period == "FY2025" and ops.source.text == "Agency budget justification"
    assert got["5%"].table is None
    for c in result.claims:
        assert article.text[c.quantity.start : c.quantity.end] == c.quantity.text


PLAIN_TABLE = (
    "Refunds rose\n\n"
    "The agency paid out more in each year.\n\n"
    "Table 2: Refunds Paid by Region, Fiscal Years 2022-2024 (in millions)\n\n"
    "Region | 2022 | 2023 | 2022-2023 Total\n\n"
    "North | $12.5 | $14.0 | $26.5\n"
    "South | $3.1 | $2.9 | $6.0\n\n"
    "Source: Agency annual reports, 2022 – 2023. | AR-24-1187\n\n"
    "Menu | Home | News\n"
    "About | Contact | Help\n"
)


def test_a_plain_text_table_of_pipe_cells_is_read_as_a_table(nlp, tmp_path):
    """A plain-text table (a converter's rendering: ' | ' between cells, the header first) is a table: its
    cells take the caption's scale, fiscal years and source line; a run of pipe lines without figures is not."""
    from claimx.extract import process_articles
    from claimx.ingest import read_file

    (tmp_path / "report.txt").write_text(PLAIN_TABLE, encoding="utf-8")
    (article,) = read_file(tmp_path / "report.txt", tmp_path)
    (result,) = process_articles([article], nlp=nlp)
    got = {c.quantity.text: c for c in result.claims}
    north = got["$12.5"]
    assert (north.table.row_header, north.table.column_header) == ("North", "2022")
    assert north.quantity.value == pytest.approx(1.25e7) and north.quantity.unit == "USD"
    assert north.time.period == "FY2022", "a caption counting fiscal years makes the bare years fiscal"
    assert got["$26.5"].time.period == "FY2022/FY2023"
    assert north.source.text == "Agency annual reports, 2022 – 2023", "the source line ends at its first cell"
    assert "1187" not in got and "24" not in got, "a report number is no quantity"
    menu = [s for s in result.segments if "Menu" in article.text[s.char_start : s.char_end]]
    assert menu and all(s.kind != "table" and s.table_header is None for s in menu)
    for c in result.claims:
        assert article.text[c.quantity.start : c.quantity.end] == c.quantity.text


GLUED_CELLS = (
    "# Grants\n\n"
    "| Program | Authorization | Appropriations |\n|---|---|---|\n"
    "| Requirements payments | FY03-05: Total of $3 billionFY10: Such sums as necessary "
    "| FY03-04: Total of $2.3 billionaFY08-10: Total of $285 million |\n"
)


def test_a_cell_of_several_entries_dates_each_figure_by_the_label_before_it(cells):
    """'FY03-04: Total of $2.3 billionaFY08-10: Total of $285 million': a converter glued a cell's entries (and
    a footnote mark); each figure takes the period written before it in its cell."""
    got = {c.quantity.text: c for c in cells(GLUED_CELLS).claims}
    assert got["$3 billion"].time.period == "FY2003/FY2005"
    assert got["$2.3 billion"].time.period == "FY2003/FY2004" and got["$2.3 billion"].quantity.value == 2.3e9
    assert got["$285 million"].time.period == "FY2008/FY2010"


def test_a_one_column_html_box_is_paragraphs():
    from claimx.texttables import paragraphs_and_tables

    text, blocks = paragraphs_and_tables(["Intro.", "| Figure 1. Trade with Korea |", "| Source: CRS. |"])
    assert text == "Intro.\n\nFigure 1. Trade with Korea\n\nSource: CRS."
    assert [b.kind for b in blocks] == ["paragraph"] * 3
    assert [text[b.char_start : b.char_end] for b in blocks] == ["Intro.", "Figure 1. Trade with Korea", "Source: CRS."]


def test_the_report_popup_names_a_table_cells_row_and_column(cells):
    from claimx.report import _fields

    claims = cells(BUDGET).claims
    cell = next(c for c in claims if c.table is not None)
    assert ("table cell", "row Operations; column FY2026 Enacted") in _fields(cell, "unreviewed")
    prose = cells("# Budget\n\nExports rose 5% in 2024.\n").claims[0]
    assert all(k != "table cell" for k, _ in _fields(prose, "unreviewed"))


def test_a_new_report_renderer_rewrites_unchanged_pages(cells, tmp_path, monkeypatch):
    """A page is skipped when nothing it shows changed; a change of the code that draws it (a new popup
    field) counts as a change, so an upgrade never leaves stale pages."""
    from claimx import report
    from claimx.outputs import OutputFolder

    claims = cells(BUDGET).claims
    folder = OutputFolder(tmp_path)
    article = {"article_id": "t.md", "title": "Agency budget"}
    monkeypatch.setattr(report, "_renderer", lambda: "an older renderer")
    report.build_report(folder, articles=[(article, "text", claims)], statuses={})
    page = tmp_path / "report" / "articles" / report.page_name("t.md")
    before = page.read_text(encoding="utf-8")
    monkeypatch.undo()
    report.build_report(folder, articles=[(article, "text", claims)], statuses={})
    assert page.read_text(encoding="utf-8") != before


RULES = (
    "# Rule changes\n\n"
    "| Rule | Status/Date | Description |\n|---|---|---|\n"
    "| Leverage ratio | Proposal (12/25) | The ratio would fall from 9% to 8% for small lenders. |\n"
    "| Surcharge | Final rule (March 2026) | The surcharge would fall from 2.7% to 2.3% on average. |\n"
    "| Liquidity | Pending | The buffer would rise from 4% to 5%. |\n"
)
OUTLAYS = (
    "# Outlays\n\n| Program | Date enacted | Amount |\n|---|---|---|\n| Highway aid | 6/14/2021 | $4.2 billion |\n"
)


def test_a_rows_date_column_dates_the_figures_of_its_row(cells):
    """A column headed 'Date' holds the row's date: numbers month first ('12/25' is December 2025), or a
    written date; a row whose date cell holds none stays undated."""
    times = {c.quantity.text: c.time for c in cells(RULES).claims}
    assert times["9%"].period == "2025-12" and times["8%"].period == "2025-12"
    assert times["2.7%"].period == "2026-03" and times["2.3%"].text == "March 2026"
    assert times["4%"] is None and times["5%"] is None, "'Pending' is no date"
    (amount,) = [c for c in cells(OUTLAYS).claims if c.quantity.text == "$4.2 billion"]
    assert amount.time.period == "2021-06-14" and "time-table-date-column" in amount.rule_ids


@pytest.mark.parametrize(
    "cell, period",
    [("Proposal (3/26)", "2026-03"), ("3/2026", "2026-03"), ("25/12/2025", "2025-12-25"),
     ("5/4/2025", "2025"), ("Signed Dec. 5, 2025", "2025-12-05"), ("n/a", None), ("13/14/2025", None)],
)  # fmt: skip
def test_a_date_cell_is_read_month_first_unless_it_cannot_be(cell, period):
    """'5/4/2025' may be 4 May or 5 April: only its year is sure."""
    from claimx.tablecells import _cell_date

    got = _cell_date(cell)
    assert (got.period if got else None) == period


def test_an_unbracketed_scale_line_above_a_table_scales_its_cells_and_is_no_claim(cells):
    source = (
        "# Totals\n\nTable 1. Budgetary totals\n\nIn Millions of Dollars\n\n"
        "| Fiscal Year | Revenues | Outlays |\n|---|---|---|\n"
        "| 2026 | $4,242,825 | $5,507,841 |\n"
    )
    result = cells(source)
    revenues = next(c for c in result.claims if c.table and c.table.column_header == "Revenues")
    assert revenues.quantity.value == 4_242_825e6 and revenues.quantity.unit == "USD"
    assert not any("Millions" in c.quantity.text for c in result.claims)


def test_a_row_over_groups_of_columns_does_not_head_the_table(cells):
    # a converter's table without a delimiter row: the first line heads groups of columns, the second the columns
    source = (
        "# Directives\n\n"
        "| House Committee Directives | Senate Committee Directives |\n"
        "| Committee | Type of Instruction | Amount, FY2026-FY2035 (in billions) | Committee | Type | Amount |\n"
        "| Judiciary | Increase deficit | +$70 | Judiciary | Increase deficit | +$70 |\n"
    )
    result = cells(source)
    first = next(c for c in result.claims if c.table and c.table.column_header.startswith("Amount, FY"))
    assert first.quantity.value == 70e9 and first.quantity.change == "up"
    assert first.time is not None and first.time.period == "FY2026/FY2035"


STUBLESS_TABLE = (
    "Market shares\n\n"
    "The shares of the largest insurers varied among states in 2024, the report said.\n\n"
    "2024 Group Market Share for the Largest Insurers\n\n"
    "Range of market share of largest insurers (percentage) | Median market share (percentage) | "
    "Median number of insurers per state\n\n"
    "Dental group market | 37.9 – 97.5 | 66.8 | 39\n\n"
    "Vision group market | 41.2 – 95.5 | 77.4 | 28\n\n"
    "Source: Analysis of industry data.\n"
)


def test_a_plain_header_without_a_first_cell_heads_the_value_columns(nlp, tmp_path):
    """A plain-text header with one cell fewer than its rows leaves the first column unlabeled
    (texttables._stubless_header): every row is data; a header marked '(percentage)' makes its bare figures
    percentages, and the one period of the table's title dates the cells."""
    from claimx.extract import process_articles
    from claimx.ingest import read_file

    (tmp_path / "shares.txt").write_text(STUBLESS_TABLE, encoding="utf-8")
    (article,) = read_file(tmp_path / "shares.txt", tmp_path)
    (result,) = process_articles([article], nlp=nlp)
    got = {c.quantity.text: c for c in result.claims}
    median = got["66.8"]
    assert (median.table.row_header, median.table.column_header) == (
        "Dental group market",
        "Median market share (percentage)",
    )
    assert median.quantity.unit == "percent" and median.quantity.value_base == pytest.approx(0.668)
    assert got["37.9 – 97.5"].quantity.unit == "percent" and got["37.9 – 97.5"].quantity.low == 37.9
    assert got["39"].quantity.unit == "insurer"
    assert all(got[k].time.period == "2024" for k in ("66.8", "39", "77.4", "28"))


def test_a_tables_compilation_date_does_not_date_its_cells():
    from claimx.tablecells import _caption_period

    assert _caption_period("Table 1. Authorizations and Appropriations, as of April 17, 2026") is None
    assert _caption_period("2024 Group Market Share for the Three Largest Insurers").group(0) == "2024"
    assert _caption_period("Exports, 2022 and 2023") is None  # two periods: the columns say which
