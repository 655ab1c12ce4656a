"""Texts of the demo policy library: issuing bodies, about 150 documents, and the paragraph pools their files are
written from.

Titles of well-known documents are real (the 2021 action plan for peaking carbon dioxide before 2030, the
national carbon market rules, CCER, CBAM, EOD pilots, green factory standards); every text here is the
association's own summary written for the demo, never the official wording, and some dates and document numbers
are invented. Regional and association documents are fictitious.

A document's file is composed, with a seed of its own slug, from an opening paragraph for its type, general
paragraphs about the dual-carbon goals and two or three paragraphs from the pool of each of its topics, so a
hundred and fifty files read differently while the pools stay short enough to write well.
"""

import datetime
import random

# --- Issuing bodies ------------------------------------------------------------------------------------------

# key: (English name, Chinese name, jurisdiction, region, source site)
ISSUERS = {
    "npc": (
        "Standing Committee of the National People's Congress",
        "全国人民代表大会常务委员会",
        "national",
        "",
        "www.npc.gov.cn",
    ),
    "cpc-sc": ("CPC Central Committee and State Council", "中共中央、国务院", "national", "", "www.gov.cn"),
    "state-council": ("State Council", "国务院", "national", "", "www.gov.cn"),
    "ndrc": ("National Development and Reform Commission", "国家发展和改革委员会", "national", "", "www.ndrc.gov.cn"),
    "miit": ("Ministry of Industry and Information Technology", "工业和信息化部", "national", "", "www.miit.gov.cn"),
    "mee": ("Ministry of Ecology and Environment", "生态环境部", "national", "", "www.mee.gov.cn"),
    "nea": ("National Energy Administration", "国家能源局", "national", "", "www.nea.gov.cn"),
    "samr": (
        "State Administration for Market Regulation / Standardization Administration of China",
        "国家市场监督管理总局、国家标准化管理委员会",
        "national",
        "",
        "www.samr.gov.cn",
    ),
    "mof": ("Ministry of Finance", "财政部", "national", "", "www.mof.gov.cn"),
    "pboc": ("People's Bank of China", "中国人民银行", "national", "", "www.pbc.gov.cn"),
    "js-gov": (
        "Jiangsu Provincial People's Government",
        "江苏省人民政府",
        "provincial",
        "Jiangsu",
        "www.jiangsu.gov.cn",
    ),
    "js-drc": (
        "Jiangsu Provincial Development and Reform Commission",
        "江苏省发展和改革委员会",
        "provincial",
        "Jiangsu",
        "fzggw.jiangsu.gov.cn",
    ),
    "js-eco": (
        "Jiangsu Provincial Department of Ecology and Environment",
        "江苏省生态环境厅",
        "provincial",
        "Jiangsu",
        "sthjt.jiangsu.gov.cn",
    ),
    "js-iit": (
        "Jiangsu Provincial Department of Industry and Information Technology",
        "江苏省工业和信息化厅",
        "provincial",
        "Jiangsu",
        "gxt.jiangsu.gov.cn",
    ),
    "gd-gov": (
        "Guangdong Provincial People's Government",
        "广东省人民政府",
        "provincial",
        "Guangdong",
        "www.gd.gov.cn",
    ),
    "gd-drc": (
        "Guangdong Provincial Development and Reform Commission",
        "广东省发展和改革委员会",
        "provincial",
        "Guangdong",
        "drc.gd.gov.cn",
    ),
    "gd-eco": (
        "Guangdong Provincial Department of Ecology and Environment",
        "广东省生态环境厅",
        "provincial",
        "Guangdong",
        "gdee.gd.gov.cn",
    ),
    "gd-iit": (
        "Guangdong Provincial Department of Industry and Information Technology",
        "广东省工业和信息化厅",
        "provincial",
        "Guangdong",
        "gdii.gd.gov.cn",
    ),
    "zj-gov": ("Zhejiang Provincial People's Government", "浙江省人民政府", "provincial", "Zhejiang", "www.zj.gov.cn"),
    "zj-drc": (
        "Zhejiang Provincial Development and Reform Commission",
        "浙江省发展和改革委员会",
        "provincial",
        "Zhejiang",
        "fzggw.zj.gov.cn",
    ),
    "zj-eco": (
        "Zhejiang Provincial Department of Ecology and Environment",
        "浙江省生态环境厅",
        "provincial",
        "Zhejiang",
        "sthjt.zj.gov.cn",
    ),
    "zj-eit": (
        "Zhejiang Provincial Department of Economy and Information Technology",
        "浙江省经济和信息化厅",
        "provincial",
        "Zhejiang",
        "jxt.zj.gov.cn",
    ),
    "sh-gov": (
        "Shanghai Municipal People's Government",
        "上海市人民政府",
        "provincial",
        "Shanghai",
        "www.shanghai.gov.cn",
    ),
    "sh-drc": (
        "Shanghai Municipal Development and Reform Commission",
        "上海市发展和改革委员会",
        "provincial",
        "Shanghai",
        "fgw.sh.gov.cn",
    ),
    "sh-eco": (
        "Shanghai Municipal Bureau of Ecology and Environment",
        "上海市生态环境局",
        "provincial",
        "Shanghai",
        "sthj.sh.gov.cn",
    ),
    "sh-eit": (
        "Shanghai Municipal Commission of Economy and Informatization",
        "上海市经济和信息化委员会",
        "provincial",
        "Shanghai",
        "sheitc.sh.gov.cn",
    ),
    "sc-gov": ("Sichuan Provincial People's Government", "四川省人民政府", "provincial", "Sichuan", "www.sc.gov.cn"),
    "sc-drc": (
        "Sichuan Provincial Development and Reform Commission",
        "四川省发展和改革委员会",
        "provincial",
        "Sichuan",
        "fgw.sc.gov.cn",
    ),
    "sc-eco": (
        "Sichuan Provincial Department of Ecology and Environment",
        "四川省生态环境厅",
        "provincial",
        "Sichuan",
        "sthjt.sc.gov.cn",
    ),
    "sc-eit": (
        "Sichuan Provincial Department of Economy and Information Technology",
        "四川省经济和信息化厅",
        "provincial",
        "Sichuan",
        "jxt.sc.gov.cn",
    ),
    "suzhou": ("Suzhou Municipal People's Government", "苏州市人民政府", "city", "Suzhou", "www.suzhou.gov.cn"),
    "shenzhen": ("Shenzhen Municipal People's Government", "深圳市人民政府", "city", "Shenzhen", "www.sz.gov.cn"),
    "ningbo": (
        "Ningbo Municipal Bureau of Ecology and Environment",
        "宁波市生态环境局",
        "city",
        "Ningbo",
        "sthjj.ningbo.gov.cn",
    ),
    "chengdu": ("Chengdu Municipal People's Government", "成都市人民政府", "city", "Chengdu", "www.chengdu.gov.cn"),
    "huzhou": ("Huzhou Municipal People's Government", "湖州市人民政府", "city", "Huzhou", "www.huzhou.gov.cn"),
    "unfccc": (
        "United Nations Framework Convention on Climate Change",
        "《联合国气候变化框架公约》秘书处",
        "international",
        "",
        "unfccc.int",
    ),
    "china-ndc": ("Government of the People's Republic of China", "中华人民共和国政府", "national", "", "unfccc.int"),
    "eu-commission": ("European Commission", "欧盟委员会", "international", "", "taxation-customs.ec.europa.eu"),
    "eu-legislator": (
        "European Parliament and Council of the European Union",
        "欧洲议会和欧盟理事会",
        "international",
        "",
        "eur-lex.europa.eu",
    ),
    "iso": (
        "International Organization for Standardization (ISO)",
        "国际标准化组织",
        "international",
        "",
        "www.iso.org",
    ),
    "ghg-protocol": (
        "Greenhouse Gas Protocol (WRI and WBCSD)",
        "温室气体核算体系（世界资源研究所、世界可持续发展工商理事会）",
        "international",
        "",
        "ghgprotocol.org",
    ),
    "issb": (
        "International Sustainability Standards Board",
        "国际可持续准则理事会",
        "international",
        "",
        "www.ifrs.org",
    ),
    "iea": ("International Energy Agency", "国际能源署", "international", "", "www.iea.org"),
    "icap": (
        "International Carbon Action Partnership",
        "国际碳行动伙伴组织",
        "international",
        "",
        "icapcarbonaction.com",
    ),
    "association": ("Low-Carbon Manufacturers Association", "低碳制造商协会", "association", "", "lcma.example.org"),
}

# --- The documents -------------------------------------------------------------------------------------------
# (slug, issuer, type, issued, language, titles, topics, options)
# language: "zh" a Chinese original only, "en" an English original only, "pair" a Chinese original with the
# association's English translation as a second, linked entry. titles: (Chinese, English) or (English,).
# options: status ("superseded" | "draft"), effective (date), number (document number).

