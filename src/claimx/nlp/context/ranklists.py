"""The list a rank is on: 'ranked fourth on the Tax Justice Network's 2015 Financial Secrecy Index', 'placed
12th in the 2024 Global Innovation Index'. The list says what the rank measures, its owner who ranked, and
its year when the ranking holds (`measured-rank-list`; the source and time rules ask `ranking_list`)."""

from __future__ import annotations

from spacy.tokens import Token

from claimx.nlp.context.target import Target

RANK_VERBS = frozenset({"rank", "place", "come", "finish", "list", "rate", "score"})
LIST_NOUNS = frozenset(
    {"index", "list", "ranking", "rankings", "table", "league", "survey", "report", "chart", "poll", "leaderboard"}
)


def ranked_on(noun: Token, path: set[int] | None = None) -> bool:
    """Is `noun` a list a verb of ranking places something on or in ('ranked fourth on the ... Index')?"""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("on", "in") or noun.lemma_.lower() not in LIST_NOUNS:
        return False
    verb = prep.head
    return verb.lemma_.lower() in RANK_VERBS and (path is None or verb.i in path)


def ranking_list(t: Target) -> Token | None:
    """The list a rank figure's verb places it on, or None."""
    if t.quantity is None or t.quantity.unit != "rank":
        return None
    verb = next((a for a in [t.head, *t.head.ancestors][:3] if a.lemma_.lower() in RANK_VERBS), None)
    if verb is None:
        return None
    return next(
        (p for c in verb.children if c.dep_ == "prep" and c.i >= t.span.end for p in c.children if ranked_on(p)),
        None,
    )


def rank_list(t: Target, lex) -> tuple[str | None, str] | None:
    """'ranked fourth on the Tax Justice Network's 2015 Financial Secrecy Index': the list's name, without
    its owner and year ('Financial Secrecy Index')."""
    noun = ranking_list(t)
    if noun is None:
        return None
    doc, first = noun.doc, noun.i
    while first > 0 and doc[first - 1].dep_ in ("compound", "amod") and not doc[first - 1].like_num:
        first -= 1
    return doc[first : noun.i + 1].text, "measured-rank-list"
