"""The words of the advice-pack template, in Chinese and English (``Text(zh, en)``).

Why a table of its own: the letter, the risk disclosure (风险揭示书), the disclaimers and
the acknowledgement are bank-approved wording (regulation.md §3.3), versioned with
``TEMPLATE_VERSION``; keeping them apart from the layout lets compliance read and change
them without touching code that draws. Placeholders are ``str.format`` fields. Nothing
here promises principal or return: the words 保本, 无风险 and 稳赚 never appear.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from app.domain.bilingual import Text
from app.reports.brief import format_cny
from app.reports.fonts import markup
from app.reports.page import INK, MUTED, Lang, format_date, frame_width, table_style

if TYPE_CHECKING:
    from app.reports.advice_pack import Writer

__all__ = ["LABELS", "TEMPLATE_VERSION", "Text"]

TEMPLATE_VERSION = "AP-2026.1"

HEADLINE = Text(
    "理财非存款、产品有风险、投资须谨慎",
    "Wealth management products are not deposits; "
    "investment products carry risk; invest with care.",
)
PAST = Text("过往业绩不代表未来表现。", "Past performance does not indicate future results.")
HAND_COPY = Text(
    "本人已经阅读风险揭示，愿意承担投资风险",
    "I have read the risk disclosure and am willing to bear the investment risk.",
)

LABELS: dict[str, Text] = {
    # cover
    "pdf_title": Text("财富规划建议书", "Wealth plan proposal"),
    "prepared_for": Text("呈送", "Prepared for"),
    "client": Text("客户姓名", "Client"),
    "id": Text("证件号码", "ID number"),
    "date": Text("日期", "Date"),
    "banker": Text("客户经理", "Relationship manager"),
    "licence": Text("从业资格编号", "Licence no."),
    "branch": Text("所属机构", "Branch"),
    "doc_no": Text("文件编号", "Document no."),
    "plan_version": Text("方案版本", "Plan version"),
    "assumptions": Text("市场假设版本", "Market assumptions"),
    "template": Text("模板版本", "Template"),
    "cover_note": Text(
        "本建议书依据您提供的信息与风险承受能力评估结果编制，仅供您本人参阅，请妥善保管。"
        "建议书中的证件号码等个人信息已作遮蔽处理。",
        "This proposal is based on the information you gave us and on your risk assessment. "
        "It is for you alone; please keep it safe. Personal identifiers are masked.",
    ),
    # section headings
    "h_letter": Text("致客户的信", "Letter to the client"),
    "h_goals": Text("一、您的财务目标", "1. Your goals"),
    "h_risk": Text("二、风险承受能力", "2. Your risk profile"),
    "h_current": Text("三、当前资产组合", "3. Your current portfolio"),
    "h_proposed": Text("四、建议配置与当前配置对比", "4. Proposed against current allocation"),
    "h_recs": Text("五、推荐产品", "5. Recommended products"),
    "h_projection": Text("六、目标达成预测", "6. Projections"),
    "h_disclosure": Text("七、风险揭示书", "7. Risk disclosure"),
    "h_disclaimer": Text("八、免责声明", "8. Disclaimers"),
    "h_ack": Text("九、客户确认", "9. Acknowledgement"),
    # goals
    "goal": Text("目标", "Goal"),
    "target": Text("目标金额", "Target"),
    "year": Text("目标年份", "Year"),
    "proj_year": Text("年份", "Year"),
    "priority": Text("优先级", "Priority"),
    "earmarked": Text("已预留资金", "Earmarked"),
    "p_current": Text("达成概率（当前配置）", "Chance, current"),
    "p_proposed": Text("达成概率（建议配置）", "Chance, proposed"),
    "no_goals": Text("您尚未设定财务目标。", "No goals have been set."),
    "goals_note": Text(
        "达成概率为按市场假设{version}进行模拟所得的估算值，用于比较不同配置，并非承诺。",
        "Chances are estimates from simulations under market assumptions {version}, for "
        "comparing allocations; they are not promises.",
    ),
    # risk profile
    "level": Text("风险承受能力等级", "Risk tolerance level"),
    "meaning": Text("等级含义", "What it means"),
    "assessed_on": Text("评估日期", "Assessed on"),
    "expires_on": Text("有效期至", "Valid until"),
    "ratings": Text("适合的产品风险等级", "Suitable product ratings"),
    "max_loss": Text("可承受的最大亏损", "Largest loss you can bear"),
    "max_loss_value": Text("6个月内不超过{pct}%", "up to {pct}% over 6 months"),
    "match_rule": Text(
        "按照风险匹配原则，我们只向您推荐风险等级不高于您风险承受能力的产品（{ratings}）。"
        "评估结果有效期内如您的财务状况或投资目标发生重大变化，请告知我们重新评估。",
        "Under the matching rule we recommend only products rated at or below your level "
        "({ratings}). If your finances or goals change materially, tell us and we will "
        "reassess you.",
    ),
    # current portfolio
    "total": Text("总资产", "Total assets"),
    "allocation": Text("资产类别分布", "By asset class"),
    "holdings": Text("持仓明细", "Holdings"),
    "product": Text("产品", "Product"),
    "asset_class": Text("资产类别", "Asset class"),
    "rating": Text("风险等级", "Rating"),
    "value": Text("市值（人民币）", "Value (CNY)"),
    "weight": Text("占比", "Weight"),
    "performance": Text("组合表现", "Performance"),
    "no_holdings": Text("暂无持仓。", "No holdings."),
    # proposed
    "current": Text("当前配置", "Current"),
    "proposed": Text("建议配置", "Proposed"),
    "difference": Text("变化", "Change"),
    "trade": Text("调整金额（人民币）", "Trade (CNY)"),
    "trade_note": Text(
        "调整金额为正表示买入，为负表示卖出。", "Positive trades buy, negative sell."
    ),
    # recommendations
    "amount": Text("建议金额", "Amount"),
    "suitability": Text("适当性匹配", "Suitability"),
    "suitable_yes": Text(
        "匹配（客户{level}，产品{rating}）", "Suitable (client {level}, product {rating})"
    ),
    "rationale": Text("推荐理由", "Why"),
    "key_terms": Text("主要条款", "Key terms"),
    "fees": Text("费用", "Fees"),
    "liquidity": Text("流动性", "Liquidity"),
    "risks": Text("主要风险", "Main risks"),
    "sales_process": Text("成交流程", "Completing the sale"),
    "no_recs": Text("本次未推荐新产品。", "No new products are recommended."),
    "recs_note": Text(
        "以下产品信息为摘要，具体以产品合同、说明书及风险揭示书为准。",
        "The product details below are a summary; the contract, prospectus and the "
        "product's own risk disclosure govern.",
    ),
    # projections
    "projection_note": Text(
        "下图为按市场假设{version}模拟的资产总值区间：实线为中位数，阴影为5%至95%区间，"
        "虚线为按预期收益率推算的路径。模拟结果仅为情景说明，实际结果可能更好或更差。",
        "The chart shows simulated total values under market assumptions {version}: solid "
        "lines are medians, shading the 5%–95% range, dashed lines the path at expected "
        "returns. These are scenarios only; actual results may be better or worse.",
    ),
    "median": Text("中位数", "median"),
    "band": Text("5%–95%区间", "5%–95%"),
    "path": Text("预期路径", "expected path"),
    "unit_zh": Text("单位：万元", "CNY 10,000s"),
    "unit_en": Text("单位：百万元", "CNY millions"),
    "p5": Text("5%分位", "5th pct"),
    "p50": Text("中位数", "Median"),
    "p95": Text("95%分位", "95th pct"),
    "no_projection": Text("本次未做预测。", "No projection was made."),
    # acknowledgement
    "ack_intro": Text(
        "本人已收到并阅读本建议书全部内容，包括风险揭示书与免责声明；客户经理已向本人说明"
        "所推荐产品的风险等级、适当性匹配结果、费用与流动性安排。本人知悉投资决策由本人"
        "自主作出，投资风险由本人自行承担。",
        "I have received and read this whole proposal, including the risk disclosure and "
        "the disclaimers; my relationship manager has explained each recommended product's "
        "rating, suitability result, fees and liquidity. I make my own investment decisions "
        "and bear their risk.",
    ),
    "copy_please": Text(
        "请客户在下方横线处亲笔抄录以下语句：", "Please copy out by hand on the lines below:"
    ),
    "client_sign": Text("客户签字", "Client's signature"),
    "banker_sign": Text("客户经理签字", "Relationship manager's signature"),
    "sign_date": Text("日期", "Date"),
}

LETTER: dict[str, Text] = {
    "greeting": Text("尊敬的{client}：", "Dear {client},"),
    "opening": Text(
        "感谢您一直以来对我们的信任。根据您于{assessed}完成的风险承受能力评估（{level}），"
        "结合您与我们沟通的家庭情况和{goals}项财务目标，我们为您准备了这份《{title}》。",
        "Thank you for your continued trust. Based on the risk assessment you completed on "
        "{assessed} ({level}), your circumstances and the {goals} goals you shared with us, "
        "we have prepared this proposal, “{title}”.",
    ),
    "assets": Text(
        "截至{date}，您的金融资产合计{total}。在您可承受的风险范围内（适合产品风险等级"
        "{ratings}），我们建议对资产配置作如下调整：{changes}。",
        "As of {date} your financial assets total {total}. Within the risk you can bear "
        "(products rated {ratings}) we propose these changes to your allocation: {changes}.",
    ),
    "no_changes": Text("维持现有配置", "keep the current allocation"),
    "change": Text("{label}由{current}调整至{proposed}", "{label} from {current} to {proposed}"),
    "recs": Text(
        "为此，我们推荐{n}款产品，合计{amount}。每款产品的风险等级、适当性匹配结果、"
        "主要条款、费用、流动性与风险详见第五部分。",
        "To get there we recommend {n} products totalling {amount}. Each product's rating, "
        "suitability result, key terms, fees, liquidity and risks are set out in section 5.",
    ),
    "reasons": Text("我们的主要考虑是：", "Our main reasons:"),
    "caution": Text(
        "本建议书中的预测基于市场假设{version}的模拟，仅用于说明不同市场情形下可能出现的"
        "结果，不构成对本金安全或投资收益的任何承诺或保证。投资决策由您自主作出；如有任何"
        "疑问，欢迎随时与我联系。",
        "The projections here are simulations under market assumptions {version}. They "
        "illustrate what might happen in different markets and are no promise or guarantee "
        "of your capital or of any return. The decision is yours; please contact me with any "
        "questions.",
    ),
    "closing": Text("此致\n敬礼", "Yours sincerely,"),
    "signature": Text("{banker}（从业资格编号 {licence}）", "{banker} (licence no. {licence})"),
    "list_sep": Text("；", "; "),
}

DISCLOSURE_INTRO = Text(
    "尊敬的客户：投资有风险。在作出投资决定前，请您仔细阅读本风险揭示书以及所购产品的"
    "合同、说明书，充分了解产品的风险收益特征，并结合自身的风险承受能力审慎决策。",
    "Investing carries risk. Before you decide, read this disclosure and each product's "
    "contract and prospectus, understand its risks and potential returns, and decide with "
    "care in the light of the risk you can bear.",
)
DISCLOSURE_LEVEL = Text(
    "根据您的风险承受能力评估结果，您的风险承受能力等级为{level}，适合购买风险等级为"
    "{ratings}的产品。我们仅向您推荐风险等级不高于您风险承受能力等级的产品。",
    "Your assessed risk tolerance level is {level}; products rated {ratings} suit you. We "
    "recommend only products rated at or below your level.",
)
RISKS: tuple[tuple[Text, Text], ...] = (
    (
        Text("政策风险", "Policy risk"),
        Text(
            "国家宏观政策、金融监管政策及相关法律法规发生变化，可能影响产品的投资运作与收益。",
            "Changes in policy, regulation or law may affect how a product is run and what it "
            "returns.",
        ),
    ),
    (
        Text("市场风险", "Market risk"),
        Text(
            "利率、汇率、证券价格等市场因素波动，可能导致产品净值下跌、收益降低甚至本金损失。",
            "Moves in interest rates, exchange rates or securities prices may lower a product's "
            "value or return, and may cause a loss of capital.",
        ),
    ),
    (
        Text("信用风险", "Credit risk"),
        Text(
            "产品所投资产的债务人或交易对手违约、信用状况恶化，可能导致产品遭受损失。",
            "A borrower or counterparty of the product's investments may default or weaken, "
            "causing losses.",
        ),
    ),
    (
        Text("流动性风险", "Liquidity risk"),
        Text(
            "产品存续期内可能无法随时赎回或转让，或在巨额赎回等情形下延期支付赎回款项。",
            "You may not be able to redeem or transfer at any time, and large redemptions may "
            "delay payment.",
        ),
    ),
    (
        Text("延期风险", "Extension risk"),
        Text(
            "因所投资产无法按时变现等原因，产品可能延期兑付，您的资金回收时间可能晚于预期。",
            "If assets cannot be sold in time, a product may pay out late and your money may "
            "come back later than expected.",
        ),
    ),
    (
        Text("提前终止风险", "Early termination risk"),
        Text(
            "发生合同约定的情形时，产品可能提前终止，您可能无法实现预期的投资期限与收益。",
            "A product may end early as its contract allows, cutting short the term and return "
            "you expected.",
        ),
    ),
    (
        Text("信息传递风险", "Information risk"),
        Text(
            "产品信息将通过合同约定的渠道披露，如您未及时查询或联系方式变更未告知，"
            "可能影响您及时作出决策。",
            "Product information is published through the channels in the contract; if you do "
            "not check them or do not tell us of new contact details, you may miss it.",
        ),
    ),
    (
        Text("不可抗力风险", "Force majeure"),
        Text(
            "自然灾害、战争、系统故障等不可抗力事件，可能导致产品遭受损失或无法正常运作。",
            "Natural disasters, war, system failures and other events beyond control may cause "
            "losses or stop a product from working normally.",
        ),
    ),
)
NO_PROMISE = Text(
    "本建议书中的任何预测、模拟或业绩比较基准均不代表产品的实际收益，我们不对本金安全或"
    "任何收益作出承诺或保证；产品可能出现本金损失。",
    "No projection, simulation or performance benchmark here is an actual return; we make "
    "no promise or guarantee of your capital or of any return, and products may lose "
    "capital.",
)
DISCLAIMERS: tuple[Text, ...] = (
    Text(
        "本建议书仅为财富规划建议，不构成要约、要约邀请或任何产品的销售合同。",
        "This proposal is planning advice, not an offer, an invitation to offer or a "
        "contract for any product.",
    ),
    Text(
        "理财产品、保险、基金等投资产品不是存款，不受存款保险保障；存款与投资产品不混同销售。",
        "Wealth management products, insurance and funds are not deposits and are not "
        "covered by deposit insurance; deposits and investment products are never sold as "
        "one.",
    ),
    Text(
        "产品的具体条款、费用与风险以产品合同、说明书及风险揭示书为准；本建议书与之不一致的，"
        "以产品文件为准。",
        "Each product's contract, prospectus and risk disclosure govern its terms, fees and "
        "risks; where this proposal differs, they prevail.",
    ),
    Text(
        "过往业绩不代表未来表现；预测与模拟基于市场假设，实际结果可能与之存在重大差异。",
        "Past performance does not indicate future results; projections rest on "
        "assumptions, and actual results may differ materially.",
    ),
    Text(
        "是否投资及投资金额由您自主决定，投资风险由您自行承担。",
        "Whether and how much to invest is your decision, and the risk is yours.",
    ),
    Text(
        "您的个人信息依据《个人信息保护法》及本行隐私政策处理，仅用于为您提供服务；本建议书中"
        "的证件号码等已作遮蔽处理。",
        "Your personal information is handled under the Personal Information Protection Law "
        "and our privacy policy, only to serve you; identifiers here are masked.",
    ),
)


# --- the sections made of these words (the layout helpers are the Writer's) -----------


def _one(text: Text, lang: Lang, **fields: object) -> str:
    return text.get(lang).format(**fields)


def _changes(w: Writer, lang: Lang) -> str:
    """The largest allocation changes (up to four) in a sentence."""
    rows = sorted(w.doc.allocation, key=lambda r: (-abs(r.difference), r.asset_class_label))
    parts = [
        _one(
            LETTER["change"],
            lang,
            label=w.pick(r.asset_class_label, lang),
            current=w.pct(r.current_weight),
            proposed=w.pct(r.proposed_weight),
        )
        for r in rows[:4]
        if abs(r.difference) >= Decimal("0.005")
    ]
    return _one(LETTER["list_sep"], lang).join(parts) or _one(LETTER["no_changes"], lang)


def letter(w: Writer) -> list[Flowable]:
    """The letter to the client, in each language of the pack (English after Chinese).

    Data given as "中文\nEnglish" shows its English line in the English letter.
    """
    out: list[Flowable] = [w.heading("h_letter"), Spacer(1, 2 * mm)]
    for lang in w.langs:
        if w.both and lang == "en":
            out += [Spacer(1, 6 * mm), *_letter_in(w, lang, "second")]
        else:
            out += _letter_in(w, lang, "letter")
    return out


def _letter_in(w: Writer, lang: Lang, style: str) -> list[Flowable]:
    doc = w.doc
    out: list[Flowable] = []

    def say(text: Text, **fields: object) -> None:
        out.append(w.para(_one(text, lang, **fields), style, lang))

    total = sum((rec.amount_cny for rec in doc.recommendations), Decimal(0))
    say(LETTER["greeting"], client=w.pick(doc.client_name, lang))
    say(
        LETTER["opening"],
        assessed=format_date(doc.risk_assessed_on, lang),
        level=f"{doc.risk_level_code} {w.pick(doc.risk_level_name, lang)}",
        goals=len(doc.goals),
        title=w.pick(doc.plan_title, lang),
    )
    say(
        LETTER["assets"],
        date=format_date(doc.date, lang),
        total=format_cny(doc.total_assets_cny, lang),
        ratings=doc.suitable_ratings,
        changes=_changes(w, lang),
    )
    if doc.recommendations:
        say(LETTER["recs"], n=len(doc.recommendations), amount=format_cny(total, lang))
    if doc.reasons:
        say(LETTER["reasons"])
        out.extend(w.para(f"· {w.pick(reason, lang)}", style, lang) for reason in doc.reasons)
    say(LETTER["caution"], version=doc.assumptions_version)
    closing = _one(LETTER["closing"], lang).splitlines()
    indent = "letter_indent" if style == "letter" and lang == "zh" else style
    out += [w.para(closing[0], indent, lang), *(w.para(x, style, lang) for x in closing[1:])]
    out.append(Spacer(1, 4 * mm))
    say(LETTER["signature"], banker=w.pick(doc.banker, lang), licence=doc.banker_licence or "—")
    out.append(w.para(w.pick(doc.branch, lang), style, lang))
    out.append(w.para(format_date(doc.date, lang), style, lang))
    return out


def _numbered(w: Writer, number: int, name: Text | None, body: Text) -> list[Flowable]:
    out: list[Flowable] = []
    for lang, words in w.words(body):
        colon = "：" if lang == "zh" else ": "
        head = f"{number}. " + (f"{name.get(lang)}{colon}" if name else "")
        style = "second" if w.both and lang == "en" else "body"
        text = f'<font color="#{INK.hexval()[2:]}">{markup(head)}</font>{markup(words)}'
        out.append(w.rich(text, style, lang))
    return out


def disclosure(w: Writer) -> list[Flowable]:
    """The 风险揭示书: the headline, the client's level and the matching rule, the risks."""
    doc = w.doc
    out: list[Flowable] = [w.heading("h_disclosure"), w.headline(), Spacer(1, 3 * mm)]
    out += w.prose(DISCLOSURE_INTRO)
    for lang in w.langs:
        level = f"{doc.risk_level_code} {w.pick(doc.risk_level_name, lang)}"
        text = _one(DISCLOSURE_LEVEL, lang, level=level, ratings=doc.suitable_ratings)
        out.append(w.para(text, "second" if w.both and lang == "en" else "body", lang))
    for number, (name, body) in enumerate(RISKS, start=1):
        out += _numbered(w, number, name, body)
    out += [Spacer(1, 2 * mm), w.boxed([*w.prose(NO_PROMISE), *w.prose(PAST)])]
    return out


