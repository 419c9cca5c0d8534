package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/herald-advocacy/herald/internal/api"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
)

type docRoute struct {
	method, path, scope string
	op                  map[string]any
}

// fill substitutes the path's parameters: {ws}, and {id} with an object of
// the right kind from the workspace idsOf.
func (r docRoute) fill(ws string, ids map[string]string, idsOf string) string {
	p := strings.ReplaceAll(r.path, "{ws}", ws)
	kind := "person"
	switch {
	case strings.Contains(r.path, "/activities/{id}"):
		kind = "activity"
	case strings.Contains(r.path, "/imports/{id}"):
		kind = "import"
	case strings.Contains(r.path, "/tokens/{id}"):
		kind = "token"
	}
	id := ids[idsOf+":"+kind]
	if id == "" {
		id = "999999"
	}
	return strings.ReplaceAll(p, "{id}", id)
}

func openAPIDoc(t *testing.T, f *fixture) map[string]any {
	t.Helper()
	resp := f.do("", "GET", "/api/v1/openapi.json", nil)
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil || doc["openapi"] != "3.1.0" {
		t.Fatalf("openapi.json: %v %v", err, doc["openapi"])
	}
	return doc
}

// routes lists the operations of the served OpenAPI document.
func routes(t *testing.T, f *fixture) []docRoute {
	var out []docRoute
	for path, item := range openAPIDoc(t, f)["paths"].(map[string]any) {
		for method, op := range item.(map[string]any) {
			o := op.(map[string]any)
			scope, _ := o["x-herald-scope"].(string)
			out = append(out, docRoute{method: strings.ToUpper(method), path: path, scope: scope, op: o})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path+out[i].method < out[j].path+out[j].method })
	return out
}

