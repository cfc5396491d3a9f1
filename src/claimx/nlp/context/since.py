"""A total or average counted since a date runs to the writing (rule `time-since`; used by `time.find_time`):
'Since 2007, the IRS has paid over $1.4 billion' in a report of March 2026 is 2007/2026."""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimx.calendar_periods import YearOnly, interval, month_period, year_period
from claimx.nlp.context.phrases import figure_anchor
from claimx.nlp.context.target import Target
from claimx.nlp.context.timecands import Cand
from claimx.nlp.deps import NOMINALS, SUBJECTS
from claimx.nlp.extensions import article_context
from claimx.nlp.readings import TimeReading
from claimx.periods import parse_period


def accumulates(t: Target, since: Token) -> bool:
    """Is the figure a total or average over the period 'since' opens: the object, subject or complement of
    the verb 'since' hangs on ('Since 2007, the IRS has paid over $1.4 billion'), or counting a noun 'since'
    modifies ('126 credit operations since 1936', 'five rules promulgated since 2025')? A change of the verb
    'since' hangs on runs over the same period ('Enrollment has grown by 40% since 2015'); not a level a
    change starts from or reaches ('has jumped from $5 to $12 since January': January's price and today's)."""
    q = t.quantity
    anchor = figure_anchor(t.span, t.head)
    owner = since.head.head if since.dep_ == "mark" else since.head  # "have fled since the war began in 2022"
    if q is not None and q.moves:
        governors = [anchor, *anchor.ancestors][:3]  # "has grown by 40% since 2015": through its "by"
        return owner.pos_ in ("VERB", "AUX") and any(g.i == owner.i for g in governors)
    if anchor.dep_ in ("nummod", "compound", "quantmod") and anchor.head.pos_ in NOMINALS:
        anchor = anchor.head  # "126 credit operations": the noun counted
    if owner.i == anchor.i or (owner.dep_ == "acl" and owner.head.i == anchor.i):
        return True
    return anchor.dep_ in (*SUBJECTS, "dobj", "attr") and anchor.head.i == owner.i


def since_cue(c: Cand, doc) -> Token | None:
    """The 'since' a date starts a period with, running to the writing: 'Since 2007, the IRS has paid over
    $1.4 billion', '121,177 deaths since the pandemic's outbreak last year' ('since' right before the date
    or heading its phrase)."""
    root = doc[c.start : c.end].root
    before = doc[max(c.start - 1, 0)]
    if before.lower_ == "since":
        return before
    cue = next((a for a in [*root.ancestors][:3] if a.lower_ == "since" and a.i < c.start), None)
    if cue is None:  # "since the war began in 2022": the mark of the clause the date is in
        clause = next((a for a in [*root.ancestors][:3] if a.pos_ in ("VERB", "AUX")), None)
        cue = since_mark(clause) if clause is not None else None
    return cue


def since_mark(clause: Token) -> Token | None:
    """The 'since' that opens a clause ('since the war began in 2022'), if any."""
    return next((c for c in clause.children if c.lower_ == "since" and c.dep_ == "mark"), None)


def until_writing(reading: TimeReading, c: Cand, since: Token) -> TimeReading | None:
    """A total counted since a date runs from that date to the writing, in the date's grain: 'since 2007' in
    a report of March 2026 is 2007/2026, 'since November' 2023-11/2024-03, 'since FY2019' FY2019/FY2026;
    unread without the article's date, or when the date is already the writing's period."""
    doc = since.doc
    published = article_context(doc, "claimx_context").published
    start = parse_period(reading.period) if reading.period else None
    if published is None or isinstance(published, YearOnly) or start is None:
        return None  # the writing's date unknown (a YearOnly is the year the article mentions most)
    if start.label.startswith("FY"):
        end = parse_period(f"FY{published.year + (published.month >= 10)}")
    elif re.fullmatch(r"\d{4}", start.label):
        end = year_period(published.year)
    else:
        end = month_period(published.year, published.month)
    if end is None or start.end >= end.start:
        return None
    period = interval(start, end)
    return TimeReading(text=doc[since.i : c.end].text, year=published.year, period=period.label)


def under_since(c: Cand, doc) -> bool:
    """Is the date in a 'since' phrase or clause ('the highest price reported since we began collecting this
    data in October 1990', 'the first increase since 2019/20')? The start of a long span, it anchors no
    other date of the sentence: 'By November 7 ... a record $5.93/gal, the highest since October 1990' is
    November of the article's year, not 1990."""
    root = doc[c.start : c.end].root
    for anc in [root, *root.ancestors][:4]:
        if anc.lower_ == "since" or any(ch.lower_ == "since" and ch.dep_ in ("mark", "prep") for ch in anc.children):
            return True
    return False


def since_then(t: Target, cands: list[Cand]) -> list[Cand]:
    """'peaked at 14.7% in April 2020 and has since fallen to 4%': the adverb 'since' on the figure's verb
    puts the figure after the dates before it, which are not its time."""
    verbs = [a for a in t.head.ancestors if a.pos_ in ("VERB", "AUX")][:1]
    since = next((c for v in verbs for c in v.children if c.lower_ == "since" and c.dep_ == "advmod"), None)
    return cands if since is None else [c for c in cands if c.start > since.i]
