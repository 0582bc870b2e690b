"""Sphinx extension: re-execute a notebook when the data it reads changes (and tidy page scripts).

jupyter-cache decides whether to re-run a notebook by hashing its code cells only, so editing a CSV
would otherwise publish stale charts. This extension gives every notebook a *data fingerprint*: a
hash of the data files of its chapter (``data/<chapter>/``), the data package descriptor and the
``coursekit`` source. The fingerprint is appended to the notebook as a hidden code cell when Sphinx
reads it, so a changed fingerprint changes the code and misses the cache; and the extension tells
Sphinx to re-read exactly the pages whose fingerprint changed.

Which chapter a page belongs to: ``chapters/<chapter>/...`` and ``exercises/<chapter>.md``. A course-wide
notebook (the comparison of the seven articles) names the data files it reads in its front matter.

It also publishes the student edition with the book (see ``coursekit.editions``): beside every chapter
page its solution-free ``.ipynb``, and per chapter a zip that runs anywhere, both offered in the
page's download menu, and the zip on the chapter's overview and exercise pages. With
``coursekit_edition = "student"`` (``python3 tasks.py book student``) the HTML itself holds no solution:
sphinx-exercise's ``hide_solutions`` drops ``{solution}`` blocks but leaves the content of gated
``{solution-start}``/``{solution-end}`` pairs in the page, so the transform below removes the merged
solutions and the cells tagged ``solution`` after sphinx-exercise has assembled them.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from coursekit import glossary

PACKAGE_DIR = Path(__file__).resolve().parent


def chapter_of(docname: str) -> str | None:
    parts = docname.split("/")
    if parts[0] == "chapters" and len(parts) >= 3:
        return parts[1]
    if parts[0] == "exercises" and len(parts) == 2:
        return parts[1]
    return None


def _hash_files(files: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


COURSE_READS = re.compile(r"^coursekit_reads:[ \t]*(.+)$", re.M)


def course_page_reads(source: str) -> list[str]:
    r"""The data files a course-wide page (outside chapters/ and exercises/) declares it reads, as glob
    patterns under data/, in its front matter: ``coursekit_reads: "*/source_checks.csv *.json"``.

    >>> course_page_reads('---\ncoursekit_reads: "*/source_checks.csv datapackage.json"\nkernelspec: {}\n---\n# x')
    ['*/source_checks.csv', 'datapackage.json']
    >>> course_page_reads('---\nkernelspec: {}\n---\n# x')
    []
    """
    front = source.split("\n---", 1)[0] if source.startswith("---") else ""
    found = COURSE_READS.search(front)
    return found.group(1).strip().strip("\"'").split() if found else []


def fingerprint(srcdir: Path, docname: str, source: str | None = None) -> str | None:
    """Hash of what a page's code reads: its chapter's data, or for a course-wide page the data files
    its front matter declares (``coursekit_reads``); None for a page that declares nothing."""
    data = srcdir / "data"
    chapter = chapter_of(docname)
    if chapter is not None:
        files = sorted(p for p in (data / chapter).rglob("*") if p.is_file())
    else:
        if source is None:
            page = srcdir / f"{docname}.md"
            source = page.read_text(encoding="utf-8") if page.is_file() else ""
        patterns = course_page_reads(source)
        if not patterns:
            return None
        files = sorted({p for pattern in patterns for p in data.glob(pattern) if p.is_file()})
    files += [p for p in [data / "datapackage.json"] if p.is_file() and p not in files]
    code = sorted(PACKAGE_DIR.rglob("*.py")) + sorted(PACKAGE_DIR.rglob("*.json"))
    return _hash_files(files, srcdir) + _hash_files(code, PACKAGE_DIR)


def _is_text_notebook(source: str) -> bool:
    return source.startswith("---") and "kernelspec:" in source.split("\n---", 1)[0]


def _on_source_read(app, docname: str, source: list[str]) -> None:
    if not _is_text_notebook(source[0]):
        return
    fp = fingerprint(Path(app.srcdir), docname, source[0])
    if fp is None:
        return
    app.env.coursekit_fingerprints[docname] = fp
    source[0] += (
        "\n\n```{code-cell} ipython3\n:tags: [remove-cell]\n"
        f"# coursekit data fingerprint {fp}: re-run when the data or helpers change\n```\n"
    )


def _static_digest(app) -> str:
    """Hash of the book's own static files (html_static_path: _static/, _vendor/); the themes' own
    static folders, outside the book, are left out."""
    srcdir = Path(app.srcdir).resolve()
    folders = [(srcdir / f).resolve() for f in getattr(app.config, "html_static_path", [])]
    files = sorted(p for folder in folders if folder.is_relative_to(srcdir) for p in folder.rglob("*") if p.is_file())
    return _hash_files(files, srcdir) if files else ""


def _on_env_get_outdated(app, env, added, changed, removed) -> list[str]:
    stale = []
    srcdir = Path(app.srcdir)
    # Sphinx copies static files only when some page is written: after an edit to course.css alone it
    # would report "no targets are out of date" and keep the old stylesheet. The front page is re-read
    # (cheap: it runs no code) whenever a static file changed, so the new files are copied.
    static = _static_digest(app)
    if getattr(env, "coursekit_static", None) != static:
        env.coursekit_static = static
        if env.config.root_doc not in added | changed:
            stale.append(env.config.root_doc)
    for docname, old in env.coursekit_fingerprints.items():
        if docname in added or docname in changed or docname in removed:
            continue
        if fingerprint(srcdir, docname) != old:
            stale.append(docname)
    return stale


def _remove_solutions(app, doctree) -> None:
    """Student edition: drop every solution (merged gated ones included) before anything is written
    or indexed for search."""
    if app.config.coursekit_edition != "student":
        return
    from sphinx_exercise.nodes import solution_end_node, solution_node, solution_start_node

    doomed = [n for n in doctree.findall() if isinstance(n, (solution_node, solution_start_node, solution_end_node))
              or "tag_solution" in (n.get("classes", []) if hasattr(n, "get") else [])]
    for node in doomed:
        if node.parent is not None:
            node.parent.remove(node)


def _create_execution_cache(app) -> None:
    """Create jupyter-cache's database before the parallel readers start: two processes creating it at
    once fail ("table settings already exists"). Runs after myst-nb has set the cache path."""
    config = getattr(app.env, "mystnb_config", None)
    if config is None or config.execution_mode != "cache" or not config.execution_cache_path:
        return
    from jupyter_cache import get_cache

    get_cache(config.execution_cache_path).list_cache_records()


def _on_builder_inited(app) -> None:
    if not hasattr(app.env, "coursekit_fingerprints"):
        app.env.coursekit_fingerprints = {}


def _on_env_purge_doc(app, env, docname: str) -> None:
    getattr(env, "coursekit_fingerprints", {}).pop(docname, None)


def _on_env_merge_info(app, env, docnames, other) -> None:
    """Parallel reading: take the fingerprints of the pages another process read."""
    env.coursekit_fingerprints.update({d: fp for d, fp in getattr(other, "coursekit_fingerprints", {}).items()
                                       if d in docnames})


# Two extensions Jupyter Book loads do not say whether they are safe for parallel reading, so Sphinx
# would read serially (and warn, which fails a strict build). Both are: sphinx_multitoc_numbering only
# logs at builder-inited and replaces the section-numbering method that runs after reading, in the main
# process; sphinx_jupyterbook_latex only adds nodes and transforms that keep no state in the environment.
UNDECLARED_BUT_SAFE = ("sphinx_multitoc_numbering", "sphinx_jupyterbook_latex")


def _page_cost(srcdir: Path, docname: str) -> float:
    """What reading a page costs, roughly: a page with code cells starts a kernel and runs (1 and up);
    a page of prose is parsed in a blink (0.05). A course-wide page pays for every data file it reads
    (the comparison page loads 21 records and runs about 2.5 times as long as a chapter page)."""
    try:
        source = (srcdir / f"{docname}.md").read_text(encoding="utf-8")
    except OSError:
        return 0.05
    cells = source.count("```{code-cell}")
    if not cells:
        return 0.05
    reads = sum(len(list((srcdir / "data").glob(pattern))) for pattern in course_page_reads(source))
    return 1.0 + 0.05 * cells + 0.1 * reads


_SRCDIR: list[Path] = []  # the source folder of the build in progress, for the chunker below


def _balanced_chunks(arguments, nproc, maxbatch=10):
    """Sphinx's parallel reading splits the pages, in alphabetical order, into chunks of about
    sqrt(5 x pages) (``sphinx.util.parallel.make_chunks``): with 2 cores that is 4 chunks, one short,
    and all 7 exercise notebooks land in the last, so one core works alone at the end. This gives one
    chunk per process instead, filled by cost (longest first, to the least loaded), so both cores
    finish together. Sphinx offers no setting for it; ``sphinx.builders`` is patched at config-inited."""
    from sphinx.util.parallel import make_chunks

    if nproc < 2 or not _SRCDIR or not all(isinstance(a, str) for a in arguments):
        return make_chunks(arguments, nproc, maxbatch)
    costs = {doc: _page_cost(_SRCDIR[-1], doc) for doc in arguments}
    chunks, loads = [[] for _ in range(nproc)], [0.0] * nproc
    for doc in sorted(arguments, key=lambda d: (-costs[d], d)):
        emptiest = loads.index(min(loads))
        chunks[emptiest].append(doc)
        loads[emptiest] += costs[doc]
    return [sorted(chunk) for chunk in chunks if chunk]


def _use_balanced_chunks(app, config) -> None:
    import sphinx.builders

    _SRCDIR.append(Path(app.srcdir))
    sphinx.builders.make_chunks = _balanced_chunks


def _declare_parallel_safe(app, config) -> None:
    for name in UNDECLARED_BUT_SAFE:
        extension = app.extensions.get(name)
        if extension is not None and extension.parallel_read_safe is None:
            extension.parallel_read_safe = True


def _asset_key(asset) -> tuple[str, str]:
    name = str(getattr(asset, "filename", asset) or "").removeprefix("_static/")
    body = str(getattr(asset, "attributes", {}).get("body", ""))
    return name, body


def _page_widget_scripts(app, pagename: str) -> set[str]:
    """The widget-manager scripts this page needs (none unless it embeds widget state)."""
    from myst_nb.sphinx_ import NbMetadataCollector

    try:
        return {path for path, _ in NbMetadataCollector.get_js_files(app.env, pagename).values()}
    except KeyError:  # not a notebook page (search, genindex, plain Markdown)
        return set()


def _tidy_page_assets(app, pagename, templatename, context, doctree) -> None:
    """Load each script once, load the widget manager only where there are widgets, drop Thebe.

    In this tool chain (Sphinx 7.4, myst-nb 1.4, sphinx-thebe) a script added while pages are
    written sticks to every later page, and lands twice on the page that added it: a second copy of
    the widget manager renders every widget twice, pages without widgets would download its 3.6 MB,
    and a second ``const THEBE_JS_URL`` is a JavaScript error. The book does not use Thebe (there is
    no live kernel on the page) and its loader points at a CDN, so its scripts are dropped.
    """
    widget_scripts = set(app.config.nb_ipywidgets_js)
    needed = _page_widget_scripts(app, pagename)
    for key in ("script_files", "css_files"):
        if key not in context:
            continue
        seen, kept = set(), []
        for asset in context[key]:
            name, body = _asset_key(asset)
            if (name, body) in seen or "thebe" in name or "THEBE_JS_URL" in body:
                continue
            if name in widget_scripts and name not in needed:
                continue
            seen.add((name, body))
            kept.append(asset)
        context[key][:] = kept


def _label_toc_toggles(app, pagename, templatename, context, doctree) -> None:
    """Give the sidebar's expand/collapse toggles an accessible name (the theme leaves them empty)."""
    original = context.get("generate_toctree_html")
    if original is None or getattr(original, "coursekit_labelled", False):
        return

    def labelled(*args, **kwargs):
        return str(original(*args, **kwargs)).replace(
            '<summary><span class="toctree-toggle"',
            '<summary aria-label="Show or hide the pages of this section"><span class="toctree-toggle"')

    labelled.coursekit_labelled = True
    context["generate_toctree_html"] = labelled


