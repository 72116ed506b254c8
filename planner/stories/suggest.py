"""Which story to tell for a behavioral prompt, and why. Pure: prompt and stories in, ranking out.

A story's score adds three signals:
- relevance: BM25F of the story's words (title and tags count double) against the ideas of the
  prompt: each content word, Porter-stemmed, together with the words of the same idea from a small
  curated map of behavioral-interview vocabulary (near-synonyms at full weight, related words at
  less), each idea scored as one term; common phrases ("tight deadline", "product manager") are
  read as one word in prompts and stories alike. It is divided by the best story's, so it runs from
  0 to 1 for any prompt and bank;
- theme: how much the story's own themes cover the themes the prompt calls for, read from cue
  phrases, since prompts rarely name the theme ("what would you do differently" asks for a failure);
  a faint cue ("walk me through" hints at a success) counts for no more than its strength;
- competencies: the share of the competencies the prompt asks about (read from its wording, see
  competencies.py) that the story shows, by its own labels or because the user picked it for a
  prompt asking about them.
Stories already told at the company the user is preparing for are pushed down, not removed.
The weights were chosen by a grid search (benchmarks/suggest_tune.py); benchmarks/suggest_eval.py
prints the figures on every labeled set.
"""

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from planner.catalog.rounds import THEMES
from planner.db.stemming import stems_of
from planner.stories.competencies import MOTIVATION, THEME_COMPETENCIES, asked_in, names, reversed_in
from planner.stories.phrases import phrases_in
from planner.stories.reader import common_question, common_stems
from planner.stories.story import Story
from planner.stories.vocabulary import PHRASES, PROMPT_WORDS, SYNONYM_GROUPS, THEME_CUES

THEME_WEIGHT = 1.0
PHRASE_THEME_WEIGHT = 0.8  # how strongly a plain phrase of a theme calls for it
COMPETENCY_WEIGHT = 1.25
SYNONYM_WEIGHT = 1.0
RELATED_WEIGHT = 0.3
TOLD_PENALTY = 0.5
# Two prompts this alike (same_question) surely ask the same thing: a pick for one comes first for
# the other. Less alike, down to PICK_MATCH, they may: the pick only gains PICK_BOOST times the
# likeness, and must still outrank the rest.
PICK_SURE = 0.75
PICK_MATCH = 0.4
# How much reading the same common question, or two different ones, counts: the same question is by
# itself sure.
QUESTION_SHARE = PICK_SURE
PICK_BOOST = 1.0
IDEAS_SHARE = 0.25
COMPETENCIES_SHARE = 0.6
# Below this share of what the prompt asks for, and without its theme, a story is no real answer.
WEAK_FIT = 0.1
# Below this share, a story showing none of the competencies the prompt asks about is no real answer.
WEAK_WITHOUT_COMPETENCY = 0.1
FIELD_WEIGHTS = {"title": 2.0, "tags": 2.0, "situation": 1.0, "task": 1.0, "action": 1.0, "result": 1.0}
K1 = 1.2
B = 0.75

_PHRASE_PATTERNS = [(re.compile(pattern), f" {word} ") for pattern, word in PHRASES.items()]
_TOKEN = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)*")


def _stems(text: str) -> list[str]:
    """The stems of the words of text, in order."""
    return stems_of(_TOKEN.findall(text.lower()))


@lru_cache(maxsize=1)
def _filler_stems() -> frozenset[str]:
    return frozenset(_stems(" ".join(PROMPT_WORDS)))


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, dict[str, float]]:
    """For each stem, the stems of the same idea and how close they are: words before a group's |
    mean nearly the same thing (SYNONYM_WEIGHT), words after it are only related (RELATED_WEIGHT).
    A stem shared with a word that says nothing ("owned" and "own") is never one of them."""
    _stems(" ".join(SYNONYM_GROUPS).replace("|", " "))  # every word stemmed in one go, not a group at a time
    by_stem: dict[str, dict[str, float]] = defaultdict(dict)
    for group in SYNONYM_GROUPS:
        close_part, _, related_part = group.partition("|")
        close, related = set(_stems(close_part)), set(_stems(related_part)) - set(_stems(close_part))
        for stem in close | related:
            for other in (close | related) - {stem} - _filler_stems():
                weight = SYNONYM_WEIGHT if stem in close and other in close else RELATED_WEIGHT
                by_stem[stem][other] = max(weight, by_stem[stem].get(other, 0.0))
    return dict(by_stem)


def prompt_themes(prompt: str) -> dict[str, float]:
    """How strongly the prompt calls for each theme (0 to 1); empty when it names none."""
    return dict(_themes_in(prompt))


