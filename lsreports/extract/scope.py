"""Stage 1b, scope: whether a text, or a sentence of it, is about the province or the whole country.

The extractor reads the province's figures. A national release reprinted by the press
("Theo Cục Thống kê, 10 tháng năm 2025, tổng mức bán lẻ ... cả nước") prints the same
indicators in the same phrases, so without this stage the country's figures become the
province's rows. A text is about the country when it never names the province and names the
country or its statistics office; in a text about the province, a sentence that names the
country ("cả nước", "nước ta", "đến Việt Nam") and not the province is about the country.
Such numbers give no row; :mod:`.gaps` lists them with this reason. A text that names
neither (a short excerpt: "Tám tháng năm 2025, chỉ số sản xuất công nghiệp tăng 8,5 %") is
read, but every row is doubted (:data:`REASON_UNKNOWN`, low confidence).
"""
from __future__ import annotations

import re
import unicodedata

#: Words that name the province, on the folded text ("tính" and "tỉnh" both fold to "tinh", so only phrases).
PROVINCE = re.compile(r"lang son|xu lang|toan tinh\b|tren dia ban tinh\b|(dang bo|ubnd|hdnd|"
                      r"uy ban nhan dan|hoi dong nhan dan|chu tich|cuc thong ke|chi cuc thong ke) tinh\b|tinh uy\b")
#: "tỉnh" printed with its diacritics, not counted among others ("59/63 tỉnh, thành phố", "các tỉnh", "ở một số
#: tỉnh", "nhiều tỉnh", "tỉnh nào", "tỉnh khác") nor as a level of government ("vốn ngân sách cấp tỉnh" in the
#: country's release): a reprint of the country's release asking "tỉnh nào bị ảnh hưởng nặng nề nhất?" is not the
#: province's, as it is not once its diacritics are stripped.
PROVINCE_PRINTED = re.compile(r"(?<![\d/] )(?<!các )(?<!mỗi )(?<!cấp )(?<!số )(?<!nhiều )(?<!những )"
                              r"\btỉnh\b(?!,? (thành|tp|nào|khác|bạn)\b)", re.IGNORECASE)
#: Words that name the country or its statistics office as the subject.
COUNTRY_TEXT = re.compile(r"\bca nuoc\b|\bviet nam\b|\bnuoc ta\b|\btoan quoc\b|tong cuc thong ke|\bcuc thong ke\b"
                          r"|\bgdp\b|\bfdi\b")
COUNTRY_SENTENCE = re.compile(r"\bca nuoc\b|\bnuoc ta\b|\btoan quoc\b|(den|vao|cua|tai) viet nam\b"
                              r"|(kinh te|nen kinh te) viet nam\b")
REASON_COUNTRY = "about the whole country, not the province (national figures have vn_ ids)"


def names_province(folded: str, original: str = "") -> bool:
    """Whether a text names the province (``original``: the same text as printed, NFC, for "tỉnh")."""
    return PROVINCE.search(folded) is not None or PROVINCE_PRINTED.search(unicodedata.normalize("NFC", original)) is not None


REASON_UNKNOWN = "the text names neither the province nor the country: is the figure the province's?"


def text_scope(folded: str, original: str = "") -> str:
    """``"province"`` if the text names the province, else ``"country"`` if it names the country, else ``"unknown"``."""
    if names_province(folded, original):
        return "province"
    return "country" if COUNTRY_TEXT.search(folded) is not None else "unknown"


def text_is_national(folded: str, original: str = "") -> bool:
    """Whether a text is about the country: it never names the province and names the country."""
    return not names_province(folded, original) and COUNTRY_TEXT.search(folded) is not None


def sentence_is_national(folded_sentence: str, original: str = "") -> bool:
    """Whether a sentence of a province's text is about the country (names it, not the province)."""
    return COUNTRY_SENTENCE.search(folded_sentence) is not None and not names_province(folded_sentence, original)
