package herald

// Record is one decoded input record, as produced by a file importer or a
// live connector and consumed by the ingest pipeline. It carries the
// activity it describes (if any) and every account it observed (the author
// and, for example, users expanded in an API response's includes).
//
// A record that could not be decoded carries Err; Raw then holds its bytes so
// the user can fix and re-import it.
type Record struct {
	// Pos is the record's position in its source: the 1-based line number
	// for line-oriented inputs (JSON Lines, CSV), else the 1-based record
	// number within the document.
	Pos int64
	// Raw is the record's input bytes, set on every record (a copy): the
	// pipeline may still reject a good-looking record (a date in the
	// future), and the rejects file must hold it as it came.
	Raw []byte

	Activity *Activity  // nil for records that only describe accounts
	Actors   []Identity // accounts observed in this record
	// Tombstone, when set, says the record deletes or undoes the activity
	// with this external id (Delete, Undo, a Jetstream delete).
	Tombstone *Key

	// Err is why the record was rejected; nil for good records.
	Err error

	// Preamble marks a record that only carries Raw: bytes that must precede
	// rejected records in a rejects file for it to be re-importable (a CSV
	// header line). Importers emit it before any other record.
	Preamble bool
}

// Emit is how importers hand records to their consumer. An error returned by
// Emit stops the importer, which returns that error.
type Emit func(Record) error

// Outcome is what storing one record did.
type Outcome int

// Outcomes of storing an activity or a tombstone.
const (
	Unchanged Outcome = iota // already stored exactly so (or deleted before)
	Created
	Updated
)
