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


# the contract as documented (README "The claim record"): written out here, not read from the code
DOCUMENTED_CSV_COLUMNS = [
    "claim_id", "article_id", "sentence", "sentence_start", "sentence_end",
    "quantity_text", "quantity_start", "quantity_end", "quantity_value", "quantity_low", "quantity_high",
    "quantity_bound", "quantity_unit", "quantity_unit_text", "quantity_kind", "quantity_dimension",
    "quantity_change", "quantity_value_base", "quantity_low_base", "quantity_high_base", "quantity_unit_base",
    "measured", "source_text", "source_kind", "source_cue", "time_text", "time_year", "time_period",
    "hedges", "modality", "claim_type", "checkworthiness", "checkworthiness_features", "rule_ids",
    "table_row_header", "table_column_header",
]  # fmt: skip


def test_export_records_validate_against_the_committed_schema(extract):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))  # the published contract, not the live model
    for c in extract(
        "According to data in 2023, the country imported over $20 billion while exporting around $3.88 billion."
    ):
        jsonschema.validate(c.model_dump(mode="json"), schema)


def test_export_frame_has_one_column_per_leaf(extract):
    frame = claims_frame(extract("Exports fell 3% to $20 billion in 2023, the ministry said."))
    assert list(frame.columns) == DOCUMENTED_CSV_COLUMNS == CLAIM_COLUMNS
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