D = datetime.date
DOCUMENTS = [
    # National: the dual-carbon framework
    ("dual-carbon-working-guidance", "cpc-sc", "guideline", D(2021, 10, 24), "pair",
     ("关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见", "Working Guidance for Carbon Dioxide Peaking and Carbon Neutrality in Full and Faithful Implementation of the New Development Philosophy"),
     ["climate-policy"], {"number": "中发〔2021〕36号"}),
    ("carbon-peak-action-plan-2030", "state-council", "plan", D(2021, 10, 24), "pair",
     ("2030年前碳达峰行动方案", "Action Plan for Carbon Dioxide Peaking Before 2030"),
     ["climate-policy", "energy-efficiency", "renewable-energy"], {"number": "国发〔2021〕23号"}),
    ("greenhouse-gas-control-13th-fyp", "state-council", "plan", D(2016, 10, 27), "zh",
     ("“十三五”控制温室气体排放工作方案", "Work Plan for Controlling Greenhouse Gas Emissions in the 13th Five-Year Plan Period"),
     ["climate-policy"], {"status": "superseded", "number": "国发〔2016〕61号"}),
    ("energy-conservation-law-2018", "npc", "law", D(2018, 10, 26), "zh",
     ("中华人民共和国节约能源法（2018年修正）", "Energy Conservation Law of the People's Republic of China (2018 amendment)"),
     ["energy-efficiency", "climate-policy"], {"effective": D(2018, 10, 26)}),
    ("circular-economy-promotion-law-2018", "npc", "law", D(2018, 10, 26), "zh",
     ("中华人民共和国循环经济促进法（2018年修正）", "Circular Economy Promotion Law of the People's Republic of China (2018 amendment)"),
     ["circular-economy"], {"effective": D(2018, 10, 26)}),
    ("energy-law-2024", "npc", "law", D(2024, 11, 8), "pair",
     ("中华人民共和国能源法", "Energy Law of the People's Republic of China"),
     ["renewable-energy", "energy-efficiency", "climate-policy"], {"effective": D(2025, 1, 1)}),
    ("energy-dual-control-scheme-2021", "ndrc", "plan", D(2021, 9, 11), "zh",
     ("完善能源消费强度和总量双控制度方案", "Scheme for Improving the Dual Control of Energy Consumption Intensity and Total Amount"),
     ["energy-efficiency", "climate-policy"], {"status": "superseded", "number": "发改环资〔2021〕1310号"}),
    ("carbon-dual-control-system-2024", "state-council", "plan", D(2024, 8, 2), "zh",
     ("加快构建碳排放双控制度体系工作方案", "Work Plan for Accelerating a System for Dual Control of Carbon Emissions"),
     ["climate-policy", "carbon-accounting"], {"number": "国办发〔2024〕39号"}),
    ("standards-metrology-dual-carbon-2022", "samr", "plan", D(2022, 10, 18), "zh",
     ("建立健全碳达峰碳中和标准计量体系实施方案", "Implementation Plan for Standards and Metrology Supporting Carbon Peaking and Carbon Neutrality"),
     ["carbon-accounting", "climate-policy"], {"number": "国市监计量发〔2022〕92号"}),
    ("finance-support-dual-carbon-2022", "mof", "guideline", D(2022, 5, 25), "zh",
     ("财政支持做好碳达峰碳中和工作的意见", "Opinions on Fiscal Support for Carbon Peaking and Carbon Neutrality"),
     ["green-finance", "climate-policy"], {"number": "财资环〔2022〕53号"}),
    ("high-emission-projects-guidance-2021", "mee", "guideline", D(2021, 5, 30), "zh",
     ("关于加强高耗能、高排放建设项目生态环境源头防控的指导意见", "Guiding Opinions on Strengthening Upstream Environmental Control of Energy-Intensive, High-Emission Projects"),
     ["climate-policy", "energy-efficiency"], {"number": "环环评〔2021〕45号"}),
    ("environmental-disclosure-measures-2021", "mee", "regulation", D(2021, 12, 11), "zh",
     ("企业环境信息依法披露管理办法", "Measures for the Administration of Mandatory Corporate Environmental Disclosure"),
     ["carbon-accounting"], {"effective": D(2022, 2, 8)}),
    ("biodiversity-strategy-2023-2030", "mee", "plan", D(2024, 1, 18), "zh",
     ("中国生物多样性保护战略与行动计划（2023—2030年）", "China Biodiversity Conservation Strategy and Action Plan (2023–2030)"),
     ["biodiversity"], {}),
    # National: industry and green manufacturing
    ("industry-carbon-peak-plan", "miit", "plan", D(2022, 7, 7), "pair",
     ("工业领域碳达峰实施方案", "Implementation Plan for Carbon Peaking in the Industrial Sector"),
     ["green-manufacturing", "energy-efficiency", "climate-policy"], {"number": "工信部联节〔2022〕88号"}),
    ("industrial-green-development-2016", "miit", "plan", D(2016, 6, 30), "zh",
     ("工业绿色发展规划（2016—2020年）", "Industrial Green Development Plan (2016–2020)"),
     ["green-manufacturing", "energy-efficiency"], {"status": "superseded", "number": "工信部规〔2016〕225号"}),
    ("industrial-green-development-14th-fyp", "miit", "plan", D(2021, 11, 15), "zh",
     ("“十四五”工业绿色发展规划", "14th Five-Year Plan for Industrial Green Development"),
     ["green-manufacturing", "circular-economy", "energy-efficiency"], {"number": "工信部规〔2021〕178号"}),
    ("green-manufacturing-system-2016", "miit", "notice", D(2016, 9, 3), "zh",
     ("关于开展绿色制造体系建设的通知", "Notice on Building the Green Manufacturing System"),
     ["green-manufacturing"], {"status": "superseded", "number": "工信厅节函〔2016〕586号"}),
    ("green-factory-tiered-cultivation-2024", "miit", "regulation", D(2024, 1, 31), "pair",
     ("绿色工厂梯度培育及管理暂行办法", "Interim Measures for the Tiered Cultivation and Management of Green Factories"),
     ["green-manufacturing"], {"effective": D(2024, 1, 31), "number": "工信部节〔2024〕13号"}),
    ("green-manufacturing-list-2021", "miit", "notice", D(2021, 11, 30), "zh",
     ("关于公布2021年度绿色制造名单的通知", "Notice Publishing the 2021 Green Manufacturing List"),
     ["green-manufacturing"], {}),
    ("green-manufacturing-list-2023", "miit", "notice", D(2023, 12, 29), "zh",
     ("关于公布2023年度绿色制造名单的通知", "Notice Publishing the 2023 Green Manufacturing List"),
     ["green-manufacturing"], {}),
    ("green-manufacturing-list-2025", "miit", "notice", D(2025, 12, 19), "zh",
     ("关于公布2025年度绿色制造名单的通知", "Notice Publishing the 2025 Green Manufacturing List"),
     ["green-manufacturing"], {}),
    ("gbt-36132-green-factory", "samr", "standard", D(2018, 5, 14), "zh",
     ("GB/T 36132—2018 绿色工厂评价通则", "GB/T 36132-2018 General Principles for the Evaluation of Green Factories"),
     ["green-manufacturing"], {"effective": D(2018, 12, 1)}),
    ("gbt-36132-revision-draft", "samr", "standard", D(2025, 9, 8), "zh",
     ("绿色工厂评价通则（修订征求意见稿）", "General Principles for the Evaluation of Green Factories (revision, draft for comment)"),
     ["green-manufacturing"], {"status": "draft"}),
    ("gbt-32150-industrial-ghg", "samr", "standard", D(2015, 11, 19), "zh",
     ("GB/T 32150—2015 工业企业温室气体排放核算和报告通则", "GB/T 32150-2015 General Guideline of Greenhouse Gas Emissions Accounting and Reporting for Industrial Enterprises"),
     ["carbon-accounting"], {"effective": D(2016, 6, 1)}),
    ("gbt-32151-5-steel", "samr", "standard", D(2015, 11, 19), "zh",
     ("GB/T 32151.5—2015 温室气体排放核算与报告要求 第5部分：钢铁生产企业", "GB/T 32151.5-2015 Requirements of Greenhouse Gas Emissions Accounting and Reporting, Part 5: Iron and Steel Producers"),
     ["carbon-accounting"], {"effective": D(2016, 6, 1)}),
    ("gbt-32151-10-chemicals", "samr", "standard", D(2015, 11, 19), "zh",
     ("GB/T 32151.10—2015 温室气体排放核算与报告要求 第10部分：化工生产企业", "GB/T 32151.10-2015 Requirements of Greenhouse Gas Emissions Accounting and Reporting, Part 10: Chemical Producers"),
     ["carbon-accounting"], {"effective": D(2016, 6, 1)}),
    ("gbt-24067-product-footprint", "samr", "standard", D(2024, 8, 23), "zh",
     ("GB/T 24067—2024 温室气体 产品碳足迹 量化要求和指南", "GB/T 24067-2024 Greenhouse Gases: Carbon Footprint of Products, Requirements and Guidelines for Quantification"),
     ["carbon-accounting", "supply-chain-decarbonisation"], {"effective": D(2025, 3, 1)}),
    ("product-footprint-rules-draft", "miit", "standard", D(2025, 11, 14), "zh",
     ("重点工业产品碳足迹核算规则 通用要求（征求意见稿）", "Carbon Footprint Accounting Rules for Key Industrial Products: General Requirements (draft for comment)"),
     ["carbon-accounting", "supply-chain-decarbonisation"], {"status": "draft"}),
    ("product-footprint-opinions-2023", "ndrc", "guideline", D(2023, 11, 13), "zh",
     ("关于加快建立产品碳足迹管理体系的意见", "Opinions on Accelerating a Product Carbon Footprint Management System"),
     ["carbon-accounting", "supply-chain-decarbonisation"], {"number": "发改环资〔2023〕1529号"}),
    ("carbon-footprint-system-plan-2024", "mee", "plan", D(2024, 5, 22), "pair",
     ("关于建立碳足迹管理体系的实施方案", "Implementation Plan for Establishing a Carbon Footprint Management System"),
     ["carbon-accounting", "supply-chain-decarbonisation"], {"number": "环气候〔2024〕30号"}),
    ("circular-economy-14th-fyp", "ndrc", "plan", D(2021, 7, 1), "zh",
     ("“十四五”循环经济发展规划", "14th Five-Year Plan for Circular Economy Development"),
     ["circular-economy"], {"number": "发改环资〔2021〕969号"}),
    ("renewable-energy-14th-fyp", "nea", "plan", D(2022, 6, 1), "zh",
     ("“十四五”可再生能源发展规划", "14th Five-Year Plan for Renewable Energy Development"),
     ["renewable-energy"], {"number": "发改能源〔2021〕1445号"}),
    ("hydrogen-plan-2021-2035", "ndrc", "plan", D(2022, 3, 23), "pair",
     ("氢能产业发展中长期规划（2021—2035年）", "Medium- and Long-Term Plan for the Development of the Hydrogen Industry (2021–2035)"),
     ["hydrogen", "renewable-energy"], {}),
    ("green-certificates-2017", "ndrc", "notice", D(2017, 1, 18), "zh",
     ("关于试行可再生能源绿色电力证书核发及自愿认购交易制度的通知", "Notice on Trialling the Issuance and Voluntary Trading of Renewable Energy Green Certificates"),
     ["renewable-energy"], {"status": "superseded", "number": "发改能源〔2017〕132号"}),
    ("green-certificates-full-coverage-2023", "nea", "notice", D(2023, 7, 25), "zh",
     ("关于做好可再生能源绿色电力证书全覆盖工作促进可再生能源电力消费的通知", "Notice on Full Coverage of Renewable Energy Green Certificates to Promote Renewable Electricity Consumption"),
     ["renewable-energy"], {"number": "发改能源〔2023〕1044号"}),
    ("energy-efficiency-benchmarks-2023", "ndrc", "notice", D(2023, 6, 6), "zh",
     ("工业重点领域能效标杆水平和基准水平（2023年版）", "Energy Efficiency Benchmark and Baseline Levels in Key Industrial Sectors (2023 edition)"),
     ["energy-efficiency", "green-manufacturing"], {"number": "发改产业〔2023〕723号"}),
    # National: carbon markets and CCER
    ("ets-measures-2020", "mee", "regulation", D(2020, 12, 31), "zh",
     ("碳排放权交易管理办法（试行）", "Measures for the Administration of Carbon Emissions Trading (Trial)"),
     ["carbon-markets"], {"effective": D(2021, 2, 1), "number": "生态环境部令第19号"}),
    ("ets-measures-revision-draft", "mee", "regulation", D(2025, 12, 2), "zh",
     ("碳排放权交易管理办法（修订征求意见稿）", "Measures for the Administration of Carbon Emissions Trading (revision, draft for comment)"),
     ["carbon-markets"], {"status": "draft"}),
    ("ets-interim-regulations-2024", "state-council", "regulation", D(2024, 1, 25), "pair",
     ("碳排放权交易管理暂行条例", "Interim Regulations on the Administration of Carbon Emissions Trading"),
     ["carbon-markets", "carbon-accounting"], {"effective": D(2024, 5, 1), "number": "国务院令第775号"}),
    ("power-sector-accounting-guide-2021", "mee", "guideline", D(2021, 3, 29), "zh",
     ("企业温室气体排放核算方法与报告指南 发电设施", "Guidelines for Accounting and Reporting Corporate Greenhouse Gas Emissions: Power Generation Facilities"),
     ["carbon-accounting", "carbon-markets"], {"status": "superseded"}),
    ("power-sector-accounting-guide-2022", "mee", "guideline", D(2022, 12, 19), "zh",
     ("企业温室气体排放核算与报告指南 发电设施（2022年修订版）", "Guidelines for Accounting and Reporting Corporate Greenhouse Gas Emissions: Power Generation Facilities (2022 revision)"),
     ["carbon-accounting", "carbon-markets"], {}),
    ("ets-expansion-steel-cement-aluminium", "mee", "plan", D(2025, 3, 26), "zh",
     ("全国碳排放权交易市场覆盖钢铁、水泥、铝冶炼行业工作方案", "Work Plan for Extending the National Carbon Market to Steel, Cement and Aluminium Smelting"),
     ["carbon-markets"], {}),
    ("ets-chemicals-inclusion-draft", "mee", "plan", D(2026, 6, 30), "zh",
     ("关于石化、化工行业纳入全国碳排放权交易市场的工作方案（征求意见稿）", "Work Plan for Bringing the Petrochemical and Chemical Sectors into the National Carbon Market (draft for comment)"),
     ["carbon-markets", "carbon-accounting"], {"status": "draft"}),
    ("ccer-filing-suspension-2017", "ndrc", "notice", D(2017, 3, 14), "zh",
     ("关于暂缓受理温室气体自愿减排交易方法学、项目、减排量、审定与核证机构、交易机构备案申请的公告", "Announcement Suspending Filings under the Voluntary Greenhouse Gas Emission Reduction (CCER) Scheme"),
     ["carbon-markets"], {"status": "superseded", "number": "2017年第2号"}),
    ("ccer-measures-2023", "mee", "regulation", D(2023, 10, 19), "pair",
     ("温室气体自愿减排交易管理办法（试行）", "Measures for the Administration of Voluntary Greenhouse Gas Emission Reduction Trading (Trial)"),
     ["carbon-markets"], {"effective": D(2023, 10, 19), "number": "生态环境部、市场监管总局令第31号"}),
    ("ccer-methodologies-first-batch", "mee", "notice", D(2023, 10, 24), "zh",
     ("关于印发《温室气体自愿减排项目方法学 造林碳汇》等4项方法学的通知", "Notice Issuing Four CCER Project Methodologies, Including Afforestation Carbon Sinks"),
     ["carbon-markets", "biodiversity"], {"number": "环办气候函〔2023〕343号"}),
    # National: EOD and green finance
    ("eod-pilot-recommendation-2020", "mee", "notice", D(2020, 9, 16), "pair",
     ("关于推荐生态环境导向的开发模式试点项目的通知", "Notice on Recommending Pilot Projects for Ecology-Oriented Development (EOD)"),
     ["eod-financing", "green-finance"], {"number": "环办科财函〔2020〕489号"}),
    ("eod-pilots-first-batch-2021", "mee", "notice", D(2021, 4, 28), "zh",
     ("关于同意开展生态环境导向的开发（EOD）模式试点的通知", "Notice Approving the First Batch of Ecology-Oriented Development (EOD) Pilots"),
     ["eod-financing"], {"number": "环办科财函〔2021〕201号"}),
    ("eod-pilots-second-batch-2022", "mee", "notice", D(2022, 4, 6), "zh",
     ("关于同意开展第二批生态环境导向的开发（EOD）模式试点的通知", "Notice Approving the Second Batch of Ecology-Oriented Development (EOD) Pilots"),
     ["eod-financing"], {"number": "环办科财函〔2022〕132号"}),
    ("eod-project-guidelines-2024", "mee", "guideline", D(2024, 11, 20), "zh",
     ("生态环境导向的开发（EOD）项目实施导则（试行）", "Implementation Guidelines for Ecology-Oriented Development (EOD) Projects (Trial)"),
     ["eod-financing", "green-finance", "biodiversity"], {}),
    ("eod-financing-guidance-draft", "mee", "guideline", D(2026, 4, 15), "zh",
     ("关于金融支持生态环境导向的开发（EOD）项目的指导意见（征求意见稿）", "Guiding Opinions on Financial Support for EOD Projects (draft for comment)"),
     ["eod-financing", "green-finance"], {"status": "draft"}),
    ("carbon-reduction-facility-2021", "pboc", "notice", D(2021, 11, 8), "zh",
     ("关于设立碳减排支持工具的通知", "Notice on Establishing the Carbon Emission Reduction Facility"),
     ["green-finance"], {}),
    ("green-bond-catalogue-2015", "pboc", "guideline", D(2015, 12, 22), "zh",
     ("绿色债券支持项目目录（2015年版）", "Green Bond Endorsed Projects Catalogue (2015 edition)"),
     ["green-finance"], {"status": "superseded", "number": "中国人民银行公告〔2015〕第39号"}),
    ("green-bond-catalogue-2021", "pboc", "guideline", D(2021, 4, 2), "zh",
     ("绿色债券支持项目目录（2021年版）", "Green Bond Endorsed Projects Catalogue (2021 edition)"),
     ["green-finance"], {"effective": D(2021, 7, 1), "number": "银发〔2021〕96号"}),
    ("green-industry-catalogue-2019", "ndrc", "guideline", D(2019, 2, 14), "zh",
     ("绿色产业指导目录（2019年版）", "Green Industry Guidance Catalogue (2019 edition)"),
     ["green-finance", "green-manufacturing"], {"status": "superseded", "number": "发改环资〔2019〕293号"}),
    ("green-industry-catalogue-2024", "ndrc", "guideline", D(2024, 2, 2), "zh",
     ("绿色低碳转型产业指导目录（2024年版）", "Guidance Catalogue of Green and Low-Carbon Transition Industries (2024 edition)"),
     ["green-finance", "green-manufacturing"], {"number": "发改环资〔2024〕165号"}),
    # Provinces
    ("jiangsu-carbon-peak-plan", "js-gov", "plan", D(2022, 10, 9), "zh",
     ("江苏省碳达峰实施方案", "Jiangsu Province Implementation Plan for Carbon Peaking"),
     ["climate-policy", "energy-efficiency"], {}),
    ("jiangsu-industry-carbon-peak", "js-iit", "plan", D(2022, 12, 28), "zh",
     ("江苏省工业领域及重点行业碳达峰实施方案", "Jiangsu Implementation Plan for Carbon Peaking in Industry and Key Sectors"),
     ["green-manufacturing", "energy-efficiency"], {}),
    ("jiangsu-green-factories-2024", "js-iit", "notice", D(2024, 11, 5), "zh",
     ("关于公布2024年度江苏省绿色工厂名单的通知", "Notice Publishing Jiangsu's 2024 List of Provincial Green Factories"),
     ["green-manufacturing"], {}),
    ("jiangsu-ets-compliance-2024", "js-eco", "notice", D(2024, 10, 14), "zh",
     ("关于做好2023年度全国碳排放权交易市场配额清缴工作的通知", "Notice on Surrendering 2023 Allowances in the National Carbon Market (Jiangsu)"),
     ["carbon-markets"], {}),
    ("jiangsu-eod-projects-2023", "js-eco", "guideline", D(2023, 6, 20), "zh",
     ("江苏省生态环境导向的开发（EOD）项目入库指引", "Jiangsu Guidance on Entering EOD Projects into the Provincial Project Pool"),
     ["eod-financing"], {}),
    ("guangdong-carbon-peak-plan", "gd-gov", "plan", D(2023, 2, 7), "zh",
     ("广东省碳达峰实施方案", "Guangdong Province Implementation Plan for Carbon Peaking"),
     ["climate-policy", "renewable-energy"], {}),
    ("guangdong-industry-carbon-peak", "gd-iit", "plan", D(2023, 2, 24), "zh",
     ("广东省工业领域碳达峰实施方案", "Guangdong Implementation Plan for Carbon Peaking in the Industrial Sector"),
     ["green-manufacturing", "energy-efficiency"], {}),
    ("guangdong-ets-measures-2015", "gd-gov", "regulation", D(2015, 1, 15), "zh",
     ("广东省碳排放管理试行办法", "Guangdong Trial Measures for Carbon Emissions Management"),
     ["carbon-markets"], {"status": "superseded", "effective": D(2015, 3, 1)}),
    ("guangdong-ets-measures-2020", "gd-gov", "regulation", D(2020, 5, 12), "zh",
     ("广东省碳排放管理试行办法（2020年修订）", "Guangdong Trial Measures for Carbon Emissions Management (2020 revision)"),
     ["carbon-markets"], {"effective": D(2020, 5, 12)}),
    ("guangdong-footprint-pilot", "gd-drc", "notice", D(2025, 4, 16), "zh",
     ("关于开展重点产品碳足迹标识认证试点的通知", "Notice on Piloting Carbon Footprint Labels for Key Products (Guangdong)"),
     ["supply-chain-decarbonisation", "carbon-accounting"], {}),
    ("zhejiang-carbon-peak-plan", "zj-gov", "plan", D(2022, 12, 30), "zh",
     ("浙江省碳达峰实施方案", "Zhejiang Province Implementation Plan for Carbon Peaking"),
     ["climate-policy"], {}),
    ("zhejiang-industry-carbon-peak", "zj-eit", "plan", D(2022, 11, 2), "zh",
     ("浙江省工业领域碳达峰实施方案", "Zhejiang Implementation Plan for Carbon Peaking in the Industrial Sector"),
     ["green-manufacturing", "circular-economy"], {}),
    ("zhejiang-eod-pool-2022", "zj-eco", "notice", D(2022, 8, 18), "zh",
     ("关于开展生态环境导向的开发（EOD）模式项目储备工作的通知", "Notice on Building a Reserve of EOD Projects (Zhejiang)"),
     ["eod-financing"], {"status": "superseded"}),
    ("zhejiang-carbon-account-finance", "zj-drc", "guideline", D(2024, 6, 5), "zh",
     ("浙江省碳账户金融应用指引", "Zhejiang Guidelines on Using Carbon Accounts in Finance"),
     ["green-finance", "carbon-accounting"], {}),
    ("shanghai-carbon-peak-plan", "sh-gov", "plan", D(2022, 7, 8), "pair",
     ("上海市碳达峰实施方案", "Shanghai Implementation Plan for Carbon Peaking"),
     ["climate-policy", "energy-efficiency"], {}),
    ("shanghai-ets-measures-2024", "sh-gov", "regulation", D(2024, 1, 5), "zh",
     ("上海市碳排放管理办法", "Shanghai Measures for Carbon Emissions Management"),
     ["carbon-markets"], {"effective": D(2024, 2, 1)}),
    ("shanghai-allocation-2016", "sh-eco", "plan", D(2016, 12, 30), "zh",
     ("上海市2016年碳排放配额分配方案", "Shanghai 2016 Carbon Allowance Allocation Plan"),
     ["carbon-markets"], {"status": "superseded"}),
    ("shanghai-hydrogen-plan", "sh-drc", "plan", D(2022, 6, 20), "zh",
     ("上海市氢能产业发展中长期规划（2022—2035年）", "Shanghai Medium- and Long-Term Plan for the Hydrogen Industry (2022–2035)"),
     ["hydrogen"], {}),
    ("shanghai-green-manufacturing-2025", "sh-eit", "plan", D(2025, 2, 18), "zh",
     ("上海市绿色制造体系建设三年行动计划（2025—2027年）", "Shanghai Three-Year Action Plan for the Green Manufacturing System (2025–2027)"),
     ["green-manufacturing", "supply-chain-decarbonisation"], {}),
    ("shanghai-ccer-support", "sh-eco", "notice", D(2024, 7, 9), "zh",
     ("关于支持温室气体自愿减排项目开发的若干措施", "Measures Supporting the Development of CCER Projects (Shanghai)"),
     ["carbon-markets"], {}),
    ("sichuan-carbon-peak-plan", "sc-gov", "plan", D(2022, 12, 29), "zh",
     ("四川省碳达峰实施方案", "Sichuan Province Implementation Plan for Carbon Peaking"),
     ["climate-policy", "renewable-energy"], {}),
    ("sichuan-industry-carbon-peak", "sc-eit", "plan", D(2023, 3, 10), "zh",
     ("四川省工业领域碳达峰实施方案", "Sichuan Implementation Plan for Carbon Peaking in the Industrial Sector"),
     ["green-manufacturing", "renewable-energy"], {}),
    ("sichuan-eod-rivers", "sc-eco", "plan", D(2023, 9, 7), "zh",
     ("四川省长江黄河上游生态环境导向的开发（EOD）项目推进方案", "Sichuan Plan for EOD Projects on the Upper Yangtze and Yellow Rivers"),
     ["eod-financing", "biodiversity"], {}),
    ("sichuan-biodiversity-2025", "sc-eco", "notice", D(2025, 5, 22), "zh",
     ("关于加强工业园区生物多样性保护的通知", "Notice on Protecting Biodiversity in Industrial Parks (Sichuan)"),
     ["biodiversity"], {}),
    # Cities
    ("suzhou-green-factory-awards", "suzhou", "notice", D(2023, 4, 11), "zh",
     ("苏州市绿色工厂奖补资金申报指南", "Suzhou Guide to Applying for Green Factory Subsidies"),
     ["green-manufacturing", "green-finance"], {}),
    ("shenzhen-ets-measures-2022", "shenzhen", "regulation", D(2022, 5, 23), "zh",
     ("深圳市碳排放权交易管理办法", "Shenzhen Measures for the Administration of Carbon Emissions Trading"),
     ["carbon-markets"], {"effective": D(2022, 7, 1)}),
    ("shenzhen-near-zero-pilots", "shenzhen", "plan", D(2021, 12, 15), "zh",
     ("深圳市近零碳排放区试点建设实施方案", "Shenzhen Implementation Plan for Near-Zero-Emission Pilot Zones"),
     ["climate-policy", "renewable-energy"], {"status": "superseded"}),
    ("ningbo-eod-rivers", "ningbo", "notice", D(2022, 10, 26), "zh",
     ("宁波市生态环境导向的开发（EOD）项目申报指南", "Ningbo Guide to Applying for EOD Projects"),
     ["eod-financing"], {}),
    ("chengdu-green-low-carbon-industry", "chengdu", "plan", D(2022, 6, 14), "zh",
     ("成都市绿色低碳产业发展规划（2022—2025年）", "Chengdu Plan for Green and Low-Carbon Industries (2022–2025)"),
     ["green-manufacturing", "hydrogen"], {}),
    ("chengdu-carbon-inclusion", "chengdu", "notice", D(2020, 3, 18), "zh",
     ("成都市“碳惠天府”机制管理办法（试行）", "Chengdu Measures for the 'Carbon Benefits' Scheme (Trial)"),
     ["carbon-markets"], {"status": "superseded"}),
    ("huzhou-green-finance-zone", "huzhou", "guideline", D(2019, 11, 22), "zh",
     ("湖州市绿色金融改革创新试验区建设指引", "Huzhou Guidelines for the Green Finance Reform and Innovation Pilot Zone"),
     ["green-finance"], {}),
    # International
    ("paris-agreement", "unfccc", "law", D(2015, 12, 12), "en",
     ("Paris Agreement",), ["climate-policy"], {"effective": D(2016, 11, 4)}),
    ("glasgow-climate-pact", "unfccc", "guideline", D(2021, 11, 13), "en",
     ("Glasgow Climate Pact (Decision 1/CMA.3)",), ["climate-policy"], {}),
    ("first-global-stocktake", "unfccc", "report", D(2023, 12, 13), "en",
     ("Outcome of the First Global Stocktake (Decision 1/CMA.5)",), ["climate-policy", "renewable-energy"], {}),
    ("china-ndc-2021", "china-ndc", "plan", D(2021, 10, 28), "pair",
     ("中国落实国家自主贡献成效和新目标新举措", "China's Achievements, New Goals and New Measures for Nationally Determined Contributions"),
     ["climate-policy"], {}),
    ("china-ndc-2035", "china-ndc", "plan", D(2025, 11, 3), "en",
     ("China's 2035 Nationally Determined Contribution",), ["climate-policy", "renewable-energy"], {}),
    ("cbam-regulation", "eu-legislator", "regulation", D(2023, 5, 10), "en",
     ("Regulation (EU) 2023/956 establishing a carbon border adjustment mechanism (CBAM)",),
     ["carbon-markets", "climate-policy"], {"effective": D(2023, 5, 17), "other": True}),
    ("cbam-transitional-reporting", "eu-commission", "regulation", D(2023, 8, 17), "en",
     ("Implementing Regulation (EU) 2023/1773: CBAM reporting obligations during the transitional period",),
     ["carbon-markets", "carbon-accounting"], {"effective": D(2023, 10, 1)}),
    ("cbam-guidance-installations", "eu-commission", "guideline", D(2023, 12, 18), "en",
     ("Guidance document on CBAM implementation for installation operators outside the EU",),
     ["carbon-markets", "carbon-accounting", "supply-chain-decarbonisation"], {}),
    ("cbam-simplification-2025", "eu-legislator", "regulation", D(2025, 10, 8), "en",
     ("Regulation (EU) 2025/2083 simplifying the carbon border adjustment mechanism",),
     ["carbon-markets"], {"effective": D(2025, 10, 20), "other": True}),
    ("cbam-default-values-draft", "eu-commission", "regulation", D(2026, 2, 20), "en",
     ("Draft implementing regulation on CBAM default values and benchmarks for the definitive period",),
     ["carbon-markets", "carbon-accounting"], {"status": "draft"}),
    ("eu-ets-directive-2023", "eu-legislator", "law", D(2023, 5, 10), "en",
     ("Directive (EU) 2023/959 amending the EU Emissions Trading System",),
     ["carbon-markets"], {"effective": D(2023, 6, 5)}),
    ("eu-climate-law", "eu-legislator", "law", D(2021, 6, 30), "en",
     ("Regulation (EU) 2021/1119: the European Climate Law",), ["climate-policy"], {"effective": D(2021, 7, 29)}),
    ("eu-batteries-regulation", "eu-legislator", "regulation", D(2023, 7, 12), "en",
     ("Regulation (EU) 2023/1542 concerning batteries and waste batteries",),
     ["circular-economy", "supply-chain-decarbonisation"], {"effective": D(2023, 8, 17)}),
    ("eu-ecodesign-regulation", "eu-legislator", "regulation", D(2024, 6, 13), "en",
     ("Regulation (EU) 2024/1781 on ecodesign requirements for sustainable products",),
     ["circular-economy"], {"effective": D(2024, 7, 18)}),
    ("eu-csrd", "eu-legislator", "law", D(2022, 12, 14), "en",
     ("Directive (EU) 2022/2464: Corporate Sustainability Reporting Directive",),
     ["carbon-accounting"], {"effective": D(2023, 1, 5)}),
    ("iso-14064-1", "iso", "standard", D(2018, 12, 1), "en",
     ("ISO 14064-1:2018 Greenhouse gases, Part 1: quantification and reporting at the organization level",),
     ["carbon-accounting"], {}),
    ("iso-14067", "iso", "standard", D(2018, 8, 1), "en",
     ("ISO 14067:2018 Greenhouse gases: carbon footprint of products",),
     ["carbon-accounting", "supply-chain-decarbonisation"], {}),
    ("iso-14068-1", "iso", "standard", D(2023, 11, 30), "en",
     ("ISO 14068-1:2023 Climate change management: transition to net zero, Part 1: carbon neutrality",),
     ["carbon-accounting", "climate-policy"], {}),
    ("iso-50001", "iso", "standard", D(2018, 8, 21), "en",
     ("ISO 50001:2018 Energy management systems",), ["energy-efficiency"], {}),
    ("iso-14064-1-amendment-draft", "iso", "standard", D(2026, 3, 2), "en",
     ("ISO 14064-1:2018/DAM 1 Greenhouse gases: amendment on climate action (draft)",),
     ["carbon-accounting"], {"status": "draft"}),
    ("ghg-protocol-scope-2", "ghg-protocol", "standard", D(2015, 1, 20), "en",
     ("GHG Protocol Scope 2 Guidance",), ["carbon-accounting", "renewable-energy"], {}),
    ("ghg-protocol-scope-2-revision-draft", "ghg-protocol", "standard", D(2025, 10, 20), "en",
     ("GHG Protocol Scope 2 Guidance revision: public consultation draft",),
     ["carbon-accounting", "renewable-energy"], {"status": "draft"}),
    ("issb-ifrs-s2", "issb", "standard", D(2023, 6, 26), "en",
     ("IFRS S2 Climate-related Disclosures",), ["carbon-accounting", "green-finance"], {"effective": D(2024, 1, 1)}),
    ("iea-china-roadmap", "iea", "report", D(2021, 9, 29), "en",
     ("An Energy Sector Roadmap to Carbon Neutrality in China",), ["renewable-energy", "hydrogen", "climate-policy"], {}),
    ("iea-industrial-hydrogen", "iea", "report", D(2024, 10, 2), "en",
     ("Global Hydrogen Review 2024",), ["hydrogen"], {}),
    ("icap-status-report-2025", "icap", "report", D(2025, 4, 9), "en",
     ("Emissions Trading Worldwide: ICAP Status Report 2025",), ["carbon-markets"], {}),
    ("cbam-questions-and-answers", "eu-commission", "guideline", D(2024, 5, 15), "en",
     ("Carbon Border Adjustment Mechanism: questions and answers for importers and producers",),
     ["carbon-markets", "supply-chain-decarbonisation"], {"status": "superseded"}),
    ("iea-energy-efficiency-2025", "iea", "report", D(2025, 11, 26), "en",
     ("Energy Efficiency 2025",), ["energy-efficiency"], {}),
    ("position-battery-footprint", "association", "position-paper", D(2025, 7, 22), "en",
     ("Position paper: battery carbon footprint declarations and Chinese suppliers",),
     ["supply-chain-decarbonisation", "circular-economy"], {}),
    ("position-transition-finance", "association", "position-paper", D(2023, 8, 29), "en",
     ("Position paper: transition finance for energy-intensive manufacturers",),
     ["green-finance", "energy-efficiency"], {}),
    # The association
    ("position-ets-expansion-chemicals", "association", "position-paper", D(2024, 9, 12), "pair",
     ("关于化工行业纳入全国碳市场的立场文件", "Position paper: bringing the chemical industry into the national carbon market"),
     ["carbon-markets", "carbon-accounting"], {}),
    ("position-product-footprint-rules", "association", "position-paper", D(2025, 1, 16), "pair",
     ("关于产品碳足迹核算规则的意见与建议", "Position paper: product carbon footprint accounting rules"),
     ["supply-chain-decarbonisation", "carbon-accounting"], {}),
    ("position-eod-participation", "association", "position-paper", D(2024, 4, 25), "pair",
     ("关于制造企业参与生态环境导向的开发（EOD）项目的建议", "Position paper: how manufacturers can take part in EOD programmes"),
     ["eod-financing", "green-finance"], {}),
    ("position-cbam-reporting", "association", "position-paper", D(2023, 11, 9), "en",
     ("Position paper: CBAM reporting for China-based suppliers during the transitional period",),
     ["carbon-markets", "supply-chain-decarbonisation"], {}),
    ("position-cbam-definitive-period", "association", "position-paper", D(2025, 6, 3), "en",
     ("Position paper: preparing for CBAM's definitive period",), ["carbon-markets", "carbon-accounting"], {}),
    ("position-green-electricity", "association", "position-paper", D(2024, 2, 28), "en",
     ("Position paper: green electricity certificates and corporate renewable procurement",),
     ["renewable-energy", "carbon-accounting"], {}),
    ("position-hydrogen-chemical-parks", "association", "position-paper", D(2025, 3, 20), "en",
     ("Position paper: hydrogen in chemical industrial parks",), ["hydrogen", "green-manufacturing"], {}),
    ("position-circular-plastics", "association", "position-paper", D(2022, 5, 18), "en",
     ("Position paper: circular plastics and chemical recycling",), ["circular-economy"], {}),
    ("position-scope-3-suppliers", "association", "position-paper", D(2023, 4, 4), "en",
     ("Position paper: engaging suppliers on Scope 3 emissions",), ["supply-chain-decarbonisation"], {}),
    ("position-green-taxonomy", "association", "position-paper", D(2022, 9, 15), "en",
     ("Position paper: aligning green finance taxonomies",), ["green-finance"], {}),
    ("position-efficiency-benchmarks", "association", "position-paper", D(2021, 3, 9), "en",
     ("Position paper: energy-efficiency benchmarks for the chemical industry",),
     ["energy-efficiency"], {"status": "superseded"}),
    ("position-biodiversity-sites", "association", "position-paper", D(2025, 9, 30), "en",
     ("Position paper: biodiversity at manufacturing sites",), ["biodiversity"], {}),
    ("position-carbon-dual-control-draft", "association", "position-paper", D(2026, 8, 25), "en",
     ("Position paper on carbon-emission dual control (consultation draft for members)",),
     ["climate-policy", "carbon-accounting"], {"status": "draft"}),
    ("position-ccer-methodologies", "association", "position-paper", D(2024, 1, 22), "zh",
     ("关于增补工业领域CCER方法学的建议", "Proposals for additional industrial CCER methodologies"),
     ["carbon-markets"], {}),
    ("progress-report-2019", "association", "report", D(2020, 6, 18), "en",
     ("Member progress report 2019: the first baseline",), ["carbon-accounting"], {}),
    ("progress-report-2020", "association", "report", D(2021, 6, 17), "en",
     ("Member progress report 2020",), ["carbon-accounting", "climate-policy"], {}),
    ("progress-report-2021", "association", "report", D(2022, 6, 16), "en",
     ("Member progress report 2021",), ["carbon-accounting", "renewable-energy"], {}),
    ("progress-report-2022", "association", "report", D(2023, 6, 15), "en",
     ("Member progress report 2022",), ["carbon-accounting", "energy-efficiency"], {}),
    ("progress-report-2023", "association", "report", D(2024, 6, 20), "en",
     ("Member progress report 2023",), ["carbon-accounting", "supply-chain-decarbonisation"], {}),
    ("progress-report-2024", "association", "report", D(2025, 6, 19), "pair",
     ("会员企业双碳进展报告（2024年度）", "Member progress report 2024"),
     ["carbon-accounting", "climate-policy"], {}),
    ("progress-report-2025", "association", "report", D(2026, 6, 18), "zh",
     ("会员企业双碳进展报告（2025年度）", "Member progress report 2025"),
     ["carbon-accounting", "green-manufacturing"], {}),
    ("green-factory-survey-2022", "association", "report", D(2022, 11, 24), "zh",
     ("会员企业绿色工厂创建情况调查报告", "Survey of member plants' green factory designations"),
     ["green-manufacturing"], {}),
    ("eod-financier-survey-2025", "association", "report", D(2025, 10, 16), "en",
     ("EOD programmes and their financiers: survey findings",), ["eod-financing", "green-finance"], {}),
    ("supplier-footprint-toolkit", "association", "guideline", D(2024, 10, 10), "zh",
     ("供应商产品碳足迹数据填报指引", "Guide for suppliers reporting product carbon footprint data"),
     ["supply-chain-decarbonisation", "carbon-accounting"], {}),
]  # fmt: skip

