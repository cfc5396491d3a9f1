"""The quantity a strategy is asked about, with what every strategy reads of it computed once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Span, Token

from claimx.nlp.deps import phrase_head
from claimx.nlp.readings import QuantityReading


@dataclass(frozen=True)
class Target:
    """One quantity span, its syntactic head, its sentence and its reading."""

    span: Span
    head: Token
    sent: Span
    quantity: QuantityReading | None = None

    @classmethod
    def of(cls, span: Span) -> Target:
        q = span._.claimx_quantity
        head = span.doc[q.head] if q is not None and q.head is not None else phrase_head(span)
        return cls(span=span, head=head, sent=span.sent, quantity=q)

    @cached_property
    def ancestors(self) -> list[Token]:
        """The head's ancestors, nearest first."""
        return list(self.head.ancestors)

    @cached_property
    def inside(self) -> set[int]:
        """Token indices of the quantity span."""
        return set(range(self.span.start, self.span.end))
