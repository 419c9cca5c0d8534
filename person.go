package herald

import "time"

// Person is one human (or organisation) behind one or more network
// identities. People are per workspace. Linking identities moves them onto one
// person; every identity remembers the person it was first seen as, so a link
// can be undone (unmerged) later.
type Person struct {
	ID          int64
	WorkspaceID int64
	DisplayName string
	Identities  []Identity
	CreatedAt   time.Time
}

// Identity is an account on one network, as last observed. It is keyed by
// workspace, network and external id; handle, name, bio and counts are
// refreshed whenever newer data about the account arrives.
type Identity struct {
	ID          int64
	PersonID    int64
	Network     Network
	ExternalID  string // the network's stable id (Twitter user id, DID, actor IRI…)
	Handle      string // without '@', as displayed (case kept)
	DisplayName string
	Bio         string
	Followers   int64 // -1 when unknown
	Following   int64 // -1 when unknown
	ProfileURL  string
	// ObservedAt is when this snapshot of the account was true (the time of
	// the record it came from); newer snapshots replace older ones.
	ObservedAt time.Time
}

// Key returns the identity's network key.
func (i *Identity) Key() Key { return Key{Network: i.Network, ExternalID: i.ExternalID} }

// Key identifies an identity or an activity on its network.
type Key struct {
	Network    Network
	ExternalID string
}

// String renders the key as "network:id".
func (k Key) String() string { return string(k.Network) + ":" + k.ExternalID }
