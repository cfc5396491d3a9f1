"""Reading numbers as written: digits with separators and suffixes, and spelled-out numbers.

Pure functions, no spaCy: `parse_numeral("1.2bn")`, `can_start_number("⅛")`; numbers written in words are
read by `claimx.nlp.wordnumbers`.
The word lists come from `claimx/rules/numbers.jsonl`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from claimx.rulefiles import load_rules

# A numeral token as the tokenizer leaves it: optional glued currency ("HK$5", "Rs.500"), optional
# sign, digits with comma thousands or a decimal part, optional glued scale suffix ("1.2bn", "25k").
NUMERAL_RE = re.compile(
    r"^(?P<cur>[A-Z]{1,3}\$|[A-Z]\$|[$€£¥₹₩₽₦₱₺₪৳₫₴]|Rs\.?|RM|Rp)?"
    r"(?P<sign>[-−–+])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suf>k|K|m|M|mn|mln|bn|bln|b|B|tn|trn|t|T)?$"
)
TIMES_SIGNS = frozenset({"x", "×", "X", "*"})  # "6.02 × 10²³", "3 x 10^8"
# Scientific notation: "1.99×10−30", "3x10^8", "6.02×10²³" (an exponent is required: "3 x 10" is a size).
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
POWER_RE = re.compile(r"^[×xX*]10(?:\^|\*\*)?(?P<e>[-−]?\d{1,3})$|^[×xX*]10(?P<sup>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})$")
E_NOTATION_RE = re.compile(r"^(?P<m>[-−+]?\d+(?:\.\d+)?)[eE](?P<e>[-−+]?\d{1,3})$")  # "1e10", "9.83e-3"
SCIENTIFIC_RE = re.compile(r"^(?P<m>[-−]?\d+(?:\.\d+)?)(?P<p>[×xX*]10\S+)$")
# every Unicode vulgar fraction (Latin-1's ¼ ½ ¾ and the Number Forms block), valued by the Unicode database
VULGAR_FRACTIONS = {ch: unicodedata.numeric(ch) for ch in "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞↉"}
ORDINAL_RE = re.compile(r"^(?P<num>\d+)(st|nd|rd|th)$", re.IGNORECASE)


@dataclass(frozen=True)
class Numeral:
    """A numeral token read: its value before any suffix, the suffix and a glued currency."""

    value: float
    suffix: str | None
    currency: str | None
    has_separator: bool
    has_decimal: bool
    n_digits: int


def parse_numeral(text: str) -> Numeral | None:
    """Read one numeral token; None when `text` is not one.

    >>> parse_numeral("1,000,000").value
    1000000.0
    >>> parse_numeral("1.2bn").suffix
    'bn'
    """
    if text in VULGAR_FRACTIONS:
        return Numeral(
            value=VULGAR_FRACTIONS[text], suffix=None, currency=None, has_separator=False, has_decimal=True, n_digits=0
        )
    m = NUMERAL_RE.match(text)
    e_notation = E_NOTATION_RE.match(text) if not m else None
    if e_notation:
        value = float(e_notation.group("m").replace("−", "-")) * 10.0 ** int(e_notation.group("e").replace("−", "-"))
        return Numeral(value=value, suffix=None, currency=None, has_separator=False, has_decimal=True, n_digits=0)
    if not m:
        sci = SCIENTIFIC_RE.match(text)
        exponent = power_of_ten(sci.group("p")) if sci else None
        if exponent is None:
            return None
        return Numeral(
            value=float(sci.group("m").replace("−", "-")) * 10.0**exponent,
            suffix=None,
            currency=None,
            has_separator=False,
            has_decimal=True,
            n_digits=0,
        )
    num = m.group("num")
    value = float(num.replace(",", ""))
    if m.group("sign") in ("-", "−", "–"):
        value = -value
    return Numeral(
        value=value,
        suffix=m.group("suf"),
        currency=m.group("cur"),
        has_separator="," in num,
        has_decimal="." in num,
        n_digits=sum(ch.isdigit() for ch in num.split(".")[0]),
    )


def power_of_ten(text: str) -> int | None:
    """'×10^8' -> 8, '×10−30' -> -30, 'x10²³' -> 23; None when `text` is not a power of ten with an exponent.

    >>> power_of_ten("×10−8")
    -8
    """
    m = POWER_RE.match(text)
    if not m:
        return None
    exp = m.group("e") if m.group("e") is not None else m.group("sup").translate(SUPERSCRIPTS)
    return int(exp.replace("−", "-"))


def parse_ordinal(text: str) -> int | None:
    """'22nd' -> 22, 'sixth' -> 6; None otherwise."""
    m = ORDINAL_RE.match(text)
    if m:
        return int(m.group("num"))
    value = number_words("ordinal").get(text.lower())
    return int(value) if value is not None else None


@cache
def number_words(role: str) -> dict[str, float]:
    """Word -> value for one role of numbers.jsonl (cardinal, magnitude, fraction, ...)."""
    out: dict[str, float] = {}
    for entry in load_rules("numbers"):
        if entry.role == role:
            out.update(entry.values)
    return out


def rule_id_for(word: str) -> str | None:
    """The numbers.jsonl entry id that knows `word`."""
    w = word.lower()
    for entry in load_rules("numbers"):
        if w in entry.values:
            return entry.id
    return None


def is_year_like(numeral: Numeral) -> bool:
    """A four-digit integer written without separators in the range of years (1000-2199)."""
    return (
        not numeral.has_separator
        and not numeral.has_decimal
        and numeral.suffix is None
        and numeral.n_digits == 4
        and 1000 <= numeral.value <= 2199
    )


# words that open a number only together with the number word after them ("a hundred", "an eighth")
ARTICLES = frozenset({"a", "an"})
# roles of numbers.jsonl whose words can start a number, a rank ("second-largest") or a sign ("minus 5")
START_ROLES = ("cardinal", "magnitude", "dozen", "fraction", "ordinal", "multiplier", "negative")


@cache
def _start_words() -> frozenset[str]:
    words = {"tens"}  # "tens of thousands"
    for role in START_ROLES:
        words.update(number_words(role))
    return frozenset(words)


def can_start_number(text: str, next_text: str | None = None) -> bool:
    """Can a number be read from a token with this text? The one test the prefilter and the matcher share.

    True for digits in any script (superscripts included), every Unicode vulgar fraction, a number, ordinal,
    fraction, multiplier or sign word of numbers.jsonl, a "-fold" word, and "a"/"an" before one of those.

    >>> can_start_number("⅛"), can_start_number("a", "third"), can_start_number("a", "week")
    (True, True, False)
    """
    if not text.isalpha() and (text in VULGAR_FRACTIONS or any(map(str.isdigit, text))):
        return True
    lower = text.lower()
    if lower in _start_words() or lower.endswith("fold"):
        return True
    if lower in ARTICLES and next_text is not None and next_text.lower() in UNIT_AFTER_ARTICLE:
        return True  # "a percentage point", "a basis point": one of the unit
    return lower in ARTICLES and next_text is not None and can_start_number(next_text)


# units read as one when written with an article: "fell more than a percentage point"
UNIT_AFTER_ARTICLE = frozenset({"percentage", "basis"})


@cache
def bound_last_words() -> frozenset[str]:
    """The last words of the bound phrases written before a number (bounds.jsonl): 'about', 'than', 'least'."""
    return frozenset(p.split()[-1].lower() for e in load_rules("bounds") if e.position == "before" for p in e.phrases)


def bounded_article_unit(before: str | None, article: str, after: str | None) -> bool:
    """'took about an hour', 'nearly a year', 'more than a mile': after a bound, "a"/"an" before a unit of
    measure is one of it (the registry knows the unit); without a bound ("a year ago") it is not read."""
    if before is None or after is None or article.lower() not in ARTICLES or before.lower() not in bound_last_words():
        return False
    from claimx import units  # the registry loads on first use only

    return units.lookup_name(after.lower()) is not None
