"""The course glossary: the data validates and agrees with itself, every chapter's overview and the
glossary page show the terms with their ``lang`` attributes, Sphinx's search finds a Cyrillic term, and
the JupyterLab edition of an overview shows the table.

The tests on the built book use the session's clean, strict build of a copy of the repository.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coursekit import glossary
from coursekit.data import article_lines, load, resource
from coursekit.editions import SOURCE_ROOT, student_notebook

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = re.findall(r"file: chapters/(\w+)/index", (ROOT / "_toc.yml").read_text())
LANG_CODE = {"Russian": "ru", "Kazakh": "kk", "Kyrgyz": "ky", "English": "en"}
FOREIGN = ("ru", "kk", "ky")


def _spans(cell: str) -> list[tuple[int, int]]:
    return [tuple(map(int, s.split("-"))) if "-" in s else (int(s), int(s)) for s in cell.split("; ")]


# -- the data ---------------------------------------------------------------------------------------

def test_the_glossary_validates_and_covers_every_chapter():
    frame = load("glossary")  # checked against its schema in data/datapackage.json
    assert list(dict.fromkeys(frame.chapter)) == CHAPTERS  # in the course's order
    counts = frame.chapter.value_counts().to_dict()
    assert counts == {"humanitarian_diplomacy": 17, "israel_palestine": 6, "us_education_kazakhstan": 14,
                      "kazakhstan_china_food": 10, "bri_turkiye": 11, "eu_climate_migration": 14,
                      "mediation_law": 12}
    assert resource("glossary")["articles"] == list(range(1, 8))


def test_every_row_agrees_with_itself_and_with_its_article():
    package = json.loads((ROOT / "data" / "datapackage.json").read_text())
    body = {a["article"]: LANG_CODE[a["body_language"]] for a in package["articles"]}
    for row in glossary.terms():
        where = f"{row['chapter']} term {row['position']}"
        article = int(row["article"])
        assert row["lang"] == body[article], f"{where}: lang is not the article's body language"
        assert row["term"] == glossary.forms(row, row["lang"])[0][0], f"{where}: term is not the first form"
        assert row["definition"].strip(), f"{where}: no definition"
        cited = _spans(row["source_lines"])
        first, last = article_lines(article)
        assert all(first <= a <= b <= last for a, b in cited), f"{where}: a line outside article {article}"
        for lang in glossary.LANGUAGES:
            for name, lines, _ in glossary.forms(row, lang):  # raises if the parallel lists disagree
                assert name and name == name.strip(), f"{where}: empty form in {lang}"
                for number in re.findall(r"\d+", lines):
                    assert any(a <= int(number) <= b for a, b in cited), f"{where}: {lang} line {number} " \
                                                                         "is not in source_lines"
            if lang in FOREIGN and row[lang]:
                assert re.search(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", row[lang]), f"{where}: {lang} is not Cyrillic"
        for text in (row["definition"], row["note"]):
            assert text.count("{") == text.count("}") == len(re.findall(r"\{(ru|kk|ky):", text)), where


def test_ours_is_never_given_a_line():
    """A form marked 'ours' is our equivalent, so it cannot cite a line of the article."""
    for row in glossary.terms():
        for lang in glossary.LANGUAGES:
            for name, lines, note in glossary.forms(row, lang):
                if note.startswith("ours"):
                    assert not lines, f"{row['chapter']} {name}: ours, but cites {lines}"


def test_the_rendered_table_wraps_every_foreign_form_in_its_language():
    for chapter in CHAPTERS:
        page = glossary.keyterms_html(chapter)
        table = _parse(page)
        rows = [r for r in glossary.terms() if r["chapter"] == chapter]
        assert table.rows == len(rows)
        for row in rows:
            for lang in FOREIGN:
                for name, _, _ in glossary.forms(row, lang):
                    assert name in table.text_in[lang], f"{chapter}: {name!r} has no lang={lang} span"
    with pytest.raises(ValueError, match="no key terms for chapter 'nope'"):
        glossary.keyterms_html("nope")


# -- HTML helpers -------------------------------------------------------------------------------------

class _Table(HTMLParser):
    """Rows of the key-terms tables, the text inside each lang span, and the links."""

    def __init__(self):
        super().__init__()
        self.rows, self.links, self.langs = 0, [], []
        self.text_in: dict[str, str] = {lang: "" for lang in FOREIGN}
        self._in_table = self._in_body = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "ck-keyterms" in (attrs.get("class") or ""):
            self._in_table = True
        self._in_body = self._in_body or (tag == "tbody" and self._in_table)
        self.rows += tag == "tr" and self._in_body
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "span":
            self.langs.append(attrs.get("lang"))

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_table = self._in_body = False
        if tag == "span" and self.langs:
            self.langs.pop()

    def handle_data(self, data):
        for lang in self.langs:
            if lang in self.text_in:
                self.text_in[lang] += data + "\n"



def _parse(html: str) -> _Table:
    table = _Table()
    table.feed(html)
    table.close()
    return table


# -- the built book -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def book(built_book) -> Path:
    return built_book


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_overview_shows_its_terms_with_lang_attributes(book, chapter):
    page = (book / "chapters" / chapter / "index.html").read_text(encoding="utf-8")
    assert "{keyterms}" not in page
    table = _parse(page)
    rows = [r for r in glossary.terms() if r["chapter"] == chapter]
    assert table.rows == len(rows)
    for row in rows:
        assert row["lang"] == "en" or row["term"] in table.text_in[row["lang"]], row["term"]
        for lang in FOREIGN:
            for name, _, _ in glossary.forms(row, lang):
                assert name in table.text_in[lang], f"{chapter}: {name!r} is not inside lang={lang}"
    assert "check_the_source.html" in page


def test_the_glossary_page_lists_every_term_and_links_each_chapter(book):
    page = (book / "glossary.html").read_text(encoding="utf-8")
    table = _parse(page)
    assert page.count('class="docutils align-default ck-keyterms"') == len(CHAPTERS)
    for row in glossary.terms():
        shown = table.text_in.get(row["lang"], "") if row["lang"] != "en" else page
        assert row["term"] in shown, f"the glossary page lacks {row['term']!r}"
    for chapter in CHAPTERS:
        assert f"chapters/{chapter}/index.html" in table.links, f"no link to {chapter}'s overview"
        assert (book / "chapters" / chapter / "index.html").is_file()
    assert "Glossary" in (book / "intro.html").read_text(encoding="utf-8")  # in the navigation


def _search_index(book: Path) -> dict:
    text = (book / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


def test_the_search_index_finds_a_cyrillic_term_exactly_and_by_prefix(book):
    """Sphinx's English (Porter) stemmer leaves Cyrillic words as they are (lower-cased): the index holds
    «посредничество» itself, so the search page finds it by the exact word, and by a prefix through
    searchtools.js's partial match (any term containing the query, for queries of three letters or more)."""
    from sphinx.search.en import SearchEnglish

    index = _search_index(book)
    docs = index["docnames"]
    stem = SearchEnglish({}).stem
    assert stem("Посредничество") == "посредничество"
    assert stem("медиационного") == "медиационного"  # no English suffix rule touches Cyrillic
    terms = index["terms"]

    def pages(term: str) -> set[str]:
        found = terms.get(term, [])
        return {docs[i] for i in ([found] if isinstance(found, int) else found)}

    exact = pages(stem("посредничество"))
    assert {"chapters/mediation_law/index", "glossary"} <= exact
    assert "посредн" not in terms  # else the search page would look it up exactly, not as a prefix
    prefix = {t for t in terms if t.startswith("посредн")}
    assert "посредничество" in prefix and len(prefix) >= 2  # and inflected forms, e.g. «посредничества»
    assert "glossary" in set().union(*(pages(t) for t in prefix))
    for word in ("бітістірушілік", "жұмсақ", "кызыл"):  # Kazakh and Kyrgyz letters survive too
        assert "glossary" in pages(stem(word)), word


