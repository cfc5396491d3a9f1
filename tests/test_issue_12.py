"""Issue 12 (one-way house): the run as a library call, the output folder's owner, the prefilter and the
matcher sharing one test of what can start a number, and the two defects found on main."""

import json
import shutil
import unicodedata

import pytest
from click.testing import CliRunner
from conftest import CORPUS, ROOT

from claimx.cli import cli
from claimx.nlp.numbers import VULGAR_FRACTIONS, can_start_number, number_words
from claimx.nlp.prefilter import candidate_windows

NUMBER_ROLES = ("cardinal", "magnitude", "dozen", "fraction", "ordinal", "multiplier", "negative")


def test_issue_12_prefilter_keeps_a_vulgar_fraction_the_matcher_reads(extract):
    """'⅛ point' was read by the matcher but its sentence never reached it: the prefilter had its own list."""
    (claim,) = extract("Shares of the company fell ⅛ point on Tuesday, traders said.")
    assert (claim.quantity.text, claim.quantity.value, claim.quantity.unit) == ("⅛ point", 0.125, "point")


def _every_number_token() -> list[str]:
    blocks = [chr(c) for c in range(0x2150, 0x2190) if unicodedata.name(chr(c), "").startswith("VULGAR FRACTION")]
    fractions = sorted(set(blocks) | set("¼½¾↉"))
    assert set(fractions) == set(VULGAR_FRACTIONS), "every Unicode vulgar fraction is read"
    superscripts = ["10²³", "2⁸", "5¹"]
    slashes = ["1⁄32", "3⁄4"]
    words = sorted({w for role in NUMBER_ROLES for w in number_words(role)})
    return fractions + superscripts + slashes + words + ["12", "3.5", "tenfold"]


@pytest.mark.parametrize("token", _every_number_token())
def test_issue_12_prefilter_keeps_every_sentence_the_matcher_can_start_a_number_in(token):
    text = f"Nothing to see here. Shares fell {token} point on Tuesday. Nothing there either."
    windows, n = candidate_windows(text)
    assert n == 3 and [text[a:b] for a, b in windows] == [f"Shares fell {token} point on Tuesday."]
    assert can_start_number(token)


def test_issue_12_an_article_opens_a_number_only_before_a_number_word():
    assert can_start_number("a", "third") and can_start_number("an", "eighth")
    assert not can_start_number("a", "week") and not can_start_number("the", "third")
    assert candidate_windows("He left a note. It was a week.")[0] == []


def test_issue_12_prefilter_keeps_every_sentence_the_matcher_reads(nlp):
    """Whatever the matcher reads from a whole paragraph, it also reads from the prefilter's windows."""
    from claimx.extract import process_articles
    from claimx.ingest import make_article

    text = (
        "Nothing happened. Prices rose by a third. Nothing again. Output fell ⅝ of a point. "
        "The index gained 2⁵ points. One in four voters agreed. It doubled. The rate was 1⁄32 of a point."
    )
    art = make_article(text, article_id="a")

    def found(prefilter):
        (res,) = process_articles([art], nlp=nlp, prefilter=prefilter)
        return [(c.quantity.text, c.quantity.value) for c in res.claims]

    assert found(True) == found(False) and len(found(True)) >= 4


