"""Editorial content of the demo events, in English and Simplified Chinese.

Policy facts are public (China's national carbon market and its 2025 expansion, the
CCER relaunch, the EU CBAM, the green manufacturing system). Universities and
research institutes are real; every person, and the association, its members, the
bank, fund, verifier, advisers and the "Jiangnan" provincial bureaus, are fictitious.
"""

# --- Topics, shared with the policy library ------------------------------------------

TOPICS = [
    # slug, English, Chinese
    ("carbon-accounting", "Carbon accounting and disclosure", "碳核算与信息披露"),
    ("green-manufacturing", "Green manufacturing", "绿色制造"),
    ("energy-efficiency", "Energy efficiency", "节能与能效"),
    ("renewable-energy", "Renewable energy", "可再生能源"),
    ("hydrogen", "Hydrogen", "氢能"),
    ("circular-economy", "Circular economy", "循环经济"),
    ("carbon-markets", "Carbon markets", "碳市场"),
    ("supply-chain-decarbonisation", "Supply-chain decarbonisation", "供应链脱碳"),
    ("eod-financing", "EOD financing", "EOD模式与融资"),
    ("biodiversity", "Biodiversity", "生物多样性"),
    ("green-finance", "Green finance", "绿色金融"),
    ("climate-policy", "Climate policy and regulation", "气候政策与法规"),
]

# --- People and organisations ----------------------------------------------------------

ASSOCIATION = ("Low-Carbon Manufacturers Association", "低碳制造商协会")
JIANGNAN_DEE = ("Jiangnan Provincial Department of Ecology and Environment", "江南省生态环境厅")
JIANGNAN_MIIT = ("Jiangnan Provincial Department of Industry and Information Technology", "江南省工业和信息化厅")

# key: (name, name_zh, title, title_zh, (organisation, organisation_zh) or a member company's
# position in demo.members.company_specs(), bio)
SPEAKERS = {
    "zhou-lihua": (
        "Zhou Lihua", "周丽华", "Professor", "教授",
        ("Institute of Climate Change and Sustainable Development, Tsinghua University", "清华大学气候变化与可持续发展研究院"),
        "Works on emission pathways for China's industrial sectors and on how carbon prices reach manufacturers' investment decisions.",
    ),
    "chen-haoran": (
        "Chen Haoran", "陈浩然", "Associate Professor", "副教授",
        ("School of Environmental Science and Engineering, Shanghai Jiao Tong University", "上海交通大学环境科学与工程学院"),
        "Leads a life-cycle assessment group that builds product carbon footprint data for chemicals and materials.",
    ),
    "guo-yanping": (
        "Guo Yanping", "郭彦平", "Professor", "教授",
        ("College of Environmental Sciences and Engineering, Peking University", "北京大学环境科学与工程学院"),
        "Researches corporate greenhouse gas inventories and the measurement, reporting and verification behind them.",
    ),
    "he-jiawei": (
        "He Jiawei", "何嘉伟", "Research Fellow", "研究员",
        ("Dalian Institute of Chemical Physics, Chinese Academy of Sciences", "中国科学院大连化学物理研究所"),
        "Develops electrolysers and the catalysts that turn green hydrogen into methanol and ammonia.",
    ),
    "sun-yuqing": (
        "Sun Yuqing", "孙雨晴", "Associate Professor", "副教授",
        ("College of Environmental Science and Engineering, Tongji University", "同济大学环境科学与工程学院"),
        "Studies plastics recycling and how product design decides what can be recovered at end of life.",
    ),
    "lin-zhiyuan": (
        "Lin Zhiyuan", "林志远", "Professor", "教授",
        ("College of Energy Engineering, Zhejiang University", "浙江大学能源工程学院"),
        "Tests high-temperature industrial heat pumps and advises plants on electrifying steam.",
    ),
    "wu-xinyi": (
        "Wu Xinyi", "吴欣怡", "Lecturer", "讲师",
        ("School of Chemical Engineering and Technology, Tianjin University", "天津大学化工学院"),
        "Works on process integration, heat recovery and CO2 utilisation in fine chemicals.",
    ),
    "tang-wenbo": (
        "Tang Wenbo", "唐文博", "Associate Professor", "副教授",
        ("School of Energy and Power Engineering, Huazhong University of Science and Technology", "华中科技大学能源与动力工程学院"),
        "Models power markets and the contracts through which factories buy wind, solar and hydropower.",
    ),
    "gao-ruolan": (
        "Gao Ruolan", "高若兰", "Associate Professor", "副教授",
        ("School of Environment, Nanjing University", "南京大学环境学院"),
        "An ecologist who surveys wetlands and industrial land and designs monitoring for restoration projects.",
    ),
    "martina-keller": (
        "Martina Keller", "玛蒂娜·凯勒", "Head of Sustainability, Greater China", "大中华区可持续发展负责人", 0,
        "Set her company's ladder of targets in China, from an emissions peak to a neutral supply chain.",
    ),
    "liang-qiao": (
        "Liang Qiao", "梁乔", "Director, Energy and EHS", "能源与环境健康安全总监", 2,
        "Buys green electricity for a dozen plants and runs the company's compliance with the national carbon market.",
    ),
    "hiroshi-tanaka": (
        "Hiroshi Tanaka", "田中宏", "Vice President, Operations China", "中国区运营副总裁", 7,
        "Responsible for the company's Tianjin site and its green hydrogen pilot.",
    ),
    "zhao-min": (
        "Zhao Min", "赵敏", "Carbon Management Lead", "碳管理负责人", 3,
        "Built product carbon footprints for several thousand products and answers customers' carbon questionnaires.",
    ),
    "pierre-durand": (
        "Pierre Durand", "皮埃尔·杜兰", "Plant Director, Chengdu", "成都工厂厂长", 10,
        "Led the project that replaced his plant's coal-fired boiler with an electrode boiler and heat pumps.",
    ),
    "feng-lei": (
        "Feng Lei", "冯磊", "Procurement Director, Asia Pacific", "亚太区采购总监", 5,
        "Runs the supplier carbon programme that asks the company's 300 largest suppliers for product-level data.",
    ),
    "huang-zhenyu": (
        "Huang Zhenyu", "黄振宇", "Deputy Director-General", "副厅长", JIANGNAN_DEE,
        "Oversees the province's carbon peaking plan and its ecological restoration programmes.",
    ),
    "ma-xiaoling": (
        "Ma Xiaoling", "马晓玲", "Chief, Climate Change Division", "应对气候变化处处长", JIANGNAN_DEE,
        "Supervises the province's companies in the national carbon market, from monitoring plans to compliance.",
    ),
    "qian-jun": (
        "Qian Jun", "钱俊", "Deputy Chief, Industrial Energy Conservation Division", "节能与综合利用处副处长", JIANGNAN_MIIT,
        "Reviews the province's green factory applications and its industrial energy-saving programmes.",
    ),
    "deng-yawen": (
        "Deng Yawen", "邓雅雯", "Head of Green Finance, Shanghai Branch", "上海分行绿色金融部总经理", ("Eastbridge Bank", "东桥银行"),
        "Structures green loans, sustainability-linked loans and the bank's lending to EOD programmes.",
    ),
    "luo-jiahui": (
        "Luo Jiahui", "罗嘉慧", "Investment Director", "投资总监", ("Lianhe Green Capital", "联合绿色资本"),
        "Invests in ecological restoration and clean-energy projects alongside local governments.",
    ),
    "xie-hongtao": (
        "Xie Hongtao", "谢洪涛", "Chief Verifier", "首席核查员", ("Huayan Carbon Verification Centre", "华研碳核查中心"),
        "Has verified emissions reports for power, steel and chemical companies since the pilot carbon markets.",
    ),
    "katrin-vogel": (
        "Katrin Vogel", "卡特琳·福格尔", "Senior Researcher, Industrial Decarbonisation", "工业脱碳高级研究员",
        ("Fraunhofer Institute for Systems and Innovation Research ISI", "弗劳恩霍夫系统与创新研究所"),
        "Works on carbon border measures and the data that importers and producers exchange under them.",
    ),
    "eleanor-hart": (
        "Eleanor Hart", "埃莉诺·哈特", "Partner, Trade and Climate", "贸易与气候事务合伙人",
        ("Hartley & Moss Advisory", "哈特利与莫斯咨询"),
        "Advises European importers and their Asian suppliers on CBAM reporting and customers' carbon requirements.",
    ),
    "ye-qing": (
        "Ye Qing", "叶青", "Secretary-General", "秘书长", ASSOCIATION,
        "Has led the association's secretariat since it began publishing members' pledges and yearly progress.",
    ),
    "lu-yifan": (
        "Lu Yifan", "陆一凡", "Programme Manager, Events and Training", "活动与培训项目经理", ASSOCIATION,
        "Runs the association's seminars, open days and university programmes.",
    ),
}  # fmt: skip

# key: (name, name_zh, website); a website only for fictitious organisations.
PARTNERS = {
    "tsinghua": ("Institute of Climate Change and Sustainable Development, Tsinghua University", "清华大学气候变化与可持续发展研究院", ""),
    "sjtu": ("School of Environmental Science and Engineering, Shanghai Jiao Tong University", "上海交通大学环境科学与工程学院", ""),
    "pku": ("College of Environmental Sciences and Engineering, Peking University", "北京大学环境科学与工程学院", ""),
    "dicp": ("Dalian Institute of Chemical Physics, Chinese Academy of Sciences", "中国科学院大连化学物理研究所", ""),
    "tongji": ("College of Environmental Science and Engineering, Tongji University", "同济大学环境科学与工程学院", ""),
    "zju": ("College of Energy Engineering, Zhejiang University", "浙江大学能源工程学院", ""),
    "tju": ("School of Chemical Engineering and Technology, Tianjin University", "天津大学化工学院", ""),
    "hust": ("School of Energy and Power Engineering, Huazhong University of Science and Technology", "华中科技大学能源与动力工程学院", ""),
    "nju": ("School of Environment, Nanjing University", "南京大学环境学院", ""),
    "fraunhofer": ("Fraunhofer Institute for Systems and Innovation Research ISI", "弗劳恩霍夫系统与创新研究所", ""),
    "jiangnan": (*JIANGNAN_DEE, "https://sthjt.jiangnan.example.org/"),
    "huayan": ("Huayan Carbon Verification Centre", "华研碳核查中心", "https://www.huayan-carbon.example.org/"),
    "eastbridge": ("Eastbridge Bank", "东桥银行", "https://www.eastbridge-bank.example.com/"),
    "lianhe": ("Lianhe Green Capital", "联合绿色资本", "https://www.lianhe-green.example.com/"),
    "hartley-moss": ("Hartley & Moss Advisory", "哈特利与莫斯咨询", "https://www.hartleymoss.example.com/"),
}  # fmt: skip

# --- Places ------------------------------------------------------------------------------

CITY_ZH = {
    "Shanghai": "上海", "Beijing": "北京", "Suzhou": "苏州", "Guangzhou": "广州", "Shenzhen": "深圳",
    "Tianjin": "天津", "Chengdu": "成都", "Hangzhou": "杭州", "Nanjing": "南京", "Wuhan": "武汉",
}  # fmt: skip

