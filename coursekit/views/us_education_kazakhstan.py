"""The charts and views of the chapter on US educational programmes in Kazakhstan
(chapters/us_education_kazakhstan/evidence.md and explorer.md).

Every function takes the data frames a page has loaded with :func:`coursekit.load` and returns what the
page shows: a captioned :class:`coursekit.charts.Figure` whose alt text is computed from the numbers, an
HTML table or card, or a dictionary of views for :func:`coursekit.explorer`.

The article is cited by the lines of its plain-text edition (seed file 003, lines 911-1867).
"""

from __future__ import annotations

import html

import pandas as pd

from coursekit.charts import PALETTE, figure, new_figure, numbered, styled
from coursekit.widgets import card, table

# The chapter's charts, numbered in the order its pages show them (Figure <chapter>.<n>).
FIGURES = numbered("us_education_kazakhstan", ["students", "presence", "findings", "timeline"])

BLUE, ORANGE, GREEN, VERMILION, PURPLE, SKY = (PALETTE[i] for i in (0, 1, 2, 3, 4, 5))
GREY = "#999999"
RESPONDENTS = 7  # lines 965, 1391-1392, 1675, 1842
SPONSOR_COLOURS = {"USA": BLUE, "Russia": VERMILION, "Türkiye": ORANGE}

# Our reading of each Table 2 row (lines 1550-1591): what the cell says about the degree, the funding and
# the selection. Every phrase in «» is quoted from the cell; "not stated" means the cell is silent.
PROGRAMME_READING = {
    "Global UGRAD": {
        "degree": "no: «без получение степени» (non-degree study; line 1556)",
        "funding": "J-1 visa, travel, insurance, tuition, housing, meals and «ряд компенсаций» (lines 1557–1558); "
                   "who pays is not named",
        "selection": "students «с лидерскими качествами» (lines 1555–1556)",
    },
    "Fulbright TEA": {
        "degree": "not stated (seminars and a practicum of at least 40 hours; lines 1565–1568)",
        "funding": "not stated: the cell speaks of an «Приглашение в США» (invitation to the USA; line 1564)",
        "selection": "not stated beyond the target group",
    },
    "IWP": {
        "degree": "not stated",
        "funding": "not stated: «Поддержка» lists activities (master classes, writing practice, seminars, "
                   "cultural visits; lines 1573–1575), not costs",
        "selection": "not stated; the cell does not say who takes part",
    },
    "FLEX": {
        "degree": "not stated (a year at an American school; line 1581)",
        "funding": "«за счет финансирования правительством США» (US government), travel, insurance, "
                   "allowances (lines 1582–1583)",
        "selection": "not stated in its row; the next row calls FLEX's selection stricter (line 1590)",
    },
    "High School Exchange Program": {
        "degree": "not stated; includes preparation for entering a college or university (lines 1589–1590)",
        "funding": "«с возможностью платного обучения» (an option to pay; line 1591)",
        "selection": "«при менее строгом отборе» than FLEX (less strict selection; line 1590)",
    },
}

# The sentence in which the article generalises each theme: finding ids of interview_findings.csv.
GENERALISED_IN = {
    "RQ3": ["abstract_most_positive", "conclusion_all_satisfied"],
    "RQ4": ["conclusion_many_compare"],
    "RQ5": ["conclusion_values_assimilated_by_all"],
    "RQ6": ["rq6_all_soft_power_capital"],
}
# Short English labels of the findings, for alt text.
SHORT_FINDINGS = {
    "rq3_all_satisfied": "satisfied with the teaching",
    "rq3_one_noted_shortcomings": "noted shortcomings",
    "rq4_all_useful": "found it high-quality and useful",
    "rq4_one_caveat": "said adoption would need reforms",
    "rq5_values_conveyed": "values are conveyed",
    "rq5_detailed_account": "described in detail how",
    "rq5_american_politics_course": "named an American politics course",
    "rq6_all_rated_highly": "rated the training highly",
}
SAMPLE_ROWS = ["respondents_methodology", "programme_global_ugrad", "programme_fulbright_tea", "programme_masters"]

