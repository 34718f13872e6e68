"""A till registered with a server: a program the chain's admin uploads replaces a local edit at the next sync, and
the versions say where each came from (the program editor tells the owner so)."""

from .conftest import PROGRAM


def test_a_server_program_replaces_a_local_edit_at_the_next_sync(server, terminals):
    tenant = server.tenant()
    till = terminals("A")
    owner = till.app.add_staff("Maria", "owner", "1234")
    till.register(server.url, tenant.code())
    till.sync()
    edited = PROGRAM.replace('name = "Sync Test"', 'name = "Sync Test, edited here"')
    assert till.app.save_program_source(edited, owner) == 2
    till.sync()  # nothing new on the server: the local edit stays in force
    assert till.app.program.name == "Sync Test, edited here"

    uploaded = PROGRAM.replace('name = "Sync Test"', 'name = "Chain program"')
    server.storage.upload_program(tenant.id, "Chain program", uploaded)
    assert till.sync().programs == 1
    assert till.app.program.name == "Chain program" and till.app.program_version == 3
    assert [(v["version"], v["origin"], v["staff"]) for v in till.app.program_versions()] == [
        (3, "server", "Command line"), (2, None, "Maria"), (1, None, "Command line")]

    assert till.app.restore_program(2, owner) == 4  # the owner may bring the edit back on this till
    till.sync()
    assert till.app.program.name == "Sync Test, edited here"
