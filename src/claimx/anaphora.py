"""Periods that point back ("that year", "the same period", "this period"), resolved against the text before
them (`claims.carry_time` applies the result, rule `time-anaphora`)."""

from __future__ import annotations

import re

from claimx.periods import POINTING_PERIOD, parse_period
from claimx.schema import Claim, TimeRef

ANAPHORIC_TIME = re.compile(
    r"^(?:(?:that|the\s+same)\s+(?:year|quarter|month|half|day)|(?:(?:over|during|in|for)\s+)?the\s+(?:month|quarter)"
    r"|(?:that|this|the)\s+(?:same\s+)?(?:time\s+)?periods?"
    r"|(?:the\s+)?day\s+(?:before|after)"
    r"|the\s+(?:previous|prior|preceding|following|next)\s+day|(?:a|one)\s+day\s+(?:earlier|later))$",
    re.IGNORECASE,
)
SPAN_WORD = re.compile(r"\d\s*(?:-|–|to|through)\s*(?:FY\s?)?\d", re.IGNORECASE)
RELEASE_PERIOD = re.compile(r"^(?:(?:over|during|in|for)\s+)?the\s+(?:month|quarter)$", re.IGNORECASE)
MONTH_OR_QUARTER = re.compile(r"\d{4}-(?:\d\d|Q\d)")
NAMED_PERIOD_BEFORE = re.compile(
    r"\b(?:(?:fiscal\s+years?\s+|FY\s?)(?:1[6-9]|20)\d\d(?:\s*(?:-|–|to|through)\s*(?:FY\s?)?(?:1[6-9]|20)\d\d)?"
    r"|(?:1[6-9]|20)\d\d\s+(?:to|through)\s+(?:1[6-9]|20)\d\d"
    r"|(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+"
    r"(?:\d{1,2},\s+)?)?(?:1[6-9]|20)\d\d\b(?![-/]\d))",
    re.IGNORECASE,
)


def anaphoric_time(
    c: Claim, text: str, paragraph_start: int, before: TimeRef | None, previous_start: int | None = None
) -> TimeRef | None:
    """'In 2012, there were 207 million cases. That year, the disease killed between 473,000 and 789,000
    people': a period that points back ("that year", "the same month") is the period of the figure before
    it in its paragraph (`before`), else the last year or month the text names before the figure's
    sentence, in its paragraph, else in the 600 characters before it (`time-anaphora`). "This period"
    opening a paragraph names a span: the last span of years the paragraph before names ("in fiscal years
    2018 through 2023 ... peaked in fiscal year 2022. // During this period, ..." is FY2018 to FY2023).
    None when the text names none."""
    window = text[paragraph_start : c.sentence_start] or text[max(0, c.sentence_start - 600) : c.sentence_start]
    named = list(NAMED_PERIOD_BEFORE.finditer(window))
    anchor = parse_period(before.period) if before is not None else None
    opening = not text[paragraph_start : c.sentence_start].strip()
    if anchor is None and opening and previous_start is not None and POINTING_PERIOD.match(c.time.text):
        spans = [
            m
            for m in NAMED_PERIOD_BEFORE.finditer(text[previous_start : c.sentence_start])
            if SPAN_WORD.search(m.group(0))
        ]
        anchor = parse_period(spans[-1].group(0)) if spans else None
    if anchor is None and named:
        anchor = parse_period(named[-1].group(0))
    if anchor is None:
        return None
    period = parse_period(c.time.text, anchor=anchor)
    if period is None:
        return None
    return TimeRef(text=c.time.text, year=period.year, period=period.label)


def sentence_span(done: list[Claim], c: Claim) -> TimeRef | None:
    """'exports increased from $22.5 billion in 2006 to $50.4 billion in 2024, while imports increased from
    $15.6 billion to $45.1 billion during the same time period': a pointing period after figures of its own
    sentence dated to two or more periods of one grain is the span from the first to the last."""
    if c.time is None or not POINTING_PERIOD.match(c.time.text):
        return None
    labels = [d.time.period for d in done if d.sentence_start == c.sentence_start and d.time and d.time.period]
    labels = [x for x in labels if "/" not in x]
    if len(set(labels)) < 2 or len({len(x) for x in labels}) != 1:
        return None
    first, last = min(labels), max(labels)
    return TimeRef(
        text=f"{first} to {last}", year=int(last[:4]) if last[:4].isdigit() else None, period=f"{first}/{last}"
    )