# Which rows of prose_facts.csv count each sponsor's presence (matched on the start of `quantity`).
PRESENCE_FACTS = {
    "USA": [],
    "Russia": ["branches of Russian universities in the countries of Central Asia",
               "branches of major Russian universities in Kazakhstan",
               "branches of Russian universities in Uzbekistan",
               "share of students from Kazakhstan (studying abroad) who study in Russia",
               "share of students from Uzbekistan (studying abroad) who study in Russia"],
    "Türkiye": ["lyceums opened in Kazakhstan", "higher-education institutions in Kazakhstan implementing Turkish"],
    "China": [],
    "EU": [],
}
# Where the article names a sponsor as a competitor, for the sponsors it counts nothing for.
NAMED_AS_COMPETITOR = {
    "China": "920–922, 1055–1056, 1209–1210, 1294, 1299–1304",
    "EU": "1209–1210, 1294–1297",
}


def lines_of(span: str) -> str:
    """A data file's line span written for readers ('1464-1466' -> 'lines 1464–1466').

    >>> lines_of("1464-1466"), lines_of("1644")
    ('lines 1464–1466', 'line 1644')
    """
    span = str(span).replace("-", "–")
    return f"lines {span}" if "–" in span or ";" in span or "," in span else f"line {span}"


def dots(count, out_of: int = RESPONDENTS) -> str:
    """A count of respondents as filled and empty dots, with the number (empty text when no number).

    >>> dots(5)
    '●●●●●○○ 5 of 7'
    >>> dots(None)
    ''
    """
    if count is None or pd.isna(count):
        return ""
    count = int(count)
    return "●" * count + "○" * (out_of - count) + f" {count} of {out_of}"


# --- Figure 1: the two numbers the prose prints ----------------------------------------------------

def figure1_numbers(students):
    """The total, Kazakhstan's number, the rest (computed) and Kazakhstan's share of the total in %.

    >>> from coursekit import load
    >>> figure1_numbers(load("us_education_kazakhstan/central_asian_students_us"))
    {'total': 6086, 'kazakhstan': 2712, 'others': 3374, 'kazakhstan_share': 44.6}
    """
    value = dict(zip(students.country, students.value.astype(int)))
    total = value["Central Asia (all countries of the figure)"]
    kz = value["Kazakhstan"]
    return {"total": total, "kazakhstan": kz, "others": total - kz, "kazakhstan_share": round(100 * kz / total, 1)}


@styled
def students_chart(students):
    """One stacked bar: Kazakhstan's students in the USA and the rest of the region's (computed by us).

    >>> from coursekit import load
    >>> chart = students_chart(load("us_education_kazakhstan/central_asian_students_us"))
    >>> chart.alt.split(". ")[1]
    'Kazakhstan 2712 (44.6 %), the other Central Asian countries together 3374, computed by subtraction'
    """
    n = figure1_numbers(students)
    fig, ax = new_figure(9, 2.2)
    ax.barh([0], [n["kazakhstan"]], color=BLUE, label="Kazakhstan (printed, line 1662)")
    ax.barh([0], [n["others"]], left=[n["kazakhstan"]], color=GREY, hatch="//",
            label="other Central Asian countries together (6086 − 2712, our subtraction)")
    ax.text(n["kazakhstan"] / 2, 0, f"{n['kazakhstan']}", ha="center", va="center", color="white", weight="bold")
    ax.text(n["kazakhstan"] + n["others"] / 2, 0, f"{n['others']}", ha="center", va="center", weight="bold")
    ax.set_yticks([])
    ax.set_xlim(0, n["total"] * 1.02)
    ax.set_xlabel("students from Central Asia in the USA, 2024–2025 academic year")
    ax.set_title(f"Total printed: {n['total']} (line 1655)")
    ax.legend(fontsize=8.5, loc="upper center", bbox_to_anchor=(0.5, -0.45), ncol=2)
    return figure(
        fig,
        ref=FIGURES["students"],
        alt=f"One horizontal bar of {n['total']} students from Central Asia in the USA in 2024–2025, split in two. "
            f"Kazakhstan {n['kazakhstan']} ({n['kazakhstan_share']} %), the other Central Asian countries together "
            f"{n['others']}, computed by subtraction. No other country's number is printed.",
        caption="The only two numbers the text prints about Figure 1: the region's total and Kazakhstan's count. "
                "The figure itself is an image that is not in our text, so the other countries are shown as one "
                "block computed by subtraction, not read from the figure.",
        source="text on Figure 1, lines 1653–1662 (caption line 1658)",
    )


