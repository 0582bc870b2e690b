"""Numbered figures: every chart has a number and a label, pages link to charts by number, and a link
that says the wrong number fails the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docutils import nodes
from docutils.utils import new_document

from coursekit import editions, figrefs

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = editions.chapters()
FIGURE = re.compile(r'<figure class="ck-figure"(?P<attrs>[^>]*)>.*?<figcaption>(?P<caption>.*?)</figcaption>', re.S)
LINK = re.compile(r'<a class="reference internal" href="(?P<page>[^"#]*)#(?P<label>fig-[^"]+)"[^>]*>'
                  r'(?P<text>.*?)</a>', re.S)
POSITIONAL = re.compile(r"\b(the|this) chart (below|above)\b|\bthe (first|second|third) chart\b"
                        r"|^The chart (shows|draws|sets|counts)\b", re.I | re.M)


def _html_pages(book: Path) -> dict[str, str]:
    return {str(p.relative_to(book)): p.read_text(encoding="utf-8") for p in book.rglob("*.html")
            if not p.relative_to(book).parts[0].startswith("_")}


def _course_pages() -> list[Path]:
    return sorted([*ROOT.glob("chapters/*/*.md"), *ROOT.glob("exercises/*.md"), *ROOT.glob("instructors/*.md"),
                   ROOT / "comparison.md"])


def test_a_link_that_says_the_wrong_number_is_reported(caplog):
    """The build check itself: under -W this warning fails the build."""
    class Env:
        coursekit_figures = {"fig-x-trade": ("chapters/x/evidence", "4.1")}

    class App:
        env = Env()

    doc = new_document("test")
    para = nodes.paragraph()
    para += nodes.reference("", "Figure 4.2", refuri="evidence.html#fig-x-trade")
    para += nodes.reference("", "Figure 4.1", refid="fig-x-trade")
    doc += para
    with caplog.at_level("WARNING"):
        figrefs.check_figure_links(App(), doc, "chapters/x/summary")
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 1 and "says 'Figure 4.2', but that figure is Figure 4.1" in messages[0]


@pytest.mark.parametrize("page", _course_pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_pages_refer_to_charts_by_number_not_by_position(page):
    text = page.read_text(encoding="utf-8")
    found = [m.group(0) for m in POSITIONAL.finditer(text)]
    assert not found, f"{page.relative_to(ROOT)}: refer to charts as [Figure N.M](#fig-...), not {found}"


def test_every_chart_in_the_book_has_a_number_and_one_target(built_book):
    pages = _html_pages(built_book)
    targets: dict[str, list[str]] = {}
    charts = 0
    for name, html in pages.items():
        for fig in FIGURE.finditer(html):
            charts += 1
            label = re.search(r'data-ck-label="([^"]+)"', fig["attrs"])
            assert label, f"{name}: a chart has no label"
            assert re.match(r'<span class="ck-fignum">Figure [0-9C]+\.\d+\.</span>', fig["caption"]), \
                f"{name}: caption without a number: {fig['caption'][:80]}"
        for label in re.findall(r'id="(fig-[^"]+)"', html):
            targets.setdefault(label, []).append(name)
    assert charts >= 25
    for name, html in pages.items():  # charts inside explorers sit in the widget state, JSON-escaped
        inside = re.findall(r'<figure class=\\"ck-figure\\"([^>]*)>', html)
        assert all('data-ck-number=' in attrs for attrs in inside), f"{name}: an explorer chart has no number"
    assert all(len(where) == 1 for where in targets.values()), {k: v for k, v in targets.items() if len(v) > 1}
    for name, html in pages.items():
        for label in set(re.findall(r'data-ck-label="([^"]+)"', html)):
            if 'ck-explorer-fallback' in html and label not in targets:
                continue
            assert label in targets, f"{name}: {label} has no target to link to"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_chapter_numbers_its_figures_in_reading_order(built_book, chapter):
    """Figure N.1, N.2... in the order the chapter's pages show them, with no number skipped."""
    numbers = []
    for page in ("index", "summary", "evidence", "explorer", "check_the_source", "quiz"):
        html = (built_book / "chapters" / chapter / f"{page}.html").read_text(encoding="utf-8")
        for number in re.findall(r'data-ck-number="([^"]+)"', html):
            if number not in numbers:
                numbers.append(number)
    assert numbers, f"{chapter}: no numbered chart"
    chapter_no = numbers[0].split(".")[0]
    assert numbers == [f"{chapter_no}.{i}" for i in range(1, len(numbers) + 1)], numbers


def test_every_figure_link_reads_the_number_of_its_target(built_book):
    pages = _html_pages(built_book)
    number_of = {}
    for html in pages.values():
        unescaped = html.replace('\\"', '"')  # explorers' charts sit in the widget state as JSON
        for label, number in re.findall(r'data-ck-label="([^"]+)" data-ck-number="([^"]+)"', unescaped):
            number_of[label] = number
    links = 0
    for name, html in pages.items():
        for link in LINK.finditer(html):
            text = re.sub(r"<[^>]+>", "", link["text"]).strip()
            assert text == f"Figure {number_of[link['label']]}", f"{name}: {text} -> {link['label']}"
            links += 1
    assert links >= 30


def test_clicking_a_figure_link_lands_on_that_figure(site, visit):
    v = visit(f"{site}/chapters/kazakhstan_china_food/evidence.html")
    v.page.click("a.reference.internal[href='#fig-kazakhstan-china-food-share']")
    v.page.wait_for_timeout(300)
    assert v.page.url.endswith("#fig-kazakhstan-china-food-share")
    caption = v.page.evaluate("""() => {
        const target = document.getElementById('fig-kazakhstan-china-food-share');
        const top = target.getBoundingClientRect().top;
        const fig = target.parentElement.querySelector('figure.ck-figure figcaption');
        return [top, fig.textContent];
    }""")
    assert 0 <= caption[0] < 300, "the page did not scroll to the figure"
    assert caption[1].startswith("Figure 4.2.")
