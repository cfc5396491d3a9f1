"""Claim records: ids, context fields for simple cases, round trip, corpus snapshots."""

import pytest
from conftest import CORPUS

from claimx.schema import Claim


def test_claims_id_stable_across_runs_and_other_paragraph_edits(extract):
    a = "First paragraph says sales rose 5%.\n\nSecond paragraph says costs were $3 million."
    b = "First paragraph, now edited, says sales rose 6% last year.\n\nSecond paragraph says costs were $3 million."
    ids_a = {c.quantity.text: c.claim_id for c in extract(a, article_id="x")}
    ids_a2 = {c.quantity.text: c.claim_id for c in extract(a, article_id="x")}
    ids_b = {c.quantity.text: c.claim_id for c in extract(b, article_id="x")}
    assert ids_a == ids_a2
    assert ids_a["$3 million"] == ids_b["$3 million"]
    assert ids_a["5%"] not in ids_b.values()


def test_claims_repeated_quantity_gets_distinct_ids(extract):
    claims = extract("Sales rose 5%. Sales rose 5%.")
    assert len({c.claim_id for c in claims}) == 2


def test_claims_context_simple_cases(extract):
    (c,) = extract("According to the US Geological Survey, imports rose 5% in 2023.")
    assert c.source is not None and c.source.text == "US Geological Survey" and c.source.cue == "according to"
    assert c.time.year == 2023
    assert c.quantity.change == "up"
    assert c.claim_type == "change"
    (c,) = extract("Barrick Gold forecasts that the project will generate $74 billion in free cash flow.")
    assert c.source.text == "Barrick Gold" and c.modality == "forecast" and c.measured == "free cash flow"
    assert c.claim_type == "prediction"
    (c,) = extract("Sales were $5 million.")
    assert c.source is None and c.time is None and c.modality == "asserted"


def test_claims_round_trip(extract):
    for c in extract("The plant cost about $2 billion in 2020, officials said."):
        assert Claim.model_validate_json(c.model_dump_json()) == c


def test_claims_checkworthiness_in_range_with_features(extract):
    for c in extract("According to the ministry, exports fell 3% to $20 billion in 2023."):
        assert 0 <= c.checkworthiness <= 1
        assert c.checkworthiness_features


ARTICLES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".md") and p.stem != "SOURCES")


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_claims_corpus(article, nlp, data_regression):
    from claimx.extract import process_articles
    from claimx.ingest import read_file

    (item,) = list(read_file(article, article.parent))
    (result,) = list(process_articles([item], nlp=nlp))
    for c in result.claims:
        assert item.text[c.quantity.start : c.quantity.end] == c.quantity.text
    data_regression.check([c.model_dump(mode="json") for c in result.claims])
