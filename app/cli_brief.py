"""``confidant brief CLIENT --out FILE.pdf``: the meeting brief as a PDF.

The file is written whole or not at all, never over an existing one without ``--force``,
and the export is recorded in the audit trail (by ``BriefService``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli_output import emit_json
from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.cli import Context


def cmd_brief(ctx: Context) -> int:
    """Write the client's meeting brief (one or two A4 pages) to ``--out``."""
    out = Path(ctx.args.out).expanduser()
    if out.is_dir():
        raise ValidationError(f"{out} is a folder; give the PDF's file name, e.g. {out}/brief.pdf.")
    if out.exists() and not ctx.args.force:
        raise ValidationError(f"{out} already exists; choose another name or pass --force.")
    if not out.parent.is_dir():
        raise ValidationError(
            f"The folder {out.parent} does not exist; create it or choose another --out path."
        )
    with Workspace.open(ctx.paths.vault, ctx.passphrase(), ctx.paths.state) as ws:
        with ws.begin() as s:
            client = ws.clients.resolve(s, ctx.args.client)
            client_id, name = ClientId(client.id), client.name
        doc = ws.briefs.document(client_id, ctx.args.lang)
        written = ws.briefs.write(client_id, doc, out)
    if ctx.json:
        emit_json(
            {
                "file": str(written.path),
                "client": str(client_id),
                "document_number": written.document_number,
                "lang": doc.lang,
                "pages": written.pages,
                "bytes": written.bytes,
                "sha256": written.sha256,
            }
        )
    else:
        pages = "page" if written.pages == 1 else "pages"
        ctx.out(
            f"Wrote {written.path}: meeting brief for {name}, {written.pages} {pages}, "
            f"document {written.document_number}."
        )
    return 0


def _brief_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("client", metavar="CLIENT", help="client id or exact name")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language (default zh)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
