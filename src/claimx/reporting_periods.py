"""Periods that reports and news name by their length or their end, read for `claimx.periods.parse_period`:

- a quarter, half or year "ended" or "ending" a day is the months up to it ("the quarter ended Dec. 31" ->
  2024-Q4, read as "1 quarters ended Dec. 31"; "the year ended June 30, 2024" -> 2023-07/2024-06), rewritten into the
  "N months ended ..." form `parse_period` reads; so is "the year through June" (the 12 months to June);
- "the past decade" stays unresolved: a decade is as often a loose "about ten years" as a window;
- "the first two months of the year", "the first nine months of 2024", "the first three quarters of last
  year": months (quarters) counted from January of the year named, else of the anchor's year, else the writing's;
- "the weekend", "last weekend", "over the weekend": the Saturday and Sunday before the writing (on a
  weekend day, that weekend);
- "the previous day", "the day before": a day counted from a dated day of the sentence (the anchor);
- "the January-March quarter", "the July-September quarter of 2024": the calendar quarter those months make,
  the latest one begun by the writing when no year is named.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimx.calendar_periods import Period, YearOnly, day_period, interval, month_period, quarter_period

REWRITES = (
    (re.compile(r"^(?:fiscal\s+|financial\s+)?quarter\s+(ended|ending)\s+"), r"1 quarters \1 "),
    (re.compile(r"^(?:fiscal\s+|financial\s+)?(?:half[\s-]year|half)\s+(ended|ending)\s+"), r"6 months \1 "),
    (re.compile(r"^(?:fiscal\s+|financial\s+)?year\s+(ended|ending)\s+"), r"12 months \1 "),
    (re.compile(r"^year\s+(through|to)\s+(?!date\b)"), r"12 months \1 "),  # "the year through June": 12 months to June
    (re.compile(r"^quarter\s+(through|to)\s+(?!date\b)"), r"3 months \1 "),
)  # fmt: skip
FIRST_MONTHS = re.compile(
    r"^first\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+(?P<unit>months|quarters)"
    r"(?:\s+of\s+(?:(?P<y>(?:19|20)\d\d)|(?:the|this)\s+year|(?P<last>last)\s+year))?$"
)
WEEKEND = re.compile(r"^(?:(?:last|past|over\s+the)\s+)?weekend$")
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
COUNTS |= {"eleven": 11}


def rewrite(s: str) -> str:
    """`s` in the form `parse_period` reads: 'quarter ended dec. 31' -> '3 months ended dec. 31'."""
    for rx, repl in REWRITES:
        s = rx.sub(repl, s)
    return s


def first_months(s: str, reference: date | None, anchor: Period | None) -> Period | None:
    """'first two months of the year' -> January and February of the anchor's year, else the writing's;
    'first three quarters of 2018' -> 2018-Q1 to 2018-Q3."""
    m = FIRST_MONTHS.match(s)
    if not m:
        return None
    n = COUNTS.get(m["n"]) or int(m["n"])
    year = int(m["y"]) if m["y"] else anchor.year if anchor else reference.year if reference else None
    if m["last"] and reference is not None:
        year = reference.year - 1  # "the first three quarters of last year"
    if m["unit"] == "quarters":
        return interval(quarter_period(year, 1), quarter_period(year, n)) if year and 1 <= n <= 3 else None
    if year is None or not 1 <= n <= 11:
        return None
    return interval(month_period(year, 1), month_period(year, n))


def weekend(s: str, reference: date | None, anchor: Period | None) -> Period | None:
    """'over the weekend' in an article of Thursday 13 March 2025 -> 2025-03-08/2025-03-09."""
    if not WEEKEND.match(s) or reference is None or isinstance(reference, YearOnly):
        return None
    back = (reference.weekday() - 6) % 7  # days since the last Sunday (0 on a Sunday)
    sunday = reference - timedelta(days=back)
    saturday = sunday - timedelta(days=1)
    return Period(saturday, sunday, f"{saturday.isoformat()}/{sunday.isoformat()}")


DAY_RELATIVE = re.compile(
    r"^(?:day\s+(?P<dir>before|earlier|after|later)|(?P<which>previous|prior|preceding|following|next|same)\s+day"
    r"|(?:a|one)\s+day\s+(?P<dir2>earlier|before|later|after))$"
)


def day_relative(s: str, reference: date | None, anchor: Period | None) -> Period | None:
    """'300 deaths on Sunday, up from 250 the previous day', 'down from the day before': a day counted from a
    dated day (the anchor); unread without one."""
    m = DAY_RELATIVE.match(s)
    if m is None or anchor is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", anchor.label):
        return None
    word = m.group("dir") or m.group("which") or m.group("dir2")
    step = 0 if word == "same" else 1 if word in ("after", "later", "following", "next") else -1
    day = anchor.start + timedelta(days=step)
    return day_period(day.year, day.month, day.day)


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # fmt: skip
MONTH_QUARTER = re.compile(r"^(?P<a>[a-z]+)\s*[-–]\s*(?P<b>[a-z]+)\s+quarter(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d))?$")


def month_quarter(s: str, reference: date | None, anchor: Period | None) -> Period | None:
    """'the January-March quarter' in an article of June 2025 -> 2025-Q1; 'the October-December quarter' ->
    2024-Q4; a named year wins, then the anchor's."""
    m = MONTH_QUARTER.match(s)
    if m is None or m["a"] not in MONTHS or m["b"] not in MONTHS:
        return None
    first, last = MONTHS.index(m["a"]) + 1, MONTHS.index(m["b"]) + 1
    if first % 3 != 1 or last != first + 2:
        return None  # not a calendar quarter ("the February-April quarter" of a retailer's year)
    if m["y"]:
        year = int(m["y"])
    elif anchor is not None:
        year = anchor.year
    elif reference is not None:
        year = reference.year if first <= reference.month else reference.year - 1
    else:
        return None
    return quarter_period(year, (first - 1) // 3 + 1)