def disclaimers(w: Writer) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 4 * mm), w.heading("h_disclaimer")]
    for number, body in enumerate(DISCLAIMERS, start=1):
        out += _numbered(w, number, None, body)
    return out


def _lines(count: int, height: float) -> Table:
    """Blank ruled lines to write on."""
    table = Table(
        [[""] for _ in range(count)], colWidths=[frame_width()], rowHeights=[height] * count
    )
    table.setStyle(table_style(("LINEBELOW", (0, 0), (-1, -1), 0.5, MUTED)))
    return table


def _signatures(w: Writer) -> Table:
    doc = w.doc
    blank = ""
    rows: list[list[Any]] = [
        [w.label("client_sign"), blank, w.label("sign_date"), blank],
        [w.data(doc.client_name, "small"), blank, blank, blank],
        [w.label("banker_sign"), blank, w.label("sign_date"), blank],
        [w.data(f"{doc.banker} · {doc.banker_licence}", "small"), blank, blank, blank],
    ]
    label = (48 if w.both else 40) * mm
    line = (frame_width() - 2 * label) / 2
    table = Table(
        rows,
        colWidths=[label, line * 1.2, label * 0.5, line * 0.8 + label * 0.5],
        rowHeights=[14 * mm, None, 14 * mm, None],
    )
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            *[
                ("LINEBELOW", (col, row), (col, row), 0.5, MUTED)
                for col in (1, 3)
                for row in (0, 2)
            ],
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        )
    )
    return table


def acknowledgement(w: Writer) -> list[Flowable]:
    """The confirmation, the sentence to copy by hand, and the signature blocks."""
    sentence = [w.para(words, "headline", lang) for lang, words in w.words(HAND_COPY)]
    copies = 2 if w.both else 1
    return [
        w.heading("h_ack"),
        *w.prose(LABELS["ack_intro"]),
        Spacer(1, 3 * mm),
        KeepTogether(
            [
                *w.prose(LABELS["copy_please"]),
                w.boxed(sentence),
                _lines(2 * copies, 11 * mm),
                Spacer(1, 8 * mm),
                _signatures(w),
            ]
        ),
    ]
