"""The charts and views of the mediation chapter's pages (chapters/mediation_law/evidence.md and explorer.md).

Every function takes the data frames the page has loaded with :func:`coursekit.load` and returns what
the page shows: a captioned :class:`coursekit.charts.Figure` whose alt text is computed from the data,
an HTML card, or a dictionary of views for :func:`coursekit.explorer`. Line numbers are lines of the
article's plain-text edition (seed file 003_24c53ee6e967fe8a.txt, lines 4840-5660).
"""

from __future__ import annotations

import html

import pandas as pd

from coursekit.charts import PALETTE, figure, new_figure, numbered, styled
from coursekit.widgets import card

# The chapter's charts, numbered in the order its pages show them (Figure <chapter>.<n>).
FIGURES = numbered("mediation_law", ["timeline", "statistic", "matrix"])

BLUE, ORANGE, GREEN, VERMILION, PURPLE, SKY = (PALETTE[i] for i in (0, 1, 2, 3, 4, 5))
GREY, AXIS = "#999999", "#333333"

# Short labels for the ten cases, in the order the article takes them.
CASE_SHORT = {
    "russo_japanese_war_portsmouth": "Portsmouth (Roosevelt)",
    "african_conflicts_statesmen": "African former presidents",
    "falklands_malvinas_1982": "Falklands/Malvinas (UN SG)",
    "holy_see_latin_america": "Holy See, Latin America",
    "workshop_cyprus": "Workshop: Cyprus",
    "workshop_middle_east": "Workshop: Middle East",
    "workshop_horn_of_africa": "Workshop: Horn of Africa",
    "colombia_peace_process": "Colombia (Norway, Cuba)",
    "brussels_dialogue": "Brussels Dialogue (EU)",
    "astana_process_syria": "Astana process",
}

# Elements of mediation: (label, short label, where the article places the element in its models).
# The first ten are coded per case in data/mediation_law/case_elements.csv; the last two the article
# names only for hybrid mediation in general, for no case.
ELEMENTS = {
    "classical_label": ("Presented as classical or traditional", "called classical",
                        "The article describes classical practice (19th – early 20th century) at 5150-5175."),
    "hybrid_label": ("Called mixed/hybrid by the article", "called hybrid",
                     "The article defines the mixed/hybrid model at 5423-5432 and again at 5623-5635."),
    "state_mediator": ("A state or head of state mediates", "state mediator",
                       "Classical mediators were heads of state, monarchs, foreign ministers or envoys (5158-5164); "
                       "states are also among the many participants of the hybrid format (5371-5373)."),
    "io_involved": ("An international organisation mediates or supports", "int. organisation",
                    "Organisations appear with Article 33 (5242-5248) and among the participants of the hybrid "
                    "format (5372-5374, 5416-5417)."),
    "non_state": ("Non-state actors take part (as the article classifies them)", "non-state actors",
                  "Track-two diplomacy, mediation by NGOs and academic structures (5312-5319); NGOs, expert "
                  "groups and private mediators in the hybrid format (5374-5376)."),
    "confidential_informal": ("Confidential or informal methods", "confidential/informal",
                              "A trait of classical practice (5167-5168) and of non-state mediation (5337-5339); "
                              "hybrid practice combines formal and informal methods (5414-5416)."),
    "peacebuilding": ("Combined with peacebuilding measures", "peacebuilding",
                      "Peacebuilding is part of the hybrid synthesis (5352-5357, 5427-5428)."),
    "legal_economic_tools": ("Legal guarantees, economic incentives or technical assistance", "legal/economic tools",
                             "Legal and politico-consultative mechanisms are joined in hybrid mediation (5376-5386)."),
    "agreement": ("An agreement or treaty is reached", "agreement reached",
                  "Classical practice aimed mainly at ending hostilities and concluding peace agreements "
                  "(5364-5367)."),
    "multi_level": ("Multi-level interaction", "multi-level",
                    "The abstract says the three examples show the results of multi-level interaction (4854-4856)."),
    "monitoring": ("International monitoring", "monitoring",
                   "Named for hybrid mediation in general (5381, 5419-5421) and in the conclusion's definition "
                   "(5629)."),
    "digital": ("Digital technology and analytical data", "digital tools",
                "Listed in the abstract among the elements of hybrid models (4848) and given one sentence in "
                "the body (5418-5421)."),
}
CODED = [k for k in ELEMENTS if k not in ("monitoring", "digital")]

