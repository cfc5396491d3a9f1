"""Time expressions read as periods: 'October', 'the third quarter of 2023', 'a year earlier'. Never spaCy.

`parse_period(text, reference=..., anchor=...)` turns the text of a time expression into a `Period` with
a normalized label, resolving what the text leaves open:

- a month, day, quarter or half without a year takes the year of the *anchor* (the nearest dated period
  of the figure's clause or sentence), else the latest such period that starts no more than a month
  after the *reference* date (the article's publication date; else the year it mentions most): in an
  article of 28 November 2023, "October" is 2023-10, "December" 2023-12 and "February" 2023-02;
- a period relative to the writing ("last year", "this month", "next quarter", "five years ago", "a decade
  ago") is counted from the reference date; the present ("today", "currently", "now") is the month of the
  reference date; the edge of a year, quarter or month ("since the start of the year", "by the end of the
  month") is the anchor's, else the writing's, as "the first half of the year" is;
- a period relative to another ("the previous year", "a year earlier", "the prior quarter") is counted
  from the anchor, else from the reference date; "over the month" and "the quarter" of a monthly or
  quarterly release are the anchor's month or quarter, and unread without one;
- "the past 12 months", "the 12 months to October 2023" end at the anchor (or the named month);
- seasons are meteorological and northern ("this winter" in December 2014 is 2014-12/2015-02);
- weeks are ISO 8601 weeks, Monday to Sunday ("last week" in an article of 11 March 2025 is 2025-W10;
  "the week of March 3" too; "the week ending December 12" the seven days up to it; "the past week" the
  seven days up to the writing); a day of the week alone is the latest such day on or before the writing.

Labels follow ISO 8601 where it has a form: `2023`, `2023-10`, `2023-10-05`, `2023-W10`, `2023-Q3`, `2023-H1`,
intervals `2017-08-21/2017-08-28`; fiscal years are `FY2024` (their months differ by country); a split
year ("2025/26", the marketing, crop or fiscal year across two calendar years) is `2025/26`; a decade
("the early 1980s") is `1980/1989`, a century before 2000 ("the 1800s") `1800/1899`; years from 1600 on
are read ("between 1847 and 1851"). ISO months
and days ("2024-06", "2021-01 to 2021-03") are read as written.

    >>> from datetime import date, timedelta
    >>> parse_period("October", reference=date(2023, 11, 28)).label
    '2023-10'
    >>> parse_period("the previous year", anchor=parse_period("2025")).label
    '2024'
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import partial

from claimx import reporting_periods as reporting
from claimx.calendar_periods import (
    Period,
    YearOnly,
    day_period,
    days_to,
    from_label,
    half_period,
    interval,
    month_period,
    quarter_period,
    shift_months,
    week_period,
    year_period,
)
from claimx.nlp.wordnumbers import read_number_words

MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}  # first month, northern hemisphere
UNITS = {"year": 12, "years": 12, "quarter": 3, "quarters": 3, "month": 1, "months": 1, "half": 6}

_MONTH = r"(?P<{0}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<{0}>(?:1[6-9]|20)\d\d)"  # 1600-2099: history writes "between 1847 and 1851"
LEAD = re.compile(
    r"^(?:(?:in|on|during|as of|at|for|by|of|each|over|through|throughout|until|since|the|its|their|our|early|late|mid|"
    r"earlier|later|"
    r"(?:the\s+)?(?:end|start|beginning|middle|close)\s+of|(?:the\s+)?(?:period|years?)(?=\s+(?:from\s+)?\d))(?:\s+|-))+"
)
TRAIL = re.compile(r"(?:'s|’s|[\s,.;:)])+$")
# "2025 filing season", "2024 to 2025 filing season": a year's named season is that year (its months unknown);
# not a meteorological season ("the 2014-15 winter season"), read by `_season`
NAMED_SEASON = re.compile(
    r"^(?P<years>(?:fy\s?)?(?:19|20)\d\d(?:\s*(?:[-–/]|to|and|through)\s*(?:19|20)?\d\d)?)\s+"
    r"(?:(?!(?:spring|summer|fall|autumn|winter)\b)[a-z-]+(?:\s+[a-z-]+)?\s+)?seasons?$"
)  # "the 2024/25 season" too: a season named by its years alone


LABEL_SPAN = re.compile(r"(\d{4}-(?:Q[1-4]|H[12]|W\d\d|\d\d))\s+(?:to|through)\s+(\d{4}-(?:Q[1-4]|H[12]|W\d\d|\d\d))")
POINTING_PERIOD = re.compile(
    r"^(?:(?:during|in|over|for|throughout)\s+)?(?:(?:that|this|the)\s+same|that|this|same)\s+(?:time\s+)?periods?$"
)  # "that time period", "the same period", "this same time period": the period named before (the anchor)
LOOKAHEAD = timedelta(days=31)  # "September 11" in a page dated September 8 is this September 11


def small_number(word: str) -> int | None:
    """'12', 'twelve', 'a' -> 12, 12, 1; None when it is not a whole number."""
    if word in ("a", "an"):
        return 1
    if word.isdigit():
        return int(word)
    wn = read_number_words(word.replace("-", " - ").split(), 0)  # "twenty-five", "half-dozen"
    return int(wn.value) if wn is not None and wn.value == int(wn.value) and not wn.fraction else None


def _latest(make, reference: date | None, anchor: Period | None) -> Period | None:
    """A period without a year: the anchor's year, else the latest one starting on or before the reference."""
    if anchor is not None:
        return make(anchor.year)
    if reference is None:
        return None
    if isinstance(reference, YearOnly):
        return make(reference.year)
    p = make(reference.year)
    return p if p is not None and p.start <= reference + LOOKAHEAD else make(reference.year - 1)


