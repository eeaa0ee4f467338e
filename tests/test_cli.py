"""The command line: `python -m twg_data validate|build|export|dictionary`.

A few commands run as real subprocesses (exit codes, no tracebacks, the environment);
the rest call `cli.main` in-process, which is the same code and much faster.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from twg_data import cli, dictionary, export, paths
from twg_data.build import build_database, connect, stored_fingerprint
from twg_data.filters import Filters
from twg_data.search.index import built_from, index_path

BROKEN_TIME = (
    "sessions.csv:2: start_time: expected a time as HH:MM between 00:00 and 23:59, got '25:00'"
)
BROKEN_DATE = "meetings.csv:2: date: expected a date as YYYY-MM-DD, got '2015-09-31'"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(paths.PROJECT_ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "twg_data", *args],
        cwd=paths.PROJECT_ROOT,
        env=environment,
        capture_output=True,
        timeout=120,
    )


def break_two_files(folder) -> None:
    folder.replace("sessions.csv", "14:00", "25:00")
    folder.replace("meetings.csv", "2015-09-21", "2015-09-31")


# --- as subprocesses ---------------------------------------------------------------------------


def test_validate_exits_0_on_sound_data(data_dir):
    result = run("validate", str(data_dir.path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == f"{data_dir.path}: all tables are valid\n"


def test_validate_prints_every_problem_one_per_line_and_exits_1(data_dir):
    break_two_files(data_dir)
    result = run("validate", str(data_dir.path))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert err.splitlines() == [
        f"2 problem(s) in {data_dir.path}:",
        BROKEN_DATE,
        BROKEN_TIME,
    ]


def test_validate_reads_twg_data_dir(data_dir):
    data_dir.replace("sessions.csv", "14:00", "25:00")
    result = run("validate", env={"TWG_DATA_DIR": str(data_dir.path)})
    assert result.returncode == 1
    assert result.stderr.decode().splitlines()[1:] == [BROKEN_TIME]


def test_export_with_a_city_filter_writes_what_export_summary_gives(data_dir, tmp_path):
    db = tmp_path / "twg.duckdb"
    out = tmp_path / "out" / "participants-bogota.csv"
    result = run(
        "export", "participants", "--city", "bogota", "--data", str(data_dir.path),
        "--db", str(db), "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with connect(db) as con:
        expected = export.export_summary(con, "participants", Filters(cities=("bogota",)))
    assert out.read_bytes() == expected
    assert "Ana Teresa Bernal" in out.read_text(encoding="utf-8-sig")


def test_unknown_city_exits_2_listing_the_valid_values_without_a_traceback(data_dir, tmp_path):
    result = run(
        "export", "participants", "--city", "atlantis", "--data", str(data_dir.path),
        "--db", str(tmp_path / "twg.duckdb"),
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stdout == b""
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert "error: --city 'atlantis' is not a known city" in err
    (valid,) = [line for line in err.splitlines() if line.startswith("valid --city values: ")]
    assert "bogota" in valid and "quito" in valid and "san-fernando" in valid


def test_build_honours_twg_data_dir_and_twg_db_path(data_dir, tmp_path):
    db = tmp_path / "env" / "twg.duckdb"
    env = {"TWG_DATA_DIR": str(data_dir.path), "TWG_DB_PATH": str(db)}
    result = run("build", env=env)
    assert result.returncode == 0, result.stderr
    built, indexed = result.stdout.decode().splitlines()
    assert built == f"built {db}"
    assert indexed.startswith(f"built the search index {index_path(db)} in ")  # both, at once
    assert built_from(index_path(db)) == stored_fingerprint(db)
    with connect(db) as con:
        (data,) = con.execute("SELECT data_dir FROM build_info").fetchone()
    assert Path(data) == data_dir.path.resolve()


# --- in-process: the same code, faster ---------------------------------------------------------


def test_build_on_broken_data_exits_1_and_leaves_the_database_unchanged(data_dir, tmp_path, capsys):
    db = tmp_path / "twg.duckdb"
    assert cli.main(["build", "--data", str(data_dir.path), "--db", str(db)]) == 0
    before = db.read_bytes()
    break_two_files(data_dir)
    capsys.readouterr()

    assert cli.main(["build", "--data", str(data_dir.path), "--db", str(db)]) == 1

    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"2 problem(s) in {data_dir.path}:",
        BROKEN_DATE,
        BROKEN_TIME,
        f"{db} was left unchanged",
    ]
    assert db.read_bytes() == before


def test_validate_of_a_missing_folder_exits_1(tmp_path, capsys):
    missing = tmp_path / "nowhere"
    assert cli.main(["validate", str(missing)]) == 1
    assert capsys.readouterr().err.splitlines()[1:] == [
        f"{missing}:0: (file): data folder does not exist"
    ]


def test_export_to_standard_output_writes_the_csv_bytes(data_dir, tmp_path, capsysbinary):
    db = tmp_path / "twg.duckdb"
    args = ["export", "organizations", "--organization", "giz", "--data", str(data_dir.path)]
    assert cli.main([*args, "--db", str(db)]) == 0
    with connect(db) as con:
        expected = export.export_summary(con, "organizations", Filters(organizations=("giz",)))
    assert capsysbinary.readouterr().out == expected


def test_export_combines_repeated_flags_as_the_filter_object_does(data_dir, tmp_path):
    db, out = tmp_path / "twg.duckdb", tmp_path / "out.csv"
    args = ["export", "participants", "--data", str(data_dir.path), "--db", str(db)]
    args += ["--city", "geneva", "--city", "bogota", "--role", "kick-off presenter"]
    assert cli.main([*args, "-o", str(out)]) == 0
    filters = Filters(cities=("bogota", "geneva"), roles=("kick-off presenter",))
    with connect(db) as con:
        assert out.read_bytes() == export.export_summary(con, "participants", filters)
    assert "Caroline Putman-Cramer" in out.read_text(encoding="utf-8-sig")


def test_the_sub_region_flag_comes_with_its_dimension(data_dir, tmp_path):
    db, out = tmp_path / "twg.duckdb", tmp_path / "out.csv"
    args = ["export", "participants", "--data", str(data_dir.path), "--db", str(db)]
    assert cli.main([*args, "--sub-region", "Western Europe", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert len(text.strip().splitlines()) == 1 + 4  # header, Geneva's three, Bonn's one
    assert "Johanna Sztucki" in text and "Leoluca Orlando" not in text


def test_export_on_broken_data_without_a_database_exits_2(data_dir, tmp_path, capsys):
    data_dir.replace("sessions.csv", "14:00", "25:00")
    db = tmp_path / "twg.duckdb"
    code = cli.main(["export", "participants", "--data", str(data_dir.path), "--db", str(db)])
    assert code == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"1 problem(s) in {data_dir.path}:",
        BROKEN_TIME,
        "error: no valid database could be built; fix the problems above",
    ]
    assert not db.exists()


def test_export_on_broken_data_uses_the_last_good_database_and_says_so(data_dir, tmp_path, capsys):
    db, out = tmp_path / "twg.duckdb", tmp_path / "out.csv"
    assert build_database(data_dir.path, db) == []
    data_dir.replace("people.csv", "Anja Heuft", "Anja Heuft-Changed")
    data_dir.replace("sessions.csv", "14:00", "25:00")
    args = ["export", "participants", "--data", str(data_dir.path), "--db", str(db)]

    assert cli.main([*args, "-o", str(out)]) == 0

    err = capsys.readouterr().err
    assert BROKEN_TIME in err.splitlines()
    assert "warning: using the last good database" in err
    assert "Anja Heuft-Changed" not in out.read_text(encoding="utf-8-sig")


def test_unknown_values_in_several_flags_are_all_reported(data_dir, tmp_path, capsys):
    args = ["export", "participants", "--data", str(data_dir.path)]
    args += ["--db", str(tmp_path / "twg.duckdb"), "--city", "atlantis", "--role", "juggler"]
    assert cli.main(args) == 2
    err = capsys.readouterr().err.splitlines()
    assert "error: --city 'atlantis' is not a known city" in err
    assert "--role 'juggler' is not a known role" in err
    assert "valid --role values: kick-off presenter, listed participant" in err


def test_unknown_summary_name_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["export", "no-such-summary"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'no-such-summary'" in capsys.readouterr().err


def test_dictionary_prints_the_generated_markdown(capsysbinary):
    assert cli.main(["dictionary"]) == 0
    assert capsysbinary.readouterr().out == dictionary.markdown().encode("utf-8")


def test_dictionary_writes_a_file_that_matches_the_docs(tmp_path):
    out = tmp_path / "docs" / "data-dictionary.md"
    assert cli.main(["dictionary", "-o", str(out)]) == 0
    docs = paths.PROJECT_ROOT / "docs" / "data-dictionary.md"
    assert out.read_bytes() == docs.read_bytes()
    assert [p.name for p in out.parent.iterdir()] == ["data-dictionary.md"]  # no temp file


def test_output_that_cannot_be_written_is_an_error_not_a_traceback(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert cli.main(["dictionary", "-o", str(blocker / "inside" / "x.md")]) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_export_with_broken_data_and_a_database_of_another_schema_exits_2(
    data_dir, tmp_path, capsys
):
    db = tmp_path / "twg.duckdb"
    assert build_database(data_dir.path, db) == []
    with duckdb.connect(str(db)) as con:  # as if built by code without the key_points table
        con.execute("DROP TABLE key_points")
        con.execute("ALTER TABLE build_info DROP COLUMN IF EXISTS schema")
    data_dir.replace("sessions.csv", "14:00", "25:00")
    args = ["export", "entry_points", "--data", str(data_dir.path), "--db", str(db)]
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "error: no valid database could be built; fix the problems above"


def test_valid_values_are_listed_in_the_order_of_the_filter_dimensions(data_dir, tmp_path, capsys):
    args = ["export", "participants", "--data", str(data_dir.path), "--db", str(tmp_path / "t")]
    args += ["--role", "x", "--organization", "x", "--city", "x", "--country", "x"]
    assert cli.main(args) == 2
    listed = [
        line.split(" values: ")[0]
        for line in capsys.readouterr().err.splitlines()
        if line.startswith("valid --")
    ]
    assert listed == ["valid --country", "valid --city", "valid --organization", "valid --role"]