BASIS = {"case": "said of this case", "category": "said of the kind of mediation this case illustrates",
         "abstract": "said only in the abstract"}

# The proposed hub as the article describes it (5542-5592; conclusion 5637-5644): part, phrase as printed, lines.
HUB = [
    ("Purpose", "объединить усилия государств и международных структур", "5544-5546",
     "join the efforts of states and international bodies on peaceful settlement and nuclear-disarmament initiatives"),
    ("Focus", "комплексный подход к разрешению межгосударственных споров", "5551-5553",
     "a comprehensive approach to interstate disputes, disarmament included"),
    ("Mechanisms combined", "классической дипломатии, международного права, экспертного посредничества "
     "и превентивной дипломатии", "5554-5557",
     "classical diplomacy, international law, expert mediation, preventive diplomacy"),
    ("Tasks", "от предотвращения эскалации политических кризисов", "5559-5563",
     "from preventing escalation and running negotiations to post-conflict recovery and trust-building"),
    ("Special branch", "специализированного направления по вопросам ядерного разоружения", "5569-5571",
     "a branch on nuclear disarmament: confidence-building measures, negotiating formats, joint initiatives"),
    ("Possible participants", "ООН, МАГАТЭ, ОБСЕ", "5571-5574",
     "states, the UN, the IAEA, the OSCE and independent expert centres"),
    ("Principles", "нейтральности, инклюзивности и транспарентности", "5580-5581",
     "neutrality, inclusiveness, transparency"),
    ("Roles", "интегратором", "5582-5587",
     "mediator between parties and integrator of international efforts, reducing duplication"),
]
HUB_OPEN = ["legal form (treaty body, organisation, foundation, network?)", "mandate and who can refer a dispute",
            "membership and governance", "seat (the article's context is Kazakhstan, but no seat is proposed)",
            "funding", "how it would relate to the UN, the OSCE, the EU and the other existing mediators",
            "any evidence that such a hub would work better than the existing institutions"]


def _lines(text: str) -> str:
    return str(text).replace("; ", ", ").replace("-", "–")


def case_label(case_id: str, cases=None) -> str:
    """A short label for a case (falls back on the English name in cases.csv).

    >>> case_label("brussels_dialogue")
    'Brussels Dialogue (EU)'
    """
    if case_id in CASE_SHORT or cases is None:
        return CASE_SHORT.get(case_id, case_id)
    return cases.set_index("case_id").loc[case_id, "case_english"]


# --- The evidence page -----------------------------------------------------------------------------

def dated_events(timeline, inst, cases):
    """The timeline rows that carry a year, with their kind ('instrument' or 'case') and a short label.

    >>> from coursekit import load
    >>> ev = dated_events(load("mediation_law/timeline"), load("mediation_law/legal_instruments"),
    ...                   load("mediation_law/cases"))
    >>> len(ev), list(ev.kind.value_counts().sort_index())
    (10, [5, 5])
    """
    dated = timeline[timeline.year.notna()].copy()
    kinds = {i: "instrument" for i in inst.instrument_id} | {c: "case" for c in cases.case_id}
    names = dict(zip(inst.instrument_id, inst.name_english)) | {c: case_label(c) for c in cases.case_id}
    short = {"hague_1899": "Hague Convention 1899", "hague_1907": "Hague Convention 1907",
             "unga_res_65_283": "GA resolution 65/283", "un_guidance_2012": "UN Guidance for Effective Mediation",
             "eu_concept_2020": "EU Concept on peace mediation"}
    dated["kind"] = dated.related_id.map(kinds)
    dated["label"] = dated.related_id.map(lambda r: short.get(r, names.get(r, r)))
    return dated.reset_index(drop=True)


