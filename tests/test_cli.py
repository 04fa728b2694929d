"""The CLI: thin commands, clear errors, exit codes."""
import json
import sqlite3

from typer.testing import CliRunner

from tieline.cli import app

runner = CliRunner()


def test_build_export_info_roundtrip(tmp_path, samples_dir):
    kb = tmp_path / "kb.sqlite"
    r = runner.invoke(app, ["build", str(samples_dir), "--db", str(kb), "--quiet"])
    assert r.exit_code == 0, r.output
    assert "new documents" in r.output
    again = runner.invoke(app, ["build", str(samples_dir), "--db", str(kb), "--quiet"])
    assert again.exit_code == 0 and "0 new documents" in again.output
    out = tmp_path / "pred.json"
    r = runner.invoke(app, ["export", "--db", str(kb), "--format", "eval", "-o", str(out)])
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text())
    assert len(data["documents"]) >= 6
    r = runner.invoke(app, ["info", "--db", str(kb), "--json"])
    assert r.exit_code == 0 and json.loads(r.output)["documents"] == len(data["documents"])
    r = runner.invoke(app, ["export", "--db", str(kb), "--format", "csv", "-o", str(tmp_path / "csv")])
    assert r.exit_code == 0 and (tmp_path / "csv" / "events.csv").exists()
    r = runner.invoke(app, ["export", "--db", str(kb), "--format", "jsonl"])
    kinds = {json.loads(line)["kind"] for line in r.output.splitlines() if line.startswith("{")}
    assert {"document", "event"} <= kinds


def test_build_with_problems_exits_1_and_lists_them(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_text("")
    (src / "ok.txt").write_text("Norway and Chile signed a fisheries agreement in Oslo on Monday, officials said.\n")
    r = runner.invoke(app, ["build", str(src), "--db", str(tmp_path / "kb.sqlite"), "--quiet"])
    assert r.exit_code == 1
    assert "T102" in r.output
    with sqlite3.connect(tmp_path / "kb.sqlite") as c:
        assert c.execute("SELECT COUNT(*) FROM problems").fetchone()[0] == 1


def test_user_errors_are_one_line_not_tracebacks(tmp_path):
    r = runner.invoke(app, ["info", "--db", str(tmp_path / "missing.sqlite")])
    assert r.exit_code == 2
    assert "T201" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["export", "--db", str(tmp_path / "missing.sqlite"), "--format", "nope"])
    assert r.exit_code == 2 and "Traceback" not in r.output
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    r = runner.invoke(app, ["info", "--db", str(bad)])
    assert r.exit_code == 2 and "T203" in r.output


def test_query_commands(sample_kb):
    for args in (["timeline", "--pair", "PAK-RUS"], ["trend", "--pair", "PAK-RUS"], ["quotes"], ["entities"],
                 ["conflicts"]):
        r = runner.invoke(app, [*args, "--db", str(sample_kb), "--json"])
        assert r.exit_code == 0, (args, r.output)
        json.loads(r.output)
    r = runner.invoke(app, ["timeline", "--pair", "nonsense", "--db", str(sample_kb)])
    assert r.exit_code == 2 and "T501" in r.output
