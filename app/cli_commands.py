"""The ``confidant`` commands: one small handler each, over ``app.services``.

Handlers return the exit code. C2 data (identity numbers, phones, e-mail, assets) is
masked unless ``--reveal`` is given, and revealing is recorded in the audit trail.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli_banker import _banker_opts, cmd_banker
from app.cli_brief import _brief_opts, cmd_brief
from app.cli_output import emit_json, table
from app.cli_pack import _pack_opts, cmd_pack
from app.domain import masking
from app.domain.errors import ConfidantError, NotFound, ValidationError, VaultExists
from app.domain.ids import ClientId
from app.domain.money import Money
from app.services import workspace as ws_mod
from app.services.config import DEMO_PASSPHRASE, default_demo_vault, tier_table
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.cli import Context
    from app.services.clients import ClientProfile, ClientRow
    from app.services.risk import CurrentRisk
    from app.services.search import SearchHit

Adder = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True)
class Command:
    words: tuple[str, ...]
    help: str
    handler: Callable[[Context], int]
    options: Callable[[argparse.ArgumentParser], None] = lambda p: None
    kdf: bool = False

    def add(self, sub: Any, common: Callable[..., None], kdf_options: Adder) -> None:
        parent = sub
        for word in self.words[:-1]:
            parent = _group(sub, word, common)
        parser = parent.add_parser(self.words[-1], help=self.help, description=self.help)
        common(parser)
        self.options(parser)
        if self.kdf:
            kdf_options(parser)
        parser.set_defaults(handler=self.handler)


_GROUPS: dict[tuple[int, str], Any] = {}


def _group(sub: Any, word: str, common: Callable[..., None]) -> Any:
    key = (id(sub), word)
    if key not in _GROUPS:
        parser = sub.add_parser(word, help=f"{word} commands")
        common(parser)
        _GROUPS[key] = parser.add_subparsers(dest=f"{word}_command", metavar="COMMAND")
    return _GROUPS[key]


def _open(ctx: Context) -> Workspace:
    return Workspace.open(ctx.paths.vault, ctx.passphrase(), ctx.paths.state)


# --- vault life cycle ---------------------------------------------------------------


def cmd_init(ctx: Context) -> int:
    if ws_mod.vault_exists(ctx.paths.vault):
        raise VaultExists(
            f"A vault already exists at {ctx.paths.vault}; use it, or pass "
            "--vault with a new folder."
        )
    passphrase = ctx.new_passphrase()
    with Workspace.create(ctx.paths.vault, passphrase, ctx.kdf()):
        pass
    ctx.out(f"Created an encrypted vault at {ctx.paths.vault}.")
    ctx.out("Keep the passphrase safe: without it the vault cannot be opened by anyone.")
    return 0


def cmd_passwd(ctx: Context) -> int:
    with _open(ctx) as ws:
        new = ctx.new_passphrase("CONFIDANT_NEW_PASSPHRASE")
        ws.change_passphrase(ctx.passphrase(), new, ctx.kdf())
    ctx.out("Passphrase changed. The old passphrase no longer opens this vault.")
    return 0


def cmd_verify(ctx: Context) -> int:
    with _open(ctx) as ws:
        results = ws.verify()
    if ctx.json:
        emit_json({"ok": all(r.ok for r in results), "checks": results})
    else:
        for r in results:
            ctx.out(f"{'ok  ' if r.ok else 'FAIL'}  {r.name}: {r.detail}")
    if all(r.ok for r in results):
        return 0
    print(
        "confidant: the vault failed a check; restore it from a backup "
        "(`confidant restore`) and tell bank IT.",
        file=sys.stderr,
    )
    return 1


def cmd_backup(ctx: Context) -> int:
    out = Path(ctx.args.out).expanduser()
    if out.exists() and not ctx.args.force:
        raise ConfidantError(f"{out} already exists; choose another name or pass --force.")
    passphrase = ctx.passphrase()
    with Workspace.open(ctx.paths.vault, passphrase, ctx.paths.state) as ws:
        info = ws.backup(passphrase, out)
    ctx.out(
        f"Encrypted backup written to {info.path} ({info.size:,} bytes). "
        "It opens with the vault's current passphrase."
    )
    return 0


def cmd_restore(ctx: Context) -> int:
    source = Path(ctx.args.file).expanduser()
    if not source.is_file():
        raise ConfidantError(f"There is no backup file at {source}.")
    if not ctx.vault_given:
        raise ConfidantError("Say where the restored vault goes with --vault NEW_FOLDER.")
    passphrase = ctx.passphrase("Passphrase of the backup: ")
    with ws_mod.restore(source, ctx.paths.vault, passphrase, ctx.paths.state, ctx.kdf()) as ws:
        count = ws.clients.count()
    ctx.out(f"Restored {count} clients into a new vault at {ctx.paths.vault}.")
    return 0


def cmd_shred(ctx: Context) -> int:
    folder = ctx.paths.vault
    if not ws_mod.vault_exists(folder):
        raise ConfidantError(f"There is no vault at {folder}.")
    if not ctx.args.yes:
        if not sys.stdin.isatty():
            raise ConfidantError("Shredding cannot be undone; pass --yes to confirm.")
        answer = input(f"Destroy the vault at {folder} for good? Type SHRED to confirm: ")
        if answer.strip() != "SHRED":
            ctx.out("Not shredded.")
            return 1
    removed = ws_mod.shred(folder)
    ctx.out(
        f"Shredded: the key slots are destroyed and {len(removed)} files overwritten "
        "and removed. The data can never be read again."
    )
    return 0


# --- the demo book ---------------------------------------------------------------------


def cmd_demo(ctx: Context) -> int:
    from app.services.demo import build_demo_book

    demo_default = not ctx.vault_given
    folder = default_demo_vault() if demo_default else ctx.paths.vault
    passphrase = DEMO_PASSPHRASE if demo_default else ctx.new_passphrase()
    if ws_mod.vault_exists(folder):
        if not ctx.args.replace:
            ctx.out(f"A demo vault already exists at {folder} (pass --replace to rebuild it).")
            return _after_demo(ctx, folder, passphrase, demo_default)
        ws_mod.shred(folder)
    with Workspace.create(folder, passphrase, ctx.kdf()) as ws:
        stats = build_demo_book(
            ws,
            clients=ctx.args.clients,
            seed=ctx.args.seed,
            progress=None if ctx.json else _progress,
        )
    if ctx.json:
        emit_json({"vault": str(folder), "stats": stats})
    else:
        sys.stderr.write("\n")
        ctx.out(
            f"Demo book: {stats.clients:,} clients, {stats.holdings:,} holdings, "
            f"{stats.transactions:,} transactions in {stats.seconds:.1f} s, at {folder}."
        )
    return _after_demo(ctx, folder, passphrase, demo_default)


def _after_demo(ctx: Context, folder: Path, passphrase: str, demo_default: bool) -> int:
    if demo_default and not ctx.json:
        ctx.out(f"Its passphrase is: {passphrase}")
    if ctx.args.no_gui:
        return 0
    return open_app(ctx, folder, passphrase)


def _progress(fraction: float, text: str) -> None:
    sys.stderr.write(f"\r{fraction:6.1%}  {text[:60]:<60}")
    sys.stderr.flush()


def open_app(ctx: Context, folder: Path | None = None, passphrase: str | None = None) -> int:
    """Start the desktop app on a vault.

    The core never imports the Qt front end: the app registers itself under the
    ``confidant.gui`` entry point (see pyproject.toml), and is looked up here.
    """
    from importlib.metadata import entry_points

    found = list(entry_points(group="confidant.gui"))
    if not found:
        ctx.out("The desktop app is not part of this build; use the commands (`confidant --help`).")
        return 0
    run = found[0].load()
    return int(run(folder or ctx.paths.vault, passphrase))


# --- clients ----------------------------------------------------------------------------


def cmd_import_clients(ctx: Context) -> int:
    from app.services.importer import format_problems, import_clients

    path = Path(ctx.args.file).expanduser()
    with _open(ctx) as ws:
        report = import_clients(
            ws, path, dry_run=ctx.args.dry_run, progress=None if ctx.json else _progress
        )
    if ctx.json:
        emit_json({"ok": report.ok, **{f.name: getattr(report, f.name) for f in fields(report)}})
    else:
        sys.stderr.write("\n")
        for w in report.warnings:
            print(f"warning: {w}", file=sys.stderr)
        for line in format_problems(report):
            print(line, file=sys.stderr)
    if not report.ok:
        print(
            f"confidant: {len(report.problems)} problems in {report.rows} rows; nothing was "
            "imported. Fix the rows above and import the file again.",
            file=sys.stderr,
        )
        return 1
    if not ctx.json:
        verb = "would import" if report.dry_run else "imported"
        count = report.rows if report.dry_run else report.imported
        ctx.out(f"{report.rows} rows valid; {verb} {count} clients.")
    return 0


def _tier_name(code: str | None) -> str:
    if code is None:
        return ""
    try:
        return tier_table().by_code(code).name_zh
    except KeyError:
        return code


def _assets(row: ClientRow, reveal: bool) -> str:
    money = Money(row.financial_assets_cny)
    return money.format() if reveal else masking.mask_amount(money)


def _row_json(row: ClientRow, reveal: bool) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "name": row.name,
        "kind": row.kind,
        "tier": row.tier,
        "tier_name": _tier_name(row.tier),
        "financial_assets_cny": str(row.financial_assets_cny) if reveal else None,
        "city": row.city,
        "relationship_manager": row.relationship_manager,
        "mobile": row.mobile if reveal else masking.mask_mobile(row.mobile),
        "status": row.status,
    }


def cmd_clients_list(ctx: Context) -> int:
    reveal = ctx.args.reveal
    with _open(ctx) as ws:
        rows = ws.clients.list(limit=ctx.args.limit)
        if reveal:
            with ws.begin() as s:
                ws.record(
                    s,
                    "clients.revealed",
                    "book",
                    {"fields": ["assets", "mobile"], "rows": len(rows)},
                )
    if ctx.json:
        emit_json([_row_json(r, reveal) for r in rows])
        return 0
    body = [
        [
            r.name,
            _tier_name(r.tier),
            _assets(r, reveal),
            r.city or "",
            r.relationship_manager or "",
            masking.mask_mobile(r.mobile) if not reveal else (r.mobile or ""),
            str(r.id),
        ]
        for r in rows
    ]
    ctx.out(table(["Name", "Tier", "Assets (CNY)", "City", "RM", "Mobile", "Id"], body, right=[2]))
    ctx.out(f"{len(rows)} clients" + ("" if reveal else " (C2 data masked; --reveal to show)"))
    return 0


def _profile_json(p: ClientProfile, reveal: bool) -> dict[str, Any]:
    doc_mask = (lambda n: n) if reveal else masking.mask_id_number
    data = _row_json(p.row, reveal)
    data.update(
        {
            "name_pinyin": p.name_pinyin,
            "gender": p.gender,
            "birth_date": p.birth_date.isoformat() if p.birth_date else None,
            "lunar_birthday": p.lunar_birthday,
            "email": p.email if reveal else masking.mask_email(p.email),
            "address": p.address if reveal else masking.mask_address(p.address),
            "occupation": p.occupation,
            "employer": p.employer,
            "source_of_wealth": p.source_of_wealth,
            "preferred_channel": p.preferred_channel,
            "preferred_language": p.preferred_language,
            "onboarded_on": p.onboarded_on.isoformat() if p.onboarded_on else None,
            "documents": [{"type": d.doc_type, "number": doc_mask(d.number)} for d in p.documents],
            "members": [
                {"id": str(m.client_id), "name": m.name, "role": m.role} for m in p.members
            ],
            "households": [
                {"id": str(h.client_id), "name": h.name, "role": h.role} for h in p.households
            ],
            "consents": list(p.consents),
        }
    )
    data["risk"] = _risk_json(p.risk)
    if p.portfolio is not None:
        pf = p.portfolio
        money = (lambda d: str(d)) if reveal else (lambda d: None)
        data["portfolio"] = {
            "total_cny": money(pf.total_cny),
            "at_bank_cny": money(pf.at_bank_cny),
            "holdings": len(pf.holdings),
            "by_asset_class": {k: money(v) for k, v in pf.by_asset_class.items()},
            "weights": {
                k: str(round(v / pf.total_cny, 4)) if pf.total_cny else "0"
                for k, v in pf.by_asset_class.items()
            },
        }
    return data


def _risk_json(risk: CurrentRisk | None) -> dict[str, Any] | None:
    """The current risk-tolerance level, its date and expiry (None: never assessed)."""
    if risk is None:
        return None
    return {
        "level": risk.code,
        "name_zh": risk.name("zh"),
        "name_en": risk.name("en"),
        "lowest_class": risk.lowest_class,
        "assessed_on": risk.assessed_on.isoformat(),
        "expires_on": risk.expires_on.isoformat(),
        "status": risk.validity.status.value,
        "days_left": risk.validity.days_left,
        "max_loss_pct": risk.max_loss_pct,
    }


def cmd_clients_show(ctx: Context) -> int:
    reveal = ctx.args.reveal
    with _open(ctx) as ws:
        profile = ws.clients.show(ctx.args.client, reason="revealed" if reveal else "viewed")
    data = _profile_json(profile, reveal)
    if ctx.json:
        emit_json(data)
        return 0
    from app.cli_profile import render_profile

    ctx.out(render_profile(profile, data, reveal))
    return 0


def cmd_clients_assessment(ctx: Context) -> int:
    """Write the client's newest risk assessment record as a one-page PDF."""
    out = Path(ctx.args.out)
    if out.exists() and not ctx.args.force:
        raise ValidationError(f"{out} already exists; choose another name or pass --force.")
    with _open(ctx) as ws:
        with ws.begin() as s:
            client_id = ClientId(ws.clients.resolve(s, ctx.args.client).id)
        history = ws.risk.history(client_id)
        if not history:
            raise NotFound(
                "This client has never been assessed; run the assessment in the app first."
            )
        ws.risk.export_document(history[0].id, out, ctx.args.lang)
    record = history[0]
    if ctx.json:
        emit_json(
            {
                "file": str(out),
                "assessment": str(record.id),
                "document_number": record.document_number,
                "level": record.scoring.code,
            }
        )
    else:
        ctx.out(f"Wrote {out}: {record.scoring.code}, document {record.document_number}.")
    return 0


