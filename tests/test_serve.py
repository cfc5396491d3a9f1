"""`claimx serve` against a real running server: API, safety, eight reviewers at once, SIGKILL, extract while
serving (issue 15). Each server is a `python -m claimx serve` subprocess on a free loopback port."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from claimx.cli import cli

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A `claimx serve DIR` process and a tiny HTTP client for it."""

    def __init__(self, folder: Path, *extra: str):
        self.folder, self.port = folder, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "claimx", "serve", str(folder), "--port", str(self.port), "-q", *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                self.get("/api/claims")
                return
            except (urllib.error.URLError, ConnectionError):
                if self.proc.poll() is not None:
                    raise RuntimeError(f"server exited: {self.proc.stdout.read()}") from None
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes, dict]:
        req = urllib.request.Request(self.base + path, data=body, method=method)
        if body is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=30) as res:
                return res.status, res.read(), dict(res.headers)
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read(), dict(exc.headers)

    def get(self, path: str):
        status, body, _ = self.request("GET", path)
        assert status == 200, (path, status, body)
        return json.loads(body) if path.startswith("/api/") else body.decode()

    def put(self, claim_id: str, payload) -> tuple[int, dict]:
        raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        status, body, _ = self.request("PUT", f"/api/claims/{claim_id}/review", raw)
        return status, json.loads(body)

    def stop(self, sig=signal.SIGTERM) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """An output folder of two corpus articles, extracted once; each test gets a copy."""
    root = tmp_path_factory.mktemp("served")
    src = root / "in"
    src.mkdir()
    for name in ("sat-us-pakistan-minerals.txt", "eia_2014-11-20_crude_oil_import_tracking_tool.txt"):
        shutil.copy(CORPUS / name, src / name)
    res = CliRunner().invoke(cli, ["extract", str(src), "-o", str(root / "out"), "-q"])
    assert res.exit_code == 0, res.output
    return root


@pytest.fixture
def folder(extracted, tmp_path):
    shutil.copytree(extracted / "out", tmp_path / "out")
    shutil.copytree(extracted / "in", tmp_path / "in")
    return tmp_path / "out"


@pytest.fixture
def server(folder):
    s = Server(folder)
    yield s
    s.stop()


def review_csv(folder: Path) -> dict[str, dict]:
    with (folder / "review.csv").open(encoding="utf-8", newline="") as fh:
        return {r["claim_id"]: r for r in csv.DictReader(fh)}


def stored(folder: Path) -> dict[str, dict]:
    db = sqlite3.connect(folder / "verdicts.sqlite")
    db.row_factory = sqlite3.Row
    try:
        return {r["claim_id"]: dict(r) for r in db.execute("SELECT * FROM reviews WHERE orphaned = 0")}
    finally:
        db.close()


# -- the API ------------------------------------------------------------------------------------------
def test_serve_api_lists_every_claim_with_its_review_fields(server, folder):
    claims = server.get("/api/claims")
    n_lines = len((folder / "claims.jsonl").read_text().splitlines())
    assert len(claims) == n_lines > 20
    first = claims[0]
    assert {"claim_id", "quantity", "sentence", "status", "note", "reviewer", "reviewed_at", "evidence_url"} <= set(
        first
    )
    assert {c["status"] for c in claims} == {"unreviewed"}
    article = first["article_id"]
    only = server.get(f"/api/claims?article_id={article}")
    assert only and {c["article_id"] for c in only} == {article}
    assert server.get("/api/claims?status=verified") == []


def test_serve_api_put_stores_and_returns_the_review(server, folder):
    cid = server.get("/api/claims")[0]["claim_id"]
    payload = {"status": "false", "note": "table 4 says 12%", "reviewer": "ana", "evidence_url": "https://x.org/t4"}
    status, body = server.put(cid, payload)
    assert status == 200
    assert {k: body[k] for k in payload} == payload and body["reviewed_at"] and body["claim_id"] == cid
    (again,) = [c for c in server.get("/api/claims?status=false")]
    assert again["claim_id"] == cid and again["note"] == "table 4 says 12%"
    status, body = server.put(cid, {"status": "verified"})  # omitted fields keep their value
    assert status == 200 and body["note"] == "table 4 says 12%" and body["status"] == "verified"
    status, body = server.put(cid, {"status": "unreviewed", "note": ""})  # back to unreviewed
    assert status == 200 and body["status"] == "unreviewed" and body["note"] == ""


