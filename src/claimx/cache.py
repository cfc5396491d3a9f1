"""A per-article result cache in the output folder: unchanged articles are not processed again.

The key of an article is its id, its content hash, the claimx version, the model name and version, a
hash of every rule file and the extraction settings; any change to one of them is a miss. Entries are
written atomically as each article finishes, so an interrupted run loses nothing it finished: the
next run finds those articles in the cache and goes on from there.
"""

from __future__ import annotations

import hashlib
import json

from claimx import __version__
from claimx.fingerprint import rules_hash
from claimx.outputs import OutputFolder, write_text
from claimx.schema import Article, ArticleResult


class ResultCache:
    """Article results keyed by content and settings, under `DIR/.claimx-cache/`."""

    def __init__(self, folder: OutputFolder, *, model: dict, settings: dict):
        self.root = folder.path(folder.CACHE_DIR)
        stamp = json.dumps(
            {"claimx": __version__, "model": model, "rules": rules_hash(), "settings": settings}, sort_keys=True
        )
        self.stamp = hashlib.sha256(stamp.encode()).hexdigest()[:16]
        self.hits = 0
        self.misses = 0

    def _path(self, article: Article):
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
        write_text(self._path(result.article), result.model_dump_json())
