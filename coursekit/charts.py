"""One chart style for the whole course, and figures that always carry alt text and their source.

Chapter code draws in a function decorated with :func:`styled`, on a figure from :func:`new_figure`,
and hands the result to :func:`figure`:

    >>> @styled
    ... def two_bars():
    ...     fig, ax = new_figure(4, 3)
    ...     ax.bar(["a", "b"], [1, 2])
    ...     return figure(fig, alt="Bar chart: b (2) is twice a (1).", caption="Two bars.",
    ...                   source="Table 1, line 40")
    >>> two_bars()
    <Figure: Two bars. | alt: Bar chart: b (2) is twice a (1).>

A chapter numbers its figures once, in the order its pages show them, with :func:`numbered`, and
passes each figure its reference (``ref=FIGURES["trade"]``): the caption then starts "Figure 4.1."
and the book gives the figure a label that pages link to as ``[Figure 4.1](#fig-kazakhstan-china-food-trade)``.
The build checks that every such link says the number of the figure it points to.

:func:`figure` renders the chart as an SVG ``<img>`` with the alt text you give, inside a
``<figure>`` with a caption that names the source. Because the alt text is written in code beside
the numbers (not in cell metadata), the same accessible figure appears in JupyterLab, in the built
book and inside widget views, and it can be computed from the data so it never drifts from them.

No side effects: this module never imports pyplot, never switches the backend and never touches the
global ``rcParams``. Figures are ``matplotlib.figure.Figure`` objects (the object API), and the course
style (``styles/course.mplstyle``) is applied only while coursekit draws, inside
``matplotlib.style.context``. A student's own ``plt.plot(...); plt.show()`` is unaffected.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import html
import io
from pathlib import Path
from typing import NamedTuple

import matplotlib.style
from matplotlib.figure import Figure as MplFigure

from .figlabels import attributes

STYLE_FILE = Path(__file__).resolve().parent / "styles" / "course.mplstyle"
# The style file's palette (Okabe & Ito, colour-blind safe), for code that picks colours by hand.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

MIN_ALT_LENGTH = 25


class FigureError(ValueError):
    """A figure without meaningful alt text or caption."""


class FigureRef(NamedTuple):
    """A figure's number (``"4.1"``) and its label in the book (``"fig-kazakhstan-china-food-trade"``)."""

    label: str
    number: str

    def __str__(self) -> str:
        return f"Figure {self.number}"


def numbered(chapter: str, names: list[str], prefix: str | None = None) -> dict[str, FigureRef]:
    """Number a chapter's figures: Figure <chapter>.<position>, in the order its pages show them.
    A course-wide page gives its own ``prefix`` instead of a chapter number.

    >>> figures = numbered("kazakhstan_china_food", ["trade", "share"])
    >>> figures["share"]
    FigureRef(label='fig-kazakhstan-china-food-share', number='4.2')
    >>> print(figures["trade"])
    Figure 4.1
    >>> print(numbered("comparison", ["criteria"], prefix="C")["criteria"])
    Figure C.1
    """
    from .data import chapter_article  # the chapter's number is its article's

    if len(set(names)) != len(names):
        raise FigureError(f"figure names repeat in {names}")
    chapter_no = prefix or chapter_article(chapter)
    slug = chapter.replace("_", "-")
    return {name: FigureRef(f"fig-{slug}-{name}", f"{chapter_no}.{i}") for i, name in enumerate(names, start=1)}


@contextlib.contextmanager
def course_style():
    """Apply the course style to everything drawn inside the ``with`` block, and only there."""
    with matplotlib.style.context(STYLE_FILE):
        yield


def styled(draw):
    """Decorator: run a drawing function inside :func:`course_style` (fonts, colours, grid)."""
    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        with course_style():
            return draw(*args, **kwargs)
    return wrapper


def new_figure(width: float = 7.5, height: float = 4.0, **subplots):
    """A new figure and its axes (``subplots`` as in ``Figure.subplots``: nrows, ncols, sharex...).

    The figure is not registered with pyplot, so it never shows up on its own in a notebook and
    never needs closing. Call it inside a :func:`styled` function to get the course style.

    >>> fig, (top, bottom) = new_figure(6, 4, nrows=2)
    >>> type(fig).__name__, len(fig.axes)
    ('Figure', 2)
    """
    fig = MplFigure(figsize=(width, height))
    return fig, fig.subplots(**subplots)


def _svg_bytes(fig) -> bytes:
    buffer = io.BytesIO()
    with course_style():  # svg.fonttype and svg.hashsalt: text stays text, output is reproducible
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    return buffer.getvalue()


class Figure:
    """A rendered chart with alt text, caption and source. Displays as HTML in notebooks and the book."""

    def __init__(self, svg: bytes, alt: str, caption: str, source: str, ref: FigureRef | None = None):
        self.svg, self.alt, self.caption, self.source, self.ref = svg, alt, caption, source, ref

    def html(self) -> str:
        data = base64.b64encode(self.svg).decode("ascii")
        source = f' <span class="ck-source">Source: {html.escape(self.source)}.</span>' if self.source else ""
        # The label is a data attribute, not an id: the book puts the id on a target of its own (one per
        # label even where an explorer holds several views of the same figure), see coursekit.sphinxext.
        label = attributes(self.ref.label, self.ref.number) if self.ref else ""
        number = f'<span class="ck-fignum">{self.ref}.</span> ' if self.ref else ""
        return (
            f'<figure class="ck-figure"{label}>'
            f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(self.alt, quote=True)}" '
            'style="max-width:100%;height:auto">'
            f"<figcaption>{number}{html.escape(self.caption)}{source}</figcaption>"
            "</figure>"
        )

    def _repr_html_(self) -> str:
        return self.html()

    def __repr__(self) -> str:
        number = f"{self.ref}. " if self.ref else ""
        return f"<Figure: {number}{self.caption} | alt: {self.alt}>"


def figure(fig, *, alt: str, caption: str, source: str = "", ref: FigureRef | None = None) -> Figure:
    """Turn a matplotlib figure into an accessible, captioned figure.

    ``alt`` says what the chart shows (the pattern and the key numbers), not what it is
    ("a chart"). ``source`` names the table, figure or lines of the article it comes from.
    ``ref`` (from :func:`numbered`) gives it its number and label.

    >>> fig, ax = new_figure()
    >>> figure(fig, alt="a chart", caption="Nothing.")
    Traceback (most recent call last):
    ...
    coursekit.charts.FigureError: alt text must describe what the chart shows in at least 25 characters; got 'a chart'
    """
    if not isinstance(alt, str) or len(alt.strip()) < MIN_ALT_LENGTH:
        raise FigureError(
            f"alt text must describe what the chart shows in at least {MIN_ALT_LENGTH} characters; got {alt!r}"
        )
    if not caption or not caption.strip():
        raise FigureError("every figure needs a caption")
    return Figure(_svg_bytes(fig), alt.strip(), caption.strip(), source.strip(), ref)
