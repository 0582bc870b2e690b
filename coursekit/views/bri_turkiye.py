"""The charts and views of the Belt and Road chapter's pages (chapters/bri_turkiye/evidence.md and explorer.md).

Every function takes the data frames the page has loaded with :func:`coursekit.load` and returns what
the page shows: a captioned :class:`coursekit.charts.Figure` whose alt text is computed from the
numbers, an HTML card, or an explorer widget.
"""

from __future__ import annotations

from coursekit.charts import PALETTE, figure, new_figure, numbered, styled
from coursekit.widgets import card, explorer

# The chapter's charts, numbered in the order its pages show them (Figure <chapter>.<n>).
FIGURES = numbered("bri_turkiye", ["growth", "balance", "flows", "turkiye", "debt", "ranking"])

BLUE, ORANGE, GREEN, VERMILION, SKY = (PALETTE[i] for i in (0, 1, 2, 3, 5))
GREY, AXIS = "#999999", "#333333"

TABLE4_SOURCE = "Table 4, lines 3428–3452"

# The four ways the explorer ranks the route countries: (value of a Table 4 row, format, how it is obtained).
# The first is printed in the table (its "Difference" column); the other three are computed by the course.
PRINTED_BALANCE = "the table's Difference column (exports minus imports)"
MEASURES = {
    "Balance with China (USD billion)":
        (lambda r: r.balance_usd / 1e9, "{:.2f}", PRINTED_BALANCE),
    "Balance relative to the economy (% of GDP)":
        (lambda r: r.balance_usd / r.gdp_usd * 100, "{:.1f} %", "balance ÷ GDP"),
    "Imports per dollar of exports":
        (lambda r: r.imports_from_china_usd / r.exports_to_china_usd, "{:.2f}", "imports ÷ exports"),
    "Trade with China relative to the economy (% of GDP)":
        (lambda r: (r.exports_to_china_usd + r.imports_from_china_usd) / r.gdp_usd * 100, "{:.1f} %",
         "(exports + imports) ÷ GDP"),
}

# The two series of Table 1, by column, as the cards name them.
MEASURE_NAMES = {"gdp_growth_percent": "GDP growth (%)",
                 "current_account_balance_percent_of_gnp": "Current-account balance (% of GNP)"}


# --- Table 4: helpers shared by its charts ---------------------------------------------------------

def in_billions(table4):
    """Table 4 with its flows in billion US dollars and the balance as a share of GDP (in %).

    >>> from coursekit import load
    >>> t4 = in_billions(load("bri_turkiye/table4_route_countries_trade_with_china"))
    >>> row = t4.set_index("country").loc["Türkiye"]
    >>> float(round(row.balance_bn, 2)), float(round(row.balance_share_gdp, 1))
    (-41.67, -3.7)
    """
    return table4.assign(
        exports_bn=table4.exports_to_china_usd / 1e9,
        imports_bn=table4.imports_from_china_usd / 1e9,
        balance_bn=table4.balance_usd / 1e9,
        balance_share_gdp=table4.balance_usd / table4.gdp_usd * 100,
    )


def country_labels(frame):
    """Axis labels for Table 4's rows: each country with its data year in brackets.

    >>> from coursekit import load
    >>> country_labels(load("bri_turkiye/table4_route_countries_trade_with_china"))[:2]
    ['Azerbaijan (2022)', 'Armenia (2022)']
    """
    return [f"{c} ({y})" for c, y in zip(frame.country, frame.year)]


def sign_colours(values):
    """Vermilion for a deficit (below zero), green otherwise.

    >>> sign_colours([-1.5, 0.0, 2.0]) == [VERMILION, GREEN, GREEN]
    True
    """
    return [VERMILION if v < 0 else GREEN for v in values]


# --- The evidence page -----------------------------------------------------------------------------

