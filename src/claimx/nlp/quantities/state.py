"""The reader's working objects: the Doc being read (`View`), a number read (`Core`), a quantity being built (`Found`).

A `View` lives for one call of `QuantityMatcher.match`: the component itself keeps no per-Doc state.
`Found` is mutable while the reading rules fill it in; `to_reading` freezes it into the
`QuantityReading` stored on the span.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Token

from claimx.nlp.numbers import Numeral
from claimx.nlp.quantities.lexicon import QuantityLexicon
from claimx.nlp.readings import ArticleContext


def sentence_starts(doc: Doc) -> list[int]:
    """For each token, the index of the first token of its sentence (0 throughout without sentences).

    Read once per Doc from the SENT_START array: Token.sent scans the sentence on every call.
    """
    if not len(doc):
        return []
    flags = doc.to_array("SENT_START")
    idx = numpy.arange(len(doc))
    return numpy.maximum.accumulate(numpy.where(flags == 1, idx, 0)).tolist()


@dataclass(frozen=True)
class View:
    """One Doc as the rules read it: the Doc, its sentence starts, the lexicon, the article context."""

    doc: Doc
    lex: QuantityLexicon
    sent_starts: list[int]
    context: ArticleContext
    excluded: frozenset[int] = frozenset()  # tokens inside dates, names, web addresses, ...

    def tok(self, k: int) -> Token | None:
        """Token k, or None past either end."""
        return self.doc[k] if 0 <= k < len(self.doc) else None

    def lower(self, k: int) -> str:
        """Token k lower-cased, or '' past either end."""
        return self.doc[k].lower_ if 0 <= k < len(self.doc) else ""

    def same_sentence(self, a: int, b: int) -> bool:
        return self.sent_starts[a] == self.sent_starts[b]


@dataclass
class Core:
    """A number as written, before qualifiers and unit: digits ("1.2bn") or words ("two-thirds")."""

    start: int
    end: int
    value: float | None
    words: bool = False
    scaled: bool = False
    fraction: bool = False
    numeral: Numeral | None = None
    rule_ids: list[str] = field(default_factory=list)
    unscaled: float | None = None
    low: float | None = None
    high: float | None = None
    n_words: int = 0  # number words read, for a number written in words
    approximate: bool = False  # written with an uncertainty ("9.83e-3 +/- 1e-5")


@dataclass
class Found:
    """One quantity being read, before it becomes a span."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    bound: str = "="
    unit: str | None = None
    unit_text: str | None = None
    kind: str = "other"
    change: str | None = None
    unit_expr: str | None = None  # the unit as a pint expression, when the registry knows it
    core: tuple[int, int] = (0, 0)
    head: int | None = None
    measured_head: int | None = None  # the noun an elided figure borrows ("an additional 31" -> commodities)
    major_currency: str | None = None  # the ISO code a cent or penny is a hundredth of
    rule_ids: list[str] = field(default_factory=list)

    def negate(self) -> None:
        for attr in ("value", "low", "high"):
            v = getattr(self, attr)
            if v is not None:
                setattr(self, attr, -v)
