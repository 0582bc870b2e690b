"""Checks of the article-5 data (Belt and Road Initiative: risk or opportunity?).

Every arithmetic relation the tables imply and every claim the prose makes about their numbers is tested.
Where the article is itself inconsistent the tests expect EXACTLY the known discrepancies, so that a new
transcription error still makes a test fail. Line numbers refer to the article's plain-text
edition (file 003_24c53ee6e967fe8a.txt).
"""
from pathlib import Path

import pandas as pd
import pytest

from coursekit.data import parse_number

DATA = Path(__file__).resolve().parents[1] / "data" / "bri_turkiye"

# number_format of each table (as in the resource descriptors)
FORMATS = {
    "table1_china_growth_current_account.csv": {"decimal": ",", "group": None},
    "table4_route_countries_trade_with_china.csv": {"decimal": ",", "group": "."},
    "exhibits_prose_numbers.csv": {"decimal": ".", "group": ","},
    "turkiye_china_trade_prose.csv": {"decimal": ".", "group": ","},
    "prose_facts.csv": {"decimal": ".", "group": ","},
}
NUMBER_WORDS = {"zero": 0.0, "three": 3.0, "five": 5.0, "half": 0.5, "first": 1.0}


def parse_printed(text, fmt):
    """Strictly parse a printed number under a table's number_format; None if it does not conform."""
    s = str(text).strip()
    if s.lower() in NUMBER_WORDS:
        return NUMBER_WORDS[s.lower()]
    try:
        return float(parse_number(s, decimal=fmt["decimal"], group=fmt["group"]))
    except ValueError:
        return None


def load(name):
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def t1():
    df = pd.read_csv(DATA / "table1_china_growth_current_account.csv",
                     dtype={"gdp_growth_printed": str, "current_account_balance_printed": str})
    return df.set_index("year")


@pytest.fixture(scope="module")
def t4():
    df = pd.read_csv(DATA / "table4_route_countries_trade_with_china.csv",
                     dtype={c: str for c in ["exports_to_china_printed", "imports_from_china_printed",
                                             "balance_printed", "gdp_printed"]})
    return df.set_index("country")


@pytest.fixture(scope="module")
def trade():
    return pd.read_csv(DATA / "turkiye_china_trade_prose.csv", dtype={"value_printed": str})


@pytest.fixture(scope="module")
def facts():
    return pd.read_csv(DATA / "prose_facts.csv", dtype={"value_printed": str, "year": str})


@pytest.fixture(scope="module")
def exhibits():
    return pd.read_csv(DATA / "exhibits_prose_numbers.csv", dtype={"value_printed": str, "year": str})


def fact(df, source_line, value_printed):
    rows = df[(df.source_line == source_line) & (df.value_printed == value_printed)]
    assert len(rows) == 1, (source_line, value_printed, len(rows))
    return float(rows.value.iloc[0])


# ------------------------------------------------------------------ generic checks on every file
def printed_pairs(columns):
    """Map each X_printed column to its numeric column X_<unit>; prose files pair value_printed -> value."""
    pairs = {}
    for c in columns:
        if c.endswith("_printed"):
            stem = c[: -len("_printed")]
            if stem == "value":
                pairs[c] = "value"
                continue
            cands = [x for x in columns if x.startswith(stem + "_") and not x.endswith("_printed")]
            assert len(cands) == 1, (c, cands)
            pairs[c] = cands[0]
    return pairs


# cells that do NOT conform to their table's number_format: exactly the known ones
KNOWN_FORMAT_EXCEPTIONS = {
    ("table1_china_growth_current_account.csv", "2021", "gdp_growth_printed"),  # '8.57', line 2965
    ("table1_china_growth_current_account.csv", "2024", "gdp_growth_printed"),  # '4.98', line 2968
}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_printed_columns_parse_to_numeric(name):
    df = load(name)
    pairs = printed_pairs(list(df.columns))
    assert pairs, name
    exceptions = set()
    for _, row in df.iterrows():
        for pc, nc in pairs.items():
            got = parse_printed(row[pc], FORMATS[name])
            if got is None:
                exceptions.add((name, row.iloc[0], pc))
                # the known exceptions use a decimal point instead of the table's comma
                got = float(row[pc])
                assert row["note"], "a non-conforming cell must be explained in note"
            assert got == pytest.approx(float(row[nc]), abs=0, rel=1e-12), (name, row.iloc[0], pc)
    assert exceptions == {e for e in KNOWN_FORMAT_EXCEPTIONS if e[0] == name}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_row_has_source_line_in_article_span(name):
    df = load(name)
    assert {"source_line", "note"} <= set(df.columns)
    for sl in df.source_line:
        parts = [int(p) for p in sl.split("-")]
        assert len(parts) in (1, 2) and parts == sorted(parts), sl
        assert all(2793 <= p <= 3606 for p in parts), sl


