"""The student edition of the HTML book: built from the same sources, with no solution in any file.

Two detectors, each shown to work on the full edition first: the worked solutions' own lines (as text
a reader sees), and marker words planted inside and outside one solution before the build (which must
reach, or not reach, the search index, the notebooks and the zips).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import INSIDE, INSIDE_CODE, OUTSIDE, norm

from coursekit import editions

pytestmark = [pytest.mark.build]

def plain(markdown_line: str) -> str:
    """A prose line as a reader sees its text: no Markdown marks, list bullets or link targets."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_line)
    text = re.sub(r"^\s*(?:[-*>]|\d+[.)])\s+", "", text)
    return norm(re.sub(r"\*\*|`|(?<!\w)[*_]|[*_](?!\w)", "", text))


def seen_in(line: str, text: str) -> bool:
    """Whether a source line shows in a page's text, read as code (verbatim) or as prose."""
    return norm(line) in text or plain(line) in text


def solution_texts(root: Path) -> dict[str, list[str]]:
    """Per exercise page, the distinctive lines of its worked solutions, as plain text."""
    found = {}
    for chapter in editions.chapters(root):
        source = (root / "exercises" / f"{chapter}.md").read_text()
        stripped = editions.strip_solutions(source)
        kept, kept_text = set(stripped.splitlines()), norm(stripped)   # lines also outside the solutions
        found[chapter] = [line for line in source.splitlines() if line not in kept and len(plain(line)) > 30
                          and "{solution" not in line and norm(line) not in kept_text]
    return found


def page_text(html_file: Path) -> str:
    return norm(BeautifulSoup(html_file.read_text(), "html.parser").get_text())


def every_file_text(html_dir: Path):
    """Every file of a built book as text, the members of its zips included."""
    for path in html_dir.rglob("*"):
        if not path.is_file():
            continue
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                for name in zf.namelist():
                    yield f"{path.name}:{name}", zf.read(name).decode("utf-8", "replace")
        elif path.suffix not in (".png", ".woff", ".woff2", ".ttf", ".ico"):
            yield str(path.relative_to(html_dir)), path.read_bytes().decode("utf-8", "replace")


def test_the_detector_finds_the_solutions_in_the_full_edition(built_book):
    root = built_book.parent.parent
    for chapter, lines in solution_texts(root).items():
        text = page_text(built_book / "exercises" / f"{chapter}.html")
        seen = [line for line in lines if seen_in(line, text)]
        assert len(seen) >= 0.5 * len(lines) and seen, f"{chapter}: only {len(seen)} of {len(lines)} found"


def test_no_solution_text_in_any_page_of_the_student_edition(student_book):
    root = student_book.parent.parent.parent
    pages = {path: page_text(path) for path in student_book.rglob("*.html")}
    leaks = [f"{path.relative_to(student_book)}: {line[:80]!r}"
             for lines in solution_texts(root).values() for line in lines
             for path, text in pages.items() if seen_in(line, text)]
    assert not leaks, "\n".join(leaks[:20])


def test_planted_solution_words_reach_no_file_but_the_rest_does(student_book):
    texts = dict(every_file_text(student_book))
    leaks = [name for name, text in texts.items() if INSIDE in text or INSIDE_CODE in text]
    assert not leaks, f"solution text in: {leaks}"
    search = (student_book / "searchindex.js").read_text()
    assert OUTSIDE in search, "the exercise prose is indexed for search"
    assert any(OUTSIDE in text for name, text in texts.items() if name.endswith(".ipynb"))
    assert any(OUTSIDE in text for name, text in texts.items() if ".zip:" in name), "and the chapter zip"


def test_the_student_edition_keeps_exercises_and_says_what_it_is(student_book):
    root = student_book.parent.parent.parent
    for chapter in editions.chapters(root):
        html = (student_book / "exercises" / f"{chapter}.html").read_text()
        soup = BeautifulSoup(html, "html.parser")
        assert soup.select(".exercise") and "Not yet" in soup.get_text()
        assert not soup.select(".solution, .tag_solution"), f"{chapter}: a solution element is left"
    assert "(student edition)" in (student_book / "intro.html").read_text()
    assert not (student_book / "instructors").exists(), "the instructor guides stay in the full edition"
    assert not (student_book / "_sources").exists()
