"""Issue 14: time resolved against anchors, the measured concept, and non-claims, on sentences of our own."""

from __future__ import annotations

import pytest

import claimx
from claimx.extract import process_articles
from claimx.ingest import make_article


@pytest.fixture
def claims_of(nlp):
    def run(text: str, published: str | None = None):
        return {c.quantity.text: c for c in claimx.extract_claims(text, published=published, nlp=nlp)}

    return run


# -- time --------------------------------------------------------------------------------------------
def test_issue_14_the_baseline_figure_gets_the_baseline_period(claims_of):
    got = claims_of("The jobless rate fell to 8.1% in 2025, down from 8.4% the previous year.")
    assert got["8.1%"].time.period == "2025"
    assert got["8.4%"].time.text == "the previous year" and got["8.4%"].time.period == "2024"
    assert got["8.4%"].time.year == 2024


def test_issue_14_a_year_earlier_counts_from_the_figures_own_anchor(claims_of):
    got = claims_of("Exports reached $5 billion in 2025, compared with $4.2 billion a year earlier.")
    assert (got["$5 billion"].time.period, got["$4.2 billion"].time.period) == ("2025", "2024")


def test_issue_14_the_compared_figure_does_not_take_the_baselines_year(claims_of):
    got = claims_of("Imports averaged 7.3 million barrels per day, versus 7.9 million barrels per day in 2023.")
    assert got["7.9 million barrels per day"].time.period == "2023"
    assert got["7.3 million barrels per day"].time is None


def test_issue_14_a_day_of_the_week_dates_a_move_made_that_day(claims_of):
    text = "Stocks fell 2 percentage points on Monday, and the yield slipped 0.3 percent Tuesday."
    got = claims_of(text, "2024-03-07")
    assert got["2 percentage points"].time.period == "2024-03-04"
    assert got["0.3 percent"].time.period == "2024-03-05"


def test_issue_14_a_day_of_the_week_does_not_date_a_level_announced_that_day(claims_of):
    got = claims_of("The president on Wednesday imposed 25% tariffs on imports from 35 countries.", "2025-03-13")
    assert got["25%"].time is None and got["35 countries"].time is None


@pytest.mark.parametrize(
    ("sentence", "qtext", "period"),
    [
        # a count that is the subject or object of the verb the day hangs on: what happened that day
        (
            "Italian authorities reported 144 coronavirus-related deaths Sunday.",
            "144 coronavirus-related deaths",
            "2021-05-02",
        ),
        ("Police said 12 people were killed on Friday.", "12 people", "2021-04-30"),
        (
            "On Wednesday, 23 passengers tested positive, and on Thursday 30 passengers tested positive.",
            "30 passengers",
            "2021-04-29",
        ),  # "Thursday 30" is one entity to the tagger
        # the day a figure was said dates the saying, not the figure
        ("Officials said Tuesday 26 hostages were killed.", "26 hostages", None),
        ("The minister said on Monday that 3 million people need aid.", "3 million people", None),
        ("On Tuesday, the company said it employs 5,000 people.", "5,000 people", None),
        # a day counted back from the day before it, in the same or the next sentence
        ("Officials reported 300 deaths on Sunday, up from 250 the previous day.", "250", "2021-05-01"),
        (
            "Italy reported 9,148 infections Sunday. That is down from the day before when more than 12,000 new "
            "cases were reported.",
            "more than 12,000 new cases",
            "2021-05-01",
        ),
    ],
)
def test_issue_14_a_day_of_the_week_dates_a_count_of_that_day(claims_of, sentence, qtext, period):
    time = claims_of(sentence, "2021-05-03")[qtext].time
    assert (time.period if time else None) == period


@pytest.mark.parametrize(
    ("sentence", "qtext", "period"),
    [
        (
            "Brent will average $78/bbl in the fourth quarter this year, compared to $109/bbl for the same time last "
            "year.",
            "$109/bbl",
            "2013-Q4",
        ),
        (
            "Sales were $5 billion in the second quarter last year, compared with $4 billion the same period a year "
            "earlier.",
            "$4 billion",
            "2012-Q2",
        ),
        # the period inside a 'than' phrase is the baseline's, not the difference's
        ("Propane cost $2.38 per gallon, 33 cents less than the price at the same time last year.", "33 cents", None),
        # a named month after a period of last year is not read against it
        (
            "Inflation jumped to 0.4 percent in January, after averaging 0.1 percent in October through December "
            "last year.",
            "0.4 percent",
            "2014-01",
        ),
    ],
)
def test_issue_14_the_same_time_last_year_points_back_from_the_figures_period(claims_of, sentence, qtext, period):
    time = claims_of(sentence, "2014-02-17")[qtext].time
    assert (time.period if time else None) == period


def test_issue_14_a_comparative_the_tagger_puts_in_a_date_is_not_part_of_it(claims_of):
    text = "Households will spend an average of $31 (5%) less this winter than last winter."
    got = claims_of(text, "2014-12-17")
    assert got["5%"].time.text == "this winter" and got["5%"].time.period == "2014-12/2015-02"


def test_issue_14_undated_months_resolve_against_the_publication_date(claims_of):
    got = claims_of("Retail sales fell 0.7% in October, the Commerce Department said.", published="2023-11-28")
    assert got["0.7%"].time.period == "2023-10"
    got = claims_of("Retail sales fell 0.7% in October, the Commerce Department said.")
    assert got["0.7%"].time.text == "October" and got["0.7%"].time.period is None  # no date, no year in text


@pytest.mark.parametrize(
    ("sentence", "qtext", "period"),
    [
        ("Ticket sales reached 40 million in 2024, up 6% over 2023.", "6%", "2023/2024"),
        ("Farm income was $9 billion in 2022, an increase of 5% over 2019.", "5%", "2019/2022"),
        ("Rents were 12% higher over 2020 in the capital.", "12%", "2020"),  # a baseline alone stays
        ("Wages grew 5% over 2017.", "5%", "2017"),  # on a verb, 'over' a year is a duration
    ],
)
def test_issue_14_over_a_year_on_a_change_word_is_the_baseline(claims_of, sentence, qtext, period):
    got = claims_of(sentence, published="2025-06-01")[qtext]
    assert got.time.period == period


@pytest.mark.parametrize(
    ("sentence", "published", "qtext", "period"),
    [
        ("Since 2007, the agency has paid over $1.4 billion.", "2026-03-03", "over $1.4 billion", "2007/2026"),
        ("The fund has financed 126 credit operations since 1936.", "2026-03-03", "126 credit operations", "1936/2026"),
        (
            "Hiring averaged 180,000 jobs a month since November.",
            "2024-03-27",
            "180,000 jobs a month",
            "2023-11/2024-03",
        ),
        ("Outlays have totaled $4 billion since FY2019.", "2026-04-15", "$4 billion", "FY2019/FY2026"),
        ("Since 2007, the agency has paid over $1.4 billion in awards.", None, "over $1.4 billion", "2007"),
        ("Since January 2021, the price has jumped from $5 to $12.", "2021-05-06", "$5", "2021-01"),
        ("Prices have risen 5% since 2019.", "2026-03-03", "5%", "2019/2026"),  # the change spans it too
    ],
)
def test_issue_14_a_total_since_a_date_runs_to_the_writing(claims_of, sentence, published, qtext, period):
    """'since' a date opens a period that runs to the article's date, in the date's grain, for a total or
    an average, and for a change of the verb it hangs on; a level a change starts from keeps its date, and
    without the article's date the start alone is known."""
    assert claims_of(sentence, published=published)[qtext].time.period == period


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("The board decided at its June meeting to hold the rate at 4 percent.", "2025-06"),
        ("At today's session, the board kept the rate at 4 percent.", "2025-09"),
        ("The rate was 4 percent, the board said at its June meeting.", None),  # the saying's date, not the rate's
    ],
)
def test_issue_14_the_date_of_a_meeting_the_clause_happens_at_dates_it(claims_of, sentence, period):
    got = claims_of(sentence, published="2025-09-17")["4 percent"]
    assert (got.time.period if got.time else None) == period


def test_issue_14_the_other_end_of_an_equative_is_a_baseline_not_an_anchor(claims_of):
    text = "Spending rose 3.1 percent in the first quarter, as strong as the second half of 2023."
    assert claims_of(text, published="2024-05-01")["3.1 percent"].time.period == "2024-Q1"


def test_issue_14_a_baseline_year_is_never_an_anchor(claims_of):
    text = "Job creation is down from the high rates of 2022, and the unemployment rate rose to 3.9 percent in October."
    got = claims_of(text, published="2023-11-28")
    assert got["3.9 percent"].time.period == "2023-10"


@pytest.mark.parametrize(
    "sentence, qtext, period",
    [
        ("Over the previous 12 months, CPI inflation was 3.2 percent.", "3.2 percent", "2022-11/2023-10"),
        ("Core prices rose 4 percent over the past 12 months.", "4 percent", "2022-11/2023-10"),
        ("Factory output edged up only 0.1 percent last month.", "0.1 percent", "2023-10"),
        ("Hiring averaged 190,000 a month over the past five months.", "190,000", "2023-06/2023-10"),
        ("Sales were 5% higher a year ago.", "5%", "2022"),
        ("Revenue grew 7% in the first half of the year.", "7%", "2023-H1"),
        ("Profits fell 2% last quarter.", "2%", "2023-Q3"),
    ],
)
def test_issue_14_periods_relative_to_the_writing_resolve_against_the_publication_date(
    claims_of, sentence, qtext, period
):
    """A trailing window ("the past 12 months") ends with the last complete month before the writing."""
    assert claims_of(sentence, published="2023-11-28")[qtext].time.period == period


def test_issue_14_a_level_is_not_dated_by_the_year_it_is_compared_with(claims_of):
    got = claims_of("Over the previous 12 months, CPI inflation was 3.2 percent, an improvement from 2022.")
    assert got["3.2 percent"].time.text == "the previous 12 months"
    got = claims_of("Imports from Canada were down 69% from 2010.")
    assert got["69%"].time.period == "2010", "a change still spans from its baseline"


def test_issue_14_a_relative_clause_on_a_date_dates_its_figures(claims_of):
    text = "Inflation is 3.2 percent now, an improvement from 2022, when it was above 8 percent for most of the year."
    got = claims_of(text, published="2023-11-28")
    assert got["above 8 percent"].time.period == "2022"
    got = claims_of("Unemployment peaked in 2010, when it reached 10 percent, and is 4 percent in 2024.")
    assert got["10 percent"].time.period == "2010" and got["4 percent"].time.period == "2024"


def test_issue_14_a_change_beside_a_from_to_pair_spans_both_dates(claims_of):
    got = claims_of("Imports rose from $198.2 billion in 2006 to $534.8 billion in 2025 (170% increase).")
    assert got["$198.2 billion"].time.period == "2006"
    assert got["$534.8 billion"].time.period == "2025", "the year right after a figure is its own"
    assert got["170%"].time.period == "2006/2025"
    got = claims_of("Exports rose 5% to $40 billion in 2025.")
    assert got["5%"].time.period == "2025", "no from-to pair, no span"


