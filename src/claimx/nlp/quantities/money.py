"""Currencies around a number: symbols and codes before it, names and codes after it, cents and scales after those."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Token

from claimx.nlp.numbers import Numeral, parse_numeral
from claimx.nlp.quantities.numerals import read_core
from claimx.nlp.quantities.state import Found, View
from claimx.rulefiles import word_list

Hit = tuple[int, Any]  # (token position, lexicon entry or ISO code)


def currency_before(v: View, i: int, floor: int) -> Hit | None:
    """A currency symbol or ISO code ending right before token i: '$', 'US$', 'EUR'."""
    hit = v.lex.cur_symbols.ending(v.doc, i, floor)
    if hit:
        return hit
    prev = v.tok(i - 1)
    if i - 1 >= floor and prev is not None and prev.text in v.lex.iso_codes and prev.is_upper:
        return i - 1, prev.text
    return None


def scaled_code(v: View, tok: Token) -> tuple[str, float] | None:
    """'MUSD' -> ('USD', 1e6): a currency code with a scale letter, as in financial tables."""
    scales = v.lex.scaled_codes
    m = re.match(rf"^(?P<scale>{'|'.join(map(re.escape, scales))})(?P<code>[A-Z]{{3}})$", tok.text)
    if m and (m.group("code") in v.lex.iso_codes or m.group("code") in v.lex.currencies):
        return m.group("code"), scales[m.group("scale")]
    return None


def resolve_currency(v: View, entry: Any) -> tuple[str, str]:
    """(ISO code, rule id) of a lexicon entry or a bare ISO code; an entry's `contexts` pick another code
    when the article mentions one of their words ("Rs" in an article about Pakistan is PKR)."""
    if isinstance(entry, str):
        return entry, f"iso-{entry}"
    if entry.contexts:
        hint = v.context.text_lower or v.doc.text.lower()
        for code, words in entry.contexts.items():
            if any(wd in hint for wd in words):
                return code, entry.id
    return entry.code, entry.id


def glued_currency(v: View, num: Numeral | None) -> Any:
    """The lexicon entry of a currency glued to the digits ('HK$5', 'Rs.500')."""
    if num is None or not num.currency:
        return None
    return v.lex.cur_symbols.get(num.currency) or v.lex.cur_symbols.get(num.currency.rstrip("."))


def money_name_at(v: View, k: int) -> Hit | None:
    """A currency written after the number: '15 euros', '500 EUR', '10 $'."""
    doc = v.doc
    hit = v.lex.cur_names.starting(doc, k)
    if hit is None and k < len(doc) and doc[k].text in v.lex.iso_codes and doc[k].is_upper:
        hit = (k + 1, doc[k].text)
    if hit is None and k < len(doc) and not doc[k].is_alpha:
        sym = v.lex.cur_symbols.starting(doc, k, min(len(doc), k + 2))
        if sym is not None and not (sym[0] < len(doc) and parse_numeral(doc[sym[0]].text)):
            hit = sym  # "15 €", but "$ 20,000 $ 37,305" keeps the second symbol for its number
    return hit


def money_tail(v: View, q: Found) -> str | None:
    """After '75 USD': a scale ('75 USD million') or cents ('3 dollars 50 cents'); returns the rule id."""
    doc, k = v.doc, q.end
    if q.value is None or k >= len(doc):
        return None
    if doc[k].lower_ in v.lex.magnitude and doc[k].lower_ not in word_list("plural_magnitude"):
        q.value *= v.lex.magnitude[doc[k].lower_]
        q.end = k + 1
        return "num-magnitude"
    m = k + 1 if doc[k].lower_ == "and" else k
    cents = read_core(v, m, money=False) if m < len(doc) else None
    if cents is None or cents.value is None or not (0 < cents.value < 100) or cents.value != int(cents.value):
        return None
    after = v.tok(cents.end)
    if after is not None and after.lower_ in word_list("cent_word"):
        q.value += cents.value / 100
        q.end = cents.end + 1
        return "cur-cents"
    if (after is None or after.text in (".", "!", "?", ";")) and 10 <= cents.value < 100:
        q.value += cents.value / 100  # "it costs 15 dollars 50.", "thirteen dollars forty five"
        q.end = cents.end
        return "cur-cents"
    return None
