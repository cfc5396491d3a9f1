"""The number grammar on sentences of our own, one phenomenon at a time, in both directions (issue 13).

Each case names the rule or phenomenon it checks; none comes from an evaluation set.
"""

import pytest


def quantities(extract, sentence):
    return {c.quantity.text: c.quantity for c in extract(sentence)}


@pytest.mark.parametrize(
    "sentence,text,value,unit",
    [
        # units from the registry, beyond any hand-written list
        ("The chip runs at 2.4 gigahertz.", "2.4 gigahertz", 2.4, "gigahertz"),
        ("Tyre pressure should be 220 kilopascals.", "220 kilopascals", 220, "kilopascal"),
        ("The engine delivers 320 newton-metres of torque.", "320 newton-metres", 320, "newton meter"),
        ("Farms yielded 7.5 tonnes per hectare.", "7.5 tonnes per hectare", 7.5, "metric ton per hectare"),
        ("The pump moves 40 litres per minute.", "40 litres per minute", 40, "liter per minute"),
        ("The turbine is rated at 15 MW.", "15 MW", 15, "megawatt"),
        # "A $" opening a sentence is the article and a dollar, not Australian dollars ("A$", "A $" elsewhere)
        ("A $3 billion rise in exports helped.", "$3 billion", 3e9, "USD"),
        ("The miner earned A $2 billion.", "A $2 billion", 2e9, "AUD"),
        # a count over a unit is a rate of the counted noun; a count a year stays a count
        (
            "The density is 281 people per square kilometre.",
            "281 people per square kilometre",
            281,
            "people per square kilometer",
        ),
        ("Fertility was 1.6 children per woman.", "1.6 children per woman", 1.6, "child per woman"),
        ("The clinic sees 40 patients per day.", "40 patients per day", 40, "patient per day"),
        ("Cholera causes 58,000 deaths a year.", "58,000 deaths", 58000, "death"),
        # scale suffixes
        ("The app has 12m subscribers.", "12m subscribers", 12e6, "subscriber"),
        ("It raised $4.1bn.", "$4.1bn", 4.1e9, "USD"),
        ("Some 4k runners took part.", "Some 4k runners", 4000, "runner"),
        ("The platform had 1.2b users.", "1.2b users", 1.2e9, "user"),
        ("The oceans hold 1.3 quintillion liters of water.", "1.3 quintillion liters", 1.3e18, "liter"),
        ("The state's debt reached 2 quadrillion dong.", "2 quadrillion dong", 2e15, "VND"),
        # numbers in words
        ("The hall seats three hundred and twenty people.", "three hundred and twenty people", 320, "people"),
        ("The town has half a million residents.", "half a million residents", 5e5, "resident"),
        ("Turnout rose by two and a half points.", "two and a half points", 2.5, "point"),
        # shares
        # (a share of its counted noun, as "a third of": unit fraction, the noun measured)
        ("One in three adults smoke.", "One in three adults", 1 / 3, "fraction"),
        # a share of a whole is a fraction (the whole is what is measured); a fraction of a unit is in that unit
        ("A third of voters agreed.", "A third", 1 / 3, "fraction"),
        ("Three fifths of the budget went to defence.", "Three fifths", 0.6, "fraction"),
        # a share of a whole written as an acronym ("GDP", "NATO members")
        ("Consumer spending constitutes roughly two-thirds of GDP.", "roughly two-thirds", 2 / 3, "fraction"),
        ("Half of OPEC output comes from two states.", "Half", 0.5, "fraction"),
        ("Over half the country's population needs aid.", "Over half", 0.5, "fraction"),
        ("The plant runs at a third of its capacity.", "a third", 1 / 3, "fraction"),
        (
            "The strike will cut roughly half of a percentage point off growth.",
            "roughly half of a percentage point",
            0.5,
            "percentage point",
        ),
        ("One ounce is 1/16 of a US pint.", "1/16 of a US pint", 1 / 16, "pint"),
        # a change by a fraction is a share of the level
        ("Rents rose by a fifth over the decade.", "a fifth", 0.2, "fraction"),
        ("Sales fell by a third in 2023.", "a third", 1 / 3, "fraction"),
        ("More than half a million devices were sold.", "More than half a million devices", 5e5, "device"),
        # notation
        ("The dose was 2.5e-3 grams.", "2.5e-3 grams", 0.0025, "gram"),
        ("The reading was 9.8 ± 0.2 newtons.", "9.8 ± 0.2 newtons", 9.8, "newton"),
        # suspended hyphens: the noun is written once, after the last number of the coordination
        ("They built two- and three-bedroom flats.", "two", 2, "bedroom"),
        ("The range has four-, five- and six-cylinder engines.", "four", 4, "cylinder"),
        ("The range has four-, five- and six-cylinder engines.", "five", 5, "cylinder"),
        # a figure grouped with commas is never part of the name after it; a plural after a name is counted
        ("Tesla delivered 63,150 Model 3s in the quarter.", "63,150", 63150, None),
        ("Last year 40 Pakistan army soldiers died.", "40 Pakistan army soldiers", 40, "soldier"),
        # one-letter symbols by context, spaced (glued "4K" is a name) and at the end of a sentence
        ("The temperature was 300 K inside the chamber.", "300 K", 300, "kelvin"),
        ("The wire carries 15 A of current.", "15 A", 15, "ampere"),
        ("The line runs at 230 V.", "230 V", 230, "volt"),
        ("The resistor is 10 kΩ.", "10 kΩ", 10, "kiloohm"),
        # news units a registry spells otherwise: torque, metric horsepower
        ("The engine makes 332 lb-ft of torque.", "332 lb-ft", 332, "foot pound"),
        ("The engine makes 300 PS.", "300 PS", 300, "metric horsepower"),
        # ASCII folds of currency signs, glued to the figure (unidecode writes £ as PS and ¥ as Y=)
        ("The bid was worth PS8.1bn.", "PS8.1bn", 8.1e9, "GBP"),
        ("They paid PS21,700 in fees.", "PS21,700", 21700, "GBP"),
        ("Shares closed at Y=28,030.", "Y=28,030", 28030, "JPY"),
        # a bare dollar sign whose dollar the name after the figure says
        ("Revenue stood at $1 billion Singapore dollars in 2017.", "$1 billion Singapore dollars", 1e9, "SGD"),
        ("The deal is worth $5 million Australian dollars.", "$5 million Australian dollars", 5e6, "AUD"),
        # the level reached after a range opened by "from" is in the range's unit
        ("Mileage rose from about 14-18 mpg to 24.", "24", 24, "mile per gallon"),
        # Markdown left in a text file: the figure is the link text or the emphasized words
        ("The deal is worth [C$12 billion](https://example.com/deal).", "C$12 billion", 12e9, "CAD"),
        ("Profit was **$5 billion** last year.", "$5 billion", 5e9, "USD"),
        ("Sales rose _5 percent_ in May.", "5 percent", 5, "percent"),
        # a partitive 'one of' never swallows the number of its set
        ("The chain closed one of its 300 stores.", "300 stores", 300, "store"),
        # a footnote letter a converter glued to the scale word ("$552 milliona") is no part of it
        ("The program received $552 milliona in FY2026.", "$552 million", 552e6, "USD"),
        ("It got $21 millionb.", "$21 million", 21e6, "USD"),
        ("It got $2.3 millioni.", "$2.3 million", 2.3e6, "USD"),
        # a hyphenated mixed fraction, as US financial writing states rates
        ("The Fed raised its rate by 5-1/4 percentage points.", "5-1/4 percentage points", 5.25, "percentage point"),
        ("The score was 3-1/2 at halftime.", "3-1/2", 3.5, None),
        # a share as a count "out of" a whole, or "in" a round scale
        ("Four out of five doctors agree.", "Four out of five doctors", 0.8, "fraction"),
        ("The odds are 1 in a million.", "1 in a million", 1e-6, "fraction"),
        # thousands groups separated by spaces, however many
        ("The population is 1 234 567.", "1 234 567", 1234567, "people"),
        # a fraction before a scale scales the whole number before it; "a quarter of a million"; "half a dozen"
        ("Two and a half million people live there.", "Two and a half million people", 2.5e6, "people"),
        ("A quarter of a million people marched.", "A quarter of a million people", 250000, "people"),
        ("Half a dozen states joined.", "Half a dozen states", 6, "state"),
        # a whole number and a Unicode vulgar fraction, spaced or glued
        ("The rate is now 5 ¼ percent.", "5 ¼ percent", 5.25, "percent"),
        ("The rate is now 5¼ percent.", "5¼ percent", 5.25, "percent"),
        ("The meeting took 2 ½ hours.", "2 ½ hours", 2.5, "hour"),
        ("The bank sold a 2½-year bond.", "2½-year", 2.5, "year"),
        ("Mix ¾ cup of flour.", "¾ cup", 0.75, "cup"),
        # a thousands group spaced after its comma, but not a range's end before the list's next item
        ("The stadium held around 80, 000 spectators.", "around 80, 000 spectators", 80000, "spectator"),
        ("There were 91 people aged 18 to 24, 391 people aged 25 to 44.", "391 people", 391, "people"),
        # a converter glued a table cell's next entry (and a mark) to the scale word
        ("FY03-05: Total of $3 billionFY10 and later years: such sums as necessary.", "$3 billion", 3e9, "USD"),
        ("FY03-04: Total of $2.3 billionaFY08-10: Total of $285 million.", "$2.3 billion", 2.3e9, "USD"),
    ],
)
def test_grammar_reads_a_quantity(extract, sentence, text, value, unit):
    found = quantities(extract, sentence)
    assert text in found, list(found)
    q = found[text]
    assert q.value == pytest.approx(value) and q.unit == unit


