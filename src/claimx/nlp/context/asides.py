"""Measured-concept strategies for a figure set off from its sentence: in brackets or dashes after a noun
('pork (+83%)'), between commas after a noun ('the number of unemployed persons, at 5.8 million,'), or in
brackets after a place a ranking lists ('Countries with the highest death rate ... were Angola (56.93)').
Part of `measured.MEASURED_STRATEGIES`."""

from __future__ import annotations

from spacy.tokens import Token

from claimx.nlp.context.lexicon import ContextLexicon, words
from claimx.nlp.context.phrases import figure_anchor, noun_phrase, past_generic, span_tokens
from claimx.nlp.context.target import Target
from claimx.nlp.deps import AGENT_ENTITIES, NOMINALS, OBJECTS, SUBJECTS, VERBS

MeasuredHit = tuple[str | None, str]


DASHES = frozenset({"—", "–", "--"})


def bracket_noun(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'pork (+83%)', '6% of sub-Saharan Africans — over 50 million —': a figure in brackets or dashes right
    after a noun is about that noun (not a named place or organisation: 'the United States (38%)' gives the
    share of what the clause is about; a people counted is what the count measures)."""
    span = t.span
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text in ("(", ";", ","):
        # "60% ($752.0 billion) of total trade": a bracketed figure right after a figure restates it, as
        # does a percentage after a change's amount in one bracket ("DOD (up $4.9 billion; 3%)")
        restated = next((s for s in doc.spans.get("claimx_quantities", []) if s.end == span.start - 1), None)
        if (
            restated is not None
            and doc[span.start - 1].text != "("
            and "change-restated" not in (span._.claimx_rule_ids or [])
        ):
            restated = None
        if restated is not None and restated._.claimx_measured:
            return restated._.claimx_measured, "measured-bracket-restated"
    opener = doc[span.start - 1].text if span.start >= 2 else ""
    closed = span.end < len(doc) and doc[span.end].text in DASHES  # "— over 50 million —", not "– over half the ..."
    if (opener == "(" or opener in DASHES and closed) and doc[span.start - 2].pos_ in NOMINALS:
        before = doc[span.start - 2]
        q = t.quantity
        people = before.ent_type_ == "NORP" and q is not None and q.unit in (None, "people", "person")
        if before.ent_type_ in AGENT_ENTITIES and not people:
            return None  # "the United States (38%)"; but "6% of sub-Saharan Africans — over 50 million —"
        if before.ent_type_ in ("DATE", "TIME"):
            return _bracket_after_date(before, span_tokens(span))
        return noun_phrase(before), "measured-bracket-noun"
    return None


def bracket_name(span) -> str | None:
    """The place or organisation a bracket right before the figure follows: 'Spain ($4.4 billion)', 'DOD (up
    $4.9 billion; 3%)', 'the United States (38%)': the figure is that one's value of what the clause
    measures, so the name joins the measured concept."""
    doc = span.doc
    k = span.start - 1
    if k > 0 and doc[k].text in (";", ","):  # "NASA (down $400.0 million; -2%)": the bracket's second figure
        first = next((s for s in doc.spans.get("claimx_quantities", []) if s.end == k), None)
        return bracket_name(first) if first is not None else None
    while k > 0 and doc[k].lower_ in ("up", "down", "+", "-", "about", "approximately", "nearly", "over"):
        k -= 1
    if k < 1 or doc[k].text != "(":
        return None
    before = doc[k - 1]
    ent = next((e for e in doc.ents if e.start <= before.i < e.end and e.end == k), None)
    if any(ch.isdigit() for ch in before.text):
        return None  # "for FY2027 (9%)": a fiscal year, not a name
    if ent is None and before.pos_ == "PROPN" and before.is_upper and len(before) > 1:
        return before.text  # "DOD (up $4.9 billion; 3%)": an agency's initials the tagger leaves untagged
    if ent is None or ent.label_ not in ("GPE", "ORG", "LOC", "FAC", "NORP") or any(t.like_num for t in ent):
        return None
    return ent.text.removeprefix("the ").removeprefix("The ")


def change_aside(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'revenue of 26 billion baht last year, up 14% over 2017', 'earned $5 billion in profit, down 3% from a
    year earlier': a change set off by a comma after the figure it changes, as 'up' or 'down' N, measures
    what that figure measures, not the clause's subject."""
    q = t.quantity
    head = figure_anchor(t.span, t.head)
    adverb = head.head
    if q is None or q.change is None or head.dep_ != "npadvmod" or adverb.lower_ not in ("up", "down"):
        return None
    doc = head.doc
    if adverb.i == 0 or doc[adverb.i - 1].text != "," or adverb.i > t.span.start:
        return None
    spans = doc.spans.get("claimx_quantities", [])
    before = [s for s in spans if s.end < adverb.i and s.start >= t.sent.start]
    if before and before[-1]._.claimx_measured:
        return before[-1]._.claimx_measured, "measured-change-aside"
    return None