def _current(unit: str, reference: date) -> Period | None:
    """The year, quarter, half or month holding the reference date."""
    if unit.startswith("year"):
        return year_period(reference.year)
    if isinstance(reference, YearOnly):
        return None
    if unit.startswith("quarter"):
        return quarter_period(reference.year, (reference.month - 1) // 3 + 1)
    if unit.startswith("half"):
        return half_period(reference.year, 1 if reference.month <= 6 else 2)
    return month_period(reference.year, reference.month)


SIMPLE = [
    (re.compile(rf"^{_MONTH.format('m')}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR.format('y')})?$"), "day"),
    (
        re.compile(
            rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.format('m')}(?:,?\s+{_YEAR.format('y')})?$"
        ),
        "day",
    ),
    (re.compile(rf"^{_MONTH.format('m')}(?:,?\s+(?:of\s+)?{_YEAR.format('y')})?$"), "month"),
    (
        re.compile(
            rf"^(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+quarter"
            rf"(?:\s+(?:of\s+|in\s+)?{_YEAR.format('y')})?$"
        ),
        "quarter",
    ),
    (re.compile(rf"^q(?P<q>[1-4])(?:\s*(?:of\s+)?{_YEAR.format('y')})?$"), "quarter"),
    # a quarter named by its last month, as New Zealand and Australian statistics do: "the September 2014 quarter"
    (re.compile(rf"^{_MONTH.format('qm')}(?:\s+{_YEAR.format('y')})?\s+quarter$"), "quarter"),
    (re.compile(rf"^{_YEAR.format('y')}\s*-?\s*q(?P<q>[1-4])$"), "quarter"),
    (re.compile(rf"^(?P<h>first|second|1st|2nd)\s+half(?:\s+(?:of\s+)?{_YEAR.format('y')})?$"), "half"),
    (re.compile(rf"^h(?P<h>[12])(?:\s*{_YEAR.format('y')})?$"), "half"),  # "H1 2024", "H1" of the anchor's year
    (
        re.compile(rf"^(?:calendar\s+year\s+|year\s+|cy\s*)?{_YEAR.format('y')}(?:\s+census)?$"),
        "year",
    ),  # "the 2021 census"
    (re.compile(r"^(?:fiscal\s+(?:years?\s*)?|fys?\s*'?)(?P<y>(?:19|20)?\d\d)$"), "fiscal"),  # "fiscal 2023"
    (re.compile(r"^fys?\s*'?(?P<a>\d\d)\s*[-–]\s*(?:fy\s*'?)?(?P<b>\d\d)$"), "fiscal_span"),  # "FY03-05"
    (re.compile(r"^(?P<dec>(?:1[6-9]|20)\d0)'?s$"), "decade"),  # "the 1990s", "the early 1980s"
    (
        re.compile(
            rf"^(?:fy\s*|fiscal\s+(?:year\s+)?|crop\s+year\s+|marketing\s+year\s+)?{_YEAR.format('y')}\s*(?P<sep>[/–-])\s*"
            r"(?P<y2>\d\d|(?:19|20)\d\d)(?:\s+(?:marketing|crop|fiscal|financial|school|academic)\s+year)?$"
        ),
        "split",
    ),
    (re.compile(rf"^{_YEAR.format('y')}-(?P<mo>0[1-9]|1[0-2])$"), "iso_month"),  # "2024-06", as labels write it
    (re.compile(rf"^{_YEAR.format('y')}-(?P<mo>0[1-9]|1[0-2])-(?P<d>[0-3]\d)$"), "iso_day"),  # "2024-06-15"
]
DEICTIC = re.compile(r"^(?P<which>last|this|next|past|coming|current)\s+(?P<unit>year|quarter|month|half)$")
AGO = re.compile(
    r"^(?P<n>a|an|[a-z]+(?:-[a-z]+)?|\d+)\s+(?P<unit>years?|quarters?|months?|decades?)\s+"
    r"(?P<dir>ago|earlier|before|later)$"
)
# "since the start of the year", "by the end of the month": the anchor's year, quarter or month, else the writing's
EDGE_OF_UNIT = re.compile(
    r"^(?:(?:since|by|at|until|from|through)\s+)?(?:the\s+)?(?:start|beginning|end|middle|close)\s+of\s+the\s+"
    r"(?P<unit>year|quarter|month)$"
)
ANAPHORIC = re.compile(
    r"^(?:same\s+(?:period|month|quarter|time)\s+(?:of\s+|in\s+)?)?"
    r"(?P<which>previous|prior|preceding|year-earlier|year-ago|following|next|same|that)\s+(?P<unit>year|quarter|month|half)$"
)
THE_PERIOD = re.compile(r"^(?:(?:over|during|in|for|through)\s+)?the\s+(month|quarter)$")
BEFORE = re.compile(r"^(?P<unit>year|quarter|month)\s+(?P<dir>before|earlier|ago|after|later)$")
SAME_LAST_YEAR = re.compile(
    r"^same\s+(?:period|month|quarter|time|week)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+(?:the\s+)?previous\s+year)$"
)
TO_DATE = re.compile(
    r"^(?:(?P<unit>year|quarter|month)[\s-]+to[\s-]+date|(?:so\s+far\s+)?this\s+(?P<unit2>year|quarter|month)\s+so\s+far|"
    r"so\s+far\s+(?:this|in)\s+(?:the\s+)?(?P<unit3>year|quarter|month))$"
)
DURATION = re.compile(
    r"^(?:(?P<back>past|last|previous|prior|preceding|latest|most\s+recent)\s+|(?P<ahead>next|coming|following)\s+)?"
    r"(?P<n>\S+)\s+(?P<unit>years|quarters|months)"
    r"(?:\s+(?:to|through|ending(?:\s+in)?|ended|up\s+to)\s+(?P<end>.+))?$"
)
RANGE = re.compile(r"^(?:from\s+|between\s+)?(?P<a>.+?)\s*(?:\bto\b|\bthrough\b|\band\b|–|—|-)\s*(?P<b>.+)$")


