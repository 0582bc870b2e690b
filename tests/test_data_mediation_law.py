"""Checks of the article-7 data ("On some trends in the development of the institution of mediation in
international law"; seed 003_24c53ee6e967fe8a.txt, lines 4840-5660).

The article has no tables; its data are built from prose. These tests validate every CSV against its
schema, parse every printed number, and re-check every consistency the text implies: the crisis
statistics, instrument numbers and years across all mentions and languages, case years against the
timeline, links between files. Where the article is itself inconsistent, or prints an odd character,
the tests expect EXACTLY the known cases, so that a new transcription error still fails.

Descriptors are read from data/datapackage.json.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from coursekit.data import parse_number, read_validated

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "mediation_law"
FIRST, LAST = 4840, 5660
ABSTRACTS = {"abstract_ru": (4845, 4864), "abstract_en": (4868, 4885), "abstract_kk": (4889, 4908)}
SECTIONS = {**ABSTRACTS, "introduction": (4912, 4994), "literature_review": (4996, 5092),
            "methodology": (5094, 5146), "results_discussion": (5148, 5592), "conclusion": (5594, 5652)}

EXPECTED_ROWS = {
    "legal_instruments": 9, "legal_instrument_mentions": 41, "cases": 10, "mediation_statistics": 6,
    "actors": 42, "trends": 10, "timeline": 12, "prose_facts": 9, "case_elements": 27,
}
EXPECTED_DISCREPANCIES = {
    "legal_instruments": {"art33-good-offices", "hague-first-in-history", "hague-art2-quotation"},
    "legal_instrument_mentions": set(),
    "cases": {"colombia-guarantors", "astana-guarantors", "abstract-results-not-shown"},
    "mediation_statistics": set(),
    "actors": {"holy-see-non-governmental", "igo-non-state"},
    "trends": {"technology-promised", "methodology-comparison-not-delivered", "hub-scope"},
    "timeline": set(),
    "prose_facts": {"cyrillic-roman-numeral", "cyrillic-page-abbreviation"},
    "case_elements": set(),
}


# ------------------------------------------------------------------ helpers
def _resources() -> dict:
    items = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    return {r["name"].split("/", 1)[1]: r for r in items if r["name"].startswith("mediation_law/")}


RESOURCES = _resources()


def descriptor(name: str) -> dict:
    assert name in RESOURCES, f"mediation_law/{name} is not described in data/datapackage.json"
    return RESOURCES[name]


def fmt(name: str) -> dict:
    nf = descriptor(name)["number_format"]
    return {"decimal": nf["decimal"], "group": nf["group"]}


def load(name: str) -> pd.DataFrame:
    """Every cell as the exact text stored in the CSV (empty string for empty)."""
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


def spans(cell: str) -> list[tuple[int, int]]:
    out = []
    for part in cell.split("; "):
        m = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        assert m, f"malformed line reference {cell!r}"
        a, b = int(m.group(1)), int(m.group(2) or m.group(1))
        assert a <= b, cell
        out.append((a, b))
    return out


def inside(cell: str, ranges: list[tuple[int, int]]) -> bool:
    return all(any(lo <= a and b <= hi for lo, hi in ranges) for a, b in spans(cell))


def ids(cell: str) -> set[str]:
    return {x for x in cell.split("; ") if x}


def num(cell: str):
    return None if cell == "" else float(cell)


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(text: str) -> int:
    """Parse a Roman numeral written in LATIN letters; ValueError otherwise."""
    if not text or any(ch not in ROMAN for ch in text):
        raise ValueError(f"{text!r} is not a Roman numeral in Latin letters")
    total = 0
    for i, ch in enumerate(text):
        v = ROMAN[ch]
        total += -v if i + 1 < len(text) and ROMAN[text[i + 1]] > v else v
    return total


WORDS = {"два": 2}


@pytest.fixture(scope="module")
def inst():
    return load("legal_instruments").set_index("instrument_id")


@pytest.fixture(scope="module")
def mentions():
    return load("legal_instrument_mentions")


@pytest.fixture(scope="module")
def cases():
    return load("cases").set_index("case_id")


@pytest.fixture(scope="module")
def stats():
    return load("mediation_statistics").set_index("quantity")


@pytest.fixture(scope="module")
def actors():
    return load("actors").set_index("actor_id")


@pytest.fixture(scope="module")
def trends():
    return load("trends").set_index("trend_id")


@pytest.fixture(scope="module")
def timeline():
    return load("timeline")


@pytest.fixture(scope="module")
def facts():
    return load("prose_facts")


# ------------------------------------------------------------------ generic checks on every file
@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_validates_against_schema(name):
    res = descriptor(name)
    assert res["path"] == f"mediation_law/{name}.csv" and res["article"] == 7
    assert res["source"]["exhibit"] == "prose"
    frame = read_validated(DATA / f"{name}.csv", res["schema"])
    assert len(frame) == EXPECTED_ROWS[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_documented_discrepancies_exactly(name):
    found = {d["id"] for d in descriptor(name)["discrepancies"]}
    assert found == EXPECTED_DISCREPANCIES[name]
    for d in descriptor(name)["discrepancies"]:
        assert inside(d["lines"], [(FIRST, LAST)]), d


NO_PRINTED_NUMBERS = {"actors", "trends", "case_elements"}  # built from names and phrases only


def test_files_without_printed_numbers():
    for name in NO_PRINTED_NUMBERS:
        assert not [c for c in load(name).columns if c.endswith("_printed")], name


@pytest.mark.parametrize("name", sorted(set(EXPECTED_ROWS) - NO_PRINTED_NUMBERS))
def test_printed_columns_parse_to_their_twin(name):
    df = load(name)
    pairs = {c: c[: -len("_printed")] for c in df.columns if c.endswith("_printed")}
    assert pairs, name
    for printed, twin in pairs.items():
        assert twin in df.columns, (name, printed)
        for i, row in df.iterrows():
            p, v = row[printed], row[twin]
            assert (p == "") == (v == ""), (name, i, printed)
            if p == "":
                continue
            if name == "prose_facts" and row["numeral_system"] != "arabic":
                continue  # roman numerals and number words: test_prose_facts_numerals
            assert parse_number(p, **fmt(name)) == pytest.approx(float(v), abs=0), (name, i, printed, p, v)


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_line_references_inside_article(name):
    df = load(name)
    for col in [c for c in df.columns if c == "source_line" or c.endswith("_line") or c.endswith("_lines")]:
        for cell in df[col]:
            if cell:
                assert inside(cell, [(FIRST, LAST)]), (name, col, cell)
    assert (df.source_line != "").all()


# ------------------------------------------------------------------ legal instruments and their mentions
def test_mentions_refer_to_known_instruments(inst, mentions):
    assert set(mentions.instrument_id) == set(inst.index)  # every instrument is mentioned, no stray ids


def test_mention_sections_match_lines(mentions):
    for _, r in mentions.iterrows():
        assert inside(r.source_line, [SECTIONS[r.section]]), (r.section, r.source_line)
        assert (r.language == "ru") == (r.section not in ("abstract_en", "abstract_kk"))
        assert r.language != "en" or r.section == "abstract_en"
        assert r.language != "kk" or r.section == "abstract_kk"


def test_numbers_agree_between_mentions(inst, mentions):
    for iid, group in mentions.groupby("instrument_id"):
        numbers = set(group.document_number) - {""}
        assert numbers <= {inst.loc[iid, "document_number"]}, iid
        for _, r in group[group.document_number_original != ""].iterrows():
            assert r.document_number_original.endswith(r.document_number), r.to_dict()
    res = mentions[mentions.instrument_id == "unga_res_65_283"]
    assert set(res.document_number) - {""} == {"65/283"}
    assert (res.document_number != "").sum() == 4  # RU, EN, KZ abstracts and the body


def test_years_agree_between_mentions(inst, mentions):
    for iid, group in mentions.groupby("instrument_id"):
        years = {int(y) for y in group.year if y}
        expected = {int(inst.loc[iid, "year"])} if inst.loc[iid, "year"] else set()
        assert years == expected, (iid, years, expected)
    # the conventions named together: both years printed at each joint mention
    joint = mentions[mentions.instrument_id.isin(["hague_1899", "hague_1907"]) & (mentions.year != "")]
    for line, group in joint.groupby("source_line"):
        if line != "5205":  # the citation '(Конвенция, 1907)' names only 1907
            assert set(group.year) == {"1899", "1907"}, line


def test_core_instruments_in_all_three_abstracts(mentions):
    abstract = mentions[mentions.section.str.startswith("abstract_")]
    per_instrument = abstract.groupby("instrument_id").section.apply(set).to_dict()
    core = {"hague_1899", "hague_1907", "un_charter_art33", "unga_res_65_283", "eu_concept_2020"}
    assert set(per_instrument) == core
    assert all(v == set(ABSTRACTS) for v in per_instrument.values())


def test_resolution_65_283(inst, timeline):
    r = inst.loc["unga_res_65_283"]
    date = pd.Timestamp(r.date)
    assert (date.year, date.month, date.day) == (2011, 6, 22) and int(r.year) == date.year
    session = int(r.document_number.split("/")[0])
    # UN General Assembly session n opens in September of year 1945 + n
    assert session == (date.year - 1946 if date.month < 9 else date.year - 1945)
    assert "2011" in r.citation_original
    t = timeline[timeline.related_id == "unga_res_65_283"].iloc[0]
    assert (int(t.year), int(t.month), int(t.day)) == (date.year, date.month, date.day)


UN_CHARTER_ART33 = {  # Article 33(1) of the Charter of the United Nations
    "negotiation", "enquiry", "mediation", "conciliation", "arbitration", "judicial settlement",
    "resort to regional agencies or arrangements", "other peaceful means",
}
ARTICLE_TO_CHARTER = {"negotiations": "negotiation", "other means": "other peaceful means"}


def test_article33_list_against_charter(inst):
    listed = {ARTICLE_TO_CHARTER.get(x, x) for x in inst.loc["un_charter_art33", "elements_listed"].split("; ")}
    assert listed - UN_CHARTER_ART33 == {"good offices"}  # known discrepancy art33-good-offices (5229-5234)
    assert UN_CHARTER_ART33 - listed == {"enquiry", "conciliation", "resort to regional agencies or arrangements"}


def test_hague_conventions(inst):
    h99, h07 = inst.loc["hague_1899"], inst.loc["hague_1907"]
    assert (int(h99.year), int(h07.year)) == (1899, 1907)
    assert h99.name_original == h07.name_original and h99.provision == h07.provision == "Article 2"
    assert h99.elements_listed == h07.elements_listed == "good offices; mediation"
    assert h07.citation_original == "(Конвенция, 1907)" and h99.citation_original == ""


def test_eu_concept_and_council_conclusions(inst, timeline):
    c, cc = inst.loc["eu_concept_2020"], inst.loc["eu_council_conclusions_2020"]
    assert c.year == cc.year == "2020" and c.date_original == cc.date_original == "в декабре 2020 года"
    t = timeline[timeline.related_id == "eu_concept_2020"].iloc[0]
    assert (t.year, t.month) == ("2020", "12")


def test_undated_instruments(inst):
    assert set(inst.index[inst.year == ""]) == {"un_charter_art33", "un_charter_chapter6", "portsmouth_treaty"}
    assert set(inst.index[inst.date != ""]) == {"unga_res_65_283"}


# ------------------------------------------------------------------ statistics (lines 4928-4933)
def test_crisis_statistics(stats):
    v = {q: float(stats.loc[q, "value"]) for q in stats.index}
    start, end = v["first year of the period covered"], v["last year of the period covered"]
    crises, mediated = v["international crises in the period"], v["crises in which a mediator was used"]
    share, success = v["share of crises in which a mediator was used"], v["share of mediated crises resolved successfully thanks to mediation"]
    assert (start, end, crises, mediated, share, success) == (1918, 2001, 434, 128, 30, 46)
    assert set(stats.period) == {f"{int(start)}-{int(end)}"}
    assert len(set(stats.attributed_source_original)) == 1
    # 'about 30 %': 128 of 434 is 29.49 %
    implied = 100 * mediated / crises
    assert round(implied, 2) == 29.49 and abs(implied - share) < 1
    assert stats.loc["share of crises in which a mediator was used", "qualifier"] != ""
    # 46 % of the 128 mediated crises: exactly one whole number of crises fits, 59
    fits = [k for k in range(int(mediated) + 1) if round(100 * k / mediated) == success]
    assert fits == [59]
    assert round(100 * fits[0] / crises, 1) == 13.6


# ------------------------------------------------------------------ cases, actors, timeline
def test_case_links_resolve(cases, actors):
    for cid, r in cases.iterrows():
        linked = ids(r.mediator_ids) | ids(r.party_ids) | ids(r.other_actor_ids)
        assert ids(r.mediator_ids), cid
        assert linked <= set(actors.index), (cid, linked - set(actors.index))
        for aid in ids(r.mediator_ids) | ids(r.party_ids):
            assert cid in ids(actors.loc[aid, "case_ids"]), (cid, aid)  # both files agree


def test_actor_links_resolve(actors, cases, inst):
    for aid, r in actors.iterrows():
        assert ids(r.case_ids) <= set(cases.index), aid
        assert ids(r.instrument_ids) <= set(inst.index), aid


def test_case_years(cases, timeline):
    for cid, r in cases.iterrows():
        if r.start_year and r.end_year:
            assert int(r.start_year) <= int(r.end_year), cid
        t = timeline[timeline.related_id == cid]
        if r.start_year:
            assert len(t) == 1 and t.iloc[0].year == r.start_year and t.iloc[0].end_year == r.end_year, cid
    years = {cid: r.start_year for cid, r in cases.iterrows() if r.start_year}
    assert years == {"russo_japanese_war_portsmouth": "1904", "falklands_malvinas_1982": "1982",
                     "colombia_peace_process": "2012", "brussels_dialogue": "2011", "astana_process_syria": "2017"}


def test_abstract_cases(cases):
    named = set(cases.index[cases.abstract_lines != ""])
    assert named == {"colombia_peace_process", "brussels_dialogue", "astana_process_syria"}
    for cid in named:
        refs = spans(cases.loc[cid, "abstract_lines"])
        assert len(refs) == 3  # once in each of the RU, EN and KZ abstracts
        for (lo, hi), (a, b) in zip(ABSTRACTS.values(), refs):
            assert lo <= a <= b <= hi, cid


def test_timeline(timeline, inst, cases, actors):
    known = set(inst.index) | set(cases.index) | set(actors.index)
    assert set(timeline.related_id) <= known
    dated = timeline[timeline.year != ""]
    for _, r in timeline.iterrows():
        if r.year_printed:
            assert r.year_printed in r.date_original
        if r.end_year_printed:
            assert r.end_year_printed in r.date_original and int(r.end_year) >= int(r.year)
    assert list(dated.year.astype(int)) == sorted(dated.year.astype(int))
    assert len(timeline) - len(dated) == 2  # two century-only rows
    for iid in ("hague_1899", "hague_1907", "unga_res_65_283", "un_guidance_2012", "eu_concept_2020"):
        t = timeline[timeline.related_id == iid]
        assert len(t) == 1 and t.iloc[0].year == inst.loc[iid, "year"], iid


# ------------------------------------------------------------------ trends
def test_trends(trends, inst, cases, actors):
    known = set(inst.index) | set(cases.index) | set(actors.index)
    assert list(trends.order.astype(int)) == list(range(1, len(trends) + 1))
    assert trends.kind.value_counts().to_dict() == {"trend": 7, "prospect": 2, "proposal": 1}
    for tid, r in trends.iterrows():
        assert ids(r.linked_ids) <= known, (tid, ids(r.linked_ids) - known)
        where = spans(r.source_line) + (spans(r.abstract_lines) if r.abstract_lines else []) \
            + (spans(r.conclusion_lines) if r.conclusion_lines else [])
        assert inside(r.key_phrase_line, where), tid
        if r.abstract_lines:
            assert inside(r.abstract_lines, [ABSTRACTS["abstract_ru"]]), tid
        if r.conclusion_lines:
            assert inside(r.conclusion_lines, [SECTIONS["conclusion"]]), tid
    # prospects and the proposal are stated in the conclusion
    assert (trends[trends.kind != "trend"].conclusion_lines != "").all()


# ------------------------------------------------------------------ prose facts and odd characters
def test_prose_facts_numerals(facts):
    cyrillic_roman = set()
    for _, r in facts.iterrows():
        assert r.value_printed in r.text_original
        if r.numeral_system == "roman":
            try:
                got = roman(r.value_printed)
            except ValueError:
                cyrillic_roman.add(r.source_line)  # Cyrillic Х looks like Latin X
                got = roman(r.value_printed.replace("\u0425", "X"))
                assert r.note
            assert got == float(r.value)
        elif r.numeral_system == "word":
            assert WORDS[r.value_printed] == float(r.value)
    assert cyrillic_roman == {"5326"}  # known: 'ХХ' in Cyrillic letters
    v = {(r.source_line, r.value_printed): float(r.value) for _, r in facts.iterrows()}
    assert v[("5334", "11")] < v[("5334", "12")]
    assert v[("5167", "XIX")] + 1 == v[("5167", "XX")]
    assert v[("5177", "26")] == 26


def _scripts(word: str) -> set[str]:
    return {unicodedata.name(ch).split()[0] for ch in word if ch.isalpha()}


def test_mixed_script_words_exactly_known(inst, mentions, cases, actors):
    texts = list(inst.name_original) + list(mentions.name_original) + list(cases.case_original) \
        + list(cases.mediators_original) + list(cases.parties_original) + list(actors.name_original)
    mixed = {w for t in texts for w in re.findall(r"\w+", t) if {"LATIN", "CYRILLIC"} <= _scripts(w)}
    assert mixed == {"Олуcегун"}  # Latin 'c' at line 5293


def test_cyrillic_page_abbreviation_exactly_known(inst, mentions):
    cites = list(inst.citation_original) + list(mentions.citation_original)
    odd = {c for c in cites if re.search(r"\u0420\. \d", c)}
    assert odd == {"(United Nations, 2012: Р. 4)"}  # known: line 5407


# ------------------------------------------------------------------ case elements (our coding, added with the chapter)
def test_case_elements(cases):
    el = load("case_elements")
    assert set(el.case_id) <= set(cases.index)
    assert not el.duplicated(["case_id", "element"]).any()
    assert set(el.case_id) == set(cases.index)  # every case is coded
    hybrid = set(el.case_id[el.element == "hybrid_label"])
    assert hybrid == {"colombia_peace_process", "brussels_dialogue"}
    assert not hybrid & set(el.case_id[el.element == "classical_label"])
    # the abstract's three examples, and only they, carry an abstract-only coding or a body coding of multi-level
    assert set(el.case_id[el.element == "multi_level"]) == set(cases.index[cases.abstract_lines != ""])
    for _, r in el[el.basis == "abstract"].iterrows():
        assert inside(r.source_line, [ABSTRACTS["abstract_ru"]]), r.to_dict()
    assert (el[el.basis != "case"].note != "").all()
