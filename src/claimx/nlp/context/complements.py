"""Measured strategies that read a phrase after the figure or its verb: "185 billion tons of coal", "imported
$51.1 billion in automotive goods", "$1.2 billion in fees"; and the subject a figure is the complement of."""

from __future__ import annotations

from spacy.tokens import Token

from claimx.nlp.context.lexicon import ContextLexicon, words
from claimx.nlp.context.phrases import change_verbs, figure_anchor, noun_phrase, span_tokens
from claimx.nlp.context.target import Target
from claimx.nlp.context.timecands import EVENT_PREPOSITIONS, qualified_era
from claimx.nlp.deps import AGENT_ENTITIES, OBJECTS

MeasuredHit = tuple[str | None, str]


def copula_subject(t: Target) -> Token | None:
    """The subject a figure is the complement of, when it names a measure: 'The population density was 743.6
    people per square mile' (not a pronoun, a place or an organisation)."""
    tok = figure_anchor(t.span, t.head)
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "was about 6% for females and 3.5% for males"
        tok = tok.head
    verb = tok.head
    if tok.dep_ not in ("attr", "acomp") or verb.lemma_.lower() != "be":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_ in AGENT_ENTITIES:
        return None
    if subj.lemma_.lower() in words("generic_measure"):
        return None  # "The average was 40 patients per day": the counted noun says more
    return subj


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
                    and not _when_noun(prep, pobj)
                ):
                    subj = copula_subject(t) if prep.lower_ == "for" and t.quantity.kind == "percent" else None
                    if subj is not None:  # "The unemployment rate was 3.4 percent for adult men": the rate's
                        return f"{noun_phrase(subj)} for {noun_phrase(pobj, span_tokens(span))}", "measured-complement"
                    return noun_phrase(pobj, span_tokens(span)), "measured-complement"
    return None


def verb_complement(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'imported $51.1 billion in automotive goods': the complement hangs on the verb."""
    span, head = t.span, t.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in words("generic_measure"):
        head = head.head.head  # "spent an average of $1,200 on energy": the measure stands where the figure does
    if head.dep_ not in OBJECTS or head.head.pos_ != "VERB":
        return None
    change_verb = head.head.lemma_.lower() in change_verbs()
    for prep in head.head.children:
        if prep.dep_ == "prep" and prep.lower_ in words("object_preposition") and prep.i >= span.end:
            if change_verb and prep.lower_ == "on":
                continue  # "increase 11.7 million tons ... on higher production": the cause, not the thing
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if (
                pobj is not None
                and pobj.ent_type_ not in ("DATE", "TIME", "GPE")
                and pobj.lemma_.lower() not in words("generic_noun")
                and not _when_noun(prep, pobj)
            ):
                return noun_phrase(pobj, span_tokens(span)), "measured-verb-complement"
    return None


def _when_noun(prep: Token, pobj: Token) -> bool:
    """'Turnout was 62% in the last election', 'averaged 2 percent in the current expansion', 'lost $5 billion
    during the crisis': a phrase (not an 'of' phrase) naming a period (words.jsonl role `period_noun`) or an
    era (role `era_noun`, placed by a word such as 'current' or 'last' after 'in') says when, not what is
    measured ('invested $5 billion in the expansion' is what the money pays for)."""
    if prep.lower_ == "of":
        return False
    if pobj.ent_type_ == "EVENT" or pobj.lemma_.lower() in words("period_noun"):
        return True
    return qualified_era(pobj) or (
        prep.lower_ in EVENT_PREPOSITIONS - {"in"} and pobj.lemma_.lower() in words("era_noun")
    )


AMOUNT_IN_REFUSED_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "NORP", "ORG", "MONEY", "PERCENT", "CARDINAL"})


def amount_in(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'$1.94 billion in FWS mandatory appropriations', '$1.2 billion in fees', '$20 billion in new loans': an
    amount of money is of the common noun its own 'in' phrase names, written without a determiner; not a
    date, a place or an organisation ('$5 million in 2024', '$3 billion in Mexico'), nor where the money
    goes ('put $3 billion in the fund')."""
    span, q = t.span, t.quantity
    if q is None or q.kind != "currency" or span.end >= len(span.doc):
        return None
    prep = span.doc[span.end]
    if prep.lower_ != "in" or prep.dep_ != "prep" or not (span.start <= prep.head.i < span.end):
        return None
    # the last object: the parser may split "in FWS mandatory appropriations" into two
    noun = next((c for c in reversed(list(prep.children)) if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ != "NOUN" or noun.ent_type_ in AMOUNT_IN_REFUSED_ENTITIES:
        return None
    if any(c.dep_ in ("det", "poss") for c in noun.children):
        return None  # "put $3 billion in the fund": where it goes, not what it is
    return noun_phrase(noun, span_tokens(span)), "measured-amount-in"
