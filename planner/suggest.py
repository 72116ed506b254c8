"""Which story to tell for a behavioral prompt, and why. Pure: prompt and stories in, ranking out.

A story's score adds two signals, each between 0 and 1:
- relevance: BM25F of the story's words (title and tags count double) against the prompt's content
  words, Porter-stemmed, with words of the same meaning (a small curated map) at reduced weight,
  divided by the best score the prompt could reach so that it reads on the same scale for any bank;
- theme: how much the story's own themes cover the themes the prompt calls for, read from cue
  phrases, since prompts rarely name the theme ("what would you do differently" asks for a failure).
Stories already told at the company the user is preparing for are pushed down, not removed.
The weights were chosen on tests/data/suggest_eval.json and checked on a second, separate set:
benchmarks/suggest_eval.py prints the figures for both.
"""

import math
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from planner.catalog import THEMES
from planner.stories import Story

THEME_WEIGHT = 0.5
SYNONYM_WEIGHT = 0.5
TOLD_PENALTY = 0.5
# Below this relevance and without the theme the prompt asks for, a story is no real answer.
WEAK_FIT = 0.12
FIELD_WEIGHTS = {"title": 2.0, "tags": 2.0, "situation": 1.0, "task": 1.0, "action": 1.0, "result": 1.0}
K1 = 1.2
B = 0.75

# Phrases that say which theme a prompt calls for, with how surely they say it.
THEME_CUES = {
    "failure": [
        (r"\bfail(ed|ure|ing|s)?\b", 1.0), (r"\bmistakes?\b", 1.0), (r"\bregret", 1.0),
        (r"\bdifferently\b", 1.0), (r"\bwrong\b", 0.8), (r"\bmiss(ed)?\b", 0.6), (r"\bsetbacks?\b", 0.8),
        (r"\bdidn'?t (go|work)", 1.0), (r"\bfell short\b", 1.0), (r"\bnot go(ing)? (well|as planned)", 1.0),
        (r"\blessons?\b|\blearn(ed|t)? from\b", 0.6), (r"\bweakness", 0.8), (r"\bcriticism\b|\bhard to hear\b", 0.6),
        (r"\bpost-?mortem\b|\bbackfired\b|\bworse\b", 0.6), (r"\berrors?\b|\bbugs?\b|\bmisjudg", 0.6),
    ],
    "conflict": [
        (r"\bdisagree", 1.0), (r"\bconflicts?\b", 1.0), (r"\bpush(ed)? back\b", 1.0), (r"\bargu(e|ed|ment)", 1.0),
        (r"\btension\b|\bfriction\b|\bclash", 1.0), (r"\bdifficult (person|coworker|colleague|teammate|stakeholder|manager)", 1.0),
        (r"\bconvinc|\bpersua|\binfluenc|\bbuy-?in\b", 0.8), (r"\bsaid no\b|\bsay no\b|\bcompromise", 0.8),
        (r"\beye to eye\b|\bopposing\b|\bdifferent (view|opinion)", 1.0), (r"\bstakeholders?\b", 0.4),
        (r"\bfeedback\b", 0.3), (r"\bobject(ed|ion)\b|\bchallenged (a|the|your) decision", 0.8),
    ],
    "challenge": [
        (r"\bchalleng(e|es|ing)\b", 1.0), (r"\bdifficult\b|\bhard(est)?\b|\btough", 0.8),
        (r"\bpressure\b|\bdeadlines?\b|\btight\b|\bcrunch\b", 1.0), (r"\bambigu|\bunclear\b|\bvague\b|\buncertain", 1.0),
        (r"\bovercam?e\b|\bobstacles?\b", 1.0), (r"\bincomplete\b|\blimited\b|\bconstraints?\b", 0.8),
        (r"\blearn\w* (something|a new|new|quickly|fast)|\bunfamiliar\b|\bramp(ed)? up\b", 0.8),
        (r"\bcomplex\b|\bstretch\b|\bscrappy\b|\bunder-?resourced\b", 0.6),
    ],
    "success": [
        (r"\bproud(est)?\b", 1.0), (r"\bsuccess(ful)?\b", 1.0), (r"\bachiev|\baccomplish", 1.0),
        (r"\bimpact(ful)?\b", 0.8), (r"\bbest work\b|\bfavou?rite\b|\bwent well\b|\bexceed", 1.0),
        (r"\bmost (significant|meaningful|important)\b", 0.8), (r"\bwalk me through\b|\bproject you\b", 0.5),
        (r"\bexperience\b|\bshipped\b|\bdelivered\b|\bled\b", 0.4),
    ],
}

