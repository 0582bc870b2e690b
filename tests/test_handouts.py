"""Printable handouts: every chapter's PDF (instructor and student) and the course's, printed from the
two built editions; their text, Kazakh and Kyrgyz letters included, can be extracted."""

from __future__ import annotations

import io

import pytest
from conftest import INSIDE, OUTSIDE
from pypdf import PdfReader

from coursekit import editions, handouts

pytestmark = [pytest.mark.build, pytest.mark.browser]

CHAPTERS = editions.chapters()
SPECIAL = set("әғқңөұүһі")  # Kazakh and Kyrgyz letters the fonts and the PDF's text layer must keep


def special_letters(html_dir, chapter: str) -> set[str]:
    """The Kazakh and Kyrgyz letters the handout's pages show (as text, not in scripts)."""
    from bs4 import BeautifulSoup

    found = set()
    for _, path in handouts.chapter_pages(chapter):
        soup = BeautifulSoup((html_dir / path).read_text(), "html.parser")
        for hidden in soup(["script", "style"]):
            hidden.decompose()
        found |= set(soup.select_one("article").get_text()) & SPECIAL
    return found


@pytest.fixture(scope="module")
def pdfs(built_book, student_book, browser, tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    handouts.write_handouts(built_book, student_book, out, CHAPTERS, browser)
    return out


def text_of(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_prints_for_instructor_and_student(pdfs, built_book, chapter):
    full, full_text = text_of((pdfs / f"{chapter}.pdf").read_bytes())
    student, student_text = text_of((pdfs / f"{chapter}-student.pdf").read_bytes())
    for reader in (full, student):
        assert [item["/Title"] for item in reader.outline] == [t for t, _ in handouts.chapter_pages(chapter)]
        assert len(reader.pages) >= 5
    assert "Check the source" in student_text and "Exercise 1" in student_text
    assert "Solution" in full_text and "Solution" not in student_text
    letters = special_letters(built_book, chapter)
    assert letters or chapter in ("israel_palestine",), f"{chapter}: no Kazakh or Kyrgyz letter on its pages?"
    lost = sorted(letter for letter in letters if letter not in full_text)
    assert not lost, f"{chapter}: {lost} shown on the pages but lost in the PDF text"


def test_the_student_handout_holds_no_planted_solution_text(pdfs):
    _, text = text_of((pdfs / f"{CHAPTERS[0]}-student.pdf").read_bytes())
    assert OUTSIDE in text and INSIDE not in text


def test_the_course_handouts_join_the_chapters(pdfs):
    for suffix in ("", "-student"):
        course, _ = text_of((pdfs / f"course{suffix}.pdf").read_bytes())
        pages = sum(len(PdfReader(pdfs / f"{c}{suffix}.pdf").pages) for c in CHAPTERS)
        chapters = [item for item in course.outline if isinstance(item, dict)]
        assert len(course.pages) == pages and len(chapters) == len(CHAPTERS)
        assert all(isinstance(item, list) and len(item) == 5 for item in course.outline if not isinstance(item, dict))