def test_the_search_page_finds_it_too(book):
    """The real searchtools.js (run in Node with the built index) returns the glossary page for the exact
    word and for the prefix «посредн»."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = """
const fs = require('fs'); const vm = require('vm');
const ctx = {console, localStorage: {setItem() {}}, document: {readyState: 'loading', addEventListener() {}},
             window: {}, DOCUMENTATION_OPTIONS: {}, SPHINX_HIGHLIGHT_ENABLED: false, _ready() {}};
vm.createContext(ctx);
for (const f of ['_static/language_data.js', '_static/searchtools.js'])
  vm.runInContext(fs.readFileSync(f, 'utf8'), ctx);
vm.runInContext(fs.readFileSync('searchindex.js', 'utf8').replace('Search.setIndex', 'Search._index = '), ctx);
const out = {};
for (const q of JSON.parse(process.argv[1])) {
  const stem = vm.runInContext('new Stemmer()', ctx).stemWord(q);
  const hits = vm.runInContext('Search.performTermsSearch', ctx)(new Set([stem]), new Set());
  out[q] = {stem, docs: hits.map(h => h[0])};
}
console.log(JSON.stringify(out));
"""
    queries = ["посредничество", "посредн"]
    result = subprocess.run([node, "-e", script, json.dumps(queries)], cwd=book, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout)
    assert found["посредничество"]["stem"] == "посредничество"
    for query in queries:
        assert "glossary" in found[query]["docs"] and "chapters/mediation_law/index" in found[query]["docs"], query


# -- the JupyterLab edition ---------------------------------------------------------------------------

def test_the_jupyterlab_edition_of_an_overview_shows_the_table():
    nb = student_notebook(SOURCE_ROOT / "chapters" / "mediation_law" / "index.md")
    text = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    assert "{keyterms" not in text and "```{" not in text
    table = _parse(text)
    assert table.rows == 12
    assert "посредничество" in table.text_in["ru"] and "делдалдық" in table.text_in["kk"]
    assert 'href="check_the_source.ipynb"' in text and ".md)" not in text and ".md\"" not in text
    # an HTML block: no blank line inside it, or the Markdown cell would end it early
    block = text[text.index("<table"):text.index("</table>")]
    assert "\n\n" not in block
