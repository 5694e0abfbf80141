"""Which indicator a number belongs to: phrases of the reports, folded (no diacritics).

Each entry names an indicator, the unit family its levels are printed in, and a regular
expression matched against the folded text. A number is given the indicator whose phrase
ends nearest before it among those whose family fits the number's unit; patterns allow
the spellings OCR leaves ("xi ming" for "xi măng", "wong" for "ương").
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    indicator_id: str
    family: str
    pattern: re.Pattern


def _e(indicator_id: str, family: str, pattern: str) -> Entry:
    return Entry(indicator_id, family, re.compile(pattern))


#: Indicators read at a date (levels, stocks, rates of a population), not over a period.
STOCKS = frozenset({"bank_deposits", "bank_credit", "temp_housing_started", "temp_housing_completed",
                    "poor_households", "near_poor_households", "poor_household_rate", "near_poor_household_rate",
                    "trained_labour_rate"})
#: Indicators whose value is itself a percentage (its change is in points, not percent).
RATE_VALUES = frozenset({"poor_household_rate", "near_poor_household_rate", "trained_labour_rate"})
#: Indices printed only as growth rates.
GROWTH_ONLY = frozenset({"iip", "grdp"})
#: Units that name their indicator on their own (family → indicator).
UNIT_ONLY: dict[str, str] = {"vehicles": "trade_platform_vehicles", "kg": "rice_support_kg",
                             "bricks": "prod_bricks", "members": "rice_support_persons"}
#: Flows not read in a clause about the stock ("toàn tỉnh có", "hiện có").
FLOWS_EXCLUDED_IN_STOCK_CLAUSE = frozenset({"enterprises_new", "enterprises_new_capital"})
#: The parts of GRDP and the phrases naming them (a growth rate after one belongs to it).
GRDP_PARTS: tuple[tuple[str, str], ...] = (
    ("grdp_agriculture", r"nong,? lam nghiep( va thuy san)?|nong\s*[-–]\s*lam nghiep"),
    ("grdp_industry_construction", r"cong nghiep\s*(va|[-–])\s*xay dung"),
    ("grdp_services", r"\bdich vu\b"), ("grdp_product_taxes", r"thue san pham"))

#: Parts that belong to whichever total ("parent") the sentence is about.
PART_OF: dict[str, dict[str, str]] = {
    "trade_total": {"export": "trade_total_export", "import": "trade_total_import"},
    "trade_declared": {"export": "trade_declared_export", "import": "trade_declared_import"},
}

ENTRIES: tuple[Entry, ...] = (
    # trade (USD)
    _e("trade_declared", "usd", r"mo to khai|to khai tai"),
    _e("trade_local_export", "usd", r"hang (hoa )?dia phuong xuat khau|hang (hoa )?dia phuong xuat|xuat khau hang (hoa )?dia phuong"),
    _e("trade_total", "usd", r"(tong )?kim ngach (chung |hang hoa )?xuat nhap khau|tong kim ngach"),
    _e("@export", "usd", r"xuat khau|xuet khau|xuat khau"),
    _e("@import", "usd", r"nhap khau"),
    _e("trade_platform_vehicles", "vehicles", r"phuong tien"),
    # budget and investment (VND)
    _e("budget_revenue_total", "vnd", r"tong thu ngan sach|thu ngan sach nha nuoc"),
    _e("budget_revenue_domestic", "vnd", r"thu noi dia"),
    _e("budget_revenue_trade", "vnd", r"thu (tu|tir) (hoat dong )?xuat nhap khau"),
    _e("budget_revenue_contributions", "vnd", r"huy dong,? dong gop"),
    _e("budget_spending_total", "vnd", r"tong chi ngan sach|chi ngan sach dia ph"),
    _e("budget_spending_balanced", "vnd", r"chi trong can doi|trong can ddi"),
    _e("budget_spending_targeted", "vnd", r"chi cac chuong trinh muc tieu"),
    _e("budget_spending_investment", "vnd", r"chi dau tu phat trien"),
    _e("budget_spending_recurrent", "vnd", r"chi thuong xuyen"),
    _e("pubinv_disbursed", "vnd", r"giai ng[ae]n"),
    _e("pubinv_disbursed_carryover", "vnd", r"nam truoc duoc phep keo dai|nam truoc duoc phe"),
    _e("pubinv_disbursed_current", "vnd", r"khong bao gom von keo dai|chua bao gom von keo dai|von ke hoach nam la"),
    _e("pubinv_disbursed_local", "vnd", r"ngan sach dia phuong(?= \d[\d.,]* (ty|trieu))|von ngan sach dia phuong"),
    _e("pubinv_disbursed_central", "vnd", r"ngan sach trung (uong|wong)(?= \d[\d.,]* (ty|trieu))|von ngan sach trung (uong|wong)"),
    _e("retail_sales", "vnd", r"ban (le|ie)\b"),
    _e("transport_revenue", "vnd", r"van tai,? kho bai"),
    _e("bank_deposits", "vnd", r"(von|ven) huy dong|huy dong cua cac (ngan hang|to chuc tin dung)"),
    _e("bank_credit", "vnd", r"du no"),
    _e("enterprises_new_capital", "vnd", r"(tong )?(so )?von dang ky(?! dau tu)"),
    _e("tourism_revenue", "vnd", r"(tong thu|doanh thu) (tu )?khach du lich|(tong thu|doanh thu) tir khach|doanh thu (tu )?du lich"
                                       r"|doanh thu(?= ((uoc|tinh|dat|hon|khoang|gan|tren) )*\d)"),
    _e("merit_allowance_amount", "vnd", r"kinh phi(?=[^.]{0,40}\d)"),
    _e("ui_benefit_amount", "vnd", r"tien tro cap that nghiep"),
    # industry
    _e("prod_coal", "mass", r"\bthan\b"),
    _e("prod_cement", "mass", r"xi mang|xi ming"),
    _e("prod_clinker", "mass", r"clinker"),
    _e("prod_tap_water", "volume", r"nuoc may|nu6c may"),
    _e("prod_alloys", "mass", r"hop kim"),
    _e("prod_stone", "volume", r"\bda cac loai|\bd4 cac loai"),
    _e("prod_industrial_salt", "mass", r"muoi cong nghiep|mudi c"),
    _e("prod_bricks", "bricks", r"gach"),
    _e("prod_rosin", "mass", r"nhua thong|nhya thong"),
    _e("prod_wood", "volume", r"go va cac san pham|\bg va cac san pham|san pham tu go"),
    _e("prod_grinding_powder", "mass", r"bot da mai|\bd4 mai|\bda mai"),
    _e("prod_electricity_sold", "energy", r"dien thuong pham"),
    _e("prod_electricity_generated", "energy", r"dien san xuat|dien san xuet"),
    _e("iip", "rate", r"chi so san xuat cong nghiep|\(iip\)|\biip\b"),
    _e("grdp", "rate", r"tong san pham tren dia ban|\(grdp\)|\bgrdp\b"),
    # tourism
    _e("tourism_visitors", "visits", r"khach du lich|luong khach|tong luong kh"),
    _e("tourism_visitors_international", "visits", r"khach quoc te|khach qudc te"),
    _e("tourism_visitors_domestic", "visits", r"khach trong nuoc|khach trong nudc|khach noi dia"),
    # health
    _e("health_visits_public", "visits", r"kham ch\w{1,3} benh c[eo]ng lap"),
    _e("health_visits_private", "visits", r"ngoai c[eo]ng lap"),
    _e("health_inpatient", "visits", r"noi tru|ndi tr"),
    _e("health_outpatient", "visits", r"ngoai tru|ngoai tri"),
    # labour and welfare
    _e("job_counselling", "persons", r"tu van"),
    _e("job_seekers", "persons", r"dang ky tim viec"),
    _e("job_placements", "persons", r"nhan duoc viec lam"),
    _e("jobs_created", "persons", r"viec lam moi"),
    _e("ui_applications", "persons", r"nop (ho|hd) so"),
    _e("ui_decisions", "persons", r"quyet dinh huong"),
    _e("ui_terminations", "persons", r"cham (dut|dat) huong"),
    _e("merit_allowance_recipients", "persons", r"tro cap hang thang cho|tro cap hang thang|chi tra cho"),
    _e("rice_support_persons", "persons", r"nhan khau"),
    _e("rice_support_households", "households", r"ho tro gao|gao tu nguon|cho(?= \d[\d.]* ho)"),
    _e("rice_support_kg", "kg", r"gao"),
    _e("poor_households", "households", r"ho ngheo"),
    _e("near_poor_households", "households", r"ho can ngheo"),
    _e("poor_household_rate", "rate", r"ho ngheo"),
    _e("near_poor_household_rate", "rate", r"ho can ngheo"),
    _e("trained_labour_rate", "rate", r"lao dong qua dao tao"),
    _e("temp_housing_started", "houses", r"khoi cong"),
    _e("temp_housing_completed", "houses", r"hoan thanh"),
    _e("enterprises_new", "enterprises", r"thanh lap moi|thanh 1ap mgi|thanh lap mgi"),
)
