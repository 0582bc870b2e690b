"""The charts and views of the Kazakhstan–China chapter pages (chapters/kazakhstan_china_food/).

``evidence.md`` draws Table 1 and the numbers in the text; ``explorer.md`` shows one view per measure
of Table 1 and five checks of the table. Every function takes the data frames the page has loaded:

    >>> from coursekit import load
    >>> table1 = load("kazakhstan_china_food/table1_trade_china_share")
    >>> [row_label(r) for r in table1.itertuples()][0]
    '2021\\n(text: 2020)'
"""

from __future__ import annotations

import pandas as pd

from coursekit.charts import PALETTE, Figure, figure, new_figure, numbered, styled
from coursekit.widgets import card, table

# The chapter's charts, numbered in the order its pages show them (Figure <chapter>.<n>).
FIGURES = numbered("kazakhstan_china_food", ["trade", "share", "wheat", "agricultural-exports", "rail", "measure"])

TABLE1_SOURCE = "Table 1, lines 2493–2531"
GREY = "#999999"

# Columns of Table 1 drawn on the evidence page, with their legend labels.
TRADE = {
    "turnover_usd_million": "Turnover",
    "exports_usd_million": "Exports",
    "imports_usd_million": "Imports",
}
SHARES = {
    "china_share_turnover_percent": "of turnover",
    "china_share_exports_percent": "of exports",
    "china_share_imports_percent": "of imports",
}

# The explorer's measures: columns of Table 1 as printed, and products of two columns computed by us.
PRINTED = {
    "Total trade turnover (USD million)": "turnover_usd_million",
    "Exports (USD million)": "exports_usd_million",
    "Imports (USD million)": "imports_usd_million",
    "China's share of turnover (%)": "china_share_turnover_percent",
    "China's share of exports (%)": "china_share_exports_percent",
    "China's share of imports (%)": "china_share_imports_percent",
}
COMPUTED = {
    "Trade with China, computed (USD million)": ("turnover_usd_million", "china_share_turnover_percent"),
    "Exports to China, computed (USD million)": ("exports_usd_million", "china_share_exports_percent"),
    "Imports from China, computed (USD million)": ("imports_usd_million", "china_share_imports_percent"),
}
MEASURES = list(PRINTED) + list(COMPUTED)


# --- Shared by both pages -----------------------------------------------------------------------

def garbled(row, column: str) -> bool:
    """Whether the printed cell ``column`` of a Table 1 row cannot be a measurement.

    >>> from coursekit import load
    >>> last = list(load("kazakhstan_china_food/table1_trade_china_share").itertuples())[-1]
    >>> garbled(last, "imports_usd_million"), garbled(last, "exports_usd_million")
    (True, False)
    """
    return column in row.garbled_columns.split(";")


def row_label(row) -> str:
    """A Table 1 row's axis label: the printed year, and below it the year the text gives.

    >>> from coursekit import load
    >>> print(row_label(load("kazakhstan_china_food/table1_trade_china_share").iloc[-1]))
    2024
    (text: 2023)
    """
    return f"{row.year}\n(text: {row.year_per_prose})"


def row_labels(table1: pd.DataFrame) -> list[str]:
    """The axis labels of all Table 1 rows, in order.

    >>> from coursekit import load
    >>> len(row_labels(load("kazakhstan_china_food/table1_trade_china_share")))
    4
    """
    return [row_label(r) for r in table1.itertuples()]


def text_statement(prose_t1: pd.DataFrame, measure: str, year: int) -> pd.Series:
    """What the text says about a Table 1 column (``measure``) for one year: value, printed form, line.

    >>> from coursekit import load
    >>> said = text_statement(load("kazakhstan_china_food/table1_prose_statements"), "imports_usd_million", 2023)
    >>> said.value_printed, said.source_line
    ('61 158,9', '2476-2478')
    """
    return prose_t1.query(f"measure == {measure!r} and year == {year}").iloc[0]


# --- evidence.md ---------------------------------------------------------------------------------