def _add_templates(app, config) -> None:
    """Our template overrides (see templates/static/webpack-macros.html) come before the theme's."""
    config.templates_path.insert(0, str(PACKAGE_DIR / "templates"))


def _zip_name(chapter: str) -> str:
    return f"{chapter}-notebooks.zip"


def _student_downloads(app, pagename, templatename, context, doctree) -> None:
    """The download menu offers the student's notebook and the chapter zip, never the source.

    The page sources hold the worked solutions, so they are neither copied nor offered
    (``html_copy_source`` is off); the print-to-PDF entry stays.
    """
    for group in context.get("header_buttons", []):
        if group.get("label") != "download-buttons":
            continue
        buttons = [b for b in group["buttons"] if b.get("label") not in
                   ("download-source-button", "download-notebook-button")]
        chapter = chapter_of(pagename)
        if chapter is not None:
            pathto = context["pathto"]
            buttons[:0] = [
                {"type": "link", "url": pathto(f"{pagename}.ipynb", 1), "text": ".ipynb (student copy)",
                 "icon": "fas fa-code", "tooltip": "Download this page as a notebook, without solutions",
                 "label": "download-student-notebook-button"},
                {"type": "link", "url": pathto(f"chapters/{chapter}/{_zip_name(chapter)}", 1),
                 "text": ".zip (whole chapter)", "icon": "fas fa-file-archive",
                 "tooltip": "Download the chapter's notebooks (without solutions), data and helpers",
                 "label": "download-chapter-zip-button"},
            ]
        group["buttons"] = buttons