def season_period(y: int, season: str) -> Period:
    """A meteorological season starting in year y (winter runs December to February)."""
    first = month_period(y, SEASONS[season])
    return interval(first, shift_months(first, 2))


SEASON = re.compile(
    r"^(?:(?P<which>this|last|next|past|coming|current|previous|following)\s+)?"
    r"(?:(?P<y1>(?:19|20)\d\d)(?:\s*[-–/]\s*(?P<y2>\d{2}|\d{4}))?\s+)?(?P<s>spring|summer|fall|autumn|winter)"
    r"(?:'s)?(?:\s+(?:of\s+)?(?P<y3>(?:19|20)\d\d)(?:\s*[-–/]\s*(?P<y4>\d{2}|\d{4}))?)?(?:\s+season)?$"
)


def _season(s: str, reference: date | None, anchor: Period | None) -> Period | None:
    """'this winter', 'the 2014-15 winter', 'winter 2014-15', 'last summer', 'summer 2024'."""
    m = SEASON.match(s)
    if not m:
        return None
    season = m.group("s")
    y, split = (m.group("y1"), m.group("y2")) if m.group("y1") else (m.group("y3"), m.group("y4"))
    if y:
        year = int(y)
        # "winter 2015" is the winter that ends in 2015; "the 2014-15 winter" starts in 2014
        return season_period(year - 1 if season == "winter" and not split else year, season)
    base = anchor.end if anchor is not None else reference
    if base is None:
        return None
    # "this winter": the season holding the date, else the one of the date's year ("this spring" said in
    # June is the spring just past, "this summer" said in March the one to come)
    holding = [p for y0 in (base.year - 1, base.year) if (p := season_period(y0, season)).start <= base <= p.end]
    this = holding[0] if holding else season_period(base.year, season)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(m.group("which"), 0)
    return season_period(this.start.year + step, season)


