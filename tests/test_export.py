"""JSON Schema drift, the flat frame, and committed outputs that must regenerate identically."""

import json

import jsonschema
import pandas as pd
from conftest import ROOT

from claimx.export import CLAIM_COLUMNS, claim_json_schema, claims_frame

SCHEMA_FILE = ROOT / "docs" / "claim.schema.json"


def test_export_schema_has_not_drifted():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == claim_json_schema(), "schema changed: regenerate with `claimx schema -o docs/claim.schema.json`"


def test_export_records_validate_against_schema(extract):
    schema = claim_json_schema()
    for c in extract(
        "According to data in 2023, the country imported over $20 billion while exporting around $3.88 billion."
    ):
        jsonschema.validate(c.model_dump(mode="json"), schema)


def test_export_frame_has_one_column_per_leaf(extract):
    frame = claims_frame(extract("Exports fell 3% to $20 billion in 2023, the ministry said."))
    assert list(frame.columns) == CLAIM_COLUMNS
    assert len(frame) == 2 and frame["time_year"].tolist() == [2023, 2023]


def test_export_committed_outputs_regenerate_identically(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from claimx.cli import cli

    monkeypatch.chdir(ROOT)
    res = CliRunner().invoke(cli, ["extract", "corpus/", "-o", str(tmp_path), "-q"])
    assert res.exit_code == 0, res.output
    committed = ROOT / "outputs"
    for name in (
        "claims.jsonl",
        "articles.jsonl",
        "claims.csv",
        "review.csv",
        "texts.jsonl",
        "report/index.html",
        "report/report.js",
    ):
        assert (tmp_path / name).read_text(encoding="utf-8") == (committed / name).read_text(encoding="utf-8"), name
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "claims.parquet"), pd.read_parquet(committed / "claims.parquet")
    )
    new, old = (json.loads((d / "manifest.json").read_text()) for d in (tmp_path, committed))
    for m in (new, old):
        m.pop("timings")
    assert new == old
