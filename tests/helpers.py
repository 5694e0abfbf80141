"""Builders of SYNTHETIC test data shared by the test modules (invented figures, never curated data).

``from helpers import obs`` (pytest puts ``tests/`` on the path, as for ``conftest``).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from lsreports.sources.contract import OBSERVATION_COLUMNS


def obs(*rows: tuple) -> pd.DataFrame:
    """SYNTHETIC observations: (id, start, end, measure, value[, doc[, unit]])."""
    records = []
    for row in rows:
        indicator_id, start, end, measure, value = row[:5]
        doc = row[5] if len(row) > 5 else "900_synthetic"
        unit = "pct" if measure.endswith("_pct") else (row[6] if len(row) > 6 else "USD_mn")
        records.append({"indicator_id": indicator_id, "start": pd.Timestamp(start), "end": pd.Timestamp(end),
                        "measure": measure, "value": float(value), "unit": unit, "source_doc": doc,
                        "quote": "synthetic", "derived": False, "status": "estimate", "flag": "", "note": ""})
    return pd.DataFrame(records, columns=list(OBSERVATION_COLUMNS))


def synthetic_series(months: int = 96, seed: int = 0) -> pd.Series:
    """SYNTHETIC: trend, a seasonal pattern and noise, positive levels."""
    rng = np.random.default_rng(seed)
    index = pd.period_range("2015-01", periods=months, freq="M")
    t = np.arange(months)
    logs = 5 + 0.005 * t + 0.1 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 0.01, months)
    return pd.Series(np.exp(logs), index=index, name="synthetic")


#: SYNTHETIC band: 20 % of the projection per whole year remaining, every method and domain
BANDS = pd.DataFrame([{"method": m, "domain": "all", "n": 10, "quantile": 0.8, "width_pct_per_year": 20.0,
                       "pairs": "synthetic"} for m in ("prorata", "growth")])
