"""``confidant pack CLIENT --out FILE.pdf``: the advice pack (财富规划建议书) as a PDF.

The pack is made from the client's current plan (or the model portfolio of their level
when they have none), kept inside the vault under the client's Documents, then exported
to ``--out``: whole or not at all, never over an existing file without ``--force``, and
recorded in the audit trail. A password comes from the environment variable named by
``--password-env``, never from the command line, which other users of the machine can
read. A product that no longer passes the suitability check stops the pack.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli_output import emit_json
from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.services.packs import LANGS
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.cli import Context


def _password(var: str | None) -> str | None:
    if not var:
        return None
    value = os.environ.get(var, "")
    if not value:
        raise ValidationError(
            f"The environment variable {var} is empty or not set; put the PDF's password in "
            "it, or leave out --password-env."
        )
    return value


def cmd_pack(ctx: Context) -> int:
    """Make, store and export the client's advice pack."""
    out = Path(ctx.args.out).expanduser()
    if out.is_dir():
        raise ValidationError(f"{out} is a folder; give the PDF's file name, e.g. {out}/pack.pdf.")
    if out.exists() and not ctx.args.force:
        raise ValidationError(f"{out} already exists; choose another name or pass --force.")
    if not out.parent.is_dir():
        raise ValidationError(
            f"The folder {out.parent} does not exist; create it or choose another --out path."
        )
    password = _password(ctx.args.password_env)
    with Workspace.open(ctx.paths.vault, ctx.passphrase(), ctx.paths.state) as ws:
        with ws.begin() as s:
            client = ws.clients.resolve(s, ctx.args.client)
            client_id, name = ClientId(client.id), client.name
        packs = ws.packs
        stored = packs.build(client_id, ctx.args.lang, password=password)
        packs.export(stored.document_id, out)
    if ctx.json:
        emit_json(
            {
                "file": str(out),
                "client": str(client_id),
                "document": str(stored.document_id),
                "document_number": stored.document_number,
                "lang": ctx.args.lang,
                "plan": str(stored.plan_id) if stored.plan_id else None,
                "plan_version": stored.plan_version,
                "pages": stored.pages,
                "bytes": len(stored.bytes),
                "sha256": stored.sha256,
                "password": password is not None,
            }
        )
    else:
        source = f"plan v{stored.plan_version}" if stored.plan_id else "the model portfolio"
        locked = ", password-protected" if password else ""
        ctx.out(
            f"Wrote {out}: advice pack for {name} from {source}, {stored.pages} pages{locked}, "
            f"document {stored.document_number} (kept in the vault)."
        )
    return 0


def _pack_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("client", metavar="CLIENT", help="client id or exact name")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    p.add_argument("--lang", choices=LANGS, default="zh", help="zh, en or both (default zh)")
    p.add_argument(
        "--password-env",
        metavar="VAR",
        help="lock the PDF with the password in environment variable VAR (never on the "
        "command line: other users can see it)",
    )
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
