"""Error bands for year-end projections, from the backtest's errors, and banded verdicts.

Method
------
The backtest (:func:`lsreports.analysis.yearend.backtest.backtest_pairs`) gives, per method and
indicator, the absolute percentage error (APE) of a projection made with a share ``r`` of
the target period still to come (5/11 from the first half to 11 months; 4/5 from January
to 5 months). Errors grow with what is left to project, so each APE is scaled to a whole
year remaining, ``APE / r``, and the band's half-width for a projection with ``r`` of the
year left (``months_remaining / 12``) is

    ``projection * q * r / 100``,

with ``q`` the :data:`BAND_LEVEL` quantile of the scaled APEs of the same method: pooled
over every indicator, or over the indicator's domain where the domain has at least
:data:`MIN_DOMAIN_INDICATORS` scored errors. The lower end is never below the year to
date (a flow cannot shrink). Assumptions, stated: errors scale linearly with the share
of the period left; 2025-2026 errors are typical; indicators are exchangeable within a
domain.

Verdict against a plan (:data:`VERDICT_RULE`): *likely* when the band's lower end reaches
100 % of the target, *unlikely* when its upper end stays below 100 %, *undetermined* when
the band straddles 100 % or there is no band.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .backtest import METHODS

#: Quantile of the scaled backtest errors used as the band's half-width.
BAND_LEVEL = 0.8
#: Scored errors a domain needs for a band of its own (else the pooled band applies).
MIN_DOMAIN_INDICATORS = 6
#: The thresholds of the verdicts, as said in tables.
VERDICT_RULE = ("likely: the band's lower end reaches 100 % of the target; unlikely: its upper end stays below "
                "100 %; undetermined: the band straddles 100 % (or there is no band)")
#: Projection method names (:mod:`lsreports.analysis.yearend.projection`) -> backtest column prefixes.
METHOD_COLUMNS: dict[str, str] = {"pro_rata": "prorata", "growth": "growth"}

BAND_COLUMNS: list[str] = ["method", "domain", "n", "quantile", "width_pct_per_year", "pairs"]


def band_widths(errors: pd.DataFrame, domains: pd.Series | None = None, *, level: float = BAND_LEVEL,
                min_indicators: int = MIN_DOMAIN_INDICATORS) -> pd.DataFrame:
    """Half-widths of the bands, per method and domain, from backtest errors.

    Parameters
    ----------
    errors : pandas.DataFrame
        A backtest table (:data:`lsreports.analysis.yearend.backtest.BACKTEST_COLUMNS`).
    domains : pandas.Series, optional
        Domain by indicator id; without it only pooled bands (domain ``"all"``).
    level : float
        Quantile of the scaled APEs.
    min_indicators : int
        Scored errors a domain needs for its own band.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`BAND_COLUMNS`: ``width_pct_per_year`` is the half-width in percent
        of the projection for a whole year remaining; ``pairs`` the horizons it comes from.
    """
    clean = errors.loc[errors["flags"] == ""]
    rows = []
    for method in METHODS:
        scored = clean.dropna(subset=[f"{method}_ape"])
        scaled = scored[f"{method}_ape"] / scored["share_remaining"]
        groups = [("all", scaled.index)]
        if domains is not None:
            by_domain = scored["indicator_id"].map(domains).fillna("unknown")
            groups += [(d, idx) for d, idx in scaled.groupby(by_domain).groups.items() if len(idx) >= min_indicators]
        for domain, idx in groups:
            if len(idx):
                rows.append({"method": method, "domain": domain, "n": len(idx), "quantile": level,
                             "width_pct_per_year": float(np.quantile(scaled.loc[idx], level)),
                             "pairs": ", ".join(sorted(scored.loc[idx, "pair"].unique()))})
    return pd.DataFrame(rows, columns=BAND_COLUMNS)


def band_rows(widths: pd.DataFrame) -> dict[tuple[str, str], dict]:
    """The first row of each ``(method, domain)`` of a band table, by that pair (looked up once per table).

    Examples
    --------
    >>> w = pd.DataFrame([{"method": "growth", "domain": "all", "n": 20, "quantile": 0.8,
    ...                    "width_pct_per_year": 20.0, "pairs": "p"}])
    >>> band_rows(w)[("growth", "all")]["width_pct_per_year"]
    20.0
    """
    rows: dict[tuple[str, str], dict] = {}
    for row in widths.to_dict("records"):
        rows.setdefault((row["method"], row["domain"]), row)
    return rows


def band(widths: pd.DataFrame | dict[tuple[str, str], dict], method: str, domain: str, projection: float,
         share_remaining: float, floor: float = 0.0) -> tuple[float, float, str]:
    """The band ``(lower, upper, from)`` around a projection; NaNs and a reason when there is none.

    ``widths`` is a band table (:func:`band_widths`) or its :func:`band_rows`, which a caller
    banding many projections looks up once.

    Examples
    --------
    >>> w = pd.DataFrame([{"method": "growth", "domain": "all", "n": 20, "quantile": 0.8,
    ...                    "width_pct_per_year": 20.0, "pairs": "p"}])
    >>> band(w, "growth", "trade", 1000.0, 0.5)
    (900.0, 1100.0, 'growth-based: 80 % quantile of 20 scaled backtest errors (all domains; p)')
    """
    rows = band_rows(widths) if isinstance(widths, pd.DataFrame) else widths
    column = METHOD_COLUMNS.get(method)
    if not any(key[0] == column for key in rows):
        return np.nan, np.nan, f"no backtest errors for method {method!r}"
    own = (column, domain) in rows
    row = rows[(column, domain) if own else (column, "all")]
    half = float(projection * row["width_pct_per_year"] / 100 * share_remaining)
    where = f"{domain} domain" if own else "all domains"
    name = "growth-based" if method == "growth" else method.replace("_", "-")
    return (max(float(projection) - half, floor), float(projection) + half,
            f"{name}: {row['quantile'] * 100:.0f} % quantile of {row['n']} scaled backtest errors ({where}; "
            f"{row['pairs']})")


def verdict(lower_pct: float, upper_pct: float) -> str:
    """``likely``, ``unlikely`` or ``undetermined`` (:data:`VERDICT_RULE`).

    Examples
    --------
    >>> verdict(101.0, 130.0), verdict(85.0, 99.0), verdict(95.0, 110.0), verdict(np.nan, np.nan)
    ('likely', 'unlikely', 'undetermined', 'undetermined')
    """
    if pd.notna(lower_pct) and lower_pct >= 100:
        return "likely"
    if pd.notna(upper_pct) and upper_pct < 100:
        return "unlikely"
    return "undetermined"


__all__ = ["band_widths", "band", "band_rows", "verdict", "BAND_LEVEL", "MIN_DOMAIN_INDICATORS", "VERDICT_RULE", "BAND_COLUMNS",
           "METHOD_COLUMNS"]