def test_issue_14_a_change_between_two_months_of_a_year_spans_them(claims_of):
    got = claims_of(
        "Brent prices have declined 29% from their 2014 high of $112 per barrel (bbl) in June to an average "
        "of $79/bbl in November.",
        published="2014-12-17",
    )
    assert got["29%"].time.period == "2014-06/2014-11", "from its high of X in June to an average of Y in November"
    assert got["$112 per barrel"].time.period == "2014-06", "a month right after the figure's bracket is its own"
    got = claims_of("Sales fell 12% from $40 million in January to $35 million in March.", published="2023-05-02")
    assert got["12%"].time.period == "2023-01/2023-03"
    got = claims_of("Sales fell 12% from $40 million in March to $35 million in January.", published="2023-05-02")
    assert got["12%"].time is None or "/" not in (got["12%"].time.period or ""), "ends out of order: no span"


@pytest.mark.parametrize(
    "sentence, qtext, period",
    [
        (
            "From July to the end of October, the yield increased about 1 percentage point.",
            "about 1 percentage point",
            "2023-07/2023-10",
        ),
        ("Between March and June, sales rose 12 percent.", "12 percent", "2023-03/2023-06"),
        ("Sales rose 12 percent from January through March.", "12 percent", "2023-01/2023-03"),
        (
            "Core inflation averaged 0.1 percent in October through December last year.",
            "0.1 percent",
            "2022-10/2022-12",
        ),
        ("Between fiscal years 2020 and 2022, costs rose 15 percent.", "15 percent", "FY2020/FY2022"),
        ("The agency spent $4 billion in fiscal years 2021 and 2022.", "$4 billion", "FY2021/FY2022"),
    ],
)
def test_issue_14_two_dates_joined_by_to_or_through_are_one_period(claims_of, sentence, qtext, period):
    assert claims_of(sentence, published="2023-11-28")[qtext].time.period == period


def test_issue_14_a_date_another_figure_owns_is_not_a_changes_baseline(claims_of):
    got = claims_of(
        "In education and health, earnings rose 3.7 percent in January, versus a peak pace of 6.9 percent in "
        "late 2021.",
        published="2024-02-07",
    )
    assert got["3.7 percent"].time.period == "2024-01"
    got = claims_of("Deaths in 2015 were reduced by 60% from a 2000 estimate.")
    assert got["60%"].time.period == "2000/2015", "a baseline no figure owns still spans"
    got = claims_of("Imports were down 69% from 2010 to the year-to-date 2014 through August.", published="2014-11-20")
    assert got["69%"].time.period == "2010/2014-08", "each end read alone when the joined text does not parse"


@pytest.mark.parametrize(
    "sentence, qtext, period",
    [
        ("In contrast, the 2025 U.S. trade deficit with China was $295.5 billion.", "$295.5 billion", "2025"),
        ("Exports accounted for 60% of Mexico's 2024 total trade in goods.", "60%", "2024"),
        ("Exports accounted for 60% ($752.0 billion) of Mexico's 2024 total trade.", "$752.0 billion", "2024"),
        ("Mexico ranked second among markets for U.S. goods exports in 2025.", "second", "2025"),
        ("Output was $5 billion in 2024 dollars.", "$5 billion", None),
        ("The November 2025 agreement lowered the tariff from 25% to 15%.", "15%", None),
        ("Officials said tariffs would not exceed the 15% agreed in the November 2025 agreement.", "15%", None),
    ],
)
def test_issue_14_dates_of_the_figures_own_nouns(claims_of, sentence, qtext, period):
    """A date on the subject of a stated figure or on its 'of' noun dates it; a date on an agent (the
    agreement that lowered a tariff) or inside a clause on the figure does not."""
    time = claims_of(sentence)[qtext].time
    assert (time.period if time else None) == period


def test_issue_14_a_dated_reference_point_is_not_an_anchor_and_a_named_month_is(claims_of):
    text = "The number was little changed at 4.9 million in March and has returned to its February 2020 level."
    assert claims_of(text, published="2023-04-07")["4.9 million"].time.period == "2023-03"
    text = "Employment rose by 236,000 in March, compared with an average gain of 334,000 over the prior 6 months."
    assert claims_of(text, published="2023-04-07")["334,000"].time.period == "2022-09/2023-02"


def test_issue_14_the_window_of_a_rate_is_not_a_claim(claims_of):
    got = claims_of("Headline inflation was 3 percent over three months and 2.5 percent over six months.")
    assert set(got) == {"3 percent", "2.5 percent"}
    got = claims_of("The strike lasted over three months.")
    assert "over three months" in got, "only right after a rate or change figure"


def test_issue_14_time_carries_to_the_next_sentence_of_the_same_series(nlp):
    text = (
        "Title\n\n"
        "The average diesel price fell 12 cents to $3.42 per gallon on December 15, 2014. "
        "The West Coast price fell 10 cents to $3.47 per gallon.\n\n"
        "Refiners added 300,000 barrels per day of capacity."
    )
    (result,) = process_articles([make_article(text, article_id="a", title_from_first_line=True)], nlp=nlp)
    got = {c.quantity.text: c for c in result.claims}
    assert got["10 cents"].time.period == "2014-12-15" and "time-carried" in got["10 cents"].rule_ids
    assert got["$3.47 per gallon"].time.period == "2014-12-15"
    assert got["300,000 barrels per day"].time is None, "never across a paragraph"


def test_issue_14_a_carried_time_reaches_every_figure_of_its_sentence_in_the_series(nlp):
    text = (
        "Title\n\n"
        "Gasoline prices rose 4 cents in the week to March 3, 2025. "
        "Prices rose 6 cents to average $3.10 and $3.25 per gallon in the two regions, respectively, "
        "and 40 stations were closed.\n"
    )
    (result,) = process_articles([make_article(text, article_id="a", title_from_first_line=True)], nlp=nlp)
    got = {c.quantity.text: c for c in result.claims}
    assert got["$3.10"].time == got["$3.25 per gallon"].time == got["4 cents"].time
    assert got["40 stations"].time is None, "a count is not the price series"


@pytest.mark.parametrize(
    ("text", "qtext", "period"),
    [
        (
            "Agencies reported data for fiscal years 2021 through 2024. During that time period, they recovered"
            " over $1.2 billion in taxes.",
            "over $1.2 billion",
            "FY2021/FY2024",
        ),
        ("Sales rose 5% in the first quarter of 2024. In that period, profits fell 2%.", "2%", "2024-Q1"),
        ("The plant hired 400 workers in 2019. During this period, 40 firms closed.", "40 firms", "2019"),
        ("During that period, 40 firms closed.", "40 firms", None),
    ],
)
def test_issue_14_a_period_pointing_back_is_the_period_named_before(nlp, text, qtext, period):
    (result,) = process_articles(
        [make_article("Title\n\n" + text, article_id="a", title_from_first_line=True)], nlp=nlp
    )
    got = {c.quantity.text: c for c in result.claims}[qtext]
    assert got.time is not None and got.time.period == period


def test_issue_14_time_does_not_carry_to_counts_or_a_sentence_with_its_own_date(nlp):
    # (present tense: a past-tense count takes the narrative's period, test below)
    text = "Prices rose 5% in 2023. Of these 10 refineries, 3 are idle. Sales fell 2% in March."
    (result,) = process_articles([make_article(text, article_id="a")], nlp=nlp)
    got = {c.quantity.text: c for c in result.claims}
    assert got["10 refineries"].time is None
    assert got["2%"].time.text == "March"


def test_issue_14_a_past_tense_figure_takes_the_period_of_the_sentence_before(nlp):
    text = (
        "Gasoline prices averaged $3.10 per gallon in October 2025. "
        "Exports included jet fuel (1.2 million barrels) and kerosene. "
        "Most refiners use 90% of their capacity."
    )
    (result,) = process_articles([make_article(text, article_id="a")], nlp=nlp)
    got = {c.quantity.text: c for c in result.claims}
    carried = got["1.2 million barrels"]
    assert carried.time.period == "2025-10" and "time-carried-past" in carried.rule_ids
    assert got["90%"].time is None, "a present-tense statement is not dated by the narrative"


def test_issue_14_an_unresolved_period_is_not_carried_by_tense(nlp):
    text = "Exports doubled over the past decade. Pork exports were $2 billion."
    (result,) = process_articles([make_article(text, article_id="a")], nlp=nlp)
    got = {c.quantity.text: c for c in result.claims}
    assert got["$2 billion"].time is None


# -- units of counts ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence, qtext, unit, base",
    [
        ("It killed 150,000 Americans during the war.", "150,000 Americans", "americans", "people"),
        ("About 125 million pregnant women are at risk.", "About 125 million pregnant women", "woman", "people"),
        ("Some 40,000 refugees crossed the border.", "Some 40,000 refugees", "refugee", "people"),
        ("The firm added 3,000 jobs.", "3,000 jobs", "job", "job"),
    ],
)
def test_issue_14_a_count_of_people_has_base_unit_people(claims_of, sentence, qtext, unit, base):
    q = claims_of(sentence)[qtext].quantity
    assert (q.unit, q.unit_base, q.value_base) == (unit, base, q.value)


def test_issue_14_a_bare_count_takes_the_unit_of_the_last_count_of_its_paragraph(nlp):
    text = (
        "Payroll employment rose by 236,000 jobs in March. The average monthly gain over the prior year was "
        "334,000.\n\nThe index closed at 5,000."
    )
    (result,) = process_articles([make_article(text, article_id="a")], nlp=nlp)
    got = {c.quantity.text: c for c in result.claims}
    assert got["334,000"].quantity.unit == "job" and "unit-carried" in got["334,000"].rule_ids
    assert got["5,000"].quantity.unit is None, "never across a paragraph"


