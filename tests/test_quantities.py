"""Behaviour of the quantity reader on the phenomena the issues name."""

import pytest


def one(claims, text):
    hits = [c for c in claims if c.quantity.text == text]
    assert hits, f"{text!r} not in {[c.quantity.text for c in claims]}"
    return hits[0].quantity


@pytest.mark.parametrize(
    "sentence,qtext,value,unit,bound",
    [
        ("It could unlock Pakistan's $8 trillion resource potential.", "$8 trillion", 8e12, "USD", "="),
        ("Reserves are worth upwards of $8 trillion.", "upwards of $8 trillion", 8e12, "USD", ">"),
        (
            "The US is reliant for at least 11 mineral commodities.",
            "at least 11 mineral commodities",
            11,
            "commodity",
            ">=",
        ),
        ("Turnout was just under 40%.", "just under 40%", 40, "percent", "<"),
        ("Fines of up to $5,000 apply.", "up to $5,000", 5000, "USD", "<="),
        ("The budget was Rs 500 crore in Lahore.", "Rs 500 crore", 5e9, "PKR", "="),
        ("The budget was Rs 500 crore in Mumbai.", "Rs 500 crore", 5e9, "INR", "="),
        ("A meal costs 15 euros.", "15 euros", 15, "EUR", "="),
        ("The club paid £3.5m for him.", "£3.5m", 3.5e6, "GBP", "="),
        ("It raised $25k.", "$25k", 25000, "USD", "="),
        (
            "Pakistan possesses an estimated 185 billion tons of coal.",
            "an estimated 185 billion tons",
            1.85e11,
            "metric ton",
            "~",
        ),
        ("Temperatures fell to minus 5 degrees Celsius.", "minus 5 degrees Celsius", -5, "degree Celsius", "="),
        ("Winds reached 185 mph.", "185 mph", 185, "mile per hour", "="),
        # "up" as the particle of a verb of movement is not the bound "up to" (words.jsonl role up_verb)
        ("The employment-population ratio edged up to 60.4 percent.", "60.4 percent", 60.4, "percent", "="),
        ("The jobless rate ticked up to 4.1% in March.", "4.1%", 4.1, "percent", "="),
        ("The fund will raise up to $10 million.", "up to $10 million", 1e7, "USD", "<="),
        ("Prices could be up to 5% higher.", "up to 5%", 5, "percent", "<="),
    ],
)
def test_quantities_value_unit_bound(extract, sentence, qtext, value, unit, bound):
    q = one(extract(sentence), qtext)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.bound == bound


@pytest.mark.parametrize(
    "sentence,qtext,low,high",
    [
        ("China controls approximately 70-80% of processing.", "approximately 70-80%", 70, 80),
        ("Its share lingered at around 1-2%.", "around 1-2%", 1, 2),
        ("Prices rose between 5 and 10 percent.", "between 5 and 10 percent", 5, 10),
        ("The deal is worth $1.2-1.5 billion.", "$1.2-1.5 billion", 1.2e9, 1.5e9),
        ("Rents range from $900 to $1,400 a month.", "from $900 to $1,400 a month", 900, 1400),
        ("Homes from $750,000 to $1 million sold fastest.", "from $750,000 to $1 million", 750000, 1e6),
        ("Estimates vary from 9% to 12%.", "from 9% to 12%", 9, 12),
        ("The target range is 5-1/4 to 5-1/2 percent.", "5-1/4 to 5-1/2 percent", 5.25, 5.5),
        ("The target range is 5 ¼ to 5 ½ percent.", "5 ¼ to 5 ½ percent", 5.25, 5.5),
        # orders of magnitude multiply: "hundreds of thousands" is 100,000 to 1,000,000
        ("Hundreds of thousands of refugees fled.", "Hundreds of thousands of refugees", 1e5, 1e6),
        ("Tens of thousands protested.", "Tens of thousands", 1e4, 1e5),
        # a qualifier on each end of "from X to Y": one approximate range, in the second end's unit
        ("The share ranged from about 38 to about 98 percent.", "from about 38 to about 98 percent", 38, 98),
        ("It ranged from about 41 percent to about 96 percent.", "from about 41 percent to about 96 percent", 41, 96),
    ],
)
def test_quantities_ranges_are_kept_not_averaged(extract, sentence, qtext, low, high):
    q = one(extract(sentence), qtext)
    assert q.value is None
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    "sentence,before,after,unit",
    [
        # a change verb or noun before 'from X to Y': the level left and the level reached (transition)
        ("He dropped from 208 pounds to 193 by exercising.", ("208 pounds", 208), ("193", 193), "pound"),
        ("Fuel economy climbed from 21 mpg combined to 23 for FWD models.", ("21 mpg", 21), ("23", 23), None),
        ("The levy would be reduced from 9% to 8%.", ("9%", 9), ("8%", 8), "percent"),
        ("Coverage leaped from 46 percent to 85 percent.", ("46 percent", 46), ("85 percent", 85), "percent"),
        ("The grace period was extended from two to four months.", ("two", 2), ("four months", 4), "month"),
        ("The forecast was revised from 2.1% to 2.4%.", ("2.1%", 2.1), ("2.4%", 2.4), "percent"),
        # a multiplier verb moves a level too ("doubled, from 10 percent to 20 percent")
        (
            "The top 1 percent's share doubled, from 10 percent to 20 percent.",
            ("10 percent", 10),
            ("20 percent", 20),
            "percent",
        ),
        (
            "an increase from $68.7 million to $78.9 million",
            ("$68.7 million", 68.7e6),
            ("$78.9 million", 78.9e6),
            "USD",
        ),
        # a descending pair is never a range, whatever the verb
        (
            "The ratio stood at a level that went from 7.5 to 6.2 percent.",
            ("7.5", 7.5),
            ("6.2 percent", 6.2),
            "percent",
        ),
    ],
)
def test_quantities_from_x_to_y_after_a_change_is_two_levels(extract, sentence, before, after, unit):
    claims = extract(sentence)
    a, b = one(claims, before[0]), one(claims, after[0])
    assert (a.value, b.value) == (pytest.approx(before[1]), pytest.approx(after[1]))
    assert a.low is None and b.low is None
    assert a.change is None and b.change is None
    if unit is not None:
        assert a.unit == b.unit == unit
    rules = {c.quantity.text: c.rule_ids for c in claims}
    assert "transition-from" in rules[before[0]] and "transition-to" in rules[after[0]]


