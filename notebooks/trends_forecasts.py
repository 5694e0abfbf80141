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
# Version: 0.1.5
#
# Changelog:
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
# well those projections did on 2025, and why no statistical model is fitted.
# Every figure in the text is computed in the cell that prints it.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import Markdown, display

from lsreports.publish import charts
from lsreports.analysis.backtest import backtest_ytd
from lsreports.analysis.derive import SHARE_INDICATORS, compare_derived_with_printed, derived_rows
from lsreports.sources.loader import indicators, observations, reports
from lsreports.sources.periods import period_label
from lsreports.analysis.projection import TARGET_KIND_LABELS, year_end_projections
from lsreports.analysis.timeseries import (ARIMA_MIN_LENGTH, HOLT_MIN_LENGTH, HOLT_WINTERS_MIN_LENGTH, SES_MIN_LENGTH,
                                  STL_MIN_LENGTH, decompose, forecast, monthly_series)

charts.use_report_style()
pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 70)
obs = observations()
catalogue = indicators().set_index("indicator_id")
printed = obs.loc[~obs["derived"]]

# %% [markdown]
# ## 1. Derived series
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
# ## 2. Where 2026 is heading, against plan
#
# Each indicator's latest 2026 year to date (January, 5 months, or to a stated day in
# May) is projected to the year's end: pro-rata as the baseline, the seasonal share of
# last year when last year's same-period and whole-year levels are both known.

# %%
projections = year_end_projections(obs, 2026)
with_target = projections.loc[projections["target_kind"] != ""]
per_indicator = projections.drop_duplicates("indicator_id")
seasonal_rows = int((per_indicator["method"] == "seasonal_share").sum())
reasons = per_indicator.loc[per_indicator["method"] == "pro_rata", "reason"].str.split("; ").explode()
no_annual = int(reasons.str.startswith("no level for the whole of 2025").sum())
no_prev = int(reasons.str.startswith("no level for 2025-").sum())
n_ind = projections["indicator_id"].nunique()
display(Markdown(
    f"{n_ind} indicators have a 2026 year to date; {with_target['indicator_id'].nunique()} of them print a "
    f"plan or budget estimate. The seasonal-share projection applies to {seasonal_rows} of them: "
    f"{no_annual} lack a level for the whole of 2025 (none of the four reports prints the 2025 total of these "
    f"indicators) and {no_prev} lack last year's same-period level (no growth rate printed beside the "
    "year to date). What is missing is a December 2025 / full-year 2025 report; until then the pro-rata "
    "projection below ignores seasonality."))

# %%
view = with_target.assign(
    label=[f"{label} ({TARGET_KIND_LABELS[kind]})" for label, kind in zip(
        charts.short_labels(catalogue.loc[with_target["indicator_id"], "name_en"]), with_target["target_kind"])]
).sort_values("projected_pct_of_target")
fig, ax = plt.subplots(figsize=(8, 0.28 * len(view) + 1))
ax.barh(view["label"], view["ytd_pct_of_target"], color="#9ecae1", label="year to date")
ax.scatter(view["projected_pct_of_target"], view["label"], color="#08519c", zorder=3,
           label="projected year end (pro-rata)")
ax.axvline(100, color="black", linewidth=0.8)
charts.horizontal_bars(ax)
ax.set_xlabel("% of the 2026 plan or budget estimate (implied by value / % of plan)")
ax.set_title("2026: year to date and projected year end against plan")
ax.legend(loc="lower right", fontsize=8)
charts.add_source(fig, charts.source_line(view["source_doc"], reports()))
charts.show(fig)

# %%
on_track = with_target.loc[with_target["projected_pct_of_target"] >= 100]
behind = with_target.loc[with_target["projected_pct_of_target"] < 90]
display(Markdown(
    f"At the pace so far, {on_track['indicator_id'].nunique()} indicator(s) would reach their 2026 target "
    f"({', '.join(sorted(on_track['indicator_id'].unique()))}) and {behind['indicator_id'].nunique()} would end "
    f"below 90 % of it. Pro-rata assumes the rest of the year runs at the average pace so far; the backtest "
    "below shows what ignoring seasonality cost in 2025."))
with_target[["indicator_id", "ytd_end", "ytd_value", "unit", "prorata_projection", "target_kind", "target_value",
             "ytd_pct_of_target", "projected_pct_of_target", "method"]].round(
    {"ytd_value": 1, "prorata_projection": 1, "target_value": 1, "ytd_pct_of_target": 1, "projected_pct_of_target": 1})