def added_figure(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'It appropriated $400 million under the program ..., as well as $380 million for FY2018, $425 million
    for FY2020': a figure added with 'as well as' (or listed after one that is) measures what the figure of
    the same unit before it measures, however the parser attached it."""
    doc = t.span.doc
    spans = doc.spans.get("claimx_quantities", [])
    unit = t.quantity.unit if t.quantity is not None else None
    first = t.span
    while True:  # back along a list of figures: "$380 million for FY2018, $425 million for FY2020, and ..."
        prev = next((s for s in reversed(spans) if s.end <= first.start), None)
        between = doc[prev.end : first.start] if prev is not None else None
        if between is None or not _list_gap(between):
            break
        first = prev
    if first.start < 3 or doc[first.start - 3 : first.start].text.lower() != "as well as":
        return None
    before = [s for s in spans if s.end <= first.start - 3 and s.start >= t.sent.start]
    for s in reversed(before):
        q = s._.claimx_quantity
        if q is not None and q.unit == unit and s._.claimx_measured:
            return s._.claimx_measured, "measured-added-figure"
    return None


def _list_gap(between) -> bool:
    """Do the words between two figures only separate items of one list ('for FY2018, ', ', and ')?"""
    return (
        any(t.text == "," or t.lower_ == "and" for t in between)
        and not any(t.pos_ in ("VERB", "AUX") for t in between)
        and len(between) <= 6
    )


CRITERION_PREPOSITIONS = frozenset({"with", "by", "in", "on", "of"})


def appositive_level(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'Both the unemployment rate, at 3.5 percent, and the number of unemployed persons, at 5.8 million,
    changed little': a level set off by commas after a noun, 'X, at N,', is the level of that noun (a generic
    measure stands for its 'of' noun), whatever the clause's subject."""
    head = t.head
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "at" or prep.i == 0 or prep.head.pos_ not in NOMINALS:
        return None
    doc = head.doc
    if doc[prep.i - 1].text != "," or prep.head.i >= prep.i or prep.head.i in span_tokens(t.span):
        return None
    return noun_phrase(past_generic(prep.head), span_tokens(t.span)), "measured-appositive-level"


def ranking_criterion(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'Countries with the highest death rate per 100,000 were Ivory Coast (86.15), Angola (56.93)', 'the top
    five countries, based on reported power consumption, were the United States (75.4%)': a figure in
    brackets after a named place or organisation listed as what a ranking found measures the ranking's
    criterion: a phrase 'based on' or 'in terms of' X on the subject, else the noun a superlative modifies
    in it ('with the highest death rate'). Not the ranked noun ('countries'), nor the place."""
    span = t.span
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "(" or doc[span.start - 2].ent_type_ not in AGENT_ENTITIES:
        return None
    verb = next((a for a in doc[span.start - 2].ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() != "be":
        return None
    inside = span_tokens(span)
    for subj in (c for c in verb.children if c.dep_ in SUBJECTS and c.ent_type_ not in AGENT_ENTITIES):
        for tok in subj.subtree:
            if tok.lower_ in ("on", "of") and tok.head.lower_ in ("based", "terms"):
                obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in NOMINALS:
                    return noun_phrase(obj, inside), "measured-ranking-criterion"
        for tok in subj.subtree:
            noun = tok.head
            if (
                tok.tag_ in ("JJS", "RBS")
                and tok.dep_ == "amod"
                and noun.i != subj.i
                and noun.pos_ in NOMINALS
                and noun.dep_ == "pobj"
                and noun.head.lower_ in CRITERION_PREPOSITIONS
            ):
                return noun_phrase(noun, inside | {tok.i}), "measured-ranking-criterion"
    return None


def _bracket_after_date(date: Token, inside: set[int]) -> MeasuredHit | None:
    """'Employment in retail trade changed little in March (-15,000)', 'the average monthly growth over the
    prior 6 months (+34,000)': a bracketed figure after a date restates what the date's phrase is about,
    the noun it modifies, else the subject of its clause."""
    tok = date
    while tok.dep_ in ("pobj", "prep", "compound", "amod", "nummod", "npadvmod") and tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("DATE", "TIME"):
            if tok.lemma_.lower() in words("trend_noun") and tok.dep_ in OBJECTS and tok.head.pos_ in VERBS:
                tok = tok.head  # "continued its upward trend in March (+26,000)": the shape, not the thing
                break
            return noun_phrase(tok, inside), "measured-bracket-date-noun"
        if tok.pos_ in VERBS or tok.pos_ == "AUX":
            break
    for _ in range(4):
        if tok.pos_ not in VERBS and tok.pos_ != "AUX":
            return None
        subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
        if subj is not None and subj.pos_ in NOMINALS and subj.i not in inside:
            return noun_phrase(past_generic(subj), inside), "measured-bracket-date-subject"
        if tok.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
