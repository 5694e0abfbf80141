# %% [markdown]
# # State budget and public investment
#
# Version: 1.6.0
#
# Changelog:
# - 1.6.0 (2026-12-07): every figure of the computed sentences (latest levels, the import-export share, the
#   contributions to growth, the country's growth) shows its quote and report on hover and is listed
#   under Sources; derived figures show their formula; shares of the estimate and of the capital plan
#   in one panel per length of period (a January share never stands beside an 11-month one).
# - 1.5.0 (2026-12-02): The country as context: the GSO's national series of the same concepts
#   (long-run growth, seasonal pattern by month with seaborn, the province beside the country where periods coincide).
# - 1.4.0 (2026-12-02): contributions of the parts to the total's growth, in percentage points;
#   cumulative disbursement against plan, month by month.
# - 1.3.0 (2026-12-02): key figures first (with the year end against plan and what the latest
#   report changed); every figure of the headline table shows its quote and report on hover and
#   links to a Sources appendix; charts split periods of different lengths into panels.
# - 1.2.0 (2026-12-02): year-end projection growth-based where last year's level is known
#   (pro-rata the fallback), with a band from the backtest errors and a banded verdict.
# - 1.1.0 (2026-11-23): year-end projection from the year to date against plan.
# - 1.0.0 (2026-11-23): first version: headline table, revenue by source against the central and
#   provincial estimates, local spending, public-investment disbursement against plan.
#
# Figures come from `data/curated/observations.csv`; every printed number carries its quote.


# %% [markdown] tags=["title-vi"]
# # Ngân sách nhà nước và đầu tư công

# %%
from IPython.display import HTML, display

import lsreports as ls
from lsreports.publish.i18n import pick
from lsreports.publish import charts
from lsreports.publish.page import BriefingPage
from lsreports.publish.headline import select

charts.use_report_style()
obs, catalogue, manifest = ls.observations(), ls.indicators(), ls.reports()
budget = ls.load("budget", measure=None)

# %% [markdown] tags=["lang-en"]
# ## Key figures

# %% [markdown] tags=["lang-vi"]
# ## Số liệu chính

# %%
page = BriefingPage("budget")
page.key_figures()

# %% [markdown] tags=["lang-en"]
# ## Headline: the latest period of each indicator

# %% [markdown] tags=["lang-vi"]
# ## Kỳ mới nhất của từng chỉ tiêu

# %%
ids = ["budget_revenue_total", "budget_revenue_domestic", "budget_revenue_trade", "budget_spending_total",
       "budget_spending_balanced", "budget_spending_targeted", "pubinv_disbursed", "pubinv_disbursed_current"]
page.headline(ids)

# %%
page.sentences(["budget_revenue_total", "budget_spending_total", ("pubinv_disbursed_current", "pubinv_disbursed")])

# %% [markdown] tags=["lang-en"]
# ## Revenue: domestic (*thu nội địa*) and from import-export activities (*thu từ hoạt động xuất nhập khẩu*)
#
# Year-to-date revenue by source. Import-export revenue follows the border trade closely.

# %% [markdown] tags=["lang-vi"]
# ## Thu ngân sách: thu nội địa và thu từ hoạt động xuất nhập khẩu
#
# Số thu lũy kế từ đầu năm theo nguồn. Thu từ hoạt động xuất nhập khẩu biến động sát với thương mại qua biên giới.

# %%
levels = budget.loc[budget["measure"] == "value"]
revenue = select(levels, ["budget_revenue_domestic", "budget_revenue_trade"], ("ytd", "month"))
charts.show(charts.bars_by_period(revenue, pick("State budget revenue by source", "Thu ngân sách theo nguồn"),
                                  charts.source_line(revenue["source_doc"], manifest)))

# %%
page.shares(select(levels, ["budget_revenue_trade", "budget_revenue_total"], ("ytd", "month")),
            "budget_revenue_trade", "budget_revenue_total", pick("import-export revenue was", "thu từ hoạt động xuất nhập khẩu chiếm"))

