"""A period named without its year in a clause that looks ahead is the next one, not the last one: in an
article of June 2025, "inflation could reach 4% by December" is December 2025, "the plant will open in
December with 200 workers" December 2025; "prices rose 4% in December" stays December 2024, and so do the
two months before the article's, whose data a forecast may still await.

A clause looks ahead when the figure's verb, or a verb it hangs on, has a future or modal auxiliary ("will",
"could", "may", ...), or is a verb of forecasting in the present tense ("expects", "are projected to").
A past forecast ("had expected inflation to reach 3% in March") looks at a past that the writer knows.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from claimx.calendar_periods import Period, YearOnly, shift_months

FUTURE_AUX = frozenset({"will", "'ll", "wo", "would", "could", "may", "might", "shall", "should"})
FORECAST_VERBS = frozenset({"expect", "forecast", "project", "predict", "anticipate", "plan", "aim", "target"})
PRESENT = frozenset({"VBZ", "VBP", "VB"})
BASELINE_WORDS = frozenset({"from", "than", "since", "versus", "vs", "vs.", "over"})
SHORT_PERIOD = re.compile(r"^\d{4}-(?:\d\d|Q[1-4]|H[12])$")


def looks_ahead(span: Span) -> bool:
    """Does the clause of the figure look ahead?"""
    for verb in [span.root, *span.root.ancestors]:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_AUX for a in aux):
            return True
        if verb.lemma_.lower() in FORECAST_VERBS and (
            verb.tag_ in PRESENT or verb.tag_ == "VBN" and any(a.tag_ in PRESENT for a in aux)
        ):
            return True
        if verb.dep_ not in ("xcomp", "ccomp", "advcl", "conj"):
            return False  # the clause's own verb decides; a reporting verb above it does not
    return False


def ahead(period: Period, text: str, start: int, span: Span, published) -> Period:
    """`period` (its text starting at token `start`) moved a year on when its text names no year, it ended
    three months or more before the article's month, neither it nor the figure is a baseline ("down from
    September", "up from 180 in March") and the figure's clause looks ahead. A forecast of the months just
    gone is of data not yet out ("is expected to come in at 0.3 percent for February", written in March),
    and keeps its year."""
    if published is None or isinstance(published, YearOnly) or re.search(r"\d{4}|'\d\d", text):
        return period
    month_start = published.replace(day=1)
    three_back = shift_months(Period(month_start, month_start, month_start.strftime("%Y-%m")), -2).start
    if not SHORT_PERIOD.match(period.label) or period.end >= three_back:
        return period
    doc = span.doc
    if any(k > 0 and doc[k - 1].lower_ in BASELINE_WORDS for k in (start, span.start)):
        return period  # "down from September", "up from 180 in March": a baseline is behind
    return shift_months(period, 12) if looks_ahead(span) else period
