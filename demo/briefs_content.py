"""Texts of the demo policy briefs: thirty short readings of documents in the demo library, twenty of them
also in Chinese.

Each brief has its own title, summary and opening paragraph; what it means for manufacturers and what
members should do come from pools per topic, chosen with the brief's slug as seed, so the Chinese
translation takes the same paragraphs as the English page. The association and its staff are fictitious.
"""

import datetime
import random

D = datetime.date

# key: (name, Chinese name, role, Chinese role)
AUTHORS = {
    "wang": ("Wang Lin", "王琳", "Head of policy, the association", "协会政策部主任"),
    "laurent": ("Sophie Laurent", "苏菲·洛朗", "Policy analyst, climate and carbon markets", "协会气候与碳市场政策分析师"),
    "chen": ("Chen Jiahui", "陈嘉慧", "Senior analyst, green manufacturing", "协会绿色制造高级分析师"),
    "okafor": ("Daniel Okafor", "丹尼尔·奥卡福", "Sustainable finance adviser, the association", "协会可持续金融顾问"),
    "li": ("Li Haoran", "李浩然", "Policy analyst, energy and hydrogen", "协会能源与氢能政策分析师"),
    "vogel": ("Katrin Vogel", "卡特琳·福格尔", "Supply-chain programme manager, the association", "协会供应链项目经理"),
}  # fmt: skip

HEADINGS = {
    "changed": ("What changed", "有哪些变化"),
    "means": ("What it means for manufacturers", "对制造企业意味着什么"),
    "do": ("What members should do", "会员企业应当做什么"),
}