# --- Table 2: the programmes ------------------------------------------------------------------------

def duration_text(row) -> str:
    """The duration of a Table 2 row as printed, with our reading in brackets.

    >>> from coursekit import load
    >>> t2 = load("us_education_kazakhstan/exchange_programmes").set_index("programme_short_name")
    >>> duration_text(t2.loc["FLEX"]), duration_text(t2.loc["High School Exchange Program"])
    ('«1-гичное» (1 year)', 'not printed')
    """
    printed = row.duration_printed
    if not printed:
        return "not printed"
    if not pd.isna(row.duration_years):
        return f"«{printed}» ({int(row.duration_years)} year)"
    return f"«{printed}» ({int(row.duration_weeks)} weeks)"


def target_text(row) -> str:
    """Who a Table 2 programme is for, in English, or 'not stated'."""
    return row.participants_english or "not stated"


def programme_comparison(programmes) -> str:
    """Table 2 as a comparison: target group, duration, degree and funding, one row per programme.

    >>> from coursekit import load
    >>> html_table = programme_comparison(load("us_education_kazakhstan/exchange_programmes"))
    >>> html_table.count("<tr>"), "«2 недели» (2 weeks)" in html_table
    (5, True)
    """
    frame = pd.DataFrame({
        "Programme": programmes.programme_short_name,
        "For whom": [target_text(r) for r in programmes.itertuples()],
        "Duration as printed": [duration_text(r) for r in programmes.itertuples()],
        "Degree?": [PROGRAMME_READING[n]["degree"] for n in programmes.programme_short_name],
        "What is funded, and by whom": [PROGRAMME_READING[n]["funding"] for n in programmes.programme_short_name],
        "Lines": [lines_of(s) for s in programmes.source_line],
    })
    return table(frame, caption="Table 2 (lines 1546–1593) as a comparison; degree and funding are our reading "
                                "of each cell")


def programme_card(row) -> str:
    """A card for one Table 2 programme: target, duration, what it funds, selection, the cell as printed.

    >>> from coursekit import load
    >>> row = next(load("us_education_kazakhstan/exchange_programmes").itertuples())
    >>> html_card = programme_card(row)
    >>> "«с лидерскими качествами»" in html_card, "lines 1550–1558" in html_card
    (True, True)
    """
    reading = PROGRAMME_READING[row.programme_short_name]
    extras = []
    if row.host_institution_printed:
        extras.append(("Host", html.escape(row.host_institution_printed)))
    if row.visa_printed:
        extras.append(("Visa", html.escape(row.visa_printed)))
    if not pd.isna(row.practicum_min_hours):
        extras.append(("Practicum", f"at least {int(row.practicum_min_hours)} hours («не менее 40 часов»)"))
    if row.programme_cycle_printed:
        extras.append(("Cycle printed", html.escape(row.programme_cycle_printed)))
    rows = [
        ("Programme (as printed)", html.escape(row.programme_original)),
        ("For whom", html.escape(target_text(row))),
        ("Duration", html.escape(duration_text(row))),
        ("Degree?", html.escape(reading["degree"])),
        ("What it funds", html.escape(reading["funding"])),
        ("Selection", html.escape(reading["selection"])),
        *extras,
        ("The cell as printed", f"<span lang='ru'>{html.escape(row.characteristics_original)}</span>"),
        ("Our translation", html.escape(row.characteristics_english)),
        ("Where", lines_of(row.source_line)),
    ]
    return card(row.programme_short_name, rows, note=html.escape(row.note))


