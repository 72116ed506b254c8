import subprocess
import sys
from datetime import date

from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, Markdown, OptionList, SelectionList, Static, TextArea

from planner.catalog.rounds import load_catalog
from planner.db.store import Store
from planner.plan.records import Interview
from planner.plan.replan import replan
from planner.tui.app import build_app
from planner.tui.forms import Confirm, StoryForm
from planner.tui.messages import DataChanged
from tests.conftest import TODAY, fill_interview_form, open_story_form, settle

SIZE = (120, 40)


def seed(db_path, stories=(), interview=True):
    with Store.open(db_path) as store:
        for fields in stories:
            store.add_story(fields)
        if interview:
            store.save_interview(Interview(0, "Acme", date(2026, 12, 15)))
            replan(store, TODAY)


async def test_today_shows_the_agenda_and_checks_a_task_off(db_path):
    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count > 0
        summary = str(app.screen.query_one("#today-summary", Static).render())
        assert "Acme in 21 days" in summary
        first_id = int(table.get_row_at(0)[1])
        await pilot.press("d")
        await settle(pilot)
        await settle(pilot)
        assert table.get_row_at(0)[0] == "✓"
    with Store.open(db_path) as store:
        assert store.task(first_id).status == "done"


async def test_the_timer_shows_pauses_runs_over_and_only_the_user_checks_the_task_off(db_path):
    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen
        first_id = int(today.query_one(DataTable).get_row_at(0)[1])
        timer = today.query_one("#today-timer", Static)
        assert not timer.display
        await pilot.press("t")
        assert timer.display and "left" in str(timer.render()) and "t: pause" in str(timer.render())
        await pilot.press("t")
        assert "paused" in str(timer.render())
        await pilot.press("t")
        today.timer.counted = today.timer.allowed + 61  # time is up: the task stays to do, the clock runs over
        today._tick()
        await settle(pilot)
        assert "over" in str(timer.render())
        with Store.open(db_path) as store:
            assert store.task(first_id).status == "planned"
        await pilot.press("d")
        await settle(pilot)
        assert not timer.display
    with Store.open(db_path) as store:
        assert store.task(first_id).status == "done"
        assert store.minutes_logged(TODAY) == 22, "the 20 minutes allowed and the 2 over"


async def test_today_shows_the_highlighted_task_in_full_and_fits_every_width(db_path):
    seed(db_path)
    for size in ((80, 24), (160, 50)):
        app = build_app(db_path, TODAY)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            today = app.screen
            table = today.query_one(DataTable)
            longest = max(today.agenda.tasks, key=lambda task: len(task.title))
            table.move_cursor(row=today.agenda.tasks.index(longest))
            await pilot.pause()
            detail = str(today.query_one("#today-detail", Static).render())
            assert " ".join(longest.title.split()) in " ".join(detail.split())
            assert "for every interview" in detail or "for Acme" in detail
            assert sum(column.get_render_width(table) for column in table.columns.values()) <= size[0]


async def test_todays_summary_keeps_to_one_line_and_names_the_nearest_interview(db_path):
    seed(db_path)
    with Store.open(db_path) as store:
        for company, day in (("Globex Corporation", date(2027, 1, 20)), ("Initech", date(2027, 2, 24))):
            store.save_interview(Interview(0, company, day))
        replan(store, TODAY)
    for width in (80, 160):
        app = build_app(db_path, TODAY)
        async with app.run_test(size=(width, 40)) as pilot:
            await settle(pilot)
            shown = app.screen.query_one("#today-summary", Static)
            summary = str(shown.render())
            assert shown.size.height == 1, summary
            assert "Acme in" in summary and "budget" in summary
            assert ("Initech" in summary) == (width == 160), summary


async def test_a_story_added_through_the_form_can_be_found_and_suggested(db_path):
    seed(db_path, interview=False)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_story_form(pilot)
        form.query_one("#title", Input).value = "Pushed back on a rushed launch"
        form.query_one("#action", TextArea).text = "I showed my manager the offline metrics were leaking labels."
        await pilot.press("f2")  # no theme yet: refused, and what was typed stays
        await pilot.pause()
        assert app.screen is form
        assert "theme" in str(form.query_one("#form-error", Static).render())
        assert form.query_one("#title", Input).value == "Pushed back on a rushed launch"
        form.query_one("#themes", SelectionList).select("conflict")
        await pilot.press("f2")
        await settle(pilot)
        await settle(pilot)
        assert app.screen is not form

        stories = app.screen
        stories.query_one("#story-filter", Input).value = "theme:conflict leaking"
        await pilot.pause()
        assert stories.query_one(DataTable).row_count == 1
        assert "Pushed back on a rushed launch" in stories.query_one(Markdown).source
        stories.query_one("#story-filter", Input).value = "tag:nothing"
        await pilot.pause()
        assert stories.query_one(DataTable).row_count == 0

        await pilot.press("escape")
        await pilot.press("4")
        await settle(pilot)
        app.screen.query_one("#prompt", Input).value = "Tell me about a time you disagreed with your boss"
        await settle(pilot)  # ranking runs in a worker
        options = app.screen.query_one(OptionList)
        assert "Pushed back on a rushed launch" in str(options.get_option_at_index(0).prompt)


