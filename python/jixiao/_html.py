"""The review's result: a list of findings that knows its document, drawn in a notebook as the
form with each finding on its cell (``_repr_html_``)."""

from __future__ import annotations

from typing import Any, Iterable, List, Optional, Tuple

from jixiao._native import Document, Finding, findings_html


class Findings(List[Finding]):
    """审核意见 — what ``Document.review()`` returns: a ``list`` of ``Finding``, in source order,
    with the ``document`` they are about. In a notebook it shows as the form with every finding
    marked on its cell; ``to_html()`` gives that HTML."""

    document: Optional[Document]

    def __init__(self, findings: Iterable[Finding] = (), document: Optional[Document] = None) -> None:
        super().__init__(findings)
        self.document = document

    def to_html(self, *, lang: str = "zh", page: bool = False) -> str:
        """The document drawn as the form with these findings on their cells (the findings alone
        when the document is not known); ``lang`` is ``"zh"`` or ``"en"``."""
        if self.document is None:
            return findings_html(self, lang=lang)
        return self.document.to_html(self, lang=lang, page=page)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __reduce__(self) -> Tuple[Any, ...]:
        return (Findings, (list(self), self.document))


__all__ = ["Findings"]
