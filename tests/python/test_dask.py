"""jixiao.dask on a local two-process dask.distributed cluster: the same indicators, columns
and dtypes as reading the files one by one."""

import shutil
from pathlib import Path

import jixiao
import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"


def test_read_indicators_on_a_local_cluster(tmp_path):
    import jixiao.dask

    # A generated corpus: the sample and the real tables, copied under numbered names.
    sources = [DATA / "000_3e963503b18f6771.txt"] + sorted((DATA / "real").glob("*.wordtext.txt"))
    for i in range(21):
        shutil.copy(sources[i % len(sources)], tmp_path / f"doc{i:02}.txt")
    (tmp_path / "broken.txt").write_text("not a document", encoding="utf-8")
    serial = jixiao.to_pandas(sorted(str(p) for p in tmp_path.glob("doc*.txt")))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster):
            frame = jixiao.dask.read_indicators(str(tmp_path / "*.txt"), files_per_partition=4)
            assert frame.npartitions == 6
            assert list(frame.columns) == list(serial.columns)
            assert dict(frame.dtypes.astype(str)) == dict(serial.dtypes.astype(str))
            counts = frame.groupby("file").size().compute().sort_index()
            done = frame.compute()
    assert counts.sum() == len(serial) == len(done)
    assert (counts == serial.groupby("file").size().sort_index()).all()
    assert list(done["level1"].cat.categories) == jixiao.enum_values()["level1"]
