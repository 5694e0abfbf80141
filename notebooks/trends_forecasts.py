# %% [markdown]
# # Trends and forecasts
#
# Version: 0.5.1
#
# Changelog:
# - 0.5.1 (2026-12-07): the sentences, charts and the qualification table are computed by the library
#   (lsreports.publish.trends_text, trends_charts; lsreports.analysis.tsa.qualify); the province's and the
#   country's series go through the one decompose and forecast (lsreports.analysis.tsa), whose refusals
#   of short series are the qualification's reasons.
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
import pandas as pd
from IPython.display import Markdown, display

from lsreports.publish import charts, trends_charts
from lsreports.publish import trends_text as text
from lsreports.analysis.yearend.backtest import CAVEATS, backtest_pairs
from lsreports.analysis.derive import SHARE_INDICATORS, compare_derived_with_printed, derived_rows
from lsreports.sources.loader import indicators, national_observations, observations, reports
from lsreports.analysis.checks.flags import checked_projections
from lsreports.analysis.yearend.national_profile import compare_methods, national_backtest, national_year_end
from lsreports.analysis.yearend.pace import pace_needed, plan_paths
from lsreports.analysis.yearend.uncertainty import VERDICT_RULE, band_widths
from lsreports.analysis.checks.vintages import MIN_OTHER_MONTHS, OUTLIER_RATIO, vintage_spans
from lsreports.analysis.tsa.decompose import MIN_LENGTH as STL_MIN_LENGTH
from lsreports.analysis.tsa.forecast import MIN_LENGTHS
from lsreports.analysis.tsa.qualify import qualification

from lsreports.publish.page import BriefingPage
from lsreports.publish.year_end_chart import plan_view, year_end_chart

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
display(Markdown(text.projection_overview(projections)))

# %% [markdown]
# Pro-rata ignores seasonality; where both can be computed, it contradicts the growth
# printed beside the year to date.

# %%
display(Markdown(text.prorata_gap(projections)))
page.projection(text.projection_of(projections, "tourism_visitors"), "Tourist arrivals")

# %%
view = plan_view(with_target, catalogue)
charts.show(year_end_chart(view, "2026: year to date and projected year end against plan",
                           charts.source_line(view["source_doc"], reports()),
                           "% of the 2026 plan or budget estimate\n(implied by value / % of plan)"))

# %%
display(Markdown(text.verdict_counts(with_target, VERDICT_RULE)))
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
display(Markdown(text.pace_summary(pace)))
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
page.say(text.backloading(paths, page.figure))

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
display(Markdown(text.backtest_summary(by_pair, CAVEATS)))
backtest[["pair", "indicator_id", "unit", "base_value", "base_yoy_pct", "target_value", "target_yoy_pct",
          "prorata_projection", "growth_projection", "prorata_ape", "growth_ape", "flags"]].round(1)

# %%
charts.show(trends_charts.backtest_chart(
    trends_charts.backtest_errors(backtest, next(iter(by_pair))), catalogue,
    "Backtest: 11 months of 2025 projected from the first half",
    "absolute error of the projected 11-month 2025 level, %", reports()))

# %% [markdown]
# The bands of section 1 come from these errors: each is scaled to a whole year remaining
# (divided by the share of the target period still to come) and the 80th percentile is
# taken, by domain where a domain has enough scored errors.

# %%
widths = band_widths(backtest, catalogue["domain"])
display(Markdown(text.band_summary(widths)))
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
display(Markdown(text.method_comparison(medians, next(iter(by_pair)))))
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
display(Markdown(text.vintage_flags(spans, OUTLIER_RATIO, MIN_OTHER_MONTHS)))

# %% [markdown]
# ## 4. Derived series
#
# Each derived row carries its formula; none replaces a printed figure.

# %%
derived = derived_rows(obs)
display(Markdown(text.derived_summary(len(printed), derived, list(SHARE_INDICATORS), set(catalogue.index))))
text.derived_example(derived, ["trade_declared", "trade_declared_plan"])

# %% [markdown]
# Where a derivation and a printed figure cover the same period, they are compared
# instead (the consistency checks flag gaps above 1 %).

# %%
comparison = compare_derived_with_printed(obs)
display(Markdown(text.derived_against_printed(comparison)))
comparison[["indicator_id", "start", "end", "derivation", "derived_value", "printed_value", "diff_pct"]]

# %% [markdown]
# ## 5. Monthly series: can a model be fitted?
#
# A monthly series is built from the month rows of each indicator (the latest report
# wins where two print the same month); gaps are reported, never filled.

