# %% [markdown]
# # Social welfare, labour and health
#
# Version: 1.2.0
#
# Changelog:
# - 1.2.0 (2026-12-07): every figure of the computed sentences (latest levels, the programme's implied scope) shows
#   its quote and report on hover and is listed under Sources; derived figures show their formula.
# - 1.1.0 (2026-12-02): key figures first (with the year end against plan and what the latest
#   report changed); every figure of the headline table shows its quote and report on hover and
#   links to a Sources appendix; charts split periods of different lengths into panels.
# - 1.0.0 (2026-11-23): first version: unemployment insurance, job services, allowances for people
#   with meritorious service, poverty, the temporary-housing programme, health services.


# %% [markdown] tags=["title-vi"]
# # An sinh xã hội, lao động và y tế

# %%
import lsreports as ls
from lsreports.publish.i18n import pick
from lsreports.publish import charts
from lsreports.publish.page import BriefingPage
from lsreports.publish.headline import select

charts.use_report_style()
obs, catalogue, manifest = ls.observations(), ls.indicators(), ls.reports()
social = ls.load("social", measure=None)
levels = social.loc[social["measure"] == "value"]

# %% [markdown] tags=["lang-en"]
# ## Key figures

# %% [markdown] tags=["lang-vi"]
# ## Số liệu chính

# %%
page = BriefingPage("social")
page.key_figures()

# %% [markdown] tags=["lang-en"]
# ## Headline: the latest period of each indicator

# %% [markdown] tags=["lang-vi"]
# ## Kỳ mới nhất của từng chỉ tiêu

# %%
page.headline(catalogue.loc[catalogue["domain"] == "social", "indicator_id"].tolist())

# %% [markdown] tags=["lang-en"]
# ## Unemployment insurance (*bảo hiểm thất nghiệp*): applications, decisions and terminations by month

# %% [markdown] tags=["lang-vi"]
# ## Bảo hiểm thất nghiệp: số hồ sơ, quyết định hưởng và chấm dứt theo tháng

# %%
ui = select(levels, ["ui_applications", "ui_decisions", "ui_terminations"], ("month",))
charts.show(charts.bars_by_period(ui, pick("Unemployment insurance: people per month", "Bảo hiểm thất nghiệp: số người theo tháng"),
                                  charts.source_line(ui["source_doc"], manifest)))

# %% [markdown] tags=["lang-en"]
# ## Job services (*tư vấn, giới thiệu việc làm*), by month

# %% [markdown] tags=["lang-vi"]
# ## Tư vấn, giới thiệu việc làm theo tháng

# %%
jobs = select(levels, ["job_counselling", "job_seekers", "job_placements"], ("month",))
charts.show(charts.bars_by_period(jobs, "Job services: people per month", charts.source_line(jobs["source_doc"], manifest)))

# %%
page.sentences(["ui_applications", "job_placements", "merit_allowance_recipients"], kinds=("month",))

# %% [markdown] tags=["lang-en"]
# ## People with meritorious service (*người có công*): monthly allowance

# %% [markdown] tags=["lang-vi"]
# ## Người có công: trợ cấp hằng tháng

# %%
merit = select(levels, ["merit_allowance_amount"], ("month",))
charts.show(charts.bars_by_period(merit, pick("Monthly allowance paid to people with meritorious service", "Trợ cấp hằng tháng cho người có công"),
                                  charts.source_line(merit["source_doc"], manifest)))

# %% [markdown] tags=["lang-en"]
# ## Poverty (*hộ nghèo, hộ cận nghèo*) and the temporary-housing programme (*xóa nhà tạm, nhà dột nát*)

# %% [markdown] tags=["lang-vi"]
# ## Hộ nghèo, hộ cận nghèo và chương trình xóa nhà tạm, nhà dột nát

# %%
page.sentences(["poor_households", "poor_household_rate", "near_poor_households", "temp_housing_started",
                "temp_housing_completed"], kinds=("point",))

# %%
housing = select(levels, ["temp_housing_started", "temp_housing_completed"], ("point",))
charts.show(charts.bars_by_period(housing, pick("Temporary-housing programme: houses to date", "Chương trình xóa nhà tạm: số nhà lũy kế"),
                                  charts.source_line(housing["source_doc"], manifest)))

# %% [markdown] tags=["lang-en"]
# The programme's scope is not the same in every report (the share of the approved total each
# report prints implies the scope below); compare counts within one report's programme only.

# %% [markdown] tags=["lang-vi"]
# Quy mô chương trình không giống nhau giữa các báo cáo (tỷ lệ so với tổng số được duyệt mà mỗi báo cáo
# công bố suy ra quy mô dưới đây); chỉ so sánh số lượng trong cùng một báo cáo.

# %%
page.scope("temp_housing_started", pick("houses started", "nhà khởi công"))

# %% [markdown] tags=["lang-en"]
# ## Health services (*khám chữa bệnh*), by month

# %% [markdown] tags=["lang-vi"]
# ## Khám chữa bệnh theo tháng

# %%
health = select(levels, ["health_visits_public", "health_visits_private", "health_inpatient", "health_outpatient"],
                ("month",))
charts.show(charts.bars_by_period(health, pick("Health services: visits per month", "Khám chữa bệnh: lượt khám theo tháng"),
                                  charts.source_line(health["source_doc"], manifest)))

# %%
page.sources()
