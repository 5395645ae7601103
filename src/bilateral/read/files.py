"""Opening a file to read it, within limits: regular files only, a size cap, symlinks resolved by the kernel.

A named pipe would block the reader and a device such as /dev/zero would never end, so a file is
opened without blocking and checked on its open descriptor (a name swapped for a pipe between a
check and the open cannot slip through). A file over the cap is refused before it is read, and
no more than the cap plus one byte is ever read, whatever the file system says of its size.
"""
from __future__ import annotations

import errno
import os
import stat
from typing import Iterator, Optional, Tuple, Union

from bilateral.errors import InputError

KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
         (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def open_regular(path: str) -> Union[int, InputError]:
    """A descriptor open for reading on a regular file, or why the path is not one."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        return _open_error(path, exc)
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        return InputError(path, f"cannot be read: {exc.strerror or exc}", "unreadable")
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = next((name for test, name in KINDS if test(mode)), "not a regular file")
        return InputError(path, f"{kind}, not a regular file: not read", "special")
    return fd


def _open_error(path: str, exc: OSError) -> InputError:
    if exc.errno == errno.ELOOP:
        return InputError(path, "a loop of symbolic links: not read", "symlink")
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return InputError(path, f"a symbolic link to {os.readlink(path)!r}, which does not exist", "symlink")
    if exc.errno == errno.EISDIR:
        return InputError(path, "a folder, not a regular file: not read", "special")
    return InputError(path, f"cannot be read: {exc.strerror or exc}", "unreadable")


def too_large(path: str, size: int, limit: int) -> InputError:
    return InputError(path, f"{size:,} bytes, over the limit of {limit:,} (raise it with --max-bytes)", "size")


def read_capped(path: str, limit: int) -> Union[bytes, InputError]:
    """The whole file, or an error when it is not a regular file or holds more than `limit` bytes."""
    fd = open_regular(path)
    if isinstance(fd, InputError):
        return fd
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            return too_large(path, size, limit)
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limit + 1)
        if len(data) > limit:
            return too_large(path, len(data), limit)
        return data
    except OSError as exc:
        return InputError(path, f"cannot be read: {exc.strerror or exc}", "unreadable")
    finally:
        os.close(fd)


def read_text(path: str, limit: int):
    """The file's text as `decode` reads it (a Decoded, with its warning if any), or the error that stops it."""
    from bilateral.read.decode import decode
    data = read_capped(path, limit)
    if isinstance(data, InputError):
        return data
    decoded = decode(data)
    if decoded.text is None:
        return InputError(path, decoded.reason or "not text", decoded.code)
    return decoded


Line = Tuple[int, Optional[bytes]]


def capped_lines(path: str, fd: int, limit: int, chunk: int = 1 << 16) -> Iterator[Line]:
    """(line number, bytes without the newline) for every line of an open file; a line over `limit`
    bytes comes as (number, None) and is skipped unread, so a file of one endless line costs no memory."""
    with os.fdopen(fd, "rb") as f:
        lineno = 0
        while True:
            line = f.readline(limit + 1)
            if not line:
                return
            lineno += 1
            if len(line) > limit and not line.endswith(b"\n"):
                while True:   # skip to the end of the overlong line
                    rest = f.readline(chunk)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield lineno, None
                continue
            yield lineno, line.rstrip(b"\n").rstrip(b"\r")