# ------------------------------------------------------------------ Table 1 (lines 2942-2970)
def test_table1_shape(t1):
    assert list(t1.index) == list(range(2007, 2025))
    assert list(t1.source_line.astype(int)) == list(range(2951, 2969))


def test_table1_peak_2007(t1, facts):
    # line 2926: peak of 14.2% in 2007
    assert t1.gdp_growth_percent.idxmax() == 2007
    assert round(t1.loc[2007, "gdp_growth_percent"], 1) == fact(facts, "2926-2927", "14.2")


def test_table1_constant_decline_claim(t1):
    # lines 2972-2975 claim both series declined constantly since 2007; the table disagrees in these years
    growth_up = set(t1.index[t1.gdp_growth_percent.diff() > 0])
    ca_up = set(t1.index[t1.current_account_balance_percent_of_gnp.diff() > 0])
    assert growth_up == {2010, 2017, 2021, 2023}
    assert ca_up == {2012, 2014, 2015, 2019, 2020, 2021, 2022, 2024}
    # what does hold: both end far below their 2007 level
    assert t1.loc[2024, "gdp_growth_percent"] < t1.loc[2007, "gdp_growth_percent"]
    assert t1.loc[2024, "current_account_balance_percent_of_gnp"] < t1.loc[2007, "current_account_balance_percent_of_gnp"]


def test_table1_decline_began_after_2014_claim(t1):
    # lines 2923-2925: decline 'began after 2014'; the table shows declines in these earlier years
    down = t1.gdp_growth_percent.diff() < 0
    assert set(t1.index[down & (t1.index <= 2014)]) == {2008, 2009, 2011, 2012, 2013, 2014}


def test_table1_five_year_average_claim(t1, facts):
    # lines 2927-2928: growth averaged 6.1-6.5% 'in the last five years'
    lo, hi = fact(facts, "2927-2928", "6.1"), fact(facts, "2927-2928", "6.5")
    g = t1.gdp_growth_percent
    means = {(y - 4, y): g.loc[y - 4:y].mean() for y in range(2011, 2025)}
    assert means[(2020, 2024)] == pytest.approx(4.886)
    inside = {k for k, m in means.items() if lo <= round(m, 1) <= hi}
    assert inside == {(2017, 2021)}  # known: only this window matches; the last five years do not


def test_table1_current_account_2014_2018_claim(t1, facts):
    # lines 2935-2937: surplus fell from 9.9% (2014) to 1.1% (2018)
    start, end = fact(facts, "2935-2937", "9.9"), fact(facts, "2935-2937", "1.1")
    ca = t1.current_account_balance_percent_of_gnp
    assert round(ca.loc[2014], 1) != start and round(ca.loc[2018], 1) != end
    assert set(ca.index[ca.round(1) == start]) == {2007}   # 9.9 is the 2007 value
    assert set(ca.index[ca.round(1) == end]) == set()       # 1.1 appears nowhere
    assert ca.loc[2018] < ca.loc[2014]                      # the direction of change does hold


def test_table1_no_current_account_deficit(t1):
    # lines 3089-3091 speak of a former current-account deficit; no year in the table is negative
    assert (t1.current_account_balance_percent_of_gnp > 0).all()


def test_table1_pre_covid_claim(t1):
    # line 2992: 'all figures are from before the Covid-19 pandemic' - the table has these later rows
    assert set(t1.index[t1.index >= 2020]) == {2020, 2021, 2022, 2023, 2024}


def test_table1_growth_6_1_is_2019(t1, facts):
    # line 3051 speaks of average growth of 6.1%: matches the 2019 value, not a recent average
    assert round(t1.loc[2019, "gdp_growth_percent"], 1) == fact(facts, "3050-3052", "6.1")


# ------------------------------------------------------------------ Table 4 (lines 3428-3452)
def test_table4_shape(t4):
    assert list(t4.index) == ["Azerbaijan", "Armenia", "Georgia", "Iran", "Kazakhstan", "Kyrgyzstan",
                              "Uzbekistan", "Tajikistan", "Turkmenistan", "Türkiye"]
    assert set(t4.year) == {2022, 2023}


