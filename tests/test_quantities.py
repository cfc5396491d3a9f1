"""Behaviour of the quantity reader on the phenomena the issues name."""

import pytest


def one(claims, text):
    hits = [c for c in claims if c.quantity.text == text]
    assert hits, f"{text!r} not in {[c.quantity.text for c in claims]}"
    return hits[0].quantity


@pytest.mark.parametrize("sentence,qtext,value,unit,bound", [
    ("It could unlock Pakistan's $8 trillion resource potential.", "$8 trillion", 8e12, "USD", "="),
    ("Reserves are worth upwards of $8 trillion.", "upwards of $8 trillion", 8e12, "USD", ">"),
    ("The US is reliant for at least 11 mineral commodities.", "at least 11 mineral commodities", 11, "commodity", ">="),
    ("Turnout was just under 40%.", "just under 40%", 40, "percent", "<"),
    ("Fines of up to $5,000 apply.", "up to $5,000", 5000, "USD", "<="),
    ("The budget was Rs 500 crore in Lahore.", "Rs 500 crore", 5e9, "PKR", "="),
    ("The budget was Rs 500 crore in Mumbai.", "Rs 500 crore", 5e9, "INR", "="),
    ("A meal costs 15 euros.", "15 euros", 15, "EUR", "="),
    ("The club paid £3.5m for him.", "£3.5m", 3.5e6, "GBP", "="),
    ("It raised $25k.", "$25k", 25000, "USD", "="),
    ("Pakistan possesses an estimated 185 billion tons of coal.", "an estimated 185 billion tons", 1.85e11, "ton", "~"),
    ("Temperatures fell to minus 5 degrees Celsius.", "minus 5 degrees Celsius", -5, "degree Celsius", "="),
    ("Winds reached 185 mph.", "185 mph", 185, "mile per hour", "="),
])
def test_quantities_value_unit_bound(extract, sentence, qtext, value, unit, bound):
    q = one(extract(sentence), qtext)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.bound == bound


@pytest.mark.parametrize("sentence,qtext,low,high", [
    ("China controls approximately 70-80% of processing.", "approximately 70-80%", 70, 80),
    ("Its share lingered at around 1-2%.", "around 1-2%", 1, 2),
    ("Prices rose between 5 and 10 percent.", "between 5 and 10 percent", 5, 10),
    ("The deal is worth $1.2-1.5 billion.", "$1.2-1.5 billion", 1.2e9, 1.5e9),
])
def test_quantities_ranges_are_kept_not_averaged(extract, sentence, qtext, low, high):
    q = one(extract(sentence), qtext)
    assert q.value is None
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("sentence,qtext,change", [
    ("Shares rose 12 percent on Monday.", "12 percent", "up"),
    ("Output fell 3.2% in March.", "3.2%", "down"),
    ("The sector saw a notable growth of 4.9%.", "4.9%", "up"),
    ("The index was up about 19 per cent for the year.", "about 19 per cent", "up"),
    ("Imports were 70% of supply.", "70%", None),
])
def test_quantities_change(extract, sentence, qtext, change):
    assert one(extract(sentence), qtext).change == change


@pytest.mark.parametrize("sentence,qtext,rank", [
    ("It has the world's second-largest salt mines.", "second-largest", 2),
    ("It is the sixth richest country in coal.", "sixth richest", 6),
])
def test_quantities_rank(extract, sentence, qtext, rank):
    q = one(extract(sentence), qtext)
    assert (q.value, q.kind, q.unit) == (rank, "rank", "rank")


@pytest.mark.parametrize("sentence", [
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
])
def test_quantities_not_quantities(extract, sentence):
    assert [c.quantity.text for c in extract(sentence)] == []


def test_quantities_year_becomes_time(extract):
    claims = extract("In 2024, 70% of US rare earth imports came from China.")
    assert len(claims) == 1
    assert claims[0].time is not None and claims[0].time.year == 2024


def test_quantities_three_figures_three_records(extract):
    claims = extract("Exports rose 5% to $3 billion, while imports fell by 2 million tons.")
    assert [c.quantity.text for c in claims] == ["5%", "$3 billion", "2 million tons"]


def test_quantities_offsets_slice_the_text(extract):
    text = "Title here\n\nThe firm, which employs 13,000 workers, earned about $2.5bn in 2023.\n\nIt grew 7%."
    from claimx.ingest import clean_text

    clean = clean_text(text)
    for c in extract(text):
        assert clean[c.quantity.start:c.quantity.end] == c.quantity.text
        assert clean[c.sentence_start:c.sentence_end] == c.sentence