def programme_views(programmes) -> dict:
    """One card per Table 2 programme, labelled by its short name.

    >>> from coursekit import load
    >>> list(programme_views(load("us_education_kazakhstan/exchange_programmes")))[:3]
    ['Global UGRAD', 'Fulbright TEA', 'IWP']
    """
    return {r.programme_short_name: programme_card(r) for r in programmes.itertuples()}


# --- The interviews ---------------------------------------------------------------------------------

def count_text(row) -> str:
    """How a finding's count is printed and what we read it as.

    >>> from coursekit import load
    >>> f = load("us_education_kazakhstan/interview_findings").set_index("finding_id")
    >>> count_text(f.loc["rq5_values_conveyed"]), count_text(f.loc["conclusion_many_compare"])
    ('●●●●●○○ 5 of 7 (printed «5 из 7»)', 'no number: «Многие»')
    """
    if pd.isna(row["count"]):
        return f"no number: «{row['count_printed']}»"
    base = "" if not pd.isna(row["out_of"]) else (", base not printed" if row["count_printed"].isdigit() else "")
    printed = (f"«{row['count_printed']} из {int(row['out_of'])}»" if not pd.isna(row["out_of"])
               else f"«{row['count_printed']}»")
    read = "" if row["count_printed"].isdigit() else f", read as {int(row['count'])}"
    return f"{dots(row['count'])} (printed {printed}{read}{base})"


@styled
def findings_chart(findings):
    """The results section's findings as counts out of the 7 respondents, with the abstract's 'most'.

    >>> from coursekit import load
    >>> chart = findings_chart(load("us_education_kazakhstan/interview_findings"))
    >>> chart.alt[:45], "values are conveyed: 5 of 7" in chart.alt
    ('Horizontal bars for 8 findings of the results', True)
    """
    inferred = {i for ids in GENERALISED_IN.values() for i in ids}
    rows = findings[(findings.research_question != "") & ~findings.finding_id.isin(inferred)].iloc[::-1]
    labels = [f"{r.research_question}: {r.finding[:70]}{'…' if len(r.finding) > 70 else ''}" for r in rows.itertuples()]
    colours = [VERMILION if r.count_printed.isdigit() else SKY for r in rows.itertuples()]
    fig, ax = new_figure(9, 5.2)
    ax.barh(labels, rows["count"].astype(float), color=colours)
    for y, r in enumerate(rows.itertuples()):
        ax.text(float(r.count) + 0.1, y, f"«{r.count_printed}»", va="center", fontsize=8.5)
    ax.set_xlim(0, RESPONDENTS + 1.2)
    ax.axvline(RESPONDENTS, color="#333333", linewidth=0.8, linestyle="--")
    ax.set_xlabel("respondents (of 7); dark bars: a numeral is printed, light bars: a word we read as a number")
    ax.tick_params(axis="y", labelsize=8)
    ax.set_title("What the results section counts, of the 7 respondents")
    parts = [f"{r.research_question} {SHORT_FINDINGS.get(r.finding_id, r.finding_id)}: {int(r.count)} of 7"
             for r in rows.iloc[::-1].itertuples()]
    return figure(
        fig,
        ref=FIGURES["findings"],
        alt=f"Horizontal bars for {len(rows)} findings of the results section, each a number of respondents out of "
            f"7: " + "; ".join(parts) + ". Two are printed with their base of 7 (5 of 7, and one of 7) and one "
            "as 'all 7'; the others are the words 'all' and 'one', read as 7 and 1.",
        caption=f"The {len(rows)} findings the results section reports for research questions 3–6, as counts of "
                "the 7 respondents (its closing inference that all become 'soft power capital' is left out: it is "
                "not a count of answers). Where the article writes a word («все», «один») we show the number it "
                "stands for, in a lighter colour.",
        source="interview findings, lines 1691–1829",
    )


