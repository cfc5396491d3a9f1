"""Fact-checker review: merge across re-runs, malformed files, report, ClaimReview (issue 5)."""

import csv
import json
import re
import shutil

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from claimx.cli import cli
from claimx.errors import ReviewFileError
from claimx.review import REVIEW_COLUMNS, read_review, validate_schema_org

REVIEW_FILE, ORPHANS_FILE = "review.csv", "review_orphans.csv"  # the documented file names

ARTICLE = """Mining report

Exports fell 3% to $20 billion in 2023, the ministry said.

Imports rose 5% in 2024.

The sector employs 13,000 workers.
"""


def run(tmp_path, text=ARTICLE, *extra):
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    (src / "a.txt").write_text(text, encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", str(src), "-o", str(tmp_path / "out"), "-q", *extra])
    return res


def rows(tmp_path, name=REVIEW_FILE):
    with (tmp_path / "out" / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def mark(tmp_path, verdicts):
    """Edit review.csv as a reviewer would: {quantity_text: {column: value}}."""
    path = tmp_path / "out" / REVIEW_FILE
    data = rows(tmp_path)
    for r in data:
        r.update(verdicts.get(r["quantity_text"], {}))
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=REVIEW_COLUMNS)
        w.writeheader()
        w.writerows(data)


VERDICT = {
    "status": "verified",
    "note": "matches ministry table 4",
    "reviewer": "ana",
    "reviewed_at": "2026-11-20T10:00:00+00:00",
    "evidence_url": "https://example.org/t4",
}


def test_review_first_run_all_unreviewed(tmp_path):
    assert run(tmp_path).exit_code == 0
    got = rows(tmp_path)
    assert [r["quantity_text"] for r in got] == ["3%", "$20 billion", "5%", "13,000 workers"]
    assert {r["status"] for r in got} == {"unreviewed"}
    assert list(got[0]) == [  # the documented header (README, "For fact-checkers"), written out
        "claim_id", "article_id", "sentence", "quantity_text", "value", "unit", "source_text", "time_text",
        "checkworthiness", "needs_recheck", "status", "note", "reviewer", "reviewed_at", "evidence_url",
    ]  # fmt: skip


def test_review_unchanged_rerun_keeps_verdicts_in_every_column(tmp_path):
    run(tmp_path)
    mark(tmp_path, {"3%": VERDICT, "13,000 workers": {"status": "false", "note": "it is 12,000"}})
    assert run(tmp_path).exit_code == 0
    got = {r["quantity_text"]: r for r in rows(tmp_path)}
    for col, val in VERDICT.items():
        assert got["3%"][col] == val
    assert got["13,000 workers"]["status"] == "false" and got["13,000 workers"]["note"] == "it is 12,000"
    assert got["5%"]["status"] == "unreviewed"
    assert not (tmp_path / "out" / ORPHANS_FILE).exists()


def test_review_edited_paragraph_keeps_verdict_and_flags_recheck(tmp_path):
    run(tmp_path)
    mark(tmp_path, {"$20 billion": VERDICT, "5%": {"status": "misleading"}})
    edited = ARTICLE.replace("the ministry said", "the trade ministry said on Monday")
    assert run(tmp_path, edited).exit_code == 0
    got = {r["quantity_text"]: r for r in rows(tmp_path)}
    assert got["$20 billion"]["status"] == "verified" and got["$20 billion"]["needs_recheck"] == "yes"
    assert got["$20 billion"]["sentence"].endswith("on Monday.")
    assert got["5%"]["status"] == "misleading" and got["5%"]["needs_recheck"] == ""


def test_review_deleted_claim_moves_to_orphans(tmp_path):
    run(tmp_path)
    mark(tmp_path, {"13,000 workers": VERDICT})
    assert run(tmp_path, ARTICLE.replace("The sector employs 13,000 workers.\n", "")).exit_code == 0
    assert "13,000 workers" not in {r["quantity_text"] for r in rows(tmp_path)}
    (orphan,) = rows(tmp_path, ORPHANS_FILE)
    assert orphan["quantity_text"] == "13,000 workers" and orphan["note"] == VERDICT["note"] and orphan["orphaned_at"]
    run(tmp_path, ARTICLE.replace("The sector employs 13,000 workers.\n", ""))
    assert len(rows(tmp_path, ORPHANS_FILE)) == 1  # appended once, never duplicated or deleted


def test_review_added_claim_arrives_unreviewed(tmp_path):
    run(tmp_path)
    mark(tmp_path, {"3%": VERDICT})
    run(tmp_path, ARTICLE + "\nIt also holds 40 mines.\n")
    got = {r["quantity_text"]: r for r in rows(tmp_path)}
    assert got["40 mines"]["status"] == "unreviewed" and got["3%"]["status"] == "verified"


@pytest.mark.parametrize(
    "content,row,reason",
    [
        ("claim_id,status,note,reviewer,reviewed_at,evidence_url\nabc,bogus,,,,\n", 2, "status 'bogus'"),
        ('claim_id,status,note,reviewer,reviewed_at,evidence_url\nabc,verified,"unterminated\n', 2, "not valid CSV"),
        ("claim_id,status\nabc,verified\n", 1, "lacks column"),
        ("claim_id,status,note,reviewer,reviewed_at,evidence_url\nabc,verified,x,y,z,w,EXTRA\n", 2, "number of fields"),
    ],
)
def test_review_malformed_file_stops_run_and_is_left_untouched(tmp_path, content, row, reason):
    run(tmp_path)
    path = tmp_path / "out" / REVIEW_FILE
    path.write_text(content, encoding="utf-8")
    before = (tmp_path / "out" / "claims.jsonl").read_bytes()
    res = run(tmp_path, ARTICLE + "\nNew figure: 9 ships.\n")
    assert res.exit_code == 1
    assert f"row {row}" in res.stderr and reason in res.stderr and "Traceback" not in res.output
    assert path.read_text(encoding="utf-8") == content
    assert (tmp_path / "out" / "claims.jsonl").read_bytes() == before  # nothing was written
    with pytest.raises(ReviewFileError):
        read_review(path)


def test_review_report_highlights_every_claim_of_the_example(tmp_path):
    shutil.copy(CORPUS / "sat-us-pakistan-minerals.txt", tmp_path / "sat.txt")
    res = CliRunner().invoke(cli, ["extract", str(tmp_path / "sat.txt"), "-o", str(tmp_path / "out"), "-q"])
    assert res.exit_code == 0, res.output
    claims = [json.loads(x) for x in (tmp_path / "out" / "claims.jsonl").read_text().splitlines()]
    (page,) = list((tmp_path / "out" / "report" / "articles").glob("*.html"))
    html = page.read_text(encoding="utf-8")
    marks = re.findall(r'<mark class="claim status-unreviewed" id="c-([0-9a-f]+)"', html)
    assert marks == [c["claim_id"] for c in sorted(claims, key=lambda c: c["quantity"]["start"])]
    assert len(marks) == 19  # the gold's 19 required claims; "one country" is not a claim (not-claim-indefinite-one)
    assert "http://" not in html and "https://" not in html  # self-contained: no network assets
    assert '<script src="../report.js">' in html and (tmp_path / "out" / "report" / "report.js").exists()
    index = (tmp_path / "out" / "report" / "index.html").read_text(encoding="utf-8")
    assert "0 / 19" in index and page.name in index


def test_review_report_rebuild_shows_reviewed_status(tmp_path):
    run(tmp_path)
    mark(tmp_path, {"3%": VERDICT})
    res = CliRunner().invoke(cli, ["report", str(tmp_path / "out")])
    assert res.exit_code == 0
    (page,) = list((tmp_path / "out" / "report" / "articles").glob("*.html"))
    assert "status-verified" in page.read_text(encoding="utf-8")
    assert "1 / 4" in (tmp_path / "out" / "report" / "index.html").read_text(encoding="utf-8")


def test_review_claimreview_export(tmp_path):
    run(tmp_path)
    mark(
        tmp_path,
        {
            "3%": VERDICT,
            "5%": {"status": "false", "reviewer": "bo", "reviewed_at": "2026-11-21"},
            "13,000 workers": {"status": "not_a_claim"},
        },
    )
    res = CliRunner().invoke(cli, ["export", "claimreview", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    reviews = json.loads((tmp_path / "out" / "claimreview.jsonld").read_text())
    assert len(reviews) == 2
    first = reviews[0]
    assert first["@type"] == "ClaimReview" and first["@context"] == "https://schema.org"
    assert first["claimReviewed"].startswith("Exports fell 3%")
    assert first["itemReviewed"]["author"] == {"@type": "Organization", "name": "ministry"}
    assert first["itemReviewed"]["appearance"][0]["headline"] == "Mining report"
    assert first["reviewRating"]["alternateName"] == "True" and first["datePublished"] == "2026-11-20"
    assert reviews[1]["reviewRating"]["ratingValue"] == 1
    assert all(validate_schema_org(r) == [] for r in reviews)
    assert validate_schema_org({"@type": "ClaimReview", "verdict": "x"}) == ["$.verdict: not a ClaimReview property"]


# -- the merge's promises (issue 15): each test fails when one promise is broken ------------------------
OTHER = "Port report\n\nThe port handled 40 ships in 2024.\n\nCargo rose 12% last year.\n"


def run_files(tmp_path, names, texts=None):
    """Extract the given files of tmp_path/in (writing `texts` first) into tmp_path/out."""
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    for name, text in (texts or {}).items():
        (src / name).write_bytes(text) if isinstance(text, bytes) else (src / name).write_text(text, encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", *[str(src / n) for n in names], "-o", str(tmp_path / "out"), "-q"])
    return res


def test_review_rematched_verdict_carries_every_reviewer_field(tmp_path):
    run(tmp_path)
    mark(tmp_path, {"$20 billion": VERDICT})
    run(tmp_path, ARTICLE.replace("the ministry said", "the trade ministry said on Monday"))
    got = {r["quantity_text"]: r for r in rows(tmp_path)}["$20 billion"]
    assert {col: got[col] for col in VERDICT} == VERDICT and got["needs_recheck"] == "yes"


def test_review_needs_recheck_stays_until_a_reviewer_touches_the_row(tmp_path):
    run(tmp_path)
    mark(tmp_path, {"$20 billion": VERDICT})
    edited = ARTICLE.replace("the ministry said", "the trade ministry said on Monday")
    run(tmp_path, edited)
    run(tmp_path, edited)  # unchanged re-run
    run(tmp_path, edited)
    assert {r["quantity_text"]: r for r in rows(tmp_path)}["$20 billion"]["needs_recheck"] == "yes"
    mark(tmp_path, {"$20 billion": {"note": "checked again against table 4"}})  # the reviewer touches it
    run(tmp_path, edited)
    got = {r["quantity_text"]: r for r in rows(tmp_path)}["$20 billion"]
    assert got["needs_recheck"] == "" and got["note"] == "checked again against table 4"
    assert got["status"] == "verified" and got["reviewer"] == "ana"


def test_review_an_unrelated_sentence_with_the_same_figure_does_not_take_the_verdict(tmp_path):
    run(tmp_path)
    mark(tmp_path, {"5%": VERDICT})
    unrelated = ARTICLE.replace("Imports rose 5% in 2024.", "Unemployment in the northern provinces stood at 5%.")
    run(tmp_path, unrelated)
    got = {r["quantity_text"]: r for r in rows(tmp_path)}
    assert got["5%"]["status"] == "unreviewed" and got["5%"]["note"] == ""
    (orphan,) = rows(tmp_path, ORPHANS_FILE)
    assert orphan["quantity_text"] == "5%" and orphan["sentence"] == "Imports rose 5% in 2024."


def test_review_rows_of_articles_not_in_the_run_stay_as_they_are(tmp_path):
    assert run_files(tmp_path, ["a.txt", "b.txt"], {"a.txt": ARTICLE, "b.txt": OTHER}).exit_code == 0
    mark(tmp_path, {"40 ships": VERDICT})
    before = {r["claim_id"]: r for r in rows(tmp_path) if r["article_id"] == "b.txt"}
    assert run_files(tmp_path, ["a.txt"]).exit_code == 0  # b is not in this run
    assert {r["claim_id"]: r for r in rows(tmp_path) if r["article_id"] == "b.txt"} == before
    assert run_files(tmp_path, ["a.txt", "b.txt"]).exit_code == 0
    got = {r["quantity_text"]: r for r in rows(tmp_path)}["40 ships"]
    assert {col: got[col] for col in VERDICT} == VERDICT and got["needs_recheck"] == ""
    assert not (tmp_path / "out" / ORPHANS_FILE).exists()


def test_review_rows_of_an_article_that_failed_to_read_stay_as_they_are(tmp_path):
    run_files(tmp_path, ["a.txt", "b.txt"], {"a.txt": ARTICLE, "b.txt": OTHER})
    mark(tmp_path, {"12%": VERDICT})
    res = run_files(tmp_path, ["a.txt", "b.txt"], {"b.txt": b"\x89PNG\r\n\x1a\n\x00\x00binary"})
    assert res.exit_code != 0  # the failure is reported
    got = {r["quantity_text"]: r for r in rows(tmp_path)}
    assert {col: got["12%"][col] for col in VERDICT} == VERDICT
    assert not (tmp_path / "out" / ORPHANS_FILE).exists()


def test_review_an_orphan_whose_claim_reappears_is_reattached(tmp_path):
    run(tmp_path)
    mark(tmp_path, {"13,000 workers": VERDICT})
    run(tmp_path, ARTICLE.replace("The sector employs 13,000 workers.\n", ""))
    assert "13,000 workers" not in {r["quantity_text"] for r in rows(tmp_path)}
    run(tmp_path)  # the sentence is back
    got = {r["quantity_text"]: r for r in rows(tmp_path)}["13,000 workers"]
    assert {col: got[col] for col in VERDICT} == VERDICT
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["review"]["verdicts_reattached"] == 1


def test_review_verdicts_typed_in_the_store_and_the_spreadsheet_both_survive_a_run(tmp_path):
    from claimx.outputs import OutputFolder
    from claimx.review import store_of

    run(tmp_path)
    store = store_of(OutputFolder(tmp_path / "out"))
    by_text = {r["quantity_text"]: r["claim_id"] for r in rows(tmp_path)}
    store.put_review(by_text["3%"], {"status": "false", "note": "browser verdict"})
    mark(tmp_path, {"5%": {"status": "misleading", "note": "spreadsheet verdict"}})  # a stale view for 3%
    run(tmp_path)
    got = {r["quantity_text"]: r for r in rows(tmp_path)}
    assert (got["3%"]["status"], got["3%"]["note"]) == ("false", "browser verdict")
    assert (got["5%"]["status"], got["5%"]["note"]) == ("misleading", "spreadsheet verdict")
    assert [h["origin"] for h in store.history()] == ["browser", "review.csv"]
