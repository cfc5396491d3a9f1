"""The review module's parts one by one, with exact expected values (issue 16: mutation testing showed
which behaviours no test pinned down)."""

from __future__ import annotations

import sqlite3

import pytest

from claimx.errors import ClaimxError, ReviewFileError
from claimx.outputs import OutputFolder
from claimx.outputs.review_file import read_review, review_csv_text
from claimx.review import (
    check_url_template,
    claim_review,
    export_claimreview,
    has_verdict,
    merge_run,
    pipeline_fields,
    validate_schema_org,
)
from claimx.schema import Claim, Quantity, Source
from claimx.verdicts import VerdictStore


def claim(cid: str, text: str = "5%", sentence: str = "Sales rose 5% in 2024.", article: str = "a", **q) -> Claim:
    quantity = {"text": text, "start": 11, "end": 13, "value": 5.0, "bound": "=", "unit": "percent",
                "unit_text": "%", "kind": "percent", "change": "up"} | q  # fmt: skip
    return Claim(
        claim_id=cid, article_id=article, sentence=sentence, sentence_start=0, sentence_end=len(sentence),
        quantity=Quantity(**quantity), measured="Sales", source=None, time=None, hedges=[], modality="asserted",
        claim_type="change", checkworthiness=0.55, checkworthiness_features=[], rule_ids=[],
    )  # fmt: skip


@pytest.mark.parametrize(
    "row, expected",
    [
        ({}, False),
        ({"status": "unreviewed"}, False),
        ({"status": ""}, False),
        ({"status": "verified"}, True),
        ({"status": "not_a_claim"}, True),
        ({"status": "unreviewed", "note": "look again"}, True),
        ({"status": "unreviewed", "reviewer": "ana"}, True),
        ({"status": "unreviewed", "evidence_url": "https://x.org"}, True),
        ({"status": "unreviewed", "note": "   "}, False),
        ({"status": "unreviewed", "needs_recheck": "yes", "sentence": "x"}, False),
    ],
)
def test_review_units_has_verdict(row, expected):
    assert has_verdict(row) is expected


def test_review_units_pipeline_fields_of_a_value_a_range_and_no_value():
    assert pipeline_fields(claim("c1")) == {
        "claim_id": "c1", "article_id": "a", "sentence": "Sales rose 5% in 2024.", "quantity_text": "5%",
        "value": "5", "unit": "percent", "source_text": "", "time_text": "", "checkworthiness": "0.550",
    }  # fmt: skip
    ranged = claim("c2", text="5-7%", value=None, low=5.0, high=7.5)
    assert pipeline_fields(ranged)["value"] == "5-7.5"
    bare = claim("c3", value=None, unit=None)
    assert (pipeline_fields(bare)["value"], pipeline_fields(bare)["unit"]) == ("", "")
    big = claim("c4", value=74e9)
    assert pipeline_fields(big)["value"] == "7.4e+10"


ROW = {"claim_id": "c1", "article_id": "a", "sentence": "Sales rose 5% in 2024.", "status": "false",
       "note": "it was 4%", "reviewer": "ana", "reviewed_at": "2026-11-20T10:00:00.000+00:00",
       "evidence_url": "https://x.org/t4"}  # fmt: skip
ARTICLE = {"article_id": "a", "title": "Sales report", "url": "https://news.example/a", "published": "2026-11-01"}


def test_review_units_claim_review_is_exactly_the_schema_org_object():
    c = claim("c1").model_copy(update={"source": Source(text="the ministry", kind="government", cue="said")})
    got = claim_review(ROW, c, ARTICLE, publisher="Desk", url_template="https://desk.example/c/{claim_id}/{article_id}")
    assert got == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": "Sales rose 5% in 2024.",
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [
                {
                    "@type": "CreativeWork",
                    "url": "https://news.example/a",
                    "headline": "Sales report",
                    "datePublished": "2026-11-01",
                }
            ],  # fmt: skip
            "author": {"@type": "Organization", "name": "the ministry"},
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "False",
        },
        "datePublished": "2026-11-20",
        "author": {"@type": "Organization", "name": "Desk"},
        "publisher": {"@type": "Organization", "name": "Desk"},
        "url": "https://desk.example/c/c1/a",
        "reviewBody": "it was 4%",
        "citation": "https://x.org/t4",
    }
    assert validate_schema_org(got) == []


