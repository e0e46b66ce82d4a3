/// The word lists W1 builds its catalogue from: ten departments of five categories, each with a product noun,
/// price range and kind of variant, in English, Greek and Persian. Names are composed as "noun + collection +
/// variant" so that Greek needs no adjective agreement ("Τηγάνι, σειρά Νάξος, χρώμα μαύρο").
enum W1Vocabulary {
    /// One text in the three languages of the store.
    struct Words {
        var en: String
        var el: String
        var fa: String

        init(_ en: String, _ el: String, _ fa: String) {
            self.en = en
            self.el = el
            self.fa = fa
        }
    }

    enum VariantKind {
        case color, size, weight, volume, pack, edition
    }

    struct Category {
        var name: String
        var code: String
        var noun: Words
        var variant: VariantKind
        /// Price range in whole euros.
        var low: Int
        var high: Int
        var consumable: Bool
    }

    struct Department {
        var name: String
        var code: String
        /// A sentence that fits every product of the department.
        var sentence: Words
        var categories: [Category]
    }

    static func category(
        _ name: String, _ code: String, _ noun: Words, _ variant: VariantKind, _ low: Int, _ high: Int,
        consumable: Bool = false
    ) -> Category {
        Category(name: name, code: code, noun: noun, variant: variant, low: low, high: high, consumable: consumable)
    }