# city: (venue, venue_zh, address, address_zh); pages show the city under the address.
VENUES = {
    "Shanghai": ("Association training centre", "协会培训中心",
                 "18F, 1000 Century Avenue, Pudong", "浦东新区世纪大道1000号18楼"),
    "Beijing": ("Haidian Science Park Conference Centre", "海淀科技园会议中心",
                "Zhongguancun Street, Haidian District", "海淀区中关村大街"),
    "Suzhou": ("Suzhou Industrial Park Low-Carbon Service Centre", "苏州工业园区低碳服务中心",
               "Jinji Lake Avenue, Suzhou Industrial Park", "工业园区金鸡湖大道"),
    "Guangzhou": ("Pazhou Convention Annex", "琶洲会展附楼",
                  "Yuejiang Middle Road, Haizhu District", "海珠区阅江中路"),
    "Shenzhen": ("Qianhai Green Finance Centre", "前海绿色金融中心",
                 "Qianwan 1st Road, Nanshan District", "南山区前湾一路"),
    "Tianjin": ("Binhai Chemical Park Visitor Centre", "滨海化工园区访客中心",
                "Binhai New Area", "滨海新区"),
    "Chengdu": ("Tianfu Conference Centre", "天府会议中心",
                "Tianfu Avenue, High-tech Zone", "高新区天府大道"),
    "Hangzhou": ("Xixi Innovation Hall", "西溪创新会堂",
                 "Wenyi West Road, Yuhang District", "余杭区文一西路"),
    "Nanjing": ("Jiangbei Green Development Centre", "江北绿色发展中心",
                "Jiangbei New Area", "江北新区"),
    "Wuhan": ("Optics Valley Conference Centre", "光谷会议中心",
              "Optics Valley Avenue, East Lake High-tech Zone", "东湖高新区光谷大道"),
}  # fmt: skip

# partner key: (city, venue, venue_zh, address, address_zh)
CAMPUSES = {
    "tsinghua": ("Beijing", "Lecture hall, Institute of Climate Change and Sustainable Development, Tsinghua University",
                 "清华大学气候变化与可持续发展研究院报告厅", "30 Shuangqing Road, Haidian District", "海淀区双清路30号"),
    "sjtu": ("Shanghai", "School of Environmental Science and Engineering, Shanghai Jiao Tong University, Minhang campus",
             "上海交通大学闵行校区环境科学与工程学院", "800 Dongchuan Road, Minhang District", "闵行区东川路800号"),
    "tongji": ("Shanghai", "College of Environmental Science and Engineering, Tongji University, Siping Road campus",
               "同济大学四平路校区环境科学与工程学院", "1239 Siping Road, Yangpu District", "杨浦区四平路1239号"),
    "zju": ("Hangzhou", "College of Energy Engineering, Zhejiang University, Yuquan campus",
            "浙江大学玉泉校区能源工程学院", "38 Zheda Road, Xihu District", "西湖区浙大路38号"),
    "tju": ("Tianjin", "School of Chemical Engineering and Technology, Tianjin University, Peiyang Park campus",
            "天津大学北洋园校区化工学院", "135 Yaguan Road, Jinnan District", "津南区雅观路135号"),
    "hust": ("Wuhan", "School of Energy and Power Engineering, Huazhong University of Science and Technology",
             "华中科技大学能源与动力工程学院", "1037 Luoyu Road, Hongshan District", "洪山区珞喻路1037号"),
    "nju": ("Nanjing", "School of Environment, Nanjing University, Xianlin campus",
            "南京大学仙林校区环境学院", "163 Xianlin Avenue, Qixia District", "栖霞区仙林大道163号"),
}  # fmt: skip

# Chinese for demo.members.PLANT_WORDS, by sector value.
PLANT_WORDS_ZH = {
    "chemicals": "化工基地", "materials": "材料工厂", "energy": "能源中心", "automotive": "零部件工厂",
    "pharma": "制药工厂", "electronics": "电子工厂", "machinery": "工厂", "consumer": "工厂", "food": "食品工厂",
    "logistics": "物流中心",
}  # fmt: skip
PLANT_DIRECTIONS = (
    "Directions and the gate to use are sent to registered visitors.",
    "具体路线和入口将发送给已报名的参观者。",
)

# --- What each kind of event is like -----------------------------------------------------

KIND_TEXT = {
    "open-day": (
        "<h2>Before you come</h2><ul>"
        "<li>Bring the identity document you registered with: the gate checks names against the list.</li>"
        "<li>Wear flat, closed shoes and long trousers; helmets, glasses and ear protection are provided.</li>"
        "<li>Photography is not allowed in production areas.</li>"
        "<li>The tour has stairs and about two kilometres of walking; tell us in the form if you need another route.</li>"
        "</ul>",
        "<h2>参观须知</h2><ul>"
        "<li>请携带报名时填写的身份证件，门岗将核对名单。</li>"
        "<li>请穿平底封闭鞋和长裤；现场提供安全帽、护目镜和耳塞。</li>"
        "<li>生产区域禁止拍照。</li>"
        "<li>参观路线包括楼梯，步行约两公里；如需其他路线，请在报名表中说明。</li>"
        "</ul>",
    ),
    "university": (
        "<h2>Who it is for</h2><p>Engineers and sustainability staff of member companies, with researchers and "
        "graduate students of the host university. Companies are welcome to bring a problem from their own plants: "
        "the afternoon matches them with research groups.</p>",
        "<h2>参加对象</h2><p>会员企业的工程技术和可持续发展人员，以及承办高校的研究人员和研究生。"
        "欢迎企业带来自身工厂的实际问题，下午的环节将为其对接相关研究团队。</p>",
    ),
    "seminar": (
        "<h2>Who should attend</h2><p>Energy managers, EHS and sustainability staff, and anyone who prepares carbon "
        "data for customers or regulators. No prior knowledge of the standards is assumed; the slides are shared "
        "with participants afterwards.</p>",
        "<h2>适合人群</h2><p>能源经理、EHS和可持续发展人员，以及所有需要为客户或监管部门准备碳数据的人员。"
        "无需事先了解相关标准；会后将向参会者分享演示文稿。</p>",
    ),
    "forum": (
        "<h2>Format</h2><p>Plenary sessions have simultaneous interpretation between Chinese and English and are "
        "streamed live; panels leave time for questions from the floor and from online participants. The second "
        "morning is for working groups of member companies.</p>",
        "<h2>会议形式</h2><p>全体会议提供中英同声传译并同步网络直播；圆桌讨论预留现场和线上提问时间。"
        "第二天上午为会员企业分组讨论。</p>",
    ),
    "webinar": (
        "<h2>How to join</h2><p>The link opens the stream in a browser; no software is needed. Type your questions "
        "during the talks: they are answered at the end. A recording is shared with registered participants "
        "afterwards.</p>",
        "<h2>参会方式</h2><p>点击链接即可在浏览器中观看直播，无需安装软件。演讲期间可随时文字提问，"
        "问题将在最后集中解答。会后将向报名者分享录像。</p>",
    ),
}

ROLES = {
    "keynote": ("Keynote", "主旨演讲"),
    "speaker": ("Speaker", "演讲嘉宾"),
    "panellist": ("Panellist", "圆桌嘉宾"),
    "moderator": ("Moderator", "主持人"),
    "host": ("Host", "东道主"),
}

# Gallery pictures (demo.pictures.PHOTO_SCENES order) with their captions.
PHOTO_CAPTIONS = [
    ("The opening session", "开幕环节"),
    ("The panel discussion", "圆桌讨论"),
    ("On the plant tour", "工厂参观"),
    ("In the laboratory", "走进实验室"),
    ("Conversations during the break", "茶歇交流"),
    ("Working groups", "分组讨论"),
    ("Student posters", "学生海报展示"),
    ("On the solar roof", "屋顶光伏参观"),
]
PHOTOS_BY_KIND = {  # positions in PHOTO_CAPTIONS, most fitting first
    "open-day": [2, 7, 4, 0],
    "university": [3, 6, 5, 0],
    "seminar": [0, 4, 5, 1],
    "forum": [0, 1, 4, 5],
}

# --- Themes: the subject of an event, its speakers, talks and slides ---------------------

