"""Every custom `._` attribute claimx sets, declared in one table and registered once.

Quantity spans live in `doc.spans["claimx_quantities"]`; each carries its reading in
`span._.claimx_quantity` (a `QuantityReading`) and its context in the attributes below. The types are
the frozen dataclasses of `claimx.nlp.readings`.
"""

from __future__ import annotations

import warnings

from spacy.tokens import Doc, Span

from claimx.nlp.readings import ArticleContext

SPAN_EXTENSIONS: dict[str, dict] = {
    "claimx_quantity": {"default": None},  # QuantityReading
    "claimx_rule_ids": {"default": None},  # list[str]: rules and lexicon entries that fired
    "claimx_source": {"default": None},  # SourceReading
    "claimx_time": {"default": None},  # TimeReading
    "claimx_measured": {"default": None},  # str
    "claimx_hedges": {"default": None},  # list[str]
    "claimx_modality": {"default": None},  # asserted / estimate / forecast / hypothetical
    "claimx_strategies": {"default": None},  # dict: field -> id of the strategy that set it (measured, time)
}
DOC_EXTENSIONS: dict[str, dict] = {
    "claimx_years": {"default": None},  # list[(start_token, end_token, year)] numbers read as years
    "claimx_context": {"default": None},  # ArticleContext: what the components know about the article
}


class MissingContextWarning(UserWarning):
    """W001: a component ran on a Doc without `doc._.claimx_context` and fell back to defaults."""


_warned: set[str] = set()


def article_context(doc: Doc, component: str) -> ArticleContext:
    """The Doc's ArticleContext; without one, an empty context and a warning (once per component)."""
    ctx = doc._.claimx_context
    if isinstance(ctx, ArticleContext):
        return ctx
    if component not in _warned:
        _warned.add(component)
        warnings.warn(
            f"[W001] {component} ran on a Doc without doc._.claimx_context (an ArticleContext); the article's "
            "date, author and currency hints are unknown. Set it as claimx.extract.process_articles does.",
            MissingContextWarning,
            stacklevel=3,
        )
    return ArticleContext()


def register_extensions() -> None:
    """Register the table; safe to call repeatedly. A clash with another package's attribute raises."""
    for table, cls in ((SPAN_EXTENSIONS, Span), (DOC_EXTENSIONS, Doc)):
        for name, kwargs in table.items():
            if not cls.has_extension(name):
                cls.set_extension(name, **kwargs)


register_extensions()
