package mastodon

import (
	"fmt"
	"time"

	"github.com/herald-advocacy/herald"
)

// notificationRecords maps a notification. Its status (mention, status,
// update, poll, quote, …) is mapped as a status, with the notifying account
// among its actors. A favourite or reblog notification also yields the like
// or share by the notifying account of that status; as the API does not
// tell the id of the like or boost, its ExternalID is made from the
// account's and the status's: "<account uri>#favourite/<status uri>" (or
// "#reblog/"). Other notifications (follow, …) observe the account only.
func notificationRecords(n *notification) ([]herald.Record, error) {
	created, err := parseTime(n.CreatedAt)
	if err != nil {
		return nil, err
	}
	var notifier []herald.Identity
	if n.Account != nil {
		id, err := identity(n.Account, created)
		if err != nil {
			return nil, fmt.Errorf("account: %w", err)
		}
		notifier = append(notifier, id)
	}
	if n.Status == nil {
		if notifier == nil {
			return nil, nil
		}
		return []herald.Record{{Actors: notifier}}, nil
	}
	recs, err := statusRecords(n.Status, notifier...)
	if err != nil {
		return nil, fmt.Errorf("status: %w", err)
	}
	if notifier == nil || n.Type != "favourite" && n.Type != "reblog" {
		return recs, nil
	}
	return append(recs, reaction(n, notifier[0], created, recs[len(recs)-1].Activity)), nil
}

// reaction returns the like (favourite) or share (reblog) by the notifying
// account of the notification's status.
func reaction(n *notification, by herald.Identity, at time.Time, subject *herald.Activity) herald.Record {
	kind := herald.KindLike
	if n.Type == "reblog" {
		kind = herald.KindShare
	}
	a := &herald.Activity{
		Network: herald.Mastodon, ExternalID: by.ExternalID + "#" + n.Type + "/" + subject.ExternalID,
		Kind: kind, Author: by, CreatedAt: at, Subject: subject.ExternalID,
		SubjectAuthor: subject.Author.Handle, Metrics: herald.UnknownMetrics(),
		Attributes: map[string]string{"mastodon_notification_id": n.ID},
	}
	return herald.Record{Activity: a, Actors: addActors([]herald.Identity{by}, subject.Author)}
}

// conversationRecords maps a conversation: its last status, with the
// participants among its actors.
func conversationRecords(c *conversation) ([]herald.Record, error) {
	var at time.Time
	if c.LastStatus != nil {
		at, _ = parseTime(c.LastStatus.CreatedAt)
	}
	var people []herald.Identity
	for i := range c.Accounts {
		id, err := identity(&c.Accounts[i], at)
		if err != nil {
			return nil, fmt.Errorf("accounts[%d]: %w", i, err)
		}
		people = append(people, id)
	}
	if c.LastStatus == nil {
		if people == nil {
			return nil, nil
		}
		return []herald.Record{{Actors: people}}, nil
	}
	recs, err := statusRecords(c.LastStatus, people...)
	if err != nil {
		return nil, fmt.Errorf("last_status: %w", err)
	}
	return recs, nil
}

// accountRecords maps an account on its own (favourited_by, reblogged_by):
// an Actors-only record. The API does not tell when the account was seen,
// so ObservedAt is zero.
func accountRecords(a *account) ([]herald.Record, error) {
	id, err := identity(a, time.Time{})
	if err != nil {
		return nil, err
	}
	return []herald.Record{{Actors: []herald.Identity{id}}}, nil
}
