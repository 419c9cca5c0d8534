package demo

import "github.com/herald-advocacy/herald"

// react schedules what a new post or reply provokes: the brand's answer,
// other customers' answers and chatter, the author's follow-up to a brand
// reply. parent is the activity n replies to, if any.
func (s *sim) react(n *node, parent *node) {
	switch {
	case n.acc.brand >= 0:
		if parent != nil {
			s.followUp(n, parent)
		}
	case n.a.Kind == herald.KindReply:
		if n.in == iAnswer && s.r.Float64() < 0.5 {
			s.push(event{at: n.ms + s.delay(30, 1, 1, 600), acc: parent.acc, act: doLike, target: n})
		}
	default:
		s.brandResponse(n)
		s.answer(n)
		s.chatter(n)
		s.welcome(n)
	}
}

// brandResponse makes the brand n is about answer it (questions,
// complaints, ideas, some praise) and like or share fans' praise.
func (s *sim) brandResponse(n *node) {
	b := int(n.brand)
	if b < 0 || n.acc.p.arch == Bot || n.acc.p.arch == Employee {
		return
	}
	var reply intent
	var p float64
	switch n.in {
	case iQuestion:
		reply, p = iBrandAnswer, 0.8
	case iComplaint, iRant:
		reply, p = iBrandSorry, 0.7
	case iIdea:
		reply, p = iBrandIdea, 0.5
	case iPraise, iRecommend, iPhoto, iReview, iGlowing, iChallenge, iGrudging, iMild:
		reply, p = iBrandThanks, 0.15
		s.brandAmplify(n, b)
	case iWavering:
		reply, p = iBrandSorry, 0.3
	case iCompare:
		if int(n.other) == northwind {
			b, reply, p = northwind, iBrandSorry, 0.3
		} else {
			reply, p = iBrandThanks, 0.1
		}
	default:
		return
	}
	median := 75.0 // minutes
	if b != northwind {
		p, median = p*0.5, 300
	}
	if !contains(n.a.Mentions, brands[b].handles[n.acc.net]) {
		p *= 0.6 // an @mention asks for attention; a name is easier to miss
	}
	if s.r.Float64() < p {
		s.push(event{at: n.ms + s.delay(median, 1.1, 3, 30*60), acc: s.brandAcc[b][n.acc.net],
			act: doReply, in: reply, brand: int8(b), other: -1, target: n})
	}
}

// brandAmplify has the brand like, and sometimes share, a fan's praise.
func (s *sim) brandAmplify(n *node, b int) {
	like, share := 0.35, 0.06
	if n.in == iPhoto {
		share = 0.15
	}
	if b != northwind {
		like, share = like/2, share/2
	}
	acc := s.brandAcc[b][n.acc.net]
	if s.r.Float64() < like {
		s.push(event{at: n.ms + s.delay(60, 1.2, 2, 24*60), acc: acc, act: doLike, target: n})
	}
	if s.r.Float64() < share {
		s.push(event{at: n.ms + s.delay(120, 1.2, 5, 24*60), acc: acc, act: doShare, target: n})
	}
}

// answer has another customer answer a question about a brand.
func (s *sim) answer(n *node) {
	if n.in != iQuestion || n.brand < 0 || s.r.Float64() > 0.45 {
		return
	}
	list := s.answerers[n.brand][n.acc.net]
	if len(list) == 0 {
		return
	}
	a := pick(s.r, list)
	if a.p == n.acc.p {
		return
	}
	s.push(event{at: n.ms + s.delay(40, 1.2, 2, 12*60), acc: a, act: doReply, in: iAnswer,
		brand: n.brand, other: -1, target: n})
}

// chatter has a random community member drop a short reply.
func (s *sim) chatter(n *node) {
	p := 0.04
	switch {
	case n.acc.p.arch == Influencer || n.acc.p.arch == InfluencerAdvocate:
		p = 0.5
	case n.in == iPhoto || n.in == iRecommend || n.in == iReview:
		p = 0.08
	case n.in == iPromo:
		p = 0
	}
	list := s.chatters[n.acc.net]
	if len(list) == 0 || s.r.Float64() > p {
		return
	}
	a := pick(s.r, list)
	if a.p != n.acc.p {
		s.push(event{at: n.ms + s.delay(30, 1.2, 1, 24*60), acc: a, act: doReply, in: iChatter,
			brand: n.brand, other: -1, target: n})
	}
}

// followUp has a customer react to the brand's reply br to their post:
// thanks, impatience, anger, or a like.
func (s *sim) followUp(br, parent *node) {
	acc := parent.acc
	if acc.brand >= 0 {
		return
	}
	x := s.r.Float64()
	in, ok := followUpIntent(acc.p.arch, br.in, x)
	at := br.ms + s.delay(20, 1.2, 1, 12*60)
	switch {
	case ok:
		s.push(event{at: at, acc: acc, act: doReply, in: in, brand: br.brand, other: -1, target: br})
	case x < 0.5 && br.in != iBrandSorry:
		s.push(event{at: at, acc: acc, act: doLike, target: br})
	}
}

// followUpIntent decides whether (and how) a person of archetype a writes
// back to a brand reply of intent reply; x is a uniform draw.
func followUpIntent(a Archetype, reply intent, x float64) (intent, bool) {
	switch {
	case a == Detractor && reply == iBrandSorry:
		return iAngry, x < 0.45
	case a == LoyalComplainer && reply == iBrandSorry:
		if x < 0.35 {
			return iThanks, true
		}
		return iStillWaiting, x < 0.5
	case reply == iBrandSorry || reply == iBrandAnswer:
		return iThanks, x < 0.2
	}
	return 0, false
}
