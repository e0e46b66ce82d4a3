/// The example store's catalogue, written by hand: Meltemi, a small Athens shop of Greek herbs, coffee, olive
/// oil, honey, kitchen wood and clay, olive-oil soap, cookbooks and ceramics. Every name and description is in
/// English, Greek and Persian; a few descriptions carry simple HTML.
enum ExampleCatalog {
    struct Text {
        var name: String
        var description: String
    }

    struct Item {
        var sku: String
        var category: String
        var priceCents: Int
        var compareAtCents: Int?
        var stock: Int?
        var ratingTenths: Int?
        var reviewCount: Int
        var consumable: Bool
        var tags: [String]
        /// Relative popularity (1–10) in the purchase model.
        var popularity: Double
        var en: Text
        var el: Text
        var fa: Text
    }

    /// `"12.90"` as 1290 cents.
    static func cents(_ text: String) -> Int {
        var cents = 0
        for byte in text.utf8 where byte != UInt8(ascii: ".") { cents = cents * 10 + Int(byte - UInt8(ascii: "0")) }
        return cents
    }

    static func item(
        _ sku: String, _ category: String, price: String, was: String? = nil, stock: Int? = nil, rating: String? = nil,
        reviews: Int = 0, consumable: Bool = false, tags: [String] = [], popularity: Double,
        en: (String, String), el: (String, String), fa: (String, String)
    ) -> Item {
        Item(
            sku: sku, category: category, priceCents: cents(price), compareAtCents: was.map(cents), stock: stock,
            ratingTenths: rating.map(cents), reviewCount: reviews, consumable: consumable, tags: tags,
            popularity: popularity, en: Text(name: en.0, description: en.1), el: Text(name: el.0, description: el.1),
            fa: Text(name: fa.0, description: fa.1))
    }

    static let herbs = "Tea > Mountain herbs"
    static let coffee = "Coffee > Greek coffee"
    static let oil = "Pantry > Olive oil"
    static let honey = "Pantry > Honey & sweets"
    static let kitchen = "Kitchen > Wood & clay"
    static let bath = "Bath > Soap & care"
    static let books = "Books > Cookbooks"
    static let ceramics = "Tableware > Ceramics"

