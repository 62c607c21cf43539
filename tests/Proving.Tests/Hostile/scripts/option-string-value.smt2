; expect: error takes a numeral
(set-option :random-seed "7")
(declare-const x Int)
(assert (> x 0))
(check-sat)