def _day(y: int, *, month: int, day: int) -> Period | None:
    return day_period(y, month, day)


def _month(y: int, *, month: int) -> Period:
    return month_period(y, month)


def _quarter(y: int, *, q: int) -> Period:
    return quarter_period(y, q)


def _half(y: int, *, h: int) -> Period:
    return half_period(y, h)


def _simple(s: str, reference: date | None, anchor: Period | None) -> Period | None:
    for rx, grain in SIMPLE:
        m = rx.match(s)
        if not m:
            continue
        g = m.groupdict()
        y = int(g["y"]) if g.get("y") else None
        if grain == "quarter" and g.get("q") == "last" and y is None:
            return None  # "last quarter" alone is the one before the writing's (DEICTIC), not Q4
        if grain == "fiscal":
            fy = int(g["y"]) + (2000 if len(g["y"]) == 2 else 0)
            return Period(date(fy, 1, 1), date(fy, 12, 31), f"FY{fy}")
        if grain == "fiscal_span":  # "FY03-05", "FY22-26": fiscal years 2003 to 2005, 2022 to 2026
            a, b = (int(g[k]) + (1900 if int(g[k]) > 50 else 2000) for k in ("a", "b"))
            if b <= a:
                return None
            return Period(date(a, 1, 1), date(b, 12, 31), f"FY{a}/FY{b}")
        if grain == "year":
            return year_period(y)
        if grain == "decade":
            d = int(g["dec"])
            span = 99 if d % 100 == 0 and d < 2000 else 9  # "the 1800s" is the century, "the 2000s" a decade
            return Period(date(d, 1, 1), date(d + span, 12, 31), f"{d}/{d + span}")
        if grain == "split":  # "2025/26": twelve months across two years, their months unknown
            y2 = int(g["y2"])
            full = y2 if y2 >= 100 else y // 100 * 100 + y2
            if full > y + 1 and (g["sep"] != "-" or len(g["y2"]) == 4 or y2 > 12):
                # "2020–23": four years; "FY2020-2023": four fiscal years, FY2020 to FY2023
                fy = "FY" if s.startswith(("fy", "fiscal")) else ""
                return Period(date(y, 1, 1), date(full, 12, 31), f"{fy}{y}/{fy}{full}")
            if y2 != y + 1 and y2 != (y + 1) % 100:
                continue  # "2021-01" is a month, read below
            return Period(date(y, 1, 1), date(y + 1, 12, 31), f"{y}/{(y + 1) % 100:02d}")
        if grain == "iso_month":
            return month_period(y, int(g["mo"]))
        if grain == "iso_day":
            return day_period(y, int(g["mo"]), int(g["d"]))
        if grain == "day":
            make = partial(_day, month=MONTHS[g["m"]], day=int(g["d"]))
        elif grain == "month":
            make = partial(_month, month=MONTHS[g["m"]])
        elif grain == "quarter" and g.get("qm"):
            if MONTHS[g["qm"]] % 3:
                continue  # "the August quarter" ends no calendar quarter
            make = partial(_quarter, q=MONTHS[g["qm"]] // 3)
        elif grain == "quarter":
            make = partial(_quarter, q=4 if g["q"] in ("final", "last") else ORDINALS.get(g["q"]) or int(g["q"]))
        else:
            make = partial(_half, h=ORDINALS.get(g["h"]) or int(g["h"]))
        return make(y) if y else _latest(make, reference, anchor)
    return None


PRESENT = re.compile(r"^(?:today|currently|now|right now|at present|presently|as of now|current)$")


def _relative(s: str, reference: date | None, anchor: Period | None) -> Period | None:
    if PRESENT.match(s) and reference is not None:
        # "currently valued at $176.0 billion", "Today, take-up is $500 billion": the month of the writing
        return _current("year" if isinstance(reference, YearOnly) else "month", reference)
    m = DEICTIC.match(s)
    if m and reference is not None and (m.group("unit") == "year" or not isinstance(reference, YearOnly)):
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m.group("which"), 0)
        cur = _current(m.group("unit"), reference)
        return shift_months(cur, step * UNITS[m.group("unit")]) if cur else None
    if SAME_LAST_YEAR.match(s):
        base = anchor or (year_period(reference.year) if reference else None)
        return shift_months(base, -12) if base else None
    m = AGO.match(re.sub(r"^decade\s+(?=ago|earlier|before|later)", "a decade ", s))  # "a decade ago", stripped
    if m:
        n, unit = small_number(m.group("n")), m.group("unit").rstrip("s")
        if unit == "decade":  # "a decade ago": ten years back, in years
            n, unit = (10 * n if n is not None else None), "year"
        # "two years ago" counts from the writing; "a year earlier" from the anchor, else the writing
        if m.group("dir") == "ago" or anchor is None:
            base = _current(unit, reference) if reference else None
        else:
            base = anchor if unit == "year" or not re.fullmatch(r"\d{4}", anchor.label) else None
        if base is None or n is None:
            return None
        months = n * UNITS[unit]
        return shift_months(base, -months if m.group("dir") in ("ago", "earlier", "before") else months)
    m = ANAPHORIC.match(s) or BEFORE.match(s)
    if m:
        unit = m.group("unit")
        which = m.groupdict().get("which") or m.groupdict().get("dir")
        step = {"following": 1, "next": 1, "after": 1, "later": 1, "same": 0, "that": 0}.get(which, -1)
        if which in ("year-earlier", "year-ago"):
            step, unit = -1, "year"
        if which == "that" and anchor is None:
            return None  # "that year" points back to a period the text named, never to the writing's
        base = anchor or (_current(unit, reference) if reference else None)
        if base is None:
            return None
        if unit == "year" and not re.fullmatch(r"\d{4}", base.label):
            return shift_months(base, 12 * step)  # "the same quarter of the previous year"
        if unit == "year":
            return shift_months(base, 12 * step)
        grain = _current(unit, base.start)
        return shift_months(grain, UNITS[unit] * step)
    return None


