"""Hedges and modality: hedge words that govern a figure, and the modality they set.

A hedge counts when it is in the quantity ("an estimated $74 billion"), on a verb or adjective the
figure hangs on, a modifier of the noun phrase it is part of ("estimated reserves"), an auxiliary or a
subordinating word of its clause ("could", "if"), or a fixed phrase of the sentence ("set to").
Modality: forecast > estimate > hypothetical > asserted. An auxiliary on a verb whose subject is a
proposal, or whose "in" object is one (words.jsonl role `proposal_noun`: "funding would increase to $38.0
million", "the bill would provide $5 billion", "the program would decrease in funding to $25.2 million"),
states what the proposal contains: asserted. A range, approximation or ceiling under
an epistemic "may", "might" or "could" is an estimate ("may be responsible for 30-50% of admissions").
Past a clause or phrase that describes a noun ("its holdings, currently valued at $176.0 billion"), and in a
count of a definite noun phrase ("its last two coal plants"), the figure is presupposed: the auxiliaries
above it do not set its modality.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimx.nlp.context.lexicon import ContextLexicon, words
from claimx.nlp.context.phrases import statistic_of
from claimx.nlp.context.target import Target
from claimx.nlp.deps import NOMINAL_LINKS, NOMINALS, SUBJECTS

MODALITY_ORDER = ("forecast", "estimate", "hypothetical")
NOUN_CLAUSES = frozenset({"acl", "relcl", "appos"})
DEFINITE = frozenset({"the", "its", "their", "his", "her", "our", "these", "those"})


def _describes_noun(tok: Token) -> bool:
    """Is `tok` a clause on a noun ('holdings, currently valued at'), or a phrase on a subject ('her household,
    including four children')?"""
    if tok.dep_ == "advcl" and tok.tag_ == "VBN":  # the parser may hang ", currently valued at" on the verb
        edge = tok.left_edge.i
        return edge >= 2 and tok.doc[edge - 1].text == "," and tok.doc[edge - 2].pos_ in NOMINALS
    if tok.head.pos_ not in NOMINALS:
        return False
    if tok.dep_ == "acl" and tok.tag_ != "VBN":
        return False  # "programs beginning in FY2027 for a total of $500 million": a time, not a property
    return tok.dep_ in NOUN_CLAUSES or (tok.dep_ == "prep" and tok.head.dep_ in SUBJECTS)


def _presupposed_count(t: Target) -> bool:
    """A count in a definite noun phrase names things that exist: "it would phase out its last two coal
    plants" does not suppose the two plants."""
    q, head = t.quantity, t.head
    return (
        q is not None
        and q.kind == "count"
        and any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in head.children if c.i < t.span.start
        )
    )


def _stated_as_current(t: Target, chain: list[Token]) -> bool:
    """A figure its own phrase states as today's is a present fact, whatever the clause above it will do:
    "will be lowered from the current $60 billion per month", "with payments currently running at about $15
    billion per month, runoff will amount to ..." ('current' on its noun, 'currently' on the verb it is the
    level of, below the first verb with an auxiliary)."""
    present = words("present_word")
    if any(c.dep_ == "amod" and c.lower_ in present for c in t.head.children):
        return True
    for anc in chain:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "advmod" and c.lower_ in present for c in anc.children):
            return True
        if any(c.dep_ == "aux" for c in anc.children):
            return False
    return False


def _chain(head: Token, span: Span) -> tuple[list[Token], bool]:
    """The head's ancestors, and whether the figure sits inside a noun phrase (then an auxiliary of the
    clause does not set its modality: "the $5 billion project could start")."""
    nominal = head.dep_ in NOMINAL_LINKS and head.head.i >= span.end
    chain, tok = [], head
    while tok.head.i != tok.i:
        if tok.dep_ in NOMINAL_LINKS and tok.head.pos_ in NOMINALS:
            nominal = True
        tok = tok.head
        chain.append(tok)
    return chain, nominal


def _not_a_hedge(t: Token) -> bool:
    """'relative to FY2025 estimates': a dated noun; 'assessed a fine of $5 million': a verb with an object
    that imposes, not estimates, it (words.jsonl role `object_not_report`; "assessed that ..." estimates)."""
    return dated_noun(t) or (
        t.lemma_.lower() in words("object_not_report") and any(c.dep_ == "dobj" for c in t.children)
    )


