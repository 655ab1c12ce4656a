"""Editorial content of the demo site, in English and Simplified Chinese.

Facts are public (China's dual-carbon targets, the green manufacturing
system); the association and its members are fictitious.
"""


def heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def quote(text: str, attribution: str) -> dict:
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def call_to_action(heading_text: str, text: str, label: str, *, page_key: str = "", url: str = "") -> dict:
    """A button to an address, or to another demo page by its key (resolved when loading)."""
    return {
        "type": "call_to_action",
        "value": {"heading": heading_text, "text": text, "button_label": label, "page": page_key or None, "url": url},
    }


HOME = {
    "en": {
        "title": "Home",
        "hero_heading": "Manufacturing China's path to carbon neutrality",
        "hero_text": (
            "Seventy international manufacturers working together toward China's dual-carbon goals: "
            "emissions peaking before 2030 and carbon neutrality before 2060."
        ),
        "hero_cta_label": "What the dual-carbon goals mean",
        "body": [
            heading("Pledges you can check"),
            paragraph(
                "<p>Every member publishes its neutrality pledges and reports its emissions each year. "
                "Changes are reviewed by association staff before they appear, and the history of each "
                "pledge stays public.</p>"
            ),
            quote(
                "A target only means something when progress against it is visible year after year.",
                "Association secretariat",
            ),
        ],
    },
    "zh-hans": {
        "title": "首页",
        "hero_heading": "制造业迈向碳中和之路",
        "hero_text": "七十家在华跨国制造企业携手推进“双碳”目标：2030年前碳达峰，2060年前碳中和。",
        "hero_cta_label": "了解“双碳”目标",
        "body": [
            heading("可核查的承诺"),
            paragraph(
                "<p>每家会员企业公开其碳中和承诺并每年报告排放数据。所有变更须经协会工作人员审核后发布，承诺的历史记录始终公开。</p>"
            ),
            quote("只有年复一年地公开进展，目标才有意义。", "协会秘书处"),
        ],
    },
}

