package demo

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/herald-advocacy/herald"
)

// person is one planted community member, employee or brand.
type person struct {
	arch   Archetype
	accts  []*account
	lang   string   // language the person writes in, besides English
	fav    int      // favoured brand
	fav2   int      // favoured brand after pivot (drifting fans)
	pivot  int64    // ms when fav2 takes over; 0 for none
	direct float64  // probability of @-mentioning a brand rather than naming it
	casual bool     // writes in lower case
	typos  float64  // probability of a typo per text
	code   string   // a bot's own deal code
	nth    int      // how many of its archetype were planted before it
	traits []Trait  // the overlaps planted in this person
	quiet  [2]int64 // a quiet spell [from, to) in ms: nothing happens in it
}

// quietAt reports whether ms falls in the person's quiet spell.
func (p *person) quietAt(ms int64) bool { return ms >= p.quiet[0] && ms < p.quiet[1] }

// favAt is the brand the person favours at time ms.
func (p *person) favAt(ms int64) int {
	if p.pivot != 0 && ms >= p.pivot {
		return p.fav2
	}
	return p.fav
}

// account is one identity of a person on one network.
type account struct {
	id    herald.Identity
	p     *person
	net   int
	brand int             // brand index for brand accounts, else -1
	seen  map[*node]uint8 // what this account already did to a node
}

const (
	seenLike  = 1
	seenShare = 2
)

var instances = []string{"social.example", "social.example", "social.example", "mstdn.example",
	"mstdn.example", "toot.example", "toot.example", "fedi.example", "coffee.example"}

// folder strips diacritics so that names can become handles.
var folder = strings.NewReplacer("á", "a", "à", "a", "ä", "a", "é", "e", "è", "e", "ë", "e", "í", "i",
	"ï", "i", "ó", "o", "ö", "o", "ú", "u", "ü", "u", "ñ", "n", "ç", "c", "ß", "ss", "Á", "a", "É", "e", "Ö", "o", "Ü", "u")

