import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SAMPLE = DATA / "000_3e963503b18f6771.txt"


@pytest.fixture(scope="session")
def sample_path() -> pathlib.Path:
    return SAMPLE


@pytest.fixture(scope="session")
def doc():
    import jixiao

    return jixiao.read(SAMPLE)
