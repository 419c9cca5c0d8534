package api

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/herald-advocacy/herald"
)

// Problem is an RFC 9457 problem details object.
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	// Errors names the request parameters that were wrong, and why.
	Errors []ParamError `json:"errors,omitempty"`
}

// ParamError is one invalid request parameter.
type ParamError struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// problemStatus maps application error codes to HTTP statuses: the one
// place where the two meet.
var problemStatus = map[string]int{
	herald.EInvalid:      http.StatusBadRequest,
	herald.ENotFound:     http.StatusNotFound,
	herald.EConflict:     http.StatusConflict,
	herald.EUnauthorized: http.StatusUnauthorized,
	eForbidden:           http.StatusForbidden,
	eTooLarge:            http.StatusRequestEntityTooLarge,
	eUnavailable:         http.StatusServiceUnavailable,
	eMethod:              http.StatusMethodNotAllowed,
	eUnsupported:         http.StatusUnsupportedMediaType,
	herald.EInternal:     http.StatusInternalServerError,
}

// Error codes of the transport itself.
const (
	eForbidden   = "forbidden"
	eTooLarge    = "too_large"
	eUnavailable = "unavailable"
	eMethod      = "method_not_allowed"
	eUnsupported = "unsupported_media_type"
)

// paramError is an invalid parameter: a 400 naming it.
type paramError struct{ ParamError }

func (e *paramError) Error() string { return e.Name + ": " + e.Reason }

func badParam(name, reason string) error { return &paramError{ParamError{Name: name, Reason: reason}} }

// problemFor builds the problem details of an error.
func problemFor(err error, instance string) Problem {
	var pe *paramError
	if errors.As(err, &pe) {
		return Problem{Type: problemType(herald.EInvalid), Title: "Invalid request parameter", Status: http.StatusBadRequest,
			Detail: pe.Error(), Instance: instance, Errors: []ParamError{pe.ParamError}}
	}
	code := herald.ErrorCode(err)
	status, ok := problemStatus[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	return Problem{Type: problemType(code), Title: http.StatusText(status), Status: status,
		Detail: herald.ErrorMessage(err), Instance: instance}
}

// problemType is the URI naming a kind of problem (documented in docs/api.md).
func problemType(code string) string { return "urn:herald:problem:" + code }

// writeProblem writes err as application/problem+json; internal errors are
// logged and shown as a generic message.
func (s *Server) writeProblem(w http.ResponseWriter, r *http.Request, err error) {
	p := problemFor(err, r.URL.Path)
	if p.Status >= 500 {
		s.log.ErrorContext(r.Context(), "request failed", slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Any("error", err))
	}
	if p.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="herald"`)
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(p)
}

// errorf returns an application error with a transport code.
func errorf(code, format string, args ...any) error { return herald.Errorf(code, format, args...) }
