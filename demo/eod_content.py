"""Tables the demo EOD programmes are generated from: places, programme types, people.

Places are real prefectures and districts with the river, lake, coast or
mining area an EOD programme there would be about; the programme types pair
the environmental work typical of a region with the industry that helps pay
for it (river basins with eco-tourism in Jiangxi, mined land with solar power
in Shanxi, wetlands with fisheries in Jiangsu, contaminated land with an
industrial park in Hunan...). Programmes, agencies, companies and people are
fictitious; `demo.eod` draws the numbers with a seeded generator.
"""

CATALOGUE = {
    "en": (
        "EOD programme catalogue",
        "<p>Ecology-Oriented Development (EOD) programmes bundle environmental protection with the industries "
        "whose proceeds help pay for it. Banks, funds and other financiers can find programmes here by region, "
        "sector, size and financing still needed.</p>",
    ),
    "zh-hans": (
        "EOD项目库",
        "<p>生态环境导向的开发（EOD）项目将生态环境治理与产业开发相结合，以产业收益反哺生态保护。"
        "银行、基金等金融机构可按地区、行业、规模和融资缺口查找项目。</p>",
    ),
}
SLUG = "eod"

# (province, English stem, Chinese name, level, latitude, longitude, (feature in English, in Chinese),
#  programme types that suit the place). The English feature carries its article where it needs one
# ("the Fen River", "Poyang Lake"); titles drop it.
PLACES = [
    ("JX", "Ganzhou", "赣州市", "city", 25.83, 114.93, ("the Gongshui River", "贡水"), "river rural"),
    ("JX", "Jingdezhen", "景德镇市", "city", 29.27, 117.18, ("the Chang River", "昌江"), "river urban"),
    ("JX", "Jiujiang", "九江市", "city", 29.71, 116.00, ("Poyang Lake", "鄱阳湖"), "wetland lake"),
    ("JX", "Fuzhou", "抚州市", "city", 27.95, 116.36, ("the Fu River", "抚河"), "river rural"),
    ("SX", "Datong", "大同市", "city", 40.08, 113.30, ("the Datong coalfield", "大同煤田"), "mine"),
    ("SX", "Changzhi", "长治市", "city", 36.20, 113.12, ("the Zhuozhang River", "浊漳河"), "mine river"),
    ("SX", "Jinzhong", "晋中市", "city", 37.69, 112.75, ("the Fen River", "汾河"), "river mine"),
    ("NM", "Ordos", "鄂尔多斯市", "city", 39.61, 109.78, ("the Kubuqi Desert", "库布其沙漠"), "desert mine"),
    ("NM", "Baotou", "包头市", "city", 40.66, 109.84, ("the Yellow River", "黄河"), "wetland"),
    ("JS", "Yancheng", "盐城市", "city", 33.35, 120.16, ("the Tiaozini mudflats", "条子泥"), "wetland coast"),
    ("JS", "Taizhou", "泰州市", "city", 32.46, 119.92, ("Qinhu Lake", "溱湖"), "wetland"),
    ("JS", "Suqian", "宿迁市", "city", 33.96, 118.28, ("Hongze Lake", "洪泽湖"), "wetland lake"),
    ("JS", "Wuxi", "无锡市", "city", 31.49, 120.31, ("Taihu Lake", "太湖"), "lake"),
    ("HN", "Zhuzhou", "株洲市", "city", 27.83, 113.13, ("Qingshuitang", "清水塘"), "soil"),
    ("HN", "Hengyang", "衡阳市", "city", 26.89, 112.57, ("Shuikoushan", "水口山"), "soil mine"),
    ("HN", "Chenzhou", "郴州市", "city", 25.77, 113.01, ("Dongjiang Lake", "东江湖"), "lake"),
    ("HN", "Yueyang", "岳阳市", "city", 29.36, 113.13, ("Dongting Lake", "洞庭湖"), "wetland lake"),
    ("YN", "Dali", "大理白族自治州", "prefecture", 25.61, 100.27, ("Erhai Lake", "洱海"), "lake"),
    ("YN", "Kunming", "昆明市", "city", 24.88, 102.83, ("Dianchi Lake", "滇池"), "lake"),
    ("YN", "Yuxi", "玉溪市", "city", 24.35, 102.54, ("Fuxian Lake", "抚仙湖"), "lake"),
    ("FJ", "Xiamen", "厦门市", "city", 24.48, 118.09, ("Xiamen Bay", "厦门湾"), "coast"),
    ("FJ", "Ningde", "宁德市", "city", 26.66, 119.55, ("Sandu Bay", "三都澳"), "coast"),
    ("FJ", "Nanping", "南平市", "city", 27.33, 118.12, ("the Min River headwaters", "闽江源"), "forest river"),
    ("GD", "Zhanjiang", "湛江市", "city", 21.27, 110.36, ("Leizhou Bay", "雷州湾"), "coast"),
    ("GD", "Shantou", "汕头市", "city", 23.35, 116.68, ("the Lian River", "练江"), "urban river"),
    ("GD", "Shaoguan", "韶关市", "city", 24.81, 113.60, ("Dabaoshan", "大宝山"), "mine forest"),
    ("HI", "Haikou", "海口市", "city", 20.04, 110.35, ("Dongzhai Harbour", "东寨港"), "coast"),
    ("SD", "Rizhao", "日照市", "city", 35.42, 119.53, ("the Rizhao shoreline", "日照"), "coast"),
    ("SD", "Dongying", "东营市", "city", 37.43, 118.67, ("the Yellow River Delta", "黄河三角洲"), "wetland coast"),
    ("SD", "Zibo", "淄博市", "city", 36.81, 118.05, ("the Xiaofu River", "孝妇河"), "soil river"),
    ("ZJ", "Huzhou", "湖州市", "city", 30.89, 120.09, ("the Tiaoxi River", "苕溪"), "rural river"),
    ("ZJ", "Lishui", "丽水市", "city", 28.47, 119.92, ("the Ou River valley", "瓯江流域"), "forest rural"),
    ("ZJ", "Zhoushan", "舟山市", "city", 29.99, 122.21, ("the Zhoushan islands", "舟山群岛"), "coast"),
    ("HL", "Yichun", "伊春市", "city", 47.73, 128.84, ("the Lesser Khingan forests", "小兴安岭林区"), "forest"),
    ("HL", "Jixi", "鸡西市", "city", 45.30, 130.97, ("Xingkai Lake", "兴凯湖"), "wetland mine"),
    ("GS", "Zhangye", "张掖市", "city", 38.93, 100.45, ("the Heihe River", "黑河"), "wetland desert"),
    ("GS", "Wuwei", "武威市", "city", 37.93, 102.64, ("the Shiyang River", "石羊河"), "desert"),
    ("QH", "Xining", "西宁市", "city", 36.62, 101.78, ("the Huangshui River", "湟水"), "river"),
    ("SC", "Chengdu", "成都市", "city", 30.66, 104.07, ("the Jinjiang River", "锦江"), "urban"),
    ("SC", "Ya'an", "雅安市", "city", 29.98, 103.01, ("the Qingyi River valley", "青衣江流域"), "forest rural"),
    ("SC", "Panzhihua", "攀枝花市", "city", 26.58, 101.72, ("the Jinsha River valley", "金沙江干热河谷"), "mine forest"),
    ("GZ", "Bijie", "毕节市", "city", 27.30, 105.29, ("the Wumeng Mountains", "乌蒙山"), "karst rural"),
    ("GZ", "Kaili", "凯里市", "city", 26.57, 107.98, ("the Qingshui River", "清水江"), "rural river"),
    ("GX", "Hechi", "河池市", "city", 24.69, 108.08, ("the Diao River valley", "刁江流域"), "karst mine"),
    ("GX", "Beihai", "北海市", "city", 21.48, 109.12, ("the Beihai mangroves", "北海红树林"), "coast"),
    ("AH", "Huangshan", "黄山市", "city", 29.71, 118.34, ("the Xin'an River", "新安江"), "watersource rural"),
    ("AH", "Huainan", "淮南市", "city", 32.63, 117.00, ("the Huainan subsidence area", "淮南采煤沉陷区"), "mine wetland"),
    ("HA", "Xinyang", "信阳市", "city", 32.13, 114.09, ("the Dabie Mountains", "大别山"), "forest rural"),
    ("HA", "Sanmenxia", "三门峡市", "city", 34.77, 111.20, ("Swan Lake", "天鹅湖"), "wetland lake"),
    ("HB", "Wuhan", "武汉市", "city", 30.59, 114.30, ("East Lake", "东湖"), "lake urban"),
    ("HB", "Huangshi", "黄石市", "city", 30.20, 115.04, ("Cihu Lake", "磁湖"), "mine lake"),
    ("SN", "Hanzhong", "汉中市", "city", 33.07, 107.02, ("the Han River", "汉江"), "watersource river"),
    ("SN", "Yulin", "榆林市", "city", 38.29, 109.73, ("the Mu Us Sandy Land", "毛乌素沙地"), "desert mine"),
    ("HE", "Chengde", "承德市", "city", 40.95, 117.96, ("the Luan River", "滦河"), "watersource"),
    ("HE", "Tangshan", "唐山市", "city", 39.63, 118.18, ("the Nanhu subsidence area", "南湖采煤塌陷区"), "mine"),
    ("TJ", "Ninghe", "宁河区", "district", 39.33, 117.82, ("Qilihai", "七里海"), "wetland"),
    ("BJ", "Miyun", "密云区", "district", 40.38, 116.84, ("Miyun Reservoir", "密云水库"), "watersource"),
    ("NX", "Zhongwei", "中卫市", "city", 37.51, 105.19, ("the Tengger Desert edge", "腾格里沙漠边缘"), "desert"),
    ("XJ", "Hami", "哈密市", "city", 42.82, 93.51, ("the Hami oasis", "哈密绿洲"), "desert"),
    ("CQ", "Wanzhou", "万州区", "district", 30.81, 108.41, ("the Three Gorges reservoir area", "三峡库区"), "forest"),
    ("LN", "Panjin", "盘锦市", "city", 41.12, 122.07, ("the Liao River estuary", "辽河口"), "wetland coast"),
    ("LN", "Fuxin", "阜新市", "city", 42.02, 121.67, ("the Haizhou open-pit mine", "海州露天矿"), "mine"),
    ("JL", "Baishan", "白山市", "city", 41.94, 126.42, ("the Changbai Mountains", "长白山"), "forest"),
    ("SH", "Chongming", "崇明区", "district", 31.62, 121.40, ("Chongming Dongtan", "崇明东滩"), "wetland rural"),
    ("XZ", "Nyingchi", "林芝市", "city", 29.65, 94.36, ("the Nyang River valley", "尼洋河流域"), "forest"),
]  # fmt: skip

