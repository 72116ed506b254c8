import pytest
from click.testing import CliRunner

from planner.cli import cli


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "planner.db"


@pytest.fixture
def run(db_path, monkeypatch):
    """Run `planner ARGS...` against a fresh database; stderr is kept apart from stdout."""
    monkeypatch.delenv("PLANNER_DB", raising=False)

    def invoke(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, ["--db", str(db_path), *args], input=input)

    return invoke
