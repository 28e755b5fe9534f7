"""Documents cross processes (pickle) and threads parse in parallel (the GIL is released)."""

import multiprocessing
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import jixiao
from conftest import SAMPLE


def _parse(text):
    return jixiao.parse(text)


def test_threads_parse_the_same(doc):
    text = SAMPLE.read_bytes()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(_parse, [text] * 16))
    assert all(r == doc for r in results)


def _python_runs_during(call):
    """How many times a Python thread got to run while `call` ran in this one, and how long it
    took. A ticker thread counts (sleeping 1 ms between counts, which lets go of the GIL); if
    the call held the GIL, the ticker could not count until it returned."""
    ticks = 0
    stop = threading.Event()
    started = threading.Event()

    def tick():
        nonlocal ticks
        started.set()
        while not stop.is_set():
            ticks += 1
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    started.wait()
    time.sleep(0.02)
    before = ticks
    t0 = time.perf_counter()
    call()
    elapsed = time.perf_counter() - t0
    during = ticks - before
    stop.set()
    ticker.join()
    return during, elapsed


def test_parsing_lets_other_python_threads_run():
    # One long parse: the sample's text many times over (its tables read again and again),
    # long enough that a ticker gets many turns while it runs, however loaded the machine.
    # Grown until one parse takes 0.15 s or more (a debug build needs ~20 copies, a release
    # wheel a few hundred).
    text = SAMPLE.read_text(encoding="utf-8")
    copies = 8
    while True:
        big = "\n".join([text] * copies)
        during, elapsed = _python_runs_during(lambda: jixiao.parse(big))
        if elapsed >= 0.15 or copies >= 2048:
            break
        copies = min(2048, max(copies * 2, int(copies * 0.2 / max(elapsed, 1e-3))))
    assert elapsed >= 0.1, f"{copies} copies parsed in only {elapsed:.3f} s"
    # At one count per 1 ms sleep the ticker could count ~elapsed/0.001 times (~200 in 0.26 s
    # on the 2-core machine this was written on); with the GIL held through the parse it counts
    # at most once (a count begun just before). 5 leaves room for a heavily loaded machine.
    assert during >= 5, f"a Python thread ran {during} times during a {elapsed:.2f} s parse: the GIL was held"
    # The same for bytes (the encoding found first).
    during, elapsed = _python_runs_during(lambda: jixiao.parse(big.encode("utf-8")))
    assert during >= 5, f"a Python thread ran {during} times during a {elapsed:.2f} s parse of bytes: the GIL was held"


def test_documents_cross_process_boundaries(doc):
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.map(_parse, [SAMPLE.read_text(encoding="utf-8")] * 2)
    assert results == [doc, doc]


def test_read_many_reads_in_parallel_in_order_and_goes_on_past_a_bad_file(tmp_path):
    from pathlib import Path

    data = Path(__file__).resolve().parents[2] / "tests" / "data"
    bad = tmp_path / "bad.txt"
    bad.write_text("just some words", encoding="utf-8")
    saves = sorted((data / "real").glob("*.wordtext.txt"))
    n = len(saves)
    paths = saves + [bad, tmp_path / "missing.txt", data / "000_3e963503b18f6771.txt"]
    for jobs in (1, 3):
        got = jixiao.read_many(paths, jobs=jobs)
        assert len(got) == len(paths)
        for path, doc in zip(paths[:n], got[:n]):
            assert doc == jixiao.read(path)
        assert isinstance(got[n], jixiao.ParseError) and got[n].path == str(bad)
        assert isinstance(got[n + 1], FileNotFoundError)
        assert got[n + 2] == jixiao.read(paths[n + 2])
    assert jixiao.read_many([]) == []


def test_iter_many_hands_on_what_read_many_gives_one_at_a_time(tmp_path):
    from pathlib import Path

    data = Path(__file__).resolve().parents[2] / "tests" / "data"
    bad = tmp_path / "bad.txt"
    bad.write_text("just some words", encoding="utf-8")
    paths = sorted((data / "real").glob("*.wordtext.txt")) + [bad, tmp_path / "missing.txt"]
    expected = jixiao.read_many(paths, jobs=1)
    for jobs in (1, 2, 5):
        it = jixiao.iter_many(paths, jobs=jobs)
        assert isinstance(it, jixiao.DocumentIterator) and iter(it) is it
        assert it.__length_hint__() == len(paths)
        got = []
        for item in it:
            got.append(item)
            assert it.__length_hint__() == len(paths) - len(got)
        assert [type(g) for g in got] == [type(e) for e in expected]
        assert got[:-2] == expected[:-2]
        assert isinstance(got[-2], jixiao.ParseError) and got[-2].path == str(bad)
        assert isinstance(got[-1], FileNotFoundError)
        # Exhausted stays exhausted.
        assert next(it, None) is None
    assert list(jixiao.iter_many([])) == []


def test_iter_many_can_stop_early_and_from_many_threads(tmp_path):
    sample = SAMPLE.read_bytes()
    paths = []
    for i in range(40):
        p = tmp_path / f"d{i:02}.txt"
        p.write_bytes(sample)
        paths.append(p)
    # Taking a few and dropping the rest does not wait for the others to be read.
    it = jixiao.iter_many(paths, jobs=2)
    first = [next(it) for _ in range(3)]
    assert all(isinstance(d, jixiao.Document) and d.file is None for d in first)
    del it
    # Several Python threads may share one iterator: each file comes out once.
    it = jixiao.iter_many(paths, jobs=2)
    with ThreadPoolExecutor(max_workers=4) as pool:
        counts = list(pool.map(lambda _: sum(1 for _ in it), range(4)))
    assert sum(counts) == len(paths)


def test_many_takes_any_iterable_of_paths_but_not_one_path():
    from pathlib import Path

    import pytest

    real = Path(__file__).resolve().parents[2] / "tests" / "data" / "real"
    paths = sorted(real.glob("*.wordtext.txt"))
    expected = jixiao.read_many(paths, jobs=1)
    # A generator (what Path.glob gives) and a tuple read as the list does.
    assert jixiao.read_many(p for p in paths) == expected
    assert list(jixiao.iter_many(tuple(str(p) for p in paths), jobs=2)) == expected
    # One str or bytes is not a path per character.
    for one in (str(paths[0]), bytes(paths[0])):
        with pytest.raises(TypeError, match="not one str or bytes"):
            jixiao.read_many(one)
        with pytest.raises(TypeError, match="not one str or bytes"):
            jixiao.iter_many(one)
    with pytest.raises(TypeError):
        jixiao.read_many([paths[0], 3])