@styled
def trade_chart(table1: pd.DataFrame, prose_t1: pd.DataFrame) -> Figure:
    """Bars of turnover, exports and imports by Table 1 row; the garbled imports replaced by the text's.

    >>> from coursekit import load
    >>> chart = trade_chart(load("kazakhstan_china_food/table1_trade_china_share"),
    ...                     load("kazakhstan_china_food/table1_prose_statements"))
    >>> "rises from 86.5 to 139.8 billion" in chart.alt, "shows instead the 61.2 billion" in chart.alt
    (True, True)
    """
    fig, ax = new_figure(8, 4.2)
    for offset, (column, name) in zip((-0.27, 0, 0.27), TRADE.items()):
        values = [None if garbled(r, column) else getattr(r, column) for r in table1.itertuples()]
        xs = [i + offset for i, v in enumerate(values) if v is not None]
        ax.bar(xs, [v / 1000 for v in values if v is not None], width=0.26, label=name)
    imports_2023 = text_statement(prose_t1, "imports_usd_million", 2023).value
    ax.bar(3 + 0.27, imports_2023 / 1000, width=0.26, color="none", edgecolor=PALETTE[2], hatch="//",
           label="Imports as given in the text (lines 2476–2478)")
    ax.set_xticks(range(len(table1)), row_labels(table1))
    ax.set_ylabel("USD billion")
    ax.set_title("Kazakhstan's foreign trade, Table 1")
    ax.legend(fontsize=9, loc="upper left")

    first, last = table1.iloc[0], table1.iloc[-1]
    return figure(
        fig,
        ref=FIGURES["trade"],
        alt=f"Bar chart of Kazakhstan's trade turnover, exports and imports for the four rows of Table 1. "
            f"Turnover rises from {first.turnover_usd_million / 1000:.1f} to "
            f"{last.turnover_usd_million / 1000:.1f} billion US dollars; exports peak in the row labelled "
            f"{table1.loc[table1.exports_usd_million.idxmax(), 'year']}. The last row's printed imports are "
            f"garbled, so the chart shows instead the {imports_2023 / 1000:.1f} billion the text gives.",
        caption="Kazakhstan's total trade turnover, exports and imports, by Table 1 row (printed year, and "
                "the year the text gives for the same numbers).",
        source=f"{TABLE1_SOURCE}; text, lines 2449–2479",
    )


@styled
def share_chart(table1: pd.DataFrame, prose_t1: pd.DataFrame) -> Figure:
    """Lines of China's share of turnover, exports and imports; garbled shares left out, the text's shown.

    >>> from coursekit import load
    >>> chart = share_chart(load("kazakhstan_china_food/table1_trade_china_share"),
    ...                     load("kazakhstan_china_food/table1_prose_statements"))
    >>> "between 17.7 and 22.5 percent" in chart.alt, "gives 27.4 percent for imports" in chart.alt
    (True, True)
    """
    fig, ax = new_figure(8, 4.2)
    for marker, (column, name) in zip("osD", SHARES.items()):
        points = [(i, getattr(r, column)) for i, r in enumerate(table1.itertuples()) if not garbled(r, column)]
        ax.plot([p[0] for p in points], [p[1] for p in points], marker=marker, label=f"China's share {name}")
    share_2023 = text_statement(prose_t1, "china_share_imports_percent", 2023).value
    ax.plot([3], [share_2023], marker="D", linestyle="none", markerfacecolor="white", markersize=8,
            color=PALETTE[2], label="Share of imports as given in the text (lines 2542–2543)")
    ax.set_xticks(range(len(table1)), row_labels(table1))
    ax.set_ylabel("percent")
    ax.set_ylim(0, 30)
    ax.set_title("China's share of Kazakhstan's trade, Table 1")
    ax.legend(fontsize=9, loc="lower left")

    turn = table1.china_share_turnover_percent
    return figure(
        fig,
        ref=FIGURES["share"],
        alt=f"Line chart of China's share of Kazakhstan's trade. The share of turnover moves between "
            f"{turn.min():g} and {turn.max():g} percent across the four rows, highest in the last. The last "
            f"row's printed shares of exports and imports are garbled and are not plotted; the text gives "
            f"{share_2023:g} percent for imports in that year.",
        caption="China's share of Kazakhstan's turnover, exports and imports, by Table 1 row.",
        source=f"{TABLE1_SOURCE}; text, lines 2533–2545",
    )


