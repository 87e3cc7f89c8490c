"""timeline.dask: the timeline of a Dask bag or dataframe is the one timeline.build gives."""

from __future__ import annotations

import pytest

import timeline
from timeline.errors import InputError

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("dask.distributed")
import dask.bag as db  # noqa: E402

import timeline.dask as tdask  # noqa: E402
from test_archive import documents, same  # noqa: E402


def items():
    """Dicts as an archive gives them: ids missing (doc<position>), ids taken twice (a, a-2), an
    empty text (a failure), a date as a string."""
    out = []
    for i, doc in enumerate(documents(10)):
        row = {"text": doc.text, "published": doc.published.isoformat(), "source": doc.source}
        if i % 3 == 0:
            row["id"] = "bericht"
        elif i % 3 == 1:
            row["id"] = doc.id
        out.append(row)
    out.insert(5, {"text": " ", "id": "leer"})
    return out


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def local():
    return timeline.build(items(), reported=True)


def test_a_bag_on_two_workers_gives_the_local_timeline(client, local):
    assert len(local.failures) == 1 and len(local.events) > 5
    assert {d.id for d in local.documents} >= {"bericht", "bericht-2", "doc3"}
    for partitions in (1, 3, 4):
        same(tdask.build(db.from_sequence(items(), npartitions=partitions), reported=True), local)


def test_a_dataframe_gives_the_local_timeline(client, local):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = dd.from_pandas(pd.DataFrame(items()), npartitions=3)
    same(tdask.build(frame, reported=True), local)


def test_without_texts_and_unmerged(client):
    bag = db.from_sequence(items(), npartitions=2)
    lean = tdask.build(bag, keep_texts=False, merge=False)
    same(lean, timeline.build(items(), keep_texts=False, merge=False))
    assert not hasattr(lean.documents[0], "text")


def test_anything_else_is_an_input_error():
    with pytest.raises(InputError, match="bag or dataframe"):
        tdask.build([{"text": "Am Montag."}])
