"""Reading research critically: the seven articles on one rubric, computed from the chapters' records.

Every figure comes from three records each chapter keeps beside its data (described in
``data/datapackage.json``), never from a number typed on a page:

- ``evidence_items.csv``   each exhibit and body of evidence the article puts before the reader;
- ``method_promises.csv``  what the article says it will do, and whether it does;
- ``source_checks.csv``    every point of the chapter's check-the-source page, by kind. Printing slips
  (``slip``), gaps of our copy of the text (``copy``: metadata or reference lists lost in extraction) and
  cautions that are not errors (``note``) are kept in the records but not counted against the article.

The five criteria, and how each is computed (the same rules apply to an article a student scores):

    >>> for key, (name, rule) in CRITERIA.items():
    ...     print(f"{name}: {rule}")  # doctest: +NORMALIZE_WHITESPACE
    Kind of evidence: the kinds of evidence it shows (tables, interviews, documents...), counting items
    at least partly printed; items only mentioned do not count
    Evidence a reader can check: share of evidence items whose values or contents are printed (partly
    printed counts half; exhibits lost from our copy are left out)
    Method promised and delivered: share of the article's promises about its method, data or aims that
    the body delivers (partly counts half)
    Agreement with its own tables and text: how many times the article contradicts its own tables or text
    (printing and spelling slips are counted apart)
    Corrections and unsupported claims: points we corrected from outside sources (facts, names, terms), and
    claims that need support and have none in the article

    >>> p = profile("kazakhstan_china_food")
    >>> p.article, 0 <= p.checkable <= 1, p.contradictions >= 0
    (4, True, True)
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from .checks import Feedback
from .data import DataError, _package, load

CRITERIA = {
    "evidence": ("Kind of evidence",
                 "the kinds of evidence it shows (tables, interviews, documents...), counting items at least "
                 "partly printed; items only mentioned do not count"),
    "checkable": ("Evidence a reader can check",
                  "share of evidence items whose values or contents are printed (partly printed counts half; "
                  "exhibits lost from our copy are left out)"),
    "method": ("Method promised and delivered",
               "share of the article's promises about its method, data or aims that the body delivers "
               "(partly counts half)"),
    "consistency": ("Agreement with its own tables and text",
                    "how many times the article contradicts its own tables or text (printing and spelling slips are "
                    "counted apart)"),
    "corrections": ("Corrections and unsupported claims",
                    "points we corrected from outside sources (facts, names, terms), and claims that need support "
                    "and have none in the article"),
}

EVIDENCE_KINDS = {  # the enum of evidence_items.kind, as words
    "table": "tables", "figure": "figures", "map": "maps", "interviews": "interviews", "survey": "a survey",
    "documents": "documents", "court_cases": "court cases", "statistics_in_text": "statistics in the text",
    "literature": "literature",
}
LEVELS = ("yes", "partly", "no")
PRINTED = LEVELS + ("lost",)  # lost: an exhibit our copy holds only as a caption (left out of the share)
CHECK_KINDS = ("correction", "contradiction", "unsupported", "confirmed", "slip", "copy", "note")


def _share(values: list[str]) -> float:
    """Share of 'yes' answers, 'partly' counting half; 0 for no answers.

    >>> _share(["yes", "partly", "no", "no", "lost"])
    0.375
    """
    counted = [v for v in values if v in LEVELS]
    return (counted.count("yes") + 0.5 * counted.count("partly")) / len(counted) if counted else 0.0


def percent(share: float) -> str:
    """A share as a whole percentage, halves rounded up (as by hand, not to the even number).

    >>> percent(0.625), percent(0.375), percent(0.5)
    ('63%', '38%', '50%')
    """
    return f"{int(share * 100 + 0.5)}%"


@dataclass
class Profile:
    """One article on the rubric. Build it with :func:`profile` (a course chapter) or :func:`score`
    (an article you read yourself)."""

    title: str
    article: int | None = None
    evidence: list[tuple[str, str]] = field(default_factory=list)  # (kind, values_printed) of each item
    delivered: list[str] = field(default_factory=list)    # delivered of each promise
    checks: list[str] = field(default_factory=list)       # kind of each check-the-source point

    @property
    def printed(self) -> list[str]:
        return [printed for _, printed in self.evidence]

    @property
    def evidence_kinds(self) -> list[str]:
        """Kinds of evidence the article shows: items only mentioned (nothing printed) do not count.

        >>> Profile("x", evidence=[("interviews", "no"), ("table", "yes"), ("documents", "partly")]).evidence_kinds
        ['table', 'documents']
        """
        shown = {kind for kind, printed in self.evidence if printed != "no"}  # lost exhibits were printed
        return [k for k in EVIDENCE_KINDS if k in shown]

    @property
    def checkable(self) -> float:
        return _share(self.printed)

    @property
    def method(self) -> float:
        return _share(self.delivered)

    @property
    def contradictions(self) -> int:
        return self.checks.count("contradiction")

    @property
    def corrections(self) -> int:
        return self.checks.count("correction")

    @property
    def unsupported(self) -> int:
        return self.checks.count("unsupported")

    @property
    def confirmed(self) -> int:
        return self.checks.count("confirmed")

    @property
    def slips(self) -> int:  # printing and spelling slips: listed, not counted as contradictions
        return self.checks.count("slip")

    def value(self, criterion: str) -> float | int:
        """The criterion as a number (for charts; the kind of evidence counts its kinds).

        >>> Profile("x", checks=["correction", "unsupported", "slip"]).value("corrections")
        2
        """
        return {"evidence": len(self.evidence_kinds), "checkable": self.checkable, "method": self.method,
                "consistency": self.contradictions,
                "corrections": self.corrections + self.unsupported}[criterion]

    def describe(self, criterion: str) -> str:
        """The criterion in words, with the counts it is computed from.

        >>> p = Profile("x", evidence=[("table", "yes"), ("interviews", "partly"), ("documents", "no")],
        ...             delivered=["yes", "no"], checks=["correction", "contradiction", "confirmed"])
        >>> for c in CRITERIA:
        ...     print(p.describe(c))
        tables, interviews
        1 of 3 items fully printed, 1 partly, 1 not: 50% (partly counts half)
        1 of 2 promises delivered, 0 partly: 50%
        1 contradiction of its own tables or text
        1 point corrected, 0 claims unsupported (and 1 point confirmed)
        """
        if criterion == "evidence":
            return ", ".join(EVIDENCE_KINDS[k] for k in self.evidence_kinds) or "none"
        if criterion == "checkable":
            n, lost = len(self.printed), self.printed.count("lost")
            if not n - lost:
                return "no evidence items"
            yes, partly, no = (self.printed.count(level) for level in LEVELS)
            left_out = f"; {lost} lost from our copy, left out" if lost else ""
            return (f"{yes} of {n - lost} items fully printed, {partly} partly, {no} not{left_out}: "
                    f"{percent(self.checkable)} (partly counts half)")
        if criterion == "method":
            n = len(self.delivered)
            if not n:
                return "no promises recorded"
            return (f"{self.delivered.count('yes')} of {n} promises delivered, {self.delivered.count('partly')} "
                    f"partly: {percent(self.method)}")
        if criterion == "consistency":
            n, s = self.contradictions, self.slips
            slips = f" (and {s} printing or spelling slip{'' if s == 1 else 's'})" if s else ""
            return f"{n} contradiction{'' if n == 1 else 's'} of its own tables or text{slips}"
        if criterion == "corrections":
            c, u, ok = self.corrections, self.unsupported, self.confirmed
            return (f"{c} point{'' if c == 1 else 's'} corrected, {u} claim{'' if u == 1 else 's'} unsupported "
                    f"(and {ok} point{'' if ok == 1 else 's'} confirmed)")
        raise KeyError(f"no criterion {criterion!r}; the criteria are {', '.join(CRITERIA)}")

    def _repr_html_(self) -> str:
        return profile_card(self)


def _title(article: int) -> str:
    for entry in _package()["articles"]:
        if entry["article"] == article:
            return entry["title_english"]
    raise DataError(f"article {article} is not listed in data/datapackage.json")


def records(chapter: str) -> dict[str, object]:
    """A chapter's three records, as data frames: ``evidence``, ``promises``, ``checks``."""
    return {"evidence": load(f"{chapter}/evidence_items"), "promises": load(f"{chapter}/method_promises"),
            "checks": load(f"{chapter}/source_checks")}