def test_review_units_claim_review_without_article_publisher_or_note():
    c = claim("c1").model_copy(update={"source": Source(text="Jane Doe", kind="person", cue="said")})
    row = {**ROW, "status": "verified", "note": "", "evidence_url": "", "reviewer": "bo", "reviewed_at": ""}
    got = claim_review(row, c, {"article_id": "a"})
    assert got["itemReviewed"] == {
        "@type": "Claim",
        "appearance": [{"@type": "CreativeWork", "headline": "a"}],
        "author": {"@type": "Person", "name": "Jane Doe"},
    }
    assert got["author"] == {"@type": "Person", "name": "bo"} and "publisher" not in got and "url" not in got
    assert "reviewBody" not in got and "citation" not in got and len(got["datePublished"]) == 10
    assert got["reviewRating"]["ratingValue"] == 5 and got["reviewRating"]["alternateName"] == "True"
    bare = claim_review({**row, "reviewer": ""}, None, None)
    assert "author" not in bare and bare["itemReviewed"] == {
        "@type": "Claim",
        "appearance": [{"@type": "CreativeWork"}],
    }
    assert bare["claimReviewed"] == "Sales rose 5% in 2024."
    ratings = {
        s: claim_review({**row, "status": s}, None, None)["reviewRating"] for s in ("misleading", "unverifiable")
    }
    assert (ratings["misleading"]["ratingValue"], ratings["unverifiable"]["ratingValue"]) == (2, 3)


def test_review_units_validate_schema_org_names_every_unknown_property_and_type():
    obj = {"@type": "ClaimReview", "rating": 1, "itemReviewed": {"@type": "Claim", "appearance": [{"@type": "Thing"}]}}
    assert validate_schema_org(obj) == [
        "$.rating: not a ClaimReview property",
        "$.itemReviewed.appearance[0]: unknown @type 'Thing'",
    ]
    assert validate_schema_org([{"@type": "Rating", "ratingValue": 1}]) == []


@pytest.mark.parametrize(
    "template, ok",
    [
        ("https://desk.example/c/{claim_id}", True),
        ("http://desk.example/{article_id}/{claim_id}", True),
        ("https://desk.example/c/", False),
        ("https://desk.example/{claim}", False),
        ("ftp://desk.example/{claim_id}", False),
        ("desk.example/{claim_id}", False),
        ("https://desk.example/{claim_id", False),
    ],
)
def test_review_units_url_template(template, ok):
    if ok:
        check_url_template(template)
    else:
        with pytest.raises(ClaimxError):
            check_url_template(template)


def test_review_units_export_claimreview_needs_a_review_file(tmp_path):
    with pytest.raises(ReviewFileError) as err:
        export_claimreview(OutputFolder(tmp_path))
    assert "review.csv" in str(err.value) and "does not exist; run `claimx extract ... -o DIR` first" in str(err.value)


def test_review_units_export_claimreview_writes_where_asked_with_publisher_and_url(tmp_path):
    from click.testing import CliRunner

    from claimx.cli import cli

    (tmp_path / "a.txt").write_text("Exports fell 3% to $20 billion in 2023, the ministry said.\n", encoding="utf-8")
    assert (
        CliRunner().invoke(cli, ["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-q"]).exit_code == 0
    )
    folder = OutputFolder(tmp_path / "out")
    store = VerdictStore(folder.path(folder.VERDICTS))
    cid = store.rows()[0]["claim_id"]
    store.put_review(cid, {"status": "false"})
    target = tmp_path / "published" / "cr.json"
    path, n = export_claimreview(folder, target, publisher="Desk", url_template="https://d.example/{claim_id}")
    assert path == target and n == 1 and target.exists() and not folder.path(folder.CLAIMREVIEW).exists()
    import json

    (review,) = json.loads(target.read_text(encoding="utf-8"))
    assert review["url"] == f"https://d.example/{cid}" and review["publisher"]["name"] == "Desk"


def test_review_units_merge_run_counts_and_rows(tmp_path):
    store = VerdictStore(tmp_path / "v.sqlite")
    first = [claim("c1"), claim("c2", text="7%", value=7.0, sentence="Costs rose 7%."), claim("b1", article="b")]
    result = merge_run(store, first, {"a", "b"})
    assert (result.kept, result.new, result.rematched, result.reattached, result.unreviewed) == (0, 3, 0, 0, 3)
    store.put_review("c1", {"status": "verified", "note": "n"})
    store.put_review("b1", {"status": "false"})
    edited = claim("c1x", sentence="Sales rose 5% in 2024, the firm said.")
    result = merge_run(store, [edited, claim("c3", text="9%", value=9.0, sentence="Prices rose 9%.")], {"a"})
    assert (result.kept, result.new, result.rematched, result.unreviewed) == (0, 1, 1, 1)
    assert [r["claim_id"] for r in result.orphans] == []
    rows = {r["claim_id"]: r for r in store.rows()}
    assert set(rows) == {"c1x", "c3", "b1"}  # c2 (unreviewed, gone) dropped; b1 kept: b is not in this run
    assert (rows["c1x"]["status"], rows["c1x"]["note"], rows["c1x"]["needs_recheck"]) == ("verified", "n", "yes")
    assert [r["claim_id"] for r in store.rows()] == ["c1x", "c3", "b1"]  # this run's claims first
    result = merge_run(store, [claim("c3", text="9%", value=9.0, sentence="Prices rose 9%.")], {"a"})
    assert [r["claim_id"] for r in result.orphans] == ["c1x"] and result.orphans[0]["orphaned_at"]
    assert result.orphans[0]["status"] == "verified" and result.orphans[0]["note"] == "n"
    store.put_review("c3", {"status": "misleading"})
    result = merge_run(store, [edited, claim("c3", text="9%", value=9.0, sentence="Prices rose 9%.")], {"a"})
    assert (result.kept, result.reattached) == (2, 1)  # c1x came back; c3 never left
    assert store.get("c1x")["status"] == "verified"


