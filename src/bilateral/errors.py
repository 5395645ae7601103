"""Errors with stable codes and messages that name the file and the reason."""
from __future__ import annotations


class BilateralError(Exception):
    """Base class: every error the package raises on purpose."""

    code = "error"

    def __init__(self, reason: str, path: str | None = None):
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)


class InputError(BilateralError):
    """A source that cannot be read as a document: missing, binary, empty, bad encoding, bad JSON."""

    code = "input"

    def __init__(self, path: str, reason: str, code: str = "input"):
        super().__init__(reason, path)
        self.code = code

    def __reduce__(self):
        """Pickled with its own arguments, so a worker process can return it."""
        return type(self), (self.path, self.reason, self.code)


class InputWarning(InputError):
    """Something read with a doubt (a field left out, a legacy encoding): the document is still read."""


class StoreBusy(BilateralError):
    """The store is held by another process longer than this one may wait: one line, exit code 2."""

    code = "busy"


class UnknownCountry(BilateralError):
    """A country argument that the gazetteer cannot resolve."""

    code = "unknown_country"


class LexiconError(BilateralError):
    """A lexicon file (shipped or the user's) that cannot be read, named with the reason."""

    code = "lexicon"