# The kind of government body at each level, in both languages.
LEVELS = {
    "city": ("{stem} Municipal {body}", "{name}{body}", "{stem}"),
    "district": ("{stem} District {body}", "{name}{body}", "{stem} District"),
    "prefecture": ("{stem} Prefecture {body}", "{name}{body}", "{stem}"),
}
AGENCIES = [
    ("People's Government", "人民政府"),
    ("Ecology and Environment Bureau", "生态环境局"),
    ("Natural Resources Bureau", "自然资源和规划局"),
    ("Development and Reform Commission", "发展和改革委员会"),
    ("Water Resources Bureau", "水利局"),
]

# Programme types. The summary's {value} is the first environmental project's outcome. Environmental projects: (kind, English name, Chinese name, outcome unit, outcome range);
# industrial projects: (sector, English name, Chinese name). Costs are drawn as shares of the total.
TYPES = {
    "river": {
        "title": ("{feature} Basin Ecological Restoration and Eco-tourism EOD Programme",
                  "{feature}流域生态保护修复与生态旅游融合发展EOD项目"),
        "summary": ("Restores {value} km of {the_feature} and its banks and treats the sewage of the towns along it.",
                    "修复{feature}河道及岸线{value}公里，治理沿线乡镇污水。"),
        "environmental": [
            ("river-restoration", "{feature} ecological corridor restoration", "{feature}生态廊道修复工程", "river-km", (15, 90)),
            ("water-treatment", "Township wastewater plants and sewer networks", "乡镇污水处理厂及配套管网工程", "wastewater-t-day", (8000, 60000)),
            ("rural-environment", "Riverside village sewage and waste treatment", "沿河村庄污水与垃圾治理", "villages", (20, 120)),
        ],
        "industrial": [
            ("eco-tourism", "Riverside greenway and eco-tourism resort", "滨水绿道与生态旅游度假区"),
            ("green-agriculture", "Green agriculture demonstration base", "绿色农业示范基地"),
            ("cultural-tourism", "Ancient town and riverside heritage tourism", "古镇与滨河文化旅游"),
        ],
        "total": (600, 4500),
        "entity": ("Cultural Tourism Investment Group", "文化旅游投资集团有限公司"),
        "problem": ("Decades of sand mining, untreated township sewage and farm run-off have degraded {the_feature} "
                    "and its tributaries; several monitored sections fail their water-quality targets.",
                    "长期采砂、乡镇污水直排和农业面源污染导致{feature}及其支流生态退化，多个监测断面水质不达标。"),
    },
    "mine": {
        "title": ("{feature} Mined Land Rehabilitation and Photovoltaic EOD Programme",
                  "{feature}矿区生态修复与光伏发电EOD项目"),
        "summary": ("Rehabilitates {value} hectares of land left by mining around {city} and puts it to work for solar power "
                    "and recycling.",
                    "修复{city}采矿损毁土地{value}公顷，用于光伏发电和资源综合利用。"),
        "environmental": [
            ("mine-rehabilitation", "Closed mine land rehabilitation", "关闭矿山损毁土地生态修复", "hectares", (800, 6000)),
            ("forest-grassland", "Spoil heap revegetation", "排土场植被恢复", "hectares", (300, 2500)),
            ("water-treatment", "Mine water treatment and reuse", "矿井水处理与回用工程", "wastewater-t-day", (5000, 40000)),
        ],
        "industrial": [
            ("clean-energy", "Photovoltaic power station on rehabilitated land", "修复土地光伏电站"),
            ("circular-economy", "Gangue and tailings recycling into building materials", "煤矸石与尾矿综合利用建材项目"),
            ("eco-tourism", "Mining heritage park", "矿山遗址公园"),
        ],
        "total": (900, 6500),
        "entity": ("Energy Investment Co., Ltd.", "能源投资有限公司"),
        "problem": ("Mining around {the_feature} left subsided land, spoil heaps and polluted mine water; much of the "
                    "land can no longer be farmed and dust and run-off reach nearby villages.",
                    "{feature}一带长期采矿遗留大面积塌陷地、排土场和矿井水污染，大量土地无法耕种，扬尘和径流影响周边村庄。"),
    },
    "wetland": {
        "title": ("{feature} Wetland Restoration and Ecological Fisheries EOD Programme",
                  "{feature}湿地保护修复与生态渔业EOD项目"),
        "summary": ("Restores {value} hectares of wetland at {the_feature} and protects the habitat of migratory birds.",
                    "修复{feature}湿地{value}公顷，保护候鸟栖息地。"),
        "environmental": [
            ("wetland", "{feature} wetland restoration", "{feature}湿地修复工程", "hectares", (1500, 12000)),
            ("biodiversity", "Migratory bird habitat protection", "候鸟栖息地保护工程", "hectares", (300, 3000)),
            ("water-treatment", "Aquaculture tail-water treatment", "养殖尾水治理工程", "wastewater-t-day", (10000, 80000)),
        ],
        "industrial": [
            ("fisheries", "Ecological fisheries and rice-crab farming", "生态渔业与稻蟹共作基地"),
            ("eco-tourism", "Wetland park and bird-watching trails", "湿地公园与观鸟步道"),
            ("green-agriculture", "Wetland-friendly aquatic vegetable growing", "湿地生态水生蔬菜种植"),
        ],
        "total": (500, 3500),
        "entity": ("Eco-environment Development Co., Ltd.", "生态环境发展有限公司"),
        "problem": ("Enclosure fish ponds and reclamation have fragmented the wetlands of {the_feature}; tail water "
                    "from aquaculture and shrinking habitat threaten the migratory birds that winter there.",
                    "围网养殖和围垦使{feature}破碎化，养殖尾水和栖息地萎缩威胁在此越冬的候鸟。"),
    },
    "soil": {
        "title": ("{feature} Contaminated Land Remediation and Green Industrial Park EOD Programme",
                  "{feature}污染地块修复与绿色产业园EOD项目"),
        "summary": ("Remediates {value} tonnes of contaminated soil at {the_feature} and turns the old industrial land into "
                    "a green industrial park.",
                    "修复{feature}污染土壤{value}吨，将老工业用地转型为绿色产业园。"),
        "environmental": [
            ("soil-remediation", "Heavy-metal contaminated land remediation", "重金属污染地块修复工程", "soil-tonnes", (150000, 1500000)),
            ("river-restoration", "Polluted tributary dredging and bank restoration", "污染支流清淤与岸线修复", "river-km", (5, 30)),
            ("water-treatment", "Industrial park wastewater treatment plant", "园区污水处理厂", "wastewater-t-day", (10000, 50000)),
        ],
        "industrial": [
            ("circular-economy", "Green industrial park on remediated land", "修复地块绿色产业园"),
            ("urban-renewal", "Redevelopment of the old industrial waterfront", "老工业区滨水片区更新"),
            ("clean-energy", "Distributed solar and storage for the park", "园区分布式光伏与储能"),
        ],
        "total": (1200, 7000),
        "entity": ("Urban Construction Investment Group", "城市建设投资集团有限公司"),
        "problem": ("Smelting and chemical plants at {the_feature} operated for over half a century; their closure left "
                    "soil and river sediment contaminated with cadmium, lead and arsenic.",
                    "{feature}冶炼和化工企业运行半个多世纪，关停后遗留的土壤和河道底泥存在镉、铅、砷污染。"),
    },
    "lake": {
        "title": ("{feature} Water Environment Improvement and Cultural Tourism EOD Programme",
                  "{feature}水环境综合治理与文旅融合EOD项目"),
        "summary": ("Brings {the_feature} back to class {value} water and cleans up the villages around it.",
                    "使{feature}水质恢复至{value}类，整治环湖村落环境。"),
        "environmental": [
            ("lake-restoration", "{feature} water quality improvement", "{feature}水质提升工程", "water-class", (2, 3)),
            ("wetland", "Lakeside buffer wetlands", "环湖缓冲带湿地", "hectares", (200, 1500)),
            ("rural-environment", "Lakeside village sewage collection", "环湖村落污水收集工程", "villages", (30, 150)),
        ],
        "industrial": [
            ("cultural-tourism", "Lakeside cultural tourism and heritage villages", "环湖文化旅游与传统村落活化"),
            ("health-wellness", "Lakeside wellness resort", "滨湖康养度假项目"),
            ("eco-tourism", "Lake cruise and cycling loop", "环湖骑行与游船项目"),
        ],
        "total": (800, 5500),
        "entity": ("Cultural Tourism Investment Group", "文化旅游投资集团有限公司"),
        "problem": ("Nutrients from farmland and villages around {the_feature} cause algal blooms in warm months; the "
                    "lake misses its water-quality target and lakeside tourism suffers.",
                    "{feature}周边农田和村庄氮磷排放导致夏季蓝藻水华频发，湖体水质不达标，环湖旅游受到影响。"),
    },
    "coast": {
        "title": ("{feature} Coastal Restoration and Blue Economy EOD Programme",
                  "{feature}海岸带生态修复与蓝色经济EOD项目"),
        "summary": ("Restores {value} km of coastline along {the_feature} with its coastal wetlands and cleans up the "
                    "outfalls that foul the sea.",
                    "修复{feature}岸线{value}公里及滨海湿地，整治入海排污口。"),
        "environmental": [
            ("coastal-restoration", "Coastline and beach restoration", "岸线与沙滩整治修复", "coastline-km", (5, 45)),
            ("wetland", "Coastal wetland and mangrove restoration", "滨海湿地与红树林修复", "hectares", (200, 2000)),
            ("water-treatment", "Sewage outfall remediation", "入海排污口整治", "wastewater-t-day", (10000, 60000)),
        ],
        "industrial": [
            ("fisheries", "Marine ranching", "海洋牧场"),
            ("eco-tourism", "Coastal eco-tourism and marina", "滨海生态旅游与游艇码头"),
            ("clean-energy", "Offshore wind and fishery integration", "海上风电与渔业融合项目"),
        ],
        "total": (1000, 6000),
        "entity": ("Marine Development Group", "海洋发展集团有限公司"),
        "problem": ("Reclamation, aquaculture ponds and untreated outfalls along {the_feature} have eroded beaches "
                    "and cut the coastal wetlands that shelter the shore from storms.",
                    "{feature}沿线围填海、养殖塘和排污口导致沙滩侵蚀，削弱了抵御风暴潮的滨海湿地。"),
    },
    "forest": {
        "title": ("{feature} Forest Restoration and Carbon Sink EOD Programme",
                  "{feature}森林生态修复与林业碳汇EOD项目"),
        "summary": ("Restores {value} hectares of degraded forest around {city} and links fragmented wildlife habitats.",
                    "修复{city}退化林{value}公顷，连通破碎的野生动物栖息地。"),
        "environmental": [
            ("forest-grassland", "Degraded forest restoration", "退化林修复工程", "hectares", (5000, 40000)),
            ("biodiversity", "Wildlife corridors and habitat protection", "野生动物廊道与栖息地保护", "hectares", (1000, 10000)),
        ],
        "industrial": [
            ("forestry-carbon-sinks", "Forest carbon sink project", "林业碳汇项目"),
            ("health-wellness", "Forest wellness base", "森林康养基地"),
            ("green-agriculture", "Under-forest medicinal herbs and mushrooms", "林下中药材与食用菌种植基地"),
        ],
        "total": (400, 3000),
        "entity": ("Forestry Development Co., Ltd.", "林业发展有限公司"),
        "problem": ("Past logging left {the_feature} with young, uniform stands of low ecological value; habitats "
                    "are fragmented and soil erosion is rising on steep slopes.",
                    "{feature}历史采伐导致林分单一、幼龄林比例高、生态功能低，栖息地破碎，陡坡水土流失加剧。"),
    },
    "rural": {
        "title": ("{feature} Rural Environment Improvement and Green Agriculture EOD Programme",
                  "{feature}农村人居环境整治与绿色农业EOD项目"),
        "summary": ("Brings sewage treatment and waste collection to {value} villages around {the_feature} and restores "
                    "their irrigation channels.",
                    "为{feature}周边{value}个村庄建设污水处理和垃圾收运设施，修复灌溉沟渠。"),
        "environmental": [
            ("rural-environment", "Village sewage and waste treatment", "村庄污水与垃圾治理", "villages", (40, 200)),
            ("river-restoration", "Irrigation channel and pond restoration", "灌溉沟渠与坑塘生态修复", "river-km", (20, 120)),
        ],
        "industrial": [
            ("green-agriculture", "Organic farming and tea gardens", "有机农业与生态茶园"),
            ("cultural-tourism", "Rural homestays and farming culture tourism", "乡村民宿与农耕文化旅游"),
        ],
        "total": (300, 2000),
        "entity": ("Agricultural Development Investment Co., Ltd.", "农业发展投资有限公司"),
        "problem": ("Villages around {the_feature} lack sewage treatment and waste collection; fertiliser run-off "
                    "and silted channels pollute the water that farms and homes depend on.",
                    "{feature}周边村庄缺少污水处理和垃圾收运设施，化肥流失和沟渠淤塞污染了农业和生活用水。"),
    },
    "urban": {
        "title": ("{feature} Urban Water Environment and Waterfront Renewal EOD Programme",
                  "{feature}城市水环境治理与滨水片区更新EOD项目"),
        "summary": ("Cleans up {value} km of black and odorous water in {city} and renews the waterfront districts along it.",
                    "整治{city}黑臭水体{value}公里，更新沿线滨水片区。"),
        "environmental": [
            ("river-restoration", "Black and odorous water remediation", "黑臭水体整治工程", "river-km", (8, 40)),
            ("water-treatment", "Wastewater plant upgrade", "污水处理厂提标改造", "wastewater-t-day", (50000, 300000)),
        ],
        "industrial": [
            ("urban-renewal", "Waterfront district renewal", "滨水片区城市更新"),
            ("water-services", "Reclaimed water supply", "再生水利用项目"),
            ("cultural-tourism", "Waterfront culture and night-time economy", "滨水文化与夜间经济街区"),
        ],
        "total": (1500, 8000),
        "entity": ("Urban Construction Investment Group", "城市建设投资集团有限公司"),
        "problem": ("Combined sewers overflow into {the_feature} after rain; stretches in the old town turn black "
                    "and odorous in summer, and the waterfront has been left behind.",
                    "雨天合流制管网溢流进入{feature}，老城区河段夏季黑臭，滨水区域发展滞后。"),
    },
    "karst": {
        "title": ("{feature} Rocky Desertification Control and Wellness Tourism EOD Programme",
                  "{feature}石漠化综合治理与康养旅游EOD项目"),
        "summary": ("Brings {value} hectares of bare karst around {city} back under vegetation and protects its caves and "
                    "springs.",
                    "治理{city}石漠化{value}公顷，保护溶洞和泉域。"),
        "environmental": [
            ("forest-grassland", "Rocky desertification control", "石漠化综合治理工程", "hectares", (3000, 20000)),
            ("biodiversity", "Karst cave and spring protection", "喀斯特溶洞与泉域保护", "hectares", (200, 2000)),
        ],
        "industrial": [
            ("health-wellness", "Mountain wellness and outdoor sports", "山地康养与户外运动项目"),
            ("green-agriculture", "Specialty fruit and tea planting", "特色林果与茶叶种植"),
        ],
        "total": (400, 2500),
        "entity": ("Eco-environment Development Co., Ltd.", "生态环境发展有限公司"),
        "problem": ("Thin soils on the karst slopes of {the_feature} wash away once cleared, leaving bare rock; "
                    "springs dry up and farming families move away.",
                    "{feature}喀斯特坡地土层瘠薄，植被破坏后水土流失严重、石漠化加剧，泉水枯竭，农户外迁。"),
    },
    "desert": {
        "title": ("{feature} Sand Control and Photovoltaic EOD Programme",
                  "{feature}防沙治沙与光伏治沙EOD项目"),
        "summary": ("Plants {value} trees in shelterbelts around {the_feature} and fixes the sand under rows of solar panels.",
                    "在{feature}周边营造防风固沙林{value}株，以光伏板阵固沙。"),
        "environmental": [
            ("forest-grassland", "Sand-fixing shelterbelts", "防风固沙林带建设", "trees", (500000, 5000000)),
            ("forest-grassland", "Degraded grassland restoration", "退化草原修复", "hectares", (5000, 30000)),
        ],
        "industrial": [
            ("clean-energy", "Photovoltaic sand-control power station", "光伏治沙电站"),
            ("green-agriculture", "Forage and desert crops under the panels", "板下牧草与沙产业种植"),
        ],
        "total": (1200, 9000),
        "entity": ("Energy Investment Co., Ltd.", "能源投资有限公司"),
        "problem": ("Shifting sand around {the_feature} buries farmland and roads each spring; overgrazed grassland no "
                    "longer holds the soil.",
                    "{feature}流沙每年春季侵袭农田和道路，草原过度放牧后失去固土能力。"),
    },
    "watersource": {
        "title": ("{feature} Water Source Protection and Integrated Water Services EOD Programme",
                  "{feature}水源地保护与城乡水务一体化EOD项目"),
        "summary": ("Intercepts {value} tonnes a day of sewage in the protection zone of {the_feature} and plants water "
                    "conservation forest.",
                    "在{feature}水源保护区建设日处理{value}吨的截污工程，营造水源涵养林。"),
        "environmental": [
            ("water-treatment", "Sewage interception in the protection zone", "水源保护区截污工程", "wastewater-t-day", (5000, 30000)),
            ("forest-grassland", "Water conservation forest", "水源涵养林建设", "hectares", (2000, 15000)),
            ("rural-environment", "Upstream village environment improvement", "上游村庄环境整治", "villages", (20, 100)),
        ],
        "industrial": [
            ("water-services", "Integrated urban and rural water supply", "城乡供水一体化"),
            ("green-agriculture", "Eco-certified farming in the source area", "水源区生态认证农业"),
        ],
        "total": (700, 4000),
        "entity": ("Water Affairs Group", "水务集团有限公司"),
        "problem": ("{The_feature} supplies drinking water downstream, but sewage from upstream villages and farm "
                    "run-off put its quality at risk.",
                    "{feature}承担下游饮用水供给任务，但上游村庄生活污水和农业面源污染威胁水质安全。"),
    },
}  # fmt: skip

