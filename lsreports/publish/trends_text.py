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
from .formatting import localise
from .i18n import lang, pick

Figure = Callable[..., str]


def _n(value: float, decimals: int = 0) -> str:
    """A number for a sentence in the current language (``1,234.5`` / ``1.234,5``)."""
    return localise(f"{value:,.{decimals}f}")


def projection_overview(projections: pd.DataFrame) -> str:
    """How many indicators are projected, with a target, by which method (the year-end section's opening)."""
    per_indicator = projections.drop_duplicates("indicator_id")
    with_target = projections.loc[projections["target_kind"] != ""]
    methods = per_indicator["method"].value_counts()
    december = int(per_indicator.loc[per_indicator["method"] == "growth", "prev_annual_assumption"]
                   .str.startswith("December").sum())
    n, targets = len(per_indicator), with_target["indicator_id"].nunique()
    growth, prorata, none = methods.get("growth", 0), methods.get("pro_rata", 0), methods.get("not_projected", 0)
    return pick(f"{n} indicators have a 2026 year to date; {targets} of them print a plan or budget estimate. The "
                f"growth-based nowcast applies to {growth} ({december} of them with last year's level from 11 months "
                f"and December estimated); {prorata} fall back to pro-rata and {none} are not projected (one-off "
                "distributions); why each falls back is in the appendix.",
                f"{n} chỉ tiêu có số lũy kế năm 2026, trong đó {targets} chỉ tiêu có kế hoạch hoặc dự toán. Ước theo "
                f"tốc độ tăng áp dụng cho {growth} chỉ tiêu ({december} chỉ tiêu lấy mức năm trước từ 11 tháng và ước "
                f"tháng 12); {prorata} chỉ tiêu phải ước theo tỷ lệ thời gian và {none} chỉ tiêu không ước (các khoản "
                "phân bổ một lần); lý do của từng chỉ tiêu nêu ở phụ lục.")


def prorata_gap(projections: pd.DataFrame) -> str:
    """The median gap between the full-year growth pro-rata implies and the growth printed for the year to date."""
    both = projections.drop_duplicates("indicator_id").dropna(subset=["growth_projection", "prev_annual_value"])
    implied_growth = (both["prorata_projection"] / both["prev_annual_value"] - 1) * 100
    gap = _n((implied_growth - both["ytd_yoy_pct"]).abs().median())
    return pick(f"Over the {len(both)} indicators with both projections, the full-year growth that pro-rata implies "
                f"differs from the growth printed for the year to date by a median of {gap} points. For example:",
                f"Ở {len(both)} chỉ tiêu tính được cả hai cách, tốc độ tăng cả năm mà cách ước theo tỷ lệ thời gian "
                f"ngầm định chênh với tốc độ tăng lũy kế đã in trung vị {gap} điểm phần trăm. Ví dụ:")


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
    likely, undetermined, unlikely = (verdicts.get(v, 0) for v in ("likely", "undetermined", "unlikely"))
    return pick(f"Verdicts on the first target of each indicator: {likely} likely, {undetermined} undetermined, "
                f"{unlikely} unlikely. Thresholds: {rule}. A January-only projection is marked low-confidence (Tết "
                "moves activity between January and February).",
                f"Đánh giá theo mục tiêu đầu tiên của mỗi chỉ tiêu: {likely} có khả năng hoàn thành, {undetermined} "
                f"chưa xác định, {unlikely} khó hoàn thành. Ngưỡng: có khả năng hoàn thành khi cận dưới của khoảng "
                "dao động đạt 100 % mục tiêu, khó hoàn thành khi cận trên dưới 100 %, chưa xác định khi khoảng dao "
                "động chứa mốc 100 % (hoặc không có khoảng). Ước chỉ từ số tháng 1 có độ tin cậy thấp (Tết làm dịch "
                "chuyển hoạt động giữa tháng 1 và tháng 2).")


