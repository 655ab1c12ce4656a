"""Progress reporting for long management commands (demo load, imports, index rebuilds)."""

import sys
import time
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TextIO, TypeVar

from django.core.management.base import OutputWrapper

T = TypeVar("T")


def progress(items: Iterable[T], label: str, total: int | None = None, stream: TextIO | None = None) -> Iterator[T]:
    """Yield items while drawing "label  12/70  17%  0:03" on one line.

    Redraws in place on a terminal; elsewhere (CI logs) prints a line every
    tenth of the way so logs stay short.
    """
    stream = stream or sys.stdout
    # A command's OutputWrapper ends every write with a newline unless told not to.
    write = partial(stream.write, ending="") if isinstance(stream, OutputWrapper) else stream.write
    total = total if total is not None else (len(items) if hasattr(items, "__len__") else None)
    interactive = stream.isatty()
    step = max(1, (total or 10) // 10)
    started = time.monotonic()
    done = 0

    def draw(final: bool = False) -> None:
        elapsed = int(time.monotonic() - started)
        share = f"{done * 100 // total:>3}%" if total else ""
        line = f"{label}  {done}/{total or '?'}  {share}  {elapsed // 60}:{elapsed % 60:02d}"
        if interactive:
            write("\r" + line + ("\n" if final else ""))
        else:
            write(line + "\n")
        stream.flush()

    for item in items:
        yield item
        done += 1
        if interactive or (done % step == 0 and done != total):
            draw()
    draw(final=True)
