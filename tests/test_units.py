"""Units from the registry (pint + rules/news_units.jsonl) and the context rules for ambiguous symbols."""

import pytest

from claimx import units


@pytest.mark.parametrize(
    "written,name,kind",
    [
        ("kilometres", "kilometer", "length"),
        ("megawatts", "megawatt", "power"),
        ("gigahertz", "gigahertz", "frequency"),
        ("kilopascals", "kilopascal", "pressure"),
        ("square feet", "square foot", "area"),
        ("degrees Celsius", "degree Celsius", "temperature"),
        ("light years", "light year", "length"),
        ("newton metres", "newton meter", "other"),
        ("microgrammes", "microgram", "mass"),
        ("tons", "metric ton", "mass"),
    ],
)
def test_units_names_plurals_and_prefixes_come_from_the_registry(written, name, kind):
    from claimx.nlp.quantities.unitlookup import from_expr

    expr = units.lookup_name(written)
    assert expr is not None
    ref = from_expr(expr, "test", units.news_entry(written))  # the news file's own name and kind win
    assert (ref.unit, ref.kind) == (name, kind)


@pytest.mark.parametrize(
    "symbol,name",
    [
        ("km", "kilometer"),
        ("MW", "megawatt"),
        ("mW", "milliwatt"),
        ("GHz", "gigahertz"),
        ("kWh", "kilowatt hour"),
        ("µm", "micrometer"),
        ("km/h", "kilometer per hour"),
        ("m/s2", "meter per square second"),
        ("km²", "square kilometer"),
        ("kPa", "kilopascal"),
        ("Nm", "newton meter"),
        ("GB", "gigabyte"),
        ("hPa", "hectopascal"),  # hecto- only before a capital symbol
        ("GiB", "gibibyte"),  # binary prefixes
        ("rpm", "revolutions per minute"),
        ("mbar", "millibar"),
        ("atm", "standard atmosphere"),
        ("Å", "angstrom"),  # a one-letter symbol no word is
        ("Ω", "ohm"),
        ("AU", "astronomical unit"),
        # an explicit negative power marks a unit, prefixed symbols included
        ("s⁻¹", "1 per second"),
        ("m^-2", "1 per square meter"),
        ("fb−1", "1 per femtobarn"),
    ],
)
def test_units_symbols_are_read_case_sensitively(symbol, name):
    expr = units.lookup_symbol(symbol)
    assert expr is not None and units.describe(expr).name == name


@pytest.mark.parametrize(
    "word", ["a", "at", "are", "us", "El", "units", "C", "F", "K", "B", "quarter", "ha!", "hat", "hi"]
)
def test_units_english_words_and_single_capitals_are_not_symbols(word):
    assert units.lookup_symbol(word) is None
    assert units.lookup_name(word) is None


@pytest.mark.parametrize(
    "value,expr,base_value,base",
    [
        (185e9, "metric_ton", 1.85e14, "kilogram"),
        (104, "degree_Fahrenheit", 313.15, "kelvin"),
        (5, "kilowatt_hour", 1.8e7, "joule"),
        (300, "kilometer / hour", 83.3333333333, "meter per second"),
        (25, "basis_point", 0.25, "percentage point"),
        (57, "percent", 0.57, "dimensionless"),
    ],
)
def test_units_conversions_are_the_registrys(value, expr, base_value, base):
    assert units.to_base(value, expr) == pytest.approx(base_value)
    assert units.describe(expr).base == base


def test_units_the_registry_is_much_larger_than_the_old_lexicon():
    n_units, n_names, n_symbols = units.registry_size()
    assert n_units > 400 and n_names > 1000 and n_symbols > 250  # the hand-written lexicon had 96 entries


