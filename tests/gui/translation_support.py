"""A translation installed as Qt would load one: a QTranslator knowing a few words, the
rest left as written; installed for one test."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTranslator


class FewWords(QTranslator):
    def __init__(self, words: Mapping[str, str]) -> None:
        super().__init__()
        self.words = words

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self.words.get(source, source)


@contextmanager
def translated(words: Mapping[str, str]) -> Iterator[None]:
    translator = FewWords(words)
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)
