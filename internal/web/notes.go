package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/herald-advocacy/herald"
	"github.com/herald-advocacy/herald/internal/store"
)

// personID reads the {id} of a person URL: anything but a positive number
// is a person that does not exist.
func personID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, herald.Errorf(herald.ENotFound, "person %q not found", r.PathValue("id"))
	}
	return id, nil
}

// personURL is the page of a person of the visit's workspace, at a
// fragment of it.
func personURL(v *visit, id int64, fragment string) string {
	return "/w/" + url.PathEscape(v.ws.Slug) + "/people/" + strconv.FormatInt(id, 10) + "#" + fragment
}

// addNote writes a note on a person (managers and admins); the author is
// the user's e-mail address.
func (s *Server) addNote(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	id, err := personID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	n := &herald.Note{WorkspaceID: v.ws.ID, PersonID: id, Author: v.user.Email, Body: r.PostFormValue("body")}
	if err := s.db.AddNote(r.Context(), n); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, personURL(v, id, "notes"), http.StatusSeeOther)
}

// deleteNote deletes a note: managers and admins may delete any, anyone
// the note of their own.
func (s *Server) deleteNote(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	id, err := personID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	noteID, err := strconv.ParseInt(r.PathValue("note"), 10, 64)
	if err != nil {
		s.fail(w, r, herald.Errorf(herald.ENotFound, "note %q not found", r.PathValue("note")))
		return
	}
	notes, err := s.db.Notes(r.Context(), v.ws.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var note *herald.Note
	for i := range notes {
		if notes[i].ID == noteID {
			note = &notes[i]
		}
	}
	if note == nil {
		s.fail(w, r, herald.Errorf(herald.ENotFound, "note %d not found", noteID))
		return
	}
	if !canDeleteNote(v, note) {
		s.failStatus(w, r, http.StatusForbidden, "Only the note's author, a manager or an admin may delete it.")
		return
	}
	if err := s.db.DeleteNote(r.Context(), v.ws.ID, noteID); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, personURL(v, id, "notes"), http.StatusSeeOther)
}

func canDeleteNote(v *visit, n *herald.Note) bool {
	return v.role.Allows(store.RoleManager) || strings.EqualFold(n.Author, v.user.Email)
}

// tagPerson gives a person a tag (managers and admins).
func (s *Server) tagPerson(w http.ResponseWriter, r *http.Request) {
	s.changeTag(w, r, true)
}

// untagPerson takes a tag from a person (managers and admins).
func (s *Server) untagPerson(w http.ResponseWriter, r *http.Request) {
	s.changeTag(w, r, false)
}

func (s *Server) changeTag(w http.ResponseWriter, r *http.Request, add bool) {
	v := visitOf(r)
	id, err := personID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	change := s.db.UntagPeople
	if add {
		change = s.db.TagPeople
	}
	if _, err := change(r.Context(), v.ws.ID, r.PostFormValue("tag"), []int64{id}); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, personURL(v, id, "tags"), http.StatusSeeOther)
}

// tagSelected tags the people ticked in the advocates table, then goes
// back to the same view of the table (POST-redirect-GET).
func (s *Server) tagSelected(w http.ResponseWriter, r *http.Request) {
	v := visitOf(r)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, herald.Errorf(herald.EInvalid, "unreadable form: %v", err))
		return
	}
	var ids []int64
	for _, p := range r.PostForm["person"] {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil || id <= 0 {
			s.fail(w, r, herald.Errorf(herald.EInvalid, "person %q is not a person id", p))
			return
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		s.fail(w, r, herald.Errorf(herald.EInvalid, "tick at least one person to tag"))
		return
	}
	if _, err := s.db.TagPeople(r.Context(), v.ws.ID, r.PostFormValue("tag"), ids); err != nil {
		s.fail(w, r, err)
		return
	}
	back := "/w/" + url.PathEscape(v.ws.Slug) + "/advocates"
	if q := backQuery(r.PostFormValue("back")); q != "" {
		back += "?" + q
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// backQuery keeps the advocates table's own parameters of a query string
// sent back by a form, so the redirect cannot go anywhere else.
func backQuery(raw string) string {
	in, err := url.ParseQuery(raw)
	if err != nil {
		return ""
	}
	out := url.Values{}
	for _, k := range []string{"brand", "stage", "flag", "network", "tag", "after"} {
		if x := in.Get(k); x != "" {
			out.Set(k, x)
		}
	}
	return out.Encode()
}