@pytest.mark.parametrize(
    "sentence,text,low,high",
    [
        ("Prices rose between 5 and 10 per cent.", "between 5 and 10 per cent", 5, 10),
        ("Turnout was 5–10% lower.", "5–10%", 5, 10),
        ("The walk is 20 to 30 miles.", "20 to 30 miles", 20, 30),
        ("The bid is $5bn to $7bn.", "$5bn to $7bn", 5e9, 7e9),
        ("Each bag weighs 10 kg to 12 kg.", "10 kg to 12 kg", 10, 12),
        ("The fine is between two and three million dollars.", "between two and three million dollars", 2e6, 3e6),
        ("Bids ranged from 1000 - 5000 pounds.", "from 1000 - 5000 pounds", 1000, 5000),
        # a dash glued to a currency sign joins a range of amounts
        ("The project will cost $4 million-$6 million.", "$4 million-$6 million", 4e6, 6e6),
        ("It costs $4-$6 million.", "$4-$6 million", 4e6, 6e6),
        ("Seats cost £20–£30 each.", "£20–£30", 20, 30),
        ("Yields will be above 3% and below 5%.", "above 3% and below 5%", 3, 5),
        ("Rents stayed no more than $900 and no less than $700.", "no more than $900 and no less than $700", 700, 900),
        # two close whole numbers joined by "or" are one approximate range
        ("The deal cost two or three times as much.", "two or three times", 2, 3),
        ("Five or six people were hurt.", "Five or six people", 5, 6),
        ("Two or three million people fled.", "Two or three million people", 2e6, 3e6),
        ("We will hire 10 or 12 staff.", "10 or 12 staff", 10, 12),
        # suspended hyphens before "to"
        ("Yields on 10- to 30-year bonds rose.", "10- to 30-year", 10, 30),
        # a range spelled as one hyphenated word
        ("Turnarounds are planned for every 3-to-5 years.", "3-to-5 years", 3, 5),
        ("Prices rose 5-to-10 percent.", "5-to-10 percent", 5, 10),
    ],
)
def test_grammar_reads_a_range(extract, sentence, text, low, high):
    found = quantities(extract, sentence)
    assert text in found, list(found)
    q = found[text]
    assert q.value is None and (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    "sentence,text,bound",
    [
        ("Support stands at ~40% among voters.", "~40%", "~"),
        ("The army sent c. 300 troops.", "c. 300 troops", "~"),
        ("Bonuses are capped at 10% or less.", "capped at 10% or less", "<="),
        ("Applicants must be 18 years or older.", "18 years", "="),
        ("Scores of 200 or greater qualify.", "200 or greater", ">="),
        ("The limit is less than or equal to 50 kg.", "less than or equal to 50 kg", "<="),
        ("The load is larger than or equal to 5 tons.", "larger than or equal to 5 tons", ">="),
        ("Temperatures stayed ≥ 30 C all week.", "≥ 30 C", ">="),
        # an equative names the extreme the figure may reach: "as many as" a ceiling, "as few as" a floor
        ("As many as 200 people died in the floods.", "As many as 200 people", "<="),
        ("Rates could rise as much as 8 percent.", "as much as 8 percent", "<="),
        ("Tickets cost as little as $5.", "as little as $5", ">="),
        ("As few as 10 students attended.", "As few as 10 students", ">="),
        # a bound word that is the clause's finite verb is no qualifier; "an estimated" is
        ("The ministry estimated $2.5 billion in losses.", "$2.5 billion", "="),
        ("Floods destroyed an estimated 4,000 homes.", "an estimated 4,000 homes", "~"),
        # a bound reaches past an article to the figure that modifies a noun; a preposition does not
        ("GDP grew at a little more than a 2 percent pace.", "more than a 2 percent", ">"),
        ("There is less than a 1 percent chance of rain.", "less than a 1 percent", "<"),
        ("It will generate $74 billion over a 37-year mine life.", "37-year", "="),
        ("Officials estimated a 5 percent rise.", "5 percent", "="),
        # a trailing "and over" is a bound; a preposition with its object is not
        ("People aged 65 and over in Canada vote more.", "65 and over", ">="),
        ("Tickets cost $50 and up.", "$50 and up", ">="),
        ("The rate was 3.5 percent and over the month employment rose.", "3.5 percent", "="),
        ("Prices were 4 percent and above the target.", "4 percent", "="),
    ],
)
def test_grammar_reads_a_bound(extract, sentence, text, bound):
    found = quantities(extract, sentence)
    assert text in found, list(found)
    assert found[text].bound == bound


