"""The charts and views of the Israeli–Palestinian chapter pages (chapters/israel_palestine/).

``evidence.md`` draws the timeline of the turning points and the evidence matrix; ``explorer.md``
shows one card per turning point and one card per dimension. Every function takes the data frames the
page has loaded (``turning_points``, ``cells``, ``timeline``) and returns a figure or HTML.

    >>> from coursekit import load
    >>> cells = load("israel_palestine/turning_point_dimensions")
    >>> evidence_counts(cells).to_dict()
    {'explicit': 21, 'narrative': 4, 'inferred': 0, 'silent': 3}
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import ListedColormap

from coursekit.charts import PALETTE, figure, new_figure, numbered, styled
from coursekit.widgets import card

# The chapter's charts, numbered in the order its pages show them (Figure <chapter>.<n>).
FIGURES = numbered("israel_palestine", ["timeline", "evidence-matrix"])

DIMENSIONS = ["israeli", "palestinian", "regional", "international"]
# Where the article states a cell: in the theory-guided application (689-835), only in the historical
# narrative (419-687), only by our inference, or nowhere.
LEVELS = ["explicit", "narrative", "inferred", "silent"]
LEVEL_LABELS = {"explicit": "application", "narrative": "narrative only", "inferred": "inferred",
                "silent": "silent"}
LEVEL_COLOURS = [PALETTE[0], "#8fd1b5", PALETTE[1], "#dddddd"]
# course.css styles ck-explicit, ck-inferred and ck-silent; the narrative badge carries its own colours.
BADGE_STYLE = {"narrative": " style='background:#dff3e8;color:#00482f'"}


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


def timeline_groups(turning_points, timeline) -> dict[str, int]:
    """How the dated events fall: on their turning point's bar, assigned to a turning point but outside its
    years (an aftermath or prelude the article links to it), or not part of any turning point.

    >>> from coursekit import load
    >>> timeline_groups(load("israel_palestine/turning_points"), load("israel_palestine/timeline"))
    {'dated': 43, 'on_bar': 29, 'outside_bar': 4, 'no_turning_point': 10}
    """
    dated = timeline.dropna(subset=["year"])
    spans = in_order(turning_points).set_index("tp_id")[["start_year", "end_year"]]
    assigned = dated[dated["tp_id"].fillna("") != ""]
    on_bar = sum(spans.start_year[t] <= y <= spans.end_year[t] for t, y in zip(assigned.tp_id, assigned.year))
    return {"dated": len(dated), "on_bar": int(on_bar), "outside_bar": len(assigned) - int(on_bar),
            "no_turning_point": len(dated) - len(assigned)}


def timeline_alt(turning_points, timeline) -> str:
    """The alt text of the timeline: the span of every turning point and how the dated events fall.

    >>> from coursekit import load
    >>> alt = timeline_alt(load("israel_palestine/turning_points"), load("israel_palestine/timeline"))
    >>> alt.startswith("Timeline of the article's seven turning points from 1947 to 2025: 1948 (1947–1948);")
    True
    >>> "Of the 43 dated events the article mentions, 29 fall on their turning point's bar" in alt
    True
    """
    tps = in_order(turning_points)
    g = timeline_groups(turning_points, timeline)
    spans = "; ".join(f"{short_label(t.label)} ({t.start_year}–{t.end_year})" for t in tps.itertuples())
    return (f"Timeline of the article's seven turning points from {tps.start_year.min()} to "
            f"{tps.end_year.max()}: {spans}. Of the {g['dated']} dated events the article mentions, "
            f"{g['on_bar']} fall on their turning point's bar (filled dots), {g['outside_bar']} are linked to a "
            f"turning point but lie outside its years (hollow dots), and {g['no_turning_point']} belong to no "
            "turning point (bottom row). The events cluster after 2000.")


@styled
def timeline_chart(turning_points, timeline):
    """One bar per turning point across its years; every dated event as a dot: filled on its turning point's
    bar, hollow when linked to a turning point but outside its years, and on a bottom row when it belongs to
    none.

    >>> from coursekit import load
    >>> chart = timeline_chart(load("israel_palestine/turning_points"), load("israel_palestine/timeline"))
    >>> chart.caption.startswith("The article's seven turning points and all 43 dated events it mentions")
    True
    >>> chart.alt.endswith("The events cluster after 2000.")
    True
    """
    tps = in_order(turning_points)
    dated = timeline.dropna(subset=["year"])
    g = timeline_groups(turning_points, timeline)
    fig, ax = new_figure(8, 4.6)
    for i, tp in enumerate(tps.itertuples()):
        y = len(tps) - i
        ax.barh(y, tp.end_year - tp.start_year + 0.8, left=tp.start_year - 0.4, height=0.5, color=PALETTE[0])
        ax.text(max(tp.end_year, dated[dated["tp_id"] == tp.tp_id]["year"].max()) + 1.5, y,
                short_label(tp.label), va="center", fontsize=9.5)
        events = dated[dated["tp_id"] == tp.tp_id]["year"]
        inside = events.between(tp.start_year, tp.end_year)
        ax.plot(events[inside], [y - 0.38] * int(inside.sum()), "o", color=PALETTE[3], markersize=4)
        ax.plot(events[~inside], [y - 0.38] * int((~inside).sum()), "o", markerfacecolor="white",
                markeredgecolor=PALETTE[3], markersize=5)
    loose = dated[dated["tp_id"].fillna("") == ""]["year"]
    ax.plot(loose, [0] * len(loose), "o", color="#555555", markersize=4)
    ax.text(loose.max() + 1.5, 0, "no turning point", va="center", fontsize=9.5)
    ax.set_yticks([])
    ax.set_ylim(-0.8, len(tps) + 0.6)
    ax.set_xlim(1875, 2045)
    ax.set_xlabel("Year")
    ax.set_title("Seven turning points and the dated events, 1881–2025")
    ax.grid(axis="y", visible=False)
    return figure(fig, ref=FIGURES["timeline"], alt=timeline_alt(turning_points, timeline),
                  caption=f"The article's seven turning points and all {g['dated']} dated events it mentions: "
                          f"{g['on_bar']} on their turning point's bar, {g['outside_bar']} linked to a turning "
                          f"point but outside its years (hollow), {g['no_turning_point']} outside every "
                          "turning point (bottom row).",
                  source="our coding of the article, lines 381–390 and 419–835 (data/israel_palestine)")


def evidence_counts(cells):
    """The number of coded cells at each level of evidence, in the order of ``LEVELS``.

    >>> from coursekit import load
    >>> cells = load("israel_palestine/turning_point_dimensions")
    >>> counts = evidence_counts(cells)
    >>> list(counts.index), int(counts.sum()) == len(cells)
    (['explicit', 'narrative', 'inferred', 'silent'], True)
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
    """The alt text of the evidence matrix: how many cells are at each level, and where the gaps are.

    >>> from coursekit import load
    >>> alt = matrix_alt(load("israel_palestine/turning_point_dimensions"))
    >>> alt.startswith("Matrix of 7 turning points by 4 dimensions. Of 28 cells, 21 are stated in the "
    ...                "theory-guided application, 4 only in the historical narrative, 0 inferred and 3 silent.")
    True
    >>> alt.endswith("Silent cells: 3 in the regional dimension.")
    True
    """
    counts = evidence_counts(cells)
    def where(level):
        by_dim = cells[cells.evidence == level]["dimension"].value_counts()
        return ", ".join(f"{n} in the {d} dimension" for d, n in by_dim.items())
    narrative = f" Narrative-only cells: {where('narrative')}." if counts["narrative"] else ""
    silent = f" Silent cells: {where('silent')}." if counts["silent"] else " No cell is silent."
    return (f"Matrix of {cells.tp_id.nunique()} turning points by {len(DIMENSIONS)} dimensions. "
            f"Of {len(cells)} cells, {counts['explicit']} are stated in the theory-guided application, "
            f"{counts['narrative']} only in the historical narrative, {counts['inferred']} inferred "
            f"and {counts['silent']} silent.{narrative}{silent}")


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
    ax.imshow(codes, cmap=ListedColormap(LEVEL_COLOURS), vmin=0, vmax=len(LEVELS) - 1, aspect="auto")
    for (r, c), code in np.ndenumerate(codes):
        ax.text(c, r, LEVEL_LABELS[LEVELS[code]], ha="center", va="center", fontsize=9,
                color="white" if code == 0 else "black")
    ax.set_xticks(range(len(DIMENSIONS)), [d.capitalize() for d in DIMENSIONS])
    ax.set_yticks(range(len(matrix)), [short_label(label) for label in in_order(turning_points).label])
    ax.tick_params(length=0)
    ax.grid(False)
    ax.set_title("Evidence the article gives, by turning point and dimension")
    return figure(fig, ref=FIGURES["evidence-matrix"], alt=matrix_alt(cells),
                  caption="Our reconstruction of the article's case matrix: whether each cell is stated in "
                          "the theory-guided application (lines 689–835), only in the historical narrative "
                          "(lines 419–687), inferred by us, or not at all.",
                  source="our coding, data/israel_palestine/turning_point_dimensions.csv")


def badge(status: str) -> str:
    """An evidence level as a small coloured badge (styled by the course CSS), with its display label.

    >>> badge("silent")
    "<span class='ck-badge ck-silent'>silent</span>"
    >>> badge("explicit")
    "<span class='ck-badge ck-explicit'>application</span>"
    >>> "narrative only" in badge("narrative")
    True
    """
    return f"<span class='ck-badge ck-{status}'{BADGE_STYLE.get(status, '')}>{LEVEL_LABELS[status]}</span>"


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
    return card(tp.label, rows, note=f"Article lines {tp.source_lines}. Paraphrases are ours; the article's own "
                                     "words are in quotation marks with their lines. Badges: application = "
                                     "stated in the theory-guided application; narrative only = stated only in "
                                     "the historical narrative.")


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
        text = cell.finding or "<em>The article says nothing here.</em>"
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
