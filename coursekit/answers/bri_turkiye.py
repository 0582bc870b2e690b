"""Checkers for the exercises of the Belt and Road chapter (exercises/bri_turkiye.md).

Expected answers are computed from data/bri_turkiye/, so they follow the transcription.
"""

from ..checks import exercise, expect_choice, expect_frame, expect_number
from ..data import load


def _table4():
    return load("bri_turkiye/table4_route_countries_trade_with_china")


@exercise("bri_turkiye.balance_errors")
def balance_errors(answer):
    t4 = _table4()
    wrong = int((t4.exports_to_china_usd - t4.imports_from_china_usd != t4.balance_usd).sum())
    return expect_number(answer, wrong, what="The number of rows whose printed balance is not exports minus imports",
                         hint="Compare exports_to_china_usd - imports_from_china_usd with balance_usd, row by row.")


@exercise("bri_turkiye.balance_share_gdp")
def balance_share_gdp(answer):
    t4 = _table4()
    expected = t4[["country"]].assign(balance_percent_gdp=t4.balance_usd / t4.gdp_usd * 100)
    return expect_frame(answer, expected, what="Your table", sort_by=["country"],
                        hint="balance_usd divided by gdp_usd, times 100, for every country.")


@exercise("bri_turkiye.most_exposed")
def most_exposed(answer):
    t4 = _table4()
    share = t4.balance_usd / t4.gdp_usd
    country = t4.country[share.idxmin()]
    choices = {c: f"Not {c}: rank the countries by balance ÷ GDP, not by the balance in dollars."
               for c in t4.country}
    choices[country] = f"{country} has the largest deficit with China relative to the size of its economy."
    return expect_choice(answer, choices, country, what="The most exposed country")


@exercise("bri_turkiye.turkiye_share_of_deficits")
def turkiye_share_of_deficits(answer):
    t4 = _table4()
    deficits = t4[t4.balance_usd < 0]
    turkiye = deficits.set_index("country").loc["Türkiye", "balance_usd"]
    return expect_number(answer, turkiye / deficits.balance_usd.sum() * 100, tolerance=1e-4,
                         what="Türkiye's share of the deficits in Table 4 (%)",
                         hint="Add up the balances of the countries with a deficit only, then divide "
                              "Türkiye's balance by that sum and multiply by 100.")


@exercise("bri_turkiye.kazakhstan_ratio")
def kazakhstan_ratio(answer):
    row = _table4().set_index("country").loc["Kazakhstan"]
    return expect_number(answer, row.imports_from_china_usd / row.exports_to_china_usd, tolerance=1e-4,
                         what="Kazakhstan's imports from China per dollar of exports to China",
                         hint="imports_from_china_usd divided by exports_to_china_usd, Kazakhstan's row.")
