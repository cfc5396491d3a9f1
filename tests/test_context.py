"""Claim context: who says so, what is measured, when, and how sure (issue 4)."""

import pytest


def claim(extract, text, qtext, **kw):
    claims = extract(text, **kw)
    hits = [c for c in claims if c.quantity.text == qtext]
    assert hits, f"{qtext!r} not in {[c.quantity.text for c in claims]}"
    return hits[0]


@pytest.mark.parametrize(
    "text,qtext,source,kind,cue",
    [
        (
            "According to the US Geological Survey, the US is 100% import reliant.",
            "100%",
            "US Geological Survey",
            "government",
            "according to",
        ),
        (
            "Barrick Gold Corporation forecasts that the mine will generate $74 billion.",
            "$74 billion",
            "Barrick Gold Corporation",
            "organization",
            "forecasts",
        ),
        (
            "Reserves are estimated by government officials to be worth $8 trillion.",
            "$8 trillion",
            "government officials",
            "government",
            "estimated by",
        ),
        (
            "According to data in 2023, the country imported $20 billion.",
            "$20 billion",
            "data in 2023",
            "dataset",
            "according to",
        ),
        (
            "Affiliates employed nearly one million workers in 2024 (latest data, BEA).",
            "nearly one million workers",
            "BEA",
            "organization",
            "(latest data, BEA)",
        ),
        ("Sales rose 5% last quarter, analysts said.", "5%", "analysts", "unnamed", "said"),
        ('"Prices will climb 10% next year," said Jane Smith.', "10%", "Jane Smith", "person", "said"),
        # who recommends an amount says what it should be (sources.jsonl src-recommend)
        (
            "The Senate committee recommended $36 million in total funding.",
            "$36 million",
            "Senate committee",
            "government",
            "recommended",
        ),
    ],
)
def test_context_source(extract, text, qtext, source, kind, cue):
    c = claim(extract, text, qtext)
    assert c.source is not None
    assert (c.source.text, c.source.kind, c.source.cue) == (source, kind, cue)


def test_context_no_source_is_invented(extract):
    for c in extract("The country imported $20 billion of minerals. It exported 5% of its output."):
        assert c.source is None


def test_context_abbreviation_in_brackets_is_not_a_source(extract):
    c = claim(extract, "It is a major source of foreign direct investment (FDI), worth $5 billion.", "$5 billion")
    assert c.source is None


@pytest.mark.parametrize(
    "text,qtext",
    [
        # the agent of 'measured by' that names an index is the measure, not who says so
        (
            "Inflation, as measured by the personal consumption expenditures (PCE) price index, was 2.6 percent.",
            "2.6 percent",
        ),
        ("Prices, as measured by the consumer price index, rose 3 percent.", "3 percent"),
        # an indefinite 'others', 'some' names nobody to contact
        ("Others have estimated the number of cases at between 350 and 550 million.", "between 350 and 550 million"),
        ("Some estimate that 40% of the drugs are fake.", "40%"),
    ],
)
def test_context_a_measure_or_an_indefinite_pronoun_is_not_a_source(extract, text, qtext):
    assert claim(extract, text, qtext).source is None


def test_context_an_agency_that_measures_stays_a_source(extract):
    c = claim(extract, "Inflation, as measured by the Bureau of Labor Statistics, was 3 percent.", "3 percent")
    assert c.source is not None and c.source.text == "Bureau of Labor Statistics"


def test_context_pronoun_resolves_to_earlier_organization(extract):
    text = "Barrick Gold Corporation runs the mine. It said output rose 7% in 2024."
    assert claim(extract, text, "7%").source.text == "Barrick Gold Corporation"


def test_context_a_named_body_with_the_is_not_a_description_of_an_earlier_one(extract):
    text = "Most pupils surveyed by PISA liked school. One in five teachers are absent, according to the World Bank."
    assert claim(extract, text, "One in five teachers").source.text == "World Bank"
    text = "Acme Corp. reported results on Monday. The company said sales rose 5%."
    assert claim(extract, text, "5%").source.text == "Acme Corp."


def test_context_author_is_not_a_source(nlp):
    from claimx.extract import process_articles
    from claimx.ingest import make_article

    art = make_article("Jane Smith said exports fell 3%.", article_id="a", author="Jane Smith")
    (res,) = list(process_articles([art], nlp=nlp))
    assert res.claims[0].source is None


@pytest.mark.parametrize(
    "text,qtext,measured",
    [
        (
            "Canada's Barrick Gold forecasts $74 billion in free cash flow over a 37-year mine life.",
            "$74 billion",
            "free cash flow",
        ),
        ("Pakistan possesses 185 billion tons of coal.", "185 billion tons", "coal"),
        (
            "The US is import reliant for at least 11 mineral commodities.",
            "at least 11 mineral commodities",
            "mineral commodities",
        ),
        ("In 2025, the United States imported $51.1 billion in automotive goods.", "$51.1 billion", "automotive goods"),
        ("The United States lowered the auto tariffs to 15%.", "15%", "auto tariffs"),
        ("Exports also increased: pork (+83%), corn (+114%).", "+114%", "corn"),
        # a change noun stands for its "in" noun, unless that is when it changed
        ("The increase in prices was 5%.", "5%", "prices"),
        ("GDP growth in the fourth quarter of last year came in at 3.2 percent.", "3.2 percent", "GDP growth"),
    ],
)
def test_context_measured(extract, text, qtext, measured):
    assert claim(extract, text, qtext).measured == measured


@pytest.mark.parametrize(
    "text,qtext,time_text,year",
    [
        ("In fiscal year 2024, the sector grew 4.9%.", "4.9%", "fiscal year 2024", 2024),
        (
            "Output rose from 5.6 million barrels per day in 2011 to 7.5 million barrels per day in 2013.",
            "7.5 million barrels per day",
            "2013",
            2013,
        ),
        ("The debt will reach $63.8 trillion by the end of FY2031.", "$63.8 trillion", "FY2031", 2031),
        ("The deficit was $56.8 billion, $10 billion less than 2024.", "$56.8 billion", None, None),
        (
            "U.S. beef exports, the top export in 2025, doubled over the past decade.",
            "doubled",
            "the past decade",
            None,
        ),
        ("Sales fell 4% in the first quarter.", "4%", "the first quarter", None),
        ("The price rose 1 cent from the previous week to $2.69 on September 11.", "1 cent", "September 11", None),
        # a date closing the last of coordinated verbs in one tense dates the earlier ones' figures ...
        (
            "Members conserved 520 billion kilowatt-hours, saved $42 billion on annual bills, and avoided 400"
            " million metric tons of emissions in 2020.",
            "520 billion kilowatt-hours",
            "2020",
            2020,
        ),
        ("The firm sold 5 million cars and earned $3 billion in 2021.", "5 million cars", "2021", 2021),
        # ... not across a date of their own, from another tense, or when it is the verb's object
        ("The firm sold 5 million cars in 2019 and earned $3 billion in 2021.", "5 million cars", "2019", 2019),
        ("Exports rose 5% and are expected to rise 3% in 2025.", "5%", None, None),
        ("The agency met 53 percent of its goal and ended the 2025 season with 9,850 staff.", "53 percent", None, None),
    ],
)
def test_context_time(extract, text, qtext, time_text, year):
    c = claim(extract, text, qtext)
    if time_text is None:
        assert c.time is None
    else:
        assert c.time.text.endswith(time_text) and c.time.year == year


def test_context_relative_year_uses_publication_date(nlp):
    from claimx.extract import process_articles
    from claimx.ingest import make_article

    art = make_article("Exports fell 3% last year.", article_id="a", published="2024-05-01")
    (res,) = list(process_articles([art], nlp=nlp))
    assert res.claims[0].time.year == 2023


def test_context_year_inside_a_law_name_is_not_a_time(extract):
    c = claim(extract, "The President imposed a 10% surcharge under Section 122 of the Trade Act of 1974.", "10%")
    assert c.time is None


@pytest.mark.parametrize(
    "text,qtext,modality,hedge",
    [
        (
            "Pakistan possesses an estimated 185 billion tons of coal.",
            "an estimated 185 billion tons",
            "estimate",
            "estimated",
        ),
        ("Barrick forecasts that the project will generate $74 billion.", "$74 billion", "forecast", "forecasts"),
        ("If approved, the scheme could cost $5 billion.", "$5 billion", "hypothetical", "could"),
        ("Tariffs covered about 5% of imports, according to estimates.", "about 5%", "estimate", "about"),
        ("Exports were $5 billion.", "$5 billion", "asserted", None),
        # the value of a projection is a forecast
        ("The median projection of the panel is 2.8 percent next year.", "2.8 percent", "forecast", "projection"),
        ("Their projections are 3 million tons by 2030.", "3 million tons", "forecast", "projections"),
    ],
)
def test_context_modality_and_hedges(extract, text, qtext, modality, hedge):
    c = claim(extract, text, qtext)
    assert c.modality == modality
    if hedge:
        assert hedge in c.hedges


def test_context_modal_on_a_noun_modifier_does_not_make_it_hypothetical(extract):
    c = claim(extract, "Cooperation could unlock Pakistan's $8 trillion resource potential.", "$8 trillion")
    assert c.modality == "asserted"


@pytest.mark.parametrize(
    "text,qtext,claim_type",
    [
        ("Barrick forecasts the mine will generate $74 billion.", "$74 billion", "prediction"),
        ("It has the world's second-largest salt mines.", "second-largest", "ranking"),
        ("Exports fell 3% in March.", "3%", "change"),
        ("The US imports over 96% of its supply.", "over 96%", "comparison"),
        ("Exports were $5 billion in 2023.", "$5 billion", "current_value"),
    ],
)
def test_context_claim_type(extract, text, qtext, claim_type):
    assert claim(extract, text, qtext).claim_type == claim_type


def test_context_checkworthiness_rewards_named_sources(extract):
    named = claim(extract, "According to the ministry, exports were $5 billion in 2023.", "$5 billion")
    bare = claim(extract, "Exports were $5 billion.", "$5 billion")
    assert named.checkworthiness > bare.checkworthiness
    assert "named_source" in named.checkworthiness_features


def test_context_month_without_year_takes_publication_year(nlp):
    from claimx.extract import process_articles
    from claimx.ingest import make_article

    art = make_article("Output fell 3.2% in March.", article_id="a", published="2024-05-01")
    (res,) = list(process_articles([art], nlp=nlp))
    assert (res.claims[0].time.text, res.claims[0].time.year) == ("March", 2024)


