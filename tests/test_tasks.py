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


@pytest.mark.parametrize("command", [["book", "teacher"], ["quiz-export"], ["serve", "x", "y"]])
def test_book_and_export_commands_check_their_arguments(command, capsys):
    with pytest.raises(SystemExit) as stop:
        tasks.main(command)
    assert stop.value.code == 2 and "Usage" in capsys.readouterr().out


@pytest.mark.build
def test_the_benchmark_runs_and_reports_json_on_a_tiny_book(tmp_path):
    """Not a timing test (times are noisy): the benchmark builds a one-notebook book three times,
    reports its figures as JSON, and re-executes exactly the notebook whose data was edited."""
    import json
    import shutil
    import subprocess
    import sys

    from conftest import copy_book

    book = copy_book(tmp_path / "full")
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    for name in ("_config.yml", "references.bib", "_static", "_vendor", "coursekit", "data", "chapters"):
        source = book / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, tiny / name)
    (tiny / "intro.md").write_text("# A tiny book\n\nOne quiz page, for the benchmark's own test.\n")
    (tiny / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n"
                                   "  - file: chapters/israel_palestine/quiz\n")
    out = tmp_path / "report.json"
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "benchmark.py"), "--book", str(tiny),
                             "--edit", "data/israel_palestine/quiz.yaml", "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr[-3000:]  # 1: a target missed, which a tiny book may
    report = json.loads(out.read_text())
    assert set(report["seconds"]) == {"clean_build", "no_change_rebuild", "rebuild_after_data_edit",
                                      "notebooks_sum"}
    assert [Path(k).name for k in report["notebooks_seconds"]] == ["quiz.md"]
    assert [Path(k).name for k in report["re_executed_after_editing"]["data/israel_palestine/quiz.yaml"]] == \
        ["quiz.md"]
    assert report["no_change_rebuild_phases_seconds"]["sphinx_setup (extensions, config, saved environment)"] > 0
    assert "no_change_over_clean_ratio" in report["targets"]