# -- measured ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence, qtext, measured",
    [
        ("The country imported $16.2 billion worth of copper products in 2025.", "$16.2 billion", "copper products"),
        # measured-reference-level: a figure 'of' a reference point measures what the verb moves
        ("Core inflation has fallen from a 40-year high of 6.6 percent.", "6.6 percent", "Core inflation"),
        ("The number of migrants dropped to the current figure of 41,000.", "41,000", "migrants"),
        ("The bank wants to bring inflation to a stable level of 2 percent.", "2 percent", "inflation"),
        ("Exports hit a record high of $5 billion.", "$5 billion", "Exports"),
        # an indicator's acronym the tagger reads as an organisation is still what is measured
        ("Brazil's FDI rose from $5 billion in 2020 to $9 billion in 2024.", "$9 billion", "FDI"),
        # measured-amount-in: money is of the common noun of its own 'in' phrase
        ("By 2009, $1.2 billion in fees had been collected.", "$1.2 billion", "fees"),
        ("The Ministry estimated $4 billion in state grants for 2027.", "$4 billion", "state grants"),
        ("Tariffs cost farmers $7 billion in lost exports.", "$7 billion", "lost exports"),
        ("Real GDP grew at a 4.9 percent pace in the third quarter.", "4.9 percent", "Real GDP"),
        ("Labor productivity has grown at a 1.8 percent annual rate.", "1.8 percent", "Labor productivity"),
        ("Mining pools were concentrated in the United States (38%) and China (21%).", "38%", "Mining pools"),
        ("Exports reached $5 billion in 2025, compared with $4.2 billion in 2024.", "$4.2 billion", "Exports"),
        ("The official unemployment rate rose to 4.2% in July.", "4.2%", "unemployment rate"),
        ("The device uses 5,304 W of power.", "5,304 W", "power"),
        # a bracketed figure after a date restates its clause: the noun the date's phrase modifies, else
        # the subject
        ("Employment in retail trade changed little in March (-15,000).", "-15,000", "Employment"),
        ("The pace was close to the average monthly gain over the past year (+45,000).", "+45,000", "monthly gain"),
        ("Exports to Canada rose in 2023 (+4.2%).", "+4.2%", "Exports"),
        ("Pork (+83%) led the gains.", "+83%", "Pork"),
        # a change noun stands for its 'in' noun, as a generic measure for its 'of' noun
        ("The change in payroll employment for January was revised down by 32,000.", "32,000", "payroll employment"),
        ("The rise in home prices reached 6% in May.", "6%", "home prices"),
        # a hyphenated word stays whole
        ("The country imported $7.2 billion worth of semi-finished copper products.", "$7.2 billion", "semi-finished"),
        (
            "The employment-population ratio edged up over the month to 60.4 percent.",
            "60.4 percent",
            "employment-population",
        ),
        (
            "The number of long-term unemployed was little changed at 1.1 million.",
            "1.1 million",
            "long-term unemployed",
        ),
        # the noun a figure is 'of' names it before the thing counted; a change noun or a total does not
        ("Mexico has a population of 132 million people.", "132 million people", "population"),
        ("The country had a workforce of 60 million people.", "60 million people", "workforce"),
        ("The plan brings an increase of 500 jobs.", "500 jobs", "jobs"),
        # a bracketed restatement measures what its figure measures
        ("Canada accounts for 60% ($752.0 billion) of Mexico's total trade in goods.", "$752.0 billion", "total trade"),
        # a toll of people measures what happened to them
        ("Perhaps two million people died of the fever.", "two million people", "people died"),
        ("An estimated 9 million people have been displaced.", "An estimated 9 million people", "people displaced"),
        # a short 'of' phrase after the noun says what it is of
        ("Other top sources of investment included Spain ($4.4 billion).", "$4.4 billion", "sources of investment"),
        ("Officials counted 207 million cases of measles.", "207 million cases", "cases of measles"),
        # a pronoun the figure is 'of' stands for the plural noun before it (measured-antecedent)
        (
            "Math was hard for rural students, with only one percent of them at the top level.",
            "one percent",
            "rural students",
        ),
        # two coordinated nouns right before a figure name one category; a cut phrase never starts on "and"
        ("Couriers and messengers (+7,000).", "+7,000", "Couriers and messengers"),
        (
            "The Coastal and Marine Hazards and Resources Program would get $25.2 million.",
            "$25.2 million",
            "Coastal and Marine Hazards and Resources Program",
        ),
    ],
)
def test_issue_14_measured_is_the_thing_measured(claims_of, sentence, qtext, measured):
    assert measured in (claims_of(sentence)[qtext].measured or "")


@pytest.mark.parametrize(
    "sentence, qtext, never",
    [
        ("Mining pools were concentrated in the United States (38%) and China (21%).", "21%", "China"),
        ("The device runs on 3,276 W.", "3,276 W", "W"),
        ("Diesel prices fell 12 cents to $3.42 per gallon.", "12 cents", "fell"),
        ("The fund invested $3 billion in Mexico in 2024.", "$3 billion", "Mexico"),
    ],
)
def test_issue_14_measured_is_never_an_agent_unit_or_verb(claims_of, sentence, qtext, never):
    assert (claims_of(sentence)[qtext].measured or "").strip(".") != never


@pytest.mark.parametrize(
    "text,qtext,measured",
    [
        ("FEMA issued the notice with $750 million available.", "$750 million", "funding available"),
        ("A total of $1 billion was available for the two fiscal years.", "A total of $1 billion", "funding available"),
        ("The law made $215 billion available to the facility.", "$215 billion", "funding available to facility"),
        ("Mexico ranked second, after Canada, among markets for U.S. goods exports.", "second", "markets for"),
        ("Mexico ranked first among suppliers of U.S. goods imports.", "first", "suppliers of U.S. goods imports"),
        ("There were 20 beds available.", "20 beds", "beds"),  # a count names its own noun
    ],
)
def test_issue_14_what_is_available_and_what_a_rank_is_among(claims_of, text, qtext, measured):
    assert measured in claims_of(text)[qtext].measured


@pytest.mark.parametrize(
    "text,qtext,measured",
    [
        # a figure predicated of a noun in a small clause measures that noun (measured-small-clause)
        (
            "Job gains rose to 275,000, making the three-month average a strong 265,000.",
            "265,000",
            "three-month average",
        ),
        ("Job gains rose to 275,000, making it a strong month.", "275,000", "Job gains"),  # a pronoun says nothing
    ],
)
def test_issue_14_a_small_clause_names_what_its_figure_measures(claims_of, text, qtext, measured):
    assert claims_of(text, "2024-03-27")[qtext].measured == measured


def test_issue_14_a_small_clause_average_takes_its_window(claims_of):
    got = claims_of("March job gains rose to 275,000, making the three-month average 265,000.", "2024-04-05")
    assert got["265,000"].time.period == "2024-01/2024-03", "its N-month window ends at the clause's month"


# -- non-claims --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("Core inflation was 4 percent over the past 12 months.", "12 months"),
        ("For the 5 months through May, the monthly average was 287,000.", "5 months"),
        ("The two countries signed the agreement in 2012.", "two countries"),
        ("One study found that prices rose 5% last year.", "One study"),
        ("Mining requires electricity to (1) operate the devices and (2) cool them.", "1"),
        ("Trade is a two-way street.", "two"),
        ("Title 42 expired in May.", "42"),
        # membership in a set and 'one such' (patterns.jsonl not-claim-one-of-set, not-claim-one-such)
        ("Diarrhoea is one of the leading causes of death in infants.", "one of the leading causes"),
        ("The port is one of those hubs that never sleeps.", "one of those hubs"),
        ("One such tanker was damaged in 2025.", "One such tanker"),
        # a dotted or lettered section number (patterns.jsonl not-name-section-number)
        ("Under Article 12.4 of the treaty, tariffs fell.", "12.4"),
        ("Section 3b requires a review.", "3b"),
        ("Some 4 million people have type 2 diabetes.", "2 diabetes"),
        # a bracketed enumerator before a capitalised item name
        ("Funding goes to two accounts: (1) Salaries and Expenses and (2) Care of the Building.", "Salaries"),
    ],
)
def test_issue_14_non_claims_are_not_extracted(claims_of, sentence, absent):
    assert not any(absent in text for text in claims_of(sentence)), list(claims_of(sentence))


def test_issue_14_time_windows_are_still_quantities_for_the_quantity_benchmarks(nlp):
    article = make_article("Prices rose 95% over the past three or four years.", article_id="a")
    (with_non_claims,) = process_articles([article], nlp=nlp, non_claims=True)
    (claims_only,) = process_articles([article], nlp=nlp)
    marked = [c for c in with_non_claims.claims if any(r.startswith("not-claim-") for r in c.rule_ids)]
    assert marked and all(c.quantity.text != "95%" for c in marked)
    assert [c.quantity.text for c in claims_only.claims] == ["95%"]


@pytest.mark.parametrize(
    "sentence, qtext, unit",
    [
        ("Total nonfarm payroll employment rose by 236,000 in March.", "236,000", "job"),
        ("Employment in leisure and hospitality rose by 50,000.", "50,000", "job"),
        ("The number of unemployed persons, at 5.8 million, changed little.", "5.8 million", "people"),
        ("The city's population reached 2.3 million in 2020.", "2.3 million", "people"),
        ("Unemployment insurance claims rose by 20,000 last week.", "20,000", None),  # claims, not people
        ("Exports rose by 20,000 in March.", "20,000", None),
        ("Payroll employment rose 0.2 percent.", "0.2 percent", "percent"),
        # a count in brackets right after a share of a plural noun counts that noun
        ("An estimated 85 percent (about 13,700) of museums report having a backlog.", "about 13,700", "museum"),
        ("Some 45 percent (about 300) of the farms closed.", "about 300", "farm"),
        ("Growth was 5% (2.1) in 2020.", "2.1", None),
        # a ratio of people is no count of them, whatever it divides
        ("The ratio of vacancies to unemployment fell to 1.1 in September.", "1.1", None),
        ("The ratio of job seekers to openings was 0.8.", "0.8", None),
    ],
)
def test_issue_14_a_bare_count_takes_the_unit_its_concept_is_counted_in(claims_of, sentence, qtext, unit):
    """news_units.jsonl role count_concept: employment is counted in jobs, the unemployed in people; only
    when the concept word is the head of the measured phrase, and never over a unit the figure has."""
    assert claims_of(sentence)[qtext].quantity.unit == unit


@pytest.mark.parametrize(
    "sentence, qtext, source",
    [
        ("Leisure and hospitality added 72,000 jobs in March.", "72,000 jobs", None),
        ("Analysts added that prices would rise 5% next year.", "5%", "Analysts"),
        (
            "The unemployment rates for adult men (3.4 percent) and women (3.1 percent) showed little change.",
            "3.1 percent",
            None,
        ),
        (
            "A range of estimates suggest the strike will cut output by 0.5 percent.",
            "0.5 percent",
            "range of estimates",
        ),
        ("The model suggests that consumption increased by 0.58 TWh.", "0.58 TWh", "model"),
        ("The Labor Department data showed wages rose 4.2 percent.", "4.2 percent", "Labor Department data"),
        # a document whose participle names who made it stands for that body
        ("Rents rose 6%, according to a study published by the Urban Institute.", "6%", "Urban Institute"),
        ("A survey conducted by Ipsos found that 52% of voters agree.", "52%", "Ipsos"),
        ("A study published last year found that 30% of rivers are polluted.", "30%", "study"),
    ],
)
def test_issue_14_reporting_verbs_that_are_not_reports(claims_of, sentence, qtext, source):
    """'add' with an object adds things (words.jsonl object_not_report); 'show', 'indicate', 'suggest'
    report only for evidence: data, a study, a model, a named body (words.jsonl evidence_verb)."""
    got = claims_of(sentence)[qtext].source
    assert (got.text if got else None) == source


