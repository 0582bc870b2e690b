"""The student edition: generated from the chapter sources, solution-free, safe for a student's work,
and runnable away from this repository (the chapter zip)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from coursekit import editions
from coursekit.editions import EditionError, deliver, edition_pages, refresh, strip_solutions, student_notebook

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = editions.chapters()


def _solution_lines(source: str) -> list[str]:
    """Distinctive lines of every worked solution in a page source."""
    kept = set(strip_solutions(source).splitlines())
    return [line for line in source.splitlines() if len(line.strip()) > 25 and line not in kept]


def _all_text(nb) -> str:
    return "\n".join(cell.source for cell in nb.cells)


@pytest.mark.parametrize("name", sorted(edition_pages()))
def test_student_notebooks_hold_no_solution_and_no_output(name):
    source = edition_pages()[name]
    nb = student_notebook(source)
    text = _all_text(nb)
    student_lines = {line.strip() for line in text.splitlines()}
    leaked = [line for line in _solution_lines(source.read_text()) if line.strip() in student_lines]
    assert leaked == [], f"{name} leaks solution lines: {leaked[:3]}"
    assert not re.search(r"\{solution|solution-start|solution-end", text)
    assert all(cell.get("outputs", []) == [] for cell in nb.cells if cell.cell_type == "code")
    assert ".md)" not in text, f"{name} links to a .md page, which is not in the student edition"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_exercise_pages_lose_their_solutions_but_keep_their_placeholders(chapter):
    source = (ROOT / "exercises" / f"{chapter}.md").read_text()
    assert "{solution" in source, "the book's exercise page has worked solutions"
    nb = student_notebook(ROOT / "exercises" / f"{chapter}.md")
    placeholders = [c for c in nb.cells if c.cell_type == "code" and "= None" in c.source and "check(" in c.source]
    assert placeholders, "every exercise page keeps a placeholder that gives 'Not yet' feedback"
    assert any("Exercise" in c.source for c in nb.cells if c.cell_type == "markdown")


def test_every_solution_is_removed_whatever_its_form():
    page = ("Intro\n\n```{code-cell} ipython3\n:tags: [solution]\nx = 1\n```\n\n"
            ":::{solution} ex1\n:class: dropdown\nThe answer.\n:::\n\nEnd\n")
    assert strip_solutions(page) == "Intro\n\nEnd\n"
    with pytest.raises(EditionError, match="page, line 1: solution-start is never closed"):
        strip_solutions("````{solution-start} ex1\n````\n\nhidden\n")
    with pytest.raises(EditionError, match="solution-end without solution-start"):
        strip_solutions("````{solution-end}\n````\n")


def test_delivery_never_overwrites_and_says_when_the_course_changed(tmp_path):
    course = tmp_path / "course"
    for folder in ("chapters/demo", "exercises"):
        (course / folder).mkdir(parents=True)
    (course / "chapters/demo/index.md").write_text("# Demo\n\nSee [the exercises](../../exercises/demo.md).\n")
    (course / "exercises/demo.md").write_text("# Exercises\n\nFirst version.\n")
    (course / "requirements.txt").write_text("")
    ws = tmp_path / "my_notebooks"

    first = deliver(ws, root=course)
    assert sorted(first.new) == ["chapters/demo/index.ipynb", "exercises/demo.ipynb"]
    index = json.loads((ws / "chapters/demo/index.ipynb").read_text())
    assert "../../exercises/demo.ipynb" in "".join(index["cells"][0]["source"])

    mine = ws / "exercises/demo.ipynb"
    mine.write_text("my work")
    (course / "exercises/demo.md").write_text("# Exercises\n\nSecond version.\n")
    second = deliver(ws, root=course)
    assert second.new == [] and second.updated == ["exercises/demo.ipynb"]
    assert mine.read_text() == "my work"
    assert "python3 tasks.py refresh" in second.report("python3 tasks.py refresh")

    backup = refresh(ws, "exercises/demo.ipynb", "2026-12-01", root=course)
    assert backup.name == "demo.mine-2026-12-01.ipynb" and backup.read_text() == "my work"
    assert "Second version." in mine.read_text()
    assert deliver(ws, root=course).updated == []
    with pytest.raises(EditionError, match="not a notebook of the course"):
        refresh(ws, "exercises/other.ipynb", "2026-12-01", root=course)


def test_the_whole_edition_refuses_a_folder_with_other_files(tmp_path):
    (tmp_path / "essay.txt").write_text("mine")
    with pytest.raises(EditionError, match="not empty"):
        editions.write_edition(tmp_path)
    assert (tmp_path / "essay.txt").read_text() == "mine"


def test_chapter_zip_is_reproducible_and_complete():
    chapter = "israel_palestine"
    data = editions.chapter_zip(chapter)
    assert data == editions.chapter_zip(chapter)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert f"{chapter}/README.md" in names and f"{chapter}/coursekit/__init__.py" in names
    assert f"{chapter}/exercises/{chapter}.ipynb" in names
    assert len([n for n in names if n.endswith(".ipynb")]) == 7
    assert not any(n.endswith(".md") and "README" not in n for n in names)
    readme = zipfile.ZipFile(io.BytesIO(data)).read(f"{chapter}/README.md").decode()
    assert len(readme.strip().splitlines()) == 2


@pytest.mark.build
def test_a_chapter_zip_runs_away_from_the_repository(tmp_path, monkeypatch):
    """Unzipped elsewhere, the chapter's notebooks run with the zip's own coursekit and data."""
    chapter = "israel_palestine"
    zipfile.ZipFile(io.BytesIO(editions.chapter_zip(chapter))).extractall(tmp_path)
    here = tmp_path / chapter
    package = json.loads((here / "data/datapackage.json").read_text())
    assert {r["path"].split("/")[0] for r in package["resources"]} == {chapter}
    monkeypatch.setenv("PYTHONPATH", str(here))  # what `pip install -e .` from the README gives
    for nb_path in sorted(here.rglob("*.ipynb")):
        nb = nbformat.read(nb_path, as_version=4)
        nb.cells.insert(0, nbformat.v4.new_code_cell(
            f"import coursekit, coursekit.data\nassert coursekit.__file__.startswith({str(here)!r})\n"
            f"assert str(coursekit.data.DATA).startswith({str(here)!r})"))
        NotebookClient(nb, timeout=60, resources={"metadata": {"path": str(nb_path.parent)}}).execute()
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
        assert errors == [], f"{nb_path.name}: {errors}"


def test_importing_coursekit_leaves_a_students_matplotlib_alone(tmp_path):
    """After `import coursekit` (and a course chart), a student's own plt.plot(); plt.show() shows inline."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import matplotlib, matplotlib.pyplot as plt\n"
        "backend, params = matplotlib.get_backend(), dict(plt.rcParams)\n"
        "import coursekit\n"
        "from coursekit.charts import styled, new_figure, figure\n"
        "fig, ax = new_figure()\n"
        "ax.plot([1, 2])\n"
        "figure(fig, alt='A rising line from 1 to 2, for the test.', caption='Test.')\n"
        "assert matplotlib.get_backend() == backend, matplotlib.get_backend()\n"
        "assert dict(plt.rcParams) == params, 'coursekit changed rcParams'"),
        nbformat.v4.new_code_cell("plt.plot([1, 3, 2])\nplt.title('my own chart')\nplt.show()")])
    NotebookClient(nb, timeout=60, resources={"metadata": {"path": str(tmp_path)}}).execute()
    first, second = nb.cells[0].outputs, nb.cells[1].outputs
    assert not [o for o in first if o.output_type == "error"], first
    assert any("image/png" in o.get("data", {}) for o in second), f"no inline image: {second}"
