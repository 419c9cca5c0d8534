package query

// parser is a recursive-descent parser over a query's tokens:
//
//	query  = or EOF
//	or     = and { "OR" and }
//	and    = ["NOT"] near { ["AND"] ["NOT"] near }
//	near   = unary { ("NEAR/n" | "ONEAR/n") unary }
//	unary  = term | phrase | "(" or ")"
type parser struct {
	toks  []lexeme
	i     int
	depth int // open parentheses
	terms int
}

func (p *parser) peek() lexeme { return p.toks[p.i] }

func (p *parser) next() lexeme {
	t := p.toks[p.i]
	if t.kind != lexEOF {
		p.i++
	}
	return t
}

// parse parses a whole query.
func (p *parser) parse() (*node, error) {
	if p.peek().kind == lexEOF {
		return nil, errorf(pos{1, 1}, "empty query")
	}
	n, err := p.or("")
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == lexRParen {
		return nil, errorf(t.at, `unexpected ")" without a matching "("`)
	} else if t.kind != lexEOF {
		return nil, errorf(t.at, "unexpected %s", t.describe())
	}
	if bad := n.nonPositive(); bad != nil {
		return nil, errorf(bad.at, "NOT only excludes: the query needs a term to match, e.g. coffee NOT tea")
	}
	return n, nil
}

// or parses alternatives; after names the operator or parenthesis before
// them, for error messages ("" at the start of the query).
func (p *parser) or(after string) (*node, error) {
	at := p.peek().at
	first, err := p.and(after)
	if err != nil {
		return nil, err
	}
	kids := []*node{first}
	for p.peek().kind == lexOr {
		p.next()
		k, err := p.and("OR")
		if err != nil {
			return nil, err
		}
		kids = append(kids, k)
	}
	return group(nodeOr, at, kids), nil
}

// and parses a conjunction: adjacent operands are joined by an implicit
// AND, and "a NOT b" means "a AND NOT b".
func (p *parser) and(after string) (*node, error) {
	at := p.peek().at
	var kids []*node
	for {
		t := p.peek()
		switch {
		case t.kind == lexAnd && len(kids) > 0:
			p.next()
			after = "AND"
			if p.peek().kind != lexNot {
				break
			}
			t = p.peek()
			fallthrough
		case t.kind == lexNot:
			p.next()
			k, err := p.near("NOT")
			if err != nil {
				return nil, err
			}
			kids = append(kids, &node{kind: nodeNot, kids: []*node{k}, at: t.at})
			continue
		case len(kids) > 0 && !startsOperand(t.kind):
			return group(nodeAnd, at, kids), nil
		}
		k, err := p.near(after)
		if err != nil {
			return nil, err
		}
		kids = append(kids, k)
	}
}

func startsOperand(k lexKind) bool {
	return k == lexTerm || k == lexPhrase || k == lexLParen
}

// near parses operands joined by NEAR/n, which cannot be chained.
func (p *parser) near(after string) (*node, error) {
	left, err := p.unary(after)
	if err != nil {
		return nil, err
	}
	if p.peek().kind != lexNear {
		return left, nil
	}
	op := p.next()
	right, err := p.unary(op.text)
	if err != nil {
		return nil, err
	}
	for _, side := range [...]*node{left, right} {
		if !side.isTermGroup() {
			return nil, errorf(side.at, "%s needs a term, phrase or OR-group of terms on each side", op.text)
		}
	}
	if t := p.peek(); t.kind == lexNear {
		return nil, errorf(t.at, "%s cannot be chained after %s: use (a OR b) NEAR/n c or AND", t.text, op.text)
	}
	return &node{kind: nodeNear, kids: []*node{left, right}, dist: op.dist, ordered: op.ordered, at: left.at}, nil
}

// unary parses a term, a phrase or a parenthesized group.
func (p *parser) unary(after string) (*node, error) {
	t := p.peek()
	switch t.kind {
	case lexTerm, lexPhrase:
		p.next()
		if p.terms++; p.terms > MaxTerms {
			return nil, errorf(t.at, "too many terms: at most %d", MaxTerms)
		}
		return term(t)
	case lexLParen:
		return p.paren()
	}
	if after == "" {
		return nil, errorf(t.at, "expected a term, found %s", t.describe())
	}
	return nil, errorf(t.at, "expected a term after %s, found %s", after, t.describe())
}

func (p *parser) paren() (*node, error) {
	open := p.next()
	if p.depth++; p.depth > MaxDepth {
		return nil, errorf(open.at, "parentheses nested too deeply: at most %d levels", MaxDepth)
	}
	n, err := p.or(`"("`)
	if err != nil {
		return nil, err
	}
	if t := p.next(); t.kind != lexRParen {
		return nil, errorf(t.at, `expected ")" to close "(" opened at %s`, open.at)
	}
	p.depth--
	n.at = open.at
	return n, nil
}
