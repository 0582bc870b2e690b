"""The student edition: solution-free notebooks generated from the chapter sources.

The chapter pages (``chapters/<chapter>/*.md``, ``exercises/<chapter>.md``) are the single source.
The book shows them with folded solutions; students get ``.ipynb`` copies made here, with

- no solution: sphinx-exercise's ``{solution}`` blocks, everything between ``{solution-start}`` and
  ``{solution-end}`` (prose and code), and any code cell tagged ``solution`` are dropped;
- no outputs (nothing pre-computed, no "Correct." waiting under an unanswered exercise);
- links between pages pointing at the ``.ipynb`` copies, so they open in JupyterLab;
- ``{raw} html`` blocks, which jupyterlab-myst shows as source text, turned into plain HTML.

Used by ``python3 tasks.py lab`` (the student workspace, where nothing a student has is ever
overwritten), by the book build (a student ``.ipynb`` per page and a zip per chapter), and by
``python3 tasks.py student DIR`` (the whole edition, e.g. for a campus JupyterHub).

    >>> nb = student_notebook(SOURCE_ROOT / "exercises" / "bri_turkiye.md")
    >>> any("{solution" in cell.source or "Correct." in cell.source for cell in nb.cells)
    False
"""

from __future__ import annotations

import hashlib
import io
import json
import platform
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import jupytext
import nbformat
from markdown_it import MarkdownIt
from mdit_py_plugins.colon_fence import colon_fence_plugin

from coursekit import glossary

SOURCE_ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ".course-manifest.json"  # in a student workspace: what the course last delivered
# As ipykernel's own kernel announces itself: JupyterLab rewrites differing metadata when the kernel
# starts, which would mark an untouched notebook as changed.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                 "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                 "pygments_lexer": "ipython3", "version": platform.python_version()}

# Block structure is all we need (fences, headings): skipping inline parsing halves the time.
_md = MarkdownIt("commonmark").use(colon_fence_plugin).disable("inline")


class EditionError(ValueError):
    """A chapter source whose solutions cannot be separated safely (names the file and line)."""


def _directive(token) -> str:
    """The directive name of a fence token (``{solution-start}``), or '' for a plain fence."""
    info = token.info.strip()
    return info.split()[0] if info.startswith("{") else ""


def _tags(token) -> list[str]:
    match = re.search(r"^:tags:\s*\[(.*?)\]", token.content, flags=re.M)
    return [t.strip().strip("'\"") for t in match.group(1).split(",")] if match else []


def strip_solutions(text: str, where: str = "page") -> str:
    """MyST Markdown with every solution removed.

    >>> page = '''Try it.
    ...
    ... ````{solution-start} ex1
    ... ````
    ...
    ... ```{code-cell} ipython3
    ... answer = 42
    ... ```
    ...
    ... Because 6 times 7.
    ...
    ... ````{solution-end}
    ... ````
    ...
    ... ```{solution} ex2
    ... A model answer.
    ... ```
    ...
    ... Next exercise.
    ... '''
    >>> print(strip_solutions(page))
    Try it.
    <BLANKLINE>
    Next exercise.
    <BLANKLINE>
    """
    lines = text.splitlines(keepends=True)
    drop: list[tuple[int, int]] = []
    start = None
    for token in _md.parse(text):
        if token.type not in ("fence", "colon_fence") or token.level != 0 or token.map is None:
            continue
        name = _directive(token)
        if name == "{solution-start}":
            if start is not None:
                raise EditionError(f"{where}, line {token.map[0] + 1}: solution-start inside another solution")
            start = token.map[0]
        elif name == "{solution-end}":
            if start is None:
                raise EditionError(f"{where}, line {token.map[0] + 1}: solution-end without solution-start")
            drop.append((start, token.map[1]))
            start = None
        elif start is None and (name == "{solution}" or
                                (name == "{code-cell}" and "solution" in _tags(token))):
            drop.append((token.map[0], token.map[1]))
    if start is not None:
        raise EditionError(f"{where}, line {start + 1}: solution-start is never closed by solution-end")
    keep = [True] * len(lines)
    for first, last in drop:
        for i in range(first, min(last, len(lines))):
            keep[i] = False
        # also drop the blank lines that followed the removed block
        i = last
        while i < len(lines) and not lines[i].strip():
            keep[i] = False
            i += 1
    return "".join(line for line, k in zip(lines, keep) if k)


_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|#|/)([^)\s]+?)\.md(#[^)\s]*)?\)")


