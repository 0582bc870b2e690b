"""The course glossary: key terms as data (``data/glossary.csv``), rendered as tables.

One function, :func:`keyterms_html`, turns the rows into an HTML table, and both editions use it:

- the book, through the ``{keyterms}`` directive (registered by ``coursekit.sphinxext``):
  ```` ```{keyterms} mediation_law ```` in a chapter's overview renders that chapter's table, and
  ``{keyterms}`` with no argument (the page ``glossary.md``) renders every chapter's terms, each group
  headed by a link to the chapter's overview;
- the student edition (JupyterLab), through :func:`replace_keyterms`, which ``coursekit.editions.for_jupyterlab``
  calls: jupyterlab-myst does not know the directive, so the block becomes the same HTML table, which a
  Markdown cell displays, with links to the ``.ipynb`` copies.

**How ``lang`` is emitted.** Every form in Russian, Kazakh or Kyrgyz, and every piece of such text
inside a definition or a note (marked ``{ru:...}`` in the CSV), is written as ``<span lang="ru">``.
The directive returns one *raw HTML node* rather than docutils table nodes with a custom visitor,
because (1) the very same HTML serves the book and JupyterLab, so the two cannot drift apart; (2) no
Sphinx translator can drop the attribute (docutils' ``inline`` node has no ``lang``, so a custom node
and a visitor per builder would be needed); (3) Sphinx's search indexer strips the tags of raw HTML
and indexes its words, so the terms stay searchable. The cost: builders other than HTML skip the node
(the course builds HTML only; its PDFs are printed from the HTML). Links inside the table are
computed by the caller (``link``), so in the book they go through Sphinx's own URI logic.

Sphinx's ``glossary`` directive and ``term`` role are not used: their terms are global, so the same
term in two chapters (``sustainable development``, ``Central Asia``) would be a duplicate-term
warning, which fails the strict build.

    >>> rows = [r for r in terms() if r["chapter"] == "humanitarian_diplomacy"]
    >>> rows[0]["term"], rows[0]["lang"]
    ('гуманитарная дипломатия', 'ru')
    >>> 'lang="ky"' in keyterms_html("humanitarian_diplomacy")
    True
"""

from __future__ import annotations

import csv
import html
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from coursekit.data import DATA, ROOT

CSV = DATA / "glossary.csv"
LANGUAGES = {"en": "English", "ru": "Russian", "kk": "Kazakh", "ky": "Kyrgyz"}
SEP = " | "  # between the forms of one language, and between their lines and notes
OURS = "ours"

# {ru:text}, **bold**, [text](path/from/root.md): the only markup of the CSV's free text
_INLINE = re.compile(r"\{(?P<lang>ru|kk|ky):(?P<foreign>[^{}]+)\}|\*\*(?P<bold>[^*]+)\*\*"
                     r"|\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\.md\)")