def pace_summary(pace: pd.DataFrame) -> str:
    """Targets already met, and how many of the others need a faster pace than so far and than last year."""
    faster = pace.loc[~pace["reached"] & (pace["needed_vs_so_far"] > 1)]
    reached = pace.loc[pace["reached"], "indicator_id"]
    others, both = int((~pace["reached"]).sum()), int((faster["needed_vs_last_year"] > 1).sum())
    from . import labels
    from ..sources.loader import indicators

    names = labels.indicator_names(indicators())
    met = ", ".join(names.get(i, i) for i in reached)
    return pick(f"{len(reached)} indicator(s) already meet their target ({met or 'none'}); {len(faster)} of the "
                f"other {others} need a faster monthly pace than so far, {both} of them faster than last year's pace "
                "over the same months too.",
                f"{len(reached)} chỉ tiêu đã đạt mục tiêu ({met or 'không có'}); {len(faster)} trong {others} chỉ "
                f"tiêu còn lại cần nhịp độ bình quân tháng cao hơn từ đầu năm đến nay, trong đó {both} chỉ tiêu cần "
                "cao hơn cả nhịp độ cùng kỳ năm trước.")


def _share_of_plan(figure: Figure, path: pd.DataFrame, i: int, decimals: int) -> str:
    row = path.iloc[i]
    return figure(localise(f"{row['pct']:.{decimals}f} %"), row["indicator_id"], f"{row['year']}-01-01", row["end"],
                  "plan_pct", row["source_doc"])


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
    from . import labels

    first_pub, last_pub = _share_of_plan(figure, pubinv, 0, 1), _share_of_plan(figure, pubinv, -1, 0)
    first_rosin, last_rosin = _share_of_plan(figure, rosin, 0, 2), _share_of_plan(figure, rosin, -1, 1)
    months, day = f"{pubinv['months'].iloc[0]:.0f}", labels.date(pubinv["end"].iloc[-1])
    rosin_first = labels.month(rosin["end"].iloc[0], year=False)
    rosin_last = labels.month(rosin["end"].iloc[-1], year=False)
    return pick(f"Back-loading: public investment of the {year} plan stood at {first_pub} after {months} months and "
                f"{last_pub} by {day}; rosin at {first_rosin} in {rosin_first} and {last_rosin} in {rosin_last}. "
                "A pro-rata projection from mid-year would have read both as far behind.",
                f"Dồn về cuối năm: giải ngân vốn đầu tư công đạt {first_pub} kế hoạch năm {year} sau {months} tháng "
                f"và {last_pub} đến {day}; nhựa thông đạt {first_rosin} vào {rosin_first} và {last_rosin} vào "
                f"{rosin_last}. Ước theo tỷ lệ thời gian từ giữa năm sẽ cho rằng cả hai chỉ tiêu chậm xa so với kế "
                "hoạch.")


def backtest_summary(by_pair: dict[str, dict], caveats: str) -> str:
    """The backtest's caveats and its median errors by pair (the caveats stay in English: the analysis's text).

    A pair with no indicator scored by both methods says so instead of showing a median of nothing.
    """
    scores = "; ".join(_pair_medians(pair, s) for pair, s in by_pair.items())
    return pick("What this test can and cannot show: " + caveats + ". Median absolute errors over the unflagged "
                "indicators with both methods: " + scores + ".",
                "Giới hạn của kiểm định: cách ước theo tốc độ tăng chỉ dùng những gì đã biết tại thời điểm ước; "
                "một năm, hai tầm dự báo và khoảng hai mươi chỉ tiêu, nên các trung vị chỉ mang tính tham khảo. "
                "Sai số tuyệt đối trung vị ở các chỉ tiêu không bị đánh dấu, tính được cả hai cách: " + scores + ".")