STAGE_COUNTS = {
    "concept": 8,
    "approved": 10,
    "seeking-financing": 18,
    "financing-closed": 8,
    "under-construction": 9,
    "operating": 7,
}
# Years the programmes were registered, by stage: the further along, the older.
STAGE_YEARS = {
    "concept": (2025, 2025),
    "approved": (2024, 2025),
    "seeking-financing": (2023, 2025),
    "financing-closed": (2022, 2024),
    "under-construction": (2021, 2024),
    "operating": (2019, 2022),
}
INSTRUMENT_SETS = [["loan"], ["loan", "bond"], ["loan", "equity"], ["ppp", "loan"], ["loan", "guarantee"],
                   ["bond", "equity"], ["ppp", "equity", "loan"]]  # fmt: skip

CONTACTS = [
    ("Li Na", "李娜", "li.na"),
    ("Wang Qiang", "王强", "wang.qiang"),
    ("Zhang Wei", "张伟", "zhang.wei"),
    ("Liu Yang", "刘洋", "liu.yang"),
    ("Chen Jing", "陈静", "chen.jing"),
    ("Yang Fan", "杨帆", "yang.fan"),
    ("Zhao Lei", "赵磊", "zhao.lei"),
    ("Huang Min", "黄敏", "huang.min"),
    ("Zhou Jie", "周杰", "zhou.jie"),
    ("Wu Xia", "吴霞", "wu.xia"),
    ("Xu Tao", "徐涛", "xu.tao"),
    ("Sun Li", "孙丽", "sun.li"),
]
ROLES = [
    ("Programme director", "项目总监"),
    ("Head of financing", "融资部负责人"),
    ("Deputy general manager", "副总经理"),
]

