package quotes

import (
	"unicode"
	"unicode/utf8"
)

// isLowerOf reports whether lower == strings.ToLower(s), without
// building the lower-case string.
func isLowerOf(lower, s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return isLowerOfRunes(lower[min(i, len(lower)):], s[i:])
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if i >= len(lower) || lower[i] != c {
			return false
		}
	}
	return len(lower) == len(s)
}

// isLowerOfRunes is isLowerOf rune by rune, as strings.ToLower lowers
// text that is not ASCII (invalid bytes become U+FFFD).
func isLowerOfRunes(lower, s string) bool {
	var buf [utf8.UTFMax]byte
	j := 0
	for _, r := range s {
		n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		if len(lower)-j < n || lower[j:j+n] != string(buf[:n]) {
			return false
		}
		j += n
	}
	return j == len(lower)
}

// appendLower appends strings.ToLower(s) to dst. With a buffer on the
// stack it lets a lower-case word be looked up without an allocation.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// lowerName is a name to compare with lower-case strings, as isLowerOf
// does. The lower case of an ASCII name is as long as the name, so a
// string of another length is told apart from it at once.
type lowerName struct {
	s     string
	ascii bool
}

// newLowerName returns the lowerName of s.
func newLowerName(s string) lowerName {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	return lowerName{s: s, ascii: ascii}
}

// is reports whether lower == strings.ToLower(n.s).
func (n lowerName) is(lower string) bool {
	return (!n.ascii || len(lower) == len(n.s)) && isLowerOf(lower, n.s)
}
