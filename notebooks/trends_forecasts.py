# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Trends and forecasts
#
# Version: 0.5.0
#
# Changelog:
# - 0.5.0 (2026-12-07): findings first: the pro-rata fallback reasons move to an appendix; the
#   year-end chart draws one panel per length of year to date (a January share of
#   plan never stands beside a five-month one); the sentences quoting report figures (tourist arrivals,
#   back-loading, national retail growth) cite them, with a Sources appendix at the end.
# - 0.4.0 (2026-12-02): the country's monthly series (GSO tables to February 2025): STL decomposition,
#   the Tết effect, forecasts with 80 % and 95 % intervals by each series' backtest winner, and the
#   rolling-origin backtest (MASE, interval coverage) from every month of 2019-2024.
# - 0.3.0 (2026-12-02): the pace still needed per target; cumulative % of plan by month; checks across
#   report vintages (implied months against the year's other months); the national-profile method
#   beside pro-rata and growth-based on four backtest pairs (no look-ahead), with its oracle bound.
# - 0.2.1 (2026-12-02): findings first: the year end against plan, then the backtest; derived
#   series after them; the per-series qualification table moved to an appendix behind a one-line
#   summary; units in words in the monthly panels; every chart links to the rows it draws.
# - 0.2.0 (2026-12-02): 2026 projections growth-based where last year's level is known, with bands
#   from the backtest errors and banded verdicts; the backtest scores pro-rata against the
#   growth-based nowcast on two horizons (June to November 2025, January to May 2026) with its caveats.
# - 0.1.5 (2026-11-23): the plan and backtest charts label bars with the indicators' English
#   names (cut to 40 characters) instead of their ids.
# - 0.1.4 (2026-11-23): implied plans and budget estimates under ids of their own
#   (`<id>_plan`, `<id>_est_central`, `<id>_est_local`); the central estimates are no longer
#   folded into notes; horizontal-bar charts with vertical grid lines and no empty band on top.
# - 0.1.3 (2026-11-23): charts in the report style of the other briefings; monthly panels ticked
#   every other month.
# - 0.1.2 (2026-11-23): a source line under every chart.
# - 0.1.1 (2026-11-23): charts shown as images through lsreports.publish.charts (no figure reprs in outputs).
# - 0.1.0: derived series, 2026 year-end projections against plan, the first-half to
#   11-month backtest, and decomposition/forecast attempts with their explicit refusals.
#
# The four reports give a month, a year to date and a growth rate at a time (November and
# 11 months of 2025; the first half of 2025; January 2026; May and 5 months of 2026), not
# a monthly series. This notebook shows what can still be said: last year's levels implied
# by the growth rates, the plans implied by "% kế hoạch", where the year is heading, how
# well those projections did on 2025, and why the province's own series are still too short
# for a model. The models are fitted where history exists, on the country's monthly series
# (section 5: decomposition, forecasts with 80 % and 95 % intervals, and their backtest).
# Every figure in the text is computed in the cell that prints it; a figure printed in a report
# shows its sentence on hover and is listed under Sources at the end.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import Markdown, display

from lsreports.publish import charts, labels
from lsreports.analysis.yearend.backtest import CAVEATS, backtest_pairs
from lsreports.analysis.derive import SHARE_INDICATORS, compare_derived_with_printed, derived_rows
from lsreports.sources.loader import indicators, national_observations, observations, reports
from lsreports.sources.periods import is_whole_month, period_label
from lsreports.analysis.checks.flags import checked_projections
from lsreports.analysis.yearend.projection import TARGET_KIND_LABELS
from lsreports.analysis.yearend.national_profile import compare_methods, national_backtest, national_year_end
from lsreports.analysis.yearend.pace import pace_needed, plan_paths
from lsreports.analysis.yearend.uncertainty import VERDICT_RULE, band_widths
from lsreports.analysis.checks.vintages import MIN_OTHER_MONTHS, OUTLIER_RATIO, vintage_spans
from lsreports.analysis.tsa.timeseries import (ARIMA_MIN_LENGTH, HOLT_MIN_LENGTH, HOLT_WINTERS_MIN_LENGTH, SES_MIN_LENGTH,
                                  STL_MIN_LENGTH, decompose, forecast, monthly_series)