def find_hedges(t: Target, lex: ContextLexicon) -> tuple[list[str], str, list[str]]:
    """(hedge words in text order, modality, rule ids)."""
    span, head = t.span, t.head
    found: list[tuple[int, str]] = []
    modal: list[str] = []
    modal_words: list[str] = []
    rules: list[str] = []

    def note(t: Token, modal_ok: bool) -> None:
        entry = lex.hedges.get(t.lower_) or lex.hedges.get(t.lemma_.lower())
        if entry is None or _not_a_hedge(t):
            return
        modality, is_modal, rid = entry
        found.append((t.i, t.lower_))
        rules.append(rid)
        if is_modal and modal_ok:
            modal.append(modality)
            modal_words.append(t.lower_)

    chain, nominal = _chain(head, span)
    nominal = nominal or _presupposed_count(t) or _stated_as_current(t, chain)
    for tok in span:
        note(tok, True)
        for c in tok.children:  # "perhaps eight million people": an adverb on the figure itself
            if c.dep_ == "advmod" and c.i < span.start:
                note(c, True)
    crossed = False  # past a subordinate clause: "after the EU levied a 50% tariff" is not threatened
    below = head
    for anc in chain:
        crossed = crossed or below.dep_ in ("advcl", "relcl", "acl")
        # past a clause or phrase that describes a noun, the figure is a property of that noun, which the
        # clause above supposes no more than the noun itself ("could monetize its holdings, currently valued
        # at $176.0 billion", "her household, including four children, could not get"); the clause's own
        # auxiliary still counts ("countries where it may be responsible for 30-50%")
        nominal = nominal or _describes_noun(below)
        # the active subject of a verb of expecting is who expects ("an estimated 80 percent expect maintenance
        # to persist"), and a coordinated clause is not its verb's ("85 percent report a backlog, and ... expect")
        own_clause = (
            below.dep_ == "conj" and below.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in below.children)
        )  # not an elliptical conjunct: "is forecast at 152.7 million cwt and medium-grain production at 54.7 million"
        apart = (below.dep_ == "nsubj" or own_clause) and anc.pos_ == "VERB"
        revised = _revised_estimate(anc, below)  # "the IMF cut its forecast to 2.8%": the forecast's new value
        verb_modality = _verb_modality(anc, below)
        below = anc
        if anc.pos_ in ("VERB", "AUX", "ADJ") and not (crossed and anc.lemma_.lower() in words("clause_bound_hedge")):
            note(anc, not apart)
        if verb_modality is not None:
            found.append((anc.i, anc.lower_))
            modal.append(verb_modality[0])
            rules.append(verb_modality[1])
        nouns = [anc] if anc.pos_ == "NOUN" else [c for c in anc.children if c.dep_ in SUBJECTS and c.pos_ == "NOUN"]
        if revised is not None:
            note(revised, True)
        for noun in [*nouns, *(statistic_of(n) for n in nouns if statistic_of(n) is not None)]:
            if noun.lower_ in words("hedge_noun"):  # "the programme's estimate of 60,000", "estimates range"
                note(noun, True)
            for c in noun.children:
                if c.dep_ in ("amod", "compound") and c.i < noun.i:
                    note(c, True)  # "forecast production", "estimated reserves"
        proposal = _proposal_clause(anc)
        for c in anc.children:
            epistemic = c.dep_ in ("advmod", "acomp")  # "was likely more than 200,000" (the tagger's ADJ or ADV)
            if epistemic and anc.pos_ in ("VERB", "AUX") and c.lower_ in EPISTEMIC_ADVERBS:
                note(c, not nominal)  # "Sales were probably 5 million units", "perhaps reached 5%"
            if c.dep_ in ("aux", "mark") and c.i < anc.i:
                # "funding would increase to $38.0 million", "the bill would provide $5 billion": what a
                # proposal contains is stated, not supposed
                note(c, (not nominal or c.dep_ == "mark") and not (proposal and c.dep_ == "aux"))
    sent_lower = t.sent.text.lower()
    for phrase in words("sentence_hedge"):  # "set to", "poised to": read from the sentence text
        if phrase in sent_lower and phrase in lex.hedges:
            found.append((t.sent.start, phrase))
            modal.append(lex.hedges[phrase][0])
    found.sort()
    hedges = list(dict.fromkeys(w for _, w in found))
    modality = next((m for m in MODALITY_ORDER if m in modal), "asserted")
    if modality == "hypothetical" and _epistemic_range(t, modal_words):
        modality = "estimate"
        rules.append("hedge-epistemic-range")
    return hedges, modality, rules


FISCAL_OR_YEAR = re.compile(r"^(?:FY|fy)?\s?(?:19|20)\d\d(?:/\d\d)?$")