def _pair_medians(pair: str, s: dict) -> str:
    if not s["n_both"]:
        return pick(f"{pair}: no indicator scored by both", f"{pair}: không chỉ tiêu nào chấm được cả hai cách")
    return pick(f"{pair}: pro-rata {_n(s['median_prorata_ape'], 1)} %, growth-based "
                f"{_n(s['median_growth_ape'], 1)} % ({s['n_both']} indicators)",
                f"{pair}: theo tỷ lệ thời gian {_n(s['median_prorata_ape'], 1)} %, theo tốc độ tăng "
                f"{_n(s['median_growth_ape'], 1)} % ({s['n_both']} chỉ tiêu)")


def band_summary(widths: pd.DataFrame) -> str:
    """The pooled half-widths of the growth-based and pro-rata bands with a whole year left."""
    pooled = widths.set_index(["method", "domain"])["width_pct_per_year"]
    growth, prorata = _n(pooled.loc[("growth", "all")]), _n(pooled.loc[("prorata", "all")])
    return pick(f"Pooled over every domain, a growth-based projection with the whole year left carries a half-width "
                f"of {growth} % and a pro-rata one {prorata} %; with seven months left, 7/12 of that.",
                f"Gộp mọi lĩnh vực, khi còn nguyên một năm, ước theo tốc độ tăng có nửa khoảng dao động {growth} % và "
                f"ước theo tỷ lệ thời gian {prorata} %; khi còn bảy tháng, bằng 7/12 mức đó.")


#: Fewer scores than this (all three methods on the same indicator and pair) prefer no method.
MIN_SCORES_TO_PREFER = 5
_METHODS = {"prorata_ape": ("pro-rata", "theo tỷ lệ thời gian"), "growth_ape": ("growth-based", "theo tốc độ tăng"),
            "national_ape": ("the national profile", "theo cấu trúc mùa vụ cả nước")}


def method_comparison(medians: pd.DataFrame, first_pair: str) -> str:
    """Median errors of the three methods (pro-rata, growth-based, national profile), first pair and all.

    Which method did best is computed from the scores, and said only with at least
    :data:`MIN_SCORES_TO_PREFER` of them; a pair no indicator could be scored on says so.
    """
    return " ".join([_first_pair_errors(medians.loc[first_pair]), _all_pairs_errors(medians.loc["all"])])


def _errors(row: pd.Series) -> tuple[str, str, str]:
    return tuple(_n(row[k], 1) for k in _METHODS)


def _first_pair_errors(h1: pd.Series) -> str:
    if not int(h1["n"]):
        return pick("From the first half of 2025 to 11 months no indicator could be scored by all three methods (the "
                    "growth-based one needs last year's level as printed by the projection date).",
                    "Từ 6 tháng đầu năm 2025 đến 11 tháng, không chỉ tiêu nào chấm được cả ba cách (cách theo tốc độ "
                    "tăng cần mức cùng kỳ năm trước đã công bố trước thời điểm ước tính).")
    a, b, c = _errors(h1)
    return pick(f"From the first half of 2025 to 11 months, over the {int(h1['n'])} indicators all three methods "
                f"could score, the median absolute error is {a} % pro-rata, {b} % growth-based and {c} % with the "
                "national profile.",
                f"Từ 6 tháng đầu năm 2025 đến 11 tháng, ở {int(h1['n'])} chỉ tiêu chấm được cả ba cách, sai số tuyệt "
                f"đối trung vị là {a} % theo tỷ lệ thời gian, {b} % theo tốc độ tăng và {c} % theo cấu trúc mùa vụ cả "
                "nước.")


