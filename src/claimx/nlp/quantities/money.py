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
    """A currency symbol or ISO code ending right before token i: '$', 'US$', 'EUR'. A spaced 'A $' opening a
    sentence is the article and a dollar sign, not Australian dollars."""
    hit = v.lex.cur_symbols.ending(v.doc, i, floor)
    if hit and v.doc[hit[0]].text == "A" and hit[0] < i - 1 and v.sent_starts[hit[0]] == hit[0]:
        hit = v.lex.cur_symbols.ending(v.doc, i, hit[0] + 1)  # "A $3 billion rise": the article, then '$'
    if hit:
        glued = v.doc[i - 1].whitespace_ == ""
        return hit if glued or v.doc[hit[0] : i].text not in hit[1].glued_symbols else None
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
    """A currency written after the number: '15 euros', '500 EUR', '10 $'; glued by a hyphen into a modifier
    ('a 12-cent dividend', 'a 100-dollar bill')."""
    doc = v.doc
    hit = v.lex.cur_names.starting(doc, k)
    glued = k + 1 < len(doc) and doc[k].text in ("-", "–") and doc[k].whitespace_ == "" and doc[k + 1].is_alpha
    if hit is None and glued:
        hit = v.lex.cur_names.starting(doc, k + 1)
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
    entry = v.lex.currencies.get(q.unit or "")
    if entry is not None and entry.minor_of is not None:
        return None  # "10 cents and 5 cents per gallon": two amounts in cents, not 10.05 cents
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


def minor_currencies(v: View, found: list[Found]) -> None:
    """A cent or penny is a hundredth of the currency written nearest it, in its sentence first, else in the
    Doc, else of its entry's `minor_of`: '9 cents ... to $33.18' is USD, '18 sen to RM23.50' MYR."""
    majors = [f for f in found if f.kind == "currency" and (f.unit or "").split(" per ")[0] in v.lex.iso_codes]
    for f in found:
        entry = v.lex.currencies.get((f.unit or "").split(" per ")[0]) if f.kind == "currency" else None
        if entry is None or entry.minor_of is None:
            continue
        near = sorted(majors, key=lambda m: (not v.same_sentence(m.start, f.start), abs(m.start - f.start)))
        f.major_currency = near[0].unit.split(" per ")[0] if near else entry.minor_of
        f.rule_ids.append("cur-minor")


def _code(f: Found) -> str | None:
    return f.major_currency or (f.unit or "").split(" per ")[0] or None


def change_and_level_rate(v: View, found: list[Found]) -> None:
    """A change and the level it reaches share their rate: 'increased two cents to $3.04 per gallon' and
    'increased 1 cent from the previous week to $2.69 per gallon' (cents per gallon), 'fell 11 cents per
    gallon, to $2.83' and '$2.69 per gallon on September 11, up 48 cents' (the level per gallon), '7,506
    pounds per acre, down 53 pounds' (pounds per acre)."""
    for a, b in zip(found, found[1:], strict=False):
        if not (a.unit and b.unit and v.same_sentence(a.start, b.start)):
            continue
        if _code(a) != _code(b) or a.kind in ("percent", "percentage_point", "ratio"):
            continue
        if (" per " in (a.unit or "")) == (" per " in (b.unit or "")):
            continue
        between = [t.lower_ for t in v.doc[a.end : b.start] if t.text != ","]
        if len(between) > 7 or not all(w.isalnum() for w in between):
            continue
        to_level = a.change is not None and "to" in between and between[0] in ("to", "from")
        level_then_change = (
            a.change is None and b.change is not None and bool(between) and between[-1] in ("up", "down")
        )
        if not (to_level or level_then_change):
            continue
        rated, plain = (a, b) if " per " in (a.unit or "") else (b, a)
        plain.unit = f"{plain.unit} per {rated.unit.split(' per ', 1)[1]}"
        plain.unit_expr = rated.unit_expr  # the same unit over the same rate ('pound / acre'); None for money
        plain.rule_ids.append("unit-change-level-rate")
