"""Gold claims of whole articles, scored as `claimx eval claims` scores them.

The shared example article must meet issue 4's targets; each gold file under tests/gold/ (written
for this project, checked against the article text) must meet the same targets minus 10 points.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOLD_DIR, ROOT, needs_shared

from claimx.cli import cli
from claimx.evaluate import resolve_gold_article, score_claims
from claimx.extract import process_articles
from claimx.ingest import read_file

TARGETS = {"detection": 95, "source": 90, "time": 90, "measured": 85, "modality": 85, "unit": 95, "bound": 90}
OWN_GOLD = sorted((ROOT / "tests" / "gold").glob("*.claims.json"))


def score(gold_path: Path, nlp):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = resolve_gold_article(gold_path, gold)
    assert article is not None, f"{gold_path} names {gold['article']}, which is not in the checkout"
    (item,) = list(read_file(article, article.parent))
    (result,) = list(process_articles([item], nlp=nlp))
    return score_claims(item.text, gold, result.claims)


def assert_targets(s, minus: int) -> None:
    got = {"detection": s.detection.f1, **{k: 100 * ok / n for k, (ok, n) in s.fields.items()}}
    low = {k: round(got[k], 1) for k, target in TARGETS.items() if got[k] < target - minus}
    assert not low, f"below target (minus {minus}): {low}; all: { {k: round(v, 1) for k, v in got.items()} }"


@pytest.mark.parametrize("gold_path", OWN_GOLD, ids=lambda p: p.name.split(".")[0])
def test_gold_own_articles_meet_targets(gold_path, nlp):
    assert_targets(score(gold_path, nlp), minus=10)


@needs_shared(GOLD_DIR / "sat-us-pakistan-minerals.claims.json")
def test_gold_example_article_meets_issue_4_targets(nlp):
    assert_targets(score(GOLD_DIR / "sat-us-pakistan-minerals.claims.json", nlp), minus=0)


def test_gold_files_are_well_formed():
    assert len(OWN_GOLD) >= 3
    for p in OWN_GOLD:
        gold = json.loads(p.read_text(encoding="utf-8"))
        assert {"article", "about", "claims"} <= set(gold)
        for c in gold["claims"]:
            assert {"sentence", "quantity_text", "bound", "unit", "measured", "source", "time", "modality"} <= set(c)
            assert ("value" in c) != ("low" in c)


def test_gold_cli_eval_claims(monkeypatch):
    monkeypatch.chdir(ROOT)
    res = CliRunner().invoke(cli, ["eval", "claims", str(OWN_GOLD[0]), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["detection"]["f1"] > 0