def _all_pairs_errors(every: pd.Series) -> str:
    n = int(every["n"])
    if not n:
        return pick("No pair has an indicator all three methods scored; the national profile is shown beside the "
                    "2026 projections below, not used as their default.",
                    "Không cặp nào có chỉ tiêu chấm được cả ba cách; cấu trúc cả nước chỉ được trình bày bên cạnh các "
                    "ước tính năm 2026 dưới đây, không dùng làm mặc định.")
    x, y, z = _errors(every)
    scores = "1 score" if n == 1 else f"{n} scores"
    head = pick(f"Over every pair: {x} %, {y} % and {z} % ({scores}).",
                f"Trên mọi cặp: {x} %, {y} % và {z} % ({n} lượt chấm).")
    if n < MIN_SCORES_TO_PREFER:
        verdict = pick(f"{scores.capitalize()} {'is' if n == 1 else 'are'} too few to prefer a method; the national "
                       "profile is shown beside the 2026 "
                       "projections below, not used as their default.",
                       f"{n} lượt chấm là quá ít để chọn một cách; cấu trúc cả nước chỉ được trình bày bên cạnh các "
                       "ước tính năm 2026 dưới đây, không dùng làm mặc định.")
    else:
        best = min(_METHODS, key=lambda k: every[k])
        verdict = pick(f"In these scores {_METHODS[best][0]} erred least; the national profile is shown beside the "
                       "2026 projections below, not used as their default.",
                       f"Trong các lượt chấm này, cách {_METHODS[best][1]} sai ít nhất; cấu trúc cả nước chỉ được trình "
                       "bày bên cạnh các ước tính năm 2026 dưới đây, không dùng làm mặc định.")
    return f"{head} {verdict}"


def vintage_line(span: pd.Series, names: dict[str, str]) -> str:
    """One flagged span in words: the indicator, the months implied, their monthly average against the others'.

    The arithmetic with its sources stays in the span's ``evidence`` (the CSV and the analysis).
    """
    from . import labels

    name = names.get(span["indicator_id"], span["indicator_id"])
    period = labels.period(span["span_start"], span["span_end"])
    ratio = localise(f"{span['ratio_other']:.2f}")
    mine, others = _n(span["span_monthly"], 1), _n(span["other_monthly"], 1)
    return pick(f"{name}, {period} (implied by two reports): {mine} a month, {ratio} times the average of the year's "
                f"other months ({others}).",
                f"{name}, {period} (suy ra từ hai báo cáo): {mine} mỗi tháng, bằng {ratio} lần bình quân các tháng "
                f"khác trong năm ({others}).")


def vintage_flags(spans: pd.DataFrame, ratio: float, other_months: int, names: dict[str, str] | None = None) -> str:
    """How many implied spans were flagged, and each in words (a Markdown list; :func:`vintage_line`)."""
    flagged = spans.loc[spans["flagged"]]
    head = pick(f"{len(spans)} spans implied across reports; {len(flagged)} flagged (threshold {ratio:g}x, at least "
                f"{other_months} other months to compare with):",
                f"{len(spans)} khoảng suy ra từ các báo cáo; {len(flagged)} khoảng bị đánh dấu (ngưỡng "
                f"{localise(f'{ratio:g}')} lần, cần ít nhất {other_months} tháng khác để so sánh):")
    return head + "\n\n" + "\n".join(f"- {vintage_line(row, names or {})}" for _, row in flagged.iterrows())


def derived_summary(printed_rows: int, derived: pd.DataFrame, share_ids: list[str], registered: set[str]) -> str:
    """How many rows of each kind the library derives, and whether the proposed share ids are registered."""
    counts = derived["derivation"].value_counts()
    unregistered = [i for i in share_ids if i not in registered]
    kinds = ", ".join(f"{n} `{kind}`" for kind, n in counts.items())
    if lang() == "vi":
        tail = (f"{len(unregistered)}/{len(share_ids)} mã tỷ trọng đề xuất đang chờ đăng ký trong danh mục."
                if unregistered else "Mọi mã tỷ trọng đề xuất đã được đăng ký trong danh mục.")
        return (f"Từ {printed_rows} dòng số liệu đã in, thư viện suy ra {len(derived)} dòng: {kinds}. Kế hoạch và dự "
                "toán suy ra có mã riêng: kế hoạch không bao giờ được coi là số thực hiện cả năm, và báo cáo in cả "
                "hai loại dự toán thì giữ cả hai. " + tail)
    tail = (f"{len(unregistered)} of {len(share_ids)} proposed share ids wait to be registered in the catalogue."
            if unregistered else "Every proposed share id is registered in the catalogue.")
    return (f"From {printed_rows} printed rows the library derives {len(derived)} rows: {kinds}. Implied plans and "
            "budget estimates have ids of their own (`<id>_plan`, `<id>_est_central`, `<id>_est_local`): a plan never "
            "poses as the year's level, and a report that prints both budget estimates keeps both. " + tail)


