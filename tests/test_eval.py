import json

import pytest
from conftest import GOLD_DIR, needs_shared

from claimx.evaluate import normalize_unit, parse_gold_value, score_newsquant, units_agree
from claimx.schema import Quantity


def Q(value=None, low=None, high=None, unit=None, bound="=", change=None):
    return Quantity(
        text="x",
        start=0,
        end=1,
        value=value,
        low=low,
        high=high,
        bound=bound,
        unit=unit,
        unit_text=None,
        kind="other",
        change=change,
    )


def test_eval_parse_gold_value():
    assert parse_gold_value("8.0") == (8.0, None, None)
    assert parse_gold_value("-5") == (-5.0, None, None)
    assert parse_gold_value("1.99E-29") == (1.99e-29, None, None)
    assert parse_gold_value("252.0-287.0") == (None, 252.0, 287.0)


@pytest.mark.parametrize(
    "pred,gold",
    [
        ("percent", "percentage"),
        ("USD", "dollar"),
        ("metre", "meter"),
        ("JPY", "japanese yen"),
        ("USD per barrel", "dollar per barrel"),
        ("country", "european country"),
        ("goal", "goals"),
        ("ton", "tonne"),
        ("CAD", "canadian dollar"),
        (None, "-"),
    ],
)
def test_eval_units_agree(pred, gold):
    assert units_agree(pred, [gold])


def test_eval_units_disagree():
    assert not units_agree("USD", ["euro"])
    assert not units_agree("percent", ["percentage point"])
    assert normalize_unit("%") == "percent"


def test_eval_matching_prefers_unit_and_counts_once():
    items = [
        {
            "text": "t",
            "quantities": [
                {"value": "5.0", "unit": "%", "normalized_unit": "percentage", "change": "up"},
                {"value": "5.0", "unit": "$", "normalized_unit": "dollar", "change": "="},
                {"value": "1.0-2.0", "unit": "%", "normalized_unit": "percentage", "change": "~"},
            ],
        }
    ]
    preds = [[Q(5, unit="USD"), Q(5, unit="percent", change="up"), Q(low=1, high=2, unit="percent", bound="~"), Q(7)]]
    s = score_newsquant(items, preds)
    assert (s.value.matched, s.value.predicted, s.value.gold) == (3, 4, 3)
    assert s.value_unit.matched == 3 and s.value_change.matched == 3


@needs_shared(GOLD_DIR / "sat-us-pakistan-minerals.claims.json")
def test_eval_example_article_meets_issue_2_targets(nlp):
    from conftest import CORPUS

    from claimx.evaluate import score_claims
    from claimx.extract import process_articles
    from claimx.ingest import read_file

    gold = json.loads((GOLD_DIR / "sat-us-pakistan-minerals.claims.json").read_text(encoding="utf-8"))
    path = CORPUS / "sat-us-pakistan-minerals.txt"
    (item,) = list(read_file(path, path.parent))
    (res,) = list(process_articles([item], nlp=nlp))
    score = score_claims(item.text, gold, res.claims, published=item.published)
    assert score.detection.f1 >= 90
    ok, n = score.fields["value+unit"]
    assert ok / n >= 0.90
    ok, n = score.fields["bound"]
    assert ok / n >= 0.85
