"""Checkers for the exercises of the humanitarian-diplomacy chapter (exercises/humanitarian_diplomacy.md).

Expected answers are computed from data/humanitarian_diplomacy/, so they follow the coding.
"""

from ..checks import Feedback, exercise, expect_frame, expect_number
from ..data import load


def _links():
    return load("humanitarian_diplomacy/practice_challenges")


def _challenges():
    return load("humanitarian_diplomacy/challenges")


def stated_counts():
    """Every challenge with the number of distinct practices the article itself links to it."""
    stated = _links().query("basis == 'stated'").groupby("challenge_id").practice_id.nunique()
    ch = _challenges()[["challenge_id"]]
    return ch.assign(n_practices=ch.challenge_id.map(stated).fillna(0).astype(int))


@exercise("humanitarian_diplomacy.stated_reach")
def stated_reach(answer):
    return expect_frame(answer, stated_counts(), what="Your table", sort_by=["challenge_id"],
                        hint="Keep only the links with basis 'stated', count distinct practice_id per "
                             "challenge_id, and give every challenge of challenges.csv a row (0 where none).")


@exercise("humanitarian_diplomacy.unreached")
def unreached(answer):
    expected = set(stated_counts().query("n_practices == 0").challenge_id)
    what = "The challenges no practice answers by a stated link"
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        return Feedback(False, f"{what} should be a list of challenge ids such as ['C01', 'C02']; "
                               f"you gave {type(answer).__name__}.")
    got = {str(x).strip().upper() for x in answer}
    if got == expected:
        return Feedback(True, f"{what}: {len(expected)} of {len(_challenges())} ({', '.join(sorted(expected))}).")
    extra, missing = sorted(got - expected), sorted(expected - got)
    parts = []
    if extra:
        parts.append(f"{', '.join(extra)} {'is' if len(extra) == 1 else 'are'} answered by at least one stated "
                     "link (or not a challenge id)")
    if missing:
        parts.append(f"{len(missing)} id(s) are missing")
    return Feedback(False, f"{what}: {'; '.join(parts)}. Use only links with basis 'stated'.")


@exercise("humanitarian_diplomacy.inferred_share")
def inferred_share(answer):
    links = _links()
    return expect_number(answer, (links.basis == "inferred").mean() * 100, tolerance=1e-4,
                         what="The percentage of links that are our inference",
                         hint="Count the rows with basis 'inferred', divide by the number of rows, times 100.")
