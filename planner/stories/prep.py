"""Preparing the behavioral round with the suggester: whether a prompt can be matched at all, which
story to write when none fits, and every prompt of the bank mapped to its best story."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner.catalog.rounds import BEHAVIORAL, Question
from planner.db.stemming import stems_of
from planner.errors import UserError
from planner.plan.questions import question_bank
from planner.plan.records import Interview, StoryChoice, StoryPrep
from planner.stories.competencies import MOTIVATION, asked_in, names
from planner.stories.story import Story
from planner.stories.suggest import Suggestion, TermIndex, content_words, prompt_themes, query_terms, suggest

if TYPE_CHECKING:
    from planner.db.store import Store
from planner.text import shown

MAX_PROMPT = 20_000


def check_prompt(prompt: str) -> str:
    """The prompt, if a story can be matched on it; otherwise UserError says what to give instead."""
    if not prompt.strip():
        raise UserError(
            'give the prompt in quotes, e.g. planner suggest "Tell me about a time you disagreed with your manager"'
        )
    if len(prompt) > MAX_PROMPT:
        raise UserError(f"the prompt is {len(prompt):,} characters long; paste at most {MAX_PROMPT:,}")
    if not query_terms(prompt) and not prompt_themes(prompt) and not asked_in(prompt):
        raise UserError(f"nothing in {shown(prompt)} to match a story on; paste the interviewer's question")
    return prompt


def what_to_write(prompt: str) -> str:
    """The story the bank lacks for a prompt, e.g. 'a success story that shows ownership, about
    "launch"' (the topic is the prompt's words, without those that only told its theme)."""
    themes = prompt_themes(prompt)
    shown = next((slug for slug in asked_in(prompt) if slug != MOTIVATION), None)
    story = story_wanted(sorted(themes, key=lambda name: -themes[name]), shown)
    topic = " ".join(word for word in content_words(prompt) if not prompt_themes(word))
    if not topic:
        return story
    return f'{story}{"," if story != "a story" else ""} about "{topic}"'


def story_wanted(themes: Sequence[str], competency: str | None) -> str:
    """A story of the first of the themes that shows a competency, in words: "a conflict story that
    shows influence without authority", "a story of failure and what you learned"."""
    showing = names()[competency].lower() if competency else None
    if showing and any(showing.startswith(theme) for theme in themes):
        return f"a story of {showing}"
    story = f"a {themes[0]} story" if themes else "a story"
    return story + (f" that shows {showing}" if showing else "")


def nothing_fits(prompt: str) -> str:
    """What to say when no story in the bank answers the prompt."""
    if asked_in(prompt) == (MOTIVATION,):
        return (
            "This asks for your pitch, your reasons or plain facts, not a story: prepare a short answer"
            " (who you are, why this company, team and role, or the facts asked for, such as salary or start date)."
        )
    return f"Nothing in your bank fits this prompt well. Write {what_to_write(prompt)}."


def without_a_story(question: Question) -> str:
    """What to do for a prompt of the bank no story answers: the story to write, or how it is
    answered instead when it does not ask for a story."""
    if question.competencies == (MOTIVATION,):
        return "answered with your reasons, not a story"
    if not _asks_for_a_story(question):
        return "answered from your experience as a whole, not one story"
    return f"no story covers this: write {_missing_story(question)[1]}"


def suggestion_json(found: Suggestion) -> dict[str, Any]:
    return {
        "id": found.story.id,
        "title": found.story.title,
        "score": found.score,
        "themes": list(found.story.themes),
        "why": found.why,
        "weak": found.weak,
        "told_here": list(found.told_here),
        "picked_for": found.picked_for,
    }


@dataclass(frozen=True)
class PromptGrid:
    """Every behavioral prompt of the bank with its best story (None: no story covers it), and the
    stories that carry too many prompts."""

    rows: tuple[tuple[Question, Suggestion | None], ...]
    overloaded: tuple[tuple[Story, int], ...]
    bank_size: int  # how many stories the bank holds

    @property
    def uncovered(self) -> tuple[Question, ...]:
        return tuple(question for question, found in self.rows if found is None)

    def to_json(self) -> dict[str, Any]:
        return {
            "prompts": [
                {"id": q.id, "prompt": q.text, "story": suggestion_json(found) if found else None}
                for q, found in self.rows
            ],
            "uncovered": [q.id for q in self.uncovered],
            "overloaded": [{"id": s.id, "title": s.title, "prompts": n} for s, n in self.overloaded],
        }