def theme_views(findings, questions, research_questions) -> dict:
    """One card per theme (who answered; RQ3–RQ6): the questions asked, the counts, and the generalisation.

    >>> from coursekit import load
    >>> views = theme_views(load("us_education_kazakhstan/interview_findings"),
    ...                     load("us_education_kazakhstan/interview_questions"),
    ...                     load("us_education_kazakhstan/research_questions"))
    >>> list(views)[0], len(views)
    ('Who answered (interview question 1)', 5)
    >>> v = views["RQ5: are US values conveyed?"]
    >>> "●●●●●○○ 5 of 7" in v, "была усвоена всеми респондентами" in v
    (True, True)
    """
    f = findings.set_index("finding_id", drop=False)
    rq = research_questions.set_index("rq_code")
    views = {}

    def finding_rows(ids):
        return [(count_text(f.loc[i]), f"{html.escape(f.loc[i, 'finding'])} <span lang='ru'>«"
                 f"{html.escape(f.loc[i, 'wording_original'])}»</span> ({lines_of(f.loc[i, 'source_line'])})")
                for i in ids]

    q1 = questions[questions.question_number == 1].iloc[0]
    rows = [("Question asked", f"<span lang='ru'>{html.escape(q1.question_original)}</span> "
                               f"({html.escape(q1.question_english)}; {lines_of(q1.question_source_line)})")]
    rows += finding_rows(SAMPLE_ROWS)
    rows.append(("How they were found", "purposive selection through the authors' professional contacts; "
                                        "written answers to open questions on Google Forms, April 2025 "
                                        "(lines 1447–1456)"))
    rows.append(("What the article generalises to", "the hypothesis speaks of study in the USA «по любой "
                                                    "программе» (under any programme; line 1357)"))
    views["Who answered (interview question 1)"] = card(
        "Who answered", rows, note="Not reported: when each respondent studied, although question 1 asks it "
                                   "(lines 1403–1404), and their occupations.")

    titles = {"RQ3": "RQ3: general impressions", "RQ4": "RQ4: high-quality and useful?",
              "RQ5": "RQ5: are US values conveyed?", "RQ6": "RQ6: does it affect loyalty?"}
    for code, title in titles.items():
        r = rq.loc[code]
        linked = questions[questions.linked_research_questions.str.contains(code)]
        asked = "; ".join(f"Q{q.question_number}: {html.escape(q.question_english)}" for q in linked.itertuples())
        ids = [i for i in f.index if f.loc[i, "research_question"] == code and i not in GENERALISED_IN[code]]
        rows = [("Research question", f"<span lang='ru'>{html.escape(r.question_original)}</span> "
                                      f"({lines_of(r.source_line)})"),
                ("Interview questions that serve it", asked or "none")]
        rows += finding_rows(ids)
        gen = GENERALISED_IN[code]
        rows += [("The article generalises: " + count_text(f.loc[i]),
                  f"<span lang='ru'>«{html.escape(f.loc[i, 'wording_original'])}»</span> "
                  f"({html.escape(f.loc[i, 'section'].replace('_', ' '))}, {lines_of(f.loc[i, 'source_line'])})")
                 for i in gen]
        views[title] = card(title, rows, note="Compare the counts with the generalising sentence: how many "
                                              "answers stand behind it, and how were they chosen?")
    return views


# --- Presence of each sponsor -----------------------------------------------------------------------