def _zip_banner(app, pagename, templatename, context, doctree) -> None:
    """On a chapter's overview and exercise pages, a line offering the chapter zip under the title."""
    chapter = chapter_of(pagename)
    if chapter is None or pagename not in (f"chapters/{chapter}/index", f"exercises/{chapter}"):
        return
    body = context.get("body", "")
    if "</h1>" not in body or "ck-downloads" in body:
        return
    url = context["pathto"](f"chapters/{chapter}/{_zip_name(chapter)}", 1)
    banner = (f'<p class="ck-downloads"><a href="{url}" download>Download this chapter to work on it in '
              "Python</a> (a zip: the notebooks without solutions, the chapter's data and the course "
              "helpers; README.md inside says how to start). Each page's own notebook is in the "
              "download menu at the top of the page.</p>")
    context["body"] = body.replace("</h1>", "</h1>" + banner, 1)


QUIZ_FORMATS = (("gift.txt", "GIFT"), ("moodle.xml", "Moodle XML"), ("qti.zip", "QTI for Canvas"))


def _mark_languages(app, pagename, templatename, context, doctree) -> None:
    """Every Cyrillic phrase of the page's text says its language (see coursekit.lang). And the
    bibliography's entries become list items: docutils writes a ``role="list"`` whose children have the
    ``doc-biblioentry`` role, which ARIA does not allow in a list (axe: aria-required-children)."""
    from .lang import mark_languages

    if "body" in context:
        body = mark_languages(context["body"], chapter_of(pagename))
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def _quiz_banner(app, pagename, templatename, context, doctree) -> None:
    """On a chapter's quiz page and its instructor guide, links to the same questions for the
    instructor's learning platform (the files are written at the end of the build)."""
    chapter = chapter_of(pagename)
    if pagename.startswith("instructors/"):
        chapter = pagename.split("/", 1)[1]
    elif chapter is None or pagename != f"chapters/{chapter}/quiz":
        return
    body = context.get("body", "")
    if "</h1>" not in body or "ck-downloads" in body:
        return
    pathto = context["pathto"]

    def links(folder: str, name: str) -> str:
        return " · ".join(f'<a href="{pathto(f"{folder}{name}-quiz-{suffix}", 1)}" download>{label}</a>'
                          for suffix, label in QUIZ_FORMATS)

    banner = (f'<p class="ck-downloads">For instructors: this chapter\'s quiz for your learning platform, '
              f'with every answer\'s feedback and source lines: {links(f"chapters/{chapter}/", chapter)} '
              f'(Moodle reads GIFT and XML; Canvas reads QTI). The whole course\'s bank: '
              f'{links("", "course")}.</p>')
    context["body"] = body.replace("</h1>", "</h1>" + banner, 1)


