"""Checkers for the exercises of the Israeli–Palestinian chapter (exercises/israel_palestine.md).

Expected answers are computed from the coded data, so they stay right if the coding is revised.
"""

import pandas as pd

from ..checks import Feedback, call_student, exercise, expect_columns, expect_frame, expect_number
from ..data import load

DIMENSIONS = ["israeli", "palestinian", "regional", "international"]
# Exercise 3 applies the framework to another conflict: the two parties are named by capability only.
OTHER_CASE_DIMENSIONS = ["stronger_party", "weaker_party", "regional", "international"]
# Exercise 3 codes a conflict from the student's own sources, not from an article with a narrative and an
# application section, so its evidence levels are the three that apply there (the chapter's coding adds
# "narrative").
EVIDENCE = ["explicit", "inferred", "silent"]


def _cells() -> pd.DataFrame:
    return load("israel_palestine/turning_point_dimensions")


@exercise("israel_palestine.silent_by_dimension")
def silent_by_dimension(answer):
    cells = _cells()
    expected = (cells.assign(silent_cells=cells.evidence.eq("silent"))
                     .groupby("dimension", as_index=False)["silent_cells"].sum())
    expected["silent_cells"] = expected["silent_cells"].astype(int)
    return expect_frame(answer, expected, what="Your table", sort_by=["dimension"],
                        hint="Count rows where evidence == 'silent', grouped by dimension; "
                             "keep dimensions with zero silent cells too.")


@exercise("israel_palestine.explicit_share")
def explicit_share(func):
    cells = _cells()
    for dim in DIMENSIONS:
        got, problem = call_student(func, cells, dim)
        if problem is not None:
            return problem
        sub = cells[cells.dimension == dim]
        want = float((sub.evidence == "explicit").mean())
        result = expect_number(got, want, what=f"explicit_share(cells, {dim!r})",
                               hint="Divide the explicit cells of that dimension by all its cells "
                                    "(a share between 0 and 1, not a percentage).")
        if not result:
            return result
    return Feedback(True, "Your function gives the right share for all four dimensions.")


@exercise("israel_palestine.events_inside_turning_points")
def events_inside(answer):
    timeline = load("israel_palestine/timeline")
    tps = load("israel_palestine/turning_points")
    years = timeline["year"].dropna()
    inside = years.apply(lambda y: bool(((tps.start_year <= y) & (y <= tps.end_year)).any()))
    return expect_number(answer, int(inside.sum()), what="The number of dated events inside a turning point",
                         hint="Use the `year` column (drop events with no year) and count those with "
                              "start_year <= year <= end_year for at least one turning point.")


@exercise("israel_palestine.framework_coding")
def framework_coding(answer):
    """Structure check for exercise 3: a coding of another conflict in the article's framework."""
    problem = expect_columns(answer, ["turning_point", "dimension", "finding", "evidence", "source"],
                             what="Your coding")
    if problem is not None:
        return problem
    if answer.empty:
        return Feedback(False, "Your coding has no rows yet.")
    bad_dim = sorted(set(answer.dimension) - set(OTHER_CASE_DIMENSIONS))
    if bad_dim:
        return Feedback(False, f"Unknown dimension(s) {bad_dim}; use {OTHER_CASE_DIMENSIONS}.")
    bad_ev = sorted(set(answer.evidence) - set(EVIDENCE))
    if bad_ev:
        return Feedback(False, f"Unknown evidence value(s) {bad_ev}; use {EVIDENCE}.")
    n_tp = answer.turning_point.nunique()
    if n_tp < 3:
        return Feedback(False, f"You coded {n_tp} turning point(s); code at least three.")
    for tp, group in answer.groupby("turning_point"):
        lacking = sorted(set(OTHER_CASE_DIMENSIONS) - set(group.dimension))
        if lacking:
            return Feedback(False, f"Turning point {tp!r} has no row for {', '.join(lacking)}: "
                                   "add it, and mark it 'silent' if your sources say nothing.")
    unsourced = answer[(answer.evidence != "silent") & answer.source.fillna("").str.strip().eq("")]
    if len(unsourced):
        first = unsourced.iloc[0]
        return Feedback(False, f"{len(unsourced)} non-silent row(s) have no source, e.g. "
                               f"{first.turning_point!r} / {first.dimension!r}. Every claim needs one.")
    return Feedback(True, f"Your coding is complete: {n_tp} turning points x 4 dimensions, every claim "
                          "sourced. Now write up what it shows.")
