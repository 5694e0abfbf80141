# %% [markdown]
# # Industrial production
#
# Version: 1.4.0
#
# Changelog:
# - 1.4.0 (2026-12-07): each IIP bar names its own period and source (a press text's January-November
#   2025 figure is no longer drawn as the whole of 2025); rosin's 11-month level is read as 16.5 thousand
#   tonnes in the year ends (data/curated/misprints.csv).
# - 1.3.0 (2026-12-07): the IIP sentence, the products' spread and the country's growth cite their figures (quote
#   and report on hover, listed under Sources); changes and shares of plan in one panel per length of period.
# - 1.2.0 (2026-12-02): The country as context: the GSO's national series of the same concepts
#   (long-run growth, seasonal pattern by month with seaborn, the province beside the country where periods coincide).
# - 1.1.0 (2026-12-02): key figures first (with the year end against plan and what the latest
#   report changed); every figure of the headline table shows its quote and report on hover and
#   links to a Sources appendix; charts split periods of different lengths into panels.
# - 1.0.1 (2026-11-23): the rosin note quotes no figure in prose (the flags table shows them).
# - 1.0.0 (2026-11-23): first version: headline table, IIP growth by month and year to date, the 13
#   main products against plan and last year.
#
# The index of industrial production (IIP, *chỉ số sản xuất công nghiệp*) is published only as a
# growth rate; product outputs are levels with their share of the year's plan.


# %% [markdown] tags=["title-vi"]
# # Sản xuất công nghiệp

# %%
from IPython.display import HTML, display

import lsreports as ls
from lsreports.publish.i18n import pick
from lsreports.publish import charts
from lsreports.publish.labels import report_names
from lsreports.publish.page import BriefingPage
from lsreports.publish.headline import latest_rows

charts.use_report_style()
obs, catalogue, manifest = ls.observations(), ls.indicators(), ls.reports()
industry = ls.load("industry", measure=None)
products = [i for i in catalogue.loc[catalogue["domain"] == "industry", "indicator_id"] if i.startswith("prod_")]

# %% [markdown] tags=["lang-en"]
# ## Key figures

# %% [markdown] tags=["lang-vi"]
# ## Số liệu chính

# %%
page = BriefingPage("industry")
page.key_figures()

# %% [markdown] tags=["lang-en"]
# ## Headline: the latest period of each product

# %% [markdown] tags=["lang-vi"]
# ## Kỳ mới nhất của từng sản phẩm

# %%
page.headline(["iip"] + products)

# %% [markdown] tags=["lang-en"]
# ## IIP growth on the same period a year earlier

# %% [markdown] tags=["lang-vi"]
# ## Chỉ số sản xuất công nghiệp (IIP) so với cùng kỳ

# %%
iip = industry.loc[(industry["indicator_id"] == "iip") & (industry["measure"] == "yoy_pct")]
iip = iip.assign(label=iip["period"].astype(str) + " (" + iip["source_doc"].map(report_names(manifest)) + ")")
charts.show(charts.change_bars(iip, pick("Index of industrial production: change on a year earlier", "Chỉ số sản xuất công nghiệp: so với cùng kỳ"),
                               charts.source_line(iip["source_doc"], manifest), label_column="label"))

# %%
page.change("iip", pick("the IIP", "chỉ số sản xuất công nghiệp (IIP)"))

# %% [markdown] tags=["lang-en"]
# ## The main products in their latest period: change on last year and share of plan

# %% [markdown] tags=["lang-vi"]
# ## Các sản phẩm chủ yếu trong kỳ mới nhất: so với cùng kỳ và so với kế hoạch

# %%
last = latest_rows(obs, products).merge(catalogue[["indicator_id", "name_en"]], on="indicator_id")
last = last.loc[last["end"] == last["end"].max()]  # one period: products absent from it are left out
yoy = last.loc[last["measure"] == "yoy_pct"].sort_values("value", ascending=False)
charts.show(charts.change_bars(yoy, pick("Main industrial products: change on a year earlier (latest period)", "Sản phẩm công nghiệp chủ yếu: so với cùng kỳ (kỳ mới nhất)"),
                               charts.source_line(yoy["source_doc"], manifest)))

# %%
plan = last.loc[last["measure"] == "plan_pct"].sort_values("value", ascending=False)
charts.show(charts.change_bars(plan, pick("Main industrial products: share of the year's plan (latest period)", "Sản phẩm công nghiệp chủ yếu: so với kế hoạch năm (kỳ mới nhất)"),
                               charts.source_line(plan["source_doc"], manifest), xlabel="% of the year's plan"))

# %%
page.spread(yoy, pick("products", "sản phẩm"))

# %% [markdown] tags=["lang-en"]
# ## A known source problem: rosin output
#
# Report 000 prints the rosin output for 11 months of 2025 in tonnes (*tấn*) where every other
# period is printed in thousand tonnes (*nghìn tấn*): a scale word left out. The printed row is
# kept for provenance; the misprint is recorded once, with its reason, in
# `data/curated/misprints.csv`, and the year ends, paces, implied plans and checks read it as
# thousand tonnes (a derived row, `misprint_reading`). The flags below are what remains.

# %% [markdown] tags=["lang-vi"]
# ## Một lỗi đã biết trong báo cáo: sản lượng nhựa thông
#
# Kiểm tra tính nhất quán đánh dấu sản lượng nhựa thông: số 11 tháng năm 2025 được in theo đơn vị tấn,
# trong khi các kỳ khác in theo nghìn tấn. Giữ nguyên số đã in; các lưu ý dưới đây nêu số liệu và căn cứ.

# %%
flags = ls.consistency_flags()
flags.loc[flags["indicator_id"] == "prod_rosin", ["check", "period", "detail"]].reset_index(drop=True)

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

context = page.country(["prod_coal", "prod_cement", "prod_electricity_generated", "prod_tap_water"])
display(HTML(context.text))
charts.show(context.figure)
beside_table(context.beside)

# %%
page.sources()
