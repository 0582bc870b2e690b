"""Build-time: numbered charts get a label pages can link to, and every link must say the right number.

A chart made with ``figure(..., ref=FIGURES["trade"])`` (see :mod:`coursekit.charts`) carries
``data-ck-label`` and ``data-ck-number`` in its HTML output, and an explorer's output names the numbered
figures its views show. Reading a page, :class:`FigureTargets` puts a target with each label before
the output that shows it, once per label, so the page prose can write ``[Figure 4.1](#fig-...)`` and
MyST resolves the link from any page of the book. A plain Markdown link also reads well in JupyterLab,
where there is no Sphinx to fill in a number; so the number is written in the link text, and
:func:`check_figure_links` fails the build (a warning, under ``-W``) when the text does not say the
number of the figure the link points to.

Why not Sphinx's own ``{numref}`` and numbered ``figure`` nodes: JupyterLab cannot resolve a
``{numref}`` to an output of another notebook, and Sphinx numbers figures per page unless the whole
table of contents is numbered; the course numbers them per chapter, the same in JupyterLab and the book.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .figlabels import labels_in

logger = logging.getLogger(__name__)


class FigureTargets(SphinxTransform):
    """Put a target before each cell output that shows a numbered figure (runs after parsing)."""

    default_priority = 500

    def apply(self) -> None:
        figures = self.env.coursekit_figures
        for bundle in list(self.document.findall(nodes.container)):
            if bundle.get("mime_type") != "text/html":
                continue
            output = bundle.parent if bundle.parent.get("nb_element") == "mime_bundle" else bundle
            for label, number in labels_in(bundle.astext()):
                if label in self.document.ids:  # an explorer and its views: one target per label
                    continue
                target = nodes.target("", "", ids=[label], names=[label])
                output.parent.insert(output.parent.index(output), target)
                self.document.note_explicit_target(target)
                figures[label] = (self.env.docname, number)


def check_figure_links(app, doctree, docname: str) -> None:
    """Every link to a figure label must read "Figure <its number>"."""
    figures = app.env.coursekit_figures
    for ref in doctree.findall(nodes.reference):
        anchor = ref.get("refid") or ref.get("refuri", "").partition("#")[2]
        if anchor not in figures:
            continue
        expected = f"Figure {figures[anchor][1]}"
        if ref.astext() != expected:
            logger.warning(f"the link to {anchor} says {ref.astext()!r}, but that figure is {expected}",
                           location=ref)


def _init(app) -> None:
    if not hasattr(app.env, "coursekit_figures"):
        app.env.coursekit_figures = {}


def _purge(app, env, docname: str) -> None:
    figures = getattr(env, "coursekit_figures", {})
    for label in [k for k, (doc, _) in figures.items() if doc == docname]:
        del figures[label]


def _merge(app, env, docnames, other) -> None:
    """Parallel reading: take the figures of the pages another process read."""
    env.coursekit_figures.update({k: v for k, v in getattr(other, "coursekit_figures", {}).items()
                                  if v[0] in docnames})


def setup(app) -> None:
    app.connect("builder-inited", _init)
    app.add_transform(FigureTargets)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("doctree-resolved", check_figure_links)