# %% [markdown]
# ## 3. How well would these projections have done? (2025 backtest)
#
# Report 001 prints first-half 2025 figures and report 000 prints 11-month 2025 figures.
# Projecting the 11 months from the first half: pro-rata (× 11/6), or by last year's
# profile (× 11M 2024 / H1 2024, both implied by the printed growth rates). The second
# uses the 11-month growth rate printed with the figure it projects (look-ahead): it
# measures the method *given* last year's profile, not a forecast made in July.

# %%
backtest = backtest_ytd(obs)
display(Markdown(
    f"Over the {backtest.attrs['n_both']} indicators with both methods and no curation flag, the median absolute "
    f"error is {backtest.attrs['median_prorata_ape']:.1f} % pro-rata and {backtest.attrs['median_seasonal_ape']:.1f} "
    f"% with last year's seasonal share ({backtest.attrs['n_flagged']} flagged indicator(s) shown but left out)."))
backtest[["indicator_id", "unit", "base_value", "base_yoy_pct", "target_value", "target_yoy_pct",
          "prorata_projection", "seasonal_projection", "prorata_ape", "seasonal_ape", "flags"]].round(1)

# %%
scored = backtest.loc[(backtest["flags"] == "") & backtest["seasonal_ape"].notna()].sort_values("prorata_ape")
positions = np.arange(len(scored))
fig, ax = plt.subplots(figsize=(8, 0.3 * len(scored) + 1))
ax.barh(positions - 0.2, scored["prorata_ape"], height=0.4, color="#fdae6b", label="pro-rata")
ax.barh(positions + 0.2, scored["seasonal_ape"], height=0.4, color="#3182bd", label="seasonal share (look-ahead)")
ax.set_yticks(positions, charts.short_labels(catalogue.loc[scored["indicator_id"], "name_en"]))
charts.horizontal_bars(ax)
ax.set_xlabel("absolute error of the projected 11-month 2025 level, %")
ax.set_title("Backtest: 11 months of 2025 projected from the first half")
ax.legend(loc="lower right", fontsize=8)
charts.add_source(fig, charts.source_line(["000_2429f5525668702d", "001_51e70314b63cc5bc"], reports()))
charts.show(fig)

# %%
better = int((scored["seasonal_ape"] < scored["prorata_ape"]).sum())
display(Markdown(
    f"The seasonal share beats pro-rata for {better} of {len(scored)} indicators. Where it loses badly, the "
    "growth rate changed between June and November (the method's error is exactly that change), as for "
    f"`{scored.loc[scored['seasonal_ape'].idxmax(), 'indicator_id']}` "
    f"({scored['seasonal_ape'].max():.1f} %)."))

# %% [markdown]
# ## 4. Decomposition and forecasts: which series qualify?
#
# A monthly series is built from the month rows of each indicator (the latest report
# wins where two print the same month); gaps are reported, never filled.

# %%
display(Markdown(
    f"Minimum monthly points without gaps: STL {STL_MIN_LENGTH} (two seasonal cycles), simple exponential "
    f"smoothing {SES_MIN_LENGTH}, Holt {HOLT_MIN_LENGTH}, Holt-Winters {HOLT_WINTERS_MIN_LENGTH}, "
    f"ARIMA {ARIMA_MIN_LENGTH}."))
month_rows = printed.loc[(printed["measure"] == "value") & (printed["start"].dt.day == 1)
                         & (printed["end"] == printed["start"] + pd.offsets.MonthEnd(0))]
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
    f"{int(qualify['forecast'].str.contains('fitted on').sum())} for any forecast."))
qualify

# %% [markdown]
# The fallback is to show the months as they are, with the gaps left visible.

# %%
shown = qualify.sort_values(["months", "indicator_id"], ascending=[False, True]).head(4)["indicator_id"]
fig, axes = plt.subplots(len(shown), 1, figsize=(8, 2.2 * len(shown)), sharex=True)
months = []
for ax, indicator_id in zip(np.atleast_1d(axes), shown):
    monthly = monthly_series(obs, indicator_id)
    full = pd.date_range(monthly.series.index.min(), monthly.series.index.max(), freq="MS")
    ax.plot(full, monthly.series.reindex(full), marker="o", color="#08519c")
    ax.set_title(f"{catalogue.loc[indicator_id, 'name_en']} ({catalogue.loc[indicator_id, 'unit']})", fontsize=9)
    months.extend([full.min(), full.max()])
