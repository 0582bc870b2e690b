"""The course bibliography: references.bib, the citations in the pages, and the References page."""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path

import pytest

from coursekit import editions

ROOT = Path(__file__).resolve().parent.parent
BIB = ROOT / "references.bib"
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")
ENTRY = re.compile(r"^@(\w+)\{([^,\s]+),(.*?)^\}", re.M | re.S)
CHAPTERS = ["humanitarian_diplomacy", "israel_palestine", "us_education_kazakhstan", "kazakhstan_china_food",
            "bri_turkiye", "eu_climate_migration", "mediation_law"]  # in the articles' order


def entries() -> dict[str, tuple[str, dict[str, str]]]:
    out = {}
    for kind, key, body in ENTRY.findall(BIB.read_text(encoding="utf-8")):
        fields = dict(re.findall(r"^\s*(\w+)\s*=\s*\{+(.*?)\}+,?\s*$", body, flags=re.M))
        assert key not in out, f"duplicate key {key}"
        out[key] = (kind, fields)
    return out


def pages() -> list[Path]:
    skip = {"_build", ".venv", "_vendor", "data", "tests", "coursekit", "my_notebooks"}
    return [p for p in ROOT.rglob("*.md") if not skip & set(p.relative_to(ROOT).parts)]


def cited() -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {}
    for page in pages():
        for group in CITE.findall(page.read_text(encoding="utf-8")):
            for key in group.split(","):
                keys.setdefault(key.strip(), set()).add(str(page.relative_to(ROOT)))
    return keys


def test_every_cited_key_exists_and_every_entry_is_cited():
    known, used = set(entries()), cited()
    assert not set(used) - known, {k: used[k] for k in set(used) - known}
    assert not known - set(used), f"entries cited nowhere: {sorted(known - set(used))}"


def test_one_bibliography_directive_in_the_book():
    with_directive = [p for p in pages() if "{bibliography}" in p.read_text(encoding="utf-8")]
    assert [p.name for p in with_directive] == ["references.md"]


@pytest.mark.parametrize("number", range(1, 8))
def test_article_entries_hold_only_what_the_overview_prints(number):
    kind, fields = entries()[f"article{number}"]
    chapter = CHAPTERS[number - 1]
    overview = (ROOT / "chapters" / chapter / "index.md").read_text(encoding="utf-8")
    article = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["articles"][number - 1]
    assert article["article"] == number
    published = article["published_in"]
    assert f"{{cite}}`article{number}`" in overview, "the overview cites its article's entry"
    assert ":::{admonition} Cite this article" in overview
    for surname in [n.split(",")[0].strip() for n in fields.get("author", "").split(" and ") if n.strip()]:
        assert surname in overview, f"author {surname} is not printed in the overview"
    if published.startswith("not printed"):
        for name in ("journal", "year", "volume", "number", "pages", "doi", "publisher"):
            assert name not in fields, f"article {number}: {name} is not printed, yet the entry has it"
        assert "not printed" in fields["note"]
    else:
        assert fields["journal"].replace(". ", ", ", 1).split(",")[0] in published
        for name in ("year", "doi"):
            assert fields[name] in published and fields[name] in overview
        assert fields["pages"].replace("--", "-") in published


def test_jupyterlab_shows_labels_not_roles():
    page = (ROOT / "chapters" / "israel_palestine" / "check_the_source.md").read_text(encoding="utf-8")
    shown = editions.for_jupyterlab(page)
    assert "{cite" not in shown
    assert "(References: United Nations General Assembly, Resolution 3210 (XXIX): Invitation to the Palestine " \
           "Liberation Organization, 1974; United Nations General Assembly, Resolution 3236 (XXIX), 1974;" in shown


def test_the_references_page_lists_every_entry(built_book):
    html = (built_book / "references.html").read_text(encoding="utf-8")
    shown = html_module.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)))
    shown = shown.replace("\u2013", "--").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    assert html.count('class="citation"') == len(entries())  # each a list item (role=listitem, see sphinxext)
    for key, (_kind, fields) in entries().items():
        assert fields["title"].strip("{}").replace("\\%", "%") in shown, f"{key} is not listed"
    overview = (built_book / "chapters" / "bri_turkiye" / "index.html").read_text(encoding="utf-8")
    assert "references.html#" in overview
