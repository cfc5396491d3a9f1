import math

import pytest

from claimx.nlp.numbers import is_year_like, parse_numeral, parse_ordinal
from claimx.nlp.wordnumbers import read_number_words


@pytest.mark.parametrize(
    "text,value,suffix,currency",
    [
        ("8", 8.0, None, None),
        ("1,000,000", 1_000_000.0, None, None),
        ("4.9", 4.9, None, None),
        ("-1.3", -1.3, None, None),
        ("1.2bn", 1.2, "bn", None),
        ("25k", 25.0, "k", None),
        ("HK$5", 5.0, None, "HK$"),
        ("Rs.500", 500.0, None, "Rs."),
        (".5", 0.5, None, None),
        ("1.99×10−30", 1.99e-30, None, None),  # superscripts flattened: 10−30 is 10 to the -30
        ("3×10⁸", 3e8, None, None),
        ("6.02x10^23", 6.02e23, None, None),
    ],
)
def test_numbers_parse_numeral(text, value, suffix, currency):
    n = parse_numeral(text)
    assert n is not None
    assert math.isclose(n.value, value)
    assert n.suffix == suffix
    assert n.currency == currency


@pytest.mark.parametrize("text", ["abc", "5:30", "1990s", "22nd", "1,00", "S&P", "", "3x10"])
def test_numbers_parse_numeral_rejects(text):
    assert parse_numeral(text) is None


@pytest.mark.parametrize(
    "text,value,used",
    [
        ("three", 3, 1),
        ("twenty - five", 25, 3),
        ("fifty two", 52, 2),
        ("three million", 3e6, 2),
        ("one hundred and twenty", 120, 4),
        ("two thousand five hundred", 2500, 4),
        ("twenty - one trillion and three hundred", 21e12 + 300, 7),
        ("half a million", 5e5, 3),
        ("a quarter million", 2.5e5, 3),
        ("three quarters billion", 7.5e8, 3),
        ("two - thirds", 2 / 3, 3),
        ("three fifths", 0.6, 2),
        ("a dozen", 12, 2),
        ("two dozen", 24, 2),
        ("a third of", 1 / 3, 2),
        ("one and a half", 1.5, 4),
        ("three and a fifth", 3.2, 4),
        ("two and fifty - four hundredths", 2.54, 6),
        ("a twenty - first", 1 / 21, 4),
        ("three twenty firsts", 3 / 21, 3),
        ("3 million and a half", None, None),
        ("three million and a half", 3.5e6, 5),
        ("one over three", 1 / 3, 3),
        ("nine point nought four", 9.04, 4),
        ("one second", 1, 1),  # "second" is never a denominator
    ],
)
def test_numbers_words_grammar(text, value, used):
    wn = read_number_words(text.split(), 0)
    if value is None:
        assert wn is None
    else:
        assert wn is not None and math.isclose(wn.value, value) and wn.end == used


@pytest.mark.parametrize("text", ["apple", "and", "the first half", "minus", "a week"])
def test_numbers_words_grammar_reads_nothing(text):
    assert read_number_words(text.split(), 0) is None


def test_numbers_ordinals_and_years():
    assert parse_ordinal("sixth") == 6
    assert parse_ordinal("22nd") == 22
    assert parse_ordinal("largest") is None
    assert is_year_like(parse_numeral("2024"))
    assert not is_year_like(parse_numeral("2,024"))
    assert not is_year_like(parse_numeral("3500"))
