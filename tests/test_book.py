"""The built book as readers meet it: a strict build, then every page driven in headless Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import VISIBLE_TEXT, choose_another_option, top_level_explorers

pytestmark = [pytest.mark.build, pytest.mark.browser]

CHAPTER = "chapters/israel_palestine"  # the exemplar, tested in detail
ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(re.findall(r"file: chapters/(\w+)/index", (ROOT / "_toc.yml").read_text()))


def pages(html_dir: Path) -> list[str]:
    """Every content page of the book (not the search page, the index, or the root redirect)."""
    skip = {"genindex.html", "search.html", "index.html"}
    found = []
    for path in html_dir.rglob("*.html"):
        rel = path.relative_to(html_dir)
        if not rel.parts[0].startswith("_") and str(rel) not in skip:
            found.append(str(rel))
    return sorted(found)


def test_every_page_loads_offline_without_errors(built_book, site, visit):
    found = pages(built_book)
    assert f"{CHAPTER}/explorer.html" in found and "exercises/israel_palestine.html" in found
    for page in found:
        v = visit(f"{site}/{page}")
        foreign = [u for u in v.requests if urlparse(u).scheme in ("http", "https")
                   and urlparse(u).hostname != "127.0.0.1"]
        assert foreign == [], f"{page} requested other hosts: {foreign}"
        assert v.errors == [], f"{page} logged errors: {v.errors}"
        v.close()


def test_widget_pages_load_the_vendored_manager(built_book):
    html = (built_book / CHAPTER / "explorer.html").read_text()
    assert "application/vnd.jupyter.widget-state+json" in html
    assert re.search(r'src="[./]*_static/widgets/embed-amd\.js', html)
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "unpkg" not in html


def _visible_card_titles(page) -> list[str]:
    return [t.inner_text() for t in page.query_selector_all(".ck-card-title") if t.is_visible()]


def test_choosing_a_turning_point_changes_the_explorer(site, visit):
    v = visit(f"{site}/{CHAPTER}/explorer.html")
    page = v.page
    page.wait_for_selector(".ck-explorer select", timeout=15000)
    first = _visible_card_titles(page)
    assert len(first) == 2 and first[0].startswith("1948")  # turning-point explorer + dimension explorer
    select = page.query_selector(".ck-explorer select")
    labels = [o.inner_text().replace("\xa0", " ") for o in select.query_selector_all("option")]
    assert len(labels) == 7
    oslo = next(label for label in labels if label.lower().startswith("oslo"))
    select.select_option(index=labels.index(oslo))
    page.wait_for_timeout(300)
    now = _visible_card_titles(page)
    assert now[0] == oslo, now
    assert "1993" in page.inner_text(".ck-explorer")
    assert v.errors == []


def test_dimension_buttons_switch_views(site, visit):
    v = visit(f"{site}/{CHAPTER}/explorer.html")
    page = v.page
    page.wait_for_selector(".ck-explorer .widget-toggle-buttons button", timeout=15000)
    page.get_by_role("button", name="Regional").first.click()
    page.wait_for_timeout(300)
    assert any("regional dimension" in t for t in _visible_card_titles(page))


def test_answering_a_quiz_question_shows_feedback(site, visit):
    v = visit(f"{site}/{CHAPTER}/quiz.html")
    page = v.page
    page.wait_for_selector(".Quiz .MCButton", timeout=15000)
    questions = page.query_selector_all(".Quiz")
    assert len(questions) >= 10
    first = questions[0]
    feedback = first.query_selector(".Feedback")
    assert feedback.inner_text().strip() == ""
    correct = first.query_selector('.MCButton[data-correct="true"]')
    correct.click()
    page.wait_for_timeout(200)
    assert "correct" in (feedback.get_attribute("class") or "")
    assert "Article lines" in feedback.inner_text()
    wrong = first.query_selector('.MCButton[data-correct="false"]')
    wrong.click()
    page.wait_for_timeout(200)
    assert "incorrect" in (feedback.get_attribute("class") or "")
    assert v.errors == []


def test_quiz_answers_work_from_the_keyboard(site, visit):
    v = visit(f"{site}/{CHAPTER}/quiz.html")
    page = v.page
    page.wait_for_selector('.Quiz .Feedback[aria-live="polite"]', state="attached", timeout=15000)
    first = page.query_selector_all(".Quiz")[0]
    feedback = first.query_selector(".Feedback")
    first.query_selector('.MCButton[data-correct="true"] input[type="radio"]').focus()
    page.keyboard.press("Space")
    page.wait_for_timeout(200)
    assert "correct" in (feedback.get_attribute("class") or "") and feedback.inner_text().strip()
    assert v.errors == []


def test_a_solution_opens_and_shows_checked_code(site, visit):
    v = visit(f"{site}/exercises/israel_palestine.html")
    page = v.page
    solution = page.wait_for_selector(".solution.dropdown", timeout=10000)
    content = solution.query_selector("section")
    assert not content.is_visible(), "solutions should start folded"
    solution.query_selector("button.toggle-button").click()
    page.wait_for_timeout(400)
    assert content.is_visible()
    assert "Correct." in content.inner_text()  # the worked solution passes its own check
    assert v.errors == []


WIDGET_STATE = re.compile(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', re.S)
NOTHING = re.compile(r"[\s\u2013\u2014\-–—·.]*")  # blank, dashes, dots: a cell that says nothing


def hollow_views(page_html: str) -> list[str]:
    """The views (HTML widgets) of a built page that show nothing: no text but dashes, or a table
    column whose every cell is a dash or blank (a lookup that never matched).

    >>> hollow_views('<script type="application/vnd.jupyter.widget-state+json">'
    ...     '{"state": {"a": {"model_name": "HTMLModel", "state": {"value": '
    ...     '"<table><tr><th>Year</th><th>Table 1</th></tr><tr><td>2022</td><td>–</td></tr></table>"}}}}'
    ...     '</script>')
    ["view a: column 'Table 1' holds only dashes or blanks"]
    """
    from bs4 import BeautifulSoup

    found = []
    for block in WIDGET_STATE.findall(page_html):
        for model_id, model in json.loads(block)["state"].items():
            if model["model_name"] != "HTMLModel" or "<" not in model["state"].get("value", "<"):
                continue
            soup = BeautifulSoup(model["state"]["value"], "html.parser")
            if NOTHING.fullmatch(soup.get_text()):
                found.append(f"view {model_id}: no text but dashes")
            for table in soup.find_all("table"):
                rows = [[c.get_text() for c in tr.find_all(["td", "th"])] for tr in table.find_all("tr")]
                header, body = rows[0], [r for r in rows[1:] if len(r) == len(rows[0])]
                for col, name in enumerate(header):
                    if body and all(NOTHING.fullmatch(r[col]) for r in body):
                        found.append(f"view {model_id}: column {name.strip()!r} holds only dashes or blanks")
    return found


def test_no_explorer_view_is_hollow(built_book):
    """A view that shows only dashes is a broken lookup (the bug once hid Table 1's dollar figures)."""
    problems = [f"{page}: {problem}" for page in pages(built_book)
                for problem in hollow_views((built_book / page).read_text())]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_explorer_switches_views_without_a_kernel(site, visit, chapter):
    v = visit(f"{site}/chapters/{chapter}/explorer.html")
    boxes = top_level_explorers(v.page)
    assert len(boxes) >= 2, f"{chapter}: expected at least two explorers"
    for box in boxes:
        before = box.evaluate(VISIBLE_TEXT)
        assert before.strip(), f"{chapter}: an explorer shows nothing"
        choose_another_option(box)
        v.page.wait_for_timeout(300)
        after = box.evaluate(VISIBLE_TEXT)
        assert after.strip() and after != before, f"{chapter}: choosing another option changed nothing"
    assert v.errors == []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_quiz_gives_feedback(site, visit, chapter):
    v = visit(f"{site}/chapters/{chapter}/quiz.html")
    v.page.wait_for_selector(".Quiz .MCButton", timeout=15000)
    questions = v.page.query_selector_all(".Quiz")
    assert len(questions) >= 10
    for question in questions:
        feedback = question.query_selector(".Feedback")
        question.query_selector('.MCButton[data-correct="false"]').click()
        assert "incorrect" in (feedback.get_attribute("class") or "")
        assert "Article lines" in feedback.inner_text()
    assert v.errors == []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_has_the_same_shape(built_book, chapter):
    for page in ("index", "summary", "evidence", "explorer", "check_the_source", "quiz"):
        assert (built_book / "chapters" / chapter / f"{page}.html").exists(), f"{chapter}/{page}"
    assert (built_book / "exercises" / f"{chapter}.html").exists()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_worked_solution_passes_its_own_check(built_book, chapter):
    html = (built_book / "exercises" / f"{chapter}.html").read_text()
    solutions = re.findall(r'<div class="solution dropdown admonition".*?(?=<div class="solution dropdown|<h2|$)',
                           html, flags=re.S)
    feedback = re.findall(r'ck-feedback (ck-ok|ck-try)', "".join(solutions))
    assert feedback and set(feedback) == {"ck-ok"}, f"{chapter}: a worked solution fails its check"


def test_every_image_has_real_alt_text(built_book, site, visit):
    vague = re.compile(r"^(image|figure|chart|plot|graph|png|svg|output)\b", re.I)
    checked = 0
    for page in pages(built_book):
        v = visit(f"{site}/{page}")
        for img in v.page.query_selector_all("img"):
            alt = (img.get_attribute("alt") or "").strip()
            src = (img.get_attribute("src") or "")[:60]
            assert len(alt) >= 25 and not vague.match(alt), f"{page}: image {src} has alt {alt!r}"
            checked += 1
        v.close()
    assert checked >= 2  # the chapter's two charts at least


def test_pages_pass_an_accessibility_check(built_book, site, visit):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    for page in pages(built_book):
        v = visit(f"{site}/{page}")
        results = axe.run(v.page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}})
        serious = [viol for viol in results.response["violations"]
                   if viol["impact"] in ("serious", "critical")]
        assert serious == [], f"{page}: " + "; ".join(
            f"{viol['id']}: {viol['help']} ({len(viol['nodes'])} nodes, e.g. {viol['nodes'][0]['target']})"
            for viol in serious)
        v.close()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_page_offers_its_student_notebook_and_the_chapter_zip(built_book, site, visit, chapter):
    import io
    import json
    import urllib.request
    import zipfile

    assert not (built_book / "_sources").exists(), "page sources hold the solutions: they are not published"
    v = visit(f"{site}/exercises/{chapter}.html")
    page = v.page
    notebook = page.query_selector("a.btn-download-student-notebook-button")
    archive = page.query_selector("a.btn-download-chapter-zip-button")
    assert notebook and archive, "the download menu offers the student notebook and the chapter zip"
    assert page.query_selector(".ck-downloads a[download]"), "the exercise page links the chapter zip"
    nb = json.loads(urllib.request.urlopen(f"{site}/exercises/{notebook.get_attribute('href')}").read())
    text = json.dumps(nb)
    assert "solution-start" not in text and "Correct." not in text and '"outputs": []' in text
    zipped = urllib.request.urlopen(f"{site}/exercises/{archive.get_attribute('href')}").read()
    names = zipfile.ZipFile(io.BytesIO(zipped)).namelist()
    assert f"{chapter}/exercises/{chapter}.ipynb" in names and f"{chapter}/README.md" in names
    assert not page.query_selector("a.btn-download-source-button")
    assert v.errors == []


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_quiz_page_links_its_learning_platform_files(built_book, site, visit, chapter):
    """The quiz page offers the bank as GIFT, Moodle XML and QTI, and each link downloads a real file."""
    v = visit(f"{site}/chapters/{chapter}/quiz.html")
    hrefs = v.page.eval_on_selector_all(".ck-downloads a[download]", "els => els.map(e => e.href)")
    v.close()
    names = sorted(href.rsplit("/", 1)[1] for href in hrefs)
    assert names == sorted(f"{name}-quiz-{suffix}" for name in (chapter, "course")
                           for suffix in ("gift.txt", "moodle.xml", "qti.zip"))
    for href in hrefs:
        path = built_book / urlparse(href).path.lstrip("/")
        assert path.stat().st_size > 1000, href


GUIDE_SECTIONS = ["Objectives and where they are assessed", "A 90-minute seminar", "A week of homework",
                  "Discussion prompts", "Marking the essay", "Misconceptions students bring",
                  "Problems in the article to raise in class", "Files for your learning platform"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_has_an_instructor_guide_with_its_quiz_files(built_book, site, visit, chapter):
    v = visit(f"{site}/instructors/{chapter}.html")
    headings = v.page.eval_on_selector_all("article h2", "els => els.map(e => e.textContent.replace('#', '').trim())")
    files = v.page.eval_on_selector_all(".ck-downloads a[download]", "els => els.map(e => e.href)")
    quiz_ids = v.page.inner_text("main")
    v.close()
    assert headings == GUIDE_SECTIONS
    assert len(files) == 6 and all((built_book / urlparse(f).path.lstrip("/")).is_file() for f in files)
    bank = (ROOT / "data" / chapter / "quiz.yaml").read_text()
    cited = set(re.findall(r"\b[a-z]+-q\d\d\b", quiz_ids))
    assert cited and all(f"id: {q}" in bank for q in cited), "the guide cites quiz questions that exist"
