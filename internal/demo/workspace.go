package demo

import "github.com/herald-advocacy/herald"

// Network indexes used throughout the generator.
const (
	twitter = iota
	mastodon
	bluesky
	numNets
)

var networks = [numNets]herald.Network{herald.Twitter, herald.Mastodon, herald.Bluesky}

// Brand indexes: the own brand first.
const (
	northwind = iota
	brewline
	copperKettle
	numBrands
)

// brandDef is everything the generator knows about a brand.
type brandDef struct {
	slug, name string
	handles    [numNets]string // per network, without '@'
	ids        [numNets]string // the accounts' external ids
	followers  [numNets]int64
	bio        string
	hashtags   []string
	keywords   []string
	site       string   // link domain
	products   []string // what people order there
}

var brands = [numBrands]brandDef{
	{
		slug: "northwind", name: "Northwind Coffee",
		handles:   [numNets]string{"northwindcoffee", "northwindcoffee@social.example", "northwindcoffee.bsky.social"},
		ids:       [numNets]string{"1184532907", "https://social.example/users/northwindcoffee", "did:plc:n7rwq3kxh2fmzc4vbedl5a6o"},
		followers: [numNets]int64{48_200, 6_150, 12_900},
		bio:       "Small-batch roaster & cafés. Riverside · Old Town · Harbour St · Eastgate. Order ahead in the app ☕",
		hashtags:  []string{"northwindcoffee", "northwind"},
		keywords:  []string{"Northwind", "Northwind Coffee"},
		site:      "northwindcoffee.example",
		products: []string{"oat latte", "flat white", "cold brew", "espresso", "cortado", "maple oat latte",
			"cardamom bun", "Ethiopia single origin", "house blend", "iced oat latte", "pour-over", "mocha"},
	},
	{
		slug: "brewline", name: "Brewline",
		handles:   [numNets]string{"brewline", "brewline@social.example", "brewline.bsky.social"},
		ids:       [numNets]string{"402117385", "https://social.example/users/brewline", "did:plc:b3lq6xw2vtjk7rdy4mfonc5e"},
		followers: [numNets]int64{212_000, 3_400, 18_700},
		bio:       "Coffee for the way you move. 400+ drive-thrus. Download the Brewline app.",
		hashtags:  []string{"brewline"},
		keywords:  []string{"Brewline"},
		site:      "brewline.example",
		products:  []string{"nitro cold brew", "caramel cloud latte", "vanilla cold foam", "breakfast sandwich", "drive-thru latte"},
	},
	{
		slug: "copper-kettle", name: "Copper Kettle",
		handles:   [numNets]string{"copperkettle", "copperkettle@mstdn.example", "copperkettle.bsky.social"},
		ids:       [numNets]string{"2231907764", "https://mstdn.example/users/copperkettle", "did:plc:c5kt2mz7qpwd3xhv6lrge4ay"},
		followers: [numNets]int64{36_800, 2_200, 5_300},
		bio:       "Tea, coffee & scones since 1998. Neighbourhood cafés with a copper kettle on.",
		hashtags:  []string{"copperkettle"},
		keywords:  []string{"Copper Kettle"},
		site:      "copperkettle.example",
		products:  []string{"chai latte", "scones", "London fog", "hazelnut mocha", "cinnamon roll"},
	},
}

// employeeDef is one of the fixed employee accounts.
type employeeDef struct {
	person    int // accounts with the same person number belong to one person
	net       int
	handle    string
	id        string
	name, bio string
	lang      string
	followers int64
}

var employees = []employeeDef{
	{0, twitter, "sam_pulls_shots", "1339820451877724161", "Sam Okafor", "barista at Northwind ☕ Riverside store. latte art in progress", "en", 412},
	{0, bluesky, "samokafor.bsky.social", "did:plc:s4mx7fq2ew3nd5ky6jtlbo2r", "Sam Okafor", "barista at Northwind (Riverside). he/him", "en", 198},
	{1, twitter, "priya_roasts", "2987410556", "Priya Raman", "Head roaster @northwindcoffee. Ethiopia > everything.", "en", 1_930},
	{2, mastodon, "lukasb@toot.example", "https://toot.example/users/lukasb", "Lukas Brandt", "Barista at Northwind, Old Town. Pour-over evangelist.", "de", 287},
	{3, bluesky, "meichen.bsky.social", "did:plc:m2ch5vq7ry4tk3xwa6nzle7d", "Mei Chen", "community @ northwind coffee · opinions mine", "en", 2_410},
	{4, twitter, "diegoruiz_nw", "1501274839305654272", "Diego Ruiz", "barista at Northwind Harbour St ☕🇲🇽", "es", 356},
	{4, mastodon, "diego@mstdn.example", "https://mstdn.example/users/diego", "Diego Ruiz", "barista en Northwind · café y ciclismo", "es", 94},
	{5, twitter, "hannahfox_", "883201947", "Hannah Fox", "ops & coffee. runner. she/her", "en", 760},
}

// Workspace returns the demo workspace definition: Northwind Coffee and its
// competitors Brewline and Copper Kettle, with their handles on Twitter,
// Mastodon and Bluesky, hashtags, keywords and Northwind's employee accounts.
func Workspace() herald.Workspace {
	w := herald.Workspace{Slug: "demo", Name: "Northwind Coffee (demo)"}
	for i, b := range brands {
		hb := herald.Brand{
			Slug:     b.slug,
			Name:     b.name,
			Role:     herald.RoleCompetitor,
			Handles:  map[herald.Network][]string{},
			Hashtags: append([]string(nil), b.hashtags...),
			Keywords: append([]string(nil), b.keywords...),
		}
		if i == northwind {
			hb.Role = herald.RoleOwn
			for _, e := range employees {
				hb.Employees = append(hb.Employees, herald.AccountRef{Network: networks[e.net], Handle: e.handle})
			}
		}
		for n, h := range b.handles {
			hb.Handles[networks[n]] = []string{h}
		}
		w.Brands = append(w.Brands, hb)
	}
	return w
}
