"""Pausing the cyclic garbage collector while many lasting objects are made.

Making tens of thousands of objects (stages from the cache, their JSON objects) sets off
collections that walk every object made so far, again and again; objects that hold no cycles
and outlive the block give those walks nothing to find. Objects made inside are collected as
ever once it ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
