class UserError(Exception):
    """A mistake in what the user asked for: shown as one line, never as a traceback."""
