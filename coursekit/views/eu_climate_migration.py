"""The charts and views of the climate-and-EU-migration chapter (chapters/eu_climate_migration/*.md).

Every function takes the data frames the page has loaded with :func:`coursekit.load` and returns what
the page shows: a captioned :class:`coursekit.charts.Figure` whose alt text is computed from the
numbers, or an HTML card for an explorer. Numbers always come from ``data/eu_climate_migration/``;
the constants below only say *which* rows of the data a view uses and how we code them.
"""

from __future__ import annotations

import html

from coursekit.charts import PALETTE, figure, new_figure, numbered, styled
from coursekit.widgets import card

# The chapter's charts, numbered in the order its pages show them (Figure <chapter>.<n>).
FIGURES = numbered("eu_climate_migration", ["table1", "people", "funding"])

BLUE, ORANGE, GREEN, VERMILION, SKY = (PALETTE[i] for i in (0, 1, 2, 3, 5))
GREY, AXIS = "#999999", "#333333"

COUNTRIES = ["Syria", "Afghanistan", "Somalia", "Bangladesh"]
TABLE1_SOURCE = "Table 1, lines 4693–4707"

# The people-figures of the four cases, coded by where the movement happens. Each entry names one row of
# prose_facts.csv by its lines and printed value; the value, unit and year are read from the data.
STAGES = ["inside the country", "left the country", "in or on the way to the EU"]
PEOPLE_FIGURES = [
    ("Syria", "inside the country", "3986-3992", "1,5"),
    ("Syria", "left the country", "4038-4040", "6,8"),
    ("Syria", "in or on the way to the EU", "4041-4045", "151"),
    ("Afghanistan", "inside the country", "4132-4135", "3"),
    ("Afghanistan", "inside the country", "4135-4139", "988"),
    ("Afghanistan", "in or on the way to the EU", "4184-4188", "87"),
    ("Somalia", "inside the country", "4302-4304", "1"),
    ("Somalia", "inside the country", "4312-4314", "1,2"),
    ("Somalia", "inside the country", "4326-4331", "4"),
    ("Bangladesh", "inside the country", "4515-4518", "14,7"),
    ("Bangladesh", "inside the country", "4523-4526", "400"),
    ("Bangladesh", "in or on the way to the EU", "4555-4558", "16"),
]
SCALE = {"million": 1, "thousand": 1000}  # divisor to millions

# Our coding of each case as a chain from climate risk to EU policy. Status: "number" (the article gives
# a number for this link), "claim" (it says so without a number), "gap" (it says nothing that fills it).
NUMBER, CLAIM, GAP = "number", "claim", "gap"
STATUS_LABEL = {NUMBER: "a number the article gives", CLAIM: "a claim without a number",
                GAP: "a gap: nothing in the article fills it"}
STATUS_COLOUR = {NUMBER: GREEN, CLAIM: ORANGE, GAP: VERMILION}  # for marks in charts
# Text needs 4.5:1 on white (WCAG AA); the palette's green, orange and vermilion have 3.4, 2.3 and 3.9,
# so the status labels use darker shades of the same hues (6.8, 5.9 and 6.3).
STATUS_TEXT_COLOUR = {NUMBER: "#00684A", CLAIM: "#8A5A00", GAP: "#A63F00"}
LINKS = ["Climate hazard", "Displacement", "Who reaches Europe", "Climate's part in the move to Europe",
         "The EU tool that responds"]