from lsreports.publish.page import BriefingPage
from lsreports.publish.year_end_chart import year_end_chart

charts.use_report_style()
page = BriefingPage("trends")  # the page's citations: every report figure in a sentence links to Sources
pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 70)
obs = observations()
catalogue = indicators().set_index("indicator_id")
printed = obs.loc[~obs["derived"]]

# %% [markdown]
# ## 1. Where 2026 is heading, against plan
#
# Each indicator's latest 2026 year to date (January, 5 months, or to a stated day in
# May) is projected to the year's end. The growth-based nowcast, the default, carries last
# year's full-year level forward at the growth printed beside the year to date; last year's
# level is printed, or is 11 months of 2025 with December estimated at the monthly average
# (the assumption is stated in the row). Pro-rata is the fallback and the baseline. Stocks
# and one-off distributions are not projected.

# %%
projections = checked_projections(obs, 2026)  # with the flags each year end rests on
with_target = projections.loc[projections["target_kind"] != ""]
per_indicator = projections.drop_duplicates("indicator_id")
methods = per_indicator["method"].value_counts()
fallback = per_indicator.loc[per_indicator["method"] == "pro_rata"]
december = int(per_indicator.loc[per_indicator["method"] == "growth", "prev_annual_assumption"]
                .str.startswith("December").sum())
display(Markdown(
    f"{len(per_indicator)} indicators have a 2026 year to date; {with_target['indicator_id'].nunique()} of them "
    f"print a plan or budget estimate. The growth-based nowcast applies to {methods.get('growth', 0)} "
    f"({december} of them with last year's level from 11 months and December estimated); "
    f"{methods.get('pro_rata', 0)} fall back to pro-rata and {methods.get('not_projected', 0)} are not projected "
    "(one-off distributions); why each falls back is in the appendix."))

# %% [markdown]
# Pro-rata ignores seasonality; where both can be computed, it contradicts the growth
# printed beside the year to date.

# %%
both = per_indicator.dropna(subset=["growth_projection", "prev_annual_value"])
implied_growth = (both["prorata_projection"] / both["prev_annual_value"] - 1) * 100
gap = (implied_growth - both["ytd_yoy_pct"]).abs()
tourists = projections.loc[(projections["indicator_id"] == "tourism_visitors")
                           & (projections["target_kind"] == "plan")].iloc[0]
display(Markdown(
    f"Over the {len(both)} indicators with both projections, the full-year growth that pro-rata implies differs "
    f"from the growth printed for the year to date by a median of {gap.median():.0f} points. For example:"))
page.projection(tourists, "Tourist arrivals")

# %%
view = with_target.loc[with_target["method"] != "not_projected"].assign(
    label=[f"{label} ({TARGET_KIND_LABELS[kind]})" for label, kind in zip(
        charts.short_labels(catalogue.loc[with_target["indicator_id"], "name_en"]), with_target["target_kind"])]
).sort_values("projected_pct_of_target")
charts.show(year_end_chart(view, "2026: year to date and projected year end against plan",
                           charts.source_line(view["source_doc"], reports()),
                           "% of the 2026 plan or budget estimate\n(implied by value / % of plan)"))

# %%
verdicts = with_target.drop_duplicates("indicator_id")["verdict"].value_counts()
display(Markdown(
    f"Verdicts on the first target of each indicator: {verdicts.get('likely', 0)} likely, "
    f"{verdicts.get('undetermined', 0)} undetermined, {verdicts.get('unlikely', 0)} unlikely. Thresholds: "
    f"{VERDICT_RULE}. A January-only projection is marked low-confidence (Tết moves activity between January "
    "and February)."))
with_target[["indicator_id", "ytd_end", "ytd_value", "unit", "method", "projection", "lower", "upper",
             "target_kind", "target_value", "projected_pct_of_target", "verdict", "confidence"]].round(
    {"ytd_value": 1, "projection": 1, "lower": 1, "upper": 1, "target_value": 1, "projected_pct_of_target": 1})

# %% [markdown]
# ### The pace still needed
#
# For each 2026 target: the monthly level needed over the rest of the year, against the pace
# so far and against last year's pace over the same months (where last year's levels are known).

