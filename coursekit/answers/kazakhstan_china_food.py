"""Checkers for the exercises of the Kazakhstan–China chapter (exercises/kazakhstan_china_food.md).

Expected answers are computed from data/kazakhstan_china_food/, so they follow the transcription.
"""

import pandas as pd

from ..checks import Feedback, exercise, expect_columns, expect_frame, expect_number
from ..data import load

GRID_SIDES = ["risk", "benefit"]


def _china_trade() -> pd.DataFrame:
    t1 = load("kazakhstan_china_food/table1_trade_china_share")
    out = t1[["year", "year_per_prose"]].copy()
    out["china_trade_usd_million"] = t1.turnover_usd_million * t1.china_share_turnover_percent / 100
    return out


@exercise("kazakhstan_china_food.china_trade")
def china_trade(answer):
    expected = _china_trade()[["year", "china_trade_usd_million"]]
    return expect_frame(answer, expected, what="Your table", sort_by=["year"],
                        hint="Multiply turnover_usd_million by china_share_turnover_percent / 100 for every "
                             "row; keep the printed year in a column called 'year'.")


@exercise("kazakhstan_china_food.gap_2022")
def gap_2022(answer):
    facts = load("kazakhstan_china_food/prose_facts")
    stated = facts[facts.quantity.str.startswith("Kazakhstan's trade with China") & (facts.year == "2022")]
    text_value = float(stated.value.iloc[0]) * 1000  # USD billion -> USD million
    computed = _china_trade().set_index("year_per_prose").loc[2022, "china_trade_usd_million"]
    return expect_number(answer, text_value - computed, tolerance=1e-3,
                         what="The gap for 2022 (text minus table, USD million)",
                         hint="Use the table row the text dates 2022 (year_per_prose == 2022), convert the "
                              "text's USD billion to USD million, and subtract the table's figure from it.")


@exercise("kazakhstan_china_food.lease_grid")
def lease_grid(answer):
    """Structure check for exercise 3: a risk/benefit grid for another land-lease case."""
    problem = expect_columns(answer, ["side", "dimension", "claim", "source"], what="Your grid")
    if problem is not None:
        return problem
    bad = sorted(set(answer.side) - set(GRID_SIDES))
    if bad:
        return Feedback(False, f"Unknown side(s) {bad}; use 'risk' or 'benefit'.")
    counts = answer.side.value_counts()
    for side in GRID_SIDES:
        if counts.get(side, 0) < 2:
            return Feedback(False, f"Give at least two claims on the {side} side (you have {counts.get(side, 0)}).")
    grid = load("kazakhstan_china_food/land_lease_grid")
    grid_dims = set(grid[grid.side.isin(GRID_SIDES)].dimension)  # our labels for the article's claims
    covered = set(answer.dimension) & grid_dims
    if len(covered) < 3:
        return Feedback(False, f"Cover at least three of the grid's dimensions "
                               f"({', '.join(sorted(grid_dims))}); you cover {sorted(covered) or 'none'}.")
    unsourced = answer[answer.source.fillna("").astype(str).str.strip() == ""]
    if len(unsourced):
        return Feedback(False, f"{len(unsourced)} claim(s) have no source: every claim needs one.")
    return Feedback(True, f"Your grid is complete: {counts['risk']} risks and {counts['benefit']} benefits "
                          f"over {len(covered)} of the grid's dimensions, all sourced.")