CHAINS = {
    "Syria": [
        (NUMBER, "Drought of 2006–2010; a 2021 wheat harvest of a quarter of the 2002–2011 average; "
                 "water losses in 2022.", "3982-4017", [("4013-4014", "1,05"), ("4009-4011", "2,2")]),
        (NUMBER, "Rural people who moved to cities in the drought; more than half the population displaced "
                 "in ten years, with refugees abroad.", "3986-4040", [("3986-3992", "1,5"), ("4038-4040", "6,8")]),
        (NUMBER, "Asylum applications by Syrians in EU+ countries in 2024.", "4041-4045", [("4041-4045", "151")]),
        (CLAIM, "Climate shocks helped form the outflow that reached Europe in the mid-2010s; war was the "
                "direct driver and climate a 'threat multiplier'. No share of the flow is attributed to "
                "climate.", "4026-4035", []),
        (CLAIM, "The Madad trust fund, humanitarian aid inside Syria, recovery programmes with adaptation "
                "components: named, with no amount.", "4058-4102", []),
    ],
    "Afghanistan": [
        (NUMBER, "Drought of 2021–2023 bringing people to the brink of famine; a harsh winter and spring floods "
                 "killing 'hundreds' in 2023 (no number).", "4146-4157", [("4146-4152", "10")]),
        (NUMBER, "People displaced by natural disasters, according to the IOM, inside the country.",
         "4123-4139", [("4132-4135", "3"), ("4135-4139", "988")]),
        (NUMBER, "Asylum applications by Afghans in the EU in 2024 (second after Syrians); the text dates "
                 "the rise to after the change of power in 2021. Numbers in Iran and Pakistan are not given.",
         "4174-4188", [("4184-4188", "87")]),
        (CLAIM, "After failed harvests families move to cities, then abroad, and part of this movement "
                "joins flows to the EU. No number for that part.", "4191-4211", []),
        (NUMBER, "An extra humanitarian contribution in July 2023; 'hundreds of millions' in 2022–2024; "
                 "NDICI's planned shares for climate and migration.", "4222-4249",
         [("4223-4228", "7,6"), ("4243-4246", "30"), ("4246-4249", "10")]),
    ],
    "Somalia": [
        (NUMBER, "Five failed rainy seasons in 2020–2023, with most of the territory in extreme drought; "
                 "floods at the end of 2023.", "4290-4312",
         [("4290-4294", "бес"), ("4294-4296", "90"), ("4296-4298", "8"), ("4309-4312", "2,5")]),
        (NUMBER, "People displaced inside the country by the drought and by the floods; people living in "
                 "camps as internally displaced.", "4302-4331",
         [("4302-4304", "1"), ("4312-4314", "1,2"), ("4326-4331", "4")]),
        (GAP, "Most Somali refugees stay in Kenya, Ethiopia and Djibouti; some take routes north. The article "
              "prints no number of Somalis reaching or applying in the EU.", "4346-4360", []),
        (CLAIM, "Citing the EU asylum agency, the 2022 drought 'coincided' with more people from the region "
                "trying to reach the EU; applicants often cite hunger and lost livelihoods. No number.",
         "4362-4377", []),
        (NUMBER, "EU humanitarian funding in 2023 (via DG ECHO); the BREACH project to 2027; RESTORE "
                 "(2015–2021, no amount).", "4401-4454", [("4405-4407", "84"), ("4426-4430", "39")]),
    ],
    "Bangladesh": [
        (NUMBER, "IMF projection of land and food production lost by 2050; forest cover lost in 2023.",
         "4505-4514", [("4505-4508", "15"), ("4508-4510", "30"), ("4512-4514", "178")]),
        (NUMBER, "Internal displacements caused by disasters (counted as cases, not people); migrants "
                 "arriving in Dhaka each year; the World Bank projection for 2050.", "4515-4533",
         [("4515-4518", "14,7"), ("4523-4526", "400"), ("4526-4533", "19,9")]),
        (NUMBER, "Bangladeshis reaching Europe by irregular routes in 2022, the fifth-largest group on the "
                 "Mediterranean and Balkan routes.", "4555-4562", [("4555-4558", "16"), ("4559-4562", "бесінші")]),
        (CLAIM, "A 'significant part' come from coastal and rural areas hit by floods; the article adds that "
                "most climate displacement stays in the country or goes to India, and Europe feels only a "
                "limited part.", "4562-4580", []),
        (NUMBER, "NDICI grants for 2021–2024, a 'significant part' for adaptation; the article says these are not "
                 "labelled as migration programmes.", "4613-4642", [("4613-4616", "306")]),
    ],
}

# What the prose says about each country's vulnerability, to set beside Table 1's ND-GAIN column.
PROSE_VULNERABILITY = {
    "Syria": ("No ranking or index for Syria; the case calls it one of the most cited examples of the "
              "climate-conflict-migration link.", "3978-3981"),
    "Afghanistan": ("Among the ten countries hardest hit by climate change, despite small emissions.", "4142-4146"),
    "Somalia": ("One of the states especially vulnerable to extreme climate events.", "4287-4290"),
    "Bangladesh": ("Among the first ten countries by climate vulnerability, citing the World Risk Report 2023.",
                   "4473-4477"),
}


# --- helpers ---------------------------------------------------------------------------------------