@pytest.mark.parametrize(
    "sentence, qtext, modality",
    [
        ("The most likely death toll is close to 80,000 deaths.", "close to 80,000 deaths", "estimate"),
        ("The toll is very likely to fall between 73,000 and 90,000.", "between 73,000 and 90,000", "estimate"),
        ("Our model finds that more than 70,000 people died in 2025.", "more than 70,000 people", "estimate"),
        ("There is a small chance that the actual number is as high as 100,000.", "as high as 100,000", "hypothetical"),
        ("Trump threatened the EU with 200% tariffs after the EU levied a 50% tariff.", "200%", "hypothetical"),
        ("Trump threatened the EU with 200% tariffs after the EU levied a 50% tariff.", "50%", "asserted"),
        ("Sales rose 5% last year.", "5%", "asserted"),
        ("The fee will be cut from the current $40 per ticket to $30 per ticket.", "$40 per ticket", "asserted"),
        ("The fee will be cut from the current $40 per ticket to $30 per ticket.", "$30 per ticket", "forecast"),
        (
            "With imports currently running at 2 million barrels a day, stocks will fall.",
            "2 million barrels a day",
            "asserted",
        ),
        ("Output is currently expected to reach 5 million tons.", "5 million tons", "forecast"),
        ("Between 1900 and 1920, perhaps eight million people died of cholera.", "eight million people", "estimate"),
        ("Sales were probably 5 million units.", "5 million units", "estimate"),
        ("Only 5,000 people attended.", "5,000 people", "asserted"),
        ("Exports rose 5%, and it will probably rain.", "5%", "asserted"),
    ],
)
def test_issue_14_modality_of_likelihoods_threats_and_models(claims_of, sentence, qtext, modality):
    """'likely', 'probability' mark an estimate, 'chance', 'possibility', 'threaten' a hypothetical (not
    across a subordinate clause: words.jsonl clause_bound_hedge), and what a model finds is an estimate."""
    assert claims_of(sentence)[qtext].modality == modality


def test_issue_14_time_carries_between_percentages_of_a_paragraph(nlp):
    text = (
        "Title\n\n"
        "The jobless rate was 3.5 percent in March. The rate for teenagers was 9.8 percent. "
        "The FOMC keeps its 2 percent target.\n\n"
        "The rate for adults was 3.1 percent."
    )
    (result,) = process_articles(
        [make_article(text, article_id="a", title_from_first_line=True, published="2023-04-07")], nlp=nlp
    )
    got = {c.quantity.text: c for c in result.claims}
    assert got["9.8 percent"].time.period == "2023-03" and "time-carried" in got["9.8 percent"].rule_ids
    assert got["2 percent"].time is None, "a target is a standing figure"
    assert got["3.1 percent"].time is None, "never across a paragraph"


# -- units: cents, rates shared by a change and its level, counts of a clause's concept ----------------
@pytest.mark.parametrize(
    "text, qtext, unit, value_base, unit_base",
    [
        ("Hourly pay rose by 9 cents, or 0.3 percent, to $28.50.", "9 cents", "cent", 0.09, "USD"),
        ("Ringgit shares: Bonia climbed 11 sen to RM2.05.", "11 sen", "cent", 0.11, "MYR"),
        ("The stock lost 4 pence on Monday.", "4 pence", "penny", 0.04, "GBP"),
        ("Diesel increased two cents to $3.04 per gallon.", "two cents", "cent per gallon", 0.02, "USD per gallon"),
        ("Gasoline rose 1 cent from the previous week to $2.69 per gallon.", "1 cent", "cent per gallon", 0.01,
         "USD per gallon"),
        ("Prices fell 11 cents per gallon, to $2.83.", "$2.83", "USD per gallon", 2.83, "USD per gallon"),
        ("Gas was $2.69 per gallon on Monday, up 48 cents from a year ago.", "48 cents", "cent per gallon", 0.48,
         "USD per gallon"),
    ],
)  # fmt: skip
def test_issue_14_cents_are_hundredths_of_the_nearest_currency(claims_of, text, qtext, unit, value_base, unit_base):
    q = claims_of(text)[qtext].quantity
    assert (q.unit, q.unit_base) == (unit, unit_base)
    assert q.value_base == pytest.approx(value_base)


def test_issue_14_a_change_and_an_unrelated_rate_do_not_share_it(claims_of):
    got = claims_of("Revenue rose $5 million, while the shares traded at $30 per share.")
    assert got["$5 million"].quantity.unit == "USD"


@pytest.mark.parametrize(
    "text, qtext, unit",
    [
        ("In May, job growth occurred in dental offices (+12,000) and clinics (+4,000).", "+12,000", "job"),
        ("Hospitals added jobs in May (+11,000).", "+11,000", "job"),
        ("Job losses in furniture stores (-9,000) were offset elsewhere.", "-9,000", "job"),
        ("The number of permanent job losers increased by 172,000.", "172,000", "people"),
        ("The number of new entrants declined by 40,000.", "40,000", "people"),
        ("Researchers put the death toll at more than 70,000.", "more than 70,000", "death"),
        ("The firm's sales rose by 300 in May.", "300", None),
    ],
)
def test_issue_14_a_bare_count_takes_the_unit_of_its_clauses_concept(claims_of, text, qtext, unit):
    assert claims_of(text)[qtext].quantity.unit == unit


def test_issue_14_two_amounts_in_cents_are_two_quantities(claims_of):
    got = claims_of("Prices increased 10 cents and 5 cents per gallon.")
    assert got["10 cents"].quantity.value == 10 and got["5 cents per gallon"].quantity.value == 5


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("The number of job losers increased by 172,000 to 1.6 million.", "172,000", "1.6 million"),
        ("Output grew by 0.5 million to 8.3 million barrels.", "0.5 million", "8.3 million barrels"),
    ],
)
def test_issue_14_by_x_to_y_is_a_change_and_its_level(claims_of, text, first, second):
    got = claims_of(text)
    assert first in got and second in got
    assert claims_of("Prices dropped by 1 to 1.5 million tons.").keys() == {"1 to 1.5 million tons"}


# -- split years, dates right after a figure, reporting periods --------------------------------------
def test_issue_14_a_split_year_is_a_period_not_a_quantity(claims_of):
    got = claims_of("The 2025/26 ending stocks are 271.4 million tons.")
    assert "26" not in got and "/26" not in got
    assert got["271.4 million tons"].time.text == "2025/26" and got["271.4 million tons"].time.period == "2025/26"


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("Funding would increase from $35.9 million for FY2026 to $38.0 million for FY2027.", "FY2026", "FY2027"),
        ("Sales fell from 8 million tons in 2023 to 6 million tons in 2024.", "2023", "2024"),
    ],
)
def test_issue_14_a_date_right_after_each_end_of_a_from_to_pair_is_its_own(claims_of, text, first, second):
    got = sorted(claims_of(text).values(), key=lambda c: c.quantity.start)
    assert [c.time.text for c in got] == [first, second]


def test_issue_14_a_level_after_a_change_has_the_changes_unit(claims_of):
    got = claims_of("Global consumption is increased 4.3 million tons to 818.9 million.")
    assert got["818.9 million"].quantity.unit == "metric ton"


def test_issue_14_a_paragraph_opening_on_a_reporting_period_dates_its_figures(nlp):
    text = (
        "Outlook\n\nThe 2025/26 U.S. wheat outlook is for larger supplies. Supplies are raised 58 million "
        "bushels to 1,985 million.\n\nIn 2023, the agency began a survey. Farms reported 12 million acres."
    )
    (res,) = process_articles([make_article(text, article_id="a", title_from_first_line=True)], nlp=nlp)
    got = {c.quantity.text: c for c in res.claims}
    assert got["58 million bushels"].time.period == "2025/26" and "time-topic" in got["58 million bushels"].rule_ids
    assert got["12 million acres"].time is None  # a calendar year opening a paragraph is narrative


def test_issue_14_a_documents_date_or_a_baseline_month_does_not_block_the_topic_period(nlp):
    text = (
        "Outlook\n\nThe 2025/26 U.S. corn outlook is for larger supplies. Stocks are 207 million bushels higher"
        " based on the September 30 Grain Stocks report. Production is forecast at 16.8 billion bushels, down"
        " 62 million from September. Exports were 40 million bushels in October."
    )
    (res,) = process_articles([make_article(text, article_id="a", title_from_first_line=True)], nlp=nlp)
    got = {c.quantity.text: c for c in res.claims}
    assert got["207 million bushels"].time.period == "2025/26"
    assert got["16.8 billion bushels"].time.period == "2025/26"
    assert got["40 million bushels"].time.text == "October", "a month of the figure's own stays"


@pytest.mark.parametrize(
    "text, qtext, value, bound, unit",
    [
        ("Arrivals swelled their numbers to nearly half-a-million.", "nearly half-a-million", 5e5, "~", None),
        ("The fund spent a half-million dollars.", "a half-million dollars", 5e5, "=", "USD"),
        ("February job gains moved back up to 275,000.", "275,000", 275000, "=", "job"),
        ("The firm will hire up to 400 people.", "up to 400 people", 400, "<=", "people"),
        ("The number of refugees in the camp declined to the current figure of 230,000.", "230,000", 230000, "=",
         "people"),
    ],
)  # fmt: skip
def test_issue_14_hyphenated_halves_back_up_to_and_counts_of_a_generic_subject(
    claims_of, text, qtext, value, bound, unit
):
    q = claims_of(text)[qtext].quantity
    assert (q.value, q.bound, q.unit) == (value, bound, unit)


def test_issue_14_an_index_level_after_a_percent_change_has_no_percent(claims_of):
    got = claims_of("The TA-125 climbed 0.1% to 1,333.18.")
    assert got["1,333.18"].quantity.unit is None


@pytest.mark.parametrize(
    "text, qtext, measured",
    [
        # the level a change reaches measures the subject, not the change's unit
        ("Exports are raised 100 million bushels to 3.1 billion.", "3.1 billion", "Exports"),
        ("The state lowered the auto tariffs to 15%.", "15%", "auto tariffs"),
        # "on" after a change verb gives the cause, not the thing changed
        ("Supplies are projected to increase 11.7 million tons, on higher production.", "11.7 million tons",
         "Supplies"),
        ("The state spent $5 billion on defense.", "$5 billion", "defense"),
        # a period is when, never what
        ("Funding would decrease from $180.1 million for FY2026 to $149.9 million for FY2027.", "$149.9 million",
         "Funding"),
    ],
)  # fmt: skip
def test_issue_14_measured_levels_causes_and_periods(claims_of, text, qtext, measured):
    assert claims_of(text)[qtext].measured.startswith(measured)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("P.L. 119-74 funded these activities.", "74"),
        ("Public Law 117-169 provided $369 billion.", "117-169"),
        ("Executive Orders 14154 and 14241 set the policy.", "14241"),
    ],
)
def test_issue_14_law_numbers_and_lists_of_ids_are_not_quantities(claims_of, text, absent):
    assert absent not in claims_of(text)


