; expect: error U+001B is not a printable character
(set-info :source "{U+001B}[2J")
(declare-const x Int)
(assert (> x 0))
(check-sat)