@styled
def wheat_chart(wheat: pd.DataFrame) -> Figure:
    """Two bars: the wheat share of China's grain imports from Kazakhstan that the text gives for Figure 3.

    >>> from coursekit import load
    >>> wheat_chart(load("kazakhstan_china_food/figure3_wheat_share_china_grain_imports")).alt.split(";")[1]
    ' in 2020 it fell to 65,54 percent.'
    """
    fig, ax = new_figure(6, 3.6)
    bars = ax.bar([str(y) for y in wheat.year], wheat.wheat_share_percent, color=[PALETTE[5], PALETTE[0]])
    for bar, row in zip(bars, wheat.itertuples()):
        text = ("more than " if row.qualifier == "more than" else "") + f"{row.wheat_share_printed} %"
        ax.text(bar.get_x() + bar.get_width() / 2, row.wheat_share_percent + 2, text, ha="center")
    bars[0].set_hatch("..")
    ax.set_ylim(0, 105)
    ax.set_ylabel("percent")
    ax.set_title("Wheat in China's grain imports from Kazakhstan")
    return figure(
        fig,
        ref=FIGURES["wheat"],
        alt=f"Two bars: in {wheat.year.iloc[0]} wheat was more than {wheat.wheat_share_percent.iloc[0]:g} "
            f"percent of China's grain imports from Kazakhstan (a lower bound, hatched); in "
            f"{wheat.year.iloc[1]} it fell to {wheat.wheat_share_printed.iloc[1]} percent.",
        caption="The only two values the text prints for Figure 3 (the figure itself is an image). The 2019 "
                "bar is a lower bound ('more than 90 %').",
        source="text on Figure 3, lines 2351–2362",
    )


def text_series(facts: pd.DataFrame, quantity: str) -> pd.Series:
    """One quantity from the text, by year, in USD billion (a value printed twice is kept once).

    >>> from coursekit import load
    >>> text_series(load("kazakhstan_china_food/prose_facts"), "Kazakhstan's agricultural exports").to_dict()
    {'2020': 3.3, '2021': 3.8, '2022': 5.5}
    """
    rows = facts[(facts.quantity == quantity) & (facts.unit == "USD billion")]
    return rows.drop_duplicates("year").set_index("year")["value"].sort_index()


@styled
def agricultural_exports_chart(total: pd.Series, crops: pd.Series, processed: pd.Series) -> Figure:
    """Lines of Kazakhstan's agricultural exports (all, crop products, processed), as the text gives them.

    >>> from coursekit import load
    >>> facts = load("kazakhstan_china_food/prose_facts")
    >>> chart = agricultural_exports_chart(*(text_series(facts, q) for q in (
    ...     "Kazakhstan's agricultural exports", "Kazakhstan's crop-product (plant-growing) exports",
    ...     "Kazakhstan's exports of processed agricultural products")))
    >>> chart.alt.count("billion US dollars in"), "5.5 billion US dollars in 2022" in chart.alt
    (3, True)
    """
    fig, ax = new_figure(7, 3.8)
    ax.plot(total.index, total.values, marker="o", linewidth=2.5, label="All agricultural exports")
    ax.plot(crops.index, crops.values, marker="s", label="Crop products")
    ax.plot(processed.index, processed.values, marker="D", label="Processed products")
    ax.set_xticks(list(total.index))
    ax.set_ylim(bottom=0)
    ax.set_ylabel("USD billion")
    ax.set_title("Kazakhstan's agricultural exports, as the text gives them")
    ax.legend(fontsize=9)
    return figure(
        fig,
        ref=FIGURES["agricultural-exports"],
        alt="Line chart of Kazakhstan's agricultural exports to all destinations as printed in the text: "
            + ", ".join(f"{v:g} billion US dollars in {y}" for y, v in total.items())
            + f"; crop products {crops.iloc[0]:g} then {crops.iloc[-1]:g} billion, processed products "
            f"{processed.iloc[0]:g} then {processed.iloc[-1]:g} billion ({crops.index[0]}–{crops.index[-1]}).",
        caption="Kazakhstan's agricultural exports (to all destinations), as printed in the text. The 2021 "
                "total is printed twice, with the same value.",
        source="text, lines 2481–2491 and 2568–2571",
    )


