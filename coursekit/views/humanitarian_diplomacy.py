"""The charts and views of the humanitarian-diplomacy chapter (its evidence.md and explorer.md pages).

The article prints no table or figure: every chart here draws our coding of its prose, from
``data/humanitarian_diplomacy/``. Each function takes the frames the page loads with
:func:`coursekit.load` and returns a captioned figure (alt text computed from the data), an HTML card
or a dictionary of views for :func:`coursekit.explorer`.
"""

from __future__ import annotations

import html

from coursekit.charts import PALETTE, figure, new_figure, numbered, styled
from coursekit.widgets import card

# The chapter's charts, numbered in the order its pages show them (Figure <chapter>.<n>).
FIGURES = numbered("humanitarian_diplomacy", ["reach", "groups", "counterparts", "evidence", "timeline", "regions"])

BLUE, ORANGE, GREEN, VERMILION, SKY = (PALETTE[i] for i in (0, 1, 2, 3, 5))
GREY, AXIS = "#BBBBBB", "#333333"

# Kyrgyzstan's seven regions (oblasts). Context beyond the article: the article names six of them (line 97).
OBLASTS = ["Batken region", "Jalal-Abad region", "Issyk-Kul region", "Naryn region", "Osh region",
           "Talas region", "Chüy region"]

# How the counterparts of the practices are grouped in the counterpart chart (by actors.actor_type).
COUNTERPART_GROUPS = {
    "state_body": "state bodies", "state": "state bodies",
    "international_organisation": "international organisations and donors",
    "donor": "international organisations and donors",
    "local_community": "communities and society", "religious_leaders": "communities and society",
    "civil_society": "communities and society",
    "personnel": "the society's own people and other humanitarians",
    "humanitarian_organisations": "the society's own people and other humanitarians",
}
GROUP_COLOURS = {"state bodies": BLUE, "international organisations and donors": ORANGE,
                 "communities and society": GREEN, "the society's own people and other humanitarians": SKY}

# Two wordings of our coding that name the same people (used by group_reach; said in the chart's caption).
SAME_GROUP = {"people in remote areas": "residents of remote areas", "parents refusing vaccination": "parents"}

EVIDENCE_LABELS = {"cited_in_sentence": "citation in the same sentence",
                   "cited_nearby": "citation in a neighbouring sentence",
                   "first_person": "the author's own observation",
                   "uncited": "no citation"}


def split_ids(cell) -> list[str]:
    """The items of a '; '-separated cell (empty cell: no items).

    >>> split_ids("rcsk; volunteers"), split_ids("")
    (['rcsk', 'volunteers'], [])
    """
    return [x.strip() for x in str(cell or "").split(";") if x.strip()]


def lines_label(spec: str) -> str:
    """'97-99; 101' as the pages print it: 'lines 97–99, 101'.

    >>> lines_label("97-99; 101"), lines_label("89")
    ('lines 97–99, 101', 'line 89')
    """
    parts = [p.strip().replace("-", "–") for p in spec.split(";")]
    word = "line" if len(parts) == 1 and "–" not in parts[0] else "lines"
    return f"{word} {', '.join(parts)}"


# --- The evidence page ----------------------------------------------------------------------------

def reach(links, challenges):
    """Every challenge with the number of practices linked to it, by basis (stated, inferred).

    >>> from coursekit import load
    >>> r = reach(load("humanitarian_diplomacy/practice_challenges"), load("humanitarian_diplomacy/challenges"))
    >>> r.set_index("challenge_id").loc["C13", ["stated", "inferred"]].tolist()
    [3, 0]
    >>> int((r.stated + r.inferred == 0).sum())
    10
    """
    counts = links.groupby(["challenge_id", "basis"]).practice_id.nunique().unstack(fill_value=0)
    counts = counts.reindex(columns=["stated", "inferred"], fill_value=0)
    out = challenges[["challenge_id", "challenge", "category", "section"]].merge(
        counts, left_on="challenge_id", right_index=True, how="left")
    out[["stated", "inferred"]] = out[["stated", "inferred"]].fillna(0).astype(int)
    return out


