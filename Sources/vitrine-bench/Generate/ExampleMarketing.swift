/// The example store's settings, segments, coupons and campaigns, written by hand in English, Greek and Persian.
enum ExampleMarketing {
    static let store = JSONDocument.object([
        ("name", .string("Meltemi")),
        ("base_url", .string("https://shop.example.com")),
        ("currency", .string("EUR")),
        ("default_locale", .string("en")),
        ("locales", .array([.string("en"), .string("el"), .string("fa")])),
        ("vat_percent", .string("24")),
        ("sender", .object([("name", .string("Meltemi")), ("address", .string("news@shop.example.com"))])),
        ("reply_to", .string("help@shop.example.com")),
        ("postal_address", .string("Skoufa 24, 106 73 Athens, Greece")),
        ("theme", .string("default")),
        ("secret", .object([("env", .string("VITRINE_SECRET"))])),
        ("privacy", .object([("track_opens", .bool(true)), ("attribution_days", .number("7"))])),
    ])

    private static func segment(
        _ id: String, _ name: String, rule: String?, locale: String? = nil, pricing: [(String, JSONDocument)] = [],
        featured: [String], coupon: String? = nil, banner: (en: String, el: String, fa: String)
    ) -> JSONDocument {
        var members: [(String, JSONDocument)] = [("id", .string(id)), ("name", .string(name))]
        if let rule { members.append(("rule", .string(rule))) }
        if let locale { members.append(("locale", .string(locale))) }
        if !pricing.isEmpty { members.append(("pricing", .object(pricing))) }
        members.append(("featured_categories", .array(featured.map { .string($0) })))
        if let coupon { members.append(("coupon", .string(coupon))) }
        members.append(("banner", .localized([("en", banner.en), ("el", banner.el), ("fa", banner.fa)])))
        return .object(members)
    }

    /// First match wins: the best customers, then businesses, then lapsed, new, and by language.
    static let segments = JSONDocument.array([
        segment(
            "vip", "VIP", rule: "monetary_rank <= 0.2", pricing: [("percent_off", .string("10"))],
            featured: [ExampleCatalog.oil, ExampleCatalog.honey], coupon: "VIP10",
            banner: (
                "Thank you for being one of our best customers: 10% off everything, all season.",
                "Σας ευχαριστούμε που είστε από τους καλύτερους πελάτες μας: 10% έκπτωση σε όλα, όλη τη σεζόν.",
                "سپاسگزاریم که از بهترین مشتریان ما هستید: ۱۰ درصد تخفیف روی همه‌چیز، در تمام فصل."
            )),
        segment(
            "business", "Business buyers", rule: "\"b2b\" in tags", pricing: [("prices_without_vat", .bool(true))],
            featured: [ExampleCatalog.oil, ExampleCatalog.coffee],
            banner: (
                "Prices for businesses, shown without VAT. Ask us about wholesale quantities.",
                "Τιμές για επαγγελματίες, χωρίς ΦΠΑ. Ρωτήστε μας για ποσότητες χονδρικής.",
                "قیمت‌ها برای کسب‌وکارها، بدون مالیات بر ارزش افزوده. دربارهٔ سفارش عمده از ما بپرسید."
            )),
        segment(
            "lapsed", "We miss you", rule: "days_since_last_order > 180", featured: [ExampleCatalog.herbs],
            coupon: "COMEBACK",
            banner: (
                "It has been a while. Here are five euros towards your next order.",
                "Πάει καιρός! Σας κρατάμε πέντε ευρώ για την επόμενη παραγγελία σας.",
                "مدتی است از شما خبری نداریم. پنج یورو برای سفارش بعدی‌تان کنار گذاشته‌ایم."
            )),
        segment(
            "new", "New customers", rule: "orders <= 1 or first_order > 60 days ago",
            featured: [ExampleCatalog.oil, ExampleCatalog.herbs], coupon: "WELCOME10",
            banner: (
                "Welcome to Meltemi. Start with our best-sellers: Cretan olive oil and mountain tea.",
                "Καλώς ήρθατε στο Meltemi. Ξεκινήστε από τα αγαπημένα μας: κρητικό ελαιόλαδο και τσάι του βουνού.",
                "به ملتمی خوش آمدید. با پرفروش‌ترین‌های ما شروع کنید: روغن زیتون کرت و چای کوهی."
            )),
        segment(
            "greek", "Greek-speaking", rule: "locale == \"el\"", locale: "el",
            featured: [ExampleCatalog.honey, ExampleCatalog.kitchen],
            banner: (
                "Free delivery in Greece and Cyprus on orders over €40.",
                "Δωρεάν αποστολή σε Ελλάδα και Κύπρο για παραγγελίες άνω των 40 €.",
                "ارسال رایگان به یونان و قبرس برای سفارش‌های بالای ۴۰ یورو."
            )),
        segment(
            "persian", "Persian-speaking", rule: "locale == \"fa\"", locale: "fa",
            featured: [ExampleCatalog.herbs, ExampleCatalog.ceramics], coupon: "NOWRUZ",
            banner: (
                "Mountain herbs and tea glasses, for tea just the way you like it.",
                "Βότανα του βουνού και ποτήρια τσαγιού, για τσάι όπως ακριβώς το αγαπάτε.",
                "دمنوش‌های کوهستان و استکان‌های کمرباریک، برای چایی درست به سلیقهٔ خودتان."
            )),
        segment(
            "everyone", "Everyone else", rule: nil,
            featured: [ExampleCatalog.oil, ExampleCatalog.coffee, ExampleCatalog.bath],
            banner: (
                "Greek herbs, coffee, olive oil and honey, from producers we know by name.",
                "Βότανα, καφές, ελαιόλαδο και μέλι από παραγωγούς που γνωρίζουμε προσωπικά.",
                "دمنوش، قهوه، روغن زیتون و عسل یونانی، از تولیدکنندگانی که آن‌ها را از نزدیک می‌شناسیم."
            )),
    ])