def rail_shipments(facts: pd.DataFrame) -> pd.DataFrame:
    """The text's rail shipments to China, in thousand tonnes, by year, with a bar label for each.

    >>> from coursekit import load
    >>> rail_shipments(load("kazakhstan_china_food/prose_facts")).thousand_tonnes.tolist()
    [1200.0, 615.0, 2226.0]
    """
    rail = facts[facts.quantity.str.contains("rail")].copy()
    rail["thousand_tonnes"] = rail.apply(
        lambda r: r.value * 1000 if r.unit == "million tonnes" else r.value, axis=1)
    rail["label"] = rail.apply(
        lambda r: f"{r.year}\n(previous record)" if "record" in r.quantity else str(r.year), axis=1)
    return rail.sort_values("year")


@styled
def rail_chart(rail: pd.DataFrame) -> Figure:
    """Bars of the rail shipments from :func:`rail_shipments`, the earlier record in grey.

    >>> from coursekit import load
    >>> rail_chart(rail_shipments(load("kazakhstan_china_food/prose_facts"))).alt.split(": ", 1)[1]
    '2019 (previous record): 1,200 thousand tonnes; 2022: 615 thousand tonnes; 2023: 2,226 thousand tonnes.'
    """
    fig, ax = new_figure(6, 3.6)
    ax.bar(rail.label, rail.thousand_tonnes, color=[GREY if "record" in q else PALETTE[1] for q in rail.quantity])
    ax.set_ylabel("thousand tonnes")
    ax.set_title("Agricultural goods sent by rail from Kazakhstan to China")
    return figure(
        fig,
        ref=FIGURES["rail"],
        alt="Bar chart of rail shipments of agricultural goods from Kazakhstan to China as the text gives them: "
            + "; ".join(f"{r.label.replace(chr(10), ' ')}: {r.thousand_tonnes:,.0f} thousand tonnes"
                        for r in rail.itertuples()) + ".",
        caption="Rail shipments of agricultural goods to China: the two years and the earlier record the text "
                "prints (no source is cited for them).",
        source="text, lines 2043–2051",
    )


# --- explorer.md: one view per measure -----------------------------------------------------------

def measure_values(table1: pd.DataFrame, measure: str) -> list[tuple[float | None, str]]:
    """(value or None, how it was printed or computed) for each row of Table 1, for one of ``MEASURES``.

    >>> from coursekit import load
    >>> table1 = load("kazakhstan_china_food/table1_trade_china_share")
    >>> measure_values(table1, "Imports (USD million)")[-1]
    (None, '78 674,5')
    >>> measure_values(table1, "Trade with China, computed (USD million)")[0][1]
    '86,469.9 × 18.3 % = 15,824.0'
    """
    rows = list(table1.itertuples())
    if measure in PRINTED:
        col = PRINTED[measure]
        printed = col.removesuffix("_usd_million").removesuffix("_percent") + "_printed"
        return [(None if garbled(r, col) else getattr(r, col), getattr(r, printed)) for r in rows]
    base, share = COMPUTED[measure]
    out = []
    for r in rows:
        if garbled(r, base) or garbled(r, share):
            out.append((None, "cannot compute: a printed cell is garbled"))
        else:
            value = getattr(r, base) * getattr(r, share) / 100
            out.append((value, f"{getattr(r, base):,.1f} × {getattr(r, share):g} % = {value:,.1f}"))
    return out


@styled
def measure_chart(table1: pd.DataFrame, measure: str) -> Figure:
    """A line chart of one measure by Table 1 row; the alt text lists every value and names the gaps.

    >>> from coursekit import load
    >>> alt = measure_chart(load("kazakhstan_china_food/table1_trade_china_share"), "Imports (USD million)").alt
    >>> alt.startswith("Imports (USD million) by Table 1 row: 2021: 38,929.1;")
    True
    >>> alt.endswith("2023: 50,934.4. No value for 2024 (garbled in print).")
    True
    """
    rows = list(table1.itertuples())
    vals = measure_values(table1, measure)
    fig, ax = new_figure(6.5, 3.2)
    xs = [i for i, (v, _) in enumerate(vals) if v is not None]
    ax.plot(xs, [vals[i][0] for i in xs], marker="o", color=PALETTE[0])
    ax.set_xticks(range(len(rows)), row_labels(table1))
    ax.set_title(measure)
    ax.set_ylim(bottom=0)
    missing = [rows[i].year for i, (v, _) in enumerate(vals) if v is None]
    known = [f"{rows[i].year}: {vals[i][0]:,.1f}" for i in xs]
    return figure(
        fig,
        ref=FIGURES["measure"],
        alt=f"{measure} by Table 1 row: " + "; ".join(known) + "."
            + (f" No value for {', '.join(map(str, missing))} (garbled in print)." if missing else ""),
        caption=f"{measure}, by Table 1 row (printed year, with the year the text gives).",
        source=TABLE1_SOURCE + ("; computed by the course" if measure in COMPUTED else ""),
    )


