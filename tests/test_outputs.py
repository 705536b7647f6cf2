"""Outputs: the folder is checked before any work; files are replaced together or not at all."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from newsprism.outputs import OutputError, check_folder, write_together


def test_check_folder_refuses_files_and_creates_nothing(tmp_path: Path) -> None:
    f = tmp_path / "briefing.txt"
    f.write_text("x")
    with pytest.raises(OutputError, match="not a folder"):
        check_folder(f)
    with pytest.raises(OutputError, match="is a file"):
        check_folder(f / "sub" / "out")
    check_folder(tmp_path / "new" / "out")
    assert not (tmp_path / "new").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.txt"]


def test_write_together_leaves_no_temporary_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = write_together(out, {"briefing.json": "{}", "briefing.md": "# x\n"})
    assert [p.name for p in written] == ["briefing.json", "briefing.md"]
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".newsprism")) == [
        "briefing.json", "briefing.md"]
    umask = os.umask(0o022)
    os.umask(umask)
    assert (out / "briefing.json").stat().st_mode & 0o777 == 0o666 & ~umask


def test_write_together_replaces_nothing_when_one_file_fails(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_together(out, {"briefing.json": "old", "briefing.md": "old"})
    with pytest.raises(OutputError):
        write_together(out, {"briefing.json": "new", "briefing.md": "\ud800 not encodable"})
    assert (out / "briefing.json").read_text() == "old" and (out / "briefing.md").read_text() == "old"
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_concurrent_runs_never_mix_their_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    errors: list[BaseException] = []

    def run(k: int) -> None:
        try:
            for i in range(40):
                tag = f"run{k}-{i}"
                write_together(out, {"briefing.json": json.dumps({"tag": tag}), "briefing.md": tag,
                                     "briefing.html": tag})
        except BaseException as exc:  # reported below: the test fails on any error
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    tag = json.loads((out / "briefing.json").read_text())["tag"]
    assert (out / "briefing.md").read_text() == tag == (out / "briefing.html").read_text()