def test_quantities_the_level_reached_measures_what_the_level_left_measured(extract):
    claims = extract("Various changes would reduce the average capital surcharge from 2.7% to 2.3%.")
    assert {c.quantity.text: c.measured for c in claims} == {
        "2.7%": "average capital surcharge",
        "2.3%": "average capital surcharge",
    }


@pytest.mark.parametrize(
    "sentence,levels,measured",
    [
        # the levels of a transitive change are the object's, never the agent's
        ("The 2025 agreement lowered the tariff from 25% to 15%.", ("25%", "15%"), "tariff"),
        ("Congress increased the budget from $5 billion to $7 billion.", ("$5 billion", "$7 billion"), "budget"),
        # an intransitive change measures its subject
        ("Prices rose from 5% to 8% last year.", ("5%", "8%"), "Prices"),
    ],
)
def test_quantities_the_levels_of_a_change_measure_what_changes(extract, sentence, levels, measured):
    got = {c.quantity.text: c.measured for c in extract(sentence)}
    assert [got[t] for t in levels] == [measured, measured]


def test_quantities_a_signed_level_keeps_its_change(extract):
    claims = extract("The change for January was revised down by 32,000, from +504,000 to +472,000.")
    assert one(claims, "+504,000").change == one(claims, "+472,000").change == "up"


def test_quantities_newsquant_reads_a_transition_as_one_range(extract):
    from claimx.evaluate import newsquant_quantities

    (q,) = newsquant_quantities(extract("He dropped from 208 pounds to 193 by exercising."))
    assert (q.value, q.low, q.high, q.unit) == (None, 208, 193, "pound")