@styled
def growth_chart(table1):
    """Table 1 in two panels: China's GDP growth (line) above its current-account balance (bars).

    >>> from coursekit import load
    >>> chart = growth_chart(load("bri_turkiye/table1_china_growth_current_account"))
    >>> chart.alt[:80]
    'Two panels, 2007 to 2024. GDP growth falls from 14.23 % in 2007 to a low of 2.34'
    >>> chart.source
    'Table 1, lines 2942–2970'
    """
    fig, (top, bottom) = new_figure(8, 5.2, nrows=2, sharex=True)
    top.plot(table1.year, table1.gdp_growth_percent, marker="o", color=BLUE)
    top.set_ylabel("GDP growth, %")
    top.set_title("China's growth and current-account balance, Table 1")
    bottom.bar(table1.year, table1.current_account_balance_percent_of_gnp, color=ORANGE)
    bottom.set_ylabel("current account, % of GNP")
    bottom.axhline(0, color=AXIS, linewidth=0.8)
    bottom.set_xticks(list(table1.year[::2]))

    g, ca = table1.gdp_growth_percent, table1.current_account_balance_percent_of_gnp
    rises = table1.year[1:][g.diff()[1:] > 0].tolist()
    return figure(
        fig,
        ref=FIGURES["growth"],
        alt=f"Two panels, 2007 to 2024. GDP growth falls from {g.iloc[0]:g} % in 2007 to a low of {g.min():g} % "
            f"in {table1.year[g.idxmin()]}, with rises in {', '.join(map(str, rises))}. The current-account "
            f"balance stays positive in every year, from {ca.iloc[0]:g} % of GNP in 2007 to a low of "
            f"{ca.min():g} % in {table1.year[ca.idxmin()]} and {ca.iloc[-1]:g} % in 2024.",
        caption="China's annual GDP growth and current-account balance as printed in the article's Table 1 "
                "(the table cites the World Bank).",
        source="Table 1, lines 2942–2970",
    )


@styled
def balance_chart(table4):
    """Each route country's balance with China, in dollars (left) and as a share of its GDP (right).

    >>> from coursekit import load
    >>> chart = balance_chart(load("bri_turkiye/table4_route_countries_trade_with_china"))
    >>> "In dollars the largest deficit is Türkiye's (-41.7 billion US dollars)" in chart.alt
    True
    >>> "relative to the size of the economy the largest is Kyrgyzstan's (-37.7 % of GDP)" in chart.alt
    True
    >>> chart.alt.endswith("Surpluses: Armenia, Kazakhstan, Turkmenistan.")
    True
    """
    t4 = in_billions(table4).sort_values("balance_bn")
    names = country_labels(t4)

    fig, (left, right) = new_figure(9, 4.6, ncols=2, sharey=True)
    for ax, values, label, title in [(left, t4.balance_bn, "USD billion", "In dollars"),
                                     (right, t4.balance_share_gdp, "% of GDP", "Relative to the economy")]:
        ax.barh(names, values, color=sign_colours(values))
        ax.axvline(0, color=AXIS, linewidth=0.8)
        ax.set_xlabel(f"balance with China, {label}")
        ax.set_title(title)

    worst_usd = t4.iloc[0]
    worst_gdp = t4.sort_values("balance_share_gdp").iloc[0]
    return figure(
        fig,
        ref=FIGURES["balance"],
        alt=f"Two bar charts of {len(t4)} route countries' trade balance with China. In dollars the largest "
            f"deficit is {worst_usd.country}'s ({worst_usd.balance_bn:.1f} billion US dollars); relative to the "
            f"size of the economy the largest is {worst_gdp.country}'s ({worst_gdp.balance_share_gdp:.1f} % of "
            f"GDP). Surpluses: " + ", ".join(t4[t4.balance_bn > 0].country) + ".",
        caption="Route countries' trade balance with China, in US dollars and as a share of GDP (our "
                "computation from the table's own GDP column). Data years in brackets.",
        source=TABLE4_SOURCE,
    )


