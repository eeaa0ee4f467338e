"""The one error a report can raise while it is read or drafted."""

from twg_data.message import MessageError


class ReportError(MessageError):
    """A report that cannot be read; the message names the file and what to do.

    Raised with an English template marked `N_()` and its fields
    (`ReportError(N_("{name}: the file is empty"), name=name)`), worded when shown."""
