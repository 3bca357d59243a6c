"""The candidate table reads like the dict of candidates by line it replaced (issue 11: bounded memory)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transcript_kit.candidate_table import CandidateTable
from transcript_kit.candidates import Candidate

candidates = st.builds(
    Candidate,
    label=st.sampled_from(["MR. SMITH", "MS. JONES", "Q", "THE PRESIDENT", "Operator"]),
    start=st.integers(0, 10**12),
    end=st.integers(0, 10**12),
    delimiter=st.sampled_from([":", ".", ""]),
    at_paragraph_start=st.booleans(),
    alone=st.booleans(),
    timed=st.booleans(),
    shape=st.sampled_from(["colon", "period", "alone", "q_mark"]),
    stamp=st.none() | st.tuples(st.integers(0, 10**9), st.integers(0, 10**9)),
    heading_tail=st.booleans(),
    listed=st.booleans(),
    quoting=st.booleans(),
    unnamed=st.booleans(),
)
rows = st.lists(st.tuples(st.integers(0, 500), candidates), max_size=40)


@given(rows, rows)
def test_a_table_holds_what_a_dict_would(
    first: list[tuple[int, Candidate]], later: list[tuple[int, Candidate]]
) -> None:
    expected = dict(sorted(dict(first).items()))
    table = CandidateTable()
    for line, candidate in first:  # in any order, a line set twice keeps its last candidate
        table[line] = candidate
    expected.update(later)
    table.update(later)
    expected = dict(sorted(expected.items()))
    assert list(table) == list(expected) and len(table) == len(expected)
    assert list(table.items()) == list(expected.items())
    assert list(table.values()) == list(expected.values())
    assert [table.row(row) for row in range(len(table))] == list(expected.values())
    for line in range(-1, 502):
        assert (line in table) == (line in expected)
        assert table.get(line) == expected.get(line)


@given(rows)
def test_selections_copy_rows_without_changing_them(given_rows: list[tuple[int, Candidate]]) -> None:
    table = CandidateTable(sorted(dict(given_rows).items()))
    shapes = {"colon", "alone"}
    assert list(table.with_shapes(shapes).items()) == [(i, c) for i, c in table.items() if c.shape in shapes]
    odd = CandidateTable((i, c) for i, c in table.items() if i % 2)
    assert list(table.without(odd).items()) == [(i, c) for i, c in table.items() if not i % 2]
    assert table.with_shapes({"colon", "period", "alone", "q_mark"}) is table
