"""One BLAS thread while a model is fitted, so a fit costs the same on a busy machine.

statsmodels' fits call BLAS on many small matrices; with the default thread pool (one
thread per core) the threads mostly wait for each other, and on a loaded machine a SARIMA
fit takes ten times as long as with one thread. The limit holds for the duration of a fit
only (threadpoolctl restores the pools on exit), so the user's kernel keeps its settings.
"""
from __future__ import annotations

from contextlib import AbstractContextManager

from threadpoolctl import threadpool_limits


def one_blas_thread() -> AbstractContextManager:
    """A context manager limiting BLAS (OpenBLAS, MKL, BLIS) to one thread inside it."""
    return threadpool_limits(limits=1, user_api="blas")
