"""The two levels of a transition dated by one span: 'Exports rose from $5 billion to $9 billion between 2010
and 2020' -> the $5 billion is of 2010, the $9 billion of 2020 (`time-transition-ends`).

The quantity reader marks the levels a change runs between (`transition-from`, `transition-to`); when both
carry the same span of periods, each end of the span is its level's. A split year ("2024/25") and a span
whose ends do not read back as periods stay as they are."""

from __future__ import annotations

from claimx.calendar_periods import from_label
from claimx.claims import revised
from claimx.schema import Claim, TimeRef


def transition_ends(claims: list[Claim]) -> list[Claim]:
    """Each `transition-from` level followed, in its sentence, by its `transition-to` level, both dated by the
    same span: the first takes the span's first period, the second its last."""
    out = list(claims)
    for k, a in enumerate(out):
        if "transition-from" not in a.rule_ids or a.time is None or not _span(a.time.period):
            continue
        b = next(
            (
                j
                for j in range(k + 1, len(out))
                if out[j].sentence_start == a.sentence_start and "transition-to" in out[j].rule_ids
            ),
            None,
        )
        if b is None or out[b].time is None or out[b].time.period != a.time.period:
            continue
        first, last = a.time.period.split("/")
        out[k] = revised(a, ["time-transition-ends"], time=_end_time(a.time, first))
        out[b] = revised(out[b], ["time-transition-ends"], time=_end_time(out[b].time, last))
    return out


def _span(label: str | None) -> bool:
    """A span of two periods that read back ('2010/2020', 'FY2018/FY2023', '2018-Q1/2018-Q3'), not a split
    year ('2024/25')."""
    if not label or label.count("/") != 1:
        return False
    first, last = label.split("/")
    return len(first) == len(last) and from_label(first) is not None and from_label(last) is not None


def _end_time(time: TimeRef, label: str) -> TimeRef:
    period = from_label(label)
    return TimeRef(text=time.text, year=period.end.year if period else time.year, period=label)
