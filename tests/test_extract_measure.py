"""Stage 6 of the extractor, measure, on SYNTHETIC folded phrases written for these tests."""
from __future__ import annotations

import pytest

from lsreports.extract.measure import base_length, measure_of, no_change_length, percentage_measure, signed


@pytest.mark.parametrize("after, measure", [
    (" so voi cung ky nam truoc", "yoy_pct"), (" ke hoach", "plan_pct"), (", so voi thang truoc", "mom_pct"),
    (" du toan trung uong giao", "est_central_pct"), (" so voi du toan tinh giao", "est_local_pct"),
    (" muc tieu nam", "plan_pct"),
    (" so voi nam truoc", "yoy_pct"), (" so voi binh quan nam 2026", "yoy_pct")])  # SYNTHETIC: a year on the last
def test_the_base_after_a_percentage_names_the_measure(after, measure):
    assert measure_of(after, "dat ", "") == (measure, True)


def test_a_bare_change_takes_the_base_last_named_in_its_sentence():
    assert measure_of(", nhap khau", "tang ", "dat 5 ty, tang 1% so voi thang truoc; xk tang ") == ("mom_pct", False)
    assert measure_of(".", "giam ", "khong co co so") == ("yoy_pct", False)
    assert measure_of(" dan so", "chiem ", "") == (None, False)


def test_a_bare_reached_takes_the_carried_base():
    assert percentage_measure("% ke hoach", "dat ", "", None) == ("plan_pct", True)
    assert percentage_measure("%.", "xuat khau dat ", "", "est_local_pct") == ("est_local_pct", False)
    assert percentage_measure("%.", "chiem ", "", "est_local_pct") == (None, False)


def test_signs():
    assert signed(4.5, "yoy_pct", "doanh thu giam ") == -4.5
    assert signed(131.2, "yoy_pct", "bang ") == pytest.approx(31.2)
    assert signed(98.0, "plan_pct", "bang ") == 98.0
    assert signed(3.0, "mom_pct", "tang ") == 3.0


def test_quote_lengths_of_the_base_and_of_no_change():
    assert base_length("so voi cung ky, dat") == len("so voi cung ky")
    assert base_length("nhap khau") == 0
    assert no_change_length(", tuong duong cung ky") == len(", tuong duong cung ky")
    assert no_change_length(", tang 2% so voi cung ky") == 0


def test_wider_phrasing_of_changes():
    assert measure_of(" so voi cung ky thang 7", "giam ", "") == ("mom_pct", True)
    assert measure_of(" so voi cung ky thang 7 nam 2026", "giam ", "") == ("yoy_pct", True)
    assert measure_of(".", "khu vuc dich vu tang manh ", "") == ("yoy_pct", False)
    assert signed(3.0, "yoy_pct", "xuat khau giam khoang ") == -3.0
    assert percentage_measure("%.", "toc do tang truong grdp uoc dat ", "", None) == ("yoy_pct", False)
    assert percentage_measure("%.", "co cau: dich vu chiem ", "", None) == (None, False)


def test_a_base_named_by_its_month_without_a_year():
    """SYNTHETIC: "tăng 1,6% so với tháng 6" of a July figure is on the month before; a later month, no measure."""
    import pandas as pd

    from lsreports.extract.measure import named_month_base

    july = pd.Timestamp(2027, 7, 1), pd.Timestamp(2027, 7, 31)
    assert named_month_base("% so voi thang 6 nhung tang", *july) == "mom_pct"
    assert named_month_base("% so voi thang 9", *july) == ""
    assert named_month_base("% so voi thang 7/2026", *july) == "yoy_pct"
