package demo

import (
	"container/heap"
	"context"
	"math"
	"math/rand/v2"
	"time"

	"github.com/herald-advocacy/herald"
)

// node is one generated activity plus what the simulation needs to know
// about it.
type node struct {
	a     herald.Activity
	ms    int64 // CreatedAt in Unix milliseconds
	acc   *account
	in    intent
	brand int8 // the brand the activity is about, -1 for none
	other int8 // the other brand of a comparison, -1 for none
	// engagement received inside the simulated community
	likes, shares, replies, quotes int64
	pop                            float64 // how attractive the post is to like and share
}

// action is what an event does when its time comes.
type action uint8

const (
	doPost   action = iota
	doQuote         // quote a recent post (a post when there is none)
	doEngage        // like or share a recent post chosen then
	doLike          // like target
	doShare         // share target
	doReply         // reply to target
	doFollow        // follow brand's account
)

// event is a planned or triggered act.
type event struct {
	at     int64 // Unix milliseconds
	seq    uint64
	acc    *account
	act    action
	in     intent
	brand  int8
	other  int8
	share  bool // doEngage: share rather than like
	target *node
}

// queue orders events by time, then by scheduling order.
type queue []event

func (q queue) Len() int { return len(q) }
func (q queue) Less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].seq < q[j].seq
}
func (q queue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *queue) Push(x any)   { *q = append(*q, x.(event)) }
func (q *queue) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}

// poolSize is how many recent posts per network people pick from when they
// like, share or quote something.
const poolSize = 192

type ring struct {
	buf [poolSize]*node
	n   int
}

func (r *ring) add(n *node) {
	r.buf[r.n%poolSize] = n
	r.n++
}

// sim is one run of the generator.
type sim struct {
	r          *rand.Rand
	start, end int64 // the window, Unix milliseconds
	people     []*person
	brandAcc   [numBrands][numNets]*account
	answerers  [numBrands][numNets][]*account // who answers questions about a brand
	chatters   [numNets][]*account            // who drops short replies
	champions  [numNets][]*account            // who welcomes newcomers
	overlap    bool                           // Options.Difficulty is Realistic
	planted    map[Archetype]int              // people planted so far
	pool       [numNets]ring
	q          queue
	evSeq      uint64
	idSeq      uint64
	out        []*node // activities in time order
	handles    [numNets]map[string]bool
	userIDs    map[string]bool
}

func newSim(opt Options) *sim {
	seed := uint64(opt.Seed)
	s := &sim{
		r:       rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		start:   opt.Start.UnixMilli(),
		end:     opt.End.UnixMilli(),
		userIDs: map[string]bool{},
		overlap: opt.Difficulty == Realistic,
		planted: map[Archetype]int{},
	}
	for i := range s.handles {
		s.handles[i] = map[string]bool{}
	}
	return s
}

// push schedules e; events outside the window or in the actor's quiet
// spell never happen.
func (s *sim) push(e event) {
	if e.at < s.start || e.at > s.end || e.acc == nil || e.acc.p.quietAt(e.at) {
		return
	}
	s.evSeq++
	e.seq = s.evSeq
	heap.Push(&s.q, e)
}

// run plays the events in time order.
func (s *sim) run(ctx context.Context) error {
	for i := 0; s.q.Len() > 0; i++ {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		e := heap.Pop(&s.q).(event)
		s.do(&e)
	}
	return nil
}

func (s *sim) do(e *event) {
	switch e.act {
	case doPost:
		s.post(e, nil)
	case doQuote:
		s.post(e, s.pickTarget(e.acc, e.at, 0))
	case doEngage:
		if t := s.pickTarget(e.acc, e.at, flag(e.share)); t != nil {
			s.engage(e, t, e.share)
		}
	case doLike, doShare:
		s.engage(e, e.target, e.act == doShare)
	case doReply:
		s.reply(e)
	case doFollow:
		s.follow(e)
	}
}

func flag(share bool) uint8 {
	if share {
		return seenShare
	}
	return seenLike
}

// newNode records a new activity of kind k for event e.
func (s *sim) newNode(e *event, k herald.Kind, subject, subjectURL string) *node {
	n := &node{ms: e.at, acc: e.acc, in: e.in, brand: e.brand, other: e.other, pop: 1}
	a := &n.a
	a.Network = networks[e.acc.net]
	a.Kind = k
	a.CreatedAt = time.UnixMilli(e.at).UTC()
	a.Author = e.acc.id
	a.Author.ObservedAt = a.CreatedAt
	a.Metrics = herald.UnknownMetrics()
	a.ExternalID, a.URL = s.activityID(e.acc, k, e.at, subject, subjectURL)
	s.out = append(s.out, n)
	return n
}

