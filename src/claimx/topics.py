"""A paragraph's topic period: the fiscal or split year its opening sentence names ("WHEAT: The outlook for
2025/26 U.S. wheat this month is for larger supplies"), read for `claims.carry_time`. Never spaCy."""

from __future__ import annotations

import re

from claimx.periods import parse_period
from claimx.rulefiles import word_list
from claimx.schema import Claim, TimeRef

TOPIC_PERIOD = re.compile(r"(?<![\w$€£.,/#§-])(?:FY\s?(?:19|20)\d\d|(?:19|20)\d\d/(?:19|20)?\d\d)(?![\w%]|[.,]\d)")
FIRST_SENTENCE = re.compile(r"\s*(.+?[^A-Z.][.!?])(?=\s|$)", re.DOTALL)  # not at "U.S."
NOT_TOPIC_BEFORE = re.compile(r"\b(?:since|from|until|till|before|after|by|than)\s+(?:the\s+)?$", re.IGNORECASE)


def topic_periods(claims: list[Claim], text: str, bounds: list[tuple[int, int]]) -> dict[int, tuple[TimeRef, bool]]:
    """Paragraph -> (the reporting period its opening sentence sets, whether that sentence announces an
    outlook) when that sentence holds no figure and names one fiscal or split year: "WHEAT: The outlook for
    2025/26 U.S. wheat is for larger supplies. Supplies are raised 58 million bushels" dates the 58 million
    to 2025/26 (rule id `time-topic`) and makes it a forecast (`modality-topic`: the opening names an
    outlook, forecast or projection, words.jsonl role `forecast_source_word`). A period after "since",
    "from", "until", "by" or "than" is a reference point, not the paragraph's topic."""
    with_figures = {c.sentence_start for c in claims}
    forecast_words = word_list("forecast_source_word")
    topics: dict[int, tuple[TimeRef, bool]] = {}
    for i, (start, end) in enumerate(bounds):
        m = FIRST_SENTENCE.match(text, start, end)
        if m is None or any(m.start(1) <= s < m.end(1) for s in with_figures):
            continue
        sentence = m.group(1)
        hits = list(TOPIC_PERIOD.finditer(sentence))
        if len({h.group(0) for h in hits}) != 1 or NOT_TOPIC_BEFORE.search(sentence[: hits[0].start()]):
            continue
        period = parse_period(hits[0].group(0))
        if period is not None:
            outlook = any(w in forecast_words for w in re.findall(r"[a-z]+", sentence.lower()))
            topics[i] = (TimeRef(text=hits[0].group(0), year=period.year, period=period.label), outlook)
    return topics


MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
# a date that names a document ("based on the September 30 Small Grains Summary", "the September 30 Grain
# Stocks report") or a baseline ("down 62 million from September", "higher than in March") is not when the
# figure is
NOT_OWN_DATE = re.compile(
    rf"\b(?:{MONTH_NAMES})(?:\s+\d{{1,2}})?(?:,?\s+(?:19|20)\d\d)?\s+(?:[A-Z][\w-]*\s+){{1,4}}"
    r"(?:[Ss]ummary|[Rr]eport|[Ss]urvey|[Rr]elease|[Oo]utlook|[Ee]stimates?)\b"
    rf"|\b(?:from|than|since|versus|vs\.?)\s+(?:in\s+)?(?:{MONTH_NAMES})\b"
)


def date_of_its_own(sentence: str, own_date: re.Pattern) -> bool:
    """Does the sentence name a date of its own, past those of a document's name or a baseline?"""
    return own_date.search(NOT_OWN_DATE.sub(" ", sentence)) is not None
