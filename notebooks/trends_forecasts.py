# %% [markdown]
# # Trends and forecasts
#
# Version: 0.6.1
#
# Changelog:
# - 0.6.1 (2026-12-07): the 2026 national-profile year end takes the national months of 2026 published by
#   its projection date as printed and the three latest whole years of the joined national series (issue 23).
# - 0.6.0 (2026-12-07): findings first, as sentences computed by trends_text.findings (verdicts against plan,
#   the backtest's winning method, the country's latest month), each figure cited; a Vietnamese edition: every
#   English prose cell has a Vietnamese partner (lang-en / lang-vi).
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
# (section 6: decomposition, forecasts with 80 % and 95 % intervals, and their backtest).
# Every figure in the text is computed in the cell that prints it; a figure printed in a report
# shows its sentence on hover and is listed under Sources at the end.

# %% [markdown] tags=["title-vi"]
# # Xu hướng và dự báo

# %% [markdown] tags=["lang-vi"]
# Bốn báo cáo mỗi kỳ cho một tháng, một số lũy kế và một tốc độ tăng (tháng 11 và 11 tháng năm 2025;
# 6 tháng đầu năm 2025; tháng 1/2026; tháng 5 và 5 tháng năm 2026), chưa phải một chuỗi số liệu tháng.
# Trang này trình bày những gì vẫn nói được: mức năm trước suy từ tốc độ tăng, kế hoạch suy từ "% kế
# hoạch", khả năng hoàn thành kế hoạch cả năm, các cách ước đó đã chính xác đến đâu trên số liệu năm
# 2025, và vì sao chuỗi số liệu của tỉnh còn quá ngắn để lập mô hình. Mô hình được áp dụng ở nơi có đủ
# lịch sử, trên các chuỗi tháng của cả nước (mục 6: phân rã, dự báo với khoảng 80 % và 95 %, và kiểm
# định). Mọi con số trong bài được tính ở ô in ra nó; số lấy từ báo cáo hiện câu nguồn khi di chuột và
# được liệt kê trong mục Nguồn ở cuối trang.

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

from lsreports.publish import labels
from lsreports.publish.i18n import pick
from lsreports.analysis.tsa.backtest import stored_scores, winners
from lsreports.publish.page import BriefingPage
from lsreports.publish.year_end_chart import plan_view, year_end_chart

charts.use_report_style()
page = BriefingPage("trends")  # the page's citations: every report figure in a sentence links to Sources
pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 70)
obs = observations()
catalogue = indicators().set_index("indicator_id")
printed = obs.loc[~obs["derived"]]

# %% [markdown] tags=["lang-en"]
# ## Findings

# %% [markdown] tags=["lang-vi"]
# ## Kết quả chính

# %%
projections = checked_projections(obs, 2026)  # with the flags each year end rests on
with_target = projections.loc[projections["target_kind"] != ""]
scores = stored_scores()
best = winners(scores)
national_rows = national_observations()
names_here = labels.indicator_names(pd.concat([catalogue.reset_index(), indicators(national=True)]))
page.say(text.findings(with_target, best, text.country_latest(national_rows, "vn_retail_sales"), names_here,
                       page.figure, page.derived))

# %% [markdown] tags=["lang-en"]
# ## 1. Where 2026 is heading, against plan
#
# Each indicator's latest 2026 year to date (January, 5 months, or to a stated day in
# May) is projected to the year's end. The growth-based nowcast, the default, carries last
# year's full-year level forward at the growth printed beside the year to date; last year's
# level is printed, or is 11 months of 2025 with December estimated at the monthly average
# (the assumption is stated in the row). Pro-rata is the fallback and the baseline. Stocks
# and one-off distributions are not projected.

# %% [markdown] tags=["lang-vi"]
# ## 1. Năm 2026 sẽ về đích ra sao so với kế hoạch
#
# Số lũy kế mới nhất của năm 2026 ở từng chỉ tiêu (tháng 1, 5 tháng, hoặc đến một ngày trong tháng 5)
# được ước đến cuối năm. Phương pháp mặc định là ước theo tốc độ tăng: lấy mức cả năm trước nhân với
# tốc độ tăng so với cùng kỳ in cạnh số lũy kế; mức năm trước là số đã in, hoặc là 11 tháng năm 2025
# cộng tháng 12 ước bằng bình quân tháng (giả định ghi trong từng dòng). Ước theo tỷ lệ thời gian là
# phương án dự phòng và mốc so sánh. Chỉ tiêu thời điểm và các khoản phân bổ một lần không được ước.