charts.month_ticks(np.atleast_1d(axes)[-1], min(months), max(months))
fig.suptitle("Monthly levels printed in the reports (gaps left empty)")
charts.add_source(fig, charts.source_line(obs.loc[obs["indicator_id"].isin(shown), "source_doc"], reports()))
charts.show(fig)

# %% [markdown]
# ## 5. The country's monthly series: decomposition, forecasts and their backtest
#
# The province's series are too short for any model, so the methods are fitted where
# history exists: the General Statistics Office's national monthly tables (vendored with
# their provenance in `data/raw/national.csv`; every figure quotes the cell it was read
# from). Each model runs on the logarithm of the level; forecasts carry 80 % and 95 %
# prediction intervals.

# %%
from lsreports.analysis.context import national_summary
from lsreports.analysis.decompose import decompose as decompose_national, tet_effect
from lsreports.analysis.forecast import forecast as forecast_national
from lsreports.analysis.rolling_origin import BACKTEST_SERIES, ORIGINS, default_method, stored_scores, winners
from lsreports.publish import forecast_charts
from lsreports.sources.loader import national_observations
from lsreports.sources.national import monthly_series as national_series

national_rows = national_observations()
national_catalogue = indicators(national=True).set_index("indicator_id")
SHOWN = ["vn_retail_sales", "vn_accommodation_food", "vn_exports", "vn_imports", "vn_sbi_total"]
history = {i: national_series(i) for i in SHOWN}
labels = {i: national_catalogue.loc[i, "name_en"].removeprefix("Viet Nam: ") for i in SHOWN}
units = {"VND_bn": "billion VND", "USD_mn": "million USD", "kt": "thousand tonnes", "mn_kWh": "million kWh",
         "thousand_m3": "thousand m³"}
unit_labels = {i: units.get(national_catalogue.loc[i, "unit"], national_catalogue.loc[i, "unit"]) for i in SHOWN}
last_month = max(s.dropna().index.max() for s in history.values())
summary = national_summary(history, national_rows)
display(Markdown(
    f"National data to {last_month:%B %Y}: {len(SHOWN)} series shown of "
    f"{national_rows['indicator_id'].nunique()} curated, {min(len(s.dropna()) for s in history.values())} to "
    f"{max(len(s.dropna()) for s in history.values())} months each. Over its {summary.loc['vn_retail_sales', 'years']} "
    f"full years with a printed growth rate, retail sales grew {summary.loc['vn_retail_sales', 'growth_avg_pct']:.1f} % "
    f"a year on average ({summary.loc['vn_retail_sales', 'last_year_growth_pct']:.1f} % in "
    f"{summary.loc['vn_retail_sales', 'last_full_year']})."))
summary.assign(name=[labels[i] for i in summary.index]).set_index("name")[
    ["first", "last", "years", "growth_avg_pct", "last_year_growth_pct", "peak_month", "peak_pct", "trough_month",
     "trough_pct"]].round(1)

# %% [markdown]
# ### Trend, seasonal pattern and remainder (STL)
#
# Robust STL on the log level: the seasonal panel reads as percent above or below trend
# for each calendar month; the remainder is what neither explains (2020-2021's lockdowns
# stand out).

# %%
decompositions = {i: decompose_national(history[i]) for i in SHOWN}
fig = forecast_charts.decomposition_grid(decompositions, labels, unit_labels)
charts.add_source(fig, f"Source: GSO monthly tables to {last_month:%m/%Y} (data/raw/national.csv)")
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
# ### Forecasts from the last tabulated month, by each series' winning method

# %%
forecasts = {i: forecast_national(history[i], default_method(i, scores)) for i in SHOWN}
titles = {i: f"{labels[i]} ({unit_labels[i]}), {forecasts[i].method}" for i in SHOWN}
fig = forecast_charts.forecast_grid(history, forecasts, titles)
charts.add_source(fig, f"Source: GSO monthly tables to {last_month:%m/%Y}; forecasts with 80 % and 95 % intervals")
charts.show(fig)
display(Markdown("\n".join(f"- {labels[i]}: {forecasts[i].summary()}" for i in SHOWN)))