    static let departments: [Department] = [
        Department(
            name: "Kitchen", code: "KIT",
            sentence: Words(
                "Durable construction and easy care, for everyday cooking.",
                "Ανθεκτική κατασκευή και εύκολη φροντίδα, για το καθημερινό μαγείρεμα.",
                "ساختی بادوام و نگهداری آسان، برای آشپزی روزمره."),
            categories: [
                category("Knives", "KNI", Words("Chef knife", "Μαχαίρι σεφ", "چاقوی سرآشپز"), .size, 18, 120),
                category("Cookware", "CKW", Words("Frying pan", "Τηγάνι", "ماهیتابه"), .size, 25, 140),
                category("Bakeware", "BKW", Words("Baking dish", "Πυρίμαχο σκεύος", "ظرف پخت"), .size, 12, 45),
                category("Utensils", "UTN", Words("Wooden spoon", "Ξύλινη κουτάλα", "قاشق چوبی"), .color, 4, 18),
                category(
                    "Cutting boards", "BRD", Words("Cutting board", "Επιφάνεια κοπής", "تخته گوشت"), .size, 15, 60),
            ]),
        Department(
            name: "Tea", code: "TEA",
            sentence: Words(
                "Loose leaves from small growers, in a resealable pouch.",
                "Χύμα φύλλα από μικρούς παραγωγούς, σε συσκευασία που ξανακλείνει.",
                "برگ‌های فله از تولیدکنندگان کوچک، در بسته‌بندی زیپ‌دار."),
            categories: [
                category(
                    "Green", "GRN", Words("Green tea", "Πράσινο τσάι", "چای سبز"), .weight, 5, 25, consumable: true),
                category(
                    "Black", "BLK", Words("Black tea", "Μαύρο τσάι", "چای سیاه"), .weight, 4, 22, consumable: true),
                category(
                    "Herbal", "HRB", Words("Herbal infusion", "Αφέψημα βοτάνων", "دمنوش گیاهی"), .weight, 3, 15,
                    consumable: true),
                category(
                    "Oolong", "OOL", Words("Oolong tea", "Τσάι oolong", "چای اولانگ"), .weight, 8, 35, consumable: true),
                category(
                    "White", "WHT", Words("White tea", "Λευκό τσάι", "چای سفید"), .weight, 10, 40, consumable: true),
            ]),
        Department(
            name: "Coffee", code: "COF",
            sentence: Words(
                "For a better cup every morning.", "Για καλύτερο καφέ κάθε πρωί.", "برای فنجانی بهتر در هر صبح."),
            categories: [
                category(
                    "Beans", "BEA", Words("Coffee beans", "Κόκκοι καφέ", "دانه قهوه"), .weight, 8, 30, consumable: true),
                category(
                    "Ground", "GRD", Words("Ground coffee", "Αλεσμένος καφές", "قهوه آسیاب‌شده"), .weight, 5, 20,
                    consumable: true),
                category(
                    "Capsules", "CAP", Words("Coffee capsules", "Κάψουλες καφέ", "کپسول قهوه"), .pack, 4, 15,
                    consumable: true),
                category("Grinders", "GRI", Words("Coffee grinder", "Μύλος καφέ", "آسیاب قهوه"), .color, 25, 180),
                category("Brewers", "BRW", Words("Coffee pot", "Μπρίκι", "قهوه‌جوش"), .size, 12, 70),
            ]),
        Department(
            name: "Pantry", code: "PAN",
            sentence: Words(
                "From Greek producers we know by name.", "Από Έλληνες παραγωγούς που γνωρίζουμε προσωπικά.",
                "از تولیدکنندگان یونانی که آن‌ها را از نزدیک می‌شناسیم."),
            categories: [
                category(
                    "Olive oil", "OIL",
                    Words("Extra virgin olive oil", "Εξαιρετικό παρθένο ελαιόλαδο", "روغن زیتون فرابکر"), .volume, 8,
                    40, consumable: true),
                category("Honey", "HON", Words("Honey", "Μέλι", "عسل"), .weight, 6, 25, consumable: true),
                category(
                    "Spices", "SPI", Words("Spice blend", "Μείγμα μπαχαρικών", "ادویه مخلوط"), .weight, 3, 12,
                    consumable: true),
                category("Pasta", "PAS", Words("Pasta", "Ζυμαρικά", "پاستا"), .weight, 2, 8, consumable: true),
                category(
                    "Preserves", "PRE", Words("Fruit preserve", "Γλυκό του κουταλιού", "مربا"), .weight, 4, 14,
                    consumable: true),
            ]),
        Department(
            name: "Bath", code: "BAT",
            sentence: Words(
                "Gentle on the skin, made in Greece.", "Απαλή φροντίδα για το δέρμα, παραγωγή στην Ελλάδα.",
                "ملایم با پوست، ساخت یونان."),
            categories: [
                category(
                    "Soaps", "SOA", Words("Olive oil soap", "Σαπούνι ελαιολάδου", "صابون روغن زیتون"), .weight, 3, 12,
                    consumable: true),
                category("Shampoo", "SHA", Words("Shampoo", "Σαμπουάν", "شامپو"), .volume, 6, 22, consumable: true),
                category(
                    "Body lotion", "LOT", Words("Body lotion", "Γαλάκτωμα σώματος", "لوسیون بدن"), .volume, 8, 30,
                    consumable: true),
                category("Towels", "TOW", Words("Cotton towel", "Βαμβακερή πετσέτα", "حوله نخی"), .color, 10, 45),
                category(
                    "Bath salts", "SAL", Words("Bath salts", "Άλατα μπάνιου", "نمک حمام"), .weight, 5, 18,
                    consumable: true),
            ]),
        Department(
            name: "Home", code: "HOM",
            sentence: Words(
                "Brings warmth and colour to any room.", "Φέρνει ζεστασιά και χρώμα σε κάθε δωμάτιο.",
                "به هر اتاقی گرما و رنگ می‌بخشد."),
            categories: [
                category(
                    "Candles", "CAN", Words("Scented candle", "Αρωματικό κερί", "شمع معطر"), .size, 8, 35,
                    consumable: true),
                category("Vases", "VAS", Words("Ceramic vase", "Κεραμικό βάζο", "گلدان سرامیکی"), .color, 15, 90),
                category("Cushions", "CUS", Words("Cushion cover", "Μαξιλαροθήκη", "روکش کوسن"), .color, 12, 40),
                category("Blankets", "BLA", Words("Throw blanket", "Κουβέρτα καναπέ", "پتوی مبل"), .color, 30, 120),
                category("Lamps", "LAM", Words("Table lamp", "Επιτραπέζιο φωτιστικό", "چراغ رومیزی"), .color, 35, 180),
            ]),
        Department(
            name: "Books", code: "BOO",
            sentence: Words(
                "Printed on acid-free paper.", "Εκτύπωση σε χαρτί χωρίς οξέα.", "چاپ‌شده روی کاغذ بدون اسید."),
            categories: [
                category("Cookbooks", "CKB", Words("Cookbook", "Βιβλίο μαγειρικής", "کتاب آشپزی"), .edition, 15, 45),
                category(
                    "Travel", "TRV", Words("Travel guide", "Ταξιδιωτικός οδηγός", "راهنمای سفر"), .edition, 12, 30),
                category("Fiction", "FIC", Words("Novel", "Μυθιστόρημα", "رمان"), .edition, 10, 25),
                category("Children", "CHI", Words("Children's book", "Παιδικό βιβλίο", "کتاب کودک"), .edition, 8, 22),
                category("History", "HIS", Words("History book", "Βιβλίο ιστορίας", "کتاب تاریخ"), .edition, 14, 40),
            ]),
        Department(
            name: "Garden", code: "GAR",
            sentence: Words(
                "For balconies, courtyards and gardens.", "Για μπαλκόνια, αυλές και κήπους.",
                "برای بالکن، حیاط و باغچه."),
            categories: [
                category("Pots", "POT", Words("Terracotta pot", "Γλάστρα από τερακότα", "گلدان سفالی"), .size, 6, 50),
                category(
                    "Seeds", "SEE", Words("Seed packet", "Φακελάκι σπόρων", "بسته بذر"), .pack, 2, 6, consumable: true),
                category("Tools", "TOO", Words("Garden trowel", "Φτυαράκι κήπου", "بیلچه باغبانی"), .color, 8, 35),
                category(
                    "Gloves", "GLO", Words("Gardening gloves", "Γάντια κηπουρικής", "دستکش باغبانی"), .size, 6, 20),
                category("Watering cans", "WAT", Words("Watering can", "Ποτιστήρι", "آبپاش"), .color, 12, 45),
            ]),
        Department(
            name: "Tableware", code: "TAB",
            sentence: Words(
                "Dishwasher safe.", "Πλένεται στο πλυντήριο πιάτων.", "قابل شست‌وشو در ماشین ظرف‌شویی."),
            categories: [
                category("Plates", "PLA", Words("Dinner plate", "Πιάτο φαγητού", "بشقاب غذاخوری"), .color, 6, 30),
                category("Glasses", "GLA", Words("Drinking glass", "Ποτήρι νερού", "لیوان آب"), .pack, 5, 30),
                category("Mugs", "MUG", Words("Mug", "Κούπα", "ماگ"), .color, 8, 22),
                category("Bowls", "BOW", Words("Serving bowl", "Μπολ σερβιρίσματος", "کاسه سرو"), .size, 10, 45),
                category(
                    "Cutlery", "CUT", Words("Cutlery set", "Σετ μαχαιροπίρουνων", "سرویس قاشق و چنگال"), .pack, 25, 120),
            ]),
        Department(
            name: "Stationery", code: "STA",
            sentence: Words(
                "Designed in Athens, made for everyday use.", "Σχέδιο από την Αθήνα, για καθημερινή χρήση.",
                "طراحی آتن، برای استفادهٔ روزانه."),
            categories: [
                category("Notebooks", "NOT", Words("Notebook", "Σημειωματάριο", "دفترچه یادداشت"), .color, 5, 20),
                category("Pens", "PEN", Words("Fountain pen", "Πένα", "خودنویس"), .color, 12, 90),
                category("Cards", "CAR", Words("Greeting card", "Ευχετήρια κάρτα", "کارت تبریک"), .pack, 2, 8),
                category(
                    "Calendars", "CAL", Words("Wall calendar", "Ημερολόγιο τοίχου", "تقویم دیواری"), .size, 10, 25),
                category(
                    "Wrapping paper", "WRA", Words("Wrapping paper", "Χαρτί περιτυλίγματος", "کاغذ کادو"), .color, 3, 10
                ),
            ]),
    ]