def _read(path: Path) -> tuple[dict, ...]:
    with open(path, encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def terms(path: Path = CSV) -> list[dict]:
    """The glossary's rows (as strings), in the order of the chapters and of their tables."""
    rows = list(_read(Path(path)))
    return sorted(rows, key=lambda r: (int(r["article"]), int(r["position"])))


def chapters(path: Path = CSV) -> list[str]:
    """The chapters that have key terms, in the course's order (the articles' order)."""
    return list(dict.fromkeys(r["chapter"] for r in terms(path)))


def forms(row: dict, lang: str) -> list[tuple[str, str, str]]:
    """The forms of one language in a row, each with its lines and its note.

    >>> forms({"ky": "Кызыл Жарым Ай | Кызыл Ай", "ky_lines": "79 | 77", "ky_notes": " | in the abstract"}, "ky")
    [('Кызыл Жарым Ай', '79', ''), ('Кызыл Ай', '77', 'in the abstract')]
    """
    if not row.get(lang):
        return []
    names = row[lang].split(SEP)

    def parallel(column: str) -> list[str]:
        cell = row.get(column, "")
        parts = cell.split(SEP) if cell else [""] * len(names)
        if len(parts) != len(names):
            raise ValueError(f"{row['chapter']} term {row['position']}: {column} has {len(parts)} "
                             f"part(s) for {len(names)} form(s) in {lang}")
        return [p.strip() for p in parts]

    return list(zip([n.strip() for n in names], parallel(f"{lang}_lines"), parallel(f"{lang}_notes")))


def foreign(text: str, lang: str) -> str:
    """Escaped text, inside ``<span lang>`` unless it is English (the book's own language).

    >>> foreign("медиация", "ru")
    '<span lang="ru">медиация</span>'
    >>> foreign("R&D", "en")
    'R&amp;D'
    """
    escaped = html.escape(text, quote=False)
    return escaped if lang == "en" else f'<span lang="{lang}">{escaped}</span>'


def inline(text: str, link: Callable[[str], str] | None = None) -> str:
    """The CSV's free text as HTML: ``{ru:...}`` becomes a lang span, ``**...**`` bold, and a Markdown
    link to a page (its path from the repository root) a link through ``link``, or plain text.

    >>> inline('a synonym of {ru:посредничество}; **not** "used"')
    'a synonym of <span lang="ru">посредничество</span>; <strong>not</strong> "used"'
    >>> inline("see [Check the source](chapters/x/check_the_source.md)", lambda doc: doc + ".html")
    'see <a href="chapters/x/check_the_source.html">Check the source</a>'
    """
    out, last = [], 0
    for m in _INLINE.finditer(text):
        out.append(html.escape(text[last:m.start()], quote=False))
        if m["lang"]:
            out.append(foreign(m["foreign"], m["lang"]))
        elif m["bold"]:
            out.append(f"<strong>{html.escape(m['bold'], quote=False)}</strong>")
        elif link is None:
            out.append(html.escape(m["text"], quote=False))
        else:
            out.append(f'<a href="{html.escape(link(m["target"]))}">{html.escape(m["text"], quote=False)}</a>')
        last = m.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


def cell(row: dict, lang: str, link: Callable[[str], str] | None = None) -> str:
    """One language's cell: each form (in italics if it is ours) with its lines and note.

    >>> cell({"ky": "калыстык", "ky_lines": "", "ky_notes": "ours"}, "ky")
    '<em><span lang="ky">калыстык</span></em> (ours)'
    >>> cell({"ru": "", "ru_notes": "not printed"}, "ru")
    'not printed'
    """
    items = forms(row, lang)
    if not items:
        return inline(row.get(f"{lang}_notes", ""), link)
    shown = []
    for name, lines, note in items:
        text = foreign(name, lang)
        if note.startswith(OURS):
            text = f"<em>{text}</em>"
        extra = ", ".join(p for p in (lines, inline(note, link)) if p)
        shown.append(f"{text} ({extra})" if extra else text)
    return "; ".join(shown)


def languages(rows: list[dict]) -> list[str]:
    """Columns of a chapter's table: the article's language, English, then the others it prints.

    >>> languages([{"lang": "ru", "en": "x", "ru": "y", "kk": "", "kk_notes": "not printed", "ky": ""}])
    ['ru', 'en', 'kk']
    """
    used = [L for L in LANGUAGES if any(r.get(L) or r.get(f"{L}_notes") for r in rows)]
    first = rows[0]["lang"]
    return [first] + [L for L in ("en", *sorted(set(used) - {"en"})) if L in used and L != first]


def table_html(rows: list[dict], link: Callable[[str], str] | None = None) -> str:
    """The key-terms table of some rows of one chapter (one line per row, no blank line: one HTML block)."""
    langs = languages(rows)
    body_language = LANGUAGES[langs[0]]
    heads = [f"{LANGUAGES[L]} (as printed)" if L != "en" else "English" for L in langs]
    heads[0] += " \N{EM DASH} the article's language" if langs[0] != "en" else ""
    heads += ["What the term means (our definition)", "Note"]
    out = [f'<table class="docutils align-default ck-keyterms" data-language="{langs[0]}">',
           f"<caption>Key terms; the article is written in {body_language}. Forms in <em>italics</em> "
           "are ours, not printed by the article in that language.</caption>",
           "<thead><tr>" + "".join(f'<th class="head" scope="col">{h}</th>' for h in heads) + "</tr></thead>",
           "<tbody>"]
    for row in rows:
        cells = [cell(row, L, link) for L in langs] + [inline(row["definition"], link), inline(row["note"], link)]
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def chapter_title(chapter: str, root: Path = ROOT) -> str:
    """The title of a chapter: the first heading of its overview."""
    for line in (root / "chapters" / chapter / "index.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return chapter


def keyterms_html(chapter: str | None = None, link: Callable[[str], str] | None = None,
                  path: Path = CSV) -> str:
    """One chapter's table, or (``chapter=None``) every chapter's, each headed by a link to its overview.

    ``link`` maps a page's path from the repository root without suffix (``chapters/x/index``) to the
    URL to write; without it, links become plain text.
    """
    rows = terms(path)
    if chapter is not None:
        mine = [r for r in rows if r["chapter"] == chapter]
        if not mine:
            known = ", ".join(chapters(path))
            raise ValueError(f"no key terms for chapter {chapter!r} in {CSV.name}; chapters: {known}")
        return table_html(mine, link)
    parts = []
    for name in chapters(path):
        mine = [r for r in rows if r["chapter"] == name]
        title = html.escape(chapter_title(name), quote=False)
        heading = f'<a href="{html.escape(link(f"chapters/{name}/index"))}">{title}</a>' if link else title
        parts.append(f'<p class="ck-keyterms-chapter" id="glossary-{name}"><strong>Article {mine[0]["article"]}: '
                     f"{heading}</strong> ({len(mine)} terms)</p>")
        parts.append(table_html(mine, link))
    return "\n".join(parts)


# -- the student edition: replace the directive by its table ---------------------------------------

_FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{keyterms\}[ \t]*(?P<arg>[\w-]*)[ \t]*\n(?P<body>.*?)"
                    r"^(?P=fence)[ \t]*$\n?", re.M | re.S)


def notebook_link(base: str) -> Callable[[str], str]:
    """Links for a notebook in folder ``base`` (from the root) to the student edition's ``.ipynb`` copies.

    >>> notebook_link("chapters/mediation_law")("chapters/mediation_law/check_the_source")
    'check_the_source.ipynb'
    >>> notebook_link("")("chapters/bri_turkiye/index")
    'chapters/bri_turkiye/index.ipynb'
    """
    return lambda doc: posixpath.relpath(doc, base or ".") + ".ipynb"


def replace_keyterms(markdown: str) -> str:
    """Markdown with every ``{keyterms}`` block replaced by its HTML table (for JupyterLab).

    A chapter's block is read as a page of ``chapters/<chapter>/``; a block without argument as a page
    at the root of the course.

    >>> out = replace_keyterms("Intro.\\n\\n```{keyterms} israel_palestine\\n```\\n\\nAfter.\\n")
    >>> out.startswith("Intro.\\n\\n<table") and out.endswith("</table>\\n\\nAfter.\\n")
    True
    >>> '<span lang="kk">неореализм</span>' in out
    True
    """
    def table(m: re.Match) -> str:
        chapter = m["arg"] or None
        base = f"chapters/{chapter}" if chapter else ""
        return keyterms_html(chapter, notebook_link(base)) + "\n"

    return _FENCE.sub(table, markdown)


# -- the Sphinx directive ---------------------------------------------------------------------------

def _directive_class():
    from docutils import nodes
    from sphinx.util.docutils import SphinxDirective

    class KeyTerms(SphinxDirective):
        """``{keyterms} <chapter>``: that chapter's key-terms table; without argument, all chapters'."""

        optional_arguments = 1
        has_content = False

        def run(self):
            self.env.note_dependency(str(CSV))  # re-read the page when the glossary changes
            builder = self.env.app.builder
            here = self.env.docname

            def link(doc: str) -> str:
                return builder.get_relative_uri(here, doc)

            try:
                text = keyterms_html(self.arguments[0] if self.arguments else None, link)
            except ValueError as err:
                raise self.error(str(err)) from None
            return [nodes.raw("", text, format="html")]

    return KeyTerms


def setup(app):
    """Register ``{keyterms}`` (called from ``coursekit.sphinxext.setup``)."""
    app.add_directive("keyterms", _directive_class())
