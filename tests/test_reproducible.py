"""Two clean builds of the same commit, in two folders, give the same files (Sphinx's .buildinfo aside).

A deploy can then tell what really changed, and a cache of built pages can be trusted. The known
sources of difference are handled in the build: jupyterquiz's element ids (seeded per quiz in
coursekit.quiz), the widgets' model ids (renamed after page and order in coursekit.sphinxext), figure
ids and dates (svg.hashsalt and no Date in coursekit.charts), zip timestamps (fixed in the editions
and the QTI export).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build, copy_book

pytestmark = [pytest.mark.build]


def files(html_dir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(html_dir)): p.read_bytes() for p in sorted(html_dir.rglob("*"))
            if p.is_file() and p.name != ".buildinfo"}


def first_difference(a: bytes, b: bytes) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at byte {at}: {a[max(0, at - 60):at + 60]!r} vs {b[max(0, at - 60):at + 60]!r}"


def test_two_clean_builds_are_byte_identical(built_book, tmp_path):
    other = copy_book(tmp_path / "second")
    result = build(other)
    assert result.returncode == 0, result.stdout[-3000:]
    first, second = files(built_book), files(other / "_build" / "html")
    assert sorted(first) == sorted(second), set(first) ^ set(second)
    differ = [f"{name}: {first_difference(first[name], second[name])}" for name in first
              if first[name] != second[name]]
    assert not differ, f"{len(differ)} file(s) differ:\n" + "\n".join(differ[:10])