def test_table4_balance_equals_exports_minus_imports(t4):
    diff = t4.exports_to_china_usd - t4.imports_from_china_usd
    assert set(t4.index[diff != t4.balance_usd]) == set()


def test_table4_amounts_positive(t4):
    for c in ["exports_to_china_usd", "imports_from_china_usd", "gdp_usd"]:
        assert (t4[c] > 0).all()
    # trade with China is a part of GDP-sized economies (sanity: turnover below GDP in every row)
    assert ((t4.exports_to_china_usd + t4.imports_from_china_usd) < t4.gdp_usd).all()


def test_table4_surplus_countries_claim(t4):
    # lines 3415-3418: imbalance favours the PRC except for Kazakhstan, Turkmenistan and Armenia
    assert set(t4.index[t4.balance_usd > 0]) == {"Kazakhstan", "Turkmenistan", "Armenia"}


def test_table4_kazakhstan_turkmenistan_largest_exporters(t4):
    # lines 3418-3420 attribute their surplus to large gas and oil exports: they are the two largest exporters
    assert set(t4.exports_to_china_usd.nlargest(2).index) == {"Kazakhstan", "Turkmenistan"}


def test_table4_turkiye_row_vs_prose(t4, trade):
    tr = t4.loc["Türkiye"]
    bn = 1e9
    # lines 3462-3463: total trade now about 48 billion dollars
    assert round((tr.exports_to_china_usd + tr.imports_from_china_usd) / bn) == fact(trade, "3462-3463", "48")
    # lines 3463-3465: average exports 3.3, China's exports 45 billion dollars
    assert round(tr.exports_to_china_usd / bn, 1) == fact(trade, "3463-3464", "3.3")
    assert round(tr.imports_from_china_usd / bn) == fact(trade, "3464-3465", "45")
    # lines 3411-3413: deficit over 40 billion dollars
    assert -tr.balance_usd / bn > fact(trade, "3411-3413", "40")


def test_turkiye_ratio_claims(t4, trade):
    # lines 3408-3410 and 3454: imports about 11 times exports. Known discrepancy: the table and the
    # prose's own averages both give about 13.6.
    tr = t4.loc["Türkiye"]
    table_ratio = tr.imports_from_china_usd / tr.exports_to_china_usd
    prose_ratio = fact(trade, "3464-3465", "45") / fact(trade, "3463-3464", "3.3")
    claims = {"3408-3410": fact(trade, "3408-3410", "11"), "3454": fact(trade, "3454", "11")}
    failing = {line for line, c in claims.items()
               for r in (table_ratio, prose_ratio) if round(r) != c}
    assert failing == {"3408-3410", "3454"}
    assert table_ratio == pytest.approx(13.607, abs=1e-3)
    assert prose_ratio == pytest.approx(13.636, abs=1e-3)


# ------------------------------------------------------------------ Türkiye–China trade in the prose
def test_trade_2004_share_vs_40_45_range(trade):
    # lines 3404-3408: 0.7% of 593 bn in 2004 (about 4.15 bn) vs 'fluctuate between 40-45 bn after 2004'
    implied_2004 = fact(trade, "3404-3405", "0.7") / 100 * fact(trade, "3404-3405", "593")
    assert implied_2004 == pytest.approx(4.151)
    lo, hi = (trade[(trade.source_line == "3406-3408")].value.astype(float).sort_values().tolist())
    assert (lo, hi) == (40.0, 45.0)
    assert implied_2004 < lo / 5          # known discrepancy: a tenfold gap
    # 'over $40 billion every year' deficit cannot hold in 2004 either
    assert implied_2004 < fact(trade, "3411-3413", "40")


def test_trade_2010_2019_total_vs_40_45(trade):
    # line 3461: 195.94 bn for 2010-2019 is less than ten years of the claimed 40 bn minimum exports
    total = fact(trade, "3459-3461", "195.94")
    assert total / 10 == pytest.approx(19.594)
    assert total < 10 * 40


# ------------------------------------------------------------------ exhibits (prose numbers only)
def test_exhibits_only_known_exhibits(exhibits):
    assert set(exhibits.exhibit) == {"Chart 1", "Table 2"}
    assert len(exhibits) == 8


