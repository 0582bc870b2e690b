"""The climate-and-EU-migration chapter: its checkers and its views."""

import pandas as pd
import pytest

from coursekit import check, load
from coursekit.views import eu_climate_migration as views

CH = "eu_climate_migration"


@pytest.fixture(scope="module")
def frames():
    names = ["table1_climate_risk_migration", "prose_facts", "eu_instruments", "case_countries"]
    return {n: load(f"{CH}/{n}") for n in names}


# -- checkers: right on the worked solutions -----------------------------------------------------

def test_worked_solutions_pass(frames):
    t1, pf, ei = frames["table1_climate_risk_migration"], frames["prose_facts"], frames["eu_instruments"]
    assert check(f"{CH}.projection_total", t1.migration_forecast_2050_million_people.sum())
    prose = pf[(pf.topic == "bangladesh") & (pf.year == "2050") & (pf.unit == "million people")]
    table = t1.set_index("country_english").loc["Bangladesh", "migration_forecast_2050_million_people"]
    assert check(f"{CH}.bangladesh_gap", prose.value.iloc[0] - table)
    assert check(f"{CH}.lowest_nd_gain", "afghanistan ")
    frame = (ei[ei.amount_eur_million.notna()].groupby("country_context", as_index=False)
             .amount_eur_million.sum().rename(columns={"country_context": "country"}))
    assert check(f"{CH}.funding_by_country", frame)
    apps = pf[pf.unit == "thousand applications"].set_index("topic").value
    assert check(f"{CH}.asylum_ratio", apps["syria"] / apps["afghanistan"])


def test_expected_values():
    assert check(f"{CH}.projection_total", 31.3)
    assert check(f"{CH}.bangladesh_gap", 6.6)
    assert not check(f"{CH}.bangladesh_gap", -6.6)
    assert not check(f"{CH}.lowest_nd_gain", "Bangladesh")


# -- checkers: kind on wrong-typed input ----------------------------------------------------------

@pytest.mark.parametrize("name", ["projection_total", "bangladesh_gap", "lowest_nd_gain",
                                  "funding_by_country", "asylum_ratio"])
@pytest.mark.parametrize("answer", ["31.3", None, pd.DataFrame({"x": [1]}), ["a"]])
def test_wrong_types_get_feedback(name, answer):
    result = check(f"{CH}.{name}", answer)
    assert not result
    assert result.message.startswith("Not yet.") or "could not be checked" not in result.message
    assert "Traceback" not in result.message


def test_wrong_frame_names_the_missing_column():
    result = check(f"{CH}.funding_by_country", pd.DataFrame({"country": ["Somalia"]}))
    assert not result and "amount_eur_million" in result.message


# -- views render real content --------------------------------------------------------------------

def test_charts_render_with_alt_text(frames):
    t1, pf, ei = frames["table1_climate_risk_migration"], frames["prose_facts"], frames["eu_instruments"]
    for chart in (views.table1_chart(t1, pf), views.people_chart(pf), views.funding_chart(ei)):
        assert chart.svg.startswith(b"<?xml") and len(chart.svg) > 5000
        assert len(chart.alt) > 100 and chart.source


def test_every_explorer_view_has_real_content(frames):
    t1, pf, ei, cc = (frames[n] for n in ["table1_climate_risk_migration", "prose_facts",
                                          "eu_instruments", "case_countries"])
    for views_ in (views.case_views(cc, pf, ei, t1), views.chain_views(pf), views.table1_check_views(t1, pf, cc)):
        assert list(views_) == views.COUNTRIES
        texts = list(views_.values())
        assert len(set(texts)) == len(texts)           # every view differs from the others
        for html in texts:
            assert html.count("<tr>") >= 5 and "lines" in html
            cells = [c.split("</td>")[0] for c in html.split("<td>")[1:]]
            assert all(c.strip() not in ("", "–", "-") for c in cells)


def test_chain_statuses_are_known_and_facts_resolve(frames):
    pf = frames["prose_facts"]
    for country, links in views.CHAINS.items():
        assert len(links) == len(views.LINKS)
        for status, text, _lines, facts in links:
            assert status in views.STATUS_LABEL and text
            for f in facts:
                views.fact(pf, *f)                    # raises if the row does not exist
        # a link with a number must cite at least one fact
        assert all(facts for status, _, _, facts in links if status == views.NUMBER), country