# --- What a document's file says ------------------------------------------------------------------------------

# Section headings by document type: (opening, body, closing), each (English, Chinese).
SECTIONS = {
    "law": (("Chapter I General provisions", "第一章 总则"), ("Chapter II Main provisions", "第二章 主要制度"),
            ("Chapter III Supplementary provisions", "第三章 附则")),
    "regulation": (("Chapter I General provisions", "第一章 总则"), ("Chapter II Obligations", "第二章 主体责任与管理要求"),
                   ("Chapter III Supervision and supplementary provisions", "第三章 监督管理与附则")),
    "plan": (("I. General requirements", "一、总体要求"), ("II. Key tasks", "二、重点任务"),
             ("III. Safeguards", "三、保障措施")),
    "guideline": (("I. Purpose and scope", "一、目的和适用范围"), ("II. Main content", "二、主要内容"),
                  ("III. Implementation", "三、组织实施")),
    "standard": (("1 Scope", "1 范围"), ("4 Requirements", "4 要求"), ("5 Reporting and verification", "5 报告与核查")),
    "notice": (("Background", "一、工作背景"), ("Requirements", "二、工作要求"), ("Arrangements and contacts", "三、有关安排")),
    "report": (("Summary", "摘要"), ("Findings", "主要发现"), ("Outlook", "展望")),
    "position-paper": (("Summary", "概要"), ("Our analysis", "分析"), ("Recommendations", "建议")),
}  # fmt: skip

