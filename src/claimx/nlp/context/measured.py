"""What a figure measures: strategies tried in the order of `MEASURED_STRATEGIES`.

Each strategy takes the quantity span, its head, its `QuantityReading` and the lexicon, and returns
None when it has nothing to say, or (measured phrase or None, rule id) when it decides: the first
decision wins, including a decision that nothing is measured.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from claimx.nlp.context.lexicon import ContextLexicon, words
from claimx.nlp.context.phrases import noun_phrase
from claimx.nlp.context.target import Target
from claimx.nlp.deps import CLAUSE_LINKS, NOMINAL_LINKS, NOMINALS, OBJECTS, RELATIVE_CLAUSES, SUBJECTS, VERBS

MeasuredHit = tuple[str | None, str]
Strategy = Callable[[Target, ContextLexicon], MeasuredHit | None]


def _inside(span: Span) -> set[int]:
    return set(range(span.start, span.end))


def elided(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'at least 11 mineral commodities ... for an additional 31': the noun the elided figure borrows."""
    span, q = t.span, t.quantity
    if q.measured_head is None:
        return None
    return noun_phrase(span.doc[q.measured_head]), "measured-elided"


def bracket_noun(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'pork (+83%)': a figure in brackets right after a noun is about that noun."""
    span = t.span
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text == "(" and doc[span.start - 2].pos_ in NOMINALS:
        return noun_phrase(doc[span.start - 2]), "measured-bracket-noun"
    return None


def counted_noun(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'11 mineral commodities', '10 members of the TPP': the thing counted; 'the 15-member RCEP': the noun
    a hyphenated count classifies."""
    span, head, q = t.span, t.head, t.quantity
    unit_tok = next((t for t in reversed(span) if t.pos_ == "NOUN" and q.unit in (t.lemma_.lower(), t.lower_)), None)
    if q.kind in ("count", "ratio") and unit_tok is not None and q.unit != "times":
        if (
            unit_tok.dep_ in ("compound", "amod", "nmod")
            and unit_tok.head.i >= span.end
            and unit_tok.head.pos_ in NOMINALS
            and span.doc[unit_tok.i - 1].text == "-"
        ):
            return noun_phrase(unit_tok.head, _inside(span)), "measured-counted-noun"
        return noun_phrase(unit_tok), "measured-counted-noun"
    if q.kind == "count" and head.pos_ == "NOUN":
        return noun_phrase(head), "measured-counted-noun"
    return None


def complement(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'185 billion tons of coal', '70% of imports', '$74 billion in free cash flow'."""
    span, head = t.span, t.head
    for tok in [head] + [t for t in span if t.i != head.i]:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in words("measured_preposition") and prep.i >= span.end - 1:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if (
                    pobj is not None
                    and pobj.ent_type_ not in ("DATE", "TIME")
                    and pobj.lemma_.lower() not in words("generic_noun")
                ):
                    return noun_phrase(pobj, _inside(span)), "measured-complement"
    return None


def verb_complement(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'imported $51.1 billion in automotive goods': the complement hangs on the verb."""
    span, head = t.span, t.head
    if head.dep_ not in OBJECTS or head.head.pos_ != "VERB":
        return None
    for prep in head.head.children:
        if prep.dep_ == "prep" and prep.lower_ in words("object_preposition") and prep.i >= span.end:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if (
                pobj is not None
                and pobj.ent_type_ not in ("DATE", "TIME", "GPE")
                and pobj.lemma_.lower() not in words("generic_noun")
            ):
                return noun_phrase(pobj, _inside(span)), "measured-verb-complement"
    return None


def level_of_object(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'lowered the auto tariffs to 15%': the level reached by the verb's object."""
    span, head = t.span, t.head
    if not (head.dep_ == "pobj" and head.head.lower_ in words("level_marker") and head.head.head.pos_ == "VERB"):
        return None
    inside = _inside(span)
    obj = next((c for c in head.head.head.children if c.dep_ in OBJECTS and c.i not in inside), None)
    if obj is not None and obj.pos_ in NOMINALS:
        return noun_phrase(obj, inside), "measured-level-object"
    return None


def _anchor(span: Span, head: Token) -> Token:
    """'$56.8 billion, $10 billion less than 2024': a restated figure (apposition) takes its anchor's context."""
    if head.dep_ == "appos" and head.head.i not in _inside(span):
        return head.head
    return head


def modified_noun(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'$8 trillion resource potential', 'second-largest salt mines': the noun the figure modifies."""
    span, head = t.span, t.head
    tok = _anchor(span, head)
    if (
        tok.dep_ in NOMINAL_LINKS | {"npadvmod"}
        and tok.head.i not in _inside(span)
        and tok.head.pos_
        in (
            "NOUN",
            "PROPN",
            "ADJ",
        )
    ):
        return noun_phrase(tok.head, _inside(span)), "measured-modified-noun"
    return None


def of_head(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'growth of 4.9%': the noun the 'of' phrase hangs on."""
    span, head = t.span, t.head
    tok = _anchor(span, head)
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return noun_phrase(tok.head.head, _inside(span)), "measured-of-head"
    return None


def clause(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """Climb to the clause: a relative or participial clause names its noun, else the subject ('United States
    exported' for an action's object), else the verb; nothing for 'be' and 'have'."""
    span, head = t.span, t.head
    inside, tok = _inside(span), _anchor(span, head)
    direct_object = tok.dep_ in OBJECTS
    first_verb = tok.head if direct_object else None
    state_verbs = words("state_verb")
    for _ in range(6):
        if tok.dep_ in RELATIVE_CLAUSES and tok.head.pos_ in NOMINALS:
            return noun_phrase(tok.head, inside), "measured-clause-noun"
        if tok.pos_ in VERBS:
            subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
            if subj is not None and subj.pos_ != "PRON" and subj.i not in inside:
                verb = first_verb if first_verb is not None else tok
                if direct_object and verb.lemma_.lower() not in state_verbs:
                    return f"{noun_phrase(subj, inside)} {verb.text}", "measured-subject-verb"
                return noun_phrase(subj, inside), "measured-subject"
            if tok.dep_ in CLAUSE_LINKS and tok.head.i != tok.i:
                if tok.dep_ == "advcl" and tok.lemma_.lower() not in state_verbs:
                    return tok.text, "measured-verb"  # "while exporting only around $3.88 billion"
                tok = tok.head
                continue
            return (tok.text if tok.lemma_.lower() not in ("be", "have") else None), "measured-verb"
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


# the order is the precedence: what the figure's own words say beats what the clause around it says
MEASURED_STRATEGIES: tuple[Strategy, ...] = (
    elided,
    bracket_noun,
    counted_noun,
    complement,
    verb_complement,
    level_of_object,
    modified_noun,
    of_head,
    clause,
)


def find_measured(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """(what the figure measures, or None, and the deciding strategy's rule id); None when none decides."""
    for strategy in MEASURED_STRATEGIES:
        hit = strategy(t, lex)
        if hit is not None:
            return hit
    return None