@pytest.mark.parametrize(
    "text, qtext, measured",
    [
        ("The trade deficit widened to 3.1% of GDP.", "3.1%", "trade deficit as a share of GDP"),
        ("Farm exports accounted for 12% of total sales.", "12%", "Farm exports as a share of total sales"),
        ("Renewables made up 14% of electricity generation.", "14%", "Renewables as a share of electricity generation"),
        ("Migrants were 9% of the population.", "9%", "Migrants as a share of population"),
        # the share is itself the subject, or the verb acts on it: the 'of' noun is what is measured (a share of
        # respondents also says what they said: test_context_a_share_of_respondents_measures_what_they_said)
        ("Some 35% of respondents said they would move.", "Some 35%", "respondents who said they would move"),
        ("The fund sold 20% of its stake.", "20%", "stake"),
    ],
)
def test_context_a_share_held_by_the_subject_measures_the_subject_as_a_share(extract, text, qtext, measured):
    """Phenomenon: 'X rose to / accounted for / was N% of Y' measures X as a share of Y, not Y alone."""
    (claim,) = [c for c in extract(text) if c.quantity.text == qtext]
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text, measured",
    [
        ("The number of applicants rose 15% last year.", "applicants"),
        ("The amount of household debt climbed 4%.", "household debt"),
    ],
)
def test_context_a_generic_measure_noun_stands_for_its_of_noun(extract, text, measured):
    """Phenomenon: 'the number of X', 'the amount of Y' as subject: X and Y are what changed."""
    (claim,) = extract(text)
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text, source",
    [
        ("The agency identified 340 unsafe bridges in the state.", "agency"),
        ("Auditors determined that 14% of payments were improper.", "Auditors"),
        ("The bureau assumed an inflation rate of 2.5% in its model.", "bureau"),
        ("Inspectors documented 52 violations at the plant.", "Inspectors"),
        ("The firm sold 3 million phones last year.", None),  # selling is no attribution
    ],
)
def test_context_who_found_or_computed_a_figure_is_its_source(extract, text, source):
    """Phenomenon: the subject of a verb of finding, computing or assuming produced the figure it governs."""
    (claim,) = extract(text)
    assert (claim.source.text if claim.source else None) == source


@pytest.mark.parametrize(
    "text, sources",
    [
        (
            "Output fell 0.4% in March, the statistics office said, after rising 0.2% in February.",
            ["statistics office", "statistics office"],
        ),
        ("About 5,000 marched, organisers said, though police put the number at 2,000.", ["organisers", "police"]),
    ],
)
def test_context_a_reporting_aside_is_the_source_of_the_clause_it_comments_on(extract, text, sources):
    """Phenomenon: '..., X said, ...' set off by commas inside the sentence attributes the clause around it."""
    assert [c.source.text if c.source else None for c in extract(text)] == sources


@pytest.mark.parametrize(
    "text, source",
    [
        ("Shares added 4% in early trading.", None),
        ("The index added 12 points on Monday.", None),
        ("The ministry recorded 4,500 cases in May.", "ministry"),
    ],
)
def test_context_a_verb_that_is_the_change_is_not_a_report(extract, text, source):
    """Phenomenon: 'add', 'record' report in some sentences and are the change itself in others ('Shares
    added 4%'): a figure that is the change of its own verb has no reporter there."""
    (claim,) = extract(text)
    assert (claim.source.text if claim.source else None) == source


@pytest.mark.parametrize(
    "text, qtext, measured",
    [
        # a relative clause with a subject of its own measures that subject, not the noun it describes
        ("Rents rose most in Lisbon, where rents climbed 14% last year.", "14%", "rents"),
        ("The firm, which sold 3 million phones, grew.", "3 million phones", "phones"),
        ("The company, which the state valued at $5 billion, was sold.", "$5 billion", "company"),
        # a share held through a relative pronoun belongs to the noun the clause describes
        (
            "Food, which makes up about a fifth of the index, rose 2%.",
            "about a fifth",
            "Food as a share of index",
        ),
    ],
)
def test_context_relative_clauses_measure_their_own_subject(extract, text, qtext, measured):
    (claim,) = [c for c in extract(text) if c.quantity.text == qtext]
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text, modality",
    [
        ("The programme's estimate of 60,000 killed is conservative.", "estimate"),
        ("For 2025, estimates range from 20 TWh to 90 TWh.", "estimate"),
        ("The agency assumed a utilization rate of 80%.", "estimate"),
        ("Analysts' forecast of $5 billion in sales was too low.", "forecast"),
        ("The projects in talks include eight new reactors.", "asserted"),  # 'projects' here is a noun, no hedge
    ],
)
def test_context_an_estimate_noun_or_an_assumption_sets_the_modality(extract, text, modality):
    """Phenomenon: a figure that is the content of 'an estimate', 'estimates', 'a forecast' or of what
    someone assumed is an estimate or a forecast, as when the verb says so."""
    (claim,) = extract(text)
    assert claim.modality == modality


@pytest.mark.parametrize(
    "text, time_text",
    [
        ("Sales rose 5% from a year ago.", None),  # the baseline's time, not the figure's
        ("Prices were 3% higher than last year.", None),
        ("Prices rose 3% last year.", "last year"),
    ],
)
def test_context_a_relative_year_after_a_baseline_word_dates_the_baseline(extract, text, time_text):
    (claim,) = extract(text)
    assert (claim.time.text if claim.time else None) == time_text


@pytest.mark.parametrize(
    "text, source",
    [
        ("Our model finds that more than 9,000 people died.", None),
        ("My estimate puts the cost at $2 billion.", None),
        ("The agency's model finds that 5% of firms failed.", "agency's model"),
        ("Prices fell to $4.48 a gallon, according to our data.", None),
        ("Prices fell to $4.48 a gallon, according to our SHOPP data.", "SHOPP data"),
        ("Sales fell 4% in 2023, according to our Retail Trade Survey data.", "Retail Trade Survey data"),
    ],
)
def test_context_the_writers_own_work_is_not_a_source(extract, text, source):
    """Phenomenon: 'our model', 'my estimate' are the writer's own; a fact-checker asks the author. A
    named programme or dataset of the writer's ('our SHOPP data') is one a fact-checker can look up."""
    (claim,) = extract(text)
    assert (claim.source.text if claim.source else None) == source


@pytest.mark.parametrize(
    "text, source",
    [
        ("Remaining reserves are about 585 billion barrels (World Oil, August 1994).", "World Oil"),
        ("Reserves are put at 303 billion barrels (Oil & Gas Journal, January 1, 2024).", "Oil & Gas Journal"),
        ("Prices rose 4% (Reuters, 2023).", "Reuters"),
        ("Sales rose 4% (Texas, 2023).", None),
        ("Sales rose 4% (2023).", None),
    ],
)
def test_context_a_bracketed_citation_is_the_source(extract, text, source):
    """Phenomenon: a bibliographic citation after a figure, a name then a date ('(World Oil, August
    1994)'), names where the figure comes from (`src-citation`); a place and its year says where and
    when, not who."""
    (claim,) = extract(text)
    assert (claim.source.text if claim.source else None) == source


def test_context_a_reporting_verb_is_never_what_is_measured(extract):
    """'More than half said they would leave': 'said' reports, it is not what the share measures."""
    claim = next(c for c in extract("More than half said they would leave.") if c.quantity.text == "More than half")
    assert claim.measured != "said"


@pytest.mark.parametrize(
    "text, qtext, source",
    [
        # src-actor: the institution that requests, proposes or appropriates a figure states it
        (
            "For FY2027, the Administration requested $1.33 billion in discretionary funding.",
            "$1.33 billion",
            "Administration",
        ),
        ("For FY2026, Congress appropriated $199.0 million for seven other accounts.", "$199.0 million", "Congress"),
        ("Funding of $40 million was requested by the Administration.", "$40 million", "Administration"),
        # a document or a company is not asked: no source
        ("The budget requests $227.1 million for the Water Resources Mission Area.", "$227.1 million", None),
        # the agent of a phrase the figure is compared with is not the figure's source
        ("Congress provided $511.2 million above the amount requested by the Administration.", "$511.2 million", None),
    ],
)
def test_context_an_institution_that_requests_or_appropriates_a_figure_is_its_source(extract, text, qtext, source):
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert (claim.source.text if claim.source else None) == source


def test_context_a_fiscal_year_read_as_an_organisation_still_dates_the_figure(extract):
    """The tagger reads 'FY2026' alone as an organisation; it is a period, not a name ('time-fiscal-year')."""
    claim = next(c for c in extract("For FY2026, Congress appropriated $199.0 million.") if c.quantity.value)
    assert claim.time is not None and claim.time.period == "FY2026"


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        # the date of a measure noun the figure is the number of dates the figure
        ("Job gains were above the 251,000 monthly average for all of 2023.", "251,000", "2023"),
    ],
)
def test_context_a_date_on_the_measure_a_figure_numbers_dates_it(extract, text, qtext, period):
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.time is not None and claim.time.period == period


def test_context_a_common_noun_source_is_the_body_named_earlier_in_the_article(extract):
    """'the group says', paragraphs after the group was named: resolved across the article
    (src-definite-resolved); a named source is left as written."""
    text = (
        "François Djonou, president of Cameroon's Interprofessional Association of Poultry Farmers, spoke.\n\n"
        "Flights were cut in March.\n\n"
        "The poultry farmers group says more than a third of farmers are out of business.\n\n"
        "The Energy Information Administration said stocks rose 2%."
    )
    by_text = {c.quantity.text: c for c in extract(text)}
    assert by_text["more than a third"].source.text == "Cameroon's Interprofessional Association of Poultry Farmers"
    assert by_text["2%"].source.text == "Energy Information Administration"


def test_context_the_present_is_the_month_of_the_article(nlp):
    """'currently', 'today', 'the current figure' date a figure to the month of the article's date
    (time-present); not a report's day ('reported today') nor a duration ('must now spend ten days')."""
    from claimx.extract import process_articles
    from claimx.ingest import make_article

    text = (
        "Holdings are currently valued at $176.0 billion. The number declined to the current figure of 230,000.\n\n"
        "Payrolls rose by 236,000 in March, the Bureau reported today. Travellers must now spend ten days in a hotel."
    )
    art = make_article(text, article_id="a", published="2024-04-05")
    (res,) = list(process_articles([art], nlp=nlp))
    when = {c.quantity.text: (c.time.period if c.time else None) for c in res.claims}
    assert when["$176.0 billion"] == "2024-04"
    assert when["230,000"] == "2024-04"
    assert when["236,000"] == "2024-03"
    assert when["ten days"] is None


@pytest.mark.parametrize(
    "text,qtext,modality",
    [
        # a property of a noun, a member of the subject, a count of a definite noun phrase: presupposed
        ("Treasury could sell its gold, currently valued at $11 billion.", "$11 billion", "asserted"),
        ("Her family, including three children, could not find housing.", "three children", "asserted"),
        ("The firm said it would close its last two plants.", "two plants", "asserted"),
        # what the modal verb itself reaches stays supposed
        ("Prices could rise by 5 percent.", "5 percent", "hypothetical"),
        ("The company would hire 500 workers.", "500 workers", "hypothetical"),
        ("It is a region where malaria may cause 30 percent of deaths.", "30 percent", "hypothetical"),
    ],
)
def test_context_an_auxiliary_does_not_suppose_what_a_noun_presupposes(extract, text, qtext, modality):
    assert claim(extract, text, qtext).modality == modality


