"""What qualifies a number: a sign, a bound ("upwards of", "or more", "exceeds"), a direction of change.

`finish_left` reads leftwards from the number (sign, range opener, bound phrase, change adverb), then the
verb the quantity is the object of (bound verbs, change verbs and nouns); `read_right` reads a trailing
bound, a plus sign and a change adverb after it. Each rule returns its rule id, or None.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimx.nlp.deps import ADVERBIALS, CHANGE_VERB_ARGS, NOUN_MODIFIERS, OBJECTS, SUBJECTS, phrase_head
from claimx.nlp.numbers import can_start_number
from claimx.nlp.quantities.money import Hit
from claimx.nlp.quantities.state import Core, Found, View
from claimx.nlp.quantities.units import word_before
from claimx.rulefiles import word_list

# what a minus sign before a figure marks as a fall rather than a negative level (not "-5°C", not "-$3")
SIGNED_CHANGE_UNITS = ("percent", "percentage point", "basis point", "point")
NEGATED_BOUND = {">": "<=", "<": ">=", ">=": "<", "<=": ">"}


def finish_left(v: View, q: Found, cur_hit: Hit | None, rules: list[str]) -> Found:
    """Extend `q` leftwards over its qualifiers, then read bound and change from its verb; sets `q.rule_ids`."""
    doc, lex = v.doc, v.lex
    sent_start = v.sent_starts[q.start]
    s = cur_hit[0] if cur_hit is not None else q.start
    s = _sign(v, q, s, sent_start, rules)
    if q.low is not None and s > sent_start and doc[s - 1].lower_ in word_list("range_opener"):
        s -= 1
    if s > sent_start + 1 and doc[s - 1].text in ("-", "–") and doc[s - 1].whitespace_ == "":
        if lex.bounds_before.ending(doc, s - 1, s - 2):
            s -= 1  # "sub-7 nanometer"
    s = _bound_before(v, q, s, sent_start, rules)
    prev = v.tok(s - 1) if s > sent_start else None
    if prev is not None and prev.lower_ in lex.change_before and q.change is None and prev.dep_ != "prt":
        q.change, rid = lex.change_before[prev.lower_]  # "gave up 517 yards" is no rise
        rules.append(rid)
    q.start = s
    if q.head is None:
        q.head = phrase_head(doc[q.core[0] : max(q.end, q.core[0] + 1)]).i  # the number and its unit, no qualifiers
    rid = _bound_verb(v, q)
    if rid:
        rules.append(rid)
    level = s > sent_start and doc[s - 1].lower_ in word_list("level_preposition")  # "rose 5% to $3bn": a level
    pace = level and q.kind == "percent" and doc[s - 1].lower_ == "at" and doc[s - 1].head.pos_ == "VERB"
    if q.change is None and pace and verb_change(doc[s - 1].head, lex)[0] is not None:
        q.change, rid = verb_change(doc[s - 1].head, lex)  # "with GDP rising at 2.3 percent": the pace of the rise
        rules.append(rid)
    if q.change is None and not level:
        q.change, rid = syntactic_change(v, q)
        if q.change is None:  # whatever the parse made of the words between ("by a whopping 30 per cent")
            q.change, rid = _change_by_preposition(v, q)
        if rid:
            rules.append(rid)
    if q.change is None and q.kind == "percent":
        q.change, rid = rate_of_change_subject(v, q)
        if rid:
            rules.append(rid)
    q.rule_ids = rules
    return q


def _sign(v: View, q: Found, s: int, sent_start: int, rules: list[str]) -> int:
    """'minus 5', 'negative 3', 'minus-5': negate the figure."""
    doc, negative = v.doc, v.lex.negative
    if s > sent_start + 1 and doc[s - 1].text in ("-", "–") and doc[s - 2].lower_ in negative:
        s -= 1  # "minus-5"
    if s > sent_start and doc[s - 1].lower_ in negative:
        q.negate()
        s -= 1
        rules.append("num-negative")
    elif s > 0 and doc[s - 1].text in ("+", "-", "−") and not doc[s - 1].whitespace_ and doc[s].is_currency:
        sign = doc[s - 1].text  # "+$70", "-$3 million": a sign before the currency (the parser may have put
        s -= 1 if s > sent_start else 0  # a table cell's sign in a sentence of its own: the span keeps out)
        if sign == "+" and q.change is None:
            q.change = "up"  # an explicit plus sign reports a rise
            rules.append("change-plus-sign")
        elif sign != "+":
            q.negate()
            rules.append("num-negative")
    return s


def _bound_before(v: View, q: Found, s: int, sent_start: int, rules: list[str]) -> int:
    """A bound phrase before the number ('upwards of', 'at least', 'about'); returns the new start."""
    doc = v.doc
    hit = v.lex.bounds_before.ending(doc, s, sent_start)
    if (
        hit is not None
        and hit[0] == s - 1
        and doc[s - 1].dep_ == "prep"
        and doc[s - 1].head.pos_ == "VERB"
        and doc[s - 1].lower_ in word_list("verb_preposition")
        and not q.start <= doc[s - 1].head.i < q.end
        and q.kind not in SHARE_OR_MONEY_KINDS
    ):
        return s  # "organized around four pillars": a preposition of the verb, not a qualifier
    if hit is not None and hit[0] == s - 1 and _finite_verb(doc[s - 1]):
        return s  # "The Administration estimated $1.94 billion": the clause's verb, not "an estimated"
    if hit is not None and doc[hit[0]].lower_ == "up" and hit[0] > sent_start:
        verb = doc[hit[0] - 1]
        if verb.lower_ == "back" and hit[0] - 1 > sent_start:
            verb = doc[hit[0] - 2]  # "moved back up to 275,000"
        if verb.pos_ == "VERB" and verb.lemma_.lower() in word_list("up_verb"):
            return s  # "edged up to 60.4 percent": the verb's particle and a level, not "up to" (at most)
    if hit is not None and not (hit[1].bound == "=" and q.kind == "rank"):
        q.bound = hit[1].bound
        rules.append(hit[1].id)
        return hit[0]
    if hit is None and s > sent_start + 1 and doc[s - 1].lower_ in ("a", "an") and _modifies_noun(doc, q):
        # "more than a 2 percent pace", "less than a 1 percent chance": the bound before the article (its
        # last word one of ARTICLE_CROSSING_BOUNDS)
        hit = v.lex.bounds_before.ending(doc, s - 1, sent_start)
        crossing = hit is not None and (
            doc[s - 2].lower_ in ARTICLE_CROSSING_BOUNDS
            or (doc[s - 2].lower_ in ("about", "around") and doc[s - 2].dep_ in ("advmod", "quantmod"))
        )  # "holds about a 2 percent share"; not "worried about a 10 percent cut", a preposition
        if crossing and hit[1].bound in (">", "<", ">=", "<=", "~") and not _finite_verb(doc[s - 2]):
            q.bound = hit[1].bound
            rules.append(hit[1].id)
            return hit[0]
    if hit is None and s > sent_start and doc[s - 1].lower_ == "within" and q.low is None and doc[s].like_num:
        q.bound = "<="  # "within 14 days", "within 5 miles": at most; not "within the last 10 years", a range
        rules.append("bound-within")
        return s - 1
    return s


# an amount of money or a share after "about"/"around" is approximate even when the parser makes the word a
# preposition of the verb ("allocated about half of its funding", "spent around $5 million")
SHARE_OR_MONEY_KINDS = frozenset({"currency", "percent", "ratio"})


# bound words that reach past an article to the figure ("more than a 2 percent pace", "nearly a 10 percent
# rise"), and "about"/"around" when the parser makes them modifiers; not prepositions, whose article opens
# their own object ("over a 37-year mine life")
ARTICLE_CROSSING_BOUNDS = frozenset({"than", "nearly", "almost", "roughly", "approximately"})


def _modifies_noun(doc, q: Found) -> bool:
    """Does the figure modify a noun right after it ('a 2 percent pace', 'a $5 million grant')?"""
    return q.end < len(doc) and doc[q.end].pos_ == "NOUN" and doc[q.end - 1].head.i >= q.end


def _finite_verb(tok: Token) -> bool:
    """A finite verb with its own subject ('Officials estimated 500 deaths'): it says who reckons the figure
    (modality and source read it), it does not qualify the number."""
    return tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ in SUBJECTS for c in tok.children)


def _bound_verb(v: View, q: Found) -> str | None:
    """'exceeds 35 degrees', 'topped $1 billion', 'did not exceed 5%': a bound from the verb of the object."""
    head = v.doc[q.head]
    verb = head.head
    entry = v.lex.bound_verbs.get(verb.lemma_.lower())
    objectlike = head.dep_ in OBJECTS or head.dep_ == "npadvmod" and head.i > verb.i  # "did not exceed 4%"
    if q.bound != "=" or not objectlike or entry is None:
        return None
    negated = any(c.dep_ == "neg" for c in verb.children)
    q.bound = NEGATED_BOUND.get(entry.bound, entry.bound) if negated else entry.bound
    return entry.id


PARTICLE_DIRECTION = {"down": "down", "lower": "down", "downward": "down", "up": "up", "higher": "up", "upward": "up"}


def verb_change(verb: Token, lex) -> tuple[str | None, str | None]:
    """(direction, rule id) of a change verb: its lexicon direction, unless a particle says otherwise ('edged
    down by 0.1 hour', 'inched lower'); 'raise' is a change when passive or with 'by' ('Exports are raised
    100 million bushels', 'raised rates by 0.25 point'), not in 'raised $50 million from investors'."""
    lemma = verb.lemma_.lower()
    hit = lex.change_verbs.get(lemma)
    if (
        hit is None
        and lemma == "raise"
        and any(c.dep_ == "auxpass" or (c.dep_ == "prep" and c.lower_ == "by") for c in verb.children)
    ):
        hit = ("up", "change-verb-raised")
    if hit is None:
        return _phrasal_change(verb)
    for c in verb.children:
        if c.dep_ in ("prt", "advmod") and c.lower_ in PARTICLE_DIRECTION and PARTICLE_DIRECTION[c.lower_] != hit[0]:
            # right after the verb ("edged down", "inched slightly lower"); not a comparison after the figure
            # ("to rise 1.7 percent this year, somewhat lower than projected in December")
            if verb.i < c.i <= verb.i + 2 and not any(t.is_punct for t in verb.doc[verb.i + 1 : c.i]):
                return PARTICLE_DIRECTION[c.lower_], "change-verb-particle"
    return hit


def _phrasal_change(verb: Token) -> tuple[str | None, str | None]:
    """'pushing up prices by 52%', 'drove costs down by 10%': a verb whose particle says the direction and
    whose 'by' phrase gives the amount is a change, whatever the verb ('push', 'drive', 'bid')."""
    particle = next((c for c in verb.children if c.dep_ == "prt" and c.lower_ in ("up", "down")), None)
    by = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    amount = [p for p in by if p.ent_type_ not in ("DATE", "TIME") and not re.fullmatch(r"(?:1[89]|20)\d\d", p.text)
              and (p.like_num or p.text == "%" or any(n.dep_ == "nummod" for n in p.children))]  # fmt: skip
    if particle is None or not amount or particle.i > verb.i + 3:
        return None, None  # "picked up 5 votes by Tuesday": 'by' a date is a deadline, not an amount
    return PARTICLE_DIRECTION[particle.lower_], "change-verb-particle"


def syntactic_change(v: View, q: Found) -> tuple[str | None, str | None]:
    """(direction, rule id) from a change verb or noun the figure hangs on: 'rose 5%', 'a 5% increase', 'grew by 4%'."""
    lex = v.lex
    tok = v.doc[q.head]
    if "(" in (v.lower(q.start - 1), word_before(v, q.core[0])) and v.lower(q.end) == "of":
        return None, None  # "rose ... to 9.2 million barrels per day (nearly half of demand)": a share, a level
    paced = _pace_verb(tok)
    if paced is not None and verb_change(paced, lex)[0] is not None:
        return verb_change(paced, lex)
    for _ in range(2):
        head = tok.head
        lemma = head.lemma_.lower()
        if head.i == tok.i:
            break
        if tok.dep_ == "pobj" and head.lower_ in word_list("change_preposition"):
            up = head.head.lemma_.lower()
            if up in lex.change_nouns and head.head.pos_ == "NOUN":
                return lex.change_nouns[up]
            if head.head.pos_ == "VERB" and verb_change(head.head, lex)[0] is not None:
                return verb_change(head.head, lex)
            return None, None
        if tok.dep_ == "pobj" and q.start <= head.i < q.end and q.bound != "=":  # "rose under 4%": a bound
            verb = head.head
            if verb.pos_ == "VERB" and verb_change(verb, lex)[0] is not None and verb.i != head.i:
                return verb_change(verb, lex)
            return None, None
        if tok.dep_ == "pobj":
            return None, None
        if head.pos_ == "NOUN" and lemma in lex.change_nouns and head.i > tok.i and tok.dep_ in NOUN_MODIFIERS:
            return lex.change_nouns[lemma]
        if head.pos_ == "VERB" and verb_change(head, lex)[0] is not None and tok.dep_ in CHANGE_VERB_ARGS:
            if tok.dep_ == "nsubj":
                return None, None
            return verb_change(head, lex)
        if head.pos_ == "VERB" and tok.dep_ == "conj" and tok.pos_ in ("NOUN", "NUM"):
            # "Sales rose 5% in May and 3% in June", "is forecast to grow by 1.5% in 2026 and 1.7% in 2027": a
            # figure coordinated with a change verb's own figure shares the verb left out (the parser hangs it
            # on the verb, or on the verb above it)
            for verb in (head, *(c for c in head.children if c.dep_ in ("xcomp", "ccomp") and c.i < tok.i)):
                if verb.pos_ == "VERB" and verb_change(verb, lex)[0] is not None and _verb_figure(verb, tok):
                    return verb_change(verb, lex)
        if tok.dep_ == "prep":
            return None, None
        if head.pos_ in ("VERB", "AUX"):
            break
        tok = head
    return _change_by_preposition(v, q)


def rate_of_change_subject(v: View, q: Found) -> tuple[str | None, str | None]:
    """'GDP growth was 2.1 percent', 'GDP growth moderated from 3.4 percent to 1.6 percent', 'productivity
    growth has averaged over 4 percent', 'The decline in sales was 3 percent', 'growth rates averaged around 6
    per cent' (a rate or pace noun of a change noun): a percentage the clause states
    of a subject that is a change noun is that change's rate, a rise or a fall whatever the verb says of the
    rate itself (`change-rate-of-change-noun`)."""
    tok = v.doc[q.head]
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None, None  # "Growth accounted for 40 percent of the gain": a share
    for _ in range(3):
        if tok.dep_ in ("pobj", "prep", "npadvmod", "nummod", "quantmod", "compound") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    if tok.dep_ not in ("attr", "acomp", "dobj", "prep", "npadvmod", "advmod") and tok.pos_ not in ("VERB", "AUX"):
        return None, None
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None, None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN":
        return None, None
    if subj.lemma_.lower() in word_list("pace_noun"):  # "growth rates averaged around 6 per cent"
        subj = next((c for c in subj.children if c.dep_ == "compound" and c.lemma_.lower() in v.lex.change_nouns), subj)
    hit = v.lex.change_nouns.get(subj.lemma_.lower())
    return (hit[0], "change-rate-of-change-noun") if hit is not None else (None, None)


def _verb_figure(verb: Token, conj: Token) -> bool:
    """Does the change verb have a figure of its own before the coordinated one ('rose 5% ... and 3%')?"""
    return any(
        c.i < conj.i
        and (c.dep_ in CHANGE_VERB_ARGS and c.dep_ != "nsubj" or c.dep_ == "prep" and c.lower_ == "by")
        and any(x.like_num for x in c.subtree)
        for c in verb.children
    )


PACE_MODIFIERS = frozenset({"compound", "nmod", "nummod", "amod", "npadvmod", "pobj"})


def _pace_verb(tok: Token) -> Token | None:
    """'grew at a 4.9 percent pace', 'rose at an annual rate of 5%': the verb whose pace the figure sets."""
    noun = tok.head if tok.dep_ in PACE_MODIFIERS else tok
    if noun.dep_ in ("amod", "compound") and noun.head.lemma_.lower() in word_list("pace_noun"):
        noun = noun.head  # "a 1.2 percent annualized rate": the percentage modifies the rate's adjective
    if noun.lower_ == "of":
        noun = noun.head
    if noun.lemma_.lower() not in word_list("pace_noun") or noun.dep_ != "pobj" or noun.head.lower_ != "at":
        return None
    verb = noun.head.head
    return verb if verb.pos_ == "VERB" else None


def _change_by_preposition(v: View, q: Found) -> tuple[str | None, str | None]:
    """'fell by 2 billion to 40 billion yen': when the parser folds the figure into a longer noun phrase,
    the 'by' written right before it still ties it to the change verb ('of' does not: 'an acceleration
    of 9.8 m/s2' names a measure); so does "up" or "down" right before the "by" ('Sales were up by 5%'). A
    figure in a bracket right after a change noun is that change ('the
    largest dollar increase ($19.6 billion)', `change-bracket-noun`)."""
    noun = v.tok(q.start - 2) if v.lower(q.start - 1) == "(" else None
    if noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in v.lex.change_nouns:
        return v.lex.change_nouns[noun.lemma_.lower()][0], "change-bracket-noun"
    k = q.start - 1
    while k > q.start - 3 and v.tok(k) is not None and v.tok(k).pos_ in ("DET", "ADJ") and v.tok(k).lower_ != "by":
        k -= 1  # "rose by a whopping 30 per cent": an article and an adjective between "by" and the figure
    prep = v.tok(k)
    if prep is None or prep.dep_ != "prep" or prep.lower_ != "by":
        return None, None
    before = v.tok(k - 1)
    if before is not None and before.lower_ in v.lex.change_before:
        return v.lex.change_before[before.lower_]  # "Sales were up by 5%", "went down by $3 billion"
    verb = prep.head
    if verb.pos_ == "VERB":
        return verb_change(verb, v.lex)
    return None, None


PREPOSITION_ENDS = frozenset({"over", "above", "up", "upwards"})


def _takes_object(word: Token) -> bool:
    """Is the word a preposition with its object ('over the month'), not a particle ('65 and over in
    Canada')? Its object in the parse, or a determiner right after it, which only an object can open."""
    nxt = word.nbor(1) if word.i + 1 < len(word.doc) else None
    return any(c.dep_ == "pobj" for c in word.children) or (nxt is not None and nxt.tag_ in ("DT", "PRP$"))


def _hedged_or_bound(v: View, q: Found) -> tuple[int, object] | None:
    """'3 percent or perhaps a little faster', '10% or possibly more': a trailing "or more" bound with hedge
    words (words.jsonl role `bound_hedge`) between "or" and its comparative."""
    doc, k = v.doc, q.end
    if v.lower(k) != "or":
        return None
    hedges = word_list("bound_hedge")
    k += 1
    while k < len(doc) and k <= q.end + 4 and doc[k].lower_ in hedges:
        k += 1
    entry = v.lex.bounds_after.get("or", doc[k].text) if k < len(doc) and k > q.end + 1 else None
    return (k + 1, entry) if entry is not None else None


def read_right(v: View, q: Found, core: Core, rules: list[str]) -> None:
    """After the unit: a trailing bound ('or more'), a plus sign ('+83%'), a change adverb ('5% higher')."""
    doc, lex = v.doc, v.lex
    hit = lex.bounds_after.starting(doc, q.end) or _hedged_or_bound(v, q)
    if hit is not None and doc[q.end].lower_ == "and" and hit[0] < len(doc) and can_start_number(doc[hit[0]].text):
        hit = None  # "above 1000 and below 1500": the start of an interval's other end, not "1000 and below"
    if hit is not None and doc[hit[0] - 1].lower_ in PREPOSITION_ENDS and _takes_object(doc[hit[0] - 1]):
        hit = None  # "3.5 percent and over the month": a preposition with its object, not "and over"
    if hit is not None and not (
        hit[1].id == "bound-or-more" and doc[hit[0] - 1].lower_ == "plus" and doc[q.end - 1].whitespace_
    ):
        q.end, entry = hit
        q.bound = entry.bound
        rules.append(entry.id)
    if core.numeral is not None and doc[core.start].text.startswith("+") and q.change is None:
        q.change = "up"  # an explicit plus sign reports a rise: "pork (+83%)"
        rules.append("change-plus-sign")
    bracketed = v.lower(q.start - 1) == "(" and v.lower(q.end) == ")"
    if (
        core.numeral is not None
        and doc[core.start].text[:1] in "-−"
        and q.change is None
        and (q.unit in SIGNED_CHANGE_UNITS or bracketed)
    ):
        q.change = "down"  # market summaries: "Nikkei -2.3%", "(-0.4 pts)"; "retail trade (-15,000)"
        rules.append("change-minus-sign")
    nxt = v.tok(q.end)
    if bracketed and nxt is not None and nxt.text == ")":
        nxt = v.tok(q.end + 1)  # "18.9 million barrels (18.7%) lower than": the adverb after the brackets
    elif nxt is not None and nxt.text == "(":  # "$511.2 million (45%) above the amount requested"
        close = next((t.i for t in doc[q.end : min(q.end + 8, len(doc))] if t.text == ")"), None)
        nxt = v.tok(close + 1) if close is not None else nxt
    if nxt is not None and nxt.lower_ in lex.change_after and q.unit is not None and not _fixed_level(nxt):
        direction, rid = lex.change_after[nxt.lower_]
        # "5% higher"; "5% below last year's level", whatever the parser hangs the preposition on
        if nxt.dep_ in ADVERBIALS or q.start <= nxt.head.i < q.end or nxt.lower_ in ("above", "below"):
            q.change = direction
            rules.append(rid)
    if q.change is None:
        comparative = _comparative_count(v, q, core)
        if comparative is not None:
            q.change, rid = comparative
            rules.append(rid)


COMPARED = {"than", "compared", "versus", "vs", "vs."}


def _fixed_level(word: Token) -> bool:
    """'5 degrees below zero', '10 feet above sea level', '2 ppb below the federal guideline': a level measured
    from a fixed point or against a threshold (words.jsonl role `fixed_level`), not a difference from another
    figure ('$323.2 million below the FY2026 amount', '5% below last year's level')."""
    if word.lower_ not in ("above", "below"):
        return False
    obj = next((c for c in word.children if c.dep_ == "pobj"), None)
    return obj is None or any(t.lower_ in word_list("fixed_level") for t in obj.subtree)


def _comparative_count(v: View, q: Found, core: Core) -> tuple[str, str] | None:
    """'300 more stores than a year earlier', '522 fewer employees than the same time in 2024', '1.9 million
    more returns (an increase of 1.1 percent) compared to 2024': a count whose noun a comparative modifies,
    compared with something after it, is the difference, a rise or a fall; so is a percentage before the
    comparative ('8% fewer heating degree days (measured from July 1) than normal')."""
    doc, lex = v.doc, v.lex
    comp, start = v.tok(core.end), q.end
    if q.kind == "percent" and (comp is None or comp.lower_ not in lex.change_comparative):
        comp = v.tok(q.end)  # "8% fewer heating degree days (measured from July 1) than normal"
        start = q.end + 1
    elif comp is not None and comp.i >= q.end - 1:
        return None
    if comp is None or comp.lower_ not in lex.change_comparative or q.unit is None:
        return None
    depth, seen = 0, 0
    for tok in doc[start : min(start + 30, len(doc))]:
        depth += (tok.text == "(") - (tok.text == ")")
        if depth > 0 or tok.text == ")":
            continue  # a bracketed aside between the comparative and "than"
        seen += 1
        if tok.lower_ in COMPARED:
            return lex.change_comparative[comp.lower_]
        if (
            seen > 10
            or tok.is_sent_start
            or tok.text in (";", ".")
            or (tok.pos_ in ("VERB", "AUX") and tok.lower_ != "compared")
        ):
            return None
    return None
