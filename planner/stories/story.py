"""STAR stories: validation, length and warnings, the editor template, coverage. Pure: no database."""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from planner.catalog.rounds import THEMES
from planner.errors import UserError
from planner.stories.competencies import competencies, names, normalize_competencies, shown_in
from planner.text import did_you_mean, plain, shown

STAR_FIELDS = ("situation", "task", "action", "result")
TEXT_FIELDS = ("title", *STAR_FIELDS)
# The fields a story is made of, as stored, exported and imported.
STORY_FIELDS = (*TEXT_FIELDS, "themes", "competencies", "tags", "company", "role", "year")

WORDS_PER_MINUTE = 140
LONGEST_GOOD_SECONDS = 120
MAX_TITLE = 200
MAX_FIELD = 20_000
MAX_TAG = 60
_WORD = re.compile(r"\w+(?:[.'’]\w+)*")


@dataclass(frozen=True)
class Told:
    """One telling of a story: to which company, in which round, on which day (ISO date)."""

    company: str
    round: str | None
    date: str


_I_WORDS = re.compile(r"\b(i|i'm|i've|i'd|i'll|me|my|myself)\b")
_WE_WORDS = re.compile(r"\b(we|we're|we've|we'd|we'll|us|our|ourselves)\b")
_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twice|half|double|doubled|tripled)\b", re.I
)


@dataclass(frozen=True)
class Delivery:
    """A story told aloud: its length, how much of it is what you did, whether you say "I" or "we",
    and whether the result is quantified."""

    words: int
    seconds: int
    action_share: float  # the action's share of the story's words
    i_we_ratio: float | None  # "I" among "I" and "we" (0 to 1); None when the story says neither
    numbers_in_result: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "seconds": self.seconds,
            "action_share": round(self.action_share, 3),
            "i_we_ratio": None if self.i_we_ratio is None else round(self.i_we_ratio, 3),
            "numbers_in_result": self.numbers_in_result,
        }


@dataclass(frozen=True)
class Story:
    id: int
    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    themes: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()  # slugs from planner/data/competencies.toml
    tags: tuple[str, ...] = ()
    company: str | None = None
    role: str | None = None
    year: int | None = None
    created_at: str = ""
    updated_at: str = ""
    told: tuple[Told, ...] = ()  # oldest first

    @property
    def words(self) -> int:
        return word_count(" ".join(getattr(self, name) for name in STAR_FIELDS))

    @property
    def seconds(self) -> int:
        return round(self.words * 60 / WORDS_PER_MINUTE)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(name for name in STAR_FIELDS if not getattr(self, name).strip())

    @property
    def delivery(self) -> "Delivery":
        """How the story will sound told aloud, with what to fix."""
        text = " ".join(getattr(self, name) for name in STAR_FIELDS).lower()
        mine = len(_I_WORDS.findall(text))
        ours = len(_WE_WORDS.findall(text))
        return Delivery(
            words=self.words,
            seconds=self.seconds,
            action_share=word_count(self.action) / self.words if self.words else 0.0,
            i_we_ratio=mine / (mine + ours) if mine + ours else None,
            numbers_in_result=bool(_NUMBER.search(self.result)),
        )

    @property
    def warnings(self) -> tuple[str, ...]:
        found = []
        if self.missing:
            found.append(f"missing {', '.join(self.missing)}")
        if self.seconds > LONGEST_GOOD_SECONDS:
            found.append(f"runs {speaking_time(self.seconds)} aloud; aim for under 2 minutes")
        delivery = self.delivery
        # The action is where the interviewer learns what you did: it should carry the story.
        if self.action.strip() and self.words >= 60 and delivery.action_share < 0.3:
            action_words = word_count(self.action)
            found.append(f"thin action ({action_words} of {self.words} words); say more about what you did")
        if self.words >= 30 and delivery.i_we_ratio is not None and delivery.i_we_ratio < 0.4:
            found.append("more 'we' than 'I': say what you did yourself")
        if self.result.strip() and not delivery.numbers_in_result:
            found.append("the result has no figure: say how much, how many or how fast if you can")
        return tuple(found)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **{name: getattr(self, name) for name in STORY_FIELDS},
            "themes": list(self.themes),
            "competencies": list(self.competencies),
            "tags": list(self.tags),
            "words": self.words,
            "seconds": self.seconds,
            "warnings": list(self.warnings),
            "delivery": self.delivery.to_json(),
            "told": [asdict(use) for use in self.told],
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