# What a policy means for manufacturers, by topic: (English, Chinese).
IMPLICATIONS = {
    "carbon-markets": [
        ("A carbon price that reaches industrial plants changes investment decisions: efficiency projects with "
         "a payback of five or six years become attractive once avoided allowances are counted, and the cost of "
         "poor data becomes visible in conservative default values.",
         "碳价传导至工业企业后，将改变投资决策：把节约的配额计入收益后，投资回收期五六年的节能项目也变得具有吸引力；数据质量不佳的代价也会通过保守缺省值直接体现出来。"),
        ("Free allocation based on intensity benchmarks rewards plants that are better than their sector "
         "average and penalises the worst. Members with modern, electrified plants in China may end up with "
         "surplus allowances; older sites should expect to buy.",
         "基于强度基准的免费分配会奖励优于行业平均水平的工厂，惩罚落后产能。拥有现代化、电气化工厂的会员企业可能出现配额盈余，老旧工厂则应做好购买配额的准备。"),
        ("Exporters now face two carbon systems at once. The same tonne of CO2 is counted under Chinese rules "
         "for the national market and under EU rules for CBAM, and differences in boundaries and default "
         "values can produce two different numbers for one plant.",
         "出口企业正同时面对两套碳管理体系：同一吨二氧化碳既要按国内规则计入全国碳市场，又要按欧盟规则用于CBAM申报，核算边界和缺省值的差异可能让同一工厂得出两个不同的数字。"),
    ],
    "carbon-accounting": [
        ("Emissions data are becoming financial data. Banks, auditors and customers will rely on the same "
         "numbers, so the controls that apply to financial reporting, such as clear ownership, documented "
         "methods and an audit trail, now apply to carbon data too.",
         "碳排放数据正在成为财务数据。银行、审计机构和客户将依赖同一组数据，因此财务报告中的内控要求，如明确责任人、方法有据可查、过程可追溯，同样适用于碳数据。"),
        ("Plant-level metering is the bottleneck for most members. Sites that still estimate steam and "
         "electricity use by department will struggle to meet the new expectations without investment in "
         "sub-metering.",
         "对多数会员企业而言，厂级计量是主要瓶颈。仍按部门估算蒸汽和电力消耗的工厂，如不投资建设分项计量，将难以满足新的要求。"),
        ("Differences between Chinese and international methods are narrowing but have not disappeared. "
         "Companies that report under both should keep one underlying data set and document the adjustments "
         "each framework requires.",
         "国内外核算方法的差异正在缩小，但尚未完全消除。同时按两套体系报告的企业，应当维护同一套基础数据，并记录每套框架所需的调整。"),
    ],
    "supply-chain-decarbonisation": [
        ("Customers in Europe and Asia increasingly ask for a product carbon footprint with each quotation. "
         "Footprints calculated under national product rules will carry more weight once those rules are "
         "recognised abroad.",
         "欧洲和亚洲的客户越来越多地要求在报价时提供产品碳足迹。一旦国内产品碳足迹核算规则获得境外认可，依据这些规则计算的结果将更具说服力。"),
        ("For most members, most of a product's footprint sits with suppliers. The quality of a footprint "
         "therefore depends on primary data from the supply chain rather than on database averages.",
         "对大多数会员企业而言，产品碳足迹的大部分来自供应商。因此碳足迹的质量取决于供应链提供的一手数据，而不是数据库中的平均值。"),
        ("Small and medium suppliers lack the staff to answer many different questionnaires. A common data "
         "format and shared tools reduce their burden and improve the data members receive.",
         "中小供应商缺乏人手应对各式各样的问卷。统一的数据格式和共享工具可以减轻他们的负担，也能提高会员企业收到的数据质量。"),
    ],
    "green-manufacturing": [
        ("A green factory designation is no longer a one-off award. With regular review and withdrawal for "
         "incidents, it becomes a standard that plants have to keep meeting, and customers and banks treat it "
         "that way.",
         "绿色工厂称号不再是一次性荣誉。随着动态管理和因事故撤销制度的实施，它已成为工厂必须持续达到的标准，客户和银行也据此看待。"),
        ("Designations open doors to green credit and local subsidies, and some provinces take them into "
         "account when allocating energy budgets for new projects.",
         "获评绿色工厂有助于获得绿色信贷和地方奖补资金，部分省份在为新项目分配用能指标时也会将其纳入考量。"),
        ("The evaluation puts more weight on carbon than before: a plant's carbon intensity, its use of "
         "renewable electricity and its product footprints now count alongside energy and pollution.",
         "评价体系比以往更加重视碳排放：工厂的碳排放强度、可再生能源电力使用情况和产品碳足迹，与能耗和污染物排放一并计分。"),
    ],
    "energy-efficiency": [
        ("Benchmarks turn efficiency from a cost saving into a licence to operate. Capacity below the baseline "
         "has a deadline, and projects that fall short of the benchmark may not be approved at all.",
         "能效基准使节能从降本手段变为经营许可的前提。低于基准水平的产能面临改造期限，达不到标杆水平的新项目可能无法获批。"),
        ("The cheapest tonne is still the one not emitted. Members' audits regularly find savings of 5 to 10% "
         "in steam systems, compressed air and motors, with payback under three years.",
         "最便宜的减排仍然是不产生排放。会员企业的能源审计通常能在蒸汽系统、压缩空气和电机系统中发现5%至10%的节能空间，投资回收期不到三年。"),
    ],
    "renewable-energy": [
        ("Renewable electricity is the fastest lever for Scope 2 emissions, and green certificates are now the "
         "recognised way to claim it in China. How certificates are treated in international reporting still "
         "needs care.",
         "可再生能源电力是降低范围二排放最快的手段，绿色电力证书已成为国内证明绿电消费的公认凭证，但绿证在国际报告中的认可方式仍需审慎对待。"),
        ("Long-term power purchase agreements give price stability but tie a plant to one province's market "
         "rules. Members with several sites should compare on-site solar, green power trading and certificates "
         "site by site.",
         "长期购电协议可以锁定电价，但也使工厂受制于所在省份的市场规则。拥有多个工厂的会员企业应逐一比较屋顶光伏、绿电交易和绿证采购等方式。"),
    ],
    "hydrogen": [
        ("For chemical members, hydrogen is first a feedstock question. Replacing grey hydrogen in existing "
         "processes cuts emissions without changing products, but only where low-carbon supply is reliable.",
         "对化工会员企业而言，氢首先是原料问题。在现有工艺中以低碳氢替代灰氢，可以在不改变产品的情况下减少排放，但前提是低碳氢供应稳定可靠。"),
        ("Shared infrastructure in chemical parks lowers the cost for every user. Members located in the same "
         "park have an interest in planning pipelines and storage together.",
         "化工园区内的共享基础设施可以降低每个用户的成本。位于同一园区的会员企业有必要共同规划输氢管道和储氢设施。"),
    ],
    "circular-economy": [
        ("Recycled content and recyclability are moving from marketing claims to legal requirements in export "
         "markets. Members need traceable data on the materials they buy and sell.",
         "在出口市场，再生材料含量和可回收性正从营销宣传转变为法定要求。会员企业需要掌握所购买和销售材料的可追溯数据。"),
        ("Producer responsibility shifts costs to the companies that design products. Designing for "
         "disassembly and recycling now is cheaper than paying for collection later.",
         "生产者责任延伸将成本转移给产品设计方。现在就开展易拆解、易回收设计，比日后承担回收费用更加经济。"),
    ],
    "eod-financing": [
        ("EOD programmes need industrial partners whose projects generate revenue: clean energy, recycling, "
         "green agriculture. Manufacturers with relevant technology can join as investors, suppliers or "
         "offtakers.",
         "EOD项目需要能够产生收益的产业合作方，如清洁能源、资源循环利用和绿色农业。拥有相关技术的制造企业可以作为投资方、供应商或产品承购方参与。"),
        ("Banks want to see conservative revenue forecasts and a real link between the industrial and the "
         "environmental parts. Programmes that meet these conditions find finance; the rest stall.",
         "银行希望看到审慎的收益预测，以及产业项目与生态环境治理之间的实质关联。满足这些条件的项目能够获得融资，其余项目则容易停滞。"),
    ],
    "biodiversity": [
        ("Nature is following climate into corporate disclosure. Investors ask how sites depend on water and "
         "ecosystems, and how they affect them.",
         "继气候之后，自然相关议题正在进入企业信息披露。投资者开始询问工厂对水资源和生态系统的依赖及其影响。"),
        ("Sites near protected areas face stricter reviews for expansions. Early baseline surveys avoid delays "
         "later.",
         "邻近自然保护地的工厂在扩建时将面临更严格的审查。尽早开展生物多样性本底调查可以避免后续延误。"),
    ],
    "green-finance": [
        ("A common definition of green lowers the cost of capital for eligible projects and removes the "
         "argument over labels. Projects outside the catalogue can still look to transition finance.",
         "统一的绿色界定标准可以降低合格项目的融资成本，减少标签之争。未纳入目录的项目仍可寻求转型金融支持。"),
        ("Lenders increasingly ask for emissions data and a transition plan before pricing a loan. Members "
         "with credible targets and verified data will borrow more cheaply.",
         "金融机构在为贷款定价前，越来越多地要求企业提供排放数据和转型计划。拥有可信目标和经核查数据的会员企业将获得更低的融资成本。"),
    ],
    "climate-policy": [
        ("The shift from energy to carbon targets favours plants that electrify and buy renewable power. "
         "Energy use that is low-carbon will no longer count against a region's budget in the same way.",
         "从能耗目标转向碳排放目标，有利于推进电气化和购买可再生能源电力的工厂。低碳能源消费将不再以同样方式占用地区用能指标。"),
        ("Targets will be broken down by province and sector, and eventually by company. Members should "
         "expect their local authorities to ask for plant-level plans.",
         "目标将按省份和行业分解，最终落实到企业。会员企业应预期地方主管部门会要求提交厂级减排计划。"),
    ],
}  # fmt: skip

