"""Analysis: derived series, consistency checks, projections, backtests, time series."""
