"""Explicit number formatting (no locale)."""
from lsreports.publish.formatting import fmt_number, fmt_pct, fmt_printed, safe, unit_label


def test_numbers_use_comma_thousands_and_point_decimals():
    assert fmt_number(84640.0) == "84,640"
    assert fmt_number(1072.9, 1) == "1,072.9"
    assert fmt_number(45.6) == "45.6"
    assert fmt_number(8.0) == "8"
    assert fmt_number(float("nan")) == "–"


def test_percentages_are_signed_when_asked():
    assert fmt_pct(45.6) == "+45.6%"
    assert fmt_pct(-20.7) == "-20.7%"
    assert fmt_pct(106.1, signed=False) == "106.1%"
    assert fmt_pct(None) == "–"


def test_units_and_escaping():
    assert unit_label("USD_mn") == "million USD"
    assert safe("<script>alert(1)</script> & co") == "&lt;script&gt;alert\\(1\\)&lt;/script&gt; &amp; co"


def test_safe_text_renders_as_the_same_text_through_markdown():
    """What a label says is what the reader sees: no link, emphasis or heading is made of it."""
    import mistune

    label = "# [x](javascript:alert(1)) **b** _i_ `c` | a.b 84.6% Lạng Sơn"
    rendered = mistune.html(safe(label))
    assert rendered == "<p># [x](javascript:alert(1)) **b** _i_ `c` | a.b 84.6% Lạng Sơn</p>\n"


def test_printed_figures_keep_their_decimals():
    assert (fmt_printed(230.4), fmt_printed(11814.787), fmt_printed(906.0)) == ("230.4", "11,814.787", "906")


def test_shown_numbers_round_the_printed_decimal_half_away_from_zero():
    """A statistics office rounds the printed decimal: -34.55 -> -34.6 (binary floats give -34.5)."""
    from lsreports.publish.formatting import fixed, half_up
    assert f"{-34.55:.1f}" == "-34.5"  # the fault this guards against: float rounding of the binary value
    assert fmt_pct(-34.55) == "-34.6%"
    assert fmt_pct(88.05) == "+88.1%"
    assert fmt_pct(21.15, signed=False) == "21.2%"
    assert fmt_number(1.005) == "1.01" and fmt_number(-2.675) == "-2.68"
    assert fmt_number(1234.5, 0) == "1,235" and fmt_number(-1234.5, 0) == "-1,235"
    assert fmt_printed(0.0005) == "0.001"
    assert str(half_up(0.125, 2)) == "0.13"
    assert fixed(-0.04, 1, sign=True) == "+0.0" and fixed(-0.04, 1) == "0.0"
    assert fixed(12345.65, 1, grouping=True) == "12,345.7"
