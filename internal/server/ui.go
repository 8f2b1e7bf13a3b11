package server

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/annotate"
	"github.com/sitrep/sitrep/internal/brief"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/words"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

type ui struct {
	pages map[string]*template.Template
}

var funcs = template.FuncMap{
	"when": func(t time.Time) string {
		if t.IsZero() {
			return "undated"
		}
		return t.UTC().Format("2006-01-02 15:04 UTC")
	},
	"whenp": func(t *time.Time) string {
		if t == nil || t.IsZero() {
			return "undated"
		}
		return t.UTC().Format("2006-01-02 15:04 UTC")
	},
	"iso": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	},
	"join":   strings.Join,
	"plural": plural,
	"path":   url.PathEscape,
	"first": func(n int, list []string) []string {
		if len(list) > n {
			return list[:n]
		}
		return list
	},
	"more": func(n int, list []string) int { return max(0, len(list)-n) },
	"label": func(s string) string {
		return strings.ReplaceAll(s, "_", " ")
	},
	"paras": func(text string) []string {
		var out []string
		for _, p := range strings.Split(text, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	},
	"safeURL": func(raw string) string { // only web links leave the page
		if u, err := url.Parse(raw); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			return u.String()
		}
		return ""
	},
}

func newUI() *ui {
	u := &ui{pages: map[string]*template.Template{}}
	for _, p := range []string{"stories", "story", "article", "compare", "error"} {
		u.pages[p] = template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+p+".html"))
	}
	return u
}

// render writes a page, or a plain error when the template fails (the
// page is built in memory first, so nothing half-written goes out).
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, data map[string]any) {
	html, err := s.ui.execute(page, data)
	s.writePage(w, r, status, page, html, err)
}

// execute renders a page into memory.
func (u *ui) execute(page string, data map[string]any) ([]byte, error) {
	var buf bytes.Buffer
	err := u.pages[page].Execute(&buf, data)
	return buf.Bytes(), err
}