WEEK_DEICTIC = re.compile(
    r"^(?P<which>last|this|next|past|coming|current|previous|prior|preceding|following|same)\s+week$"
)
WEEK_AGO = re.compile(r"^(?:(?P<n>a|an|one|two|three|four|\d)\s+)?weeks?\s+(?P<dir>ago|earlier|before|later)$")
WEEK_OF = re.compile(r"^week\s+(?P<how>of|beginning|starting|ending|ended)\s+(?P<day>.+)$")
WEEK_STEP = {"last": -1, "previous": -1, "prior": -1, "preceding": -1, "next": 1, "coming": 1, "following": 1}
FROM_ANCHOR = frozenset({"previous", "prior", "preceding", "following", "same", "earlier", "before", "later"})


def _week(s: str, reference: date | None, anchor: Period | None) -> Period | None:
    """'last week', 'this week', 'two weeks ago' count ISO weeks from the writing ('the past week': its seven
    days); 'the previous week', 'a week earlier' from a dated day or week of the sentence, else from the
    writing; 'the week of March 3' is the ISO week holding the day, 'the week ending December 12' its seven days."""
    m = WEEK_OF.match(s)
    if m:
        day = _simple(_strip(m.group("day")), reference, anchor)
        if day is None or day.start != day.end:
            return None
        return days_to(day.end) if m.group("how") in ("ending", "ended") else week_period(day.start)
    m, ago = WEEK_DEICTIC.match(s), WEEK_AGO.match(s)
    if m is None and ago is None:
        return None
    which = m.group("which") if m else ago.group("dir")
    step = WEEK_STEP.get(which, 0) if m else small_number(ago.group("n") or "a") * (1 if which == "later" else -1)
    dated = anchor is not None and re.fullmatch(r"\d{4}-(?:\d\d-\d\d|W\d\d)", anchor.label) is not None
    if which in FROM_ANCHOR and anchor is not None:
        return week_period(anchor.start + timedelta(weeks=step)) if dated else None  # a month's "previous week"?
    if reference is None or isinstance(reference, YearOnly):
        return None
    return days_to(reference) if which == "past" else week_period(reference + timedelta(weeks=step))


