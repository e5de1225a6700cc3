package remote

// StartWithin is Start with another bound on the greeting.
var StartWithin = startWithin
