"""The context a briefing build shares with its kernels is used only for the data it was computed from."""
import os

import lsreports as ls
from lsreports import access
from lsreports.publish import page_inputs as context


def test_a_shared_context_is_used_for_the_same_data_and_ignored_otherwise(synthetic_data):
    obs, catalogue, manifest = access.observations(), ls.indicators(), ls.reports()
    made = context.compute(obs, catalogue, manifest)
    made.year_end_label = "SYNTHETIC marker"  # tells the shared copy from a fresh computation
    with context.shared_files() as (path, _):
        assert os.environ[context.ENV] == str(path)
        assert context.shared(obs, catalogue, manifest).year_end_label != "SYNTHETIC marker"  # not written yet
        context.write(made, path)
        assert context.shared(obs, catalogue, manifest).year_end_label == "SYNTHETIC marker"
        observations = synthetic_data / "curated" / "observations.csv"
        observations.write_text(observations.read_text(encoding="utf-8"), encoding="utf-8")  # touched: new mtime
        os.utime(observations, ns=(1, 1))
        assert context.shared(obs, catalogue, manifest).year_end_label != "SYNTHETIC marker"
    assert context.ENV not in os.environ and not path.exists()