def relink(markdown: str) -> str:
    """Point relative links at the notebooks of the student edition (``x.md`` -> ``x.ipynb``).

    >>> relink("[the summary](summary.md), [ex](../../exercises/a.md#one), [web](https://x.org/a.md)")
    '[the summary](summary.ipynb), [ex](../../exercises/a.ipynb#one), [web](https://x.org/a.md)'
    """
    return _LINK.sub(lambda m: f"]({m.group(1)}.ipynb{m.group(2) or ''})", markdown)


_FIGURE_LINK = re.compile(r"\[(Figure [0-9A-Z]+\.[0-9]+)\]\(#fig-[a-z0-9-]+\)")


def unlink_figures(markdown: str) -> str:
    """A link to a numbered chart becomes its number in bold: JupyterLab cannot link to the output of
    a cell (it reports each such link as a missing target), and the chart's caption carries the
    same number, so the reader still finds it.

    >>> unlink_figures("[Figure 4.1](#fig-kazakhstan-china-food-trade) shows turnover")
    '**Figure 4.1** shows turnover'
    """
    return _FIGURE_LINK.sub(r"**\1**", markdown)


def _fences(text: str):
    return [t for t in _md.parse(text) if t.type in ("fence", "colon_fence") and t.level == 0 and t.map]


def for_jupyterlab(markdown: str) -> str:
    """Rewrite the markup jupyterlab-myst does not render into markup it does.

    jupyterlab-myst renders admonitions, figures and sphinx-exercise's ``{exercise}`` itself, but
    shows a ``{raw} html`` block as its source text: such a block becomes the HTML itself, which
    Markdown cells display. It does not know ``{keyterms}`` either (``coursekit.glossary``): that
    block becomes the key-terms table, as HTML, from ``data/glossary.csv``. (The book's CSS is not
    loaded in JupyterLab, so a diagram drawn in HTML shows as the text of its boxes, in reading order.)

    >>> print(for_jupyterlab("```{raw} html\\n<p>A diagram</p>\\n```\\nAfter."))
    <p>A diagram</p>
    After.
    """
    markdown = glossary.replace_keyterms(markdown)  # the key-terms tables, rendered from the data
    markdown = replace_citations(markdown)  # no references page in JupyterLab: the entries' labels
    markdown = unlink_figures(markdown)
    lines = markdown.splitlines(keepends=True)
    for token in reversed(_fences(markdown)):
        if _directive(token) == "{raw}" and token.info.split()[1:2] == ["html"]:
            lines[token.map[0]:token.map[1]] = [token.content]
    return escape_dollars("".join(lines))


_CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")
_BIB_ENTRY = re.compile(r"^@\w+\{([^,\s]+),(.*?)^\}", re.M | re.S)


def _bib_field(body: str, name: str) -> str:
    match = re.search(rf"^\s*{name}\s*=\s*\{{+(.*?)\}}+,?\s*$", body, flags=re.M)
    return match.group(1).strip() if match else ""


def citation_labels(bib: Path | None = None) -> dict[str, str]:
    """A short label for each entry of ``references.bib``: the authors' surnames and the year, or else
    the body that issued it, the title and the year.

    >>> labels = citation_labels()
    >>> labels["article1"], labels["rose1998"]
    ('Akmatova & Abdilkhadieva, 2025', 'Rose, 1998')
    >>> labels["unga3236-1974"]
    'United Nations General Assembly, Resolution 3236 (XXIX), 1974'
    >>> labels["article5"]
    'Belt and Road Initiative: risk or opportunity?'
    """
    text = (bib or SOURCE_ROOT / "references.bib").read_text(encoding="utf-8")
    labels = {}
    for key, body in _BIB_ENTRY.findall(text):
        body_author = re.search(r"^\s*author\s*=\s*\{\{", body, flags=re.M)  # {{World Bank}}: a body
        names = [] if body_author else [n.split(",")[0].strip()
                                        for n in _bib_field(body, "author").split(" and ") if n.strip()]
        who = (" & ".join(names) if len(names) <= 2 else f"{names[0]} et al.") if names \
            else _bib_field(body, "author")
        year = _bib_field(body, "year")
        title = "" if names else _bib_field(body, "title")
        labels[key] = ", ".join(x for x in (who, title, year) if x)
    return labels