# Next steps, by topic.
ACTIONS = {
    "carbon-markets": ("Check which of your plants are covered, name an owner for each plant's emissions report, "
                       "and model your allowance position for the next three years.",
                       "梳理哪些工厂已被纳入或即将纳入碳市场，为每家工厂的排放报告指定责任人，并测算未来三年的配额盈缺。"),
    "carbon-accounting": ("Review your metering plan against the new requirements and close the largest gaps "
                          "before the next reporting cycle.",
                          "对照新要求复核计量方案，在下一个报告周期前补齐最大的计量缺口。"),
    "supply-chain-decarbonisation": ("Start with your ten largest purchased materials: ask suppliers for "
                                     "primary data in the association's common template.",
                                     "从采购量最大的十种原材料入手，请供应商按协会统一模板提供一手数据。"),
    "green-manufacturing": ("Compare each plant with the evaluation criteria and plan applications where the "
                            "score is close to the threshold.",
                            "对照评价指标逐一评估各工厂，对得分接近门槛的工厂做好申报规划。"),
    "energy-efficiency": ("Commission an energy audit for plants near the baseline and prioritise projects with "
                          "a payback under three years.",
                          "对能效接近基准水平的工厂开展能源审计，优先实施投资回收期三年以内的项目。"),
    "renewable-energy": ("Map renewable options site by site and keep certificates and contracts in one place "
                         "for reporting.",
                         "逐个工厂梳理可再生能源选项，并集中保管绿证和购电合同以备报告使用。"),
    "hydrogen": ("Estimate your current hydrogen use and talk to your park administration about shared supply.",
                 "摸清现有用氢量，并与园区管委会沟通共享供氢方案。"),
    "circular-economy": ("Collect recycled-content data from suppliers and review product designs for "
                         "recyclability.",
                         "向供应商收集再生材料含量数据，并从可回收性角度审视产品设计。"),
    "eod-financing": ("Look through the EOD catalogue for programmes near your plants that need industrial "
                      "partners, and tell us where you see a fit.",
                      "在EOD项目库中查找工厂周边需要产业合作方的项目，并告诉我们您认为合适的合作机会。"),
    "biodiversity": ("Identify sites near protected areas and commission baseline surveys where expansion is "
                     "planned.",
                     "识别邻近保护地的工厂，对有扩建计划的工厂开展本底调查。"),
    "green-finance": ("Share your targets and verified data with your banks and ask which products you "
                      "qualify for.",
                      "向合作银行提供减排目标和经核查的数据，了解可以申请的金融产品。"),
    "climate-policy": ("Prepare a plant-level plan to 2030 that your local authority can read, and keep it "
                       "consistent with your group targets.",
                       "编制地方主管部门易于理解的厂级2030年行动计划，并与集团整体目标保持一致。"),
}  # fmt: skip
CLOSING = (
    "The association will follow implementation closely and share members' questions with the authorities. "
    "Write to the policy team if your company is affected.",
    "协会将密切跟踪实施情况，并向主管部门反映会员企业的关切。如贵公司受到影响，欢迎与政策团队联系。",
)

