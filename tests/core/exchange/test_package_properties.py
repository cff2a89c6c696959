"""Property tests of the package merge: whatever the two machines did in whatever order, a full exchange
both ways leaves them holding the same history, the same status and the same text, and importing again
changes nothing (issue 15, deliverable 5)."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from package_support import make_letter, rows_hash, sync, uuids

from iphr_desk.core.letters.letterfile import write_letter_text
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.vocabularies import READ_ONLY_STATUSES, allowed_transitions

PARAGRAPHS = ("First paragraph.", "Second paragraph.", "Third paragraph.")

sides = st.sampled_from((0, 1))
operations = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), sides, st.integers(0, 2), st.sampled_from(("alpha", "beta", "gamma"))),
        st.tuples(st.just("comment"), sides, st.integers(0, 2), st.just("")),
        st.tuples(st.just("status"), sides, st.integers(0, 3), st.just("")),
        st.tuples(st.just("sync"), sides, st.just(0), st.just("")),
    ),
    max_size=7,
)


class Pair:
    """Two data folders holding the same letter (by uuid) under their own ids."""

    def __init__(self, folder: Path) -> None:
        self.stores = (Store.open(folder / "a"), Store.open(folder / "b"))
        first = letter_repo.add_letter(self.stores[0], make_letter(), author="a")
        self.uuid = letter_repo.get_letter_info(self.stores[0], first).uuid
        sync(self.stores[0], self.stores[1], [first])

    def ident(self, side: int) -> int:
        found = letter_repo.find_letter_by_uuid(self.stores[side], self.uuid)
        assert found is not None
        return found

    def apply(self, op: tuple[str, int, int, str]) -> None:
        kind, side, number, word = op
        store, ident = self.stores[side], self.ident(side)
        if kind == "edit":
            info = letter_repo.get_letter_info(store, ident)
            if info.status in READ_ONLY_STATUSES:
                return  # the app refuses it too; a person would reopen first (a status operation)
            body = info.letter.body.split("\n\n")
            body[number % len(body)] = f"{body[number % len(body)].rstrip()} {word}-{side}"
            letter_repo.save_letter(
                store,
                ident,
                replace(info.letter, body="\n\n".join(body)),
                author=f"s{side}",
                revision_reason="e",
            )
        elif kind == "comment":
            comment_repo.add_comment(store, ident, f"note {number} from {side}", author=f"s{side}")
        elif kind == "status":
            allowed = allowed_transitions(letter_repo.get_letter_info(store, ident).status)
            letter_repo.change_status(store, ident, allowed[number % len(allowed)], author=f"s{side}")
        else:
            sync(self.stores[side], self.stores[1 - side], [ident])

    def close(self) -> None:
        for store in self.stores:
            store.close()


@settings(max_examples=15)
@given(operations)
def test_a_full_exchange_both_ways_agrees_and_a_second_one_changes_nothing(
    ops: list[tuple[str, int, int, str]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        pair = Pair(Path(folder))
        try:
            for op in ops:
                pair.apply(op)
            a, b = pair.stores
            sync(a, b, [pair.ident(0)])
            sync(b, a, [pair.ident(1)])
            for table in ("revisions", "comments", "status_changes"):
                assert uuids(a, table, pair.uuid) == uuids(b, table, pair.uuid)
            info_a = letter_repo.get_letter_info(a, pair.ident(0))
            info_b = letter_repo.get_letter_info(b, pair.ident(1))
            assert info_a.status == info_b.status
            history = letter_repo.status_history(a, pair.ident(0))
            assert info_a.status == (
                max(history, key=lambda c: c.changed_at).to_status if history else "draft"
            )
            assert write_letter_text(info_a.letter) == write_letter_text(info_b.letter)
            hashes = (rows_hash(a), rows_hash(b))
            assert not sync(a, b, [pair.ident(0)]).changed
            assert not sync(b, a, [pair.ident(1)]).changed
            assert (rows_hash(a), rows_hash(b)) == hashes
        finally:
            pair.close()


@settings(max_examples=8)
@given(operations, st.permutations((0, 1)))
def test_the_order_two_packages_arrive_in_does_not_change_the_history_or_status(
    ops: list[tuple[str, int, int, str]], order: list[int]
) -> None:
    """A third machine that hears from both: the same revisions, comments and status whichever came first."""
    with tempfile.TemporaryDirectory() as folder:
        pair = Pair(Path(folder))
        third = Store.open(Path(folder) / "c")
        other = Store.open(Path(folder) / "d")
        try:
            for op in ops:
                pair.apply(op)
            for target, sequence in ((third, order), (other, order[::-1])):
                for side in sequence:
                    sync(pair.stores[side], target, [pair.ident(side)])
            for table in ("revisions", "comments", "status_changes"):
                assert uuids(third, table, pair.uuid) - _merges(third) == uuids(
                    other, table, pair.uuid
                ) - _merges(other)
            c = letter_repo.find_letter_by_uuid(third, pair.uuid)
            d = letter_repo.find_letter_by_uuid(other, pair.uuid)
            assert c is not None and d is not None
            assert (
                letter_repo.get_letter_info(third, c).status == letter_repo.get_letter_info(other, d).status
            )
        finally:
            pair.close()
            third.close()
            other.close()


def _merges(store: Store) -> set[object]:
    """Revisions a merge wrote on this machine (the merged text, a kept copy): each machine has its own."""
    with store.read_session() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT uuid FROM revisions WHERE reason LIKE 'merged with a package%' "
            "OR reason LIKE 'kept by a package merge%' OR reason = 'saved before merging a package'"
        )
        return {r[0] for r in rows}