    /// Categories whose products are bought together ("Kitchen > Knives" with "Kitchen > Cutting boards").
    static let complements: [(String, String)] = [
        ("Knives", "Cutting boards"), ("Cookware", "Utensils"), ("Bakeware", "Cookbooks"), ("Green", "Mugs"),
        ("Black", "Honey"), ("Herbal", "Honey"), ("Oolong", "Mugs"), ("White", "Glasses"), ("Beans", "Grinders"),
        ("Ground", "Brewers"), ("Capsules", "Mugs"), ("Olive oil", "Pasta"), ("Spices", "Cookbooks"),
        ("Preserves", "Bowls"), ("Soaps", "Towels"), ("Shampoo", "Body lotion"), ("Bath salts", "Candles"),
        ("Vases", "Pots"), ("Cushions", "Blankets"), ("Lamps", "Candles"), ("Travel", "Notebooks"),
        ("History", "Travel"), ("Children", "Cards"), ("Fiction", "Blankets"), ("Seeds", "Pots"),
        ("Tools", "Gloves"), ("Watering cans", "Seeds"), ("Plates", "Bowls"), ("Glasses", "Cutlery"),
        ("Pens", "Notebooks"), ("Calendars", "Cards"), ("Wrapping paper", "Cards"),
    ]

    /// Collections, named after Greek places.
    static let collections: [Words] = [
        Words("Naxos", "Νάξος", "ناکسوس"), Words("Paros", "Πάρος", "پاروس"), Words("Crete", "Κρήτη", "کرت"),
        Words("Rhodes", "Ρόδος", "رودس"), Words("Corfu", "Κέρκυρα", "کورفو"),
        Words("Santorini", "Σαντορίνη", "سانتورینی"),
        Words("Mykonos", "Μύκονος", "میکونوس"), Words("Delos", "Δήλος", "دلوس"), Words("Hydra", "Ύδρα", "هیدرا"),
        Words("Ithaca", "Ιθάκη", "ایتاکا"), Words("Lesvos", "Λέσβος", "لسبوس"), Words("Samos", "Σάμος", "ساموس"),
        Words("Chios", "Χίος", "خیوس"), Words("Kos", "Κως", "کوس"), Words("Milos", "Μήλος", "میلوس"),
        Words("Sifnos", "Σίφνος", "سیفنوس"), Words("Tinos", "Τήνος", "تینوس"), Words("Andros", "Άνδρος", "آندروس"),
        Words("Syros", "Σύρος", "سیروس"), Words("Thassos", "Θάσος", "تاسوس"),
        Words("Zakynthos", "Ζάκυνθος", "زاکینتوس"),
        Words("Kefalonia", "Κεφαλονιά", "کفالونیا"), Words("Lefkada", "Λευκάδα", "لفکادا"),
        Words("Olympus", "Όλυμπος", "المپ"), Words("Delphi", "Δελφοί", "دلفی"), Words("Sparta", "Σπάρτη", "اسپارت"),
        Words("Argos", "Άργος", "آرگوس"), Words("Pella", "Πέλλα", "پلا"), Words("Epirus", "Ήπειρος", "اپیروس"),
        Words("Arcadia", "Αρκαδία", "آرکادیا"),
    ]