# %%
pace = pace_needed(projections).drop_duplicates("indicator_id")
faster = pace.loc[~pace["reached"] & (pace["needed_vs_so_far"] > 1)]
reached = pace.loc[pace["reached"], "indicator_id"]
display(Markdown(
    f"{len(reached)} indicator(s) already meet their target ({', '.join(reached) or 'none'}); "
    f"{len(faster)} of the other {int((~pace['reached']).sum())} need a faster monthly pace than so far, "
    f"{int((faster['needed_vs_last_year'] > 1).sum())} of them faster than last year's pace over the same months too."))
pace[["indicator_id", "target_kind", "unit", "months_remaining", "pace_so_far", "pace_needed", "last_year_pace",
      "needed_vs_so_far", "needed_vs_last_year"]].round(2)

# %% [markdown]
# ### Cumulative against plan, month by month
#
# The printed "% of plan" of every year to date (unit-free: it survives a level printed in the
# wrong unit), against a straight on-pace line and last year's path where known.

# %%
paths = plan_paths(obs, ["pubinv_disbursed_current", "prod_rosin", "tourism_visitors"])
charts.show(charts.plan_path_chart(paths, catalogue.reset_index(), "Cumulative % of the year's plan",
                                   charts.source_line(paths["source_doc"], reports())))
pubinv = paths.loc[(paths["indicator_id"] == "pubinv_disbursed_current") & (paths["year"] == 2025)]
rosin = paths.loc[(paths["indicator_id"] == "prod_rosin") & (paths["year"] == 2025)]


def share_of_plan(path: pd.DataFrame, i: int, decimals: int):
    row = path.iloc[i]
    return page.figure(f"{row['pct']:.{decimals}f} %", row["indicator_id"], f"{row['year']}-01-01", row["end"],
                       "plan_pct", row["source_doc"])


page.say(
    f"Back-loading: public investment of the 2025 plan stood at {share_of_plan(pubinv, 0, 1)} after "
    f"{pubinv['months'].iloc[0]:.0f} months and {share_of_plan(pubinv, -1, 0)} by {pubinv['end'].iloc[-1]:%d %B %Y}; "
    f"rosin at {share_of_plan(rosin, 0, 2)} in {rosin['end'].iloc[0]:%B} and {share_of_plan(rosin, -1, 1)} in "
    f"{rosin['end'].iloc[-1]:%B}. A pro-rata projection from mid-year would have read both as far behind.")

# %% [markdown]
# ## 2. How well would these projections have done? (backtest)
#
# Four pairs of printed years to date can be scored: the first half of 2025 (report 001)
# against 11 months of 2025 (report 000); January 2026 (report 004) against 5 months of 2026
# (report 003); 11 months of 2025 against the whole of 2025 (public texts of early 2026); and
# 4 against 9 months of 2019 (provincial portal). Each later level is projected from the
# earlier one, pro-rata and growth-based, and compared with the printed figure.

# %%
backtest = backtest_pairs(obs)
by_pair = backtest.attrs["by_pair"]
display(Markdown(
    "What this test can and cannot show: " + CAVEATS + ". Median absolute errors over the unflagged indicators "
    "with both methods: " + "; ".join(
        f"{pair}: pro-rata {s['median_prorata_ape']:.1f} %, growth-based {s['median_growth_ape']:.1f} % "
        f"({s['n_both']} indicators)" for pair, s in by_pair.items()) + "."))
backtest[["pair", "indicator_id", "unit", "base_value", "base_yoy_pct", "target_value", "target_yoy_pct",
          "prorata_projection", "growth_projection", "prorata_ape", "growth_ape", "flags"]].round(1)

# %%
scored = backtest.loc[(backtest["flags"] == "") & backtest["growth_ape"].notna()
                      & (backtest["pair"] == next(iter(by_pair)))].sort_values("prorata_ape")
positions = np.arange(len(scored))
fig, ax = plt.subplots(figsize=(8, 0.3 * len(scored) + 1))
ax.barh(positions - 0.2, scored["prorata_ape"], height=0.4, color="#fdae6b", label="pro-rata")
ax.barh(positions + 0.2, scored["growth_ape"], height=0.4, color="#3182bd", label="growth-based")
ax.set_yticks(positions, charts.short_labels(catalogue.loc[scored["indicator_id"], "name_en"]))
charts.horizontal_bars(ax)
ax.set_xlabel("absolute error of the projected 11-month 2025 level, %")
ax.set_title("Backtest: 11 months of 2025 projected from the first half")
ax.legend(loc="lower right", fontsize=8)
charts.add_source(fig, charts.source_line(["000_2429f5525668702d", "001_51e70314b63cc5bc"], reports()))
charts.show(fig, data=scored[["pair", "indicator_id", "unit", "base_value", "target_value", "prorata_projection",
                              "growth_projection", "prorata_ape", "growth_ape"]])

