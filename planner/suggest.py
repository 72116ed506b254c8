"""Which story to tell for a behavioral prompt, and why. Pure: prompt and stories in, ranking out.

A story's score adds two signals:
- relevance: BM25F of the story's words (title and tags count double) against the ideas of the
  prompt: each content word, Porter-stemmed, together with the words of the same idea from a small
  curated map of behavioral-interview vocabulary (near-synonyms at full weight, related words at
  less), each idea scored as one term; common phrases ("tight deadline", "product manager") are
  read as one word in prompts and stories alike. It is divided by the best story's, so it runs from
  0 to 1 for any prompt and bank;
- theme: how much the story's own themes cover the themes the prompt calls for, read from cue
  phrases, since prompts rarely name the theme ("what would you do differently" asks for a failure).
Stories already told at the company the user is preparing for are pushed down, not removed.
The weights were chosen by a grid search (benchmarks/suggest_tune.py); benchmarks/suggest_eval.py
prints the figures on every labeled set.
"""

import math
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from planner.catalog import THEMES
from planner.stories import Story

THEME_WEIGHT = 1.0
SYNONYM_WEIGHT = 1.0
RELATED_WEIGHT = 0.3
TOLD_PENALTY = 0.5
# Below this share of what the prompt asks for, and without its theme, a story is no real answer.
WEAK_FIT = 0.05
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
        (r"\bfeedback\b", 0.6),
        (r"\bpost-?mortem\b|\bbackfired\b|\bworse\b", 0.6), (r"\berrors?\b|\bbugs?\b|\bmisjudg", 0.6),
        (r"\bdisappoint|\bunderperform|\bflop|\bdidn'?t pan out", 0.8), (r"\bincidents?\b|\boutages?\b", 0.5),
        (r"\b(your|my) fault\b|\bblame|\bown(ed)? up\b|\bapologi", 1.0), (r"\bbr(oke|eak|eaks|oken)\b|\bcaused?\b", 0.6),
        (r"\bpull(ed)? the plug\b|\bsunk cost|\bstop (investing|working)|\bkill(ed)? (a|the|your) (project|idea)", 0.8),
        (r"\bwalk(ed)? back\b|\bretract|\bcorrect(ed)? (yourself|your|a) ", 0.8), (r"\btoo good to be true\b", 0.6),
    ],
    "conflict": [
        (r"\bdisagree", 1.0), (r"\bconflicts?\b", 1.0), (r"\bpush(ed)? back\b", 1.0), (r"\bargu(e|ed|ment)", 1.0),
        (r"\btension\b|\bfriction\b|\bclash", 1.0), (r"\bdifficult (person|coworker|colleague|teammate|stakeholder|manager)", 1.0),
        (r"\bconvinc|\bpersua|\binfluenc|\bbuy-?in\b", 0.8), (r"\bsaid no\b|\bsay no\b|\bcompromise", 0.8),
        (r"\beye to eye\b|\bopposing\b|\bdifferent (view|opinion)", 1.0), (r"\bstakeholders?\b", 0.4),
        (r"\bobject(ed|ion)\b|\bchallenged (a|the|your) decision", 0.8),
        (r"\b(say|said|tell|told|saying) \w+ ?no\b|\bno to\b", 0.8), (r"\bethic|\braised? (a|an) \w* ?concern", 0.8),
        (r"\bdidn'?t report to\b|\bwithout authority\b", 1.0), (r"\bchanged? (what|how|their|the team)", 0.5),
        (r"\btrust\b|\bescalat", 0.4),
        (r"\b(unhappy|angry|upset|frustrated|difficult) (customer|client|user|stakeholder|partner)s?\b", 0.8),
        (r"\b(competing|conflicting) (priorities|goals|interests)\b|\bpriorities (ran|run|went) against\b", 1.0),
        (r"\brelationship\b|\bchanging (their|his|her) minds?\b", 0.5),
    ],
    "challenge": [
        (r"\bchalleng(e|es|ing)\b", 1.0), (r"\bdifficult\b|\bhard(est)?\b|\btough", 0.8),
        (r"\bpressure\b|\bdeadlines?\b|\btight\b|\bcrunch\b", 1.0), (r"\bambigu|\bunclear\b|\bvague\b|\buncertain", 1.0),
        (r"\bovercam?e\b|\bobstacles?\b", 1.0), (r"\bincomplete\b|\blimited\b|\bconstraints?\b", 0.8),
        (r"\blearn\w* (something|a new|new|quickly|fast)|\bunfamiliar\b|\bramp(ed)? up\b", 0.8),
        (r"\bcomplex\b|\bstretch\b|\bscrappy\b|\bunder-?resourced\b", 0.6),
        (r"\bshort (timeline|notice|time)\b|\bquickly\b|\bwithout enough\b|\b(very )?little (data|time|information)", 0.8),
        (r"\bnew (domain|area|market|field|team)\b|\btracked down\b|\bdebug", 0.6),
        (r"\bdive deep\b|\bdeep dive\b|\broot[- ]cause\b|\bbias for action\b", 0.6),
        (r"\bsurpris|\bunexpected|\bmess(y|iest)\b|\binherit", 0.6),
        (r"\bdescope\b|\bramp\b", 0.8),
    ],
    "success": [
        (r"\bproud(est)?\b", 1.0), (r"\bsuccess(ful)?\b", 1.0), (r"\bachiev|\baccomplish", 1.0),
        (r"\bimpact(ful)?\b", 0.8), (r"\bbest work\b|\bfavou?rite\b|\bwent well\b|\bexceed", 1.0),
        (r"\bmost (significant|meaningful|important)\b", 0.8), (r"\bwalk me through\b|\bproject you\b", 0.5),
        (r"\bexperience\b|\bshipped\b|\bdelivered\b|\bled\b", 0.4),
        (r"\bhelped \w+ grow|\bmentor|\bcoach|\bgrow\b", 0.8), (r"\bsaved?\b|\bpaid off\b|\brelying on\b|\bbuilt\b", 0.6),
        (r"\bsimpler\b|\bsimplif|\bfaster\b|\bmore efficient\b|\bimproved?\b|\breduced?\b", 0.6),
        (r"\bdeliver(ed)? results\b|\bthink big\b", 0.6),
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
    explain recall think thing something someone one ever kind like did had way example examples were
    made make making got get getting took take taking ve ll re work worked working deal dealt handle
    handled handling go went gone come came say said tell told let us also much many last ever
    career job role company time situation particular specific problem problems issue issues look looked
    looks looking great good big biggest end ended real really first reduce reduced reducing improve
    improved improving increase increased want wanted wants less"""
    .split()
)

# Same idea, different words: the vocabulary of behavioral interviews, one idea a line. A prompt
# word from a line brings the others in at reduced weight, since interviewers and candidates rarely
# use the same words ("tell your boss no" against "my manager wanted ... I proposed instead").
SYNONYM_GROUPS = [
    # people
    "manager boss supervisor | director lead leadership skip-level vp head",
    "teammate colleague coworker peer | engineer engineers team",
    "stakeholder stakeholders pm | product customer client business partner partners leadership",
    "junior intern grad graduate hire hires newcomer mentee",
    # conflict and influence
    "disagree disagreed disagreement conflict pushback argue argued argument dispute clash | objection oppose opposed",
    "convince convinced persuade persuaded influence influenced buy-in | advocate align alignment trust adopt adopted",
    "no refuse refused decline declined reject rejected veto",
    "ethical ethics fairness fair discrimination | bias biased compliance regulation regulatory legal privacy risk",
    "compromise tradeoff trade-off balance balanced negotiate negotiated",
    # pressure and difficulty
    "deadline timeline pressure rush rushed crunch urgent | freeze weeks days peak launch-date",
    "scope cut descope prioritize prioritized priority dropped defer deferred",
    "ambiguous ambiguity unclear vague undefined uncertain uncertainty unknown assumptions",
    "incomplete limited missing thin sparse little scarce few",
    "learn learned learning ramp unfamiliar | new background papers study",
    "hard hardest difficult tough challenging complex complicated",
    # failure
    "mistake error failure fail failed wrong regret misjudged | bug postmortem lesson",
    "rollback rolled revert reverted backfired broke broken",
    "feedback criticism critique review reviewed comment stung",
    # production and operations
    "ship shipped launch launched deploy deployed release released rollout live | production prod",
    "outage incident downtime page pages paged pager on-call oncall alert alerts firefight",
    "monitor monitoring alerting checks detect detected caught drift degrade degraded stale",
    "experiment experiments experimentation a/b | offline online test tests",
    "ownership owned responsible accountable",
    "simplify simplified simpler simple retire retired remove removed maintain maintainable cleanup refactor refactored",
    "operational operations toil maintenance burden on-call pages",
    "cost costs money budget spend spending expensive cheaper savings saved saving dollars bill | gpu compute infrastructure finance",
    "faster fast latency slow speed speedup efficient efficiency throughput | cost cheaper",
    # data and models
    "data dataset labels label labeling annotation samples examples",
    "model models classifier predictor network ranking ranker recommender",
    "metric metrics measure | accuracy auc precision recall f1 loss",
    "decision decide decided call judgment judgement choose chose",
    "analysis analyzed data-driven evidence numbers measured shadow",
    # growth and impact
    "mentor mentored mentoring coach coached coaching teach taught | grow grew growth onboard develop promoted",
    "impact impactful | revenue conversion losses improved improvement gain lift increase reduced",
    "proud proudest success successful achievement accomplished win",
    "platform tool tools infrastructure shared reuse adopted",
    "regulated regulation regulatory compliance audit legal",
    "market country city cities region expansion | launch",
    "field domain area discipline specialty | industry space",
    "switch switched switching transition moved joined | change changed pivot",
    "drift drifted drifting degrade degraded degrading decay shift shifted | drop dropped decline declined",
    "goal goals objective objectives criteria definition | target success",
    "productive productivity | efficient faster speed throughput bottleneck",
    "trust trusted doubt doubted skeptical | credibility convinced",
    "hire hired hiring recruit recruited recruiting | interview interviewed",
    "lead led leading drove | ownership initiative",
    "harm harmful dilemma wrongful unsafe | ethical fairness",
    "rely relied relying depend depended depends dependency | adopted adoption platform shared",
    "customer customers user users client clients | complaint complaints",
    "quality noisy messy dirty inconsistent garbage | labels cleaning",
    "privacy pii consent gdpr anonymized | ethical legal",
    "curious curiosity | learn explore",
    "standards standard bar rigor rigorous thorough | quality",
    "escalate escalated escalation | manager director",
    "requirements requirement spec | scope goal",
    "performance underperforming | feedback",
    "debug debugged debugging investigate investigated diagnose diagnosed trace traced dug | root bug logs",
    "automate automated automation | tool tooling script",
    "frugal frugality thrifty | cost cheaper",
    # machine-learning work
    "leak leakage leaked contaminated contamination | overlap test evaluation",
    "scale scaling traffic qps millions | throughput latency",
    "pipeline pipelines etl workflow | data infrastructure",
    "annotator annotators rater raters labeler labelers | labels labeling",
    "presentation present presented demo talk | leadership",
    "documentation document documented docs writeup write-up | design",
]

# Multi-word phrases read as one idea, in prompts and stories alike, before they are split into words.
PHRASES = {
    r"\bpush(ed|ing)? back\b": "pushback",
    r"\btime pressure\b|\b(tight|short|hard) (deadline|timeline|schedule|notice|timeframe)s?\b": "deadline",
    r"\bon[- ]call\b": "oncall",
    r"\bbuy[- ]in\b": "buy-in",
    r"\bmachine learning\b": "ml",
    r"\bproduct managers?\b": "pm",
    r"\bwithout (authority|a title)\b": "influence",
    r"\b(cut|cutting|reduc\w*|trim\w*|narrow\w*) (the |your )?scope\b": "descope",
    r"\b(hit|meet|make) (a|the|your) (date|deadline)\b|\bon time\b": "deadline",
    r"\b(without|before) (enough|all the|the|complete|full) (information|data|facts|evidence)\b": "uncertain",
    r"\b(incomplete|limited|partial) (information|data)\b": "uncertain",
    r"\btrack(ed)? down\b|\broot[- ]cause\b|\bdive deep\b|\bdeep dive\b|\bdig(ging)? (in|into)\b": "debug",
    r"\blearn\w* (\w+ ){0,3}(quickly|fast)\b|\b(get|got|getting) up to speed\b": "ramp",
    r"\bdropped the ball\b|\bwent (wrong|badly|sideways)\b": "mistake",
    r"\b(hard|critical|negative|tough|constructive) feedback\b": "feedback",
    r"\bearn(ed|ing)? (the |their |your )?trust\b": "trust",
    r"\bdisagree and commit\b": "disagree",
    r"\binvent and simplify\b": "simplify",
    r"\bsettl\w* for\b|\bmiddle ground\b|\bmeet(ing)? (\w+ )?(in the middle|halfway)\b": "compromise",
    r"\blow[- ]perform\w*\b|\bunderperform\w*\b": "performance",
    r"\bnew (hire|grad|joiner)s?\b": "junior",
    # Managing people is leading them; it is not "my manager" (both stem to "manag").
    r"\bmanag(e|ed|es|ing) (a |the |my |our |\w+ )?(team|group|people|engineers|org|organization|reports)\b": "lead team",
    r"\bchang\w* (their|his|her|your) minds?\b|\b(changing|shifting|moving) (requirements|goalposts|priorities)\b": "requirements",
}

_PHRASE_PATTERNS = [(re.compile(pattern), f" {word} ") for pattern, word in PHRASES.items()]
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
def _filler_stems() -> frozenset[str]:
    return frozenset(_stems(" ".join(PROMPT_WORDS)))


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, dict[str, float]]:
    """For each stem, the stems of the same idea and how close they are: words before a group's |
    mean nearly the same thing (SYNONYM_WEIGHT), words after it are only related (RELATED_WEIGHT).
    A stem shared with a word that says nothing ("owned" and "own") is never one of them."""
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
    # The cues are looked for in the prompt as written and with its phrases read ("hit a date" as
    # "deadline").
    text = prompt.lower().replace("’", "'") + " \n " + _normalized(prompt)
    found = {}
    for theme, cues in THEME_CUES.items():
        strength = max((weight for pattern, weight in cues if re.search(pattern, text)), default=0.0)
        if strength:
            found[theme] = strength
    return found


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


@dataclass(frozen=True)
class _Index:
    """Per-stem postings of (story position, field-weighted count), and each story's BM25 length
    norm, worked out once per bank."""

    postings: dict[str, list[tuple[int, float]]]
    norms: list[float]


@lru_cache(maxsize=4)
def _index(stories: tuple[Story, ...]) -> _Index:
    all_counts = []
    for story in stories:
        counts: Counter = Counter()
        for field, weight in FIELD_WEIGHTS.items():
            value = getattr(story, field)
            text = " ".join(value) if isinstance(value, tuple) else value
            for stem in _story_stems(text):
                counts[stem] += weight
        all_counts.append(counts)
    average = sum(sum(c.values()) for c in all_counts) / len(all_counts) or 1.0
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for position, counts in enumerate(all_counts):
        for stem, count in counts.items():
            postings[stem].append((position, count))
    norms = [K1 * (1 - B + B * sum(counts.values()) / average) for counts in all_counts]
    return _Index(dict(postings), norms)


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
        for word, stem in zip(_TOKEN.findall(text), _stems(text)):
            shown = as_written.get(word, word)
            if stem in terms and stem not in seen and word not in PROMPT_WORDS and shown not in words:
                seen.add(stem)
                words.append(shown if stem in asked else f"~{shown}")
    return tuple(words)


def suggest(
    prompt: str, stories: tuple[Story, ...], *, company: str | None = None, limit: int | None = None
) -> list[Suggestion]:
    """The stories ranked for the prompt, best first (the first `limit` of them, or all)."""
    if not stories:
        return []
    index = _index(stories)
    concepts = query_concepts(prompt)
    wanted_themes = prompt_themes(prompt)
    total = len(stories)
    raw = [0.0] * total
    best_possible = 0.0
    for concept in concepts:
        # An idea is scored as one term, the way search engines score synonyms: a story counts it
        # through its best word (at that word's weight), and its rarity is that of all the stories
        # using any of its words (each as close as its word), so a rare synonym never outweighs the
        # common word the prompt used.
        earned: dict[int, float] = {}
        closeness: dict[int, float] = {}
        for stem, weight in concept.items():
            for position, count in index.postings.get(stem, ()):
                earned[position] = max(earned.get(position, 0.0), weight * count)
                closeness[position] = max(closeness.get(position, 0.0), weight)
        using = sum(closeness.values())
        idf = math.log(1 + (total - using + 0.5) / (using + 0.5))
        best_possible += idf * (K1 + 1)
        for position, count in earned.items():
            raw[position] += idf * count * (K1 + 1) / (count + index.norms[position])
    top_raw = max(raw)
    theme_total = sum(wanted_themes.values())
    company_key = company.casefold() if company else None
    scored = []
    for position, story in enumerate(stories):
        # Relevance against the best story in the bank, so that it weighs the same for any prompt;
        # coverage against all the prompt asks for, to tell a real answer from the least bad one.
        relevance = raw[position] / top_raw if top_raw else 0.0
        coverage = raw[position] / best_possible if best_possible else 0.0
        shared = tuple(t for t in THEMES if t in wanted_themes and t in story.themes)
        theme_fit = sum(wanted_themes[t] for t in shared) / theme_total if theme_total else 0.0
        score = relevance + THEME_WEIGHT * theme_fit
        told_here = tuple(u.date for u in story.told if company_key and u.company.casefold() == company_key)
        if told_here:
            score *= TOLD_PENALTY
        weak = coverage < WEAK_FIT and (not wanted_themes or not shared)
        scored.append((round(score, 3), story.id, story, coverage, shared, told_here, weak))
    scored.sort(key=lambda item: (-item[0], item[1]))
    terms = query_terms(prompt)
    asked = set(_stems(" ".join(content_words(prompt))))
    return [
        Suggestion(story, score, coverage, shared, _matched_words(story, terms, asked) if coverage else (), told_here, weak)
        for score, _, story, coverage, shared, told_here, weak in scored[:limit]
    ]
