"""Ranges and ratios: '70-80%', 'between 5 and 10', '$1.2-1.5 billion', 'from 208 pounds to 193', 'one in four',
'1/16 of a pint'."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from claimx.nlp.numbers import is_year_like
from claimx.nlp.quantities.ages import between_opener
from claimx.nlp.quantities.money import Hit, glued_currency
from claimx.nlp.quantities.numerals import read_core
from claimx.nlp.quantities.state import Core, Found, View
from claimx.nlp.quantities.units import unit_at, word_before
from claimx.rulefiles import load_rules, word_list


def connector(tok: Token) -> str:
    """A token as a range or fraction connector: lower-cased, the fraction slash U+2044 read as '/'."""
    return "/" if tok.text == "\u2044" else tok.lower_


def _connectors() -> frozenset[str]:
    return word_list("range_connector") | {"and"}


def read_range(v: View, core: Core, cur_hit: Hit | None) -> tuple[Core, int] | None:
    """A second number that makes `core` a range; returns (second core, end) or None."""
    doc = v.doc
    j, first_unit = core.end, None
    if cur_hit is None and j < len(doc):
        hit = unit_at(v, j)
        if hit is not None and hit[0] < len(doc) and connector(doc[hit[0]]) in _connectors():
            first_unit, j = hit, hit[0]  # "5 kg to 10 kg"
    if j >= len(doc):
        return None
    conn = connector(doc[j])
    spelled = conn in ("-", "–") and j + 2 < len(doc) and doc[j + 1].lower_ == "to" and doc[j + 2].text == doc[j].text
    if spelled and not (doc[j].whitespace_ or doc[j + 1].whitespace_):
        conn = "to"  # "every 3-to-5 years": a range spelled as one hyphenated word
    else:
        spelled = False
    if conn == "or":
        return _approximate_or(v, core, j) if cur_hit is None and first_unit is None else None
    start = cur_hit[0] if cur_hit is not None else core.start
    before = v.lower(start - 1)
    if conn not in _connectors() or (conn == "and" and before != "between" and not between_opener(v, start)):
        return None
    if conn == "to" and changes_from(v, from_before(v, cur_hit[0] if cur_hit is not None else core.start)):
        return None  # "reduced from 9% to 8%", "rose from a low of 3.4% to 4.1%": two levels (join_from_to marks them)
    k = j + (3 if spelled else 1)
    cur2 = v.lex.cur_symbols.starting(doc, k, min(len(doc), k + 3)) if k < len(doc) else None
    if cur2:
        k = cur2[0]
    if k >= len(doc):
        return None
    core2 = read_core(v, k, money=cur_hit is not None)
    if core2 is None or core2.value is None or any(x in v.excluded for x in range(core2.start, core2.end)):
        return None
    descending = core2.value < core.value and not cur_hit and not (core.numeral and is_year_like(core.numeral))
    if conn in ("-", "–") and (vote_tally(v, core.start, core2.start) or descending):
        return None  # "by a vote of 52-46", "220-212": a range ascends; a descending pair is a tally or score
    if conn == "to" and word_before(v, start) == "by" and _level_after_change(core, core2):
        return None  # "grew by 0.5 million to 8.3 million", "cut by nearly 300 to 2,700": a change and a level
    if conn == "to" and _after_change_verb(v, start) and _level_after_change(core, core2):
        # "fell $1.50 to $24.30", "increased 2,000 to 150,000": a change and a level, each written in full;
        # not "rose 2 to 12 percent", whose unit after the second end is the range's
        if (cur_hit is not None and cur2) or (first_unit is None and unit_at(v, core2.end) is None):
            return None
    if core.fraction and not core2.fraction:
        return None  # "declined by one-third to 6.5 million": a share and a level, never the ends of a range
    has_cur2 = bool(cur2) or glued_currency(v, core2.numeral) is not None
    if has_cur2 and cur_hit is None:
        return None  # "5% to $3 billion": two quantities
    end = core2.end
    if first_unit is not None:
        hit = unit_at(v, core2.end)
        if hit is None or hit[1].unit != first_unit[1].unit:
            return None  # "climbed 0.1% to 1,333.18": the second number is a level
    signed = core.numeral is not None and core.numeral.value < 0  # "-4/5" is no date
    if conn == "to" and before == "from" and core2.value < core.value:
        return None  # "from 9 to 8 percent": a descending pair is a change, never a range
    if conn == "/" and not (has_cur2 or v.lower(end) == "%" or signed):
        # "1/16 of a pint", "1/2 pound": a fraction, read by the caller
        if not (end < len(doc) and (doc[end].lower_ == "of" or unit_at(v, end))):
            return None
    return core2, end


VOTE_WORDS = frozenset(
    {"vote", "votes", "voted", "voting", "tally", "margin", "passed", "approved", "adopted", "confirmed", "rejected"}
)


def vote_tally(v: View, a: int, b: int) -> bool:
    """Are the whole numbers at tokens a and b the two sides of a vote ('by a vote of 52-46', 'voted 7-2', 'a
    50-48 vote')? Joined by a dash with no space, with a vote word just before the first or right after the
    second (`unit-vote-tally`)."""
    return is_vote_tally(v.doc, a, b)


def tally_tokens(doc) -> set[int]:
    """The number tokens of the vote tallies of `doc`: a score pattern never drops them ('by a vote of 52-46
    on a motion')."""
    return {k for a in range(len(doc) - 2) if is_vote_tally(doc, a, a + 2) for k in (a, a + 2)}


def is_vote_tally(doc, a: int, b: int) -> bool:
    """`vote_tally` on a Doc."""
    if not (0 <= a and b == a + 2 < len(doc) and doc[a + 1].text in ("-", "–")):
        return False
    if doc[a].whitespace_ or doc[a + 1].whitespace_ or not (doc[a].is_digit and doc[b].is_digit):
        return False
    if a > 0 and doc[a - 1].text.endswith(".") and len(doc[a - 1]) > 1:
        return False  # "passed P.L. 119-74": a law's number
    near = [t.lower_ for t in doc[max(0, a - 3) : a]] + ([doc[b + 1].lower_] if b + 1 < len(doc) else [])
    return any(w in VOTE_WORDS for w in near)


def score_pair(v: View, a: int) -> bool:
    """Are tokens a and a + 2 a descending pair of whole numbers joined by a dash ('finished 3-1', 'the
    House 220-212')? A range ascends: such a pair is a score or a tally, two figures only in a vote
    (`vote_tally`), else none (`not-score-pair`)."""
    doc = v.doc
    if not (0 <= a and a + 2 < len(doc) and doc[a + 1].text in ("-", "–")) or doc[a].whitespace_:
        return False
    if doc[a + 1].whitespace_ or not (doc[a].is_digit and doc[a + 2].is_digit) or len(doc[a].text) > 3:
        return False
    before = doc[a - 1] if a > 0 else None
    if before is not None and (before.is_currency or before.text in ("-", "–", "/")):
        return False
    if a + 3 < len(doc) and doc[a + 3].text in ("/", "\u2044"):
        return False  # "2-1/2 percent": a mixed fraction
    return int(doc[a + 2].text) < int(doc[a].text) and not vote_tally(v, a, a + 2)


def _approximate_or(v: View, core: Core, j: int) -> tuple[Core, int] | None:
    """'two or three times', 'five or six people', '10 or 12 weeks': two whole numbers of one kind (words or
    digits) joined by 'or', the second a little larger, are one approximate range; alternatives far apart ('1
    or 10'), the end of a list ('eight, ten or twelve') and years ('2019 or 2020') are not."""
    if j + 1 >= len(v.doc):
        return None
    core2 = read_core(v, j + 1, money=False)
    if core2 is None or core.value is None or core2.value is None or core.words != core2.words or core.scaled:
        return None
    if core.numeral is not None and is_year_like(core.numeral):
        return None
    if core.start >= 2 and v.doc[core.start - 1].text == "," and v.doc[core.start - 2].like_num:
        return None  # "eight, ten or twelve euros": the end of a list of alternatives
    a, b = core.value, (core2.unscaled if core2.scaled else core2.value)  # "two or three million"
    if b is None or a != int(a) or b != int(b) or not 0 < a < b <= 2 * a + 1:
        return None
    return core2, core2.end


def _after_change_verb(v: View, start: int) -> bool:
    """Does the figure at `start` follow a change verb right before it ('fell', 'increased')?"""
    prev = v.tok(start - 1)
    return prev is not None and prev.pos_ in ("VERB", "AUX") and prev.lemma_.lower() in change_lemmas()


def _level_after_change(core: Core, core2: Core) -> bool:
    """After 'by' or a change verb, 'X to Y' is a change and the level it reached when Y is more than five times X: the
    ends of a range are of one size ("dropped by 1 to 1.5 degrees"), a level dwarfs its change. The scale of
    Y is shared by a small X ("by 1 to 1.5 million"), not by one written in full ("by 172,000 to 1.6 million")."""
    shared_scale = core2.scaled and not core.scaled and core2.unscaled and abs(core.value or 0) < 1000
    second = core2.unscaled if shared_scale else core2.value
    return core.value is not None and second is not None and 0 < 5 * abs(core.value) < abs(second)


def apply_range(v: View, q: Found, core: Core, rng: tuple[Core, int], cur_hit: Hit | None) -> list[str]:
    """Make `q` the range (or, for 'a/b' before 'of' or a unit, the fraction) `read_range` found."""
    core2, end = rng
    conn = connector(v.doc[core.end]) if core.end < len(v.doc) else ""
    if conn == "/" and v.lower(end) != "%" and core2.value > abs(core.value) > 0 and cur_hit is None:
        q.value = core.value / core2.value  # "1/16 of a pint", "-4/5"
        core.fraction = True
        rules = ["num-fraction"]
    else:
        low, high = core.value, core2.value
        if core2.scaled and not core.scaled and core2.unscaled and abs(core.value) < abs(core2.unscaled) * 10:
            low = core.value * (core2.value / core2.unscaled)  # "1.2-1.5 billion"
        q.value, q.low, q.high = None, low, high
        rules = ["range-" + {"and": "between", "or": "or"}.get(conn, "connector")]
    q.end = end
    q.core = (core.start, end)
    return rules + core2.rule_ids


def one_in_n(v: View, q: Found, core: Core) -> str | None:
    """'one in four', '1 in 257', 'four out of five', '1 in a million': a share written as a count in a whole."""
    k = core.end + 2 if v.lower(core.end) == "out" and v.lower(core.end + 1) == "of" else core.end + 1
    if not (
        core.value is not None
        and k < len(v.doc)
        and (v.lower(core.end) == "in" or k == core.end + 2)
        and core.value >= 1
        and core.value == int(core.value)
    ):
        return None
    c2 = read_core(v, k, money=False)
    if c2 is not None and c2.value and c2.value > core.value and _ranking_position(v, core):
        q.unit, q.unit_text, q.kind = "rank", v.doc[core.start : core.end].text, "rank"
        return "rank-out-of"  # "ranked Bangladesh 157 out of 178 countries": a place in a ranking, not a share
    # a whole up to a thousand, or a round scale ("1 in a million", "one in 10,000")
    small = c2 is not None and c2.value and c2.value <= 1000
    round_scale = c2 is not None and c2.value and c2.value >= 1000 and str(int(c2.value)).rstrip("0") == "1"
    if c2 is not None and c2.value and c2.value > core.value and c2.value == int(c2.value) and (small or round_scale):
        q.value = core.value / c2.value
        q.end = c2.end
        q.core = (core.start, c2.end)
        q.kind = "ratio"
        return "ratio-one-in-n"
    return None


def _ranking_position(v: View, core: Core) -> bool:
    """Is the number a place in a ranking: the object of a verb of ranking ('ranked Bangladesh 157 out of 178'),
    or the complement of a ranking noun ('its world ranking ... was 142 out of 176'; words.jsonl role
    `ranking_word`)?"""
    ranking = word_list("ranking_word")
    tok = v.doc[core.start]
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.lemma_.lower() in ranking:
        return True
    # the parser may take the subject "ranking" for a verb of a clause ("world ranking in 2012 ... was 142")
    subjects = ("nsubj", "nsubjpass", "csubj", "ccomp")
    return any(c.dep_ in subjects and c.i < core.start and c.lemma_.lower() in ranking for c in tok.children)


def join_from_to(v: View, found: list[Found]) -> list[Found]:
    """'from 208 pounds to 193', 'from 21 mpg combined to 23': one range, low and high as written.

    The range reader only joins numbers with nothing between them; here the first figure may carry its
    unit and one modifier ("combined") before "to". The second figure must have the same unit, or none
    (it then takes the first one's); a qualifier of the first qualifies the range ("from about $350 per kg to
    $680 per kg" is approximate), and may be repeated on the second, whose unit a bare first end then takes
    ("from about 38 to about 98 percent"). Figures dated apart ("from 5.6 million b/d in 2011 to 7.5 million
    b/d in 2013") stay two claims, each with its own time.
    """
    out: list[Found] = []
    k = 0
    while k < len(found):
        a = found[k]
        b = found[k + 1] if k + 1 < len(found) else None
        if b is not None and _transition(v, a, b):
            mark_transition(a, b)
            out.append(a)
            k += 1
            continue
        if b is None or not _joinable(v, a, b):
            if b is not None and _level_after_from_range(v, a, b):
                b.unit, b.unit_expr, b.kind = a.unit, a.unit_expr, a.kind  # "from 14-18 mpg to 24"
                b.rule_ids.append("unit-from-to")
            out.append(a)
            k += 1
            continue
        a.low, a.high, a.value = a.value, b.value, None
        a.start, a.end = a.start - 1, b.end
        if a.unit is None:  # "from about 38 to about 98 percent": the second end's unit is the range's
            a.unit, a.unit_expr, a.kind = b.unit, b.unit_expr, b.kind
        a.core = (a.core[0], b.core[1])
        if a.change is None and b.change is not None:
            a.change = b.change
        a.rule_ids = a.rule_ids + ["range-from-to"] + [r for r in b.rule_ids if r not in a.rule_ids]
        out.append(a)
        k += 2
    return out


def from_before(v: View, start: int) -> int:
    """The index of the 'from' that opens the figure at `start`: right before it, or before a reference
    level it is 'of' ('rose from a low of 3.4% to 4.1%', 'fell from a 50-year peak of $5'); else start - 1."""
    if v.lower(start - 1) != "of":
        return start - 1
    k = start - 2
    if k < 0 or v.lower(k) not in word_list("reference_noun"):
        return start - 1
    while k > 0 and k > start - 6 and v.lower(k - 1) != "from":
        k -= 1
    return k - 1 if v.lower(k - 1) == "from" else start - 1


def changes_from(v: View, k: int) -> bool:
    """Is the 'from' at token k the start of a change from one level to another: the preposition of a change
    verb or noun ('reduced from', 'slow slightly from', 'an increase from'; changes.jsonl) or of a verb that
    moves a level (words.jsonl role transition_verb: 'revised from', 'extended from')?"""
    tok = v.tok(k)
    if tok is None or tok.lower_ != "from":
        return False
    head = tok.head
    lemma = head.lemma_.lower()
    return head.i != tok.i and (lemma in change_lemmas() or lemma in word_list("transition_verb"))


@cache
def change_lemmas() -> frozenset[str]:
    """The change verbs and nouns of changes.jsonl ('rise', 'reduce', 'increase', 'decline')."""
    return frozenset().union(*(e.lemmas for e in load_rules("changes") if e.pos in ("verb", "noun")))


def opens_transition(v: View, core: Core) -> bool:
    """'extended from two to four months': a number word that opens a change to a figure with a unit is the
    level left, in that unit (see `mark_transition`)."""
    k = core.end
    if not (core.start > 0 and changes_from(v, core.start - 1) and v.lower(k) == "to" and k + 1 < len(v.doc)):
        return False
    core2 = read_core(v, k + 1, money=False)
    return core2 is not None and core2.value is not None and unit_at(v, core2.end) is not None


def _transition(v: View, a: Found, b: Found) -> bool:
    """'The rate was reduced from 9% to 8%', 'leaped from 46 percent to 85 percent', 'extended from two to four
    months', 'fell from 208 pounds to 193': after a change verb or noun, or whenever the second is the smaller,
    'from X to Y' states the level before and the level after, two figures a fact-checker checks apart (each
    may have its own date or source); 'prices range from $5 to $12' and 'homes from $750,000 to $1 million'
    stay one range."""
    if a.value is None or b.value is None or a.low is not None or b.low is not None or a.start == 0:
        return False
    if v.lower(from_before(v, a.start)) != "from" or not v.same_sentence(a.start, b.start):
        return False
    if a.unit is not None and b.unit is not None and b.unit != a.unit:
        return False
    gap = list(v.doc[a.end : b.start])
    if not gap or gap[-1].lower_ != "to" or not _ignorable_gap(gap[:-1]):
        return False
    return changes_from(v, from_before(v, a.start)) or (
        b.value < a.value and (a.unit is not None or b.unit is not None)
    )


def mark_transition(a: Found, b: Found) -> None:
    """The two levels of a transition: a bare first level takes the second's unit ('from two to four months');
    neither is a rise or fall itself unless signed (rule ids `transition-from`, `transition-to`)."""
    if a.unit is None and b.unit is not None:
        a.unit, a.unit_expr, a.kind = b.unit, b.unit_expr, b.kind
        a.rule_ids.append("unit-from-to")
    elif b.unit is None and a.unit is not None:
        b.unit, b.unit_expr, b.kind = a.unit, a.unit_expr, a.kind
        b.rule_ids.append("unit-from-to")
    for q in (a, b):  # a signed figure is a change itself ("revised from +504,000 to +472,000"), and so is
        # the rate of a change ("Wage growth slowed from 5.2 percent to 4.1 percent")
        if not {"change-plus-sign", "change-minus-sign", "change-rate-of-change-noun"} & set(q.rule_ids):
            q.change = None
    a.rule_ids.append("transition-from")
    b.rule_ids.append("transition-to")


def _joinable(v: View, a: Found, b: Found) -> bool:
    if (
        a.value is None
        or b.value is None
        or a.low is not None
        or b.low is not None
        or a.start == 0
        or v.doc[a.start - 1].lower_ != "from"
        or (a.unit is None and b.unit is None)
        or (a.unit is None and b.bound == "=")  # "from 5 to 10 percent" is read as one range already
        or (a.unit is not None and b.unit is not None and b.unit != a.unit and not a.unit.startswith(f"{b.unit} per "))
        or b.bound not in ("=", a.bound)  # "from about 38 to about 98 percent": one qualifier on each end
        or not v.same_sentence(a.start, b.start)
    ):
        return False
    gap = list(v.doc[a.end : b.start])
    return bool(gap) and gap[-1].lower_ == "to" and _ignorable_gap(gap[:-1])


def _level_after_from_range(v: View, a: Found, b: Found) -> bool:
    """'from about 14-18 mpg to 24': after a range opened by 'from', a bare figure after 'to' is the level
    reached, in the range's unit."""
    return (
        a.low is not None
        and a.unit is not None
        and a.start > 0
        and v.lower(a.start - 1) == "from"
        and b.unit is None
        and b.low is None
        and b.value is not None
        and [t.lower_ for t in v.doc[a.end : b.start]] == ["to"]
    )


def _ignorable_gap(gap: list[Token]) -> bool:
    """Words between 'from X' and 'to Y' that do not break the range: none, or one modifier."""
    if not gap:
        return True
    return len(gap) == 1 and gap[0].is_alpha and gap[0].pos_ in ("ADJ", "ADV", "VERB") and gap[0].is_lower


LOWER_BOUNDS, UPPER_BOUNDS = (">", ">="), ("<", "<=")


def join_intervals(v: View, found: list[Found]) -> list[Found]:
    """'above 1000 and below 1500', 'more than 10 and less than 20', 'no more than 50 and no less than 20':
    a lower and an upper bound joined by 'and' are one range (ends in increasing order, bound '=')."""
    out: list[Found] = []
    k = 0
    while k < len(found):
        a = found[k]
        b = found[k + 1] if k + 1 < len(found) else None
        if b is None or not _interval(v, a, b):
            out.append(a)
            k += 1
            continue
        low, high = sorted((a.value, b.value))
        a.value, a.low, a.high, a.bound = None, low, high, "="
        a.end, a.core = b.end, (a.core[0], b.core[1])
        a.unit, a.kind, a.unit_expr = a.unit or b.unit, a.kind if a.unit else b.kind, a.unit_expr or b.unit_expr
        a.rule_ids = a.rule_ids + ["range-interval"] + [r for r in b.rule_ids if r not in a.rule_ids]
        out.append(a)
        k += 2
    return out


def _interval(v: View, a: Found, b: Found) -> bool:
    bounds = {a.bound, b.bound}
    if a.value is None or b.value is None or not (bounds & set(LOWER_BOUNDS) and bounds & set(UPPER_BOUNDS)):
        return False
    lower, upper = (a, b) if a.bound in LOWER_BOUNDS else (b, a)
    if lower.value >= upper.value or not v.same_sentence(a.start, b.start):
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False
    gap = [t.lower_ for t in v.doc[a.end : b.start]]
    return gap in (["and"], [",", "and"], ["but"])


DIMENSION_SIGNS = frozenset({"x", "×", "by"})


def dimensions(v: View, found: list[Found]) -> list[Found]:
    """'30 x 40 cm', '3 by 4 feet': the sides of a dimension are two figures in the unit written after the
    last (`unit-dimension`)."""
    for a, b in zip(found, found[1:], strict=False):
        gap = [t.lower_ for t in v.doc[a.end : b.start]]
        if (
            a.unit is None
            and a.value is not None
            and b.unit_expr
            and b.kind == "length"
            and gap in (["x"], ["×"], ["by"])
        ):
            a.unit, a.unit_expr, a.kind = b.unit, b.unit_expr, b.kind
            a.rule_ids.append("unit-dimension")
    return found
