import SeededRandom

/// Given names and family names per locale, in the locale's own script with a Latin spelling for e-mail
/// addresses. Greek family names have a masculine and a feminine form (Παπαδόπουλος, Παπαδοπούλου).
struct PersonNames {
    struct Name {
        var native: String
        var latin: String
    }

    struct FamilyName {
        var masculine: Name
        var feminine: Name
    }

    var women: [Name]
    var men: [Name]
    var families: [FamilyName]

    static func forLocale(_ locale: String) -> PersonNames {
        switch locale {
        case "el": greek
        case "fa": persian
        default: english
        }
    }

    /// A first and last name, the Latin spelling of both, drawn at random.
    func draw(_ random: inout SplitMix64) -> (first: Name, last: Name) {
        let isWoman = random.chance(0.52)
        let first = random.pick(isWoman ? women : men)
        let family = random.pick(families)
        return (first, isWoman ? family.feminine : family.masculine)
    }

    private static func names(_ pairs: KeyValuePairs<String, String>) -> [Name] {
        pairs.map { Name(native: $0.key, latin: $0.value) }
    }

    /// Family names that are the same for women and men.
    private static func invariant(_ pairs: KeyValuePairs<String, String>) -> [FamilyName] {
        pairs.map {
            FamilyName(
                masculine: Name(native: $0.key, latin: $0.value), feminine: Name(native: $0.key, latin: $0.value))
        }
    }

    static let english = PersonNames(
        women: names([
            "Emma": "emma", "Olivia": "olivia", "Sophie": "sophie", "Charlotte": "charlotte", "Amelia": "amelia",
            "Grace": "grace", "Lucy": "lucy", "Hannah": "hannah", "Chloe": "chloe", "Emily": "emily",
            "Jessica": "jessica", "Laura": "laura", "Sarah": "sarah", "Anna": "anna", "Claire": "claire",
            "Rachel": "rachel", "Megan": "megan", "Katie": "katie", "Eva": "eva", "Julia": "julia",
            "Ingrid": "ingrid", "Lena": "lena", "Maeve": "maeve", "Aoife": "aoife", "Zoë": "zoe",
        ]),
        men: names([
            "James": "james", "Oliver": "oliver", "Thomas": "thomas", "William": "william", "Jack": "jack",
            "Daniel": "daniel", "Lucas": "lucas", "Matthew": "matthew", "Samuel": "samuel", "Benjamin": "benjamin",
            "Henry": "henry", "David": "david", "Michael": "michael", "Peter": "peter", "Tom": "tom",
            "Liam": "liam", "Noah": "noah", "Jan": "jan", "Lars": "lars", "Pieter": "pieter", "Conor": "conor",
            "Seán": "sean", "Markus": "markus", "Felix": "felix", "René": "rene",
        ]),
        families: invariant([
            "Smith": "smith", "Jones": "jones", "Taylor": "taylor", "Brown": "brown", "Williams": "williams",
            "Wilson": "wilson", "Johnson": "johnson", "Davies": "davies", "Robinson": "robinson", "Wright": "wright",
            "Thompson": "thompson", "Evans": "evans", "Walker": "walker", "White": "white", "Roberts": "roberts",
            "Green": "green", "Hall": "hall", "Wood": "wood", "Clarke": "clarke", "Murphy": "murphy",
            "O'Brien": "obrien", "Kelly": "kelly", "Walsh": "walsh", "Byrne": "byrne", "Müller": "mueller",
            "Schmidt": "schmidt", "Fischer": "fischer", "Weber": "weber", "de Vries": "devries", "Jansen": "jansen",
            "Bakker": "bakker", "Lindqvist": "lindqvist", "Dubois": "dubois", "Moreau": "moreau", "Rossi": "rossi",
        ]))

