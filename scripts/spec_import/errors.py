"""The importer's one exception class: every failure names the construct and where it is."""

from __future__ import annotations


class SpecImportError(Exception):
    """Input the importer cannot handle; ``pointer`` is a JSON pointer (or empty when the whole input is at fault)."""

    def __init__(self, message: str, pointer: str | None = None, source: str | None = None) -> None:
        self.message = message
        self.pointer = pointer
        self.source = source
        super().__init__(self.one_line())

    def one_line(self) -> str:
        text = self.message
        if self.pointer is not None:
            text += f" at {self.pointer or '/'}"
        if self.source is not None:
            text += f" in {self.source}"
        return text.replace("\n", " ")
