"""`planner story ...`: the STAR story bank from the shell."""

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from planner.catalog.rounds import THEMES, find_round
from planner.cli.common import ROW_ID, db_option, emit_json, json_option, open_store, stdin_is_terminal, wrap
from planner.clock import today
from planner.dates import parse_date
from planner.errors import UserError
from planner.exports import STORY_FORMATS, export_stories, stories_document
from planner.stories.competencies import competencies, names
from planner.stories.importing import import_stories, read_stories_file
from planner.stories.story import (
    STAR_FIELDS,
    STORY_FIELDS,
    Story,
    check_fields,
    company_name,
    coverage,
    delivery_line,
    from_template,
    search_words,
    speaking_time,
    to_template,
)
from planner.text import shown


def _field_options(command: Callable[..., None]) -> Callable[..., None]:
    options = [
        click.option("--title", help="A few words you will recognise the story by."),
        click.option("--situation", help="S: the context, briefly."),
        click.option("--task", help="T: what you had to achieve."),
        click.option("--action", help="A: what you did, and why."),
        click.option("--result", help="R: what came of it, with figures where you have them."),
        click.option("--theme", "themes", multiple=True, help=f"Repeatable: {', '.join(THEMES)}."),
        click.option(
            "--competency",
            "competencies",
            multiple=True,
            help="Repeatable: what the story shows, e.g. ownership (planner story competencies lists them).",
        ),
        click.option("--tag", "tags", multiple=True, help="Repeatable free tag, e.g. --tag ranking."),
        click.option("--company", help="Where it happened."),
        click.option("--role", help="Your role then."),
        click.option("--year", help="When it happened, e.g. 2024."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _given(options: dict[str, Any]) -> dict[str, Any]:
    """The story fields the user actually passed as flags."""
    return {name: value for name, value in options.items() if name in STORY_FIELDS and value not in (None, ())}


def _edit_in_editor(fields: dict[str, Any]) -> dict[str, Any]:
    text = click.edit(to_template(fields), extension=".md", require_save=True)
    if text is None:
        raise UserError("the editor closed without saving; nothing was changed")
    return from_template(text)


def _checked(name: str) -> Callable[[str], Any]:
    """A prompt check: the answer is asked again until check_fields accepts it."""

    def check(value: str) -> Any:
        try:
            return check_fields({name: value}, partial=True)[name]
        except UserError as exc:
            raise click.BadParameter(str(exc)) from None

    return check


def _ask_for_missing(fields: dict[str, Any]) -> dict[str, Any]:
    fields = dict(fields)
    if not fields.get("title", "").strip():
        fields["title"] = click.prompt("Title", value_proc=_checked("title"))
    if not fields.get("themes"):
        fields["themes"] = click.prompt(f"Themes ({', '.join(THEMES)}; commas between)", value_proc=_checked("themes"))
    for name in STAR_FIELDS:
        if name not in fields:
            fields[name] = click.prompt(name.capitalize(), default="", show_default=False)
    if "tags" not in fields:
        fields["tags"] = click.prompt("Tags (commas between, optional)", default="", show_default=False)
    for name, label in (("company", "Company"), ("role", "Your role then"), ("year", "Year, e.g. 2024")):
        if name not in fields:
            fields[name] = click.prompt(
                f"{label} (optional)", default="", show_default=False, value_proc=_checked(name)
            )
    return fields


def _story_line(story: Story) -> str:
    themes = ",".join(story.themes)
    tags = ",".join(story.tags)
    flag = " !" if story.warnings else ""
    length = f"{story.words:>4}w {speaking_time(story.seconds)}"
    return f"{story.id:>4}  {story.title[:40]:<40}  {themes:<20}  {tags[:24]:<24}  {length}{flag}"


def _competencies_read(story: Story) -> str:
    """What a story was found to show, when the user gave no competencies."""
    if not story.competencies:
        return f"competencies: none read from the story; add some with planner story edit {story.id} --competency"
    shown = ", ".join(story.competencies)
    return f"competencies (read from the story): {shown}; change them with planner story edit {story.id} --competency"


def _print_story(story: Story) -> None:
    click.echo(click.style(f"#{story.id} {story.title}", bold=True))
    facts = [", ".join(story.themes)]
    if story.competencies:
        facts.append("shows: " + ", ".join(story.competencies))
    if story.tags:
        facts.append("tags: " + ", ".join(story.tags))
    facts += [str(part) for part in (story.company, story.role, story.year) if part]
    facts.append(f"{story.words} words, {speaking_time(story.seconds)} aloud")
    click.echo(" · ".join(facts))
    for name in STAR_FIELDS:
        click.echo(f"\n{name.capitalize()}")
        text = getattr(story, name)
        click.echo(
            "\n".join(wrap(paragraph, "  ") for paragraph in text.splitlines() if paragraph.strip()) or "  (empty)"
        )
    click.echo(f"\ndelivery: {delivery_line(story)}")
    for warning in story.warnings:
        click.echo(f"note: {warning}")
    if story.told:
        told = "; ".join(f"{use.company}{' ' + use.round if use.round else ''} on {use.date}" for use in story.told)
        click.echo(f"\ntold: {told}")


@click.group()
def story() -> None:
    """Your bank of STAR stories (situation, task, action, result)."""


@story.command()
@_field_options
@click.option("--edit", is_flag=True, help="Write the story in $EDITOR.")
@db_option
def add(edit: bool, **options: Any) -> None:
    """File a story: a title and a theme are enough, the rest can come later."""
    fields = _given(options)
    if edit:
        fields = _edit_in_editor(fields)
    elif not fields.get("title") or not fields.get("themes"):
        if not stdin_is_terminal():
            raise UserError("a story needs --title and at least one --theme (or use --edit)")
        fields = _ask_for_missing(fields)
    clean = check_fields(fields)
    with open_store() as store:
        story_id = store.add_story(clean)
        added = store.story(story_id)
    click.echo(f"Added story {story_id}: {added.title}")
    if not fields.get("competencies"):
        click.echo(_competencies_read(added))
    for warning in added.warnings:
        click.echo(f"note: {warning}")


@story.command(name="list")
@click.option("--theme", help="Only stories with this theme.")
@click.option("--tag", help="Only stories with this tag.")
@click.option("--incomplete", is_flag=True, help="Only stories with a STAR part still empty.")
@json_option
@db_option
def list_(theme: str | None, tag: str | None, incomplete: bool, as_json: bool) -> None:
    """The stories in the bank."""
    if theme is not None:
        (theme,) = check_fields({"themes": [theme]}, partial=True)["themes"]
    with open_store() as store:
        stories = store.stories()
    stories = [
        s
        for s in stories
        if (theme is None or theme in s.themes)
        and (tag is None or tag.casefold() in (t.casefold() for t in s.tags))
        and (not incomplete or s.missing)
    ]
    if as_json:
        emit_json([s.to_json() for s in stories])
        return
    if not stories:
        click.echo("No stories match." if (theme or tag or incomplete) else "No stories yet: planner story add")
        return
    for s in stories:
        click.echo(_story_line(s))
    if any(s.warnings for s in stories):
        click.echo("\n! has a note: see planner story show ID")


@story.command()
@click.argument("story_id", type=ROW_ID, metavar="ID")
@json_option
@db_option
def show(story_id: int, as_json: bool) -> None:
    """One story in full, with its length and where it has been told."""
    with open_store() as store:
        found = store.story(story_id)
    if as_json:
        emit_json(found.to_json())
    else:
        _print_story(found)


@story.command()
@click.argument("story_id", type=ROW_ID, metavar="ID")
@_field_options
@click.option("--add-tag", "add_tags", multiple=True, help="Repeatable: a tag to add.")
@click.option("--remove-tag", "remove_tags", multiple=True, help="Repeatable: a tag to remove.")
@click.option("--edit", is_flag=True, help="Edit the whole story in $EDITOR.")
@db_option
def edit(story_id: int, add_tags: tuple[str, ...], remove_tags: tuple[str, ...], edit: bool, **options: Any) -> None:
    """Change a story: the flags given replace those fields (--theme and --tag replace the lists)."""
    changes = _given(options)
    with open_store() as store:
        current = store.story(story_id)
        if add_tags or remove_tags:
            tags = [t for t in changes.get("tags", current.tags) if t not in remove_tags]
            changes["tags"] = [*tags, *add_tags]
        if edit:
            fields = {name: getattr(current, name) for name in STORY_FIELDS} | changes
            clean = check_fields(_edit_in_editor(fields))
        elif changes:
            clean = check_fields(changes, partial=True)
        else:
            raise UserError("nothing to change: give the fields to change, such as --title, or --edit")
        store.update_story(story_id, clean)
        updated = store.story(story_id)
    click.echo(f"Updated story {story_id}: {updated.title}")
    for warning in updated.warnings:
        click.echo(f"note: {warning}")


@story.command()
@click.argument("story_id", type=ROW_ID, metavar="ID")
@click.option("--yes", is_flag=True, help="Delete without asking.")
@db_option
def rm(story_id: int, yes: bool) -> None:
    """Delete a story (asks first)."""
    with open_store() as store:
        doomed = store.story(story_id)
        told = f" It has been told {len(doomed.told)} time(s)." if doomed.told else ""
        if not yes and not click.confirm(f"Delete story {story_id} {doomed.title!r}?{told}", default=False):
            raise UserError("not deleted")
        store.delete_story(story_id)
    click.echo(f"Deleted story {story_id}: {doomed.title}")


@story.command()
@click.argument("words", nargs=-1, required=True)
@json_option
@db_option
def search(words: tuple[str, ...], as_json: bool) -> None:
    """Stories containing all the WORDS (any form: "deadline" finds "deadlines")."""
    terms = search_words(" ".join(words))
    if not terms:
        raise UserError("give some words to search for, e.g. planner story search deadline")
    with open_store() as store:
        found = store.search_stories(terms)
    if as_json:
        emit_json([s.to_json() | {"snippet": snippet} for s, snippet in found])
        return
    if not found:
        click.echo(f"No story mentions {' '.join(terms)}.")
    for s, snippet in found:
        click.echo(f"{s.id:>4}  {s.title}")
        click.echo(wrap(snippet, "      "))


@story.command(name="import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@db_option
def import_(file: Path) -> None:
    """Add the stories of a JSON FILE (a list of story objects), all or none.

    Stories already in the bank, word for word, are skipped.
    """
    stories = read_stories_file(file)  # before the database is opened: a bad file changes nothing
    with open_store() as store:
        added, skipped = import_stories(store, stories)
    click.echo(f"Imported {added} stories" + (f"; skipped {skipped} already in the bank." if skipped else "."))


@story.command()
@click.option("--format", "format_", type=click.Choice(STORY_FORMATS), default="json", show_default=True)
@click.option("-o", "--output", help="Write to this file (- for standard output).")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@db_option
def export(format_: str, output: str | None, force: bool) -> None:
    """All stories as JSON (to re-import) or Markdown (a study sheet)."""
    with open_store() as store:
        if output is not None and output != "-":
            count = export_stories(store, Path(output), format_, replace=force)
            click.echo(f"Wrote {count} stories to {output}", err=True)
            return
        stories = store.stories()
    click.echo(stories_document(stories, format_), nl=False)


@story.command()
@json_option
@db_option
def matrix(as_json: bool) -> None:
    """Which themes and competencies your stories cover, story by story, and the gaps."""
    with open_store() as store:
        stories = store.stories()
    grid = coverage(stories)
    if as_json:
        emit_json(
            {
                "themes": grid.by_theme,
                "competencies": {slug: list(ids) for slug, ids in grid.by_competency.items()},
                "top_tags": [{"tag": tag, "stories": n} for tag, n in grid.top_tags],
                "gaps": grid.gaps,
                "stories": [s.to_json() for s in stories],
            }
        )
        return
    if not stories:
        click.echo("No stories yet: planner story add")
        return
    rows = [(theme, [theme in s.themes for s in stories]) for theme in THEMES]
    rows += [(names()[slug], [slug in s.competencies for s in stories]) for slug in grid.by_competency]
    # Stories are columns, as many as the terminal holds beside the row names, in blocks.
    label = max(len(name) for name, _ in rows) + 2
    per_block = max(1, (shutil.get_terminal_size((100, 24)).columns - label - 6) // 5)
    for start in range(0, len(stories), per_block):
        block = range(start, min(start + per_block, len(stories)))
        click.echo(" " * label + "".join(f"#{stories[i].id}".rjust(5) for i in block) + "  total")
        for number, (name, marks) in enumerate(rows):
            if number == len(THEMES):
                click.echo()
            cells = "".join(("●" if marks[i] else "·").rjust(5) for i in block)
            click.echo(f"{name:<{label}}{cells}  {sum(marks):>5}")
        click.echo()
    for s in stories:
        click.echo(f"  #{s.id:<4} {s.title}")
    if grid.gaps:
        click.echo("\nGaps:")
        for gap in grid.gaps:
            click.echo(f"  - {gap}")
    else:
        click.echo("\nEvery theme has two stories and every competency one.")


@story.command(name="competencies")
@json_option
@db_option
def competencies_(as_json: bool) -> None:
    """The competencies behavioral prompts probe, and how many of your stories show each."""
    with open_store() as store:
        grid = coverage(store.stories())
    listed = [
        {"slug": c.slug, "name": c.name, "stories": list(grid.by_competency.get(c.slug, ()))} for c in competencies()
    ]
    if as_json:
        emit_json(listed)
        return
    for item in listed:
        count = len(item["stories"]) if item["slug"] in grid.by_competency else "-"
        click.echo(f"  {item['slug']:<22} {item['name']:<34} {count}")
    click.echo("\n- : answered with your reasons, not a story")


@story.command()
@click.argument("story_id", type=ROW_ID, metavar="ID")
@click.option("--company", required=True, help="Who you told it to.")
@click.option("--round", "round_name", help="Which round, e.g. behavioral.")
@click.option("--date", "when", default="today", show_default=True, help="When, e.g. yesterday or 2026-11-20.")
@db_option
def told(story_id: int, company: str, round_name: str | None, when: str) -> None:
    """Record that you told a story, so you do not tell one company the same story twice."""
    company = company_name(company)
    on = parse_date(when, today(), prefer="past")
    if on > today():
        raise UserError(f"{shown(when)} is {on}, in the future; record a story once you have told it")
    slug = find_round(round_name).slug if round_name else None
    with open_store() as store:
        earlier = [u for u in store.story(story_id).told if u.company.casefold() == company.casefold()]
        store.record_told(story_id, company, slug, on.isoformat())
    click.echo(f"Recorded: story {story_id} told at {company}{' (' + slug + ')' if slug else ''} on {on}.")
    for use in earlier:
        click.echo(f"note: {company} already heard it on {use.date}")
