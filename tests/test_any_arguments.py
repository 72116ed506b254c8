"""Whatever is typed after `planner`, the command works, or says why in one line and changes nothing."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import TODAY, crashed

COMMANDS = [
    ["story", "add"],
    ["story", "list"],
    ["story", "show"],
    ["story", "edit"],
    ["story", "rm"],
    ["story", "search"],
    ["story", "import"],
    ["story", "export"],
    ["story", "matrix"],
    ["story", "told"],
    ["suggest"],
    ["agenda"],
    ["interview", "add"],
    ["interview", "list"],
    ["interview", "edit"],
    ["interview", "rm"],
    ["config", "set"],
    ["config", "show"],
    ["plan"],
    ["done"],
    ["skip"],
    ["rounds"],
    ["where"],
]
# Words a person might type, right or wrong, next to any text at all.
WORDS = [
    "1", "2", "0", "-1", "99999999999999999999", "1.5", "--json", "--yes", "--force", "--all", "--week",
    "--title", "--theme", "--tag", "--action", "--company", "--round", "--date", "--minutes", "--limit",
    "--format", "-o", "--ics", "--rebalance", "--incomplete", "--add-tag", "--remove-tag", "success",
    "conflict", "budget", "budget.sat", "days-off", "dates-off", "weekdays", "sat=90", "none", "tomorrow",
    "yesterday", "next friday", "2040-01-01", "1999-01-01", "ml-coding", "design", "markdown", "Acme",
    "recruiter-screen=tomorrow", "-", "/dev/null", ".", "",
]  # fmt: skip
# No NUL byte: a command line cannot carry one (every argument reaches a program as a C string).
ANY_TEXT = st.text(st.characters(exclude_characters="\x00"), max_size=40)
ARGUMENTS = st.lists(
    st.one_of(st.sampled_from(WORDS), ANY_TEXT, st.text(alphabet="\x1b\n\r\t\x7f\x9b;[]0", max_size=8)),
    max_size=6,
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(COMMANDS), arguments=ARGUMENTS)
def test_every_command_works_or_fails_in_one_line_changing_nothing(
    run, db_path, tmp_path, monkeypatch, command, arguments
):
    monkeypatch.setenv("PLANNER_TODAY", TODAY.isoformat())
    monkeypatch.setenv("EDITOR", "true")  # an editor that closes without saving
    monkeypatch.chdir(tmp_path)
    if not db_path.exists():
        run("story", "add", "--title", "Cut serving cost", "--theme", "success", "--action", "I batched requests.")
        run("interview", "add", "Acme", "--date", "in 3 weeks")
    before = db_path.read_bytes()
    result = run(*command, *arguments)
    assert not crashed(result), result.exception
    if result.exit_code != 0:
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("planner: "), result.stderr[:500]
        assert len(lines[0]) < 400, lines[0][:500]
        assert db_path.read_bytes() == before
