"""The helper package on good and bad input: quizzes, checks, figures and widgets."""

from __future__ import annotations

import re
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import pytest
from ipywidgets.widgets.widget import _instances as live_widgets
from ipywidgets.widgets.widget_link import Link

from coursekit import check, explorer, figure, new_figure
from coursekit.charts import FigureError
from coursekit.checks import available
from coursekit.data import DataError, article_lines
from coursekit.quiz import export_json, load_bank, to_jupyterquiz, validate_bank

ROOT = Path(__file__).resolve().parents[1]
BANKS = sorted(p.parent.name for p in (ROOT / "data").glob("*/quiz.yaml"))


# -- quizzes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("chapter", BANKS)
def test_quiz_bank_is_valid_and_sourced(chapter):
    bank = load_bank(chapter)
    assert len(bank["questions"]) >= 10
    assert {q["topic"] for q in bank["questions"]} >= {"fact", "concept", "framework"}
    lo, hi = article_lines(bank["article"])
    for q in bank["questions"]:
        for number in re.findall(r"\d+", q["source_lines"]):
            assert lo <= int(number) <= hi, f"{q['id']} cites line {number}, outside the article"


def test_quiz_bank_problems_are_all_reported():
    bank = {"chapter": "x", "article": 2, "questions": [
        {"id": "x-q01", "topic": "fact", "type": "multiple_choice", "question": "Which one is right?",
         "source_lines": "10", "answers": [
             {"answer": "a", "correct": True, "feedback": "Yes, a."},
             {"answer": "b", "correct": True, "feedback": "Also b?"}]},
        {"id": "x-q01", "topic": "fact", "type": "many_choice", "question": "Which ones are right?",
         "source_lines": "11-12", "answers": [
             {"answer": "a", "correct": False, "feedback": "No, not a."},
             {"answer": "b", "correct": False, "feedback": "No, not b."}]},
    ]}
    problems = validate_bank(bank, "bank.yaml")
    assert any("multiple_choice but has 2 correct" in p for p in problems)
    assert any("used twice" in p for p in problems)
    assert any("has no correct answer" in p for p in problems)
    assert validate_bank({"chapter": "x", "article": 2, "questions": [{"id": "bad"}]}, "b.yaml")


def test_quiz_renders_for_jupyterquiz_with_source_lines():
    q = load_bank("israel_palestine")["questions"][0]
    rendered = to_jupyterquiz(q)
    assert set(rendered) == {"question", "type", "answers"}
    assert all(f"[Article lines {q['source_lines']}]" in a["feedback"] for a in rendered["answers"])
    assert export_json("israel_palestine").startswith("[")


def test_missing_bank_is_a_clear_error():
    with pytest.raises(DataError, match="no question bank for chapter 'nowhere'"):
        load_bank("nowhere")


# -- exercise checks ---------------------------------------------------------------------------

def test_every_exercise_page_check_exists():
    used = set()
    for page in (ROOT / "exercises").glob("*.md"):
        used |= set(re.findall(r'check\("([a-z_]+\.[a-z_]+)"', page.read_text()))
    assert used and used <= set(available())


def test_right_answers_pass():
    cells = pd.read_csv(ROOT / "data/israel_palestine/turning_point_dimensions.csv")
    table = (cells.assign(silent_cells=cells.evidence.eq("silent"))
                  .groupby("dimension", as_index=False)["silent_cells"].sum())
    assert check("israel_palestine.silent_by_dimension", table)
    assert check("israel_palestine.explicit_share",
                 lambda c, d: (c[c.dimension == d].evidence == "explicit").mean())


@pytest.mark.parametrize("answer, message", [
    (None, "should be a pandas DataFrame; you gave NoneType"),
    ("regional", "should be a pandas DataFrame; you gave str"),
    (pd.DataFrame({"dimension": ["regional"]}), "missing the column(s) silent_cells"),
    (pd.DataFrame({"dimension": ["a", "b", "c", "d"], "silent_cells": [0, 0, 0, 0]}), "differs first"),
])
def test_wrong_type_or_value_gets_feedback_not_a_traceback(answer, message):
    result = check("israel_palestine.silent_by_dimension", answer)
    assert not result
    assert message in result.message


def test_error_inside_student_function_is_explained():
    def broken(cells, dimension):
        return cells["no such column"].mean()

    result = check("israel_palestine.explicit_share", broken)
    assert not result and "Your function raised KeyError" in result.message
    result = check("israel_palestine.explicit_share", 0.5)
    assert not result and "Expected a function, got float" in result.message


def test_numbers_given_as_text_get_feedback():
    result = check("israel_palestine.events_inside_turning_points", "twenty")
    assert not result and "should be a number; you gave str 'twenty'" in result.message


def test_unknown_exercise_name_lists_the_chapter_exercises():
    result = check("israel_palestine.nothing", 1)
    assert not result and "israel_palestine.silent_by_dimension" in result.message


