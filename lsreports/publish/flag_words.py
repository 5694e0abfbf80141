"""A flag as a reader reads it: what disagrees with what, by how much, and what it means.

The consistency checks (:mod:`lsreports.analysis.checks.consistency`) state each flag for the
people who curate the data (``plan_pct implies different 2026 plans: 2026 Jan-May (003):
230.4 / 21.7% → 1,061.8; ...``). :func:`flag_sentence` turns one flag row into a sentence in
the current language, from one template per check and language (``flag.<check>`` in the
message catalogue), with the figures formatted for reading and the periods in words. The
codes stay in the data and the CSV.

A flag table that already carries a ``reason`` in words (the combined flag table) is used
as it is in English; the Vietnamese edition writes its own sentence from the same figures.
"""
from __future__ import annotations

import re

import pandas as pd

from . import i18n, labels
from .formatting import fmt_number, fmt_pct
from .i18n import t

_NUMBER = r"[-+]?[\d,]*\.?\d+(?:e[-+]?\d+)?"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def period_words(label: str) -> str:
    """A period as :func:`lsreports.sources.periods.period_label` writes it, in words.

    ``2026 Jan-May`` → ``January-May 2026``, ``2025-11`` → ``November 2025``, ``2025 H1`` →
    ``January-June 2025``, ``2026`` → ``2026``; a label of another shape is returned as it is.
    """
    label = label.strip()
    if match := re.fullmatch(r"(\d{4})-(\d{2})", label):
        start = pd.Timestamp(int(match[1]), int(match[2]), 1)
        return labels.period(start, start + pd.offsets.MonthEnd(0))
    if match := re.fullmatch(r"(\d{4}) (?:Jan-(\w{3})|H1)", label):
        month = _MONTHS.index(match[2]) + 1 if match[2] else 6
        return labels.period(pd.Timestamp(int(match[1]), 1, 1),
                             pd.Timestamp(int(match[1]), month, 1) + pd.offsets.MonthEnd(0))
    if re.fullmatch(r"\d{4}", label):
        return labels.period(pd.Timestamp(int(label), 1, 1), pd.Timestamp(int(label), 12, 31))
    if " vs " in label:
        return " / ".join(period_words(part) for part in label.split(" vs "))
    return label


def _implied_plan(detail: str, names: dict[str, str]) -> dict | None:
    pieces = re.findall(rf"([^:;]+?) \((\w+)\): ({_NUMBER}) / ({_NUMBER})% → ({_NUMBER})", detail)
    measure = detail.split(" ", 1)[0]
    if len(pieces) < 2:
        return None
    plans = [_num(p[4]) for p in pieces]
    low, high = min(plans), max(plans)
    return {"target": labels.target_kind(measure.removesuffix("_pct")),
            "first": fmt_number(plans[0]), "first_period": period_words(pieces[0][0]),
            "second": fmt_number(plans[1]), "second_period": period_words(pieces[1][0]),
            "gap": fmt_pct((high / low - 1) * 100, signed=False) if low else "–"}


def _implied_vs_printed(detail: str, names: dict[str, str]) -> dict | None:
    match = re.search(rf"derived ({_NUMBER}) vs printed ({_NUMBER}) \(({_NUMBER})%\)", detail)
    if not match:
        return None
    return {"derived": fmt_number(_num(match[1])), "printed": fmt_number(_num(match[2])),
            "gap": fmt_pct(_num(match[3]))}


def _unit_anomaly(detail: str, names: dict[str, str]) -> dict | None:
    match = re.search(rf"({_NUMBER}) (\S+) over (.+?) is .*?, ({_NUMBER})× .*?\(e\.g\. ({_NUMBER}) over (.+?)\)",
                      detail)
    if not match:
        return None
    ratio = _num(match[4])
    return {"value": fmt_number(_num(match[1])), "unit": labels.unit(match[2]), "period": period_words(match[3]),
            "times": fmt_number(1 / ratio if 0 < ratio < 1 else ratio, 0),
            "direction": t("flag.smaller" if ratio < 1 else "flag.larger"),
            "other": fmt_number(_num(match[5])), "other_period": period_words(match[6])}