    static let items: [Item] = [
        // MARK: Tea > Mountain herbs
        item(
            "TEA-MTN-050", herbs, price: "4.90", stock: 48, rating: "4.8", reviews: 126, consumable: true,
            tags: ["organic", "bestseller"], popularity: 10,
            en: (
                "Greek mountain tea (Sideritis), 50 g",
                "Hand-picked on Mount Parnassus at 1,200 metres. A mild, floral infusion with a hint of lemon; "
                    + "steep the whole stems for five minutes."
            ),
            el: (
                "Τσάι του βουνού, 50 γρ.",
                "Συλλέγεται με το χέρι στον Παρνασσό, στα 1.200 μέτρα. Ήπιο, αρωματικό ρόφημα με νότα λεμονιού· "
                    + "αφήστε τα κλωνάρια σε ζεστό νερό για πέντε λεπτά."
            ),
            fa: (
                "چای کوهی یونانی (سیدریتیس)، ۵۰ گرم",
                "در ارتفاع ۱۲۰۰ متری کوه پارناسوس با دست چیده می‌شود. دمنوشی ملایم و خوش‌عطر با رایحه‌ای از لیمو؛ "
                    + "ساقه‌های کامل را پنج دقیقه دم کنید."
            )),
        item(
            "TEA-MTN-150", herbs, price: "12.50", was: "14.70", stock: 30, rating: "4.9", reviews: 41,
            consumable: true, tags: ["organic"], popularity: 5,
            en: (
                "Greek mountain tea, 150 g value pack",
                "Three times the mountain tea, in one paper bag. For those who drink it every evening."
            ),
            el: (
                "Τσάι του βουνού, οικονομική συσκευασία 150 γρ.",
                "Τριπλάσια ποσότητα τσαγιού του βουνού σε μία χάρτινη σακούλα. Για όσους το πίνουν κάθε βράδυ."
            ),
            fa: (
                "چای کوهی یونانی، بستهٔ اقتصادی ۱۵۰ گرم",
                "سه برابر چای کوهی، در یک کیسهٔ کاغذی. برای کسانی که هر شب آن را می‌نوشند."
            )),
        item(
            "TEA-CHA-040", herbs, price: "3.90", stock: 64, rating: "4.6", reviews: 58, consumable: true,
            popularity: 6,
            en: (
                "Chamomile flowers, 40 g",
                "Whole chamomile flowers from Thessaly, dried in the sun. Calming before sleep."
            ),
            el: (
                "Χαμομήλι, 40 γρ.",
                "Ολόκληρα άνθη χαμομηλιού από τη Θεσσαλία, αποξηραμένα στον ήλιο. Ιδανικό πριν τον ύπνο."
            ),
            fa: ("گل بابونه، ۴۰ گرم", "گل‌های کامل بابونه از تسالی، خشک‌شده زیر آفتاب. آرام‌بخش پیش از خواب.")),
        item(
            "TEA-DIK-020", herbs, price: "6.80", stock: 0, rating: "4.9", reviews: 22, consumable: true,
            tags: ["rare"], popularity: 2,
            en: (
                "Cretan dittany, 20 g",
                "The rare herb of the Cretan gorges, known since Hippocrates. Velvety leaves with a warm taste, "
                    + "close to oregano."
            ),
            el: (
                "Δίκταμο Κρήτης, 20 γρ.",
                "Το σπάνιο βότανο των κρητικών φαραγγιών, γνωστό από την εποχή του Ιπποκράτη. Χνουδωτά φύλλα με "
                    + "ζεστή γεύση που θυμίζει ρίγανη."
            ),
            fa: (
                "دیکتامو، گیاه کوهستانی کرت، ۲۰ گرم",
                "گیاه کمیاب دره‌های کرت که از زمان بقراط شناخته شده است. برگ‌هایی مخملی با طعمی گرم، نزدیک به "
                    + "پونهٔ کوهی."
            )),
        item(
            "TEA-SAG-040", herbs, price: "3.60", stock: 40, rating: "4.5", reviews: 19, consumable: true,
            popularity: 3,
            en: (
                "Sage leaves, 40 g",
                "Wild Greek sage from the Peloponnese. Drink it with honey when a cold is on its way."
            ),
            el: (
                "Φασκόμηλο, 40 γρ.",
                "Άγριο ελληνικό φασκόμηλο από την Πελοπόννησο. Πιείτε το με μέλι όταν σας πιάνει κρύωμα."
            ),
            fa: (
                "برگ مریم‌گلی، ۴۰ گرم",
                "مریم‌گلی وحشی یونانی از پلوپونز. وقتی سرماخوردگی در راه است، آن را با عسل بنوشید."
            )),
        item(
            "TEA-VER-030", herbs, price: "4.20", stock: 25, rating: "4.7", reviews: 27, consumable: true,
            popularity: 3,
            en: ("Lemon verbena, 30 g", "Bright and citrusy, and lovely iced in summer."),
            el: ("Λουίζα, 30 γρ.", "Φρέσκια, με άρωμα λεμονιού· υπέροχη και κρύα το καλοκαίρι."),
            fa: ("به‌لیمو، ۳۰ گرم", "با طعمی تازه و مرکباتی؛ در تابستان به‌صورت سرد هم فوق‌العاده است.")),
        item(
            "TEA-LIN-025", herbs, price: "4.50", stock: 33, rating: "4.6", reviews: 15, consumable: true,
            popularity: 3,
            en: ("Linden blossom, 25 g", "Fragrant linden flowers and bracts, the classic Greek evening tea."),
            el: ("Τίλιο, 25 γρ.", "Αρωματικά άνθη τίλιου, το κλασικό ελληνικό ρόφημα για το βράδυ."),
            fa: ("شکوفهٔ زیرفون، ۲۵ گرم", "گل‌ها و برگه‌های معطر زیرفون؛ دمنوش کلاسیک شب‌های یونانی.")),
        item(
            "TEA-MNT-030", herbs, price: "3.40", stock: 52, rating: "4.4", reviews: 12, consumable: true,
            popularity: 3,
            en: ("Spearmint leaves, 30 g", "Spearmint from Evia, for tea or for tzatziki."),
            el: ("Δυόσμος, 30 γρ.", "Δυόσμος από την Εύβοια, για τσάι ή για τζατζίκι."),
            fa: ("برگ نعناع، ۳۰ گرم", "نعناع از جزیرهٔ اوبیا، برای چای یا برای تزاتزیکی.")),
        item(
            "TEA-GFT-006", herbs, price: "24.00", was: "29.00", stock: 18, rating: "4.9", reviews: 34,
            consumable: true, tags: ["gift"], popularity: 4,
            en: (
                "Herbal tea gift box, 6 herbs",
                "<p>Six of our herbs in a hand-printed box: <strong>mountain tea, chamomile, sage, lemon verbena, "
                    + "spearmint and linden</strong>.</p>"
            ),
            el: (
                "Κουτί δώρου με 6 βότανα",
                "<p>Έξι από τα βότανά μας σε κουτί τυπωμένο στο χέρι: <strong>τσάι του βουνού, χαμομήλι, "
                    + "φασκόμηλο, λουίζα, δυόσμος και τίλιο</strong>.</p>"
            ),
            fa: (
                "جعبهٔ هدیهٔ دمنوش، ۶ گیاه",
                "<p>شش گیاه از مجموعهٔ ما در جعبه‌ای با چاپ دستی: <strong>چای کوهی، بابونه، مریم‌گلی، به‌لیمو، "
                    + "نعناع و زیرفون</strong>.</p>"
            )),

        // MARK: Coffee > Greek coffee
        item(
            "COF-GRK-200", coffee, price: "3.80", rating: "4.7", reviews: 212, consumable: true,
            tags: ["bestseller"], popularity: 10,
            en: (
                "Greek coffee, finely ground, 200 g",
                "Medium-roast Brazilian and Kenyan beans, ground as fine as flour for the briki. Makes about 30 cups "
                    + "with a thick kaimaki."
            ),
            el: (
                "Ελληνικός καφές, 200 γρ.",
                "Μέτριο καβούρδισμα, κόκκοι από Βραζιλία και Κένυα, αλεσμένοι ψιλοί σαν αλεύρι για το μπρίκι. "
                    + "Περίπου 30 φλιτζάνια με πλούσιο καϊμάκι."
            ),
            fa: (
                "قهوهٔ یونانی، آسیاب‌شدهٔ ریز، ۲۰۰ گرم",
                "دانه‌های برزیلی و کنیایی با برشته‌کاری متوسط، به نرمی آرد برای قهوه‌جوش آسیاب شده‌اند. حدود ۳۰ "
                    + "فنجان با کفی غلیظ (کایماکی)."
            )),
        item(
            "COF-CAR-200", coffee, price: "4.40", rating: "4.5", reviews: 37, consumable: true, popularity: 4,
            en: (
                "Greek coffee with cardamom, 200 g",
                "Our Greek coffee blended with freshly ground cardamom, the way it is drunk around the eastern "
                    + "Mediterranean."
            ),
            el: (
                "Ελληνικός καφές με κάρδαμο, 200 γρ.",
                "Ο ελληνικός μας καφές με φρεσκοαλεσμένο κάρδαμο, όπως τον πίνουν στην Ανατολική Μεσόγειο."
            ),
            fa: (
                "قهوهٔ یونانی با هل، ۲۰۰ گرم",
                "قهوهٔ یونانی ما با هل تازه آسیاب‌شده، همان‌طور که در شرق مدیترانه می‌نوشند."
            )),
        item(
            "COF-BRK-CU4", coffee, price: "28.00", stock: 12, rating: "4.8", reviews: 63, tags: ["handmade"],
            popularity: 6,
            en: (
                "Copper briki, 4 cups",
                "Hand-hammered copper with a tin lining and a long brass handle. The narrow neck is what gives Greek "
                    + "coffee its foam."
            ),
            el: (
                "Χάλκινο μπρίκι, 4 φλιτζανιών",
                "Σφυρήλατος χαλκός με επικασσιτέρωση και μακριά μπρούντζινη λαβή. Ο στενός λαιμός χαρίζει στον "
                    + "ελληνικό καφέ το καϊμάκι του."
            ),
            fa: (
                "قهوه‌جوش مسی، ۴ فنجانی",
                "مس چکش‌کاری‌شده با روکش قلع و دستهٔ بلند برنجی. گردن باریک آن است که به قهوهٔ یونانی کفش را "
                    + "می‌دهد."
            )),
        item(
            "COF-BRK-SS2", coffee, price: "11.50", stock: 40, rating: "4.3", reviews: 29, popularity: 4,
            en: ("Stainless steel briki, 2 cups", "An everyday briki for gas, electric and induction hobs."),
            el: (
                "Ανοξείδωτο μπρίκι, 2 φλιτζανιών",
                "Μπρίκι για κάθε μέρα, για εστίες γκαζιού, ηλεκτρικές και επαγωγικές."
            ),
            fa: ("قهوه‌جوش استیل، ۲ فنجانی", "قهوه‌جوش روزمره برای اجاق گاز، برقی و القایی.")),
        item(
            "COF-ESP-250", coffee, price: "9.90", rating: "4.6", reviews: 48, consumable: true, popularity: 5,
            en: (
                "Espresso beans, Ethiopia, 250 g",
                "Single-origin beans, roasted every Tuesday in Athens. Notes of bergamot and dark chocolate."
            ),
            el: (
                "Καφές espresso σε κόκκους, Αιθιοπία, 250 γρ.",
                "Κόκκοι από μία προέλευση, καβουρδισμένοι κάθε Τρίτη στην Αθήνα. Νότες περγαμόντου και μαύρης "
                    + "σοκολάτας."
            ),
            fa: (
                "دانهٔ قهوهٔ اسپرسو، اتیوپی، ۲۵۰ گرم",
                "دانه‌های تک‌خاستگاه که هر سه‌شنبه در آتن برشته می‌شوند. با رایحهٔ برگاموت و شکلات تلخ."
            )),
        item(
            "COF-CUP-002", coffee, price: "16.00", stock: 22, rating: "4.7", reviews: 31, popularity: 4,
            en: (
                "Greek coffee cups, set of 2",
                "Small white porcelain cups with saucers, 70 ml: just the size of a single Greek coffee."
            ),
            el: (
                "Φλιτζάνια ελληνικού καφέ, σετ 2 τεμαχίων",
                "Μικρά λευκά πορσελάνινα φλιτζάνια με πιατάκια, 70 ml, στο μέγεθος ενός μονού ελληνικού."
            ),
            fa: (
                "فنجان قهوهٔ یونانی، ست ۲ عددی",
                "فنجان‌های کوچک چینی سفید با نعلبکی، ۷۰ میلی‌لیتر؛ درست به اندازهٔ یک قهوهٔ یونانی تک."
            )),
        item(
            "COF-FRD-KIT", coffee, price: "34.00", was: "39.00", stock: 0, rating: "4.4", reviews: 17,
            tags: ["summer"], popularity: 2,
            en: (
                "Freddo espresso kit",
                "A hand frother, two tall glasses and 250 g of espresso beans: summer in Greece, at home."
            ),
            el: (
                "Σετ για freddo espresso",
                "Χειροκίνητος αφροποιητής, δύο ψηλά ποτήρια και 250 γρ. espresso σε κόκκους: το ελληνικό καλοκαίρι "
                    + "στο σπίτι σας."
            ),
            fa: (
                "ست فردو اسپرسو",
                "یک کف‌ساز دستی، دو لیوان بلند و ۲۵۰ گرم دانهٔ اسپرسو: تابستان یونان در خانهٔ شما."
            )),
        item(
            "COF-GFT-BOX", coffee, price: "49.00", was: "54.00", stock: 9, rating: "5.0", reviews: 14,
            tags: ["gift"], popularity: 2,
            en: (
                "Greek coffee gift box",
                "<p>Greek coffee, a copper briki, two cups and rose loukoumi: <strong>everything for a proper Greek "
                    + "coffee</strong>, in one box.</p>"
            ),
            el: (
                "Κουτί δώρου ελληνικού καφέ",
                "<p>Ελληνικός καφές, χάλκινο μπρίκι, δύο φλιτζάνια και λουκούμι τριαντάφυλλο: <strong>ό,τι χρειάζεται "
                    + "για έναν σωστό ελληνικό καφέ</strong>, σε ένα κουτί.</p>"
            ),
            fa: (
                "جعبهٔ هدیهٔ قهوهٔ یونانی",
                "<p>قهوهٔ یونانی، قهوه‌جوش مسی، دو فنجان و راحت‌الحلقوم گل سرخ: <strong>هر آنچه برای یک قهوهٔ "
                    + "یونانی درست لازم است</strong>، در یک جعبه.</p>"
            )),

        // MARK: Pantry > Olive oil
        item(
            "OIL-CRE-500", oil, price: "11.90", stock: 80, rating: "4.9", reviews: 187, consumable: true,
            tags: ["bestseller"], popularity: 10,
            en: (
                "Extra virgin olive oil, Crete, 500 ml",
                "Cold-extracted from Koroneiki olives near Sitia, with acidity below 0.3%. Green, peppery and fruity."
            ),
            el: (
                "Εξαιρετικό παρθένο ελαιόλαδο Κρήτης, 500 ml",
                "Ψυχρής εκχύλισης, από ελιές Κορωνέικη της Σητείας, με οξύτητα κάτω από 0,3%. Πράσινο, πικάντικο "
                    + "και φρουτώδες."
            ),
            fa: (
                "روغن زیتون فرابکر کرت، ۵۰۰ میلی‌لیتر",
                "استخراج سرد از زیتون‌های کورونیکی در نزدیکی سیتیا، با اسیدیتهٔ کمتر از ۰٫۳ درصد. سبز، تند و میوه‌ای."
            )),
        item(
            "OIL-CRE-3L", oil, price: "52.00", was: "58.00", stock: 14, rating: "4.9", reviews: 76,
            consumable: true, popularity: 5,
            en: (
                "Extra virgin olive oil, Crete, 3 l tin",
                "The same oil in a tin for the kitchen: enough for a family for two months."
            ),
            el: (
                "Εξαιρετικό παρθένο ελαιόλαδο Κρήτης, δοχείο 3 λίτρων",
                "Το ίδιο λάδι σε τενεκεδάκι για την κουζίνα: αρκεί σε μια οικογένεια για δύο μήνες."
            ),
            fa: (
                "روغن زیتون فرابکر کرت، قوطی ۳ لیتری",
                "همان روغن در قوطی حلبی برای آشپزخانه: برای یک خانواده تا دو ماه کافی است."
            )),
        item(
            "OIL-LAK-750", oil, price: "16.50", stock: 36, rating: "4.7", reviews: 44, consumable: true,
            tags: ["organic"], popularity: 4,
            en: (
                "Organic olive oil, Lakonia, 750 ml",
                "From a family grove of Athinolia olives in the south of the Peloponnese. Mild and buttery."
            ),
            el: (
                "Βιολογικό ελαιόλαδο Λακωνίας, 750 ml",
                "Από οικογενειακό ελαιώνα με ελιές Αθηνολιά στη νότια Πελοπόννησο. Ήπιο και βουτυράτο."
            ),
            fa: (
                "روغن زیتون ارگانیک لاکونیا، ۷۵۰ میلی‌لیتر",
                "از باغ زیتون خانوادگی با زیتون‌های آتینولیا در جنوب پلوپونز. ملایم و کره‌ای."
            )),
        item(
            "OIL-OLV-350", oil, price: "5.40", stock: 70, rating: "4.6", reviews: 52, consumable: true,
            popularity: 6,
            en: ("Kalamata olives, 350 g jar", "Plump purple olives cured in red wine vinegar and sea salt."),
            el: (
                "Ελιές Καλαμών, βάζο 350 γρ.",
                "Σαρκώδεις μωβ ελιές σε ξίδι από κόκκινο κρασί και θαλασσινό αλάτι."
            ),
            fa: (
                "زیتون کالاماتا، شیشهٔ ۳۵۰ گرمی",
                "زیتون‌های درشت بنفش، عمل‌آمده در سرکهٔ شراب قرمز و نمک دریا."
            )),
        item(
            "OIL-TST-3X1", oil, price: "19.90", stock: 26, rating: "4.8", reviews: 39, consumable: true,
            tags: ["gift"], popularity: 4,
            en: (
                "Olive oil tasting set, 3 × 100 ml",
                "<p>Crete, Lakonia and Lesvos side by side, with a tasting card. <strong>Our most popular "
                    + "gift.</strong></p>"
            ),
            el: (
                "Σετ γευσιγνωσίας ελαιολάδου, 3 × 100 ml",
                "<p>Κρήτη, Λακωνία και Λέσβος δίπλα δίπλα, με κάρτα γευσιγνωσίας. <strong>Το πιο αγαπημένο μας "
                    + "δώρο.</strong></p>"
            ),
            fa: (
                "ست چشیدن روغن زیتون، ۳ × ۱۰۰ میلی‌لیتر",
                "<p>کرت، لاکونیا و لسبوس در کنار هم، همراه با کارت راهنمای چشیدن. <strong>محبوب‌ترین هدیهٔ "
                    + "ما.</strong></p>"
            )),
        item(
            "OIL-PST-180", oil, price: "4.60", stock: 45, rating: "4.5", reviews: 21, consumable: true,
            popularity: 3,
            en: (
                "Olive paste with oregano, 180 g",
                "Kalamata olives, olive oil and wild oregano. Spread it on warm bread."
            ),
            el: (
                "Πάστα ελιάς με ρίγανη, 180 γρ.",
                "Ελιές Καλαμών, ελαιόλαδο και άγρια ρίγανη. Απλώστε την σε ζεστό ψωμί."
            ),
            fa: (
                "خمیر زیتون با پونهٔ کوهی، ۱۸۰ گرم",
                "زیتون کالاماتا، روغن زیتون و پونهٔ کوهی وحشی. آن را روی نان گرم بمالید."
            )),
        item(
            "OIL-POU-300", oil, price: "14.50", stock: 15, rating: "4.4", reviews: 11, popularity: 2,
            en: ("Ceramic olive oil pourer, 300 ml", "Glazed stoneware with a spout that does not drip."),
            el: ("Κεραμικό λαδωτήρι, 300 ml", "Εφυαλωμένο κεραμικό με στόμιο που δεν στάζει."),
            fa: ("روغن‌ریز سرامیکی، ۳۰۰ میلی‌لیتر", "سفال لعاب‌دار با دهانه‌ای که چکه نمی‌کند.")),

        // MARK: Pantry > Honey & sweets
        item(
            "HON-THY-450", honey, price: "13.50", stock: 55, rating: "4.9", reviews: 143, consumable: true,
            tags: ["bestseller"], popularity: 8,
            en: (
                "Thyme honey, Crete, 450 g",
                "Raw honey from bees on the wild thyme of the White Mountains. Intensely aromatic; it crystallises "
                    + "slowly."
            ),
            el: (
                "Θυμαρίσιο μέλι Κρήτης, 450 γρ.",
                "Ωμό μέλι από μέλισσες στο άγριο θυμάρι των Λευκών Ορέων. Έντονα αρωματικό· κρυσταλλώνει αργά."
            ),
            fa: (
                "عسل آویشن کرت، ۴۵۰ گرم",
                "عسل خام از زنبورهایی که روی آویشن وحشی کوه‌های سفید کرت می‌چرند. بسیار معطر؛ به‌آرامی شکرک می‌زند."
            )),
        item(
            "HON-PIN-450", honey, price: "10.90", stock: 38, rating: "4.6", reviews: 57, consumable: true,
            popularity: 4,
            en: ("Pine honey, Thassos, 450 g", "Dark, less sweet and rich in minerals. It never crystallises."),
            el: ("Πευκόμελο Θάσου, 450 γρ.", "Σκούρο, λιγότερο γλυκό και πλούσιο σε μέταλλα. Δεν κρυσταλλώνει ποτέ."),
            fa: ("عسل کاج تاسوس، ۴۵۰ گرم", "تیره، کم‌شیرین‌تر و سرشار از مواد معدنی. هرگز شکرک نمی‌زند.")),
        item(
            "HON-ORA-380", honey, price: "6.90", stock: 24, rating: "4.8", reviews: 36, consumable: true,
            popularity: 3,
            en: (
                "Bitter orange spoon sweet, 380 g",
                "Rolled bitter orange peel in syrup, made by a women's cooperative on Chios. Serve a spoonful with "
                    + "a glass of cold water."
            ),
            el: (
                "Γλυκό του κουταλιού νεράντζι, 380 γρ.",
                "Ρολάκια από φλούδα νεράντζι σε σιρόπι, από γυναικείο συνεταιρισμό της Χίου. Σερβίρεται μια κουταλιά "
                    + "με ένα ποτήρι κρύο νερό."
            ),
            fa: (
                "مربای نارنج، ۳۸۰ گرم",
                "پوست نارنج لوله‌شده در شربت، ساخت تعاونی زنان در جزیرهٔ خیوس. یک قاشق از آن را با یک لیوان آب سرد "
                    + "سرو کنید."
            )),
        item(
            "HON-CHE-380", honey, price: "6.90", stock: 20, rating: "4.7", reviews: 29, consumable: true,
            popularity: 3,
            en: (
                "Sour cherry spoon sweet, 380 g",
                "Whole sour cherries in a glossy syrup. Also wonderful over Greek yoghurt."
            ),
            el: (
                "Γλυκό του κουταλιού βύσσινο, 380 γρ.",
                "Ολόκληρα βύσσινα σε γυαλιστερό σιρόπι. Υπέροχο και πάνω σε στραγγιστό γιαούρτι."
            ),
            fa: ("مربای آلبالو، ۳۸۰ گرم", "آلبالوهای کامل در شربتی براق. روی ماست یونانی هم فوق‌العاده است.")),
        item(
            "HON-LOU-400", honey, price: "7.50", stock: 42, rating: "4.6", reviews: 66, consumable: true,
            popularity: 5,
            en: (
                "Rose loukoumi from Syros, 400 g",
                "Soft rose-water loukoumi dusted with icing sugar, made on Syros the traditional way."
            ),
            el: (
                "Λουκούμι Σύρου τριαντάφυλλο, 400 γρ.",
                "Μαλακό λουκούμι με ροδόνερο, πασπαλισμένο με άχνη ζάχαρη, φτιαγμένο στη Σύρο με τον παραδοσιακό "
                    + "τρόπο."
            ),
            fa: (
                "راحت‌الحلقوم سیروس با طعم گل سرخ، ۴۰۰ گرم",
                "راحت‌الحلقوم نرم با گلاب، آغشته به پودر قند، که به روش سنتی در جزیرهٔ سیروس درست می‌شود."
            )),
        item(
            "HON-PAS-008", honey, price: "5.80", stock: 60, rating: "4.5", reviews: 24, consumable: true,
            popularity: 3,
            en: (
                "Pasteli with thyme honey, 8 bars",
                "Sesame and honey, nothing else: the oldest energy bar in the world."
            ),
            el: (
                "Παστέλι με θυμαρίσιο μέλι, 8 μπάρες",
                "Σουσάμι και μέλι, τίποτε άλλο: η παλαιότερη μπάρα ενέργειας στον κόσμο."
            ),
            fa: (
                "پاستلی با عسل آویشن، ۸ عدد",
                "کنجد و عسل، و دیگر هیچ: قدیمی‌ترین خوراکی انرژی‌زای جهان."
            )),
        item(
            "HON-MAS-010", honey, price: "8.20", stock: 6, rating: "4.8", reviews: 33, consumable: true,
            tags: ["pdo"], popularity: 3,
            en: (
                "Chios mastic, 10 g",
                "Tears of the mastic tree, with protected designation of origin. Chew it, or grind it into sweets "
                    + "and bread."
            ),
            el: (
                "Μαστίχα Χίου, 10 γρ.",
                "Δάκρυα μαστίχας, προϊόν ονομασίας προέλευσης. Μασήστε τη ή τρίψτε τη σε γλυκά και ψωμί."
            ),
            fa: (
                "مصطکی خیوس، ۱۰ گرم",
                "اشک‌های درخت مصطکی با نشان مبدأ حمایت‌شده. آن را بجوید یا بکوبید و به شیرینی و نان بیفزایید."
            )),

        // MARK: Kitchen > Wood & clay
        item(
            "KIT-MOR-OLW", kitchen, price: "32.00", stock: 7, rating: "4.8", reviews: 26, tags: ["handmade"],
            popularity: 3,
            en: (
                "Olive wood mortar and pestle",
                "Turned from a single piece of olive wood, so every grain pattern is different. For garlic, herbs "
                    + "and spices."
            ),
            el: (
                "Γουδί από ξύλο ελιάς",
                "Τορνευτό από ένα κομμάτι ξύλο ελιάς, γι' αυτό τα νερά του ξύλου είναι πάντα μοναδικά. Για σκόρδο, "
                    + "μυρωδικά και μπαχαρικά."
            ),
            fa: (
                "هاون چوب زیتون",
                "از یک تکه چوب زیتون خراطی شده، برای همین نقش رگه‌های هر کدام منحصربه‌فرد است. برای سیر، سبزی‌های "
                    + "معطر و ادویه."
            )),
        item(
            "KIT-BRD-040", kitchen, price: "39.00", was: "45.00", stock: 11, rating: "4.7", reviews: 38,
            tags: ["handmade"], popularity: 4,
            en: (
                "Olive wood cutting board, 40 cm",
                "Dense, hard-wearing olive wood. Oil it now and then with a little of our olive oil."
            ),
            el: (
                "Επιφάνεια κοπής από ξύλο ελιάς, 40 εκ.",
                "Πυκνό, ανθεκτικό ξύλο ελιάς. Περάστε την πού και πού με λίγο ελαιόλαδο."
            ),
            fa: (
                "تخته برش چوب زیتون، ۴۰ سانتی‌متر",
                "چوب زیتون متراکم و بادوام. هر از گاهی آن را با کمی روغن زیتون ما چرب کنید."
            )),
        item(
            "KIT-SPN-003", kitchen, price: "18.50", stock: 28, rating: "4.6", reviews: 30, popularity: 4,
            en: ("Olive wood spoons, set of 3", "A stirring spoon, a spatula and a tasting spoon."),
            el: (
                "Ξύλινες κουτάλες από ελιά, σετ 3 τεμαχίων",
                "Κουτάλα ανακατέματος, σπάτουλα και κουταλάκι δοκιμής."
            ),
            fa: ("قاشق‌های چوب زیتون، ست ۳ عددی", "یک قاشق هم‌زن، یک کفگیر و یک قاشق چشیدن.")),
        item(
            "KIT-HDP-OLW", kitchen, price: "6.50", stock: 50, rating: "4.5", reviews: 18, popularity: 3,
            en: ("Olive wood honey dipper", "Carries honey from the jar to your cup without a drop on the table."),
            el: (
                "Κουτάλι για μέλι από ξύλο ελιάς",
                "Παίρνει το μέλι από το βάζο στο φλιτζάνι χωρίς να στάξει ούτε σταγόνα."
            ),
            fa: ("قاشق عسل چوب زیتون", "عسل را بدون چکیدن حتی یک قطره از شیشه به فنجان می‌رساند.")),
        item(
            "KIT-GIO-2L", kitchen, price: "29.00", stock: 10, rating: "4.7", reviews: 21, tags: ["handmade"],
            popularity: 2,
            en: (
                "Clay giouvetsi dish, 2 litres",
                "Unglazed outside and glazed inside, for orzo with lamb, baked beans and everything slow. Oven safe "
                    + "to 250 °C."
            ),
            el: (
                "Πήλινο γιουβετσάκι, 2 λίτρων",
                "Ακάλυπτο εξωτερικά, εφυαλωμένο εσωτερικά, για γιουβέτσι, γίγαντες και κάθε φαγητό αργού "
                    + "ψησίματος. Αντέχει στον φούρνο έως 250 °C."
            ),
            fa: (
                "ظرف سفالی گیوچ، ۲ لیتری",
                "بیرون بی‌لعاب و درون لعاب‌دار، برای گیوچ با گوشت بره، لوبیای تنوری و هر غذای آرام‌پز. مقاوم در فر تا "
                    + "۲۵۰ درجهٔ سانتی‌گراد."
            )),
        item(
            "KIT-KNF-020", kitchen, price: "64.00", stock: 3, rating: "4.9", reviews: 19, popularity: 2,
            en: (
                "Chef's knife, 20 cm",
                "A German steel blade with an olive wood handle, made by a knife maker in Thessaloniki."
            ),
            el: (
                "Μαχαίρι σεφ, 20 εκ.",
                "Λεπίδα από γερμανικό ατσάλι και λαβή από ξύλο ελιάς, από μαχαιροποιό της Θεσσαλονίκης."
            ),
            fa: (
                "چاقوی سرآشپز، ۲۰ سانتی‌متر",
                "تیغهٔ فولاد آلمانی و دستهٔ چوب زیتون، ساخت یک چاقوساز در تسالونیکی."
            )),
        item(
            "KIT-PAN-026", kitchen, price: "45.00", stock: 8, rating: "4.6", reviews: 23, popularity: 2,
            en: (
                "Cast iron frying pan, 26 cm",
                "Pre-seasoned cast iron for searing and baking; it gets better with every use."
            ),
            el: (
                "Μαντεμένιο τηγάνι, 26 εκ.",
                "Μαντέμι έτοιμο για χρήση, για σοτάρισμα και ψήσιμο στον φούρνο· γίνεται καλύτερο με κάθε χρήση."
            ),
            fa: (
                "ماهیتابهٔ چدنی، ۲۶ سانتی‌متر",
                "چدن آماده‌به‌کار برای سرخ کردن و پخت در فر؛ با هر بار استفاده بهتر می‌شود."
            )),
        item(
            "KIT-APR-LIN", kitchen, price: "27.00", stock: 16, rating: "4.5", reviews: 14, popularity: 2,
            en: ("Linen apron, natural", "Stonewashed Greek linen with a deep front pocket."),
            el: ("Λινή ποδιά κουζίνας, φυσικό χρώμα", "Πλυμένο λινό ελληνικής ύφανσης με βαθιά μπροστινή τσέπη."),
            fa: ("پیش‌بند کتان، رنگ طبیعی", "کتان یونانی سنگ‌شور با یک جیب جلوی عمیق.")),

        // MARK: Bath > Soap & care
        item(
            "BAT-SOP-PUR", bath, price: "3.50", rating: "4.8", reviews: 174, consumable: true,
            tags: ["bestseller"], popularity: 9,
            en: (
                "Pure olive oil soap, 125 g",
                "Cold-process soap from Cretan olive oil, unscented. Gentle enough for a baby's skin."
            ),
            el: (
                "Σαπούνι από αγνό ελαιόλαδο, 125 γρ.",
                "Σαπούνι κρύας παρασκευής από κρητικό ελαιόλαδο, χωρίς άρωμα. Τόσο απαλό που ταιριάζει και σε "
                    + "βρεφικό δέρμα."
            ),
            fa: (
                "صابون روغن زیتون خالص، ۱۲۵ گرم",
                "صابون فرایند سرد از روغن زیتون کرت، بدون عطر. آن‌قدر ملایم که برای پوست نوزاد هم مناسب است."
            )),
        item(
            "BAT-SOP-LAU", bath, price: "4.80", rating: "4.6", reviews: 47, consumable: true, popularity: 4,
            en: ("Laurel and olive soap, 150 g", "Made with 20% laurel berry oil; a deep clean for oily skin."),
            el: (
                "Σαπούνι δάφνης και ελιάς, 150 γρ.",
                "Με 20% έλαιο καρπού δάφνης· βαθύς καθαρισμός για λιπαρό δέρμα."
            ),
            fa: ("صابون برگ بو و زیتون، ۱۵۰ گرم", "با ۲۰ درصد روغن دانهٔ بو؛ پاک‌کنندهٔ عمیق برای پوست چرب.")),
        item(
            "BAT-SOP-DON", bath, price: "6.50", stock: 30, rating: "4.7", reviews: 28, consumable: true,
            popularity: 3,
            en: ("Donkey milk soap, 100 g", "From a small donkey farm in Kalavryta; rich and creamy."),
            el: (
                "Σαπούνι με γάλα γαϊδούρας, 100 γρ.", "Από μικρή φάρμα γαϊδουριών στα Καλάβρυτα· πλούσιο και κρεμώδες."
            ),
            fa: ("صابون شیر الاغ، ۱۰۰ گرم", "از یک مزرعهٔ کوچک پرورش الاغ در کالاوریتا؛ غنی و کرمی.")),
        item(
            "BAT-LOT-MAS", bath, price: "14.90", was: "17.50", stock: 19, rating: "4.5", reviews: 22,
            consumable: true, popularity: 3,
            en: ("Mastic body lotion, 200 ml", "A light lotion with Chios mastic oil and aloe. It absorbs quickly."),
            el: (
                "Γαλάκτωμα σώματος με μαστίχα, 200 ml",
                "Ελαφρύ γαλάκτωμα με έλαιο μαστίχας Χίου και αλόη. Απορροφάται γρήγορα."
            ),
            fa: (
                "لوسیون بدن با مصطکی، ۲۰۰ میلی‌لیتر",
                "لوسیون سبک با روغن مصطکی خیوس و آلوئه‌ورا. به‌سرعت جذب می‌شود."
            )),
        item(
            "BAT-SPO-MED", bath, price: "12.00", stock: 9, rating: "4.8", reviews: 25, popularity: 2,
            en: (
                "Natural sea sponge, medium",
                "Harvested by the sponge divers of Kalymnos. Soft, and it lasts for years."
            ),
            el: ("Φυσικό θαλάσσιο σφουγγάρι, μεσαίο", "Από τους σφουγγαράδες της Καλύμνου. Μαλακό, κρατάει χρόνια."),
            fa: (
                "اسفنج طبیعی دریایی، متوسط",
                "صیدشده به دست غواصان اسفنج جزیرهٔ کالیمنوس. نرم و ماندگار برای سال‌ها."
            )),
        item(
            "BAT-TOW-BLU", bath, price: "22.00", stock: 21, rating: "4.6", reviews: 32, popularity: 3,
            en: (
                "Cotton peshtemal towel, blue stripes",
                "Light and quick-drying, for the hammam, the beach and the bath."
            ),
            el: (
                "Βαμβακερή πετσέτα πεστεμάλ, μπλε ρίγες",
                "Ελαφριά και στεγνώνει γρήγορα· για το χαμάμ, την παραλία και το μπάνιο."
            ),
            fa: ("حولهٔ پشتمال نخی، راه‌راه آبی", "سبک و زودخشک؛ برای حمام سنتی، ساحل و حمام خانه.")),
        item(
            "BAT-SAL-ROS", bath, price: "9.50", stock: 27, rating: "4.4", reviews: 13, consumable: true,
            popularity: 2,
            en: (
                "Bath salts with rosemary, 400 g",
                "Sea salt from Messolonghi with rosemary oil, for tired legs after a long day."
            ),
            el: (
                "Άλατα μπάνιου με δεντρολίβανο, 400 γρ.",
                "Θαλασσινό αλάτι Μεσολογγίου με αιθέριο έλαιο δεντρολίβανου, για κουρασμένα πόδια μετά από μια "
                    + "μεγάλη μέρα."
            ),
            fa: (
                "نمک حمام با رزماری، ۴۰۰ گرم",
                "نمک دریای مسولونگی با روغن رزماری، برای پاهای خسته پس از یک روز طولانی."
            )),
        item(
            "BAT-GFT-TRI", bath, price: "13.50", was: "14.80", stock: 23, rating: "4.9", reviews: 40,
            consumable: true, tags: ["gift"], popularity: 3,
            en: (
                "Olive soap gift trio",
                "<p>Our three soaps, <strong>pure olive, laurel and donkey milk</strong>, in a kraft box tied with "
                    + "string.</p>"
            ),
            el: (
                "Σετ δώρου με 3 σαπούνια ελιάς",
                "<p>Τα τρία σαπούνια μας, <strong>αγνό ελαιόλαδο, δάφνη και γάλα γαϊδούρας</strong>, σε χάρτινο κουτί "
                    + "δεμένο με σπάγκο.</p>"
            ),
            fa: (
                "ست هدیهٔ سه صابون زیتون",
                "<p>سه صابون ما، <strong>زیتون خالص، برگ بو و شیر الاغ</strong>، در جعبه‌ای کرافت که با نخ بسته شده "
                    + "است.</p>"
            )),

        // MARK: Books > Cookbooks
        item(
            "BOK-ISL-320", books, price: "34.00", stock: 12, rating: "4.7", reviews: 35, popularity: 3,
            en: (
                "The Greek Kitchen, Island by Island",
                "120 home recipes collected from grandmothers on 24 islands, with photographs. Hardcover, 320 pages."
            ),
            el: (
                "Η ελληνική κουζίνα, νησί νησί",
                "120 σπιτικές συνταγές από γιαγιάδες 24 νησιών, με φωτογραφίες. Σκληρό εξώφυλλο, 320 σελίδες."
            ),
            fa: (
                "آشپزی یونانی، جزیره به جزیره",
                "۱۲۰ دستور پخت خانگی که از مادربزرگ‌های ۲۴ جزیره گردآوری شده، همراه با عکس. جلد سخت، ۳۲۰ صفحه."
            )),
        item(
            "BOK-MEZ-240", books, price: "26.00", stock: 9, rating: "4.6", reviews: 20, popularity: 2,
            en: (
                "Meze: Small Plates for Long Evenings",
                "From tzatziki to grilled octopus: sixty dishes to share, and what to drink with them."
            ),
            el: (
                "Μεζέδες: μικρά πιάτα για μεγάλα βράδια",
                "Από το τζατζίκι ως το χταπόδι στα κάρβουνα: εξήντα πιάτα για μοίρασμα και τι να πιείτε μαζί τους."
            ),
            fa: (
                "مزه: بشقاب‌های کوچک برای شب‌های بلند",
                "از تزاتزیکی تا اختاپوس کبابی: شصت غذا برای با هم خوردن، و این‌که کنارشان چه بنوشید."
            )),
        item(
            "BOK-BAK-200", books, price: "24.00", stock: 7, rating: "4.5", reviews: 12, popularity: 2,
            en: ("Baking with Olive Oil", "Cakes, cookies and breads without a gram of butter."),
            el: ("Ζαχαροπλαστική με ελαιόλαδο", "Κέικ, μπισκότα και ψωμιά χωρίς ούτε ένα γραμμάριο βούτυρο."),
            fa: ("شیرینی‌پزی با روغن زیتون", "کیک، کلوچه و نان، بدون حتی یک گرم کره.")),
        item(
            "BOK-HRB-180", books, price: "22.00", stock: 10, rating: "4.8", reviews: 16, popularity: 2,
            en: (
                "Herbs of the Greek Mountains",
                "A field guide to 80 herbs: where they grow, when to pick them and how to brew them."
            ),
            el: (
                "Τα βότανα των ελληνικών βουνών",
                "Οδηγός για 80 βότανα: πού φυτρώνουν, πότε τα μαζεύουμε και πώς τα ετοιμάζουμε."
            ),
            fa: (
                "گیاهان کوه‌های یونان",
                "راهنمای میدانی ۸۰ گیاه: کجا می‌رویند، چه زمانی باید آن‌ها را چید و چگونه دمشان کرد."
            )),
        item(
            "BOK-PER-260", books, price: "29.00", was: "32.00", stock: 8, rating: "4.9", reviews: 15,
            popularity: 2,
            en: (
                "The Persian and Greek Table",
                "Two cuisines of saffron, herbs and slow cooking, side by side: from khoresh to stifado."
            ),
            el: (
                "Περσικό και ελληνικό τραπέζι",
                "Δύο κουζίνες με σαφράν, μυρωδικά και αργό μαγείρεμα, δίπλα δίπλα: από το χορέστ ως το στιφάδο."
            ),
            fa: ("سفرهٔ ایرانی و یونانی", "دو آشپزی زعفران، سبزی و پخت آرام در کنار هم: از خورش تا استیفادو.")),
        item(
            "BOK-COF-180", books, price: "16.00", stock: 14, rating: "4.3", reviews: 9, popularity: 1,
            en: (
                "Coffee in Greece: A Short History", "From the Ottoman kafeneio to the freddo espresso, in 180 pages."
            ),
            el: (
                "Ο καφές στην Ελλάδα: μια σύντομη ιστορία",
                "Από το οθωμανικό καφενείο ως τον freddo espresso, σε 180 σελίδες."
            ),
            fa: ("قهوه در یونان: تاریخچه‌ای کوتاه", "از قهوه‌خانهٔ عثمانی تا فردو اسپرسو، در ۱۸۰ صفحه.")),

        // MARK: Tableware > Ceramics
        item(
            "TAB-MUG-BLU", ceramics, price: "18.00", stock: 24, rating: "4.8", reviews: 71, tags: ["handmade"],
            popularity: 6,
            en: (
                "Handmade mug, Aegean blue, 350 ml",
                "Thrown on the wheel on Sifnos and glazed in deep blue. No two are the same."
            ),
            el: (
                "Χειροποίητη κούπα, μπλε του Αιγαίου, 350 ml",
                "Φτιαγμένη στον τροχό στη Σίφνο, με βαθύ μπλε εφυάλωμα. Καμία δεν είναι ίδια με την άλλη."
            ),
            fa: (
                "ماگ دست‌ساز، آبی اژه، ۳۵۰ میلی‌لیتر",
                "روی چرخ سفالگری در سیفنوس ساخته و با لعاب آبی تیره پوشانده شده است. هیچ دو تایی مثل هم نیستند."
            )),
        item(
            "TAB-MUG-WHT", ceramics, price: "18.00", stock: 17, rating: "4.7", reviews: 38, tags: ["handmade"],
            popularity: 4,
            en: ("Handmade mug, sand white, 350 ml", "The same Sifnos mug in a speckled white glaze."),
            el: (
                "Χειροποίητη κούπα, λευκό της άμμου, 350 ml",
                "Η ίδια κούπα της Σίφνου με λευκό, διάστικτο εφυάλωμα."
            ),
            fa: ("ماگ دست‌ساز، سفید شنی، ۳۵۰ میلی‌لیتر", "همان ماگ سیفنوس با لعاب سفید خال‌خالی.")),
        item(
            "TAB-GLS-004", ceramics, price: "21.00", stock: 20, rating: "4.8", reviews: 27, popularity: 3,
            en: (
                "Tea glasses with saucers, set of 4",
                "Tulip-shaped glasses of 100 ml, for tea served the Persian and Anatolian way."
            ),
            el: (
                "Ποτήρια τσαγιού με πιατάκια, σετ 4 τεμαχίων",
                "Ποτήρια σε σχήμα τουλίπας, 100 ml, για τσάι σερβιρισμένο όπως στην Περσία και την Ανατολία."
            ),
            fa: (
                "استکان و نعلبکی، ست ۴ عددی",
                "استکان‌های کمرباریک ۱۰۰ میلی‌لیتری، برای چای به سبک ایرانی و آناتولی."
            )),
        item(
            "TAB-BWL-022", ceramics, price: "26.00", stock: 13, rating: "4.6", reviews: 18, tags: ["handmade"],
            popularity: 2,
            en: ("Clay serving bowl, Sifnos, 22 cm", "For salads, fruit and the Sunday horiatiki."),
            el: ("Πήλινο μπολ σερβιρίσματος Σίφνου, 22 εκ.", "Για σαλάτες, φρούτα και την κυριακάτικη χωριάτικη."),
            fa: ("کاسهٔ سرو سفالی سیفنوس، ۲۲ سانتی‌متر", "برای سالاد، میوه و سالاد یونانی روزهای یکشنبه.")),
        item(
            "TAB-OLD-002", ceramics, price: "12.50", stock: 29, rating: "4.5", reviews: 16, popularity: 2,
            en: ("Olive dish with pit tray", "A two-part ceramic dish: olives on one side, pits on the other."),
            el: (
                "Πιατάκι για ελιές με θήκη για κουκούτσια",
                "Κεραμικό πιατάκι με δύο θέσεις: από τη μια οι ελιές, από την άλλη τα κουκούτσια."
            ),
            fa: ("ظرف زیتون با جای هسته", "ظرف سرامیکی دوقسمتی: یک طرف زیتون، طرف دیگر هسته‌ها.")),
        item(
            "TAB-PLT-004", ceramics, price: "64.00", was: "72.00", stock: 6, rating: "4.7", reviews: 11,
            popularity: 1,
            en: (
                "Dinner plates, Aegean blue, set of 4",
                "Stoneware plates, 27 cm, to match our handmade mugs. Dishwasher safe."
            ),
            el: (
                "Πιάτα φαγητού, μπλε του Αιγαίου, σετ 4 τεμαχίων",
                "Πιάτα από πηλό υψηλής όπτησης, 27 εκ., που ταιριάζουν με τις χειροποίητες κούπες μας. Πλένονται "
                    + "στο πλυντήριο πιάτων."
            ),
            fa: (
                "بشقاب غذاخوری، آبی اژه، ست ۴ عددی",
                "بشقاب‌های سنگینه، ۲۷ سانتی‌متر، هماهنگ با ماگ‌های دست‌ساز ما. قابل شست‌وشو در ماشین ظرف‌شویی."
            )),
        item(
            "TAB-TRY-035", ceramics, price: "38.00", stock: 5, rating: "4.6", reviews: 10, tags: ["handmade"],
            popularity: 1,
            en: ("Copper tray, 35 cm", "A hand-hammered tray for serving coffee and sweets to guests."),
            el: ("Χάλκινος δίσκος, 35 εκ.", "Σφυρήλατος δίσκος για να σερβίρετε καφέ και γλυκά στους καλεσμένους."),
            fa: ("سینی مسی، ۳۵ سانتی‌متر", "سینی چکش‌کاری‌شده برای پذیرایی از مهمانان با قهوه و شیرینی.")),
    ]