def test_issue_14_a_figure_after_a_date_and_a_comma_is_no_id(claims_of):
    assert "40 cents" in claims_of("Diesel rose 4 cents on September 11, 40 cents above a year ago.")


def test_issue_14_a_date_on_a_catenative_verb_dates_the_subjects_figure(claims_of):
    got = claims_of("The participation rate, at 62.6 percent, continued to trend up in March.", published="2023-04-07")
    assert got["62.6 percent"].time.period == "2023-03"


def test_issue_14_a_date_after_a_baseline_figure_is_the_baselines(claims_of):
    got = claims_of("Health care added 34,000 jobs, lower than the average gain of 54,000 over the prior 6 months.")
    assert got["34,000 jobs"].time is None and got["54,000"].time is not None


def test_issue_14_a_series_of_count_changes_carries_its_date(nlp):
    text = (
        "Jobs\n\nHealth care added 51,000 jobs in March. Hospitals added jobs in that month (+11,000). "
        "Clinics added jobs (+4,000)."
    )
    (res,) = process_articles([make_article(text, article_id="a", published="2023-04-07")], nlp=nlp)
    got = {c.quantity.text: c for c in res.claims}
    assert got["+4,000"].time is not None and got["+4,000"].time.period == "2023-03"


@pytest.mark.parametrize(
    "text, qtext, source",
    [
        ("Beginning stocks are 207 million bushels higher based on the September 30 Grain Stocks report.",
         "207 million bushels", "September 30 Grain Stocks report"),
        ("Based on Census data, the population grew 2%.", "2%", "Census data"),
        ("Based on current prices, the deal is worth $5 billion.", "$5 billion", None),
        ("The GDPNow model, based on all current data, predicts growth of 2.1 percent.", "2.1 percent",
         "GDPNow model"),
    ],
)  # fmt: skip
def test_issue_14_based_on_a_named_dataset_is_a_source(claims_of, text, qtext, source):
    c = claims_of(text)[qtext]
    assert (c.source.text if c.source else None) == source


@pytest.mark.parametrize(
    "text, qtext, unit",
    [
        ("Long-grain output is forecast at 152.7 million cwt, and short-grain output is at 54.7 million.",
         "54.7 million", "hundredweight"),
        ("Corn production is forecast at 16.8 billion bushels, down 62 million from September.", "62 million",
         "bushel"),
        ("The rice yield is forecast at 7,506 pounds per acre, down 53 pounds from last month.", "53 pounds",
         "pound per acre"),
        ("Sales were $4.1 billion in 2024 and 3.9 billion in 2025.", "3.9 billion", "USD"),
        ("Unemployment rose 5% to 3 million.", "3 million", "people"),
    ],
)  # fmt: skip
def test_issue_14_a_scaled_figure_left_without_its_unit_takes_the_one_before(claims_of, text, qtext, unit):
    assert claims_of(text)[qtext].quantity.unit == unit


def test_issue_14_a_rate_shared_by_a_change_converts_as_that_rate(claims_of):
    q = claims_of("The rice yield is forecast at 7,506 pounds per acre, down 53 pounds.")["53 pounds"].quantity
    assert q.unit_base == "kilogram per square meter" and q.value_base == pytest.approx(0.00594, rel=1e-3)


def test_issue_14_a_participle_parsed_as_subject_measures_its_noun(claims_of):
    got = claims_of("Projected 2025/26 global ending stocks are raised 7.4 million tons to 271.4 million.")
    assert "ending stocks" in got["271.4 million"].measured


def test_issue_14_an_outlook_opening_makes_the_paragraphs_figures_forecasts(nlp):
    text = (
        "Report\n\nWHEAT: The outlook for 2025/26 U.S. wheat is for larger supplies. Supplies are raised 58 "
        "million bushels to 1,985 million.\n\nThe 2025/26 harvest report is final. Farms reported 12 million acres."
    )
    (res,) = process_articles([make_article(text, article_id="a", title_from_first_line=True)], nlp=nlp)
    got = {c.quantity.text: c for c in res.claims}
    assert got["58 million bushels"].time.period == "2025/26" and got["58 million bushels"].modality == "forecast"
    assert got["12 million acres"].time.period == "2025/26" and got["12 million acres"].modality == "asserted"


@pytest.mark.parametrize(
    "text, qtext, modality",
    [
        ("Funding would increase to $38.0 million for FY2027.", "$38.0 million", "asserted"),
        ("The bill would provide $5 billion.", "$5 billion", "asserted"),
        ("Prices would rise 5% if the tariff takes effect.", "5%", "hypothetical"),
        ("The company would lose $2 billion.", "$2 billion", "hypothetical"),
    ],
)
def test_issue_14_what_a_proposal_would_do_is_stated(claims_of, text, qtext, modality):
    assert claims_of(text)[qtext].modality == modality


def test_issue_14_a_paragraphs_opening_sentence_runs_past_us(nlp):
    text = (
        "Report\n\nCOARSE GRAINS: This month's 2025/26 U.S. corn outlook is for increases in supply. "
        "Exports are raised 100 million bushels to 3.1 billion."
    )
    (res,) = process_articles([make_article(text, article_id="a", title_from_first_line=True)], nlp=nlp)
    got = {c.quantity.text: c for c in res.claims}
    assert got["100 million bushels"].modality == "forecast"


@pytest.mark.parametrize(
    "text, qtext, change",
    [
        ("The workweek edged down by 0.1 hour to 34.4 hours.", "0.1 hour", "down"),
        ("Prices edged up 0.2% in May.", "0.2%", "up"),
        ("Exports are raised 100 million bushels to 3.1 billion.", "100 million bushels", "up"),
        ("The Fed raised rates by 0.25 percentage point.", "0.25 percentage point", "up"),
        ("The company raised $50 million from investors.", "$50 million", None),
        ("Employment in retail trade changed little in March (-15,000).", "-15,000", "down"),
        ("Temperatures fell to -5 degrees.", "-5 degrees", None),
        ("Stocks were 18.9 million barrels (18.7%) lower than a year ago.", "18.9 million barrels", "down"),
        ("Stocks were 18.9 million barrels (18.7%) lower than a year ago.", "18.7%", "down"),
    ],
)
def test_issue_14_change_particles_raised_bracketed_signs_and_restatements(claims_of, text, qtext, change):
    assert claims_of(text)[qtext].quantity.change == change


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        ("Twelve-month inflation, as measured by the PCE index, was 2.6 percent in December.", "2.6 percent",
         "2023-01/2023-12"),
        ("The six-month rate for PCE inflation was even lower, at 2 percent in December.", "2 percent",
         "2023-07/2023-12"),
        ("Inflation was 3 percent in December.", "3 percent", "2023-12"),
    ],
)  # fmt: skip
def test_issue_14_a_rate_over_a_window_covers_the_window(claims_of, text, qtext, period):
    assert claims_of(text, published="2024-02-07")[qtext].time.period == period


@pytest.mark.parametrize(
    "text, qtext, time",
    [
        ("There are about 10,000 malaria cases per year in Western Europe.", "about 10,000 malaria cases", "per year"),
        ("The disease costs Africa US$12 billion every year.", "US$12 billion", "every year"),
        ("In 2024, 125 million travellers visited the region each year.", "125 million travellers", "2024"),
        ("GDP increased only 0.4% per year over the period 1965 to 1990.", "0.4%", "period 1965 to 1990"),
    ],
)
def test_issue_14_how_often_when_no_date_applies(claims_of, text, qtext, time):
    assert claims_of(text)[qtext].time.text == time


def test_issue_14_a_period_named_as_such_is_read():
    from claimx.periods import parse_period

    assert parse_period("the period 1965 to 1990").label == "1965/1990"
    assert parse_period("years of growth") is None


@pytest.mark.parametrize(
    "text, qtext, unit",
    [
        ("Others estimated the number of cases at between 350 and 550 million.", "between 350 and 550 million", "case"),
        ("The number of cars rose by 5,000.", "5,000", "car"),
    ],
)
def test_issue_14_the_number_of_x_counts_x(claims_of, text, qtext, unit):
    assert claims_of(text)[qtext].quantity.unit == unit


@pytest.mark.parametrize(
    "text, qtext, unit, bound",
    [
        ("Yields rose more than a percentage point.", "more than a percentage point", "percentage point", ">"),
        ("Rates rose a basis point in May.", "a basis point", "basis point", "="),
    ],
)
def test_issue_14_a_percentage_point_is_one(claims_of, text, qtext, unit, bound):
    q = claims_of(text)[qtext].quantity
    assert (q.value, q.unit, q.bound) == (1, unit, bound)


def test_issue_14_a_percentage_is_no_quantity(claims_of):
    assert claims_of("It was a percentage of sales.") == {}


def test_issue_14_a_restatement_after_the_change_noun_shares_the_change(claims_of):
    got = claims_of("This is a 5.9 percent increase (or $48.2 million) over the FY 2026 enacted level.")
    assert got["$48.2 million"].quantity.change == "up"


@pytest.mark.parametrize(
    "text, qtext, source",
    [
        ("The WHO estimates that in 2015 there were 214 million new cases of malaria.", "214 million new cases",
         "WHO"),
        ("A 2012 study demonstrated that roughly one-third of the medicines failed.", "roughly one-third",
         "2012 study"),
        ("He demonstrated that 3 of 4 worked.", "3", None),
    ],
)  # fmt: skip
def test_issue_14_an_acronym_like_a_pronoun_and_evidence_that_demonstrates(claims_of, text, qtext, source):
    c = claims_of(text)[qtext]
    assert (c.source.text if c.source else None) == source


@pytest.mark.parametrize(
    "text, qtext, source",
    [
        ("The agency reported that in 2023 there were 12,000 crashes leading to 300 deaths.", "300 deaths",
         "agency"),
        ("Officials said 40 people were hurt; another 12 people remain missing.", "12 people", "Officials"),
    ],
)  # fmt: skip
def test_issue_14_a_source_is_shared_by_the_figures_after_it_in_its_sentence(claims_of, text, qtext, source):
    c = claims_of(text)[qtext]
    assert c.source.text == source and "src-sentence-shared" in c.rule_ids


def test_issue_14_a_source_is_not_shared_backwards_or_across_sentences(claims_of):
    got = claims_of("Exports rose 5% in May. The ministry said imports fell 3%.")
    assert got["5%"].source is None


@pytest.mark.parametrize(
    "text, qtext, modality",
    [
        ("Malaria may be responsible for 30–50% of hospital admissions.", "30–50%", "estimate"),
        ("The rules could save approximately $3 billion over a decade.", "approximately $3 billion", "estimate"),
        ("The firm could hire 200 workers.", "200 workers", "hypothetical"),
        ("If approved, the plant could produce about 500 tons.", "about 500 tons", "hypothetical"),
    ],
)
def test_issue_14_a_range_or_approximation_under_may_or_could_is_an_estimate(claims_of, text, qtext, modality):
    assert claims_of(text)[qtext].modality == modality


