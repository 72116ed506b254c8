"""The round catalogue and question banks, installed as the package ``planner.data``."""
