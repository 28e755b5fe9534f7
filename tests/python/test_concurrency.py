"""Documents cross processes (pickle) and threads parse in parallel (the GIL is released)."""

import multiprocessing
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


def test_documents_cross_process_boundaries(doc):
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.map(_parse, [SAMPLE.read_text(encoding="utf-8")] * 2)
    assert results == [doc, doc]