@styled
def timeline_chart(timeline, inst, cases):
    """The dated instruments and cases on one time axis, with printed spans drawn as bars.

    >>> from coursekit import load
    >>> chart = timeline_chart(load("mediation_law/timeline"), load("mediation_law/legal_instruments"),
    ...                        load("mediation_law/cases"))
    >>> chart.alt[:87]
    'Timeline of the 10 dated events of the article, 1899 to 2020: 5 legal instruments and 5'
    >>> "2 century-only rows" in chart.alt
    True
    """
    ev = dated_events(timeline, inst, cases).sort_values("year").reset_index(drop=True)
    fig, ax = new_figure(8.5, 4.6)
    for i, r in ev.iterrows():
        colour = BLUE if r.kind == "instrument" else ORANGE
        marker = "s" if r.kind == "instrument" else "o"
        end = None if pd.isna(r.end_year) else int(r.end_year)
        if end is not None:
            ax.plot([r.year, end], [i, i], color=colour, linewidth=5, solid_capstyle="butt")
        ax.plot([r.year], [i], marker=marker, color=colour, markersize=7, linestyle="none")
        suffix = f"–{int(end)}" if end is not None else (" onwards" if str(r.date_original).startswith("с ") else "")
        ax.annotate(f"{r.label} ({int(r.year)}{suffix})", (r.year, i), xytext=(8, -3),
                    textcoords="offset points", fontsize=8.5)
    ax.set_yticks([])
    ax.set_xlim(1890, 2060)
    ax.set_xticks(range(1900, 2030, 20))
    ax.invert_yaxis()
    ax.plot([], [], "s", color=BLUE, label="legal instrument")
    ax.plot([], [], "o", color=ORANGE, label="case")
    ax.legend(loc="lower left", frameon=False)
    ax.set_title("Instruments and cases the article dates")
    undated = len(timeline) - len(ev)
    n_inst, n_case = int((ev.kind == "instrument").sum()), int((ev.kind == "case").sum())
    gap = sorted(ev.year.astype(int))
    big = max(zip(gap, gap[1:]), key=lambda p: p[1] - p[0])
    return figure(
        fig,
        ref=FIGURES["timeline"],
        alt=f"Timeline of the {len(ev)} dated events of the article, {gap[0]} to {gap[-1]}: {n_inst} legal "
            f"instruments and {n_case} cases. The largest gap is between {big[0]} and {big[1]}; "
            f"{sum(y >= 2011 for y in gap)} of the {len(ev)} events fall in 2011 or later. "
            f"Not plotted: {undated} century-only rows (classical practice of the 19th – early 20th century; "
            "the Holy See in Latin America, early 20th century).",
        caption=f"The {len(ev)} events to which the article gives a year, from timeline.csv; bars are the spans it "
                f"prints (1904–1905, 2012–2016). Its {undated} century-only dates and the undated UN Charter and "
                "Treaty of Portsmouth are not plotted.",
        source="lines 5165–5205, 5250–5256, 5298–5303, 5393–5407, 5443–5471, 5515–5518",
    )


def statistic_parts(stats):
    """The numbers of the crisis statistic, printed and derived (the derived ones are our arithmetic).

    >>> from coursekit import load
    >>> p = statistic_parts(load("mediation_law/mediation_statistics"))
    >>> p["crises"], p["mediated"], p["not_mediated"], round(p["share_computed"], 1), p["success_estimate"]
    (434, 128, 306, 29.5, 59)
    """
    v = dict(zip(stats.quantity, stats.value))
    crises = int(v["international crises in the period"])
    mediated = int(v["crises in which a mediator was used"])
    success_pct = float(v["share of mediated crises resolved successfully thanks to mediation"])
    success = round(mediated * success_pct / 100)
    return {"start": int(v["first year of the period covered"]), "end": int(v["last year of the period covered"]),
            "crises": crises, "mediated": mediated, "not_mediated": crises - mediated,
            "share_printed": float(v["share of crises in which a mediator was used"]),
            "share_computed": 100 * mediated / crises, "success_printed": success_pct,
            "success_estimate": success, "success_of_all": 100 * success / crises}