// asciiHandle folds a name to lower-case ASCII letters and digits.
func asciiHandle(name string) string {
	var b strings.Builder
	for _, r := range folder.Replace(strings.ToLower(name)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// newPerson plants one community member of archetype a.
func (s *sim) newPerson(a Archetype) *person {
	p := &person{arch: a, lang: s.pickLang(), direct: 0.25, typos: 0.06, nth: s.planted[a]}
	s.planted[a]++
	p.casual = s.r.Float64() < 0.2
	p.fav = s.pickFav(a)
	p.fav2 = p.fav
	switch a {
	case LoyalComplainer, Detractor:
		p.direct = 0.65
	case Champion:
		p.direct, p.typos = 0.45, 0.03
	case Bot:
		p.direct, p.typos, p.casual, p.code = 0.4, 0, false, s.dealCode()
		if !s.overlap {
			p.direct = 0 // true to type: names brands, never @mentions them
		}
	case Influencer, InfluencerAdvocate:
		p.direct, p.typos, p.casual = 0.6, 0.01, false
	case AtRisk:
		p.fav2 = 1 + s.r.IntN(2)
	}
	first, last := s.pickName(p.lang)
	nets := []int{s.pickNet()}
	if s.r.Float64() < 0.12 {
		nets = append(nets, (nets[0]+1+s.r.IntN(numNets-1))%numNets)
	}
	base := s.handleBase(a, first, last)
	display := s.displayName(first, last, base)
	bio := s.bio(a)
	for _, n := range nets {
		acc := s.newAccount(p, n, base, display, bio)
		acc.id.Followers, acc.id.Following = s.followers(a), s.following(a)
		p.accts = append(p.accts, acc)
	}
	return p
}

func (s *sim) pickLang() string {
	switch x := s.r.Float64(); {
	case x < 0.035:
		return "es"
	case x < 0.06:
		return "fr"
	case x < 0.08:
		return "de"
	}
	return "en"
}

func (s *sim) pickFav(a Archetype) int {
	switch a {
	case CompetitorFan:
		return 1 + s.r.IntN(2)
	case Occasional, Influencer, Bot, Audience:
		if x := s.r.Float64(); x < 0.25 {
			return brewline
		} else if x < 0.4 {
			return copperKettle
		}
	}
	return northwind
}

func (s *sim) pickNet() int {
	switch x := s.r.Float64(); {
	case x < 0.5:
		return twitter
	case x < 0.72:
		return mastodon
	}
	return bluesky
}

func (s *sim) pickName(lang string) (string, string) {
	if s.r.Float64() < 0.2 { // names and languages do not always agree
		lang = "en"
	}
	return pick(s.r, firstNames[lang]), pick(s.r, lastNames[lang])
}

// handleBase makes a handle stem (ASCII lower case letters, digits, '_').
func (s *sim) handleBase(a Archetype, first, last string) string {
	f := asciiHandle(first)
	l := asciiHandle(last)
	num := strconv.Itoa(s.r.IntN(990) + 10)
	if a == Bot {
		return pick(s.r, []string{"coffee", "deals", "brew", "cafe", "promo"}) + "_" +
			pick(s.r, []string{"deals", "codes", "alerts", "saver", "hub"}) + num
	}
	var b string
	switch s.r.IntN(7) {
	case 0:
		b = f + l
	case 1:
		b = f + "_" + l
	case 2:
		b = f + num
	case 3:
		b = f + l[:1]
	case 4:
		b = pick(s.r, handleWords) + f
	case 5:
		b = f + pick(s.r, handleWords) + num[:1]
	default:
		b = pick(s.r, handleWords) + "_" + pick(s.r, handleWords)
	}
	if len(b) > 13 {
		b = b[:13]
	}
	return strings.TrimSuffix(b, "_")
}

func (s *sim) displayName(first, last, base string) string {
	switch x := s.r.Float64(); {
	case x < 0.6:
		return first + " " + last
	case x < 0.72:
		return first
	case x < 0.82:
		return first + " " + pick(s.r, []string{"☕", "✨", "🌿", "🏳️‍🌈", "🎧", "📚"})
	case x < 0.92:
		r, _ := utf8.DecodeRuneInString(last)
		return first + " " + string(r) + "."
	}
	return base
}

func (s *sim) bio(a Archetype) string {
	if list := bios[a]; len(list) > 0 && s.r.Float64() < 0.7 {
		return pick(s.r, list)
	}
	return pick(s.r, genericBios)
}

// newAccount creates p's identity on network n with a unique handle.
func (s *sim) newAccount(p *person, n int, base, display, bio string) *account {
	handle := base
	for s.handles[n][handle] {
		handle = base + strconv.Itoa(s.r.IntN(100))
		base += strconv.Itoa(s.r.IntN(10))
	}
	s.handles[n][handle] = true
	id := herald.Identity{Network: networks[n], DisplayName: display, Bio: bio}
	switch n {
	case twitter:
		id.Handle = handle
		id.ExternalID = s.twitterUserID()
		id.ProfileURL = "https://twitter.com/" + handle
	case mastodon:
		inst := pick(s.r, instances)
		id.Handle = handle + "@" + inst
		id.ExternalID = "https://" + inst + "/users/" + handle
		id.ProfileURL = "https://" + inst + "/@" + handle
	default:
		id.Handle = strings.ReplaceAll(handle, "_", "-") + ".bsky.social"
		id.ExternalID = "did:plc:" + s.base32(24)
		id.ProfileURL = "https://bsky.app/profile/" + id.Handle
	}
	return &account{id: id, p: p, net: n, brand: -1}
}

// twitterUserID returns an unused user id: an old short one or a snowflake.
func (s *sim) twitterUserID() string {
	for {
		var v int64
		if s.r.IntN(2) == 0 {
			v = 10_000_000 + s.r.Int64N(3_000_000_000)
		} else {
			ms := int64(1_330_000_000_000) + s.r.Int64N(370_000_000_000) // 2012–2023
			v = (ms-twitterEpoch)<<22 | s.r.Int64N(1<<22)
		}
		id := strconv.FormatInt(v, 10)
		if !s.userIDs[id] {
			s.userIDs[id] = true
			return id
		}
	}
}

// followers draws a heavy-tailed follower count for archetype a.
func (s *sim) followers(a Archetype) int64 {
	switch a {
	case Influencer:
		return s.logUniform(50_000, 500_000)
	case InfluencerAdvocate:
		return s.logUniform(60_000, 250_000)
	case Champion:
		return s.logUniform(800, 12_000)
	case Bot:
		return s.logUniform(20, 3_000)
	}
	f := math.Exp(4.6 + 1.5*s.r.NormFloat64())
	return int64(math.Min(f, 40_000))
}

func (s *sim) following(a Archetype) int64 {
	if a == Bot {
		return s.logUniform(2_000, 7_500)
	}
	return int64(math.Min(math.Exp(5.3+s.r.NormFloat64()), 7_500))
}

func (s *sim) logUniform(lo, hi float64) int64 {
	return int64(math.Exp(math.Log(lo) + s.r.Float64()*(math.Log(hi)-math.Log(lo))))
}
