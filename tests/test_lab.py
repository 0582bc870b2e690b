"""The student's path: the workspace `python3 tasks.py lab` makes, opened in a real JupyterLab and driven
in headless Chromium the way a student uses it (open a page, run all cells, use the widgets and quiz)."""

from __future__ import annotations

import importlib.util
import json
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import VISIBLE_TEXT, choose_another_option, top_level_explorers

pytestmark = [pytest.mark.browser, pytest.mark.lab]

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
tasks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tasks)

from coursekit.editions import edition_pages  # noqa: E402

PAGES = sorted(edition_pages())
# Directive syntax that must never reach a student's screen as text.
RAW_MYST = re.compile(r"(:::\{|```\{|\{(admonition|exercise|solution|raw|code-cell)\}|^:(class|label|tags):)", re.M)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on a fresh student workspace, started as `tasks.py lab` starts it."""
    workspace = tmp_path_factory.mktemp("student") / "my_notebooks"
    report = tasks.prepare_lab(workspace)
    assert f"{len(PAGES)} new notebook(s)" in report
    port, token = _free_port(), secrets.token_hex(16)
    log = open(workspace.parent / "lab.log", "w")
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyter"), "lab", str(workspace), "--no-browser", "--allow-root",
         f"--port={port}", f"--ServerApp.token={token}", "--ServerApp.ip=127.0.0.1",
         "--LabApp.expose_app_in_browser=True"],
        stdout=log, stderr=subprocess.STDOUT, cwd=workspace)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("JupyterLab did not start:\n" + (workspace.parent / "lab.log").read_text()[-3000:])
    yield {"base": base, "token": token, "workspace": workspace}
    proc.terminate()
    proc.wait(timeout=20)


class Lab:
    """One JupyterLab tab in Chromium, loaded once; notebooks are opened in it one at a time, the
    way a student opens them from the file browser, with requests and errors recorded per notebook."""

    def __init__(self, chromium, lab):
        self.page = chromium.new_page(viewport={"width": 1300, "height": 1000})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.goto(f"{lab['base']}/lab/workspaces/tests?reset&token={lab['token']}")
        self.page.wait_for_function("() => window.jupyterapp && jupyterapp.started !== undefined", timeout=60000)
        self.page.wait_for_selector(".jp-DirListing-content", timeout=60000)


@pytest.fixture(scope="module")
def lab_tab(browser, lab):
    tab = Lab(browser, lab)  # the session's headless Chromium (conftest)
    yield tab
    tab.page.close()


class Notebook:
    """One notebook opened in the JupyterLab tab (and closed, kernel shut down, afterwards)."""

    def __init__(self, tab: Lab, path: str):
        self.tab, self.page, self.path = tab, tab.page, path
        tab.requests.clear()
        tab.errors.clear()
        self.page.evaluate("path => { jupyterapp.commands.execute('docmanager:open', {path}); }", path)
        self.page.wait_for_function(
            "path => { const w = jupyterapp.shell.currentWidget; return w && w.context && w.context.path === path"
            " && w.content.widgets.length > 0 && w.sessionContext.session?.kernel?.status === 'idle'; }",
            arg=path, timeout=60000)
        self.page.wait_for_timeout(1000)  # let JupyterLab settle the model after the kernel started

    @property
    def errors(self) -> list[str]:
        return self.tab.errors

    def dirty(self) -> bool:
        return self.page.evaluate("() => jupyterapp.shell.currentWidget.context.model.dirty")

    def text(self) -> str:
        return self.page.evaluate("() => jupyterapp.shell.currentWidget.content.node.innerText")

    def query_all(self, selector: str):
        return self.page.query_selector_all(f".jp-NotebookPanel:not(.lm-mod-hidden) {selector}")

    def run_all(self) -> None:
        self.page.evaluate("() => { jupyterapp.commands.execute('notebook:run-all-cells'); }")
        self.page.wait_for_function(
            "() => { const w = jupyterapp.shell.currentWidget;"
            " return w.content.widgets.every(c => c.model.type !== 'code' || c.model.executionState !== 'running')"
            " && w.sessionContext.session.kernel.status === 'idle'; }",
            timeout=120000)
        self.page.wait_for_timeout(800)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.tab.requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
                and urlparse(u).hostname != "127.0.0.1"]

    def close(self) -> None:
        self.page.evaluate("async () => { const w = jupyterapp.shell.currentWidget;"
                           " if (!w || !w.context) return; await w.sessionContext.shutdown();"
                           " w.context.model.dirty = false; w.dispose(); }")


@pytest.fixture
def open_notebook(lab_tab):
    opened = []

    def _open(path: str) -> Notebook:
        nb = Notebook(lab_tab, path)
        opened.append(nb)
        return nb

    yield _open
    for nb in opened:
        nb.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_student_page_opens_renders_and_runs(open_notebook, path):
    nb = open_notebook(path)
    assert not nb.dirty(), f"{path} opens already marked as changed"
    shown = nb.text()
    assert len(shown) > 200, f"{path} shows almost nothing"
    raw = RAW_MYST.findall(shown)
    assert not raw, f"{path} shows raw MyST markup: {raw[:3]}"
    nb.run_all()
    errors = nb.query_all('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')
    assert not errors, f"{path}: a cell failed: {errors[0].inner_text()[:600]}"
    stderr = nb.query_all('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    assert not stderr, f"{path}: a cell wrote to stderr: {stderr[0].inner_text()[:600]}"
    after = nb.text()
    assert "Correct." not in after, f"{path}: a solution or a pre-computed answer is visible"
    assert nb.foreign_requests() == [], f"{path} asked other hosts: {nb.foreign_requests()}"
    assert nb.errors == [], f"{path} logged errors: {nb.errors}"


@pytest.mark.parametrize("chapter", sorted({p.split("/")[1].removesuffix(".ipynb") for p in PAGES if "/" in p}))
def test_exercise_placeholders_say_not_yet(open_notebook, chapter):
    nb = open_notebook(f"exercises/{chapter}.ipynb")
    nb.run_all()
    feedback = nb.query_all(".ck-feedback")
    assert feedback, "an exercise page must have a placeholder cell that gives feedback"
    assert all("ck-try" in (f.get_attribute("class") or "") for f in feedback)
    assert all(f.inner_text().startswith("Not yet.") for f in feedback)


@pytest.mark.parametrize("chapter", sorted({p.split("/")[1] for p in PAGES if p.startswith("chapters/")}))
def test_explorers_switch_views_in_jupyterlab(open_notebook, chapter):
    nb = open_notebook(f"chapters/{chapter}/explorer.ipynb")
    nb.run_all()
    boxes = top_level_explorers(nb.page)
    assert len(boxes) >= 2
    for box in boxes:
        before = box.evaluate(VISIBLE_TEXT)
        choose_another_option(box)
        nb.page.wait_for_timeout(300)
        after = box.evaluate(VISIBLE_TEXT)
        assert before.strip() and after.strip() and after != before, f"{chapter}: the explorer did not switch"
    assert nb.errors == []


def test_the_comparison_explorers_switch_and_the_scoring_cell_answers_in_jupyterlab(open_notebook):
    nb = open_notebook("comparison.ipynb")
    nb.run_all()
    boxes = top_level_explorers(nb.page)
    assert len(boxes) == 2
    for box in boxes:
        before = box.evaluate(VISIBLE_TEXT)
        choose_another_option(box)
        nb.page.wait_for_timeout(300)
        after = box.evaluate(VISIBLE_TEXT)
        assert before.strip() and after.strip() and after != before, "a comparison explorer did not switch"
    assert "no evidence items" in nb.text()  # the student's scoring cell, still empty, gives a profile
    assert nb.errors == []


def test_a_quiz_answer_gives_feedback_in_jupyterlab(open_notebook):
    nb = open_notebook("chapters/israel_palestine/quiz.ipynb")
    nb.run_all()
    question = nb.page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .Quiz", timeout=15000)
    feedback = question.query_selector(".Feedback")
    question.query_selector('.MCButton[data-correct="false"]').click()
    nb.page.wait_for_timeout(300)
    assert "incorrect" in (feedback.get_attribute("class") or "") and "Article lines" in feedback.inner_text()
    question.query_selector('.MCButton[data-correct="true"]').click()
    nb.page.wait_for_timeout(300)
    assert "correct" in (feedback.get_attribute("class") or "").split()
    assert nb.foreign_requests() == [] and nb.errors == [], (nb.foreign_requests(), nb.errors)


def test_links_between_pages_open_the_other_notebook(open_notebook):
    nb = open_notebook("chapters/bri_turkiye/index.ipynb")
    # jupyterlab-myst resolves the relative link to the file; a click opens it as a notebook in JupyterLab
    nb.page.click(".jp-NotebookPanel:not(.lm-mod-hidden) a[href*='/chapters/bri_turkiye/summary.ipynb']")
    nb.page.wait_for_function(
        "() => jupyterapp.shell.currentWidget?.context?.path === 'chapters/bri_turkiye/summary.ipynb'",
        timeout=20000)
    nb.page.wait_for_function("() => jupyterapp.shell.currentWidget.content.widgets.length > 0", timeout=20000)
    assert "Summary" in nb.text()
    Notebook.close(nb)  # the summary


def test_student_work_survives_a_new_lab_session(lab):
    """A second `tasks.py lab` delivers nothing over a student's edited file."""
    mine = lab["workspace"] / "exercises" / "bri_turkiye.ipynb"
    nb = json.loads(mine.read_text())
    nb["cells"][0]["source"] = "my own notes"
    mine.write_text(json.dumps(nb))
    report = tasks.prepare_lab(lab["workspace"])
    assert "0 new notebook(s)" in report
    assert json.loads(mine.read_text())["cells"][0]["source"] == "my own notes"
