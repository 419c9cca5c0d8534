package demo

import (
	"context"
	"fmt"
	"strings"

	"github.com/herald-advocacy/herald"
)

// Generate simulates the demo community described by opt and streams its
// activities to emit in time order, one record each. It returns a summary
// with the planted ground truth. The same options always produce the same
// records. An error returned by emit stops Generate, which returns it.
func Generate(ctx context.Context, opt Options, emit herald.Emit) (Summary, error) {
	s, sum, err := build(ctx, opt)
	if err != nil {
		return Summary{}, err
	}
	for i, n := range s.out {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return Summary{}, fmt.Errorf("demo: %w", err)
			}
		}
		if err := emit(herald.Record{Pos: int64(i + 1), Activity: &n.a}); err != nil {
			return Summary{}, err
		}
	}
	return sum, nil
}

// build runs the whole simulation.
func build(ctx context.Context, opt Options) (*sim, Summary, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, Summary{}, err
	}
	counts, err := Counts(opt.People, opt.Mix)
	if err != nil {
		return nil, Summary{}, err
	}
	s := newSim(opt)
	s.populate(counts)
	for _, p := range s.people {
		s.plan(p)
	}
	if err := s.run(ctx); err != nil {
		return nil, Summary{}, fmt.Errorf("demo: %w", err)
	}
	s.finishMetrics()
	return s, s.summary(opt), nil
}

// populate creates the brands, the employees and the community.
func (s *sim) populate(counts map[Archetype]int) {
	for b, d := range brands {
		p := &person{arch: BrandAccount, lang: "en", fav: b, fav2: b}
		for n := range numNets {
			id := herald.Identity{Network: networks[n], ExternalID: d.ids[n], Handle: d.handles[n],
				DisplayName: d.name, Bio: d.bio, Followers: d.followers[n], Following: 300 + int64(b)*211,
				ProfileURL: profileURL(n, d.handles[n], d.ids[n])}
			acc := &account{id: id, p: p, net: n, brand: b}
			s.brandAcc[b][n] = acc
			p.accts = append(p.accts, acc)
		}
		s.people = append(s.people, p)
	}
	var staff []*person
	for _, e := range employees {
		if e.person >= len(staff) {
			staff = append(staff, &person{arch: Employee, lang: e.lang, direct: 0.5, typos: 0.03})
		}
		p := staff[e.person]
		id := herald.Identity{Network: networks[e.net], ExternalID: e.id, Handle: e.handle, DisplayName: e.name,
			Bio: e.bio, Followers: e.followers, Following: 180 + e.followers/3, ProfileURL: profileURL(e.net, e.handle, e.id)}
		p.accts = append(p.accts, &account{id: id, p: p, net: e.net, brand: -1})
	}
	s.people = append(s.people, staff...)
	for _, a := range Archetypes {
		for range counts[a] {
			s.people = append(s.people, s.newPerson(a))
		}
	}
	s.index()
}

// index lists who answers questions and who chatters, per network.
func (s *sim) index() {
	for _, p := range s.people {
		for _, acc := range p.accts {
			switch p.arch {
			case Champion: // answers more than anyone: listed three times
				for range 3 {
					s.answerers[northwind][acc.net] = append(s.answerers[northwind][acc.net], acc)
				}
				s.champions[acc.net] = append(s.champions[acc.net], acc)
			case SteadyFan, InfluencerAdvocate, Employee:
				s.answerers[northwind][acc.net] = append(s.answerers[northwind][acc.net], acc)
			case CompetitorFan:
				s.answerers[p.fav][acc.net] = append(s.answerers[p.fav][acc.net], acc)
			case Audience, Occasional:
				s.chatters[acc.net] = append(s.chatters[acc.net], acc)
			}
		}
	}
}

// profileURL is the public profile address of an account.
func profileURL(net int, handle, id string) string {
	switch net {
	case twitter:
		return "https://twitter.com/" + handle
	case mastodon:
		return strings.Replace(id, "/users/", "/@", 1)
	}
	return "https://bsky.app/profile/" + handle
}

// finishMetrics sets the engagement counts of posts, replies and quotes:
// what the simulated community gave them plus what the rest of the
// author's audience, unseen here, would have.
func (s *sim) finishMetrics() {
	for _, n := range s.out {
		switch n.a.Kind {
		case herald.KindPost, herald.KindReply, herald.KindQuote:
		default:
			continue
		}
		extra := int64(float64(n.acc.id.Followers) * 0.0015 * reach(n) * (0.3 + 1.4*s.r.Float64()))
		n.a.Metrics = herald.Metrics{
			Likes:   n.likes + extra,
			Shares:  n.shares + extra/6 + s.r.Int64N(2)*(extra/12),
			Replies: n.replies + extra/40,
			Quotes:  n.quotes + extra/150,
		}
	}
}

// reach scales how far a text of n's kind travels beyond the community.
func reach(n *node) float64 {
	if n.a.Kind == herald.KindReply {
		return 0.2
	}
	switch n.in {
	case iNews, iPhoto:
		return 2
	case iPraise, iRecommend, iReview, iGlowing:
		return 1.5
	case iRoundup:
		return 1.2
	case iQuestion:
		return 0.4
	case iPromo:
		return 0.05
	}
	return 0.8
}

// summary counts what was generated and records the ground truth.
func (s *sim) summary(opt Options) Summary {
	sum := Summary{Start: opt.Start, End: opt.End, People: map[Archetype]int{}, Kinds: map[herald.Kind]int{},
		Networks: map[herald.Network]int{}, Activities: len(s.out), Truth: map[string]Archetype{},
		Traits: map[string][]Trait{}}
	active := map[*account]bool{}
	for _, n := range s.out {
		sum.Kinds[n.a.Kind]++
		sum.Networks[n.a.Network]++
		active[n.acc] = true
	}
	for _, p := range s.people {
		sum.People[p.arch]++
		var keys []string
		for _, acc := range p.accts {
			if active[acc] {
				k := acc.id.Key().String()
				sum.Truth[k] = p.arch
				if len(p.traits) > 0 {
					sum.Traits[k] = p.traits
				}
				keys = append(keys, k)
			}
		}
		if len(keys) > 1 {
			sum.Linked = append(sum.Linked, keys)
		}
	}
	return sum
}