def dated_noun(verb: Token) -> bool:
    """A 'verb' whose subject is a year or fiscal year is a noun the parser misread: 'relative to FY2025
    estimates' (the FY2025 estimates), which neither hedges the figure nor says who estimates it."""
    return any(c.dep_ in SUBJECTS and FISCAL_OR_YEAR.match(c.text) for c in verb.children)


def _proposal_clause(verb: Token) -> bool:
    """Is the verb's subject, its subject's 'of' object, or its 'in' object a proposal ('the program would
    decrease in funding from $41.0 million to $25.2 million', 'Approximately 92% of the R&D funding requested
    in the budget would have gone to five agencies')?"""
    proposal = words("proposal_noun")
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    of_objects = [o for s in subjects for p in s.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    requested = [  # "92% of the R&D funding requested in the budget"; not "$882 million of funding appropriated"
        o for o in of_objects if any(a.dep_ == "acl" and a.lemma_.lower() in ("request", "propose") for a in o.children)
    ]
    return any(c.lemma_.lower() in proposal for c in subjects + requested) or any(
        c.dep_ == "prep" and c.lower_ == "in" and o.dep_ == "pobj" and o.lemma_.lower() in proposal
        for c in verb.children
        for o in c.children
    )


def _revised_estimate(verb: Token, below: Token) -> Token | None:
    """The hedge noun a verb revises to the figure ('The IMF cut its forecast to 2.8%', 'put its estimate at
    60,000'): the verb's object, when the figure is in its 'to' or 'at' phrase; not the object's modifiers
    ('maintain the target range at 5-1/4 to 5-1/2 percent' revises no forecast)."""
    if verb.pos_ != "VERB" or below.dep_ != "prep" or below.lower_ not in ("to", "at"):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in words("hedge_noun")), None)


EPISTEMIC_MODALS = frozenset({"may", "might", "could"})


def _verb_modality(verb: Token, below: Token) -> tuple[str, str] | None:
    """A modality the verb's construction sets: "our model finds that 70,000 died" (a model's finding is an
    estimate); "I still see inflation falling to 2.2 percent next year" (a forecast)."""
    if verb.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in words("estimate_source_word") for c in verb.children
    ):
        return "estimate", "hedge-estimate-source"
    if _seen_ahead(verb, below):
        return "forecast", "hedge-forecast-see"
    return None


def _seen_ahead(verb: Token, clause: Token) -> bool:
    """'We see growth slowing to 1.5 percent in 2025': "see" in the present with a clause of change or motion
    in its participle is a forecast of that clause's figures ("I saw prices rise 5% last year" is not)."""
    return (
        verb.lemma_.lower() == "see" and verb.tag_ in ("VBP", "VBZ") and clause.dep_ == "ccomp" and clause.tag_ == "VBG"
    )


EPISTEMIC_ADVERBS = frozenset({"probably", "perhaps", "possibly", "maybe", "likely"})


def _epistemic_range(t: Target, modal_words: list[str]) -> bool:
    """'may be responsible for 30-50% of admissions', 'could save approximately $3 billion': a figure
    given as a range, an approximation or a ceiling under an epistemic "may", "might" or "could" (and no
    "if", "would" or threat) is an estimate of what is, not a supposition."""
    q = t.quantity
    if q is None or not modal_words or any(w not in EPISTEMIC_MODALS for w in modal_words):
        return False
    if any(tok.dep_ == "mark" and tok.lower_ in ("if", "unless") for tok in t.sent):
        return False  # "If approved, the plant could produce about 500 tons": a condition
    return q.low is not None or q.bound in ("~", "<", "<=")


def modality_from_source(source_text: str, modality: str) -> str:
    """'according to estimates' is an estimate, 'according to forecasts' a forecast, when nothing else says."""
    if modality != "asserted":
        return modality
    found = set(re.findall(r"[a-z]+", source_text.lower()))
    if found & words("estimate_source_word"):
        return "estimate"
    if found & words("forecast_source_word"):
        return "forecast"
    return modality


BASELINE_CUES = ("from", "than", "versus", "vs", "vs.", "against", "compared with", "compared to")


def past_baseline(span, period, published) -> bool:
    """Is the figure the past baseline of a comparison ('expects Brent to average $78/bbl in the fourth quarter,
    compared with $109/bbl a year ago', 'will rise to 5%, up from 4% last year')? It was measured, not
    forecast: its period ended before the article's date and a comparison cue opens it (`modality-baseline`)."""
    if period is None or published is None or period.end >= published:
        return False
    before = span.doc[max(span.sent.start, span.start - 2) : span.start].text.lower()
    return any(before == cue or before.endswith(" " + cue) for cue in BASELINE_CUES)
