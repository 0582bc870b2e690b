"""One chart style for the whole course, and figures that always carry alt text and their source.

Draw with matplotlib as usual, then hand the figure to :func:`figure`:

    >>> fig, ax = new_figure()
    >>> ax.bar(["a", "b"], [1, 2])
    >>> figure(fig, alt="Bar chart: b (2) is twice a (1).", caption="Two bars.", source="Table 1, line 40")

:func:`figure` renders the chart as an SVG ``<img>`` with the alt text you give, inside a
``<figure>`` with a caption that names the source. Because the alt text is written in code beside
the numbers (not in cell metadata), the same accessible figure appears in JupyterLab, in the built
book and inside widget views, and it can be computed from the data so it never drifts from them.
"""

from __future__ import annotations

import base64
import html
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# A colour-blind-safe palette (Okabe & Ito) and a quiet, readable style.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
STYLE = {
    "figure.figsize": (7.5, 4.0),
    "figure.dpi": 100,
    "font.size": 10.5,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "legend.frameon": False,
    "svg.fonttype": "none",   # keep text as text: smaller files, selectable, searchable
    "svg.hashsalt": "coursekit",  # identical figures give identical SVG (stable builds)
}
plt.rcParams.update(STYLE)

MIN_ALT_LENGTH = 25


class FigureError(ValueError):
    """A figure without meaningful alt text or caption."""


def new_figure(width: float = 7.5, height: float = 4.0, **kwargs):
    """A new figure and axes in the course style."""
    return plt.subplots(figsize=(width, height), **kwargs)


def _svg_bytes(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    return buffer.getvalue()


class Figure:
    """A rendered chart with alt text, caption and source. Displays as HTML in notebooks and the book."""

    def __init__(self, svg: bytes, alt: str, caption: str, source: str):
        self.svg, self.alt, self.caption, self.source = svg, alt, caption, source

    def html(self) -> str:
        data = base64.b64encode(self.svg).decode("ascii")
        source = f' <span class="ck-source">Source: {html.escape(self.source)}.</span>' if self.source else ""
        return (
            '<figure class="ck-figure">'
            f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(self.alt, quote=True)}" '
            'style="max-width:100%;height:auto">'
            f"<figcaption>{html.escape(self.caption)}{source}</figcaption>"
            "</figure>"
        )

    def _repr_html_(self) -> str:
        return self.html()

    def __repr__(self) -> str:
        return f"<Figure: {self.caption} | alt: {self.alt}>"


def figure(fig, *, alt: str, caption: str, source: str = "") -> Figure:
    """Turn a matplotlib figure into an accessible, captioned figure (and close the original).

    ``alt`` says what the chart shows (the pattern and the key numbers), not what it is
    ("a chart"). ``source`` names the table, figure or lines of the article it comes from.
    """
    if not isinstance(alt, str) or len(alt.strip()) < MIN_ALT_LENGTH:
        plt.close(fig)
        raise FigureError(
            f"alt text must describe what the chart shows in at least {MIN_ALT_LENGTH} characters; got {alt!r}"
        )
    if not caption or not caption.strip():
        plt.close(fig)
        raise FigureError("every figure needs a caption")
    svg = _svg_bytes(fig)
    plt.close(fig)
    return Figure(svg, alt.strip(), caption.strip(), source.strip())