# %% [markdown]
# The bands of section 1 come from these errors: each is scaled to a whole year remaining
# (divided by the share of the target period still to come) and the 80th percentile is
# taken, by domain where a domain has enough scored errors.

# %%
widths = band_widths(backtest, catalogue["domain"])
display(Markdown(
    f"Pooled over every domain, a growth-based projection with the whole year left carries a half-width of "
    f"{widths.set_index(['method', 'domain']).loc[('growth', 'all'), 'width_pct_per_year']:.0f} % and a pro-rata "
    f"one {widths.set_index(['method', 'domain']).loc[('prorata', 'all'), 'width_pct_per_year']:.0f} %; with "
    "seven months left, 7/12 of that."))
widths.round(1)

# %% [markdown]
# ### The methods side by side, with the national profile
#
# A third method borrows the country's seasonal profile: the later level is the year to date
# divided by the share of the same months in the national series (GSO tables) of the three
# latest complete years *before* the year projected, so the 2025 pairs use national data up to
# 2024 only. The oracle uses the projected year's own national profile (look-ahead): a bound,
# shown only where the national data cover that year (they end in February 2025).

# %%
national = national_observations()
methods = compare_methods(backtest, national_backtest(backtest, national))
medians = methods.attrs["medians"].set_index("pair")
h1 = medians.loc[next(iter(by_pair))]
display(Markdown(
    f"From the first half of 2025 to 11 months, over the {int(h1['n'])} indicators all three methods could score, the "
    f"median absolute error is {h1['prorata_ape']:.1f} % pro-rata, {h1['growth_ape']:.1f} % growth-based and "
    f"{h1['national_ape']:.1f} % with the national profile. Over every pair: "
    f"{medians.loc['all', 'prorata_ape']:.1f} %, {medians.loc['all', 'growth_ape']:.1f} % and "
    f"{medians.loc['all', 'national_ape']:.1f} % ({int(medians.loc['all', 'n'])} scores). In these scores the "
    "province's own growth rate says more than the country's calendar; the national profile is shown beside the "
    "2026 projections below, not used as their default."))
medians.round(1)

# %%
methods.attrs["per_indicator"].round(1)

# %% [markdown]
# For 2026, the national profile's year end beside the other two, for the indicators with a
# national counterpart:

# %%
national_2026 = national_year_end(projections, national).merge(
    projections.drop_duplicates("indicator_id")[["indicator_id", "prorata_projection", "growth_projection"]],
    on="indicator_id")
national_2026[["indicator_id", "ytd_end", "ytd_value", "national_ids", "profile_years", "national_share",
               "national_projection", "growth_projection", "prorata_projection"]].round(
    {"national_share": 3, "national_projection": 3, "growth_projection": 3, "prorata_projection": 3})

# %% [markdown]
# ## 3. Checks across report vintages
#
# Combining two reports implies the months between their years to date (June 2025 = first
# half, report 001, minus 5 months of 2025 implied by report 003's growth rate). Each implied
# span's monthly average is compared with the year's other months; a ratio of 2 or more (or
# ½ or less) is flagged with the arithmetic. A flag says the figures do not fit one series (a
# revision, a change of coverage, a typo, or a real surge); it does not say which is wrong.

# %%
spans = vintage_spans(obs)
flagged = spans.loc[spans["flagged"]]
display(Markdown(
    f"{len(spans)} spans implied across reports; {len(flagged)} flagged (threshold {OUTLIER_RATIO:g}x, at least "
    f"{MIN_OTHER_MONTHS} other months to compare with):\n\n" + "\n".join(f"- {e}" for e in flagged["evidence"])))

# %% [markdown]
# ## 4. Derived series
#
# Each derived row carries its formula; none replaces a printed figure.

