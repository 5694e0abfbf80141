"""Every chart of the stored notebooks (both editions) comes with the rows it draws, and no bar chart puts periods of
different lengths side by side (stored outputs, as refreshed from the real curated data)."""
import io
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from lsreports.publish.charts import comparable_length

FOLDER = Path(__file__).resolve().parent.parent / "notebooks"
#: Both editions' stored notebooks: English beside the sources, Vietnamese in vi/.
NOTEBOOKS = sorted(FOLDER.glob("*.ipynb")) + sorted(FOLDER.glob("vi/*.ipynb"))


def _outputs(path: Path) -> list[dict]:
    notebook = nbformat.read(path, as_version=4)
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(FOLDER).with_suffix("").as_posix())
def test_every_chart_carries_its_rows(path):
    outputs = _outputs(path)
    charts = [o for o in outputs if "image/png" in o.get("data", {})]
    assert charts, f"{path.stem}: no chart in the stored outputs (refresh the notebook); nothing would be checked"
    for i, output in enumerate(outputs):
        if "image/png" in output.get("data", {}):
            following = outputs[i + 1] if i + 1 < len(outputs) else {}
            assert "text/csv" in following.get("data", {}), f"{path.stem}: chart {i} has no rows beside it"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(FOLDER).with_suffix("").as_posix())
def test_bars_of_one_panel_share_one_period_length(path):
    for output in _outputs(path):
        csv = output.get("data", {}).get("text/csv")
        if not csv:
            continue
        rows = pd.read_csv(io.StringIO(csv))
        if "panel" not in rows:
            continue
        lengths = [comparable_length(pd.Timestamp(s), pd.Timestamp(e)) for s, e in zip(rows["start"], rows["end"])]
        assert lengths == rows["panel"].tolist()
        for panel, group in rows.assign(length=lengths).groupby("panel"):
            assert group["length"].nunique() == 1, f"{path.stem}: panel {panel!r} mixes period lengths"