@pytest.mark.parametrize(
    "sentence,text,change",
    [
        ("Stocks: Dow +1.2%, Nasdaq -0.5%.", "+1.2%", "up"),
        ("Stocks: Dow +1.2%, Nasdaq -0.5%.", "-0.5%", "down"),
        ("The index closed -0.4 points lower.", "-0.4 points", "down"),
        ("Qualcomm rose under 4% on Monday.", "under 4%", "up"),
    ],
)
def test_grammar_reads_a_signed_or_bounded_change(extract, sentence, text, change):
    found = quantities(extract, sentence)
    assert text in found, list(found)
    assert found[text].change == change


def test_grammar_a_minus_sign_on_a_level_is_a_negative_value_not_a_fall(extract):
    (q,) = [c.quantity for c in extract("Overnight it was -5 degrees Celsius.")]
    assert q.value == -5 and q.change is None


@pytest.mark.parametrize(
    "sentence,absent",
    [
        # names and codes with digits
        ("The FTSE 100 index fell.", "100"),
        ("Apple unveiled the iPhone 15 today.", "15"),
        ("The office is at NY 10001.", "10001"),
        ("The plant is ISO 9001 certified.", "9001"),
        ("The ISO 9001 standard was updated.", "9001"),  # an acronym, a number above one, a singular noun
        ("The studio released 12 last year.", "12 last year"),  # a relative period after it is no counted noun
        ("The RFC 2616 specification defines HTTP.", "2616"),
        ("Section 230 protects platforms.", "230"),
        ("Title 42 ended in May.", "42"),
        ("The jet is an F-35 fighter.", "35"),
        ("She joined the Planet 9 citizen science project.", "9"),
        ("It adds half of the bank's Method 1 capital surcharge.", "1"),
        ("He bought a 4K television.", "4K"),
        ("Properties include 9 E 71st St in Manhattan.", "9"),
        # a currency sign's ASCII fold counts only glued to a figure; a console is no amount
        ("The PS 2 sold well.", "2"),
        ("Sony sold more PS5 consoles.", "PS5"),
        # alternatives far apart and years joined by "or" are no range
        ("He scored 1 or 10 points.", "1 or 10 points"),
        ("It happened in 2019 or 2020.", "2019"),
        # a year after "over" or "above" right after a figure is a comparison's baseline
        ("Revenue was up 14% over 2017.", "2017"),
        # list enumerators
        ("The plan has two parts: 1. cut costs; 2. raise prices.", "1"),
        ("The plan has two parts: 1. cut costs; 2. raise prices.", "2"),
        # years and spans of years; a month and year written with a slash ("12/25" in a status column)
        ("Exports peaked in 2019.", "2019"),
        ("Status: Proposal (12/25); Final Rule (3/26).", "12"),
        ("Status: Proposal (12/25); Final Rule (3/26).", "26"),
        ("The rule took effect in 11/2025.", "11"),
        ("The 2013-14 season was a record.", "14"),
        # idioms and lone number words
        ("At one point the two met for lunch.", "one"),
        ("Not a single one was left.", "one"),
        # "one" of a discourse noun introduces a point, it counts nothing
        ("As just one example of the broader trend, incomes doubled.", "one"),
        ("One factor that supported growth is a faster pace of productivity gains.", "One"),
        ("Small firms specialize in one aspect, such as refining.", "one"),
        # ordinals after an article are not fractions
        ("She won a third term.", "a third"),
    ],
)
def test_grammar_reads_no_quantity(extract, sentence, absent):
    assert all(absent not in c.quantity.text.split() and c.quantity.text != absent for c in extract(sentence))


def test_grammar_a_lone_number_is_still_a_number(extract):
    assert [c.quantity.value for c in extract("Seventy.")] == [70]
    assert [c.quantity.value for c in extract("The answer is minus one.")] == [-1]


@pytest.mark.parametrize(
    "sentence,text,unit,change",
    [
        # a two-digit figure with its own unit after "YEAR to" is the next figure, not a span of years
        ("Mileage rose from 20 mpg in 2008 to 29 mpg in 2020.", "29 mpg", "mile per gallon", None),
        # "U.S." after a dollar amount stays in its span, and the rate after it is the amount's
        ("Oil was $75 U.S. per barrel on Monday.", "$75 U.S. per barrel", "USD per barrel", None),
        ("Gold was up $31.20 US.", "$31.20 US", "USD", "up"),
        # a from-to range whose second end leaves out the rate of the first ("per barrel")
        ("Oil has dropped from $75 per barrel to $45.88.", "from $75 per barrel to $45.88", "USD per barrel", None),
        # change-gapped: a clause that leaves out the verb of the one before has its change
        ("Ross was down 2.3%, Burlington by 2.6% and Gap was flat.", "2.6%", "percent", "down"),
        ("Exports rose 5% in May and imports 3%.", "3%", "percent", "up"),
    ],
)
def test_grammar_year_spans_us_dollars_rates_in_ranges_and_gapped_changes(extract, sentence, text, unit, change):
    got = quantities(extract, sentence)
    assert text in got, list(got)
    assert (got[text].unit, got[text].change) == (unit, change)


@pytest.mark.parametrize(
    "sentence,text",
    [
        ("He bought a $5 US stamp.", "$5"),  # "US" before a noun is not the dollar's
        ("Prices rose 5%, and 20% of firms hired.", "20%"),  # a clause with its own subject and noun
    ],
)
def test_grammar_what_gapping_and_us_dollars_leave_alone(extract, sentence, text):
    got = quantities(extract, sentence)
    assert text in got and got[text].change is None, list(got)


@pytest.mark.parametrize(
    "sentence,text,value,unit,bound",
    [
        # num-article-unit-bounded: after a bound, "a"/"an" before a unit of measure is one of it
        ("The process took about an hour.", "about an hour", 1, "hour", "~"),
        ("He walked more than a mile.", "more than a mile", 1, "mile", ">"),
        # a bounded time before an event is a limit, a claim (not-claim-time-before is not applied)
        ("Take a test no more than 72 hours before departure.", "no more than 72 hours", 72, "hour", "<="),
    ],
)
def test_grammar_bounded_articles_and_limits(extract, sentence, text, value, unit, bound):
    got = quantities(extract, sentence)
    assert text in got, list(got)
    assert (got[text].value, got[text].unit, got[text].bound) == (value, unit, bound)


@pytest.mark.parametrize(
    "sentence",
    [
        "The trip took an hour.",  # no bound: an article
        "Prices fell a year ago.",
        "Apple built it into iOS over more than a decade.",  # a window a preposition opens
        "Two days before the vote, the party met.",  # not-claim-time-before
    ],
)
def test_grammar_articles_and_event_times_that_are_not_claims(extract, sentence):
    assert not quantities(extract, sentence)