# slug, date, topics, related documents (library slugs; English pages link the English translation where
# there is one), authors, translated, (English, Chinese) title, summary and opening paragraph.
BRIEFS = [
    ("ets-expands-to-steel-cement-aluminium", D(2025, 4, 8), ["carbon-markets"],
     ["ets-expansion-steel-cement-aluminium", "ets-interim-regulations-2024"], ["laurent"], True,
     ("The national carbon market takes in steel, cement and aluminium",
      "全国碳市场纳入钢铁、水泥和铝冶炼行业"),
     ("The first expansion of China's national carbon market adds about 1,500 companies and 3 billion tonnes "
      "of CO2. Members that buy these materials will feel it in prices before they feel it in rules.",
      "全国碳市场首次扩围，新增约1500家企业、约30亿吨二氧化碳排放。采购这些材料的会员企业将首先在价格上感受到影响。"),
     ("The Ministry of Ecology and Environment has confirmed that steel, cement and aluminium smelting join "
      "the national carbon market, with 2024 emissions reported and allowances for 2025 allocated on intensity "
      "benchmarks. The first years are gentle, with free allocation close to actual emissions, but the rules "
      "for tightening are already written.",
      "生态环境部确认钢铁、水泥、铝冶炼行业纳入全国碳市场，企业报告2024年度排放，2025年度配额按强度基准分配。最初几年较为温和，免费配额接近实际排放，但逐步收紧的规则已经明确。")),
    ("cbam-definitive-period", D(2025, 12, 15), ["carbon-markets", "supply-chain-decarbonisation"],
     ["cbam-regulation", "cbam-simplification-2025", "position-cbam-definitive-period"], ["laurent", "vogel"], True,
     ("CBAM's definitive period: what China-based suppliers need by January",
      "CBAM正式实施期：在华供应商一月前需要准备什么"),
     ("From 2026 EU importers pay for the embedded emissions of covered goods. Suppliers in China that cannot "
      "provide verified installation data will see their customers fall back on punitive default values.",
      "自2026年起，欧盟进口商须为受管控商品的隐含排放付费。无法提供经核查的设施数据的在华供应商，其客户将被迫采用偏高的缺省值。"),
     ("The transitional period of the carbon border adjustment mechanism ends on 31 December 2025. From then "
      "on, authorised declarants buy CBAM certificates for the emissions embedded in iron and steel, "
      "aluminium, cement, fertilisers, hydrogen and electricity, and the emissions must be verified by an "
      "accredited verifier.",
      "碳边境调节机制（CBAM）过渡期于2025年12月31日结束。此后，获授权申报人须为钢铁、铝、水泥、化肥、氢和电力中的隐含排放购买CBAM证书，且排放数据须经认可的核查机构核查。")),
    ("cbam-simplified", D(2025, 10, 28), ["carbon-markets"], ["cbam-simplification-2025", "cbam-regulation"],
     ["laurent"], True,
     ("CBAM simplified: a 50-tonne threshold and fewer declarants", "CBAM简化：50吨门槛，申报人大幅减少"),
     ("The EU has exempted small importers from CBAM and eased the rules on verification and default values. "
      "Large flows of steel and aluminium remain fully covered.",
      "欧盟豁免了小型进口商的CBAM义务，并放宽了核查和缺省值相关规定，但大宗钢铁和铝产品仍全面受管控。"),
     ("The simplification regulation introduces a single mass threshold of 50 tonnes of covered goods per "
      "importer per year, which removes most small importers from the scheme while keeping about 99% of the "
      "embedded emissions covered. It also postpones the sale of certificates to 2027 and simplifies the "
      "calculation of emissions for downstream products.",
      "简化条例规定，每个进口商每年进口受管控商品不超过50吨的，可豁免CBAM义务。这一门槛将大多数小型进口商排除在外，同时仍覆盖约99%的隐含排放。条例还将证书销售推迟至2027年，并简化了下游产品的排放计算。")),
    ("ccer-one-year-on", D(2024, 12, 10), ["carbon-markets"],
     ["ccer-measures-2023", "ccer-methodologies-first-batch", "position-ccer-methodologies"], ["laurent", "wang"], True,
     ("CCER one year on: few industrial methodologies yet", "CCER重启一年：工业领域方法学仍然不足"),
     ("The voluntary market reopened with forestry, offshore wind, solar thermal and mangroves. Industrial "
      "projects such as waste-heat recovery and process change are still waiting for methodologies.",
      "自愿减排市场重启后，首批方法学涵盖林业碳汇、海上风电、光热发电和红树林，余热利用和工艺改造等工业项目仍在等待相应方法学。"),
     ("A year after the Measures for the Administration of Voluntary Greenhouse Gas Emission Reduction Trading "
      "came into force, the first CCER projects have been registered and credits issued. Demand comes mainly "
      "from companies in the national carbon market, which may use CCER for up to 5% of their obligations.",
      "《温室气体自愿减排交易管理办法（试行）》施行一年来，首批CCER项目已完成登记并签发减排量。需求主要来自全国碳市场的重点排放单位，可用CCER抵销不超过5%的清缴义务。")),
    ("national-product-footprint-standard", D(2025, 3, 12), ["supply-chain-decarbonisation", "carbon-accounting"],
     ["gbt-24067-product-footprint", "carbon-footprint-system-plan-2024"], ["vogel"], True,
     ("A national standard for product carbon footprints", "产品碳足迹有了国家标准"),
     ("GB/T 24067-2024 adopts ISO 14067 as the national basis for product carbon footprints. Product rules "
      "for batteries, steel and chemicals will build on it.",
      "GB/T 24067—2024等同采用ISO 14067，成为产品碳足迹核算的国家基础标准，动力电池、钢铁和化工产品的核算规则将以此为基础制定。"),
     ("The new national standard for quantifying the carbon footprint of products took effect on 1 March "
      "2025. It is aligned with ISO 14067, which means that a footprint calculated in China can, in principle, "
      "be read the same way abroad, provided the product category rules and data are comparable.",
      "产品碳足迹量化国家标准自2025年3月1日起实施。该标准与ISO 14067保持一致，这意味着只要产品种类规则和数据具有可比性，在国内核算的产品碳足迹原则上可以在境外得到同等理解。")),
    ("footprint-rules-consultation", D(2025, 12, 2), ["supply-chain-decarbonisation"],
     ["product-footprint-rules-draft", "position-product-footprint-rules"], ["vogel", "chen"], True,
     ("Draft footprint rules for industrial products: our comments", "重点工业产品碳足迹核算规则征求意见：协会的意见"),
     ("The draft general requirements set boundaries, allocation and data-quality rules for key industrial "
      "products. We welcome them and ask for clearer treatment of green electricity and recycled content.",
      "征求意见稿规定了重点工业产品碳足迹的核算边界、分配方法和数据质量要求。协会表示欢迎，并建议进一步明确绿色电力和再生材料的处理方式。"),
     ("MIIT has put the general requirements for carbon footprint accounting rules of key industrial products "
      "out for comment. They will be the frame for dozens of product-specific rules, so the choices made now "
      "on boundaries, allocation between co-products and secondary data will be repeated across sectors.",
      "工业和信息化部就重点工业产品碳足迹核算规则通用要求公开征求意见。该通用要求将成为数十项具体产品规则的框架，当前在核算边界、联产品分配和次级数据方面的选择将在各行业中延续。")),
    ("green-manufacturing-list-2025", D(2026, 1, 14), ["green-manufacturing"],
     ["green-manufacturing-list-2025", "green-factory-tiered-cultivation-2024"], ["chen"], True,
     ("Eleven member plants on the 2025 green manufacturing list", "十一家会员工厂入选2025年度绿色制造名单"),
     ("The 2025 national list is the first under the tiered system. Eleven member plants qualified, and two "
      "earlier designations were reviewed and kept.",
      "2025年度国家级名单是梯度培育制度实施后的首批名单。十一家会员工厂入选，两家此前获评的工厂通过复核保留称号。"),
     ("MIIT has published the 2025 list of green factories, green industrial parks and green supply-chain "
      "companies. Plants now reach the national list only after a provincial designation, and the ministry "
      "has for the first time published the results of its review of earlier designations.",
      "工业和信息化部公布了2025年度绿色工厂、绿色工业园区和绿色供应链管理企业名单。工厂须先获省级认定方可进入国家级名单，工信部还首次公布了对既有称号的复核结果。")),
    ("green-factory-standard-revision", D(2025, 10, 2), ["green-manufacturing"],
     ["gbt-36132-revision-draft", "gbt-36132-green-factory"], ["chen"], True,
     ("Green factory evaluation: the revised standard puts carbon first", "绿色工厂评价通则修订：碳排放权重提升"),
     ("The draft revision of GB/T 36132 adds indicators for carbon intensity, green electricity and product "
      "footprints, and raises the bar for a national green factory.",
      "GB/T 36132修订征求意见稿新增碳排放强度、绿色电力和产品碳足迹等指标，提高了国家级绿色工厂的门槛。"),
     ("Seven years after the general principles for evaluating green factories were published, the revision "
      "out for comment changes the weighting of the evaluation. Energy and pollution still count, but a plant "
      "that cannot show falling carbon intensity will find it hard to reach the threshold.",
      "《绿色工厂评价通则》发布七年后，此次修订征求意见稿调整了评价权重。能耗和污染物排放依然重要，但无法证明碳排放强度持续下降的工厂将难以达到门槛。")),
    ("carbon-dual-control", D(2024, 12, 18), ["climate-policy"],
     ["carbon-dual-control-system-2024", "energy-dual-control-scheme-2021"], ["wang"], True,
     ("From energy to carbon: the dual-control system changes target", "从能耗到碳排放：双控制度转换考核对象"),
     ("China is moving from controlling energy use to controlling carbon emissions, total and per unit of "
      "GDP. Renewable energy stops counting against regional budgets.",
      "我国正从能耗双控转向碳排放总量和强度双控，可再生能源消费将不再占用地区用能指标。"),
     ("The work plan for a carbon-emission dual-control system sets out how targets will shift, in the 15th "
      "Five-Year Plan period, from energy intensity to carbon intensity, with a total cap added after the "
      "peak. Provinces, sectors and eventually key companies will receive carbon budgets.",
      "《加快构建碳排放双控制度体系工作方案》明确，“十五五”时期将以碳排放强度控制为主、总量控制为辅，碳达峰后实施以总量控制为主的双控制度，碳排放指标将分解至地区、行业，最终落实到重点企业。")),
    ("energy-law-in-force", D(2025, 1, 8), ["renewable-energy", "energy-efficiency"], ["energy-law-2024"],
     ["li"], True,
     ("China's first Energy Law takes effect", "我国首部能源法正式施行"),
     ("The Energy Law, in force since 1 January 2025, gives renewables priority and makes the dual-carbon "
      "goals part of energy planning by law.",
      "能源法自2025年1月1日起施行，确立了可再生能源优先发展的地位，并以法律形式将“双碳”目标纳入能源规划。"),
     ("After years of drafts, China's Energy Law came into force on 1 January 2025. It is a framework law: "
      "most of its provisions point to plans and regulations still to come. But it settles principles that "
      "matter to manufacturers, among them priority for renewable energy, a mandatory minimum share of "
      "renewable electricity for users, and the legal basis for green certificates.",
      "历经多年起草，我国能源法于2025年1月1日起施行。这是一部基础性法律，多数条款有待配套规划和法规落实，但它确立了对制造企业至关重要的原则，包括可再生能源优先发展、用能单位可再生能源消费最低比重，以及绿色电力证书的法律依据。")),
    ("eod-implementation-guidelines", D(2025, 1, 22), ["eod-financing"],
     ["eod-project-guidelines-2024", "eod-pilot-recommendation-2020"], ["okafor"], True,
     ("EOD projects get implementation guidelines", "EOD项目实施有了导则"),
     ("After four years of pilots, the ministry has set out how EOD projects must be structured, appraised "
      "and financed, and what they may not do.",
      "经过四年试点，生态环境部明确了EOD项目的组织实施、评估和融资要求，以及禁止性规定。"),
     ("The trial implementation guidelines for ecology-oriented development turn the lessons of the pilots "
      "into rules: one implementing entity, a real link between the environmental and the industrial parts, "
      "no new hidden local debt, and revenue forecasts that a bank can check.",
      "《生态环境导向的开发（EOD）项目实施导则（试行）》将试点经验转化为制度要求：由同一实施主体实施，生态环境治理与产业开发之间须有实质关联，不得新增地方政府隐性债务，收益预测须经得起银行审查。")),
    ("eod-financing-draft", D(2026, 5, 6), ["eod-financing", "green-finance"],
     ["eod-financing-guidance-draft", "eod-financier-survey-2025"], ["okafor"], True,
     ("Bank finance for EOD: the draft guidance", "金融支持EOD项目指导意见征求意见"),
     ("A draft guidance asks banks to create dedicated EOD products with longer tenors and faster approval. "
      "Our survey of financiers suggests what will make it work.",
      "征求意见稿要求金融机构开发EOD专属产品，适当延长贷款期限并加快审批。协会对金融机构的调查显示了政策落地的关键所在。"),
     ("The draft guiding opinions on financial support for ecology-oriented development projects would let "
      "banks lend against the combined cash flows of an EOD programme, accept future revenue rights as "
      "collateral and extend tenors up to 25 years. Comments are open until the end of June.",
      "征求意见稿提出，金融机构可依据EOD项目的整体现金流发放贷款，接受未来收益权质押，贷款期限最长可达25年。意见征集截至6月底。")),
    ("chemicals-ets-consultation", D(2026, 7, 21), ["carbon-markets"],
     ["ets-chemicals-inclusion-draft", "position-ets-expansion-chemicals"], ["laurent", "wang"], True,
     ("Chemicals into the national carbon market: the consultation", "石化化工行业纳入全国碳市场：征求意见"),
     ("The draft plan would bring petrochemicals and chemicals into the national market from the 2027 "
      "compliance year. Many member plants would be covered.",
      "征求意见稿拟自2027履约年度起将石化、化工行业纳入全国碳市场，众多会员工厂将被覆盖。"),
     ("The Ministry of Ecology and Environment has published a draft work plan for bringing the petrochemical "
      "and chemical sectors into the national carbon emissions trading market. Coverage would start with "
      "large producers of ethylene, methanol, ammonia and a handful of other products, with benchmarks per "
      "product.",
      "生态环境部发布石化、化工行业纳入全国碳排放权交易市场工作方案征求意见稿，拟先行覆盖乙烯、甲醇、合成氨等少数产品的大型生产企业，并按产品设定基准值。")),
    ("ets-measures-revision", D(2025, 12, 18), ["carbon-markets"],
     ["ets-measures-revision-draft", "ets-measures-2020"], ["laurent"], True,
     ("Revised carbon trading measures: auctions and stricter verification", "碳排放权交易管理办法修订：有偿分配与更严格核查"),
     ("The draft revision of the 2020 measures prepares for paid allocation and tightens data rules, in line "
      "with the State Council's interim regulations.",
      "2020年办法的修订征求意见稿为有偿分配做准备，并收紧数据管理要求，与国务院暂行条例相衔接。"),
     ("Five years after the trial measures launched the national carbon market, the ministry has proposed a "
      "revision that aligns them with the Interim Regulations of 2024. The most important changes concern "
      "allocation, which could include auctions, and penalties for falsified data.",
      "全国碳市场依据试行办法启动五年后，生态环境部提出修订，使其与2024年暂行条例相衔接。最重要的变化涉及配额分配（可能引入拍卖）以及对数据造假的处罚。")),
    ("china-2035-ndc", D(2025, 11, 12), ["climate-policy"], ["china-ndc-2035", "china-ndc-2021"], ["wang"], True,
     ("China's 2035 climate targets", "我国2035年国家自主贡献目标"),
     ("For the first time China has set an absolute target: net greenhouse gas emissions 7 to 10% below the "
      "peak by 2035. What it means for industry.",
      "我国首次提出绝对量减排目标：到2035年全经济范围温室气体净排放量比峰值下降7%至10%。这对工业意味着什么？"),
     ("China's 2035 nationally determined contribution covers all greenhouse gases and all sectors, and "
      "expresses the target as a cut from the peak rather than as intensity. It adds targets for non-fossil "
      "energy, above 30% of consumption, and for wind and solar capacity.",
      "我国2035年国家自主贡献覆盖全部温室气体和全经济范围，首次以相对峰值的减排量而非强度表述目标，并提出非化石能源消费比重达到30%以上以及风电、太阳能发电装机目标。")),
    ("green-certificates-and-scope-2", D(2025, 11, 4), ["renewable-energy", "carbon-accounting"],
     ["ghg-protocol-scope-2-revision-draft", "green-certificates-full-coverage-2023", "position-green-electricity"],
     ["li", "vogel"], True,
     ("Green certificates and the Scope 2 revision", "绿色电力证书与范围二指南修订"),
     ("The draft revision of the GHG Protocol's Scope 2 guidance would require hourly matching and market "
      "boundaries. Chinese green certificates need to keep up.",
      "温室气体核算体系范围二指南修订稿拟要求逐小时匹配和市场边界，国内绿证需要相应完善。"),
     ("The public consultation on Scope 2 proposes that market-based claims match consumption hour by hour and "
      "within the same grid. Chinese green certificates cover all renewable generation but carry only the "
      "month of generation, which would limit how members can use them in international reports.",
      "范围二指南公开征求意见稿提出，基于市场的绿电声明应与用电逐小时匹配，且位于同一电网范围内。我国绿证已覆盖全部可再生能源发电，但仅标注发电月份，这将限制会员企业在国际报告中的使用方式。")),
    ("hydrogen-in-chemical-parks", D(2025, 4, 2), ["hydrogen"],
     ["hydrogen-plan-2021-2035", "position-hydrogen-chemical-parks", "iea-industrial-hydrogen"], ["li"], True,
     ("Hydrogen in chemical parks: from plans to projects", "化工园区氢能：从规划到项目"),
     ("Three years into the national hydrogen plan, renewable hydrogen projects are concentrated in the north "
      "and west. Coastal chemical parks, where members' plants are, need a different model.",
      "国家氢能规划实施三年来，可再生能源制氢项目集中在北方和西部地区。会员工厂所在的沿海化工园区需要不同的发展模式。"),
     ("China's medium- and long-term plan for hydrogen treats it as energy and as an industrial feedstock. "
      "Most renewable hydrogen capacity has been built near wind and solar resources, far from the coastal "
      "chemical parks where demand is, which makes transport and storage the question for members.",
      "我国氢能中长期规划将氢定位为能源和工业原料。目前大部分可再生能源制氢产能建在风光资源富集地区，远离需求集中的沿海化工园区，因此储运成为会员企业面临的核心问题。")),
    ("eu-battery-footprint", D(2025, 8, 5), ["supply-chain-decarbonisation", "circular-economy"],
     ["eu-batteries-regulation", "position-battery-footprint"], ["vogel"], True,
     ("EU battery footprint declarations: the timetable for suppliers", "欧盟电池碳足迹声明：供应商时间表"),
     ("Electric vehicle batteries sold in the EU need a carbon footprint declaration. Suppliers of cathode "
      "materials, electrolytes and separators will be asked for data.",
      "在欧盟销售的电动汽车电池须提供碳足迹声明，正极材料、电解液和隔膜供应商将被要求提供数据。"),
     ("The EU Batteries Regulation requires a carbon footprint declaration for electric-vehicle batteries, "
      "followed by performance classes and maximum thresholds. The calculation rules are being finalised, and "
      "battery makers have started to ask their suppliers for product-level data.",
      "欧盟《电池与废电池法规》要求电动汽车电池提供碳足迹声明，随后将引入碳足迹性能等级和最高限值。具体核算规则正在定稿，电池企业已开始向供应商索取产品层面的数据。")),
    ("ecodesign-and-chemicals", D(2025, 2, 19), ["circular-economy"], ["eu-ecodesign-regulation"], ["chen"], True,
     ("Ecodesign for sustainable products: what reaches chemical suppliers", "欧盟生态设计法规：对化工供应商的影响"),
     ("The EU ecodesign regulation will set product rules, digital passports and a ban on destroying unsold "
      "goods. Chemicals are not a priority group, but their customers are.",
      "欧盟生态设计法规将制定产品要求、数字产品护照并禁止销毁未售出商品。化学品虽非首批重点，但其下游客户是。"),
     ("The Ecodesign for Sustainable Products Regulation replaces the old energy-related rules with a "
      "framework that can cover almost any product. The first working plan targets textiles, furniture, "
      "steel and aluminium, so chemical members will feel it through their customers' requests.",
      "《可持续产品生态设计法规》以几乎可覆盖所有产品的框架取代了原有的能源相关产品规则。首个工作计划聚焦纺织品、家具、钢铁和铝，化工会员企业将通过下游客户的要求感受到影响。")),
    ("member-progress-2024", D(2025, 6, 26), ["carbon-accounting"], ["progress-report-2024"], ["wang", "chen"], True,
     ("Members' progress in 2024: emissions down, Scope 3 still unclear", "会员企业2024年度进展：排放下降，范围三仍不清晰"),
     ("Members' combined Scope 1 and 2 emissions fell for the third year in a row. Scope 3 reporting improved "
      "but still covers less than half of members' purchases.",
      "会员企业范围一和范围二排放合计连续第三年下降。范围三报告有所改善，但覆盖的采购额仍不足一半。"),
     ("The association's 2024 progress report brings together the pledges and yearly reports that members "
      "publish on the portal. Sixty-four of seventy members reported on time, and the share of renewable "
      "electricity in members' plants in China passed 30% for the first time.",
      "协会2024年度进展报告汇总了会员企业在门户网站上公开的承诺和年度报告。七十家会员企业中有六十四家按时报告，会员在华工厂的可再生能源电力占比首次超过30%。")),
    # English only
    ("member-progress-2025", D(2026, 6, 25), ["carbon-accounting", "green-manufacturing"], ["progress-report-2025"],
     ["wang"], False,
     ("Members' progress in 2025: the first absolute reductions", None),
     ("For the first time a majority of members cut absolute emissions while output grew.", None),
     ("The 2025 progress report shows thirty-nine members reducing absolute Scope 1 and 2 emissions while "
      "their output in China grew, thanks mainly to green electricity and electrified process heat.", None)),
    ("issb-s2-and-chinese-disclosure", D(2025, 5, 14), ["carbon-accounting", "green-finance"],
     ["issb-ifrs-s2", "environmental-disclosure-measures-2021"], ["okafor"], False,
     ("IFRS S2 and China's disclosure rules", None),
     ("China's new sustainability disclosure standards draw on IFRS S2. Listed members can prepare one report "
      "for both, with care.", None),
     ("With the Ministry of Finance's basic standard for corporate sustainability disclosure based on IFRS S2, "
      "and the stock exchanges' guidelines in force, listed members face climate disclosure rules that are "
      "close to, but not identical with, the international baseline.", None)),
    ("carbon-neutrality-claims-iso-14068", D(2025, 2, 4), ["carbon-accounting"], ["iso-14068-1", "iso-14064-1"],
     ["vogel"], False,
     ("Carbon neutrality claims under ISO 14068-1", None),
     ("The first international standard for carbon neutrality claims puts reductions first and limits the "
      "role of offsets.", None),
     ("ISO 14068-1 sets out what an organisation or a product must do before claiming carbon neutrality: a "
      "footprint under ISO 14064-1 or ISO 14067, a reduction plan with targets, and only then offsetting of "
      "residual emissions with credits that meet quality criteria.", None)),
    ("guangdong-footprint-labels", D(2025, 5, 7), ["supply-chain-decarbonisation"], ["guangdong-footprint-pilot"],
     ["vogel"], False,
     ("Guangdong pilots carbon footprint labels", None),
     ("Guangdong will certify and label the carbon footprint of electronics, batteries and household "
      "appliances. Members' plants in the province may volunteer.", None),
     ("Guangdong's Development and Reform Commission has launched a pilot in which accredited bodies certify "
      "product carbon footprints and manufacturers may display a provincial label.", None)),
    ("shanghai-ccer-measures", D(2025, 1, 29), ["carbon-markets"], ["shanghai-ccer-support", "ccer-measures-2023"],
     ["laurent"], False,
     ("Shanghai's support for CCER project developers", None),
     ("Shanghai offers subsidies and fast-track services for CCER projects registered by companies in the "
      "city.", None),
     ("Shanghai's ecology bureau has published measures to support companies developing CCER projects, "
      "including subsidies for validation costs and a service desk for methodology questions.", None)),
    ("biodiversity-at-sites", D(2025, 10, 9), ["biodiversity"],
     ["biodiversity-strategy-2023-2030", "position-biodiversity-sites"], ["chen"], False,
     ("Biodiversity at manufacturing sites", None),
     ("China's biodiversity strategy to 2030 asks business to contribute. Members' sites can start with "
      "baseline surveys and native planting.", None),
     ("The China Biodiversity Conservation Strategy and Action Plan (2023-2030) translates the "
      "Kunming-Montreal framework into national targets and names business as a partner.", None)),
    ("green-transition-catalogue", D(2025, 3, 26), ["green-finance"],
     ["green-industry-catalogue-2024", "green-bond-catalogue-2021"], ["okafor"], False,
     ("The 2024 green and low-carbon transition catalogue", None),
     ("The new catalogue widens what counts as green to include transition activities in heavy industry.",
      None),
     ("The Guidance Catalogue of Green and Low-Carbon Transition Industries replaces the 2019 green industry "
      "catalogue and for the first time lists low-carbon transformation of energy-intensive processes.", None)),
    ("sichuan-eod-upper-rivers", D(2025, 7, 9), ["eod-financing", "biodiversity"],
     ["sichuan-eod-rivers", "eod-project-guidelines-2024"], ["okafor"], False,
     ("Sichuan's EOD plan for the upper Yangtze and Yellow rivers", None),
     ("Sichuan plans EOD programmes along the upper reaches of two great rivers, with clean energy and "
      "eco-tourism as the industrial components.", None),
     ("Sichuan's Department of Ecology and Environment has published a plan for ecology-oriented development "
      "along the upper Yangtze and Yellow rivers, combining river restoration with hydropower-linked "
      "industries and eco-tourism.", None)),
    ("carbon-pricing-worldwide-2025", D(2025, 4, 23), ["carbon-markets"],
     ["icap-status-report-2025", "eu-ets-directive-2023"], ["laurent"], False,
     ("Carbon pricing worldwide in 2025", None),
     ("Emissions trading now covers almost a fifth of global emissions. Where China's market stands among "
      "them.", None),
     ("The ICAP status report counts 38 emissions trading systems in force, covering close to a fifth of "
      "global greenhouse gas emissions, with China's national market the largest by volume.", None)),
    ("energy-efficiency-2025", D(2026, 1, 28), ["energy-efficiency"],
     ["iea-energy-efficiency-2025", "energy-efficiency-benchmarks-2023"], ["li"], False,
     ("Energy efficiency: China's benchmarks and the global picture", None),
     ("Global efficiency gains are picking up again. In China, benchmarks for energy-intensive sectors are "
      "the main driver.", None),
     ("The IEA's Energy Efficiency 2025 report finds the global rate of improvement rising after two weak "
      "years, and points to China's benchmark levels for energy-intensive sectors as an example of policy "
      "that works.", None)),
]  # fmt: skip


def body(brief: tuple, language: str) -> list[tuple[str, str]]:
    """A brief's body as (block type, text) pairs in `language`: what changed, what it means, what to do."""
    slug, _day, topics, _documents, _authors, _translated, _title, _summary, opening = brief
    side = 1 if language == "zh-hans" else 0
    rng = random.Random(f"brief-{slug}")
    meanings = [paragraph for topic in topics for paragraph in IMPLICATIONS[topic]]
    chosen = rng.sample(meanings, min(len(meanings), rng.randint(2, 3)))
    blocks = [
        ("heading", HEADINGS["changed"][side]),
        ("paragraph", opening[side]),
        ("heading", HEADINGS["means"][side]),
    ]
    blocks += [("paragraph", paragraph[side]) for paragraph in chosen]
    blocks.append(("heading", HEADINGS["do"][side]))
    blocks += [("paragraph", ACTIONS[topic][side]) for topic in topics]
    blocks.append(("paragraph", CLOSING[side]))
    return blocks
