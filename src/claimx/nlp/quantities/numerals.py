"""Reading the number itself ("core"): digits with their groups and scale words, or a run of number words.

Each rule is a small function over a `View`; the ones that extend a number return the new value,
the token after it and their rule id.
"""

from __future__ import annotations

import re

from claimx.nlp.numbers import (
    TIMES_SIGNS,
    UNIT_AFTER_ARTICLE,
    VULGAR_FRACTIONS,
    bounded_article_unit,
    number_words,
    parse_numeral,
    parse_ordinal,
    power_of_ten,
    rule_id_for,
)
from claimx.nlp.quantities.state import Core, View
from claimx.nlp.wordnumbers import WordNumber, last_scale, read_number_words
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
            value = float(f"{value * v.lex.suffix.get(s.lower(), v.lex.magnitude.get(s.lower(), 1)):.15g}")
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
        for rule in (_scientific, _power):
            value, j, rid = rule(v, j, value)
            rules += [rid] if rid else []
    j, approximate = _uncertainty(v, j)
    unscaled = value
    value, j, scaled2, more = read_scale(v, j, value, money or bool(num.currency))
    core = Core(i, j, value, scaled=scaled or scaled2, numeral=num, rule_ids=rules + more, unscaled=unscaled)
    core.approximate = approximate
    return core


def _space_group(v: View, i: int, j: int, value: float) -> Step:
    """'12 345', '1 234 567': thousands groups separated by spaces (not when a number follows the last)."""
    doc = v.doc
    k = j
    while k < len(doc) and THREE_DIGITS.fullmatch(doc[k].text) and doc[k - 1].whitespace_ == " ":
        k += 1
    if k == j or (k < len(doc) and parse_numeral(doc[k].text)):
        return value, j, None
    for g in doc[j:k]:
        value = value * 1000 + float(g.text) * (1 if value >= 0 else -1)
    return value, k, None


def _comma_space_group(v: View, i: int, j: int, value: float) -> Step:
    """'10, 000', 'produce 1, 118 tunes': a thousands group the source spaced after its comma; not the end of a
    range followed by the next item of a list ('aged 18 to 24, 391 people aged 25 to 44')."""
    doc = v.doc
    range_end = i > 0 and doc[i - 1].lower_ in ("to", "-", "–", "and", "or")
    if (
        j + 1 < len(doc)
        and doc[j].text == ","
        and doc[j].whitespace_
        and THREE_DIGITS.fullmatch(doc[j + 1].text)
        and (not range_end or doc[j + 1].text == "000")
    ):
        return value * 1000 + float(doc[j + 1].text), j + 2, None
    return value, j, None


def _mixed_fraction(v: View, j: int, value: float) -> Step:
    """'10 1/2 miles', '7 3/4 %', '5 ¼ percent', '5¼': a whole number and a fraction; also hyphenated, as US
    financial writing puts rates: '5-1/4 to 5-1/2 percent', 'by 5-1/4 percentage points'."""
    doc = v.doc
    k = j
    if j < len(doc) and doc[j].text in VULGAR_FRACTIONS and doc[j - 1].text.isdigit():
        return value + VULGAR_FRACTIONS[doc[j].text], j + 1, "num-mixed-fraction"  # "5 ¼ percent", "5¼"
    if 0 < j < len(doc) - 1 and doc[j].text in ("-", "–") and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
        j += 1  # "5-1/4": the hyphen joins the whole number and its fraction
    if (
        j + 2 < len(doc)
        and doc[j + 1].text == "/"
        and re.fullmatch(r"\d{1,2}", doc[j].text)
        and re.fullmatch(r"\d{1,3}", doc[j + 2].text)
        and 0 < int(doc[j].text) < int(doc[j + 2].text)
        and int(doc[j + 2].text) in MIXED_DENOMINATORS
    ):
        return value + int(doc[j].text) / int(doc[j + 2].text), j + 3, "num-mixed-fraction"
    return value, k, None


def _scientific(v: View, j: int, value: float) -> Step:
    """'6.02 × 10²³', '3 x 10^8': scientific notation written with spaces (glued forms are one numeral)."""
    doc = v.doc
    if j + 1 < len(doc) and doc[j].text in TIMES_SIGNS:
        for k in range(j + 2, min(len(doc), j + 4) + 1):
            exponent = power_of_ten("".join(t.text for t in doc[j:k]))
            if exponent is not None:
                return value * 10.0**exponent, k, "num-scientific"
    return value, j, None


def _power(v: View, j: int, value: float) -> Step:
    """'1.1^23', '2500^-1': a power written with a caret."""
    doc = v.doc
    if j + 1 < len(doc) and doc[j].text == "^" and doc[j].whitespace_ == "":
        exp = parse_numeral(doc[j + 1].text.replace("+", ""))
        if exp is not None and exp.value == int(exp.value) and abs(exp.value) <= 30 and value != 0:
            return value ** int(exp.value), j + 2, "num-power"
    return value, j, None


