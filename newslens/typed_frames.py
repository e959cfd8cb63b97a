"""Tables built column by column, each column made once with its declared type.

The type is the one pandas infers from the values (int64, bool, str: Arrow-backed text), or Int64 for offsets that
may be missing. Skipping pandas' per-value inference and its look-up of type names halves the time a table takes,
which was about a third of an article's analysis.
"""
from __future__ import annotations

from operator import attrgetter
from typing import Collection, Mapping, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

INT, OPTIONAL_INT, BOOL, STR = "int64", "Int64", "bool", "str"
_STR_DTYPE = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' "str": what it infers for a column of text


def _column(values: list, kind: str) -> np.ndarray | pd.api.extensions.ExtensionArray:
    if kind == STR:
        return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=_STR_DTYPE)
    if kind == OPTIONAL_INT:
        return pd.arrays.IntegerArray(np.array([0 if v is None else v for v in values], dtype=np.int64),
                                      np.array([v is None for v in values], dtype=bool))
    return np.array(values, dtype=kind)  # INT, BOOL, or object for an empty column


def typed_frame(columns: Mapping[str, list], kinds: Mapping[str, str],
                typed_when_empty: Collection[str] = ()) -> pd.DataFrame:
    """A table from one list of values per column, each column of kinds[name]: INT, OPTIONAL_INT, BOOL or STR.

    With no rows, a column is object, as pandas makes it from an empty list (a Parquet partition with no rows still
    merges with the others), except OPTIONAL_INT columns and those named in `typed_when_empty`."""
    empty = not any(columns.values())
    arrays = [_column(values, kinds[name] if not empty or kinds[name] == OPTIONAL_INT or name in typed_when_empty
                      else "object") for name, values in columns.items()]
    # Numbered first, then named: a list of names is read as text only after pandas tried other types on it, which
    # took a quarter of the time a table takes.
    table = pd.DataFrame(dict(enumerate(arrays)), copy=False)
    table.columns = pd.Index(_column(list(columns), STR))
    return table


def rows_frame(rows: Sequence, kinds: Mapping[str, str], typed_when_empty: Collection[str] = ()) -> pd.DataFrame:
    """typed_frame from dataclasses or named tuples, one a row: the column `name` holds each row's attribute `name`."""
    return typed_frame({name: list(map(attrgetter(name), rows)) for name in kinds}, kinds, typed_when_empty)
