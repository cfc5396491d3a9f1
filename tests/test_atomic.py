"""The atomic writer and the output set, in process (the SIGKILL tests are in tests/test_promises.py)."""

from __future__ import annotations

import os

import pytest

from claimx.outputs.atomic import after_commit, atomic_write, defer_move, deferred, write_json, write_text


def listing(folder) -> list[str]:
    return sorted(os.listdir(folder))


def test_atomic_write_replaces_whole_files_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "a.txt"
    write_text(target, "one\n")
    write_text(target, "two\n")
    assert target.read_text() == "two\n" and listing(tmp_path) == ["a.txt"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    with atomic_write(tmp_path / "b.bin", "wb") as fh:
        fh.write(b"\x00\x01")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    write_json({"k": [1, "é"]}, tmp_path / "c.json")
    assert (tmp_path / "c.json").read_text(encoding="utf-8") == '{\n  "k": [\n    1,\n    "é"\n  ]\n}\n'


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_atomic_write_failing_midway_keeps_the_previous_file_and_no_temporary(tmp_path):
    target = tmp_path / "a.txt"
    write_text(target, "previous\n")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as fh:
            fh.write("half of the new")
            raise RuntimeError("disk gone")
    assert target.read_text() == "previous\n" and listing(tmp_path) == ["a.txt"]


def test_atomic_write_text_keeps_newlines_as_written(tmp_path):
    write_text(tmp_path / "a.csv", "x\r\ny\n")
    assert (tmp_path / "a.csv").read_bytes() == b"x\r\ny\n"


def test_atomic_deferred_moves_the_whole_set_at_the_end_or_nothing(tmp_path):
    write_text(tmp_path / "a.txt", "a1")
    write_text(tmp_path / "b.txt", "b1")
    calls = []
    with deferred():
        write_text(tmp_path / "a.txt", "a2")
        write_text(tmp_path / "b.txt", "b2")
        after_commit(lambda: calls.append((tmp_path / "a.txt").read_text()))
        assert (tmp_path / "a.txt").read_text() == "a1" and (tmp_path / "b.txt").read_text() == "b1"
        assert calls == []
    assert (tmp_path / "a.txt").read_text() == "a2" and (tmp_path / "b.txt").read_text() == "b2"
    assert calls == ["a2"] and listing(tmp_path) == ["a.txt", "b.txt"]
    with pytest.raises(ValueError):
        with deferred():
            write_text(tmp_path / "a.txt", "a3")
            write_text(tmp_path / "c.txt", "c3")
            after_commit(lambda: calls.append("never"))
            raise ValueError
    assert (tmp_path / "a.txt").read_text() == "a2" and listing(tmp_path) == ["a.txt", "b.txt"]
    assert calls == ["a2"]


def test_atomic_deferred_blocks_nest_and_the_outermost_commits(tmp_path):
    with deferred():
        with deferred():
            write_text(tmp_path / "a.txt", "x")
        assert not (tmp_path / "a.txt").exists()
    assert (tmp_path / "a.txt").read_text() == "x"


def test_atomic_defer_move_moves_a_finished_file_with_the_set(tmp_path):
    src = tmp_path / "part"
    src.write_text("done")
    with deferred():
        defer_move(src, tmp_path / "final")
        assert src.exists() and not (tmp_path / "final").exists()
    assert (tmp_path / "final").read_text() == "done" and not src.exists()
    src.write_text("again")
    defer_move(src, tmp_path / "final")  # outside a block: at once
    assert (tmp_path / "final").read_text() == "again"


def test_atomic_after_commit_outside_a_block_runs_at_once():
    calls = []
    after_commit(lambda: calls.append(1))
    assert calls == [1]


def test_atomic_the_temporary_file_has_no_name_while_written_and_a_hidden_one_beside_the_target(tmp_path, monkeypatch):
    renames = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: (renames.append((src, dst)), real_replace(src, dst))[1])
    with atomic_write(tmp_path / "a.txt") as fh:
        fh.write("x")
        assert listing(tmp_path) == []  # unnamed (O_TMPFILE) while it is written
    ((src, dst),) = renames
    src = os.fspath(src)
    assert os.path.dirname(src) == os.fspath(tmp_path) and os.path.basename(src).startswith(".a.txt.")
    assert src.endswith(".tmp") and os.fspath(dst) == os.fspath(tmp_path / "a.txt")


def test_atomic_without_o_tmpfile_a_hidden_named_file_is_used_and_removed_on_failure(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    with atomic_write(tmp_path / "a.txt") as fh:
        fh.write("x")
        (name,) = listing(tmp_path)
        assert name.startswith(".a.txt.") and name.endswith(".tmp")
    assert listing(tmp_path) == ["a.txt"] and (tmp_path / "a.txt").read_text() == "x"
    assert oct((tmp_path / "a.txt").stat().st_mode & 0o777) == oct(0o666 & ~_umask())  # as open() would make it
    with pytest.raises(OSError):
        with atomic_write(tmp_path / "a.txt") as fh:
            fh.write("y")
            raise OSError("no space left")
    assert listing(tmp_path) == ["a.txt"] and (tmp_path / "a.txt").read_text() == "x"
    with deferred():
        write_text(tmp_path / "b.txt", "b")
    assert listing(tmp_path) == ["a.txt", "b.txt"]
    with pytest.raises(ValueError, match="the run's own error"):  # a temporary someone removed: the run's error stands
        with deferred():
            write_text(tmp_path / "c.txt", "c")
            for name in listing(tmp_path):
                if name.startswith(".c.txt."):
                    os.unlink(tmp_path / name)
            raise ValueError("the run's own error")
    assert listing(tmp_path) == ["a.txt", "b.txt"]


def test_atomic_json_keeps_key_order_and_non_ascii(tmp_path):
    write_json({"b": 1, "a": "€"}, tmp_path / "x.json")
    assert (tmp_path / "x.json").read_text(encoding="utf-8") == '{\n  "b": 1,\n  "a": "€"\n}\n'


def test_atomic_writes_to_an_fsspec_filesystem_through_a_hidden_name():
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    write_json({"k": 1}, "/claimx-test/out/a.json", fs=fs)
    write_text("/claimx-test/out/b.txt", "bee", fs=fs)
    assert fs.cat("/claimx-test/out/a.json") == b'{\n  "k": 1\n}\n' and fs.cat("/claimx-test/out/b.txt") == b"bee"
    assert sorted(p.rsplit("/", 1)[1] for p in fs.ls("/claimx-test/out", detail=False)) == ["a.json", "b.txt"]
    fs.rm("/claimx-test", recursive=True)