# Words interviewers use in every prompt: they say nothing about which story fits.
PROMPT_WORDS = set(
    """a about above after again against all am an and any are as at be been before being below between both
    but by can could did do does doing done during each few for from further had has have having he her here
    hers him his how i if in into is it its just me more most my no nor not of off on once only or other our
    out over own same she should so some such than that the their them then there these they this those
    through to too under until up very was we were what when where which while who whom why will with would
    you your yours yourself tell describe share give example time times situation story walk through talk
    explain recall think thing something someone one ever kind like did had way example examples were"""
    .split()
)

# Same meaning, different words: the vocabulary of behavioral interviews.
SYNONYM_GROUPS = [
    "manager lead boss supervisor director head leadership skip-level",
    "disagree disagreement conflict pushback argue argument dispute objection clash oppose",
    "deadline timeline pressure rush crunch urgent launch-date date",
    "mistake error failure fail bug wrong regret misjudged",
    "teammate colleague coworker peer team engineer",
    "stakeholder product pm customer client business partner",
    "ship launch deploy release rollout production prod",
    "outage incident downtime page pager on-call oncall postmortem",
    "ambiguous ambiguity unclear vague undefined uncertain",
    "learn ramp unfamiliar new study",
    "mentor coach teach onboard junior intern grow",
    "influence convince persuade buy-in advocate align alignment",
    "cost budget spend expensive savings gpu compute",
    "latency slow speed fast performance throughput",
    "feedback criticism review critique",
    "prioritize priority tradeoff trade-off scope cut descope",
    "experiment test a/b ab hypothesis",
    "drift degrade degraded regression decay",
    "metric accuracy auc precision recall f1",
    "data dataset labels labeling annotation",
    "model classifier network predictor",
    "decision decide call judgment judgement",
    "improve improvement optimize increase boost",
    "simplify simplified refactor cleanup",
]

# Multi-word phrases read as one idea before the prompt is split into words.
PHRASES = {
    r"\bpush(ed|ing)? back\b": "pushback",
    r"\btime pressure\b|\btight (deadline|timeline|schedule)s?\b": "deadline",
    r"\bon[- ]call\b": "oncall",
    r"\bbuy[- ]in\b": "buy-in",
    r"\bmachine learning\b": "ml",
    r"\bproduct managers?\b": "pm",
    r"\bwithout (authority|a title)\b": "influence",
}

_TOKEN = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)*")


def _stem_all(words) -> dict[str, str]:
    """Porter stems through SQLite's own FTS5 tokenizer: the same stemming as `story search`."""
    ordered = sorted(set(words))
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE words USING fts5(word, tokenize='porter unicode61')")
        conn.execute("CREATE VIRTUAL TABLE terms USING fts5vocab(words, 'instance')")
        conn.executemany("INSERT INTO words (rowid, word) VALUES (?, ?)", enumerate(ordered))
        stems: dict[str, list[str]] = defaultdict(list)
        for doc, term in conn.execute("SELECT doc, term FROM terms ORDER BY doc, offset"):
            stems[ordered[doc]].append(term)
    finally:
        conn.close()
    return {word: "".join(stems.get(word, [word])) for word in ordered}


_STEM_MEMO: dict[str, str] = {}


def _stems(text: str) -> list[str]:
    """The stems of the words of text, in order (stemming each distinct word once per process)."""
    words = _TOKEN.findall(text.lower())
    unknown = {w for w in words if w not in _STEM_MEMO}
    if unknown:
        _STEM_MEMO.update(_stem_all(unknown))
    return [_STEM_MEMO[w] for w in words]


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    by_stem: dict[str, set[str]] = defaultdict(set)
    for group in SYNONYM_GROUPS:
        stems = set(_stems(group))
        for stem in stems:
            by_stem[stem] |= stems - {stem}
    return {stem: frozenset(others) for stem, others in by_stem.items()}


def prompt_themes(prompt: str) -> dict[str, float]:
    """How strongly the prompt calls for each theme (0 to 1); empty when it names none."""
    text = prompt.lower().replace("’", "'")
    found = {}
    for theme, cues in THEME_CUES.items():
        strength = max((weight for pattern, weight in cues if re.search(pattern, text)), default=0.0)
        if strength:
            found[theme] = strength
    return found


def content_words(prompt: str) -> list[str]:
    """The words of a prompt that say what it is about, common phrases read as one word."""
    text = prompt.lower().replace("’", "'")
    for pattern, replacement in PHRASES.items():
        text = re.sub(pattern, f" {replacement} ", text)
    return [w for w in _TOKEN.findall(text) if w not in PROMPT_WORDS and len(w) > 1]