# -- the context rules for ambiguous symbols, on whole sentences -------------------------------------
@pytest.mark.parametrize(
    "sentence,qtext,unit",
    [
        ("Temperatures reached 30 C on Monday.", "30 C", "degree Celsius"),  # unit-temperature-letter
        ("It was 86 F outside.", "86 F", "degree Fahrenheit"),
        ("The miner runs on 3,276 W of power.", "3,276 W", "watt"),  # unit-electric-letter
        ("The charger needs a 230 V supply.", "230 V", "volt"),
        ("The capacitor held 2.5 F of charge.", "2.5 F", "farad"),  # unit-farad-letter
        ("The door is 2 in thick.", "2 in", "inch"),  # unit-inch-context
        ("The race lasted 90s.", "90s", None),  # "90s" is a decade, not seconds (glued "s" is a plural)
        ("The battery lasts 5h on a charge.", "5h", "hour"),  # unit-glued-symbol
        ("The crane lifts 3t loads.", "3t", "metric ton"),
        ("The cable is 1.8m long.", "1.8m", "meter"),  # m: metre unless money or a plural noun follows
        ("The club has 12m subscribers.", "12m subscribers", "subscriber"),
        ("He weighs 208 pounds.", "208 pounds", "pound"),  # pound: mass unless scaled money
        ("The deal is worth 361 million pounds.", "361 million pounds", "GBP"),
        ("The sample was cooled to 4 K before the test.", "4 K", "kelvin"),  # a temperature verb's lemma
        ("The magnet is heated to 90 C.", "90 C", "degree Celsius"),
        ("The wind blew at 30 m/s.", "30 m/s", "meter per second"),  # a letter glued to a rate's slash
        ("The drive reads at 550 MB/s on average.", "550 MB/s", "megabyte per second"),
        ("Traffic is limited to 90 km/h.", "limited to 90 km/h", "kilometer per hour"),
        ("He paid $50K for the car.", "$50K", "USD"),  # K after money is thousands
        ("The channel has 120K subscribers.", "120K subscribers", "subscriber"),
    ],
)
def test_units_ambiguous_symbols_are_read_in_context(extract, sentence, qtext, unit):
    hits = [c.quantity for c in extract(sentence) if c.quantity.text == qtext]
    if unit is None:
        assert all(q.unit != "second" for q in hits)
    else:
        assert hits and hits[0].unit == unit, [c.quantity.text for c in extract(sentence)]


@pytest.mark.parametrize(
    "sentence,absent",
    [
        ("The capacitor held 2.5 F of charge.", "degree Fahrenheit"),  # no temperature in the sentence
        ("The office is at 5 W Main Street.", "watt"),  # no electricity in the sentence, a name follows
        ("Five in 10 voters agreed.", "inch"),
        ("He scored 5 in the first half.", "inch"),
        ("The F-16 flew 3 F-35 missions.", "degree Fahrenheit"),
        ("The firm hired 4 K-pop singers.", "kelvin"),
        ("Each lap took 30 s on the new track.", "second"),  # spaced "s" is no second
    ],
)
def test_units_ambiguous_symbols_are_not_units_out_of_context(extract, sentence, absent):
    assert all(c.quantity.unit != absent for c in extract(sentence))


def test_units_evaluation_normalizes_both_sides_through_the_registry():
    from claimx.evaluate import units_agree

    assert units_agree("kilometer", ["kilometre"]) and units_agree("metric ton", ["ton"])
    assert units_agree("degree Celsius", ["celsius"]) and units_agree("mile per hour", ["mph"])
    assert units_agree("kilometer per hour", ["km/h"]) and not units_agree("kilometer", ["mile"])


@pytest.mark.parametrize(
    "sentence,absent",
    [
        ("He bought a 4K television last week.", "4K"),  # a resolution
        ("She ran a 10K race on Sunday.", "10K"),  # a race
        ("The school plays in Class 4A football.", "4A"),
    ],
)
def test_units_small_numbers_glued_to_k_or_a_are_names(extract, sentence, absent):
    assert all(absent not in c.quantity.text for c in extract(sentence))


@pytest.mark.parametrize(
    "sentence,qtext,value,measured",
    [
        ("The service has 12m subscribers.", "12m subscribers", 12e6, "subscribers"),
        ("The band sold 120K tickets.", "120K tickets", 120e3, "tickets"),
        ("Sales reached 8.1bn units.", "8.1bn units", 8.1e9, "units"),
    ],
)
def test_units_a_scale_suffix_is_part_of_the_number_not_of_the_counted_noun(extract, sentence, qtext, value, measured):
    hit = next(c for c in extract(sentence) if c.quantity.text == qtext)
    assert hit.quantity.value == value and hit.measured == measured


def test_units_an_abbreviation_the_article_defines_is_its_unit(extract):
    """'$100 per barrel (b) ... $75/b': the article defines 'b' as the barrel (unitlookup.defined_abbreviation)."""
    claims = extract("Brent fell from $100 per barrel (b) on November 7 to $75/b on January 4.")
    got = {c.quantity.text: c.quantity.unit for c in claims}
    assert got["$75/b"] == "USD per barrel"


@pytest.mark.parametrize(
    "sentence, unit",
    [
        ("It holds 3 acre-feet of water.", "acre foot"),  # two unit words joined by a hyphen are one unit
        ("The plant used 500 kilowatt-hours.", "kilowatt hour"),
        ("The can holds 12 fl oz of soda.", "fluid ounce"),
        ("She ran a 10-mile race.", "mile"),  # a number's hyphen still joins it to its unit
    ],
)
def test_units_hyphenated_unit_names_and_fluid_ounces(extract, sentence, unit):
    (claim,) = extract(sentence)
    assert claim.quantity.unit == unit