@styled
def flows_chart(table4):
    """Paired bars, on a logarithmic scale, of each route country's exports to and imports from China.

    >>> from coursekit import load
    >>> chart = flows_chart(load("bri_turkiye/table4_route_countries_trade_with_china"))
    >>> chart.alt.count(" exported, ")
    10
    >>> "Türkiye 3.31 exported, 44.98 imported" in chart.alt
    True
    """
    flows = in_billions(table4).sort_values("imports_bn")
    fig, ax = new_figure(8, 4.6)
    ys = range(len(flows))
    ax.barh([y + 0.2 for y in ys], flows.exports_bn, height=0.4, label="exports to China", color=GREEN)
    ax.barh([y - 0.2 for y in ys], flows.imports_bn, height=0.4, label="imports from China", color=VERMILION)
    ax.set_yticks(list(ys), country_labels(flows))
    ax.set_xscale("log")
    ax.set_xlabel("USD billion (logarithmic scale)")
    ax.set_title("Route countries' exports to and imports from China, Table 4")
    ax.legend(fontsize=9, loc="lower right")
    return figure(
        fig,
        ref=FIGURES["flows"],
        alt="Paired bars on a logarithmic scale for each route country's exports to and imports from China, in "
            "billion US dollars: " + "; ".join(f"{r.country} {r.exports_bn:.2f} exported, {r.imports_bn:.2f} "
                                               "imported" for r in flows.itertuples()) + ".",
        caption="Each route country's exports to and imports from China (a logarithmic scale, because the "
                "flows range from tens of millions to tens of billions of dollars). Data years in brackets.",
        source=TABLE4_SOURCE,
    )


@styled
def turkiye_chart(table4, turkiye):
    """Türkiye's exports to and imports from China: Table 4's row beside the averages the text gives.

    >>> from coursekit import load
    >>> chart = turkiye_chart(load("bri_turkiye/table4_route_countries_trade_with_china"),
    ...                       load("bri_turkiye/turkiye_china_trade_prose"))
    >>> chart.alt.split(". ")[1]
    'Table 4 (2023): exports 3.31 and imports 44.98 billion US dollars, about 13.6 times as much imported as exported'
    """
    row = table4.set_index("country").loc["Türkiye"]
    avg = turkiye[turkiye.quantity.str.contains("average")].set_index("flow")["value"]
    fig, ax = new_figure(6.5, 3.6)
    ax.bar([0 - 0.2, 1 - 0.2], [row.exports_to_china_usd / 1e9, row.imports_from_china_usd / 1e9], width=0.4,
           label=f"Table 4 ({row.year})", color=BLUE)
    ax.bar([0 + 0.2, 1 + 0.2], [avg["turkiye_exports_to_china"], avg["turkiye_imports_from_china"]], width=0.4,
           label="text: 'average' (no years given)", color=SKY, hatch="//")
    ax.set_xticks([0, 1], ["Exports to China", "Imports from China"])
    ax.set_ylabel("USD billion")
    ax.set_title("Türkiye's trade with China")
    ax.legend(fontsize=9)
    return figure(
        fig,
        ref=FIGURES["turkiye"],
        alt=f"Bars for Türkiye's trade with China. Table 4 ({row.year}): exports "
            f"{row.exports_to_china_usd / 1e9:.2f} and imports {row.imports_from_china_usd / 1e9:.2f} billion US "
            f"dollars, about {row.imports_from_china_usd / row.exports_to_china_usd:.1f} times as much imported "
            f"as exported. The text's averages: {avg['turkiye_exports_to_china']:g} and "
            f"{avg['turkiye_imports_from_china']:g} billion.",
        caption="Türkiye's exports to and imports from China: Table 4's row and the averages the text gives "
                "(the text does not say over which years).",
        source="Table 4, line 3447; text, lines 3462–3465",
    )


