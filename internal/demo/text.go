package demo

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/herald-advocacy/herald"
)

// intent is what a text sets out to say; it selects the templates.
type intent uint8

const (
	iPraise intent = iota
	iRecommend
	iPhoto
	iQuestion
	iComplaint
	iRant // a detractor's angry complaint
	iIdea
	iCompare // {b} favoured over {o}
	iNeutral
	iRoundup // an influencer naming several brands
	iPromo   // a bot's promotional post
	iNews    // a brand account's own post
	iStaff   // an employee's post
	iAnswer  // a customer answering another customer's question
	iBrandAnswer
	iBrandSorry
	iBrandThanks
	iBrandIdea
	iThanks // follow-up to a brand reply: resolved
	iStillWaiting
	iAngry // follow-up to a brand reply: not appeased
	iChatter
	iReview    // a champion's long, detailed recommendation
	iChallenge // a big burst: trying the whole menu in a few days
	iGlowing   // an occasional customer's one glowing post
	iMild      // an influencer's mildly positive aside
	iGrudging  // a competitor's fan praising {b} despite {o}
	iWavering  // a drifting fan's doubts, {o} tempting them
	iTip       // a champion's reply to a newcomer
	numIntents
)

// emoji returns the emoji set fitting the intent's mood.
func (in intent) emoji() []string {
	switch in {
	case iComplaint, iRant, iAngry, iStillWaiting:
		return unhappy
	case iNeutral, iRoundup, iQuestion, iAnswer, iChatter, iMild, iWavering:
		return neutral
	}
	return happy
}

// shout is how often a text of this intent is written in capitals.
func (in intent) shout() float64 {
	switch in {
	case iRant:
		return 0.35
	case iAngry:
		return 0.3
	case iComplaint:
		return 0.06
	case iPraise, iRecommend:
		return 0.04
	}
	return 0
}

// media is how many photos a post of this intent usually carries.
func (s *sim) media(in intent, a Archetype) int {
	switch {
	case in == iPhoto:
		return 1 + s.r.IntN(3)
	case in == iReview || in == iChallenge:
		return s.r.IntN(3)
	case in == iNews || in == iPromo || a == Influencer:
		return s.r.IntN(2)
	case (in == iPraise || in == iRecommend || in == iStaff) && s.r.Float64() < 0.12:
		return 1
	}
	return 0
}

// compose writes n's text, language, entities and media. parent is the
// activity n replies to, if any.
func (s *sim) compose(n *node, parent *node) {
	tmpls, lang := s.templates(n, parent)
	text := s.style(tidy(s.render(pick(s.r, tmpls), n)), n.in, n.acc)
	if n.acc.brand < 0 && n.brand >= 0 && n.a.Kind != herald.KindReply {
		switch x := s.r.Float64(); {
		case x < 0.1:
			text += " #" + pick(s.r, tags)
		case x < 0.16:
			text += " #" + brands[n.brand].hashtags[0]
		}
	}
	if n.in == iPromo && s.overlap {
		text += pick(s.r, promoTails) // bots vary their texts to dodge spam filters
	}
	if parent != nil && n.a.Kind == herald.KindReply && n.acc.net != bluesky {
		text = "@" + parent.acc.id.Handle + " " + text
	}
	n.a.Text, n.a.Lang = text, lang
	n.a.Mentions, n.a.Hashtags, n.a.Links = entities(text)
	n.a.Media = s.media(n.in, n.acc.p.arch)
}

// templates picks the template list and its language: the author's own
// language most of the time, and a brand answers in the language it was
// addressed in.
func (s *sim) templates(n *node, parent *node) ([]string, string) {
	want := n.acc.p.lang
	if n.acc.brand >= 0 && parent != nil {
		want = parent.a.Lang
	}
	if f := foreign[want]; f != nil && len(f[n.in]) > 0 && (n.acc.brand >= 0 || s.r.Float64() < 0.75) {
		return f[n.in], want
	}
	return english[n.in], "en"
}

// articles fixes "a" before the products that start with a vowel.
var articles = strings.NewReplacer(" a espresso", " an espresso", " a oat", " an oat", " a iced", " an iced",
	" a Ethiopia", " an Ethiopia")

// tidy fixes articles and the spaces left by empty emoji slots.
func tidy(text string) string {
	return strings.Join(strings.Fields(articles.Replace(text)), " ")
}

// render fills a template's slots.
func (s *sim) render(t string, n *node) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		j := strings.IndexByte(t, '}')
		if i < 0 || j < i {
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		b.WriteString(s.slot(t[i+1:j], n))
		t = t[j+1:]
	}
}

