"""The project's validator is as strict as the shared contract check (issue 22: N18, A6b, N24).

Each probe changes every row of one kind in a fresh copy of the real table (SYNTHETIC
faults: every level divided by 1000, every percentage times 10, every percentage set to 0)
and runs both ``../shared/tools/check_contract.py`` and ``lsreports curate check``: every
line the shared check refuses, ``curate check`` refuses too.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from lsreports.sources.csvread import record_lines
from probe_kit import OBSERVATIONS, fresh_data, run  # noqa: F401

SHARED_CHECK = Path(__file__).resolve().parents[2].parent / "shared" / "tools" / "check_contract.py"


def _mutate(root: Path, rows: str, change) -> int:
    """Apply ``change`` to the value of the printed rows of kind ``rows``; return how many changed."""
    path = root.joinpath(*OBSERVATIONS)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    pct = frame["measure"].str.endswith("_pct")
    chosen = (frame["derived"] != "true") & (pct if rows == "pct" else ~pct)
    chosen &= frame["value"].astype(float) != 0
    frame.loc[chosen, "value"] = frame.loc[chosen, "value"].astype(float).map(change).map(repr)
    frame.to_csv(path, index=False, lineterminator="\n")
    return int(chosen.sum())


def _shared_refuses(root: Path) -> set[int]:
    """Editor lines of observations.csv the shared check refuses."""
    done = subprocess.run([sys.executable, str(SHARED_CHECK), "--root", str(root.parent), "--max-errors", "100000"],
                          capture_output=True, text=True, check=False)
    records = {int(n) for n in re.findall(r"^contract: line (\d+) ", done.stdout, re.MULTILINE)}
    lines = record_lines(root.joinpath(*OBSERVATIONS))
    return {lines[n - 2] for n in records}


@pytest.mark.skipif(not SHARED_CHECK.exists(), reason="the shared contract check is not beside this checkout")
@pytest.mark.parametrize("rows, change", [("levels", lambda v: v / 1000), ("pct", lambda v: v * 10),
                                          ("pct", lambda v: 0.0)], ids=["level / 1000", "pct x 10", "pct = 0"])
def test_curate_check_refuses_every_row_the_shared_check_refuses(fresh_data, capsys, rows, change):
    changed = _mutate(fresh_data, rows, change)
    shared = _shared_refuses(fresh_data)
    code, out, _ = run(capsys, "curate", "check")
    ours = {int(n) for n in re.findall(r"^line (\d+) ", out, re.MULTILINE)}
    assert code == 1 and len(shared) > changed * 0.9, (len(shared), changed)
    assert shared - ours == set(), sorted(shared - ours)[:10]
