"""What claimx's components leave on a Doc: typed, frozen readings, declared once.

`span._.claimx_quantity` holds a `QuantityReading`, `span._.claimx_source` a `SourceReading`,
`span._.claimx_time` a `TimeReading`; `doc._.claimx_context` holds the `ArticleContext` the
components read (see `claimx.nlp.factories` for who requires what). `claimx.claims` turns them into
records; no other module reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the components know about the article a Doc comes from."""

    text_lower: str = ""  # the whole article, lower-cased: currency hints ("Rs" in Pakistan is PKR)
    published_year: int | None = None  # "last year" is resolved against it
    published: date | None = None  # undated periods resolve against it (claimx.periods.article_reference)
    author: str | None = None  # never a claim's source


@dataclass(frozen=True, slots=True)
class QuantityReading:
    """One quantity as the QuantityMatcher read it (token offsets into its Doc)."""

    value: float | None
    low: float | None
    high: float | None
    bound: str
    unit: str | None
    unit_text: str | None
    kind: str
    change: str | None
    core_start: int  # the number itself, without qualifiers or unit
    core_end: int
    head: int | None  # syntactic head of the number and its unit
    unit_expr: str | None  # the unit as a pint expression (claimx.units converts it), when the registry knows it
    end_char: int  # Doc character offset where the quantity's text ends (a glued sentence period excluded)
    measured_head: int | None  # the noun an elided figure borrows ("an additional 31" -> commodities)
    major_currency: str | None = None  # the ISO code a cent or penny is a hundredth of ('9 cents' -> USD)
    # the rate of a change its clause's subject names ('GDP growth was 2.1 percent'): a rise or fall by its
    # `change`, but a level in time, with no baseline period of its own
    rate_of_change: bool = False

    @property
    def moves(self) -> bool:
        """Is the figure a change between two periods ('rose 5% from 2019')?"""
        return self.change is not None and not self.rate_of_change


@dataclass(frozen=True, slots=True)
class SourceReading:
    """Who says so."""

    text: str
    kind: str
    cue: str
    # the source holds only for the phrase it was found in ("the Administration request of $1.30 billion"):
    # it is not shared with the sentence's other figures (`src-sentence-shared`)
    scoped: bool = False


@dataclass(frozen=True, slots=True)
class TimeReading:
    """When the figure refers to."""

    text: str
    year: int | None
    period: str | None = None  # the resolved period (claimx.periods label: '2023-10', '2023-Q3', '2024')
