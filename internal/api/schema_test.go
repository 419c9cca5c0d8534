package api_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// validate checks a decoded JSON value against a JSON Schema of the subset
// the generated OpenAPI document uses: $ref, type, properties, required,
// additionalProperties, items, enum, anyOf, format date-time.
func validate(v any, schema map[string]any, doc map[string]any, path string) []string {
	if ref, ok := schema["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		comp, _ := doc["components"].(map[string]any)["schemas"].(map[string]any)[name].(map[string]any)
		if comp == nil {
			return []string{path + ": unresolved " + ref}
		}
		return validate(v, comp, doc, path)
	}
	if alts, ok := schema["anyOf"].([]any); ok {
		var errs []string
		for _, alt := range alts {
			e := validate(v, alt.(map[string]any), doc, path)
			if len(e) == 0 {
				return nil
			}
			errs = append(errs, e...)
		}
		return []string{fmt.Sprintf("%s: matches no alternative (%s)", path, strings.Join(errs, "; "))}
	}
	var errs []string
	if t, ok := schema["type"].(string); ok {
		if !hasType(v, t) {
			return []string{fmt.Sprintf("%s: %T is not %s", path, v, t)}
		}
	}
	if enum, ok := schema["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			found = found || e == v
		}
		if !found {
			errs = append(errs, fmt.Sprintf("%s: %v not in %v", path, v, enum))
		}
	}
	if schema["format"] == "date-time" {
		if s, _ := v.(string); s != "" {
			if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
				errs = append(errs, fmt.Sprintf("%s: %q is not a date-time", path, s))
			}
		}
	}
	switch x := v.(type) {
	case map[string]any:
		props, _ := schema["properties"].(map[string]any)
		for _, r := range asStrings(schema["required"]) {
			if _, ok := x[r]; !ok {
				errs = append(errs, fmt.Sprintf("%s: missing required %q", path, r))
			}
		}
		for k, val := range x {
			if ps, ok := props[k].(map[string]any); ok {
				errs = append(errs, validate(val, ps, doc, path+"."+k)...)
				continue
			}
			switch ap := schema["additionalProperties"].(type) {
			case bool:
				if !ap {
					errs = append(errs, fmt.Sprintf("%s: unexpected property %q", path, k))
				}
			case map[string]any:
				errs = append(errs, validate(val, ap, doc, path+"."+k)...)
			}
		}
	case []any:
		if items, ok := schema["items"].(map[string]any); ok {
			for i, it := range x {
				errs = append(errs, validate(it, items, doc, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	}
	return errs
}

func hasType(v any, t string) bool {
	switch t {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "integer":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		_, err := n.Int64()
		return err == nil
	}
	return false
}

func asStrings(v any) []string {
	var out []string
	if xs, ok := v.([]any); ok {
		for _, x := range xs {
			out = append(out, x.(string))
		}
	}
	return out
}