def presence_counts(facts, institutions):
    """What the prose counts (or only names) for each sponsor's institutional presence.

    >>> from coursekit import load
    >>> p = presence_counts(load("us_education_kazakhstan/prose_facts"),
    ...                     load("us_education_kazakhstan/institutions_named"))
    >>> [(r.sponsor, r.what, r.number, r.kind) for r in p.itertuples()][:1]
    [('Russia', 'branches of Russian universities, Central Asia (2024)', 23, 'counted')]
    """
    rows = []
    counted = [("Russia", "branches of Russian universities in the countries of Central Asia",
                "branches of Russian universities, Central Asia (2024)"),
               ("Russia", "branches of major Russian universities in Kazakhstan",
                "branches of Russian universities, Kazakhstan (end 2024)"),
               ("Russia", "branches of Russian universities in Uzbekistan",
                "branches of Russian universities, Uzbekistan"),
               ("Türkiye", "lyceums opened in Kazakhstan", "lyceums opened in Kazakhstan since the 1990s"),
               ("Türkiye", "higher-education institutions in Kazakhstan implementing Turkish",
                "universities with Turkish programmes, Kazakhstan (printed '3')")]
    for sponsor, start, label in counted:
        r = facts[facts.quantity.str.startswith(start)].iloc[0]
        rows.append({"sponsor": sponsor, "what": label, "number": int(r.value), "kind": "counted",
                     "lines": r.source_line})
    tr = institutions[institutions.sponsor == "Türkiye"]
    rows.append({"sponsor": "Türkiye", "what": "universities with Turkish programmes, named in the same sentence",
                 "number": len(tr), "kind": "named", "lines": "1500-1508"})
    us = institutions[institutions.sponsor == "USA"]
    rows.append({"sponsor": "USA", "what": "US-linked universities, branches and programmes named (no count printed)",
                 "number": len(us), "kind": "named", "lines": "1514-1533"})
    return pd.DataFrame(rows)


@styled
def presence_chart(facts, institutions):
    """Bars of what the article counts or names for Russia, Türkiye and the USA; counted vs named apart.

    >>> from coursekit import load
    >>> chart = presence_chart(load("us_education_kazakhstan/prose_facts"),
    ...                        load("us_education_kazakhstan/institutions_named"))
    >>> "Russia: branches of Russian universities, Central Asia (2024) 23 (counted)" in chart.alt
    True
    >>> chart.alt.endswith("China and the EU: no institution counted or named (named only as competitors).")
    True
    """
    p = presence_counts(facts, institutions).iloc[::-1]
    fig, ax = new_figure(8.5, 3.8)
    colours = [SPONSOR_COLOURS[s] for s in p.sponsor]
    bars = ax.barh([f"{s}: {w}" for s, w in zip(p.sponsor, p.what)], p.number, color=colours)
    for bar, kind in zip(bars, p.kind):
        if kind == "named":
            bar.set_hatch("//")
            bar.set_alpha(0.6)
    for y, n in enumerate(p.number):
        ax.text(n + 0.3, y, str(n), va="center")
    ax.tick_params(axis="y", labelsize=8.5)
    ax.set_xlabel("number the text gives (hatched: institutions we counted in a list the text prints)")
    ax.set_title("Who is present, and how: what the text counts")
    parts = [f"{r.sponsor}: {r.what} {r.number} ({r.kind})" for r in p.iloc[::-1].itertuples()]
    return figure(
        fig,
        ref=FIGURES["presence"],
        alt="Horizontal bars of the institutional presence the article reports: " + "; ".join(parts)
            + ". China and the EU: no institution counted or named (named only as competitors).",
        caption="Institutional presence by sponsor as the results section reports it. Solid bars are numbers the "
                "text prints; hatched bars are our count of institutions the text lists without a total. The "
                "units differ (branches, lyceums, universities), so compare within a row, not across.",
        source="lines 1464–1535; prose_facts.csv and institutions_named.csv",
    )


