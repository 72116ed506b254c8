"""planner: a study planner and STAR story bank for ML engineer interview loops."""

__version__ = "0.1.0"
