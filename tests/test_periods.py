"""Time expressions read as periods (claimx.periods): explicit, relative to the writing, relative to an anchor."""

from __future__ import annotations

from datetime import date

import pytest

from claimx.periods import YearOnly, article_reference, parse_date, parse_period

NOV_2023 = date(2023, 11, 28)


@pytest.mark.parametrize(
    "text, label",
    [
        ("2023", "2023"),
        ("in 2023", "2023"),
        ("October 2023", "2023-10"),
        ("September 11, 2017", "2017-09-11"),
        ("11 September 2017", "2017-09-11"),
        ("Monday, March 10, 2025", "2025-03-10"),  # the date after a day of the week says
        # historical years, decades and centuries, plural fiscal years
        ("between 1847 and 1851", "1847/1851"),
        ("1847–1851", "1847/1851"),
        ("the early 1980s", "1980/1989"),
        ("the 1800s", "1800/1899"),
        ("the 2000s", "2000/2009"),
        ("fiscal years 2023 and 2024", "FY2023/FY2024"),
        # a quarter named by its last month (New Zealand and Australian statistics)
        ("the September 2014 quarter", "2014-Q3"),
        ("the March 2020 quarter", "2020-Q1"),
        # a year's named season is that year (its months unknown); a meteorological one keeps its months
        ("the 2025 filing season", "2025"),
        ("the 2024 to 2025 filing season", "2024/2025"),
        ("the 2024 hurricane season", "2024"),
        ("the 2014-15 winter season", "2014-12/2015-02"),
        ("each of FY2022 through FY2026", "FY2022/FY2026"),
        ("the third quarter of 2023", "2023-Q3"),
        ("Q3 2024", "2024-Q3"),
        ("2024Q1", "2024-Q1"),
        ("the first half of 2024", "2024-H1"),
        ("fiscal year 2024", "FY2024"),
        ("FY'24", "FY2024"),
        ("FY03-05", "FY2003/FY2005"),  # two-digit fiscal years joined by a dash: a span
        ("FY22-26", "FY2022/FY2026"),
        ("August 21 to August 28, 2017", "2017-08-21/2017-08-28"),
        ("from July to the end of October 2023", "2023-07/2023-10"),
        ("December to February 2024", "2023-12/2024-02"),
        ("2019-2021", "2019/2021"),
        ("the 12 months to October 2023", "2022-11/2023-10"),
        ("the 2014-15 winter", "2014-12/2015-02"),
        ("mid-2024", "2024"),
        # split years: a marketing, crop or fiscal year across two calendar years
        ("2025/26", "2025/26"),
        ("2025-26", "2025/26"),
        ("the 2025/26 marketing year", "2025/26"),
        ("FY2025/26", "2025/26"),
        ("2020–23", "2020/2023"),  # a span of years written short
        ("2010-12", "2010-12"),  # a hyphen and a month number stay a month
        ("1999/00", "1999/00"),
        # ISO 8601 as gold files and some texts write it
        ("2024-06", "2024-06"),
        ("as of 2024-06", "2024-06"),
        ("2024-06-15", "2024-06-15"),
        ("2021-01 to 2021-03", "2021-01/2021-03"),
        ("2019-12", "2019-12"),
    ],
)
def test_periods_explicit_expressions_need_no_reference(text, label):
    assert parse_period(text).label == label