def sponsor_views(facts, institutions, programmes, students) -> dict:
    """One card per sponsor (USA, Russia, Türkiye, China, EU): channels counted, institutions named, lines.

    >>> from coursekit import load
    >>> views = sponsor_views(load("us_education_kazakhstan/prose_facts"),
    ...                       load("us_education_kazakhstan/institutions_named"),
    ...                       load("us_education_kazakhstan/exchange_programmes"),
    ...                       load("us_education_kazakhstan/central_asian_students_us"))
    >>> list(views)
    ['USA', 'Russia', 'Türkiye', 'China', 'EU']
    >>> "Global UGRAD" in views["USA"], "23" in views["Russia"], "counts nothing" in views["China"]
    (True, True, True)
    """
    views = {}
    for sponsor in PRESENCE_FACTS:
        rows = []
        for start in PRESENCE_FACTS[sponsor]:
            r = facts[facts.quantity.str.startswith(start)].iloc[0]
            unit = "%" if r.unit == "percent" else r.unit
            rows.append(("Counted", f"{html.escape(r.quantity)}: <strong>{html.escape(r.value_printed)} "
                                    f"{html.escape(unit)}</strong> ({lines_of(r.source_line)})"))
        named = institutions[institutions.sponsor == sponsor]
        for r in named.itertuples():
            where = ", ".join(x for x in (r.country, r.place_printed, r.date_printed) if x)
            rows.append((r.channel.capitalize(), f"<span lang='ru'>{html.escape(r.institution_printed)}</span>"
                                                 f" ({html.escape(where) or 'no place given'}; "
                                                 f"{lines_of(r.source_line)})"))
        if sponsor == "USA":
            n = figure1_numbers(students)
            rows.append(("Exchange and short programmes (Table 2)",
                         ", ".join(programmes.programme_short_name) + " (lines 1546–1593)"))
            rows.append(("Students in the USA (Figure 1 text)",
                         f"{n['total']} from Central Asia, {n['kazakhstan']} of them from Kazakhstan "
                         "(lines 1653–1662)"))
            note = ("The article prints no total of US branches; it says only that there are far fewer than Russian "
                    "ones (lines 1533–1535).")
        elif sponsor in NAMED_AS_COMPETITOR:
            rows.append(("In the article", f"named among the sponsors competing in the region (lines "
                                           f"{NAMED_AS_COMPETITOR[sponsor]}); the article counts nothing for it"))
            note = "No institution, programme or number is given for this sponsor."
        elif sponsor == "Türkiye":
            note = ("The article ties the 30 lyceums to the project of an organisation it prints as «ФЕТОПАРТ» "
                    "(Fethullah Gülen Movement) and says they changed status because of problems between that "
                    "organisation and Turkey's authorities (lines 1490–1498). The movement is disputed in Türkiye: "
                    "see Check the source.")
        else:
            note = ("The article adds mutual recognition of diplomas in the EAEU and the spread of Russian as "
                    "reasons for Russia's lead (lines 1472–1489).")
        views[sponsor] = card(sponsor, rows, note=html.escape(note))
    return views


# --- Timeline ---------------------------------------------------------------------------------------

@styled
def timeline_chart(timeline):
    """The dated events of the article on one axis, by year (the century-dated event left out).

    >>> from coursekit import load
    >>> chart = timeline_chart(load("us_education_kazakhstan/timeline"))
    >>> chart.alt.startswith("Timeline of 12 dated events from 1947 to 2025")
    True
    """
    dated = timeline[~timeline.year.isna()].sort_values("year").reset_index(drop=True)
    fig, ax = new_figure(9, 4.4)
    for i, r in enumerate(dated.itertuples()):
        colour = BLUE if "United States" in r.actor else ORANGE if r.actor in ("Turkey",) else GREEN if \
            r.actor == "Kazakhstan" else PURPLE
        ax.plot([int(r.year)], [i], "o", color=colour)
        label = r.event if len(r.event) <= 62 else r.event[:60] + "…"
        ax.text(int(r.year) + 0.8, i, f"{r.date_printed}: {label}", va="center", fontsize=7.5)
    ax.set_yticks([])
    ax.set_xlim(1940, 2062)
    ax.set_xticks(range(1940, 2031, 10))
    ax.invert_yaxis()
    ax.set_title("Dated events in the article (blue: USA; orange: Turkey; green: Kazakhstan; purple: the authors)")
    return figure(
        fig,
        ref=FIGURES["timeline"],
        alt=f"Timeline of {len(dated)} dated events from {int(dated.year.min())} to {int(dated.year.max())}: "
            + "; ".join(f"{int(r.year)} {r.event}" for r in dated.itertuples()) + ".",
        caption=f"The {len(dated)} events the article dates to a year or month, with the date as printed. Nye's "
                "concept, dated only to the end of the 20th century, is left out.",
        source="lines 1012–1638 and 1447–1448",
    )
