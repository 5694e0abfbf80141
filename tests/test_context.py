"""The country beside the province: printed annual growth and same-period comparisons (SYNTHETIC rows)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from lsreports.analysis.tsa.country import annual_growth, national_summary, province_beside_country
from helpers import synthetic_series


def rows(*items):
    """SYNTHETIC contract rows: (indicator, start, end, measure, value, unit)."""
    return pd.DataFrame([{"indicator_id": i, "start": pd.Timestamp(s), "end": pd.Timestamp(e), "measure": m,
                          "value": v, "unit": u, "source_doc": "syn", "quote": "q"} for i, s, e, m, v, u in items])


def test_annual_growth_takes_the_printed_full_year_rates_only():
    national = rows(("vn_x", "2023-01-01", "2023-12-31", "yoy_pct", 5.0, "pct"),
                    ("vn_x", "2024-01-01", "2024-12-31", "yoy_pct", 7.0, "pct"),
                    ("vn_x", "2024-01-01", "2024-11-30", "yoy_pct", 9.0, "pct"),
                    ("vn_x", "2024-01-01", "2024-12-31", "value", 100.0, "VND_bn"))
    assert annual_growth(national, "vn_x").to_dict() == {2023: 5.0, 2024: 7.0}
    summary = national_summary({"vn_x": synthetic_series()}, national)
    assert np.isclose(summary.loc["vn_x", "growth_avg_pct"], (np.sqrt(1.05 * 1.07) - 1) * 100)
    assert summary.loc["vn_x", "last_full_year"] == 2024 and summary.loc["vn_x", "years"] == 2


def test_same_period_figures_sit_side_by_side_with_the_share():
    province = rows(("retail_sales", "2024-01-01", "2024-11-30", "value", 30.0, "VND_bn"),
                    ("retail_sales", "2024-01-01", "2024-10-31", "value", 27.0, "VND_bn"))
    national = rows(("vn_retail_sales", "2024-01-01", "2024-11-30", "value", 6000.0, "VND_bn"))
    table = province_beside_country(province, national)
    assert len(table) == 1
    assert table.loc[0, "share_pct"] == 0.5 and table.loc[0, "national_id"] == "vn_retail_sales"