@pytest.mark.parametrize(
    "sentence,qtext,change",
    [
        ("Shares rose 12 percent on Monday.", "12 percent", "up"),
        ("Output fell 3.2% in March.", "3.2%", "down"),
        ("The sector saw a notable growth of 4.9%.", "4.9%", "up"),
        ("The index was up about 19 per cent for the year.", "about 19 per cent", "up"),
        ("Imports were 70% of supply.", "70%", None),
        ("GDP growth was 2.1 percent in 2023.", "2.1 percent", "up"),
        ("Wage growth slowed from 5.2 percent to 4.1 percent.", "4.1 percent", "up"),
        ("The decline in sales was 3 percent.", "3 percent", "down"),
        ("Growth accounted for 40 percent of the gain.", "40 percent", None),
        ("The unemployment rate was 3.8 percent.", "3.8 percent", None),
        # a difference "above" or "below" another figure, also after a bracketed restatement
        ("Sales were 5% below last year's level.", "5%", "down"),
        ("The request was $323.2 million below the enacted amount.", "$323.2 million", "down"),
        ("Congress provided $511.2 million (45%) above the amount requested.", "$511.2 million", "up"),
        ("Temperatures were 3 degrees above normal.", "3 degrees", "up"),
        # ... not a level measured from a fixed point
        ("The mine reaches 900 meters below sea level.", "900 meters", None),
        ("Lead came back at 2 ppb below the federal guideline of 15 ppb.", "2 ppb", None),  # a threshold
        # "by" a figure past an article and an adjective, whatever the parse made of them; a raise is a rise
        ("Sales rose by a whopping 30 per cent.", "30 per cent", "up"),
        ("Workers got a raise of 4%.", "4%", "up"),
        # a percentage "at" which a change verb moves is its pace; a level "at" stays a level
        ("Activity expanded, with GDP rising at 2.3 percent.", "2.3 percent", "up"),
        ("Unemployment stood at 4.1 percent.", "4.1 percent", None),
        # a direction word counts as the verb's particle only right after the verb
        ("Hours edged down by 0.1 hour.", "0.1 hour", "down"),
        ("Participants project GDP to rise 1.7 percent this year, somewhat lower than projected.", "1.7 percent", "up"),
        # a percentage before a comparative count compared with something after a bracketed aside
        ("The country had 8% fewer heating degree days (measured from July 1) than normal.", "8%", "down"),
    ],
)
def test_quantities_change(extract, sentence, qtext, change):
    assert one(extract(sentence), qtext).change == change


@pytest.mark.parametrize(
    "sentence,qtext,rank",
    [
        ("It has the world's second-largest salt mines.", "second-largest", 2),
        ("It is the sixth richest country in coal.", "sixth richest", 6),
    ],
)
def test_quantities_rank(extract, sentence, qtext, rank):
    q = one(extract(sentence), qtext)
    assert (q.value, q.kind, q.unit) == (rank, "rank", "rank")


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024, the plan was approved.",
        "She died on September 8 in Dar es Salaam.",
        "The market opens at 9:30 a.m.",
        "The S&P 500 closed higher.",
        "Campbell's team finished behind Oklahoma in the Big 12.",
        "The plan makes 5G available to more users.",
        "United salvaged a 2-2 draw.",
        "Tickets in Section 427 Row 21 were cheap.",
        "Call 555-123-4567 for details.",
        "The 22nd amendment speaks to partisan origins.",
        "Thompson's layup tied Game 7 at 89-89.",
    ],
)
def test_quantities_not_quantities(extract, sentence):
    assert [c.quantity.text for c in extract(sentence)] == []


def test_quantities_year_becomes_time(extract):
    claims = extract("In 2024, 70% of US rare earth imports came from China.")
    assert len(claims) == 1
    assert claims[0].time is not None and claims[0].time.year == 2024


def test_quantities_dated_ends_stay_two_claims(extract):
    claims = extract("Output rose from 5.6 million barrels per day in 2011 to 7.5 million barrels per day in 2013.")
    assert [(c.quantity.value, c.time.year) for c in claims] == [(5.6e6, 2011), (7.5e6, 2013)]


def test_quantities_three_figures_three_records(extract):
    claims = extract("Exports rose 5% to $3 billion, while imports fell by 2 million tons.")
    assert [c.quantity.text for c in claims] == ["5%", "$3 billion", "2 million tons"]


def test_quantities_offsets_slice_the_text(extract):
    text = "Title here\n\nThe firm, which employs 13,000 workers, earned about $2.5bn in 2023.\n\nIt grew 7%."
    from claimx.ingest import clean_text

    clean = clean_text(text)
    for c in extract(text):
        assert clean[c.quantity.start : c.quantity.end] == c.quantity.text
        assert clean[c.sentence_start : c.sentence_end] == c.sentence


