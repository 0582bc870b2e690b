"""Tests of the humanitarian-diplomacy chapter: its checkers, its views and the coding files it adds."""
from __future__ import annotations

import pandas as pd
import pytest

from coursekit import check, load
from coursekit.answers.humanitarian_diplomacy import stated_counts
from coursekit.views import humanitarian_diplomacy as views

CH = "humanitarian_diplomacy"


def frame(name):
    return load(f"{CH}/{name}")


# ------------------------------------------------------------------------------------ the checkers
def worked_solutions():
    links, challenges = frame("practice_challenges"), frame("challenges")
    stated = links[links.basis == "stated"].groupby("challenge_id").practice_id.nunique()
    table = challenges[["challenge_id"]].assign(n_practices=challenges.challenge_id.map(stated).fillna(0).astype(int))
    ids = table[table.n_practices == 0].challenge_id.tolist()
    return {"stated_reach": table, "unreached": ids, "inferred_share": (links.basis == "inferred").mean() * 100}


@pytest.mark.parametrize("name", ["stated_reach", "unreached", "inferred_share"])
def test_worked_solutions_pass(name):
    result = check(f"{CH}.{name}", worked_solutions()[name])
    assert result.correct, result.message


@pytest.mark.parametrize("name", ["stated_reach", "unreached", "inferred_share"])
@pytest.mark.parametrize("bad", ["C01", None, 3.5, pd.DataFrame({"x": [1]})])
def test_wrong_types_get_kind_feedback(name, bad):
    result = check(f"{CH}.{name}", bad)
    assert not result.correct
    assert result.message and "Traceback" not in result.message


def test_unreached_explains_extra_and_missing_ids():
    ids = worked_solutions()["unreached"]
    result = check(f"{CH}.unreached", ids[1:] + ["C13"])
    assert not result.correct and "C13" in result.message and "missing" in result.message
    assert check(f"{CH}.unreached", [i.lower() for i in ids]).correct


def test_counting_all_links_instead_of_stated_is_caught():
    links, challenges = frame("practice_challenges"), frame("challenges")
    every = links.groupby("challenge_id").practice_id.nunique()
    wrong = challenges[["challenge_id"]].assign(n_practices=challenges.challenge_id.map(every).fillna(0).astype(int))
    assert not check(f"{CH}.stated_reach", wrong).correct


def test_unreached_challenges_include_armed_conflict_and_politicisation():
    zero = set(stated_counts().query("n_practices == 0").challenge_id)
    assert {"C09", "C24"} <= zero and "C13" not in zero


# ------------------------------------------------------------------------------------- the views
def all_views():
    p, c, links, a = frame("practices"), frame("challenges"), frame("practice_challenges"), frame("actors")
    return [views.reach_chart(links, c), views.groups_chart(p, c), views.counterpart_chart(p, a),
            views.evidence_chart(p), views.timeline_chart(frame("timeline")),
            views.regions_chart(frame("disaster_regions"))]


def test_every_chart_has_content_alt_caption_and_source():
    for chart in all_views():
        assert len(chart.svg) > 5000 and b"<path" in chart.svg
        assert len(chart.alt) > 80 and chart.caption and chart.source


def test_practice_explorer_has_one_full_card_per_practice():
    p = frame("practices")
    cards = views.practice_views(p, frame("actors"), frame("practice_diplomacy"), frame("practice_challenges"),
                                 frame("challenges"))
    assert len(cards) == len(p)
    for html in cards.values():
        assert html.count("<tr>") == 9
        assert "<td></td>" not in html and "<td>–</td>" not in html


def test_citation_explorer_covers_every_citation_and_the_uncited_references():
    cits, refs = frame("citations"), frame("references")
    cards = views.citation_views(cits, refs)
    assert len(cards) == len(cits) + 1
    unresolved = [h for h in cards.values() if "No entry in the reference list" in h]
    assert len(unresolved) == (cits.resolves == "no").sum() == 2
    assert all("<td></td>" not in h for h in cards.values())


# ------------------------------------------------------------------------------ the coding files
def test_coding_files_point_to_real_practices_challenges_and_references():
    practices, challenges = set(frame("practices").practice_id), set(frame("challenges").challenge_id)
    links = frame("practice_challenges")
    assert set(links.practice_id) <= practices and set(links.challenge_id) <= challenges
    assert not links.duplicated(["practice_id", "challenge_id"]).any()
    assert set(frame("practice_diplomacy").practice_id) == practices
    inferred = links[links.basis == "inferred"]
    assert (inferred.note != "").all(), "every inferred link explains itself"


def test_citations_and_references_agree():
    cits, refs = frame("citations"), frame("references").set_index("reference_no")
    for c in cits.itertuples():
        if c.resolves == "yes":
            assert refs.loc[int(c.reference_no), "cited_by"] == c.citation_id
        else:
            assert c.reference_no == ""
    assert sorted(refs[refs.cited_by == ""].index) == [1, 2, 3, 4, 5, 6]
    assert cits.occurrences.sum() == 16


def test_practice_citations_match_the_citation_file():
    """The practices cited to the two unlisted sources are exactly the eight Check the source names."""
    p = frame("practices")
    unlisted = p[p.citation.isin(["Central_Asia_Plan_2021", "Disaster Risk Reduction | IFRC, 2025"])]
    assert len(unlisted) == 8
