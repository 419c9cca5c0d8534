package api

import (
	"net/http"

	"github.com/herald-advocacy/herald"
)

// NoteRequest writes a note.
type NoteRequest struct {
	Body string `json:"body"` // 1–10,000 bytes of plain text
}

// TagRequest names the people a tag is given to or taken from.
type TagRequest struct {
	People []int64 `json:"people"` // person ids, at most 10,000
}

// TagResult counts the people a tagging changed.
type TagResult struct {
	Tag     string `json:"tag"`
	Changed int64  `json:"changed"`
}

func (s *Server) listNotes(c *call) error {
	p, err := s.person(c)
	if err != nil {
		return err
	}
	notes, err := s.db.Notes(c.r.Context(), c.ws.ID, p.ID)
	if err != nil {
		return err
	}
	return list(c, notes)
}

func (s *Server) addNote(c *call) error {
	p, err := s.person(c)
	if err != nil {
		return err
	}
	var req NoteRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	n := herald.Note{WorkspaceID: c.ws.ID, PersonID: p.ID, Author: "token:" + c.token.Name, Body: req.Body}
	if err := s.db.AddNote(c.r.Context(), &n); err != nil {
		return err
	}
	return c.json(http.StatusCreated, n)
}

func (s *Server) deleteNote(c *call) error {
	id, err := c.id("id")
	if err != nil {
		return err
	}
	if err := s.db.DeleteNote(c.r.Context(), c.ws.ID, id); err != nil {
		return err
	}
	c.w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) listTags(c *call) error {
	tags, err := s.db.Tags(c.r.Context(), c.ws.ID)
	if err != nil {
		return err
	}
	return list(c, tags)
}

func (s *Server) tagPeople(c *call) error   { return s.tagging(c, true) }
func (s *Server) untagPeople(c *call) error { return s.tagging(c, false) }

func (s *Server) tagging(c *call, add bool) error {
	tag, err := herald.NormalizeTag(c.r.PathValue("tag"))
	if err != nil {
		return err
	}
	var req TagRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	if len(req.People) == 0 {
		return herald.Errorf(herald.EInvalid, "people: name at least one person id")
	}
	change := s.db.UntagPeople
	if add {
		change = s.db.TagPeople
	}
	n, err := change(c.r.Context(), c.ws.ID, tag, req.People)
	if err != nil {
		return err
	}
	return c.json(http.StatusOK, TagResult{Tag: tag, Changed: n})
}