def _part_rates(detail: str, names: dict[str, str]) -> dict | None:
    match = re.search(rf"\w+ ({_NUMBER})% lies outside its parts' rates \((.+?)\)", detail)
    if not match:
        return None
    parts = re.findall(rf"(\w+) ({_NUMBER})%", match[2])
    return {"total": fmt_pct(_num(match[1])),
            "parts": ", ".join(f"{names.get(p, p)} {fmt_pct(_num(v))}" for p, v in parts)}


def _plan_parts(detail: str, names: dict[str, str]) -> dict | None:
    match = re.search(rf"implies a plan of ({_NUMBER}), but the parts' plans add up to ({_NUMBER})", detail)
    if not match:
        return None
    total, summed = _num(match[1]), _num(match[2])
    return {"total": fmt_number(total), "parts": fmt_number(summed),
            "gap": fmt_pct((summed / total - 1) * 100) if total else "–"}


def _parts_vs_total(detail: str, names: dict[str, str]) -> dict | None:
    match = re.search(rf"= ({_NUMBER}) (?:vs printed total|exceeds \w+ =) ({_NUMBER})", detail)
    if not match:
        return None
    return {"parts": fmt_number(_num(match[1])), "total": fmt_number(_num(match[2]))}


def _month_vs_ytd(detail: str, names: dict[str, str]) -> dict | None:
    match = re.search(rf"month ({_NUMBER}) exceeds its year to date ({_NUMBER})", detail)
    return {"month": fmt_number(_num(match[1])), "ytd": fmt_number(_num(match[2]))} if match else None


def _curated_flag(detail: str, names: dict[str, str]) -> dict | None:
    kind, _, note = detail.partition(":")
    return {"kind": kind.strip(), "note": note.strip()}


#: Check → the function reading the figures of its ``detail`` (None when it does not parse).
READERS = {"implied_plan": _implied_plan, "implied_vs_printed": _implied_vs_printed, "unit_anomaly": _unit_anomaly,
           "part_rates": _part_rates, "plan_parts": _plan_parts, "parts_vs_total": _parts_vs_total,
           "month_vs_ytd": _month_vs_ytd, "curated_flag": _curated_flag}


def _no_ids(note: str) -> str:
    """A curator's note with report ids and other codes named in words."""
    from ..sources.loader import reports

    names = labels.report_names(reports())
    # "public text to October 2025 (pub_2025_10_cafef)": the name is there already, the id in brackets goes
    note = re.sub(r" \(([a-z0-9]+(?:_[a-z0-9]+)+)\)", lambda m: "" if m[1] in names else m[0], note)
    return re.sub(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b", lambda m: names.get(m[0], m[0].replace("_", " ")), note)


def _curated_sentence(values: dict) -> str:
    """A curated flag: the kind in words; the curator's note (written in English) in the English edition."""
    kind = values["kind"]
    what = t(f"flag.curated.{kind}") if f"flag.curated.{kind}" in i18n.catalogue() else kind.replace("_", " ")
    if i18n.lang() == "en" and values["note"]:
        return f"{what}: {_no_ids(values['note'])}"
    return what + "."


def flag_sentence(row, catalogue: pd.DataFrame | None = None) -> str:
    """One flag row (:func:`lsreports.consistency_flags`) as a sentence in the current language.

    Parameters
    ----------
    row : mapping
        A flag: ``check``, ``indicator_id``, ``detail`` (and ``reason``, when the flag table
        already words it: used as it is in English).
    catalogue : pandas.DataFrame, optional
        The indicators, for the names of the parts a flag lists.

    Returns
    -------
    str
        What disagrees with what, by how much and what it means; a check this module does
        not know, or a detail it cannot read, gives the check in words and the detail.
    """
    reason = row.get("reason")
    if i18n.lang() == "en" and isinstance(reason, str) and reason.strip():
        return reason
    check, detail = str(row.get("check", "")), str(row.get("detail", ""))
    names = labels.indicator_names(catalogue) if catalogue is not None else {}
    reader = READERS.get(check)
    values = reader(detail, names) if reader else None
    if values is None:
        return f"{check.replace('_', ' ')}: {detail}"
    if check == "curated_flag":
        return _curated_sentence(values)
    return t(f"flag.{check}", **values)


__all__ = ["READERS", "flag_sentence", "period_words"]
