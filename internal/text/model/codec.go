package model

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
)

// The binary format, version 2. All fixed-size numbers are little-endian;
// "uvarint" is encoding/binary's unsigned varint.
//
//	magic          4 bytes  "HLRM"
//	format         uint16   2
//	hash bits      uint8
//	char min n     uint8
//	char max n     uint8
//	flags          uint8    bit 0: Options.Unweighted
//	epochs         uint32
//	learning rate  float64
//	L2             float64
//	seed           uint64
//	classes        uvarint k, then k × (uvarint length, UTF-8 bytes), sorted
//	dense          uvarint d (= 11), then d × k float32 (row j: feature j)
//	sparse rows    uvarint r, then r × (uvarint gap, k float32): the rows of
//	               the buckets with a non-zero weight, in increasing bucket
//	               order; gap is the bucket minus the previous bucket minus 1
//	               (the first gap is the bucket itself)
//	checksum       uint32   CRC-32C (Castagnoli) of all preceding bytes
//
// The feature extraction (tokenizer, hashing, dense features) is part of
// the format: changing it requires a new format version. Version 2 takes
// its tokens from package token; version 1 models must be trained again.
const (
	magic         = "HLRM"
	formatVersion = 2
	headerSize    = 4 + 2 + 4 + 4 + 8 + 8 + 8
	versionPrefix = "lr1-"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrFormat is wrapped by the errors of Unmarshal for input that is not a
// valid model encoding.
var ErrFormat = errors.New("invalid model encoding")

// MarshalBinary encodes the model in the format described above.
func (m *Model) MarshalBinary() ([]byte, error) {
	return m.encode(), nil
}

func (m *Model) encode() []byte {
	k := len(m.classes)
	b := make([]byte, 0, 1024)
	b = append(b, magic...)
	b = binary.LittleEndian.AppendUint16(b, formatVersion)
	var flags byte
	if m.opts.Unweighted {
		flags = 1
	}
	b = append(b, byte(m.opts.HashBits), byte(m.opts.CharMinN), byte(m.opts.CharMaxN), flags)
	b = binary.LittleEndian.AppendUint32(b, uint32(m.opts.Epochs))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(m.opts.LearningRate))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(m.opts.L2))
	b = binary.LittleEndian.AppendUint64(b, m.opts.Seed)
	b = binary.AppendUvarint(b, uint64(k))
	for _, c := range m.classes {
		b = binary.AppendUvarint(b, uint64(len(c)))
		b = append(b, c...)
	}
	b = binary.AppendUvarint(b, numDense)
	b = appendFloats(b, m.dense)
	rows := 0
	for i := 0; i < len(m.w); i += k {
		if nonZero(m.w[i : i+k]) {
			rows++
		}
	}
	b = binary.AppendUvarint(b, uint64(rows))
	prev := -1
	for i := 0; i < len(m.w); i += k {
		if nonZero(m.w[i : i+k]) {
			b = binary.AppendUvarint(b, uint64(i/k-prev-1))
			b = appendFloats(b, m.w[i:i+k])
			prev = i / k
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

func appendFloats(b []byte, xs []float32) []byte {
	for _, x := range xs {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	}
	return b
}

func nonZero(xs []float32) bool {
	for _, x := range xs {
		if x != 0 {
			return true
		}
	}
	return false
}

// setVersion derives the version from the encoding.
func (m *Model) setVersion() {
	sum := sha256.Sum256(m.encode())
	m.version = versionPrefix + hex.EncodeToString(sum[:6])
}

// Unmarshal decodes a model encoded by MarshalBinary. Truncated, corrupted
// or unsupported input yields an error wrapping ErrFormat.
func Unmarshal(data []byte) (*Model, error) {
	m, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("unmarshal model: %w", err)
	}
	m.setVersion()
	return m, nil
}

func decode(data []byte) (*Model, error) {
	if len(data) < headerSize+4 {
		return nil, fmt.Errorf("%w: %d bytes is too short", ErrFormat, len(data))
	}
	if string(data[:4]) != magic {
		return nil, fmt.Errorf("%w: bad magic %q", ErrFormat, data[:4])
	}
	switch v := binary.LittleEndian.Uint16(data[4:]); {
	case v < formatVersion:
		return nil, fmt.Errorf("%w: format version %d uses older features than this build's %d: train the model again",
			ErrFormat, v, formatVersion)
	case v > formatVersion:
		return nil, fmt.Errorf("%w: format version %d, this build reads %d", ErrFormat, v, formatVersion)
	}
	body := data[:len(data)-4]
	if got, want := crc32.Checksum(body, castagnoli), binary.LittleEndian.Uint32(data[len(body):]); got != want {
		return nil, fmt.Errorf("%w: checksum mismatch (truncated or corrupted)", ErrFormat)
	}
	d := &decoder{b: body[6:]}
	opts := d.options()
	classes := d.classes()
	if d.err == nil {
		if err := checkShape(opts, len(classes)); err != nil {
			d.fail("%v", err)
		}
	}
	dense := d.dense(len(classes))
	rows := *d // read the rows twice: check them all, then allocate and fill
	d.rows(len(classes), 1<<opts.HashBits, nil)
	if d.err == nil && len(d.b) != 0 {
		d.fail("%d trailing bytes", len(d.b))
	}
	if d.err != nil {
		return nil, d.err
	}
	m, err := newModel(opts, classes)
	if err != nil {
		return nil, err
	}
	copy(m.dense, dense)
	rows.rows(len(classes), 1<<opts.HashBits, m.w)
	return m, rows.err
}
