"""Numbers written in words: a small grammar over lower-cased tokens. Pure functions, no spaCy.

    NUMBER    := CARDINAL [FRACTION] | CARDINAL "and" FRACTION | CARDINAL "over" CARDINAL
               | CARDINAL "point" DIGIT+ | FRACTION [SCALE]
    CARDINAL  := GROUP (SCALE [GROUP])*            "twenty-one trillion and three hundred"
    GROUP     := [UNITS|"a"] "hundred" ["and"] [TENS_UNITS] | TENS_UNITS | "a"? "dozen"
    FRACTION  := NUMERATOR DENOMINATOR [SCALE]     "three fifths", "a twenty-first", "three quarters million"
               | "half" ["a"] SCALE | "a" "half"   "half a million", "one and a half"

A scale word may also take a fraction after "and" ("3 million and a half" = 3.5 million). Denominators
are "half", "quarter" and every ordinal from "third" on, singular or plural ("fifths", "hundredths",
"twenty-firsts"); "first" and "second" never are ("one second" is a time). Spoken decimals read digit
words after "point" ("nine point nought four" = 9.04). The words come from `claimx/rules/numbers.jsonl`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from claimx.nlp.numbers import number_words

DIGIT_WORDS = {"zero": 0, "oh": 0, "nought": 0, "naught": 0, "nil": 0}
ARTICLES = ("a", "an")


@dataclass(frozen=True)
class WordNumber:
    """A number read from words[start:end]."""

    end: int
    value: float
    scaled: bool  # a scale word (thousand, million, ...) was read
    fraction: bool  # a fraction, a spoken decimal or a ratio ('over') was read
    words: int  # number words read (connectors and articles not counted)


@cache
def _tables() -> tuple[dict, dict, dict, dict]:
    cardinal = dict(number_words("cardinal"))
    scales = {w: v for w, v in number_words("magnitude").items() if w not in ("hundred", "hundreds") and v >= 1000}
    ordinals = number_words("ordinal")
    denominators = {w: v for w, v in ordinals.items() if v >= 3}
    denominators.update({"half": 2, "quarter": 4})
    return cardinal, scales, denominators, number_words("dozen")


def _small(w: str) -> float | None:
    return _tables()[0].get(w)


def read_number_words(words: Sequence[str], i: int) -> WordNumber | None:
    """The longest number written in words starting at `words[i]` (lower-cased tokens), or None."""
    card = _cardinal(words, i)
    if card is None:
        return _fraction(words, i, None)
    value, j, scaled, n = card
    for rule in (_and_fraction, _fraction_after, _over, _point):
        hit = rule(words, j, value, scaled)
        if hit is not None:
            return WordNumber(hit.end, hit.value, scaled or hit.scaled, True, n + hit.words)
    return WordNumber(j, value, scaled, False, n)


def _cardinal(words: Sequence[str], i: int) -> tuple[float, int, bool, int] | None:
    """(value, end, scaled, number words) of a cardinal: 'two hundred and five', 'twenty-one million'."""
    _, scales, _, dozens = _tables()
    total, group, j, end, n, last_scale, scaled = 0.0, None, i, i, 0, float("inf"), False
    while j < len(words):
        w = words[j]
        step = _group_step(words, j, group)
        if step is not None:
            group, j = step
            end, n = j, n + 1
        elif w in scales and group is not None and scales[w] < last_scale:
            total, group, last_scale, scaled = total + group * scales[w], None, scales[w], True
            j = end = j + 1
            n += 1
        elif w in dozens and group is not None and group < 100:
            group, j = group * dozens[w], j + 1
            end, n = j, n + 1
        elif w == "and" and _small(words[j + 1] if j + 1 < len(words) else "") is not None and (group or 100) >= 100:
            if group is None and _denominator(words, j + 2) is not None:
                break  # "two million and three fifths": the fraction of the scale, read by _and_fraction
            j += 1
        else:
            break
    if n == 0:
        return None
    return total + (group or 0.0), end, scaled, n


def _group_step(words: Sequence[str], j: int, group: float | None) -> tuple[float, int] | None:
    """One more word of a group below a thousand: a unit, a teen, a tens word, 'hundred', 'a' before it."""
    w = words[j]
    nxt = words[j + 1] if j + 1 < len(words) else ""
    small = _small(w)
    if small is not None:
        if group is None:
            return small, j + 1
        tens_only = group % 100 >= 20 and group % 10 == 0
        if tens_only and small < 10 and (words[j - 1] in ("-",) or _small(words[j - 1]) is not None):
            return group + small, j + 1  # "twenty-one", "twenty one"
        if group % 100 == 0 and group >= 100 and small < 100:
            return group + small, j + 1  # "one hundred (and) twenty"
        return None
    if w == "-" and group is not None and group % 10 == 0 and 20 <= group % 100 and _small(nxt) is not None:
        return (group + _small(nxt), j + 2) if _small(nxt) < 10 else None
    if w in ("hundred", "hundreds") and (group is None or group < 100):
        return (group or 1.0) * 100, j + 1
    if w in ARTICLES and group is None and (nxt in ("hundred", "dozen") or nxt in _tables()[1]):
        return 1.0, j + 1
    return None


def _denominator(words: Sequence[str], j: int) -> tuple[float, int] | None:
    """(denominator, end) of 'fifth', 'fifths', 'halves', 'twenty-first', 'twenty firsts', 'hundredths'."""
    cardinal, _, denominators, _ = _tables()
    ordinals = number_words("ordinal")
    if j >= len(words):
        return None
    w = words[j]
    singular = w[:-1] if w.endswith("s") and w[:-1] in denominators else "half" if w == "halves" else w
    if singular in denominators:
        return denominators[singular], j + 1
    tens = cardinal.get(w)
    if tens is not None and tens >= 20 and tens % 10 == 0:  # "twenty-first", "twenty firsts"
        k = j + 2 if j + 1 < len(words) and words[j + 1] == "-" else j + 1
        unit = words[k] if k < len(words) else ""
        unit = unit[:-1] if unit.endswith("s") and unit[:-1] in ordinals else unit
        if ordinals.get(unit, 10) < 10:
            return tens + ordinals[unit], k + 1
    return None


def _fraction(words: Sequence[str], i: int, numerator: float | None) -> WordNumber | None:
    """'a fifth', 'three fifths', 'half a million', 'a quarter million', 'three quarters billion'."""
    _, scales, _, _ = _tables()
    j = i
    if numerator is None and j < len(words) and words[j] in ARTICLES:
        numerator, j = 1.0, j + 1
    if numerator is None and j < len(words) and words[j] == "half":  # "half a million", "half million"
        k = j + 1
        if words[k : k + 3] in (["-", "a", "-"], ["-", "an", "-"]):
            k += 3  # "half-a-million", split by the tokenizer
        elif words[k : k + 1] == ["-"]:
            k += 1  # "half-million"
        elif k < len(words) and words[k] in ARTICLES:
            k += 1
        if k < len(words) and words[k] in scales:
            return WordNumber(k + 1, 0.5 * scales[words[k]], True, True, 2)
        dozen = _tables()[3]
        if k < len(words) and words[k] in dozen and k > j + 1:  # "half a dozen": six
            return WordNumber(k + 1, 0.5 * dozen[words[k]], False, False, 2)
        return None
    den = _denominator(words, j)
    if numerator is None or den is None:
        return None
    value, end = numerator / den[0], den[1]
    if words[end : end + 1] == ["-"] and end + 1 < len(words) and words[end + 1] in scales:
        end += 1  # "a half-million", "a quarter-billion"
    elif words[end : end + 2] in (["of", "a"], ["of", "an"]) and end + 2 < len(words) and words[end + 2] in scales:
        end += 2  # "a quarter of a million", "three quarters of a billion"
    if end < len(words) and words[end] in scales:
        return WordNumber(end + 1, value * scales[words[end]], True, True, 2)
    return WordNumber(end, value, False, True, 1)


def _and_fraction(words: Sequence[str], j: int, value: float, scaled: bool) -> WordNumber | None:
    """'one and a half', 'three and a fifth', '3 million and a half' (a half of the scale)."""
    if j >= len(words) or words[j] != "and":
        return None
    card = _cardinal(words, j + 1)
    frac = _fraction(words, card[1], card[0]) if card is not None else _fraction(words, j + 1, None)
    if frac is None:
        return None
    part = frac.value
    if scaled and not frac.scaled:
        part *= last_scale(words, j)
    if not scaled and frac.scaled:  # "two and a half million": the scale after the fraction scales the whole
        value *= last_scale(words, frac.end)
    return WordNumber(frac.end, value + part, frac.scaled, True, frac.words + (card[3] if card else 0))


def last_scale(words: Sequence[str], j: int) -> float:
    """The value of the last scale word before position j (1 when there is none)."""
    scales = _tables()[1]
    return next((scales[w] for w in reversed(words[:j]) if w in scales), 1.0)


def _fraction_after(words: Sequence[str], j: int, value: float, scaled: bool) -> WordNumber | None:
    """The cardinal read so far is a numerator: 'three fifths', 'twenty one fifths', 'two-thirds'."""
    if scaled:
        return None
    if j + 1 < len(words) and words[j] == "-" and _denominator(words, j + 1) is not None:
        j += 1
    return _fraction(words, j, value)


def _over(words: Sequence[str], j: int, value: float, scaled: bool) -> WordNumber | None:
    """'one over three': a ratio written out."""
    if j >= len(words) or words[j] != "over":
        return None
    den = _cardinal(words, j + 1)
    if den is None or den[0] == 0:
        return None
    return WordNumber(den[1], value / den[0], den[2], True, den[3])


def _point(words: Sequence[str], j: int, value: float, scaled: bool) -> WordNumber | None:
    """'nine point nought four': a spoken decimal."""
    if j >= len(words) or words[j] != "point" or scaled:
        return None
    digits, k = "", j + 1
    while k < len(words):
        d = DIGIT_WORDS.get(words[k], _small(words[k]))
        if d is None or d >= 10:
            break
        digits, k = digits + str(int(d)), k + 1
    if not digits:
        return None
    return WordNumber(k, value + float("0." + digits), False, True, len(digits))