def profile(chapter: str) -> Profile:
    """The rubric profile of a course chapter's article, from its records."""
    from .data import chapter_article

    r = records(chapter)
    article = chapter_article(chapter)
    evidence = list(zip(r["evidence"].kind, r["evidence"].values_printed))
    return Profile(_title(article), article, evidence, list(r["promises"].delivered), list(r["checks"].kind))


class ScoreError(ValueError):
    """A student's rubric entries that cannot be scored; the message says what to change."""


def _word(name: str, i: int, entry, allowed) -> str:
    if not isinstance(entry, str) or entry.strip().lower() not in allowed:
        raise ScoreError(f"entry {i} of {name} is {entry!r}; use one of: {', '.join(allowed)}.")
    return entry.strip().lower()


def _entries(name: str, entries, allowed: tuple[str, ...] | dict) -> list[str]:
    if not isinstance(entries, (list, tuple)):
        raise ScoreError(f"{name} should be a list, like [\"yes\", \"no\"]; you gave {type(entries).__name__}.")
    return [_word(name, i, entry, allowed) for i, entry in enumerate(entries, start=1)]


def _items(entries) -> list[tuple[str, str]]:
    if not isinstance(entries, (list, tuple)):
        raise ScoreError(f"evidence should be a list of pairs, like [(\"table\", \"yes\")]; "
                         f"you gave {type(entries).__name__}.")
    items = []
    for i, entry in enumerate(entries, start=1):
        if not isinstance(entry, (list, tuple)) or len(entry) != 2:
            raise ScoreError(f"entry {i} of evidence is {entry!r}; write a pair: (kind, printed), "
                             "e.g. (\"interviews\", \"partly\").")
        items.append((_word("evidence (its kind)", i, entry[0], EVIDENCE_KINDS),
                      _word("evidence (printed?)", i, entry[1], PRINTED)))
    return items