async def test_an_interview_added_in_the_app_lays_out_the_plan(db_path):
    seed(db_path, interview=False)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await fill_interview_form(pilot, "Initech", "in 3 weeks")
        assert "Tuesday 15 December 2026" in str(app.screen.query_one("#when-read", Static).render())
        await pilot.press("f2")
        await settle(pilot)
        await settle(pilot)
        assert app.screen.query_one(DataTable).row_count == 1
        await pilot.press("1")
        await settle(pilot)
        assert app.screen.query_one(DataTable).row_count > 0


async def test_a_change_heard_while_the_app_closes_does_not_crash_it(db_path):
    # A save's worker can report its change after the last screen has gone, as the app quits.
    seed(db_path, interview=False)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE):
        pass
    assert app.screen_stack == []
    app.on_data_changed(DataChanged())


async def test_a_story_added_from_the_shell_shows_up_in_the_running_app(db_path):
    seed(db_path, interview=False)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        assert app.screen.query_one(DataTable).row_count == 0
        subprocess.run(
            [
                sys.executable,
                "-m",
                "planner",
                "--db",
                str(db_path),
                "story",
                "add",
                "--title",
                "From the shell",
                "--theme",
                "success",
            ],
            check=True,
            capture_output=True,
        )
        for _ in range(30):
            await pilot.pause(0.1)
            await app.workers.wait_for_complete()
            if app.screen.query_one(DataTable).row_count:
                break
        assert app.screen.query_one(DataTable).row_count == 1


async def test_the_rounds_screen_follows_the_selection(db_path):
    seed(db_path, interview=False)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert app.screen.query_one(Markdown).source.startswith("# Recruiter screen · 30 min")
        await pilot.press("down")
        await pilot.pause()
        assert app.screen.query_one(Markdown).source.startswith("# ML coding · 45 min")
        await pilot.press("down")
        await pilot.pause()
        questions = app.screen.query_one("#round-questions", DataTable)
        assert questions.row_count == len(load_catalog().round("ml-concepts").questions)
        await pilot.press("tab", "tab", "down")  # past the round's tips to its questions; the second
        await pilot.pause()
        shown = str(app.screen.query_one("#question-text", Static).render())
        assert shown.startswith("Explain the bias-variance tradeoff") and "concept-bias-variance" in shown
        assert "Key points:" in shown and "Common mistake:" in shown


async def test_the_rounds_question_table_fits_every_width(db_path):
    seed(db_path, interview=False)
    for size in ((80, 24), (160, 50)):
        app = build_app(db_path, TODAY)
        async with app.run_test(size=size) as pilot:
            await pilot.press("5", "down")
            await settle(pilot)
            table = app.screen.query_one("#round-questions", DataTable)
            assert table.row_count > 5 and table.region.height >= 6, "several questions in view"
            widths = sum(column.get_render_width(table) for column in table.columns.values())
            assert widths <= table.region.width, size


