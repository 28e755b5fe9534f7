"""Two builds of the CLI on every document under a directory: the fastest of N runs of each
(whole process, `parse -q --compact FILE -o /dev/null`, the two interleaved so that the machine's
drift falls on both), their ratio, and the files where the new build is slower by more than the
noise (`--noise`, default 10 %, and at least a millisecond: a small file's time is mostly the
process starting). Not a test: timings are not tests.

    python3 per_file.py OLD_BINARY NEW_BINARY tests/data [--runs 7] [--noise 0.10]
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

SUFFIXES = {".txt", ".docx", ".doc", ".xlsx", ".xls", ".ods", ".xml", ".html", ".htm", ".mht", ".pdf", ".csv", ".tsv", ".json"}


def run(binary, path):
    start = time.perf_counter()
    done = subprocess.run([binary, "parse", "-q", "--compact", str(path), "-o", "/dev/null"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, done.returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("root")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--noise", type=float, default=0.10)
    args = parser.parse_args()
    files = sorted(p for p in Path(args.root).rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    slower = []
    print(f"{'file':60} {'old ms':>8} {'new ms':>8} {'new/old':>8}  exit")
    for path in files:
        old, new = [], []
        codes = set()
        for _ in range(args.runs):
            t, c = run(args.old, path)
            old.append(t)
            codes.add(("old", c))
            t, c = run(args.new, path)
            new.append(t)
            codes.add(("new", c))
        o, n = min(old), min(new)
        exits = "/".join(str(c) for _, c in sorted(codes))
        print(f"{str(path.relative_to(args.root))[:60]:60} {o * 1e3:8.1f} {n * 1e3:8.1f} {n / o:8.2f}  {exits}")
        if n > o * (1 + args.noise) and n - o > 1e-3:
            slower.append((path, o, n))
    print(f"{len(files)} files; {len(slower)} slower than the noise:")
    for path, o, n in slower:
        print(f"  {path}: {o * 1e3:.1f} ms -> {n * 1e3:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