def score(title: str, evidence=(), delivered=(), checks=()) -> Profile | Feedback:
    """Score an article you read on the same rubric. Give one entry per evidence item (its kind, and
    whether its values are printed), per promise and per point you checked; a mistake in the entries
    comes back as a message saying what to change.

    >>> mine = score("My article", evidence=[("interviews", "partly"), ("table", "no")],
    ...              delivered=["yes", "no"], checks=["unsupported"])
    >>> mine.describe("method"), mine.describe("evidence")
    ('1 of 2 promises delivered, 0 partly: 50%', 'interviews')
    >>> score("My article", evidence=["table"])
    Not yet. entry 1 of evidence is 'table'; write a pair: (kind, printed), e.g. ("interviews", "partly").
    >>> score("My article", delivered="yes")
    Not yet. delivered should be a list, like ["yes", "no"]; you gave str.
    >>> score("My article", checks=["wrong"])  # doctest: +ELLIPSIS
    Not yet. entry 1 of checks is 'wrong'; use one of: correction, contradiction, unsupported, ..., note.
    """
    try:
        return Profile(str(title), None, _items(evidence), _entries("delivered", delivered, LEVELS),
                       _entries("checks", checks, CHECK_KINDS))
    except ScoreError as err:  # a student's entry: feedback, never a traceback
        return Feedback(False, str(err))


def profile_card(p: Profile, label: str = "") -> str:
    """One article's profile as an HTML card: each criterion in words."""
    from .widgets import card

    return card(label or p.title, [(CRITERIA[c][0], html.escape(p.describe(c))) for c in CRITERIA])
