package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"strings"

	"github.com/herald-advocacy/herald"
)

// identityCacheMax bounds the writer's identity cache so that memory stays
// flat on any input size; when full it is simply cleared — between batches
// only: a batch relies on what its first pass found cached. (A variable for
// tests.)
var identityCacheMax = 200_000

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
	// latest is the observation time of the stored snapshot, per identity
	// id: one account can be written through two keys (a handle-only
	// placeholder and its real id), so an entry is only current while its
	// time is the latest.
	latest map[int64]int64
}

func newIdentityCache() *identityCache {
	return &identityCache{seed: maphash.MakeSeed(), m: map[string]cachedIdentity{}, latest: map[int64]int64{}}
}

func cacheKey(n herald.Network, externalID string) string { return string(n) + "\x00" + externalID }

func (c *identityCache) forget(key string) { delete(c.m, key) }

func (c *identityCache) put(key string, e cachedIdentity) {
	c.m[key] = e
	c.latest[e.id] = max(c.latest[e.id], e.observed)
}

// fingerprint hashes the mutable fields of an identity snapshot.
func (c *identityCache) fingerprint(i *herald.Identity) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	for _, s := range []string{i.Handle, i.DisplayName, i.Bio, i.ProfileURL} {
		h.WriteString(s)
		h.WriteByte(0)
	}
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], uint64(i.Followers))
	binary.LittleEndian.PutUint64(b[8:], uint64(i.Following))
	h.Write(b[:])
	return h.Sum64()
}

