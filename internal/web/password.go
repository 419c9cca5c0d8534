package web

import (
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"github.com/herald-advocacy/herald"
)

// Password rules. bcrypt reads at most 72 bytes: a longer password is
// refused rather than silently cut.
const (
	MinPasswordLength = 10 // characters
	maxPasswordBytes  = 72
	// BcryptCost is the work factor of stored password hashes (about a
	// quarter of a second per check on a 2-core machine).
	BcryptCost = 12
)

// HashPassword checks a new password against the rules and returns its
// bcrypt hash.
func HashPassword(pw string) ([]byte, error) {
	return hashPassword(pw, BcryptCost)
}

func hashPassword(pw string, cost int) ([]byte, error) {
	if n := utf8.RuneCountInString(pw); n < MinPasswordLength {
		return nil, herald.Errorf(herald.EInvalid, "the password is too short: %d characters, at least %d are needed", n, MinPasswordLength)
	}
	if len(pw) > maxPasswordBytes {
		return nil, herald.Errorf(herald.EInvalid, "the password is too long: at most %d bytes", maxPasswordBytes)
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), cost)
	if err != nil {
		return nil, herald.Errorf(herald.EInvalid, "hash the password: %v", err)
	}
	return h, nil
}

// checkPassword reports whether pw matches hash. With a nil hash (an
// unknown e-mail address) it checks against a dummy hash of the same cost,
// so an unknown address takes as long as a wrong password.
func (s *Server) checkPassword(hash []byte, pw string) bool {
	if len(hash) == 0 {
		_ = bcrypt.CompareHashAndPassword(s.dummyHash, []byte(pw))
		return false
	}
	return bcrypt.CompareHashAndPassword(hash, []byte(pw)) == nil
}
