"""Output paths: nothing is written into the data folder or over a command's input."""
from __future__ import annotations

import pytest

from lsreports.errors import OutputPathError
from lsreports.sources.outputs import check_output_path
from lsreports.sources.paths import PROJECT_ROOT


def test_paths_in_the_data_folder_are_refused(synthetic_data):
    for path in (synthetic_data / "curated" / "observations.csv", synthetic_data / "raw" / "new.csv",
                 synthetic_data / "curated" / "sub" / ".." / "indicators.csv",
                 PROJECT_ROOT / "data" / "curated" / "observations.csv"):
        with pytest.raises(OutputPathError, match="refusing to write outputs in the data folder"):
            check_output_path(path)


def test_a_folder_holding_the_data_is_refused_for_folder_outputs(synthetic_data):
    with pytest.raises(OutputPathError, match="holding the data folder"):
        check_output_path(synthetic_data.parent, folder=True)
    assert check_output_path(synthetic_data.parent / "out.csv") == synthetic_data.parent / "out.csv"


def test_an_input_of_the_command_is_refused(synthetic_data, tmp_path):
    report = tmp_path / "report.txt"
    with pytest.raises(OutputPathError, match="refusing to overwrite an input"):
        check_output_path(tmp_path / "." / "report.txt", inputs=(report,))


def test_a_symlink_into_the_data_folder_is_refused(synthetic_data, tmp_path):
    link = tmp_path / "looks_harmless.csv"
    link.symlink_to(synthetic_data / "curated" / "observations.csv")
    with pytest.raises(OutputPathError):
        check_output_path(link)
