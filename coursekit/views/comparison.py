"""The charts and views of the course page that compares the seven articles (comparison.md).

One view per criterion (the seven articles side by side) and one per article (its profile and the
records it is computed from). Everything is computed by :mod:`coursekit.rubric` from the chapters'
records:

    >>> profiles = all_profiles()
    >>> len(profiles), [p.article for p in profiles] == list(range(1, 8))
    (7, True)
"""

from __future__ import annotations

import html

from IPython.display import HTML

from coursekit import editions
from coursekit.charts import PALETTE, figure, new_figure, numbered, styled
from coursekit.data import chapter_article
from coursekit.rubric import CRITERIA, EVIDENCE_KINDS, Profile, profile, profile_card, records
from coursekit.widgets import table

# The page's charts (course-wide, so numbered C.1, C.2...).
FIGURES = numbered("comparison", ["criterion", "evidence-kinds"], prefix="C")

KIND_WORDS = {"correction": "corrected from outside sources", "contradiction": "contradicts its own text",
              "unsupported": "support not shown or not traceable", "confirmed": "checked and right",
              "slip": "printing or spelling slips, not counted", "copy": "gaps of our copy of the text, not counted",
              "note": "cautions and points to discuss, not errors, not counted"}


def chapters_in_order() -> list[str]:
    """The chapters in the course's order, which is the articles' order.

    >>> chapters_in_order()[:2]
    ['humanitarian_diplomacy', 'israel_palestine']
    """
    return sorted(editions.chapters(), key=chapter_article)


def all_profiles() -> list[Profile]:
    """The seven chapters' profiles, in the course's order."""
    return [profile(chapter) for chapter in chapters_in_order()]


def rubric_table() -> HTML:
    """The five criteria and the rule that computes each."""
    rows = "".join(f"<tr><th scope='row'>{html.escape(name)}</th><td>{html.escape(rule)}</td></tr>"
                   for name, rule in CRITERIA.values())
    return HTML("<table class='ck-check-table'><caption>The rubric: five criteria and their rules</caption>"
                f"<thead><tr><th scope='col'>Criterion</th><th scope='col'>Rule</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>")


def summary_table(profiles: list[Profile]) -> HTML:
    """The seven articles (rows) on the five criteria (columns), in words with their counts."""
    head = "".join(f"<th scope='col'>{html.escape(name)}</th>" for name, _ in CRITERIA.values())
    rows = "".join(
        f"<tr><th scope='row'>{html.escape(short(p))}<br><small>{html.escape(p.title)}</small></th>"
        + "".join(f"<td>{html.escape(p.describe(c))}</td>" for c in CRITERIA) + "</tr>" for p in profiles)
    return HTML("<div class='ck-wide' tabindex='0' role='region' aria-label='The seven articles on the rubric'>"
                "<table class='ck-check-table'><caption>The seven articles on the rubric</caption>"
                f"<thead><tr><th scope='col'>Article</th>{head}</tr></thead>"
                f"<tbody>{rows}</tbody></table></div>")


def short(p: Profile) -> str:
    """A profile's short label for axes: "Article 4".

    >>> short(Profile("x", 4))
    'Article 4'
    """
    return f"Article {p.article}" if p.article else p.title


@styled
def criterion_chart(profiles: list[Profile], criterion: str):
    """A bar chart of one numeric criterion for every article, with alt text from the values."""
    name, rule = CRITERIA[criterion]
    values = [p.value(criterion) for p in profiles]
    labels = [short(p) for p in profiles]
    fig, ax = new_figure(7, 3.4)
    ax.barh(labels[::-1], values[::-1], color=PALETTE[0])
    share = criterion in ("checkable", "method")
    if share:
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel(rule if len(rule) < 70 else name)
    spoken = ", ".join(f"{label} {v:.0%}" if share else f"{label} {v}" for label, v in zip(labels, values))
    return figure(fig, ref=FIGURES["criterion"],
                  alt=f"Bar chart of '{name}' for the seven articles: {spoken}.",
                  caption=f"{name}: {rule}. Computed from each chapter's records.",
                  source="data/<chapter>/evidence_items, method_promises and source_checks")


@styled
def evidence_kinds_chart(profiles: list[Profile]):
    """A dot matrix: which kinds of evidence each article uses."""
    kinds = [k for k in EVIDENCE_KINDS if any(k in p.evidence_kinds for p in profiles)]
    fig, ax = new_figure(7, 3.6)
    for y, p in enumerate(profiles[::-1]):
        xs = [x for x, k in enumerate(kinds) if k in p.evidence_kinds]
        ax.scatter(xs, [y] * len(xs), s=90, color=PALETTE[0])
    ax.set_yticks(range(len(profiles)), [short(p) for p in profiles[::-1]])
    ax.set_xticks(range(len(kinds)), [EVIDENCE_KINDS[k] for k in kinds], rotation=30, ha="right")
    ax.set_xlim(-0.5, len(kinds) - 0.5)
    spoken = "; ".join(f"{short(p)}: {p.describe('evidence')}" for p in profiles)
    return figure(fig, ref=FIGURES["evidence-kinds"],
                  alt=f"Dot matrix of the kinds of evidence each article uses. {spoken}.",
                  caption="Kind of evidence: a dot where the article presents evidence of that kind.",
                  source="data/<chapter>/evidence_items")


def criterion_view(profiles: list[Profile], criterion: str) -> str:
    """One criterion for all seven articles: its rule, a chart, and each article's value in words."""
    name, rule = CRITERIA[criterion]
    chart = evidence_kinds_chart(profiles) if criterion == "evidence" else criterion_chart(profiles, criterion)
    rows = "".join(f"<tr><th scope='row'>{html.escape(short(p))}</th><td>{html.escape(p.describe(criterion))}"
                   f"</td></tr>" for p in profiles)
    return (f"<p><strong>{html.escape(name)}</strong>: {html.escape(rule)}.</p>{chart.html()}"
            f"<table class='ck-check-table'><caption>{html.escape(name)}, article by article</caption>"
            f"<thead><tr><th scope='col'>Article</th><th scope='col'>Value</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def record_list(chapter: str) -> str:
    """The points of a chapter's check-the-source page, grouped by kind, with their lines."""
    checks = records(chapter)["checks"]
    parts = []
    for kind, words in KIND_WORDS.items():
        rows = checks[checks.kind == kind]
        if len(rows):
            parts.append(table(rows[["source_lines", "article_says", "finding"]].rename(columns={
                "source_lines": "lines", "article_says": "the article says", "finding": "we found"}),
                caption=f"{kind.capitalize()} ({words}): {len(rows)}"))
    return "".join(parts)


def article_views(profiles: list[Profile]) -> dict[str, str]:
    """One view per article, for the explorer: "Article 1" -> its profile and records."""
    return {short(p): article_view(chapter, p) for chapter, p in zip(chapters_in_order(), profiles)}


def criterion_views(profiles: list[Profile]) -> dict[str, str]:
    """One view per criterion, for the explorer: its name -> the seven articles on it."""
    return {name: criterion_view(profiles, c) for c, (name, _) in CRITERIA.items()}


def article_view(chapter: str, p: Profile) -> str:
    """One article's profile: the five criteria in words, then the records behind them."""
    link = f"<p>Read the chapter: <code>chapters/{chapter}/</code> (its check-the-source page lists each point).</p>"
    return profile_card(p, label=f"{short(p)}: {p.title}") + link + record_list(chapter)