def replace_citations(markdown: str, labels: dict[str, str] | None = None) -> str:
    """Turn ``{cite}`` and ``{cite:p}`` roles, which JupyterLab cannot resolve without the book's
    bibliography, into plain text: the entries' short labels and where to find them.

    >>> print(replace_citations("Checked {cite:p}`a,b`; see {cite}`c`.", {"a": "UN, 1974", "b": "IPC, 2025"}))
    Checked (References: UN, 1974; IPC, 2025); see (References: c).
    """
    labels = citation_labels() if labels is None else labels
    return _CITE.sub(lambda m: "(References: " + "; ".join(labels.get(k.strip(), k.strip())
                                                            for k in m.group(1).split(",")) + ")", markdown)


_CODE_SPAN = re.compile(r"(`+)(?:.*?)\1")


def escape_dollars(markdown: str) -> str:
    """Backslash every ``$`` of the prose: JupyterLab reads ``$...$`` as maths (the book does not, and
    shows ``\\$`` as ``$`` too). Code spans and code blocks keep theirs.

    >>> print(escape_dollars("From $4 trillion to $26 trillion; `df['$']` and \\\\$5 stay."))
    From \\$4 trillion to \\$26 trillion; `df['$']` and \\$5 stay.
    """
    code_lines = {n for t in _md.parse(markdown) if t.type in ("fence", "code_block") and t.map
                  for n in range(*t.map)}
    out = []
    for number, line in enumerate(markdown.splitlines(keepends=True)):
        if number not in code_lines and "$" in line:
            pieces, last = [], 0
            for span in _CODE_SPAN.finditer(line):
                pieces += [re.sub(r"(?<!\\)\$", r"\\$", line[last:span.start()]), span.group(0)]
                last = span.end()
            line = "".join(pieces) + re.sub(r"(?<!\\)\$", r"\\$", line[last:])
        out.append(line)
    return "".join(out)


def _split_at_sections(markdown: str) -> list[str]:
    """Split a long Markdown cell before each ``##`` heading (outside fences), for easier editing."""
    starts = [t.map[0] for t in _md.parse(markdown)
              if t.type == "heading_open" and t.tag in ("h2",) and t.level == 0 and t.map and t.map[0] > 0]
    lines = markdown.splitlines(keepends=True)
    bounds = [0, *starts, len(lines)]
    parts = ["".join(lines[a:b]).strip("\n") for a, b in zip(bounds, bounds[1:])]
    return [p for p in parts if p.strip()]


def student_notebook(path: Path) -> nbformat.NotebookNode:
    """The student's notebook of one chapter page: no solutions, no outputs, links to notebooks."""
    path = Path(path)
    where = str(path.relative_to(SOURCE_ROOT)) if path.is_relative_to(SOURCE_ROOT) else str(path)
    text = strip_solutions(path.read_text(encoding="utf-8"), where)
    source = jupytext.reads(text, fmt="md:myst")
    cells = []
    for cell in source.cells:
        if cell.cell_type == "markdown":
            for part in _split_at_sections(for_jupyterlab(relink(cell.source))):
                cells.append(nbformat.v4.new_markdown_cell(part))
        elif cell.cell_type == "code":
            tags = cell.metadata.get("tags", [])
            if "remove-cell" in tags:
                continue  # build-time plumbing, never shown to readers either
            meta = {"tags": tags} if tags else {}
            cells.append(nbformat.v4.new_code_cell(cell.source, metadata=meta))
        else:
            cells.append(nbformat.v4.new_raw_cell(cell.source))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": LANGUAGE_INFO}
    for i, cell in enumerate(nb.cells):  # stable ids: the same source gives the same file
        cell.id = hashlib.sha1(f"{where}:{i}".encode()).hexdigest()[:8]
    return nb  # nbformat.writes validates it


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """The notebook as JupyterLab writes it, so a freshly opened copy is not marked as changed."""
    return nbformat.writes(nb) + "\n"


# -- which pages make up the edition -------------------------------------------------------------

def chapters(root: Path = SOURCE_ROOT) -> list[str]:
    return sorted(p.name for p in (root / "chapters").iterdir() if (p / "index.md").is_file())


def chapter_pages(chapter: str, root: Path = SOURCE_ROOT) -> dict[str, Path]:
    """Student-edition path (relative, ``.ipynb``) -> source page, for one chapter."""
    pages = {f"chapters/{chapter}/{p.stem}.ipynb": p for p in sorted((root / "chapters" / chapter).glob("*.md"))}
    exercises = root / "exercises" / f"{chapter}.md"
    if exercises.is_file():
        pages[f"exercises/{chapter}.ipynb"] = exercises
    return pages


