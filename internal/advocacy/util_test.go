package advocacy

import "reflect"

func equalResults(a, b []Result) bool { return reflect.DeepEqual(a, b) }
