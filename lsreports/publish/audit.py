"""An audit of a built page: every printed figure it shows, read back against its row.

A page shows a printed figure as a link to its Sources entry (:mod:`lsreports.publish.cite`).
:func:`shown_figures` reads them back from the HTML alone: the text shown, the entry's quote,
report, indicator name, period and measure, and the text of the table row or sentence the
figure sits in. :func:`audit_figures` finds each figure's row in the curated observations
from those words (never from the code that wrote the page) and checks, as a careful reader
would:

``value``
    the number shown is the row's value as printed, or rounded from the printed decimal
    half away from zero (:data:`decimal.ROUND_HALF_UP`) to the decimals shown;
``unit``
    a level is followed by its unit's words, a percentage by ``%``;
``period``
    the period of the row is said in the figure's table row or sentence;
``status``
    a level not done (estimate, proposed, needed, ...) carries its status word, a level
    done carries none;
``base``
    a share names the base the report measures it against (:func:`lsreports.sources.bases.share_base`),
    never a plan it is not.

``python -m lsreports.publish.audit docs/audit.md`` writes the overview's audit table.
"""
from __future__ import annotations

import re
import sys
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from ..sources.bases import share_base
from . import labels

AUDIT_COLUMNS: list[str] = ["number", "shown", "indicator_id", "period", "measure", "source_doc", "status", "value",
                            "unit", "value_ok", "unit_ok", "period_ok", "status_ok", "base_ok", "ok", "problem"]
_NUMBER = re.compile(r"^[+\-]?[\d,]+(?:\.\d+)?")


def shown_figures(html: str) -> pd.DataFrame:
    """The printed figures a page shows, read from its HTML.

    Returns
    -------
    pandas.DataFrame
        One row per figure: ``number`` (its Sources entry), ``shown`` (the text, without
        the entry's number), ``context`` (the text of its table row, list item or paragraph),
        and from the Sources entry ``quote``, ``report``, ``name``, ``period_text``, ``measure_text``,
        ``status_text``.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    entries = {}
    for item in soup.select("section.lsr-sources li[id]"):
        note = item.select_one(".lsr-note").get_text()
        report, _, rest = note.strip().removeprefix("— ").partition("; ")
        parts = rest.split(", ")
        status = parts.pop() if parts and parts[-1] in labels.STATUSES.values() and parts[-1] else ""
        measure, period, name = (parts.pop() if parts else ""), (parts.pop() if parts else ""), ", ".join(parts)
        entries[item["id"]] = {"quote": item.q.get_text(), "report": report, "name": name, "period_text": period,
                               "measure_text": measure, "status_text": status}
    rows = []
    for link in soup.select("a.lsr-src[href]"):
        anchor = link["href"].lstrip("#")
        if anchor not in entries:
            continue
        if link.sup is not None:
            link.sup.extract()  # the Sources entry's number is not part of the figure
        shown = link.get_text()
        holder = link.find_parent(["tr", "li", "p"])
        rows.append({"number": anchor, "shown": shown.strip(),
                     "context": holder.get_text(" ") if holder is not None else "", **entries[anchor]})
    return pd.DataFrame(rows, columns=["number", "shown", "context", "quote", "report", "name", "period_text",
                                       "measure_text", "status_text"])


def _find_row(figure: dict, obs: pd.DataFrame, names: dict[str, str], reports: dict[str, str]) -> dict | None:
    """The printed row a figure's Sources entry names (indicator, period, measure, report and quote)."""
    ids = [i for i, n in names.items() if n == figure["name"]] + [figure["name"]]  # an id stands for an unnamed one
    docs = [d for d, n in reports.items() if n == figure["report"]]
    measures = [m for m, words in labels.MEASURES.items() if words == figure["measure_text"]]
    rows = obs.loc[obs["indicator_id"].isin(ids) & obs["source_doc"].isin(docs) & obs["measure"].isin(measures)
                   & (obs["quote"] == figure["quote"]) & ~obs["derived"].astype(bool)]
    rows = rows.loc[[labels.period(s, e) == figure["period_text"] for s, e in zip(rows["start"], rows["end"])]]
    return rows.iloc[0].to_dict() if len(rows) == 1 else None


def _value_ok(shown: str, value: float) -> bool:
    """The number shown is the value as printed, or rounded half away from zero to the decimals shown."""
    match = _NUMBER.match(shown)
    if not match:
        return False
    try:
        number = Decimal(match.group().replace(",", "").lstrip("+"))
    except InvalidOperation:
        return False
    places = -number.as_tuple().exponent if number.as_tuple().exponent < 0 else 0
    printed = Decimal(repr(float(value)))
    return printed.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) == number


def _unit_ok(shown: str, row: dict) -> bool:
    rest = _NUMBER.sub("", shown, count=1).strip()
    if row["measure"] != "value" or row["unit"] == "pct":
        return rest.startswith("%")
    return rest.startswith(labels.unit(row["unit"]))


def _status_ok(shown: str, row: dict) -> bool:
    word = labels.status(row.get("status"))
    said = [w for w in labels.STATUSES.values() if w and f"({w})" in shown]
    if row["measure"] != "value":
        return not said or said == [word]
    return said == ([word] if word else [])


