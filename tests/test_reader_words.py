"""Briefings read by people (issue 25): words not codes, key messages by a rule, flags in plain words,
the year to date beside its month, and the Vietnamese edition's numbers, dates and terms."""
import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup

import lsreports as ls
from lsreports.publish import i18n, labels
from lsreports.publish.flag_words import flag_sentence, period_words
from lsreports.publish.formatting import fmt_number, fmt_pct, fmt_printed
from lsreports.publish.messages import against_plan, in_doubt, latest_growth
from lsreports.publish.reader_tables import readable, readable_html, table_codes

#: English words that must not appear in a Vietnamese page's text (issue 25).
ENGLISH_WORDS = ("plan", "year to date", "likely", "growth-based", "on track", "in doubt", "report to")
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


@pytest.fixture(scope="module")
def data():
    return ls.observations(), ls.indicators(), ls.reports()


@pytest.fixture(scope="module")
def overviews(real_overviews):
    """The real overview in each language (:func:`conftest.real_overviews`, built once per session)."""
    return real_overviews


def test_numbers_and_dates_follow_the_language():
    with i18n.using("vi"):
        assert (fmt_printed(11814.787), fmt_pct(45.6), fmt_pct(106.1, signed=False)) == \
            ("11.814,787", "+45,6 %", "106,1 %")
        assert fmt_number(1234.5, 1) == "1.234,5"
        assert labels.period(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-05-31")) == "5 tháng đầu năm 2026"
        assert labels.unit("VND_bn") == "tỷ đồng" and labels.verdict("likely") == "có khả năng đạt"
    with i18n.using("en"):
        assert (fmt_printed(11814.787), fmt_pct(45.6)) == ("11,814.787", "+45.6%")
        assert labels.period(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-05-31")) == "January-May 2026"
        assert labels.period(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-05-14")) == "1 January to 14 May 2026"
    assert period_words("2025 H1") == "January-June 2025" and period_words("2025-11") == "November 2025"


def test_the_language_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(i18n.ENV, "vi")
    assert i18n.lang() == "vi" and i18n.t("key.indicator") == "Chỉ tiêu"
    monkeypatch.setenv(i18n.ENV, "fr")
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.lang()


def test_a_message_missing_a_language_is_an_error_naming_the_line(tmp_path, monkeypatch):
    """SYNTHETIC catalogue whose second message has no Vietnamese template."""
    path = tmp_path / "messages.csv"
    path.write_text("id,en,vi\na,A,Á\nb,B,\n", encoding="utf-8")
    monkeypatch.setattr(i18n, "CATALOGUE", path)
    i18n.catalogue.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"messages.csv:3: message 'b' has no vi template"):
            i18n.catalogue()
    finally:
        monkeypatch.undo()
        i18n.catalogue.cache_clear()


@pytest.mark.parametrize("code", i18n.LANGS)
def test_every_flag_reads_as_a_sentence_without_codes(data, code):
    obs, catalogue, _ = data
    flags = ls.consistency_flags()
    with i18n.using(code):
        sentences = [flag_sentence(row, catalogue) for row in flags.to_dict("records")]
    assert sentences and all(len(s) > 40 for s in sentences)
    assert [s for s in sentences if SNAKE.search(s) or "plan_pct" in s or "→" in s] == []


def test_the_implied_plan_flag_says_what_disagrees_by_how_much():
    row = {"check": "implied_plan", "indicator_id": "prod_electricity_sold",
           "detail": "plan_pct implies different 2026 plans: 2026 Jan-May (003): 230.4 / 21.7% → 1,061.8; "
                     "2026-01 (004): 73.9 / 7.4% → 998.6"}
    with i18n.using("en"):
        sentence = flag_sentence(row)
    assert "1,062 from January-May 2026 and 999 from January 2026, 6.3% apart" in sentence
    with i18n.using("en"):
        assert flag_sentence({**row, "reason": "Two plans disagree."}) == "Two plans disagree."


def test_table_codes_finds_each_kind_of_code():
    """SYNTHETIC table: one clean cell and one of each kind of code."""
    html = ("<table><tr><th>indicator_id</th><th>Indicator</th></tr><tr><td>VND_bn</td><td>growth</td>"
            "<td>003_f6a0f138b97f04e0</td><td>billion VND</td><td>on track</td></tr></table>")
    assert table_codes(html) == ["indicator_id", "VND_bn", "growth", "003_f6a0f138b97f04e0"]


@pytest.mark.parametrize("code", i18n.LANGS)
def test_readable_tables_carry_no_code(data, code):
    obs, catalogue, _ = data
    from lsreports.analysis.yearend.projection import year_end_projections

    frame = year_end_projections(obs, 2026)[["indicator_id", "ytd_end", "ytd_value", "unit", "method",
                                              "target_kind", "projected_pct_of_target", "verdict"]]
    assert table_codes(frame.to_html())  # the raw frame is full of codes
    with i18n.using(code):
        shown = readable(frame)
        assert table_codes(readable_html(frame)) == []
        assert table_codes(readable_html(ls.consistency_flags())) == []
    assert shown.iloc[:, 0].tolist()[0] == labels.indicator_names(catalogue)[frame["indicator_id"].iloc[0]] \
        if code == "en" else True


def _year_end(rows):
    """SYNTHETIC year-end view rows: (id, pct of plan, verdict)."""
    return pd.DataFrame([{"indicator_id": i, "year": 2026, "target_kind": "plan", "pct_of_target": pct,
                          "low_pct": pct - 20, "high_pct": pct + 20, "method": "growth", "verdict": verdict,
                          "formula": "x"} for i, pct, verdict in rows])


def test_against_plan_names_the_groups_with_the_highest_and_lowest_median():
    groups = {"a1": "A", "a2": "A", "b1": "B", "b2": "B", "c1": "C"}
    view = _year_end([("a1", 300, "likely"), ("a2", 90, "undetermined"), ("b1", 150, "likely"),
                      ("b2", 140, "likely"), ("c1", 70, "unlikely")])
    ahead, behind = against_plan(view, groups)
    # A has the single highest share but the lower median (195 < 145? no: A 195, B 145): A leads, C trails
    assert (ahead["group"], ahead["indicator_id"], behind["group"], behind["indicator_id"]) == ("A", "a1", "C", "c1")
    assert against_plan(_year_end([("a1", 100, "likely")]), groups) is None  # one group: no comparison


def test_in_doubt_puts_flagged_first_and_keeps_three():
    groups = {i: "G" for i in "abcde"}
    view = _year_end([("a", 99, "undetermined"), ("b", 101, "undetermined"), ("c", 80, "undetermined"),
                      ("d", 97, "undetermined"), ("e", 120, "likely")])
    assert in_doubt(view, groups)["indicator_id"].tolist() == ["a", "b", "d"]
    assert in_doubt(view, groups, {"c"})["indicator_id"].tolist() == ["c", "a", "b"]


def test_latest_growth_takes_the_year_to_date_of_each_indicator():
    rows = pd.DataFrame({"indicator_id": ["x", "x", "y", "z"], "measure": "yoy_pct", "value": [90.0, 10.0, -5.0, 3.0],
                         "start": pd.to_datetime(["2026-05-01", "2026-01-01", "2026-01-01", "2026-01-01"]),
                         "end": pd.Timestamp("2026-05-31")})
    fast, weak = latest_growth(rows, {"x": "X", "y": "Y"})
    assert (fast["indicator_id"], fast["value"], weak["indicator_id"]) == ("x", 10.0, "y")


def test_the_trade_key_row_shows_the_year_to_date_change_with_may_beside(overviews):
    soup = BeautifulSoup(overviews["en"], "html.parser")
    row = next(tr for tr in soup.select("table.lsr-key tr") if tr.td and tr.td.get_text().startswith("Goods trade turnover"))
    cells = [" ".join(td.get_text(" ").split()) for td in row.find_all("td")]
    assert cells[1] == "1 January to 14 May 2026" and cells[3].startswith("+40.0%") and "May: 10,594.3" in cells[2]


@pytest.mark.parametrize("code", i18n.LANGS)
def test_the_overview_opens_with_computed_key_messages(overviews, code):
    soup = BeautifulSoup(overviews[code], "html.parser")
    assert soup.html["lang"] == code and soup.select_one("nav.lsr-edition a")["href"] == "other/index.html"
    messages = soup.select(".lsr-messages p")
    assert 3 <= len(messages) <= 5
    first = soup.find("main").find("p")  # the page's first paragraph is the first message
    assert first is messages[0] and len(first.select(".lsr-src")) >= 3
    assert table_codes(overviews[code]) == []


def test_the_vietnamese_overview_has_no_english_terms(overviews):
    soup = BeautifulSoup(overviews["vi"], "html.parser")
    for hidden in soup(["style", "script", "q"]) + soup.select('[lang="en"]'):  # quotes; text marked English
        hidden.decompose()
    page = " ".join(soup.get_text(" ").split()).lower()
    assert [w for w in ENGLISH_WORDS if re.search(rf"\b{w}\b", page)] == []
    assert "Số liệu cần lưu ý khi đọc" in overviews["vi"] and "1.062" in overviews["vi"]


def test_the_workbook_readme_and_headers_follow_the_language(tmp_path):
    from openpyxl import load_workbook

    from lsreports.publish.excel import COLUMN_NOTES, COLUMN_NOTES_VI, write_workbook

    assert set(COLUMN_NOTES_VI) == set(COLUMN_NOTES)  # every column explained in both languages
    english = load_workbook(write_workbook(tmp_path / "en.xlsx"))
    vietnamese = load_workbook(write_workbook(tmp_path / "vi.xlsx", lang="vi"))
    assert english["README"]["A1"].value.startswith("lsreports: figures of")
    assert vietnamese["README"]["A1"].value.startswith("lsreports: số liệu các báo cáo")
    assert [c.value for c in english["Trade"][1]][:3] == ["indicator_id", "name_en", "name_vi"]
    assert [c.value for c in vietnamese["Trade"][1]][:3] == ["Mã chỉ tiêu", "Tên tiếng Anh", "Tên chỉ tiêu"]
    assert english["Trade"].max_row == vietnamese["Trade"].max_row  # the same rows, only the words differ


def test_a_projection_s_fallback_reasons_read_in_both_languages():
    from lsreports.publish.reader_tables import cell_words

    reason = ("no level for 2025-01-01..2025-05-31 (printed, or implied by a yoy_pct beside the year to date); "
              "no level for the whole of 2018 nor its first 11 months (printed or implied)")
    with i18n.using("en"):
        assert cell_words(reason).startswith("no level for January-May 2025 (printed, or implied by the change")
    with i18n.using("vi"):
        assert cell_words(reason) == ("không có mức của 5 tháng đầu năm 2025 (in trong báo cáo hoặc suy ra từ tốc độ "
                                      "tăng); không có mức cả năm 2018 hay 11 tháng đầu năm (in trong báo cáo hoặc suy ra)")


def test_each_edition_keeps_its_own_cells():
    """SYNTHETIC notebook: English, Vietnamese, exploratory and title cells, as a briefing build filters them."""
    import nbformat

    from lsreports.publish.briefing import for_edition

    def notebook():
        new = nbformat.v4
        return new.new_notebook(cells=[
            new.new_markdown_cell("# Trade\n\nVersion: 1.0.0\n\nChangelog:\n- 1.0.0: first\n\nAn English introduction."),
            new.new_markdown_cell("# Thương mại", metadata={"tags": ["title-vi"]}),
            new.new_markdown_cell("## Key figures", metadata={"tags": ["lang-en"]}),
            new.new_markdown_cell("## Số liệu chính", metadata={"tags": ["lang-vi"]}),
            new.new_code_cell("frame[['indicator_id']]", metadata={"tags": ["exploratory"]}),
            new.new_code_cell("page.sources()")])

    english, vietnamese = for_edition(notebook(), "en"), for_edition(notebook(), "vi")
    assert [c.source.splitlines()[0] for c in english.cells] == ["# Trade", "## Key figures", "page.sources()"]
    assert [c.source.splitlines()[0] for c in vietnamese.cells] == ["# Thương mại", "## Số liệu chính",
                                                                    "page.sources()"]
    title = vietnamese.cells[0].source
    assert "Version: 1.0.0" in title and "An English introduction" not in title


def test_long_tables_move_to_an_appendix_before_the_sources():
    """SYNTHETIC executed notebook: a 20-row and a 3-row table in words, then the Sources."""
    import nbformat

    from lsreports.publish.reading import long_tables_to_appendix

    def table(rows):
        return nbformat.v4.new_output("display_data", data={"text/html": readable_html(
            pd.DataFrame({"indicator_id": ["trade_total"] * rows, "value": range(rows)}))})

    new = nbformat.v4
    notebook = new.new_notebook(cells=[
        new.new_markdown_cell("## 1. Where the year is heading"), new.new_code_cell("", outputs=[table(20)]),
        new.new_markdown_cell("## Short"), new.new_code_cell("", outputs=[table(3)]),
        new.new_code_cell("page.sources()", outputs=[new.new_output(
            "display_data", data={"text/html": '<section class="lsr-sources">…</section>'})])])
    with i18n.using("en"):
        assert long_tables_to_appendix(notebook) == 1
    html = [c.outputs[0]["data"]["text/html"] for c in notebook.cells if c.cell_type == "code"]
    assert 'href="#appendix-1">Table 1 (20 rows): in the appendix' in html[0]
    assert html[1].count("<tr") == 4  # the short table stays
    assert html[2].startswith("<h2>Appendix: detail tables</h2>") and \
        '<h3 id="appendix-1">Table 1: 1. Where the year is heading</h3>' in html[2]
    assert "lsr-sources" in html[3]  # the Sources stay last


def test_the_band_widths_table_names_its_methods_and_domains_in_words():
    """The backtest spells pro-rata ``prorata`` and pools its bands by domain or over ``all``."""
    from lsreports.publish.reader_tables import cell_words, table_codes

    with i18n.using("vi"):
        assert [cell_words(c) for c in ("prorata", "growth", "all", "budget")] == [
            "theo tỷ lệ thời gian", "theo tốc độ tăng", "mọi lĩnh vực", "ngân sách"]
    with i18n.using("en"):
        assert [cell_words(c) for c in ("prorata", "all")] == ["pro rata", "all domains"]
    assert table_codes("<table><tr><td>prorata</td></tr></table>")  # the scanner sees the code


def test_inside_ipython_every_dataframe_also_carries_its_reader_rendering():
    """`import lsreports` in an IPython shell adds the reader MIME beside pandas' table (in the language of
    LSREPORTS_LANG); outside IPython it registers nothing, and a shell that shows no HTML gets none."""
    import os
    import subprocess
    import sys

    from lsreports.publish.reader_format import READER_MIME, register

    assert register() is False  # pytest is no IPython shell
    code = ("from IPython.core.interactiveshell import InteractiveShell\nshell = InteractiveShell.instance()\n"
            "import lsreports, pandas as pd\nfrom lsreports.publish.reader_format import register\nregister()\n"
            "data, _ = shell.display_formatter.format(pd.DataFrame({'indicator_id': ['trade_total'], 'unit': ['USD_mn']}))\n"
            "shell.display_formatter.formatters['text/html'].enabled = False\nregister()  # as a terminal shell\n"
            f"assert {READER_MIME!r} not in shell.display_formatter.format(pd.DataFrame({{'a': [1]}}))[0]\n"
            "shell.display_formatter.formatters['text/html'].enabled = True\nregister()\n"
            "from lsreports.publish.reader_format import READER_MAX_ROWS\n"
            "long = shell.display_formatter.format(pd.DataFrame({'a': range(READER_MAX_ROWS + 1)}))[0]\n"
            f"assert 'text/html' in long and {READER_MIME!r} not in long  # too long for any briefing: not rendered\n"
            f"print(sorted(data))\nprint(data[{READER_MIME!r}])")
    for lang, words in (("en", "million USD"), ("vi", "triệu USD")):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                env={**os.environ, "LSREPORTS_LANG": lang})
        assert result.returncode == 0, result.stderr
        keys, html = result.stdout.split("\n", 1)
        assert READER_MIME in keys and "text/plain" in keys and "lsr-reader" in html and words in html
        assert "trade_total" not in html and "USD_mn" not in html
