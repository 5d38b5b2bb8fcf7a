<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddProductDialog</name>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="54" />
        <source>Add product to the plan</source>
        <translation>向规划添加产品</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="61" />
        <source>Code or name, e.g. 基金 or 0001</source>
        <translation>产品代码或名称，例如：基金、0001</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="63" />
        <source>Yuan, e.g. 500,000 or 50万</source>
        <translation>单位：元，例如：500,000 或 50万</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="81" />
        <source>Why this product, for which goal (kept with the plan)</source>
        <translation>推荐该产品的理由及对应目标（随规划保存）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="85" />
        <source>Add to plan</source>
        <translation>加入规划</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="87" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="88" />
        <source>Amount (CNY)</source>
        <translation>金额（人民币）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="92" />
        <source>Rationale</source>
        <translation>推荐理由</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="110" />
        <location filename="../../ui/plans/product_dialog.py" line="179" />
        <source>Type the amount in yuan, e.g. 500,000 or 50万.</source>
        <translation>请以元为单位输入金额，例如：500,000 或 50万。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="131" />
        <source>{0} products, {1} can be added for this amount</source>
        <translation>共 {0} 只产品，按此金额可添加 {1} 只</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="153" />
        <source>Choose a product from the list.</source>
        <translation>请从列表中选择产品。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="158" />
        <source>{0} {1} cannot be added: {2}</source>
        <translation>{0} {1} 无法添加：{2}</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="165" />
        <source>{0} {1} passes the suitability check for this amount.</source>
        <translation>按此金额，{0} {1} 通过适当性检查。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="176" />
        <source>Choose a product from the list first.</source>
        <translation>请先从列表中选择产品。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/product_dialog.py" line="182" />
        <source>{0} cannot be added: {1}</source>
        <translation>{0} 无法添加：{1}</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <location filename="../../ui/calendar/model.py" line="176" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="177" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="178" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="179" />
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="180" />
        <source>Title</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="181" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>AllocationModel</name>
    <message>
        <location filename="../../ui/plans/allocation_model.py" line="75" />
        <source>Asset class</source>
        <translation>资产类别</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_model.py" line="76" />
        <source>Current</source>
        <translation>当前比例</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_model.py" line="77" />
        <source>Model</source>
        <translation>模型比例</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_model.py" line="78" />
        <source>Band</source>
        <translation>允许范围</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_model.py" line="79" />
        <source>Proposed</source>
        <translation>建议比例</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_model.py" line="80" />
        <source>Drift</source>
        <translation>偏离</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_model.py" line="139" />
        <source>{0}: {1} is outside the band {2}–{3} the model allows.</source>
        <translation>{0}：{1} 超出模型允许的范围 {2}–{3}。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_model.py" line="160" />
        <source>This model has no cash to balance with; adjust another class.</source>
        <translation>该模型组合不含现金，无法用现金调平；请调整其他资产类别。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_model.py" line="165" />
        <source>Cash would be {0}, outside its band {1}–{2}: adjust another class.</source>
        <translation>现金比例将为 {0}，超出其允许范围 {1}–{2}；请调整其他资产类别。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_model.py" line="209" />
        <source>Double-click to change, within {0}–{1}</source>
        <translation>双击修改，范围 {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_model.py" line="222" />
        <source>Type the weight as a percentage, e.g. 32.5.</source>
        <translation>请以百分比输入比例，例如：32.5。</translation>
    </message>
</context>
<context>
    <name>AllocationPanel</name>
    <message>
        <location filename="../../ui/plans/allocation_panel.py" line="83" />
        <source>Balance with cash</source>
        <translation>用现金调平</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_panel.py" line="84" />
        <source>Put the difference from 100% on cash</source>
        <translation>将与 100% 的差额计入现金</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_panel.py" line="86" />
        <source>Reset to model</source>
        <translation>恢复模型配置</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_panel.py" line="88" />
        <source>Start again from the model portfolio of the client's level today</source>
        <translation>按客户当前风险等级对应的模型组合重新配置</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_panel.py" line="97" />
        <location filename="../../ui/plans/allocation_panel.py" line="226" />
        <source>Trades to reach the proposal</source>
        <translation>调整至建议配置所需交易</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_panel.py" line="126" />
        <source>Model {0} {1}: each weight may move within its band.</source>
        <translation>模型组合 {0} {1}：各类资产比例可在允许范围内调整。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_panel.py" line="132" />
        <source>Trades to reach the proposal: {0} to invest</source>
        <translation>调整至建议配置所需交易：需投资 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_panel.py" line="134" />
        <source>Trades to reach the proposal: none needed</source>
        <translation>调整至建议配置所需交易：无需交易</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_panel.py" line="150" />
        <source>Total {0}</source>
        <translation>合计 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_panel.py" line="154" />
        <source>{0} over</source>
        <translation>超出 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_panel.py" line="154" />
        <source>{0} short</source>
        <translation>不足 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_panel.py" line="156" />
        <source>Total {0}: {1}; the weights must add up to 100%.</source>
        <translation>合计 {0}：{1}；各类资产比例之和须为 100%。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/allocation_panel.py" line="201" />
        <source>Not saved: {0} Fix it and the allocation is saved.</source>
        <translation>未保存：{0} 修正后资产配置将自动保存。</translation>
    </message>
</context>
<context>
    <name>BankerDialog</name>
    <message>
        <location filename="../../ui/banker_dialog.py" line="23" />
        <source>Banker details</source>
        <translation>客户经理信息</translation>
    </message>
    <message>
        <location filename="../../ui/banker_dialog.py" line="24" />
        <source>as the client knows you</source>
        <translation>客户所知的您的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/banker_dialog.py" line="26" />
        <source>qualification certificate (从业资格证书) number</source>
        <translation>从业资格证书编号</translation>
    </message>
    <message>
        <location filename="../../ui/banker_dialog.py" line="28" />
        <source>e.g. 某某银行深圳分行私人银行中心</source>
        <translation>例如：某某银行深圳分行私人银行中心</translation>
    </message>
    <message>
        <location filename="../../ui/banker_dialog.py" line="31" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/banker_dialog.py" line="32" />
        <source>Certificate no.</source>
        <translation>从业资格证书编号</translation>
    </message>
    <message>
        <location filename="../../ui/banker_dialog.py" line="33" />
        <source>Branch</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <location filename="../../ui/banker_dialog.py" line="35" />
        <source>Printed on the cover of every advice pack and on meeting briefs. Kept in the vault; a change is recorded in the audit trail.</source>
        <translation>印在每份财富规划建议书的封面和会谈简报上。保存在保险库中；每次修改都记入审计记录。</translation>
    </message>
</context>
<context>
    <name>BriefPanel</name>
    <message>
        <location filename="../../ui/meeting/brief.py" line="75" />
        <source>Meeting</source>
        <translation>会面</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/brief.py" line="76" />
        <source>Last notes</source>
        <translation>最近笔记</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/brief.py" line="77" />
        <source>Open tasks</source>
        <translation>待办任务</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/brief.py" line="78" />
        <source>Coming birthdays</source>
        <translation>近期生日</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/brief.py" line="79" />
        <source>Large transactions, last 90 days</source>
        <translation>近 90 天大额交易</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/brief.py" line="115" />
        <source>Financial assets valued {0}</source>
        <translation>金融资产估值时间：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/brief.py" line="122" />
        <source>No large transactions.</source>
        <translation>无大额交易。</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/brief.py" line="135" />
        <source>Meeting: {0}</source>
        <translation>会面：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/brief.py" line="118" />
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/brief.py" line="148" />
        <source> (lunar)</source>
        <translation>（农历）</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/brief.py" line="150" />
        <source>, turns {0}</source>
        <translation>，{0}岁</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/brief.py" line="167" />
        <source>no due date</source>
        <translation>无截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/brief.py" line="183" />
        <source>No open tasks.</source>
        <translation>没有待办任务。</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../ui/calendar/page.py" line="71" />
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="72" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="73" />
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="75" />
        <source>Show cancelled</source>
        <translation>显示已取消</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="76" />
        <source>New meeting…</source>
        <translation>新建会面…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="100" />
        <source>Week</source>
        <translation>周视图</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="101" />
        <source>Next 14 days</source>
        <translation>未来 14 天</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="110" />
        <source>Open in meeting mode</source>
        <translation>进入会面模式</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="111" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="112" />
        <source>Mark held</source>
        <translation>标记为已举行</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="113" />
        <source>Cancel meeting…</source>
        <translation>取消会面…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="114" />
        <source>Plan again</source>
        <translation>重新安排</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="115" />
        <source>Export .ics…</source>
        <translation>导出 .ics…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="186" />
        <source>{0} to {1} · {2} meetings</source>
        <translation>{0} 至 {1} · {2} 场会面</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="256" />
        <source>Meeting saved.</source>
        <translation>会面已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="273" />
        <source>Cancel meeting</source>
        <translation>取消会面</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="274" />
        <source>Cancel “{0}” with {1}?</source>
        <translation>取消与{1}的“{0}”？</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="305" />
        <source>Save the meeting as a calendar file</source>
        <translation>将会面保存为日历文件</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="307" />
        <source>Calendar (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="317" />
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/page.py" line="322" />
        <source>Not done: {0}</source>
        <translation>未完成：{0}</translation>
    </message>
</context>
<context>
    <name>CalendarWords</name>
    <message>
        <location filename="../../ui/calendar/model.py" line="44" />
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="45" />
        <source>Held</source>
        <translation>已举行</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="46" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="52" />
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="53" />
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="54" />
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="55" />
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="56" />
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="57" />
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/model.py" line="58" />
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="38" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="39" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="40" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="41" />
        <source>Asset class</source>
        <translation>资产类别</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="42" />
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="43" />
        <source>Lock-up</source>
        <translation>封闭期</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="44" />
        <source>Minimum</source>
        <translation>起购金额</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="45" />
        <source>Mgmt fee/yr</source>
        <translation>管理费（年）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="46" />
        <source>Suitability</source>
        <translation>适当性</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="49" />
        <source>Deposit</source>
        <translation>存款</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="50" />
        <source>Wealth management</source>
        <translation>银行理财</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="51" />
        <source>Mutual fund</source>
        <translation>公募基金</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="52" />
        <source>Bond</source>
        <translation>债券</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="53" />
        <source>Equity</source>
        <translation>股票</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="54" />
        <source>Insurance</source>
        <translation>保险</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="55" />
        <source>Trust</source>
        <translation>信托</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="56" />
        <source>Private fund</source>
        <translation>私募基金</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="57" />
        <source>Structured</source>
        <translation>结构性产品</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="58" />
        <source>Gold</source>
        <translation>黄金</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="79" />
        <source>Already recommended in this plan.</source>
        <translation>已在本规划中推荐。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="128" />
        <source>{0} days</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="139" />
        <source>In the plan</source>
        <translation>已在规划中</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="141" />
        <source>Blocked: {0}</source>
        <translation>未通过：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="143" />
        <source>Passes, with a warning</source>
        <translation>通过（有提示）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/candidates_model.py" line="144" />
        <source>Passes</source>
        <translation>通过</translation>
    </message>
</context>
<context>
    <name>CareDateDialog</name>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="65" />
        <source>Add care date</source>
        <translation>添加关怀日</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="70" />
        <source>e.g. 结婚纪念日, 女儿高考</source>
        <translation>例如：结婚纪念日、女儿高考</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="72" />
        <source>Every year</source>
        <translation>每年提醒</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="73" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="74" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="75" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>CareDateModel</name>
    <message>
        <location filename="../../ui/contacts/models.py" line="87" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="87" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="87" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="87" />
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="96" />
        <source>Yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="96" />
        <source>Once</source>
        <translation>一次</translation>
    </message>
</context>
<context>
    <name>CarePage</name>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="234" />
        <source>Extra care</source>
        <translation>特别关注</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="239" />
        <source>Explain the result and the risks again in plain words, check that the client has understood, and invite a family member or companion to be present if the client wishes or needs it.</source>
        <translation>请用通俗的语言再次说明评估结果和投资风险，确认客户已经理解；如客户希望或确有需要，请邀请家属或陪同人员在场。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="248" />
        <source>The client confirmed they understand the risks; a companion was present if needed.</source>
        <translation>客户已确认理解相关风险；如有需要，已有陪同人员在场。</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <location filename="../../ui/clients/list_model.py" line="78" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="79" />
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="80" />
        <source>Assets (CNY)</source>
        <translation>资产（人民币）</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="81" />
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="82" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="83" />
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="84" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="85" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="261" />
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../ui/clients/list_model.py" line="263" />
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>ClientView</name>
    <message>
        <location filename="../../ui/clients/view.py" line="59" />
        <source>← Clients</source>
        <translation>← 客户列表</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="73" />
        <source>Assess risk tolerance</source>
        <translation>风险承受能力评估</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="80" />
        <source>Meeting</source>
        <translation>会面</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="81" />
        <source>Meeting mode: the brief and a new note on this client</source>
        <translation>会面模式：显示客户简报，并为该客户新建笔记</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="90" />
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="91" />
        <source>Portfolio</source>
        <translation>持仓</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="92" />
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="94" />
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="96" />
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="99" />
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="101" />
        <source>Contacts</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="103" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="167" />
        <source>Elderly ({0})</source>
        <translation>老年客户（{0}岁）</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="169" />
        <source>Vulnerable</source>
        <translation>需特别关注</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="170" />
        <source>Extra care</source>
        <translation>特别关注</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="142" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/clients/view.py" line="144" />
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
        <location filename="../../ui/clients/list_page.py" line="90" />
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
    <name>ComplaintBadge</name>
    <message>
        <location filename="../../ui/complaints/badge.py" line="16" />
        <source>⚠ 1 open complaint</source>
        <translation>⚠ 1 项未结投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/badge.py" line="18" />
        <source>⚠ {0} open complaints</source>
        <translation>⚠ {0} 项未结投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/badge.py" line="28" />
        <source>Unresolved complaints: see the Complaints tab.</source>
        <translation>有未解决的投诉：请查看“投诉”页。</translation>
    </message>
</context>
<context>
    <name>ComplaintModel</name>
    <message>
        <location filename="../../ui/complaints/model.py" line="39" />
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="40" />
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="41" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="42" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="43" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="44" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="45" />
        <source>Days open / to resolve</source>
        <translation>已受理/办结天数</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="46" />
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="81" />
        <source>Resolved in {0} days</source>
        <translation>{0} 天办结</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/model.py" line="82" />
        <source>Open for {0} days</source>
        <translation>已受理 {0} 天</translation>
    </message>
</context>
<context>
    <name>ComplaintWords</name>
    <message>
        <location filename="../../ui/complaints/words.py" line="22" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="23" />
        <source>Hotline</source>
        <translation>客服热线</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="24" />
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="25" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="26" />
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="27" />
        <source>At the branch</source>
        <translation>网点现场</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="28" />
        <source>Online banking</source>
        <translation>网上银行</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="29" />
        <source>Via the regulator</source>
        <translation>监管转办</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="32" />
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="33" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="34" />
        <source>Fees and charges</source>
        <translation>收费</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="35" />
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="36" />
        <source>Privacy</source>
        <translation>个人信息保护</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="37" />
        <source>Systems</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="38" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="41" />
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="42" />
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/words.py" line="43" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <location filename="../../ui/complaints/tab.py" line="60" />
        <source>Receive complaint…</source>
        <translation>受理投诉…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="61" />
        <source>Start handling</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="62" />
        <source>Resolve…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="63" />
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="107" />
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="116" />
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="117" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="118" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="119" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="120" />
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="127" />
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="175" />
        <source>{0} open of {1}</source>
        <translation>共 {1} 项，未结 {0} 项</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="198" />
        <source>No complaint selected</source>
        <translation>未选择投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="202" />
        <source>No complaints from this client.</source>
        <translation>该客户没有投诉记录。</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/tab.py" line="224" />
        <source>{0}
(on {1})</source>
        <translation>{0}
（{1} 办结）</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="262" />
        <source>Confirmation</source>
        <translation>客户确认</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="266" />
        <source>Once saved, the answers cannot be changed: a later change is a new assessment.</source>
        <translation>保存后答案不可修改；如需变更，须重新进行评估。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="272" />
        <source>I confirm these answers are mine and true.</source>
        <translation>本人确认以上答案均由本人作出，内容真实。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="275" />
        <source>Confirm and save</source>
        <translation>确认并保存</translation>
    </message>
</context>
<context>
    <name>ContactWords</name>
    <message>
        <location filename="../../ui/contacts/words.py" line="14" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="15" />
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="16" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="17" />
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="18" />
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="19" />
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="21" />
        <source>From the client</source>
        <translation>客户主动</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="21" />
        <source>To the client</source>
        <translation>我方主动</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="23" />
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="24" />
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="25" />
        <source>Anniversary</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="26" />
        <source>Milestone</source>
        <translation>人生节点</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="27" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="39" />
        <source>turns {0}</source>
        <translation>{0} 岁</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/words.py" line="40" />
        <source>{0} years</source>
        <translation>{0} 周年</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <location filename="../../ui/contacts/tab.py" line="69" />
        <source>Log contact…</source>
        <translation>记录联系…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/tab.py" line="75" />
        <source>Add care date…</source>
        <translation>添加关怀日…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/tab.py" line="76" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/tab.py" line="86" />
        <source>Contacts</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/tab.py" line="95" />
        <source>Care dates</source>
        <translation>关怀日</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/tab.py" line="103" />
        <source>Anniversaries and milestones show on Home 30 days ahead.</source>
        <translation>纪念日和人生节点会提前 30 天显示在首页。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/tab.py" line="143" />
        <source>{0} logged</source>
        <translation>共 {0} 条</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/tab.py" line="145" />
        <source>none logged yet</source>
        <translation>暂无记录</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/tab.py" line="200" />
        <source>Not removed: {0}</source>
        <translation>未删除：{0}</translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <location filename="../../ui/plans/plan_dialogs.py" line="95" />
        <source>Copy for the next review</source>
        <translation>复制用于下次复核</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_dialogs.py" line="107" />
        <source>A new draft, version {0}: goals, cash flows and the allocation are copied; each product is checked again and left out if it no longer passes. This plan stays as it is.</source>
        <translation>将生成新草稿（第 {0} 版）：复制目标、现金流和资产配置；每只产品重新进行适当性检查，不再通过的将不予保留。本规划保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_dialogs.py" line="115" />
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_dialogs.py" line="116" />
        <source>Review year</source>
        <translation>复核年度</translation>
    </message>
</context>
<context>
    <name>DocumentExport</name>
    <message>
        <location filename="../../ui/documents/export.py" line="49" />
        <source>Export the document as PDF</source>
        <translation>将文件导出为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/documents/export.py" line="49" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/export.py" line="57" />
        <source>Not exported: {0}</source>
        <translation>未导出：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/export.py" line="69" />
        <source>Exported to {0} (recorded in the audit trail). The file is outside the vault: keep it safe and delete it once it is sent.</source>
        <translation>已导出到 {0}（已记入审计记录）。该文件位于保险库之外：请妥善保管，发送后及时删除。</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <location filename="../../ui/documents/model.py" line="42" />
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/documents/model.py" line="43" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/documents/model.py" line="44" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/documents/model.py" line="45" />
        <source>Document number</source>
        <translation>文件编号</translation>
    </message>
    <message>
        <location filename="../../ui/documents/model.py" line="46" />
        <source>Plan version</source>
        <translation>方案版本</translation>
    </message>
    <message>
        <location filename="../../ui/documents/model.py" line="47" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/documents/model.py" line="48" />
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <location filename="../../ui/documents/model.py" line="49" />
        <source>Created at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../ui/documents/model.py" line="50" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/documents/model.py" line="53" />
        <source>Advice pack</source>
        <translation>财富规划建议书</translation>
    </message>
    <message>
        <location filename="../../ui/documents/model.py" line="54" />
        <source>Risk assessment</source>
        <translation>风险评估</translation>
    </message>
    <message>
        <location filename="../../ui/documents/model.py" line="55" />
        <source>Meeting brief</source>
        <translation>会面简报</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../ui/documents/tab.py" line="76" />
        <source>New advice pack…</source>
        <translation>生成建议书…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/tab.py" line="78" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/documents/tab.py" line="80" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/tab.py" line="82" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/documents/tab.py" line="156" />
        <source>1 document</source>
        <translation>1 份文件</translation>
    </message>
    <message>
        <location filename="../../ui/documents/tab.py" line="156" />
        <source>{0} documents</source>
        <translation>{0} 份文件</translation>
    </message>
    <message>
        <location filename="../../ui/documents/tab.py" line="162" />
        <source>No documents yet. “New advice pack…” makes the client's advice pack and keeps it here.</source>
        <translation>暂无文件。点击“生成建议书…”可为客户生成财富规划建议书，并保存在此处。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/tab.py" line="267" />
        <source>Delete document</source>
        <translation>删除文件</translation>
    </message>
    <message>
        <location filename="../../ui/documents/tab.py" line="269" />
        <source>Delete {0} “{1}”?

It leaves the client's Documents on this laptop and, at the next sync, at the bank. Copies already exported or handed to the client are not affected.</source>
        <translation>删除{0}“{1}”？

该文件将从本机客户的“文件”页中移除，并于下次同步时从行内系统中删除。已导出或已交给客户的副本不受影响。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/tab.py" line="286" />
        <source>Deleted {0}.</source>
        <translation>已删除 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/tab.py" line="309" />
        <source>Advice pack {0} made ({1} pages) and kept in the vault.</source>
        <translation>已生成建议书 {0}（共 {1} 页），并保存在保险库中。</translation>
    </message>
</context>
<context>
    <name>EventModel</name>
    <message>
        <location filename="../../ui/client_events/models.py" line="81" />
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/models.py" line="82" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/models.py" line="83" />
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/models.py" line="84" />
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/models.py" line="85" />
        <source>Invited</source>
        <translation>邀请</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/models.py" line="86" />
        <source>Yes</source>
        <translation>出席</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/models.py" line="87" />
        <source>No</source>
        <translation>不出席</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/models.py" line="88" />
        <source>Maybe</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/models.py" line="89" />
        <source>Attended</source>
        <translation>实到</translation>
    </message>
</context>
<context>
    <name>EventWords</name>
    <message>
        <location filename="../../ui/client_events/words.py" line="14" />
        <source>Seminar</source>
        <translation>讲座</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/words.py" line="15" />
        <source>Salon</source>
        <translation>沙龙</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/words.py" line="16" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/words.py" line="18" />
        <source>Yes</source>
        <translation>出席</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/words.py" line="18" />
        <source>No</source>
        <translation>不出席</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/words.py" line="18" />
        <source>Maybe</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/words.py" line="21" />
        <source>No reply yet</source>
        <translation>未回复</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <location filename="../../ui/client_events/page.py" line="88" />
        <source>Upcoming only</source>
        <translation>仅显示未开始的</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/page.py" line="90" />
        <source>New event…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/page.py" line="99" />
        <source>Client events</source>
        <translation>客户活动</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/page.py" line="120" />
        <source>Invite clients…</source>
        <translation>邀请客户…</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/page.py" line="123" />
        <source>Choose each reply in the table; tick who came once the event has begun.</source>
        <translation>在表中选择每位客户的回复；活动开始后勾选实际出席者。</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/page.py" line="141" />
        <source>New money in the {0} days after</source>
        <translation>活动后 {0} 天新增资金</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/page.py" line="236" />
        <source>No event selected</source>
        <translation>未选择活动</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/page.py" line="247" />
        <source>{0} to {1}, transfers in less transfers out</source>
        <translation>{0} 至 {1}，转入减转出</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/page.py" line="251" />
        <source> (so far)</source>
        <translation>（截至目前）</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/page.py" line="253" />
        <source>Nobody is marked as attended yet.</source>
        <translation>尚无客户标记为出席。</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/page.py" line="258" />
        <source>Double-click to open the client</source>
        <translation>双击打开客户</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/page.py" line="314" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
</context>
<context>
    <name>FlowDialog</name>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="114" />
        <source>Add cash flow</source>
        <translation>添加现金流</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="119" />
        <source>e.g. 工资, 生活开支, 出售房产</source>
        <translation>例如：工资、生活开支、出售房产</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="120" />
        <location filename="../../ui/plans/item_dialogs.py" line="142" />
        <source>Yuan a year, e.g. 600,000 or 60万</source>
        <translation>每年金额（元），例如：600,000 或 60万</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="123" />
        <source>one year only</source>
        <translation>仅一年</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="124" />
        <source>In today's money (adjusted for inflation)</source>
        <translation>按当前购买力计（已考虑通胀）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="127" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="128" />
        <source>Label</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="129" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="130" />
        <source>First year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="131" />
        <source>Last year</source>
        <translation>结束年份</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="140" />
        <source>Yuan: + received, − paid out</source>
        <translation>金额（元）：+ 为收入，− 为支出</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="148" />
        <source>Type the amount in yuan, e.g. 600,000 or 60万.</source>
        <translation>请以元为单位输入金额，例如：600,000 或 60万。</translation>
    </message>
</context>
<context>
    <name>FlowsModel</name>
    <message>
        <location filename="../../ui/plans/flows_model.py" line="31" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/plans/flows_model.py" line="32" />
        <source>Label</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/plans/flows_model.py" line="33" />
        <source>Amount a year</source>
        <translation>每年金额</translation>
    </message>
    <message>
        <location filename="../../ui/plans/flows_model.py" line="34" />
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/plans/flows_model.py" line="41" />
        <source>Nominal: not adjusted for inflation</source>
        <translation>名义金额：未考虑通胀</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="45" />
        <source>Edit goal</source>
        <translation>编辑目标</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="45" />
        <source>Add goal</source>
        <translation>添加目标</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="53" />
        <source>In the client's words, e.g. 女儿留学</source>
        <translation>用客户自己的话描述，例如：女儿留学</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="55" />
        <source>Yuan, e.g. 2,000,000 or 200万</source>
        <translation>单位：元，例如：2,000,000 或 200万</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="59" />
        <source>In today's money (adjusted for inflation)</source>
        <translation>按当前购买力计（已考虑通胀）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="61" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="62" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="63" />
        <source>Target amount</source>
        <translation>目标金额</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="64" />
        <source>Target year</source>
        <translation>目标年份</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="65" />
        <source>Priority (1 highest)</source>
        <translation>优先级（1 为最高）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="66" />
        <source>Already earmarked</source>
        <translation>已预留资金</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="74" />
        <source>Type the target amount in yuan, e.g. 2,000,000 or 200万.</source>
        <translation>请以元为单位输入目标金额，例如：2,000,000 或 200万。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_dialogs.py" line="77" />
        <source>Type the amount already earmarked in yuan, or 0.</source>
        <translation>请以元为单位输入已预留资金，没有请填 0。</translation>
    </message>
</context>
<context>
    <name>GoalsModel</name>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="49" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="50" />
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="51" />
        <source>Target</source>
        <translation>目标金额</translation>
    </message>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="52" />
        <source>Year</source>
        <translation>目标年份</translation>
    </message>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="53" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="54" />
        <source>Set aside</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="55" />
        <source>Chance
now</source>
        <translation>当前配置
达成概率</translation>
    </message>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="56" />
        <source>Chance
with plan</source>
        <translation>建议配置
达成概率</translation>
    </message>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="59" />
        <source>In today's money unless marked “nominal”</source>
        <translation>除标注“名义”者外，均按当前购买力计</translation>
    </message>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="60" />
        <source>Chance of meeting the goal with the current portfolio's allocation</source>
        <translation>按当前持仓配置达成该目标的概率</translation>
    </message>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="61" />
        <source>Chance of meeting the goal with the proposed allocation</source>
        <translation>按建议配置达成该目标的概率</translation>
    </message>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="62" />
        <source>Already set aside for this goal</source>
        <translation>已为该目标预留的资金</translation>
    </message>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="63" />
        <source>1 is the highest priority</source>
        <translation>1 为最高优先级</translation>
    </message>
    <message>
        <location filename="../../ui/plans/goals_model.py" line="102" />
        <source>{0} nominal</source>
        <translation>{0}（名义）</translation>
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
        <location filename="../../ui/home.py" line="86" />
        <source>Book by asset class</source>
        <translation>按资产类别</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="96" />
        <source>Book</source>
        <translation>客户资产总览</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="106" />
        <source>Overdue for contact</source>
        <translation>逾期未联系</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="107" />
        <source>Care reminders, next 30 days</source>
        <translation>30 天内关怀提醒</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="108" />
        <source>Largest movers, last month</source>
        <translation>近一月变动最大</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="116" />
        <source>Assessments expiring or expired</source>
        <translation>风险评估即将到期或已过期</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="117" />
        <source>Suitability mismatches</source>
        <translation>适当性不匹配</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="118" />
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="183" />
        <source>Figures from {0}; updating…</source>
        <translation>{0} 的数据，正在更新…</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="193" />
        <source>{0} in {1} clients</source>
        <translation>{1} 位客户共 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="215" />
        <source>{0} ({1}) — {2} days overdue</source>
        <translation>{0}（{1}）— 逾期 {2} 天</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="263" />
        <source>{0}  {1} — {2}, {3}</source>
        <translation>{0}  {1} — {2}，{3}</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="265" />
        <source>{0}  {1} — {2}</source>
        <translation>{0}  {1} — {2}</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="273" />
        <source>{0}  {1} — {2} days open ({3})</source>
        <translation>{0}  {1} — {2} 天（{3}）</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="283" />
        <source>{0} products up to R{1}</source>
        <translation>{0} 只产品，最高 R{1}</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="285" />
        <source>{0} — not assessed, holds {1}</source>
        <translation>{0} — 未评估，持有 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="288" />
        <source>{0} — assessment expired, holds {1}</source>
        <translation>{0} — 评估已过期，持有 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="289" />
        <source>{0} — {1}, holds {2}</source>
        <translation>{0} — {1}，持有 {2}</translation>
    </message>
</context>
<context>
    <name>InteractionModel</name>
    <message>
        <location filename="../../ui/contacts/models.py" line="64" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="65" />
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="66" />
        <source>Direction</source>
        <translation>发起方</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="67" />
        <source>Who</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/models.py" line="68" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>InvitationModel</name>
    <message>
        <location filename="../../ui/client_events/models.py" line="139" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/models.py" line="140" />
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/models.py" line="141" />
        <source>Invited on</source>
        <translation>邀请日期</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/models.py" line="142" />
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/models.py" line="143" />
        <source>Attended</source>
        <translation>出席</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="74" />
        <source>Invite clients to {0}</source>
        <translation>邀请客户参加：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="81" />
        <source>Find a client: name, pinyin, initials…</source>
        <translation>查找客户：姓名、拼音、首字母…</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="86" />
        <source>Add ↓</source>
        <translation>添加 ↓</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="94" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="96" />
        <source>To invite</source>
        <translation>待邀请</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="98" />
        <source>Invite</source>
        <translation>邀请</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="137" />
        <source>Double-click to take off the list</source>
        <translation>双击移出名单</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="150" />
        <source>{0} to invite</source>
        <translation>待邀请 {0} 位</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="154" />
        <source>Add at least one client: type a name and press Enter.</source>
        <translation>请至少添加一位客户：输入姓名后按回车。</translation>
    </message>
</context>
<context>
    <name>ItemPage</name>
    <message>
        <location filename="../../ui/plans/item_page.py" line="52" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/item_page.py" line="55" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>LogContactDialog</name>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="34" />
        <source>Log contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="41" />
        <source>What was said or agreed, e.g. 确认下周三来行面谈</source>
        <translation>沟通内容或约定事项，例如：确认下周三来行面谈</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="44" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="45" />
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="46" />
        <source>Direction</source>
        <translation>发起方</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/dialogs.py" line="47" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115" />
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>Calendar</source>
        <translation>日程</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>Events</source>
        <translation>客户活动</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <source>Tasks ({0})</source>
        <translation>任务（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221" />
        <source>Last sync: never</source>
        <translation>上次同步：从未</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222" />
        <source>● Offline — sync only on request</source>
        <translation>● 离线 — 仅在您要求时同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245" />
        <source>&amp;Vault</source>
        <translation>保险库(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246" />
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248" />
        <source>&amp;Banker details…</source>
        <translation>客户经理信息(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253" />
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254" />
        <source>Quick open…</source>
        <translation>快速打开…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261" />
        <source>V&amp;iew</source>
        <translation>视图(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228" />
        <source>Pending changes: {0}</source>
        <translation>待同步变更：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="301" />
        <source>Locked — {0}</source>
        <translation>已锁定 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303" />
        <source>Unlocked — {0} — opening…</source>
        <translation>已解锁 — {0} — 正在打开…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="308" />
        <source>Unlocked — {0} — {1} clients, {2} households</source>
        <translation>已解锁 — {0} — {1} 位客户，{2} 个家庭</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336" />
        <source>Building the demo book</source>
        <translation>正在生成演示客户簿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305" />
        <source>Unlocked — {0} — {1} clients</source>
        <translation>已解锁 — {0} — {1} 位客户</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="62" />
        <source>Edit meeting</source>
        <translation>编辑会面</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="62" />
        <source>New meeting</source>
        <translation>新建会面</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="75" />
        <source>Find the client: name, pinyin, initials…</source>
        <translation>查找客户：姓名、拼音、首字母…</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="80" />
        <source>e.g. 年度回顾</source>
        <translation>例如：年度回顾</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="88" />
        <source>Room, address or video link</source>
        <translation>会议室、地址或视频链接</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="89" />
        <source>1. …</source>
        <translation>1. …</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="99" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="102" />
        <source>Title</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="103" />
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="104" />
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="105" />
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="106" />
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="107" />
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/dialog.py" line="161" />
        <source>Pick the client first: type a name and choose.</source>
        <translation>请先选择客户：输入姓名后从列表中选择。</translation>
    </message>
</context>
<context>
    <name>MeetingMode</name>
    <message>
        <location filename="../../ui/meeting/mode.py" line="92" />
        <source>Meeting mode</source>
        <translation>会面模式</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/mode.py" line="105" />
        <location filename="../../ui/meeting/mode.py" line="197" />
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/mode.py" line="106" />
        <source>Full screen for the client: hides notes and tasks</source>
        <translation>全屏展示给客户：隐藏笔记和任务</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/mode.py" line="108" />
        <source>Brief PDF…</source>
        <translation>简报 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/mode.py" line="110" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/mode.py" line="155" />
        <source>{0} — {1}, {2}</source>
        <translation>{0} — {1}，{2}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/mode.py" line="159" />
        <source>{0} — note without a meeting</source>
        <translation>{0} — 无预约会面的笔记</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/mode.py" line="161" />
        <source>Meeting mode — {0}</source>
        <translation>会面模式 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/mode.py" line="197" />
        <source>Leave presentation</source>
        <translation>退出演示</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/mode.py" line="220" />
        <source>Save the meeting brief as PDF</source>
        <translation>将会面简报保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/mode.py" line="220" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/mode.py" line="239" />
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/mode.py" line="245" />
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/mode.py" line="251" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="37" />
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="39" />
        <source>e.g. 2026年市场展望论坛</source>
        <translation>例如：2026年市场展望论坛</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="43" />
        <source>e.g. 本行贵宾会所</source>
        <translation>例如：本行贵宾会所</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="44" />
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="45" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="46" />
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/client_events/dialogs.py" line="47" />
        <source>Location</source>
        <translation>地点</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <location filename="../../ui/plans/plan_dialogs.py" line="47" />
        <source>New plan</source>
        <translation>新建规划</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_dialogs.py" line="52" />
        <location filename="../../ui/plans/plan_dialogs.py" line="71" />
        <source>{0} wealth plan</source>
        <translation>{0}年度财富规划</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_dialogs.py" line="59" />
        <source>The allocation starts from the model portfolio of the client's risk level (for a household, its most cautious assessed member's).</source>
        <translation>资产配置以客户风险等级对应的模型组合为起点（家庭客户以已评估成员中风险等级最低者为准）。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_dialogs.py" line="66" />
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_dialogs.py" line="67" />
        <source>First year</source>
        <translation>起始年份</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../ui/meeting/editor.py" line="75" />
        <source>Note title</source>
        <translation>笔记标题</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="77" />
        <source>Template…</source>
        <translation>模板…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="79" />
        <source>Tags, separated by spaces</source>
        <translation>标签，以空格分隔</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="80" />
        <source>Confidential</source>
        <translation>机密</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="82" />
        <source>Lists show a confidential note masked; opening it is audited.</source>
        <translation>机密笔记在列表中以掩码显示；打开时会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="84" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="88" />
        <source># Heading, - bullet, **bold**, - [ ] action item @owner due:12-05 !high</source>
        <translation># 标题，- 列表，**加粗**，- [ ] 待办事项 @负责人 due:12-05 !high</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="96" />
        <source>Finish note</source>
        <translation>完成笔记</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="97" />
        <source>Turn the open action items (- [ ]) into tasks</source>
        <translation>将未完成的待办事项（- [ ]）转为任务</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="163" />
        <source>A template fills an empty note only.</source>
        <translation>模板只能用于空白笔记。</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="238" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="240" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="242" />
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="244" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="303" />
        <source>Write the note first.</source>
        <translation>请先输入笔记内容。</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="319" />
        <source>Tasks created: {0}</source>
        <translation>已创建任务：{0} 项</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="322" />
        <source>Tasks completed: {0}</source>
        <translation>已完成任务：{0} 项</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="324" />
        <source>No new action items: nothing to add.</source>
        <translation>没有新的待办事项，无需添加。</translation>
    </message>
    <message>
        <location filename="../../ui/meeting/editor.py" line="333" />
        <source>Not finished: {0}</source>
        <translation>未能完成：{0}</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <location filename="../../ui/plans/notes_page.py" line="22" />
        <source>Remarks on the plan: what the client asked, what to revisit</source>
        <translation>规划备注：客户提出的要求、需要再次跟进的事项</translation>
    </message>
    <message>
        <location filename="../../ui/plans/notes_page.py" line="24" />
        <source>Save notes</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <location filename="../../ui/plans/notes_page.py" line="27" />
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../ui/plans/notes_page.py" line="51" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>PackDialog</name>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="71" />
        <source>New advice pack</source>
        <translation>生成财富规划建议书</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="81" />
        <source>Both: 中文 with English beneath</source>
        <translation>中英双语：中文在上，英文在下</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="84" />
        <source>Optional: to send it by e-mail</source>
        <translation>选填：用于通过电子邮件发送</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="86" />
        <source>The same password again</source>
        <translation>再次输入相同的密码</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="89" />
        <source>With a password the PDF opens only with it. Tell the client the password by phone or text message, never in the same e-mail.</source>
        <translation>设置密码后，须输入该密码才能打开 PDF。请通过电话或短信将密码告知客户，切勿在同一封邮件中发送。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="96" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="97" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="98" />
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="104" />
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="107" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="129" />
        <source>Your certificate number or branch is not set, so the cover shows a dash for it. Set them in Vault → Banker details…</source>
        <translation>尚未设置您的从业资格证书编号或所属机构，封面上该项将显示“—”。请在“保险库 → 客户经理信息…”中设置。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="143" />
        <source>The two passwords differ. Type the same password in both boxes.</source>
        <translation>两次输入的密码不一致，请在两个输入框中输入相同的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="147" />
        <source>A password needs at least {0} characters.</source>
        <translation>密码至少需要 {0} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="152" />
        <source>Use only letters, digits and punctuation in the password (no Chinese characters or spaces): some PDF readers cannot open other passwords.</source>
        <translation>密码只能使用字母、数字和标点符号（不能含汉字或空格）：部分 PDF 阅读器无法识别其他字符的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="226" />
        <location filename="../../ui/documents/pack_dialog.py" line="229" />
        <source>No advice pack was made. {0}</source>
        <translation>未生成建议书。{0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="232" />
        <source>No advice pack was made: something went wrong (reported). Try again.</source>
        <translation>未生成建议书：出现错误（已上报），请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="242" />
        <source>Cancelled: nothing was kept.</source>
        <translation>已取消，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="252" />
        <location filename="../../ui/documents/pack_dialog.py" line="255" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="290" />
        <source>Gathering the plan and checking suitability…</source>
        <translation>正在汇总规划并检查适当性…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="291" />
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/pack_dialog.py" line="292" />
        <source>Keeping it in the vault…</source>
        <translation>正在保存到保险库…</translation>
    </message>
</context>
<context>
    <name>PlanBar</name>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="39" />
        <source>New plan…</source>
        <translation>新建规划…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="41" />
        <source>Copy for next review…</source>
        <translation>复制用于下次复核…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="43" />
        <source>Start next year's review from this plan, as a new version</source>
        <translation>以本规划为基础开始下一年度复核，生成新版本</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="46" />
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="53" />
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="80" />
        <source>{0} · v{1} · {2} — {3}</source>
        <translation>{0} · v{1} · {2} — {3}</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="117" />
        <source>presented {0}</source>
        <translation>{0} 提交客户</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="121" />
        <source>accepted {0}</source>
        <translation>{0} 客户已接受</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="123" />
        <source>declined {0}</source>
        <translation>{0} 客户已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="125" />
        <source>decided {0}</source>
        <translation>{0} 客户已决定</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="127" />
        <source>not yet presented</source>
        <translation>尚未提交客户</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="132" />
        <source>Model {0} ({1})</source>
        <translation>模型组合 {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="133" />
        <source>assumptions {0}</source>
        <translation>市场假设 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="134" />
        <source>created {0}</source>
        <translation>创建于 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="137" />
        <source>copied from version {0}</source>
        <translation>复制自第 {0} 版</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="140" />
        <source>suitability checked for {0}, the most cautious member</source>
        <translation>按风险等级最低的成员 {0} 检查适当性</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_bar.py" line="145" />
        <source>nobody is assessed: products cannot be checked</source>
        <translation>无成员完成风险评估，无法检查产品适当性</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../ui/plans/editor.py" line="44" />
        <source>Add goal…</source>
        <translation>添加目标…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/editor.py" line="45" />
        <source>No goals yet: add what the client wants the money for, and by when.</source>
        <translation>尚无目标：请添加客户的资金用途及所需时间。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/editor.py" line="51" />
        <source>Add cash flow…</source>
        <translation>添加现金流…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/editor.py" line="52" />
        <source>No cash flows yet: add income, spending and one-off sums by year.</source>
        <translation>尚无现金流：请按年份添加收入、支出和一次性收支。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/editor.py" line="59" />
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/plans/editor.py" line="60" />
        <source>Cash flows</source>
        <translation>现金流</translation>
    </message>
    <message>
        <location filename="../../ui/plans/editor.py" line="61" />
        <source>Allocation</source>
        <translation>资产配置</translation>
    </message>
    <message>
        <location filename="../../ui/plans/editor.py" line="62" />
        <source>Recommendations</source>
        <translation>推荐产品</translation>
    </message>
    <message>
        <location filename="../../ui/plans/editor.py" line="63" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <location filename="../../ui/plans/tab.py" line="111" />
        <source>New plan…</source>
        <translation>新建规划…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/tab.py" line="118" />
        <source>No plan yet</source>
        <translation>尚无规划</translation>
    </message>
    <message>
        <location filename="../../ui/plans/tab.py" line="193" />
        <source>Plans are made for a person or a household. Open the household this company or trust belongs to, and plan there.</source>
        <translation>规划只能为个人或家庭制定。请打开该公司或信托所属的家庭，在家庭中制定规划。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/tab.py" line="200" />
        <source>{0} has no plan yet. A plan records the client's goals and cash flows, proposes an allocation from the model portfolio of their risk level, recommends products that pass the suitability check, and projects how likely each goal is to be met. It needs a valid risk assessment{1}.</source>
        <translation>{0}尚无规划。规划记录客户的财务目标和现金流，依据其风险等级对应的模型组合提出资产配置建议，推荐通过适当性检查的产品，并预测各项目标的达成概率。制定规划须有有效的风险评估{1}。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/tab.py" line="206" />
        <source> (for a household, of at least one member)</source>
        <translation>（家庭客户须至少一名成员具备）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/tab.py" line="255" />
        <source>Copied as version {0} for {1}: a new draft.</source>
        <translation>已复制为{1}年度第 {0} 版，状态为草稿。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/tab.py" line="269" />
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location filename="../../ui/plans/tab.py" line="277" />
        <source>Delete the draft “{0}” with its goals, flows and products?</source>
        <translation>删除草稿“{0}”及其目标、现金流和产品？</translation>
    </message>
</context>
<context>
    <name>PlanWords</name>
    <message>
        <location filename="../../ui/plans/words.py" line="90" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/plans/words.py" line="91" />
        <source>Presented</source>
        <translation>已提交客户</translation>
    </message>
    <message>
        <location filename="../../ui/plans/words.py" line="92" />
        <source>Accepted</source>
        <translation>客户已接受</translation>
    </message>
    <message>
        <location filename="../../ui/plans/words.py" line="93" />
        <source>Declined</source>
        <translation>客户已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/plans/words.py" line="100" />
        <source>Present to client…</source>
        <translation>提交客户…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/words.py" line="101" />
        <source>Client accepted…</source>
        <translation>客户已接受…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/words.py" line="102" />
        <source>Client declined…</source>
        <translation>客户已拒绝…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/words.py" line="103" />
        <source>Back to draft</source>
        <translation>退回草稿</translation>
    </message>
    <message>
        <location filename="../../ui/plans/words.py" line="111" />
        <source>Presented to the client on {0}: read-only. Set it back to draft to change it, or record the client's decision.</source>
        <translation>已于 {0} 提交客户，只读。如需修改，请退回草稿；也可记录客户的决定。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/words.py" line="116" />
        <source>Accepted by the client on {0}: kept as evidence of the advice given. Copy it for the next review to make changes.</source>
        <translation>客户已于 {0} 接受，作为已提供建议的凭证留存。如需修改，请复制用于下次复核。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/words.py" line="120" />
        <source>Declined by the client on {0}: kept as evidence of the advice given. Copy it for the next review to start again.</source>
        <translation>客户已于 {0} 拒绝，作为已提供建议的凭证留存。如需重新制定，请复制用于下次复核。</translation>
    </message>
</context>
<context>
    <name>PortfolioTab</name>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="101" />
        <source>Allocation</source>
        <translation>资产配置</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="104" />
        <source>Value history</source>
        <translation>市值走势</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="116" />
        <source>Returns and risk</source>
        <translation>收益与风险</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="153" />
        <source>Concentration: largest position {0} at {1}; top five {2} of the portfolio.</source>
        <translation>集中度：最大持仓 {0} 占 {1}；前五大持仓合计占 {2}。</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="162" />
        <source>By asset class</source>
        <translation>按资产类别</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="163" />
        <source>By product type</source>
        <translation>按产品类型</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="164" />
        <source>By currency</source>
        <translation>按币种</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="165" />
        <source>By risk rating</source>
        <translation>按风险等级</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="185" />
        <source>TWR</source>
        <translation>时间加权收益</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="186" />
        <source>Money-weighted</source>
        <translation>资金加权收益</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="191" />
        <source>The money-weighted return (XIRR): per year for a period of a year or more; for a shorter period, over the period itself, never annualised.</source>
        <translation>资金加权收益（XIRR）：一年及以上的期间按年化列示；不足一年的期间列示该期间的收益，不作年化。</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="203" />
        <source>{0} p.a.</source>
        <translation>{0}（年化）</translation>
    </message>
    <message>
        <source>XIRR (p.a.)</source>
        <translation type="vanished">资金加权收益（年化）</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="187" />
        <source>Volatility</source>
        <translation>波动率</translation>
    </message>
    <message>
        <location filename="../../ui/clients/portfolio_tab.py" line="188" />
        <source>Max drawdown</source>
        <translation>最大回撤</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../ui/documents/preview.py" line="47" />
        <source>Preview — {0}</source>
        <translation>预览 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/documents/preview.py" line="67" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/documents/preview.py" line="69" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/documents/preview.py" line="82" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/preview.py" line="84" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/documents/preview.py" line="114" />
        <source>That password does not open it; check it and try again.</source>
        <translation>密码不正确，无法打开；请检查后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/preview.py" line="116" />
        <source>This document is locked with a password. Type it to preview.</source>
        <translation>该文件已设密码，请输入密码后预览。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/preview.py" line="122" />
        <source>This document cannot be shown here; export it and open it in a PDF reader.</source>
        <translation>该文件无法在此显示；请导出后用 PDF 阅读器打开。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/preview.py" line="141" />
        <source>Page {0} of {1}</source>
        <translation>第 {0} 页，共 {1} 页</translation>
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
        <location filename="../../ui/clients/profile_tab.py" line="128" />
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="234" />
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="254" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../ui/clients/profile_tab.py" line="262" />
        <source>Not saved: fix the fields marked in red</source>
        <translation>未保存：请修改标红的字段</translation>
    </message>
</context>
<context>
    <name>ProjectionPanel</name>
    <message>
        <location filename="../../ui/plans/projection_panel.py" line="31" />
        <source>Wealth projection</source>
        <translation>财富预测</translation>
    </message>
    <message>
        <location filename="../../ui/plans/projection_panel.py" line="32" />
        <source>In today's money</source>
        <translation>按当前购买力</translation>
    </message>
    <message>
        <location filename="../../ui/plans/projection_panel.py" line="63" />
        <source>Current</source>
        <translation>当前配置</translation>
    </message>
    <message>
        <location filename="../../ui/plans/projection_panel.py" line="64" />
        <source>Proposed</source>
        <translation>建议配置</translation>
    </message>
    <message>
        <location filename="../../ui/plans/projection_panel.py" line="65" />
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../../ui/plans/projection_panel.py" line="66" />
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/plans/projection_panel.py" line="67" />
        <source>10,000 CNY (万元)</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../ui/plans/projection_panel.py" line="76" />
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/projection_panel.py" line="79" />
        <source>Projection failed: {0}</source>
        <translation>预测失败：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/plans/projection_panel.py" line="86" />
        <source>Starts from {0}, the whole portfolio (other banks included). </source>
        <translation>起点 {0}，为客户全部资产（含他行）。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/projection_panel.py" line="92" />
        <source>Proposed: about {0} a year expected, moving {1} a year; current: {2}, {3}. Chance of running out by {4}: {5} proposed, {6} current.</source>
        <translation>建议配置：预期年化收益约 {0}，年化波动率 {1}；当前配置：{2}，{3}。至 {4} 年资金耗尽的概率：建议配置 {5}，当前配置 {6}。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/projection_panel.py" line="105" />
        <source>{0} {1:,} simulated paths, market assumptions {2}.</source>
        <translation>{0}共模拟 {1:,} 条路径，市场假设 {2}。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/projection_panel.py" line="115" />
        <source>Move the mouse over the chart for the figures of a year.</source>
        <translation>将鼠标移到图表上，可查看各年份的数据。</translation>
    </message>
</context>
<context>
    <name>QuickOpen</name>
    <message>
        <location filename="../../ui/palette.py" line="48" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="53" />
        <source>Client, pinyin, initials, last digits, or words in notes and tasks…</source>
        <translation>客户姓名、拼音、首字母、号码末位，或笔记和任务中的词语…</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="85" />
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="86" />
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="87" />
        <source>Meetings</source>
        <translation>会面</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="88" />
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="89" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="125" />
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="34" />
        <source>Receive complaint</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="42" />
        <source>What the client says went wrong, in their words</source>
        <translation>用客户自己的话记录投诉内容</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="43" />
        <source>Who handles it (default: you)</source>
        <translation>处理人（默认：您本人）</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="44" />
        <source>Received on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="45" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="46" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="47" />
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="48" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>RecommendationsModel</name>
    <message>
        <location filename="../../ui/plans/recommendations_model.py" line="33" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_model.py" line="34" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_model.py" line="35" />
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_model.py" line="36" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_model.py" line="37" />
        <source>Suitability</source>
        <translation>适当性</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_model.py" line="38" />
        <source>Rationale</source>
        <translation>推荐理由</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_model.py" line="45" />
        <source>Not suitable ({0})</source>
        <translation>不匹配（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_model.py" line="47" />
        <source>Passed {0}, {1} warning(s)</source>
        <translation>已通过（{0}），{1} 项提示</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_model.py" line="48" />
        <source>Passed {0}</source>
        <translation>已通过（{0}）</translation>
    </message>
</context>
<context>
    <name>RecommendationsPanel</name>
    <message>
        <location filename="../../ui/plans/recommendations_panel.py" line="50" />
        <source>Add product…</source>
        <translation>添加产品…</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_panel.py" line="52" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_panel.py" line="98" />
        <source>{0} products, {1} in all</source>
        <translation>共 {0} 只产品，合计 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_panel.py" line="119" />
        <source>No products recommended yet. “Add product…” lists the shelf with the suitability check for this client.</source>
        <translation>尚未推荐产品。点击“添加产品…”可查看产品清单及针对该客户的适当性检查结果。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_panel.py" line="127" />
        <source>No findings: nothing to mention to the client.</source>
        <translation>无提示事项，无需向客户特别说明。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_panel.py" line="131" />
        <source>Blocks</source>
        <translation>不得推荐</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_panel.py" line="131" />
        <source>Warning</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_panel.py" line="132" />
        <source>What to do:</source>
        <translation>处理建议：</translation>
    </message>
    <message>
        <location filename="../../ui/plans/recommendations_panel.py" line="140" />
        <source>Rationale:</source>
        <translation>推荐理由：</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="97" />
        <source>Reopen {0}</source>
        <translation>重新打开 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="99" />
        <source>Why: e.g. the client is not satisfied (optional)</source>
        <translation>原因：例如客户对处理结果不满意（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="102" />
        <source>The resolution is cleared; the audit trail keeps it.</source>
        <translation>处理结果将被清除，审计记录中仍会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="107" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="74" />
        <source>Resolve {0}</source>
        <translation>办结 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="76" />
        <source>How it was put right, and what the client accepted</source>
        <translation>如何处理，客户接受了什么</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="79" />
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/dialogs.py" line="80" />
        <source>Resolved on</source>
        <translation>办结日期</translation>
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
        <location filename="../../ui/risk/risk_tab.py" line="70" />
        <source>New assessment</source>
        <translation>重新评估</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="71" />
        <source>Save PDF of the selected one…</source>
        <translation>将所选评估保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="72" />
        <source>Compare with household member…</source>
        <translation>与家庭成员对比…</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="91" />
        <source>Assessments</source>
        <translation>评估记录</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="108" />
        <source>Only a person is assessed: assess each member.</source>
        <translation>只能对个人进行测评：请分别为每位成员测评。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="114" />
        <source>The client is in no household.</source>
        <translation>该客户不属于任何家庭。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="123" />
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="125" />
        <source>No products other than deposits may be sold or advised until assessed.</source>
        <translation>完成评估前，除存款外不得销售或推荐任何产品。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="132" />
        <source>Bearable 6-month loss: {0}.</source>
        <translation>六个月可承受亏损：{0}。</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="181" />
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="182" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/risk_tab.py" line="200" />
        <source>No other household member to compare with.</source>
        <translation>没有可对比的其他家庭成员。</translation>
    </message>
</context>
<context>
    <name>RiskWizard</name>
    <message>
        <location filename="../../ui/risk/wizard.py" line="105" />
        <source>Risk tolerance assessment — {0}</source>
        <translation>风险承受能力评估 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="138" />
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="139" />
        <location filename="../../ui/risk/wizard.py" line="198" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="200" />
        <source>{0} questions</source>
        <translation>共 {0} 题</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="201" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="206" />
        <source>Question {0} of {1}</source>
        <translation>第 {0} 题，共 {1} 题</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="210" />
        <source>Back to summary</source>
        <translation>返回汇总</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="212" />
        <source>All {0} answered</source>
        <translation>已全部作答（{0} 题）</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="256" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard.py" line="268" />
        <source>Discard the answers given so far? Nothing has been saved.</source>
        <translation>放弃已作答的内容？尚未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>RiskWords</name>
    <message>
        <location filename="../../ui/risk/common.py" line="67" />
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="68" />
        <source>Client's premises</source>
        <translation>客户处</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="69" />
        <source>Remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="76" />
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="78" />
        <source>expired on {0}</source>
        <translation>已于 {0} 过期</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="80" />
        <source>expires in {0} days ({1})</source>
        <translation>{0} 天后到期（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="81" />
        <source>valid to {0}</source>
        <translation>有效期至 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="86" />
        <source>Risk: not assessed — assess before advising</source>
        <translation>风险：未评估 — 请先评估再提供建议</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="96" />
        <source>no loss of principal</source>
        <translation>不能承受本金损失</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="97" />
        <source>up to {0}%</source>
        <translation>最多 {0}%</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="110" />
        <source>Save the assessment as PDF</source>
        <translation>将评估保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/risk/common.py" line="110" />
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
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/plans/plan_dialogs.py" line="158" />
        <source>Presenting checks the client's level and every recommended product again; a product that no longer passes stops it. The plan then becomes read-only.</source>
        <translation>提交时将再次检查客户的风险等级及每只推荐产品；如有产品不再通过，将无法提交。提交后规划变为只读。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_dialogs.py" line="161" />
        <source>Presented on</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_dialogs.py" line="164" />
        <source>Record the client's decision on the plan presented on {0}.</source>
        <translation>记录客户对 {0} 提交的规划所作的决定。</translation>
    </message>
    <message>
        <location filename="../../ui/plans/plan_dialogs.py" line="167" />
        <source>Decided on</source>
        <translation>决定日期</translation>
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
        <location filename="../../ui/risk/wizard_pages.py" line="206" />
        <source>Changed — previously: {0}</source>
        <translation>已变更 — 上次为：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="208" />
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/risk/wizard_pages.py" line="220" />
        <source>not asked</source>
        <translation>未问及</translation>
    </message>
</context>
<context>
    <name>TaskModel</name>
    <message>
        <location filename="../../ui/tasks/model.py" line="33" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/model.py" line="34" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/model.py" line="35" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/model.py" line="36" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/model.py" line="37" />
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/model.py" line="38" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/model.py" line="41" />
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/model.py" line="42" />
        <source>Normal</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/model.py" line="43" />
        <source>Low</source>
        <translation>低</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../ui/tasks/page.py" line="61" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/page.py" line="62" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/page.py" line="63" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/page.py" line="64" />
        <source>All open</source>
        <translation>全部待办</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/page.py" line="71" />
        <source>Tick a task when it is done; double-click to open the client.</source>
        <translation>完成后勾选任务；双击打开客户。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/page.py" line="137" />
        <source>Nothing here.</source>
        <translation>暂无任务。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks/page.py" line="159" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../ui/clients/timeline_model.py" line="62" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_model.py" line="63" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_model.py" line="64" />
        <source>Title</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_model.py" line="65" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_model.py" line="66" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_model.py" line="67" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_model.py" line="70" />
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_model.py" line="71" />
        <source>Held</source>
        <translation>已举行</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_model.py" line="72" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_model.py" line="73" />
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_model.py" line="74" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_model.py" line="75" />
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_model.py" line="76" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <location filename="../../ui/clients/timeline_tab.py" line="47" />
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_tab.py" line="67" />
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_tab.py" line="89" />
        <source>Open note</source>
        <translation>打开笔记</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_tab.py" line="92" />
        <source>Reopen task</source>
        <translation>重新打开任务</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_tab.py" line="92" />
        <source>Mark task done</source>
        <translation>标记任务完成</translation>
    </message>
    <message>
        <location filename="../../ui/clients/timeline_tab.py" line="137" />
        <source>{0} items shown</source>
        <translation>已显示 {0} 条</translation>
    </message>
</context>
<context>
    <name>TradesModel</name>
    <message>
        <location filename="../../ui/plans/trades_model.py" line="31" />
        <source>Asset class</source>
        <translation>资产类别</translation>
    </message>
    <message>
        <location filename="../../ui/plans/trades_model.py" line="31" />
        <source>Buy / sell</source>
        <translation>买入/卖出</translation>
    </message>
    <message>
        <location filename="../../ui/plans/trades_model.py" line="31" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/plans/trades_model.py" line="65" />
        <source>Buy</source>
        <translation>买入</translation>
    </message>
    <message>
        <location filename="../../ui/plans/trades_model.py" line="65" />
        <source>Sell</source>
        <translation>卖出</translation>
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