@pytest.mark.parametrize(
    "sentence,kept",
    [
        ("There was another database, a trouble-free one run by the health authority.", set()),  # not-pronoun-one
        ("He bought the new one.", set()),
        ("The one million visitors came.", {"one million visitors"}),
        ("Only one in ten voters agreed.", {"one in ten voters"}),
    ],
)
def test_grammar_one_as_a_pronoun_is_no_number(extract, sentence, kept):
    assert set(quantities(extract, sentence)) == kept


@pytest.mark.parametrize(
    "sentence,text,value",
    [
        # unit-fraction-elliptic: a fraction standing alone for a share of a whole named before
        ("Roughly a quarter come from South Sudan, officials said.", "Roughly a quarter", 0.25),
        ("About 40 percent of workers are immigrants, and about one-fifth in leisure.", "about one-fifth", 0.2),
        # a bare 'half' after a bound is a share ('more than half said')
        ("More than half said they would leave.", "More than half", 0.5),
        ("Nearly half were women.", "Nearly half", 0.5),
    ],
)
def test_grammar_a_fraction_standing_alone_is_a_share(extract, sentence, text, value):
    q = quantities(extract, sentence)[text]
    assert (q.value, q.unit) == (pytest.approx(value), "fraction")


@pytest.mark.parametrize(
    "sentence,absent",
    [
        ("The glass was more than half full.", "half"),  # a degree, not a share
        ("The company cut its workforce in half.", "half"),
        ("United salvaged a 2-2 draw at home.", "2-2"),  # not-score-noun: digits on both sides
    ],
)
def test_grammar_what_is_not_a_share(extract, sentence, absent):
    assert not any(absent in t for t in quantities(extract, sentence))


@pytest.mark.parametrize(
    "sentence,text,unit",
    [
        # unit-partitive: a bare part of a counted whole counts what the whole counts
        (
            "The states provide less than 20 million of the 150 million chickens needed.",
            "less than 20 million",
            "chicken",
        ),
        ("The chain closed 12 of its 40 stores.", "12", "store"),
        ("Police arrested 5 of the 12 protesters.", "5", "protester"),
        # the counted noun past coordinated compounds with a suspended hyphen
        (
            "The region has 45,000 large- and small-scale chicken farmers.",
            "45,000 large- and small-scale chicken farmers",
            "farmer",
        ),
        # a fraction 'of' a whole the word walk cannot read: the parse's object of 'of'
        (
            "It forced more than a third of Central Africa's 45,000 large- and small-scale farmers out.",
            "more than a third",
            "fraction",
        ),
    ],
)
def test_grammar_parts_of_a_counted_whole(extract, sentence, text, unit):
    assert quantities(extract, sentence)[text].unit == unit


@pytest.mark.parametrize(
    "sentence,text,unit",
    [
        # a number modifying a plural noun past singular compounds counts the plural noun
        (
            "It surveyed 11 cryptocurrency mining operators in New York.",
            "11 cryptocurrency mining operators",
            "operator",
        ),
        ("The car has a 3 cylinder engine.", "3 cylinder", "cylinder"),
        # a generic measure word is never what a number counts ('the 251,000 monthly average' is of jobs)
        ("Payrolls rose 300,000 jobs, above the 251,000 monthly average.", "251,000", "job"),
        # past a conjunction, a later number counts the noun ('1.8 million or about 48 percent')
        ("Of the 5 million claims, about 2.1 million or about 42 percent, were paid.", "about 2.1 million", "claim"),
        ("Of the 5 million claims, about 2.1 million or about 42 percent, were paid.", "about 42 percent", "percent"),
    ],
)
def test_grammar_what_a_number_counts_past_compounds_and_measure_words(extract, sentence, text, unit):
    assert quantities(extract, sentence)[text].unit == unit


@pytest.mark.parametrize(
    "sentence,text,change",
    [
        # a figure coordinated with a change verb's own figure shares the verb left out
        ("Sales rose 5% in May and 3% in June.", "3%", "up"),
        ("GDP is forecast to grow by 1.5% in 2026 and 1.7% in 2027.", "1.7%", "up"),
        # not a figure of another clause
        ("Sales rose 5% and the company employs 300 people.", "300 people", None),
    ],
)
def test_grammar_a_coordinated_figure_shares_the_change_verb(extract, sentence, text, change):
    assert quantities(extract, sentence)[text].change == change


@pytest.mark.parametrize(
    "sentence,text,value,unit",
    [
        # a currency glued by a hyphen into a modifier is money, not a counted noun (money_name_at)
        ("A 12-cent tax was added to each pack.", "12-cent", 12, "cent"),
        ("He paid with a 100-dollar bill.", "100-dollar", 100, "USD"),
        ("The court set a 500-euro fine.", "500-euro", 500, "EUR"),
        # a rate hyphenated into a modifier (`unit-per-hyphenated`)
        ("Holders were offered a higher, $70-a-share price.", "$70-a-share", 70, "USD per share"),
        ("It will pay a 12-cent-a-share dividend.", "12-cent-a-share", 12, "cent per share"),
        ("The $5-a-gallon gas price angered drivers.", "$5-a-gallon", 5, "USD per gallon"),
        ("Congress weighed a $1-per-gallon tax.", "$1-per-gallon", 1, "USD per gallon"),
    ],
)
def test_grammar_hyphenated_money_and_rates(extract, sentence, text, value, unit):
    q = quantities(extract, sentence)[text]
    assert q.value == pytest.approx(value) and q.unit == unit


@pytest.mark.parametrize(
    "sentence,text,unit",
    [
        ("The 27-nation bloc retaliated.", "27-nation", "nation"),  # a counted noun stays counted
        ("She ran a 5-mile race.", "5-mile", "mile"),  # a registry unit stays itself
        ("Shares traded at $70 a share, a 3-a-day habit.", "$70 a share", "USD per share"),
    ],
)
def test_grammar_what_the_hyphen_rules_leave_alone(extract, sentence, text, unit):
    assert quantities(extract, sentence)[text].unit == unit


@pytest.mark.parametrize(
    "sentence,absent",
    [
        # a hyphenated code of a document, form or law part is a name (not-name-hyphenated-code)
        ("The SEC brought charges under Rule 10b-5 last year.", "10"),
        ("The company filed its Form 10-K in March.", "10"),
    ],
)
def test_grammar_hyphenated_document_codes_are_names(extract, sentence, absent):
    assert not any(t.startswith(absent) for t in quantities(extract, sentence))


def test_grammar_a_count_before_a_hyphenated_model_code_counts_the_plural(extract):
    q = quantities(extract, "The Air Force bought 12 F-35 jets.")["12 F-35 jets"]
    assert (q.value, q.unit) == (12, "jet")


def test_grammar_a_digit_one_after_a_verb_still_counts(extract):
    """'Method 1 capital surcharge' is a name; '1 coal plant' after a verb is a count."""
    assert [c.quantity.text for c in extract("Britain had 1 coal plant left.")] == ["1 coal plant"]