// putIdentities stores identity snapshots within the writer's transaction
// and returns their ids and person ids, in order. A snapshot older than the
// stored one changes nothing; empty or unknown fields never overwrite known
// ones. An identity known only by handle ("@alice") and one with a real id
// and the same handle on the same network are the same account: the first
// real id seen upgrades the placeholder in place.
//
// Snapshots are applied in order, exactly as one by one (a property test
// holds the two to the same result), but the lookups are batched:
// identities not in the cache are looked up with one query per network (or
// per 200 keys), so that a PostgreSQL server is not asked once per record.
func (w *Writer) putIdentities(ctx context.Context, ids []*herald.Identity) ([]cachedIdentity, error) {
	if len(w.cache.m) >= identityCacheMax {
		clear(w.cache.m)
		clear(w.cache.latest)
	}
	var pending []int
	for k, i := range ids {
		if _, ok := w.cached(i); !ok {
			pending = append(pending, k)
		}
	}
	known := &knownIdentities{byKey: map[string]cachedIdentity{}, byHandle: map[string]cachedIdentity{}}
	if len(pending) > 0 {
		if err := w.prefetch(ctx, ids, pending, known); err != nil {
			return nil, err
		}
	}
	out := make([]cachedIdentity, len(ids))
	for k, i := range ids {
		if e, ok := w.cached(i); ok {
			out[k] = e
			continue
		}
		e, found, err := w.lookup(ctx, i, known)
		if err != nil {
			return nil, err
		}
		if found {
			out[k], err = w.refresh(ctx, i, e)
		} else {
			out[k], err = w.create(ctx, i, known)
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// create inserts a new account (a person and its identity) and makes it
// known to the rest of the batch, as a stored one would be.
func (w *Writer) create(ctx context.Context, i *herald.Identity, known *knownIdentities) (cachedIdentity, error) {
	e, err := w.insertIdentity(ctx, i)
	if err != nil {
		return e, err
	}
	key := cacheKey(i.Network, i.ExternalID)
	known.byKey[key] = e
	if i.Handle != "" {
		hk := cacheKey(i.Network, strings.ToLower(i.Handle))
		if prev, ok := known.byHandle[hk]; !ok || e.observed >= prev.observed {
			known.byHandle[hk] = e
		}
	}
	w.cache.put(key, e)
	return e, nil
}

// refresh applies a snapshot to a stored identity when it is not older than
// what is stored, and caches the result.
func (w *Writer) refresh(ctx context.Context, i *herald.Identity, e cachedIdentity) (cachedIdentity, error) {
	if latest, ok := w.cache.latest[e.id]; ok && latest > e.observed {
		e.observed = latest // written since it was looked up, through another key
	}
	if obs := ms(i.ObservedAt); obs >= e.observed {
		if err := w.updateIdentity(ctx, e.id, i); err != nil {
			return e, fmt.Errorf("store identity %s: %w", i.Key(), err)
		}
		e.observed = obs
		e.fingerprint = w.cache.fingerprint(i) // the cache mirrors what is stored
		w.cache.latest[e.id] = obs
	}
	w.cache.put(cacheKey(i.Network, i.ExternalID), e)
	return e, nil
}

// cached returns the cache entry for an identity when the snapshot brings
// nothing new: the same fields, or an older observation. (A newer snapshot
// with the same fields leaves the stored observation time as it is: moving
// it would cost a write for every record of a returning author.)
func (w *Writer) cached(i *herald.Identity) (cachedIdentity, bool) {
	e, ok := w.cache.m[cacheKey(i.Network, i.ExternalID)]
	if !ok || e.observed != w.cache.latest[e.id] {
		return e, false
	}
	return e, e.fingerprint == w.cache.fingerprint(i) || ms(i.ObservedAt) < e.observed
}

// knownIdentities is what one prefetch query found, by key and by handle.
type knownIdentities struct {
	byKey    map[string]cachedIdentity // cacheKey(network, external_id)
	byHandle map[string]cachedIdentity // network + "\x00" + handle_key: the newest
}

// prefetch loads the stored identities the pending snapshots may be: by
// external id, by "@handle" placeholder and by handle.
func (w *Writer) prefetch(ctx context.Context, ids []*herald.Identity, pending []int, known *knownIdentities) error {
	keys, handles := map[herald.Network][]any{}, map[herald.Network][]any{}
	for _, k := range pending {
		i := ids[k]
		keys[i.Network] = append(keys[i.Network], i.ExternalID)
		if i.Handle != "" {
			hk := strings.ToLower(i.Handle)
			keys[i.Network] = append(keys[i.Network], "@"+hk)
			handles[i.Network] = append(handles[i.Network], hk)
		}
	}
	per := w.d.rowsPerStatement()
	for n, ks := range keys {
		for len(ks) > 0 {
			if err := w.prefetchNetwork(ctx, n, ks[:min(per, len(ks))], nil, known); err != nil {
				return err
			}
			ks = ks[min(per, len(ks)):]
		}
		for hs := handles[n]; len(hs) > 0; hs = hs[min(per, len(hs)):] {
			if err := w.prefetchNetwork(ctx, n, nil, hs[:min(per, len(hs))], known); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *Writer) prefetchNetwork(ctx context.Context, n herald.Network, keys, handles []any, known *knownIdentities) error {
	// By id or by handle, never both in one query: an OR would scan.
	q := `SELECT id, person_id, observed_at, external_id, handle_key FROM identities WHERE workspace_id = $1 AND network = $2 AND `
	args := []any{w.ws, string(n)}
	if len(keys) > 0 {
		q += `external_id IN (` + placeholders(3, len(keys)) + `)`
		args = append(args, keys...)
	} else {
		q += `handle_key IN (` + placeholders(3, len(handles)) + `)`
		args = append(args, handles...)
	}
	err := w.scanRows(ctx, q, args, func(scan func(...any) error) error {
		var e cachedIdentity
		var ext, hk string
		if err := scan(&e.id, &e.personID, &e.observed, &ext, &hk); err != nil {
			return err
		}
		known.byKey[cacheKey(n, ext)] = e
		if prev, ok := known.byHandle[cacheKey(n, hk)]; !ok || e.observed > prev.observed {
			known.byHandle[cacheKey(n, hk)] = e
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("find identities: %w", err)
	}
	return nil
}

// lookup finds the stored identity a snapshot is, adopting a handle-only
// placeholder when the snapshot brings the account's real id.
func (w *Writer) lookup(ctx context.Context, i *herald.Identity, known *knownIdentities) (cachedIdentity, bool, error) {
	if e, ok := known.byKey[cacheKey(i.Network, i.ExternalID)]; ok {
		return e, true, nil
	}
	if e, ok := w.cache.m[cacheKey(i.Network, i.ExternalID)]; ok {
		return e, true, nil // cached but not current: refresh decides
	}
	if i.Handle == "" {
		return cachedIdentity{}, false, nil
	}
	hk := strings.ToLower(i.Handle)
	if strings.HasPrefix(i.ExternalID, "@") {
		e, ok := known.byHandle[cacheKey(i.Network, hk)]
		return e, ok, nil
	}
	placeholder := cacheKey(i.Network, "@"+hk)
	e, ok := known.byKey[placeholder]
	if !ok {
		return e, false, nil
	}
	if err := w.exec(ctx, adoptPlaceholderSQL, w.ws, string(i.Network), "@"+hk, i.ExternalID); err != nil {
		return e, false, fmt.Errorf("adopt identity %s: %w", i.Key(), err)
	}
	delete(known.byKey, placeholder)
	w.cache.forget(placeholder)
	known.byKey[cacheKey(i.Network, i.ExternalID)] = e
	return e, true, nil
}

// insertIdentity creates a new account: a person and its identity.
func (w *Writer) insertIdentity(ctx context.Context, i *herald.Identity) (cachedIdentity, error) {
	e := cachedIdentity{observed: ms(i.ObservedAt), fingerprint: w.cache.fingerprint(i)}
	err := w.queryRow(ctx, insertPersonSQL, []any{w.ws, ms(w.d.now()), i.Key().String()}, &e.personID)
	if err != nil {
		return e, fmt.Errorf("create person for %s: %w", i.Key(), err)
	}
	err = w.queryRow(ctx, insertIdentitySQL, []any{w.ws, e.personID, string(i.Network), i.ExternalID, i.Handle,
		strings.ToLower(i.Handle), i.DisplayName, i.Bio, i.Followers, i.Following, i.ProfileURL, e.observed}, &e.id)
	if err != nil {
		return e, fmt.Errorf("create identity %s: %w", i.Key(), err)
	}
	return e, nil
}

// rowsPerStatement is how many rows one multi-row statement carries. On
// PostgreSQL each statement is a round trip, so 200 rows travel together
// (within the parameter limit). On SQLite a statement is a function call,
// and its named-parameter binding grows quadratically with the parameter
// count, so single-row statements, prepared once per batch, are fastest.
func (d *DB) rowsPerStatement() int {
	if d.engine == Postgres {
		return 200
	}
	return 1
}

// scanRows runs a query, prepared once per transaction, in the writer's
// transaction and calls f per row.
func (w *Writer) scanRows(ctx context.Context, q string, args []any, f func(scan func(...any) error) error) error {
	st, err := w.stmt(ctx, q)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := f(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// placeholders renders "$start, $start+1, …" for n parameters.
func placeholders(start, n int) string {
	var b strings.Builder
	for k := 0; k < n; k++ {
		if k > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", start+k)
	}
	return b.String()
}

// updateIdentity refreshes an identity from a newer snapshot; empty strings
// and unknown (-1) counts keep the stored values.
func (w *Writer) updateIdentity(ctx context.Context, id int64, i *herald.Identity) error {
	return w.exec(ctx, updateIdentitySQL,
		id, i.Handle, strings.ToLower(i.Handle), i.DisplayName, i.Bio, i.Followers, i.Following, i.ProfileURL, ms(i.ObservedAt))
}

const (
	adoptPlaceholderSQL = `UPDATE identities SET external_id = $4
		WHERE workspace_id = $1 AND network = $2 AND external_id = $3`
	insertPersonSQL   = `INSERT INTO persons (workspace_id, display_name, created_at, origin) VALUES ($1, '', $2, $3) RETURNING id`
	insertIdentitySQL = `INSERT INTO identities (workspace_id, person_id, origin_person_id, network, external_id,
		handle, handle_key, display_name, bio, followers, following, profile_url, observed_at)
		VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`
	updateIdentitySQL = `UPDATE identities SET
		handle = CASE WHEN $2 = '' THEN handle ELSE $2 END,
		handle_key = CASE WHEN $2 = '' THEN handle_key ELSE $3 END,
		display_name = CASE WHEN $4 = '' THEN display_name ELSE $4 END,
		bio = CASE WHEN $5 = '' THEN bio ELSE $5 END,
		followers = CASE WHEN CAST($6 AS BIGINT) < 0 THEN followers ELSE CAST($6 AS BIGINT) END,
		following = CASE WHEN CAST($7 AS BIGINT) < 0 THEN following ELSE CAST($7 AS BIGINT) END,
		profile_url = CASE WHEN $8 = '' THEN profile_url ELSE $8 END,
		observed_at = $9
		WHERE id = $1`
)