// TestOpenAPIContract sends real requests to every documented operation and
// checks each response — status, media type and body — against the
// document; an operation never exercised, or a served route missing from
// the document, fails the test.
func TestOpenAPIContract(t *testing.T) {
	f := newFixture(t, api.Config{})
	doc := openAPIDoc(t, f)
	ops := map[string]docRoute{}
	for _, r := range routes(t, f) {
		ops[r.method+" "+r.path] = r
	}
	// A served route missing from the document answers 404 through the
	// catch-all only if it really is unknown: probe a few known paths.
	if resp := f.do("demo:read", "GET", "/api/v1/workspaces/demo/nothing-here", nil); resp.StatusCode != 404 {
		t.Errorf("unknown path: %d", resp.StatusCode)
	}
	job := f.upload("other", "name=bad.csv", otherCSV+"9,positive,1.0,,,Other,,x,,0,@otherco,,not a date,,\n")
	if job.Rejected != 1 {
		t.Fatalf("upload with a bad row: %+v", job)
	}
	f.ids["other:import"] = fmt.Sprint(job.ID)
	var top struct {
		Data []struct {
			PersonID int64 `json:"person_id"`
		}
	}
	f.getJSON("demo:read", "/api/v1/workspaces/demo/advocates?limit=1", &top)
	advocate := fmt.Sprint(top.Data[0].PersonID)

	type req struct {
		op, token, path, body string
		status                int
	}
	d, o := "/api/v1/workspaces/demo", "/api/v1/workspaces/other"
	resp := f.do("demo:admin", "POST", d+"/people/"+advocate+"/notes", strings.NewReader(`{"body":"to delete"}`),
		"Content-Type", "application/json")
	var note struct {
		ID int64 `json:"id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&note); err != nil || resp.StatusCode != 201 {
		t.Fatalf("add a note: %d %v", resp.StatusCode, err)
	}
	resp.Body.Close()
	reqs := []req{
		{"GET /healthz", "", "/healthz", "", 200},
		{"GET /readyz", "", "/readyz", "", 200},
		{"GET /metrics", "", "/metrics", "", 200},
		{"GET /api/v1/openapi.json", "", "/api/v1/openapi.json", "", 200},
		{"GET /api/v1/workspaces", "demo:read", "/api/v1/workspaces", "", 200},
		{"GET /api/v1/workspaces/{ws}", "demo:read", d, "", 200},
		{"GET /api/v1/workspaces/{ws}", "", d, "", 401},
		{"GET /api/v1/workspaces/{ws}", "other:read", d, "", 404},
		{"GET /api/v1/workspaces/{ws}/brands", "demo:read", d + "/brands", "", 200},
		{"GET /api/v1/workspaces/{ws}/people", "demo:read", d + "/people?limit=3", "", 200},
		{"GET /api/v1/workspaces/{ws}/people", "demo:read", d + "/people?format=csv", "", 200},
		{"GET /api/v1/workspaces/{ws}/people", "demo:read", d + "/people?format=jsonl&q=a", "", 200},
		{"GET /api/v1/workspaces/{ws}/people", "demo:read", d + "/people?format=xml", "", 400},
		{"GET /api/v1/workspaces/{ws}/people/{id}", "demo:read", d + "/people/" + advocate, "", 200},
		{"GET /api/v1/workspaces/{ws}/people/{id}", "demo:read", d + "/people/abc", "", 404},
		{"GET /api/v1/workspaces/{ws}/people/{id}/activities", "demo:read", d + "/people/" + advocate + "/activities?limit=2", "", 200},
		{"GET /api/v1/workspaces/{ws}/people/{id}/notes", "demo:read", d + "/people/" + advocate + "/notes", "", 200},
		{"POST /api/v1/workspaces/{ws}/people/{id}/notes", "demo:admin", d + "/people/" + advocate + "/notes", `{"body":"Met at the <b>meetup</b>"}`, 201},
		{"POST /api/v1/workspaces/{ws}/people/{id}/notes", "demo:admin", d + "/people/" + advocate + "/notes", `{"body":"  "}`, 400},
		{"POST /api/v1/workspaces/{ws}/people/{id}/notes", "demo:read", d + "/people/" + advocate + "/notes", `{"body":"x"}`, 403},
		{"DELETE /api/v1/workspaces/{ws}/notes/{id}", "demo:admin", d + fmt.Sprintf("/notes/%d", note.ID), "", 204},
		{"DELETE /api/v1/workspaces/{ws}/notes/{id}", "demo:admin", d + fmt.Sprintf("/notes/%d", note.ID), "", 404},
		{"POST /api/v1/workspaces/{ws}/tags/{tag}", "demo:admin", d + "/tags/VIP", `{"people":[` + advocate + `]}`, 200},
		{"POST /api/v1/workspaces/{ws}/tags/{tag}", "demo:admin", d + "/tags/a,b", `{"people":[` + advocate + `]}`, 400},
		{"POST /api/v1/workspaces/{ws}/tags/{tag}", "demo:admin", d + "/tags/vip", `{"people":[999999]}`, 404},
		{"GET /api/v1/workspaces/{ws}/tags", "demo:read", d + "/tags", "", 200},
		{"GET /api/v1/workspaces/{ws}/advocates", "demo:read", d + "/advocates?tag=vip", "", 200},
		{"DELETE /api/v1/workspaces/{ws}/tags/{tag}", "demo:admin", d + "/tags/vip", `{"people":[` + advocate + `]}`, 200},
		{"GET /api/v1/workspaces/{ws}/query-preview", "demo:read", d + "/query-preview?q=" + url.QueryEscape(`northwind AND NOT "cold brew"`) + "&limit=3", "", 200},
		{"GET /api/v1/workspaces/{ws}/query-preview", "demo:read", d + "/query-preview?q=" + url.QueryEscape("northwind AND (refund"), "", 400},
		{"GET /api/v1/workspaces/{ws}/query-preview", "demo:read", d + "/query-preview", "", 400},
		{"GET /api/v1/workspaces/{ws}/activities", "demo:read", d + "/activities?limit=3&intent=question", "", 200},
		{"GET /api/v1/workspaces/{ws}/activities", "demo:read", d + "/activities?brand=northwind&sentiment=positive&since=2020-01-01&format=csv", "", 200},
		{"GET /api/v1/workspaces/{ws}/activities", "demo:read", d + "/activities?format=jsonl&kind=reply", "", 200},
		{"GET /api/v1/workspaces/{ws}/activities", "demo:read", d + "/activities?kind=tweet", "", 400},
		{"GET /api/v1/workspaces/{ws}/activities/{id}", "demo:read", d + "/activities/" + f.ids["demo:activity"], "", 200},
		{"GET /api/v1/workspaces/{ws}/advocates", "demo:read", d + "/advocates?limit=5&stage=advocate,champion", "", 200},
		{"GET /api/v1/workspaces/{ws}/advocates", "demo:read", d + "/advocates?format=csv&flag=at_risk", "", 200},
		{"GET /api/v1/workspaces/{ws}/advocates", "demo:read", d + "/advocates?format=jsonl&since=7d", "", 200},
		{"GET /api/v1/workspaces/{ws}/advocates/{id}", "demo:read", d + "/advocates/" + advocate, "", 200},
		{"GET /api/v1/workspaces/{ws}/metrics", "demo:read", d + "/metrics", "", 200},
		{"GET /api/v1/workspaces/{ws}/metrics", "demo:read", d + "/metrics?granularity=day&tz=Europe/Paris&brand=northwind&from=2020-01-01&to=2020-01-02", "", 200},
		{"GET /api/v1/workspaces/{ws}/metrics", "demo:read", d + "/metrics?format=csv", "", 200},
		{"GET /api/v1/workspaces/{ws}/metrics", "demo:read", d + "/metrics?tz=Mars/Base", "", 400},
		{"GET /api/v1/workspaces/{ws}/metrics", "demo:read", d + "/metrics?from=2026-01-02&to=2026-01-01", "", 400},
		{"GET /api/v1/workspaces/{ws}/drivers", "demo:read", d + "/drivers?top=3&compare=advocates:satisfied&from=2000-01-01", "", 200},
		{"POST /api/v1/workspaces/{ws}/imports", "other:write", o + "/imports?name=again.csv", otherCSV, 202},
		{"POST /api/v1/workspaces/{ws}/imports", "other:read", o + "/imports", otherCSV, 403},
		{"GET /api/v1/workspaces/{ws}/imports", "other:read", o + "/imports", "", 200},
		{"GET /api/v1/workspaces/{ws}/imports/{id}", "other:read", o + "/imports/" + f.ids["other:import"], "", 200},
		{"GET /api/v1/workspaces/{ws}/imports/{id}/rejects", "other:read", o + "/imports/" + f.ids["other:import"] + "/rejects", "", 200},
		{"GET /api/v1/workspaces/{ws}/tokens", "demo:admin", d + "/tokens", "", 200},
		{"POST /api/v1/workspaces/{ws}/tokens", "demo:admin", d + "/tokens", `{"name":"contract","scope":"write","expires_at":"2099-01-01T00:00:00Z"}`, 201},
		{"DELETE /api/v1/workspaces/{ws}/tokens/{id}", "demo:admin", d + "/tokens/" + f.ids["demo:token"], "", 204},
		{"DELETE /api/v1/workspaces/{ws}/tokens/{id}", "demo:admin", d + "/tokens/999999", "", 404},
	}
	covered := map[string]bool{}
	for _, r := range reqs {
		route, ok := ops[r.op]
		if !ok {
			t.Errorf("%s is not in the OpenAPI document", r.op)
			continue
		}
		method, _, _ := strings.Cut(r.op, " ")
		var body io.Reader
		if r.body != "" {
			body = strings.NewReader(r.body)
		}
		resp := f.do(r.token, method, r.path, body, "Content-Type", "application/json")
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		name := method + " " + r.path
		if resp.StatusCode != r.status {
			t.Errorf("%s: status %d, want %d: %s", name, resp.StatusCode, r.status, raw)
			continue
		}
		if resp.StatusCode < 300 {
			covered[r.op] = true
		}
		checkResponse(t, doc, route, name, resp, raw)
	}
	for op := range ops {
		if !covered[op] {
			t.Errorf("%s: no successful request in the contract test", op)
		}
	}
}

// checkResponse checks one response against its operation's declaration.
func checkResponse(t *testing.T, doc map[string]any, route docRoute, name string, resp *http.Response, raw []byte) {
	t.Helper()
	declared, ok := route.op["responses"].(map[string]any)[fmt.Sprint(resp.StatusCode)].(map[string]any)
	if !ok {
		t.Errorf("%s: status %d is not declared", name, resp.StatusCode)
		return
	}
	content, _ := declared["content"].(map[string]any)
	if len(content) == 0 {
		if len(raw) != 0 {
			t.Errorf("%s: declared without a body, got %q", name, raw)
		}
		return
	}
	media, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	c, ok := content[media].(map[string]any)
	if !ok {
		t.Errorf("%s: content type %q not declared (%v)", name, media, keys(content))
		return
	}
	if media != "application/json" && media != "application/problem+json" {
		return
	}
	schema, _ := c["schema"].(map[string]any)
	if schema == nil || media == "application/json" && route.path == "/api/v1/openapi.json" {
		return
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Errorf("%s: body is not JSON: %v", name, err)
		return
	}
	for _, e := range validate(v, schema, doc, "body") {
		t.Errorf("%s: %s", name, e)
	}
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