# %%
display(Markdown(text.projection_overview(projections)))

# %% [markdown] tags=["lang-en"]
# Pro-rata ignores seasonality; where both can be computed, it contradicts the growth
# printed beside the year to date.

# %% [markdown] tags=["lang-vi"]
# Ước theo tỷ lệ thời gian bỏ qua tính mùa vụ; ở chỉ tiêu tính được cả hai cách, kết quả này mâu thuẫn
# với tốc độ tăng in cạnh số lũy kế.

# %%
display(Markdown(text.prorata_gap(projections)))
page.projection(text.projection_of(projections, "tourism_visitors"), names_here["tourism_visitors"])

# %%
view = plan_view(with_target, catalogue)
charts.show(year_end_chart(view, pick("2026: year to date and projected year end against plan",
                                      "Năm 2026: lũy kế và ước cả năm so với kế hoạch"),
                           charts.source_line(view["source_doc"], reports()),
                           pick("% of the 2026 plan or budget estimate\n(implied by value / % of plan)",
                                "% kế hoạch hoặc dự toán năm 2026\n(suy từ giá trị / % kế hoạch)")))

# %%
display(Markdown(text.verdict_counts(with_target, VERDICT_RULE)))
with_target[["indicator_id", "ytd_end", "ytd_value", "unit", "method", "projection", "lower", "upper",
             "target_kind", "target_value", "projected_pct_of_target", "verdict", "confidence"]].round(
    {"ytd_value": 1, "projection": 1, "lower": 1, "upper": 1, "target_value": 1, "projected_pct_of_target": 1})

# %% [markdown] tags=["lang-en"]
# ### The pace still needed
#
# For each 2026 target: the monthly level needed over the rest of the year, against the pace
# so far and against last year's pace over the same months (where last year's levels are known).

# %% [markdown] tags=["lang-vi"]
# ### Nhịp độ còn cần đạt
#
# Với mỗi mục tiêu năm 2026: mức bình quân tháng cần đạt trong những tháng còn lại, so với nhịp độ từ đầu
# năm và với nhịp độ cùng kỳ năm trước (ở chỉ tiêu có số năm trước).

# %%
pace = pace_needed(projections).drop_duplicates("indicator_id")
display(Markdown(text.pace_summary(pace)))
pace[["indicator_id", "target_kind", "unit", "months_remaining", "pace_so_far", "pace_needed", "last_year_pace",
      "needed_vs_so_far", "needed_vs_last_year"]].round(2)

# %% [markdown] tags=["lang-en"]
# ### Cumulative against plan, month by month
#
# The printed "% of plan" of every year to date (unit-free: it survives a level printed in the
# wrong unit), against a straight on-pace line and last year's path where known.

# %% [markdown] tags=["lang-vi"]
# ### Lũy kế so với kế hoạch, theo từng tháng
#
# Tỷ lệ "% kế hoạch" in trong báo cáo của mỗi kỳ lũy kế (không phụ thuộc đơn vị tính, nên vẫn dùng được
# khi số tuyệt đối bị in nhầm đơn vị), so với đường tiến độ đều và với diễn biến năm trước nếu có.

# %%
paths = plan_paths(obs, ["pubinv_disbursed_current", "prod_rosin", "tourism_visitors"])
charts.show(charts.plan_path_chart(paths, catalogue.reset_index(), pick("Cumulative % of the year's plan", "Lũy kế % kế hoạch năm"),
                                   charts.source_line(paths["source_doc"], reports())))
page.say(text.backloading(paths, page.figure))

# %% [markdown] tags=["lang-en"]
# ## 2. How well would these projections have done? (backtest)
#
# Four pairs of printed years to date can be scored: the first half of 2025 (report 001)
# against 11 months of 2025 (report 000); January 2026 (report 004) against 5 months of 2026
# (report 003); 11 months of 2025 against the whole of 2025 (public texts of early 2026); and
# 4 against 9 months of 2019 (provincial portal). Each later level is projected from the
# earlier one, pro-rata and growth-based, and compared with the printed figure.