@styled
def statistic_chart(stats):
    """The article's one statistic as two bars, each labelled with its base.

    >>> from coursekit import load
    >>> chart = statistic_chart(load("mediation_law/mediation_statistics"))
    >>> "46 % is a share of the 128 mediated crises" in chart.alt
    True
    >>> "about 13.6 % of all 434" in chart.alt
    True
    """
    p = statistic_parts(stats)
    fig, ax = new_figure(8.5, 3.4)
    ax.barh([1], [p["mediated"]], color=BLUE, label="with a mediator (printed: 128)")
    ax.barh([1], [p["not_mediated"]], left=[p["mediated"]], color="#d9d9d9", label="no mediator (434 − 128)")
    ax.barh([0], [p["success_estimate"]], color=GREEN, hatch="//", edgecolor="white",
            label="resolved successfully thanks to mediation (≈59, from the printed 46 %)")
    ax.barh([0], [p["mediated"] - p["success_estimate"]], left=[p["success_estimate"]], color="#bcd6ea",
            label="other mediated crises (≈69)")
    ax.set_yticks([1, 0], [f"all {p['crises']} crises\n{p['start']}–{p['end']}",
                           f"the {p['mediated']} crises\nwith a mediator"])
    ax.text(p["mediated"] / 2, 1, f"{p['mediated']} = {p['share_computed']:.1f} % of {p['crises']}\n"
            f"(printed: 'about {p['share_printed']:g}%')", ha="center", va="center", color="white", fontsize=8.5)
    ax.text(p["success_estimate"] / 2, 0, f"{p['success_printed']:g} % of {p['mediated']}", ha="center",
            va="center", fontsize=8.5, color="black",
            bbox=dict(facecolor="white", edgecolor="none", pad=1.5))
    ax.set_xlim(0, p["crises"] * 1.02)
    ax.set_xlabel("number of international crises")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=2, frameon=False, fontsize=8)
    ax.set_title("What the percentages are percentages of")
    return figure(
        fig,
        ref=FIGURES["statistic"],
        alt=f"Two horizontal bars. Top: all {p['crises']} international crises of {p['start']}–{p['end']}, of "
            f"which {p['mediated']} used a mediator, {p['share_computed']:.1f} % (the article prints 'about "
            f"{p['share_printed']:g}%'). Bottom: the {p['mediated']} mediated crises; the "
            f"{p['success_printed']:g} % is a share of the {p['mediated']} mediated crises, about "
            f"{p['success_estimate']} of them by our arithmetic, which is about {p['success_of_all']:.1f} % of "
            f"all {p['crises']}.",
        caption="The crisis statistic of the introduction (attributed to Lebedeva et al., 2024). The 434 and 128 "
                "and both percentages are printed; 306, about 59 and about 69 are our arithmetic. The article "
                "does not define 'resolved successfully'.",
        source="lines 4928–4933",
    )


def element_matrix(elements, cases):
    """Cases (rows, in the article's order) by coded element (columns): '' or the basis of the coding.

    >>> from coursekit import load
    >>> m = element_matrix(load("mediation_law/case_elements"), load("mediation_law/cases"))
    >>> m.shape, m.loc["colombia_peace_process", "peacebuilding"], m.loc["astana_process_syria", "multi_level"]
    ((10, 10), 'case', 'abstract')
    """
    m = elements.pivot(index="case_id", columns="element", values="basis")
    return m.reindex(index=list(cases.case_id), columns=CODED).fillna("")


