<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
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
        <location filename="../../ui/clients/view.py" line="43" />
        <source>← Clients</source>
        <translation>← 客户列表</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="58" />
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="59" />
        <source>Portfolio</source>
        <translation>持仓</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="85" />
        <source>Risk: not assessed</source>
        <translation>风险：未评估</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="89" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="91" />
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
        <location filename="../../ui/home.py" line="50" />
        <source>Book by asset class</source>
        <translation>按资产类别</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="56" />
        <source>Book</source>
        <translation>客户资产总览</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="65" />
        <source>Overdue for contact</source>
        <translation>逾期未联系</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="66" />
        <source>Birthdays in the next 30 days</source>
        <translation>30 天内生日</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="67" />
        <source>Largest movers, last month</source>
        <translation>近一月变动最大</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="90" />
        <source>{0} in {1} clients</source>
        <translation>{1} 位客户共 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="111" />
        <source>{0} ({1}) — {2} days overdue</source>
        <translation>{0}（{1}）— 逾期 {2} 天</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="124" />
        <source> (lunar)</source>
        <translation>（农历）</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="125" />
        <source>, turns {0}</source>
        <translation>，{0}岁</translation>
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
        <location filename="../../ui/clients/portfolio_tab.py" line="80" />
        <source>Allocation</source>
        <translation>资产配置</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="83" />
        <source>Value history</source>
        <translation>市值走势</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="95" />
        <source>Returns and risk</source>
        <translation>收益与风险</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="129" />
        <source>Concentration: largest position {0} at {1}; top five {2} of the portfolio.</source>
        <translation>集中度：最大持仓 {0} 占 {1}；前五大持仓合计占 {2}。</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="138" />
        <source>By asset class</source>
        <translation>按资产类别</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="139" />
        <source>By product type</source>
        <translation>按产品类型</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="140" />
        <source>By currency</source>
        <translation>按币种</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="141" />
        <source>By risk rating</source>
        <translation>按风险等级</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="160" />
        <source>TWR</source>
        <translation>时间加权收益</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="161" />
        <source>XIRR (p.a.)</source>
        <translation>资金加权收益（年化）</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="162" />
        <source>Volatility</source>
        <translation>波动率</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="163" />
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