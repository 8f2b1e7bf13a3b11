package cli

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/source"
)

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// thousands formats n with comma separators: 18257 → "18,257".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// day formats a publication time for listings; unknown times show as "-".
func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04")
}

// parseDay reads a --since/--until value: RFC 3339 or YYYY-MM-DD.
func parseDay(flagName, s string) (time.Time, error) {
	t, err := source.ParseTime(s)
	if err != nil {
		return time.Time{}, usagef("--%s: %v", flagName, err)
	}
	return t, nil
}