# %%
derived = derived_rows(obs)
counts = derived["derivation"].value_counts()
unregistered = [i for i in SHARE_INDICATORS if i not in catalogue.index]
display(Markdown(
    f"From {len(printed)} printed rows the library derives {len(derived)} rows: "
    + ", ".join(f"{n} `{kind}`" for kind, n in counts.items())
    + ". Implied plans and budget estimates have ids of their own (`<id>_plan`, `<id>_est_central`, "
      "`<id>_est_local`): a plan never poses as the year's level, and a report that prints both budget "
      "estimates keeps both. "
    + (f"{len(unregistered)} of {len(SHARE_INDICATORS)} proposed share ids wait to be registered in the "
       "catalogue." if unregistered else "Every proposed share id is registered in the catalogue.")))
example = derived.loc[derived["indicator_id"].isin(["trade_declared", "trade_declared_plan"]),
                      ["indicator_id", "start", "end", "value", "source_doc", "derivation", "formula"]]
example.assign(period=[period_label(s, e) for s, e in zip(example["start"], example["end"])]).drop(
    columns=["start", "end"])

# %% [markdown]
# Where a derivation and a printed figure cover the same period, they are compared
# instead (the consistency checks flag gaps above 1 %).

# %%
comparison = compare_derived_with_printed(obs)
if comparison.empty:
    display(Markdown("No derived value shares its period with a printed one."))
else:
    worst = comparison.iloc[0]
    display(Markdown(
        f"{len(comparison)} derived value(s) can be checked against a printed one; the largest gap is "
        f"{worst['diff_pct']:+.1f} % for `{worst['indicator_id']}` {period_label(worst['start'], worst['end'])} "
        f"(derived {worst['derived_value']:,.1f}, printed {worst['printed_value']:,.1f})."))
comparison[["indicator_id", "start", "end", "derivation", "derived_value", "printed_value", "diff_pct"]]

# %% [markdown]
# ## 5. Monthly series: can a model be fitted?
#
# A monthly series is built from the month rows of each indicator (the latest report
# wins where two print the same month); gaps are reported, never filled.

# %%
display(Markdown(
    f"Minimum monthly points without gaps: STL {STL_MIN_LENGTH} (two seasonal cycles), simple exponential "
    f"smoothing {SES_MIN_LENGTH}, Holt {HOLT_MIN_LENGTH}, Holt-Winters {HOLT_WINTERS_MIN_LENGTH}, "
    f"ARIMA {ARIMA_MIN_LENGTH}."))
month_rows = printed.loc[(printed["measure"] == "value") & is_whole_month(printed["start"], printed["end"])]
records = []
for indicator_id in sorted(month_rows["indicator_id"].unique()):
    monthly = monthly_series(obs, indicator_id)
    records.append({"indicator_id": indicator_id, "months": len(monthly.series), "gaps": len(monthly.gaps),
                    "first": f"{monthly.series.index.min():%Y-%m}", "last": f"{monthly.series.index.max():%Y-%m}",
                    "STL": decompose(monthly.series).summary(), "forecast": forecast(monthly.series).summary()})
qualify = pd.DataFrame(records)
display(Markdown(
    f"{len(qualify)} indicators have month rows; the longest has {qualify['months'].max()} months. "
    f"{int(qualify['STL'].str.contains('fitted on').sum())} qualify for STL and "
    f"{int(qualify['forecast'].str.contains('fitted on').sum())} for any forecast, so no forecast chart with "
    "intervals can be drawn yet; the reason for each series is in the appendix."))

# %% [markdown]
# The fallback is to show the months as they are, with the gaps left visible.

# %%
shown = qualify.sort_values(["months", "indicator_id"], ascending=[False, True]).head(4)["indicator_id"]
fig, axes = plt.subplots(len(shown), 1, figsize=(8, 2.2 * len(shown)), sharex=True)
months, drawn = [], []
for ax, indicator_id in zip(np.atleast_1d(axes), shown):
    monthly = monthly_series(obs, indicator_id)
    full = pd.date_range(monthly.series.index.min(), monthly.series.index.max(), freq="MS")
    ax.plot(full, monthly.series.reindex(full), marker="o", color="#08519c")
    drawn.append(pd.DataFrame({"indicator_id": indicator_id, "month": full.strftime("%Y-%m"),
                               "value": monthly.series.reindex(full).to_numpy()}))
    ax.set_title(f"{catalogue.loc[indicator_id, 'name_en']} ({labels.unit(catalogue.loc[indicator_id, 'unit'])})",
                 fontsize=9)
    months.extend([full.min(), full.max()])