# %% [markdown] tags=["lang-vi"]
# ## 2. Các cách ước này đã chính xác đến đâu? (kiểm định ngược)
#
# Có bốn cặp số lũy kế đã in để chấm điểm: 6 tháng đầu năm 2025 (báo cáo 001) so với 11 tháng năm 2025
# (báo cáo 000); tháng 1/2026 (báo cáo 004) so với 5 tháng năm 2026 (báo cáo 003); 11 tháng so với cả năm
# 2025 (văn bản công khai đầu năm 2026); 4 tháng so với 9 tháng năm 2019 (cổng thông tin của tỉnh). Mức
# của kỳ sau được ước từ kỳ trước, theo tỷ lệ thời gian và theo tốc độ tăng, rồi so với số đã in.

# %%
backtest = backtest_pairs(obs)
by_pair = backtest.attrs["by_pair"]
display(Markdown(text.backtest_summary(by_pair, CAVEATS)))
backtest[["pair", "indicator_id", "unit", "base_value", "base_yoy_pct", "target_value", "target_yoy_pct",
          "prorata_projection", "growth_projection", "prorata_ape", "growth_ape", "flags"]].round(1)

# %%
charts.show(trends_charts.backtest_chart(
    trends_charts.backtest_errors(backtest, next(iter(by_pair))), catalogue,
    pick("Backtest: 11 months of 2025 projected from the first half", "Kiểm định: ước 11 tháng năm 2025 từ số 6 tháng"),
    pick("absolute error of the projected 11-month 2025 level, %", "sai số tuyệt đối của mức 11 tháng năm 2025 ước được, %"),
    reports()))

# %% [markdown] tags=["lang-en"]
# The bands of section 1 come from these errors: each is scaled to a whole year remaining
# (divided by the share of the target period still to come) and the 80th percentile is
# taken, by domain where a domain has enough scored errors.

# %% [markdown] tags=["lang-vi"]
# Khoảng dao động ở mục 1 lấy từ các sai số này: mỗi sai số được quy về trường hợp còn nguyên một năm
# (chia cho phần kỳ mục tiêu còn lại) rồi lấy phân vị 80, theo từng lĩnh vực nếu lĩnh vực đó có đủ sai số.

# %%
widths = band_widths(backtest, catalogue["domain"])
display(Markdown(text.band_summary(widths)))
widths.round(1)

# %% [markdown] tags=["lang-en"]
# ### The methods side by side, with the national profile
#
# A third method borrows the country's seasonal profile: the later level is the year to date
# divided by the share of the same months in the national series (GSO tables joined with the
# statistics office's releases) of the three latest complete years *before* the year projected,
# so the 2025 pairs use national data up to 2024 only. The oracle uses the projected year's own
# national profile (look-ahead): a bound, shown only where the national data cover that year.

# %% [markdown] tags=["lang-vi"]
# ### So sánh các phương pháp, thêm cấu trúc mùa vụ cả nước
#
# Phương pháp thứ ba mượn cấu trúc mùa vụ của cả nước: mức kỳ sau bằng số lũy kế chia cho tỷ trọng của
# cùng các tháng đó trong chuỗi cả nước (biểu của Tổng cục Thống kê nối với các báo cáo tháng của Cục Thống
# kê) của ba năm đầy đủ gần nhất *trước* năm được ước, nên các cặp năm 2025 chỉ dùng số liệu cả nước đến năm
# 2024. Phương án "biết trước" dùng chính cấu trúc của năm được ước (nhìn trước tương lai): chỉ là một giới
# hạn, chỉ hiện khi số liệu cả nước có năm đó.

# %%
national = national_observations()
methods = compare_methods(backtest, national_backtest(backtest, national))
medians = methods.attrs["medians"].set_index("pair")
display(Markdown(text.method_comparison(medians, next(iter(by_pair)))))
medians.round(1)

# %%
methods.attrs["per_indicator"].round(1)

# %% [markdown] tags=["lang-en"]
# For 2026, the national profile's year end beside the other two, for the indicators with a
# national counterpart. The profile is the three latest years before 2026 that the national
# series give whole (`profile_years`: 2023-2025 where the releases give 2025 whole), and the
# national months of 2026 published before the month the province's year to date ends enter
# as printed (`known_months`), the rest of the year following the profile scaled by the
# country's growth over the last 12 months (`trailing_growth`); 0 known months is the profile alone.

# %% [markdown] tags=["lang-vi"]
# Với năm 2026, ước cả năm theo cấu trúc cả nước bên cạnh hai cách kia, cho các chỉ tiêu có chuỗi tương
# ứng của cả nước. Cấu trúc là của ba năm gần nhất trước 2026 mà chuỗi cả nước có đủ (`profile_years`:
# 2023-2025 nơi các báo cáo tháng cho đủ năm 2025); các tháng năm 2026 của cả nước đã công bố trước tháng
# kết thúc số lũy kế của tỉnh được dùng đúng như số in (`known_months`), phần còn lại của năm theo cấu trúc,
# nhân với tốc độ tăng 12 tháng gần nhất của cả nước (`trailing_growth`); 0 tháng là chỉ dùng cấu trúc.

