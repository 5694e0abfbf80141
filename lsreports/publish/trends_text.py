"""The trends notebook's sentences, each computed from the frames the analysis returns.

One function a sentence (or a short paragraph), Markdown unless it cites report figures:
those take ``figure`` (a page's :meth:`~lsreports.publish.page.BriefingPage.figure`, which
links the figure to its quote) and ``derived`` (:meth:`~lsreports.publish.page.BriefingPage.derived`,
which shows the formula) and return HTML for :meth:`~lsreports.publish.page.BriefingPage.say`.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..sources.periods import period_label

Figure = Callable[..., str]


def projection_overview(projections: pd.DataFrame) -> str:
    """How many indicators are projected, with a target, by which method (the year-end section's opening)."""
    per_indicator = projections.drop_duplicates("indicator_id")
    with_target = projections.loc[projections["target_kind"] != ""]
    methods = per_indicator["method"].value_counts()
    december = int(per_indicator.loc[per_indicator["method"] == "growth", "prev_annual_assumption"]
                   .str.startswith("December").sum())
    return (f"{len(per_indicator)} indicators have a 2026 year to date; {with_target['indicator_id'].nunique()} of "
            f"them print a plan or budget estimate. The growth-based nowcast applies to {methods.get('growth', 0)} "
            f"({december} of them with last year's level from 11 months and December estimated); "
            f"{methods.get('pro_rata', 0)} fall back to pro-rata and {methods.get('not_projected', 0)} are not "
            "projected (one-off distributions); why each falls back is in the appendix.")


def prorata_gap(projections: pd.DataFrame) -> str:
    """The median gap between the full-year growth pro-rata implies and the growth printed for the year to date."""
    both = projections.drop_duplicates("indicator_id").dropna(subset=["growth_projection", "prev_annual_value"])
    implied_growth = (both["prorata_projection"] / both["prev_annual_value"] - 1) * 100
    gap = (implied_growth - both["ytd_yoy_pct"]).abs()
    return (f"Over the {len(both)} indicators with both projections, the full-year growth that pro-rata implies "
            f"differs from the growth printed for the year to date by a median of {gap.median():.0f} points. "
            "For example:")


def projection_of(projections: pd.DataFrame, indicator_id: str, target_kind: str = "plan") -> pd.Series:
    """The projection row of one indicator against one kind of target.

    Raises
    ------
    KeyError
        If the indicator has no projection against that kind of target.
    """
    rows = projections.loc[(projections["indicator_id"] == indicator_id) & (projections["target_kind"] == target_kind)]
    if rows.empty:
        raise KeyError(f"no {target_kind} projection of {indicator_id}")
    return rows.iloc[0]


def verdict_counts(with_target: pd.DataFrame, rule: str) -> str:
    """The verdicts on the first target of each indicator, with the rule that gives them."""
    verdicts = with_target.drop_duplicates("indicator_id")["verdict"].value_counts()
    return (f"Verdicts on the first target of each indicator: {verdicts.get('likely', 0)} likely, "
            f"{verdicts.get('undetermined', 0)} undetermined, {verdicts.get('unlikely', 0)} unlikely. Thresholds: "
            f"{rule}. A January-only projection is marked low-confidence (Tết moves activity between January "
            "and February).")


def pace_summary(pace: pd.DataFrame) -> str:
    """Targets already met, and how many of the others need a faster pace than so far and than last year."""
    faster = pace.loc[~pace["reached"] & (pace["needed_vs_so_far"] > 1)]
    reached = pace.loc[pace["reached"], "indicator_id"]
    return (f"{len(reached)} indicator(s) already meet their target ({', '.join(reached) or 'none'}); "
            f"{len(faster)} of the other {int((~pace['reached']).sum())} need a faster monthly pace than so far, "
            f"{int((faster['needed_vs_last_year'] > 1).sum())} of them faster than last year's pace over the same "
            "months too.")


def _share_of_plan(figure: Figure, path: pd.DataFrame, i: int, decimals: int) -> str:
    row = path.iloc[i]
    return figure(f"{row['pct']:.{decimals}f} %", row["indicator_id"], f"{row['year']}-01-01", row["end"], "plan_pct",
                  row["source_doc"])


def backloading(paths: pd.DataFrame, figure: Figure, year: int = 2025) -> str:
    """Public investment and rosin: the year's first and last printed share of plan (HTML, figures cited).

    Parameters
    ----------
    paths : pandas.DataFrame
        :func:`lsreports.analysis.yearend.pace.plan_paths` of ``pubinv_disbursed_current`` and ``prod_rosin``.
    figure : callable
        A page's ``figure`` (shown, indicator_id, start, end, measure, source_doc) -> HTML.
    year : int, default 2025
    """
    pubinv = paths.loc[(paths["indicator_id"] == "pubinv_disbursed_current") & (paths["year"] == year)]
    rosin = paths.loc[(paths["indicator_id"] == "prod_rosin") & (paths["year"] == year)]
    if pubinv.empty or rosin.empty:
        raise KeyError(f"no {year} plan path of pubinv_disbursed_current and prod_rosin")
    return (f"Back-loading: public investment of the {year} plan stood at {_share_of_plan(figure, pubinv, 0, 1)} after "
            f"{pubinv['months'].iloc[0]:.0f} months and {_share_of_plan(figure, pubinv, -1, 0)} by "
            f"{pubinv['end'].iloc[-1]:%d %B %Y}; rosin at {_share_of_plan(figure, rosin, 0, 2)} in "
            f"{rosin['end'].iloc[0]:%B} and {_share_of_plan(figure, rosin, -1, 1)} in {rosin['end'].iloc[-1]:%B}. "
            "A pro-rata projection from mid-year would have read both as far behind.")


def backtest_summary(by_pair: dict[str, dict], caveats: str) -> str:
    """The backtest's caveats and its median errors by pair."""
    return ("What this test can and cannot show: " + caveats + ". Median absolute errors over the unflagged "
            "indicators with both methods: " + "; ".join(
                f"{pair}: pro-rata {s['median_prorata_ape']:.1f} %, growth-based {s['median_growth_ape']:.1f} % "
                f"({s['n_both']} indicators)" for pair, s in by_pair.items()) + ".")


def band_summary(widths: pd.DataFrame) -> str:
    """The pooled half-widths of the growth-based and pro-rata bands with a whole year left."""
    pooled = widths.set_index(["method", "domain"])["width_pct_per_year"]
    return (f"Pooled over every domain, a growth-based projection with the whole year left carries a half-width of "
            f"{pooled.loc[('growth', 'all')]:.0f} % and a pro-rata one {pooled.loc[('prorata', 'all')]:.0f} %; with "
            "seven months left, 7/12 of that.")


def method_comparison(medians: pd.DataFrame, first_pair: str) -> str:
    """Median errors of the three methods (pro-rata, growth-based, national profile), first pair and all."""
    h1, every = medians.loc[first_pair], medians.loc["all"]
    return (f"From the first half of 2025 to 11 months, over the {int(h1['n'])} indicators all three methods could "
            f"score, the median absolute error is {h1['prorata_ape']:.1f} % pro-rata, {h1['growth_ape']:.1f} % "
            f"growth-based and {h1['national_ape']:.1f} % with the national profile. Over every pair: "
            f"{every['prorata_ape']:.1f} %, {every['growth_ape']:.1f} % and {every['national_ape']:.1f} % "
            f"({int(every['n'])} scores). In these scores the province's own growth rate says more than the "
            "country's calendar; the national profile is shown beside the 2026 projections below, not used as "
            "their default.")


def vintage_flags(spans: pd.DataFrame, ratio: float, other_months: int) -> str:
    """How many implied spans were flagged, and the evidence of each (a Markdown list)."""
    flagged = spans.loc[spans["flagged"]]
    return (f"{len(spans)} spans implied across reports; {len(flagged)} flagged (threshold {ratio:g}x, at least "
            f"{other_months} other months to compare with):\n\n" + "\n".join(f"- {e}" for e in flagged["evidence"]))


def derived_summary(printed_rows: int, derived: pd.DataFrame, share_ids: list[str], registered: set[str]) -> str:
    """How many rows of each kind the library derives, and whether the proposed share ids are registered."""
    counts = derived["derivation"].value_counts()
    unregistered = [i for i in share_ids if i not in registered]
    return (f"From {printed_rows} printed rows the library derives {len(derived)} rows: "
            + ", ".join(f"{n} `{kind}`" for kind, n in counts.items())
            + ". Implied plans and budget estimates have ids of their own (`<id>_plan`, `<id>_est_central`, "
              "`<id>_est_local`): a plan never poses as the year's level, and a report that prints both budget "
              "estimates keeps both. "
            + (f"{len(unregistered)} of {len(share_ids)} proposed share ids wait to be registered in the "
               "catalogue." if unregistered else "Every proposed share id is registered in the catalogue."))


def derived_example(derived: pd.DataFrame, indicator_ids: list[str]) -> pd.DataFrame:
    """Derived rows of some indicators with their formula, the period in words."""
    rows = derived.loc[derived["indicator_id"].isin(indicator_ids),
                       ["indicator_id", "start", "end", "value", "source_doc", "derivation", "formula"]]
    return rows.assign(period=[period_label(s, e) for s, e in zip(rows["start"], rows["end"])]).drop(
        columns=["start", "end"])


def derived_against_printed(comparison: pd.DataFrame) -> str:
    """The largest gap between a derived value and a printed one of the same period."""
    if comparison.empty:
        return "No derived value shares its period with a printed one."
    worst = comparison.iloc[0]
    return (f"{len(comparison)} derived value(s) can be checked against a printed one; the largest gap is "
            f"{worst['diff_pct']:+.1f} % for `{worst['indicator_id']}` {period_label(worst['start'], worst['end'])} "
            f"(derived {worst['derived_value']:,.1f}, printed {worst['printed_value']:,.1f}).")


def minimum_lengths(stl: int, lengths: dict[str, int]) -> str:
    """The observed months each model needs."""
    return (f"Minimum observed months: STL {stl} (two seasonal cycles), simple exponential smoothing "
            f"{lengths['ses']}, Holt {lengths['holt']}, ARIMA {lengths['arima']}, Holt-Winters and the seasonal "
            f"models {lengths['holt_winters']}; at most one month in ten of a series' span may be missing.")


def qualification_summary(qualify: pd.DataFrame) -> str:
    """How many province series have month rows, the longest, and how many qualify for a model."""
    return (f"{len(qualify)} indicators have month rows; the longest has {qualify['months'].max()} months. "
            f"{int(qualify['stl_ok'].sum())} qualify for STL and {int(qualify['forecast_ok'].sum())} for any "
            "forecast, so no forecast chart with intervals can be drawn yet; the reason for each series is in the "
            "appendix.")


def longest_series(qualify: pd.DataFrame, n: int = 4) -> list[str]:
    """The ``n`` indicators with the most months (ties by id)."""
    return qualify.sort_values(["months", "indicator_id"], ascending=[False, True]).head(n)["indicator_id"].tolist()


def national_names(catalogue: pd.DataFrame, ids: list[str]) -> dict[str, str]:
    """Short names of national series: ``Viet Nam: retail sales ...`` becomes ``Retail sales ...``."""
    return {i: catalogue.loc[i, "name_en"].removeprefix("Viet Nam: ").capitalize() for i in ids}


def national_opening(history: dict[str, pd.Series], rows: pd.DataFrame, retail: pd.Series, figure: Figure,
                     derived: Figure) -> str:
    """The national data's span and retail sales' long-run growth (HTML, figures cited or with their formula).

    Parameters
    ----------
    history : dict
        Series id to monthly levels (the series shown).
    rows : pandas.DataFrame
        The national observations.
    retail : pandas.Series
        Retail sales' row of :func:`lsreports.analysis.tsa.country.national_summary`.
    figure, derived : callable
        A page's ``figure`` and ``derived``.
    """
    from ..sources.national_join import months_without_figure, reach

    last_month = max(s.dropna().index.max() for s in history.values())
    lengths = [len(s.dropna()) for s in history.values()]
    year = retail["last_full_year"]
    tables_end = reach(rows)["tables"]
    interpolated = sum(len(months_without_figure(s, tables_end)) for s in history.values())
    return (f"National data to {last_month:%B %Y} (the GSO's tables to {tables_end:%B %Y}, the statistics office's "
            f"releases after; {interpolated} series-months since then have no release stored and are interpolated "
            f"for the models): {len(history)} series shown of "
            f"{rows['indicator_id'].nunique()} curated, {min(lengths)} to {max(lengths)} months each. Over its "
            f"{retail['years']} full years with a printed growth rate, retail sales grew "
            + derived(f"{retail['growth_avg_pct']:.1f} %", f"geometric mean of the {retail['years']} annual growth "
                      f"rates printed in the GSO's tables, to {year}")
            + " a year on average ("
            + figure(f"{retail['last_year_growth_pct']:.1f} %", "vn_retail_sales", f"{year}-01-01", f"{year}-12-31",
                     "yoy_pct")
            + f" in {year}).")


def tet_table(tet: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """The Tết effect of each series beside SARIMA's out-of-sample error with and without the regressor."""
    mase = scores.pivot(index="series", columns="method", values="mase")
    return tet.assign(sarima_mase=mase["sarima"], sarima_tet_mase=mase["sarima_tet"])


def tet_summary(tet: pd.DataFrame) -> str:
    """In how many series a Tết day moves the month clearly, the largest effect, and where the regressor helps."""
    helps = tet.loc[tet["sarima_tet_mase"] < tet["sarima_mase"]].index
    significant = tet.loc[tet["t_stat"].abs() > 2].index
    return (f"A Tết holiday day moves the month by a statistically clear amount (|t| > 2) in {len(significant)} of "
            f"{len(tet)} series, most for {tet['pct_per_day'].idxmin()} ({tet['pct_per_day'].min():.1f} % a day). "
            f"The regressor lowers SARIMA's out-of-sample error (MASE) in {len(helps)} of {len(tet)} series.")


def backtest_winners(scores: pd.DataFrame, best: pd.Series, origins: list) -> str:
    """The rolling-origin backtest's origins, forecasts scored and each series' winning method."""
    return (f"Origins {origins[0]} to {origins[-1]}, {int(scores['forecasts'].max())} scored forecasts per series "
            "and method. The winner is each series' default method: "
            + ", ".join(f"{s} → {m}" for s, m in best.items()) + ".")


def coverage_summary(scores: pd.DataFrame) -> str:
    """The median coverage of the 95 % and 80 % intervals."""
    return (f"95 % intervals covered {scores['coverage_95'].median():.0f} % of outcomes (median over series and "
            f"methods); 80 % intervals {scores['coverage_80'].median():.0f} %. The 2020-2021 lockdowns fall inside "
            "the evaluation and widen every error.")


def forecast_lines(forecasts: dict, names: dict[str, str]) -> str:
    """One Markdown bullet a series: its name and its forecast's summary."""
    return "\n".join(f"- {names[i]}: {result.summary()}" for i, result in forecasts.items())
