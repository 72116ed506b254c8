"""`planner suggest`: the story to tell for a behavioral prompt."""

import click

from planner.cli.common import ROW_ID, db_option, emit_json, json_option, open_store, wrap
from planner.errors import UserError
from planner.stories.prep import (
    PromptGrid,
    check_prompt,
    grid_for,
    nothing_fits,
    suggestion_json,
    suggestions_for,
    without_a_story,
)

EMPTY_BANK = "Your story bank is empty. Add a story first: planner story add"


def _print_grid(grid: PromptGrid) -> None:
    for question, found in grid.rows:
        click.echo(wrap(question.text))
        mine = " (your pick)" if found and found.picked_for else ""
        answer = f"#{found.story.id} {found.story.title}{mine}" if found else without_a_story(question)
        click.echo(wrap(f"-> {answer}", "    ", hanging="   "))
    click.echo(f"\n{len(grid.rows) - len(grid.uncovered)} of {len(grid.rows)} prompts have a story.")
    for story, count in grid.overloaded:
        click.echo(f"#{story.id} {story.title} carries {count} prompts: a second story for some would spread the load.")


@click.command(name="suggest")
@click.argument("prompt", required=False)
@click.option("--limit", default=3, show_default=True, type=click.IntRange(min=1), help="How many stories to show.")
@click.option("--company", help="The company you are preparing for: stories told there drop down.")
@click.option(
    "--all",
    "every_prompt",
    is_flag=True,
    help="Map every behavioral prompt of the question bank to its best story.",
)
@click.option("--pick", "pick", type=ROW_ID, metavar="STORY_ID", help="The story you will tell for this prompt.")
@json_option
@db_option
def suggest_command(
    prompt: str | None, limit: int, company: str | None, every_prompt: bool, pick: int | None, as_json: bool
) -> None:
    """The stories to tell for a behavioral PROMPT, best first, and why each fits."""
    if every_prompt:
        if prompt or pick is not None:
            raise UserError("--all maps the bank's prompts: give it without a prompt or --pick")
        with open_store() as store:
            grid = grid_for(store, company)
        if as_json:
            emit_json(grid.to_json())
        elif not grid.bank_size:
            click.echo(EMPTY_BANK)
        else:
            _print_grid(grid)
        return
    asked = check_prompt(prompt or "")
    with open_store() as store:
        if pick is not None:
            picked = store.pick(" ".join(asked.split()), pick)
            if not as_json:
                click.echo(f"Picked #{picked.id} {picked.title} for this prompt, and for prompts that mean the same.")
        ranked = suggestions_for(store, asked, company=company, limit=limit)
    if as_json:
        emit_json([suggestion_json(found) for found in ranked])
        return
    if not ranked:
        click.echo(EMPTY_BANK)
        return
    if ranked[0].weak:
        click.echo(nothing_fits(asked))
        click.echo("Closest, though weak:")
    for number, found in enumerate(ranked, start=1):
        click.echo(f"{number}. #{found.story.id} {found.story.title}  (score {found.score:.2f})")
        click.echo(wrap(found.why, "   "))