@lru_cache(maxsize=4096)  # the plan ranks the stories for each of the bank's prompts several times
def _themes_in(prompt: str) -> tuple[tuple[str, float], ...]:
    # The cues are looked for in the prompt as written and with its phrases read ("hit a date" as
    # "deadline").
    text = prompt.lower().replace("’", "'") + " \n " + _normalized(prompt)
    phrased = phrases_in(prompt, "themes")
    found = []
    for theme, cues in THEME_CUES.items():
        strength = max((weight for pattern, weight in cues if re.search(pattern, text)), default=0.0)
        strength = max(strength, PHRASE_THEME_WEIGHT if theme in phrased else 0.0)
        if strength:
            found.append((theme, strength))
    return tuple(found)


def _normalized(text: str) -> str:
    """Lower-cased text with common phrases read as one word, the same for prompts and stories
    ("the product manager wanted" meets "push back on a PM")."""
    text = text.lower().replace("’", "'")
    for pattern, replacement in _PHRASE_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def content_words(prompt: str) -> list[str]:
    """The words of a prompt that say what it is about, common phrases read as one word."""
    return [w for w in _TOKEN.findall(_normalized(prompt)) if w not in PROMPT_WORDS and len(w) > 1]


def query_concepts(prompt: str) -> list[dict[str, float]]:
    """The prompt's ideas: each content word's stem at full weight with its synonyms at reduced weight.

    A story earns an idea once, through its best matching word, so that a long story full of loosely
    related words does not outscore one that says exactly what was asked.
    """
    synonyms = _synonyms()
    concepts = []
    for stem in dict.fromkeys(_stems(" ".join(content_words(prompt)))):
        concept = dict(synonyms.get(stem, {}))
        if stem not in _filler_stems():
            concept[stem] = 1.0
        if concept and concept not in concepts:
            concepts.append(concept)
    return concepts


def query_terms(prompt: str) -> dict[str, float]:
    """Every stem the prompt asks for, with the highest weight it is asked for with."""
    terms: dict[str, float] = {}
    for concept in query_concepts(prompt):
        for stem, weight in concept.items():
            terms[stem] = max(weight, terms.get(stem, 0.0))
    return terms


def _story_stems(text: str) -> list[str]:
    """The stems a story is found by: those of its words, and of the parts of its hyphenated words
    (a "ramp-up" tag meets "ramp")."""
    text = _normalized(text)
    parts = " ".join(word for word in _TOKEN.findall(text) if "-" in word or "/" in word)
    return _stems(text) + _stems(parts.replace("-", " ").replace("/", " "))


def story_terms(story: Story) -> dict[str, float]:
    """The stems a story is found by, each with its field-weighted count (title and tags count
    double). The costly part of ranking, so the store keeps it for each story (see TERMS_VERSION)."""
    counts: dict[str, float] = defaultdict(float)
    for field, weight in FIELD_WEIGHTS.items():
        value = getattr(story, field)
        text = " ".join(value) if isinstance(value, tuple) else value
        for stem in _story_stems(text):
            counts[stem] += weight
    return dict(counts)


# Names what story_terms depends on: terms kept with another version are worked out again.
TERMS_VERSION = hashlib.sha256(
    repr((sorted(PHRASES.items()), sorted(FIELD_WEIGHTS.items()), _TOKEN.pattern)).encode()
).hexdigest()[:16]


@dataclass(frozen=True)
class TermIndex:
    """What ranking needs of a bank: each story's length (its terms' weighted count), and for each
    stem asked about, the stories using it with their weighted counts. Keyed by story id."""

    lengths: Mapping[int, float]
    postings: Mapping[str, list[tuple[int, float]]]