# How each type of document opens. Fields: title, issuer, date, year, scope (the country, the province, ...).
OPENINGS = {
    "law": [
        ("This law, adopted by the {issuer} on {date}, sets the legal framework for {focus}. It applies to all "
         "entities carrying out the activities it covers within {scope}, and it is the basis on which ministries and "
         "local governments issue implementing rules.",
         "本法由{issuer}于{date}通过，为{focus_zh}确立了法律框架。凡在{scope_zh}范围内从事相关活动的单位和个人均适用本法，"
         "有关部门和地方人民政府据此制定配套实施细则。"),
        ("The {title} was adopted on {date}. It states the duties of government, enterprises and the public in "
         "{focus} and makes those duties enforceable, with penalties for the most serious breaches.",
         "《{title_zh}》于{date}通过，明确了政府、企业和公众在{focus_zh}方面的责任，并对严重违法行为规定了相应罚则，使有关义务具有法律约束力。"),
    ],
    "regulation": [
        ("These rules were issued by the {issuer} on {date} to regulate {focus}. They define who is covered, what "
         "covered entities must measure, report and surrender, and how the competent authorities supervise them.",
         "本办法由{issuer}于{date}发布，旨在规范{focus_zh}。办法明确了纳入管理的主体范围、重点排放单位应当监测、报告和履行的义务，以及主管部门的监督管理职责。"),
        ("The {title} turn earlier pilot practice into binding rules. Covered entities in {scope} must comply from "
         "the effective date; the rules also state how data quality is checked and how violations are penalised.",
         "《{title_zh}》将前期试点经验上升为具有约束力的制度安排。{scope_zh}范围内的相关单位自施行之日起应当遵守，办法同时规定了数据质量核查方式和违规处理措施。"),
    ],
    "plan": [
        ("The {issuer} issued this plan on {date} to set out targets, key tasks and responsibilities for {focus} in "
         "{scope}. It translates the national dual carbon goals, carbon peak before 2030 and carbon neutrality before "
         "2060, into concrete milestones for {year}–2030.",
         "为深入贯彻落实党中央、国务院关于碳达峰碳中和的重大决策部署，{issuer}于{date}印发本方案，明确{scope_zh}{focus_zh}的目标、重点任务和责任分工，"
         "将“双碳”目标分解为{year}年至2030年的具体里程碑。"),
        ("This plan covers {focus}. It sets quantified targets for energy and carbon intensity, lists priority "
         "sectors and projects, and names the departments responsible for each task, with a mid-term review "
         "before the end of the current five-year plan period.",
         "本方案聚焦{focus_zh}，提出能耗强度和碳排放强度的量化目标，明确重点行业和重点工程，逐项落实牵头部门，并在本五年规划期末前开展中期评估。"),
    ],
    "guideline": [
        ("This guidance, issued by the {issuer} on {date}, explains how the authorities expect work on {focus} "
         "to be carried out. It is not itself binding, but it is what supervisors, banks and verifiers will refer to.",
         "本指导意见由{issuer}于{date}印发，阐明了主管部门对{focus_zh}工作的具体要求。意见本身不具有强制约束力，但将成为监管部门、金融机构和核查机构开展工作的重要依据。"),
        ("The {title} give practical direction on {focus}, with definitions, eligibility criteria and examples. "
         "They will be updated as experience accumulates.",
         "《{title_zh}》围绕{focus_zh}提出了操作性指引，给出了术语定义、适用条件和典型案例，并将根据实践经验适时修订。"),
    ],
    "standard": [
        ("This standard specifies requirements for {focus}. It was published on {date} and is intended for "
         "enterprises, consultants and third-party verifiers. Where it refers to other standards, the latest "
         "editions apply unless a date is given.",
         "本标准规定了{focus_zh}的要求，于{date}发布，适用于企业、咨询机构和第三方核查机构。凡是注日期的引用文件，仅注日期的版本适用；凡是不注日期的引用文件，其最新版本适用。"),
        ("The standard sets out principles, boundaries, data requirements and reporting formats for {focus}, so "
         "that results from different enterprises and verifiers can be compared.",
         "本标准确立了{focus_zh}的原则、边界、数据质量要求和报告格式，使不同企业和核查机构的结果具有可比性。"),
    ],
    "notice": [
        ("The {issuer} issued this notice on {date} to organise work on {focus} in {scope}. Local authorities and the "
         "enterprises concerned are asked to act within the deadlines below.",
         "{issuer}于{date}印发本通知，部署{scope_zh}{focus_zh}有关工作。请各地主管部门和有关企业按照以下时间要求认真组织实施。"),
        ("This notice concerns {focus}. It sets out what must be submitted, by whom and by when, and where to "
         "direct questions.",
         "现就{focus_zh}有关事项通知如下，明确了需报送的材料、责任主体、时间节点和咨询渠道。"),
    ],
    "report": [
        ("This report, published by the {issuer} on {date}, reviews {focus}. It draws on public data, interviews "
         "and, where stated, figures reported by companies.",
         "本报告由{issuer}于{date}发布，系统回顾了{focus_zh}的进展情况，数据来源包括公开统计、访谈以及企业报送的数据。"),
        ("What follows summarises the main findings on {focus} and what they mean for the years to {year_next}.",
         "以下概述{focus_zh}的主要发现，以及这些发现对{year_next}年前相关工作的启示。"),
    ],
    "position-paper": [
        ("In this paper the association sets out its members' view on {focus}. It was adopted by the policy "
         "committee on {date} after consultation with member companies, and it is shared with the authorities "
         "in the spirit of constructive dialogue.",
         "本文件阐述协会会员企业对{focus_zh}的立场，经会员企业征求意见后，由协会政策委员会于{date}审议通过，本着建设性沟通的精神提交有关主管部门参考。"),
        ("Member companies support China's dual carbon goals and want policy on {focus} to work. This paper explains where "
         "the current approach helps, where it creates avoidable cost, and what we propose.",
         "会员企业坚定支持国家“双碳”目标，并希望{focus_zh}取得实效。本文件分析了现行做法中行之有效的部分、可能带来不必要成本的环节，并提出具体建议。"),
    ],
}  # fmt: skip

