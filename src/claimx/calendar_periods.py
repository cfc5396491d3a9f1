"""Periods as calendar values: a `Period` (first day, last day, label), the constructors of a year, month, day,
quarter and half, an interval of two periods, a period moved by whole months; `YearOnly`, a reference date of
which only the year is known. `claimx.periods` reads time expressions into them."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta


class YearOnly(date):
    """A reference date of which only the year is known (the article's most mentioned year): months and
    quarters without a year take it; "last month" and "this quarter" cannot be resolved against it."""

    def __new__(cls, year: int) -> YearOnly:
        return super().__new__(cls, year, 12, 31)


@dataclass(frozen=True)
class Period:
    """A resolved period: first and last day, and its label (ISO 8601 where it has a form)."""

    start: date
    end: date
    label: str

    @property
    def year(self) -> int:
        """The year the period ends in."""
        return self.end.year


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def year_period(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31), f"{y:04d}")


def month_period(y: int, m: int) -> Period:
    return Period(date(y, m, 1), month_end(y, m), f"{y:04d}-{m:02d}")


def day_period(y: int, m: int, d: int) -> Period | None:
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    return Period(day, day, day.isoformat())


def quarter_period(y: int, q: int) -> Period:
    return Period(date(y, 3 * q - 2, 1), month_end(y, 3 * q), f"{y:04d}-Q{q}")


def half_period(y: int, h: int) -> Period:
    return Period(date(y, 6 * h - 5, 1), month_end(y, 6 * h), f"{y:04d}-H{h}")


def interval(a: Period, b: Period) -> Period:
    """From the start of `a` to the end of `b`; either may be an interval itself ("2010" to "2014/2014-08")."""
    return Period(a.start, b.end, f"{a.label.split('/')[0]}/{b.label.split('/')[-1]}")


def shift_months(p: Period, months: int) -> Period:
    """The period of the same grain `months` months away ('the previous quarter' of 2023-Q3 is 2023-Q2)."""

    def add(y: int, m: int) -> tuple[int, int]:
        k = y * 12 + (m - 1) + months
        return k // 12, k % 12 + 1

    lab = p.label
    if re.fullmatch(r"\d{4}", lab):
        return year_period(p.start.year + months // 12)
    years, whole = divmod(months, 12)
    if re.fullmatch(r"FY\d{4}", lab) and not whole:  # "a year earlier" than fiscal 2024 is FY2023
        fy = int(lab[2:]) + years
        return Period(date(fy, 1, 1), date(fy, 12, 31), f"FY{fy}")
    if re.fullmatch(r"\d{4}/\d\d", lab) and not whole:  # ... than the 2023/24 crop year is 2022/23
        y = p.start.year + years
        return Period(date(y, 1, 1), date(y + 1, 12, 31), f"{y}/{(y + 1) % 100:02d}")
    if "/" in lab:  # a span of periods ("the year to December 2024" is 2024-01/2024-12): each end moves
        ends = [_label_part(x) for x in lab.split("/")]
        if len(ends) == 2 and None not in ends:
            return interval(shift_months(ends[0], months), shift_months(ends[1], months))
        return p
    if "-Q" in lab:
        y, m = add(p.start.year, p.start.month)
        return quarter_period(y, (m - 1) // 3 + 1)
    if "-H" in lab:
        y, m = add(p.start.year, p.start.month)
        return half_period(y, (m - 1) // 6 + 1)
    if re.fullmatch(r"\d{4}-\d\d", lab):
        return month_period(*add(p.start.year, p.start.month))
    if re.fullmatch(r"\d{4}-\d\d-\d\d", lab):
        y, m = add(p.start.year, p.start.month)
        return day_period(y, m, min(p.start.day, calendar.monthrange(y, m)[1])) or p
    return p


def week_period(day: date) -> Period:
    """The ISO 8601 week (Monday to Sunday) holding `day`: label '2025-W10'."""
    y, w, d = day.isocalendar()
    start = day - timedelta(days=d - 1)
    return Period(start, start + timedelta(days=6), f"{y:04d}-W{w:02d}")


def days_to(end: date) -> Period:
    """The seven days up to `end`."""
    return Period(end - timedelta(days=6), end, f"{(end - timedelta(days=6)).isoformat()}/{end.isoformat()}")


LABEL_PART = re.compile(
    r"(?P<fy>FY)?(?P<y>(?:1[6-9]|20)\d\d)(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|Q(?P<q>[1-4])|H(?P<h>[12])|W(?P<w>\d\d)))?"
)


def _label_part(text: str) -> Period | None:
    m = LABEL_PART.fullmatch(text)
    if m is None:
        return None
    y = int(m["y"])
    if m["fy"]:
        return None if m["m"] or m["q"] or m["h"] or m["w"] else Period(date(y, 1, 1), date(y, 12, 31), f"FY{y}")
    if m["d"]:
        return day_period(y, int(m["m"]), int(m["d"]))
    if m["m"]:
        return month_period(y, int(m["m"])) if 1 <= int(m["m"]) <= 12 else None
    if m["q"]:
        return quarter_period(y, int(m["q"]))
    if m["h"]:
        return half_period(y, int(m["h"]))
    if m["w"]:
        try:
            return week_period(date.fromisocalendar(y, int(m["w"]), 1))
        except ValueError:
            return None
    return year_period(y)


def from_label(label: str) -> Period | None:
    """The period a label of this module names, read back ('2017-03/2018-02', '2025-W10', 'FY2024/FY2026'):
    an anchor carried as a label ("rose 1.6 percent over the same period") is the period it was."""
    a, sep, b = label.partition("/")
    first = _label_part(a)
    if first is None or not sep:
        return first
    last = _label_part(b)
    if last is None or last.end < first.start:
        return None
    return Period(first.start, last.end, label)