@pytest.mark.parametrize(
    "text, label",
    [
        ("October", "2023-10"),
        ("December", "2023-12"),  # a month ahead of the writing is still this year's
        ("February", "2023-02"),
        ("the third quarter", "2023-Q3"),
        ("last year", "2022"),
        ("this year", "2023"),
        ("next year", "2024"),
        ("last month", "2023-10"),
        ("two years ago", "2021"),
        ("five years ago", "2018"),  # any number word, not only up to three
        ("twenty years ago", "2003"),
        ("a decade ago", "2013"),
        ("two decades ago", "2003"),
        ("since the start of the year", "2023"),  # the edge of the writing's year, month or quarter
        ("the year through October", "2022-11/2023-10"),  # the 12 months to October
        ("the 2022/23 season", "2022/23"),  # a season named by its years alone
        ("H1", "2023-H1"),  # a half's code without a year
        ("by the end of the month", "2023-11"),
        ("this winter", "2023-12/2024-02"),
        ("last winter", "2022-12/2023-02"),
        ("this fall", "2023-09/2023-11"),  # just past: the one of the writing's year
        ("this summer", "2023-06/2023-08"),
        ("next summer", "2024-06/2024-08"),
        ("the past 12 months", "2022-11/2023-10"),  # to the last complete month
        # the years, months or quarters ahead of the writing's
        ("over the next two years", "2024/2025"),
        ("the coming 12 months", "2023-12/2024-11"),
        ("the next two quarters", "2024-Q1/2024-Q2"),
        ("over the previous three months", "2023-08/2023-10"),
        ("a year ago", "2022"),
        ("the last two quarters", "2023-Q2/2023-Q3"),
        ("last quarter", "2023-Q3"),  # the one before the writing's, not Q4
        ("the last quarter of 2023", "2023-Q4"),
        ("earlier this month", "2023-11"),
        ("later this year", "2023"),
        ("the first half of the year", "2023-H1"),
        ("so far this year", "2023-01/2023-11"),
        ("year to date", "2023-01/2023-11"),
        # reporting periods (claimx.reporting_periods); NOV_2023 is Tuesday 28 November 2023
        ("the quarter ended Sept. 30", "2023-Q3"),
        ("the year ended June 30, 2023", "2022-07/2023-06"),
        ("the first nine months of the year", "2023-01/2023-09"),
        ("the first two months of 2022", "2022-01/2022-02"),
        ("over the weekend", "2023-11-25/2023-11-26"),
    ],
)
def test_periods_relative_to_the_writing_use_the_reference_date(text, label):
    assert parse_period(text, reference=NOV_2023).label == label


@pytest.mark.parametrize(
    "text, anchor, label",
    [
        ("the previous year", "2025", "2024"),
        ("a year earlier", "2025", "2024"),
        ("the year before", "2020", "2019"),
        ("the prior quarter", "Q3 2024", "2024-Q2"),
        ("the same quarter a year earlier", "Q3 2024", "2023-Q3"),
        ("a month earlier", "October 2023", "2023-09"),
        ("the past 12 months", "October 2023", "2022-11/2023-10"),
        ("the prior 6 months", "March 2023", "2022-09/2023-02"),  # the six before the anchor's month
        ("the previous two quarters", "Q3 2024", "2024-Q1/2024-Q2"),
        ("the following two years", "2030", "2031/2032"),
        ("March", "2021", "2021-03"),
        ("September 11", "2017", "2017-09-11"),
        ("the same time last year", "Q4 2014", "2013-Q4"),
        ("a decade earlier", "2019", "2009"),
        ("the end of the year", "March 2019", "2019"),  # the anchor's year
        # a day counted from a dated day
        ("the day before", "May 2, 2021", "2021-05-01"),
        ("the previous day", "May 2, 2021", "2021-05-01"),
        ("a day earlier", "March 1, 2024", "2024-02-29"),
        ("the following day", "December 31, 2024", "2025-01-01"),
        # a fiscal or split year moves by one of its own kind
        ("a year earlier", "fiscal 2024", "FY2023"),
        ("the following year", "FY2024", "FY2025"),
        ("the previous year", "2025/26", "2024/25"),
    ],
)
def test_periods_relative_to_another_use_the_anchor(text, anchor, label):
    assert parse_period(text, reference=NOV_2023, anchor=parse_period(anchor)).label == label


@pytest.mark.parametrize("text", ["the past decade", "recently", "soon", "the 1990s boom", "Section 232", "", "week"])
def test_periods_what_is_not_a_resolvable_period_gives_none(text):
    assert parse_period(text, reference=NOV_2023) is None


@pytest.mark.parametrize("anchor", [None, "2021", "May 2021"])
def test_periods_a_day_relative_to_another_needs_a_dated_day(anchor):
    assert parse_period("the day before", reference=NOV_2023, anchor=anchor and parse_period(anchor)) is None


