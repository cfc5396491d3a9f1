"""Counted nouns read apart from the number: the singular of a counted noun, and the noun a count names past
a bracketed restatement ('processed about 66,000 (2 percent) more returns')."""

from __future__ import annotations

from spacy.tokens import Token

from claimx.nlp.deps import PLURAL_TAGS
from claimx.nlp.quantities.state import Found, View

COMPARATIVE_CHANGE = {"more": "up", "additional": "up", "fewer": "down", "less": "down"}


def noun_lemma(tok: Token) -> str:
    """The singular of a counted noun: the lemmatizer's, except where its suffix rules cut a plural in -es
    after a sibilant the wrong way ('terahashes' -> 'terahashe', 'taxes' -> 'taxe')."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if lemma == low[:-1] and lemma.endswith("e") and low.endswith(("shes", "ches", "xes", "sses", "zzes")):
        return low[:-2]
    return lemma


def noun_past_bracket(v: View, q: Found) -> str | None:
    """'processed about 66,000 (2 percent) more returns', 'received 52,000 (68 percent) fewer individual
    returns': a bare count restated in brackets counts the plural noun after the bracket, past a comparative
    (which makes it a rise or a fall) and adjectives (`unit-counted-past-bracket`). The unit only: the span
    stays the number, the bracket is a figure of its own."""
    doc, k = v.doc, q.end
    if q.unit is not None or k >= len(doc) or doc[k].text != "(":
        return None
    close = next((j for j in range(k + 1, min(len(doc), k + 8)) if doc[j].text == ")"), None)
    if close is None or not any(doc[j].like_num for j in range(k + 1, close)):
        return None
    m = close + 1
    comparative = doc[m].lower_ if m < len(doc) and doc[m].lower_ in COMPARATIVE_CHANGE else None
    m += comparative is not None
    while m < len(doc) and m - close <= 4 and doc[m].pos_ == "ADJ":
        m += 1
    if m >= len(doc) or doc[m].pos_ != "NOUN" or doc[m].tag_ not in PLURAL_TAGS or not doc[m].is_lower:
        return None
    q.unit, q.kind, q.unit_text, q.measured_head = noun_lemma(doc[m]), "count", doc[close + 1 : m + 1].text, m
    if comparative is not None and q.change is None:
        q.change = COMPARATIVE_CHANGE[comparative]
    return "unit-counted-past-bracket"
