package demo

// Name parts per language ("en", "es", "fr", "de").
var firstNames = map[string][]string{
	"en": {"Alex", "Jordan", "Taylor", "Sam", "Chris", "Jamie", "Morgan", "Riley", "Casey", "Emma",
		"Olivia", "Liam", "Noah", "Ava", "Mia", "Ethan", "Chloe", "Grace", "Ben", "Lucy",
		"Daniel", "Sophie", "Ryan", "Hannah", "Nina", "Omar", "Aisha", "Wei", "Priya", "Kenji",
		"Zoe", "Max", "Leah", "Jack", "Ella", "Marcus", "Tara", "Dev", "Ruby", "Owen",
		"Isla", "Theo", "Maya", "Kai", "Jess", "Adam", "Naomi", "Tom", "Ivy", "Sean"},
	"es": {"María", "Lucía", "Carlos", "Javier", "Sofía", "Pablo", "Elena", "Diego", "Carmen", "Mateo",
		"Valentina", "Andrés", "Paula", "Alejandro", "Marta"},
	"fr": {"Camille", "Louis", "Chloé", "Hugo", "Manon", "Jules", "Léa", "Antoine", "Inès", "Théo",
		"Margaux", "Julien"},
	"de": {"Lukas", "Anna", "Felix", "Lena", "Jonas", "Mia", "Paul", "Laura", "Tobias", "Katharina",
		"Jan", "Sophie"},
}

var lastNames = map[string][]string{
	"en": {"Smith", "Johnson", "Brown", "Taylor", "Walker", "Harris", "Clarke", "Lewis", "Young", "King",
		"Patel", "Nguyen", "Kim", "Chen", "Okafor", "Murphy", "Kelly", "Wright", "Green", "Baker",
		"Hughes", "Wood", "Hall", "Turner", "Cooper", "Ward", "Reed", "Bell", "Shah", "Ali"},
	"es": {"García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz", "Moreno", "Álvarez"},
	"fr": {"Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent", "Girard"},
	"de": {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Wagner"},
}

// handleWords make nickname-style handles.
var handleWords = []string{"coffee", "latte", "bean", "espresso", "mocha", "brew", "crema", "roast",
	"quiet", "tiny", "lazy", "sunny", "urban", "night", "pixel", "river", "maple", "fox", "owl", "cat",
	"runner", "reads", "cooks", "travels", "dev", "design", "music", "plants"}

// bios per archetype; generic bios are used for everyone too.
var bios = map[Archetype][]string{
	SteadyFan: {"oat latte every morning ☕ Northwind regular", "coffee nerd. pour-over and patience.",
		"home barista in training. will talk beans for hours", "Riverside local · flat white enjoyer",
		"caffeinated UX designer. she/her", "weekend baker, weekday espresso"},
	Champion: {"Northwind regular since forever ☕ ask me what to order",
		"home barista · café reviewer · always happy to help with your order",
		"coffee nerd, local guide, latte-art hobbyist", "I review cafés so you don't have to. Northwind loyalist",
		"espresso, film cameras and long walks along the river"},
	CompetitorFan: {"nitro cold brew is a personality", "drive-thru coffee & podcasts",
		"chai > everything. scone critic", "Brewline rewards gold member lol", "tea first, coffee second"},
	Influencer: {"Food & lifestyle creator 📍 the city | collabs via DM", "Eating my way around town. 🍜☕🍰",
		"Travel · food · photography | 200+ café reviews", "Morning routines & productivity. Podcast every Tuesday.",
		"Comedian. Coffee-powered. Tour dates below"},
	InfluencerAdvocate: {"Café photographer ☕📷 | Northwind loyalist since day one",
		"Coffee writer & latte-art judge. Opinions are very much my own"},
	Bot: {"Best coffee deals daily 🔥 links below", "☕ DEALS ☕ coupons · promo codes · giveaways",
		"Daily discounts on coffee, beans & more. Follow for savings!", "Promo codes updated hourly 💸"},
	Detractor: {"just a person with opinions", "says what everyone's thinking", "customer service critic"},
}

var genericBios = []string{"", "", "dad, runner, tea & coffee", "UX designer", "nurse. night shifts.",
	"student · books · bad jokes", "software engineer. views my own", "plant parent 🌿", "he/him",
	"she/her", "they/them", "photographer", "teacher", "cyclist 🚲", "living on caffeine and hope",
	"sometimes I post", "music, memes, coffee", "lawyer by day", "mum of two", "gamer",
	"Estudiante · café y libros", "Amoureuse du café et des croissants", "Kaffee, Bücher, Berge"}