def test_chart1_debt_ratio(exhibits, facts):
    c = exhibits[(exhibits.exhibit == "Chart 1") & (exhibits.unit == "percent")].set_index("year").value
    assert c.to_dict() == {"2007": 141, "2017": 266, "2019": 300, "2024": 312}
    assert c.is_monotonic_increasing                              # 'debt increased' (lines 3010-3011)
    # caption range 1980-2018/September: exactly these years are outside it
    assert {y for y in c.index if int(y) > 2018} == {"2019", "2024"}
    # line 2978: 312% = 'three times' the economy
    assert fact(facts, "2978", "312") == c["2024"]
    assert int(c["2024"] / 100) == fact(facts, "2977-2978", "three")
    # lines 3101-3102 ('exceeding three times its GDP', citing a 2017 source) vs 266% in 2017 (known)
    assert c["2017"] < 300


def test_total_debt_implies_gdp(facts):
    # lines 2976-2978: $58.5 trillion = 312% of the economy -> an economy of about $18.75 trillion
    gdp = fact(facts, "2976-2978", "58.5") / (fact(facts, "2978", "312") / 100)
    assert gdp == pytest.approx(18.75, abs=0.01)


def test_table2_prose_numbers(exhibits):
    t = exhibits[exhibits.exhibit == "Table 2"].set_index("year").value
    assert t.to_dict() == {"2000": 0, "2017": 350}
    assert set(exhibits[exhibits.exhibit == "Table 2"].link_to_exhibit) == {"ambiguous"}


# ------------------------------------------------------------------ other prose arithmetic
def test_elderly_projection_consistent_with_population(facts):
    # lines 3031-3034: 487 million = about 35% -> total about 1.39 billion, cf. 1.4 billion (line 3055)
    total_bn = fact(facts, "3031-3034", "487") / (fact(facts, "3032-3034", "35") / 100) / 1000
    assert round(total_bn, 1) == fact(facts, "3054-3055", "1.4")


def test_cpec_cost_increase(facts):
    assert fact(facts, "3156-3159", "46") < fact(facts, "3159-3161", "62")
    # known discrepancy: a '$60 billion loan' (line 3152) vs a $62 billion project cost
    assert fact(facts, "3152-3154", "60") != fact(facts, "3159-3161", "62")


def test_pakistan_external_debt_rise(facts):
    assert fact(facts, "3203-3204", "36") < fact(facts, "3203-3204", "100")


def test_bri_country_counts(facts):
    assert fact(facts, "3256-3258", "65") < fact(facts, "3258-3259", "150")


def test_trade_relation_start_dates(facts):
    # known inconsistency: three different starting points (lines 3397, 3400, 3502)
    starts = {fact(facts, "3396-3397", "1965"), fact(facts, "3399-3400", "1995"),
              fact(facts, "3501-3502", "1998")}
    assert starts == {1965, 1995, 1998}


# ------------------------------------------------------------------ qualifiers printed before numbers
KNOWN_QUALIFIERS = {
    "exhibits_prose_numbers.csv": {("3191-3193", "zero"): "almost", ("3193", "350"): "approached"},
    "turkiye_china_trade_prose.csv": {("3408-3410", "11"): "approximately", ("3411-3413", "40"): "over",
                                      ("3459-3461", "195.94"): "approximately",
                                      ("3462-3463", "48"): "approximately", ("3465-3467", "40"): "almost"},
    "prose_facts.csv": {("3006-3009", "10"): "estimated to reach", ("3032-3034", "35"): "approximately",
                        ("3054-3055", "1.4"): "approximately", ("3198-3199", "310"): "approximately",
                        ("3258-3259", "150"): "nearly", ("3259-3260", "3"): "approximately",
                        ("3271-3273", "4"): "at least", ("3363-3365", "10"): "exceeded",
                        ("3480-3481", "half"): "approximately"},
}


@pytest.mark.parametrize("name", sorted(KNOWN_QUALIFIERS))
def test_qualifiers_are_exactly_the_known_ones(name):
    # 'almost zero' is printed as qualifier + number: value_printed alone must not pass for the print
    df = load(name)
    got = {(r.source_line, r.value_printed): r.qualifier for r in df.itertuples() if r.qualifier}
    assert got == KNOWN_QUALIFIERS[name]


def test_turkiye_averages_match_one_year_only(t4, trade):
    # lines 3463-3465 call 3.3 an average; Table 4 holds one year for Türkiye, and the prose rows say so
    assert t4.loc["Türkiye", "year"] == 2023
    for line in ("3463-3464", "3464-3465"):
        note = trade[trade.source_line == line].note.iloc[0]
        assert "one year" in note and "average" in note