def test_framework_coding_structure_check():
    rows = []
    for tp in ["t1", "t2", "t3"]:
        for dim in ["stronger_party", "weaker_party", "regional", "international"]:
            rows.append([tp, dim, "a finding", "explicit", "Source (2020), p. 1"])
    coding = pd.DataFrame(rows, columns=["turning_point", "dimension", "finding", "evidence", "source"])
    assert check("israel_palestine.framework_coding", coding)
    renamed = coding.replace({"stronger_party": "israeli"})
    assert "Unknown dimension(s) ['israeli']" in check("israel_palestine.framework_coding", renamed).message
    assert "has no row for international" in check("israel_palestine.framework_coding",
                                                   coding.iloc[:-1]).message
    unsourced = coding.assign(source="")
    assert "have no source" in check("israel_palestine.framework_coding", unsourced).message


@pytest.mark.parametrize("answer, correct, message", [
    ("kyrgyzstan ", True, "Kyrgyzstan has the largest deficit"),
    ("Türkiye", False, "Not Türkiye: rank the countries by balance ÷ GDP"),
    ("Mongolia", False, "'Mongolia' is not an option; choose one of 'Azerbaijan'"),
    (3, False, "answer with one of 'Azerbaijan'"),
])
def test_choice_answers_match_ignoring_case_and_explain_wrong_options(answer, correct, message):
    result = check("bri_turkiye.most_exposed", answer)
    assert bool(result) is correct and message in result.message


@pytest.mark.parametrize("args, message", [
    ((0, "bri_turkiye.balance_errors"), 'The exercise name comes first, then your answer: check("bri_turkiye'),
    (("bri_turkiye.balance_errors",), "Give your answer after the exercise name"),
    ((), "Give the exercise name and your answer"),
    ((42, 42), "The first argument is the exercise name, as text"),
    ((["bri_turkiye.balance_errors"], 0), "The first argument is the exercise name, as text"),
])
def test_check_never_raises_whatever_the_arguments(args, message):
    result = check(*args)
    assert not result and message in result.message


def test_a_duplicate_column_is_the_students_to_fix_not_our_bug():
    frame = pd.DataFrame([["Türkiye", 1.0, 2.0]], columns=["country", "balance_percent_gdp", "balance_percent_gdp"])
    result = check("bri_turkiye.balance_share_gdp", frame)
    assert not result and "more than once" in result.message and "our bug" not in result.message


def test_numbers_in_feedback_read_as_a_person_writes_them():
    import numpy as np

    result = check("bri_turkiye.kazakhstan_ratio", np.float64(0.0219345678))
    assert "0.0219346" in result.message and "np.float64" not in result.message
    wrong = pd.DataFrame({"country": ["x"] * 6, "balance_percent_gdp": np.arange(6, dtype=float)})
    assert "np." not in check("bri_turkiye.balance_share_gdp", wrong).message


def test_describe_shows_its_text_once():
    from coursekit import describe

    text = describe("israel_palestine/timeline")
    assert repr(text) == str(text) and "\\n" not in repr(text)
    assert text.splitlines()[1].strip().startswith("file: data/israel_palestine/timeline.csv")


def test_feedback_renders_as_html_status():
    html = check("israel_palestine.nothing", 1)._repr_html_()
    assert 'role="status"' in html and "Not yet." in html


# -- figures and widgets -----------------------------------------------------------------------

def test_figure_needs_real_alt_text_and_caption():
    fig, ax = new_figure()
    ax.plot([1, 2], [3, 4])
    with pytest.raises(FigureError, match="alt text"):
        figure(fig, alt="chart", caption="x")
    fig, ax = new_figure()
    with pytest.raises(FigureError, match="caption"):
        figure(fig, alt="A line rising from 3 in year 1 to 4 in year 2.", caption=" ")


def test_figure_html_carries_alt_caption_and_source():
    fig, ax = new_figure()
    ax.plot([1, 2], [3, 4])
    out = figure(fig, alt='A line rising from 3 to 4 "quoted".', caption="Rise.", source="Table 1, line 5")
    html = out._repr_html_()
    assert 'alt="A line rising from 3 to 4 &quot;quoted&quot;."' in html
    assert "<figcaption>Rise. <span class=\"ck-source\">Source: Table 1, line 5.</span>" in html
    assert html.count("data:image/svg+xml;base64,") == 1


def test_explorer_links_control_and_views_in_the_browser():
    box = explorer({"one": "<p>1</p>", "two": "<p>2</p>"}, label="Pick")
    picker, stack = box.children
    assert isinstance(stack, widgets.Stack) and stack.selected_index == 0
    links = [w for w in live_widgets.values() if isinstance(w, Link)
             and w.source[0] is picker and w.target[0] is stack]
    assert links, "the control must be linked to the views with jslink (works without a kernel)"
    for control in ("buttons", "slider"):
        assert explorer(options=["a", "b"], render=lambda o: f"<b>{o}</b>", control=control)


@pytest.mark.parametrize("kwargs, message", [
    ({}, "give either views"),
    ({"views": {}}, "at least one option"),
    ({"views": {"a": 1}}, "a view must be HTML text"),
    ({"views": {"a": "x"}, "control": "knob"}, "control must be"),
    ({"views": {str(i): "x" for i in range(61)}}, "too many"),
])
def test_explorer_rejects_bad_input(kwargs, message):
    with pytest.raises((ValueError, TypeError), match=message):
        explorer(**kwargs)