@lru_cache(maxsize=4)
def index_of(stories: tuple[Story, ...]) -> TermIndex:
    """The whole index of a bank, worked out in memory (the store keeps one on disk instead)."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    lengths = {}
    for story in stories:
        counts = story_terms(story)
        lengths[story.id] = sum(counts.values())
        for stem, count in counts.items():
            postings[stem].append((story.id, count))
    return TermIndex(lengths, dict(postings))


@dataclass(frozen=True)
class Suggestion:
    story: Story
    score: float
    relevance: float
    themes: tuple[str, ...]  # the prompt's themes this story carries
    competencies: tuple[str, ...]  # the competencies the prompt asks for that this story shows
    matched: tuple[str, ...]  # the story's words that met the prompt's
    told_here: tuple[str, ...]  # dates it was already told at the company asked about
    weak: bool
    picked_for: str | None = None  # the prompt, meaning the same as this one, the user picked it for

    @property
    def why(self) -> str:
        parts = [f"you picked it for {self.picked_for!r}"] if self.picked_for else []
        if self.competencies:
            shown = " and ".join(names()[slug].lower() for slug in self.competencies)
            parts.append(f"shows {shown}, which the prompt asks about")
        if self.themes:
            parts.append(f"a {' and '.join(self.themes)} story, as the prompt asks")
        if self.matched:
            parts.append("mentions " + ", ".join(self.matched[:5]))
        if not parts:
            parts.append("nothing in it meets the prompt")
        if self.told_here:
            parts.append(f"already told at this company on {', '.join(self.told_here)}")
        return "; ".join(parts)


def _matched_words(story: Story, terms: dict[str, float], asked: set[str]) -> tuple[str, ...]:
    """The story's own words (tags first) that met the prompt's ideas, for the reason line; a word
    that met one only through the map of same-idea words is marked with ~."""
    seen, words = set(), []
    sources = [*story.tags, story.title, story.situation, story.task, story.action, story.result]
    for source in sources:
        text = _normalized(source)
        # A phrase read as one word is shown as the story wrote it ("cut the scope", not "descope").
        as_written = {
            word: match.group(0)
            for pattern, replacement in _PHRASE_PATTERNS
            for match in pattern.finditer(source.lower())
            for word in replacement.split()
        }
        for word, stem in zip(_TOKEN.findall(text), _stems(text), strict=True):
            shown = as_written.get(word, word)
            if stem in terms and stem not in seen and word not in PROMPT_WORDS and shown not in words:
                seen.add(stem)
                words.append(shown if stem in asked else f"~{shown}")
    return tuple(words)


def suggest(
    prompt: str,
    stories: tuple[Story, ...],
    *,
    company: str | None = None,
    limit: int | None = None,
    index: TermIndex | None = None,
    picks: Sequence[tuple[str, int]] = (),
    explain: bool = True,
    asks: tuple[str, ...] | None = None,
) -> list[Suggestion]:
    """The stories ranked for the prompt, best first (the first `limit` of them, or all).

    index: the bank's terms for at least the stems of query_terms(prompt); worked out from the
    stories when not given. picks: (prompt, story id) the user chose, put first for this prompt or
    one that means the same. explain: work out the words each story met the prompt with, for `why`.
    asks: the competencies the prompt probes, where known (the question bank's prompts are labeled);
    read from its words when not given."""
    if not stories:
        return []
    index = index or index_of(stories)
    average = sum(index.lengths.values()) / len(index.lengths) or 1.0
    norms = {story_id: K1 * (1 - B + B * length / average) for story_id, length in index.lengths.items()}
    concepts = query_concepts(prompt)
    wanted_themes = prompt_themes(prompt)
    wanted_competencies = asks if asks is not None else asked_in(prompt)
    asks_for_reasons = wanted_competencies == (MOTIVATION,)
    # A competency that a theme stands for (conflict, failure) is scored once, by the theme signal.
    scored_competencies = [c for c in wanted_competencies if c not in THEME_COMPETENCIES.values()]
    total = len(stories)
    raw: dict[int, float] = defaultdict(float)
    best_possible = 0.0
    # The prompt's topics: its ideas in words that interview prompts seldom use ("vendor", "layoff",
    # not "team"), and the stories that touch at least one of them.
    common = common_stems()
    has_topic = False
    on_topic: set[int] = set()
    for concept in concepts:
        # An idea is scored as one term, the way search engines score synonyms: a story counts it
        # through its best word (at that word's weight), and its rarity is that of all the stories
        # using any of its words (each as close as its word), so a rare synonym never outweighs the
        # common word the prompt used.
        earned: dict[int, float] = {}
        closeness: dict[int, float] = {}
        for stem, weight in concept.items():
            for story_id, count in index.postings.get(stem, ()):
                earned[story_id] = max(earned.get(story_id, 0.0), weight * count)
                closeness[story_id] = max(closeness.get(story_id, 0.0), weight)
        if any(weight == 1.0 and stem not in common for stem, weight in concept.items()):
            has_topic = True
            on_topic.update(earned)
        using = sum(closeness.values())
        idf = math.log(1 + (total - using + 0.5) / (using + 0.5))
        best_possible += idf * (K1 + 1)
        for story_id, count in earned.items():
            raw[story_id] += idf * count * (K1 + 1) / (count + norms[story_id])
    top_raw = max(raw.values(), default=0.0)
    theme_total = sum(wanted_themes.values())
    company_key = company.casefold() if company else None
    pick = _pick_for(prompt, picks, {story.id for story in stories})
    # A pick also says what its story shows: what the prompt it was picked for asks about.
    shown_by_pick: dict[int, set[str]] = defaultdict(set)
    for picked_prompt, story_id in picks:
        shown_by_pick[story_id].update(asked_in(picked_prompt))
    scored = []
    for story in stories:
        # Relevance against the best story in the bank, so that it weighs the same for any prompt;
        # coverage against all the prompt asks for, to tell a real answer from the least bad one.
        relevance = raw[story.id] / top_raw if top_raw else 0.0
        coverage = raw[story.id] / best_possible if best_possible else 0.0
        shared = tuple(t for t in THEMES if t in wanted_themes and t in story.themes)
        theme_fit = sum(wanted_themes[t] for t in shared) / max(theme_total, 1.0)
        by_pick = shown_by_pick.get(story.id, ())
        showing = tuple(c for c in wanted_competencies if c in story.competencies or c in by_pick)
        competency_fit = (
            sum(c in showing for c in scored_competencies) / len(scored_competencies) if scored_competencies else 0.0
        )
        score = relevance + THEME_WEIGHT * theme_fit + COMPETENCY_WEIGHT * competency_fit
        if pick and pick[1] == story.id and pick[2] < PICK_SURE:
            score += PICK_BOOST * pick[2]
        told_here = tuple(u.date for u in story.told if company_key and u.company.casefold() == company_key)
        if told_here:
            score *= TOLD_PENALTY
        # No real answer: it says too little of what was asked, and neither carries the prompt's
        # theme nor shows a competency the prompt asks about; or it touches none of the topics of a
        # prompt that calls for no theme; or the prompt asks only for what no story can show ("why
        # this company?").
        weak = (
            (coverage < WEAK_FIT and (not wanted_themes or not shared) and not showing)
            or (bool(wanted_competencies) and not showing and coverage < WEAK_WITHOUT_COMPETENCY)
            or (has_topic and story.id not in on_topic and not showing and not wanted_themes)
            or asks_for_reasons
        )
        scored.append((round(score, 3), story.id, story, coverage, shared, showing, told_here, weak))
    scored.sort(key=lambda item: (-item[0], item[1]))
    ranked = [
        Suggestion(story, score, coverage, shared, showing, (), told_here, weak)
        for score, _, story, coverage, shared, showing, told_here, weak in scored
    ]
    # The user's own pick for this prompt, or for one surely meaning the same, comes first; for one
    # that may, it says so wherever it ranks.
    if pick:
        picked_prompt, story_id, likeness = pick
        chosen = next(found for found in ranked if found.story.id == story_id)
        position = 0 if likeness >= PICK_SURE else ranked.index(chosen)
        ranked.remove(chosen)
        ranked.insert(position, replace(chosen, picked_for=picked_prompt, weak=chosen.weak and position > 0))
    # The words each story met the prompt with, for the reason: only for the stories shown, and
    # only when a reason is shown (the plan needs the ranking alone).
    if not explain:
        return ranked[:limit]
    terms = query_terms(prompt)
    asked = set(_stems(" ".join(content_words(prompt))))
    return [
        replace(found, matched=_matched_words(found.story, terms, asked)) if found.relevance else found
        for found in ranked[:limit]
    ]


def same_question(first: str, second: str) -> float:
    """How nearly two prompts ask the same thing, from 0 to 1: the overlap of their ideas (same-idea
    words included), of the competencies they ask about and of the themes they call for, each as far
    as either prompt speaks to it, and whether they word the same common question (the learned
    reader's); none when one asks about the other side of the other."""

    def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
        dot = sum(weight * b.get(key, 0.0) for key, weight in a.items())
        norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
        return dot / norm if norm else 0.0

    if set(reversed_in(first)) & set(asked_in(second)) or set(reversed_in(second)) & set(asked_in(first)):
        return 0.0  # one asks about the other side of the other ("you mentored" against "mentored you")
    parts = [
        (IDEAS_SHARE, query_terms(first), query_terms(second)),
        (COMPETENCIES_SHARE, dict.fromkeys(asked_in(first), 1.0), dict.fromkeys(asked_in(second), 1.0)),
        (1 - IDEAS_SHARE - COMPETENCIES_SHARE, prompt_themes(first), prompt_themes(second)),
    ]
    # A part neither prompt speaks to (two prompts naming no competency) says nothing either way.
    spoken = [(share, a, b) for share, a, b in parts if a or b]
    total = sum(share for share, _, _ in spoken)
    likeness = sum(share * cosine(a, b) for share, a, b in spoken) / total if total else 0.0
    # Two wordings of common questions are the same question, or two different ones, whatever
    # words they share.
    questions = common_question(first), common_question(second)
    if None in questions:
        return likeness
    return (1 - QUESTION_SHARE) * likeness + QUESTION_SHARE * (questions[0] == questions[1])


def _pick_for(prompt: str, picks: Sequence[tuple[str, int]], bank: set[int]) -> tuple[str, int, float] | None:
    """The pick whose prompt means most nearly the same as this one, if near enough, with how near."""
    matches = [(same_question(prompt, picked), picked, story_id) for picked, story_id in picks if story_id in bank]
    best = max(matches, default=None)
    return (best[1], best[2], best[0]) if best and best[0] >= PICK_MATCH else None
