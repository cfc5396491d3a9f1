"""The unit of a quantity: a currency, a lexicon unit, a rate ("per barrel"), or the noun a number counts.

Each reading rule fills in the `Found` it is given and returns its rule id, or None when it does not apply.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from claimx import units as unit_registry
from claimx.nlp.deps import COUNTABLE_TAGS, NOUN_MODIFIERS, PLURAL_TAGS
from claimx.nlp.numbers import parse_numeral
from claimx.nlp.quantities.counted import noun_lemma, noun_past_bracket
from claimx.nlp.quantities.money import (
    Hit,
    glued_currency,
    money_name_at,
    money_tail,
    resolve_currency,
    scaled_code,
)
from claimx.nlp.quantities.numerals import read_core
from claimx.nlp.quantities.state import Core, Found, View
from claimx.nlp.quantities.unitlookup import UnitRef, defined_abbreviation, from_expr, read_written_unit
from claimx.rulefiles import word_list

RELATIVE_TIME_WORDS = frozenset({"last", "next", "this", "past", "previous", "coming", "following"})
RATE_KINDS = ("currency", "count", "mass", "volume", "energy", "length", "other", "duration", "data")
RATE_UNITS = ("times",)  # "four times per week"
NOUN_PHRASE_POS = ("ADJ", "DET", "NOUN", "PROPN", "NUM")


def unit_at(v: View, k: int) -> tuple[int, UnitRef] | None:
    """The unit written at token k (see `unitlookup`), allowing a glued hyphen ('37-year', '5-kilometre')."""
    doc = v.doc
    hit = read_written_unit(v, k) if k < len(doc) else None
    if hit is None and k + 1 < len(doc) and doc[k].text in ("-", "–") and doc[k].whitespace_ == "":
        hit = read_written_unit(v, k + 1)
    return hit


def has_unit_after(v: View, k: int) -> bool:
    """A percent sign or a unit other than a duration at token k ('2024 tons' is a quantity, '2024 years' not)."""
    if k < len(v.doc) and v.doc[k].text == "%":
        return True
    hit = read_written_unit(v, k) if k < len(v.doc) else None
    return hit is not None and hit[1].kind not in ("duration",)


def _set_currency(v: View, q: Found, entry: Any, text: str | None) -> str:
    code, rid = resolve_currency(v, entry)
    q.unit, q.kind, q.unit_text = code, "currency", text
    return rid


def read_unit(v: View, q: Found, core: Core, cur_hit: Hit | None) -> list[str]:
    """Currency before the number, else a lexicon unit, a currency name or a scaled code after it; then a rate."""
    doc, rules = v.doc, []
    glued = glued_currency(v, core.numeral)
    if cur_hit is not None or glued is not None:
        text = doc[cur_hit[0] : core.start].text if cur_hit is not None else core.numeral.currency
        rules.append(_set_currency(v, q, cur_hit[1] if cur_hit is not None else glued, text))
        if text == "$":
            rules += _ids(named_dollar(v, q) or us_dollar(v, q) or local_dollar(v, q, cur_hit[1] if cur_hit else glued))
    else:
        rules += _unit_after(v, q, core)
    if q.unit is not None and (q.kind in RATE_KINDS or q.unit in RATE_UNITS):
        rid = _rate(v, q)
        if rid:
            rules.append(rid)
    return rules


def named_dollar(v: View, q: Found) -> str | None:
    """'$1 billion Singapore dollars', '$5 million Australian dollars': a bare dollar sign whose dollar the
    name after the figure says ('$20 dollars' keeps its dollars in the span)."""
    hit = v.lex.cur_names.starting(v.doc, q.end)
    if hit is None or isinstance(hit[1], str) or "dollar" not in v.doc[q.end : hit[0]].text.lower():
        return None
    code, _ = resolve_currency(v, hit[1])
    q.unit, q.unit_text, q.end = code, f"{q.unit_text} {v.doc[q.end : hit[0]].text}", hit[0]
    return "cur-named-dollar"


US_WORDS = frozenset({"u.s.", "us", "u.s"})
US_NAMES = re.compile(r"\b(?:united states|u\.s\.|america|american|americans)(?![\w.])|\bu\.s\.")


def local_dollar(v: View, q: Found, entry: Any) -> str | None:
    """A bare '$' in an article about a dollar country other than the United States is that country's dollar:
    '$931,000' in 'Economy of New Zealand' (currencies.jsonl `local_dollars`: the title names the country, the
    text at least three times and more than twice as often as the United States; `cur-local-dollar`). A
    country the text only mentions ('Singapore's medical tourism revenue' in a story on Vietnam) does not."""
    local = getattr(entry, "local_dollars", None)
    if not local or q.unit != "USD":
        return None
    code = _local_dollar_code(
        v.context.text_lower or v.doc.text.lower(), tuple((k, tuple(w)) for k, w in local.items())
    )
    if code is None:
        return None
    q.unit = code
    return "cur-local-dollar"


@lru_cache(maxsize=16)
def _local_dollar_code(text: str, local: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """The dollar of the country the article is about, once per article text."""
    title = text.lstrip().split("\n", 1)[0]
    named = [(code, names) for code, names in local if any(re.search(rf"\b{re.escape(w)}\b", title) for w in names)]
    if not named:
        return None
    us = len(US_NAMES.findall(text))
    for code, names in named:
        n = sum(len(re.findall(rf"\b{re.escape(w)}\b", text)) for w in names)
        if n >= 3 and n > 2 * us:
            return code
    return None


def us_dollar(v: View, q: Found) -> str | None:
    """'$75 U.S. per barrel', 'up $31.20 US.': "U.S." after a dollar amount says which dollar; it stays in
    the span, and a rate after it is the amount's ('a $5 US stamp' is left alone)."""
    doc, k = v.doc, q.end
    if k >= len(doc) or doc[k].lower_ not in US_WORDS:
        return None
    after = doc[k + 1] if k + 1 < len(doc) else None
    if not (after is None or after.is_punct or read_per(v, k + 1) is not None):
        return None
    q.unit_text, q.end = f"{q.unit_text} {doc[k].text}", k + 1
    return "cur-us-dollar"


def _unit_after(v: View, q: Found, core: Core) -> list[str]:
    doc = v.doc
    hit = unit_at(v, q.end)
    if hit is not None and hit[1].unit == "pound" and core.scaled and "GBP" in v.lex.currencies:
        end = hit[0]  # "361 million pounds" is money, "8 pounds" a weight
        rid = _set_currency(v, q, v.lex.currencies["GBP"], doc[q.end : end].text)
        q.end = end
        return [rid]
    if hit is not None:
        end, ref = hit
        q.unit, q.kind, q.unit_text, q.unit_expr = ref.unit, ref.kind, doc[q.end : end].text, ref.expr
        q.end = end
        if ref.scale != 1.0:  # "1.1 MMbbl/d" is 1.1 million barrels per day
            q.value, q.low, q.high = (x * ref.scale if x is not None else None for x in (q.value, q.low, q.high))
        return [ref.id, *_ids(compound_measure(v, q))]
    hit = money_name_at(v, q.end)
    if hit is not None:
        rid = _set_currency(v, q, hit[1], doc[q.end : hit[0]].text)
        q.end = hit[0]
        tail = money_tail(v, q)
        return [rid] + ([tail] if tail else [])
    scaled = scaled_code(v, doc[q.end]) if q.end < len(doc) else None
    if scaled is not None and q.value is not None:
        q.unit, q.kind, q.unit_text = scaled[0], "currency", doc[q.end].text
        q.value *= scaled[1]
        q.end += 1
        return ["cur-scaled-code"]
    return []


def _rate(v: View, q: Found) -> str | None:
    """'per barrel', 'an ounce', '/day'; or a rate stated after what is measured ('gallons of jet fuel a year')."""
    doc = v.doc
    per = read_per(v, q.end)
    if per is not None:
        end, per_unit = per
        _per(q, per_unit, doc[q.end : end].text)
        q.end = end
        return "unit-per"
    if q.kind in ("mass", "volume", "energy") and v.lower(q.end) == "of":
        spelled = word_list("rate_marker") - {"/"}
        for k in range(q.end + 2, min(len(doc), q.end + 6)):
            if doc[k].lower_ in spelled and not doc[k - 1].is_punct:
                per = read_per(v, k)
                if per is not None and isinstance(per[1], UnitRef) and per[1].kind == "duration":
                    _per(q, per[1], doc[k : per[0]].text)
                    return "unit-per"
                return None
            if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX", "ADP"):
                return None
    return None


def _per(q: Found, per_unit: UnitRef | str, text: str) -> None:
    """Make `q` a rate: a registry unit over a registry unit is composed by the registry ('kilometer per
    hour', a speed); anything else is named 'X per Y' ('USD per barrel')."""
    q.unit_text = f"{q.unit_text or ''} {text}".strip()
    expr = unit_registry.compose(q.unit_expr, per_unit.expr) if q.unit_expr and isinstance(per_unit, UnitRef) else None
    if expr and per_unit.expr:
        ref = from_expr(expr, "unit-per")
        q.unit, q.kind, q.unit_expr = ref.unit, ref.kind, expr
        return
    q.unit = f"{q.unit} per {per_unit.unit if isinstance(per_unit, UnitRef) else per_unit}"
    q.unit_expr = None


def read_per(v: View, k: int) -> tuple[int, UnitRef | str] | None:
    """(end, unit) of a rate's second unit starting at token k: 'per barrel', 'a share', '/day'; hyphenated
    into a modifier, '-a-share' ('a $70-a-share price', 'a 12-cent-a-share dividend': `unit-per-hyphenated`)."""
    doc = v.doc
    if k + 3 < len(doc) and doc[k].text == "-" == doc[k + 2].text and doc[k + 1].lower_ in ("a", "an", "per"):
        return _read_per(v, k + 1, k + 3)
    return _read_per(v, k, k + 1)


def _read_per(v: View, k: int, first: int) -> tuple[int, UnitRef | str] | None:
    """read_per with the rate marker at k and the unit's first token at `first`."""
    doc = v.doc
    if first >= len(doc):
        return None
    w = doc[k].lower_
    if w not in word_list("rate_marker"):
        return None
    hit = read_written_unit(v, first)
    after = doc[hit[0]].lower_ if hit is not None and hit[0] < len(doc) else ""
    if after in word_list("time_after"):
        return None  # "$1.17 billion a year earlier" is a time, not a rate
    if hit is not None and hit[1].kind not in ("percent", "percentage_point"):
        return hit
    nxt = doc[first]
    if w in ("per", "/") and nxt.is_alpha and nxt.pos_ in ("NOUN", "PROPN", "X", "ADJ"):
        defined = defined_abbreviation(v, nxt.text) if len(nxt) <= 4 else None
        if defined is not None:  # "$75/b" after "$100 per barrel (b)"
            return first + 1, defined
        return first + 1, noun_lemma(nxt) if nxt.tag_ == "NNS" else nxt.lower_
    if w in ("a", "an") and nxt.lower_ in word_list("rate_noun"):
        return first + 1, nxt.lower_  # "$70 a share", "64.2 cents a dozen"
    return None


def vague_unit(v: View, q: Found) -> str | None:
    """'millions of Americans', 'tens of millions of dollars': the noun after 'of'."""
    doc, k = v.doc, q.end
    if v.lower(k) != "of":
        return None
    hit = money_name_at(v, k + 1)
    if hit is not None:
        rid = _set_currency(v, q, hit[1], doc[k + 1 : hit[0]].text)
        q.end = hit[0]
        return rid
    m = k + 1
    while m < len(doc) and m - k <= 4:
        tok = doc[m]
        if tok.tag_ in PLURAL_TAGS or (tok.pos_ in ("NOUN", "PROPN") and tok.lower_.endswith("s")):
            q.unit = noun_lemma(tok) if tok.pos_ == "NOUN" else tok.lower_
            q.unit_text, q.kind, q.end, q.head = doc[k + 1 : m + 1].text, "count", m + 1, m
            return "unit-counted-noun"
        if tok.pos_ not in NOUN_PHRASE_POS:
            return None
        m += 1
    return None


def word_before(v: View, start: int) -> str:
    """The word before the number and any bound phrase on it ('by' in "by nearly 300")."""
    hit = v.lex.bounds_before.ending(v.doc, start, max(0, start - 4))
    return v.lower((hit[0] if hit is not None else start) - 1)


def fraction_of(v: View, q: Found) -> str | None:
    """'one fourth of the US population', 'half the condos': a share of a whole, unit fraction (value 0.25,
    the whole measured); 'half of a percentage point' is half of a unit, 0.5 percentage point; 'rose by a
    fifth' is a change by a share of the level, unit fraction."""
    doc, k = v.doc, q.end
    start = q.core[0] if q.core != (0, 0) else q.start
    if word_before(v, start) == "by" and (k >= len(doc) or doc[k].is_punct or doc[k].pos_ in ("ADP", "ADV", "CCONJ")):
        # "rents rose by a fifth over the decade", "cut by nearly half": a change as a share of the level
        q.unit, q.unit_expr, q.kind = "fraction", "fraction", "ratio"
        return "unit-fraction-by"
    if _elliptic_share(v, q, start):
        q.unit, q.unit_expr, q.kind = "fraction", "fraction", "ratio"
        return "unit-fraction-elliptic"
    if v.lower(k) == "of":
        k += 1
    m = k
    while m < len(doc) and m - k <= 4:
        tok = doc[m]
        hit = unit_at(v, m) if v.lower(k) in ("a", "an") and m > k else None
        if hit is not None:  # "1/16 of a US pint"
            end, ref = hit
            q.unit, q.kind, q.unit_text, q.unit_expr = ref.unit, ref.kind, doc[q.end : end].text, ref.expr
            q.end = end
            return "unit-fraction-of-unit"
        nxt = doc[m + 1] if m + 1 < len(doc) else None
        whole = tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.is_upper and len(tok) > 1  # "two-thirds of GDP"
        if whole and tok.is_alpha and (nxt is None or (nxt.pos_ not in ("NOUN", "PROPN") and nxt.tag_ != "POS")):
            q.unit, q.unit_expr, q.kind, q.measured_head = "fraction", "fraction", "ratio", m
            q.unit_text = doc[q.end : m + 1].text
            return "unit-fraction-of"
        if tok.pos_ not in NOUN_PHRASE_POS and tok.tag_ not in ("POS", "PRP$"):
            break
        m += 1
    return _share_of_parsed(v, q, k)


def _share_of_parsed(v: View, q: Found, k: int) -> str | None:
    """'more than a third of Central Africa's 45,000 large- and small-scale chicken farmers': past what the
    word walk reads, the parse names the whole: the noun object of the 'of' after the fraction."""
    doc = v.doc
    of = doc[k - 1] if 0 < k <= len(doc) else None
    if of is None or of.lower_ != "of":
        return None
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.pos_ != "NOUN" or pobj.i - k > 10:
        return None
    q.unit, q.unit_expr, q.kind, q.measured_head = "fraction", "fraction", "ratio", pobj.i
    q.unit_text = doc[q.end : pobj.i + 1].text
    return "unit-fraction-of"


SHARE_ROLES = ("nsubj", "nsubjpass", "dobj", "conj", "appos", "attr", "ROOT")


def _elliptic_share(v: View, q: Found, start: int) -> bool:
    """A fraction standing for a share of a whole named before it, with no noun after it: 'roughly a
    quarter come from South Sudan', '..., and about one-fifth in leisure and hospitality'. Not 'cut in
    half' (a manner), nor a fraction before a noun or 'of' (read by `fraction_of`)."""
    doc, k = v.doc, q.end
    nxt = doc[k] if k < len(doc) else None
    if nxt is not None and not (nxt.is_punct or nxt.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "ADV")):
        return False
    if nxt is not None and nxt.lower_ in ("of", "past", "to", "an", "a"):
        return False
    if v.lower(start - 1) in ("in", "into", "by", "a", "an", "per"):
        return False
    head = doc[k - 1]
    return head.dep_ in SHARE_ROLES and head.pos_ in ("NOUN", "NUM", "ADJ", "PRON", "PROPN")


def shared_unit(v: View, q: Found) -> str | None:
    """'eight or nine euros', 'four, five or six cylinders': a unit written once for several numbers."""
    doc, k = v.doc, q.end
    conjunctions = word_list("list_conjunction")
    if k + 1 >= len(doc) or doc[k].lower_ not in conjunctions:
        return None
    m, last_sep = k + 1, doc[k].lower_
    for _ in range(6):  # skip further numbers of the list
        nxt = read_core(v, m, money=False) if m < len(doc) else None
        if nxt is None:
            return None
        m = nxt.end
        hit = unit_at(v, m) or money_name_at(v, m)
        if hit is not None and last_sep == ",":
            return None  # "at 16,644, 16 per cent above": a list ends with "or"/"and" before its unit
        if hit is not None:
            entry = hit[1]
            if isinstance(entry, str) or hasattr(entry, "code"):
                return _set_currency(v, q, entry, None)
            q.unit, q.kind, q.unit_text, q.unit_expr = entry.unit, entry.kind, None, entry.expr
            return entry.id
        if m < len(doc) and doc[m].lower_ in conjunctions and m + 1 < len(doc):
            last_sep = doc[m].lower_
            m += 1
            continue
        return None
    return None


def _countable(tok: Token) -> bool:
    """Can a number count this noun? Not a generic measure word ('the 1.5 average', 'a 251,000 monthly
    average' are figures of what the sentence measures, not counts of averages)."""
    if tok.lower_ in word_list("generic_measure"):
        return False
    return tok.is_alpha and (tok.pos_ == "NOUN" and tok.tag_ in COUNTABLE_TAGS or tok.tag_ == "NNPS")


def counted_noun(v: View, q: Found, core: Core) -> int | None:
    """The noun a bare number counts: '13,000 workers', '11 mineral commodities', 'two of his deputies'."""
    doc = v.doc
    if q.end >= len(doc):
        return None
    nxt = doc[q.end]
    # "3 cylinder engine", "40 yard line": a number cannot count a singular head, so it counts the
    # singular noun before it ("11 mineral commodities" is counted by its plural head instead)
    if (
        _countable(nxt)
        and nxt.tag_ == "NN"
        and q.value not in (None, 1)
        and q.end + 1 < len(doc)
        and doc[q.end + 1].pos_ == "NOUN"
        and doc[q.end + 1].tag_ == "NN"
        and nxt.is_lower
        and not _counts_plural_head(doc[q.end - 1])
    ):
        return nxt.i
    # "four-cylinder engine", "a six-speed gearbox": the noun after the hyphen is counted
    if (
        nxt.text in ("-", "–")
        and doc[q.end - 1].whitespace_ == ""
        and nxt.whitespace_ == ""
        and q.end + 1 < len(doc)
        and doc[q.end + 1].pos_ == "NOUN"
        and doc[q.end + 1].is_alpha
    ):
        return q.end + 1
    parsed = _counted_by_parse(v, q)
    if parsed is not None:
        return parsed
    # adjacency: "13,000 workers", past a run of spaces ("four  batteries", as report exports leave them)
    if nxt.is_space and q.end + 1 < len(doc) and _countable(doc[q.end + 1]) and doc[q.end + 1].tag_ in PLURAL_TAGS:
        return q.end + 1 if doc[q.end + 1].is_lower else None
    if _countable(nxt) and (nxt.is_lower or nxt.tag_ == "NNPS"):
        if nxt.tag_ in PLURAL_TAGS or (q.value == 1 and q.low is None):
            return nxt.i
    # "4.3M digital and physical sales": past adjectives (and their conjunction) to a plural noun
    k = q.end
    while k < len(doc) and k - q.end < 4 and (doc[k].pos_ == "ADJ" or doc[k].pos_ == "CCONJ" and k > q.end):
        k += 1
    if k > q.end and k < len(doc) and _countable(doc[k]) and doc[k].tag_ in PLURAL_TAGS and doc[k].is_lower:
        return k
    # "two of Johnson's deputies"
    if core.words and nxt.lower_ == "of":
        pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        between = doc[q.end + 1 : pobj.i] if pobj is not None else doc[0:0]
        if (
            pobj is not None
            and pobj.tag_ in PLURAL_TAGS
            and pobj.i - q.end <= 4
            and not any(x.like_num for x in between)
        ):
            return pobj.i  # not past another number: "one of its 300 stores" leaves the stores to 300
    return None


def _counts_plural_head(tok: Token) -> bool:
    """'11 cryptocurrency mining operators': the number modifies a plural noun past a chain of singular
    compounds, which it counts (not 'a 3 cylinder engine', where the head is singular)."""
    head = tok.head
    return tok.dep_ == "nummod" and head.i > tok.i and head.tag_ in PLURAL_TAGS and head.i - tok.i <= 4


def _verb_read_as_noun(head: Token, q: Found) -> bool:
    """'more than 30,000 contract the disease': a singular word after a number above one, followed by a
    determiner, is the verb of a clause whose subject the number is, not a counted noun."""
    doc = head.doc
    return (
        head.i == q.end
        and head.tag_ == "NN"
        and q.value not in (None, 1)
        and head.i + 1 < len(doc)
        and doc[head.i + 1].tag_ in ("DT", "PRP$")
    )


def _counted_by_parse(v: View, q: Found) -> int | None:
    """The parse: the number modifies a countable noun at most three words to its right (five across
    coordinated adjectives: '4.3M digital and physical sales'; seven across coordinated compounds with a
    suspended hyphen: '45,000 large- and small-scale chicken farmers', where the number hangs on the
    adjective that modifies the noun)."""
    doc = v.doc
    for tok in (doc[q.end - 1], doc[q.core[0]]):
        head = tok.head
        while head.pos_ == "ADJ" and head.dep_ in ("amod", "nmod") and head.head.i > head.i:
            head = head.head
        hyphen = q.end < len(doc) and doc[q.end].text in ("-", "–")  # "30-year bonds": the number is the year's
        if (
            head.dep_ == "compound"
            and head.tag_ == "NN"
            and head.i > q.end
            and head.head.tag_ in PLURAL_TAGS
            and not hyphen
        ):
            head = head.head  # "135,000 Ukrainian parole beneficiaries": the parse hung the number on the compound
        between = doc[q.end : head.i] if head.i >= q.end else doc[0:0]
        coordinated = any(x.pos_ == "CCONJ" for x in between)
        suspended = coordinated and any(len(x.text) > 1 and x.text.endswith("-") for x in between)
        # a number the parser hangs straight on a plural noun counts it across a longer run of modifiers:
        # "the eight U.S. global systemically important banks"
        direct = tok.dep_ == "nummod" and tok.head.i == head.i and head.tag_ in PLURAL_TAGS
        if _verb_read_as_noun(head, q):
            return None
        if (
            tok.dep_ in NOUN_MODIFIERS
            and head.i >= q.end
            and head.i - q.end <= (7 if suspended else 5 if coordinated or direct else 3)
            and _countable(head)
            and all(
                x.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "VERB", "CCONJ", "ADV", "NUM")
                and x.text not in (",", ";", ":", "(", ")")  # "(+6,000) added jobs": the bracket closes first
                # "45 and 50 cases", "1.8 million or about 48 percent": the later number counts the noun
                and not (x.like_num and any(c.pos_ == "CCONJ" for c in doc[q.end : x.i]))
                and x.tag_ not in ("JJR", "RBR")  # "200 or greater qualify": a trailing bound, then a verb
                for x in doc[q.end : head.i]
            )
        ):
            return head.i
    return None


