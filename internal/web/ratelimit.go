package web

import (
	"fmt"
	"strconv"
	"sync"
	"time"
)

// limiter counts failed sign-ins per key (a client address, an e-mail
// address) in a sliding window. It lives in the server, in memory: a
// restart forgets it, and several servers count separately.
type limiter struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	fails  map[string][]time.Time
}

// maxKeys bounds the memory an attacker can make the limiter use: past it,
// keys whose failures all left the window are dropped.
const maxKeys = 100_000

func newLimiter(max int, window time.Duration) *limiter {
	return &limiter{max: max, window: window, fails: map[string][]time.Time{}}
}

// recent returns key's failures still in the window at now.
func (l *limiter) recent(now time.Time, key string) []time.Time {
	fs := l.fails[key]
	i := 0
	for i < len(fs) && !fs[i].After(now.Add(-l.window)) {
		i++
	}
	if i == len(fs) {
		delete(l.fails, key)
		return nil
	}
	fs = fs[i:]
	l.fails[key] = fs
	return fs
}

// wait returns how long until any of keys may try again (0: now).
func (l *limiter) wait(now time.Time, keys ...string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	var longest time.Duration
	for _, k := range keys {
		fs := l.recent(now, k)
		if len(fs) >= l.max {
			// Free again when enough failures have left the window.
			longest = max(longest, fs[len(fs)-l.max].Add(l.window).Sub(now))
		}
	}
	return longest
}

// fail records a failed attempt under every key.
func (l *limiter) fail(now time.Time, keys ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.fails) >= maxKeys {
		for k := range l.fails {
			l.recent(now, k)
		}
	}
	for _, k := range keys {
		fs := append(l.recent(now, k), now)
		if len(fs) > l.max {
			fs = fs[len(fs)-l.max:]
		}
		l.fails[k] = fs
	}
}

// reset forgets a key's failures (a successful sign-in for that e-mail).
func (l *limiter) reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, key)
}

// retryAfter is a Retry-After value: whole seconds, rounded up.
func retryAfter(d time.Duration) string {
	return strconv.Itoa(int((d + time.Second - 1) / time.Second))
}

func humanWait(d time.Duration) string {
	if m := int((d + time.Minute - 1) / time.Minute); m > 1 {
		return fmt.Sprintf("%d minutes", m)
	}
	return "a minute"
}