# Each talk: (title, title_zh, speaker key). Events of a theme use three of its four talks.
THEMES = {
    "scope3": {
        "topics": ["carbon-accounting", "supply-chain-decarbonisation"],
        "heroes": (7, 6),
        "about": (
            "<p>For most manufacturers, Scope 3, the emissions in the value chain and above all in purchased goods "
            "and services, is several times larger than Scopes 1 and 2 together. Yet most inventories still estimate "
            "it from spend, multiplying what was paid by an average emission factor, so a supplier that cuts its "
            "emissions changes nothing in its customer's figures.</p>"
            "<p>This session follows the GHG Protocol's Scope 3 Standard from spend-based estimates to "
            "supplier-specific data: which categories to start with, how to ask suppliers for product-level figures "
            "they can actually produce, and how to document a mix of methods for assurance.</p>",
            "<p>对大多数制造企业而言，范围三排放（价值链排放，尤其是外购商品和服务）往往是范围一和范围二之和的数倍。"
            "然而多数碳盘查仍以采购金额乘以平均排放因子来估算，供应商即使减排，也不会体现在客户的数据中。</p>"
            "<p>本次活动依据温室气体核算体系的《企业价值链（范围三）核算与报告标准》，介绍如何从基于支出的估算"
            "过渡到供应商特定数据：优先核算哪些类别、如何向供应商索取其能够提供的产品级数据，"
            "以及如何为第三方鉴证记录多种核算方法的组合。</p>",
        ),
        "talks": [
            ("Where the tonnes are: screening the 15 Scope 3 categories", "排放在哪里：十五个范围三类别的初步筛查", "guo-yanping"),
            ("Asking suppliers for data they can give", "向供应商索取他们能够提供的数据", "feng-lei"),
            ("Mixing methods without losing assurance", "多种方法并用而不影响鉴证", "xie-hongtao"),
            ("From inventory to target: our first supplier programme", "从盘查到目标：我们的首个供应商项目", "martina-keller"),
        ],
        "panel": (("Who owns Scope 3: sustainability, procurement or the supplier?", "范围三由谁负责：可持续发展部门、采购部门还是供应商？"),
                  ["feng-lei", "martina-keller", "guo-yanping"]),
        "tour": ("The goods-receiving area, where supplier data is collected with each delivery", "来料收货区：供应商数据如何随每批货物采集"),
        "lab": ("The life-cycle inventory database team at work", "生命周期清单数据库团队工作现场"),
        "takeaways": [
            ("Start with the two or three categories that hold most of the tonnes; for chemical makers that is usually category 1, purchased goods and services.",
             "先从排放占比最大的两三个类别入手；对化工企业而言通常是第1类外购商品和服务。"),
            ("Ask the largest suppliers for product carbon footprints, not company totals: only those move when the supplier really cuts.",
             "向主要供应商索取产品碳足迹而非企业排放总量：只有前者能反映供应商的真实减排。"),
            ("Record the method behind each line, so that the share of supplier-specific data can be reported and grow each year.",
             "逐项记录所用方法，以便报告供应商特定数据的占比，并逐年提高。"),
        ],
        "deck": (("Scope 3 data: from spend-based to supplier-specific", "范围三数据：从基于支出到供应商特定数据"), [
            ("Why spend-based figures stall", ["Spend times an average factor: supplier cuts never show",
                                               "Prices move the figure more than emissions do",
                                               "Customers and CBAM now ask for product-level data"]),
            ("Screening the 15 categories", ["Rank by size, then by influence",
                                             "Category 1 is 50-80 % of the total for most chemical makers",
                                             "Document every exclusion and the reason for it"]),
            ("Supplier-specific data in three steps", ["The top 50 suppliers cover most purchased tonnes",
                                                       "Ask for product carbon footprints to ISO 14067",
                                                       "Track the share of primary data year on year"]),
            ("Assurance", ["Keep the method for every line item",
                           "Reconcile quantities with the purchasing ledger",
                           "Limited assurance first, reasonable assurance later"]),
        ]),
    },
    "green-factory": {
        "topics": ["green-manufacturing", "energy-efficiency"],
        "heroes": (5, 2),
        "about": (
            "<p>China's green manufacturing system designates green factories, green industrial parks and green "
            "supply-chain companies; by 2020 it counted 2,121 green factories and 171 green parks, and provinces have "
            "since added lists of their own. The evaluation looks at the whole site: land use, energy and water "
            "efficiency, raw materials, hazardous substances, waste, emissions and the management systems behind "
            "them.</p>"
            "<p>Evaluators and member plants explain what the criteria mean in practice, which evidence is checked on "
            "site, and where first applications most often fall short.</p>",
            "<p>我国绿色制造体系包括绿色工厂、绿色工业园区和绿色供应链管理企业；截至2020年，已有2121家绿色工厂和"
            "171家绿色园区，各省此后也陆续发布了省级名单。评价覆盖整个厂区：用地集约化、能源与水资源利用效率、"
            "原料无害化、废物资源化、排放以及相应的管理体系。</p>"
            "<p>评审专家和会员工厂将解读各项指标的实际含义、现场评审核查哪些证据，以及首次申报最常见的不足。</p>",
        ),
        "talks": [
            ("The evaluation criteria, line by line", "逐条解读绿色工厂评价指标", "qian-jun"),
            ("Preparing the evidence file", "如何准备证明材料", "zhao-min"),
            ("What we changed before the site audit", "现场评审前我们做了哪些改进", "pierre-durand"),
            ("Beyond green: what a zero-carbon factory adds", "从绿色工厂到零碳工厂还需要什么", "lin-zhiyuan"),
        ],
        "panel": (("Is the designation worth it? Customers, banks and regulators", "绿色工厂称号的价值：客户、银行与监管的视角"),
                  ["qian-jun", "pierre-durand", "deng-yawen"]),
        "tour": ("The energy management centre, the wastewater plant and the hazardous-waste store", "能源管理中心、污水处理站和危废暂存库"),
        "lab": ("The energy-efficiency test hall", "能效测试大厅"),
        "takeaways": [
            ("Most points are lost on metering: sub-meters per workshop and twelve months of data are expected.",
             "失分最多的是计量：需按车间配置分项计量表，并提供十二个月的数据。"),
            ("The management system must show its own improvement loop: targets, checks and dated corrective actions.",
             "管理体系需体现持续改进闭环：有目标、有检查、有注明日期的纠正措施。"),
            ("Designated plants report faster approval of green loans and fewer customer audits.",
             "获评工厂反映，绿色贷款审批更快，客户审核次数减少。"),
        ],
        "deck": (("Green factory evaluation: criteria and evidence", "绿色工厂评价：指标与证据"), [
            ("The green manufacturing system", ["Green factories, green parks, green supply chains",
                                                "2,121 green factories and 171 green parks by 2020",
                                                "National and provincial lists, reviewed regularly"]),
            ("What is evaluated", ["Infrastructure and management systems",
                                   "Energy, water and raw materials",
                                   "Products, emissions and environmental performance"]),
            ("Evidence the evaluators check", ["Sub-metering and twelve months of energy data",
                                               "Hazardous-substance controls and waste records",
                                               "Targets, internal audits and corrective actions"]),
            ("Common gaps in first applications", ["Missing meter calibration records",
                                                   "Targets without a baseline year",
                                                   "Supplier requirements not written into contracts"]),
        ]),
    },
    "ccer": {
        "topics": ["carbon-markets", "climate-policy"],
        "heroes": (0, 4),
        "about": (
            "<p>China's voluntary emission reduction scheme (CCER) reopened to new projects in 2023 under revised "
            "rules, with new methodologies (afforestation, solar thermal power, offshore wind and mangrove "
            "restoration were the first) and a national registry and trading system. Companies in the national "
            "carbon market may use CCERs for a small share of their compliance; others buy them for voluntary "
            "claims.</p>"
            "<p>Speakers cover how the methodologies test additionality, what the monitoring and verification cycle "
            "involves, and what a careful buyer checks before claiming a reduction.</p>",
            "<p>2023年，全国温室气体自愿减排交易市场（CCER）在新规则下重新接受新项目，首批发布了造林碳汇、"
            "并网光热发电、并网海上风力发电和红树林营造等方法学，并建立了全国统一的注册登记和交易系统。"
            "纳入全国碳市场的企业可使用CCER抵销一小部分配额清缴，其他企业则购买CCER用于自愿减排声明。</p>"
            "<p>嘉宾将介绍方法学如何论证额外性、监测与核查周期包括哪些环节，以及审慎的买方在作出减排声明前"
            "应当核查哪些内容。</p>",
        ),
        "talks": [
            ("How the new methodologies test additionality", "新方法学如何论证额外性", "zhou-lihua"),
            ("Monitoring, verification and issuance: one project's timeline", "监测、核查与签发：一个项目的时间线", "xie-hongtao"),
            ("Credits in a compliance strategy: the offset limit", "碳信用在履约策略中的作用：抵销比例上限", "ma-xiaoling"),
            ("What a buyer should check before claiming", "买方在作出声明前应核查什么", "deng-yawen"),
        ],
        "panel": (("Credits, certificates or cuts: what should a manufacturer buy?", "碳信用、绿证还是自身减排：制造企业该如何选择？"),
                  ["deng-yawen", "zhou-lihua", "liang-qiao"]),
        "tour": ("The site's solar plant and the metering behind its reduction claims", "厂区光伏电站及其减排声明背后的计量系统"),
        "lab": ("The carbon-market simulation lab", "碳市场模拟实验室"),
        "takeaways": [
            ("Additionality is argued per methodology: read it before buying, not after.",
             "额外性依方法学论证：应在购买前而非购买后阅读方法学。"),
            ("The registry shows issuance and retirement; ask for the retirement record in your company's name.",
             "注册登记系统记录签发与注销；应要求提供以本企业名义注销的记录。"),
            ("Credits complement cuts; members agreed to report them separately from their own reductions.",
             "碳信用是减排的补充；与会会员一致同意将其与自身减排分开报告。"),
        ],
        "deck": (("CCER relaunched: methodologies and buyer checks", "CCER重启：方法学与买方核查要点"), [
            ("The relaunch", ["New rules and a national registry since 2023",
                              "First methodologies: afforestation, solar thermal, offshore wind, mangroves",
                              "Use in the national carbon market capped at a small share"]),
            ("Additionality", ["Argued per methodology, with its own tests",
                               "Project start dates and financial analysis",
                               "Why some project types are excluded"]),
            ("The buyer's checklist", ["Methodology and vintage",
                                       "Verification report and issuance record",
                                       "Retirement in your own name before any claim"]),
        ]),
    },
    "ets": {
        "topics": ["carbon-markets", "climate-policy"],
        "heroes": (6, 0),
        "about": (
            "<p>The national carbon emissions trading scheme started in 2021 with the power sector, some 2,200 "
            "companies. In 2025 it expanded to steel, cement and aluminium smelting, adding about 1,500 companies "
            "and some three billion tonnes of CO2 a year, with allowances allocated on intensity benchmarks at first "
            "and tighter rules to come.</p>"
            "<p>For members who supply or operate in these sectors, the expansion changes energy contracts, product "
            "prices and data requests. This session explains the allocation method, the monitoring plans and monthly "
            "data the newly covered companies submit, and what compliance looks like in the first cycles.</p>",
            "<p>全国碳排放权交易市场于2021年启动，首批纳入发电行业约2200家企业。2025年，市场扩围至钢铁、水泥和"
            "铝冶炼行业，新增约1500家企业、每年约30亿吨二氧化碳排放；初期按强度基准分配配额，此后规则将逐步收紧。</p>"
            "<p>对于为这些行业供货或在这些行业经营的会员企业，扩围将影响能源合同、产品价格和数据要求。"
            "本次活动介绍配额分配方法、新纳入企业需提交的监测计划和月度数据，以及头几个履约周期的实际情况。</p>",
        ),
        "talks": [
            ("Allocation on intensity benchmarks: how the numbers are set", "基于强度基准的配额分配：数字如何确定", "ma-xiaoling"),
            ("Monitoring plans and monthly data: lessons from the first year", "监测计划与月度数据：第一年的经验", "xie-hongtao"),
            ("What the carbon price means for a manufacturer's costs", "碳价对制造企业成本意味着什么", "zhou-lihua"),
            ("A compliance team's first cycle", "一个履约团队的首个周期", "liang-qiao"),
        ],
        "panel": (("After the expansion: prices, supply contracts and the next sectors", "扩围之后：碳价、供应合同与下一批行业"),
                  ["huang-zhenyu", "zhou-lihua", "liang-qiao"]),
        "tour": ("The energy control room and the fuel-sampling point", "能源调度室和燃料采样点"),
        "lab": ("The carbon-market simulation lab", "碳市场模拟实验室"),
        "takeaways": [
            ("Allocation follows output times a benchmark, so efficient plants may have a surplus and inefficient ones a gap to buy.",
             "配额按产量乘以基准值分配，能效高的工厂可能有盈余，能效低的工厂则需购买缺口。"),
            ("Monthly data and fuel sampling are where most first-year findings arose.",
             "第一年的大部分核查问题出在月度数据和燃料采样上。"),
            ("Members who buy steel, cement or aluminium should expect the carbon cost to appear in their contracts.",
             "采购钢铁、水泥或铝的会员企业应预期碳成本将体现在合同中。"),
        ],
        "deck": (("The national carbon market after its expansion", "扩围后的全国碳市场"), [
            ("Coverage", ["Power sector since 2021",
                          "Steel, cement and aluminium added in 2025",
                          "About 1,500 more companies, roughly 3 Gt CO2 a year"]),
            ("Allocation", ["Intensity benchmarks per product",
                            "Allowances follow actual output",
                            "Tighter benchmarks expected in later cycles"]),
            ("Data and compliance", ["Monitoring plans and monthly data",
                                     "Third-party verification every year",
                                     "Surrender by the compliance deadline"]),
            ("For buyers of these materials", ["Carbon cost passed through in prices",
                                               "Premiums for low-carbon steel and aluminium",
                                               "Supplier data for Scope 3 and CBAM"]),
        ]),
    },
    "hydrogen": {
        "topics": ["hydrogen", "renewable-energy"],
        "heroes": (3, 1),
        "about": (
            "<p>Chemical parks use hydrogen in large volumes, almost all of it made from coal or natural gas. "
            "Electrolysers powered by wind and solar can replace part of that grey hydrogen, and green hydrogen "
            "combined with captured CO2 opens routes to green methanol and ammonia. The obstacles are cost, the "
            "intermittency of renewable power and the safety rules for storing hydrogen inside a park.</p>"
            "<p>Researchers, park operators and members running pilots compare electrolyser technologies, discuss "
            "how a park can share pipelines and storage, and look at what the national medium- and long-term plan "
            "for the hydrogen industry means for projects now being prepared.</p>",
            "<p>化工园区用氢量很大，而其中几乎全部来自煤炭或天然气制氢。由风电和光伏驱动的电解槽可以替代部分灰氢，"
            "绿氢与捕集的二氧化碳结合，还能生产绿色甲醇和绿氨。目前的障碍在于成本、可再生电力的波动性，"
            "以及园区内储氢的安全规定。</p>"
            "<p>研究人员、园区运营方和正在开展示范项目的会员企业将比较不同的电解技术，探讨园区如何共享输氢管道"
            "和储氢设施，并解读国家氢能产业中长期规划对正在筹备的项目有何影响。</p>",
        ),
        "talks": [
            ("Alkaline, PEM or solid oxide: choosing an electrolyser", "碱性、PEM还是固体氧化物：如何选择电解槽", "he-jiawei"),
            ("Green methanol from hydrogen and captured CO2", "利用绿氢与捕集的二氧化碳制取绿色甲醇", "wu-xinyi"),
            ("Running a pilot inside a working chemical park", "在运营中的化工园区开展示范项目", "hiroshi-tanaka"),
            ("Permits and safety rules for hydrogen in parks", "园区氢能项目的审批与安全规定", "qian-jun"),
        ],
        "panel": (("Who pays the green premium?", "绿氢溢价由谁承担？"), ["he-jiawei", "hiroshi-tanaka", "deng-yawen"]),
        "tour": ("The electrolyser hall, the hydrogen buffer tanks and the control room", "电解槽车间、储氢缓冲罐和中控室"),
        "lab": ("The electrolysis and catalysis laboratories", "电解与催化实验室"),
        "takeaways": [
            ("Electrolysers running on midday solar alone sit idle most of the day; pilots pair them with storage or green power bought from the grid.",
             "仅依靠午间光伏运行的电解槽大部分时间处于闲置；示范项目通常搭配储能，或从电网购买绿电。"),
            ("Sharing pipelines and storage across a park cuts the cost per kilogram more than any single technology choice.",
             "园区共享管道和储氢设施，比任何单项技术选择都更能降低每公斤氢气的成本。"),
            ("Green methanol, as a shipping fuel, is the nearest product with buyers today.",
             "绿色甲醇作为航运燃料，是目前最接近拥有稳定买家的产品。"),
        ],
        "deck": (("Green hydrogen in chemical parks", "化工园区的绿氢应用"), [
            ("Hydrogen in a chemical park today", ["Mostly from coal gasification and steam reforming",
                                                   "Feedstock for ammonia, methanol and refining",
                                                   "A large, concentrated demand"]),
            ("Making it green", ["Electrolysers on wind and solar power",
                                 "Storage to bridge intermittency",
                                 "Shared pipelines across the park"]),
            ("Products", ["Green ammonia", "Green methanol for shipping", "Hydrogen for high-temperature heat"]),
            ("What the pilots have learned", ["Utilisation drives the cost",
                                              "Safety distances shape the layout",
                                              "Offtake contracts come first"]),
        ]),
    },
    "pcf": {
        "topics": ["carbon-accounting", "supply-chain-decarbonisation", "climate-policy"],
        "heroes": (7, 4),
        "about": (
            "<p>The EU Carbon Border Adjustment Mechanism (CBAM) covers imports of iron and steel, aluminium, cement, "
            "fertilisers, hydrogen and electricity. Since October 2023 importers have reported the emissions embedded "
            "in these goods, and the embedded emissions of goods imported from 2026 must be covered by CBAM "
            "certificates priced on the EU carbon market. Importers may use default values, but the actual "
            "emissions reported by the producing plant are usually lower, so EU customers are asking their Chinese "
            "suppliers for plant- and product-level data.</p>"
            "<p>Beyond CBAM, customers in every sector ask for product carbon footprints (PCF) calculated to "
            "ISO 14067, and China is building its own product footprint standards and factor database. This session "
            "shows how to calculate a footprint from cradle to gate, which data to collect from your own plant and "
            "from suppliers, and how to present it to customers and verifiers.</p>",
            "<p>欧盟碳边境调节机制（CBAM）覆盖钢铁、铝、水泥、化肥、氢和电力的进口。自2023年10月起，进口商须申报"
            "这些商品的隐含排放；自2026年起进口的商品，其隐含排放须以按欧盟碳市场价格计价的CBAM证书覆盖。"
            "进口商可以使用默认值，但生产工厂报告的实际排放通常更低，因此欧盟客户正在向中国供应商索取"
            "工厂级和产品级数据。</p>"
            "<p>在CBAM之外，各行业客户都在要求按ISO 14067核算的产品碳足迹（PCF），我国也在建设自己的产品碳足迹"
            "标准体系和因子数据库。本次活动介绍如何核算从摇篮到大门的碳足迹、需要从本厂和供应商采集哪些数据，"
            "以及如何向客户和核查机构呈现结果。</p>",
        ),
        "talks": [
            ("Cradle to gate: a product carbon footprint to ISO 14067", "从摇篮到大门：按ISO 14067核算产品碳足迹", "chen-haoran"),
            ("CBAM's embedded emissions: default values or actual data", "CBAM隐含排放：默认值还是实际数据", "katrin-vogel"),
            ("The customer questionnaire: what EU buyers ask, and why", "客户问卷：欧盟买家问什么、为什么问", "eleanor-hart"),
            ("Footprints for 3,000 products at once", "一次为3000种产品核算碳足迹", "zhao-min"),
        ],
        "panel": (("One footprint for every customer?", "一份碳足迹能否满足所有客户？"), ["chen-haoran", "eleanor-hart", "zhao-min"]),
        "tour": ("A production line whose products have been footprinted, and the meters that feed the model", "已完成碳足迹核算的生产线，以及为模型提供数据的计量表"),
        "lab": ("The life-cycle assessment laboratory and its database", "生命周期评价实验室及其数据库"),
        "takeaways": [
            ("Actual plant data almost always beats CBAM default values, which include a mark-up.",
             "工厂实际数据几乎总是优于CBAM默认值，因为默认值包含加成。"),
            ("Allocate plant energy to products by a documented key, such as mass or machine hours, and keep it stable from year to year.",
             "按书面确定的分配依据（如质量或机时）将工厂能耗分配到产品，并保持逐年一致。"),
            ("A footprint with primary data for the largest inputs is worth more to customers than a precise one built on averages.",
             "对客户而言，主要原料采用实测数据的碳足迹，比建立在平均值之上的精细计算更有价值。"),
        ],
        "deck": (("Product carbon footprints and CBAM", "产品碳足迹与CBAM"), [
            ("CBAM in brief", ["Iron and steel, aluminium, cement, fertilisers, hydrogen, electricity",
                               "Reporting since October 2023",
                               "Certificates for goods imported from 2026"]),
            ("Default values or actual data", ["Default values include a mark-up",
                                               "Actual data per installation and product",
                                               "Checked by an accredited verifier"]),
            ("A footprint to ISO 14067", ["Cradle to gate: materials, energy, transport",
                                          "Allocation keys documented and stable",
                                          "Primary data for the largest inputs"]),
            ("Answering customers", ["One dataset, several formats",
                                     "Share the method, not only the number",
                                     "Update yearly and whenever the process changes"]),
        ]),
    },
    "green-power": {
        "topics": ["renewable-energy", "carbon-accounting"],
        "heroes": (1, 2),
        "about": (
            "<p>Manufacturers in China can buy renewable electricity in several ways: on-site solar; green power "
            "trading, where a contract with a wind or solar farm is settled through the grid; green electricity "
            "certificates (GECs), which since 2023 cover all grid-connected renewable generation; and a growing "
            "number of multi-year power purchase agreements. Each counts differently in a market-based Scope 2 "
            "inventory and in RE100 reporting.</p>"
            "<p>Power-market experts and members who have signed contracts explain prices and terms, how to prove "
            "the electricity was renewable, and how to combine the options into a plan that reaches 100 % renewable "
            "electricity.</p>",
            "<p>目前在华制造企业可以通过多种方式购买可再生电力：厂区分布式光伏；绿电交易，即与风电场或光伏电站"
            "签订合同并通过电网结算；绿色电力证书（绿证），自2023年起已覆盖所有并网可再生能源发电；"
            "以及越来越多的多年期购电协议。这些方式在基于市场法的范围二核算和RE100报告中的计算方式各不相同。</p>"
            "<p>电力市场专家和已签约的会员企业将介绍价格与合同条款、如何证明电力来自可再生能源，"
            "以及如何组合多种方式，制定实现100%可再生电力的路线图。</p>",
        ),
        "talks": [
            ("Green power trading, certificates and PPAs compared", "绿电交易、绿证与购电协议比较", "tang-wenbo"),
            ("Our route to 100 % renewable electricity", "我们实现100%可再生电力的路径", "liang-qiao"),
            ("Financing rooftop solar on leased buildings", "租赁厂房屋顶光伏的融资", "deng-yawen"),
            ("Counting it right: market-based Scope 2", "正确计量：基于市场法的范围二", "hiroshi-tanaka"),
        ],
        "panel": (("Will there be enough green power for everyone?", "绿电够不够用？"), ["tang-wenbo", "liang-qiao", "hiroshi-tanaka"]),
        "tour": ("The rooftop solar array, the battery store and the energy management screen", "屋顶光伏阵列、储能电池和能源管理大屏"),
        "lab": ("The power-systems simulation lab", "电力系统仿真实验室"),
        "takeaways": [
            ("Green power trading bundles the certificate with the electricity; certificates alone are quicker to buy but weaker evidence for customers.",
             "绿电交易将绿证与电力捆绑；单独购买绿证更便捷，但作为向客户证明的依据较弱。"),
            ("Contracts of three years or more gave members better prices than yearly deals.",
             "三年及以上的合同为会员带来了比年度交易更优的价格。"),
            ("On-site solar rarely covers more than 15 % of a plant's demand; the rest has to be bought.",
             "厂区光伏很少能覆盖工厂15%以上的用电需求，其余部分仍需外购。"),
        ],
        "deck": (("Buying green electricity in China", "在华购买绿色电力"), [
            ("The options", ["On-site solar", "Green power trading", "Green electricity certificates (GECs)",
                             "Multi-year power purchase agreements"]),
            ("Evidence for Scope 2 and RE100", ["Certificates retired in the company's name",
                                                "Matching volumes and periods",
                                                "No double counting with the grid mix"]),
            ("Contract terms that matter", ["Duration and price indexation",
                                            "Volume risk and shortfalls",
                                            "Who holds the certificates"]),
        ]),
    },
    "circular": {
        "topics": ["circular-economy", "green-manufacturing"],
        "heroes": (4, 5),
        "about": (
            "<p>Every tonne of plastic, metal or solvent that goes back into production avoids the emissions of "
            "making it new. China's circular-economy plans set targets for recycling and remanufacturing, extended "
            "producer responsibility is spreading from electronics to packaging, and customers increasingly specify "
            "recycled content.</p>"
            "<p>Researchers and members show what works on the factory floor and beyond it: closing the loop on "
            "production scrap, designing products and packaging for recycling, and what chemical recycling can and "
            "cannot do for mixed plastics.</p>",
            "<p>每一吨重新回到生产中的塑料、金属或溶剂，都避免了重新生产它所产生的排放。我国循环经济发展规划"
            "对资源回收和再制造提出了目标，生产者责任延伸制度正从电器电子产品扩展到包装，"
            "客户也越来越多地对再生材料含量提出要求。</p>"
            "<p>研究人员和会员企业将展示在工厂内外行之有效的做法：生产废料闭环回收、面向回收的产品与包装设计，"
            "以及化学回收对混合塑料能做什么、不能做什么。</p>",
        ),
        "talks": [
            ("Design for recycling: what product engineers can change", "面向回收的设计：产品工程师能改变什么", "sun-yuqing"),
            ("Closing the loop on production scrap", "生产废料的闭环回收", "pierre-durand"),
            ("Chemical recycling of mixed plastics: where it stands", "混合塑料化学回收的现状", "wu-xinyi"),
            ("Recycled content that customers accept", "客户认可的再生材料含量", "martina-keller"),
        ],
        "panel": (("Who collects, who pays: extended producer responsibility", "谁回收、谁付费：生产者责任延伸"),
                  ["sun-yuqing", "martina-keller", "huang-zhenyu"]),
        "tour": ("The scrap sorting line, the regrind unit and the returnable-packaging loop", "废料分拣线、回料粉碎单元和可循环包装周转系统"),
        "lab": ("The polymer recycling laboratory", "高分子材料回收实验室"),
        "takeaways": [
            ("Sorting at source is the cheapest step: mixed scrap loses most of its value.",
             "源头分类是成本最低的一步：混杂的废料会损失大部分价值。"),
            ("Returnable packaging with two key suppliers removed a third of one plant's packaging waste.",
             "一家工厂与两家主要供应商推行可循环包装后，包装废弃物减少了三分之一。"),
            ("Chemical recycling suits streams that mechanical recycling cannot take; it uses more energy, so check its footprint.",
             "化学回收适用于机械回收无法处理的物料，但能耗更高，需核算其碳足迹。"),
        ],
        "deck": (("Circular economy on the factory floor", "工厂里的循环经济"), [
            ("Why circularity cuts carbon", ["Recycled aluminium needs about 5 % of the energy of primary",
                                             "Recycled plastics avoid cracking and polymerisation",
                                             "Less waste to landfill and incineration"]),
            ("Closing the loop on scrap", ["Sort at source", "Regrind and reuse in-house",
                                           "Take-back agreements with suppliers"]),
            ("Design for recycling", ["Mono-materials where possible", "Fewer labels, inks and adhesives",
                                      "Parts that come apart"]),
        ]),
    },
    "eod": {
        "topics": ["eod-financing", "green-finance", "biodiversity"],
        "heroes": (0, 4),
        "about": (
            "<p>Ecology-Oriented Development (EOD) bundles environmental projects, such as river restoration, "
            "wetlands and soil remediation, with industries that profit from a better environment, such as "
            "eco-tourism, green agriculture and clean energy, so that part of the industrial proceeds pays for the "
            "conservation. Environmental work has long depended on government budgets; EOD brings in social capital "
            "and bank loans, and banks are encouraged to offer dedicated products and faster approval.</p>"
            "<p>Bankers, officials and investors walk through real programme structures: how revenue is shared, what "
            "lenders look for in a project package, and how manufacturers can take part as investors, buyers or "
            "neighbours of restored land.</p>",
            "<p>生态环境导向的开发（EOD）模式将河道治理、湿地修复、土壤修复等生态环境治理项目，"
            "与生态旅游、绿色农业、清洁能源等受益于环境改善的产业项目打包实施，以产业收益反哺生态保护。"
            "生态环境治理长期依赖财政资金；EOD模式引入社会资本和银行贷款，国家也鼓励银行推出专门产品并加快审批。</p>"
            "<p>银行、主管部门和投资机构将剖析真实的项目结构：收益如何分配、贷款方看重项目包中的哪些内容，"
            "以及制造企业如何以投资方、采购方或修复区域邻近企业的身份参与。</p>",
        ),
        "talks": [
            ("How an EOD programme is put together", "EOD项目是如何组建的", "huang-zhenyu"),
            ("What a bank looks for in a project package", "银行看重项目包中的哪些内容", "deng-yawen"),
            ("Measuring biodiversity gains on restored land", "衡量修复区域的生物多样性成效", "gao-ruolan"),
            ("Social capital in EOD: returns, risks and exit", "社会资本参与EOD：回报、风险与退出", "luo-jiahui"),
        ],
        "panel": (("Can conservation pay for itself?", "生态保护能否自我造血？"), ["deng-yawen", "luo-jiahui", "huang-zhenyu"]),
        "tour": ("The restored wetland next to the plant and its monitoring points", "工厂旁的修复湿地及其监测点位"),
        "lab": ("The ecology field station", "生态野外观测站"),
        "takeaways": [
            ("Lenders want the industrial revenue contracted, not projected, before they price the conservation part.",
             "贷款方希望在为生态部分定价之前，产业收益已有合同保障，而不只是预测。"),
            ("Programmes that feed a fixed share of proceeds back to conservation were easier to finance than open-ended promises.",
             "约定以固定比例收益反哺生态保护的项目，比没有明确约定的承诺更容易获得融资。"),
            ("Baseline biodiversity surveys before work starts are what make later gains credible.",
             "开工前的生物多样性本底调查，是后续成效可信的基础。"),
        ],
        "deck": (("EOD programmes: structure and financing", "EOD项目：结构与融资"), [
            ("What EOD bundles", ["Environmental projects: rivers, wetlands, soil",
                                  "Industrial projects: eco-tourism, green agriculture, clean energy",
                                  "Proceeds fed back to conservation"]),
            ("Financing", ["Bank loans with dedicated products", "Social capital: equity and PPP",
                           "Bonds for the larger programmes"]),
            ("What lenders check", ["Contracted industrial revenue", "Share of proceeds fed back",
                                    "Stage, permits and contacts"]),
            ("Where manufacturers fit", ["Investors and buyers", "Neighbours of restored land",
                                         "Buyers of green products"]),
        ]),
    },
    "electrification": {
        "topics": ["energy-efficiency", "renewable-energy"],
        "heroes": (5, 7),
        "about": (
            "<p>Steam and hot water take a large share of the fuel used in chemicals, food and pharmaceuticals. "
            "Industrial heat pumps can lift waste heat to 120-160 °C, electric boilers and steam generators can run "
            "on green electricity, and many coal-fired boilers in China's key regions have already been retired or "
            "converted.</p>"
            "<p>Engineers and members compare technologies, costs and grid connection, and show how to find the heat "
            "that is being wasted before buying anything new.</p>",
            "<p>在化工、食品和制药行业，蒸汽和热水消耗了相当大比例的燃料。工业热泵可将余热提升至120–160°C，"
            "电锅炉和电蒸汽发生器可使用绿色电力运行；在我国重点区域，许多燃煤锅炉已经淘汰或完成改造。</p>"
            "<p>工程师和会员企业将比较各类技术、成本和电网接入条件，并介绍如何在购置新设备之前，"
            "先找到正在被浪费的热量。</p>",
        ),
        "talks": [
            ("Industrial heat pumps up to 160 °C", "可达160°C的工业热泵", "lin-zhiyuan"),
            ("Pinch analysis: finding the heat you already have", "夹点分析：找到已有的热量", "wu-xinyi"),
            ("Retiring our coal-fired boiler: a project diary", "淘汰燃煤锅炉的项目日志", "pierre-durand"),
            ("Grid capacity and tariffs for electric steam", "电蒸汽的电网容量与电价", "tang-wenbo"),
        ],
        "panel": (("Electrify now or wait for cheaper power?", "现在电气化，还是等待电价下降？"), ["lin-zhiyuan", "pierre-durand", "qian-jun"]),
        "tour": ("The new electrode boiler, the heat-pump skid and the old coal yard, now a car park", "新的电极锅炉、热泵撬装机组，以及已改为停车场的原煤场"),
        "lab": ("The heat-pump test bench", "热泵测试平台"),
        "takeaways": [
            ("Heat recovery comes first: most sites found 10-20 % of their steam demand in waste heat.",
             "优先回收余热：多数工厂在余热中找到了10%–20%的蒸汽需求。"),
            ("Heat pumps pay back fastest where waste heat and heat demand sit side by side, at the same hours.",
             "余热与用热需求在空间和时间上越接近，热泵的投资回收期越短。"),
            ("Ask the grid company about capacity early: a new connection can take a year.",
             "尽早向电网公司咨询容量：新的接入可能需要一年时间。"),
        ],
        "deck": (("Electrifying process heat", "工艺热电气化"), [
            ("Where the heat goes", ["Steam for reactors, dryers and cleaning", "Hot water for washing and space heat",
                                     "Waste heat in cooling water and exhaust"]),
            ("Technologies", ["Industrial heat pumps up to 160 °C", "Electrode boilers and electric steam generators",
                              "Thermal storage to use cheap hours"]),
            ("A project in four steps", ["Meter and map the heat demand", "Pinch analysis",
                                         "Size, cost and grid connection", "Pilot, then scale"]),
        ]),
    },
    "peaking": {
        "topics": ["climate-policy", "carbon-accounting"],
        "heroes": (0, 6),
        "about": (
            "<p>China has committed to peak its CO2 emissions before 2030 and reach carbon neutrality before 2060, and "
            "the \u201c1+N\u201d policy framework turns these goals into plans for each sector and province. For a "
            "manufacturer the questions are practical: when will its own emissions peak, what does the path to "
            "neutrality cost, and how do its targets compare with its sector's?</p>"
            "<p>Researchers present sector pathways, officials explain provincial plans, and members describe how "
            "they set and revise their own targets, from an emissions peak through neutrality in their operations to "
            "their supply chain.</p>",
            "<p>我国承诺二氧化碳排放力争于2030年前达到峰值、努力争取2060年前实现碳中和，"
            "\u201c1+N\u201d政策体系将这一目标分解为各行业、各省份的实施方案。对制造企业而言，问题很实际："
            "自身排放何时达峰、实现碳中和的路径成本几何、自身目标与所在行业相比处于什么水平？</p>"
            "<p>研究人员将介绍行业路径，主管部门将解读省级方案，会员企业将分享如何设定和修订自身目标："
            "从排放达峰到运营碳中和，再到供应链碳中和。</p>",
        ),
        "talks": [
            ("Sector pathways to peak and neutrality", "行业达峰与碳中和路径", "zhou-lihua"),
            ("The provincial peaking plan and what it asks of industry", "省级碳达峰方案及其对工业的要求", "huang-zhenyu"),
            ("A ladder of targets: peak, operations, supply chain", "阶梯式目标：达峰、运营、供应链", "martina-keller"),
            ("Members' progress in numbers", "会员企业进展数据", "ye-qing"),
        ],
        "panel": (("Are our targets ambitious enough?", "我们的目标够不够有力？"), ["zhou-lihua", "martina-keller", "guo-yanping"]),
        "tour": ("The energy management centre and the plant's decarbonisation roadmap wall", "能源管理中心和工厂脱碳路线图展示墙"),
        "lab": ("The energy-systems modelling group", "能源系统建模团队"),
        "takeaways": [
            ("Most members' operational emissions peak before their sector's, helped by green electricity; Scope 3 peaks later.",
             "得益于绿色电力，多数会员企业的运营排放早于所在行业达峰；范围三达峰则较晚。"),
            ("Provincial plans become energy checks on new projects: plan capacity expansions with them in mind.",
             "省级方案落实为对新建项目的节能审查：扩产规划需提前考虑。"),
            ("A ladder of targets is easier to track than one distant date.",
             "阶梯式目标比单一的远期日期更便于跟踪。"),
        ],
        "deck": (("From peaking to neutrality", "从达峰走向中和"), [
            ("The dual-carbon goals", ["CO2 emissions peak before 2030", "Carbon neutrality before 2060",
                                       "The 1+N policy framework"]),
            ("Sector pathways", ["Power and heat decarbonise first",
                                 "Industry: efficiency, electrification, new feedstocks",
                                 "Residual emissions and removals"]),
            ("A ladder of corporate targets", ["Emissions peak", "Neutral operations", "Neutral supply chain"]),
            ("Members' progress", ["Yearly reports, reviewed by staff", "Progress against a straight-line trajectory",
                                   "A public history of every change"]),
        ]),
    },
}  # fmt: skip