# --- search ---------------------------------------------------------------------------

SEARCH_KINDS = ("client", "note", "meeting", "task", "complaint")
_KIND_LABELS = {
    "client": "Clients 客户",
    "note": "Notes 笔记",
    "meeting": "Meetings 会面",
    "task": "Tasks 待办",
    "complaint": "Complaints 投诉",
}


def _day(when: datetime | date | None) -> str:
    if isinstance(when, datetime):
        return when.astimezone().date().isoformat()
    return when.isoformat() if when else ""


def _hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "kind": hit.kind,
        "id": str(hit.ref_id),
        "client_id": str(hit.client_id) if hit.client_id else None,
        "client_name": hit.client_name,
        "title": hit.title,
        "snippet": hit.snippet.text,
        "highlights": [list(span) for span in hit.snippet.spans],
        "rank": hit.rank,
        "when": hit.when.isoformat() if hit.when else None,
        "masked": hit.masked,
    }


def cmd_search(ctx: Context) -> int:
    query = " ".join(ctx.args.query)
    if not query.split():
        raise ValidationError("Say what to search for, e.g. `confidant search 基金`.")
    with _open(ctx) as ws:
        results = ws.search.search(query, ctx.args.kind, ctx.args.limit)
    if ctx.json:
        groups = [
            {"kind": g.kind, "total": g.total, "ranked_by": g.ranked_by,
             "hits": [_hit_json(h) for h in g.hits]}
            for g in results.groups
        ]  # fmt: skip
        emit_json(
            {"query": query, "terms": results.terms, "total": results.total, "groups": groups}
        )
        return 0
    if not results.groups:
        ctx.out(f"Nothing matches “{query}”.")
        return 0
    for g in results.groups:
        shown = f", {g.ranked_by} order, first {len(g.hits)} shown" if g.total > len(g.hits) else ""
        ctx.out(f"{_KIND_LABELS[g.kind]} ({g.total:,}{shown})")
        for h in g.hits:
            whose = h.client_name if h.client_name and h.kind != "client" else ""
            head = "  ".join(x for x in (_day(h.when), whose, h.title) if x)
            ctx.out(f"  {h.rank:>2}. {head}")
            ctx.out(f"      {h.snippet.marked()}")
    return 0