# What each topic's documents are about, for openings and summaries: (English, Chinese).
FOCUS = {
    "carbon-accounting": ("greenhouse gas accounting, reporting and disclosure", "温室气体排放核算、报告与信息披露"),
    "green-manufacturing": ("green factories and the green manufacturing system", "绿色工厂和绿色制造体系建设"),
    "energy-efficiency": ("energy conservation and efficiency in industry", "工业节能与能效提升"),
    "renewable-energy": ("renewable electricity and its use by industry", "可再生能源发展与工业绿色用电"),
    "hydrogen": ("the hydrogen industry and low-carbon hydrogen", "氢能产业和低碳氢发展"),
    "circular-economy": ("the circular economy and resource efficiency", "循环经济和资源高效利用"),
    "carbon-markets": ("carbon emissions trading and carbon pricing", "碳排放权交易和碳定价"),
    "supply-chain-decarbonisation": ("product carbon footprints and supply-chain emissions", "产品碳足迹和供应链减排"),
    "eod-financing": (
        "ecology-oriented development (EOD) projects and their financing",
        "生态环境导向的开发（EOD）项目及其融资",
    ),
    "biodiversity": ("biodiversity conservation", "生物多样性保护"),
    "green-finance": ("green finance for low-carbon transition", "支持低碳转型的绿色金融"),
    "climate-policy": ("carbon peaking and carbon neutrality", "碳达峰碳中和"),
}