# --- The events --------------------------------------------------------------------------
#
# days: when, relative to the day the demo is loaded (negative: already happened).
# mode: in-person, hybrid or online. host: a member company's position in
# demo.members.company_specs() (open days take place at its plant). campus: a
# CAMPUSES key (university collaborations take place there). full: the event fills
# up and keeps a waitlist. opens: how many days before the start registration opens.
# talks: the theme's talks given by these speakers (or a talk of its own), instead of
# three of the theme's talks in turn.


def event(slug, kind, theme, days, city, title, intro, **options) -> dict:
    return {
        "slug": slug,
        "kind": kind,
        "theme": theme,
        "days": days,
        "city": city,
        "title": title,
        "intro": intro,
    } | options


EVENTS = [
    # --- The last twelve months ---
    event("scope-3-supplier-data-webinar", "webinar", "scope3", -352, "",
          ("Scope 3 data: from spend-based estimates to supplier-specific figures", "范围三数据：从基于支出的估算到供应商特定数据"),
          ("Most members still estimate purchased goods from what they spend. Three companies show how they moved their largest suppliers onto real data, and what changed in their inventories.",
           "多数会员企业仍按采购金额估算外购商品排放。三家企业分享如何推动主要供应商提供实测数据，以及碳盘查因此发生的变化。"),
          capacity=None),
    event("green-factory-evaluation-seminar", "seminar", "green-factory", -338, "Shanghai",
          ("Green factory certification: criteria, evidence and the site audit", "绿色工厂评价：指标、证据与现场评审"),
          ("What the national green factory evaluation asks for, which evidence evaluators check on site, and how two member plants prepared their applications.",
           "解读国家级绿色工厂评价要求和现场评审重点核查的证据，两家会员工厂分享申报准备经验。"),
          capacity=120, partners=["jiangnan"]),
    event("open-day-aldermoor-suzhou", "open-day", "green-power", -325, "Suzhou",
          ("Open day at Aldermoor Automotive, Suzhou: rooftop solar and heat recovery", "奥德摩汽车苏州工厂开放日：屋顶光伏与余热回收"),
          ("Walk under a 9 MW rooftop solar array and see how heat from the paint shop now warms process water. Open to neighbours, students and suppliers.",
           "走近9兆瓦屋顶光伏，了解涂装车间的余热如何用于加热工艺用水。面向周边居民、学生和供应商开放。"),
          capacity=60, host=0),
    event("carbon-market-forum", "forum", "ets", -310, "Beijing",
          ("China Carbon Market Forum {year}: the national market beyond power", "{year}中国碳市场论坛：全国碳市场走出电力行业"),
          ("Officials, verifiers and compliance teams from steel, cement and aluminium on allocation, data and the first compliance cycles of the expanded national carbon market.",
           "主管部门、核查机构以及钢铁、水泥、铝冶炼企业履约团队，共同探讨扩围后全国碳市场的配额分配、数据质量与首轮履约。"),
          capacity=200, mode="hybrid", partners=["tsinghua", "huayan", "jiangnan"]),
    event("tsinghua-peaking-pathways-workshop", "university", "peaking", -296, "Beijing",
          ("Tsinghua University workshop: pathways to peak emissions in the chemical industry", "清华大学研讨会：化工行业碳达峰路径"),
          ("Researchers of Tsinghua's Institute of Climate Change and Sustainable Development present sector pathways; member companies test them against their own plans.",
           "清华大学气候变化与可持续发展研究院研究人员介绍行业达峰路径，会员企业结合自身规划展开讨论。"),
          capacity=80, campus="tsinghua", language="bilingual"),
    event("cbam-importers-webinar", "webinar", "pcf", -282, "",
          ("CBAM in practice: what EU importers will ask Chinese suppliers for", "CBAM实务：欧盟进口商将向中国供应商索取哪些数据"),
          ("Hosted from Berlin with Fraunhofer ISI: the embedded-emissions data EU importers need, when default values apply, and how to report your plant's actual emissions.",
           "与德国弗劳恩霍夫系统与创新研究所在柏林联合举办：欧盟进口商需要的隐含排放数据、默认值的适用情形，以及如何报告工厂实际排放。"),
          capacity=300, zone="Europe/Berlin", language="en", partners=["fraunhofer"],
          talks=["katrin-vogel", "chen-haoran", "eleanor-hart"]),
    event("ccer-relaunch-seminar", "seminar", "ccer", -268, "Guangzhou",
          ("CCER relaunched: methodologies, additionality and what buyers should check", "CCER重启：方法学、额外性与买方核查要点"),
          ("The voluntary emission reduction market takes new projects again. What the new methodologies require, and how buyers can tell a sound credit from a weak one.",
           "全国温室气体自愿减排市场重新接受新项目。新方法学有哪些要求，买方如何辨别可靠与薄弱的碳信用？"),
          capacity=100, partners=["huayan"]),
    event("sjtu-product-footprint-lab-day", "university", "pcf", -255, "Shanghai",
          ("SJTU lab day: product carbon footprints from life-cycle data", "上海交通大学实验室开放日：基于生命周期数据核算产品碳足迹"),
          ("A day in the life-cycle assessment lab of Shanghai Jiao Tong University's School of Environmental Science and Engineering, with member engineers footprinting their own products.",
           "走进上海交通大学环境科学与工程学院生命周期评价实验室，会员企业工程师现场核算自家产品的碳足迹。"),
          capacity=40, campus="sjtu"),
    event("open-day-halvorsen-tianjin", "open-day", "hydrogen", -240, "Tianjin",
          ("Open day at Halvorsen Chemicals, Tianjin: a green hydrogen pilot in a chemical park", "哈沃森化学天津基地开放日：化工园区绿氢示范项目"),
          ("See a 5 MW electrolyser that replaces part of the site's coal-based hydrogen, and hear how the park shares pipelines and safety zones.",
           "参观替代部分煤制氢的5兆瓦电解槽，了解园区如何共享输氢管道和安全防护区。"),
          capacity=25, host=7, full=True),
    event("green-finance-eod-forum", "forum", "eod", -226, "Shenzhen",
          ("Green Finance and EOD Forum: bringing bank loans to ecological restoration", "绿色金融与EOD论坛：引导银行信贷投向生态修复"),
          ("Banks, funds and local governments on how Ecology-Oriented Development programmes are structured, priced and financed, with three programmes presented by their developers.",
           "银行、基金和地方政府共同探讨生态环境导向的开发（EOD）项目如何设计、定价和融资，三个项目方现场路演。"),
          capacity=180, mode="hybrid", partners=["eastbridge", "lianhe", "nju"]),
    event("process-heat-electrification-seminar", "seminar", "electrification", -212, "Hangzhou",
          ("Electrifying process heat: industrial heat pumps and electric steam", "工艺热电气化：工业热泵与电蒸汽"),
          ("Heat pumps that reach 160 °C, electric boilers on green power and the pinch analysis that comes first, with Zhejiang University's College of Energy Engineering.",
           "与浙江大学能源工程学院联合举办：可达160°C的工业热泵、使用绿电的电锅炉，以及应当先行开展的夹点分析。"),
          capacity=90, partners=["zju"]),
    event("pcf-standards-webinar", "webinar", "pcf", -198, "",
          ("China's product carbon footprint standards: what is coming and how to prepare", "我国产品碳足迹标准体系：进展与应对"),
          ("China is building product footprint rules and a national factor database. Where they stand, and what exporters can prepare now.",
           "我国正在建设产品碳足迹核算规则和国家因子数据库。介绍最新进展，以及出口企业现在可以做哪些准备。"),
          capacity=None, talks=["chen-haoran", "zhao-min"]),
    event("supplier-engagement-seminar", "seminar", "scope3", -185, "Chengdu",
          ("Supplier engagement for Scope 3: running a supplier carbon programme", "范围三供应商参与：如何开展供应商减碳项目"),
          ("From the first questionnaire to supplier targets: procurement and sustainability teams on what made suppliers take part, and what did not.",
           "从第一份问卷到供应商减排目标：采购和可持续发展团队分享哪些做法让供应商积极参与，哪些做法收效甚微。"),
          capacity=70, mode="hybrid"),
    event("open-day-castellan-guangzhou", "open-day", "green-power", -171, "Guangzhou",
          ("Open day at Castellan Energy, Guangzhou: green power trading explained", "卡斯特兰能源广州能源中心开放日：绿电交易面对面"),
          ("The control room that buys wind and solar power for a dozen member plants, and the battery store that shifts it to the evening peak.",
           "参观为十余家会员工厂采购风电和光伏电力的调度中心，以及将电力转移到晚高峰使用的储能电站。"),
          capacity=50, host=2),
    event("hust-zero-carbon-park-challenge", "university", "green-power", -160, "Wuhan",
          ("HUST student challenge: designing a zero-carbon industrial park", "华中科技大学学生挑战赛：零碳产业园区设计"),
          ("Student teams from Huazhong University of Science and Technology present designs for a zero-carbon park, judged by member engineers and the university's energy researchers.",
           "华中科技大学学生团队展示零碳园区设计方案，由会员企业工程师和学校能源领域研究人员担任评委。"),
          capacity=150, campus="hust"),
    event("aluminium-ets-data-seminar", "seminar", "ets", -150, "Wuhan",
          ("Preparing for allocation: monitoring plans and monthly data for aluminium smelters", "备战配额分配：电解铝企业的监测计划与月度数据"),
          ("Cancelled: the provincial department's training on the same subject moved to this date. Its slides were sent to everyone who registered.",
           "本场活动已取消：省生态环境厅同一主题的培训改至同日举行，培训课件已发送给所有报名者。"),
          capacity=80, cancelled=True),
    event("selling-to-europe-webinar", "webinar", "pcf", -138, "",
          ("Selling to Europe: product footprints, CBAM and the customer questionnaire", "出口欧洲：产品碳足迹、CBAM与客户问卷"),
          ("Hosted from London: trade advisers and a member's export team on the carbon questions European customers ask, and answers that hold up.",
           "在伦敦主办：贸易顾问与会员企业出口团队解析欧洲客户提出的碳排放问题，以及经得起核查的答复方式。"),
          capacity=250, zone="Europe/London", language="en", partners=["hartley-moss"],
          talks=["eleanor-hart", "zhao-min", "katrin-vogel"]),
    event("circular-economy-forum", "forum", "circular", -124, "Shanghai",
          ("Circular Economy Forum {year}: plastics, packaging and chemical recycling", "{year}循环经济论坛：塑料、包装与化学回收"),
          ("Two days on keeping materials in use: recycled-content targets, producer responsibility for packaging and what chemical recycling can do for mixed plastics.",
           "为期两天，聚焦材料循环利用：再生材料含量目标、包装生产者责任延伸，以及化学回收在混合塑料处理中的作用。"),
          capacity=200, mode="hybrid", partners=["tongji"]),
    event("open-day-kestrel-chengdu", "open-day", "electrification", -110, "Chengdu",
          ("Open day at Kestrel Chemicals, Chengdu: life after the coal-fired boiler", "红隼化学成都基地开放日：告别燃煤锅炉之后"),
          ("An electrode boiler and heat pumps now make the steam that coal used to. See them, and the old coal yard that became a car park.",
           "如今由电极锅炉和热泵生产过去依靠燃煤的蒸汽。欢迎实地参观，也看看已改为停车场的原煤场。"),
          capacity=40, host=10),
    event("tianjin-university-green-methanol-lab", "university", "hydrogen", -96, "Tianjin",
          ("Tianjin University joint lab: green methanol from hydrogen and captured CO2", "天津大学联合实验室：绿氢与捕集二氧化碳制绿色甲醇"),
          ("The School of Chemical Engineering and Technology opens its catalysis labs to member engineers, with results from a year of joint work.",
           "天津大学化工学院向会员企业工程师开放催化实验室，并发布一年来的联合研究成果。"),
          capacity=36, campus="tju", partners=["dicp"]),
    event("buying-carbon-credits-seminar", "seminar", "ccer", -82, "Beijing",
          ("Buying carbon credits responsibly: CCERs, green certificates and claims", "负责任地购买碳信用：CCER、绿证与减排声明"),
          ("What each instrument proves, which claims it supports, and why members report credits separately from their own reductions.",
           "各类工具能证明什么、支持哪些声明，以及会员为何将碳信用与自身减排分开报告。"),
          capacity=100),
    event("eod-for-financiers-webinar", "webinar", "eod", -68, "",
          ("EOD programmes for financiers: reading a project package", "面向金融机构的EOD项目解读：如何研判项目包"),
          ("A banker and a fund investor take one programme apart: revenue model, the share of proceeds fed back to conservation, and the documents worth asking for.",
           "银行与基金投资人逐项拆解一个项目：收益模式、反哺生态保护的收益比例，以及值得索取的文件。"),
          capacity=None, talks=["deng-yawen", "luo-jiahui"]),
    event("zero-carbon-factory-seminar", "seminar", "green-factory", -54, "Nanjing",
          ("From green factory to zero-carbon factory: what the next evaluation will ask", "从绿色工厂到零碳工厂：下一轮评价的新要求"),
          ("Designated green factories are being asked for more: renewable electricity, carbon management and requirements for suppliers. What that means for members' plants.",
           "已获评的绿色工厂正面临更高要求：可再生电力、碳管理和对供应商的要求。这对会员工厂意味着什么？"),
          capacity=80, partners=["jiangnan"]),
    event("greater-bay-area-supply-chain-forum", "forum", "pcf", -40, "Guangzhou",
          ("Greater Bay Area Supply Chain Decarbonisation Forum", "粤港澳大湾区供应链脱碳论坛"),
          ("Buyers and suppliers in the same room: product footprints, CBAM data and the supplier programmes that make Scope 3 reductions real.",
           "买方与供应商同场对话：产品碳足迹、CBAM数据，以及让范围三减排落到实处的供应商项目。"),
          capacity=220, mode="hybrid", partners=["sjtu", "huayan"]),
    event("open-day-dunmore-shanghai", "open-day", "circular", -26, "Shanghai",
          ("Open day at Dunmore Advanced Materials, Shanghai: closing the loop on scrap", "邓莫尔先进材料上海工厂开放日：生产废料闭环回收"),
          ("Follow offcuts from the cutting line through sorting and regrinding back into production, and see the returnable crates that replaced cardboard.",
           "跟随边角料从切割线经分拣、粉碎重新回到生产线，并了解替代纸箱的可循环周转箱。"),
          capacity=45, host=3),
    event("scope-3-use-phase-webinar", "webinar", "scope3", -12, "",
          ("Scope 3 category 11: estimating the use phase of sold products", "范围三第11类：售出产品使用阶段排放的估算"),
          ("For makers of engines, appliances and electronics the use phase is often the largest category. How to estimate it and explain the assumptions. Open to all, no registration.",
           "对发动机、家电和电子产品制造商而言，使用阶段往往是排放最大的类别。介绍估算方法以及如何说明假设。面向所有人开放，无需报名。"),
          capacity=None, registration=False, talks=["guo-yanping", "martina-keller"]),
    # --- The next six months ---
    event("ets-compliance-masterclass", "seminar", "ets", 6, "Shanghai",
          ("Masterclass: allocation and compliance for newly covered sectors", "大师课：新纳入行业的配额分配与履约"),
          ("A small-group afternoon for compliance teams in steel, cement and aluminium supply chains, working through a full allocation and surrender cycle on real numbers.",
           "面向钢铁、水泥、铝产业链履约团队的小班课程，以真实数据完整演练一次配额分配与清缴周期。"),
          capacity=30, full=True),
    event("cbam-verification-webinar", "webinar", "pcf", 10, "",
          ("CBAM's definitive period: verifying embedded emissions", "CBAM正式期：隐含排放的核查"),
          ("With the definitive period under way, embedded emissions must be verified. Fraunhofer ISI and an accredited verifier explain what a site visit covers.",
           "CBAM已进入正式期，隐含排放须经核查。弗劳恩霍夫系统与创新研究所与一家认可核查机构介绍现场核查的内容。"),
          capacity=500, zone="Europe/Berlin", language="en", partners=["fraunhofer", "huayan"],
          talks=["katrin-vogel", ("What a verifier checks on a site visit", "核查机构现场核查的内容", "xie-hongtao"), "zhao-min"]),
    event("open-day-quayside-suzhou", "open-day", "green-factory", 15, "Suzhou",
          ("Open day at Quayside Life Sciences, Suzhou: inside a green factory", "码头生命科学苏州工厂开放日：走进绿色工厂"),
          ("A national green factory opens its energy centre, wastewater plant and clean rooms to a small group of visitors.",
           "国家级绿色工厂向小团组开放能源中心、污水处理站和洁净车间。"),
          capacity=20, host=16, full=True),
    event("tongji-circular-design-workshop", "university", "circular", 20, "Shanghai",
          ("Tongji University workshop: designing out waste", "同济大学工作坊：以设计减少废弃物"),
          ("Product engineers from member companies and Tongji's environmental researchers redesign three real components and their packaging for recycling.",
           "会员企业产品工程师与同济大学环境领域研究人员合作，针对回收重新设计三个真实零部件及其包装。"),
          capacity=24, campus="tongji", full=True),
    event("green-loans-seminar", "seminar", "eod", 27, "Shenzhen",
          ("Green loans and the EOD model: a briefing for manufacturers", "绿色贷款与EOD模式：面向制造企业的专题说明会"),
          ("How green and sustainability-linked loans are priced, which projects qualify, and how manufacturers can join Ecology-Oriented Development programmes near their plants.",
           "绿色贷款和可持续发展挂钩贷款如何定价、哪些项目符合条件，以及制造企业如何参与工厂周边的EOD项目。"),
          capacity=120, mode="hybrid", partners=["eastbridge"]),
    event("open-day-ironbridge-tianjin", "open-day", "electrification", 34, "Tianjin",
          ("Open day at Ironbridge Advanced Materials, Tianjin: waste heat at work", "铁桥先进材料天津工厂开放日：余热利用现场"),
          ("Cancelled: the plant's maintenance shutdown has been brought forward to this week. Everyone registered has been told; a new date will follow.",
           "本场活动已取消：工厂年度检修提前至本周。已通知所有报名者，新日期另行公布。"),
          capacity=40, host=8, cancelled=True),
    event("annual-dual-carbon-forum", "forum", "peaking", 41, "Beijing",
          ("Annual Dual-Carbon Forum {year}: from peaking to neutrality", "{year}年度双碳论坛：从达峰走向中和"),
          ("The association's yearly gathering: members' progress in numbers, provincial peaking plans and sector pathways to neutrality, with Tsinghua University.",
           "协会年度盛会：会员进展数据、省级碳达峰方案，以及与清华大学共同探讨的行业碳中和路径。"),
          capacity=300, mode="hybrid", opens=60, partners=["tsinghua", "jiangnan"]),
    event("ccer-project-owners-clinic", "webinar", "ccer", 45, "",
          ("CCER clinic for project owners: monitoring and verification", "CCER项目业主答疑会：监测与核查"),
          ("For members developing their own reduction projects: the monitoring plan, the verifier's visit and the most common reasons for delay.",
           "面向自主开发减排项目的会员企业：监测计划、核查机构现场访问，以及最常见的延误原因。"),
          capacity=200, talks=["xie-hongtao", "zhou-lihua"]),
    event("pcf-exporters-workshop", "seminar", "pcf", 52, "Hangzhou",
          ("Product carbon footprint workshop for exporters", "出口企业产品碳足迹实操工作坊"),
          ("Bring one product and its bill of materials: by the end of the day you will have a cradle-to-gate footprint and a list of the data still missing.",
           "请带上一种产品及其物料清单：一天之内完成从摇篮到大门的碳足迹核算，并列出仍缺少的数据。"),
          capacity=25, full=True, opens=60, partners=["sjtu"]),
    event("nju-industrial-biodiversity-exchange", "university", "eod", 66, "Nanjing",
          ("Nanjing University exchange: biodiversity on industrial sites", "南京大学交流会：工业厂区的生物多样性"),
          ("Ecologists from Nanjing University's School of Environment on surveying, restoring and reporting biodiversity on factory land and the wetlands around it.",
           "南京大学环境学院生态学者介绍如何调查、修复和报告工厂用地及周边湿地的生物多样性。"),
          capacity=60, campus="nju", talks=["gao-ruolan", "huang-zhenyu", "luo-jiahui"]),
    event("scope-3-targets-webinar", "webinar", "scope3", 80, "",
          ("Setting Scope 3 targets your suppliers can meet", "设定供应商能够实现的范围三目标"),
          ("Hosted from London: how to turn a supply-chain target into expectations for each supplier, and what to do when the data is not there yet.",
           "在伦敦主办：如何把供应链目标分解为对每家供应商的要求，以及数据尚不完备时该怎么办。"),
          capacity=None, zone="Europe/London", language="en", partners=["hartley-moss"],
          talks=[("Supplier targets European customers will accept", "欧洲客户认可的供应商目标", "eleanor-hart"), "feng-lei", "martina-keller"]),
    event("western-china-hydrogen-forum", "forum", "hydrogen", 110, "Chengdu",
          ("Western China Hydrogen and Chemical Parks Forum", "中国西部氢能与化工园区论坛"),
          ("Where wind, solar and hydropower meet chemical parks: electrolyser projects, shared infrastructure and the buyers of green methanol and ammonia.",
           "当风电、光伏和水电遇上化工园区：电解槽项目、共享基础设施，以及绿色甲醇和绿氨的买家。"),
          capacity=250, mode="hybrid", opens=60, partners=["dicp", "tju"]),
    event("open-day-fairhaven-guangzhou", "open-day", "circular", 130, "Guangzhou",
          ("Open day at Fairhaven Consumer Goods, Guangzhou: zero waste to landfill", "菲尔海文消费品广州工厂开放日：零废弃物填埋"),
          ("How a consumer-goods plant sends nothing to landfill: sorting stations, a composting unit and the partners who take every other stream.",
           "一家消费品工厂如何实现零填埋：分类站、堆肥装置，以及接收其余各类废弃物的合作伙伴。"),
          capacity=50, host=5),
    event("zju-heat-pump-lab-day", "university", "electrification", 160, "Hangzhou",
          ("Zhejiang University lab day: industrial heat pumps on the test bench", "浙江大学实验室开放日：工业热泵测试平台"),
          ("Member engineers test high-temperature heat pumps with the College of Energy Engineering and plan pilots for their own plants.",
           "会员企业工程师与浙江大学能源工程学院共同测试高温热泵，并为自家工厂规划示范项目。"),
          capacity=40, campus="zju"),
    event("central-china-green-power-seminar", "seminar", "green-power", 172, "Wuhan",
          ("Green electricity in central China: power purchase agreements and certificates", "华中地区绿色电力：购电协议与绿证"),
          ("Hubei and its neighbours have hydropower, wind and solar to sell. Prices, contract terms and the evidence customers accept.",
           "湖北及周边省份有水电、风电和光伏电力可供购买。介绍价格、合同条款以及客户认可的证明材料。"),
          capacity=100, partners=["hust"]),
]  # fmt: skip