@styled
def reach_chart(links, challenges):
    """Each of the article's challenges with how many practices answer it, stated and inferred apart.

    >>> from coursekit import load
    >>> chart = reach_chart(load("humanitarian_diplomacy/practice_challenges"),
    ...                     load("humanitarian_diplomacy/challenges"))
    >>> chart.alt.split(". ")[1]
    '10 of 27 challenges are answered by no practice at all: C01, C02, C03, C04, C05, C09, C14, C24, C25, C26'
    >>> chart.alt.split(". ")[2]
    '15 have no link the article itself states'

    """
    r = reach(links, challenges).iloc[::-1]
    labels = [f"{c.challenge_id} {c.challenge[:48]}{'…' if len(c.challenge) > 48 else ''}" for c in r.itertuples()]
    fig, ax = new_figure(8.5, 8.6)
    ax.barh(labels, r.stated, color=BLUE, label="the article makes the link (stated)")
    ax.barh(labels, r.inferred, left=r.stated, color=SKY, hatch="//", label="our link (inferred)")
    ax.set_xlabel("number of practices (of 26) linked to the challenge")
    ax.set_title("Which challenges do the practices answer?")
    ax.tick_params(axis="y", labelsize=7.5)
    ax.legend(fontsize=8, loc="upper right")
    none = r[(r.stated + r.inferred) == 0].challenge_id.tolist()[::-1]
    no_stated = r[r.stated == 0].challenge_id.tolist()[::-1]
    top = r.assign(total=r.stated + r.inferred).sort_values("total", ascending=False).iloc[0]
    return figure(
        fig,
        ref=FIGURES["reach"],
        alt=f"Horizontal bars for the {len(r)} challenges the article names, each split into practices the article "
            f"links to it and practices we link to it. {len(none)} of {len(r)} challenges are answered by no "
            f"practice at all: {', '.join(none)}. {len(no_stated)} have no link the article itself states. "
            f"The most answered is {top.challenge_id} ({top.challenge}) with {top.total} practices.",
        caption="Our coding: for each challenge the article names (challenges.csv), the number of practices "
                "(practices.csv) that answer it, split into links the article states and links we infer "
                "(practice_challenges.csv).",
        source="lines 67–111, coded by the course",
    )


def group_reach(practices, challenges):
    """Every group named in the challenges or practices: how many challenges name it, how many practices target it.

    >>> from coursekit import load
    >>> g = group_reach(load("humanitarian_diplomacy/practices"), load("humanitarian_diplomacy/challenges"))
    >>> g.set_index("group").loc["internally displaced people"].tolist()
    [1, 0]
    """
    import pandas as pd

    named = [SAME_GROUP.get(g, g) for cell in challenges.affected_groups for g in split_ids(cell)]
    targeted = [SAME_GROUP.get(g, g) for cell in practices.target_groups for g in split_ids(cell)]
    groups = sorted(set(named) | set(targeted))
    return pd.DataFrame({"group": groups,
                         "challenges": [named.count(g) for g in groups],
                         "practices": [targeted.count(g) for g in groups]})


@styled
def groups_chart(practices, challenges):
    """Groups of people: named among the challenges (left bar) and targeted by practices (right bar).

    >>> from coursekit import load
    >>> chart = groups_chart(load("humanitarian_diplomacy/practices"), load("humanitarian_diplomacy/challenges"))
    >>> "internally displaced people" in chart.alt.split("no practice targets")[1]
    True
    """
    g = group_reach(practices, challenges).sort_values(["practices", "challenges"])
    fig, ax = new_figure(8, 7)
    ys = range(len(g))
    ax.barh([y + 0.2 for y in ys], g.challenges, height=0.4, color=VERMILION, label="challenges naming the group")
    ax.barh([y - 0.2 for y in ys], g.practices, height=0.4, color=GREEN, label="practices targeting the group")
    ax.set_yticks(list(ys), g.group)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel("number of rows (challenges.csv or practices.csv) naming the group")
    ax.set_title("Who is said to be vulnerable, and whom do the practices reach?")
    ax.legend(fontsize=8, loc="lower right")
    unreached = g[(g.challenges > 0) & (g.practices == 0)].group.tolist()
    return figure(
        fig,
        ref=FIGURES["groups"],
        alt=f"Paired bars for {len(g)} groups of people, as our coding words them. Groups named in a challenge "
            f"that no practice targets by the same name: {', '.join(unreached)}. The group most often targeted is "
            f"'{g.iloc[-1].group}' ({g.iloc[-1].practices} practices).",
        caption="Groups of people as worded in our coding: how many challenges name each group and how many "
                "practices target it. Wording counts ('rural women' and 'women' are separate groups), except that we "
                "count 'people in remote areas' as 'residents of remote areas' and 'parents refusing vaccination' "
                "as 'parents'.",
        source="lines 89–105, coded by the course (challenges.csv, practices.csv)",
    )


