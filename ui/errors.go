package ui

import "fmt"

type errTooLarge struct{ size, max int }

func (e errTooLarge) Error() string {
	return fmt.Sprintf("the file is %d bytes, more than the %d a token may be (--max-size)", e.size, e.max)
}