def _duration(s: str, reference: date | None, anchor: Period | None) -> Period | None:
    m = DURATION.match(s)
    if not m:
        return None
    n = small_number(m.group("n"))
    if n is None:
        return None
    if m.group("ahead"):
        return _ahead(n, m.group("unit"), m.group("ahead"), reference, anchor)
    end = parse_period(m.group("end"), reference=reference, anchor=anchor) if m.group("end") else anchor
    quarters = m.group("unit") == "quarters"
    if end is None and m.group("back") and reference is not None and not isinstance(reference, YearOnly):
        # "over the past 12 months" in a text of 28 November 2023: the 12 months to October, the last
        # month whose figures can be out (statistics describe complete months); "the last two quarters":
        # the two to the third quarter
        end = shift_months(_current("quarter" if quarters else "month", reference), -3 if quarters else -1)
    if end is None:
        return None
    if m.group("back") in ("prior", "previous", "preceding") and not m.group("end") and end is anchor:
        # "236,000 in March, compared with the average over the prior 6 months": the six before March
        end = shift_months(_current("quarter" if quarters else "month", end.end), -3 if quarters else -1)
    months = n * UNITS[m.group("unit")]
    if quarters:
        last = quarter_period(end.end.year, (end.end.month - 1) // 3 + 1)
        return interval(shift_months(last, -(months - 3)), last) if n > 1 else last
    last = month_period(end.end.year, end.end.month)
    first = shift_months(last, -(months - 1))
    return interval(first, last)


def _ahead(n: int, unit: str, word: str, reference: date | None, anchor: Period | None) -> Period | None:
    """'the next two years' said in 2025: 2026 and 2027, the whole years after the writing's (after the
    anchor's for 'the following two years'); 'the next 12 months', 'the coming two quarters': those after the
    writing's month or quarter."""
    base = anchor if word == "following" and anchor is not None else None
    if base is None and (reference is None or isinstance(reference, YearOnly) and unit != "years"):
        return None
    if unit == "years":
        year = base.end.year if base is not None else reference.year
        return interval(year_period(year + 1), year_period(year + n))
    step = 3 if unit == "quarters" else 1
    first = shift_months(_current("quarter" if step == 3 else "month", base.end if base else reference), step)
    return interval(first, shift_months(first, n * step - step)) if n > 1 else first


def _to_date(s: str, reference: date | None, anchor: Period | None) -> Period | None:
    """'so far this year', 'year to date': from the start of the year (quarter, month) to the writing."""
    m = TO_DATE.match(s)
    if not m or reference is None or isinstance(reference, YearOnly):
        return None
    unit = m.group("unit") or m.group("unit2") or m.group("unit3")
    whole = _current(unit, reference)
    if whole is None:
        return None
    first, last = month_period(whole.start.year, whole.start.month), month_period(reference.year, reference.month)
    return last if first == last else interval(first, last)


WORD_RANGE = re.compile(r"^(?:from\s+|between\s+)?(?P<a>.+?)\s+(?:to|through|and)\s+(?P<b>.+)$")


def _range(s: str, reference: date | None, anchor: Period | None) -> Period | None:
    m = WORD_RANGE.match(s) if re.search(r"\d-\d", s) else None  # "2021-01 to 2021-03": not at the dash
    m = m or RANGE.match(s)
    if not m:
        return None
    b = _simple(_strip(m.group("b")), reference, anchor)
    if b is None:
        return None
    a = _simple(_strip(m.group("a")), reference, b)
    if a is None:
        return None
    if a.label.startswith("FY") and re.fullmatch(r"\d{4}", b.label):
        b = Period(b.start, b.end, f"FY{b.label}")  # "fiscal years 2023 and 2024": both fiscal
    if a.start > b.start and not re.search(r"(1[6-9]|20)\d\d", m.group("a")):
        a = shift_months(a, -12)  # "December to February 2024": December 2023
    if a.start > b.end:
        return None
    return interval(a, b)


OF_RELATIVE_YEAR = re.compile(
    r"^(?P<part>.+?)\s+(?:of\s+)?(?P<year>(?:this|last|next)\s+year|the\s+previous\s+year|(?<=of )the\s+year)$"
)


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DATED_WEEKDAY = re.compile(r"^(?:" + "|".join(WEEKDAYS) + r"),?\s+(?=[a-z0-9])")  # the date after it says


WEEKDAY = re.compile(
    r"^(?:(?P<which>last|this|next|past)\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")"
    r"(?:\s+(?:morning|afternoon|evening|night))?$"
)


