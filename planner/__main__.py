from planner.cli import cli

cli()