def derived_example(derived: pd.DataFrame, indicator_ids: list[str]) -> pd.DataFrame:
    """Derived rows of some indicators with their formula, the period in words."""
    rows = derived.loc[derived["indicator_id"].isin(indicator_ids),
                       ["indicator_id", "start", "end", "value", "source_doc", "derivation", "formula"]]
    return rows.assign(period=[period_label(s, e) for s, e in zip(rows["start"], rows["end"])]).drop(
        columns=["start", "end"])


def derived_against_printed(comparison: pd.DataFrame) -> str:
    """The largest gap between a derived value and a printed one of the same period."""
    if comparison.empty:
        return pick("No derived value shares its period with a printed one.",
                    "Không có số suy ra nào trùng kỳ với một số đã in.")
    from . import labels
    from ..sources.loader import indicators

    worst = comparison.iloc[0]
    name = labels.indicator_names(indicators()).get(worst["indicator_id"], worst["indicator_id"])
    period = labels.period(worst["start"], worst["end"])
    gap, got, printed = (localise(f"{worst['diff_pct']:+.1f}"), _n(worst["derived_value"], 1),
                         _n(worst["printed_value"], 1))
    return pick(f"{len(comparison)} derived value(s) can be checked against a printed one; the largest gap is "
                f"{gap} % for {name}, {period} (derived {got}, printed {printed}).",
                f"{len(comparison)} số suy ra đối chiếu được với số đã in; chênh lệch lớn nhất là {gap} % ở {name}, "
                f"{period} (suy ra {got}, đã in {printed}).")


def minimum_lengths(stl: int, lengths: dict[str, int]) -> str:
    """The observed months each model needs."""
    ses, holt, arima, hw = (lengths[k] for k in ("ses", "holt", "arima", "holt_winters"))
    return pick(f"Minimum observed months: STL {stl} (two seasonal cycles), simple exponential smoothing {ses}, Holt "
                f"{holt}, ARIMA {arima}, Holt-Winters and the seasonal models {hw}; at most one month in ten of a "
                "series' span may be missing.",
                f"Số tháng quan sát tối thiểu: STL {stl} (hai chu kỳ mùa vụ), san bằng mũ đơn giản {ses}, Holt "
                f"{holt}, ARIMA {arima}, Holt-Winters và các mô hình mùa vụ {hw}; mỗi chuỗi được thiếu tối đa một "
                "trong mười tháng.")


def qualification_summary(qualify: pd.DataFrame) -> str:
    """How many province series have month rows, the longest, and how many qualify for a model."""
    n, longest = len(qualify), qualify["months"].max()
    stl, any_model = int(qualify["stl_ok"].sum()), int(qualify["forecast_ok"].sum())
    return pick(f"{n} indicators have month rows; the longest has {longest} months. {stl} qualify for STL and "
                f"{any_model} for any forecast, so no forecast chart with intervals can be drawn yet; the reason for "
                "each series is in the appendix.",
                f"{n} chỉ tiêu có số liệu tháng; chuỗi dài nhất có {longest} tháng. {stl} chuỗi đủ điều kiện cho STL "
                f"và {any_model} chuỗi cho bất kỳ dự báo nào, nên chưa thể vẽ biểu đồ dự báo kèm khoảng tin cậy; lý "
                "do của từng chuỗi nêu ở phụ lục.")


def longest_series(qualify: pd.DataFrame, n: int = 4) -> list[str]:
    """The ``n`` indicators with the most months (ties by id)."""
    return qualify.sort_values(["months", "indicator_id"], ascending=[False, True]).head(n)["indicator_id"].tolist()