def delivery_line(story: "Story") -> str:
    """The delivery check in one line, for the shell and the app."""
    check = story.delivery
    said = "-" if check.i_we_ratio is None else f"{check.i_we_ratio:.0%}"
    quantified = "yes" if check.numbers_in_result else "no"
    return (
        f"{check.words} words, {speaking_time(check.seconds)} aloud · action {check.action_share:.0%} of it"
        f" · 'I' in {said} of I/we · result quantified: {quantified}"
    )


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def speaking_time(seconds: int) -> str:
    return f"{seconds // 60}m{seconds % 60:02d}s"


def normalize_themes(values: Iterable[object]) -> tuple[str, ...]:
    themes: list[str] = []
    for value in values:
        theme = str(value).strip().lower()
        if theme not in THEMES:
            raise UserError(
                f"unknown theme {shown(value)}; {did_you_mean(theme, THEMES)}choose from {', '.join(THEMES)}"
            )
        if theme not in themes:
            themes.append(theme)
    return tuple(themes)


def normalize_tags(values: Iterable[object]) -> tuple[str, ...]:
    tags: list[str] = []
    for value in values:
        tag = " ".join(plain(str(value), "a tag").split())
        if len(tag) > MAX_TAG:
            raise UserError(f"the tag {shown(tag, 20)} is longer than {MAX_TAG} characters")
        if tag and tag not in tags:
            tags.append(tag)
    return tuple(tags)