# %%
national_2026 = national_year_end(projections, national).merge(
    projections.drop_duplicates("indicator_id")[["indicator_id", "prorata_projection", "growth_projection"]],
    on="indicator_id")
national_2026[["indicator_id", "ytd_end", "ytd_value", "national_ids", "profile_years", "known_months",
               "trailing_growth", "national_share", "national_projection", "growth_projection",
               "prorata_projection"]].round({"trailing_growth": 3, "national_share": 3, "national_projection": 3,
                                             "growth_projection": 3, "prorata_projection": 3})

# %% [markdown] tags=["lang-en"]
# ## 3. Checks across report vintages
#
# Combining two reports implies the months between their years to date (June 2025 = first
# half, report 001, minus 5 months of 2025 implied by report 003's growth rate). Each implied
# span's monthly average is compared with the year's other months; a ratio of 2 or more (or
# ½ or less) is flagged with the arithmetic. A flag says the figures do not fit one series (a
# revision, a change of coverage, a typo, or a real surge); it does not say which is wrong.

# %% [markdown] tags=["lang-vi"]
# ## 3. Đối chiếu giữa các kỳ báo cáo
#
# Ghép hai báo cáo suy ra được các tháng nằm giữa hai kỳ lũy kế (tháng 6/2025 = 6 tháng, báo cáo 001, trừ
# 5 tháng năm 2025 suy từ tốc độ tăng của báo cáo 003). Bình quân tháng của mỗi khoảng suy ra được so với
# các tháng khác trong năm; tỷ lệ từ 2 lần trở lên (hoặc từ ½ trở xuống) được đánh dấu kèm phép tính. Dấu
# này cho biết các số không khớp thành một chuỗi (do điều chỉnh, thay đổi phạm vi, lỗi in hoặc tăng đột
# biến thật), không cho biết số nào sai.

# %%
spans = vintage_spans(obs)
display(Markdown(text.vintage_flags(spans, OUTLIER_RATIO, MIN_OTHER_MONTHS, names_here)))

# %% [markdown] tags=["lang-en"]
# ## 4. Derived series
#
# Each derived row carries its formula; none replaces a printed figure.

# %% [markdown] tags=["lang-vi"]
# ## 4. Chuỗi suy ra
#
# Mỗi dòng suy ra kèm công thức; không dòng nào thay thế số đã in.

# %%
derived = derived_rows(obs)
display(Markdown(text.derived_summary(len(printed), derived, list(SHARE_INDICATORS), set(catalogue.index))))
text.derived_example(derived, ["trade_declared", "trade_declared_plan"])

# %% [markdown] tags=["lang-en"]
# Where a derivation and a printed figure cover the same period, they are compared
# instead (the consistency checks flag gaps above 1 %).

# %% [markdown] tags=["lang-vi"]
# Khi một số suy ra và một số đã in cùng kỳ, hai số được đối chiếu với nhau (kiểm tra nhất quán đánh dấu
# chênh lệch trên 1 %).

# %%
comparison = compare_derived_with_printed(obs)
display(Markdown(text.derived_against_printed(comparison)))
comparison[["indicator_id", "start", "end", "derivation", "derived_value", "printed_value", "diff_pct"]]

# %% [markdown] tags=["lang-en"]
# ## 5. Monthly series: can a model be fitted?
#
# A monthly series is built from the month rows of each indicator (the latest report
# wins where two print the same month); gaps are reported, never filled.

# %% [markdown] tags=["lang-vi"]
# ## 5. Chuỗi tháng: đã đủ để lập mô hình chưa?
#
# Chuỗi tháng của mỗi chỉ tiêu được lập từ các dòng số liệu tháng (khi hai báo cáo cùng in một tháng thì
# lấy báo cáo mới hơn); tháng thiếu được nêu ra, không bù.

# %%
display(Markdown(text.minimum_lengths(STL_MIN_LENGTH, MIN_LENGTHS)))
qualify = qualification(obs)
display(Markdown(text.qualification_summary(qualify)))

# %% [markdown] tags=["lang-en"]
# The fallback is to show the months as they are, with the gaps left visible.

