"""What a figure measures: strategies tried in the order of `MEASURED_STRATEGIES`.

Each strategy takes the quantity span, its head, its `QuantityReading` and the lexicon, and returns
None when it has nothing to say, or (measured phrase or None, rule id) when it decides: the first
decision wins, including a decision that nothing is measured. A phrase that cannot be what a figure
measures is refused and the next strategy is asked (`refused`): the figure's own unit or a scale word
("terahashes", "TWh", "%", "billion"), a comparative ("lower", "less"), a lone verb, a generic noun
("average", "total", "world"), or a named place, people or organisation (the agent or the place the
figure is about: in "the United States (38%), China (21%)" the shares are of what the clause is about).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from claimx.nlp.context.asides import added_figure, appositive_level, bracket_noun, change_aside, ranking_criterion
from claimx.nlp.context.complements import amount_in, complement, copula_subject, verb_complement
from claimx.nlp.context.lexicon import ContextLexicon, words
from claimx.nlp.context.phrases import (
    change_nouns,
    change_verbs,
    figure_anchor,
    gerund_phrase,
    gerund_subject,
    noun_phrase,
    number_tokens,
    past_generic,
    postmodifier,
    span_tokens,
)
from claimx.nlp.context.predicates import (
    age_of_owner,
    available_amount,
    clause_subject,
    counted_state,
    distance_from,
    event_duration,
    multiplied_object,
    own_move,
    pace_of_change,
    participle,
    person_event,
    rank_among,
    rank_criterion,
    respondent_share,
    share_predicate,
    small_clause,
    taken_from,
    time_needed,
    transition_object,
    valued_at,
    worth_of,
)
from claimx.nlp.context.ranklists import rank_list
from claimx.nlp.context.target import Target
from claimx.nlp.deps import (
    AGENT_ENTITIES,
    CLAUSE_LINKS,
    NOMINAL_LINKS,
    NOMINALS,
    OBJECTS,
    RELATIVE_CLAUSES,
    SUBJECTS,
    VERBS,
)
from claimx.periods import parse_period

MeasuredHit = tuple[str | None, str]
Strategy = Callable[[Target, ContextLexicon], MeasuredHit | None]


def elided(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'at least 11 mineral commodities ... for an additional 31': the noun the elided figure borrows; and
    the noun a share written as one in n counts ('One in five teachers are absent': teachers)."""
    span, q = t.span, t.quantity
    if q.measured_head is None:
        return None
    if q.unit == "fraction":
        if not span.start <= q.measured_head < span.end:
            return None
        return span.doc[q.measured_head].text, "measured-one-in-n"
    head = t.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        return None  # "lower than the average monthly gain of 95,000": the noun it is 'of' names it
    doc = span.doc
    if (
        span.start >= 2
        and doc[span.start - 1].text == "("
        and any(s.end == span.start - 1 for s in doc.spans.get("claimx_quantities", []))
    ):
        return None  # "743.6 people per square mile (287.1/km²)": a restatement measures what its figure does
    return noun_phrase(span.doc[q.measured_head]), "measured-elided"