@pytest.mark.parametrize(
    "sentence,text,unit",
    [
        ("Category I consists of the eight U.S. global systemically important banks.", "eight", "bank"),
        ("Police said 12 heavily armed masked young men attacked the post.", "12", "man"),
    ],
)
def test_grammar_a_number_counts_its_plural_noun_across_a_run_of_modifiers(extract, sentence, text, unit):
    """The parser hangs the number straight on the plural noun: it counts it, however many modifiers stand
    between them."""
    (q,) = [c.quantity for c in extract(sentence) if c.quantity.text.startswith(text)]
    assert q.unit == unit and q.kind == "count"


@pytest.mark.parametrize(
    "sentence,unit",
    [
        ("Prices fell to average $3.47 and $3.50 per gallon, respectively.", {"$3.47": "USD per gallon"}),
        ("Wages rose to $15, $16 and $18 per hour.", {"$15": "USD per hour", "$16": "USD per hour"}),
        ("The two plants produce 300 and 450 tons per day.", {"300": "metric ton per day"}),
        ("Yields were 50, 52 and 55 bushels per acre.", {"50": "bushel per acre", "52": "bushel per acre"}),
        # not shared: a verb between the figures, or a different unit
        ("It costs $5 and takes 3 days per order.", {"$5": "USD"}),
        ("It weighs 5 kilograms and costs $3 per unit.", {"5 kilograms": "kilogram"}),
    ],
)
def test_grammar_a_rate_written_once_after_coordinated_figures_is_every_figures(extract, sentence, unit):
    got = quantities(extract, sentence)
    assert {k: got[k].unit for k in unit} == unit


def test_grammar_a_counted_noun_is_never_past_the_bracket_that_holds_the_number(extract):
    got = quantities(extract, "Couriers (+7,000) and air transportation (+6,000) added jobs.")
    assert "+6,000" in got and "+6,000) added jobs" not in got
    assert quantities(extract, "The firm (with 40 staff) grew.")["40 staff"].unit == "staff"


@pytest.mark.parametrize(
    "sentence,absent,present",
    [
        ("Estimated 2024 global copper output rose by 3%.", "Estimated 2024", "3%"),
        ("Projected 2030 demand is 5 million barrels.", "Projected 2030", "5 million barrels"),
        ("Estimated 2000 deaths were reported.", None, "Estimated 2000 deaths"),  # a plural noun: a count
        ("An estimated 2000 people fled.", None, "An estimated 2000 people"),
    ],
)
def test_grammar_a_year_after_a_participle_qualifies_its_noun_not_a_count(extract, sentence, absent, present):
    """'Estimated 2024 ... output': the participle is no bound on a number; the year dates the noun."""
    got = quantities(extract, sentence)
    assert present in got, list(got)
    assert absent is None or not any(t.startswith(absent) for t in got), list(got)


@pytest.mark.parametrize(
    "sentence,text,unit",
    [
        ("Each year more than 30,000 contract the disease.", "more than 30,000", None),  # a verb, tagged noun
        ("About 2,000 staff the hospitals.", "About 2,000", None),
        ("The firm signed 30 contract extensions.", "30 contract extensions", "extension"),
        ("The city hired 40 nurse practitioners.", "40 nurse practitioners", "practitioner"),
    ],
)
def test_grammar_a_singular_word_before_a_determiner_is_a_verb_not_a_counted_noun(extract, sentence, text, unit):
    got = quantities(extract, sentence)
    assert text in got, list(got)
    assert got[text].unit == unit


@pytest.mark.parametrize(
    "sentence,text,change",
    [
        ("The chain ran 300 more stores than a year earlier.", "300 more stores", "up"),
        ("It ended the year with 522 fewer employees than in 2024.", "522 fewer employees", "down"),
        (
            "This was 1.9 million more returns (an increase of 1.1 percent) compared to 2024.",
            "1.9 million more returns",
            "up",
        ),
        ("We need 300 more nurses.", "300 more nurses", None),  # no comparison: an amount still wanted
    ],
)
def test_grammar_a_count_of_more_or_fewer_things_than_another_is_a_change(extract, sentence, text, change):
    got = quantities(extract, sentence)
    assert text in got, list(got)
    assert got[text].change == change


def test_grammar_an_em_dash_glued_between_a_word_and_a_figure_splits_them(extract):
    """'9,850 staff—522 fewer employees': typeset text glues the dash to both words; the figure after it is
    a figure of its own."""
    got = quantities(extract, "The unit ended the season with 9,850 staff—522 fewer employees than in 2024.")
    assert {"9,850 staff", "522 fewer employees"} <= set(got), list(got)
    assert got["522 fewer employees"].change == "down"


def test_grammar_a_bare_figure_over_a_unit_counts_the_noun_of_the_count_before_it(extract):
    """'1,822 housing units at an average density of 1,115.1 per square mile (430.5/km²)': the density is in
    housing units per square mile; its restatement per square kilometre; a count after them counts housing
    units again (a borrowed rate lends nothing)."""
    got = quantities(
        extract,
        "There were 1,822 housing units at an average density of 1,115.1 per square mile (430.5/km²), "
        "of which 363 were owner-occupied.",
    )
    assert got["1,115.1 per square mile"].unit == "unit per square mile"
    assert got["430.5/km²"].unit == "unit per square kilometer"
    assert got["363"].unit == "unit"
    got = quantities(extract, "The density was 743.6 people per square mile (287.1/km²).")
    assert got["287.1/km²"].unit == "people per square kilometer", "not per square mile"


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a sign glued to a currency sign: a rise, or a negative amount
        ("Exports: +$5 billion.", {"+$5 billion": (5e9, "up")}),
        ("Net income was -$3 million.", {"-$3 million": (-3e6, None)}),
        # vote tallies are two counts of votes, never a range
        ("The Senate adopted the measure by a vote of 52-46.", {"52": (52, None), "46": (46, None)}),
        ("The bill passed the House 220-212.", {"220": (220, None), "212": (212, None)}),
        ("It passed in a 52-46 vote.", {"52": (52, None), "46": (46, None)}),
        ("The Senate agreed by a vote of 52-46 on a motion to proceed.", {"52": (52, None), "46": (46, None)}),
    ],
)
def test_grammar_signed_amounts_and_vote_tallies(extract, sentence, expected):
    found = quantities(extract, sentence)
    for text, (value, change) in expected.items():
        assert text in found, list(found)
        assert found[text].value == value and found[text].change == change
    if "vote" in sentence or "passed" in sentence:
        assert all(q.unit == "vote" for q in found.values())


@pytest.mark.parametrize(
    "sentence",
    [
        "The team finished 3-1 ahead of its rivals.",  # a descending pair is a score
        "Scores were 21-14 at the half.",
        "The Senate adopted S.Con.Res. 33 on Thursday.",  # a resolution's number
        "Under H.Res. 5, the rules changed.",
        "Congress passed P.L. 119-74 in January.",  # a law's number, not a tally
    ],
)
def test_grammar_scores_and_resolution_numbers_are_not_quantities(extract, sentence):
    assert quantities(extract, sentence) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "The club moved to 201 E. Ontario Street in 1997.",  # street numbers
        "The office at 1600 Pennsylvania Avenue opened.",
        "In 1990, the owner of 620 N. Michigan decided to sell.",
    ],
)
def test_grammar_street_numbers_are_not_quantities(extract, sentence):
    assert quantities(extract, sentence) == {}


