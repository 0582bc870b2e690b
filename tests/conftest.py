"""Shared fixtures: a clean strict build of the book, a local web server, and headless Chromium."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bookcopy import ROOT, build, copy_book, tracked_files  # noqa: F401  (re-exported for the tests)

from coursekit import editions

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Path:
    """A clean, strict build of a copy of the repository; returns the HTML folder."""
    book = copy_book(tmp_path_factory.mktemp("book"))
    result = build(book)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout[-6000:]}\n{result.stderr[-4000:]}"
    return book / "_build" / "html"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site(built_book) -> str:
    """Serve the built book on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class PageVisit:
    """A page opened in Chromium, with every request and every console error recorded."""

    def __init__(self, browser, url: str):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status} {r.url}"))
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")

    def close(self):
        self.page.close()


@pytest.fixture
def visit(browser):
    opened = []

    def _visit(url: str) -> PageVisit:
        v = PageVisit(browser, url)
        opened.append(v)
        return v

    yield _visit
    for v in opened:
        v.close()


# -- explorers, in the book and in JupyterLab alike ------------------------------------------------

VISIBLE_TEXT = """box => {
  const views = box.children[box.children.length - 1];
  return Array.from(views.querySelectorAll('*'))
    .filter(e => e.offsetParent !== null && e.children.length === 0)
    .map(e => e.textContent + (e.getAttribute('alt') || '')).join(' ');
}"""


def top_level_explorers(page):
    page.wait_for_selector(".ck-explorer", timeout=15000)
    return [box for box in page.query_selector_all(".ck-explorer")
            if not box.evaluate("b => b.parentElement.closest('.ck-explorer') !== null")]


def choose_another_option(box) -> None:
    control = box.query_selector("select")
    if control is not None:
        options = control.query_selector_all("option")
        current = control.evaluate("s => s.selectedIndex")
        control.select_option(index=(current + 1) % len(options))
        return
    buttons = box.query_selector_all(".widget-toggle-buttons button")
    next(b for b in buttons if "mod-active" not in (b.get_attribute("class") or "")).click()


# Marker words no stemmer changes (the search index stores stems): they must be found exactly.
INSIDE, INSIDE_CODE, OUTSIDE = "zqxkw", "zqxkv", "zqxkj"


QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def norm(text: str) -> str:
    """Whitespace collapsed, typographic quotes (Sphinx's smartquotes) made straight."""
    return " ".join(text.translate(QUOTES).split())


def plant_markers(root: Path, chapter: str) -> None:
    """One word in the exercise prose, one in a worked solution's prose, one in its code."""
    page = root / "exercises" / f"{chapter}.md"
    lines = page.read_text().splitlines()
    heading = next(i for i, line in enumerate(lines) if line.startswith("## Exercise"))
    lines.insert(heading + 1, f"\nA marker outside the solutions: {OUTSIDE}.\n")
    start = next(i for i, line in enumerate(lines) if "{solution-start}" in line)
    cell = next(i for i in range(start, len(lines)) if lines[i].startswith("```{code-cell}"))
    lines.insert(cell + 1, f"# {INSIDE_CODE}")
    end = next(i for i, line in enumerate(lines) if "{solution-end}" in line)
    lines.insert(end, f"A marker inside the solution: {INSIDE}.\n")
    page.write_text("\n".join(lines) + "\n")


@pytest.fixture(scope="session")
def student_book(built_book) -> Path:
    """The student edition, built in the same copy as the full book (sharing its execution cache)."""
    root = built_book.parent.parent
    plant_markers(root, editions.chapters(root)[0])
    result = subprocess.run([sys.executable, "-m", "coursekit.build", "student"], cwd=root,
                            capture_output=True, text=True)
    assert result.returncode == 0, f"strict student build failed:\n{result.stdout[-5000:]}\n{result.stderr[-3000:]}"
    return root / "_build" / "student" / "html"