func (s *sim) slot(name string, n *node) string {
	br, other := int(n.brand), int(n.other)
	if br < 0 {
		br = northwind
	}
	if other < 0 || other == br {
		other = (br + 1) % numBrands
	}
	switch name {
	case "b":
		return s.brandRef(br, n.acc)
	case "o":
		return s.brandRef(other, n.acc)
	case "x":
		return s.brandRef(numBrands-br-other, n.acc)
	case "p":
		return pick(s.r, brands[br].products)
	case "q":
		return pick(s.r, brands[other].products)
	case "s":
		return pick(s.r, stores)
	case "f":
		return pick(s.r, features)
	case "d":
		return pick(s.r, days)
	case "n":
		return strconv.Itoa(10 + s.r.IntN(40))
	case "e":
		return pick(s.r, n.in.emoji())
	case "u":
		return "https://" + brands[br].site + "/" + pick(s.r, sitePaths)
	case "l":
		return "https://deals.example/c/" + s.base32(6) + "?ref=" + strconv.Itoa(100+s.r.IntN(900))
	case "c":
		if n.acc.p.code != "" && !s.overlap {
			return n.acc.p.code
		}
		return s.dealCode()
	}
	return ""
}

// brandRef names brand b the way acc's person tends to: an @mention, the
// brand's name or its hashtag.
func (s *sim) brandRef(b int, acc *account) string {
	d := brands[b]
	if acc.brand >= 0 {
		return d.keywords[0]
	}
	x := s.r.Float64()
	switch {
	case x < acc.p.direct:
		return "@" + d.handles[acc.net]
	case x < acc.p.direct+(1-acc.p.direct)*0.8:
		k := pick(s.r, d.keywords)
		if s.r.Float64() < 0.15 {
			k = strings.ToLower(k)
		}
		return k
	}
	return "#" + d.hashtags[0]
}

// style applies the author's habits: lower case, shouting, typos.
func (s *sim) style(text string, in intent, acc *account) string {
	if acc.brand >= 0 {
		return text
	}
	p := acc.p
	if p.casual {
		text = strings.ToLower(text)
	}
	if shout := in.shout(); shout > 0 && s.r.Float64() < shout {
		text = mapWords(text, strings.ToUpper)
	}
	if p.typos > 0 && s.r.Float64() < p.typos {
		text = s.typo(text)
	}
	return text
}

// mapWords applies f to every word that is not a mention, hashtag or link.
func mapWords(text string, f func(string) string) string {
	words := strings.Split(text, " ")
	for i, w := range words {
		if !isEntity(w) {
			words[i] = f(w)
		}
	}
	return strings.Join(words, " ")
}

func isEntity(w string) bool {
	return strings.HasPrefix(w, "@") || strings.HasPrefix(w, "#") || strings.HasPrefix(w, "http")
}

// typo swaps two adjacent letters of one plain ASCII word of four letters
// or more.
func (s *sim) typo(text string) string {
	words := strings.Split(text, " ")
	var cand []int
	for i, w := range words {
		if len(w) >= 4 && !isEntity(w) && isASCIIWord(w) && !isBrandWord(w) {
			cand = append(cand, i)
		}
	}
	if len(cand) == 0 {
		return text
	}
	i := cand[s.r.IntN(len(cand))]
	w := []byte(words[i])
	k := 1 + s.r.IntN(len(w)-2)
	w[k], w[k+1] = w[k+1], w[k]
	words[i] = string(w)
	return strings.Join(words, " ")
}

// isBrandWord reports whether w is part of a brand name: typos stay out of
// brand names so that every text keeps naming its brand.
func isBrandWord(w string) bool {
	w = strings.ToLower(w)
	return strings.Contains(w, "northwind") || strings.Contains(w, "brewline") ||
		strings.Contains(w, "copper") || strings.Contains(w, "kettle")
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// entities extracts the mentions (lower case, without '@'), hashtags
// (without '#') and links of a text, as a network would report them.
func entities(text string) (mentions, hashtags, links []string) {
	for _, w := range strings.Fields(text) {
		switch {
		case strings.HasPrefix(w, "https://"):
			links = append(links, strings.TrimRight(w, ".,!?…)"))
		case strings.HasPrefix(w, "@"):
			h := strings.TrimRight(strings.ToLower(takeWhile(w[1:], isHandleRune)), ".-@")
			if h != "" && !contains(mentions, h) {
				mentions = append(mentions, h)
			}
		case strings.HasPrefix(w, "#"):
			if t := takeWhile(w[1:], isTagRune); t != "" && !contains(hashtags, t) {
				hashtags = append(hashtags, t)
			}
		}
	}
	return mentions, hashtags, links
}

func takeWhile(s string, ok func(rune) bool) string {
	for i, r := range s {
		if !ok(r) {
			return s[:i]
		}
	}
	return s
}

func isHandleRune(r rune) bool {
	return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.' || r == '-' || r == '@')
}

func isTagRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
