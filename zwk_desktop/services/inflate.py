"""Bounded decompression: no compressed input from outside is ever inflated without a cap.

A few kilobytes of deflate can expand to gigabytes, twice nested to terabytes. `inflate` reads
at most `limit` bytes of output and refuses the rest; `pdf_inflated_size` adds up what every
compressed stream of a PDF would inflate to (nested Flate filters included), streaming and
without keeping any of it, and stops as soon as the budget is exceeded. A PDF over its budget
is not handed to a PDF library at all, so neither qpdf (pikepdf) nor pyHanko can be made to
inflate a bomb.
"""

from __future__ import annotations

import re
import zlib

_CHUNK = 64 * 1024
_MAX_NESTING = 4
_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")


class InflateLimit(Exception):
    """The data would inflate to more than allowed."""


def inflate(data: bytes, limit: int) -> bytes:
    """zlib-decompress `data` to at most `limit` bytes; InflateLimit when it would be more,
    zlib.error when it is no zlib stream."""
    d = zlib.decompressobj()
    out = bytearray()
    pending = data
    while True:
        piece = d.decompress(pending, limit + 1 - len(out))
        out += piece
        if len(out) > limit:
            raise InflateLimit(limit)
        pending = d.unconsumed_tail
        if d.eof or (not pending and not piece):
            break
    return bytes(out)


def _looks_like_zlib(head: bytes) -> bool:
    return (
        len(head) >= 2
        and head[0] & 0x0F == 8
        and head[0] >> 4 <= 7
        and (head[0] << 8 | head[1]) % 31 == 0
    )


class _Chain:
    """A zlib stream and the zlib streams nested in its output, inflated in step and counted."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.total = 0
        self.stages: list[zlib._Decompress | None] = [zlib.decompressobj()]
        self.heads: list[bytes] = [b""]

    def feed(self, data: bytes, level: int = 0) -> None:
        stage = self.stages[level]
        if stage is None or stage.eof:
            return
        pending = data
        while True:
            try:
                out = stage.decompress(pending, _CHUNK)
            except zlib.error:
                self.stages[level] = None
                return
            self.total += len(out)
            if self.total > self.budget:
                return
            if out:
                self._pass_on(out, level)
                if self.total > self.budget:
                    return
            pending = stage.unconsumed_tail
            if stage.eof or (not pending and not out):
                return

    def _pass_on(self, out: bytes, level: int) -> None:
        nxt = level + 1
        if nxt >= _MAX_NESTING:
            return
        if len(self.stages) <= nxt:
            head = self.heads[level] + out[:2]
            if len(head) < 2:
                self.heads[level] = head
                return
            if not _looks_like_zlib(head):
                self.stages.append(None)
                return
            self.stages.append(zlib.decompressobj())
            self.heads.append(b"")
            if self.heads[level]:
                out = self.heads[level] + out
                self.heads[level] = b""
        self.feed(out, nxt)

    @property
    def unused(self) -> int:
        """Bytes of the last chunk after the end of the outer stream."""
        first = self.stages[0]
        return len(first.unused_data) if first is not None and first.eof else 0

    @property
    def done(self) -> bool:
        first = self.stages[0]
        return first is None or first.eof


def pdf_inflated_size(pdf: bytes, budget: int) -> int:
    """What all Flate streams of `pdf` inflate to together (nested Flate included). Every
    ``stream`` keyword is tried, so no stream escapes the count, whatever the cross-reference
    table says. Raises InflateLimit when the streams would inflate to more than `budget`, or
    when they overlap so much that counting would read the file more than a few times over
    (no PDF writer produces that)."""
    total = 0
    consumed = 0
    input_budget = 4 * len(pdf) + _CHUNK * 16
    view = memoryview(pdf)
    for match in _STREAM.finditer(pdf):
        start = match.end()
        if not _looks_like_zlib(pdf[start : start + 2]):
            continue
        chain = _Chain(budget - total)
        pos = start
        while pos < len(pdf) and not chain.done and chain.total <= chain.budget:
            chunk = bytes(view[pos : pos + _CHUNK])
            chain.feed(chunk)
            pos += _CHUNK
            consumed += len(chunk) - chain.unused

            if consumed > input_budget:
                raise InflateLimit(budget)
        total += chain.total
        if total > budget:
            raise InflateLimit(budget)
    return total
