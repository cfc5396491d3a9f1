"""A section's heading as context (claimx.sections): headings that name only a period date their sections."""

from __future__ import annotations

import pytest

from claimx.extract import process_articles
from claimx.ingest import read_markdown

CENSUS = (
    "# Springfield\n\n## 2010\n\nThe town had 1,200 households. The average household size was 2.4.\n\n"
    "## 2000\n\nThere were 1,100 households, and 22.3% had children.\n\n"
    "## Economy\n\nThe plant employs 300 workers.\n"
)


@pytest.fixture
def times(nlp):
    def run(source: str):
        (result,) = process_articles([read_markdown(source, article_id="s.md")], nlp=nlp)
        return {c.quantity.text: c for c in result.claims}

    return run


def test_period_headings_date_the_undated_figures_of_their_sections(times):
    got = times(CENSUS)
    assert got["1,200 households"].time.period == "2010" and "time-heading" in got["1,200 households"].rule_ids
    assert got["2.4"].time.period == "2010"
    assert got["1,100 households"].time.period == "2000" and got["22.3%"].time.period == "2000"
    assert got["300 workers"].time is None, "a section under a heading with other words is not dated"


def test_a_lone_date_line_is_a_dateline_not_a_section(times):
    got = times("# Budget report\n\n## 2026\n\nThe agency employs 3,210 staff.\n")
    assert got["3,210 staff"].time is None
    months = "# Budget report\n\n## March 2026\n\nThe agency employs 3,210 staff.\n\n"
    got = times(months + "## June 2026\n\nIt has 40 offices.\n")
    assert got["3,210 staff"].time is None and got["40 offices"].time is None, "a month heading is a dateline"


@pytest.mark.parametrize(
    "heading, period",
    [("2010", "2010"), ("FY2024", "FY2024"), ("Fiscal Year 2024", "FY2024"), ("2023 census", "2023"),
     ("Census of 2011", "2011"), ("Third quarter 2024", "2024-Q3"), ("Wages in 2023", None), ("June 2024", None),
     ("Demographics", None)],
)  # fmt: skip
def test_a_heading_names_a_period_only_when_it_is_one(heading, period):
    from claimx.sections import _heading_period

    got = _heading_period(heading)
    assert (got.period if got else None) == period


LISTED = (
    "# Tariffs\n\n"
    "The agency sent its report in May. According to the Commerce Department, the report recommended actions"
    " including\n\n"
    "- an immediate 30% tariff on copper products;\n"
    "- a levy that the White House said would reach 25%.\n\n"
    "Imports fell 12% in June.\n\n"
    "The plan has three parts:\n\n"
    "- a 10% levy;\n"
)


def test_a_list_lead_in_that_attributes_is_the_source_of_its_items(times):
    got = times(LISTED)
    assert got["30%"].source.text == "Commerce Department" and "src-list-lead" in got["30%"].rule_ids
    assert got["30%"].source.kind == "government"
    assert got["25%"].source.text == "White House", "an item's own attribution wins"
    assert got["12%"].source is None, "a paragraph after the list is not an item"
    assert got["10%"].source is None, "a lead-in without an attribution gives none"


BOXED = (
    "Coffee Trade Overview\n\n"
    "Brazil's Coffee Sector\n"
    "Brazil produced 66 million bags of coffee in 2024, about 37% of world output. Exports reached $12.3 billion,"
    " the trade ministry said.\n"
    "Sources: International Coffee Organization, accessed on March 3, 2025; USDA Foreign Agricultural Service.\n\n"
    "Imports into the United States rose 4% in 2024, according to the Census Bureau. The total was $8.1 billion.\n\n"
    "Source: https://example.org/coffee\n"
)


def test_a_text_box_ending_on_its_source_line_attributes_its_figures(nlp):
    from claimx.ingest import make_article

    (result,) = process_articles([make_article(BOXED, article_id="box.txt")], nlp=nlp)
    got = {c.quantity.text: c for c in result.claims}
    box = got["66 million bags"]
    assert box.source.text == "International Coffee Organization", "the first source, without when it was read"
    assert "source-block-note" in box.rule_ids and got["about 37%"].source.text == box.source.text
    assert got["$12.3 billion"].source.text == "trade ministry", "a figure's own attribution wins"
    assert got["4%"].source.text == "Census Bureau" and got["$8.1 billion"].source is None, (
        "the next block is not the box's"
    )
