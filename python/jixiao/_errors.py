"""The exceptions jixiao raises. Each carries the input's ``path`` (or None), the 1-based
``line`` it points at (or None) and the ``reason`` without path and line."""

from __future__ import annotations

from typing import Optional


class JixiaoError(Exception):
    """Base class of every jixiao error."""

    def __init__(self, message: str, path: Optional[str] = None, line: Optional[int] = None, reason: Optional[str] = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.reason = reason if reason is not None else message


class ParseError(JixiaoError, ValueError):
    """The input is not a performance document, or its JSON is not a jixiao document."""


class EncodingError(ParseError):
    """The bytes are not text in UTF-8, UTF-16 or GB18030 (or not in the encoding asked for)."""


class UnsupportedFormatError(JixiaoError, ValueError):
    """A format this build does not read (a .docx, .xlsx, .doc or PDF file, say)."""


class UsageError(JixiaoError, ValueError):
    """A wrong argument, such as an unknown format or encoding name."""
