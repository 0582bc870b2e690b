"""Load the course's datasets by name, checked against their schema.

Every dataset is a CSV under ``data/`` described in ``data/datapackage.json`` (a Frictionless Data
Package). ``load("israel_palestine/timeline")`` reads the file, checks every row against the
resource's Table Schema and returns a pandas DataFrame with proper types. Anything wrong with the
file is reported as a :class:`DataError` naming the file, the column and the row.

    >>> from coursekit import load, describe
    >>> timeline = load("israel_palestine/timeline")
    >>> timeline.year.dtype
    Int64Dtype()
    >>> print(describe("israel_palestine/timeline").splitlines()[0])   # title, source lines, notes
    Dated events mentioned in article 2
"""

from __future__ import annotations

import csv
import json
import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where it is used (see read_validated)
    import pandas as pd


def _find_root() -> Path:
    """The folder holding ``data/datapackage.json``: beside this package (a clone, a chapter zip),
    else ``$COURSEKIT_ROOT``, else the working directory or one above it (coursekit installed
    elsewhere, e.g. on a JupyterHub, with the notebooks pulled into the student's home)."""
    here = Path(__file__).resolve().parent.parent
    candidates = [here]
    if os.environ.get("COURSEKIT_ROOT"):
        candidates.insert(0, Path(os.environ["COURSEKIT_ROOT"]).resolve())
    candidates += [Path.cwd(), *Path.cwd().parents]
    for folder in candidates:
        if (folder / "data" / "datapackage.json").is_file():
            return folder
    return here  # the first load() then says which descriptor is missing


ROOT = _find_root()
DATA = ROOT / "data"
PACKAGE = DATA / "datapackage.json"


class DataError(ValueError):
    """A data file that does not match its schema. The message names file, column and row."""


def _where(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


@cache
def _package(package_path: Path = PACKAGE) -> dict:
    try:
        return json.loads(package_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{_where(package_path)}: the data package descriptor is missing") from None
    except json.JSONDecodeError as err:
        raise DataError(f"{_where(package_path)}, line {err.lineno}: not valid JSON ({err.msg})") from None


def datasets(package_path: Path = PACKAGE) -> list[str]:
    """The names of every dataset in the course."""
    return [r["name"] for r in _package(package_path)["resources"]]


def article_lines(article: int, package_path: Path = PACKAGE) -> tuple[int, int]:
    """First and last line of an article in its plain-text source file."""
    for entry in _package(package_path).get("articles", []):
        if entry["article"] == article:
            first, last = entry["lines"].split("-")
            return int(first), int(last)
    raise DataError(f"article {article} is not listed in data/datapackage.json")


def chapter_article(chapter: str, package_path: Path = PACKAGE) -> int:
    """The article a chapter is about (its datasets live in ``data/<chapter>/``); chapters follow
    the articles' order, so this is also the chapter's number.

    >>> chapter_article("kazakhstan_china_food")
    4
    """
    for res in _package(package_path)["resources"]:
        if res["path"].startswith(f"{chapter}/") and "article" in res:
            return res["article"]
    raise DataError(f"no dataset in data/datapackage.json belongs to a chapter called {chapter!r}")


def resource(name: str, package_path: Path = PACKAGE) -> dict:
    """The descriptor of one dataset: title, source, schema, notes."""
    for res in _package(package_path)["resources"]:
        if res["name"] == name:
            return res
    known = ", ".join(datasets(package_path))
    raise DataError(f"no dataset called {name!r}. Known datasets: {known}")


class Description(str):
    """Text that shows as itself (not as a quoted string) when it ends a notebook cell."""

    def __repr__(self) -> str:
        return str(self)


def _articles(res: dict) -> str:
    """'article 3', or for a course-wide dataset 'articles 1, 2, ... (see each row's article)'."""
    if "articles" in res:
        return f"articles {', '.join(map(str, res['articles']))} (see each row's article)"
    return f"article {res.get('article')}"


def describe(name: str) -> Description:
    """A short, readable account of where a dataset comes from (shown once, as plain text).

    >>> print(describe("bri_turkiye/table1_china_growth_current_account").splitlines()[1])
      file: data/bri_turkiye/table1_china_growth_current_account.csv
    """
    res = resource(name)
    src = res.get("source", {})
    lines = [
        res.get("title", name),
        f"  file: data/{res['path']}",
        f"  source: {_articles(res)}, {src.get('exhibit', 'prose')}, "
        f"seed file {src.get('file')}, lines {src.get('lines')}",
    ]
    for note in res.get("transcription_notes", []):
        lines.append(f"  note: {note}")
    for d in res.get("discrepancies", []):
        lines.append(f"  discrepancy ({d['id']}): {d['description']}")
    return Description("\n".join(lines))


# -- parsing printed numbers --------------------------------------------------------------------

def parse_number(text: str, decimal: str = ".", group: str | None = None) -> float | int:
    """Parse a number as printed in an article, given its decimal mark and grouping character.

    The articles mix styles: ``"1 234,5"`` (Russian, Kazakh), ``"1,234.5"`` (English),
    ``"1.234,5"``. Stating the style is required, because ``"1,234"`` means 1.234 in one and
    1234 in another. The parse is strict: digit groups must have three digits, and text that does
    not fit the stated style raises ValueError instead of being guessed.

    >>> parse_number("1 234,5", decimal=",", group=" ")
    1234.5
    >>> parse_number("-12.7")
    -12.7
    """
    if not isinstance(text, str):
        raise TypeError(f"expected the printed text as a string, got {type(text).__name__}")
    s = text.strip().replace("\u2212", "-").replace("\u2013", "-").replace("\u00a0", " ")
    s = s.rstrip("%").strip()
    sign = ""
    if s[:1] in ("-", "+"):
        sign, s = s[0], s[1:].strip()
    groups = ([" ", "\u202f"] if group == " " else [group]) if group else []
    if decimal != "." and "." in s and "." not in groups:
        raise ValueError(f"{text!r}: found '.' but this table's decimal mark is {decimal!r}")
    d = re.escape(decimal)
    plain = rf"\d+(?:{d}\d+)?"
    grouped = rf"\d{{1,3}}(?:(?:{'|'.join(map(re.escape, groups))})\d{{3}})+(?:{d}\d+)?" if groups else None
    if not (re.fullmatch(plain, s) or (grouped and re.fullmatch(grouped, s))):
        raise ValueError(f"{text!r} is not a number in this style (decimal {decimal!r}, group {group!r})")
    for g in groups:
        s = s.replace(g, "")
    s = sign + s.replace(decimal, ".")
    value = float(s)
    return int(value) if "." not in s and value.is_integer() else value


# -- validation against the Table Schema --------------------------------------------------------

_INT = re.compile(r"[-+]?\d+")


def _convert(value: str, ftype: str):
    if ftype in ("string", "any"):
        return value
    if ftype in ("integer", "year"):
        if not _INT.fullmatch(value):
            raise ValueError("is not a whole number")
        return int(value)
    if ftype == "number":
        try:
            return float(value)
        except ValueError:
            raise ValueError("is not a number (use '.' as the decimal mark, no grouping)") from None
    if ftype == "boolean":
        if value.lower() in ("true", "yes", "1"):
            return True
        if value.lower() in ("false", "no", "0"):
            return False
        raise ValueError("is not true/false")
    if ftype == "date":
        try:
            import pandas as pd  # imported where used: the build extension reads paths only

            return pd.Timestamp(value).date()
        except ValueError:
            raise ValueError("is not a date (YYYY-MM-DD)") from None
    return value


def _check_constraints(value, constraints: dict) -> str | None:
    if "enum" in constraints and value not in constraints["enum"]:
        return f"is not one of the allowed values {constraints['enum']}"
    if "minimum" in constraints and value < constraints["minimum"]:
        return f"is below the minimum {constraints['minimum']}"
    if "maximum" in constraints and value > constraints["maximum"]:
        return f"is above the maximum {constraints['maximum']}"
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], str(value)):
        return f"does not match the pattern {constraints['pattern']!r}"
    return None