def check_fields(fields: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Validate and tidy story fields given by a user; with partial, only those present.

    Raises UserError naming the field. Text is kept as typed apart from surrounding white space.
    """
    clean: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        if name not in fields:
            continue
        value = fields[name]
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise UserError(f"{name} must be text")
        value = plain(value, f"the {name}").strip()
        if name == "title":
            value = " ".join(value.split())  # a title is one line
        limit = MAX_TITLE if name == "title" else MAX_FIELD
        if len(value) > limit:
            raise UserError(f"{name} is {len(value):,} characters long; the limit is {limit:,}")
        clean[name] = value
    if not partial or "title" in fields:
        if not clean.get("title"):
            raise UserError("a story needs a title (a few words you will recognise it by)")
    if not partial or "themes" in fields:
        themes = _as_list(fields.get("themes"), "themes")
        clean["themes"] = normalize_themes(themes)
        if not clean["themes"]:
            raise UserError(f"a story needs at least one theme: {', '.join(THEMES)}")
    if "tags" in fields:
        clean["tags"] = normalize_tags(_as_list(fields["tags"], "tags"))
    if "competencies" in fields:
        clean["competencies"] = normalize_competencies(_as_list(fields["competencies"], "competencies"))
    if not partial and not clean.get("competencies"):
        # A new story is given the competencies its text shows; the user can change them.
        body = " ".join(clean.get(name, "") for name in STAR_FIELDS)
        clean["competencies"] = shown_in(clean["title"], body, clean.get("tags", ()), clean["themes"])
    for name in ("company", "role"):
        if name in fields:
            value = fields[name]
            if value is not None and not isinstance(value, str):
                raise UserError(f"{name} must be text")
            clean[name] = " ".join(plain(value or "", f"the {name}").split()) or None
    if "year" in fields:
        clean["year"] = _year(fields["year"])
    return clean


def company_name(text: str) -> str:
    """The company a story was told at, as typed: one line, not blank."""
    company = " ".join(plain(text, "the company's name").split())
    if not company:
        raise UserError("give the company's name")
    return company


def _as_list(value: object, name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return value.split(",")
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise UserError(f"{name} must be a list of words")
    return list(value)


def _year(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        raise UserError(f"year must be a year such as 2024, not {shown(value)}") from None
    if not 1950 <= year <= 2100:
        raise UserError(f"year must be a year such as 2024, not {shown(value)}")
    return year


# The plain-text form of a story that `--edit` opens in $EDITOR.
_HEADER_FIELDS = ("title", "themes", "competencies", "tags", "company", "role", "year")


def to_template(fields: dict[str, Any]) -> str:
    lines = [
        "# Fill in the story and save. Lines starting with # are ignored.",
        f"# Themes: one or more of {', '.join(THEMES)}, separated by commas. Tags: free words, commas between.",
        "# Competencies: what the story shows, e.g. ownership, ambiguity (left empty, they are read from the story).",
        "",
    ]
    for name in _HEADER_FIELDS:
        value = fields.get(name)
        if isinstance(value, (list, tuple)):
            value = ", ".join(value)
        lines.append(f"{name.capitalize()}: {'' if value is None else value}")
    for name in STAR_FIELDS:
        lines += ["", f"## {name.capitalize()}", fields.get(name) or ""]
    return "\n".join(lines) + "\n"


def from_template(text: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    section = None
    body: dict[str, list[str]] = {name: [] for name in STAR_FIELDS}
    for line in text.splitlines():
        heading = re.fullmatch(r"##\s*(\w+)\s*", line)
        if heading and heading.group(1).lower() in STAR_FIELDS:
            section = heading.group(1).lower()
        elif section:
            body[section].append(line)
        elif line.startswith("#") or not line.strip():
            continue
        else:
            key, sep, value = line.partition(":")
            if sep and key.strip().lower() in _HEADER_FIELDS:
                fields[key.strip().lower()] = value.strip()
            else:
                raise UserError(f"cannot read the line {shown(line.strip(), 40)}; keep the 'Name: value' lines")
    for name in STAR_FIELDS:
        fields[name] = "\n".join(body[name]).strip()
    return fields


@dataclass(frozen=True)
class Coverage:
    by_theme: dict[str, int]
    by_competency: dict[str, tuple[int, ...]]  # the ids of the stories showing each competency
    top_tags: list[tuple[str, int]]
    gaps: list[str]


def coverage(stories: list[Story], *, top: int = 6) -> Coverage:
    by_theme = {theme: sum(theme in s.themes for s in stories) for theme in THEMES}
    by_competency = {
        c.slug: tuple(s.id for s in stories if c.slug in s.competencies) for c in competencies() if c.shows
    }
    tags = Counter(tag for s in stories for tag in s.tags).most_common(top)
    gaps = []
    for theme, count in by_theme.items():
        if count == 0:
            gaps.append(f"no {theme} story yet")
        elif count == 1:
            gaps.append(f"only one {theme} story; a second lets you avoid telling it twice")
    for slug, showing in by_competency.items():
        if not showing:
            gaps.append(f"no story shows {names()[slug].lower()} ({slug})")
    return Coverage(by_theme, by_competency, tags, gaps)


def search_words(text: str) -> list[str]:
    """The words of a search, free of any full-text query syntax."""
    return _WORD.findall(text)


def study_sheet(stories: list[Story]) -> str:
    """The stories as Markdown to read before an interview: one section each, STAR headings."""
    parts = ["# STAR stories", ""]
    for s in stories:
        facts = [", ".join(s.themes)] + (["tags: " + ", ".join(s.tags)] if s.tags else [])
        facts += [str(part) for part in (s.company, s.role, s.year) if part]
        facts.append(f"{s.words} words, {speaking_time(s.seconds)} aloud")
        parts += [f"## {s.title}", "", f"*{' · '.join(facts)}*", ""]
        for name in STAR_FIELDS:
            parts += [f"### {name.capitalize()}", "", getattr(s, name) or "_(to write)_", ""]
    return "\n".join(parts)
