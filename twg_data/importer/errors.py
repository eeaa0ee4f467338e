"""The one error a report can raise while it is read or drafted."""


class ReportError(Exception):
    """A report that cannot be read; the message names the file and what to do."""
