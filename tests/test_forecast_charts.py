"""Forecast and decomposition charts on SYNTHETIC series."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # tests render off-screen; the library itself never switches backends

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402

from lsreports.analysis.tsa.decompose import decompose  # noqa: E402
from lsreports.analysis.tsa.forecast import forecast  # noqa: E402
from lsreports.publish import forecast_charts  # noqa: E402
from helpers import synthetic_series  # noqa: E402


def test_every_forecast_panel_draws_both_intervals():
    series = {"a": synthetic_series(), "b": synthetic_series(seed=3)}
    results = {k: forecast(v, "stl_ets") for k, v in series.items()}
    fig = forecast_charts.forecast_grid(series, results, {"a": "A", "b": "B"})
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == 2
    for ax in panels:
        bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
        assert len(bands) == 2
    labels = panels[0].get_legend_handles_labels()[1]
    assert {"80 % interval", "95 % interval", "forecast (stl_ets)"} <= set(labels)
    plt.close(fig)


def test_decomposition_grid_has_three_panels_a_series():
    series = {"a": synthetic_series(), "b": synthetic_series(seed=2), "c": synthetic_series(seed=4)}
    fig = forecast_charts.decomposition_grid({k: decompose(v) for k, v in series.items()},
                                             {k: k for k in series}, {k: "SYNTHETIC units" for k in series})
    assert len(fig.axes) == 9
    assert fig.axes[1].get_title(loc="left") == "seasonal, % of trend"
    plt.close(fig)