def counted_unit(v: View, q: Found, core: Core) -> str | None:
    """Make the counted noun the unit: '13,000 workers' -> worker, kind count (ratio for a fraction)."""
    counted = counted_noun(v, q, core)
    if counted is None:
        return noun_past_bracket(v, q)
    head = v.doc[counted]
    relative = counted > q.end and v.doc[counted - 1].lower_ in RELATIVE_TIME_WORDS
    if relative and head.tag_ == "NN" and head.lemma_.lower() in word_list("period_noun"):
        return None  # "The studio released 12 last year": a time after the figure, not what it counts
    duration = unit_at(v, counted)
    if duration is not None and duration[1].kind == "duration" and any(t.like_num for t in v.doc[q.end : counted]):
        return None  # "2 h 30 min": the minutes are the second figure's, not a duration the first counts
    q.unit_text = v.doc[q.end : counted + 1].text
    if core.fraction and not core.scaled:  # "About half of its waterborne imports": a share of the imports
        q.unit, q.unit_expr, q.kind, q.measured_head = "fraction", "fraction", "ratio", counted
        return "unit-fraction-of"
    q.end = counted + 1
    q.head = counted
    hit = unit_at(v, counted)
    if hit is not None and hit[0] == counted + 1 and hit[1].kind == "duration" and q.kind != "ratio":
        # "7 business days", "three calendar years", "10 trading days": a modified time unit is a duration
        q.unit, q.kind, q.unit_expr = hit[1].unit, "duration", hit[1].expr
        return "unit-modified-duration"
    q.unit = noun_lemma(head) if head.tag_ in PLURAL_TAGS else head.lower_
    q.kind = "ratio" if q.kind == "ratio" else "count"
    return "unit-counted-noun"