def _weekday(s: str, reference: date | None) -> Period | None:
    """A day of the week alone, counted from the writing: "Sunday" in a report of Monday 3 May 2021 is 2 May,
    the latest such day on or before the reference (news reports what happened); "next Thursday" and "this
    Thursday" look ahead, "last Sunday" never takes the day of writing itself. Unread without a full date."""
    m = WEEKDAY.match(s)
    if m is None or reference is None or isinstance(reference, YearOnly):
        return None
    gap = (reference.weekday() - WEEKDAYS.index(m.group("day"))) % 7
    which = m.group("which")
    if which in ("next", "this"):
        ahead = (7 - gap) % 7 or (7 if which == "next" else 0)
        day = reference + timedelta(days=ahead)
    else:
        day = reference - timedelta(days=gap or (7 if which in ("last", "past") else 0))
    return day_period(day.year, day.month, day.day)


def _strip(s: str) -> str:
    """'in the end of October 2023,' -> 'october 2023'; 'Monday, March 10' -> 'march 10' (a day of the week
    alone is read by `_weekday`)."""
    s = re.sub(r"^(?:a|the)\s+", "", TRAIL.sub("", LEAD.sub("", s)))
    return DATED_WEEKDAY.sub("", s)


def parse_period(text: str, *, reference: date | None = None, anchor: Period | None = None) -> Period | None:
    """The period a time expression names, resolved against `anchor` and `reference` (see the module)."""
    raw = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'"))
    if re.fullmatch(r"[\dfyqhw/-]+", raw) and (own := from_label(text.strip())) is not None:
        return own  # a label of ours, read back ('2017-03/2018-02', '2025-W10')
    ends = LABEL_SPAN.fullmatch(text.strip())
    if ends and (own := from_label(f"{ends[1]}/{ends[2]}")) is not None:
        return own  # two labels joined by "to" or "through" ('2018-Q1 to 2018-Q3', '2024-03 through 2024-06')
    m = THE_PERIOD.match(raw)
    if m:  # "over the month" of a monthly release: the month the text is about, never the writing's
        fine = anchor is not None and re.fullmatch(r"\d{4}-(?:\d\d|Q\d)(?:-\d\d)?", anchor.label)
        return _current(m.group(1), anchor.end) if fine else None
    if POINTING_PERIOD.match(raw):  # "that time period", "the same period": the period named before
        return anchor
    m = EDGE_OF_UNIT.match(raw)
    if m:  # as "the first half of the year": the anchor's, else the writing's
        unit = m.group("unit")
        if anchor is not None and (unit == "year" or re.fullmatch(r"\d{4}-(?:\d\d|Q\d)(?:-\d\d)?", anchor.label)):
            return _current(unit, anchor.end)
        return _current(unit, reference) if reference is not None else None
    weekday = _weekday(re.sub(r"^(?:a|the)\s+", "", TRAIL.sub("", LEAD.sub("", raw))), reference)
    if weekday is not None:
        return weekday
    s = _strip(raw)
    if not s:
        return None
    named = NAMED_SEASON.match(s)
    if named:  # "the 2025 filing season", "the 2024 hurricane season": a season named by its year
        s = named.group("years")
    m = OF_RELATIVE_YEAR.match(s)
    if m:  # "the fourth quarter this year", "March of last year": the year first, then the period in it
        if m.group("year") == "the year":  # "the first half of the year": the anchor's, else the writing's
            year = year_period(anchor.year) if anchor else _relative("this year", reference, None)
        else:
            year = _relative(m.group("year"), reference, anchor)
        part = None
        if year is not None:  # "March of last year", "October through December last year"
            part = _simple(_strip(m.group("part")), reference, year) or _range(m.group("part"), reference, year)
        if part is not None:
            return part
    s = reporting.rewrite(s)  # "quarter ended dec. 31" -> "3 months ended dec. 31", "past decade"
    for read in PERIOD_READERS:
        p = read(s, reference, anchor)
        if p is not None:
            return p
    return None


# in order: a month span naming a quarter before `_range`, which reads "january-march" alone
PERIOD_READERS = (_simple, _season, _relative, reporting.day_relative, _week, _to_date, _duration,
                  reporting.month_quarter, _range, reporting.first_months, reporting.weekend)  # fmt: skip
YEAR_MENTION = re.compile(r"(?<![\d$€£.,/#§-])((?:19|20)\d\d)(?![\d%]|[.,]\d|\s*(?:percent|per\s+cent)\b)")


def article_reference(text: str, published: str | None) -> date | None:
    """What undated periods of an article are resolved against: its publication date, else the year it
    mentions most (ties: the latest), as a `YearOnly` (HeidelTime's narrative mode does the same)."""
    day = parse_date(published)
    if day is not None:
        return day
    counts: dict[int, int] = {}
    for m in YEAR_MENTION.finditer(text):
        y = int(m.group(1))
        counts[y] = counts.get(y, 0) + 1
    if not counts:
        return None
    return YearOnly(max(counts, key=lambda y: (counts[y], y)))


def parse_date(value: str | None) -> date | None:
    """An ISO date ('2023-11-28', '2023-11-28T10:00:00Z') as a date; None when it is not one."""
    if not value:
        return None
    m = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
