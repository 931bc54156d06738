"""Opening input files without trusting them.

Only regular files are opened: a named pipe blocks forever and /dev/zero never
ends. Sizes are checked before reading and every read is bounded, gzip
included, so a sparse 5 GiB file or a gzip bomb costs at most about the limit.
"""

from __future__ import annotations

import codecs
import errno
import gzip
import io
import os
import re
import stat
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import IngestError
from .decode import looks_binary, too_large, utf16_without_bom

CHUNK = 1024 * 1024
# BadGzipFile is an OSError: these are tried before plain read errors.
_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)
# O_NONBLOCK: should a FIFO take a file's place between the stat and the open,
# the open still returns at once (and the fstat after it refuses the FIFO).
_OPEN_FLAGS = os.O_RDONLY
for _flag in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC"):  # POSIX only; absent on Windows
    _OPEN_FLAGS |= getattr(os, _flag, 0)
Stream = io.RawIOBase | io.BufferedIOBase
_ESCAPED = re.compile("[\udc80-\udcff]")  # what surrogateescape puts for a byte that did not decode


def file_error(exc: OSError | ValueError) -> IngestError:
    """The coded error for a path that cannot be opened or read."""
    if isinstance(exc, ValueError):  # a NUL in a name a manifest gave
        return IngestError("invalid file name (it contains a NUL character)", code="E106")
    if exc.errno == errno.ENOENT:
        return IngestError("file not found (missing, or removed while running)", code="E105")
    if exc.errno == errno.ELOOP:
        return IngestError("symbolic link loop", code="E106")
    return IngestError(f"cannot read: {exc.strerror or exc}", code="E106")


def _not_regular(mode: int) -> IngestError:
    if stat.S_ISDIR(mode):
        kind = "a folder"
    elif stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "a special file"
    return IngestError(f"{kind}, not a regular file: not read", code="E108")


def _open_regular(path: Path) -> tuple[io.FileIO, int]:
    """An unbuffered handle on a regular file, and its size; anything else is
    refused before it is opened (opening some devices has side effects)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError) as exc:
        raise file_error(exc) from exc
    if not stat.S_ISREG(mode):
        raise _not_regular(mode)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:
        raise file_error(exc) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(info.st_mode)
        handle = io.FileIO(fd, "r", closefd=True)
    except BaseException:
        os.close(fd)
        raise
    return handle, info.st_size


@contextmanager
def _opened(path: Path, *, gz: bool, limit: int) -> Iterator[Stream]:
    handle, size = _open_regular(path)
    with handle:
        # a gzip file's own size says nothing about what it expands to
        if not gz and size > limit:
            raise too_large(f"{size:,}", limit)
        if not gz:
            yield handle
            return
        with gzip.GzipFile(fileobj=handle, mode="rb") as unzipped:
            yield unzipped


def _read(stream: Stream, size: int) -> bytes:
    try:
        return stream.read(size) or b""
    except _GZIP_ERRORS as exc:
        raise IngestError(f"corrupt gzip: {exc}", code="E107") from exc
    except OSError as exc:
        raise file_error(exc) from exc


def read_bytes(path: Path, *, gz: bool, limit: int) -> bytes:
    """The file's bytes (decompressed), refused with E102 past ``limit``: at
    most limit + 1 bytes are ever read, whatever the file's size said."""
    with _opened(path, gz=gz, limit=limit) as stream:
        data = bytearray()
        while len(data) <= limit:
            chunk = _read(stream, min(CHUNK, limit + 1 - len(data)))
            if not chunk:
                return bytes(data)
            data += chunk
    raise too_large(f"more than {limit:,}" + (" decompressed" if gz else ""), limit)


class _Capped(io.RawIOBase):
    """Passes on a stream's bytes, in bounded reads, and refuses (E102) once
    more than ``limit`` of them have come through."""

    def __init__(self, stream: Stream, limit: int, gz: bool) -> None:
        self._stream, self._limit, self._gz, self._total = stream, limit, gz, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = _read(self._stream, min(len(buffer), CHUNK))
        self._total += len(data)
        if self._total > self._limit:
            raise too_large(f"more than {self._limit:,}" + (" decompressed" if self._gz else ""), self._limit)
        buffer[: len(data)] = data
        return len(data)


def text_lines(
    path: Path, *, gz: bool, line_limit: int, total_limit: int
) -> Iterator[tuple[int, str | IngestError]]:
    """Numbered lines of a (possibly gzipped) UTF-8, or UTF-16 with a BOM, text
    file, streamed: never more than about one line is held. A line over
    ``line_limit`` characters, or one that does not decode, is an IngestError
    in its place and the lines after it still come; what makes the whole file
    unreadable (missing, binary, corrupt gzip, over ``total_limit``) raises."""
    with _opened(path, gz=gz, limit=total_limit) as stream:
        buffered = io.BufferedReader(_Capped(stream, total_limit, gz), buffer_size=64 * 1024)
        head = buffered.peek(8192)[:8192]
        if utf16_without_bom(head):
            raise IngestError("looks like UTF-16 without a byte-order mark; re-save it as UTF-8", code="E104")
        if looks_binary(head):
            raise IngestError("binary file, not text (NUL or control bytes)", code="E103")
        utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        # surrogateescape: a bad byte marks its own line, not the whole file
        text = io.TextIOWrapper(
            buffered,
            encoding="utf-16" if utf16 else "utf-8-sig",
            errors="surrogateescape",
            # \n, \r\n or \r end a line, as str.splitlines did (valid JSON has no raw
            # \r inside a string); unlike it, U+2028 inside a string does not
            newline=None,
        )
        number, seen = 0, False
        while line := text.readline(line_limit + 1):
            number += 1
            seen = seen or bool(line.strip())
            if len(line) > line_limit and not line.endswith("\n"):
                while line and not line.endswith("\n"):  # skip the rest, a chunk at a time
                    line = text.readline(CHUNK)
                yield number, IngestError(
                    f"line too long (over {line_limit:,} characters; the limit is "
                    "Options.max_article_bytes)",
                    code="E102",
                )
                continue
            yield number, _undecodable(line, utf16) or line
        text.detach()  # the file is closed by _opened, not by the wrapper
    if not seen:
        raise IngestError("empty file (no text)", code="E101")


def _undecodable(line: str, utf16: bool) -> IngestError | None:
    match = _ESCAPED.search(line)
    if match is None:
        return None
    if utf16:
        return IngestError("invalid UTF-16", code="E104")
    return IngestError(
        f"not UTF-8 (byte 0x{ord(match.group()) - 0xDC00:02x} at column {match.start() + 1}); "
        "re-save it as UTF-8",
        code="E104",
    )