# General paragraphs on the dual-carbon goals, one or two per document.
CONTEXT = [
    ("China announced in September 2020 that its carbon dioxide emissions would peak before 2030 and that it "
     "would achieve carbon neutrality before 2060. These dual carbon goals now frame policy for every "
     "energy-using sector, and industry, which accounts for most of the country's energy-related emissions, is "
     "central to meeting them.",
     "2020年9月，我国宣布二氧化碳排放力争于2030年前达到峰值，努力争取2060年前实现碳中和。“双碳”目标已成为各用能领域政策制定的基本遵循，"
     "工业领域能源相关碳排放占比最高，是实现碳达峰碳中和的关键。"),
    ("The approach is to set the rules first and then tighten them: intensity targets before absolute caps, "
     "free allocation before auctioning, pilots before national roll-out. Enterprises that prepare early, with "
     "reliable data and a credible plan, face lower costs when the rules tighten.",
     "政策总体遵循“先立后破”的思路：先强度控制、后总量控制，先免费分配、后逐步引入有偿分配，先试点示范、后全面推广。"
     "尽早夯实数据基础、制定可信减排路径的企业，在政策收紧时将面临更低的转型成本。"),
    ("Carbon peaking is not a licence to raise emissions until 2030. The authorities have made clear that the "
     "peak should be reached at a controlled level, and that the years after it should be a steady decline "
     "towards carbon neutrality rather than a plateau.",
     "碳达峰不是攀高峰。有关部门明确要求，要在合理水平上实现达峰，达峰后要稳中有降、持续下降，为实现碳中和奠定基础，而不是在高位长期徘徊。"),
    ("Policy for the dual carbon goals is built as a '1+N' system: one top-level guidance and one action plan, "
     "followed by sector plans for industry, energy, transport and buildings, and supporting policies on "
     "finance, pricing, standards and statistics.",
     "我国已构建碳达峰碳中和“1+N”政策体系：以一个顶层指导意见和一个行动方案为统领，配套能源、工业、交通、城乡建设等领域实施方案，"
     "以及财政金融、价格、标准计量和统计核算等保障政策。"),
    ("Reliable numbers are the foundation. Without consistent accounting at plant, company and product level, "
     "neither carbon markets nor green finance can price emissions fairly, and targets cannot be checked.",
     "准确可靠的数据是基础。没有工厂、企业和产品层面一致的核算方法，碳市场和绿色金融就无法公平地为碳排放定价，目标完成情况也无从核验。"),
]  # fmt: skip

