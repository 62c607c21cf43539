; expect: error may only be given true, false or a number
(set-option :smt.logic |{TARGET}/x|)
(declare-const x Int)
(assert (> x 0))
(check-sat)
