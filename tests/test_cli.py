import json

import pandas as pd
import pytest
from click.testing import CliRunner

from claimx.cli import cli

SAMPLE = "Gas prices\n\nAccording to the agency, prices rose 10 cents to $2.69 per gallon in 2017.\n"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def sample_dir(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(SAMPLE, encoding="utf-8")
    return d


def test_cli_extract_writes_all_outputs(runner, sample_dir, tmp_path):
    out = tmp_path / "out"
    res = runner.invoke(cli, ["extract", str(sample_dir), "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == [
        ".claimx-cache",
        ".claimx.lock",  # the folder lock a run and `claimx serve` share (claimx.verdicts.folder_lock)
        "articles.jsonl",
        "claims.csv",
        "claims.jsonl",
        "claims.parquet",
        "manifest.json",
        "report",
        "review.csv",
        "texts.jsonl",
        "verdicts.sqlite",
    ]
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    assert [c["quantity"]["text"] for c in claims] == ["10 cents", "$2.69 per gallon"]
    frame = pd.read_parquet(out / "claims.parquet")
    assert list(frame["quantity_value"]) == [10.0, 2.69]
    assert "source_text" in frame.columns and frame["source_text"][0] == "agency"
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["claims"] == 2 and manifest["model"]["version"].startswith("3.8")
    art = json.loads((out / "articles.jsonl").read_text())
    assert art["article_id"] == "a.txt" and art["n_claims"] == 2 and art["title"] == "Gas prices"


def test_cli_extract_stdout_and_format_subset(runner, sample_dir, tmp_path):
    res = runner.invoke(cli, ["extract", str(sample_dir), "-o", "-", "-q"])
    assert res.exit_code == 0
    assert len(res.stdout.splitlines()) == 2 and json.loads(res.stdout.splitlines()[0])["claim_id"]
    out = tmp_path / "sub"
    res = runner.invoke(cli, ["extract", str(sample_dir), "-o", str(out), "--format", "csv,manifest", "-q"])
    assert res.exit_code == 0
    assert sorted(p.name for p in out.iterdir() if p.name != ".claimx-cache") == ["claims.csv", "manifest.json"]


def test_cli_extract_unknown_format_is_usage_error(runner, sample_dir, tmp_path):
    res = runner.invoke(cli, ["extract", str(sample_dir), "-o", str(tmp_path / "o"), "--format", "xml"])
    assert res.exit_code == 2 and "supported: jsonl, csv, parquet" in res.output


def test_cli_extract_bad_input_one_line_rest_goes_on(runner, sample_dir, tmp_path):
    (sample_dir / "broken.txt").write_bytes(b"%PDF-1.4 binary")
    out = tmp_path / "out"
    res = runner.invoke(cli, ["extract", str(sample_dir), str(tmp_path / "nope"), "-o", str(out), "-q"])
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert any(line.startswith(str(sample_dir / "broken.txt") + ": ") for line in lines)
    assert any("nope: does not exist" in line for line in lines)
    assert "Traceback" not in res.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert {e["code"] for e in manifest["errors"]} == {"binary", "not_found"}
    assert manifest["counts"]["claims"] == 2


def test_cli_extract_stdin(runner):
    res = runner.invoke(cli, ["extract", "-", "-o", "-", "-q"], input="Costs were $5 million.")
    assert res.exit_code == 0 and json.loads(res.stdout)["article_id"] == "stdin"


def test_cli_schema_and_version(runner):
    res = runner.invoke(cli, ["schema"])
    assert res.exit_code == 0 and json.loads(res.stdout)["title"] == "Claim"
    assert runner.invoke(cli, ["--version"]).exit_code == 0


def test_cli_rules_check(runner):
    res = runner.invoke(cli, ["rules", "check"])
    assert res.exit_code == 0 and "0 failed" in res.stdout


def test_cli_eval_newsquant_small_file(runner, tmp_path):
    f = tmp_path / "nq.json"
    f.write_text(
        json.dumps(
            [
                {
                    "text": "Shares rose 12 percent.",
                    "quantities": [
                        {"value": "12.0", "unit": "percent", "normalized_unit": "percentage", "change": "up"}
                    ],
                },
                {"text": "Nothing here.", "quantities": []},
            ]
        ),
        encoding="utf-8",
    )
    res = runner.invoke(cli, ["eval", "newsquant", str(f)])
    assert res.exit_code == 0
    assert "value          P 100.0  R 100.0  F1 100.0" in res.stdout
    assert "value+change   P 100.0" in res.stdout


def test_cli_eval_newsquant_bad_file(runner, tmp_path):
    f = tmp_path / "bad.json"
    f.write_text("{}", encoding="utf-8")
    res = runner.invoke(cli, ["eval", "newsquant", str(f)])
    assert res.exit_code == 1 and res.stderr.startswith("Error: ")
