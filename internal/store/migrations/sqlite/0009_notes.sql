-- Notes and tags on people (issue 6): what the team knows about a person,
-- and the labels segments and bulk actions select by. Both belong to one
-- workspace; a tag is stored normalized (herald.NormalizeTag).
CREATE TABLE person_notes (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    person_id    INTEGER NOT NULL REFERENCES persons(id),
    author       TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX person_notes_person ON person_notes (workspace_id, person_id, id);

CREATE TABLE person_tags (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    tag          TEXT NOT NULL,
    person_id    INTEGER NOT NULL REFERENCES persons(id),
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, tag, person_id)
);
CREATE INDEX person_tags_person ON person_tags (person_id, tag);
