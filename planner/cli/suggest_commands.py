"""`planner suggest`: the story to tell for a behavioral prompt."""

from collections import Counter

import click

from planner.catalog import load_catalog
from planner.cli.common import db_option, emit_json, open_store, wrap
from planner.errors import UserError
from planner.suggest import Suggestion, content_words, prompt_themes, query_terms, suggest

MAX_PROMPT = 20_000


def _suggestion_json(found: Suggestion) -> dict:
    return {
        "id": found.story.id,
        "title": found.story.title,
        "score": found.score,
        "themes": list(found.story.themes),
        "why": found.why,
        "weak": found.weak,
        "told_here": list(found.told_here),
    }


def _what_to_write(prompt: str) -> str:
    themes = prompt_themes(prompt)
    theme = max(themes, key=themes.get) if themes else None
    # The prompt's subject, without the words that only told its theme.
    topic = " ".join(word for word in content_words(prompt) if not prompt_themes(word))
    story = f"a {theme} story" if theme else "a story"
    return f"{story}{' about ' + topic if topic else ''}"


def _suggest_all(stories, company: str | None, as_json: bool) -> None:
    prompts = load_catalog().round("behavioral").questions
    best = {}
    for question in prompts:
        ranked = suggest(question.text, stories, company=company, limit=1)
        best[question.id] = None if not ranked or ranked[0].weak else ranked[0]
    load = Counter(found.story.id for found in best.values() if found)
    average = sum(load.values()) / len(stories) if stories else 0
    overloaded = [(story, load[story.id]) for story in stories if load[story.id] > max(3, 2 * average)]
    if as_json:
        emit_json(
            {
                "prompts": [
                    {"id": q.id, "prompt": q.text, "story": _suggestion_json(best[q.id]) if best[q.id] else None}
                    for q in prompts
                ],
                "uncovered": [q.id for q in prompts if best[q.id] is None],
                "overloaded": [{"id": s.id, "title": s.title, "prompts": n} for s, n in overloaded],
            }
        )
        return
    for question in prompts:
        found = best[question.id]
        click.echo(wrap(question.text))
        click.echo(f"    -> #{found.story.id} {found.story.title}" if found else "    -> no story covers this")
    uncovered = [q for q in prompts if best[q.id] is None]
    click.echo(f"\n{len(prompts) - len(uncovered)} of {len(prompts)} prompts have a story.")
    for story, count in overloaded:
        click.echo(f"#{story.id} {story.title} carries {count} prompts: a second story for some would spread the load.")


@click.command(name="suggest")
@click.argument("prompt", required=False)
@click.option("--limit", default=3, show_default=True, type=click.IntRange(min=1), help="How many stories to show.")
@click.option("--company", help="The company you are preparing for: stories told there drop down.")
@click.option("--all", "every_prompt", is_flag=True, help="Map every behavioral prompt of the question bank to its best story.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@db_option
def suggest_command(prompt: str | None, limit: int, company: str | None, every_prompt: bool, as_json: bool):
    """The stories to tell for a behavioral PROMPT, best first, and why each fits."""
    if every_prompt and prompt:
        raise UserError("give either a prompt or --all, not both")
    if not every_prompt:
        if prompt is None or not prompt.strip():
            raise UserError('give the prompt in quotes, e.g. planner suggest "Tell me about a time you disagreed with your manager"')
        if len(prompt) > MAX_PROMPT:
            raise UserError(f"the prompt is {len(prompt):,} characters long; paste at most {MAX_PROMPT:,}")
        if not query_terms(prompt) and not prompt_themes(prompt):
            raise UserError(f"nothing in {prompt[:60]!r} to match a story on; paste the interviewer's question")
    with open_store() as store:
        stories = tuple(store.stories())
    if not stories:
        if as_json:
            emit_json([])
        else:
            click.echo("Your story bank is empty. Add a story first: planner story add")
        return
    if every_prompt:
        _suggest_all(stories, company, as_json)
        return
    ranked = suggest(prompt, stories, company=company, limit=limit)
    if as_json:
        emit_json([_suggestion_json(found) for found in ranked])
        return
    if ranked[0].weak:
        click.echo(f"Nothing in your bank fits this prompt well. Write {_what_to_write(prompt)}.")
        click.echo("Closest, though weak:")
    for number, found in enumerate(ranked, start=1):
        click.echo(f"{number}. #{found.story.id} {found.story.title}  (score {found.score:.2f})")
        click.echo(wrap(found.why, "   "))