# --- Agenda items that are not talks -----------------------------------------------------

AGENDA = {
    "welcome": ("Welcome", "欢迎致辞"),
    "registration": ("Arrival and registration", "签到"),
    "safety": ("Welcome and safety briefing", "欢迎致辞与安全须知"),
    "tour": ("Guided tour", "现场参观"),
    "tea": ("Questions over tea", "茶叙答疑"),
    "opening": ("Opening remarks", "开幕致辞"),
    "lab": ("Lab visit", "实验室参观"),
    "lunch": ("Lunch", "午餐"),
    "pitches": ("Student and researcher projects, with feedback from members", "学生与研究人员项目展示及会员点评"),
    "next-steps": ("Joint research agenda: next steps", "联合研究议程：下一步工作"),
    "break": ("Tea break", "茶歇"),
    "panel": ("Panel discussion", "圆桌讨论"),
    "closing": ("Closing", "总结与闭幕"),
    "opening-address": ("Opening addresses", "开幕致辞"),
    "cases": ("Member case studies", "会员企业案例分享"),
    "networking": ("Networking reception", "交流酒会"),
    "working-groups": ("Working groups on next year's programme", "分组讨论：明年工作计划"),
    "reports": ("Reports from the working groups and close", "分组汇报与闭幕"),
    "qa": ("Live questions and answers", "在线问答"),
}
AGENDA_NOTES = {
    "tour": (
        "Groups of ten with a guide; helmets and glasses are handed out at the gate.",
        "每组十人，由讲解员带领；安全帽和护目镜在门岗发放。",
    ),
    "pitches": (
        "Five-minute presentations, each followed by questions from member engineers.",
        "每项展示五分钟，随后由会员企业工程师提问。",
    ),
    "cases": (
        "Three members, ten minutes each: what they did, what it cost and what it saved.",
        "三家会员企业各十分钟：做了什么、花了多少、节省了多少。",
    ),
    "qa": ("Type your questions in the chat at any time during the talks.", "演讲期间可随时在聊天区输入问题。"),
}

