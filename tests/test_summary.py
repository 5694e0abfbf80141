"""``lsreports summary`` in a terminal: 100 columns, counts per domain and report, flags grouped by severity
and kind, one line each; ``--verbose`` gives the evidence in full (curated data, read only)."""
import pandas as pd

from lsreports.cli import main
from lsreports.commands.summary import WIDTH, flag_lines


def _lines(capsys, *args) -> list[str]:
    assert main(["summary", *args]) == 0
    return capsys.readouterr().out.splitlines()


def test_summary_fits_100_columns_and_groups_flags(capsys):
    lines = _lines(capsys)
    assert max(map(len, lines)) <= WIDTH
    flags_at = next(i for i, line in enumerate(lines) if line.startswith("consistency flags:"))
    groups = [line for line in lines[flags_at + 1:] if not line.startswith(" ")]
    assert groups[0].startswith("WARNING (") and any(g.startswith("INFO (") for g in groups)
    assert "  implied plan (" in lines[flags_at + 2]
    assert any(line.strip() == "covers to  rows  indicators" or "covers to" in line for line in lines)


def test_verbose_gives_the_evidence_in_full_within_100_columns(capsys):
    short, full = _lines(capsys), _lines(capsys, "--verbose")
    assert max(map(len, full)) <= WIDTH and len(full) > len(short)
    text = " ".join(line.strip() for line in full)
    # the evidence of the November 2025 trade flag, quoted whole (it is cut in the short form)
    assert "4 Trong đó: xuất khẩu đạt gần 3,4 tỷ USD, giảm 2,47%; nhập khẩu đạt trên 6 tỷ USD, tăng 11,6%." in text


def test_flag_lines_order_severity_then_check():
    """SYNTHETIC flags."""
    flags = pd.DataFrame({"check": ["b_check", "a_check", "z"], "severity": ["info", "warning", "warning"],
                          "indicator_id": ["x", "y", "z"], "period": ["2026", "2025", "2024"],
                          "source_docs": ["d", "d", "d"], "detail": ["one " * 60, "two", "three"],
                          "evidence": ["", "", ""]})
    lines = flag_lines(flags)
    assert lines[:5] == ["WARNING (2)", "  a check (1)", "    y 2025: two", "  z (1)", "    z 2024: three"]
    assert lines[5] == "INFO (1)" and len(lines[7]) <= WIDTH and lines[7].endswith("…")
