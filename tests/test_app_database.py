"""The app on a busy, read-only or vanished database: it stays open, says what happened, and keeps
what was typed."""

import sqlite3
from contextlib import contextmanager
from datetime import date

from textual.widgets import DataTable, Input, TextArea

from planner.db.store import Store
from planner.plan.records import Interview
from planner.plan.replan import replan
from planner.tui.app import build_app
from planner.tui.forms import StoryForm
from tests.conftest import TODAY, open_story_form, settle

SIZE = (120, 40)


def seed(db_path) -> None:
    with Store.open(db_path) as store:
        store.add_story({"title": "Shipped it", "themes": ("success",)})
        store.save_interview(Interview(0, "Acme", date(2026, 12, 15)))
        replan(store, TODAY)


@contextmanager
def write_lock(db_path):
    """Another program writing to the database for as long as the block lasts."""
    holder = sqlite3.connect(db_path)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.rollback()
        holder.close()


def messages(app) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


async def test_checking_off_on_a_locked_database_says_so_and_works_once_it_is_free(db_path):
    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = int(app.screen.query_one(DataTable).get_row_at(0)[1])
        with write_lock(db_path):
            await pilot.press("d")
            await settle(pilot)
        assert "another program has been writing to the database" in messages(app)
        assert app.is_running
        with Store.open(db_path) as store:
            assert store.task(first).status == "planned"
        await pilot.press("d")
        await settle(pilot)
    with Store.open(db_path) as store:
        assert store.task(first).status == "done"


async def test_a_story_saved_during_a_lock_stays_in_the_form_and_is_saved_on_retry(db_path):
    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_story_form(pilot)
        form.query_one("#title", Input).value = "Typed during a lock"
        form.query_one("#themes").select("challenge")
        form.query_one("#action", TextArea).text = "Every word of this must survive."
        with write_lock(db_path):
            await pilot.press("f2")
            await settle(pilot)
        assert app.screen is form
        assert form.query_one("#action", TextArea).text == "Every word of this must survive."
        await pilot.press("f2")
        await settle(pilot)
        assert not isinstance(app.screen, StoryForm)
    with Store.open(db_path) as store:
        assert [s.action for s in store.stories() if s.title == "Typed during a lock"] == [
            "Every word of this must survive."
        ]


async def test_a_read_only_database_is_shown_and_a_write_is_refused_in_a_notification(db_path):
    seed(db_path)
    db_path.chmod(0o400)
    try:
        app = build_app(db_path, TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert app.screen.query_one(DataTable).row_count > 0
            await pilot.press("d")
            await settle(pilot)
            assert "the database is read-only" in messages(app)
            await pilot.press("3")
            await settle(pilot)
            assert app.screen.query_one(DataTable).row_count == 1
            assert app.is_running
    finally:
        db_path.chmod(0o600)


async def test_a_database_deleted_while_the_app_runs_is_reported_not_made_again(db_path):
    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for path in db_path.parent.glob("planner.db*"):
            path.unlink()
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert "is gone" in messages(app)
        assert app.is_running
    assert not db_path.exists()


async def test_saving_a_story_deleted_in_another_shell_keeps_the_form_and_says_why(db_path):
    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_story_form(pilot, "e")
        with Store.open(db_path) as store:
            store.delete_story(1)
        form.query_one("#result", TextArea).text = "An ending I just wrote."
        await pilot.press("f2")
        await settle(pilot)
        assert app.screen is form and app.is_running
        assert "there is no story 1" in messages(app)
        assert form.query_one("#result", TextArea).text == "An ending I just wrote."