@pytest.mark.parametrize(
    "sentence,text,unit,measured",
    [
        # a number the parse hangs on a compound noun counts the plural noun the compound modifies
        ("About 135,000 Ukrainian parole beneficiaries received aid.", "About 135,000 Ukrainian parole beneficiaries",
         "beneficiary", "Ukrainian parole beneficiaries"),
        ("They built 2 bedroom apartments.", "2 bedroom apartments", "apartment", "bedroom apartments"),
        ("About 5 S. Korean firms bid.", "About 5 S. Korean firms", "firm", "S. Korean firms"),
    ],
)  # fmt: skip
def test_grammar_the_counted_noun_is_the_head_of_its_compound(extract, sentence, text, unit, measured):
    claim = next(c for c in extract(sentence) if c.quantity.text == text)
    assert claim.quantity.unit == unit and claim.measured == measured


def test_grammar_no_sentence_starts_at_a_letter_glued_to_a_full_stop(extract):
    # the parser split "S.Con." | "Res. 33 ..."; the claim's sentence is the whole sentence
    (first, _) = extract("The Senate adopted S.Con.Res. 33 on April 23 by a vote of 50-48.")
    assert first.sentence.startswith("The Senate adopted S.Con.Res. 33")


def test_grammar_a_number_hyphenated_to_a_compound_does_not_count_the_plural_after_it(extract):
    # "30-year bonds", "zero-coupon eurobonds": the number belongs to the hyphenated modifier
    assert all(c.quantity.unit != "bond" for c in extract("The firm sold about $500 million of 30-year bonds."))


@pytest.mark.parametrize(
    "text, unit",
    [
        (
            "Economy of New Zealand\n\nIn New Zealand, house prices rose. Auckland homes reached $931,000, and"
            " New Zealand buyers paid more.",
            "NZD",
        ),
        # a country the story only mentions, or a title that names no dollar country, keeps the US dollar
        (
            "Vietnam courts medical tourists\n\nSingapore leads, Singapore's hospitals grow and Singapore's"
            " revenue reached $737 million.",
            "USD",
        ),
        ("Canada tariffs\n\nThe U.S. levy of $5 billion on Canada hurt the U.S. and Canada, U.S. firms said.", "USD"),
    ],
)
def test_grammar_a_bare_dollar_in_an_article_about_a_dollar_country_is_its_dollar(text, unit):
    """Phenomenon: '$' is the dollar of the country an article is about, when its title names it and the
    text names it far more than the United States."""
    from claimx.extract import extract_claims

    (claim,) = [c for c in extract_claims(text) if c.quantity.kind == "currency"]
    assert claim.quantity.unit == unit


@pytest.mark.parametrize(
    "sentence, text, unit, low, high",
    [
        ("Participation of people between the ages of 25 and 54 declined.", "25 and 54", "year of age", 25, 54),
        ("There were 91 people (7.5%) aged 18 to 24.", "18 to 24", "year of age", 18, 24),
        ("Children between ages 5 and 11 are eligible.", "5 and 11", "year of age", 5, 11),
        ("For every 100 females age 18 and over, there were 106.2 males.", "18 and over", "year of age", None, None),
        ("The average age of the fleet rose to 12.", "12", None, None, None),  # an age noun far back: no rule
    ],
)
def test_grammar_an_age_word_before_a_number_makes_it_years_of_age(extract, sentence, text, unit, low, high):
    """Phenomenon: 'between the ages of 25 and 54', 'aged 18 to 24', 'age 18 and over': a bare number right
    after an age word is an age in years, and 'between the ages of' opens one range (`ages.py`)."""
    q = quantities(extract, sentence)[text]
    assert q.unit == unit
    if low is not None:
        assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("Burnout is common. (See fig. 2.)", "2"),
        ("See Fig. 3 for details.", "3"),
        ("See figures 2 and 3.", "3"),
        ("Sections 301, 302 and 304 set tariffs of 25%.", "302"),
        ("See pages 4 to 7 of the report.", "4 to 7"),
        ("the 12-month change should move up as soft readings drop out of the 12-month calculation.", "12-month"),
    ],
)
def test_grammar_figure_section_and_page_references_are_not_quantities(extract, sentence, absent):
    """Phenomenon: references to figures, tables, sections and pages are names, abbreviated ('fig. 2': the
    sentence splitter's break after 'fig.' is undone) or listed ('figures 2 and 3'); a window that names a
    statistic ('the 12-month calculation') is not a quantity either."""
    assert absent not in quantities(extract, sentence)


def test_grammar_a_listed_reference_keeps_the_figures_after_it(extract):
    """The other direction: the figures of a sentence that cites sections are still read."""
    assert "25%" in quantities(extract, "Sections 301 and 302 of the act set tariffs of 25%.")


@pytest.mark.parametrize(
    "sentence, text, unit, change",
    [
        ("IRS processed about 66,000 (2 percent) more returns than last year.", "about 66,000", "return", "up"),
        ("The agency received approximately 52,000 (68 percent) fewer individual returns.", "approximately 52,000",
         "return", "down"),
        ("The company hired 500 (10 percent) new workers.", "500", "worker", None),
        ("Sales reached 500 (see table) units.", "500", None, None),  # no figure in the bracket
    ],
)  # fmt: skip
def test_grammar_a_count_restated_in_brackets_counts_the_noun_after_them(extract, sentence, text, unit, change):
    """Phenomenon: 'processed about 66,000 (2 percent) more returns': a bare count restated in brackets counts
    the plural noun after the bracket; a comparative there makes it a rise or a fall (`counted.py`)."""
    q = quantities(extract, sentence)[text]
    assert (q.unit, q.change) == (unit, change)


def test_grammar_household_and_family_size_count_people_per_household():
    """Phenomenon: 'The average household size was 2.26': a census measure whose bare figure counts persons per
    household (news_units.jsonl role `count_concept`)."""
    from claimx.extract import extract_claims

    units = {
        c.quantity.text: c.quantity.unit
        for c in extract_claims("The average household size was 2.26 and the average family size was 2.67.")
    }
    assert units == {"2.26": "person per household", "2.67": "person per family"}


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Singapore is the 3rd-largest foreign exchange centre.", "3rd-largest", 3),
        ("Singapore is the 3rd-leading financial centre.", "3rd-leading", 3),
        ("Heart disease is the second-leading cause of death.", "second-leading", 2),
        ("Singapore Airlines is the world's 19th most-admired company.", "19th most-admired", 19),
        ("It is the second most populous state.", "second most populous", 2),
    ],
)
def test_grammar_ranks_before_superlatives_most_and_leading(extract, sentence, text, value):
    """Phenomenon: an ordinal before a superlative, 'most' with its adjective, or 'leading' is a rank; the
    adjective after a superlative belongs to the ranked noun ('3rd-largest foreign exchange centre')."""
    q = quantities(extract, sentence)[text]
    assert (q.value, q.unit) == (value, "rank")