def _uncertainty(v: View, j: int) -> tuple[int, bool]:
    """'9.83e-3 +/- 1e-5', '5 ± 0.2': a measurement with its uncertainty is an approximate value."""
    doc = v.doc
    k = j
    if k < len(doc) and doc[k].text == "±":
        k += 1
    elif k + 1 < len(doc) and doc[k].text == "+" and doc[k + 1].text == "/-":
        k += 2
    if k > j and k < len(doc) and parse_numeral(doc[k].text) is not None:
        return k + 1, True
    return j, False


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
        elif not scaled and (glued or _spaced_scale(v, j, money)) and suffix_scale(v, j, money):
            value *= lex.suffix[doc[j].text.rstrip(".").lower()]
            j += 1
        else:
            break
        scaled = True
        rules.append("num-magnitude")
        value, j = _compound(v, j, value, lex.magnitude.get(w, 1))
    if scaled:
        value = float(f"{value:.15g}")  # "$4.1bn" is 4.1e9, not 4099999999.9999995
    return value, j, scaled, rules


def _compound(v: View, j: int, value: float, magnitude: float) -> tuple[float, int]:
    """'3 hundred and 21', '4 thousand 3 hundred': a smaller count after a scale word belongs to it."""
    doc, k = v.doc, j
    if magnitude < 100 or k >= len(doc):
        return value, j
    if doc[k].lower_ == "and":
        k += 1
    if doc[k - 1].lower_ == "and" and k < len(doc):  # "3 million and a half": a share of the scale
        words = [t.lower_ for t in doc[k : k + 6]]
        frac = read_number_words(words, 0)
        if frac is not None and frac.fraction and not frac.scaled and frac.value < 1:
            return value + frac.value * magnitude, k + frac.end
    num = parse_numeral(doc[k].text) if k < len(doc) else None
    if num is None or num.has_decimal or num.has_separator or num.suffix or num.currency or num.value < 0:
        return value, j
    part, end = num.value, k + 1
    nxt = v.lower(end)
    if nxt in v.lex.magnitude and v.lex.magnitude[nxt] < magnitude and nxt not in word_list("plural_magnitude"):
        part, end = part * v.lex.magnitude[nxt], end + 1
    if nxt in v.lex.magnitude and v.lex.magnitude[nxt] >= magnitude:
        return value, j  # "3 hundred and 2 hundred" are two numbers
    after_and = doc[k - 1].lower_ == "and"
    if not 0 < part < magnitude or (after_and and magnitude != 100) or (not after_and and nxt not in v.lex.magnitude):
        return value, j  # "3 million and 21 people" is two figures; "4 thousand 3 hundred", "3 hundred and 21" one
    return value + part, end


def _spaced_scale(v: View, j: int, money: bool) -> bool:
    """A scale letter written apart from the number counts only with money or before a plural noun
    ('$3.5 bn', '8 B people'), never alone ('5 M' may be anything)."""
    nxt = v.tok(j + 1)
    return money or (nxt is not None and nxt.is_alpha and nxt.tag_ in ("NNS", "NNPS"))


def suffix_scale(v: View, j: int, money: bool) -> bool:
    """A scale letter the tokenizer split off: '$3.5 m', '4.3 M digital', '1.2 m tons', '25 k'."""
    text = v.doc[j].text.rstrip(".")
    if text.lower() not in v.lex.suffix:
        return False
    if text in word_list("split_scale_suffix"):
        return True
    nxt = v.tok(j + 1)
    if text in ("m", "b", "B"):  # million/billion with money or before a plural noun ("1.2m tons", "8 B people")
        plural_next = nxt is not None and nxt.is_alpha and nxt.tag_ in ("NNS", "NNPS")
        return money or plural_next or (text == "b" and (nxt is None or not nxt.is_alpha))  # "1.2b." too
    return money


def _vague_magnitude(v: View, i: int) -> Core | None:
    """'millions of', 'tens of thousands of': a vague order of magnitude, kept as a range."""
    plural = word_list("plural_magnitude")
    w, nxt = v.lower(i), v.lower(i + 1)
    if (w == "tens" or w in plural) and nxt == "of" and v.lower(i + 2) in plural:
        # "tens of thousands", "hundreds of thousands": the orders of magnitude multiply
        base = (10 if w == "tens" else v.lex.magnitude[w]) * v.lex.magnitude[v.lower(i + 2)]
        return Core(i, i + 3, None, words=True, scaled=True, low=base, high=base * 10, rule_ids=["num-vague-magnitude"])
    if w in plural and nxt == "of":
        base = v.lex.magnitude[w]
        return Core(i, i + 1, None, words=True, scaled=True, low=base, high=base * 10, rule_ids=["num-vague-magnitude"])
    return None


