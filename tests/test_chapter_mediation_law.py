"""The mediation chapter's checkers, views and quiz bank (chapters/mediation_law, exercises/mediation_law.md)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from coursekit import check, load
from coursekit.charts import Figure
from coursekit.quiz import questions
from coursekit.views import mediation_law as views

FIRST, LAST = 4840, 5660


@pytest.fixture(scope="module")
def data():
    names = ["cases", "actors", "case_elements", "legal_instruments", "timeline", "mediation_statistics"]
    return {n: load(f"mediation_law/{n}") for n in names}


# ------------------------------------------------------------------ checkers: right on the worked solutions
def test_worked_solutions_pass(data):
    el, cases, inst = data["case_elements"], data["cases"], data["legal_instruments"]
    assert check("mediation_law.hybrid_cases", el[el.element == "hybrid_label"].case_id.nunique())
    assert check("mediation_law.elements_per_case", el.groupby("case_id").size().rename("n_elements").reset_index())
    groups = cases.mediation_form.str.extract(r"^([a-z-]+)")[0].map(
        {"state": "state", "intergovernmental": "organisation", "non-state": "non-state", "hybrid": "hybrid"})
    by_group = cases.assign(mediator_group=groups).groupby("mediator_group").size().rename("n").reset_index()
    assert check("mediation_law.cases_by_group", by_group)
    assert dict(zip(by_group.mediator_group, by_group.n)) == {"state": 3, "organisation": 1, "non-state": 4,
                                                              "hybrid": 2}
    assert check("mediation_law.instruments_since_2011", int((inst.year >= 2011).sum()))


def test_wrong_values_are_refused():
    assert not check("mediation_law.hybrid_cases", 3)
    assert not check("mediation_law.instruments_since_2011", 9)


NAMES = ["mediation_law.hybrid_cases", "mediation_law.elements_per_case", "mediation_law.cases_by_group",
         "mediation_law.instruments_since_2011"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("answer", ["two", None, pd.DataFrame({"x": [1]}), [1, 2]])
def test_kind_on_bad_input(name, answer):
    result = check(name, answer)
    assert not result
    assert "Traceback" not in result.message and "could not be checked" not in result.message, result.message
    assert len(result.message) > 20


def test_frame_with_wrong_counts_names_the_column(data):
    el = data["case_elements"]
    wrong = el.groupby("case_id").size().rename("n_elements").reset_index()
    wrong["n_elements"] += 1
    message = check("mediation_law.elements_per_case", wrong).message
    assert "n_elements" in message and "np." not in message


# ------------------------------------------------------------------ views render real content
def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_charts_render(data):
    charts = [views.timeline_chart(data["timeline"], data["legal_instruments"], data["cases"]),
              views.statistic_chart(data["mediation_statistics"]),
              views.matrix_chart(data["case_elements"], data["cases"])]
    for chart in charts:
        assert isinstance(chart, Figure) and len(chart.svg) > 5000 and len(chart.alt) > 100
        assert re.search(r"\d", chart.alt) and chart.source


@pytest.mark.parametrize("which", ["cases", "elements", "hub"])
def test_every_explorer_view_has_real_content(data, which):
    if which == "cases":
        vs = views.case_views(data["cases"], data["actors"], data["case_elements"])
        assert len(vs) == len(data["cases"])
    elif which == "elements":
        vs = views.element_views(data["cases"], data["case_elements"])
        assert len(vs) == len(views.ELEMENTS)
    else:
        vs = views.hub_views(data["actors"], data["legal_instruments"])
        assert len(vs) == 3
    texts = [_text(v) for v in vs.values()]
    assert len(set(texts)) == len(texts)  # every option shows something different
    for label, text in zip(vs, texts):
        words = re.findall(r"[A-Za-zА-Яа-яЁё]{3,}", text)
        assert len(words) > 25, label
        assert not re.fullmatch(r"[\s–—-]*", text)
        for a, b in re.findall(r"\b(\d{4})[–-](\d{4})\b", text):
            if FIRST <= int(a) <= LAST:
                assert FIRST <= int(b) <= LAST and int(a) <= int(b), (label, a, b)


def test_case_cards_state_outcome_or_not_stated(data):
    vs = views.case_views(data["cases"], data["actors"], data["case_elements"])
    stated = {k for k, v in vs.items() if "Not stated." not in v}
    assert stated == {"Portsmouth (Roosevelt)", "Colombia (Norway, Cuba)"}


def test_hub_lines_inside_the_article():
    for _, _, lines, _ in views.HUB:
        a, _, b = lines.partition("-")
        assert 5542 <= int(a) <= int(b or a) <= 5592


# ------------------------------------------------------------------ quiz bank
def test_quiz_bank():
    qs = questions("mediation_law")
    assert len(qs) >= 12
    for q in qs:
        assert sum(a["correct"] for a in q["answers"]) >= 1
        for part in q["source_lines"].split(","):
            a, _, b = part.strip().partition("-")
            assert FIRST <= int(a) <= int(b or a) <= LAST, q["id"]
        for a in q["answers"]:
            assert re.search(r"\(lines [0-9–, ]+\)\.?$", a["feedback"]), (q["id"], a["feedback"])
