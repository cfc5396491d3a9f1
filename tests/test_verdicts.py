"""The verdict store in process: writes, history, the spreadsheet import rules (claimx.verdicts)."""

from __future__ import annotations

import pytest

from claimx.outputs.review_file import REVIEW_COLUMNS
from claimx.verdicts import VerdictStore, folder_lock


def row(claim_id: str, **kw) -> dict:
    base = {c: "" for c in REVIEW_COLUMNS}
    base.update(claim_id=claim_id, article_id="a", sentence="Sales rose 5%.", quantity_text="5%", status="unreviewed")
    base.update(kw)
    return base


@pytest.fixture
def store(tmp_path):
    s = VerdictStore(tmp_path / "verdicts.sqlite")
    s.import_csv([row("c1"), row("c2"), row("c3", article_id="b")], "sig-0")
    return s


def test_verdicts_put_review_stores_keeps_omitted_fields_and_logs_history(store):
    assert store.put_review("nope", {"status": "verified"}) is None
    first = store.put_review("c1", {"status": "false", "note": "n1", "reviewer": "ana", "evidence_url": "https://x"})
    assert (first["status"], first["note"], first["reviewer"], first["evidence_url"]) == (
        "false",
        "n1",
        "ana",
        "https://x",
    )
    second = store.put_review("c1", {"status": "verified"})
    assert (second["status"], second["note"], second["reviewer"]) == ("verified", "n1", "ana")
    assert second["reviewed_at"] > first["reviewed_at"]
    assert [(h["claim_id"], h["status"], h["origin"]) for h in store.history()] == [
        ("c1", "false", "browser"),
        ("c1", "verified", "browser"),
    ]
    assert store.get("c1")["status"] == "verified" and store.get("zz") is None


def test_verdicts_put_review_clears_needs_recheck(store, tmp_path):
    with store.transaction() as db:
        db.execute("UPDATE reviews SET needs_recheck = 'yes' WHERE claim_id = 'c2'")
    assert store.put_review("c2", {"status": "verified"})["needs_recheck"] == ""


def test_verdicts_rows_filter_and_keep_order(store):
    assert [r["claim_id"] for r in store.rows()] == ["c1", "c2", "c3"]
    assert [r["claim_id"] for r in store.rows(article_id="b")] == ["c3"]
    store.put_review("c2", {"status": "misleading"})
    assert [r["claim_id"] for r in store.rows(status="misleading")] == ["c2"]
    assert not store.is_empty()


def test_verdicts_import_takes_typed_edits_but_never_undoes_a_later_verdict(store):
    later = store.put_review("c1", {"status": "false", "note": "browser"})
    stale = [row("c1", status="verified", note="old view", reviewed_at="2000-01-01T00:00:00.000+00:00")]
    assert store.import_csv(stale, "sig-1") == 0
    assert store.get("c1")["note"] == "browser"
    same_time = [row("c1", status="misleading", note="typed", reviewed_at=later["reviewed_at"])]
    assert store.import_csv(same_time, "sig-2") == 1  # edited in the spreadsheet, its time left as it was
    got = store.get("c1")
    assert (got["status"], got["note"]) == ("misleading", "typed") and got["reviewed_at"] > later["reviewed_at"]
    assert store.import_csv([row("c2", status="verified", note="new")], "sig-3") == 1  # never reviewed before
    assert store.get("c2")["status"] == "verified" and store.get("c2")["reviewed_at"]
    assert [h["origin"] for h in store.history()][-2:] == ["review.csv", "review.csv"]


def test_verdicts_import_skips_the_file_claimx_last_wrote(store):
    store.mark_written("sig-same")
    assert store.import_csv([row("c1", status="verified", note="x")], "sig-same") == 0
    assert store.get("c1")["status"] == "unreviewed"
    assert store.meta("csv_signature") == "sig-same"


def test_verdicts_import_clears_needs_recheck_when_the_reviewer_clears_it(store):
    with store.transaction() as db:
        db.execute("UPDATE reviews SET needs_recheck = 'yes' WHERE claim_id = 'c3'")
    store.import_csv([row("c3", article_id="b", needs_recheck="")], "sig-4")
    assert store.get("c3")["needs_recheck"] == ""


def test_verdicts_a_failed_transaction_writes_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction() as db:
            db.execute("UPDATE reviews SET status = 'false' WHERE claim_id = 'c1'")
            raise RuntimeError
    assert store.get("c1")["status"] == "unreviewed"


def test_verdicts_folder_lock_is_exclusive_and_reentrant_across_calls(tmp_path):
    with folder_lock(tmp_path):
        assert (tmp_path / ".claimx.lock").exists()
    with folder_lock(tmp_path):
        pass


def test_verdicts_import_keeps_needs_recheck_of_unchanged_rows_and_counts_every_import(store):
    with store.transaction() as db:
        db.execute("UPDATE reviews SET needs_recheck = 'yes' WHERE claim_id = 'c1'")
    rows = [row("c1", needs_recheck="yes"), row("c2", status="verified"), row("c3", article_id="b", status="false")]
    assert store.import_csv(rows, "sig-5") == 2
    assert store.get("c1")["needs_recheck"] == "yes"  # untouched by the reviewer: the flag stays
    assert (store.get("c2")["status"], store.get("c3")["status"]) == ("verified", "false")


def test_verdicts_small_parts():
    from datetime import datetime

    from claimx.verdicts import now_iso

    stamp = now_iso()
    assert stamp.endswith("+00:00") and len(stamp.split("T")[1]) == len("10:00:00.000+00:00")
    assert datetime.fromisoformat(stamp).utcoffset().total_seconds() == 0


def test_verdicts_file_signature_and_nested_store_folder(tmp_path):
    from hashlib import sha256

    from claimx.verdicts import file_signature

    assert file_signature(tmp_path / "missing.csv") == ""
    (tmp_path / "a.csv").write_bytes(b"x,y\n")
    assert file_signature(tmp_path / "a.csv") == sha256(b"x,y\n").hexdigest()
    VerdictStore(tmp_path / "deep" / "er" / "v.sqlite")
    assert (tmp_path / "deep" / "er" / "v.sqlite").exists()


def test_verdicts_a_row_that_differs_only_in_its_time_is_not_imported(store):
    first = store.put_review("c1", {"status": "false", "note": "x"})
    later = {**row("c1"), "status": "false", "note": "x", "reviewed_at": "2999-01-01T00:00:00.000+00:00"}
    assert store.import_csv([later], "sig-6") == 0
    assert store.get("c1")["reviewed_at"] == first["reviewed_at"] and len(store.history()) == 1