def fact(pf, lines, printed):
    """The row of prose_facts printed as ``printed`` on ``lines``.

    >>> from coursekit import load
    >>> fact(load("eu_climate_migration/prose_facts"), "4041-4045", "151").unit
    'thousand applications'
    """
    rows = pf[(pf.source_line == lines) & (pf.value_printed == printed)]
    if len(rows) != 1:
        raise KeyError(f"no single prose fact {printed!r} on lines {lines}")
    return rows.iloc[0]


def describe_fact(row):
    """One prose fact as a short phrase: qualifier, the value as printed, unit, year, lines.

    >>> from coursekit import load
    >>> describe_fact(fact(load("eu_climate_migration/prose_facts"), "4405-4407", "84"))
    'more than 84 million EUR (2023): EU humanitarian funding for Somalia (lines 4405-4407)'
    """
    qualifier = f"{row.qualifier} " if row.qualifier and row.qualifier != "indefinite" else ""
    year = f" ({row.year})" if row.year else ""
    return f"{qualifier}{row.value_printed} {row.unit}{year}: {row.quantity} (lines {row.source_line})"


def in_millions(row):
    """A people-figure of prose_facts in millions (thousands converted).

    >>> from coursekit import load
    >>> in_millions(fact(load("eu_climate_migration/prose_facts"), "4184-4188", "87"))
    0.087
    """
    return float(row.value) / SCALE[row.unit.split()[0]]


def people_figures(pf):
    """The :data:`PEOPLE_FIGURES` as a list of (country, stage, row) with the data's own rows.

    >>> from coursekit import load
    >>> figs = people_figures(load("eu_climate_migration/prose_facts"))
    >>> len(figs), sorted({stage for _, stage, _ in figs}) == sorted(STAGES)
    (12, True)
    """
    return [(c, stage, fact(pf, lines, printed)) for c, stage, lines, printed in PEOPLE_FIGURES]


def _esc(text):
    return html.escape(str(text))


# --- the evidence page -----------------------------------------------------------------------------

@styled
def table1_chart(t1, pf):
    """Table 1's two numeric columns, with the prose's 2050 figure for Bangladesh marked beside the table's.

    >>> from coursekit import load
    >>> chart = table1_chart(load("eu_climate_migration/table1_climate_risk_migration"),
    ...                      load("eu_climate_migration/prose_facts"))
    >>> chart.alt.split(". ")[1]
    'ND-GAIN values as printed: Syria 35.7, Afghanistan 32.8, Somalia 35.7, Bangladesh 32.9'
    >>> "the prose gives up to 19.9 million for Bangladesh" in chart.alt
    True
    """
    t = t1.set_index("country_english").loc[COUNTRIES]
    bangla = fact(pf, "4526-4533", "19,9")
    fig, (left, right) = new_figure(9, 3.6, ncols=2, sharey=True)
    names = list(t.index)
    left.barh(names, t.vulnerability_nd_gain_index_points, color=BLUE)
    left.set_xlim(0, 100)
    left.set_xlabel("value printed under 'ND-GAIN index, 2023'")
    left.set_title("'Vulnerability level' column")
    right.barh(names, t.migration_forecast_2050_million_people, color=ORANGE, label="Table 1")
    right.plot([bangla.value], ["Bangladesh"], "D", color=VERMILION, markersize=9,
               label="prose, lines 4526–4533")
    right.set_xlabel("million people")
    right.set_title("'Migration projection to 2050' column")
    right.legend(fontsize=8, loc="upper right")
    for ax, col in [(left, t.vulnerability_nd_gain_index_printed), (right, t.migration_forecast_2050_printed)]:
        values = t.vulnerability_nd_gain_index_points if ax is left else t.migration_forecast_2050_million_people
        for y, (v, label) in enumerate(zip(values, col)):
            ax.annotate(label, (v, y), textcoords="offset points", xytext=(4, -3), fontsize=9)
    left.invert_yaxis()
    gap = bangla.value - t.loc["Bangladesh", "migration_forecast_2050_million_people"]
    nd = ", ".join(f"{c} {v}" for c, v in zip(t.index, t.vulnerability_nd_gain_index_printed))
    mig = ", ".join(f"{c} {v}" for c, v in zip(t.index, t.migration_forecast_2050_printed))
    return figure(
        fig,
        ref=FIGURES["table1"],
        alt=f"Two bar charts of Table 1 for {len(t)} countries. ND-GAIN values as printed: {nd}. "
            f"Migration projections to 2050 in million people as printed: {mig}; a diamond shows that the "
            f"prose gives up to {bangla.value:g} million for Bangladesh, {gap:.1f} "
            "million more than the table.",
        caption="Table 1 as printed: the value under the 'vulnerability level (ND-GAIN index, 2023)' header, "
                "drawn on a 0–100 axis (the range of ND-GAIN's country index), and the World Bank "
                "migration projection to 2050. The "
                "diamond is the figure the text gives for Bangladesh (lines 4526–4533). The table does not "
                "say which way its index runs or that its projections are of internal migration; the text "
                "says the latter (lines 4779–4781).",
        source=TABLE1_SOURCE,
    )