@pytest.mark.parametrize(
    "claim_id, payload, code, words",
    [
        ("0123456789abcdef", {"status": "verified"}, 404, "no claim"),
        ("../../etc/passwd", {"status": "verified"}, 404, ""),
        (None, {"status": "bogus"}, 422, "status must be one of"),
        (None, {"status": "verified", "evidence_url": "javascript:alert(1)"}, 422, "http(s) URL"),
        (None, {"status": "verified", "evidence_url": "not a url"}, 422, "http(s) URL"),
        (None, {"status": "verified", "note": 5}, 422, "note must be a string"),
        (None, {"status": "verified", "colour": "red"}, 422, "unknown field"),
        (None, ["verified"], 422, "JSON object"),
        (None, b"{not json", 400, "not valid JSON"),
    ],
)
def test_serve_api_bad_requests_get_a_4xx_with_a_message_and_the_server_goes_on(server, claim_id, payload, code, words):
    cid = claim_id or server.get("/api/claims")[0]["claim_id"]
    status, body = server.put(cid, payload)
    assert status == code and words in body.get("detail", "")
    assert server.get("/api/claims")  # still serving


def test_serve_pages_escape_reviewer_text_and_reach_nothing_outside_the_folder(server, folder):
    cid = server.get("/api/claims")[0]["claim_id"]
    assert server.put(cid, {"status": "false", "note": "<script>alert(1)</script>", "reviewer": "<b>x</b>"})[0] == 200
    for path in ("/", "/triage"):
        page = server.get(path)
        assert "<script>alert(1)</script>" not in page and "<b>x</b>" not in page
    (article_link,) = [p for p in server.get("/").split('href="')[1:] if p.startswith("articles/")][:1]
    page = server.get("/" + article_link.split('"')[0])
    assert "<script>alert(1)</script>" not in page and 'src="../review.js"' in page
    (folder.parent / "secret.txt").write_text("secret")
    probes = ["/../secret.txt", "/articles/..%2Fsecret.txt", "/articles/%2e%2e/%2e%2e/secret.txt", "/%2e%2e/secret.txt",
              "/static/../../secret.txt", "/review.csv", "/verdicts.sqlite", "/claims.jsonl"]  # fmt: skip
    for path in probes:
        status, body, _ = server.request("GET", path)
        assert status == 404 and b"secret" not in body, path


def test_serve_binds_to_loopback_by_default(server):
    out = subprocess.run(["ss", "-ltnH"], capture_output=True, text=True) if shutil.which("ss") else None
    if out is None or out.returncode != 0:
        pytest.skip("ss is not available to list listening sockets")
    lines = [ln for ln in out.stdout.splitlines() if f":{server.port} " in ln]
    assert lines and all("127.0.0.1:" in ln for ln in lines), lines


# -- durability and concurrency -----------------------------------------------------------------------
def test_serve_eight_reviewers_at_once_lose_and_interleave_nothing(server, folder):
    claims = [c["claim_id"] for c in server.get("/api/claims")]
    shared = claims[:5]  # every reviewer also writes these: last write wins
    acked: list[tuple[str, dict]] = []
    errors: list = []
    lock = threading.Lock()

    def reviewer(n: int) -> None:
        for k in range(60):
            cid = shared[k % len(shared)] if k % 3 == 0 else claims[(n * 7 + k) % len(claims)]
            payload = {"status": ["verified", "false", "misleading"][k % 3], "note": f"r{n}-{k}", "reviewer": f"r{n}"}
            status, body = server.put(cid, payload)
            with lock:
                (acked if status == 200 else errors).append((cid, body))

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(acked) == 480
    rows = stored(folder)
    db = sqlite3.connect(folder / "verdicts.sqlite")
    history = db.execute("SELECT claim_id, status, note, reviewer, reviewed_at FROM history").fetchall()
    db.close()
    assert len(history) == 480  # every acknowledged verdict was written, none twice
    for _, body in acked:  # every answer is a consistent row: note and reviewer of one request
        assert body["note"].startswith(body["reviewer"] + "-")
    last = {}
    for cid, body in sorted(acked, key=lambda a: a[1]["reviewed_at"]):
        last[cid] = body
    for cid, body in last.items():  # the stored row is the last acknowledged write
        assert (rows[cid]["note"], rows[cid]["reviewer"]) == (body["note"], body["reviewer"])
        assert rows[cid]["note"].startswith(rows[cid]["reviewer"] + "-")  # no interleaving of two writes
    time.sleep(3)  # review.csv follows within a few seconds
    view = review_csv(folder)
    assert all(view[cid]["note"] == rows[cid]["note"] for cid in last)