    /// Variants per kind; Greek and Persian name the attribute ("χρώμα", "رنگ") so that no agreement is needed.
    static func variants(_ kind: VariantKind) -> [Words] {
        switch kind {
        case .color:
            zip(
                ["black", "white", "red", "blue", "green", "grey", "natural", "olive"],
                zip(
                    ["μαύρο", "λευκό", "κόκκινο", "μπλε", "πράσινο", "γκρι", "φυσικό", "λαδί"],
                    ["مشکی", "سفید", "قرمز", "آبی", "سبز", "طوسی", "طبیعی", "زیتونی"])
            ).map { Words($0.0, "χρώμα \($0.1.0)", "رنگ \($0.1.1)") }
        case .size:
            ["S", "M", "L", "XL"].map { Words("size \($0)", "μέγεθος \($0)", "سایز \($0)") }
                + [20, 24, 28, 32].map { Words("\($0) cm", "\($0) εκ.", "\(persianDigits($0)) سانتی‌متر") }
        case .weight:
            [50, 100, 125, 250, 500].map { Words("\($0) g", "\($0) γρ.", "\(persianDigits($0)) گرم") } + [
                Words("1 kg", "1 κιλό", "۱ کیلوگرم"), Words("2 × 250 g", "2 × 250 γρ.", "۲ × ۲۵۰ گرم"),
                Words("3 × 100 g", "3 × 100 γρ.", "۳ × ۱۰۰ گرم"),
            ]
        case .volume:
            [100, 250, 330, 500, 750].map { Words("\($0) ml", "\($0) ml", "\(persianDigits($0)) میلی‌لیتر") } + [
                Words("1 l", "1 λίτρο", "۱ لیتر"), Words("3 l", "3 λίτρα", "۳ لیتر"), Words("5 l", "5 λίτρα", "۵ لیتر"),
            ]
        case .pack:
            [2, 4, 6, 10, 12, 20, 24, 50].map {
                Words("pack of \($0)", "συσκευασία \($0) τεμ.", "بستهٔ \(persianDigits($0)) عددی")
            }
        case .edition:
            [
                Words("hardcover", "σκληρό εξώφυλλο", "جلد سخت"), Words("paperback", "μαλακό εξώφυλλο", "جلد نرم"),
                Words("gift edition", "έκδοση δώρου", "نسخهٔ هدیه"),
                Words("illustrated edition", "εικονογραφημένη έκδοση", "نسخهٔ مصور"),
                Words("pocket edition", "έκδοση τσέπης", "نسخهٔ جیبی"),
                Words("large print", "με μεγάλα γράμματα", "چاپ درشت"),
                Words("box set", "σε κασετίνα", "مجموعهٔ جعبه‌دار"),
                Words("signed copy", "με υπογραφή του συγγραφέα", "نسخهٔ امضاشده"),
            ]
        }
    }

    /// Closing sentences any product may have.
    static let closings: [Words] = [
        Words("Ships within two working days.", "Αποστολή εντός δύο εργάσιμων ημερών.", "ارسال ظرف دو روز کاری."),
        Words("A thoughtful gift.", "Μια προσεγμένη ιδέα για δώρο.", "هدیه‌ای سنجیده."),
        Words("Free returns within 30 days.", "Δωρεάν επιστροφή εντός 30 ημερών.", "بازگشت رایگان تا ۳۰ روز."),
        Words("One of our customers' favourites.", "Από τα αγαπημένα των πελατών μας.", "از محبوب‌ترین‌های مشتریان ما."),
        Words("Limited quantities.", "Περιορισμένες ποσότητες.", "موجودی محدود."),
        Words("Plastic-free packaging.", "Συσκευασία χωρίς πλαστικό.", "بسته‌بندی بدون پلاستیک."),
    ]

    /// Western digits as Persian digits (۰–۹), as Persian text writes numbers.
    static func persianDigits(_ value: Int) -> String {
        String(String(value).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0x06F0)!) })
    }
}
