"""QuantityMatcher: the spaCy component that finds quantities and stores their readings as spans.

The component only wires things: a frozen `QuantityLexicon` and the `PatternRules` are built once when
it is created; each call reads a Doc through a fresh `View` (so nothing about one Doc stays on the
component) and stores one span per quantity, with its `QuantityReading`, in `doc.spans[spans_key]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.nlp.extensions import article_context
from claimx.nlp.quantities.exclusions import PatternRules, shape_exclusions
from claimx.nlp.quantities.lexicon import QuantityLexicon
from claimx.nlp.quantities.ranges import tally_tokens
from claimx.nlp.quantities.reader import Year, read_all
from claimx.nlp.quantities.state import Found, View, sentence_starts
from claimx.nlp.readings import QuantityReading

TRAILING_PERIOD = re.compile(r"[^\W\d_]{1,3}(?:\^?[-−⁻][123¹²³])?\.")  # "kW.", "kΩ.", "K.", "s⁻¹."


@dataclass(frozen=True)
class Matches:
    """What `QuantityMatcher.match` read from one Doc."""

    quantities: list[Found]
    years: list[Year]
    not_claims: dict[int, str] = field(default_factory=dict)  # token -> NOT_CLAIM rule id


class QuantityMatcher:
    """Finds quantities and stores them as spans in `doc.spans[spans_key]`.

    Args:
        nlp: the pipeline; its tokenizer splits the lexicon phrases the way it splits text.
        name: the component name.
        spans_key: where the spans go.
        validate: validate the Matcher patterns when they are added.

    Example:
        >>> nlp.add_pipe("claimx_quantities")
        >>> [s._.claimx_quantity.value for s in nlp("It costs $8 trillion.").spans["claimx_quantities"]]
        [8000000000000.0]
    """

    def __init__(
        self, nlp: Language, name: str = "claimx_quantities", *, spans_key: str = "claimx_quantities",
        validate: bool = True,
    ):  # fmt: skip
        self.name = name
        self.spans_key = spans_key
        self.lexicon = QuantityLexicon.build(lambda phrase: [t.text for t in nlp.tokenizer(phrase)])
        self.patterns = PatternRules(nlp.vocab, validate=validate)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def match(self, doc: Doc) -> Matches:
        """Read every quantity of `doc`, and the numbers that are years."""
        excluded, ranks, not_claims = self.patterns.match(doc)
        excluded |= shape_exclusions(doc, self.lexicon.shapes)
        excluded -= tally_tokens(doc)  # "by a vote of 52-46 on a motion": a vote, not a score
        view = View(
            doc=doc,
            lex=self.lexicon,
            sent_starts=sentence_starts(doc),
            context=article_context(doc, self.name),
            excluded=frozenset(excluded),
        )
        found, years = read_all(view, ranks)
        return Matches(found, years, not_claims)

    def set_annotations(self, doc: Doc, matches: Matches) -> None:
        """One span per quantity with its reading and rule ids; years in `doc._.claimx_years`."""
        spans = []
        for f in matches.quantities:
            span = Span(doc, f.start, f.end, label="QUANTITY")
            end_char = span.end_char
            if TRAILING_PERIOD.fullmatch(doc[f.end - 1].text) and f.end - 1 > f.start:
                end_char -= 1  # a sentence period the tokenizer left on "$25k." / "350 kW."
            span._.claimx_quantity = QuantityReading(
                value=f.value,
                low=f.low,
                high=f.high,
                bound=f.bound,
                unit=f.unit,
                unit_text=f.unit_text,
                kind=f.kind,
                change=f.change,
                core_start=f.core[0],
                core_end=f.core[1],
                head=f.head,
                unit_expr=f.unit_expr,
                end_char=end_char,
                measured_head=f.measured_head,
                major_currency=f.major_currency,
                rate_of_change="change-rate-of-change-noun" in f.rule_ids,
            )
            marks = [matches.not_claims[i] for i in range(*f.core) if i in matches.not_claims]
            if f.bound != "=" and f.bound != "~":  # "no more than 72 hours before departure": a limit, a claim
                marks = [m for m in marks if m != "not-claim-time-before"]
            span._.claimx_rule_ids = list(dict.fromkeys([*f.rule_ids, *marks]))
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.claimx_years = matches.years