# Children of the home page, in menu order. `key` links the two languages.
PAGES = [
    {
        "key": "dual-carbon",
        "in_menu": True,
        "en": {
            "title": "The dual-carbon goals",
            "slug": "dual-carbon-goals",
            "introduction": "In September 2020 China announced that its CO2 emissions would peak before 2030 and "
            "that it would reach carbon neutrality before 2060.",
            "body": [
                heading("Peak before 2030"),
                paragraph(
                    "<p>The peak target covers carbon dioxide across the economy. Sector plans for industry, "
                    "including steel, non-ferrous metals, building materials and petrochemicals, set out how "
                    "manufacturers contribute: energy efficiency, fuel switching and process change.</p>"
                ),
                heading("Neutral before 2060"),
                paragraph(
                    "<p>Neutrality means remaining emissions are balanced by removals. For a manufacturer this "
                    "usually comes in steps: peak its own emissions, reach neutrality in its operations "
                    "(Scope 1 and 2), then in its supply chain (Scope 3).</p>"
                    "<ul><li>Scope 1: direct emissions from owned plants and vehicles.</li>"
                    "<li>Scope 2: emissions from purchased electricity, steam and heat.</li>"
                    "<li>Scope 3: all other emissions in the value chain, upstream and downstream.</li></ul>"
                ),
                call_to_action(
                    "How manufacturers take part",
                    "Members publish their pledges and report their emissions every year.",
                    "About the association",
                    page_key="about",
                ),
            ],
        },
        "zh-hans": {
            "title": "“双碳”目标",
            "slug": "dual-carbon-goals",
            "introduction": "2020年9月，中国宣布二氧化碳排放力争于2030年前达到峰值，努力争取2060年前实现碳中和。",
            "body": [
                heading("2030年前碳达峰"),
                paragraph(
                    "<p>达峰目标覆盖全社会二氧化碳排放。钢铁、有色金属、建材、石化等工业领域实施方案明确了制造企业的贡献路径：提升能效、燃料替代与工艺变革。</p>"
                ),
                heading("2060年前碳中和"),
                paragraph(
                    "<p>碳中和是指剩余排放与清除量相抵。对制造企业而言通常分步实现：先实现自身排放达峰，再实现运营碳中和（范围一和范围二），最后实现供应链碳中和（范围三）。</p>"
                    "<ul><li>范围一：自有工厂和车辆的直接排放。</li><li>范围二：外购电力、蒸汽和热力产生的排放。</li><li>范围三：价值链上下游的其他排放。</li></ul>"
                ),
            ],
        },
    },
    {
        "key": "about",
        "in_menu": True,
        "en": {
            "title": "About the association",
            "slug": "about",
            "introduction": "We are an association of international manufacturers operating in China, "
            "founded to help members cut emissions and to share what works.",
            "body": [
                heading("What we do"),
                paragraph(
                    "<p>We track members' neutrality pledges and yearly progress, publish policy briefs, keep a "
                    "library of policy documents, run seminars, open days and university collaborations, and "
                    "connect financiers with Ecology-Oriented Development (EOD) programmes.</p>"
                ),
                heading("How we work"),
                paragraph(
                    "<p>Member companies report for themselves; association staff review every change before it "
                    "is published. Our working languages are Chinese and English.</p>"
                ),
            ],
        },
        "zh-hans": {
            "title": "关于协会",
            "slug": "about",
            "introduction": "我们是在华运营的跨国制造企业协会，致力于帮助会员减排并分享有效经验。",
            "body": [
                heading("我们的工作"),
                paragraph(
                    "<p>我们跟踪会员的碳中和承诺与年度进展，发布政策简报，维护政策文件库，举办研讨会、公众开放日和高校合作活动，并为金融机构对接生态环境导向的开发（EOD）项目。</p>"
                ),
                heading("工作方式"),
                paragraph("<p>会员企业自行填报，协会工作人员在发布前审核每一项变更。协会工作语言为中文和英文。</p>"),
            ],
        },
    },
    {
        "key": "green-manufacturing",
        "in_menu": True,
        "en": {
            "title": "Green manufacturing",
            "slug": "green-manufacturing",
            "introduction": "China's green manufacturing system designates green factories, green industrial "
            "parks and green supply chains; by 2020 it counted 2,121 green factories and 171 green parks.",
            "body": [
                paragraph(
                    "<p>Several member plants hold a green-factory designation. A carbon inventory is the "
                    "starting point: an organisational inventory counts greenhouse gases by plant and process, "
                    "and a product footprint follows one product over its life cycle, cradle to grave.</p>"
                ),
            ],
        },
        "zh-hans": {
            "title": "绿色制造",
            "slug": "green-manufacturing",
            "introduction": "中国绿色制造体系认定绿色工厂、绿色工业园区和绿色供应链；截至2020年共有绿色工厂2121家、绿色园区171家。",
            "body": [
                paragraph(
                    "<p>多家会员工厂获得绿色工厂认定。碳盘查是起点：组织层面的盘查按工厂和工艺核算温室气体，产品碳足迹则覆盖产品从摇篮到坟墓的全生命周期。</p>"
                ),
            ],
        },
    },
    {
        "key": "membership",
        "in_menu": True,
        "en": {
            "title": "Membership",
            "slug": "membership",
            "introduction": "Membership is open to international manufacturers with production in China "
            "that commit to publish a carbon-neutrality pledge within a year of joining.",
            "body": [
                paragraph(
                    "<p>Each member names a few representatives who keep its pledges and yearly emissions up to "
                    "date in the member area.</p>"
                ),
                call_to_action(
                    "Talk to us about joining",
                    "The secretariat answers within two working days.",
                    "Contact the secretariat",
                    page_key="contact",
                ),
            ],
        },
        "zh-hans": {
            "title": "会员",
            "slug": "membership",
            "introduction": "在华设有生产基地、并承诺入会一年内公开碳中和承诺的跨国制造企业均可申请入会。",
            "body": [paragraph("<p>每家会员指定若干代表，在会员专区更新承诺和年度排放数据。</p>")],
        },
    },
    {
        "key": "contact",
        "in_menu": True,
        "en": {
            "title": "Contact",
            "slug": "contact",
            "introduction": "Secretariat, 18F, 1000 Century Avenue, Pudong, Shanghai. secretariat@example.org",
            "body": [],
        },
        "zh-hans": {
            "title": "联系我们",
            "slug": "contact",
            "introduction": "秘书处：上海市浦东新区世纪大道1000号18层。secretariat@example.org",
            "body": [],
        },
    },
    {
        "key": "privacy",
        "in_menu": False,
        "en": {
            "title": "Privacy notice",
            "slug": "privacy",
            "introduction": "How the association handles the personal information you give us.",
            "body": [
                paragraph(
                    "<p>We keep registration and contact details only for the purpose you gave them for, and "
                    "delete them when that purpose ends. We do not use third-party trackers, fonts or scripts.</p>"
                ),
            ],
        },
        "zh-hans": {
            "title": "隐私声明",
            "slug": "privacy",
            "introduction": "协会如何处理您提供的个人信息。",
            "body": [
                paragraph(
                    "<p>我们仅为您提供信息时的目的保存报名和联系信息，目的完成后即删除。本网站不使用第三方跟踪、字体或脚本。</p>"
                )
            ],
        },
    },
]
