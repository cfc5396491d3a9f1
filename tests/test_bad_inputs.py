"""Bad input never crashes a batch: one line `path: reason`, a manifest entry, the rest goes on (issue 7)."""

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimx.cli import cli

GOOD = "Good article\n\nExports fell 3% to $20 billion in 2023.\n"


def run_batch(tmp_path, make_bad, name):
    """A folder with one good article and one bad input; returns (result, manifest, bad path)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    bad = src / name
    make_bad(bad)
    res = CliRunner().invoke(cli, ["extract", str(src), "-o", str(tmp_path / "out"), "-q"])
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    return res, manifest, bad


def assert_failed_cleanly(res, manifest, path_fragment, code):
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    lines = [ln for ln in res.stderr.splitlines() if path_fragment in ln]
    assert len(lines) == 1 and ": " in lines[0], res.stderr
    assert code in {e["code"] for e in manifest["errors"]}
    assert manifest["counts"]["claims"] >= 2  # the good article was processed


def assert_processed(res, manifest):
    assert res.exit_code == 0, res.output
    assert not manifest["errors"]
    assert manifest["counts"]["articles"] == 2


@pytest.mark.parametrize(
    "name,make,code",
    [
        ("empty.txt", lambda p: p.write_bytes(b""), "empty"),
        ("blank.txt", lambda p: p.write_text(" \n\t\n  ", encoding="utf-8"), "empty"),
        ("image.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(512)), "binary"),
        ("archive.txt", lambda p: p.write_bytes(_zip_bytes()), "binary"),
        (
            "paper.txt",
            lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + os.urandom(256)),
            "binary",
        ),
        (
            "scripts.html",
            lambda p: p.write_text(
                "<html><head><style>p{}</style><script>var x=1;</script></head>"
                "<body><script>alert(2)</script></body></html>",
                encoding="utf-8",
            ),
            "no_text",
        ),
    ],
)
def test_bad_inputs_fail_with_one_line(tmp_path, name, make, code):
    res, manifest, _ = run_batch(tmp_path, make, name)
    assert_failed_cleanly(res, manifest, name, code)


def _zip_bytes():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hello " * 100)
    return buf.getvalue()


@pytest.mark.parametrize(
    "name,make",
    [
        ("latin1.txt", lambda p: p.write_bytes("Le café coûte 5 euros à Paris, où il fait 30°C.".encode("latin-1"))),
        (
            "cp1252.txt",
            lambda p: p.write_bytes("Prices \u201crose\u201d 5% \u2013 the firm said \u2026".encode("cp1252")),
        ),
        ("utf16.txt", lambda p: p.write_bytes("Costs were $5 million in 2023.".encode("utf-16"))),
        ("invalid-utf8.txt", lambda p: p.write_bytes(b"Sales rose 5% \xff\xfe in March \xc3\x28 last year.")),
        (
            "truncated.html",
            lambda p: p.write_text(
                "<html><body><article><p>Exports rose 5% to $3 billion in 2023, "
                "the ministry said in its monthly trade report on Monday.<p>Imports "
                "fell by two",
                encoding="utf-8",
            ),
        ),
        (
            "malformed.html",
            lambda p: p.write_text(
                "<div><p>Exports <b>rose <i>5%</b></i> to $3 billion</div></p>"
                "<p>in 2023, officials said, citing the monthly trade report.",
                encoding="utf-8",
            ),
        ),
        (
            "other-language.txt",
            lambda p: p.write_text(
                "Die Exporte stiegen im Jahr 2023 um 5 Prozent auf 3 Milliarden Euro. 中国的出口增长了百分之五。",
                encoding="utf-8",
            ),
        ),
        (
            "no-numbers.txt",
            lambda p: p.write_text("A calm day\n\nNothing happened and nobody counted anything.", encoding="utf-8"),
        ),
        (
            "table.txt",
            lambda p: p.write_text(
                "\n".join(" | ".join(str(i * j) for j in range(12)) for i in range(60)), encoding="utf-8"
            ),
        ),
    ],
)
def test_bad_inputs_odd_but_readable_text_is_processed(tmp_path, name, make):
    res, manifest, _ = run_batch(tmp_path, make, name)
    assert_processed(res, manifest)


def test_bad_inputs_detected_encoding_is_decoded(tmp_path):
    (tmp_path / "a.txt").write_bytes("Le café coûte 5 euros.".encode("latin-1"))
    res = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt")])
    assert res.exit_code == 0 and "café" in json.loads(res.stdout)["text"]


def test_bad_inputs_jsonl_lines(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Sales rose 5%."}),
        "{broken",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": ["not", "a", "string"]}),
        json.dumps({"id": "a", "text": "dup"}),
        json.dumps({"id": "d", "text": "Costs were $3 million."}),
    ]
    res, manifest, bad = run_batch(tmp_path, lambda p: p.write_text("\n".join(lines), encoding="utf-8"), "batch.jsonl")
    assert res.exit_code == 1
    assert sorted(e["code"] for e in manifest["errors"]) == ["duplicate_id", "malformed", "malformed", "malformed"]
    assert sorted(e["path"].rsplit(":", 1)[1] for e in manifest["errors"]) == ["2", "3", "4", "5"]
    assert manifest["counts"]["articles"] == 3  # good.txt, a, d


def test_bad_inputs_large_file_and_long_line(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "huge.txt").write_bytes(b"x" * 20_000_000)
    line = "The committee met again and discussed the proposal at length without reaching a decision. " * 11200
    (src / "one-line.txt").write_text(line + "It approved 12 new projects.", encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", str(src), "-o", str(tmp_path / "out"), "-q"])
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert res.exit_code == 1 and [e["code"] for e in manifest["errors"]] == ["too_large"]
    claims = [json.loads(x) for x in (tmp_path / "out" / "claims.jsonl").read_text().splitlines()]
    assert [c["quantity"]["text"] for c in claims] == ["12 new projects"]
    assert len(line) > 1_000_000


def test_bad_inputs_links_and_missing_paths(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (src / "loop.txt").symlink_to(src / "loop.txt")
    res = CliRunner().invoke(
        cli, ["extract", str(src), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out"), "-q"]
    )
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert sorted(e["code"] for e in manifest["errors"]) == ["not_found", "not_found", "symlink_loop"]
    assert manifest["counts"]["articles"] == 1


def test_bad_inputs_unreadable_file(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = src / "locked.txt"
    locked.write_text("secret 5%", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":  # root ignores chmod 000, so refuse the read as the OS would
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    res = CliRunner().invoke(cli, ["extract", str(src), "-o", str(tmp_path / "out"), "-q"])
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert res.exit_code == 1 and [e["code"] for e in manifest["errors"]] == ["permission"]
    assert "locked.txt: cannot be read: permission denied" in res.stderr


@pytest.mark.slow
def test_bad_inputs_folder_of_5000_small_files(tmp_path):
    src = tmp_path / "in"
    for k in range(5000):
        d = src / f"d{k % 50:02d}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"a{k}.txt").write_text(f"Note {k}\n\nThe council met on Tuesday and approved the plan.", encoding="utf-8")
    res = CliRunner().invoke(
        cli, ["extract", str(src), "-o", str(tmp_path / "out"), "-q", "--format", "articles,manifest"]
    )
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert res.exit_code == 0 and manifest["counts"]["articles"] == 5000


def test_bad_inputs_usage_errors_exit_2(tmp_path):
    assert CliRunner().invoke(cli, ["extract"]).exit_code == 2
    assert CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "pdf"]).exit_code == 2
    assert CliRunner().invoke(cli, ["no-such-command"]).exit_code == 2


# -- issue 16: every reason code and signature asserted, decoded text checked ----------------------------
@pytest.mark.parametrize(
    "name, data",
    [
        ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4),  # JPEG
        ("anim.txt", b"GIF89a\x01\x00\x01\x00" + bytes(range(256)) * 4),  # GIF
        ("notes.txt", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4),
        ("prog.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4),  # an executable
        ("doc.md", b"PK\x03\x04" + bytes(range(256)) * 4),  # a ZIP (e.g. a .docx renamed)
        ("paper.html", b"%PDF-1.4\n" + bytes(range(256)) * 4),
        ("raw.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17]) * 100),  # no signature, control bytes
    ],
)
def test_bad_inputs_binary_signatures_and_unsigned_binary_are_refused(tmp_path, name, data):
    res, manifest, _ = run_batch(tmp_path, lambda p: p.write_bytes(data), name)
    assert_failed_cleanly(res, manifest, name, "binary")
    (error,) = manifest["errors"]
    assert error["code"] == "binary" and ("not text" in error["reason"] or "binary data" in error["reason"])


def test_bad_inputs_undecodable_bytes_fail_with_the_decode_reason(tmp_path):
    res, manifest, _ = run_batch(tmp_path, lambda p: p.write_bytes(bytes(range(128, 256)) * 8), "mojibake.txt")
    assert_failed_cleanly(res, manifest, "mojibake.txt", "decode")
    (error,) = manifest["errors"]
    assert "encoding" in error["reason"] and "UTF-8" in error["reason"]


@pytest.mark.parametrize(
    "data, expected",
    [
        (
            "Prices \u201crose\u201d 5% \u2013 the firm said \u2026".encode("cp1252"),
            "Prices “rose” 5% – the firm said …",
        ),
        ("Costs were $5 million in 2023.".encode("utf-16"), "Costs were $5 million in 2023."),
        ("Costs were $5 million in 2023.".encode("utf-16-be"), None),  # no BOM: refused or decoded, never garbled
        ("\ufeffCosts were $5 million.".encode("utf-8"), "Costs were $5 million."),
        ("Le café coûte 5 euros à Paris.".encode("latin-1"), "Le café coûte 5 euros à Paris."),
    ],
)
def test_bad_inputs_odd_encodings_are_decoded_to_the_right_text(tmp_path, data, expected):
    (tmp_path / "a.txt").write_bytes(data)
    res = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt")])
    if expected is None:
        assert res.exit_code == 1 or "Costs were $5 million" in json.loads(res.stdout)["text"]
        return
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["text"] == expected


def test_bad_inputs_invalid_utf8_keeps_every_readable_word(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Sales rose 5% \xff\xfe in March \xc3\x28 last year.")
    res = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt")])
    text = json.loads(res.stdout)["text"]
    assert text.startswith("Sales rose 5% ") and "in March" in text and text.endswith("last year.")


def test_bad_inputs_an_article_claimx_fails_on_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch):
    """An article that trips a bug in claimx (here: the claim builder raising on it) gets one line naming the
    file and the internal error; the articles batched with it, before and after, still come out; exit 1."""
    import claimx.claims

    real = claimx.claims.doc_to_claims

    def flaky(doc, **kw):
        if "BOOM" in doc.text:
            raise IndexError("simulated bug")
        return real(doc, **kw)

    monkeypatch.setattr(claimx.claims, "doc_to_claims", flaky)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "b.txt").write_text("Bad article\n\nBOOM: imports rose 5% to $10 billion.\n", encoding="utf-8")
    (src / "c.txt").write_text("Another\n\nPrices rose 4% in March.\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", str(src), "-o", str(tmp_path / "out"), "-q", "--no-cache"])
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    lines = [ln for ln in res.stderr.splitlines() if "b.txt" in ln]
    assert len(lines) == 1 and "internal error (IndexError: simulated bug)" in lines[0], res.stderr
    assert [e["code"] for e in manifest["errors"]] == ["internal"]
    claims = [json.loads(ln) for ln in (tmp_path / "out" / "claims.jsonl").read_text().splitlines()]
    assert {c["article_id"] for c in claims} == {"a.txt", "c.txt"}


def test_bad_inputs_debug_shows_the_traceback_of_an_article_claimx_fails_on(tmp_path, monkeypatch):
    """`--debug` promises Python tracebacks: an internal error on one article prints where it happened."""
    import claimx.claims

    def broken(doc, **kw):
        raise IndexError("simulated bug")

    monkeypatch.setattr(claimx.claims, "doc_to_claims", broken)
    (tmp_path / "b.txt").write_text("Bad article\n\nImports rose 5% to $10 billion.\n", encoding="utf-8")
    args = ["extract", str(tmp_path / "b.txt"), "-o", str(tmp_path / "out"), "-q", "--no-cache"]
    res = CliRunner().invoke(cli, [*args, "--debug"])
    assert res.exit_code == 1 and "Traceback" in res.stderr and "in broken" in res.stderr, res.stderr
    res = CliRunner().invoke(cli, args)
    assert "Traceback" not in res.stderr
