"""Checks of the article-3 data (Educational programs as an instrument of U.S. soft power policy in Kazakhstan).

Seed file 003_24c53ee6e967fe8a.txt, lines 911-1867 (body in Russian). Every file is validated against its
schema in data/datapackage.json, every printed number is re-parsed with coursekit's parse_number under the
number_format of its table, and every relation the article implies is recomputed. Where the article is
inconsistent, the tests expect EXACTLY the known discrepancies (see the descriptors' "discrepancies"), so
that a new transcription error still makes a test fail.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from coursekit.data import parse_number, read_validated

DATA = Path(__file__).resolve().parents[1] / "data" / "us_education_kazakhstan"
PACKAGE = DATA.parent / "datapackage.json"
SLUG = "us_education_kazakhstan"
FIRST_LINE, LAST_LINE = 911, 1867

EXPECTED_ROWS = {
    "research_questions": 6,
    "interview_questions": 6,
    "exchange_programmes": 5,
    "central_asian_students_us": 2,
    "interview_findings": 20,
    "prose_facts": 24,
    "timeline": 13,
    "institutions_named": 16,
}
RU = {"decimal": ",", "group": " "}  # the article writes '948,5' and '12 897'
FORMATS = {name: RU for name in EXPECTED_ROWS}

EXPECTED_DISCREPANCIES = {
    "research_questions": set(),
    "interview_questions": {"q1-when-not-reported", "table-2-reference"},
    "exchange_programmes": {"ugrad-duration", "flex-duration-garbled"},
    "central_asian_students_us": set(),
    "interview_findings": {"values-all-vs-5-of-7", "abstract-most-vs-body-all", "table-2-reference"},
    "prose_facts": {"three-institutions-four-named", "uzbekistan-shares-exceed-100", "two-stages-four-items",
                    "bolashak-abstract-vs-body"},
    "timeline": {"kafu-location-and-year", "fulbright-hays-spelling"},
    "institutions_named": {"three-institutions-four-named", "kafu-location-and-year"},
}

RESPONDENTS = 7  # lines 965, 1391-1392, 1675, 1842
# quantifier words of the article and the count they stand for (None: no number)
COUNT_WORDS = {"все": RESPONDENTS, "всеми": RESPONDENTS, "один": 1, "одним": 1, "большинство": None, "многие": None}
# number words and numerals that parse_number cannot read
PROSE_WORDS = {"два": 2, "XX": 20}
DURATION_WORDS = {"шестинедельную": 6}
MONTHS = {"ноябре": 11, "апреле": 4}


def num(text: str, table: str):
    fmt = FORMATS[table]
    return parse_number(text, decimal=fmt["decimal"], group=fmt["group"])


# ------------------------------------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def descriptors() -> dict:
    package = json.loads(PACKAGE.read_text(encoding="utf-8"))
    records = {"source_checks", "evidence_items", "method_promises"}  # our checks, tested in test_comparison.py
    found = {r["name"].split("/", 1)[1]: r for r in package["resources"]
             if r["name"].startswith(SLUG + "/") and r["name"].split("/", 1)[1] not in records}
    assert set(found) == set(EXPECTED_ROWS)
    return found


@pytest.fixture(scope="module")
def tables(descriptors) -> dict:
    return {name: read_validated(DATA / f"{name}.csv", d["schema"]) for name, d in descriptors.items()}


def rows(tables, name):
    return tables[name].to_dict("records")


def blank(x) -> bool:
    """True for an empty cell: None, '' (string columns) or pd.NA (numeric columns)."""
    return x is None or (isinstance(x, str) and x == "") or (not isinstance(x, str) and bool(pd.isna(x)))


# ------------------------------------------------------------------------------------------------ structure
@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_validates_against_schema(descriptors, name):
    frame = read_validated(DATA / f"{name}.csv", descriptors[name]["schema"])
    assert len(frame) == EXPECTED_ROWS[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_descriptor(descriptors, name):
    d = descriptors[name]
    assert d["name"] == f"{SLUG}/{name}" and d["path"] == f"{SLUG}/{name}.csv"
    assert d["article"] == 3
    assert d["source"]["file"] == "003_24c53ee6e967fe8a.txt"
    assert d["number_format"] == FORMATS[name]
    assert {x["id"] for x in d["discrepancies"]} == EXPECTED_DISCREPANCIES[name]


def _lines(span: str) -> list[int]:
    out = []
    for part in span.split(";"):
        a, _, b = part.strip().partition("-")
        a, b = int(a), int(b or a)
        assert a <= b, span
        out += [a, b]
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_source_lines_inside_article(tables, name):
    frame = tables[name]
    cols = [c for c in frame.columns if c.endswith("source_line")]
    assert "source_line" in cols and "note" in frame.columns
    for c in cols:
        for span in frame[c]:
            if blank(span):
                continue
            assert all(FIRST_LINE <= n <= LAST_LINE for n in _lines(span)), (name, c, span)


# ------------------------------------------------------------------------------------------------ printed -> numeric
def test_exchange_programmes_printed_parse(tables):
    t = "exchange_programmes"
    for r in rows(tables, t):
        # duration: '1-годичное', '1-гичное' (garbled), '2 недели', 'шестинедельную'
        d = r["duration_printed"]
        if blank(d):
            assert blank(r["duration_years"]) and blank(r["duration_weeks"])
        elif d in DURATION_WORDS:
            assert r["duration_weeks"] == DURATION_WORDS[d] and blank(r["duration_years"])
        else:
            m = re.fullmatch(r"(\d+)(-годичное|-гичное| недели)", d)
            assert m, d
            col, other = ("duration_weeks", "duration_years") if m.group(2) == " недели" else ("duration_years", "duration_weeks")
            assert r[col] == num(m.group(1), t) and blank(r[other]), r
        # ranges '1-4', '15-18' (hyphen) and the cycle '2025–2026' (en dash)
        for printed, lo, hi in [("eligible_study_years_printed", "eligible_study_year_min", "eligible_study_year_max"),
                                ("age_printed", "age_min_years", "age_max_years"),
                                ("programme_cycle_printed", "programme_cycle_start_year", "programme_cycle_end_year")]:
            if blank(r[printed]):
                assert blank(r[lo]) and blank(r[hi])
                continue
            a, b = re.split(r"[-–]", r[printed])
            assert (r[lo], r[hi]) == (num(a, t), num(b, t))
            assert r[lo] < r[hi]
        if blank(r["practicum_printed"]):
            assert blank(r["practicum_min_hours"])
        else:
            assert r["practicum_min_hours"] == num(r["practicum_printed"], t)


def test_exchange_programmes_known_garbled_duration(tables):
    # exactly one duration is not a Russian word as printed: '1-гичное' (line 1581), read as one year
    garbled = [r["programme_short_name"] for r in rows(tables, "exchange_programmes") if r["duration_printed"] == "1-гичное"]
    assert garbled == ["FLEX"]


def test_central_asian_students_printed_parse(tables):
    for r in rows(tables, "central_asian_students_us"):
        assert r["value"] == num(r["value_printed"], "central_asian_students_us")


def test_interview_findings_printed_parse(tables):
    t = "interview_findings"
    for r in rows(tables, t):
        cp = r["count_printed"]
        if cp.lower() in COUNT_WORDS:
            want = COUNT_WORDS[cp.lower()]
            assert (blank(r["count"]) if want is None else r["count"] == want), r["finding_id"]
        else:
            assert r["count"] == num(cp, t), r["finding_id"]
        if blank(r["out_of_printed"]):
            assert blank(r["out_of"])
        else:
            assert r["out_of"] == num(r["out_of_printed"], t)


def test_prose_facts_printed_parse(tables):
    t = "prose_facts"
    for r in rows(tables, t):
        vp = r["value_printed"]
        want = PROSE_WORDS[vp] if vp in PROSE_WORDS else num(vp, t)
        assert r["value"] == pytest.approx(want, abs=0), (vp, r["value"])


def test_prose_facts_number_style(tables):
    # the article's style: exactly one grouped number ('12 897') and two decimal commas ('948,5', '5,5')
    printed = [r["value_printed"] for r in rows(tables, "prose_facts")]
    assert [p for p in printed if " " in p] == ["12 897"]
    assert sorted(p for p in printed if "," in p) == ["5,5", "948,5"]


def test_timeline_printed_parse(tables):
    t = "timeline"
    for r in rows(tables, t):
        dp = r["date_printed"]
        years = re.findall(r"\d{4}", dp)
        if r["precision"] == "century":
            assert "XX" in dp and not years and blank(r["year"])
            continue
        assert len(years) == 1, dp
        assert r["year"] == num(years[0], t)
        assert (r["precision"] == "decade") == ("-х" in dp)
        month = [m for word, m in MONTHS.items() if word in dp]
        assert (month == [r["month"]]) if month else blank(r["month"]), dp
        assert (r["precision"] == "month") == bool(month)


# ------------------------------------------------------------------------------------------------ Table 1 and the research questions
def test_interview_questions_link_to_research_questions(tables):
    rq = {r["rq_code"]: r for r in rows(tables, "research_questions")}
    served: dict[str, set[int]] = {code: set() for code in rq}
    for r in rows(tables, "interview_questions"):
        codes = [] if blank(r["linked_research_questions"]) else r["linked_research_questions"].split("; ")
        if not codes:
            assert r["linked_research_questions_original"] == "-"
            continue
        # the right-hand cell quotes the research questions word for word, in order
        assert r["linked_research_questions_original"] == " ".join(rq[c]["question_original"] for c in codes)
        for c in codes:
            served[c].add(r["question_number"])
    for code, r in rq.items():
        listed = set() if blank(r["linked_interview_questions"]) else {int(x) for x in r["linked_interview_questions"].split("; ")}
        assert listed == served[code], code
    # RQ1 and RQ2 are answered from the literature: no interview question serves them
    assert {c for c, s in served.items() if not s} == {"RQ1", "RQ2"}


def test_interview_questions_shape(tables):
    iq = rows(tables, "interview_questions")
    assert [r["question_number"] for r in iq] == [1, 2, 3, 4, 5, 6]
    assert all(r["question_original"].endswith("?") for r in iq)
    # two cells hold two research questions each (lines 1411-1415, 1440-1445)
    assert {r["question_number"] for r in iq if "; " in (r["linked_research_questions"] or "")} == {2, 6}


# ------------------------------------------------------------------------------------------------ interview counts
def test_respondent_count_stated_consistently(tables):
    f = {r["finding_id"]: r for r in rows(tables, "interview_findings")}
    stated = [f[k]["count"] for k in ("respondents_abstract_en", "respondents_methodology", "respondents_results",
                                      "conclusion_respondents")]
    assert stated == [RESPONDENTS] * 4


def test_programme_counts_sum_to_respondents(tables):
    # lines 1680-1689: 3 (Global UGRAD) + 2 (Fulbright TEA) + 2 (master's) = 7
    f = {r["finding_id"]: r["count"] for r in rows(tables, "interview_findings")}
    parts = [f["programme_global_ugrad"], f["programme_fulbright_tea"], f["programme_masters"]]
    assert parts == [3, 2, 2] and sum(parts) == RESPONDENTS


def test_counts_within_respondents(tables):
    for r in rows(tables, "interview_findings"):
        if not blank(r["out_of"]):
            assert r["out_of"] == RESPONDENTS
        if not blank(r["count"]):
            assert 0 < r["count"] <= (r["out_of"] if not blank(r["out_of"]) else RESPONDENTS)


def test_values_all_versus_five_of_seven(tables):
    # known discrepancy values-all-vs-5-of-7: 5 of 7 say values are conveyed (1772-1774),
    # the conclusion says the values were assimilated by all (1853-1857)
    f = {r["finding_id"]: r for r in rows(tables, "interview_findings")}
    conveyed = f["rq5_values_conveyed"]
    assert (conveyed["count"], conveyed["out_of"]) == (5, 7)
    assert f["conclusion_values_assimilated_by_all"]["count"] == RESPONDENTS
    # among rows about the values (RQ5 and the conclusion's claim), exactly this pair disagrees
    rq5_max = max(r["count"] for r in f.values() if r["research_question"] == "RQ5")
    claims_above = {k for k, r in f.items() if r["section"] == "conclusion" and "values" in r["finding"]
                    and not blank(r["count"]) and r["count"] > rq5_max}
    assert claims_above == {"conclusion_values_assimilated_by_all"}


def test_abstract_most_versus_body_all(tables):
    # known discrepancy abstract-most-vs-body-all: the abstract says 'most' (no number), the body 'all' = 7
    f = rows(tables, "interview_findings")
    abstract = [r for r in f if r["section"] == "abstract_ru"]
    assert len(abstract) == 1 and abstract[0]["count_printed"] == "Большинство" and blank(abstract[0]["count"])
    all_rows = {r["finding_id"] for r in f if r["count_printed"].lower() in ("все", "всеми")
                or r["wording_original"].startswith("все 7")}
    assert all_rows == {"rq3_all_satisfied", "rq4_all_useful", "rq6_all_rated_highly", "rq6_all_soft_power_capital",
                        "conclusion_all_satisfied", "conclusion_values_assimilated_by_all"}


def test_single_interviewee_rows(tables):
    ones = {r["finding_id"] for r in rows(tables, "interview_findings") if r["count"] == 1}
    assert ones == {"rq3_one_noted_shortcomings", "rq4_one_caveat", "rq5_detailed_account",
                    "rq5_american_politics_course"}


# ------------------------------------------------------------------------------------------------ Figure 1 and the prose
def test_figure1_prose_numbers(tables):
    v = {r["country"]: r["value"] for r in rows(tables, "central_asian_students_us")}
    total, kz = v["Central Asia (all countries of the figure)"], v["Kazakhstan"]
    assert (total, kz) == (6086, 2712)
    # Kazakhstan is said to be the largest group (line 1662): necessary condition, above the mean of five countries
    assert total / 5 < kz < total
    assert round(100 * kz / total, 1) == 44.6


def fact(tables, quantity_start: str, unit: str | None = None) -> float:
    sel = [r for r in rows(tables, "prose_facts") if r["quantity"].startswith(quantity_start)
           and (unit is None or r["unit"] == unit)]
    assert len(sel) == 1, (quantity_start, unit, len(sel))
    return sel[0]["value"]


def test_russian_branches(tables):
    kz = fact(tables, "branches of major Russian universities in Kazakhstan")
    uz = fact(tables, "branches of Russian universities in Uzbekistan")
    ca = fact(tables, "branches of Russian universities in the countries of Central Asia")
    assert (kz, uz, ca) == (10, 7, 23) and kz + uz <= ca


def test_study_abroad_shares(tables):
    # known discrepancy uzbekistan-shares-exceed-100 (lines 1665-1669)
    shares = {
        "Kazakhstan": fact(tables, "share of students from Kazakhstan (studying abroad) who study in Russia")
        + fact(tables, "share of students from Kazakhstan (studying abroad) who study in Kyrgyzstan"),
        "Uzbekistan": fact(tables, "share of students from Uzbekistan (studying abroad) who study in Russia")
        + fact(tables, "share of students from Uzbekistan (studying abroad) who study in Kyrgyzstan"),
    }
    assert shares == {"Kazakhstan": pytest.approx(83.5), "Uzbekistan": pytest.approx(109)}
    assert {c for c, s in shares.items() if s > 100} == {"Uzbekistan"}


def test_turkish_institutions_count(tables):
    # known discrepancy three-institutions-four-named: '3' (line 1498), four named (1500-1508)
    named = ["Сырдария", "КИМЭП", "Университет Гази", "Ахмета Яссави"]
    assert fact(tables, "higher-education institutions in Kazakhstan implementing Turkish programmes") == 3
    assert len(named) == 4


def test_research_stages(tables):
    # known discrepancy two-stages-four-items: 'два этапа' (1365), four list items (1366-1384)
    assert fact(tables, "stages of the research") == 2


def test_bolashak(tables):
    years = fact(tables, "years of implementation of the Bolashak programme")
    launch = [r for r in rows(tables, "timeline") if r["event"].startswith("The Bolashak programme is launched")]
    assert len(launch) == 1 and (launch[0]["year"], launch[0]["month"]) == (1993, 11)
    interviews = [r for r in rows(tables, "timeline") if r["actor"] == "authors"][0]
    assert launch[0]["year"] + years <= interviews["year"]          # 1993 + 30 = 2023, before April 2025
    assert fact(tables, "US universities that took part") <= fact(tables, "universities in which Bolashak")
    assert fact(tables, "Kazakhstanis trained under the Bolashak programme") == 12897


def test_programme_lengths_table_vs_results(tables):
    ex = {r["programme_short_name"]: r for r in rows(tables, "exchange_programmes")}
    # Fulbright TEA: 'шестинедельную' (1565) = '6 недель' (1685)
    assert ex["Fulbright TEA"]["duration_weeks"] == fact(tables, "length of the respondents' Fulbright TEA")
    # Global UGRAD (known discrepancy ugrad-duration): one year in Table 2 (1556), '1 semester or 1 year' (1681-1682)
    assert ex["Global UGRAD"]["duration_years"] == 1
    ugrad_units = {r["unit"] for r in rows(tables, "prose_facts") if r["quantity"].startswith("length of the respondents' Global UGRAD")}
    assert ugrad_units == {"semester", "year"}


def test_foreign_students_in_us_exceed_central_asian(tables):
    total_thousand = fact(tables, "foreign students studying in the USA")
    assert total_thousand == 948.5
    assert 6086 < total_thousand * 1000


def test_timeline_range_and_order(tables):
    tl = rows(tables, "timeline")
    years = [r["year"] for r in tl if not blank(r["year"])]
    assert min(years) == 1947 and max(years) == 2025
    # the interviews (April 2025) are the latest dated event
    latest = [r for r in tl if r["year"] == 2025]
    assert [r["actor"] for r in latest] == ["authors"] and latest[0]["month"] == 4


def test_institutions_named_against_the_printed_counts(tables):
    inst = rows(tables, "institutions_named")
    assert [r["row_number"] for r in inst] == list(range(1, len(inst) + 1))
    by = {}
    for r in inst:
        by.setdefault(r["sponsor"], []).append(r)
    # known discrepancy three-institutions-four-named: '3' printed (line 1498), four named (1500-1508)
    assert fact(tables, "higher-education institutions in Kazakhstan implementing Turkish programmes") == 3
    assert len(by["Türkiye"]) == 4
    # Russian branches are named only as examples: 2 of the 10 in Kazakhstan, 2 of the 7 in Uzbekistan
    ru = [r["country"] for r in by["Russia"]]
    assert ru.count("Kazakhstan") == 2 <= fact(tables, "branches of major Russian universities in Kazakhstan")
    assert ru.count("Uzbekistan") == 2 <= fact(tables, "branches of Russian universities in Uzbekistan")
    # the US list (lines 1514-1532) has eight items and no printed count
    assert len(by["USA"]) == 8
    for r in inst:
        years = re.findall(r"\d{4}", r["date_printed"])
        assert (years == [str(r["year"])]) if years else blank(r["year"]), r["institution_printed"]
    kafu = [r for r in inst if "КАФУ" in r["institution_printed"]]
    assert len(kafu) == 1 and kafu[0]["place_printed"] == "в Алматы" and "External check" in kafu[0]["note"]
