"""The charts and views of the Israeli–Palestinian chapter pages (chapters/israel_palestine/).

``evidence.md`` draws the timeline of the turning points and the evidence matrix; ``explorer.md``
shows one card per turning point and one card per dimension. Every function takes the data frames the
page has loaded (``turning_points``, ``cells``, ``timeline``) and returns a figure or HTML.

    >>> from coursekit import load
    >>> cells = load("israel_palestine/turning_point_dimensions")
    >>> evidence_counts(cells).to_dict()
    {'explicit': 25, 'inferred': 0, 'silent': 3}
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import ListedColormap

from coursekit.charts import PALETTE, figure, new_figure, styled
from coursekit.widgets import card

DIMENSIONS = ["israeli", "palestinian", "regional", "international"]
LEVELS = ["explicit", "inferred", "silent"]
LEVEL_COLOURS = [PALETTE[0], PALETTE[1], "#dddddd"]


def short_label(label: str) -> str:
    """The part of a turning point's label before the colon, for axes and card rows.

    >>> short_label("1948: end of the Mandate, partition and war"), short_label("1967 War")
    ('1948', '1967 War')
    """
    return label.split(":")[0]


def in_order(turning_points):
    """The turning points in the article's order (the ``order`` column).

    >>> from coursekit import load
    >>> in_order(load("israel_palestine/turning_points")).order.tolist()
    [1, 2, 3, 4, 5, 6, 7]
    """
    return turning_points.sort_values("order")


def timeline_alt(turning_points, timeline) -> str:
    """The alt text of the timeline: the span of every turning point and the number of dated events.

    >>> from coursekit import load
    >>> alt = timeline_alt(load("israel_palestine/turning_points"), load("israel_palestine/timeline"))
    >>> alt.startswith("Timeline of the article's seven turning points from 1947 to 2025: 1948 (1947–1948);")
    True
    >>> "the 45 dated events" in alt
    True
    """
    tps = in_order(turning_points)
    dated = timeline.dropna(subset=["year"])
    spans = "; ".join(f"{short_label(t.label)} ({t.start_year}–{t.end_year})" for t in tps.itertuples())
    return (f"Timeline of the article's seven turning points from {tps.start_year.min()} to "
            f"{tps.end_year.max()}: {spans}. Dots mark the {len(dated)} dated events the article mentions; "
            "they cluster after 2000.")


@styled
def timeline_chart(turning_points, timeline):
    """One bar per turning point across its years, and a dot for each dated event in it.

    >>> from coursekit import load
    >>> chart = timeline_chart(load("israel_palestine/turning_points"), load("israel_palestine/timeline"))
    >>> chart.caption
    "The article's seven turning points and the dated events it mentions."
    >>> chart.alt.endswith("they cluster after 2000.")
    True
    """
    tps = in_order(turning_points)
    dated = timeline.dropna(subset=["year"])
    fig, ax = new_figure(8, 4.2)
    for i, tp in enumerate(tps.itertuples()):
        y = len(tps) - i
        ax.barh(y, tp.end_year - tp.start_year + 0.8, left=tp.start_year - 0.4, height=0.5, color=PALETTE[0])
        ax.text(tp.end_year + 1.5, y, short_label(tp.label), va="center", fontsize=9.5)
        events = dated[dated["tp_id"] == tp.tp_id]["year"]
        ax.plot(events, [y - 0.38] * len(events), "o", color=PALETTE[3], markersize=4)
    ax.set_yticks([])
    ax.set_xlim(1940, 2040)
    ax.set_xlabel("Year")
    ax.set_title("Seven turning points, 1947–2025")
    ax.grid(axis="y", visible=False)
    return figure(fig, alt=timeline_alt(turning_points, timeline),
                  caption="The article's seven turning points and the dated events it mentions.",
                  source="our coding of the article, lines 381–390 and 419–835 (data/israel_palestine)")


def evidence_counts(cells):
    """The number of coded cells at each level of evidence, in the order explicit, inferred, silent.

    >>> from coursekit import load
    >>> cells = load("israel_palestine/turning_point_dimensions")
    >>> counts = evidence_counts(cells)
    >>> list(counts.index), int(counts.sum()) == len(cells)
    (['explicit', 'inferred', 'silent'], True)
    """
    return cells["evidence"].value_counts().reindex(LEVELS, fill_value=0)


def evidence_matrix(cells, turning_points):
    """The case matrix: one row per turning point (in order), one column per dimension, the evidence level.

    >>> from coursekit import load
    >>> matrix = evidence_matrix(load("israel_palestine/turning_point_dimensions"),
    ...                          load("israel_palestine/turning_points"))
    >>> matrix.shape, matrix.loc["oslo", "regional"]
    ((7, 4), 'silent')
    """
    matrix = cells.pivot(index="tp_id", columns="dimension", values="evidence")
    return matrix.loc[in_order(turning_points).tp_id, DIMENSIONS]


def matrix_alt(cells) -> str:
    """The alt text of the evidence matrix: how many cells are explicit, inferred and silent, and where.

    >>> from coursekit import load
    >>> alt = matrix_alt(load("israel_palestine/turning_point_dimensions"))
    >>> alt.startswith("Matrix of 7 turning points by 4 dimensions. Of 28 cells, 25 are stated explicitly")
    True
    >>> alt.endswith("0 inferred and 3 silent. Silent cells: 3 in the regional dimension.")
    True
    """
    counts = evidence_counts(cells)
    by_dim = cells[cells.evidence == "silent"]["dimension"].value_counts()
    silent = ("Silent cells: " + ", ".join(f"{n} in the {d} dimension" for d, n in by_dim.items()) + "."
              if len(by_dim) else "No cell is silent.")
    return (f"Matrix of {cells.tp_id.nunique()} turning points by {len(DIMENSIONS)} dimensions. "
            f"Of {len(cells)} cells, {counts['explicit']} are stated explicitly, {counts['inferred']} inferred "
            f"and {counts['silent']} silent. {silent}")


@styled
def evidence_matrix_chart(cells, turning_points):
    """The case matrix as a grid of coloured cells, each labelled with its level of evidence.

    >>> from coursekit import load
    >>> chart = evidence_matrix_chart(load("israel_palestine/turning_point_dimensions"),
    ...                               load("israel_palestine/turning_points"))
    >>> chart.source
    'our coding, data/israel_palestine/turning_point_dimensions.csv'
    >>> "3 in the regional dimension" in chart.alt
    True
    """
    matrix = evidence_matrix(cells, turning_points)
    codes = matrix.map(LEVELS.index).to_numpy()
    fig, ax = new_figure(7.5, 4.4)
    ax.imshow(codes, cmap=ListedColormap(LEVEL_COLOURS), vmin=0, vmax=2, aspect="auto")
    for (r, c), code in np.ndenumerate(codes):
        ax.text(c, r, LEVELS[code], ha="center", va="center", fontsize=9,
                color="white" if code == 0 else "black")
    ax.set_xticks(range(len(DIMENSIONS)), [d.capitalize() for d in DIMENSIONS])
    ax.set_yticks(range(len(matrix)), [short_label(label) for label in in_order(turning_points).label])
    ax.tick_params(length=0)
    ax.grid(False)
    ax.set_title("Evidence the article gives, by turning point and dimension")
    return figure(fig, alt=matrix_alt(cells),
                  caption="Our reconstruction of the article's case matrix: where it states evidence, "
                          "where we infer it, and where it is silent.",
                  source="our coding, data/israel_palestine/turning_point_dimensions.csv")


def badge(status: str) -> str:
    """An evidence level as a small coloured badge (styled by the course CSS).

    >>> badge("silent")
    "<span class='ck-badge ck-silent'>silent</span>"
    """
    return f"<span class='ck-badge ck-{status}'>{status}</span>"


def coded_cell(cells, tp_id: str, dimension: str):
    """The one coded cell of a turning point and a dimension (a row of ``cells``).

    >>> from coursekit import load
    >>> coded_cell(load("israel_palestine/turning_point_dimensions"), "oslo", "regional").evidence
    'silent'
    """
    return cells[(cells.tp_id == tp_id) & (cells.dimension == dimension)].iloc[0]


def turning_point_view(tp, cells) -> str:
    """The card of one turning point (a row from ``turning_points.itertuples()``): pressures, filters,
    outcome, and the finding on each dimension with its evidence badge and lines.

    >>> from coursekit import load
    >>> tp = next(load("israel_palestine/turning_points").itertuples())
    >>> view = turning_point_view(tp, load("israel_palestine/turning_point_dimensions"))
    >>> view.count("<tr>"), "1947–1948" in view
    (8, True)
    """
    rows = [
        ("Years", f"{tp.start_year}–{tp.end_year}"),
        ("System-level pressures", tp.systemic_pressures),
        ("Domestic filters", tp.domestic_filters),
        ("Outcome", tp.outcome),
    ]
    for dim in DIMENSIONS:
        cell = coded_cell(cells, tp.tp_id, dim)
        finding = cell.finding or "<em>The article is silent on this dimension here.</em>"
        lines = f" <small>(lines {cell.source_lines})</small>" if cell.source_lines else ""
        rows.append((f"{dim.capitalize()} dimension", f"{badge(cell.evidence)} {finding}{lines}"))
    return card(tp.label, rows, note=f"Article lines {tp.source_lines}. Paraphrases are ours.")


def turning_point_views(turning_points, cells) -> dict[str, str]:
    """One card per turning point, keyed by its label, in the article's order (for :func:`explorer`).

    >>> from coursekit import load
    >>> views = turning_point_views(load("israel_palestine/turning_points"),
    ...                             load("israel_palestine/turning_point_dimensions"))
    >>> len(views), list(views)[0]
    (7, '1948: end of the Mandate, partition and war')
    """
    return {tp.label: turning_point_view(tp, cells) for tp in in_order(turning_points).itertuples()}


def dimension_view(dim: str, turning_points, cells) -> str:
    """The card of one dimension: its finding and evidence badge at every turning point.

    >>> from coursekit import load
    >>> view = dimension_view("regional", load("israel_palestine/turning_points"),
    ...                       load("israel_palestine/turning_point_dimensions"))
    >>> view.count("<tr>"), view.count("ck-silent")
    (7, 3)
    """
    rows = []
    for tp in in_order(turning_points).itertuples():
        cell = coded_cell(cells, tp.tp_id, dim)
        text = cell.finding or "<em>silent</em>"
        rows.append((short_label(tp.label), f"{badge(cell.evidence)} {text}"))
    return card(f"The {dim} dimension at each turning point", rows)


def dimension_views(turning_points, cells) -> dict[str, str]:
    """One card per dimension, keyed by its capitalised name (for :func:`explorer`).

    >>> from coursekit import load
    >>> list(dimension_views(load("israel_palestine/turning_points"),
    ...                      load("israel_palestine/turning_point_dimensions")))
    ['Israeli', 'Palestinian', 'Regional', 'International']
    """
    return {dim.capitalize(): dimension_view(dim, turning_points, cells) for dim in DIMENSIONS}
