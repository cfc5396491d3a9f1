"""Reading the number itself ("core"): digits with their groups and scale words, or a run of number words.

Each rule is a small function over a `View`; the ones that extend a number return the new value,
the token after it and their rule id.
"""

from __future__ import annotations

import re

from claimx.nlp.numbers import TIMES_SIGNS, parse_numeral, parse_ordinal, power_of_ten, rule_id_for, words_value
from claimx.nlp.quantities.state import Core, View
from claimx.rulefiles import word_list

THREE_DIGITS = re.compile(r"\d{3}")
MIXED_DENOMINATORS = (2, 3, 4, 8, 16, 32, 64)

Step = tuple[float, int, str | None]  # (value, next token, rule id or None when the rule did not apply)


def read_core(v: View, i: int, money: bool) -> Core | None:
    """The number starting at token i: digits ("1,000", "1.2bn", "HK$5") or number words."""
    t = v.doc[i]
    num = parse_numeral(t.text)
    if num is None:
        return read_word_core(v, i)
    value, j, scaled = num.value, i + 1, False
    rules = ["num-digits"]
    if num.suffix:
        s = num.suffix
        nxt_alpha = j < len(v.doc) and v.doc[j].is_alpha
        if s in word_list("scale_suffix") or num.currency or money or (s == "m" and nxt_alpha):
            value *= v.lex.suffix.get(s.lower(), v.lex.magnitude.get(s.lower(), 1))
            scaled = True
            rules.append("num-suffix")
        else:
            return None  # "10m" without money: the tokenizer left a unit glued on
    if not scaled and not num.has_decimal:
        for rule in (_space_group, _comma_space_group) if 1 <= num.n_digits <= 3 else ():
            if rule is _comma_space_group and num.has_separator:
                continue
            value, j, _ = rule(v, i, j, value)
        value, j, rid = _mixed_fraction(v, j, value)
        rules += [rid] if rid else []
    if not scaled:
        value, j, rid = _scientific(v, j, value)
        rules += [rid] if rid else []
    unscaled = value
    value, j, scaled2, more = read_scale(v, j, value, money or bool(num.currency))
    return Core(i, j, value, scaled=scaled or scaled2, numeral=num, rule_ids=rules + more, unscaled=unscaled)


def _space_group(v: View, i: int, j: int, value: float) -> Step:
    """'12 345': a thousands group separated by a space."""
    doc = v.doc
    if (
        j < len(doc)
        and THREE_DIGITS.fullmatch(doc[j].text)
        and doc[i].whitespace_ == " "
        and not (j + 1 < len(doc) and parse_numeral(doc[j + 1].text))
    ):
        return value * 1000 + float(doc[j].text) * (1 if value >= 0 else -1), j + 1, None
    return value, j, None


def _comma_space_group(v: View, i: int, j: int, value: float) -> Step:
    """'10, 000': a thousands group the source spaced after its comma."""
    doc = v.doc
    if j + 1 < len(doc) and doc[j].text == "," and doc[j].whitespace_ and THREE_DIGITS.fullmatch(doc[j + 1].text):
        return value * 1000 + float(doc[j + 1].text), j + 2, None
    return value, j, None


def _mixed_fraction(v: View, j: int, value: float) -> Step:
    """'10 1/2 miles', '7 3/4 %': a whole number and a fraction."""
    doc = v.doc
    if (
        j + 2 < len(doc)
        and doc[j + 1].text == "/"
        and re.fullmatch(r"\d{1,2}", doc[j].text)
        and re.fullmatch(r"\d{1,3}", doc[j + 2].text)
        and 0 < int(doc[j].text) < int(doc[j + 2].text)
        and int(doc[j + 2].text) in MIXED_DENOMINATORS
    ):
        return value + int(doc[j].text) / int(doc[j + 2].text), j + 3, "num-mixed-fraction"
    return value, j, None


def _scientific(v: View, j: int, value: float) -> Step:
    """'6.02 × 10²³', '3 x 10^8': scientific notation written with spaces (glued forms are one numeral)."""
    doc = v.doc
    if j + 1 < len(doc) and doc[j].text in TIMES_SIGNS:
        for k in range(j + 2, min(len(doc), j + 4) + 1):
            exponent = power_of_ten("".join(t.text for t in doc[j:k]))
            if exponent is not None:
                return value * 10.0**exponent, k, "num-scientific"
    return value, j, None


def read_scale(v: View, j: int, value: float, money: bool) -> tuple[float, int, bool, list[str]]:
    """Scale words after a number: '8 trillion', '3.4 million', '5-million', '$3.5 m'."""
    doc, lex = v.doc, v.lex
    plural = word_list("plural_magnitude")
    scaled, rules = False, []
    while j < len(doc):
        w = doc[j].lower_
        glued = doc[j - 1].whitespace_ == ""
        if w in lex.magnitude and w not in plural:
            value *= lex.magnitude[w]
            j += 1
        elif w in ("-", "–") and v.lower(j + 1) in lex.magnitude and glued and v.lower(j + 1) not in plural:
            value *= lex.magnitude[doc[j + 1].lower_]
            j += 2
        elif glued and not scaled and suffix_scale(v, j, money):
            value *= lex.suffix[doc[j].text.rstrip(".").lower()]
            j += 1
        else:
            break
        scaled = True
        rules.append("num-magnitude")
    return value, j, scaled, rules


