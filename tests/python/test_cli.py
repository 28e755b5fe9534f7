"""The `jixiao` command from the Python package: the console script that `pip install` puts
next to the interpreter, and `python -m jixiao`, run the same command line in-process; every
`jixiao …` line of the README's `sh` blocks runs as written with only the venv on PATH."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jixiao.__main__
from conftest import ROOT

BIN = Path(sys.executable).parent
SAMPLE = str(ROOT / "tests" / "data" / "000_3e963503b18f6771.txt")


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "jixiao"), *args], input=stdin, capture_output=True, cwd=ROOT)


def test_the_console_script_is_the_command_line():
    assert (BIN / "jixiao").exists(), "pip install puts the jixiao command in the environment"
    out = run("parse", SAMPLE, "--compact")
    assert out.returncode == 0, out.stderr
    assert jixiao.parse(out.stdout.decode()) == jixiao.read(SAMPLE)
    assert run("--version").stdout.decode().startswith("jixiao " + jixiao.__version__)
    # The exit codes are the CLI's: 1 for error findings, 2 for unreadable input or usage.
    assert run("check", SAMPLE).returncode == 1
    bad = run("parse", "/nonexistent/x.txt")
    assert bad.returncode == 2 and b"/nonexistent/x.txt" in bad.stderr
    assert run("parse", "--encoding", "big5", SAMPLE).returncode == 2
    # Standard input, and a closed pipe is no error.
    assert run("target", stdin="≥90%\n".encode()).stdout.startswith(b'{"raw":"')
    head = subprocess.run(f"'{BIN / 'jixiao'}' parse '{SAMPLE}' | head -c 10", shell=True, capture_output=True)
    assert head.returncode == 0 and head.stderr == b""


def test_python_m_and_main():
    out = subprocess.run([sys.executable, "-m", "jixiao", "schema"], capture_output=True)
    assert out.returncode == 0 and json.loads(out.stdout) == jixiao.json_schema()
    assert jixiao.__main__.main(["jixiao", "target", "100%"]) == 0
    assert jixiao.__main__.main(["jixiao", "frobnicate"]) == 2


def test_readme_command_lines_run_as_written():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}/usr/bin{os.pathsep}/bin")
    ran = 0
    for block in re.findall(r"```sh\n(.*?)```", readme, re.S):
        for line in block.splitlines():
            if not line.startswith("jixiao "):
                continue
            command, _, comment = line.partition("  #")
            m = re.match(r"\s*exit (\d+)", comment)
            expected = int(m.group(1)) if m else 0
            out = subprocess.run(command.strip() + " > /dev/null", shell=True, cwd=ROOT, env=env, capture_output=True)
            assert out.returncode == expected, f"README: `{command.strip()}`: {out.stderr.decode()}"
            ran += 1
    assert ran >= 15, ran