# %% [markdown] tags=["lang-vi"]
# Phương án dự phòng là trình bày các tháng như đã có, để trống các tháng thiếu.

# %%
charts.show(trends_charts.monthly_panels(obs, text.longest_series(qualify), catalogue,
                                         pick("Monthly levels printed in the reports (gaps left empty)",
                                              "Số liệu tháng in trong các báo cáo (tháng thiếu để trống)"), reports()))

# %% [markdown] tags=["lang-en"]
# ## 6. The country's monthly series: decomposition, forecasts and their backtest
#
# The province's series are too short for any model, so the methods are fitted where
# history exists: the General Statistics Office's national monthly tables (vendored with
# their provenance in `data/raw/national.csv`; every figure quotes the cell it was read
# from), and after them the statistics office's monthly releases as the press reprinted them
# (each figure quoting its clause; `docs/national.md`). Each model runs on the logarithm of
# the level, a month no release covers filled by log-linear interpolation; forecasts carry
# 80 % and 95 % prediction intervals.

# %% [markdown] tags=["lang-vi"]
# ## 6. Chuỗi tháng của cả nước: phân rã, dự báo và kiểm định
#
# Chuỗi của tỉnh quá ngắn cho mọi mô hình, nên các phương pháp được áp dụng ở nơi có đủ lịch sử: biểu
# số liệu tháng của Tổng cục Thống kê (lưu kèm nguồn gốc trong `data/raw/national.csv`; mỗi số trích
# ô biểu đã đọc), sau đó là các thông cáo tháng của cơ quan thống kê do báo chí đăng lại (mỗi số trích
# câu nguồn; `docs/national.md`). Mỗi mô hình chạy trên logarit của mức; tháng không có thông cáo được
# nội suy log-tuyến tính; dự báo kèm khoảng dự báo 80 % và 95 %.

# %%
from lsreports.analysis.tsa.country import national_summary
from lsreports.analysis.tsa.decompose import decompose, tet_effect
from lsreports.analysis.tsa.forecast import forecast
from lsreports.analysis.tsa.backtest import BACKTEST_SERIES, ORIGINS, default_method, stored_scores, winners
from lsreports.analysis.tsa.series import indicator_series
from lsreports.publish import forecast_charts, labels
from lsreports.sources.national_join import reach

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

# %% [markdown] tags=["lang-en"]
# ### The province beside the country, each report's year to date
#
# For each report's year to date, the province's growth as printed beside the country's as
# the statistics office's release prints it for the same months (state investment: the share
# of the year's plan); where no release for those months is stored, the sentence says how far
# the country's figures reach.

# %% [markdown] tags=["lang-vi"]
# ### Tỉnh bên cạnh cả nước, theo kỳ lũy kế của từng báo cáo
#
# Với mỗi kỳ lũy kế của báo cáo, tốc độ tăng của tỉnh như đã in bên cạnh tốc độ của cả nước theo thông
# cáo của cơ quan thống kê cho cùng các tháng (vốn đầu tư nhà nước: tỷ lệ so với kế hoạch năm); khi chưa
# lưu thông cáo cho các tháng đó, câu văn cho biết số liệu cả nước có đến đâu.

# %%
from IPython.display import HTML
from lsreports.publish.country_section import years_to_date_text

display(HTML(years_to_date_text(obs, writer=page.cites)))

# %% [markdown] tags=["lang-en"]
# ### Trend, seasonal pattern and remainder (STL)
#
# Robust STL on the log level: the seasonal panel reads as percent above or below trend
# for each calendar month; the remainder is what neither explains (2020-2021's lockdowns
# stand out).

# %% [markdown] tags=["lang-vi"]
# ### Xu hướng, mùa vụ và phần dư (STL)
#
# STL bền vững trên logarit của mức: ô mùa vụ đọc là phần trăm cao hơn hay thấp hơn xu hướng ở từng
# tháng trong năm; phần dư là phần không giải thích được (thời kỳ giãn cách 2020-2021 nổi rõ).

# %%
decompositions = {i: decompose(history[i]) for i in SHOWN}
fig = forecast_charts.decomposition_grid(decompositions, names, unit_labels)
charts.add_source(fig, pick(f"Source: GSO monthly tables to {tables_end:%m/%Y} (data/raw/national.csv), the statistics "
                            f"office's releases to {last_month:%m/%Y} (data/raw/reports.csv)",
                            f"Nguồn: biểu số liệu tháng của Tổng cục Thống kê đến {tables_end:%m/%Y} (data/raw/national.csv), "
                            f"thông cáo của cơ quan thống kê đến {last_month:%m/%Y} (data/raw/reports.csv)"))