def test_periods_without_a_reference_an_undated_month_stays_unresolved():
    assert parse_period("October") is None
    assert parse_period("the past 12 months") is None
    assert parse_period("12 months", reference=NOV_2023) is None, "a bare duration needs an anchor"
    assert parse_period("the previous year") is None


def test_periods_a_year_only_reference_resolves_months_but_not_last_month():
    ref = YearOnly(2023)
    assert parse_period("October", reference=ref).label == "2023-10"
    assert parse_period("last year", reference=ref).label == "2022"
    assert parse_period("last month", reference=ref) is None


def test_periods_article_reference_is_the_date_else_the_most_mentioned_year():
    assert article_reference("Sales rose in 2022.", "2023-11-28") == date(2023, 11, 28)
    ref = article_reference(
        "In 2022 prices fell. In 2023 they rose, and 2023 ended well; $2023 and 2,023 are not.", None
    )
    assert isinstance(ref, YearOnly) and ref.year == 2023
    assert article_reference("No years here.", None) is None
    assert parse_date("2023-11-28T10:00:00Z") == date(2023, 11, 28)
    assert parse_date("November 2023") is None


@pytest.mark.parametrize(
    "text, label",
    [
        ("October through December last year", "2022-10/2022-12"),
        ("January to March of this year", "2023-01/2023-03"),
    ],
)
def test_periods_a_range_of_months_takes_a_relative_year(text, label):
    assert parse_period(text, reference=NOV_2023).label == label


def test_periods_the_present_is_the_month_of_the_reference_date():
    from datetime import date

    from claimx.periods import parse_period

    assert parse_period("currently", reference=date(2024, 3, 1)).label == "2024-03"
    assert parse_period("today", reference=date(2021, 4, 2)).label == "2021-04"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Sunday", "2021-05-02"),  # reference: Monday 3 May 2021
        ("on Wednesday", "2021-04-28"),
        ("Monday", "2021-05-03"),  # the day of writing itself
        ("last Monday", "2021-04-26"),
        ("late Sunday night", "2021-05-02"),
        ("next Thursday", "2021-05-06"),
        ("Monday, March 10", "2021-03-10"),  # the date written after it wins
    ],
)
def test_periods_a_day_of_the_week_counts_back_from_the_writing(text, label):
    assert parse_period(text, reference=date(2021, 5, 3)).label == label


def test_periods_a_day_of_the_week_needs_a_full_reference_date():
    assert parse_period("Sunday") is None
    assert parse_period("Sunday", reference=YearOnly(2021)) is None


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("last week", "2025-W10"),  # reference: Tuesday 11 March 2025, ISO week 11
        ("this week", "2025-W11"),
        ("next week", "2025-W12"),
        ("two weeks ago", "2025-W09"),
        ("over the past week", "2025-03-05/2025-03-11"),  # the seven days up to the writing
        ("the week of March 3", "2025-W10"),
        ("week of 26 April 2021", "2021-W17"),
        ("the week ending December 12, 2014", "2014-12-06/2014-12-12"),
    ],
)
def test_periods_weeks_are_iso_weeks_counted_from_the_writing(text, label):
    assert parse_period(text, reference=date(2025, 3, 11)).label == label


def test_periods_a_week_relative_to_another_needs_a_day_or_week_to_count_from():
    ref = date(2025, 3, 11)
    assert parse_period("a week earlier", reference=ref, anchor=parse_period("March 5, 2025")).label == "2025-W09"
    assert parse_period("the previous week", reference=ref, anchor=parse_period("March 2025")) is None
    assert parse_period("last week", reference=YearOnly(2025)) is None


def test_an_interval_of_intervals_runs_from_the_first_start_to_the_last_end():
    from claimx.calendar_periods import interval

    a, b = parse_period("2010"), parse_period("January 2014 through August 2014")
    assert interval(a, b).label == "2010/2014-08"


def test_over_the_month_is_the_anchors_month_and_unread_without_one():
    march = parse_period("March 2023")
    assert parse_period("over the month", anchor=march).label == "2023-03"
    assert parse_period("the quarter", anchor=march).label == "2023-Q1"
    assert parse_period("over the month") is None, "never the writing's month"
    assert parse_period("over the month", anchor=parse_period("2023")) is None, "a year names no month"
    assert parse_period("a month") is None