@styled
def matrix_chart(elements, cases):
    """The matrix of cases by element, with the basis of each coding as the marker.

    >>> from coursekit import load
    >>> chart = matrix_chart(load("mediation_law/case_elements"), load("mediation_law/cases"))
    >>> "Only 2 of the 10 cases are called hybrid: Colombia (Norway, Cuba), Brussels Dialogue (EU)" in chart.alt
    True
    """
    m = element_matrix(elements, cases)
    fig, ax = new_figure(8.5, 5.4)
    style = {"case": dict(marker="o", color=BLUE, markersize=11),
             "category": dict(marker="o", markerfacecolor="white", markeredgecolor=BLUE, markeredgewidth=2,
                              markersize=11, color=BLUE),
             "abstract": dict(marker="^", color=ORANGE, markersize=11)}
    for i, cid in enumerate(m.index):
        for j, el in enumerate(m.columns):
            basis = m.loc[cid, el]
            if basis:
                ax.plot([j], [i], linestyle="none", **style[basis])
    ax.set_xticks(range(len(m.columns)), [ELEMENTS[e][1] for e in m.columns], rotation=40, ha="right")
    forms = dict(zip(cases.case_id, cases.mediation_form))
    ax.set_yticks(range(len(m.index)), [f"{case_label(c)}\n{forms[c]}" for c in m.index], fontsize=7.5)
    ax.set_xlim(-0.6, len(m.columns) - 0.4)
    ax.set_ylim(len(m.index) - 0.5, -0.5)
    ax.grid(True, alpha=0.3)
    for basis, text in BASIS.items():
        ax.plot([], [], linestyle="none", label=text, **style[basis])
    ax.legend(loc="upper center", bbox_to_anchor=(0.4, -0.32), ncol=3, frameon=False, fontsize=8)
    ax.set_title("Which elements the article names for each case")
    hybrid = [case_label(c) for c in m.index if m.loc[c, "hybrid_label"]]
    classical = [case_label(c) for c in m.index if m.loc[c, "classical_label"]]
    unlabelled = len(m) - len(hybrid) - len(classical)
    counts = {case_label(c): int((m.loc[c] != "").sum()) for c in m.index}
    most = max(counts, key=counts.get)
    return figure(
        fig,
        ref=FIGURES["matrix"],
        alt=f"Matrix of the {len(m)} cases (rows) by {len(m.columns)} elements (columns). Only {len(hybrid)} of the "
            f"{len(m)} cases are called hybrid: {', '.join(hybrid)}; {len(classical)} are presented as classical "
            f"or traditional: {', '.join(classical)}; the other {unlabelled} get neither label. {most} has the "
            f"most elements named ({counts[most]}). Filled circles: said of the case; open circles: said of its "
            "category; triangles: abstract only.",
        caption=f"Our coding of the article's prose (case_elements.csv, {len(elements)} codings): a mark means the "
                "article names the element for the case; no mark means it does not say, not that the element was "
                "absent. The second line of each row label is our label of the mediator type (cases.csv).",
        source="lines 4854–4856, 5158–5185, 5285–5341, 5443–5463, 5515–5518",
    )


# --- The explorer page -----------------------------------------------------------------------------

def _names(ids: str, actors) -> str:
    if not ids:
        return ""
    names = dict(zip(actors.actor_id, actors.name_english))
    return ", ".join(names.get(i, i) for i in ids.split("; "))


def case_view(case_id, cases, actors, elements) -> str:
    """One case as a card: parties, mediators, years, elements named, outcome as stated, lines.

    >>> from coursekit import load
    >>> v = case_view("falklands_malvinas_1982", load("mediation_law/cases"), load("mediation_law/actors"),
    ...               load("mediation_law/case_elements"))
    >>> "Not stated." in v and "United Kingdom and Argentina" in v and "5296–5304" in v
    True
    """
    r = cases.set_index("case_id").loc[case_id]
    esc = html.escape
    start, end = r.start_year, r.end_year
    if not pd.isna(start):
        years = f"{int(start)}" + ("" if pd.isna(end) else f"–{int(end)}")
        years += f" (printed: {esc(r.period_original)})"
    else:
        years = f"no year printed ({esc(r.period_original)})" if r.period_original else "no year printed"
    own = elements[elements.case_id == case_id]
    items = "".join(f"<li>{esc(ELEMENTS[e.element][0])}: «{esc(e.evidence_original)}» ({_lines(e.source_line)}; "
                    f"{BASIS[e.basis]})</li>" for e in own.itertuples())
    outcome = r.outcome_as_given
    if outcome.startswith(("No outcome given", "No settlement")) or "no result" in outcome:
        outcome = "<strong>Not stated.</strong> " + esc(outcome)
    else:
        outcome = esc(outcome)
    others = _names(r.other_actor_ids, actors)
    rows = [
        ("As printed", f"«{esc(r.case_original)}»"),
        ("Parties", esc(r.parties_english)),
        ("Mediators", f"{esc(r.mediators_english)} («{esc(r.mediators_original)}»)"),
        ("Others involved", esc(others) if others else "none named"),
        ("Years", years),
        ("Elements the article names", f"<ul>{items}</ul>" if items else "none coded"),
        ("Outcome, as the article states it", outcome),
        ("Cited source", esc(r.citation_original) if r.citation_original else "none"),
        ("Article lines", _lines(r.source_line) + (f"; abstracts {_lines(r.abstract_lines)}" if r.abstract_lines
                                                    else "")),
    ]
    return card(case_label(case_id), rows, note=esc(r.note) if r.note else "")