def counted_rate(v: View, q: Found) -> str | None:
    """'281 people per square kilometre', '1.6 children per woman', '130 ships a day': a count over a unit
    is a rate of the counted noun (`unit-per`), as a unit of measure is ('5 tonnes per hectare'). Not a
    count a year ('58,000 deaths a year', '10,000 cases per year'): the year is when they are counted."""
    if q.kind != "count" or q.unit is None or " per " in q.unit:
        return None
    per = read_per(v, q.end)
    if per is None or (per[1].unit if isinstance(per[1], UnitRef) else per[1]) in ("year", "annum"):
        return None
    return _rate(v, q)


def person_count(v: View, q: Found) -> str | None:
    """A bare count that dies, is killed, injured, arrested or displaced counts people: 'More than 10,000
    died', 'Four were killed', 'police arrested 12', 'an estimate of 60,000 killed', 'injuring four others'
    (words.jsonl role person_verb). Run after elision, which gives a count the noun of the one before it ('21 hostages
    were killed; 33 died': hostages)."""
    doc = v.doc
    tok = doc[q.core[1] - 1]
    if q.value is None and q.low is None or q.kind not in ("count", "other") or tok.pos_ != "NUM":
        return None
    if q.unit == "other" and tok.head.lower_ == "others":
        tok = tok.head  # "killing one guard and injuring four others": the others are people too
    elif q.unit is not None and q.unit != "other":
        return None
    verbs = word_list("person_verb")
    governed = tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.lemma_.lower() in verbs
    nxt = doc[q.end] if q.end < len(doc) else None
    followed = nxt is not None and nxt.tag_ == "VBN" and nxt.lemma_.lower() in verbs
    if not (governed or followed):
        return None
    q.unit, q.kind = "people", "count"
    return "unit-person-verb"


