"""The unit of a bare count, read from what it measures: the concept's head word ("payroll employment rose
by 236,000" counts jobs; news_units.jsonl role `count_concept`), or the counted concept of its clause."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from claimx.nlp.context.lexicon import ContextLexicon, words
from claimx.nlp.context.phrases import past_generic
from claimx.nlp.context.target import Target
from claimx.nlp.deps import SUBJECTS
from claimx.rulefiles import load_rules

HEAD_FOLLOWERS = frozenset({"of", "in", "at", "for", "among", "across", "from", "to", "with", "by", ","})


def implied_count_unit(measured: str | None, lex: ContextLexicon) -> tuple[str, str] | None:
    """(unit, rule id) of a bare count from the concept it measures, when the concept's head is one whose
    counts have a unit (news_units.jsonl role count_concept): "payroll employment rose by 236,000" counts
    jobs, "the number of unemployed persons, at 5.8 million" people. The concept word must be the head of
    the phrase (its last word, or followed by a preposition): "unemployment insurance claims" are claims; a
    ratio, share or rate of people is not a count of them ("the ratio of vacancies to unemployment fell to 1.1")."""
    if not measured:
        return None
    toks = re.findall(r"[\w'-]+|,", measured.lower())
    head = next((k - 1 for k, w in enumerate(toks) if w in HEAD_FOLLOWERS), len(toks) - 1)
    if head >= 0 and toks[head] in words("ratio_head"):
        return None  # "the ratio of vacancies to unemployment" is a ratio, whatever it divides
    best: tuple[int, str, str] | None = None
    for words_, unit, rule in lex.count_concepts:
        n = len(words_)
        for i in range(len(toks) - n + 1):
            nxt = toks[i + n] if i + n < len(toks) else None
            if tuple(toks[i : i + n]) == words_ and (nxt is None or nxt in HEAD_FOLLOWERS or _restricts(nxt)):
                if best is None or i + n > best[0]:
                    best = (i + n, unit, rule)
    return (best[1], best[2]) if best else None


@cache
def concept_kind(rule_id: str) -> str:
    """The kind a count concept's figures have: 'count', or 'duration' for one counted in time ('Life
    expectancy at birth was 55': years)."""
    return next((e.kind for e in load_rules("news_units") if e.id == rule_id and e.kind), "count")


def _restricts(word: str) -> bool:
    """A word that opens a phrase restricting the concept after its head ('persons employed part time',
    'people living in poverty', 'persons not in the labor force')."""
    return word == "not" or word.endswith(("ed", "ing"))


def _noun_phrase(tok: Token) -> str:
    """A noun with its compounds and adjectives before it ('job losses', 'total nonfarm payroll employment')."""
    left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
    return " ".join([*(c.text for c in left), tok.text])


def clause_count_unit(target: Target, lex: ContextLexicon) -> tuple[str, str] | None:
    """(unit, rule id) of a bare count that restates a change of its clause's counted concept: 'job growth
    occurred in home health care services (+15,000)', 'Couriers and messengers (+7,000) added jobs'. The
    figure's ancestors are read up to the first verb, then that verb's subject and object."""
    for anc in [target.head, *target.ancestors[:6]]:
        if anc.pos_ in ("NOUN", "PROPN") and anc.i not in target.inside:
            hit = implied_count_unit(_noun_phrase(anc), lex)
            if hit is not None:
                return hit
            unit = counted_by(anc)  # "the employee count from 6,513 to 5,861"
            if unit is not None:
                return unit, "unit-count-head"
        if anc.pos_ in ("VERB", "AUX"):
            verbs = [anc]  # the verb's own object first: "proposed to reduce the employee count from 6,513"
            while anc.dep_ == "xcomp" and not any(c.dep_ in SUBJECTS for c in anc.children):
                anc = anc.head  # "Employment continued to trend up in nursing facilities (+8,000)"
                verbs.append(anc)
            for child in (c for verb in verbs for c in verb.children):
                if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.i not in target.inside:
                    counted = past_generic(child)
                    hit = implied_count_unit(_noun_phrase(counted), lex)  # "the number of refugees"
                    if hit is not None:
                        return hit
                    unit = counted_by(child)
                    if unit is not None:
                        return unit, "unit-count-head"
            return None
    return None


def counted_by(tok: Token) -> str | None:
    """The noun a count noun counts (words.jsonl role `count_head`): its plural 'of' noun ("the number of
    cases at 350 million", "the backlog of unprocessed tax returns grew from 183,000"), else the noun
    compounded before it ("the total FWS employee count from 6,513", "the death toll rose to 144")."""
    if tok.lemma_.lower() not in words("count_head"):
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is not None:
        return pobj.lemma_.lower() if pobj.tag_ == "NNS" else None
    if tok.lemma_.lower() == "number":
        return None  # "phone number", "case number": a number before a noun names, it does not count
    compound = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return compound[-1].lemma_.lower() if compound else None


def share_whole_count(target: Target, measured: str | None) -> tuple[str, str] | None:
    """(unit, rule id) of a bare count in brackets right after a share of a plural noun: 'an estimated 77
    percent (about 12,300) of the nation's museums' counts museums (`unit-share-count`)."""
    span = target.span
    doc = span.doc
    if not measured or span.start < 2 or doc[span.start - 1].text != "(":
        return None
    shares = [
        q for q in doc.spans.get("claimx_quantities", []) if q.end == span.start - 1 and q._.claimx_quantity is not None
    ]
    if not shares or shares[0]._.claimx_quantity.kind not in ("percent", "ratio"):
        return None
    k = span.end
    of = doc[k + 1] if k + 1 < len(doc) and doc[k].text == ")" and doc[k + 1].lower_ == "of" else None
    # the first plural noun after the 'of' ("(about 13,700) of museums report having a backlog", however the
    # parser joined 'museums report')
    whole = next((t for t in doc[k + 2 : k + 6] if t.tag_ == "NNS"), None) if of is not None else None
    if whole is not None:
        return whole.lemma_.lower(), "unit-share-count"
    last = measured.split()[-1]
    if not re.fullmatch(r"[a-z]+s", last) or last.endswith("ss"):
        return None
    from claimx.units import singular

    return singular(last), "unit-share-count"