@pytest.mark.parametrize(
    "text, qtext, time",
    [
        ("Sixty thousand soldiers died of malaria during World War II.", "Sixty thousand soldiers", "World War II"),
        ("The ratio was 1.2 before the pandemic.", "1.2", "before the pandemic"),
        # a date of the clause wins over the era
        ("Sales fell 5% in 2020 during the pandemic.", "5%", "2020"),
    ],
)
def test_issue_14_an_era_named_by_an_event_is_a_time(claims_of, text, qtext, time):
    assert claims_of(text)[qtext].time.text == time


def test_issue_14_a_coordinated_figure_measures_what_the_figure_before_it_measures(claims_of):
    got = claims_of("The Fed temporarily raised the limit to $10 billion in 1989 and $20 billion in 1995.")
    assert got["$20 billion"].measured == "limit"
    got = claims_of("Exports reached $5 billion and farmers sold 12 tons of grain.")
    assert got["12 tons"].measured == "grain"


@pytest.mark.parametrize(
    "sentence, qtext, period",
    [
        # time-dated-subject: a dated subject dates the figure, whatever the verb, unless it is an agent
        (
            "Projected 2025/26 ending stocks are raised 7.4 million tons to 271.4 million.",
            "7.4 million tons",
            "2025/26",
        ),
        ("A 2019 survey found that 40% of farmers use drones.", "40%", "2019"),
        ("The firm puts the 2023 revenue at $3 billion.", "$3 billion", "2023"),
        ("February job gains moved back up to 275,000.", "275,000", "2024-02"),
        ("The 2024 law cut the fee to $50.", "$50", None),
        # a year and the period noun it names are one date
        ("In the 2020 calendar year, the charity received $94 million.", "$94 million", None),
        # a date in a participle on the figure's noun, after 'Effective', or after 'as of' right after it
        ("The bank approved a $20 billion loan extended to Chile in 2025.", "$20 billion", "2025"),
        ("Effective March 1, 2026, the state raised the toll to $5.", "$5", "2026-03-01"),
        ("Claims rose to over 4.6 million as of October 2021, from 183,000 in 2019.", "over 4.6 million", "2021-10"),
        ("The agency made 40 loans, of which 9 defaulted, as of June 2025.", "40 loans", "2025-06"),
        ("Firms earn 30% of their revenue abroad, and Asia was the largest market as of 2017.", "30%", None),
        # time-change-baseline: a dated change with its baseline's period spans both
        ("Deaths in 2015 were reduced by 60% from a 2000 estimate.", "60%", "2000/2015"),
        (
            "Stocks are raised 7.4 million tons in 2025/26, the first increase since 2019/20.",
            "7.4 million tons",
            "2025/26",
        ),
        # time-change-past-baseline: a change whose nearest date is its baseline reaches the later period
        # of its clause
        ("At the end of last year, 4,100 firms were listed, a 9% rise from 2021.", "9%", "2023"),
        ("In 2023, the agency requested $4.2 million (-12% from 2022).", "-12%", "2022/2023"),
        ("For FY2027, the Service requested $8.1 million (+3% from FY2026).", "+3%", "FY2026/FY2027"),
        ("Exports rose 12% from 2019.", "12%", "2019"),  # a baseline alone stays
        # a deictic period right after the figure or its bracket is its own, whatever the parse
        (
            "Analysts expect diesel prices to average $4.10 per gallon (gal) this winter, 12% lower than last winter.",
            "$4.10 per gallon",
            "2024-12/2025-02",
        ),
        # a participle dating the figure's noun ("the FY2026 enacted amount of $1.65 billion")
        ("The plan cut $2 million from the 2022 approved budget of $9 million.", "$9 million", "2022"),
        ("The plan cut $2 million from the 2022 approved budget of $9 million.", "$2 million", None),
    ],
)
def test_issue_14_dates_on_subjects_period_nouns_participles_and_stamps(claims_of, sentence, qtext, period):
    time = claims_of(sentence, published="2024-03-27")[qtext].time
    assert (time.period if time else None) == period


def test_issue_14_one_in_n_measures_its_counted_noun(claims_of):
    got = claims_of("One in five teachers are regularly absent, the World Bank said.")["One in five teachers"]
    assert (got.measured, got.quantity.unit, got.quantity.value_base) == ("teachers", "fraction", 0.2)


def test_issue_14_a_year_names_its_period_noun(claims_of):
    got = claims_of("In the 2020 calendar year, the charity received $94 million.")["$94 million"]
    assert (got.time.text, got.time.year) == ("2020 calendar year", 2020)


def test_issue_14_that_year_points_back_to_the_period_the_text_named(nlp):
    text = "In 2012, there were 207 million cases. That year, the disease killed about 600,000 people."
    (res,) = process_articles([make_article(text, article_id="a", published="2024-06-15")], nlp=nlp)
    got = {c.quantity.text: c for c in res.claims}["about 600,000 people"]
    assert got.time.period == "2012" and "time-anaphora" in got.rule_ids
    (res,) = process_articles([make_article(text.split(". ")[1], article_id="b")], nlp=nlp)
    assert res.claims[0].time.period is None, "nothing named before: never the writing's year"


def test_issue_14_a_title_span_of_years_dates_undated_figures(nlp):
    text = (
        "Appointments to the Court (1975-2022)\n\n"
        "The average nominee waited 67 days. In 1987, three vacancies needed two nominations."
    )
    (res,) = process_articles([make_article(text, article_id="a", title_from_first_line=True)], nlp=nlp)
    got = {c.quantity.text: c for c in res.claims}
    assert got["67 days"].time.period == "1975/2022" and "time-title-span" in got["67 days"].rule_ids
    assert got["three vacancies"].time.period == "1987", "a figure's own date wins"
    (res,) = process_articles(
        [make_article("Sudan's death toll in 2025\n\nThe toll is 5,000.", article_id="b", title_from_first_line=True)],
        nlp=nlp,
    )
    assert res.claims[0].time is None, "a single year in a title is a topic, not a coverage"


@pytest.mark.parametrize(
    "sentence, qtext, unit, measured",
    [
        # unit-number-of: a bare figure after "the number of X" is in X
        ("Bork waited the greatest number of days (108), followed by Thomas (99).", "99", "day", None),
        # the span a duration is measured over ("from A to B") is what it measures
        (
            "The average number of days from nomination to final vote was 66.5 days.",
            "66.5 days",
            "day",
            "days from nomination to final vote",
        ),
    ],
)
def test_issue_14_number_of_units_and_from_to_spans(claims_of, sentence, qtext, unit, measured):
    got = claims_of(sentence)[qtext]
    assert got.quantity.unit == unit
    if measured:
        assert got.measured == measured


@pytest.mark.parametrize(
    "sentence, qtext, source",
    [
        ("Some 40% of voters polled by Gallup approve of the plan.", "Some 40%", "Gallup"),  # src-agent
        ("About 30% of firms surveyed by the central bank expect higher prices.", "About 30%", "central bank"),
        ("Students score high: 91 percent of them reported feeling happy.", "91 percent", None),  # respondents
        ("One report said 280 ships were held.", "280 ships", "One report"),  # 'one' is an article there
        # src-data-owner: the owner of an estimate, forecast or survey the figure is in or the subject of
        (
            "The Uppsala Conflict Data Program’s estimate of 60,000 killed is low.",
            "60,000",
            "Uppsala Conflict Data Program",
        ),
        ("The IMF's forecast is 3.1% growth.", "3.1%", "IMF"),
        # a relay yields to the originator its sentence names
        (
            "Tourism earns at least one-third of revenue, Zion Market Research has found, as cited by TTG Asia.",
            "at least one-third",
            "Zion Market Research",
        ),
        ("Sales rose 5%, as cited by Reuters.", "5%", "Reuters"),
    ],
)
def test_issue_14_pollsters_are_sources_and_respondents_are_not(claims_of, sentence, qtext, source):
    got = claims_of(sentence)[qtext].source
    assert (got.text if got else None) == source


def test_issue_14_who_says_so_is_never_what_is_measured(claims_of):
    got = claims_of("The World Bank has claimed that 55 percent of graduates are functionally illiterate.")
    assert got["55 percent"].source.text == "World Bank" and got["55 percent"].measured != "World Bank"


def test_issue_14_a_fiscal_year_title_dates_undated_amounts_not_counts(nlp):
    text = "Agency Budget Request for FY2027\n\nThe request seeks $9.7 billion. The agency has 94 offices."
    (res,) = process_articles([make_article(text, article_id="a", title_from_first_line=True)], nlp=nlp)
    got = {c.quantity.text: c for c in res.claims}
    assert got["$9.7 billion"].time.period == "FY2027" and "time-title-fiscal" in got["$9.7 billion"].rule_ids
    assert got["94 offices"].time is None, "a count of offices is not the year's"


def test_issue_14_a_change_against_an_earlier_fiscal_year_spans_to_the_titles(nlp):
    text = (
        "Agency Budget Request for FY2027\n\nThe request is $52 million less (-37%) than the FY2026 enacted "
        "appropriation. It is a 5.9 percent increase over the FY 2026 enacted level for mapping. Staff pay would "
        "rise 3% from its FY2028 plan. The request seeks $9.7 billion."
    )
    (res,) = process_articles([make_article(text, article_id="a", title_from_first_line=True)], nlp=nlp)
    got = {c.quantity.text: c.time.period if c.time else None for c in res.claims}
    assert got["$52 million"] == got["-37%"] == got["5.9 percent"] == "FY2026/FY2027"
    assert got["$9.7 billion"] == "FY2027", "a level keeps the title's year"
    assert got["3%"] != "FY2028/FY2027", "a later year is no baseline of the title's"


def test_issue_14_a_figure_opening_a_bracket_after_a_date_is_the_dates(claims_of):
    got = claims_of("The total includes supplemental funding enacted for FY2026 ($28 million; see below).")
    assert got["$28 million"].time.period == "FY2026"


@pytest.mark.parametrize(
    "sentence, qtext, modality",
    [
        # a verb whose "in" object is a proposal noun states what the proposal contains
        (
            "The program would decrease in funding from $41.0 million to $25.2 million.",
            "$25.2 million",
            "asserted",
        ),
        ("The program would decrease by $4 million if Congress agrees.", "$4 million", "hypothetical"),
    ],
)
def test_issue_14_proposals_and_valuations(claims_of, sentence, qtext, modality):
    assert claims_of(sentence)[qtext].modality == modality


