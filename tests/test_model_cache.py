"""Fits kept by content (lsreports.analysis.tsa.model_cache), on SYNTHETIC series: a fit is read back only for
the same series, method and options; a corrupt, truncated or foreign entry is recomputed, never trusted."""
from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

from helpers import synthetic_series
from lsreports.analysis.tsa import decompose as dec
from lsreports.analysis.tsa import forecast as fc
from lsreports.analysis.tsa import model_cache


@pytest.fixture
def counted(monkeypatch):
    """Count the real fits (forecast_log and the STL decomposition) the calls below make."""
    calls = {"forecast": 0, "decompose": 0}
    real_forecast, real_decompose = fc.forecast_log, dec._decompose

    def forecast_log(*args, **kwargs):
        calls["forecast"] += 1
        return real_forecast(*args, **kwargs)

    def decompose(*args, **kwargs):
        calls["decompose"] += 1
        return real_decompose(*args, **kwargs)
    monkeypatch.setattr(fc, "forecast_log", forecast_log)
    monkeypatch.setattr(dec, "_decompose", decompose)
    return calls


def entries(folder) -> list:
    return sorted(folder.rglob("*.pkl"))


def test_the_same_fit_is_read_back_identical(model_cache, counted):
    series = synthetic_series()
    first = fc.forecast(series, "ets")
    again = fc.forecast(series.copy(), "ets")
    assert counted["forecast"] == 1 and len(entries(model_cache)) == 1
    pdt.assert_frame_equal(first.frame, again.frame)
    assert again.status == first.status and again.method == "ets"
    pdt.assert_frame_equal(dec.decompose(series).components, dec.decompose(series).components)
    assert counted["decompose"] == 1


def test_content_method_and_options_are_part_of_the_key(model_cache, counted):
    series = synthetic_series()
    fc.forecast(series, "ets")
    changed = series.copy()
    changed.iloc[-1] *= 1.01  # one month revised
    fc.forecast(changed, "ets")
    fc.forecast(series, "seasonal_naive")
    fc.forecast(series, "ets", horizon=6)
    fc.forecast(series.set_axis(series.index + 1), "ets")  # the same values a month later
    assert counted["forecast"] == 5 and len(entries(model_cache)) == 5
    dec.decompose(series)
    dec.decompose(series, adjust_tet=True)
    assert counted["decompose"] >= 2


@pytest.mark.parametrize("damage", ["truncate", "garbage", "flip", "foreign"])
def test_a_damaged_entry_is_recomputed_not_trusted(model_cache, counted, damage):
    series = synthetic_series()
    truth = fc.forecast(series, "ets")
    [path] = entries(model_cache)
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(b"not a cache entry")
    elif damage == "flip":  # a bit of the payload changed: the checksum no longer matches
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 1]) + data[-9:])
    else:  # a valid entry of another fit copied under this key
        other = fc.forecast(synthetic_series(seed=5), "ets")
        [other_path] = [p for p in entries(model_cache) if p != path]
        path.write_bytes(other_path.read_bytes())
        assert not other.frame.equals(truth.frame)
    again = fc.forecast(series, "ets")
    pdt.assert_frame_equal(again.frame, truth.frame)
    assert counted["forecast"] == (3 if damage == "foreign" else 2)
    assert model_cache_entry_is_valid(path, series)  # rewritten whole


def model_cache_entry_is_valid(path, series) -> bool:
    key = model_cache.model_key("forecast", series, {"method": "ets", "horizon": 12})
    return path.name == f"{key}.pkl" and model_cache._read(path, key) is not None


def test_a_change_to_the_fitting_code_is_a_new_key(monkeypatch):
    series = synthetic_series()
    before = model_cache.model_key("forecast", series, {"method": "ets"})
    monkeypatch.setattr(model_cache, "FITTING_MODULES", ("forecast.py",))
    model_cache._code_version.cache_clear()
    try:
        assert model_cache.model_key("forecast", series, {"method": "ets"}) != before
    finally:
        model_cache._code_version.cache_clear()


def test_refusals_are_not_stored_and_the_cache_can_be_off(model_cache, monkeypatch, counted):
    assert fc.forecast(synthetic_series(12), "ets").status == "refused"
    assert entries(model_cache) == []
    monkeypatch.setenv("LSREPORTS_MODEL_CACHE", "off")
    fc.forecast(synthetic_series(), "ets")
    fc.forecast(synthetic_series(), "ets")
    assert counted["forecast"] == 2 and entries(model_cache) == []


def test_the_default_folder_is_in_the_checkout_and_ignored_by_git(monkeypatch):
    monkeypatch.delenv("LSREPORTS_MODEL_CACHE")
    folder = model_cache.cache_dir()
    root = folder.parents[1]
    ignored = (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert folder == root / ".cache" / "models" and {".cache/", "/.cache/"} & set(ignored)
