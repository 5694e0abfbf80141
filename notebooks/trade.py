# %% [markdown]
# # Trade through Lạng Sơn's border gates
#
# Version: 1.7.0
#
# Changelog:
# - 1.7.0 (2026-12-07): every figure of the computed sentences (latest levels, the declared share, the contributions
#   to growth, the country's growth) shows its quote and report on hover and is listed under Sources;
#   derived figures show their formula; shares of plan of different lengths in panels of their own.
# - 1.6.0 (2026-12-02): The country as context: the GSO's national series of the same concepts
#   (long-run growth, seasonal pattern by month with seaborn, the province beside the country where periods coincide).
# - 1.5.0 (2026-12-02): what the data holds for trade (`ls.catalog()`) and the all-types turnover by
#   month (`ls.series()`, derived months marked), drawn with seaborn.
# - 1.4.0 (2026-12-02): contributions of the parts to the total's growth, in percentage points.
# - 1.3.0 (2026-12-02): key figures first (with the year end against plan and what the latest
#   report changed); every figure of the headline table shows its quote and report on hover and
#   links to a Sources appendix; charts split periods of different lengths into panels.
# - 1.2.0 (2026-12-02): year-end projection growth-based where last year's level is known
#   (pro-rata the fallback), with a band from the backtest errors and a banded verdict.
# - 1.1.0 (2026-11-23): year-end projection from the year to date against plan.
# - 1.0.0 (2026-11-23): first version: headline table, all-types turnover against goods declared at
#   Lạng Sơn customs, exports against imports, local exports.
#
# Every figure below is computed from `data/curated/observations.csv`; each printed number there
# carries the sentence of the report it came from.


# %% [markdown] tags=["title-vi"]
# # Thương mại qua các cửa khẩu của Lạng Sơn

# %%
from IPython.display import HTML, Markdown, display

import lsreports as ls
from lsreports.publish.i18n import pick
from lsreports.publish import charts
from lsreports.publish.page import BriefingPage
from lsreports.publish.headline import select

charts.use_report_style()
obs, catalogue, manifest = ls.observations(), ls.indicators(), ls.reports()
trade = ls.load("trade")

# %% [markdown] tags=["lang-en"]
# ## Key figures

# %% [markdown] tags=["lang-vi"]
# ## Số liệu chính

# %%
page = BriefingPage("trade")
page.key_figures()

# %% [markdown] tags=["lang-en"]
# ## Headline: the latest period of each indicator

# %% [markdown] tags=["lang-vi"]
# ## Kỳ mới nhất của từng chỉ tiêu

# %%
ids = ["trade_total", "trade_total_export", "trade_total_import", "trade_declared", "trade_declared_export",
       "trade_declared_import", "trade_local_export", "trade_platform_vehicles"]
page.headline(ids)

# %%
page.sentences(["trade_total", "trade_declared", "trade_local_export"])

# %% [markdown] tags=["lang-en"]
# ## All-types turnover (*tổng kim ngạch qua địa bàn*) against goods declared at Lạng Sơn customs (*mở tờ khai tại Lạng Sơn*)
#
# The all-types turnover counts every form of trade through the province's gates; the declared
# turnover only goods whose customs declarations were opened in Lạng Sơn. Year-to-date periods.

# %% [markdown] tags=["lang-vi"]
# ## Tổng kim ngạch qua địa bàn và kim ngạch hàng hóa mở tờ khai tại Lạng Sơn
#
# Tổng kim ngạch qua địa bàn tính mọi loại hình thương mại qua các cửa khẩu của tỉnh; kim ngạch mở tờ khai
# chỉ tính hàng hóa mở tờ khai hải quan tại Lạng Sơn. Số lũy kế từ đầu năm.

# %%
frame = select(trade, ["trade_total", "trade_declared"], ("ytd", "ytd_day", "month"))
ytd = select(frame, ["trade_total", "trade_declared"], ("ytd", "ytd_day"))
charts.show(charts.bars_by_period(ytd, pick("Turnover through the province vs declared at Lạng Sơn customs", "Kim ngạch qua địa bàn và kim ngạch mở tờ khai tại Lạng Sơn"),
                                  charts.source_line(ytd["source_doc"], manifest)))

# %%
page.shares(ytd, "trade_declared", "trade_total", pick("goods declared at Lạng Sơn customs were",
                                                          "hàng hóa mở tờ khai tại Lạng Sơn chiếm"))