@pytest.mark.parametrize(
    "text,qtext,modality",
    [
        # the active subject of a verb of expecting is who expects; a coordinated clause is not its verb's
        ("An estimated 80 percent of museums expect maintenance to grow.", "An estimated 80 percent", "estimate"),
        ("About 85 percent report a backlog, and most expect it to grow.", "About 85 percent", "asserted"),
        ("Output rose 2% and analysts expect 3% growth.", "2%", "asserted"),
        # what is expected stays a forecast, a passive subject and an elliptical conjunct included
        ("Output rose 2% and analysts expect 3% growth.", "3%", "forecast"),
        ("5% growth is expected next year.", "5%", "forecast"),
        (
            "Long-grain output is forecast at 152.7 million cwt and medium-grain output at 54.7 million.",
            "54.7 million",
            "forecast",
        ),
    ],
)
def test_context_who_expects_is_not_what_is_expected(extract, text, qtext, modality):
    assert claim(extract, text, qtext).modality == modality


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        # "a year earlier" and "the previous year" move a fiscal or split year by one of its own kind
        (
            "The deficit narrowed to $1.7 trillion in fiscal 2024 from $1.9 trillion a year earlier.",
            "$1.9 trillion",
            "FY2023",
        ),
        (
            "The deficit was $1.7 trillion in FY2024, compared with $1.9 trillion the previous year.",
            "$1.9 trillion",
            "FY2023",
        ),
        (
            "Sales were $5 billion in the 2023-24 fiscal year, up from $4 billion a year earlier.",
            "$4 billion",
            "2022/23",
        ),
        # a period on a gerund subject used as a noun dates its clause's figure
        ("Ending stocks for 2025/26 are 2.1 billion bushels.", "2.1 billion bushels", "2025/26"),
        ("Spending for fiscal 2025 is $10 billion.", "$10 billion", "FY2025"),
    ],
)
def test_context_relative_fiscal_years_and_gerund_subjects_are_dated(extract, text, qtext, period):
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.time is not None and claim.time.period == period


def test_context_a_gerund_clause_with_its_own_object_dates_nothing():
    from claimx.extract import extract_claims

    (claim,) = extract_claims("Raising rates in 2022 was needed to cut inflation to 3%.")
    assert claim.time is None


@pytest.mark.parametrize(
    "text, qtext, measured",
    [
        ("Spending on defense rose to $850 billion in 2024.", "$850 billion", "Spending on defense"),
        ("Borrowing in March was $4 billion.", "$4 billion", "Borrowing"),
        ("Beginning stocks are 207 million bushels higher.", "207 million bushels", "Beginning stocks"),
    ],
)
def test_context_a_gerund_used_as_a_noun_is_what_is_measured(extract, text, qtext, measured):
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        # a month without its year in a clause that looks ahead is the next one ...
        ("Economists wrote that inflation could reach 4% by December.", "4%", "2025-12"),
        ("The plant will open in March with 200 workers.", "200 workers", "2026-03"),
        # ... not in a clause about the past, for the months just gone, or for a baseline
        ("Prices rose 4% in December.", "4%", "2024-12"),
        ("Analysts had expected inflation to reach 3% in March.", "3%", "2025-03"),
        ("Core inflation is expected to come in at 0.3 percent for April.", "0.3 percent", "2025-04"),
        ("Output is forecast at 186 bushels per acre, up from 180 in February.", "180", "2025-02"),
    ],
)
def test_context_a_month_in_a_clause_that_looks_ahead_is_the_next_one(text, qtext, period):
    from claimx.extract import extract_claims

    claim = next(c for c in extract_claims(text, published="2025-06-10") if c.quantity.text == qtext)
    assert claim.time is not None and claim.time.period == period


@pytest.mark.parametrize(
    "text, qtext, measured, modality, change",
    [
        # series-continued: a figure that continues a dated series says what its head says
        ("The median participant projects that the rate will be 4.6 percent at the end of this year, "
         "3.9 percent at the end of 2025, and 3.1 percent at the end of 2026.",
         "3.1 percent", "rate", "forecast", None),
        ("The median projection for inflation falls to 2.4 percent this year, 2.2 percent next year, and 2% in 2026.",
         "2.2 percent", "median projection", "forecast", None),
        ("Exports rose 5% in 2023 and 3% in 2024.", "3%", "Exports", "asserted", "up"),
        ("The limit was raised to $10 billion in 1989 and $20 billion in 1995.",
         "$20 billion", "limit", "asserted", None),
    ],
)  # fmt: skip
def test_context_a_figure_continuing_a_dated_series_shares_its_heads_context(
    extract, text, qtext, measured, modality, change
):
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert (claim.measured, claim.modality, claim.quantity.change) == (measured, modality, change)


def test_context_a_figure_with_its_own_noun_or_verb_is_no_continuation(extract):
    claims = {c.quantity.text: c for c in extract("Exports rose 5% in 2023, and imports fell 3% in 2024.")}
    assert claims["3%"].quantity.change == "down" and "series-continued" not in claims["3%"].rule_ids


def test_context_a_date_in_a_participle_on_the_noun_of_the_verbs_phrase_dates_the_figure(extract):
    # "programs administered by HHS in fiscal years 2022 through 2024": the date dates the receiving
    text = (
        "About 135,000 beneficiaries received assistance through programs administered by HHS "
        "in fiscal years 2022 through 2024."
    )
    claim = next(c for c in extract(text) if c.quantity.value == 135000)
    assert claim.time is not None and claim.time.period == "FY2022/FY2024"


@pytest.mark.parametrize(
    "text, qtext, source",
    [
        # src-data-frame: a census, poll or survey framing the figure's clause is where the count comes from
        ("As of the census of 2000, there were 1,539 people in the town.", "1,539 people", "census of 2000"),
        ("At the 2010 census, the town had 5,000 residents.", "5,000 residents", "2010 census"),
        ("In a 2023 Gallup poll, 62 percent of Americans backed the plan.", "62 percent", "2023 Gallup poll"),
        ("The survey covered 2,000 homes.", "2,000 homes", None),  # what the survey did, not a frame
    ],
)
def test_context_a_census_or_poll_framing_the_clause_is_the_source(extract, text, qtext, source):
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert (claim.source.text if claim.source else None) == source


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        # reporting periods named by their end or their length (claimx.reporting_periods)
        ("Over the weekend, 12 homes were destroyed.", "12 homes", "2025-03-08/2025-03-09"),
        ("The company reported a loss of $2 million for the quarter ended Dec. 31.", "$2 million", "2024-Q4"),
        ("In the first two months of the year, exports rose 5%.", "5%", "2025-01/2025-02"),
    ],
)
def test_context_reporting_periods_are_resolved(text, qtext, period):
    from claimx.extract import extract_claims

    claim = next(c for c in extract_claims(text, published="2025-03-13") if c.quantity.text == qtext)
    assert claim.time is not None and claim.time.period == period


def test_context_the_date_of_a_framing_poll_dates_the_figure(extract):
    (claim,) = extract("In a 2023 Gallup poll, 62 percent of Americans backed the plan.")
    assert claim.time is not None and claim.time.period == "2023"
    assert claim.source is not None and claim.source.text == "2023 Gallup poll"


@pytest.mark.parametrize(
    "text, qtext, modality",
    [
        # modality-baseline: a comparison's past baseline in a forecast was measured, not forecast
        ("EIA expects Brent to average $78/bbl next year, compared with $109/bbl a year ago.", "$109/bbl", "asserted"),
        ("Prices will rise to 5% next year, up from 4% last year.", "4%", "asserted"),
        ("Prices will rise to 5% next year, up from 4% last year.", "5%", "forecast"),
        ("Output will rise from 10 tons in 2026 to 12 tons in 2027.", "10 tons", "forecast"),  # a future start
    ],
)
def test_context_a_past_baseline_of_a_forecast_is_asserted(text, qtext, modality):
    from claimx.extract import extract_claims

    claim = next(c for c in extract_claims(text, published="2025-06-10") if c.quantity.text == qtext)
    assert claim.modality == modality


@pytest.mark.parametrize(
    "text, qtext, source",
    [
        # src-data-owner: a name compounded to a data noun about the figure owns it, as a possessive does
        ("The CBO estimate of $1.9 trillion was revised.", "$1.9 trillion", "CBO estimate"),
        ("The consensus from the Blue Chip survey of forecasters is 2 percent.", "2 percent", "Blue Chip survey"),
        ("The median forecast in a Reuters poll of economists was 3.1%.", "3.1%", "Reuters poll"),
        ("Analysts' consensus is for 3% growth.", "3%", "Analysts"),
        ("The March estimate of 4.1% was revised.", "4.1%", None),  # a date, not an owner
        ("The FY2027 estimate of 4.1% was revised.", "4.1%", None),
        # src-actor-noun: a request, proposal or plan holding the figure in its phrase, or framing its clause
        ("The Administration request of $1.30 billion is below last year's.", "$1.30 billion", "Administration"),
        ("Under the White House proposal, spending would rise by $40 billion.", "$40 billion", "White House"),
        ("The Senate plan of $1.2 trillion is $300 billion larger than the House plan.", "$1.2 trillion", "Senate"),
        # the comparison is the writer's, not the owner's: a scoped source is not shared with the sentence
        ("The Senate plan of $1.2 trillion is $300 billion larger than the House plan.", "$300 billion", None),
        ("The center's FY2027 request is $35.6 million.", "$35.6 million", None),
        ("NIH funding of $47 billion was approved.", "$47 billion", None),  # the recipient, not an owner
    ],
)
def test_context_the_owner_of_a_document_or_request_is_the_source(extract, text, qtext, source):
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    got = claim.source.text if claim.source else None
    assert got == source if source is None else (got is not None and source in got)


