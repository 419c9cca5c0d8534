package activitystreams

// maxDecodeDepth bounds how deep inline objects are decoded; deeper values
// are validated and skipped.
const maxDecodeDepth = 32

// object is the part of an ActivityStreams object, activity, actor, link or
// collection that Herald reads. Every property that may hold an IRI, an
// inline object or an array of those is a *ref (nil when absent).
type object struct {
	ID                string
	Type              string
	Published         string
	Updated           string
	Content           string
	ContentMap        []langText
	Name              string
	Summary           string
	PreferredUsername string
	Href              string // Link, Mention
	MediaType         string // Link
	Network           string // the Herald extension "herald:network"
	TotalItems        int64  // collections; -1 when absent

	Actor, Object, AttributedTo, InReplyTo, URL  *ref
	Tag, Attachment, Quote                       *ref
	Replies, Likes, Shares, Followers, Following *ref
	Items, First                                 *ref // items or orderedItems
}

// langText is one entry of a contentMap.
type langText struct{ Lang, Text string }

// ref is a property value: an IRI, an inline object, or an array of those.
// raw is the value's input bytes (a sub-slice of the record).
type ref struct {
	raw  []byte
	iri  string
	obj  *object
	list []ref
}

// decode reads one JSON value: the record or line being imported. The
// objects it returns live in a until its next reset.
func decode(data []byte, a *arena) (*ref, error) {
	a.reset()
	s := &a.scanner
	*s = scanner{data: data, arena: a, scratch: s.scratch, list: s.list}
	r := a.newRef()
	s.ref(r, 0)
	s.end()
	s.data = nil
	if s.err != nil {
		return nil, s.err
	}
	return r, nil
}

// ref reads a property value into r.
func (s *scanner) ref(r *ref, depth int) {
	start := s.i
	switch c := s.peek(); {
	case c == '"':
		r.iri = string(s.readString())
	case c == '{' && depth < maxDecodeDepth:
		r.obj = s.object(depth + 1)
	case c == '[' && depth < maxDecodeDepth:
		r.list = s.array(depth)
	default:
		s.skip()
	}
	if s.err == nil {
		r.raw = trimSpace(s.data[start:s.i])
	}
}

// array reads the elements of an array at the current '['. They are
// gathered on the scanner's stack of refs and copied to a slice of the
// right size.
func (s *scanner) array(depth int) []ref {
	if !s.enter() {
		return nil
	}
	base := len(s.list)
	for first := true; s.more(']', first); first = false {
		var e ref
		s.ref(&e, depth+1)
		s.list = append(s.list, e)
	}
	list := make([]ref, len(s.list)-base)
	copy(list, s.list[base:])
	clear(s.list[base:])
	s.list = s.list[:base]
	return list
}

// optRef reads a property value, returning nil for null.
func (s *scanner) optRef(depth int) *ref {
	r := s.arena.newRef()
	s.ref(r, depth)
	if r.iri == "" && r.obj == nil && r.list == nil {
		return nil
	}
	return r
}

// object reads an object at the current '{'.
func (s *scanner) object(depth int) *object {
	o := s.arena.newObject()
	if !s.enter() {
		return o
	}
	for first := true; s.more('}', first); first = false {
		k := s.key()
		if s.err != nil {
			break
		}
		s.member(o, k, depth)
	}
	return o
}

// member reads the value of member k into o. As in encoding/json, the last
// of duplicate members wins.
func (s *scanner) member(o *object, k []byte, depth int) {
	switch string(k) {
	case "id":
		o.ID = s.str()
	case "type":
		o.Type = s.typeName()
	case "published":
		o.Published = s.str()
	case "updated":
		o.Updated = s.str()
	case "content":
		o.Content = s.str()
	case "contentMap":
		o.ContentMap = s.langMap()
	case "name":
		o.Name = s.str()
	case "summary":
		o.Summary = s.str()
	case "preferredUsername":
		o.PreferredUsername = s.str()
	case "href":
		o.Href = s.str()
	case "mediaType":
		o.MediaType = s.str()
	case "herald:network":
		o.Network = s.str()
	case "totalItems":
		if n, ok := s.integer(); ok {
			o.TotalItems = n
		}
	default:
		if p := o.refField(k); p != nil {
			*p = s.optRef(depth)
		} else {
			s.skip()
		}
	}
}