def prompt_grid(
    prompts: tuple[Question, ...],
    stories: tuple[Story, ...],
    company: str | None = None,
    index: TermIndex | None = None,
    picks: Sequence[tuple[str, int]] = (),
    explain: bool = True,
) -> PromptGrid:
    rows = []
    for question in prompts:
        ranked = suggest(
            question.text,
            stories,
            company=company,
            limit=1,
            index=index,
            picks=picks,
            explain=explain,
            asks=question.competencies,
        )
        found = ranked[0] if ranked and not ranked[0].weak else None
        rows.append((question, found if found and (_asks_for_a_story(question) or found.picked_for) else None))
    load = Counter(found.story.id for _, found in rows if found)
    average = sum(load.values()) / len(stories) if stories else 0
    overloaded = tuple((story, load[story.id]) for story in stories if load[story.id] > max(3, 2 * average))
    return PromptGrid(tuple(rows), overloaded, len(stories))


def suggestions_for(
    store: Store, prompt: str, *, company: str | None = None, limit: int | None = None
) -> list[Suggestion]:
    """The stories of the bank ranked for a prompt, from the terms the store keeps."""
    stories = tuple(store.stories())
    index = store.term_index(query_terms(prompt)) if stories else None
    return suggest(prompt, stories, company=company, limit=limit, index=index, picks=store.picks())


REHEARSALS = 4  # stories to tell aloud before each behavioral round


def _choice(story: Story) -> StoryChoice:
    return StoryChoice(story.id, story.title, story.seconds)


def _asks_for_a_story(question: Question) -> bool:
    """Whether one story answers the prompt: the bank's prompts are labeled with the competencies a
    story shows, and one with none ("describe your experience", "what are the trends in your
    field") is answered without a story of its own. The user's own prompts are taken to ask for
    one, unless they ask only for reasons."""
    return bool(_shown_by_a_story(question)) or (question.own and question.competencies != (MOTIVATION,))


def _shown_by_a_story(question: Question) -> list[str]:
    """The competencies a prompt probes that a story can show (all but motivation)."""
    return [slug for slug in question.competencies if slug != MOTIVATION]


def _missing_story(question: Question) -> tuple[str, str]:
    """The story a prompt lacks: the key the plan knows it by (the first competency the prompt
    probes, else its first theme, else "story"), and in words."""
    shaped = _shown_by_a_story(question)
    key = (shaped or [*question.themes, "story"])[0]
    return key, story_wanted(question.themes, shaped[0] if shaped else None)


def story_prep(store: Store, interviews: Sequence[Interview]) -> StoryPrep:
    """The story bank's part in the plan: the story to tell for each behavioral prompt of the
    question bank, the stories to write where none answers, and for each interview the stories
    most often the answer there (not those already told at that company), to rehearse."""
    # The bank is read once, then ranked for the prompts as a whole and at each company.
    prompts, stories, index, picks = _bank_for_prompts(store)
    grid = prompt_grid(prompts, stories, None, index, picks, explain=False)
    tell = tuple((question.id, _choice(found.story)) for question, found in grid.rows if found)
    write = tuple(
        (question.id, *_missing_story(question))
        for question, found in grid.rows
        if not found and _asks_for_a_story(question)
    )
    rehearse = []
    for interview in interviews:
        answers = prompt_grid(prompts, stories, interview.company, index, picks, explain=False).rows
        counts = Counter(found.story.id for _, found in answers if found and not found.told_here)
        chosen = {found.story.id: found.story for _, found in answers if found}
        top = sorted(counts, key=lambda story_id: (-counts[story_id], story_id))[:REHEARSALS]
        rehearse.append((interview.id, tuple(_choice(chosen[story_id]) for story_id in top)))
    return StoryPrep(tell, write, tuple(rehearse))


def _bank_for_prompts(
    store: Store,
) -> tuple[tuple[Question, ...], tuple[Story, ...], TermIndex | None, list[tuple[str, int]]]:
    """The behavioral prompts of the question bank, and what ranking the stories for them needs."""
    prompts = question_bank(store).round(BEHAVIORAL).questions
    stories = tuple(store.stories())
    stems_of([word for question in prompts for word in content_words(question.text)])  # stemmed in one go
    stems = {stem for question in prompts for stem in query_terms(question.text)}
    return prompts, stories, store.term_index(stems) if stories else None, store.picks()


def grid_for(store: Store, company: str | None = None) -> PromptGrid:
    """Every behavioral prompt of the question bank with the bank's best story for it."""
    prompts, stories, index, picks = _bank_for_prompts(store)
    return prompt_grid(prompts, stories, company, index, picks)