@pytest.mark.parametrize(
    "sentence, text, change",
    [
        ("Between 1965 and 1995, growth rates averaged around 6 per cent per annum.", "around 6 per cent", "up"),
        ("The growth rate was 3 percent.", "3 percent", "up"),
        ("Interest rates averaged 5 percent.", "5 percent", None),
    ],
)
def test_grammar_the_rate_of_a_change_noun_is_a_change(extract, sentence, text, change):
    """Phenomenon: 'growth rates averaged around 6 per cent': a percentage of a rate or pace noun whose
    compound is a change noun is that change's rate, a rise; an interest rate is a level."""
    assert quantities(extract, sentence)[text].change == change


@pytest.mark.parametrize(
    "sentence, text, bound",
    [
        ("The unemployment rate did not exceed 4% from 2005 to 2014.", "4%", "<="),
        ("Inflation exceeded 5% last year.", "5%", ">"),
        ("Costs must not exceed $5 million.", "$5 million", "<="),
    ],
)
def test_grammar_a_bound_verb_bounds_a_figure_the_parser_hangs_as_an_adverb(extract, sentence, text, bound):
    """Phenomenon: 'did not exceed 4%': the parser may hang a percentage on the verb as an adverbial noun, not
    its object; the verb still bounds it (negated: at most)."""
    assert quantities(extract, sentence)[text].bound == bound


@pytest.mark.parametrize(
    "sentence,text,bound",
    [
        # "about"/"around" before an amount or share is a bound even when parsed as the verb's preposition
        ("Each agency allocated about half of its funding to programs.", "about half", "~"),
        ("The ministry allocated about $5 million to schools.", "about $5 million", "~"),
        # ... and reaches past an article when the parser makes it a modifier
        ("The U.S. holds about a 2 percent share of the world's reserves.", "about a 2 percent", "~"),
        ("It has around a 10 percent stake in the firm.", "around a 10 percent", "~"),
        # a trailing "or more" with hedge words between
        (
            "The economy likely grew at 3 percent or perhaps a little faster.",
            "3 percent or perhaps a little faster",
            ">=",
        ),
        ("Prices may rise 10% or possibly more.", "10% or possibly more", ">="),
        ("Growth was 2 percent or a bit slower.", "2 percent or a bit slower", "<="),
    ],
)
def test_grammar_bounds_past_a_preposition_parse_an_article_or_hedge_words(extract, sentence, text, bound):
    """Phenomenon: approximation and open-ended bounds written around the figure with words the parser splits
    off: 'allocated about half', 'about a 2 percent share', '3 percent or perhaps a little faster'."""
    assert quantities(extract, sentence)[text].bound == bound


@pytest.mark.parametrize(
    "sentence,present,absent",
    [
        ("The organized events revolved around four pillars.", "four pillars", "around four pillars"),
        ("They worried about a 10 percent cut.", "10 percent", "about a 10 percent"),
    ],
)
def test_grammar_a_preposition_of_the_verb_is_no_bound(extract, sentence, present, absent):
    """Phenomenon: 'about'/'around' as the verb's own preposition before a count or an article stays outside."""
    found = quantities(extract, sentence)
    assert present in found and absent not in found


@pytest.mark.parametrize(
    "sentence,text,value",
    [
        ("The report ranked the country 157 out of 178 countries worldwide.", "157", 157),
        ("Its world ranking in 2012 for tourism's contribution to GDP was 142 out of 176.", "142", 142),
        ("She finished 4 out of 30 runners.", "4", 4),
        ("In 2015, the country was ranked the 26th global IT outsourcing destination.", "26th", 26),
        ("It is among the top producers of rice (fourth) and jute (second).", "fourth", 4),
        ("It is among the top producers of rice (fourth) and jute (second).", "second", 2),
    ],
)
def test_grammar_a_place_in_a_ranking_is_a_rank(extract, sentence, text, value):
    """Phenomenon: a place in a ranking written as 'N out of M' after a verb or noun of ranking, after 'ranked
    the', or as an ordinal in brackets after the ranked item, is a rank (words.jsonl role `ranking_word`)."""
    q = quantities(extract, sentence)[text]
    assert (q.value, q.unit) == (value, "rank")


def test_grammar_n_out_of_m_without_a_ranking_is_a_share(extract):
    """Phenomenon: 'Three out of 10 adults smoke' stays a share when nothing ranks."""
    q = quantities(extract, "Three out of 10 adults smoke.")["Three out of 10 adults"]
    assert q.unit == "fraction"


def test_grammar_a_share_before_to_and_a_level_is_no_range(extract):
    """Phenomenon: 'declined by nearly one-third to 6.5 million barrels per day': a spelled fraction and the
    level after 'to' are a change and a level, never the ends of a range; the bound between 'by' and the
    fraction does not hide the 'by' (the fraction is a share of the level, unit fraction)."""
    found = quantities(extract, "Production had declined by nearly one-third to 6.5 million barrels per day by 1997.")
    assert found["nearly one-third"].unit == "fraction" and found["nearly one-third"].change == "down"
    assert found["6.5 million barrels per day"].value == 6.5e6
    assert quantities(extract, "Costs were cut by nearly 300 to 2,700.")["2,700"].value == 2700
    assert quantities(extract, "Between one-third and one-half of voters agreed.")["Between one-third and one-half"].low


def test_grammar_a_bracketed_share_of_a_whole_is_a_level_not_the_change(extract):
    """Phenomenon: 'rose ... to 9.2 million barrels per day in 1997 (nearly half of demand)': a share of a
    whole in brackets restates the level as a share; the clause's change verb is not its change."""
    found = quantities(
        extract,
        "Net imports rose from 3.2 million barrels per day in 1970 (about one-fifth of U.S. petroleum demand)"
        " to 9.2 million barrels per day in 1997 (nearly half of demand).",
    )
    assert found["nearly half"].change is None and found["about one-fifth"].change is None


@pytest.mark.parametrize(
    "sentence,text",
    [
        ("More than 1 in 10 Americans lack health insurance.", "More than 1 in 10 Americans"),
        ("About 40 Canadians were detained.", "About 40 Canadians"),
        ("Of the 9 Justices serving, three dissented.", "9 Justices"),
    ],
)
def test_grammar_a_plural_proper_noun_after_a_number_is_counted_not_a_name(extract, sentence, text):
    """Phenomenon: '1 in 10 Americans', '40 Canadians': a plural proper noun (tag NNPS) after a number is what
    it counts; a singular one is still a name's part ('737 Max', '49 Zorro Ranch Road')."""
    assert text in quantities(extract, sentence)
    assert "49" not in {q.value for q in quantities(extract, "He lives at 49 Zorro Ranch Road.").values()}