    static let coupons = JSONDocument.array([
        .object([
            ("id", .string("VIP10")), ("kind", .string("segment")), ("code", .string("VIP10")),
            ("discount", .object([("percent", .string("10"))])), ("minimum_spend", .string("30.00")),
            ("valid_from", .string("2026-11-01")), ("valid_until", .string("2026-12-31")),
        ]),
        .object([
            ("id", .string("COMEBACK")), ("kind", .string("unique")), ("code_prefix", .string("CB-")),
            ("discount", .object([("amount", .string("5.00"))])), ("minimum_spend", .string("20.00")),
            ("valid_from", .string("2026-11-01")), ("valid_until", .string("2027-01-31")),
        ]),
        .object([
            ("id", .string("WELCOME10")), ("kind", .string("segment")), ("code", .string("WELCOME10")),
            ("discount", .object([("percent", .string("10"))])), ("valid_from", .string("2024-01-01")),
            ("valid_until", .string("2027-12-31")),
        ]),
        .object([
            ("id", .string("NOWRUZ")), ("kind", .string("segment")), ("code", .string("NOWRUZ8")),
            ("discount", .object([("percent", .string("8"))])), ("minimum_spend", .string("25.00")),
            ("valid_from", .string("2026-11-01")), ("valid_until", .string("2027-04-02")),
        ]),
    ])

    static let campaigns = JSONDocument.array([
        .object([
            ("id", .string("winter-2026")),
            ("segments", .array(["vip", "business", "new", "greek", "persian", "everyone"].map { .string($0) })),
            ("template", .string("newsletter")),
            (
                "subject",
                .localized([
                    ("en", "Winter herbs and new handmade mugs are here"),
                    ("el", "Ήρθαν τα χειμωνιάτικα βότανα και νέες χειροποίητες κούπες"),
                    ("fa", "دمنوش‌های زمستانی و ماگ‌های دست‌ساز تازه رسیدند"),
                ])
            ),
            (
                "preheader",
                .localized([
                    ("en", "Mountain tea, thyme honey and a warm cup for the long evenings"),
                    ("el", "Τσάι του βουνού, θυμαρίσιο μέλι και μια ζεστή κούπα για τα μεγάλα βράδια"),
                    ("fa", "چای کوهی، عسل آویشن و یک ماگ گرم برای شب‌های بلند"),
                ])
            ),
            ("send_date", .string("2026-11-20")),
        ]),
        .object([
            ("id", .string("we-miss-you-2026")),
            ("segments", .array([.string("lapsed")])),
            ("template", .string("newsletter")),
            ("coupon", .string("COMEBACK")),
            (
                "subject",
                .localized([
                    ("en", "We miss you, so here are five euros"),
                    ("el", "Μας λείψατε· ορίστε πέντε ευρώ"),
                    ("fa", "دلمان برایتان تنگ شده؛ این پنج یورو مال شماست"),
                ])
            ),
            (
                "preheader",
                .localized([
                    ("en", "Your personal code is inside, valid until 31 January"),
                    ("el", "Ο προσωπικός σας κωδικός είναι μέσα και ισχύει έως τις 31 Ιανουαρίου"),
                    ("fa", "کد شخصی شما داخل ایمیل است و تا ۳۱ ژانویه اعتبار دارد"),
                ])
            ),
            ("send_date", .string("2026-11-10")),
        ]),
    ])
}
