"""The vocabulary of behavioral interviews that the suggester reads prompts and stories with: data,
kept apart from the algorithm in planner/stories/suggest.py so that it can grow on its own."""

# Phrases that say which theme a prompt calls for, with how surely they say it.
THEME_CUES = {
    "failure": [
        (r"\bfail(ed|ure|ing|s)?\b", 1.0),
        (r"\bmistakes?\b", 1.0),
        (r"\bregret", 1.0),
        (r"\bdifferently\b", 1.0),
        (r"\bwrong\b", 0.8),
        (r"\bmiss(ed)?\b", 0.6),
        (r"\bsetbacks?\b", 0.8),
        (r"\bdidn'?t (go|work)", 1.0),
        (r"\bfell short\b", 1.0),
        (r"\bnot go(ing)? (well|as planned)", 1.0),
        (r"\blessons?\b|\blearn(ed|t)? from\b", 0.6),
        (r"\bweakness", 0.8),
        (r"\bcriticism\b|\bhard to hear\b", 0.6),
        (r"\bfeedback\b", 0.6),
        (r"\bpost-?mortem\b|\bbackfired\b|\bworse\b", 0.6),
        (r"\berrors?\b|\bbugs?\b|\bmisjudg", 0.6),
        (r"\bdisappoint|\bunderperform|\bflop|\bdidn'?t pan out", 0.8),
        (r"\bincidents?\b|\boutages?\b", 0.5),
        (r"\b(your|my) fault\b|\bblame|\bown(ed)? up\b|\bapologi", 1.0),
        (r"\bbr(oke|eak|eaks|oken)\b|\bcaused?\b", 0.6),
        (r"\bpull(ed)? the plug\b|\bsunk cost|\bstop (investing|working)|\bkill(ed)? (a|the|your) (project|idea)", 0.8),
        (r"\bwalk(ed)? back\b|\bretract|\bcorrect(ed)? (yourself|your|a) ", 0.8),
        (r"\btoo good to be true\b", 0.6),
    ],
    "conflict": [
        (r"\bdisagree", 1.0),
        (r"\bconflicts?\b", 1.0),
        (r"\bpush(ed)? back\b", 1.0),
        (r"\bargu(e|ed|ment)", 1.0),
        (r"\btension\b|\bfriction\b|\bclash", 1.0),
        (r"\bdifficult (person|coworker|colleague|teammate|stakeholder|manager)", 1.0),
        (r"\bconvinc|\bpersua|\binfluenc|\bbuy-?in\b", 0.8),
        (r"\bsaid no\b|\bsay no\b|\bcompromise", 0.8),
        (r"\beye to eye\b|\bopposing\b|\bdifferent (view|opinion)", 1.0),
        (r"\bstakeholders?\b", 0.4),
        (r"\bobject(ed|ion)\b|\bchallenged (a|the|your) decision", 0.8),
        (r"\b(say|said|tell|told|saying) \w+ ?no\b|\bno to\b", 0.8),
        (r"\bethic|\braised? (a|an) \w* ?concern", 0.8),
        (r"\bdidn'?t report to\b|\bwithout authority\b", 1.0),
        (r"\bchanged? (what|how|their|the team)", 0.5),
        (r"\btrust\b|\bescalat", 0.4),
        (r"\b(unhappy|angry|upset|frustrated|difficult) (customer|client|user|stakeholder|partner)s?\b", 0.8),
        (r"\b(competing|conflicting) (priorities|goals|interests)\b|\bpriorities (ran|run|went) against\b", 1.0),
        (r"\brelationship\b|\bchanging (their|his|her) minds?\b", 0.5),
    ],
    "challenge": [
        (r"\bchalleng(e|es|ing)\b", 1.0),
        (r"\bdifficult\b|\bhard(est)?\b|\btough", 0.8),
        (r"\bpressure\b|\bdeadlines?\b|\btight\b|\bcrunch\b", 1.0),
        (r"\bambigu|\bunclear\b|\bvague\b|\buncertain", 1.0),
        (r"\bovercam?e\b|\bobstacles?\b", 1.0),
        (r"\bincomplete\b|\blimited\b|\bconstraints?\b", 0.8),
        (r"\blearn\w* (something|a new|new|quickly|fast)|\bunfamiliar\b|\bramp(ed)? up\b", 0.8),
        (r"\bcomplex\b|\bstretch\b|\bscrappy\b|\bunder-?resourced\b", 0.6),
        (
            r"\bshort (timeline|notice|time)\b|\bquickly\b|\bwithout enough\b|\b(very )?little (data|time|information)",
            0.8,
        ),
        (r"\bnew (domain|area|market|field|team)\b|\btracked down\b|\bdebug", 0.6),
        (r"\bdive deep\b|\bdeep dive\b|\broot[- ]cause\b|\bbias for action\b", 0.6),
        (r"\bsurpris|\bunexpected|\bmess(y|iest)\b|\binherit", 0.6),
        (r"\bdescope\b|\bramp\b", 0.8),
        (r"\bmore than you could handle\b|\bbit(e|ten)? off more\b|\btoo much on your plate\b", 0.8),
    ],
    "success": [
        (r"\bproud(est)?\b", 1.0),
        (r"\bsuccess(ful)?\b", 1.0),
        (r"\bachiev|\baccomplish", 1.0),
        (r"\bimpact(ful)?\b", 0.8),
        (r"\bbest work\b|\bfavou?rite\b|\bwent well\b|\bexceed", 1.0),
        (r"\bmost (significant|meaningful|important)\b", 0.8),
        (r"\bwalk me through\b|\bproject you\b", 0.5),
        (r"\bexperience\b|\bshipped\b|\bdelivered\b|\bled\b", 0.4),
        (r"\bhelped \w+ grow|\bmentor|\bcoach|\bgrow\b", 0.8),
        (r"\bsaved?\b|\bpaid off\b|\brelying on\b|\bbuilt\b", 0.6),
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
    improved improving increase increased want wanted wants less beyond thought""".split()
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
    "model models classifier predictor network ranking ranker",
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