def read_validated(path: Path, schema: dict) -> pd.DataFrame:
    """Read a CSV and check it against a Table Schema; raise DataError naming file, column, row."""
    where = _where(path)
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
    except FileNotFoundError:
        raise DataError(f"{where}: file not found") from None
    except UnicodeDecodeError as err:
        raise DataError(f"{where}: not UTF-8 text (byte {err.start})") from None
    if not rows:
        raise DataError(f"{where}: the file is empty (no header row)")
    header, body = rows[0], rows[1:]
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    missing = [n for n in names if n not in header]
    if missing:
        raise DataError(f"{where}: missing column(s) {', '.join(missing)}; the header has {', '.join(header)}")
    extra = [h for h in header if h not in names]
    if extra:
        raise DataError(f"{where}: column(s) {', '.join(extra)} are not described in data/datapackage.json")
    index = {h: i for i, h in enumerate(header)}
    columns: dict[str, list] = {n: [] for n in names}
    for line_no, row in enumerate(body, start=2):  # line 1 is the header
        if not row:  # a blank line (e.g. at the end of a hand-edited file) holds no observation
            continue
        if len(row) != len(header):
            raise DataError(f"{where}, row {line_no}: has {len(row)} cells, the header has {len(header)}")
        for field in fields:
            name, ftype = field["name"], field.get("type", "string")
            cons = field.get("constraints", {})
            raw = row[index[name]]
            if raw == "":
                if cons.get("required"):
                    raise DataError(f"{where}, column '{name}', row {line_no}: a value is required")
                columns[name].append(None)
                continue
            try:
                value = _convert(raw, ftype)
            except ValueError as err:
                raise DataError(f"{where}, column '{name}', row {line_no}: {raw!r} {err}") from None
            problem = _check_constraints(value, cons)
            if problem:
                raise DataError(f"{where}, column '{name}', row {line_no}: {raw!r} {problem}")
            columns[name].append(value)
    key = schema.get("primaryKey")
    if key:
        key = [key] if isinstance(key, str) else key
        seen: dict[tuple, int] = {}
        row_numbers = [n for n, row in enumerate(body, start=2) if row]
        for i, line_no in enumerate(row_numbers):
            k = tuple(columns[c][i] for c in key)
            if k in seen:
                raise DataError(f"{where}, row {line_no}: duplicate key {k} (first at row {seen[k]})")
            seen[k] = line_no
    import pandas as pd  # see above: importing coursekit.data stays cheap

    frame = pd.DataFrame(columns)
    for field in fields:
        if field.get("type") in ("integer", "year"):
            frame[field["name"]] = frame[field["name"]].astype("Int64")
        elif field.get("type") == "number":
            frame[field["name"]] = frame[field["name"]].astype("Float64")
        elif field.get("type", "string") == "string":
            frame[field["name"]] = frame[field["name"]].fillna("").astype(str)
    return frame


def load(name: str, package_path: Path = PACKAGE) -> pd.DataFrame:
    """Load a dataset by name (``"chapter/table"``), validated against its schema."""
    res = resource(name, package_path)
    path = package_path.parent / res["path"]
    frame = read_validated(path, res["schema"])
    frame.attrs["source"] = res.get("source", {})
    frame.attrs["title"] = res.get("title", name)
    return frame