@pytest.mark.parametrize(
    "sentence,qtext,value,unit",
    [
        ("The startup has 1.2bn users.", "1.2bn users", 1.2e9, "user"),
        ("It is now investing to boost output to 1.2m tons.", "1.2m tons", 1.2e6, "metric ton"),
        ("The company's revenue amounted to EUR50m.", "EUR50m", 5e7, "EUR"),
        ("The flat sold for HK$12 million.", "HK$12 million", 1.2e7, "HKD"),
        ("China invested 62 billion yuan.", "62 billion yuan", 6.2e10, "CNY"),
        ("Petronas earned 50 billion ringgit.", "50 billion ringgit", 5e10, "MYR"),
        ("Since last season Wood has scored 22 goals.", "22 goals", 22, "goal"),
        ("The firm cut 13,000 workers.", "13,000 workers", 13000, "worker"),
        ("Surgeons performed 700 heart transplants.", "700 heart transplants", 700, "transplant"),
        ("Winds reached 100 miles per hour.", "100 miles per hour", 100, "mile per hour"),
        ("Output reached 9.5 million barrels per day.", "9.5 million barrels per day", 9.5e6, "barrel per day"),
        ("Gas traded at $2.24 per gallon.", "$2.24 per gallon", 2.24, "USD per gallon"),
        ("The bank earned $1.40 per share.", "$1.40 per share", 1.4, "USD per share"),
        ("A 50-year-old man was arrested.", "50-year-old", 50, "year of age"),
        ("A dozen companies bid for the licence.", "A dozen companies", 12, "company"),
        ("Rates rose 0.25 percentage points.", "0.25 percentage points", 0.25, "percentage point"),
        ("It takes 10 1/2 miles of cable.", "10 1/2 miles", 10.5, "mile"),
        ("One fluid ounce is 1⁄32 of a US quart.", "1⁄32 of a US quart", 1 / 32, "quart"),
        ("About 1000 come from Asia.", "About 1000", 1000, None),
        (
            "The speed of light is approximately 2.998 × 10^8 meters per second.",
            "approximately 2.998 × 10^8 meters per second",
            2.998e8,
            "meter per second",
        ),
        ("A mole holds 6.02 × 10²³ atoms.", "6.02 × 10²³ atoms", 6.02e23, "atom"),
        ("The airline grounded two new 737 Max jets.", "two new 737 Max jets", 2, "jet"),
    ],
)
def test_quantities_issue_3_phenomena(extract, sentence, qtext, value, unit):
    q = one(extract(sentence), qtext)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


@pytest.mark.parametrize(
    "sentence,qtext,value,kind",
    [
        ("One in four adults smokes.", "One in four adults", 0.25, "ratio"),
        ("Two-thirds of voters backed the plan.", "Two-thirds", 2 / 3, "ratio"),
        ("Profits doubled last year.", "doubled", 2, "ratio"),
        ("Prices are three times higher than in 2010.", "three times", 3, "ratio"),
        ("Temperatures fell to -1.3% in March.", "-1.3%", -1.3, "percent"),
    ],
)
def test_quantities_fractions_multipliers_negatives(extract, sentence, qtext, value, kind):
    q = one(extract(sentence), qtext)
    assert q.value == pytest.approx(value) and q.kind == kind


@pytest.mark.parametrize(
    "sentence,qtext,unit,kind",
    [
        ("The bank must answer within 5 business days.", "within 5 business days", "day", "duration"),
        ("The index fell for 10 straight trading days.", "10 straight trading days", "day", "duration"),
        ("The contract runs for three calendar years.", "three calendar years", "year", "duration"),
        ("The bloc has 13 member states.", "13 member states", "state", "count"),
        ("Investors bought 4 million shares.", "4 million shares", "share", "count"),
    ],
)
def test_quantities_a_modified_time_unit_is_a_duration(extract, sentence, qtext, unit, kind):
    q = one(extract(sentence), qtext)
    assert (q.unit, q.kind) == (unit, kind)


@pytest.mark.parametrize(
    "sentence,qtext,low,high",
    [
        ("Reuters said millions of Americans were affected.", "millions of Americans", 1e6, 1e7),
        ("Fees range from 1 per cent to 1.5 per cent.", "from 1 per cent to 1.5 per cent", 1, 1.5),
        ("Prices will increase between 5% and 6%.", "between 5% and 6%", 5, 6),
        ("There are four to five thousand people.", "four to five thousand people", 4000, 5000),
        ("A fine of $3 billion to $5 billion is expected.", "$3 billion to $5 billion", 3e9, 5e9),
    ],
)
def test_quantities_more_ranges(extract, sentence, qtext, low, high):
    q = one(extract(sentence), qtext)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high)) and q.value is None


def test_quantities_level_after_change_is_not_a_range(extract):
    claims = extract("The deficit increased by $43.6 billion to $419.2 billion.")
    assert [c.quantity.text for c in claims] == ["$43.6 billion", "$419.2 billion"]
    assert [c.quantity.change for c in claims] == ["up", None]