def test_serve_a_verdict_answered_200_survives_sigkill(folder):
    server = Server(folder)
    claims = [c["claim_id"] for c in server.get("/api/claims")]
    sent = {}
    for k, cid in enumerate(claims[:40]):
        status, body = server.put(cid, {"status": "verified", "note": f"kill-{k}"})
        assert status == 200
        sent[cid] = body["note"]
    server.proc.send_signal(signal.SIGKILL)  # right after the last answer: no shutdown, no flush
    server.proc.wait(timeout=30)
    rows = stored(folder)
    assert {cid: rows[cid]["note"] for cid in sent} == sent
    again = Server(folder)  # and a restarted server shows them, and writes them to review.csv
    try:
        by_id = {c["claim_id"]: c for c in again.get("/api/claims")}
        assert {cid: by_id[cid]["note"] for cid in sent} == sent
        view = review_csv(folder)
        assert {cid: view[cid]["note"] for cid in sent} == sent
    finally:
        again.stop()


def test_serve_extract_into_the_folder_while_serving_loses_no_verdict(server, folder):
    claims = [c["claim_id"] for c in server.get("/api/claims")]
    acked: dict[str, str] = {}
    stop = threading.Event()

    def keep_reviewing() -> None:
        k = 0
        while not stop.is_set() and k < 400:
            cid = claims[k % len(claims)]
            status, body = server.put(cid, {"status": "misleading", "note": f"during-{k}"})
            if status == 200:
                acked[cid] = body["note"]
            k += 1

    t = threading.Thread(target=keep_reviewing)
    t.start()
    try:
        for _ in range(2):
            env = {**os.environ, "PYTHONWARNINGS": "ignore"}
            res = subprocess.run(
                [sys.executable, "-m", "claimx", "extract", str(folder.parent / "in"), "-o", str(folder), "-q"],
                capture_output=True,
                text=True,
                env=env,
                timeout=300,
            )
            assert res.returncode == 0, res.stderr
    finally:
        stop.set()
        t.join()
    rows = stored(folder)
    assert acked and {cid: rows[cid]["note"] for cid in acked} == acked
    time.sleep(3)
    view = review_csv(folder)
    assert {cid: view[cid]["note"] for cid in acked} == acked
    assert not (folder / "review_orphans.csv").exists()


def test_serve_verdicts_typed_in_review_csv_while_serving_are_imported(server, folder):
    cid = server.get("/api/claims")[3]["claim_id"]
    time.sleep(1.5)
    path = folder / "review.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        cols, data = reader.fieldnames, list(reader)
    for r in data:
        if r["claim_id"] == cid:
            r.update(status="unverifiable", note="typed in the spreadsheet")
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        w.writerows(data)
    deadline = time.time() + 15
    while time.time() < deadline:
        (c,) = [c for c in server.get("/api/claims") if c["claim_id"] == cid]
        if c["status"] == "unverifiable":
            break
        time.sleep(0.5)
    assert c["status"] == "unverifiable" and c["note"] == "typed in the spreadsheet"


def test_serve_claimreview_export_reads_the_browser_verdicts(server, folder, tmp_path):
    cid = server.get("/api/claims")[0]["claim_id"]
    assert server.put(cid, {"status": "false", "note": "wrong", "evidence_url": "https://x.org/e"})[0] == 200
    res = CliRunner().invoke(
        cli,
        ["export", "claimreview", str(folder), "-o", str(tmp_path / "cr.json"), "--publisher", "Desk",
         "--url-template", "https://desk.example.org/claims/{claim_id}"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    (review,) = json.loads((tmp_path / "cr.json").read_text())
    assert review["url"] == f"https://desk.example.org/claims/{cid}"
    assert review["author"] == {"@type": "Organization", "name": "Desk"} == review["publisher"]
    assert review["reviewRating"]["alternateName"] == "False" and review["citation"] == "https://x.org/e"


def test_serve_refuses_a_folder_without_a_run(tmp_path):
    res = CliRunner().invoke(cli, ["serve", str(tmp_path)])
    assert res.exit_code == 1 and "run `claimx extract" in res.output and "Traceback" not in res.output