    /// Products bought together, by SKU: what makes "customers who bought this also bought" meaningful.
    static let bundles: [[String]] = [
        ["COF-GRK-200", "COF-BRK-CU4", "COF-CUP-002", "HON-LOU-400", "TAB-TRY-035"],
        ["COF-GRK-200", "COF-BRK-SS2", "HON-LOU-400"],
        ["COF-CAR-200", "HON-LOU-400", "TAB-GLS-004"],
        ["COF-ESP-250", "COF-FRD-KIT", "TAB-MUG-WHT"],
        ["COF-GFT-BOX", "BOK-COF-180"],
        ["TEA-MTN-050", "HON-THY-450", "TAB-MUG-BLU", "KIT-HDP-OLW"],
        ["TEA-MTN-150", "HON-THY-450", "TEA-CHA-040"],
        ["TEA-CHA-040", "TEA-LIN-025", "HON-PIN-450"],
        ["TEA-SAG-040", "HON-THY-450", "TEA-MNT-030"],
        ["TEA-VER-030", "TEA-MNT-030", "TAB-GLS-004"],
        ["TEA-GFT-006", "BOK-HRB-180", "TEA-DIK-020"],
        ["OIL-CRE-500", "OIL-OLV-350", "OIL-PST-180", "TAB-OLD-002"],
        ["OIL-CRE-3L", "KIT-PAN-026", "KIT-GIO-2L"],
        ["OIL-LAK-750", "BOK-BAK-200", "OIL-POU-300"],
        ["OIL-TST-3X1", "OIL-POU-300", "BOK-ISL-320"],
        ["KIT-MOR-OLW", "KIT-BRD-040", "KIT-SPN-003", "KIT-KNF-020", "KIT-APR-LIN"],
        ["HON-ORA-380", "HON-CHE-380", "HON-PAS-008"],
        ["HON-MAS-010", "BAT-LOT-MAS"],
        ["BAT-SOP-PUR", "BAT-SOP-LAU", "BAT-SOP-DON", "BAT-SPO-MED"],
        ["BAT-TOW-BLU", "BAT-SAL-ROS", "BAT-SPO-MED"],
        ["BAT-GFT-TRI", "BAT-LOT-MAS"],
        ["BOK-MEZ-240", "OIL-OLV-350", "TAB-BWL-022"],
        ["BOK-PER-260", "TAB-GLS-004", "COF-CAR-200"],
        ["TAB-MUG-BLU", "TAB-PLT-004", "TAB-BWL-022"],
    ]
}
