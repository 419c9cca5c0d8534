package api

import (
	"net/http"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/export"
	"github.com/herald-advocacy/herald/internal/insight"
	"github.com/herald-advocacy/herald/internal/store"
)

const v1 = "/api/v1"

// table lists every route of the API.
func (s *Server) table() []route {
	ok := func(desc string, schema any) []response {
		return []response{{Status: http.StatusOK, Description: desc, Schema: schema}}
	}
	listing := func(desc string, schema any) []response {
		return []response{{Status: http.StatusOK, Description: desc, Schema: schema, Headers: []string{"Link"}},
			{Status: http.StatusOK, Description: "every matching row, streamed (with format)", Media: "text/csv"},
			{Status: http.StatusOK, Description: "every matching row, streamed (with format)", Media: "application/x-ndjson"}}
	}
	read, write, admin := herald.ScopeRead, herald.ScopeWrite, herald.ScopeAdmin
	ws := v1 + "/workspaces/{ws}"
	return []route{
		{Method: "GET", Path: "/healthz", ID: "health", Summary: "liveness: the process is up",
			Responses: ok("alive", Health{}), handle: s.healthz},
		{Method: "GET", Path: "/readyz", ID: "ready", Summary: "readiness: the database answers",
			Responses: []response{{Status: 200, Description: "ready", Schema: Health{}}, {Status: 503, Description: "not ready", Schema: Health{}}}, handle: s.readyz},
		{Method: "GET", Path: "/metrics", ID: "metrics", Summary: "Prometheus metrics: request latencies, import rates, queue depth",
			Responses: []response{{Status: 200, Description: "Prometheus text exposition format", Media: "text/plain"}}, handle: s.prometheus},
		{Method: "GET", Path: v1 + "/openapi.json", ID: "openapi", Summary: "this API's OpenAPI 3.1 description",
			Responses: []response{{Status: 200, Description: "the OpenAPI document", Media: "application/json"}}, handle: s.serveOpenAPI},

		{Method: "GET", Path: v1 + "/workspaces", ID: "listWorkspaces", Summary: "the workspaces this token can read (its own)",
			Scope: read, Responses: ok("workspaces", List[Workspace]{}), handle: s.listWorkspaces},
		{Method: "GET", Path: ws, ID: "getWorkspace", Summary: "a workspace with its brands", Scope: read,
			Params: []param{wsParam}, Responses: ok("the workspace", Workspace{}), handle: s.getWorkspace},
		{Method: "GET", Path: ws + "/brands", ID: "listBrands", Summary: "the workspace's brand and competitors", Scope: read,
			Params: []param{wsParam}, Responses: ok("brands", List[Brand]{}), handle: s.listBrands},

		{Method: "GET", Path: ws + "/people", ID: "listPeople", Summary: "people, in id order", Scope: read, Long: true,
			Params: []param{wsParam, query("q", "string", "handle prefix or part of the display name"),
				query("network", "string", "only people with an identity on this network"), limitParam, cursorParam, formatParam},
			Responses: listing("a page of people", Page[export.Person]{}), handle: s.listPeople},
		{Method: "GET", Path: ws + "/people/{id}", ID: "getPerson", Summary: "a person: identities, advocacy per brand, stage history",
			Scope: read, Params: []param{wsParam, pathParam("id", "person id")}, Responses: ok("the person", PersonDetail{}), handle: s.getPerson},
		{Method: "GET", Path: ws + "/people/{id}/activities", ID: "listPersonActivities", Summary: "a person's activities, newest first",
			Scope: read, Params: []param{wsParam, pathParam("id", "person id"), limitParam, cursorParam},
			Responses: ok("a page of activities", Page[export.Activity]{}), handle: s.listPersonActivities},

		{Method: "GET", Path: ws + "/people/{id}/notes", ID: "listNotes", Summary: "the team's notes on a person, newest first",
			Scope: read, Params: []param{wsParam, pathParam("id", "person id")}, Responses: ok("notes", List[herald.Note]{}), handle: s.listNotes},
		{Method: "POST", Path: ws + "/people/{id}/notes", ID: "addNote", Summary: "write a note on a person", Scope: write,
			Params: []param{wsParam, pathParam("id", "person id")}, Body: &body{Media: []string{"application/json"}, Schema: NoteRequest{}},
			Responses: []response{{Status: http.StatusCreated, Description: "the note", Schema: herald.Note{}}}, handle: s.addNote},
		{Method: "DELETE", Path: ws + "/notes/{id}", ID: "deleteNote", Summary: "delete a note", Scope: write,
			Params: []param{wsParam, pathParam("id", "note id")}, Responses: []response{{Status: http.StatusNoContent, Description: "deleted"}},
			handle: s.deleteNote},
		{Method: "GET", Path: ws + "/tags", ID: "listTags", Summary: "the workspace's tags and how many people carry each", Scope: read,
			Params: []param{wsParam}, Responses: ok("tags", List[store.TagCount]{}), handle: s.listTags},
		{Method: "POST", Path: ws + "/tags/{tag}", ID: "tagPeople", Summary: "give a tag to people (in bulk)", Scope: write,
			Params: []param{wsParam, pathParam("tag", "the tag")}, Body: &body{Media: []string{"application/json"}, Schema: TagRequest{}},
			Responses: ok("how many people got the tag", TagResult{}), handle: s.tagPeople},
		{Method: "DELETE", Path: ws + "/tags/{tag}", ID: "untagPeople", Summary: "take a tag from people (in bulk)", Scope: write,
			Params: []param{wsParam, pathParam("tag", "the tag")}, Body: &body{Media: []string{"application/json"}, Schema: TagRequest{}},
			Responses: ok("how many people lost the tag", TagResult{}), handle: s.untagPeople},

		{Method: "GET", Path: ws + "/query-preview", ID: "previewQuery", Summary: "what a brand query matches among the latest posts (to try a query before saving it)",
			Scope: read, Params: []param{wsParam, {Name: "q", In: "query", Type: "string", Required: true, Description: "the query (AND, OR, NOT, \"phrases\", @handles, #hashtags, wild*, NEAR/n)"},
				query("scan", "integer", "how many of the latest posts with text to try, 1–20000 (default 2000)"),
				query("limit", "integer", "matches to return, 1–200 (default 20)")},
			Responses: ok("the matches", QueryPreview{}), handle: s.previewQuery},

		{Method: "GET", Path: ws + "/activities", ID: "listActivities", Summary: "activities with their analysis", Scope: read, Long: true,
			Params: []param{wsParam, query("brand", "string", "only activities about this brand (slug)"),
				query("network", "string", "only this network"),
				query("kind", "string", "only this kind", "post", "reply", "share", "quote", "like", "follow"),
				query("intent", "string", "only activities with this intent", herald.IntentNames()...),
				query("sentiment", "string", "only activities with this overall sentiment", "positive", "negative", "neutral"),
				{Name: "since", In: "query", Type: "string", Description: "created at or after (date or RFC 3339)"},
				{Name: "until", In: "query", Type: "string", Description: "created before (date or RFC 3339)"},
				query("order", "string", "newest first (default) or by id", "newest", "id"),
				limitParam, cursorParam, formatParam},
			Responses: listing("a page of activities", Page[export.Activity]{}), handle: s.listActivities},
		{Method: "GET", Path: ws + "/activities/{id}", ID: "getActivity", Summary: "one activity", Scope: read,
			Params: []param{wsParam, pathParam("id", "activity id")}, Responses: ok("the activity", export.Activity{}), handle: s.getActivity},

		{Method: "GET", Path: ws + "/advocates", ID: "listAdvocates", Summary: "people ranked by advocacy for a brand", Scope: read, Long: true,
			Params: []param{wsParam, query("brand", "string", "brand slug (default: the workspace's own brand)"),
				query("stage", "string", "only these stages (comma-separated: audience, engaged, potential, advocate, champion)"),
				query("flag", "string", "only people with every one of these flags (comma-separated)"),
				query("since", "string", "only people who reached their stage at or after this (date, RFC 3339 or 7d)"),
				query("tag", "string", "only people with this tag"),
				limitParam, cursorParam, formatParam},
			Responses: listing("a page of advocates", Page[export.Advocate]{}), handle: s.listAdvocates},
		{Method: "GET", Path: ws + "/advocates/{id}", ID: "explainAdvocate", Summary: "why a person scores as they do for a brand: facets, reasons, evidence posts, stage history",
			Scope: read, Params: []param{wsParam, pathParam("id", "person id"), query("brand", "string", "brand slug (default: own brand)")},
			Responses: ok("the explanation", AdvocateDetail{}), handle: s.explainAdvocate},

		{Method: "GET", Path: ws + "/metrics", ID: "getMetrics", Summary: "brand metrics per bucket: volume, share of voice, sentiment, funnel, gap, movement, responsiveness",
			Scope: read, Params: []param{wsParam, query("from", "string", "first day (2006-01-02) or RFC 3339 time (default: 90 days before to)"),
				query("to", "string", "last day, included (default: the day of the latest activity)"),
				query("granularity", "string", "bucket size (default week)", "day", "week", "month"),
				query("tz", "string", "IANA time zone of days, weeks and months (default UTC)"),
				query("brand", "string", "only this brand (share of voice still counts every brand)"),
				query("format", "string", "CSV or JSON lines instead of the JSON report", "csv", "jsonl", "json")},
			Responses: []response{{Status: 200, Description: "the metrics report", Schema: store.MetricsReport{}},
				{Status: 200, Description: "one row per brand and bucket (with format)", Media: "text/csv"}},
			handle: s.getMetrics},
		{Method: "GET", Path: ws + "/drivers", ID: "getDrivers", Summary: "what distinguishes two groups of posts about a brand (Fightin' Words z-scores)",
			Scope: read, Long: true, Params: []param{wsParam, query("brand", "string", "brand slug (default: own brand)"),
				query("compare", "string", "the comparison (default positive:negative)", insight.Comparisons...),
				query("from", "string", "posts from this day (default: 90 days before to)"), query("to", "string", "posts up to this day, included"),
				query("top", "integer", "drivers per side, 1–100 (default 15)")},
			Responses: ok("the drivers with example posts", DriversResult{}), handle: s.getDrivers},

		{Method: "POST", Path: ws + "/imports", ID: "createImport", Summary: "upload a file to import; returns a job to follow",
			Scope: write, Long: true, Upload: true,
			Params: []param{wsParam, query("format", "string", "input format (default: detected)", importFormats()...),
				query("name", "string", "file name shown in the job"), query("strict", "boolean", "store nothing if any record is bad"),
				query("map", "string", "CSV column mapping FIELD=COLUMN (repeatable)")},
			Body:      &body{Media: []string{"application/octet-stream", "text/csv", "application/json", "application/x-ndjson"}},
			Responses: []response{{Status: http.StatusAccepted, Description: "queued; follow the Location", Schema: Job{}, Headers: []string{"Location"}}},
			handle:    s.createImport},
		{Method: "GET", Path: ws + "/imports", ID: "listImports", Summary: "recent import jobs, newest first", Scope: read,
			Params: []param{wsParam, limitParam}, Responses: ok("jobs", List[Job]{}), handle: s.listImports},
		{Method: "GET", Path: ws + "/imports/{id}", ID: "getImport", Summary: "an import job and its progress", Scope: read,
			Params: []param{wsParam, pathParam("id", "job id")}, Responses: ok("the job", Job{}), handle: s.getImport},
		{Method: "GET", Path: ws + "/imports/{id}/rejects", ID: "getImportRejects", Summary: "the raw rejected records of an import, to fix and upload again",
			Scope: read, Long: true, Params: []param{wsParam, pathParam("id", "job id")},
			Responses: []response{{Status: 200, Description: "the rejected records as they were read", Media: "application/octet-stream"}},
			handle:    s.getImportRejects},

		{Method: "GET", Path: ws + "/tokens", ID: "listTokens", Summary: "the workspace's API tokens (never their secrets)", Scope: admin,
			Params: []param{wsParam}, Responses: ok("tokens", List[herald.Token]{}), handle: s.listTokens},
		{Method: "POST", Path: ws + "/tokens", ID: "createToken", Summary: "create a token; its secret is in this response only", Scope: admin,
			Params: []param{wsParam}, Body: &body{Media: []string{"application/json"}, Schema: TokenRequest{}},
			Responses: []response{{Status: http.StatusCreated, Description: "the token and its secret", Schema: NewToken{}}}, handle: s.createToken},
		{Method: "DELETE", Path: ws + "/tokens/{id}", ID: "revokeToken", Summary: "revoke a token", Scope: admin,
			Params: []param{wsParam, pathParam("id", "token id")}, Responses: []response{{Status: http.StatusNoContent, Description: "revoked"}},
			handle: s.revokeToken},
	}
}
