"""Checks of the article-6 data (climate change and EU migration policy; seed 003, lines 3607-4839).

Every file is validated against its Table Schema, every printed value is re-parsed, and every arithmetic or
ordering relation the article implies is recomputed. Where the article is inconsistent, the tests expect
EXACTLY the known discrepancies (documented in data/datapackage.json and data/README.md), so that a new
transcription error still makes a test fail. Line numbers refer to the article's plain-text edition
(file 003_24c53ee6e967fe8a.txt).
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from coursekit.data import parse_number, read_validated

DATA = Path(__file__).resolve().parents[1] / "data" / "eu_climate_migration"
PACKAGE = DATA.parent / "datapackage.json"

EXPECTED_ROWS = {
    "table1_climate_risk_migration": 4,
    "case_countries": 44,
    "eu_instruments": 33,
    "prose_facts": 62,
    "timeline": 37,
}
TABLE_FMT = {"decimal": ".", "group": None}   # Table 1: decimal point (lines 4701-4705)
PROSE_FMT = {"decimal": ",", "group": " "}    # Kazakh prose: decimal comma
WORDS = {"он": 10, "онжылдықта": 10, "ХХІ": 21, "төрттен бірін": 0.25, "елу": 50, "жартысынан": 0.5,
         "екінші": 2, "бесінші": 5, "бес": 5, "екі": 2, "бір": 1, "Nine": 9}
INDEFINITE = {"көпмиллиондық", "жүздеген", "миллиондаған", "миллиардтаған", "Ондаған"}
ARTICLE = (3607, 4839)
SECTIONS = {"Syria": (3977, 4116), "Afghanistan": (4118, 4284), "Somalia": (4286, 4467),
            "Bangladesh": (4469, 4689)}
TOPIC_COUNTRY = {"syria": "Syria", "afghanistan": "Afghanistan", "somalia": "Somalia", "bangladesh": "Bangladesh"}


# --------------------------------------------------------------------------------------------- helpers
def descriptor(name: str) -> dict:
    package = json.loads(PACKAGE.read_text(encoding="utf-8"))
    for res in package["resources"]:
        if res["name"] == f"eu_climate_migration/{name}":
            return res
    raise AssertionError(f"eu_climate_migration/{name} is not described in data/datapackage.json")


def load(name: str) -> pd.DataFrame:
    return read_validated(DATA / f"{name}.csv", descriptor(name)["schema"])


def span(sl: str) -> tuple[int, int]:
    parts = [int(p) for p in sl.split("-")]
    return (parts[0], parts[-1])


def years(text: str) -> tuple[int, int]:
    """'2021-2024' -> (2021, 2024); '2023' -> (2023, 2023)."""
    a, b = span(text)
    return a, b


def parse_prose(text: str):
    return WORDS[text] if text in WORDS else parse_number(text, **PROSE_FMT)


@pytest.fixture(scope="module")
def t1():
    return load("table1_climate_risk_migration").set_index("country_english")


@pytest.fixture(scope="module")
def pf():
    return load("prose_facts")


@pytest.fixture(scope="module")
def ei():
    return load("eu_instruments").set_index("instrument_english")


@pytest.fixture(scope="module")
def cc():
    return load("case_countries")


@pytest.fixture(scope="module")
def tl():
    return load("timeline")


def fact(pf, source_line, value_printed):
    rows = pf[(pf.source_line == source_line) & (pf.value_printed == value_printed)]
    assert len(rows) == 1, (source_line, value_printed, len(rows))
    return float(rows.value.iloc[0])


# --------------------------------------------------------------------------------------------- every file
@pytest.mark.parametrize("name, rows", sorted(EXPECTED_ROWS.items()))
def test_file_validates_and_has_expected_rows(name, rows):
    frame = load(name)
    assert len(frame) == rows


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_descriptor_points_at_the_file_and_article(name):
    res = descriptor(name)
    assert res["path"] == f"eu_climate_migration/{name}.csv"
    assert res["article"] == 6
    assert res["source"]["file"] == "003_24c53ee6e967fe8a.txt"
    a, b = span(res["source"]["lines"])
    assert ARTICLE[0] <= a <= b <= ARTICLE[1]


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_every_source_line_lies_in_the_article(name):
    for sl in load(name).source_line:
        a, b = span(sl)
        assert ARTICLE[0] <= a <= b <= ARTICLE[1], (name, sl)


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_number_format_declared_as_tested(name):
    expected = TABLE_FMT if name.startswith("table1") else PROSE_FMT
    assert descriptor(name)["number_format"] == expected


# --------------------------------------------------------------------------------------------- printed values
def test_table1_printed_cells_parse_to_numbers(t1):
    for country, row in t1.iterrows():
        for stem, col in [("vulnerability_nd_gain_index", "vulnerability_nd_gain_index_points"),
                          ("migration_forecast_2050", "migration_forecast_2050_million_people")]:
            assert parse_number(row[f"{stem}_printed"], **TABLE_FMT) == row[col], (country, stem)


def test_table1_cells_do_not_follow_the_prose_number_style(t1):
    # known discrepancy t1-number-format: all eight numeric cells use a decimal point, the prose a comma
    failing = set()
    for country, row in t1.iterrows():
        for c in ["vulnerability_nd_gain_index_printed", "migration_forecast_2050_printed"]:
            try:
                parse_number(row[c], **PROSE_FMT)
            except ValueError:
                failing.add((country, c))
    assert len(failing) == 8


def test_prose_printed_values_parse(pf):
    for _, row in pf.iterrows():
        if row.value_printed in INDEFINITE:
            assert row.qualifier == "indefinite" and pd.isna(row.value), row.value_printed
            continue
        assert parse_prose(row.value_printed) == row.value, (row.source_line, row.value_printed)


def test_indefinite_quantities_are_exactly_the_known_words(pf):
    indefinite = pf[pf.qualifier == "indefinite"]
    assert set(indefinite.value_printed) == INDEFINITE
    assert len(indefinite) == 7                  # жүздеген (hundreds) occurs three times
    assert indefinite.value.isna().all()
    assert pf[pf.qualifier != "indefinite"].value.notna().all()


def test_eu_amounts_parse(ei):
    for name, row in ei.iterrows():
        if row.amount_printed == "":
            assert pd.isna(row.amount_eur_million), name
        elif row.amount_qualifier == "indefinite":
            assert row.amount_printed in INDEFINITE and pd.isna(row.amount_eur_million), name
        else:
            assert parse_number(row.amount_printed, **PROSE_FMT) == row.amount_eur_million, name


# --------------------------------------------------------------------------------------------- Table 1
def test_table1_rows_in_printed_order(t1):
    assert list(t1.index) == ["Syria", "Afghanistan", "Somalia", "Bangladesh"]
    assert list(t1.source_line) == ["4701", "4702", "4704", "4705"]


def test_table1_countries_are_the_case_countries(t1, cc):
    # abstract (lines 3612-3613) and conclusion (4708-4709) name the same four cases
    assert set(t1.index) == set(cc.country_english) == set(SECTIONS)
    headings = cc[cc.aspect == "section_heading"].set_index("country_english").source_line.map(lambda s: span(s)[0])
    assert list(headings.sort_values().index) == list(t1.index)   # cases discussed in the table's order


def test_table1_spelling_of_afghanistan(t1):
    # known discrepancy t1-afghanistan-spelling
    differs = set(t1.index[t1.country_original != t1.country_body_original])
    assert differs == {"Afghanistan"}
    assert t1.loc["Afghanistan", "country_original"] == "Афганистан"
    assert t1.loc["Afghanistan", "country_body_original"] == "Ауғанстан"


def test_table1_each_row_has_two_climate_threats(t1):
    assert (t1.climate_threats_original.str.count(",") == 1).all()
    assert (t1.climate_threats_english.str.count(",") == 1).all()
    drought = set(t1.index[t1.climate_threats_original.str.startswith("Құрғақшылық")])
    assert drought == {"Syria", "Afghanistan", "Somalia"}          # all but Bangladesh start with drought


def test_table1_vulnerability_values_and_ordering(t1):
    v = t1.vulnerability_nd_gain_index_points
    # known discrepancy t1-nd-gain-scale: the values sit on ND-GAIN's 0-100 index scale, not on the 0-1
    # vulnerability-score scale the column header suggests
    assert ((v > 1) & (v < 100)).all()
    assert v.idxmin() == "Afghanistan"
    # known caution t1-identical-values: the only tie is Syria = Somalia
    ties = v[v.duplicated(keep=False)]
    assert set(ties.index) == {"Syria", "Somalia"} and set(ties) == {35.7}
    assert list(v.sort_values(kind="stable").index) == ["Afghanistan", "Bangladesh", "Syria", "Somalia"]


def test_table1_migration_projection_ordering(t1):
    m = t1.migration_forecast_2050_million_people
    assert m.idxmax() == "Bangladesh" and m.idxmin() == "Somalia"
    assert list(m.sort_values(ascending=False).index) == ["Bangladesh", "Syria", "Afghanistan", "Somalia"]
    assert round(m.sum(), 1) == 31.3        # no total is printed; the four projections add up to 31.3 million


def test_table1_bangladesh_projection_disagrees_with_prose(t1, pf):
    # known discrepancy t1-bangladesh-projection: table 13.3 vs prose 'up to 19,9' million (both World Bank, 2050)
    prose_2050 = pf[(pf.year == "2050") & (pf.unit == "million people")]
    assert list(prose_2050.topic) == ["bangladesh"]                # the prose projects people only for Bangladesh
    prose = {"Bangladesh": fact(pf, "4526-4533", "19,9")}
    mismatches = {c for c, v in prose.items() if t1.loc[c, "migration_forecast_2050_million_people"] != v}
    assert mismatches == {"Bangladesh"}
    assert t1.loc["Bangladesh", "migration_forecast_2050_million_people"] == 13.3
    assert prose["Bangladesh"] - 13.3 == pytest.approx(6.6)


def test_table1_promised_figure_is_recorded_as_missing():
    res = descriptor("table1_climate_risk_migration")
    ids = {d["id"] for d in res["discrepancies"]}
    assert {"t1-bangladesh-projection", "t1-nd-gain-scale", "t1-identical-values", "t1-number-format",
            "t1-afghanistan-spelling", "t1-promised-figure-2", "t1-scope-internal"} == ids
    # no figure file: the article prints no figure and states no number about one
    assert not list(DATA.glob("figure*.csv"))


# --------------------------------------------------------------------------------------------- prose facts
def test_prose_facts_lie_in_their_case_sections(pf):
    for _, row in pf.iterrows():
        a, b = span(row.source_line)
        if row.topic in TOPIC_COUNTRY:
            lo, hi = SECTIONS[TOPIC_COUNTRY[row.topic]]
            assert lo <= a <= b <= hi, (row.topic, row.source_line)
        elif row.topic == "eu":          # NDICI shares, inside the Afghanistan case
            assert SECTIONS["Afghanistan"][0] <= a <= b <= SECTIONS["Afghanistan"][1]
        else:                            # general / europe: before the case studies
            assert b < SECTIONS["Syria"][0], row.source_line


def test_percentages_are_at_most_100(pf):
    pct = pf[pf.unit == "percent"]
    assert len(pct) == 11
    assert ((pct.value > 0) & (pct.value <= 100)).all()


def test_eurostat_breakdown_adds_up(pf):
    shares = pf[(pf.topic == "europe") & (pf.unit == "percent")]
    assert list(shares.value_printed) == ["50", "15", "10", "8", "17"]
    assert shares.value.sum() == 100
    named = shares.iloc[:4]                                  # Syrians, Libyans, Iraqis, Afghans in printed order
    assert list(named.value) == sorted(named.value, reverse=True)


def test_eurostat_stock_is_hard_to_reconcile(pf):
    # known discrepancy pf-eurostat-stock
    stock = fact(pf, "3966-3970", "1,3")
    arrivals_2015 = fact(pf, "3961-3966", "1,5")
    assert stock < arrivals_2015                             # fewer residents than arrivals in ten months of 2015
    syrians = stock * fact(pf, "3970-3971", "50") / 100
    assert syrians == pytest.approx(0.65)
    # the breakdown ranks Afghans 4th of the named nationalities (8 %) ...
    assert fact(pf, "3972", "8") < fact(pf, "3971", "15")
    # ... while 2024 asylum applications rank them 2nd, after Syrians
    assert fact(pf, "4186-4188", "екінші") == 2
    assert fact(pf, "4041-4045", "151") > fact(pf, "4184-4188", "87")


def test_syria_numbers(pf):
    assert fact(pf, "4013-4016", "төрттен бірін") == 0.25
    implied_average = fact(pf, "4013-4014", "1,05") / 0.25   # 2002-2011 average implied: 4,2 million tonnes
    assert implied_average == pytest.approx(4.2)
    assert fact(pf, "4037-4039", "жартысынан") == 0.5
    assert fact(pf, "4038-4040", "6,8") > 0


def test_afghanistan_numbers(pf):
    # 988 thousand in 2024 is part of the ~3 million displaced over 2021-2024
    assert fact(pf, "4135-4139", "988") / 1000 < fact(pf, "4132-4135", "3")
    # 87 thousand applications, second after Syrians' 151 thousand (lines 4186-4188)
    assert fact(pf, "4184-4188", "87") < fact(pf, "4041-4045", "151")
    # NDICI: at least 30 % climate + about 10 % migration fit in one budget
    assert fact(pf, "4243-4246", "30") + fact(pf, "4246-4249", "10") <= 100


def test_somalia_numbers(pf):
    # 1,2 million displaced are part of the 2,5 million affected by the October-December 2023 floods
    assert fact(pf, "4312-4314", "1,2") < fact(pf, "4309-4312", "2,5")
    # 'more than 8 million, more than half the population' -> the population would be under 16 million
    assert fact(pf, "4296-4298", "8") / fact(pf, "4298-4299", "жартысынан") == 16
    assert fact(pf, "4290-4294", "бес") == 5
    assert fact(pf, "4326-4331", "4") < fact(pf, "4322-4326", "6")


def test_bangladesh_numbers(pf):
    assert fact(pf, "4505-4508", "15") < fact(pf, "4508-4510", "30")
    # more than 16 thousand in 2022, 'more than twice' 2021 -> 2021 below 8 thousand (not printed)
    assert fact(pf, "4555-4558", "16") / fact(pf, "4557-4559", "екі") == 8
    assert fact(pf, "4559-4562", "бесінші") == 5
    # 14,7 million displacements over ten years 2014-2023
    rows = pf[pf.source_line == "4515-4518"]
    assert rows.year.iloc[0] == "2014-2023" and rows.value.iloc[0] == 14.7


# --------------------------------------------------------------------------------------------- EU instruments
def test_eu_instrument_sections(ei):
    for name, row in ei.iterrows():
        a, b = span(row.source_line)
        inside = [c for c, (lo, hi) in SECTIONS.items() if lo <= a and b <= hi]
        assert row.country_context == (inside[0] if inside else "general"), name


def test_eu_amounts_agree_with_prose_facts(ei, pf):
    pairs = {
        "Additional humanitarian contribution to Afghanistan": ("4223-4228", "7,6", "2023"),
        "EU humanitarian funding for Somalia": ("4405-4407", "84", "2023"),
        "BREACH - Boosting Resilience and Adaptation to Climate Change in Somalia": ("4426-4430", "39", "2023-2027"),
        "NDICI grant aid to Bangladesh": ("4613-4616", "306", "2021-2024"),
    }
    with_amount = set(ei.index[ei.amount_eur_million.notna()])
    assert with_amount == set(pairs)
    for name, (sl, printed, _year) in pairs.items():
        row = ei.loc[name]
        assert row.amount_printed == printed
        assert row.amount_eur_million == fact(pf, sl, printed)
        printed_year = pf[(pf.source_line == sl) & (pf.value_printed == printed)].year.iloc[0]
        assert (row.year_start, row.year_end) == years(printed_year), name
    assert ei.loc["EU humanitarian funding for Somalia", "amount_qualifier"] == "more than"
    assert fact(pf, "4405-4407", "84") > fact(pf, "4426-4430", "39")


def test_ndici_period_matches_prose(ei, pf):
    nd = ei.loc["Neighbourhood, Development and International Cooperation Instrument - Global Europe"]
    assert (nd.year_start, nd.year_end) == (2021, 2027)
    assert set(pf[pf.topic == "eu"].year) == {"2021-2027"}
    # BREACH (NDICI budget) and the Bangladesh grants (NDICI) fall inside the NDICI period
    for name in ["BREACH - Boosting Resilience and Adaptation to Climate Change in Somalia",
                 "NDICI grant aid to Bangladesh"]:
        assert nd.year_start <= ei.loc[name, "year_start"] <= ei.loc[name, "year_end"] <= nd.year_end


def test_madad_fund_date_flagged(ei):
    # known discrepancy ei-madad-date: printed 2015, established December 2014
    madad = ei.loc["EU Regional Trust Fund in Response to the Syrian Crisis ('Madad' Fund)"]
    assert madad.year_printed == "2015" and madad.year_start == 2015
    assert "December 2014" in madad.note


def test_eu_years_are_ordered(ei):
    dated = ei[ei.year_start.notna()]
    assert (dated.year_start <= dated.year_end).all()
    assert set(ei.index[ei.year_start.notna()]) == {
        "EU external initiatives (support to host countries and humanitarian aid)",
        "EU Regional Trust Fund in Response to the Syrian Crisis ('Madad' Fund)",
        "Additional humanitarian contribution to Afghanistan",
        "Food aid, water supply and health services for Afghans affected by drought and floods",
        "Neighbourhood, Development and International Cooperation Instrument - Global Europe",
        "EU humanitarian funding for Somalia",
        "BREACH - Boosting Resilience and Adaptation to Climate Change in Somalia",
        "RESTORE project (northern Somalia)",
        "NDICI grant aid to Bangladesh",
    }


# --------------------------------------------------------------------------------------------- case countries
def test_case_rows_lie_in_their_sections(cc):
    for _, row in cc.iterrows():
        lo, hi = SECTIONS[row.country_english]
        a, b = span(row.source_line)
        assert lo <= a <= b <= hi, (row.country_english, row.source_line)


def test_each_case_has_two_headings_and_every_aspect(cc):
    for country, rows in cc.groupby("country_english"):
        counts = rows.aspect.value_counts()
        assert counts["section_heading"] == 1 and counts["eu_response_heading"] == 1, country
        required = {"climate_hazards", "displacement", "eu_response", "outlook_and_proposals"}
        if country != "Syria":          # the Syria case says nothing specific about the route to Europe
            required.add("route_to_europe")
        assert required <= set(rows.aspect), country
        assert ("route_to_europe" in set(rows.aspect)) == (country != "Syria")
        headed = rows[rows.aspect.str.endswith("heading")]
        assert (headed.heading_original != "").all()
        assert (rows[~rows.aspect.str.endswith("heading")].heading_original == "").all()
        # the EU-response heading follows the case heading
        first = {a: span(s)[0] for a, s in zip(headed.aspect, headed.source_line)}
        assert first["section_heading"] < first["eu_response_heading"], country


def test_key_terms_come_in_pairs(cc):
    assert ((cc.key_term_original == "") == (cc.key_term_english == "")).all()


# --------------------------------------------------------------------------------------------- timeline
def test_timeline_years_and_months(tl):
    dated = tl[tl.year_start.notna()]
    closed = dated[dated.year_end.notna()]
    assert (closed.year_start <= closed.year_end).all()
    months = tl[tl.month_start.notna()]
    assert (months.month_start <= months.month_end).all()
    assert list(months.date_printed) == ["2023 жылғы шілде айында", "2023 жылғы қазан–желтоқсан айлары"]
    # sorted by start year; undated rows last
    starts = list(dated.year_start)
    assert starts == sorted(starts)
    assert list(tl.year_start.notna()) == [True] * len(dated) + [False] * (len(tl) - len(dated))
    assert set(tl[tl.year_start.isna()].date_printed) == {"ХХІ ғасырдың басында", "2010-жылдардың ортасында",
                                                          "COP27 аясында"}


def test_timeline_agrees_with_prose_facts(tl, pf):
    # every dated prose fact printed within a timeline entry's lines covers that entry's years, and has exactly
    # the same years except for the two cyclone entries, whose facts (deaths, losses) cover both cyclones
    checked, not_equal = 0, set()
    for _, ev in tl[tl.year_start.notna() & tl.year_end.notna()].iterrows():
        ea, eb = span(ev.source_line)
        for _, f in pf[pf.year != ""].iterrows():
            fa, fb = span(f.source_line)
            if ea <= fa and fb <= eb:
                ys, ye = years(f.year)
                assert ys <= ev.year_start <= ev.year_end <= ye, (ev.source_line, f.year)
                if (ys, ye) != (ev.year_start, ev.year_end):
                    not_equal.add(ev.date_printed)
                checked += 1
    assert checked >= 25
    assert not_equal == {"Амфан (2020)", "Ситранг (2022)"}


def test_timeline_known_flags(tl):
    res = descriptor("timeline")
    assert {d["id"] for d in res["discrepancies"]} == {"tl-madad-date", "tl-first-discussion-claim",
                                                      "tl-cop27-undated"}
    madad = tl[tl.source_line == "4071-4073"]
    assert len(madad) == 1 and madad.year_start.iloc[0] == 2015 and "December 2014" in madad.note.iloc[0]