    static let greek = PersonNames(
        women: names([
            "Μαρία": "maria", "Ελένη": "eleni", "Κατερίνα": "katerina", "Βασιλική": "vasiliki", "Σοφία": "sofia",
            "Αγγελική": "angeliki", "Γεωργία": "georgia", "Δήμητρα": "dimitra", "Κωνσταντίνα": "konstantina",
            "Παρασκευή": "paraskevi", "Ευαγγελία": "evangelia", "Χριστίνα": "christina", "Ιωάννα": "ioanna",
            "Αναστασία": "anastasia", "Δέσποινα": "despoina", "Φωτεινή": "foteini", "Νίκη": "niki", "Ζωή": "zoi",
            "Αθηνά": "athina", "Ειρήνη": "eirini", "Θεοδώρα": "theodora", "Σταυρούλα": "stavroula",
            "Αλεξάνδρα": "alexandra", "Μυρτώ": "myrto", "Δανάη": "danai",
        ]),
        men: names([
            "Γιώργος": "giorgos", "Δημήτρης": "dimitris", "Κώστας": "kostas", "Γιάννης": "giannis", "Νίκος": "nikos",
            "Παναγιώτης": "panagiotis", "Βασίλης": "vasilis", "Χρήστος": "christos", "Μιχάλης": "michalis",
            "Ευάγγελος": "evangelos", "Σπύρος": "spyros", "Αντώνης": "antonis", "Ανδρέας": "andreas",
            "Θανάσης": "thanasis", "Στέλιος": "stelios", "Άγγελος": "angelos", "Αλέξανδρος": "alexandros",
            "Λευτέρης": "lefteris", "Πέτρος": "petros", "Σταύρος": "stavros", "Θοδωρής": "thodoris",
            "Μανώλης": "manolis", "Ηλίας": "ilias", "Φώτης": "fotis", "Άρης": "aris",
        ]),
        families: [
            ("Παπαδόπουλος", "papadopoulos", "Παπαδοπούλου", "papadopoulou"),
            ("Παπαδάκης", "papadakis", "Παπαδάκη", "papadaki"),
            ("Παππάς", "pappas", "Παππά", "pappa"),
            ("Καραγιάννης", "karagiannis", "Καραγιάννη", "karagianni"),
            ("Μακρής", "makris", "Μακρή", "makri"),
            ("Μαυρίδης", "mavridis", "Μαυρίδου", "mavridou"),
            ("Κατσαρός", "katsaros", "Κατσαρού", "katsarou"),
            ("Λαμπράκης", "lamprakis", "Λαμπράκη", "lampraki"),
            ("Σπυρόπουλος", "spyropoulos", "Σπυροπούλου", "spyropoulou"),
            ("Τσακίρης", "tsakiris", "Τσακίρη", "tsakiri"),
            ("Κωστόπουλος", "kostopoulos", "Κωστοπούλου", "kostopoulou"),
            ("Μιχαηλίδης", "michailidis", "Μιχαηλίδου", "michailidou"),
            ("Σταματόπουλος", "stamatopoulos", "Σταματοπούλου", "stamatopoulou"),
            ("Ρήγας", "rigas", "Ρήγα", "riga"),
            ("Πετρίδης", "petridis", "Πετρίδου", "petridou"),
            ("Θεοδωρίδης", "theodoridis", "Θεοδωρίδου", "theodoridou"),
            ("Βλάχος", "vlachos", "Βλάχου", "vlachou"),
            ("Αγγελόπουλος", "angelopoulos", "Αγγελοπούλου", "angelopoulou"),
        ].map {
            FamilyName(masculine: Name(native: $0.0, latin: $0.1), feminine: Name(native: $0.2, latin: $0.3))
        }
            + invariant([
                "Γεωργίου": "georgiou", "Οικονόμου": "oikonomou", "Βασιλείου": "vasileiou", "Νικολάου": "nikolaou",
                "Αλεξίου": "alexiou", "Δημητρίου": "dimitriou", "Κωνσταντίνου": "konstantinou", "Ιωάννου": "ioannou",
                "Αθανασίου": "athanasiou", "Χριστοδούλου": "christodoulou", "Παπανικολάου": "papanikolaou",
                "Αντωνίου": "antoniou", "Ζαχαρίου": "zachariou", "Αναγνώστου": "anagnostou",
            ]))

    static let persian = PersonNames(
        women: names([
            "مریم": "maryam", "زهرا": "zahra", "فاطمه": "fatemeh", "سارا": "sara", "نگار": "negar", "لیلا": "leila",
            "شیرین": "shirin", "مهسا": "mahsa", "نازنین": "nazanin", "پریسا": "parisa", "آزاده": "azadeh",
            "الهام": "elham", "ترانه": "taraneh", "یاسمن": "yasaman", "رویا": "roya", "سمیرا": "samira",
            "نیلوفر": "niloufar", "بهاره": "bahareh", "ستاره": "setareh", "مینا": "mina", "شقایق": "shaghayegh",
            "هانیه": "haniyeh",
        ]),
        men: names([
            "علی": "ali", "محمد": "mohammad", "رضا": "reza", "حسین": "hossein", "امیر": "amir", "مهدی": "mehdi",
            "سعید": "saeed", "بهرام": "bahram", "کاوه": "kaveh", "آرش": "arash", "داریوش": "dariush",
            "فرهاد": "farhad", "کامران": "kamran", "مسعود": "masoud", "پویا": "pouya", "سیاوش": "siavash",
            "بابک": "babak", "نیما": "nima", "پیمان": "peyman", "حمید": "hamid", "امید": "omid", "شهرام": "shahram",
        ]),
        families: invariant([
            "احمدی": "ahmadi", "محمدی": "mohammadi", "حسینی": "hosseini", "رضایی": "rezaei", "کریمی": "karimi",
            "موسوی": "mousavi", "جعفری": "jafari", "صادقی": "sadeghi", "رحیمی": "rahimi", "کاظمی": "kazemi",
            "هاشمی": "hashemi", "تهرانی": "tehrani", "شیرازی": "shirazi", "اصفهانی": "esfahani", "نوری": "nouri",
            "فرهادی": "farhadi", "مرادی": "moradi", "قاسمی": "ghasemi", "عباسی": "abbasi", "یزدانی": "yazdani",
            "بهرامی": "bahrami", "کرمانی": "kermani", "توکلی": "tavakoli", "سلطانی": "soltani", "امینی": "amini",
            "نیک‌نام": "niknam", "زمانی": "zamani", "افشار": "afshar",
        ]))
}