def measure_card(table1: pd.DataFrame, measure: str) -> str:
    """A card with each row's value as printed, or (for a computed measure) how we computed it.

    >>> from coursekit import load
    >>> html = measure_card(load("kazakhstan_china_food/table1_trade_china_share"), "Exports to China, computed "
    ...                     "(USD million)")
    >>> "How we computed it" in html, html.count("cannot compute")
    (True, 1)
    """
    rows = [(f"Row {r.year} (text: {r.year_per_prose}), line {r.source_line}", str(printed))
            for r, (_, printed) in zip(table1.itertuples(), measure_values(table1, measure))]
    return card("As printed" if measure in PRINTED else "How we computed it", rows)


def measure_view(table1: pd.DataFrame, measure: str) -> str:
    """The explorer's view of one measure: its chart, then its card (HTML).

    >>> from coursekit import load
    >>> table1 = load("kazakhstan_china_food/table1_trade_china_share")
    >>> views = [measure_view(table1, m) for m in MEASURES]
    >>> len(views), sum("computed by the course" in v for v in views)
    (9, 3)
    """
    return measure_chart(table1, measure).html() + measure_card(table1, measure)


# --- explorer.md: checks of the table ------------------------------------------------------------

def check_sums(table1: pd.DataFrame) -> str:
    """Table: printed turnover beside exports + imports, and the difference, for every row.

    >>> from coursekit import load
    >>> "<td>-17,515.6</td>" in check_sums(load("kazakhstan_china_food/table1_trade_china_share"))
    True
    """
    rows = list(table1.itertuples())
    frame = pd.DataFrame({
        "Row (printed year)": [r.year for r in rows],
        "Turnover, printed": [r.turnover_printed for r in rows],
        "Exports + imports": [f"{r.exports_usd_million + r.imports_usd_million:,.1f}" for r in rows],
        "Difference": [f"{round(r.turnover_usd_million - r.exports_usd_million - r.imports_usd_million, 1) + 0.0:,.1f}"
                       for r in rows],
    })
    return table(frame, "Do exports and imports add up to turnover in every row?")


def check_shares(table1: pd.DataFrame) -> str:
    """Table: the three printed shares of every row.

    >>> from coursekit import load
    >>> check_shares(load("kazakhstan_china_food/table1_trade_china_share")).count("<td>78 674,5</td>")
    2
    """
    rows = list(table1.itertuples())
    frame = pd.DataFrame({
        "Row (printed year)": [r.year for r in rows],
        "Share of turnover": [r.china_share_turnover_printed for r in rows],
        "Share of exports": [r.china_share_exports_printed for r in rows],
        "Share of imports": [r.china_share_imports_printed for r in rows],
    })
    return table(frame, "Is every share a possible percentage? Should the share of turnover lie between "
                        "the shares of exports and imports?")


def check_years(table1: pd.DataFrame, prose_t1: pd.DataFrame) -> str:
    """Table: each number the text gives, the Table 1 row labelled with its year, and where it appears.

    >>> from coursekit import load
    >>> html = check_years(load("kazakhstan_china_food/table1_trade_china_share"),
    ...                    load("kazakhstan_china_food/table1_prose_statements"))
    >>> html.count("<td>none</td>")  # the text's 2023 imports and import share are in no row
    2
    >>> html.count("<td>no row labelled 2020</td>")  # the table has no row labelled 2020
    4
    """
    by_printed = table1.set_index("year")
    out = []
    for s in prose_t1.itertuples():
        same_year = by_printed[s.measure].get(s.year)
        match = table1[table1[s.measure] == s.value]["year"].tolist()
        out.append({
            "The text says (line)": f"{s.year}: {s.value_printed} ({s.source_line})",
            "What": s.measure.replace("_usd_million", " (USD million)").replace("_percent", " (%)")
                             .replace("china_share_", "China's share of "),
            "Table 1, row labelled with that year": (f"no row labelled {s.year}" if same_year is None
                                                     else f"{same_year:,.1f}"),
            "Rows where the text's value appears": ", ".join(map(str, match)) or "none",
        })
    return table(pd.DataFrame(out), "Does the text give the same numbers for the same years as the table?")


