# %% [markdown]
# # Tourism
#
# Version: 1.5.0
#
# Changelog:
# - 1.5.0 (2026-12-07): every figure of the computed sentences (latest levels, the international share, the
#   country's growth) shows its quote and report on hover and is listed under Sources; shares of plan
#   in one panel per length of period.
# - 1.4.0 (2026-12-02): The country as context: the GSO's national series of the same concepts
#   (long-run growth, seasonal pattern by month with seaborn, the province beside the country where periods coincide).
# - 1.3.0 (2026-12-02): key figures first (with the year end against plan and what the latest
#   report changed); every figure of the headline table shows its quote and report on hover and
#   links to a Sources appendix; charts split periods of different lengths into panels.
# - 1.2.0 (2026-12-02): year-end projection growth-based where last year's level is known
#   (pro-rata the fallback), with a band from the backtest errors and a banded verdict.
# - 1.1.0 (2026-11-23): year-end projection from the year to date against plan.
# - 1.0.0 (2026-11-23): first version: headline table, arrivals (international and domestic),
#   revenue, plan attainment.


# %% [markdown] tags=["title-vi"]
# # Du lịch

# %%
from IPython.display import HTML, display

import lsreports as ls
from lsreports.publish.i18n import pick
from lsreports.publish import charts
from lsreports.publish.page import BriefingPage
from lsreports.publish.headline import select

charts.use_report_style()
obs, catalogue, manifest = ls.observations(), ls.indicators(), ls.reports()
tourism = ls.load("tourism", measure=None)
ids = ["tourism_visitors", "tourism_visitors_international", "tourism_visitors_domestic", "tourism_revenue"]

# %% [markdown] tags=["lang-en"]
# ## Key figures

# %% [markdown] tags=["lang-vi"]
# ## Số liệu chính

# %%
page = BriefingPage("tourism")
page.key_figures()

# %% [markdown] tags=["lang-en"]
# ## Headline: the latest period of each indicator

# %% [markdown] tags=["lang-vi"]
# ## Kỳ mới nhất của từng chỉ tiêu

# %%
page.headline(ids)

# %%
page.sentences(ids)

# %% [markdown] tags=["lang-en"]
# ## Arrivals (*lượt khách*): international (*khách quốc tế*) and domestic (*khách trong nước*), year to date

# %% [markdown] tags=["lang-vi"]
# ## Lượt khách: khách quốc tế và khách trong nước, lũy kế từ đầu năm

# %%
levels = tourism.loc[tourism["measure"] == "value"]
arrivals = select(levels, ["tourism_visitors_international", "tourism_visitors_domestic"], ("ytd",))
charts.show(charts.bars_by_period(arrivals, pick("Tourist arrivals by origin, year to date", "Lượt khách theo nguồn khách, lũy kế từ đầu năm"),
                                  charts.source_line(arrivals["source_doc"], manifest)))

# %%
page.shares(select(levels, ["tourism_visitors_international", "tourism_visitors"], ("ytd", "month")),
            "tourism_visitors_international", "tourism_visitors", pick("international arrivals were", "khách quốc tế chiếm"))

# %% [markdown] tags=["lang-en"]
# ## Revenue from tourists (*doanh thu từ khách du lịch*)

# %% [markdown] tags=["lang-vi"]
# ## Doanh thu từ khách du lịch

# %%
revenue = select(levels, ["tourism_revenue"], ("ytd", "month"))
charts.show(charts.bars_by_period(revenue, "Revenue from tourists", charts.source_line(revenue["source_doc"], manifest)))

# %% [markdown] tags=["lang-en"]
# ## Plan attainment (*đạt % kế hoạch*)

# %% [markdown] tags=["lang-vi"]
# ## Mức độ hoàn thành kế hoạch

# %%
plan = tourism.loc[tourism["measure"] == "plan_pct"]
plan = plan.assign(label=plan["period"].astype(str) + " · " + plan["name_en"].str.replace("Tourist arrivals, ", "arrivals, "))
charts.show(charts.change_bars(plan, pick("Tourism: share of the year's plan reached", "Du lịch: mức đạt so với kế hoạch năm"),
                               charts.source_line(plan["source_doc"], manifest), label_column="label",
                               xlabel="% of the year's plan"))

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
projection_table(projections, catalogue, ["tourism_visitors", "tourism_visitors_international", "tourism_visitors_domestic", "tourism_revenue"])

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

context = page.country(["tourism_revenue"])
display(HTML(context.text))
charts.show(context.figure)
beside_table(context.beside)

# %%
page.sources()
