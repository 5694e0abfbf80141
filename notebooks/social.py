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

# %%
import lsreports as ls
from lsreports.publish import charts
from lsreports.publish.page import BriefingPage
from lsreports.publish.headline import select

charts.use_report_style()
obs, catalogue, manifest = ls.observations(), ls.indicators(), ls.reports()
social = ls.load("social", measure=None)
levels = social.loc[social["measure"] == "value"]

# %% [markdown]
# ## Key figures

# %%
page = BriefingPage("social")
page.key_figures()

# %% [markdown]
# ## Headline: the latest period of each indicator

# %%
page.headline(catalogue.loc[catalogue["domain"] == "social", "indicator_id"].tolist())

# %% [markdown]
# ## Unemployment insurance (*bảo hiểm thất nghiệp*): applications, decisions and terminations by month

# %%
ui = select(levels, ["ui_applications", "ui_decisions", "ui_terminations"], ("month",))
charts.show(charts.bars_by_period(ui, "Unemployment insurance: people per month",
                                  charts.source_line(ui["source_doc"], manifest)))

# %% [markdown]
# ## Job services (*tư vấn, giới thiệu việc làm*), by month

# %%
jobs = select(levels, ["job_counselling", "job_seekers", "job_placements"], ("month",))
charts.show(charts.bars_by_period(jobs, "Job services: people per month", charts.source_line(jobs["source_doc"], manifest)))

# %%
page.sentences(["ui_applications", "job_placements", "merit_allowance_recipients"], kinds=("month",))

# %% [markdown]
# ## People with meritorious service (*người có công*): monthly allowance

# %%
merit = select(levels, ["merit_allowance_amount"], ("month",))
charts.show(charts.bars_by_period(merit, "Monthly allowance paid to people with meritorious service",
                                  charts.source_line(merit["source_doc"], manifest)))

# %% [markdown]
# ## Poverty (*hộ nghèo, hộ cận nghèo*) and the temporary-housing programme (*xóa nhà tạm, nhà dột nát*)

# %%
page.sentences(["poor_households", "poor_household_rate", "near_poor_households", "temp_housing_started",
                "temp_housing_completed"], kinds=("point",))

# %%
housing = select(levels, ["temp_housing_started", "temp_housing_completed"], ("point",))
charts.show(charts.bars_by_period(housing, "Temporary-housing programme: houses to date",
                                  charts.source_line(housing["source_doc"], manifest)))

# %% [markdown]
# The programme's scope is not the same in every report (the share of the approved total each
# report prints implies the scope below); compare counts within one report's programme only.

# %%
page.scope("temp_housing_started", "houses started")

# %% [markdown]
# ## Health services (*khám chữa bệnh*), by month

# %%
health = select(levels, ["health_visits_public", "health_visits_private", "health_inpatient", "health_outpatient"],
                ("month",))
charts.show(charts.bars_by_period(health, "Health services: visits per month",
                                  charts.source_line(health["source_doc"], manifest)))

# %%
page.sources()
