"""The execution cache: an unchanged book is not re-executed, but a changed data file re-runs its readers.

jupyter-cache hashes only code cells, so without coursekit.sphinxext a CSV edit would publish stale
output. This test builds a tiny book three times to prove the fix works.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import build

pytestmark = pytest.mark.build

NOTEBOOK = """\
---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# {title}

```{{code-cell}} ipython3
import pandas as pd
print("VALUE=" + str(pd.read_csv("{csv}")["value"].iloc[0]))
```
"""


def make_book(root: Path) -> Path:
    (root / "_config.yml").write_text(textwrap.dedent("""\
        title: Cache test
        only_build_toc_files: true
        execute:
          execute_notebooks: cache
        sphinx:
          extra_extensions: [coursekit.sphinxext]
        """))
    (root / "_toc.yml").write_text(textwrap.dedent("""\
        format: jb-book
        root: intro
        chapters:
          - file: chapters/alpha/page
          - file: chapters/beta/page
        """))
    (root / "intro.md").write_text("# Intro\n")
    for chapter, value in (("alpha", 41), ("beta", 7)):
        (root / "chapters" / chapter).mkdir(parents=True)
        (root / "data" / chapter).mkdir(parents=True)
        csv = root / "data" / chapter / "value.csv"
        csv.write_text(f"value\n{value}\n")
        (root / "chapters" / chapter / "page.md").write_text(NOTEBOOK.format(title=chapter, csv=csv))
    return root


def executed(log: str) -> set[str]:
    return {name for name in ("alpha", "beta") if f"chapters/{name}/page.md: Executing notebook" in log}


def html(root: Path, chapter: str) -> str:
    return (root / "_build" / "html" / "chapters" / chapter / "page.html").read_text()


def test_data_change_re_executes_only_its_readers(tmp_path):
    book = make_book(tmp_path)

    first = build(book)
    assert first.returncode == 0, first.stdout[-3000:]
    assert executed(first.stdout) == {"alpha", "beta"}
    assert "VALUE=41" in html(book, "alpha")

    unchanged = build(book)
    assert unchanged.returncode == 0
    assert executed(unchanged.stdout) == set(), "an unchanged book must come from the cache"

    (book / "data" / "alpha" / "value.csv").write_text("value\n42\n")
    after_edit = build(book)
    assert after_edit.returncode == 0, after_edit.stdout[-3000:]
    assert executed(after_edit.stdout) == {"alpha"}, "only the notebook reading the changed file re-runs"
    assert "VALUE=42" in html(book, "alpha"), "the page must show the new data, not the cached output"
    assert "VALUE=7" in html(book, "beta")


def test_a_stylesheet_edit_alone_reaches_the_built_book(tmp_path):
    book = make_book(tmp_path)
    config = book / "_config.yml"
    config.write_text(config.read_text() + "  config:\n    html_static_path: [_static]\n")
    (book / "_static").mkdir()
    (book / "_static" / "course.css").write_text(".a { color: red; }\n")
    assert build(book).returncode == 0
    (book / "_static" / "course.css").write_text(".a { color: blue; }\n")
    again = build(book)
    assert again.returncode == 0, again.stdout[-3000:]
    assert executed(again.stdout) == set(), "a stylesheet edit must not re-run notebooks"
    assert "blue" in (book / "_build" / "html" / "_static" / "course.css").read_text()
