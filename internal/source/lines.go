package source

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// lineReader yields lines of at most max bytes without ever holding a longer
// one in memory: a longer line is skipped and reported.
type lineReader struct {
	r    *bufio.Reader
	max  int
	line int
	buf  []byte
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 1<<20), max: max}
}

// next returns the next line without its line ending. At the end of input it
// returns io.EOF. A line over the limit comes back with ErrTooLong; a read
// error with the partial line discarded.
func (l *lineReader) next() ([]byte, error) {
	l.buf = l.buf[:0]
	l.line++
	tooLong := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if !tooLong {
			if len(l.buf)+len(chunk) > l.max+2 {
				tooLong = true
				l.buf = l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		switch {
		case err == nil:
			return l.finish(tooLong)
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF:
			if len(l.buf) == 0 && !tooLong {
				return nil, io.EOF
			}
			return l.finish(tooLong)
		default:
			return nil, err
		}
	}
}

func (l *lineReader) finish(tooLong bool) ([]byte, error) {
	if tooLong {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLong, l.max)
	}
	b := l.buf
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	if len(b) > l.max {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLong, l.max)
	}
	return b, nil
}
