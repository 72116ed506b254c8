"""How each screen looks at a fixed size on a fixed day (pytest-textual-snapshot)."""

from datetime import date

import pytest

from planner.db.store import Store
from planner.plan.records import Interview
from planner.plan.replan import save_interview
from planner.tui.app import build_app
from tests.conftest import TODAY, settle


@pytest.fixture
def app(db_path):
    with Store.open(db_path) as store:
        store.add_story(
            {
                "title": "Pushed back on a rushed launch",
                "themes": ("conflict",),
                "tags": ("launch",),
                "situation": "Product wanted to launch a churn model a week early.",
                "task": "Decide whether it was ready.",
                "action": "I showed my manager the leakage in the offline metrics and proposed a one-week fix.",
                "result": "We launched a week later at a lower but honest AUC.",
            }
        )
        store.add_story(
            {
                "title": "Cut serving cost by 40%",
                "themes": ("success",),
                "tags": ("cost",),
                "action": "I added batching and distilled the model.",
            }
        )
        save_interview(store, Interview(0, "Acme", date(2026, 12, 15)), TODAY)
    return build_app(db_path, TODAY)


@pytest.mark.parametrize("key", ["1", "2", "3", "5", "6"])
def test_each_screen(snap_compare, app, key):
    async def show(pilot):
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=show)


def test_suggest_screen_with_a_prompt(snap_compare, app):
    async def ask(pilot):
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("slash", *"disagreed with my boss")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=ask)


def test_every_prompt_mapped_at_80_columns(snap_compare, app):
    async def map_all(pilot):
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("escape", "a")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=map_all)


def test_today_fits_a_small_terminal(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)
