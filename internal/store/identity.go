package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/maphash"
	"strings"

	"github.com/herald-advocacy/herald"
)

// identityCacheMax bounds the writer's identity cache so that memory stays
// flat on any input size; when full it is simply cleared.
const identityCacheMax = 200_000

type cachedIdentity struct {
	id, personID int64
	observed     int64 // Unix ms of the stored snapshot
	fingerprint  uint64
}

// identityCache remembers identities a writer has already stored, so the
// common case — the same author again — costs no query.
type identityCache struct {
	seed maphash.Seed
	m    map[string]cachedIdentity
}

func newIdentityCache() *identityCache {
	return &identityCache{seed: maphash.MakeSeed(), m: make(map[string]cachedIdentity)}
}

func cacheKey(n herald.Network, externalID string) string { return string(n) + "\x00" + externalID }

func (c *identityCache) put(key string, e cachedIdentity) {
	if len(c.m) >= identityCacheMax {
		clear(c.m)
	}
	c.m[key] = e
}

// fingerprint hashes the mutable fields of an identity snapshot.
func (c *identityCache) fingerprint(i *herald.Identity) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	for _, s := range []string{i.Handle, i.DisplayName, i.Bio, i.ProfileURL} {
		h.WriteString(s)
		h.WriteByte(0)
	}
	fmt.Fprint(&h, i.Followers, i.Following)
	return h.Sum64()
}

// putIdentity stores an identity snapshot within tx and returns its id and
// person id. A snapshot older than the stored one changes nothing; empty or
// unknown fields never overwrite known ones. An identity known only by
// handle ("@alice") and one with a real id and the same handle on the same
// network are the same account: the first real id seen upgrades the
// placeholder in place.
func (w *Writer) putIdentity(ctx context.Context, i *herald.Identity) (cachedIdentity, error) {
	key := cacheKey(i.Network, i.ExternalID)
	fp := w.cache.fingerprint(i)
	obs := ms(i.ObservedAt)
	if e, ok := w.cache.m[key]; ok && (e.fingerprint == fp || obs < e.observed) {
		return e, nil
	}
	e, found, err := w.findIdentity(ctx, i)
	if err != nil {
		return e, err
	}
	if !found {
		e, err = w.insertIdentity(ctx, i)
	} else if obs >= e.observed {
		err = w.updateIdentity(ctx, e.id, i)
		e.observed = obs
	}
	if err != nil {
		return e, fmt.Errorf("store identity %s: %w", i.Key(), err)
	}
	e.fingerprint = fp
	w.cache.put(key, e)
	return e, nil
}

// findIdentity looks an identity up by key, then by handle across the
// placeholder/real-id divide.
func (w *Writer) findIdentity(ctx context.Context, i *herald.Identity) (cachedIdentity, bool, error) {
	const q = `SELECT id, person_id, observed_at FROM identities WHERE workspace_id = $1 AND network = $2 AND external_id = $3`
	var e cachedIdentity
	err := w.tx.QueryRowContext(ctx, q, w.ws, string(i.Network), i.ExternalID).Scan(&e.id, &e.personID, &e.observed)
	if err == nil {
		return e, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return e, false, fmt.Errorf("find identity %s: %w", i.Key(), err)
	}
	if i.Handle == "" {
		return e, false, nil
	}
	handleKey := strings.ToLower(i.Handle)
	if strings.HasPrefix(i.ExternalID, "@") {
		// A handle-only record: use the account with that handle, newest first.
		err = w.tx.QueryRowContext(ctx, `SELECT id, person_id, observed_at FROM identities
			WHERE workspace_id = $1 AND network = $2 AND handle_key = $3 ORDER BY observed_at DESC LIMIT 1`,
			w.ws, string(i.Network), handleKey).Scan(&e.id, &e.personID, &e.observed)
	} else {
		// A real id: adopt a handle-only placeholder for the same account.
		err = w.tx.QueryRowContext(ctx, `UPDATE identities SET external_id = $4
			WHERE workspace_id = $1 AND network = $2 AND external_id = $3
			RETURNING id, person_id, observed_at`,
			w.ws, string(i.Network), "@"+handleKey, i.ExternalID).Scan(&e.id, &e.personID, &e.observed)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return e, false, nil
	}
	if err != nil {
		return e, false, fmt.Errorf("find identity %s by handle: %w", i.Key(), err)
	}
	return e, true, nil
}

func (w *Writer) insertIdentity(ctx context.Context, i *herald.Identity) (cachedIdentity, error) {
	e := cachedIdentity{observed: ms(i.ObservedAt)}
	err := w.tx.QueryRowContext(ctx, `INSERT INTO persons (workspace_id, display_name, created_at) VALUES ($1, '', $2) RETURNING id`,
		w.ws, ms(w.d.now())).Scan(&e.personID)
	if err != nil {
		return e, fmt.Errorf("create person: %w", err)
	}
	err = w.tx.QueryRowContext(ctx, `INSERT INTO identities (workspace_id, person_id, origin_person_id, network, external_id,
		handle, handle_key, display_name, bio, followers, following, profile_url, observed_at)
		VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
		w.ws, e.personID, string(i.Network), i.ExternalID, i.Handle, strings.ToLower(i.Handle),
		i.DisplayName, i.Bio, i.Followers, i.Following, i.ProfileURL, e.observed).Scan(&e.id)
	return e, err
}

// updateIdentity refreshes an identity from a newer snapshot; empty strings
// and unknown (-1) counts keep the stored values.
func (w *Writer) updateIdentity(ctx context.Context, id int64, i *herald.Identity) error {
	_, err := w.tx.ExecContext(ctx, `UPDATE identities SET
		handle = CASE WHEN $2 = '' THEN handle ELSE $2 END,
		handle_key = CASE WHEN $2 = '' THEN handle_key ELSE $3 END,
		display_name = CASE WHEN $4 = '' THEN display_name ELSE $4 END,
		bio = CASE WHEN $5 = '' THEN bio ELSE $5 END,
		followers = CASE WHEN CAST($6 AS BIGINT) < 0 THEN followers ELSE CAST($6 AS BIGINT) END,
		following = CASE WHEN CAST($7 AS BIGINT) < 0 THEN following ELSE CAST($7 AS BIGINT) END,
		profile_url = CASE WHEN $8 = '' THEN profile_url ELSE $8 END,
		observed_at = $9
		WHERE id = $1`,
		id, i.Handle, strings.ToLower(i.Handle), i.DisplayName, i.Bio, i.Followers, i.Following, i.ProfileURL, ms(i.ObservedAt))
	return err
}