def suffix_scale(v: View, j: int, money: bool) -> bool:
    """A scale letter the tokenizer split off: '$3.5 m', '4.3 M digital', '1.2 m tons', '25 k'."""
    text = v.doc[j].text.rstrip(".")
    if text.lower() not in v.lex.suffix:
        return False
    if text in word_list("split_scale_suffix"):
        return True
    nxt = v.tok(j + 1)
    if text == "m":  # million with money or before a plural noun ("1.2m tons"), else metre ("1.8m tall")
        return money or (nxt is not None and nxt.is_alpha and nxt.tag_ in ("NNS", "NNPS"))
    return money


def _vague_magnitude(v: View, i: int) -> Core | None:
    """'millions of', 'tens of thousands of': a vague order of magnitude, kept as a range."""
    plural = word_list("plural_magnitude")
    w, nxt = v.lower(i), v.lower(i + 1)
    if w in plural and nxt == "of":
        base = v.lex.magnitude[w]
        return Core(i, i + 1, None, words=True, scaled=True, low=base, high=base * 10, rule_ids=["num-vague-magnitude"])
    if w == "tens" and nxt == "of" and v.lower(i + 2) in plural and v.lower(i + 3) == "of":
        base = v.lex.magnitude[v.lower(i + 2)]
        return Core(
            i, i + 3, None, words=True, scaled=True, low=10 * base, high=100 * base, rule_ids=["num-vague-magnitude"]
        )
    return None


def _opens_word_number(v: View, i: int) -> bool:
    """May a run of number words start at token i? 'a hundred', 'a third of', 'half the', 'twenty'."""
    lex, doc = v.lex, v.doc
    w, nxt = v.lower(i), v.lower(i + 1)
    if w in ("a", "an"):
        if nxt in word_list("a_opener"):
            return True
        if nxt in word_list("fraction_magnitude") and i + 2 < len(doc) and doc[i + 2].lower_ in lex.magnitude:
            return True
        return nxt in lex.fraction and i + 2 < len(doc) and doc[i + 2].lower_ == "of"
    if w in lex.fraction:
        if i > 0 and parse_ordinal(doc[i - 1].text) is not None:
            return False  # "the first half of 2017" is a period, not a share
        if nxt in lex.magnitude and nxt not in word_list("plural_magnitude") and w in word_list("fraction_magnitude"):
            return True  # "half million", "a quarter million"
        return w == "half" and nxt in word_list("half_determiner")
    return w in lex.cardinal or w in lex.dozen


def read_word_core(v: View, i: int) -> Core | None:
    """A run of number words: 'twenty-five', 'half a million', 'two-thirds', 'a dozen'."""
    vague = _vague_magnitude(v, i)
    if vague is not None:
        return vague
    if not _opens_word_number(v, i):
        return None
    lex = v.lex
    j = _word_run_end(v, i)
    run = [t.text for t in v.doc[i:j]]
    value = words_value(run)
    if value is None or (len(run) == 1 and v.lower(i) in ("a", "an")):
        return None
    return Core(
        i,
        j,
        value,
        words=True,
        scaled=any(r.lower() in lex.magnitude for r in run),
        fraction=any(r.lower() in lex.fraction for r in run),
        rule_ids=[rid for rid in (rule_id_for(r) for r in run) if rid],
        unscaled=words_value([r for r in run if r.lower() not in lex.magnitude]) or value,
    )


def _word_run_end(v: View, i: int) -> int:
    """The token after a run of number words starting at i (connectors at its end left out)."""
    doc, lex = v.doc, v.lex
    words = {**lex.cardinal, **lex.dozen}
    plural, connectors = word_list("plural_magnitude"), word_list("word_connector")
    j = i + 1
    while j < len(doc):
        w2, prev = doc[j].lower_, doc[j - 1].lower_
        if w2 in plural:
            break
        if w2 in words or w2 in lex.magnitude:
            j += 1
        elif (
            w2 in lex.fraction
            and w2 != "second"
            and (prev in words or prev in ("-", "a", "an", "half"))
            and not (
                prev in ARTICLES and j + 1 < len(doc) and v.lower(j + 1) not in lex.magnitude and v.lower(j + 1) != "of"
            )
        ):
            j += 1
        elif w2 in connectors and j + 1 < len(doc):
            after = doc[j + 1].lower_
            joins = after in words or after in lex.magnitude or after in lex.fraction
            if (
                not joins
                or after in plural
                or (w2 == "and" and prev != "hundred")
                or (w2 in ARTICLES and prev != "half")
            ):
                break
            j += 1
        else:
            break
    while j > i + 1 and doc[j - 1].lower_ in connectors:
        j -= 1
    return j


ARTICLES = frozenset({"a", "an"})
