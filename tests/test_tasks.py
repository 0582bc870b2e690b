"""The command-line front door: tasks.py never overwrites a student's work."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
tasks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tasks)


def test_workspace_copy_never_overwrites_student_work(tmp_path, monkeypatch):
    monkeypatch.setattr(tasks, "WORKSPACE", tmp_path / "my_notebooks")
    first = tasks.prepare_workspace()
    explorer = tmp_path / "my_notebooks" / "chapters" / "israel_palestine" / "explorer.md"
    assert explorer in first and (tmp_path / "my_notebooks" / "exercises" / "israel_palestine.md").exists()

    explorer.write_text("my own edits")
    (explorer.parent / "quiz.md").unlink()
    second = tasks.prepare_workspace()
    assert explorer.read_text() == "my own edits"
    assert second == [explorer.parent / "quiz.md"]  # only the missing file comes back


def test_unknown_command_prints_help(capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        tasks.main(["nonsense"])
    assert exit_info.value.code == 2
    assert "python3 tasks.py book" in capsys.readouterr().out
