"""``confidant banker [--name N] [--licence L] [--branch B]``: show or set the details
advice packs and meeting briefs print about the banker (name, 从业资格证书编号,
所属机构). With no option it shows them; an option given sets that field, and an empty
value clears it. Kept in the vault and audited (``app.services.banker``).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict, replace
from typing import TYPE_CHECKING

from app.cli_output import emit_json
from app.services.banker import LIMITS
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.cli import Context

LABELS = {"name": "Name", "licence": "Certificate no.", "branch": "Branch"}


def _banker_opts(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", help="your name as documents print it")
    parser.add_argument(
        "--licence", help="your qualification certificate number (从业资格证书编号)"
    )
    parser.add_argument("--branch", help="the bank entity or branch you act for (所属机构)")


def cmd_banker(ctx: Context) -> int:
    given = {k: getattr(ctx.args, k) for k in LIMITS if getattr(ctx.args, k) is not None}
    with Workspace.open(ctx.paths.vault, ctx.passphrase(), ctx.paths.state) as ws:
        details = ws.banker.get()
        if given:
            details = replace(details, **given)  # checked here: nothing is kept if bad
            ws.banker.set(details)
        actor = ws.actor
    if ctx.json:
        emit_json(asdict(details))
        return 0
    for field, label in LABELS.items():
        value = getattr(details, field)
        if not value:
            value = f"(not set; documents print “{actor}”)" if field == "name" else "(not set)"
        ctx.out(f"{label + ':':17}{value}")
    return 0


__all__ = ["_banker_opts", "cmd_banker"]
