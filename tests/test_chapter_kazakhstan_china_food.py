"""Checks for the Kazakhstan-China chapter's explorer views, quiz bank and data notes.

The explorer's "Trade with China in dollars" check once showed "–" in every Table 1 cell because a
text year was compared with an integer year. These tests fail on that class of bug: a view whose
table has a column of nothing but dashes or empty cells, or a check that loses its numbers.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from coursekit import load
from coursekit.views import kazakhstan_china_food as v

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "kazakhstan_china_food"
EMPTY = {"", "–", "—", "-", "nan", "None", "<NA>"}


class _Tables(HTMLParser):
    """Collect the body cells of every <table> in an HTML fragment, row by row."""

    def __init__(self):
        super().__init__()
        self.tables, self._cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag == "td":
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.tables[-1][-1].append(self._cell.strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def body_cells(html: str) -> list[list[list[str]]]:
    parser = _Tables()
    parser.feed(html)
    return [[row for row in t if row] for t in parser.tables]


@pytest.fixture(scope="module")
def frames():
    return (load("kazakhstan_china_food/table1_trade_china_share"),
            load("kazakhstan_china_food/table1_prose_statements"),
            load("kazakhstan_china_food/prose_facts"))


def explorer_views(frames) -> dict[str, str]:
    table1, prose_t1, facts = frames
    views = {m: v.measure_view(table1, m) for m in v.MEASURES}
    views.update({
        "Do the parts add up?": v.check_sums(table1),
        "Are the shares possible?": v.check_shares(table1),
        "Same years, same numbers?": v.check_years(table1, prose_t1),
        "What must the garbled cells be?": v.check_missing(table1, prose_t1),
        "Trade with China in dollars": v.check_bilateral(table1, facts),
    })
    return views


def test_no_view_has_a_column_of_only_dashes_or_empty_cells(frames):
    for name, html in explorer_views(frames).items():
        for rows in body_cells(html):
            assert rows, f"{name}: a table with no body rows"
            for j in range(max(len(r) for r in rows)):
                column = [r[j] if j < len(r) else "" for r in rows]
                assert not all(c in EMPTY for c in column), f"{name}: column {j} is only dashes/empty"


def test_trade_with_china_view_shows_its_numbers(frames):
    html = v.check_bilateral(frames[0], frames[2])
    rows = body_cells(html)[0]
    assert [r[0] for r in rows] == ["2021", "2022"]
    assert [r[3] for r in rows] == ["18,007.3", "24,259.4"]  # turnover × China's share, USD million
    assert [r[4] for r in rows] == ["7,242.7", "6,840.6"]    # text minus table, USD million


def test_quiz_feedback_quotes_what_the_view_shows(frames):
    bank = yaml.safe_load((DATA / "quiz.yaml").read_text(encoding="utf-8"))
    q11 = next(q for q in bank["questions"] if q["id"] == "kc-q11")
    right = next(a for a in q11["answers"] if a["correct"])
    html = v.check_bilateral(frames[0], frames[2])
    for number in re.findall(r"\d{2},\d{3}\.\d", right["feedback"]):
        assert f"<td>{number}</td>" in html, number
    assert "18,007.3" in right["feedback"] and "24,259.4" in right["feedback"]


def test_every_quiz_feedback_ends_with_article_lines():
    """The quiz page promises that every feedback ends with the lines it rests on."""
    bank = yaml.safe_load((DATA / "quiz.yaml").read_text(encoding="utf-8"))
    ending = re.compile(r"\([^()]*\b\d{4}(?:[-–]\d{4})?\)\.?$")
    bad = [(q["id"], a["answer"][:40]) for q in bank["questions"] for a in q["answers"]
           if not ending.search(a["feedback"].strip())]
    assert not bad, bad


def test_every_file_a_data_note_names_exists():
    texts = [p.read_text(encoding="utf-8") for p in DATA.glob("*.csv")]
    texts.append((DATA / "quiz.yaml").read_text(encoding="utf-8"))
    named = {m for t in texts for m in re.findall(r"[\w./-]+\.(?:csv|json|md|yaml|py)\b", t)}
    for name in named:
        candidates = [ROOT / name, ROOT / "data" / name, DATA / name]
        assert any(c.exists() for c in candidates), f"a note names {name}, which does not exist"


def test_chapter_pages_name_no_missing_data_file():
    pages = list((ROOT / "chapters" / "kazakhstan_china_food").glob("*.md"))
    pages.append(ROOT / "exercises" / "kazakhstan_china_food.md")
    for page in pages:
        for name in re.findall(r"`([\w/.-]+\.(?:csv|json|yaml))`", page.read_text(encoding="utf-8")):
            assert any((c / name).exists() for c in (ROOT, ROOT / "data", DATA)), (page.name, name)
