package query

import (
	"strconv"
	"strings"
)

// operator classifies an unquoted word as an operator or a term. Operators
// are upper case; lower-case "and", "or" and "not" are ordinary words, but a
// lower-case "near/3" is rejected since it can only be a typo.
func operator(text string, at pos) (lexeme, error) {
	l := lexeme{kind: lexTerm, text: text, at: at}
	switch text {
	case "AND":
		l.kind = lexAnd
	case "OR":
		l.kind = lexOr
	case "NOT":
		l.kind = lexNot
	case "NEAR", "ONEAR":
		return l, errorf(at, "%s needs a distance, e.g. %s/3", text, text)
	}
	if l.kind != lexTerm {
		return l, nil
	}
	name, digits, ok := strings.Cut(text, "/")
	if !ok {
		return l, nil
	}
	switch {
	case name == "NEAR" || name == "ONEAR":
		return nearOperator(l, name, digits)
	case strings.EqualFold(name, "near") || strings.EqualFold(name, "onear"):
		return l, errorf(at, "operators are upper case: write %s/%s", strings.ToUpper(name), digits)
	}
	return l, nil
}

// nearOperator reads the distance of NEAR/n or ONEAR/n.
func nearOperator(l lexeme, name, digits string) (lexeme, error) {
	dist := advance(l.at, name+"/")
	for _, r := range digits {
		if r < '0' || r > '9' {
			return l, errorf(dist, "expected a number of words after %s/, e.g. %s/3", name, name)
		}
	}
	n, err := strconv.Atoi(digits)
	switch {
	case digits == "":
		return l, errorf(dist, "expected a number of words after %s/, e.g. %s/3", name, name)
	case err != nil || n > MaxNearDistance:
		return l, errorf(dist, "%s distance %s is too large: at most %d", name, digits, MaxNearDistance)
	case n == 0:
		return l, errorf(dist, "%s distance must be at least 1", name)
	}
	l.kind, l.dist, l.ordered = lexNear, n, name == "ONEAR"
	return l, nil
}