SUMMARY_TAIL = (" {share}% of the industrial proceeds go back into conservation.", "产业收益的{share}%反哺生态保护。")
MODEL = (
    "The industrial projects are run by {entity}; {share}% of their proceeds is paid into a conservation fund that "
    "covers the upkeep of the restored sites, so the environmental work does not depend on the yearly budget alone.",
    "产业项目由{entity}运营，其收益的{share}%注入生态保护基金，用于修复成果的长期管护，使生态治理不再单纯依赖年度财政资金。",
)
FINANCING = (
    "Of the total investment of {total}, {sought} is sought from banks, funds and other social capital; the rest "
    "comes from the government's capital contribution and special bonds.",
    "项目总投资{total}，其中拟通过银行、基金等社会资本融资{sought}，其余由政府资本金和专项债券解决。",
)
RISKS = (
    "<ul><li>Revenue risk: visitor numbers, power prices or farm-gate prices below forecast.</li>"
    "<li>Approval risk: land-use and sea- or water-use permits for the industrial projects.</li>"
    "<li>Payment risk: the government's share of operation and maintenance fees paid late.</li></ul>"
    "<p>Mitigation: revenue covenants with a debt-service reserve, permits obtained before drawdown, "
    "and maintenance fees in the medium-term budget.</p>",
    "<ul><li>收益风险：游客量、电价或农产品价格低于预测。</li>"
    "<li>审批风险：产业项目的用地、用海或取水许可。</li>"
    "<li>支付风险：政府承担的运营维护费用支付延迟。</li></ul>"
    "<p>缓释措施：设置收益约定和偿债准备金，提款前取得全部许可，运维费用纳入中期财政规划。</p>",
)
OUTCOME_NOTES = {
    "water-class": ("Target under the national surface water standard (GB 3838-2002)", "按《地表水环境质量标准》(GB 3838-2002)考核"),
    "trees": ("Drought-tolerant native species", "选用耐旱乡土树种"),
}  # fmt: skip