def check_missing(table1: pd.DataFrame, prose_t1: pd.DataFrame) -> str:
    """Card: what the garbled cells of the last row would have to be, from the other cells and the text.

    >>> from coursekit import load
    >>> html = check_missing(load("kazakhstan_china_food/table1_trade_china_share"),
    ...                      load("kazakhstan_china_food/table1_prose_statements"))
    >>> "= 61,158.9" in html, "= 18.7 %" in html
    (True, True)
    """
    last = list(table1.itertuples())[-1]
    text_imports = text_statement(prose_t1, "imports_usd_million", 2023)
    text_share = text_statement(prose_t1, "china_share_imports_percent", 2023)
    implied_imports = last.turnover_usd_million - last.exports_usd_million
    china_total = last.turnover_usd_million * last.china_share_turnover_percent / 100
    china_imports = text_imports.value * text_share.value / 100
    implied_export_share = (china_total - china_imports) / last.exports_usd_million * 100
    return card(f"The last row (printed {last.year}) has garbled cells. What would they have to be?", [
        ("Imports, if turnover = exports + imports",
         f"{last.turnover_usd_million:,.1f} − {last.exports_usd_million:,.1f} = {implied_imports:,.1f}"),
        ("Imports the text gives for that year", f"{text_imports.value_printed} (line {text_imports.source_line})"),
        ("China's share of exports, if China's trade = its exports + imports",
         (f"({china_total:,.1f} − {china_imports:,.1f}) ÷ {last.exports_usd_million:,.1f} "
          f"= {implied_export_share:.1f} %")),
        ("China's share of exports printed anywhere in the text?", "search the article: see Check the source"),
    ], note="The middle steps use the text's imports and import share (lines 2476–2478, 2542–2543).")


def check_bilateral(table1: pd.DataFrame, facts: pd.DataFrame) -> str:
    """Table: the text's figures for Kazakhstan's trade with China beside Table 1's turnover × China's share.

    Table 1 rows are matched by the year the text gives them (``year_per_prose``); ``facts.year`` is
    text and ``year_per_prose`` a number, so both are compared as text.

    >>> from coursekit import load
    >>> html = check_bilateral(load("kazakhstan_china_food/table1_trade_china_share"),
    ...                        load("kazakhstan_china_food/prose_facts"))
    >>> html.count("<tr>")  # one row per year the text states (2021, 2022)
    2
    >>> "<td>18,007.3</td>" in html and "<td>24,259.4</td>" in html  # the rows the text dates 2021, 2022
    True
    >>> "<td>7,242.7</td>" in html and "<td>6,840.6</td>" in html  # text minus table, USD million
    True
    """
    bilateral = facts.quantity.str.match(r"Kazakhstan-China trade volume|Kazakhstan's trade with China")
    stated = facts[bilateral & (facts.unit == "USD billion")]
    out = []
    for s in stated.itertuples():
        row = table1[table1.year_per_prose.astype(str) == str(s.year).strip()]
        if row.empty:
            used, computed, gap = f"no row the text dates {s.year}", "cannot compute", "cannot compute"
        else:
            r = row.iloc[0]
            value = r.turnover_usd_million * r.china_share_turnover_percent / 100
            used = f"labelled {r.year} (line {r.source_line})"
            computed = f"{value:,.1f}"
            gap = f"{s.value * 1000 - value:,.1f}"
        out.append({"Year": s.year, "The text says (USD billion, line)": f"{s.value_printed} ({s.source_line})",
                    "Table 1 row used": used,
                    "Table 1: turnover × China's share (USD million)": computed,
                    "Text minus table (USD million)": gap})
    return table(pd.DataFrame(out), "Does Kazakhstan's trade with China, as the text states it, match "
                                    "Table 1? (Table 1 rows matched by the year the text gives them; "
                                    "the products and differences are our calculation.)")
