"""Snapshots are reviewed (issue 16): the known-wrong records of the corpus baselines are listed in
tests/known_wrong.jsonl (regenerate with `python benchmarks/known_wrong.py`), and two errors the old
baselines locked in have explicit negative tests."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT

import claimx

SPEC = importlib.util.spec_from_file_location("known_wrong", ROOT / "benchmarks" / "known_wrong.py")
known_wrong = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(known_wrong)


def test_known_wrong_records_are_exactly_the_listed_ones(nlp):
    listed = [json.loads(x) for x in (ROOT / "tests" / "known_wrong.jsonl").read_text(encoding="utf-8").splitlines()]
    now = json.loads(json.dumps(known_wrong.records(nlp)))
    fixed = [r for r in listed if r not in now]
    broken = [r for r in now if r not in listed]
    assert not fixed and not broken, (
        f"{len(fixed)} listed errors are gone and {len(broken)} new ones appeared (first: {(fixed + broken)[:2]}); "
        "check them, then regenerate tests/known_wrong.jsonl and say in the commit which records changed"
    )


def test_known_wrong_no_baseline_claim_measures_a_table_pipe_or_bare_punctuation():
    baselines = sorted((ROOT / "tests" / "test_claims").glob("*.yml"))
    assert baselines
    for path in baselines:
        for m in re.findall(r"^  measured: (.*)$", path.read_text(encoding="utf-8"), flags=re.M):
            value = m.strip().strip("'\"")
            assert value == "null" or re.search(r"\w", value), f"{path.name}: measured {m!r}"
    for line in (ROOT / "outputs" / "claims.jsonl").read_text(encoding="utf-8").splitlines():
        measured = json.loads(line)["measured"]
        assert measured is None or re.search(r"\w", measured), measured


@pytest.mark.parametrize(
    "sentence, never",
    [
        ("Australia produced 1216,000 tons of rare earths in 2024.", 1216000.0),  # footnote 12 glued to 16,000
        ("Its reserves were 135,700,000 tons.", None),  # a well-formed grouping is read
    ],
)
def test_known_wrong_a_number_glued_to_a_footnote_marker_is_not_read_as_one(nlp, sentence, never):
    values = [c.quantity.value for c in claimx.extract_claims(sentence, nlp=nlp)]
    if never is None:
        assert values == [135_700_000.0]
    else:
        assert never not in values


def test_known_wrong_the_usgs_table_claims_are_marked_and_skip_labels_and_glued_columns():
    """The USGS chapter's tables (converted from PDF) give claims marked with their row and column; none from a
    row label ('Cerium oxide, 99.5% minimum') nor from a column with footnote numbers glued to its figures
    ('1216,000'), whose '12300' would be footnote 12 and 300."""
    records = [
        json.loads(x)
        for x in (ROOT / "outputs" / "claims.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(x)["article_id"] == "usgs_mcs2025_rare_earths.txt"
    ]
    in_rows = [r for r in records if " | " in r["sentence"]]
    assert in_rows and all(r["table"] for r in in_rows)
    texts = {r["quantity"]["text"] for r in in_rows}
    assert "99.5%" not in texts and "12300" not in texts and "123,600" not in texts
    assert Path(ROOT / "corpus" / "usgs_mcs2025_rare_earths.txt").exists()