@styled
def debt_chart(exhibits):
    """The points the text prints about China's total debt (Chart 1), unconnected; later years marked apart.

    >>> from coursekit import load
    >>> chart = debt_chart(load("bri_turkiye/exhibits_prose_numbers"))
    >>> chart.alt.split(": ")[1].split(". ")[0]
    '141 % in 2007, 266 % in 2017, 300 % in 2019, 312 % in 2024'
    """
    debt = exhibits[(exhibits.exhibit == "Chart 1") & (exhibits.unit == "percent")].sort_values("year")
    debt_years = debt.year.astype(int)
    inside = debt_years <= 2018
    fig, ax = new_figure(6.5, 3.6)
    ax.plot(debt_years[inside], debt.value[inside], "o", color=BLUE, label="inside Chart 1's range (to 2018)")
    ax.plot(debt_years[~inside], debt.value[~inside], "s", color=VERMILION, label="after Chart 1's range")
    for y, v in zip(debt_years, debt.value):
        ax.annotate(f"{v:g} %", (y, v), textcoords="offset points", xytext=(0, 8), ha="center")
    ax.set_xlim(2004, 2027)
    ax.set_ylim(0, 360)
    ax.set_ylabel("debt, % of the economy")
    ax.set_title("China's total debt: the points the text prints")
    ax.legend(fontsize=9, loc="lower right")
    return figure(
        fig,
        ref=FIGURES["debt"],
        alt="Four unconnected points for China's total debt relative to the size of its economy, as the text "
            "prints them: " + ", ".join(f"{v:g} % in {y}" for y, v in zip(debt_years, debt.value))
            + ". The 2019 and 2024 points fall after the period Chart 1 covers.",
        caption="The only numbers the text gives about its debt chart (Chart 1). The chart itself is an image; "
                "the points are not joined because we do not know the values between them.",
        source="text on Chart 1, lines 2994–3014 (caption line 3039)",
    )


# --- The explorer page: ranking the route countries ------------------------------------------------

@styled
def ranking_chart(table4, measure):
    """The route countries ranked by one of the :data:`MEASURES`, lowest first, Türkiye highlighted.

    >>> from coursekit import load
    >>> table4 = load("bri_turkiye/table4_route_countries_trade_with_china")
    >>> chart = ranking_chart(table4, "Imports per dollar of exports")
    >>> chart.alt.split(": ")[1].split("; ")[-3:]
    ['Türkiye 13.61', 'Azerbaijan 28.67', 'Kyrgyzstan 66.54. Türkiye is highlighted.']
    >>> chart.caption
    'Imports per dollar of exports: imports ÷ exports, from Table 4 (data year in brackets).'
    >>> chart.source, ranking_chart(table4, "Balance with China (USD billion)").source
    ('Table 4, lines 3428–3452; computed by the course', 'Table 4, lines 3428–3452')
    """
    compute, fmt, how = MEASURES[measure]
    ranked = sorted(((compute(r), r) for r in table4.itertuples()), key=lambda pair: pair[0])
    fig, ax = new_figure(6.8, 3.8)
    labels = [f"{r.country} ({r.year})" for _, r in ranked]
    values = [v for v, _ in ranked]
    ax.barh(labels, values, color=[BLUE if r.country == "Türkiye" else GREY for _, r in ranked])
    ax.axvline(0, color=AXIS, linewidth=0.8)
    ax.set_title(measure)
    order = "; ".join(f"{r.country} {fmt.format(v)}" for v, r in ranked)
    return figure(
        fig,
        ref=FIGURES["ranking"],
        alt=f"Route countries ranked by {measure.lower()}, from lowest to highest: {order}. Türkiye is "
            "highlighted.",
        caption=f"{measure}: {how}, from Table 4 (data year in brackets).",
        source="Table 4, lines 3428–3452" + ("" if how == PRINTED_BALANCE else "; computed by the course"),
    )


# --- The explorer page: testing the text against Table 1 -------------------------------------------