@styled
def people_chart(pf):
    """The people-figures of the four cases, by where the movement happens, on a logarithmic scale.

    >>> from coursekit import load
    >>> chart = people_chart(load("eu_climate_migration/prose_facts"))
    >>> chart.alt.count("lines ")
    12
    >>> "Somalia: in or on the way to the EU: no number" in chart.alt
    True
    """
    figs = people_figures(pf)
    fig, ax = new_figure(8, 4.4)
    colours = dict(zip(STAGES, [BLUE, ORANGE, VERMILION]))
    offsets = dict(zip(STAGES, [0.22, 0, -0.22]))  # the y axis is inverted: EU figures sit above
    for stage in STAGES:
        pts = [(COUNTRIES.index(c), in_millions(r)) for c, s, r in figs if s == stage]
        ax.plot([v for _, v in pts], [y + offsets[stage] for y, _ in pts], "o", color=colours[stage],
                markersize=8, label=stage)
    for c, s, r in figs:
        group = sorted((in_millions(g) for cc, ss, g in figs if cc == c and ss == s))
        rank = group.index(in_millions(r)) if len(group) > 1 else 2     # stagger labels of close dots
        xytext, ha = [((-6, -3), "right"), ((0, 7), "center"), ((6, -3), "left")][rank]
        ax.annotate(f"{r.value_printed} {r.unit.split()[0]}", (in_millions(r), COUNTRIES.index(c) + offsets[s]),
                    textcoords="offset points", xytext=xytext, ha=ha, fontsize=8)
    ax.set_yticks(range(len(COUNTRIES)), COUNTRIES)
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlim(0.008, 60)
    ax.set_xlabel("million (logarithmic scale)")
    ax.set_title("Numbers of people the four cases print, by where they move")
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3)
    parts = []
    for c in COUNTRIES:
        for stage in STAGES:
            rows = [r for cc, s, r in figs if cc == c and s == stage]
            text = "; ".join(f"{r.qualifier + ' ' if r.qualifier else ''}{r.value_printed} {r.unit} "
                             f"({r.year or 'no year'}, lines {r.source_line})" for r in rows) or "no number"
            parts.append(f"{c}: {stage}: {text}")
    return figure(
        fig,
        ref=FIGURES["people"],
        alt=f"Dot chart of the {len(figs)} people-figures in the four cases. " + ". ".join(parts) + ".",
        caption=f"The {len(figs)} figures of people on the move that the four case studies print, placed by "
                "where the movement happens (our coding). They measure different things: people, "
                "displacement cases, asylum applications and irregular arrivals, over different years. Only "
                "Syria has a number for people abroad; Somalia has none for Europe.",
        source="case studies, lines 3977–4689",
    )