// refField returns the field of o that holds property k, or nil.
func (o *object) refField(k []byte) **ref {
	switch string(k) {
	case "actor":
		return &o.Actor
	case "object":
		return &o.Object
	case "attributedTo":
		return &o.AttributedTo
	case "inReplyTo":
		return &o.InReplyTo
	case "url":
		return &o.URL
	case "tag":
		return &o.Tag
	case "attachment":
		return &o.Attachment
	case "quote", "quoteUrl", "quoteUri", "_misskey_quote":
		return &o.Quote
	case "replies":
		return &o.Replies
	case "likes":
		return &o.Likes
	case "shares":
		return &o.Shares
	case "followers":
		return &o.Followers
	case "following":
		return &o.Following
	case "items", "orderedItems":
		return &o.Items
	case "first":
		return &o.First
	}
	return nil
}

// typeName reads "type": a name, or an array of names (JSON-LD allows
// several) of which the first one Herald knows is kept.
func (s *scanner) typeName() string {
	if s.peek() != '[' {
		return s.name()
	}
	var first string
	if s.enter() {
		for f := true; s.more(']', f); f = false {
			t := s.name()
			if first == "" || !known(first) && known(t) {
				first = t
			}
		}
	}
	return first
}

// langMap reads a contentMap: language tag → HTML.
func (s *scanner) langMap() []langText {
	if s.peek() != '{' {
		s.skip()
		return nil
	}
	var m []langText
	if s.enter() {
		for first := true; s.more('}', first); first = false {
			k := string(s.key())
			if t := s.str(); t != "" {
				m = append(m, langText{Lang: k, Text: t})
			}
		}
	}
	return m
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r') {
		b = b[1:]
	}
	return b
}

// id returns the IRI r refers to: the IRI itself, an inline object's id, or
// the first of a list that has one.
func (r *ref) id() string {
	switch {
	case r == nil:
		return ""
	case r.iri != "":
		return r.iri
	case r.obj != nil:
		return r.obj.ID
	}
	for i := range r.list {
		if id := r.list[i].id(); id != "" {
			return id
		}
	}
	return ""
}

// first returns the first non-empty entry of r: r itself unless it is a
// list.
func (r *ref) first() *ref {
	if r == nil || r.list == nil {
		return r
	}
	for i := range r.list {
		if e := &r.list[i]; e.iri != "" || e.obj != nil {
			return e
		}
	}
	return nil
}

// inline returns the first inline object of r, or nil.
func (r *ref) inline() *object {
	if r == nil {
		return nil
	}
	if r.obj != nil {
		return r.obj
	}
	for i := range r.list {
		if o := r.list[i].inline(); o != nil {
			return o
		}
	}
	return nil
}

// each calls fn for every entry of r (one, or each element of a list).
func (r *ref) each(fn func(*ref)) {
	switch {
	case r == nil:
	case r.list != nil:
		for i := range r.list {
			r.list[i].each(fn)
		}
	default:
		fn(r)
	}
}

// total returns the totalItems of an inline collection, or -1.
func (r *ref) total() int64 {
	if r == nil || r.obj == nil {
		return -1
	}
	return r.obj.TotalItems
}

// arena hands out the objects and refs of one record: they are reused for
// the next record, as nothing decoded outlives the record's conversion
// (records hold copies of strings only). This saves most allocations.
type arena struct {
	objs    [][]object
	refs    [][]ref
	no, nr  int     // objects and refs handed out
	scanner scanner // reused for its buffers
}

const arenaChunk = 32

func (a *arena) reset() { a.no, a.nr = 0, 0 }

func (a *arena) newObject() *object {
	if a == nil {
		return &object{TotalItems: -1}
	}
	i, j := a.no/arenaChunk, a.no%arenaChunk
	if i == len(a.objs) {
		a.objs = append(a.objs, make([]object, arenaChunk))
	}
	a.no++
	o := &a.objs[i][j]
	*o = object{TotalItems: -1}
	return o
}

func (a *arena) newRef() *ref {
	if a == nil {
		return new(ref)
	}
	i, j := a.nr/arenaChunk, a.nr%arenaChunk
	if i == len(a.refs) {
		a.refs = append(a.refs, make([]ref, arenaChunk))
	}
	a.nr++
	r := &a.refs[i][j]
	*r = ref{}
	return r
}

// count returns the number of entries of r.
func (r *ref) count() int {
	switch {
	case r == nil:
		return 0
	case r.list != nil:
		return len(r.list)
	}
	return 1
}