# --- People who register -------------------------------------------------------------------

CHINESE_FAMILY = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
                  ("赵", "Zhao"), ("黄", "Huang"), ("周", "Zhou"), ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun"),
                  ("胡", "Hu"), ("朱", "Zhu"), ("高", "Gao"), ("林", "Lin"), ("何", "He"), ("郭", "Guo"),
                  ("马", "Ma"), ("罗", "Luo"), ("梁", "Liang"), ("宋", "Song"), ("郑", "Zheng"), ("谢", "Xie")]  # fmt: skip
CHINESE_GIVEN = [("静", "Jing"), ("伟", "Wei"), ("芳", "Fang"), ("敏", "Min"), ("磊", "Lei"), ("洋", "Yang"),
                 ("婷", "Ting"), ("杰", "Jie"), ("丽", "Li"), ("强", "Qiang"), ("晓明", "Xiaoming"), ("雪", "Xue"),
                 ("浩", "Hao"), ("欣怡", "Xinyi"), ("子涵", "Zihan"), ("宇航", "Yuhang"), ("佳怡", "Jiayi"),
                 ("俊杰", "Junjie"), ("思远", "Siyuan"), ("文静", "Wenjing"), ("海波", "Haibo"), ("晨", "Chen"),
                 ("一鸣", "Yiming"), ("雅琴", "Yaqin"), ("志刚", "Zhigang"), ("琳", "Lin")]  # fmt: skip