# Four paragraphs per topic, (English, Chinese); a document takes two or three from each of its topics.
TOPIC_PARAGRAPHS = {
    "carbon-accounting": [
        ("Enterprises shall account for their greenhouse gas emissions by facility and by source: fuel combustion, "
         "industrial processes, purchased electricity and heat. Scope 1 and Scope 2 emissions are reported every "
         "year in tonnes of CO2 equivalent, with the emission factors and activity data used.",
         "企业应当按设施和排放源核算温室气体排放，包括化石燃料燃烧、工业生产过程以及净购入电力和热力产生的排放。"
         "范围一和范围二排放每年以吨二氧化碳当量报告，并注明所采用的排放因子和活动水平数据。"),
        ("Measured data take precedence over default values. Where an enterprise measures the carbon content of "
         "its fuels and raw materials, sampling, testing and calibration must follow the relevant GB standards and "
         "be documented so that a verifier can reproduce the results.",
         "实测数据优先于缺省值。企业自行检测燃料和原料含碳量的，其采样、化验和计量器具校准应当符合相关国家标准，"
         "并留存记录，确保核查机构能够复现计算结果。"),
        ("Annual reports are checked by the competent authority or an independent verifier. Data that are "
         "missing, inconsistent or unsupported are replaced by conservative values, which in practice raises the "
         "reported emissions, so accurate records are in the enterprise's own interest.",
         "年度排放报告由主管部门组织核查或委托第三方机构核查。数据缺失、前后不一致或缺乏佐证的，按保守原则取值，实际上会抬高报告排放量，"
         "因此做好台账管理符合企业自身利益。"),
        ("Disclosure is moving from voluntary to mandatory. Listed companies and key emitters are expected to "
         "publish emissions, targets and the methods used, and the product carbon footprint of major products is "
         "increasingly requested by customers and by importing markets.",
         "信息披露正由自愿逐步转向强制。上市公司和重点排放单位应当公开排放数据、减排目标和核算方法，主要产品的产品碳足迹信息也越来越多地被下游客户和进口市场所要求。"),
    ],
    "green-manufacturing": [
        ("Green factories are evaluated on land use, raw materials, energy, products and emissions: intensive "
         "land use, harmless raw materials, clean production, waste recycling and low-carbon energy. A plant "
         "must first meet all mandatory requirements and then score above the threshold on the optional ones.",
         "绿色工厂评价围绕用地集约化、原料无害化、生产洁净化、废物资源化和能源低碳化展开。申报工厂须首先满足全部基本要求，"
         "再在预期性要求方面达到规定分值。"),
        ("Designations are tiered. Plants are first recognised at city or provincial level, and the best are "
         "recommended to the national list of green factories; a national designation is reviewed regularly and "
         "withdrawn if the plant falls below the requirements or has a serious environmental incident.",
         "绿色工厂实行梯度培育，先由市级、省级认定，再择优推荐国家级绿色工厂。国家级绿色工厂实行动态管理，"
         "不再符合要求或发生较大及以上突发环境事件的，撤销其称号。"),
        ("By the end of 2020 the country had designated 2,121 green factories and 171 green industrial parks. The "
         "next stage extends the system to green supply chains and green design products, so that leading "
         "manufacturers pull their suppliers along.",
         "截至2020年底，全国已累计创建绿色工厂2121家、绿色工业园区171家。下一阶段将把绿色制造体系延伸至绿色供应链管理企业和绿色设计产品，"
         "发挥龙头企业对上下游的带动作用。"),
        ("A designated green factory benefits from preferential policies: priority in technical renovation funds, "
         "green credit and green bonds, and lighter-touch inspection. In return it is expected to publish an "
         "annual self-assessment and share good practice with its sector.",
         "获评的绿色工厂可在技术改造资金、绿色信贷和绿色债券等方面享受优先支持，并减少不必要的检查频次；同时应当每年发布自评价报告，"
         "向行业分享典型经验。"),
    ],
    "energy-efficiency": [
        ("Energy-intensive sectors such as steel, cement, flat glass, refining, ethylene and synthetic ammonia are "
         "measured against benchmark and baseline levels of energy efficiency. Capacity below the baseline must "
         "be upgraded or retired within the transition period.",
         "钢铁、水泥、平板玻璃、炼油、乙烯、合成氨等高耗能行业对照能效标杆水平和基准水平开展改造升级，能效低于基准水平的产能须在过渡期内完成改造或依法淘汰。"),
        ("Key energy-using units must appoint an energy manager, keep metering at the level of each process and "
         "submit an annual energy-use report. Energy audits every three years identify savings with short "
         "payback, such as waste-heat recovery, efficient motors and steam system optimisation.",
         "重点用能单位应当设立能源管理岗位，按工序配备能源计量器具，每年报送能源利用状况报告，并定期开展能源审计，"
         "挖掘余热余压利用、高效电机替代、蒸汽系统优化等投资回收期短的节能潜力。"),
        ("Energy consumption per unit of industrial value added is to fall by 13.5% and carbon dioxide emissions "
         "by 18% over the five-year period, with the largest gains expected from process heating, motor systems "
         "and digital energy management.",
         "“十四五”期间，规模以上工业单位增加值能耗降低13.5%，单位工业增加值二氧化碳排放降低18%，工业窑炉、电机系统和数字化能源管理是主要节能潜力所在。"),
        ("New projects in energy-intensive sectors undergo an energy-saving review before approval. Projects that "
         "do not reach the benchmark level of energy efficiency, or that cannot show how their energy use fits "
         "the regional budget, are not approved.",
         "高耗能行业新建项目须在审批前开展节能审查。达不到能效标杆水平、或无法说明其能源消费与地区用能预算相衔接的项目，一律不予审批。"),
    ],
    "renewable-energy": [
        ("Non-fossil energy is to reach about 25% of total energy consumption by 2030, and installed wind and "
         "solar capacity more than 1,200 GW. Most new electricity demand is to be met by renewables.",
         "到2030年，非化石能源消费比重达到25%左右，风电、太阳能发电总装机容量达到12亿千瓦以上，新增用电需求主要由可再生能源满足。"),
        ("Industrial parks are encouraged to build distributed solar on roofs and car parks, and enterprises may "
         "buy green electricity directly through green power trading. Each megawatt-hour of renewable electricity "
         "carries a green electricity certificate, the basis for claiming its use.",
         "鼓励工业园区利用屋顶、停车场等建设分布式光伏，支持企业通过绿电交易直接购买可再生能源电力。每兆瓦时可再生能源电量对应一张绿色电力证书，"
         "是企业证明绿色电力消费的基本凭证。"),
        ("Green certificates now cover all grid-connected renewable generation. Certificates consumed by an "
         "enterprise count towards its renewable consumption obligation and may be excluded from the energy "
         "consumption used to assess energy targets.",
         "绿色电力证书已实现对已建档立卡可再生能源发电项目的全覆盖。企业消费的绿证可用于完成可再生能源电力消纳责任，相应电量可不纳入能耗考核。"),
        ("Grid flexibility is the constraint: storage, demand response and better interprovincial transmission "
         "are needed so that more wind and solar power can be absorbed without curtailment.",
         "电网灵活性是主要制约因素。需要加快发展新型储能、需求侧响应和跨省区输电能力，在不弃风弃光的前提下消纳更多风电和光伏发电。"),
    ],
    "hydrogen": [
        ("Hydrogen is treated as part of the national energy system and as a feedstock for industry. The priority "
         "is low-carbon hydrogen from renewable electricity, first replacing grey hydrogen in refining, ammonia "
         "and methanol production.",
         "氢能是未来国家能源体系的重要组成部分，也是工业的重要原料。发展重点是利用可再生能源制取低碳氢，率先在炼化、合成氨、甲醇等领域替代化石能源制氢。"),
        ("By 2025 renewable hydrogen production is to reach 100,000 to 200,000 tonnes a year, with a basic "
         "regulatory framework for safety, production, storage and transport, and standards for measuring the "
         "carbon intensity of hydrogen.",
         "到2025年，可再生能源制氢量达到10万至20万吨/年，初步建立氢能制取、储运和应用的安全监管制度，并制定氢气碳排放强度的计量标准。"),
        ("Chemical industrial parks with existing hydrogen demand, pipelines and safety management are natural "
         "places to start. Demonstration projects combine electrolysers with local wind and solar and supply "
         "several users through shared infrastructure.",
         "具备氢气需求、管网设施和安全管理基础的化工园区是开展示范的理想场所。示范项目将电解水制氢与当地风电、光伏相结合，通过共享基础设施向多家用户供氢。"),
        ("Cost is the barrier: renewable hydrogen still costs two to three times as much as hydrogen from coal or "
         "gas. Pilot support, long-term offtake agreements and a carbon price that reaches industrial users are "
         "the levers discussed.",
         "成本仍是主要障碍：可再生能源制氢成本仍为煤制氢或天然气制氢的两至三倍。试点补贴、长期购氢协议以及覆盖工业用户的碳价机制是可行的政策工具。"),
    ],
    "circular-economy": [
        ("The circular economy aims to use resources more efficiently at every stage: cleaner production, "
         "comprehensive use of industrial solid waste, remanufacturing, and recycling of end-of-life products.",
         "发展循环经济旨在提高各环节的资源利用效率，包括推行清洁生产、加强工业固体废物综合利用、发展再制造产业和完善废旧物资回收体系。"),
        ("By 2025 the comprehensive utilisation rate of bulk industrial solid waste is to reach 60%, and the "
         "output of the resource recycling industry 5 trillion yuan. Industrial parks are to be restructured so "
         "that waste, heat and water from one plant become inputs for another.",
         "到2025年，大宗固废综合利用率达到60%，资源循环利用产业产值达到5万亿元。推进园区循环化改造，实现园区内企业间废物、余热和水资源的梯级利用。"),
        ("Producer responsibility is being extended to electrical products, batteries, packaging and vehicles: "
         "producers design for recycling, take back products and report the recycled content of new ones.",
         "生产者责任延伸制度正在向电器电子产品、动力电池、包装物和汽车等领域推广，生产企业应当开展易回收设计、建立回收体系并报告再生材料使用情况。"),
        ("Chemical recycling of plastics can complement mechanical recycling for mixed and contaminated waste, "
         "provided its emissions and yields are measured transparently and it does not compete with reuse.",
         "对于混合和受污染的废塑料，化学循环可以作为物理回收的补充，但其碳排放和产出率应当透明核算，且不应挤占再利用的空间。"),
    ],
    "carbon-markets": [
        ("China's national carbon emissions trading market started trading in July 2021 with the power sector, "
         "covering about 2,200 companies and more than 5 billion tonnes of CO2 a year, the largest carbon market "
         "in the world by emissions covered. Steel, cement and aluminium smelting were added in 2025.",
         "全国碳排放权交易市场于2021年7月启动上线交易，首批纳入发电行业重点排放单位约2200家，年覆盖二氧化碳排放量超过50亿吨，"
         "是全球覆盖排放量最大的碳市场。2025年起，钢铁、水泥、铝冶炼行业纳入全国碳市场。"),
        ("Allowances are allocated free of charge on the basis of intensity benchmarks: a covered company receives "
         "allowances in proportion to its output, and must surrender allowances equal to its verified emissions "
         "by the compliance deadline. Paid allocation is to be introduced gradually.",
         "配额以基准法为主免费分配，重点排放单位按实际产出量获得配额，并须在履约期限届满前清缴与经核查排放量相当的配额。有偿分配将适时逐步引入。"),
        ("Companies may use China Certified Emission Reductions (CCER) to offset up to 5% of their verified "
         "emissions. The CCER scheme reopened in 2023 with new methodologies for afforestation, offshore wind, "
         "solar thermal power and mangrove restoration.",
         "重点排放单位可使用国家核证自愿减排量（CCER）抵销不超过5%的经核查排放量。CCER市场于2023年重启，首批方法学涵盖造林碳汇、并网海上风力发电、"
         "并网光热发电和红树林营造。"),
        ("Abroad, the EU's carbon border adjustment mechanism (CBAM) puts a price on the embedded emissions of "
         "imported iron and steel, aluminium, cement, fertilisers, hydrogen and electricity. Exporters must "
         "provide verified emissions data; a carbon price paid in China may be deducted.",
         "在国际上，欧盟碳边境调节机制（CBAM）对进口钢铁、铝、水泥、化肥、氢和电力的隐含碳排放征收费用。出口企业须提供经核查的排放数据，"
         "在我国已实际支付的碳价可予以抵扣。"),
    ],
    "supply-chain-decarbonisation": [
        ("A product carbon footprint counts the greenhouse gases emitted over a product's life cycle, from raw "
         "material extraction through production and transport to use and end of life, cradle to grave, or to "
         "the factory gate for intermediate goods.",
         "产品碳足迹是指产品在其生命周期内产生的温室气体排放总量，涵盖原材料获取、生产、运输、使用直至废弃处置全过程，即“从摇篮到坟墓”；"
         "中间产品可核算至出厂环节，即“从摇篮到大门”。"),
        ("Product category rules are being written for about 100 key products, starting with those most exposed "
         "to export requirements: batteries, photovoltaic modules, steel, aluminium, chemicals and textiles. A "
         "national background database of emission factors will support them.",
         "我国将围绕约100项重点产品制定产品碳足迹核算规则标准，优先覆盖动力电池、光伏组件、钢铁、电解铝、化工产品和纺织品等出口需求迫切的产品，"
         "并建设国家温室气体排放因子背景数据库。"),
        ("For most manufacturers, Scope 3 emissions in purchased goods exceed their own. Supplier engagement, "
         "data exchange using common formats, and procurement criteria that reward lower-carbon inputs are the "
         "main levers.",
         "对大多数制造企业而言，外购原材料带来的范围三排放远超其自身排放。推动供应商参与、采用统一格式交换数据、在采购标准中体现低碳导向，是供应链减排的主要抓手。"),
        ("Carbon footprint labels and mutual recognition with major trading partners are to be explored, so "
         "that a footprint calculated in China under national rules is accepted by customers abroad.",
         "探索建立产品碳标识认证制度，推动与主要贸易伙伴的碳足迹规则互认，使依据国内规则核算的产品碳足迹能够得到境外客户认可。"),
    ],
    "eod-financing": [
        ("Ecology-oriented development (EOD) bundles environmental projects that earn little, such as river "
         "restoration, wetland protection and soil remediation, with related industries that earn more, such as "
         "eco-tourism, green agriculture and clean energy. Part of the industrial proceeds funds the conservation.",
         "生态环境导向的开发（EOD）模式将收益性较差的生态环境治理项目，如流域综合治理、湿地保护和土壤修复，与收益较好的关联产业，"
         "如生态旅游、绿色农业和清洁能源，有效融合、一体化实施，以产业收益反哺生态环境治理投入。"),
        ("EOD projects must be implemented as one integrated project by one implementing entity, must not add to "
         "hidden local government debt, and must show that the industrial part can support the environmental part "
         "without permanent subsidy.",
         "EOD项目应当由同一实施主体一体化实施，不得新增地方政府隐性债务，并应论证产业开发收益能够在不依赖长期财政补贴的情况下支撑生态环境治理投入。"),
        ("Projects in the national EOD project pool may apply for loans from development and commercial banks, "
         "which are encouraged to offer dedicated products, longer tenors and faster approval. Social capital can "
         "take part through equity, PPP-style concessions or green bonds.",
         "纳入生态环境导向的开发项目库的项目，可向开发性金融机构和商业银行申请贷款，鼓励金融机构开发专属产品、适当延长贷款期限、加快审批。"
         "社会资本可通过股权投资、特许经营和绿色债券等方式参与。"),
        ("The pilots so far cover about 94 programmes in two batches. The lessons are that revenue forecasts "
         "need to be conservative, the link between the industrial and the environmental components must be real, "
         "and financing gaps are largest in the early restoration phase.",
         "目前两批EOD试点共约94个项目。实践表明：收益预测应审慎，产业项目与生态环境治理项目之间须有实质关联，融资缺口主要集中在前期治理阶段。"),
    ],
    "biodiversity": [
        ("Conserving biodiversity and tackling climate change reinforce each other. The strategy sets out to "
         "protect at least 30% of land and sea areas by 2030 and to restore degraded ecosystems, in line with the "
         "Kunming-Montreal Global Biodiversity Framework.",
         "生物多样性保护与应对气候变化相辅相成。战略提出，到2030年有效保护至少30%的陆地和海洋区域，并修复退化生态系统，与《昆明—蒙特利尔全球生物多样性框架》相衔接。"),
        ("Ecological protection red lines now cover more than 30% of China's land area. Industrial development "
         "within them is prohibited, and projects near them must assess and mitigate their impact.",
         "我国划定的生态保护红线面积占陆域国土面积30%以上。红线内禁止开展工业开发活动，邻近区域的建设项目须评估并减缓其生态影响。"),
        ("Manufacturing sites can contribute through native planting, habitat corridors and careful water "
         "management, and by reporting their impacts and dependencies on nature alongside their climate "
         "disclosures.",
         "制造企业厂区可以通过种植本土植物、建设生态廊道和加强水资源管理作出贡献，并在气候信息披露中一并报告其对自然的影响和依赖。"),
        ("Carbon sinks from forests, grasslands, wetlands and coasts are to be consolidated and increased, and "
         "methodologies such as afforestation and mangrove restoration allow the resulting removals to be "
         "credited.",
         "巩固和提升森林、草原、湿地、海洋等生态系统碳汇能力，造林碳汇、红树林营造等方法学使相应的碳移除量可以获得核证减排量。"),
    ],
    "green-finance": [
        ("Green finance standards define what counts as green: the green bond catalogue, the green industry "
         "catalogue and the green loan statistics share a common list of eligible activities, and no longer "
         "include clean use of coal.",
         "绿色金融标准明确了“什么是绿色”：绿色债券支持项目目录、绿色产业指导目录和绿色贷款统计口径已基本统一，并不再将煤炭清洁利用项目纳入支持范围。"),
        ("The central bank's carbon emission reduction facility refinances 60% of qualifying loans at a low rate, "
         "for clean energy, energy efficiency and carbon reduction technologies. Banks must disclose the loans "
         "and the emission reductions they achieve.",
         "人民银行碳减排支持工具按贷款本金的60%向金融机构提供低成本资金，支持清洁能源、节能环保和碳减排技术等领域。金融机构须公开披露相关贷款及其带动的碳减排量。"),
        ("Transition finance is for companies that are not yet green but have a credible plan: steel, cement, "
         "chemicals and other energy-intensive sectors can borrow against defined decarbonisation milestones, "
         "with pricing linked to performance.",
         "转型金融面向尚不属于绿色范畴但具有可信转型路径的企业。钢铁、水泥、化工等高耗能行业可依据明确的减排里程碑获得融资，融资成本与减排绩效挂钩。"),
        ("Fiscal policy complements finance: subsidies and tax incentives for energy-saving equipment, "
         "government green procurement, and funds for technological upgrades in key industries.",
         "财政政策与金融政策协同发力：对节能节水环保设备给予税收优惠，实施政府绿色采购，并安排资金支持重点行业绿色低碳技术改造。"),
    ],
    "climate-policy": [
        ("By 2025 carbon dioxide emissions per unit of GDP are to fall by 18% from 2020, and by 2030 by more than "
         "65% from 2005. Non-fossil energy is to reach about 20% of energy consumption in 2025, 25% in 2030 and "
         "more than 80% in 2060.",
         "到2025年，单位国内生产总值二氧化碳排放比2020年下降18%；到2030年，单位国内生产总值二氧化碳排放比2005年下降65%以上。"
         "非化石能源消费比重2025年达到20%左右，2030年达到25%左右，2060年达到80%以上。"),
        ("Ten actions carry the peak: energy transition, energy saving, industrial peaking, building and "
         "transport, circular economy, technology, carbon sinks, public awareness, and peaking region by region "
         "in an orderly way.",
         "碳达峰十大行动包括：能源绿色低碳转型、节能降碳增效、工业领域碳达峰、城乡建设碳达峰、交通运输绿色低碳、循环经济助力降碳、"
         "绿色低碳科技创新、碳汇能力巩固提升、绿色低碳全民行动以及各地区梯次有序碳达峰。"),
        ("Control is shifting from energy use to carbon emissions. Total and intensity targets for carbon "
         "emissions are to replace the energy dual-control targets, which encourages renewable energy rather "
         "than penalising all energy use alike.",
         "能耗双控正逐步转向碳排放总量和强度双控。以碳排放为控制对象，有利于鼓励可再生能源发展，而不是对所有能源消费一视同仁地加以限制。"),
        ("Regions peak in order: those with a high share of industry and heavy dependence on coal may take "
         "longer, while economically developed regions and those rich in renewable resources are expected to "
         "peak first.",
         "各地区梯次有序达峰：产业结构较重、能源结构偏煤的地区可适当放宽达峰时间，经济发达地区和可再生能源资源丰富地区则应率先达峰。"),
    ],
}  # fmt: skip