@pytest.mark.parametrize(
    "text, qtext, measured",
    [
        # measured-share-predicate: a bare share, subject of "be" or "have", measures what the clause predicates
        ("Of all households, 46.7% were married couples living together.", "46.7%", "married couples"),
        ("Of all households, 43.0% were non-families.", "43.0%", "non-families"),
        ("Of the homes, 43.4% were opposite-sex married couples.", "43.4%", "opposite-sex married couples"),
        ("About 30% are women.", "About 30%", "women"),
        ("Of the families, 7.5% had a female householder.", "7.5%", "female householder"),
        ("Some 40% are functionally illiterate.", "Some 40%", "functionally illiterate"),
        ("About 30% of voters are women.", "About 30%", "voters"),  # a share of a named whole
        ("30% was the highest rate.", "30%", "highest rate"),
    ],
)
def test_context_a_bare_share_measures_what_the_clause_says_it_is(extract, text, qtext, measured):
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text, qtext, measured",
    [
        # a name's number is part of the name (phrases._name_number); a date is not a name
        ("The S&P 500 fell 2% on Monday.", "2%", "S&P 500"),
        ("The Euro Stoxx 50 slipped 0.3%.", "0.3%", "Euro Stoxx 50"),
        ("P.L. 116-260 rescinded $429 billion of this total.", "$429 billion", "P.L. 116-260 rescinded"),
        # an evidence verb the parser made a compound is no part of the noun, and its subject no subject of the
        # clause it reports (phrases._evidence_verb, predicates.clause_subject)
        ("Data from the Bureau of Labor Statistics show wages grew 4.1%.", "4.1%", "wages"),
        ("Figures show exports fell 3%.", "3%", "exports"),
        # a plural scale word is never what is measured
        (
            "He is one of hundreds of thousands of Chinese nationals who moved.",
            "one of hundreds of thousands",
            "Chinese nationals",
        ),
        # what happened to people counted is what is measured (words.jsonl role person_verb)
        ("The agency estimates that 2 million people have fled.", "2 million people", "people fled"),
        # a participle of valuation measures the noun it describes; 'estimated X at N' measures X
        (
            "The Treasury could sell its holdings of gold, currently valued at $11 billion.",
            "$11 billion",
            "holdings of gold",
        ),
        ("The painting, valued at $3 million, was stolen.", "$3 million", "painting"),
        (
            "Others have estimated the number of cases at between 350 and 550 million.",
            "between 350 and 550 million",
            "cases",
        ),
        # a multiplier verb with an object multiplies the object, not its subject
        ("Feed shortages have more than doubled the price of chicken.", "more than doubled", "price of chicken"),
        # a length measured from a place is the distance from it
        (
            "Although 150 kilometers from the capital Quetta, the area is remote.",
            "150 kilometers",
            "distance from capital Quetta",
        ),
        ("The village lies 40 miles north of the border.", "40 miles", "distance from border"),
        # a participle of change continuing a clause measures that clause's subject
        (
            "Inventories declined in January, falling from 21.3 million barrels to 20.0 million.",
            "21.3 million barrels",
            "Inventories",
        ),
        ("Prices climbed, rising 5% in a week.", "5%", "Prices"),
        # a change verb is the subject's own move, not part of what is measured (predicates.own_move) ...
        ("The Dow Jones Industrial Average lost 300 points.", "300 points", "Dow Jones Industrial Average"),
        ("Exports are raised 100 million bushels to 3.1 billion.", "100 million bushels", "Exports"),
        # ... unless an agent gains or loses an amount of money
        (
            "The federal government could lose $233 billion annually to fraud.",
            "$233 billion",
            "federal government lose",
        ),
        ("The United States exported $51.1 billion.", "$51.1 billion", "United States exported"),
    ],
)
def test_context_names_with_numbers_and_moves_of_the_subject(extract, text, qtext, measured):
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text, qtext",
    [
        # a plan, an intention or an aim is a forecast of the figure it governs
        ("DOD plans to invest more than $2.4 trillion in its weapons.", "more than $2.4 trillion"),
        ("The firm intends to spend $3 billion.", "$3 billion"),
        ("The government aims to cut emissions by 40%.", "40%"),
    ],
)
def test_context_a_plan_or_an_aim_is_a_forecast(extract, text, qtext):
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.modality == "forecast"


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        # a date in a "since" phrase starts a long span and anchors no other date of the sentence
        (
            "By November 7, the price had climbed to a record $5.93/gal, the highest price reported since we "
            "began collecting this data in October 1990.",
            "$5.93/gal",
            "2022-11-07",
        ),
        # a span of years names no one year to anchor a month on
        (
            "Inventories fell 1.8 million barrels from September 2 to October 28, slightly less than half of "
            "the previous five-year (2017–21) average decrease of 3.9 million barrels.",
            "1.8 million barrels",
            "2022-09-02/2022-10-28",
        ),
    ],
)
def test_context_since_phrases_and_spans_of_years_anchor_no_month(text, qtext, period):
    from claimx.extract import extract_claims

    claim = next(c for c in extract_claims(text, published="2023-02-09") if c.quantity.text == qtext)
    assert claim.time is not None and claim.time.period == period


@pytest.mark.parametrize(
    "text, qtext, source",
    [
        # data "from" a named body stands for the body; estimated data keeps its words (they make an estimate)
        (
            "According to the latest weekly data from the National Oceanic and Atmospheric Administration, "
            "the country had 8% fewer heating degree days than normal.",
            "8%",
            "National Oceanic and Atmospheric Administration",
        ),
        (
            "According to estimated data from the U.S. Geological Survey, imports supplied about 57% of demand.",
            "about 57%",
            "estimated data from the U.S. Geological Survey",
        ),
    ],
)
def test_context_data_from_a_named_body_is_that_body(extract, text, qtext, source):
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.source is not None and claim.source.text == source


def test_context_a_rates_per_is_no_attribution(extract):
    """'12.3 yards per rush avg.': the 'per' of a rate inside a figure names no source; 'per AAA' does."""
    (claim,) = extract("Per AAA, prices averaged $3 per gallon.")
    assert claim.source is not None and claim.source.text == "AAA"
    claims = {
        c.quantity.text: c for c in extract("He had 17 rushing attempts for 209 yards (12.3 yards per rush avg.).")
    }
    assert all(c.source is None for c in claims.values())


@pytest.mark.parametrize(
    "text, period",
    [
        ("The Dow fell 500 points, traders said Wednesday.", "2025-03-12"),  # a move reported the day it happened
        ("Egg prices rose 36% from a year ago, the Bureau of Labor Statistics said Wednesday.", None),
        ("Retail sales fell 0.9% from the previous month, the Commerce Department said on Wednesday.", None),
    ],
)
def test_context_a_weekday_of_saying_does_not_date_a_change_over_a_stated_interval(text, period):
    """Phenomenon: a change measured from a dated baseline ("from a year ago", "from the previous month") is a
    change over that interval; the weekday it was reported on is the day of the saying, not of the change."""
    from claimx.extract import extract_claims

    claim = extract_claims(text, published="2025-03-12")[0]
    assert (claim.time.period if claim.time else None) == period


@pytest.mark.parametrize(
    "text, period",
    [
        # a weekday dates a count of its verb's event, and of a participle continuing that event
        ("Militants killed seven people on Tuesday.", "2025-03-11"),
        ("On Tuesday, militants stormed a hotel, killing seven people.", "2025-03-11"),
        ("On Tuesday, officials said 40 people died.", None),  # the day of the saying
    ],
)
def test_context_a_weekday_dates_the_count_of_its_event(text, period):
    from claimx.extract import extract_claims

    (claim,) = extract_claims(text, published="2025-03-12")
    assert (claim.time.period if claim.time else None) == period


@pytest.mark.parametrize(
    "text, period",
    [
        ("Year to date, 1,200 people have died.", "2025-01/2025-11"),  # untagged by the NER unless hyphenated
        ("Sales are up 4% year to date.", "2025-01/2025-11"),
        ("Year-to-date sales rose 4%.", "2025-01/2025-11"),
    ],
)
def test_context_the_year_to_date_is_the_year_so_far(text, period):
    from claimx.extract import extract_claims

    (claim,) = extract_claims(text, published="2025-11-14")
    assert claim.time is not None and claim.time.period == period


@pytest.mark.parametrize(
    "text, period",
    [
        ("Q2 revenue was $5 billion.", "2025-Q2"),  # a quarter's or half's code, untagged by the NER
        ("H1 profit fell 10%.", "2025-H1"),
        ("In the year through June, prices rose 3%.", "2024-07/2025-06"),
    ],
)
def test_context_period_codes_and_years_through_a_month(text, period):
    from claimx.extract import extract_claims

    (claim,) = extract_claims(text, published="2025-07-20")
    assert claim.time is not None and claim.time.period == period


@pytest.mark.parametrize(
    "text, qtext, source",
    [
        # a named document framing a report whose subject is a common noun is the source, "our" or not
        (
            "In our Summary of Economic Projections, the median participant projects GDP to rise 1.7 percent.",
            "1.7 percent",
            "Summary of Economic Projections",
        ),
        ("In Canada, officials said 300 homes burned.", "300 homes", "officials"),  # a place frames nothing
        ("In its World Economic Outlook, the IMF projects growth of 3%.", "3%", "IMF"),  # a named body stays
        ("Our model finds that 70,000 died.", "70,000", None),  # the writer's own unnamed work
    ],
)
def test_context_a_named_document_framing_a_report_is_its_source(extract, text, qtext, source):
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert (claim.source.text if claim.source else None) == source


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        ("Output grew 2.5% in the third quarter of 2024, compared with 1.8% in the second.", "1.8%", "2024-Q2"),
        ("Growth was 2.5% in the third quarter of 2024 and 1.8% in the fourth.", "1.8%", "2024-Q4"),
        ("Unemployment fell to 4% in the first half of 2024, and to 3.8% in the second.", "3.8%", "2024-H2"),
        ("Output grew 2.5% in the third quarter of 2024, compared with 1.8% in the second.", "2.5%", "2024-Q3"),
        # "ranked second" has no article: a rank, not an elided quarter
        (
            "Sales rose 3% in the first quarter of 2024, and the firm ranked second with 12% of the market.",
            "12%",
            "2024-Q1",
        ),
    ],
)
def test_context_an_elided_period_noun_is_the_period_named_before(extract, text, qtext, period):
    """Phenomenon: 'in the third quarter ... and 1.8% in the fourth': an ordinal whose period noun is
    elided is that period, in the year of the one named before it (`time-elided-period`)."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.time is not None and claim.time.period == period


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        ("Prices rose 4% in May 2025 from April and 6% from a year earlier.", "6%", "2025-05"),
        ("Prices rose 4% in May 2025 from April, and were up 6% from a year earlier.", "6%", "2025-05"),
        ("Prices rose 4% in May 2025 from April and 6% from a year earlier.", "4%", "2025-05"),
    ],
)
def test_context_a_figure_with_its_own_baseline_is_not_dated_by_another_ones(extract, text, qtext, period):
    """Phenomenon: 'rose 4% in May from April and 6% from a year earlier': April is the baseline of the
    first change; the second names its own and shares the first one's period, May."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.time is not None and claim.time.period == period


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        ("In 2023, the company hired 500 workers; two years later, it employed 2,000.", "500 workers", "2023"),
        ("In 2023, the company hired 500 workers; two years later, it employed 2,000.", "2,000", "2025"),
        ("Profits fell 3%; in 2023, sales had risen.", "3%", None),
    ],
)
def test_context_a_date_after_a_semicolon_belongs_to_the_next_clause(extract, text, qtext, period):
    """Phenomenon: a semicolon closes the figure's clause; a date after it dates the clause it opens."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert (claim.time.period if claim.time else None) == period


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        ("Enrollment has grown by 40% since 2015.", "40%", "2015/2025"),
        ("Prices have jumped 140% since January.", "140%", "2025-01/2025-06"),
        ("Prices have jumped from $5 to $12 since January.", "$5", "2025-01"),
        ("Revenue rose 8% year over year in the quarter ended March 31.", "8%", "2025-Q1"),
        ("Revenue rose 8% year on year in the first quarter of 2025.", "8%", "2025-Q1"),
    ],
)
def test_context_a_change_since_a_date_runs_to_the_writing(extract, text, qtext, period):
    """Phenomenon: a change 'since' a date spans from that date to the article's ('has grown by 40% since
    2015'); a level the change starts from keeps its own date; 'year over year' compares, it names no period."""
    claim = next(c for c in extract(text, published="2025-06-10") if c.quantity.text == qtext)
    assert claim.time is not None and claim.time.period == period


@pytest.mark.parametrize(
    "text, source, modality",
    [
        ("The IMF cut its forecast for global growth to 2.8% this year.", "IMF", "forecast"),
        ("The World Bank lowered its estimate of poverty to 9%.", "World Bank", "estimate"),
        ("The company cut its workforce to 9,000.", None, "asserted"),
    ],
)
def test_context_a_body_revising_its_own_forecast_states_the_new_value(extract, text, source, modality):
    """Phenomenon: 'the IMF cut its forecast to 2.8%': the figure is the forecast's new value, the IMF's
    (its owner through 'its', `src-data-owner`), and a forecast; revising a workforce states a fact."""
    (claim,) = extract(text)
    assert (source is None) == (claim.source is None)
    assert source is None or source in claim.source.text
    assert claim.modality == modality


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        ("Unemployment peaked at 14.7% in April 2020 and has since fallen to 4%.", "4%", None),
        ("Unemployment peaked at 14.7% in April 2020 and has since fallen to 4%.", "14.7%", "2020-04"),
    ],
)
def test_context_since_then_puts_the_figure_after_the_dates_before_it(extract, text, qtext, period):
    """Phenomenon: the adverb 'since' ('has since fallen to 4%') places the figure after the dates before
    it; April 2020 is the peak's time, not the 4%'s."""
    claim = next(c for c in extract(text, published="2025-06-10") if c.quantity.text == qtext)
    assert (claim.time.period if claim.time else None) == period


