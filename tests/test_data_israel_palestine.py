"""Checks of the Israeli–Palestinian chapter's data (data/israel_palestine/) and views."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursekit import check, load
from coursekit.views import israel_palestine as views

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cells():
    return load("israel_palestine/turning_point_dimensions")


@pytest.fixture(scope="module")
def tps():
    return load("israel_palestine/turning_points")


@pytest.fixture(scope="module")
def timeline():
    return load("israel_palestine/timeline")


def test_coding_separates_application_from_narrative(cells):
    counts = cells.evidence.value_counts().to_dict()
    assert counts == {"explicit": 21, "narrative": 4, "silent": 3}
    narrative = cells[cells.evidence == "narrative"]
    assert sorted(zip(narrative.tp_id, narrative.dimension)) == [
        ("1948", "regional"), ("1967", "international"), ("1967", "palestinian"),
        ("gaza_wars_2008_2021", "international")]
    # a narrative-only cell says so, and never carries an "Application:" part
    assert narrative.note.str.startswith("Narrative only").all()
    assert not narrative.finding.str.contains("Application:").any()
    # an application cell always has an "Application:" part
    assert cells[cells.evidence == "explicit"].finding.str.startswith("Application:").all()


def test_application_coverage_by_dimension(cells):
    applied = cells[cells.evidence == "explicit"].groupby("dimension").size().to_dict()
    assert applied == {"israeli": 7, "palestinian": 6, "international": 5, "regional": 3}


def test_1948_israeli_cell_does_not_repeat_the_corrected_errors(cells):
    finding = views.coded_cell(cells, "1948", "israeli").finding
    assert "78%" not in finding and "won the war and the state was declared" not in finding


def test_offensive_realism_is_reported_as_a_claim_about_states(tps):
    row = tps.set_index("tp_id").loc["2023_2025"]
    assert "each state inherently has the capacity" in row.systemic_pressures
    assert "any actor" not in row.systemic_pressures


def test_both_sides_figures_for_2023_2025(tps):
    outcome = tps.set_index("tp_id").loc["2023_2025"].outcome
    for figure in ("about 1,200 people in Israel", "more than 250 hostages", "over 63,000", "over 160,000"):
        assert figure in outcome
    card = views.turning_point_views(tps, load("israel_palestine/turning_point_dimensions"))["2023-2025 escalation"]
    assert "1,200" in card and "63,000" in card


def test_timeline_holds_events_not_publication_dates(timeline, tps):
    assert not ((timeline.year.isin([1979, 1998])) & (timeline.tp_id.fillna("") == "")).any()
    assert not timeline.event.str.contains("Theory of International Politics|Gideon Rose").any()
    groups = views.timeline_groups(tps, timeline)
    assert groups == {"dated": 43, "on_bar": 29, "outside_bar": 4, "no_turning_point": 10}
    alt = views.timeline_alt(tps, timeline)
    assert "43 dated events" in alt and "45 dated" not in alt


def test_events_inside_turning_points_solution():
    timeline = load("israel_palestine/timeline")
    tps = load("israel_palestine/turning_points")
    years = timeline.year.dropna()
    inside = years.apply(lambda y: ((tps.start_year <= y) & (y <= tps.end_year)).any())
    assert check("israel_palestine.events_inside_turning_points", int(inside.sum()))


def test_1974_and_ipc_corrections(timeline):
    plo = timeline[timeline.date_printed == "1974"].iloc[0]
    assert "3236" in plo.note and "3237" in plo.note and "Rabat" in plo.note
    ipc = timeline[timeline.event.str.contains("IPC")].iloc[0]
    assert "Gaza Governorate" in ipc.note


def test_views_show_content_not_only_dashes(tps, cells):
    for view in [*views.turning_point_views(tps, cells).values(), *views.dimension_views(tps, cells).values()]:
        text = re.sub(r"<[^>]+>", " ", view)
        assert len(re.sub(r"[\s–—-]", "", text)) > 100
    assert "narrative only" in views.dimension_views(tps, cells)["International"]


def test_every_file_a_note_names_exists(tps, cells, timeline):
    notes = " ".join([*tps.note.fillna(""), *cells.note.fillna(""), *timeline.note.fillna("")])
    named = set(re.findall(r"\b[\w/]+\.(?:md|csv|json|yaml)\b", notes))
    for name in named:
        candidates = [ROOT / name, ROOT / "data" / name, ROOT / "data/israel_palestine" / name,
                      ROOT / "chapters/israel_palestine" / name]
        assert any(p.exists() for p in candidates), f"a note names {name}, which does not exist"
