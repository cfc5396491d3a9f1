"""claimx: checkable quantitative claims from news articles.

>>> import claimx
>>> claims = claimx.extract_claims("Output rose 4.9% in 2024, the ministry said.")
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("claimx")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

from claimx.extract import extract_claims, extract_paths, process_articles  # noqa: E402
from claimx.run import RunOptions, run_extraction  # noqa: E402
from claimx.schema import Article, ArticleResult, Claim, Quantity, Source, TimeRef  # noqa: E402

__all__ = [
    "run_extraction",
    "RunOptions",
    "extract_claims",
    "extract_paths",
    "process_articles",
    "Article",
    "ArticleResult",
    "Claim",
    "Quantity",
    "Source",
    "TimeRef",
    "__version__",
]
