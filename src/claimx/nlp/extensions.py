"""Every custom `._` attribute claimx sets, declared in one table and registered once.

Quantity spans live in `doc.spans["claimx_quantities"]`; each carries its reading in
`span._.claimx_quantity` (a plain dict) and its context in the attributes below.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

SPAN_EXTENSIONS: dict[str, dict] = {
    "claimx_quantity": {"default": None},  # dict: value, low, high, bound, unit, unit_text, kind, change, ...
    "claimx_rule_ids": {"default": None},  # list[str]: rules and lexicon entries that fired
    "claimx_source": {"default": None},  # dict: text, kind, cue
    "claimx_time": {"default": None},  # dict: text, year
    "claimx_measured": {"default": None},  # str
    "claimx_hedges": {"default": None},  # list[str]
    "claimx_modality": {"default": None},  # asserted / estimate / forecast / hypothetical
}
DOC_EXTENSIONS: dict[str, dict] = {
    "claimx_years": {"default": None},  # list[(start_token, end_token, year)] numbers read as years
    "claimx_context": {"default": None},  # dict: article-level context (country words, published date)
}


def register_extensions() -> None:
    """Register the table; safe to call repeatedly. A clash with another package's attribute raises."""
    for table, cls in ((SPAN_EXTENSIONS, Span), (DOC_EXTENSIONS, Doc)):
        for name, kwargs in table.items():
            if not cls.has_extension(name):
                cls.set_extension(name, **kwargs)


register_extensions()
