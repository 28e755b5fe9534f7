"""The `jixiao` command, from the Python package: `jixiao parse FILE` after `pip install`, or
`python -m jixiao parse FILE`. It is the same command line as the Rust binary (the same verbs,
options and exit codes), run in-process by the native module."""

from __future__ import annotations

import sys
from typing import List, Optional

from jixiao import _native


def main(argv: Optional[List[str]] = None) -> int:
    """Runs the command line (``sys.argv`` by default, program name first); returns its exit
    code: 0 success, 1 an error-level finding (check, score), 2 bad input or usage."""
    sys.stdout.flush()
    sys.stderr.flush()
    return int(_native.run_cli(list(sys.argv if argv is None else argv)))


if __name__ == "__main__":
    sys.exit(main())
