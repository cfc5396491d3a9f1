"""The per-article result cache, in process: what its key covers, and what it does with a bad entry."""

from __future__ import annotations

from claimx.cache import ResultCache
from claimx.ingest import make_article
from claimx.outputs import OutputFolder
from claimx.schema import ArticleResult

MODEL = {"name": "en_core_web_sm", "version": "3.8.0"}


def result_for(article) -> ArticleResult:
    return ArticleResult(article=article, segments=[], n_sentences=1, claims=[])


def test_cache_round_trip_and_counts(tmp_path):
    cache = ResultCache(OutputFolder(tmp_path), model=MODEL, settings={"prefilter": True})
    a = make_article("Sales rose 5%.", article_id="a.txt")
    assert not cache.has(a) and cache.get(a) is None and (cache.hits, cache.misses) == (0, 1)
    cache.put(result_for(a))
    assert cache.has(a)
    got = cache.get(a)
    assert got == result_for(a) and (cache.hits, cache.misses) == (1, 1)
    assert cache.root == tmp_path / ".claimx-cache" and any(cache.root.rglob("*.json"))


def test_cache_key_covers_text_id_model_settings_and_rules(tmp_path, monkeypatch):
    folder = OutputFolder(tmp_path)
    a = make_article("Sales rose 5%.", article_id="a.txt")
    ResultCache(folder, model=MODEL, settings={"prefilter": True}).put(result_for(a))
    same = ResultCache(folder, model=MODEL, settings={"prefilter": True})
    assert same.has(a)
    assert not same.has(make_article("Sales rose 6%.", article_id="a.txt"))  # edited text
    assert not same.has(make_article("Sales rose 5%.", article_id="b.txt"))  # another article
    assert not ResultCache(folder, model={**MODEL, "version": "3.8.1"}, settings={"prefilter": True}).has(a)
    assert not ResultCache(folder, model=MODEL, settings={"prefilter": False}).has(a)
    import claimx.cache

    monkeypatch.setattr(claimx.cache, "rules_hash", lambda: "another rule set")
    assert not ResultCache(folder, model=MODEL, settings={"prefilter": True}).has(a)


def test_cache_version_is_part_of_the_key(tmp_path, monkeypatch):
    import claimx.cache

    folder = OutputFolder(tmp_path)
    a = make_article("Sales rose 5%.", article_id="a.txt")
    ResultCache(folder, model=MODEL, settings={}).put(result_for(a))
    monkeypatch.setattr(claimx.cache, "__version__", "9.9.9")
    assert not ResultCache(folder, model=MODEL, settings={}).has(a)


def test_cache_unreadable_entry_is_a_miss_and_new_metadata_is_taken(tmp_path):
    cache = ResultCache(OutputFolder(tmp_path), model=MODEL, settings={})
    a = make_article("Sales rose 5%.", article_id="a.txt", title="Old title")
    cache.put(result_for(a))
    renamed = make_article("Sales rose 5%.", article_id="a.txt", title="New title")
    got = cache.get(renamed)
    assert got.article.title == "New title" and got.n_sentences == 1
    cache._path(a).write_text("{broken", encoding="utf-8")
    assert cache.get(a) is None and cache.misses == 1


def test_cache_counts_every_hit_and_miss(tmp_path):
    cache = ResultCache(OutputFolder(tmp_path), model=MODEL, settings={})
    a, b = make_article("Sales rose 5%.", article_id="a.txt"), make_article("Sales fell 2%.", article_id="b.txt")
    cache.put(result_for(a))
    for _ in range(3):
        cache.get(a)
        cache.get(b)
    assert (cache.hits, cache.misses) == (3, 3)


def test_cache_key_does_not_depend_on_the_order_settings_are_given_in(tmp_path):
    folder = OutputFolder(tmp_path)
    a = make_article("Sales rose 5%.", article_id="a.txt")
    ResultCache(folder, model=MODEL, settings={"prefilter": True, "jobs": 1}).put(result_for(a))
    reordered = {"version": MODEL["version"], "name": MODEL["name"]}
    assert ResultCache(folder, model=reordered, settings={"jobs": 1, "prefilter": True}).has(a)


def test_cache_reads_non_ascii_text_back_exactly(tmp_path):
    cache = ResultCache(OutputFolder(tmp_path), model=MODEL, settings={})
    a = make_article("Le prix a augmenté de 5 % à Zürich — ¥120.", article_id="é.txt", title="Prix · Zürich")
    cache.put(result_for(a))
    assert cache.get(a) == result_for(a)
