"""A per-article result cache in the output folder: unchanged articles are not processed again.

The key of an article is its id, its content hash, the claimx version, the model name and version, a
hash of every rule file and the extraction settings; any change to one of them is a miss. Entries are
written atomically as each article finishes, so an interrupted run loses nothing it finished: the
next run finds those articles in the cache and goes on from there.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from claimx import __version__
from claimx.export import atomic_write
from claimx.schema import Article, ArticleResult

CACHE_DIR = ".claimx-cache"


@cache
def rules_hash() -> str:
    """SHA-256 over the package's rule and lexicon files and its code (a source checkout changes without
    a version bump)."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.jsonl")]):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


class ResultCache:
    """Article results keyed by content and settings, under `out_dir/.claimx-cache/`."""

    def __init__(self, out_dir: Path, *, model: dict, settings: dict):
        self.root = Path(out_dir) / CACHE_DIR
        stamp = json.dumps(
            {"claimx": __version__, "model": model, "rules": rules_hash(), "settings": settings}, sort_keys=True
        )
        self.stamp = hashlib.sha256(stamp.encode()).hexdigest()[:16]
        self.hits = 0
        self.misses = 0

    def _path(self, article: Article) -> Path:
        key = hashlib.sha256(f"{self.stamp}\x1f{article.article_id}\x1f{article.content_hash}".encode()).hexdigest()
        return self.root / key[:2] / f"{key}.json"

    def has(self, article: Article) -> bool:
        """Is there an entry for this article (without reading it)?"""
        return self._path(article).exists()

    def get(self, article: Article) -> ArticleResult | None:
        path = self._path(article)
        try:
            result = ArticleResult.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1  # an unreadable entry: the caller processes the article again
            return None
        if result.article != article:  # the same text under a new path or title: metadata from this run
            result = ArticleResult(
                article=article, segments=result.segments, n_sentences=result.n_sentences, claims=result.claims
            )
        self.hits += 1
        return result

    def put(self, result: ArticleResult) -> None:
        with atomic_write(self._path(result.article)) as fh:
            fh.write(result.model_dump_json())