def _write_quiz_exports(app, exception) -> None:
    """Write every quiz bank as Moodle XML, GIFT and QTI into the built book, when a bank changed."""
    if exception is not None or app.builder.format != "html":
        return
    from . import editions, lms

    srcdir, outdir = Path(app.srcdir), Path(app.outdir)
    chapters = [c for c in editions.chapters(srcdir) if f"chapters/{c}/quiz" in app.env.found_docs]
    if not chapters:  # a book without quiz pages (the tests' tiny books)
        return
    inputs = [srcdir / "data" / c / "quiz.yaml" for c in chapters] + [PACKAGE_DIR / "lms.py"]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in inputs) + " ".join(chapters).encode()).hexdigest()
    stamp = outdir / ".quiz-exports"
    if stamp.exists() and stamp.read_text() == digest:
        return
    for name, content in lms.export_files(chapters).items():
        chapter = name.split("-quiz-")[0]
        target = outdir / (name if chapter == "course" else f"chapters/{chapter}/{name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    stamp.write_text(digest)


_MODEL_KEY = re.compile(r'"([0-9a-f]{32})": \{"model_name"')
_HEX32 = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")


def stable_widget_ids(html: str, page: str) -> str:
    """Rename a page's widget models (random uuid4 hex from the kernel) after the page and their order,
    everywhere they appear: the embedded widget state, its IPY_MODEL_ references and the view tags.
    Two builds of the same page then give the same bytes; renaming twice changes nothing.

    >>> page = ('{"state": {"%s": {"model_name": "HTMLModel", "state": {"layout": "IPY_MODEL_%s"}}, '
    ...         '"%s": {"model_name": "LayoutModel"}}} {"model_id": "%s"}') % ("a" * 32, "b" * 32, "b" * 32, "a" * 32)
    >>> once = stable_widget_ids(page, "chapters/x/explorer.html")
    >>> "a" * 32 in once, once == stable_widget_ids(once, "chapters/x/explorer.html")
    (False, True)
    """
    ids = list(dict.fromkeys(_MODEL_KEY.findall(html)))
    names = {old: hashlib.sha256(f"{page}#{n}".encode()).hexdigest()[:32] for n, old in enumerate(ids)}
    return _HEX32.sub(lambda m: names.get(m.group(0), m.group(0)), html) if names else html


def _stabilise_widget_ids(app, exception) -> None:
    """After an HTML build, give every page's widgets reproducible ids (see stable_widget_ids)."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for path in outdir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if "application/vnd.jupyter.widget-state+json" in html:
            renamed = stable_widget_ids(html, path.relative_to(outdir).as_posix())
            if renamed != html:
                path.write_text(renamed, encoding="utf-8")


def _write_student_edition(app, exception) -> None:
    """Write the student notebooks and chapter zips into the built book (HTML builds only).

    A chapter whose inputs (pages, data, coursekit) are unchanged since the last build is skipped.
    """
    if exception is not None or app.builder.format != "html":
        return
    from . import editions

    srcdir, outdir = Path(app.srcdir), Path(app.outdir)
    for chapter in editions.chapters(srcdir):
        if f"chapters/{chapter}/index" not in app.env.found_docs:
            continue
        folder = outdir / "chapters" / chapter
        stamp, archive = folder / ".student-edition", folder / _zip_name(chapter)
        digest = editions.inputs_digest([chapter], srcdir)
        if archive.exists() and stamp.exists() and stamp.read_text() == digest:
            continue
        files = editions.edition_files([chapter], srcdir)
        for name in editions.chapter_pages(chapter, srcdir):
            (outdir / name).parent.mkdir(parents=True, exist_ok=True)
            (outdir / name).write_bytes(files[name])
        archive.write_bytes(editions.chapter_zip(chapter, srcdir, files))
        stamp.write_text(digest)


def setup(app):
    from . import figrefs

    figrefs.setup(app)  # numbered figures: labels to link to, and a check of every link's number
    app.add_config_value("coursekit_edition", "full", "env")  # "student": no solution in the HTML
    app.connect("doctree-read", _remove_solutions, priority=900)
    app.connect("config-inited", _add_templates)
    app.connect("builder-inited", _on_builder_inited)
    app.connect("builder-inited", _create_execution_cache, priority=900)
    app.connect("source-read", _on_source_read)
    app.connect("env-get-outdated", _on_env_get_outdated)
    app.connect("env-purge-doc", _on_env_purge_doc)
    app.connect("env-merge-info", _on_env_merge_info)
    app.connect("config-inited", _declare_parallel_safe)
    app.connect("config-inited", _use_balanced_chunks)
    app.connect("html-page-context", _tidy_page_assets, priority=900)
    app.connect("html-page-context", _label_toc_toggles, priority=900)
    app.connect("html-page-context", _student_downloads, priority=900)
    app.connect("html-page-context", _zip_banner, priority=900)
    app.connect("html-page-context", _quiz_banner, priority=900)
    app.connect("html-page-context", _mark_languages, priority=950)
    app.connect("build-finished", _write_student_edition)
    app.connect("build-finished", _write_quiz_exports)
    app.connect("build-finished", _stabilise_widget_ids)
    glossary.setup(app)  # the {keyterms} directive
    return {"version": "1.0", "parallel_read_safe": True, "env_version": 3}