@pytest.mark.parametrize(
    "sentence, qtext",
    [
        ("By tracking 8,000 patients over seven years, the study found 12% relapsed.", "8,000 patients"),
        ("Researchers followed 2,000 households for 18 months.", "2,000 households"),
    ],
)
def test_issue_14_a_bare_duration_is_how_long_not_when(claims_of, sentence, qtext):
    """'over seven years', 'for 18 months': a count of time units that nothing places is a duration, not
    the period the figure refers to."""
    assert claims_of(sentence, published="2024-03-27")[qtext].time is None


def test_issue_14_a_figure_in_dashes_after_a_noun_is_about_that_noun(claims_of):
    """'about 7% of rural Kenyans — over 2 million — ...': the restating count measures the people named."""
    sentence = (
        "Planners had projected that by 2050, about 7% of rural Kenyans — over 2 million — would lack clean water."
    )
    assert claims_of(sentence)["over 2 million"].measured == "rural Kenyans"


@pytest.mark.parametrize(
    "text, qtext, unit",
    [
        ("The backlog of unprocessed tax returns grew from 183,000 in 2019.", "183,000", "return"),
        ("The agency proposed to reduce the total employee count from 6,513 to 5,861.", "6,513", "employee"),
        ("The count of ballots reached 2,000.", "2,000", "ballot"),
        ("The total rose to 500.", "500", None),
        ("The backlog of work grew to 400.", "400", None),
        ("The case number is now 2,222.", "2,222", None),  # a number before a noun names, it does not count
    ],
)
def test_issue_14_a_count_noun_counts_its_of_noun_or_compound(claims_of, text, qtext, unit):
    """A bare figure of a count noun (words.jsonl role count_head: number, count, backlog, tally, toll) is in
    the plural noun it counts ('the backlog of tax returns') or the noun compounded before it ('employee
    count'), also when the noun is the object of an infinitive ('proposed to reduce'); rule unit-count-head."""
    assert claims_of(text)[qtext].quantity.unit == unit


@pytest.mark.parametrize(
    "text, qtext, bound",
    [
        ("Within 14 days of the order, the agency was to act.", "Within 14 days", "<="),
        ("The town lies within 5 miles of the border.", "within 5 miles", "<="),
        ("Refunds arrive within 9-12 weeks.", "9-12 weeks", "="),
    ],
)
def test_issue_14_within_a_figure_is_at_most_that_figure(claims_of, text, qtext, bound):
    """'within 14 days' is a deadline: at most 14 days (rule bound-within); a range after 'within' stays a range."""
    assert claims_of(text)[qtext].quantity.bound == bound


def test_issue_14_within_the_last_years_is_no_bound(claims_of):
    assert all(c.quantity.bound == "=" for c in claims_of("Prices rose within the last 10 years.").values())


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        ("Funding would increase to $533 million annually for FY2028 through FY2031.", "$533 million", "FY2028/FY2031"),
        ("For FY2024 and FY2025, USDA allocated $300 million annually.", "$300 million", "FY2024/FY2025"),
        ("It spent $5 billion in FY2020-2023.", "$5 billion", "FY2020/FY2023"),
        ("It spent $5 billion in FY2020 and $6 billion in FY2021.", "$5 billion", "FY2020"),
        ("Funding fell from $41.0 million for FY2026 to $25.2 million for FY2027.", "$25.2 million", "FY2027"),
    ],
)
def test_issue_14_two_fiscal_years_joined_are_one_span(claims_of, text, qtext, period):
    """'FY2028 through FY2031', 'FY2024 and FY2025', 'FY2020-2023' are one span of fiscal years; a figure
    between two fiscal years keeps its own."""
    assert claims_of(text, published="2026-04-21")[qtext].time.period == period


@pytest.mark.parametrize(
    "text, qtext, measured",
    [
        ("The number of persons employed part time for economic reasons was unchanged at 4.1 million.",
         "4.1 million", "persons employed part time for economic reasons"),
        ("The number of persons not in the labor force who want a job was 4.9 million.", "4.9 million",
         "persons not in the labor force"),
        ("The number of people living in poverty rose to 37.9 million.", "37.9 million", "people living in poverty"),
        ("Sixty-five percent of students surveyed by PISA said so.", "Sixty-five percent", "students surveyed"),
    ],
)  # fmt: skip
def test_issue_14_a_noun_of_people_keeps_the_words_that_restrict_it(claims_of, text, qtext, measured):
    """'persons' alone says little: a participle, a prepositional or negated phrase after a noun of people
    is part of the measured concept, up to the clause's verb, a relative pronoun, an agent ('by PISA') or a
    figure (phrases._who_complement); the count still counts people."""
    c = claims_of(text)[qtext]
    assert c.measured == measured
    assert c.quantity.unit in (None, "percent", "people", "person") and (
        c.quantity.unit == "percent" or c.quantity.unit_base == "people"
    )


def test_issue_14_the_base_of_a_rate_lends_no_unit_to_the_figures_after_it(claims_of):
    got = claims_of(
        "Countries with the highest death rate per 100,000 people were Ivory Coast (86.15) and Angola (56.93)."
    )
    assert got["56.93"].quantity.unit is None, "56.93 deaths per 100,000, not 56.93 people"
    got = claims_of("At least 11 mineral commodities were produced, with imports for an additional 31.")
    assert got["31"].quantity.unit == "commodity", "an elided count still takes the count before it"


def test_issue_14_a_coordinated_verb_with_its_own_date_is_not_dated_by_the_first(claims_of):
    got = claims_of(
        "Retail sales fell sharply in January and then retraced about half of that decline in February.",
        published="2024-03-27",
    )
    assert got["about half"].time.period == "2024-02"
    got = claims_of("Exports fell 4 percent in March and then rose 6 percent in April.", published="2024-06-01")
    assert (got["4 percent"].time.period, got["6 percent"].time.period) == ("2024-03", "2024-04")
    got = claims_of("Inflation peaked at 7.1 percent in June 2022 and has since fallen to 2.6 percent.")
    assert got["2.6 percent"].time is None, "'has since fallen to': after June 2022, the peak's date, not its own"
    got = claims_of(
        "On February 20, 2026, the President lifted the tariffs and imposed a 10% tariff under Section 122 "
        "of the Trade Act of 1974."
    )
    assert got["10%"].time.period == "2026-02-20", "a year inside a law's name is not the conjunct's date"


def test_issue_14_over_the_month_of_a_release_is_the_month_it_reports(claims_of):
    got = claims_of(
        "Employment rose in March 2023. The number of persons not in the labor force was little changed over "
        "the month at 5.2 million.",
        published="2023-04-07",
    )
    assert got["5.2 million"].time.period == "2023-03"
    text = (
        "Employment is above its February 2020 level. Health care continued to trend up in March (+26,000).\n\n"
        "Over the month, health care added 34,000 jobs."
    )
    assert claims_of(text, published="2023-04-07")["34,000 jobs"].time.period == "2023-03", (
        "a new paragraph: the month the text last dated a figure to, not the last year it named"
    )
    got = claims_of("The program will run for a month with 300 participants.")
    assert got["300 participants"].time is None


def test_issue_14_a_level_set_off_by_commas_is_the_level_of_the_noun_before_it(claims_of):
    got = claims_of(
        "Both the unemployment rate, at 3.5 percent, and the number of unemployed persons, at 5.8 million, "
        "changed little in March."
    )
    assert got["3.5 percent"].measured == "unemployment rate"
    assert got["5.8 million"].measured == "unemployed persons", "not the subject of the first conjunct"
    got = claims_of("Prices fell, at 3 percent, the most since 2020.")
    assert got["3 percent"].measured == "Prices", "after a verb, not a noun: the clause decides"


def test_issue_14_a_category_of_two_coordinated_nouns_before_its_figure_is_one_concept(claims_of):
    got = claims_of("Couriers and messengers (+7,000) and air transportation (+6,000) added jobs.")
    assert got["+7,000"].measured == "Couriers and messengers", "the conjunct after the figure is the next item"
    assert got["+6,000"].measured == "air transportation"


def test_issue_14_a_windowed_rate_keeps_its_window_for_the_time(claims_of):
    got = claims_of("Core PCE inflation fell to a 12-month rate of 2.9 percent in December.", published="2024-02-22")
    assert got["2.9 percent"].measured == "12-month rate of Core PCE inflation"
    assert got["2.9 percent"].time.period == "2023-01/2023-12"


@pytest.mark.parametrize(
    "sentence, qtext, source",
    [
        ("The median projection in the SEP is 2.8 percent this year.", "2.8 percent", "SEP"),
        ("The latest estimate from the CBO is $1.9 trillion.", "$1.9 trillion", "CBO"),
        ("The estimate in March was 5%.", "5%", None),  # a date, not a publisher
        ("The forecast in Canada is 2%.", "2%", None),  # a place
    ],
)  # fmt: skip
def test_issue_14_the_document_or_body_a_data_noun_is_in_or_from_is_the_source(claims_of, sentence, qtext, source):
    got = claims_of(sentence)
    assert (got[qtext].source.text if got[qtext].source else None) == source


@pytest.mark.parametrize(
    "sentence, qtext, source",
    [
        ("Data from the Census Bureau show exports rose 5 percent.", "5 percent", "Census Bureau"),
        ("Census Bureau data show exports rose 5 percent.", "5 percent", "Census Bureau data"),
        ("Official data show unemployment fell to 4 percent.", "4 percent", None),  # names no one
        # data or estimates that name no one are the writer's own reading, whatever they were made from
        ("Recent data indicate productivity has grown at a 1.8 percent annual rate.", "1.8 percent", None),
        ("Estimates based on the Consumer Price Index indicate that prices rose 2.5 percent.", "2.5 percent", None),
        ("A rough estimate suggests inflation was 3 percent.", "3 percent", None),
        ("The BLS's figures show wages rose 4 percent.", "4 percent", "BLS's figures"),
        ("Figures released by Eurostat on Tuesday showed inflation at 2.4 percent.", "2.4 percent", "Eurostat"),
        ("The Netflix show drew 5 million viewers.", "5 million viewers", None),  # a show, not a verb
    ],
)  # fmt: skip
def test_issue_14_data_show_the_tagger_reads_as_a_noun_still_names_its_source(claims_of, sentence, qtext, source):
    got = claims_of(sentence)[qtext].source
    assert (got.text if got else None) == source


def test_issue_14_a_census_year_dates_its_counts(claims_of):
    got = claims_of("The population was 2,794,356 in the 2021 census.")
    assert got["2,794,356"].time.period == "2021"
    got = claims_of("At the 2011 census, 56 percent of residents were Christian.")
    assert got["56 percent"].time.period == "2011"


def test_issue_14_a_weekday_right_after_a_figure_is_its_day(claims_of):
    got = claims_of("The death toll rose to 64, up from 27 on Monday.", published="2025-03-14")
    assert got["27"].time.period == "2025-03-10"
    got = claims_of("Trump levied 25% tariffs on Wednesday.", published="2025-03-14")
    assert got["25%"].time is None, "a level set that day, its noun between: not the figure's day"


