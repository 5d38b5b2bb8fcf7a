<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CarePage</name>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="233" />
        <source>Extra care</source>
        <translation>特别关注</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="238" />
        <source>Explain the result and the risks again in plain words, check that the client has understood, and invite a family member or companion to be present if the client wishes or needs it.</source>
        <translation>请用通俗的语言再次说明评估结果和投资风险，确认客户已经理解；如客户希望或确有需要，请邀请家属或陪同人员在场。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="247" />
        <source>The client confirmed they understand the risks; a companion was present if needed.</source>
        <translation>客户已确认理解相关风险；如有需要，已有陪同人员在场。</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <location filename="../../ui/clients/list_model.py" line="62" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="63" />
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="64" />
        <source>Assets (CNY)</source>
        <translation>资产（人民币）</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="65" />
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="66" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="67" />
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Relationship manager</source>
        <translation type="vanished">客户经理</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="68" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="69" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="207" />
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="209" />
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>ClientView</name>
    <message>
        <location filename="../../ui/clients/view.py" line="49" />
        <source>← Clients</source>
        <translation>← 客户列表</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="61" />
        <source>Assess risk tolerance</source>
        <translation>风险承受能力评估</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="74" />
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="75" />
        <source>Portfolio</source>
        <translation>持仓</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="76" />
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="126" />
        <source>Elderly ({0})</source>
        <translation>老年客户（{0}岁）</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="128" />
        <source>Vulnerable</source>
        <translation>需特别关注</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="129" />
        <source>Extra care</source>
        <translation>特别关注</translation>
    </message>
    <message>
        <source>Risk: not assessed</source>
        <translation type="vanished">风险：未评估</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="106" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="108" />
        <source>RM {0} · last contact {1} · ID {2}</source>
        <translation>客户经理 {0} · 最近联系 {1} · 证件 {2}</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../ui/clients/list_page.py" line="41" />
        <source>Search: name, pinyin, initials (zw), last digits of mobile or ID</source>
        <translation>搜索：姓名、拼音、首字母（zw）、手机或证件号末位</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_page.py" line="44" />
        <source>All tiers</source>
        <translation>全部层级</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_page.py" line="48" />
        <source>All risk levels</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_page.py" line="50" />
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_page.py" line="52" />
        <source>All cities</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_page.py" line="53" />
        <source>Overdue for contact</source>
        <translation>逾期未联系</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_page.py" line="82" />
        <source>{0} clients</source>
        <translation>{0} 位客户</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../ui/risk/compare.py" line="86" />
        <source>Compare risk assessments</source>
        <translation>风险评估对比</translation>
    </message>
    <message>
        <location filename="../../ui/risk/compare.py" line="109" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/risk/compare.py" line="131" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/risk/compare.py" line="132" />
        <source>Level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../ui/risk/compare.py" line="133" />
        <source>Willingness</source>
        <translation>风险承受意愿</translation>
    </message>
    <message>
        <location filename="../../ui/risk/compare.py" line="134" />
        <source>Capacity</source>
        <translation>风险承受能力</translation>
    </message>
    <message>
        <location filename="../../ui/risk/compare.py" line="135" />
        <source>Bearable 6-month loss</source>
        <translation>六个月可承受亏损</translation>
    </message>
    <message>
        <location filename="../../ui/risk/compare.py" line="136" />
        <source>Assessed on</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <location filename="../../ui/risk/compare.py" line="137" />
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../ui/risk/compare.py" line="157" />
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../ui/risk/compare.py" line="177" />
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/risk/compare.py" line="193" />
        <source>Only assessed clients can be compared answer by answer.</source>
        <translation>只有已完成评估的客户才能逐题对比。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/compare.py" line="196" />
        <source>{0} of {1} answers differ (marked).</source>
        <translation>{1} 题中有 {0} 题回答不同（已标出）。</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="261" />
        <source>Confirmation</source>
        <translation>客户确认</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="265" />
        <source>Once saved, the answers cannot be changed: a later change is a new assessment.</source>
        <translation>保存后答案不可修改；如需变更，须重新进行评估。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="271" />
        <source>I confirm these answers are mine and true.</source>
        <translation>本人确认以上答案均由本人作出，内容真实。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="274" />
        <source>Confirm and save</source>
        <translation>确认并保存</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/risk/history_model.py" line="22" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/risk/history_model.py" line="23" />
        <source>Level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../ui/risk/history_model.py" line="24" />
        <source>Willingness</source>
        <translation>风险承受意愿</translation>
    </message>
    <message>
        <location filename="../../ui/risk/history_model.py" line="25" />
        <source>Capacity</source>
        <translation>风险承受能力</translation>
    </message>
    <message>
        <location filename="../../ui/risk/history_model.py" line="26" />
        <source>By</source>
        <translation>评估人</translation>
    </message>
    <message>
        <location filename="../../ui/risk/history_model.py" line="27" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/risk/history_model.py" line="28" />
        <source>Changes</source>
        <translation>变更题数</translation>
    </message>