@pytest.mark.parametrize(
    "text, label", [("fiscal 2023", "FY2023"), ("in fiscal 2024", "FY2024"), ("fiscal 2024-25", "2024/25")]
)
def test_fiscal_without_year_is_a_fiscal_year(text, label):
    assert parse_period(text).label == label


def test_periods_a_month_that_ends_no_quarter_names_none():
    assert parse_period("the August 2014 quarter") is None


@pytest.mark.parametrize(
    "label",
    ["2024", "2024-03", "2024-03-05", "2024-Q3", "2024-H1", "2025-W10", "FY2026", "2017-03/2018-02", "2024-Q1/2024-Q3",
     "FY2025/FY2027", "2014-W50/2014-W51", "2022-09-02/2022-10-28", "2010/2015"],
)  # fmt: skip
def test_periods_a_label_reads_back_as_its_period(label):
    """Phenomenon: a period carried as its label ('the same period' after 'the 12 months ending in February',
    2017-03/2018-02) must read back as that period to anchor another."""
    p = parse_period(label)
    assert p is not None and p.label == label
    assert parse_period("the same period", anchor=p) == p


def test_periods_hyphenated_number_words_count_periods():
    """Phenomenon: 'the past half-dozen years', 'the past twenty-five years': a hyphenated number word counts."""
    ref = date(2018, 4, 6)
    assert parse_period("the past half-dozen years", reference=ref).label == "2012-04/2018-03"
    assert parse_period("the past twenty-five years", reference=ref).start == date(1993, 4, 1)


@pytest.mark.parametrize(
    "text, label", [("its fiscal year 2022", "FY2022"), ("our fiscal 2024", "FY2024"), ("their 2023", "2023")]
)
def test_periods_a_possessive_before_a_period_is_not_part_of_it(text, label):
    """Phenomenon: 'Treasury reported COVID-19 obligations in its fiscal year 2022 agency financial report': the
    owner's possessive ('its', 'their', 'our') leads the period as 'the' does."""
    assert parse_period(text).label == label


@pytest.mark.parametrize(
    "text, label",
    [
        ("the first three quarters of 2018", "2018-Q1/2018-Q3"),
        ("over the first two quarters of 2025", "2025-Q1/2025-Q2"),
        ("Through the first three quarters of last year", "2018-Q1/2018-Q3"),
        # two labels of ours joined by "to"/"through" (how gold files and exports write a span)
        ("2018-Q1 to 2018-Q3", "2018-Q1/2018-Q3"),
        ("2024-03 through 2024-06", "2024-03/2024-06"),
    ],
)
def test_periods_quarters_counted_from_the_year_and_label_spans(text, label):
    """Phenomenon: 'the first three quarters of 2018' (or 'of last year') is the quarters counted from the
    year's start; two period labels joined by 'to' are the span from one to the other."""
    assert parse_period(text, reference=date(2019, 1, 10)).label == label


def test_periods_a_label_span_running_backwards_is_none():
    assert parse_period("2018-Q3 to 2018-Q1") is None


def test_periods_a_step_from_a_span_moves_both_ends():
    """'a year earlier' than 2024-Q1/2024-Q3 is 2023-Q1/2023-Q3 (each end moves, not the start alone)."""
    from claimx.calendar_periods import from_label

    assert parse_period("a year earlier", anchor=from_label("2024-Q1/2024-Q3")).label == "2023-Q1/2023-Q3"


@pytest.mark.parametrize(
    "text, label",
    [
        ("the January-March quarter", "2025-Q1"),
        ("the October-December quarter", "2024-Q4"),
        ("the July-September quarter of 2024", "2024-Q3"),
        ("January-March", "2025-01/2025-03"),
    ],
)
def test_periods_a_span_of_months_named_a_quarter_is_that_quarter(text, label):
    """Phenomenon: 'India's economy grew 7.4% in the January-March quarter': three months named as a quarter are
    the calendar quarter (the latest begun by the writing when no year is named); the bare months stay months."""
    assert parse_period(text, reference=date(2025, 6, 10)).label == label
