package model

import "time"

// Story is a group of reports of one event, as clustering left it. Times
// are those of its dated reports (zero when none is dated).
type Story struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"` // a representative headline
	FirstSeen time.Time `json:"first_seen,omitzero"`
	LastSeen  time.Time `json:"last_seen,omitzero"`
	Size      int       `json:"size"`     // reports, copies included
	Outlets   []string  `json:"outlets"`  // distinct outlets, most reports first
	Terms     []string  `json:"terms"`    // the most telling words
	Entities  []string  `json:"entities"` // the names most reports mention
}