def counterparts(practices, actors):
    """One row per (practice, counterpart) pair, with the counterpart's name and group; 'none named' if empty.

    >>> from coursekit import load
    >>> c = counterparts(load("humanitarian_diplomacy/practices"), load("humanitarian_diplomacy/actors"))
    >>> c.groupby("group").practice_id.nunique().to_dict()["state bodies"]
    12
    """
    import pandas as pd

    names = actors.set_index("actor_id")
    rows = []
    for p in practices.itertuples():
        ids = split_ids(p.counterpart_ids) or [""]
        for i in ids:
            if i:
                rows.append((p.practice_id, i, names.loc[i, "actor"], COUNTERPART_GROUPS[names.loc[i, "actor_type"]]))
            else:
                rows.append((p.practice_id, "", "none named", "none named"))
    return pd.DataFrame(rows, columns=["practice_id", "actor_id", "actor", "group"])


@styled
def counterpart_chart(practices, actors):
    """How many practices name each counterpart, coloured by kind of counterpart.

    >>> from coursekit import load
    >>> chart = counterpart_chart(load("humanitarian_diplomacy/practices"), load("humanitarian_diplomacy/actors"))
    >>> chart.alt.split("; ")[0]
    'Bars for the counterparts of the 26 practices. By kind: state bodies 12 practices'
    >>> chart.alt.split(". ")[-2]
    'The counterpart named most often is State bodies and government structures (generic, incl'
    """
    c = counterparts(practices, actors)
    by_actor = c.groupby(["actor", "group"]).practice_id.nunique().reset_index().sort_values("practice_id")
    fig, ax = new_figure(8, 5)
    colours = [GROUP_COLOURS.get(g, GREY) for g in by_actor.group]
    ax.barh(by_actor.actor, by_actor.practice_id, color=colours)
    for group, colour in list(GROUP_COLOURS.items()) + [("none named", GREY)]:
        ax.barh([by_actor.actor.iloc[0]], [0], color=colour, label=group)
    ax.set_xlabel("number of practices (of 26) naming this counterpart")
    ax.set_title("With whom? The counterparts of the practices")
    ax.tick_params(axis="y", labelsize=8)
    ax.legend(fontsize=8, loc="lower right")
    by_group = c.groupby("group").practice_id.nunique().sort_values(ascending=False)
    top = by_actor[by_actor.actor != "none named"].iloc[-1]
    return figure(
        fig,
        ref=FIGURES["counterparts"],
        alt=f"Bars for the counterparts of the {practices.practice_id.nunique()} practices. By kind: "
            + "; ".join(f"{g} {n} practices" for g, n in by_group.items())
            + f". The counterpart named most often is {top.actor} ({top.practice_id} practices).",
        caption="The counterparts (with or towards whom the practice is done) that practices.csv records, grouped "
                "by kind. A practice can name several counterparts; 'none named' counts practices that name none.",
        source="lines 89–105, coded by the course (practices.csv, actors.csv)",
    )