COURSE_NOTEBOOKS = ("comparison",)  # course-wide notebooks: they read every chapter's data


def edition_pages(root: Path = SOURCE_ROOT) -> dict[str, Path]:
    """Every notebook of the student workspace: each chapter's, then the course-wide ones."""
    pages: dict[str, Path] = {}
    for chapter in chapters(root):
        pages.update(chapter_pages(chapter, root))
    for name in COURSE_NOTEBOOKS:
        if (root / f"{name}.md").is_file():
            pages[f"{name}.ipynb"] = root / f"{name}.md"
    return pages


# -- the student workspace: deliver new files, never overwrite ----------------------------------

@dataclass
class Delivery:
    """What one delivery into a workspace did."""

    new: list[str] = field(default_factory=list)        # copied (they were not there)
    kept: list[str] = field(default_factory=list)       # already there, course unchanged since
    updated: list[str] = field(default_factory=list)    # already there, the course has a newer version

    def report(self, refresh_command: str) -> str:
        lines = [f"{len(self.new)} new notebook(s); {len(self.kept) + len(self.updated)} of yours left untouched."]
        if self.updated:
            lines.append("The course has a newer version of these notebooks (your copies were not changed):")
            lines += [f"  {name}" for name in self.updated]
            lines.append(f"To get a fresh copy of one, run: {refresh_command} <notebook>  "
                         "(your copy is kept beside it, renamed with today's date).")
        return "\n".join(lines)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_manifest(workspace: Path) -> dict:
    try:
        return json.loads((workspace / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def _write_manifest(workspace: Path, manifest: dict) -> None:
    workspace.mkdir(parents=True, exist_ok=True)
    (workspace / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")


def deliver(workspace: Path, root: Path = SOURCE_ROOT) -> Delivery:
    """Write every student notebook that is missing from ``workspace``; never touch an existing file.

    The manifest records the version of each notebook the course delivered, so that later runs can
    tell a student which of their notebooks has a newer course version.
    """
    workspace = Path(workspace)
    manifest = _read_manifest(workspace)
    done = Delivery()
    for name, source in edition_pages(root).items():
        text = notebook_text(student_notebook(source))
        dest = workspace / name
        if dest.exists():
            (done.kept if manifest.get(name) in (None, _digest(text)) else done.updated).append(name)
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
        manifest[name] = _digest(text)
        done.new.append(name)
    _write_manifest(workspace, manifest)
    return done


def refresh(workspace: Path, name: str, stamp: str, root: Path = SOURCE_ROOT) -> Path | None:
    """Replace a student's notebook with the course's current version, keeping theirs as a backup.

    Returns the backup's path (None if there was no copy to keep). Nothing is ever deleted.
    """
    workspace = Path(workspace)
    pages = edition_pages(root)
    name = name.removeprefix(str(workspace) + "/").removeprefix("my_notebooks/")
    if name not in pages:
        raise EditionError(f"{name!r} is not a notebook of the course; choose one of: {', '.join(pages)}")
    dest = workspace / name
    backup = None
    if dest.exists():
        backup = dest.with_name(f"{dest.stem}.mine-{stamp}{dest.suffix}")
        n = 2
        while backup.exists():
            backup = dest.with_name(f"{dest.stem}.mine-{stamp}-{n}{dest.suffix}")
            n += 1
        dest.rename(backup)
    text = notebook_text(student_notebook(pages[name]))
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")
    manifest = _read_manifest(workspace)
    manifest[name] = _digest(text)
    _write_manifest(workspace, manifest)
    return backup


# -- a chapter (or the whole course) to take elsewhere -------------------------------------------

README = """\
1. pip install -r requirements.txt   (once; it also installs this folder's coursekit)
2. jupyter lab {start}
"""
EDITION_MARK = ".course-edition"  # marks a folder written by write_edition (safe to rewrite)

# What the notebooks need at run time (pinned as in requirements.txt), and the helpers from this folder.
RUNTIME = ("pandas", "matplotlib", "ipywidgets", "JupyterQuiz", "PyYAML", "jsonschema", "jupyterlab",
           "jupyterlab_myst", "ipykernel")


def runtime_requirements(root: Path = SOURCE_ROOT) -> str:
    """Pinned run-time requirements of the student edition, plus this folder's coursekit.

    >>> print(runtime_requirements().splitlines()[0])
    pandas==3.1.1
    """
    pins = {}
    for line in (root / "requirements.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            pins[line.split("==")[0].lower()] = line.strip()
    missing = [name for name in RUNTIME if name.lower() not in pins]
    if missing:
        raise EditionError(f"requirements.txt pins no version of {', '.join(missing)}")
    return "\n".join(pins[name.lower()] for name in RUNTIME) + "\n-e .\n"


def _package_files(root: Path) -> list[Path]:
    package = root / "coursekit"
    return sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                  and p.suffix in (".py", ".json", ".mplstyle", ".html"))


def _data_files(chapter: str, root: Path) -> list[Path]:
    return sorted(p for p in (root / "data" / chapter).rglob("*") if p.is_file())


def inputs_digest(chapter_names: list[str], root: Path = SOURCE_ROOT) -> str:
    """A hash of everything an edition of these chapters is made from (to skip unchanged rebuilds)."""
    digest = hashlib.sha256()
    paths = [root / "requirements.txt", root / "pyproject.toml", root / "data" / "datapackage.json",
             *[p for p in [root / "data" / "glossary.csv"] if p.is_file()], *_package_files(root)]
    for chapter in chapter_names:
        paths += list(chapter_pages(chapter, root).values())
        paths += _data_files(chapter, root)
    for path in paths:
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def edition_files(chapter_names: list[str], root: Path = SOURCE_ROOT) -> dict[str, bytes]:
    """Every file of a student edition of some chapters: notebooks, their data, coursekit, README.

    The data package descriptor is trimmed to these chapters' datasets.
    """
    package = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"] = [r for r in package["resources"] if r["path"].split("/")[0] in chapter_names]
    start = f"chapters/{chapter_names[0]}/index.ipynb" if len(chapter_names) == 1 else ""
    files = {
        "README.md": README.format(start=start).encode(),
        "requirements.txt": runtime_requirements(root).encode(),
        "pyproject.toml": (root / "pyproject.toml").read_bytes(),
        "data/datapackage.json": json.dumps(package, ensure_ascii=False, indent=2).encode(),
    }
    for chapter in chapter_names:
        for name, source in chapter_pages(chapter, root).items():
            files[name] = notebook_text(student_notebook(source)).encode()
    copied = [p for chapter in chapter_names for p in _data_files(chapter, root)] + _package_files(root)
    for path in copied:
        files[str(path.relative_to(root))] = path.read_bytes()
    return files


def chapter_zip(chapter: str, root: Path = SOURCE_ROOT, files: dict[str, bytes] | None = None) -> bytes:
    """A zip of one chapter that runs anywhere with Python (same bytes for the same sources)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (files or edition_files([chapter], root)).items():
            info = zipfile.ZipInfo(f"{chapter}/{name}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buffer.getvalue()


def write_edition(dest: Path, root: Path = SOURCE_ROOT) -> list[str]:
    """Write the whole student edition into ``dest`` (e.g. a repository for nbgitpuller).

    Refuses a folder that holds anything but an earlier edition, so no one's work is overwritten.
    """
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()) and not (dest / EDITION_MARK).exists():
        raise EditionError(f"{dest} is not empty and was not written by this command: choose a new folder")
    files = edition_files(chapters(root), root)
    files[EDITION_MARK] = b"Written by python3 tasks.py student; rewritten on each run.\n"
    for name, data in files.items():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        (dest / name).write_bytes(data)
    return sorted(files)


# -- command line (called by tasks.py inside the course's virtual environment) -------------------

def main(argv: list[str]) -> int:
    """``deliver WORKSPACE``, ``refresh WORKSPACE NOTEBOOK`` or ``write DIR``; errors as one line."""
    import datetime

    command, args = (argv[0], argv[1:]) if argv else ("", [])
    try:
        if command == "deliver" and len(args) == 1:
            print(deliver(Path(args[0])).report("python3 tasks.py refresh"))
        elif command == "refresh" and len(args) == 2:
            kept = refresh(Path(args[0]), args[1], datetime.date.today().isoformat())
            print(f"Fresh copy written. Yours is kept as {kept}." if kept else "Fresh copy written.")
        elif command == "write" and len(args) == 1:
            print(f"{len(write_edition(Path(args[0])))} files written to {args[0]}")
        else:
            print("usage: python -m coursekit.editions deliver WORKSPACE | refresh WORKSPACE NOTEBOOK | write DIR",
                  file=sys.stderr)
            return 2
    except EditionError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
