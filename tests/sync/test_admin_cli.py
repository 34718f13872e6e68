"""The server's admin commands (`pos-loyalty server ...`) on a SQLite file, and what they print."""

from __future__ import annotations

import json

from pos_loyalty.cli import main


def run(capsys, *args) -> tuple[int, dict]:
    code = main([*map(str, args), "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_admin_commands(tmp_path, capsys):
    db = ["--database-url", f"sqlite:///{tmp_path / 'srv' / 'server.db'}"]
    assert run(capsys, "server", "tenant-create", "Chain", *db)[1]["name"] == "Chain"
    code, err = run(capsys, "server", "tenant-create", "Chain", *db)
    assert code == 1 and err["error"]["code"] == "exists"
    shop = run(capsys, "server", "shop-create", "--tenant", "Chain", "Market Street", *db)[1]
    assert len(shop["code"]) == 14 and shop["code"].count("-") == 2
    second = run(capsys, "server", "code", "--tenant", "Chain", "--shop", "Market Street", *db)[1]
    assert second["code"] != shop["code"]
    assert run(capsys, "server", "terminals", "--tenant", "Chain", *db)[1]["terminals"] == []
    program = tmp_path / "p.toml"
    program.write_text('[program]\nname = "Chain card"\n[stamps]\nper_purchase = 1\n', encoding="utf-8")
    assert run(capsys, "server", "program-upload", "--tenant", "Chain", program, *db)[1]["version"] == 1
    program.write_text('[program]\nname = "Chain card"\n[stamps]\nper_purchas = 1\n', encoding="utf-8")
    code, err = run(capsys, "server", "program-upload", "--tenant", "Chain", program, *db)
    assert code == 1 and "line 4" in err["error"]["message"]
    assert run(capsys, "server", "conflicts", "--tenant", "Chain", *db)[1]["conflicts"] == []
    code, err = run(capsys, "server", "terminals", "--tenant", "Nope", *db)
    assert code == 1 and err["error"]["code"] == "unknown_tenant"
    code, err = run(capsys, "server", "revoke", "00000000-0000-0000-0000-000000000000", *db)
    assert code == 1 and err["error"]["code"] == "unknown_terminal"
    assert run(capsys, "server", "openapi")[1]["paths"]["/v1/push"]


def test_human_output_shows_the_code(tmp_path, capsys):
    db = ["--database-url", f"sqlite:///{tmp_path / 'server.db'}"]
    main(["server", "tenant-create", "Chain", *db])
    capsys.readouterr()
    assert main(["server", "shop-create", "--tenant", "Chain", "Corner", *db]) == 0
    line = capsys.readouterr().out
    assert line.startswith("shop Corner: enrollment code ") and "pos-loyalty register URL CODE" in line
