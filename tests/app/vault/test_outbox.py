"""The outbox: every local change of a synced row is queued, in the change's transaction."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import delete, func, insert, select, update

from app.domain.errors import VaultError
from app.services.clients import NewClient
from app.services.workspace import Workspace
from app.vault.models import Client, OutboxEntry
from app.vault.outbox import applying_remote

ID_NUMBER = "11010519491231002X"


def entries(ws: Workspace, table: str = "clients") -> list[OutboxEntry]:
    with ws.begin() as s:
        return list(
            s.scalars(
                select(OutboxEntry).where(OutboxEntry.table_name == table).order_by(OutboxEntry.seq)
            )
        )


def payload(entry: OutboxEntry) -> dict[str, Any]:
    return json.loads(entry.payload)


def add_client(ws: Workspace, name: str = "李强") -> uuid.UUID:
    """A client written as if pulled from the server: synced (rev 3), nothing queued."""
    with ws.begin() as s, applying_remote(s):
        client = Client(name=name, city="上海", rev=3)
        s.add(client)
        s.flush()
    return client.id


def count(ws: Workspace, model: type) -> int:
    with ws.begin() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_new_client_queues_creates_with_field_values(ws: Workspace) -> None:
    client_id = ws.clients.add(NewClient(name="王芳", id_number=ID_NUMBER, city="北京"))

    [client] = entries(ws, "clients")
    assert (client.op, client.row_id, client.base_rev) == ("create", str(client_id), None)
    assert payload(client)["name"] == "王芳"
    assert payload(client)["city"] == "北京"
    [doc] = entries(ws, "identity_documents")
    assert doc.op == "create"
    assert payload(doc)["number"] == ID_NUMBER
    assert payload(doc)["client_id"] == str(client_id)


def test_editing_one_field_queues_a_patch_of_that_field(ws: Workspace) -> None:
    client_id = add_client(ws)
    with ws.begin() as s:
        s.get(Client, client_id).city = "深圳"

    [patch] = entries(ws)
    assert (patch.op, patch.row_id, patch.base_rev) == ("patch", str(client_id), 3)
    assert payload(patch) == {"city": "深圳"}


def test_setting_the_same_value_queues_nothing(ws: Workspace) -> None:
    client_id = add_client(ws)
    with ws.begin() as s:
        s.get(Client, client_id).city = "上海"
    assert entries(ws) == []


def test_tombstone_queues_a_delete(ws: Workspace) -> None:
    client_id = add_client(ws)
    with ws.begin() as s:
        s.get(Client, client_id).deleted_at = datetime.now(UTC)

    [tombstone] = entries(ws)
    assert (tombstone.op, tombstone.base_rev) == ("delete", 3)
    assert "deleted_at" in payload(tombstone)


def test_hard_delete_of_a_synced_row_is_refused_and_writes_nothing(ws: Workspace) -> None:
    client_id = add_client(ws)
    with pytest.raises(VaultError), ws.begin() as s:
        s.delete(s.get(Client, client_id))

    with ws.begin() as s:
        assert s.get(Client, client_id) is not None
    assert entries(ws) == []


def test_rows_applied_from_the_server_are_not_queued(ws: Workspace) -> None:
    client_id = add_client(ws)
    with ws.begin() as s, applying_remote(s):
        s.get(Client, client_id).city = "杭州"
        s.execute(insert(Client), [{"name": "赵敏"}])
        s.flush()

    assert entries(ws) == []
    assert count(ws, Client) == 2


def test_rows_added_inside_applying_remote_but_flushed_at_commit_are_not_queued(
    ws: Workspace,
) -> None:
    # applying_remote exits (unmarking the session) before ws.begin commits and flushes.
    with ws.begin() as s, applying_remote(s):
        s.add(Client(name="赵敏", rev=1))
    assert entries(ws) == []


def test_orm_bulk_insert_queues_one_create_per_row(ws: Workspace) -> None:
    with ws.begin() as s:
        s.execute(insert(Client), [{"name": "甲"}, {"name": "乙"}, {"name": "丙"}])

    queued = entries(ws)
    assert [e.op for e in queued] == ["create"] * 3
    assert sorted(payload(e)["name"] for e in queued) == ["丙", "乙", "甲"]
    with ws.begin() as s:
        stored = {str(i) for i in s.scalars(select(Client.id))}
    assert {e.row_id for e in queued} == stored


def test_orm_insert_with_a_single_parameter_dict_queues_a_create(ws: Workspace) -> None:
    with ws.begin() as s:
        s.execute(insert(Client), {"name": "甲"})
    assert [e.op for e in entries(ws)] == ["create"]


def test_orm_insert_with_inline_values_is_refused(ws: Workspace) -> None:
    """Inline values would reach the table without the outbox seeing them."""
    with pytest.raises(VaultError, match="outbox"), ws.begin() as s:
        s.execute(insert(Client).values(name="甲"))
    assert count(ws, Client) == 0 and entries(ws) == []


def test_bulk_update_of_a_synced_column_is_refused(ws: Workspace) -> None:
    client_id = add_client(ws)
    with pytest.raises(VaultError), ws.begin() as s:
        s.execute(update(Client), [{"id": client_id, "city": "深圳"}])
    with pytest.raises(VaultError), ws.begin() as s:
        s.execute(update(Client).where(Client.id == client_id).values(city="深圳"))

    with ws.begin() as s:
        assert s.get(Client, client_id).city == "上海"


def test_bulk_delete_of_synced_rows_is_refused(ws: Workspace) -> None:
    add_client(ws)
    with pytest.raises(VaultError), ws.begin() as s:
        s.execute(delete(Client))
    assert count(ws, Client) == 1


def test_bulk_update_of_local_only_columns_is_allowed_and_queues_nothing(ws: Workspace) -> None:
    client_id = add_client(ws)
    valued_at = datetime(2025, 6, 1, tzinfo=UTC)
    with ws.begin() as s:
        s.execute(
            update(Client),
            [
                {
                    "id": client_id,
                    "financial_assets_cny": Decimal("60000.00"),
                    "tier": "vip",
                    "assets_valued_at": valued_at,
                }
            ],
        )

    with ws.begin() as s:
        client = s.get(Client, client_id)
        assert (client.financial_assets_cny, client.tier) == (Decimal("60000.00"), "vip")
        assert client.assets_valued_at == valued_at
    assert entries(ws) == []


def test_bulk_update_with_synced_values_and_local_parameters_is_refused(ws: Workspace) -> None:
    client_id = add_client(ws)
    with pytest.raises(VaultError), ws.begin() as s:
        s.execute(update(Client).where(Client.id == client_id).values(name="改名"), {"tier": "vip"})


def test_changing_a_local_only_column_through_the_session_queues_nothing(ws: Workspace) -> None:
    client_id = add_client(ws)
    with ws.begin() as s:
        s.get(Client, client_id).tier = "wealth"
    assert entries(ws) == []


def test_create_payload_leaves_out_local_only_columns(ws: Workspace) -> None:
    ws.clients.add(NewClient(name="王芳"))
    [create] = entries(ws)
    assert not {"tier", "financial_assets_cny", "assets_valued_at"} & payload(create).keys()


def test_create_payload_holds_the_values_the_row_stores(ws: Workspace) -> None:
    with ws.begin() as s:
        s.add(Client(name="王芳"))
    [create] = entries(ws)
    assert (payload(create)["kind"], payload(create)["status"]) == ("person", "active")


def test_changes_are_stamped_with_the_device(ws: Workspace) -> None:
    before = datetime.now(UTC)
    client_id = ws.clients.add(NewClient(name="王芳"))
    with ws.begin() as s:
        created = s.get(Client, client_id)
        assert created.updated_by == ws.device_id
        assert created.updated_at >= before
        first_stamp = created.updated_at

    with ws.begin() as s:
        s.get(Client, client_id).updated_by = "someone else"
        s.get(Client, client_id).city = "广州"
    with ws.begin() as s:
        edited = s.get(Client, client_id)
        assert edited.updated_by == ws.device_id
        assert edited.updated_at > first_stamp
    assert payload(entries(ws)[-1]) == {"city": "广州"}


def test_bulk_inserted_rows_are_stamped_with_the_device(ws: Workspace) -> None:
    with ws.begin() as s:
        s.execute(insert(Client), [{"name": "甲"}])
    with ws.begin() as s:
        assert s.scalar(select(Client.updated_by)) == ws.device_id
    assert payload(entries(ws)[0])["updated_by"] == ws.device_id


def test_rolled_back_change_leaves_no_outbox_entry(ws: Workspace) -> None:
    with pytest.raises(RuntimeError), ws.begin() as s:
        s.add(Client(name="王芳"))
        s.flush()
        assert (
            len(list(s.scalars(select(OutboxEntry).where(OutboxEntry.table_name == "clients"))))
            == 1
        )
        raise RuntimeError("cancel")

    assert entries(ws) == []
    assert count(ws, Client) == 0


def test_change_and_outbox_entry_commit_together(ws: Workspace) -> None:
    pending_before = ws.pending_changes()
    with ws.begin() as s:
        s.add_all([Client(name="王芳"), Client(name="李强")])

    assert count(ws, Client) == 2
    assert len(entries(ws)) == 2
    assert ws.pending_changes() == pending_before + 2