@pytest.mark.parametrize(
    "sentence, texts",
    [
        # a spaced "h" before minutes is the hour of a compound duration; minutes are never counted past a number
        ("The flight took 2 h 30 min.", {"2 h 30 min": (2.5, "hour")}),
        # the sides of a dimension share the unit written after the last
        ("It measures 30 x 40 cm.", {"30": (30, "centimeter"), "40 cm": (40, "centimeter")}),
        ("The room is 3 by 4 meters.", {"3": (3, "meter"), "4 meters": (4, "meter")}),
        ("Sales grew 5x in a year.", {"5x": (5, "times")}),  # "x" before no number is still "times"
    ],
)
def test_units_compound_durations_and_dimensions(extract, sentence, texts):
    got = {c.quantity.text: (c.quantity.value, c.quantity.unit) for c in extract(sentence)}
    for text, (value, unit) in texts.items():
        assert got[text][0] == pytest.approx(value) and got[text][1] == unit


@pytest.mark.parametrize(
    "sentence, text, unit",
    [
        ("Gravity is 9.8 m s−2 here.", "9.8 m s−2", "meter per square second"),
        ("Its density is 5 kg m−3.", "5 kg m−3", "kilogram per cubic meter"),
        ("The flux was 3 m^-2 s^-1 at noon.", "3 m^-2 s^-1", "1 per square meter per second"),
        ("The decay rate is 3 s⁻¹.", "3 s⁻¹", "1 per second"),
        ("The team won 3-1 on Sunday.", None, None),  # a score, no power
    ],
)
def test_units_a_unit_times_inverse_units_is_one_compound_unit(sentence, text, unit):
    """Phenomenon: scientific notation writes a rate as units with negative powers ('9.8 m s−2')."""
    from claimx.extract import extract_claims

    got = {c.quantity.text: c.quantity.unit for c in extract_claims(sentence)}
    assert (got.get(text) if text else None) == unit
    if text is None:
        assert not any("−" in t or "^" in t for t in got)


@pytest.mark.parametrize(
    "sentence, text, value, unit",
    [
        ("The rate of production is about 1.1 MMbbl/d.", "about 1.1 MMbbl/d", 1_100_000, "barrel per day"),
        ("Then 3.707 Bbbls remain to be produced.", "3.707 Bbbls", 3_707_000_000, "barrel"),
        ("The range is 6.1 to 13.3 Bbbls.", "6.1 to 13.3 Bbbls", None, "barrel"),
        ("The refinery runs 120 Mbbl/d of crude.", "120 Mbbl/d", 120_000, "barrel per day"),
        ("The field holds 40 MMbbl.", "40 MMbbl", 40_000_000, "barrel"),
        ("Working gas in storage totaled 2,669 Bcf.", "2,669 Bcf", 2.669e12, "cubic foot"),
        ("Output reached 10 Bcf/d in May.", "10 Bcf/d", 1e10, "cubic foot per day"),
        ("Proved reserves are 12 Tcf.", "12 Tcf", 1.2e13, "cubic foot"),
    ],
)
def test_units_oil_industry_prefixes_scale_the_number(sentence, text, value, unit):
    """Phenomenon: the oil and gas industry writes thousands, millions and billions of barrels, and billions and
    trillions of cubic feet, as prefixes of the unit symbol ('Mbbl', 'MMbbl/d', 'Bbbls', 'Bcf', 'Bcf/d', 'Tcf'):
    the prefix scales the number (news_units.jsonl field `scale`)."""
    from claimx.extract import extract_claims

    (claim,) = [c for c in extract_claims(sentence) if c.quantity.text == text]
    assert claim.quantity.unit == unit
    if value is not None:
        assert claim.quantity.value == pytest.approx(value)
    else:
        assert (claim.quantity.low, claim.quantity.high) == pytest.approx((6.1e9, 13.3e9))


def test_units_a_bracket_abbreviating_the_figures_unit_is_not_a_source():
    """Phenomenon: '13.306 billion barrels (Bbbls)' defines the unit's abbreviation; '(USGS)' names a source."""
    from claimx.extract import extract_claims

    (claim,) = extract_claims("Cumulative production through 2000 was 13.306 billion barrels (Bbbls).")
    assert claim.source is None
    (claim,) = extract_claims("Exports rose to $5 billion (USGS).")
    assert claim.source is not None and claim.source.text == "USGS"
