package cluster

// unionFind keeps disjoint sets of articles. The root of a set is always
// its earliest member, so a story's key never depends on merge order.
type unionFind struct{ parent []int32 }

func (u *unionFind) add() { u.parent = append(u.parent, int32(len(u.parent))) }

func (u *unionFind) find(x int32) int32 {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

func (u *unionFind) union(x, y int32) {
	rx, ry := u.find(x), u.find(y)
	if rx == ry {
		return
	}
	if ry < rx {
		rx, ry = ry, rx
	}
	u.parent[ry] = rx
}
