"""Does timeline.dask give the timeline timeline.build gives?  On real articles, a local cluster.

    python benchmarks/check_dask.py                      # news-dev, 2 workers, 8 partitions
    python benchmarks/check_dask.py --partitions 3 --texts other.jsonl

Reads JSON lines with ``id``, ``dct``, ``outlet``, ``text`` (news-dev's ``texts.jsonl`` by default),
builds the timeline locally and on a ``LocalCluster`` (threads, ``--workers``) from a bag of
``--partitions`` partitions, both with ``reported=True``, and compares events, reported and set-aside
events, links, documents, failures and the JSON output.  Exit code 0 when they are equal.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=Path, default=REPO.parent / "shared" / "corpora" / "news-dev" / "texts.jsonl")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=8)
    args = ap.parse_args()
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    import timeline
    import timeline.dask

    rows = [json.loads(line) for line in args.texts.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [{"text": r["text"], "published": r["dct"], "id": r["id"], "source": r.get("outlet")} for r in rows]
    local = timeline.build(items, reported=True)
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster, Client(cluster):
        remote = timeline.dask.build(db.from_sequence(items, npartitions=args.partitions), reported=True)
    checks = {name: getattr(local, name) == getattr(remote, name)
              for name in ("events", "reported", "set_aside", "links", "documents", "failures")}
    checks["json"] = local.to_json() == remote.to_json()
    print(f"{len(items)} articles: {len(local.events)} events, {len(local.reported)} reported; "
          + ", ".join(f"{k} {'equal' if v else 'DIFFERENT'}" for k, v in checks.items()))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