async def test_a_question_of_your_own_is_added_on_the_rounds_screen_and_planned(db_path):
    from planner.tui.forms import QuestionForm

    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("down", "down", "a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, QuestionForm) and "ML concepts" in str(form.query_one(".title", Label).render())
        await pilot.press("f2")  # nothing typed yet: refused, and the form stays
        await pilot.pause()
        assert app.screen is form and "Type the question" in str(form.query_one("#form-error", Static).render())
        form.query_one("#question-text", TextArea).text = "How would you calibrate a ranker's scores?"
        form.query_one("#company", Input).value = "acme"
        await pilot.press("f2")
        await settle(pilot)
        await settle(pilot)
        assert not isinstance(app.screen, QuestionForm)
        questions = app.screen.query_one("#round-questions", DataTable)
        last = questions.get_row_at(questions.row_count - 1)
        assert str(last[2]) == "How would you calibrate a ranker's scores?" and last[3] == "yours"
        assert "1 of them yours" in str(app.screen.query_one("#round-bank", Static).render())
        with Store.open(db_path) as store:
            planned = [t for t in store.planned_tasks() if t.question_id == "own-1"]
        assert planned and planned[0].title.startswith("Acme: How would you calibrate")

        questions.focus()
        concepts = len(load_catalog().round("ml-concepts").questions)
        await pilot.press("ctrl+home", "x")  # a shipped question stays
        await pilot.pause()
        assert not isinstance(app.screen, Confirm) and questions.row_count == concepts + 1
        await pilot.press("ctrl+end", "x")
        await pilot.pause()
        assert isinstance(app.screen, Confirm), app.screen
        await pilot.press("y")
        await settle(pilot)
        await settle(pilot)
        assert questions.row_count == concepts
    with Store.open(db_path) as store:
        assert not [t for t in store.planned_tasks() if t.question_id == "own-1"]


async def test_every_binding_has_an_id_for_the_keymap(db_path):
    seed(db_path, interview=False)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        for key in "123456":
            await pilot.press(key)
            await pilot.pause()
            ours = [b for b in app.screen.BINDINGS + app.BINDINGS if b not in Screen.BINDINGS]  # not Textual's
            for binding in ours:
                assert binding.id, binding


async def test_the_palette_adds_a_story_and_exports_from_any_screen(db_path, tmp_path, monkeypatch):
    seed(db_path, stories=[{"title": "Shipped it", "themes": ("success",)}])
    monkeypatch.chdir(tmp_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Add story", "Export plan to calendar", "Export stories", "Go to Stories"} <= set(titles)
        await app.action_add_story()
        await pilot.pause()
        assert isinstance(app.screen, StoryForm)
        await pilot.press("escape")
        app.export_stories()
        app.export_plan()
        await settle(pilot)
    assert "## Shipped it" in (tmp_path / "stories.md").read_text()
    assert (tmp_path / "planner.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


async def test_editing_an_interview_in_the_app_keeps_rounds_moved_from_the_shell(db_path):
    with Store.open(db_path) as store:
        store.save_interview(Interview(0, "Acme", date(2026, 12, 15), None, (("ml-coding", date(2026, 12, 10)),)))
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#role", Input).value = "ML Engineer"
        await pilot.press("f2")
        await settle(pilot)
        await settle(pilot)
    with Store.open(db_path) as store:
        [saved] = store.interviews()
    assert saved.role == "ML Engineer"
    assert saved.round_date("ml-coding") == date(2026, 12, 10)


async def test_the_budget_is_set_in_the_app(db_path):
    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        await settle(pilot)
        app.screen.query_one("#budget", Input).value = "90"
        app.screen.query_one("#weekdays", Input).value = "sat=180"
        app.screen.query_one("#days-off", Input).value = "sun"
        app.screen.query_one("#budget", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
    with Store.open(db_path) as store:
        assert store.setting("budget") == {"daily": 90, "weekdays": {"sat": 180}, "days_off": ["sun"]}


async def test_a_task_opens_as_a_study_card_with_its_outline_and_takes_a_rating(db_path):
    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        rows = [table.get_row_at(n) for n in range(table.row_count)]
        row = next(n for n, cells in enumerate(rows) if cells[2] == "ML concepts")
        table.move_cursor(row=row)
        task_id = int(rows[row][1])
        await pilot.press("enter")
        await pilot.pause()
        from planner.tui.study import StudyCard

        card = app.screen
        assert isinstance(card, StudyCard)
        await pilot.press("space")
        await pilot.pause()
        outline = card.query_one("#card-outline", Markdown).source
        with Store.open(db_path) as store:
            question_id = store.task(task_id).question_id
        assert outline and question_id
        await pilot.press("1")
        await settle(pilot)
        assert not isinstance(app.screen, StudyCard)
    with Store.open(db_path) as store:
        assert store.task(task_id).status == "done"
        assert store.memory()[question_id][2] == "again"


async def test_the_readiness_screen_shows_each_round_and_where_work_counts_most(db_path):
    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        await settle(pilot)
        shown = str(app.screen.query_one("#readiness-rounds", Static).render())
        assert "Acme" in shown and "ML concepts" in shown and "Most to gain" in shown
        calendar = str(app.screen.query_one("#readiness-calendar", Static).render())
        lines = calendar.splitlines()
        assert lines[0].startswith("Minutes a day") and len(lines) == 10
        assert f"{TODAY:%b}" in lines[1], "the weeks stand under their months"
        assert [line[:2] for line in lines[2:9]] == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
        assert "min" in lines[9], "the shades are explained"


async def test_a_mock_runs_against_a_clock_that_pauses_and_is_scored_into_the_log(db_path):
    from planner.tui.study import MockCard

    seed(db_path)
    with Store.open(db_path) as store:
        mock = next(t for t in store.planned_tasks() if t.kind == "mock" and t.round == "ml-system-design")
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(MockCard(mock, TODAY))
        await pilot.pause()
        card = app.screen
        phases = str(card.query_one("#mock-phases", Static).render())
        assert "1. Requirements and scope" in phases and "Monitoring" in phases
        await pilot.press("p")
        assert "paused" in str(card.query_one("#mock-clock", Static).render())
        await pilot.press("4")
        card.query_one("#mock-note", Input).value = "spend less time on data"
        await pilot.press("f2")
        await settle(pilot)
        assert not isinstance(app.screen, MockCard)
    with Store.open(db_path) as store:
        [entry] = [e for e in store.practice_log() if e["task_id"] == mock.id]
    assert (entry["score"], entry["note"]) == (4, "spend less time on data")


async def test_a_story_is_picked_for_a_prompt_on_the_suggest_screen(db_path):
    seed(db_path, stories=[{"title": "Pushback", "themes": ("conflict",), "action": "I disagreed with my manager."},
                           {"title": "Quiet win", "themes": ("success",), "action": "I shipped the model."}],
         interview=False)  # fmt: skip
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(pilot)
        app.screen.query_one("#prompt", Input).value = "Tell me about a time you disagreed with your manager"
        await settle(pilot)
        await pilot.press("escape", "down", "p")
        await settle(pilot)
        await settle(pilot)
        first = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert first.startswith("1. Quiet win") and "you picked it" in first


async def test_a_story_to_write_opens_the_form_ready_and_saving_it_checks_the_task_off(db_path):
    seed(db_path)  # an interview and an empty story bank: the plan asks for stories
    with Store.open(db_path) as store:
        writes = [task for task in store.planned_tasks() if task.kind == "write"]
    first = min(writes, key=lambda task: (task.due, task.id))
    app = build_app(db_path, first.due)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen
        today.query_one(DataTable).move_cursor(row=[task.id for task in today.agenda.tasks].index(first.id))
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StoryForm)
        assert first.title in str(form.query_one(".title", Static).render())
        asked = form.query_one("#competencies", Input).value, list(form.query_one("#themes", SelectionList).selected)
        assert any(asked), "the form starts with what the plan asks for"
        form.query_one("#themes", SelectionList).select("failure")
        form.query_one("#title", Input).value = "The model I shipped too early"
        await pilot.press("f2")
        await settle(pilot)
        await settle(pilot)
        assert app.screen is today
        with Store.open(db_path) as store:
            assert store.task(first.id).status == "planned", "a title alone is not the story written"
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        form.query_one("#title", Input).value = "The model I shipped too early, in full"
        for name in ("situation", "task", "action", "result"):
            form.query_one(f"#{name}", TextArea).text = f"The {name}, told."
        await pilot.press("f2")
        await settle(pilot)
        await settle(pilot)
    with Store.open(db_path) as store:
        assert store.task(first.id).status == "done"
        assert {story.title for story in store.stories()} == {
            "The model I shipped too early",
            "The model I shipped too early, in full",
        }


async def test_screen_keys_work_on_arriving_at_suggest_and_slash_goes_to_the_prompt(db_path):
    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await settle(pilot)
        prompt = app.screen.query_one("#prompt", Input)
        await pilot.press("5")  # a screen key, not typing: on to Rounds
        await settle(pilot)
        assert app.current_mode == "rounds" and prompt.value == ""
        await pilot.press("4", "slash", "h", "i")
        assert app.screen.query_one("#prompt", Input).value == "hi"


async def test_the_keys_panel_closes_with_question_mark_or_escape(db_path):
    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for closing in ("question_mark", "escape"):
            await pilot.press("question_mark")
            assert app.screen.query("HelpPanel")
            await pilot.press(closing)
            await pilot.pause()
            assert not app.screen.query("HelpPanel"), closing
        await pilot.press("4", "slash", "x", "escape")  # with the panel closed, Esc is the screen's
        assert isinstance(app.focused, OptionList)


async def test_the_story_form_asks_before_losing_what_was_typed_and_shows_every_field(db_path):
    seed(db_path, interview=False)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_story_form(pilot)
        for name in ("company", "role", "year"):
            assert form.query_one(f"#{name}", Input).region.width >= 10, name
        await pilot.press("escape")  # nothing typed: it just closes
        await pilot.pause()
        assert app.screen is not form
        form = await open_story_form(pilot)
        form.query_one("#title", Input).value = "Half a story"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not form, "a question is asked"
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is form and form.query_one("#title", Input).value == "Half a story"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.screen is not form


async def test_the_story_filter_meets_any_word_form_keeps_the_cursor_and_takes_no_slash(db_path):
    seed(
        db_path,
        stories=[
            {"title": "Alpha", "themes": ("success",), "action": "I met the deadline."},
            {"title": "Beta", "themes": ("failure",), "action": "We missed two deadlines."},
            {"title": "Gamma", "themes": ("challenge",), "action": "A quiet quarter."},
            {"title": "Delta", "themes": ("success",), "action": "Every deadline held."},
        ],
        interview=False,
    )
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        stories = app.screen
        stories.query_one(DataTable).move_cursor(row=1)
        with Store.open(db_path) as store:
            store.delete_story(1)  # the rows below move up
        stories.reload()
        await settle(pilot)
        assert stories._selected().title == "Beta", "the cursor stays on its story"
        await pilot.press("slash", *"deadlines", "slash")
        assert stories.query_one("#story-filter", Input).value == "deadlines"
        await pilot.pause()
        assert [s.title for s in stories.shown] == ["Beta", "Delta"]


async def test_every_screen_at_80_by_24_shows_all_its_keys_and_every_screen_to_go_to(db_path):
    from textual.widgets._footer import FooterKey

    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in "1234567":
            await pilot.press(key)
            await settle(pilot)
            keys = list(app.screen.query(FooterKey))
            assert {"question_mark", "q"} <= {footer_key.key for footer_key in keys}, key
            assert all(footer_key.region.right <= 80 for footer_key in keys), key
            bar = str(app.screen.query_one("#screen-bar", Static).render())
            assert "7 Readiness" in bar and app.screen.query_one("#screen-bar").region.width <= 80


async def test_the_theme_and_keys_are_kept_in_the_settings_file(db_path, settings_file):
    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert 'theme = "nord"' in settings_file.read_text()
    settings_file.write_text(settings_file.read_text() + '\n[keys]\ntoday-done = "x"\n')
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        first_id = int(app.screen.query_one(DataTable).get_row_at(0)[1])
        await pilot.press("x")
        await settle(pilot)
    with Store.open(db_path) as store:
        assert store.task(first_id).status == "done"


async def test_a_broken_settings_file_is_said_and_the_app_runs_on_defaults(db_path, settings_file):
    seed(db_path)
    settings_file.write_text("theme = [unclosed\n")
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("cannot read the settings" in str(n.message) for n in app._notifications)
        assert app.screen.query_one(DataTable).row_count > 0


async def test_tab_from_role_goes_to_year_in_the_story_form(db_path):
    seed(db_path, interview=False)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_story_form(pilot)
        form.query_one("#role", Input).focus()
        await pilot.press(*"Senior ML Engineer", "tab", *"2023")
        assert (form.query_one("#role", Input).value, form.query_one("#year", Input).value) == (
            "Senior ML Engineer",
            "2023",
        )


async def test_a_key_on_a_finished_task_says_why_it_does_nothing(db_path):
    seed(db_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("t")
        assert any("done already" in str(n.message) for n in app._notifications)
        assert not app.screen.query_one("#today-timer").display


async def test_on_a_narrow_terminal_the_story_list_has_the_whole_width(db_path):
    seed(db_path, stories=[{"title": "Refusing to lower the threshold", "themes": ("conflict", "challenge")}])
    app = build_app(db_path, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.region.width == 80, "the story's text goes below the list, not beside it"
        title, themes = (column.get_render_width(table) for column in table.ordered_columns[:2])
        assert title + themes <= 80, "the themes are in view"


async def test_a_new_story_is_the_one_shown_once_saved(db_path):
    seed(db_path, stories=[{"title": f"Older story {n}", "themes": ("success",)} for n in range(3)])
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_story_form(pilot)
        form.query_one("#title", Input).value = "Shipped the ranking model a week early"
        form.query_one("#themes", SelectionList).select("success")
        await pilot.press("f2")
        await settle(pilot)
        await settle(pilot)
        stories = app.screen
        assert "Shipped the ranking model a week early" in stories.query_one(Markdown).source
        table = stories.query_one(DataTable)
        assert table.get_row_at(table.cursor_row)[0] == "Shipped the ranking model a week early"