def test_grammar_a_window_of_past_hours_is_no_claim(extract):
    """Phenomenon: 'reported 1,234 new cases over the past 24 hours': the window a count is taken over, in
    hours as in days or months, is no claim; a duration stated for itself ('lasted 24 hours') is."""
    assert "24 hours" not in quantities(extract, "The ministry reported 1,234 new cases over the past 24 hours.")
    assert "10 minutes" not in quantities(extract, "The team scored 3 goals in the final 10 minutes.")
    assert "24 hours" in quantities(extract, "The strike lasted 24 hours.")


@pytest.mark.parametrize(
    "sentence, change",
    [
        ("Sales were up by 5% in May.", "up"),
        ("Exports were down by $3 billion.", "down"),
        ("The index was off by 2% at midday.", "down"),
        ("Car prices will go up by an average of 1,500 euros.", "up"),
        ("The price was up by 1.6 cents per gallon from Wednesday.", "up"),
    ],
)
def test_grammar_up_or_down_by_a_figure_is_a_change(extract, sentence, change):
    """Phenomenon: "up by", "down by", "off by" before a figure make it a rise or a fall, whatever the verb
    ("was", "went") and whatever the parser hangs the "by" on."""
    (claim,) = extract(sentence)
    assert claim.quantity.change == change


@pytest.mark.parametrize(
    "sentence, text, unit",
    [
        ("3 IFPC Battalion (BN)–3 Multi-Domain Task Force (MDTF), Joint Base Lewis-McChord, WA—FY2029;", None, None),
        ("1-51 Air Defense Artillery (ADA)–Joint Base Lewis-McChord, WA—FY2026;", None, None),
        ("1-57 ADA–Fort Drum, NY—FY2028;", None, None),
        ("The 5 MDTF Commander visited Guam.", None, None),
        ("Nearly 40 UN staff were evacuated.", "Nearly 40 UN staff", "staff"),
        ("20 US troops were wounded.", "20 US troops", "troop"),
        ("About 60 NIH-funded universities protested.", "About 60 NIH-funded universities", "university"),
        ("Capacity rose to 340 PCUMS (2012).", "340 PCUMS", None),
        ("About 10-15 Marines were hurt.", "About 10-15 Marines", None),
    ],
)
def test_grammar_a_number_before_an_acronym_name_designates_a_unit(extract, sentence, text, unit):
    """Phenomenon: military and agency designations put a number, or a glued pair of numbers, before an acronym
    and a singular name ("3 IFPC Battalion", "1-57 ADA–Fort Drum"): part of the name, never a count. A number
    before an acronym that a common noun, a plural, a hyphenated compound or a bracket follows still counts."""
    claims = extract(sentence)
    if text is None:
        assert claims == []
    else:
        (claim,) = [c for c in claims if c.quantity.text == text]
        assert unit is None or claim.quantity.unit == unit


@pytest.mark.parametrize(
    "sentence, text, unit",
    [
        ("Officials said 12 EU countries agreed.", "12 EU countries", "country"),
        ("The firm owns 5 TV stations.", "5 TV stations", "station"),
        ("The grid added 5 GW of solar.", "5 GW", "gigawatt"),
        ("The array stores 2 TB of data.", "2 TB", "terabyte"),
        ("World demand reached 600 EJ.", "600 EJ", "exajoule"),
    ],
)
def test_grammar_two_capitals_are_a_prefixed_unit_only_for_watts_bytes_and_joules(extract, sentence, text, unit):
    """Phenomenon: two capitals after a number are a prefix and a one-letter unit symbol for pint ("EU" exa-enzyme
    units, "TV" teravolts), but in news they are acronyms, except watts, bytes and joules."""
    (claim,) = [c for c in extract(sentence) if c.quantity.text == text]
    assert claim.quantity.unit == unit


@pytest.mark.parametrize(
    "sentence, text, low, high, bound, measured",
    [
        ("Joseph, in his 20s, had been arrested.", "20s", 20, 29, "=", "age of Joseph"),
        ("A man in his 50s was shot.", "50s", 50, 59, "=", "age of man"),
        ("She is in her mid-40s.", "mid-40s", 43, 46, "~", "age"),
        ("He died in his early 60s.", "early 60s", 60, 63, "~", "age"),
        ("Prices rose in the 1990s.", None, None, None, None, None),
        ("Temperatures were in the 90s.", None, None, None, None, None),
    ],
)
def test_grammar_a_decade_of_life_is_a_range_of_ages(extract, sentence, text, low, high, bound, measured):
    """Phenomenon: "in his 20s", "in her early 30s": a decade of life after a possessive is a range of ages, of the
    person the possessive stands for; without one a decade is a period or a temperature band, left alone."""
    claims = extract(sentence)
    if text is None:
        assert claims == []
        return
    (claim,) = claims
    q = claim.quantity
    assert (q.text, q.low, q.high, q.bound, q.unit) == (text, low, high, bound, "year of age")
    assert claim.measured == measured


@pytest.mark.parametrize(
    "sentence, texts",
    [
        ("Shares fell $1.50 to $24.30.", ["$1.50", "$24.30"]),
        ("Payrolls increased 2,000 to 150,000.", ["2,000", "150,000"]),
        ("Prices rose 3 to 5 percent.", ["3 to 5 percent"]),
        ("Output rose 2 to 12 percent.", ["2 to 12 percent"]),  # the unit after the second end is the range's
    ],
)
def test_grammar_a_change_verb_before_a_small_and_a_large_figure_gives_a_change_and_a_level(extract, sentence, texts):
    """Phenomenon: market and data reports write the move and the level reached as "fell $1.50 to $24.30": when
    the second figure dwarfs the first, the pair is a change and a level, not a range."""
    assert [c.quantity.text for c in extract(sentence)] == texts


@pytest.mark.parametrize(
    "sentence, unit",
    [
        ("The average weekly retail gasoline price increased to $3.07.", "USD per gallon"),
        ("The WTI crude oil futures price settled at $64.49.", "USD per barrel"),
        ("Gas prices rose to $3.50 a gallon.", "USD per gallon"),
        ("Palm oil prices rose to $900.", "USD"),
        ("The company spent $3 billion on crude.", "USD"),
    ],
)
def test_grammar_a_bare_fuel_price_is_per_its_customary_unit(extract, sentence, unit):
    """Phenomenon: a gasoline or crude oil price quoted in bare dollars is per gallon or per barrel, as every
    reader takes it; other oils, large sums and prices in cents are left as written."""
    assert extract(sentence)[0].quantity.unit == unit


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("Congress directed the Army to deploy four  batteries.", "four  batteries"),
        ("The plant employs 300  workers.", "300  workers"),
    ],
)
def test_grammar_a_number_counts_its_noun_past_a_double_space(extract, sentence, text):
    """Phenomenon: report exports leave runs of spaces inside sentences; the tokenizer makes them a token of their
    own, which must not stand between a number and the noun it counts."""
    assert [c.quantity.text for c in extract(sentence)] == [text]
