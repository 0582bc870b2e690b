"""Checkers for the exercises of the chapter on US educational programmes in Kazakhstan
(exercises/us_education_kazakhstan.md).

Expected answers are computed from data/us_education_kazakhstan/, so they follow the transcription.
"""

from ..checks import exercise, expect_choice, expect_frame, expect_number
from ..data import load

SLUG = "us_education_kazakhstan"


def _students():
    frame = load(f"{SLUG}/central_asian_students_us")
    return dict(zip(frame.country, frame.value))


@exercise(f"{SLUG}.kazakhstan_share")
def kazakhstan_share(answer):
    v = _students()
    share = v["Kazakhstan"] / v["Central Asia (all countries of the figure)"] * 100
    return expect_number(answer, share, tolerance=1e-3,
                         what="Kazakhstan's share of the Central Asian students in the USA (%)",
                         hint="Divide Kazakhstan's value by the region's total (the other row) and multiply by 100.")


@exercise(f"{SLUG}.other_countries")
def other_countries(answer):
    v = _students()
    return expect_number(answer, v["Central Asia (all countries of the figure)"] - v["Kazakhstan"],
                         what="The number of students from the other Central Asian countries together",
                         hint="Subtract Kazakhstan's value from the region's total.")


@exercise(f"{SLUG}.programme_weeks")
def programme_weeks(answer):
    t2 = load(f"{SLUG}/exchange_programmes")
    expected = t2[t2.duration_weeks.notna()][["programme_short_name", "duration_weeks"]]
    return expect_frame(answer, expected, what="Your table", sort_by=["programme_short_name"],
                        hint="Keep the rows whose duration_weeks is not missing (notna), and the two columns "
                             "programme_short_name and duration_weeks.")


@exercise(f"{SLUG}.shortest_programme")
def shortest_programme(answer):
    t2 = load(f"{SLUG}/exchange_programmes")
    weeks = t2.duration_weeks.astype(float).fillna(t2.duration_years.astype(float) * 52)
    shortest = t2.programme_short_name[weeks.idxmin()]
    choices = {name: f"Not {name}: compare the printed durations (years and weeks) of the five rows; a row "
                     "with no duration printed cannot be the answer." for name in t2.programme_short_name}
    choices[shortest] = f"{shortest} is the shortest programme whose duration Table 2 prints."
    return expect_choice(answer, choices, shortest, what="The shortest programme")


@exercise(f"{SLUG}.values_share")
def values_share(answer):
    f = load(f"{SLUG}/interview_findings").set_index("finding_id").loc["rq5_values_conveyed"]
    return expect_number(answer, f["count"] / f["out_of"] * 100, tolerance=1e-3,
                         what="The percentage of respondents who said the values are conveyed",
                         hint="Use the row rq5_values_conveyed: count divided by out_of, times 100.")
