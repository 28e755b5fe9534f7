"""`make compare`: jixiao against the plain-Python baseline, side by side in one run, on inputs
built from the sample. Prints each ratio of the performance issue that this script measures:
  1. 1000 sample-sized files -> NDJSON, whole process, serial (-j 1)
  2. one file of the sample x1000 (46 MB) -> JSON, whole process
  4. peak memory for that file, as a multiple of its size
  5. --jobs 2 against --jobs 1 on the batch
  7. Python jixiao.parse against the Rust core on the same bytes (parse only)
Absolute times are noise on a shared machine; the ratios are what to read.
Usage: compare.py JIXIAO_BINARY SAMPLE WORK_DIR
"""

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(cmd, out=subprocess.DEVNULL):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=out, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def best(cmd, runs=3):
    return min(timed(cmd) for _ in range(runs))


def peak_rss_kb(cmd):
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return int(out.stderr.decode().strip().splitlines()[-1])


def main():
    jixiao, sample, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    work.mkdir(parents=True, exist_ok=True)
    text = sample.read_bytes()
    batch = work / "batch"
    batch.mkdir(exist_ok=True)
    for i in range(1000):
        p = batch / f"d{i:04}.txt"
        if not p.exists():
            p.write_bytes(text)
    files = sorted(str(p) for p in batch.glob("*.txt"))
    big = work / "big.txt"
    if not big.exists():
        big.write_bytes(text * 1000)
    py = sys.executable
    base = str(HERE / "baseline.py")

    rows = []
    j1 = best([jixiao, "parse", "-q", "--compact", "-j", "1", *files])
    b1 = best([py, base, *files])
    rows.append(("1. 1000 files -> NDJSON, serial", b1 / j1, "x the baseline", 40))
    jb = best([jixiao, "parse", "-q", "--compact", str(big)])
    bb = best([py, base, str(big)])
    rows.append(("2. one 46 MB file -> JSON", bb / jb, "x the baseline", 40))
    rss = peak_rss_kb([jixiao, "parse", "-q", "--compact", str(big)]) * 1024
    rows.append(("4. peak memory, 46 MB file", rss / big.stat().st_size, "x its size", 3))
    j2 = best([jixiao, "parse", "-q", "--compact", "-j", "2", *files])
    rows.append(("5. --jobs 2 against --jobs 1", j1 / j2, "x faster", 1.7))
    code = (
        "import sys, time, jixiao\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "t = time.perf_counter(); jixiao.parse(data); print(time.perf_counter() - t)\n"
    )
    py_parse = min(float(subprocess.run([py, "-c", code, str(big)], capture_output=True, check=True).stdout) for _ in range(3))
    rows.append(("7. Python parse of the 46 MB file", py_parse, "s (compare with `make bench`)", None))
    print(f"{'measure':40} {'value':>10}  {'':28} target")
    for name, value, unit, target in rows:
        goal = "" if target is None else (f">= {target}" if "memory" not in name else f"<= {target}")
        print(f"{name:40} {value:10.2f}  {unit:28} {goal}")


if __name__ == "__main__":
    main()