# %% [markdown] tags=["lang-en"]
# ## Revenue against the budget estimates (*dự toán*): central (*Trung ương giao*) and provincial (*tỉnh giao*)

# %% [markdown] tags=["lang-vi"]
# ## Thu ngân sách so với dự toán Trung ương giao và dự toán tỉnh giao

# %%
estimates = budget.loc[budget["measure"].isin(["est_central_pct", "est_local_pct"])
                       & (budget["indicator_id"] == "budget_revenue_total")]
estimates = estimates.assign(label=estimates["period"].astype(str) + " · " + estimates["measure"].map(
    {"est_central_pct": pick("central estimate", "dự toán Trung ương"), "est_local_pct": pick("provincial estimate", "dự toán tỉnh")}))
charts.show(charts.change_bars(estimates, pick("Total revenue collected: share of the year's estimate", "Tổng thu ngân sách: so với dự toán năm"),
                               charts.source_line(estimates["source_doc"], manifest), label_column="label",
                               xlabel=pick("% of the year's estimate", "% dự toán năm")))

# %% [markdown] tags=["lang-en"]
# ## Local spending (*chi ngân sách địa phương*)

# %% [markdown] tags=["lang-vi"]
# ## Chi ngân sách địa phương

# %%
spending = select(levels, ["budget_spending_total", "budget_spending_balanced", "budget_spending_targeted"],
                  ("ytd", "month"))
charts.show(charts.bars_by_period(spending, pick("Local budget spending", "Chi ngân sách địa phương"),
                                  charts.source_line(spending["source_doc"], manifest)))

# %% [markdown] tags=["lang-en"]
# ## Public-investment disbursement (*giải ngân vốn đầu tư công*) against the capital plan

# %% [markdown] tags=["lang-vi"]
# ## Giải ngân vốn đầu tư công so với kế hoạch vốn

# %%
disbursed = budget.loc[(budget["measure"] == "plan_pct") & budget["indicator_id"].str.startswith("pubinv")]
disbursed = disbursed.assign(label=disbursed["period"].astype(str) + " · " + disbursed["name_en"].str.replace(
    "Public investment disbursed", "disbursed", regex=False).str.slice(0, 60))
charts.show(charts.change_bars(disbursed, pick("Public investment disbursed: share of the capital plan", "Giải ngân vốn đầu tư công: so với kế hoạch vốn"),
                               charts.source_line(disbursed["source_doc"], manifest), label_column="label",
                               xlabel=pick("% of the capital plan", "% kế hoạch vốn")))

# %% [markdown] tags=["lang-en"]
# ## Contributions to growth
#
# Where a total and its parts are printed with growth rates, each part's contribution in
# percentage points: (part − part a year earlier) ÷ the total a year earlier, the year-earlier
# levels implied by the printed rates. The residual is what the printed figures leave unexplained
# (parts without a rate, rounding). Method: `help(lsreports.analysis.checks.contributions.contributions)`.

# %% [markdown] tags=["lang-vi"]
# ## Đóng góp vào tăng trưởng
#
# Khi tổng và các thành phần đều có tốc độ tăng, đóng góp của từng thành phần tính bằng điểm phần trăm:
# (thành phần − thành phần cùng kỳ) ÷ tổng cùng kỳ, mức cùng kỳ suy ra từ tốc độ đã in. Phần dư là phần
# các số liệu đã in không giải thích được (thành phần không có tốc độ, làm tròn).

# %%
from lsreports.analysis.checks.contributions import contributions

growth_parts = contributions(obs)
page.contributions(growth_parts, "budget_revenue_total", pick("State budget revenue:", "Thu ngân sách nhà nước:"))

