"""Letterhead templates read and cleaned once per process; each letter is python-docx's own document.

Preparing a template is the app's work, not python-docx's: `template.open_prepared` runs the package
through `sanitise_package` (zip-bomb and remote-content checks), empties its body and removes its
leftovers. That costs several times a letter's export, so it is done once per template file and the
result kept as bytes. Every letter then opens those bytes with python-docx (`docx.Document`) and is
saved with python-docx's own `Document.save`.

Nothing else is cached: an earlier version kept each template's parts pre-compressed, parsed them
lazily and wrote the zip by hand. The benchmarks (benchmarks/README.md, "Fast paths and what they
buy") showed the export figures meet their targets without it, so the plain library path replaced it.

The cache is keyed by the template's path and its file status (size, times, inode), so a template
replaced or edited on disk is read again (a file changed in the last seconds is compared by content
too, as file times move in coarse ticks); entries hold only bytes and immutable values, never a
parsed tree, so letters built on several threads at once share nothing they could change.
"""

from __future__ import annotations

import io
import threading
import time
import weakref
from collections import OrderedDict
from pathlib import Path
from typing import Final

import docx
from docx.document import Document as DocxDocument

from iphr_desk.core.export.docx.styles import StyleIds

#: Templates kept (each the size of its .docx, a few hundred KB at most).
CACHE_SIZE: Final = 8


class PreparedTemplate:
    """One letterhead template, read and cleaned once: its package as bytes, and its style ids."""

    def __init__(self, document: DocxDocument, source: bytes = b"", read_at: int = 0) -> None:
        self.source = source  # the template file as read
        self.read_at = read_at  # when it was read (time.time_ns()), or last found unchanged
        self.style_ids = StyleIds.of(document)
        out = io.BytesIO()
        document.save(out)
        self.data: Final = out.getvalue()

    def new_document(self) -> DocxDocument:
        """A python-docx document for one letter, sharing no mutable state with any other."""
        document = docx.Document(io.BytesIO(self.data))
        _made_from[document.part] = self
        return document


#: Which template a letter's document came from, so a letter reuses the template's style ids. Keyed
#: weakly by the document's main part: forgotten with the document.
_made_from: weakref.WeakKeyDictionary[object, PreparedTemplate] = weakref.WeakKeyDictionary()


def prepared_of(document: DocxDocument) -> PreparedTemplate | None:
    """The cached template `document` was made from, if it was."""
    return _made_from.get(document.part)


# --------------------------------------------------------------------------- the cache


_cache: OrderedDict[tuple[object, ...], PreparedTemplate] = OrderedDict()
_cache_lock = threading.Lock()


#: A file changed this close to the moment it was read may change again without its times showing
#: it (file times move in clock ticks of several milliseconds): its content is checked instead.
_RACY_NS: Final = 2_000_000_000


def _key(path: Path) -> tuple[tuple[object, ...], int]:
    """The cache key of the file at `path`, and when it last changed (ns)."""
    status = path.stat()
    when = (status.st_mtime_ns, status.st_ctime_ns)
    return (str(path.resolve()), status.st_size, *when, status.st_ino, status.st_dev), max(when)


def prepared_template(path: Path) -> PreparedTemplate:
    """The template at `path`, prepared once for as long as the file stays the same."""
    from iphr_desk.core.export.docx.template import open_prepared

    try:
        key, changed = _key(path)
    except OSError:
        key, changed = None, 0
    found = None
    if key is not None:
        with _cache_lock:
            found = _cache.get(key)
            if found is not None:
                _cache.move_to_end(key)
        if found is not None and changed + _RACY_NS < found.read_at:
            return found
    read_at = time.time_ns()
    data = _read(path)
    if found is not None and data == found.source:
        found.read_at = read_at
        return found
    prepared = PreparedTemplate(open_prepared(io.BytesIO(data), path), data, read_at)
    if key is not None:
        with _cache_lock:
            _cache[key] = prepared
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return prepared


def _read(path: Path) -> bytes:
    from iphr_desk.core.errors import LetterheadError

    try:
        return path.read_bytes()
    except OSError as exc:
        problem = f"{path.name}: the letterhead cannot be opened as a Word document ({exc})."
        raise LetterheadError(problem) from exc


def letter_document(path: Path) -> DocxDocument:
    """A new, empty letter on the template at `path` (see the module's docstring)."""
    return prepared_template(path).new_document()


def clear_cache() -> None:
    """Forget every prepared template (tests; a long-running process never needs to)."""
    with _cache_lock:
        _cache.clear()