@styled
def evidence_chart(practices):
    """What each practice rests on: a citation in the sentence, nearby, the author's observation, or nothing.

    >>> from coursekit import load
    >>> alt = evidence_chart(load("humanitarian_diplomacy/practices")).alt
    >>> alt.split(": ")[1].split(", ")[:2], alt.endswith("no citation 2.")
    (['citation in the same sentence 12', 'citation in a neighbouring sentence 10'], True)
    """
    counts = practices.evidence.value_counts().reindex(list(EVIDENCE_LABELS), fill_value=0)
    fig, ax = new_figure(7, 2.8)
    ax.barh([EVIDENCE_LABELS[k] for k in counts.index][::-1], counts.values[::-1],
            color=[BLUE, SKY, ORANGE, VERMILION][::-1])
    ax.set_xlabel("number of practices (of 26)")
    ax.set_title("What does each practice rest on?")
    return figure(
        fig,
        ref=FIGURES["evidence"],
        alt=f"Bars for the {len(practices)} practices by the evidence the article gives: "
            + ", ".join(f"{EVIDENCE_LABELS[k]} {n}" for k, n in counts.items()) + ".",
        caption="How close to each practice the article's citation is (practices.csv, column evidence). None of "
                "the 26 practices is backed by a number.",
        source="lines 89–105, coded by the course",
    )


@styled
def timeline_chart(timeline):
    """The dated items of the article on a time axis: events as spans, access dates and publication as points.

    >>> from coursekit import load
    >>> chart = timeline_chart(load("humanitarian_diplomacy/timeline"))
    >>> chart.alt.split(". ")[1]
    'Events: 2021-2023-2024 floods and mudflows (line 97); 2023–2024 measles response (line 101)'
    """
    import pandas as pd

    dated = timeline[timeline.year.notna()]
    fig, ax = new_figure(8, 3.4)
    rows = {"T02": 3, "T03": 2, "citation_access": 1, "publication": 0}
    names = {"T02": "floods and mudflows", "T03": "measles response", "citation_access": "access dates of citations",
             "publication": "publication"}
    for t in dated.itertuples():
        y = rows.get(t.event_id, rows.get(t.kind))
        start = t.year + (0 if pd.isna(t.month) else (t.month - 1) / 12)
        end = start + 0.08 if pd.isna(t.year_end) else t.year_end + 1
        ax.barh(y, end - start, left=start, height=0.35, color={3: ORANGE, 2: VERMILION, 1: SKY, 0: GREEN}[y])
    ax.annotate("printed '2021-2023-2024'", (2021.05, 3.25), fontsize=8, va="bottom")
    ax.annotate("printed '2023–2024'", (2023.05, 2.25), fontsize=8, va="bottom")
    ax.set_yticks(list(rows.values()), [names[k] for k in rows])
    ax.set_xlim(2020.5, 2026.2)
    ax.set_ylim(-0.6, 3.8)
    ax.set_title("The article's dates")
    events = dated[dated.kind == "event"]
    access = dated[dated.kind == "citation_access"]
    undated = timeline[timeline.year.isna()]
    what = {"T02": "floods and mudflows", "T03": "measles response"}
    return figure(
        fig,
        ref=FIGURES["timeline"],
        alt=f"A time axis from 2021 to 2025 with {len(dated)} dated items. Events: "
            + "; ".join(f"{e.date_printed} {what.get(e.event_id, 'event')} (line {e.source_line})"
                        for e in events.itertuples())
            + f". {len(access)} access dates of web citations, all in 2025: "
            + ", ".join(sorted(set(access.date_printed))) + ". Publication: 2025. "
            + f"{len(undated)} item has no date ('{undated.iloc[0].date_printed}', "
              f"line {undated.iloc[0].source_line}).",
        caption="Every dated item the article prints (timeline.csv). Spans are drawn to the end of their last "
                "year; '2021-2023-2024' is drawn as one span although it may mean three separate years.",
        source="lines 13, 89–105",
    )


def oblast_rows(regions):
    """Kyrgyzstan's seven oblasts, each with how the article prints it ('' if it does not name it).

    >>> from coursekit import load
    >>> rows = oblast_rows(load("humanitarian_diplomacy/disaster_regions"))
    >>> [r for r in rows if not r[1]]
    [('Chüy region', '', '')]
    """
    printed = regions[regions.place_type == "oblast"].set_index("place")
    return [(o, printed.place_printed.get(o, ""), printed.note.get(o, "") if "Printed '" in printed.note.get(o, "")
             else "") for o in OBLASTS]