def test_issue_14_a_period_in_a_relative_clause_of_the_subject_dates_the_figure(claims_of):
    """'Households that heat with oil during the 2014-15 winter will spend 27% less': the period the subject's
    people act in is the figure's. A clause set off by a comma says nothing of the figure's time."""
    got = claims_of("Households that heat with oil during the 2014-15 winter will spend 27% less.")
    assert got["27%"].time.period == "2014-12/2015-02"
    got = claims_of("Spending by families who travel during the summer of 2024 will be $900 on average.")
    assert got["$900"].time.text.endswith("2024")
    got = claims_of("The company, which grew during the 1990s, earned $5 million in profit.")
    assert got["$5 million"].time is None


def test_issue_14_a_date_opening_the_subjects_phrase_dates_the_figure_however_parsed(claims_of):
    """'Projected 2025/26 all rice ending stocks are lowered by 1.5 million cwt': the parser makes 'Projected' a
    clause of its own, yet the marketing year is the subject's. Not a date set off by a verb or a comma."""
    got = claims_of("Projected 2025/26 all rice ending stocks are lowered by 1.5 million cwt to 51.9 million.")
    assert got["1.5 million cwt"].time.period == "2025/26" and got["51.9 million"].time.period == "2025/26"
    got = claims_of("Estimated 2024 global copper output rose by 3% to 22 million tons.")
    assert got["3%"].time.period == "2024"


def test_issue_14_a_bare_count_carries_the_counted_noun_of_a_rate_not_the_rate(claims_of):
    got = claims_of("The density was 743.6 people per square mile. Of them, 1,145 were White.")
    assert got["1,145"].quantity.unit == "people" and "unit-carried" in got["1,145"].rule_ids


def test_issue_14_a_period_is_never_what_a_figure_measures(claims_of):
    got = claims_of("Payrolls rose 353,000 in January, and the prior two months were revised up by a combined 126,000.")
    assert got["126,000"].measured is None, "'the prior two months' says when, not what"
    assert claims_of("The wait lasted 12 months.")["12 months"].measured == "wait"


# what a figure measures, one phenomenon per id (each case a sentence of our own): the criterion of a ranking,
# the span a duration runs over, a statistic named alone, a participle and noun the tagger split, what a change
# noun changes, what a rate of change measures (its window kept), a measure per head, a people a share is of
@pytest.mark.parametrize(
    "sentence, qtext, measured",
    [
        pytest.param(
            "Countries with the highest death rate per 100,000 people were Ivory Coast (86.15) and Angola (56.93).",
            "56.93",
            "death rate (Angola)",  # the criterion, and whose value it is
            id="ranking-criterion",
        ),
        pytest.param(
            "The top five countries, based on reported power consumption, were the United States (75.4%) and "
            "Canada (7.1%).",
            "7.1%",
            "reported power consumption (Canada)",
            id="ranking-criterion",
        ),
        pytest.param(
            "The states with the highest unemployment rates were Nevada (5.4%) and California (5.3%).",
            "5.4%",
            "unemployment rates (Nevada)",
            id="ranking-criterion",
        ),
        pytest.param(
            "Among the states, unemployment rates were highest in Nevada (5.4%).",
            "5.4%",
            "unemployment rates (Nevada)",
            id="ranking-criterion",
        ),
        pytest.param(
            "The average number of days from nomination to first committee hearing was 40 days.",
            "40 days",
            "days from nomination to first committee hearing",
            id="duration-span",
        ),
        pytest.param(
            "The number of days from filing to a final decision was 12 days.",
            "12 days",
            "days from filing to a final decision",
            id="duration-span",
        ),
        pytest.param(
            "The average time from diagnosis to treatment was 3 weeks.",
            "3 weeks",
            "average time from diagnosis to treatment",
            id="duration-span",
        ),
        pytest.param(
            "The average number of days from nomination to final vote was 66.5 days (the median was 67.5 days).",
            "67.5 days",
            "median days from nomination to final vote",
            id="lone-statistic",
        ),
        pytest.param(
            "Average hourly earnings were $33.18, while the median was $28.00.",
            "$28.00",
            "median hourly earnings",
            id="lone-statistic",
        ),
        pytest.param("The median was 12 days.", "12 days", "median", id="lone-statistic"),
        pytest.param(
            "For the seven Justices serving, the average number of days from nomination to hearing was 40 days "
            "(the median was 44 days).",
            "44 days",
            "median days from nomination to hearing",
            id="lone-statistic",
        ),
        pytest.param(
            "Mean household income was $90,000 (median: $70,000).",
            "$90,000",
            "Mean household income",
            id="lone-statistic",
        ),
        pytest.param(
            "Global corn ending stocks are down fractionally to 281.3 million tons.",
            "281.3 million tons",
            "Global corn ending stocks",
            id="participle-noun",
        ),
        pytest.param(
            "U.S. wheat ending stocks are raised 3 percent.",
            "3 percent",
            "U.S. wheat ending stocks",
            id="participle-noun",
        ),
        pytest.param(
            "Beginning stocks are 207 million bushels higher.",
            "207 million bushels",
            "Beginning stocks",
            id="participle-noun",
        ),
        pytest.param("Hiring workers cost $5 million.", "$5 million", "Hiring workers", id="participle-noun"),
        pytest.param("The plan calls for a 5% increase in prices.", "5%", "prices", id="change-noun"),
        pytest.param("Output fell on a 0.7-bushel reduction in yield.", "0.7-bushel", "yield", id="change-noun"),
        pytest.param("The plan calls for a 5% increase.", "5%", "increase", id="change-noun"),
        pytest.param(
            "Real GDP grew at a little more than a 2 percent pace.",
            "more than a 2 percent",
            "Real GDP",
            id="rate-of-change",
        ),
        pytest.param("Inflation is dipping below a 3 percent rate.", "3 percent", "Inflation", id="rate-of-change"),
        pytest.param(
            "The increase in average hourly earnings has slowed to an annualized rate of 3.2 percent.",
            "3.2 percent",
            "annualized rate of average hourly earnings",
            id="rate-of-change",
        ),
        pytest.param("The unemployment rate rose to 4 percent.", "4 percent", "unemployment rate", id="rate-of-change"),
        pytest.param("GDP per capita was $45,000.", "$45,000", "GDP per capita", id="per-head"),
        pytest.param(
            "Health spending per person reached $12,000 in 2022.",
            "$12,000",
            "Health spending per person",
            id="per-head",
        ),
        pytest.param("GDP was $2 trillion.", "$2 trillion", "GDP", id="per-head"),
        pytest.param("About a third of Americans own a gun.", "About a third", "Americans", id="people-share"),
        pytest.param(
            "60 percent of Canadians support the plan.",
            "60 percent",
            "Canadians who support the plan",
            id="people-share",
        ),
        # a place's bracketed share, the clause naming no measure: the place is all there is
        pytest.param("The United States (38%) and China (21%) lead.", "38%", "United States", id="people-share"),
        pytest.param(
            "Health care added 34,000 jobs, lower than the average monthly gain of 54,000 over the prior 6 months.",
            "54,000",
            "average monthly gain",
            id="of-noun-beats-elided-unit",
        ),
        pytest.param(
            "At least 11 mineral commodities were produced, with imports for an additional 31.",
            "31",
            "mineral commodities",
            id="elided-count",
        ),
        pytest.param(
            "The newest rig runs at a hashrate of 255 terahashes per second.",
            "255 terahashes per second",
            "hashrate",
            id="rate-of-counted-noun-measures-its-of-noun",
        ),
        pytest.param(
            "The island has a density of 281 people per square kilometre.",
            "281 people per square kilometre",
            "density",
            id="density-of-people-per-area",
        ),
        pytest.param(
            "The clinic treated 40 patients per day.",
            "40 patients per day",
            "patients per day",
            id="rate-of-counted-noun-without-of-noun",
        ),
        pytest.param(
            "The number of long-term unemployed (those jobless for 27 weeks or more) was little changed"
            " at 1.1 million.",
            "1.1 million",
            "long-term unemployed",
            id="hyphenated-adjective-used-as-a-noun",
        ),
        pytest.param(
            "The short-term unemployed fell by 200,000 in May.",
            "200,000",
            "short-term unemployed",
            id="hyphenated-adjective-used-as-a-noun-subject",
        ),
        pytest.param(
            "The state spent $90 million on school repairs to help towns rebuild after floods, as well as $12"
            " million for 2024, $15 million for 2025, and $9 million for 2026 for general purposes.",
            "$15 million",
            "school repairs",
            id="figures-added-with-as-well-as-measure-what-the-first-did",
        ),
        pytest.param(
            "It seeks $9.7 billion in discretionary funding, as well as $826.5 million in mandatory appropriations.",
            "$826.5 million",
            "mandatory appropriations",
            id="an-added-figure-with-its-own-noun-keeps-it",
        ),
        pytest.param(
            "The town's population density was 1,210 residents per square kilometre.",
            "1,210 residents per square kilometre",
            "population density",
            id="rate-named-by-its-copula-subject",
        ),
        pytest.param(
            "Its traffic density is 85 vehicles per kilometre (137/mi).",
            "137/mi",
            "traffic density",
            id="bracketed-restatement-of-a-rate-measures-what-it-restates",
        ),
        pytest.param(
            "The average was 40 patients per day.",
            "40 patients per day",
            "patients per day",
            id="rate-under-a-generic-subject-keeps-its-counted-noun",
        ),
        pytest.param(
            "The ministry reported exports of $3 billion last year, up 9% over 2021.",
            "9%",
            "exports",
            id="change-aside-measures-the-figure-it-changes",
        ),
        pytest.param(
            "The airline carried 12 million passengers in 2024, down 4% from a year earlier, its chief said.",
            "4%",
            "passengers",
            id="change-aside-down-from",
        ),
        pytest.param(
            "Employment in transportation continued its upward trend in June (+14,000).",
            "+14,000",
            "Employment",
            id="bracket-after-date-not-the-trend-continued",
        ),
    ],
)
def test_issue_14_measured_by_phenomenon(claims_of, sentence, qtext, measured):
    assert claims_of(sentence)[qtext].measured == measured


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        ("The number unemployed in 1959 was only 21. A year later it was 22.", "22", "1960"),
        ("Exports were $5 billion in 2019. The following year they reached $6 billion.", "$6 billion", "2020"),
        # a sentence with a date of its own counts from it
        (
            "Exports were $5 billion in 2019. In 2022 they were $7 billion, a year later $8 billion.",
            "$7 billion",
            "2022",
        ),
    ],
)
def test_issue_14_a_step_of_years_counts_from_the_dated_figure_before_it(nlp, text, qtext, period):
    """'A year later' in a sentence without a date of its own counts from the paragraph's dated figure before
    it, not from the writing (which would put it in the future)."""
    (res,) = process_articles([make_article(text, article_id="a", published="2018-06-01")], nlp=nlp)
    got = {c.quantity.text: c for c in res.claims}
    assert got[qtext].time.period == period
