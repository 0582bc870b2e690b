"""Printable handouts: a PDF of each chapter and of the course, printed from the built book.

    python -m coursekit.handouts OUT      (after both editions are built; tasks.py handouts does it all)

Each chapter's handout holds its overview, summary, evidence (the charts), Check the source and
exercises. Two versions: ``<chapter>.pdf`` from the full edition, worked solutions opened, for the
instructor; ``<chapter>-student.pdf`` from the student edition, which holds no solution. The course
handouts join the chapters in the book's order.

Why headless Chromium and not Jupyter Book's LaTeX route: the pages are printed exactly as readers see
them (the same SVG charts, alt text, tables, Cyrillic, Kazakh and Kyrgyz letters in the DejaVu fonts the
tests install), with no 470 MB TeX installation and no second rendering of every figure for LaTeX.
Widgets print their default view. pypdf joins the pages and sets the document outline.
"""

from __future__ import annotations

import functools
import http.server
import io
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

PAGES = ("index", "summary", "evidence", "check_the_source")  # then exercises/<chapter>
TITLES = {"index": "Overview", "summary": "Summary", "evidence": "Evidence", "check_the_source": "Check the source",
          "exercises": "Exercises"}

# Print rules added to each page: chrome hidden, full width, solutions (full edition) opened.
PRINT_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
.bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .header-article, .prev-next-area, .bd-footer,
.bd-footer-article, .bd-footer-content, .ck-downloads, .toggle-button, .headerlink, #jb-print-toc,
.skip-link, .bd-header-announcement { display: none !important; }
.bd-main, .bd-content, .bd-article-container, .bd-page-width { max-width: none !important; width: 100% !important; }
.bd-article { padding: 0 !important; }
body { font-size: 10.5pt; }
img { max-width: 100% !important; break-inside: avoid; }
figure, table, .admonition, .cell { break-inside: avoid-page; }
h1, h2, h3 { break-after: avoid-page; }
.admonition.toggle-hidden .admonition-title ~ * { height: auto !important; opacity: 1 !important;
  visibility: visible !important; margin: revert !important; }
"""
OPEN_EVERYTHING_JS = "document.querySelectorAll('details').forEach(d => d.open = true)"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def served(html_dir: Path):
    """The built book on a local port (pages load their widget manager as in a browser)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(html_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def chapter_pages(chapter: str) -> list[tuple[str, str]]:
    """(title, path in the built book) of the pages a chapter handout holds, in order.

    >>> [title for title, _ in chapter_pages("bri_turkiye")]
    ['Overview', 'Summary', 'Evidence', 'Check the source', 'Exercises']
    """
    pages = [(TITLES[p], f"chapters/{chapter}/{p}.html") for p in PAGES]
    return pages + [(TITLES["exercises"], f"exercises/{chapter}.html")]


def print_page(browser, url: str) -> bytes:
    page = browser.new_page()
    try:
        page.goto(url, wait_until="networkidle")
        page.add_style_tag(content=PRINT_CSS)
        page.evaluate(OPEN_EVERYTHING_JS)
        page.emulate_media(media="print")
        return page.pdf(format="A4", print_background=True, display_header_footer=True,
                        header_template="<span></span>",
                        footer_template='<div style="font-size:8px;width:100%;text-align:center">'
                                        '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
                        margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
    finally:
        page.close()


def join(parts: list[tuple[str, bytes]], title: str, nested: bool = False) -> bytes:
    """One PDF of the parts, each a bookmark, with the document title set. With ``nested``, each
    part's own bookmarks (a chapter's pages) go under the part's bookmark."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for name, pdf in parts:
        start = len(writer.pages)
        reader = PdfReader(io.BytesIO(pdf))
        writer.append(reader, import_outline=False)
        parent = writer.add_outline_item(title=name, page_number=start)
        if nested:
            for item in reader.outline:
                if isinstance(item, dict):
                    writer.add_outline_item(title=item["/Title"], parent=parent,
                                            page_number=start + reader.get_destination_page_number(item))
    writer.add_metadata({"/Title": title, "/Creator": "coursekit.handouts"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def chapter_title(browser, url: str) -> str:
    page = browser.new_page()
    try:
        page.goto(url)
        return page.inner_text("h1").strip().rstrip("#").strip()
    finally:
        page.close()


@contextmanager
def chromium(executable: str = "/usr/bin/chromium"):
    """Headless Chromium through Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def write_handouts(full_html: Path, student_html: Path, out: Path, chapters: list[str], browser=None) -> list[Path]:
    """Print every chapter handout (instructor and student) and the two course handouts into out
    (with the given Playwright browser, or a headless Chromium of our own)."""
    if browser is None:
        with chromium() as own:
            return write_handouts(full_html, student_html, out, chapters, own)
    out.mkdir(parents=True, exist_ok=True)
    written, course = [], {"": [], "-student": []}
    with served(full_html) as full, served(student_html) as student:
        for chapter in chapters:
            title = chapter_title(browser, f"{full}/chapters/{chapter}/index.html")
            for suffix, base in (("", full), ("-student", student)):
                parts = [(name, print_page(browser, f"{base}/{path}")) for name, path in chapter_pages(chapter)]
                label = f"{title} (student handout)" if suffix else f"{title} (instructor handout)"
                target = out / f"{chapter}{suffix}.pdf"
                target.write_bytes(join(parts, label))
                written.append(target)
                course[suffix].append((title, target.read_bytes()))
    for suffix, parts in course.items():
        target = out / f"course{suffix}.pdf"
        target.write_bytes(join(parts, "Reading International Relations Research" + (" (student)" if suffix else ""),
                                nested=True))
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    from coursekit import build, editions

    if len(argv) != 1:
        print("usage: python -m coursekit.handouts OUT   (build both editions first)", file=sys.stderr)
        return 2
    root = Path.cwd()
    full, student = root / build.EDITIONS["full"], root / build.EDITIONS["student"]
    for html in (full, student):
        if not (html / "index.html").exists():
            print(f"{html} is missing: build it first (python3 tasks.py book / book student)", file=sys.stderr)
            return 1
    chapters = [c for c in editions.chapters(root) if (full / "chapters" / c / "index.html").exists()]
    for path in write_handouts(full, student, Path(argv[0]), chapters):
        print(f"{path}  ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
