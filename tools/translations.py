"""Refresh the Chinese translation: extract strings (pyside6-lupdate), fill in the ones
this file knows, compile the .qm (pyside6-lrelease).

    .venv/bin/python tools/translations.py

The .ts file is the source of truth; translations typed in Qt Linguist are kept.
Strings with no translation are listed, so none slips through unnoticed.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "confidant_zh_CN.ts"
BIN = Path(sys.executable).parent

ZH = {
    " (lunar)": "（农历）",
    "&Go": "前往(&G)",
    "&Lock": "锁定(&L)",
    "&Quit": "退出(&Q)",
    "&Vault": "保险库(&V)",
    ", turns {0}": "，{0}岁",
    "Address": "地址",
    "All cities": "全部城市",
    "All risk levels": "全部风险等级",
    "All tiers": "全部层级",
    "Allocation": "资产配置",
    "Assets (CNY)": "资产（人民币）",
    "At least {0} characters; not a single repeated character; not a well-known password.": "至少 {0} 个字符；不能只重复一个字符；不能是常见密码。",
    "Birth date": "出生日期",
    "Birthdays in the next 30 days": "30 天内生日",
    "Book by asset class": "按资产类别",
    "Book": "客户资产总览",
    "Building the demo book": "正在生成演示客户簿",
    "By asset class": "按资产类别",
    "By currency": "按币种",
    "By product type": "按产品类型",
    "By risk rating": "按风险等级",
    "City": "城市",
    "Clients": "客户",
    "Concentration: largest position {0} at {1}; top five {2} of the portfolio.": "集中度：最大持仓 {0} 占 {1}；前五大持仓合计占 {2}。",
    "Create vault": "创建保险库",
    "Email": "电子邮箱",
    "Employer": "工作单位",
    "Gain / loss": "盈亏",
    "Gender": "性别",
    "Home": "首页",
    "Household": "家庭",
    "Identity number": "证件号码",
    "Instrument": "产品",
    "Largest movers, last month": "近一月变动最大",
    "Last contact": "最近联系",
    "Last sync: never": "上次同步：从未",
    "Locked — {0}": "已锁定 — {0}",
    "Max drawdown": "最大回撤",
    "Mobile": "手机",
    "Name": "姓名",
    "Name, pinyin, initials or last digits…": "姓名、拼音、首字母或号码末位…",
    "Needs": "需求",
    "Not assessed": "未评估",
    "Not saved: fix the fields marked in red": "未保存：请修改标红的字段",
    "Occupation": "职业",
    "Onboarded on": "开户日期",
    "Open the demo book": "打开演示客户簿",
    "Overdue for contact": "逾期未联系",
    "Passphrase": "口令",
    "Pending changes: {0}": "待同步变更：{0}",
    "Portfolio": "持仓",
    "Preferences": "偏好",
    "Preferred channel": "偏好渠道",
    "Preferred language": "偏好语言",
    "Price": "价格",
    "Profile": "资料",
    "Quantity": "份额",
    "Quick open": "快速打开",
    "Quick open…": "快速打开…",
    "RM {0} · last contact {1} · ID {2}": "客户经理 {0} · 最近联系 {1} · 证件 {2}",
    "RM": "客户经理",
    "Relationship manager": "客户经理",
    "Repeat it": "再次输入",
    "Returns and risk": "收益与风险",
    "Reveal": "显示",
    "Risk level": "风险等级",
    "Risk": "风险",
    "Risk: not assessed": "风险：未评估",
    "Save changes": "保存修改",
    "Saved": "已保存",
    "Search: name, pinyin, initials (zw), last digits of mobile or ID": "搜索：姓名、拼音、首字母（zw）、手机或证件号末位",
    "Source of wealth": "财富来源",
    "Status": "状态",
    "Strength": "强度",
    "TWR": "时间加权收益",
    "The language changes the next time Confidant starts.": "语言将在下次启动私行知己时生效。",
    "The two passphrases differ.": "两次输入的口令不一致。",
    "The vault could not be opened: {0}": "无法打开保险库：{0}",
    "Tier": "层级",
    "Try again in {0} s": "{0} 秒后重试",
    "Type": "类型",
    "Unlock your client book": "解锁您的客户簿",
    "Unlock": "解锁",
    "Unlocked — {0} — {1} clients": "已解锁 — {0} — {1} 位客户",
    "Unlocking…": "正在解锁…",
    "Unsaved changes": "有未保存的修改",
    "V&iew": "视图(&I)",
    "Value (CNY)": "市值（人民币）",
    "Value (own currency)": "市值（原币）",
    "Value history": "市值走势",
    "Vault folder": "保险库位置",
    "Vault: {0}": "保险库：{0}",
    "Volatility": "波动率",
    "Weight": "占比",
    "Welcome to Confidant 私行知己": "欢迎使用私行知己",
    "XIRR (p.a.)": "资金加权收益（年化）",
    "Your client book is kept in an encrypted vault on this computer. Choose a passphrase: "
    "it is the only way in, and it cannot be recovered.": "您的客户簿保存在本机的加密保险库中。请设置口令：这是唯一的打开方式，遗失后无法找回。",
    "never": "从未",
    "not assessed": "未评估",
    "{0} ({1}) — {2} days overdue": "{0}（{1}）— 逾期 {2} 天",
    "{0} clients": "{0} 位客户",
    "{0} in {1} clients": "{1} 位客户共 {0}",
    "← Clients": "← 客户列表",
    "● Offline — sync only on request": "● 离线 — 仅在您要求时同步",
    "too weak": "太弱",
    "weak": "弱",
    "fair": "一般",
    "good": "良好",
    "strong": "强",
}


def fill(path: Path) -> list[str]:
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in ZH and (translation.get("type") == "unfinished" or not translation.text):
            translation.text = ZH[source]
            translation.attrib.pop("type", None)
        elif not translation.text:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([BIN / "pyside6-lupdate", *sources, "-ts", str(TS)], check=True)
    missing = fill(TS)
    subprocess.run([BIN / "pyside6-lrelease", str(TS)], check=True)
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