# Pictures drawn for the demo, one per programme type (see demo.eod.draw_landscape).
PICTURE_CAPTIONS = {
    "river": ("Restored river banks with a riverside greenway", "修复后的河岸与滨水绿道"),
    "mine": ("Solar panels on rehabilitated mined land", "矿山修复土地上的光伏电站"),
    "wetland": ("Wetland channels and reed beds", "湿地水道与芦苇荡"),
    "soil": ("The green industrial park on remediated land", "修复地块上的绿色产业园"),
    "lake": ("A clear lake below wooded hills", "青山环抱的清澈湖面"),
    "coast": ("Restored beach and coastal wetland", "修复后的沙滩与滨海湿地"),
    "forest": ("Mixed forest on restored slopes", "修复坡地上的混交林"),
    "rural": ("Terraced fields and a village", "梯田与村庄"),
    "urban": ("The renewed waterfront", "更新后的滨水空间"),
    "karst": ("Karst peaks greening again", "重披绿装的喀斯特峰丛"),
    "desert": ("Shelterbelts and solar rows holding the sand", "防风林带与光伏板阵固沙"),
    "watersource": ("The reservoir and its protection forest", "水库与水源涵养林"),
}
DOCUMENTS = {
    "overview": ("Programme overview", "项目概况"),
    "feasibility": ("Feasibility study (summary)", "可行性研究报告（摘要）"),
    "financial": ("Financial model and repayment plan", "财务测算与还款计划"),
}