@styled
def regions_chart(regions):
    """A labelled chart (not a map) of Kyrgyzstan's oblasts: named for the floods and mudflows or not.

    >>> from coursekit import load
    >>> chart = regions_chart(load("humanitarian_diplomacy/disaster_regions"))
    >>> chart.alt.split(". ")[1]
    'Named (6): Batken region, Jalal-Abad region, Issyk-Kul region, Naryn region, Osh region, Talas region'
    """
    rows = oblast_rows(regions)
    fig, ax = new_figure(8, 3.6)
    for y, (oblast, printed, flag) in enumerate(reversed(rows)):
        named = bool(printed)
        ax.scatter([0], [y], s=160, marker="s" if named else "o", color=ORANGE if named else "white",
                   edgecolors=AXIS, zorder=3)
        label = f"printed «{printed}»" if named else "not named"
        if flag:
            label += "  (misspelt: see Check the source)"
        ax.text(0.15, y, f"{oblast}: {label}", va="center", fontsize=9)
    ax.set_xlim(-0.3, 3.5)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.axis("off")
    ax.set_title("Floods and mudflows of 2021-2023-2024: which oblasts does the article name?", fontsize=10)
    named = [o for o, p, _ in rows if p]
    missing = [o for o, p, _ in rows if not p]
    flagged = [o for o, _, f in rows if f]
    return figure(
        fig,
        ref=FIGURES["regions"],
        alt=f"A list of Kyrgyzstan's {len(rows)} oblasts with a filled square for each one the article names for the "
            f"floods and mudflows of 2021-2023-2024. Named ({len(named)}): {', '.join(named)}. Not named: "
            f"{', '.join(missing)}. Printed with a non-standard spelling: {', '.join(flagged)}.",
        caption="The oblasts line 97 names for large floods and mudflows, as printed in Russian (adjective forms "
                "before 'областях'). The list of seven oblasts is context beyond the article; no place smaller "
                "than an oblast is named.",
        source="line 97 (disaster_regions.csv, rows D07–D12)",
    )


# --- The explorer page ----------------------------------------------------------------------------

def practice_card(practice, actors, diplomacy, links, challenges):
    """One practice: what, by whom, with whom, for whom, why 'diplomatic', which challenge, what source.

    >>> from coursekit import load
    >>> frames = [load(f"humanitarian_diplomacy/{n}") for n in
    ...           ("practices", "actors", "practice_diplomacy", "practice_challenges", "challenges")]
    >>> html = practice_card(next(frames[0].itertuples()), *frames[1:])
    >>> "the author's own observation" in html and "доставка помощи" in html
    True
    """
    names = actors.set_index("actor_id").actor
    who = ", ".join(names[i] for i in split_ids(practice.actor_ids)) or "not named in the sentence"
    counterpart = ", ".join(names[i] for i in split_ids(practice.counterpart_ids)) or "not named"
    d = diplomacy.set_index("practice_id").loc[practice.practice_id]
    mine = links[links.practice_id == practice.practice_id].merge(challenges, on="challenge_id")
    answers = "; ".join(f"{m.challenge_id} {html.escape(m.challenge)} <em>({m.basis})</em>"
                        for m in mine.itertuples()) or "no challenge in our list"
    source = html.escape(practice.citation) if practice.citation else "none"
    if practice.reference_no == practice.reference_no and practice.reference_no not in ("", None):
        source += f" (reference {int(float(practice.reference_no))})"
    elif practice.citation:
        source += " (not in the reference list)"
    rows = [
        ("What", f"{html.escape(practice.practice)} <small>«{html.escape(practice.practice_original)}»</small>"),
        ("Who does it", html.escape(who)),
        ("With or towards whom", html.escape(counterpart)),
        ("For whom", html.escape(practice.target_groups) or "not stated"),
        ("Where / when", html.escape(practice.where or "not stated")
         + (f"; {practice.when_printed}" if practice.when_printed else "")),
        ("Why it counts as diplomacy", f"{html.escape(d.diplomatic_because)} <small>«{html.escape(d.phrase_printed)}», "
                                       f"{lines_label(d.source_line)}; {d.basis}</small>"),
        ("Answers which challenge", answers),
        ("Source the article gives", source),
        ("How close the source is", EVIDENCE_LABELS[practice.evidence]),
    ]
    note = html.escape(practice.note) + (f" {html.escape(d.note)}" if d.note else "")
    return card(f"{practice.practice_id} ({lines_label(practice.source_line)})", rows, note=note)