# %% [markdown] tags=["lang-en"]
# ## Year-end projection from the year to date
#
# The growth-based nowcast (the default where last year's level is known) carries last year's
# full-year level forward at the growth printed beside the year to date; last year's level is
# printed, or 11 months with December estimated at the monthly average (stated in the row).
# Pro-rata (the year to date scaled by the share of the year elapsed) is the fallback, with the
# reason. The band comes from the 2025-2026 backtest errors; the verdict is "on track" only when the
# whole band clears 100 % of the plan, "off track" when it stays below, else "in doubt".
# Plans and estimates are the ones implied by "% kế hoạch" / "% dự toán".
# The method and its assumptions: `help(lsreports.analysis.yearend.projection.year_end_projections)`.

# %% [markdown] tags=["lang-vi"]
# ## Ước tính cả năm từ số lũy kế
#
# Phương pháp mặc định (theo tốc độ tăng, khi đã biết mức của năm trước) lấy mức cả năm của năm trước
# nhân với tốc độ tăng lũy kế in trong báo cáo; mức năm trước là số đã in, hoặc 11 tháng cộng tháng 12
# ước bằng bình quân tháng (ghi rõ trong từng dòng). Phương pháp theo tỷ lệ thời gian (số lũy kế chia cho
# phần năm đã qua) là phương án dự phòng, có nêu lý do. Khoảng dao động lấy từ sai số kiểm định quá khứ
# 2025-2026; đánh giá là "có khả năng đạt" khi cả khoảng vượt 100 % kế hoạch, "khó đạt" khi cả khoảng
# dưới 100 %, còn lại là "chưa chắc chắn". Kế hoạch và dự toán là các mức suy ra từ "% kế hoạch" / "% dự toán".

# %%
from lsreports.publish.headline import projection_table
from lsreports.analysis.checks.flags import checked_projections

projections = checked_projections(obs)  # with the flags each year end rests on
projection_table(projections, catalogue, ["budget_revenue_total", "budget_revenue_domestic", "budget_revenue_trade", "budget_spending_total", "pubinv_disbursed_current"])

# %% [markdown] tags=["lang-en"]
# ## Cumulative disbursement against plan, month by month
#
# The printed "% of plan" of each year to date (unit-free), against a straight on-pace line.
# Public investment is back-loaded: the year's plan is still being disbursed in January of the
# next year.

# %% [markdown] tags=["lang-vi"]
# ## Giải ngân lũy kế so với kế hoạch, theo từng tháng
#
# Tỷ lệ "% kế hoạch" đã in của từng kỳ lũy kế, so với đường tiến độ đều. Vốn đầu tư công dồn về cuối năm:
# kế hoạch của năm vẫn tiếp tục được giải ngân trong tháng 1 năm sau.

# %%
from lsreports.analysis.yearend.pace import plan_paths
from lsreports.publish.charts import plan_path_chart

paths = plan_paths(obs, ["pubinv_disbursed_current", "pubinv_disbursed"])
charts.show(plan_path_chart(paths, catalogue, pick("Public investment disbursed: cumulative % of the year's plan", "Giải ngân vốn đầu tư công: % kế hoạch năm lũy kế"),
                            charts.source_line(paths["source_doc"], manifest)))

# %% [markdown] tags=["lang-en"]
# ## The country as context
#
# The same concepts nationwide, from the General Statistics Office's monthly tables: their
# long-run growth, their seasonal pattern month by month, and, where a provincial figure
# covers exactly the same period, the province beside the country.

# %% [markdown] tags=["lang-vi"]
# ## Bối cảnh cả nước
#
# Các chỉ tiêu tương ứng của cả nước, theo bảng số liệu tháng của Tổng cục Thống kê: tốc độ tăng dài hạn,
# tính mùa vụ theo từng tháng và, khi số liệu của tỉnh cùng kỳ, so sánh tỉnh với cả nước.

# %%
from lsreports.publish.country_section import beside_table

context = page.country(["pubinv_disbursed", "pubinv_disbursed_current", "pubinv_disbursed_local",
                        "pubinv_disbursed_central"])
display(HTML(context.text))
charts.show(context.figure)
beside_table(context.beside)

# %%
page.sources()
