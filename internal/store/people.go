package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/herald-advocacy/herald"
)

// PeopleFilter selects people of a workspace, in id order.
type PeopleFilter struct {
	// Query keeps people with an identity whose handle starts with it or
	// whose display name contains it (case-insensitive; a leading @ is
	// ignored).
	Query   string
	Network herald.Network // only people with an identity on this network
	AfterID int64          // cursor: only people with a larger id
	Limit   int            // 0: 100
}

// likeEscape escapes LIKE wildcards so user text matches literally.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// People lists the people of a workspace who have at least one identity
// (people emptied by a link are left out), with their identities.
func (d *DB) People(ctx context.Context, ws int64, f PeopleFilter) ([]herald.Person, error) {
	q := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(f.Query), "@"))
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	rows, err := d.db.QueryContext(ctx, `SELECT p.id, p.display_name, p.created_at FROM persons p
		WHERE p.workspace_id = $1 AND p.id > $2 AND EXISTS (SELECT 1 FROM identities i
			WHERE i.workspace_id = $1 AND i.person_id = p.id AND ($3 = '' OR i.network = $3)
			AND ($4 = '' OR i.handle_key LIKE $5 ESCAPE '\' OR LOWER(i.display_name) LIKE $6 ESCAPE '\'))
		ORDER BY p.id LIMIT $7`,
		ws, f.AfterID, string(f.Network), q, likeEscape(q)+"%", "%"+likeEscape(q)+"%", limit)
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	defer rows.Close()
	var out []herald.Person
	index := map[int64]int{}
	for rows.Next() {
		p := herald.Person{WorkspaceID: ws}
		var created int64
		if err := rows.Scan(&p.ID, &p.DisplayName, &created); err != nil {
			return nil, fmt.Errorf("list people: %w", err)
		}
		p.CreatedAt = fromMS(created)
		index[p.ID] = len(out)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	ids := make([]int64, len(out))
	for i, p := range out {
		ids[i] = p.ID
	}
	err = inChunks(ids, "person_id", func(cond string, args []any) error {
		rows, err := d.db.QueryContext(ctx, `SELECT `+identityColumns+` FROM identities WHERE workspace_id = $1`+cond+
			``, append([]any{ws}, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			i, err := scanIdentity(rows)
			if err != nil {
				return err
			}
			p := &out[index[i.PersonID]]
			p.Identities = append(p.Identities, i)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list people: read identities: %w", err)
	}
	for i := range out {
		sortIdentities(out[i].Identities)
		if out[i].DisplayName == "" {
			out[i].DisplayName = derivedName(out[i].Identities)
		}
	}
	return out, nil
}