@styled
def funding_chart(ei):
    """The four EU measures with a printed euro amount, with their period and qualifier.

    >>> from coursekit import load
    >>> chart = funding_chart(load("eu_climate_migration/eu_instruments"))
    >>> chart.alt.split(": ")[1].split("; ")[0]
    'NDICI grant aid to Bangladesh, 306 million euro, 2021–2024 (lines 4613-4623)'
    """
    amounts = ei[ei.amount_eur_million.notna()].sort_values("amount_eur_million", ascending=False)
    fig, ax = new_figure(8, 3.2)

    def period(r):
        return f"{int(r.year_start)}" if r.year_start == r.year_end else f"{int(r.year_start)}–{int(r.year_end)}"

    labels = [f"{r.instrument_english.split(' - ')[0]} ({period(r)})" for r in amounts.itertuples()]
    ax.barh(labels, amounts.amount_eur_million, color=[SKY if r.amount_qualifier else BLUE
                                                       for r in amounts.itertuples()])
    for y, r in enumerate(amounts.itertuples()):
        ax.annotate(f"{r.amount_qualifier + ' ' if r.amount_qualifier else ''}{r.amount_printed}",
                    (r.amount_eur_million, y), textcoords="offset points", xytext=(4, -3), fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("million euro, as printed")
    ax.set_title("EU measures with an amount in the article")
    items = "; ".join(
        f"{r.instrument_english}, {r.amount_qualifier + ' ' if r.amount_qualifier else ''}{r.amount_printed} "
        f"million euro, {period(r)} (lines {r.source_line})" for r in amounts.itertuples())
    named = len(ei)
    return figure(
        fig,
        ref=FIGURES["funding"],
        alt=f"Bar chart of the {len(amounts)} EU measures for which the article prints an amount: {items}. "
            f"The other {named - len(amounts)} instruments, channels and proposals in our list have no amount.",
        caption=f"Only {len(amounts)} of the {named} EU instruments, channels and proposals we list from the "
                "article carry a euro amount. The periods differ (a single contribution announced in July "
                "2023, one year, multi-year programmes), so the bars are not comparable as yearly "
                "spending. The lighter bar is printed as 'more than'.",
        source="Afghanistan, Somalia and Bangladesh cases, lines 4222–4623",
    )


# --- the explorer: case explorer -------------------------------------------------------------------

def case_card(country, cc, pf, ei, t1):
    """A card for one case: its headings, hazards, displacement, route to Europe and EU instruments.

    >>> from coursekit import load
    >>> frames = [load(f"eu_climate_migration/{n}") for n in
    ...           ("case_countries", "prose_facts", "eu_instruments", "table1_climate_risk_migration")]
    >>> html = case_card("Somalia", *frames)
    >>> "39 million euro" in html and "in or on the way to the EU</th><td>no number" in html
    True
    """
    rows_c = cc[cc.country_english == country]
    heading = rows_c[rows_c.aspect == "section_heading"].iloc[0]
    t = t1.set_index("country_english").loc[country]
    figs = [(s, r) for c, s, r in people_figures(pf) if c == country]

    def summaries(aspect):
        return "<br>".join(f"{_esc(r.summary_english)} <small>(lines {r.source_line})</small>"
                           for r in rows_c[rows_c.aspect == aspect].itertuples()) or "–"

    rows = [
        ("Case heading, as printed", f"{_esc(heading.heading_original)} <small>(lines {heading.source_line})</small>"),
        ("Table 1's climate threats", f"{_esc(t.climate_threats_original)} ({_esc(t.climate_threats_english)})"),
        ("Hazards in the case (our summary)", summaries("climate_hazards")),
    ]
    for stage in STAGES:
        found = [describe_fact(r) for s, r in figs if s == stage]
        rows.append((f"People {stage}", "<br>".join(map(_esc, found)) or "no number"))
    rows.append(("Route to Europe (our summary)", summaries("route_to_europe") if
                 (rows_c.aspect == "route_to_europe").any() else "the case says nothing specific about routes"))
    tools = ei[ei.country_context == country]
    listed = []
    for r in tools.itertuples():
        money = (f"{r.amount_qualifier + ' ' if r.amount_qualifier and r.amount_qualifier != 'indefinite' else ''}"
                 f"{r.amount_printed} million euro" if r.amount_printed and r.amount_qualifier != "indefinite"
                 else ("'hundreds of millions' of euro" if r.amount_qualifier == "indefinite" else "no amount"))
        when = f", {r.year_printed}" if r.year_printed else ""
        listed.append(f"{_esc(r.instrument_english)} [{_esc(r.kind)}]: {money}{_esc(when)} "
                      f"<small>(lines {r.source_line})</small>")
    rows.append((f"EU instruments and proposals ({len(tools)})", "<br>".join(listed)))
    return card(f"{country} ({t.country_body_original})", rows,
                note="The rows 'People …' are our coding of where each movement happens; the figures and "
                     "lines come from data/eu_climate_migration/prose_facts.csv.")


def case_views(cc, pf, ei, t1):
    """One case card per country, in the article's order.

    >>> from coursekit import load
    >>> frames = [load(f"eu_climate_migration/{n}") for n in
    ...           ("case_countries", "prose_facts", "eu_instruments", "table1_climate_risk_migration")]
    >>> views = case_views(*frames)
    >>> list(views), all("lines" in v for v in views.values())
    (['Syria', 'Afghanistan', 'Somalia', 'Bangladesh'], True)
    """
    return {c: case_card(c, cc, pf, ei, t1) for c in COUNTRIES}


# --- the explorer: from climate risk to EU policy --------------------------------------------------

def chain_card(country, pf):
    """The chain hazard → displacement → Europe → EU tool for one case, each link marked by its status.

    >>> from coursekit import load
    >>> html = chain_card("Somalia", load("eu_climate_migration/prose_facts"))
    >>> html.count("a gap: nothing in the article fills it"), html.count("a number the article gives")
    (1, 3)
    """
    rows = []
    for link, (status, text, lines, facts) in zip(LINKS, CHAINS[country]):
        numbers = "".join(f"<br>• {_esc(describe_fact(fact(pf, *f)))}" for f in facts)
        symbol = {NUMBER: "●", CLAIM: "◐", GAP: "○"}[status]
        badge = (f"<strong style='color:{STATUS_TEXT_COLOUR[status]}'>{symbol} "
                 f"{STATUS_LABEL[status]}</strong>")
        rows.append((link, f"{badge}<br>{_esc(text)} <small>(lines {lines})</small>{numbers}"))
    counts = {s: sum(1 for st, *_ in CHAINS[country] if st == s) for s in STATUS_LABEL}
    note = (f"Our coding: {counts[NUMBER]} links with a number, {counts[CLAIM]} with a claim only, "
            f"{counts[GAP]} gap(s). A number shows that something happened; it does not show that climate "
            "caused it.")
    return card(f"{country}: from climate risk to EU policy", rows, note=note)


def chain_views(pf):
    """One chain card per country.

    >>> from coursekit import load
    >>> views = chain_views(load("eu_climate_migration/prose_facts"))
    >>> [v.count("<tr>") for v in views.values()]
    [5, 5, 5, 5]
    """
    return {c: chain_card(c, pf) for c in COUNTRIES}


# --- the explorer: check Table 1 -------------------------------------------------------------------

def table1_check_card(country, t1, pf, cc):
    """Table 1's row for one country beside what the prose says of the same country and measure.

    >>> from coursekit import load
    >>> frames = [load(f"eu_climate_migration/{n}") for n in
    ...           ("table1_climate_risk_migration", "prose_facts", "case_countries")]
    >>> html = table1_check_card("Bangladesh", *frames)
    >>> "13.3" in html and "up to 19,9 million people (2050)" in html
    True
    >>> "no 2050 figure for Syria" in table1_check_card("Syria", *frames)
    True
    """
    t = t1.set_index("country_english").loc[country]
    heading = cc[(cc.country_english == country) & (cc.aspect == "section_heading")].iloc[0]
    topic = country.lower()
    prose_2050 = pf[(pf.topic == topic) & (pf.year == "2050") & pf.unit.str.contains("people")]
    vuln_text, vuln_lines = PROSE_VULNERABILITY[country]
    rows = [
        ("Country name", f"table: {_esc(t.country_original)} · body: {_esc(t.country_body_original)}"),
        ("Climate threats: Table 1", f"{_esc(t.climate_threats_original)} ({_esc(t.climate_threats_english)}) "
                                     f"<small>(line {t.source_line})</small>"),
        ("Climate threats: case heading",
         f"{_esc(heading.heading_original)} <small>(lines {heading.source_line})</small>"),
        ("Vulnerability: Table 1", f"{t.vulnerability_nd_gain_index_printed} under the header 'Осалдық деңгейі "
                                   "(ND-GAIN индексі, 2023' (lines 4695–4696); no scale or direction printed"),
        ("Vulnerability: the prose", f"{_esc(vuln_text)} <small>(lines {vuln_lines})</small>"),
        ("Projection to 2050: Table 1", f"{t.migration_forecast_2050_printed} million people, World Bank per the "
                                        "header (lines 4698–4699); the header does not say internal or abroad"),
        ("Projection to 2050: the prose",
         "<br>".join(_esc(describe_fact(r)) for r in prose_2050.itertuples())
         or f"no 2050 figure for {country} in the prose"),
        ("What the text says the table shows", "climate vulnerability and the projected scale of internal "
                                               "migration to 2050 (lines 4776–4781)"),
    ]
    return card(f"Table 1 beside the prose: {country}", rows,
                note="Set side by side, not judged: decide for yourself whether each pair agrees.")


def table1_check_views(t1, pf, cc):
    """One Table 1 check card per country.

    >>> from coursekit import load
    >>> frames = [load(f"eu_climate_migration/{n}") for n in
    ...           ("table1_climate_risk_migration", "prose_facts", "case_countries")]
    >>> views = table1_check_views(*frames)
    >>> len(views), all(v.count("<tr>") == 8 for v in views.values())
    (4, True)
    """
    return {c: table1_check_card(c, t1, pf, cc) for c in COUNTRIES}