def window(table1, measure, start, end):
    """One series of Table 1 over the years ``start`` to ``end``, and its changes on the year before.

    >>> from coursekit import load
    >>> series, changes = window(load("bri_turkiye/table1_china_growth_current_account"),
    ...                          "gdp_growth_percent", 2007, 2010)
    >>> series.tolist(), [round(float(c), 2) for c in changes]
    ([14.23, 9.65, 9.4, 10.64], [-4.58, -0.25, 1.24])
    """
    series = table1.set_index("year").loc[start:end, measure]
    changes = series.diff().dropna()
    return series, changes


def claim_card(table1, claim):
    """A card setting one of the article's sentences (a row of ``text_claims``) beside Table 1's numbers.

    >>> from coursekit import load
    >>> peak = next(load("bri_turkiye/text_claims").itertuples())
    >>> html = claim_card(load("bri_turkiye/table1_china_growth_current_account"), peak)
    >>> "<th scope='row'>Highest / lowest</th><td>14.23 (2007) / 2.34 (2020)</td>" in html
    True
    >>> "<th scope='row'>Numbers it gives</th><td>14.2</td>" in html
    True
    """
    series, changes = window(table1, claim.measure, claim.start_year, claim.end_year)
    rows = [
        ("The article says", f"{claim.claim} <small>(lines {claim.source_line})</small>"),
        ("Table 1 series", MEASURE_NAMES[claim.measure]),
        ("Years", f"{claim.start_year}–{claim.end_year}"),
        ("Values in the table", ", ".join(f"{y}: {v:g}" for y, v in series.items())),
        ("Average over these years", f"{series.mean():.2f}"),
        ("Highest / lowest", f"{series.max():g} ({series.idxmax()}) / {series.min():g} ({series.idxmin()})"),
        ("Years it rose on the year before", ", ".join(str(y) for y, c in changes.items() if c > 0) or "none"),
        ("Years below zero", ", ".join(str(y) for y, v in series.items() if v < 0) or "none"),
        ("Years the table covers", f"{table1.year.min()}–{table1.year.max()}"),
    ]
    if claim.claimed_low_printed or claim.claimed_high_printed:
        numbers = " and ".join(sorted({claim.claimed_low_printed, claim.claimed_high_printed} - {""}))
        rows.insert(1, ("Numbers it gives", numbers))
    return card(claim.claim_id.replace("_", " ").capitalize(), rows, note=claim.note)


def claim_views(table1, claims):
    """One card per sentence of the article, labelled by the sentence and its lines.

    >>> from coursekit import load
    >>> views = claim_views(load("bri_turkiye/table1_china_growth_current_account"),
    ...                     load("bri_turkiye/text_claims"))
    >>> len(views)
    8
    >>> all("<td>2007–2024</td>" in view for view in views.values())
    True
    """
    return {f"{c.claim} (lines {c.source_line})": claim_card(table1, c) for c in claims.itertuples()}


def window_card(table1, start, end):
    """A card for a window of years: each Table 1 series' first and last value, change, average, rises.

    >>> from coursekit import load
    >>> html = window_card(load("bri_turkiye/table1_china_growth_current_account"), 2007, 2009)
    >>> "from 14.23 to 9.4 (change -4.83); average 11.09" in html, "<td>yes</td>" in html
    (True, True)
    """
    rows = [("Window", f"{start}–{end} ({end - start + 1} years)")]
    for measure, name in MEASURE_NAMES.items():
        series, changes = window(table1, measure, start, end)
        rises = [str(y) for y, c in changes.items() if c > 0]
        summary = (f"from {series.iloc[0]:g} to {series.iloc[-1]:g} "
                   f"(change {series.iloc[-1] - series.iloc[0]:+.2f}); average {series.mean():.2f}")
        rows += [
            (name, summary),
            ("… falls every year?", "yes" if not rises else f"no: rises in {', '.join(rises)}"),
        ]
    return card(f"Table 1, {start}–{end}", rows)