charts.month_ticks(np.atleast_1d(axes)[-1], min(months), max(months))
fig.suptitle("Monthly levels printed in the reports (gaps left empty)")
charts.add_source(fig, charts.source_line(obs.loc[obs["indicator_id"].isin(shown), "source_doc"], reports()))
charts.show(fig, data=pd.concat(drawn, ignore_index=True))

# %% [markdown]
# ## 5. The country's monthly series: decomposition, forecasts and their backtest
#
# The province's series are too short for any model, so the methods are fitted where
# history exists: the General Statistics Office's national monthly tables (vendored with
# their provenance in `data/raw/national.csv`; every figure quotes the cell it was read
# from), and after them the statistics office's monthly releases as the
# press reprinted them (each figure quoting its clause; `docs/national.md`). Each model runs
# on the logarithm of the level, a month no release covers filled by log-linear
# interpolation; forecasts carry 80 % and 95 % prediction intervals.

# %%
from lsreports.analysis.tsa.country import national_summary
from lsreports.analysis.tsa.decompose import decompose as decompose_national, tet_effect
from lsreports.analysis.tsa.forecast import forecast as forecast_national
from lsreports.analysis.tsa.backtest import BACKTEST_SERIES, ORIGINS, default_method, stored_scores, winners
from lsreports.publish import forecast_charts
from lsreports.sources.loader import national_observations
from lsreports.sources.national import monthly_series as national_series
from lsreports.sources.national_join import months_without_figure, reach

national_rows = national_observations()
national_catalogue = indicators(national=True).set_index("indicator_id")
SHOWN = ["vn_retail_sales", "vn_accommodation_food", "vn_exports", "vn_imports", "vn_sbi_total"]
history = {i: national_series(i) for i in SHOWN}
names = {i: national_catalogue.loc[i, "name_en"].removeprefix("Viet Nam: ").capitalize() for i in SHOWN}
unit_labels = {i: labels.unit(national_catalogue.loc[i, "unit"]) for i in SHOWN}
last_month = max(s.dropna().index.max() for s in history.values())
tables_end = reach(national_rows)["tables"]
release_gaps = {i: months_without_figure(history[i], tables_end) for i in SHOWN}
summary = national_summary(history, national_rows)
retail = summary.loc["vn_retail_sales"]
display(page.say(  # not the cell's last expression: shown explicitly
    f"National data to {last_month:%B %Y} (the GSO's tables to {tables_end:%B %Y}, the statistics office's releases "
    f"after; {sum(map(len, release_gaps.values()))} series-months since then have no release stored and are interpolated "
    f"for the models): {len(SHOWN)} series shown of "
    f"{national_rows['indicator_id'].nunique()} curated, {min(len(s.dropna()) for s in history.values())} to "
    f"{max(len(s.dropna()) for s in history.values())} months each. Over its {retail['years']} "
    f"full years with a printed growth rate, retail sales grew "
    + page.derived(f"{retail['growth_avg_pct']:.1f} %", f"geometric mean of the {retail['years']} annual growth rates "
                   f"printed in the GSO's tables, to {retail['last_full_year']}")
    + " a year on average ("
    + page.figure(f"{retail['last_year_growth_pct']:.1f} %", "vn_retail_sales", f"{retail['last_full_year']}-01-01",
                  f"{retail['last_full_year']}-12-31", "yoy_pct")
    + f" in {retail['last_full_year']})."))
summary.assign(name=[names[i] for i in summary.index]).set_index("name")[
    ["first", "last", "years", "growth_avg_pct", "last_year_growth_pct", "peak_month", "peak_pct", "trough_month",
     "trough_pct"]].round({"growth_avg_pct": 1, "last_year_growth_pct": 1, "peak_pct": 1, "trough_pct": 1})

# %% [markdown]
# ### The province beside the country, each report's year to date
#
# For each report's year to date, the province's growth as printed beside the country's as
# the statistics office's release prints it for the same months (state investment: the share
# of the year's plan); where no release for those months is stored, the sentence says how far
# the country's figures reach.

