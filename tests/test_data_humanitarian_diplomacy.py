"""Checks of the article-1 data (humanitarian diplomacy in Central Asia; seed 000_75c7660f09a718e5.txt, lines 1-127).

The article has no tables: its datasets are qualitative (practices, challenges, actors, timeline, disaster
regions, recommendations) plus three number words. These tests check every file against its descriptor in
data/datapackage.json, the cross-references between files, and the internal consistency the text implies.
Where the article is itself inconsistent the tests expect EXACTLY the known discrepancies (documented in the
descriptors and the catalogue), so that a new transcription or coding error still fails.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from coursekit.data import read_validated

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "humanitarian_diplomacy"
PACKAGE = ROOT / "data" / "datapackage.json"

FIRST_LINE, LAST_LINE = 1, 127  # article 1 is the whole seed file
EXPECTED_ROWS = {
    "practices": 26,
    "challenges": 27,
    "actors": 27,
    "timeline": 9,
    "disaster_regions": 16,
    "recommendations": 6,
    "prose_facts": 3,
}
ID_COLUMN = {
    "practices": "practice_id",
    "challenges": "challenge_id",
    "actors": "actor_id",
    "timeline": "event_id",
    "disaster_regions": "region_id",
    "recommendations": "rec_id",
    "prose_facts": "fact_id",
}
# Years of the reference-list entries the text cites for dated events (lines 122-123)
REFERENCE_YEARS = {"7": 2023, "8": 2021}
# Reference-list entries are numbered 1-12 (lines 115-127)
N_REFERENCES = 12
UNLINKED_BODY_ACTORS = {"movement", "national_societies", "kyrgyzstan", "states", "ngos"}


# --------------------------------------------------------------------------------------- helpers
def descriptor(table: str) -> dict:
    package = json.loads(PACKAGE.read_text(encoding="utf-8"))
    name = f"humanitarian_diplomacy/{table}"
    matches = [r for r in package["resources"] if r["name"] == name]
    assert len(matches) == 1, f"{name} is not described (once) in data/datapackage.json"
    return matches[0]


def load(table: str):
    return read_validated(DATA / f"{table}.csv", descriptor(table)["schema"])


def ids(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]


def line_numbers(spec: str) -> list[int]:
    out = []
    for piece in spec.split(";"):
        a, _, b = piece.strip().partition("-")
        a, b = int(a), int(b or a)
        assert a <= b, spec
        out.extend(range(a, b + 1))
    return out


@pytest.fixture(scope="module")
def frames() -> dict:
    return {t: load(t) for t in EXPECTED_ROWS}


# ------------------------------------------------------------------------------------ structure
@pytest.mark.parametrize("table", sorted(EXPECTED_ROWS))
def test_file_loads_against_descriptor(table):
    res = descriptor(table)
    assert res["path"] == f"humanitarian_diplomacy/{table}.csv"
    assert res["article"] == 1
    assert res["source"]["file"] == "000_75c7660f09a718e5.txt"
    assert res["source"]["exhibit"] == "prose"
    frame = load(table)
    assert len(frame) == EXPECTED_ROWS[table]
    assert {"source_line", "note"} <= set(frame.columns)


@pytest.mark.parametrize("table", sorted(EXPECTED_ROWS))
def test_ids_unique(table, frames):
    col = frames[table][ID_COLUMN[table]]
    assert col.is_unique
    assert (col != "").all()


@pytest.mark.parametrize("table", sorted(EXPECTED_ROWS))
def test_source_lines_inside_article(table, frames):
    for spec in frames[table].source_line:
        nums = line_numbers(spec)
        assert nums and all(FIRST_LINE <= n <= LAST_LINE for n in nums), (table, spec)


@pytest.mark.parametrize("table", ["practices", "challenges", "disaster_regions"])
def test_rows_in_line_order(table, frames):
    """Ids follow the text: the first line of each row never goes backwards (the timeline is ordered by date)."""
    firsts = [line_numbers(s)[0] for s in frames[table].source_line]
    assert firsts == sorted(firsts), table


# ------------------------------------------------------------------------------- cross-references
def test_practice_actors_exist_and_act_in_the_body(frames):
    actors = frames["actors"].set_index("actor_id")
    for _, row in frames["practices"].iterrows():
        for col in ("actor_ids", "counterpart_ids"):
            for a in ids(row[col]):
                assert a in actors.index, (row.practice_id, a)
                assert actors.loc[a, "context"] == "body", (row.practice_id, a)


def test_practices_without_a_named_actor(frames):
    # the mediation with migrants (97) and the digital maps (103) are described without naming who does them
    p = frames["practices"]
    assert set(p[p.actor_ids == ""].practice_id) == {"P09", "P20"}
    assert (p[p.actor_ids == ""].note.str.contains("No actor is named")).all()


def test_recommendation_links_exist(frames):
    actors = set(frames["actors"].actor_id)
    challenges = set(frames["challenges"].challenge_id)
    for _, row in frames["recommendations"].iterrows():
        assert set(ids(row.actor_ids)) <= actors, row.rec_id
        assert set(ids(row.related_challenge_ids)) <= challenges, row.rec_id


def test_actor_context_sets(frames):
    a = frames["actors"]
    # the ICRC and IFRC appear only as cited sources, never as actors in the body
    assert set(a[a.context == "citation_only"].actor_id) == {"icrc", "ifrc", "national_drr_platform",
                                                             "ministry_of_health"}
    assert set(a[a.context == "affiliation_only"].actor_id) == {"uzbekistan", "osh_state_university",
                                                                "silk_road_university"}
    # the only state acting in the body is Kyrgyzstan (plus 'states' in general)
    states = a[(a.actor_type == "state") & (a.context == "body")]
    assert set(states.actor_id) == {"kyrgyzstan", "states"}


def test_every_body_actor_is_used_or_described(frames):
    used = set()
    for col in ("actor_ids", "counterpart_ids"):
        for cell in frames["practices"][col]:
            used |= set(ids(cell))
    for cell in frames["recommendations"].actor_ids:
        used |= set(ids(cell))
    a = frames["actors"]
    body = set(a[a.context == "body"].actor_id)
    # actors that only set the scene (the framing actor, the country, lists of stakeholders): no practice or
    # recommendation is credited to them or addressed to them by name
    assert body - used == UNLINKED_BODY_ACTORS
    assert (a.role != "").all()


# ------------------------------------------------------------------------------------- citations
def test_citation_fields_consistent_with_evidence(frames):
    p = frames["practices"]
    cited = p.evidence.isin(["cited_in_sentence", "cited_nearby"])
    assert (p[cited].citation != "").all()
    assert (p[~cited].citation == "").all() and (p[~cited].reference_no == "").all()
    assert (p[p.evidence == "cited_nearby"].note != "").all()
    for ref in list(p.reference_no) + list(frames["recommendations"].reference_no):
        assert ref == "" or 1 <= int(ref) <= N_REFERENCES


def test_citations_missing_from_reference_list(frames):
    p = frames["practices"]
    unlisted = set(p[(p.citation != "") & (p.reference_no == "")].citation)
    assert unlisted == {"Central_Asia_Plan_2021", "Disaster Risk Reduction | IFRC, 2025"}


def test_website_citations_are_reference_9_and_dated_in_timeline(frames):
    p = frames["practices"]
    site = p[p.citation.str.startswith("RCSK website")]
    assert (site.reference_no == "9").all()
    access = set(site.citation.str.extract(r"accessed (\d\d\.\d\d\.\d{4})$")[0])
    t = frames["timeline"]
    assert access <= set(t[t.kind == "citation_access"].date_printed)


def test_sources_older_than_the_events_they_report(frames):
    """Known discrepancy: events up to 2024 cited to references dated 2021 (ref 8) and 2023 (ref 7)."""
    p = frames["practices"]
    late = {
        row.practice_id
        for _, row in p.iterrows()
        if row.reference_no in REFERENCE_YEARS and pd.notna(row.year_end)
        and int(row.year_end) > REFERENCE_YEARS[row.reference_no]
    }
    assert late == {"P10", "P11", "P18", "P19"}


# -------------------------------------------------------------------------------------- timeline
DMY = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")


def test_timeline_dates_parse_as_printed(frames):
    for _, row in frames["timeline"].iterrows():
        printed = row.date_printed
        m = DMY.fullmatch(printed)
        years = [int(y) for y in re.findall(r"\d{4}", printed)]
        if m:
            assert row.kind == "citation_access"
            assert (row.day, row.month, row.year) == (int(m[1]), int(m[2]), int(m[3]))
        elif years:
            assert row.year == years[0] and pd.isna(row.month) and pd.isna(row.day)
            if len(years) > 1:
                assert row.year_end == years[-1]
            else:
                assert pd.isna(row.year_end)
        else:
            assert row.kind == "trend" and pd.isna(row.year)


def test_timeline_sorted_and_plausible(frames):
    t = frames["timeline"]
    dated = t[t.year.notna()]
    keys = [(int(r.year), 13 if pd.isna(r.month) else int(r.month), 32 if pd.isna(r.day) else int(r.day))
            for _, r in dated.iterrows()]
    assert keys == sorted(keys)
    assert t.year.isna().sum() == 1 and t.iloc[0].kind == "trend"  # 'в последние десятилетия' (91)
    ends = dated[dated.year_end.notna()]
    assert (ends.year_end >= ends.year).all()
    # nothing the article dates is later than its own issue year
    issue = int(t[t.kind == "publication"].year.iloc[0])
    assert issue == 2025 and int(dated.year.max()) <= issue and int(ends.year_end.max()) <= issue


def test_access_dates_precede_publication_and_latest_is_26_august(frames):
    t = frames["timeline"]
    acc = t[t.kind == "citation_access"]
    assert len(acc) == 5 and (acc.year == 2025).all()
    assert acc.date_printed.iloc[-1] == "26.08.2025"
    assert list(acc.date_printed).count("26.08.2025") == 3


def test_dated_events_agree_with_practices_and_regions(frames):
    t = frames["timeline"]
    events = set(t[t.kind == "event"].date_printed)
    when = {w for w in frames["practices"].when_printed if w and w != "COVID-19"}
    regions = {y for y in frames["disaster_regions"].years_printed if y}
    assert when == events == regions == {"2021-2023-2024", "2023–2024"}


# ------------------------------------------------------------------------------ disaster regions
def test_flood_oblasts(frames):
    d = frames["disaster_regions"]
    oblasts = d[d.place_type == "oblast"]
    # six of Kyrgyzstan's seven regions; Chüy is not named
    assert set(oblasts.place) == {"Batken region", "Osh region", "Jalal-Abad region", "Naryn region",
                                  "Talas region", "Issyk-Kul region"}
    assert not d.place.str.contains("Ch").any()
    assert (oblasts.years_printed == "2021-2023-2024").all()
    assert (oblasts.year_start == 2021).all() and (oblasts.year_end == 2024).all()
    assert (oblasts.source_line == "97").all()
    # known misspellings kept as printed (Таласской, Иссык-Кульской in standard Russian)
    flagged = set(oblasts[oblasts.note.str.contains("spelling|Russian one", regex=True)].place_printed)
    assert flagged == {"Талаской", "Ыссык-кульской"}


def test_place_basis_matches_place_printed(frames):
    d = frames["disaster_regions"]
    assert set(d[d.place_printed == ""].region_id) == set(d[d.place_basis == "implied"].region_id) == {"D16"}


def test_earthquakes_flagged(frames):
    d = frames["disaster_regions"]
    quake = d[d.hazard.str.contains("earthquake")]
    assert list(quake.region_id) == ["D06"]
    assert "climate" in quake.note.iloc[0]
    c = frames["challenges"]
    assert "tectonic" in c.set_index("challenge_id").loc["C12", "note"]


def test_region_years_consistent(frames):
    d = frames["disaster_regions"]
    dated = d[d.years_printed != ""]
    for _, row in dated.iterrows():
        years = [int(y) for y in re.findall(r"\d{4}", row.years_printed)]
        assert (row.year_start, row.year_end) == (years[0], years[-1])
    assert d[d.years_printed == ""].year_start.isna().all()


# ------------------------------------------------------------------------------------ challenges
SECTION_LINES = {
    "abstract_ru": range(67, 68), "abstract_ky": range(77, 78), "abstract_en": range(83, 84),
    "introduction": range(89, 90), "partnership": range(91, 96), "challenges": range(97, 100),
    "practices": range(101, 106), "conclusion": range(109, 112),
}


def test_challenge_sections_match_lines(frames):
    for _, row in frames["challenges"].iterrows():
        nums = line_numbers(row.source_line)
        assert all(n in SECTION_LINES[row.section] for n in nums), (row.challenge_id, row.section)


def test_conclusion_constraints(frames):
    c = frames["challenges"]
    concl = c[c.section == "conclusion"]
    assert len(concl) == 8  # limited access (109), four systemic constraints and three conditions (111)
    assert list(concl.challenge_id) == [f"C{n}" for n in range(20, 28)]


# ------------------------------------------------------------------------------- recommendations
def test_recommendations_structure(frames):
    r = frames["recommendations"]
    steps = r[r.kind == "numbered_step"]
    assert list(steps.order_printed) == ["Во-первых", "Во-вторых", "В-третьих"]
    assert (r[r.kind == "closing_condition"].order_printed == "").all()
    assert (r.source_line == "111").all()
    # the SDG step cites the UN SDGs (reference 10), the research step Sassòli 2019 (reference 11)
    assert dict(zip(steps.rec_id, steps.reference_no)) == {"R1": "", "R2": "10", "R3": "11"}


# ------------------------------------------------------------------------------------ prose facts
NUMBER_WORDS = {"семи": 7}  # the only number word in the article with a definite value


def test_prose_facts(frames):
    f = frames["prose_facts"]
    for _, row in f.iterrows():
        if row.qualifier == "exact":
            assert row.value == NUMBER_WORDS[row.value_printed]
        else:
            assert pd.isna(row.value) and row.note
    assert set(f.value_printed) == {"семи", "тысячи", "сотен"}
    # the hundreds of families belong to the dated floods
    assert f.set_index("fact_id").loc["F3", "year"] == "2021-2023-2024"
