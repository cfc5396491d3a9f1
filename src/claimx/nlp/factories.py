"""The only module that registers spaCy factories. Exposed as `spacy_factories` entry points.

What each component reads is declared in `requires`: both claimx components read the article's
`doc._.claimx_context` (a `claimx.nlp.readings.ArticleContext`) and warn once when it is missing.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

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


@Language.factory("claimx_cell_boundaries", assigns=["token.is_sent_start"])
def make_cell_boundaries(nlp: Language, name: str):
    """Sentence starts at table cell separators (see cell_boundaries); place it before the parser."""
    return cell_boundaries


def cell_boundaries(doc: Doc) -> Doc:
    """Sentence boundaries the parser must keep. A table row's cells are parsed as sentences of their own: a
    sentence starts at each ' | ' cell separator and after it, so no clause, subject or measured concept
    crosses cells ('| Proposal (12/25) | Tier 1 capital/assets would be reduced from 9% to 8%' measures 'Tier
    1 capital/assets', not '| Proposal'). And no sentence starts mid-sentence (`_mid_sentence`): the parser
    otherwise splits a list such as 'was 1,145 (94.2%) White, 4 (0.3%) African American, ...' after a
    bracket, and the later figures lose the clause that says what they measure. Runs before the parser."""
    for tok in doc[1:]:
        if tok.text == "|" and tok.i + 1 < len(doc):
            tok.is_sent_start = True
            doc[tok.i + 1].is_sent_start = True
        elif tok.is_sent_start is None and not tok.is_space and _mid_sentence(doc[tok.i - 1], tok):
            tok.is_sent_start = False
    return doc


def _mid_sentence(prev, tok) -> bool:
    """No sentence starts right after a comma or a sign glued to the figure ("+$70"), after a closing bracket
    that no full stop precedes, or after a lower-case word, a number or '%' on the same line, unless a
    capitalised common word (a missing full stop: 'for falciparum malaria The majority of cases') follows."""
    if "\n" in prev.whitespace_ or prev.is_space:
        return False
    if prev.text == "," or prev.text in ("+", "-", "−", "~", "±") and not prev.whitespace_:
        return True  # after a comma; after a sign glued to what follows ("+$70")
    if prev.text == "." and not prev.whitespace_ and tok.is_alpha:
        return True  # a letter glued to a full stop: "S.Con.Res. 33" is one name
    if prev.text == ")":
        return prev.i == 0 or prev.doc[prev.i - 1].text not in (".", "!", "?")
    if prev.is_alpha and prev.is_lower or prev.like_num or prev.text == "%":
        return not (tok.is_title and tok.tag_ not in ("NNP", "NNPS"))
    return False