def _search_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="+", metavar="QUERY", help="words that must all occur")
    p.add_argument(
        "--kind",
        action="append",
        choices=SEARCH_KINDS,
        metavar="KIND",
        help=f"search only this kind ({', '.join(SEARCH_KINDS)}); repeat for several",
    )
    p.add_argument(
        "--limit", type=int, default=20, metavar="N", help="results shown per kind (default 20)"
    )


def _assessment_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("client", metavar="CLIENT", help="client id or exact name")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language (default zh)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _backup_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="FILE", help="the backup file to write")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _demo_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("--clients", type=int, default=200, metavar="N", help="book size (default 200)")
    p.add_argument("--seed", type=int, default=7, metavar="S", help="same seed, same book")
    p.add_argument("--no-gui", action="store_true", help="make the vault, do not open the app")
    p.add_argument(
        "--replace", action="store_true", help="shred and rebuild an existing demo vault"
    )


def _reveal(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--reveal", action="store_true", help="show C2 data unmasked (recorded in the audit trail)"
    )


def _restore_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the backup file")


def _shred_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _import_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a .csv or .xlsx file")
    p.add_argument("--dry-run", action="store_true", help="only validate; import nothing")


def _list_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=int, metavar="N", help="at most N clients")
    _reveal(p)


def _show_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("client", metavar="CLIENT", help="client id or exact name")
    _reveal(p)