def _base_ok(shown: str, row: dict) -> bool:
    if row["measure"] not in ("plan_pct", "est_central_pct", "est_local_pct"):
        return True
    return f"of {share_base(row, short=True)}" in shown or f"of {share_base(row)}" in shown


def audit_figures(html: str, obs: pd.DataFrame, catalogue: pd.DataFrame, manifest: pd.DataFrame) -> pd.DataFrame:
    """Check every printed figure a page shows against its row: value, unit, period, status word and base.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`AUDIT_COLUMNS`: a figure whose row cannot be found is ``ok == False``
        with the problem named; ``problem`` lists the checks that failed.
    """
    names = catalogue.set_index("indicator_id")["name_en"].to_dict()
    reports = {**labels.national_table_names(), **labels.report_names(manifest)}
    out = []
    for figure in shown_figures(html).to_dict("records"):
        row = _find_row(figure, obs, names, reports)
        if row is None:
            out.append({"number": figure["number"], "shown": figure["shown"], "ok": False,
                        "problem": f"no single printed row for {figure['name']!r}, {figure['period_text']}, "
                                   f"{figure['measure_text']}, {figure['report']}"})
            continue
        period = labels.period(row["start"], row["end"])
        checks = {"value_ok": _value_ok(figure["shown"], row["value"]), "unit_ok": _unit_ok(figure["shown"], row),
                  "period_ok": period in figure["context"], "status_ok": _status_ok(figure["shown"], row),
                  "base_ok": _base_ok(figure["shown"], row)}
        failed = [name.removesuffix("_ok") for name, ok in checks.items() if not ok]
        out.append({"number": figure["number"], "shown": figure["shown"], "indicator_id": row["indicator_id"],
                    "period": period, "measure": row["measure"], "source_doc": row["source_doc"],
                    "status": row.get("status") or "", "value": row["value"], "unit": row["unit"], **checks,
                    "ok": not failed, "problem": ", ".join(failed)})
    return pd.DataFrame(out, columns=AUDIT_COLUMNS)


def overview_audit() -> pd.DataFrame:
    """The audit of the overview's key-indicator table, on the curated data (a small build: the table only)."""
    import lsreports as ls

    html, obs = overview_table()
    return audit_figures(html, obs, ls.indicators(), ls.reports())


def overview_table() -> tuple[str, pd.DataFrame]:
    """The overview's key-indicator table with its Sources (HTML), and the rows its figures cite."""
    import lsreports as ls
    from .cite import Citations

    from ..sources.loader import national_observations
    from ..sources.paths import curated_dir
    from .overview import key_indicators_html

    obs, catalogue, manifest = ls.observations(), ls.indicators(), ls.reports()
    cites = Citations(manifest, catalogue)
    html = key_indicators_html(obs, catalogue, cites) + cites.appendix_html()
    if (curated_dir() / "national_observations.csv").exists():  # the overview's prices rows cite GSO cells
        obs = pd.concat([obs, national_observations()], ignore_index=True)
    return html, obs


def audit_markdown(table: pd.DataFrame) -> str:
    """The audit as a Markdown table (one line per figure), with a count of the figures that pass."""
    passed = int(table["ok"].sum())
    lines = [f"{passed} of {len(table)} figures pass every check.", "",
             "| # | shown | indicator | period | measure | report | status | value | unit | checks |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in table.to_dict("records"):
        checks = "all pass" if r["ok"] else f"FAILED: {r['problem']}"
        shown = str(r["shown"]).replace("|", "\\|")
        lines.append(f"| {r['number']} | {shown} | {r['indicator_id']} | {r['period']} | {r['measure']} | "
                     f"{r['source_doc']} | {r['status']} | {r['value']:g} | {r['unit']} | {checks} |")
    return "\n".join(lines) + "\n"


#: The generated table sits between these lines of the document; the prose around it is kept.
START, END = "<!-- audit:start (generated: python -m lsreports.publish.audit docs/audit.md) -->", "<!-- audit:end -->"


def main(argv: list[str] | None = None) -> int:
    """Write the overview's audit table (Markdown) into the document given, or print it; 1 when a figure fails.

    In an existing document only the part between :data:`START` and :data:`END` is replaced.
    """
    argv = sys.argv[1:] if argv is None else argv
    table = overview_audit()
    text = audit_markdown(table)
    if not argv:
        print(text, end="")
        return 0 if table["ok"].all() else 1
    path = Path(argv[0])
    old = path.read_text(encoding="utf-8") if path.exists() else f"# Audit of the overview\n\n{START}\n{END}\n"
    if START not in old or END not in old:
        raise SystemExit(f"{path}: the generated table's markers are missing ({START} ... {END})")
    head, _, rest = old.partition(START)
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")
    return 0 if table["ok"].all() else 1


__all__ = ["shown_figures", "audit_figures", "overview_audit", "overview_table", "audit_markdown", "AUDIT_COLUMNS"]

if __name__ == "__main__":
    raise SystemExit(main())