def test_quantities_restated_figure_shares_change_and_bound(extract):
    claims = extract("The index was up 0.25 points, or 0.01%, while moths fly more than 100 kilometers (60 miles).")
    by_text = {c.quantity.text: c.quantity for c in claims}
    assert by_text["0.01%"].change == "up"
    assert by_text["60 miles"].bound == ">"


@pytest.mark.parametrize(
    "sentence,qtext,value_base,unit_base",
    [
        ("Pakistan possesses 185 billion tons of coal.", "185 billion tons", 1.85e14, "kilogram"),
        ("It has a 37-year mine life.", "37-year", 37 * 365.25 * 86400, "second"),
        ("Imports were $20 billion.", "$20 billion", 2e10, "USD"),
        ("The pipeline runs 1,200 kilometres.", "1,200 kilometres", 1.2e6, "meter"),
        ("Highs reached 104 degrees Fahrenheit.", "104 degrees Fahrenheit", 313.15, "kelvin"),
    ],
)
def test_quantities_base_unit_conversion(extract, sentence, qtext, value_base, unit_base):
    q = one(extract(sentence), qtext)
    assert q.value_base == pytest.approx(value_base) and q.unit_base == unit_base


@pytest.mark.parametrize(
    "sentence, change",
    [
        ("Foreign buyers have been pushing up prices by 52% in five years.", "up"),
        ("Automation drove costs down by 10%.", "down"),
        ("He picked up 5 votes by Tuesday.", None),  # 'by' a day is a deadline
        ("The firm set up 3 offices by 2020.", None),
    ],
)
def test_quantities_a_verb_whose_particle_gives_the_direction_and_by_the_amount_is_a_change(extract, sentence, change):
    """Phenomenon: 'pushing up prices by 52%': any verb with an 'up'/'down' particle and a 'by' amount."""
    (claim,) = extract(sentence)
    assert claim.quantity.change == change


@pytest.mark.parametrize(
    "sentence, unit",
    [
        ("The blast killed one guard and injured four others.", "people"),
        ("Four others were wounded.", "people"),
        ("Two others bought shares.", "other"),  # no person verb: what the others are is not said
    ],
)
def test_quantities_others_a_person_verb_harms_are_people(extract, sentence, unit):
    """Phenomenon: 'injuring four others': others killed, injured or arrested are people (person_verb)."""
    (claim,) = [c for c in extract(sentence) if "other" in c.quantity.text.lower()]
    assert claim.quantity.unit == unit


@pytest.mark.parametrize(
    "sentence, multiple, change",
    [
        ("It is not unusual to see staff more than triple during a turnaround.", 3, "up"),
        ("Costs could more than double by 2030.", 2, "up"),
        ("He earned more than double digits.", None, None),  # a noun's modifier
        ("Sea levels rose 11 feet, more than double previous predictions.", None, None),
    ],
)
def test_quantities_a_bare_multiplier_after_a_bound_is_a_change(extract, sentence, multiple, change):
    """Phenomenon: 'staff more than triple': a multiplier's base form after 'more than' or 'nearly', used on
    its own, is a rise by that many times; before a noun phrase it compares, and is not read."""
    got = [c.quantity for c in extract(sentence) if c.quantity.unit == "times"]
    assert [(q.value, q.change) for q in got] == ([(multiple, change)] if multiple else [])