COMMANDS: tuple[Command, ...] = (
    Command(("init",), "create a vault", cmd_init, kdf=True),
    Command(
        ("demo",),
        "make a demo vault with a realistic book (and open it)",
        cmd_demo,
        _demo_opts,
        kdf=True,
    ),
    Command(("passwd",), "change the passphrase (rewraps the data key)", cmd_passwd, kdf=True),
    Command(("verify",), "check the database pages, foreign keys and the audit chain", cmd_verify),
    Command(("backup",), "write an encrypted single-file backup", cmd_backup, _backup_opts),
    Command(
        ("restore",),
        "restore a backup into a new vault (--vault NEW)",
        cmd_restore,
        _restore_opts,
        kdf=True,
    ),
    Command(
        ("shred",), "destroy the key slots: the vault becomes unreadable", cmd_shred, _shred_opts
    ),
    Command(
        ("import", "clients"),
        "import clients from CSV or XLSX, all rows or none",
        cmd_import_clients,
        _import_opts,
    ),
    Command(("clients", "list"), "the client book", cmd_clients_list, _list_opts),
    Command(
        ("clients", "show"),
        "one client with portfolio summary and risk level",
        cmd_clients_show,
        _show_opts,
    ),
    Command(
        ("clients", "assessment"),
        "the client's newest risk assessment as a one-page PDF",
        cmd_clients_assessment,
        _assessment_opts,
    ),
    Command(
        ("search",),
        "search clients, notes, meetings, tasks and complaints",
        cmd_search,
        _search_opts,
    ),
    Command(
        ("brief",),
        "the meeting brief: a one- or two-page PDF to take into the meeting",
        cmd_brief,
        _brief_opts,
    ),
    Command(
        ("pack",),
        "the advice pack: the client's plan as a PDF, kept in the vault and exported",
        cmd_pack,
        _pack_opts,
    ),
    Command(
        ("banker",),
        "show or set your name, certificate number and branch, as documents print them",
        cmd_banker,
        _banker_opts,
    ),
)
