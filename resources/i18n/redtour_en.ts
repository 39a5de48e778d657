<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <source>在本页显示或收起地图（每页分别记住）</source>
        <translation>Show or fold the map on this tab (remembered per tab)</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>查找场馆(&amp;F)</source>
        <translation>&amp;Find venue</translation>
    </message>
    <message>
        <source>修正场馆资料(&amp;E)…</source>
        <translation>&amp;Edit venue facts…</translation>
    </message>
    <message>
        <source>恢复目录原始资料(&amp;R)</source>
        <translation>&amp;Revert to catalogue facts</translation>
    </message>
    <message>
        <source>加入行程(&amp;J)</source>
        <translation>Add to &amp;plan</translation>
    </message>
    <message>
        <source>行程规划(&amp;P)</source>
        <translation>&amp;Planner</translation>
    </message>
    <message>
        <source>回到今天(&amp;T)</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <source>显示地图(&amp;M)</source>
        <translation>Show &amp;map</translation>
    </message>
    <message>
        <source>刷新(&amp;L)</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>使用指南(&amp;G)</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>打开日志文件夹(&amp;O)</source>
        <translation>&amp;Open log folder</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>场馆(&amp;V)</source>
        <translation>&amp;Venues</translation>
    </message>
    <message>
        <source>视图(&amp;W)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>资料时间：来源所反映的时间，即该项资料最后一次被确认为真的时间（研究资料的“截至”时间，或来源本身的日期）；“日期不详”表示来源没有日期。每项资料都标出它的来源 [n]。</source>
        <extracomment>resources/fonts/PROVENANCE.md; the OFL asks for the copyright and licence to travel with the font.</extracomment>
        <translation>As of (资料时间): when the fact was last known true according to its sources (the research&apos;s &quot;as of&quot;, or the source&apos;s own date); &quot;date unknown&quot; means the sources are undated. Every fact cites its sources [n].</translation>
    </message>
    <message>
        <source>核对：只指工作人员的确认，写明日期、方式（电话核实、现场核实、官方公众号……）和核对人；可以只确认不修改，也可以同时修改。</source>
        <translation>Checked (核对): only a confirmation by staff, with the date, how (phone, on site, official WeChat account …) and who; staff may confirm a fact without changing it, or correct it.</translation>
    </message>
    <message>
        <source>推断：研究资料推断的内容，没有来源直接写明，请优先核对。</source>
        <translation>Inferred (推断): the research inferred it, no source states it; check these first.</translation>
    </message>
    <message>
        <source>检索于：场馆目录汇编（收集来源）的日期，不是任何一项资料的核对日期。</source>
        <translation>Compiled (检索于): the day the catalogue was compiled from its sources, not a check of any fact.</translation>
    </message>
    <message>
        <source>日期不详</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <source>红色寻访助手</source>
        <translation>Red Tour Assistant</translation>
    </message>
    <message>
        <source>为区、产业工会组织“百万职工红色寻访”活动：场馆目录、路线规划、参与记录。</source>
        <translation>For district and industry unions running the &quot;a million workers visit red sites&quot; activity: venue catalogue, route planning, participation records.</translation>
    </message>
    <message>
        <source>工作数据库</source>
        <translation>Working database</translation>
    </message>
    <message>
        <source>日志文件</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>地图数据</source>
        <translation>Map data</translation>
    </message>
    <message>
        <source>场馆资料来源（来源日期）</source>
        <translation>Venue data sources (source dates)</translation>
    </message>
    <message>
        <source>日期的含义</source>
        <translation>What the dates mean</translation>
    </message>
    <message>
        <source>开放时间、预约规则和电话常有变化，出行前请向场馆核实。</source>
        <translation>Opening hours, booking rules and phone numbers change often: confirm with the venue before the visit.</translation>
    </message>
    <message>
        <source>核对日期</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>涉及场馆</source>
        <translation>Venues</translation>
    </message>
    <message>
        <source>来源日期</source>
        <translation>Source date</translation>
    </message>
    <message>
        <source>关于红色寻访助手</source>
        <translation>About Red Tour Assistant</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <source>界面语言 / Language</source>
        <translation>Interface language / 界面语言</translation>
    </message>
    <message>
        <source>语言设置在重新启动程序后生效。</source>
        <translation>The language changes after a restart.</translation>
    </message>
    <message>
        <source>地图</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>允许联网加载在线底图（OpenStreetMap、天地图、高德地图）</source>
        <translation>Allow online base maps when connected (OpenStreetMap, Tianditu, AMap)</translation>
    </message>
    <message>
        <source>关闭时程序不会向网络发出任何请求，只显示离线底图和已缓存的瓦片。</source>
        <translation>When off, the program sends no request to the network and shows only the offline base map and tiles already cached.</translation>
    </message>
    <message>
        <source>在 console.tianditu.gov.cn 免费申请</source>
        <translation>Free from console.tianditu.gov.cn</translation>
    </message>
    <message>
        <source>天地图密钥（tk）</source>
        <translation>Tianditu key (tk)</translation>
    </message>
    <message>
        <source>清除缓存</source>
        <translation>Clear cache</translation>
    </message>
    <message>
        <source>已缓存瓦片</source>
        <translation>Cached tiles</translation>
    </message>
    <message>
        <source>行程单</source>
        <translation>Route sheet</translation>
    </message>
    <message>
        <source>例如：普陀区总工会</source>
        <translation>e.g. Putuo District Federation of Trade Unions</translation>
    </message>
    <message>
        <source>新建团队</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>例如：第一批 · 机电工会</source>
        <translation>e.g. Batch 1 · Machinery union</translation>
    </message>
    <message>
        <source>不关联行程</source>
        <translation>No plan</translation>
    </message>
    <message>
        <source>勾选</source>
        <translation>Tick</translation>
    </message>
    <message>
        <source>工会</source>
        <translation>Union</translation>
    </message>
    <message>
        <source>团队名称</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>参观日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>领队</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>按行程</source>
        <translation>From plan</translation>
    </message>
    <message>
        <source>查找场馆</source>
        <translation>Find a venue</translation>
    </message>
    <message>
        <source>印在每页页脚，例如联系部门和电话</source>
        <translation>Printed at the foot of every page, e.g. the contact office and phone</translation>
    </message>
    <message>
        <source>活动标题</source>
        <translation>Activity title</translation>
    </message>
    <message>
        <source>主办工会</source>
        <translation>Organising union</translation>
    </message>
    <message>
        <source>页脚联系方式</source>
        <translation>Footer contact line</translation>
    </message>
    <message>
        <source>PNG 或 JPG 图片，印在标题上方</source>
        <translation>A PNG or JPG image printed above the title</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>标志图片</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>参与记录</source>
        <translation>Participation</translation>
    </message>
    <message>
        <source>收集身份证号（仅在活动确需时开启，例如办理保险）</source>
        <translation>Collect ID card numbers (only when an activity needs them, e.g. insurance)</translation>
    </message>
    <message>
        <source>关闭时导入名册会丢弃身份证号列。</source>
        <translation>When off, roster imports drop the ID number column.</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>本机数据库（默认，单机使用）</source>
        <translation>Local database on this PC (default)</translation>
    </message>
    <message>
        <source>共享的 PostgreSQL 服务器（区总工会、市总工会多人使用）</source>
        <translation>Shared PostgreSQL server (for several users at a district or city federation)</translation>
    </message>
    <message>
        <source>保存在系统密码库中；不改则留空</source>
        <translation>Kept in the system keyring; leave empty to keep it</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>在线地理编码</source>
        <translation>Online geocoding</translation>
    </message>
    <message>
        <source>允许联网查询地址（出发地、结束地可以直接填写地址）</source>
        <translation>Look up addresses online (start and end may then be typed as addresses)</translation>
    </message>
    <message>
        <source>关闭时地址不会发送到任何网站；常用地点、场馆和“纬度,经度”照常可用。</source>
        <translation>When off, no address is sent to any website; saved places, venues and &quot;lat,lon&quot; work as usual.</translation>
    </message>
    <message>
        <source>地理编码服务</source>
        <translation>Geocoding service</translation>
    </message>
    <message>
        <source>留空使用该服务的公共地址；自建服务如 127.0.0.1:8080</source>
        <translation>Empty: the service&apos;s public address; your own server e.g. 127.0.0.1:8080</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>测试</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>服务</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>正在查询“{0}”…</source>
        <translation>Looking up “{0}”…</translation>
    </message>
    <message>
        <source>服务可以连接，但没有找到“{0}”。</source>
        <translation>The service answers, but did not find “{0}”.</translation>
    </message>
    <message>
        <source>可以使用：“{0}”在 {1:.5f}, {2:.5f}</source>
        <translation>Working: “{0}” is at {1:.5f}, {2:.5f}</translation>
    </message>
    <message>
        <source>查询失败：{0}</source>
        <translation>Lookup failed: {0}</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>数据库名</source>
        <translation>Database name</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>更换数据库在重新启动程序后生效。</source>
        <translation>A change of database takes effect after a restart.</translation>
    </message>
    <message>
        <source>当前使用：{0}</source>
        <translation>In use: {0}</translation>
    </message>
    <message>
        <source>节假日</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>连接成功（PostgreSQL {0}）</source>
        <translation>Connected (PostgreSQL {0})</translation>
    </message>
    <message>
        <source>连接失败：{0}</source>
        <translation>Connection failed: {0}</translation>
    </message>
    <message>
        <source>选择标志图片</source>
        <translation>Choose a logo image</translation>
    </message>
    <message>
        <source>图片 (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{0} 张，{1:.1f} MB</source>
        <translation>{0} tiles, {1:.1f} MB</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>无法识别开放时段“{0}”，请写成 09:00-16:30/16:00</source>
        <translation>Cannot read the opening period &quot;{0}&quot;; write it as 09:00-16:30/16:00</translation>
    </message>
    <message>
        <source>电话核实</source>
        <translation>By phone</translation>
    </message>
    <message>
        <source>现场核实</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>官方公众号</source>
        <translation>Official WeChat account</translation>
    </message>
    <message>
        <source>官方网站</source>
        <translation>Official website</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>WGS-84（GPS、OpenStreetMap、天地图）</source>
        <translation>WGS-84 (GPS, OpenStreetMap, Tianditu)</translation>
    </message>
    <message>
        <source>GCJ-02（高德、腾讯地图）</source>
        <translation>GCJ-02 (AMap, Tencent Maps)</translation>
    </message>
    <message>
        <source>BD-09（百度地图）</source>
        <translation>BD-09 (Baidu Maps)</translation>
    </message>
    <message>
        <source>坐标应为两个数字：纬度、经度，如 31.2304, 121.4737</source>
        <translation>Coordinates are two numbers, latitude and longitude, e.g. 31.2304, 121.4737</translation>
    </message>
    <message>
        <source>坐标 {0}, {1} 不在上海范围内（纬度 {2}–{3}，经度 {4}–{5}）；纬度和经度是否写反了？</source>
        <translation>Coordinates {0}, {1} are outside Shanghai (latitude {2}–{3}, longitude {4}–{5}); are latitude and longitude swapped?</translation>
    </message>
    <message>
        <source>修正场馆资料 — {0}</source>
        <translation>Edit venue facts — {0}</translation>
    </message>
    <message>
        <source>待核实</source>
        <translation>to be verified</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>开放时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>已知开放时间</source>
        <translation>Opening hours known</translation>
    </message>
    <message>
        <source>如 09:00-11:30/11:00; 13:00-16:30/16:00（斜杠后为停止入馆时间）</source>
        <translation>e.g. 09:00-11:30/11:00; 13:00-16:30/16:00 (last entry after the slash)</translation>
    </message>
    <message>
        <source>{0}闭馆</source>
        <translation>Closed {0}</translation>
    </message>
    <message>
        <source>闭馆日遇法定节假日照常开放</source>
        <translation>Opens on public holidays that fall on a closing day</translation>
    </message>
    <message>
        <source>开放时段</source>
        <translation>Periods</translation>
    </message>
    <message>
        <source>预约</source>
        <translation>Booking</translation>
    </message>
    <message>
        <source>需要预约</source>
        <translation>Booking required</translation>
    </message>
    <message>
        <source>无需预约</source>
        <translation>No booking needed</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>是否预约</source>
        <translation>Booking</translation>
    </message>
    <message>
        <source>至少提前</source>
        <translation>At least</translation>
    </message>
    <message>
        <source>预约方式</source>
        <translation>How to book</translation>
    </message>
    <message>
        <source>位置（坐标）</source>
        <translation>Location (coordinates)</translation>
    </message>
    <message>
        <source>纬度，如 31.2304</source>
        <translation>Latitude, e.g. 31.2304</translation>
    </message>
    <message>
        <source>经度，如 121.4737</source>
        <translation>Longitude, e.g. 121.4737</translation>
    </message>
    <message>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>坐标系</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>核对人，如：王老师</source>
        <translation>Checked by, e.g. Ms Wang</translation>
    </message>
    <message>
        <source>如：接线人李老师，确认周一闭馆</source>
        <translation>e.g. Mr Li on the phone confirmed the Monday closure</translation>
    </message>
    <message>
        <source>核对无误（内容不变，只记录核对）</source>
        <translation>Checked and correct (value unchanged, only the check is recorded)</translation>
    </message>
    <message>
        <source>核对方式</source>
        <translation>Checked how</translation>
    </message>
    <message>
        <source>核对人</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>修改和核对只保存在本机数据库中，目录更新时不会被覆盖；详情中会标明“本地修改”和“核对”。</source>
        <translation>Corrections and checks are saved only in this database and survive catalogue updates; the details mark them &quot;local edit&quot; and &quot;checked&quot;.</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>费用</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>建议参观时长</source>
        <translation>Suggested visit length</translation>
    </message>
    <message>
        <source>团队人数上限</source>
        <translation>Group size limit</translation>
    </message>
    <message>
        <source>简介</source>
        <translation>History</translation>
    </message>
    <message>
        <source>场馆容量：{0}</source>
        <translation>Venue capacity: {0}</translation>
    </message>
    <message>
        <source>不修改</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>如：馆方电话 王老师</source>
        <translation>e.g. phone call with the venue, Ms Wang</translation>
    </message>
    <message>
        <source>核实日期</source>
        <translation>Checked on</translation>
    </message>
    <message>
        <source>信息来源</source>
        <translation>Who said so</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>没有修改任何一项</source>
        <translation>Nothing was changed</translation>
    </message>
    <message>
        <source>红色寻访助手 — 百万职工红色寻访</source>
        <extracomment>The catalogue after a local correction (list[Venue]); pages holding venues subscribe. Changes (storage/changes.py): what a finished write changed, from any page. The one relay: pages subscribe here instead of to each other (ui/operations.py announces every write&apos;s changes). The database is attached: the pages and the catalogue are in the frame (``attach``).</extracomment>
        <translation>Red Tour Assistant — a million workers visit red sites</translation>
    </message>
    <message>
        <source>在线底图未开启（设置 → 地图）：只显示已缓存的瓦片。</source>
        <translation>Online base maps are off (Settings → Map): only cached tiles are shown.</translation>
    </message>
    <message>
        <source>添加场馆</source>
        <translation>Add venue</translation>
    </message>
    <message>
        <source>在 {0:.5f}, {1:.5f} 添加本地场馆，名称：</source>
        <translation>Add a local venue at {0:.5f}, {1:.5f}. Name:</translation>
    </message>
    <message>
        <source>在地图上选取</source>
        <translation>picked on the map</translation>
    </message>
    <message>
        <source>修正场馆资料</source>
        <translation>Edit venue facts</translation>
    </message>
    <message>
        <source>请先在列表中选择一个场馆。</source>
        <translation>Select a venue in the list first.</translation>
    </message>
    <message>
        <source>场馆目录</source>
        <translation>Venues</translation>
    </message>
    <message>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>行程规划</source>
        <translation>Planner</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>加入行程</source>
        <translation>Add to plan</translation>
    </message>
    <message>
        <source>已将“{0}”加入行程</source>
        <translation>Added “{0}” to the plan</translation>
    </message>
    <message>
        <source>“{0}”暂无位置，地图上没有标出</source>
        <translation>“{0}” has no location yet and is not on the map</translation>
    </message>
    <message>
        <source>保存失败：{0}</source>
        <translation>Could not save: {0}</translation>
    </message>
    <message>
        <source>已保存对“{0}”的本地修正</source>
        <translation>Saved local corrections to &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>放置场馆</source>
        <translation>Place venue</translation>
    </message>
    <message>
        <source>请先在左侧列表中选择要放在地图上的场馆。</source>
        <translation>First select, in the list on the left, the venue to put on the map.</translation>
    </message>
    <message>
        <source>把“{0}”从原位置移到 {1:.5f}, {2:.5f}（WGS-84）？</source>
        <translation>Move &quot;{0}&quot; from its current position to {1:.5f}, {2:.5f} (WGS-84)?</translation>
    </message>
    <message>
        <source>把“{0}”放在 {1:.5f}, {2:.5f}（WGS-84）？</source>
        <translation>Put &quot;{0}&quot; at {1:.5f}, {2:.5f} (WGS-84)?</translation>
    </message>
    <message>
        <source>保存为本机的本地修正（今天的日期），可随时恢复目录资料。</source>
        <translation>Saved as a local correction dated today; the catalogue data can be restored at any time.</translation>
    </message>
    <message>
        <source>已把“{0}”放在地图上</source>
        <translation>Put &quot;{0}&quot; on the map</translation>
    </message>
    <message>
        <source>恢复目录原始资料</source>
        <translation>Revert to catalogue facts</translation>
    </message>
    <message>
        <source>删除对“{0}”的全部本地修正，恢复场馆目录中的资料？</source>
        <translation>Delete all local corrections to &quot;{0}&quot; and show the catalogue facts again?</translation>
    </message>
    <message>
        <source>界面语言或数据库将在重新启动后切换。</source>
        <translation>The language or database will change after a restart.</translation>
    </message>
    <message>
        <source>使用指南</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>没有找到使用指南文件：{0}</source>
        <translation>User guide not found: {0}</translation>
    </message>
    <message>
        <source>出错了</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>详细记录已写入日志文件：
{0}</source>
        <translation>Details were written to the log file:
{0}</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>当日状态</source>
        <translation>Status that day</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>开放</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>闭馆</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>需提前{0}天</source>
        <translation>{0} days ahead</translation>
    </message>
    <message>
        <source>需预约</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>搜索：名称、别名、拼音或首字母（如 gzh）、英文</source>
        <translation>Search: name, alias, pinyin or initials (e.g. gzh), English</translation>
    </message>
    <message>
        <source>行程</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>包车</source>
        <translation>Chartered coach</translation>
    </message>
    <message>
        <source>地铁+步行</source>
        <translation>Metro + walking</translation>
    </message>
    <message>
        <source>步行</source>
        <translation>Walking</translation>
    </message>
    <message>
        <source>午餐</source>
        <translation>Lunch</translation>
    </message>
    <message>
        <source>出行安排</source>
        <translation>Trip</translation>
    </message>
    <message>
        <source>新建团队…</source>
        <translation>New group…</translation>
    </message>
    <message>
        <source>导入名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <source>下载名册模板…</source>
        <translation>Save roster template…</translation>
    </message>
    <message>
        <source>团队（参观日）</source>
        <translation>Groups (visit days)</translation>
    </message>
    <message>
        <source>与其他单位交换</source>
        <translation>Exchange with other offices</translation>
    </message>
    <message>
        <source>导出本工会的交换包…</source>
        <translation>Export this union&apos;s exchange package…</translation>
    </message>
    <message>
        <source>导入交换包…</source>
        <translation>Import exchange package…</translation>
    </message>
    <message>
        <source>导入其他单位导出的参与记录（Excel/CSV）…</source>
        <translation>Import another office&apos;s participation log (Excel/CSV)…</translation>
    </message>
    <message>
        <source>签到场馆</source>
        <translation>Check-in venue</translation>
    </message>
    <message>
        <source>搜索姓名、单位或手机尾号</source>
        <translation>Search name, work unit or last digits of mobile</translation>
    </message>
    <message>
        <source>搜索名单</source>
        <translation>Search the list</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>全不选</source>
        <translation>Select none</translation>
    </message>
    <message>
        <source>签到所选人员</source>
        <translation>Check in selected</translation>
    </message>
    <message>
        <source>按签到表签到…</source>
        <translation>Check in from sign-in sheet…</translation>
    </message>
    <message>
        <source>搜索人员</source>
        <translation>Search people</translation>
    </message>
    <message>
        <source>工号</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>新建活动…</source>
        <translation>New campaign…</translation>
    </message>
    <message>
        <source>修改活动…</source>
        <translation>Edit campaign…</translation>
    </message>
    <message>
        <source>导入报名表…</source>
        <translation>Import requests…</translation>
    </message>
    <message>
        <source>下载报名表模板…</source>
        <translation>Download request template…</translation>
    </message>
    <message>
        <source>排程</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>日期范围</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>必去场馆</source>
        <translation>Must visit</translation>
    </message>
    <message>
        <source>排定</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>双击团队，在地图上显示其路线；右键可打印行程单</source>
        <translation>Double-click a group to show its route on the map; right-click for its route sheet</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>标为已预约…</source>
        <translation>Mark booked…</translation>
    </message>
    <message>
        <source>标为已确认</source>
        <translation>Mark confirmed</translation>
    </message>
    <message>
        <source>标为已取消</source>
        <translation>Mark cancelled</translation>
    </message>
    <message>
        <source>退回待预约</source>
        <translation>Back to to-book</translation>
    </message>
    <message>
        <source>名额</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>报名</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>已排</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>已参加</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>双击工会设置名额</source>
        <translation>Double-click a union to set its quota</translation>
    </message>
    <message>
        <source>添加团队…</source>
        <translation>Add group…</translation>
    </message>
    <message>
        <source>修改团队…</source>
        <translation>Edit group…</translation>
    </message>
    <message>
        <source>报名团队</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>场馆日历</source>
        <translation>Venue calendar</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>还没有活动：点“新建活动…”开始</source>
        <translation>No campaign yet: click “New campaign…” to start</translation>
    </message>
    <message>
        <source>{0}：{1} 个团队，报名 {2} 人，已排 {3} 人，已参加 {4} 人</source>
        <translation>{0}: {1} groups, {2} people requested, {3} scheduled, {4} attended</translation>
    </message>
    <message>
        <source>；目标 {0} 人</source>
        <translation>; target {0} people</translation>
    </message>
    <message>
        <source>未排</source>
        <translation>not scheduled</translation>
    </message>
    <message>
        <source>（容量待核实）</source>
        <translation> (capacity to be verified)</translation>
    </message>
    <message>
        <source>{0} 的名额（人，0 为不限）：</source>
        <translation>Quota of {0} (people, 0 for none):</translation>
    </message>
    <message>
        <source>{0} 还没有排定</source>
        <translation>{0} is not scheduled yet</translation>
    </message>
    <message>
        <source>{0}人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <source>保存报名表模板</source>
        <translation>Save request template</translation>
    </message>
    <message>
        <source>活动报名表.xlsx</source>
        <translation>campaign-requests.xlsx</translation>
    </message>
    <message>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <source>请先新建活动</source>
        <translation>Create a campaign first</translation>
    </message>
    <message>
        <source>请先在列表中选择一个团队</source>
        <translation>Select a group in the list first</translation>
    </message>
    <message>
        <source>撤回 {0} {1}？其排程和预约一并删除。</source>
        <translation>Withdraw {0} {1}? Its schedule and bookings are deleted too.</translation>
    </message>
    <message>
        <source>撤回团队</source>
        <translation>Withdraw group</translation>
    </message>
    <message>
        <source>已撤回 {0}，删除 {1} 条预约；请重新排程</source>
        <translation>Withdrew {0} and deleted {1} bookings; please re-schedule</translation>
    </message>
    <message>
        <source>请先在场馆日历中选择一个场馆</source>
        <translation>Select a venue in the venue calendar first</translation>
    </message>
    <message>
        <source>场馆当天闭馆…</source>
        <translation>Venue closed that day…</translation>
    </message>
    <message>
        <source>场馆容量…</source>
        <translation>Venue capacity…</translation>
    </message>
    <message>
        <source>记录 {0} {1} 闭馆？当天在该馆的预约将取消，重新排程时这些团队会改期。</source>
        <translation>Record {0} as closed on {1}? Bookings there that day are cancelled, and re-scheduling moves those groups.</translation>
    </message>
    <message>
        <source>场馆当天闭馆</source>
        <translation>Venue closed that day</translation>
    </message>
    <message>
        <source>已记录 {0} {1} 闭馆</source>
        <translation>Recorded {0} closed on {1}</translation>
    </message>
    <message>
        <source>；已取消 {0} 的预约，请重新排程</source>
        <translation>; cancelled the bookings of {0}, please re-schedule</translation>
    </message>
    <message>
        <source>在地图上显示路线</source>
        <translation>Show the route on the map</translation>
    </message>
    <message>
        <source>行程单…</source>
        <translation>Route sheet…</translation>
    </message>
    <message>
        <source>保存行程单</source>
        <translation>Save route sheet</translation>
    </message>
    <message>
        <source>导入报名表</source>
        <translation>Import requests</translation>
    </message>
    <message>
        <source>正在排程…</source>
        <translation>Scheduling…</translation>
    </message>
    <message>
        <source>已找到 {0} 个方案，用时 {1:.0f} 秒</source>
        <translation>{0} solutions found in {1:.0f} s</translation>
    </message>
    <message>
        <source>正在停止，保留目前最好的方案…</source>
        <translation>Stopping; keeping the best schedule so far…</translation>
    </message>
    <message>
        <source>未证明最优</source>
        <translation>not proven optimal</translation>
    </message>
    <message>
        <source>已排 {0} 个团队、{1} 人，{2} 个未排；{3}</source>
        <translation>Scheduled {0} groups, {1} people, {2} not scheduled; {3}</translation>
    </message>
    <message>
        <source>；改动：{0}</source>
        <translation>; moved: {0}</translation>
    </message>
    <message>
        <source>已预约</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>场馆给的预约号：</source>
        <translation>Venue&apos;s reference number:</translation>
    </message>
    <message>
        <source>确认人：</source>
        <translation>Confirmed by:</translation>
    </message>
    <message>
        <source>团队</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>人员名册</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>个场馆</source>
        <translation>venues</translation>
    </message>
    <message>
        <source>共 {0} 人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <source>共 {0} 条参与记录（人次）</source>
        <translation>{0} visit records</translation>
    </message>
    <message>
        <source>还没有团队。先“导入名册”，再“新建团队”，即可在此签到。</source>
        <translation>No groups yet. Import a roster, then create a group to check people in here.</translation>
    </message>
    <message>
        <source>，领队 {0}</source>
        <translation>, leader {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&#x3000;{1}&#x3000;{2}{3}&lt;br&gt;行程：{4}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&#x3000;{1}&#x3000;{2}{3}&lt;br&gt;Route: {4}</translation>
    </message>
    <message>
        <source>全部 {0} 个场馆</source>
        <translation>All {0} venues</translation>
    </message>
    <message>
        <source>已签到</source>
        <translation>checked in</translation>
    </message>
    <message>
        <source>已签 {0}/{1}</source>
        <translation>checked in {0}/{1}</translation>
    </message>
    <message>
        <source>名单 {0} 人，已勾选 {1} 人</source>
        <translation>{0} on the roster, {1} ticked</translation>
    </message>
    <message>
        <source>签到失败：{0}</source>
        <translation>Check-in failed: {0}</translation>
    </message>
    <message>
        <source>签到 {0} 人</source>
        <translation>Check in {0} people</translation>
    </message>
    <message>
        <source>{0}，新增 {1} 条参与记录（Ctrl+Z 撤销）</source>
        <translation>{0}: {1} visit records added (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <source>选择签到表</source>
        <translation>Choose sign-in sheet</translation>
    </message>
    <message>
        <source>签到表 (*.xlsx *.xls *.csv)</source>
        <translation>Sign-in sheets (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>第 {0} 行：{1}</source>
        <translation>Row {0}: {1}</translation>
    </message>
    <message>
        <source>签到表中有无法匹配的行，未记录任何签到：
{0}</source>
        <translation>Some rows of the sign-in sheet match nobody; nothing was recorded:
{0}</translation>
    </message>
    <message>
        <source>按签到表签到 {0} 人</source>
        <translation>Checked in {0} people from the sheet</translation>
    </message>
    <message>
        <source>{0}，新增 {1} 条参与记录</source>
        <translation>{0}: {1} visit records added</translation>
    </message>
    <message>
        <source>保存名册模板</source>
        <translation>Save roster template</translation>
    </message>
    <message>
        <source>红色寻访名册模板.xlsx</source>
        <translation>roster-template.xlsx</translation>
    </message>
    <message>
        <source>无法保存 {0}：{1}</source>
        <translation>Cannot save {0}: {1}</translation>
    </message>
    <message>
        <source>名册模板</source>
        <translation>Roster template</translation>
    </message>
    <message>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <source>选择参与记录（redtour 导出的 .xlsx/.csv）</source>
        <translation>Choose a participation log (a redtour .xlsx/.csv export)</translation>
    </message>
    <message>
        <source>参与记录 (*.xlsx *.csv)</source>
        <translation>Participation logs (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>文件有错误或冲突，未导入任何记录：
{0}</source>
        <translation>The file has errors or conflicts; nothing was imported:
{0}</translation>
    </message>
    <message>
        <source>导入参与记录</source>
        <translation>Import participation log</translation>
    </message>
    <message>
        <source>新增 {0} 条参与记录（新增人员 {1} 人）；{2} 条本机已有，未重复导入。</source>
        <translation>{0} visit records added ({1} new people); {2} were already here and were not duplicated.</translation>
    </message>
    <message>
        <source>导出交换包</source>
        <translation>Export exchange package</translation>
    </message>
    <message>
        <source>还没有任何工会的名册。</source>
        <translation>No union has a roster yet.</translation>
    </message>
    <message>
        <source>导出哪个工会（含其下属基层工会）：</source>
        <translation>Which union (with its grassroots unions):</translation>
    </message>
    <message>
        <source>保存交换包</source>
        <translation>Save exchange package</translation>
    </message>
    <message>
        <source>{0}_交换包.zip</source>
        <translation>{0}_exchange.zip</translation>
    </message>
    <message>
        <source>交换包 (*.zip)</source>
        <translation>Exchange packages (*.zip)</translation>
    </message>
    <message>
        <source>已导出 {0} 人、{1} 个团队、{2} 条参与记录。
交换包含完整手机号，请通过安全渠道传递，用后删除。</source>
        <translation>Exported {0} people, {1} groups and {2} visit records.
The package contains full mobile numbers: send it by a safe channel and delete it after use.</translation>
    </message>
    <message>
        <source>选择交换包</source>
        <translation>Choose exchange package</translation>
    </message>
    <message>
        <source>交换包中有不符合名册规则的记录，未导入任何内容：
{0}</source>
        <translation>The package has records that break the roster rules; nothing was imported:
{0}</translation>
    </message>
    <message>
        <source>交换包与本机记录有冲突，未导入任何内容：
{0}</source>
        <translation>The package conflicts with records on this PC; nothing was imported:
{0}</translation>
    </message>
    <message>
        <source>导入交换包</source>
        <translation>Import exchange package</translation>
    </message>
    <message>
        <source>新增 {0} 人、{1} 个团队、{2} 条参与记录；{3} 条记录本机已有。</source>
        <translation>Added {0} people, {1} groups and {2} visit records; {3} records were already here.</translation>
    </message>
    <message>
        <source>交换包与本机记录有冲突</source>
        <translation>The package conflicts with records here</translation>
    </message>
    <message>
        <source>以下记录两边不同，尚未导入任何内容：
{0}</source>
        <translation>These records differ between the two offices; nothing has been imported yet:
{0}</translation>
    </message>
    <message>
        <source>以本机内容为准并导入交换包的其余内容吗？</source>
        <translation>Keep this office&apos;s version of those records and import the rest of the package?</translation>
    </message>
    <message>
        <source>出发地</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>结束地</source>
        <translation>End</translation>
    </message>
    <message>
        <source>出发，最晚</source>
        <translation>departure, back by</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>return</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>修改团队</source>
        <translation>Edit group</translation>
    </message>
    <message>
        <source>添加团队</source>
        <translation>Add group</translation>
    </message>
    <message>
        <source>场馆名称或简称，用“、”分隔</source>
        <translation>Venue names or short names, separated by “、”</translation>
    </message>
    <message>
        <source>场馆名称，或“纬度,经度”</source>
        <translation>A venue name, or “lat,lon”</translation>
    </message>
    <message>
        <source>加入必去</source>
        <translation>Add as must-visit</translation>
    </message>
    <message>
        <source>加入可选</source>
        <translation>Add as optional</translation>
    </message>
    <message>
        <source>设为出发地</source>
        <translation>Set as start</translation>
    </message>
    <message>
        <source>人数超过场馆团队上限时可拆分为小组</source>
        <translation>May be split into sub-groups when larger than a venue allows</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>最早日期</source>
        <translation>Earliest date</translation>
    </message>
    <message>
        <source>最晚日期</source>
        <translation>Latest date</translation>
    </message>
    <message>
        <source>不可出行星期</source>
        <translation>Weekdays not possible</translation>
    </message>
    <message>
        <source>可选场馆</source>
        <translation>Optional venues</translation>
    </message>
    <message>
        <source>交通方式</source>
        <translation>Travel by</translation>
    </message>
    <message>
        <source>出发时间</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>最晚返回</source>
        <translation>Return by</translation>
    </message>
    <message>
        <source>领队手机</source>
        <translation>Leader mobile</translation>
    </message>
    <message>
        <source>{0} 已在列表中。</source>
        <translation>{0} is already in the list.</translation>
    </message>
    <message>
        <source>午休</source>
        <translation>Lunch break</translation>
    </message>
    <message>
        <source>必去</source>
        <translation>Must visit</translation>
    </message>
    <message>
        <source>参观(分钟)</source>
        <translation>Visit (min)</translation>
    </message>
    <message>
        <source>必去：优化时不会舍弃</source>
        <translation>Must visit: the optimiser never drops it</translation>
    </message>
    <message>
        <source>可选：时间不够时可舍弃</source>
        <translation>Optional: dropped when time runs short</translation>
    </message>
    <message>
        <source>场馆资料中的参观时长</source>
        <translation>The visit length from the venue&apos;s record</translation>
    </message>
    <message>
        <source>参观时长（分钟）</source>
        <translation>Visit length (minutes)</translation>
    </message>
    <message>
        <source>输入场馆名、拼音或首字母，如 gzh</source>
        <translation>Venue name, pinyin or initials, e.g. gzh</translation>
    </message>
    <message>
        <source>加入</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>区待核实</source>
        <translation>district to be verified</translation>
    </message>
    <message>
        <source>无位置</source>
        <translation>no location</translation>
    </message>
    <message>
        <source>请输入场馆名称、拼音或首字母。</source>
        <translation>Type a venue name, its pinyin or its initials.</translation>
    </message>
    <message>
        <source>没有找到与“{0}”匹配的场馆。</source>
        <translation>No venue matches “{0}”.</translation>
    </message>
    <message>
        <source>“{0}”对应 {1} 个场馆（{2}…），请从下拉列表中选择一个。</source>
        <translation>“{0}” matches {1} venues ({2}…); choose one from the drop-down list.</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>参观场馆</source>
        <translation>Venues to visit</translation>
    </message>
    <message>
        <source>优化顺序</source>
        <translation>Optimise order</translation>
    </message>
    <message>
        <source>在开放时间、午餐和返回时间内，选出交通时间最少的参观顺序</source>
        <translation>Choose the order with the least travel time that keeps opening hours, lunch and the return time</translation>
    </message>
    <message>
        <source>按列表顺序计算</source>
        <translation>Compute in list order</translation>
    </message>
    <message>
        <source>打印行程单…</source>
        <translation>Print route sheet…</translation>
    </message>
    <message>
        <source>导出行程单 PDF…</source>
        <translation>Export route sheet PDF…</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>返回出发地</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <source>地图选点</source>
        <translation>Point on the map</translation>
    </message>
    <message>
        <source>例如：普陀区总工会门口</source>
        <translation>e.g. Putuo District Trade Union, main gate</translation>
    </message>
    <message>
        <source>地图选点 {0:.5f}, {1:.5f}</source>
        <translation>Map point {0:.5f}, {1:.5f}</translation>
    </message>
    <message>
        <source>保存为常用地点</source>
        <translation>Save as a saved place</translation>
    </message>
    <message>
        <source>坐标 {0:.5f}, {1:.5f}</source>
        <translation>Coordinates {0:.5f}, {1:.5f}</translation>
    </message>
    <message>
        <source>地点名称</source>
        <translation>Place name</translation>
    </message>
    <message>
        <source>★ {0}</source>
        <translation>★ {0}</translation>
    </message>
    <message>
        <source>加入场馆</source>
        <translation>Add venue</translation>
    </message>
    <message>
        <source>移除场馆</source>
        <translation>Remove venue</translation>
    </message>
    <message>
        <source>请选择出发地</source>
        <translation>Please choose a start point</translation>
    </message>
    <message>
        <source>请先加入至少一个场馆。</source>
        <translation>Please add at least one venue first.</translation>
    </message>
    <message>
        <source>正在计算行程…</source>
        <translation>Planning…</translation>
    </message>
    <message>
        <source>计算时间</source>
        <translation>Compute times</translation>
    </message>
    <message>
        <source>行程已更新</source>
        <translation>Plan updated</translation>
    </message>
    <message>
        <source>无法安排行程：</source>
        <translation>No plan possible: </translation>
    </message>
    <message>
        <source>常用地点…</source>
        <translation>Saved places…</translation>
    </message>
    <message>
        <source>重命名或删除保存的常用地点</source>
        <translation>Rename or delete saved places</translation>
    </message>
    <message>
        <source>无法安排行程</source>
        <translation>No plan possible</translation>
    </message>
    <message>
        <source>计算行程时出错：{0}</source>
        <translation>Error while planning: {0}</translation>
    </message>
    <message>
        <source>调整顺序</source>
        <translation>Reorder</translation>
    </message>
    <message>
        <source>请先计算行程，再打印行程单。</source>
        <translation>Compute the plan first, then print its route sheet.</translation>
    </message>
    <message>
        <source>正在生成行程单…</source>
        <translation>Preparing the route sheet…</translation>
    </message>
    <message>
        <source>导出行程单</source>
        <translation>Export route sheet</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <source>已导出 {0}</source>
        <translation>Exported {0}</translation>
    </message>
    <message>
        <source>参观路线</source>
        <translation>Visit route</translation>
    </message>
    <message>
        <source>返回 {0}，交通共 {1} 分钟、{2:.1f} 公里</source>
        <translation>Back at {0}; travel {1} min, {2:.1f} km</translation>
    </message>
    <message>
        <source>常用地点、场馆、“纬度,经度”或地址</source>
        <translation>Saved place, venue, “lat,lon” or address</translation>
    </message>
    <message>
        <source>出发地已设为“{0}”</source>
        <translation>Start set to “{0}”</translation>
    </message>
    <message>
        <source>结束地已设为“{0}”</source>
        <translation>End set to “{0}”</translation>
    </message>
    <message>
        <source>保存常用地点失败：{0}</source>
        <translation>Could not save the place: {0}</translation>
    </message>
    <message>
        <source>正在查询地址…</source>
        <translation>Looking up the address…</translation>
    </message>
    <message>
        <source>{0} 已在参观场馆中。</source>
        <translation>{0} is already in the list of venues.</translation>
    </message>
    <message>
        <source>已加入 {0}</source>
        <translation>Added {0}</translation>
    </message>
    <message>
        <source>午餐 {0}–{1}</source>
        <translation>lunch {0}–{1}</translation>
    </message>
    <message>
        <source>已证明最优</source>
        <translation>proven optimal</translation>
    </message>
    <message>
        <source>按给定顺序</source>
        <translation>in the given order</translation>
    </message>
    <message>
        <source>启发式结果</source>
        <translation>heuristic result</translation>
    </message>
    <message>
        <source>空白签到表</source>
        <translation>Blank sign-in sheet</translation>
    </message>
    <message>
        <source>签到表</source>
        <translation>Sign-in sheet</translation>
    </message>
    <message>
        <source>按哪个团队的名单打印签到表？</source>
        <translation>Print the sign-in sheet with which group&apos;s roster?</translation>
    </message>
    <message>
        <source>（未保存的行程）</source>
        <translation>(unsaved plan)</translation>
    </message>
    <message>
        <source>有 {0} 个场馆已不在目录中，已略去</source>
        <translation>{0} venues are no longer in the catalogue and were left out</translation>
    </message>
    <message>
        <source>{0} 参观行程</source>
        <translation>Visit plan {0}</translation>
    </message>
    <message>
        <source>保存行程</source>
        <translation>Save plan</translation>
    </message>
    <message>
        <source>行程名称：</source>
        <translation>Plan name:</translation>
    </message>
    <message>
        <source>已保存行程“{0}”</source>
        <translation>Saved plan “{0}”</translation>
    </message>
    <message>
        <source>已复制为“{0}”</source>
        <translation>Duplicated as “{0}”</translation>
    </message>
    <message>
        <source>重命名行程</source>
        <translation>Rename plan</translation>
    </message>
    <message>
        <source>常用地点</source>
        <translation>Saved places</translation>
    </message>
    <message>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>在地图上右键“从这里出发/到这里结束”，勾选“保存为常用地点”即可添加。</source>
        <translation>To add one, right-click the map, choose &quot;Start here&quot;/&quot;End here&quot; and tick &quot;Save as a saved place&quot;.</translation>
    </message>
    <message>
        <source>新名称：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <source>重命名常用地点</source>
        <translation>Rename saved place</translation>
    </message>
    <message>
        <source>未能重命名：{0}</source>
        <translation>Not renamed: {0}</translation>
    </message>
    <message>
        <source>已将“{0}”改名为“{1}”</source>
        <translation>Renamed “{0}” to “{1}”</translation>
    </message>
    <message>
        <source>删除常用地点“{0}”？已保存的行程不受影响。</source>
        <translation>Delete the saved place “{0}”? Saved plans are not affected.</translation>
    </message>
    <message>
        <source>删除常用地点</source>
        <translation>Delete saved place</translation>
    </message>
    <message>
        <source>已删除“{0}”</source>
        <translation>Deleted “{0}”</translation>
    </message>
    <message>
        <source>删除行程</source>
        <translation>Delete plan</translation>
    </message>
    <message>
        <source>删除行程“{0}”？此操作不能撤销。</source>
        <translation>Delete plan “{0}”? This cannot be undone.</translation>
    </message>
    <message>
        <source>搜索场馆</source>
        <translation>Search venues</translation>
    </message>
    <message>
        <source>修正资料…</source>
        <translation>Edit facts…</translation>
    </message>
    <message>
        <source>电话或实地核实后，在本机修正这个场馆的资料</source>
        <translation>Correct this venue&apos;s facts on this computer after checking by phone or on site</translation>
    </message>
    <message>
        <source>选中后在地图上右键“把所选场馆放在这里”，或在“修正资料…”中输入坐标</source>
        <translation>Select it, then right-click the map and choose &quot;Put the selected venue here&quot;, or type coordinates in &quot;Correct data…&quot;</translation>
    </message>
    <message>
        <source>{0} 个场馆暂无位置，地图上没有标出：</source>
        <translation>{0} venues have no location yet and are not on the map:</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>显示 {0} / {1} 个场馆</source>
        <translation>Showing {0} of {1} venues</translation>
    </message>
    <message>
        <source>（推断）</source>
        <translation> (inferred)</translation>
    </message>
    <message>
        <source>{0} — {1} · 地址：{2}</source>
        <translation>{0} — {1} · address: {2}</translation>
    </message>
    <message>
        <source>高</source>
        <translation>high</translation>
    </message>
    <message>
        <source>中</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>低</source>
        <translation>low</translation>
    </message>
    <message>
        <source>日期未填</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>本地修改</source>
        <translation>local</translation>
    </message>
    <message>
        <source>{0}年节假日安排未录入，仅按每周规则判断</source>
        <translation>The {0} holiday schedule has not been entered; weekly rules only</translation>
    </message>
    <message>
        <source>资料日期 {0}</source>
        <translation>dated {0}</translation>
    </message>
    <message>
        <source>推断</source>
        <translation>inferred</translation>
    </message>
    <message>
        <source>资料时间 {0}</source>
        <translation>as of {0}</translation>
    </message>
    <message>
        <source>来源 {0}</source>
        <translation>sources {0}</translation>
    </message>
    <message>
        <source>核对：{0}</source>
        <translation>Checked: {0}</translation>
    </message>
    <message>
        <source>{0} 状态</source>
        <translation>Status on {0}</translation>
    </message>
    <message>
        <source>由 {0} 换算</source>
        <translation>converted from {0}</translation>
    </message>
    <message>
        <source>（小场馆：大团队请分批）</source>
        <translation>(small venue: split large groups)</translation>
    </message>
    <message>
        <source>来自场馆目录，资料检索于 {0}（汇编日期，不是核对日期）</source>
        <translation>From the venue catalogue, compiled {0} (the compilation day, not a check)</translation>
    </message>
    <message>
        <source>可信度 {0}</source>
        <translation>confidence {0}</translation>
    </message>
    <message>
        <source>坐标</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <source>（无法在地图上标出或排入路线）</source>
        <translation> (cannot be shown on the map or routed)</translation>
    </message>
    <message>
        <source>是否需要预约：</source>
        <translation>Booking required: </translation>
    </message>
    <message>
        <source>至少提前 {0} 天</source>
        <translation>at least {0} days ahead</translation>
    </message>
    <message>
        <source>方式：</source>
        <translation>how: </translation>
    </message>
    <message>
        <source>场地规模</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>{0} 分钟</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>（规划时按 60 分钟计）</source>
        <translation> (planned as 60 min)</translation>
    </message>
    <message>
        <source>别名</source>
        <translation>Also known as</translation>
    </message>
    <message>
        <source>现状</source>
        <translation>Status notes</translation>
    </message>
    <message>
        <source>资料来源</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>本地添加的场馆</source>
        <translation>Venue added locally</translation>
    </message>
    <message>
        <source>通知点位</source>
        <translation>In the 2021 notice</translation>
    </message>
    <message>
        <source>序</source>
        <extracomment>The venue ids in the order the user dropped them.</extracomment>
        <translation>#</translation>
    </message>
    <message>
        <source>场馆</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>到达</source>
        <translation>Arrive</translation>
    </message>
    <message>
        <source>入馆</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>离开</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>路程(分钟)</source>
        <translation>Travel (min)</translation>
    </message>
    <message>
        <source>公里</source>
        <translation>km</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>（可选）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <source>等候开馆（{0} 分钟）</source>
        <translation>Waiting for opening ({0} min)</translation>
    </message>
    <message>
        <source>导出参与记录</source>
        <translation>Export participation log</translation>
    </message>
    <message>
        <source>Excel 工作簿（.xlsx）：汇总 + 明细</source>
        <translation>Excel workbook (.xlsx): summary + detail</translation>
    </message>
    <message>
        <source>CSV（.csv，UTF-8 带 BOM，Excel/WPS 可直接打开）</source>
        <translation>CSV (.csv, UTF-8 with BOM, opens directly in Excel/WPS)</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>导出完整手机号（个人信息，须说明用途并记入审计日志）</source>
        <translation>Export full mobile numbers (personal data: give a reason; recorded in the audit log)</translation>
    </message>
    <message>
        <source>用途，例如：保险登记</source>
        <translation>Purpose, e.g. insurance registration</translation>
    </message>
    <message>
        <source>筛选：{0}</source>
        <translation>Filter: {0}</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>导出完整手机号须填写用途。</source>
        <translation>Please give the purpose of exporting full mobile numbers.</translation>
    </message>
    <message>
        <source>导出完整手机号</source>
        <translation>Export full mobile numbers</translation>
    </message>
    <message>
        <source>文件将包含完整手机号，请妥善保管、用后删除。此次导出会记入审计日志。继续吗？</source>
        <translation>The file will contain full mobile numbers: keep it safe and delete it after use. This export is recorded in the audit log. Continue?</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>合并（已登记）</source>
        <translation>Merged (already registered)</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>导入名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <source>选择 .xlsx、.xls 或 .csv 文件</source>
        <translation>Choose an .xlsx, .xls or .csv file</translation>
    </message>
    <message>
        <source>不加入团队名单</source>
        <translation>Do not add to a group roster</translation>
    </message>
    <message>
        <source>同时导入身份证号（仅在活动确需时）</source>
        <translation>Also import ID numbers (only when the activity needs them)</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>导入到工会</source>
        <translation>Into union</translation>
    </message>
    <message>
        <source>团队名单</source>
        <translation>Group roster</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>选择名册</source>
        <translation>Choose roster</translation>
    </message>
    <message>
        <source>名册 (*.xlsx *.xls *.csv)</source>
        <translation>Rosters (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>请选择文件并填写工会名称。</source>
        <translation>Choose a file and enter the union&apos;s name.</translation>
    </message>
    <message>
        <source>正在读取并检查…</source>
        <translation>Reading and checking…</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>已读取 {0} 行…</source>
        <translation>{0} rows read…</translation>
    </message>
    <message>
        <source>已停止，数据库未改动。</source>
        <translation>Stopped; the database is unchanged.</translation>
    </message>
    <message>
        <source>新增 {0} 人，合并 {1} 人（已登记），跳过 {2} 行，错误 {3} 行</source>
        <translation>{0} new, {1} merged (already registered), {2} rows skipped, {3} rows with errors</translation>
    </message>
    <message>
        <source>有错误时整份名册不会导入：请在表格中改正标红的行后重新检查。</source>
        <translation>A roster with errors is not imported at all: correct the rows marked red in the sheet and check again.</translation>
    </message>
    <message>
        <source>注意：这份文件此前已经导入过。</source>
        <translation>Note: this file has been imported before.</translation>
    </message>
    <message>
        <source>不导入的列：{0}</source>
        <translation>Columns not imported: {0}</translation>
    </message>
    <message>
        <source>导入完成。</source>
        <translation>Import complete.</translation>
    </message>
    <message>
        <source>（仅列出前 {0} 个可导入的行）</source>
        <translation>(only the first {0} importable rows are listed)</translation>
    </message>
    <message>
        <source>按工会</source>
        <translation>By union</translation>
    </message>
    <message>
        <source>按场馆</source>
        <translation>By venue</translation>
    </message>
    <message>
        <source>按月份</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <source>新建活动</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>修改活动</source>
        <translation>Edit campaign</translation>
    </message>
    <message>
        <source>统计方式</source>
        <translation>Group by</translation>
    </message>
    <message>
        <source>未设定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>To</translation>
    </message>
    <message>
        <source>完成 %p%</source>
        <translation>%p% reached</translation>
    </message>
    <message>
        <source>目标人数</source>
        <translation>Target (people)</translation>
    </message>
    <message>
        <source>全部场馆</source>
        <translation>All venues</translation>
    </message>
    <message>
        <source>全部工会</source>
        <translation>All unions</translation>
    </message>
    <message>
        <source>统计失败：{0}</source>
        <translation>Statistics failed: {0}</translation>
    </message>
    <message>
        <source>人数 &lt;b&gt;{0}&lt;/b&gt;&#x3000;人次 &lt;b&gt;{1}&lt;/b&gt;</source>
        <translation>People &lt;b&gt;{0}&lt;/b&gt;&#x3000;Visits &lt;b&gt;{1}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>人次</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>（前 {0} 名）</source>
        <translation>(top {0})</translation>
    </message>
    <message>
        <source>已导出 {0} 条记录到 {1}</source>
        <translation>Exported {0} records to {1}</translation>
    </message>
    <message>
        <source>无法连接数据库服务器</source>
        <translation>Cannot reach the database server</translation>
    </message>
    <message>
        <source>可以输入密码重试，或改用本机数据库（之后可在“设置 → 数据库”中重新选择服务器）。</source>
        <translation>Enter the password to retry, or use this PC&apos;s database instead (the server can be chosen again in Settings ▸ Database).</translation>
    </message>
    <message>
        <source>输入密码…</source>
        <translation>Enter password…</translation>
    </message>
    <message>
        <source>改用本机数据库</source>
        <translation>Use this PC&apos;s database</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>数据库密码</source>
        <translation>Database password</translation>
    </message>
    <message>
        <source>{0} 的密码：</source>
        <translation>Password for {0}:</translation>
    </message>
    <message>
        <source>放假安排第{0}行应写成“节日 开始日期 结束日期”</source>
        <translation>Holiday line {0} should read “name start-date end-date”</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>通知文号</source>
        <translation>Notice number</translation>
    </message>
    <message>
        <source>通知网址</source>
        <translation>Notice URL</translation>
    </message>
    <message>
        <source>录入新一年的节假日安排（国务院办公厅通知）</source>
        <translation>Enter a new year&apos;s holiday schedule (State Council notice)</translation>
    </message>
    <message>
        <source>例如：国办发明电〔2025〕7号</source>
        <translation>e.g. 国办发明电〔2025〕7号</translation>
    </message>
    <message>
        <source>每行一个节日：节日 开始日期 结束日期
例如：春节 2026-02-15 2026-02-23</source>
        <translation>One holiday per line: name start-date end-date
e.g. 春节 2026-02-15 2026-02-23</translation>
    </message>
    <message>
        <source>调休上班的周六、周日，用空格分隔，例如：2026-02-14 2026-02-28</source>
        <translation>Saturdays/Sundays that are working days, separated by spaces, e.g. 2026-02-14 2026-02-28</translation>
    </message>
    <message>
        <source>通知日期</source>
        <translation>Notice date</translation>
    </message>
    <message>
        <source>放假安排</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>调休上班日</source>
        <translation>Make-up working days</translation>
    </message>
    <message>
        <source>保存这一年</source>
        <translation>Save this year</translation>
    </message>
    <message>
        <source>从文件导入…</source>
        <translation>Import from file…</translation>
    </message>
    <message>
        <source>未打开数据库，无法录入节假日安排。</source>
        <translation>No database is open: holiday schedules cannot be entered.</translation>
    </message>
    <message>
        <source>未采用（已有内置官方数据）：</source>
        <translation>Not used (official data is bundled): </translation>
    </message>
    <message>
        <source>已知 {0}–{1} 年的法定节假日与调休安排；其他年份只按场馆的每周规则判断。</source>
        <translation>Holidays and make-up working days are known for {0}–{1}; other years use the venues&apos; weekly rules only.</translation>
    </message>
    <message>
        <source>未保存，请修改：</source>
        <translation>Not saved, please correct:</translation>
    </message>
    <message>
        <source>已保存{0}年的节假日安排（{1}）。</source>
        <translation>Saved the {0} holiday schedule ({1}).</translation>
    </message>
    <message>
        <source>该年已有内置官方数据，程序仍使用内置数据。</source>
        <translation> Official data for that year is bundled and stays in use.</translation>
    </message>
    <message>
        <source>导入节假日安排</source>
        <translation>Import a holiday schedule</translation>
    </message>
    <message>
        <source>节假日文件 (*.toml *.json *.csv)</source>
        <translation>Holiday files (*.toml *.json *.csv)</translation>
    </message>
    <message>
        <source>不是 redtour 的数据库</source>
        <extracomment>Qt-free modules the window needs (SQLAlchemy and the storage layer are most of the Python start-up time). They are imported on a helper thread while the main thread runs the event loop, so the map page loads in the web engine meanwhile. Nothing here may import Qt: a Qt call from a second thread while the GUI thread waits for the interpreter lock can deadlock (tests/e2e/test_startup_imports.py checks it).</extracomment>
        <translation>Not a redtour database</translation>
    </message>
    <message>
        <source>仍要在该文件中添加 redtour 的数据表吗？（会先备份该文件）</source>
        <translation>Add redtour&apos;s tables to this file anyway? (The file is backed up first.)</translation>
    </message>
    <message>
        <source>行程长图</source>
        <translation>Long image</translation>
    </message>
    <message>
        <source>显示完整手机号（默认显示为 138****5678）</source>
        <translation>Show the full mobile number (default: 138****5678)</translation>
    </message>
    <message>
        <source>带队人</source>
        <translation>Group leader</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>分享…</source>
        <translation>Share…</translation>
    </message>
    <message>
        <source>行程长图（发微信群）…</source>
        <translation>Long image (for WeChat groups)…</translation>
    </message>
    <message>
        <source>日历文件 .ics…</source>
        <translation>Calendar file .ics…</translation>
    </message>
    <message>
        <source>导航文件 GPX/KML，WGS-84（奥维、两步路）…</source>
        <translation>Navigation file GPX/KML, WGS-84 (OvitalMap, 2bulu)…</translation>
    </message>
    <message>
        <source>导航文件 GPX/KML，GCJ-02（高德、腾讯地图）…</source>
        <translation>Navigation file GPX/KML, GCJ-02 (Amap, Tencent Maps)…</translation>
    </message>
    <message>
        <source>请先计算行程，再分享。</source>
        <translation>Compute the itinerary first, then share it.</translation>
    </message>
    <message>
        <source>保存日历文件</source>
        <translation>Save calendar file</translation>
    </message>
    <message>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <source>保存导航文件</source>
        <translation>Save navigation file</translation>
    </message>
    <message>
        <source>GPX 文件 (*.gpx);;KML 文件 (*.kml)</source>
        <translation>GPX files (*.gpx);;KML files (*.kml)</translation>
    </message>
    <message>
        <source>保存行程长图</source>
        <translation>Save long image</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>生成通知…</source>
        <translation>Notice…</translation>
    </message>
    <message>
        <source>给所选工会的通知：所选期间内各团队的日期、路线、集合地点和注意事项（Word 可编辑，或 PDF）</source>
        <translation>Notice to the chosen union: its groups&apos; dates, routes, meeting points and reminders in the chosen period (editable Word, or PDF)</translation>
    </message>
    <message>
        <source>请先在“工会”中选择要发通知的工会。</source>
        <translation>First choose the union to notify under &quot;Union&quot;.</translation>
    </message>
    <message>
        <source>保存通知</source>
        <translation>Save notice</translation>
    </message>
    <message>
        <source>{0}红色寻访通知</source>
        <translation>{0} red heritage visit notice</translation>
    </message>
    <message>
        <source>已导出 {0}（{1} 个团队）</source>
        <translation>Exported {0} ({1} groups)</translation>
    </message>
    <message>
        <source>正在生成通知…</source>
        <translation>Building the notice…</translation>
    </message>
    <message>
        <source>生成报告…</source>
        <translation>Report…</translation>
    </message>
    <message>
        <source>活动情况报告：总数与目标、按工会、场馆、月份，附图表（Word 可编辑，或 PDF）</source>
        <translation>Activity report: totals against the target, by union, venue and month, with charts (editable Word, or PDF)</translation>
    </message>
    <message>
        <source>保存活动情况报告</source>
        <translation>Save activity report</translation>
    </message>
    <message>
        <source>活动情况报告</source>
        <translation>Activity report</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx);;PDF 文件 (*.pdf)</source>
        <translation>Word documents (*.docx);;PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>正在生成报告…</source>
        <translation>Building the report…</translation>
    </message>
    <message>
        <source>行程（可拖动行，或选中后按 ↑/↓ 按钮、Alt+↑/↓ 调整顺序，时间会重新计算）</source>
        <translation>Itinerary (drag rows, or select one and use ↑/↓ or Alt+↑/↓ to reorder; times are recomputed)</translation>
    </message>
    <message>
        <source>上移所选场馆（Alt+↑）</source>
        <translation>Move the selected venue up (Alt+↑)</translation>
    </message>
    <message>
        <source>下移所选场馆（Alt+↓）</source>
        <translation>Move the selected venue down (Alt+↓)</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>所有场馆：</source>
        <translation>All venues: </translation>
    </message>
</context>
</TS>
