"""Reading a Doc's quantities left to right, and what figures next to each other share.

How one quantity is read at token i (`read_quantity`):
1. a *core*: a numeral token ("8", "1,000", "1.2bn", "HK$5") or a run of number words, with any scale
   words after it (`numerals`); a multiplier word ("doubled", "twice") is a quantity on its own;
2. a *range* when a second core follows a connector, or a share ("one in four") (`ranges`);
3. years are set aside for the time rules (`doc._.claimx_years`), never quantities;
4. the *unit*: a currency before or after, a lexicon unit, a rate, the counted noun (`units`, `money`);
5. names, codes and list enumerators with digits are dropped (`exclusions`);
6. *qualifiers*: sign, bound, change, to the left and to the right (`qualifiers`).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from claimx.nlp.deps import OBJECTS, SUBJECTS
from claimx.nlp.numbers import ARTICLES, can_start_number, is_year_like
from claimx.nlp.quantities.ages import age_before, age_decade
from claimx.nlp.quantities.exclusions import (
    bracketed_enumerator,
    glued_code,
    hyphenated_name,
    list_enumerator,
    name_after,
    name_before,
)
from claimx.nlp.quantities.money import Hit, change_and_level_rate, currency_before, minor_currencies
from claimx.nlp.quantities.numerals import bounded_article, read_core
from claimx.nlp.quantities.qualifiers import finish_left, read_right
from claimx.nlp.quantities.ranges import (
    apply_range,
    dimensions,
    join_from_to,
    join_intervals,
    one_in_n,
    opens_transition,
    read_range,
    score_pair,
    vote_tally,
)
from claimx.nlp.quantities.state import Core, Found, View
from claimx.nlp.quantities.unitlookup import UnitRef
from claimx.nlp.quantities.units import (
    counted_rate,
    counted_unit,
    fraction_of,
    has_unit_after,
    person_count,
    read_per,
    read_unit,
    shared_unit,
    unit_at,
    vague_unit,
)
from claimx.rulefiles import word_list

Year = tuple[int, int, int]  # (start token, end token, year)


def read_all(v: View, ranks: dict[int, Found]) -> tuple[list[Found], list[Year]]:
    """Every quantity of the Doc, left to right, and the numbers read as years."""
    doc = v.doc
    years: list[Year] = []
    found: list[Found] = []
    i = 0
    while i < len(doc):
        if i in ranks:
            found.append(ranks[i])
            i = ranks[i].end
            continue
        n_years = len(years)
        q = age_decade(v, i) or read_quantity(v, i, years)
        if q is None:
            i = years[-1][1] if len(years) > n_years else i + 1  # past a span of years ("1995-01")
            continue
        if q.low is not None and q.low == q.high and q.unit is None:
            i = q.end  # "tied Game 7 at 89-89", "a 50-50 split": a score or a share, not a range
            continue
        found.append(q)
        i = max(q.end, i + 1)
    found = dimensions(v, join_intervals(v, join_from_to(v, found)))
    propagate(v, found)
    minor_currencies(v, found)
    change_and_level_rate(v, found)
    return found, years


def read_quantity(v: View, i: int, years: list[Year]) -> Found | None:
    """The quantity starting at token i, or None (a year found there goes to `years`)."""
    doc = v.doc
    text = doc[i].text
    nxt = doc[i + 1].text if i + 1 < len(doc) and text.lower() in ARTICLES else None  # "a third", "an eighth"
    if not can_start_number(text, nxt) and not (nxt is not None and bounded_article(v, i)):
        return None
    q = _multiplier(v, i)
    if q is not None:
        return finish_left(v, q, None, ["num-multiplier"])
    cur_hit = currency_before(v, i, max(0, i - 3))
    core = read_core(v, i, money=cur_hit is not None)
    if core is None or any(k in v.excluded for k in range(core.start, core.end)):
        return None
    if hyphenated_name(v, i, core) or score_pair(v, core.start) or score_pair(v, core.start - 2):
        return None  # "COVID-19"; "finished 3-1": a score
    q = Found(
        start=core.start, end=core.end, value=core.value, low=core.low, high=core.high, core=(core.start, core.end)
    )
    rules = list(core.rule_ids)
    if core.approximate:
        q.bound = "~"
        rules.append("bound-uncertainty")
    rng = read_range(v, core, cur_hit) if core.value is not None else None
    bounded = _bounded(v, core, cur_hit)
    if _is_year(v, core, cur_hit, bounded, rng, years):
        return None
    if rng is not None:
        rules += apply_range(v, q, core, rng, cur_hit)
    else:
        rules += _ids(one_in_n(v, q, core))
    if name_after(v, q, core, cur_hit):
        return None
    rules += _read_unit(v, q, core, cur_hit, rules)
    if (
        q.unit is None
        and q.low is None
        and (vote_tally(v, core.start, core.end + 1) or vote_tally(v, core.start - 2, core.start))
    ):
        q.unit, q.kind = "vote", "count"
        rules.append("unit-vote-tally")
    if q.unit is None and q.low is None:
        rules += _ids(suspended_hyphen(v, q, core))
    if core.words and q.unit is None and not core.scaled and not core.fraction and not _stands_alone(v, core, bounded):
        return None  # "the two met", "at one point": a single number word with nothing counted
    if core.words and q.unit is None and q.kind == "other":
        q.kind = "ratio" if core.fraction else "count"
    if _rejected(v, q, core, cur_hit, bounded):
        return None
    read_right(v, q, core, rules)
    return finish_left(v, q, cur_hit, rules)


SUSPENDED_GAP = frozenset({",", "and", "or", "to", "-"})


def suspended_hyphen(v: View, q: Found, core: Core) -> str | None:
    """'four-, five- and six-cylinder engines', 'two- and three-bedroom flats', '10- to 30-year bonds': a
    number whose hyphen hangs shares the noun written once, after the last number of the coordination
    ('to' makes the two one range)."""
    doc, k = v.doc, core.end
    if not (k + 1 < len(doc) and doc[k].text == "-" and doc[k - 1].whitespace_ == ""):
        return None
    if not (doc[k].whitespace_ or doc[k + 1].text == ","):
        return None
    gap: list[str] = []
    for j in range(k + 1, min(len(doc) - 1, k + 9)):
        tok = doc[j]
        if tok.text == "-" and tok.whitespace_ == "" and doc[j - 1].whitespace_ == "" and doc[j + 1].is_alpha:
            later = read_quantity(v, j - 1, []) if doc[j - 1].like_num else None
            if later is None or later.unit is None or later.low is not None or later.value is None:
                return None
            q.unit, q.unit_expr, q.kind = later.unit, later.unit_expr, later.kind
            if gap == ["to"]:
                q.value, q.low, q.high, q.end = None, core.value, later.value, later.end
                return "range-suspended-hyphen"
            return "unit-suspended-hyphen"
        if tok.lower_ not in SUSPENDED_GAP and not tok.like_num:
            return None
        if not tok.like_num:
            gap.append(tok.lower_)
    return None


def _stands_alone(v: View, core: Core, bounded: bool) -> bool:
    """A number written in words without a counted noun is still a number when it is more than one word
    ("one hundred and sixteen", "twenty-one"), signed ("minus one"), compared ("more than three"; not
    "nearly zero"), or all the sentence says ("Seventy.")."""
    doc = v.doc
    compared = bounded and _comparison_before(v, core)
    if core.n_words >= 2 or compared or (core.start > 0 and doc[core.start - 1].lower_ in v.lex.negative):
        return True
    if _nominal_count(v, core) or opens_transition(v, core):
        return True
    start = v.sent_starts[core.start]
    end = next((k for k in range(core.end, len(doc)) if v.sent_starts[k] != start), len(doc))
    return all(t.is_punct or t.is_space for t in [*doc[start : core.start], *doc[core.end : end]])


def _nominal_count(v: View, core: Core) -> bool:
    """A number word that is itself the subject or object of a clause counts people or things the text
    names elsewhere: "Three were killed", "seven were women", "police arrested five". Not "one" (a
    pronoun as often as a number), not after a determiner or possessive ("the two met", "her three"),
    and not an object of a preposition ("at one point", "in two")."""
    doc = v.doc
    tok = doc[core.end - 1]
    if core.value is None or core.value < 2 or tok.dep_ not in SUBJECTS | OBJECTS | {"attr"}:
        return False
    if any(t.dep_ in ("det", "poss") for t in tok.lefts):
        return False
    before = doc[core.start - 1] if core.start > v.sent_starts[core.start] else None
    return before is None or before.pos_ not in ("DET", "PRON") and before.tag_ != "PRP$"


def _comparison_before(v: View, core: Core) -> bool:
    hit = v.lex.bounds_before.ending(v.doc, core.start, v.sent_starts[core.start])
    return hit is not None and hit[1].bound in (">", ">=", "<", "<=")


def _ids(rule_id: str | None) -> list[str]:
    return [rule_id] if rule_id else []


def _multiplier(v: View, i: int) -> Found | None:
    """'doubled', 'tripled', 'twice', 'tenfold': a ratio, up or down when it is a verb."""
    t = v.doc[i]
    table = v.lex.multiplier
    if t.lower_ not in table:
        return None
    bare = _bare_multiplier(t)
    if not (t.pos_ == "VERB" or bare or t.lower_ in ("twice", "thrice") or t.lower_.endswith("fold")):
        return None
    moves = t.pos_ == "VERB" or bare
    direction = ("down" if table[t.lower_] < 1 else "up") if moves else None
    return Found(
        start=i,
        end=i + 1,
        value=table[t.lower_],
        unit="times",
        unit_text=t.text,
        kind="ratio",
        change=direction,
        core=(i, i + 1),
        head=i,
    )


BARE_MULTIPLIER_LEAD = frozenset({"than", "nearly", "almost", "roughly", "about", "approximately"})


def _bare_multiplier(t) -> bool:
    """'staff more than triple during a turnaround', 'costs could more than double by 2030': a multiplier's
    base form the tagger reads as an adjective is one after a bound ('more than', 'nearly'), used on its own."""
    doc = t.doc
    if t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM"):
        return False  # "more than double digits", "more than double previous predictions": a comparison's
    #                   modifier, not the figure's own move
    return t.i > 0 and t.lower_ in ("double", "triple", "quadruple") and doc[t.i - 1].lower_ in BARE_MULTIPLIER_LEAD


PARTICIPLE_BOUNDS = {"estimated", "projected"}


def _bounded(v: View, core: Core, cur_hit: Hit | None) -> bool:
    """Is the number qualified by a bound phrase ('more than 2,000')? '$10 billion less than 2024.' is not."""
    doc = v.doc
    bhit = v.lex.bounds_before.ending(doc, cur_hit[0] if cur_hit else core.start, v.sent_starts[core.start])
    compared_year = (
        bhit is not None and doc[core.start - 1].lower_ == "than" and (core.end >= len(doc) or doc[core.end].is_punct)
    )
    return bhit is not None and not compared_year and not _estimated_year(v, core, bhit[0])


def _estimated_year(v: View, core: Core, bound_start: int) -> bool:
    """'Estimated 2024 global copper output rose 3%': a participle without an article before a year-like
    number that counts no plural noun qualifies the noun of that year, not the number ('an estimated 2000
    people', 'estimated 2000 deaths' stay bounded counts)."""
    doc, num = v.doc, core.numeral
    if doc[bound_start : core.start].text.lower() not in PARTICIPLE_BOUNDS or num is None:
        return False
    if not is_year_like(num) or num.has_separator or core.end >= len(doc):
        return False
    return doc[core.end].tag_ not in ("NNS", "NNPS") and not has_unit_after(v, core.end)


def _is_year(v: View, core: Core, cur_hit: Hit | None, bounded: bool, rng, years: list[Year]) -> bool:
    """A four-digit number in the range of years, without money, scale, bound or unit: a year, set aside."""
    num = core.numeral
    if num is None or not is_year_like(num) or core.scaled or cur_hit is not None:
        return False
    if bounded and not _baseline_year(v, core):
        return False
    if rng is not None and _year_range(core, rng[0]) and not _figure_after_year(v, core, rng[0]):  # "2023-24"
        years.append((core.start, rng[1], int(core.value)))
        return True
    split = split_year_end(v.doc, core.end, int(core.value))
    if split is not None:  # "2025/26": a marketing, crop or fiscal year, not a year and a 26
        years.append((core.start, split, int(core.value)))
        return True
    if rng is not None and _number_range(v, core, rng[0]):
        return False  # "1000 - 5000" is a range of numbers
    if not has_unit_after(v, core.end):
        years.append((core.start, core.end, int(core.value)))
        return True
    return False


def _baseline_year(v: View, core: Core) -> bool:
    """'up 14% over 2017', '5 percent above 2019 levels': a year after "over" or "above" right after a figure
    is the baseline of a comparison, not a bounded number."""
    doc, k = v.doc, core.start
    if k < 2 or doc[k - 1].lower_ not in ("over", "above") or core.numeral.has_separator:
        return False
    before = doc[k - 2]
    return before.text == "%" or before.like_num or before.lower_ in ("percent", "pct", "points", "cent")


def split_year_end(doc, k: int, year: int) -> int | None:
    """The end of a split year ('2025/26', '2025/2026') whose first year ends at token k, or None."""
    if k + 1 >= len(doc) or doc[k].text != "/" or not doc[k + 1].text.isdigit():
        return None
    second = doc[k + 1].text
    if (len(second) == 2 and int(second) == (year + 1) % 100) or (len(second) == 4 and int(second) == year + 1):
        return k + 2
    return None


def _year_range(core: Core, core2: Core) -> bool:
    """'2020-2025', '2013-14', '1995-01': a span of years (or a year and a month), not a range of numbers
    ('1000 - 5000'): the second end is a later year, or two digits."""
    num2 = core2.numeral
    if num2 is None or num2.has_decimal or num2.has_separator:
        return False
    if num2.n_digits == 2:
        return True
    return num2.n_digits == 4 and is_year_like(num2) and num2.value > core.value


def _figure_after_year(v: View, core: Core, core2: Core) -> bool:
    """'from 20 mpg in 2008 to 29 mpg in 2020': two digits with a unit of their own after a year and 'to'
    are the next figure, not the end of a span of years ('2013-14', '2013 to 14')."""
    num2 = core2.numeral
    joined_by_to = core.end < len(v.doc) and v.doc[core.end].lower_ == "to"
    return joined_by_to and num2 is not None and num2.n_digits == 2 and has_unit_after(v, core2.end)


def _number_range(v: View, core: Core, core2: Core) -> bool:
    """'1000 - 5000', '1500-3000': a dash between two plain integers, the second the larger and no year."""
    num2 = core2.numeral
    dash = core.end < len(v.doc) and v.doc[core.end].text in ("-", "–")
    return dash and num2 is not None and not num2.has_decimal and num2.value > core.value and not is_year_like(num2)


def _read_unit(v: View, q: Found, core: Core, cur_hit: Hit | None, rules: list[str]) -> list[str]:
    """The unit rules in order of precedence: currency or lexicon unit, vague 'of X', a shared unit, a
    fraction's whole, the counted noun."""
    if "rank-out-of" in rules:
        return []
    out = read_unit(v, q, core, cur_hit) + _ids(age_before(v, q))
    if q.unit is None and q.kind != "ratio" and core.low is not None:
        out += _ids(vague_unit(v, q))
    if q.unit is None and q.kind != "ratio":
        out += _ids(shared_unit(v, q))
    if q.unit is None and core.fraction and not core.scaled:
        out += _ids(fraction_of(v, q))
    if q.unit is None and (q.kind != "ratio" or "ratio-one-in-n" in rules):
        counted = _ids(counted_unit(v, q, core))
        out += counted + (_ids(counted_rate(v, q)) if counted == ["unit-counted-noun"] else [])
    counted = q.unit is not None and any(r.startswith("unit-counted") for r in out)
    if "ratio-one-in-n" in rules and (q.unit is None or counted):
        # "One in five teachers are absent": a share of the teachers (0.2, unit fraction), as "a fifth of"
        if q.unit is not None:
            q.measured_head = q.end - 1
        q.unit, q.unit_expr, q.kind = "fraction", "fraction", "ratio"
        out.append("unit-fraction-one-in-n")
    return out


def _rejected(v: View, q: Found, core: Core, cur_hit: Hit | None, bounded: bool) -> str | None:
    """A bare number that is part of a name, a list enumerator or a code."""
    if not core.words and bracketed_enumerator(v, core):
        return "not-list-enumerator"
    if core.words:
        return None
    if q.low is None and cur_hit is None:
        why = name_before(v, q, core, bounded)
        if why:
            return why
    if q.unit is not None:
        return None
    return list_enumerator(v, core) or glued_code(v, core)


def propagate(v: View, found: list[Found]) -> None:
    """A figure elided or restated right after another shares its unit and qualifiers.

    "for an additional 31": the counted noun of the count before it (not of the base of a rate, "per
    100,000 people"); "up 0.25 points, or 0.01%": a rise
    too; "more than 100 kilometers (60 miles)": the same bound.
    """
    doc = v.doc
    for k, b in enumerate(found):
        if b.unit is None and b.kind == "other" and b.low is None and b.value is not None:
            nxt = v.tok(b.end)
            if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM"):
                continue
            prev = next(
                (
                    a
                    for a in reversed(found[:k])
                    if a.kind == "count"
                    and a.unit
                    and v.same_sentence(a.start, b.start)
                    and not _denominator(v, a)
                    and "unit-elided-rate" not in a.rule_ids  # a rate put together from a borrowed noun
                ),
                None,
            )
            if _number_of(v, b, prev):
                continue
            per = read_per(v, b.end) if prev is not None else None
            if prev is not None and per is not None:
                _elided_numerator(b, prev, per, doc[b.end : per[0]].text)
            elif prev is not None:
                b.unit, b.kind = prev.unit, "count"
                b.measured_head = prev.measured_head if prev.measured_head is not None else prev.head
                b.rule_ids.append("unit-elided")
            elif doc[b.end - 1].lower_ in v.lex.magnitude:
                _elided_measure(v, found[:k], b)
        if b.unit is None or b.unit == "other":
            b.rule_ids += _ids(person_count(v, b))
    for a, b in pairwise(found):
        between = [t.text.lower() for t in doc[a.end : b.start]]
        if between and between[0] in v.lex.change_nouns and a.change is not None:
            between = between[1:]  # "a 5.9 percent increase (or $48.2 million)": restated past its noun
        if (
            between[:1] == ["to"]
            and len(between) <= 3
            and all(t.pos_ in ("ADP", "DET", "ADJ", "NOUN") for t in doc[a.end + 1 : b.start])  # "to a record"
            and (a.change is not None or (a.start > 0 and doc[a.start - 1].pos_ == "VERB"))  # "raised 7.4 tons to"
            and a.unit
            and a.kind not in ("percent", "percentage_point", "ratio")
            and b.unit is None
            and b.low is None
            and doc[b.end - 1].lower_ in v.lex.magnitude  # "271.4 million": the noun left out after a scale
        ):
            # "raised 7.4 million tons to 271.4 million": the level reached is in the change's unit
            b.unit, b.unit_expr, b.kind = a.unit, a.unit_expr, a.kind
            b.rule_ids.append("unit-level-of-change")
        if _partitive(v, a, b, between):
            # "less than 20 million of the 150 million chickens": a part counts what the whole counts
            a.unit, a.kind, a.measured_head = b.unit, "count", b.head
            a.rule_ids = [r for r in a.rule_ids if r != "unit-person-verb"] + ["unit-partitive"]
        restated = bool(between) and " ".join(between) in word_list("restatement") or _bracket_pair(v, a, b, between)
        if _noun_transition(v, a, b, between):
            b.change = a.change  # "decelerating from a gain of 0.5 percent in July to 0.3 percent in August"
            b.rule_ids.append("change-noun-transition")
        if restated or (between == ["/"] and a.kind == b.kind):
            _restate(v, a, b, between[0])
        elif a.change is not None and b.change is None and a.kind == b.kind and _gapped(v, a, b):
            b.change = a.change  # "Ross was down 2.3%, Burlington by 2.6%": the verb left out is the same
            b.rule_ids.append("change-gapped")
    for a, b in reversed(list(pairwise(found))):
        _shared_rate(v, a, b)


def _shared_rate(v: View, a: Found, b: Found) -> None:
    """'to average $3.47 and $3.50 per gallon', 'increased 10 cents and 5 cents per gallon', '300 and 450
    tons per day': the rate written once after the last of coordinated figures is every figure's. Only a
    list conjunction or a comma between them, and the earlier one in the same unit without a rate
    (`unit-per-shared`)."""
    between = [t.lower_ for t in v.doc[a.end : b.start]]
    if not between or any(w not in (",", "and", "or") for w in between):
        return
    if a.unit is None or b.unit is None or " per " in a.unit or not b.unit.startswith(f"{a.unit} per "):
        return
    a.unit, a.unit_expr, a.kind = b.unit, b.unit_expr, b.kind
    a.rule_ids.append("unit-per-shared")


def _partitive(v: View, a: Found, b: Found, between: list[str]) -> bool:
    """Is bare figure `a` a part of the counted whole `b` ('20 million of the 150 million chickens', '12 of
    its 40 stores')? Only 'of' and a determiner or possessive pronoun lie between."""
    return (
        (a.unit is None or "unit-person-verb" in a.rule_ids)
        and a.low is None
        and a.value is not None
        and b.kind == "count"
        and b.unit is not None
        and b.low is None
        and 2 <= len(between) <= 2
        and between[0] == "of"
        and v.doc[a.end + 1].tag_ in ("DT", "PRP$")
        and (b.value is None or a.value <= b.value)
    )


def _gapped(v: View, a: Found, b: Found) -> bool:
    """Is `b` the figure of a clause that leaves out the verb of `a`'s ("Exports rose 5% in May and imports
    3%", "Ross was down 2.3%, Burlington by 2.6%")? After the last comma or 'and' between them comes only
    a short noun phrase, the new subject, and perhaps 'by'; no verb anywhere between."""
    if not v.same_sentence(a.start, b.start):
        return False
    gap = list(v.doc[a.end : b.start])
    if any(t.pos_ in ("VERB", "AUX") for t in gap):
        return False
    cut = max((i for i, t in enumerate(gap) if t.lower_ in (",", "and", ";")), default=None)
    if cut is None:
        return False
    subject = gap[cut + 1 :]
    if subject and subject[-1].lower_ == "by":
        subject = subject[:-1]
    return (
        0 < len(subject) <= 4
        and subject[-1].pos_ in ("NOUN", "PROPN")
        and all(t.pos_ in ("NOUN", "PROPN", "DET", "ADJ", "PART") for t in subject)
    )


def _denominator(v: View, a: Found) -> bool:
    """Is the count the base of a rate ('the highest death rate per 100,000 people were Angola (56.93)')? It
    lends no unit: 56.93 is a rate, not 56.93 people."""
    return a.start > 0 and v.doc[a.start - 1].lower_ in ("per", "every")


def _number_of(v: View, b: Found, prev: Found | None) -> bool:
    """'Bork waited the greatest number of days (108), followed by Thomas (99)': a bare figure after "the
    number of X" in its sentence, X a unit of measure, with no count between, is in X; sets `b`'s unit
    (`unit-number-of`)."""
    doc, start = v.doc, v.sent_starts[b.start]
    floor = max(start, prev.end if prev is not None else start)
    for i in range(b.start - 2, floor, -1):
        if doc[i].lower_ == "of" and doc[i - 1].lower_ == "number" and doc[i + 1].tag_ in ("NNS", "NNPS"):
            hit = unit_at(v, i + 1)
            if hit is None:
                return False  # "the number of refugees ... 230,000": a count, read by the concept rules
            b.unit, b.kind, b.unit_expr = hit[1].unit, hit[1].kind, hit[1].expr
            b.rule_ids.append("unit-number-of")
            return True
    return False


def _elided_numerator(b: Found, prev: Found, per: tuple[int, Any], text: str) -> None:
    """'1,822 housing units at an average density of 1,115.1 per square mile (430.5/km²)': a bare figure
    over a unit of its own counts the noun of the count before it, over its own unit (`unit-elided-rate`):
    housing units per square mile, then per square kilometer."""
    end, per_unit = per
    noun = prev.unit.split(" per ")[0]
    b.unit = f"{noun} per {per_unit.unit if isinstance(per_unit, UnitRef) else per_unit}"
    b.kind, b.unit_expr, b.unit_text, b.end = "count", None, text, end
    b.measured_head = prev.measured_head if prev.measured_head is not None else prev.head
    b.rule_ids.append("unit-elided-rate")


def _elided_measure(v: View, before: list[Found], b: Found) -> None:
    """'forecast at 152.7 million cwt, and ... is at 54.7 million', 'at 16.8 billion bushels, down 62 million':
    a scaled bare figure takes the unit of measure of the figure before it in the sentence."""
    prev = next((a for a in reversed(before) if a.unit and v.same_sentence(a.start, b.start)), None)
    if prev is None or prev.kind in ("percent", "percentage_point", "ratio", "rank", "count", "duration", "age"):
        return  # "(those jobless for 27 weeks or more) was little changed at 1.1 million": not weeks
    b.unit, b.unit_expr, b.kind = prev.unit.split(" per ")[0] if b.change else prev.unit, prev.unit_expr, prev.kind
    if b.unit != prev.unit:
        b.unit_expr = None
    b.rule_ids.append("unit-elided")


def _noun_transition(v: View, a: Found, b: Found, between: list[str]) -> bool:
    """'from a gain of 0.5 percent in July to 0.3 percent': the level a change noun's rate reaches is that
    change too, in the same unit, a few words on."""
    if b.change is not None or a.change is None or a.kind != b.kind or "to" not in between[-1:] or len(between) > 5:
        return False
    if not any(r.startswith("change-noun") for r in a.rule_ids):
        return False
    before = [t.lower_ for t in v.doc[max(a.start - 5, 0) : a.start]]
    return "from" in before and before[-1:] == ["of"]


def _bracket_pair(v: View, a: Found, b: Found, between: list[str]) -> bool:
    """'(up $21.0 billion, 23%, to $112.9 billion)', 'DOD (up $4.9 billion; 3%)': a change's amount and its
    percentage side by side in one bracket state one change."""
    if between not in ([","], [";"]) or a.change is None or "percent" not in (a.kind, b.kind) or a.kind == b.kind:
        return False
    opened = [t.text for t in v.doc[max(a.start - 3, 0) : a.start]]
    return "(" in opened and ")" not in opened[opened.index("(") :]


def _restate(v: View, a: Found, b: Found, first: str) -> None:
    if b.change is None and a.change is not None:
        b.change = a.change
        b.rule_ids.append("change-restated")
    if (
        a.change is None
        and b.change is not None
        and first == "("
        and any(r.startswith("change-after") for r in b.rule_ids)
    ):
        a.change = b.change  # "18.9 million barrels (18.7%) lower than a year ago": the adverb is both figures'
        a.rule_ids.append("change-restated")
    if b.bound == "=" and a.bound != "=" and first in ("(", "/"):
        b.bound = a.bound
        b.rule_ids.append("bound-restated")
    # "C$6 (US$4.46) per share", "9 billion shekels ($2.4 billion) a year": the rate after the
    # brackets belongs to both figures
    if first == "(" and v.lower(b.end) == ")" and a.kind == b.kind == "currency":
        per = read_per(v, b.end + 1)
        if per is not None:
            for x in (a, b):
                if x.unit and " per " not in x.unit:
                    x.unit = f"{x.unit} per {per[1].unit if isinstance(per[1], UnitRef) else per[1]}"
                    x.rule_ids.append("unit-per")