@pytest.mark.parametrize(
    "text, qtext, measured",
    [
        ("Home ownership stood at 76% in 1991. By 2013, this was down to 63%.", "63%", "Home ownership"),
        ("The number of people unemployed in 1959 was 21,000. A year later it was 22,000.", "22,000", "unemployed"),
        ("Inflation was 3%.\n\nIt is prudent to hold the rate at 5 percent.", "5 percent", "rate"),
        (
            "Growth was 2% last year. This would be a slowdown from the average of around 4 percent.",
            "around 4 percent",
            None,
        ),
    ],
)
def test_context_a_pronoun_subject_measures_what_the_sentence_before_measured(extract, text, qtext, measured):
    """Phenomenon: 'By 2013, this was down to 63%': a figure whose subject is 'it', 'this' or 'that' measures
    what the figure of the sentence before measured (`measured-pronoun`); not an expletive 'it', not a figure
    inside a noun phrase of its own ('a slowdown from the average of around 4 percent')."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    if measured is None:
        assert claim.measured is None or "Growth" not in claim.measured
    else:
        assert measured.lower() in (claim.measured or "").lower()


@pytest.mark.parametrize(
    "text, measured",
    [
        ("The number of people unemployed in 1959 was 21,000.", "people unemployed"),
        ("Debt subject to limit was $40.0 trillion as of August 31, 2025.", "Debt subject to limit"),
        ("The true number of people killed in 2025 is 80,000.", "people killed"),
        ("The number of migrants rose to 150,000.", "migrants"),
    ],
)
def test_context_a_subject_keeps_the_short_phrase_after_its_noun(extract, text, measured):
    """Phenomenon: 'the number of people unemployed', 'Debt subject to limit': a short adjective or participle
    phrase after the subject noun restricts what is measured; it stops before a date, a number or the figure."""
    (claim,) = extract(text)
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text, qtext, change, measured_word",
    [
        ("DOD received the most (up $21.0 billion, 23%, to $112.9 billion).", "23%", "up", None),
        (
            "Two agencies received increases: DOD (up $4.9 billion; 3%) and NIH (up $458.2 million; 1%).",
            "1%",
            "up",
            "NIH",
        ),
        ("Amounts declined for NASA (down $400.0 million; -2%).", "-2%", "down", "NASA"),
        (
            "Other sources of FDI included Spain ($4.4 billion) and Canada ($3.3 billion).",
            "$3.3 billion",
            None,
            "Canada",
        ),
        ("Funding would rise to $80.0 million for FY2027 (9%).", "9%", None, None),
        ("Prices were 5%, 6% and 7% higher.", "5%", None, None),  # a list, not a restatement
    ],
)
def test_context_a_bracket_after_a_name_holds_that_ones_change(extract, text, qtext, change, measured_word):
    """Phenomenon: 'DOD (up $4.9 billion; 3%)': a change's amount and its percentage side by side in one
    bracket state one change (`change-restated`), and a bracket right after a place's or organisation's name
    gives that one's value of what the clause measures (`measured-bracket-name`); a fiscal year is no name."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.quantity.change == change
    if measured_word is None:
        assert "FY2027" not in (claim.measured or "")
    else:
        assert measured_word in (claim.measured or "")


@pytest.mark.parametrize(
    "text, qtext, unit, measured",
    [
        ("Life expectancy at birth was 55 in 2009.", "55", "year", "Life expectancy"),
        (
            "Life expectancy was 55 in 2009, having fallen from a peak of 64.1 in 1990.",
            "64.1",
            "year",
            "Life expectancy",
        ),
        ("Unemployment rose 170%, reaching an all-time high of 11.2% in 1991.", "11.2%", "percent", "Unemployment"),
        ("Life expectancy rose by 2 years.", "2 years", "year", "Life expectancy"),
    ],
)
def test_context_life_expectancy_counts_years_and_a_peak_is_the_subjects(extract, text, qtext, unit, measured):
    """Phenomenon: a bare life expectancy is in years (news_units.jsonl `nu-concept-life-expectancy`, a
    duration), and a peak or low a participle clause reaches or leaves is the main clause subject's."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.quantity.unit == unit
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text, qtext, measured, source",
    [
        ("NPS received a 70% share, FS 15%, FWS 5%, and BIE 5% (for BIE schools).", "15%", "share (FS)", None),
        ("NPS received a 70% share, FS 15%, FWS 5%, and BIE 5% (for BIE schools).", "70%", "share", None),
        ("GDP rose 2.1% (latest data, BEA).", "2.1%", "GDP", "BEA"),
    ],
)
def test_context_a_gapped_list_of_names_and_shares(extract, text, qtext, measured, source):
    """Phenomenon: 'NPS received a 70% share, FS 15%, FWS 5%': a figure right after a name listed after an
    earlier figure is that name's value of what the earlier one measures (`measured-listed-name`); a bracket
    opening on a preposition ('for BIE schools') says for what, not who says so."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured
    assert (claim.source.text if claim.source else None) == source


@pytest.mark.parametrize(
    "text, qtext, change",
    [
        ("NIH received the largest dollar increase ($19.6 billion) this year.", "$19.6 billion", "up"),
        ("There was a corresponding large decrease (over 50%) in new infections.", "over 50%", "down"),
        (
            "Hourly earnings decelerated from a gain of 0.5 percent in July to 0.3 percent in August.",
            "0.3 percent",
            "up",
        ),
        ("The increase in spending ($3 billion) was approved.", "$3 billion", None),  # the bracket follows spending
    ],
)
def test_context_a_change_nouns_bracket_and_its_rate_reached(extract, text, qtext, change):
    """Phenomenon: a figure in a bracket right after a change noun is that change (`change-bracket-noun`),
    and the level a change noun's rate reaches, 'from a gain of 0.5 percent ... to 0.3 percent', is that
    change too (`change-noun-transition`)."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.quantity.change == change


@pytest.mark.parametrize(
    "text, qtext, modality",
    [
        (
            "Approximately 92% of the R&D funding requested in the budget would have gone to five agencies.",
            "Approximately 92%",
            "asserted",
        ),
        (
            "About $882 million of funding appropriated by Congress will be returned to the Treasury.",
            "About $882 million",
            "forecast",
        ),
        ("About 40% of voters would back the plan if it passed.", "About 40%", "hypothetical"),
    ],
)
def test_context_a_share_of_requested_funding_states_the_request(extract, text, qtext, modality):
    """Phenomenon: 'X% of the funding requested in the budget would have gone to ...' says what the request
    contained, not a supposition; funding already appropriated that 'will be returned' is a forecast."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.modality == modality


@pytest.mark.parametrize(
    "text, source",
    [
        ("R&D funding would have decreased, relative to FY2025 estimates, for four of these five agencies.", None),
        ("Sales rose 5%, relative to 2024 estimates.", None),
        ("The agency estimates the cost at $5 billion.", "agency"),
    ],
)
def test_context_a_year_is_never_a_source(extract, text, source):
    """Phenomenon: 'relative to FY2025 estimates', which the parser may read as 'FY2025 estimates' (a year
    that estimates): a year or fiscal year is when, never who says so, and the misread verb hedges nothing."""
    claim = extract(text)[-1]
    assert (claim.source.text if claim.source else None) == source


@pytest.mark.parametrize(
    "text, source",
    [
        ("The PCE price index for food has increased each month this year by an average of 1.2 percent.", None),
        ("The IMF's forecast is 3.1%.", "IMF"),
    ],
)
def test_context_an_index_that_moves_is_measured_not_a_source(extract, text, source):
    """Phenomenon: 'The PCE price index for food has increased by 1.2 percent': an index that is the subject
    of the figure's clause is what is measured (words.jsonl role `measure_instrument`), not a document that
    says so; a forecast's owner still is."""
    (claim,) = extract(text)
    assert (claim.source.text if claim.source else None) == source


@pytest.mark.parametrize(
    "text, source",
    [
        ("Botswana is one of 21 priority countries identified by the UN AIDS group in 2011.", "UN AIDS group"),
        ("At least 120 deaths were documented by Human Rights Watch.", "Human Rights Watch"),
        ("At least 120 deaths were reported in the city.", None),
    ],
)
def test_context_who_identified_or_documented_a_figure_is_its_source(extract, text, source):
    """Phenomenon: 'identified by', 'documented by', 'tracked by', 'confirmed by' name who says so, like
    'estimated by' (sources.jsonl `src-agent`)."""
    (claim,) = extract(text)
    assert (claim.source.text if claim.source else None) == source


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        ("Prevalence was about 6% for females and 3.5% for males in 2013.", "about 6%", "2013"),
        ("Unemployment was 4% in Ohio and 5% in Texas in May 2025.", "4%", "2025-05"),
        ("Prices increased 2.8 percent, down from a peak of 5.6 percent in February 2022.", "2.8 percent", None),
        ("Output is forecast at 16.8 billion bushels, down 62 million from September.", "16.8 billion bushels", None),
    ],
)
def test_context_a_date_closing_a_list_of_figures_dates_them_all(extract, text, qtext, period):
    """Phenomenon: 'about 6% for females and 3.5% for males in 2013': a date closing a coordinated list of
    figures of one kind dates the earlier ones too (`time-shared-by-list`); not across a baseline ('down from
    a peak of 5.6 percent in February 2022') nor from a change's own baseline date ('from September')."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert (claim.time.period if claim.time else None) == period


@pytest.mark.parametrize(
    "text, qtext, measured",
    [
        ("The unemployment rate was 3.4 percent for adult men.", "3.4 percent", "unemployment rate for adult men"),
        ("Prevalence was about 6% for females and 3.5% for males in 2013.", "3.5%", "Prevalence for males"),
        ("The Act provided $200 billion for U.S. industries.", "$200 billion", "U.S. industries"),
    ],
)
def test_context_a_rate_for_a_group_keeps_both(extract, text, qtext, measured):
    """Phenomenon: 'The unemployment rate was 3.4 percent for adult men': a percentage the clause states of
    its subject 'for' a group measures the subject's value for that group; an amount 'for' something is
    what it pays for."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text, texts",
    [
        ("The unemployment rate rose from a low of 3.4% to 4.1%.", ["3.4%", "4.1%"]),
        ("Prices fell from a peak of $5 to $3.", ["$5", "$3"]),
        ("Temperatures range from a low of 10 to 20 degrees.", ["10 to 20 degrees"]),
        ("Prices range from $5 to $12.", ["from $5 to $12"]),
    ],
)
def test_context_a_change_from_a_reference_level_is_two_levels(extract, text, texts):
    """Phenomenon: 'rose from a low of 3.4% to 4.1%': a change from a reference level ('a low of', 'a peak
    of') to another is two levels, as 'from 3.4% to 4.1%' after a change verb is; 'range from' stays a range."""
    assert [c.quantity.text for c in extract(text)] == texts