def national_names(catalogue: pd.DataFrame, ids: list[str]) -> dict[str, str]:
    """Short names of national series in the current language: ``Viet Nam: retail sales ...`` becomes
    ``Retail sales ...`` (``Cả nước: Tổng mức bán lẻ ...`` → ``Tổng mức bán lẻ ...``)."""
    from . import labels

    column = labels.name_column() if labels.name_column() in catalogue else "name_en"
    named = {i: catalogue.loc[i, column] or catalogue.loc[i, "name_en"] for i in ids}
    return {i: n.removeprefix("Viet Nam: ").removeprefix("Cả nước: ").capitalize() for i, n in named.items()}


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
    from . import labels

    growth = derived(_n(retail["growth_avg_pct"], 1) + " %",
                     pick(f"geometric mean of the {retail['years']} annual growth rates printed in the GSO's tables, to "
                          f"{year}", f"bình quân nhân của {retail['years']} tốc độ tăng năm in trong biểu của Tổng cục "
                          f"Thống kê, đến năm {year}"))
    last = figure(_n(retail["last_year_growth_pct"], 1) + " %", "vn_retail_sales", f"{year}-01-01", f"{year}-12-31",
                  "yoy_pct")
    to, tables = (labels.month(m.to_timestamp() if isinstance(m, pd.Period) else m) for m in (last_month, tables_end))
    shown, curated, short, long = len(history), rows["indicator_id"].nunique(), min(lengths), max(lengths)
    return pick(f"National data to {to} (the GSO's tables to {tables}, the statistics office's releases after; "
                f"{interpolated} series-months since then have no release stored and are interpolated for the models): "
                f"{shown} series shown of {curated} curated, {short} to {long} months each. Over its {retail['years']} "
                f"full years with a printed growth rate, retail sales grew {growth} a year on average ({last} in "
                f"{year}).",
                f"Số liệu cả nước đến {to} (biểu của Tổng cục Thống kê đến {tables}, sau đó là thông cáo của cơ quan "
                f"thống kê; {interpolated} tháng-chuỗi từ đó chưa lưu thông cáo và được nội suy cho mô hình): trình bày "
                f"{shown} trên {curated} chuỗi đã chuẩn hóa, mỗi chuỗi {short} đến {long} tháng. Trong {retail['years']} "
                f"năm đầy đủ có tốc độ tăng đã in, tổng mức bán lẻ tăng bình quân {growth} mỗi năm ({last} năm {year}).")