def case_views(cases, actors, elements) -> dict:
    """One card per case, keyed by its short label, in the article's order.

    >>> from coursekit import load
    >>> views = case_views(load("mediation_law/cases"), load("mediation_law/actors"),
    ...                    load("mediation_law/case_elements"))
    >>> len(views), list(views)[0]
    (10, 'Portsmouth (Roosevelt)')
    """
    return {case_label(c): case_view(c, cases, actors, elements) for c in cases.case_id}


def element_view(element, cases, elements) -> str:
    """Which cases have one element according to the article, and where the article puts it in its model.

    >>> from coursekit import load
    >>> v = element_view("monitoring", load("mediation_law/cases"), load("mediation_law/case_elements"))
    >>> "No case." in v and "5381" in v
    True
    """
    label, _, model = ELEMENTS[element]
    esc = html.escape
    have = elements[elements.element == element]
    if len(have):
        items = "".join(f"<li><strong>{esc(case_label(e.case_id))}</strong>: «{esc(e.evidence_original)}» "
                        f"({_lines(e.source_line)}; {BASIS[e.basis]})</li>" for e in have.itertuples())
        found = f"{len(have)} of {len(cases)} cases:<ul>{items}</ul>"
    else:
        found = f"<strong>No case.</strong> The article names this element for none of its {len(cases)} cases."
    missing = [case_label(c) for c in cases.case_id if c not in set(have.case_id)]
    rows = [("In the article's models", esc(model)), ("Cases with it, according to the article", found),
            ("Cases for which the article does not say", esc(", ".join(missing)) if missing else "none")]
    return card(label, rows, note="Ask: is this element new, or did classical cases have it too? "
                                  "Is it a rule of law or a description of what mediators did?")


def element_views(cases, elements) -> dict:
    """One card per element (ten coded, two named only in general), keyed by its label.

    >>> from coursekit import load
    >>> views = element_views(load("mediation_law/cases"), load("mediation_law/case_elements"))
    >>> len(views)
    12
    """
    return {ELEMENTS[e][0]: element_view(e, cases, elements) for e in ELEMENTS}


def hub_views(actors, inst) -> dict:
    """Three cards: the proposed hub's components; the existing institutions the article names; what it leaves open.

    >>> from coursekit import load
    >>> views = hub_views(load("mediation_law/actors"), load("mediation_law/legal_instruments"))
    >>> list(views)
    ['Proposed hub', 'Existing institutions', 'Left open']
    >>> "OSCE" in views["Existing institutions"]
    True
    """
    esc = html.escape
    hub = card("The proposed international mediation hub (lines 5542–5592, 5637–5644)",
               [(part, f"{esc(english)} — «{esc(phrase)}» ({_lines(lines)})") for part, phrase, lines, english in HUB],
               note="The funding note names a project on this hub: «AP26100031 – Международный медиационный хаб …» "
                    "(5654–5658); the funding body is not named.")
    kinds = ("intergovernmental organisation", "regional organisation", "organ of an intergovernmental organisation",
             "organ of a regional organisation")
    orgs = actors[actors.actor_type.isin(kinds)]
    rows = [(o.name_english, f"{esc(o.article_says)} ({_lines(o.source_line)})") for o in orgs.itertuples()]
    for cid in ("kazakhstan",):
        k = actors.set_index("actor_id").loc[cid]
        rows.append(("Astana negotiating platform (Kazakhstan)", f"{esc(k.article_says)} ({_lines(k.source_line)})"))
    for iid in ("unga_res_65_283", "un_guidance_2012", "eu_concept_2020"):
        i = inst.set_index("instrument_id").loc[iid]
        rows.append((i.name_english, f"{esc(i.article_says)} ({_lines(i.source_line)})"))
    existing = card("Existing institutions and frameworks the article names", rows,
                    note="The article does not say how the hub would relate to any of them.")
    open_ = card("What the article does not say about the hub",
                 [(str(n), esc(q)) for n, q in enumerate(HUB_OPEN, 1)],
                 note="Our list: questions a reader evaluating the proposal would ask (see Exercise 2).")
    return {"Proposed hub": hub, "Existing institutions": existing, "Left open": open_}