</context>
<context>
    <name>HoldingsModel</name>
    <message>
        <location filename="../../ui/clients/holdings_model.py" line="23" />
        <source>Instrument</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/clients/holdings_model.py" line="24" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/clients/holdings_model.py" line="25" />
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../ui/clients/holdings_model.py" line="26" />
        <source>Quantity</source>
        <translation>份额</translation>
    </message>
    <message>
        <location filename="../../ui/clients/holdings_model.py" line="27" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/clients/holdings_model.py" line="28" />
        <source>Value (CNY)</source>
        <translation>市值（人民币）</translation>
    </message>
    <message>
        <location filename="../../ui/clients/holdings_model.py" line="29" />
        <source>Value (own currency)</source>
        <translation>市值（原币）</translation>
    </message>
    <message>
        <location filename="../../ui/clients/holdings_model.py" line="30" />
        <source>Weight</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../ui/clients/holdings_model.py" line="31" />
        <source>Gain / loss</source>
        <translation>盈亏</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/home.py" line="56" />
        <source>Book by asset class</source>
        <translation>按资产类别</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="64" />
        <source>Book</source>
        <translation>客户资产总览</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="73" />
        <source>Overdue for contact</source>
        <translation>逾期未联系</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="74" />
        <source>Birthdays in the next 30 days</source>
        <translation>30 天内生日</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="75" />
        <source>Largest movers, last month</source>
        <translation>近一月变动最大</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="83" />
        <source>Assessments expiring or expired</source>
        <translation>风险评估即将到期或已过期</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="84" />
        <source>Suitability mismatches</source>
        <translation>适当性不匹配</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="115" />
        <source>{0} in {1} clients</source>
        <translation>{1} 位客户共 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="136" />
        <source>{0} ({1}) — {2} days overdue</source>
        <translation>{0}（{1}）— 逾期 {2} 天</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="149" />
        <source> (lunar)</source>
        <translation>（农历）</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="150" />
        <source>, turns {0}</source>
        <translation>，{0}岁</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="183" />
        <source>{0} products up to R{1}</source>
        <translation>{0} 只产品，最高 R{1}</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="185" />
        <source>{0} — not assessed, holds {1}</source>
        <translation>{0} — 未评估，持有 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="188" />
        <source>{0} — assessment expired, holds {1}</source>
        <translation>{0} — 评估已过期，持有 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="189" />
        <source>{0} — {1}, holds {2}</source>
        <translation>{0} — {1}，持有 {2}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="87" />
        <location filename="../../ui/main_window.py" line="151" />
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87" />
        <location filename="../../ui/main_window.py" line="151" />
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>Last sync: never</source>
        <translation>上次同步：从未</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126" />
        <source>● Offline — sync only on request</source>
        <translation>● 离线 — 仅在您要求时同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>&amp;Vault</source>
        <translation>保险库(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142" />
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147" />
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>Quick open…</source>
        <translation>快速打开…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155" />
        <source>V&amp;iew</source>
        <translation>视图(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>Pending changes: {0}</source>
        <translation>待同步变更：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192" />
        <source>Locked — {0}</source>
        <translation>已锁定 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217" />
        <source>Building the demo book</source>
        <translation>正在生成演示客户簿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194" />
        <source>Unlocked — {0} — {1} clients</source>
        <translation>已解锁 — {0} — {1} 位客户</translation>
    </message>
    <message>
        <source>The language changes the next time Confidant starts.</source>
        <translation type="vanished">语言将在下次启动私行知己时生效。</translation>
    </message>
</context>
<context>
    <name>PortfolioTab</name>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="96" />
        <source>Allocation</source>
        <translation>资产配置</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="99" />
        <source>Value history</source>
        <translation>市值走势</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="111" />
        <source>Returns and risk</source>
        <translation>收益与风险</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="148" />
        <source>Concentration: largest position {0} at {1}; top five {2} of the portfolio.</source>
        <translation>集中度：最大持仓 {0} 占 {1}；前五大持仓合计占 {2}。</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="157" />
        <source>By asset class</source>
        <translation>按资产类别</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="158" />
        <source>By product type</source>
        <translation>按产品类型</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="159" />
        <source>By currency</source>
        <translation>按币种</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="160" />
        <source>By risk rating</source>
        <translation>按风险等级</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="179" />
        <source>TWR</source>
        <translation>时间加权收益</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="180" />
        <source>XIRR (p.a.)</source>
        <translation>资金加权收益（年化）</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="181" />
        <source>Volatility</source>
        <translation>波动率</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="182" />
        <source>Max drawdown</source>
        <translation>最大回撤</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="71" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="72" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="73" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="74" />
        <source>Identity number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="75" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="76" />
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="77" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="78" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="79" />
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="80" />
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="81" />
        <source>Source of wealth</source>
        <translation>财富来源</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="82" />
        <source>Preferred channel</source>
        <translation>偏好渠道</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="83" />
        <source>Preferred language</source>
        <translation>偏好语言</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="84" />
        <source>Relationship manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="85" />
        <source>Onboarded on</source>
        <translation>开户日期</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="86" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="87" />
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="88" />
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="92" />
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="106" />
        <source>Household</source>
        <translation>家庭</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="127" />
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="232" />
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="252" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="260" />
        <source>Not saved: fix the fields marked in red</source>
        <translation>未保存：请修改标红的字段</translation>
    </message>
</context>
<context>
    <name>QuickOpen</name>
    <message>
        <location filename="../../ui/palette.py" line="17" />
        <source>Quick open</source>
        <translation>快速打开</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="20" />
        <source>Name, pinyin, initials or last digits…</source>
        <translation>姓名、拼音、首字母或号码末位…</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../ui/risk/results.py" line="43" />
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/risk/results.py" line="44" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/risk/results.py" line="56" />
        <source>Your risk tolerance</source>
        <translation>您的风险承受能力</translation>
    </message>
    <message>
        <location filename="../../ui/risk/results.py" line="75" />
        <source>Suitable products</source>
        <translation>适合的产品</translation>
    </message>
    <message>
        <location filename="../../ui/risk/results.py" line="76" />
        <source>Loss you can bear over 6 months</source>
        <translation>六个月内可承受的亏损</translation>
    </message>
    <message>
        <location filename="../../ui/risk/results.py" line="78" />
        <source>Willingness / capacity</source>
        <translation>风险承受意愿 / 能力</translation>
    </message>
    <message>
        <location filename="../../ui/risk/results.py" line="82" />
        <source>Valid until</source>
        <translation>评估结果有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/risk/results.py" line="83" />
        <source>Record number</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../ui/risk/results.py" line="104" />
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/results.py" line="107" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
</context>
<context>
    <name>RiskTab</name>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="65" />
        <source>New assessment</source>
        <translation>重新评估</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="66" />
        <source>Save PDF of the selected one…</source>
        <translation>将所选评估保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="67" />
        <source>Compare with household member…</source>
        <translation>与家庭成员对比…</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="86" />
        <source>Assessments</source>
        <translation>评估记录</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="103" />
        <source>The client is in no household.</source>
        <translation>该客户不属于任何家庭。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="112" />
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="114" />
        <source>No products other than deposits may be sold or advised until assessed.</source>
        <translation>完成评估前，除存款外不得销售或推荐任何产品。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="121" />
        <source>Bearable 6-month loss: {0}.</source>
        <translation>六个月可承受亏损：{0}。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="169" />
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="170" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="188" />
        <source>No other household member to compare with.</source>
        <translation>没有可对比的其他家庭成员。</translation>
    </message>
</context>
<context>
    <name>RiskWizard</name>
    <message>
        <location filename="../../ui/risk/wizard.py" line="104" />
        <source>Risk tolerance assessment — {0}</source>
        <translation>风险承受能力评估 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="137" />
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="138" />
        <location filename="../../ui/risk/wizard.py" line="195" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="197" />
        <source>{0} questions</source>
        <translation>共 {0} 题</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="198" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="203" />
        <source>Question {0} of {1}</source>
        <translation>第 {0} 题，共 {1} 题</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="207" />
        <source>Back to summary</source>
        <translation>返回汇总</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="209" />
        <source>All {0} answered</source>
        <translation>已全部作答（{0} 题）</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="253" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="265" />
        <source>Discard the answers given so far? Nothing has been saved.</source>
        <translation>放弃已作答的内容？尚未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>RiskWords</name>
    <message>
        <location filename="../../ui/risk/common.py" line="59" />
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="60" />
        <source>Client's premises</source>
        <translation>客户处</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="61" />
        <source>Remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="68" />
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="70" />
        <source>expired on {0}</source>
        <translation>已于 {0} 过期</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="72" />
        <source>expires in {0} days ({1})</source>
        <translation>{0} 天后到期（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="73" />
        <source>valid to {0}</source>
        <translation>有效期至 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="78" />
        <source>Risk: not assessed — assess before advising</source>
        <translation>风险：未评估 — 请先评估再提供建议</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="88" />
        <source>no loss of principal</source>
        <translation>不能承受本金损失</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="89" />
        <source>up to {0}%</source>
        <translation>最多 {0}%</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="102" />
        <source>Save the assessment as PDF</source>
        <translation>将评估保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="102" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="57" />
        <source>Client: {0}</source>
        <translation>客户：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="62" />
        <source>The client answers every question personally. Staff must not fill in answers for the client (代填 is prohibited): read a question aloud if asked, without suggesting an answer.</source>
        <translation>每一题均须由客户本人作答。工作人员不得代客户填写（严禁代填）；如客户要求，可朗读题目，但不得暗示答案。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="69" />
        <source>Where is this assessment taking place?</source>
        <translation>本次评估在哪里进行？</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="82" />
        <source>Details (optional): branch name, address, call…</source>
        <translation>详细信息（选填）：网点名称、地址、通话方式…</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="87" />
        <source>Extra care applies: {0}</source>
        <translation>须特别关注：{0}</translation>
    </message>
</context>
<context>
    <name>SuitabilityBox</name>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="21" />
        <source>Suitability</source>
        <translation>适当性</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="36" />
        <source>Suitability could not be checked: {0}</source>
        <translation>无法检查适当性：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="38" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="43" />
        <source>Weighted risk rating</source>
        <translation>加权风险等级</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="44" />
        <source>R{0} against the client's level {1}</source>
        <translation>R{0}，客户风险等级为 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="46" />
        <source>Share rated above the level</source>
        <translation>高于客户等级的持仓占比</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="48" />
        <source>Estimated volatility</source>
        <translation>估算波动率</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="49" />
        <source>{0} a year</source>
        <translation>年化 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="52" />
        <source>Estimated 6-month loss (95%)</source>
        <translation>估算六个月亏损（95%）</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="53" />
        <source>{0} ({1}); the client can bear {2}</source>
        <translation>{0}（{1}）；客户可承受 {2}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="64" />
        <source>Must not stay:</source>
        <translation>不得保留：</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="64" />
        <source>Warning:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="72" />
        <source>No valid assessment: nothing but deposits may be sold or advised.</source>
        <translation>没有有效的风险评估：除存款外不得销售或推荐任何产品。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="73" />
        <source>Assess the client's risk tolerance (Risk tab) before advising.</source>
        <translation>提供建议前，请先评估客户的风险承受能力（“风险”页）。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="77" />
        <source>No holdings to check.</source>
        <translation>没有需要检查的持仓。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="79" />
        <source>The portfolio suits the client's level.</source>
        <translation>组合与客户的风险等级相符。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/suitability_box.py" line="83" />
        <source>Risk figures are estimates from market assumptions {0}, not promises.</source>
        <translation>风险数据依据市场假设 {0} 估算，并非承诺。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="174" />
        <source>Please review your answers</source>
        <translation>请核对您的答案</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="176" />
        <source>Answers that differ from the previous assessment ({0}) are marked.</source>
        <translation>与上次评估（{0}）不同的答案已标出。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="178" />
        <source>This is the client's first assessment.</source>
        <translation>这是客户的首次评估。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="205" />
        <source>Changed — previously: {0}</source>
        <translation>已变更 — 上次为：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="207" />
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="219" />
        <source>not asked</source>
        <translation>未问及</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../ui/pages/unlock.py" line="38" />
        <source>Unlock your client book</source>
        <translation>解锁您的客户簿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unlock.py" line="42" />
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unlock.py" line="44" />
        <location filename="../../ui/pages/unlock.py" line="66" />
        <location filename="../../ui/pages/unlock.py" line="105" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unlock.py" line="57" />
        <source>Vault: {0}</source>
        <translation>保险库：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unlock.py" line="66" />
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unlock.py" line="81" />
        <source>The vault could not be opened: {0}</source>
        <translation>无法打开保险库：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unlock.py" line="108" />
        <source>Try again in {0} s</source>
        <translation>{0} 秒后重试</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/pages/welcome.py" line="30" />
        <source>too weak</source>
        <translation>太弱</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="31" />
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="32" />
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="33" />
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="34" />
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="47" />
        <source>Welcome to Confidant 私行知己</source>
        <translation>欢迎使用私行知己</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="50" />
        <source>Your client book is kept in an encrypted vault on this computer. Choose a passphrase: it is the only way in, and it cannot be recovered.</source>
        <translation>您的客户簿保存在本机的加密保险库中。请设置口令：这是唯一的打开方式，遗失后无法找回。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="61" />
        <source>Vault folder</source>
        <translation>保险库位置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="62" />
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="63" />
        <source>Repeat it</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="64" />
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="65" />
        <source>Create vault</source>
        <translation>创建保险库</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="66" />
        <source>Open the demo book</source>
        <translation>打开演示客户簿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="93" />
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/welcome.py" line="102" />
        <source>At least {0} characters; not a single repeated character; not a well-known password.</source>
        <translation>至少 {0} 个字符；不能只重复一个字符；不能是常见密码。</translation>
    </message>
</context>
</TS>