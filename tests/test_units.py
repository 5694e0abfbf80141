"""One unit table (lsreports.sources.units): the contract, the validator, the extractor, the labels and the
Excel formats all read it, so a unit added there is known everywhere."""
from lsreports.extract.units import CODEBOOK_UNITS, convert, family_of
from lsreports.publish import labels
from lsreports.publish.excel import NUMBER_FORMATS
from lsreports.sources.contract import UNITS
from lsreports.sources.loader import indicators
from lsreports.sources.units import UNIT_TABLE
from lsreports.sources.printed import UNIT_POWER, UNSCALED_UNITS


def test_every_table_is_read_from_the_one_table():
    assert UNITS == set(UNIT_TABLE) == set(NUMBER_FORMATS) == set(labels.UNITS)
    assert set(CODEBOOK_UNITS) == set(UNIT_TABLE) - {"pct"}  # a percentage converts to nothing
    assert UNSCALED_UNITS == {"enterprises", "households", "houses", "persons", "vehicles", "visits", "t", "pct",
                              "unit"}  # "unit": the shared contract checker's, outside the codebook
    assert UNIT_POWER == {"USD_mn": 6, "VND_bn": 9, "kt": 3, "thousand_m3": 3, "mn_kWh": 6, "mn_bricks": 6,
                          "thousand_visits": 3, "kg": 0}
    assert labels.unit("USD_mn") == "million USD" and NUMBER_FORMATS["pct"] == "0.0##%"
    assert family_of("kt") == family_of("t") == "mass" and family_of("pct") == ""
    assert convert(2.5, 1e9, "USD_mn") == 2500.0  # 2.5 tỷ USD in million USD


def test_every_catalogued_unit_is_in_the_table():
    assert set(indicators(national=True)["unit"]) <= set(UNIT_TABLE)