@pytest.mark.parametrize(
    "text, qtext, period",
    [
        (
            "GDP increased at a 2.8 percent annual rate in the third quarter, consistent with the growth recorded "
            "in the first half of the year.",
            "2.8 percent",
            "2024-Q3",
        ),
        ("Prices rose 4% in the second quarter, after strong gains in the first half of the year.", "4%", "2024-Q2"),
        ("In 2023, output rose 3% in the third quarter.", "3%", "2023-Q3"),
    ],
)
def test_context_a_period_on_the_figures_own_verb_dates_it(text, qtext, period):
    """Phenomenon: 'increased at a 2.8 percent annual rate in the third quarter, consistent with the growth
    recorded in the first half of the year': a period without a year that hangs on the figure's own clause
    dates it, ahead of a period in a phrase that only comments on it."""
    from claimx.extract import extract_claims

    claim = next(c for c in extract_claims(text, published="2024-11-20") if c.quantity.text == qtext)
    assert claim.time is not None and claim.time.period == period


@pytest.mark.parametrize(
    "text, qtext, measured, time_text",
    [
        (
            "GDP growth has averaged just over 2 percent per year in the current economic expansion.",
            "just over 2 percent",
            "GDP growth",
            "the current economic expansion",
        ),
        (
            "Output growth in that earlier expansion averaged nearly 3 percent.",
            "nearly 3 percent",
            "Output growth",
            None,
        ),
        ("Banks lost $5 billion during the crisis.", "$5 billion", "Banks", "the crisis"),
        ("The company invested $5 billion in the expansion.", "$5 billion", "expansion", None),
    ],
)
def test_context_an_era_after_in_says_when_not_what(extract, text, qtext, measured, time_text):
    """Phenomenon: 'averaged 2 percent per year in the current economic expansion': a phrase naming an era
    (placed by 'current', 'last', 'that earlier' after 'in'; any era after 'during') says when the figure
    holds, not what it measures; an unplaced 'in the expansion' after an amount is what it pays for."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured
    if time_text is not None:
        assert claim.time is not None and claim.time.text == time_text


@pytest.mark.parametrize(
    "text, qtext, measured, source, modality",
    [
        (
            "The median of FOMC participants' projections of this longer-run trend growth rate is 1.8 percent.",
            "1.8 percent",
            "longer-run trend growth rate",
            "FOMC participants",
            "forecast",
        ),
        (
            "The average of analysts' forecasts for earnings growth is 12%.",
            "12%",
            "earnings growth",
            "analysts",
            "forecast",
        ),
        ("The median of economists' estimates shows inflation at 3.1%.", "3.1%", "inflation", "economists", "estimate"),
        ("The median household income was $75,000.", "$75,000", "median household income", None, "asserted"),
    ],
)
def test_context_a_statistic_of_forecasts_is_a_forecast(extract, text, qtext, measured, source, modality):
    """Phenomenon: 'The median of FOMC participants' projections of this longer-run trend growth rate is 1.8
    percent': a statistic (median, mean, average) of forecasts or estimates is one itself: its owners say so,
    it measures what the forecasts are of, and its modality is theirs; a median of data is a plain level."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured
    assert (source is None) == (claim.source is None)
    assert source is None or source in claim.source.text
    assert claim.modality == modality


@pytest.mark.parametrize(
    "text, qtext, measured",
    [
        ("Males had a median income of $40,000 versus $25,905 for females.", "$40,000", "median income"),
        ("Males had a median income of $40,000 versus $25,905 for females.", "$25,905", "median income"),
        ("The Fed succeeded in holding the unemployment rate below 4 percent.", "below 4 percent", "unemployment rate"),
        ("Policymakers kept inflation under 2% last year.", "under 2%", "inflation"),
        ("Sales fell below 4 percent.", "below 4 percent", "Sales"),
    ],
)
def test_context_compared_figures_and_levels_a_verb_holds(extract, text, qtext, measured):
    """Phenomenon: 'a median income of $40,000 versus $25,905': the parser hangs the first figure on the
    second, and it measures what the second does; 'holding the unemployment rate below 4 percent': a verb
    that holds its object under, over or near a level measures the object (words.jsonl role `level_marker`)."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured


def test_context_a_narrative_does_not_run_backwards(nlp):
    """Phenomenon: 'between December 9, 2002, and March 17, 2003 ... dropping to $1.47 by June 2' in a page dated
    May 2003: a date without a year that the page's date puts before the paragraph's last named year takes that
    year (`time-narrative-year`); a date in a paragraph that names no later year keeps the page's reading."""
    from claimx.extract import process_articles
    from claimx.ingest import make_article

    text = (
        "Prices rose 37 cents between December 9, 2002, and March 17, 2003. After peaking on March 17, prices "
        "fell, with the average dropping to $1.47 by June 2.\n\nIn 2001, sales were weak. Sales rose 4% in August."
    )
    art = make_article(text, article_id="a", published="2003-05-01")
    (res,) = list(process_articles([art], nlp=nlp))
    when = {c.quantity.text: (c.time.period if c.time else None) for c in res.claims}
    assert when["$1.47"] == "2003-06-02"
    assert when["4%"] == "2002-08"  # the last August before the page's date, later than 2001


@pytest.mark.parametrize(
    "text, period",
    [
        (
            "Prices rose 37 cents between December 9, 2002, and March 17, 2003, the agency said.",
            "2002-12-09/2003-03-17",
        ),
        ("Prices rose 37 cents from December 9, 2002, to March 17, 2003.", "2002-12-09/2003-03-17"),
        ("Prices rose 37 cents between December 9 and March 17, 2003.", "2002-12-09/2003-03-17"),
    ],
)
def test_context_a_range_of_full_dates_with_commas_is_one_period(extract, text, period):
    """Phenomenon: 'between December 9, 2002, and March 17, 2003': the comma after a full date's year does not
    break the range of dates (`timecands.joined_ranges`)."""
    (claim,) = extract(text)
    assert claim.time is not None and claim.time.period == period


@pytest.mark.parametrize(
    "text, qtext, source",
    [
        ("We found that 15 federal agencies reported a total estimate of $186 billion.", "$186 billion", "agencies"),
        ("Three companies reported sales of $5 billion.", "$5 billion", "companies"),
        ("About 40% of respondents reported incomes of $50,000 or less.", "$50,000 or less", None),
        ("91 percent of them reported feeling happy.", "91 percent", None),
    ],
)
def test_context_counted_bodies_reporting_their_figures_are_the_source(extract, text, qtext, source):
    """Phenomenon: '15 federal agencies reported a total estimate of $186 billion': counted bodies that report
    figures in their verb's object say so; a share or count of respondents reporting about themselves does
    not ('91 percent of them reported feeling happy')."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert (claim.source is None) == (source is None)
    assert source is None or source in claim.source.text


@pytest.mark.parametrize(
    "text, qtext, measured, source, modality",
    [
        (
            "The intelligence community assessed that Iran would have needed one year to complete the steps.",
            "one year",
            "time needed to complete the steps",
            "intelligence community",
            "estimate",
        ),
        ("It took three years to build the plant.", "three years", "time needed to build the plant", None, "asserted"),
        ("The committee assessed a fine of $5 million.", "$5 million", "fine", None, "asserted"),
        ("The process took about an hour.", "about an hour", "process", None, "asserted"),
    ],
)
def test_context_assessments_and_the_time_needed(extract, text, qtext, measured, source, modality):
    """Phenomenon: 'X assessed that Iran would have needed one year to complete the steps': 'assess that' is
    an estimate its subject says (not 'assessed a fine', which imposes it: words.jsonl role
    `object_not_report`), and a duration needed or taken for an infinitive's act is the time needed for it."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured
    assert (claim.source.text if claim.source else None) == source
    assert claim.modality == modality


@pytest.mark.parametrize(
    "text, measured, source, period",
    [
        (
            "In 2009, Singapore left the list of tax havens, but ranked fourth on the Tax Justice Network's 2015 "
            "Financial Secrecy Index.",
            "Financial Secrecy Index",
            "Tax Justice Network",
            "2015",
        ),
        ("Switzerland ranked first in the 2024 Global Innovation Index.", "Global Innovation Index", None, "2024"),
        ("The team finished second in the league.", "league", None, None),
    ],
)
def test_context_the_list_a_rank_is_on(extract, text, measured, source, period):
    """Phenomenon: 'ranked fourth on the Tax Justice Network's 2015 Financial Secrecy Index': the list a rank is
    on says what the rank measures, its owner who ranked, and its year when (`ranklists.py`)."""
    (claim,) = [c for c in extract(text) if c.quantity.unit == "rank"]
    assert claim.measured == measured
    assert source is None or (claim.source is not None and claim.source.text == source)
    assert (claim.time.period if claim.time else None) == period


@pytest.mark.parametrize(
    "text, qtext, time_text, year",
    [
        (
            "The unemployment rate did not exceed 4% from 2005 to 2014, hitting highs of 3.1% in 2005 and 3% "
            "during the 2009 global financial crisis; it fell to 1.9% in 2015.",
            "4%",
            "2005 to 2014",
            2014,
        ),
        (
            "The unemployment rate hit highs of 3.1% in 2005 and 3% during the 2009 global financial crisis.",
            "3%",
            "the 2009 global financial crisis",
            2009,
        ),
        ("In 2008, output fell 3% during the financial crisis.", "3%", "2008", 2008),
    ],
)
def test_context_spans_before_a_semicolon_and_dated_eras(extract, text, qtext, time_text, year):
    """Phenomenon: 'did not exceed 4% from 2005 to 2014, ...; it fell to 1.9% in 2015': a level's only dates in
    its clause are a span, which dates it (the date after the semicolon is another clause's, so it is set aside
    first); 'during the 2009 global financial crisis': an era its name dates has that year and is no weaker
    than a year; an undated era yields to the clause's year."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.time is not None and (claim.time.text, claim.time.year) == (time_text, year)


@pytest.mark.parametrize(
    "text, source",
    [
        ("The latest estimate from the Blue-Chip consensus of private forecasters is about 2 percent.", "Blue-Chip"),
        ("The latest forecast from the Bloomberg survey of economists is 3.1%.", "Bloomberg survey"),
        ("The estimate from the survey of New York households is 5%.", None),
    ],
)
def test_context_a_named_survey_an_estimate_comes_from_is_the_source(extract, text, source):
    """Phenomenon: 'the latest estimate from the Blue-Chip consensus of private forecasters': a data noun named
    by a proper noun (here inside a hyphenated compound) that an estimate comes from says so; a survey of a
    named place's households is not named by it."""
    (claim,) = extract(text)
    assert (claim.source is None) == (source is None)
    assert source is None or source in claim.source.text