// post publishes an original post, or a quote of quoted when it is set.
func (s *sim) post(e *event, quoted *node) {
	var n *node
	if quoted != nil {
		n = s.newNode(e, herald.KindQuote, "", "")
		n.a.Subject, n.a.SubjectAuthor = quoted.a.ExternalID, quoted.acc.id.Handle
		quoted.quotes++
	} else {
		n = s.newNode(e, herald.KindPost, "", "")
	}
	s.compose(n, nil)
	n.pop = s.popularity(n)
	s.pool[e.acc.net].add(n)
	s.react(n, nil)
}

// engage likes or shares t, once per account.
func (s *sim) engage(e *event, t *node, share bool) {
	f := flag(share)
	if t == nil || t.acc == e.acc || e.acc.seen[t]&f != 0 {
		return
	}
	if e.acc.seen == nil {
		e.acc.seen = map[*node]uint8{}
	}
	e.acc.seen[t] |= f
	k := herald.KindLike
	if share {
		k = herald.KindShare
		t.shares++
	} else {
		t.likes++
	}
	e.brand, e.other = t.brand, -1
	n := s.newNode(e, k, t.a.ExternalID, t.a.URL)
	n.a.Subject, n.a.SubjectAuthor = t.a.ExternalID, t.acc.id.Handle
}

// reply answers e.target.
func (s *sim) reply(e *event) {
	t := e.target
	n := s.newNode(e, herald.KindReply, "", "")
	n.a.InReplyTo, n.a.InReplyToAuthor = t.a.ExternalID, t.acc.id.Handle
	n.a.Conversation = t.a.Conversation
	if n.a.Conversation == "" {
		n.a.Conversation = t.a.ExternalID
	}
	t.replies++
	s.compose(n, t)
	s.react(n, t)
}

// follow makes e.acc follow brand e.brand's account on its network.
func (s *sim) follow(e *event) {
	b := s.brandAcc[e.brand][e.acc.net]
	n := s.newNode(e, herald.KindFollow, b.id.ExternalID, b.id.ProfileURL)
	n.a.Subject, n.a.SubjectAuthor = b.id.ExternalID, b.id.Handle
}

// pickTarget chooses a recent post on acc's network for acc to like,
// share (flag) or quote: popular posts, fresh ones and ones about the
// brand the person favours are likelier.
func (s *sim) pickTarget(acc *account, ms int64, f uint8) *node {
	r := &s.pool[acc.net]
	fav := acc.p.favAt(ms)
	var w [poolSize]float64
	total := 0.0
	for i, c := range r.buf {
		if c == nil || c.acc.p == acc.p {
			continue
		}
		age := float64(ms-c.ms) / 3.6e6
		if age > 72 {
			continue
		}
		x := c.pop / (1 + age/6)
		if int(c.brand) == fav {
			x *= 4
		}
		if c.acc.brand == fav {
			x *= 2
		}
		w[i] = x
		total += x
	}
	for try := 0; try < 3 && total > 0; try++ {
		c := r.buf[weightedIndex(s.r.Float64()*total, w[:])]
		if acc.seen[c]&f == 0 {
			return c
		}
	}
	return nil
}

// weightedIndex returns the index where the running sum of w passes x,
// skipping zero weights.
func weightedIndex(x float64, w []float64) int {
	last := 0
	for i, v := range w {
		if v <= 0 {
			continue
		}
		last = i
		if x -= v; x < 0 {
			return i
		}
	}
	return last
}

// popularity is how likely a new post is to be liked and shared.
func (s *sim) popularity(n *node) float64 {
	p := 0.5 + math.Log10(float64(n.acc.id.Followers)+10)/3
	switch {
	case n.acc.brand == northwind:
		p = 6
	case n.acc.brand >= 0:
		p = 5
	case n.acc.p.arch == Influencer:
		p = 8
	case n.acc.p.arch == InfluencerAdvocate:
		p = 6
	case n.acc.p.arch == Bot:
		p = 0.1
	}
	switch n.in {
	case iPhoto, iReview:
		p *= 2
	case iPraise, iRecommend, iGlowing, iChallenge:
		p *= 1.3
	case iComplaint, iRant, iQuestion:
		p *= 0.5
	}
	return p
}

// delay draws a log-normal delay in milliseconds with the given median
// (minutes), clamped to [lo, hi] minutes.
func (s *sim) delay(median, sigma, lo, hi float64) int64 {
	m := median * math.Exp(sigma*s.r.NormFloat64())
	m = math.Max(lo, math.Min(hi, m))
	return int64(m*60_000) + s.r.Int64N(1000)
}

// pick returns a random element of list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }
