"""The chapter on US educational programmes in Kazakhstan: its checkers and its views."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from coursekit import check, load
from coursekit.views import us_education_kazakhstan as views

SLUG = "us_education_kazakhstan"


def data(name):
    return load(f"{SLUG}/{name}")


def worked_solutions():
    students = data("central_asian_students_us").set_index("country").value
    t2 = data("exchange_programmes")
    row = data("interview_findings").set_index("finding_id").loc["rq5_values_conveyed"]
    return {
        "kazakhstan_share": students["Kazakhstan"] / students["Central Asia (all countries of the figure)"] * 100,
        "other_countries": students["Central Asia (all countries of the figure)"] - students["Kazakhstan"],
        "programme_weeks": t2[t2.duration_weeks.notna()][["programme_short_name", "duration_weeks"]],
        "shortest_programme": "IWP",
        "values_share": row["count"] / row["out_of"] * 100,
    }


@pytest.mark.parametrize("name", sorted(worked_solutions()))
def test_worked_solutions_pass(name):
    result = check(f"{SLUG}.{name}", worked_solutions()[name])
    assert result, result.message


def test_known_values():
    assert round(float(worked_solutions()["kazakhstan_share"]), 1) == 44.6
    assert int(worked_solutions()["other_countries"]) == 3374
    assert check(f"{SLUG}.values_share", 71.43) and not check(f"{SLUG}.values_share", 100)


@pytest.mark.parametrize("name", sorted(worked_solutions()))
@pytest.mark.parametrize("bad", ["forty", None, pd.DataFrame({"x": [1]}), ["IWP"]])
def test_wrong_input_gets_kind_feedback(name, bad):
    result = check(f"{SLUG}.{name}", bad)
    assert not result
    assert "Traceback" not in result.message and "could not be checked" not in result.message


def test_wrong_values_are_explained():
    assert "Subtract" in check(f"{SLUG}.other_countries", 6086).message
    assert "Not FLEX" in check(f"{SLUG}.shortest_programme", "flex").message
    assert check(f"{SLUG}.shortest_programme", " iwp ")
    wrong = data("exchange_programmes")[["programme_short_name", "duration_weeks"]]
    assert "rows" in check(f"{SLUG}.programme_weeks", wrong).message


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_charts_render_with_alt_text_from_the_data():
    charts = [
        views.students_chart(data("central_asian_students_us")),
        views.findings_chart(data("interview_findings")),
        views.presence_chart(data("prose_facts"), data("institutions_named")),
        views.timeline_chart(data("timeline")),
    ]
    for chart in charts:
        assert b"<svg" in chart.svg and len(chart.svg) > 5000
        assert len(chart.alt) > 80 and chart.caption and chart.source
    assert "2712" in charts[0].alt and "3374" in charts[0].alt


def test_programme_views_show_real_content():
    t2 = data("exchange_programmes")
    cards = views.programme_views(t2)
    assert list(cards) == list(t2.programme_short_name)
    for name, html in cards.items():
        text = visible_text(html)
        assert name in text and "line" in text and len(text) > 300
        assert "Selection" in text and "What it funds" in text
    assert "«1-гичное» (1 year)" in cards["FLEX"]
    assert "not printed" in visible_text(cards["High School Exchange Program"])


def test_theme_views_set_counts_beside_the_generalisation():
    cards = views.theme_views(data("interview_findings"), data("interview_questions"), data("research_questions"))
    assert len(cards) == 5
    for html in cards.values():
        text = visible_text(html)
        assert len(text) > 300 and "of 7" in text and "lines" in text
        assert text.replace("–", "").replace("●", "").replace("○", "").strip()
    assert "«Большинство респондентов»" in cards["RQ3: general impressions"]
    assert "5 of 7" in cards["RQ5: are US values conveyed?"]


def test_sponsor_views_show_real_content():
    cards = views.sponsor_views(data("prose_facts"), data("institutions_named"),
                                data("exchange_programmes"), data("central_asian_students_us"))
    assert list(cards) == ["USA", "Russia", "Türkiye", "China", "EU"]
    for sponsor, html in cards.items():
        text = visible_text(html)
        assert sponsor in text and "lines" in text and len(text) > 150
    assert "в Алматы" in cards["USA"] and "30" in cards["Türkiye"]


def test_programme_comparison_lists_every_programme():
    html = views.programme_comparison(data("exchange_programmes"))
    for name in data("exchange_programmes").programme_short_name:
        assert name in html