def whole_of_fraction(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'About half of its waterborne imports', 'over half the country's population': the whole a share is
    of (after `share_of_subject`, which reads 'Food, which makes up about a fifth of the index')."""
    q = t.quantity
    if q.unit != "fraction" or q.measured_head is None:
        return None
    return noun_phrase(t.span.doc[q.measured_head]), "measured-fraction-whole"


COMPARISON_CUES = frozenset({"compared", "comparison", "versus", "vs", "vs.", "against", "than"})


def comparison_baseline(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'Exports reached $5 billion in 2025, compared with $4.2 billion a year earlier': the baseline of a
    comparison measures what the figure it is compared with measures."""
    head = figure_anchor(t.span, t.head)
    prep = head.head
    cue = prep if prep.lower_ == "than" else prep.head
    if head.dep_ != "pobj" or cue.lower_ not in COMPARISON_CUES:
        return None
    spans = t.span.doc.spans.get("claimx_quantities", [])
    before = [s for s in spans if s.end <= t.span.start and s.start >= t.sent.start]
    for s in reversed(before):
        if s._.claimx_measured:
            return s._.claimx_measured, "measured-comparison-baseline"
    return None


def comparative(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'prices ... to average $3.09 per gallon, 20% lower than last winter': a figure measuring a
    comparative ('20% lower', '10% less') is about the subject of the clause the comparative is in."""
    head = figure_anchor(t.span, t.head)
    adj = head.head
    if not (head.dep_ in ("npadvmod", "advmod", "nmod", "amod") and adj.tag_ in ("JJR", "RBR")):
        return None
    inside = span_tokens(t.span)
    for tok in [adj, *adj.ancestors][:6]:
        if tok.pos_ in VERBS or tok.pos_ == "AUX":
            subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
            if subj is not None and subj.pos_ != "PRON" and subj.i not in inside:
                subj = past_generic(subj)
                return noun_phrase(subj, inside), "measured-comparative-subject"
    return None


def counted_noun(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'11 mineral commodities', '10 members of the TPP': the thing counted; 'the 15-member RCEP': the noun
    a hyphenated count classifies."""
    span, head, q = t.span, t.head, t.quantity
    unit_tok = next((t for t in reversed(span) if t.pos_ in ("NOUN", "PROPN") and _counts(q.unit, t)), None)
    if " per " in (q.unit or "") and (_of_measure(t) is not None or copula_subject(t) is not None):
        return None  # a rate of a counted noun measures what it is a rate of, or what the clause says it is
    if q.kind in ("count", "ratio") and unit_tok is not None and q.unit != "times":
        if (
            unit_tok.dep_ in ("compound", "amod", "nmod")
            and unit_tok.head.i >= span.end
            and unit_tok.head.pos_ in NOMINALS
            and span.doc[unit_tok.i - 1].text == "-"
        ):
            return noun_phrase(unit_tok.head, span_tokens(span)), "measured-counted-noun"
        event = person_event(unit_tok)
        if event is not None:
            return f"{noun_phrase(unit_tok)} {participle(event)}", "measured-counted-event"
        state = counted_state(unit_tok)
        if state is not None:
            return f"{noun_phrase(unit_tok)} {state}", "measured-counted-state"
        bare = not any(c.dep_ in ("compound", "amod") for c in unit_tok.lefts)
        if unit_tok.lemma_.lower() in words("generic_count_noun") and bare:
            return _generic_count(unit_tok)
        return noun_phrase(unit_tok, number_tokens(span, unit_tok)), "measured-counted-noun"
    if q.kind == "count" and head.pos_ == "NOUN":
        return noun_phrase(head), "measured-counted-noun"
    return None


def _level_reached(anchor: Token, verb: Token) -> bool:
    """Is the figure the level 'at' which a participle continuing the clause leaves its subject ("The Dow fell
    1.2%, closing at 38,500", "was up 1.6 cents, settling at 203.8 cents per gallon")? Then it measures the
    subject, as the move before it does."""
    return anchor.dep_ == "pobj" and anchor.head.lower_ == "at" and anchor.head.head.i == verb.i and verb.tag_ == "VBG"


def _generic_count(noun: Token) -> MeasuredHit | None:
    """A bare counting word names no thing ('units', 'items'): the thing is its 'of' complement ('50 million units
    of the iPhone 15'), or what was done to the units ('delivered 1.8 million units': 'units delivered'); a level
    a change reached is the clause's subject's ('Sales of electric vehicles rose to 1.2 million units')."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is not None:
        return noun_phrase(obj), "measured-counted-noun"
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return f"{noun.text} {noun.head.text}", "measured-counted-event"
    return None


def _counts(unit: str | None, tok: Token) -> bool:
    """Is the noun the one the unit counts ('others' counted as people: 'injuring four others')?"""
    if unit == "people" and (tok.lower_ == "others" or tok.ent_type_ == "NORP" and tok.tag_ in ("NNS", "NNPS")):
        return True  # "injuring four others", "50,000 Palestinians"
    return (tok.pos_ == "NOUN" or tok.tag_ == "NNPS") and unit in (tok.lemma_.lower(), tok.lower_)


def _of_measure(t: Target) -> Token | None:
    """The noun a count is 'of' when that noun names a measure of its own: 'a hashrate of 255 terahashes per
    second', 'a population of 132 million people'; not a generic one ('a total of 500 workers')."""
    tok = figure_anchor(t.span, t.head)
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.pos_ != "NOUN":
        return None
    noun = tok.head.head
    return None if noun.lemma_.lower() in words("generic_measure") else noun


def share_of_subject(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'the deficit narrowed to 5.8% of GDP', 'exports accounted for 30% of sales': a share reached or held
    by the clause's subject measures the subject as a share of the 'of' noun ('deficit as a share of
    GDP'). ('40% of voters said', where the share is the subject, keeps its complement.)"""
    span, q = t.span, t.quantity
    if q is None or not (q.unit == "percent" or q.kind == "ratio"):
        return None
    tok, inside = figure_anchor(span, t.head), span_tokens(span)
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i in inside:
        tok, base = tok.head.head, tok  # the span is "about half of PCE inflation": its head is the base
    else:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        base = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if base is None:
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "at", "for") and tok.head.head.pos_ in VERBS:
        verb = tok.head.head  # 'narrowed to', 'stood at', 'accounted for'
        if tok.head.lower_ == "for" and verb.lemma_.lower() not in words("state_verb"):
            return None
    elif tok.dep_ in OBJECTS | {"attr"} and _holds_a_share(tok.head):
        verb = tok.head  # 'represented 4.2% of', 'was 12% of', 'made up 16% of'
    else:
        return None
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i not in inside), None)
    if subj is not None and subj.tag_ == "WDT" and verb.dep_ == "relcl":
        subj = verb.head  # "housing, which accounts for about half of PCE inflation"
    subj = past_generic(subj) if subj is not None else None
    if subj is None or not (subj.pos_ in NOMINALS or subj.tag_ == "VBG"):  # 'Spending on defense'
        return None
    if subj.lemma_.lower() in words("generic_measure"):
        return None  # "the figure, which is 1% of capacity": no subject to speak of
    return f"{noun_phrase(subj, inside)} as a share of {noun_phrase(base)}", "measured-share-subject"