# How each type of document closes. Fields as in OPENINGS, and effective (date).
CLOSINGS = {
    "law": [("This law takes effect on {effective}. Earlier provisions that conflict with it cease to apply.",
             "本法自{effective}起施行。此前有关规定与本法不一致的，以本法为准。")],
    "regulation": [
        ("These rules take effect on {effective}. The competent department is responsible for their "
         "interpretation; detailed technical rules will be issued separately.",
         "本办法自{effective}起施行，由主管部门负责解释，相关技术规范另行制定。"),
        ("Entities that fail to report, report false data or fail to surrender allowances on time are ordered "
         "to correct and fined; serious cases are publicised and recorded in the credit system. The rules take "
         "effect on {effective}.",
         "对未按要求报告、虚报瞒报排放数据或未按时足额清缴配额的，责令限期改正并处以罚款；情节严重的，依法予以公开并纳入信用记录。本办法自{effective}起施行。"),
    ],
    "plan": [
        ("Each responsible department will draw up its own implementation measures and report progress every "
         "year. Funds, pricing, finance and talent policies will support the plan, and progress against its "
         "targets will be part of the annual performance assessment.",
         "各责任部门要制定具体实施举措，每年报送工作进展。加强资金、价格、金融和人才政策保障，并将目标任务完成情况纳入年度综合考核。"),
        ("A leading group coordinates implementation. Enterprises, especially state-owned and leading private "
         "companies, are encouraged to set their own targets and publish action plans ahead of the sector.",
         "成立领导小组统筹推进实施。鼓励国有企业和龙头民营企业率先制定自身目标、发布行动方案，发挥示范引领作用。"),
    ],
    "guideline": [
        ("Local departments will organise training and pilot applications and report problems encountered. This "
         "guidance is effective from the date of issue and will be revised in light of experience.",
         "各地主管部门要组织开展培训和试点应用，及时反馈实施中遇到的问题。本意见自印发之日起施行，并将根据实施情况适时修订。"),
    ],
    "standard": [
        ("Results shall be reported in the format of the annex and kept for at least ten years. Verification by "
         "an accredited third party is recommended and required where the results are used in trading or "
         "public claims.",
         "核算结果应当按照附录格式报告，相关记录至少保存十年。建议由具备资质的第三方机构进行核查；用于交易或对外声明的，应当经第三方核查。"),
    ],
    "notice": [
        ("Applications and materials are to be submitted through the online platform by the deadline. For "
         "questions, contact the department's climate and industry divisions.",
         "请于截止日期前通过网上平台报送申请和有关材料。如有疑问，请与我厅（局）应对气候变化处或产业处联系。"),
        ("Local authorities should complete their review within thirty working days and publish the results. "
         "Enterprises that provide false information will be removed from the list.",
         "各地主管部门应当在三十个工作日内完成审核并公示结果。提供虚假材料的企业，一经查实即从名单中移除。"),
    ],
    "report": [
        ("The outlook is for faster change. The figures in this report will be updated next year, and the data "
         "behind the charts are available from the association on request.",
         "展望未来，转型步伐将进一步加快。本报告数据将于明年更新，图表所依据的数据可向协会申请获取。"),
    ],
    "position-paper": [
        ("We recommend a clear timetable published well in advance, consistent accounting rules across national "
         "and international schemes, and recognition of verified data already reported by companies. The "
         "association stands ready to contribute members' experience.",
         "我们建议：提前公布清晰的时间表；保持国内外机制核算规则的一致性；认可企业已报告并经核查的数据。协会愿意贡献会员企业的实践经验。"),
        ("Our members ask for predictable rules, a level playing field between domestic and international "
         "companies, and enough lead time to adapt their plants and supply chains.",
         "会员企业希望规则稳定可预期，内外资企业公平竞争，并给予企业调整工厂和供应链的充足准备时间。"),
    ],
}  # fmt: skip

# Two EU regulations are published in every official language of the EU; their files carry a French extract.
FRENCH = (
    "Le mécanisme d'ajustement carbone aux frontières vise à prévenir les fuites de carbone en appliquant aux "
    "importations un prix du carbone équivalent à celui payé par les producteurs de l'Union européenne dans le "
    "cadre du système d'échange de quotas d'émission."
)

TYPE_NAMES = {
    "law": ("Law", "法律"),
    "regulation": ("Regulation", "法规规章"),
    "plan": ("Plan", "规划方案"),
    "guideline": ("Guidance", "指导性文件"),
    "standard": ("Standard", "标准"),
    "notice": ("Notice", "通知公告"),
    "report": ("Report", "报告"),
    "position-paper": ("Position paper", "立场文件"),
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
TRANSLATION_NOTE = (
    "English translation by the Low-Carbon Manufacturers Association for its members. The Chinese original prevails."
)
# Every third entry has a PDF; the others rotate through the other formats.
OTHER_FORMATS = ["docx", "html", "txt"]


def date_en(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_zh(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def scope(issuer: str) -> tuple[str, str]:
    """Where a document applies, as its opening paragraph names it."""
    _name_en, name_zh, jurisdiction, region, _site = ISSUERS[issuer]
    if jurisdiction == "national":
        return "China", "全国"
    if jurisdiction in ("provincial", "city"):
        cut = max(name_zh.find("省"), name_zh.find("市"))
        return region + (" Province" if name_zh[cut] == "省" else ""), name_zh[: cut + 1]
    if jurisdiction == "association":
        return "member companies", "会员企业"
    if issuer.startswith("eu-"):
        return "the European Union", "欧盟"
    return "the countries and organisations concerned", "各有关国家和组织"


def _first_sentence(text: str, chinese: bool) -> str:
    end = text.find("。") + 1 if chinese else text.find(". ") + 1
    return text[:end] if end > 0 else text


def compose(row: tuple, language: str) -> dict:
    """The blocks of one document's file and its summary, in `language` ("en" or "zh-hans").

    The seed is the document's slug, so the English translation of a Chinese original takes the same
    paragraphs as the original, in English.
    """
    slug, issuer, kind, issued, _language, titles, topics, options = row
    side = 1 if language == "zh-hans" else 0
    chinese = side == 1
    rng = random.Random(f"library-{slug}")
    pdf = options.get("format") == "pdf"
    name_en, name_zh = ISSUERS[issuer][:2]
    title_zh, title_en = (titles[0], titles[1]) if len(titles) == 2 else ("", titles[0])
    effective = options.get("effective") or issued
    fields = {
        "title": title_en,
        "title_zh": title_zh,
        "issuer": name_en,
        "date": date_zh(issued) if chinese else date_en(issued),
        "year": max(issued.year, 2021),
        "year_next": issued.year + 5,
        "effective": date_zh(effective) if chinese else date_en(effective),
        "scope": scope(issuer)[0],
        "scope_zh": scope(issuer)[1],
        "focus": FOCUS[topics[0]][0],
        "focus_zh": FOCUS[topics[0]][1],
    }
    fields["issuer"] = name_zh if chinese else name_en
    heading_open, heading_body, heading_close = (pair[side] for pair in SECTIONS[kind])

    blocks = [("title", title_zh if chinese else title_en)]
    blocks.append(("meta", fields["issuer"]))
    if options.get("number") and chinese:  # Chinese document numbers have no settled English form
        blocks.append(("meta", options["number"]))
    blocks.append(("meta", fields["date"]))
    if options.get("status") == "draft":
        blocks.append(("meta", "征求意见稿" if chinese else "Draft for comment"))
    if language == "en" and title_zh:
        blocks.append(("meta", TRANSLATION_NOTE))
    if pdf:
        blocks.append(("page", ""))

    opening = rng.choice(OPENINGS[kind])[side].format(**fields)
    context = rng.sample(CONTEXT, 2 if pdf else 1)
    blocks += [("heading", heading_open), ("paragraph", opening)]
    blocks += [("paragraph", paragraph[side]) for paragraph in context]

    blocks.append(("heading", heading_body))
    chosen = []
    for order, topic in enumerate(topics[:3]):
        count = (3 if pdf else 2) if order == 0 else (2 if pdf else 1)
        picked = rng.sample(TOPIC_PARAGRAPHS[topic], count)
        chosen += picked
        if len(topics) > 1 or pdf:
            number = ("（一）", "（二）", "（三）")[order] if chinese else f"{order + 1}."
            focus = FOCUS[topic][side]
            blocks.append(("heading", f"{number}{focus}" if chinese else f"{number} {focus[0].upper()}{focus[1:]}"))
        blocks += [("paragraph", paragraph[side]) for paragraph in picked]

    blocks += [("heading", heading_close), ("paragraph", rng.choice(CLOSINGS[kind])[side].format(**fields))]
    if options.get("other") and not chinese:
        blocks += [("heading", "Extrait (français)"), ("paragraph", FRENCH)]

    type_name = TYPE_NAMES[kind][side]
    if chinese:
        summary = f"{name_zh}{issued.year}年发布的{type_name}，涉及{fields['focus_zh']}。"
    else:
        summary = f"{type_name} issued by the {name_en} in {issued.year} on {fields['focus']}. "
        if title_zh:
            summary = f"English translation. {summary}"
    summary += _first_sentence(chosen[0][side], chinese)
    return {"blocks": blocks, "summary": summary.replace("issued by the Government", "issued by the government")}


def document_specs() -> list[dict]:
    """Every library entry as model values, originals before their translations."""
    specs = []
    for position, row in enumerate(DOCUMENTS):
        slug, issuer, kind, issued, language, titles, topics, options = row
        name_en, name_zh, jurisdiction, region, site = ISSUERS[issuer]
        file_format = "pdf" if position % 3 == 0 else OTHER_FORMATS[(position // 3) % 3]
        row = (*row[:7], options | {"format": file_format})
        source = f"https://{site}/" + (f"papers/{slug}/" if issuer == "association" else "")
        shared = {
            "issuer": issuer,
            "issuing_body": name_en,
            "issuing_body_zh": name_zh,
            "jurisdiction": jurisdiction,
            "region": region,
            "document_type": kind,
            "issued_on": issued,
            "effective_on": options.get("effective")
            or (issued if kind in ("plan", "guideline", "notice") and options.get("status") != "draft" else None),
            "status": {"superseded": "superseded", "draft": "draft"}.get(options.get("status", ""), "in-force"),
            "topics": topics,
            "source_url": source,
            "format": file_format,
            "number": options.get("number", ""),
        }
        original_language = "en" if language == "en" else "zh-hans"
        text = compose(row, original_language)
        specs.append(
            shared
            | {
                "slug": slug,
                "title": titles[0],
                "title_en": titles[1] if len(titles) == 2 else "",
                "languages": [original_language] + (["other"] if options.get("other") else []),
                "language": original_language,
                "translation_of": None,
                **text,
            }
        )
        if language == "pair":
            specs.append(
                shared
                | {
                    "slug": f"{slug}-en",
                    "title": titles[1],
                    "title_en": "",
                    "languages": ["en"],
                    "language": "en",
                    "translation_of": slug,
                    "source_url": "https://lcma.example.org/translations/" + slug + "/",
                    **compose(row, "en"),
                }
            )
    return specs
