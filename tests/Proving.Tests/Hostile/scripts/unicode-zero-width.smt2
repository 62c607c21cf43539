; expect: error character U+200B
(declare-const x{U+200B} Int)
(assert (> x 0))
(check-sat)