def _holds_a_share(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in words("state_verb") or (lemma == "make" and any(c.dep_ == "prt" for c in verb.children))


def level_of_object(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'lowered the auto tariffs to 15%': the level reached by the verb's object."""
    span, head = t.span, t.head
    if not (head.dep_ == "pobj" and head.head.lower_ in words("level_marker") and head.head.head.pos_ == "VERB"):
        return None
    inside, verb = span_tokens(span), head.head.head
    obj = next((c for c in verb.children if c.dep_ in OBJECTS and c.i not in inside), None)
    if obj is not None and _in_other_quantity(obj, span):
        # "Exports are raised 100 million bushels to 3.1 billion": the object is the change; the level is
        # the subject's
        subj = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i not in inside), None)
        if subj is not None and subj.pos_ in NOMINALS:
            return noun_phrase(past_generic(subj), inside), "measured-level-subject"
        return None
    if obj is not None and obj.pos_ in NOMINALS:
        return noun_phrase(obj, inside), "measured-level-object"
    return None


def _in_other_quantity(tok: Token, span: Span) -> bool:
    return any(s.start <= tok.i < s.end for s in tok.doc.spans.get("claimx_quantities", []) if s != span)


def modified_noun(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'$8 trillion resource potential', 'second-largest salt mines': the noun the figure modifies; never
    across a bracket ("income was $90,000 (median: $70,000)": the parse may hang the figure on 'median')."""
    span, head = t.span, t.head
    tok = figure_anchor(span, head)
    noun = tok.head
    between = span.doc[min(span.end, noun.i) : max(span.start, noun.i)]
    if (
        tok.dep_ in NOMINAL_LINKS | {"npadvmod"}
        and noun.i not in span_tokens(span)
        and noun.pos_ in ("NOUN", "PROPN", "ADJ")
        and sum(x.text.count("(") for x in between)
        == sum(x.text.count(")") for x in between)  # "Sources (2020–23): 5%"
    ):
        # "a 5% increase in prices", "a 0.7-bushel reduction in yield": what the change noun changes
        subj = clause_subject(noun.head) if noun.pos_ == "ADJ" and noun.dep_ == "acomp" else None
        if subj is not None and subj.pos_ in NOMINALS and subj.i not in span_tokens(span):
            # "The vaccine was 95% effective": the degree of the subject's quality, not the adjective alone
            return f"{noun_phrase(subj, span_tokens(span))} {noun.text}", "measured-modified-noun"
        return noun_phrase(past_generic(noun), span_tokens(span)), "measured-modified-noun"
    return None


def _balanced(tokens: Span) -> bool:
    """Do the brackets between two words close ('(2020–23):'), so that neither is inside one alone?"""
    return sum(x.text.count("(") for x in tokens) == sum(x.text.count(")") for x in tokens)


def of_head(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'growth of 4.9%': the noun the 'of' phrase hangs on."""
    span, head = t.span, t.head
    tok = figure_anchor(span, head)
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return noun_phrase(tok.head.head, span_tokens(span)), "measured-of-head"
    return None


def reference_level(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'has risen from a 50-year low of 3.4 percent', 'declined to the current figure of 230,000', 'reduce
    inflation to a sustained level of 2 percent', 'which reached a record high of 3.4 million': a figure
    'of' a reference point (words.jsonl role `reference_noun`) reached or left by a verb measures what the
    verb moves: its object, else its subject, else the noun its relative clause describes."""
    anchor = figure_anchor(t.span, t.head)
    if anchor.dep_ != "pobj" or anchor.head.lower_ != "of" or anchor.head.head.pos_ != "NOUN":
        return None
    noun = anchor.head.head
    if noun.lemma_.lower() not in words("reference_noun") or noun.dep_ not in ("pobj", "dobj", "attr"):
        return None
    inside = span_tokens(t.span) | {noun.i}
    verb = next((a for a in list(noun.ancestors)[:3] if a.pos_ in VERBS or a.pos_ == "AUX"), None)
    if verb is None:
        return None
    found = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in NOMINALS and c.i not in inside), None)
    for v in (verb, verb.head) if verb.dep_ in ("advcl", "xcomp", "conj") else (verb,):  # "having fallen from"
        found = found or next((c for c in v.children if c.dep_ in SUBJECTS and c.i not in inside), None)
    if (found is None or found.tag_ in ("WDT", "WP")) and verb.dep_ in RELATIVE_CLAUSES:
        found = verb.head if verb.head.pos_ in NOMINALS else None
    if found is None or found.pos_ == "PRON" and found.tag_ not in ("WDT", "WP"):
        return None
    return noun_phrase(past_generic(found), inside), "measured-reference-level"


def named_by_of(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'a population of 132 million people', 'a hashrate of 255 terahashes': the noun the figure is 'of'
    names what it measures, before a unit or a count of people; not a change noun ('an increase of 500
    people') or a generic measure ('a total of 500 people'), and never before a counted thing ('the
    construction of eight reactors')."""
    q = t.quantity
    if q is not None and q.kind == "count" and q.unit not in ("people", "person"):
        return None  # "the construction of eight nuclear reactors": the reactors are counted
    hit = of_head(t, lex)
    if hit is None:
        return None
    noun = figure_anchor(t.span, t.head).head.head
    if noun.i in span_tokens(t.span) or noun.lemma_.lower() in change_nouns() | words("generic_measure"):
        return None  # "two-thirds of exports": the share's own words
    return hit[0], "measured-named-by-of"


def clause(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """Climb to the clause: a relative or participial clause names its noun, else the subject ('United States
    exported' for an action's object), else the verb; nothing for 'be' and 'have'."""
    span, head = t.span, t.head
    inside, tok = span_tokens(span), figure_anchor(span, head)
    direct_object = tok.dep_ in OBJECTS
    first_verb = tok.head if direct_object else None
    state_verbs = words("state_verb")
    for _ in range(6):
        subj = clause_subject(tok) if tok.pos_ in VERBS else None
        gerund = gerund_subject(tok) if subj is None and tok.pos_ in VERBS else None
        if gerund is not None:
            return gerund, "measured-subject"
        if subj is not None and subj.pos_ in VERBS:
            if gerund_phrase(subj):  # "Spending on defense rose to $850 billion"
                return gerund_phrase(subj), "measured-subject"
            # "Projected 2025/26 global ending stocks are raised": a participle the parser made the subject,
            # its "object" the noun it modifies
            subj = next((c for c in subj.children if c.dep_ in OBJECTS and c.pos_ in NOMINALS), None)
        own_subject = subj is not None and subj.pos_ in NOMINALS and subj.i not in inside
        if any(c.tag_ in ("WDT", "WP") and c.dep_ in OBJECTS for c in tok.children):
            own_subject = False  # "the company, which the state valued at $5 billion": the noun is valued
        if tok.dep_ in RELATIVE_CLAUSES and tok.head.pos_ in NOMINALS and not own_subject:
            return noun_phrase(tok.head, inside), "measured-clause-noun"  # "the firm, which sold 5 million"
        if tok.pos_ in VERBS:  # "the Midwest, where prices fell 17 cents": the clause's own subject
            if subj is not None and subj.pos_ != "PRON" and subj.i not in inside:
                subj = _partitive_whole(past_generic(subj))
                verb = first_verb if first_verb is not None else tok
                if direct_object and verb.lemma_.lower() not in state_verbs and not own_move(verb, subj, t):
                    # "United States exported $X"; not a change verb that is the figure's own move
                    return f"{noun_phrase(subj, inside)} {verb.text}", "measured-subject-verb"
                phrase = noun_phrase(subj, inside)
                return phrase + postmodifier(subj, inside, phrase), "measured-subject"
            if tok.dep_ in CLAUSE_LINKS and tok.head.i != tok.i:
                if tok.dep_ == "advcl" and tok.lemma_.lower() not in state_verbs | change_verbs():
                    if not _level_reached(figure_anchor(span, head), tok):
                        return tok.text, "measured-verb"  # "while exporting only around $3.88 billion"
                # "Inventories declined, falling from 21.3 million barrels to 20.0 million": a change verb's
                # figure measures the subject of the clause it continues
                tok = tok.head
                continue
            return (tok.text if tok.lemma_.lower() not in ("be", "have") else None), "measured-verb"
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _partitive_whole(subj: Token) -> Token:
    """'Ten of the 24 program elements accounted for about $10.5 billion': a number standing for part of a
    group is its group's noun ('program elements'), not the number."""
    if not subj.like_num and subj.pos_ != "NUM":
        return subj
    of = next((c for c in subj.children if c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in NOMINALS), None) if of else None
    return whole if whole is not None else subj


PERIOD_PHRASE = re.compile(
    r"^(?:(?:the|prior|previous|past|last|next|following|preceding|first|two|three|four|five|six|seven|eight|nine|"
    r"ten|twelve|\d+)\s+)*(?:days?|weeks?|months?|quarters?|years?)$"
)


def refused(phrase: str, rule: str, t: Target, lex: ContextLexicon | None = None) -> bool:
    """Can this phrase not be what the figure measures? (See the module docstring.)"""
    low = phrase.lower().strip(" .,;:")
    q = t.quantity
    if lex is not None and _reports(low, t, lex):
        return True  # "The World Bank has claimed that 55 percent ...": who says so, not what is measured
    if not any(ch.isalnum() for ch in low):
        return True  # punctuation ("-", "|") is never what a figure measures
    if rule == "measured-verb" and _lone_lemma(low, t) in words("action_verb"):
        return True  # "decreased", "compared": the change or comparison, not what changed
    if rule == "measured-verb" and lex is not None and lex.verb_cues.get(_lone_lemma(low, t)) == "src-reporting-verb":
        return True  # "More than half said they would leave": who says so, not what is measured
    # a counted noun is what is measured ("70,000 people"); a unit of measure never is ("5,304 W")
    own_unit = {x.lower() for x in (q.unit, q.unit_text) if x} if q is not None and q.kind != "count" else set()
    # each part of a rate, singular or plural: "terahashes" for "terahash per second"
    own_unit |= {w for u in list(own_unit) for part in u.split(" per ") for w in (part, part + "s", part + "es")}
    last = low.split()[-1]
    if rule not in ("measured-share-subject", "measured-one-in-n") and (low in own_unit or last in own_unit):
        return True  # ("X as a share of Y" names its base Y, which may be the counted noun)
    if low in ("%", "percent", "per cent"):
        return True
    if last in words("scale_word") or low in words("comparative_word") or low in words("generic_measure"):
        return True
    if parse_period(low) is not None or PERIOD_PHRASE.match(low):
        return True  # "FY2027", "March 2024", "the prior two months": when, not what
    doc = t.span.doc
    if last in words("indicator_acronym"):
        return False  # "Mexico's FDI increased": the tagger reads an indicator's acronym as an organisation
    if low.split()[0] in words("market_index"):
        return False  # "The Nasdaq gained 1.2%", "the Dow lost 300 points": a stock index, named like a company
    if rule in ("measured-fraction-whole", "measured-complement"):
        # "About a third of Americans", "60 percent of Canadians": a people a share is of is the population
        # measured, not an agent
        ents = {e.text.lower() for e in t.sent.ents if e.label_ in AGENT_ENTITIES and e.label_ != "NORP"}
    else:
        ents = {e.text.lower() for e in t.sent.ents if e.label_ in AGENT_ENTITIES}
    # an "entity" the tagger reads as common nouns only is the recogniser's slip ("Turnout was 66.6%": PERSON)
    ents -= {e.text.lower() for e in t.sent.ents if all(tok.tag_ in ("NN", "NNS") for tok in e)}
    return low in ents and not any(tok.lower_ == low for tok in doc[t.span.start : t.span.end])


def _reports(low: str, t: Target, lex: ContextLexicon) -> bool:
    """Is the phrase the subject of a reporting verb of the sentence ('claimed', 'said', 'estimates'), or
    the agent of an attribution verb ('requested by the Administration')?"""
    last = low.split()[-1] if low.split() else None
    return last is not None and any(
        tok.lower_ == last
        and (tok.ent_type_ in AGENT_ENTITIES or tok.pos_ == "PROPN")
        and (
            (tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lex.verb_cues)
            or (tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.lemma_.lower() in lex.agent_cues)
        )
        for tok in t.sent
    )


def _lone_lemma(low: str, t: Target) -> str | None:
    tok = next((tok for tok in t.sent if tok.lower_ == low), None)
    return tok.lemma_.lower() if tok is not None else None


# the order is the precedence: what the figure's own words say beats what the clause around it says
MEASURED_STRATEGIES: tuple[Strategy, ...] = (
    elided,
    comparison_baseline,
    age_of_owner,
    rank_list,
    rank_criterion,
    share_predicate,
    change_aside,
    bracket_noun,
    appositive_level,
    ranking_criterion,
    worth_of,
    distance_from,
    event_duration,
    time_needed,
    event_duration,
    taken_from,
    valued_at,
    amount_in,
    added_figure,
    comparative,
    pace_of_change,
    multiplied_object,
    transition_object,
    reference_level,
    named_by_of,
    counted_noun,
    available_amount,
    rank_among,
    small_clause,
    taken_from,
    share_of_subject,
    whole_of_fraction,
    respondent_share,
    complement,
    verb_complement,
    level_of_object,
    modified_noun,
    of_head,
    clause,
)


def find_measured(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """(what the figure measures, or None, and the deciding strategy's rule id); None when none decides.

    A refused phrase passes the question to the next strategy; when every strategy is refused or silent,
    nothing is measured rather than the wrong thing."""
    refusals = 0
    for strategy in MEASURED_STRATEGIES:
        hit = strategy(t, lex)
        if hit is None:
            continue
        if hit[0] is not None and hit[0].lower() in PLURAL_PRONOUNS:
            antecedent = _antecedent(t)
            if antecedent is None:
                refusals += 1
                continue
            return antecedent, "measured-antecedent"
        if hit[0] is not None and refused(hit[0], hit[1], t, lex):
            refusals += 1
            continue
        if hit[0] is not None and hit[0].lower() in STATISTIC_WORDS:
            return _statistic_of(hit[0], t) or hit
        return hit
    return (None, "measured-refused") if refusals else None


STATISTIC_WORDS = frozenset({"median", "mean", "average"})


def _statistic_of(statistic: str, t: Target) -> MeasuredHit | None:
    """'The average number of days from nomination to final vote was 66.5 days, while the median was 67.5
    days': a statistic named alone is of what the figure before it in the sentence in the same unit
    measures (its own statistic word dropped): 'median days from nomination to final vote'
    (`measured-statistic-of`)."""
    unit = t.quantity.unit if t.quantity is not None else None
    before = [s for s in t.span.doc.spans.get("claimx_quantities", []) if t.sent.start <= s.start < t.span.start]
    for other in reversed(before):
        if other._.claimx_quantity is None or other._.claimx_quantity.unit != unit:
            continue  # "For the seven Justices ..., the average was 40 days (the median was 44 days)"
        measured = other._.claimx_measured
        if measured and measured.lower() not in STATISTIC_WORDS:
            words_ = measured.split()
            if words_[0].lower() in STATISTIC_WORDS:
                words_ = words_[1:]
            return f"{statistic} {' '.join(words_)}", "measured-statistic-of"
    return None


PLURAL_PRONOUNS = frozenset({"them", "they", "these", "those"})


def _antecedent(t: Target) -> str | None:
    """'Math was hard for Indonesian students, with only one percent of them ...': the plural noun a
    pronoun the figure is 'of' stands for, the nearest one before the figure in its sentence."""
    for tok in reversed(t.sent.doc[t.sent.start : t.span.start]):
        if tok.tag_ in ("NNS", "NNPS") and tok.dep_ not in ("compound", "nmod"):
            return noun_phrase(tok)
    return None
