"""Stage 3 of the extractor, indicator, on SYNTHETIC text written for these tests."""
from __future__ import annotations

from lsreports.extract.candidates import candidates
from lsreports.extract.indicator import level_indicator, nearest_entry, parent_of, percentage_target
from lsreports.extract.segment import segment
from lsreports.extract.units import unit_of

UNITS = {"trade_total": "USD_mn", "trade_total_export": "USD_mn", "trade_total_import": "USD_mn",
         "budget_revenue_total": "VND_bn", "budget_revenue_domestic": "VND_bn", "prod_cement": "kt",
         "iip": "pct", "pubinv_disbursed": "VND_bn", "rice_support_kg": "kg"}


def _levels(text: str) -> dict[str, str | None]:
    doc = segment(text, "2027-08")
    out = {}
    for cand in candidates(doc):
        unit = unit_of(doc, cand)
        found = level_indicator(doc, cand, unit[0], unit[2], None, UNITS) if unit else None
        out[cand.number.token] = found[0] if found else None
    return out


def test_the_phrase_ending_nearest_before_wins_within_the_unit_family():
    assert nearest_entry("tong thu ngan sach ... thu noi dia dat ", "vnd")[0] == "budget_revenue_domestic"
    assert nearest_entry("tong thu ngan sach ... xi mang dat ", "vnd")[0] == "budget_revenue_total"
    assert nearest_entry("xi mang dat ", "usd") is None


def test_levels_get_their_indicator():
    found = _levels("Tổng thu ngân sách đạt 900 tỷ đồng; sản lượng xi măng đạt 80 nghìn tấn; gạo 5.000 kg.")
    assert found == {"900": "budget_revenue_total", "80": "prod_cement", "5.000": "rice_support_kg"}


def test_parts_belong_to_the_total_named_before_them():
    assert parent_of("tong kim ngach xuat nhap khau dat 1 ty usd (trong do: ") == "trade_total"
    found = _levels("Tổng kim ngạch xuất nhập khẩu đạt 3 tỷ USD, trong đó xuất khẩu 1 tỷ USD, nhập khẩu 2 tỷ USD.")
    assert found == {"3": "trade_total", "1": "trade_total_export", "2": "trade_total_import"}


def test_a_phrase_inside_a_closed_bracket_does_not_name_what_follows():
    found = _levels("Tổng thu ngân sách (thu nội địa 50 tỷ đồng) đạt 900 tỷ đồng.")
    assert found == {"50": "budget_revenue_domestic", "900": "budget_revenue_total"}


def test_public_investment_of_a_project_is_not_the_indicator():
    assert _levels("Riêng dự án cao tốc giải ngân 40 tỷ đồng.")["40"] is None


def test_an_index_named_just_before_a_percentage_is_its_target():
    doc = segment("Chỉ số sản xuất công nghiệp (IIP) tháng 8 tăng 7,2% so với cùng kỳ.", "2027-08")
    [_month, cand] = list(candidates(doc))
    measure, target = percentage_target(doc, cand, None, "yoy_pct", True)
    assert measure == "yoy_pct" and target.indicator_id == "iip"
    assert str(target.period.start.date()) == "2027-08-01"
