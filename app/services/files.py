"""Files the product writes appear at their target path only complete."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` to write into; moved onto `path` when the block ends without an
    exception, removed otherwise (a cancel, an error, a refusal leave nothing at the target)."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    os.replace(temporary, path)


@contextlib.contextmanager
def staged_file(path: Path) -> Iterator[tuple[Path, list[bool]]]:
    """Like `atomic_target`, for a file whose move must wait for a commit: the caller writes the temporary
    file, commits, then sets `done[0] = True`; only then is it moved into place. Otherwise it is removed."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    done = [False]
    try:
        yield temporary, done
    finally:
        if done[0]:
            os.replace(temporary, path)
        else:
            temporary.unlink(missing_ok=True)