# %%
display(Markdown(text.minimum_lengths(STL_MIN_LENGTH, MIN_LENGTHS)))
qualify = qualification(obs)
display(Markdown(text.qualification_summary(qualify)))

# %% [markdown]
# The fallback is to show the months as they are, with the gaps left visible.

# %%
charts.show(trends_charts.monthly_panels(obs, text.longest_series(qualify), catalogue,
                                         "Monthly levels printed in the reports (gaps left empty)", reports()))

# %% [markdown]
# ## 5. The country's monthly series: decomposition, forecasts and their backtest
#
# The province's series are too short for any model, so the methods are fitted where
# history exists: the General Statistics Office's national monthly tables (vendored with
# their provenance in `data/raw/national.csv`; every figure quotes the cell it was read
# from), and after them the statistics office's monthly releases as the press reprinted them
# (each figure quoting its clause; `docs/national.md`). Each model runs on the logarithm of
# the level, a month no release covers filled by log-linear interpolation; forecasts carry
# 80 % and 95 % prediction intervals.

# %%
from lsreports.analysis.tsa.country import national_summary
from lsreports.analysis.tsa.decompose import decompose, tet_effect
from lsreports.analysis.tsa.forecast import forecast
from lsreports.analysis.tsa.backtest import BACKTEST_SERIES, ORIGINS, default_method, stored_scores, winners
from lsreports.analysis.tsa.series import indicator_series
from lsreports.publish import forecast_charts, labels
from lsreports.sources.national_join import reach

national_rows = national_observations()
national_catalogue = indicators(national=True).set_index("indicator_id")
SHOWN = ["vn_retail_sales", "vn_accommodation_food", "vn_exports", "vn_imports", "vn_sbi_total"]
history = {i: indicator_series(national_rows, i) for i in SHOWN}
names = text.national_names(national_catalogue, SHOWN)
unit_labels = {i: labels.unit(national_catalogue.loc[i, "unit"]) for i in SHOWN}
last_month = max(s.dropna().index.max() for s in history.values())
tables_end = reach(national_rows)["tables"]
summary = national_summary(history, national_rows)
display(page.say(text.national_opening(history, national_rows, summary.loc["vn_retail_sales"], page.figure,
                                       page.derived)))  # not the cell's last expression: shown explicitly
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
decompositions = {i: decompose(history[i]) for i in SHOWN}
fig = forecast_charts.decomposition_grid(decompositions, names, unit_labels)
charts.add_source(fig, f"Source: GSO monthly tables to {tables_end:%m/%Y} (data/raw/national.csv), the statistics "
                       f"office's releases to {last_month:%m/%Y} (data/raw/reports.csv)")
charts.show(fig)

# %% [markdown]
# ### Tết
#
# Tết moves between January and February. Regressing the January-February remainder on
# each month's Tết holiday days measures its pull; the backtest compares SARIMA with and
# without that regressor.

# %%
scores = stored_scores()
tet = text.tet_table(pd.DataFrame({i: tet_effect(indicator_series(national_rows, i)) for i in BACKTEST_SERIES}).T,
                     scores)
display(Markdown(text.tet_summary(tet)))
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
display(Markdown(text.backtest_winners(scores, best, ORIGINS)))
scores.pivot(index="series", columns="method", values="mase").round(2).assign(winner=best)

# %%
coverage = scores.pivot(index="series", columns="method", values="coverage_95").round(0)
display(Markdown(text.coverage_summary(scores)))
coverage

# %% [markdown]
# ### Forecasts from each series' latest month, by its winning method

# %%
forecasts = {i: forecast(history[i], default_method(i, scores)) for i in SHOWN}
titles = {i: f"{names[i]}\n{unit_labels[i]}; method {forecasts[i].method}" for i in SHOWN}
fig = forecast_charts.forecast_grid(history, forecasts, titles)
charts.add_source(fig, f"Source: GSO monthly tables to {tables_end:%m/%Y}, the statistics office's releases to "
                       f"{last_month:%m/%Y}; forecasts with 80 % and 95 % intervals")
charts.show(fig)
display(Markdown(text.forecast_lines(forecasts, names)))

# %% [markdown]
# ## Appendix: why each monthly series does or does not qualify for a model

# %%
qualify.drop(columns=["stl_ok", "forecast_ok"])

# %% [markdown]
# ## Appendix: why a 2026 projection falls back to pro-rata

# %%
projections.drop_duplicates("indicator_id").query("method == 'pro_rata'")[["indicator_id", "ytd_end", "reason"]]

# %%
page.sources()
