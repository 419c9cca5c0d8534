package api

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/herald-advocacy/herald"
)

// route is one operation of the API: how it is served and how the OpenAPI
// document describes it (the document is generated from this table).
type route struct {
	Method, Path string
	ID, Summary  string
	Scope        herald.Scope // "" for public routes
	Params       []param
	Body         *body      // request body, if any
	Responses    []response // success responses; problems are added for every route
	Long         bool       // streams or uploads: the long timeout applies
	Upload       bool       // the body is an uploaded file: the upload size limit applies
	handle       func(c *call) error
}

// param is a path or query parameter.
type param struct {
	Name, In, Description string
	Type                  string // string, integer, boolean, number
	Format                string // date-time, date…
	Enum                  []string
	Required              bool
}

// body describes a request body.
type body struct {
	Media  []string // content types
	Schema any      // Go value whose type is the JSON body; nil for a file
}

// response describes a success response.
type response struct {
	Status      int
	Description string
	Media       string // default application/json
	Schema      any    // Go value whose type is the body; nil for none
	Headers     []string
}

func pathParam(name, desc string) param {
	return param{Name: name, In: "path", Description: desc, Type: "string", Required: true}
}

func query(name, typ, desc string, enum ...string) param {
	return param{Name: name, In: "query", Description: desc, Type: typ, Enum: enum}
}

var (
	wsParam     = pathParam("ws", "workspace slug")
	limitParam  = query("limit", "integer", "page size, 1–500 (default 50)")
	cursorParam = query("cursor", "string", "the next_cursor of the previous page")
	formatParam = query("format", "string", "stream every matching row in this format instead of a page", "csv", "jsonl", "json")
)

// checkParams rejects unknown query parameters (typos would otherwise be
// silently ignored), repeated ones, and values outside an enum.
func (c *call) checkParams() error {
	q := c.r.URL.Query()
	for name, vs := range q {
		i := slices.IndexFunc(c.route.Params, func(p param) bool { return p.Name == name && p.In == "query" })
		if i < 0 {
			return badParam(name, "unknown parameter")
		}
		p := c.route.Params[i]
		if len(vs) > 1 && name != "map" {
			return badParam(name, "given more than once")
		}
		if len(p.Enum) > 0 && !slices.Contains(p.Enum, vs[0]) {
			return badParam(name, "must be one of "+strings.Join(p.Enum, ", "))
		}
	}
	return nil
}

// json writes v with a status.
func (c *call) json(status int, v any) error {
	c.w.Header().Set("Content-Type", "application/json")
	c.w.WriteHeader(status)
	enc := json.NewEncoder(c.w)
	return enc.Encode(v)
}

// decode reads a JSON request body into v, strictly.
func (c *call) decode(v any) error {
	ct := c.r.Header.Get("Content-Type")
	if ct != "" && !strings.HasPrefix(ct, "application/json") {
		return herald.Errorf(eUnsupported, "the body must be application/json, not %s", ct)
	}
	dec := json.NewDecoder(c.r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if isTooLarge(err) {
			return herald.Errorf(eTooLarge, "the request body is larger than %d bytes", c.s.cfg.MaxBodyBytes)
		}
		return herald.Errorf(herald.EInvalid, "the body is not valid JSON for this request: %v", err)
	}
	return nil
}

func isTooLarge(err error) bool {
	var mbe *http.MaxBytesError
	return errors.As(err, &mbe)
}

// str returns a query parameter.
func (c *call) str(name string) string { return c.r.URL.Query().Get(name) }

// integer reads an integer query parameter within [lo, hi].
func (c *call) integer(name string, def, lo, hi int) (int, error) {
	v := c.str(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badParam(name, "must be an integer from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
	}
	return n, nil
}

// id reads an id path parameter.
func (c *call) id(name string) (int64, error) {
	n, err := strconv.ParseInt(c.r.PathValue(name), 10, 64)
	if err != nil || n <= 0 {
		return 0, herald.Errorf(herald.ENotFound, "no %s %q", name, c.r.PathValue(name))
	}
	return n, nil
}

// when reads a time query parameter: a date (midnight UTC) or RFC 3339.
func (c *call) when(name string) (time.Time, error) {
	v := c.str(name)
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, badParam(name, "must be a date (2006-01-02) or an RFC 3339 time")
	}
	return t, nil
}

// limit reads the page size.
func (c *call) limit() (int, error) { return c.integer("limit", 50, 1, 500) }

// cursor decodes the opaque cursor parameter into v (false when absent).
func (c *call) cursor(v any) (bool, error) {
	s := c.str("cursor")
	if s == "" {
		return false, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, v) != nil {
		return false, badParam("cursor", "not a cursor returned by this API")
	}
	return true, nil
}

// encodeCursor makes an opaque cursor of v.
func encodeCursor(v any) string {
	b, _ := json.Marshal(v)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Page is one page of a listing.
type Page[T any] struct {
	Data []T `json:"data"`
	// NextCursor fetches the next page (absent on the last page).
	NextCursor string `json:"next_cursor,omitempty"`
}

// page writes a page and its Link header.
func page[T any](c *call, data []T, next string) error {
	if data == nil {
		data = []T{}
	}
	if next != "" {
		u := *c.r.URL
		q := u.Query()
		q.Set("cursor", next)
		u.RawQuery = q.Encode()
		c.w.Header().Set("Link", "<"+u.RequestURI()+`>; rel="next"`)
	}
	return c.json(http.StatusOK, Page[T]{Data: data, NextCursor: next})
}

// List is an unpaged listing.
type List[T any] struct {
	Data []T `json:"data"`
}

func list[T any](c *call, data []T) error {
	if data == nil {
		data = []T{}
	}
	return c.json(http.StatusOK, List[T]{Data: data})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
