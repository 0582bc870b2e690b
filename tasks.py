#!/usr/bin/env python3
"""The course's commands. Needs only Python 3.11; everything else it installs itself.

    python3 tasks.py book     build the HTML book into _build/html (creates .venv on first use)
    python3 tasks.py book student   build the student edition (no solutions) into _build/student/html
    python3 tasks.py test     run every test (installs test tools and Debian's chromium if missing)
    python3 tasks.py lab      open your own copy of the notebooks (my_notebooks/) in JupyterLab
    python3 tasks.py refresh F   replace your notebook F with the course's newest version (yours is kept)
    python3 tasks.py student DIR write the student edition (no solutions) into DIR, e.g. for a JupyterHub
    python3 tasks.py quiz-export DIR  write every quiz for Moodle (XML, GIFT) and Canvas (QTI) into DIR
    python3 tasks.py handouts [DIR]   print each chapter (and the course) to PDF, into _build/handouts
    python3 tasks.py serve    serve the built book on http://127.0.0.1:8000 (serve student: the student edition)
    python3 tasks.py bench    measure build times and page weights (JSON report)
    python3 tasks.py clean    remove _build (the execution cache too)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"
CHROMIUM = Path("/usr/bin/chromium")


def run(*cmd, **kw) -> None:
    print("+", " ".join(map(str, cmd)), file=sys.stderr, flush=True)  # stdout stays the command's own (bench: JSON)
    subprocess.run(list(map(str, cmd)), check=True, cwd=ROOT, **kw)


def _install(stamp_name: str, requirement_files: list[Path]) -> None:
    """pip-install requirement files into .venv, skipping the work if they have not changed."""
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in requirement_files)).hexdigest()
    stamp = VENV / stamp_name
    if stamp.exists() and stamp.read_text() == digest:
        return
    args = []
    for p in requirement_files:
        args += ["-r", p]
    run(PY, "-m", "pip", "install", "-qq", "--disable-pip-version-check", *args)
    run(PY, "-m", "pip", "install", "-qq", "--disable-pip-version-check", "--no-deps", "-e", ROOT)
    stamp.write_text(digest)


def ensure_env(test_tools: bool = False) -> None:
    if not PY.exists():
        print(f"Creating the virtual environment {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    _install(".installed-book", [ROOT / "requirements.txt"])
    if test_tools:
        _install(".installed-test", [ROOT / "requirements.txt", ROOT / "tests" / "requirements.txt"])


def ensure_chromium() -> None:
    if CHROMIUM.exists():
        return
    apt = ["apt-get"] if os.geteuid() == 0 else ["sudo", "apt-get"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(*apt, "update", "-qq", env=env)
    run(*apt, "install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-dejavu-core", env=env)


def book(extra: list[str] = ()) -> None:
    ensure_env()
    if list(extra) not in ([], ["student"]):
        print("Usage: python3 tasks.py book [student]")
        sys.exit(2)
    run(PY, "-m", "coursekit.build", *extra)  # jupyter-book's own build, reading pages on every core
    print(f"Open it with: python3 tasks.py serve {' '.join(extra)}".rstrip())


JS_TOOLS = ROOT / "tests" / "js"  # independent parsers the tests read our exports with (gift-pegjs)


def ensure_js_tools() -> None:
    """npm-install the test parsers from tests/js/package-lock.json, once per lock file."""
    lock = JS_TOOLS / "package-lock.json"
    stamp = JS_TOOLS / "node_modules" / ".installed"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    run("npm", "ci", "--no-audit", "--no-fund", "--prefix", JS_TOOLS)
    stamp.write_text(digest)


def test(extra: list[str]) -> None:
    ensure_env(test_tools=True)
    ensure_chromium()
    ensure_js_tools()
    run(PY, "-m", "pytest", *extra)


WORKSPACE = ROOT / "my_notebooks"
# JupyterLab settings for the student workspace: no news or update checks (they would ask another host).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


def prepare_lab(workspace: Path = WORKSPACE) -> str:
    """Write the lab settings and deliver the student notebooks; returns the report to print.

    Delivery never overwrites a file in the workspace (coursekit.editions.deliver). Runs in the
    course's virtual environment, where coursekit and jupytext are installed.
    """
    import json

    settings = VENV / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "overrides.json").write_text(json.dumps(LAB_SETTINGS, indent=2))
    out = subprocess.run([PY, "-m", "coursekit.editions", "deliver", workspace],
                         check=True, capture_output=True, text=True, cwd=ROOT)
    return out.stdout.strip()


def lab(extra: list[str]) -> None:
    ensure_env()
    report = prepare_lab()
    print(f"Your notebooks are in {WORKSPACE}.\n{report}", flush=True)
    run(VENV / "bin" / "jupyter", "lab", WORKSPACE, *extra)


def refresh(extra: list[str]) -> None:
    """Replace one of the student's notebooks with the course's current version (theirs is kept)."""
    if len(extra) != 1:
        print("Usage: python3 tasks.py refresh chapters/<chapter>/<page>.ipynb")
        sys.exit(2)
    ensure_env()
    sys.exit(subprocess.run([PY, "-m", "coursekit.editions", "refresh", WORKSPACE, extra[0]], cwd=ROOT).returncode)


def student(extra: list[str]) -> None:
    """Write the whole student edition (no solutions) into a folder, e.g. a repository for nbgitpuller."""
    if len(extra) != 1:
        print("Usage: python3 tasks.py student <folder>")
        sys.exit(2)
    ensure_env()
    run(PY, "-m", "coursekit.editions", "write", Path(extra[0]).resolve())


def quiz_export(extra: list[str]) -> None:
    """Every chapter's quiz (and the whole course's) as Moodle XML, GIFT and QTI files in a folder."""
    if len(extra) != 1:
        print("Usage: python3 tasks.py quiz-export <folder>")
        sys.exit(2)
    ensure_env()
    run(PY, "-m", "coursekit.lms", Path(extra[0]).resolve())


def handouts(extra: list[str]) -> None:
    """Both editions, then a PDF per chapter (instructor and student) and for the course."""
    if len(extra) > 1:
        print("Usage: python3 tasks.py handouts [<folder>]")
        sys.exit(2)
    ensure_env(test_tools=True)  # playwright and pypdf are test tools; Chromium prints the pages
    ensure_chromium()
    book([])
    book(["student"])
    run(PY, "-m", "coursekit.handouts", Path(extra[0]).resolve() if extra else ROOT / "_build" / "handouts")


def serve(extra: list[str] = ()) -> None:
    if list(extra) not in ([], ["student"]):
        print("Usage: python3 tasks.py serve [student]")
        sys.exit(2)
    student_edition = list(extra) == ["student"]
    html = ROOT / "_build" / ("student/html" if student_edition else "html")
    if not (html / "index.html").exists():
        book(extra)
    print("Serving the book on http://127.0.0.1:8000 (Ctrl+C to stop)", flush=True)
    run(sys.executable, "-m", "http.server", "8000", "--bind", "127.0.0.1", "--directory", html)


def bench(extra: list[str]) -> None:
    ensure_env()
    run(PY, ROOT / "tests" / "benchmark.py", *extra)


def clean() -> None:
    shutil.rmtree(ROOT / "_build", ignore_errors=True)


def main(argv: list[str]) -> None:
    commands = {"test": test, "lab": lab, "bench": bench, "refresh": refresh, "student": student,
                "quiz-export": quiz_export, "book": book, "serve": serve, "handouts": handouts}
    if not argv or argv[0] not in {"clean", *commands}:
        print(__doc__)
        sys.exit(2)
    command, extra = argv[0], argv[1:]
    try:
        if command in commands:
            commands[command](extra)
        else:
            clean()
    except subprocess.CalledProcessError as err:
        sys.exit(err.returncode or 1)


if __name__ == "__main__":
    main(sys.argv[1:])
