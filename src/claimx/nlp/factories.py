"""The only module that registers spaCy factories. Exposed as `spacy_factories` entry points.

What each component reads is declared in `requires`: both claimx components read the article's
`doc._.claimx_context` (a `claimx.nlp.readings.ArticleContext`) and warn once when it is missing.
"""

from __future__ import annotations

from spacy.language import Language

from claimx.nlp.attributes import TagAttributeRuler
from claimx.nlp.context import ContextLinker
from claimx.nlp.quantities import QuantityMatcher


@Language.factory(
    "claimx_quantities",
    assigns=["doc.spans", "span._.claimx_quantity", "span._.claimx_rule_ids", "doc._.claimx_years"],
    requires=["doc._.claimx_context"],
    default_config={"spans_key": "claimx_quantities", "validate": True},
)
def make_quantity_matcher(nlp: Language, name: str, spans_key: str, validate: bool) -> QuantityMatcher:
    """Numbers with value, range, bound, unit, kind and change (see QuantityMatcher)."""
    return QuantityMatcher(nlp, name, spans_key=spans_key, validate=validate)


@Language.factory(
    "claimx_context",
    assigns=[
        "span._.claimx_source",
        "span._.claimx_time",
        "span._.claimx_measured",
        "span._.claimx_hedges",
        "span._.claimx_modality",
    ],
    requires=["doc.spans", "token.dep", "doc.ents", "doc._.claimx_context"],
    default_config={"spans_key": "claimx_quantities"},
)
def make_context_linker(nlp: Language, name: str, spans_key: str) -> ContextLinker:
    """Source, time, measured concept, hedges and modality of each quantity (see ContextLinker)."""
    return ContextLinker(nlp, name, spans_key=spans_key)


@Language.factory(
    "claimx_attribute_ruler",
    assigns=["token.pos", "token.morph", "token.lemma"],
    default_config={"rules": []},
)
def make_tag_attribute_ruler(nlp: Language, name: str, rules: list[dict]) -> TagAttributeRuler:
    """A trained attribute ruler's patterns applied through lookup tables (see TagAttributeRuler)."""
    return TagAttributeRuler(nlp, name, rules=rules)