# %% [markdown] tags=["lang-en"]
# ## Exports (*xuất khẩu*) and imports (*nhập khẩu*), all types

# %% [markdown] tags=["lang-vi"]
# ## Xuất khẩu và nhập khẩu, tất cả các loại hình

# %%
parts = select(trade, ["trade_total_export", "trade_total_import"], ("ytd", "ytd_day", "month"))
charts.show(charts.bars_by_period(parts, pick("All-types trade: exports and imports by period", "Xuất khẩu và nhập khẩu, tất cả các loại hình, theo kỳ"),
                                  charts.source_line(parts["source_doc"], manifest)))

# %% [markdown] tags=["lang-en"]
# ## Exports of local goods (*hàng địa phương xuất khẩu*) against the year's plan

# %% [markdown] tags=["lang-vi"]
# ## Hàng địa phương xuất khẩu so với kế hoạch năm

# %%
local = ls.load("trade_local_export", measure=["plan_pct"])
charts.show(charts.change_bars(local.assign(name_en=local["period"]), pick("Local exports: share of the year's plan", "Hàng địa phương xuất khẩu: so với kế hoạch năm"),
                               charts.source_line(local["source_doc"], manifest),
                               xlabel=pick("% of the year's plan reached", "% kế hoạch năm đã đạt")))

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
display(page.contributions(growth_parts, "trade_total", pick("All-types turnover through the province:", "Tổng kim ngạch qua địa bàn:")),
        page.contributions(growth_parts, "trade_declared", pick("Goods declared at Lạng Sơn customs:", "Kim ngạch mở tờ khai tại Lạng Sơn:")))

# %% [markdown] tags=["lang-en"]
# ## What the data holds, month by month
#
# `ls.catalog()` lists every indicator with its measures, kinds of period and rows; `ls.series()`
# gives one indicator as months, printed or derived from years to date, with the months no report
# gives left empty (never filled).

# %% [markdown] tags=["lang-vi"]
# ## Dữ liệu hiện có, theo từng tháng
#
# Danh mục các chỉ tiêu thương mại với các loại số liệu, loại kỳ và số dòng; chuỗi tháng của tổng kim ngạch
# (số in trong báo cáo hoặc suy ra từ số lũy kế), các tháng không báo cáo nào công bố được để trống.

# %%
import matplotlib.pyplot as plt
import seaborn as sns

from lsreports.publish import labels

table = ls.catalog(national=False)
months = ls.series("trade_total")
shown = months.dropna().rename("value").reset_index().assign(
    month=lambda f: f["month"].astype(str),
    row=lambda f: ["derived" if m in months.attrs["derived"] else "printed" for m in f["month"]])
counts = dict(n=int((table["domain"] == "trade").sum()), months=len(shown),
              first=labels.month(months.index.min().to_timestamp()), last=labels.month(months.index.max().to_timestamp()),
              derived=int((shown["row"] == "derived").sum()), empty=int(months.isna().sum()))
display(Markdown(pick(
    "{n} trade indicators; the all-types turnover has {months} months with a level between {first} and {last} "
    "({derived} derived), {empty} without one.",
    "{n} chỉ tiêu thương mại; tổng kim ngạch qua địa bàn có số liệu của {months} tháng từ {first} đến {last} "
    "({derived} tháng suy ra), {empty} tháng không có số liệu.").format(**counts)))
# the 2019-2021 months are at the customs-declared scale: drawn in their own panel, never on one axis
fig = charts.months_by_basis(shown, "trade_total", pick("All-types turnover by month", "Tổng kim ngạch qua địa bàn theo tháng"),
                             labels.unit(months.attrs["unit"]))
charts.show(charts.add_source(fig, charts.source_line(months.attrs["source_doc"].values(), manifest)))
table.loc[table["domain"] == "trade", ["indicator_id", "name_en", "measures", "period_kinds", "first_period",
                                       "last_period", "rows", "derived_rows"]]

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
from lsreports.analysis.yearend.projection import year_end_projections

projections = year_end_projections(obs)
projection_table(projections, catalogue, ["trade_declared", "trade_local_export", "trade_total"])

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

context = page.country(["trade_total", "trade_total_export", "trade_total_import"])
display(HTML(context.text))
charts.show(context.figure)
beside_table(context.beside)

# %%
page.sources()
