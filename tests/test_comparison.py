"""The seven articles side by side: records behind the rubric, the page built from them, its widgets."""

from __future__ import annotations

import html as _html
import re
import shutil
from pathlib import Path

import pytest

from coursekit import datasets, editions, load, rubric
from coursekit.sphinxext import fingerprint
from coursekit.views.comparison import all_profiles, chapters_in_order

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = editions.chapters()
BIB_KEYS = set(re.findall(r"^@\w+\{([^,\s]+),", (ROOT / "references.bib").read_text(encoding="utf-8"), re.M))
NO_KEY = {"article", "reference works"}


def _headings(chapter: str) -> set[str]:
    page = (ROOT / "chapters" / chapter / "check_the_source.md").read_text(encoding="utf-8")
    return {line.lstrip("#").strip() for line in page.splitlines() if re.match(r"#{2,4} ", line)}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_check_names_its_page_section_and_how_we_know(chapter):
    checks = load(f"{chapter}/source_checks")
    headings = _headings(chapter)
    for row in checks.itertuples():
        assert row.page_section in headings, f"{chapter}/{row.check_id}: no section {row.page_section!r}"
        sources = {s.strip() for s in row.how_we_know.split(";")}
        assert sources <= BIB_KEYS | NO_KEY, f"{chapter}/{row.check_id}: unknown source {sources - BIB_KEYS}"
        if row.kind == "contradiction":
            assert sources == {"article"}, f"{chapter}/{row.check_id}: a contradiction is shown by the article"
        if row.kind == "correction":
            assert sources != {"article"}, f"{chapter}/{row.check_id}: a correction needs an outside source"
    assert "confirmed" in set(checks.kind), f"{chapter}: the records should also say where the article is right"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_keeps_the_three_records(chapter):
    evidence, promises = load(f"{chapter}/evidence_items"), load(f"{chapter}/method_promises")
    assert len(evidence) and len(promises)
    named = set(datasets())
    assert set(evidence.course_resource.dropna()) - {""} <= named, f"{chapter}: unknown course_resource"


def test_the_profiles_follow_the_records():
    profiles = all_profiles()
    assert [p.article for p in profiles] == list(range(1, 8))
    for chapter, p in zip(chapters_in_order(), profiles):
        checks = load(f"{chapter}/source_checks")
        assert p.corrections == (checks.kind == "correction").sum()
        assert p.contradictions == (checks.kind == "contradiction").sum()
        assert len(p.printed) == len(load(f"{chapter}/evidence_items"))


def test_a_students_wrong_entries_get_feedback_not_a_traceback():
    for bad in ({"evidence": "table"}, {"evidence": [("table", "maybe")]}, {"evidence": [("yes", "table")]},
                {"checks": ["maybe"]}, {"delivered": [1]}, {"evidence": None}, {"evidence": [("table",)]}):
        result = rubric.score("An article", **bad)
        assert not result and "Not yet." in repr(result) and "Not yet." in result._repr_html_()
    good = rubric.score("An article", evidence=[("Table", "Yes"), ("interviews", "no")])
    assert good.checkable == 0.5 and good.describe("evidence") == "tables"


def test_the_page_reruns_when_a_record_changes_and_only_then(tmp_path):
    for name in ("comparison.md",):
        shutil.copy2(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    before = fingerprint(tmp_path, "comparison")
    timeline = tmp_path / "data" / "israel_palestine" / "timeline.csv"
    timeline.write_text(timeline.read_text() + "\n")
    assert fingerprint(tmp_path, "comparison") == before
    checks = tmp_path / "data" / "israel_palestine" / "source_checks.csv"
    checks.write_text(checks.read_text() + "\n")
    assert fingerprint(tmp_path, "comparison") != before


def _cells(html: str) -> list[list[str]]:
    table = re.search(r"<caption>The seven articles on the rubric</caption>(.*?)</table>", html, re.S).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.S)
    return [[_html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", row, re.S)] for row in rows]


def test_the_built_page_shows_the_computed_rubric(built_book):
    page = (built_book / "comparison.html").read_text(encoding="utf-8")
    cells = _cells(page)
    assert len(cells) == 7
    expected = [[p.describe(c) for c in rubric.CRITERIA] for p in all_profiles()]
    assert [[" ".join(c.replace("’", "'").split()) for c in row] for row in cells] == expected


def test_the_comparison_widgets_work_in_the_static_book(site, visit):
    from conftest import VISIBLE_TEXT, choose_another_option, top_level_explorers

    v = visit(f"{site}/comparison.html")
    criterion, article = top_level_explorers(v.page)
    shown = criterion.evaluate(VISIBLE_TEXT)
    assert "Evidence a reader can check" in shown and all(f"Article {n}" in shown for n in range(1, 8))
    criterion.query_selector("select").select_option(label="Corrections and unsupported claims")
    v.page.wait_for_timeout(300)
    after = criterion.evaluate(VISIBLE_TEXT)
    assert after != shown and "corrected" in after and all(f"Article {n}" in after for n in range(1, 8))
    first = article.evaluate(VISIBLE_TEXT)
    assert "Article 1:" in first
    choose_another_option(article)
    v.page.wait_for_timeout(300)
    second = article.evaluate(VISIBLE_TEXT)
    assert "Article 2:" in second and "Kind of evidence" in second
    assert v.errors == []


def test_the_exercise_cell_scores_an_empty_article_without_error(built_book):
    page = (built_book / "comparison.html").read_text(encoding="utf-8")
    assert "Your article&#x27;s title" in page or "Your article's title" in page
    assert "no evidence items" in page and "cmp-ex1" in page