def query_terms(prompt: str) -> dict[str, float]:
    """The prompt's content words as stems, weighted; words of the same meaning at reduced weight."""
    terms = dict.fromkeys(_stems(" ".join(content_words(prompt))), 1.0)
    synonyms = _synonyms()
    for stem in list(terms):
        for other in synonyms.get(stem, ()):
            terms.setdefault(other, SYNONYM_WEIGHT)
    return terms


@dataclass(frozen=True)
class _Index:
    """Per-term postings of (story position, weighted term frequency), and weighted lengths."""

    postings: dict[str, list[tuple[int, float]]]
    lengths: list[float]
    average_length: float


@lru_cache(maxsize=4)
def _index(stories: tuple[Story, ...]) -> _Index:
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    lengths = []
    for position, story in enumerate(stories):
        counts: Counter = Counter()
        for field, weight in FIELD_WEIGHTS.items():
            value = getattr(story, field)
            text = " ".join(value) if isinstance(value, tuple) else value
            for stem in _stems(text):
                counts[stem] += weight
        for stem, frequency in counts.items():
            postings[stem].append((position, frequency))
        lengths.append(sum(counts.values()))
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    return _Index(dict(postings), lengths, average or 1.0)


@dataclass(frozen=True)
class Suggestion:
    story: Story
    score: float
    relevance: float
    themes: tuple[str, ...]  # the prompt's themes this story carries
    matched: tuple[str, ...]  # the story's words that met the prompt's
    told_here: tuple[str, ...]  # dates it was already told at the company asked about
    weak: bool

    @property
    def why(self) -> str:
        parts = []
        if self.themes:
            parts.append(f"a {' and '.join(self.themes)} story, as the prompt asks")
        if self.matched:
            parts.append("mentions " + ", ".join(self.matched[:5]))
        if not parts:
            parts.append("nothing in it meets the prompt")
        if self.told_here:
            parts.append(f"already told at this company on {', '.join(self.told_here)}")
        return "; ".join(parts)


def _matched_words(story: Story, terms: dict[str, float]) -> tuple[str, ...]:
    """The story's own words (tags first) whose stems the prompt asked for, for the reason line."""
    seen, words = set(), []
    sources = [*story.tags, story.title, story.situation, story.task, story.action, story.result]
    for source in sources:
        for word, stem in zip(_TOKEN.findall(source.lower()), _stems(source)):
            if stem in terms and stem not in seen and word not in PROMPT_WORDS:
                seen.add(stem)
                words.append(word if terms[stem] == 1.0 else f"{word} (~)")
    return tuple(words)


def suggest(prompt: str, stories: tuple[Story, ...], *, company: str | None = None) -> list[Suggestion]:
    """Every story ranked for the prompt, best first."""
    if not stories:
        return []
    index = _index(stories)
    terms = query_terms(prompt)
    wanted_themes = prompt_themes(prompt)
    total = len(stories)
    raw = [0.0] * total
    best_possible = 0.0
    for stem, query_weight in terms.items():
        postings = index.postings.get(stem, ())
        idf = math.log(1 + (total - len(postings) + 0.5) / (len(postings) + 0.5))
        best_possible += query_weight * idf * (K1 + 1)
        for position, frequency in postings:
            norm = K1 * (1 - B + B * index.lengths[position] / index.average_length)
            raw[position] += query_weight * idf * frequency * (K1 + 1) / (frequency + norm)
    theme_total = sum(wanted_themes.values())
    company_key = company.casefold() if company else None
    ranked = []
    for position, story in enumerate(stories):
        relevance = min(raw[position] / best_possible, 1.0) if best_possible else 0.0
        shared = tuple(t for t in THEMES if t in wanted_themes and t in story.themes)
        theme_fit = sum(wanted_themes[t] for t in shared) / theme_total if theme_total else 0.0
        score = relevance + THEME_WEIGHT * theme_fit
        told_here = tuple(u.date for u in story.told if company_key and u.company.casefold() == company_key)
        if told_here:
            score *= TOLD_PENALTY
        weak = relevance < WEAK_FIT and (not wanted_themes or not shared)
        matched = _matched_words(story, terms) if relevance else ()
        ranked.append(Suggestion(story, round(score, 3), relevance, shared, matched, told_here, weak))
    ranked.sort(key=lambda s: (-s.score, s.story.id))
    return ranked
