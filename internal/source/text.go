package source

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/model"
)

// headerKeys are the fields a text file may give in a header block of
// "Key: value" lines, ended by a blank line, before the body.
var headerKeys = map[string]bool{
	"id": true, "title": true, "url": true, "link": true, "outlet": true, "source": true,
	"published": true, "date": true, "byline": true, "author": true, "lang": true, "dateline": true,
}

func parseText(data []byte) (*model.Article, error) {
	text := normalizeText(string(data))
	a := &model.Article{}
	text, err := readHeader(a, text)
	if err != nil {
		return nil, err
	}
	if a.Title == "" {
		if title, rest, ok := splitTitle(text); ok {
			a.Title, text = title, rest
		}
	}
	a.Text = text
	clean(a)
	if a.Text == "" {
		return nil, ErrNoText
	}
	return a, nil
}

// readHeader consumes a header block when the text starts with one.
func readHeader(a *model.Article, text string) (string, error) {
	end := strings.Index(text, "\n\n")
	if end < 0 {
		return text, nil
	}
	fields := map[string]string{}
	for _, line := range strings.Split(text[:end], "\n") {
		k, v, ok := strings.Cut(line, ":")
		k = strings.ToLower(strings.TrimSpace(k))
		if !ok || !headerKeys[k] {
			return text, nil
		}
		fields[k] = strings.TrimSpace(v)
	}
	pub, err := ParseTime(firstNonEmpty(fields["published"], fields["date"]))
	if err != nil {
		return "", err
	}
	a.ID = fields["id"]
	a.Title = fields["title"]
	a.URL = firstNonEmpty(fields["url"], fields["link"])
	a.Outlet = firstNonEmpty(fields["outlet"], fields["source"])
	a.Byline = firstNonEmpty(fields["byline"], fields["author"])
	a.Lang = fields["lang"]
	a.Dateline = fields["dateline"]
	a.Published = pub
	return strings.TrimSpace(text[end:]), nil
}

// splitTitle takes the first line as the title only when it reads like a
// headline: short, not ending like a sentence, with no sentence break inside,
// and followed by more text. News bodies often open with a dateline sentence
// or a photo caption instead, which must stay in the body.
func splitTitle(text string) (title, rest string, ok bool) {
	first, rest, found := strings.Cut(text, "\n")
	rest = strings.TrimSpace(rest)
	if !found || rest == "" {
		return "", text, false
	}
	first = strings.TrimSpace(first)
	if !headlineLike(first) {
		return "", text, false
	}
	return first, rest, true
}

func headlineLike(s string) bool {
	n := utf8.RuneCountInString(s)
	words := len(strings.Fields(s))
	if n < 3 || n > 160 || words > 22 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".,;:)”\"'’", last) || last == '—' || last == '–' || last == '-' {
		return false
	}
	if strings.Contains(s, ". ") && sentenceBreak(s) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(first) || unicode.IsDigit(first) || first == '‘' || first == '“' || first == '"' || first == '\''
}

// sentenceBreak finds ". X" where X starts a new sentence and the word before
// the full stop is not an abbreviation ("U.S. Troops", "Gen. Milley").
func sentenceBreak(s string) bool {
	for i := strings.Index(s, ". "); i >= 0; {
		word := s[:i]
		if j := strings.LastIndexAny(word, " \t"); j >= 0 {
			word = word[j+1:]
		}
		next, _ := utf8.DecodeRuneInString(s[i+2:])
		if !abbreviation(word) && unicode.IsUpper(next) {
			return true
		}
		k := strings.Index(s[i+2:], ". ")
		if k < 0 {
			break
		}
		i += 2 + k
	}
	return false
}

// abbreviation is a word with inner full stops ("U.S") or a short
// capitalised one ("Gen", "Mr", "Jan").
func abbreviation(word string) bool {
	if strings.Contains(word, ".") {
		return true
	}
	first, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(first) && utf8.RuneCountInString(word) <= 4
}
