; expect: error takes a numeral no larger than 4294967295
(set-option :random-seed 99999999999999999999999)
(declare-const x Int)
(assert (> x 0))
(check-sat)