def windows_from(table1, start):
    """An explorer of the windows that begin in ``start``: one card per later end year, the last shown first.

    >>> from coursekit import load
    >>> box = windows_from(load("bri_turkiye/table1_china_growth_current_account"), 2020)
    >>> picker, stack = box.children
    >>> picker.options, picker.value, len(stack.children)
    (('2021', '2022', '2023', '2024'), '2024', 4)
    """
    ends = [y for y in table1.year if y > start]
    return explorer({str(end): window_card(table1, start, end) for end in ends}, label="to", value=str(ends[-1]))


# --- The explorer page: testing the text against Table 4 -------------------------------------------

# What Table 4's Türkiye row gives for each kind of trade figure in the prose (``flow`` in
# turkiye_china_trade_prose), in the unit the prose uses; None where the table holds no such figure.
TABLE4_FOR_FLOW = {
    "turkiye_exports_to_china": ("exports to China, USD billion", lambda r: r.exports_to_china_usd / 1e9),
    "turkiye_imports_from_china": ("imports from China, USD billion", lambda r: r.imports_from_china_usd / 1e9),
    "turkiye_trade_deficit_with_china": ("deficit with China, USD billion", lambda r: -r.balance_usd / 1e9),
    "import_export_ratio": ("imports ÷ exports", lambda r: r.imports_from_china_usd / r.exports_to_china_usd),
    "total_trade": ("exports + imports, USD billion",
                    lambda r: (r.exports_to_china_usd + r.imports_from_china_usd) / 1e9),
}
NOT_IN_TABLE4 = {
    "china_total_exports": "Table 4 gives no total for China's exports.",
    "china_exports_to_turkiye_share": "Table 4 has no 2004 row and no share of China's total exports.",
    "share_of_turkiye_trade_deficit": "Table 4 gives no total for Türkiye's trade deficit with all partners, "
                                      "so this share cannot be checked from it.",
}


def trade_claim_card(table4, fact):
    """A card setting one trade figure of the prose (a row of ``turkiye_china_trade_prose``) beside Table 4.

    >>> from coursekit import load
    >>> t4 = load("bri_turkiye/table4_route_countries_trade_with_china")
    >>> trade = load("bri_turkiye/turkiye_china_trade_prose")
    >>> ratio = next(f for f in trade.itertuples() if f.source_line == "3454")
    >>> html = trade_claim_card(t4, ratio)
    >>> "<th scope='row'>Table 4, Türkiye (2023)</th><td>13.61 (imports ÷ exports)</td>" in html
    True
    >>> share = next(f for f in trade.itertuples() if f.flow == "share_of_turkiye_trade_deficit")
    >>> "cannot be checked from it" in trade_claim_card(t4, share)
    True
    """
    row = table4.set_index("country").loc["Türkiye"]
    printed = " ".join(p for p in (fact.qualifier, fact.value_printed) if p)
    rows = [
        ("The article says", f"{printed} ({fact.unit}) <small>(lines {fact.source_line})</small>"),
        ("Period the text gives", fact.period or "none"),
    ]
    if fact.flow in TABLE4_FOR_FLOW:
        what, compute = TABLE4_FOR_FLOW[fact.flow]
        rows.append((f"Table 4, Türkiye ({row.year})", f"{compute(row):.2f} ({what})"))
        rows.append(("Years Table 4 covers for Türkiye", f"one year only ({row.year}, line {row.source_line})"))
    else:
        rows.append(("Table 4", NOT_IN_TABLE4[fact.flow]))
    return card(fact.quantity[0].upper() + fact.quantity[1:], rows, note=fact.note)


def trade_claim_views(table4, trade):
    """One card per trade figure of the prose, labelled by what it measures and its lines.

    >>> from coursekit import load
    >>> views = trade_claim_views(load("bri_turkiye/table4_route_countries_trade_with_china"),
    ...                           load("bri_turkiye/turkiye_china_trade_prose"))
    >>> len(views), sum("Table 4, Türkiye (2023)" in v for v in views.values())
    (12, 9)
    """
    return {f"{f.quantity} (lines {f.source_line})": trade_claim_card(table4, f) for f in trade.itertuples()}