# %%
from IPython.display import HTML
from lsreports.publish.country_section import years_to_date_text

display(HTML(years_to_date_text(obs, writer=page.cites)))

# %% [markdown]
# ### Trend, seasonal pattern and remainder (STL)
#
# Robust STL on the log level: the seasonal panel reads as percent above or below trend
# for each calendar month; the remainder is what neither explains (2020-2021's lockdowns
# stand out).

# %%
decompositions = {i: decompose_national(history[i]) for i in SHOWN}
fig = forecast_charts.decomposition_grid(decompositions, names, unit_labels)
charts.add_source(fig, f"Source: GSO monthly tables to {tables_end:%m/%Y} (data/raw/national.csv), the statistics office's "
                       f"releases to {last_month:%m/%Y} (data/raw/reports.csv)")
charts.show(fig)

# %% [markdown]
# ### Tết
#
# Tết moves between January and February. Regressing the January-February remainder on
# each month's Tết holiday days measures its pull; the backtest compares SARIMA with and
# without that regressor.

# %%
scores = stored_scores()
mase = scores.pivot(index="series", columns="method", values="mase")
tet = pd.DataFrame({i: tet_effect(national_series(i)) for i in BACKTEST_SERIES}).T
tet = tet.assign(sarima_mase=mase["sarima"], sarima_tet_mase=mase["sarima_tet"])
helps = tet.loc[tet["sarima_tet_mase"] < tet["sarima_mase"]].index
significant = tet.loc[tet["t_stat"].abs() > 2].index
display(Markdown(
    f"A Tết holiday day moves the month by a statistically clear amount (|t| > 2) in {len(significant)} of "
    f"{len(tet)} series, most for {tet['pct_per_day'].idxmin()} ({tet['pct_per_day'].min():.1f} % a day). The "
    f"regressor lowers SARIMA's out-of-sample error (MASE) in {len(helps)} of {len(tet)} series."))
tet[["pct_per_day", "t_stat", "sd_before", "sd_after", "sarima_mase", "sarima_tet_mase"]].round(3)

# %% [markdown]
# ### Rolling-origin backtest
#
# Every month of 2019-2024 is an origin; each method forecasts the next 1-12 months from
# the data to that origin and is scored against what was tabulated later. MASE below 1
# beats the in-sample "same month last year"; coverage should be near 80 and 95.
# Computed by `benchmarks/forecast_backtest.py` (results in `benchmarks/results/`).

# %%
best = winners(scores)
display(Markdown(
    f"Origins {ORIGINS[0]} to {ORIGINS[-1]}, {int(scores['forecasts'].max())} scored forecasts per series and method. "
    f"The winner is each series' default method: " + ", ".join(f"{s} → {m}" for s, m in best.items()) + "."))
table = mase.round(2)
table["winner"] = best
table

# %%
coverage = scores.pivot(index="series", columns="method", values="coverage_95").round(0)
display(Markdown(
    f"95 % intervals covered {scores['coverage_95'].median():.0f} % of outcomes (median over series and methods); "
    f"80 % intervals {scores['coverage_80'].median():.0f} %. The 2020-2021 lockdowns fall inside the evaluation "
    "and widen every error."))
coverage

# %% [markdown]
# ### Forecasts from each series' latest month, by its winning method

# %%
forecasts = {i: forecast_national(history[i], default_method(i, scores)) for i in SHOWN}
titles = {i: f"{names[i]}\n{unit_labels[i]}; method {forecasts[i].method}" for i in SHOWN}
fig = forecast_charts.forecast_grid(history, forecasts, titles)
charts.add_source(fig, f"Source: GSO monthly tables to {tables_end:%m/%Y}, the statistics office's releases to {last_month:%m/%Y}; "
                       "forecasts with 80 % and 95 % intervals")
charts.show(fig)
display(Markdown("\n".join(f"- {names[i]}: {forecasts[i].summary()}" for i in SHOWN)))

# %% [markdown]
# ## Appendix: why each monthly series does or does not qualify for a model

# %%
qualify

# %% [markdown]
# ## Appendix: why a 2026 projection falls back to pro-rata

# %%
fallback[["indicator_id", "ytd_end", "reason"]]

# %%
page.sources()