def test_review_units_merge_run_puts_other_articles_after_this_run_and_handles_an_empty_run(tmp_path):
    store = VerdictStore(tmp_path / "v.sqlite")
    merge_run(store, [claim("b1", article="b"), claim("c1")], {"a", "b"})
    store.put_review("c1", {"status": "verified"})
    merge_run(store, [claim("c2", text="7%", value=7.0, sentence="Costs rose 7%.")], {"a"})
    assert [r["claim_id"] for r in store.rows()] == ["c2", "b1"]  # b's row after this run's claims
    result = merge_run(store, [], {"a"})  # every claim of a is gone
    assert result.new == 0 and result.unreviewed == 0 and [r["claim_id"] for r in store.rows()] == ["b1"]


def test_review_units_read_review_normalizes_and_refuses(tmp_path):
    path = tmp_path / "review.csv"
    path.write_text(review_csv_text([{"claim_id": "c1", "status": ""}, {"claim_id": "c2", "status": "verified"}]))
    assert [(r["claim_id"], r["status"]) for r in read_review(path)] == [("c1", "unreviewed"), ("c2", "verified")]
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # a spreadsheet's BOM
    assert read_review(path)[0]["claim_id"] == "c1"
    assert read_review(tmp_path / "missing.csv") == []
    path.write_text(review_csv_text([{"claim_id": "", "status": "verified"}]))
    with pytest.raises(ReviewFileError, match="no claim_id"):
        read_review(path)
    path.write_bytes(b"claim_id,status,note,reviewer,reviewed_at,evidence_url\n\xff\xfe,verified,,,,\n")
    with pytest.raises(ReviewFileError, match="cannot be read") as err:
        read_review(path)
    assert "review.csv" in str(err.value)
    path.write_text("claim_id,status\nc1,verified\n", encoding="utf-8")
    with pytest.raises(ReviewFileError) as err:
        read_review(path)
    assert "header lacks column(s) note, reviewer, reviewed_at, evidence_url" in str(err.value) and "review.csv" in str(
        err.value
    )
    cases = [
        ('claim_id,"status,note,reviewer,reviewed_at,evidence_url\nc1,verified,,,,\n', "row 1", "is not valid CSV ("),
        ("claim_id,status,note,reviewer,reviewed_at,evidence_url\nc1,verified,,,,,extra\n", "row 2",
         "has a different number of fields than the header"),
        ("claim_id,status,note,reviewer,reviewed_at,evidence_url\n,verified,,,,\n", "row 2", "has no claim_id"),
        ("claim_id,status,note,reviewer,reviewed_at,evidence_url\nc1,bogus,,,,\n", "row 2",
         "status 'bogus' is not one of unreviewed, verified, false, misleading, unverifiable, not_a_claim"),
    ]  # fmt: skip
    for content, where, message in cases:
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ReviewFileError) as err:
            read_review(path)
        assert "review.csv" in str(err.value) and where in str(err.value) and message in str(err.value), str(err.value)


def test_review_units_review_csv_lines_end_with_a_newline_only():
    text = review_csv_text([{"claim_id": "c1", "status": "false", "extra": "ignored"}])
    assert "\r" not in text and text.count("\n") == 2 and "ignored" not in text


def test_review_units_a_note_with_line_breaks_round_trips_exactly(tmp_path):
    path = tmp_path / "review.csv"
    path.write_text(
        review_csv_text([{"claim_id": "c1", "status": "false", "note": "line one\r\nline two\nthree"}]), newline=""
    )
    assert read_review(path)[0]["note"] == "line one\r\nline two\nthree"


def test_review_units_the_store_is_durable_wal(tmp_path):
    store = VerdictStore(tmp_path / "v.sqlite")
    db = store.connect()
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 10000
        assert isinstance(db.execute("SELECT 1").fetchone(), sqlite3.Row)
    finally:
        db.close()
    assert store.is_empty() and store.meta("csv_signature") is None and store.history() == []