charts.show(fig)

# %% [markdown] tags=["lang-en"]
# ### Tết
#
# Tết moves between January and February. Regressing the January-February remainder on
# each month's Tết holiday days measures its pull; the backtest compares SARIMA with and
# without that regressor.

# %% [markdown] tags=["lang-vi"]
# ### Tết
#
# Tết rơi vào tháng 1 hoặc tháng 2. Hồi quy phần dư của tháng 1-2 theo số ngày nghỉ Tết của mỗi tháng
# đo tác động của Tết; kiểm định so sánh SARIMA có và không có biến này.

# %%
tet = text.tet_table(pd.DataFrame({i: tet_effect(indicator_series(national_rows, i)) for i in BACKTEST_SERIES}).T,
                     scores)
display(Markdown(text.tet_summary(tet)))
tet[["pct_per_day", "t_stat", "sd_before", "sd_after", "sarima_mase", "sarima_tet_mase"]].round(3)

# %% [markdown] tags=["lang-en"]
# ### Rolling-origin backtest
#
# Every month of 2019-2024 is an origin; each method forecasts the next 1-12 months from
# the data to that origin and is scored against what was tabulated later. MASE below 1
# beats the in-sample "same month last year"; coverage should be near 80 and 95.
# Computed by `benchmarks/forecast_backtest.py` (results in `benchmarks/results/`).

# %% [markdown] tags=["lang-vi"]
# ### Kiểm định dự báo với điểm gốc trượt
#
# Mỗi tháng của giai đoạn 2019-2024 là một điểm gốc; mỗi phương pháp dự báo 1-12 tháng tiếp theo từ số
# liệu đến điểm gốc và được chấm theo số liệu công bố sau. MASE dưới 1 là tốt hơn cách "cùng tháng năm
# trước" trong mẫu; tỷ lệ bao phủ nên gần 80 và 95. Tính bằng `benchmarks/forecast_backtest.py` (kết
# quả trong `benchmarks/results/`).

# %%
display(Markdown(text.backtest_winners(scores, best, ORIGINS, names_here)))
scores.pivot(index="series", columns="method", values="mase").round(2).assign(winner=best)

# %%
coverage = scores.pivot(index="series", columns="method", values="coverage_95").round(0)
display(Markdown(text.coverage_summary(scores)))
coverage

# %% [markdown] tags=["lang-en"]
# ### Forecasts from each series' latest month, by its winning method

# %% [markdown] tags=["lang-vi"]
# ### Dự báo từ tháng mới nhất của mỗi chuỗi, theo phương pháp tốt nhất của chuỗi

# %%
forecasts = {i: forecast(history[i], default_method(i, scores)) for i in SHOWN}
titles = {i: f"{names[i]}\n{unit_labels[i]}; {pick('method', 'phương pháp')} {forecasts[i].method}" for i in SHOWN}
fig = forecast_charts.forecast_grid(history, forecasts, titles)
charts.add_source(fig, pick(f"Source: GSO monthly tables to {tables_end:%m/%Y}, the statistics office's releases to "
                            f"{last_month:%m/%Y}; forecasts with 80 % and 95 % intervals",
                            f"Nguồn: biểu số liệu tháng của Tổng cục Thống kê đến {tables_end:%m/%Y}, thông cáo của cơ "
                            f"quan thống kê đến {last_month:%m/%Y}; dự báo với khoảng 80 % và 95 %"))
charts.show(fig)
display(Markdown(text.forecast_lines(forecasts, names)))

# %% [markdown] tags=["lang-en"]
# ## Appendix: why each monthly series does or does not qualify for a model

# %% [markdown] tags=["lang-vi"]
# ## Phụ lục: vì sao mỗi chuỗi tháng đủ hoặc chưa đủ điều kiện lập mô hình

# %%
qualify.drop(columns=["stl_ok", "forecast_ok"])

# %% [markdown] tags=["lang-en"]
# ## Appendix: why a 2026 projection falls back to pro-rata

# %% [markdown] tags=["lang-vi"]
# ## Phụ lục: vì sao ước năm 2026 phải dùng tỷ lệ thời gian

# %%
projections.drop_duplicates("indicator_id").query("method == 'pro_rata'")[["indicator_id", "ytd_end", "reason"]]

# %%
page.sources()
