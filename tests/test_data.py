"""The data layer: the package validates, every file is described, and bad input is reported clearly."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from coursekit import data
from coursekit.data import DataError, load, parse_number, read_validated

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def test_datapackage_is_valid_frictionless():
    from frictionless import Package

    report = Package(str(DATA / "datapackage.json"), basepath=str(DATA)).validate()
    problems = [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors]
    problems += [err.message for err in report.errors]
    assert report.valid, "\n".join(problems[:20])


def test_every_csv_is_described_and_every_resource_exists():
    package = json.loads((DATA / "datapackage.json").read_text())
    described = {r["path"] for r in package["resources"]}
    on_disk = {str(p.relative_to(DATA)) for p in DATA.rglob("*.csv")}
    assert on_disk == described


def test_every_resource_names_its_source():
    """A chapter's dataset comes from one article; a course-wide one (data/glossary.csv) lists its
    ``articles`` and names the article of each row in an ``article`` column."""
    package = json.loads((DATA / "datapackage.json").read_text())
    files = {a["article"]: a["file"] for a in package["articles"]}
    for res in package["resources"]:
        src = res["source"]
        assert res["name"] == res["path"].removesuffix(".csv"), res["name"]
        articles = res["articles"] if "articles" in res else [res["article"]]
        assert articles and all(1 <= a <= 7 for a in articles), res["name"]
        if "articles" in res:
            assert "/" not in res["path"] and "article" not in res, res["name"]
            assert all(files[a] in src["file"] for a in articles), res["name"]
            assert set(load(res["name"]).article) <= set(articles), res["name"]
        assert src["file"].endswith(".txt") and src["lines"], res["name"]
        if not src.get("exhibit", "prose").startswith("prose"):  # printed tables and figures have captions
            assert src["caption_original"] and src["caption_english"], res["name"]


def test_each_folder_is_one_article_and_cites_that_article_file():
    package = json.loads((DATA / "datapackage.json").read_text())
    files = {a["article"]: a["file"] for a in package["articles"]}
    article_of_folder: dict[str, int] = {}
    for res in [r for r in package["resources"] if "articles" not in r]:  # course-wide: data/ itself
        folder = res["path"].split("/")[0]
        assert article_of_folder.setdefault(folder, res["article"]) == res["article"], res["name"]
        assert res["source"]["file"] == files[res["article"]], res["name"]
    assert len(set(article_of_folder.values())) == len(article_of_folder)


@pytest.mark.parametrize("name", data.datasets())
def test_every_dataset_loads(name):
    frame = load(name)
    assert len(frame) > 0
    line_cols = [c for c in frame.columns if c in ("source_line", "source_lines")]
    assert line_cols, f"{name} has no source_line(s) column"


LINE_NUMBER = re.compile(r"\d+")


@pytest.mark.parametrize("name", data.datasets())
def test_every_source_line_falls_inside_its_article(name):
    res = data.resource(name)
    frame = load(name)
    if "articles" in res:  # course-wide: each row's own article
        row_articles = list(frame.article)
    else:
        row_articles = [res["article"]] * len(frame)
        first, last = data.article_lines(res["article"])
        for number in LINE_NUMBER.findall(res["source"]["lines"]):
            assert first <= int(number) <= last, f"{name}: descriptor cites line {number}"
    for col in [c for c in frame.columns if c in ("source_line", "source_lines")]:
        for row, (cell, article) in enumerate(zip(frame[col], row_articles), start=2):
            first, last = data.article_lines(int(article))
            for number in LINE_NUMBER.findall(cell):
                assert first <= int(number) <= last, f"{name}, row {row}: {col} {cell!r} is outside " \
                                                     f"article {article} (lines {first}-{last})"


def test_every_row_has_a_source_line_unless_silent():
    cells = load("israel_palestine/turning_point_dimensions")
    unsourced = cells[(cells.evidence != "silent") & (cells.source_lines == "")]
    assert unsourced.empty
    assert set(cells.dimension) == {"israeli", "palestinian", "regional", "international"}
    assert len(cells) == 7 * 4


# -- bad input is reported with file, column and row ---------------------------------------------

SCHEMA = {"fields": [
    {"name": "year", "type": "integer", "constraints": {"required": True}},
    {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}},
    {"name": "value", "type": "number"},
], "primaryKey": ["year"]}


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "broken.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_reads_with_types(tmp_path):
    frame = read_validated(write(tmp_path, "year,kind,value\n2020,a,1.5\n2021,b,\n\n"), SCHEMA)
    assert list(frame.year) == [2020, 2021]
    assert frame.value.iloc[0] == 1.5 and frame.value.isna().iloc[1]


@pytest.mark.parametrize("text, expected", [
    ("year,kind\n2020,a\n", "missing column(s) value"),
    ("year,kind,value,extra\n2020,a,1,x\n", "column(s) extra are not described"),
    ("year,kind,value\n2020,a,1\n20x1,a,2\n", "column 'year', row 3: '20x1' is not a whole number"),
    ("year,kind,value\n2020,c,1\n", "column 'kind', row 2: 'c' is not one of the allowed values"),
    ("year,kind,value\n2020,a,1,5\n", "row 2: has 4 cells, the header has 3"),
    ("year,kind,value\n,a,1\n", "column 'year', row 2: a value is required"),
    ("year,kind,value\n2020,a,1 234\n", "column 'value', row 2: '1 234' is not a number"),
    ("year,kind,value\n2020,a,1\n\n2020,b,2\n", "row 4: duplicate key (2020,) (first at row 2)"),
    ("", "the file is empty"),
])
def test_bad_file_names_file_column_and_row(tmp_path, text, expected):
    with pytest.raises(DataError) as err:
        read_validated(write(tmp_path, text), SCHEMA)
    assert "broken.csv" in str(err.value)
    assert expected in str(err.value)


def test_missing_file_and_unknown_dataset(tmp_path):
    with pytest.raises(DataError, match="nothing.csv: file not found"):
        read_validated(tmp_path / "nothing.csv", SCHEMA)
    with pytest.raises(DataError, match="no dataset called 'nope/nothing'. Known datasets: "):
        load("nope/nothing")


def test_broken_copy_of_a_real_dataset_is_reported(tmp_path):
    pkg_dir = tmp_path / "data"
    shutil.copytree(DATA, pkg_dir)
    path = pkg_dir / "israel_palestine" / "turning_point_dimensions.csv"
    lines = path.read_text().splitlines()
    lines[5] = lines[5].replace(",explicit,", ",maybe,", 1)
    path.write_text("\n".join(lines) + "\n")
    data._package.cache_clear()
    with pytest.raises(DataError) as err:
        load("israel_palestine/turning_point_dimensions", package_path=pkg_dir / "datapackage.json")
    assert "turning_point_dimensions.csv, column 'evidence', row 6: 'maybe'" in str(err.value)


def test_bad_package_descriptor(tmp_path):
    bad = tmp_path / "datapackage.json"
    bad.write_text("{ not json")
    with pytest.raises(DataError, match="line 1: not valid JSON"):
        data.datasets(bad)


# -- printed numbers in every style the articles use ---------------------------------------------

@pytest.mark.parametrize("text, decimal, group, expected", [
    ("1 234,5", ",", " ", 1234.5),        # Russian / Kazakh: space groups, decimal comma
    ("1\u202f234,5", ",", " ", 1234.5),   # narrow no-break space as group
    ("84,593.1", ".", ",", 84593.1),      # English: comma groups, decimal point
    ("1.234,5", ",", ".", 1234.5),        # dots group, decimal comma
    ("47540.8", ".", None, 47540.8),
    ("65,54 %", ",", None, 65.54),
    ("\u221212,7", ",", None, -12.7),     # minus sign
    ("750,000", ".", ",", 750000),
])
def test_parse_number_styles(text, decimal, group, expected):
    assert parse_number(text, decimal=decimal, group=group) == expected


@pytest.mark.parametrize("text, decimal, group", [
    ("8.57", ",", None),     # a point in a decimal-comma table is reported, not guessed
    ("1 23,5", ",", " "),    # digit groups have three digits
    ("12 3456", ",", " "),
    ("1,2,3", ".", ","),
    ("12a", ".", None),
    ("", ".", None),
])
def test_parse_number_refuses_ambiguous_or_garbled(text, decimal, group):
    with pytest.raises(ValueError):
        parse_number(text, decimal=decimal, group=group)


# A file name as a note writes it: "see notes.md", "tests/test_data_x.py", "timeline.csv".
FILE_NAME = re.compile(r"(?<![\w/.-])((?:[\w-]+/)*[\w-]+\.(?:md|csv|json|ya?ml|py|txt|ipynb|zip|bib))\b")
SEED = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")  # an article's text file: cited, never shipped


def _note_texts():
    """Every piece of prose a reader of the data can meet: notes, catalogue, descriptors, CSV cells."""
    yield DATA / "README.md", (DATA / "README.md").read_text()
    for path in sorted(DATA.rglob("*.md")):
        if path != DATA / "README.md":
            yield path, path.read_text()
    yield DATA / "datapackage.json", (DATA / "datapackage.json").read_text()
    for path in sorted(DATA.rglob("*.csv")):
        yield path, path.read_text()
    for path in sorted(DATA.rglob("*.yaml")):
        yield path, path.read_text()


def test_every_file_a_data_note_names_exists():
    """A note that sends the reader to "notes.md" or "resources.json" must name a real file: looked up
    beside the note, in data/, from the repository root and in the chapter of the note's folder; the
    catalogue and the descriptor, which speak of every folder, may name a file of any folder."""
    folders = [p for p in DATA.iterdir() if p.is_dir()]
    missing = []
    for path, text in _note_texts():
        shared = path.parent == DATA
        chapter = ROOT / "chapters" / path.parent.name
        for number, line in enumerate(text.splitlines(), start=1):
            for name in FILE_NAME.findall(line):
                if SEED.fullmatch(Path(name).name):
                    continue
                places = [path.parent / name, DATA / name, ROOT / name, chapter / name]
                places += [folder / name for folder in folders] if shared else []
                if not any(p.exists() for p in places):
                    missing.append(f"{path.relative_to(ROOT)}:{number} names {name!r}")
    assert not missing, "\n".join(missing)