WESTERN_FIRST = ["Anna", "Thomas", "Laura", "Markus", "Julia", "David", "Sarah", "Lukas", "Emma", "Pierre", "Claire",
                 "Kenji", "Yuki", "Minho", "Sofia", "Henrik", "Olivia", "Matteo", "Ingrid", "Jonas"]  # fmt: skip
WESTERN_LAST = ["Schneider", "Schmidt", "Dubois", "Rossi", "Jensen", "Tanaka", "Kim", "Berg", "Novak", "Fischer",
                "Laurent", "Suzuki", "Andersen", "Clarke", "Moreau", "Weber", "Lindgren", "Costa"]  # fmt: skip

COMPANY_ROLES = [("EHS Manager", "EHS经理"), ("Energy Manager", "能源经理"), ("Sustainability Manager", "可持续发展经理"),
                 ("Procurement Manager", "采购经理"), ("Plant Manager", "厂长"),
                 ("Carbon Accounting Specialist", "碳核算专员"), ("Process Engineer", "工艺工程师"),
                 ("Government Affairs Manager", "政府事务经理"), ("Export Compliance Manager", "出口合规经理"),
                 ("Supply Chain Analyst", "供应链分析师")]  # fmt: skip
UNIVERSITIES = [("Tsinghua University", "清华大学", "tsinghua"), ("Peking University", "北京大学", "pku"),
                ("Shanghai Jiao Tong University", "上海交通大学", "sjtu"), ("Tongji University", "同济大学", "tongji"),
                ("Zhejiang University", "浙江大学", "zju"), ("Tianjin University", "天津大学", "tju"),
                ("Huazhong University of Science and Technology", "华中科技大学", "hust"),
                ("Nanjing University", "南京大学", "nju"), ("Fudan University", "复旦大学", "fudan"),
                ("Sichuan University", "四川大学", "scu"), ("Sun Yat-sen University", "中山大学", "sysu"),
                ("Wuhan University", "武汉大学", "whu")]  # fmt: skip
