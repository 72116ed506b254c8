"""Stories: the bank as a table with live filtering, the STAR detail, add/edit/delete, coverage."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Markdown, Static

from planner.catalog.rounds import THEMES
from planner.db.stemming import stems_of
from planner.stories.competencies import names
from planner.stories.story import STAR_FIELDS, Story, coverage, delivery_line, search_words, speaking_time
from planner.tui.base import PlannerScreen, data_table
from planner.tui.forms import Confirm, StoryForm

if TYPE_CHECKING:
    pass


def story_stems(story: Story) -> set[str]:
    """The stems of a story's words, which the filter's words are met by in any form."""
    text = " ".join([story.title, *(getattr(story, f) for f in STAR_FIELDS), *story.tags]).casefold()
    return set(stems_of(search_words(text)))


def matches(story: Story, stems: set[str], query: str) -> bool:
    """Every part of the query fits: plain words anywhere in any form ("deadlines" finds
    "deadline"), theme:X and tag:X on those fields."""
    for part in query.casefold().split():
        key, sep, value = part.partition(":")
        if sep and key == "theme":
            if not any(t.startswith(value) for t in story.themes):
                return False
        elif sep and key == "tag":
            if not any(value in t.casefold() for t in story.tags):
                return False
        elif not set(stems_of(search_words(part))) <= stems:
            return False
    return True


def story_markdown(story: Story) -> str:
    lines = [
        f"## {story.title}",
        "",
        f"*{', '.join(story.themes)}*"
        + (f" · shows: {', '.join(story.competencies)}" if story.competencies else "")
        + (f" · tags: {', '.join(story.tags)}" if story.tags else "")
        + f" · {story.words} words, {speaking_time(story.seconds)} aloud",
        "",
    ]
    for name in STAR_FIELDS:
        lines += [f"### {name.capitalize()}", "", getattr(story, name) or "*(to write)*", ""]
    lines += [f"*Delivery:* {delivery_line(story)}", ""]
    lines += [f"> {warning}" for warning in story.warnings]
    if story.told:
        lines += ["", "Told: " + "; ".join(f"{t.company} on {t.date}" for t in story.told)]
    return "\n".join(lines)


class CoverageScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,m", "dismiss", "Close", id="coverage-close")]

    def __init__(self, stories: list[Story]) -> None:
        super().__init__()
        self.stories = stories

    def compose(self) -> ComposeResult:
        grid = coverage(self.stories)
        # Stories are the columns, so that every theme and competency is a row with its gaps plain;
        # the row names stay in view while the table scrolls sideways.
        table: DataTable[str] = DataTable(id="coverage-grid", fixed_columns=1, zebra_stripes=True)
        table.add_columns("", *(f"#{story.id}" for story in self.stories), "total")

        def marks(has: list[bool]) -> list[str]:
            return ["●" if mark else "·" for mark in has] + [str(sum(has))]

        for theme in THEMES:
            table.add_row(theme, *marks([theme in s.themes for s in self.stories]))
        for slug in grid.by_competency:
            table.add_row(names()[slug], *marks([slug in s.competencies for s in self.stories]))
        gaps = "\n".join(f"• {gap}" for gap in grid.gaps) or "Every theme has two stories and every competency one."
        legend = "   ".join(f"#{s.id} {s.title[:30]}" for s in self.stories)
        with VerticalScroll(classes="dialog wide"):
            yield Static("Coverage: themes and competencies × stories   (Esc to close)", classes="title")
            yield table
            yield Static(f"{legend}\n\n{gaps}")


NARROW = 110  # columns below which the story is shown under the table, not beside it


class StoriesScreen(PlannerScreen):
    BINDING_GROUP_TITLE = "Stories keys"
    AUTO_FOCUS = "#story-table"
    BINDINGS = [
        Binding("escape", "focus_table", "Table", id="stories-table"),
        # Taken before the filter sees it: / goes to the filter, and never types a slash in it.
        Binding("slash", "focus_filter", "Filter", id="stories-filter", priority=True),
        Binding("n", "new", "New", id="stories-new"),
        Binding("e", "edit", "Edit", id="stories-edit"),
        Binding("x", "delete", "Delete", id="stories-delete"),
        Binding("m", "coverage", "Coverage", id="stories-coverage"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.stories: list[Story] = []
        self.stems: dict[int, set[str]] = {}  # each story's word stems, by id
        self.shown: list[Story] = []
        self.wanted: int | None = None  # a story just added, to put the cursor on once it is read

    def compose_body(self) -> ComposeResult:
        yield Input(placeholder="Filter: words, theme:conflict, tag:ranking   (/ to come back here)", id="story-filter")
        with Horizontal(id="story-panes"):
            yield data_table("story-table", "Title", "Themes", "Tags", "Words", "Last told")
            with VerticalScroll(id="story-detail"):
                yield Markdown()

    def on_resize(self) -> None:
        self.query_one("#story-panes").set_class(self.size.width < NARROW, "narrow")

    @work(thread=True, exclusive=True, group="stories", exit_on_error=False)
    def reload(self) -> None:
        stories = self.app.with_store(lambda store: store.stories())
        self.app.call_from_thread(self._show, stories)

    def _show(self, stories: list[Story]) -> None:
        self.stories = stories
        self.stems = {story.id: story_stems(story) for story in stories}
        self._filter()

    def _filter(self) -> None:
        query = self.query_one("#story-filter", Input).value
        selected = self.wanted or (story.id if (story := self._selected()) else None)
        self.shown = [s for s in self.stories if matches(s, self.stems[s.id], query)]
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for story in self.shown:
            last = story.told[-1] if story.told else None
            table.add_row(
                story.title,
                ", ".join(story.themes),
                ", ".join(story.tags),
                str(story.words),
                f"{last.company} {last.date}" if last else "",
                key=str(story.id),
            )
        if self.shown:
            # The cursor stays on the story it was on (after a save, say), wherever it now sits.
            ids = [story.id for story in self.shown]
            row = ids.index(selected) if selected in ids else min(row, len(ids) - 1)
            table.move_cursor(row=row)
        if self.wanted in self.stems:  # read from the bank: shown now, unless the filter hides it
            self.wanted = None
        self._show_detail()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._filter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _selected(self) -> Story | None:
        if not self.shown:
            return None
        return self.shown[min(self.query_one(DataTable).cursor_row, len(self.shown) - 1)]

    def _show_detail(self) -> None:
        story = self._selected()
        if story:
            text = story_markdown(story)
        elif self.stories:
            text = "No story matches the filter."
        else:
            text = "No stories yet. Press **n** to write your first one."
        self.query_one(Markdown).update(text)

    def action_focus_table(self) -> None:
        self.query_one(DataTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#story-filter", Input).focus()

    def action_new(self) -> None:
        self.app.push_screen(StoryForm(), self._go_to_new)

    def _go_to_new(self, story_id: object) -> None:
        """Once a new story is saved, the cursor goes to it, now or when the bank is next read."""
        if isinstance(story_id, int):
            self.wanted = story_id
            self._filter()

    def action_edit(self) -> None:
        story = self._selected()
        if story:
            self.app.push_screen(StoryForm(story))

    def action_delete(self) -> None:
        story = self._selected()
        if story:
            self.app.push_screen(
                Confirm(f"Delete the story {story.title!r}?"), lambda yes: self._delete(story) if yes else None
            )

    def _delete(self, story: Story) -> None:
        self.app.in_background(lambda store: store.delete_story(story.id), lambda _: f"Deleted: {story.title}")

    def action_coverage(self) -> None:
        self.app.push_screen(CoverageScreen(self.stories))

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Add story", "Write a new STAR story", self.action_new)
        yield SystemCommand("Edit story", "Edit the highlighted story", self.action_edit)
        yield SystemCommand(
            "Story coverage", "Stories against themes and competencies, with the gaps", self.action_coverage
        )
