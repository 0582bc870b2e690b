"""Checkers for the exercises of the mediation chapter (exercises/mediation_law.md).

Expected answers are computed from data/mediation_law/, so they follow the transcription and our coding.
"""

import re

from ..checks import exercise, expect_frame, expect_number
from ..data import load

# How Exercise 1 groups the mediator types of cases.csv (column mediation_form) by their first word.
GROUPS = {"state": "state", "intergovernmental": "organisation", "non-state": "non-state", "hybrid": "hybrid"}


def mediator_group(form: str) -> str:
    """The group of a case's mediation_form: its first word, mapped by GROUPS.

    >>> mediator_group("hybrid (regional organisation, multi-level)"), mediator_group("non-state: academic workshop")
    ('hybrid', 'non-state')
    """
    return GROUPS[re.match(r"[a-z-]+", form).group()]


def _elements():
    return load("mediation_law/case_elements")


@exercise("mediation_law.hybrid_cases")
def hybrid_cases(answer):
    el = _elements()
    n = el[el.element == "hybrid_label"].case_id.nunique()
    return expect_number(answer, n, what="The number of cases the article calls hybrid",
                         hint="Keep the rows of case_elements whose element is 'hybrid_label' and count the "
                              "distinct case_id values.")


@exercise("mediation_law.elements_per_case")
def elements_per_case(answer):
    el = _elements()
    expected = el.groupby("case_id").size().rename("n_elements").reset_index()
    return expect_frame(answer, expected, what="Your table", sort_by=["case_id"],
                        hint="Group case_elements by case_id and count the rows; name the count n_elements.")


@exercise("mediation_law.cases_by_group")
def cases_by_group(answer):
    cases = load("mediation_law/cases")
    expected = (cases.assign(mediator_group=cases.mediation_form.map(mediator_group))
                .groupby("mediator_group").size().rename("n").reset_index())
    return expect_frame(answer, expected, what="Your table", sort_by=["mediator_group"],
                        hint="Map each mediation_form to its group by its first word (state, organisation, "
                             "non-state, hybrid), then count cases per group in a column n.")


@exercise("mediation_law.instruments_since_2011")
def instruments_since_2011(answer):
    inst = load("mediation_law/legal_instruments")
    n = int((inst.year >= 2011).sum())
    return expect_number(answer, n, what="The number of instruments dated 2011 or later",
                         hint="Compare the year column with 2011; undated instruments (missing year) do not count.")