UNIVERSITY_ROLES = [("PhD candidate", "博士研究生"), ("Master's student", "硕士研究生"),
                    ("Postdoctoral researcher", "博士后研究员"), ("Associate Professor", "副教授"),
                    ("Undergraduate student", "本科生")]  # fmt: skip
OTHER_ORGANISATIONS = [  # name, name_zh, email domain, role, role_zh
    ("Huayan Carbon Verification Centre", "华研碳核查中心", "huayan-carbon.example.org", "Verifier", "核查员"),
    ("Eastbridge Bank", "东桥银行", "eastbridge-bank.example.com", "Credit Analyst", "信贷分析师"),
    ("Lianhe Green Capital", "联合绿色资本", "lianhe-green.example.com", "Investment Manager", "投资经理"),
    (*JIANGNAN_DEE, "jiangnan.example.org", "Officer", "科员"),
    ("Greenline Carbon Consulting", "绿线碳咨询", "greenline.example.com", "Consultant", "咨询顾问"),
    ("Pearl River Environmental Engineering", "珠江环境工程", "pearlriver-env.example.com", "Project Engineer", "项目工程师"),
]  # fmt: skip
PUBLIC_ROLES = [
    ("Local resident", "周边居民"),
    ("Teacher", "教师"),
    ("Retired engineer", "退休工程师"),
    ("Student", "学生"),
]
INDIVIDUAL = ("Individual", "个人")
NEEDS = [("Vegetarian meal", "素食"), ("Wheelchair access", "需要无障碍通道"), ("Halal meal", "清真餐"),
         ("Nut allergy", "坚果过敏"), ("Live captions, please", "需要实时字幕")]  # fmt: skip
# Share of registrants from companies, universities, other organisations and the public, by kind.
AUDIENCE = {
    "open-day": (40, 20, 5, 35),
    "university": (40, 55, 5, 0),
    "seminar": (75, 10, 15, 0),
    "forum": (60, 15, 25, 0),
    "webinar": (70, 15, 15, 0),
}

SUMMARY = {
    "attendance": (
        "<p>{attendees} people from {organisations} organisations took part{where}.</p>",
        "<p>来自{organisations}家机构的{attendees}人{where}参加了本次活动。</p>",
    ),
    "heard": ("<h3>What we heard</h3>", "<h3>主要观点</h3>"),
    "after": (
        "<p>The slides are below{photos}.</p>",
        "<p>演示文稿见下方{photos}。</p>",
    ),
}