@pytest.mark.parametrize(
    "sentence, counted",
    [
        ("Four were killed when the roof collapsed, officials said.", ["Four"]),
        ("Of the 12 passengers, nine were children.", ["12 passengers", "nine"]),
        ("Police detained eleven after the march.", ["eleven"]),
        ("Seventeen have applied so far.", ["Seventeen"]),
        # a definite or possessive number refers back; "one" is a pronoun as often as a number
        ("The two spoke by phone on Friday.", []),
        ("His three now run the firm.", []),
        ("The final four were announced.", []),
        ("One said the plan would fail.", []),
    ],
)
def test_quantities_a_number_word_as_subject_or_object_is_a_count(extract, sentence, counted):
    """Phenomenon: a cardinal that is itself the noun phrase of a clause ('Four were killed') counts what
    the text names elsewhere; it is a checkable count, unlike a definite reference ('the two spoke')."""
    assert [c.quantity.text for c in extract(sentence)] == counted


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # after 'by', a level dwarfs its change: two figures, the first a fall or rise
        ("The population grew by 0.5 million to 8.3 million.", [("0.5 million", "up"), ("8.3 million", None)]),
        ("Staff numbers were cut by 300 to 2,700.", [("300", "down"), ("2,700", None)]),
        ("Debt fell by 4 billion to 90 billion pesos.", [("4 billion", "down"), ("90 billion pesos", None)]),
        # the ends of a range are of one size
        ("Costs are expected to rise by 2 to 3 percent.", [("2 to 3 percent", "up")]),
        ("Water levels dropped by 1 to 1.5 metres.", [("1 to 1.5 metres", "down")]),
        ("Revenue rose by 1.2 to 1.5 billion euros.", [("1.2 to 1.5 billion euros", "up")]),
    ],
)
def test_quantities_by_x_to_y_is_a_change_and_a_level_or_a_range(extract, sentence, expected):
    """Phenomenon: 'changed by X to Y' reports a change and the level reached; 'by X to Y' with ends of
    one size is a range of the change."""
    assert [(c.quantity.text, c.quantity.change) for c in extract(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("More than 2,000 died in the floods.", [("More than 2,000", "people")]),
        ("Six were wounded in the blast.", [("Six", "people")]),
        ("Police detained 40 after the protest.", [("40", "people")]),
        ("An estimated 9,000 displaced by the war now live in camps.", [("An estimated 9,000", "people")]),
        ("The storm killed 12 cattle.", [("12 cattle", "cattle")]),  # a counted noun names its own unit
        ("The company cut 300 jobs.", [("300 jobs", "job")]),
        # an elided count keeps the noun of the one before it
        ("At least 12 miners were trapped; 9 died.", [("At least 12 miners", "miner"), ("9", "miner")]),
    ],
)
def test_quantities_a_bare_count_that_dies_or_is_arrested_counts_people(extract, sentence, expected):
    """Phenomenon: casualty and arrest counts name no noun ('More than 2,000 died'); the verb says they
    are people."""
    assert [(c.quantity.text, c.quantity.unit) for c in extract(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, found",
    [
        # the window or term in the name of a statistic or a security is no claim
        ("The two-year Treasury note yielded 4.9%.", ["4.9%"]),
        ("Wages rose 4.1% at a 3-month annualized rate.", ["4.1%"]),
        ("Sales were above the five-year average.", []),
        ("The 15-year fixed mortgage averaged 6.1%.", ["6.1%"]),
        # a duration of an event, or a record, is one
        ("The strike ended a 14-month standoff.", ["14-month"]),
        ("Inflation hit a 40-year high.", ["40-year"]),
    ],
)
def test_quantities_the_window_of_a_statistic_is_not_a_claim(extract, sentence, found):
    assert [c.quantity.text for c in extract(sentence)] == found


@pytest.mark.parametrize(
    "sentence, change",
    [
        ("Output grew at a 3.1 percent pace in the spring.", "up"),
        ("Prices fell at an annual rate of 2%.", "down"),
        # the parser may make the percentage a nominal modifier of the rate: "a 2.9 percent annual rate"
        ("Hourly compensation rose at a 2.9 percent annual rate in the third quarter.", "up"),
        ("Rents declined at a 1.2 percent annualized rate.", "down"),
        ("The car travelled at a steady pace of 50 mph.", None),  # a pace that is no change
    ],
)
def test_quantities_the_pace_of_a_change_verb_is_a_change(extract, sentence, change):
    """Phenomenon: 'grew at a 3.1 percent pace': the figure is the rate of the rise the verb reports."""
    (claim,) = extract(sentence)
    assert claim.quantity.change == change


@pytest.mark.parametrize(
    "sentence,texts",
    [
        # after 'by', 'X to Y' of one unit is a range when the ends are of one size ...
        ("The rules would reduce required capital by 5.6% to 7.9%.", ["5.6% to 7.9%"]),
        ("Sales rose by 10% to 12% in the quarter.", ["10% to 12%"]),
        # ... and a change and the level it reached when the second dwarfs the first
        ("The Fed cut its rate by 0.25% to 5.25%.", ["0.25%", "5.25%"]),
        ("The deficit increased by $43.6 billion to $419.2 billion.", ["$43.6 billion", "$419.2 billion"]),
    ],
)
def test_quantities_by_x_to_y_with_units_is_a_range_or_a_change_and_a_level(extract, sentence, texts):
    assert [c.quantity.text for c in extract(sentence)] == texts


def test_quantities_a_range_after_by_is_read_where_its_first_end_is(extract):
    (c,) = extract("The rules would reduce required capital by 5.6% to 7.9%.")
    assert (c.quantity.low, c.quantity.high, c.quantity.change) == (5.6, 7.9, "down")
    assert c.measured == "required capital"