@pytest.mark.parametrize(
    "text, qtext, measured",
    [
        ("HEU used in nuclear weapons typically contains about 90% u-235.", "about 90%", "u-235"),
    ],
)
def test_context_a_hyphenated_number_glued_to_a_word_is_part_of_its_name(extract, text, qtext, measured):
    """Phenomenon: 'contains about 90% u-235': a word glued by a hyphen to a number that is no figure ('u-235',
    'COVID-19') is one name in the measured phrase, not 'u'."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text, qtext, measured",
    [
        (
            "An estimated 34 percent of health care workers reported symptoms of depression, and 57 percent "
            "reported experiencing symptoms of anxiety.",
            "57 percent",
            "health care workers who reported experiencing symptoms of anxiety",
        ),
        (
            "About 40 percent of respondents cited rising costs.",
            "About 40 percent",
            "respondents who cited rising costs",
        ),
        (
            "Some 62 percent said the economy was getting worse.",
            "Some 62 percent",
            "said the economy was getting worse",
        ),
        ("Sales rose 5 percent.", "5 percent", "Sales"),
    ],
)
def test_context_a_share_of_respondents_measures_what_they_said(extract, text, qtext, measured):
    """Phenomenon: '57 percent reported experiencing symptoms of anxiety': a share that is the subject of a verb of
    responding (report, cite, say, expect ...) measures the share of its group that said or did what the verb's
    object names; the group is the share's 'of' phrase or that of the share it is coordinated with."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text,qtext,measured",
    [
        ("The ministry extended the ban for 90 days.", "90 days", "extended ban"),
        ("Officials closed the border for two weeks.", "two weeks", "closed border"),
        ("The regulator suspended the licence for six months.", "six months", "suspended licence"),
        # without an object the clause still says what lasted
        ("The strike lasted for three days.", "three days", "strike"),
        ("The storm shaved $2 billion from the state budget.", "$2 billion", "state budget"),
        ("The panic wiped $50 billion off the company's market value.", "$50 billion", "market value"),
        (
            "Tariffs could cut half a percentage point off economic growth.",
            "half a percentage point",
            "economic growth",
        ),
        # a counted noun is still what is counted
        ("The company cut 500 jobs from its workforce.", "500 jobs", "jobs"),
    ],
)
def test_context_a_duration_of_an_act_and_an_amount_taken_from_a_noun(extract, text, qtext, measured):
    """Phenomenon: a duration "for" a verb acting on an object is how long that act lasts (the verb and its
    object, never the agent: `measured-event-duration`), and an amount a verb of taking away removes "from" or
    "off" a noun measures that noun (`measured-taken-from`, words.jsonl role `taking_away_verb`)."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text,qtext,measured",
    [
        (
            "The country ranks fifth worldwide in the number of renewable energy green jobs.",
            "fifth",
            "number of renewable energy green jobs",
        ),
        (
            "It is the 35th largest economy by GDP and 29th largest in terms of purchasing power parity.",
            "29th largest",
            "purchasing power parity",
        ),
        # a rank that modifies its noun ranks that noun
        ("Jebel Ali is the ninth largest port in terms of containers handled.", "ninth largest", "port"),
    ],
)
def test_context_a_rank_in_terms_of_a_criterion_measures_the_criterion(extract, text, qtext, measured):
    """Phenomenon: a rank 'in terms of' X, or 'in the number (share, amount ...) of' X, ranks by X
    (`measured-rank-criterion`), unless the rank modifies the noun it ranks."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text,qtext,period",
    [
        # a relative period after "over" on a change is its baseline; the change's own period dates it
        (
            "With fiscal year 2014–15 exports increasing by 3.3% over the previous year to $30 billion,"
            " the deficit grew.",
            "3.3%",
            "2014/15",
        ),
        ("Sales rose 4% over the previous year to $2 billion in 2019.", "4%", "2019"),
        # a split fiscal year written with an en dash after "fiscal year"
        ("Exports in fiscal year 2014–15 rose to $30 billion.", "$30 billion", "2014/15"),
        # "this same time period" points back to the period named before it in the sentence
        (
            "Fiscal year 2014–15 exports rose 3.3% to $30 billion, while the deficit grew by 45%"
            " in this same time period.",
            "45%",
            "2014/15",
        ),
        # a span of years written with a spaced en dash, at the end of a heading (no token after it)
        ("Allocations Totaled About $14 Billion in Fiscal Years 2018– 2023", "About $14 Billion", "FY2018/FY2023"),
    ],
)
def test_context_relative_and_pointing_periods(extract, text, qtext, period):
    """Phenomenon: 'increasing by 3.3% over the previous year' compares with the period before the change's
    own; 'this same time period' is the period named before; a split fiscal year keeps its second year."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.time is not None and claim.time.period == period


def test_context_this_period_opening_a_paragraph_is_the_span_named_before(extract):
    """Phenomenon: 'During this period' opening a paragraph names a span: the last span of years the paragraph
    before names, not the last single year in it."""
    text = (
        "Allocations totaled about $14 billion in fiscal years 2018 through 2023. Allocations peaked at about"
        " $3 billion in fiscal year 2022.\n\nDuring this period, three program areas accounted for about 70 percent"
        " of allocations."
    )
    claim = next(c for c in extract(text) if c.quantity.text == "about 70 percent")
    assert claim.time.period == "FY2018/FY2023"


@pytest.mark.parametrize(
    "text,qtext,measured",
    [
        (
            "Ten of the 24 program elements accounted for about $10.5 billion.",
            "about $10.5 billion",
            "program elements",
        ),
        ("Three of the five largest banks posted profits of $2 billion.", "$2 billion", "profits"),
    ],
)
def test_context_a_number_for_part_of_a_group_measures_the_group(extract, text, qtext, measured):
    """Phenomenon: 'Ten of the 24 program elements accounted for $10.5 billion': a subject that is a number
    standing for part of a group measures through the group's noun, never the bare number."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured


def test_context_a_date_phrase_opening_the_sentence_frames_it(extract):
    """Phenomenon: 'Over the first three quarters of 2018, hours worked in the nonfarm business sector were up
    2.0 percent': a date phrase that opens the sentence, set off by a comma, dates the clause after it however
    the parser hangs it; a figure's own date later in the sentence still wins."""
    claims = {
        c.quantity.text: c
        for c in extract(
            "Over the first three quarters of 2018, hours worked in the nonfarm business sector were up 2.0 percent,"
            " and productivity was up 1.8 percent.",
            published="2019-01-10",
        )
    }
    assert claims["2.0 percent"].time.period == "2018-Q1/2018-Q3"
    assert claims["1.8 percent"].time.period == "2018-Q1/2018-Q3"
    other = {c.quantity.text: c for c in extract("In 2019, prices rose 5%, and in 2020 they fell 3%.")}
    assert other["3%"].time.period == "2020"
    for text in ("Back in 2010, exports were $5 billion.", "Even as recently as 2010, 76% of homes were owned."):
        assert extract(text)[0].time.period == "2010"


@pytest.mark.parametrize(
    "text,source",
    [
        ("Property analysis company CoreLogic says 45% of house purchases are made by investors.", "CoreLogic"),
        ("The rating agency Moody's said defaults rose 2%.", "Moody's"),
        ("The agency said defaults rose 2%.", "agency"),
        ("The Program’s estimate is that 5% of claims fail.", "Program"),
    ],
)
def test_context_a_descriptor_before_a_name_gives_the_name_as_source(extract, text, source):
    """Phenomenon: 'Property analysis company CoreLogic says ...': a common-noun descriptor right before the
    name it describes; the source is the name (with its own "'s" when the name is a subject: "Moody's said"),
    not the descriptor."""
    assert extract(text)[0].source.text == source


def test_context_the_two_levels_of_a_transition_take_the_two_ends_of_its_span(extract):
    """Phenomenon: 'Between 2010 and 2018, the number of tourists grew from 5 million to 15 million': the level
    a change starts from is of the span's first period, the level it reaches of its last; a split year
    ('in 2024/25') is one period and stays."""
    claims = {
        c.quantity.text: c
        for c in extract("Between 2010 and 2018, the number of tourists grew from 5 million to 15 million.")
    }
    assert (claims["5 million"].time.period, claims["15 million"].time.period) == ("2010", "2018")
    split = extract("Inventories fell from 400 million barrels to 350 million barrels in 2024/25.")
    assert {c.time.period for c in split} == {"2024/25"}


def test_context_the_same_period_after_two_dated_figures_of_its_sentence_is_their_span(extract):
    """Phenomenon: 'exports increased from $22.5 billion in 2006 to $50.4 billion in 2024, while imports
    increased from $15.6 billion to $45.1 billion during the same time period': the pointing period is the
    span of the dates before it in its sentence, and the transition's levels take its two ends."""
    claims = {
        c.quantity.text: c
        for c in extract(
            "Exports increased from $22.5 billion in 2006 to $50.4 billion in 2024, while imports increased from"
            " $15.6 billion to $45.1 billion during the same time period."
        )
    }
    assert claims["$15.6 billion"].time.period == "2006"
    assert claims["$45.1 billion"].time.period == "2024"


@pytest.mark.parametrize(
    "text,qtext,measured",
    [
        ("The S&P 500 closed up 0.8%, while the Nasdaq gained 1.2%.", "1.2%", "Nasdaq"),
        ("The Dow lost 300 points.", "300 points", "Dow"),
        ("The FTSE 100 fell 0.5% to 8,200.", "0.5%", "FTSE 100"),
        ("Nasdaq Inc said its revenue rose 5%.", "5%", "revenue"),
    ],
)
def test_context_a_stock_index_named_like_a_company_is_what_moves(extract, text, qtext, measured):
    """Phenomenon: market summaries: 'the Nasdaq gained 1.2%': a stock index the tagger takes for an
    organisation is what the figure measures (words.jsonl role `market_index`), not an agent refused."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text,qtext,period",
    [
        (
            "Some 2.5 million people have fled since the war began in 2022, the UN said.",
            "Some 2.5 million people",
            "2022/2025",
        ),
        ("Prices have risen 20% since the pandemic began in 2020.", "20%", "2020/2025"),
    ],
)
def test_context_a_since_clause_with_a_date_starts_the_period(extract, text, qtext, period):
    """Phenomenon: 'have fled since the war began in 2022': a total or change over the period a 'since' clause
    opens runs from the clause's date to the writing, as 'since 2022' does."""
    claim = next(c for c in extract(text, published="2025-06-10") if c.quantity.text == qtext)
    assert claim.time.period == period