COMPOUND_KINDS = ("length", "mass", "duration")


def compound_measure(v: View, q: Found) -> str | None:
    """'5 feet 2 inches', '6 ft 2 in', '2 hours and 30 minutes': the smaller unit of a customary pair
    (words.jsonl, role compound_measure) right after the first adds to it, converted by the registry."""
    doc, k = v.doc, q.end
    if q.value is None or q.unit_expr is None or q.kind not in COMPOUND_KINDS or k >= len(doc):
        return None
    if doc[k].lower_ == "and" and k + 1 < len(doc):
        k += 1
    num = parse_numeral(doc[k].text) if k < len(doc) else None
    hit = unit_at(v, k + 1) if num is not None and not num.suffix and not num.currency else None
    if hit is None or hit[1].expr is None or f"{q.unit} {hit[1].unit}" not in word_list("compound_measure"):
        return None  # "12 m 2 dm" stays two figures: metric units are written with decimals
    part = unit_registry.convert(num.value, hit[1].expr, q.unit_expr)
    if part is None or not 0 < part < 1:
        return None  # the second unit is smaller than one of the first ("5 feet 2 inches", not "5 feet 2 miles")
    q.value += part
    q.end = hit[0]
    q.unit_text = doc[q.core[1] : q.end].text
    return "unit-compound-measure"


def _ids(rule_id: str | None) -> list[str]:
    return [rule_id] if rule_id else []
