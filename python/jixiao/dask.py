"""Beyond one machine: every indicator of many documents as one Dask DataFrame.

``pip install 'jixiao[dask]'``; then, on a laptop or a ``dask.distributed`` cluster alike::

    import jixiao.dask
    frame = jixiao.dask.read_indicators("budgets/2023/**/*.docx")
    frame.groupby("level1").size().compute()

The columns and dtypes are those of ``jixiao.to_pandas`` (a leading ``file``, then the CSV
columns), one partition per group of files. The files are split with ``dask.bag`` and each
partition is read where it runs, so on a cluster the workers read the files: they need jixiao
installed and the paths reachable (a shared filesystem, or the same layout on every worker).
"""

from __future__ import annotations

import glob as _glob
import os
from typing import TYPE_CHECKING, Any, Iterable, List, Union

if TYPE_CHECKING:
    import pandas

PathLike = Union[str, "os.PathLike[str]"]


def _paths(paths_or_glob: Union[PathLike, Iterable[PathLike]]) -> List[str]:
    if isinstance(paths_or_glob, (str, os.PathLike)):
        pattern = os.fspath(paths_or_glob)
        found = sorted(_glob.glob(pattern, recursive=True))
        if not found and not _glob.has_magic(pattern):
            found = [pattern]
        return found
    return [os.fspath(p) for p in paths_or_glob]


def _frame(paths: List[str]) -> "pandas.DataFrame":
    """One partition: the indicators of these files (a file that cannot be read is left out,
    as the CLI's batch goes on past it)."""
    import jixiao
    from jixiao._pandas import to_pandas_many

    docs = {path: doc for path, doc in zip(paths, jixiao.read_many(paths, jobs=1)) if isinstance(doc, jixiao.Document)}
    return to_pandas_many(docs)


def read_indicators(paths_or_glob: Union[PathLike, Iterable[PathLike]], *, files_per_partition: int = 16) -> Any:
    """Every indicator of the files (a glob such as ``"data/**/*.txt"``, or a list of paths) as a
    ``dask.dataframe.DataFrame`` with the columns and dtypes of ``jixiao.to_pandas``."""
    try:
        import dask.bag as db
        import dask.dataframe as dd
        from dask.delayed import delayed
    except ImportError as e:
        raise ImportError("jixiao.dask needs dask: pip install 'jixiao[dask]'") from e
    from jixiao._pandas import to_pandas_many

    paths = _paths(paths_or_glob)
    meta = to_pandas_many([])
    if not paths:
        return dd.from_pandas(meta, npartitions=1)  # type: ignore[no-untyped-call,unused-ignore]
    groups = max(1, -(-len(paths) // max(1, files_per_partition)))
    bag = db.from_sequence(paths, npartitions=groups)  # type: ignore[no-untyped-call,unused-ignore]
    parts = [delayed(_frame)(part) for part in bag.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)
