package query

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseValid(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"coffee", "coffee"},
		{"Coffee", "coffee"},
		{"CAFÉ", "café"},
		{"Straße", "strasse"},
		{`"Cold Brew"`, `"cold brew"`},
		{`"cold-brew, please"`, `"cold brew please"`},
		{`"coffee"`, "coffee"},
		{"coca-cola", `"coca cola"`},
		{"acme's", `"acme s"`},
		{"brew*", "brew*"},
		{"Brew*", "brew*"},
		{"#NorthwindCoffee", "#northwindcoffee"},
		{"#cold_brew", "#cold_brew"},
		{"@United", "@united"},
		{"@bob@Mastodon.Social", "@bob@mastodon.social"},
		{"@alice.bsky.social", "@alice.bsky.social"},
		{"a b", "a AND b"},
		{"a AND b AND c", "a AND b AND c"},
		{"a AND (b AND c)", "a AND b AND c"},
		{"a OR (b OR c)", "a OR b OR c"},
		{"((a))", "a"},
		{"a b OR c", "(a AND b) OR c"},
		{"a OR b c", "a OR (b AND c)"},
		{"(a OR b) c", "(a OR b) AND c"},
		{"a NOT b", "a NOT b"},
		{"a AND NOT b", "a NOT b"},
		{"NOT a b", "NOT a AND b"},
		{"a NOT (b OR c)", "a NOT (b OR c)"},
		{"a NOT (b c)", "a NOT (b AND c)"},
		{"a NOT b NOT c", "a NOT b NOT c"},
		{"b NOT (NOT a)", "b NOT (NOT a)"},
		{"a AND (b OR NOT c)", "a AND (b OR NOT c)"},
		{"a NEAR/3 b", "a NEAR/3 b"},
		{"a ONEAR/2 b", "a ONEAR/2 b"},
		{`(a OR "b c") NEAR/5 (d OR eee*)`, `(a OR "b c") NEAR/5 (d OR eee*)`},
		{"(a OR (b OR c)) NEAR/1 d", "(a OR b OR c) NEAR/1 d"},
		{"x a NEAR/2 b y", "x AND a NEAR/2 b AND y"},
		{"NOT a NEAR/2 b c", "NOT (a NEAR/2 b) AND c"},
		{"a NEAR/1000 b", "a NEAR/1000 b"},
		{"coffee and tea", "coffee AND and AND tea"},
		{"coffee or tea", "coffee AND or AND tea"},
		{`"AND" "NOT"`, "and AND not"},
		{"a\nOR\tb\r\n", "a OR b"},
		{"<<< brands >>> a <<<x\ny>>> OR b", "a OR b"},
		{"a@b", `"a b"`},
		{"24/7", `"24 7"`},
		{"u.s.", `"u s"`},
		{"東京", "東京"},
		{"naïve*", "naïve*"},
	} {
		q, err := Parse(tc.src)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.src, err)
			continue
		}
		if got := q.String(); got != tc.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tc.src, got, tc.want)
		}
		q2, err := Parse(q.String())
		if err != nil || q2.String() != q.String() {
			t.Errorf("reparse %q: %v, %v", q.String(), q2, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	long := strings.Repeat("a ", MaxQueryBytes/2+1)
	many := strings.Repeat("a ", MaxTerms+1)
	deep := strings.Repeat("(", MaxDepth+1) + "a" + strings.Repeat(")", MaxDepth+1)
	for _, tc := range []struct {
		src       string
		line, col int
		msg       string
	}{
		{"", 1, 1, "empty query"},
		{"  \n\t", 1, 1, "empty query"},
		{"<<< only a comment >>>", 1, 1, "empty query"},
		{"(a", 1, 3, `expected ")" to close "(" opened at line 1, column 1`},
		{"x\n  (a OR\n b", 3, 3, `expected ")" to close "(" opened at line 2, column 3`},
		{"(a (b)", 1, 7, `expected ")" to close "(" opened at line 1, column 1`},
		{"a)", 1, 2, `unexpected ")" without a matching "("`},
		{"()", 1, 2, `expected a term after "(", found ")"`},
		{`"cold brew`, 1, 1, `unterminated quote: expected a closing "`},
		{`a "b" "c`, 1, 7, `unterminated quote: expected a closing "`},
		{`""`, 1, 1, "a quoted phrase must contain a letter or digit"},
		{`"!?"`, 1, 1, "a quoted phrase must contain a letter or digit"},
		{"a AND", 1, 6, "expected a term after AND, found end of query"},
		{"a OR", 1, 5, "expected a term after OR, found end of query"},
		{"a NOT", 1, 6, "expected a term after NOT, found end of query"},
		{"AND a", 1, 1, "expected a term, found AND"},
		{"OR a", 1, 1, "expected a term, found OR"},
		{"a OR OR b", 1, 6, "expected a term after OR, found OR"},
		{"a AND OR b", 1, 7, "expected a term after AND, found OR"},
		{"a NOT NOT b", 1, 7, "expected a term after NOT, found NOT"},
		{"(a OR)", 1, 6, `expected a term after OR, found ")"`},
		{"NEAR/3 a", 1, 1, "expected a term, found NEAR/3"},
		{"a NEAR/3", 1, 9, "expected a term after NEAR/3, found end of query"},
		{"a NEAR/x b", 1, 8, "expected a number of words after NEAR/, e.g. NEAR/3"},
		{"a NEAR/ b", 1, 8, "expected a number of words after NEAR/, e.g. NEAR/3"},
		{"a NEAR/0 b", 1, 8, "NEAR distance must be at least 1"},
		{"a ONEAR/1001 b", 1, 9, "ONEAR distance 1001 is too large: at most 1000"},
		{"a NEAR/99999999999999999999 b", 1, 8, "NEAR distance 99999999999999999999 is too large: at most 1000"},
		{"a NEAR b", 1, 3, "NEAR needs a distance, e.g. NEAR/3"},
		{"a near/3 b", 1, 3, "operators are upper case: write NEAR/3"},
		{"a NEAR/3 (b AND c)", 1, 10, "NEAR/3 needs a term, phrase or OR-group of terms on each side"},
		{"(a b) NEAR/3 c", 1, 1, "NEAR/3 needs a term, phrase or OR-group of terms on each side"},
		{"a NEAR/3 (b OR NOT c)", 1, 10, "NEAR/3 needs a term, phrase or OR-group of terms on each side"},
		{"a NEAR/3 b NEAR/2 c", 1, 12, "NEAR/2 cannot be chained after NEAR/3: use (a OR b) NEAR/n c or AND"},
		{"(a NEAR/3 b) NEAR/2 c", 1, 1, "NEAR/2 needs a term, phrase or OR-group of terms on each side"},
		{"*brew", 1, 1, "wildcard * is only allowed at the end of a word"},
		{"br*w", 1, 3, "wildcard * is only allowed at the end of a word"},
		{"brew**", 1, 5, "wildcard * is only allowed at the end of a word"},
		{"br*", 1, 1, "wildcard needs at least 3 letters or digits before *"},
		{"x\n  é*", 2, 3, "wildcard needs at least 3 letters or digits before *"},
		{"*", 1, 1, "wildcard needs at least 3 letters or digits before *"},
		{"cold-bre*", 1, 1, "wildcard * applies to a single word of letters or digits"},
		{`"cold bre*"`, 1, 10, "wildcards are not allowed inside a quoted phrase"},
		{"#brew*", 1, 6, "wildcards apply to words only, not to a hashtag"},
		{"@", 1, 1, `expected a handle after "@"`},
		{"a @ b", 1, 3, `expected a handle after "@"`},
		{"#", 1, 1, `expected a hashtag after "#"`},
		{"#_", 1, 1, `expected a hashtag after "#"`},
		{"#café!", 1, 6, `invalid character '!' in hashtag`},
		{"@bob@", 1, 5, `invalid character '@' in handle`},
		{"@bob.", 1, 5, `invalid character '.' in handle`},
		{"@a..b", 1, 3, `invalid character '.' in handle`},
		{`"@united rocks"`, 1, 1, `a quoted phrase may contain only words, found "@united"`},
		{`"#tag here"`, 1, 1, `a quoted phrase may contain only words, found "#tag"`},
		{"http://x.com", 1, 1, `a term may contain only words, found "http://x.com"`},
		{"-coffee", 1, 1, `unexpected '-': expected a word, "phrase", @handle or #hashtag`},
		{"a ☕", 1, 3, `unexpected '☕': expected a word, "phrase", @handle or #hashtag`},
		{"NOT a", 1, 1, "NOT only excludes: the query needs a term to match, e.g. coffee NOT tea"},
		{"NOT a NOT b", 1, 1, "NOT only excludes: the query needs a term to match, e.g. coffee NOT tea"},
		{"a OR NOT b", 1, 6, "NOT only excludes: the query needs a term to match, e.g. coffee NOT tea"},
		{"(NOT a) OR b", 1, 1, "NOT only excludes: the query needs a term to match, e.g. coffee NOT tea"},
		{"NOT (a b)", 1, 1, "NOT only excludes: the query needs a term to match, e.g. coffee NOT tea"},
		{"a <<< unclosed", 1, 3, "unterminated comment: expected >>> to close <<<"},
		{"a \xff", 1, 3, "invalid UTF-8"},
		{"\"a\xffb\"", 1, 1, "invalid UTF-8 in quoted phrase"},
		{long, 1, 1, "query is too long: 65538 bytes, at most 65536"},
		{many, 1, 2001, "too many terms: at most 1000"},
		{deep, 1, 33, "parentheses nested too deeply: at most 32 levels"},
	} {
		_, err := Parse(tc.src)
		var qe *Error
		if !errors.As(err, &qe) {
			t.Errorf("Parse(%.40q) error = %v, want *Error", tc.src, err)
			continue
		}
		want := Error{Line: tc.line, Col: tc.col, Msg: tc.msg}
		if *qe != want {
			t.Errorf("Parse(%.40q) = %q, want %q", tc.src, qe.Error(), want.Error())
		}
	}
}

func TestErrorString(t *testing.T) {
	e := &Error{Line: 2, Col: 14, Msg: `expected ")" to close "(" opened at line 1, column 3`}
	want := `line 2, column 14: expected ")" to close "(" opened at line 1, column 3`
	if got := e.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// TestParseNestedNotIsFast guards against exponential work on deeply nested
// groups of NOTs.
func TestParseNestedNotIsFast(t *testing.T) {
	src := "NOT a"
	for range MaxDepth - 1 {
		src = "(" + src + " OR NOT b) NOT c"
	}
	start := time.Now()
	_, err := Parse(src)
	if err == nil {
		t.Fatal("query of only NOTs parsed")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Parse took %v", d)
	}
}
