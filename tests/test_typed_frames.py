"""Tables built column by column: the same columns, values and dtypes pandas infers from the rows."""
import pandas as pd
import pyarrow as pa

from newslens.tokens import Span
from newslens.typed_frames import BOOL, INT, OPTIONAL_INT, STR, rows_frame, typed_frame


def test_same_table_as_pandas_infers():
    rows = [Span(0, 3, "The"), Span(4, 9, "talks")]
    made = rows_frame(rows, {"start": INT, "end": INT, "text": STR})
    inferred = pd.DataFrame(rows, columns=["start", "end", "text"])
    pd.testing.assert_frame_equal(made, inferred)
    # the Parquet schema (Arrow types and pandas metadata) is the same too
    assert pa.Table.from_pandas(made).schema.equals(pa.Table.from_pandas(inferred).schema, check_metadata=True)


def test_kinds():
    table = typed_frame({"n": [1, 2], "flag": [True, False], "at": [5, None], "word": ["a", "b"]},
                        {"n": INT, "flag": BOOL, "at": OPTIONAL_INT, "word": STR})
    assert [str(d) for d in table.dtypes] == ["int64", "bool", "Int64", "str"]
    assert table["at"].isna().tolist() == [False, True]


def test_no_rows_object_columns_as_pandas_gives():
    table = typed_frame({"n": [], "at": [], "flag": []}, {"n": INT, "at": OPTIONAL_INT, "flag": BOOL},
                        typed_when_empty=("flag",))
    assert [str(d) for d in table.dtypes] == ["object", "Int64", "bool"]
    assert list(table.columns) == ["n", "at", "flag"] and len(table) == 0
