"""Messages the app's parts send each other."""

from textual.message import Message


class DataChanged(Message):
    """The database changed, by a write of this app or of `planner` in another shell: the screen on
    show reads what it shows again."""
