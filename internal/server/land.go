package server

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// landText is the land outline (Natural Earth 1:110m, public domain, via
// the npm package world-atlas 2.0.2, ISC), built by tools/worldmap: one
// ring per line, "lon,lat" pairs.
//
//go:embed land.txt
var landText string

var (
	landOnce  sync.Once
	landRings [][][2]float64
)

func land() [][][2]float64 {
	landOnce.Do(func() {
		for _, line := range strings.Split(strings.TrimSpace(landText), "\n") {
			var ring [][2]float64
			for _, p := range strings.Fields(line) {
				lon, lat, ok := strings.Cut(p, ",")
				x, err1 := strconv.ParseFloat(lon, 64)
				y, err2 := strconv.ParseFloat(lat, 64)
				if ok && err1 == nil && err2 == nil {
					ring = append(ring, [2]float64{x, y})
				}
			}
			if len(ring) >= 3 {
				landRings = append(landRings, ring)
			}
		}
	})
	return landRings
}

// landPath is the SVG path of the land rings that reach the frame whose
// north-west corner is (west, north), w by h degrees, drawn width by
// height pixels. Points outside are kept (the SVG clips them) so rings
// stay closed.
func landPath(west, north, w, h, width, height float64) string {
	var b strings.Builder
	east, south := west+w, north-h
	for _, ring := range land() {
		in := false
		for _, p := range ring {
			if p[0] >= west-5 && p[0] <= east+5 && p[1] <= north+5 && p[1] >= south-5 {
				in = true
				break
			}
		}
		if !in {
			continue
		}
		for i, p := range ring {
			if i == 0 {
				b.WriteByte('M')
			} else {
				b.WriteByte('L')
			}
			b.WriteString(strconv.FormatFloat((p[0]-west)/w*width, 'f', 1, 64))
			b.WriteByte(' ')
			b.WriteString(strconv.FormatFloat((north-p[1])/h*height, 'f', 1, 64))
		}
		b.WriteByte('Z')
	}
	return b.String()
}
