"""Every engine produces the same knowledge base, byte for byte in the eval export."""
import json

from tieline.engine.build import build
from tieline.export.evalfmt import export_eval
from tieline.store import db


def _export(path) -> str:
    conn = db.connect(path, readonly=True)
    try:
        return json.dumps(export_eval(conn), sort_keys=True, ensure_ascii=False)
    finally:
        conn.close()


def test_process_pool_and_dask_match_inline(tmp_path, samples_dir, sample_kb):
    reference = _export(sample_kb)
    pool = tmp_path / "pool.sqlite"
    build([str(samples_dir)], pool, jobs=2, batch_size=2)
    assert _export(pool) == reference
    dask = tmp_path / "dask.sqlite"
    build([str(samples_dir)], dask, engine="dask", jobs=2, batch_size=2)
    assert _export(dask) == reference
