"""The read stage: sources on disk become RawDocuments, and each RawDocument a clean Document.

`read_sources` yields documents and InputErrors in a fixed order; `clean` is a pure
function of one RawDocument.
"""
from bilateral.read.document import clean
from bilateral.read.sources import read_sources

__all__ = ["clean", "read_sources"]