@pytest.mark.parametrize(
    "text,qtext,source",
    [
        (
            "Biden claimed that inflation was 9% when he took office, but it was actually 1.4% in January 2021.",
            "9%",
            "Biden",
        ),
        (
            "Biden claimed that inflation was 9% when he took office, but it was actually 1.4% in January 2021.",
            "1.4%",
            None,
        ),
        ("The senator said 70,000 people died, but the ministry counts 12,500.", "12,500", "ministry"),
        ("The agency said sales rose 5%, and added that profits fell 3%.", "3%", "agency"),
    ],
)
def test_context_a_report_does_not_reach_a_clause_but_contrasts_with_it(extract, text, qtext, source):
    """Phenomenon (fact-check prose): 'X claimed that A, but it was actually B': a clause 'but' or 'yet' opens,
    with its own subject, is not under X's report, nor shares X as its sentence's source; an 'and' continuing
    the report still is."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert (claim.source.text if claim.source else None) == source


def test_context_a_date_is_never_a_source(extract):
    """Phenomenon: 'a Gallup poll released Tuesday shows' (parsed 'Tuesday shows' as a noun compound): a date
    the parser leaves as a subject is never who says so; the poll is."""
    claim = extract("Only 23 percent of voters approve of Congress, a Gallup poll released Tuesday shows.")[0]
    assert claim.source is not None and claim.source.text == "Gallup poll"


def test_context_a_year_earlier_than_a_span_moves_the_whole_span(extract):
    """Phenomenon: 'fell to 431,000 in the year to December 2024, down from 860,000 a year earlier': a step back
    from a span of months (or quarters) moves both its ends."""
    claims = {
        c.quantity.text: c
        for c in extract(
            "Net migration fell to 431,000 in the year to December 2024, down from 860,000 a year earlier."
        )
    }
    assert claims["860,000"].time.period == "2023-01/2023-12"


@pytest.mark.parametrize(
    "text,qtext,measured",
    [
        ("Households spent an average of $1,200 on energy last winter.", "an average of $1,200", "energy"),
        ("The agency spent a total of $5 million on consultants.", "a total of $5 million", "consultants"),
    ],
)
def test_context_an_average_or_total_of_an_amount_paid_for_something_measures_it(extract, text, qtext, measured):
    """Phenomenon: 'spent an average of $1,200 on energy': 'an average of' or 'a total of' before the amount
    stands where the amount does; what the money is spent on is measured."""
    claim = next(c for c in extract(text) if c.quantity.text == qtext)
    assert claim.measured == measured


def test_context_a_record_since_a_year_does_not_date_the_figure(extract):
    """Phenomenon: 'Turnout was 66.6%, the highest since 1900': the date after 'since' right after a superlative
    starts the record's range, it does not date the figure (and 'Turnout', which the recogniser calls a
    person while the tagger reads a common noun, is what is measured)."""
    claim = extract("Turnout was 66.6%, the highest since 1900.")[0]
    assert claim.time is None and claim.measured == "Turnout"
    dated = extract("Unemployment fell to 3.4% in January, the lowest since 1969.", published="2025-06-10")[0]
    assert dated.time.period == "2025-01"
    since = extract("Exports rose 5% since 2020.", published="2025-06-10")[0]
    assert since.time.period == "2020/2025"


def test_context_a_change_from_a_month_takes_the_later_month_of_its_clause(extract):
    """Phenomenon: 'reached 14.5% in March, up 0.3 percentage points from February': a change whose nearest
    date is its baseline month reaches the later month of its clause, as with years ('a 13% increase from
    2022')."""
    claims = {
        c.quantity.text: c
        for c in extract(
            "Unemployment among young people reached 14.5% in March, up 0.3 percentage points from February.",
            published="2025-06-10",
        )
    }
    assert claims["0.3 percentage points"].time.period == "2025-03"


@pytest.mark.parametrize(
    "text,measured",
    [
        ("The vaccine was 95% effective in preventing illness.", "vaccine effective"),
        ("The reservoir is 40% full.", "reservoir full"),
    ],
)
def test_context_a_percentage_of_a_quality_measures_its_subject(extract, text, measured):
    """Phenomenon: 'The vaccine was 95% effective': a percentage on a predicate adjective is the degree of the
    subject's quality; the subject with the adjective, not the adjective alone."""
    assert extract(text)[0].measured == measured


@pytest.mark.parametrize(
    "text, measured",
    [
        ("Sales of electric vehicles rose to 1.2 million units last year.", "Sales of electric vehicles"),
        ("Apple shipped 50 million units of the iPhone 15.", "iPhone 15"),
        ("The store sold 300 items.", "items sold"),
        ("Builders started 1.3 million housing units.", "housing units"),  # a modified unit names its thing
    ],
)
def test_context_a_bare_counting_word_is_not_what_is_measured(extract, text, measured):
    """Phenomenon: 'units', 'items' and 'pieces' count without naming a thing: the thing is their 'of' complement,
    what was done to them, or the subject whose level they give."""
    assert extract(text)[0].measured == measured


@pytest.mark.parametrize(
    "text",
    [
        "The lowest toll ever paid was 36 cents (), by an American who swam the canal in 1928.",
        "Prices rose 5% ( ) last year.",
        "Sales () rose 5% [] in May.",
    ],
)
def test_context_an_empty_bracket_is_read_without_error(extract, text):
    """Phenomenon: exports that lose a template leave empty brackets after a figure ("36 cents ()"); they cite
    nobody, and the figure is read as without them."""
    (claim,) = extract(text)
    assert claim.source is None


@pytest.mark.parametrize(
    "text, qtext, measured",
    [
        ("The Dow fell 1.2%, closing at 38,500 points.", "38,500 points", "Dow"),
        ("Oil prices rose 3%, ending the day at $82 a barrel.", "$82 a barrel", "Oil prices"),
        (
            "The gasoline futures price was up by 1.6 cents per gallon, settling at 203.8 cents per gallon.",
            "203.8 cents per gallon",
            "gasoline futures price",
        ),
    ],
)
def test_context_a_level_a_participle_leaves_the_subject_at_measures_the_subject(extract, text, qtext, measured):
    """Phenomenon: market reports give the closing level in a participle continuing the move ("..., closing at",
    "settling at", "ending the day at"): the level is the subject's, not the participle's."""
    (claim,) = [c for c in extract(text) if c.quantity.text == qtext]
    assert claim.measured == measured


@pytest.mark.parametrize(
    "text, source",
    [
        ("Sales rose 4%, per a company filing.", "company filing"),
        ("Per the report, 40% of homes flooded.", "report"),
        ("Income was $5,000 per capita.", None),  # a rate's "per"
        ("Nearly 60% of voters back the plan, a new poll shows.", "new poll"),
        ("Half of adults own a pet, a Pew survey finds.", "Pew survey"),
        ("Prices rose 3%, Census Bureau data show.", "Census Bureau data"),
        ("Prices rose 3%, the data show.", None),  # data that name no one
    ],
)
def test_context_a_document_named_after_per_or_closing_the_sentence_is_the_source(extract, text, source):
    """Phenomenon: news attributes a figure to a document as well as to a body: "per a company filing", and a
    report that closes the sentence after a comma (", a new poll shows.", where the tagger reads "shows" as a
    noun). Golds record such documents ("the survey", "The new study"); anonymous data ("the data show") stay
    unattributed."""
    (claim,) = extract(text)
    assert (claim.source.text if claim.source else None) == source


@pytest.mark.parametrize(
    "text, measured",
    [
        ("Floods kill 40 people a year.", "people killed"),
        ("Amazon employs 1.5 million people worldwide.", "people employed"),
        ("The firm hired 300 workers in May.", "workers hired"),
        ("The program serves 2 million children.", "children served"),
    ],
)
def test_context_people_an_event_befalls_measure_the_event_as_a_participle(extract, text, measured):
    """Phenomenon: a count of people a verb acts on measures what happened to them, written as a participle
    whatever the verb's tense ("Floods kill 40 people a year": "people killed"; "employs": "people employed")."""
    assert extract(text)[0].measured == measured


@pytest.mark.parametrize(
    "text, measured",
    [
        ("About 30% of adults in the UK are obese.", "adults that are obese"),
        ("Some 12% of households were without power.", "households that were without power"),
        ("About 40% of students are eligible for free meals.", "students that are eligible for free meals"),
        ("30% of voters are women.", "voters"),  # a noun predicate: the whole's strategy
        # a passive verb acting on the part
        ("Nearly a third of the country's wheat crop was lost.", "wheat crop lost"),
        ("Half of the budget was spent on defense.", "budget spent on defense"),
        ("27.0% of all households were made up of individuals.", "households made up of individuals"),
    ],
)
def test_context_a_share_of_a_whole_in_a_state_measures_the_part_in_that_state(extract, text, measured):
    """Phenomenon: "30% of adults are obese": a share of a named whole that is an adjective (or "without" X)
    measures the part of the whole in that state, not the whole."""
    assert extract(text)[0].measured == measured


@pytest.mark.parametrize(
    "text, sources",
    [
        (
            "The claim that crime rose 40% in 2024 is false; FBI data show violent crime fell 4.5%.",
            [None, "FBI data"],
        ),
        ("Prices rose 5%; wages fell 2%, the BLS said.", ["BLS", "BLS"]),  # a source closing the sentence
        ("According to the BLS, prices rose 5%; wages fell 2%.", ["BLS", "BLS"]),
    ],
)
def test_context_a_source_opening_the_clause_after_a_semicolon_reports_only_that_clause(extract, text, sources):
    """Phenomenon: fact-checks set a claim against the record in one sentence ("The claim that ... is false; FBI
    data show ..."): the source that opens the clause after the semicolon reports that clause's figures only."""
    assert [c.source.text if c.source else None for c in extract(text)] == sources


@pytest.mark.parametrize(
    "text, measured",
    [
        ("Israel has killed more than 50,000 Palestinians.", "Palestinians killed"),
        ("About 150,000 Americans died.", "Americans died"),
    ],
)
def test_context_a_count_of_a_plural_name_is_what_is_measured(extract, text, measured):
    """Phenomenon: a number counts a plural proper noun as it counts a common one ("50,000 Palestinians"), and a
    count of people an event befalls measures the event, whoever the agent ("Israel" is not the measure)."""
    assert extract(text)[0].measured == measured


@pytest.mark.parametrize(
    "text, measured",
    [
        ("Two hundred prisoners remain at large.", "prisoners at large"),
        ("Five people are still missing.", "people missing"),
        ("About 300 people were homeless.", "people homeless"),
        ("Ten people were in Paris.", "people"),  # a place is where, not a state
    ],
)
def test_context_a_count_in_a_state_measures_the_counted_in_that_state(extract, text, measured):
    """Phenomenon: disaster and crime reports count people by the state they are in ("remain at large", "are
    still missing", "are in hospital"): the state belongs to what is measured."""
    assert extract(text)[0].measured == measured


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Job growth was likely more than 200,000 jobs a month over the past year.", "estimate"),
        ("The breakeven pace, which was likely more than 200,000 jobs a month, fell.", "estimate"),
        ("Sales were probably 5 million units.", "estimate"),
        ("Sales were 5 million units.", "asserted"),
    ],
)
def test_context_an_epistemic_word_the_parser_makes_a_complement_still_hedges(extract, text, modality):
    """Phenomenon: "was likely more than 200,000": the parser hangs "likely" on the copula as a complement,
    not an adverb; it still makes the figure an estimate."""
    assert extract(text)[0].modality == modality


@pytest.mark.parametrize(
    "text, modality",
    [
        ("I still see headline and core inflation falling to 2.2 percent next year.", "forecast"),
        ("Economists see the unemployment rate rising to 4.5% by year-end.", "forecast"),
        ("I saw prices rise 5% last year.", "asserted"),  # the past tense sees what happened
    ],
)
def test_context_seeing_a_change_ahead_is_a_forecast(extract, text, modality):
    """Phenomenon: forecasters "see" a change coming ("We see growth slowing to 1.5 percent in 2025"): "see" in
    the present with a participle clause makes that clause's figures a forecast."""
    assert extract(text, published="2024-05-01")[0].modality == modality


@pytest.mark.parametrize(
    "text, sources",
    [
        ("The company, which reported revenue of $4 billion, said it would cut 500 jobs.", ["company", "company"]),
        ("Tesla, which reported a 9% drop in deliveries, fell 3%.", ["Tesla", None]),  # not shared
        ("The UN, which said 40 people died, called for calm.", ["UN"]),
    ],
)
def test_context_a_relative_clause_of_saying_is_its_antecedents_report(extract, text, sources):
    """Phenomenon: "X, which reported revenue of $4 billion, ...": the relative pronoun is the reporting verb's
    subject, so its antecedent is the source of the clause's figures, and of those only."""
    assert [c.source.text if c.source else None for c in extract(text)] == sources
