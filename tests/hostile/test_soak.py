"""The soak's short version [#16]: a few iterations of each part, on both engines, so CI keeps `make soak` honest.

The full run is `make soak` (figures printed); these run the same code with small counts and check its verdicts.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import PG_URL

ROOT = Path(__file__).resolve().parent.parent.parent


def _soak() -> ModuleType:
    spec = importlib.util.spec_from_file_location("soak", ROOT / "scripts" / "soak" / "soak.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("soak", module)
    spec.loader.exec_module(module)
    return module


ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("part", ["kill", "hostile"])
def test_short_soak(engine: str, part: str) -> None:
    if engine == "postgres" and not PG_URL:
        pytest.skip("KOFURI_TEST_PG_URL is not set")
    figures, failed = _soak().run([engine], [part], short=True)
    (result,) = figures.values()
    assert not failed, result
    if part == "kill":
        assert result["acknowledged commits"] > 0 and result["lost"] == 0 and result["integrity failures"] == 0
    if part == "hostile":
        assert result["files tried"] >= 60 and result["tracebacks"] == 0 and result["files that wrote something"] == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_short_soak_killed_final_export(engine: str) -> None:
    """Never a partial file at the target, never a file without its lock. Not asserted (a known defect, in the
    report of #16): a kill between the lock's commit and the file's rename leaves the month locked without its
    file (5 of 60 kills on SQLite, 1 of 60 on PostgreSQL); exporting the final month again writes it."""
    if engine == "postgres" and not PG_URL:
        pytest.skip("KOFURI_TEST_PG_URL is not set")
    figures, _ = _soak().run([engine], ["export"], short=True)
    (result,) = figures.values()
    assert result["partial or stale files"] == 0 and result["file without its lock"] == 0, result
    assert result["files at the target"] >= 1  # the uncut first export


PG_SAFETY = pytest.mark.xfail(
    strict=False,
    reason="numbers collide on PostgreSQL until the allocation of #16 points 1-2 lands (another helper's part)",
)


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgres", marks=[pytest.mark.postgres, PG_SAFETY])])
def test_short_soak_reservations_against_registrations(engine: str) -> None:
    if engine == "postgres" and not PG_URL:
        pytest.skip("KOFURI_TEST_PG_URL is not set")
    figures, failed = _soak().run([engine], ["reserve"], short=True)
    (result,) = figures.values()
    assert not failed and result["numbers both registered and reserved"] == 0, result


@pytest.mark.parametrize(
    "engine",
    [
        "sqlite",
        pytest.param(
            "postgres",
            marks=[
                pytest.mark.postgres,
                pytest.mark.xfail(
                    strict=False,
                    reason="concurrent registrations collide on PostgreSQL until the allocation retry of #16 points 1-2 "
                    "lands (another helper's part)",
                ),
            ],
        ),
    ],
)
def test_short_soak_concurrent_writers(engine: str) -> None:
    if engine == "postgres" and not PG_URL:
        pytest.skip("KOFURI_TEST_PG_URL is not set")
    figures, failed = _soak().run([engine], ["writers"], short=True)
    (result,) = figures.values()
    assert not failed and result["succeeded"] == result["attempted"] and result["duplicate numbers"] == 0, result
