"""Checkers for the exercises of the climate-and-EU-migration chapter (exercises/eu_climate_migration.md).

Expected answers are computed from data/eu_climate_migration/, so they follow the transcription.
"""

from ..checks import exercise, expect_choice, expect_frame, expect_number
from ..data import load


def _t1():
    return load("eu_climate_migration/table1_climate_risk_migration")


def _facts():
    return load("eu_climate_migration/prose_facts")


@exercise("eu_climate_migration.projection_total")
def projection_total(answer):
    total = float(_t1().migration_forecast_2050_million_people.sum())
    return expect_number(answer, total, tolerance=1e-6,
                         what="The total of Table 1's 2050 projections (million people)",
                         hint="Add up the column migration_forecast_2050_million_people.")


@exercise("eu_climate_migration.bangladesh_gap")
def bangladesh_gap(answer):
    facts = _facts()
    prose = facts[(facts.topic == "bangladesh") & (facts.year == "2050") & (facts.unit == "million people")]
    table = _t1().set_index("country_english").loc["Bangladesh", "migration_forecast_2050_million_people"]
    return expect_number(answer, float(prose.value.iloc[0] - table), tolerance=1e-6,
                         what="The prose's 2050 figure for Bangladesh minus Table 1's (million people)",
                         hint="Take the prose fact for Bangladesh with year '2050' and unit 'million people', "
                              "and subtract Table 1's value for Bangladesh.")


@exercise("eu_climate_migration.lowest_nd_gain")
def lowest_nd_gain(answer):
    t1 = _t1().set_index("country_english")
    lowest = t1.vulnerability_nd_gain_index_points.idxmin()
    choices = {c: f"Not {c}: sort Table 1 by vulnerability_nd_gain_index_points and take the smallest value."
               for c in t1.index}
    choices[lowest] = (f"{lowest} has the lowest value ({t1.loc[lowest, 'vulnerability_nd_gain_index_printed']}). "
                       "If the values are ND-GAIN country-index scores (the article gives no scale), a low "
                       "score means least prepared, so it would be the most vulnerable of the four.")
    return expect_choice(answer, choices, lowest, what="The country with the lowest ND-GAIN value")


@exercise("eu_climate_migration.funding_by_country")
def funding_by_country(answer):
    tools = load("eu_climate_migration/eu_instruments")
    with_amount = tools[tools.amount_eur_million.notna()]
    expected = (with_amount.groupby("country_context", as_index=False).amount_eur_million.sum()
                .rename(columns={"country_context": "country"}))
    return expect_frame(answer, expected, what="Your table", sort_by=["country"],
                        hint="Keep the rows of eu_instruments with an amount, group by country_context, "
                             "sum amount_eur_million, and name the columns country and amount_eur_million.")


@exercise("eu_climate_migration.asylum_ratio")
def asylum_ratio(answer):
    facts = _facts()
    apps = facts[facts.unit == "thousand applications"].set_index("topic").value
    return expect_number(answer, float(apps["syria"] / apps["afghanistan"]), tolerance=1e-4,
                         what="Syrian applications per Afghan application in 2024",
                         hint="Divide the Syrian figure (151) by the Afghan one (87): rows with unit "
                              "'thousand applications'.")