def practice_views(practices, actors, diplomacy, links, challenges):
    """One card per practice, labelled by its id and a short name.

    >>> from coursekit import load
    >>> views = practice_views(*[load(f"humanitarian_diplomacy/{n}") for n in
    ...     ("practices", "actors", "practice_diplomacy", "practice_challenges", "challenges")])
    >>> len(views), list(views)[11]
    (26, 'P12 Introducing mobile information platforms to reach…')
    """
    def short(text):
        return text if len(text) <= 50 else text[:50].rsplit(" ", 1)[0] + "…"
    return {f"{p.practice_id} {short(p.practice)}": practice_card(p, actors, diplomacy, links, challenges)
            for p in practices.itertuples()}


def citation_card(citation, references):
    """One in-text citation: as printed, where, what for, and the entry it resolves to (if any).

    >>> from coursekit import load
    >>> cits, refs = load("humanitarian_diplomacy/citations"), load("humanitarian_diplomacy/references")
    >>> html = citation_card(cits.set_index("citation_id").loc["K4"].rename("K4"), refs)
    >>> "No entry in the reference list" in html
    True
    """
    rows = [
        ("As printed", f"«{html.escape(citation.citation_printed)}»"),
        ("Where", f"{lines_label(citation.source_line)} ({citation.occurrences} "
                  f"time{'s' if citation.occurrences > 1 else ''})"),
        ("Cited for", html.escape(citation.cited_for)),
    ]
    if citation.resolves == "yes":
        ref = references.set_index("reference_no").loc[int(citation.reference_no)]
        rows += [("Resolves to", f"reference {int(citation.reference_no)} ({lines_label(ref.source_line)}): "
                                 f"{html.escape(ref.entry_printed)}"),
                 ("Link given", ref.link),
                 ("Kind of source", ref.source_kind)]
    else:
        rows += [("Resolves to", "<strong>No entry in the reference list</strong>"),
                 ("Kind of source", f"{citation.source_kind} (our reading of the name)")]
    return card(citation.citation, rows, note=html.escape(citation.note))


def uncited_card(references):
    """The entries of the reference list that no in-text citation resolves to.

    >>> from coursekit import load
    >>> html = uncited_card(load("humanitarian_diplomacy/references"))
    >>> html.count("<th scope='row'>Reference")
    6
    """
    never = references[references.cited_by == ""]
    rows = [(f"Reference {r.reference_no}", f"{html.escape(r.entry_printed)} <small>({r.source_kind}; "
                                            f"{lines_label(r.source_line)})</small>") for r in never.itertuples()]
    return card(f"Listed but never cited: {len(never)} of {len(references)} entries", rows,
                note=f"{(never.source_kind == 'scholarly').sum()} of the "
                     f"{(references.source_kind == 'scholarly').sum()} scholarly entries are among them.")


def citation_views(citations, references):
    """One card per in-text citation, then one for the entries no citation uses.

    >>> from coursekit import load
    >>> views = citation_views(load("humanitarian_diplomacy/citations"), load("humanitarian_diplomacy/references"))
    >>> len(views), list(views)[-1]
    (9, 'References never cited (1–6)')
    """
    views = {f"{c.citation} ({lines_label(c.source_line)})": citation_card(c, references)
             for c in citations.itertuples()}
    never = references[references.cited_by == ""].reference_no.tolist()
    views[f"References never cited ({never[0]}–{never[-1]})"] = uncited_card(references)
    return views
