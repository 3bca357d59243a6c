"""Shared fixtures: the repository's corpus folder and the --update-golden switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Properties are about what always holds, not about speed: a slow CI machine must not fail them on a deadline.
settings.register_profile("transcript-kit", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("transcript-kit")

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SEEDS = CORPUS / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite corpus/**/*.expected.jsonl from the current parser output (review the diff!)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
