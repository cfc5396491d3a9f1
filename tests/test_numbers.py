import math

import pytest

from claimx.nlp.numbers import is_year_like, parse_numeral, parse_ordinal, words_value


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
    "words,value",
    [
        (["three"], 3),
        (["twenty", "-", "five"], 25),
        (["three", "million"], 3e6),
        (["one", "hundred", "and", "twenty"], 120),
        (["half", "a", "million"], 5e5),
        (["two", "-", "thirds"], 2 / 3),
        (["a", "dozen"], 12),
        (["a", "third"], 1 / 3),
        (["two", "thousand", "five", "hundred"], 2500),
    ],
)
def test_numbers_words_value(words, value):
    assert math.isclose(words_value(words), value)


def test_numbers_words_value_none():
    assert words_value(["apple"]) is None
    assert words_value(["and"]) is None


def test_numbers_ordinals_and_years():
    assert parse_ordinal("sixth") == 6
    assert parse_ordinal("22nd") == 22
    assert parse_ordinal("largest") is None
    assert is_year_like(parse_numeral("2024"))
    assert not is_year_like(parse_numeral("2,024"))
    assert not is_year_like(parse_numeral("3500"))
