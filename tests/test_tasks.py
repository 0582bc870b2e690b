"""The command-line front door: tasks.py never overwrites a student's work."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
tasks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tasks)


def test_lab_delivers_the_student_edition_and_never_overwrites(tmp_path):
    workspace = tmp_path / "my_notebooks"
    first = tasks.prepare_lab(workspace)
    explorer = workspace / "chapters" / "israel_palestine" / "explorer.ipynb"
    assert explorer.exists() and (workspace / "exercises" / "israel_palestine.ipynb").exists()
    assert not list(workspace.rglob("*.md")), "students get notebooks (.ipynb), not the sources"
    assert "new notebook(s)" in first

    explorer.write_text("my own edits")
    (explorer.parent / "quiz.ipynb").unlink()
    second = tasks.prepare_lab(workspace)
    assert explorer.read_text() == "my own edits"
    assert second.startswith("1 new notebook(s)")  # only the missing file comes back
    settings = tasks.VENV / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert '"fetchNews": "false"' in settings.read_text()


@pytest.mark.parametrize("command", [["refresh"], ["student"], ["refresh", "a", "b"]])
def test_commands_with_a_missing_argument_print_their_usage(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        tasks.main(command)
    assert exit_info.value.code == 2 and "Usage: python3 tasks.py" in capsys.readouterr().out


def test_unknown_command_prints_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        tasks.main(["nonsense"])
    assert exit_info.value.code == 2
    assert "python3 tasks.py book" in capsys.readouterr().out
