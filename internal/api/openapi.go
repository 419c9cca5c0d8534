package api

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The OpenAPI document is generated from the route table and the Go types
// of the responses, so that it cannot drift from what the handlers encode;
// a test checks every route's real responses against it.

var (
	timeType = reflect.TypeFor[time.Time]()
	rawType  = reflect.TypeFor[json.RawMessage]()
)

// schemas builds JSON Schemas (2020-12, as OpenAPI 3.1 uses) for Go types,
// named components for structs.
type schemas struct {
	components map[string]any
	types      map[string]reflect.Type
}

var nameCleaner = regexp.MustCompile(`[^A-Za-z0-9]+`)

// componentName names a struct type: its Go name, with generic arguments
// folded in (Page[export.Person] → PagePerson).
func componentName(t reflect.Type) string {
	name := t.Name()
	if i := strings.IndexByte(name, '['); i >= 0 {
		args := name[i+1 : len(name)-1]
		parts := strings.Split(args, ".")
		name = name[:i] + parts[len(parts)-1]
	}
	return nameCleaner.ReplaceAllString(name, "")
}

func (s *schemas) of(t reflect.Type) map[string]any {
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case t == rawType:
		return map[string]any{}
	}
	switch t.Kind() {
	case reflect.Pointer:
		inner := s.of(t.Elem())
		return map[string]any{"anyOf": []any{inner, map[string]any{"type": "null"}}}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": s.of(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": s.of(t.Elem())}
	case reflect.Interface:
		return map[string]any{}
	case reflect.Struct:
		name := componentName(t)
		if other, ok := s.types[name]; ok && other != t {
			// Two packages' types of one name: qualify the later one.
			pkg := t.PkgPath()[strings.LastIndexByte(t.PkgPath(), '/')+1:]
			name = strings.ToUpper(pkg[:1]) + pkg[1:] + name
		}
		s.types[name] = t
		if _, ok := s.components[name]; !ok {
			s.components[name] = nil // placeholder against recursion
			s.components[name] = s.object(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	panic(fmt.Sprintf("openapi: no schema for %s", t))
}

// object mirrors encoding/json: exported fields, json tags, embedded
// structs flattened; omitempty/omitzero fields are optional.
func (s *schemas) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	s.fields(t, props, &required)
	sort.Strings(required)
	out := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}

func (s *schemas) fields(t reflect.Type, props map[string]any, required *[]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			s.fields(f.Type, props, required)
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = s.of(f.Type)
		if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			*required = append(*required, name)
		}
	}
}

// openAPI renders the document.
func (s *Server) openAPI() ([]byte, error) {
	sc := &schemas{components: map[string]any{}, types: map[string]reflect.Type{}}
	problem := map[string]any{"application/problem+json": map[string]any{"schema": sc.of(reflect.TypeFor[Problem]())}}
	paths := map[string]any{}
	for _, rt := range s.routes {
		op := map[string]any{"operationId": rt.ID, "summary": rt.Summary}
		var params []any
		for _, p := range rt.Params {
			schema := map[string]any{"type": p.Type}
			if len(p.Enum) > 0 {
				schema["enum"] = p.Enum
			}
			pm := map[string]any{"name": p.Name, "in": p.In, "description": p.Description, "required": p.Required, "schema": schema}
			if p.Name == "map" {
				pm["schema"] = map[string]any{"type": "array", "items": schema}
				pm["explode"] = true
			}
			params = append(params, pm)
		}
		if len(params) > 0 {
			op["parameters"] = params
		}
		if rt.Body != nil {
			content := map[string]any{}
			for _, m := range rt.Body.Media {
				if rt.Body.Schema != nil {
					content[m] = map[string]any{"schema": sc.of(reflect.TypeOf(rt.Body.Schema))}
				} else {
					content[m] = map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}
				}
			}
			op["requestBody"] = map[string]any{"required": true, "content": content}
		}
		responses := map[string]any{}
		for _, r := range rt.Responses {
			code := strconv.Itoa(r.Status)
			resp, _ := responses[code].(map[string]any)
			if resp == nil {
				resp = map[string]any{"description": r.Description}
				responses[code] = resp
			}
			if r.Schema != nil || r.Media != "" {
				media := r.Media
				if media == "" {
					media = "application/json"
				}
				content, _ := resp["content"].(map[string]any)
				if content == nil {
					content = map[string]any{}
					resp["content"] = content
				}
				var schema any = map[string]any{"type": "string"}
				if r.Schema != nil {
					schema = sc.of(reflect.TypeOf(r.Schema))
				}
				content[media] = map[string]any{"schema": schema}
			}
			if len(r.Headers) > 0 {
				hs := map[string]any{}
				for _, h := range r.Headers {
					hs[h] = map[string]any{"schema": map[string]any{"type": "string"}}
				}
				resp["headers"] = hs
			}
		}
		problems := map[int]string{400: "invalid request", 404: "not found", 500: "internal error"}
		if rt.Scope != "" {
			problems[401], problems[403] = "missing, invalid or revoked token", "the token's scope does not allow this"
			problems[503] = "the request timed out or the server is busy"
		}
		if rt.Upload || rt.Body != nil {
			problems[413], problems[415] = "the body is too large", "unsupported content type"
		}
		for code, desc := range problems {
			if _, ok := responses[strconv.Itoa(code)]; !ok {
				responses[strconv.Itoa(code)] = map[string]any{"description": desc, "content": problem}
			}
		}
		op["responses"] = responses
		if rt.Scope != "" {
			op["security"] = []any{map[string]any{"token": []any{}}}
			op["x-herald-scope"] = string(rt.Scope)
		}
		item, _ := paths[rt.Path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.Path] = item
		}
		item[strings.ToLower(rt.Method)] = op
	}
	doc := map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "Herald API", "version": "v1",
			"description": "Herald's HTTP API: brand advocacy data of one workspace per token. Errors are RFC 9457 problem details; listings page with opaque cursors; see docs/api.md."},
		"servers": []any{map[string]any{"url": "/"}},
		"paths":   paths,
		"components": map[string]any{"schemas": sc.components,
			"securitySchemes": map[string]any{"token": map[string]any{"type": "http", "scheme": "bearer",
				"description": "an API token from `herald token create --workspace W --scope read|write|admin`"}}},
	}
	return json.MarshalIndent(doc, "", "  ")
}