def _opens_word_number(v: View, i: int) -> bool:
    """May a number written in words start at token i? 'a hundred', 'a third of', 'half the', 'twenty'."""
    lex, doc = v.lex, v.doc
    w, nxt = v.lower(i), v.lower(i + 1)
    if w in ARTICLES:
        return nxt in word_list("a_opener") or nxt in lex.fraction or nxt in number_words("ordinal")
    if w in lex.fraction:
        if i > 0 and parse_ordinal(doc[i - 1].text) is not None:
            return False  # "the first half of 2017" is a period, not a share
        if nxt in lex.magnitude and nxt not in word_list("plural_magnitude") and w in word_list("fraction_magnitude"):
            return True  # "half million", "a quarter million"
        if w == "half" and nxt == "-" and v.lower(i + 2) in (*ARTICLES, *lex.magnitude):
            return True  # "half-a-million", "half-million"
        if w == "half" and _bounded_share(v, i):
            return True  # "more than half said", "about half are children"
        return w == "half" and nxt in word_list("half_determiner")
    return w in lex.cardinal or w in lex.dozen


def _bounded_share(v: View, i: int) -> bool:
    """A bare 'half' after a bound ('more than half', 'nearly half') standing as a noun for a share of a
    whole named before: not before a noun ('half price') nor as a manner ('more than half full')."""
    doc = v.doc
    if v.lex.bounds_before.ending(doc, i, v.sent_starts[i]) is None:
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or nxt.is_punct or nxt.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "PRON", "DET")


WINDOW = 16  # number words read at most


def bounded_article(v: View, i: int) -> bool:
    """'took about an hour', 'more than a mile' (`numbers.bounded_article_unit`); not a window a phrase
    opens ('built over more than a decade', 'in about a year')."""
    doc = v.doc
    if i == 0 or not bounded_article_unit(doc[i - 1].text, doc[i].text, v.lower(i + 1) or None):
        return False
    hit = v.lex.bounds_before.ending(doc, i, v.sent_starts[i])
    if hit is None or v.lower(i + 2) in ("ago", "earlier", "later", "before", "after", "of"):
        return False  # "higher than a year ago", "as a percentage of GDP"
    return hit[0] == 0 or doc[hit[0] - 1].pos_ != "ADP"


def read_word_core(v: View, i: int) -> Core | None:
    """A number written in words: 'twenty-five', 'half a million', 'two-thirds', 'a dozen', 'one in four'.

    The grammar is `claimx.nlp.wordnumbers`; here only where such a number may start, and what follows
    an article-led fraction: 'a fifth of', 'a third', but not 'a fifth term' (an ordinal adjective).
    """
    vague = _vague_magnitude(v, i)
    if vague is not None:
        return vague
    unit = v.lex.news_units.starting(v.doc, i + 1) if v.lower(i + 1) in UNIT_AFTER_ARTICLE else None
    if v.lower(i) in ARTICLES and unit is not None and unit[1].kind == "percentage_point":
        return Core(i, i + 1, 1.0, words=True, n_words=1, rule_ids=["num-article-unit"])  # "a percentage point"
    if bounded_article(v, i):
        return Core(i, i + 1, 1.0, words=True, n_words=1, rule_ids=["num-article-unit-bounded"])  # "about an hour"
    if not _opens_word_number(v, i):
        return None
    doc = v.doc
    lowers = [t.lower_ for t in doc[i : min(len(doc), i + WINDOW)]]
    wn = read_number_words(lowers, 0)
    if (
        wn is None
        and lowers[0] == "half"
        and ((len(lowers) > 1 and lowers[1] in word_list("half_determiner")) or _bounded_share(v, i))
    ):
        wn = WordNumber(1, 0.5, False, True, 1)  # "half the condos", "half of them"
    if wn is None or (wn.words == 0) or (lowers[0] in ARTICLES and wn.end == 1):
        return None
    j = i + wn.end
    if lowers[0] in ARTICLES and wn.fraction and not wn.scaled and _ordinal_adjective(v, j):
        return None
    run = [t.text for t in doc[i:j]]
    return Core(
        i,
        j,
        wn.value,
        words=True,
        scaled=wn.scaled,
        fraction=wn.fraction,
        rule_ids=[rid for rid in dict.fromkeys(rule_id_for(r) for r in run) if rid],
        unscaled=wn.value / last_scale(lowers, wn.end) if wn.scaled else wn.value,
        n_words=wn.words,
    )


def _ordinal_adjective(v: View, j: int) -> bool:
    """'a fifth term', 'a third party': after an article, a denominator before a noun is an ordinal."""
    nxt = v.tok(j)
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ") and nxt.lower_ not in ("of",)


ARTICLES = frozenset({"a", "an"})