def tet_table(tet: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """The Tết effect of each series beside SARIMA's out-of-sample error with and without the regressor."""
    mase = scores.pivot(index="series", columns="method", values="mase")
    return tet.assign(sarima_mase=mase["sarima"], sarima_tet_mase=mase["sarima_tet"])


def tet_summary(tet: pd.DataFrame) -> str:
    """In how many series a Tết day moves the month clearly, the largest effect, and where the regressor helps."""
    helps = tet.loc[tet["sarima_tet_mase"] < tet["sarima_mase"]].index
    significant = tet.loc[tet["t_stat"].abs() > 2].index
    most, effect = tet["pct_per_day"].idxmin(), _n(tet["pct_per_day"].min(), 1)
    return pick(f"A Tết holiday day moves the month by a statistically clear amount (|t| > 2) in {len(significant)} "
                f"of {len(tet)} series, most for {most} ({effect} % a day). The regressor lowers SARIMA's "
                f"out-of-sample error (MASE) in {len(helps)} of {len(tet)} series.",
                f"Mỗi ngày nghỉ Tết làm thay đổi số liệu tháng một cách có ý nghĩa thống kê (|t| > 2) ở "
                f"{len(significant)}/{len(tet)} chuỗi, mạnh nhất ở {most} ({effect} % mỗi ngày). Thêm biến Tết làm "
                f"giảm sai số ngoài mẫu (MASE) của SARIMA ở {len(helps)}/{len(tet)} chuỗi.")


def backtest_winners(scores: pd.DataFrame, best: pd.Series, origins: list, names: dict[str, str] | None = None) -> str:
    """The rolling-origin backtest's origins, forecasts scored and each series' winning method (series by
    their ``names`` where given)."""
    names = names or {}
    each = ", ".join(f"{_country_name(names[s]) if s in names else s} → {_model_name(m)}" for s, m in best.items())
    n = int(scores["forecasts"].max())
    return pick(f"Origins {origins[0]} to {origins[-1]}, {n} scored forecasts per series and method. The winner is "
                f"each series' default method: {each}.",
                f"Điểm gốc từ {origins[0]} đến {origins[-1]}, {n} dự báo được chấm cho mỗi chuỗi và phương pháp. "
                f"Phương pháp tốt nhất là phương pháp mặc định của từng chuỗi: {each}.")


def coverage_summary(scores: pd.DataFrame) -> str:
    """The median coverage of the 95 % and 80 % intervals."""
    c95, c80 = _n(scores["coverage_95"].median()), _n(scores["coverage_80"].median())
    return pick(f"95 % intervals covered {c95} % of outcomes (median over series and methods); 80 % intervals "
                f"{c80} %. The 2020-2021 lockdowns fall inside the evaluation and widen every error.",
                f"Khoảng dự báo 95 % bao được {c95} % giá trị thực tế (trung vị theo chuỗi và phương pháp); khoảng "
                f"80 % bao được {c80} %. Thời kỳ giãn cách 2020-2021 nằm trong giai đoạn đánh giá và làm tăng mọi "
                "sai số.")


def forecast_lines(forecasts: dict, names: dict[str, str]) -> str:
    """One Markdown bullet a series: its name and its forecast's summary."""
    return "\n".join(f"- {names[i]}: {result.summary()}" for i, result in forecasts.items())


def country_latest(rows: pd.DataFrame, indicator_id: str) -> pd.Series:
    """The latest month of a national series with a printed change on a year earlier (``yoy_pct``).

    Raises
    ------
    KeyError
        If the series has no month with a printed ``yoy_pct``.
    """
    months = rows.loc[(rows["indicator_id"] == indicator_id) & (rows["measure"] == "yoy_pct")
                      & (pd.to_datetime(rows["start"]).dt.to_period("M") == pd.to_datetime(rows["end"]).dt.to_period("M"))]
    if months.empty:
        raise KeyError(f"no month of {indicator_id} with a printed yoy_pct")
    return months.sort_values("end").iloc[-1]


def _model_name(method: str) -> str:
    """A forecasting method's name as written in the literature (``sarima_tet`` → ``SARIMA + Tết``)."""
    words = {"sarima": "SARIMA", "sarima_tet": "SARIMA + Tết", "ets": "ETS", "stl_ets": "STL + ETS",
             "seasonal_naive": pick("seasonal naive", "naive theo mùa"), "holt_winters": "Holt-Winters"}
    if method in words:
        return words[method]
    return " ".join(words.get(part, part) for part in str(method).split("_"))


def _country_name(name: str) -> str:
    """A national series' name inside a sentence: ``Viet Nam: Retail sales`` → ``retail sales``."""
    for prefix in ("Viet Nam: ", "Cả nước: "):
        name = name.removeprefix(prefix)
    return name[:1].lower() + name[1:]


def findings(with_target: pd.DataFrame, best: pd.Series, country: pd.Series, names: dict[str, str],
             figure: Figure, derived: Figure) -> str:
    """The trends briefing's findings in three sentences (HTML for a page's ``say``).

    The year end against plan (the verdicts and the indicators furthest ahead and behind, their
    projected share of plan with its formula), the rolling-origin backtest's winning methods, and
    the country's latest month (its printed growth cited).

    Parameters
    ----------
    with_target : pandas.DataFrame
        Projections with a target: ``indicator_id``, ``verdict``, ``projected_pct_of_target``,
        ``projection``, ``target_value``; with ``flags``, the furthest ahead and behind are chosen among the
        rows without a flag (all rows when every one is flagged).
    best : pandas.Series
        Series id → winning method (:func:`lsreports.analysis.tsa.backtest.winners`).
    country : pandas.Series
        A national month row (:func:`country_latest`): ``indicator_id``, ``start``, ``end``, ``value``.
    names : dict
        Indicator id → its name in the current language (:func:`lsreports.publish.labels.indicator_names`).
    figure, derived : callable
        A page's ``figure`` and ``derived``.
    """
    from . import labels
    from .formatting import fmt_number, fmt_pct

    first = with_target.drop_duplicates("indicator_id").dropna(subset=["projected_pct_of_target"])
    if first.empty or best.empty:
        raise ValueError("findings need at least one projection against a target and one backtest winner")
    counts = first["verdict"].value_counts()
    clean = first.loc[first["flags"].fillna("").astype(str) == ""] if "flags" in first else first
    ordered = (clean if len(clean) else first).sort_values("projected_pct_of_target")  # a flagged year end is no finding

    def share(row: pd.Series) -> str:
        shown = fmt_pct(row["projected_pct_of_target"], signed=False)
        year_end, target = fmt_number(row["projection"], 1), fmt_number(row["target_value"], 1)
        return derived(shown, pick(f"projected year end {year_end} / target {target} × 100",
                                   f"ước cả năm {year_end} / mục tiêu {target} × 100"))

    ahead, behind = ordered.iloc[-1], ordered.iloc[0]
    methods = best.value_counts()
    top_method, top_n = _model_name(methods.index[0]), int(methods.iloc[0])
    value = float(country["value"])
    country_growth = figure(fmt_pct(abs(value), signed=False), country["indicator_id"], country["start"],
                            country["end"], "yoy_pct")
    month = labels.month(pd.Timestamp(country["end"]))
    series = _country_name(names.get(country["indicator_id"], country["indicator_id"]))
    likely, undetermined, unlikely = (counts.get(v, 0) for v in ("likely", "undetermined", "unlikely"))
    top, bottom = (names.get(row["indicator_id"], row["indicator_id"]) for row in (ahead, behind))
    return " ".join([
        pick(f"Of {len(first)} indicators with a 2026 plan or budget estimate, {likely} are on track to meet it, "
             f"{undetermined} are undetermined and {unlikely} unlikely; of the year ends resting on no flagged input, "
             f"{top} is furthest ahead ({share(ahead)} of its target at the year end) and {bottom} furthest behind "
             f"({share(behind)}).",
             f"Trong {len(first)} chỉ tiêu có kế hoạch hoặc dự toán năm 2026, {likely} chỉ tiêu có khả năng hoàn "
             f"thành, {undetermined} chưa xác định và {unlikely} khó hoàn thành; trong các ước tính không dựa trên số "
             f"liệu bị đánh dấu, vượt xa nhất là {top} (ước cả năm đạt {share(ahead)} mục tiêu), thấp nhất là "
             f"{bottom} ({share(behind)})."),
        pick(f"In the rolling-origin backtest of the country's monthly series, {top_method} forecasts best for "
             f"{top_n} of {len(best)} series and is their default method.",
             f"Trong kiểm định dự báo trên các chuỗi tháng của cả nước, phương pháp {top_method} dự báo tốt nhất "
             f"cho {top_n}/{len(best)} chuỗi và được dùng làm phương pháp mặc định của các chuỗi đó."),
        pick(f"Across the country, {series} {'grew' if value >= 0 else 'fell'} by {country_growth} on a year "
             f"earlier in {month}, the latest month stored.",
             f"Trên cả nước, {series} {month} (tháng mới nhất có số liệu) {'tăng' if value >= 0 else 'giảm'} "
             f"{country_growth} so với cùng kỳ năm trước."),
    ])