def test_issue_12_report_on_a_broken_review_file_names_the_row(tmp_path):
    """`claimx report DIR` said 'internal error (KeyError: claim_id)' where extract gives the review-file error."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Sales rose 5% to $3 billion.", encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["extract", str(src), "-o", str(out), "-q"]).exit_code == 0
    review = out / "review.csv"
    review.write_text("sentence,status\nSales rose,verified\n", encoding="utf-8")
    before = review.read_bytes()
    res = CliRunner().invoke(cli, ["report", str(out)])
    assert res.exit_code == 1
    assert res.stderr.startswith(f"Error: {review}, row 1: header lacks column(s) claim_id")
    assert "internal error" not in res.output and review.read_bytes() == before
    review.write_text(review.read_text().replace("sentence,status", "claim_id,status") + "x,fine\n")
    res = CliRunner().invoke(cli, ["report", str(out)])
    assert res.exit_code == 1 and "header lacks column(s) note" in res.stderr


def test_issue_12_run_is_a_library_call(tmp_path):
    from claimx.run import RunOptions, run_extraction
    from claimx.schema import RunManifest

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Sales rose 5% to $3 billion.", encoding="utf-8")
    (src / "b.txt").write_bytes(b"%PDF-1.4 not an article")
    seen, failed = [], []
    manifest = run_extraction(
        [src], tmp_path / "out", options=RunOptions(formats=("jsonl", "manifest")),
        on_article=seen.append, on_failure=failed.append,
    )  # fmt: skip
    assert isinstance(manifest, RunManifest) and manifest.engine == "local"
    assert (manifest.counts.articles, manifest.counts.claims, manifest.counts.failed) == (1, 2, 1)
    assert [r.article.article_id for r in seen] == ["a.txt"] and [f.code for f in failed] == ["binary"]
    written = RunManifest.model_validate_json((tmp_path / "out" / "manifest.json").read_text())
    assert written == manifest
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".claimx-cache", "claims.jsonl", "manifest.json"]


def test_issue_12_run_streams_to_a_text_stream(tmp_path):
    import io

    from claimx.run import RunOptions, run_extraction

    src = tmp_path / "a.txt"
    src.write_text("Sales rose 5% to $3 billion.", encoding="utf-8")
    out = io.StringIO()
    manifest = run_extraction([src], out, options=RunOptions(sort_by="checkworthiness"))
    lines = out.getvalue().splitlines()
    assert manifest.counts.claims == len(lines) == 2 and not (tmp_path / "manifest.json").exists()
    scores = [json.loads(x)["checkworthiness"] for x in lines]
    assert scores == sorted(scores, reverse=True)


def test_issue_12_every_file_of_the_output_folder_is_named_by_its_owner(tmp_path):
    from claimx.outputs import OutputFolder

    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["extract", str(CORPUS), "-o", str(out), "-q"]).exit_code == 0
    folder = OutputFolder(out)
    named = {folder.path(n) for n in folder.FORMAT_FILES.values()} | {folder.path(folder.TEXTS)}
    named |= {folder.path(folder.VERDICTS)}  # the verdict store behind review.csv (issue 15)
    top = {p for p in out.iterdir() if not p.name.startswith(".")}
    assert top - named == {folder.path(folder.REPORT_DIR)}
    assert {p.name for p in out.iterdir() if p.name.startswith(".")} <= {".claimx-cache", ".claimx.lock"}


def test_issue_12_readme_step_one_leaves_the_committed_outputs_as_they_were(tmp_path, monkeypatch):
    """README step 1 runs into the committed outputs/ (review.csv already there): nothing but the timings of
    manifest.json may change, or step 2's regeneration test fails in a fresh clone."""
    committed = ROOT / "outputs"
    out = tmp_path / "outputs"
    shutil.copytree(committed, out, ignore=shutil.ignore_patterns(".claimx-cache"))
    monkeypatch.chdir(ROOT)
    assert CliRunner().invoke(cli, ["extract", "corpus/", "-o", str(out), "-q"]).exit_code == 0
    for path in sorted(committed.rglob("*")):
        rel = path.relative_to(committed)
        if path.is_dir() or rel.parts[0].startswith(".") or rel.name == "manifest.json":
            continue
        if rel.name.startswith("verdicts.sqlite"):  # the local verdict store: not committed (.gitignore)
            continue
        assert (out / rel).read_bytes() == path.read_bytes(), rel
    new, old = (json.loads((d / "manifest.json").read_text()) for d in (out, committed))
    assert {k: v for k, v in new.items() if k != "timings"} == {k: v for k, v in old.items() if k != "timings"}