// writePage sends a rendered page, or a plain error when rendering failed.
func (s *Server) writePage(w http.ResponseWriter, r *http.Request, status int, page string, html []byte, err error) {
	if err != nil {
		logFrom(r).Error("render", "page", page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(html)
}

func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "Something went wrong on our side."
	var he *httpError
	switch {
	case errors.As(err, &he):
		status, msg = he.status, he.msg
	case errors.Is(err, store.ErrNotFound):
		status, msg = http.StatusNotFound, "There is nothing at this address: the story or report may have been regrouped after new reports arrived."
	default:
		logFrom(r).Error("page failed", "err", err)
	}
	s.render(w, r, status, "error", map[string]any{"Title": http.StatusText(status), "Status": status, "Message": msg})
}

func (s *Server) pageNotFound(w http.ResponseWriter, r *http.Request) {
	s.pageError(w, r, store.ErrNotFound)
}

func (s *Server) pageStories(w http.ResponseWriter, r *http.Request) {
	f, err := parseStoryFilter(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p, err := s.findStories(r, f)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	link := func(offset int, bySize bool) string {
		q := r.URL.Query()
		q.Del("offset")
		if offset > 0 {
			q.Set("offset", strconv.Itoa(offset))
		}
		q.Del("sort")
		if bySize {
			q.Set("sort", "size")
		}
		if e := q.Encode(); e != "" {
			return "/?" + e
		}
		return "/"
	}
	data := map[string]any{
		"Title": "Stories", "Page": p, "Filter": f,
		"Recent": link(0, false), "Biggest": link(0, true),
		"Atom": "/feeds/stories.atom" + strings.TrimPrefix(link(0, false), "/"),
	}
	if f.Offset > 0 {
		data["Prev"] = link(max(0, f.Offset-f.Limit), f.BySize)
	}
	if f.Offset+f.Limit < p.Total {
		data["Next"] = link(f.Offset+f.Limit, f.BySize)
	}
	if p.Total > 0 {
		data["From"], data["To"] = f.Offset+1, min(p.Total, f.Offset+f.Limit)
	}
	s.render(w, r, http.StatusOK, "stories", data)
}

func (s *Server) pageStory(w http.ResponseWriter, r *http.Request) {
	cb, err := s.brief(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	cb.pageOnce.Do(func() { cb.page, cb.pageErr = s.ui.execute("story", storyPageData(cb)) })
	s.writePage(w, r, http.StatusOK, "story", cb.page, cb.pageErr)
}

func storyPageData(cb *cachedBrief) map[string]any {
	b := cb.brief
	var corroborated, single []brief.Claim
	for _, c := range b.Claims {
		if c.Status == brief.Corroborated {
			corroborated = append(corroborated, c)
		} else {
			single = append(single, c)
		}
	}
	var people, orgs, places []brief.EntityUse
	for _, e := range b.Entities {
		switch e.Type {
		case "PERSON":
			people = append(people, e)
		case "ORG":
			orgs = append(orgs, e)
		default:
			places = append(places, e)
		}
	}
	title := b.Headline
	if title == "" {
		title = cb.story.Title
	}
	return map[string]any{
		"Title": title, "Story": cb.story, "B": b,
		"Corroborated": corroborated, "Single": single,
		"People": people, "Orgs": orgs, "Places": places,
		"Chart": coverageChart(b), "Map": placeMap(places),
	}
}

func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.st.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	data := map[string]any{"Title": a.Title, "A": a}
	if a.CopyOf != "" {
		if o, err := s.st.Article(r.Context(), a.CopyOf); err == nil {
			data["Original"] = o
		}
	}
	s.render(w, r, http.StatusOK, "article", data)
}

// pageCompare shows two reports side by side, the sentences they share
// marked.
func (s *Server) pageCompare(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	ids := q["id"]
	if a, b := q.Get("a"), q.Get("b"); a != "" || b != "" {
		ids = []string{a, b}
	}
	if len(ids) != 2 || ids[0] == "" || ids[1] == "" {
		s.pageError(w, r, errorf(http.StatusBadRequest, "Choose two reports to compare: /compare?a=ID&b=ID."))
		return
	}
	var arts [2]*model.Article
	for i, id := range ids {
		a, err := s.st.Article(r.Context(), id)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		arts[i] = a
	}
	left, right, shared := compareTexts(arts[0].Text, arts[1].Text)
	s.render(w, r, http.StatusOK, "compare", map[string]any{
		"Title": "Compare reports", "Sides": []compareSide{{arts[0], left}, {arts[1], right}}, "Shared": shared,
	})
}

type compareSide struct {
	A *model.Article
	P []passage
}

// passage is a sentence of a compared report, Shared when the other report
// has a close match.
type passage struct {
	Text   string
	Shared bool
	Para   bool // starts a paragraph
}

// compareTexts splits both texts into sentences and marks those whose
// content words are mostly found in one sentence of the other text
// (containment ≥ 0.6 of the shorter, at least three words in common).
func compareTexts(a, b string) (left, right []passage, shared int) {
	sa, sb := sentenceBags(a), sentenceBags(b)
	left, right = make([]passage, len(sa)), make([]passage, len(sb))
	for i, x := range sa {
		left[i] = passage{Text: x.text, Para: x.para}
	}
	for j, y := range sb {
		right[j] = passage{Text: y.text, Para: y.para}
	}
	for i, x := range sa {
		for j, y := range sb {
			if similar(x.bag, y.bag) {
				left[i].Shared, right[j].Shared = true, true
			}
		}
	}
	for _, p := range left {
		if p.Shared {
			shared++
		}
	}
	return left, right, shared
}

type bagSentence struct {
	text string
	para bool
	bag  map[string]bool
}

func sentenceBags(text string) []bagSentence {
	var out []bagSentence
	prev := 0
	for _, sp := range annotate.Sentences(text) {
		bag := map[string]bool{}
		words.Each(sp.Text, func(w []byte, _ words.Span) {
			if s := string(w); !words.Stop(s) {
				bag[words.Stem(s)] = true
			}
		})
		out = append(out, bagSentence{text: sp.Text, para: len(out) == 0 || strings.Contains(text[prev:sp.Start], "\n"), bag: bag})
		prev = sp.End
	}
	return out
}

func similar(x, y map[string]bool) bool {
	small, big := x, y
	if len(small) > len(big) {
		small, big = big, small
	}
	if len(small) < 3 {
		return false
	}
	common := 0
	for w := range small {
		if big[w] {
			common++
		}
	}
	return common >= 3 && float64(common) >= 0.6*float64(len(small))
}

// chart is the coverage chart: one row per outlet, a dot per report at its
// publication time.
type chart struct {
	Width, Height int
	Left, Right   int // plot area in x
	Rows          []chartRow
	Dots          []chartDot
	Ticks         []chartTick
	Undated       int
}

type chartRow struct {
	Y      int
	Outlet string
}

type chartDot struct {
	X, Y  int
	Copy  bool
	Label string
	Href  string
}

type chartTick struct {
	X     int
	Label string
}

func coverageChart(b *brief.Brief) *chart {
	c := &chart{Width: 720, Left: 170, Right: 700}
	rowOf := map[string]int{}
	var lo, hi time.Time
	for _, rep := range b.Reports {
		if _, ok := rowOf[rep.Outlet]; !ok {
			rowOf[rep.Outlet] = len(c.Rows)
			c.Rows = append(c.Rows, chartRow{Y: 30 + 24*len(c.Rows), Outlet: rep.Outlet})
		}
		if rep.Published == nil {
			c.Undated++
			continue
		}
		t := *rep.Published
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	if lo.IsZero() {
		return nil // nothing dated: no time axis to draw
	}
	span := hi.Sub(lo)
	if span < time.Hour {
		lo, hi, span = lo.Add(-30*time.Minute), hi.Add(30*time.Minute), span+time.Hour
	}
	x := func(t time.Time) int {
		return c.Left + int(math.Round(float64(t.Sub(lo))/float64(span)*float64(c.Right-c.Left)))
	}
	for _, rep := range b.Reports {
		if rep.Published == nil {
			continue
		}
		label := fmt.Sprintf("%s, %s: %s", rep.Outlet, rep.Published.UTC().Format("Jan 2 15:04"), rep.Title)
		if rep.CopyType != "" {
			label += " (" + rep.CopyType + " copy)"
		}
		c.Dots = append(c.Dots, chartDot{X: x(*rep.Published), Y: c.Rows[rowOf[rep.Outlet]].Y, Copy: rep.CopyType != "", Label: label, Href: "/articles/" + url.PathEscape(rep.ID)})
	}
	layout := "Jan 2 15:04"
	if span > 72*time.Hour {
		layout = "Jan 2"
	}
	for i := range 5 {
		t := lo.Add(time.Duration(float64(span) * float64(i) / 4))
		c.Ticks = append(c.Ticks, chartTick{X: x(t), Label: t.UTC().Format(layout)})
	}
	c.Height = 30 + 24*len(c.Rows) + 20
	return c
}

// placeMap is an equirectangular map of the story's places, framed on them.
type placeMapData struct {
	Width, Height int
	Land          string // SVG path of the land, in this frame
	Lines         []mapLine
	Dots          []mapDot
}

type mapLine struct{ X1, Y1, X2, Y2 int }

type mapDot struct {
	X, Y  int
	Name  string
	Right bool // label to the left of the dot
}

func placeMap(places []brief.EntityUse) *placeMapData {
	var pts []brief.EntityUse
	for _, p := range places {
		if p.Lat != 0 || p.Lon != 0 {
			pts = append(pts, p)
		}
	}
	if len(pts) == 0 {
		return nil
	}
	minLat, maxLat, minLon, maxLon := 90.0, -90.0, 180.0, -180.0
	for _, p := range pts {
		minLat, maxLat = math.Min(minLat, p.Lat), math.Max(maxLat, p.Lat)
		minLon, maxLon = math.Min(minLon, p.Lon), math.Max(maxLon, p.Lon)
	}
	// Frame: at least 40° wide, 2:1, padded, within the world.
	w := math.Max(40, (maxLon-minLon)*1.3)
	h := math.Max(w/2, (maxLat-minLat)*1.3)
	w = math.Max(w, 2*h)
	cx, cy := (minLon+maxLon)/2, (minLat+maxLat)/2
	if w >= 360 {
		w, h, cx, cy = 360, 180, 0, 0
	}
	west := math.Max(-180, math.Min(cx-w/2, 180-w))
	north := math.Min(90, math.Max(cy+h/2, -90+h))
	m := &placeMapData{Width: 480, Height: 240}
	px := func(lon, lat float64) (int, int) {
		return int(math.Round((lon - west) / w * float64(m.Width))), int(math.Round((north - lat) / h * float64(m.Height)))
	}
	m.Land = landPath(west, north, w, h, float64(m.Width), float64(m.Height))
	step := 10.0
	if w > 120 {
		step = 30
	}
	for lon := math.Ceil(west/step) * step; lon <= west+w; lon += step {
		x, _ := px(lon, 0)
		m.Lines = append(m.Lines, mapLine{x, 0, x, m.Height})
	}
	for lat := math.Ceil((north-h)/step) * step; lat <= north; lat += step {
		_, y := px(0, lat)
		m.Lines = append(m.Lines, mapLine{0, y, m.Width, y})
	}
	for _, p := range pts {
		x, y := px(p.Lon, p.Lat)
		m.Dots = append(m.Dots, mapDot{X: x, Y: y, Name: p.Name, Right: x > m.Width*2/3})
	}
	sort.Slice(m.Dots, func(i, j int) bool { return m.Dots[i].Y < m.Dots[j].Y })
	return m
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
